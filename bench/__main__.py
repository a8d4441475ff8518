"""`make bench`: every benchmark, then docs/benchmarks.md and docs/bench/*.png.

Order: cost (trains both bots from scratch into var/bench/, alone on the
machine), load (both bots' servers, one after the other), dialogue, then the
NLU cross-validation (both configurations in parallel: accuracy does not depend
on timing), the warning-sign answers and crisis messages on the assistant's
path (bench.answers), the intents of the blind intent sets (bench.heldout),
then the report.

Usage: python -m bench [--quick] [--reuse]
       [--only nlu|dialogue|load|cost|answers|heldout|report ...]
"""

from __future__ import annotations

import argparse
import datetime
import time

from bench import answers, cost, dialogue, heldout, load, nlu_cv, report
from bench.common import load_results, save_results

PARTS = ["cost", "load", "dialogue", "nlu", "answers", "heldout"]


def main() -> None:
    """Runs the chosen parts, then writes the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 3 epochs, 2 folds, 1 and 10 users, 4 s each",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=[*PARTS, "report"],
        help="run only these parts (the report is always written)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="nlu: reuse a configuration's cross-validation whose data and config "
        "are unchanged (bench.nlu_cv --reuse)",
    )
    args = parser.parse_args()
    parts = [p for p in PARTS if not args.only or p in args.only]
    quick = ["--quick"] if args.quick else []
    start = time.monotonic()
    modules = {
        "cost": cost,
        "load": load,
        "dialogue": dialogue,
        "nlu": nlu_cv,
        "answers": answers,
        "heldout": heldout,
    }
    for part in parts:
        print(f"== {part}", flush=True)
        reuse = ["--reuse"] if args.reuse and part == "nlu" else []
        modules[part].main(quick + reuse)
    run = load_results().get("run", {})
    if parts and not args.quick:
        run.update(date=datetime.date.today().isoformat())
        run.setdefault("parts", {})
        run.setdefault("commits", {})
        commit = report.git_commit()
        for part in parts:
            run["parts"][part] = datetime.datetime.now().isoformat(timespec="minutes")
            run["commits"][part] = commit
        save_results("run", run)
    print(f"== report ({(time.monotonic() - start) / 60:.1f} min so far)", flush=True)
    report.main(quick)


if __name__ == "__main__":
    main()
