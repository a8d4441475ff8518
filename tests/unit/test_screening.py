from sciatica import screening
from sciatica.answers import NO, UNSURE, YES

SLOTS = screening.slots()
EMERGENCY_SLOTS = SLOTS[:4]


def test_questions_come_emergency_first():
    urgencies = [q.urgency for q in screening.questions()]
    assert urgencies == sorted(urgencies, key=lambda u: u != "emergency")
    assert SLOTS[0] == "screen_bladder_bowel"
    assert len(SLOTS) == 9


def test_every_question_asks_about_known_concepts_with_a_source(detector):
    for question in screening.questions():
        assert question.citation.document
        assert all(c in detector.concepts for c in question.concepts)


def test_all_questions_are_asked_when_every_answer_is_no():
    answers = {}
    for slot in SLOTS:
        assert screening.required_slots(answers)[len(answers)] == slot
        answers[slot] = NO
    assert screening.required_slots(answers) == SLOTS


def test_an_emergency_yes_stops_the_questions():
    answers = {"screen_bladder_bowel": NO, "screen_saddle": YES}
    assert screening.required_slots(answers) == [
        "screen_bladder_bowel",
        "screen_saddle",
    ]


def test_an_urgent_yes_stops_the_questions():
    answers = {slot: NO for slot in EMERGENCY_SLOTS} | {"screen_weakness": YES}
    assert screening.required_slots(answers) == [*EMERGENCY_SLOTS, "screen_weakness"]


def test_unsure_on_an_emergency_question_still_asks_the_other_emergency_questions():
    answers = {"screen_bladder_bowel": UNSURE}
    assert screening.required_slots(answers) == EMERGENCY_SLOTS
    answers |= {slot: NO for slot in EMERGENCY_SLOTS[1:]}
    assert screening.required_slots(answers) == EMERGENCY_SLOTS


def test_outcome_all_clear_only_when_everything_was_answered_no():
    assert screening.outcome({slot: NO for slot in SLOTS}).level == "none"
    partial = {slot: NO for slot in SLOTS[:-1]}
    assert screening.outcome(partial).level is None


def test_outcome_levels():
    assert screening.outcome({"screen_saddle": YES}).level == "emergency"
    assert screening.outcome({"screen_fever": YES}).level == "urgent"
    unsure = screening.outcome({"screen_bladder_bowel": UNSURE})
    assert unsure.level == "urgent"
    assert unsure.unsure == ("bladder_dysfunction", "bowel_dysfunction")
    both = screening.outcome({"screen_fever": YES, "screen_both_legs": YES})
    assert both.level == "emergency"
    assert both.concepts == ("bilateral_sciatica", "fever")


def test_the_level_is_never_lowered():
    assert screening.raise_level("emergency", "urgent") == "emergency"
    assert screening.raise_level("emergency", "none") == "emergency"
    assert screening.raise_level("urgent", "none") == "urgent"
    assert screening.raise_level(None, "none") == "none"
    assert screening.raise_level("none", "urgent") == "urgent"
    assert screening.raise_level(None, None) is None


def test_reasons_come_from_the_knowledge_file(detector):
    assert screening.reasons(["fever", "fever"]) == [detector.concepts["fever"].reason]
