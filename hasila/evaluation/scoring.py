"""Scores against gold: strict span P/R/F1 and the guide's casualty-record matching.

Pure functions on :class:`~hasila.schema.Doc` and
:class:`~hasila.schema.CasualtyRecord`; no model, no files.

Record rule (annotation guide, "The casualty record"): a predicted record is
correct when its span overlaps the gold COUNT, its ``value`` and ``category``
equal the gold's, and its ``part_of`` points to the record matched to the gold
parent (or both are null). Matching is done in two passes:

1. align gold and predicted records one-to-one by span: exact spans first,
   then the largest character overlap (then the closest ends, then text order);
2. judge each aligned pair; the parent check uses the alignment of pass 1.

A wrong aligned pair counts once as a false positive (the prediction) and once
as a false negative (the gold record it failed to get right). ``status`` and
``qualifier`` are not part of the guide's rule: their mismatches are kept as
``notes`` and in the attribute accuracies, unless ``require_status=True``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hasila.schema import LABELS, CasualtyRecord, Doc

logger = logging.getLogger(__name__)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 (0.0 where undefined) with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


# ----------------------------------------------------------------------------- spans


def strict_span_scores(gold: Sequence[Doc], pred: Sequence[Doc],
                       labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """Exact-match span scores (same start, end and label), docs matched by id.

    Returns ``{"per_label": {label: prf}, "micro": prf, "macro": {...}, "docs": n}``.
    A gold doc without a prediction counts all its spans as missed; predicted
    docs not in ``gold`` are ignored (logged). Macro averages run over the
    labels that occur in gold or prediction.
    """
    pred_by_id = {d.id: d for d in pred}
    extra = set(pred_by_id) - {d.id for d in gold}
    if extra:
        logger.warning("%d predicted doc(s) not in gold, ignored: %s", len(extra), ", ".join(sorted(extra)[:5]))
    counts: dict[str, Counter[str]] = {lab: Counter() for lab in labels}
    for g in gold:
        p = pred_by_id.get(g.id)
        gs = {(s.start, s.end, s.label) for s in g.spans if s.label in counts}
        ps = {(s.start, s.end, s.label) for s in (p.spans if p else []) if s.label in counts}
        for key in gs & ps:
            counts[key[2]]["tp"] += 1
        for key in ps - gs:
            counts[key[2]]["fp"] += 1
        for key in gs - ps:
            counts[key[2]]["fn"] += 1
    per_label = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    total = sum(counts.values(), Counter())
    seen = [lab for lab, c in counts.items() if c["tp"] + c["fp"] + c["fn"]]
    macro = {k: (sum(per_label[lab][k] for lab in seen) / len(seen) if seen else 0.0)
             for k in ("precision", "recall", "f1")}
    macro["labels"] = len(seen)
    return {"per_label": per_label, "micro": prf(total["tp"], total["fp"], total["fn"]),
            "macro": macro, "docs": len(gold)}


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class RecordPair:
    """A gold record, a predicted record, or an aligned pair, with what is wrong."""

    gold: CasualtyRecord | None
    pred: CasualtyRecord | None
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    overlap: int = 0
    doc_id: str | None = None

    @property
    def correct(self) -> bool:
        return self.gold is not None and self.pred is not None and not self.errors


@dataclass
class RecordMatch:
    """The judged matching of one document's records.

    ``pairs`` are the span-aligned pairs (right or wrong); ``tp`` the correct
    ones; ``fp`` the wrong pairs and the spurious predictions; ``fn`` the wrong
    pairs and the missed gold records.
    """

    tp: list[RecordPair] = field(default_factory=list)
    fp: list[RecordPair] = field(default_factory=list)
    fn: list[RecordPair] = field(default_factory=list)
    pairs: list[RecordPair] = field(default_factory=list)
    doc_id: str | None = None

    # Id views, for callers that work with record ids.
    @property
    def aligned(self) -> list[tuple[str, str]]:
        """``(gold_id, pred_id)`` of every span-aligned pair."""
        return [(p.gold.id, p.pred.id) for p in self.pairs]  # type: ignore[union-attr]

    @property
    def correct(self) -> list[tuple[str, str]]:
        """``(gold_id, pred_id)`` of the correct pairs."""
        return [(p.gold.id, p.pred.id) for p in self.tp]  # type: ignore[union-attr]

    @property
    def wrong(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """``(gold_id, pred_id, fields)`` of wrong pairs; fields are record field names
        (``value``, ``category``, ``part_of``, ``status``)."""
        return [(p.gold.id, p.pred.id, tuple(_FIELD_OF[e] for e in p.errors))  # type: ignore[union-attr]
                for p in self.pairs if p.errors]

    @property
    def missed(self) -> list[str]:
        return [p.gold.id for p in self.fn if p.pred is None]  # type: ignore[union-attr]

    @property
    def spurious(self) -> list[str]:
        return [p.pred.id for p in self.fp if p.gold is None]  # type: ignore[union-attr]

    def parent_ok(self, gold_id: str, pred_id: str) -> bool:
        """Whether the aligned pair ``(gold_id, pred_id)`` passes the parent check."""
        for p in self.pairs:
            if p.gold.id == gold_id and p.pred.id == pred_id:  # type: ignore[union-attr]
                return "wrong_parent" not in p.errors
        raise KeyError(f"({gold_id}, {pred_id}) is not an aligned pair")


_FIELD_OF = {"wrong_value": "value", "wrong_category": "category", "wrong_parent": "part_of",
             "wrong_status": "status", "wrong_qualifier": "qualifier"}


def _overlap(a: CasualtyRecord, b: CasualtyRecord) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align_records(gold: Sequence[CasualtyRecord], pred: Sequence[CasualtyRecord]
                  ) -> list[tuple[int, int, int]]:
    """One-to-one alignment by span: ``(gold_index, pred_index, overlap)`` triples.

    Candidates are overlapping pairs, taken greedily: exact spans first, then
    larger overlap, then smaller end differences, then text order.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0:
                exact = (g.start, g.end) == (p.start, p.end)
                drift = abs(g.start - p.start) + abs(g.end - p.end)
                cands.append((not exact, -ov, drift, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, neg_ov, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg_ov))
    return sorted(out)


def match_records(gold: Sequence[CasualtyRecord], pred: Sequence[CasualtyRecord],
                  doc_id: str | None = None, require_status: bool = False) -> RecordMatch:
    """Judge one document's predicted records against its gold records (guide's rule)."""
    alignment = align_records(gold, pred)
    gold_to_pred = {gold[gi].id: pred[pi].id for gi, pi, _ in alignment}
    match = RecordMatch(doc_id=doc_id)
    for gi, pi, ov in alignment:
        g, p = gold[gi], pred[pi]
        errors: list[str] = []
        notes: list[str] = []
        if p.value != g.value:
            errors.append("wrong_value")
        if p.category != g.category:
            errors.append("wrong_category")
        if not _parent_ok(g, p, gold_to_pred):
            errors.append("wrong_parent")
        if p.status != g.status:
            (errors if require_status else notes).append("wrong_status")
        if p.qualifier != g.qualifier:
            notes.append("wrong_qualifier")
        pair = RecordPair(g, p, tuple(errors), tuple(notes), ov, doc_id)
        match.pairs.append(pair)
        if errors:
            match.fp.append(pair)
            match.fn.append(pair)
        else:
            match.tp.append(pair)
    aligned_g = {gi for gi, _, _ in alignment}
    aligned_p = {pi for _, pi, _ in alignment}
    match.fn += [RecordPair(g, None, ("missed",), doc_id=doc_id)
                 for i, g in enumerate(gold) if i not in aligned_g]
    match.fp += [RecordPair(None, p, ("spurious",), doc_id=doc_id)
                 for i, p in enumerate(pred) if i not in aligned_p]
    return match


def _parent_ok(g: CasualtyRecord, p: CasualtyRecord, gold_to_pred: Mapping[str, str]) -> bool:
    if g.part_of is None:
        return p.part_of is None
    expected = gold_to_pred.get(g.part_of)
    return expected is not None and p.part_of == expected


def match_record_sets(gold: Mapping[str, Sequence[CasualtyRecord]],
                      pred: Mapping[str, Sequence[CasualtyRecord]],
                      require_status: bool = False) -> list[RecordMatch]:
    """:func:`match_records` for every gold doc id (a doc absent from ``pred`` has no records)."""
    extra = set(pred) - set(gold)
    if extra:
        logger.warning("%d predicted doc(s) not in gold, ignored: %s", len(extra), ", ".join(sorted(extra)[:5]))
    return [match_records(list(g), list(pred.get(doc_id, [])), doc_id, require_status)
            for doc_id, g in gold.items()]


def record_scores(matches: RecordMatch | Iterable[RecordMatch]) -> dict[str, Any]:
    """Record P/R/F1 overall and per category, error counts and attribute accuracies.

    Per category, true positives and misses count under the gold category and
    false positives under the predicted one. Attribute accuracies are over
    span-aligned pairs: ``value``, ``category``, ``status``, ``qualifier`` and
    ``part_of`` (the parent check of the rule).
    """
    ms = [matches] if isinstance(matches, RecordMatch) else list(matches)
    tp = [x for m in ms for x in m.tp]
    fp = [x for m in ms for x in m.fp]
    fn = [x for m in ms for x in m.fn]
    pairs = [x for m in ms for x in m.pairs]
    cats: dict[str, Counter[str]] = {}
    for x in tp:
        cats.setdefault(x.gold.category, Counter())["tp"] += 1  # type: ignore[union-attr]
    for x in fp:
        cats.setdefault(x.pred.category, Counter())["fp"] += 1  # type: ignore[union-attr]
    for x in fn:
        cats.setdefault(x.gold.category, Counter())["fn"] += 1  # type: ignore[union-attr]
    per_category = {c: prf(n["tp"], n["fp"], n["fn"]) for c, n in sorted(cats.items())}
    reasons: Counter[str] = Counter()
    for x in {id(x): x for x in (*fp, *fn)}.values():
        reasons.update(x.errors)
    for x in pairs:
        reasons.update(x.notes)

    def acc(test: str) -> float | None:
        if not pairs:
            return None
        ok = sum(1 for x in pairs if test not in x.errors and test not in x.notes)
        return ok / len(pairs)

    attributes = {
        "value": acc("wrong_value"),
        "category": acc("wrong_category"),
        "status": acc("wrong_status"),
        "qualifier": acc("wrong_qualifier"),
        "part_of": acc("wrong_parent"),
        "pairs": len(pairs),
    }
    overall = prf(len(tp), len(fp), len(fn))
    overall["gold"] = len(tp) + sum(1 for x in fn)
    overall["pred"] = len(tp) + sum(1 for x in fp)
    return {"overall": overall, "per_category": per_category, "attributes": attributes,
            "errors": dict(sorted(reasons.items()))}
