"""``hasila predict --engine ray``: the same output as ``--engine local``, on a local Ray.

One local Ray (``num_cpus=2``) serves the module; every run compares the Ray
engine's output file with the local engine's on the same inputs (tiny model of
test_infer.py, and the rules), through the real linker. Small batches (and
segments) make several actors, blocks (and datasets) take part, so the order
check means something. Skipped when Ray is not installed (``pip install 'hasila[ray]'``;
``make test`` installs it).
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("ray", reason="ray is not installed: pip install 'hasila[ray]' "
                                  "(make test installs it); skipping the Ray engine tests")

import numpy as np
from test_infer import tiny_model
from test_predict import reports, write_jsonl

from hasila.apps import predict_core as predict_mod
from hasila.apps.predict import run_predict
from hasila.apps.predict_core import Report, predict_chunk
from hasila.apps.predict_ray import (
    RayOptions,
    RayPredictor,
    TagBatch,
    pack_model,
    regroup,
    unpack_model,
)
from hasila.cli import main
from hasila.errors import UserError
from hasila.model.infer import Tagger

#: small batches: 2 actors share several blocks; SEGMENTS: and several datasets one after another
SMALL = RayOptions(concurrency=2, batch=3)
SEGMENTS = RayOptions(concurrency=2, batch=3, segment=7)


@pytest.fixture(scope="module")
def local_ray() -> Any:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


def inputs(tmp: Path) -> list[str]:
    """15 reports in JSON Lines with a bad line, a repeated id and one without Arabic, then a
    .txt report."""
    rows: list[Any] = reports(15, seed=3)
    rows.insert(5, "{not json")
    rows.insert(9, {"id": "r2", "text": "قتل 3 مدنيين في حلب"})
    rows.append({"id": "latin", "text": "no Arabic here"})
    txt = tmp / "seed-report.txt"
    txt.write_text("قتل 12 مدنيين في إدلب جراء قصف قوات النظام\n", encoding="utf-8")
    return [str(write_jsonl(tmp / "in.jsonl", rows)), str(txt)]


def test_tiny_model_output_identical_to_local(tmp_path: Path, model_dir: Path, local_ray: Any) -> None:
    names = [*inputs(tmp_path), "-"]
    stdin = json.dumps({"id": 42, "text": "سقط 5 عناصر في حلب"}, ensure_ascii=False) + "\n"
    local = run_predict(model_dir, names, tmp_path / "local.jsonl", progress=False, threads=1,
                        bf16=False, stdin=io.StringIO(stdin))
    ray_run = run_predict(model_dir, names, tmp_path / "ray.jsonl", progress=False, threads=1,
                          bf16=False, stdin=io.StringIO(stdin), engine="ray", ray_options=SMALL)
    expected = (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "ray.jsonl").read_bytes() == expected
    lines = [json.loads(line) for line in expected.decode().splitlines()]
    assert len(lines) == 18 and [line["id"] for line in lines[-2:]] == ["seed-report", "42"]
    assert any(line["casualties"] for line in lines)  # the linker ran in the actors
    assert [str(b) for b in ray_run.bad] == [str(b) for b in local.bad] and len(local.bad) == 1
    assert ray_run.conflicts == local.conflicts and len(local.conflicts) == 1  # r2: another text
    assert (ray_run.written, ray_run.records, ray_run.empty, ray_run.exit_code) == \
        (local.written, local.records, local.empty, 1)
    assert not (tmp_path / "ray.jsonl.part").exists()
    # Ray Data's settings are given back (a notebook's own datasets keep theirs)
    assert local_ray.data.DataContext.get_current().execution_options.preserve_order is False


def test_rules_cli_csv_and_resume(tmp_path: Path, local_ray: Any,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    names = inputs(tmp_path)
    common = ["predict", "--rules", "--no-progress", "--input", *names]
    assert main([*common, "--output", str(tmp_path / "local.csv")]) == 1  # the bad line
    assert main([*common, "--output", str(tmp_path / "ray.csv"), "--engine", "ray",
                 "--concurrency", "2"]) == 1
    assert "line 6: invalid JSON line" in capsys.readouterr().err
    csv_text = (tmp_path / "local.csv").read_text(encoding="utf-8")
    assert (tmp_path / "ray.csv").read_text(encoding="utf-8") == csv_text
    assert len(csv_text.splitlines()) > 5

    # an interrupted Ray run (its part file holds 6 finished lines and a cut one) resumes
    assert main([*common, "--output", str(tmp_path / "local.jsonl")]) == 1
    done = (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "ray.jsonl"
    (tmp_path / "ray.jsonl.part").write_text("".join(done[:6]) + done[6][:20], encoding="utf-8")
    summary = run_predict(None, names, out, rules=True, resume=True, progress=False,
                          engine="ray", ray_options=SEGMENTS)
    assert summary.resumed == 6 and summary.written == len(done) - 6
    assert out.read_text(encoding="utf-8") == "".join(done)


def test_model_travels_to_a_node_without_it(tmp_path: Path, model_dir: Path, local_ray: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """On a cluster the model folder goes through the object store; an actor whose node lacks
    the folder's path unpacks it and tags as the folder itself would."""
    monkeypatch.setattr(RayPredictor, "_on_cluster", lambda self: True)
    digest, files = pack_model(model_dir)
    unpacked = Path(tempfile.gettempdir()) / f"hasila-model-{digest}"
    shutil.rmtree(unpacked, ignore_errors=True)
    predictor = RayPredictor(model_dir, SMALL, threads=1, bf16=False)
    try:
        assert predictor.constructor["model_files"][0] == digest
        predictor.constructor["model_dir"] = str(tmp_path / "not-on-this-node")
        chunk = [Report(row["id"], row["text"]) for row in reports(5, seed=4)]
        ((_, lines, failures),) = list(predictor.map([chunk]))
        # written once per node and content; the next actor finds it
        assert sorted(p.name for p in unpacked.iterdir()) == sorted(files)
        assert unpack_model(digest, {}) == unpacked
    finally:
        predictor.close()
        shutil.rmtree(unpacked, ignore_errors=True)
    expected = predict_chunk(chunk, Tagger.load(model_dir, threads=1, bf16=False))
    assert lines == json.loads(json.dumps(expected)) and failures == []
    assert any(line["entities"] for line in lines)


def test_actor_reports_linker_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The callable class, called in this process: a failing link becomes that row's failure."""
    def link(text: str, spans: Any, ontology: Any, config: Any) -> Any:
        if "حلب" in text:
            raise ValueError("made-up failure")
        return SimpleNamespace(records=[], non_counts=[], warnings=[])

    monkeypatch.setattr(predict_mod, "_link", link, raising=True)
    actor = TagBatch(None, 1, None, "cpu", None, True, 16)
    rows = [Report("a", "قتل 3 مدنيين في إدلب"), Report("b", "سقط 5 عناصر في حلب", "x.jsonl", 2)]
    out = actor({"report": np.array([json.dumps(r.__dict__) for r in rows], dtype=object)})
    assert list(out["failure"]) == ["", "ValueError: made-up failure"]
    lines = [json.loads(line) for line in out["line"]]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[1]["entities"] and "linking failed: ValueError: made-up failure" in lines[1]["warnings"]


def test_regroup_restores_chunks_and_failure_indexes() -> None:
    chunks = [[Report("a", ""), Report("b", "")], [Report("c", "")]]
    rows = [(json.dumps({"id": rid}), fail) for rid, fail in (("a", ""), ("b", "E: x"), ("c", ""))]
    got = list(regroup(chunks, rows))
    assert [[line["id"] for line in lines] for _, lines, _ in got] == [["a", "b"], ["c"]]
    assert [failures for _, _, failures in got] == [[(1, "E: x")], []]
    with pytest.raises(RuntimeError, match="order lost"):
        list(regroup(chunks, [rows[1], rows[0], rows[2]]))
    with pytest.raises(RuntimeError, match="fewer lines"):
        list(regroup(chunks, rows[:2]))


def test_ray_option_mistakes_are_user_errors(tmp_path: Path) -> None:
    names = [str(write_jsonl(tmp_path / "in.jsonl", reports(2)))]
    out = tmp_path / "out.jsonl"
    with pytest.raises(UserError, match="--workers is for --engine local"):
        run_predict(None, names, out, rules=True, engine="ray", workers=2)
    with pytest.raises(UserError, match="--concurrency 0"):
        run_predict(None, names, out, rules=True, engine="ray", ray_options=RayOptions(concurrency=0))
    with pytest.raises(UserError, match="unknown engine"):
        run_predict(None, names, out, rules=True, engine="spark")
    assert main(["predict", "--rules", "--input", *names, "--output", str(out),
                 "--concurrency", "2"]) == 2  # a Ray option without --engine ray
    assert not out.exists()
