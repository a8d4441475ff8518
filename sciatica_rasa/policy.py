"""Dialogue policy: red flags are handled first, whatever else is going on."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from sciatica.redflag_check import POSSIBLE
from sciatica.redflags import PRESENT, QUESTION, UNCERTAIN
from sciatica_rasa.constants import (
    ACTION_CONFIRM,
    ACTION_CRISIS_CHECK,
    ACTION_ESCALATE,
    ACTION_EXPLAIN,
    ACTION_RESOLVE,
    ACTION_WELCOME_BACK,
    CRISIS_CHECK,
    CRISIS_ENTITY,
    CRISIS_UNCERTAIN,
    ENTITY,
    RED_FLAG_ACTIONS,
    RESPONSE_CRISIS,
    SCREENING_FORM,
    SLOT_CHECKED,
    SLOT_CRISIS_RULED_OUT,
    SLOT_PENDING,
    SLOT_RECHECK_DUE,
)

# Intents of reminders and other external events.
EXTERNAL_PREFIX = "EXTERNAL_"

# Above RulePolicy (6), so that red flags win over rules and active forms.
DEFAULT_PRIORITY = 7


def next_red_flag_action(
    latest_action: str | None,
    roles: List[str],
    pending: str | None,
    loop_active: bool = False,
    crisis: bool = False,
    recheck_due: bool = False,
    crisis_uncertain: bool = False,
    crisis_ruled_out: bool = False,
    screening_active: bool = False,
) -> str | None:
    """Chooses the red-flag action for this turn, if any.

    Args:
        latest_action: The last action run (``action_listen`` after a message).
        roles: The roles of the ``red_flag_concept`` entities in the message.
        pending: The concept awaiting a yes/no confirmation, if any.
        loop_active: Whether a form is active.
        crisis: The message speaks of self-harm or not wanting to live.
        recheck_due: A returning person has not been asked the short red-flag
            question of this visit yet.
        crisis_uncertain: Only the intent classifier reads the message as
            possibly about self-harm: ask before anything else but a red flag.
        crisis_ruled_out: The person already answered "no" to that question
            in this session.
        screening_active: The screening form is asking its warning-sign
            questions: a concept only the classifier suggests (``possible``)
            is left to it.

    Returns:
        The action to run now, or ``None`` to let the other policies decide.
    """
    if latest_action == ACTION_LISTEN_NAME and crisis:
        # Also the answer to the crisis check: resolving it gives the support.
        return ACTION_RESOLVE if pending == CRISIS_CHECK else RESPONSE_CRISIS
    if latest_action == RESPONSE_CRISIS:
        # Then any red flag in the same message, else wait for the person.
        if PRESENT in roles:
            return ACTION_ESCALATE
        return ACTION_LISTEN_NAME
    if latest_action == ACTION_RESOLVE and loop_active:
        return None  # the form goes on: it asks its question again
    if latest_action in RED_FLAG_ACTIONS:
        return ACTION_LISTEN_NAME
    if latest_action != ACTION_LISTEN_NAME:
        return None
    if PRESENT in roles:
        return ACTION_ESCALATE
    if pending:
        return ACTION_RESOLVE
    if UNCERTAIN in roles:
        return ACTION_CONFIRM
    if QUESTION in roles:
        return ACTION_EXPLAIN
    if crisis_uncertain and not crisis_ruled_out:
        return ACTION_CRISIS_CHECK
    if POSSIBLE in roles and not screening_active:
        return ACTION_CONFIRM
    if recheck_due:
        return ACTION_WELCOME_BACK
    return None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT],
    is_trainable=False,
)
class RedFlagPolicy(Policy):
    """Runs the red-flag actions as soon as a message carries a red flag.

    Its predictions are made with full confidence, as "no user" predictions
    (like a form's happy path) and with a priority above RulePolicy, so an
    active form or rule cannot swallow a red flag.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The policy's default configuration."""
        return {"priority": DEFAULT_PRIORITY}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        """Creates the policy (see ``Policy``)."""
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn: the policy is rule-based."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Predicts a red-flag action, or nothing (see ``Policy``)."""
        probabilities = self._default_predictions(domain)
        latest = tracker.latest_action_name
        message = tracker.latest_message
        entities = message.entities if message else []
        checked = tracker.get_slot(SLOT_CHECKED) or []
        roles = [
            entity.get("role") or PRESENT
            for entity in entities
            if entity.get("entity") == ENTITY
            # The classifier alone asks about each concept once.
            and not (entity.get("role") == POSSIBLE and entity.get("value") in checked)
        ]
        crisis_roles = [
            entity.get("role")
            for entity in entities
            if entity.get("entity") == CRISIS_ENTITY
        ]
        crisis = any(role != CRISIS_UNCERTAIN for role in crisis_roles)
        intent = (message.intent or {}).get("name") if message else None
        if latest == ACTION_LISTEN_NAME and str(intent).startswith(EXTERNAL_PREFIX):
            # A reminder firing is not the person's answer to anything.
            return self._prediction(probabilities)
        action = next_red_flag_action(
            latest,
            roles,
            tracker.get_slot(SLOT_PENDING),
            loop_active=bool(tracker.active_loop_name),
            crisis=crisis,
            recheck_due=bool(tracker.get_slot(SLOT_RECHECK_DUE)),
            crisis_uncertain=CRISIS_UNCERTAIN in crisis_roles,
            crisis_ruled_out=bool(tracker.get_slot(SLOT_CRISIS_RULED_OUT)),
            screening_active=tracker.active_loop_name == SCREENING_FORM,
        )
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)
