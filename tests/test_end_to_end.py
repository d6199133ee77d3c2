"""The whole product once, through the command line, on a tiny model:
annotations (markup) → gold exports → train (a few steps) → predict → link → evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hasila.cli import main

pytestmark = pytest.mark.slow

REPORTS = {
    "e1": "قتل [12|COUNT#c1 k=civilian cat=k1 by=a1 at=p1] [مدنياً|CATEGORY#k1] بينهم [3|COUNT#c2 k=child "
          "cat=k2 of=c1 by=a1 at=p1] [أطفال|CATEGORY#k2] جراء قصف نفذته [قوات النظام|ACTOR#a1] على "
          "[سراقب|PLACE#p1] يوم 4 آذار 2019.",
    "e2": "قضى [20|COUNT#c1 q=about k=regime cat=k1 aff=a1 at=p1] [عنصراً|CATEGORY#k1] من [قوات النظام|ACTOR#a1] "
          "في اشتباكات في [ريف حماة الشمالي|PLACE#p1] خلال 24 ساعة، فيما قتل [7|COUNT#c2 k=fighter cat=k2 "
          "aff=a2 at=p1] [مقاتلين|CATEGORY#k2] من [الفصائل|ACTOR#a2].",
    "e3": "استشهد [٥|COUNT#c1 k=civilian cat=k1 by=a1 at=p1] [مواطنين|CATEGORY#k1] بينهم [طفلين|COUNT#c2 v=2 "
          "k=child of=c1 by=a1 at=p1] في غارات [الطائرات الروسية|ACTOR#a1] على [معرة النعمان|PLACE#p1]، "
          "ونفذت الطائرات 30 غارة.",
    "e4": "وثق المرصد مقتل [9|COUNT#c1 k=isis cat=k1 at=p1] من [عناصر التنظيم|CATEGORY#k1] في [بادية دير الزور|PLACE#p1]، "
          "وأصيب [4|COUNT#c2 s=injured k=people cat=k2 at=p1] [أشخاص|CATEGORY#k2] في انفجار لغم.",
    "e5": "ارتفع إلى [45|COUNT#c1 k=people cat=k1 at=p1] عدد [الأشخاص|CATEGORY#k1] الذين قتلوا في [درعا|PLACE#p1]، "
          "بينهم [31|COUNT#c2 k=civilian cat=k2 of=c1 at=p1] [مدنياً|CATEGORY#k2] و[14|COUNT#c3 k=regime cat=k3 "
          "of=c1 at=p1] [جندياً|CATEGORY#k3].",
}


def test_annotations_to_evaluation_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markup = tmp_path / "markup"
    markup.mkdir()
    for doc_id, text in REPORTS.items():
        (markup / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"train": ["e1", "e2", "e3"], "dev": ["e4"], "test": ["e5"]}))
    reports, gold = tmp_path / "reports", tmp_path / "gold"
    assert main(["gold", "build", "--markup", str(markup), "--splits", str(splits),
                 "--reports-dir", str(reports), "--gold-dir", str(gold)]) == 0
    assert main(["validate", str(gold / "train.json")]) == 0

    assert main([
        "train", "--config", "configs/tiny.yaml",
        "--set", f"models_dir={tmp_path / 'models'}", "--set", f"runs_dir={tmp_path / 'training'}",
        "--set", f"data.cache_dir={tmp_path / 'cache'}", "--set", f"model.tokenizer_cache={tmp_path / 'cache'}/tok",
        "--set", f"data.train=[{{name: gold, kind: gold, path: {gold / 'train.json'}, weight: 2.0}}, "
                 "{name: synthetic, kind: synthetic, n: 8, seed: 3}]",
        "--set", f"data.dev=[{{name: gold_dev, path: {gold / 'dev.json'}}}]",
        "--set", f"data.test=[{{name: gold_test, path: {gold / 'test.json'}}}]",
        "--set", "training.max_steps=4", "--set", "training.eval_every=2",
    ]) == 0
    model = tmp_path / "models" / "tiny"
    assert (model / "model.safetensors").exists() and (model / "README.md").exists()

    out = tmp_path / "pred.jsonl"
    rc = main(["predict", "--model", str(model), "--input", str(reports / "e5.txt"), str(reports / "e4.txt"),
               "--output", str(out), "--no-progress"])
    assert rc == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == ["e4", "e5"]
    text5 = (reports / "e5.txt").read_text(encoding="utf-8")
    for line in lines:
        assert set(line) == {"id", "entities", "casualties", "non_counts", "warnings"}
        text = (reports / f"{line['id']}.txt").read_text(encoding="utf-8")
        for ent in line["entities"]:
            assert text[ent["start"]:ent["end"]] == ent["text"]
        for rec in line["casualties"]:
            assert text[rec["start"]:rec["end"]] == rec["text"] and rec["value"] >= 0
    assert "45" in text5

    report = tmp_path / "eval"
    capsys.readouterr()
    assert main(["evaluate", "--model", str(model), "--gold", str(gold / "test.json"), "--output", str(report),
                 "--baseline", "rules"]) == 0
    printed = capsys.readouterr().out
    assert "linker on gold spans" in printed and "rules" in printed
    metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    systems = metrics["sets"]["test"]["systems"]
    assert set(systems) == {"model", "rules", "linker on gold spans"}
    # The linker on gold spans gets every record of this simple report right.
    assert systems["linker on gold spans"]["records"]["overall"]["f1"] == 1.0
    assert metrics["meta"]["model"] == str(model) and metrics["meta"]["config_hash"] != "unknown"
    html = (report / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and ".ar{direction:rtl" in html
