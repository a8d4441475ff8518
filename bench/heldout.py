"""Intents on held-out messages: both bots read sets written blind to the data.

Cross-validation (bench.nlu_cv) reads each training example with a model that
did not see it, but the examples were written together, hard cases on
purpose. The sets under tests/data/intents_blind*.yml were written by a helper
who had seen neither the training data nor the model, each message meant to
belong clearly to its intent; they are not training data. Both bots' models,
trained by bench.cost on all of data/, read every message through their whole
NLU pipeline (Rasa's ``Agent.parse_message``). A message that falls back
(``nlu_fallback``) counts as its best real intent, as in Rasa's own
cross-validation report.

Usage: python -m bench.heldout [--quick] [--bots project default] [--verbose]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import sys
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench.common import LABELS, ROOT, model_path, save_results
from bench.nlu_cv import SAFETY_INTENTS

_FALLBACK = "nlu_fallback"


def load_set(path: Path) -> List[Dict[str, str]]:
    """The items (``text``, ``intent``) of a blind intent set."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    return [{"text": str(i["text"]), "intent": str(i["intent"])} for i in items]


def _intent(parsed: Dict[str, Any]) -> str:
    name = (parsed.get("intent") or {}).get("name") or ""
    if name != _FALLBACK:
        return name
    for ranked in parsed.get("intent_ranking") or []:
        if ranked.get("name") != _FALLBACK:
            return ranked["name"]
    return name


async def _read(model: Path, texts: List[str]) -> List[str]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    return [_intent(await agent.parse_message(text)) for text in texts]


def score(gold: List[str], predicted: List[str]) -> Dict[str, Any]:
    """Macro-F1, accuracy, per-intent F1, confusion pairs and safety misreads."""
    from sklearn.metrics import accuracy_score, f1_score

    labels = sorted(set(gold))
    per_intent = f1_score(gold, predicted, labels=labels, average=None)
    pairs = collections.Counter(
        (g, p) for g, p in zip(gold, predicted, strict=True) if g != p
    )
    return {
        "messages": len(gold),
        "intents": len(labels),
        "macro_f1": float(f1_score(gold, predicted, labels=labels, average="macro")),
        "accuracy": float(accuracy_score(gold, predicted)),
        "per_intent_f1": {
            label: float(f1) for label, f1 in zip(labels, per_intent, strict=True)
        },
        "confusions": [[g, p, n] for (g, p), n in pairs.most_common()],
        "safety_misread": [
            [g, p, n]
            for (g, p), n in pairs.most_common()
            if g in SAFETY_INTENTS and p not in SAFETY_INTENTS
        ],
    }


def blind_sets() -> List[Path]:
    """The blind intent sets, in name order."""
    return sorted((ROOT / "tests" / "data").glob("intents_blind*.yml"))


def run(bots: List[str], quick: bool) -> Dict[str, Any]:
    """Scores every blind intent set with each bot's trained model."""
    sets = {path.name: load_set(path) for path in blind_sets()}
    texts = [item["text"] for items in sets.values() for item in items]
    results: Dict[str, Any] = {"sets": {name: {} for name in sets}}
    for bot in bots:
        model = model_path(bot, quick)
        if not model.exists():
            print(f"    {bot}: no model at {model} (run bench.cost first)")
            continue
        predicted = iter(asyncio.run(_read(model, texts)))
        for name, items in sets.items():
            gold = [item["intent"] for item in items]
            read = [next(predicted) for _ in items]
            entry = results["sets"][name][bot] = score(gold, read)
            entry["misread"] = [
                f"{g} → {p}: {item['text']}"
                for item, g, p in zip(items, gold, read, strict=True)
                if g != p
            ]
            print(
                f"    {name} {bot}: macro-F1 {entry['macro_f1']:.3f}, "
                f"accuracy {entry['accuracy']:.3f}",
                flush=True,
            )
    return results


def _pairs(pairs: List[List[Any]]) -> str:
    return ", ".join(f"{g} → {p} ({n})" for g, p, n in pairs) or "none"


def tables(results: Dict[str, Any]) -> List[str]:
    """Markdown lines for docs/benchmarks.md."""
    lines: List[str] = []
    for name, entry in results.get("sets", {}).items():
        bots = [bot for bot in ("project", "default") if bot in entry]
        if not bots:
            continue
        first = entry[bots[0]]
        lines += [
            f"**{name}** ({first['messages']} messages, {first['intents']} intents)",
            "",
            "|  | " + " | ".join(LABELS[bot] for bot in bots) + " |",
            "|---|" + "---|" * len(bots),
            "| intent macro-F1 | "
            + " | ".join(f"{entry[bot]['macro_f1']:.3f}" for bot in bots)
            + " |",
            "| accuracy | "
            + " | ".join(f"{entry[bot]['accuracy']:.3f}" for bot in bots)
            + " |",
            "| misread | "
            + " | ".join(
                str(sum(n for _, _, n in entry[bot]["confusions"])) for bot in bots
            )
            + " |",
            "| crisis / affirm / unsure read as another intent | "
            + " | ".join(_pairs(entry[bot]["safety_misread"]) for bot in bots)
            + " |",
            "",
        ]
    return lines


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Scores the sets, prints the tables and records them for the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bots", nargs="+", default=["project", "default"])
    parser.add_argument("--verbose", action="store_true", help="list every misread")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    results = run(args.bots, args.quick)
    save_results("heldout", results)
    print("\n".join(tables(results)))
    if args.verbose:
        for name, entry in results["sets"].items():
            for bot, data in entry.items():
                print(f"\n{name}, {bot}, misread:")
                print("\n".join(data["misread"]) or "none")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
