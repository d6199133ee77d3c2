"""Evaluation: score systems (model, rules baseline, linker on gold spans) on gold files.

``run_evaluate`` is what ``hasila evaluate`` calls: it runs each system over
the gold reports, scores entities (seqeval strict IOB2 on shared word tokens,
nervaluate strict/exact/partial/type), casualty records (the guide's match
rule, per category, attribute accuracy), the count/non-count decision on every
number, collects errors with their sentences, and writes the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hasila.annotation.ontology import find_numbers
from hasila.errors import UserError
from hasila.fileio import project_root
from hasila.schema import LABELS, CasualtyRecord, Doc, Span, records_from_doc
from hasila.text.wordtags import shared_tokens, strict_entity_scores, word_bio

logger = logging.getLogger(__name__)


@dataclass
class SystemOutput:
    """What one system said about one report."""

    spans: list[Span]
    records: list[CasualtyRecord]
    non_counts: list[dict[str, Any]] = field(default_factory=list)


#: A system maps a gold doc to its output (it must only read ``doc.text``,
#: except the linker-on-gold-spans system, which reads the gold spans).
System = Callable[[list[Doc]], list[SystemOutput]]


# ---------------------------------------------------------------- entities

def entity_scores(gold_docs: list[Doc], outputs: list[SystemOutput],
                  labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """seqeval strict IOB2 (per label, micro, macro), nervaluate and a token confusion matrix."""
    from nervaluate import Evaluator

    y_true, y_pred = [], []
    true_ents, pred_ents = [], []
    confusion: Counter[tuple[str, str]] = Counter()
    for doc, out in zip(gold_docs, outputs, strict=True):
        gold = [s for s in doc.spans if s.label in labels]
        pred = [s for s in out.spans if s.label in labels]
        g, p = word_bio(doc.text, gold, pred)
        y_true.append(g)
        y_pred.append(p)
        for gt, pt in zip(g, p, strict=True):
            confusion[(gt[2:] or "O", pt[2:] or "O")] += 1
        true_ents.append([{"label": s.label, "start": s.start, "end": s.end - 1} for s in gold])
        pred_ents.append([{"label": s.label, "start": s.start, "end": s.end - 1} for s in pred])
    scores = strict_entity_scores(y_true, y_pred, labels)

    def avg(key: str) -> dict[str, float]:
        return {k: scores[key][k] for k in ("precision", "recall", "f1")}

    ner = Evaluator(true_ents, pred_ents, tags=list(labels), loader="default").evaluate()

    def res(r: Any) -> dict[str, Any]:
        return {k: getattr(r, k) for k in ("correct", "incorrect", "partial", "missed", "spurious",
                                            "precision", "recall", "f1")}

    nervaluate = {
        "overall": {strategy: res(r) for strategy, r in ner["overall"].items()},
        "per_label": {label: {strategy: res(r) for strategy, r in ner["entities"].get(label, {}).items()}
                      for label in labels},
    }
    names = ["O", *labels]
    matrix = [[confusion[(g, p)] for p in names] for g in names]
    return {
        "seqeval": {"per_label": scores["per_label"], "micro": avg("micro"), "macro": avg("macro")},
        "nervaluate": nervaluate,
        "confusion": {"labels": names, "matrix": matrix},
    }


# ---------------------------------------------------------------- numbers

def number_decisions(doc: Doc, out: SystemOutput) -> tuple[int, int, int, int]:
    """(correct, total, count_as_noncount, noncount_as_count) over every number in the text."""
    gold_counts = [s for s in doc.spans if s.label == "COUNT"]
    pred_counts = out.records
    correct = total = missed = spurious = 0
    for num in find_numbers(doc.text):
        is_gold = any(s.start < num.end and num.start < s.end for s in gold_counts)
        is_pred = any(r.start < num.end and num.start < r.end for r in pred_counts)
        total += 1
        if is_gold == is_pred:
            correct += 1
        elif is_gold:
            missed += 1
        else:
            spurious += 1
    return correct, total, missed, spurious


# ---------------------------------------------------------------- errors

_SENT_END = re.compile(r"[.!?؟\n]")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (between . ! ? ؟ or newlines) that holds ``[start, end)``, capped at 400 chars."""
    left = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    left = max(left, start - 200)
    right = min(right, end + 200)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def _error(doc: Doc, kind: str, detail: str, gold: CasualtyRecord | None,
           pred: CasualtyRecord | None) -> dict[str, Any]:
    anchor = gold or pred
    assert anchor is not None
    s, e = sentence_around(doc.text, anchor.start, anchor.end)
    marks = []
    if gold is not None:
        marks.append({"start": gold.start - s, "end": gold.end - s, "side": "gold"})
    if pred is not None and (gold is None or (pred.start, pred.end) != (gold.start, gold.end)):
        marks.append({"start": pred.start - s, "end": pred.end - s, "side": "predicted"})
    return {"doc_id": doc.id, "kind": kind, "detail": detail, "sentence": doc.text[s:e], "marks": marks}


# ---------------------------------------------------------------- records

def record_scores(gold_docs: list[Doc], outputs: list[SystemOutput]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Casualty-record figures (:func:`hasila.evaluation.scoring.record_scores`) and the error list."""
    from hasila.evaluation.scoring import match_records
    from hasila.evaluation.scoring import record_scores as score_matches

    matches = []
    errors: list[dict[str, Any]] = []
    for doc, out in zip(gold_docs, outputs, strict=True):
        gold = records_from_doc(doc)
        m = match_records(gold, out.records, doc_id=doc.id)
        matches.append(m)
        gold_by_id = {r.id: r for r in gold}
        pred_by_id = {r.id: r for r in out.records}
        for g_id, p_id, reasons in m.wrong:
            g, p = gold_by_id[g_id], pred_by_id[p_id]
            detail = "; ".join(f"{r}: gold {_attr(g, r, gold_by_id)} vs predicted {_attr(p, r, pred_by_id)}"
                               for r in reasons)
            errors.append(_error(doc, "wrong " + "/".join(reasons), detail, g, p))
        for g_id in m.missed:
            g = gold_by_id[g_id]
            errors.append(_error(doc, "missed", f"{g.text} = {g.value} {g.category} ({g.status})", g, None))
        for p_id in m.spurious:
            p = pred_by_id[p_id]
            errors.append(_error(doc, "spurious", f"{p.text} = {p.value} {p.category} ({p.status})", None, p))
    scores = score_matches(matches)
    n = scores["attributes"].pop("pairs")
    scores["per_category"] = {c: {**v, "support": v["tp"] + v["fn"]} for c, v in scores["per_category"].items()}
    scores["attribute_accuracy"] = {k: {"accuracy": v, "n": n} for k, v in scores.pop("attributes").items()}
    return scores, errors


def _attr(rec: CasualtyRecord, key: str, by_id: dict[str, CasualtyRecord]) -> str:
    if key == "part_of":
        parent = by_id.get(rec.part_of or "")
        return f"{parent.text} ({parent.value})" if parent else "none"
    return str(getattr(rec, key, None))


def record_origins(outputs: list[SystemOutput]) -> dict[str, int]:
    """How many predicted records rest on a COUNT span of the system (``spans``) and how many
    the linker's rule fallback added (no COUNT span of the system covers their number)."""
    spans = fallback = 0
    for out in outputs:
        counts = [s for s in out.spans if s.label == "COUNT"]
        for rec in out.records:
            if any(s.start < rec.end and rec.start < s.end for s in counts):
                spans += 1
            else:
                fallback += 1
    return {"from_spans": spans, "from_fallback": fallback}


def score_system(gold_docs: list[Doc], outputs: list[SystemOutput],
                 labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Every figure of the report for one system on one gold set."""
    records, errors = record_scores(gold_docs, outputs)
    correct = total = missed = spurious = 0
    for doc, out in zip(gold_docs, outputs, strict=True):
        c, t, m, s = number_decisions(doc, out)
        correct, total, missed, spurious = correct + c, total + t, missed + m, spurious + s
    return {
        "entities": entity_scores(gold_docs, outputs, labels),
        "records": {**records, "origins": record_origins(outputs)},
        "numbers": {"accuracy": correct / total if total else None, "n": total,
                    "count_as_noncount": missed, "noncount_as_count": spurious},
        "errors": errors,
    }


# ---------------------------------------------------------------- systems

def linker_on_gold_spans(ontology: Any) -> System:
    """The post-processor alone: gold spans in (attributes and relations removed), records out."""
    from hasila.link import link, load_link_config

    cfg = load_link_config()

    def run(docs: list[Doc]) -> list[SystemOutput]:
        outs = []
        for doc in docs:
            spans = [replace(s, count=None) for s in doc.spans]
            res = link(doc.text, spans, ontology, cfg)
            outs.append(SystemOutput(doc.spans, res.records, [_nc(n) for n in res.non_counts]))
        return outs

    return run


def model_system(model_dir: str | Path, batch_size: int = 16) -> tuple[System, Any]:
    """The trained tagger followed by the post-processor."""
    from hasila.link import link, load_link_config
    from hasila.model.infer import Tagger

    cfg = load_link_config()
    tagger = Tagger.load(model_dir)

    def run(docs: list[Doc]) -> list[SystemOutput]:
        all_spans = tagger.tag([d.text for d in docs], batch_size=batch_size)
        outs = []
        for doc, spans in zip(docs, all_spans, strict=True):
            res = link(doc.text, spans, tagger.ontology, cfg)
            outs.append(SystemOutput(spans, res.records, [_nc(n) for n in res.non_counts]))
        return outs

    return run, tagger


def rules_system(ontology: Any) -> System:
    """The rules baseline (the rules tagger) followed by the post-processor."""
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    cfg = load_link_config()

    rules = RulesTagger.load(ontology=ontology)

    def run(docs: list[Doc]) -> list[SystemOutput]:
        outs = []
        for doc in docs:
            pred = rules.label(doc.text)
            res = link(doc.text, pred.spans, ontology, cfg)
            outs.append(SystemOutput(pred.spans, res.records, [_nc(n) for n in res.non_counts]))
        return outs

    return run


def from_predictions(path: str | Path, tagging: System) -> System:
    """The model's outputs read back from the JSON Lines file ``hasila predict`` wrote (``entities``,
    ``casualties`` and ``non_counts`` by report ``id``), so a report it holds is not tagged again;
    the gold reports it does not hold go to ``tagging`` (the model system)."""
    from hasila.fileio import iter_jsonl

    lines = {str(obj.get("id")): obj for _, obj in iter_jsonl(path)}

    def output(doc: Doc) -> SystemOutput:
        line = lines[doc.id]
        spans = [Span(e["start"], e["end"], e["label"], e["text"], score=e.get("score"))
                 for e in line.get("entities", [])]
        if any(doc.text[s.start:s.end] != s.text for s in spans):
            raise UserError(f"{path}: report {doc.id!r}: its entities do not match the gold report's text")
        records = [CasualtyRecord.from_json(r) for r in line.get("casualties", [])]
        return SystemOutput(spans, records, [dict(n) for n in line.get("non_counts", [])])

    def run(docs: list[Doc]) -> list[SystemOutput]:
        todo = [d for d in docs if d.id not in lines]
        tagged = iter(tagging(todo) if todo else [])
        return [output(d) if d.id in lines else next(tagged) for d in docs]

    return run


def _nc(n: Any) -> dict[str, Any]:
    return {"start": n.start, "end": n.end, "text": n.text, "reason": n.reason}


# ---------------------------------------------------------------- run

def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project_root(),
                             capture_output=True, text=True, timeout=10, check=False)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def run_evaluate(model_dir: str | Path | None, gold_paths: Sequence[str | Path], output_dir: str | Path,
                 baseline: str | None = None, batch_size: int = 16,
                 with_gold_spans: bool = True, predictions: str | Path | None = None) -> dict[str, Any]:
    """Evaluate on each gold file and write ``metrics.json``, ``report.md``, ``report.html``.

    ``predictions`` (the model's ``hasila predict`` output) gives the model's outputs for the
    reports it holds (:func:`from_predictions`); only the others are tagged."""
    from hasila.annotation.lsio import load_docs
    from hasila.annotation.ontology import Ontology
    from hasila.config import config_hash, read_yaml
    from hasila.evaluation.report import write_report

    if model_dir is None and baseline is None:
        raise UserError("nothing to evaluate: give --model DIR and/or --baseline rules")
    systems: dict[str, System] = {}
    meta: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                            "git_commit": git_commit()}
    ontology = None
    if model_dir is not None:
        model_dir = Path(model_dir)
        run, tagger = model_system(model_dir, batch_size=batch_size)
        systems["model"] = run if predictions is None else from_predictions(predictions, run)
        ontology = tagger.ontology
        meta["model"] = str(model_dir)
        cfg_file = model_dir / "resolved_config.yaml"
        meta["config_hash"] = config_hash(read_yaml(cfg_file)) if cfg_file.exists() else "unknown"
    if ontology is None:
        ontology = Ontology.load()
    meta["ontology"] = ontology.source  # the categories scored: the model's own, or the repo's
    if baseline is not None:
        if baseline != "rules":
            raise UserError(f"--baseline {baseline!r}: the only baseline is 'rules'")
        systems["rules"] = rules_system(ontology)
    if with_gold_spans:
        systems["linker on gold spans"] = linker_on_gold_spans(ontology)
    meta["gold_checksums"] = {}
    sets: dict[str, Any] = {}
    for path in gold_paths:
        path = Path(path)
        docs = load_docs(path)
        meta["gold_checksums"][str(path)] = file_sha256(path)
        name = path.stem if path.parent.name != "real" else f"real/{path.stem}"
        result: dict[str, Any] = {"path": str(path), "docs": len(docs), "systems": {}}
        for system_name, run in systems.items():
            logger.info("evaluating %s on %s (%d reports)", system_name, path, len(docs))
            result["systems"][system_name] = score_system(docs, run(docs))
        sets[name] = result
    metrics = {"meta": meta, "sets": sets}
    write_report(output_dir, metrics)
    return metrics


__all__ = ["SystemOutput", "entity_scores", "from_predictions", "number_decisions", "record_scores", "run_evaluate",
           "score_system", "sentence_around", "shared_tokens"]
