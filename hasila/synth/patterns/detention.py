"""Sentence patterns: Torture, detention and abduction; the injured; people counted with status other."""

from __future__ import annotations

from hasila.schema import CountAttrs
from hasila.synth.builder import Cnt
from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    NOUNS,
)
from hasila.synth.registry import (
    breakdown_women_children,
    pattern,
    retag_category,
    share,
    split,
)

# --------------------------------------------------------------------------- torture, detention, abduction


@pattern("torture")
def p_torture_deaths(c: Ctx) -> None:
    c.t(c.pick(("استشهد ", "قضى ")))
    cnt = c.count(c.small(2, 15), NOUNS[c.pick(("citizen", "detainee", "youth"))], "killed", case="nom")
    c.t(" تحت التعذيب في " + c.pick(("معتقلات", "سجون", "أقبية أفرع")) + " ")
    aid = c.perp("regime", c.pick(("names", "gunmen")))
    c.link([cnt], aid, "perpetrator")
    c.t("، " + c.pick(("ينحدرون من ", "وهم من أبناء ")))
    pid = c.place("", kinds="settlement")
    c.link([cnt], pid, "location")
    c.end()


@pattern("torture")
def p_torture_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.big(20, 800), NOUNS[c.pick(("citizen", "detainee", "person"))], "killed", qual=False)
    c.t(" عدد الذين وثق المرصد استشهادهم تحت التعذيب في سجون ")
    aid = c.perp("regime", "names")
    c.t(" منذ مطلع العام ")
    c.mark(str(c.year), "year")
    kids = breakdown_women_children(c, total, "killed", case="nom") if c.chance(0.6) else []
    c.link([total, *kids], aid, "perpetrator")
    c.end()


@pattern("detention")
def p_detention_campaign(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "sdf", "jihadists", "turkish_factions")), "names",
                  *c.pick((("شن", "شنت"), ("نفذ", "نفذت"))))
    c.t(" حملة دهم واعتقال ")
    pid = c.place("في ", kinds="settlement")
    c.t("، طالت ")
    total = c.count(c.small(4, 60), NOUNS[c.pick(("youth", "citizen", "person"))], "detained", case="acc",
                    qual=True, vague_ok=True)
    kids: list[Cnt] = []
    if c.chance(0.4) and total.value >= 6:
        c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
        kids.append(c.count(share(total.value, c.rng, 0.1, 0.5), NOUNS[c.pick(("citizen_f", "child", "doctor"))],
                            "detained", case="nom", qual=False))
        c.parts(kids, total)
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("detention")
def p_abduction_gunmen(c: Ctx) -> None:
    aid = c.agent(c.pick(("unknown", "unknown", "turkish_factions", "jihadists")), "gunmen", "اختطف", "اختطفت")
    c.t(" ")
    cnt = c.count(c.small(2, 10), NOUNS[c.pick(("citizen", "youth", "man", "person", "child"))], "abducted",
                  case="acc", qual=False)
    c.t(" من أبناء ")
    pid = c.place("", kinds="settlement")
    c.t(c.pick(("، واقتادوهم إلى جهة مجهولة", "، وطالبوا ذويهم بفدية مالية")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("detention")
def p_detention_toll(c: Ctx) -> None:
    c.t("ووثق المرصد السوري اعتقال ")
    total = c.count(c.big(30, 900), NOUNS["person"], "detained", qual=True)
    c.t(" على يد ")
    aid = c.perp(c.pick(("regime", "sdf", "turkish_factions")), "names")
    pid = c.place(" في ", kinds="rural")
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    women, kids_v = split(total.value, c.rng, 2, fill=0.3)
    a = c.count(women, NOUNS["citizen_f"], "detained", case="nom", qual=False)
    c.t(" و")
    b_ = c.count(kids_v, NOUNS["child"], "detained", case="nom", qual=False)
    c.parts([a, b_], total)
    c.link([total, a, b_], aid, "perpetrator")
    c.link([total], pid, "location")
    c.t("، " + c.pick(("أفرج عن ", "أطلق سراح ")))
    rel = c.bare_count(share(total.value, c.rng, 0.1, 0.6), "people", "other", qual=True)
    c.t(" منهم لاحقاً")
    c.parts([rel], total)
    c.end()


@pattern("detention")
def p_missing_fate(c: Ctx) -> None:
    c.t("ولا يزال مصير ")
    cnt = c.count(c.small(3, 40), NOUNS[c.pick(("citizen", "person", "youth", "member"))], "missing",
                  qual=True)
    c.t(" مجهولاً منذ " + c.pick(("اختطافهم", "اعتقالهم", "فقدان الاتصال بهم")))
    pid = c.place(" في ", kinds="settlement")
    c.link([cnt], pid, "location")
    c.end()


@pattern("detention")
def p_sdf_arrests_isis_suspects(c: Ctx) -> None:
    aid = c.agent("sdf", "names", "اعتقل", "اعتقلت")
    c.t(" ")
    cnt = c.count(c.small(3, 25), NOUNS[c.pick(("person", "youth"))], "detained", case="acc", qual=True)
    c.t(" بتهمة " + c.pick(("الانتماء لخلايا التنظيم", "التعامل مع ")))
    if c.b.ends_with("مع "):
        c.actor(c.pick(("تنظيم الدولة الإسلامية", "خلايا التنظيم")))
    pid = c.place(" في ", gov=c.pick(("دير الزور", "الحسكة", "الرقة")), kinds="settlement")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


# --------------------------------------------------------------------------- injured


@pattern("injured")
def p_injured_civilians(c: Ctx) -> None:
    c.t(c.pick(("أصيب ", "جرح ")))
    cnt = c.count(c.small(3, 40), NOUNS[c.pick(("civilian", "citizen", "person"))], "injured", case="nom",
                  vague_ok=True)
    kids = breakdown_women_children(c, cnt, "injured") if c.chance(0.3) else []
    c.t(c.pick((" بجروح متفاوتة", " بجراح", "")))
    c.t(" جراء قصف ")
    aid = c.perp(c.pick(("regime", "russia", "turkey", "factions")), c.pick(("ground", "air")))
    pid = c.place(" على ", kinds="settlement")
    c.link([cnt, *kids], aid, "perpetrator")
    c.link([cnt, *kids], pid, "location")
    c.end()


@pattern("injured")
def p_injured_wounded_noun(c: Ctx) -> None:
    c.t("ووصل عدد الجرحى إلى ")
    cnt = c.count(c.small(10, 150), NOUNS["wounded"], "injured", qual=True)
    pid = c.place(" في ", kinds="any")
    c.t("، " + c.pick(("بعضهم في حالات خطرة", "وسط نقص حاد في الكوادر الطبية")))
    c.link([cnt], pid, "location")
    c.end()


@pattern("injured")
def p_killed_and_injured_fighters(c: Ctx) -> None:
    c.t("قتل ")
    actor = c.act(c.pick(("regime", "sdf", "turkish_factions", "factions")))
    dead = c.member_count(c.small(3, 40), actor, "killed", case="nom", allies=False)
    c.t(" وأصيب ")
    inj = c.bare_count(c.small(5, 60), actor.category, "injured", case="nom", qual=True)
    c.copy_rel(dead, inj, "affiliation")
    c.t(" آخرون")
    pid = c.place(" في ", kinds="rural")
    c.link([dead, inj], pid, "location")
    c.maybe_distractor()
    c.end()


# --------------------------------------------------------------------------- people counted with status other


@pattern("other")
def p_other_displacement(c: Ctx) -> None:
    c.t("أجبر التصعيد " + c.pick(("أكثر من ", "نحو ", "قرابة ", "")))
    qualifier = {"أكثر من ": "at_least", "نحو ": "about", "قرابة ": "about", "": "exact"}[c.b.parts[-1][len("أجبر التصعيد "):]]
    value = c.pick((1000, 2000, 5000, 10000, 20000, 35000, 50000, 120000, 300000)) \
        if c.chance(0.6) else c.big(300, 9000)
    num, noun_text = c.number(value, NOUNS[c.pick(("civilian", "person", "citizen"))], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(value, "other", qualifier,
                                           "civilian" if "مدني" in noun_text or "مواطن" in noun_text else "people"))
    if noun_text:
        c.t(" ")
        kid = c.b.span(noun_text, "CATEGORY")
        c.b.rel(cid, kid, "category")
    c.t(" على النزوح من ")
    pid = c.place("", kinds=c.pick(("settlement", "rural")))
    c.b.rel(cid, pid, "location")
    c.t(" نحو " + c.pick(("المناطق الحدودية مع ", "مخيمات الشمال قرب ")))
    c.b.span("تركيا", "PLACE")
    c.end()


@pattern("other")
def p_other_camp_population(c: Ctx) -> None:
    camp = c.pick(c.world.camps)
    c.t("يقطن في ")
    pid = c.b.span(camp.name, "PLACE")
    c.t(" " + c.pick(("نحو ", "قرابة ", "أكثر من ", "")))
    last = c.b.parts[-1].strip()
    qualifier = {"نحو": "about", "قرابة": "about", "أكثر من": "at_least", "": "exact"}[last]
    total_v = c.pick((7000, 12000, 40000, 60000, 73000)) if c.chance(0.5) else c.big(500, 9000)
    num, noun_text = c.number(total_v, NOUNS["displaced"], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(total_v, "other", qualifier, "people"))
    c.t(" ")
    kid = c.b.span(noun_text or NOUNS["displaced"].sg, "CATEGORY")
    c.b.rel(cid, kid, "category")
    c.b.rel(cid, pid, "location")
    c.t("، " + c.pick(("بينهم", "من ضمنهم", "غالبيتهم من النساء والأطفال، بينهم")) + " ")
    part = c.count(share(total_v, c.rng, 0.2, 0.6), NOUNS["child"], "other", case="nom", qual=True,
                   post_qual_ok=False)
    c.b.rel(part.id, cid, "part_of")
    c.end()


@pattern("other")
def p_other_evacuation(c: Ctx) -> None:
    c.t("وخرج " + c.pick(("خلال الساعات الماضية ", "")))
    total = c.count(c.big(300, 8000), NOUNS["person"], "other", case="nom", qual=True)
    c.t("، " + c.pick(("بينهم", "من بينهم")) + " ")
    fighters = c.count(share(total.value, c.rng, 0.1, 0.5), NOUNS["fighter"], "other", case="nom", qual=True)
    c.t(" من ")
    aff = c.actor(c.pick(c.act("factions").names))
    c.b.rel(fighters.id, aff, "affiliation")
    c.parts([fighters], total)
    pid = c.place("، من ", kinds="settlement")
    c.link([total, fighters], pid, "location")
    c.t(" باتجاه ")
    c.b.span(c.pick(("الشمال السوري", "منطقة درع الفرات", "إدلب")), "PLACE")
    c.end()


@pattern("other")
def p_other_deployment(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "turkey", "russia")), "names", "دفع", "دفعت")
    c.t(" بتعزيزات عسكرية " + c.pick(("ضمت ", "تضم ")) + c.pick(("نحو ", "قرابة ", "أكثر من ")))
    last = c.b.parts[-1]
    qualifier = "at_least" if last.endswith("أكثر من ") else "about"
    value = c.pick((100, 200, 300, 500, 1000, 1500, 2000))
    num, noun_text = c.number(value, NOUNS["member"], "gen")
    cid = c.b.span(num, "COUNT", CountAttrs(value, "other", qualifier, c.act("regime").category))
    if noun_text:
        c.t(" ")
        kid = c.b.span(noun_text, "CATEGORY")
        c.b.rel(cid, kid, "category")
    c.b.rel(cid, aid, "affiliation")
    _retag_category_by_actor(c, cid, aid)
    pid = c.place(" إلى ", kinds=c.pick(("rural", "settlement")))
    c.b.rel(cid, pid, "location")
    c.end()


def _retag_category_by_actor(c: Ctx, cid: str, aid: str) -> None:
    actor_text = next(s.text for s in c.b.spans if s.id == aid)
    for a in c.world.actors.values():
        if actor_text in a.names:
            retag_category(c, Cnt(cid, 0, "", ""), a.category)
            return


@pattern("other")
def p_other_released(c: Ctx) -> None:
    aid = c.agent(c.pick(("regime", "sdf", "turkish_factions")), "names", "أفرج", "أفرجت")
    c.t(" عن ")
    cnt = c.count(c.small(5, 120), NOUNS["detainee"], "other", qual=True)
    c.t(" " + c.pick(("من أبناء ", "ينحدرون من ")))
    pid = c.place("", kinds="rural")
    del aid  # the releasing side is not the victims' side
    c.link([cnt], pid, "location")
    c.t(c.pick(("، بموجب مرسوم العفو", "، ضمن صفقة تبادل", "")))
    c.end()


@pattern("other")
def p_other_refugees_return(c: Ctx) -> None:
    c.t("عاد ")
    value = c.big(200, 6000)
    cnt = c.count(value, NOUNS[c.pick(("person", "citizen"))], "other", case="nom", qual=True, vague_ok=True)
    c.t(" من ")
    c.b.span(c.pick(("لبنان", "الأردن", "تركيا")), "PLACE")
    c.t(" إلى ")
    pid = c.place("", kinds=c.pick(("settlement", "rural")))
    c.link([cnt], pid, "location")
    c.t(" " + c.pick(("خلال الأسبوع الفائت", "عبر معبر حدودي")))
    c.end()
