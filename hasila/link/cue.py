"""The words right before a count that tie it to earlier counts (the cue of :mod:`hasila.link.tree`).

:class:`CueReader` sets ``cue`` on each count: ``subset`` (``بينهم``), ``breakdown``
(``وهم:``), ``group`` (``من ضمن حصيلة المدنيين``), ``coord`` (``و``, a bulleted list),
``clause`` (``فيما قضى``) or ``none``.
"""

from __future__ import annotations

import functools

from hasila.link import cues
from hasila.link.context import LinkContext, Reader, status_of_word
from hasila.link.numbers import PLACE_AFTER_ITEM, their_number_before
from hasila.link.text import Tok, TokenView, key, keys
from hasila.link.tree import CountNode

_NOUN_LIST_REACH = 12  # tokens back from a coordinated count to a بينهم/هم opening its list
_COMMAS = frozenset({"،", ","})
_PLACE_LIST_REACH = 10  # tokens from the count before to the comma of a list by place
_TWO = keys("اثنان اثنين اثنتان اثنتين")
#: People a report names who are no category of casualty (the accused, suspects, passengers).
_PEOPLE_REFERENTS = keys("المتهمين المتهمون المشتبهين المشتبه المطلوبين المسافرين الركاب الجناة المهاجمين الفارين الفارون")


def _among_them_counted(v: TokenView, c: CountNode, lo: int) -> bool:
    """``بينهم عناصر سابقون في الفصائل …، وعددهم 74``: the count after ``عددهم`` numbers
    people that ``بينهم`` (``منهم``) opened earlier in its sentence, after the count before."""
    i = their_number_before(v, c.t0)
    if i is None:
        return False
    for k in range(i - 1, max(lo, i - _AMONG_REACH) - 1, -1):
        if v.is_sentence_end(k) or v[k].is_digit:
            return False
        if v.phrase_ending_at(k, cues.SUBSET_BEFORE) is not None:
            return True
    return False


#: Tokens back from ``عددهم`` to the ``بينهم`` that opened the people it numbers.
_AMONG_REACH = 20


def _joined_possessed(t: Tok) -> bool:
    """``ومرشديهم``: a noun with a possessive, joined by و (not a verb: ``وأصيب``)."""
    return t.is_word and t.key.startswith("و") and len(t.key) > 5 and t.key.endswith(_POSSESSIVES) \
        and status_of_word(t.key) is None


_POSSESSIVES = ("هم", "هما", "هن", "ها")


def _joined_dual(word_key: str) -> bool:
    """``وعنصران``: a dual noun carrying the conjunction, before the ``اثنان`` that counts it."""
    return word_key.startswith("و") and len(word_key) > 4 and word_key.endswith(("ان", "ين"))


class CueReader(Reader):
    """The cue between each count and the counts before it."""

    def __init__(self, cx: LinkContext) -> None:
        super().__init__(cx)
        self._last_bullet: CountNode | None = None

    def _names_previous(self, first: int, prev: CountNode | None) -> bool:
        """Whether the phrase starting at token ``first`` follows the previous count and its noun."""
        return prev is not None and first in (self.view.next_word(prev.t1), self.view.next_word(prev.tail))

    def read_cue(self, c: CountNode, prev: CountNode | None) -> None:
        """What links the count to earlier ones: the words right before it (see link_tree)."""
        v = self.view
        lo = max(prev.tail if prev is not None else 0, c.t0 - 12)
        # من ضمن حصيلة المدنيين / من بين القتلى (not when it ties the previous count to this one)
        for i in range(c.t0 - 1, lo - 1 if prev is None or not prev.of_following else c.t0, -1):
            if v.is_sentence_end(i):
                break  # من بين القتلى أطفال. ووردت تقارير عن سقوط عشرات: another sentence's
            phrase = v.phrase_ending_at(i, cues.SUBSET_OF_GROUP)
            if phrase is None or (len(phrase) == 1 and (i == 0 or v[i - 1].key not in ("من", "ومن"))):
                continue
            if self._names_previous(i - len(phrase) + 1 - (len(phrase) == 1), prev):
                continue  # 87 من بين الضحايا …، فيما 13 آخرون: the group of the count before
            k = v.next_word(i + 1, skip=cues.DEMONSTRATIVES)  # من بين هؤلاء المعتقلين
            fillers = 0
            while k is not None and v[k].has(cues.GROUP_FILLERS):
                k = v.next_word(k + 1)
                fillers += 1
            if fillers and (k is None or k >= c.t0):  # ومن ضمن الحصيلة، 287 …
                c.cue, c.cue_cat, c.cue_status = "group", None, None
                return
            if k is None or k >= c.t0 or v[k].is_digit:
                continue
            cid = self.onto.category_of_group(v[k].text) or self.onto.category_of_noun(v[k].text)
            status = status_of_word(v[k].key)
            if cid == "people" and status is not None and k + 1 < c.t0 and v[k + 1].is_word \
                    and v[k + 1].key.startswith("ال"):  # (not من بين القتلى نساء: the list's own words)
                cid = self.onto.category_of_group(v[k + 1].text) or cid  # من بين قتلى المعارضة: that side's dead
            if cid is not None:
                c.cue, c.cue_cat, c.cue_status = "group", cid, status
                return
        if _among_them_counted(v, c, prev.tail if prev is not None else 0):
            c.cue = "subset"  # بينهم عناصر سابقون في الفصائل …، وعددهم 74: how many of them
            return
        start = c.noun.start if c.noun_before and c.noun is not None else c.span.start
        t0 = v.first_at_or_after(start)
        glued = v.glued_prefix(t0, start)
        if 0 < t0 < len(v) and not glued and v[t0].key in _TWO and _joined_dual(v[t0 - 1].key):
            t0, glued = t0 - 1, "و"  # وعنصران اثنان: the و of the dual noun is the count's
        elif 0 < t0 < len(v) and not glued and c.noun is None and v[t0].key.startswith("ال") \
                and _joined_possessed(v[t0 - 1]):
            t0, glued = t0 - 1, "و"  # 5 كوريين ومرشديهم الأربعة: the و of the noun before the numeral
        i, colon = self._skip_back(t0 - 1, lo, c)
        if not glued and i >= lo:
            q = v.phrase_ending_at(i, cues.QUALIFIER_PHRASES_BEFORE)
            if q is not None:
                first = i - len(q) + 1
                head = v[first].key
                glued = head[:1] if head[:1] in "وف" and head[1:] == q[0] else ""
                i, colon2 = self._skip_back(first - 1, lo, c)
                colon = colon or colon2
        if c.bullet:
            if self._last_bullet is not None and prev is not None \
                    and self.cx.para[prev.t0] >= self.cx.para[self._last_bullet.t0]:
                c.cue, c.sibling = "coord", self._last_bullet  # the next item of a bulleted list
                self._last_bullet = c
                return
            self._last_bullet = c
        if glued[:1] in ("و", "ف") and glued:
            c.cue = "coord"
            c.closed = self._closed(prev, c)
            self._list_opened_by_nouns(c, prev)
            return
        if i < lo:
            if colon and prev is not None:
                c.cue = "breakdown"  # قتل 30 شخصاً: 20 مدنياً و10 مقاتلين
            return
        phrase = v.phrase_ending_at(i, cues.SUBSET_BEFORE)
        if phrase is not None:
            first_tok = v[i - len(phrase) + 1]
            if prev is not None and self._own_antecedent(prev.tail, i - len(phrase) + 1):
                return  # محاكمة المتهمين، وبينهم سبعة …: among the accused, no earlier count
            c.cue = "subset"
            glued_and = first_tok.key.startswith("و") and first_tok.key[1:] == phrase[0]
            c.cue_and = glued_and or (i - len(phrase) >= 0 and v[i - len(phrase)].key == "و")
            return
        if v[i].text == "(" and prev is not None and i == prev.tail and prev.noun_text is not None:
            c.cue = "bracket"  # 1780 مدنيا (412 امرأة و603 أطفال): a bracket opening the count's parts
            return
        if v.phrase_ending_at(i, cues.BREAKDOWN_BEFORE) is not None:
            c.cue = "breakdown"
            c.intro = v.phrase_ending_at(i, cues.DISTRIBUTION_INTRO_KEYS) is not None
            return
        if v[i].key == "و" or v.phrase_ending_at(i, cues.COORD_BEFORE) is not None \
                or (glued == "ل" and v[i].key in cues.IN_ADDITION):  # إضافة لثلاثة عاملين
            c.cue = "coord"
            c.closed = self._closed(prev, c)
            self._list_opened_by_nouns(c, prev)
            return
        if prev is not None and prev.sentence == c.sentence and self._clause_joined(i, lo):
            c.cue = "clause"
            return
        if colon and prev is not None and not any(v.is_sentence_end(k) for k in range(prev.tail, i + 1)) \
                and i - prev.tail < 8:
            c.cue = "breakdown"  # قتل 30 شخصاً في القصف: 20 مدنياً …
        elif prev is not None and v[i].text in _COMMAS:
            self._place_list(prev, i, c)

    def _place_list(self, prev: CountNode, comma: int, c: CountNode) -> None:
        """A bare figure with a place after it, after a comma near the count before in its sentence:
        the next place of a list when that count had a place too (``91 في ريف دمشق، 32 في حماة``,
        ``20 شخصا في درعا، 7 في حمص``), else the first of a breakdown of it by place (``أربعة مدنيين
        قتلوا …، واحد في كشمير وثلاثة قرب …``)."""
        v = self.view
        if not self._place_item(c) or prev.sentence != c.sentence or comma - prev.tail >= _PLACE_LIST_REACH:
            return
        if self._place_item(prev) or (prev.tail < len(v) and v[prev.tail].key in PLACE_AFTER_ITEM):
            c.cue = "coord"
            c.closed = self._closed(prev, c)
        elif not any(v[k].key in PLACE_AFTER_ITEM for k in range(prev.tail, comma)):
            c.cue = "breakdown"

    def _place_item(self, c: CountNode) -> bool:
        """Is ``c`` a bare figure with a word of where right after it (``واحد في كشمير``)?"""
        v = self.view
        return c.noun is None and not c.noun_text and c.t1 < len(v) and v[c.t1].key in PLACE_AFTER_ITEM

    def _own_antecedent(self, after: int, marker: int) -> bool:
        """Does a new sentence begin between the previous count (ending at ``after``) and the
        ``بينهم`` at token ``marker``, with a plural people noun in it before the marker that
        ``بينهم`` points back to (``بدأت محاكمة المتهمين، وبينهم سبعة كويتيين``; not the dead
        of the toll before, ``غالبية القتلى … وبينهم ثمانية``)?"""
        v = self.view
        ends = [k for k in range(after, marker) if v.is_sentence_end(k)]
        if not ends:
            return False
        return any(self._people_named(k) for k in range(ends[-1] + 1, marker))

    def _people_named(self, k: int) -> bool:
        """Is token ``k`` a definite plural people noun that no toll names (``المتهمين``,
        ``المدنيين``, ``النازحين``; not ``القتلى``)?"""
        t = self.view[k]
        if not t.is_word or not t.key.startswith("ال"):
            return False
        return t.has(_PEOPLE_REFERENTS) or (t.has(self._plural_nouns)
                                            and status_of_word(t.key) not in cues.CASUALTY_STATUSES)

    @functools.cached_property
    def _plural_nouns(self) -> frozenset[str]:
        """Folded plural people nouns of the ontology (``المدنيين``; not a toll's ``القتلى``)."""
        return frozenset(key(w) for c in self.onto.categories for w in c.plural)

    def _list_opened_by_nouns(self, c: CountNode, prev: CountNode | None) -> None:
        """``41 شخصا، بينهم طفل وثلاث نساء``, ``سبعة مواطنين، هم رجل وزوجته وخمسة من أطفالهما``:
        a coordinated count in a list of parts that bare nouns (no figure) opened after the
        previous count is a part of it, not its sibling."""
        if prev is None or prev.sentence != c.sentence:
            return
        v = self.view
        t0 = v.first_at_or_after(c.noun.start) if c.noun_before and c.noun is not None else c.t0
        joined = not c.noun_before and v.glued_prefix(t0, c.span.start) == "و"
        for i in range(t0 - 1, max(prev.tail, t0 - _NOUN_LIST_REACH) - 1, -1):
            if joined and i == t0 - 1 and v[i].text in _COMMAS:
                continue  # بينهم طفل بجروح بليغة، وأربعة …: the comma before the next item
            if v.is_boundary(i):  # numbers between are not counts (an age, a date): read over them
                return
            if not v[i].is_word:
                continue
            marker = v.phrase_ending_at(i, cues.SUBSET_BEFORE)
            if marker is not None and i + 1 < t0 \
                    and not (prev.subset_after and v.next_word(prev.tail) == i - len(marker) + 1):
                c.cue, c.cue_and = "subset", False  # (not the previous count's own منهم: ستة منهم في حلب وأربعة)
                return
            if v[i].plain(cues.BREAKDOWN_HEADS) and i + 1 < t0:
                c.cue = "breakdown"
                return

    def _clause_joined(self, i: int, lo: int) -> bool:
        """``فيما قضى`` / ``في حين استشهد`` / ``بينما أصيب`` right before the count."""
        v = self.view
        for k in range(i, max(lo, i - 3) - 1, -1):
            if v.is_boundary(k):
                return False
            if v[k].plain(cues.CLAUSE_JOINERS):
                return True
            if not (v[k].is_word and self.cx.trigger_status(k) is not None):
                return False
        return False

    def _skip_back(self, i: int, lo: int, c: CountNode) -> tuple[int, bool]:
        """Step back over quotes, colons, line breaks, bullets, ال and fillers such as
        ``أيضاً`` before a count; notes a colon and a bullet at the start of a line."""
        v = self.view
        colon = False
        while i >= lo:
            t = v[i]
            if t.text in cues.BULLETS and (i == 0 or v[i - 1].text == "\n"):
                c.bullet = True
            elif t.text == ":":
                colon = True
            elif not (t.is_quote or t.text == "\n" or t.key in ("ال", "الـ") or t.key in cues.CUE_FILLERS):
                break
            i -= 1
        if i < lo and i >= 0 and v[i].text in cues.BULLETS and (i == 0 or v[i - 1].text == "\n"):
            c.bullet = True
        return i, colon

    def _closed(self, prev: CountNode | None, c: CountNode) -> bool:
        """A verb or trigger and then a comma between the previous count's noun and ``c``:
        the previous count's clause (and its بينهم list) is over."""
        if prev is None:
            return False
        v = self.view
        verb = False
        for k in range(prev.tail, c.t0):
            if v[k].is_word and self.cx.trigger_status(k) is not None:
                verb = True
            elif verb and v.is_boundary(k):
                return True
        return False
