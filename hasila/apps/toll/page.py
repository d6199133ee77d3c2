"""``toll.html``: one self-contained page (charts as embedded PNG, as the evaluation report).

A timeline chart per category (values per period, one line per status), a table per
governorate whose figures link to their event, the events with the reports and
sentences they rest on (Arabic right to left), the running totals and the places
left unresolved.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from hasila.apps.toll.events import Event
from hasila.evaluation.report import _CSS, _png

_TOLL_CSS = """
.ar{direction:rtl;unicode-bidi:isolate}td.ar{text-align:right}
.ev{border-top:1px solid #ddd;padding:.4em 0}.ev:target{background:#fff8d6}
.src{margin:.2em 0 .2em 1.5em}.src code{color:#555}.num{font-weight:bold}
.note{color:#555;font-size:.9em}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def _ar(value: Any) -> str:
    return f"<span class='ar' dir='rtl'>{_e(value)}</span>" if value else ""


#: one colour per status in every chart
STATUS_COLOURS = {"killed": "#c0392b", "injured": "#e67e22", "detained": "#2c7fb8",
                  "abducted": "#8e44ad", "missing": "#555555", "other": "#999999"}


#: the periods of a timeline (their first days), as pandas date ranges
_RANGE = {"day": "D", "week": "W-MON", "month": "MS"}


def chart_category(summary: pd.DataFrame, category: str, by: str) -> str:
    """Values per period for one category, one line per status (base64 PNG); periods
    without an event are 0."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dated = summary[summary["period"] != "undated"]
    whens = pd.to_datetime(dated["period"])
    every = pd.date_range(whens.min(), whens.max(), freq=_RANGE[by]) if len(whens) else []
    data = dated[dated["category"] == category]
    table = (data.assign(when=pd.to_datetime(data["period"]))
             .pivot_table(index="when", columns="status", values="value", aggfunc="sum")
             .reindex(every).fillna(0))
    fig, ax = plt.subplots(figsize=(4.7, 2.3))
    for status in table.columns:
        ax.plot(table.index, table[status].values, marker="o", markersize=2.5, linewidth=1.1,
                label=status, color=STATUS_COLOURS.get(status))
    ax.set_title(f"{category} per {by}", fontsize=10)
    ax.set_yscale("symlog", linthresh=10)  # a war-long figure beside daily ones stays readable
    ax.set_ylabel("people (log)", fontsize=8)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.tick_params(labelsize=7)
    ax.grid(alpha=.3)
    ax.legend(fontsize=6, loc="upper right", frameon=False, ncol=2)
    return _png(fig)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _governorate_tables(toll: pd.DataFrame) -> list[str]:
    parts = []
    order = toll.groupby("governorate")["value"].sum().sort_values(ascending=False).index
    for gov in order:
        rows = toll[toll["governorate"] == gov]
        gov_ar = rows["governorate_ar"].iloc[0]
        parts.append(f"<h3>{_e(gov)} {_ar(gov_ar)}</h3>")
        totals = (rows.groupby(["category", "status"])["value"].sum().reset_index()
                  .sort_values("value", ascending=False))
        parts.append("<p class='note'>" + ", ".join(
            f"{_e(t.category)} {_e(t.status)}: <b>{t.value}</b>" for t in totals.itertuples()) + "</p>")
        parts.append(_table(
            ["first day", "district", "places", "category", "status", "value", "perpetrator", "reports"],
            [[_e(r.first_date), f"{_e(r.district)} {_ar(r.district_ar)}",
              f"<td class='ar' dir='rtl'>{_e(r.places)}</td>", _e(r.category), _e(r.status),
              f"<a class='num' href='#{_e(r.event_id)}'>{_e(r.value)}</a>",
              f"<td class='ar' dir='rtl'>{_e(r.perpetrator)}</td>", _e(r.n_reports)]
             for r in rows.itertuples()]))
    return parts


def _event_block(event: Event) -> str:
    head = (f"<b>{_e(event.id)}</b> {_e(event.first_date)} · {_e(event.category)} {_e(event.status)} "
            f"<span class='num'>{event.value}</span> ({_e(event.qualifier)}) · "
            f"{_e(event.reprints)} reprint(s), {_e(event.updates)} update(s), "
            f"{_e(event.conflicts)} conflict(s)")
    lines = []
    for fig in event.figures:
        first = fig.first
        rid = _e(fig.report_id)
        link = f"<a href='{_e(first.url)}'>{rid}</a>" if first.url.startswith("http") else rid
        tags = " ".join(t for t, on in (("update", fig.update), ("stands", fig.report_id == event.standing)) if on)
        sentences = "".join(f"<div class='ar' dir='rtl'>{_e(s)}</div>"
                            for s in dict.fromkeys(r.sentence for r in fig.records if r.sentence))
        lines.append(f"<div class='src'><code>{_e(first.date)}</code> {link} {_e(first.source)} "
                     f"— {fig.value} <i>{_e(tags)}</i>{sentences}</div>")
    subsets = ""
    if event.subsets:
        subsets = "<div class='src note'>among them (not added): " + _e(
            "; ".join(f"{r.value} {r.category}" for r in event.subsets)) + "</div>"
    return f"<div class='ev' id='{_e(event.id)}'>{head}{''.join(lines)}{subsets}</div>"


def render_page(tables: dict[str, pd.DataFrame], events: list[Event], stats: dict[str, Any],
                by: str) -> str:
    """The whole page as one HTML string."""
    toll, summary = tables["toll"], tables["summary"]
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<title>hasila toll</title>", f"<style>{_CSS}{_TOLL_CSS}</style></head><body>",
             "<h1>hasila toll <span class='ar' dir='rtl'>الحصيلة</span></h1>",
             "<table class='meta'>" + "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>"
                                              for k, v in stats.items()) + "</table>",
             "<p class='note'>An event: records of one status and category, in one district "
             "(or governorate), on one day, or the next day when a report updates the figure. "
             "Reprints collapse, updates replace, subsets and running totals are not added. "
             "Click a figure for its reports and sentences.</p>",
             f"<h2>Timeline per category (per {by})</h2>"]
    categories = summary.groupby("category")["value"].sum().sort_values(ascending=False).index
    charts = [chart_category(summary, c, by) for c in categories]
    parts.append("<div class='charts'>" + "".join(
        f"<img alt='timeline' src='data:image/png;base64,{c}'>" for c in charts) + "</div>")
    parts.append("<h2>Per governorate</h2>")
    parts += _governorate_tables(toll)
    parts.append(f"<h2>Events ({len(events)})</h2>")
    parts += [_event_block(e) for e in events]
    cumulative = tables["cumulative"]
    parts.append(f"<h2>Running totals, not added ({len(cumulative)})</h2>")
    parts.append(_table(["dates", "governorate", "category", "status", "value", "reports", "sentence"],
                        [[f"{_e(r.first_date)} – {_e(r.last_date)}", _e(r.governorate),
                          _e(r.category), _e(r.status), _e(r.value), _e(r.reports),
                          f"<td class='ar' dir='rtl'>{_e(r.sentence)}</td>"]
                         for r in cumulative.itertuples()]))
    unresolved = tables["unresolved"]
    parts.append(f"<h2>Places not resolved ({len(unresolved)})</h2>")
    parts.append(_table(["place", "problem", "taken from", "records"],
                        [[f"<td class='ar' dir='rtl'>{_e(r.place)}</td>", _e(r.problem), _e(r.taken_from),
                          _e(r.records)] for r in unresolved.itertuples()]))
    parts.append("</body></html>")
    return "\n".join(parts)
