"""Model output as an annotated :class:`Doc`: spans plus the linker's records turned
back into COUNT attributes and relations (for Label Studio pre-annotations)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hasila.schema import CasualtyRecord, CountAttrs, Doc, Relation, Span, SpanTagger


def _nearest(spans: Sequence[Span], label: str, text: str | None, anchor: int) -> Span | None:
    """The span of ``label`` whose text is ``text``, closest to character ``anchor``."""
    if not text:
        return None
    found = [s for s in spans if s.label == label and s.text == text]
    return min(found, key=lambda s: abs(s.start - anchor)) if found else None


def records_to_doc(doc_id: str, text: str, spans: Sequence[Span], records: Sequence[CasualtyRecord],
                   meta: dict | None = None) -> Doc:
    """A Doc whose COUNT spans carry the records' attributes and whose relations restate them."""
    out: list[Span] = []
    ids: dict[tuple[int, int], str] = {}
    for i, s in enumerate(sorted(spans, key=lambda s: s.start)):
        sid = s.id or f"{s.label[0].lower()}{i + 1}"
        out.append(replace(s, id=sid, count=None))
        ids[(s.start, s.end)] = sid
    by_record: dict[str, str] = {}
    for rec in records:
        key = (rec.start, rec.end)
        if key not in ids:
            sid = f"n{len(out) + 1}"
            out.append(Span(rec.start, rec.end, "COUNT", text[rec.start:rec.end], id=sid))
            ids[key] = sid
        by_record[rec.id] = ids[key]
    relations: list[Relation] = []
    attrs: dict[str, CountAttrs] = {}
    for rec in records:
        sid = by_record[rec.id]
        attrs[sid] = CountAttrs(rec.value, rec.status, rec.qualifier, rec.category)
        for rel, label, value in (("category", "CATEGORY", rec.category_text),
                                  ("affiliation", "ACTOR", rec.affiliation),
                                  ("perpetrator", "ACTOR", rec.perpetrator),
                                  ("location", "PLACE", rec.location)):
            target = _nearest(out, label, value, rec.start)
            if target is not None and target.id is not None:
                relations.append(Relation(sid, target.id, rel))
        if rec.part_of and rec.part_of in by_record:
            relations.append(Relation(sid, by_record[rec.part_of], "part_of"))
    final = []
    for s in out:
        if s.id in attrs:
            final.append(replace(s, label="COUNT", count=attrs[s.id]))
        elif s.label == "COUNT":
            continue  # a COUNT the linker judged not to count people
        else:
            final.append(s)
    kept = {s.id for s in final}
    relations = [r for r in relations if r.from_id in kept and r.to_id in kept]
    return Doc(id=doc_id, text=text, spans=sorted(final, key=lambda s: s.start), relations=relations,
               meta=dict(meta or {}))


def model_version(model_dir: str | Path) -> str:
    """The model's name and a short hash of its weights and config."""
    model_dir = Path(model_dir)
    h = hashlib.sha256()
    for name in sorted(["config.json", "resolved_config.yaml", "model.safetensors"]):
        f = model_dir / name
        if f.exists():
            h.update(f.read_bytes())
    return f"{model_dir.name}-{h.hexdigest()[:8]}"


def tag_and_link(tagger: SpanTagger, docs: Sequence[Doc], batch_size: int = 16) -> list[Doc]:
    """Tag and link ``docs`` with a loaded tagger; one annotated Doc each."""
    from hasila.link import link

    all_spans = tagger.tag([d.text for d in docs], batch_size=batch_size)
    return [records_to_doc(doc.id, doc.text, spans, link(doc.text, spans, tagger.ontology).records,
                           doc.meta)
            for doc, spans in zip(docs, all_spans, strict=True)]


def prediction_docs(model_dir: str | Path, docs: Sequence[Doc], batch_size: int = 16) -> list[Doc]:
    """Tag and link ``docs`` with the model in ``model_dir``; one annotated Doc each."""
    from hasila.model.infer import Tagger

    return tag_and_link(Tagger.load(model_dir), docs, batch_size=batch_size)
