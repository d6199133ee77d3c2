"""``hasila evaluate``: scores on gold files, written as metrics.json, report.md, report.html."""

from __future__ import annotations

import argparse

from hasila.errors import UserError
from hasila.fileio import atomic_open


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="evaluate a model (and the rules baseline) on gold files",
                       description="Strict seqeval, nervaluate partial match, casualty-record accuracy, "
                                   "error list and charts, written to --output.")
    p.add_argument("--model", help="model folder (from hasila train)")
    p.add_argument("--gold", nargs="+", default=[], help="Label Studio export(s) with gold annotations")
    p.add_argument("--output", help="report folder, e.g. eval/default")
    p.add_argument("--baseline", choices=["rules"], help="also score the rules baseline side by side")
    p.add_argument("--no-gold-spans", action="store_true",
                   help="skip the 'linker on gold spans' system")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--compare", nargs=2, metavar=("RUN_A", "RUN_B"),
                   help="show two evaluation folders side by side instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.compare:
        from hasila.compare import compare_runs

        text = compare_runs(*args.compare)
        if args.output:
            with atomic_open(args.output) as fh:
                fh.write(text)
        print(text)
        return 0
    if not args.gold or not args.output:
        raise UserError("--gold FILE… and --output DIR are required (or use --compare A B)")
    from hasila.evaluate import run_evaluate
    from hasila.report import HEADLINE_HEADER, headline_rows

    metrics = run_evaluate(args.model, args.gold, args.output, baseline=args.baseline,
                           batch_size=args.batch_size, with_gold_spans=not args.no_gold_spans)
    print(" | ".join(HEADLINE_HEADER))
    for row in headline_rows(metrics):
        print(" | ".join(row))
    print(f"report: {args.output}/report.html")
    return 0
