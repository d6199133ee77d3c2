"""``hasila evaluate``: scores on gold files, written as metrics.json, report.md, report.html."""

from __future__ import annotations

import argparse
import sys

from hasila.errors import UserError
from hasila.fileio import atomic_open

USAGE = ("hasila evaluate --gold FILE [FILE ...] --output DIR [--model DIR] [--baseline rules] "
         "[--no-gold-spans] [--batch-size N]\n"
         "       hasila evaluate --compare RUN_A RUN_B [--output FILE.md]")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", help="evaluate a model (and the rules baseline) on gold files", usage=USAGE,
        description="Score a model (--model), the rules baseline (--baseline rules) and the "
                    "post-processor on gold spans against gold Label Studio exports: strict seqeval "
                    "and nervaluate partial match, casualty-record P/R/F1, attribute accuracy, the "
                    "count/non-count decision, errors and charts. Writes metrics.json, report.md and "
                    "report.html into --output DIR. With --compare RUN_A RUN_B: two such folders "
                    "side by side, printed and written to --output FILE.md (default: "
                    "compare_<A>_vs_<B>.md beside the two folders).")
    p.add_argument("--model", metavar="DIR", help="model folder (from hasila train)")
    p.add_argument("--gold", nargs="+", default=[], metavar="FILE",
                   help="Label Studio export(s) with gold annotations (required unless --compare)")
    p.add_argument("--output", metavar="DIR",
                   help="report folder, e.g. eval/default (required unless --compare; with "
                        "--compare: the comparison file)")
    p.add_argument("--baseline", choices=["rules"], help="also score the rules baseline side by side")
    p.add_argument("--no-gold-spans", action="store_true",
                   help="skip the 'linker on gold spans' system")
    p.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="windows per model batch (default 16)")
    p.add_argument("--compare", nargs=2, metavar=("RUN_A", "RUN_B"),
                   help="show two evaluation folders side by side instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.compare:
        from hasila.evaluation.compare import compare_output, compare_runs

        text = compare_runs(*args.compare)
        target = compare_output(args.compare[0], args.compare[1], args.output)
        with atomic_open(target) as fh:
            fh.write(text)
        print(text)
        print(f"comparison written to {target}")
        return 0
    if not args.gold or not args.output:
        raise UserError("--gold FILE… and --output DIR are required (or use --compare A B)")
    from hasila.apps.predict import ontology_note
    from hasila.evaluation.evaluate import run_evaluate
    from hasila.evaluation.report import HEADLINE_HEADER, conclusions, headline_rows

    if (note := ontology_note(args.model)) is not None:
        print(f"hasila evaluate: note: {note}", file=sys.stderr)

    metrics = run_evaluate(args.model, args.gold, args.output, baseline=args.baseline,
                           batch_size=args.batch_size, with_gold_spans=not args.no_gold_spans)
    print(" | ".join(HEADLINE_HEADER))
    for row in headline_rows(metrics):
        print(" | ".join(row))
    for line in conclusions(metrics):
        print(line)
    print(f"report: {args.output}/report.html (and report.md, metrics.json)")
    return 0
