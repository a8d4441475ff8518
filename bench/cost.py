"""Training cost: time from scratch and incremental, and model size.

Each bot is trained with an empty training cache (var/bench/cache, wiped first:
from scratch), then, for the incremental time, retrained with the cache kept
after one NLU example was changed in a copy of data/ (Rasa retrains only what
depends on it). Models go to var/bench/<full|quick>/models/, never to models/.

Usage: python -m bench.cost [--quick] [--bots project default] [--incremental project]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any, Dict, List

from bench.common import OUT, ROOT, config_for, model_path, rasa, run, save_results

CHANGED_FILE = Path("nlu") / "core.yml"


def changed_data(target: Path) -> Path:
    """A copy of data/ with one NLU example changed (a word appended)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "data", target)
    path = target / CHANGED_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip().startswith("- ") and "examples" not in line and i > 5:
            lines[i] = line.rstrip("\n") + " please\n"
            break
    path.write_text("".join(lines), encoding="utf-8")
    return target


def train(bot: str, quick: bool, data: Path, name: str, log: Path) -> float:
    """Trains one bot; returns the seconds taken."""
    out = model_path(bot, quick).parent
    return run(
        rasa(
            "train",
            "--domain",
            "domain",
            "--config",
            str(config_for(bot, quick)),
            "--data",
            str(data),
            "--out",
            str(out),
            "--fixed-model-name",
            name,
        ),
        log,
    )


def main(argv: List[str] | None = None) -> Dict[str, Any]:
    """Times both bots' training and records the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bots", nargs="+", default=["project", "default"])
    parser.add_argument(
        "--incremental",
        nargs="*",
        default=["project"],
        help="bots to time an incremental retrain for",
    )
    args = parser.parse_args(argv)
    base = OUT / ("quick" if args.quick else "full")
    results: Dict[str, Any] = {}
    for bot in args.bots:
        print(f"  training {bot} from scratch ...", flush=True)
        shutil.rmtree(OUT / "cache", ignore_errors=True)
        scratch = train(
            bot, args.quick, ROOT / "data", bot, base / "logs" / f"train-{bot}.log"
        )
        size = model_path(bot, args.quick).stat().st_size / 1e6
        entry = {"scratch_s": scratch, "model_mb": size}
        if bot in args.incremental:
            print(f"  retraining {bot} after one NLU example changed ...", flush=True)
            data = changed_data(base / "data-changed")
            entry["incremental_s"] = train(
                bot,
                args.quick,
                data,
                f"{bot}-incremental",
                base / "logs" / f"train-{bot}-incremental.log",
            )
            model_path(bot, args.quick).with_name(f"{bot}-incremental.tar.gz").unlink()
        print(f"    {entry}", flush=True)
        results[bot] = entry
    save_results("quick_cost" if args.quick else "cost", results)
    return results


if __name__ == "__main__":
    main()
