"""Building blocks and sentence patterns of the synthetic report generator.

Text is built by appending pieces to a :class:`Builder`, which records each
span's offsets as it is appended (nothing is searched for afterwards). A clitic
glued to a word (``و218``, ``بحلب``) is appended as plain text before the span.

A *pattern* is a function ``(ctx) -> None`` that appends one sentence with its
spans and relations; :data:`PATTERNS` holds them all by name, each in a
*family* (title, daily, toll, air, barrel, massacre, bomb, mine, assassination,
isis, shelling, turkey_sdf, israel, torture, detention, injured, other, clash).
Title patterns write a headline without the final full stop.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from hasila.schema import CountAttrs, Relation, Span
from hasila.synth.lexicon import (
    GROUPS,
    INTRO_TOLL,
    MONTHS,
    NON_ACTOR_GROUPS,
    NOUNS,
    QUALIFIERS,
    SOURCES,
    WEEKDAYS,
    Noun,
    group_thousands,
    noun_form,
    number_words,
    to_indic,
    words_supported,
)
from hasila.text.gazetteer import Place

# --------------------------------------------------------------------------- builder

_LAM_CLITIC = re.compile(r"(?:^|[\s\"«(])[وف]?ل$")


class Builder:
    """Appends text and records spans and relations at the current offset."""

    __slots__ = ("_counters", "parts", "pos", "relations", "spans")

    _PREFIX: ClassVar[dict[str, str]] = {"COUNT": "c", "CATEGORY": "k", "ACTOR": "a", "PLACE": "p"}

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[Span] = []
        self.relations: list[Relation] = []
        self._counters = {"c": 0, "k": 0, "a": 0, "p": 0}

    def t(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def span(self, surface: str, label: str, count: CountAttrs | None = None) -> str:
        """Append ``surface`` as a span. After a glued preposition ل, a word
        with the article loses its alef (ل + النظام → للنظام) and the span
        starts after the preposition (``لنظام``), as the guide marks it."""
        if not surface or surface != surface.strip():
            raise ValueError(f"bad span surface {surface!r}")
        if surface.startswith("ال") and self.parts and self._after_lam():
            surface = surface[1:]
        prefix = self._PREFIX[label]
        self._counters[prefix] += 1
        span_id = f"{prefix}{self._counters[prefix]}"
        self.spans.append(Span(self.pos, self.pos + len(surface), label, surface, id=span_id, count=count))
        self.t(surface)
        return span_id

    def _after_lam(self) -> bool:
        tail = (self.parts[-2][-3:] if len(self.parts) > 1 else "") + self.parts[-1]
        return _LAM_CLITIC.search(tail) is not None

    def rel(self, from_id: str, to_id: str, rel_type: str) -> None:
        self.relations.append(Relation(from_id, to_id, rel_type))

    def text(self) -> str:
        return "".join(self.parts)

    def ends_with(self, suffix: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(suffix)


# --------------------------------------------------------------------------- world


@dataclass
class ActorRef:
    """One armed party of ``configs/actors.yaml`` (see the comments there)."""

    id: str
    category: str
    affiliation: bool = True
    perpetrator: bool = True
    names: list[str] = field(default_factory=list)
    allies: list[str] = field(default_factory=list)
    air: list[str] = field(default_factory=list)
    helicopter: list[str] = field(default_factory=list)
    drone: list[str] = field(default_factory=list)
    ground: list[str] = field(default_factory=list)
    gunmen: list[str] = field(default_factory=list)

    def phrases(self) -> list[str]:
        """Every phrase of this actor (names and perpetrator phrases)."""
        return [*self.names, *self.allies, *self.air, *self.helicopter, *self.drone, *self.ground,
                *self.gunmen]


@dataclass
class World:
    """Places and actors, indexed for quick random choice."""

    actors: dict[str, ActorRef]
    governorates: list[Place]
    settlements: dict[str, list[Place]]  # governorate -> cities, towns, villages
    neighbourhoods: dict[str, list[Place]]
    camps: list[Place]
    regions: list[Place]
    fronts: list[Place]
    sites: list[Place]
    countries: list[Place]

    @classmethod
    def build(cls, places: list[Place], actors: list[ActorRef]) -> World:
        settlements: dict[str, list[Place]] = {}
        neighbourhoods: dict[str, list[Place]] = {}
        for p in places:
            if p.kind in ("city", "town", "village") and p.governorate:
                settlements.setdefault(p.governorate, []).append(p)
            elif p.kind == "neighbourhood" and p.governorate:
                neighbourhoods.setdefault(p.governorate, []).append(p)
        return cls(
            actors={a.id: a for a in actors},
            governorates=[p for p in places if p.kind == "governorate"],
            settlements=settlements,
            neighbourhoods=neighbourhoods,
            camps=[p for p in places if p.kind == "camp"],
            regions=[p for p in places if p.kind == "region" and not p.name.startswith("الريف")],
            fronts=[p for p in places if p.kind == "front"],
            sites=[p for p in places if p.kind == "site" and not any(ch.isdigit() for ch in p.name)],
            countries=[p for p in places if p.kind == "country" and p.name != "سوريا"],
        )


# --------------------------------------------------------------------------- settings


@dataclass
class Style:
    """Probabilities of surface choices (the ``style`` section of configs/synth.yaml).

    Counts are written in words with ``p_words`` (when the value can be spelled),
    otherwise in digits, Arabic-Indic with ``p_indic`` and with a thousands
    separator with ``p_thousands_sep``; after digits the noun is the bare
    singular (monitor style) with ``p_sohr_singular``."""

    p_indic: float = 0.08
    p_words: float = 0.2
    p_thousands_sep: float = 0.1
    p_qualifier: float = 0.3
    p_sohr_singular: float = 0.5
    p_tanween: float = 0.7
    p_year_like: float = 0.08
    p_distractor: float = 0.5
    p_dual: float = 0.8
    p_vague: float = 0.15


@dataclass
class Cnt:
    """A COUNT emitted into the text."""

    id: str
    value: int
    category: str
    status: str


# --------------------------------------------------------------------------- context


_DIRECTIONS = ("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالي الشرقي", "الشمالي الغربي",
               "الجنوبي الشرقي", "الجنوبي الغربي")
_NISBA = {"حماة": "الحموي", "إدلب": "الإدلبي", "حلب": "الحلبي", "حمص": "الحمصي"}
_GOV_WEIGHTS = {"إدلب": 8, "حماة": 5, "حلب": 6, "ريف دمشق": 4, "درعا": 4, "دير الزور": 5, "الرقة": 3,
                "الحسكة": 3, "حمص": 3, "اللاذقية": 2, "دمشق": 2, "القنيطرة": 1, "السويداء": 1, "طرطوس": 0.3}
_NEIGHBOURS = {"إدلب": ("حماة", "حلب", "اللاذقية"), "حماة": ("إدلب", "حمص", "حلب"), "حلب": ("إدلب", "الرقة"),
               "الرقة": ("دير الزور", "الحسكة", "حلب"), "دير الزور": ("الرقة", "الحسكة"),
               "الحسكة": ("دير الزور", "الرقة"), "درعا": ("القنيطرة", "السويداء"), "القنيطرة": ("درعا",),
               "السويداء": ("درعا",), "حمص": ("حماة",), "اللاذقية": ("إدلب", "حماة")}
_SETTLEMENT_CUE = {"city": ("مدينة",), "town": ("بلدة", "بلدة", "مدينة"), "village": ("قرية", "قرية", "بلدة")}


@dataclass
class Ctx:
    """The state of one report under construction."""

    rng: random.Random
    world: World
    style: Style
    b: Builder = field(default_factory=Builder)
    gov: str = "إدلب"
    year: int = 2019
    month: int = 11
    used: list[str] = field(default_factory=list)
    distractors: list[list[Any]] = field(default_factory=list)

    # -- randomness ------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq: Any) -> Any:
        return seq[int(self.rng.random() * len(seq))]

    def small(self, lo: int = 3, hi: int = 30) -> int:
        return self.rng.randint(lo, hi)

    def big(self, lo: int = 100, hi: int = 5000) -> int:
        return int(lo * (hi / lo) ** self.rng.random())

    def t(self, text: str) -> None:
        self.b.t(text)

    # -- numbers ---------------------------------------------------------------
    def digits(self, value: int) -> str:
        r = self.rng.random()
        indic = r < self.style.p_indic
        if value >= 1000 and self.chance(self.style.p_thousands_sep):
            return group_thousands(value, indic)
        return to_indic(str(value)) if indic else str(value)

    def number(self, value: int, noun: Noun | None, case: str, words_ok: bool = True) -> tuple[str, str]:
        """(number surface, noun surface or "") with agreement; the noun may be
        empty when ``noun`` is None."""
        use_words = words_ok and words_supported(value) and self.rng.random() < self.style.p_words
        if use_words:
            num = number_words(value, noun.fem if noun else False, case, self.rng)
            style = "strict"
        else:
            if value >= 11000 and value % 1000 == 0 and self.chance(0.6):
                num = f"{self.digits(value // 1000)} ألف"
                style = "strict"
            else:
                num = self.digits(value)
                style = "sohr" if self.chance(self.style.p_sohr_singular) else "strict"
        if noun is None:
            return num, ""
        if num.endswith(("ألف", "آلاف", "ألفي")):
            return num, noun.sg
        return num, noun_form(noun, value, style, self.rng, self.style.p_tanween)

    def qualifier(self, allowed: bool = True) -> tuple[str, str, str] | None:
        if not allowed or not self.chance(self.style.p_qualifier):
            return None
        q = self.pick(QUALIFIERS)
        if q[1] == "at_most" and self.chance(0.8):
            q = QUALIFIERS[0]
        return q

    # -- counts ------------------------------------------------------------------
    def count(self, value: int, noun: Noun | None, status: str, cat: str | None = None, *,
              case: str = "gen", qual: bool = True, dual_ok: bool = True, vague_ok: bool = False,
              words_ok: bool = True, post_qual_ok: bool = True, force_dual: bool = False) -> Cnt:
        """Append ``[qualifier] NUMBER [NOUN] [على الأقل]`` and return the COUNT.

        ``cat`` defaults to the noun's category (``people`` without a noun)."""
        b = self.b
        cat = cat or (noun.category if noun else "people")
        if value < 1:
            raise ValueError(f"cannot count {value}")
        if noun is not None and status not in noun.statuses:
            raise ValueError(f"{noun.key} cannot have status {status}")
        if noun is not None and value == 1:
            return self._one(noun, status, cat, case)
        if value == 2 and noun is not None:
            if noun.dual is None or not dual_ok or not (force_dual or self.chance(self.style.p_dual)):
                return self._two(noun, status, cat, case)
            cid = b.span(noun.dual_form(case) or noun.dual, "COUNT", CountAttrs(2, status, "exact", cat))
            return Cnt(cid, 2, cat, status)
        if vague_ok and noun is not None and self.chance(self.style.p_vague):
            return self._vague(noun, status, cat)
        q = self.qualifier(qual)
        if q is not None and q[2] == "post" and not post_qual_ok:
            q = None
        if q is not None and q[0] == "على الأقل" and q[2] == "pre" and case == "gen":
            q = QUALIFIERS[0]  # not "إلى على الأقل 5": after a preposition it follows the noun
            if not post_qual_ok:
                q = None
        qualifier = q[1] if q else "exact"
        if q is not None and q[2] == "pre":
            b.t(q[0] + " ")
            case = "gen"
        num, noun_text = self.number(value, noun, case, words_ok)
        cid = b.span(num, "COUNT", CountAttrs(value, status, qualifier, cat))
        if noun_text:
            b.t(" ")
            kid = b.span(noun_text, "CATEGORY")
            b.rel(cid, kid, "category")
        if q is not None and q[2] == "post":
            b.t(" " + q[0])
        return Cnt(cid, value, cat, status)

    def _one(self, noun: Noun, status: str, cat: str, case: str) -> Cnt:
        """``طفل واحد`` / ``طفلاً واحداً``: the noun, then ``واحد`` as the COUNT."""
        acc = case == "acc" and not noun.fem
        kid = self.b.span(noun.acc if acc else noun.sg, "CATEGORY")
        self.t(" ")
        word = ("واحدة" if noun.fem else ("واحداً" if acc else "واحد"))
        cid = self.b.span(word, "COUNT", CountAttrs(1, status, "exact", cat))
        self.b.rel(cid, kid, "category")
        return Cnt(cid, 1, cat, status)

    def _two(self, noun: Noun, status: str, cat: str, case: str) -> Cnt:
        """``اثنين من المدنيين`` (or ``2 من المدنيين``)."""
        if self.chance(0.3):
            num = self.digits(2)
        elif noun.fem:
            num = "اثنتان" if case == "nom" else "اثنتين"
        else:
            num = "اثنان" if case == "nom" else "اثنين"
        cid = self.b.span(num, "COUNT", CountAttrs(2, status, "exact", cat))
        self.t(" من ")
        if noun.key == "martyr":  # not "اثنان من الشهداء"
            noun = NOUNS["civilian"]
        kid = self.b.span(noun.definite, "CATEGORY")
        self.b.rel(cid, kid, "category")
        return Cnt(cid, 2, cat, status)

    def _vague(self, noun: Noun, status: str, cat: str) -> Cnt:
        b = self.b
        form = self.rng.random()
        if form < 0.45:
            word, value = self.pick((("عشرات", 10), ("مئات", 100), ("عشرات", 10)))
            cid = b.span(word, "COUNT", CountAttrs(value, status, "at_least", cat))
            b.t(" ")
        else:
            word, value = self.pick((("العشرات", 10), ("المئات", 100), ("الآلاف", 1000)))
            cid = b.span(word, "COUNT", CountAttrs(value, status, "at_least", cat))
            b.t(" من ")
        kid = b.span(noun.definite, "CATEGORY")
        b.rel(cid, kid, "category")
        return Cnt(cid, value, cat, status)

    def bare_count(self, value: int, cat: str, status: str, case: str = "gen", qual: bool = False) -> Cnt:
        """A number with no noun (``و91 بينهم ...``, ``وإصابة 20 آخرين``)."""
        q = self.qualifier(qual)
        if q is not None and q[2] == "post":
            q = None
        if q is not None:
            self.t(q[0] + " ")
        num, _ = self.number(value, None, case)
        cid = self.b.span(num, "COUNT", CountAttrs(value, status, q[1] if q else "exact", cat))
        return Cnt(cid, value, cat, status)

    def group_count(self, value: int, group: str, cat: str, status: str, case: str = "gen",
                    qual: bool = True) -> Cnt:
        """``N من GROUP`` where the group is the CATEGORY (``9 من الدفاع المدني``)."""
        q = self.qualifier(qual)
        if q is not None and q[2] == "pre":
            self.t(q[0] + " ")
        num, _ = self.number(value, None, case)
        cid = self.b.span(num, "COUNT", CountAttrs(value, status, q[1] if q else "exact", cat))
        if q is not None and q[2] == "post":
            self.t(" " + q[0])
        self.t(" من ")
        kid = self.b.span(group, "CATEGORY")
        self.b.rel(cid, kid, "category")
        return Cnt(cid, value, cat, status)

    def member_count(self, value: int, actor: ActorRef, status: str, *, noun: Noun | None = None,
                     case: str = "gen", qual: bool = True, allies: bool | None = None,
                     name: str | None = None) -> Cnt:
        """``N عنصراً من ACTOR [والمسلحين الموالين لها]`` with affiliation."""
        if value == 2:
            noun = NOUNS["member"]
        elif noun is None:
            keys = ("member", "member", "member", "fighter") if actor.category != "fighter" else \
                ("fighter", "fighter", "member")
            noun = NOUNS[self.pick(keys)]
        c = self.count(value, noun, status, actor.category, case=case, qual=qual, force_dual=True)
        self.t(" من ")
        aids = self.actor_names(actor, allies=allies, name=name)
        for aid in aids:
            self.b.rel(c.id, aid, "affiliation")
        return c

    def actor_names(self, actor: ActorRef, allies: bool | None = None, name: str | None = None,
                    clitic: str = "") -> list[str]:
        """Append the actor's name (and maybe ``وALLY``); return the ACTOR ids."""
        ids = [self.actor(name or self.pick(actor.names), clitic)]
        if actor.allies and (allies if allies is not None else self.chance(0.5)):
            self.t(" و")
            ids.append(self.actor(self.pick(actor.allies)))
        return ids

    def actor(self, phrase: str, clitic: str = "", case: str = "gen") -> str:
        """Append an ACTOR span with an optional glued clitic (ل + ال → لل)."""
        if "|" in phrase:
            nom, gen = phrase.split("|", 1)
            phrase = nom if case == "nom" else gen
        self.t(clitic)
        return self.b.span(phrase, "ACTOR")

    def link(self, counts: list[Cnt], target: str | None, rel: str) -> None:
        if target is None:
            return
        for c in counts:
            self.b.rel(c.id, target, rel)

    def copy_rel(self, src: Cnt, dst: Cnt, rel: str) -> None:
        """Give ``dst`` the ``rel`` targets of ``src`` (``وأصيب 15 آخرون`` shares the side)."""
        for r in [r for r in self.b.relations if r.from_id == src.id and r.type == rel]:
            self.b.rel(dst.id, r.to_id, rel)

    def parts(self, children: list[Cnt], parent: Cnt) -> None:
        for c in children:
            self.b.rel(c.id, parent.id, "part_of")

    # -- actors ------------------------------------------------------------------
    def act(self, actor_id: str) -> ActorRef:
        return self.world.actors[actor_id]

    def perp_phrase(self, actor_id: str, means: str) -> str:
        actor = self.act(actor_id)
        phrases = (getattr(actor, means) if means != "names" else None) or actor.names or actor.gunmen
        return self.pick(phrases)

    def perp(self, actor_id: str, means: str, clitic: str = "", case: str = "gen") -> str:
        """Append a perpetrator phrase of ``means`` (names, air, helicopter, drone,
        ground, gunmen)."""
        return self.actor(self.perp_phrase(actor_id, means), clitic, case)

    def agent(self, actor_id: str, means: str, masc: str, fem: str, case: str = "nom") -> str:
        """Append ``VERB ACTOR`` with the verb agreeing with the actor phrase
        (``ألقت الطائرات المروحية`` / ``ألقى الطيران المروحي``)."""
        phrase = self.perp_phrase(actor_id, means)
        self.t((fem if is_feminine(phrase) else masc) + " ")
        return self.actor(phrase, "", case)

    # -- places ------------------------------------------------------------------
    def pick_gov(self, among: tuple[str, ...] | None = None) -> str:
        if among:
            return self.pick(among)
        govs = list(_GOV_WEIGHTS)
        weights = [_GOV_WEIGHTS[g] for g in govs]
        return self.rng.choices(govs, weights)[0]

    def settlement(self, gov: str | None = None) -> Place:
        gov = gov or self.gov
        items = self.world.settlements.get(gov) or self.world.settlements["إدلب"]
        return self.pick(items)

    def countryside(self, gov: str, clitic: str = "", direction: bool = True) -> str:
        """Append ``ريف X [direction]`` (or a region of Rif Dimashq) as one PLACE."""
        if gov == "دمشق":
            gov = "ريف دمشق"
        if gov == "ريف دمشق":
            if self.chance(0.4):
                self.t(clitic)
                return self.b.span(self.pick(("الغوطة الشرقية", "القلمون", "الغوطة الغربية", "وادي بردى")),
                                   "PLACE")
            text = "ريف دمشق"
        elif gov in _NISBA and self.chance(0.1):
            self.t(clitic)
            return self.b.span(f"الريف {_NISBA[gov]}", "PLACE")
        else:
            text = f"ريف {gov}"
        if direction and self.chance(0.8):
            text += " " + self.pick(_DIRECTIONS)
        self.t(clitic)
        return self.b.span(text, "PLACE")

    def place(self, prep: str = "في ", gov: str | None = None, kinds: str = "any") -> str:
        """Append a place phrase after ``prep`` and return the most specific PLACE id.

        ``kinds``: ``any`` (weighted mix), ``settlement``, ``rural``, ``urban``
        (neighbourhoods), ``badia`` (desert, camps and eastern regions)."""
        gov = gov or self.gov
        r = self.rng.random()
        if kinds == "badia":
            return self._badia(prep)
        if kinds == "rural" or (kinds == "any" and r < 0.22):
            self.t(prep)
            if self.chance(0.12) and gov in _NEIGHBOURS:
                pid = self.b.span(f"ريفي {gov} و{self.pick(_NEIGHBOURS[gov])}", "PLACE")
                return pid
            return self.countryside(gov)
        if kinds == "urban" or (kinds == "any" and r < 0.3):
            hoods = self.world.neighbourhoods.get(gov if gov in self.world.neighbourhoods else "دمشق", [])
            if hoods:
                hood = self.pick(hoods)
                self.t(prep)
                pid = self.b.span(hood.name, "PLACE")
                city = hood.governorate or "دمشق"
                if city == "ريف دمشق":
                    return pid
                form = self.rng.random()
                if form < 0.4:
                    self.t(" ب")
                    self.b.span(city, "PLACE")
                elif form < 0.6:
                    self.t(" في مدينة ")
                    self.b.span(city, "PLACE")
                elif form < 0.7 and city == "دمشق":
                    self.t(" في العاصمة ")
                    self.b.span(city, "PLACE")
                return pid
        if kinds == "any" and r < 0.36:
            cues = ("محافظة ", "") if gov == "ريف دمشق" else ("محافظة ", "مدينة ", "")
            self.t(prep + self.pick(cues))
            return self.b.span(gov, "PLACE")
        if kinds == "any" and r < 0.42:
            return self._region(prep, gov)
        # settlement with optional countryside
        town = self.settlement(gov)
        self.t(prep)
        cue = self.pick(_SETTLEMENT_CUE[town.kind])
        two = self.chance(0.12) and cue in ("بلدة", "قرية")
        if two:
            self.t(cue[:-1] + "تي ")
        elif self.chance(0.85):
            self.t(cue + " ")
        pid = self.b.span(town.name, "PLACE")
        if two:
            other = self.settlement(gov)
            if other.name != town.name:
                self.t(" و")
                self.b.span(other.name, "PLACE")
        if town.governorate and self.chance(0.75):
            form = self.rng.random()
            if form < 0.55:
                self.countryside(town.governorate, " ب")
            elif form < 0.75:
                self.t(" في ")
                self.countryside(town.governorate)
            elif form < 0.9:
                self.t(self.pick((" بمحافظة ", " في محافظة ", " ضمن محافظة ")))
                self.b.span(town.governorate, "PLACE")
            else:
                self.t(" " + self.pick(("شمال", "جنوب", "شرق", "غرب", "شمال غرب", "جنوب شرق")) + " ")
                self.b.span(town.governorate, "PLACE")
        return pid

    def _region(self, prep: str, gov: str) -> str:
        regs = [p for p in self.world.regions if p.governorate == gov] or self.world.regions
        reg = self.pick(regs)
        self.t(prep)
        if reg.name.startswith("منطقة") or reg.name.startswith("المنطقة"):
            return self.b.span(reg.name, "PLACE")
        return self.b.span(reg.name, "PLACE")

    def _badia(self, prep: str) -> str:
        r = self.rng.random()
        self.t(prep)
        if r < 0.35:
            return self.b.span(self.pick(("البادية السورية", "البادية", "بادية الشام")), "PLACE")
        if r < 0.6:
            return self.b.span("بادية " + self.pick(("الميادين", "البوكمال", "السخنة", "تدمر", "حمص",
                                                     "دير الزور", "الرقة", "السويداء")), "PLACE")
        if r < 0.75:
            camp = self.pick([c for c in self.world.camps if c.name in ("مخيم الركبان", "مخيم الهول")]
                             or self.world.camps)
            return self.b.span(camp.name, "PLACE")
        town = self.settlement(self.pick(("دير الزور", "دير الزور", "حمص", "الرقة", "الحسكة")))
        self.t(self.pick(_SETTLEMENT_CUE[town.kind]) + " ")
        pid = self.b.span(town.name, "PLACE")
        if self.chance(0.6) and town.governorate:
            self.countryside(town.governorate, " ب")
        return pid

    # -- dates and distractors ---------------------------------------------------
    def mark(self, text: str, kind: str) -> None:
        """Append a number that is not a COUNT and remember where it is."""
        self.distractors.append([self.b.pos, self.b.pos + len(text), kind])
        self.t(text)

    def small_num(self, value: int, words: bool = True) -> str:
        if words and 3 <= value <= 10 and self.chance(0.3):
            return number_words(value, False, "gen", self.rng)
        return to_indic(str(value)) if self.chance(self.style.p_indic) else str(value)

    def date(self) -> None:
        """Append a date such as ``يوم السبت 30 تشرين الثاني/نوفمبر`` (numbers marked)."""
        day = self.rng.randint(1, 28)
        m_ar, m_en = MONTHS[self.month - 1]
        form = self.rng.random()
        if form < 0.35:
            self.t(f"يوم {self.pick(WEEKDAYS)} ")
            self.mark(self.small_num(day, False), "date")
            self.t(f" {m_ar}/{m_en}" if self.chance(0.5) else f" {m_en}/{m_ar}")
        elif form < 0.6:
            self.t("في ")
            self.mark(self.small_num(day, False), "date")
            self.t(f" {self.pick((m_ar, m_en))} ")
            self.mark(str(self.year), "year")
        elif form < 0.75:
            self.t("بتاريخ ")
            self.mark(f"{day}/{self.month}/{self.year}", "date")
        else:
            self.t(f"يوم {self.pick(WEEKDAYS)}")

    def distractor(self) -> None:
        """Append a short clause with a number that counts no people."""
        k = self.rng.random()
        if k < 0.18:
            self.t("، بعد ")
            self.t(self.pick(("تنفيذ ", "شن ")))
            n = self.rng.randint(3, 60)
            self.mark(self.small_num(n), "strikes")
            self.t(" " + ("غارات" if n <= 10 else "غارة") + " جوية على المنطقة")
        elif k < 0.32:
            self.t("، تزامناً مع سقوط ")
            n = self.rng.randint(3, 120)
            self.t(self.pick(("أكثر من ", "نحو ", "")))
            self.mark(self.small_num(n), "shells")
            self.t(" " + ("قذائف" if n <= 10 else "قذيفة"))
        elif k < 0.46:
            self.t(self.pick(("، خلال الـ", "، خلال ")))
            self.mark(self.pick(("24", "48", "72", "12", "٢٤")), "duration")
            self.t(" ساعة الماضية")
        elif k < 0.56:
            self.t("، وذلك لليوم الـ")
            self.mark(str(self.rng.randint(2, 40)), "ordinal")
            self.t(" على التوالي")
        elif k < 0.66:
            self.t("، منذ ")
            n = self.rng.randint(3, 10)
            self.mark(self.small_num(n), "duration")
            self.t(" " + self.pick(("أيام", "أسابيع", "أشهر")))
        elif k < 0.74:
            self.t("، في الساعة ")
            self.mark(str(self.rng.randint(1, 12)), "time")
            self.t(" من " + self.pick(("فجر", "صباح", "مساء", "ليل")) + " اليوم")
        elif k < 0.82:
            self.t("، على بعد ")
            self.mark(str(self.rng.randint(2, 80)), "distance")
            self.t(" كلم من خطوط التماس")
        elif k < 0.9:
            self.t("، وسط دمار طال نحو ")
            self.mark(str(self.rng.randint(20, 95)), "percent")
            self.t(self.pick(("% من المباني", " في المئة من المنازل", "٪ من الأحياء")))
        else:
            self.t("، منذ مطلع العام ")
            self.mark(str(self.year), "year")

    def age(self) -> None:
        self.t(self.pick((" يبلغ من العمر ", " في الـ", " (")))
        last = self.b.parts[-1]
        n = self.rng.randint(7, 70)
        self.mark(str(n), "age")
        if last == " (":
            self.t(" عاماً)")
        elif last == " في الـ":
            self.t(" من عمره")
        else:
            self.t(" عاماً")

    def source(self) -> None:
        self.t(self.pick(SOURCES))

    def maybe_distractor(self) -> None:
        if self.chance(self.style.p_distractor):
            self.distractor()

    def end(self, mark: str = ".") -> None:
        self.t(mark)


_FEM_HEADS = frozenset((
    "طائرات", "الطائرات", "طائرة", "مروحيات", "المروحيات", "مقاتلات", "المقاتلات", "قوات", "القوات", "خلايا",
    "الخلايا", "مسيرة", "الفصائل", "فصائل", "هيئة", "المجموعات", "الميليشيات", "المدفعية", "الجندرما",
    "الشرطة", "وحدات", "الوحدات", "الأجهزة", "راجمات", "عصابة", "الجبهة", "حركة", "فرقة", "الفرقة", "قسد",
    "عناصر", "الجيش", "المعارضة",
))
_MASC_OVERRIDE = frozenset(("الجيش",))


def is_feminine(phrase: str) -> bool:
    """Whether a verb before this actor phrase takes the feminine (plural
    non-human and feminine heads: ``قصفت قوات النظام``, ``قصف الجيش التركي``)."""
    head = phrase.split("|")[0].split()[0]
    return head in _FEM_HEADS and head not in _MASC_OVERRIDE


# --------------------------------------------------------------------------- registry

Pattern = Callable[[Ctx], None]
PATTERNS: dict[str, tuple[str, Pattern]] = {}


def pattern(family: str) -> Callable[[Pattern], Pattern]:
    def deco(fn: Pattern) -> Pattern:
        name = fn.__name__.removeprefix("p_")
        if name in PATTERNS:
            raise ValueError(f"duplicate pattern {name}")
        PATTERNS[name] = (family, fn)
        return fn
    return deco


def split(total: int, rng: random.Random, parts: int, fill: float = 0.9) -> list[int]:
    """``parts`` positive values whose sum is at most ``total`` (about ``fill`` of it)."""
    if total < parts * 3:
        return [1] * min(parts, total)
    weights = [rng.random() + 0.3 for _ in range(parts)]
    budget = int(total * (fill + (1 - fill) * rng.random()))
    s = sum(weights)
    values = [max(1, int(budget * w / s)) for w in weights]
    while sum(values) > total:
        i = values.index(max(values))
        values[i] -= 1
    return values


def share(total: int, rng: random.Random, lo: float, hi: float) -> int:
    """A part of ``total`` between ``lo`` and ``hi`` of it (at least 1, at most total)."""
    return max(1, min(total, int(total * (lo + (hi - lo) * rng.random()))))


def killed_noun(c: Ctx) -> Noun:
    return NOUNS[c.pick(("civilian", "civilian", "citizen", "person", "martyr"))]


def kill_verb_noun(c: Ctx, civilians: bool) -> str:
    if civilians:
        return c.pick(("استشهاد", "استشهاد", "مقتل", "سقوط"))
    return c.pick(("مقتل", "مصرع", "مقتل"))


def breakdown_women_children(c: Ctx, parent: Cnt, status: str, case: str = "nom",
                             connector: str | None = None) -> list[Cnt]:
    """Append ``، بينهم 5 أطفال و3 مواطنات`` for a civilian ``parent``."""
    if parent.value < 5:
        return []
    c.t(c.pick(("، ", " ", "، ")) + (connector or c.pick(("بينهم", "بينهم", "من ضمنهم", "منهم", "من بينهم"))) + " ")
    if c.chance(0.06):
        c.t(c.pick(("طفل", "طفلة", "سيدة", "امرأة")))  # a bare singular: not a COUNT in v1
        return []
    n_children, n_women = split(parent.value, c.rng, 2, fill=c.pick((0.3, 0.5, 0.7)))
    kids: list[Cnt] = []
    order = ["child", "woman"] if c.chance(0.6) else ["woman", "child"]
    if c.chance(0.25):
        order = order[:1]
    for i, which in enumerate(order):
        if i:
            c.t(" و")
        if which == "child":
            kids.append(c.count(n_children, NOUNS["child"], status, case=case, qual=False))
        else:
            kids.append(c.count(n_women, NOUNS[c.pick(("citizen_f", "citizen_f", "woman", "lady"))], status,
                                case=case, qual=False))
    c.parts(kids, parent)
    return kids


# =========================================================================== patterns
# Each pattern appends one sentence. Relations: every COUNT gets its category
# (by construction), part_of to its parent, affiliation/perpetrator to the
# ACTOR spans the sentence names for it, location to the most specific PLACE.

# --------------------------------------------------------------------------- daily updates


@pattern("daily")
def p_daily_air_civilians(c: Ctx) -> None:
    actor = c.pick(("regime", "regime", "russia"))
    c.t(c.pick(("استشهد ", "قضى ")))
    total = c.count(c.small(3, 25), killed_noun(c), "killed", case="nom")
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.6) else []
    frame = c.rng.random()
    if frame < 0.4:
        c.t(" جراء غارات ")
        aid = c.agent(actor, "air", "نفذها", "نفذتها")
        pid = c.place(" على ")
    elif frame < 0.7:
        c.t(" في قصف جوي من قبل ")
        aid = c.perp(actor, "air")
        pid = c.place(" على ")
    else:
        c.t(" إثر استهداف ")
        aid = c.perp(actor, "air")
        pid = c.place(" ل")
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("daily")
def p_daily_source_documented(c: Ctx) -> None:
    c.source()
    c.t(" " + kill_verb_noun(c, True) + " ")
    total = c.count(c.small(3, 40), killed_noun(c), "killed", qual=True)
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.5) else []
    c.t(" ")
    c.date()
    pid = c.place("، في ")
    actor = c.pick(("regime", "regime", "loyalists", "turkey"))
    if c.chance(0.4):
        c.t("، إثر قصف مدفعي ")
        aid = c.agent(actor, "ground", "نفذه", "نفذته")
    else:
        c.t(c.pick(("، جراء القصف الصاروخي من قبل ", "، بنيران ")))
        aid = c.perp(actor, "ground")
    c.link([total, *kids], pid, "location")
    c.link([total, *kids], aid, "perpetrator")
    c.end()


@pattern("title")
def p_daily_title_fighters(c: Ctx) -> None:
    c.t(c.pick(("مقتل ", "مصرع ")))
    actor = c.act(c.pick(("regime", "factions", "jihadists", "isis", "sdf")))
    cnt = c.member_count(c.small(3, 60), actor, "killed", allies=False)
    pid = c.place(c.pick((" في ", " ب")), kinds=c.pick(("any", "settlement", "rural")))
    c.link([cnt], pid, "location")
    if c.chance(0.3):
        c.t(" خلال ")
        c.mark("24", "duration")
        c.t(" ساعة")


@pattern("title")
def p_daily_title_toll(c: Ctx) -> None:
    c.t(c.pick(("ارتفاع حصيلة ", "ارتفاع عدد ضحايا ")))
    c.t(c.pick(("القصف على ", "الغارات على ", "المجزرة في ")))
    pid = c.place("", kinds="settlement")
    c.t(" إلى ")
    cnt = c.count(c.small(5, 60), NOUNS[c.pick(("martyr", "civilian", "person", "dead"))], "killed")
    c.link([cnt], pid, "location")
    if c.chance(0.5):
        breakdown_women_children(c, cnt, "killed", case="nom")


@pattern("daily")
def p_daily_died_of_wounds(c: Ctx) -> None:
    c.t("وفي سياق متصل، ")
    c.source()
    who, wounded = c.pick((("استشهاد مدني", "متأثراً بجراح أصيب"), ("استشهاد طفل", "متأثراً بجراح أصيب"),
                           ("وفاة مواطنة", "متأثرة بجراح أصيبت"), ("مقتل شاب", "متأثراً بجراح أصيب")))
    c.t(f" {who} من ")
    pid = c.place("", kinds="settlement")
    c.t(f" {wounded} بها جراء قصف ")
    c.perp(c.pick(("regime", "russia")), "air")
    c.t(" على " + c.pick(("البلدة", "المنطقة", "المدينة")) + " قبل ")
    c.mark(c.small_num(c.rng.randint(3, 9)), "duration")
    c.t(" " + c.pick(("أيام", "أسابيع", "أشهر")) + "، ")
    c.t(c.pick(("كما فارق ", "فيما فارق ")))
    cnt = c.count(c.small(3, 9), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", case="nom",
                  qual=False)
    c.t(" آخرون الحياة متأثرين بجراحهم")
    c.link([cnt], pid, "location")
    c.end()


@pattern("daily")
def p_daily_both_sides(c: Ctx) -> None:
    c.t(c.pick(("وخلفت الاشتباكات ", "كما خلفت المعارك العنيفة ")))
    c.t("خسائر بشرية في صفوف الطرفين، إذ قتل ")
    reg = c.member_count(c.small(5, 40), c.act("regime"), "killed", case="nom")
    c.t("، فيما " + c.pick(("قضى ", "قتل ", "قضى وقتل ")))
    opp = c.act(c.pick(("factions", "jihadists")))
    total = c.count(c.small(8, 50), NOUNS["fighter"], "killed", opp.category if opp.id == "jihadists" else "fighter",
                    case="nom")
    parts: list[Cnt] = []
    if opp.id == "factions" and c.chance(0.7):
        c.t(" " + c.pick(("بينهم", "من ضمنهم", "منهم")) + " ")
        parts.append(c.group_count(share(total.value, c.rng, 0.3, 0.9), c.pick(GROUPS["jihadist"]),
                                   "jihadist", "killed", case="nom", qual=False))
        c.parts(parts, total)
    pid = c.place(" على محاور في ", kinds="rural")
    c.link([reg, total, *parts], pid, "location")
    c.end()


@pattern("daily")
def p_daily_two_sides_about(c: Ctx) -> None:
    c.t(c.pick(("وأسفرت المعارك عن ", "ووثق المرصد ")))
    cnt = c.count(c.small(10, 80), NOUNS["dead"], "killed", "combatant", case="gen")
    c.t(" من " + c.pick(("الطرفين", "الجانبين", "كلا الطرفين")))
    pid = c.place(" في ", kinds=c.pick(("rural", "settlement")))
    c.link([cnt], pid, "location")
    c.t(" خلال ساعات قليلة")
    c.end()


@pattern("daily")
def p_daily_bare_then_breakdown(c: Ctx) -> None:
    c.t("واستشهد ")
    total = c.bare_count(c.small(6, 40), "civilian", "killed", case="nom")
    c.t(" " + c.pick(("من المدنيين", "من المواطنين", "من أبناء المنطقة")))
    kids = breakdown_women_children(c, total, "killed", connector="بينهم")
    pid = c.place(" في ", kinds="settlement")
    c.link([total, *kids], pid, "location")
    c.maybe_distractor()
    c.end()


# --------------------------------------------------------------------------- cumulative tolls


def _toll_intro(c: Ctx) -> None:
    c.t(c.pick(INTRO_TOLL) + " ")
    c.t(c.pick(("من قتلوا منذ بدء التصعيد الأعنف ضمن ", "الخسائر البشرية منذ بدء الحملة العسكرية على ",
                "القتلى منذ بدء العمليات العسكرية في ")))


def _toll_total(c: Ctx, lo: int = 400, hi: int = 6000) -> int:
    if c.chance(c.style.p_year_like):
        return c.rng.randint(1995, 2025)
    return c.big(lo, hi)


@pattern("toll")
def p_toll_nested_seed_style(c: Ctx) -> None:
    _toll_intro(c)
    pid = c.place("", kinds=c.pick(("rural", "any")))
    c.t(" في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[1]}، ")
    c.t("إلى ")
    total = c.count(_toll_total(c), NOUNS["person"], "killed", qual=False)
    c.t(c.pick(("، وهم: ", "، هم: ", "، وهم ")))
    civ_v, fight_v, reg_v = split(total.value, c.rng, 3, fill=c.pick((1.0, 0.95, 0.8)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    if c.chance(0.5):
        c.t(" ممن ")
        aid = c.agent(c.pick(("regime", "russia")), "air", "قتلهم", "قتلتهم")
        c.link([civ, *kids], aid, "perpetrator")
    c.t("، و")
    fighters = c.count(fight_v, NOUNS["fighter"], "killed", case="nom", qual=False)
    sub: list[Cnt] = []
    if c.chance(0.7):
        c.t(" " + c.pick(("بينهم", "من ضمنهم", "منهم")) + " ")
        sub.append(c.group_count(share(fight_v, c.rng, 0.4, 0.9), c.pick(GROUPS["jihadist"]), "jihadist",
                                 "killed", case="nom", qual=False))
        c.parts(sub, fighters)
    c.t("، و")
    if c.chance(0.5):
        reg = c.group_count(reg_v, c.pick(("قوات النظام والمسلحين الموالين لها", "قوات النظام",
                                           "قوات النظام والمسلحين الموالين")), "regime", "killed",
                            case="nom", qual=False)
    else:
        reg = c.member_count(reg_v, c.act("regime"), "killed", case="nom", qual=False, allies=True)
    c.parts([civ, fighters, reg], total)
    c.link([total], pid, "location")
    c.end()


def _perp_part(c: Ctx, parent: Cnt, value: int, means: str, actor: str) -> list[Cnt]:
    """A bare part of a total with its own breakdown and the means and actor that killed them."""
    part = c.bare_count(value, parent.category, "killed", case="nom")
    subs: list[Cnt] = []
    if value >= 10:
        c.t(" بينهم ")
        n_child, n_woman, n_rescue = split(value, c.rng, 3, fill=c.pick((0.3, 0.5)))
        subs.append(c.count(n_child, NOUNS["child"], "killed", case="nom", qual=False))
        c.t(" و")
        subs.append(c.count(n_woman, NOUNS["citizen_f"], "killed", case="nom", qual=False))
        if c.chance(0.35) and n_rescue >= 3:
            c.t(" و")
            subs.append(c.group_count(n_rescue, c.pick(GROUPS["rescue"]), "rescue", "killed", case="nom",
                                      qual=False))
        c.parts(subs, part)
    if means == "helicopter":
        c.t(" استشهدوا في البراميل المتفجرة من قبل ")
    elif means == "air":
        c.t(c.pick((" استشهدوا في استهداف ", " قضوا في القصف الجوي من قبل ")))
    else:
        c.t(" استشهدوا في القصف البري من قبل ")
    aid = c.perp(actor, means)
    c.link([part, *subs], aid, "perpetrator")
    c.parts([part], parent)
    return [part, *subs]


@pattern("toll")
def p_toll_by_perpetrator(c: Ctx) -> None:
    c.t(c.pick(("ومن ضمن حصيلة المدنيين ", "وتوزعت حصيلة الشهداء المدنيين ")))
    c.t("البالغة ")
    civ = c.count(c.big(300, 3000), NOUNS["civilian"], "killed", qual=False)
    c.t("، على النحو التالي: ")
    a, b_, d = split(civ.value, c.rng, 3, fill=c.pick((0.9, 1.0)))
    _perp_part(c, civ, a, "air", c.pick(("russia", "regime")))
    c.t("، و")
    _perp_part(c, civ, b_, "helicopter", "regime")
    c.t("، و")
    _perp_part(c, civ, d, "ground", "regime")
    c.end()


@pattern("toll")
def p_toll_rise_to(c: Ctx) -> None:
    c.t("ليرتفع إلى ")
    total = c.count(_toll_total(c, 50, 1500), NOUNS[c.pick(("civilian", "martyr", "citizen"))], "killed",
                    qual=False)
    c.t(c.pick((" عدد الشهداء المدنيين", " عدد المدنيين")) + " الذين ")
    c.t(c.pick(("وثقهم المرصد السوري", "قضوا", "استشهدوا")))
    c.t(" منذ بدء التصعيد في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[0]}")
    kids = breakdown_women_children(c, total, "killed", case="nom")
    pid = c.place("، في ", kinds="rural")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("toll")
def p_toll_monthly(c: Ctx) -> None:
    m_ar, m_en = MONTHS[c.month - 1]
    c.t(f"وثق المرصد السوري خلال شهر {c.pick((m_ar, m_en))} من العام ")
    c.mark(str(c.year), "year")
    c.t(" " + c.pick(("استشهاد ومقتل ", "مقتل ", "استشهاد ومصرع ومقتل ")))
    total = c.count(c.big(200, 3000), NOUNS["person"], "killed", qual=True)
    c.t(c.pick(("، وهم: ", "، هم: ")))
    civ_v, reg_v, fac_v, isis_v = split(total.value, c.rng, 4, fill=c.pick((1.0, 0.9)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    c.t("، و")
    reg = c.member_count(reg_v, c.act("regime"), "killed", case="nom", qual=False)
    c.t("، و")
    fac = c.member_count(fac_v, c.act(c.pick(("factions", "jihadists"))), "killed", case="nom", qual=False,
                         noun=NOUNS["fighter"])
    c.t("، و")
    isis = c.member_count(isis_v, c.act("isis"), "killed", case="nom", qual=False)
    c.parts([civ, reg, fac, isis], total)
    del kids
    c.end()


@pattern("toll")
def p_toll_since_agreement(c: Ctx) -> None:
    c.t("كما وثق المرصد السوري، منذ بدء ")
    c.t(c.pick(("الاتفاق الروسي – التركي", "اتفاق خفض التصعيد", "الهدنة")))
    c.t(" في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[1]} ")
    c.mark(str(c.year - 1), "year")
    c.t("، " + c.pick(("مقتل ", "استشهاد ومقتل ")))
    total = c.count(_toll_total(c, 1000, 8000), NOUNS["person"], "killed", qual=False)
    pid = c.place(" في ", kinds="any")
    c.t("، وهم: ")
    civ_v, fight_v = split(total.value, c.rng, 2, fill=c.pick((0.8, 0.95)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    c.t("، و")
    fighters = c.count(fight_v, NOUNS["fighter"], "killed", case="nom", qual=False)
    c.t(" قضوا في ظروف مختلفة، " + c.pick(("من ضمنهم", "بينهم", "منهم")) + " ")
    jih = c.count(share(fight_v, c.rng, 0.3, 0.8), NOUNS["fighter"], "killed", "jihadist", case="nom",
                  qual=False)
    c.t(" من " + c.pick(("الجهاديين", "المجموعات الجهادية")))
    c.parts([jih], fighters)
    c.parts([civ, fighters], total)
    c.link([total, civ, *kids, fighters, jih], pid, "location")
    c.end()


@pattern("toll")
def p_toll_year_like_fighters(c: Ctx) -> None:
    c.t("و")
    total = c.count(c.rng.randint(1990, 2025), NOUNS["fighter"], "killed", qual=False, words_ok=False)
    c.t(" " + c.pick(("قضوا وقتلوا", "قتلوا", "لقوا مصرعهم")) + " في ظروف مختلفة ضمن ")
    pid = c.b.span(c.pick(("المنطقة منزوعة السلاح", "منطقة خفض التصعيد", "مناطق الهدنة الروسية التركية")), "PLACE")
    c.t("، " + c.pick(("من ضمنهم", "بينهم")) + " ")
    jih = c.count(share(total.value, c.rng, 0.4, 0.8), NOUNS["fighter"], "killed", "jihadist", case="nom",
                  qual=False)
    c.t(" من الجهاديين")
    c.parts([jih], total)
    c.link([total, jih], pid, "location")
    c.end()


@pattern("toll")
def p_toll_three_levels(c: Ctx) -> None:
    c.t("وبلغ عدد الخسائر البشرية ")
    total = c.count(c.big(500, 5000), NOUNS["person"], "killed", qual=c.chance(0.5))
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    civ = c.count(share(total.value, c.rng, 0.3, 0.7), NOUNS["civilian"], "killed", case="nom", qual=False)
    c.parts([civ], total)
    c.t(c.pick(("، من ضمنهم ", "، بينهم ")))
    sub = c.bare_count(share(civ.value, c.rng, 0.2, 0.6), "civilian", "killed", case="nom")
    c.parts([sub], civ)
    c.t(" " + c.pick(("استشهدوا", "قضوا")) + " في القصف الجوي ")
    aid = c.perp(c.pick(("russia", "regime")), "air", clitic="ل")
    c.link([sub], aid, "perpetrator")
    c.t("، " + c.pick(("بينهم", "منهم")) + " ")
    kids = []
    n_child, n_woman = split(sub.value, c.rng, 2, fill=0.6)
    kids.append(c.count(n_child, NOUNS["child"], "killed", case="nom", qual=False))
    c.t(" و")
    kids.append(c.count(n_woman, NOUNS["citizen_f"], "killed", case="nom", qual=False))
    c.parts(kids, sub)
    c.link(kids, aid, "perpetrator")
    c.end()


# --------------------------------------------------------------------------- air and drone strikes


@pattern("air")
def p_air_russian_strikes(c: Ctx) -> None:
    aid = c.agent("russia", "air", "نفذ", "نفذت")
    c.t(" ")
    n = c.rng.randint(3, 40)
    c.mark(c.small_num(n), "strikes")
    c.t(" " + ("غارات" if n <= 10 else "غارة") + " على ")
    pid = c.place("", kinds="settlement")
    c.t("، ما أدى إلى " + kill_verb_noun(c, True) + " ")
    total = c.count(c.small(3, 30), killed_noun(c), "killed", qual=True)
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.5) else []
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("air")
def p_air_regime_jets_injured(c: Ctx) -> None:
    c.t("وأسفرت غارات ")
    aid = c.perp("regime", "air")
    pid = c.place(" على ", kinds="settlement")
    c.t(" عن " + kill_verb_noun(c, True) + " ")
    dead = c.count(c.small(2, 20), killed_noun(c), "killed")
    c.t(" وإصابة ")
    inj = c.bare_count(c.small(5, 50), dead.category, "injured", case="gen", qual=True)
    c.t(" " + c.pick(("آخرين", "آخرين بجروح", "آخرين بجراح متفاوتة")))
    c.link([dead, inj], aid, "perpetrator")
    c.link([dead, inj], pid, "location")
    c.t("، " + c.pick(("بعضهم في حالات خطرة", "ما يرشح عدد الشهداء للارتفاع")))
    c.end()


@pattern("air")
def p_air_coalition_isis(c: Ctx) -> None:
    c.t("قتل ")
    cnt = c.member_count(c.small(4, 40), c.act("isis"), "killed", case="nom")
    c.t(c.pick((" جراء ضربات جوية ", " في غارات ")))
    aid = c.agent("coalition", "air", "نفذها", "نفذتها")
    pid = c.place(" على مواقعهم في ", kinds="badia")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("air")
def p_air_drone_vehicle(c: Ctx) -> None:
    actor = c.pick(("turkey", "coalition", "regime", "unknown"))
    aid = c.agent(actor, "drone", *c.pick((("استهدف", "استهدفت"), ("قصف", "قصفت"))))
    c.t(" " + c.pick(("سيارة", "دراجة نارية", "آلية عسكرية")) + " ")
    pid = c.place(c.pick(("على طريق ", "قرب ", "في محيط ")), kinds="settlement")
    c.t("، ما أسفر عن " + c.pick(("مقتل ", "مقتل ", "سقوط ")))
    if actor in ("turkey",):
        cnt = c.member_count(c.rng.choice((2, 2, 3, 4)), c.act("sdf"), "killed")
    elif actor == "coalition":
        cnt = c.member_count(c.rng.choice((2, 3, 4)), c.act(c.pick(("isis", "jihadists"))), "killed")
    else:
        cnt = c.count(c.rng.choice((2, 3, 4, 5)), NOUNS[c.pick(("person", "civilian", "youth"))], "killed")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("air")
def p_air_helicopter_missiles(c: Ctx) -> None:
    c.t("كما استشهد ")
    cnt = c.count(c.small(2, 15), killed_noun(c), "killed", case="nom")
    c.t(" جراء استهداف ")
    aid = c.perp("regime", "helicopter")
    c.t(" بصواريخ محملة بالمظلات ")
    pid = c.place("أطراف ", kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("air")
def p_air_vague_dozens_injured(c: Ctx) -> None:
    c.t("وتسببت غارات ")
    aid = c.perp(c.pick(("russia", "regime")), "air")
    c.t(" بسقوط ")
    word, value = c.pick((("عشرات", 10), ("عشرات", 10), ("مئات", 100)))
    cnt_id = c.b.span(word, "COUNT", CountAttrs(value, "injured", "at_least", "people"))
    c.t(" ")
    kid = c.b.span(c.pick(("الجرحى", "المصابين")), "CATEGORY")
    c.b.rel(cnt_id, kid, "category")
    c.b.rel(cnt_id, aid, "perpetrator")
    pid = c.place(" في ", kinds="any")
    c.b.rel(cnt_id, pid, "location")
    c.end()


@pattern("air")
def p_air_unknown_jets(c: Ctx) -> None:
    c.t("قضى ")
    cnt = c.count(c.small(3, 25), NOUNS["fighter"], "killed", case="nom")
    c.t(" من ")
    fac = c.act(c.pick(("jihadists", "factions")))
    aff = c.actor_names(fac)
    c.link([cnt], aff[0], "affiliation")
    c.t(" جراء ضربات " + c.pick(("لطائرات مجهولة", "جوية مجهولة المصدر")))
    pid = c.place(" استهدفت مقراً لهم في ", kinds="settlement")
    c.link([cnt], pid, "location")
    c.end()
    _retag_category(c, cnt, fac.category)


def _retag_category(c: Ctx, cnt: Cnt, category: str) -> None:
    """Set the category id of an already emitted COUNT (its affiliation decided it)."""
    spans = c.b.spans
    for i in range(len(spans) - 1, -1, -1):
        s = spans[i]
        if s.id == cnt.id and s.count is not None:
            spans[i] = Span(s.start, s.end, s.label, s.text, s.id, None,
                            CountAttrs(s.count.value, s.count.status, s.count.qualifier, category))
            cnt.category = category
            return


# --------------------------------------------------------------------------- barrel bombs


@pattern("barrel")
def p_barrel_bombs(c: Ctx) -> None:
    aid = c.agent("regime", "helicopter", "ألقى", "ألقت")
    c.t(" ")
    n = c.rng.randint(3, 30)
    c.mark(c.small_num(n), "barrels")
    c.t(" " + ("براميل متفجرة" if n <= 10 else "برميلاً متفجراً") + " على ")
    pid = c.place("", kinds="settlement")
    c.t("، ما تسبب ب" + c.pick(("استشهاد ", "مقتل ")))
    total = c.count(c.small(3, 20), killed_noun(c), "killed")
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.5) else []
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("barrel")
def p_barrel_toll_part(c: Ctx) -> None:
    c.t("ومن أصل ")
    civ = c.count(c.big(50, 600), NOUNS["civilian"], "killed", qual=False)
    c.t(" " + c.pick(("وثق المرصد استشهادهم", "قضوا منذ بدء الحملة")) + "، ")
    _perp_part(c, civ, share(civ.value, c.rng, 0.3, 0.9), "helicopter", "regime")
    c.end()


# --------------------------------------------------------------------------- massacres


@pattern("massacre")
def p_massacre_air(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "russia", "coalition")), "air", "ارتكب", "ارتكبت")
    c.t(" مجزرة ")
    pid = c.place("في ", kinds="settlement")
    c.t("، راح ضحيتها ")
    total = c.count(c.small(5, 40), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", case="nom")
    kids = breakdown_women_children(c, total, "killed")
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("massacre")
def p_massacre_family(c: Ctx) -> None:
    c.t("استشهد ")
    total = c.count(c.small(3, 12), NOUNS[c.pick(("citizen", "person"))], "killed", case="nom", qual=False)
    c.t(" من عائلة واحدة")
    kids = breakdown_women_children(c, total, "killed") if total.value >= 4 else []
    c.t("، جراء قصف ")
    aid = c.perp(c.pick(("regime", "russia")), c.pick(("air", "ground")))
    pid = c.place(" على منزلهم في ", kinds="settlement")
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("massacre")
def p_massacre_rise(c: Ctx) -> None:
    c.t("ارتفع إلى ")
    total = c.count(c.small(8, 70), NOUNS[c.pick(("martyr", "person", "civilian"))], "killed", qual=False)
    c.t(" عدد الذين قضوا في المجزرة التي ")
    aid = c.agent(c.pick(("regime", "russia", "turkey", "coalition")), "air", "ارتكبها", "ارتكبتها")
    pid = c.place(" في ", kinds="settlement")
    c.t(" ")
    c.date()
    kids = breakdown_women_children(c, total, "killed", case="nom") if c.chance(0.6) else []
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


# --------------------------------------------------------------------------- bombs and mines


@pattern("bomb")
def p_bomb_car(c: Ctx) -> None:
    c.t(c.pick(("انفجرت سيارة مفخخة ", "هز انفجار عنيف ناجم عن سيارة مفخخة ")))
    pid = c.place("في ", kinds=c.pick(("settlement", "urban")))
    c.t("، ما أدى إلى " + c.pick(("مقتل ", "استشهاد ", "سقوط ")))
    dead = c.count(c.small(3, 30), NOUNS[c.pick(("person", "civilian", "citizen"))], "killed", qual=True)
    kids = breakdown_women_children(c, dead, "killed") if c.chance(0.4) else []
    c.t("، وإصابة ")
    inj = c.bare_count(c.small(5, 60), dead.category, "injured", qual=True)
    c.t(" آخرين بجروح")
    c.link([dead, *kids, inj], pid, "location")
    c.end()


@pattern("bomb")
def p_bomb_ied_patrol(c: Ctx) -> None:
    c.t("قتل ")
    actor = c.act(c.pick(("regime", "sdf", "turkish_factions", "russia")))
    cnt = c.member_count(c.rng.randint(2, 9), actor, "killed", case="nom", allies=False)
    c.t(" جراء انفجار عبوة ناسفة استهدفت " + c.pick(("سيارة كانت تقلهم", "دورية لهم", "آلية عسكرية تقلهم")))
    pid = c.place(c.pick((" على طريق ", " في ")), kinds="settlement")
    c.link([cnt], pid, "location")
    if c.chance(0.5):
        c.t("، فيما أصيب ")
        inj = c.bare_count(c.small(2, 8), actor.category, "injured", case="nom")
        c.copy_rel(cnt, inj, "affiliation")
        c.t(" آخرون")
        c.link([inj], pid, "location")
    c.end()


@pattern("bomb")
def p_bomb_motorcycle_market(c: Ctx) -> None:
    c.t("استشهد ")
    dead = c.count(c.small(2, 15), NOUNS[c.pick(("citizen", "civilian"))], "killed", case="nom")
    c.t(" وأصيب ")
    inj = c.bare_count(c.small(3, 30), dead.category, "injured", case="nom", qual=True)
    c.t(" آخرون، جراء انفجار دراجة نارية مفخخة في سوق ")
    pid = c.place("", kinds="settlement")
    c.link([dead, inj], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("mine")
def p_mine_war_remnants(c: Ctx) -> None:
    c.t(c.pick(("استشهد ", "قضى ")))
    cnt = c.count(c.rng.choice((2, 2, 3, 4, 5)), NOUNS[c.pick(("child", "citizen", "youth", "person"))],
                  "killed", case="nom", qual=False)
    c.t(" جراء انفجار " + c.pick(("لغم أرضي", "لغم من مخلفات الحرب", "جسم من مخلفات القصف")))
    pid = c.place(" في ", kinds=c.pick(("settlement", "badia")))
    c.link([cnt], pid, "location")
    c.end()


@pattern("mine")
def p_mine_truffle(c: Ctx) -> None:
    c.t("ارتفع إلى ")
    cnt = c.count(c.small(5, 60), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", qual=False)
    c.t(" عدد الذين قضوا بانفجار ألغام خلال جمعهم ثمار الكمأة ")
    pid = c.place("في ", kinds="badia")
    c.t(" منذ مطلع العام ")
    c.mark(str(c.year), "year")
    kids = breakdown_women_children(c, cnt, "killed", case="nom") if c.chance(0.4) else []
    c.link([cnt, *kids], pid, "location")
    c.end()


# --------------------------------------------------------------------------- assassinations


@pattern("assassination")
def p_assassination_gunmen(c: Ctx) -> None:
    aid = c.agent(c.pick(("unknown", "unknown", "isis")), "gunmen", "اغتال", "اغتالت")
    c.t(" ")
    actor = c.act(c.pick(("regime", "factions", "sdf", "jihadists")))
    cnt = c.member_count(c.rng.choice((2, 2, 3)), actor, "killed", case="acc", qual=False, allies=False)
    pid = c.place(" في ", kinds="settlement")
    c.t(" " + c.pick(("بإطلاق النار عليهم", "عبر استهدافهم بالرصاص", "بمسدسات كاتمة للصوت")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("assassination")
def p_assassination_bodies(c: Ctx) -> None:
    c.t("عثر أهالي على جثث ")
    cnt = c.count(c.small(3, 12), NOUNS[c.pick(("citizen", "youth", "person"))], "killed", qual=False)
    pid = c.place(" قرب ", kinds="settlement")
    c.t("، وعليها آثار إطلاق نار، ")
    c.t("وسط اتهامات ل")
    aid = c.perp(c.pick(("isis", "regime", "unknown")), "gunmen")
    c.t(" بتصفيتهم")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("assassination")
def p_assassination_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.small(20, 400), NOUNS["person"], "killed", qual=False)
    c.t(" عدد الذين اغتيلوا ")
    pid = c.place("في ", kinds="rural")
    c.t(" منذ ")
    c.mark(c.small_num(c.rng.randint(3, 12), False), "duration")
    c.t(" أشهر، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    civ, fac = split(total.value, c.rng, 2, fill=0.95)
    a = c.count(civ, NOUNS["civilian"], "killed", case="nom", qual=False)
    c.t(" و")
    b_ = c.member_count(fac, c.act(c.pick(("factions", "regime"))), "killed", case="nom", qual=False)
    c.parts([a, b_], total)
    c.link([total], pid, "location")
    c.end()


@pattern("assassination")
def p_gunmen_shoot(c: Ctx) -> None:
    c.t("قتل ")
    cnt = c.count(c.small(2, 8), NOUNS[c.pick(("citizen", "youth", "man", "person"))], "killed", case="nom")
    c.t(" برصاص ")
    aid = c.perp("unknown", "gunmen", case="gen")
    pid = c.place(" في ", kinds=c.pick(("settlement", "rural")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    if c.chance(0.4):
        c.t("، " + c.pick(("أحدهم", "بينهم شاب", "بينهم رجل")))
        c.age()
    c.end()


# --------------------------------------------------------------------------- ISIS cells


@pattern("isis")
def p_isis_cells_attack(c: Ctx) -> None:
    c.t("قتل ")
    reg = c.member_count(c.small(4, 35), c.act(c.pick(("regime", "loyalists"))), "killed", case="nom")
    frame, masc, fem = c.pick(((" جراء هجوم ", "شنه", "شنته"), (" في كمين ", "نصبه", "نصبته"),
                              (" إثر هجمات ", "شنها", "شنتها")))
    c.t(frame)
    aid = c.agent("isis", "gunmen", masc, fem)
    pid = c.place(" على مواقعهم في ", kinds="badia")
    c.link([reg], aid, "perpetrator")
    c.link([reg], pid, "location")
    if c.chance(0.6):
        c.t("، فيما قتل ")
        isis = c.member_count(c.small(2, 20), c.act("isis"), "killed", case="nom", name="التنظيم")
        c.link([isis], pid, "location")
    c.end()


@pattern("isis")
def p_isis_badia_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.big(50, 1500), NOUNS["member"], "killed", "regime", qual=False)
    c.t(" عدد ")
    c.t("عناصر ")
    aff = c.actor_names(c.act("regime"), allies=c.chance(0.5))
    c.link([total], aff[0], "affiliation")
    for extra in aff[1:]:
        c.b.rel(total.id, extra, "affiliation")
    c.t(" الذين قتلوا في هجمات ")
    aid = c.perp("isis", "gunmen")
    pid = c.place(" في ", kinds="badia")
    c.t(" منذ ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[0]} ")
    c.mark(str(c.year - c.rng.randint(0, 2)), "year")
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    part = c.group_count(share(total.value, c.rng, 0.05, 0.4), c.pick(("الميليشيات الموالية لإيران",
                                                                    "الفيلق الخامس", "لواء القدس")),
                         "regime", "killed", case="nom", qual=False)
    c.parts([part], total)
    c.link([total, part], aid, "perpetrator")
    c.link([total], pid, "location")
    c.end()


@pattern("isis")
def p_isis_executions(c: Ctx) -> None:
    c.t("أعدم ")
    aid = c.actor(c.pick(("تنظيم الدولة الإسلامية", "تنظيم داعش", "التنظيم")))
    c.t(" ")
    cnt = c.count(c.small(3, 20), NOUNS[c.pick(("citizen", "youth", "man"))], "killed", case="acc", qual=False)
    pid = c.place(" في ", kinds="badia")
    c.t(" بتهمة " + c.pick(("التعامل مع التحالف", "الردة", "التواصل مع قوات النظام")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("isis")
def p_isis_truck_shepherds(c: Ctx) -> None:
    aid = c.agent("isis", "gunmen", "اختطف", "اختطفت")
    c.t(" ")
    cnt = c.count(c.small(3, 30), NOUNS[c.pick(("citizen", "person", "youth"))], "abducted", case="acc",
                  qual=True)
    c.t(" من رعاة الأغنام وجامعي الكمأة")
    pid = c.place(" في ", kinds="badia")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


# --------------------------------------------------------------------------- shelling


@pattern("shelling")
def p_shelling_factions_on_regime_areas(c: Ctx) -> None:
    c.t("استشهد ")
    total = c.count(c.small(3, 20), NOUNS[c.pick(("civilian", "citizen", "person"))], "killed", case="nom")
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.5) else []
    if c.chance(0.5):
        c.t(" بسقوط قذائف ")
        aid = c.agent(c.pick(("factions", "jihadists")), "ground", "أطلقها", "أطلقتها")
    else:
        c.t(" جراء قصف صاروخي ")
        aid = c.agent(c.pick(("factions", "jihadists")), "ground", "نفذه", "نفذته")
    pid = c.place(" على ", kinds=c.pick(("settlement", "urban")))
    c.t("، ضمن مناطق سيطرة ")
    c.actor(c.pick(c.act("regime").names))
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("shelling")
def p_shelling_regime_artillery(c: Ctx) -> None:
    aid = c.agent("regime", "ground", "قصف", "قصفت")
    c.t(" ")
    c.t(c.pick(("بأكثر من ", "بنحو ", "ب")))
    n = c.rng.randint(11, 150)
    c.mark(c.small_num(n), "shells")
    c.t(" قذيفة صاروخية ومدفعية ")
    pid = c.place("مناطق في ", kinds=c.pick(("settlement", "rural")))
    c.t("، ما أدى " + c.pick(("لاستشهاد ", "إلى استشهاد ")))
    total = c.count(c.small(2, 15), killed_noun(c), "killed")
    c.link([total], aid, "perpetrator")
    c.link([total], pid, "location")
    c.end()


@pattern("shelling")
def p_shelling_ground_toll(c: Ctx) -> None:
    c.t("كما " + c.pick(("استشهد ", "قضى ")))
    total = c.count(c.big(40, 600), NOUNS["person"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, total, "killed", connector="بينهم")
    c.t(" في قصف بري ")
    aid = c.agent("regime", "ground", "نفذه", "نفذته")
    c.link([total, *kids], aid, "perpetrator")
    c.t("، و")
    civ = c.count(c.small(10, 120), NOUNS["civilian"], "killed", case="nom", qual=False)
    kids2 = breakdown_women_children(c, civ, "killed", connector="بينهم")
    c.t(" في قصف ")
    aid2 = c.perp("factions", "ground")
    pid = c.place(" على ", kinds="settlement")
    c.link([civ, *kids2], aid2, "perpetrator")
    c.link([civ, *kids2], pid, "location")
    c.end()


@pattern("shelling")
def p_shelling_rocket_city(c: Ctx) -> None:
    c.t("سقطت قذائف صاروخية على ")
    pid = c.place("", kinds="urban")
    c.t("، ")
    aid = c.agent(c.pick(("factions", "jihadists", "turkish_factions")), "ground", "أطلقها", "أطلقتها")
    c.t("، ما أسفر عن إصابة ")
    inj = c.count(c.small(3, 25), NOUNS[c.pick(("citizen", "person", "civilian"))], "injured")
    c.t(" بجروح متفاوتة")
    c.link([inj], aid, "perpetrator")
    c.link([inj], pid, "location")
    c.maybe_distractor()
    c.end()


# --------------------------------------------------------------------------- Turkey and SDF


@pattern("turkey_sdf")
def p_turkey_sdf_clash(c: Ctx) -> None:
    c.t("قتل ")
    sdf = c.member_count(c.small(3, 30), c.act("sdf"), "killed", case="nom", noun=NOUNS["fighter"])
    c.t(" و")
    tf = c.member_count(c.small(3, 30), c.act("turkish_factions"), "killed", case="nom", noun=NOUNS["fighter"])
    pid = c.place(" خلال اشتباكات على محور ", gov=c.pick(("الرقة", "الحسكة", "حلب")), kinds="settlement")
    c.link([sdf, tf], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("turkey_sdf")
def p_turkey_shelling_civilians(c: Ctx) -> None:
    c.t("استشهد ")
    total = c.count(c.small(2, 15), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", case="nom")
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.4) else []
    c.t(" جراء قصف ")
    aid = c.perp("turkey", c.pick(("ground", "air")))
    pid = c.place(" على ", gov=c.pick(("الحسكة", "الرقة", "حلب")), kinds="settlement")
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("turkey_sdf")
def p_turkish_soldiers_killed(c: Ctx) -> None:
    verb = c.pick(("قتل ", "لقي "))
    c.t(verb)
    cnt = c.count(c.small(2, 12), NOUNS[c.pick(("turk_soldier", "turk_soldier", "rus_soldier"))], "killed",
                  case="nom")
    if verb == "لقي ":
        c.t(" مصرعهم")
    c.t(" جراء استهداف ")
    aid = c.perp(c.pick(("sdf", "regime")), "ground")
    pid = c.place(" لنقطة عسكرية في ", gov=c.pick(("إدلب", "حلب", "الحسكة")), kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("turkey_sdf")
def p_turkey_border_guards(c: Ctx) -> None:
    c.t("استشهد ")
    cnt = c.count(c.rng.choice((2, 2, 3, 4)), NOUNS[c.pick(("citizen", "youth", "person"))], "killed",
                  case="nom", qual=False)
    c.t(" برصاص ")
    aid = c.perp("turkey", "gunmen")
    c.t(" خلال محاولتهم العبور إلى ")
    c.b.span("تركيا", "PLACE")
    pid = c.place(" من ", gov=c.pick(("إدلب", "حلب", "الرقة")), kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


# --------------------------------------------------------------------------- Israel


@pattern("israel")
def p_israel_strikes_militias(c: Ctx) -> None:
    c.t("قتل ")
    total = c.count(c.small(5, 40), NOUNS[c.pick(("member", "fighter"))], "killed", "regime", case="nom")
    c.t(" من ")
    aff = c.actor(c.pick(("الميليشيات الموالية لإيران", "الميليشيات الإيرانية", "حزب الله اللبناني")))
    c.link([total], aff, "affiliation")
    c.t(" جراء ضربات ")
    aid = c.agent("israel", "air", *c.pick((("نفذها", "نفذتها"), ("شنها", "شنتها"))))
    pid = c.place(" على مواقع في ", gov=c.pick(("دير الزور", "دمشق", "ريف دمشق", "حمص", "القنيطرة")),
                  kinds="settlement")
    c.link([total], aid, "perpetrator")
    c.link([total], pid, "location")
    if c.chance(0.6):
        c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
        part = c.count(share(total.value, c.rng, 0.1, 0.5), NOUNS["member"], "killed", "regime", case="nom",
                       qual=False)
        c.t(" من الجنسية السورية")
        c.parts([part], total)
        c.link([part], aid, "perpetrator")
    c.end()


@pattern("israel")
def p_israel_missiles_airport(c: Ctx) -> None:
    c.t("أسفرت ضربات صاروخية " + c.pick(("إسرائيلية ", "")))
    aid = c.agent("israel", "air", "نفذها", "نفذتها")
    c.t(" على محيط ")
    pid = c.b.span(c.pick(("مطار دمشق الدولي", "مطار التيفور", "مطار الشعيرات", "مطار المزة العسكري")), "PLACE")
    c.t(" عن مقتل ")
    cnt = c.count(c.small(3, 20), NOUNS[c.pick(("member", "soldier", "officer"))], "killed", "regime")
    c.t("، " + c.pick(("وإصابة ", "بالإضافة لإصابة ")))
    inj = c.bare_count(c.small(3, 20), "regime", "injured", qual=True)
    c.t(" آخرين")
    c.link([cnt, inj], aid, "perpetrator")
    c.link([cnt, inj], pid, "location")
    c.end()


# --------------------------------------------------------------------------- torture, detention, abduction


@pattern("torture")
def p_torture_deaths(c: Ctx) -> None:
    c.t(c.pick(("استشهد ", "قضى ")))
    cnt = c.count(c.small(2, 15), NOUNS[c.pick(("citizen", "detainee", "youth"))], "killed", case="nom")
    c.t(" تحت التعذيب في " + c.pick(("معتقلات", "سجون", "أقبية أفرع")) + " ")
    aid = c.perp("regime", c.pick(("names", "gunmen")))
    c.link([cnt], aid, "perpetrator")
    c.t("، " + c.pick(("ينحدرون من ", "وهم من أبناء ")))
    pid = c.place("", kinds="settlement")
    c.link([cnt], pid, "location")
    c.end()


@pattern("torture")
def p_torture_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.big(20, 800), NOUNS[c.pick(("citizen", "detainee", "person"))], "killed", qual=False)
    c.t(" عدد الذين وثق المرصد استشهادهم تحت التعذيب في سجون ")
    aid = c.perp("regime", "names")
    c.t(" منذ مطلع العام ")
    c.mark(str(c.year), "year")
    kids = breakdown_women_children(c, total, "killed", case="nom") if c.chance(0.6) else []
    c.link([total, *kids], aid, "perpetrator")
    c.end()


@pattern("detention")
def p_detention_campaign(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "sdf", "jihadists", "turkish_factions")), "names",
                  *c.pick((("شن", "شنت"), ("نفذ", "نفذت"))))
    c.t(" حملة دهم واعتقال ")
    pid = c.place("في ", kinds="settlement")
    c.t("، طالت ")
    total = c.count(c.small(4, 60), NOUNS[c.pick(("youth", "citizen", "person"))], "detained", case="acc",
                    qual=True, vague_ok=True)
    kids: list[Cnt] = []
    if c.chance(0.4) and total.value >= 6:
        c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
        kids.append(c.count(share(total.value, c.rng, 0.1, 0.5), NOUNS[c.pick(("citizen_f", "child", "doctor"))],
                            "detained", case="nom", qual=False))
        c.parts(kids, total)
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("detention")
def p_abduction_gunmen(c: Ctx) -> None:
    aid = c.agent(c.pick(("unknown", "unknown", "turkish_factions", "jihadists")), "gunmen", "اختطف", "اختطفت")
    c.t(" ")
    cnt = c.count(c.small(2, 10), NOUNS[c.pick(("citizen", "youth", "man", "person", "child"))], "abducted",
                  case="acc", qual=False)
    c.t(" من أبناء ")
    pid = c.place("", kinds="settlement")
    c.t(c.pick(("، واقتادوهم إلى جهة مجهولة", "، وطالبوا ذويهم بفدية مالية")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("detention")
def p_detention_toll(c: Ctx) -> None:
    c.t("ووثق المرصد السوري اعتقال ")
    total = c.count(c.big(30, 900), NOUNS["person"], "detained", qual=True)
    c.t(" على يد ")
    aid = c.perp(c.pick(("regime", "sdf", "turkish_factions")), "names")
    pid = c.place(" في ", kinds="rural")
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    women, kids_v = split(total.value, c.rng, 2, fill=0.3)
    a = c.count(women, NOUNS["citizen_f"], "detained", case="nom", qual=False)
    c.t(" و")
    b_ = c.count(kids_v, NOUNS["child"], "detained", case="nom", qual=False)
    c.parts([a, b_], total)
    c.link([total, a, b_], aid, "perpetrator")
    c.link([total], pid, "location")
    c.t("، " + c.pick(("أفرج عن ", "أطلق سراح ")))
    rel = c.bare_count(share(total.value, c.rng, 0.1, 0.6), "people", "other", qual=True)
    c.t(" منهم لاحقاً")
    c.parts([rel], total)
    c.end()


@pattern("detention")
def p_missing_fate(c: Ctx) -> None:
    c.t("ولا يزال مصير ")
    cnt = c.count(c.small(3, 40), NOUNS[c.pick(("citizen", "person", "youth", "member"))], "missing",
                  qual=True)
    c.t(" مجهولاً منذ " + c.pick(("اختطافهم", "اعتقالهم", "فقدان الاتصال بهم")))
    pid = c.place(" في ", kinds="settlement")
    c.link([cnt], pid, "location")
    c.end()


@pattern("detention")
def p_sdf_arrests_isis_suspects(c: Ctx) -> None:
    aid = c.agent("sdf", "names", "اعتقل", "اعتقلت")
    c.t(" ")
    cnt = c.count(c.small(3, 25), NOUNS[c.pick(("person", "youth"))], "detained", case="acc", qual=True)
    c.t(" بتهمة " + c.pick(("الانتماء لخلايا التنظيم", "التعامل مع ")))
    if c.b.ends_with("مع "):
        c.actor(c.pick(("تنظيم الدولة الإسلامية", "خلايا التنظيم")))
    pid = c.place(" في ", gov=c.pick(("دير الزور", "الحسكة", "الرقة")), kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


# --------------------------------------------------------------------------- injured


@pattern("injured")
def p_injured_civilians(c: Ctx) -> None:
    c.t(c.pick(("أصيب ", "جرح ")))
    cnt = c.count(c.small(3, 40), NOUNS[c.pick(("civilian", "citizen", "person"))], "injured", case="nom",
                  vague_ok=True)
    kids = breakdown_women_children(c, cnt, "injured") if c.chance(0.3) else []
    c.t(c.pick((" بجروح متفاوتة", " بجراح", "")))
    c.t(" جراء قصف ")
    aid = c.perp(c.pick(("regime", "russia", "turkey", "factions")), c.pick(("ground", "air")))
    pid = c.place(" على ", kinds="settlement")
    c.link([cnt, *kids], aid, "perpetrator")
    c.link([cnt, *kids], pid, "location")
    c.end()


@pattern("injured")
def p_injured_wounded_noun(c: Ctx) -> None:
    c.t("ووصل عدد الجرحى إلى ")
    cnt = c.count(c.small(10, 150), NOUNS["wounded"], "injured", qual=True)
    pid = c.place(" في ", kinds="any")
    c.t("، " + c.pick(("بعضهم في حالات خطرة", "وسط نقص حاد في الكوادر الطبية")))
    c.link([cnt], pid, "location")
    c.end()


@pattern("injured")
def p_killed_and_injured_fighters(c: Ctx) -> None:
    c.t("قتل ")
    actor = c.act(c.pick(("regime", "sdf", "turkish_factions", "factions")))
    dead = c.member_count(c.small(3, 40), actor, "killed", case="nom", allies=False)
    c.t(" وأصيب ")
    inj = c.bare_count(c.small(5, 60), actor.category, "injured", case="nom", qual=True)
    c.copy_rel(dead, inj, "affiliation")
    c.t(" آخرون")
    pid = c.place(" في ", kinds="rural")
    c.link([dead, inj], pid, "location")
    c.maybe_distractor()
    c.end()


# --------------------------------------------------------------------------- people counted with status other


@pattern("other")
def p_other_displacement(c: Ctx) -> None:
    c.t("أجبر التصعيد " + c.pick(("أكثر من ", "نحو ", "قرابة ", "")))
    qualifier = {"أكثر من ": "at_least", "نحو ": "about", "قرابة ": "about", "": "exact"}[c.b.parts[-1][len("أجبر التصعيد "):]]
    value = c.pick((1000, 2000, 5000, 10000, 20000, 35000, 50000, 120000, 300000)) \
        if c.chance(0.6) else c.big(300, 9000)
    num, noun_text = c.number(value, NOUNS[c.pick(("civilian", "person", "citizen"))], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(value, "other", qualifier,
                                           "civilian" if "مدني" in noun_text or "مواطن" in noun_text else "people"))
    if noun_text:
        c.t(" ")
        kid = c.b.span(noun_text, "CATEGORY")
        c.b.rel(cid, kid, "category")
    c.t(" على النزوح من ")
    pid = c.place("", kinds=c.pick(("settlement", "rural")))
    c.b.rel(cid, pid, "location")
    c.t(" نحو " + c.pick(("المناطق الحدودية مع ", "مخيمات الشمال قرب ")))
    c.b.span("تركيا", "PLACE")
    c.end()


@pattern("other")
def p_other_camp_population(c: Ctx) -> None:
    camp = c.pick(c.world.camps)
    c.t("يقطن في ")
    pid = c.b.span(camp.name, "PLACE")
    c.t(" " + c.pick(("نحو ", "قرابة ", "أكثر من ", "")))
    last = c.b.parts[-1].strip()
    qualifier = {"نحو": "about", "قرابة": "about", "أكثر من": "at_least", "": "exact"}[last]
    total_v = c.pick((7000, 12000, 40000, 60000, 73000)) if c.chance(0.5) else c.big(500, 9000)
    num, noun_text = c.number(total_v, NOUNS["displaced"], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(total_v, "other", qualifier, "people"))
    c.t(" ")
    kid = c.b.span(noun_text or NOUNS["displaced"].sg, "CATEGORY")
    c.b.rel(cid, kid, "category")
    c.b.rel(cid, pid, "location")
    c.t("، " + c.pick(("بينهم", "من ضمنهم", "غالبيتهم من النساء والأطفال، بينهم")) + " ")
    part = c.count(share(total_v, c.rng, 0.2, 0.6), NOUNS["child"], "other", case="nom", qual=True,
                   post_qual_ok=False)
    c.b.rel(part.id, cid, "part_of")
    c.end()


@pattern("other")
def p_other_evacuation(c: Ctx) -> None:
    c.t("وخرج " + c.pick(("خلال الساعات الماضية ", "")))
    total = c.count(c.big(300, 8000), NOUNS["person"], "other", case="nom", qual=True)
    c.t("، " + c.pick(("بينهم", "من بينهم")) + " ")
    fighters = c.count(share(total.value, c.rng, 0.1, 0.5), NOUNS["fighter"], "other", case="nom", qual=True)
    c.t(" من ")
    aff = c.actor(c.pick(c.act("factions").names))
    c.b.rel(fighters.id, aff, "affiliation")
    c.parts([fighters], total)
    pid = c.place("، من ", kinds="settlement")
    c.link([total, fighters], pid, "location")
    c.t(" باتجاه ")
    c.b.span(c.pick(("الشمال السوري", "منطقة درع الفرات", "إدلب")), "PLACE")
    c.end()


@pattern("other")
def p_other_deployment(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "turkey", "russia")), "names", "دفع", "دفعت")
    c.t(" بتعزيزات عسكرية " + c.pick(("ضمت ", "تضم ")) + c.pick(("نحو ", "قرابة ", "أكثر من ")))
    last = c.b.parts[-1]
    qualifier = "at_least" if last.endswith("أكثر من ") else "about"
    value = c.pick((100, 200, 300, 500, 1000, 1500, 2000))
    num, noun_text = c.number(value, NOUNS["member"], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(value, "other", qualifier, c.act("regime").category))
    if noun_text:
        c.t(" ")
        kid = c.b.span(noun_text, "CATEGORY")
        c.b.rel(cid, kid, "category")
    c.b.rel(cid, aid, "affiliation")
    _retag_category_by_actor(c, cid, aid)
    pid = c.place(" إلى ", kinds=c.pick(("rural", "settlement")))
    c.b.rel(cid, pid, "location")
    c.end()


def _retag_category_by_actor(c: Ctx, cid: str, aid: str) -> None:
    actor_text = next(s.text for s in c.b.spans if s.id == aid)
    for a in c.world.actors.values():
        if actor_text in a.names:
            _retag_category(c, Cnt(cid, 0, "", ""), a.category)
            return


@pattern("other")
def p_other_released(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "sdf", "turkish_factions")), "names", "أفرج", "أفرجت")
    c.t(" عن ")
    cnt = c.count(c.small(5, 120), NOUNS["detainee"], "other", qual=True)
    c.t(" " + c.pick(("من أبناء ", "ينحدرون من ")))
    pid = c.place("", kinds="rural")
    del aid  # the releasing side is not the victims' side
    c.link([cnt], pid, "location")
    c.t(c.pick(("، بموجب مرسوم العفو", "، ضمن صفقة تبادل", "")))
    c.end()


@pattern("other")
def p_other_refugees_return(c: Ctx) -> None:
    c.t("عاد ")
    value = c.big(200, 6000)
    cnt = c.count(value, NOUNS[c.pick(("person", "citizen"))], "other", case="nom", qual=True, vague_ok=True)
    c.t(" من ")
    c.b.span(c.pick(("لبنان", "الأردن", "تركيا")), "PLACE")
    c.t(" إلى ")
    pid = c.place("", kinds=c.pick(("settlement", "rural")))
    c.link([cnt], pid, "location")
    c.t(" " + c.pick(("خلال الأسبوع الفائت", "عبر معبر حدودي")))
    c.end()


# --------------------------------------------------------------------------- clashes and special groups


@pattern("clash")
def p_clash_list_tolls(c: Ctx) -> None:
    c.t("وبلغت حصيلة القتلى منذ بدء الهجوم ")
    a = c.member_count(c.small(10, 200), c.act("factions"), "killed", noun=NOUNS["fighter"], allies=False)
    c.t(" و")
    b_ = c.member_count(c.small(10, 200), c.act("regime"), "killed", allies=True)
    c.t(" و")
    d = c.group_count(c.small(5, 100), c.pick(GROUPS["jihadist"]), "jihadist", "killed")
    pid = c.place(" في ", kinds="rural")
    c.link([a, b_, d], pid, "location")
    c.end()


@pattern("clash")
def p_clash_jihadist_infighting(c: Ctx) -> None:
    c.t("قضى ")
    total = c.count(c.small(6, 40), NOUNS["fighter"], "killed", "combatant", case="nom")
    c.t(" من " + c.pick(("الطرفين", "الجانبين")) + " خلال اقتتال بين ")
    a1 = c.actor(c.pick(c.act("jihadists").names))
    c.t(" و")
    a2 = c.actor(c.pick(c.act("factions").names))
    pid = c.place(" في ", kinds="settlement")
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    v1, v2 = split(total.value, c.rng, 2, fill=0.95)
    x = c.count(v1, NOUNS["member"], "killed", "jihadist", case="nom", qual=False)
    c.t(" من الأول و")
    y = c.bare_count(v2, "fighter", "killed", case="nom")
    c.t(" من الثاني")
    del a1, a2
    c.parts([x, y], total)
    c.link([total, x, y], pid, "location")
    c.end()


@pattern("clash")
def p_rescue_workers(c: Ctx) -> None:
    c.t("استشهد ")
    if c.chance(0.5):
        cnt = c.group_count(c.small(2, 9), c.pick(GROUPS["rescue"]), "rescue", "killed", case="nom")
    else:
        cnt = c.count(c.small(2, 9), NOUNS[c.pick(("member", "volunteer", "paramedic"))], "killed", "rescue",
                      case="nom")
        c.t(" من " + c.pick(NON_ACTOR_GROUPS["rescue"]))
    frame = c.rng.random()
    if frame < 0.4:
        c.t(" بغارة مزدوجة ")
        aid = c.agent(c.pick(("russia", "regime")), "air", "نفذها", "نفذتها")
    elif frame < 0.7:
        c.t(" بقصف استهدف مركزهم من قبل ")
        aid = c.perp(c.pick(("russia", "regime")), "air")
    else:
        c.t(" باستهداف ")
        aid = c.perp(c.pick(("russia", "regime")), "air")
        c.t(" لهم خلال محاولتهم إسعاف الجرحى")
    pid = c.place(" في ", kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("clash")
def p_medics_killed(c: Ctx) -> None:
    c.t("قضى ")
    if c.chance(0.5):
        cnt = c.group_count(c.small(2, 6), c.pick(GROUPS["medic"]), "medic", "killed", case="nom", qual=False)
    else:
        cnt = c.count(c.small(2, 6), NOUNS[c.pick(("doctor", "nurse"))], "killed", case="nom", qual=False)
    c.t(" جراء استهداف مشفى ")
    pid = c.place("في ", kinds="settlement")
    c.t(" بضربات ")
    aid = c.perp(c.pick(("russia", "regime")), "air")
    c.t("، ما أدى لخروجه عن الخدمة")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("clash")
def p_journalists_killed(c: Ctx) -> None:
    c.t("ارتفع إلى ")
    cnt = c.count(c.small(3, 40), NOUNS[c.pick(("journalist", "media"))], "killed", qual=False)
    c.t(" عدد " + c.pick(("الإعلاميين", "الصحفيين")) + " الذين قتلوا ")
    pid = c.place("في ", kinds="any")
    c.t(" منذ عام ")
    c.mark(str(c.pick((2011, 2012, 2013))), "year")
    c.link([cnt], pid, "location")
    c.end()


@pattern("clash")
def p_russian_military_deaths(c: Ctx) -> None:
    c.t("قتل ")
    cnt = c.count(c.small(2, 12), NOUNS[c.pick(("rus_soldier", "rus_military"))], "killed", case="nom")
    if c.chance(0.5):
        c.t(" جراء هجوم بطائرات مسيرة ")
        aid = c.agent(c.pick(("jihadists", "factions")), "names", "شنه", "شنته")
    else:
        c.t(" جراء قصف صاروخي ")
        aid = c.agent(c.pick(("jihadists", "factions", "isis")), "ground", "نفذه", "نفذته")
    c.t(" على ")
    pid = c.b.span(c.pick(("قاعدة حميميم", "مطار التيفور", "مطار كويرس العسكري")), "PLACE")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("clash")
def p_thousands_killed_since_2011(c: Ctx) -> None:
    c.t("ووثق المرصد السوري منذ انطلاق الثورة السورية في منتصف آذار/مارس ")
    c.mark("2011", "year")
    c.t(" " + c.pick(("مقتل ", "استشهاد ومقتل ")))
    total = c.count(c.pick((370000, 384000, 465000, 500000, 593000)) if c.chance(0.5) else c.big(100000, 600000),
                    NOUNS["person"], "killed", qual=True, words_ok=False)
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    civ = c.count(share(total.value, c.rng, 0.2, 0.4), NOUNS["civilian"], "killed", case="nom", qual=True,
                  words_ok=False, post_qual_ok=False)
    c.parts([civ], total)
    c.t("، " + c.pick(("من ضمنهم", "بينهم")) + " ")
    kids = c.count(share(civ.value, c.rng, 0.1, 0.3), NOUNS["child"], "killed", case="nom", qual=False,
                   words_ok=False)
    c.parts([kids], civ)
    c.end()


# --------------------------------------------------------------------------- misc with vague and word numbers


@pattern("daily")
def p_dozens_displaced_families(c: Ctx) -> None:
    c.t("شهدت ")
    pid = c.place("", kinds="settlement")
    c.t(" حركة نزوح واسعة، حيث فر ")
    word, value = c.pick((("الآلاف", 1000), ("المئات", 100), ("عشرات الآلاف", 10000)))
    cid = c.b.span(word, "COUNT", CountAttrs(value, "other", "at_least", "civilian"))
    c.t(" من ")
    kid = c.b.span(c.pick(("المدنيين", "المواطنين")), "CATEGORY")
    c.b.rel(cid, kid, "category")
    c.b.rel(cid, pid, "location")
    c.t(" نحو " + c.pick(("الحدود", "المناطق الأكثر أمناً")))
    c.maybe_distractor()
    c.end()


@pattern("daily")
def p_words_small_counts(c: Ctx) -> None:
    c.t("وفي ")
    pid = c.place("", kinds="rural")
    c.t("، قتل ")
    actor = c.act(c.pick(("regime", "factions", "sdf")))
    value = c.rng.randint(3, 19)
    noun = NOUNS["member"] if actor.id != "factions" else NOUNS["fighter"]
    num = number_words(value, noun.fem, "nom", c.rng)
    cid = c.b.span(num, "COUNT", CountAttrs(value, "killed", "exact", actor.category))
    c.t(" ")
    kid = c.b.span(noun_form(noun, value, "strict", c.rng, c.style.p_tanween), "CATEGORY")
    c.b.rel(cid, kid, "category")
    c.t(" من ")
    for aid in c.actor_names(actor, allies=False):
        c.b.rel(cid, aid, "affiliation")
    c.b.rel(cid, pid, "location")
    c.t(" " + c.pick(("باستهداف آليتهم", "خلال محاولة تسلل", "بانفجار لغم")))
    c.end()


@pattern("daily")
def p_one_of_them(c: Ctx) -> None:
    c.t("قتل ")
    total = c.count(c.small(3, 12), NOUNS["member"], "killed", "regime", case="nom")
    c.t(" من ")
    aff = c.actor_names(c.act("regime"), allies=False)
    c.link([total], aff[0], "affiliation")
    c.t("، ")
    if c.chance(0.5):
        one = c.b.span("أحد", "COUNT", CountAttrs(1, "killed", "exact", "regime"))
        c.t("هم ")
        kid = c.b.span("ضابط", "CATEGORY")
    else:
        c.t("بينهم ")
        one = c.b.span("أحد", "COUNT", CountAttrs(1, "killed", "exact", "regime"))
        c.t(" ")
        kid = c.b.span("الضباط", "CATEGORY")
    c.b.rel(one, kid, "category")
    c.b.rel(one, total.id, "part_of")
    c.b.rel(one, aff[0], "affiliation")
    c.t(" برتبة " + c.pick(("ملازم", "نقيب", "رائد", "عقيد")))
    pid = c.place("، في ", kinds="rural")
    c.link([total], pid, "location")
    c.end()

