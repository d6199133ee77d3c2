"""The toll's tables (pandas): one row per event, totals per period, running totals, places.

``toll.csv`` has one row per event; ``summary.csv`` the totals per period ×
governorate × category × status (events summed, never subsets or running totals);
``cumulative.csv`` the running totals; ``unresolved.csv`` the places not put in a
governorate, with how many records name them.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from hasila.apps.toll.admin import Resolved
from hasila.apps.toll.events import Cumulative, Event, Events
from hasila.apps.toll.records import TollRecord

PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}
TOLL_COLUMNS = [
    "event_id", "first_date", "last_date", "governorate", "governorate_ar", "district",
    "district_ar", "pcode", "places", "category", "status", "value", "qualifier", "perpetrator",
    "reports", "n_reports", "reprints", "updates", "conflicts", "subsets",
]
SUMMARY_KEYS = ["period", "governorate", "category", "status"]


def area_columns(place: Resolved) -> dict[str, str]:
    """Governorate and district names (English, Arabic) and the most precise P-code."""
    gov, dis = place.governorate, place.district
    if gov is None:
        label = f"{place.country} (abroad)" if place.country else "(unresolved)"
        return {"governorate": label, "governorate_ar": "", "district": "", "district_ar": "",
                "pcode": ""}
    return {"governorate": gov.name_en, "governorate_ar": gov.name_ar,
            "district": dis.name_en if dis else "", "district_ar": dis.name_ar if dis else "",
            "pcode": (dis or gov).pcode}


def _subsets(records: list[TollRecord]) -> str:
    return "; ".join(f"{r.value} {r.category}" for r in records)


def toll_frame(events: list[Event]) -> pd.DataFrame:
    """One row per event (columns :data:`TOLL_COLUMNS`)."""
    rows = [{
        "event_id": e.id, "first_date": e.first_date, "last_date": e.last_date,
        **area_columns(e.place), "places": "; ".join(e.places), "category": e.category,
        "status": e.status, "value": e.value, "qualifier": e.qualifier, "perpetrator": e.perpetrator,
        "reports": " ".join(e.reports), "n_reports": len(e.reports), "reprints": e.reprints,
        "updates": e.updates, "conflicts": e.conflicts, "subsets": _subsets(e.subsets),
    } for e in events]
    return pd.DataFrame(rows, columns=TOLL_COLUMNS)


def period_of(dates: pd.Series, by: str) -> pd.Series:
    """The period of each date: its day, the Monday of its week, or ``YYYY-MM``;
    ``undated`` where there is no date."""
    stamps = pd.to_datetime(dates, errors="coerce")
    periods = stamps.dt.to_period(PERIODS[by])
    labels = periods.dt.start_time.dt.strftime("%Y-%m-%d") if by != "month" else periods.astype(str)
    return labels.where(stamps.notna(), "undated")


def summary_frame(toll: pd.DataFrame, by: str) -> pd.DataFrame:
    """Totals per period × governorate × category × status: summed values, events, reports."""
    if toll.empty:
        return pd.DataFrame(columns=[*SUMMARY_KEYS, "value", "events", "reports"])
    frame = toll.assign(period=period_of(toll["first_date"], by))
    out = (frame.groupby(SUMMARY_KEYS, sort=True)
           .agg(value=("value", "sum"), events=("event_id", "count"), reports=("n_reports", "sum"))
           .reset_index())
    return out


def cumulative_frame(items: list[Cumulative]) -> pd.DataFrame:
    """One row per running total (equal figures of several reports collapsed)."""
    rows = []
    for c in items:
        dates = [r.date for r in c.records if r.date is not None]
        rows.append({"first_date": min(dates) if dates else None,
                     "last_date": max(dates) if dates else None, **area_columns(c.place),
                     "category": c.category, "status": c.status, "value": c.value,
                     "reports": " ".join(c.reports), "sentence": c.records[0].sentence})
    return pd.DataFrame(rows, columns=["first_date", "last_date", "governorate", "governorate_ar",
                                       "district", "district_ar", "pcode", "category", "status",
                                       "value", "reports", "sentence"])


def unresolved_frame(records: list[TollRecord]) -> pd.DataFrame:
    """Places not put in a governorate: the place text, why, and how many records."""
    counts = Counter((r.place.place, r.place.problem, r.place_from) for r in records
                     if not r.place.resolved)
    rows = [{"place": p, "problem": why, "taken_from": src, "records": n}
            for (p, why, src), n in counts.most_common()]
    return pd.DataFrame(rows, columns=["place", "problem", "taken_from", "records"])


def all_tables(result: Events, records: list[TollRecord], by: str) -> dict[str, pd.DataFrame]:
    toll = toll_frame(result.events)
    return {"toll": toll, "summary": summary_frame(toll, by),
            "cumulative": cumulative_frame(result.cumulative),
            "unresolved": unresolved_frame(records)}
