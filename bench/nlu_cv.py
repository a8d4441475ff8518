"""Understanding: 5-fold cross-validation of both configurations, same folds.

Runs ``rasa test nlu --cross-validation --folds 5`` (through bench.cv_run, which
seeds the folds) for config.yml and for Rasa's default configuration, the two in
parallel, each with its own training cache, then reads the reports: intent
macro-F1, the response selector's (FAQ) macro-F1, entity reports that exist,
the confusion pairs that remain, and any confusion that takes a safety-relevant
intent to a benign one.

Usage: python -m bench.nlu_cv [--quick] [--folds 5]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

from bench.common import OUT, ROOT, config_for, env, save_results

# Intents whose misreading could hide a warning sign: a self-harm message, and
# "yes" / "not sure" answers to the screening's warning-sign questions (an
# "unsure" counts as a possible flag). Confusing one of them with an intent
# outside this set counts as a red-flag intent confused with a benign one.
SAFETY_INTENTS = {"crisis", "affirm", "unsure"}


def fingerprint(bot: str, quick: bool, folds: int) -> str:
    """A hash of what a cross-validation result depends on.

    The NLU data, the configuration, the fold count and, for the project's
    configuration, its own NLU components: a finished run whose fingerprint
    matches can be reused (``--reuse``).
    """
    digest = hashlib.sha256(f"{bot} {quick} {folds}".encode())
    files = sorted((ROOT / "data" / "nlu").rglob("*.yml"))
    files.append(config_for(bot, quick))
    if bot == "project":
        files += [ROOT / "sciatica_rasa" / n for n in ("nlu.py", "text_model.py")]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _out(bot: str, quick: bool) -> Path:
    return OUT / ("quick" if quick else "full") / "nlu" / bot


def reusable(bot: str, quick: bool, folds: int) -> bool:
    """Whether a finished run of exactly these inputs is already on disk."""
    out = _out(bot, quick)
    stamp = out / "inputs.sha256"
    return (
        (out / "intent_report.json").exists()
        and stamp.exists()
        and stamp.read_text().strip() == fingerprint(bot, quick, folds)
    )


def run_cv(bot: str, quick: bool, folds: int) -> subprocess.Popen:
    """Starts one configuration's cross-validation in the background.

    main writes ``inputs.sha256`` (the fingerprint taken at the start) into the
    output folder once the run has succeeded.
    """
    out = _out(bot, quick)
    out.mkdir(parents=True, exist_ok=True)
    (out / "inputs.sha256").unlink(missing_ok=True)
    (out / "intent_report.json").unlink(missing_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "bench.cv_run",
        "test",
        "nlu",
        "--nlu",
        "data",
        "--config",
        str(config_for(bot, quick)),
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(out),
    ]
    print(f"  $ {' '.join(cmd)}", flush=True)
    log = (out / "cv.log").open("w")
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env(RASA_CACHE_DIRECTORY=str(OUT / f"cache-cv-{bot}")),
    )


def _caught_by_rules(errors: List[dict]) -> Dict[str, Any]:
    """What the assistant does with the safety-relevant messages read as benign.

    A self-harm message gets crisis support from ``sciatica.crisis`` whatever
    the intent; a screening answer is read by ``sciatica.answers`` before the
    intent is consulted, and the intent only above its confidence threshold.
    ``caught`` counts the misread messages the rules alone read as meant. The
    assistant-level reading (``assistant``) runs the same path as the live
    screening (``actions.turns.yes_no_answer``: rules, then the misread intent
    with its confidence) and sorts each message into: read as meant, asked
    again (the answer is not understood, so the question is repeated; after a
    second time it is taken as "not sure"), taken on the safer side ("not
    sure" as "yes"), weaker ("yes" as "not sure": a doctor today rather than
    the emergency line), or read as benign (a "yes" or "not sure" read as
    "no", a self-harm message that gets no crisis support).
    """
    from sciatica.answers import NO, UNSURE, YES, read_yes_no
    from sciatica.crisis import is_crisis

    meaning = {"affirm": YES, "unsure": UNSURE}
    misread = caught = 0
    assistant: Dict[str, Any] = {
        key: 0 for key in ("meant", "asks_again", "safer", "weaker", "benign")
    }
    assistant["missed_texts"] = []
    for error in errors:
        gold, predicted = error["intent"], error["intent_prediction"]["name"]
        if gold not in SAFETY_INTENTS or predicted in SAFETY_INTENTS:
            continue
        misread += 1
        text = error["text"]
        if gold == "crisis":
            caught += is_crisis(text)
            outcome = "meant" if is_crisis(text) else "benign"
        else:
            caught += read_yes_no(text) == meaning[gold]
            reading = read_yes_no(
                text, predicted, error["intent_prediction"].get("confidence") or 0.0
            )
            if reading == meaning[gold]:
                outcome = "meant"
            elif reading is None:
                outcome = "asks_again"
            elif reading == NO:
                outcome = "benign"
            elif reading == YES:
                outcome = "safer"  # "not sure" taken as "yes"
            else:
                # "yes" taken as "not sure": still a warning sign (a doctor
                # today), but an emergency question's "yes" loses its urgency.
                outcome = "weaker"
        assistant[outcome] += 1
        if outcome in ("benign", "weaker"):
            assistant["missed_texts"].append(f"{gold} read as {outcome}: {text}")
    return {"misread": misread, "caught": caught, "assistant": assistant}


def summarise(out: Path) -> Dict[str, Any]:
    """The figures from the reports Rasa wrote into out."""
    intent = json.loads((out / "intent_report.json").read_text())
    labels = {
        k: v
        for k, v in intent.items()
        if isinstance(v, dict)
        and "support" in v
        and k not in ("macro avg", "weighted avg", "micro avg")
    }
    # Every misread message (Rasa's report keeps only the top two per intent).
    errors = json.loads((out / "intent_errors.json").read_text())
    counts: Dict[tuple, int] = {}
    for error in errors:
        key = (error["intent"], error["intent_prediction"]["name"])
        counts[key] = counts.get(key, 0) + 1
    pairs = [
        {"gold": gold, "predicted": predicted, "count": count}
        for (gold, predicted), count in counts.items()
    ]
    pairs.sort(key=lambda p: (-p["count"], p["gold"], p["predicted"]))
    safety = [
        p
        for p in pairs
        if p["gold"] in SAFETY_INTENTS and p["predicted"] not in SAFETY_INTENTS
    ]
    safety_caught = _caught_by_rules(errors)
    result: Dict[str, Any] = {
        "intent_macro_f1": intent["macro avg"]["f1-score"],
        "intent_weighted_f1": intent["weighted avg"]["f1-score"],
        "intent_accuracy": intent.get("accuracy"),
        "intents": len(labels),
        "examples": int(intent["macro avg"]["support"]),
        "confusions": pairs,
        "safety_confusions": safety,
        "safety_caught_by_rules": safety_caught,
        "per_intent_f1": {k: v["f1-score"] for k, v in labels.items()},
    }
    response = out / "response_selection_report.json"
    if response.exists():
        data = json.loads(response.read_text())
        result["faq_macro_f1"] = data["macro avg"]["f1-score"]
    entities = {}
    for path in sorted(out.glob("*_report.json")):
        if path.name in ("intent_report.json", "response_selection_report.json"):
            continue
        data = json.loads(path.read_text())
        rows = {
            k: v
            for k, v in data.items()
            if isinstance(v, dict)
            and "support" in v
            and k not in ("macro avg", "weighted avg", "micro avg")
        }
        entities[path.name.replace("_report.json", "")] = {
            "labels": {
                k: {
                    "f1": v["f1-score"],
                    "support": v["support"],
                    "precision": v["precision"],
                    "recall": v["recall"],
                }
                for k, v in rows.items()
            },
            "micro_f1": data.get("micro avg", {}).get("f1-score"),
        }
    result["entity_reports"] = entities
    return result


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Cross-validates both configurations and records the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--folds", type=int)
    parser.add_argument("--bots", nargs="+", default=["project", "default"])
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="skip a bot whose last run had exactly the same data and config",
    )
    args = parser.parse_args(argv)
    folds = args.folds or (2 if args.quick else 5)
    start = time.monotonic()
    processes, stamps, reused = {}, {}, {}
    for bot in args.bots:
        if args.reuse and reusable(bot, args.quick, folds):
            print(f"  {bot}: same inputs as the last run, reusing it", flush=True)
            stamp = _out(bot, args.quick) / "inputs.sha256"
            reused[bot] = datetime.datetime.fromtimestamp(
                stamp.stat().st_mtime
            ).isoformat(timespec="minutes")
            continue
        stamps[bot] = fingerprint(bot, args.quick, folds)
        processes[bot] = run_cv(bot, args.quick, folds)
    results: Dict[str, Any] = {"folds": folds, "bots": {}, "reused": reused}
    for bot, process in processes.items():
        if process.wait() != 0:
            log = _out(bot, args.quick) / "cv.log"
            raise RuntimeError(
                f"cross-validation failed for {bot}:\n{log.read_text()[-3000:]}"
            )
        stamp = _out(bot, args.quick) / "inputs.sha256"
        stamp.write_text(stamps[bot] + "\n")
    results["wall_s"] = time.monotonic() - start
    for bot in args.bots:
        out = _out(bot, args.quick)
        results["bots"][bot] = summarise(out)
        r = results["bots"][bot]
        print(
            f"    {bot}: intent macro-F1 {r['intent_macro_f1']:.3f}, "
            f"safety confusions {len(r['safety_confusions'])}",
            flush=True,
        )
    save_results("quick_nlu" if args.quick else "nlu", results)
    return results


if __name__ == "__main__":
    main()
