from rasa.shared.nlu.training_data.message import Message

from sciatica_rasa.nlu import RedFlagExtractor


def process(text):
    message = Message(data={"text": text})
    RedFlagExtractor().process([message])
    return [(e["value"], e["role"]) for e in message.get("entities", [])]


def test_a_stated_flag_becomes_a_present_entity():
    assert process("I can't feel it when I wipe") == [("saddle_anaesthesia", "present")]


def test_a_negated_flag_adds_nothing():
    assert process("no numbness down there") == []


def test_questions_and_uncertain_mentions_carry_their_role():
    assert process("what is foot drop?") == [("progressive_weakness", "question")]
    assert ("progressive_weakness", "uncertain") in process("my leg feels weak")


def test_other_entities_are_kept():
    message = Message(
        data={"text": "I wet myself", "entities": [{"entity": "x", "value": 1}]}
    )
    RedFlagExtractor().process([message])
    assert [e["entity"] for e in message.get("entities")] == ["x", "red_flag_concept"]


def crisis_entities(text, crisis_confidence, threshold=0.1):
    ranking = [
        {"name": "describe_symptoms", "confidence": 1 - crisis_confidence},
        {"name": "crisis", "confidence": crisis_confidence},
    ]
    message = Message(data={"text": text, "intent_ranking": ranking})
    RedFlagExtractor(crisis_check_threshold=threshold).process([message])
    return [
        (e["value"], e.get("role"))
        for e in message.get("entities", [])
        if e["entity"] == "crisis"
    ]


def test_crisis_words_the_rules_know_give_a_crisis_entity_without_role():
    assert crisis_entities("I want to kill myself", 0.0) == [("self_harm", None)]


def test_a_crisis_only_the_classifier_suggests_is_uncertain():
    assert crisis_entities("everything feels pointless lately", 0.1) == [
        ("self_harm", "uncertain")
    ]
    assert crisis_entities("everything feels pointless lately", 0.09) == []
    assert crisis_entities("everything feels pointless lately", 0.3, 0.5) == []


def test_a_past_crisis_the_person_says_is_over_is_asked_about():
    # Whatever the classifier says: the rules know the words, the message
    # says they are past.
    text = "I attempted suicide in 2015 but I'm in a good place now"
    assert crisis_entities(text, 0.0) == [("self_harm", "uncertain")]
    assert crisis_entities("I attempted suicide in 2015", 0.0) == [("self_harm", None)]


def test_the_threshold_comes_from_the_configuration():
    component = RedFlagExtractor.create({"crisis_check_threshold": 0.4}, *[None] * 3)
    message = Message(
        data={"text": "meh", "intent_ranking": [{"name": "crisis", "confidence": 0.3}]}
    )
    component.process([message])
    assert not message.get("entities")


def test_a_plain_denial_is_not_asked_about():
    assert crisis_entities("I'm not suicidal, just fed up", 0.5) == []


def test_the_crisis_classifiers_probability_comes_before_the_intents():
    ranking = [{"name": "crisis", "confidence": 0.9}]
    message = Message(
        data={"text": "meh", "intent_ranking": ranking, "crisis_probability": 0.05}
    )
    RedFlagExtractor(crisis_check_threshold=0.2).process([message])
    assert not message.get("entities")
    message.set("crisis_probability", 0.25)
    RedFlagExtractor(crisis_check_threshold=0.2).process([message])
    assert [e.get("role") for e in message.get("entities")] == ["uncertain"]


def red_flag_entities(text, probabilities, threshold=0.2):
    message = Message(data={"text": text, "red_flag_probabilities": probabilities})
    RedFlagExtractor(red_flag_check_threshold=threshold).process([message])
    return [
        (e["value"], e["role"])
        for e in message.get("entities", [])
        if e["entity"] == "red_flag_concept"
    ]


def test_a_flag_only_the_red_flag_classifier_suggests_is_possible():
    text = "things have not been the same in bed since my back went"
    assert red_flag_entities(text, {"sexual_dysfunction": 0.4, "none": 0.6}) == [
        ("sexual_dysfunction", "possible")
    ]
    assert red_flag_entities(text, {"sexual_dysfunction": 0.19, "none": 0.81}) == []


def test_the_classifier_adds_nothing_to_a_concept_the_rules_mention():
    # Negated by the rules: the person said it, the classifier cannot undo it.
    assert (
        red_flag_entities("no numbness down there", {"saddle_anaesthesia": 0.9}) == []
    )
    # Stated: the rules' reading stands alone.
    assert red_flag_entities("I wet myself", {"bladder_dysfunction": 0.9}) == [
        ("bladder_dysfunction", "present")
    ]


def test_the_red_flag_threshold_comes_from_the_configuration():
    component = RedFlagExtractor.create({"red_flag_check_threshold": 0.5}, *[None] * 3)
    message = Message(
        data={"text": "meh", "red_flag_probabilities": {"trauma": 0.45, "none": 0.55}}
    )
    component.process([message])
    assert not message.get("entities")
