"""Inline markup for writing annotated reports and test fixtures by hand.

A span is written ``[surface|LABEL#id key=value ...]``; everything else is
plain report text. ``#id`` is needed only when a relation points at the span.

COUNT keys: ``v`` value (may be left out when the surface is digits),
``s`` status (default killed), ``q`` qualifier (default exact), ``k``
category id (required); relations ``cat`` (→CATEGORY), ``of`` (part_of →COUNT),
``aff`` (→ACTOR), ``by`` (perpetrator →ACTOR), ``at`` (location →PLACE); a
relation key may name several ids separated by commas.

Example::

    قتل [16|COUNT#c1 q=at_least k=regime cat=k1 aff=a1] [عنصر|CATEGORY#k1] على الأقل
    من [قوات النظام|ACTOR#a1]
"""

from __future__ import annotations

import re
from pathlib import Path

from hasila.errors import UserError
from hasila.schema import (
    LABELS,
    QUALIFIERS,
    RELATION_ENDPOINTS,
    STATUSES,
    CountAttrs,
    Doc,
    Relation,
    Span,
)

_SPAN_RE = re.compile(r"\[([^\[\]|\n]+)\|([A-Z]+)(?:#([\w-]+))?((?:[ \t]+[a-z]+=[^\s\]]+)*)[ \t]*\]")
_REL_KEYS = {"cat": "category", "of": "part_of", "aff": "affiliation", "by": "perpetrator", "at": "location"}
_ATTR_KEYS = {"v", "s", "q", "k"}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _digit_value(surface: str) -> int | None:
    plain = surface.translate(_DIGITS).replace(",", "").replace("٬", "")
    return int(plain) if plain.isascii() and plain.isdigit() else None


def parse_markup(source: str, doc_id: str = "doc", where: str | None = None,
                 categories: set[str] | None = None) -> Doc:
    """Turn marked-up text into a :class:`Doc` (raw text, spans, relations).

    Errors name ``where`` (a file name) and the line of the problem.
    """
    where = where or doc_id
    text_parts: list[str] = []
    spans: list[Span] = []
    pending: list[tuple[str, str, str, int]] = []  # from_id, rel, to_id, line
    pos = 0
    out_len = 0
    auto = 0
    for m in _SPAN_RE.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        text_parts.append(source[pos : m.start()])
        out_len += m.start() - pos
        surface, label, span_id, rest = m.group(1), m.group(2), m.group(3), m.group(4)
        if label not in LABELS:
            raise UserError(f"{where}: line {line}: unknown label {label!r}")
        if surface != surface.strip():
            raise UserError(f"{where}: line {line}: span {surface!r} starts or ends with a space")
        if span_id is None:
            auto += 1
            span_id = f"_{label[0].lower()}{auto}"
        keys: dict[str, str] = {}
        for kv in rest.split():
            key, val = kv.split("=", 1)
            if key not in _ATTR_KEYS and key not in _REL_KEYS:
                raise UserError(f"{where}: line {line}: unknown key {key!r} on {surface!r}")
            keys[key] = val
        count = None
        if label == "COUNT":
            count = _count_attrs(surface, keys, where, line, categories)
        elif set(keys) & (_ATTR_KEYS | set(_REL_KEYS)):
            raise UserError(f"{where}: line {line}: {label} span {surface!r} cannot carry attributes")
        for key, rel in _REL_KEYS.items():
            for target in filter(None, keys.get(key, "").split(",")):
                pending.append((span_id, rel, target, line))
        spans.append(Span(out_len, out_len + len(surface), label, surface, id=span_id, count=count))
        text_parts.append(surface)
        out_len += len(surface)
        pos = m.end()
    text_parts.append(source[pos:])
    text = "".join(text_parts)
    if "[" in text and "|" in text and re.search(r"\[[^\]\n]*\|", text):
        bad = re.search(r"\[[^\]\n]*\|", text)
        assert bad is not None
        raise UserError(f"{where}: line {text.count(chr(10), 0, bad.start()) + 1}: malformed span near {bad.group(0)!r}")
    ids = [s.id for s in spans]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise UserError(f"{where}: duplicate span id(s) {', '.join(sorted(map(str, dupes)))}")
    by_id = {s.id: s for s in spans}
    relations = []
    for from_id, rel, to_id, line in pending:
        to_span = by_id.get(to_id)
        if to_span is None:
            raise UserError(f"{where}: line {line}: {rel} of {from_id} points to unknown id {to_id!r}")
        want = RELATION_ENDPOINTS[rel][1]
        if to_span.label != want:
            raise UserError(f"{where}: line {line}: {rel} of {from_id} must point to a {want}, "
                            f"{to_id} is {to_span.label}")
        relations.append(Relation(from_id, to_id, rel))
    return Doc(id=doc_id, text=text, spans=spans, relations=relations)


def _count_attrs(surface: str, keys: dict[str, str], where: str, line: int,
                 categories: set[str] | None) -> CountAttrs:
    value = keys.get("v")
    if value is None:
        digits = _digit_value(surface)
        if digits is None:
            raise UserError(f"{where}: line {line}: COUNT {surface!r} needs v=<value>")
        number = digits
    else:
        try:
            number = int(value)
        except ValueError:
            raise UserError(f"{where}: line {line}: COUNT {surface!r}: v={value!r} is not a whole number") from None
    status = keys.get("s", "killed")
    qualifier = keys.get("q", "exact")
    category = keys.get("k")
    if status not in STATUSES:
        raise UserError(f"{where}: line {line}: COUNT {surface!r}: unknown status {status!r}")
    if qualifier not in QUALIFIERS:
        raise UserError(f"{where}: line {line}: COUNT {surface!r}: unknown qualifier {qualifier!r}")
    if category is None:
        raise UserError(f"{where}: line {line}: COUNT {surface!r} needs k=<category id>")
    if categories is not None and category not in categories:
        raise UserError(f"{where}: line {line}: COUNT {surface!r}: unknown category id {category!r}")
    return CountAttrs(value=number, status=status, qualifier=qualifier, category_id=category)


def read_markup_file(path: str | Path, categories: set[str] | None = None) -> Doc:
    """Read one marked-up report; the doc id is the file name without extension."""
    path = Path(path)
    source = path.read_text(encoding="utf-8").strip("\n")
    return parse_markup(source, doc_id=path.stem, where=str(path), categories=categories)


def to_markup(doc: Doc) -> str:
    """Write ``doc`` back as markup (the inverse of :func:`parse_markup`)."""
    rels: dict[str, dict[str, list[str]]] = {}
    inv = {v: k for k, v in _REL_KEYS.items()}
    for r in doc.relations:
        rels.setdefault(r.from_id, {}).setdefault(inv[r.type], []).append(r.to_id)
    out = []
    pos = 0
    for s in sorted(doc.spans, key=lambda s: s.start):
        out.append(doc.text[pos : s.start])
        attrs = []
        if s.count is not None:
            attrs += [f"v={s.count.value}", f"s={s.count.status}", f"q={s.count.qualifier}",
                      f"k={s.count.category_id}"]
        for key, targets in rels.get(s.id or "", {}).items():
            attrs.append(f"{key}={','.join(targets)}")
        tail = (" " + " ".join(attrs)) if attrs else ""
        out.append(f"[{s.text}|{s.label}#{s.id}{tail}]")
        pos = s.end
    out.append(doc.text[pos:])
    return "".join(out)
