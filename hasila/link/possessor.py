"""Members counted with a possessive are the side it points back to (``أعلن الجيش التركي مقتل 3 من
جنوده``, ``خسرت الهيئة 7 من عناصرها``), soldiers a foreign state sends are its own
(``نشرت الولايات المتحدة ألفي جندي``), a count of ``منهم`` with no total the people named before it
(``هجوم للإرهابيين وقتلت 21 منهم``): :class:`PossessorRules`.

A count whose noun is a member's, soldier's or fighter's noun carrying a pronoun of the third
person (``جنوده``, ``عناصرها``, ``مقاتليهم``) and no group of its own belongs to the armed party
that pronoun stands for: of the ACTORs before it in its sentence that agree with the pronoun,
the one the last verb of saying before it introduces (its own losses), else the nearest; ``ه``
a masculine singular (``الجيش``, ``التنظيم``), ``ها`` a feminine or a plural of things
(``قوات``, ``الهيئة``, ``الفصائل``, a state), ``هم`` a plural of people (``الحوثيين``,
``المسلحين``).
"""

from __future__ import annotations

from hasila.link import cues
from hasila.link.context import ByStart, LinkContext, Reader, noun_of
from hasila.link.groups import GroupReader, with_families
from hasila.link.numbers import group_after, noun_category, one_of_them_suffix
from hasila.link.text import key, keys
from hasila.link.tree import CountNode

#: The pronouns glued to a noun, by the kind of party they point back to.
_PRONOUN_KINDS = (("هما", None), ("هم", "people"), ("ها", "feminine"), ("ه", "masculine"))
#: Plurals of things that take the feminine pronoun (``الفصائل ... من مقاتليها``).
_PLURALS_OF_THINGS = keys("فصائل الفصائل كتائب الكتائب ألويه الالويه الويه")
#: Plurals of people with no sound-plural ending (``الأكراد ... من مقاتليهم``).
_PLURALS_OF_PEOPLE = keys("أكراد الاكراد ثوار الثوار رجال عناصر")
#: Verbs of saying whose subject tells its own losses (``أعلن الجيش التركي مقتل 3 من جنوده``).
_SAYING = keys("""
    أعلن أعلنت وأعلن وأعلنت قال قالت وقال وقالت ذكر ذكرت وذكر وذكرت أكد أكدت وأكد وأكدت اتهم اتهمت
    واتهم واتهمت نسب نسبت ونسب ونسبت أقر أقرت وأقر وأقرت اعترف اعترفت واعترف واعترفت نعى نعت ونعى ونعت
    """)
#: Pronouns of people after a count with no noun (``منهم``, ``منهما``, ``منهن``).
_OF_PEOPLE = ("هم", "هما", "هن")
#: The kinds ``منهم`` takes from the noun before it: the sides a state's forces fight and the
#: kinds of civilians; state forces named before are most often those who killed or held them.
_THEIR_KINDS = frozenset({"fighter", "jihadist", "isis", "sdf", "combatant", "civilian", "child", "woman",
                          "man", "journalist", "medic", "rescue"})
#: How many tokens back ``منهم`` may find the people it points to (a bound on each count's walk).
_THEM_REACH = 60
#: Categories of the member nouns this reads (a soldier, a fighter, an armed man).
_MEMBER_KINDS = frozenset({"regime", "fighter", "combatant"})


def _pronoun_kind(word: str) -> tuple[str, str | None] | None:
    """The noun under a glued pronoun and the kind of party the pronoun points to."""
    for suffix, kind in _PRONOUN_KINDS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)], kind
    return None


def party_kind(phrase: str) -> str:
    """The pronoun an ACTOR phrase takes: ``people`` (هم), ``feminine`` (ها) or ``masculine`` (ه),
    read from its first word."""
    first = key(phrase.split()[0]) if phrase.split() else ""
    bare = first[1:] if first.startswith("و") and len(first) > 4 else first
    if bare in _PLURALS_OF_PEOPLE or bare.endswith(("ين", "ون")) or (bare.endswith("ي") and len(bare) > 4
                                                                     and bare.startswith(("مسلح", "مقاتل"))):
        return "people"  # الحوثيين, مسلحي الحوثي
    if bare in _PLURALS_OF_THINGS or bare in cues.FOREIGN_STATES or bare.endswith(("ه", "ات", "ا")):
        return "feminine"  # قوات, هيئه, الميليشيا, انقره
    return "masculine"


class PossessorRules(Reader):
    """The side of members counted with a pronoun that points back to a named party."""

    def __init__(self, cx: LinkContext, groups: GroupReader) -> None:
        super().__init__(cx)
        self.groups = groups
        self.actors = ByStart(self.by_label.get("ACTOR", []))

    def members_of_the_possessor(self, nodes: list[CountNode]) -> None:
        """Set the category of each count of ``جنوده`` / ``عناصرها`` to its party's."""
        for c in nodes:
            if c.affiliation is not None or c.group_cat not in (None, "regime", "fighter", "combatant"):
                continue
            kind = self._possessed_member(c)
            if kind is None:
                continue
            side = self._party(c, kind)
            if side is not None:
                nxt = nodes[c.order + 1] if c.order + 1 < len(nodes) else None
                if nxt is not None and nxt.others and nxt.sentence == c.sentence and nxt.category == c.category:
                    nxt.category = side  # مقتل 8 من جنوده وإصابة 13 آخرين: the others are his soldiers too
                c.category = side

    def members_of_them(self, nodes: list[CountNode]) -> None:
        """``هجوم للإرهابيين وقتلت 21 منهم``, ``تابعة للحوثيين … مقتل العشرات منهم``: a count with
        no noun (or a member noun: ``70 عنصرا منهم``) and no total, ``منهم`` after it, counts the
        people of the nearest people noun or group named before it (in its sentence or the one
        before), when that names a side."""
        for c in nodes:
            noun = noun_of(c)
            if not c.subset_after or c.parent is not None or c.category not in (None, "people") \
                    or (noun and not self.onto.is_neutral_noun(noun)) or not self._of_people(c):
                continue
            side = self._named_before(c, nodes[c.order - 1].t1 if c.order > 0 else 0)
            if side in _THEIR_KINDS:
                c.category = side

    def _of_people(self, c: CountNode) -> bool:
        """The pronoun after the count (``منهم``, ``منهما``) or in it (``أحدهم``) is of people."""
        v = self.view
        if c.kind == "one":
            return one_of_them_suffix(v, c.span.start) in _OF_PEOPLE
        j = v.next_word(c.tail)
        return j is not None and v[j].key.endswith(_OF_PEOPLE)

    def _named_before(self, c: CountNode, floor: int) -> str | None:
        """The category of the nearest people noun or group before count ``c`` (after token
        ``floor``, within the sentence before its own and :data:`_THEM_REACH` tokens)."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        a = v.sentence_bounds(a - 1)[0] if a > 0 else a
        for k in range(c.t0 - 1, max(a, floor, c.t0 - _THEM_REACH) - 1, -1):
            if not v[k].is_word or v[k].has(cues.FOREIGN_ADJ):
                continue
            cid = group_after(v, k, self.onto, width=4)[0]
            if cid is not None:
                return cid
        return None

    def soldiers_a_state_sends(self, nodes: list[CountNode]) -> None:
        """``دفع الجيش التركي بأكثر من 7 آلاف جندي``, ``نشرت الولايات المتحدة ألفي جندي``: soldiers
        counted as no casualty (sent, deployed) with no group of their own, after a foreign state
        or its army as the nearest party of their sentence, are that state's (the guide's
        ``foreign_forces``; abroad, the theatre's rules make them ``other`` after this)."""
        v = self.view
        for c in nodes:
            if c.category != "regime" or c.status != "other" or c.affiliation is not None \
                    or c.group_cat is not None or not self._soldier_noun(c):
                continue
            a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
            floor = max(a, nodes[c.order - 1].tail if c.order > 0 else 0)
            actors = self.actors.between(v[floor].start, c.span.start)
            state = next((i for i in range(c.t0 - 1, floor - 1, -1) if v[i].is_word and v[i].has(cues.FOREIGN_STATES)
                          and (not actors or v[i].start >= actors[-1].start)), None)
            if state is not None or (actors and self.groups.phrase_category(actors[-1].text, partitive=True)
                                     == "foreign_forces"):
                c.category = "foreign_forces"

    def _soldier_noun(self, c: CountNode) -> bool:
        """The count's noun is a soldier's (``جندي``, ``عسكريا``), not a member's of any group."""
        words = noun_of(c).split()
        return bool(words) and not self.onto.is_neutral_noun(words[0]) and noun_category(self.onto, words[0]) == "regime"

    def _possessed_member(self, c: CountNode) -> str | None:
        """The kind of party the pronoun of the count's member noun points to, if it has one (not
        when the families join them: ``من مقاتليها وعائلاتهم`` counts more than its members)."""
        k = self._member_word(c)
        if k is None or with_families(self.view, k + 1):
            return None
        found = _pronoun_kind(self.view[k].key)
        if found is None or found[1] is None:
            return None
        stem, kind = found
        member = self.onto.is_neutral_noun(stem) or noun_category(self.onto, stem) in _MEMBER_KINDS \
            or (stem.endswith("ي") and noun_category(self.onto, stem + "ن") in _MEMBER_KINDS)
        return kind if member else None

    def _member_word(self, c: CountNode) -> int | None:
        """The token of the count's one-word noun, else of the word after ``من`` right after a
        count with no noun (``7 من عناصرها``)."""
        v = self.view
        noun = noun_of(c)
        if noun:
            if len(noun.split()) != 1:
                return None
            start = c.noun.start if c.noun is not None else c.noun_chars[0] if c.noun_chars else None
            return v.first_at_or_after(start) if start is not None else None
        k = v.next_word(c.t1)
        if k is None or v[k].key != "من" or v.is_boundary(k):
            return None
        k = v.next_word(k + 1)
        return k if k is not None and not v.is_boundary(k) else None

    def _party(self, c: CountNode, kind: str) -> str | None:
        """The armed category of the party the pronoun points to: among the ACTORs before the count
        in its sentence that agree with ``kind``, the one the last verb of saying before the count
        introduces (``أعلن الجيش التركي``, ``اتهم الحشد الشعبي``: its own losses), else the nearest."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        actors = self.actors.between(v[a].start, c.span.start)
        said = next((i for i in range(c.t0 - 1, a - 1, -1) if v[i].is_word and v[i].has(_SAYING)), None)
        speaker = None if said is None else \
            next((s for s in actors if v.prev_word(v.first_at_or_after(s.start) - 1) == said), None)
        agreeing = [s for s in actors if party_kind(s.text) == kind]
        chosen = speaker if speaker in agreeing else agreeing[-1] if agreeing else None
        if chosen is None:
            return None
        side = self.groups.phrase_category(chosen.text, partitive=True)
        return side if side in self.onto.armed or side in ("foreign_forces", "other") else None
