"""Sentence patterns: Clashes and special groups; vague and word numbers."""

from __future__ import annotations

from hasila.schema import CountAttrs
from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    GROUPS,
    NON_ACTOR_GROUPS,
    NOUNS,
    noun_form,
    number_words,
)
from hasila.synth.registry import (
    pattern,
    share,
    split,
)

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
