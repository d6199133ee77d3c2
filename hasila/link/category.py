"""The category of each count once the part_of tree is built.

:class:`CategoryResolver` turns each count's hint into a category id, parents first
(a generic noun takes the parent's kind, the children's or the toll it continues),
then applies the guide's whole-tree rules: a civilian-worded total with armed parts is
``people``, a fighting total whose parts are all of one side is of that side (the rules
that depend on where the people are: :mod:`hasila.link.theatre`).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from hasila.link import cues
from hasila.link.context import (
    ByStart,
    LinkContext,
    Reader,
    mix,
    noun_of,
    status_of_word,
    title_and_body,
)
from hasila.link.groups import soldiers_of_a_nation
from hasila.link.numbers import either_or, genitive_nisba, noun_category, opens_range, people_nisba
from hasila.link.text import TokenView, key, variants
from hasila.link.tree import CountNode, first_in_sentence

if TYPE_CHECKING:
    from hasila.link.groups import GroupReader


def _isis_named_beside(r: CategoryResolver, c: CountNode) -> bool:
    """An ACTOR of the count's sentence names the Islamic State (suicide bombers are its own
    only where the report says so: elsewhere they are fighters of an unstated side)."""
    a, b = r.view.sentence_bounds(min(c.t0, len(r.view) - 1))
    lo, hi = r.view[a].start, r.view[min(b, len(r.view)) - 1].end
    return any(r.groups.phrase_category(s.text, partitive=True) == "isis" for s in r.actors.between(lo, hi))


def _sum_of_before(onto: Any, c: CountNode, nodes: list[CountNode]) -> str | None:
    """The kinds together (``mix``) of two or more top-level counts of ``c``'s status right
    before it in its sentence whose values add up to ``c``'s: ``c`` is their sum (a count
    coordinated with the one before may not have its status yet)."""
    found: list[str] = []
    total = 0
    for d in reversed(nodes[:c.order]):
        fits = d.status == c.status or (d.status is None and d.cue == "coord")
        if d.sentence != c.sentence or d.parent is not None or not fits \
                or d.category is None or total + d.value > c.value:
            return None
        found.append(d.category)
        total += d.value
        if total == c.value:
            return mix(found[::-1], onto) if len(found) > 1 else None
    return None


def _one_named_before(r: CategoryResolver, c: CountNode) -> str | None:
    """``قتل عنصر من قوات النظام وأصيب اثنان آخران``, ``قتل جندي روسي وأصيب 3 آخرون``: others
    with no count before them in their sentence continue the one person a casualty word right
    before names there (a bare singular noun, its nationality or its group after ``من``): a
    side, civilians or rescuers, not a man, a woman or a child (the others are not all of
    their kind), nor the killer of another person named after him (``قتل مسلح بالرصاص امرأة``)."""
    v = r.view
    for i in range(v.sentence_bounds(c.t0)[0], c.t0):
        if not v[i].is_word or r.cx.trigger_status(i) is None:
            continue
        k = v.next_word(i + 1)
        if k is None or k >= c.t0 or not _singular_person(r, k):
            continue
        if any(_singular_person(r, j) and not v[j].key.startswith("و") and not _nationality_of(v, k, j)
               for j in range(k + 1, c.t0) if r.cx.trigger_status(j) is None):
            return None  # قتل مسلح بالرصاص امرأة: he killed her (not ضابط ومجند: both killed)
        cid = _one_person_s_kind(r, k, c)
        return None if cid in (None, "people", "man", "woman", "child") else cid
    return None


def _nationality_of(v: TokenView, k: int, j: int) -> bool:
    """Token ``j`` is the nationality right after the noun at ``k`` (``جندي عراقي``): its adjective."""
    return j == v.next_word(k + 1) and v[j].has(cues.NATIONALITY_ADJ)


def _singular_person(r: CategoryResolver, k: int) -> bool:
    """Token ``k`` is a bare singular noun of a person (``جندي``, ``مدني``, ``عنصر``)."""
    t = r.view[k]
    return t.is_word and (variants(t.key)[-1] in r.cx.singular_nouns or r.onto.is_neutral_noun(t.text))


def _one_person_s_kind(r: CategoryResolver, k: int, c: CountNode) -> str | None:
    """The kind of the one person named at token ``k``: a soldier of a nationality, of a group
    after ``من``, or his noun's."""
    v = r.view
    cid = None if r.onto.is_neutral_noun(v[k].text) else noun_category(r.onto, v[k].text)
    after = v.next_word(k + 1)
    if after is None or after >= c.t0:
        return cid
    if cid == "regime" and v[after].has(cues.HOME_ARMY_ADJ):
        return "other"  # جندي مصري: a state's soldier at home
    if soldiers_of_a_nation(r.onto, [v[k].text, v[after].text]):
        return "foreign_forces"  # جندي روسي
    side = r.groups.group_at(g)[0] if v[after].key == "من" and (g := v.next_word(after + 1)) is not None else None
    return side if side not in (None, "people") else cid  # عنصر من قوات النظام


def _wounded_of_same_side(r: CategoryResolver, c: CountNode, nodes: list[CountNode]) -> CountNode | None:
    """``مقتل 12 عنصرا من قوات النظام وعشرات الجرحى``: a bare status noun (جرحى، قتلى)
    coordinated right after a count of a named side and another status counts that side;
    after a list under that count (``مقتل 13 من الميليشيات بينهم اثنان …، إلى جانب عشرات
    الجرحى``), the count the list is under. The count of that side, or ``None``."""
    if c.cue != "coord" or c.order == 0 or not c.generic or c.category != "people" or c.children:
        return None
    noun = noun_of(c)
    if not noun or status_of_word(key(noun.split()[0])) is None:
        return None
    prev = nodes[c.order - 1]
    listed = False
    while prev.parent is not None and prev.parent is not c.parent and prev.parent.sentence == c.sentence:
        prev, listed = prev.parent, True
    fits = (prev.parent is c.parent and prev.sentence == c.sentence and prev.status != c.status
            and (prev.category in r.onto.armed or prev.category == "civilian")
            and (listed or not prev.children))
    return prev if fits else None


def _same_level(d: CountNode, c: CountNode) -> bool:
    """Are ``d`` and ``c`` items of one list: one parent, or ``d`` a part (``ومن بين القتلى 8 من
    الشرطة``) of a total told in an earlier sentence and ``c`` a top-level count?"""
    if d.parent is c.parent:
        return True
    return c.parent is None and d.parent is not None and d.entry in ("group", "subset") \
        and d.parent.sentence < d.sentence


def _kin(c: CountNode) -> bool:
    """The count's noun names kin (``أشقاء``, ``شقيقين``): men alone, else of their total's kind."""
    noun = noun_of(c)
    return bool(noun) and any(w in cues.KIN_NOUNS for w in variants(key(noun.split()[0])))


def _bare_status(c: CountNode) -> bool:
    """The count's noun is a bare status noun (``قتيلا``, ``جريحا``)."""
    noun = noun_of(c)
    return bool(noun) and len(noun.split()) == 1 and status_of_word(key(noun)) is not None


class CategoryResolver(Reader):
    """Category ids from the hints, the tree and the guide's rules."""

    def __init__(self, cx: LinkContext, groups: GroupReader) -> None:
        super().__init__(cx)
        self.groups = groups
        self._isis_only: bool | None = None
        self.actors = ByStart(self.by_label.get("ACTOR", []))

    def share_groups(self, nodes: list[CountNode]) -> None:
        """``مقتل 30 عنصرا وإصابة 50 آخرين من قوات النظام``, ``سقوط 20 قتيلا و30 جريحا في صفوف
        القوات``, ``مقتل اثنين وإصابة العشرات من الوحدات``: the group after آخرين, after a toll's
        second bare status noun, or after the second count of a first with no noun, also says
        who the earlier count is."""
        v = self.view
        for c, d in pairwise(nodes):
            if c.group_cat is not None or not (c.generic or c.hint is None) or c.sentence != d.sentence:
                continue
            if any(v.is_boundary(i) for i in range(c.tail, d.t0)):
                continue
            if d.group_cat is not None and (
                    d.others or (self._joined(c, d) and _bare_status(c) and _bare_status(d))):
                c.hint, c.generic, c.group_cat = d.group_cat, False, d.group_cat
            elif self._nounless_then_event(c, d) and (group := d.group_cat or self._partitive_group(d)):
                c.hint, c.generic, c.group_cat = group, False, group

    def _joined(self, c: CountNode, d: CountNode) -> bool:
        """``d`` follows ``c``'s noun joined by و alone (``20 قتيلا و30 جريحا``)."""
        v = self.view
        between = range(c.tail, d.t0)
        if len(between) == 0:
            return v[d.t0].text.startswith("و")
        return len(between) == 1 and v[c.tail].text == "و"

    def _partitive_group(self, d: CountNode) -> str | None:
        """The armed group, or the police and security men (``other``), a partitive count names
        (``العشرات من وحدات حماية الشعب``, ``33 من رجال الأمن``)."""
        return d.hint if d.partitive and (d.hint in self.onto.armed or d.hint == "other") else None

    def _nounless_then_event(self, c: CountNode, d: CountNode) -> bool:
        """``مقتل ثلاثة على الأقل وإصابة العشرات من الوحدات``: ``c`` has no noun and only a
        qualifier and the next count's event word stand between them."""
        if c.noun is not None or c.noun_text is not None or c.hint is not None:
            return False
        between = range(c.tail, d.t0)
        return 0 < len(between) <= 4 and all(
            self.view[i].is_word and (self.view[i].key in cues.QUALIFIER_WORDS or self.view[i].key == "و"
                                      or self.cx.trigger_status(i) in cues.CASUALTY_STATUSES)
            for i in between)

    def resolve_categories(self, nodes: list[CountNode]) -> None:
        """Category ids, parents first: the noun/group hint, else what the parent,
        the children or the count it continues say, else the ontology fallback."""
        for c in sorted(nodes, key=lambda n: n.depth()):
            parent = c.parent
            if (c.hint is None or c.bare_hint) and self._several_armed_sides(c):
                c.category = "combatant"  # ارتفع إلى 37 عدد القتلى. والقتلى هم: 22 من الفصائل و15 من قسد
                continue
            if _kin(c) and parent is not None and parent.category not in (None, "people", "other"):
                c.category = parent.category  # 4 أشقاء within 5 أطفال: children
                continue
            if c.hint == "combatant" and not c.children and parent is not None \
                    and parent.category in self.onto.armed and parent.category not in ("combatant", "man"):
                c.category = parent.category  # 10 مسلحين within 21 من مسلحي التنظيم: the side it names
                continue
            if c.hint is not None and not c.generic:
                c.category = c.hint
                continue
            if c.hint == "people" and parent is not None and parent.category not in (None, "people", "other"):
                c.category = parent.category  # 175 شخص within 1206 مدني: civilians
                continue
            kids = {k.hint for k in c.children if k.hint is not None} - {"people"}
            if c.hint is None and c.others:
                one = _one_named_before(self, c) if first_in_sentence(c, nodes) else None
                c.category = one or self._antecedent(c, nodes, same_status=False)
                continue  # 30 آخرين بينهم ستة أطفال: the toll they continue says who they are
            if c.hint is None and kids:
                civil_kids = self.onto.parts("civilian") - {"civilian"}
                if kids <= civil_kids | {"civilian"} and kids & civil_kids:
                    c.category = "civilian"
                    continue
                if len(kids) == 1 and not kids & civil_kids and not self._people_of_a_nation(c):
                    c.category = next(iter(kids))  # 23 عنصرا هم 5 من قوات النظام و18 …
                    continue
                if self._government_side(c):
                    c.category = "regime"  # 27 هم 6 من قوات النظام و11 من العناصر الإيرانيين
                    continue
            if c.hint is not None:
                c.category = c.hint
            elif c.others:
                c.category = self._antecedent(c, nodes, same_status=False)
            elif parent is not None and parent.category is not None:
                c.category = parent.category
            elif not kids and not self._people_of_a_nation(c):
                c.category = self._antecedent(c, nodes, same_status=True, nounless=c.noun_text is None)
            else:
                c.category = self.onto.fallback
        for c in nodes:
            if c.category is None:
                c.category = self.onto.fallback
        for c in nodes:
            if c.category == "people" and not c.children:
                c.category = self._all_of_them(c) or c.category  # 18 قتيلا و70 جريحا جميعهم مدنيون
            same = _wounded_of_same_side(self, c, nodes)
            if same is not None:
                c.category = same.category  # 12 عنصرا نظاميا وعشرات الجرحى
        for c in sorted(nodes, key=lambda n: -n.depth()):
            side = self._side_of_parts(c)
            if side is not None:
                c.category = side  # 23 مقاتلا بينهم 5 من قوات النظام و18 من القوات الموالية له
        for c in nodes:
            if c.category == "civilian" and self._mixes_sides(c):
                c.category = "people"  # 17 مواطنا بينهم أربعة من مقاتلي الفصائل
            elif c.category == "jihadist" and c.group_cat is None and "جهاد" in key(noun_of(c)) \
                    and self._only_isis():
                c.category = "isis"  # 110 جهاديا in a report whose only jihadist group is IS
            elif c.group_cat is None and "انتحار" in key(noun_of(c)) and c.category != "isis" \
                    and ((c.parent is not None and c.parent.category == "isis")
                         or (c.category == "combatant" and _isis_named_beside(self, c))):
                c.category = "isis"  # فجر تنظيم داعش 4 انتحاريين: suicide bombers of a group named beside them
            elif c.group_cat is None and c.category == "fighter" and "رهابي" in key(noun_of(c)) \
                    and _isis_named_beside(self, c):
                c.category = "isis"  # غارة على قيادات داعش … قتل 45 إرهابيا: the terrorists of the group named

    def range_categories(self, nodes: list[CountNode]) -> None:
        """``بين 20 و30 طفلا``, ``أربعة أو خمسة مقاتلين``: the first figure of a range or of two
        estimates, with no noun of its own, counts the people the second one's noun names."""
        for c, d in pairwise(nodes):
            if c.noun is None and c.noun_text is None and (
                    opens_range(self.view, c.span.start, c.span.end, d.t0) or either_or(self.view, c.t1, d.t0)):
                c.category = d.category

    def headline_repeats(self, nodes: list[CountNode]) -> None:
        """A title's toll told with a plain people noun (``تخلف 23 قتيلا``) is the toll the body
        tells again of one side (``ارتفع إلى 23 عدد قتلى الميليشيات الموالية لإيران``): it takes
        that side. The title is a first line of at most ``TITLE_CHARS`` with no full stop."""
        for c, body in title_and_body(self.text, nodes, lambda c, d: d.status == c.status):
            if c.category == "people" and c.parent is None and not c.children \
                    and body.category not in (None, "people"):
                c.category = body.category

    def martyrs_of_a_plain_toll(self, nodes: list[CountNode]) -> None:
        """``أفادت سانا بسقوط 35 شهيدا``, ``11 شهيدا … تسعة من القتلى هم من المدنيين``: martyrs
        the government's media count, or of whom only some are said to be civilians, are a
        plain toll (``people``); ``شهيد`` is civilian only as a civilian toll (the guide). Martyrs
        of an armed side named after them (``11 شهيدا من الجيش الحر``) are of that side, and a
        toll with such a part is ``people``, its parts with no noun of their own too."""
        for c in sorted(nodes, key=lambda n: n.depth()):
            if c.category != "civilian":
                continue
            noun = noun_of(c)
            if not noun or not any(w in cues.MARTYR_NOUNS for w in variants(key(noun.split()[0]))):
                continue
            if c.group_cat in self.onto.armed:
                c.category = c.group_cat
                continue
            civilians = [k.value for k in c.children if k.category == "civilian"]
            armed = any(k.category in self.onto.armed or k.group_cat in self.onto.armed for k in c.children)
            if (civilians and sum(civilians) < c.value) or armed or self._state_media_in_sentence(c):
                c.category = "people"
                for k in c.children:
                    if k.category == "civilian" and not noun_of(k):
                        k.category = "people"  # منهم 40 في حمص: the martyrs of that place

    def _state_media_in_sentence(self, c: CountNode) -> bool:
        v = self.view
        a, b = v.sentence_bounds(min(c.t0, len(v) - 1))
        return any(v[i].has(cues.STATE_MEDIA) or v.phrase_starting_at(i, cues.STATE_MEDIA_PHRASES) is not None
                   for i in range(a, b))

    def _people_of_a_nation(self, c: CountNode) -> bool:
        """``أربعة فلسطينيين بينهم ثلاثة من مقاتلي …``: a total counted by a nisba is people of a
        nation, not the side of its one armed part (the guide: a total that mixes sides is people)."""
        if c.t1 >= len(self.view):
            return False
        t = self.view[c.t1]  # 2200 فلسطيني: the genitive singular a figure of hundreds takes
        return people_nisba(t) or (genitive_nisba(t) and c.value >= 100)

    def _government_side(self, c: CountNode) -> bool:
        """The parts named are the government's forces and its foreign allies' (no other state's)."""
        kinds = {k.hint for k in c.children if k.hint is not None}
        return "regime" in kinds and kinds <= {"regime", "foreign_forces"} \
            and all(k.nation in (None, *cues.GOVERNMENT_ALLIES) for k in c.children if k.hint == "foreign_forces")

    def _several_armed_sides(self, c: CountNode) -> bool:
        """Two or more parts, all armed, of two sides or more (the government's foreign allies
        and its militias on its side), and no side named for the count itself."""
        kinds = {k.hint for k in c.children}
        if len(c.children) < 2 or c.group_cat is not None or not kinds <= self.onto.armed - {"combatant"}:
            return False
        sides = {"regime" if k.hint == "foreign_forces" or self._militia_of_the_government(k) else k.hint
                 for k in c.children}
        return len(sides) > 1

    def _militia_of_the_government(self, c: CountNode) -> bool:
        """Members of a militia that fights for the government in Syria (حزب الله العراقي)."""
        return c.affiliation is not None and self.onto.category_in_syria(c.affiliation.text) == "regime"

    def _side_of_parts(self, c: CountNode) -> str | None:
        """A total counted with a fighting noun (مقاتل، مسلح), no side named, whose parts all
        belong to one armed side is of that side (``combatant`` when they are of several)."""
        if c.category not in ("fighter", "combatant") or c.group_cat is not None or not c.children:
            return None
        kinds = {k.category for k in c.children}
        if not kinds <= self.onto.armed or len(c.children) < 2:
            return None
        side = next(iter(kinds)) if len(kinds) == 1 else "combatant"
        return side if side != c.category else None

    def _all_of_them(self, c: CountNode) -> str | None:
        """``جميعهم مدنيون`` / ``كلهم من المدنيين`` after the count (and the counts coordinated
        with it, same clause): the kind all of them are."""
        v = self.view
        for i in range(c.tail, min(len(v), c.tail + 10)):
            if v.is_boundary(i):
                return None
            if v[i].is_word and v[i].key in cues.ALL_OF_THEM:
                k = v.next_word(i + 1)
                if k is not None and v[k].key == "من":
                    k = v.next_word(k + 1)
                cid = self.groups.group_at(k)[0] if k is not None else None
                return cid if cid not in (None, "people") else None
        return None

    def _only_isis(self) -> bool:
        """The report names the Islamic State and no other jihadist group by name (its ACTOR
        spans; ``الجهاديين`` alone names no group)."""
        if self._isis_only is None:
            found = {self.groups.phrase_category(a.text, partitive=True) for a in self.by_label.get("ACTOR", [])
                     if self.onto.noun_id(a.text) is None}
            self._isis_only = "isis" in found and "jihadist" not in found
        return self._isis_only

    def _mixes_sides(self, c: CountNode) -> bool:
        """A civilian-worded total (مواطن، شهيد, not مدني) with an armed part, or, its own noun
        a civilian one, a part of police or a state's security men (``other``: 15 مصليا خمسة
        منهم من رجال الأمن; not عدد القتلى المدنيين 844 شخصا بينهم 27 من الشرطة): people."""
        noun = key(c.noun.text if c.noun is not None else c.noun_text or "")
        if not noun or "مدن" in noun:
            return False
        civilian_noun = self.onto.category_of_noun(noun) == "civilian"
        return any(k.category in self.onto.armed or (civilian_noun and k.category == "other") for k in c.children)

    def _antecedent(self, c: CountNode, nodes: list[CountNode], same_status: bool, nounless: bool = False) -> str:
        """The category of the count that ``c`` continues (``آخرين``, ``وأن نحو ألفين خرجوا``);
        a count with no noun at all right after one of another status in its sentence counts
        the same people (``قتل 173 مدنيا وأصيب العشرات``), but the displaced after the dead do
        not (``مقتل 400 ألف مدني وتشريد الملايين``)."""
        if nounless and (summed := _sum_of_before(self.onto, c, nodes)) is not None:
            return summed  # 10 من قوات الطوارئ … إضافة لثلاثة عاملين، ليصبح إجمالي الوفيات 13
        if nounless and c.order > 0:
            d = nodes[c.order - 1]
            kind = d.category or d.hint  # a part of an earlier total is resolved after c
            if d.sentence == c.sentence and kind is not None and d.noun_text is not None \
                    and d.status != c.status and not d.descends_from(c) and _same_level(d, c) \
                    and not (d.status == "killed" and self._displaced(c)):
                return kind
        for d in reversed(nodes[:c.order]):
            if d.sentence < c.sentence - (0 if same_status else 1):
                break
            if d.category is None or d.descends_from(c):
                continue
            if same_status and (d.status != c.status or d.noun_text is None):
                continue
            if not same_status:
                return self._others_of(c, d, nodes)
            return d.category
        return self.onto.fallback

    def _displaced(self, c: CountNode) -> bool:
        """``وتشريد الملايين``, ``إجلاء مئات``: the word right before the count (a qualifier
        stepped over) tells a fate that is no casualty (status ``other``)."""
        p = self.view.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        return p is not None and self.cx.trigger_status(p) == "other"

    def _others_of(self, c: CountNode, d: CountNode, nodes: list[CountNode]) -> str:
        """What ``آخرين`` (``c``) continues when the count before it is ``d``. Of another status,
        the whole toll ``d`` belongs to: the total ``d`` is a part of (``قتل 9 أشخاص هم 5 مدنيين
        و4 مقاتلين، وأصيب 30 آخرون``: people), or the coordinated list ``d`` ends (``3 مدنيين
        وعنصرين من الدفاع المدني``: both kinds); of the same status, ``d``'s kind."""
        if c.status == d.status:
            return d.category or self.onto.fallback
        while d.parent is not None and d.parent.category is not None and d.parent.sentence == d.sentence:
            d = d.parent
        assert d.category is not None  # the caller skips counts without one; only parents with one are climbed
        found = [d.category]
        k = d
        while k.cue == "coord" and k.order > 0:
            k = nodes[k.order - 1]
            if k.parent is not d.parent or k.sentence != d.sentence or k.category is None:
                break
            found.append(k.category)
        return mix(found[::-1], self.onto) or self.onto.fallback
