"""Annotation scheme v1: labels, relations, attributes and the core types.

One offset rule everywhere: Python character offsets into the raw report text,
``start`` inclusive, ``end`` exclusive (the same as Label Studio's ``value.start``
and ``value.end``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol, runtime_checkable

LABELS: tuple[str, ...] = ("ACTOR", "PLACE", "COUNT", "CATEGORY")
RELATIONS: tuple[str, ...] = ("category", "part_of", "affiliation", "perpetrator", "location")
STATUSES: tuple[str, ...] = ("killed", "injured", "detained", "abducted", "missing", "other")
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "about", "at_most")

#: For each relation: (label of the source span, label of the target span).
RELATION_ENDPOINTS: dict[str, tuple[str, str]] = {
    "category": ("COUNT", "CATEGORY"),
    "part_of": ("COUNT", "COUNT"),
    "affiliation": ("COUNT", "ACTOR"),
    "perpetrator": ("COUNT", "ACTOR"),
    "location": ("COUNT", "PLACE"),
}

#: Label Studio control names (``from_name``), fixed by the guide.
CONTROL_TEXT = "text"
CONTROL_LABEL = "label"
CONTROL_VALUE = "value"
CONTROL_STATUS = "status"
CONTROL_QUALIFIER = "qualifier"
CONTROL_CATEGORY_ID = "category_id"


def bio_tags(labels: tuple[str, ...] | list[str] = LABELS) -> list[str]:
    """The IOB2 tag list for ``labels``: ``O`` first, then ``B-X``/``I-X`` per label."""
    tags = ["O"]
    for label in labels:
        tags += [f"B-{label}", f"I-{label}"]
    return tags


@dataclass(frozen=True)
class CountAttrs:
    """The per-region attributes of a COUNT span."""

    value: int
    status: str = "killed"
    qualifier: str = "exact"
    category_id: str = "people"


@dataclass(frozen=True)
class Span:
    """A labelled stretch of the raw text: ``text == doc_text[start:end]``."""

    start: int
    end: int
    label: str
    text: str
    id: str | None = None
    score: float | None = None
    count: CountAttrs | None = None

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def with_id(self, span_id: str) -> Span:
        return replace(self, id=span_id)


@dataclass(frozen=True)
class Relation:
    """A directed, labelled link between two spans of one document (by span id)."""

    from_id: str
    to_id: str
    type: str


@dataclass
class Doc:
    """One report with its spans, relations and metadata."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def span_by_id(self) -> dict[str, Span]:
        return {s.id: s for s in self.spans if s.id is not None}

    def spans_of(self, label: str) -> list[Span]:
        return [s for s in self.spans if s.label == label]

    def targets(self, from_id: str, rel_type: str) -> list[str]:
        """Ids of the spans that ``from_id`` points to with ``rel_type``."""
        return [r.to_id for r in self.relations if r.from_id == from_id and r.type == rel_type]


@dataclass
class CasualtyRecord:
    """One casualty count, exactly the guide's JSON record."""

    id: str
    start: int
    end: int
    text: str
    value: int
    qualifier: str = "exact"
    status: str = "killed"
    category: str = "people"
    category_text: str | None = None
    part_of: str | None = None
    affiliation: str | None = None
    perpetrator: str | None = None
    location: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CasualtyRecord:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__ if k in data})  # type: ignore[arg-type]


@runtime_checkable
class SpanTagger(Protocol):
    """Anything that tags reports: texts in, one list of spans per text out, with the category
    ontology its spans follow. The trained model (:class:`hasila.model.infer.Tagger`, on torch
    or ONNX Runtime weights) and the rules (:class:`hasila.rules.tagger.RulesTagger`) are two."""

    ontology: Any

    def tag(self, texts: Sequence[str], batch_size: int = ...) -> list[list[Span]]: ...


def records_from_doc(doc: Doc) -> list[CasualtyRecord]:
    """The gold casualty records that an annotated ``doc`` states, in text order.

    Every COUNT with attributes becomes a record; relation targets are turned
    into their surface text (``part_of`` into the parent record's id).
    """
    by_id = doc.span_by_id()
    counts = sorted((s for s in doc.spans if s.label == "COUNT"), key=lambda s: s.start)
    rec_ids = {s.id: f"c{i + 1}" for i, s in enumerate(counts) if s.id is not None}

    def first_text(span_id: str | None, rel: str) -> str | None:
        if span_id is None:
            return None
        targets = [by_id[t] for t in doc.targets(span_id, rel) if t in by_id]
        return targets[0].text if targets else None

    records = []
    for i, span in enumerate(counts):
        attrs = span.count or CountAttrs(value=0)
        parents = doc.targets(span.id, "part_of") if span.id else []
        records.append(
            CasualtyRecord(
                id=f"c{i + 1}",
                start=span.start,
                end=span.end,
                text=span.text,
                value=attrs.value,
                qualifier=attrs.qualifier,
                status=attrs.status,
                category=attrs.category_id,
                category_text=first_text(span.id, "category"),
                part_of=rec_ids.get(parents[0]) if parents else None,
                affiliation=first_text(span.id, "affiliation"),
                perpetrator=first_text(span.id, "perpetrator"),
                location=first_text(span.id, "location"),
            )
        )
    return records
