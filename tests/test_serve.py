"""``hasila serve`` (hasila.apps.serve): the ML backend protocol through FastAPI's test client.

The model is the tiny tagger of test_infer (made-up reports, nothing downloaded).
"""

from __future__ import annotations

import json
import random
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_infer import synth_report, tiny_model

from hasila.annotation.lsclient import LABEL_CONFIG
from hasila.annotation.lsio import doc_to_task, read_export
from hasila.apps.prediction_doc import model_version, tag_and_link
from hasila.apps.serve import Backend, ServeError, check_label_config, create_app, project_id
from hasila.model.infer import Tagger
from hasila.schema import Doc
from hasila.training.retrain import Retrainer

CONFIG = LABEL_CONFIG.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


@pytest.fixture(scope="module")
def reports() -> list[str]:
    rng = random.Random(5)
    return [synth_report(rng, sentences=2)[0] for _ in range(3)]


@pytest.fixture
def backend(model_dir: Path) -> Backend:
    return Backend(model_dir, threads=1)


@pytest.fixture
def client(backend: Backend) -> TestClient:
    return TestClient(create_app(backend))


def _tasks(texts: list[str]) -> list[dict]:
    return [{"id": 10 + i, "data": {"text": t, "doc_id": f"r{i}"}} for i, t in enumerate(texts)]


def test_health_and_setup(client: TestClient, model_dir: Path) -> None:
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json()["status"] == "UP"
    assert health.json()["model_version"] == model_version(model_dir)
    assert client.get("/").json()["status"] == "UP"
    setup = client.post("/setup", json={"project": "3.1700000000", "schema": CONFIG,
                                        "hostname": "http://localhost:8080", "access_token": "x"})
    assert setup.status_code == 200 and setup.json() == {"model_version": model_version(model_dir)}


def test_predict_writes_what_ls_push_writes(client: TestClient, model_dir: Path,
                                            reports: list[str]) -> None:
    r = client.post("/predict", json={"tasks": _tasks(reports), "project": "3.1700000000",
                                      "label_config": CONFIG, "params": {"context": None}})
    assert r.status_code == 200
    results = r.json()["results"]
    assert len(results) == 3
    # exactly the prediction `hasila ls push --model` would attach to each task
    tagger = Tagger.load(model_dir, threads=1)
    docs = tag_and_link(tagger, [Doc(id=f"r{i}", text=t) for i, t in enumerate(reports)])
    version = model_version(model_dir)
    expected = [doc_to_task(d, kind="predictions", model_version=version)["predictions"][0]
                for d in docs]
    assert results == json.loads(json.dumps(expected))
    assert sum(len(p["result"]) for p in results) > 6
    assert all(p["model_version"] == version for p in results)
    assert any(isinstance(p.get("score"), float) for p in results)  # mean score of the model's spans
    # valid under scheme v1 and back to the same spans
    back = read_export([{"id": 10 + i, "data": {"text": t, "doc_id": f"r{i}"}, "predictions": [p]}
                        for i, (t, p) in enumerate(zip(reports, results, strict=True))],
                       source="predictions")
    assert back.errors == []
    assert [[(s.start, s.end, s.label) for s in d.spans] for d in back.docs] == \
        [[(s.start, s.end, s.label) for s in d.spans] for d in docs]


@pytest.mark.parametrize(("body", "status", "words"), [
    (b"{not json", 400, "not JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (json.dumps({"project": "1.2"}).encode(), 422, '"tasks" must be a list'),
    (json.dumps({"tasks": [{"id": 7, "data": {"txt": "x"}}]}).encode(), 422, "task 7"),
    (json.dumps({"tasks": [{"data": {"text": "x"}}], "project": "99.1"}).encode(), 404,
     "unknown project 99"),
    (json.dumps({"tasks": [], "project": "abc"}).encode(), 400, "not a Label Studio project id"),
    (json.dumps({"tasks": [], "label_config": "<View><Text name='text'/></View>"}).encode(), 422,
     "not hasila's scheme v1"),
])
def test_bad_requests_are_json_errors_and_the_server_keeps_serving(
        client: TestClient, body: bytes, status: int, words: str) -> None:
    r = client.post("/predict", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert words in r.json()["error"]
    assert client.get("/health").status_code == 200
    ok = client.post("/predict", json={"tasks": _tasks(["قتل 3 مدنيين في إدلب"])})
    assert ok.status_code == 200 and len(ok.json()["results"]) == 1


def test_a_model_that_does_not_load(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{}", encoding="utf-8")
    client = TestClient(create_app(Backend(broken, threads=1)))
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["status"] == "DOWN"
    r = client.post("/predict", json={"tasks": _tasks(["نص"])})
    assert r.status_code == 503 and "does not load" in r.json()["error"]
    assert client.post("/setup", json={"project": "1.1", "schema": CONFIG}).status_code == 503


def test_concurrent_predict_equals_sequential(client: TestClient, backend: Backend) -> None:
    rng = random.Random(21)
    bodies = [{"tasks": _tasks([synth_report(rng, sentences=4)[0] for _ in range(4)])}
              for _ in range(6)]
    tagger = backend.load().tagger
    tagger.max_length, tagger.stride, tagger.lanes = 40, 10, 2  # several windows, lanes in use
    sequential = [client.post("/predict", json=b).json() for b in bodies]
    with ThreadPoolExecutor(6) as pool:
        concurrent = list(pool.map(lambda b: client.post("/predict", json=b).json(), bodies))
    assert sum(len(p["result"]) for s in sequential for p in s["results"]) > 20
    assert concurrent == sequential


def test_label_config_and_project_ids() -> None:
    check_label_config(CONFIG)
    with pytest.raises(ServeError, match="not valid XML"):
        check_label_config("<View>")
    assert project_id("12.1700000000") == 12
    assert project_id({"id": 4, "title": "x"}) == 4
    assert project_id(None) is None


# ---------------------------------------------------------------- webhook and retraining


def _copy_model(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    (dst / "resolved_config.yaml").write_text("name: retrained\n", encoding="utf-8")
    return dst


def test_webhook_without_retraining_is_ignored(client: TestClient) -> None:
    event = {"action": "ANNOTATION_CREATED", "project": {"id": 5, "label_config": CONFIG}}
    r = client.post("/webhook", json=event)
    assert r.status_code == 200 and r.json()["status"] == "ignored"
    assert client.post("/webhook", json={"action": "X", "project": {"id": 6}}).status_code == 404
    assert client.post("/webhook", json={"project": {"id": 5}}).status_code == 400


def test_webhook_retrains_in_the_background_and_swaps_the_model(model_dir: Path, tmp_path: Path) -> None:
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def retrain(pid: int) -> Path:
        calls.append(pid)
        started.set()
        release.wait(30)
        return _copy_model(model_dir, tmp_path / f"model-ls{pid}")

    backend = Backend(model_dir, threads=1, retrain=retrain)
    client = TestClient(create_app(backend))
    old = client.get("/health").json()["model_version"]
    event = {"action": "ANNOTATION_CREATED", "project": {"id": 5, "label_config": CONFIG}}
    r = client.post("/webhook", json=event)
    assert r.status_code == 201 and r.json() == {"status": "training", "project": 5}
    assert started.wait(30)
    # while it trains, the old model keeps answering and a second event starts nothing
    assert client.post("/predict", json={"tasks": _tasks(["قتل 3 مدنيين"])}).json()["model_version"] == old
    assert client.post("/webhook", json=event).json()["status"] == "already training"
    release.set()
    backend.wait_for_training(60)
    health = client.get("/health").json()
    new = model_version(tmp_path / "model-ls5")
    assert new != old and health["model_version"] == new and calls == [5]
    assert health["training"]["running"] is False and "error" not in health["training"]
    answer = client.post("/predict", json={"tasks": _tasks(["قتل 3 مدنيين"])}).json()
    assert answer["results"][0]["model_version"] == new


def test_a_failed_retraining_keeps_the_model(model_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    backend = Backend(model_dir, threads=1, retrain=lambda pid: broken)
    client = TestClient(create_app(backend))
    old = client.get("/health").json()["model_version"]
    r = client.post("/webhook", json={"action": "START_TRAINING", "project": {"id": 2, "label_config": CONFIG}})
    assert r.status_code == 201
    backend.wait_for_training(60)
    health = client.get("/health").json()
    assert health["model_version"] == old
    assert "not a trained model directory" in health["training"]["error"]


def test_retraining_config_adds_the_project_annotations(tmp_path: Path, root: Path) -> None:
    retrainer = Retrainer(config=root / "configs" / "tiny.yaml", output=tmp_path / "models",
                          client=lambda: None, overrides=["training.max_steps=2"])
    cfg = retrainer.training_config(7, tmp_path / "export.json")
    assert cfg["name"] == "tiny-ls7" and cfg["models_dir"] == str((tmp_path / "models").resolve())
    assert cfg["training"]["max_steps"] == 2
    source = cfg["data"]["train"][-1]
    assert source["kind"] == "gold" and source["path"] == str(tmp_path / "export.json")
    # retraining a retrained model keeps one suffix
    (tmp_path / "again.yaml").write_text("name: tiny-ls7\n", encoding="utf-8")
    again = Retrainer(config=tmp_path / "again.yaml", output=tmp_path, client=lambda: None)
    assert again.training_config(7, tmp_path / "e.json")["name"] == "tiny-ls7"
