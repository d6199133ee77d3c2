"""``hasila gold build``: marked-up reports -> data/reports/*.txt + annotations/gold/<split>.json."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from hasila.annotation.gold import build_gold, format_report

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gold", help="build the gold set from marked-up reports",
                       description="The team's gold set: hasila gold build turns the marked-up "
                                   "reports into raw texts and Label Studio exports per split.")
    gsub = p.add_subparsers(dest="gold_command", metavar="ACTION", required=True)
    b = gsub.add_parser("build", help="validate annotations/markup/*.txt and write the gold exports",
                        description="Read every marked-up report, validate it against scheme v1, "
                                    "write the raw texts and one Label Studio export per split. "
                                    "Exit code 1 when a report is invalid.")
    b.add_argument("--markup", type=Path, default=Path("annotations/markup"), help="marked-up reports folder")
    b.add_argument("--splits", type=Path, default=Path("data/splits.json"), help="split file")
    b.add_argument("--reports-dir", type=Path, default=Path("data/reports"), help="where raw texts go")
    b.add_argument("--gold-dir", type=Path, default=Path("annotations/gold"), help="where exports go")
    b.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    report = build_gold(args.markup, args.splits, args.reports_dir, args.gold_dir)
    print(format_report(report))
    return 1 if report.invalid else 0
