"""Places to Syria's administrative units: governorate and district.

``data/gazetteer/admin.tsv`` (``pcode, level, name_ar, name_en, parent, aliases``;
levels 1 governorate, 2 district, 3 sub-district, 4 community) holds the units;
the project gazetteer (:class:`hasila.text.gazetteer.Gazetteer`) reads the place text
first (clitics, ``ريف X الجنوبي`` phrases, spelling variants) and gives the
governorate that disambiguates a town name found in several governorates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hasila.errors import UserError
from hasila.fileio import resource
from hasila.text.arabic import fold
from hasila.text.gazetteer import CLITICS, Gazetteer, Place

COLUMNS = ("pcode", "level", "name_ar", "name_en", "parent", "aliases")
_HEADER = "\t".join(COLUMNS)
SYRIA = ("سوريا", "سورية")


@dataclass(frozen=True)
class Unit:
    """One administrative unit."""

    pcode: str
    level: int
    name_ar: str
    name_en: str
    parent: str


@dataclass(frozen=True)
class Resolved:
    """Where a place lies: governorate and (when known) district; ``country`` for places abroad."""

    place: str
    governorate: Unit | None = None
    district: Unit | None = None
    country: str = ""
    problem: str = ""  # why it is unresolved ("" when resolved)

    @property
    def resolved(self) -> bool:
        return self.governorate is not None or bool(self.country)

    @property
    def key(self) -> str:
        """The area an event is grouped by: district pcode, else governorate, else the place."""
        if self.district is not None:
            return self.district.pcode
        if self.governorate is not None:
            return self.governorate.pcode
        if self.country:
            return f"country:{self.country}"
        return f"unresolved:{fold(self.place)}"


class AdminGazetteer:
    """Administrative units with a folded-name index, and place resolution."""

    def __init__(self, units: list[Unit], aliases: dict[str, list[str]], places: Gazetteer) -> None:
        self.units = {u.pcode: u for u in units}
        self.places = places
        self._resolved: dict[str, Resolved] = {}
        self._index: dict[str, list[Unit]] = {}
        for unit in units:
            for name in (unit.name_ar, unit.name_en, *aliases.get(unit.pcode, [])):
                key = _key(name)
                if key and unit not in self._index.setdefault(key, []):
                    self._index[key].append(unit)
        self._by_gov_name = {fold(u.name_ar): u for u in units if u.level == 1}
        self._districts: dict[str, list[Unit]] = {}
        for unit in units:
            if unit.level == 2:
                self._districts.setdefault(unit.parent, []).append(unit)

    @classmethod
    def load(cls, path: str | Path | None = None, places: Gazetteer | None = None) -> AdminGazetteer:
        """Read ``admin.tsv`` (default ``data/gazetteer/admin.tsv``) and the project gazetteer."""
        path = Path(path) if path is not None else resource("data/gazetteer/admin.tsv")
        if not path.exists():
            raise UserError(f"{path}: administrative gazetteer not found")
        units: list[Unit] = []
        aliases: dict[str, list[str]] = {}
        header = False
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header:
                if tuple(cols) != COLUMNS:
                    raise UserError(f"{path}: line {lineno}: expected the header {_HEADER!r}")
                header = True
                continue
            if len(cols) != len(COLUMNS) or not cols[1].isdigit():
                raise UserError(f"{path}: line {lineno}: expected {len(COLUMNS)} tab-separated "
                                "columns with a numeric level")
            pcode, level, name_ar, name_en, parent, alias = cols
            units.append(Unit(pcode, int(level), name_ar, name_en, parent))
            aliases[pcode] = [a for a in alias.split("|") if a]
        return cls(units, aliases, places if places is not None else Gazetteer.load())

    # -- units -------------------------------------------------------------------
    def governorate_of(self, unit: Unit) -> Unit:
        while unit.level > 1:
            unit = self.units[unit.parent]
        return unit

    def district_of(self, unit: Unit) -> Unit | None:
        while unit.level > 2:
            unit = self.units[unit.parent]
        return unit if unit.level == 2 else None

    def governorates(self) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.level == 1), key=lambda u: u.pcode)

    def _candidates(self, name: str) -> list[Unit]:
        key = _key(name)
        for variant in (key, *(key[len(c):] for c in CLITICS if key.startswith(c) and len(key) > len(c) + 2)):
            if variant in self._index:
                return self._index[variant]
        return []

    # -- resolution ----------------------------------------------------------------
    def resolve(self, text: str) -> Resolved:
        """The governorate and district of a place text (``Resolved.problem`` says why not);
        each text is resolved once."""
        if text not in self._resolved:
            self._resolved[text] = self._resolve(text.strip())
        return self._resolved[text]

    def _resolve(self, text: str) -> Resolved:
        place = self.places.lookup(text)
        if place is not None:
            return self._from_place(text, place)
        return self._from_units(text, self._candidates(text), None)

    def _from_place(self, text: str, place: Place) -> Resolved:
        if place.kind == "country":
            if fold(place.name) in {fold(s) for s in SYRIA}:
                return Resolved(text, problem="the whole country")
            return Resolved(text, country=place.name_en or place.name)
        if place.abroad:  # a city or region abroad (world.tsv): its country
            country = self.places.lookup(place.country) if place.country else None
            return Resolved(text, country=(country.name_en if country else place.country) or place.name_en)
        gov = self._by_gov_name.get(fold(place.governorate or ""))
        if place.kind in ("governorate", "region", "front"):
            if gov is None:
                return Resolved(text, problem=f"{place.kind} without a governorate in the gazetteer")
            return self._with_only_district(text, gov)
        candidates = [u for f in place.forms() for u in self._candidates(f)]
        return self._from_units(text, candidates, gov)

    def _from_units(self, text: str, candidates: list[Unit], gov: Unit | None) -> Resolved:
        if gov is not None:
            candidates = [u for u in candidates if self.governorate_of(u) == gov]
        if not candidates:
            if gov is not None:
                return self._with_only_district(text, gov)
            return Resolved(text, problem="not in the gazetteer")
        top = min(u.level for u in candidates)
        best = [u for u in candidates if u.level == top]
        govs = {self.governorate_of(u).pcode for u in best}
        if len(govs) > 1:
            return Resolved(text, problem="ambiguous: in " + ", ".join(
                sorted(self.units[g].name_en for g in govs)))
        gov = self.governorate_of(best[0])
        districts = {self.district_of(u) for u in best}
        if len(districts) == 1 and None not in districts:
            return Resolved(text, gov, districts.pop())
        return self._with_only_district(text, gov)

    def _with_only_district(self, text: str, gov: Unit) -> Resolved:
        """The governorate, and its district when it has only one (Damascus, Quneitra...)."""
        districts = self._districts.get(gov.pcode, [])
        return Resolved(text, gov, districts[0] if len(districts) == 1 else None)


def _key(name: str) -> str:
    """:func:`~hasila.text.arabic.fold`, lower-cased: administrative names come in Latin letters too."""
    return fold(name).lower()
