"""Strict span scores and the guide's record matching, against hand-scored fixtures."""

from __future__ import annotations

import pytest

from hasila.evaluation.scoring import (
    align_records,
    match_record_sets,
    match_records,
    prf,
    record_scores,
    strict_span_scores,
)
from hasila.schema import CasualtyRecord, Doc, Span


def rec(rid: str, start: int, end: int, value: int, category: str, part_of: str | None = None,
        status: str = "killed", qualifier: str = "exact") -> CasualtyRecord:
    return CasualtyRecord(id=rid, start=start, end=end, text="x" * (end - start), value=value,
                          qualifier=qualifier, status=status, category=category, part_of=part_of)


# Gold: 1206 civilians, among them 305 children and 218 women; 16 regime; 6 fighters; 4 children.
GOLD = [
    rec("c1", 10, 14, 1206, "civilian"),
    rec("c2", 20, 23, 305, "child", part_of="c1"),
    rec("c3", 30, 33, 218, "woman", part_of="c1"),
    rec("c4", 50, 52, 16, "regime"),
    rec("c5", 60, 63, 6, "fighter"),
    rec("c6", 80, 82, 4, "child"),
]
# Predictions, scored by hand:
PRED = [
    rec("x1", 10, 14, 1206, "civilian"),                                # correct (exact span)
    rec("x2", 19, 23, 305, "child", part_of="x1", status="injured"),   # correct: partial overlap, parent x1~c1;
    #                                                                     status differs (a note only)
    rec("x3", 30, 33, 218, "woman"),                                    # wrong_parent (gold part_of c1)
    rec("x4", 50, 52, 61, "regime"),                                    # wrong_value
    rec("x5", 70, 72, 3, "people"),                                     # spurious
    rec("x6", 80, 82, 4, "woman"),                                      # wrong_category
]                                                                       # c5 missed


def test_record_matching_by_hand() -> None:
    m = match_records(GOLD, PRED, doc_id="d1")
    assert sorted((p.gold.id, p.pred.id) for p in m.tp) == [("c1", "x1"), ("c2", "x2")]
    errors = {(p.gold.id if p.gold else None, p.pred.id if p.pred else None): p.errors for p in m.fp + m.fn}
    assert errors == {
        ("c3", "x3"): ("wrong_parent",),
        ("c4", "x4"): ("wrong_value",),
        ("c6", "x6"): ("wrong_category",),
        (None, "x5"): ("spurious",),
        ("c5", None): ("missed",),
    }
    assert len(m.fp) == 4 and len(m.fn) == 4 and len(m.pairs) == 5
    (x2,) = [p for p in m.tp if p.pred.id == "x2"]
    assert x2.notes == ("wrong_status",) and x2.overlap == 3 and x2.correct
    assert all(p.doc_id == "d1" for p in m.pairs)


def test_record_scores_by_hand() -> None:
    s = record_scores(match_records(GOLD, PRED))
    o = s["overall"]
    assert (o["tp"], o["fp"], o["fn"], o["gold"], o["pred"]) == (2, 4, 4, 6, 6)
    assert o["precision"] == pytest.approx(2 / 6) and o["recall"] == pytest.approx(2 / 6)
    assert o["f1"] == pytest.approx(1 / 3)
    cat = s["per_category"]
    assert set(cat) == {"civilian", "child", "woman", "regime", "fighter", "people"}
    assert (cat["civilian"]["precision"], cat["civilian"]["recall"], cat["civilian"]["f1"]) == (1.0, 1.0, 1.0)
    # child: c2 found; c6 got the wrong category -> a miss under child; no wrong child predictions
    assert (cat["child"]["tp"], cat["child"]["fp"], cat["child"]["fn"]) == (1, 0, 1)
    assert cat["child"]["precision"] == 1.0 and cat["child"]["recall"] == 0.5
    assert cat["child"]["f1"] == pytest.approx(2 / 3)
    # woman: x3 (wrong parent) and x6 (really a child) are false positives; c3 is a miss
    assert (cat["woman"]["tp"], cat["woman"]["fp"], cat["woman"]["fn"]) == (0, 2, 1)
    assert (cat["regime"]["fp"], cat["regime"]["fn"]) == (1, 1)
    assert (cat["fighter"]["fn"], cat["fighter"]["support"], cat["fighter"]["recall"]) == (1, 1, 0.0)
    assert (cat["people"]["fp"], cat["people"]["precision"]) == (1, 0.0)
    a = s["attributes"]
    assert a["pairs"] == 5
    assert (a["value"], a["category"], a["part_of"], a["status"], a["qualifier"]) == (0.8, 0.8, 0.8, 0.8, 1.0)
    assert s["errors"] == {"missed": 1, "spurious": 1, "wrong_category": 1, "wrong_parent": 1,
                           "wrong_status": 1, "wrong_value": 1}


def test_require_status_makes_status_decide() -> None:
    m = match_records(GOLD, PRED, require_status=True)
    assert [p.pred.id for p in m.tp] == ["x1"]
    assert any(p.pred and p.pred.id == "x2" and p.errors == ("wrong_status",) for p in m.fp)


def test_partial_overlap_counts_as_correct() -> None:
    gold = [rec("c1", 5, 12, 350000, "people")]          # e.g. a number with its scale word
    pred = [rec("p1", 5, 8, 350000, "people")]            # only the digits
    m = match_records(gold, pred)
    assert len(m.tp) == 1 and m.fp == [] and m.fn == []


def test_touching_spans_do_not_overlap() -> None:
    m = match_records([rec("c1", 5, 8, 3, "people")], [rec("p1", 8, 10, 3, "people")])
    assert m.tp == [] and [p.errors for p in m.fn] == [("missed",)] and [p.errors for p in m.fp] == [("spurious",)]


def test_parent_must_be_the_record_matched_to_the_gold_parent() -> None:
    gold = [rec("c1", 0, 3, 100, "civilian"), rec("c2", 10, 12, 20, "child", part_of="c1"),
            rec("c3", 20, 22, 50, "civilian")]
    # p2 points to p3, which is aligned to c3, not to c1
    pred = [rec("p1", 0, 3, 100, "civilian"), rec("p2", 10, 12, 20, "child", part_of="p3"),
            rec("p3", 20, 22, 50, "civilian")]
    m = match_records(gold, pred)
    assert {p.pred.id: p.errors for p in m.pairs} == {"p1": (), "p2": ("wrong_parent",), "p3": ()}
    # a parent that was missed cannot be pointed to
    m = match_records(gold, [pred[1]])
    assert m.pairs[0].errors == ("wrong_parent",)
    # a prediction with a parent where gold has none
    m = match_records([gold[0]], [rec("p9", 0, 3, 100, "civilian", part_of="p1")])
    assert m.pairs[0].errors == ("wrong_parent",)


def test_several_errors_on_one_pair() -> None:
    m = match_records([rec("c1", 0, 2, 16, "regime")], [rec("p1", 0, 2, 6, "fighter", part_of="p7")])
    assert m.fp[0].errors == ("wrong_value", "wrong_category", "wrong_parent")
    assert m.fp[0] is m.fn[0]


def test_alignment_prefers_exact_then_largest_overlap() -> None:
    gold = [rec("c1", 10, 20, 5, "people")]
    assert align_records(gold, [rec("a", 12, 20, 5, "people"), rec("b", 10, 20, 5, "people")]) == [(0, 1, 10)]
    assert align_records(gold, [rec("a", 8, 13, 5, "people"), rec("b", 15, 25, 5, "people")]) == [(0, 1, 5)]
    # one-to-one: a prediction spanning two gold counts is matched once
    gold2 = [rec("c1", 0, 4, 1, "people"), rec("c2", 6, 8, 2, "people")]
    assert align_records(gold2, [rec("p", 2, 8, 2, "people")]) == [(1, 0, 2)]


def test_record_scores_over_several_docs() -> None:
    gold = {"d1": GOLD, "d2": [rec("c1", 0, 2, 7, "medic")], "d3": [rec("c1", 0, 1, 1, "people")]}
    pred = {"d1": PRED, "d2": [rec("p1", 0, 2, 7, "medic")], "d9": [rec("p1", 0, 1, 1, "people")]}
    matches = match_record_sets(gold, pred)
    assert [m.doc_id for m in matches] == ["d1", "d2", "d3"]
    o = record_scores(matches)["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (3, 4, 5)
    assert o["precision"] == pytest.approx(3 / 7) and o["recall"] == pytest.approx(3 / 8)


def test_empty_inputs() -> None:
    s = record_scores(match_records([], []))
    assert s["overall"]["f1"] == 0.0 and s["attributes"]["value"] is None and s["per_category"] == {}


def test_prf() -> None:
    assert prf(0, 0, 0)["f1"] == 0.0
    assert prf(1, 1, 3) == {"precision": 0.5, "recall": 0.25, "f1": pytest.approx(1 / 3),
                            "tp": 1, "fp": 1, "fn": 3, "support": 4}


# ------------------------------------------------------------------ strict spans


def sp(start: int, end: int, label: str) -> Span:
    return Span(start, end, label, "x" * (end - start))


def test_strict_span_scores_by_hand() -> None:
    text = "x" * 20
    gold = [Doc("d1", text, [sp(0, 4, "COUNT"), sp(5, 9, "CATEGORY"), sp(10, 15, "PLACE")]),
            Doc("d2", text, [sp(0, 3, "ACTOR")])]
    pred = [Doc("d1", text, [sp(0, 4, "COUNT"), sp(5, 8, "CATEGORY"), sp(10, 15, "ACTOR")]),
            Doc("d3", text, [sp(0, 3, "ACTOR")])]  # not in gold: ignored; d2 has no prediction
    s = strict_span_scores(gold, pred)
    per = s["per_label"]
    assert (per["COUNT"]["precision"], per["COUNT"]["recall"], per["COUNT"]["f1"]) == (1.0, 1.0, 1.0)
    assert (per["CATEGORY"]["tp"], per["CATEGORY"]["fp"], per["CATEGORY"]["fn"]) == (0, 1, 1)
    assert (per["PLACE"]["fp"], per["PLACE"]["fn"], per["PLACE"]["support"]) == (0, 1, 1)
    assert (per["ACTOR"]["fp"], per["ACTOR"]["fn"]) == (1, 1)
    micro = s["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 2, 3)
    assert micro["precision"] == pytest.approx(1 / 3) and micro["recall"] == pytest.approx(1 / 4)
    assert micro["f1"] == pytest.approx(2 / 7)
    assert s["macro"]["f1"] == pytest.approx(0.25) and s["macro"]["labels"] == 4
    assert s["docs"] == 2


def test_strict_span_scores_label_subset_and_perfect_match() -> None:
    text = "x" * 10
    gold = [Doc("d", text, [sp(0, 2, "COUNT"), sp(3, 5, "PLACE")])]
    pred = [Doc("d", text, [sp(0, 2, "COUNT"), sp(3, 6, "PLACE")])]
    s = strict_span_scores(gold, pred, labels=["COUNT"])
    assert set(s["per_label"]) == {"COUNT"} and s["micro"]["f1"] == 1.0
    assert strict_span_scores(gold, gold)["micro"]["f1"] == 1.0


def test_id_views_of_a_match() -> None:
    m = match_records(GOLD, PRED)
    assert m.correct == [("c1", "x1"), ("c2", "x2")]
    assert m.wrong == [("c3", "x3", ("part_of",)), ("c4", "x4", ("value",)), ("c6", "x6", ("category",))]
    assert m.missed == ["c5"] and m.spurious == ["x5"]
    assert len(m.aligned) == 5
    assert m.parent_ok("c2", "x2") and not m.parent_ok("c3", "x3")
    with pytest.raises(KeyError):
        m.parent_ok("c5", "x5")
