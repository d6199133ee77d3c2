"""Sentence patterns: Shelling, Turkey and the SDF, Israel."""

from __future__ import annotations

from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    NOUNS,
)
from hasila.synth.registry import (
    breakdown_women_children,
    killed_noun,
    pattern,
    share,
)

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
