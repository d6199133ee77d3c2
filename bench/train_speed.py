"""Training throughput (real tokens per second) of a training config, by default configs/default.yaml.

Runs :func:`hasila.train.train` for ``--steps`` optimizer steps into a
temporary models/runs folder (the tokenizer and dataset caches under
``.cache/`` are reused), with the dev evaluation only after the last step.
Every step is timed through ``on_step``; the real (non-padding) tokens of
every batch are counted by wrapping :func:`hasila.train.collate`. Throughput is
the tokens of steps 2 … N-1 over their wall time, so the first step's warm-up
and the final evaluation are left out; the per-step figures give the spread.
The run is made as configured (bf16 autocast where the CPU computes bf16) and,
with ``--fp32`` (on by default), again with ``training.bf16=false``.

Usage: ``python bench/train_speed.py [--config configs/default.yaml] [--steps 40]
[--out bench/results/train_speed.json]``.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def measure(config: str, steps: int, overrides: list[str]) -> dict[str, Any]:
    """One shortened training run; its steady-state tokens/s and per-step figures."""
    import hasila.train as train_mod

    batch_tokens: list[int] = []
    stamps: list[float] = []
    real_collate = train_mod.collate

    def counting_collate(rows: Any, pad_id: int) -> Any:
        batch = real_collate(rows, pad_id)
        batch_tokens.append(int(batch["attention_mask"].sum()))
        return batch

    with tempfile.TemporaryDirectory(prefix="hasila-train-speed-") as tmp:
        cfg = train_mod.load_train_config(config, [
            f"models_dir={tmp}/models", f"runs_dir={tmp}/training",
            f"training.max_steps={steps}", f"training.eval_every={steps}",
            f"training.save_every={steps}", "training.time_budget_minutes=0", *overrides])
        train_mod.collate = counting_collate
        try:
            start = time.perf_counter()
            result = train_mod.train(cfg, on_step=lambda step: stamps.append(time.perf_counter()))
            wall = time.perf_counter() - start
        finally:
            train_mod.collate = real_collate
    if len(stamps) < 3:
        raise SystemExit(f"only {len(stamps)} step(s) ran: need at least 3 (use --steps)")
    # step k (1-based) ends at stamps[k-1]; steps 2..N-1 run between stamps[0] and stamps[-2]
    steady_tokens = sum(batch_tokens[1:len(stamps) - 1])
    steady_seconds = stamps[-2] - stamps[0]
    per_step = [batch_tokens[k] / (stamps[k] - stamps[k - 1]) for k in range(1, len(stamps) - 1)]
    return {
        "steps": len(stamps),
        "batch_size": cfg.training.batch_size,
        "max_length": cfg.training.max_length,
        "bf16": result.metrics.get("bf16"),
        "threads": result.metrics.get("threads"),
        "tokens_per_s": round(steady_tokens / steady_seconds, 1),
        "per_step_tokens_per_s_median": round(statistics.median(per_step), 1),
        "per_step_tokens_per_s_min": round(min(per_step), 1),
        "per_step_tokens_per_s_max": round(max(per_step), 1),
        "seconds_per_step": round(steady_seconds / max(len(stamps) - 2, 1), 3),
        "tokens_per_step_mean": round(statistics.mean(batch_tokens[:len(stamps)]), 1),
        "trainer_reported_tokens_per_s": round(result.tokens_per_second, 1),
        "wall_seconds": round(wall, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--steps", type=int, default=40, help="optimizer steps per run (default 40)")
    parser.add_argument("--no-fp32", dest="fp32", action="store_false",
                        help="skip the second run with training.bf16=false")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "train_speed.json"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    os.chdir(ROOT)
    from hasila.fileio import write_json

    runs = {"as configured": measure(args.config, args.steps, args.overrides)}
    print(f"as configured: {runs['as configured']['tokens_per_s']} tokens/s", file=sys.stderr)
    if args.fp32 and runs["as configured"]["bf16"]:
        runs["fp32"] = measure(args.config, args.steps, [*args.overrides, "training.bf16=false"])
        print(f"fp32: {runs['fp32']['tokens_per_s']} tokens/s", file=sys.stderr)
    columns = ["run", "bf16", "threads", "batch", "max_length", "tokens/s", "per-step median",
               "per-step min–max", "s/step"]
    rows = [[name, r["bf16"], r["threads"], r["batch_size"], r["max_length"], r["tokens_per_s"],
             r["per_step_tokens_per_s_median"],
             f"{r['per_step_tokens_per_s_min']}–{r['per_step_tokens_per_s_max']}",
             r["seconds_per_step"]] for name, r in runs.items()]
    result = {"bench": "train_speed", "date": time.strftime("%Y-%m-%d %H:%M:%S"),
              "config": args.config, "loadavg_after": [round(x, 2) for x in os.getloadavg()],
              "runs": runs,
              "tables": [{"title": f"training throughput of {args.config} ({args.steps} steps)",
                          "columns": columns, "rows": rows}]}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_json(out, result)
    print(f"written {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
