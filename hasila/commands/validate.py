"""``hasila validate FILE... [--predictions]``: check Label Studio exports against scheme v1."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from hasila.annotation.lsio import ReadResult, label_counts, read_export
from hasila.schema import LABELS, RELATIONS

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check Label Studio JSON exports against annotation scheme v1",
                       description="Read Label Studio exports and report tasks, spans, relations "
                                   "and every problem. Exit code 1 when any task is invalid.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="Label Studio JSON export")
    p.add_argument("--predictions", action="store_true",
                   help="read the first prediction of each task instead of the first annotation")
    p.set_defaults(func=run)


def summary(path: str | Path, res: ReadResult) -> list[str]:
    """The report lines for one export."""
    spans, rels = label_counts(res.docs)
    lines = [f"{path}: {res.tasks} tasks, {len(res.docs)} valid, {len(res.invalid_tasks)} invalid"]
    lines.append("  spans: " + ", ".join(f"{lab} {spans.get(lab, 0)}" for lab in LABELS))
    lines.append("  relations: " + ", ".join(f"{rel} {rels.get(rel, 0)}" for rel in RELATIONS))
    lines += [f"  error: {e}" for e in res.errors]
    return lines


def validate_files(files: list[Path], source: str = "annotations") -> tuple[list[str], int]:
    """Report lines for every file and the number of errors found."""
    lines: list[str] = []
    n_errors = 0
    for path in files:
        res = read_export(path, source=source)  # type: ignore[arg-type]
        lines += summary(path, res)
        n_errors += len(res.errors)
    return lines, n_errors


def run(args: argparse.Namespace) -> int:
    lines, n_errors = validate_files(args.files, "predictions" if args.predictions else "annotations")
    print("\n".join(lines))
    return 1 if n_errors else 0
