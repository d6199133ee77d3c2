"""Sentence patterns: Air and drone strikes, barrel bombs, massacres."""

from __future__ import annotations

from hasila.schema import CountAttrs
from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    NOUNS,
)
from hasila.synth.registry import (
    breakdown_women_children,
    kill_verb_noun,
    killed_noun,
    pattern,
    perp_part,
    retag_category,
    share,
)

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
    retag_category(c, cnt, fac.category)


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
    perp_part(c, civ, share(civ.value, c.rng, 0.3, 0.9), "helicopter", "regime")
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
