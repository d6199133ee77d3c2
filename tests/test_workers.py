"""Worker processes for ``hasila predict --workers N`` (hasila.apps.workers).

The tiny tagger of test_infer.py in two spawned processes must write exactly
what one process writes, in input order, with the real linker, and resume.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_infer import tiny_model
from test_predict import read_lines, reports, write_jsonl

from hasila.apps import workers as workers_mod
from hasila.apps.predict import part_path, run_predict
from hasila.apps.workers import WORKER_CHUNK, ChunkPool, resolve_workers
from hasila.errors import UserError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


def test_resolve_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hasila.model.runtime.auto_threads", lambda: 6)
    assert resolve_workers(1) == 1
    assert resolve_workers(3) == 3
    assert resolve_workers(0) == 6  # one per free core
    assert resolve_workers(0, reports=2 * WORKER_CHUNK) == 2  # no more workers than chunks
    assert resolve_workers(4, reports=1) == 1
    with pytest.raises(UserError, match="--workers -1"):
        resolve_workers(-1)


def test_two_workers_write_what_one_process_writes(tmp_path: Path, model_dir: Path) -> None:
    rows = reports(3 * WORKER_CHUNK + 5, seed=4)
    rows[7] = {"id": rows[7]["id"], "text": "   "}  # empty: a warning, not a failure
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_predict(model_dir, [str(jsonl)], one, threads=1, bf16=False, progress=False)
    s2 = run_predict(model_dir, [str(jsonl)], two, threads=2, bf16=False, progress=False, workers=2)
    assert s1.written == s2.written == len(rows) and s1.records == s2.records
    a, b = read_lines(one), read_lines(two)
    assert [x["id"] for x in b] == [r["id"] for r in rows]  # input order
    assert any(x["casualties"] for x in a)  # the real linker ran in the workers too
    assert a == b
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "one.jsonl", "two.jsonl"]


def test_workers_resume(tmp_path: Path, model_dir: Path) -> None:
    rows = reports(2 * WORKER_CHUNK + 3, seed=8)
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "pred.jsonl"
    # an interrupted run left its first 5 lines
    full = tmp_path / "full.jsonl"
    run_predict(model_dir, [str(jsonl)], full, threads=1, bf16=False, link=False, progress=False)
    lines = full.read_text(encoding="utf-8").splitlines()
    part_path(out).write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    summary = run_predict(model_dir, [str(jsonl)], out, threads=2, bf16=False, link=False,
                          progress=False, resume=True, workers=2)
    assert summary.written == len(rows) - 5
    assert [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] == \
        [json.loads(x) for x in lines]


def test_a_dead_worker_is_one_clear_error(tmp_path: Path, model_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(2 * WORKER_CHUNK, seed=2))
    monkeypatch.setattr(workers_mod, "_run_chunk", _die)
    out = tmp_path / "pred.jsonl"
    with pytest.raises(UserError, match="worker process died"):
        run_predict(model_dir, [str(jsonl)], out, threads=2, bf16=False, progress=False, workers=2)
    assert not out.exists() and part_path(out).exists()


def _die(chunk: list[object]) -> None:
    import os

    os._exit(3)


def test_pool_needs_at_least_one_worker(model_dir: Path) -> None:
    with pytest.raises(UserError, match="at least 1"):
        ChunkPool(model_dir, 0)


def test_rules_in_workers(tmp_path: Path) -> None:
    rows = reports(2 * WORKER_CHUNK + 1, seed=6)
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_predict(None, [str(jsonl)], one, rules=True, progress=False)
    run_predict(None, [str(jsonl)], two, rules=True, progress=False, workers=2, threads=2)
    a, b = read_lines(one), read_lines(two)
    assert a == b and sum(len(x["casualties"]) for x in a) > len(rows)
