"""Label Studio JSON exports <-> :class:`~hasila.schema.Doc`, with scheme v1 validation.

An export is a JSON list of tasks. Each task has ``data`` (``text`` plus
metadata such as ``doc_id``) and ``annotations`` or ``predictions``, each a
list of ``{"result": [...]}``. A result is either a region result or a
relation:

- region results share the region ``id``: one ``labels`` result (from
  ``label``) gives the span; on a COUNT, a ``number`` result (from ``value``)
  and three ``choices`` results (``status``, ``qualifier``, ``category_id``)
  give its :class:`~hasila.schema.CountAttrs`;
- ``relation`` results link two region ids; the label is ``labels[0]``.

Reading choices:

- ``source="annotations"`` uses the first annotation that is not cancelled
  (``was_cancelled``); later ones (other annotators, drafts) are ignored and
  logged. ``source="predictions"`` uses the first prediction.
- A task without such an annotation/prediction is an error: for gold data a
  task nobody labelled is a gap, not a report without casualties.
- ``Doc.id`` is ``data.doc_id`` when present, else the task id as a string.
  ``Doc.meta`` holds ``task_id``, ``doc_id`` and every other ``data`` field.
- Spans and relations keep the order of the export.
- A relation with ``direction`` ``"left"`` is read reversed; ``"bi"`` is an error.

Writing mirrors the format of the project's exports exactly (labels, then
number and choices per COUNT, then relations with direction ``"right"``), so
``read_export(docs_to_export(docs)).docs == docs`` for docs that carry span ids
and ``task_id``/``doc_id`` in ``meta`` (every doc that :func:`read_export`
returns does).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from hasila.errors import AnnotationError, UserError
from hasila.fileio import atomic_open, iter_jsonl, read_json, resource
from hasila.schema import (
    CONTROL_CATEGORY_ID,
    CONTROL_LABEL,
    CONTROL_QUALIFIER,
    CONTROL_STATUS,
    CONTROL_TEXT,
    CONTROL_VALUE,
    LABELS,
    QUALIFIERS,
    RELATION_ENDPOINTS,
    RELATIONS,
    STATUSES,
    CountAttrs,
    Doc,
    Relation,
    Span,
)

logger = logging.getLogger(__name__)

Source = Literal["annotations", "predictions"]

#: The per-region controls of a COUNT and the result type each one writes.
COUNT_CONTROLS: dict[str, str] = {
    CONTROL_VALUE: "number",
    CONTROL_STATUS: "choices",
    CONTROL_QUALIFIER: "choices",
    CONTROL_CATEGORY_ID: "choices",
}

DEFAULT_ONTOLOGY = "configs/categories.yaml"


@dataclass
class ReadResult:
    """The valid docs of an export and one error per problem of each skipped task."""

    docs: list[Doc] = field(default_factory=list)
    errors: list[AnnotationError] = field(default_factory=list)
    tasks: int = 0

    @property
    def invalid_tasks(self) -> list[str | int | None]:
        """Task ids that were skipped, in order, without repeats."""
        return list(dict.fromkeys(e.task for e in self.errors))


# --------------------------------------------------------------------------- ontology


@lru_cache(maxsize=8)
def _category_ids_cached(path: str) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise UserError(f"{path}: category ontology not found") from None
    cats = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(cats, dict) or not cats:
        raise UserError(f"{path}: no 'categories' mapping")
    return frozenset(str(k) for k in cats)


def category_ids(path: str | Path | None = None) -> frozenset[str]:
    """The category ids of the ontology file (``configs/categories.yaml`` by default)."""
    path = Path(path) if path is not None else resource(DEFAULT_ONTOLOGY)
    return _category_ids_cached(str(path.resolve()))


# --------------------------------------------------------------------------- validation


def validate_doc(
    doc: Doc,
    categories: Iterable[str] | None = None,
    require_count_attrs: bool = True,
) -> list[AnnotationError]:
    """Every way ``doc`` breaks scheme v1, as a list (empty when the doc is valid).

    ``categories`` defaults to the ids of ``configs/categories.yaml``. With
    ``require_count_attrs=False`` a COUNT without attributes is accepted (bare
    model predictions); attributes that are present are still checked.
    """
    cats = frozenset(categories) if categories is not None else category_ids()
    task = doc.meta.get("task_id", doc.id)
    errors: list[AnnotationError] = []

    def err(region: str | None, problem: str) -> None:
        errors.append(AnnotationError(task, region, problem))

    text = doc.text
    if not isinstance(text, str):
        err(None, "data.text is missing or not a string")
        return errors
    ids = [s.id for s in doc.spans if s.id is not None]
    for dup in sorted(k for k, n in Counter(ids).items() if n > 1):
        err(dup, "region id used by more than one span")

    in_range: list[Span] = []
    for s in doc.spans:
        rid = s.id
        ok_types = isinstance(s.start, int) and isinstance(s.end, int)
        if not ok_types or isinstance(s.start, bool) or isinstance(s.end, bool):
            err(rid, f"offsets must be integers, got start={s.start!r} end={s.end!r}")
        elif not 0 <= s.start < s.end <= len(text):
            err(rid, f"offsets {s.start}:{s.end} out of range for a text of {len(text)} characters")
        else:
            in_range.append(s)
            if s.text != text[s.start : s.end]:
                err(rid, f"value.text {s.text!r} != text[{s.start}:{s.end}] {text[s.start:s.end]!r}")
            if text[s.start].isspace() or text[s.end - 1].isspace():
                err(rid, f"span {text[s.start:s.end]!r} starts or ends on whitespace")
        if s.label not in LABELS:
            err(rid, f"unknown label {s.label!r} (expected one of {', '.join(LABELS)})")
        if s.label == "COUNT":
            if s.count is None:
                if require_count_attrs:
                    err(rid, "COUNT lacks its attributes (value, status, qualifier, category_id)")
            else:
                errors.extend(AnnotationError(task, rid, p) for p in _count_problems(s.count, cats))
        elif s.count is not None:
            err(rid, f"{s.label} region carries COUNT attributes; only COUNT has them")

    ordered = sorted(in_range, key=lambda s: (s.start, s.end))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start >= a.end:
                break
            err(b.id, f"span {b.start}:{b.end} overlaps span {a.id} ({a.start}:{a.end})")

    errors.extend(_relation_problems(doc, task))
    return errors


def _count_problems(attrs: CountAttrs, cats: frozenset[str]) -> list[str]:
    problems = []
    value = attrs.value
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"value {value!r} is not a whole number")
    elif value < 0:
        problems.append(f"value {value} is negative")
    if attrs.status not in STATUSES:
        problems.append(f"unknown status {attrs.status!r} (expected one of {', '.join(STATUSES)})")
    if attrs.qualifier not in QUALIFIERS:
        problems.append(f"unknown qualifier {attrs.qualifier!r} (expected one of {', '.join(QUALIFIERS)})")
    if attrs.category_id not in cats:
        problems.append(f"unknown category id {attrs.category_id!r}")
    return problems


def _relation_problems(doc: Doc, task: Any) -> list[AnnotationError]:
    errors: list[AnnotationError] = []
    by_id = doc.span_by_id()
    seen: set[tuple[str, str, str]] = set()
    parents: dict[str, list[str]] = {}
    for r in doc.relations:
        where = f"{r.from_id}->{r.to_id}"
        if r.type not in RELATIONS:
            errors.append(AnnotationError(task, where, f"unknown relation label {r.type!r}"))
            continue
        key = (r.from_id, r.to_id, r.type)
        if key in seen:
            errors.append(AnnotationError(task, where, f"{r.type} relation given twice"))
        seen.add(key)
        src, dst = by_id.get(r.from_id), by_id.get(r.to_id)
        for end, span in (("from", src), ("to", dst)):
            if span is None:
                rid = r.from_id if end == "from" else r.to_id
                errors.append(AnnotationError(task, where, f"{r.type} relation {end} unknown region {rid!r}"))
        if src is None or dst is None:
            continue
        want_src, want_dst = RELATION_ENDPOINTS[r.type]
        if src.label in LABELS and dst.label in LABELS and (src.label, dst.label) != (want_src, want_dst):
            errors.append(AnnotationError(
                task, where,
                f"{r.type} must go {want_src} -> {want_dst}, not {src.label} -> {dst.label}"))
            continue
        if r.type == "part_of":
            parents.setdefault(r.from_id, []).append(r.to_id)
    for child, ps in parents.items():
        if len(set(ps)) > 1:
            errors.append(AnnotationError(
                task, child, f"COUNT is part_of {len(set(ps))} counts ({', '.join(sorted(set(ps)))}); at most one"))
    for cycle in _cycles(parents):
        errors.append(AnnotationError(task, cycle[0], "part_of cycle: " + " -> ".join([*cycle, cycle[0]])))
    return errors


def _cycles(parents: dict[str, list[str]]) -> list[list[str]]:
    """Each distinct cycle of the part_of graph, once, as a list of ids."""
    found: list[list[str]] = []
    seen_sets: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in parents.get(node, []):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                if frozenset(cycle) not in seen_sets:
                    seen_sets.add(frozenset(cycle))
                    found.append(cycle)
            elif state.get(nxt) is None:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(parents):
        if node not in state:
            visit(node, [])
    return found


# --------------------------------------------------------------------------- reading


def read_export(
    export: str | Path | Sequence[dict[str, Any]],
    source: Source = "annotations",
    categories: Iterable[str] | None = None,
    require_count_attrs: bool = True,
) -> ReadResult:
    """Read a Label Studio export (a path or the list of tasks) into valid docs.

    Invalid tasks are skipped; every problem of every skipped task is listed
    in :attr:`ReadResult.errors`. A file that is not a JSON list is a :class:`UserError`.
    """
    if source not in ("annotations", "predictions"):
        raise ValueError(f"source must be 'annotations' or 'predictions', not {source!r}")
    where = None
    if isinstance(export, (str, Path)):
        where = str(export)
        if str(export).endswith(".jsonl"):
            export = [task for _, task in iter_jsonl(export)]
        else:
            export = read_json(export)
    if not isinstance(export, list):
        raise UserError(f"{where or 'export'}: expected a JSON list of tasks, got {type(export).__name__}")
    cats = frozenset(categories) if categories is not None else category_ids()
    result = ReadResult(tasks=len(export))
    seen_ids: dict[str, Any] = {}
    for index, task in enumerate(export):
        doc, errors = task_to_doc(task, source, index=index, categories=cats,
                                  require_count_attrs=require_count_attrs)
        if doc is not None and not errors:
            if doc.id in seen_ids:
                errors = [AnnotationError(doc.meta.get("task_id"), None,
                                          f"doc id {doc.id!r} already used by task {seen_ids[doc.id]}")]
            else:
                seen_ids[doc.id] = doc.meta.get("task_id")
        if errors:
            for e in errors:
                logger.debug("%s%s", f"{where}: " if where else "", e)
            result.errors.extend(errors)
        elif doc is not None:
            result.docs.append(doc)
    return result


def load_docs(
    path: str | Path,
    source: Source = "annotations",
    categories: Iterable[str] | None = None,
    require_count_attrs: bool = True,
) -> list[Doc]:
    """Read an export and return its docs; any invalid task is a :class:`UserError` listing all."""
    res = read_export(path, source, categories=categories, require_count_attrs=require_count_attrs)
    if res.errors:
        lines = "\n  ".join(str(e) for e in res.errors)
        raise UserError(f"{path}: {len(res.invalid_tasks)} invalid task(s):\n  {lines}")
    return res.docs


def task_to_doc(
    task: Any,
    source: Source = "annotations",
    index: int = 0,
    categories: Iterable[str] | None = None,
    require_count_attrs: bool = True,
) -> tuple[Doc | None, list[AnnotationError]]:
    """One task as a :class:`Doc` plus every problem found (the doc is unusable if any)."""
    if not isinstance(task, dict):
        return None, [AnnotationError(f"#{index + 1}", None, "task is not a JSON object")]
    task_id = task.get("id", f"#{index + 1}")
    errors: list[AnnotationError] = []

    def err(region: str | None, problem: str) -> None:
        errors.append(AnnotationError(task_id, region, problem))

    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        err(None, "data.text is missing or not a string")
        return None, errors
    text = data["text"]
    doc_id = data.get("doc_id")
    doc_id = str(doc_id) if doc_id is not None else str(task_id)
    meta: dict[str, Any] = {"task_id": task_id, **{k: v for k, v in data.items() if k != "text"}}
    meta["doc_id"] = doc_id

    results = _pick_results(task, source, err)
    if results is None:
        return None, errors
    spans, relations = _parse_results(results, text, err)
    doc = Doc(id=doc_id, text=text, spans=spans, relations=relations, meta=meta)
    # A COUNT whose attribute results were faulty is already reported above.
    flagged = {e.region for e in errors}
    errors.extend(e for e in validate_doc(doc, categories=categories, require_count_attrs=require_count_attrs)
                  if not (e.region in flagged and e.problem.startswith("COUNT lacks its attributes")))
    return doc, errors


def _pick_results(task: dict[str, Any], source: Source, err: Any) -> list[Any] | None:
    items = task.get(source)
    if not isinstance(items, list):
        err(None, f"no {source} list")
        return None
    if source == "annotations":
        usable = [a for a in items if isinstance(a, dict) and not a.get("was_cancelled")]
        if len(usable) > 1:
            logger.info("task %s: %d annotations, using the first", task.get("id"), len(usable))
    else:
        usable = [p for p in items if isinstance(p, dict)]
    if not usable:
        err(None, f"no {'non-cancelled annotation' if source == 'annotations' else 'prediction'}")
        return None
    results = usable[0].get("result")
    if not isinstance(results, list):
        err(None, f"first {source[:-1]} has no result list")
        return None
    return results


def _parse_results(results: list[Any], text: str, err: Any) -> tuple[list[Span], list[Relation]]:
    """Group region results by id into spans; collect relations. Structural problems go to ``err``."""
    regions: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    relations: list[Relation] = []
    for n, r in enumerate(results):
        if not isinstance(r, dict):
            err(None, f"result #{n + 1} is not a JSON object")
            continue
        rtype = r.get("type")
        if rtype == "relation":
            rel = _parse_relation(r, n, err)
            if rel is not None:
                relations.append(rel)
            continue
        rid = r.get("id")
        if not isinstance(rid, str) or not rid:
            err(None, f"result #{n + 1} ({rtype}) has no region id")
            continue
        if rid not in regions:
            regions[rid] = {}
            order.append(rid)
        from_name = r.get("from_name")
        expected = "labels" if from_name == CONTROL_LABEL else COUNT_CONTROLS.get(str(from_name))
        if expected is None:
            err(rid, f"unknown control from_name {from_name!r}")
            continue
        if rtype != expected:
            err(rid, f"{from_name} result has type {rtype!r}, expected {expected!r}")
            continue
        if r.get("to_name", CONTROL_TEXT) != CONTROL_TEXT:
            err(rid, f"to_name {r.get('to_name')!r}, expected {CONTROL_TEXT!r}")
        if not isinstance(r.get("value"), dict):
            err(rid, f"{from_name} result has no value object")
            continue
        if from_name in regions[rid]:
            err(rid, f"two {from_name} results for one region")
            continue
        regions[rid][from_name] = r  # type: ignore[index]

    spans = []
    for rid in order:
        span = _region_to_span(rid, regions[rid], text, err)
        if span is not None:
            spans.append(span)
    return spans, relations


def _parse_relation(r: dict[str, Any], n: int, err: Any) -> Relation | None:
    from_id, to_id = r.get("from_id"), r.get("to_id")
    where = f"{from_id}->{to_id}"
    if not isinstance(from_id, str) or not isinstance(to_id, str):
        err(None, f"relation result #{n + 1} lacks from_id/to_id")
        return None
    labels = r.get("labels")
    if not isinstance(labels, list) or len(labels) != 1:
        err(where, f"a relation carries exactly one label, got {labels!r}")
        return None
    direction = r.get("direction", "right")
    if direction == "left":
        from_id, to_id = to_id, from_id
    elif direction != "right":
        err(where, f"relation direction {direction!r}: use 'right' (from the COUNT)")
        return None
    return Relation(from_id, to_id, str(labels[0]))


def _region_to_span(rid: str, controls: dict[str, dict[str, Any]], text: str, err: Any) -> Span | None:
    lab = controls.get(CONTROL_LABEL)
    attrs = {k: v for k, v in controls.items() if k != CONTROL_LABEL}
    if lab is None:
        err(rid, f"{', '.join(attrs)} result(s) without a labels result for the region")
        return None
    value = lab["value"]
    labels = value.get("labels")
    if not isinstance(labels, list) or len(labels) != 1:
        err(rid, f"a region carries exactly one label, got {labels!r}")
        return None
    label = str(labels[0])
    start, end = value.get("start"), value.get("end")
    surface = value.get("text")
    if surface is None and isinstance(start, int) and isinstance(end, int):
        surface = text[start:end]
    for name, r in attrs.items():
        v = r["value"]
        if (v.get("start"), v.get("end")) != (start, end):
            err(rid, f"{name} result offsets {v.get('start')}:{v.get('end')} differ from the region's {start}:{end}")
    count = None
    if label == "COUNT":
        missing = [c for c in COUNT_CONTROLS if c not in attrs]
        if missing and attrs:
            err(rid, f"COUNT lacks {', '.join(missing)}")
        elif not missing:
            count = _count_attrs(rid, attrs, err)
    elif attrs:
        err(rid, f"{label} region carries {', '.join(attrs)}; only COUNT has attributes")
    score = lab.get("score")
    return Span(start=start, end=end, label=label, text=surface, id=rid,
                score=float(score) if isinstance(score, (int, float)) else None, count=count)


def _count_attrs(rid: str, attrs: dict[str, dict[str, Any]], err: Any) -> CountAttrs | None:
    number = attrs[CONTROL_VALUE]["value"].get("number")
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    picked: dict[str, Any] = {}
    for control in (CONTROL_STATUS, CONTROL_QUALIFIER, CONTROL_CATEGORY_ID):
        choices = attrs[control]["value"].get("choices")
        if not isinstance(choices, list) or len(choices) != 1:
            err(rid, f"{control} needs exactly one choice, got {choices!r}")
            return None
        picked[control] = choices[0]
    return CountAttrs(value=number, status=picked[CONTROL_STATUS], qualifier=picked[CONTROL_QUALIFIER],
                      category_id=picked[CONTROL_CATEGORY_ID])


# --------------------------------------------------------------------------- writing


def doc_to_task(
    doc: Doc,
    kind: Source = "annotations",
    model_version: str | None = None,
    task_id: int | str | None = None,
) -> dict[str, Any]:
    """``doc`` as a Label Studio task with one annotation or prediction.

    ``data`` is ``text``, ``doc_id`` (= ``doc.id``) and the other ``meta``
    fields; the task id is ``task_id``, else ``meta["task_id"]`` (omitted when
    neither is set). Spans without an id get ``r1``, ``r2``, ...
    """
    if kind not in ("annotations", "predictions"):
        raise ValueError(f"kind must be 'annotations' or 'predictions', not {kind!r}")
    tid = task_id if task_id is not None else doc.meta.get("task_id")
    data: dict[str, Any] = {"text": doc.text, "doc_id": doc.id}
    data.update({k: v for k, v in doc.meta.items() if k not in ("task_id", "doc_id", "text")})
    results = _results(doc)
    task: dict[str, Any] = {} if tid is None else {"id": tid}
    task["data"] = data
    if kind == "annotations":
        ann: dict[str, Any] = {} if tid is None else {"id": tid}
        ann["result"] = results
        task["annotations"] = [ann]
    else:
        pred: dict[str, Any] = {"model_version": model_version or "unknown"}
        scores = [s.score for s in doc.spans if s.score is not None]
        if scores:
            pred["score"] = sum(scores) / len(scores)
        pred["result"] = results
        task["predictions"] = [pred]
    return task


def _results(doc: Doc) -> list[dict[str, Any]]:
    used = {s.id for s in doc.spans if s.id is not None}
    auto = 0
    out: list[dict[str, Any]] = []
    for s in doc.spans:
        rid = s.id
        if rid is None:
            auto += 1
            while f"r{auto}" in used:
                auto += 1
            rid = f"r{auto}"
            used.add(rid)
        base = {"start": s.start, "end": s.end, "text": s.text}
        lab: dict[str, Any] = {"id": rid, "from_name": CONTROL_LABEL, "to_name": CONTROL_TEXT,
                               "type": "labels", "value": {**base, "labels": [s.label]}}
        if s.score is not None:
            lab["score"] = s.score
        out.append(lab)
        if s.count is not None:
            c = s.count
            out.append({"id": rid, "from_name": CONTROL_VALUE, "to_name": CONTROL_TEXT,
                        "type": "number", "value": {**base, "number": c.value}})
            for control, choice in ((CONTROL_STATUS, c.status), (CONTROL_QUALIFIER, c.qualifier),
                                    (CONTROL_CATEGORY_ID, c.category_id)):
                out.append({"id": rid, "from_name": control, "to_name": CONTROL_TEXT,
                            "type": "choices", "value": {**base, "choices": [choice]}})
    for r in doc.relations:
        out.append({"from_id": r.from_id, "to_id": r.to_id, "type": "relation",
                     "direction": "right", "labels": [r.type]})
    return out


def docs_to_export(
    docs: Iterable[Doc], kind: Source = "annotations", model_version: str | None = None
) -> list[dict[str, Any]]:
    """Docs as a list of tasks; a doc without ``meta["task_id"]`` gets its 1-based position."""
    return [doc_to_task(d, kind, model_version, task_id=d.meta.get("task_id", i + 1))
            for i, d in enumerate(docs)]


def write_export(
    path: str | Path, docs: Iterable[Doc], kind: Source = "annotations", model_version: str | None = None
) -> None:
    """Write docs as a Label Studio JSON export, atomically (pretty UTF-8 JSON)."""
    tasks = docs_to_export(docs, kind, model_version)
    with atomic_open(path) as fh:
        json.dump(tasks, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


# --------------------------------------------------------------------------- summaries


def label_counts(docs: Iterable[Doc]) -> tuple[Counter[str], Counter[str]]:
    """Spans per label and relations per type over ``docs``."""
    spans: Counter[str] = Counter()
    rels: Counter[str] = Counter()
    for d in docs:
        spans.update(s.label for s in d.spans)
        rels.update(r.type for r in d.relations)
    return spans, rels
