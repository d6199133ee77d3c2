"""The state of one report under construction (:class:`Ctx`): its numbers, counts and actors
(:mod:`~hasila.synth.counting`), places (:mod:`~hasila.synth.places`), dates and distractors.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from hasila.synth.builder import Builder, Style, World
from hasila.synth.lexicon import (
    MONTHS,
    SOURCES,
    WEEKDAYS,
    number_words,
    to_indic,
)
from hasila.synth.places import PlacesMixin


@dataclass
class Ctx(PlacesMixin):
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
