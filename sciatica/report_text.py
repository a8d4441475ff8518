"""The words of the diary reports, from ``data/clinician_summary.txt``.

The clinician summary and the diary chart say nothing in Python: their text
is a sectioned template file. A section starts with a ``[[name]]`` line;
sections hold ``string.Template`` text (``$name`` placeholders), and the
``[[labels]]`` section holds ``group.id: words`` lines that name ids
(``extent.below_knee: below the knee``). The file is validated on load:
unknown or missing sections, unknown placeholders and malformed label lines
are errors that say which line to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Mapping

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import DATA_DIR

LABELS = "labels"
# Each text section and the placeholders it may use.
SECTIONS: Mapping[str, frozenset[str]] = {
    "summary": frozenset(
        {
            "today",
            "version",
            "screening",
            "interview",
            "pattern",
            "directional",
            "diary",
            "triggers",
            "advice",
        }
    ),
    "screening": frozenset({"level", "date", "rows"}),
    "screening_row": frozenset({"question", "answer"}),
    "interview": frozenset({"date", "side", "extent", "weeks", "score", "numbness"}),
    "dated": frozenset({"value", "date"}),
    "diary": frozenset(
        {
            "entries",
            "first_date",
            "last_date",
            "kind",
            "pain_from",
            "pain_to",
            "extent_from",
            "extent_to",
            "extent_change",
            "physio",
            "rows",
        }
    ),
    "physio": frozenset(),
    "diary_row": frozenset({"date", "pain", "extent", "triggers", "centralizes"}),
    "more_rows": frozenset({"count"}),
    "trigger_row": frozenset({"trigger", "count", "checkins", "topic"}),
    "advice_row": frozenset({"date", "topic", "item"}),
}
_FILE = "clinician_summary.txt"
_HEADER = re.compile(r"^\[\[([a-z_]+)\]\]\s*$")
_LABEL = re.compile(r"^([a-z_]+(?:\.[a-z0-9_]+)+):\s*(\S.*?)\s*$")


@dataclass(frozen=True)
class ReportText:
    """The report templates and labels."""

    sections: Mapping[str, Template]
    labels: Mapping[str, str]

    def render(self, section: str, **values: object) -> str:
        """Fills one section's placeholders.

        Args:
            section: A section name from ``SECTIONS``.
            **values: A value for every placeholder the section allows.

        Returns:
            The filled-in text.
        """
        return self.sections[section].substitute(
            {key: str(value) for key, value in values.items()}
        )

    def label(self, group: str, value: object) -> str:
        """The words for an id (``label("extent", "below_knee")``).

        Falls back to the id itself, with spaces for underscores.
        """
        key = str(value)
        return self.labels.get(f"{group}.{key}", key.replace("_", " "))


@lru_cache(maxsize=1)
def report_text() -> ReportText:
    """Loads and validates the packaged ``data/clinician_summary.txt`` (once)."""
    return load(DATA_DIR / _FILE)


def load(path: Path) -> ReportText:
    """Loads and validates a report text file.

    Args:
        path: The file.

    Returns:
        The templates and labels.

    Raises:
        KnowledgeError: On an unreadable file, text outside a section, an
            unknown, repeated or missing section, an unknown placeholder or a
            malformed label line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(Errors.E001.format(file=path.name, error=error)) from error
    return parse(text, file=path.name)


def parse(text: str, file: str = _FILE) -> ReportText:
    """Validates the content of a report text file (see ``load``)."""
    raw: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1)
            if current not in (*SECTIONS, LABELS):
                raise KnowledgeError(
                    Errors.E003.format(
                        file=file,
                        where=f"line {number}",
                        key=current,
                        allowed=", ".join((*SECTIONS, LABELS)),
                    )
                )
            if current in raw:
                raise KnowledgeError(
                    Errors.E007.format(file=file, where=f"line {number}", id=current)
                )
            raw[current], starts[current] = [], number
        elif current is None:
            if line.strip() and not line.startswith("#"):
                raise KnowledgeError(Errors.E014.format(file=file, line=number))
        else:
            raw[current].append(line)
    for name in (*SECTIONS, LABELS):
        if name not in raw:
            raise KnowledgeError(
                Errors.E004.format(file=file, where="sections", key=f"[[{name}]]")
            )
    sections = {
        name: _template("\n".join(raw[name]).strip("\n"), name, file)
        for name in SECTIONS
    }
    return ReportText(
        sections=sections, labels=_labels(raw[LABELS], starts[LABELS], file)
    )


def _template(text: str, section: str, file: str) -> Template:
    template = Template(text)
    for match in Template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if match.group("invalid") is not None:
            name = "  (a lone $; write $$ for a dollar sign)"
        if name is not None and name not in SECTIONS[section]:
            raise KnowledgeError(
                Errors.E013.format(
                    file=file,
                    section=section,
                    name=name,
                    allowed=", ".join(sorted(SECTIONS[section])) or "none",
                )
            )
    return template


def _labels(lines: list[str], start: int, file: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for offset, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LABEL.match(line)
        where = f"line {start + offset}"
        if not match:
            raise KnowledgeError(
                Errors.E005.format(
                    file=file,
                    where=where,
                    key="labels",
                    expected="'group.id: words'",
                    actual=line,
                )
            )
        if match.group(1) in labels:
            raise KnowledgeError(
                Errors.E007.format(file=file, where=where, id=match.group(1))
            )
        labels[match.group(1)] = match.group(2)
    return labels
