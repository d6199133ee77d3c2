"""``hasila toll``: places to districts, cues, the event rules, tables, the page and the CLI.

Every report here is made up. Most tests build prediction lines directly (so they test the
toll, not the tagger); the acceptance test runs ``hasila predict --rules`` first.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from hasila.apps.toll.admin import AdminGazetteer
from hasila.apps.toll.cues import mark_counts, sentence_bounds
from hasila.apps.toll.events import build_events
from hasila.apps.toll.records import parse_date, read_predictions
from hasila.apps.toll.tables import all_tables, period_of
from hasila.cli import main


@pytest.fixture(scope="module")
def admin() -> AdminGazetteer:
    return AdminGazetteer.load()


def line(rid: str, date: str | None, text: str, records: list[dict[str, Any]],
         places: tuple[str, ...] = (), source: str = "outlet") -> dict[str, Any]:
    """A prediction line: each record names its count's text (``count``, found in ``text``)."""
    casualties, pos = [], 0
    for i, rec in enumerate(records, start=1):
        start = text.index(rec["count"], pos)
        pos = start + len(rec["count"])
        casualties.append({"id": f"c{i}", "start": start, "end": pos, "text": rec["count"],
                           "value": rec.get("value", int(rec["count"])),
                           "qualifier": rec.get("qualifier", "exact"),
                           "status": rec.get("status", "killed"),
                           "category": rec.get("category", "civilian"), "category_text": None,
                           "part_of": rec.get("part_of"), "affiliation": None,
                           "perpetrator": rec.get("perpetrator"), "location": rec.get("location")})
    entities = [{"label": "PLACE", "start": text.index(p), "end": text.index(p) + len(p), "text": p,
                 "score": None} for p in places]
    meta = {"source": source} | ({"date": date} if date else {})
    return {"id": rid, "meta": meta, "text": text, "entities": entities, "casualties": casualties,
            "non_counts": [], "warnings": []}


def events_of(tmp_path: Path, admin: AdminGazetteer, lines: list[dict[str, Any]]) -> Any:
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    read = read_predictions([str(path)], admin)
    return build_events(read.records), read.records


# ---------------------------------------------------------------- places, cues, dates


def test_places_resolve_to_district_and_governorate(admin: AdminGazetteer) -> None:
    douma = admin.resolve("بدوما")  # clitic; a town name also found in other governorates
    assert (douma.governorate.name_en, douma.district.name_en) == ("Rif Dimashq", "Duma")
    assert douma.governorate.name_ar == "ريف دمشق"
    rural = admin.resolve("ريف درعا الشرقي")
    assert rural.governorate.name_en == "Daraa" and rural.district is None
    assert admin.resolve("حي جوبر").district.pcode == "SY0100"  # Damascus has one district
    assert admin.resolve("تركيا").country and not admin.resolve("تركيا").governorate
    unknown = admin.resolve("قرية لا وجود لها")
    assert not unknown.resolved and unknown.problem == "not in the gazetteer"
    assert not admin.resolve("سوريا").resolved  # the whole country is not an area
    assert not admin.resolve("سورية").resolved  # its other spelling
    assert admin.resolve("بالموصل").country == "Iraq"  # a city abroad (world.tsv): its country


def test_update_and_cumulative_cues() -> None:
    text = "قتل 5 مدنيين اليوم، ليرتفع عدد القتلى منذ بداية العام إلى 500 مدني"
    counts = [(text.index("5"), text.index("5") + 1), (text.index("500"), text.index("500") + 3)]
    assert mark_counts(text, counts) == [(False, False), (True, True)]
    to = "ارتفعت حصيلة قتلى القصف إلى 20 مدنيا"
    assert mark_counts(to, [(to.index("20"), to.index("20") + 2)]) == [(True, False)]
    reached = "وصل عدد قتلى القصف إلى 20 مدنيا"  # إلى right before the number, nothing else
    assert mark_counts(reached, [(reached.index("20"), reached.index("20") + 2)]) == [(True, False)]
    years = "خلفت الحرب أكثر من 350 ألف قتيل على مدار الأعوام السبعة الماضية"
    assert mark_counts(years, [(years.index("350"), years.index("350") + 7)]) == [(False, True)]
    for since_war in ("قتل أكثر من 350 ألف شخص في النزاع منذ بدايته", "قتل 900 مدني منذ آذار 2011"):
        i = next(k for k, ch in enumerate(since_war) if ch.isdigit())
        assert mark_counts(since_war, [(i, i + 3)]) == [(False, True)]
    hospital = "نقل 3 جرحى إلى المستشفى"
    assert mark_counts(hospital, [(4, 5)]) == [(False, False)]
    since = "قتل 300 شخص منذ عام 2011 في المدينة"
    assert mark_counts(since, [(4, 7)]) == [(False, True)]
    doc = "عنوان.\nقتل 4 مدنيين في القصف. وأصيب آخرون"
    s, e = sentence_bounds(doc, doc.index("4"), doc.index("4") + 1)
    assert doc[s:e] == "قتل 4 مدنيين في القصف"


def test_dates_iso_and_rfc2822() -> None:
    assert parse_date("Fri, 09 Feb 2018 23:10:12 +0400") == dt.datetime(2018, 2, 9, 23, 10, 12)
    assert parse_date("2018-02-09").date() == dt.date(2018, 2, 9)
    assert parse_date("2018-02-09T10:00:00Z").hour == 10
    assert parse_date("yesterday") is None and parse_date(None) is None


# ---------------------------------------------------------------- the event rules


KILLED_12 = "قتل 12 مدنيا في قصف على مدينة دوما"


def test_reprint_collapses(tmp_path: Path, admin: AdminGazetteer) -> None:
    result, _ = events_of(tmp_path, admin, [
        line("a", "2024-03-10T09:00", KILLED_12, [{"count": "12", "location": "دوما"}], source="A"),
        line("b", "2024-03-10T17:00", KILLED_12, [{"count": "12", "location": "دوما"}], source="B"),
    ])
    [event] = result.events
    assert (event.value, event.reports, event.reprints, event.conflicts) == (12, ["a", "b"], 1, 0)
    assert result.collapsed_share == pytest.approx(0.5)


def test_update_next_day_replaces_but_a_plain_next_day_report_is_a_new_event(
        tmp_path: Path, admin: AdminGazetteer) -> None:
    update = "ارتفعت حصيلة قتلى القصف على مدينة دوما إلى 20 مدنيا"
    result, _ = events_of(tmp_path, admin, [
        line("a", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}]),
        line("u", "2024-03-11", update, [{"count": "20", "location": "دوما"}]),
    ])
    [event] = result.events
    assert (event.value, event.standing, event.updates) == (20, "u", 1)
    assert (event.first_date, event.last_date) == (dt.date(2024, 3, 10), dt.date(2024, 3, 11))
    plain = "قتل 15 مدنيا في قصف جديد على مدينة دوما"
    result, _ = events_of(tmp_path, admin, [
        line("a", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}]),
        line("p", "2024-03-11", plain, [{"count": "15", "location": "دوما"}]),
        line("late", "2024-03-13", update, [{"count": "20", "location": "دوما"}]),  # two days on
    ])
    assert sorted(e.value for e in result.events) == [12, 15, 20]


def test_same_day_conflict_keeps_the_lower_figure(tmp_path: Path, admin: AdminGazetteer) -> None:
    result, _ = events_of(tmp_path, admin, [
        line("a", "2024-03-10T08:00", KILLED_12, [{"count": "12", "location": "دوما"}]),
        line("b", "2024-03-10T09:00", "قتل 14 مدنيا في قصف على مدينة دوما",
             [{"count": "14", "location": "دوما"}]),
    ])
    [event] = result.events
    assert (event.value, event.conflicts, event.standing) == (12, 1, "a")


def test_subset_is_never_added(tmp_path: Path, admin: AdminGazetteer) -> None:
    text = "قتل 7 مدنيين بينهم 3 أطفال في قصف على بلدة سراقب"
    result, records = events_of(tmp_path, admin, [line("s", "2024-03-12", text, [
        {"count": "7", "location": "سراقب"},
        {"count": "3", "category": "child", "part_of": "c1", "location": "سراقب"}])])
    [event] = result.events
    assert event.value == 7 and [r.value for r in event.subsets] == [3]
    summary = all_tables(result, records, "day")["summary"]
    assert summary["value"].sum() == 7 and set(summary["category"]) == {"civilian"}


def test_cumulative_figure_is_kept_apart(tmp_path: Path, admin: AdminGazetteer) -> None:
    text = "وثق المرصد مقتل 4500 مدني في محافظة إدلب منذ بداية العام"
    today = "قتل 3 مدنيين في قصف على بلدة سراقب"
    result, records = events_of(tmp_path, admin, [
        line("x", "2024-03-12", text, [{"count": "4500", "location": "إدلب"}]),
        line("y", "2024-03-13", text, [{"count": "4500", "location": "إدلب"}]),
        line("z", "2024-03-13", today, [{"count": "3", "location": "سراقب"}]),
    ])
    assert [e.value for e in result.events] == [3]
    [total] = result.cumulative
    assert (total.value, total.reports) == (4500, ["x", "y"])
    tables = all_tables(result, records, "month")
    assert tables["summary"]["value"].sum() == 3 and tables["cumulative"]["value"].tolist() == [4500]


def test_two_same_day_events_in_different_districts(tmp_path: Path, admin: AdminGazetteer) -> None:
    text = "قتل 6 مدنيين في قصف على مدينة عفرين، وقتل 4 مدنيين في قصف على مدينة منبج"
    result, records = events_of(tmp_path, admin, [line("f", "2024-03-12", text, [
        {"count": "6", "location": "عفرين"}, {"count": "4", "location": "منبج"}])])
    assert sorted((e.place.district.name_en, e.value) for e in result.events) == \
        [("Afrin", 6), ("Menbij", 4)]
    summary = all_tables(result, records, "week")["summary"]
    assert summary.loc[summary["governorate"] == "Aleppo", "value"].sum() == 10


def test_governorate_only_record_joins_the_district_event(tmp_path: Path,
                                                          admin: AdminGazetteer) -> None:
    result, _ = events_of(tmp_path, admin, [
        line("a", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}]),
        line("b", "2024-03-10", "قتل 12 مدنيا في ريف دمشق", [{"count": "12", "location": "ريف دمشق"}]),
    ])
    [event] = result.events
    assert event.place.district.name_en == "Duma" and event.reprints == 1


def test_unresolved_places_are_reported_not_dropped(tmp_path: Path, admin: AdminGazetteer) -> None:
    text = "قتل 9 مدنيين في قرية زهرة الوادي"
    result, records = events_of(tmp_path, admin, [
        line("u", "2024-03-10", text, [{"count": "9", "location": "زهرة الوادي"}])])
    tables = all_tables(result, records, "day")
    assert tables["toll"]["governorate"].tolist() == ["(unresolved)"]
    assert tables["toll"]["value"].tolist() == [9]
    assert tables["unresolved"][["place", "records"]].values.tolist() == [["زهرة الوادي", 1]]


def test_report_places_when_the_record_has_none(tmp_path: Path, admin: AdminGazetteer) -> None:
    text = "قتل 4 مدنيين في قصف على مدينة منبج أمس"
    result, _ = events_of(tmp_path, admin, [
        line("r", "2024-03-10", text, [{"count": "4"}], places=("منبج",))])
    [event] = result.events
    assert event.place.district.name_en == "Menbij" and event.records[0].place_from == "report"


def test_periods() -> None:
    dates = pd.Series([dt.date(2024, 3, 13), None])
    assert period_of(dates, "week").tolist() == ["2024-03-11", "undated"]
    assert period_of(dates, "month").tolist()[0] == "2024-03"
    assert period_of(dates, "day").tolist()[0] == "2024-03-13"


# ---------------------------------------------------------------- the acceptance case, CLI


ACCEPTANCE = [
    {"id": "a1", "date": "2024-03-10T09:00:00", "source": "outlet-a",
     "url": "https://example.org/a1", "text": "قتل 12 مدنيا جراء قصف جوي على مدينة دوما."},
    {"id": "b1", "date": "2024-03-10T11:30:00", "source": "outlet-b",
     "text": "قتل 12 مدنيا جراء قصف جوي على مدينة دوما."},
    {"id": "a2", "date": "2024-03-11T08:00:00", "source": "outlet-a",
     "text": "ارتفعت حصيلة القتلى جراء القصف الجوي على مدينة دوما إلى 20 مدنيا."},
    {"id": "c1", "date": "2024-03-10T15:00:00", "source": "outlet-c",
     "text": "قتل 5 عناصر من قوات النظام في هجوم على مدينة درعا."},
]


def test_acceptance_douma_update_and_daraa(tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    reports.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ACCEPTANCE),
                       encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert main(["predict", "--rules", "--input", str(reports), "--output", str(pred),
                 "--no-progress"]) == 0
    out = tmp_path / "toll"
    assert main(["toll", "--input", str(pred), "--reports", str(reports), "--output", str(out),
                 "--by", "day", "--no-progress"]) == 0
    with (out / "toll.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    got = sorted((r["governorate"], r["category"], r["status"], r["value"], r["reports"]) for r in rows)
    assert got == [("Daraa", "regime", "killed", "5", "c1"),
                   ("Rif Dimashq", "civilian", "killed", "20", "a1 b1 a2")]
    with (out / "summary.csv").open(encoding="utf-8", newline="") as fh:
        summary = list(csv.DictReader(fh))
    assert sum(int(r["value"]) for r in summary) == 25
    events = [json.loads(x) for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    douma = next(e for e in events if e["value"] == 20)
    assert douma["district"] == "Duma" and douma["standing_report"] == "a2"
    assert [(r["report_id"], r["value"], r["update"]) for r in douma["reports"]] == \
        [("a1", 12, False), ("b1", 12, False), ("a2", 20, True)]
    assert douma["reports"][2]["sentences"] == [ACCEPTANCE[2]["text"].rstrip(".")]
    page = (out / "toll.html").read_text(encoding="utf-8")
    event_id = next(r["event_id"] for r in rows if r["value"] == "20")
    assert f"href='#{event_id}'" in page and f"id='{event_id}'" in page
    assert page.count("data:image/png;base64,") == 2  # a timeline per category
    assert "href='https://example.org/a1'" in page and "dir='rtl'" in page
    assert "ارتفعت حصيلة القتلى" in page  # the sentence the update rests on


def test_from_to_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pred = tmp_path / "pred.jsonl"
    lines = [line("a", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}]),
             line("b", "2024-04-02", KILLED_12, [{"count": "12", "location": "دوما"}])]
    pred.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "toll"
    assert main(["toll", "--input", str(pred), "--output", str(out), "--from", "2024-04-01"]) == 0
    assert pd.read_csv(out / "toll.csv")["reports"].tolist() == ["b"]
    assert main(["toll", "--input", str(pred), "--output", str(out), "--to", "March"]) == 2
    assert main(["toll", "--input", str(tmp_path / "missing.jsonl"), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--to 'March': expected a day as YYYY-MM-DD" in err and "missing.jsonl" in err
    assert "Traceback" not in err


def test_other_status_is_left_out_unless_asked(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    text = "نزح 3000 مدني من مدينة دوما وقتل 4 مدنيين في القصف"
    lines = [line("o", "2024-03-10", text, [{"count": "3000", "status": "other", "location": "دوما"},
                                            {"count": "4", "location": "دوما"}])]
    pred.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    assert main(["toll", "--input", str(pred), "--output", str(tmp_path / "a")]) == 0
    assert pd.read_csv(tmp_path / "a" / "toll.csv")["value"].tolist() == [4]
    assert main(["toll", "--input", str(pred), "--output", str(tmp_path / "b"),
                 "--status", "other,killed"]) == 0
    assert sorted(pd.read_csv(tmp_path / "b" / "toll.csv")["value"]) == [4, 3000]
    assert main(["toll", "--input", str(pred), "--output", str(tmp_path / "c"), "--status", "dead"]) == 2


def test_predictions_without_text_still_give_events(tmp_path: Path, admin: AdminGazetteer) -> None:
    plain = line("a", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}])
    del plain["text"]
    broken = line("b", "2024-03-10", KILLED_12, [{"count": "12", "location": "دوما"}])
    del broken["text"]
    broken["casualties"].append({"id": "c2", "value": "many"})  # malformed: skipped
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in (plain, broken)),
                    encoding="utf-8")
    read = read_predictions([str(path)], admin)
    assert read.without_text == 2 and [r.sentence for r in read.records] == ["", ""]
    [event] = build_events(read.records).events
    assert (event.value, event.reprints) == (12, 1)


def test_admin_file_is_complete_and_consistent(admin: AdminGazetteer) -> None:
    levels = [u.level for u in admin.units.values()]
    assert (levels.count(1), levels.count(2), levels.count(3)) == (14, 62, 270)
    for unit in admin.units.values():
        assert unit.level == 1 or admin.units[unit.parent].level == unit.level - 1
    assert {g.name_en for g in admin.governorates()} >= {"Rif Dimashq", "Daraa", "Idlib", "Aleppo"}
