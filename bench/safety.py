"""Red-flag detection benchmark: our detector against two baselines.

Prints (and writes to docs/red-flags.md) per-class recall and precision and the
false-escalation rate on negatives, for three systems on the same labelled sets:

- ``detector``: sciatica.redflags, the rules the assistant uses;
- ``keywords``: plain keyword matching, no context at all;
- ``context``: the same concept mentions, with medspaCy's ConText and its
  default rules deciding negation, family, hypothetical and uncertain.

Then the second look (``sciatica.redflag_check``): of the warning-sign
phrasings the rules read as nothing, how many RedFlagClassifier has the
assistant ask about, and how often it asks about a look-alike or an ordinary
message. Sets under data/red_flags are its training data, so it reads them
out of fold (5 folds, seed 42, with data/nlu); the newer sets in tests/data
are not training data and are read by the model trained on everything.

Usage: python -m bench.safety [--verbose] [--write docs/red-flags.md]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable, Dict, List

import yaml

from bench.common import nlu_examples, pipeline_option
from sciatica.redflags import EMERGENCY, URGENT, RedFlagDetector

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "data" / "red_flags"
BLIND = ROOT / "tests" / "data"
# Those under data/red_flags are training data of RedFlagClassifier now; the
# rules were tuned on them. Only a set in tests/data is blind to both.
SETS = {
    "development": TRAINING / "red_flag_phrasings.yml",
    "held-out": TRAINING / "red_flag_heldout.yml",
    "blind": TRAINING / "red_flag_blind.yml",
    "second blind": TRAINING / "red_flag_blind2.yml",
    "third blind": TRAINING / "red_flag_blind3.yml",
    "fourth blind": TRAINING / "red_flag_blind4.yml",
    "fifth blind": TRAINING / "red_flag_blind5.yml",
    "sixth blind": TRAINING / "red_flag_blind6.yml",
    "seventh blind": TRAINING / "red_flag_blind7.yml",
    "eighth blind": TRAINING / "red_flag_blind8.yml",
    "ninth blind": TRAINING / "red_flag_blind9.yml",
    "tenth blind": TRAINING / "red_flag_blind10.yml",
    "eleventh blind": TRAINING / "red_flag_blind11.yml",
    "twelfth blind": TRAINING / "red_flag_blind12.yml",
    "thirteenth blind": TRAINING / "red_flag_blind13.yml",
    "fourteenth blind": TRAINING / "red_flag_blind14.yml",
    "fifteenth blind": TRAINING / "red_flag_blind15.yml",
    "sixteenth blind": TRAINING / "red_flag_blind16.yml",
    "seventeenth blind": TRAINING / "red_flag_blind17.yml",
    "eighteenth blind": TRAINING / "red_flag_blind18.yml",
    "nineteenth blind": TRAINING / "red_flag_blind19.yml",
    "twentieth blind": TRAINING / "red_flag_blind20.yml",
    "twenty-first blind": TRAINING / "red_flag_blind21.yml",
    "twenty-second blind": TRAINING / "red_flag_blind22.yml",
    "twenty-third blind": TRAINING / "red_flag_blind23.yml",
    "twenty-fourth blind": TRAINING / "red_flag_blind24.yml",
    "twenty-fifth blind": TRAINING / "red_flag_blind25.yml",
    "twenty-sixth blind": TRAINING / "red_flag_blind26.yml",
    "twenty-seventh blind": TRAINING / "red_flag_blind27.yml",
    "twenty-eighth blind": TRAINING / "red_flag_blind28.yml",
    "twenty-ninth blind": TRAINING / "red_flag_blind29.yml",
    "thirtieth blind": TRAINING / "red_flag_blind30.yml",
    "thirty-first blind": TRAINING / "red_flag_blind31.yml",
    "thirty-second blind": TRAINING / "red_flag_blind32.yml",
    "thirty-third blind": TRAINING / "red_flag_blind33.yml",
    "thirty-fourth blind": TRAINING / "red_flag_blind34.yml",
    "thirty-fifth blind": BLIND / "red_flag_blind35.yml",
}
FLAGS = (EMERGENCY, URGENT)
# A naive baseline: a message with any of these is escalated.
KEYWORDS = {
    EMERGENCY: [
        "bladder",
        "bowel",
        "incontinen",
        "urin",
        "pee",
        "wee ",
        "wet myself",
        "wet the bed",
        "poo",
        "soil",
        "saddle",
        "groin",
        "genital",
        "anus",
        "back passage",
        "numb bum",
        "erection",
        "both legs",
        "both sides",
    ],
    URGENT: [
        "weak",
        "foot drop",
        "trip",
        "give way",
        "gives way",
        "buckl",
        "fever",
        "temperature",
        "chills",
        "sweats",
        "cancer",
        "chemo",
        "tumour",
        "tumor",
        "weight",
        "fell",
        "fall",
        "accident",
        "crash",
        "injur",
    ],
}


def keyword_status(text: str) -> str:
    """The keyword baseline's verdict on one message."""
    lowered = text.lower()
    for level in (EMERGENCY, URGENT):
        if any(keyword in lowered for keyword in KEYWORDS[level]):
            return level
    return "none"


def context_system(detector: RedFlagDetector) -> Callable[[str], str]:
    """Our concept mentions, judged by medspaCy ConText with its default rules."""
    import medspacy  # noqa: F401  (registers the medspacy_context factory)
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("medspacy_context")

    def status(text: str) -> str:
        normalised, mentions = detector.mentions(text)
        if not mentions:
            return "none"
        doc = nlp.make_doc(normalised)
        spans = [
            doc.char_span(s, e, label=c, alignment_mode="expand")
            for s, e, c in mentions
        ]
        doc.ents = spacy.util.filter_spans([s for s in spans if s is not None])
        for _, component in nlp.pipeline:
            doc = component(doc)
        levels = set()
        for ent in doc.ents:
            if ent._.is_negated or ent._.is_family or ent._.is_hypothetical:
                continue
            if ent._.is_uncertain:
                continue
            levels.add(detector.concepts[ent.label_].urgency)
        for level in (EMERGENCY, URGENT):
            if level in levels:
                return level
        return "none"

    return status


def score(items: List[dict], status: Callable[[str], str]) -> Dict[str, object]:
    """Recall, precision and false escalations of one system on one set."""
    predicted = [(item["label"], status(item["text"]), item["text"]) for item in items]

    def count(condition: Callable[[str, str], bool]) -> int:
        return sum(1 for label, got, _ in predicted if condition(label, got))

    escalated = (URGENT, EMERGENCY)
    gold_e = count(lambda label, got: label == EMERGENCY)
    gold_u = count(lambda label, got: label == URGENT)
    negatives = count(lambda label, got: label == "none")
    misses = [
        (label, got, text)
        for label, got, text in predicted
        if (label == EMERGENCY and got != EMERGENCY)
        or (label == URGENT and got not in escalated)
        or (label == "none" and got != "none")
    ]
    return {
        "emergency recall": count(lambda label, got: label == got == EMERGENCY)
        / max(gold_e, 1),
        "emergency precision": count(lambda label, got: label == got == EMERGENCY)
        / max(count(lambda label, got: got == EMERGENCY), 1),
        # An urgent flag escalated as an emergency is still caught.
        "urgent recall": count(lambda label, got: label == URGENT and got in escalated)
        / max(gold_u, 1),
        "urgent precision": count(lambda label, got: label == got == URGENT)
        / max(count(lambda label, got: got == URGENT), 1),
        "false escalation": count(
            lambda label, got: label == "none" and got in escalated
        )
        / max(negatives, 1),
        "_misses": misses,
        "_n": (gold_e, gold_u, negatives),
    }


def second_look(
    detector: RedFlagDetector, folds: int = 5
) -> Dict[str, Dict[str, object]]:
    """What RedFlagClassifier adds to the rules, per set and on data/nlu.

    Returns:
        For each set in ``SETS``: the warning-sign phrasings, how the rules
        read them (escalated, asked, nothing), how many of those read as
        nothing the classifier asks about (``classifier_asks``) and the rest
        (``missed``: nobody asks); for look-alikes, how many the classifier
        asks about. Under ``ordinary``: data/nlu messages the rules read as
        nothing that the classifier would ask about, out of fold.
    """
    from sklearn.model_selection import StratifiedKFold

    from sciatica import redflag_check
    from sciatica_rasa.text_model import TextModel

    threshold = pipeline_option("RedFlagExtractor", "red_flag_check_threshold", 0.2)
    c = pipeline_option("RedFlagClassifier", "C", 30)
    urgency = {concept.id: concept.urgency for concept in detector.concepts.values()}
    nlu, _ = nlu_examples()
    readings = [detector.detect(text) for text in nlu]
    texts, labels = redflag_check.training_set(nlu, readings, [])
    origin: List[tuple] = [("ordinary", i) for i in range(len(nlu))]
    for file in sorted(TRAINING.glob("*.yml")):
        name = next((n for n, p in SETS.items() if p == file), file.name)
        for j, (text, label) in enumerate(redflag_check.load_examples(file, urgency)):
            texts.append(text)
            labels.append(label)
            origin.append((name, j))
    # Every text read by a model that did not see it (out of fold), or, for a
    # set that is not training data, by the model trained on all of it.
    probabilities: Dict[tuple, Dict[str, float]] = {}
    split = StratifiedKFold(folds, shuffle=True, random_state=42)
    for train, test in split.split(texts, labels):
        model = TextModel.fit(
            [texts[i] for i in train], [labels[i] for i in train], c=c
        )
        predictions = model.predict([texts[i] for i in test])
        for i, ranking in zip(test, predictions, strict=True):
            probabilities[origin[i]] = dict(ranking)
    full = TextModel.fit(texts, labels, c=c)

    def asks(text: str, found: object, key: tuple) -> bool:
        if key not in probabilities:
            probabilities[key] = dict(full.predict([text])[0])
        return bool(redflag_check.possible(found, probabilities[key], threshold))

    results: Dict[str, Dict[str, object]] = {}
    for name, path in SETS.items():
        if not path.exists():
            continue
        counts = dict.fromkeys(
            (
                "flags",
                "escalated",
                "rules_ask",
                "read_as_none",
                "classifier_asks",
                "missed",
                "lookalikes",
                "lookalikes_escalated",
                "lookalikes_asked",
            ),
            0,
        )
        missed: List[str] = []
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["phrasings"]
        for j, item in enumerate(items):
            found = detector.detect(item["text"])
            status = found.status
            if item["label"] in FLAGS:
                counts["flags"] += 1
                if status in FLAGS:
                    counts["escalated"] += 1
                elif status != "none":
                    counts["rules_ask"] += 1
                else:
                    counts["read_as_none"] += 1
                    if asks(item["text"], found, (name, j)):
                        counts["classifier_asks"] += 1
                    else:
                        counts["missed"] += 1
                        missed.append(item["text"])
            else:
                counts["lookalikes"] += 1
                if status in FLAGS:
                    counts["lookalikes_escalated"] += 1
                elif status != "none" or asks(item["text"], found, (name, j)):
                    counts["lookalikes_asked"] += 1
        results[name] = {**counts, "_missed": missed}
    asked = sum(
        1
        for i, (text, found) in enumerate(zip(nlu, readings, strict=True))
        if found.status == "none" and asks(text, found, ("ordinary", i))
    )
    results["ordinary"] = {"messages": len(nlu), "classifier_asks": asked}
    return results


def second_look_table(results: Dict[str, Dict[str, object]]) -> str:
    """The second look as a markdown table."""
    lines = [
        "| set | warning-sign phrasings | escalated by the rules | asked by the "
        "rules | read as nothing by the rules | of those, asked by the classifier "
        "| missed (nobody asks) | look-alikes escalated / asked |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if name == "ordinary":
            continue
        lines.append(
            f"| {name} | {r['flags']} | {r['escalated']} | {r['rules_ask']} | "
            f"{r['read_as_none']} | {r['classifier_asks']} | **{r['missed']}** | "
            f"{r['lookalikes_escalated']} / {r['lookalikes_asked']} of "
            f"{r['lookalikes']} |"
        )
    ordinary = results.get("ordinary")
    if ordinary:
        lines.append(
            f"\nOrdinary messages (data/nlu, out of fold) the classifier would ask "
            f"about: {ordinary['classifier_asks']} of {ordinary['messages']}."
        )
    return "\n".join(lines)


def timing(detector: RedFlagDetector, items: List[dict]) -> Dict[str, float]:
    """Milliseconds per message for the detector (after a warm-up)."""
    texts = [i["text"] for i in items]
    for text in texts[:20]:
        detector.detect(text)
    samples = []
    for _ in range(3):
        for text in texts:
            start = time.perf_counter()
            detector.detect(text)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "mean ms": statistics.mean(samples),
        "p50 ms": samples[len(samples) // 2],
        "p95 ms": samples[int(len(samples) * 0.95)],
        "p99 ms": samples[int(len(samples) * 0.99)],
    }


def table(results: Dict[str, Dict[str, Dict[str, object]]]) -> str:
    """The results as markdown tables, one per labelled set."""
    columns = [
        "emergency recall",
        "emergency precision",
        "urgent recall",
        "urgent precision",
        "false escalation",
    ]
    lines = []
    for set_name, systems in results.items():
        n_e, n_u, n_neg = next(iter(systems.values()))["_n"]
        lines.append(
            f"\n**{set_name}** set: {n_e} emergency, {n_u} urgent, {n_neg} negatives\n"
        )
        lines.append("| system | " + " | ".join(columns) + " |")
        lines.append("|---|" + "---|" * len(columns))
        for system, values in systems.items():
            cells = [f"{values[c] * 100:.1f}%" for c in columns]
            lines.append(f"| {system} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def first_looks() -> List[Dict[str, object]]:
    """Each blind red-flag set's figures when first scored (bench/first_look.yml)."""
    path = Path(__file__).with_name("first_look.yml")
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("red_flag_sets", [])


def summary(
    detector: RedFlagDetector | None = None,
    systems: Dict[str, Callable[[str], str]] | None = None,
) -> Dict[str, object]:
    """Every figure of this benchmark, for the command and for bench's report.

    Args:
        detector: The detector (the packaged one by default).
        systems: The systems to compare (the detector and the keyword
            baseline by default).

    Returns:
        ``markdown`` (the tables), ``speed_ms`` and ``speed_line``,
        ``messages``, ``silent`` (per set: warning-sign phrasings, read as
        nothing, asked by the rules) and ``second_look`` (``second_look``'s
        counts, without the missed messages).
    """
    detector = detector or RedFlagDetector.default()
    if systems is None:
        systems = {
            "detector (ours)": lambda text: _escalation(detector.detect(text).status),
            "keywords": keyword_status,
        }
    results: Dict[str, Dict[str, Dict[str, object]]] = {}
    silent: Dict[str, Dict[str, int]] = {}
    all_items: List[dict] = []
    for set_name, path in SETS.items():
        if not path.exists():
            continue
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["phrasings"]
        all_items += items
        results[set_name] = {
            name: score(items, status) for name, status in systems.items()
        }
        statuses = [
            detector.detect(i["text"]).status for i in items if i["label"] in FLAGS
        ]
        silent[set_name] = {
            "flags": len(statuses),
            "read_as_none": statuses.count("none"),
            "uncertain_or_question": sum(
                1 for s in statuses if s in ("uncertain", "question")
            ),
        }
    look = second_look(detector)
    text = table(results) + (
        "\n\n**Second look** (RedFlagClassifier, `sciatica.redflag_check`): the "
        "rules escalate, or ask when the words leave it open; the classifier only "
        "makes the assistant ask. The sets under data/red_flags are its training "
        "data (read out of fold).\n\n" + second_look_table(look)
    )
    speed = timing(detector, all_items)
    return {
        "markdown": text,
        "speed_ms": speed,
        "speed_line": (
            f"\nDetector speed over {len(all_items)} messages x 3 (this machine): "
            + ", ".join(f"{k} {v:.2f}" for k, v in speed.items())
        ),
        "messages": len(all_items),
        "silent": silent,
        "second_look": look,
        "_results": results,
    }


def main() -> None:
    """Runs the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verbose", action="store_true", help="list the development-set misses"
    )
    parser.add_argument(
        "--write", type=Path, help="write the tables into this markdown file"
    )
    args = parser.parse_args()

    detector = RedFlagDetector.default()
    systems: Dict[str, Callable[[str], str]] = {
        "detector (ours)": lambda text: _escalation(detector.detect(text).status),
        "keywords": keyword_status,
    }
    try:
        systems["medspaCy ConText (default rules)"] = context_system(detector)
    except ImportError:
        print("medspaCy is not installed: the ConText baseline is left out.")

    found = summary(detector, systems)
    text, speed_line, results, look = (
        found["markdown"],
        found["speed_line"],
        found["_results"],
        found["second_look"],
    )
    print(text)
    print(speed_line)
    if args.verbose:
        for label, got, message in results["development"]["detector (ours)"]["_misses"]:
            print(f"  miss [{label} -> {got}] {message}")
        for name, values in look.items():
            for message in values.get("_missed", []):
                print(f"  nobody asks [{name}] {message}")
    if args.write:
        _write(args.write, text + "\n" + speed_line + "\n")


def _escalation(status: str) -> str:
    return status if status in (EMERGENCY, URGENT) else "none"


def _write(path: Path, body: str) -> None:
    begin, end = "<!-- bench-safety:begin -->", "<!-- bench-safety:end -->"
    content = path.read_text(encoding="utf-8") if path.exists() else f"{begin}\n{end}\n"
    head, _, rest = content.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{body}\n{end}{tail}", encoding="utf-8")
    print(f"Written to {path}")


if __name__ == "__main__":
    main()
