"""Building blocks and sentence patterns of the synthetic report generator.

Text is built by appending pieces to a :class:`Builder`, which records each
span's offsets as it is appended (nothing is searched for afterwards). A clitic
glued to a word (``و218``, ``بحلب``) is appended as plain text before the span.

A *pattern* is a function ``(ctx) -> None`` that appends one sentence with its
spans and relations; :data:`PATTERNS` holds them all by name, each in a
*family* (daily, toll, air, barrel, massacre, bomb, mine, assassination, isis,
shelling, turkey_sdf, israel, torture, detention, injured, other, clash).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hasila.gazetteer import Place
from hasila.schema import CountAttrs, Relation, Span
from hasila.synth_lexicon import (
    GROUPS,
    INTRO_TOLL,
    MONTHS,
    NON_ACTOR_GROUPS,
    NOUNS,
    QUALIFIERS,
    SOURCES,
    TIMES_OF_DAY,
    WEEKDAYS,
    Noun,
    group_thousands,
    noun_form,
    number_words,
    to_indic,
    words_supported,
)

# --------------------------------------------------------------------------- builder


class Builder:
    """Appends text and records spans and relations at the current offset."""

    __slots__ = ("_counters", "parts", "pos", "relations", "spans")

    _PREFIX = {"COUNT": "c", "CATEGORY": "k", "ACTOR": "a", "PLACE": "p"}

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
        if not surface or surface != surface.strip():
            raise ValueError(f"bad span surface {surface!r}")
        prefix = self._PREFIX[label]
        self._counters[prefix] += 1
        span_id = f"{prefix}{self._counters[prefix]}"
        self.spans.append(Span(self.pos, self.pos + len(surface), label, surface, id=span_id, count=count))
        self.t(surface)
        return span_id

    def rel(self, from_id: str, to_id: str, rel_type: str) -> None:
        self.relations.append(Relation(from_id, to_id, rel_type))

    def text(self) -> str:
        return "".join(self.parts)

    def ends_with(self, suffix: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(suffix)


# --------------------------------------------------------------------------- world


@dataclass
class ActorRef:
    """An actor definition as the generator uses it (see configs/actors.yaml)."""

    id: str
    category: str
    affiliation: bool
    perpetrator: bool
    names: list[str]
    allies: list[str]
    air: list[str]
    helicopter: list[str]
    drone: list[str]
    ground: list[str]
    gunmen: list[str]


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
    """Random choices of surface style (from :class:`hasila.synth.SynthConfig`)."""

    p_ascii: float = 0.72
    p_indic: float = 0.08
    p_words: float = 0.2
    p_thousands_sep: float = 0.1
    p_qualifier: float = 0.3
    p_sohr_singular: float = 0.5
    p_tanween: float = 0.7
    p_year_like: float = 0.08
    p_distractor: float = 0.5
    p_dual: float = 0.5
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
        if num.endswith(("ألف", "آلاف", "ألفي", "ألفا")):
            return num, noun.sg
        return num, noun_form(noun, value, style, self.rng, self.style.p_tanween)

    def qualifier(self, allowed: bool = True) -> tuple[str, str, str] | None:
        if not allowed or not self.chance(self.style.p_qualifier):
            return None
        return self.pick(QUALIFIERS)

    # -- counts ------------------------------------------------------------------
    def count(self, value: int, noun: Noun | None, status: str, cat: str | None = None, *,
              case: str = "gen", qual: bool = True, dual_ok: bool = True, vague_ok: bool = False,
              words_ok: bool = True, post_qual_ok: bool = True) -> Cnt:
        """Append ``[qualifier] NUMBER [NOUN] [على الأقل]`` and return the COUNT.

        ``cat`` defaults to the noun's category (``people`` without a noun)."""
        b = self.b
        cat = cat or (noun.category if noun else "people")
        if value == 2 and noun is not None and noun.dual and dual_ok and self.chance(self.style.p_dual):
            cid = b.span(noun.dual, "COUNT", CountAttrs(2, status, "exact", cat))
            return Cnt(cid, 2, cat, status)
        if vague_ok and noun is not None and self.chance(self.style.p_vague):
            return self._vague(noun, status, cat)
        q = self.qualifier(qual)
        if q is not None and q[2] == "post" and not post_qual_ok:
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
        noun = noun or NOUNS[self.pick(("member", "member", "member", "fighter"))] \
            if actor.category != "fighter" else NOUNS[self.pick(("fighter", "fighter", "member"))]
        c = self.count(value, noun, status, actor.category, case=case, qual=qual)
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
        if clitic.endswith("ل") and phrase.startswith("ال"):
            self.t(clitic)
            return self.b.span(phrase[1:], "ACTOR")
        self.t(clitic)
        return self.b.span(phrase, "ACTOR")

    def link(self, counts: list[Cnt], target: str | None, rel: str) -> None:
        if target is None:
            return
        for c in counts:
            self.b.rel(c.id, target, rel)

    def parts(self, children: list[Cnt], parent: Cnt) -> None:
        for c in children:
            self.b.rel(c.id, parent.id, "part_of")

    # -- actors ------------------------------------------------------------------
    def act(self, actor_id: str) -> ActorRef:
        return self.world.actors[actor_id]

    def perp(self, actor_id: str, means: str, clitic: str = "", case: str = "gen") -> str:
        """Append a perpetrator phrase of ``means`` (air, helicopter, drone, ground, gunmen)."""
        actor = self.act(actor_id)
        phrases = getattr(actor, means) or actor.names
        return self.actor(self.pick(phrases), clitic, case)

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
            if self.chance(0.12) and gov not in ("دمشق", "ريف دمشق"):
                other = self.pick([g for g in ("إدلب", "حماة", "حلب", "اللاذقية") if g != gov])
                pid = self.b.span(f"ريفي {gov} و{other}", "PLACE")
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
            self.t(prep + self.pick(("محافظة ", "مدينة ", "")))
            return self.b.span(gov if gov != "ريف دمشق" else "ريف دمشق", "PLACE")
        if kinds == "any" and r < 0.42:
            return self._region(prep, gov)
        # settlement with optional countryside
        town = self.settlement(gov)
        self.t(prep)
        cue = self.pick(_SETTLEMENT_CUE[town.kind])
        two = self.chance(0.12) and cue in ("بلدة", "قرية")
        if self.chance(0.85):
            self.t(cue + ("تي " if two else " "))
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
    if parent.value < 4:
        return []
    c.t(c.pick(("، ", " ", "، ")) + (connector or c.pick(("بينهم", "بينهم", "من ضمنهم", "منهم", "من بينهم"))) + " ")
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
