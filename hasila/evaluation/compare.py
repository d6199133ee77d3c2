"""Two evaluation runs side by side: ``hasila evaluate --compare eval/a eval/b``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hasila.errors import UserError
from hasila.evaluation.report import HEADLINE_HEADER, headline_rows
from hasila.fileio import read_json


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
    header = ["gold set", "system", "figure", name_a, name_b, f"Δ ({name_b} − {name_a})"]
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


def run_name(run_dir: str | Path) -> str:
    """A run's short name: its folder name (``eval/best-cpu`` -> ``best-cpu``)."""
    path = Path(run_dir)
    return path.resolve().name or str(path)


def compare_output(dir_a: str | Path, dir_b: str | Path, output: str | Path | None = None) -> Path:
    """Where the comparison goes: ``output``, else ``compare_<A>_vs_<B>.md`` beside run A."""
    if output is not None:
        return Path(output)
    return Path(dir_a).parent / f"compare_{run_name(dir_a)}_vs_{run_name(dir_b)}.md"


def compare_runs(dir_a: str | Path, dir_b: str | Path) -> str:
    """The Markdown comparison of two evaluation folders, columns named after the runs."""
    a, b = load_metrics(dir_a), load_metrics(dir_b)
    name_a, name_b = run_name(dir_a), run_name(dir_b)
    if name_a == name_b:
        name_a, name_b = f"{name_a} (A)", f"{name_b} (B)"
    head = (f"# Comparison: {name_a} vs {name_b}\n\n"
            f"- {name_a}: `{dir_a}` (model {a['meta'].get('model', '—')}, {a['meta'].get('date', '—')})\n"
            f"- {name_b}: `{dir_b}` (model {b['meta'].get('model', '—')}, {b['meta'].get('date', '—')})\n\n"
            "Figures in percent; the last column is the second run minus the first.\n\n")
    return head + compare_table(a, b, name_a, name_b)
