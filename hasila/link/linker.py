"""The post-processor: every number of a report → casualty records or non-counts.

:func:`link` takes the raw text and labelled spans (gold or predicted) and
decides, for every number expression (:func:`hasila.text.arabic.find_numbers`,
plus COUNT spans it missed), whether it counts people. COUNT spans are the
primary evidence; a number no COUNT span covers is a non-count with a reason
(date, year, age, duration, thing, ordinal, percentage, money, list, other), unless
``LinkConfig.rules_fallback`` is on and the words around it say it counts
people (a people noun follows, a casualty trigger governs it).

For each count it fills a :class:`~hasila.schema.CasualtyRecord`: value,
qualifier, status, category (+ the CATEGORY span text), part_of (the parent
total, see :mod:`hasila.link.tree`), affiliation, perpetrator and location;
and it warns when the disjoint parts of a total add up to more than it.

Each decision is a small reader over one :class:`~hasila.link.context.LinkContext`
(numbers → counts): :mod:`~hasila.link.noun` (the counted noun and its category
hint), :mod:`~hasila.link.affiliation` (the group after it), :mod:`~hasila.link.groups`
(what a group phrase names), :mod:`~hasila.link.cue` and :mod:`~hasila.link.parent`
(the cues of the part_of tree), :mod:`~hasila.link.qualifier`, :mod:`~hasila.link.status`,
:mod:`~hasila.link.category` (categories once the tree is built), :mod:`~hasila.link.target`
(members counted after an attack on a group), :mod:`~hasila.link.possessor` (members counted with a
pronoun of their party: ``من جنوده``, or ``منهم`` after the people named before),
:mod:`~hasila.link.theatre` (abroad or in Syria) and :mod:`~hasila.link.scope` (perpetrator and
location).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from hasila.link.affiliation import AffiliationReader
from hasila.link.category import CategoryResolver
from hasila.link.config import LinkConfig
from hasila.link.context import LinkContext
from hasila.link.counts import NonCount
from hasila.link.cue import CueReader
from hasila.link.groups import GroupReader
from hasila.link.noun import NounReader
from hasila.link.numbers import noun_category
from hasila.link.parent import ParentReader
from hasila.link.possessor import PossessorRules
from hasila.link.qualifier import read_qualifier
from hasila.link.scope import ScopeReader
from hasila.link.status import StatusReader, wounded_of_the_dead
from hasila.link.target import TargetRules
from hasila.link.text import key
from hasila.link.theatre import TheatreRules
from hasila.link.tree import CountNode, drop_equal_parts, resolve_tree
from hasila.schema import CasualtyRecord, CountAttrs, Doc, Relation, Span

logger = logging.getLogger(__name__)

__all__ = ["LinkResult", "LinkTimeout", "link", "link_doc"]


@dataclass
class LinkResult:
    """Records, non-counts and warnings; ``spans``/``relations`` say the same as a Doc."""

    records: list[CasualtyRecord] = field(default_factory=list)
    non_counts: list[NonCount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_doc(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> Doc:
        """The linked report as a :class:`Doc` (COUNT attributes and relations filled)."""
        return Doc(id=doc_id, text=text, spans=list(self.spans), relations=list(self.relations),
                   meta=dict(meta or {}))


def _sum_warnings(nodes: list[CountNode], rec_id: dict[int, str], onto: Any) -> list[str]:
    out = []
    for total in nodes:
        best: Counter[str] = Counter()
        ids: dict[str, CountNode] = {}
        for k in total.children:
            if k.status != total.status or k.category is None:
                continue
            if k.value > best[k.category]:
                best[k.category] = k.value
                ids[k.category] = k
        cats = sorted(best)[:12]
        top = 0
        chosen: tuple[str, ...] = ()
        for n in range(2, len(cats) + 1):
            for combo in combinations(cats, n):
                if all(onto.disjoint(a, b) for a, b in combinations(combo, 2)):
                    s = sum(best[x] for x in combo)
                    if s > top:
                        top, chosen = s, combo
        if top > total.value and not total.vague:
            parts = " + ".join(f"{best[x]} {x} ({rec_id[ids[x].order]})" for x in chosen)
            out.append(f"{rec_id[total.order]} ({total.span.text} = {total.value}): its parts "
                       f"{parts} add up to {top}, more than the total")
    return out


@dataclass(frozen=True)
class Readers:
    """The decision readers of one :func:`link` call, over one context."""

    cx: LinkContext
    groups: GroupReader
    nouns: NounReader
    cues: CueReader
    after: ParentReader
    status: StatusReader
    cats: CategoryResolver
    scope: ScopeReader
    theatre: TheatreRules
    target: TargetRules
    possessor: PossessorRules

    @classmethod
    def over(cls, cx: LinkContext) -> Readers:
        """Every reader over ``cx`` (the noun reader asks the group and affiliation readers)."""
        groups = GroupReader(cx)
        nouns = NounReader(cx, groups, AffiliationReader(cx, groups))
        return cls(cx, groups, nouns, CueReader(cx), ParentReader(cx, groups), StatusReader(cx),
                   CategoryResolver(cx, groups), ScopeReader(cx), TheatreRules(cx), TargetRules(cx, groups),
                   PossessorRules(cx, groups))

    def read_nouns(self, nodes: list[CountNode], deadline: float | None = None) -> None:
        """First pass: each count's noun, its category hint, group and nation."""
        for c in _in_time(nodes, deadline):
            self.nouns.read_noun(c)
            self.nouns.read_nation(c)

    def read_cues(self, nodes: list[CountNode], deadline: float | None = None) -> None:
        """Second pass: each count's cue, what follows it, its qualifier and status."""
        for c in _in_time(nodes, deadline):
            prev = nodes[c.order - 1] if c.order > 0 else None
            nxt = nodes[c.order + 1] if c.order + 1 < len(nodes) else None
            self.cues.read_cue(c, prev)
            self.after.read_after(c, nxt)
            read_qualifier(self.cx.view, c)
            self.status.read_status(c, prev, nxt)


class LinkTimeout(RuntimeError):
    """:func:`link` ran past its ``deadline`` (a pathological report)."""


def _in_time(nodes: list[CountNode], deadline: float | None) -> Iterator[CountNode]:
    """The nodes, raising :class:`LinkTimeout` once ``time.monotonic()`` passes ``deadline``."""
    for c in nodes:
        if deadline is not None and time.monotonic() > deadline:
            raise LinkTimeout(f"stopped at count {c.order + 1} of {len(nodes)}")
        yield c


def link(text: str, spans: list[Span], ontology: Any, config: LinkConfig | None = None,
         *, deadline: float | None = None) -> LinkResult:
    """Link every number of ``text`` given its labelled ``spans`` (gold or predicted).

    ``deadline`` (a ``time.monotonic()`` value) bounds the work: past it the
    call raises :class:`LinkTimeout` instead of finishing.
    """
    cfg = config or LinkConfig()
    r = Readers.over(LinkContext(text, spans, ontology, cfg))
    nodes = r.cx.collect()
    r.read_nouns(nodes, deadline)
    r.cats.share_groups(nodes)
    r.read_cues(nodes, deadline)
    resolve_tree(nodes, ontology, complete_sums=cfg.sum_completion)
    drop_equal_parts(nodes)  # before the totals below: a repeated toll may open its own list
    r.after.place_breakdowns(nodes)
    r.after.among_totals(nodes)
    r.after.where_breakdowns(nodes)
    drop_equal_parts(nodes)
    r.status.status_after_lists(nodes)
    r.cats.resolve_categories(nodes)
    r.cats.range_categories(nodes)
    r.status.resolve_statuses(nodes)
    wounded_of_the_dead(r.status, nodes)
    r.target.members_of_the_target(nodes)
    r.possessor.members_of_the_possessor(nodes)
    r.possessor.members_of_them(nodes)
    r.possessor.soldiers_a_state_sends(nodes)
    r.status.held_hostage(nodes)
    r.scope.read_links(list(_in_time(nodes, deadline)))
    r.cats.headline_repeats(nodes)
    r.status.headline_statuses(nodes)
    r.theatre.soldiers_abroad(nodes)
    r.cats.martyrs_of_a_plain_toll(nodes)
    r.theatre.militias_in_syria(nodes)
    r.theatre.report_abroad(nodes)
    return _result(r.cx, nodes)


def _result(lk: LinkContext, nodes: list[CountNode]) -> LinkResult:
    rec_id = {c.order: f"c{c.order + 1}" for c in nodes}
    records = []
    relations = []
    count_spans: dict[str, Span] = {}
    if lk.cfg.category_spans:
        used = {s.id for s in lk.spans}
        taken = {ch for s in lk.spans if s.label != "ACTOR" for ch in range(s.start, s.end)}
        for n, c in enumerate(nodes, start=1):
            if c.noun is None and c.noun_chars is not None:
                a, b = _without_clitic(lk.text, *c.noun_chars, lk.onto)
                if not taken.isdisjoint(range(a, b)):
                    continue
                noun_id = f"_k{n}"
                while noun_id in used:
                    noun_id += "_"
                c.noun = Span(a, b, "CATEGORY", lk.text[a:b], id=noun_id)
                lk.spans.append(c.noun)
                used.add(noun_id)
                taken.update(range(a, b))
    for c in nodes:
        assert c.category is not None and c.status is not None
        records.append(CasualtyRecord(
            id=rec_id[c.order], start=c.span.start, end=c.span.end, text=c.span.text, value=c.value,
            qualifier=c.qualifier, status=c.status, category=c.category,
            category_text=c.noun.text if c.noun is not None else c.noun_text,
            part_of=rec_id[c.parent.order] if c.parent is not None else None,
            affiliation=c.affiliation.text if c.affiliation is not None else None,
            perpetrator=c.perpetrator.text if c.perpetrator is not None else None,
            location=c.location.text if c.location is not None else None,
        ))
        sid = c.span.id
        assert sid is not None
        count_spans[sid] = replace(c.span, count=CountAttrs(c.value, c.status, c.qualifier, c.category))
        for target, rel in ((c.noun, "category"), (c.parent.span if c.parent else None, "part_of"),
                            (c.affiliation, "affiliation"), (c.perpetrator, "perpetrator"),
                            (c.location, "location")):
            if target is not None and target.id is not None:
                relations.append(Relation(sid, target.id, rel))
    spans = [count_spans.get(s.id or "", s) if s.label == "COUNT" else s for s in lk.spans]
    spans = [s for s in spans if s.label != "COUNT" or s.count is not None]
    spans.sort(key=lambda s: (s.start, s.end))
    warnings = lk.warnings + _sum_warnings(nodes, rec_id, lk.onto)
    non_counts = sorted(lk.non_counts, key=lambda n: n.start)
    return LinkResult(records, non_counts, warnings, spans, relations)


def link_doc(doc: Doc, ontology: Any, config: LinkConfig | None = None) -> Doc:
    """Link ``doc``'s spans and return a copy with COUNT attributes and relations filled."""
    res = link(doc.text, doc.spans, ontology, config)
    return res.to_doc(doc.id, doc.text, doc.meta)


#: Clitics glued to a noun that stay outside its span (the guide): ``و`` + ``فتيان``.
_NOUN_CLITICS = ("وب", "ول", "و", "ف")


def _without_clitic(text: str, a: int, b: int, onto: Any) -> tuple[int, int]:
    """The CATEGORY span ``[a, b)`` without a clitic glued to its first word (``وفتيان``,
    ``وضحية``), where the rest of the word is a people noun."""
    word = text[a:b].split()[0] if text[a:b].strip() else ""
    for clitic in _NOUN_CLITICS:
        rest = word[len(clitic):]  # the clitic's letters one character each, as written or as a PDF's forms
        if key(word[:len(clitic)]) == clitic and len(rest) > 2 and (
                noun_category(onto, rest) is not None or onto.is_neutral_noun(rest)):
            return a + len(clitic), b
    return a, b
