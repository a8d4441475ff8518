"""NLU components: red-flag entities on every message, intents, FAQ answers."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from sciatica import crisis, redflag_check
from sciatica.redflags import REPORTED, RULES_PATH, Detection, RedFlagDetector
from sciatica_rasa.constants import (
    CRISIS_ENTITY,
    CRISIS_UNCERTAIN,
    ENTITY,
    EXTRACTOR,
)
from sciatica_rasa.text_model import TextModel

# Set by CrisisClassifier on each message, read by RedFlagExtractor.
CRISIS_PROBABILITY = "crisis_probability"
# Set by RedFlagClassifier on each message, read by RedFlagExtractor.
RED_FLAG_PROBABILITIES = "red_flag_probabilities"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class RedFlagExtractor(GraphComponent):
    """Adds a ``red_flag_concept`` entity for each red flag in the message.

    A message about self-harm or not wanting to live also gets a ``crisis``
    entity. When the rules of ``sciatica.crisis`` don't match but
    ``CrisisClassifier`` (or, without it, the intent classifier) gives a
    crisis probability of at least ``crisis_check_threshold``, the entity has
    the role ``uncertain`` and the assistant asks before anything else
    (``action_crisis_check``), unless the message plainly says the person is
    not at risk. Both classifiers must come before this component.

    The entity's value is the concept id and its role how it stands in the
    message: ``present``, ``uncertain`` or ``question``. Negated, family and
    other non-applying mentions add nothing. The red-flag entities and a
    ``crisis`` entity without role do not depend on any classifier.

    A concept the rules do not mention at all but ``RedFlagClassifier`` gives
    at least ``red_flag_check_threshold`` gets the role ``possible``: the
    assistant asks its yes/no question (``sciatica.redflag_check``).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The classifiers' probabilities from which to ask."""
        return {"crisis_check_threshold": 0.1, "red_flag_check_threshold": 0.2}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagExtractor:
        """Creates the component (see ``GraphComponent``)."""
        merged = {**cls.get_default_config(), **config}
        return cls(
            crisis_check_threshold=float(merged["crisis_check_threshold"]),
            red_flag_check_threshold=float(merged["red_flag_check_threshold"]),
        )

    def __init__(
        self, crisis_check_threshold: float = 0.1, red_flag_check_threshold: float = 0.2
    ) -> None:
        """Builds (or reuses) the process-wide detector.

        Args:
            crisis_check_threshold: The classifier's ``crisis`` probability
                from which a message the rules don't match is asked about.
            red_flag_check_threshold: ``RedFlagClassifier``'s probability of a
                concept from which a concept the rules don't mention is asked
                about.
        """
        self._detector = RedFlagDetector.default()
        self._crisis_check_threshold = crisis_check_threshold
        self._red_flag_check_threshold = red_flag_check_threshold

    def _crisis_role(self, message: Message, text: str) -> str | None:
        """``present`` (the rules match), ``uncertain`` (the classifier), or None."""
        probability = message.get(CRISIS_PROBABILITY)
        if probability is None:  # no CrisisClassifier: the intent's probability
            probability = next(
                (
                    ranked.get(PREDICTED_CONFIDENCE_KEY) or 0.0
                    for ranked in message.get(INTENT_RANKING_KEY) or []
                    if ranked.get(INTENT_NAME_KEY) == crisis.CRISIS
                ),
                0.0,
            )
        return crisis.reading(text, probability, self._crisis_check_threshold)

    def _possible(
        self, message: Message, detection: Detection
    ) -> List[Tuple[str, float]]:
        """Concepts only RedFlagClassifier suggests, with their probability."""
        probabilities = message.get(RED_FLAG_PROBABILITIES) or {}
        return [
            (concept, probabilities[concept])
            for concept in redflag_check.possible(
                detection, probabilities, self._red_flag_check_threshold
            )
        ]

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
                if finding.certainty in REPORTED
            ]
            found += [
                {
                    "entity": ENTITY,
                    "value": concept,
                    "role": redflag_check.POSSIBLE,
                    "start": 0,
                    "end": len(text),
                    "confidence_entity": probability,
                    "extractor": EXTRACTOR,
                }
                for concept, probability in self._possible(message, detection)
            ]
            crisis_role = self._crisis_role(message, text)
            if crisis_role is not None:
                entity = {
                    "entity": CRISIS_ENTITY,
                    "value": "self_harm",
                    "start": 0,
                    "end": len(text),
                    "confidence_entity": 1.0,
                    "extractor": EXTRACTOR,
                }
                if crisis_role == CRISIS_UNCERTAIN:
                    entity["role"] = CRISIS_UNCERTAIN
                found.append(entity)
            if found:
                entities = [
                    e
                    for e in message.get(ENTITIES, [])
                    if e.get("entity") not in (ENTITY, CRISIS_ENTITY)
                ]
                message.set(ENTITIES, entities + found, add_to_output=True)
        return messages


def _digest(path: Path, *also: Path) -> str:
    """A hash of the ``*.yml`` files of ``path`` (or the file) and of ``also``."""
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for file in [*files, *also]:
        if file.exists():
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()


def _texts(messages: List[Message]) -> List[Message]:
    return [m for m in messages if isinstance(m.get(TEXT), str) and m.get(TEXT)]


class _TextModelComponent(GraphComponent):
    """Trains, saves and loads one ``sciatica_rasa.text_model.TextModel``."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """``C`` and ``max_iter`` of the logistic regression; ranking length."""
        return {"C": 30.0, "max_iter": 3000, "ranking_length": 10}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: TextModel | None = None,
        extra: Dict[str, Any] | None = None,
    ) -> None:
        """Creates the component around a trained model, if any."""
        self.config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self.model = model
        self.extra = extra or {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _TextModelComponent:
        """An untrained component (see ``GraphComponent``)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> _TextModelComponent:
        """The trained component, or an untrained one if nothing was saved.

        A saved model that cannot be read (another format) is an error, not an
        untrained component: the assistant must not run without intents.
        """
        with contextlib.ExitStack() as stack:
            try:
                directory = stack.enter_context(model_storage.read_from(resource))
            except ValueError:  # nothing was saved: training had under two labels
                return cls(config, model_storage, resource)
            model = TextModel.load(directory)
            extra = json.loads((directory / "extra.json").read_text("utf-8"))
        return cls(config, model_storage, resource, model, extra)

    def _fit(self, texts: List[str], labels: List[str]) -> None:
        if len(set(labels)) >= 2:
            self.model = TextModel.fit(
                texts,
                labels,
                c=float(self.config["C"]),
                max_iter=int(self.config["max_iter"]),
            )

    def _persist(self) -> Resource:
        if self.model is not None:
            with self._storage.write_to(self._resource) as directory:
                self.model.save(directory)
                (directory / "extra.json").write_text(json.dumps(self.extra), "utf-8")
        return self._resource

    def _each_ranking(
        self, messages: List[Message]
    ) -> Iterator[Tuple[Message, List[Tuple[str, float]]]]:
        """Each message with text and the model's full ranking of its labels."""
        assert self.model is not None
        texts = _texts(messages)
        return zip(texts, self.model.predict(m.get(TEXT) for m in texts), strict=True)

    def _rankings(self, messages: List[Message]) -> List[List[Dict[str, Any]]]:
        assert self.model is not None
        length = int(self.config["ranking_length"])
        return [
            [{"name": label, "confidence": p} for label, p in ranking[:length]]
            for ranking in self.model.predict(m.get(TEXT) for m in messages)
        ]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class IntentClassifier(_TextModelComponent):
    """Reads the intent with ``TextModel`` (its own features; no featurizer needed).

    In 5-fold cross-validation on this project's data it is more accurate than
    DIET and than Rasa's logistic regression over CountVectorsFeaturizer
    features, and it runs no TensorFlow pass per message (docs/benchmarks.md).
    Sets ``intent`` and ``intent_ranking`` (the ``ranking_length`` likeliest).
    """

    def train(self, training_data: TrainingData) -> Resource:
        """Trains on the intent examples."""
        examples = _texts(training_data.intent_examples)
        self._fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        return self._persist()

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the intent and the ranking of each message with text."""
        if self.model is None:
            return messages
        texts = _texts(messages)
        for message, ranking in zip(texts, self._rankings(texts), strict=True):
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class FaqSelector(_TextModelComponent):
    """Picks the FAQ answer with ``TextModel``, for messages read as the faq intent.

    Replaces Rasa's ResponseSelector (a TensorFlow model): in cross-validation
    it picks the right answer more often (docs/benchmarks.md). Its output has
    the ResponseSelector's shape, so ``utter_faq`` and ``rasa test`` read it
    as theirs. Must come after the intent classifier.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The retrieval intent, plus ``_TextModelComponent``'s settings."""
        return {**_TextModelComponent.get_default_config(), "retrieval_intent": "faq"}

    def train(self, training_data: TrainingData) -> Resource:
        """Trains on the retrieval intent's examples and keeps their answers."""
        intent = self.config["retrieval_intent"]
        examples = [
            m for m in _texts(training_data.intent_examples) if m.get(INTENT) == intent
        ]
        keys = [m.get_full_intent() for m in examples]
        self.extra = {
            "retrieval_intents": sorted(training_data.retrieval_intents),
            "responses": {
                key: training_data.responses.get(f"utter_{key}", [])
                for key in sorted(set(keys))
            },
        }
        self._fit([m.get(TEXT) for m in examples], keys)
        return self._persist()

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the selected answer to the messages read as the retrieval intent."""
        intent = self.config["retrieval_intent"]
        selected = [
            m
            for m in _texts(messages)
            if (m.get(INTENT) or {}).get(INTENT_NAME_KEY) == intent
        ]
        if self.model is None or not selected:
            return messages
        for message, ranking in zip(selected, self._rankings(selected), strict=True):
            top = ranking[0]["name"]
            properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME, {})
            properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = self.extra[
                "retrieval_intents"
            ]
            properties[intent] = {
                RESPONSE_SELECTOR_PREDICTION_KEY: {
                    RESPONSE_SELECTOR_RESPONSES_KEY: self.extra["responses"].get(
                        top, []
                    ),
                    PREDICTED_CONFIDENCE_KEY: ranking[0]["confidence"],
                    INTENT_RESPONSE_KEY: top,
                    RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{top}",
                },
                RESPONSE_SELECTOR_RANKING_KEY: [
                    {
                        "id": self.model.labels.index(r["name"]),
                        "confidence": r["confidence"],
                        INTENT_RESPONSE_KEY: r["name"],
                    }
                    for r in ranking
                ],
            }
            message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class CrisisClassifier(_TextModelComponent):
    """The probability that a message is about self-harm or not wanting to live.

    A ``TextModel`` with two labels, trained on the ``crisis`` intent's
    examples against every other intent's, plus the labelled crisis and
    look-alike messages under ``examples`` (``data/crisis``). It only decides
    whether the assistant asks its crisis question (RedFlagExtractor); crisis
    support at once comes from the rules. Sets ``crisis_probability``.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The examples' file or directory, plus ``_TextModelComponent``'s."""
        return {**_TextModelComponent.get_default_config(), "examples": "data/crisis"}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """The examples' content, so that changing them retrains the model."""
        return _digest(Path({**cls.get_default_config(), **config}["examples"]))

    def train(self, training_data: TrainingData) -> Resource:
        """Trains on the intent examples and the labelled examples."""
        examples = _texts(training_data.intent_examples)
        extra = crisis.load_examples(self.config["examples"])
        texts, labels = crisis.training_set(
            (m.get(TEXT) for m in examples), (m.get(INTENT) for m in examples), extra
        )
        self.extra = {"examples": len(extra)}
        self._fit(texts, labels)
        return self._persist()

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets ``crisis_probability`` on each message with text."""
        if self.model is None:
            return messages
        for message, ranking in self._each_ranking(messages):
            message.set(CRISIS_PROBABILITY, dict(ranking).get(crisis.CRISIS, 0.0))
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class RedFlagClassifier(_TextModelComponent):
    """The probability of each red-flag concept, a second look behind the rules.

    A ``TextModel`` over the concept ids and ``none``, trained on the
    labelled warning-sign phrasings and look-alikes under ``examples``
    (``data/red_flags``) and on the intent examples, each labelled as the
    detector's rules read it. It only decides whether the assistant asks a
    concept's yes/no question (RedFlagExtractor, ``sciatica.redflag_check``);
    escalation at once comes from the rules. Sets ``red_flag_probabilities``.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The examples' file or directory, plus ``_TextModelComponent``'s."""
        return {
            **_TextModelComponent.get_default_config(),
            "examples": "data/red_flags",
        }

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """The examples' and the rules' content: either changes the labels."""
        path = Path({**cls.get_default_config(), **config}["examples"])
        return _digest(path, RULES_PATH)

    def train(self, training_data: TrainingData) -> Resource:
        """Trains on the labelled phrasings and the intent examples."""
        detector = RedFlagDetector.default()
        urgency = {c.id: c.urgency for c in detector.concepts.values()}
        extra = redflag_check.load_examples(self.config["examples"], urgency)
        texts = [m.get(TEXT) for m in _texts(training_data.intent_examples)]
        texts, labels = redflag_check.training_set(
            texts, (detector.detect(text) for text in texts), extra
        )
        self.extra = {"examples": len(extra)}
        self._fit(texts, labels)
        return self._persist()

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets ``red_flag_probabilities`` on each message with text."""
        if self.model is None:
            return messages
        for message, ranking in self._each_ranking(messages):
            message.set(RED_FLAG_PROBABILITIES, dict(ranking))
        return messages
