"""Button helpers shared by the platform connectors.

Domain responses carry two kinds of buttons: choices (``payload: "/affirm"``),
which send their payload back as the person's answer, and links (``url``), of
which ``tel:`` links are call buttons on the emergency messages. Each platform
shows these differently; the emergency numbers are always in the text as well.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

Button = Dict[str, Any]

# The only wording added by the connectors: where a platform has no buttons (SMS),
# the choices are listed after the message, e.g. "Reply: Yes / No / Not sure".
CHOICES_PREFIX = "Reply: "
CHOICES_SEPARATOR = " / "
ELLIPSIS = "…"


def is_choice(button: Button) -> bool:
    """Whether the button sends a payload back (a quick reply)."""
    return bool(button.get("payload")) and not button.get("url")


def is_phone(button: Button) -> bool:
    """Whether the button is a call button (``url: "tel:..."``)."""
    return str(button.get("url", "")).lower().startswith("tel:")


def is_web_link(button: Button) -> bool:
    """Whether the button opens an http(s) link."""
    return str(button.get("url", "")).lower().startswith(("https://", "http://"))


def choices(buttons: List[Button]) -> List[Button]:
    """The choice buttons, in order."""
    return [button for button in buttons if is_choice(button)]


def phone_number(button: Button) -> str:
    """The number of a ``tel:`` button as "+" and digits ("tel:999" -> "+999")."""
    return "+" + re.sub(r"\D", "", str(button["url"])[len("tel:") :])


def choices_text(buttons: List[Button]) -> str:
    """The choices as a line of text, for channels without buttons.

    Returns an empty string when there are no choice buttons.
    """
    titles = [str(button["title"]) for button in choices(buttons)]
    return CHOICES_PREFIX + CHOICES_SEPARATOR.join(titles) if titles else ""


def fit_title(title: str, limit: int) -> str:
    """A button title cut to a platform's length limit.

    A trailing parenthesis is dropped first ("Call 911 (US, Canada)" ->
    "Call 911"), then the title is cut with an ellipsis.
    """
    if len(title) <= limit:
        return title
    shorter = re.sub(r"\s*\([^()]*\)\s*$", "", title)
    if shorter and len(shorter) <= limit:
        return shorter
    return title[: limit - 1].rstrip() + ELLIPSIS


def paragraphs(text: str) -> List[str]:
    """The text split at blank lines, as Rasa's connectors send plain text."""
    return [part for part in text.strip().split("\n\n") if part.strip()]


def split_for_limit(text: str, limit: int) -> Tuple[List[str], str]:
    """Split a text so that its last part fits a length limit.

    Returns the leading paragraphs (to send as plain messages) and the last part,
    made of as many trailing paragraphs as fit (to carry the buttons). The last
    part is the whole text when it fits, and may still be too long when its final
    paragraph alone is.
    """
    parts = paragraphs(text) or [text]
    tail = parts[-1]
    index = len(parts) - 1
    while index > 0 and len(parts[index - 1]) + 2 + len(tail) <= limit:
        index -= 1
        tail = parts[index] + "\n\n" + tail
    return parts[:index], tail
