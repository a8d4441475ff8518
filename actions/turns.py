"""Small helpers about the conversation's turns."""

from __future__ import annotations

from rasa_sdk import Tracker

from sciatica.answers import read_yes_no

# Intents that ask or command something instead of answering a form's
# question: a form that reads answers itself steps aside for them.
NOT_ANSWERS = frozenset(
    {
        "ask_why",
        "ask_clarify",
        "bot_challenge",
        "stop",
        "greet",
        "thanks",
        "goodbye",
        "resume",
        "ask_advice",
        "faq",
        "ask_medicine",
        "ask_more",
        "ask_progress",
        "request_summary",
        "delete_my_data",
        "set_reminder",
        "cancel_reminder",
        "EXTERNAL_exercise_reminder",
        "EXTERNAL_checkin_reminder",
    }
)

# Events a form adds around its own run, which say nothing about the turn.
_BOOKKEEPING = {"slot", "active_loop", "user_featurization", "loop_interrupted"}


def answered_just_now(tracker: Tracker) -> bool:
    """Whether the form is running because the user just sent a message.

    A form's validation action also runs when the form starts, after the
    bot's own messages; only a fresh user message should be read as an answer.
    Rasa inserts the form's own ``ActionExecuted`` before calling validation,
    so ``latest_action_name`` cannot tell: look at what came before it.
    """
    active_loop = (tracker.active_loop or {}).get("name")
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in _BOOKKEEPING:
            continue
        if kind == "action" and event.get("name") in (active_loop, "action_listen"):
            continue
        return kind == "user"
    return False


def yes_no_answer(tracker: Tracker) -> str | None:
    """The latest message read as ``yes``, ``no`` or ``unsure`` (or ``None``).

    Rules first; the intent classifier only for phrasings the rules don't know.
    """
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    return read_yes_no(
        message.get("text"), intent.get("name"), intent.get("confidence") or 0.0
    )
