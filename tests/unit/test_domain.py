"""The domain holds every response the actions send, and safety text is fixed."""

import pytest

from actions.locale import LOCALES
from sciatica import screening

SAFETY = ("utter_emergency", "utter_urgent", "utter_possible_red_flag")
NUMBERS = {
    "intl": ("999", "911", "112"),
    "uk": ("999",),
    "us": ("911",),
    "eu": ("112",),
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("base", SAFETY)
def test_safety_messages_exist_for_every_locale_and_never_vary(domain, base, locale):
    variants = domain["responses"][f"{base}_{locale}"]
    assert len(variants) == 1, "a safety message must be deterministic"
    text = variants[0]["text"]
    assert "{reason}" in text
    for number in NUMBERS[locale]:
        assert number in text


@pytest.mark.parametrize("locale", LOCALES)
def test_emergency_message_has_a_call_button_for_each_number(domain, locale):
    buttons = domain["responses"][f"utter_emergency_{locale}"][0]["buttons"]
    assert [b["url"] for b in buttons] == [f"tel:{n}" for n in NUMBERS[locale]]
    for button, number in zip(buttons, NUMBERS[locale], strict=True):
        assert button["type"] == "web_url"
        assert number in button["title"]


def test_every_concept_can_be_confirmed_and_explained(domain, detector):
    for concept in detector.concepts:
        assert f"utter_confirm_{concept}" in domain["responses"]
        assert f"utter_explain_{concept}" in domain["responses"]
        buttons = domain["responses"][f"utter_confirm_{concept}"][0]["buttons"]
        assert [b["payload"] for b in buttons] == ["/affirm", "/deny", "/unsure"]


def test_every_screening_question_has_one_wording_and_one_plainer_reask(domain):
    assert domain["forms"]["screening_form"]["required_slots"] == screening.slots()
    for slot in screening.slots():
        variants = domain["responses"][f"utter_ask_{slot}"]
        plain = [v for v in variants if v.get("condition")]
        assert len(variants) == 2 and len(plain) == 1
        assert plain[0]["condition"][0]["value"] == slot
        assert all(v["buttons"] for v in variants)


def test_red_flag_slot_contract(domain):
    slot = domain["slots"]["red_flag"]
    assert slot["type"] == "categorical"
    assert set(slot["values"]) == {"emergency", "urgent", "none"}


@pytest.mark.parametrize("name", ["utter_default", "utter_goodbye"])
def test_after_a_flag_every_generic_reply_repeats_the_safety_advice(domain, name):
    variants = domain["responses"][name]
    by_level = {
        v["condition"][0]["value"]: v["text"] for v in variants if v.get("condition")
    }
    assert set(by_level) == {"emergency", "urgent"}
    assert len([v for v in variants if not v.get("condition")]) == 1
    for text in by_level.values():
        assert "999" in text and "911" in text and "112" in text
