"""Members counted after an attack on a group are that group's (``هجوم على حاجز لقوات النظام أسفر
عن مقتل 5 عناصر``): :class:`TargetRules`.

A count of a bare member noun (``عنصر``, ``عناصر``, ``أفراد``: it names members of whatever group
the text means) with no group of its own, killed or wounded, takes the side of the armed group an
attack word before it in its sentence names as the target (``هجومان مسلحان على فرق الشرطة``,
``باستهداف مواقع الفصائل``), when no other count stands between them.
"""

from __future__ import annotations

from hasila.link.context import LinkContext, Reader, noun_of
from hasila.link.groups import GroupReader
from hasila.link.text import key, keys
from hasila.link.tree import CountNode

#: Words of attacking that name their target next (``هجوم على``, ``هاجم``, ``باستهداف``).
ATTACK_WORDS = keys("""
    هجوم هجوما هجوماً هجومان هجومين هجمات هاجم هاجمت هاجموا هاجمه هاجمها استهداف باستهداف استهدف
    استهدفت استهدفوا استهدافه
    """)
#: How far back in its sentence the attack word may stand (tokens), and how far after it the target.
_ATTACK_REACH = 30
_TARGET_REACH = 8
#: Neutral nouns that are pronouns of a group already counted, not members of a new one.
_PRONOUNS = keys("منهم بينهم")
#: Words between an attack word and its target (``على``, a place's kind of site).
_BEFORE_TARGET = keys("على ضد مواقع موقع موقعا مقر مقرات حاجز حاجزا حواجز نقطة نقاط دورية دوريات تجمع تجمعات")


class TargetRules(Reader):
    """The side of members counted right after an attack on a named group."""

    def __init__(self, cx: LinkContext, groups: GroupReader) -> None:
        super().__init__(cx)
        self.groups = groups

    def members_of_the_target(self, nodes: list[CountNode]) -> None:
        """Set the category of each bare member count told after an attack on an armed group."""
        for c in nodes:
            if c.category != "people" or c.affiliation is not None or c.status not in ("killed", "injured") \
                    or not self._bare_members(c):
                continue
            side = self._attacked_side(c, nodes[c.order - 1] if c.order > 0 else None)
            if side is not None:
                c.category = side

    def _bare_members(self, c: CountNode) -> bool:
        words = noun_of(c).split()
        return len(words) == 1 and self.onto.is_neutral_noun(words[0]) and key(words[0]) not in _PRONOUNS

    def _attacked_side(self, c: CountNode, prev: CountNode | None) -> str | None:
        v = self.view
        floor = max(prev.tail if prev is not None else 0, c.t0 - _ATTACK_REACH)
        for i in range(c.t0 - 1, floor - 1, -1):
            if v.is_sentence_end(i):
                return None
            if v[i].is_word and v[i].has(ATTACK_WORDS):
                return self._target_after(i, c.t0)
        return None

    def _target_after(self, i: int, stop: int) -> str | None:
        """The armed side of the first ACTOR span after a target word (``على``, ``ضد``, a site such
        as ``حاجزا`` or ``مواقع``) that follows the attack word at ``i``; an actor before any such
        word is the attacker (``هاجم مسلحون حاجزا لقوات النظام``)."""
        v = self.view
        actors = self.by_label.get("ACTOR", [])
        aimed = False
        for j in range(i + 1, min(stop, i + 1 + _TARGET_REACH)):
            if v.is_boundary(j):
                return None
            if not v[j].is_word:
                continue
            span = self.cx.span_at_token(actors, j) if aimed else None
            if span is not None:
                side = self.groups.phrase_category(span.text, partitive=True)
                return side if side in self.onto.armed or side == "other" else None
            aimed = aimed or v[j].has(_BEFORE_TARGET)
        return None
