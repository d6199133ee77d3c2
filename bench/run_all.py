"""``make bench``: run every benchmark script in bench/ and write bench/results/.

Each ``bench/NAME.py`` (not this file, not ``_*.py``) is run from the project
root as ``python bench/NAME.py --out bench/results/NAME.json`` (the path is
also in the environment as ``HASILA_BENCH_OUT``). A script that does not take
``--out`` is run again without it, and the last line of its standard output
that is a JSON object becomes its result; failing that, its whole standard
output is kept as text (``{"output": ...}``). Then ``bench/results/README.md`` is
rendered from every ``bench/results/*.json``: a result's ``tables`` (``title``,
``columns``, ``rows``) as markdown tables, a text ``output`` verbatim, anything
else as a flat key/value table of its scalar fields.

Usage: ``python bench/run_all.py [--only NAME ...] [--skip NAME ...]
[--render-only] [--timeout MINUTES]``. Exit code 1 when a script failed (the
README is still rendered from what exists).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
ORDER = ("predict_speed", "train_speed")  # run first; the others follow by name


def scripts() -> list[Path]:
    """Every benchmark script, in a stable order."""
    found = [p for p in BENCH.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_")]
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(found, key=lambda p: (rank.get(p.stem, len(ORDER)), p.stem))


def _last_json_object(stdout: str) -> dict[str, Any] | None:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                return obj
    return None


def run_script(path: Path, timeout: float) -> tuple[bool, str]:
    """Run one script; ``(ok, message)``. Its result ends up in ``bench/results/<stem>.json``."""
    out = RESULTS / f"{path.stem}.json"
    env = {**os.environ, "HASILA_BENCH_OUT": str(out)}
    started = time.perf_counter()
    before = out.stat().st_mtime if out.exists() else None

    def call(extra: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(path), *extra], cwd=ROOT, env=env, text=True,
                              capture_output=True, timeout=timeout, check=False)

    try:
        proc = call(["--out", str(out)])
        if proc.returncode == 2 and "unrecognized arguments" in proc.stderr:
            proc = call([])
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout / 60:.0f} min"
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        return False, f"exit {proc.returncode} after {seconds:.0f} s:\n{tail}"
    if not out.exists() or out.stat().st_mtime == before:
        obj = _last_json_object(proc.stdout)
        if obj is None:  # a plain-text report: kept verbatim
            obj = {"bench": path.stem, "date": time.strftime("%Y-%m-%d %H:%M:%S"),
                   "output": proc.stdout.rstrip()}
        out.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True, f"ok in {seconds:.0f} s"


# ---------------------------------------------------------------- rendering


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}" if abs(value) >= 10000 else str(value)
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(columns: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |",
             "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _flatten(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "tables":
                continue
            items += _flatten(value, f"{prefix}{key}.")
    elif isinstance(obj, list):
        if all(not isinstance(v, dict | list) for v in obj) and len(obj) <= 12:
            items.append((prefix.rstrip("."), ", ".join(_cell(v) for v in obj)))
    else:
        items.append((prefix.rstrip("."), obj))
    return items


def render(results: dict[str, Any]) -> str:
    """The markdown page for all results."""
    lines = ["# Benchmark results", "",
             "Written by `make bench` (`bench/run_all.py`) from `bench/results/*.json`; "
             "each script's docstring says how its figures are measured.", ""]
    for name, data in results.items():
        lines += [f"## {name}", ""]
        if not isinstance(data, dict):
            lines += ["(not a JSON object)", ""]
            continue
        meta = [f"{k}: {_cell(data[k])}" for k in ("date", "config") if k in data]
        if meta:
            lines += ["; ".join(meta), ""]
        tables = data.get("tables")
        if isinstance(data.get("output"), str):
            lines += ["```", data["output"], "```", ""]
        elif isinstance(tables, list) and tables:
            for table in tables:
                if table.get("title"):
                    lines += [f"**{table['title']}**", ""]
                lines += [*markdown_table(table["columns"], table["rows"]), ""]
            for note in data.get("notes", []):
                lines.append(f"- {note}")
            if data.get("notes"):
                lines.append("")
        else:
            flat = [(k, v) for k, v in _flatten(data) if k not in ("date", "bench")]
            lines += [*markdown_table(["figure", "value"], [[k, v] for k, v in flat]), ""]
    return "\n".join(lines).rstrip() + "\n"


def write_readme() -> Path:
    results = {}
    for path in sorted(RESULTS.glob("*.json")):
        try:
            results[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            results[path.stem] = f"unreadable: {exc}"
    readme = RESULTS / "README.md"
    tmp = readme.with_suffix(".md.tmp")
    tmp.write_text(render(results), encoding="utf-8")
    os.replace(tmp, readme)
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", default=None, metavar="NAME", help="run just these")
    parser.add_argument("--skip", nargs="+", default=[], metavar="NAME", help="do not run these")
    parser.add_argument("--render-only", action="store_true", help="only rewrite README.md")
    parser.add_argument("--timeout", type=float, default=60, help="minutes per script (default 60)")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    failed = []
    if not args.render_only:
        for path in scripts():
            if (args.only and path.stem not in args.only) or path.stem in args.skip:
                continue
            print(f"bench: {path.name} …", file=sys.stderr, flush=True)
            ok, message = run_script(path, args.timeout * 60)
            print(f"bench: {path.name}: {message}", file=sys.stderr, flush=True)
            if not ok:
                failed.append(path.name)
    readme = write_readme()
    print(f"bench: wrote {readme}" + (f"; failed: {', '.join(failed)}" if failed else ""),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
