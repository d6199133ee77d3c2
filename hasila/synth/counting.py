"""The numbers, counts, actors and relations a report under construction writes (a part of :class:`~hasila.synth.context.Ctx`)."""

from __future__ import annotations

import random
from typing import Any

from hasila.schema import CountAttrs
from hasila.synth.builder import ActorRef, Builder, Cnt, Style, World, is_feminine
from hasila.synth.lexicon import (
    NOUNS,
    QUALIFIERS,
    Noun,
    group_thousands,
    noun_form,
    number_words,
    to_indic,
    words_supported,
)


class CountingMixin:
    """Randomness, numbers, counts, actors and relations of :class:`~hasila.synth.context.Ctx`."""

    rng: random.Random
    world: World
    style: Style
    b: Builder
    used: list[str]

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
