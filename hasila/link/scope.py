"""Who did the harm and where: each count's perpetrator and location.

:class:`ScopeReader` takes the ACTOR spans a word marks as doing the harm (``جراء قصف``,
``من قبل``) and the PLACE spans a preposition marks, inside the count's own stretch of
text (:meth:`ScopeReader.scope_end`) or its clause before it; parts take their
parent's when they have none.
"""

from __future__ import annotations

from hasila.link import cues
from hasila.link.context import ByStart, LinkContext, Reader
from hasila.link.tree import CountNode
from hasila.schema import Span


class ScopeReader(Reader):
    """Perpetrator and location of each count."""

    def __init__(self, cx: LinkContext) -> None:
        super().__init__(cx)
        self._counted: tuple[list[CountNode], set[int]] | None = None

    def _perp_candidates(self) -> list[Span]:
        """ACTOR spans marked as doing the harm (``جراء قصف X``, ``نفذته X``, ``من قبل X``)."""
        v = self.view
        out = []
        for a in self.by_label.get("ACTOR", []):
            i = v.first_at_or_after(a.start)
            if i >= len(v):
                continue
            glued = v.glued_prefix(i, a.start)
            if glued and glued not in ("ل", "ب", "و", "ف"):
                continue
            p = v.prev_word(i - 1)
            if p is not None and self._marks_perpetrator(p):
                out.append(a)
        return out

    def _marks_perpetrator(self, p: int) -> bool:
        v = self.view
        word = v[p]
        if word.has(cues.PERPETRATOR_BEFORE):
            return True
        if word.key == "مع":
            return p > 0 and v[p - 1].has(cues.FIGHT_WORDS)
        return word.key == "قبل" and p > 0 and v[p - 1].key == "من"

    def scope_end(self, c: CountNode, nodes: list[CountNode]) -> int:
        """Token index where a count's own stretch of text ends.

        It runs to the end of the sentence, but stops at the next count that
        is neither a leaf child of this one nor a plain coordinated sibling,
        at a verbal noun opening a new event (``استشهاد``, ``مقتل``), and
        :attr:`LinkConfig.scope_tokens` tokens after the last count it passed.
        """
        v = self.view
        _, sent_end = v.sentence_bounds(min(c.t0, len(v) - 1))
        end = sent_end
        for k in range(c.order + 1, len(nodes)):
            d = nodes[k]
            if d.t0 >= sent_end:
                break
            if d.parent is c and not d.children:
                continue
            if d.parent is c.parent and d.entry == c.entry and not d.children and not c.children \
                    and d.cue == "coord":
                continue
            end = d.t0
            break
        last = c.tail
        for k in range(c.order + 1, len(nodes)):
            d = nodes[k]
            if d.t0 >= end:
                break
            last = max(last, d.tail)
        end = min(end, last + self.cfg.scope_tokens)
        for i in range(c.tail, end):
            if v[i].has(cues.EVENT_NOUNS) and i not in self._count_tokens(nodes):
                return i
        return end

    def _count_tokens(self, nodes: list[CountNode]) -> set[int]:
        """Token indices inside a count and its noun (built once per node list)."""
        if self._counted is None or self._counted[0] is not nodes:
            self._counted = (nodes, {i for d in nodes for i in range(d.t0, d.tail)})
        return self._counted[1]

    def read_links(self, nodes: list[CountNode]) -> None:
        v = self.view
        perps = ByStart(self._perp_candidates())
        places = ByStart(self.by_label.get("PLACE", []))
        for c in nodes:
            end_tok = self.scope_end(c, nodes)
            lo_char = v[c.t0].start
            hi_char = v[end_tok].start if end_tok < len(v) else len(self.text)
            # the clause before the count, back to a boundary or the previous count
            i = c.t0 - 1
            floor = nodes[c.order - 1].tail if c.order > 0 else 0
            while i >= floor and not v.is_boundary(i):
                i -= 1
            back_char = v[i + 1].start if i + 1 < len(v) else lo_char
            aff = c.affiliation
            fwd = [a for a in perps.between(lo_char, hi_char) if a is not aff]
            bwd = [a for a in perps.between(back_char, lo_char) if a is not aff]
            if fwd:
                c.perpetrator = fwd[0]
            elif bwd:
                c.perpetrator = bwd[-1]
            fwd_p = places.between(lo_char, hi_char)
            marked = [p for p in fwd_p if self._place_marked(p)]
            bwd_p = [p for p in places.between(back_char, lo_char) if self._place_marked(p)]
            if marked:
                c.location = marked[0]
            elif bwd_p:
                c.location = bwd_p[-1]
            elif fwd_p:
                c.location = fwd_p[0]
        parents_first = sorted(nodes, key=lambda n: n.depth())
        for c in parents_first:
            if c.parent is not None:
                if c.perpetrator is None and (c.leaf or c.entry == "subset"):
                    c.perpetrator = c.parent.perpetrator
                if c.location is None and c.entry != "breakdown":
                    c.location = c.parent.location
        for c in nodes:
            if c.location is None:
                a, b = v.sentence_bounds(min(c.t0, len(v) - 1))
                lo = v[max(a, c.t0 - self.cfg.scope_tokens)].start
                hi_tok = min(b, c.tail + self.cfg.scope_tokens)
                hi = v[hi_tok - 1].end if 0 < hi_tok <= len(v) else len(self.text)
                near = places.between(lo, hi)
                if near:
                    c.location = min(near, key=lambda p: abs(p.start - c.span.start))
        for c in parents_first:
            if c.location is None and c.parent is not None:  # a part told place by place: its own place first
                c.location = c.parent.location

    def _place_marked(self, p: Span) -> bool:
        v = self.view
        i = v.first_at_or_after(p.start)
        if i >= len(v):
            return False
        glued = v.glued_prefix(i, p.start)
        if glued in ("ب", "وب", "فب"):
            return True
        j = v.prev_word(i - 1)
        return j is not None and v[j].has(cues.PLACE_BEFORE)
