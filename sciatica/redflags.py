"""Red-flag detection in free text, with clinical context (negation and more).

The concepts, their phrasings and the context rules live in
``data/red_flags.yml``. Each phrasing compiles to spaCy ``Matcher`` patterns
over lemmas; context triggers (negation, family history, intentional weight
loss, long-past injuries, questions, doubt) work like medspaCy's ConText with
one difference that matters here: a trigger that is part of the symptom's own
words ("I *can't* pee", "*no* feeling down there") does not negate it.

Typical use::

    detector = RedFlagDetector.default()
    result = detector.detect("I can't feel the toilet paper when I wipe")
    result.status   # "emergency"
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sciatica import nlp as shared_nlp
from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import (
    DATA_DIR,
    Citation,
    check_choice,
    check_groups,
    check_keys,
    check_source,
    compile_grouped_pattern,
    compile_pattern,
)

EMERGENCY = "emergency"
URGENT = "urgent"
URGENCIES = (EMERGENCY, URGENT)

# How a mention of a concept stands in its context.
PRESENT = "present"
UNCERTAIN = "uncertain"
QUESTION = "question"
NEGATED = "negated"
FAMILY = "family"
INTENTIONAL = "intentional"
RESOLVED = "resolved"
CHRONIC = "chronic"
PSEUDO = "pseudo"
CATEGORIES = (
    NEGATED,
    FAMILY,
    INTENTIONAL,
    RESOLVED,
    CHRONIC,
    QUESTION,
    UNCERTAIN,
    PSEUDO,
)
# The certainties the assistant acts on (escalate, ask, explain); a finding of
# any other certainty is not a symptom of the person's own now, and a message
# that holds only such findings is read as if it held none.
REPORTED = (PRESENT, UNCERTAIN, QUESTION)
# Categories that mean "this is not a new symptom of the person's own".
_EXCLUDING = (NEGATED, FAMILY, INTENTIONAL, RESOLVED, CHRONIC)
DIRECTIONS = ("forward", "backward", "both")
# Typographic variants of punctuation terminators: an ellipsis is three full
# stops, and the dashes are hyphens.
_PUNCTUATION_VARIANTS = str.maketrans(
    {"\u2026": "...", **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015", "-")}
)
# The longest text read; the rest of a longer message is cut, which bounds the
# cost (about half a second at this length). It must be at least the longest
# message the channels pass on, or a red flag late in a long message is missed.
MAX_CHARS = 10_000

_FILE = "red_flags.yml"
RULES_PATH = DATA_DIR / _FILE
"""The rules' file read by ``RedFlagDetector.default``."""


@dataclass(frozen=True)
class Concept:
    """A red flag: what it is, how urgent, and why (in plain words)."""

    id: str
    urgency: str
    label: str
    reason: str
    citation: Citation


@dataclass(frozen=True)
class Finding:
    """One concept found in a message, with how it stands in context."""

    concept: str
    urgency: str
    certainty: str
    text: str


@dataclass(frozen=True)
class Detection:
    """Everything the detector found in one message."""

    findings: tuple[Finding, ...] = ()

    def concepts(self, certainty: str) -> list[str]:
        """Concept ids found with ``certainty``, most urgent first, no repeats."""
        ids = [f.concept for f in self._sorted() if f.certainty == certainty]
        return list(dict.fromkeys(ids))

    @property
    def present(self) -> list[str]:
        """Concepts the person states they have now."""
        return self.concepts(PRESENT)

    @property
    def uncertain(self) -> list[str]:
        """Concepts mentioned in a way that needs a yes/no confirmation."""
        return [c for c in self.concepts(UNCERTAIN) if c not in self.present]

    @property
    def questioned(self) -> list[str]:
        """Concepts the person asks about or raises hypothetically."""
        settled = set(self.present) | set(self.uncertain)
        return [c for c in self.concepts(QUESTION) if c not in settled]

    @property
    def status(self) -> str:
        """``emergency``, ``urgent``, ``uncertain``, ``question`` or ``none``."""
        urgencies = {f.urgency for f in self.findings if f.certainty == PRESENT}
        if EMERGENCY in urgencies:
            return EMERGENCY
        if URGENT in urgencies:
            return URGENT
        if self.uncertain:
            return UNCERTAIN
        if self.questioned:
            return QUESTION
        return "none"

    def _sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: URGENCIES.index(f.urgency))


@dataclass
class _Rule:
    """What a matcher key stands for."""

    kind: str  # "concept" or a context category
    name: str  # concept id, or category
    weak: bool = False
    direction: str = "forward"
    max_scope: int = 0
    applies_to: frozenset[str] | None = None
    terminators: frozenset[str] = frozenset()  # on top of the shared ones
    # Shared terminators this rule's scope goes across: an explanation that
    # follows "and" or "but" ("both legs are sore and stiff after the marathon").
    crosses: frozenset[str] = frozenset()
    wildcards: frozenset[int] = field(default_factory=frozenset)
    # Keys the token just before / just after the match must not have
    # (a pattern's leading or trailing ``!a|b`` element); with a leading
    # ``!a|b _?``, nor the token before that.
    not_before: frozenset[str] = frozenset()
    not_before_reach: int = 1
    not_after: frozenset[str] = frozenset()


@dataclass
class _Span:
    start: int
    end: int
    rule: _Rule
    owned: frozenset[int]  # token positions matched by a literal, not a wildcard


class RedFlagDetector:
    """Finds red-flag concepts in a message and reads their context."""

    def __init__(self, path: Path | None = None) -> None:
        """Loads, validates and compiles the red-flag knowledge file.

        Args:
            path: The YAML file; ``data/red_flags.yml`` by default.

        Raises:
            KnowledgeError: If the file is invalid.
        """
        path = path or DATA_DIR / _FILE
        self._file = path.name
        raw = _read(path)
        self.replacements = [
            (re.compile(pattern), replacement)
            for pattern, replacement in raw["normalise"]
        ]
        self._vocabulary = _Vocabulary(raw["groups"])
        self.concepts: dict[str, Concept] = {}
        self.terminators: frozenset[str] = frozenset()
        self._rules: dict[str, _Rule] = {}
        self._patterns: list[_Pattern] = []
        for concept in raw["concepts"]:
            self._add_concept(concept)
        self._add_context(raw["context"], raw["groups"])
        self._phrases = self._vocabulary.build_phrase_matcher()
        self._anchored = _anchor_index(self._patterns, self._vocabulary)
        self._fixer = shared_nlp.SpellingFixer(self._vocabulary.words)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> RedFlagDetector:
        """The detector for the packaged knowledge file, built once."""
        return cls()

    # -- detection -------------------------------------------------------

    def detect(self, text: str) -> Detection:
        """Finds red flags in ``text`` and how each stands in its context.

        Args:
            text: One user message, as typed.

        Returns:
            The findings; ``Detection.status`` summarises them.
        """
        doc = self._doc(text)
        if doc is None:
            return Detection()
        concept_spans, triggers = self._spans(doc)
        triggers = _drop_pseudo_negations(triggers)
        proxy = self._written_for_someone(text)
        reported = self._reports(text)
        findings = []
        for span in concept_spans:
            certainty = self._certainty(doc, span, triggers, proxy)
            if certainty == QUESTION and reported:
                certainty = PRESENT  # "Is it bad if it goes into both legs? Mine has."
            concept = self.concepts[span.rule.name]
            findings.append(
                Finding(
                    concept=concept.id,
                    urgency=concept.urgency,
                    certainty=certainty,
                    text=doc[span.start : span.end].text,
                )
            )
        return Detection(tuple(_best_per_concept(findings)))

    def mentions(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """Concept mentions before any context rule is applied.

        Used to compare context handling with other tools on the same mentions.

        Args:
            text: One user message.

        Returns:
            The normalised text and, for each mention, its character span in that
            text and the concept id.
        """
        doc = self._doc(text)
        if doc is None:
            return "", []
        spans, _ = self._spans(doc)
        found = {
            (
                doc[s.start].idx,
                doc[s.end - 1].idx + len(doc[s.end - 1].text),
                s.rule.name,
            )
            for s in spans
        }
        return doc.text, sorted(found)

    def _doc(self, text: str) -> Doc | None:
        if not text or not text.strip() or text.lstrip().startswith("/"):
            return None
        doc = shared_nlp.make_doc(text[:MAX_CHARS], self.replacements, self._fixer)
        self._vocabulary.annotate(doc, self._phrases)
        return doc

    def _matches(self, doc: Doc) -> list[tuple[str, int, int, list[int]]]:
        """Every pattern's matches, by where they end, then start, then rule.

        Only a pattern whose every required element has a key somewhere in
        the message can match, and a message has few of them (two on
        average): each pattern is filed under its rarest element, checked,
        and only then run, with a Matcher of its own. One Matcher of all
        1,600 patterns tried each of them at every token: most of the
        detector's time.
        """
        present: set[str] = set()
        for token in doc:
            present.update(token.norm_[1:-1].split("|"))
        candidates = {index for key in present for index in self._anchored.get(key, ())}
        found = []
        for index in candidates:
            pattern = self._patterns[index]
            if any(present.isdisjoint(keys) for keys in pattern.required):
                continue
            for _, start, end, alignment in pattern.matcher(doc, with_alignments=True):
                found.append((end, start, index, pattern.where, alignment))
        found.sort(key=lambda match: match[:3])
        return [(where, start, end, a) for end, start, _, where, a in found]

    def _spans(self, doc: Doc) -> tuple[list[_Span], list[_Span]]:
        concepts: list[_Span] = []
        triggers: list[_Span] = []
        for where, start, end, alignment in self._matches(doc):
            rule = self._rules[where]
            if rule.kind == "concept" and not _same_sentence(doc, start, end - 1):
                continue  # "... when I wipe. The numb bit is on my foot."
            if _next_to(
                doc, range(start - rule.not_before_reach, start), rule.not_before
            ) or _next_to(doc, range(end, end + 1), rule.not_after):
                continue  # "I can't come" is not "I can't come to work"
            owned = frozenset(
                start + offset
                for offset, element in enumerate(alignment)
                if element not in rule.wildcards
            )
            span = _Span(start, end, rule, owned)
            (concepts if rule.kind == "concept" else triggers).append(span)
        return concepts, triggers

    def _written_for_someone(self, text: str) -> bool:
        """Whether the message speaks for someone else who has the pain.

        "My husband had bowel cancer and now he's got this back pain": the
        person being helped is the husband, so his history is not family
        history (see ``_certainty``).
        """
        return _any_cue(text, self.proxy_cues)

    def _reports(self, text: str) -> bool:
        """Whether a question about a sign also says the person has it.

        "Is it bad if sciatica goes into both legs at once? Mine has since
        this morning." asks, and reports: the sign is read as present.
        """
        return _any_cue(text, self.report_cues)

    def _certainty(
        self, doc: Doc, span: _Span, triggers: list[_Span], proxy: bool = False
    ) -> str:
        """How the concept at ``span`` stands in its context.

        When the message is written for someone else who has the pain
        (``proxy``), a family mention may be that person's own history: it
        reads as uncertain, so the assistant asks, rather than as not applying.
        So does a relative's sign of now (``family_asked`` in the rules' file:
        "Mum's leg is getting weaker" is most likely about the person the
        message is for); in a message written for someone else, a relative's
        sign of now or fall (``family_asked``, ``family_subject_asked``) is
        that person's and stands as it reads ("My son got tackled hard ...,
        his back has been bad since"). A relative who is the subject of the
        sign's own words ("my son fell off his bike": the family trigger
        starts before the sign and shares its first words) makes the sign
        uncertain for the concepts of ``family_subject_asked``, unless the
        message is written for someone else (``proxy``: then the relative's
        fall is that person's).
        """
        found = set()
        for trigger in triggers:
            rule = trigger.rule
            if rule.applies_to is not None and span.rule.name not in rule.applies_to:
                continue
            if trigger.owned & span.owned:
                if (
                    rule.kind == FAMILY
                    and not proxy
                    and trigger.start < span.start
                    and span.rule.name in self.family_subject_asked
                    and _same_sentence(doc, span.start, trigger.start)
                ):
                    found.add(UNCERTAIN)
                continue  # the trigger words are the symptom's own words
            if not _same_sentence(doc, span.start, trigger.start):
                continue
            if self._in_scope(doc, span, trigger):
                found.add(rule.kind)
        if FAMILY in found and (proxy or span.rule.name in self.family_asked):
            found.discard(FAMILY)
            now = self.family_asked | self.family_subject_asked
            if not (proxy and span.rule.name in now):
                found.add(UNCERTAIN)
        for category in _EXCLUDING:
            if category in found:
                return category
        if QUESTION in found or self._is_question(doc[span.start].sent):
            return QUESTION
        if UNCERTAIN in found or span.rule.weak:
            return UNCERTAIN
        return PRESENT

    def _in_scope(self, doc: Doc, span: _Span, trigger: _Span) -> bool:
        rule = trigger.rule
        if span.start <= trigger.start and trigger.end <= span.end:
            return True  # inside the match, on words a wildcard stood for
        if rule.direction in ("forward", "both") and trigger.end <= span.start:
            gap = range(trigger.end, span.start)
            if len(gap) <= rule.max_scope and not self._terminated(doc, gap, rule):
                return True
        if rule.direction in ("backward", "both") and trigger.start >= span.end:
            gap = range(span.end, trigger.start)
            if len(gap) <= rule.max_scope and not self._terminated(doc, gap, rule):
                return True
        return False

    def _is_question(self, sentence: Span) -> bool:
        """A sentence such as "is incontinence serious?" asks, it does not tell."""
        words = [token for token in sentence if not token.is_punct]
        return (
            bool(words)
            and sentence[-1].text == "?"
            and words[0].lower_ in self.question_openers
        )

    def _terminated(self, doc: Doc, gap: range, rule: _Rule) -> bool:
        """Whether something in ``gap`` ends the scope of ``rule``'s trigger.

        A word of the gap may be a shared terminator or one of the rule's own
        (the negation's "i": "no I can't control my bladder"); the shared
        terminators the rule ``crosses`` do not end it. When the shared
        terminators list the line break, so is a line break before a word of
        the gap or before the mention that follows it ("no" on one line, "wet
        myself" on the next).
        """
        if any(
            (self._is_terminator(doc[i].lower_) and doc[i].lower_ not in rule.crosses)
            or doc[i].lower_ in rule.terminators
            for i in gap
        ):
            return True
        return "\n" in self.terminators and any(
            doc[i]._.get(shared_nlp.LINE_START)
            for i in range(gap.start, min(gap.stop + 1, len(doc)))
        )

    def _is_terminator(self, word: str) -> bool:
        """Whether a token ends a context trigger's scope.

        Besides the terminators of the knowledge file: a run of punctuation
        terminators ("...", "--", "—"), and a word the tokenizer kept with its
        full stop ("d.", "p.m."), which may end the sentence. Neither "no...
        I can't control my bladder" nor "no help from vitamin D. I can't
        control my bladder" reads as a negated symptom.
        """
        if word in self.terminators or (len(word) > 1 and word.endswith(".")):
            return True
        folded = word.translate(_PUNCTUATION_VARIANTS)
        return bool(folded) and all(char in self.terminators for char in folded)

    # -- compilation -----------------------------------------------------

    def _add_concept(self, raw: Any) -> None:
        where = (
            f"concepts '{raw.get('id', '?')}'" if isinstance(raw, dict) else "concept"
        )
        entry = check_keys(
            raw,
            file=self._file,
            where=where,
            required={
                "id": str,
                "urgency": str,
                "label": str,
                "reason": str,
                "source": dict,
            },
            optional={"patterns": list, "weak_patterns": list},
        )
        check_choice(
            entry["urgency"], URGENCIES, file=self._file, where=where, key="urgency"
        )
        if entry["id"] in self.concepts:
            raise KnowledgeError(
                Errors.E007.format(file=self._file, where=where, id=entry["id"])
            )
        self.concepts[entry["id"]] = Concept(
            id=entry["id"],
            urgency=entry["urgency"],
            label=entry["label"],
            reason=entry["reason"],
            citation=check_source(entry["source"], file=self._file, where=where),
        )
        for weak, key in ((False, "patterns"), (True, "weak_patterns")):
            for index, pattern in enumerate(entry.get(key, [])):
                rule = _Rule(kind="concept", name=entry["id"], weak=weak)
                self._compile(pattern, rule, f"{where} {key}[{index}]")
        if not entry.get("patterns") and not entry.get("weak_patterns"):
            raise KnowledgeError(
                Errors.E004.format(file=self._file, where=where, key="patterns")
            )

    def _compile_cues(
        self, context: dict[str, Any], key: str, groups: dict[str, list[str]]
    ) -> list[re.Pattern[str]]:
        """The regular expressions of ``context[key]``, groups expanded."""
        return [
            compile_grouped_pattern(
                pattern, groups, file=self._file, where=f"context.{key}[{index}]"
            )
            for index, pattern in enumerate(context.get(key, []))
        ]

    def _add_context(self, raw: Any, groups: dict[str, list[str]]) -> None:
        context = check_keys(
            raw,
            file=self._file,
            where="context",
            required={"terminators": list, "question_openers": list, "modifiers": list},
            optional={
                "proxy_cues": list,
                "family_asked": list,
                "family_subject_asked": list,
                "report_cues": list,
            },
        )
        self.terminators = frozenset(str(t).lower() for t in context["terminators"])
        for key in ("family_asked", "family_subject_asked"):
            for concept in context.get(key, []):
                if concept not in self.concepts:
                    raise KnowledgeError(
                        Errors.E010.format(
                            file=self._file, where=f"context.{key}", concept=concept
                        )
                    )
        self.family_asked = frozenset(context.get("family_asked", []))
        self.family_subject_asked = frozenset(context.get("family_subject_asked", []))
        self.proxy_cues = self._compile_cues(context, "proxy_cues", groups)
        self.report_cues = self._compile_cues(context, "report_cues", groups)
        self.question_openers = frozenset(
            str(t).lower() for t in context["question_openers"]
        )
        for index, modifier in enumerate(context["modifiers"]):
            where = f"context.modifiers[{index}]"
            entry = check_keys(
                modifier,
                file=self._file,
                where=where,
                required={
                    "category": str,
                    "direction": str,
                    "max_scope": int,
                    "patterns": list,
                },
                optional={"applies_to": list, "terminators": list, "crosses": list},
            )
            check_choice(
                entry["category"],
                CATEGORIES,
                file=self._file,
                where=where,
                key="category",
            )
            check_choice(
                entry["direction"],
                DIRECTIONS,
                file=self._file,
                where=where,
                key="direction",
            )
            applies_to = entry.get("applies_to")
            for concept in applies_to or ():
                if concept not in self.concepts:
                    raise KnowledgeError(
                        Errors.E010.format(
                            file=self._file, where=where, concept=concept
                        )
                    )
            for number, pattern in enumerate(entry["patterns"]):
                rule = _Rule(
                    kind=entry["category"],
                    name=entry["category"],
                    direction=entry["direction"],
                    max_scope=entry["max_scope"],
                    applies_to=frozenset(applies_to) if applies_to else None,
                    terminators=frozenset(
                        str(t).lower() for t in entry.get("terminators", ())
                    ),
                    crosses=frozenset(str(t).lower() for t in entry.get("crosses", ())),
                )
                self._compile(str(pattern), rule, f"{where} patterns[{number}]")

    def _compile(self, pattern: str, rule: _Rule, where: str) -> None:
        try:
            tokens, wildcards, edges, required = _expand(pattern, self._vocabulary)
        except ValueError as error:
            raise KnowledgeError(
                Errors.E011.format(
                    file=self._file, where=where, pattern=pattern, error=error
                )
            ) from error
        self._rules[where] = _Rule(
            **{
                **rule.__dict__,
                "wildcards": wildcards,
                "not_before": edges.before,
                "not_before_reach": edges.before_reach,
                "not_after": edges.after,
            }
        )
        matcher = Matcher(shared_nlp.blank_english().vocab)
        matcher.add(where, [tokens])
        self._patterns.append(_Pattern(where, required, matcher))


def _read(path: Path) -> dict[str, Any]:
    import yaml  # local: only needed when building a detector

    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=path.name, error=error)) from error
    entry = check_keys(
        content,
        file=path.name,
        where="top level",
        required={
            "version": int,
            "normalise": list,
            "concepts": list,
            "groups": dict,
            "context": dict,
        },
    )
    for index, pair in enumerate(entry["normalise"]):
        if not (isinstance(pair, list) and len(pair) == 2):
            raise KnowledgeError(
                Errors.E005.format(
                    file=path.name,
                    where=f"normalise[{index}]",
                    key="rewrite",
                    expected="a [pattern, replacement] pair",
                    actual=pair,
                )
            )
        compile_pattern(pair[0], file=path.name, where=f"normalise[{index}]")
    check_groups(entry["groups"], file=path.name)
    return entry


def _token_words(entry: str) -> list[str]:
    """Splits a pattern entry the way the tokenizer will split the text."""
    tokenizer = shared_nlp.blank_english().tokenizer
    return [token.text for token in tokenizer(entry.lower())]


class _Vocabulary:
    """Word groups and the multi-word phrases the patterns use.

    Every token of a processed message gets a key string such as
    ``|l:numb|g:numb|`` listing its lemma and the groups it belongs to; it is
    stored in the token's NORM, which the Matcher reads at C speed. A
    multi-word phrase (``"private parts"``, ``"can not feel"``) is merged into
    one token first, longest phrase first, so each pattern slot is a single
    Matcher token whatever the length of the words it stands for.
    """

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.words: set[str] = set()
        self.group_names: set[str] = {f"g:{name}" for name in groups}
        self._word_groups: dict[str, set[str]] = {}
        self._phrase_groups: dict[str, set[str]] = {}
        for name, members in groups.items():
            for member in members:
                self.add(str(member), f"g:{name}")

    def add(self, entry: str, group: str | None = None) -> str:
        """Registers a word or phrase; returns the key that matches it."""
        words = _token_words(entry.replace("+", " "))
        self.words.update(words)
        if len(words) == 1:
            key = f"l:{shared_nlp.lemma(words[0])}"
            if group:
                self._word_groups.setdefault(shared_nlp.lemma(words[0]), set()).add(
                    group
                )
            return group or key
        phrase = " ".join(shared_nlp.lemma(word) for word in words)
        groups = self._phrase_groups.setdefault(phrase, set())
        key = group or f"p:{phrase.replace(' ', '_')}"
        groups.add(key)
        return key

    def group_members(self) -> dict[str, list[str]]:
        """Each group's members as token keys (``l:`` words, ``p:`` phrases)."""
        members: dict[str, list[str]] = {}
        for word, groups in self._word_groups.items():
            for group in groups:
                members.setdefault(group[2:], []).append(f"l:{word}")
        for phrase, keys in self._phrase_groups.items():
            for key in keys:
                if key.startswith("g:"):
                    members.setdefault(key[2:], []).append(f"p:{phrase}")
        return members

    def build_phrase_matcher(self) -> PhraseMatcher:
        nlp = shared_nlp.blank_english()
        matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for phrase in self._phrase_groups:
            words = phrase.split()
            doc = Doc(nlp.vocab, words=words, lemmas=words)
            matcher.add(phrase, [doc])
        return matcher

    def annotate(self, doc: Doc, matcher: PhraseMatcher) -> None:
        """Merges known phrases and writes each token's key string."""
        spans = [doc[start:end] for _, start, end in matcher(doc)]
        kept = filter_spans(spans)
        # A merged phrase also belongs to the groups of the shorter phrases it
        # starts or ends with: "can not feel anything" is still a way to "can
        # not feel", and "has no feeling" to "no feeling".
        extra: dict[int, set[str]] = {}
        for span in kept:
            for other in spans:
                inside = span.start <= other.start and other.end <= span.end
                if (
                    inside
                    and len(other) < len(span)
                    and (other.start == span.start or other.end == span.end)
                ):
                    phrase = " ".join(token.lemma_ for token in other)
                    extra.setdefault(span.start, set()).update(
                        self._phrase_groups.get(phrase, ())
                    )
        lemmas = {span.start: " ".join(token.lemma_ for token in span) for span in kept}
        with doc.retokenize() as retokenizer:
            for span in kept:
                retokenizer.merge(span, attrs={"LEMMA": lemmas[span.start]})
        starts = sorted(extra)
        merged_extra = {}
        if starts:
            # Positions shift after merging; map old starts to new token indices.
            offset = 0
            for span in sorted(kept, key=lambda s: s.start):
                if span.start in extra:
                    merged_extra[span.start - offset] = extra[span.start]
                offset += len(span) - 1
        for token in doc:
            keys = {f"l:{token.lemma_}", f"w:{token.lower_}"}
            if " " in token.lemma_:  # a merged phrase also stands for its first word
                keys.add(f"l:{token.lemma_.split()[0]}")
            keys |= self._word_groups.get(token.lemma_, set())
            keys |= self._phrase_groups.get(token.lemma_, set())
            keys |= merged_extra.get(token.i, set())
            token.norm_ = "|" + "|".join(sorted(keys)) + "|"


class _Edges(NamedTuple):
    """Words that must not stand next to a pattern's match."""

    before: frozenset[str] = frozenset()
    before_reach: int = 1  # 2: "!it _? <cannot> come" also skips "it just"
    after: frozenset[str] = frozenset()


class _Pattern(NamedTuple):
    """One compiled pattern and what a message needs for it to match."""

    where: str
    # The keys of each element that is neither optional nor a wildcard: the
    # message must have at least one key of each.
    required: tuple[frozenset[str], ...]
    matcher: Matcher


def _anchor_index(
    patterns: Sequence[_Pattern], vocabulary: _Vocabulary
) -> dict[str, tuple[int, ...]]:
    """Each key's patterns, every pattern filed under its rarest element.

    How rare an element is comes from the word-frequency table: a word's
    probability, a group's the sum of its members', a phrase's its rarest
    word's (``_expand`` gives every pattern at least one required element).
    """
    members = vocabulary.group_members()
    index: dict[str, list[int]] = {}
    for number, pattern in enumerate(patterns):
        anchor = min(
            pattern.required,
            key=lambda keys: sum(_commonness(key, members) for key in keys),
        )
        for key in anchor:
            index.setdefault(key, []).append(number)
    return {key: tuple(numbers) for key, numbers in index.items()}


def _commonness(key: str, members: dict[str, list[str]]) -> float:
    """About how often a token has ``key``, from word probabilities."""
    kind, _, body = key.partition(":")
    if kind == "g":
        return sum(_commonness(member, members) for member in members.get(body, ()))
    words = body.replace("_", " ").split()
    return min(math.exp(shared_nlp.log_prob(word)) for word in words)


def _expand(
    pattern: str, vocabulary: _Vocabulary
) -> tuple[list[dict[str, Any]], frozenset[int], _Edges, tuple[frozenset[str], ...]]:
    """Compiles one pattern string into one Matcher token pattern.

    A leading ``!a|b`` element says which words must not come just before the
    match (with ``_?`` after it, nor one word earlier), a trailing one which
    must not come just after it ("<cannot> come !to|out" is not "I can't come
    to work"). Neither is part of the match.

    Returns:
        The token patterns, the positions that are wildcards, the words
        that must not stand next to the match, and the keys of each element
        a match needs.

    Raises:
        ValueError: On an unknown group, an empty pattern or a misplaced ``!``.
    """
    raws = pattern.split()
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    reach = 1
    if len(raws) > 1 and raws[-1].startswith("!"):
        after = frozenset(_keys(raws.pop()[1:], vocabulary))
    if len(raws) > 1 and raws[0].startswith("!"):
        before = frozenset(_keys(raws.pop(0)[1:], vocabulary))
        if len(raws) > 1 and raws[0] == "_?":
            raws.pop(0)
            reach = 2
    if any(raw.startswith("!") for raw in raws):
        raise ValueError("a '!' element can only open or close the pattern")
    tokens: list[dict[str, Any]] = []
    wildcards = set()
    required = []
    for raw in raws:
        optional = raw.endswith("?") and len(raw) > 1
        body = raw[:-1] if optional else raw
        if body == "_":
            wildcards.add(len(tokens))
            tokens.append({"OP": "?"} if optional else {})
            continue
        keys = _keys(body, vocabulary)
        regex = (
            r"\|(?:" + "|".join(re.escape(key) for key in sorted(set(keys))) + r")\|"
        )
        spec: dict[str, Any] = {"NORM": {"REGEX": regex}}
        if optional:
            spec["OP"] = "?"
        else:
            required.append(frozenset(keys))
        tokens.append(spec)
    if not tokens:
        raise ValueError("the pattern is empty")
    if not required:
        raise ValueError("every element is optional or a wildcard")
    return tokens, frozenset(wildcards), _Edges(before, reach, after), tuple(required)


def _keys(body: str, vocabulary: _Vocabulary) -> list[str]:
    """The token keys one ``a|<group>|=word`` element stands for.

    Raises:
        ValueError: On an unknown group or an element that matches nothing.
    """
    keys = []
    for alternative in body.split("|"):
        if alternative.startswith("<") and alternative.endswith(">"):
            if f"g:{alternative[1:-1]}" not in vocabulary.group_names:
                raise ValueError(f"unknown group {alternative}")
            keys.append(f"g:{alternative[1:-1]}")
        elif alternative.startswith("="):
            keys.append(f"w:{alternative[1:]}")
            vocabulary.words.add(alternative[1:])
        elif alternative:
            keys.append(vocabulary.add(alternative))
    if not keys:
        raise ValueError(f"'{body}' matches nothing")
    return keys


def _next_to(doc: Doc, indices: range, keys: frozenset[str]) -> bool:
    """Whether a token at ``indices`` (those in the doc) has any of ``keys``."""
    return bool(keys) and any(
        f"|{key}|" in doc[index].norm_
        for index in indices
        if 0 <= index < len(doc)
        for key in keys
    )


def _any_cue(text: str, cues: Sequence[re.Pattern[str]]) -> bool:
    """Whether any of ``cues`` is found in the lower-cased ``text``."""
    lowered = text.lower().replace("\u2019", "'")
    return any(cue.search(lowered) for cue in cues)


def _same_sentence(doc: Doc, first: int, second: int) -> bool:
    """Whether the tokens at ``first`` and ``second`` are in one sentence."""
    return doc[first].sent.start == doc[second].sent.start


def _drop_pseudo_negations(triggers: Sequence[_Span]) -> list[_Span]:
    """Removes negation triggers that are part of a pseudo trigger."""
    pseudo = [t for t in triggers if t.rule.kind == PSEUDO]
    kept = []
    for trigger in triggers:
        if trigger.rule.kind == PSEUDO:
            continue
        if trigger.rule.kind == NEGATED and any(
            p.start <= trigger.start and trigger.end <= p.end for p in pseudo
        ):
            continue
        kept.append(trigger)
    return kept


_RANK = {PRESENT: 0, UNCERTAIN: 1, QUESTION: 2}


def _best_per_concept(findings: list[Finding]) -> list[Finding]:
    """Keeps, per concept, the finding that matters most for safety."""
    best: dict[str, Finding] = {}
    for finding in findings:
        current = best.get(finding.concept)
        rank = _RANK.get(finding.certainty, 3)
        if current is None or rank < _RANK.get(current.certainty, 3):
            best[finding.concept] = finding
    return list(best.values())
