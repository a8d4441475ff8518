"""A small text classifier for intents and FAQ answers, with no Rasa import.

Features are TF-IDF (sublinear term frequency, L2-normalised) over two views of
the message:

- words and word pairs of a normalised text: lower case, contractions and chat
  spellings written out ("idk" -> "i do not know", "don't" -> "do not"),
  numbers (digits or words) replaced by ``NUM``, each word reduced to its
  lookup lemma (``spacy-lookups-data``, through ``sciatica.nlp.lemma``);
- character n-grams (1 to 5, inside word boundaries) of the lower-cased text,
  which carry typos and word pieces.

A multinomial logistic regression over them gives a probability per label. In
5-fold cross-validation on this project's data this reads intents and FAQ
questions better than Rasa's CountVectorsFeaturizer with its logistic
regression or DIET (docs/benchmarks.md, bench/levers.md).

The model is saved as JSON (vocabularies, IDF weights, labels) and an ``.npz``
of the weights read with ``allow_pickle=False``: loading a model runs no code
from the file.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from sciatica.nlp import lemma
from sciatica.numbers import parse_number

_CONTRACTIONS = (
    ("can't", "can not"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'m", " am"),
    ("'re", " are"),
    ("'s", " is"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
)
"""Contractions written out, in this order ("can't" before "n't")."""

CHAT_SPELLINGS = {
    "idk": "i do not know",
    "dunno": "do not know",
    "yep": "yes",
    "yup": "yes",
    "yeah": "yes",
    "ya": "yes",
    "nah": "no",
    "nope": "no",
    "kinda": "kind of",
    "sorta": "sort of",
    "gonna": "going to",
    "wanna": "want to",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ty": "thank you",
    "cant": "can not",
    "dont": "do not",
    "wont": "will not",
    "im": "i am",
    "ive": "i have",
}
"""Chat spellings and the words they stand for."""

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
NUM = "NUM"
"""The token every number becomes."""

_FORMAT = 1
"""Version of the saved format; a model saved in another is refused."""


@functools.lru_cache(maxsize=20_000)
def _token(word: str) -> str:
    return NUM if parse_number(word) is not None else lemma(word)


def normalise(text: str) -> str:
    """The word view of ``text``: see the module docstring.

    >>> normalise("I don't think so, idk. Twenty nine days!")
    'i do not think so i do not know NUM NUM day'
    """
    lowered = text.lower().replace("\u2019", "'")
    for short, full in _CONTRACTIONS:
        lowered = lowered.replace(short, full)
    tokens = []
    for word in _WORD.findall(lowered):
        for part in CHAT_SPELLINGS.get(word, word).split():
            tokens.append(_token(part))
    return " ".join(tokens)


def _word_vectorizer(**kwargs: object) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2),
        token_pattern=r"\S+",
        lowercase=False,
        sublinear_tf=True,
        dtype=np.float32,
        **kwargs,
    )


def _char_vectorizer(**kwargs: object) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(1, 5),
        lowercase=True,
        sublinear_tf=True,
        dtype=np.float32,
        **kwargs,
    )


class TextModel:
    """Labels for short texts, with probabilities (see the module docstring)."""

    def __init__(
        self,
        labels: Sequence[str],
        words: TfidfVectorizer,
        chars: TfidfVectorizer,
        coef: np.ndarray,
        intercept: np.ndarray,
    ) -> None:
        """Wraps fitted parts; use ``fit`` or ``load`` to get one."""
        self.labels = list(labels)
        self._words = words
        self._chars = chars
        self._coef = np.ascontiguousarray(coef.T, dtype=np.float32)
        self._intercept = intercept.astype(np.float32)
        # (analyzer, vocabulary, idf, first column) per view, for _features.
        self._views = []
        offset = 0
        for view in (words, chars):
            idf = view.idf_.astype(np.float64)
            self._views.append((view.build_analyzer(), view.vocabulary_, idf, offset))
            offset += len(idf)

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        c: float = 30.0,
        max_iter: int = 3000,
    ) -> TextModel:
        """Trains on ``texts`` and their ``labels`` (two labels at least).

        Args:
            texts: The example messages.
            labels: Each message's label.
            c: Inverse regularisation strength of the logistic regression.
            max_iter: Iteration limit of the solver (lbfgs).
        """
        if len(set(labels)) < 2:
            raise ValueError("TextModel needs examples of at least two labels.")
        words = _word_vectorizer()
        chars = _char_vectorizer()
        features = sparse.hstack(
            [
                words.fit_transform([normalise(t) for t in texts]),
                chars.fit_transform(texts),
            ]
        ).tocsr()
        clf = LogisticRegression(C=c, max_iter=max_iter)
        clf.fit(features, list(labels))
        coef, intercept = clf.coef_, clf.intercept_
        if len(clf.classes_) == 2:  # sklearn keeps one row for two classes
            coef = np.vstack([-coef[0], coef[0]]) / 2
            intercept = np.array([-intercept[0], intercept[0]]) / 2
        return cls(clf.classes_, words, chars, coef, intercept)

    def predict(self, texts: Iterable[str]) -> list[list[tuple[str, float]]]:
        """For each text, every label with its probability, the likeliest first."""
        texts = list(texts)
        if not texts:
            return []
        scores = np.tile(self._intercept.astype(np.float64), (len(texts), 1))
        for row, text in enumerate(texts):
            columns, values = self._features(text)
            if columns:
                scores[row] += values @ self._coef[columns]
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        result = []
        for row in probabilities:
            order = np.argsort(-row, kind="stable")
            result.append([(self.labels[i], float(row[i])) for i in order])
        return result

    def _features(self, text: str) -> tuple[list[int], np.ndarray]:
        """The message's non-zero TF-IDF features: columns and values.

        The same numbers as the fitted vectorizers' ``transform`` (a test
        checks this), without scikit-learn's per-call checks and sparse
        matrices, which cost more than the arithmetic for one short message.
        """
        columns: list[int] = []
        parts = []
        for (analyze, vocabulary, idf, offset), view_text in zip(
            self._views, (normalise(text), text), strict=True
        ):
            counts: dict[int, int] = {}
            for term in analyze(view_text):
                column = vocabulary.get(term)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            view_columns = list(counts)
            weights = (np.log(np.fromiter(counts.values(), float)) + 1.0) * idf[
                view_columns
            ]
            weights /= np.sqrt(weights @ weights)
            columns += [offset + c for c in view_columns]
            parts.append(weights)
        return columns, (np.concatenate(parts) if parts else np.zeros(0))

    def save(self, directory: Path) -> None:
        """Writes ``model.json`` and ``weights.npz`` into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": _FORMAT,
            "labels": self.labels,
            "words": _vocabulary(self._words),
            "chars": _vocabulary(self._chars),
        }
        (directory / "model.json").write_text(json.dumps(meta), encoding="utf-8")
        np.savez(
            directory / "weights.npz",
            coef=self._coef.T,
            intercept=self._intercept,
            words_idf=self._words.idf_,
            chars_idf=self._chars.idf_,
        )

    @classmethod
    def load(cls, directory: Path) -> TextModel:
        """Reads a model ``save`` wrote."""
        meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            raise ValueError(
                f"{directory}: saved model format {meta.get('format')!r} is not "
                f"{_FORMAT}; retrain the model (make train)."
            )
        with np.load(directory / "weights.npz", allow_pickle=False) as arrays:
            words = _restore(_word_vectorizer, meta["words"], arrays["words_idf"])
            chars = _restore(_char_vectorizer, meta["chars"], arrays["chars_idf"])
            return cls(
                meta["labels"], words, chars, arrays["coef"], arrays["intercept"]
            )


def _vocabulary(vectorizer: TfidfVectorizer) -> list[str]:
    """The vectorizer's terms in column order."""
    terms = [""] * len(vectorizer.vocabulary_)
    for term, column in vectorizer.vocabulary_.items():
        terms[column] = term
    return terms


def _restore(
    make: Callable[..., TfidfVectorizer], terms: list[str], idf: np.ndarray
) -> TfidfVectorizer:
    vectorizer = make(vocabulary={term: i for i, term in enumerate(terms)})
    vectorizer.fit([""])  # checks the vocabulary; the IDF is set next
    vectorizer.idf_ = idf
    return vectorizer
