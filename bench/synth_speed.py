"""Speed of the synthetic report generator (``hasila synth``).

    .venv/bin/python bench/synth_speed.py [--n 10000] [--seed 1] [--reps 3]

Times, for ``--n`` reports (median of ``--reps`` runs): generation alone
(:func:`hasila.synth.generator.generate`), and generation plus writing through
:func:`hasila.synth.generator.write_docs` to a Label Studio export (``.json``, one list)
and to JSON Lines (``.jsonl``, a task per line), in a temporary folder. Prints
reports/s and total seconds for each. The target is 10,000 reports in under
60 s on the project machine (2 CPU cores).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hasila.synth.generator import generate, iter_generate, load_synth_config, write_docs


def timed(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    cfg = load_synth_config()
    generate(10, args.seed, cfg)  # load the gazetteer and actors once, outside the timings
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(("generate", timed(lambda: generate(args.n, args.seed, cfg), args.reps)))
        for suffix in (".jsonl", ".json"):
            out = Path(tmp) / f"synth{suffix}"
            secs = timed(lambda out=out: write_docs(out, iter_generate(args.n, args.seed, cfg)), args.reps)
            size = out.stat().st_size / 1e6
            rows.append((f"generate + write {suffix} ({size:.0f} MB)", secs))
    print(f"{args.n} reports, seed {args.seed}, median of {args.reps}")
    print(f"{'what':<34} {'seconds':>8} {'reports/s':>10}")
    for name, secs in rows:
        print(f"{name:<34} {secs:8.2f} {args.n / secs:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
