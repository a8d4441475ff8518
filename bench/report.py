"""Writes docs/benchmarks.md and the plots in docs/bench/ from var/bench/results.json.

Usage: python -m bench.report [--quick] [--out docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
from pathlib import Path
from typing import Any, Dict, List

from bench.common import LABELS, ROOT, load_results

GB = 1.2e9 / 2**20  # 1.2 GB in MiB
LEVERS_NOTES = ROOT / "bench" / "levers.md"


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _level(
    load: Dict[str, Any], bot: str, users: int, kind: str = "levels"
) -> Dict[str, Any] | None:
    for level in load.get("bots", {}).get(bot, {}).get(kind, []) or []:
        if level["users"] == users:
            return level
    return None


def plots(results: Dict[str, Any], out_dir: Path, quick: bool) -> List[str]:
    """Draws the PNG plots; returns their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = "quick-" if quick else ""
    made = []
    load = results.get("quick_load" if quick else "load")
    if load:
        fig, ax = plt.subplots(figsize=(7, 4.2))
        for bot, style in (("project", "-"), ("default", "--")):
            levels = load["bots"].get(bot, {}).get("levels", [])
            if not levels:
                continue
            users = [lv["users"] for lv in levels]
            ax.plot(
                users,
                [lv["p50_ms"] for lv in levels],
                style,
                marker="o",
                label=f"{LABELS[bot]} p50",
            )
            ax.plot(
                users,
                [lv["p95_ms"] for lv in levels],
                style,
                marker="^",
                label=f"{LABELS[bot]} p95",
            )
        ax.axhline(300, color="grey", lw=0.8, ls=":", label="target p95 @20 users")
        ax.set_xlabel("concurrent users")
        ax.set_ylabel("latency per message (ms)")
        ax.set_yscale("log")
        ax.set_xscale("log")
        ax.set_xticks(load["users"], [str(u) for u in load["users"]])
        ax.set_title("REST latency against concurrency")
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
        fig.tight_layout()
        name = f"{prefix}latency.png"
        fig.savefig(out_dir / name, dpi=110)
        plt.close(fig)
        made.append(name)

        fig, ax = plt.subplots(figsize=(7, 4.2))
        for bot in ("project", "default"):
            levels = load["bots"].get(bot, {}).get("levels", [])
            if levels:
                ax.plot(
                    [lv["users"] for lv in levels],
                    [lv["msg_per_s"] for lv in levels],
                    marker="o",
                    label=LABELS[bot],
                )
        ax.set_xlabel("concurrent users")
        ax.set_ylabel("messages per second")
        ax.set_xscale("log")
        ax.set_xticks(load["users"], [str(u) for u in load["users"]])
        ax.set_title("Throughput against concurrency")
        ax.legend()
        ax.grid(alpha=0.3)
        fig.tight_layout()
        name = f"{prefix}throughput.png"
        fig.savefig(out_dir / name, dpi=110)
        plt.close(fig)
        made.append(name)

    nlu = results.get("quick_nlu" if quick else "nlu")
    if nlu:
        bots = [b for b in ("project", "default") if b in nlu["bots"]]
        intents = sorted(nlu["bots"][bots[0]]["per_intent_f1"])
        fig, ax = plt.subplots(figsize=(9, 6))
        height = 0.8 / len(bots)
        for i, bot in enumerate(bots):
            values = [nlu["bots"][bot]["per_intent_f1"].get(k, 0) for k in intents]
            ax.barh(
                [j + i * height for j in range(len(intents))],
                values,
                height,
                label=f"{LABELS[bot]} (macro "
                f"{nlu['bots'][bot]['intent_macro_f1']:.3f})",
            )
        ax.set_yticks([j + height / 2 for j in range(len(intents))])
        ax.set_yticklabels(intents, fontsize=8)
        lowest = min(
            nlu["bots"][b]["per_intent_f1"].get(k, 0) for b in bots for k in intents
        )
        ax.set_xlim(max(0.0, min(0.8, lowest) - 0.05), 1.0)
        ax.set_xlabel(f"intent F1, {nlu['folds']}-fold cross-validation")
        ax.set_title("Intent F1 per intent, both configurations, same folds")
        ax.legend(fontsize=8, loc="lower left")
        ax.grid(alpha=0.3, axis="x")
        fig.tight_layout()
        name = f"{prefix}nlu_f1.png"
        fig.savefig(out_dir / name, dpi=110)
        plt.close(fig)
        made.append(name)
    return made


def targets(results: Dict[str, Any], quick: bool) -> List[List[str]]:
    """The issue's targets: measured figure and verdict."""
    key = (lambda k: f"quick_{k}") if quick else (lambda k: k)
    load, nlu, cost = (results.get(key(k)) or {} for k in ("load", "nlu", "cost"))
    rows: List[List[str]] = []

    def row(name: str, measured: str, ok: bool | None) -> None:
        verdict = "not measured" if ok is None else ("**met**" if ok else "**missed**")
        rows.append([name, measured, verdict])

    p20, d20 = _level(load, "project", 20), _level(load, "default", 20)
    if p20 and d20 and d20["msg_per_s"]:
        ratio = p20["msg_per_s"] / d20["msg_per_s"]
        row(
            "throughput at 20 users ≥ 3x the default-config bot",
            f"{p20['msg_per_s']:.1f} vs {d20['msg_per_s']:.1f} msg/s = {ratio:.2f}x",
            ratio >= 3,
        )
    else:
        row("throughput at 20 users ≥ 3x the default-config bot", "n/a", None)
    row(
        "p95 latency at 20 users < 300 ms: closed loop (next message at once)",
        f"{p20['p95_ms']:.0f} ms" if p20 else "n/a",
        (p20["p95_ms"] < 300) if p20 else None,
    )
    paced = _level(load, "project", 20, "paced")
    think = load.get("think_s") or [1, 3]
    row(
        f"p95 latency at 20 users < 300 ms: paced (a {think[0]:.0f}-{think[1]:.0f} s "
        "pause after each reply)",
        f"{paced['p95_ms']:.0f} ms" if paced else "n/a",
        (paced["p95_ms"] < 300) if paced else None,
    )
    p1 = _level(load, "project", 1)
    row(
        "one user: message p50 < 30 ms",
        f"{p1['p50_ms']:.1f} ms" if p1 else "n/a",
        (p1["p50_ms"] < 30) if p1 else None,
    )
    bots = nlu.get("bots", {})
    if "project" in bots:
        pf = bots["project"]["intent_macro_f1"]
        df = bots.get("default", {}).get("intent_macro_f1")
        row(
            "intent macro-F1 ≥ 0.95 and not below the default's",
            f"{pf:.3f} vs {_fmt(df)}",
            pf >= 0.95 and df is not None and pf >= df,
        )
    for name, entry in ((results.get("heldout") or {}).get("sets") or {}).items():
        if "project" in entry:
            pf = entry["project"]["macro_f1"]
            df = (entry.get("default") or {}).get("macro_f1")
            row(
                f"the same, on messages written blind to the data ({name})",
                f"{pf:.3f} vs {_fmt(df)}",
                pf >= 0.95 and df is not None and pf >= df,
            )
    if "project" in bots:
        safety = bots["project"]["safety_confusions"]
        detector = (results.get("answers") or {}).get("detector") or nlu.get(
            "detector", {}
        )
        row(
            "no red-flag intent confused with a benign one (CV, project)",
            f"{sum(p['count'] for p in safety)} messages in {len(safety)} pairs"
            + (
                f"; the rules alone read {caught['caught']} of them as meant"
                if (caught := bots["project"].get("safety_caught_by_rules"))
                else ""
            ),
            not safety,
        )
        answers = results.get("answers") or {}
        if answers.get("answers") and answers.get("crisis"):
            name = list(answers["answers"])[-1]
            counts = answers["answers"][name]["assistant"]["by_meaning"]
            benign = sum(counts.get(m, {}).get("benign", 0) for m in ("yes", "unsure"))
            weaker = counts.get("yes", {}).get("weaker", 0)
            warn = sum(sum(counts.get(m, {}).values()) for m in ("yes", "unsure"))
            crisis = answers["crisis"].get(name) or {}
            missed = crisis.get("crisis", 0) - crisis.get("caught", {}).get(
                "assistant", 0
            )
            from bench.answers import first_look

            blind = next(
                (
                    f
                    for f in first_look()
                    if f["set"] == name and "assistant_benign" in f
                ),
                None,
            )
            now = (
                f"{benign} of {warn} “yes” / “not sure” answers read as “no” "
                f"({weaker} “yes” as “not sure”); {missed} of "
                f"{crisis.get('crisis', 0)} crisis messages without crisis support"
            )
            if blind:
                # The newest set's figures when it was still blind; the rules
                # may have been tuned on it since (then "now" is in-sample).
                row(
                    "no warning-sign answer or crisis message read as benign by "
                    f"the assistant ({name} set, scored blind first)",
                    f"blind: {blind['assistant_benign']} "
                    f"answer{'s' * (blind['assistant_benign'] != 1)} read as “no”, "
                    f"{blind['assistant_crisis_missed']} crisis "
                    f"message{'s' * (blind['assistant_crisis_missed'] != 1)} without "
                    f"support; as it scores now (after any rules tuned on it): {now}",
                    blind["assistant_benign"] == 0
                    and blind["assistant_crisis_missed"] == 0,
                )
            else:
                row(
                    "no warning-sign answer or crisis message read as benign by "
                    f"the assistant (rules, then the classifier; {name} set)",
                    now,
                    benign == 0 and missed == 0,
                )
        row(*_red_flag_row(detector))
    proj_cost = cost.get("project", {})
    row(
        "training from scratch < 3 minutes",
        f"{proj_cost['scratch_s']:.0f} s" if proj_cost else "n/a",
        (proj_cost["scratch_s"] < 180) if proj_cost else None,
    )
    mem = load.get("bots", {}).get("project", {}).get("memory_after_load")
    row(
        "server RSS < 1.2 GB (after load)",
        f"{mem['rasa_rss_mb']:.0f} MiB (limit {GB:.0f} MiB)" if mem else "n/a",
        (mem["rasa_rss_mb"] < GB) if mem else None,
    )
    return rows


def _red_flag_row(detector: Dict[str, Any]) -> tuple:
    """The target row of the red-flag detector: its newest blind set.

    Read as the first look recorded it (bench/first_look.yml, before any rule
    was tuned on the set) and as it reads now; met only when, blind, every
    warning sign was escalated or asked about.
    """
    from bench.safety import first_looks

    looks = first_looks()
    name = "no red-flag concept read as benign: rules, then the classifier asks"
    if not looks:
        silent = detector.get("silent", {}).get("development", {})
        return (
            f"{name}: development set",
            f"{silent.get('read_as_none', 'n/a')} of {silent.get('flags', 'n/a')} "
            "warning-sign phrasings read as nothing",
            silent.get("read_as_none") == 0 if silent else None,
        )
    blind = looks[-1]
    now = (detector.get("second_look") or {}).get(blind["set"], {})
    now_text = (
        f"; as it reads now (after any rules tuned on it): {now['missed']} missed"
        if now
        else ""
    )
    return (
        f"{name} ({blind['set']} set, scored blind first)",
        f"blind: {blind['flags']} warning signs, {blind['escalated']} escalated, "
        f"{blind['rules_ask'] + blind['classifier_asks']} asked about "
        f"({blind['classifier_asks']} by the classifier), {blind['missed']} missed "
        f"(nobody asks); look-alikes {blind['lookalikes_escalated']} escalated, "
        f"{blind['lookalikes_asked']} asked of {blind['lookalikes']}" + now_text,
        blind["missed"] == 0,
    )


def _cv_wall_time(nlu: Dict[str, Any]) -> str:
    """The cross-validation's wall time, for the configurations that ran."""
    reused = nlu.get("reused") or {}
    ran = [bot for bot in nlu.get("bots", {}) if bot not in reused]
    if not ran:
        return ""
    which = "both, run in parallel" if len(ran) > 1 else " and ".join(ran)
    return f". Wall time ({which}): {nlu.get('wall_s', 0) / 60:.0f} min"


def _table(header: List[str], rows: List[List[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def git_commit() -> str:
    """The checkout's commit, short."""
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()


def render(results: Dict[str, Any], quick: bool, images: List[str]) -> str:
    """The whole of docs/benchmarks.md."""
    key = (lambda k: f"quick_{k}") if quick else (lambda k: k)
    nlu, dialogue, load, cost = (
        results.get(key(k)) for k in ("nlu", "dialogue", "load", "cost")
    )
    commits = results.get("run", {}).get("commits") or {}
    by_commit: Dict[str, List[str]] = {}
    for part, part_commit in commits.items():
        by_commit.setdefault(part_commit, []).append(part)
    if len(by_commit) > 1:
        commit = "commits " + "; ".join(
            f"{', '.join(parts)} at `{c}`" for c, parts in by_commit.items()
        )
    else:
        commit = f"commit `{next(iter(by_commit), None) or git_commit()}`"
    mem_total = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem_total = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, ValueError):
        pass
    when = results.get("run", {}).get("date") or datetime.date.today().isoformat()
    out: List[str] = []
    out.append("# Benchmarks: understanding, dialogue, speed and cost\n")
    if quick:
        out.append(
            "> **Quick smoke run** (`--quick`: 3 epochs, 2 folds, short load "
            "levels). The figures only show that the harness works.\n"
        )
    out.append(
        f"Taken on {when} on this machine: {os.cpu_count()} cores{mem_total}, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
        f", Rasa 3.6.21, {commit}. Run `make bench` (`python -m bench`) "
        "to reproduce; "
        "`python -m bench --only nlu|dialogue|load|cost|answers|heldout` runs one "
        "part, `--quick` a "
        "smoke run. Raw figures: `var/bench/results.json`; logs and Rasa's reports "
        "under `var/bench/`.\n"
    )
    notes = results.get("run", {}).get("notes")
    if notes:
        out.append(notes + "\n")
    out.append(
        "The two bots: **project** is `config.yml` (intents and FAQ answers by "
        "`sciatica_rasa.text_model`: logistic regression over TF-IDF word pairs "
        "of a normalised text and character 1-5-grams; RedFlagExtractor; "
        "RedFlagPolicy, RulePolicy, MemoizationPolicy: no TensorFlow model at "
        "all) with the speed-ups in `sciatica_rasa/speedups.py` and the tracker "
        "store of `sciatica_rasa/tracker_store.py` (pooled SQLite connections, "
        "lean queries, trackers kept between messages); the default bot runs on "
        "the same server code, store and actions. **default** is "
        "Rasa 3.6's default "
        "configuration, "
        "[`bench/configs/rasa_default.yml`](../bench/configs/rasa_default.yml): what "
        "`rasa init`'s config.yml resolves to at training time (its empty `pipeline:` "
        "and `policies:` are filled from `rasa/engine/recipes/config_files/"
        "default_config.yml`): DIET and ResponseSelector 100 epochs, "
        "MemoizationPolicy, "
        "RulePolicy, UnexpecTEDIntentPolicy and TEDPolicy (100 epochs each). It cannot "
        "use the project's own components, so **the default bot has no red-flag "
        "entities and no RedFlagPolicy**: it is compared on understanding and speed, "
        "not on safety. It trains on the same domain and data with no change.\n"
    )

    out.append("## Targets\n")
    out.append(_table(["target", "measured", "verdict"], targets(results, quick)))
    out.append("")
    out.append(
        "The two rows on warning signs and crisis messages judge the newest "
        "blind set of each kind at its first look (`bench/first_look.yml` "
        "lists every first look): they are met only when that set had no "
        "miss at its first look, and one such set would not show that the "
        "next will have none.\n"
    )

    if nlu:
        out.append("## Understanding\n")
        out.append(
            f"{nlu['folds']}-fold cross-validation "
            "(`rasa test nlu --cross-validation`) "
            "of each configuration on the same training data (`data/`), on the same "
            "folds: Rasa draws its folds unseeded, so `bench/cv_run.py` seeds them "
            "(StratifiedKFold, random_state 42)"
            + _cv_wall_time(nlu)
            + "".join(
                f". {bot.capitalize()} not re-run: its cross-validation finished "
                f"at {when} on exactly the same data, configuration and folds "
                "(`--reuse` compares a hash of them)"
                for bot, when in (nlu.get("reused") or {}).items()
            )
            + ".\n"
        )
        rows = []
        for metric, label in (
            ("intent_macro_f1", "intent macro-F1"),
            ("intent_weighted_f1", "intent weighted F1"),
            ("intent_accuracy", "intent accuracy"),
            (
                "faq_macro_f1",
                "FAQ answers macro-F1 (project: answered only when read as faq)",
            ),
        ):
            rows.append(
                [label]
                + [
                    _fmt(nlu["bots"].get(b, {}).get(metric))
                    for b in ("project", "default")
                ]
            )
        any_bot = next(iter(nlu["bots"].values()))
        rows.append(
            [
                "intents / examples",
                f"{any_bot['intents']} / {any_bot['examples']}",
                "same",
            ]
        )
        ents = {b: nlu["bots"][b].get("entity_reports") for b in nlu["bots"]}
        rows.append(
            [
                "entity F1",
                *[
                    ", ".join(
                        f"{k}: {_fmt(v.get('micro_f1'))}"
                        for k, v in (ents.get(b) or {}).items()
                    )
                    or "no report (see below)"
                    for b in ("project", "default")
                ],
            ]
        )
        out.append(_table(["", LABELS["project"], LABELS["default"]], rows))
        out.append(
            "\n**Entities.** The NLU data has no annotated entities: the only entity "
            "the assistant uses, `red_flag_concept` (and `crisis`), comes from the "
            "rule-based `RedFlagExtractor`, which has nothing to learn and no gold "
            "spans in `data/`, so Rasa's cross-validation produces no entity report "
            "for either configuration and there is no entity F1 to compare. The "
            "extractor's quality is measured on its own labelled sets: the red-flag "
            "detector table below.\n"
        )
        if "nlu_f1.png" in images or "quick-nlu_f1.png" in images:
            name = "quick-nlu_f1.png" if quick else "nlu_f1.png"
            out.append(f"![intent F1 per intent](bench/{name})\n")
        for bot in ("project", "default"):
            data = nlu["bots"].get(bot)
            if not data:
                continue
            pairs = data["confusions"][:12]
            out.append(
                f"**Confusion pairs that remain, {LABELS[bot]}** "
                f"({sum(p['count'] for p in data['confusions'])} misread "
                f"messages in {len(data['confusions'])} pairs; top "
                f"{len(pairs)}):\n"
            )
            out.append(
                _table(
                    ["true intent", "predicted", "messages"],
                    [[p["gold"], p["predicted"], p["count"]] for p in pairs],
                )
            )
            out.append("")
        out.append(
            "**Red-flag intents against benign ones.** Warning signs never depend on "
            "the intent classifier (the detector and RedFlagPolicy act first), but a "
            "misread answer could still matter: the intents counted as safety-relevant "
            "are `crisis` (self-harm), and `affirm` and `unsure` (answers to the "
            "screening's warning-sign questions; `unsure` counts as a possible flag). "
            "Any of them read as an intent outside that set:\n"
        )
        rows = []
        for bot in ("project", "default"):
            data = nlu["bots"].get(bot)
            if data:
                rows.append(
                    [
                        LABELS[bot],
                        ", ".join(
                            f"{p['gold']} → {p['predicted']} ({p['count']})"
                            for p in data["safety_confusions"]
                        )
                        or "none",
                    ]
                )
        out.append(_table(["bot", "safety-relevant intent read as benign"], rows))
        caught = (nlu["bots"].get("project") or {}).get("safety_caught_by_rules")
        out.append(
            "\nA misread message is not necessarily a missed one: RedFlagExtractor "
            "looks for self-harm wording with rules (the `crisis` entity) whatever "
            "the intent, and the screening reads yes / no / not sure with rules "
            "(`sciatica.answers`) before it looks at the intent."
            + (
                f" Of the project's {caught['misread']} misread messages above, the "
                f"rules alone read {caught['caught']} as what they are."
                if caught
                else ""
            )
        )
        out.append("")
    heldout = results.get("heldout")
    if heldout and heldout.get("sets"):
        from bench import heldout as bench_heldout

        out.append(
            "### Intents on messages written blind to the training data\n\n"
            "From `bench/heldout.py`. Cross-validation reads each training example "
            "with a model that did not see it, but the examples were written "
            "together, hard cases on purpose. The sets `tests/data/intents_blind*.yml`"
            " were written by a helper who had seen neither the training data nor "
            "the model, each message meant to belong clearly to its intent; they are "
            "not training data. Each bot's model from the cost step (trained on all "
            "of `data/`) reads them through its whole NLU pipeline. The first set "
            "was used to judge the 400 wordings added to the data (bench/levers.md, "
            "lever 10), so only the second is blind to that decision.\n"
        )
        out += bench_heldout.tables(heldout)
        det = (results.get("answers") or {}).get("detector") or nlu.get("detector")
        if det:
            out.append("### Red-flag detector\n")
            out.append(
                "From `bench/safety.py` (`make bench-safety`, docs/red-flags.md), "
                "detector and keyword baseline (the medspaCy baseline is in "
                "docs/red-flags.md). Recall counts escalations only.\n"
            )
            out.append(det["markdown"])
            speed = det.get("speed_ms", {})
            out.append(
                "\nDetector speed: "
                + ", ".join(f"{k} {v:.2f}" for k, v in speed.items())
                + "\n"
            )

    answers = results.get("answers")
    if answers:
        out += _answers_section(answers)

    if dialogue:
        out.append("## Dialogue\n")
        out.append(
            "`rasa test core --e2e` on `tests/conversations/` (held out: training "
            "reads only `data/`), each bot's model from the cost step. Custom actions "
            "do not run under `rasa test`; the stories write out the slots they set.\n"
        )
        rows = []
        for bot in ("project", "default"):
            data = dialogue["bots"].get(bot)
            if not data:
                continue
            conv, act = data.get("conversations") or {}, data.get("actions") or {}
            rows.append(
                [
                    LABELS[bot],
                    f"{conv.get('correct', '?')} / {conv.get('total', '?')}"
                    + (
                        f" ({conv['correct'] / conv['total']:.1%})"
                        if conv.get("total")
                        else ""
                    ),
                    f"{act.get('correct', '?')} / {act.get('total', '?')}"
                    + (
                        f" ({act['correct'] / act['total']:.1%})"
                        if act.get("total")
                        else ""
                    ),
                    _fmt(data.get("action_weighted_f1")),
                    "; ".join(data.get("failed_stories", [])[:6]) or "none",
                ]
            )
        out.append(
            _table(
                [
                    "bot",
                    "stories correct",
                    "actions correct",
                    "action weighted F1",
                    "failed stories (first 6)",
                ],
                rows,
            )
        )
        out.append("")

    if load:
        out.append("## Speed\n")
        scripts = ", ".join(
            f"{k} ({n} messages, weight {load['weights'][k]})"
            for k, n in load["scripts"].items()
        )
        out.append(
            "`bench/load.py` starts each bot's own action server and Rasa server "
            "(`rasa run actions`; `rasa run` with `endpoints.yml`: the project's "
            "SQLite "
            "tracker store, a fresh file) on free loopback ports, warms up with one "
            "of each conversation, then plays whole conversations over REST "
            "(`/webhooks/rest/webhook`) with a new sender each, at each concurrency "
            f"for {load['seconds_per_level']:.0f} s, closed loop with no think time "
            f"(the load generator runs on the same 2 cores). Conversations: {scripts}. "
            "Errors are failed requests (non-200 or no answer); empty replies "
            "are counted apart.\n"
        )
        rows = []
        for bot in ("project", "default"):
            for lv in load["bots"].get(bot, {}).get("levels", []):
                rows.append(
                    [
                        LABELS[bot],
                        lv["users"],
                        lv["messages"],
                        f"{lv['msg_per_s']:.1f}",
                        f"{lv['p50_ms']:.0f}",
                        f"{lv['p95_ms']:.0f}",
                        f"{lv['p99_ms']:.0f}",
                        lv["errors"],
                        lv["empty_replies"],
                    ]
                )
        out.append(
            _table(
                [
                    "bot",
                    "users",
                    "messages",
                    "msg/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "errors",
                    "empty replies",
                ],
                rows,
            )
        )
        rows = []
        for bot in ("project", "default"):
            for lv in load["bots"].get(bot, {}).get("paced", []) or []:
                rows.append(
                    [
                        LABELS[bot],
                        lv["users"],
                        lv["messages"],
                        f"{lv['msg_per_s']:.1f}",
                        f"{lv['p50_ms']:.0f}",
                        f"{lv['p95_ms']:.0f}",
                        f"{lv['p99_ms']:.0f}",
                        lv["errors"],
                        lv["empty_replies"],
                    ]
                )
        if rows:
            think = load.get("think_s") or [1, 3]
            out.append(
                "\n**Paced**: the same conversations, each user pausing "
                f"{think[0]:.0f}-{think[1]:.0f} s (uniform) after each reply before "
                "sending the next message, for "
                f"{load['seconds_per_level'] * 1.5:.0f} s per level. A person "
                "reading the reply and typing on a phone takes longer, so this is "
                "heavier than real use; the closed-loop table above is the "
                "capacity limit.\n"
            )
            out.append(
                _table(
                    [
                        "bot",
                        "users",
                        "messages",
                        "msg/s",
                        "p50 ms",
                        "p95 ms",
                        "p99 ms",
                        "errors",
                        "empty replies",
                    ],
                    rows,
                )
            )
        for name in ("latency.png", "throughput.png"):
            name = f"quick-{name}" if quick else name
            if name in images:
                out.append(f"\n![{name}](bench/{name})")
        out.append("")

    if cost or load:
        out.append("## Cost\n")
        rows = []
        for bot in ("project", "default"):
            c = (cost or {}).get(bot, {})
            lb = (load or {}).get("bots", {}).get(bot, {})
            mem, idle, st = (
                lb.get("memory_after_load") or {},
                lb.get("memory_idle") or {},
                lb.get("startup") or {},
            )
            rows.append(
                [
                    LABELS[bot],
                    f"{c['scratch_s']:.0f} s" if c.get("scratch_s") else "n/a",
                    f"{c['incremental_s']:.0f} s" if c.get("incremental_s") else "n/a",
                    f"{c['model_mb']:.1f} MB" if c.get("model_mb") else "n/a",
                    f"{idle.get('rasa_rss_mb', 0):.0f} / "
                    f"{mem.get('rasa_rss_mb', 0):.0f}",
                    f"{idle.get('actions_rss_mb', 0):.0f} / "
                    f"{mem.get('actions_rss_mb', 0):.0f}",
                    f"{st.get('rasa_first_answer_s', 0):.1f} s",
                    f"{st.get('actions_startup_s', 0):.1f} s",
                ]
            )
        out.append(
            _table(
                [
                    "bot",
                    "training from scratch",
                    "incremental (one NLU example changed)",
                    "model size",
                    "Rasa server RSS MiB (idle / after load)",
                    "action server RSS MiB (idle / after load)",
                    "Rasa start to first answer",
                    "action server start to /health",
                ],
                rows,
            )
        )
        out.append(
            "\nTraining runs `rasa train` with an emptied training cache "
            '(`RASA_CACHE_DIRECTORY=var/bench/cache`) for "from scratch", then again '
            "with the cache after one NLU example is changed (incremental: the "
            "project bot only; an NLU change retrains the intent classifier and "
            "the FAQ selector, a few seconds; the rest of the time is Rasa's "
            "validation, graph and policy training). "
            "Startup: process start to the first REST answer, "
            "action server already up. RSS from /proc, process and children.\n"
        )

    levers = results.get("levers")
    out.append("## Levers tried\n")
    if LEVERS_NOTES.exists():
        out.append(LEVERS_NOTES.read_text(encoding="utf-8").strip() + "\n")
    if levers:
        rows = []
        for tag, data in levers.items():
            for bot, b in data["bots"].items():
                for lv in b["levels"]:
                    rows.append(
                        [
                            tag,
                            bot,
                            lv["users"],
                            f"{lv['msg_per_s']:.1f}",
                            f"{lv['p50_ms']:.0f}",
                            f"{lv['p95_ms']:.0f}",
                            lv["errors"],
                            f"{b['memory_after_load']['rasa_rss_mb']:.0f}",
                        ]
                    )
        out.append(
            "Lever runs (`python -m bench.load --tag ...`, separate from the "
            "main run, same machine):\n"
        )
        out.append(
            _table(
                [
                    "lever",
                    "bot",
                    "users",
                    "msg/s",
                    "p50 ms",
                    "p95 ms",
                    "errors",
                    "Rasa RSS MiB",
                ],
                rows,
            )
        )
    return "\n".join(out) + "\n"


def _answers_section(answers: Dict[str, Any]) -> List[str]:
    """Screening answers and crisis messages on the assistant's own path."""
    from bench import answers as bench_answers

    out = [
        "### Warning-sign answers and crisis messages, as the assistant reads them\n"
    ]
    out.append(
        "From `bench/answers.py` (`python -m bench.answers --verbose` lists every "
        "miss). The cross-validation above scores the classifier alone; on these "
        "two paths the rules read first (`sciatica.answers` for yes / no / not "
        "sure, `sciatica.crisis` for crisis support) and the classifier, trained "
        "on all of data/nlu, only fills in. On the assistant's path a screening "
        "answer meets the red-flag detector first: a sign present in it is "
        "escalated, one uncertain or asked about is asked again, and one the "
        "assistant does not act on (negated, someone else's, over) leaves the "
        "answer to the rules (since 2026-12-07; before, any finding counted as "
        "asked again). The sets were written by helpers who "
        "had not seen the rules (tests/data/answers_blind*.yml, "
        "crisis_blind*.yml). Outcomes of an answer: read as meant, asked again, "
        "safer (“not sure” taken as “yes”, “no” as a warning), weaker (“yes” "
        "taken as “not sure”: a doctor today instead of the emergency line, after "
        "the question is asked once more), benign (“yes” or “not sure” taken as "
        "“no”: the miss).\n"
    )
    out += bench_answers.tables(answers)
    first = bench_answers.first_look()
    if first:
        out.append(
            "\nEach set **the first time it was scored**, before any rule was "
            "changed because of it (`bench/first_look.yml`); the tables above are "
            "the sets now, and the rules have since been tuned on every set but "
            "the newest, so only the newest set's figures measure wordings the "
            "rules were not written for:\n"
        )
        out.append(
            _table(
                [
                    "set",
                    "rules",
                    "crisis messages caught",
                    "false alarms",
                    "“yes” read as “no”",
                    "“yes” read as “not sure”",
                    "“not sure” read as “no”",
                ],
                [
                    [
                        f["set"],
                        f["rules"],
                        f"{f['crisis_caught']} of {f['crisis_total']}",
                        f"{f['false_alarms']} of {f['not_crisis_total']}",
                        f["yes_read_as_no"],
                        f["yes_read_as_unsure"],
                        f["unsure_read_as_no"],
                    ]
                    for f in first
                ],
            )
        )
        out += [f"\n{f['set']}: {f['note']}" for f in first if f.get("note")]
    out.append("")
    return out


def main(argv: List[str] | None = None) -> Path:
    """Writes the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or (
        ROOT / "var" / "bench" / "quick" / "benchmarks.md"
        if args.quick
        else ROOT / "docs" / "benchmarks.md"
    )
    results = load_results()
    image_dir = out.parent / "bench"
    images = plots(results, image_dir, args.quick)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(results, args.quick, images), encoding="utf-8")
    print(f"Written to {out} (plots in {image_dir})")
    return out


if __name__ == "__main__":
    main()
