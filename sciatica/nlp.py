"""The shared spaCy pipeline: a blank English pipeline with rule-based parts.

No statistical model is downloaded: the pipeline has spaCy's English
tokenizer, the lookup lemmatizer from ``spacy-lookups-data`` and a rule-based
sentencizer. Spelling is repaired against the words the rules use, and British
spellings are folded onto American ones (``lexeme_norm``) so one pattern
serves both.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
import spacy
from spacy.language import Language
from spacy.lookups import Table, load_lookups
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

# Tokens shorter than this are never spelling-corrected: too many real words
# are one edit away from each other.
_MIN_FIX_LENGTH = 5
# Log-probability given to words the frequency table does not list.
_UNKNOWN_LOGPROB = -25.0
# How much more common (in natural-log units) a vocabulary word must be than
# the typed word for the typed word to be taken as its misspelling.
_TYPO_MARGIN = 4.0
# Lone surrogates (a JSON "\ud800" escape gives one) cannot be encoded as
# UTF-8, which spaCy's string store does for every token.
_SURROGATES = re.compile("[\ud800-\udfff]")
# The tokenizer splits "bladder.Please" only before a capital letter, and the
# text is lower-cased first: "bladder.please" or "myself?what" would stay one
# word and hide "bladder". A full stop is split off unless it is part of an
# abbreviation ("e.g.", "p.m."); "!", "?" and ";" always are.
_GLUED_STOP = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_]+(?![\w.]))")
_GLUED_MARKS = re.compile(r"(?<=[^\W\d_])([!?;]+)(?=[^\W\d_])")
# A run of white space that holds a line break (any character str.splitlines
# breaks on). Spaces are collapsed, but where the lines broke is kept: each
# token that starts a new line has ``token._.line_start`` set, so context rules
# can end a trigger's scope there ("no" answering a question, then "I can't
# control my bladder" on the next line).
_LINE_BREAK = re.compile(r"\s*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]\s*")
LINE_START = "line_start"
Token.set_extension(LINE_START, default=False, force=True)


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """Returns the shared blank English pipeline (built once per process)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


class _WordLogProbs:
    """``lexeme_prob`` (a million words' log-probabilities) in two arrays.

    spaCy's ``Table`` holds it as a dict of a million Python objects: 266 MiB
    resident in every process that reads a message (the Rasa server and the
    action server). Sorted 64-bit string hashes (the table's own keys) and
    float64 values take 16 MB and give the same numbers.
    """

    def __init__(self, table: Table) -> None:
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
        values = np.fromiter(table.values(), dtype=np.float64, count=len(table))
        order = np.argsort(keys)
        self._keys = keys[order]
        self._values = values[order]

    def get(self, word: str, default: float) -> float:
        key = np.uint64(get_string_id(word))
        index = int(np.searchsorted(self._keys, key))
        if index < len(self._keys) and self._keys[index] == key:
            return float(self._values[index])
        return default


@lru_cache(maxsize=1)
def _tables() -> tuple[_WordLogProbs, Table]:
    lookups = load_lookups("en", ["lexeme_prob", "lexeme_norm"])
    probs = _WordLogProbs(lookups.get_table("lexeme_prob"))
    norms = lookups.get_table("lexeme_norm")
    del lookups
    gc.collect()
    return probs, norms


def encodable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so spaCy can store it."""
    return _SURROGATES.sub("\N{REPLACEMENT CHARACTER}", text)


def norm_word(word: str) -> str:
    """Folds a lower-case word onto its American spelling ("tumour" -> "tumor")."""
    return _tables()[1].get(word, word)


def lemma(word: str) -> str:
    """Returns the lookup lemma of one lower-case word, after spelling norms."""
    nlp = blank_english()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    word = norm_word(word)
    return table.get(word, word)


def log_prob(word: str) -> float:
    """A lower-case word's log-probability in English text (spaCy's table)."""
    return _tables()[0].get(word, _UNKNOWN_LOGPROB)


def _much_more_common(candidate: str, word: str) -> bool:
    """Whether ``word`` is more likely a typo of ``candidate`` than a word.

    A real word ("ladder") is left alone unless the candidate ("bladder") is
    far more common; a rare spelling ("wieght") gives way to a common word.
    """
    return log_prob(candidate) - log_prob(word) >= _TYPO_MARGIN


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if (
                i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
                and previous2
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class SpellingFixer:
    """Corrects unknown words to the nearest word of a closed vocabulary."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        """Builds the fixer.

        Args:
            vocabulary: The words worth repairing towards (those the rules use).
        """
        self._words = set(vocabulary)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(set(vocabulary)):
            if len(word) >= _MIN_FIX_LENGTH and word.isalpha():
                self._by_initial.setdefault(word[0], []).append(word)
        self._cache: dict[str, str] = {}

    def fix(self, word: str) -> str:
        """Returns the vocabulary word ``word`` was probably meant to be."""
        if word in self._cache:
            return self._cache[word]
        fixed = word
        if len(word) >= _MIN_FIX_LENGTH and word.isalpha() and word not in self._words:
            limit = 1 if len(word) < 7 else 2
            best = limit + 1
            for candidate in self._by_initial.get(word[0], ()):
                distance = edit_distance(word, candidate, limit)
                if distance < best and _much_more_common(candidate, word):
                    best, fixed = distance, candidate
        self._cache[word] = fixed
        return fixed


def make_doc(
    text: str,
    replacements: Sequence[tuple[re.Pattern[str], str]],
    fixer: SpellingFixer,
) -> Doc:
    """Normalises, tokenizes, spell-fixes and lemmatizes ``text``.

    Args:
        text: The user's message.
        replacements: Regular-expression rewrites applied to the lower-cased
            text (contractions, slang spellings).
        fixer: Repairs misspelled words.

    Returns:
        A processed Doc whose tokens carry lemmas and sentence boundaries.
    """
    nlp = blank_english()
    normalised = encodable(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    normalised = _GLUED_MARKS.sub(r"\1 ", _GLUED_STOP.sub(". ", normalised))
    for pattern, replacement in replacements:
        normalised = pattern.sub(replacement, normalised)
    normalised = _LINE_BREAK.sub("\n", normalised.strip())
    normalised = re.sub(r"[^\S\n]+", " ", normalised)
    breaks = [match.start() for match in re.finditer("\n", normalised)]
    tokens = nlp.tokenizer(normalised.replace("\n", " "))
    words = [norm_word(fixer.fix(token.text)) for token in tokens]
    spaces = [bool(token.whitespace_) for token in tokens]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for _, component in nlp.pipeline:
        doc = component(doc)
    for index in _line_starts(tokens, breaks):
        doc[index]._.set(LINE_START, True)
    return doc


def _line_starts(tokens: Doc, breaks: Sequence[int]) -> list[int]:
    """Indices of the tokens that follow a line break (at character ``breaks``)."""
    starts = []
    pending = iter(breaks)
    position = next(pending, None)
    for token in tokens:
        if position is None:
            break
        if position < token.idx:
            starts.append(token.i)
            while position is not None and position < token.idx:
                position = next(pending, None)
    return starts
