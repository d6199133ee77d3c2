"""``hasila predict``: the other fields of an input line pass through as ``meta``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from hasila.apps.predict import CSV_FIELDS, META_CSV_FIELDS
from hasila.apps.predict_core import Report, read_reports
from hasila.cli import main


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [
    {"id": "a", "text": "قتل 4 مدنيين بقصف على بلدة سراقب.", "date": "2021-03-02",
     "source": "outlet-one", "url": "https://example.org/a", "title": "قصف", "tags": ["x", 1]},
    {"id": "b", "text": "أصيب 3 مدنيين في قصف على مدينة حلب."},
]


def test_reader_keeps_every_other_field_as_meta(tmp_path: Path) -> None:
    reports = list(read_reports([str(_write(tmp_path / "in.jsonl", ROWS))], []))
    assert reports[0].meta == {"date": "2021-03-02", "source": "outlet-one",
                               "url": "https://example.org/a", "title": "قصف", "tags": ["x", 1]}
    assert reports[1].meta == {}
    assert Report("a", "t") == Report("a", "t", meta={"date": "x"})  # meta is not identity


def test_jsonl_lines_carry_meta_and_csv_has_meta_columns(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "pred.jsonl"
    assert main(["predict", "--rules", "--input", str(src), "--output", str(out), "--no-progress"]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["meta"] == {k: v for k, v in ROWS[0].items() if k not in ("id", "text")}
    assert "meta" not in lines[1]  # no other fields: no meta
    assert lines[0]["casualties"] and lines[1]["casualties"]

    out_csv = tmp_path / "pred.csv"
    assert main(["predict", "--rules", "--input", str(src), "--output", str(out_csv),
                 "--no-progress"]) == 0
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == CSV_FIELDS and set(META_CSV_FIELDS) >= {"date", "source"}
    a = next(r for r in table if r["report_id"] == "a")
    b = next(r for r in table if r["report_id"] == "b")
    assert (a["date"], a["source"], a["url"], a["title"]) == \
        ("2021-03-02", "outlet-one", "https://example.org/a", "قصف")
    assert (b["date"], b["source"]) == ("", "")
