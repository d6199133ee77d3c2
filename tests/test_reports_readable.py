"""Reports a person reads: legend and conclusion line, named comparisons, the model card."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_evaluate import GOLD, _pred_spans, _rec

from hasila.cli import main
from hasila.evaluation.evaluate import SystemOutput, score_system
from hasila.evaluation.report import render_html, render_markdown, write_report
from hasila.training.train import load_train_config, model_card


def three_systems() -> dict:
    def scored(records: list) -> dict:
        return score_system([GOLD], [SystemOutput(_pred_spans(), records)])

    systems = {
        "model": scored([_rec("c1", "16", 16, "regime"), _rec("c3", "3", 3, "people")]),  # F1 50
        "rules": scored([_rec("c1", "16", 16, "regime"), _rec("c2", "4", 4, "regime", "c1")]),  # 100
        "linker on gold spans": scored([_rec("c1", "16", 16, "regime")]),  # F1 66.7
    }
    return {"meta": {"model": "models/x", "date": "2026-12-04"},
            "sets": {"fixture": {"path": "f.json", "docs": 1, "systems": systems}}}


def test_reports_have_a_legend_and_a_plain_conclusion() -> None:
    from hasila.evaluation.report import conclusions

    metrics = three_systems()
    assert conclusions(metrics) == [
        "On fixture (1 report), rules has the best casualty-record F1: 100.0, 50.0 points above "
        "model (50.0); the linker on gold spans reaches 66.7."]
    md, page = render_markdown(metrics), render_html(metrics)
    for text in (md, page):
        assert conclusions(metrics)[0] in text
        for term in ("P / R / F1", "entity F1 (strict)", "entity F1 (partial)", "count/non-count",
                     "linker on gold spans", "not a system to run on new text"):
            assert term in text, term


def test_compare_names_the_runs_and_writes_a_file(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "eval" / "default", tmp_path / "eval" / "best-cpu"
    write_report(a, three_systems())
    better = three_systems()
    better["sets"]["fixture"]["systems"]["model"] = better["sets"]["fixture"]["systems"]["rules"]
    write_report(b, better)
    assert main(["evaluate", "--compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    written = tmp_path / "eval" / "compare_default_vs_best-cpu.md"
    assert f"comparison written to {written}" in out
    table = written.read_text(encoding="utf-8")
    assert "| gold set | system | figure | default | best-cpu | Δ (best-cpu − default) |" in table
    assert "| fixture | model | record F1 | 50.0 | 100.0 | +50.0 |" in table
    mine = tmp_path / "cmp.md"
    assert main(["evaluate", "--compare", str(a), str(b), "--output", str(mine)]) == 0
    assert mine.read_text(encoding="utf-8") == table


def test_model_card_in_hub_format_with_data_mix_and_failure_classes(tmp_path: Path) -> None:
    cfg = load_train_config("configs/tiny.yaml", [
        "data.train=[{name: real, kind: gold, path: ../shared/real/train_gold.json}, "
        "{name: gold, kind: gold, path: annotations/gold/train.json}, "
        "{name: synthetic, kind: synthetic, n: 5}, "
        "{name: silver_rules, kind: rules, corpus: [../shared/corpora/syria_news_2018.jsonl]}]"])
    labels = ["ACTOR", "PLACE", "COUNT", "CATEGORY"]
    per_label = {lab: {"f1": f, "support": 9} for lab, f in zip(labels, [0.6, 0.2, 0.9, 0.5], strict=True)}
    scores = {"docs": 3, "precision": 0.7, "recall": 0.6, "f1": 0.646, "per_label": per_label}
    card = model_card(cfg, {"created": "2026-12-04", "dev": {"gold_dev": scores},
                            "test": {"gold_test": scores}, "dataset": {}})
    assert card.startswith("---\n")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["language"] == ["ar"] and header["pipeline_tag"] == "token-classification"
    results = header["model-index"][0]["results"]
    assert [(r["dataset"]["name"], r["dataset"]["split"]) for r in results] == \
        [("gold_dev", "dev"), ("gold_test", "test")]
    assert {m["type"]: m["value"] for m in results[1]["metrics"]}["f1"] == 0.646
    assert "- real: real published reports, annotated by hand" in card
    assert "- gold: reports written by the team, annotated by hand" in card
    assert "- synthetic: generated reports, labels by construction" in card
    assert "- silver_rules: real reports labelled by the rules baseline, not checked by a person" in card
    assert "- gold_test: PLACE spans are the weakest (strict F1 0.200)" in card
    assert "--baseline rules" in card  # where the record and rules scores come from
    for section in ("## Intended use", "## Limits", "## Known failure classes"):
        assert section in card
