"""Every piece of advice the assistant can send is traceable to a source."""

from pathlib import Path

import pytest
import yaml

from sciatica import advice
from sciatica.knowledge import check_source

DATA = Path(advice.__file__).parent / "data"
# Responses that give advice or health information must be listed with sources.
ADVICE_PREFIXES = (
    "utter_faq/",
    "utter_dp_result_",
    "utter_dp_reset",
    "utter_dp_intro",
    "utter_dp_stop",
    "utter_ask_dp_knees",
    "utter_ask_dp_pressups",
    "utter_ask_dp_elbows",
    "utter_ask_dp_prone",
    "utter_medicine",
    "utter_crisis",
    "utter_why_",
    "utter_progress_centralizing",
    "utter_progress_peripheralizing",
    "utter_progress_see_physio",
    "utter_triggers_",
    "utter_checkin_exercise_spreads",
)


def listed():
    raw = yaml.safe_load((DATA / "response_sources.yml").read_text(encoding="utf-8"))
    return {entry["response"]: entry["sources"] for entry in raw["responses"]}


def test_every_advice_item_has_a_checked_source():
    kb = advice.knowledge()
    assert len(kb.items) >= 30
    for item in kb.items:
        assert item.citation.document and item.citation.passage, item.id


def test_every_advice_response_is_listed_with_sources(domain):
    sources = listed()
    for name in domain["responses"]:
        if name.startswith(ADVICE_PREFIXES) and name != "utter_why_screening":
            assert name in sources, f"{name} gives advice but has no source"


@pytest.mark.parametrize("name", sorted(listed()))
def test_listed_responses_exist_and_their_sources_check_out(domain, name):
    assert name in domain["responses"], f"{name} is not a domain response"
    for source in listed()[name]:
        check_source(source, file="response_sources.yml", where=name)


def test_advice_text_is_not_written_in_python():
    actions = Path(advice.__file__).parents[1] / "actions"
    for path in actions.glob("*.py"):
        assert "utter_message(text=" not in path.read_text(encoding="utf-8"), path
