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
