"""Deleting the person's data when they ask (and have confirmed).

The action only answers and stops the person's reminders. The deletion itself
is done by the tracker store (``sciatica_rasa.tracker_store``): when it saves a
turn in which ``action_delete_my_data`` ran, it deletes every stored event of
the conversation instead, under the conversation's lock.
"""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, ReminderCancelled
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.reminders import INTENTS, reminder_name
from sciatica_rasa.constants import ACTION_DELETE_MY_DATA


class ActionDeleteMyData(Action):
    """Confirms the deletion; the tracker store deletes the conversation."""

    def name(self) -> str:
        """Action name (the tracker store looks for it)."""
        return ACTION_DELETE_MY_DATA

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Says the data is deleted and cancels the person's reminders.

        A reminder left scheduled would bring the person's id back into the
        store when it fires, and message someone who asked to be forgotten.
        """
        dispatcher.utter_message(response="utter_data_deleted")
        return [
            ReminderCancelled(name=reminder_name(kind, tracker.sender_id))
            for kind in INTENTS
        ]
