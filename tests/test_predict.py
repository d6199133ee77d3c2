"""``hasila predict``: inputs, output formats, bad lines, duplicates, resume, atomic writes.

Uses the tiny tagger of test_infer.py (built once per session). Tests that
need casualty records use a stand-in linker (records for digit COUNT spans)
so they check this module's writing, not the linker; one test runs the real
linker when it is there.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_infer import synth_report, tiny_model

from hasila.apps import predict_core as predict_mod
from hasila.apps.predict import CSV_FIELDS, part_path, run_predict
from hasila.cli import main
from hasila.errors import UserError
from hasila.model.infer import Tagger
from hasila.schema import CasualtyRecord, Span


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


@pytest.fixture
def tagger(model_dir: Path) -> Tagger:
    return Tagger.load(model_dir, threads=1, bf16=False)


def fake_link(text: str, spans: list[Span], ontology: Any, config: Any = None) -> Any:
    """Stand-in linker: one record per COUNT span written in ASCII digits."""
    records = [
        CasualtyRecord(id=f"c{i + 1}", start=s.start, end=s.end, text=s.text, value=int(s.text))
        for i, s in enumerate(x for x in spans if x.label == "COUNT" and x.text.isascii()
                               and x.text.isdigit())
    ]
    non_counts = [SimpleNamespace(start=s.start, end=s.end, text=s.text, reason="not digits")
                  for s in spans if s.label == "COUNT" and not (s.text.isascii() and s.text.isdigit())]
    return SimpleNamespace(records=records, non_counts=non_counts, warnings=["stand-in linker"])


@pytest.fixture
def stand_in_linker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(predict_mod, "_link", lambda text, spans, ont, cfg: fake_link(text, spans, ont))


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


def reports(n: int, seed: int = 1, prefix: str = "r") -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [{"id": f"{prefix}{i}", "text": synth_report(rng)[0]} for i in range(n)]


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- inputs and output


def test_jsonl_txt_and_stdin_inputs(tmp_path: Path, tagger: Tagger, stand_in_linker: None) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(3))
    txt = tmp_path / "seed-report.txt"
    txt.write_text("\ufeffقتل 12 مدنيين في إدلب جراء قصف قوات النظام\n", encoding="utf-8")
    stdin = io.StringIO(json.dumps({"id": 42, "text": "سقط 5 عناصر في حلب"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out" / "pred.jsonl"
    summary = run_predict(None, [str(jsonl), str(txt), "-"], out, tagger=tagger, stdin=stdin,
                          progress=False)
    assert summary.exit_code == 0 and summary.written == 5 and not part_path(out).exists()
    lines = read_lines(out)
    assert [line["id"] for line in lines] == ["r0", "r1", "r2", "seed-report", "42"]
    texts = {r["id"]: r["text"] for r in reports(3)}
    texts["seed-report"] = txt.read_text(encoding="utf-8").removeprefix("\ufeff")
    texts["42"] = "سقط 5 عناصر في حلب"
    for line in lines:
        assert set(line) == {"id", "entities", "casualties", "non_counts", "warnings"}
        assert line["entities"], line
        for ent in line["entities"]:
            assert set(ent) == {"label", "start", "end", "text", "score"}
            assert texts[line["id"]][ent["start"]:ent["end"]] == ent["text"]
        for rec in line["casualties"]:
            assert texts[line["id"]][rec["start"]:rec["end"]] == rec["text"]
            assert set(rec) == set(CasualtyRecord.__dataclass_fields__)
        assert line["warnings"] == ["stand-in linker"]
    seed = next(line for line in lines if line["id"] == "seed-report")
    assert [r["value"] for r in seed["casualties"]] == [12]


def test_no_link_gives_entities_only(tmp_path: Path, tagger: Tagger, stand_in_linker: None) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(2))
    out = tmp_path / "pred.jsonl"
    run_predict(None, [str(jsonl)], out, tagger=tagger, link=False, progress=False)
    for line in read_lines(out):
        assert line["entities"] and line["casualties"] == [] and line["warnings"] == []


def test_csv_one_row_per_record(tmp_path: Path, tagger: Tagger, stand_in_linker: None) -> None:
    rows = [{"id": "a", "text": "قتل 12 مدنيين في إدلب ، وسقط 40 عناصر في حلب"},
            {"id": "b", "text": "وقال المصدر إن الوضع ما زال متوترا"},
            {"id": "c", "text": "أصيب 7 أطفال بقصف نفذته قوات النظام على سراقب"}]
    out = tmp_path / "pred.csv"  # format from the extension
    summary = run_predict(None, [str(write_jsonl(tmp_path / "in.jsonl", rows))], out,
                          tagger=tagger, progress=False)
    assert summary.fmt == "csv" and summary.records == 3
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == CSV_FIELDS
    assert [(r["report_id"], r["id"], r["value"], r["text"]) for r in table] == \
        [("a", "c1", "12", "12"), ("a", "c2", "40", "40"), ("b", "", "", ""), ("c", "c1", "7", "7")]
    assert not part_path(out).exists()


def test_real_linker_when_present(tmp_path: Path, tagger: Tagger) -> None:
    pytest.importorskip("hasila.link", reason="hasila/link.py not written yet")
    rows = [{"id": "a", "text": "قتل 12 مدنيين في إدلب جراء قصف قوات النظام"}]
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(write_jsonl(tmp_path / "in.jsonl", rows))], out,
                          tagger=tagger, progress=False)
    assert summary.exit_code == 0 and not summary.failed
    (line,) = read_lines(out)
    for rec in line["casualties"]:
        assert rows[0]["text"][rec["start"]:rec["end"]] == rec["text"]


# ---------------------------------------------------------------- robustness


def test_bad_lines_reported_and_others_written(tmp_path: Path, tagger: Tagger,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    good = reports(4)
    jsonl = write_jsonl(tmp_path / "in.jsonl", [
        good[0],
        '{"id": "broken", "text": "قتل 5',  # line 2: malformed JSON
        good[1],
        {"id": "no-text"},  # line 4
        {"text": "قتل 5 مدنيين"},  # line 5
        "[1, 2]",  # line 6: not an object
        {"id": "bad-text", "text": 5},  # line 7
        good[2],
        "",
        good[3],
    ])
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(jsonl)], out, tagger=tagger, link=False, progress=False)
    assert summary.exit_code == 1
    assert [(b.line, b.path) for b in summary.bad] == [(n, str(jsonl)) for n in (2, 4, 5, 6, 7)]
    assert "missing 'text'" in summary.bad[1].problem and "missing 'id'" in summary.bad[2].problem
    assert [line["id"] for line in read_lines(out)] == ["r0", "r1", "r2", "r3"]

    out2 = tmp_path / "cli.jsonl"
    code = main(["predict", "--model", str(tagger.model_dir), "--input", str(jsonl),
                 "--output", str(out2), "--no-link", "--no-progress", "--threads", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{jsonl}: line 2: invalid JSON" in err and f"{jsonl}: line 4: missing 'text'" in err
    assert [line["id"] for line in read_lines(out2)] == ["r0", "r1", "r2", "r3"]


def test_an_id_for_two_texts_is_an_error_naming_both_lines(tmp_path: Path, tagger: Tagger) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "قتل 12 مدنيين في إدلب"},
                                           {"id": "y", "text": "سقط 5 عناصر في حلب"},
                                           {"id": "x", "text": "قتل 40 عناصر في حماة"},
                                           {"id": "y", "text": "سقط 5 عناصر في حلب"}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "y", "text": "أصيب 7 أطفال"}])
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(a), str(b)], out, tagger=tagger, link=False, progress=False)
    lines = read_lines(out)
    assert [line["id"] for line in lines] == ["x", "y"]
    assert any(e["text"] == "12" for e in lines[0]["entities"])
    assert summary.conflicts == [
        f"{a}: line 3: id 'x' already used at {a}: line 1 for another text; this one is skipped "
        "(give it its own id)",
        f"{b}: line 1: id 'y' already used at {a}: line 2 for another text; this one is skipped "
        "(give it its own id)",
    ]
    assert summary.duplicates == [f"{a}: line 4: repeats report 'y' of {a}: line 2 (same text); "
                                  "written once"]
    assert summary.exit_code == 1


def test_empty_and_non_arabic_reports(tmp_path: Path, tagger: Tagger) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "empty", "text": ""}, {"id": "blank", "text": " \n\t "},
        {"id": "english", "text": "12 people were killed in 2019."},
        {"id": "ok", "text": "قتل 12 مدنيين في إدلب"}])
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(jsonl)], out, tagger=tagger, progress=False)
    lines = {line["id"]: line for line in read_lines(out)}
    for rid in ("empty", "blank", "english"):
        assert lines[rid]["entities"] == [] and lines[rid]["casualties"] == []
        assert len(lines[rid]["warnings"]) == 1
    assert "empty" in lines["blank"]["warnings"][0] and "Arabic" in lines["english"]["warnings"][0]
    assert lines["ok"]["entities"]
    assert summary.empty == 3 and summary.exit_code == 0


def test_a_200k_character_report(tmp_path: Path, tagger: Tagger) -> None:
    rng = random.Random(5)
    parts, spans, size = [], [], 0
    while size < 200_000:
        text, gold = synth_report(rng, sentences=4)
        spans += [Span(s.start + size, s.end + size, s.label, s.text) for s in gold]
        parts.append(text)
        size += len(text) + 1
    text = "\n".join(parts)
    assert len(text) >= 200_000
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(write_jsonl(tmp_path / "in.jsonl", [{"id": "big", "text": text}]))],
                          out, tagger=tagger, batch_size=64, link=False, progress=False)
    (line,) = read_lines(out)
    assert summary.exit_code == 0 and line["id"] == "big"
    found = [(e["start"], e["end"], e["label"]) for e in line["entities"]]
    assert found == sorted(found) and all(a[1] <= b[0] for a, b in itertools.pairwise(found))
    assert all(text[e["start"]:e["end"]] == e["text"] for e in line["entities"])
    want = {(s.start, s.end, s.label) for s in spans}
    assert len(set(found) & want) > 0.9 * len(want)  # the tiny model tags the whole length
    assert max(s for s, _, _ in set(found) & want) > len(text) - 300


# ---------------------------------------------------------------- atomic writes and resume


class Interrupted(Exception):
    pass


def interrupt_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> list[int]:
    """Make ``Tagger.tag`` raise on call number ``calls + 1``; returns the texts tagged per call."""
    real = Tagger.tag
    seen: list[int] = []

    def tag(self: Tagger, texts: list[str], **kwargs: Any) -> list[list[Span]]:
        if len(seen) >= calls:
            raise Interrupted("stopped mid-run")
        seen.append(len(texts))
        return real(self, texts, **kwargs)

    monkeypatch.setattr(Tagger, "tag", tag)
    return seen


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_interrupt_then_resume(tmp_path: Path, tagger: Tagger, monkeypatch: pytest.MonkeyPatch,
                               stand_in_linker: None, fmt: str) -> None:
    rows = reports(10)
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows[:6])
    txt = tmp_path / "r6.txt"
    txt.write_text(rows[6]["text"], encoding="utf-8")
    jsonl2 = write_jsonl(tmp_path / "in2.jsonl", rows[7:])
    inputs = [str(jsonl), str(txt), str(jsonl2)]
    out = tmp_path / f"pred.{fmt}"
    out.write_text("old complete output\n", encoding="utf-8")

    interrupt_after(monkeypatch, 2)
    with pytest.raises(Interrupted):
        run_predict(None, inputs, out, fmt=fmt, tagger=tagger, chunk_size=3, progress=False)
    assert out.read_text(encoding="utf-8") == "old complete output\n"  # untouched
    part = read_lines(part_path(out))
    assert [line["id"] for line in part] == [f"r{i}" for i in range(6)]
    # a line cut short by the interruption is dropped on resume and redone
    with part_path(out).open("a", encoding="utf-8") as fh:
        fh.write('{"id": "r6", "entities": [')
    if fmt == "jsonl":
        out.unlink()  # the old output is not a predict output; resume would refuse it

    monkeypatch.undo()
    monkeypatch.setattr(predict_mod, "_link", lambda text, spans, ont, cfg: fake_link(text, spans, ont))
    seen = interrupt_after(monkeypatch, 99)
    summary = run_predict(None, inputs, out, fmt=fmt, tagger=tagger, resume=True, chunk_size=3,
                          progress=False)
    assert sum(seen) == 4 and summary.written == 4 and summary.resumed == 6
    assert not part_path(out).exists()
    if fmt == "jsonl":
        ids = [line["id"] for line in read_lines(out)]
        assert ids == [f"r{i}" for i in range(10)]
    else:
        with out.open(encoding="utf-8-sig", newline="") as fh:
            table = list(csv.DictReader(fh))
        expected = [(rid, rec_id) for rid, row in ((f"r{i}", rows[i]) for i in range(10))
                    for rec_id in [r.id for r in fake_link(row["text"], tagger.tag([row["text"]])[0],
                                                           None).records] or [""]]
        assert [(r["report_id"], r["id"]) for r in table] == expected
        assert len(expected) > 5


def test_resume_adds_only_new_reports(tmp_path: Path, tagger: Tagger,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rows = reports(5)
    first = write_jsonl(tmp_path / "a.jsonl", rows[:3])
    out = tmp_path / "pred.jsonl"
    run_predict(None, [str(first)], out, tagger=tagger, link=False, progress=False)
    before = read_lines(out)
    second = write_jsonl(tmp_path / "b.jsonl", rows[3:])
    seen = interrupt_after(monkeypatch, 99)
    summary = run_predict(None, [str(first), str(second)], out, tagger=tagger, resume=True,
                          link=False, progress=False)
    assert sum(seen) == 2 and summary.resumed == 3 and summary.written == 2
    after = read_lines(out)
    assert after[:3] == before and [line["id"] for line in after] == [f"r{i}" for i in range(5)]
    # resuming a finished run does nothing more
    summary = run_predict(None, [str(first), str(second)], out, tagger=tagger, resume=True,
                          link=False, progress=False)
    assert summary.written == 0 and read_lines(out) == after


def test_resume_refuses_a_file_that_is_not_predict_output(tmp_path: Path, tagger: Tagger) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(1))
    out = tmp_path / "pred.jsonl"
    out.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(UserError, match=rf"{out}: line 1: not a hasila predict output line"):
        run_predict(None, [str(jsonl)], out, tagger=tagger, resume=True, progress=False)
    assert out.read_text(encoding="utf-8") == "id,text\n"


def test_failure_leaves_no_partial_output(tmp_path: Path, tagger: Tagger,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(6))
    out = tmp_path / "pred.jsonl"
    interrupt_after(monkeypatch, 1)
    with pytest.raises(Interrupted):
        run_predict(None, [str(jsonl)], out, tagger=tagger, chunk_size=2, link=False, progress=False)
    assert not out.exists()
    assert len(read_lines(part_path(out))) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "pred.jsonl.part"]
    monkeypatch.undo()
    # a fresh run (no --resume) starts over and leaves only the output
    summary = run_predict(None, [str(jsonl)], out, tagger=tagger, link=False, progress=False)
    assert summary.written == 6 and len(read_lines(out)) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "pred.jsonl"]


def test_linker_failure_is_reported_not_fatal(tmp_path: Path, tagger: Tagger,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, spans: list[Span], ont: Any, cfg: Any) -> Any:
        if "حلب" in text:
            raise ValueError("boom")
        return fake_link(text, spans, ont)

    monkeypatch.setattr(predict_mod, "_link", broken)
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "قتل 12 مدنيين في إدلب"},
                                                {"id": "b", "text": "سقط 5 عناصر في حلب"}])
    out = tmp_path / "pred.jsonl"
    summary = run_predict(None, [str(jsonl)], out, tagger=tagger, progress=False)
    a, b = read_lines(out)
    assert a["casualties"] and b["casualties"] == [] and b["entities"]
    assert b["warnings"] == ["linking failed: ValueError: boom"]
    assert summary.exit_code == 1 and "report 'b'" in summary.failed[0]


# ---------------------------------------------------------------- command line errors


def test_cli_errors_are_one_line(tmp_path: Path, model_dir: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(1))
    out = str(tmp_path / "pred.jsonl")

    def run(*args: str) -> str:
        assert main(["predict", *args, "--no-progress"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        return err[0]

    missing = tmp_path / "no-model"
    assert f"{missing}: model directory not found" in run(
        "--model", str(missing), "--input", str(jsonl), "--output", out)
    assert f"{tmp_path}: not a trained model directory, missing config.json" in run(
        "--model", str(tmp_path), "--input", str(jsonl), "--output", out)
    assert f"{tmp_path / 'nope.jsonl'}: input file not found" in run(
        "--model", str(model_dir), "--input", str(tmp_path / "nope.jsonl"), "--output", out)
    assert "--format 'xml': unknown format; use one of jsonl, csv" in run(
        "--model", str(model_dir), "--input", str(jsonl), "--output", out, "--format", "xml")
    assert not Path(out).exists()


def test_cli_predict_writes_jsonl(tmp_path: Path, model_dir: Path) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(3))
    out = tmp_path / "pred.jsonl"
    code = main(["predict", "--model", str(model_dir), "--input", str(jsonl), "--output", str(out),
                 "--no-link", "--no-progress", "--batch-size", "2", "--threads", "1", "--no-bf16"])
    assert code == 0 and [line["id"] for line in read_lines(out)] == ["r0", "r1", "r2"]


# ---------------------------------------------------------------- rules instead of a model


def test_rules_instead_of_a_model(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "قتل 12 مدنيا بينهم 3 أطفال جراء قصف قوات النظام على مدينة سراقب."},
        {"id": "b", "text": "no Arabic here"},
    ])
    out = tmp_path / "pred.csv"
    code = main(["predict", "--rules", "--input", str(jsonl), "--output", str(out), "--no-progress"])
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    by_value = {row["value"]: row for row in rows}
    assert set(by_value) == {"12", "3", ""} and {row["report_id"] for row in rows} == {"a", "b"}
    assert by_value[""]["report_id"] == "b" and "Arabic" in by_value[""]["warnings"]
    assert by_value["12"]["status"] == by_value["3"]["status"] == "killed"
    assert by_value["3"]["part_of"] == by_value["12"]["id"]  # بينهم
    assert by_value["12"]["location"] == "سراقب"


def test_model_or_rules_is_required(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(1))
    with pytest.raises(SystemExit) as exc:
        main(["predict", "--input", str(jsonl), "--output", str(tmp_path / "o.jsonl")])
    assert exc.value.code == 2
    assert "one of the arguments --model --rules is required" in capsys.readouterr().err


def test_time_guard_turns_a_slow_report_into_a_warning(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(predict_mod, "LINK_SECONDS", 0.0)  # every report with a count runs out of time
    jsonl = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "slow", "text": "قتل 12 مدنيا بينهم 3 أطفال جراء قصف على مدينة سراقب."},
        {"id": "calm", "text": "قصف على مدينة سراقب."},
    ])
    out = tmp_path / "pred.jsonl"
    code = main(["predict", "--rules", "--input", str(jsonl), "--output", str(out), "--no-progress"])
    slow, calm = read_lines(out)
    assert code == 0 and slow["id"] == "slow" and calm["id"] == "calm"
    assert slow["casualties"] == [] and slow["entities"]
    assert len(slow["warnings"]) == 1 and "report too long" in slow["warnings"][0]
    assert calm["warnings"] == []
