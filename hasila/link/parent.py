"""Parent cues the tree cannot see from the words before a count.

:class:`ParentReader` reads what follows a count (``اثنان منهم``, ``27 من بين القتلى
الـ35``, ``، من أصل 46``), a count that is part of an earlier toll of its status
(``تسعة من القتلى``), and, once the tree is built, per-place breakdowns of an overall
total (``ففي حمص قتل 19 …، وفي حلب …``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hasila.link import cues
from hasila.link.context import LinkContext, Reader, noun_of, status_of_word
from hasila.link.numbers import noun_category, one_of_them_suffix
from hasila.link.text import key, keys
from hasila.link.tree import CountNode, attach_breakdown

if TYPE_CHECKING:
    from hasila.link.groups import GroupReader

_OF_FOLLOWING_REACH = 8  # tokens between a count and a later "من بين N" it is part of
_OF_TOTAL_REACH = 30  # tokens from a count to ``، من أصل N`` after its clause
_PLACE_OPENERS = frozenset(key(w) for w in ("في", "ففي", "وفي"))
_WHERE_REACH = 40  # top-level counts read after a total for its details after حيث / إذ
_AMONG_REACH = 4  # words between "من بين" and the total it opens (ومن بين «الموقوفين» البالغ عددهم 40)
#: ``ستين من هؤلاء المتشددين``: the people of an earlier count, pointed back to.
_THESE = keys("هؤلاء أولئك هاؤلاء")
#: ``وسقط العشرات من الجرحى``: falling, an event that may name a toll of its own.
_FALLING = keys("سقط سقوط سقطوا سقطت")
_NAMED_BEFORE_REACH = 20  # tokens back from a منهم count to the people noun it may point to
_OWN_EVENT_REACH = 3  # paragraphs back the total of a count its own event names may be


#: ``بينهم`` closing a count's clause: among the people of the count before.
_AMONG_THEM = keys("بينهم بينهن بينهما")


class ParentReader(Reader):
    """What after a count, or later in the report, makes it part of a total."""

    def __init__(self, cx: LinkContext, groups: GroupReader) -> None:
        super().__init__(cx)
        self.groups = groups

    def read_after(self, c: CountNode, nxt: CountNode | None) -> None:
        v = self.view
        j = v.next_word(c.tail)
        if (first := v.next_word(c.t1)) is not None and first < c.tail and v[first].key in cues.OF_THEM:
            j = first  # 3 منهم أطفال: منهم before the noun
        after = v.phrase_starting_at(j, cues.SUBSET_AFTER) if j is not None else None
        if j is not None and after is not None and (after[-1] not in cues.OF_THINGS or not noun_of(c)) \
                and not self._opens_parts(j + len(after), nxt) and not self._and_among_them(c, j, len(after)):
            c.subset_after = True  # اثنان منهم; نحو 90 منها (of 150 bodies), not عشرات القتلى منها ثماني عمليات
        if j is not None and v[j].plain(_AMONG_THEM) and (j + 1 >= len(v) or v.is_boundary(j + 1)):
            c.subset_after = True  # وتوفي لاحقا طفلان بينهم.: among them, the clause ends there
        if c.kind == "one" and (pronoun := one_of_them_suffix(v, c.span.start)) is not None:
            c.subset_after = True  # أحدهم / أحدهما: one of them
            c.of_them_masculine = pronoun == "هم"
        elif c.subset_after and after is not None:
            c.of_them_masculine = after[-1] == "منهم"
        if c.subset_after:
            c.named_before = self._named_before(c)
        if c.cue in ("none", "clause"):
            self._of_earlier_toll(c)  # في حين توفي اثنان من المصابين: a part of the wounded told before
        if nxt is not None and j is not None:
            phrase = v.phrase_starting_at(j, cues.OF_FOLLOWING)
            if phrase is not None:
                k = j + len(phrase)
                while k < nxt.t0 and (v[k].key in cues.QUALIFIER_WORDS or v[k].is_quote):
                    k += 1
                if k >= nxt.t0:
                    c.of_following = True
            elif nxt.t0 - c.tail <= _OF_FOLLOWING_REACH and not any(
                    v.is_boundary(k) for k in range(c.tail, nxt.t0)):
                # 293 طفلا فقدوا والديهم من إجمالي 4514 طفلا: the phrase right before the next count
                for k in range(c.tail, nxt.t0):
                    phrase = v.phrase_starting_at(k, cues.OF_FOLLOWING)
                    if phrase is not None and k + len(phrase) == nxt.t0:
                        c.of_following = True
                        break
            if not c.of_following and nxt.t0 - c.tail <= _OF_TOTAL_REACH and nxt.t0 >= 3 \
                    and v[nxt.t0 - 3].text in ("،", ",") \
                    and v.phrase_starting_at(nxt.t0 - 2, cues.OF_TOTAL) is not None \
                    and not any(v.is_sentence_end(k) for k in range(c.tail, nxt.t0)):
                c.of_following = True  # 19 طفلا قضوا …، من أصل 46 مدنيا
            if not c.of_following and self._of_named_total(c, nxt):
                c.of_following = True  # 27 من بين القتلى الـ35: part of the total named after it
                self._what_they_are(c, nxt.tail)

    def _named_before(self, c: CountNode) -> str | None:
        """The category of the last people noun after ``لل`` before ``c`` in its sentence, the
        people acted on (``تجمعا للحوثيين وقتل 8 منهم``, ``تصدوا للمهاجمين وقتلوا 25 منهم``; not the
        doers: ``وأسر التنظيم خمسة عناصر منهم``), ``None`` when there is none."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        for i in range(c.t0 - 1, max(a, c.t0 - _NAMED_BEFORE_REACH) - 1, -1):
            if v[i].is_word and v[i].key.startswith("لل") \
                    and (cat := noun_category(self.onto, v[i].text)) is not None:
                return cat
        return None

    def _and_among_them(self, c: CountNode, j: int, n: int) -> bool:
        """``آلاف الأشخاص ومنهم نشطاء``, ``سبعة حوثيين منهم أطفال``: منهم after a count and its
        noun, then a people noun, names what the count's people include, not a part of a toll before
        (not ``3 منهم أطفال``: منهم before the noun)."""
        v = self.view
        k = v.next_word(j + n)
        return noun_of(c) != "" and j >= c.tail and k is not None and k == j + n \
            and noun_category(self.onto, v[k].text) is not None

    def _opens_parts(self, k: int, nxt: CountNode | None) -> bool:
        """Does the next count follow right at token ``k`` (past qualifier words)? Then ``منهم``
        after a count introduces its parts (``قتل 30 شخصا من بينهم ستة أطفال``)."""
        v = self.view
        if nxt is None:
            return False
        while k < nxt.t0 and (not v[k].is_word or v[k].key in cues.QUALIFIER_WORDS) and not v.is_boundary(k):
            k += 1
        return k >= nxt.t0

    def _of_named_total(self, c: CountNode, nxt: CountNode) -> bool:
        """``27 من بين القتلى الـ35``, ``خمسة أشخاص من النساء والأطفال بين القتلى الـ24``: the
        next count is the victims' total, named with the article right after ``(من) بين``."""
        v = self.view
        for k in range(c.tail, min(nxt.t0, c.tail + _OF_FOLLOWING_REACH)):
            if v.is_boundary(k):
                return False
            if v[k].key not in ("بين", "وبين"):
                continue
            j = v.next_word(k + 1)
            if j is None or status_of_word(v[j].key) not in cues.CASUALTY_STATUSES \
                    or not v[j].key.startswith("ال"):
                return False
            m = v.next_word(j + 1)
            return m is not None and v[m].key in ("ال", "الـ") and m + 1 == nxt.t0
        return False

    def _of_earlier_toll(self, c: CountNode) -> None:
        """``تسعة من القتلى هم من المدنيين``, ``عشرة أشخاص من القتلى``: a count ``من`` (``من بين``) the victims named
        before, with no figure after them, is part of an earlier total of that status; ``ستين من
        هؤلاء المتشددين``, of the nearest earlier count that can hold it."""
        v = self.view
        j = v.next_word(c.t1)
        if j is not None and v[j].key not in ("من", "ومن") and (c.generic or c.hint == "people") and c.tail > j:
            j = v.next_word(c.tail)  # عشرة أشخاص من القتلى: past a plain people noun
        if j is None or v[j].key not in ("من", "ومن"):
            return
        k = v.next_word(j + 1)
        if k is not None and v[k].key in _THESE:
            c.cue, c.cue_cat, c.cue_status, c.pointed = "group", None, None, True  # ستين من هؤلاء (المتشددين)
            return
        if k is not None and v[k].key == "بين":
            k = v.next_word(k + 1)
        if k is None or not v[k].key.startswith("ال"):
            return
        status = status_of_word(v[k].key)
        if status not in cues.CASUALTY_STATUSES or noun_category(self.onto, v[k].text) not in ("people", None):
            return
        after = k + 1
        while after < len(v) and not v[after].is_word and not v[after].is_digit and not v.is_boundary(after):
            after += 1
        if after < len(v) and (v[after].is_digit or v[after].key in ("ال", "الـ")):
            return  # من بين القتلى الـ35: the total follows
        c.cue, c.cue_cat, c.cue_status = "group", None, status
        if self._own_event(c, status):
            c.group_reach = _OWN_EVENT_REACH  # وسقط العشرات من الجرحى: of a toll just told, or its own
        self._what_they_are(c, k + 1)

    def _own_event(self, c: CountNode, status: str) -> bool:
        """The word right before the count is a verb or noun of falling (``سقط``, ``سقوط``) or of
        the very status ``من`` names (``وقتل ثلاثة من الضحايا``): the count may be that event's own
        toll, part of an earlier one only if it was told a few paragraphs above. A verb of another status is a
        partitive as far back as any (``توفي اثنان من الجرحى``)."""
        v = self.view
        p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        if p is None or (st := self.cx.trigger_status(p)) is None:
            return False
        return st == status or v[p].has(_FALLING)

    def _what_they_are(self, c: CountNode, i: int) -> None:
        """``… هم من المدنيين`` at token ``i``: the kind of the part ``c`` just named."""
        v = self.view
        p = v.next_word(i)
        if p is not None and v[p].key in ("هم", "هن") and (p2 := v.next_word(p + 1)) is not None \
                and v[p2].key == "من":
            cid, _, _ = self.groups.group_at(p2 + 1)
            if cid not in (None, "people"):
                c.hint, c.generic = cid, False

    def place_breakdowns(self, nodes: list[CountNode]) -> None:
        """``ارتفعت الحصيلة إلى 85 شخصا. ففي حمص قتل 19 …، وفي حلب قتل سبعة …``: counts in
        the clauses that open with a place after an overall total are parts of it (the guide's
        per-province breakdown), while they fit in it; at least two, or one after ``ففي``."""
        tops = [c for c in nodes if c.parent is None]
        for n, total in enumerate(tops):
            if total.vague or total.children or not self._overall(total):
                continue
            parts: list[CountNode] = []
            running = 0
            for c in tops[n + 1:n + 40]:
                if c.sentence == total.sentence or c.vague or c.cue not in ("none", "coord", "clause"):
                    break
                if not self._opens_with_place(c, (parts[-1] if parts else total).subtree_tail()):
                    break
                if running + c.value > total.value or not self.onto.compatible(c.hint, total.hint) \
                        or (c.status is not None and total.status is not None and c.status != total.status):
                    break
                parts.append(c)
                running += c.value
            first = self.view.next_word(self.view.sentence_bounds(parts[0].t0)[0]) if parts else None
            if len(parts) >= 2 or (parts and first is not None and self.view[first].key == "ففي"):
                attach_breakdown(parts, total)

    def _opens_with_place(self, c: CountNode, floor: int) -> bool:
        """The clause of ``c`` opens with ``في``/``ففي``/``وفي`` and names a place before it."""
        v = self.view
        i = c.t0 - 1
        while i >= floor and not v.is_boundary(i):
            i -= 1
        first = v.next_word(i + 1)
        if first is None or first >= c.t0 or v[first].key not in _PLACE_OPENERS:
            return False
        places = self.by_label.get("PLACE", [])
        lookup = self.cx.lookup(places)
        return any(lookup.starting_in(v[k].start, v[k].end) is not None for k in range(first, c.t0))

    def _overall(self, total: CountNode) -> bool:
        """A total whose sentence names no place (an overall figure)."""
        a, b = self.view.sentence_bounds(min(total.t0, len(self.view) - 1))
        places = self.cx.lookup(self.by_label.get("PLACE", []))
        return places.overlapping(self.view[a].start, self.view[b - 1].end if b > a else self.view[a].end) is None

    def _opened_by_among(self, c: CountNode) -> bool:
        """``من بين 600 شخص …``, ``ومن بين «الموقوفين» البالغ عددهم 40``: ``من بين`` a few
        words before the count, in its clause, with no count between, nor a casualty word
        of the count's own (``من بين نتائج العمليات مقتل 7``: among the results, not a total)."""
        v = self.view
        words: list[int] = []  # the words read back from the count
        i = c.t0 - 1
        while i > 0 and len(words) < _AMONG_REACH and not v.is_boundary(i) and not v[i].is_digit:
            if v[i].is_word:
                if v[i].key == "بين" and v[i - 1].key in ("من", "ومن"):
                    # the word right after بين may be one (الموقوفين)
                    return all(self.cx.trigger_status(k) is None for k in words[:-1])
                words.append(i)
            i -= 1
        return False

    def among_totals(self, nodes: list[CountNode]) -> None:
        """``من بين 600 شخص أوقفوا … 410 أشخاص … و95 آخرين``: a total opened by ``من بين``
        holds the top-level counts after it in its sentence, while they fit in it."""
        tops = [c for c in nodes if c.parent is None]
        for n, total in enumerate(tops):
            if total.vague or total.children or not self._opened_by_among(total):
                continue
            running = 0
            for c in tops[n + 1:]:
                if c.sentence != total.sentence or c.parent is not None or c.children:
                    break
                if c.vague or running + c.value > total.value or not self.onto.compatible(c.hint, total.hint):
                    break
                attach_breakdown([c], total)
                c.entry, c.leaf = "subset", True
                running += c.value

    def where_breakdowns(self, nodes: list[CountNode]) -> None:
        """``قتل أربعة مدنيين وأصيب ثلاثة آخرون، إذ قضى طفلان …، بينما قتل رجلان``: the top-level
        counts after ``حيث`` / ``إذ`` in a total's sentence, of its status, are its parts (the
        details of that toll, the guide's breakdown after a total) while they fit in it. Counts
        of another status before the first part are read over, not after it, and not after the
        ``حيث`` (``حيث بلغت حصيلة الجرحى 120 … ومقتل 650``: that clause tells its own toll)."""
        tops = [c for c in nodes if c.parent is None]
        for n, total in enumerate(tops):
            if total.vague or total.children or total.status is None:
                continue
            parts: list[CountNode] = []
            running = 0
            read_over: list[CountNode] = []
            for c in tops[n + 1:n + _WHERE_REACH]:
                if c.sentence != total.sentence or c.children:
                    break
                if c.status != total.status and not parts:
                    read_over.append(c)
                    continue
                if c.vague or c.status != total.status or running + c.value > total.value \
                        or not self.onto.compatible(c.hint, total.hint):
                    break
                if not parts and (not self._where_between(total.tail, c.t0)
                                  or any(self._where_between(total.tail, d.t0) for d in read_over)):
                    break  # the next count of its status is no detail of it (nor one after حيث's own toll)
                parts.append(c)
                running += c.value
            if parts:
                attach_breakdown(parts, total)

    def _where_between(self, a: int, b: int) -> bool:
        """``حيث`` / ``إذ`` (a glued و or ف allowed) among tokens ``[a, b)``."""
        return any(self.view[i].is_word and self.view[i].plain(cues.WHERE_WORDS) for i in range(a, b))
