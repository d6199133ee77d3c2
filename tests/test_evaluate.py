"""Evaluation figures against hand-computed fixtures, and the written report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hasila.annotation.markup import parse_markup
from hasila.evaluation.evaluate import (
    SystemOutput,
    entity_scores,
    number_decisions,
    record_origins,
    record_scores,
    score_system,
)
from hasila.evaluation.report import render_html, write_report
from hasila.schema import CasualtyRecord, Span
from hasila.text.wordtags import shared_tokens, word_bio

GOLD = parse_markup(
    "قتل [16|COUNT#c1 k=regime cat=k1 aff=a1] [عنصر|CATEGORY#k1] من [قوات النظام|ACTOR#a1] في [إدلب|PLACE#p1] "
    "يوم 3 آذار، بينهم [4|COUNT#c2 k=regime of=c1] ضباط.",
    doc_id="d1",
)


def _span(text: str, label: str, surface: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label, surface)


def _pred_spans() -> list[Span]:
    t = GOLD.text
    return [
        _span(t, "COUNT", "16"),           # correct
        _span(t, "ACTOR", "النظام"),        # wrong boundary (partial overlap)
        _span(t, "PLACE", "إدلب"),          # correct
        _span(t, "PLACE", "قتل"),           # spurious
        _span(t, "COUNT", "4"),             # correct
    ]                                       # CATEGORY عنصر missed


def test_word_tokens_cut_at_span_boundaries() -> None:
    text = "و218 طفلاً"
    spans = [Span(1, 4, "COUNT", "218")]
    assert shared_tokens(text, spans) == [(0, 1), (1, 4), (5, 10)]
    gold, pred = word_bio(text, spans, [])
    assert gold == ["O", "B-COUNT", "O"] and pred == ["O", "O", "O"]


def test_seqeval_strict_matches_hand_computed_figures() -> None:
    out = SystemOutput(_pred_spans(), [])
    scores = entity_scores([GOLD], [out])
    per = scores["seqeval"]["per_label"]
    assert per["COUNT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert per["CATEGORY"]["recall"] == 0.0 and per["CATEGORY"]["support"] == 1
    assert per["ACTOR"]["f1"] == 0.0
    assert per["PLACE"]["precision"] == pytest.approx(0.5)
    assert per["PLACE"]["recall"] == 1.0
    assert per["PLACE"]["f1"] == pytest.approx(2 / 3)
    # micro: 3 correct of 5 predicted and 5 gold
    assert scores["seqeval"]["micro"]["precision"] == pytest.approx(3 / 5)
    assert scores["seqeval"]["micro"]["recall"] == pytest.approx(3 / 5)
    # nervaluate: the boundary error is a partial match (half credit) and a strict miss
    actor = scores["nervaluate"]["per_label"]["ACTOR"]
    assert actor["strict"]["correct"] == 0 and actor["partial"]["partial"] == 1
    assert actor["partial"]["precision"] == pytest.approx(0.5)
    # confusion: the token النظام is ACTOR in both; قوات is ACTOR in gold only
    labels = scores["confusion"]["labels"]
    m = scores["confusion"]["matrix"]
    assert m[labels.index("ACTOR")][labels.index("ACTOR")] == 1
    assert m[labels.index("ACTOR")][labels.index("O")] == 1
    assert m[labels.index("O")][labels.index("PLACE")] == 1


def _rec(rid: str, surface: str, value: int, category: str, part_of: str | None = None,
         nth: int = 0) -> CasualtyRecord:
    s = _span(GOLD.text, "COUNT", surface, nth)
    return CasualtyRecord(rid, s.start, s.end, surface, value, category=category, part_of=part_of)


def test_record_scores_hand_scored() -> None:
    # c1 right; c2 right value/category but no parent (wrong parent); a spurious record on 3.
    pred = [_rec("c1", "16", 16, "regime"), _rec("c2", "4", 4, "regime"), _rec("c3", "3", 3, "people")]
    scores, errors = record_scores([GOLD], [SystemOutput([], pred)])
    o = scores["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (1, 2, 1)
    assert o["precision"] == pytest.approx(1 / 3) and o["recall"] == pytest.approx(1 / 2)
    kinds = sorted(e["kind"] for e in errors)
    assert kinds == ["spurious", "wrong part_of"]
    wrong = next(e for e in errors if e["kind"] == "wrong part_of")
    assert "16" in wrong["detail"] and wrong["sentence"].startswith("قتل")
    assert scores["attribute_accuracy"]["part_of"]["accuracy"] == pytest.approx(1 / 2)
    assert scores["attribute_accuracy"]["value"]["accuracy"] == 1.0


def test_record_origins_split_model_spans_from_rule_fallback() -> None:
    t = GOLD.text
    recs = [_rec("c1", "16", 16, "regime"), _rec("c2", "4", 4, "regime")]
    # the system tagged 16 as COUNT; the record on 4 came from the linker's fallback
    out = SystemOutput([_span(t, "COUNT", "16"), _span(t, "PLACE", "إدلب")], recs)
    assert record_origins([out]) == {"from_spans": 1, "from_fallback": 1}
    assert score_system([GOLD], [out])["records"]["origins"]["from_fallback"] == 1


def test_number_decisions_count_every_number() -> None:
    pred = [_rec("c1", "16", 16, "regime")]
    correct, total, missed, spurious = number_decisions(GOLD, SystemOutput([], pred))
    # numbers: 16 (count), 3 (date), 4 (count): 4 is missed
    assert (correct, total, missed, spurious) == (2, 3, 1, 0)


def test_report_files_are_written_and_html_is_self_contained(tmp_path: Path) -> None:
    pred = [_rec("c1", "16", 16, "regime"), _rec("c3", "3", 3, "people")]
    result = score_system([GOLD], [SystemOutput(_pred_spans(), pred)])
    metrics = {"meta": {"model": "x", "git_commit": "abc"},
               "sets": {"fixture": {"path": "f.json", "docs": 1, "systems": {"model": result}}}}
    paths = write_report(tmp_path, metrics)
    saved = json.loads(paths["metrics"].read_text(encoding="utf-8"))
    assert saved["sets"]["fixture"]["systems"]["model"]["records"]["overall"]["tp"] == 1
    html = paths["html"].read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 3
    assert "dir='rtl'" in html and "<mark class=\"g\"" in html
    assert "src='http" not in html and 'src="http' not in html
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "| fixture | model | 1 |" in md
    assert render_html(metrics) == html
