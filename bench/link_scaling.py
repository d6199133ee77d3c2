"""How the rules tagger + linker scale with the number of counts in one report.

    PYTHONPATH=$PWD python bench/link_scaling.py [--counts 2000 4000 8000] [--repeat 3]

Builds one long made-up report by repeating a paragraph (four casualty counts,
a date and a year each), times ``RulesTagger.label`` and ``link`` separately,
and prints wall and CPU seconds (CPU time of this process: other jobs on the
machine do not count) with their ratio to the smallest size. A short report is
tagged and linked first, untimed (lists and caches load once), and each size
keeps the fastest of ``--repeat`` runs, so the ratio is not one noisy run's. The
target of issue 13: 8,000 counts in at most 6x the time of 2,000 (linear time).
"""

from __future__ import annotations

import argparse
import gc
import json
import time

from hasila.link import LinkConfig, link, load_link_config
from hasila.rules.tagger import RulesTagger

PARAGRAPH = ("قتل 12 مدنيا بينهم 3 أطفال وسيدتان في قصف جوي على بلدة كفرنبل في 14 أيار 2019، "
             "وأصيب 20 عنصرا من قوات النظام في اشتباكات مع الفصائل.\n")
COUNTS_PER_PARAGRAPH = 4


def report(counts: int) -> str:
    return PARAGRAPH * max(1, counts // COUNTS_PER_PARAGRAPH)


def timed(rules: RulesTagger, cfg: LinkConfig, text: str, n: int) -> dict[str, float]:
    """Wall and CPU seconds of tagging and linking ``text`` once (the garbage of earlier runs
    collected first, so it is not charged to this one)."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    doc = rules.label(text)
    t1, c1 = time.perf_counter(), time.process_time()
    res = link(text, doc.spans, rules.ontology, cfg)
    t2, c2 = time.perf_counter(), time.process_time()
    return {"counts": n, "records": len(res.records), "chars": len(text),
            "tag_s": round(t1 - t0, 2), "link_s": round(t2 - t1, 2), "total_s": round(t2 - t0, 2),
            "tag_cpu_s": round(c1 - c0, 2), "link_cpu_s": round(c2 - c1, 2), "total_cpu_s": round(c2 - c0, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", type=int, nargs="+", default=[2000, 4000, 8000])
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest is kept")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args()
    rules = RulesTagger.load()
    cfg = load_link_config()
    warm = report(COUNTS_PER_PARAGRAPH * 10)
    link(warm, rules.label(warm).spans, rules.ontology, cfg)
    rows = []
    for n in args.counts:
        text = report(n)
        rows.append(min((timed(rules, cfg, text, n) for _ in range(args.repeat)), key=lambda r: r["total_cpu_s"]))
        base, base_cpu = rows[0]["total_s"] or 1e-9, rows[0]["total_cpu_s"] or 1e-9
        r = rows[-1]
        print(f"{n:>7} counts {r['records']:>7} records  tag {r['tag_s']:7.2f}s  link {r['link_s']:7.2f}s"
              f"  total {r['total_s']:7.2f}s  x{r['total_s'] / base:5.2f}"
              f"  | CPU {r['total_cpu_s']:7.2f}s  x{r['total_cpu_s'] / base_cpu:5.2f}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
