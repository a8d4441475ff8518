"""NLU components: red-flag concepts as entities on every message; FAQ answers."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import (
    LogisticRegressionClassifier,
)
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from sciatica.crisis import is_crisis
from sciatica.redflags import PRESENT, QUESTION, UNCERTAIN, RedFlagDetector
from sciatica_rasa.constants import CRISIS_ENTITY, ENTITY, EXTRACTOR

_REPORTED = (PRESENT, UNCERTAIN, QUESTION)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class RedFlagExtractor(GraphComponent):
    """Adds a ``red_flag_concept`` entity for each red flag in the message.

    A message about self-harm or not wanting to live also gets a ``crisis``
    entity.

    The entity's value is the concept id and its role how it stands in the
    message: ``present``, ``uncertain`` or ``question``. Negated, family and
    other non-applying mentions add nothing. The result does not depend on the
    intent classifier.
    """

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagExtractor:
        """Creates the component (see ``GraphComponent``)."""
        return cls()

    def __init__(self) -> None:
        """Builds (or reuses) the process-wide detector."""
        self._detector = RedFlagDetector.default()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leaves training data alone: the component is rule-based."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the red-flag entities to each message."""
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            detection = self._detector.detect(text)
            found = [
                {
                    "entity": ENTITY,
                    "value": finding.concept,
                    "role": finding.certainty,
                    "start": 0,
                    "end": len(text),
                    "confidence_entity": 1.0,
                    "extractor": EXTRACTOR,
                }
                for finding in detection.findings
                if finding.certainty in _REPORTED
            ]
            if is_crisis(text):
                found.append(
                    {
                        "entity": CRISIS_ENTITY,
                        "value": "self_harm",
                        "start": 0,
                        "end": len(text),
                        "confidence_entity": 1.0,
                        "extractor": EXTRACTOR,
                    }
                )
            if found:
                entities = [
                    e
                    for e in message.get(ENTITIES, [])
                    if e.get("entity") not in (ENTITY, CRISIS_ENTITY)
                ]
                message.set(ENTITIES, entities + found, add_to_output=True)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class FaqResponseSelector(ResponseSelector):
    """Rasa's ResponseSelector, run only on messages of its retrieval intent.

    Rasa's runs its TensorFlow model on every message; its answer is only used
    when the intent is the retrieval intent (``faq``: ``utter_faq`` follows
    only that intent). Skipping the forward pass for every other message saves
    about a tenth of the server's CPU per message (docs/benchmarks.md). Must
    come after the intent classifier in the pipeline.
    """

    def process(self, messages: List[Message]) -> List[Message]:
        """Selects the answer for the messages classified as the retrieval intent."""
        wanted = (
            {self.retrieval_intent}
            if self.retrieval_intent
            else set(self.all_retrieval_intents)
        )
        selected = [
            message
            for message in messages
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) in wanted
        ]
        if selected:
            super().process(selected)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class IntentClassifier(LogisticRegressionClassifier):
    """Rasa's LogisticRegressionClassifier with its regularisation configurable.

    Rasa fixes scikit-learn's ``C`` at 1.0, which on this data underfits: short
    answers were pulled towards the intent of their commonest word ("no change"
    in the movement test read as ``deny``). ``C`` is chosen by cross-validation
    (docs/benchmarks.md).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rasa's defaults plus ``C``."""
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: Dict[str, Any], *args: Any, **kwargs: Any) -> None:
        """Creates the classifier (see ``LogisticRegressionClassifier``)."""
        super().__init__(config, *args, **kwargs)
        self.clf.set_params(C=float(self.config["C"]))
