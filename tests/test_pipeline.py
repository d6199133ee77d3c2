"""``hasila run``'s pipeline: the evaluation scores the predictions file it wrote."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from test_infer import tiny_model

from hasila.annotation.lsio import load_docs
from hasila.apps import pipeline
from hasila.errors import UserError
from hasila.evaluation.evaluate import from_predictions, run_evaluate
from hasila.fileio import project_root
from hasila.model.infer import Tagger
from hasila.schema import Doc, Span


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


def _project(root: Path) -> None:
    """A project folder with the team's gold test split: its report files, split list and export."""
    repo = project_root()
    gold = repo / "annotations" / "gold" / "test.json"
    ids = [d.id for d in load_docs(gold)]
    (root / "data" / "reports").mkdir(parents=True)
    for i in ids:
        shutil.copy(repo / "data" / "reports" / f"{i}.txt", root / "data" / "reports" / f"{i}.txt")
    (root / "data" / "splits.json").write_text(json.dumps({"test": ids}), encoding="utf-8")
    (root / "annotations" / "gold").mkdir(parents=True)
    shutil.copy(gold, root / "annotations" / "gold" / "test.json")


def test_run_tags_the_test_split_once(tmp_path: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path)
    monkeypatch.setattr(pipeline, "project_root", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "shared_dir", lambda: None)  # no real dev set: the test split only
    tagged: Counter[str] = Counter()
    tag = Tagger.tag

    def counting(self: Tagger, texts: Sequence[str], batch_size: int = 16) -> list[list[Span]]:
        tagged.update(texts)
        return tag(self, texts, batch_size=batch_size)

    monkeypatch.setattr(Tagger, "tag", counting)
    config = str(project_root() / "configs" / "tiny.yaml")
    res = pipeline.run_pipeline(config, [f"models_dir={model_dir.parent}", f"name={model_dir.name}"],
                                skip_train=True, baseline=False)
    docs = load_docs(tmp_path / "annotations" / "gold" / "test.json")
    assert res.predictions.is_file()
    assert {d.text: tagged[d.text] for d in docs} == {d.text: 1 for d in docs}

    # the figures are those of tagging the split again
    monkeypatch.setattr(Tagger, "tag", tag)
    again = run_evaluate(model_dir, [tmp_path / "annotations" / "gold" / "test.json"], tmp_path / "again")
    written = json.loads((res.eval_dir / "metrics.json").read_text(encoding="utf-8"))
    assert written["sets"]["test"]["systems"] == json.loads(json.dumps(again["sets"]["test"]["systems"]))


def test_predictions_that_do_not_fit_the_gold_text(tmp_path: Path) -> None:
    path = tmp_path / "predictions.jsonl"
    line = {"id": "r1", "entities": [{"label": "PLACE", "start": 0, "end": 4, "text": "حلب"}],
            "casualties": [], "non_counts": []}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")

    def never(docs: list[Doc]) -> list[Any]:
        raise AssertionError("tagged a report the predictions hold")

    with pytest.raises(UserError, match=r"r1.*do not match"):
        from_predictions(path, never)([Doc("r1", "في إدلب")])
