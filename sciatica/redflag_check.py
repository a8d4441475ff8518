"""A learned second look for red flags the detector's rules do not find.

The rules of ``sciatica.redflags`` escalate a warning sign at once, but new
wordings slip past any list ("cannot hold my stool", "my manhood is not
responding"). A small text classifier, trained on labelled warning-sign
phrasings and ordinary messages, reads every message too; when it gives a
concept at least a threshold's probability and the rules found no mention of
that concept at all (not even a negated one), the assistant asks the concept's
yes/no question. It never escalates on its own: the person's answer does.

Nothing here imports Rasa; ``sciatica_rasa.nlu`` wires it into the pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import check_keys, load_yaml_files
from sciatica.redflags import EMERGENCY, URGENT, Detection

NONE = "none"
"""The classifier's label for a message with no warning sign."""

POSSIBLE = "possible"
"""The role of a concept only the classifier suggests: the assistant asks."""

LABELS = (EMERGENCY, URGENT, NONE)


def load_examples(
    path: str | Path, concepts: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Labelled phrasings for the classifier: (text, concept id or ``NONE``).

    Args:
        path: A YAML file, or a directory of them (``data/red_flags``), each
            with ``version`` and ``phrasings`` of ``text``, ``label``
            (emergency, urgent or none), ``concept`` and ``kind``.
        concepts: The detector's concept ids and their urgency: a warning sign
            must name one of them, with its urgency as its label.

    Returns:
        The examples of every file, in file-name order; a ``none`` phrasing
        is ``NONE`` whatever concept it looks like.

    Raises:
        KnowledgeError: A file cannot be read, or an entry has unknown,
            missing or wrongly typed keys, an unknown label or concept, or a
            label that is not its concept's urgency.
    """
    examples: list[tuple[str, str]] = []
    for file, phrasings in load_yaml_files(path, "phrasings"):
        for number, item in enumerate(phrasings):
            where = f"phrasings[{number}]"
            item = check_keys(
                item,
                file=file,
                where=where,
                required={"text": str, "label": str},
                optional={"concept": str, "kind": str},
            )
            label, concept = item["label"], item.get("concept")
            if label not in LABELS:
                raise KnowledgeError(
                    Errors.E006.format(
                        file=file,
                        where=where,
                        key="label",
                        allowed=", ".join(LABELS),
                        actual=label,
                    )
                )
            if concept is not None and concept not in concepts:
                raise KnowledgeError(
                    Errors.E010.format(file=file, where=where, concept=concept)
                )
            if label == NONE:
                examples.append((item["text"], NONE))
                continue
            if concept is None:
                raise KnowledgeError(
                    Errors.E004.format(file=file, where=where, key="concept")
                )
            if concepts[concept] != label:
                raise KnowledgeError(
                    Errors.E006.format(
                        file=file,
                        where=where,
                        key="label",
                        allowed=concepts[concept],
                        actual=label,
                    )
                )
            examples.append((item["text"], concept))
    return examples


def training_set(
    texts: Iterable[str],
    detections: Iterable[Detection],
    examples: list[tuple[str, str]],
) -> tuple[list[str], list[str]]:
    """The classifier's texts and labels.

    Args:
        texts: Ordinary messages (the intent examples).
        detections: The rules' reading of each: a message the rules read as a
            warning sign is labelled with its most urgent concept, any other
            ``NONE``.
        examples: Labelled phrasings from ``load_examples``.

    Returns:
        The ordinary messages followed by the phrasings, and their labels.
    """
    pairs = list(zip(texts, detections, strict=True))
    return (
        [text for text, _ in pairs] + [text for text, _ in examples],
        [(found.present or [NONE])[0] for _, found in pairs]
        + [label for _, label in examples],
    )


def possible(
    detection: Detection, probabilities: Mapping[str, float], threshold: float
) -> list[str]:
    """Concepts to ask about that only the classifier suggests.

    Args:
        detection: The rules' reading of the message.
        probabilities: The classifier's probability for each label.
        threshold: The probability from which a concept is asked about.

    Returns:
        The concepts the classifier gives at least ``threshold`` and the rules
        do not mention at all (in any context: "no bladder problems" settles
        the bladder), most probable first.
    """
    mentioned = {finding.concept for finding in detection.findings}
    ranked = sorted(probabilities.items(), key=lambda pair: -pair[1])
    return [
        concept
        for concept, probability in ranked
        if concept != NONE and probability >= threshold and concept not in mentioned
    ]


__all__ = ["LABELS", "NONE", "POSSIBLE", "load_examples", "possible", "training_set"]
