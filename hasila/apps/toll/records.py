"""Prediction lines (``hasila predict`` output) to dated, placed casualty records.

A line gives the report id, its ``meta`` (``date``, ``source``, ``url``, ``title``),
entities and casualty records. The report text (for sentences and the update and
running-total cues) comes from the line's ``text`` when present, else from the
original reports given with ``--reports``. A record's place is its ``location``, or
else the places the report names when they agree on one district or governorate.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hasila.apps.predict_core import Report
from hasila.apps.toll.admin import AdminGazetteer, Resolved
from hasila.apps.toll.cues import mark_counts, sentence_bounds
from hasila.fileio import BadLine, iter_jsonl


@dataclass
class TollRecord:
    """One casualty record of one report, with its date, area and cues."""

    report_id: str
    record_id: str
    value: int
    status: str
    category: str
    qualifier: str = "exact"
    part_of: str | None = None
    perpetrator: str | None = None
    place: Resolved = field(default_factory=lambda: Resolved(""))
    place_from: str = "none"  # record | report | none
    time: dt.datetime | None = None
    order: int = 0  # input order of the report
    source: str = ""
    url: str = ""
    sentence: str = ""
    update: bool = False
    cumulative: bool = False

    @property
    def date(self) -> dt.date | None:
        return None if self.time is None else self.time.date()


def parse_date(value: Any) -> dt.datetime | None:
    """A report date: ISO 8601 (``2018-02-09``, ``2018-02-09T13:10:12+04:00``) or RFC 2822
    (``Fri, 09 Feb 2018 13:10:12 +0400``); the local date of the report is kept (no
    time-zone shift). ``None`` when missing or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        return None


def parse_day(value: str, flag: str) -> dt.date:
    """A ``--from``/``--to`` day (``YYYY-MM-DD``); a :class:`UserError` otherwise."""
    from hasila.errors import UserError

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{flag} {value!r}: expected a day as YYYY-MM-DD") from None


@dataclass
class ReadResult:
    """What reading the prediction lines gave."""

    records: list[TollRecord] = field(default_factory=list)
    reports: int = 0
    undated: int = 0  # reports without a readable date
    without_text: int = 0  # reports whose text was not available (no sentences, no cues)
    bad: list[BadLine] = field(default_factory=list)


def _places(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The PLACE entities of a prediction line (malformed entries skipped)."""
    return [e for e in obj.get("entities", []) if isinstance(e, dict) and e.get("label") == "PLACE"
            and isinstance(e.get("text"), str) and e["text"].strip()]


def _report_place(obj: dict[str, Any], admin: AdminGazetteer) -> Resolved:
    """The area the report's places agree on (district, else governorate), or why not.

    Places in Syria count when there are any (a foreign capital named in passing does not
    move the report abroad); the whole country (``سوريا``) says nothing about the area."""
    names = list(dict.fromkeys(e["text"] for e in _places(obj)))
    if not names:
        return Resolved("", problem="no place in the report")
    found = [r for r in (admin.resolve(n) for n in names) if r.resolved]
    joined = "; ".join(names)
    if not found:
        return Resolved(joined, problem="no place of the report in the gazetteer")
    found = [r for r in found if r.governorate is not None] or found
    areas = {(r.governorate, r.country) for r in found}
    if len(areas) > 1:
        return Resolved(joined, problem="the report's places lie in several governorates")
    districts = {r.district for r in found}
    first = found[0]
    place = "; ".join(dict.fromkeys(r.place for r in found))
    return Resolved(place, first.governorate, first.district if len(districts) == 1 else None,
                    first.country)


def _refine(place: Resolved, obj: dict[str, Any], admin: AdminGazetteer) -> Resolved:
    """A governorate-only place (``الغوطة الشرقية``) put in a district when the report's
    places of that governorate all lie in one district (``دوما``)."""
    districts: dict[Any, Any] = {}
    for e in _places(obj):
        r = admin.resolve(e["text"])
        if r.governorate == place.governorate and r.district is not None:
            districts.setdefault(r.district, r.place)
    if len(districts) != 1:
        return place
    district, name = next(iter(districts.items()))
    return Resolved(f"{place.place} ({name})", place.governorate, district)


def records_of_line(obj: dict[str, Any], text: str | None, order: int, admin: AdminGazetteer,
                    meta: dict[str, Any] | None = None) -> list[TollRecord]:
    """The toll records of one prediction line (``text``: the report, when known; ``meta``:
    the report's metadata when the line has none)."""
    meta = obj.get("meta") or meta or {}
    time = parse_date(meta.get("date"))
    casualties = [c for c in obj.get("casualties", []) if isinstance(c, dict)
                  and all(isinstance(c.get(k), int) for k in ("value", "start", "end"))]
    marks: dict[str, tuple[str, bool, bool]] = {}
    if text:
        by_sentence: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for rec in casualties:
            by_sentence.setdefault(sentence_bounds(text, rec["start"], rec["end"]), []).append(rec)
        for (s, e), recs in by_sentence.items():
            flags = mark_counts(text[s:e], [(r["start"] - s, r["end"] - s) for r in recs])
            for rec, (update, cumulative) in zip(recs, flags, strict=True):
                marks[rec["id"]] = (text[s:e], update, cumulative)
    report_place: Resolved | None = None
    out = []
    for rec in casualties:
        location = (rec.get("location") or "").strip()
        if location:
            place, place_from = admin.resolve(location), "record"
            if place.governorate is not None and place.district is None:
                place = _refine(place, obj, admin)
        else:
            report_place = report_place or _report_place(obj, admin)
            place = report_place
            place_from = "report" if place.place else "none"
        sentence, update, cumulative = marks.get(rec["id"], ("", False, False))
        out.append(TollRecord(
            report_id=str(obj["id"]), record_id=str(rec.get("id")), value=rec["value"],
            status=rec.get("status") or "killed", category=rec.get("category") or "people",
            qualifier=rec.get("qualifier") or "exact", part_of=rec.get("part_of"),
            perpetrator=rec.get("perpetrator"), place=place, place_from=place_from, time=time,
            order=order, source=str(meta.get("source") or ""), url=str(meta.get("url") or ""),
            sentence=sentence, update=update,
            cumulative=cumulative))
    return out


def read_predictions(inputs: Iterable[str], admin: AdminGazetteer,
                     originals: dict[str, Report] | None = None,
                     progress: bool = False) -> ReadResult:
    """Every record of the prediction files ``inputs`` (``originals``: the reports by id,
    for their text, and their metadata where a line has none)."""
    from tqdm import tqdm

    result = ReadResult()
    seen: set[str] = set()
    bar = tqdm(unit="report", desc="toll", disable=not progress, dynamic_ncols=True)
    for name in inputs:
        for lineno, obj in iter_jsonl(name, result.bad):
            bar.update(1)
            if not isinstance(obj.get("id"), str | int) or not isinstance(obj.get("casualties", []), list):
                result.bad.append(BadLine(str(name), lineno, "not a hasila predict output line"))
                continue
            rid = str(obj["id"])
            if rid in seen:
                continue  # the same report predicted twice (two runs given): once is enough
            seen.add(rid)
            result.reports += 1
            original = (originals or {}).get(rid)
            text = obj.get("text") if isinstance(obj.get("text"), str) else (
                original.text if original is not None else None)
            meta = obj.get("meta") or (original.meta if original is not None else {})
            result.without_text += not text
            result.undated += parse_date(meta.get("date")) is None
            result.records += records_of_line(obj, text, result.reports, admin, meta)
    bar.close()
    return result
