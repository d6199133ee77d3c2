"""Where a count's people fight: places abroad and the guide's rules that depend on them.

:class:`TheatreRules` applies them once the categories are resolved: soldiers of a state
counted abroad are ``other``, militias that fight for the government inside Syria are
``regime``. :func:`abroad` says whether a place name lies outside Syria.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING

from hasila.link import cues
from hasila.link.context import ByStart, Reader, noun_of
from hasila.link.groups import nation_adjective
from hasila.link.numbers import noun_category, possessed_noun_category
from hasila.link.text import key, keys, variants
from hasila.link.tree import CountNode, first_in_sentence
from hasila.schema import Span

if TYPE_CHECKING:
    from hasila.text.gazetteer import Place

logger = logging.getLogger(__name__)

# Syria or the Syrians named in a report (سوريا، السورية، بسوريا، السوريين), its president or
# the regime's forces (قوات النظام، طيران النظام)
SYRIA_NAMED = re.compile(r"(?<!\w)(?:[وفبل]?(?:ال)?سوري\w{0,3}|ال[أا]سد"
                         r"|[وفبل]?(?:قوات|جيش|عناصر|مخابرات|طائرات|طيران|ميليشيات) النظام)(?!\w)")
# words of a militia or of fighters loyal to a side, not of a state's forces (الموالين، ميليشيات)
MILITIA_WORDS = tuple(key(w) for w in ("موال", "ميليشي", "مليشي", "مسلح", "مقاتل", "لجان"))
_ARMED_ADJ = keys("مسلحة")


def _militia_word(word: str) -> bool:
    """``word`` (folded) starts as a militia word, after و and the article at most; not the
    adjective of a state's armed forces (``القوات المسلحة``)."""
    word = word.removeprefix("و")
    if word.removeprefix("ال") in _ARMED_ADJ:
        return False
    return word.startswith(MILITIA_WORDS) or word.removeprefix("ال").startswith(MILITIA_WORDS)


def _army_of_the_government(words: list[str], n: int) -> bool:
    """``الجيش الموالي للشرعية``, ``القوات الموالية للحكومة``: the loyal word at ``n`` (folded
    ``words``) says which army or forces follow the state's government, a state's forces (not
    ``الجيش الموالي للحوثي``: a militia)."""
    return 0 < n < len(words) - 1 and words[n - 1] in _ARMY_OR_FORCES and words[n + 1] in _GOVERNMENT


#: Whom an army loyal to the state's government is said to follow.
_GOVERNMENT = keys("للشرعية للحكومة لحكومة للرئيس")


def abroad(place: str) -> bool:
    """A place name outside Syria (:data:`hasila.link.cues.FOREIGN_PLACES`, or a country or a
    place abroad of the gazetteer that names no place in Syria: ``الجزائر``, ``كابول``)."""
    if any(x in cues.FOREIGN_PLACES for w in place.split() for x in variants(key(w))):
        return True
    abroad_names, syria_names = _gazetteer_sides()
    return key(place) not in syria_names and any(x in abroad_names for x in variants(key(place)))


@functools.lru_cache(maxsize=1)
def _gazetteer_places() -> tuple[Place, ...]:
    """The gazetteer's places (Syria's and those abroad), read once; none without a gazetteer."""
    from hasila.errors import UserError
    from hasila.text.gazetteer import Gazetteer

    try:
        return tuple(Gazetteer.load().places)
    except UserError as exc:
        logger.debug("no gazetteer: %s", exc)
        return ()


@functools.lru_cache(maxsize=1)
def place_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Folded names of the gazetteer's countries and places abroad, and of Syria's own places
    (not its country row), read once; both empty without a gazetteer."""
    places = _gazetteer_places()
    foreign = frozenset(key(f) for p in places if p.abroad or p.kind == "country" for f in p.forms())
    home = frozenset(key(f) for p in places if not p.abroad and p.kind != "country" for f in p.forms())
    return foreign, home


@functools.lru_cache(maxsize=1)
def _gazetteer_sides() -> tuple[frozenset[str], frozenset[str]]:
    """Folded names of the gazetteer's countries but Syria and its places abroad (without the
    names of Syria's own places), and the names of Syria's places (``بليون`` is a village of
    Idlib, not ب + Lyon); both empty without a gazetteer."""
    foreign, home = place_keys()
    syria = home | {key("سوريا"), key("سورية")}
    return foreign - syria, syria


def _past_fillers(named: str) -> str:
    """The folded name of a group, past member words before it (``أفراد قوات الأمن`` → ``قوات الأمن``)."""
    words = key(named).split()
    while len(words) > 1 and words[0] in cues.AFFILIATION_FILLERS:
        words = words[1:]
    return " ".join(words)


def _in_syria(name: str) -> bool:
    """A folded place name of Syria's gazetteer (not one the gazetteer does not know)."""
    syria = _gazetteer_sides()[1]
    return any(x in syria for x in variants(name))


#: A state's army, ministries of force and forces, named before its adjective (``وزارة الدفاع
#: الجزائرية``), and how many tokens before a count they are looked for.
_INSTITUTIONS = keys("الجيش الدفاع الداخلية القوات")
_INSTITUTION_REACH = 12


def _home_adjective(word: str) -> bool:
    """``الجزائرية``, ``المصري``: a folded nationality adjective of a state that fights at home,
    in either gender, with or without the article."""
    word = word.removeprefix("ال")
    return word in cues.HOME_ARMY_ADJ or (word.endswith("ه") and word[:-1] in cues.HOME_ARMY_ADJ)


#: The army named as such (``من الجيش``, ``من الجيش والشرطة``): a state's forces.
_THE_ARMY = keys("الجيش والجيش")
_ARMY_OR_FORCES = _THE_ARMY | keys("القوات والقوات")
#: A report naming Syria is set abroad when its places abroad are this many times Syria's
#: mentions and places together (Syria named in passing: ``على غرار ما جرى في سوريا``).
_ABROAD_SHARE = 3
#: The kinds of Syria's places that, named in a count's sentence, keep it in Syria.
_TOWN_KINDS = ("governorate", "city", "town")


@functools.lru_cache(maxsize=1)
def _syrian_towns() -> frozenset[str]:
    """Folded names of Syria's governorates, cities and towns (no village: a village's name may
    be a common word), without the names of places abroad; empty without a gazetteer."""
    foreign = _gazetteer_sides()[0]
    return frozenset(key(f) for p in _gazetteer_places() if not p.abroad and p.kind in _TOWN_KINDS
                     for f in p.forms()) - foreign


def _home(name: str) -> bool:
    """A folded place name of Syria and of no place abroad (a name of both sides counts for neither)."""
    return _in_syria(name) and not abroad(name)


def _nationality_alone(c: CountNode) -> bool:
    """The counted noun is a nationality and nothing else (``ثلاثة أتراك``, ``5 من الأفغان``)."""
    words = noun_of(c).split()
    return bool(words) and c.affiliation is None and all(nation_adjective(key(w)) for w in words)


class TheatreRules(Reader):
    """Categories that depend on where the counted people are: abroad or inside Syria."""

    def soldiers_abroad(self, nodes: list[CountNode]) -> None:
        """``قتل جنديان تركيان في شرناق``, ``11 عنصرا من القوات الأمنية``: soldiers counted by
        their noun (جندي، ضابط، عسكري, of a nationality or an army, not of a Syrian group) or
        members of a state's security forces named by no state, where the count's place,
        else every place of its sentence, is outside Syria, are ``other`` (the guide); with
        no place in its sentence, where the report's places are mostly abroad; the others told
        right after them in their sentence (``وجرح أربعة آخرين``) with them."""
        at_home = False  # a state's soldiers at home told already: the same army told again
        for c in nodes:
            soldiers = c.category in ("regime", "foreign_forces")
            if soldiers and (c.others or not noun_of(c)) and c.order > 0 and nodes[c.order - 1].category == "other" \
                    and nodes[c.order - 1].sentence == c.sentence and self._state_forces(nodes[c.order - 1]):
                c.category = "other"  # … وجرح أربعة آخرين / وإصابة أربعة: of the soldiers before them
                continue
            one_s_others = c.others and first_in_sentence(c, nodes) and not noun_of(c)
            state_forces = self._state_forces(c)
            if not soldiers or not (state_forces or one_s_others):
                continue  # (قتل جندي تركي وجرح سبعة آخرون: the others of one soldier, where he fell)
            if c.parent is not None and c.parent.category == "regime":
                continue  # 27 من قوات النظام، من ضمنهم 8 ضباط: officers of the Syrian army's toll
            places = self._places_of(c)
            if self._home_army(c) or (places and all(abroad(p.text) for p in places)) \
                    or (not places and self._report_abroad):
                c.category = "other"
                at_home = at_home or state_forces
            elif at_home and state_forces and not any(not abroad(p.text) and _in_syria(key(p.text)) for p in places):
                c.category = "other"  # ثلاثة عسكريين ماليين … ثم مقتل ثلاثة عسكريين: the same army
        for c in sorted(nodes, key=lambda n: n.depth()):
            if c.category in ("regime", "foreign_forces") and c.hint is None and c.group_cat is None \
                    and not noun_of(c) and c.parent is not None and c.parent.category == "other":
                c.category = "other"  # 271 ضابطا (abroad) … ومن بينهم عشرة برتبة عقيد: the soldiers' part

    def _home_army(self, c: CountNode) -> bool:
        """``عسكريين ماليين``, ``من الجيش المصري``, ``من عناصر الجيش الجزائري``: soldiers of a state
        that fights at home, wherever the report's places are (the guide: another state's
        soldiers outside Syria are ``other``)."""
        words = noun_of(c).split()[1:] + (c.affiliation.text.split()[1:] if c.affiliation is not None else [])
        after = self.view.next_word(c.tail) if c.tail < len(self.view) else None
        if after is not None:
            words.append(self.view[after].text)
        if any(x in cues.HOME_ARMY_ADJ for w in words for x in variants(key(w))):
            return True
        return self._home_institution_before(c)

    def _home_institution_before(self, c: CountNode) -> bool:
        """``أكدت وزارة الدفاع الجزائرية مقتل تسعة من جنود الجيش``: the army, the ministry or the
        forces of a state that fights at home, named with its adjective before the count in its
        sentence, own the soldiers counted."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        for i in range(max(a, c.t0 - _INSTITUTION_REACH), c.t0 - 1):
            if v[i].key.removeprefix("و") in _INSTITUTIONS and v[i + 1].is_word \
                    and _home_adjective(v[i + 1].key):
                return True
        return False

    def _state_forces(self, c: CountNode) -> bool:
        """Soldiers by their noun or its adjective (``عنصر أمني``; no Syrian group named), members of security forces
        named by no state (``القوات الأمنية``, ``قوات الأمن``), or of a foreign state's forces
        counted by the partitive group (``من الحرس الثوري``)."""
        named = c.affiliation.text if c.affiliation is not None else noun_of(c)
        if _past_fillers(named) in cues.STATE_FORCES or (
                c.category == "foreign_forces" and c.partitive and not _nationality_alone(c)):
            return True  # 11 عنصرا من القوات الأمنية, 5 من (أفراد) قوات الأمن; 8 من الحرس الثوري: a state's forces
        if c.group_cat == "regime" and c.affiliation is not None and key(named.split()[0]) in _THE_ARMY:
            return True  # 19 عنصرا من الجيش والشرطة التركيين: an army, whichever state's
        if c.group_cat in (None, "foreign_forces"):
            words = noun_of(c).split()
            if len(words) > 1 and self.onto.is_neutral_noun(words[0]):
                words = words[1:]  # عنصر أمني: the adjective says who
            return bool(words) and "regime" in (noun_category(self.onto, words[0]),
                                                possessed_noun_category(self.onto, words[0]))  # جنوده
        return False

    @functools.cached_property
    def _report_abroad(self) -> bool:
        """Most of the report's places (twice as many as those of Syria's gazetteer, two at
        least) are abroad; a name neither side knows counts for none."""
        names = self._place_names
        out = sum(map(abroad, names))
        return out >= 2 and out >= 2 * sum(map(_home, names))

    def militias_in_syria(self, nodes: list[CountNode]) -> None:
        """``قتل 12 عنصرا من حركة النجباء في ريف دير الزور``: the members of a militia that
        fights for the government inside Syria (the ontology's ``groups_in_syria``) are
        ``regime`` where the count's place, else every place of its sentence, else of the
        whole report, is in Syria; elsewhere they keep their group's id (militia fighters)."""
        for c in nodes:
            if c.affiliation is None or c.category not in self.onto.armed:
                continue
            cid = self.onto.category_in_syria(c.affiliation.text)
            if cid is None or cid == c.category:
                continue
            places = self._places_of(c) or self._all_places.spans
            if places and not any(abroad(p.text) for p in places):
                c.category = cid

    def report_abroad(self, nodes: list[CountNode]) -> None:
        """A report set abroad (:attr:`_set_abroad`) has no Syrian side: its state's soldiers,
        police and security men (``regime``) and foreign troops are ``other``, militias loyal to
        a side (``17 مقاتلا مواليا``, ``ميليشيات``) are ``fighter``, people named by their
        nationality alone (``ثلاثة أتراك``) are ``people`` (the guide); a count whose sentence
        names Syria or one of its towns keeps its side."""
        if not self._set_abroad:
            return
        militia_before: CountNode | None = None
        for c in nodes:
            if self._sentence_in_syria(c):
                continue  # … كما قتل 5 من قوات النظام في ريف حلب: that sentence is in Syria
            if c.category == "foreign_forces" and _nationality_alone(c):
                c.category = "people"
            elif c.category == "foreign_forces":
                c.category = "other"
            elif c.category == "regime":
                noun = noun_of(c)
                words = f"{noun} {c.affiliation.text if c.affiliation is not None else ''}"
                folded = key(words).split()
                militia = any(_militia_word(w) and not _army_of_the_government(folded, n)
                              for n, w in enumerate(folded)) or (
                    c.others and not noun and militia_before is not None
                    and militia_before.sentence == c.sentence)  # مقتل 5 من الميليشيات وإصابة 3 آخرين
                c.category = "fighter" if militia else "other"
                militia_before = c if militia else None

    @functools.cached_property
    def _syria_mentions(self) -> int:
        """How many times the report names Syria, the Syrians or the regime (:data:`SYRIA_NAMED`)."""
        return sum(1 for _ in SYRIA_NAMED.finditer(self.text))

    @functools.cached_property
    def _set_abroad(self) -> bool:
        """The report is set abroad: naming neither Syria nor the Syrians, its places abroad are
        at least twice those of Syria (a village's name may be a common word: ``القدم``,
        ``كسب``); naming Syria in passing, three places abroad at least and
        :data:`_ABROAD_SHARE` times Syria's mentions and places. A name of both sides counts for
        neither."""
        names = self._place_names
        if not self._syria_mentions:
            distinct = set(names)
            out = sum(map(abroad, distinct))
            return out >= 1 and out >= 2 * sum(map(_home, distinct))
        out = sum(map(abroad, names))
        return out >= 3 and out >= _ABROAD_SHARE * (sum(map(_home, names)) + self._syria_mentions)

    def _sentence_in_syria(self, c: CountNode) -> bool:
        """The count's sentence names Syria (:data:`SYRIA_NAMED`) or a governorate, city or town of it."""
        lo, hi = self._sentence_chars(c)
        if SYRIA_NAMED.search(self.text, lo, hi):
            return True
        towns = _syrian_towns()
        return any(any(x in towns for x in variants(key(p.text))) and not abroad(p.text)
                   for p in self._all_places.between(lo, hi))

    def _places_of(self, c: CountNode) -> list[Span]:
        """The count's place, else the places of its sentence."""
        if c.location is not None:
            return [c.location]
        return self._all_places.between(*self._sentence_chars(c))

    def _sentence_chars(self, c: CountNode) -> tuple[int, int]:
        """Where the count's sentence starts and ends in the text."""
        a, b = self.view.sentence_bounds(min(c.t0, len(self.view) - 1))
        return self.view[a].start, self.view[b - 1].end if b > a else self.view[a].end

    @functools.cached_property
    def _place_names(self) -> list[str]:
        """The folded names of the report's places, in text order."""
        return [key(p.text) for p in self._all_places.spans]

    @functools.cached_property
    def _all_places(self) -> ByStart:
        return ByStart(self.by_label.get("PLACE", []))
