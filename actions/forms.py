"""A form validation base that keeps its own bookkeeping slots."""

from __future__ import annotations

from abc import abstractmethod
from typing import List

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ReadingFormValidationAction(FormValidationAction):
    """A form that reads answers itself (``extract_*`` methods).

    rasa-sdk validates only the form's required slots and drops every other
    slot the extraction set; these forms also keep helper slots (re-ask
    markers, attempt counts), so every extracted slot is returned, with the
    validated values taking precedence.
    """

    @abstractmethod
    def name(self) -> str:
        """Action name (each form defines it)."""

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        """Extracts, validates and returns every slot event."""
        extraction = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(extraction)
        validation = await self._extract_validation_events(dispatcher, tracker, domain)
        validated = {event.get("name") for event in validation}
        return [e for e in extraction if e.get("name") not in validated] + validation
