"""``hasila predict`` as a newcomer uses it: the inputs one has, standard output, CSV for
spreadsheets, and one clear line for input it cannot read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_predict import model_dir, reports, stand_in_linker, tagger, write_jsonl  # noqa: F401

from hasila.apps.predict import CSV_FIELDS, run_predict
from hasila.cli import main
from hasila.model.infer import Tagger


def problems(err: str) -> list[str]:
    """stderr lines without the note that the tiny test model has no categories.yaml."""
    return [line for line in err.strip().splitlines() if ": note: " not in line]


def ls_task(task_id: int, doc_id: str | None, text: str) -> dict:
    data = {"text": text, **({"doc_id": doc_id} if doc_id else {})}
    return {"id": task_id, "data": data, "annotations": [{"result": []}]}


def test_label_studio_export_and_json_array_are_read(tmp_path: Path, tagger: Tagger) -> None:  # noqa: F811
    export = tmp_path / "export.json"
    export.write_text(json.dumps([ls_task(7, "r1", "قتل 12 مدنيين في إدلب"),
                                  ls_task(8, None, "سقط 5 عناصر في حلب")], ensure_ascii=False),
                      encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"id": "a", "text": "أصيب 7 أطفال"}, {"id": "b"}],
                                ensure_ascii=False, indent=2), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(export), str(array)], out, tagger=tagger, link=False,
                          progress=False)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["r1", "8", "a"]
    assert [str(b) for b in summary.bad] == [f"{array}: item 2: missing 'text'"]


def test_a_file_with_no_report_is_rejected_in_one_line(tmp_path: Path, model_dir: Path,  # noqa: F811
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "reports.csv.txt.jsonl"
    table.write_text("id,text\n" + "".join(f"{i},قتل {i} مدنيين\n" for i in range(50)),
                     encoding="utf-8")
    rc = main(["predict", "--model", str(model_dir), "--input", str(table),
               "--output", str(tmp_path / "o.jsonl"), "--no-progress"])
    err = problems(capsys.readouterr().err)
    assert rc == 1 and len(err) == 2, err
    assert err[0].startswith(f"hasila predict: skipped {table}: no line is a report")
    assert "predict reads JSON Lines" in err[0] and "Label Studio export" in err[0]


def test_many_bad_lines_are_shown_once_each_and_capped(tmp_path: Path, model_dir: Path,  # noqa: F811
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    rows = [*reports(1), *(f"not json {i}" for i in range(30))]
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows)
    rc = main(["predict", "--model", str(model_dir), "--input", str(jsonl), "--no-link",
               "--output", str(tmp_path / "o.jsonl"), "--no-progress"])
    err = problems(capsys.readouterr().err)
    assert rc == 1 and len(err) == 22, err
    assert "and 10 more problem(s)" in err[20] and "30 bad input line(s)" in err[21]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_dash_is_standard_output(tmp_path: Path, tagger: Tagger, stand_in_linker: None,  # noqa: F811
                                        monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.chdir(tmp_path)
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "قتل 12 مدنيين في إدلب"},
                                                {"id": "b", "text": "وقال المصدر إن الوضع هادئ"}])
    stdout = io.StringIO()
    summary = run_predict(None, [str(jsonl)], "-", fmt=fmt, tagger=tagger, progress=False,
                          stdout=stdout)
    assert summary.written == 2 and summary.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no file named '-'
    text = stdout.getvalue()
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in text.splitlines()] == ["a", "b"]
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == CSV_FIELDS and [r["report_id"] for r in rows] == ["a", "b"]


def test_csv_for_spreadsheets(tmp_path: Path, tagger: Tagger, stand_in_linker: None) -> None:  # noqa: F811
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "قتل 12 مدنيين في إدلب"},
                                                {"id": "b", "text": "وقال المصدر إن الوضع هادئ"}])
    out = tmp_path / "pred.csv"
    run_predict(None, [str(jsonl)], out, tagger=tagger, progress=False)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Arabic as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    by_report = {r["report_id"]: r for r in rows}
    assert by_report["a"]["value"] == "12" and by_report["a"]["records_in_report"] == "1"
    assert by_report["b"]["value"] == "" and by_report["b"]["records_in_report"] == "0"
    assert by_report["a"]["warnings"] == "stand-in linker"


def test_a_folder_reads_its_txt_files(tmp_path: Path, tagger: Tagger) -> None:  # noqa: F811
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r2.txt").write_text("سقط 5 عناصر في حلب", encoding="utf-8")
    (folder / "r1.txt").write_text("قتل 12 مدنيين في إدلب", encoding="utf-8")
    (folder / "notes.md").write_text("not a report", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(folder)], out, tagger=tagger, link=False, progress=False)
    assert summary.written == 2
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["r1", "r2"]


def test_empty_input_says_so(tmp_path: Path, model_dir: Path,  # noqa: F811
                             capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    rc = main(["predict", "--model", str(model_dir), "--input", str(empty),
               "--output", str(tmp_path / "o.jsonl"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1 and "the input holds no report: nothing to predict" in err


def test_a_binary_txt_report_is_not_called_line_1(tmp_path: Path, model_dir: Path,  # noqa: F811
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "scan.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    rc = main(["predict", "--model", str(model_dir), "--input", str(blob),
               "--output", str(tmp_path / "o.jsonl"), "--no-progress"])
    first = problems(capsys.readouterr().err)[0]
    assert rc == 1 and first == (f"hasila predict: skipped {blob}: not UTF-8 text (byte 0); "
                                 "is it a binary file?")


@pytest.mark.parametrize("command", [["validate"], ["evaluate", "--baseline", "rules",
                                                    "--output", "EVAL", "--gold"]])
def test_a_binary_gold_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        command: list[str]) -> None:
    blob = tmp_path / "gold.json"
    blob.write_bytes(b'[{"data": {"text": "' + b"\xd9\x82\xff\xfe" * 10 + b'"}}]')
    argv = [str(tmp_path / "eval") if a == "EVAL" else a for a in command]
    rc = main([*argv, str(blob)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1, err
    assert f"{blob}: not UTF-8 text (byte 22)" in err[0]


def test_stdin_json_array_and_line_numbers_after_blank_lines(tmp_path: Path, tagger: Tagger) -> None:  # noqa: F811
    out = tmp_path / "pred.jsonl"
    array = io.StringIO("\n" + json.dumps([{"id": "a", "text": "قتل 3 مدنيين"}], ensure_ascii=False))
    summary = run_predict(None, ["-"], out, tagger=tagger, link=False, progress=False, stdin=array)
    assert summary.written == 1 and not summary.bad
    lines = io.StringIO("\n\n" + json.dumps({"id": "b"}) + "\n")
    summary = run_predict(None, ["-"], out, tagger=tagger, link=False, progress=False, stdin=lines)
    assert [str(b) for b in summary.bad] == ["<stdin>: line 3: missing 'text'"]


def test_a_byte_order_mark_on_json_lines_is_not_a_bad_line(tmp_path: Path, tagger: Tagger) -> None:  # noqa: F811
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\ufeff" + json.dumps({"id": "a", "text": "قتل 3 مدنيين"}, ensure_ascii=False)
                     + "\n", encoding="utf-8")
    summary = run_predict(None, [str(jsonl)], tmp_path / "o.jsonl", tagger=tagger, link=False,
                          progress=False)
    assert summary.written == 1 and not summary.bad
