"""What makes the pain worse, from ``data/triggers.yml``.

The seed's action plan says to track triggers ("Does it hurt more after
sitting? After driving? In the morning?"). At a check-in the person says what
set the pain off; ``read_triggers`` finds the triggers a message names.
Words are compared as lemmas (``sciatica.nlp``), so "sat", "sits" and
"sitting" are one word, and misspellings of the rule words are repaired. A
mention does not count when the activity eased the pain ("walking helps") or
did not happen ("didn't drive today"); "can't sit for long" counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import (
    DATA_DIR,
    Citation,
    check_choice,
    check_keys,
    check_source,
)

_FILE = "triggers.yml"
# A negation this many words (or fewer) before an activity negates it.
NEGATION_WINDOW = 3
_CLAUSE_BREAKS = frozenset(
    {",", ";", ".", "!", "?", "but", "while", "whereas", "although", "though"}
)
_WORD_LISTS = (
    "easing_words",
    "worsening_words",
    "negation_words",
    "ability_words",
    "filler_words",
)


@dataclass(frozen=True)
class Trigger:
    """One thing that can set the pain off.

    Attributes:
        id: The trigger id stored in the diary (``sitting``, ``driving``...).
        phrases: The words and phrases that name it, as lemma tuples.
        advice_topic: The ``advice.yml`` topic that helps with it, if any.
        citation: Where tracking this trigger comes from.
    """

    id: str
    phrases: tuple[tuple[str, ...], ...]
    advice_topic: str | None
    citation: Citation


@dataclass(frozen=True)
class TriggerRules:
    """Every trigger and the words that decide whether a mention counts."""

    triggers: tuple[Trigger, ...]
    easing: tuple[tuple[str, ...], ...]
    worsening: tuple[tuple[str, ...], ...]
    negations: frozenset[str]
    abilities: frozenset[str]
    fillers: frozenset[str]

    def get(self, trigger_id: str) -> Trigger | None:
        """The trigger with this id, or ``None`` if there is none (any more)."""
        return next((t for t in self.triggers if t.id == trigger_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every trigger id, in file order."""
        return tuple(t.id for t in self.triggers)


@lru_cache(maxsize=1)
def rules() -> TriggerRules:
    """Loads and validates the packaged ``data/triggers.yml`` (once)."""
    return load(DATA_DIR / _FILE)


def load(path: Path) -> TriggerRules:
    """Loads and validates a triggers file.

    Args:
        path: The YAML file.

    Returns:
        The trigger rules.

    Raises:
        KnowledgeError: On a missing file, unknown or missing keys, a missing
            or unverifiable source, an unknown advice topic or a repeated id.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=path.name, error=error)) from error
    return parse(raw, file=path.name)


def parse(raw: Any, file: str = _FILE) -> TriggerRules:
    """Validates the content of a triggers file (see ``load``)."""
    from sciatica.advice import knowledge as advice_knowledge

    top = check_keys(
        raw,
        file=file,
        where="top level",
        required={"version": int, "triggers": list}
        | {key: list for key in _WORD_LISTS},
    )
    for key in _WORD_LISTS:
        _check_words(top[key], file=file, where="top level", key=key)
    topics = advice_knowledge().topics
    fillers = frozenset(_lemmas(top["filler_words"], frozenset()))
    triggers: list[Trigger] = []
    for index, entry in enumerate(top["triggers"]):
        where = f"triggers[{index}]"
        entry = check_keys(
            entry,
            file=file,
            where=where,
            required={"id": str, "words": list, "source": dict},
            optional={"advice_topic": str},
        )
        where = f"triggers '{entry['id']}'"
        _check_words(entry["words"], file=file, where=where, key="words")
        if entry["id"] in (t.id for t in triggers):
            raise KnowledgeError(
                Errors.E007.format(file=file, where=where, id=entry["id"])
            )
        topic = entry.get("advice_topic")
        if topic is not None:
            check_choice(topic, topics, file=file, where=where, key="advice_topic")
        triggers.append(
            Trigger(
                id=entry["id"],
                phrases=_phrases(entry["words"], fillers),
                advice_topic=topic,
                citation=check_source(entry["source"], file=file, where=where),
            )
        )
    return TriggerRules(
        triggers=tuple(triggers),
        easing=_phrases(top["easing_words"], fillers),
        worsening=_phrases(top["worsening_words"], fillers),
        negations=frozenset(_lemmas(top["negation_words"], frozenset())),
        abilities=frozenset(_lemmas(top["ability_words"], frozenset())),
        fillers=fillers,
    )


def read_triggers(
    text: str | None, trigger_rules: TriggerRules | None = None
) -> tuple[str, ...]:
    """The triggers a check-in answer names, in the order they are mentioned.

    Args:
        text: The person's answer ("sitting at my desk and driving home").
        trigger_rules: The rules (the packaged file by default).

    Returns:
        Trigger ids, each once. Empty when the message names none, or only
        activities that eased the pain or did not happen. ("Nothing" is read
        by ``sciatica.answers.read_yes_no`` as a "no".)
    """
    if not text or not text.strip() or text.strip().startswith("/"):
        return ()
    kb = trigger_rules or rules()
    found: list[str] = []
    for clause in _clauses(_lemma_tokens(text, kb)):
        spans = _find(clause, [(t.id, p) for t in kb.triggers for p in t.phrases])
        cues = _find(
            clause,
            [("easing", p) for p in kb.easing] + [("worse", p) for p in kb.worsening],
        )
        for start, end, trigger_id in spans:
            if _negated(clause, start, kb) or _eased(cues, start, end):
                continue
            if trigger_id not in found:
                found.append(trigger_id)
    return tuple(found)


def _check_words(words: list[Any], *, file: str, where: str, key: str) -> None:
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise KnowledgeError(
                Errors.E005.format(
                    file=file,
                    where=where,
                    key=key,
                    expected="a list of words (quote yes, no, on, off)",
                    actual=word,
                )
            )


def _phrases(
    words: Iterable[Any], fillers: frozenset[str]
) -> tuple[tuple[str, ...], ...]:
    phrases = []
    for word in words:
        lemmas = tuple(_lemmas(str(word).lower().split(), fillers))
        if lemmas and lemmas not in phrases:
            phrases.append(lemmas)
    return tuple(phrases)


def _lemmas(words: Iterable[Any], fillers: frozenset[str]) -> list[str]:
    from sciatica.nlp import lemma

    lemmas = [lemma(str(word).lower()) for word in words]
    return [word for word in lemmas if word not in fillers]


@lru_cache(maxsize=4)
def _fixer(kb: TriggerRules) -> Any:
    from sciatica.nlp import SpellingFixer

    vocabulary = {
        word
        for phrases in (
            *(t.phrases for t in kb.triggers),
            kb.easing,
            kb.worsening,
        )
        for phrase in phrases
        for word in phrase
    }
    return SpellingFixer(vocabulary)


def _lemma_tokens(text: str, kb: TriggerRules) -> list[str]:
    """Lemmas of the message's words, fillers left out.

    A word the lemma table knows as an inflection ("tying") is not
    spell-checked; only unknown words are repaired towards the rule words.
    """
    from sciatica.nlp import blank_english, encodable, lemma, norm_word

    cleaned = encodable(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    lemmas = []
    for token in blank_english().tokenizer(cleaned):
        word = token.text
        if token.is_space:
            continue
        found = lemma(word)
        if found == norm_word(word):
            found = lemma(_fixer(kb).fix(word))
        if found not in kb.fillers:
            lemmas.append(found)
    return lemmas


def _clauses(tokens: Sequence[str]) -> list[list[str]]:
    clauses: list[list[str]] = [[]]
    for token in tokens:
        if token in _CLAUSE_BREAKS:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [clause for clause in clauses if clause]


def _find(
    tokens: Sequence[str], phrases: Sequence[tuple[str, tuple[str, ...]]]
) -> list[tuple[int, int, str]]:
    """Non-overlapping phrase matches, longest first: (start, end, label)."""
    matches = [
        (start, start + len(phrase), label)
        for label, phrase in phrases
        for start in range(len(tokens) - len(phrase) + 1)
        if tuple(tokens[start : start + len(phrase)]) == phrase
    ]
    matches.sort(key=lambda m: (m[0] - m[1], m[0]))
    taken: set[int] = set()
    kept = []
    for start, end, label in matches:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end, label))
    return sorted(kept)


def _negated(clause: Sequence[str], start: int, kb: TriggerRules) -> bool:
    for index in range(max(0, start - NEGATION_WINDOW), start):
        if clause[index] in kb.negations:
            return not (index > 0 and clause[index - 1] in kb.abilities)
    return False


def _eased(cues: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    if not cues:
        return False

    def distance(cue: tuple[int, int, str]) -> int:
        return max(cue[0] - end + 1, start - cue[1] + 1, 0)

    return min(cues, key=distance)[2] == "easing"
