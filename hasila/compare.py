"""Two evaluation runs side by side: ``hasila evaluate --compare eval/a eval/b``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hasila.errors import UserError
from hasila.fileio import read_json
from hasila.report import HEADLINE_HEADER, headline_rows


def load_metrics(run_dir: str | Path) -> dict[str, Any]:
    path = Path(run_dir) / "metrics.json"
    if not path.exists():
        raise UserError(f"{path}: not found (is {run_dir} an evaluation output folder?)")
    return read_json(path)


def _num(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def compare_table(a: dict[str, Any], b: dict[str, Any], name_a: str, name_b: str) -> str:
    """A Markdown table: each figure of A, of B and B − A, for every (gold set, system) in both."""
    rows_a = {(r[0], r[1]): r for r in headline_rows(a)}
    rows_b = {(r[0], r[1]): r for r in headline_rows(b)}
    figures = HEADLINE_HEADER[3:]
    header = ["gold set", "system", "figure", name_a, name_b, "Δ (B − A)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    keys = [k for k in rows_a if k in rows_b]
    for key in keys:
        ra, rb = rows_a[key], rows_b[key]
        for i, fig in enumerate(figures, start=3):
            va, vb = _num(ra[i]), _num(rb[i])
            delta = f"{vb - va:+.1f}" if va is not None and vb is not None else "—"
            lines.append(f"| {key[0]} | {key[1]} | {fig} | {ra[i]} | {rb[i]} | {delta} |")
    only = sorted(set(rows_a) ^ set(rows_b))
    if only:
        lines.append("")
        lines.append("In one run only: " + ", ".join(f"{s}/{y}" for s, y in only))
    return "\n".join(lines) + "\n"


def compare_runs(dir_a: str | Path, dir_b: str | Path) -> str:
    a, b = load_metrics(dir_a), load_metrics(dir_b)
    head = f"# Comparison\n\n- A: `{dir_a}` ({a['meta'].get('model', '—')})\n- B: `{dir_b}` ({b['meta'].get('model', '—')})\n\n"
    return head + compare_table(a, b, "A", "B")
