"""Casualty records to events: the conservative rule that keeps reports from double counting.

Records of the same **status** and **category**, in the same **area** and **close in
time** form one event. The area is the district; a record placed only in a governorate
(``ريف إدلب``) goes with an event of any district of that governorate (the event keeps
the most precise place); places abroad and unresolved places are areas of their own.
Close in time:

- same day: one event. Records of one report in the event are added up (distinct
  statements), repeated ones (same value and place) counted once; across reports an
  equal figure is a **reprint** and collapses; a figure marked as an **update**
  (``ارتفعت الحصيلة``, ``حصيلة جديدة``, ``إلى 20``) replaces the standing one; two
  different figures without an update keep the lower one (a **conflict**, flagged);
- the next day: one event only when the later report marks an update (chains: each
  update may follow the event's last day by one day);
- records without a date never merge.

Subsets (``part_of``: "among them 3 children") are never added to totals: they are
listed under their parent's event. Running totals over long periods (cumulative cues,
:mod:`hasila.apps.toll.cues`) are kept apart as cumulative figures, equal ones collapsed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hasila.apps.toll.admin import Resolved
from hasila.apps.toll.records import TollRecord
from hasila.text.arabic import fold

_FAR = dt.datetime.max


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass
class Figure:
    """What one report says about one event: the sum of its distinct records."""

    report_id: str
    records: list[TollRecord]

    @property
    def first(self) -> TollRecord:
        return self.records[0]

    @property
    def value(self) -> int:
        distinct = {(r.value, fold(r.place.place)): r.value for r in self.records}
        return sum(distinct.values())

    @property
    def update(self) -> bool:
        return any(r.update for r in self.records)

    @property
    def qualifier(self) -> str:
        quals = {r.qualifier for r in self.records}
        return quals.pop() if len(quals) == 1 else "at_least"


@dataclass
class Event:
    """One event: its figure and every report and record it rests on."""

    id: str
    status: str
    category: str
    place: Resolved
    figures: list[Figure] = field(default_factory=list)
    value: int = 0
    qualifier: str = "exact"
    standing: str = ""  # the report whose figure stands
    reprints: int = 0
    updates: int = 0
    conflicts: int = 0
    subsets: list[TollRecord] = field(default_factory=list)

    @property
    def records(self) -> list[TollRecord]:
        return [r for f in self.figures for r in f.records]

    @property
    def reports(self) -> list[str]:
        return list(dict.fromkeys(f.report_id for f in self.figures))

    @property
    def first_date(self) -> dt.date | None:
        dates = [r.date for r in self.records if r.date is not None]
        return min(dates) if dates else None

    @property
    def last_date(self) -> dt.date | None:
        dates = [r.date for r in self.records if r.date is not None]
        return max(dates) if dates else None

    @property
    def perpetrator(self) -> str:
        names = Counter(r.perpetrator for r in self.records if r.perpetrator)
        return names.most_common(1)[0][0] if names else ""

    @property
    def places(self) -> list[str]:
        return list(dict.fromkeys(r.place.place for r in self.records if r.place.place))

    def add(self, figure: Figure) -> None:
        """Take one more report's figure in (see the module docstring for the rule)."""
        if self.place.district is None and figure.first.place.district is not None:
            self.place = figure.first.place
        same = next((f for f in self.figures if f.report_id == figure.report_id), None)
        if same is not None:  # more records of a report already in: one statement more
            same.records.extend(figure.records)
            if same.report_id == self.standing:
                self._stand(same)
            return
        seen = {f.value for f in self.figures}
        self.figures.append(figure)
        if len(self.figures) == 1 or figure.update:
            self.updates += len(self.figures) > 1
            self._stand(figure)
        elif figure.value in seen:
            self.reprints += 1
        else:
            self.conflicts += 1
            if figure.value < self.value:
                self._stand(figure)

    def to_json(self) -> dict[str, Any]:
        """The event with every report's figure, records and sentences (for ``events.jsonl``)."""
        place = self.place
        return {
            "event_id": self.id, "first_date": _iso(self.first_date), "last_date": _iso(self.last_date),
            "governorate": place.governorate.name_en if place.governorate else None,
            "district": place.district.name_en if place.district else None,
            "country": place.country or None, "places": self.places, "category": self.category,
            "status": self.status, "value": self.value, "qualifier": self.qualifier,
            "standing_report": self.standing, "reprints": self.reprints, "updates": self.updates,
            "conflicts": self.conflicts,
            "reports": [{"report_id": f.report_id, "date": _iso(f.first.time), "source": f.first.source,
                         "url": f.first.url, "value": f.value, "update": f.update,
                         "records": [r.record_id for r in f.records],
                         "sentences": list(dict.fromkeys(r.sentence for r in f.records if r.sentence))}
                        for f in self.figures],
            "subsets": [{"report_id": r.report_id, "record_id": r.record_id, "value": r.value,
                         "category": r.category} for r in self.subsets],
        }

    def _stand(self, figure: Figure) -> None:
        self.value, self.qualifier, self.standing = figure.value, figure.qualifier, figure.report_id


@dataclass
class Cumulative:
    """A running total (equal figures of several reports collapsed into one)."""

    status: str
    category: str
    place: Resolved
    value: int
    records: list[TollRecord] = field(default_factory=list)

    @property
    def reports(self) -> list[str]:
        return list(dict.fromkeys(r.report_id for r in self.records))


@dataclass
class Events:
    """The events, the cumulative figures and what was set aside."""

    events: list[Event]
    cumulative: list[Cumulative]
    subsets: list[TollRecord]
    records: int  # records in

    @property
    def counted(self) -> int:
        """Records that take part in events (not subsets, not cumulative)."""
        return sum(len(e.records) for e in self.events)

    @property
    def collapsed_share(self) -> float:
        """Share of the event records that did not become an event of their own."""
        return 1 - len(self.events) / self.counted if self.counted else 0.0


def _sort_key(r: TollRecord) -> tuple[dt.datetime, int]:
    return (r.time or _FAR, r.order)


def _figures(records: list[TollRecord]) -> list[Figure]:
    """One figure per report and area, in time order."""
    by_report: dict[tuple[str, str], list[TollRecord]] = {}
    for r in sorted(records, key=_sort_key):
        by_report.setdefault((r.report_id, r.place.key), []).append(r)
    return [Figure(rid, recs) for (rid, _), recs in by_report.items()]


def _area(place: Resolved) -> str:
    """The group of an area: its governorate (or country, or the unresolved place)."""
    return place.governorate.pcode if place.governorate is not None else place.key


def _joins(event: Event, figure: Figure) -> bool:
    day, last = figure.first.date, event.last_date
    if day is None or last is None:
        return False
    mine, theirs = event.place.district, figure.first.place.district
    if mine is not None and theirs is not None and mine != theirs:
        return False
    return day == last or (figure.update and day == last + dt.timedelta(days=1))


def _best(candidates: list[Event], figure: Figure) -> Event:
    """The event a figure joins when several could: same district, then same figure."""
    district = figure.first.place.district
    return max(candidates, key=lambda e: (e.place.district == district and district is not None,
                                          any(f.value == figure.value for f in e.figures)))


def build_events(records: list[TollRecord]) -> Events:
    """Events and cumulative figures of ``records`` (see the module docstring)."""
    subsets = [r for r in records if r.part_of]
    cumulative_recs = [r for r in records if not r.part_of and r.cumulative]
    counted = [r for r in records if not r.part_of and not r.cumulative]
    groups: dict[tuple[str, str, str], list[TollRecord]] = {}
    for r in counted:
        groups.setdefault((r.status, r.category, _area(r.place)), []).append(r)
    events: list[Event] = []
    for (status, category, _), recs in groups.items():
        recent: list[Event] = []  # events that a later figure may still join (time order)
        for figure in _figures(recs):
            day = figure.first.date
            if day is not None:
                recent = [e for e in recent if e.last_date >= day - dt.timedelta(days=1)]  # type: ignore[operator]
            candidates = [e for e in recent if _joins(e, figure)]
            if candidates:
                _best(candidates, figure).add(figure)
                continue
            event = Event("", status, category, figure.first.place)
            event.add(figure)
            events.append(event)
            if day is not None:
                recent.append(event)
    events.sort(key=lambda e: (e.first_date or dt.date.max, e.place.key, e.category, e.status))
    owner: dict[tuple[str, str], Event] = {}
    for i, event in enumerate(events, start=1):
        event.id = f"E{i:05d}"
        for r in event.records:
            owner[(r.report_id, r.record_id)] = event
    for r in subsets:
        parent = owner.get((r.report_id, r.part_of or ""))
        if parent is not None:
            parent.subsets.append(r)
    return Events(events, _cumulative(cumulative_recs), subsets, len(records))


def _cumulative(records: list[TollRecord]) -> list[Cumulative]:
    out: dict[tuple[str, str, str, int], Cumulative] = {}
    for r in sorted(records, key=_sort_key):
        key = (r.status, r.category, r.place.key, r.value)
        if key not in out:
            out[key] = Cumulative(r.status, r.category, r.place, r.value)
        out[key].records.append(r)
    return list(out.values())
