"""Messages about self-harm or not wanting to live (``data/crisis.yml``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal

import yaml

from sciatica.errors import Errors, KnowledgeError
from sciatica.knowledge import (
    DATA_DIR,
    check_groups,
    check_keys,
    check_source,
    compile_grouped_pattern,
    load_yaml_files,
)

_FILE = "crisis.yml"

# The crisis classifier's two labels.
CRISIS = "crisis"
OTHER = "other"


_Patterns = tuple[re.Pattern[str], ...]

# What follows a denial and may take it back ("not suicidal, but ...", "not
# going to do anything stupid, not until the kids are away", "I'm not going to
# hurt myself, I'm just going to ...").
_CONTRAST = re.compile(
    r"\b(but|though|although|however|except|yet)\b|\bnot (until|till|before)\b|"
    r"\b(well|or) (maybe|perhaps|actually)\b|\b(i'?m|i am) just (going to|gonna)\b"
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Patterns, ...]:
    path = DATA_DIR / _FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(Errors.E001.format(file=_FILE, error=error)) from error
    entry = check_keys(
        raw,
        file=_FILE,
        where="top level",
        required={"version": int, "source": dict, "patterns": list},
        optional={
            "unless": list,
            "denials": list,
            "groups": dict,
            "past": list,
            "resolved": list,
            "current": list,
        },
    )
    check_source(entry["source"], file=_FILE, where="top level")
    groups = check_groups(entry.get("groups", {}), file=_FILE)
    compiled = []
    for key in ("patterns", "unless", "denials", "past", "resolved", "current"):
        compiled.append(
            tuple(
                compile_grouped_pattern(pattern, groups, file=_FILE, where=key)
                for pattern in entry.get(key, [])
            )
        )
    return tuple(compiled)


def _clean(text: str | None) -> str:
    return (text or "").lower().replace("\u2019", "'")


def _standing(patterns: _Patterns, cleaned: str) -> bool:
    """Whether a pattern matches with no "but" (``_CONTRAST``) after it."""
    return any(
        _CONTRAST.search(cleaned, match.end()) is None
        for pattern in patterns
        for match in pattern.finditer(cleaned)
    )


def is_crisis(text: str | None) -> bool:
    """Whether a message speaks of self-harm or not wanting to live.

    An ``unless`` or ``denials`` entry cancels only the matches it overlaps:
    "no thoughts of suicide" cancels the word "suicide" there, not "but I have
    been saving up my pills" later in the same message.
    """
    cleaned = _clean(text)
    patterns, unless, denials, *_ = _patterns()
    spans: list[tuple[int, int]] | None = None
    for pattern in patterns:
        for match in pattern.finditer(cleaned):
            if spans is None:
                spans = [
                    m.span() for u in unless + denials for m in u.finditer(cleaned)
                ]
            start, end = match.span()
            if not any(start < u_end and u_start < end for u_start, u_end in spans):
                return True
    return False


def denies_crisis(text: str | None) -> bool:
    """Whether the message says plainly that the person is not at risk.

    ("I'm not suicidal, just fed up", "I'm not going to hurt myself".) The
    assistant does not then ask its crisis question on the classifier's word
    alone; crisis wording the rules know still gets support. A denial followed
    by "but" is not plain: "I'm not suicidal but I've been working out how many
    of my pregabalin I'd need" is left to the classifier.
    """
    return _standing(_patterns()[2], _clean(text))


def past_is_over(text: str | None) -> bool:
    """Whether the message tells of a past crisis as over, and nothing of now.

    ("I tried to take my life ten years ago but I've been well for a long
    time"; not "I used to self-harm and it's started again".)
    """
    cleaned = _clean(text)
    *_, past, resolved, current = _patterns()
    # "I'm fine now, but I've been saving my tablets": a "but" after the
    # reassurance takes it back, as it does a denial.
    return (
        any(p.search(cleaned) for p in past)
        and _standing(resolved, cleaned)
        and not any(p.search(cleaned) for p in current)
    )


def reading(
    text: str | None, probability: float, threshold: float
) -> Literal["present", "uncertain"] | None:
    """How the assistant takes a message: crisis support, the question, or neither.

    The one place where the rules, a plain denial and the classifier's
    probability are combined: RedFlagExtractor and ``bench.answers`` both
    call it.

    Args:
        text: The person's message.
        probability: The crisis classifier's probability for the message.
        threshold: The probability from which the assistant asks its crisis
            question (RedFlagExtractor's ``crisis_check_threshold``).

    Returns:
        ``"present"`` when the rules match (support at once); ``"uncertain"``
        when they match a past the message says is over (``past_is_over``), or
        when only the classifier reaches the threshold and the message does not
        plainly deny a crisis (the assistant asks first); otherwise None.
    """
    if is_crisis(text):
        return "uncertain" if past_is_over(text) else "present"
    if denies_crisis(text) or probability < threshold:
        return None
    return "uncertain"


def training_set(
    texts: Iterable[str], intents: Iterable[str], examples: list[tuple[str, bool]]
) -> tuple[list[str], list[str]]:
    """The crisis classifier's texts and labels (``CRISIS`` or ``OTHER``).

    Args:
        texts: The intent examples' texts.
        intents: Their intents: the ``crisis`` intent's are ``CRISIS``, all
            others ``OTHER``.
        examples: Labelled messages from ``load_examples``.

    Returns:
        The intent examples followed by the labelled messages, and their labels.
    """
    pairs = list(zip(texts, intents, strict=True))
    return (
        [text for text, _ in pairs] + [text for text, _ in examples],
        [CRISIS if intent == CRISIS else OTHER for _, intent in pairs]
        + [CRISIS if crisis else OTHER for _, crisis in examples],
    )


def load_examples(path: str | Path) -> list[tuple[str, bool]]:
    """Labelled messages for the crisis classifier: (text, is it a crisis).

    Args:
        path: A YAML file, or a directory of them (``data/crisis``), each with
            ``version`` and ``items`` of ``text`` and ``crisis`` (a boolean).

    Returns:
        The examples of every file, in file-name order.

    Raises:
        KnowledgeError: A file cannot be read, or an entry has unknown,
            missing or wrongly typed keys.
    """
    examples: list[tuple[str, bool]] = []
    for file, items in load_yaml_files(path, "items"):
        for number, item in enumerate(items):
            item = check_keys(
                item,
                file=file,
                where=f"items[{number}]",
                required={"text": str, "crisis": bool},
            )
            examples.append((item["text"], item["crisis"]))
    return examples
