"""Screening answers and crisis messages, read the way the assistant reads them.

The intent cross-validation (bench.nlu_cv) scores the classifier alone. On the
two safety paths the classifier is not alone:

- a screening answer goes through the red-flag detector first (a warning sign
  stated in it is escalated, one in uncertain words is asked about directly),
  then is read by the rules of ``sciatica.answers``, and by the intent
  (affirm / deny / unsure) only when the rules do not know the wording and
  the classifier is at least 0.8 confident (``actions.turns.yes_no_answer``);
  the "rules" rows are ``sciatica.answers`` alone;
- a message gets crisis support at once when ``sciatica.crisis`` matches it;
  when only CrisisClassifier (crisis or not, trained on data/nlu and on
  data/crisis, which holds the first fifteen sets) gives at least
  RedFlagExtractor's ``crisis_check_threshold`` (config.yml), and the
  message does not plainly deny it, the assistant asks "are you having
  thoughts of harming yourself?" and anything but a clear "no" gets the
  support. Both count as caught; the asked share is shown apart, and so is
  how often ordinary messages would be asked (out-of-fold on data/nlu).

This scores both paths on labelled sets written blind (by helpers who had not
seen the rules; tests/data/*_blind*.yml), with the classifier trained on all
of data/nlu. A screening answer ends in one of five ways: read as meant;
asked again (not understood); safer ("not sure" taken as "yes"); weaker
("yes" taken as "not sure": a doctor today instead of the emergency line, on
an emergency question, after the question is asked once more); or benign
("yes" or "not sure" taken as "no"). Benign is the miss.

Usage: python -m bench.answers [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench.common import nlu_examples, pipeline_option, pipeline_setting

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ANSWER_SETS = {
    "blind": DATA / "answers_blind.yml",
    "second blind": DATA / "answers_blind2.yml",
    "third blind": DATA / "answers_blind3.yml",
    "fourth blind": DATA / "answers_blind4.yml",
    "fifth blind": DATA / "answers_blind5.yml",
    "sixth blind": DATA / "answers_blind6.yml",
    "seventh blind": DATA / "answers_blind7.yml",
    "eighth blind": DATA / "answers_blind8.yml",
    "ninth blind": DATA / "answers_blind9.yml",
    "tenth blind": DATA / "answers_blind10.yml",
    "eleventh blind": DATA / "answers_blind11.yml",
    "twelfth blind": DATA / "answers_blind12.yml",
    "thirteenth blind": DATA / "answers_blind13.yml",
    "fourteenth blind": DATA / "answers_blind14.yml",
    "fifteenth blind": DATA / "answers_blind15.yml",
    "sixteenth blind": DATA / "answers_blind16.yml",
    "seventeenth blind": DATA / "answers_blind17.yml",
    "eighteenth blind": DATA / "answers_blind18.yml",
    "nineteenth blind": DATA / "answers_blind19.yml",
    "twentieth blind": DATA / "answers_blind20.yml",
    "twenty-first blind": DATA / "answers_blind21.yml",
    "twenty-second blind": DATA / "answers_blind22.yml",
    "twenty-third blind": DATA / "answers_blind23.yml",
    "twenty-fourth blind": DATA / "answers_blind24.yml",
    "twenty-fifth blind": DATA / "answers_blind25.yml",
    "twenty-sixth blind": DATA / "answers_blind26.yml",
    "twenty-seventh blind": DATA / "answers_blind27.yml",
    "twenty-eighth blind": DATA / "answers_blind28.yml",
    "twenty-ninth blind": DATA / "answers_blind29.yml",
    "thirtieth blind": DATA / "answers_blind30.yml",
    "thirty-first blind": DATA / "answers_blind31.yml",
    "thirty-second blind": DATA / "answers_blind32.yml",
    "thirty-third blind": DATA / "answers_blind33.yml",
    "thirty-fourth blind": DATA / "answers_blind34.yml",
    "thirty-fifth blind": DATA / "answers_blind35.yml",
    "thirty-sixth blind": DATA / "answers_blind36.yml",
    "thirty-seventh blind": DATA / "answers_blind37.yml",
    "thirty-eighth blind": DATA / "answers_blind38.yml",
    "thirty-ninth blind": DATA / "answers_blind39.yml",
    "fortieth blind": DATA / "answers_blind40.yml",
    "forty-first blind": DATA / "answers_blind41.yml",
    "forty-second blind": DATA / "answers_blind42.yml",
    "forty-third blind": DATA / "answers_blind43.yml",
    "forty-fourth blind": DATA / "answers_blind44.yml",
    "forty-fifth blind": DATA / "answers_blind45.yml",
    "forty-sixth blind": DATA / "answers_blind46.yml",
    "forty-seventh blind": DATA / "answers_blind47.yml",
    "forty-eighth blind": DATA / "answers_blind48.yml",
    "forty-ninth blind": DATA / "answers_blind49.yml",
    "fiftieth blind": DATA / "answers_blind50.yml",
    "fifty-first blind": DATA / "answers_blind51.yml",
    "fifty-second blind": DATA / "answers_blind52.yml",
    "fifty-third blind": DATA / "answers_blind53.yml",
    "fifty-fourth blind": DATA / "answers_blind54.yml",
    "fifty-fifth blind": DATA / "answers_blind55.yml",
}
# The first fifteen sets are training data of the crisis classifier now
# (data/crisis/); only a set newer than those measures it.
CRISIS_SETS = {
    "blind": ROOT / "data" / "crisis" / "crisis_set1.yml",
    "second blind": ROOT / "data" / "crisis" / "crisis_set2.yml",
    "third blind": ROOT / "data" / "crisis" / "crisis_set3.yml",
    "fourth blind": ROOT / "data" / "crisis" / "crisis_set4.yml",
    "fifth blind": ROOT / "data" / "crisis" / "crisis_set5.yml",
    "sixth blind": ROOT / "data" / "crisis" / "crisis_set6.yml",
    "seventh blind": ROOT / "data" / "crisis" / "crisis_set7.yml",
    "eighth blind": ROOT / "data" / "crisis" / "crisis_set8.yml",
    "ninth blind": ROOT / "data" / "crisis" / "crisis_set9.yml",
    "tenth blind": ROOT / "data" / "crisis" / "crisis_set10.yml",
    "eleventh blind": ROOT / "data" / "crisis" / "crisis_set11.yml",
    "twelfth blind": ROOT / "data" / "crisis" / "crisis_set12.yml",
    "thirteenth blind": ROOT / "data" / "crisis" / "crisis_set13.yml",
    "fourteenth blind": ROOT / "data" / "crisis" / "crisis_set14.yml",
    "fifteenth blind": ROOT / "data" / "crisis" / "crisis_set15.yml",
    "sixteenth blind": DATA / "crisis_blind16.yml",
    "seventeenth blind": DATA / "crisis_blind17.yml",
    "eighteenth blind": DATA / "crisis_blind18.yml",
    "nineteenth blind": DATA / "crisis_blind19.yml",
    "twentieth blind": DATA / "crisis_blind20.yml",
    "twenty-first blind": DATA / "crisis_blind21.yml",
    "twenty-second blind": DATA / "crisis_blind22.yml",
    "twenty-third blind": DATA / "crisis_blind23.yml",
    "twenty-fourth blind": DATA / "crisis_blind24.yml",
    "twenty-fifth blind": DATA / "crisis_blind25.yml",
    "twenty-sixth blind": DATA / "crisis_blind26.yml",
    "twenty-seventh blind": DATA / "crisis_blind27.yml",
    "twenty-eighth blind": DATA / "crisis_blind28.yml",
    "twenty-ninth blind": DATA / "crisis_blind29.yml",
    "thirtieth blind": DATA / "crisis_blind30.yml",
    "thirty-first blind": DATA / "crisis_blind31.yml",
    "thirty-second blind": DATA / "crisis_blind32.yml",
    "thirty-third blind": DATA / "crisis_blind33.yml",
    "thirty-fourth blind": DATA / "crisis_blind34.yml",
    "thirty-fifth blind": DATA / "crisis_blind35.yml",
    "thirty-sixth blind": DATA / "crisis_blind36.yml",
    "thirty-seventh blind": DATA / "crisis_blind37.yml",
    "thirty-eighth blind": DATA / "crisis_blind38.yml",
    "thirty-ninth blind": DATA / "crisis_blind39.yml",
    "fortieth blind": DATA / "crisis_blind40.yml",
    "forty-first blind": DATA / "crisis_blind41.yml",
    "forty-second blind": DATA / "crisis_blind42.yml",
    "forty-third blind": DATA / "crisis_blind43.yml",
    "forty-fourth blind": DATA / "crisis_blind44.yml",
    "forty-fifth blind": DATA / "crisis_blind45.yml",
    "forty-sixth blind": DATA / "crisis_blind46.yml",
    "forty-seventh blind": DATA / "crisis_blind47.yml",
    "forty-eighth blind": DATA / "crisis_blind48.yml",
    "forty-ninth blind": DATA / "crisis_blind49.yml",
    "fiftieth blind": DATA / "crisis_blind50.yml",
    "fifty-first blind": DATA / "crisis_blind51.yml",
    "fifty-second blind": DATA / "crisis_blind52.yml",
    "fifty-third blind": DATA / "crisis_blind53.yml",
    "fifty-fourth blind": DATA / "crisis_blind54.yml",
    "fifty-fifth blind": DATA / "crisis_blind55.yml",
}
OUTCOMES = ("meant", "asks_again", "safer", "weaker", "benign")


def first_look() -> List[Dict[str, Any]]:
    """Each blind set's figures when first scored (bench/first_look.yml)."""
    path = Path(__file__).with_name("first_look.yml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sets"]


def _items(path: Path) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"]


def crisis_check_threshold() -> float:
    """RedFlagExtractor's ``crisis_check_threshold`` in config.yml."""
    from sciatica_rasa.nlu import RedFlagExtractor

    default = RedFlagExtractor.get_default_config()["crisis_check_threshold"]
    return pipeline_option("RedFlagExtractor", "crisis_check_threshold", default)


def train_classifier() -> Any:
    """The project's intent model, trained on all of data/nlu."""
    from sciatica_rasa.text_model import TextModel

    texts, intents = nlu_examples()
    return TextModel.fit(texts, intents, c=pipeline_option("IntentClassifier", "C", 30))


def _crisis_examples() -> List[tuple[str, bool]]:
    from sciatica.crisis import load_examples

    return load_examples(
        ROOT / str(pipeline_setting("CrisisClassifier", "examples", "data/crisis"))
    )


def train_crisis_classifier() -> Any:
    """CrisisClassifier's model: crisis or not, on data/nlu and data/crisis."""
    from sciatica.crisis import training_set
    from sciatica_rasa.text_model import TextModel

    texts, labels = training_set(*nlu_examples(), _crisis_examples())
    return TextModel.fit(texts, labels, c=pipeline_option("CrisisClassifier", "C", 30))


def ordinary_messages_asked(folds: int = 5) -> Dict[str, Any]:
    """How often a message that is not about self-harm would get the check.

    Out-of-fold over data/nlu (StratifiedKFold, seed 42): each example is
    read by a crisis model that did not see it (data/crisis is always in its
    training); counted are the examples of other intents that the crisis
    rules leave alone and the model gives ``crisis`` at least the check
    threshold.
    """
    from sklearn.model_selection import StratifiedKFold

    from sciatica.crisis import CRISIS, reading, training_set
    from sciatica_rasa.text_model import TextModel

    texts, intents = nlu_examples()
    extra_texts, extra_labels = training_set([], [], _crisis_examples())
    _, labels = training_set(texts, intents, [])
    threshold = crisis_check_threshold()
    c = pipeline_option("CrisisClassifier", "C", 30)
    asked: List[str] = []
    others = 0
    split = StratifiedKFold(folds, shuffle=True, random_state=42)
    for train, test in split.split(texts, intents):
        model = TextModel.fit(
            [texts[i] for i in train] + extra_texts,
            [labels[i] for i in train] + extra_labels,
            c=c,
        )
        rankings = model.predict([texts[i] for i in test])
        for i, ranking in zip(test, rankings, strict=True):
            taken = reading(texts[i], dict(ranking).get(CRISIS, 0.0), threshold)
            if intents[i] == CRISIS or taken == "present":
                continue
            others += 1
            if taken == "uncertain":
                asked.append(f"[{intents[i]}] {texts[i]}")
    return {"threshold": threshold, "messages": others, "asked": asked}


def answer_outcome(meaning: str, reading: str | None) -> str:
    """How a reading of a screening answer ends, given what the person meant."""
    from sciatica.answers import NO, UNSURE, YES

    if reading == meaning:
        return "meant"
    if reading is None:
        return "asks_again"
    if meaning == NO:
        # "no" read as "yes" or "not sure": a needless warning, never a miss.
        return "safer"
    if reading == NO:
        return "benign"
    if meaning == UNSURE and reading == YES:
        return "safer"
    return "weaker"


def _assistant_reading(
    text: str,
    intent: str,
    confidence: float,
    detector: Any,
    present: str,
    yes: str,
) -> str | None:
    """The screening's reading of an answer, as RedFlagPolicy and the form do.

    The red-flag detector runs first on every message: a warning sign stated
    in the answer is escalated (read as "yes"); one in uncertain words, or
    asked about, gets a direct yes/no question or an explanation (like being
    asked again). Otherwise the form reads the answer: rules, then the intent.
    A finding the assistant does not act on (negated, someone else's, over,
    long-standing, intended) never reaches the dialogue
    (``sciatica_rasa.nlu.RedFlagExtractor`` reports only
    ``sciatica.redflags.REPORTED``), so the form reads that answer too.
    """
    from sciatica.answers import read_yes_no
    from sciatica.redflags import REPORTED

    findings = [
        finding
        for finding in detector.detect(text).findings
        if finding.certainty in REPORTED
    ]
    if any(finding.certainty == present for finding in findings):
        return yes
    if findings:
        return None
    return read_yes_no(text, intent, confidence)


def score_answers(items: List[Dict[str, Any]], model: Any) -> Dict[str, Any]:
    """Outcomes for the rules alone and for the assistant's path."""
    from sciatica.answers import YES, read_yes_no
    from sciatica.redflags import PRESENT, RedFlagDetector

    detector = RedFlagDetector.default()
    predictions = model.predict([item["text"] for item in items])
    result: Dict[str, Any] = {"items": len(items)}
    for path in ("rules", "assistant"):
        by_meaning: Dict[str, Dict[str, int]] = {}
        misses: List[str] = []
        for item, ranking in zip(items, predictions, strict=True):
            meaning = str(item["meaning"])
            intent, confidence = ranking[0]
            if path == "rules":
                reading = read_yes_no(item["text"])
            else:
                reading = _assistant_reading(
                    item["text"], intent, confidence, detector, PRESENT, YES
                )
            outcome = answer_outcome(meaning, reading)
            counts = by_meaning.setdefault(meaning, dict.fromkeys(OUTCOMES, 0))
            counts[outcome] += 1
            if outcome in ("benign", "weaker"):
                misses.append(f"{meaning} → {reading} ({outcome}): {item['text']}")
        result[path] = {"by_meaning": by_meaning, "misses": misses}
    return result


def score_crisis(items: List[Dict[str, Any]], model: Any) -> Dict[str, Any]:
    """Crisis recall and false alarms: the rules, the check question, both."""
    from sciatica.crisis import CRISIS, reading

    threshold = crisis_check_threshold()
    predictions = model.predict([item["text"] for item in items])
    rows = []
    for item, ranking in zip(items, predictions, strict=True):
        taken = reading(item["text"], dict(ranking).get(CRISIS, 0.0), threshold)
        rows.append(
            (
                bool(item["crisis"]),
                taken == "present",
                taken == "uncertain",
                item["text"],
            )
        )
    positives = [r for r in rows if r[0]]
    negatives = [r for r in rows if not r[0]]

    def rate(subset: List[tuple], index: int | None) -> int:
        if index is None:
            return sum(1 for r in subset if r[1] or r[2])
        return sum(1 for r in subset if r[index])

    return {
        "crisis": len(positives),
        "not_crisis": len(negatives),
        # "classifier": asked first (only the classifier reads it as crisis).
        "caught": {
            "rules": rate(positives, 1),
            "classifier": rate(positives, 2),
            "assistant": rate(positives, None),
        },
        "false_alarms": {
            "rules": rate(negatives, 1),
            "classifier": rate(negatives, 2),
            "assistant": rate(negatives, None),
        },
        "missed": [r[3] for r in positives if not (r[1] or r[2])],
        "false_alarm_texts": [
            f"{'support' if r[1] else 'asked'}: {r[3]}"
            for r in negatives
            if r[1] or r[2]
        ],
    }


def run() -> Dict[str, Any]:
    """Scores every set that exists."""
    model = train_classifier()
    crisis_model = train_crisis_classifier()
    out: Dict[str, Any] = {"answers": {}, "crisis": {}}
    for name, path in ANSWER_SETS.items():
        if path.exists():
            out["answers"][name] = score_answers(_items(path), model)
    for name, path in CRISIS_SETS.items():
        if path.exists():
            out["crisis"][name] = score_crisis(_items(path), crisis_model)
    out["ordinary_asked"] = ordinary_messages_asked()
    # The red-flag detector and its second look (bench.safety), for the report.
    from bench import safety

    detector = {k: v for k, v in safety.summary().items() if not k.startswith("_")}
    detector["second_look"] = {
        name: {k: v for k, v in counts.items() if not k.startswith("_")}
        for name, counts in detector["second_look"].items()
    }
    out["detector"] = detector
    return out


def tables(results: Dict[str, Any]) -> List[str]:
    """Markdown lines for docs/benchmarks.md."""
    lines = [
        "| set | path | meant | " + " | ".join(OUTCOMES[1:]) + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, data in results.get("answers", {}).items():
        for path in ("rules", "assistant"):
            for meaning, counts in data[path]["by_meaning"].items():
                lines.append(
                    f"| {name}: “{meaning}” ({sum(counts.values())}) | {path} | "
                    + " | ".join(str(counts[o]) for o in OUTCOMES)
                    + " |"
                )
    lines += [
        "",
        "| set | crisis messages caught: support at once (rules) / asked first "
        "(classifier) / **in all** | not-crisis messages: support (rules) / "
        "asked (classifier) / **in all** |",
        "|---|---|---|",
    ]
    for name, data in results.get("crisis", {}).items():
        c, f = data["caught"], data["false_alarms"]
        lines.append(
            f"| {name} | {c['rules']} / {c['classifier']} / **{c['assistant']}** of "
            f"{data['crisis']} | {f['rules']} / {f['classifier']} / "
            f"**{f['assistant']}** of {data['not_crisis']} |"
        )
    ordinary = results.get("ordinary_asked")
    if ordinary:
        lines += [
            "",
            f"Ordinary messages asked the crisis question (data/nlu out of fold, "
            f"threshold {ordinary['threshold']}): **{len(ordinary['asked'])} of "
            f"{ordinary['messages']}** "
            f"({100 * len(ordinary['asked']) / max(ordinary['messages'], 1):.1f}%).",
        ]
    return lines


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Scores the sets, prints the tables and records them for the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--quick", action="store_true", help="(same as a full run)")
    args = parser.parse_args(argv)
    from bench.common import save_results

    results = run()
    save_results("answers", results)
    print("\n".join(tables(results)))
    if args.verbose:
        for name, data in results["answers"].items():
            print(f"\n{name}, assistant path, misses:")
            print("\n".join(data["assistant"]["misses"]) or "none")
        for name, data in results["crisis"].items():
            print(f"\n{name}, crisis missed:")
            print("\n".join(data["missed"]) or "none")
            print(f"{name}, false alarms:")
            print("\n".join(data["false_alarm_texts"]) or "none")
        print("\nordinary messages asked the crisis question:")
        print("\n".join(results["ordinary_asked"]["asked"]) or "none")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
