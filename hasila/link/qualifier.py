"""The qualifier of each count: exact, at least, about, … (``نحو 30``, ``11 على الأقل``).

:func:`read_qualifier` reads a qualifier phrase right before the count (or glued to
it: ``بنحو``), one after the count and its noun in the same clause (also after a comma:
``قتل 11 إيرانيا، على الأقل``); a vague count (``عشرات``) is ``at_least``, and so is the first
figure of a range (``بين 12 ألفا و16 ألف``), its second ``at_most``.
"""

from __future__ import annotations

from hasila.link import cues
from hasila.link.numbers import range_side
from hasila.link.text import TokenView, keys, phrases
from hasila.link.tree import CountNode


def read_qualifier(v: TokenView, c: CountNode) -> None:
    """Set ``c.qualifier`` from the words around the count (left as is when none)."""
    i = c.t0 - 1 if not v.glued_prefix(c.t0, c.span.start) else -1
    while i >= 0 and (v[i].is_quote or v[i].key == "ال"):
        i -= 1  # قرابة الـ 30: the article standing apart before the figure
    q = v.phrase_ending_at(i, cues.QUALIFIER_PHRASES_BEFORE) if i >= 0 else None
    if q is None and v.glued_prefix(c.t0, c.span.start):
        pre = v.glued_prefix(c.t0, c.span.start)
        for phrase, qual in cues.QUALIFIERS_BEFORE.items():
            if len(phrase) == 1 and pre in (phrase[0], "و" + phrase[0], "ب" + phrase[0], "ل" + phrase[0]):
                q = phrase
                c.qualifier = qual
                return
    if q is None and i >= 0 and v.phrase_ending_at(i, _UP_TO) is not None:
        c.qualifier = "at_most"  # ما يصل إلى 900: up to
        return
    if q is None and i >= 0:
        q = _verb_before_toll(v, i)
    if q is not None:
        c.qualifier = cues.QUALIFIERS_BEFORE[q]
        return
    for j in range(c.t1, min(len(v), c.tail + 3)):
        if j == c.tail and v[j].text in ("،", ",") and j + 1 < len(v):
            q = v.phrase_starting_at(j + 1, cues.QUALIFIER_PHRASES_AFTER)
            if q is not None:  # قتل 11 إيرانيا، على الأقل
                c.qualifier = cues.QUALIFIERS_AFTER[q]
                return
        if v.is_sentence_end(j) or (j >= c.tail and v.is_boundary(j)):
            break
        q = v.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)
        if q is not None:
            c.qualifier = cues.QUALIFIERS_AFTER[q]
            return
    if c.vague:
        c.qualifier = "at_least"
        return
    c.qualifier = range_side(v, c.t0, c.span.start, c.span.end) or c.qualifier  # بين 12 و16 ألف


#: ``ما يصل إلى``: up to a figure (kept out of the qualifier words: إلى is no qualifier alone).
_UP_TO = phrases(["ما يصل إلى", "ما يصل الى"])
#: How many words back from the count the toll a verb qualifies may start (``تجاوز عدد القتلى
#: المدنيين في المدينة 200``).
_TOLL_REACH = 6


def _verb_before_toll(v: TokenView, i: int) -> tuple[str, ...] | None:
    """``تجاوز عدد القتلى 200``, ``لم يتجاوز عدد الجرحى 10``: a one-word qualifying verb (or
    its negation) right before the toll word that ends at token ``i`` with the count, in its clause."""
    words = 0
    while i >= 0 and words < _TOLL_REACH and not v.is_boundary(i) and not v[i].is_digit:
        if v[i].is_word:
            words += 1
            if v[i].has(cues.TOTAL_WORDS) and i > 0:
                q = v.phrase_ending_at(i - 1, cues.QUALIFIER_PHRASES_BEFORE)
                return q if q is not None and v[i - 1].has(_EXCEED_VERBS) else None
        i -= 1
    return None


#: The verbs of exceeding (or not) a figure that may stand before the toll they qualify (not
#: ``على الأقل`` there: ``إلى 47 على الأقل عدد قتلى قوات الحكومة بينهم 13`` qualifies the 47).
_EXCEED_VERBS = keys("تجاوز يتجاوز تتجاوز تجاوزت تخطى تخطت يتخطى تتخطى يفوق تفوق فاق")
