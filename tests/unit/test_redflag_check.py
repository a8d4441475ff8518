import pytest

from sciatica.errors import KnowledgeError
from sciatica.redflag_check import NONE, load_examples, possible, training_set
from sciatica.redflags import Detection, Finding

URGENCY = {"bladder_dysfunction": "emergency", "trauma": "urgent"}


def _write(tmp_path, body):
    path = tmp_path / "set.yml"
    path.write_text("version: 1\nphrasings:\n" + body, encoding="utf-8")
    return path


def test_warning_signs_are_labelled_with_their_concept_look_alikes_none(tmp_path):
    path = _write(
        tmp_path,
        '  - {text: "cannot pee", label: emergency, concept: bladder_dysfunction,'
        " kind: plain}\n"
        '  - {text: "peeing fine", label: none, concept: bladder_dysfunction}\n'
        '  - {text: "hello", label: none}\n',
    )
    assert load_examples(path, URGENCY) == [
        ("cannot pee", "bladder_dysfunction"),
        ("peeing fine", NONE),
        ("hello", NONE),
    ]


def test_a_directory_is_read_file_by_file(tmp_path):
    _write(tmp_path, '  - {text: "fell off a wall", label: urgent, concept: trauma}\n')
    assert load_examples(tmp_path, URGENCY) == [("fell off a wall", "trauma")]


@pytest.mark.parametrize(
    "entry, message",
    [
        ('{text: "x", label: urgent, concept: trauma, note: y}', "unknown key 'note'"),
        ('{text: "x", label: urgent}', "'concept' is required"),
        ('{text: "x", label: maybe}', "'label' must be one of"),
        ('{text: "x", label: urgent, concept: gout}', "unknown concept 'gout'"),
        ('{text: "x", label: emergency, concept: trauma}', "must be one of urgent"),
    ],
)
def test_a_wrong_entry_is_an_error_that_names_it(tmp_path, entry, message):
    path = _write(tmp_path, f"  - {entry}\n")
    with pytest.raises(KnowledgeError, match=message) as error:
        load_examples(path, URGENCY)
    assert "phrasings[0]" in str(error.value)


def _found(concept, certainty):
    return Finding(concept=concept, urgency="urgent", certainty=certainty, text="x")


def test_ordinary_messages_are_labelled_as_the_rules_read_them():
    texts, labels = training_set(
        ["I fell off a ladder", "no falls", "hello"],
        [
            Detection((_found("trauma", "present"),)),
            Detection((_found("trauma", "negated"),)),
            Detection(),
        ],
        [("cannot pee", "bladder_dysfunction")],
    )
    assert texts == ["I fell off a ladder", "no falls", "hello", "cannot pee"]
    assert labels == ["trauma", NONE, NONE, "bladder_dysfunction"]


def test_possible_concepts_are_the_probable_ones_the_rules_do_not_mention():
    probabilities = {"none": 0.3, "trauma": 0.25, "bladder_dysfunction": 0.45}
    assert possible(Detection(), probabilities, 0.2) == [
        "bladder_dysfunction",
        "trauma",
    ]
    assert possible(Detection(), probabilities, 0.3) == ["bladder_dysfunction"]
    negated = Detection((_found("bladder_dysfunction", "negated"),))
    assert possible(negated, probabilities, 0.2) == ["trauma"]
    assert possible(Detection(), {}, 0.2) == []
