"""Dialogue: `rasa test core` on the held-out conversation tests, both bots.

tests/conversations/ is not training data (training reads data/ only), so its
stories are held out. Run end to end (--e2e: the user's text goes through NLU).
Custom actions do not run under `rasa test`; the tests write out the slot events
the actions return. The default-config bot has no RedFlagPolicy, so it cannot
pass the stories where a red flag is handled: expected, reported as is.

Usage: python -m bench.dialogue [--quick]
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any, Dict, List

from bench.common import OUT, ROOT, model_path, rasa, run, save_results

STORIES = ROOT / "tests" / "conversations"


def _correct(log: str, level: str) -> Dict[str, int] | None:
    index = log.find(f"on {level} level")
    if index < 0:
        return None
    match = re.search(r"Correct:\s+(\d+)\s*/\s*(\d+)", log[index:])
    if not match:
        return None
    return {"correct": int(match.group(1)), "total": int(match.group(2))}


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Tests both bots' models and records the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bots", nargs="+", default=["project", "default"])
    args = parser.parse_args(argv)
    base = OUT / ("quick" if args.quick else "full") / "dialogue"
    results: Dict[str, Any] = {"stories_dir": "tests/conversations", "bots": {}}
    for bot in args.bots:
        out = base / bot
        log = out / "test.log"
        took = run(
            rasa(
                "test",
                "core",
                "--model",
                str(model_path(bot, args.quick)),
                "--stories",
                str(STORIES),
                "--e2e",
                "--out",
                str(out),
                "--no-plot",
            ),
            log,
            check=False,
        )
        text = log.read_text(errors="replace")
        entry: Dict[str, Any] = {
            "seconds": took,
            "conversations": _correct(text, "CONVERSATION"),
            "actions": _correct(text, "ACTION"),
        }
        report = out / "story_report.json"
        if report.exists():
            data = json.loads(report.read_text())
            entry["conversation_accuracy"] = data.get("conversation_accuracy")
            entry["action_macro_f1"] = data.get("macro avg", {}).get("f1-score")
            entry["action_weighted_f1"] = data.get("weighted avg", {}).get("f1-score")
        failed = out / "failed_test_stories.yml"
        if failed.exists():
            entry["failed_stories"] = [
                re.sub(r" \([^()]*\.yml\)$", "", name)
                for name in re.findall(r"- story: (.+)", failed.read_text())
            ]
        print(
            f"    {bot}: {entry.get('conversations')} conversations, "
            f"{entry.get('actions')} actions",
            flush=True,
        )
        results["bots"][bot] = entry
    save_results("quick_dialogue" if args.quick else "dialogue", results)
    return results


if __name__ == "__main__":
    main()
