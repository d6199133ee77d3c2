"""Building blocks of the generator: the text :class:`Builder`, the world it draws from
(:class:`World`, :class:`ActorRef`), its :class:`Style` settings and emitted counts (:class:`Cnt`).

Text is built by appending pieces to a :class:`Builder`, which records each
span's offsets as it is appended (nothing is searched for afterwards). A clitic
glued to a word (``و218``, ``بحلب``) is appended as plain text before the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from hasila.schema import CountAttrs, Relation, Span
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
