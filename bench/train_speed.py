"""Training throughput (real tokens per second) of a training config in 1 and N processes.

Runs ``hasila train`` for ``--steps`` optimizer steps into a temporary
models/runs folder (the tokenizer and dataset caches are reused), with the dev
evaluation only after the last step, once per process count in
``--processes`` (default ``1,2``): one process as ``python -m hasila train``,
N processes data-parallel as ``accelerate launch --multi_gpu --num_processes N
-m hasila train`` (on a machine without GPUs these are CPU processes talking
over gloo; every process trains on its share of each batch of
``training.batch_size`` windows, so the optimisation is the same). Torch
threads: the usable cores shared by the processes.

Figures come from the run's ``metrics.json``: ``step_tokens_per_second`` (the
real, non-padding tokens of all processes over the time spent in optimizer
steps: no start-up, evaluation or checkpoints) and ``train_tokens_per_second``
(over the whole training phase, the final evaluation included), plus the wall
time of the command. Each process count is run ``--repeat`` times (default 3),
the counts taking turns so a change in the machine's load hits them alike;
the figures are the medians, the samples are kept. With ``--fp32`` (on by
default) a one-process run is repeated with ``training.bf16=false`` when the
configured run used bf16.

Usage: ``python bench/train_speed.py [--config configs/default.yaml] [--steps 40]
[--processes 1,2] [--repeat 3] [--out bench/results/train_speed.json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch_command(processes: int) -> list[str]:
    """The command that starts ``hasila train`` in ``processes`` processes."""
    if processes == 1:
        return [sys.executable, "-m", "hasila", "train"]
    return [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes",
            str(processes), "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
            "--main_process_port", str(_free_port()), "-m", "hasila", "train"]


def measure(config: str, steps: int, processes: int, overrides: list[str]) -> dict[str, Any]:
    """One shortened training run in ``processes`` processes; its throughput figures."""
    with tempfile.TemporaryDirectory(prefix="hasila-train-speed-") as tmp:
        sets = [f"models_dir={tmp}/models", f"runs_dir={tmp}/training", f"training.max_steps={steps}",
                f"training.eval_every={steps}", f"training.save_every={steps}",
                "training.time_budget_minutes=0", "training.min_select_f1=0", "training.min_loss_drop=0",
                *overrides]
        cmd = [*launch_command(processes), "--config", config, *[x for s in sets for x in ("--set", s)]]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:8])} …: exit {done.returncode}\n{done.stderr[-2000:]}")
        name = next((Path(tmp) / "models").iterdir())
        metrics = json.loads((name / "metrics.json").read_text(encoding="utf-8"))
    return {
        "processes": metrics["world_size"],
        "threads_per_process": metrics["threads"],
        "steps": metrics["steps"],
        "bf16": metrics["bf16"],
        "step_tokens_per_s": metrics["step_tokens_per_second"],
        "train_tokens_per_s": metrics["train_tokens_per_second"],
        "process_tokens": metrics["process_tokens"],
        "wall_seconds": round(wall, 1),
    }


def median_run(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """The sample with the median steps throughput, with every sample's figure beside it."""
    ordered = sorted(samples, key=lambda r: r["step_tokens_per_s"])
    return {**ordered[(len(ordered) - 1) // 2],
            "step_tokens_per_s_samples": [r["step_tokens_per_s"] for r in samples]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--steps", type=int, default=40, help="optimizer steps per run (default 40)")
    parser.add_argument("--processes", default="1,2", help="process counts to measure (default 1,2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per process count (default 3)")
    parser.add_argument("--no-fp32", dest="fp32", action="store_false",
                        help="skip the one-process run with training.bf16=false")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "train_speed.json"))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    from hasila.fileio import write_json

    counts = [int(x) for x in args.processes.split(",") if x.strip()]
    samples: dict[str, list[dict[str, Any]]] = {}
    for _ in range(max(args.repeat, 1)):
        for n in counts:
            name = f"{n} process" + ("es" if n > 1 else "")
            samples.setdefault(name, []).append(measure(args.config, args.steps, n, args.overrides))
            print(f"{name}: {samples[name][-1]['step_tokens_per_s']} tokens/s", file=sys.stderr)
    if args.fp32 and counts[0] == 1 and samples["1 process"][0]["bf16"]:
        samples["1 process, fp32"] = [measure(args.config, args.steps, 1,
                                              [*args.overrides, "training.bf16=false"])]
    runs = {name: median_run(found) for name, found in samples.items()}
    base = next(iter(runs.values()))["step_tokens_per_s"]
    columns = ["run", "processes × threads", "bf16", "tokens/s (steps)", "× 1 process",
               "tokens/s (with final eval)", "wall s"]
    rows = [[name, f"{r['processes']} × {r['threads_per_process']}", r["bf16"], r["step_tokens_per_s"],
             round(r["step_tokens_per_s"] / base, 2) if base else None, r["train_tokens_per_s"],
             r["wall_seconds"]] for name, r in runs.items()]
    result = {"bench": "train_speed", "date": time.strftime("%Y-%m-%d %H:%M:%S"),
              "config": args.config, "steps": args.steps, "repeat": args.repeat, "cores": os.cpu_count(),
              "loadavg_after": [round(x, 2) for x in os.getloadavg()], "runs": runs,
              "tables": [{"title": f"training throughput of {args.config} ({args.steps} steps), "
                                   f"1 vs N data-parallel processes, median of {args.repeat}",
                          "columns": columns, "rows": rows}],
              "samples": samples}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_json(out, result)
    print(f"written {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
