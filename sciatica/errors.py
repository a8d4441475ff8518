"""Every error message the clinical package can raise, in one place.

Messages are written for the person who edits the knowledge files: they say
which file and entry is wrong and how to fix it.
"""

from __future__ import annotations


class Errors:
    """Message templates, formatted with ``str.format``."""

    E001 = "{file}: cannot read the file ({error})."
    E002 = "{file}: the top level must be a mapping with the key '{key}'."
    E003 = "{file}: {where}: unknown key '{key}'. Allowed keys: {allowed}."
    E004 = "{file}: {where}: the key '{key}' is required."
    E005 = "{file}: {where}: '{key}' must be {expected}, not {actual!r}."
    E006 = "{file}: {where}: '{key}' must be one of {allowed}, not {actual!r}."
    E007 = "{file}: {where}: the id '{id}' is used more than once."
    E008 = (
        "{file}: {where}: source document '{document}' is unknown. "
        "Known sources: {known}."
    )
    E009 = (
        "{file}: {where}: the passage is not found word for word in "
        "'{document}'. Quote the seed document exactly: {passage!r}."
    )
    E010 = "{file}: {where}: refers to the unknown concept '{concept}'."
    E011 = "{file}: {where}: the pattern {pattern!r} is invalid ({error})."
    E012 = "{file}: {where}: '{key}' must not be empty."
    E013 = (
        "{file}: section '{section}': unknown placeholder '${name}'. "
        "Allowed here: {allowed}."
    )
    E014 = "{file}: line {line}: text outside a section; start one with [[name]]."
    E015 = (
        "diary entry {where}: '{key}' must be {expected}, not {actual!r}. "
        "Fix or drop the entry."
    )


class KnowledgeError(ValueError):
    """A knowledge file is missing, malformed or inconsistent."""


class DiaryError(ValueError):
    """Stored diary data is malformed (a wrong type or an impossible value)."""
