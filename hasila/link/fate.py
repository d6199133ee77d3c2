"""Words around a count that tell its fate beyond its trigger: two statuses told together
(``قتل وأصيب``, ``عشرات القتلى والجرحى``, ``بين قتيل وجريح``), torture as the cause, a blast that
took suicide attackers, people said held after their noun. :class:`FateWords` is the base of
:class:`hasila.link.status.StatusReader`.
"""

from __future__ import annotations

from hasila.link import cues
from hasila.link.context import Reader
from hasila.link.numbers import noun_category
from hasila.link.text import key, keys, variants
from hasila.link.tree import CountNode

#: How many tokens after its noun phrase a count's agreeing verb or its cause may come.
AGREEING_REACH = 20
#: ``قتلوا أو أصيبوا``: either status, so both (mixed).
_OR = keys("أو او")
#: ``و`` / ``أو`` standing apart between a toll's two nouns.
_AND_OR = keys("و أو او")
#: ``وجرح عدد من``: an amount after the second word makes it a toll of its own.
_SOME = keys("عدد عشرات العشرات مئات المئات آلاف الآلاف")
#: ``بين قتيل وجريح``: the word before a mixed toll's two nouns.
_BETWEEN = keys("بين مابين")
#: How many tokens after the count's noun its ``بين قتيل وجريح`` may come.
_BETWEEN_REACH = 6
#: Tokens back from a verb agreeing with its subject to the figure of that subject.
_SUBJECT_REACH = 8


class FateWords(Reader):
    """Readings of the words around a count that say what befell its people."""

    def _held_after(self, c: CountNode) -> bool:
        """``إطلاق سراح 13 شخصا كانوا محتجزين``: a word after the count's noun (and the side
        named right after it: ``ستة عناصر من مقاتلي الفصيل كانوا أسرى``), in its clause,
        says its people are held."""
        v = self.view
        start = c.tail
        if c.affiliation is not None and c.tail < len(v) and 0 <= c.affiliation.start - v[c.tail].start <= 8:
            start = v.first_at_or_after(c.affiliation.end)
        for j in range(start, min(len(v), start + 4)):
            if v.is_boundary(j):
                return False
            if v[j].is_word and v[j].has(cues.HELD_AFTER):
                return True
        return False

    def _died_of_torture(self, c: CountNode) -> bool:
        """``31 شخصا بينهم طفل بسبب التعذيب``, ``وفاة 23 معتقلا تحت التعذيب``: torture as the
        cause, after the count in its sentence, with no word of another fate between (``اعتقل
        50 شخصا توفي ثلاثة منهم تحت التعذيب``: the three died, the fifty were arrested)."""
        v = self.view
        for j in range(c.tail, min(len(v) - 1, c.tail + AGREEING_REACH)):
            if v.is_sentence_end(j) or self.cx.trigger_status(j) is not None:
                return False
            if v[j].is_word and v[j].has(cues.TORTURE_CAUSES):
                k = v.next_word(j + 1)
                if k == j + 1 and v[k].has(cues.TORTURE):
                    return True
        return False

    def _blew_up(self, c: CountNode) -> bool:
        """Suicide attackers counted by a number, a blast in their clause (``فجر أربعة انتحاريين
        أحزمتهم``), or people counted right after a blast word (``تفجير 3 عناصر من التنظيم
        لعربات``): they died in their attack."""
        v = self.view
        if not c.noun_text:
            return False
        p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        if p is not None and v[p].plain(cues.BLAST_BY):
            return True  # not التفجير: استهدف التفجير 300 شاب counts its targets
        suicide = c.noun_text != c.span.text and any(
            w in cues.SUICIDE_NOUNS for w in variants(key(c.noun_text.split()[0])))
        return suicide and any(v[i].has(cues.BLAST_WORDS) for i in self._clause(c))

    def _clause(self, c: CountNode, reach: int = 10) -> list[int]:
        """Tokens of the count's clause (up to ``reach`` either side), the count's own excepted."""
        v = self.view
        out: list[int] = []
        i = c.t0 - 1
        while i >= 0 and c.t0 - i <= reach and not v.is_boundary(i):
            out.append(i)
            i -= 1
        j = c.t1
        while j < len(v) and j - c.t1 < reach and not v.is_boundary(j):
            out.append(j)
            j += 1
        return out

    def _mixed_noun(self, c: CountNode, status: str) -> bool:
        """``عشرات القتلى والجرحى``: the counted noun joined by و to a noun of another status
        counts both (the guide's killed and wounded together)."""
        return any(self.cx.trigger_status(i) == status and self._joined_noun_status(i, status)
                   for i in range(c.t1, min(c.tail, c.t1 + 3)))

    def _joined_noun_status(self, i: int, status: str) -> bool:
        """Is the noun at ``i`` followed by و (or أو) and a word of another casualty status with
        no figure of its own (``قتلى وجرح عدد من`` is two tolls)?"""
        v = self.view
        j = i + 1
        if j < len(v) and v[j].is_word and v[j].key in _AND_OR:
            j += 1
        elif j >= len(v) or not v[j].is_word or not v[j].text.startswith("و"):
            return False
        if j >= len(v) or not v[j].is_word:
            return False
        other = self.cx.trigger_status(j)
        if other is None or other == status or other not in cues.CASUALTY_STATUSES:
            return False
        k = v.next_word(j + 1)
        return not (self._has_own_count(j, 1) or (k is not None and v[k].key in _SOME))

    def _dead_and_wounded_after(self, c: CountNode) -> bool:
        """``سقط العشرات من القوات بين قتيل وجريح``: a few words after the count's noun, in its
        clause, بين and two nouns of different casualty statuses joined by و."""
        v = self.view
        for j in range(c.tail, min(len(v), c.tail + _BETWEEN_REACH)):
            if v.is_boundary(j) or v[j].is_digit:
                return False
            if v[j].is_word and v[j].key in _BETWEEN:
                k = v.next_word(j + 1)
                st = self.cx.trigger_status(k) if k is not None else None
                return k is not None and st in cues.CASUALTY_STATUSES and self._mixed(k, st)
        return False

    def _mixed(self, i: int, status: str) -> bool:
        """``قتل وأصيب`` / ``قتلى وجرحى`` / ``قتلوا أو أصيبوا``: two casualty statuses joined
        by و or أو."""
        v = self.view
        for step in (-1, 1):
            j = i + step
            if 0 <= j < len(v) and v[j].is_word and v[j].key in _OR and 0 <= j + step < len(v):
                j += step
            if 0 <= j < len(v) and not v[j].has(cues.TOTAL_WORDS):  # حصيلة الجرحى: the toll of the wounded
                other = self.cx.trigger_status(j)
                if other is not None and other != status and other in cues.CASUALTY_STATUSES \
                        and status in cues.CASUALTY_STATUSES and not self._has_own_count(j, step):
                    return True
        return False

    def _has_own_count(self, j: int, step: int) -> bool:
        """``18 شخصا قتلوا وأصيب 50 آخرون``: the other verb has its own figure (after it, or
        before it with ``step=-1``; before it, a people noun right before it is a subject of its
        own), so the two statuses are not one mixed figure. A verb that
        agrees with a subject before it reaches further back (``7 عناصر من تنظيم داعش قتلوا
        وجرح أربعة منهم``: قتلوا is the seven's)."""
        v = self.view
        k = j + step
        if step > 0 and k < len(v) and v[k].is_word and v[k].has(cues.OTHERS_WORDS):
            return True  # 25 عنصرا قتلوا وجرح آخرون: the other verb's people are others
        if self.cx.number_at(j) or (step < 0 and v[j].has(cues.OWN_DEATHS)):
            return True  # خمسة قتلى وجريحين: a dual counts itself; لقي حتفه وأصيب العشرات: his own death
        if step < 0 and k >= 0 and v[k].is_word and noun_category(self.onto, v[k].text) is not None:
            return True  # إن رجلا قتل وأصيب 8 مدنيين: the first verb's subject is a person of its own
        if step < 0 and v[j].has(cues.AGREEING_VERBS) and k >= 0 and v.is_boundary(k) and not v.is_sentence_end(k) \
                and (i := v.next_word(j + 1, skip=_OR)) is not None and not v[i].has(cues.AGREEING_VERBS):
            return True  # 28 عنصرا … و18 مقاتلا، قتلوا وأصيب 27: the verb's subject is before the comma
        reach = _SUBJECT_REACH if step < 0 and v[j].has(cues.AGREEING_VERBS) else 3
        for _ in range(reach):
            if not 0 <= k < len(v) or v.is_boundary(k):
                return False
            if self.cx.number_at(k):
                return True
            k += step
        return False
