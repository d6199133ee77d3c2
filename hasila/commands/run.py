"""``hasila run``: train → predict → evaluate in one command (the README's main job)."""

from __future__ import annotations

import argparse

from hasila.commands import add_config_args
from hasila.evaluation.report import HEADLINE_HEADER


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="train, predict the gold test reports, and write the evaluation report",
                       description="The whole loop of `make demo`: train the config's model into "
                                   "models/<name>, predict the gold test reports into "
                                   "eval/<name>/predictions.jsonl, and evaluate them (beside the "
                                   "rules baseline) into eval/<name>/ (report.html, report.md, "
                                   "metrics.json).")
    add_config_args(p, "configs/default.yaml", "training config (YAML)", "training.max_steps=100")
    p.add_argument("--skip-train", action="store_true", help="reuse the model already in models/<name>")
    p.add_argument("--no-baseline", action="store_true", help="do not score the rules baseline")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.apps.pipeline import run_pipeline

    res = run_pipeline(args.config, args.overrides, skip_train=args.skip_train,
                       baseline=not args.no_baseline)
    print()
    print(" | ".join(HEADLINE_HEADER))
    for row in res.headline:
        print(" | ".join(row))
    times = ", ".join(f"{k} {v / 60:.1f} min" for k, v in res.seconds.items())
    print(f"\nmodel: {res.model_dir}\npredictions: {res.predictions}\n"
          f"report: {res.eval_dir}/report.html (and report.md, metrics.json)\ntime: {times}")
    return 0
