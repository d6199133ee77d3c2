"""``hasila toll``: the casualty toll across reports (events, governorates, tables, a page)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "toll", help="the toll across reports: events per district and day, tables and a page",
        description="Reads hasila predict output (JSON Lines with meta.date and meta.source), "
                    "puts every casualty record in its district and governorate, merges reports "
                    "of the same event (reprints collapse, updates replace, subsets and running "
                    "totals are not added) and writes toll.csv, summary.csv, cumulative.csv, "
                    "unresolved.csv, events.jsonl and toll.html into the output folder.")
    p.add_argument("--input", required=True, nargs="+", metavar="PREDICTIONS.jsonl",
                   help="hasila predict output (JSON Lines), one or more")
    p.add_argument("--output", required=True, metavar="DIR", help="output folder")
    p.add_argument("--by", default="week", choices=("day", "week", "month"),
                   help="period of summary.csv and the charts (default week; weeks start Monday)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day kept")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day kept")
    p.add_argument("--reports", nargs="+", metavar="FILE",
                   help="the reports predicted (JSON Lines or .txt, as given to predict): their "
                        "text gives each record's sentence and the update/running-total cues")
    p.add_argument("--status", default=None, metavar="LIST",
                   help="statuses kept, comma-separated (default: killed,injured,detained,abducted,"
                        "missing; 'other' counts people who are not casualties)")
    p.add_argument("--gazetteer", metavar="TSV", default=None,
                   help="administrative units (default data/gazetteer/admin.tsv)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.apps.toll.admin import AdminGazetteer
    from hasila.apps.toll.records import parse_day
    from hasila.apps.toll.run import CASUALTY_STATUSES, run_toll

    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    admin = AdminGazetteer.load(args.gazetteer) if args.gazetteer else None
    summary = run_toll(args.input, args.output, by=args.by, start=start, end=end,
                       reports=args.reports, admin=admin,
                       statuses=tuple(s.strip() for s in args.status.split(",") if s.strip())
                       if args.status is not None else CASUALTY_STATUSES,
                       progress=not args.no_progress)
    for entry in summary.bad:
        print(f"hasila toll: skipped {entry}", file=sys.stderr)
    print(summary.describe(), file=sys.stderr)
    return 1 if summary.bad else 0
