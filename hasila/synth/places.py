"""The places a report under construction names (a part of :class:`~hasila.synth.context.Ctx`)."""

from __future__ import annotations

from hasila.synth.counting import CountingMixin
from hasila.text.gazetteer import Place

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



class PlacesMixin(CountingMixin):
    """Governorates, settlements, countryside and regions of :class:`~hasila.synth.context.Ctx`."""

    gov: str

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
