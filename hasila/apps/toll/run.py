"""``hasila toll``: prediction files in; ``toll.csv``, ``summary.csv``, ``cumulative.csv``,
``unresolved.csv``, ``events.jsonl`` (each event with its reports and sentences) and
``toll.html`` out (each written atomically)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hasila.apps.toll.admin import AdminGazetteer
from hasila.apps.toll.events import build_events
from hasila.apps.toll.page import render_page
from hasila.apps.toll.records import TollRecord, read_predictions
from hasila.apps.toll.tables import PERIODS, all_tables
from hasila.errors import UserError
from hasila.fileio import BadLine, atomic_open
from hasila.schema import STATUSES

logger = logging.getLogger(__name__)

#: statuses that are casualties (the guide's ``other`` counts people who are not)
CASUALTY_STATUSES = tuple(s for s in STATUSES if s != "other")


@dataclass
class TollSummary:
    """What a run read and wrote."""

    output: str
    reports: int = 0
    records: int = 0
    out_of_range: int = 0
    other_status: int = 0
    subsets: int = 0
    cumulative: int = 0
    counted: int = 0
    events: int = 0
    collapsed_share: float = 0.0
    summed_value: int = 0  # what adding every counted record would give
    toll_value: int = 0  # the events' total
    unresolved_records: int = 0
    without_text: int = 0
    undated: int = 0
    bad: list[BadLine] = field(default_factory=list)

    def stats(self) -> dict[str, Any]:
        return {
            "reports in": self.reports, "records in": self.records,
            "records outside --from/--to": self.out_of_range,
            "records of other statuses (not casualties, left out)": self.other_status,
            "subsets (part_of, not added)": self.subsets,
            "running-total records (kept apart)": self.cumulative,
            "records in events": self.counted, "events out": self.events,
            "share collapsed": f"{100 * self.collapsed_share:.1f} %",
            "people: records summed → events summed": f"{self.summed_value} → {self.toll_value}",
            "records with an unresolved place": self.unresolved_records,
            "reports without a date": self.undated,
            "reports without text (no sentences, no cues)": self.without_text,
        }

    def describe(self) -> str:
        return (f"{self.reports} report(s), {self.records} record(s) in → {self.events} event(s) "
                f"from {self.counted} record(s) ({100 * self.collapsed_share:.1f} % collapsed), "
                f"{self.subsets} subset(s) and {self.cumulative} running total(s) kept apart, "
                f"{self.unresolved_records} record(s) with an unresolved place; wrote {self.output}")


def _in_range(r: TollRecord, start: dt.date | None, end: dt.date | None) -> bool:
    if start is None and end is None:
        return True
    if r.date is None:
        return False
    return (start is None or r.date >= start) and (end is None or r.date <= end)


def _originals(paths: list[str]) -> dict[str, Any]:
    from hasila.apps.predict_core import check_inputs, read_reports

    check_inputs(paths)
    bad: list[BadLine] = []
    out = {r.id: r for r in read_reports(paths, bad)}
    for entry in bad:
        logger.warning("--reports: skipped %s", entry)
    return out


def run_toll(inputs: list[str], output: str | Path, by: str = "week", start: dt.date | None = None,
             end: dt.date | None = None, reports: list[str] | None = None,
             admin: AdminGazetteer | None = None,
             statuses: tuple[str, ...] = CASUALTY_STATUSES, progress: bool = False) -> TollSummary:
    """Read the prediction files ``inputs``, build the events, write the tables and page
    into the folder ``output``. ``reports``: the original report files (their text gives
    the sentences and the update and running-total cues when the predictions lack it).
    Only records of ``statuses`` are kept (default: the casualty statuses; ``other``
    counts people who are not casualties, such as the displaced or residents)."""
    if by not in PERIODS:
        raise UserError(f"--by {by!r}: use one of {', '.join(PERIODS)}")
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown or not statuses:
        raise UserError(f"--status {','.join(unknown) or '(none)'}: use some of {', '.join(STATUSES)}")
    if start and end and start > end:
        raise UserError(f"--from {start} is after --to {end}")
    for name in inputs:
        if not Path(name).is_file():
            raise UserError(f"{name}: prediction file not found")
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: exists and is not a folder")
    admin = admin or AdminGazetteer.load()
    read = read_predictions(inputs, admin, _originals(reports) if reports else None, progress)
    in_range = [r for r in read.records if _in_range(r, start, end)]
    kept = [r for r in in_range if r.status in statuses]
    result = build_events(kept)
    tables = all_tables(result, kept, by)
    summary = TollSummary(
        output=str(out), reports=read.reports, records=len(read.records),
        out_of_range=len(read.records) - len(in_range), other_status=len(in_range) - len(kept),
        subsets=len(result.subsets),
        cumulative=sum(len(c.records) for c in result.cumulative), counted=result.counted,
        events=len(result.events), collapsed_share=result.collapsed_share,
        summed_value=sum(r.value for e in result.events for r in e.records),
        toll_value=sum(e.value for e in result.events),
        unresolved_records=sum(not r.place.resolved for r in kept),
        without_text=read.without_text, undated=read.undated, bad=read.bad)
    if read.without_text:
        logger.warning("%d report(s) without text: no sentences and no update or running-total "
                       "cues for them (give the original reports with --reports)", read.without_text)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        with atomic_open(out / f"{name}.csv") as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")
    with atomic_open(out / "events.jsonl") as fh:
        for event in result.events:
            fh.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
    with atomic_open(out / "toll.html") as fh:
        fh.write(render_page(tables, result.events, summary.stats(), by))
    return summary
