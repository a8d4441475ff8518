"""Knowledge files are validated on load: bad entries fail with clear messages."""

from pathlib import Path

import pytest
import yaml

from sciatica.errors import KnowledgeError
from sciatica.knowledge import SEEDS_DIR, check_source, load_sources
from sciatica.redflags import RedFlagDetector

PACKAGED = Path(__file__).resolve().parents[2] / "sciatica" / "data" / "red_flags.yml"


def write_variant(tmp_path, change):
    data = yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "red_flags.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_packaged_files_load(detector):
    assert {"bladder_dysfunction", "saddle_anaesthesia", "trauma"} <= set(
        detector.concepts
    )
    assert all(c.citation.passage for c in detector.concepts.values())


def test_a_concept_without_a_source_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["concepts"][0].pop("source"))
    with pytest.raises(KnowledgeError, match="'source' is required"):
        RedFlagDetector(path)


def test_an_unknown_key_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["concepts"][0].update(severity="high"))
    with pytest.raises(KnowledgeError, match="unknown key 'severity'"):
        RedFlagDetector(path)


def test_an_unknown_urgency_is_an_error(tmp_path):
    path = write_variant(tmp_path, lambda d: d["concepts"][0].update(urgency="soon"))
    with pytest.raises(KnowledgeError, match="'urgency' must be one of"):
        RedFlagDetector(path)


def test_an_unknown_group_in_a_pattern_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["concepts"][0]["patterns"].append("<nonsense> pee")
    )
    with pytest.raises(KnowledgeError, match="unknown group <nonsense>"):
        RedFlagDetector(path)


def test_a_not_next_to_element_inside_a_pattern_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["concepts"][0]["patterns"].append("can not !to pee")
    )
    with pytest.raises(KnowledgeError, match="can only open or close the pattern"):
        RedFlagDetector(path)


def test_a_pattern_of_only_optional_words_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["concepts"][0]["patterns"].append("numb? _?")
    )
    with pytest.raises(KnowledgeError, match="every element is optional"):
        RedFlagDetector(path)


def test_a_modifier_for_an_unknown_concept_is_an_error(tmp_path):
    def change(data):
        data["context"]["modifiers"][0]["applies_to"] = ["headache"]

    with pytest.raises(KnowledgeError, match="unknown concept 'headache'"):
        RedFlagDetector(write_variant(tmp_path, change))


def test_a_seed_passage_must_be_quoted_word_for_word():
    with pytest.raises(KnowledgeError, match="not found word for word"):
        check_source(
            {
                "document": "002_bc5034fe82ebc8dd.txt",
                "passage": "Sciatica is always serious.",
            },
            file="x.yml",
            where="test",
        )


def test_an_unknown_document_is_an_error():
    with pytest.raises(KnowledgeError, match=r"source document 'blog\.txt' is unknown"):
        check_source(
            {"document": "blog.txt", "passage": "x"}, file="x.yml", where="test"
        )


def test_seed_copies_match_the_shared_originals():
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for source in load_sources().values():
        if source.kind == "seed":
            original = (shared / source.id).read_bytes()
            assert (SEEDS_DIR / source.id).read_bytes() == original


def test_an_invalid_proxy_cue_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["context"]["proxy_cues"].append("(unclosed")
    )
    packaged = yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))
    index = len(packaged["context"]["proxy_cues"])
    with pytest.raises(KnowledgeError, match=rf"context.proxy_cues\[{index}\]"):
        RedFlagDetector(path)


def test_an_unknown_group_in_a_proxy_cue_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["context"]["proxy_cues"].append("for my <nonsense>")
    )
    with pytest.raises(KnowledgeError, match="unknown group <nonsense>"):
        RedFlagDetector(path)


def test_an_unknown_concept_in_family_asked_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["context"]["family_asked"].append("gout")
    )
    with pytest.raises(KnowledgeError, match=r"context\.family_asked.*'gout'"):
        RedFlagDetector(path)


def test_an_unknown_concept_in_family_subject_asked_is_an_error(tmp_path):
    path = write_variant(
        tmp_path, lambda d: d["context"]["family_subject_asked"].append("gout")
    )
    with pytest.raises(KnowledgeError, match=r"context\.family_subject_asked.*'gout'"):
        RedFlagDetector(path)


def test_a_modifier_that_crosses_terminators_takes_a_list(tmp_path):
    def cross_a_string(data):
        data["context"]["modifiers"][0]["crosses"] = "but"

    path = write_variant(tmp_path, cross_a_string)
    with pytest.raises(KnowledgeError, match=r"context\.modifiers\[0\].*crosses"):
        RedFlagDetector(path)
