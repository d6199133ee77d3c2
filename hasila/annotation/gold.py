"""Build the gold set: marked-up reports -> raw texts + Label Studio exports per split.

Inputs are ``annotations/markup/<id>.txt`` (see :mod:`hasila.annotation.markup`) and
``data/splits.json`` (``{"train": [ids], "dev": [ids], "test": [ids]}``).
Outputs are ``data/reports/<id>.txt`` (the raw report text, the string every
offset points into) and ``annotations/gold/<split>.json`` (Label Studio
exports with one annotation per task). Reports named in the splits but not yet
written are listed as missing; a report that does not parse or breaks the
scheme is listed as invalid and left out.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from hasila.annotation.lsio import category_ids, label_counts, validate_doc, write_export
from hasila.annotation.markup import read_markup_file
from hasila.errors import UserError
from hasila.fileio import atomic_open, read_json
from hasila.schema import LABELS, Doc

logger = logging.getLogger(__name__)

SPLITS: tuple[str, ...] = ("train", "dev", "test")


@dataclass
class GoldReport:
    """What a build found and wrote."""

    docs: dict[str, list[Doc]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    invalid: list[str] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def load_splits(path: str | Path) -> dict[str, list[str]]:
    """Read the split file; every split is a list of report ids, no id in two splits."""
    data = read_json(path)
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected an object {{split: [report ids]}}")
    unknown = [k for k in data if k not in SPLITS]
    if unknown:
        raise UserError(f"{path}: unknown split(s) {', '.join(unknown)} (expected {', '.join(SPLITS)})")
    owner: dict[str, str] = {}
    splits: dict[str, list[str]] = {}
    for name in SPLITS:
        ids = data.get(name, [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise UserError(f"{path}: split {name!r} must be a list of report ids")
        for rid in ids:
            if rid in owner:
                raise UserError(f"{path}: report {rid} is in both {owner[rid]} and {name}")
            owner[rid] = name
        splits[name] = list(ids)
    return splits


def read_markup_dir(markup_dir: str | Path, categories: Iterable[str] | None = None
                    ) -> tuple[dict[str, Doc], list[str]]:
    """Parse and validate every ``*.txt`` in ``markup_dir``: valid docs by id, and error lines."""
    cats = frozenset(categories) if categories is not None else category_ids()
    docs: dict[str, Doc] = {}
    errors: list[str] = []
    for path in sorted(Path(markup_dir).glob("*.txt")):
        try:
            doc = read_markup_file(path, categories=set(cats))
        except UserError as exc:
            errors.append(str(exc))
            continue
        problems = validate_doc(doc, categories=cats)
        if problems:
            errors += [f"{path}: {p}" for p in problems]
            continue
        docs[doc.id] = doc
    return docs, errors


def build_gold(
    markup_dir: str | Path = "annotations/markup",
    splits_path: str | Path = "data/splits.json",
    reports_dir: str | Path = "data/reports",
    gold_dir: str | Path = "annotations/gold",
    categories: Iterable[str] | None = None,
) -> GoldReport:
    """Read all markup, write the raw texts and one Label Studio export per split."""
    if not Path(markup_dir).is_dir():
        raise UserError(f"{markup_dir}: markup folder not found")
    splits = load_splits(splits_path)
    docs, invalid = read_markup_dir(markup_dir, categories)
    report = GoldReport(invalid=invalid)
    in_splits = {rid for ids in splits.values() for rid in ids}
    report.unassigned = sorted(set(docs) - in_splits)
    for doc in docs.values():
        report.warnings += [f"{doc.id}: {w}" for w in part_of_sum_problems(doc)]
        path = Path(reports_dir) / f"{doc.id}.txt"
        with atomic_open(path, "wb") as fh:  # bytes: no newline translation
            fh.write(doc.text.encode("utf-8"))
        report.written.append(path)
    for name, ids in splits.items():
        chosen = [docs[i] for i in ids if i in docs]
        report.docs[name] = chosen
        report.missing[name] = [i for i in ids if i not in docs]
        out = Path(gold_dir) / f"{name}.json"
        write_export(out, chosen, kind="annotations")
        report.written.append(out)
    return report


def format_report(report: GoldReport) -> str:
    """A table of reports and spans per label per split, then missing ids and problems."""
    head = ["split", "reports", "missing", *LABELS, "relations"]
    rows = [head]
    for name, docs in report.docs.items():
        spans, rels = label_counts(docs)
        rows.append([name, str(len(docs)), str(len(report.missing.get(name, []))),
                     *(str(spans.get(lab, 0)) for lab in LABELS), str(sum(rels.values()))])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    for name, ids in report.missing.items():
        if ids:
            lines.append(f"missing in {name}: {compress_ids(ids)}")
    if report.unassigned:
        lines.append(f"in no split (not in the gold files): {', '.join(report.unassigned)}")
    lines += [f"warning: {w}" for w in report.warnings]
    lines += [f"invalid: {e}" for e in report.invalid]
    return "\n".join(lines)


def compress_ids(ids: list[str]) -> str:
    """``r001 r002 r003 r007`` -> ``r001-r003, r007`` (ids of the form prefix + number)."""
    parts: list[list[str]] = []
    prev: tuple[str, int, int] | None = None
    for rid in ids:
        stem = rid.rstrip("0123456789")
        num = rid[len(stem):]
        key = (stem, int(num), len(num)) if num else None
        if key and prev and key[0] == prev[0] and key[2] == prev[2] and key[1] == prev[1] + 1:
            parts[-1][1] = rid
        else:
            parts.append([rid, rid])
        prev = key
    return ", ".join(a if a == b else f"{a}-{b}" for a, b in parts)


# ------------------------------------------------------------------ consistency of part_of

#: Category pairs whose people can overlap (one may include the other), so
#: their counts may not be added up. Every other pair of distinct ids is disjoint.
def categories_disjoint(a: str, b: str) -> bool:
    """True when no person can be counted under both category ids (the project's
    ontology, ``configs/categories.yaml``: ``overlaps`` and ``any_part``)."""
    return _ontology().disjoint(a, b)


@functools.cache
def _ontology() -> Any:
    from hasila.annotation.ontology import Ontology

    return Ontology.load()


def part_of_sum_problems(doc: Doc) -> list[str]:
    """Parents whose direct same-status children of disjoint categories add up to more.

    Children of one category may overlap, so each category contributes its
    largest child; among categories, the largest sum over a set of pairwise
    disjoint ones is compared with the parent's value.
    """
    by_id = doc.span_by_id()
    children: dict[str, list[str]] = {}
    for r in doc.relations:
        if r.type == "part_of":
            children.setdefault(r.to_id, []).append(r.from_id)
    problems = []
    for pid, kids in children.items():
        parent = by_id.get(pid)
        if parent is None or parent.count is None:
            continue
        best: Counter[str] = Counter()
        for kid_id in kids:
            kid = by_id.get(kid_id)
            if kid is None or kid.count is None or kid.count.status != parent.count.status:
                continue
            cat = kid.count.category_id
            best[cat] = max(best[cat], kid.count.value)
        total, chosen = _max_disjoint_sum(best)
        if total > parent.count.value:
            parts = " + ".join(f"{best[c]} {c}" for c in chosen)
            problems.append(f"part_of children of {pid} ({parent.text!r} = {parent.count.value}) "
                            f"add up to {total} ({parts})")
    return problems


def _max_disjoint_sum(best: Counter[str]) -> tuple[int, tuple[str, ...]]:
    cats = sorted(best)
    top: tuple[int, tuple[str, ...]] = (0, ())
    if len(cats) > 12:  # never in practice; keep the search small
        cats = sorted(cats, key=lambda c: -best[c])[:12]
    for k in range(1, len(cats) + 1):
        for combo in combinations(cats, k):
            if all(categories_disjoint(a, b) for a, b in combinations(combo, 2)):
                total = sum(best[c] for c in combo)
                if total > top[0]:
                    top = (total, combo)
    return top
