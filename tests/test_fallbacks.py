"""No silent fallback: a missing ontology is said, a broken gazetteer and a second writer refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_predict import model_dir, reports, write_jsonl  # noqa: F401

from hasila.cli import main
from hasila.errors import UserError
from hasila.fileio import atomic_dir, project_root
from hasila.rules.tagger import RulesConfig, RulesTagger


def test_a_gazetteer_that_does_not_load_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"gazetteer file not found; the rules need the gazetteer"):
        RulesTagger.load(RulesConfig(gazetteer=str(tmp_path / "places.tsv")))
    broken = tmp_path / "broken.tsv"
    broken.write_text("name\tkind\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"broken.tsv: line 1: expected the header"):
        RulesTagger.load(RulesConfig(gazetteer=str(broken)))
    assert RulesTagger.load(RulesConfig(gazetteer="")).gazetteer is None  # asked for: no error


def test_a_model_without_its_ontology_is_said(tmp_path: Path, model_dir: Path,  # noqa: F811
                                              capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", reports(1))
    model = tmp_path / "model"
    shutil.copytree(model_dir, model)
    (model / "categories.yaml").unlink(missing_ok=True)
    argv = ["predict", "--input", str(jsonl), "--output", str(tmp_path / "o.jsonl"), "--no-progress"]
    assert main([*argv, "--model", str(model)]) == 0
    err = capsys.readouterr().err
    assert f"hasila predict: note: {model} has no categories.yaml" in err
    assert err.count("categories.yaml") == 2  # one note, not a log line besides it
    shutil.copyfile(project_root() / "configs" / "categories.yaml", model / "categories.yaml")
    assert main([*argv, "--model", str(model)]) == 0
    assert "categories.yaml" not in capsys.readouterr().err


def test_a_second_writer_to_the_same_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "model"
    with atomic_dir(target) as first:
        (first / "a.txt").write_text("first", encoding="utf-8")
        with pytest.raises(UserError, match="another process is writing this folder"), \
                atomic_dir(target):
            pass
        assert (first / "a.txt").exists()  # the first writer's files are untouched
    assert (target / "a.txt").read_text(encoding="utf-8") == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]
    with atomic_dir(target) as again:  # the lock is released afterwards
        (again / "b.txt").write_text("second", encoding="utf-8")
    assert [p.name for p in target.iterdir()] == ["b.txt"]
