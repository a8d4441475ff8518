"""A concise, dated summary for the person's clinician.

On request the assistant gives a text summary of what it knows: the red-flag
screening answers, the symptom interview and pattern, the
directional-preference result, the pain diary's trend and the advice given,
each with its date, ready to copy or download. It takes plain data (slot
values), so the Rasa layer only gathers them. Every word comes from the
template ``data/clinician_summary.txt`` (see ``sciatica.report_text``); a
part that was not done says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Mapping, Sequence

from sciatica import __version__
from sciatica.diary import DiaryEntry, as_date
from sciatica.progress import MIN_CHECKINS_FOR_TRIGGERS, frequent_triggers, progress
from sciatica.report_text import ReportText, report_text

# The diary lists at most this many of the latest check-ins.
MAX_DIARY_ROWS = 14
_INTERVIEW_SLOTS = ("pain_side", "pain_extent", "symptom_weeks", "pain_score")

AdviceGiven = str | tuple[str, dt.date | str | None]


def clinician_summary(
    today: dt.date | str,
    *,
    screening: Mapping[str, str | None] | None = None,
    red_flag: str | None = None,
    screened_on: dt.date | str | None = None,
    interview: Mapping[str, Any] | None = None,
    pattern: str | None = None,
    interviewed_on: dt.date | str | None = None,
    directional_preference: str | None = None,
    tested_on: dt.date | str | None = None,
    entries: Sequence[DiaryEntry] = (),
    advice_given: Iterable[AdviceGiven] = (),
    text: ReportText | None = None,
) -> str:
    """Renders the clinician summary.

    Args:
        today: The date the summary is made.
        screening: Screening answers by slot (``screen_bladder_bowel``...):
            ``yes``, ``no`` or ``unsure``; unanswered slots may be ``None``.
        red_flag: The ``red_flag`` slot: ``emergency``, ``urgent`` or ``none``.
        screened_on: When the screening was done.
        interview: Interview slots: ``pain_side``, ``pain_extent``,
            ``symptom_weeks``, ``pain_score``, ``numbness``.
        pattern: ``disc_like``, ``stenosis_like``, ``piriformis_like`` or
            ``unclear``.
        interviewed_on: When the interview was done.
        directional_preference: ``extension``, ``flexion`` or ``none``.
        tested_on: When the movement test was done.
        entries: The pain diary.
        advice_given: Advice item ids (``advice.yml``), each alone or with
            the date it was given.
        text: The templates (the packaged file by default).

    Returns:
        The summary, plain text ending with a newline.
    """
    words = text or report_text()
    today = as_date(today, where="today")
    summary = words.render(
        "summary",
        today=today.isoformat(),
        version=__version__,
        screening=_screening(words, screening or {}, red_flag, screened_on),
        interview=_interview(words, interview or {}, interviewed_on),
        pattern=_dated(words, "pattern", pattern, interviewed_on),
        directional=_dated(words, "preference", directional_preference, tested_on),
        diary=_diary(words, entries, today),
        triggers=_triggers(words, entries),
        advice=_advice(words, advice_given),
    )
    lines = [line.rstrip() for line in summary.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _not_done(words: ReportText) -> str:
    return words.label("word", "not_done")


def _date(words: ReportText, value: dt.date | str | None) -> str:
    if value is None or value == "":
        return words.label("word", "date_unknown")
    try:
        return as_date(value).isoformat()
    except ValueError:
        return words.label("word", "date_unknown")


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _value(words: ReportText, group: str, value: Any) -> str:
    if value is None or value == "":
        return words.label("word", "not_recorded")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    return words.label(group, value)


def _screening(
    words: ReportText,
    answers: Mapping[str, str | None],
    red_flag: str | None,
    screened_on: dt.date | str | None,
) -> str:
    given = {slot: answer for slot, answer in answers.items() if answer is not None}
    if red_flag is None and not given:
        return _not_done(words)
    rows = [
        words.render(
            "screening_row",
            question=words.label("screen", slot),
            answer=words.label("answer", answer),
        )
        for slot, answer in given.items()
    ]
    return words.render(
        "screening",
        level=_value(words, "red_flag", red_flag),
        date=_date(words, screened_on),
        rows="\n".join(rows),
    )


def _interview(
    words: ReportText, slots: Mapping[str, Any], interviewed_on: dt.date | str | None
) -> str:
    if all(slots.get(slot) is None for slot in _INTERVIEW_SLOTS):
        return _not_done(words)
    return words.render(
        "interview",
        date=_date(words, interviewed_on),
        side=_value(words, "side", slots.get("pain_side")),
        extent=_value(words, "extent", slots.get("pain_extent")),
        weeks=_value(words, "weeks", slots.get("symptom_weeks")),
        score=_value(words, "score", slots.get("pain_score")),
        numbness=_value(words, "answer", slots.get("numbness")),
    )


def _dated(
    words: ReportText, group: str, value: str | None, on: dt.date | str | None
) -> str:
    if value is None:
        return _not_done(words)
    return words.render("dated", value=words.label(group, value), date=_date(words, on))


def _diary(words: ReportText, entries: Sequence[DiaryEntry], today: dt.date) -> str:
    if not entries:
        return _not_done(words)
    ordered = sorted(entries, key=lambda e: e.date)
    trend = progress(ordered, today)
    shown = ordered[-MAX_DIARY_ROWS:]
    rows = []
    if len(ordered) > len(shown):
        rows.append(words.render("more_rows", count=len(ordered) - len(shown)))
    rows += [
        words.render(
            "diary_row",
            date=entry.date.isoformat(),
            pain=_value(words, "score", entry.pain),
            extent=_value(words, "extent", entry.extent),
            triggers=", ".join(words.label("trigger", t) for t in entry.triggers)
            or words.label("word", "none"),
            centralizes=_value(
                words,
                "bool",
                None if entry.centralizes is None else str(entry.centralizes).lower(),
            ),
        )
        for entry in shown
    ]
    return words.render(
        "diary",
        entries=trend.entries,
        first_date=_date(words, trend.first_date),
        last_date=_date(words, trend.last_date),
        kind=words.label("kind", trend.kind),
        pain_from=_value(words, "score", trend.pain_from),
        pain_to=_value(words, "score", trend.pain_to),
        extent_from=_value(words, "extent", trend.extent_from),
        extent_to=_value(words, "extent", trend.extent_to),
        extent_change=words.label("extent_change", trend.extent_change),
        physio=words.render("physio") if trend.see_physio else "",
        rows="\n".join(rows),
    )


def _triggers(words: ReportText, entries: Sequence[DiaryEntry]) -> str:
    if len(entries) < MIN_CHECKINS_FOR_TRIGGERS:
        return words.label("kind", "too_few")
    frequent = frequent_triggers(entries)
    if not frequent:
        return words.label("word", "none")
    return ", ".join(
        words.render(
            "trigger_row",
            trigger=words.label("trigger", found.trigger),
            count=found.count,
            checkins=len(entries),
            topic=_value(words, "topic", found.advice_topic),
        )
        for found in frequent
    )


def _advice(words: ReportText, given: Iterable[AdviceGiven]) -> str:
    from sciatica.advice import knowledge

    topics = {item.id: item.topic for item in knowledge().items}
    rows = []
    for record in given:
        item_id, on = (record, None) if isinstance(record, str) else record
        rows.append(
            words.render(
                "advice_row",
                date=_date(words, on),
                topic=_value(words, "topic", topics.get(item_id)),
                item=item_id,
            )
        )
    if not rows:
        return words.label("word", "none")
    return "\n" + "\n".join(rows)
