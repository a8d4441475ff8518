"""The intent and FAQ classifier: text normalisation, model, Rasa components."""

import json

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from sciatica_rasa.nlu import (
    CrisisClassifier,
    FaqSelector,
    IntentClassifier,
    RedFlagClassifier,
)
from sciatica_rasa.text_model import TextModel, normalise


def test_contractions_are_written_out():
    assert normalise("I don't know") == "i do not know"
    assert normalise("can't, won't") == "can not will not"


def test_curly_apostrophes_count_as_apostrophes():
    assert normalise("I don\u2019t") == "i do not"


def test_chat_spellings_are_written_out():
    assert normalise("idk") == "i do not know"
    assert normalise("kinda yeah") == "kind of yes"


def test_numbers_in_digits_or_words_become_one_token():
    assert normalise("7 out of ten") == "NUM out of NUM"


def test_words_are_reduced_to_their_lemma():
    assert normalise("my legs were hurting") == "my leg be hurt"


def test_punctuation_is_dropped():
    assert normalise("no!!! ...") == "no"


EXAMPLES = {
    "affirm": ["yes", "yes please", "yeah definitely", "sure, go ahead", "correct"],
    "deny": ["no", "no thanks", "nope", "not at all", "definitely not"],
    "greet": ["hello", "hi there", "good morning", "hey", "hiya"],
}


def _texts_labels():
    texts = [t for examples in EXAMPLES.values() for t in examples]
    labels = [label for label, examples in EXAMPLES.items() for _ in examples]
    return texts, labels


@pytest.fixture(scope="module")
def model():
    return TextModel.fit(*_texts_labels())


def test_the_model_ranks_every_label_with_probabilities_summing_to_one(model):
    (ranking,) = model.predict(["yes sure"])
    assert ranking[0][0] == "affirm"
    assert sorted(label for label, _ in ranking) == sorted(EXAMPLES)
    assert [p for _, p in ranking] == sorted((p for _, p in ranking), reverse=True)
    assert sum(p for _, p in ranking) == pytest.approx(1.0, abs=1e-5)


def test_the_model_reads_unseen_wordings_by_their_words_and_spelling(model):
    assert [r[0][0] for r in model.predict(["hello!", "nope, no"])] == [
        "greet",
        "deny",
    ]


def test_an_empty_message_gets_a_ranking_too(model):
    assert len(model.predict([""])[0]) == len(EXAMPLES)


def test_a_saved_model_predicts_the_same(tmp_path, model):
    model.save(tmp_path)
    loaded = TextModel.load(tmp_path)
    texts = ["yes", "hi", "what?", "no way", "7"]
    for before, after in zip(model.predict(texts), loaded.predict(texts), strict=True):
        assert [label for label, _ in before] == [label for label, _ in after]
        assert np.allclose([p for _, p in before], [p for _, p in after])


def test_the_saved_weights_hold_no_python_objects(tmp_path, model):
    model.save(tmp_path)
    with np.load(tmp_path / "weights.npz", allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_a_model_in_another_format_is_refused(tmp_path, model):
    model.save(tmp_path)
    meta = json.loads((tmp_path / "model.json").read_text())
    meta["format"] = 99
    (tmp_path / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="retrain"):
        TextModel.load(tmp_path)


def test_one_label_is_not_enough():
    with pytest.raises(ValueError, match="two labels"):
        TextModel.fit(["yes", "yeah"], ["affirm", "affirm"])


def test_two_labels_are_enough():
    two = TextModel.fit(EXAMPLES["affirm"] + EXAMPLES["deny"], ["a"] * 5 + ["d"] * 5)
    assert two.predict(["yes"])[0][0][0] == "a"
    assert two.predict(["nope"])[0][0][0] == "d"


# The Rasa components.


def _message(text, intent=None, response_key=None):
    data = {"text": text}
    if intent:
        data["intent"] = intent
    if response_key:
        data["intent_response_key"] = f"{intent}/{response_key}"
    return Message(data=data)


FAQ = {
    "sleep": ["how should I sleep", "best position for sleeping", "sleeping on side"],
    "sitting": ["how long can I sit", "is sitting bad", "sitting at my desk"],
    "heat": ["ice or heat", "should I use a hot water bottle", "heat pack"],
}


def _training_data():
    messages = [
        _message(t, label) for label, texts in EXAMPLES.items() for t in texts
    ] + [_message(t, "faq", key) for key, texts in FAQ.items() for t in texts]
    responses = {f"utter_faq/{key}": [{"text": f"About {key}."}] for key in FAQ}
    return TrainingData(training_examples=messages, responses=responses)


def _context():
    return ExecutionContext(graph_schema=None, model_id="test")


def _train(cls, tmp_path, config):
    storage = LocalModelStorage(tmp_path)
    resource = Resource(cls.__name__)
    component = cls.create(
        {**cls.get_default_config(), **config}, storage, resource, _context()
    )
    component.train(_training_data())
    return cls.load(
        {**cls.get_default_config(), **config}, storage, resource, _context()
    )


def test_the_intent_classifier_sets_intent_and_a_ranking(tmp_path):
    classifier = _train(IntentClassifier, tmp_path, {"ranking_length": 2})
    message = _message("hello there")
    classifier.process([message])
    assert message.get("intent")["name"] == "greet"
    ranking = message.get("intent_ranking")
    assert len(ranking) == 2
    assert ranking[0] == message.get("intent")
    assert message.as_dict_nlu()["intent"]["name"] == "greet"


def test_the_intent_classifier_leaves_messages_without_text_alone(tmp_path):
    classifier = _train(IntentClassifier, tmp_path, {})
    empty, text = Message(data={}), _message("hello")
    assert classifier.process([empty, text]) == [empty, text]
    assert empty.get("intent") is None
    assert text.get("intent")["name"] == "greet"


def test_an_untrained_intent_classifier_loads_and_does_nothing(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("nothing")
    config = IntentClassifier.get_default_config()
    component = IntentClassifier.create(config, storage, resource, _context())
    component.train(TrainingData(training_examples=[_message("hi", "greet")]))
    loaded = IntentClassifier.load(config, storage, resource, _context())
    message = _message("hi")
    loaded.process([message])
    assert message.get("intent") is None


def test_the_faq_selector_answers_faq_messages_in_the_response_selectors_shape(
    tmp_path,
):
    selector = _train(FaqSelector, tmp_path, {"retrieval_intent": "faq"})
    message = _message("what's the best way to sleep", {"name": "faq"})
    selector.process([message])
    properties = message.get("response_selector")
    assert properties["all_retrieval_intents"] == ["faq"]
    prediction = properties["faq"]["response"]
    assert prediction["intent_response_key"] == "faq/sleep"
    assert prediction["utter_action"] == "utter_faq/sleep"
    assert prediction["responses"] == [{"text": "About sleep."}]
    assert 0 < prediction["confidence"] <= 1
    ranking = properties["faq"]["ranking"]
    assert ranking[0]["intent_response_key"] == "faq/sleep"
    assert sorted(r["intent_response_key"] for r in ranking) == [
        "faq/heat",
        "faq/sitting",
        "faq/sleep",
    ]


def test_the_faq_selector_skips_other_intents(tmp_path):
    selector = _train(FaqSelector, tmp_path, {"retrieval_intent": "faq"})
    message = _message("how should I sleep", {"name": "describe_symptoms"})
    selector.process([message])
    assert message.get("response_selector") is None


async def test_utter_faq_sends_the_selected_answer(tmp_path):
    from rasa.core.actions.action import ActionRetrieveResponse
    from rasa.core.channels import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    selector = _train(FaqSelector, tmp_path, {"retrieval_intent": "faq"})
    message = _message("is a heat pack ok", {"name": "faq", "confidence": 0.9})
    selector.process([message])
    domain = Domain.from_dict(
        {
            "intents": ["faq"],
            "responses": {f"utter_faq/{k}": [{"text": f"About {k}."}] for k in FAQ},
            "actions": ["utter_faq"],
        }
    )
    parse = message.as_dict_nlu()
    tracker = DialogueStateTracker.from_events(
        "faq", [UserUttered(parse["text"], parse["intent"], parse_data=parse)]
    )
    events = await ActionRetrieveResponse("utter_faq").run(
        CollectingOutputChannel(),
        TemplatedNaturalLanguageGenerator(domain.responses),
        tracker,
        domain,
    )
    assert [e.text for e in events] == ["About heat."]


def test_the_fast_features_equal_scikit_learns_tf_idf(model):
    from scipy import sparse

    texts = [
        "yes yes please",
        "HELLO there!",
        "",
        "nope 7",
        "d\u00e9j\u00e0 vu",
        "no no no",
    ]
    expected = sparse.hstack(
        [
            model._words.transform([normalise(t) for t in texts]),
            model._chars.transform(texts),
        ]
    ).toarray()
    for text, row in zip(texts, expected, strict=True):
        columns, values = model._features(text)
        actual = np.zeros_like(row)
        actual[columns] = values
        assert np.allclose(actual, row, atol=1e-6)


def test_a_saved_model_in_another_format_is_an_error_not_silence(tmp_path):
    _train(IntentClassifier, tmp_path, {})
    storage = LocalModelStorage(tmp_path)
    resource = Resource(IntentClassifier.__name__)
    with storage.read_from(resource) as directory:
        meta = json.loads((directory / "model.json").read_text())
        meta["format"] = 99
        (directory / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="retrain"):
        IntentClassifier.load(
            IntentClassifier.get_default_config(), storage, resource, _context()
        )


CRISIS_EXAMPLES = """version: 1
items:
  - text: "i want to end my life"
    crisis: true
  - text: "no reason to keep going, i want to die"
    crisis: true
  - text: "ready to end it all tonight"
    crisis: true
  - text: "this pain is killing me"
    crisis: false
  - text: "dying to get back to the gym"
    crisis: false
  - text: "i could kill for a good night's sleep"
    crisis: false
"""


def _crisis_classifier(tmp_path):
    examples = tmp_path / "crisis"
    examples.mkdir()
    (examples / "set.yml").write_text(CRISIS_EXAMPLES, encoding="utf-8")
    (tmp_path / "model").mkdir()
    return _train(CrisisClassifier, tmp_path / "model", {"examples": str(examples)})


def test_the_crisis_classifier_learns_from_intents_and_labelled_examples(tmp_path):
    classifier = _crisis_classifier(tmp_path)
    crisis, idiom = _message("i want to end it all"), _message("hello there")
    classifier.process([crisis, idiom])
    assert crisis.get("crisis_probability") > 0.5 > idiom.get("crisis_probability")
    # Not in the message's output: it is for RedFlagExtractor only.
    assert "crisis_probability" not in crisis.as_dict(only_output_properties=True)


def test_changing_the_crisis_examples_changes_the_fingerprint(tmp_path):
    examples = tmp_path / "set.yml"
    examples.write_text(CRISIS_EXAMPLES, encoding="utf-8")
    config = {"examples": str(examples)}
    before = CrisisClassifier.fingerprint_addon(config)
    examples.write_text(CRISIS_EXAMPLES.replace("dying", "itching"), encoding="utf-8")
    assert CrisisClassifier.fingerprint_addon(config) != before


RED_FLAG_EXAMPLES = """version: 1
phrasings:
  - text: "my bowels just let go without me knowing"
    label: emergency
    concept: bowel_dysfunction
  - text: "messed my trousers and never felt a thing"
    label: emergency
    concept: bowel_dysfunction
  - text: "bowels emptied in the kitchen without warning"
    label: emergency
    concept: bowel_dysfunction
  - text: "the bowels are fine thanks"
    label: none
    concept: bowel_dysfunction
"""


def test_the_red_flag_classifier_learns_from_labelled_phrasings(tmp_path):
    examples = tmp_path / "red_flags"
    examples.mkdir()
    (examples / "set.yml").write_text(RED_FLAG_EXAMPLES, encoding="utf-8")
    (tmp_path / "model").mkdir()
    classifier = _train(
        RedFlagClassifier, tmp_path / "model", {"examples": str(examples)}
    )
    flag, ordinary = _message("my bowels let go without warning"), _message("hi")
    classifier.process([flag, ordinary])
    assert flag.get("red_flag_probabilities")["bowel_dysfunction"] > 0.5
    assert ordinary.get("red_flag_probabilities")["none"] > 0.5
    # Not in the message's output: it is for RedFlagExtractor only.
    assert "red_flag_probabilities" not in flag.as_dict(only_output_properties=True)


def test_changing_the_red_flag_examples_changes_the_fingerprint(tmp_path):
    examples = tmp_path / "set.yml"
    examples.write_text(RED_FLAG_EXAMPLES, encoding="utf-8")
    config = {"examples": str(examples)}
    before = RedFlagClassifier.fingerprint_addon(config)
    examples.write_text(RED_FLAG_EXAMPLES.replace("kitchen", "hall"), "utf-8")
    assert RedFlagClassifier.fingerprint_addon(config) != before
