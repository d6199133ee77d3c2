"""File helpers: atomic writes, JSON Lines with line-numbered problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hasila.errors import UserError
from hasila.fileio import BadLine, atomic_open, iter_jsonl, read_json, write_json


def test_atomic_open_replaces_only_on_success(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(path) as fh:
        fh.write("half")
        raise RuntimeError("crash")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with atomic_open(path) as fh:
        fh.write("new")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o044  # readable by others, not mkstemp's 0600


def test_iter_jsonl_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a"}).encode(), b"{not json", b"", b"[1, 2]", b"\xff\xfe bad bytes",
             json.dumps({"id": "b", "text": "نص"}, ensure_ascii=False).encode("utf-8")]
    path.write_bytes(b"\n".join(lines) + b"\n")
    bad: list[BadLine] = []
    got = list(iter_jsonl(path, bad))
    assert [(n, o["id"]) for n, o in got] == [(1, "a"), (6, "b")]
    assert [b.line for b in bad] == [2, 4, 5]
    assert all(b.path == str(path) for b in bad)
    assert str(bad[0]).startswith(f"{path}: line 2: invalid JSON line")


def test_iter_jsonl_without_bad_list_raises_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"in\.jsonl: line 2: invalid JSON"):
        list(iter_jsonl(path))
    with pytest.raises(UserError, match="file not found"):
        list(iter_jsonl(tmp_path / "missing.jsonl"))


def test_json_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    write_json(path, {"نص": [1, 2]})
    assert read_json(path) == {"نص": [1, 2]}
    assert "نص" in path.read_text(encoding="utf-8")
    path.write_text("{\n  bad", encoding="utf-8")
    with pytest.raises(UserError, match=r"x\.json: line 2: invalid JSON"):
        read_json(path)


def test_atomic_dir_replaces_only_on_success(tmp_path: Path) -> None:
    from hasila.fileio import atomic_dir

    target = tmp_path / "model"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_dir(target) as tmp:
        (tmp / "new.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]
    assert [p.name for p in target.iterdir()] == ["old.txt"]  # untouched
    with atomic_dir(target) as tmp:
        (tmp / "new.txt").write_text("whole", encoding="utf-8")
        assert not (target / "new.txt").exists()  # nothing visible before the end
    assert [p.name for p in target.iterdir()] == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # no .tmp or .old left
    with atomic_dir(tmp_path / "fresh") as tmp:
        (tmp / "a").write_text("a", encoding="utf-8")
    assert (tmp_path / "fresh" / "a").read_text(encoding="utf-8") == "a"
