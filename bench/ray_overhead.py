"""Reports/s of ``hasila predict --engine ray`` against ``--engine local`` on the same reports.

Every variant is one ``python -m hasila predict`` command in a fresh process, on
the same reports (``--n``, default 300: the seeded sample of
``predict_speed.load_texts`` from ``../shared/corpora``; the benchmark is
skipped without it), with ``models/default`` when it exists, else ``--rules``;
post-processor on, JSON Lines out. Variants:

* ``local``: one process (the default threads);
* ``local, 2 workers``: ``--workers 2`` (hasila's own process pool);
* ``ray, 1 actor`` and ``ray, 2 actors``: ``--engine ray --concurrency N``, on
  the local Ray the command starts (N CPUs, one per actor).

Figures, median of ``--reps`` repetitions (variants interleaved, so drifting
machine load hits all alike): ``wall s``, the whole command from interpreter
start to exit (Ray start-up, actor start-up and model loading included: what a
user waits for); ``reports/s`` = reports / wall; ``run s``, the time hasila
reports itself (first line read to last line written: for ray the actors'
start-up and model loading are inside, Ray's own start is not); ``× local``,
wall time relative to ``local``. Each variant's output must be byte-identical
to ``local``'s (``identical``).

Usage: ``python bench/ray_overhead.py [--n 300] [--reps 3] [--model DIR]
[--out bench/results/ray_overhead.json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from predict_speed import load_texts  # noqa: E402  (the same 300 reports as the speed benchmark)

VARIANTS = {
    "local": [],
    "local, 2 workers": ["--workers", "2"],
    "ray, 1 actor": ["--engine", "ray", "--concurrency", "1"],
    "ray, 2 actors": ["--engine", "ray", "--concurrency", "2"],
}
RUN_TIME = re.compile(r"wrote (\d+) report\(s\).* in ([0-9.]+) s")


def run_variant(args: list[str], source: list[str], reports: Path, out: Path) -> dict[str, Any]:
    """One timed command: wall seconds, hasila's own run seconds, reports written."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("RAY_ADDRESS", None)  # always the local Ray the command starts
    cmd = [sys.executable, "-m", "hasila", "predict", *source, "--input", str(reports),
           "--output", str(out), "--no-progress", *args]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    found = RUN_TIME.findall(proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    written, seconds = found[-1]
    return {"wall": wall, "run": float(seconds), "written": int(written)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--model", default="models/default",
                        help="model folder; the rules when it does not exist")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "ray_overhead.json"))
    args = parser.parse_args()

    from hasila.fileio import atomic_open, shared_dir

    shared = shared_dir()
    if shared is None or not (shared / "corpora").is_dir():
        print(json.dumps({"bench": "ray_overhead", "skipped": "../shared/corpora is absent"}))
        return
    texts, where = load_texts(args.n, args.seed)
    model = ROOT / args.model
    source = ["--model", str(model)] if (model / "config.json").is_file() else ["--rules"]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in VARIANTS}
    identical: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="hasila-ray-bench-") as tmp:
        reports = Path(tmp) / "reports.jsonl"
        with reports.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": f"b{i}", "text": text}, ensure_ascii=False) + "\n")
        for rep in range(max(1, args.reps)):
            for name, extra in VARIANTS.items():
                out = Path(tmp) / f"{name.replace(' ', '_').replace(',', '')}.jsonl"
                results[name].append(run_variant(extra, source, reports, out))
                print(f"rep {rep + 1} {name}: {results[name][-1]}", file=sys.stderr)
        expected = (Path(tmp) / "local.jsonl").read_bytes()
        for name in VARIANTS:
            out = Path(tmp) / f"{name.replace(' ', '_').replace(',', '')}.jsonl"
            identical[name] = out.read_bytes() == expected

    local_wall = statistics.median(r["wall"] for r in results["local"])
    rows = []
    for name, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        run = statistics.median(r["run"] for r in runs)
        rows.append([name, round(wall, 1), round(len(texts) / wall, 1), round(run, 1),
                     round(len(texts) / run, 1), round(wall / local_wall, 2), identical[name]])
    result = {
        "bench": "ray_overhead",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} CPU cores, shared with other jobs (1-min load at the end: "
                   f"{os.getloadavg()[0]:.1f})",
        "reports": f"{len(texts)} from {where}",
        "tagger": " ".join(source).replace(str(ROOT) + "/", ""),
        "reps": args.reps,
        "tables": [{
            "title": "hasila predict --engine ray vs --engine local, same reports "
                     "(median of the repetitions; post-processor on)",
            "columns": ["variant", "wall s", "reports/s (wall)", "run s", "reports/s (run)",
                        "× local wall", "identical"],
            "rows": rows}],
        "notes": ["wall: the whole command, Ray start-up and model loading included; run: "
                  "hasila's own timer (reading to last line written; for ray, actor start-up "
                  "inside).",
                  "Reproduce: nice -n 10 python bench/ray_overhead.py"],
    }
    out_path = Path(args.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(out_path) as fh:
        fh.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
