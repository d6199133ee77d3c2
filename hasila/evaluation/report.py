"""Evaluation reports a person reads: ``report.md`` and a self-contained ``report.html``.

Input is the metrics dictionary built by :mod:`hasila.evaluation.evaluate` (also saved as
``metrics.json``). Charts are drawn with matplotlib and embedded in the HTML
as base64 PNG, so the HTML file is one file that opens anywhere.
"""

from __future__ import annotations

import base64
import html
import io
import logging
from pathlib import Path
from typing import Any

from hasila.fileio import atomic_open

logger = logging.getLogger(__name__)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def headline_rows(metrics: dict[str, Any]) -> list[list[str]]:
    """One row per (gold set, system): the figures a reader looks at first."""
    rows = []
    for set_name, result in metrics["sets"].items():
        for system, m in result["systems"].items():
            ent = m["entities"]
            rec = m["records"]["overall"]
            rows.append([
                set_name,
                system,
                str(result["docs"]),
                _pct(ent["seqeval"]["micro"]["f1"]),
                _pct(ent["seqeval"]["macro"]["f1"]),
                _pct(ent["nervaluate"]["overall"]["partial"]["f1"]),
                _pct(rec["precision"]),
                _pct(rec["recall"]),
                _pct(rec["f1"]),
                _pct(m["numbers"]["accuracy"]),
                _origins(m["records"]),
            ])
    return rows


HEADLINE_HEADER = [
    "gold set", "system", "docs", "entity F1 (strict, micro)", "entity F1 (macro)",
    "entity F1 (partial)", "record P", "record R", "record F1", "count/non-count acc.",
    "records: spans / fallback",
]


#: what the report's figures and system names mean (shown in report.md and report.html)
LEGEND: list[tuple[str, str]] = [
    ("P / R / F1", "precision (share of the system's items that are right), recall (share of the "
                   "gold items it found) and F1 (their harmonic mean), in percent"),
    ("entity F1 (strict)", "a span counts only when its label and both ends equal a gold span "
                           "(seqeval, IOB2); micro pools all labels, macro averages the labels"),
    ("entity F1 (partial)", "nervaluate's partial scheme: a span that overlaps a gold span counts "
                            "half, an exact one fully; the label is not checked"),
    ("record P / R / F1", "casualty records scored by the annotation guide's rule: the span overlaps "
                          "the gold count and value, category and part_of are right"),
    ("count/non-count acc.", "share of the numbers in the text for which the system decided rightly "
                             "whether it counts people (a record) or not (a date, year, shells, ...)"),
    ("model", "the trained tagger, then the rule-based post-processor (linker)"),
    ("rules", "the rules tagger (gazetteer, word lists, number parser), then the same linker"),
    ("linker on gold spans", "the linker given the gold spans: a reference for what it reaches "
                             "with the right spans, not a system to run on new text"),
]

#: the reference system of the conclusion line: not one a user can run on new reports
REFERENCE = "linker on gold spans"


def conclusions(metrics: dict[str, Any]) -> list[str]:
    """One plain sentence per gold set: the best runnable system by record F1, and by how much."""
    lines = []
    for set_name, result in metrics["sets"].items():
        scores = {name: m["records"]["overall"]["f1"] for name, m in result["systems"].items()}
        ranked = sorted(((f, n) for n, f in scores.items() if n != REFERENCE), reverse=True)
        n = result["docs"]
        where = f"On {set_name} ({n} report{'' if n == 1 else 's'})"
        if not ranked:
            line = f"{where}: only the linker on gold spans was scored"
        else:
            best_f, best = ranked[0]
            line = f"{where}, {best} has the best casualty-record F1: {_pct(best_f)}"
            if len(ranked) > 1:
                next_f, second = ranked[1]
                line += f", {100 * (best_f - next_f):.1f} points above {second} ({_pct(next_f)})"
        if REFERENCE in scores:
            line += f"; the linker on gold spans reaches {_pct(scores[REFERENCE])}"
        lines.append(line + ".")
    return lines


def _origins(records: dict[str, Any]) -> str:
    """``12 / 3``: records from the system's COUNT spans / from the linker's rule fallback."""
    o = records.get("origins")
    return "—" if not o else f"{o['from_spans']} / {o['from_fallback']}"


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _label_rows(m: dict[str, Any]) -> list[list[str]]:
    rows = []
    seq = m["entities"]["seqeval"]["per_label"]
    ner = m["entities"]["nervaluate"]["per_label"]
    for label, s in seq.items():
        partial = ner.get(label, {}).get("partial", {}).get("f1")
        rows.append([label, _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]), _pct(partial),
                     str(s["support"])])
    return rows


def _category_rows(m: dict[str, Any]) -> list[list[str]]:
    return [[cat, _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]), str(s["support"])]
            for cat, s in m["records"]["per_category"].items()]


def _attr_rows(m: dict[str, Any]) -> list[list[str]]:
    acc = m["records"]["attribute_accuracy"]
    return [[k, _pct(v.get("accuracy")), str(v.get("n", 0))] for k, v in acc.items()]


def render_markdown(metrics: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    meta = metrics["meta"]
    out = ["# hasila evaluation report", ""]
    out += [f"- **{k}**: {v}" for k, v in meta.items() if not isinstance(v, dict)]
    for name, checksum in meta.get("gold_checksums", {}).items():
        out.append(f"- **gold** `{name}`: sha256 {checksum}")
    out += ["", "## Headline", "", *conclusions(metrics), "",
            _md_table(HEADLINE_HEADER, headline_rows(metrics)), "", "## Legend", ""]
    out += [f"- **{term}**: {meaning}" for term, meaning in LEGEND]
    out.append("")
    for set_name, result in metrics["sets"].items():
        out += [f"## {set_name}", ""]
        for system, m in result["systems"].items():
            out += [f"### {system}: entities (seqeval strict IOB2; nervaluate partial)", ""]
            out.append(_md_table(["label", "P", "R", "F1", "partial F1", "support"], _label_rows(m)))
            out += ["", f"### {system}: casualty records per category", ""]
            out.append(_md_table(["category", "P", "R", "F1", "gold"], _category_rows(m)))
            out += ["", f"### {system}: attribute accuracy on span-matched records", ""]
            out.append(_md_table(["attribute", "accuracy", "n"], _attr_rows(m)))
            out += ["", f"### {system}: errors ({len(m['errors'])})", ""]
            for err in m["errors"][:200]:
                out.append(f"- `{err['doc_id']}` **{err['kind']}**: {err['detail']} — {err['sentence']}")
            out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- charts

def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def chart_label_f1(result: dict[str, Any]) -> str:
    """Grouped bars: strict F1 per label, one bar per system."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = list(result["systems"])
    labels = list(next(iter(result["systems"].values()))["entities"]["seqeval"]["per_label"])
    fig, ax = plt.subplots(figsize=(6, 3))
    width = 0.8 / max(1, len(systems))
    for i, system in enumerate(systems):
        per = result["systems"][system]["entities"]["seqeval"]["per_label"]
        values = [per.get(lab, {}).get("f1", 0.0) for lab in labels]
        ax.bar([x + i * width for x in range(len(labels))], values, width, label=system)
    ax.set_xticks([x + width * (len(systems) - 1) / 2 for x in range(len(labels))], labels)
    ax.set_ylim(0, 1)
    ax.set_ylabel("strict F1")
    ax.set_title("Entity F1 per label")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return _png(fig)


def chart_confusion(confusion: dict[str, Any], title: str) -> str:
    """Token-level label confusion matrix (rows gold, columns predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = confusion["labels"]
    matrix = confusion["matrix"]
    fig, ax = plt.subplots(figsize=(4.5, 4))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    top = max((max(row) for row in matrix), default=0) or 1
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                    color="white" if v > top / 2 else "black")
    return _png(fig)


def chart_category_f1(result: dict[str, Any]) -> str:
    """Horizontal bars: casualty-record F1 per category, one bar per system."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = list(result["systems"])
    cats = sorted({c for m in result["systems"].values() for c in m["records"]["per_category"]})
    fig, ax = plt.subplots(figsize=(6, 0.35 * max(4, len(cats)) + 1))
    height = 0.8 / max(1, len(systems))
    for i, system in enumerate(systems):
        per = result["systems"][system]["records"]["per_category"]
        ax.barh([y + i * height for y in range(len(cats))], [per.get(c, {}).get("f1", 0.0) for c in cats],
                height, label=system)
    ax.set_yticks([y + height * (len(systems) - 1) / 2 for y in range(len(cats))], cats)
    ax.set_xlim(0, 1)
    ax.set_xlabel("record F1")
    ax.set_title("Casualty-record F1 per category")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return _png(fig)


# ---------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
.ar{direction:rtl;text-align:right;font-family:"Noto Naskh Arabic","Amiri","Arial",sans-serif;font-size:1.1em;line-height:1.8}
.err{border-bottom:1px solid #eee;padding:.4em 0}.kind{font-weight:bold;color:#a33}
mark.g{background:#c8f0c8}mark.p{background:#ffd7a8}img{max-width:100%}.meta td{text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
"""


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _highlight(sentence: str, marks: list[dict[str, Any]]) -> str:
    """Escape ``sentence`` and wrap the marked character ranges (gold green, predicted orange)."""
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: m["start"]):
        if m["start"] < pos:
            continue
        out.append(html.escape(sentence[pos : m["start"]]))
        cls = "g" if m["side"] == "gold" else "p"
        out.append(f'<mark class="{cls}" title="{html.escape(m["side"])}">'
                   f"{html.escape(sentence[m['start']:m['end']])}</mark>")
        pos = m["end"]
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def render_html(metrics: dict[str, Any]) -> str:
    """The whole report as one self-contained HTML page (Arabic shown right to left)."""
    meta = metrics["meta"]
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<title>hasila evaluation report</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>hasila evaluation report</h1>"]
    meta_rows = [[k, str(v)] for k, v in meta.items() if not isinstance(v, dict)]
    meta_rows += [[f"gold {k}", f"sha256 {v}"] for k, v in meta.get("gold_checksums", {}).items()]
    parts.append("<table class='meta'>" + "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in meta_rows) + "</table>")
    parts += ["<h2>Headline</h2>", *(f"<p><b>{html.escape(c)}</b></p>" for c in conclusions(metrics)),
              _html_table(HEADLINE_HEADER, headline_rows(metrics)), "<h2>Legend</h2>",
              "<dl>" + "".join(f"<dt><b>{html.escape(t)}</b></dt><dd>{html.escape(m)}</dd>"
                               for t, m in LEGEND) + "</dl>"]
    for set_name, result in metrics["sets"].items():
        parts.append(f"<h2>{html.escape(set_name)} ({result['docs']} reports)</h2>")
        charts = [chart_label_f1(result), chart_category_f1(result)]
        charts += [chart_confusion(m["entities"]["confusion"], f"{system}: token labels")
                   for system, m in result["systems"].items()]
        parts.append("<div class='charts'>" + "".join(
            f"<img alt='chart' src='data:image/png;base64,{c}'>" for c in charts) + "</div>")
        for system, m in result["systems"].items():
            parts.append(f"<h3>{html.escape(system)}</h3>")
            parts.append("<h4>Entities (seqeval strict IOB2; nervaluate partial)</h4>")
            parts.append(_html_table(["label", "P", "R", "F1", "partial F1", "support"], _label_rows(m)))
            parts.append("<h4>Casualty records per category</h4>")
            parts.append(_html_table(["category", "P", "R", "F1", "gold"], _category_rows(m)))
            parts.append("<h4>Attribute accuracy (span-matched records)</h4>")
            parts.append(_html_table(["attribute", "accuracy", "n"], _attr_rows(m)))
            parts.append(f"<h4>Errors ({len(m['errors'])})</h4>")
            for err in m["errors"][:300]:
                parts.append(
                    f"<div class='err'><span class='kind'>{html.escape(err['kind'])}</span> "
                    f"<code>{html.escape(err['doc_id'])}</code> {html.escape(err['detail'])}"
                    f"<div class='ar' dir='rtl'>{_highlight(err['sentence'], err.get('marks', []))}</div></div>")
    parts.append("<p>Green: gold span; orange: predicted span.</p></body></html>")
    return "\n".join(parts)


def write_report(output_dir: str | Path, metrics: dict[str, Any]) -> dict[str, Path]:
    """Write ``metrics.json``, ``report.md`` and ``report.html`` into ``output_dir`` atomically."""
    import json

    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"metrics": out / "metrics.json", "markdown": out / "report.md", "html": out / "report.html"}
    with atomic_open(paths["metrics"]) as fh:
        json.dump(metrics, fh, ensure_ascii=False, indent=2)
    with atomic_open(paths["markdown"]) as fh:
        fh.write(render_markdown(metrics))
    with atomic_open(paths["html"]) as fh:
        fh.write(render_html(metrics))
    logger.info("wrote %s", ", ".join(str(p) for p in paths.values()))
    return paths
