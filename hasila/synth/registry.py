"""The pattern registry (:data:`PATTERNS`, filled by :func:`pattern` in file order) and the helpers
the pattern families share."""

from __future__ import annotations

import random
from collections.abc import Callable

from hasila.schema import CountAttrs, Span
from hasila.synth.builder import Cnt
from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    GROUPS,
    NOUNS,
    Noun,
)

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



def perp_part(c: Ctx, parent: Cnt, value: int, means: str, actor: str) -> list[Cnt]:
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


def retag_category(c: Ctx, cnt: Cnt, category: str) -> None:
    """Set the category id of an already emitted COUNT (its affiliation decided it)."""
    spans = c.b.spans
    for i in range(len(spans) - 1, -1, -1):
        s = spans[i]
        if s.id == cnt.id and s.count is not None:
            spans[i] = Span(s.start, s.end, s.label, s.text, s.id, None,
                            CountAttrs(s.count.value, s.count.status, s.count.qualifier, category))
            cnt.category = category
            return
