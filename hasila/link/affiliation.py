"""The group the counted people belong to: ``12 عنصرا من قوات النظام``, ``سبعة من مسلحي داعش``.

:class:`AffiliationReader` reads the group after a counted noun (``من``/``في صفوف``
…, an ACTOR span becomes the count's affiliation) or after a partitive member noun,
and the group a bare neutral noun (``عناصر``) took earlier in the sentence; it sets
the count's ``group_cat`` and, when the group decides, its category hint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hasila.link import cues
from hasila.link.context import LinkContext, Reader, mix, status_of_word
from hasila.link.groups import (
    ARMED_NOUNS,
    STATE_NOUNS,
    allies_at,
    nation_adjective,
    short_name,
    with_families,
)
from hasila.link.numbers import group_after
from hasila.link.text import key, keys
from hasila.link.tree import CountNode

if TYPE_CHECKING:
    from hasila.link.groups import GroupReader

#: How many tokens before a count its تكبد / كبد may come (``تكبد التنظيم خسائر بلغت 30``).
_SUFFER_REACH = 8
_OVERRIDABLE = frozenset({"people", "fighter", "combatant", "man"})
_FORMER = frozenset(key(w) for w in ("سابق", "سابقين", "سابقون", "سابقان", "السابقين", "السابقون", "سابقا", "سابقاً"))
#: After a count's noun, the dead or wounded of a group (``30 جثة من قتلى النظام``): the group's.
_TOLL_FILLERS = cues.AFFILIATION_FILLERS | frozenset(key(w) for w in ("قتلى", "جرحى"))
#: ``معتقل لدى النظام``: the word before those who hold the counted people.
_HELD_BY = key("لدى")
#: ``35 قياديا وعنصرا في حركة الشباب``: leaders (and members) counted before the group they lead.
_LEADERS = keys("قياديا قيادياً قياديين قياديون قياديان قيادات قادة")
_MEMBERS = keys("عنصرا عنصراً عناصر أفراد مقاتلا مقاتلين")
#: ``عناصر من (بوكو حرام)``: a bracket opened before the group's name.
_OPEN_BRACKET = frozenset("(")
#: ``قتل 7 يرجح أنهم من تنظيم القاعدة``: a verb of belief and ``أنهم``, then whom they are thought to be.
_THOUGHT = frozenset(key(w) for w in ("يعتقد", "يرجح", "يشتبه", "يظن"))  # read with has(): و stepped over
_THAT_THEY = frozenset(key(w) for w in ("أنهم", "أنهما", "أنهن", "بأنهم", "بأنهما", "أنه"))
#: Member nouns a belief names before the group (``أنهما قياديان في التنظيم``).
_THOUGHT_MEMBERS = frozenset(key(w) for w in (
    "أعضاء", "عضوان", "عضوين", "عناصر", "عنصران", "عنصرين", "قياديون", "قياديين", "قياديان", "قادة",
    "مقاتلون", "مقاتلين", "مقاتلان", "مسلحون", "مسلحين", "منتسبون", "منتمون"))


#: Verbs of mourning the dead (``نعت صفحات موالية``): the mourners' side lost them.
_MOURN_VERBS = keys("نعى نعت ينعى تنعى نعوا")


class AffiliationReader(Reader):
    """The group a count's people belong to (affiliation, ``group_cat``)."""

    def __init__(self, cx: LinkContext, groups: GroupReader) -> None:
        super().__init__(cx)
        self.groups = groups

    @staticmethod
    def _held(c: CountNode) -> bool:
        """The count's noun says its people are held (``معتقل``, ``أسرى``, ``مخطوفين``)."""
        words = (c.noun_text or "").split()
        return bool(words) and status_of_word(key(words[0])) in ("detained", "abducted")

    def read_group(self, c: CountNode, after: int) -> None:
        """``من قوات النظام`` / ``في صفوف …`` / ``مواليا للنظام`` / ``جنود روس`` after the noun."""
        v = self.view
        j = v.next_word(after)
        if j is not None:
            q = v.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)
            if q is not None:
                j = v.next_word(j + len(q))
        if j is not None and (v[j].has(_FORMER) or v[j].key in cues.OTHERS_WORDS or v[j].key in cues.OF_THEM):
            j = v.next_word(j + 1)  # عنصرين سابقين في الفصائل, 21 مسلحا آخرين من تنظيم داعش, 4 منهم من
        if j is not None and c.noun_text is None and v[j].has(_LEADERS):
            j = v.next_word(j + 1)  # 35 قياديا (وعنصرا) في حركة الشباب: the leaders of the group after
            if j is not None and v[j].key.startswith("و") and v[j].has(_MEMBERS):
                j = v.next_word(j + 1)
        if j is not None and v[j].has(cues.AGREEING_VERBS):
            j = v.next_word(j + 1)  # 63 شخصا قتلوا من التنظيم
        if j is not None:
            j = self._past_belief(j)
        if j is None or (v[j].key.startswith("ل") and v[j - 1].key in cues.LOYAL_WORDS):
            return  # مقاتلين موالين لتركيا: whom they are loyal to (the noun reader's)
        if v[j].has(cues.FOREIGN_ADJ) and c.noun_text and (c.generic or c.hint in STATE_NOUNS):
            c.hint, c.generic = "foreign_forces", False
            return
        if v[j].key in cues.LOYAL_WORDS and (c.generic or c.hint in ARMED_NOUNS or c.hint is None):
            side = self._loyal_side(j)
            if side is not None:
                c.hint, c.generic = side, False
            return
        glued = self.cx.span_at_token(self.by_label.get("ACTOR", []), j)
        if glued is not None and v.glued_prefix(j, glued.start) == "ل":  # مقابل 74 لعناصر الفصائل
            c.affiliation = glued
            self._take_group(c, self.groups.phrase_category(glued.text, partitive=True), j)
            return
        phrase = v.phrase_starting_at(j, cues.AFFILIATION_BEFORE)
        if phrase is None or (v[j].key == _HELD_BY and self._held(c)):
            return  # 1500 معتقل لدى قوات النظام: held by them, not of them
        first, k = v.next_word(j + 1), v.next_word(j + len(phrase), skip=_OPEN_BRACKET)  # من (عناصر) …
        while k is not None and v[k].key in _TOLL_FILLERS:
            k = v.next_word(k + 1)
        if k is None:
            return
        actors = self.by_label.get("ACTOR", [])  # من [عناصر ميليشيا حزب الله]: the member noun inside
        actor = self.cx.span_at_token(actors, k) or (self.cx.span_at_token(actors, first) if first != k else None)
        group_cat = None
        if actor is not None:
            c.affiliation = actor
            named = self.text[max(actor.start, v[k].start):actor.end]  # the group, past a member noun
            group_cat = self.groups.actor_category(named, k) \
                or self.groups.tied_group(k)[0] or self._armed_unit(k) \
                or (short_name(named) if phrase[0] == "من" else None)  # 16 عنصرا من القاعدة
            end = v.index_range(actor.start, actor.end)[1]
            if group_cat is not None and not self.groups.one_more_person(end):
                group_cat = mix([group_cat, *self.groups.joined_groups(end)[0]], self.onto)
            if with_families(self.view, end):
                group_cat = None  # ألفا شخص من المسلحين وعائلاتهم: people of both
        elif phrase != ("في",):
            loyal = next((x for x in range(k, min(k + 3, len(v))) if v[x].key in cues.LOYAL_WORDS), None)
            group_cat, _, last = self.groups.group_at(k)
            if with_families(self.view, last + 1):
                group_cat = None
            if loyal is not None and (loyal == k or group_cat is None
                                      or (loyal == last + 1 and group_cat in self.onto.armed)):
                group_cat = self._loyal_side(loyal)  # من الموالين للقضية الكردية: no side
        if phrase in cues.JOINING_BEFORE and group_cat in self.onto.armed:
            c.hint, c.group_cat, c.generic = group_cat, group_cat, False  # 70 مواطنا انضموا إلى داعش
            return
        self._take_group(c, group_cat, k)

    def _past_belief(self, j: int) -> int | None:
        """``شخصين يرجح أنهما قياديان في التنظيم``: past a verb of belief, its ``أنهم`` and a
        member noun, the token where the group's preposition comes (else ``j`` itself)."""
        v = self.view
        that = v.next_word(j + 1)
        if not v[j].has(_THOUGHT) or that is None or that != j + 1 or v[that].key not in _THAT_THEY:
            return j
        k = v.next_word(that + 1)
        if k is not None and v[k].key in _THOUGHT_MEMBERS and k + 1 < len(v) and v[k + 1].is_word:
            k = k + 1
        return k

    def _armed_unit(self, k: int) -> str | None:
        """An unnamed armed unit at token ``k`` (``[فرقة سورية مقاتلة]``): its armed kind."""
        cid = group_after(self.view, k, self.onto)[0]
        return cid if cid in self.onto.armed else None

    def _take_group(self, c: CountNode, group_cat: str | None, k: int) -> None:
        """The count's people belong to the group of category ``group_cat`` named at token ``k``."""
        if group_cat is None or (self.view[k].has(cues.RESIDENTS) and c.generic and c.noun_text):
            return  # 250 شخصا من السكان: people, as the noun says
        c.group_cat = group_cat
        if c.noun_text and " " in c.noun_text and self.groups.mixed_parts(c.noun_text, False) in ("people", "combatant"):
            return  # مدني ومقاتل من المعارضة: the noun mixes sides; the group is its last part's
        soldier = c.hint == "regime" and group_cat in self.onto.armed | {"other"}  # جنديا من الجيش التركي
        if c.noun_text is None or c.generic or c.hint in _OVERRIDABLE or c.hint is None or c.bare_hint or soldier:
            c.hint = group_cat
            c.generic = False

    def _loyal_side(self, j: int) -> str | None:
        """The side of people loyal (``مواليا``, ``الموالين`` at token ``j``) to whom the word
        after names (``cues.LOYAL_TO``): the government's unless it names Turkey (``لأنقرة``:
        factions) or someone of no side (``للقضية الكردية``: None); alone, the government's."""
        v = self.view
        k = v.next_word(j + 1)
        if k is None or k - j > 2 or not v[k].key.startswith("ل") or v.is_boundary(k - 1):
            return "regime"
        return self.loyal_to(k)

    def loyal_to(self, k: int) -> str | None:
        """The side of people loyal to whom token ``k`` names after its ``ل``: an armed group
        named in full (``لتنظيم داعش``, ``لقوات سوريا الديمقراطية``, ``للحوثيين``), else
        ``cues.LOYAL_TO`` (``للنظام``, ``لإيران``: the government's; ``لأنقرة``: factions)."""
        cid = group_after(self.view, k, self.onto)[0]
        if cid in self.onto.armed and cid not in ("foreign_forces", "combatant", "man"):
            return cid
        return cues.LOYAL_TO.get(self.view[k].key)

    def construct_dual(self, c: CountNode, j: int | None) -> None:
        """``ضابطي شرطة``, ``عنصري الأمن``: a dual in construct (no ن) takes the kind of the
        group or noun at token ``j`` it is put in construct with."""
        w = key(c.span.text)
        if j is None or c.group_cat is not None or c.others or not w.endswith(("ي", "ا")) \
                or w.endswith(("ان", "ين")) or self.view.is_boundary(j):
            return
        cid = self.groups.group_at(j)[0]
        if cid in (None, "people"):
            cid = self.groups.group_at(c.t0)[0]  # رجلي أمن: a group named with the dual in it
        if cid not in (None, "people"):
            c.hint, c.generic, c.group_cat = cid, False, cid

    def construct_group(self, c: CountNode) -> None:
        """``12 من عناصر قوات النظام``, ``سبعة من مسلحي داعش``: the group right after a
        partitive member noun decides the category."""
        v = self.view
        tail = v.index_range(c.noun.start, c.noun.end)[1] if c.noun is not None else c.tail
        k = v.next_word(tail)
        if k is None or v.is_boundary(k) or allies_at(v, k):
            return  # سبعة من الفرقة 30 والمقاتلين الموالين لها: the allies of the group, not another side
        if c.hint == "fighter" and nation_adjective(v[k].key):
            return  # من الميليشيا الإيرانية (the Houthis named before): fighters of a nation stay fighters
        if c.noun is not None and " " in c.noun.text.strip() and c.hint not in (None, "people"):
            # مقاتلي "جيش الإسلام" marked whole: the group is inside the noun; only a side joined
            # after it (والمدنيين) still counts
            kinds = [] if self.groups.one_more_person(k) else self.groups.joined_groups(tail)[0]
            if kinds:
                c.hint = c.group_cat = mix([c.hint, *kinds], self.onto)
                c.generic = False
            return
        actor = self.cx.span_at_token(self.by_label.get("ACTOR", []), k)
        mixed = False
        if actor is not None:
            cid = self.groups.actor_category(actor.text, k)
            end = v.index_range(actor.start, actor.end)[1]
            while end < len(v) and v[end].is_quote:
                end += 1  # مقاتلي "جيش الإسلام" والمدنيين
            kinds = [] if cid is None or self.groups.one_more_person(end) else self.groups.joined_groups(end)[0]
            if cid is not None and kinds:  # مقاتلي جيش الإسلام والمدنيين
                cid = mix([cid, *kinds], self.onto)
                mixed = True
        elif v[k].key in cues.LOYAL_WORDS:
            cid = self._loyal_side(k)  # من المقاتلين الموالين لتنظيم القاعدة: whom they are loyal to
        else:
            cid, _, _ = self.groups.group_at(k)
        if cid is None or (cid == "people" and not mixed):
            return
        c.hint, c.generic, c.group_cat = cid, False, cid
        if actor is not None:
            c.affiliation = actor

    def suffered_by(self, c: CountNode) -> None:
        """``تكبدت قوات النظام 12 قتيلا``, ``معارك كبدت قوات النظام 12 قتيلا``, ``التنظيم تكبد
        خسائر بلغت 30 قتيلا``: a count of unnamed people after تكبد / كبد (same clause, no count
        between) counts the side named right after the verb, or right before تكبد; after a
        mourning verb and a loyal word (``نعت صفحات موالية 6 عناصر``), the side they are loyal to."""
        if c.group_cat is not None or not (c.generic or c.hint is None):
            return
        v = self.view
        actors = self.by_label.get("ACTOR", [])
        i, steps = c.t0 - 1, 0
        while i >= 0 and steps < _SUFFER_REACH and not v.is_boundary(i) and not v[i].is_digit:
            if v[i].is_word and v[i].has(_MOURN_VERBS):
                j = next((k for k in range(i + 1, min(c.t0, i + 4)) if v[k].key in cues.LOYAL_WORDS), None)
                cid = self._loyal_side(j) if j is not None else None
                if cid not in (None, "people"):  # نعت صفحات موالية 6 عناصر: the loyalists' dead
                    c.group_cat, c.hint, c.generic = cid, cid, False
                return
            if v[i].is_word and v[i].has(cues.SUFFER_VERBS):
                actor = self.cx.span_at_token(actors, v.next_word(i + 1))
                if actor is None and v[i].key.startswith("ت") and i > 0:
                    actor = self.cx.span_ending_at_token(actors, i - 1)
                cid = self.groups.phrase_category(actor.text, partitive=True) if actor is not None else None
                if cid not in (None, "people"):
                    c.affiliation, c.group_cat, c.hint, c.generic = actor, cid, cid, False
                return
            i -= 1
            steps += 1

    def neutral_group(self, c: CountNode) -> None:
        if c.group_cat is None and c.noun_text and not c.partitive \
                and self.onto.is_neutral_noun(c.noun_text.split()[0]):
            earlier = self._group_earlier(c)
            if earlier is not None:
                c.hint, c.generic = earlier, False

    def _group_earlier(self, c: CountNode) -> str | None:
        """``تقل عناصر من قوات سوريا الديمقراطية … مقتل ثلاثة عناصر``: a bare neutral noun
        counts members of the group named with the same noun earlier in the sentence."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        for i in range(c.t0 - 1, a - 1, -1):
            if not (v[i].is_word and self.onto.is_neutral_noun(v[i].text)):
                continue
            j = v.next_word(i + 1)
            if j is None or v[j].key != "من":
                continue
            k = v.next_word(j + 1)
            if k is None:
                continue
            actor = self.cx.span_at_token(self.by_label.get("ACTOR", []), k)
            if actor is not None:
                cid = self.groups.phrase_category(actor.text, partitive=True)
            else:
                cid, _, _ = self.groups.group_at(k)
            if cid is not None:
                return cid
        return None
