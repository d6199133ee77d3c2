"""Sentence patterns: Daily updates and cumulative tolls."""

from __future__ import annotations

from hasila.synth.builder import Cnt
from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    GROUPS,
    INTRO_TOLL,
    MONTHS,
    NOUNS,
)
from hasila.synth.registry import (
    breakdown_women_children,
    kill_verb_noun,
    killed_noun,
    pattern,
    perp_part,
    share,
    split,
)

# --------------------------------------------------------------------------- daily updates


@pattern("daily")
def p_daily_air_civilians(c: Ctx) -> None:
    actor = c.pick(("regime", "regime", "russia"))
    c.t(c.pick(("استشهد ", "قضى ")))
    total = c.count(c.small(3, 25), killed_noun(c), "killed", case="nom")
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.6) else []
    frame = c.rng.random()
    if frame < 0.4:
        c.t(" جراء غارات ")
        aid = c.agent(actor, "air", "نفذها", "نفذتها")
        pid = c.place(" على ")
    elif frame < 0.7:
        c.t(" في قصف جوي من قبل ")
        aid = c.perp(actor, "air")
        pid = c.place(" على ")
    else:
        c.t(" إثر استهداف ")
        aid = c.perp(actor, "air")
        pid = c.place(" ل")
    c.link([total, *kids], aid, "perpetrator")
    c.link([total, *kids], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("daily")
def p_daily_source_documented(c: Ctx) -> None:
    c.source()
    c.t(" " + kill_verb_noun(c, True) + " ")
    total = c.count(c.small(3, 40), killed_noun(c), "killed", qual=True)
    kids = breakdown_women_children(c, total, "killed") if c.chance(0.5) else []
    c.t(" ")
    c.date()
    pid = c.place("، في ")
    actor = c.pick(("regime", "regime", "loyalists", "turkey"))
    if c.chance(0.4):
        c.t("، إثر قصف مدفعي ")
        aid = c.agent(actor, "ground", "نفذه", "نفذته")
    else:
        c.t(c.pick(("، جراء القصف الصاروخي من قبل ", "، بنيران ")))
        aid = c.perp(actor, "ground")
    c.link([total, *kids], pid, "location")
    c.link([total, *kids], aid, "perpetrator")
    c.end()


@pattern("title")
def p_daily_title_fighters(c: Ctx) -> None:
    c.t(c.pick(("مقتل ", "مصرع ")))
    actor = c.act(c.pick(("regime", "factions", "jihadists", "isis", "sdf")))
    cnt = c.member_count(c.small(3, 60), actor, "killed", allies=False)
    pid = c.place(c.pick((" في ", " ب")), kinds=c.pick(("any", "settlement", "rural")))
    c.link([cnt], pid, "location")
    if c.chance(0.3):
        c.t(" خلال ")
        c.mark("24", "duration")
        c.t(" ساعة")


@pattern("title")
def p_daily_title_toll(c: Ctx) -> None:
    c.t(c.pick(("ارتفاع حصيلة ", "ارتفاع عدد ضحايا ")))
    c.t(c.pick(("القصف على ", "الغارات على ", "المجزرة في ")))
    pid = c.place("", kinds="settlement")
    c.t(" إلى ")
    cnt = c.count(c.small(5, 60), NOUNS[c.pick(("martyr", "civilian", "person", "dead"))], "killed")
    c.link([cnt], pid, "location")
    if c.chance(0.5):
        breakdown_women_children(c, cnt, "killed", case="nom")


@pattern("daily")
def p_daily_died_of_wounds(c: Ctx) -> None:
    c.t("وفي سياق متصل، ")
    c.source()
    who, wounded = c.pick((("استشهاد مدني", "متأثراً بجراح أصيب"), ("استشهاد طفل", "متأثراً بجراح أصيب"),
                           ("وفاة مواطنة", "متأثرة بجراح أصيبت"), ("مقتل شاب", "متأثراً بجراح أصيب")))
    c.t(f" {who} من ")
    pid = c.place("", kinds="settlement")
    c.t(f" {wounded} بها جراء قصف ")
    c.perp(c.pick(("regime", "russia")), "air")
    c.t(" على " + c.pick(("البلدة", "المنطقة", "المدينة")) + " قبل ")
    c.mark(c.small_num(c.rng.randint(3, 9)), "duration")
    c.t(" " + c.pick(("أيام", "أسابيع", "أشهر")) + "، ")
    c.t(c.pick(("كما فارق ", "فيما فارق ")))
    cnt = c.count(c.small(3, 9), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", case="nom",
                  qual=False)
    c.t(" آخرون الحياة متأثرين بجراحهم")
    c.link([cnt], pid, "location")
    c.end()


@pattern("daily")
def p_daily_both_sides(c: Ctx) -> None:
    c.t(c.pick(("وخلفت الاشتباكات ", "كما خلفت المعارك العنيفة ")))
    c.t("خسائر بشرية في صفوف الطرفين، إذ قتل ")
    reg = c.member_count(c.small(5, 40), c.act("regime"), "killed", case="nom")
    c.t("، فيما " + c.pick(("قضى ", "قتل ", "قضى وقتل ")))
    opp = c.act(c.pick(("factions", "jihadists")))
    total = c.count(c.small(8, 50), NOUNS["fighter"], "killed", opp.category if opp.id == "jihadists" else "fighter",
                    case="nom")
    parts: list[Cnt] = []
    if opp.id == "factions" and c.chance(0.7):
        c.t(" " + c.pick(("بينهم", "من ضمنهم", "منهم")) + " ")
        parts.append(c.group_count(share(total.value, c.rng, 0.3, 0.9), c.pick(GROUPS["jihadist"]),
                                   "jihadist", "killed", case="nom", qual=False))
        c.parts(parts, total)
    pid = c.place(" على محاور في ", kinds="rural")
    c.link([reg, total, *parts], pid, "location")
    c.end()


@pattern("daily")
def p_daily_two_sides_about(c: Ctx) -> None:
    c.t(c.pick(("وأسفرت المعارك عن ", "ووثق المرصد ")))
    cnt = c.count(c.small(10, 80), NOUNS["dead"], "killed", "combatant", case="gen")
    c.t(" من " + c.pick(("الطرفين", "الجانبين", "كلا الطرفين")))
    pid = c.place(" في ", kinds=c.pick(("rural", "settlement")))
    c.link([cnt], pid, "location")
    c.t(" خلال ساعات قليلة")
    c.end()


@pattern("daily")
def p_daily_bare_then_breakdown(c: Ctx) -> None:
    c.t("واستشهد ")
    total = c.bare_count(c.small(6, 40), "civilian", "killed", case="nom")
    c.t(" " + c.pick(("من المدنيين", "من المواطنين", "من أبناء المنطقة")))
    kids = breakdown_women_children(c, total, "killed", connector="بينهم")
    pid = c.place(" في ", kinds="settlement")
    c.link([total, *kids], pid, "location")
    c.maybe_distractor()
    c.end()


# --------------------------------------------------------------------------- cumulative tolls


def _toll_intro(c: Ctx) -> None:
    c.t(c.pick(INTRO_TOLL) + " ")
    c.t(c.pick(("من قتلوا منذ بدء التصعيد الأعنف ضمن ", "الخسائر البشرية منذ بدء الحملة العسكرية على ",
                "القتلى منذ بدء العمليات العسكرية في ")))


def _toll_total(c: Ctx, lo: int = 400, hi: int = 6000) -> int:
    if c.chance(c.style.p_year_like):
        return c.rng.randint(1995, 2025)
    return c.big(lo, hi)


@pattern("toll")
def p_toll_nested_seed_style(c: Ctx) -> None:
    _toll_intro(c)
    pid = c.place("", kinds=c.pick(("rural", "any")))
    c.t(" في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[1]}، ")
    c.t("إلى ")
    total = c.count(_toll_total(c), NOUNS["person"], "killed", qual=False)
    c.t(c.pick(("، وهم: ", "، هم: ", "، وهم ")))
    civ_v, fight_v, reg_v = split(total.value, c.rng, 3, fill=c.pick((1.0, 0.95, 0.8)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    if c.chance(0.5):
        c.t(" ممن ")
        aid = c.agent(c.pick(("regime", "russia")), "air", "قتلهم", "قتلتهم")
        c.link([civ, *kids], aid, "perpetrator")
    c.t("، و")
    fighters = c.count(fight_v, NOUNS["fighter"], "killed", case="nom", qual=False)
    sub: list[Cnt] = []
    if c.chance(0.7):
        c.t(" " + c.pick(("بينهم", "من ضمنهم", "منهم")) + " ")
        sub.append(c.group_count(share(fight_v, c.rng, 0.4, 0.9), c.pick(GROUPS["jihadist"]), "jihadist",
                                 "killed", case="nom", qual=False))
        c.parts(sub, fighters)
    c.t("، و")
    if c.chance(0.5):
        reg = c.group_count(reg_v, c.pick(("قوات النظام والمسلحين الموالين لها", "قوات النظام",
                                           "قوات النظام والمسلحين الموالين")), "regime", "killed",
                            case="nom", qual=False)
    else:
        reg = c.member_count(reg_v, c.act("regime"), "killed", case="nom", qual=False, allies=True)
    c.parts([civ, fighters, reg], total)
    c.link([total], pid, "location")
    c.end()


@pattern("toll")
def p_toll_by_perpetrator(c: Ctx) -> None:
    c.t(c.pick(("ومن ضمن حصيلة المدنيين ", "وتوزعت حصيلة الشهداء المدنيين ")))
    c.t("البالغة ")
    civ = c.count(c.big(300, 3000), NOUNS["civilian"], "killed", qual=False)
    c.t("، على النحو التالي: ")
    a, b_, d = split(civ.value, c.rng, 3, fill=c.pick((0.9, 1.0)))
    perp_part(c, civ, a, "air", c.pick(("russia", "regime")))
    c.t("، و")
    perp_part(c, civ, b_, "helicopter", "regime")
    c.t("، و")
    perp_part(c, civ, d, "ground", "regime")
    c.end()


@pattern("toll")
def p_toll_rise_to(c: Ctx) -> None:
    c.t("ليرتفع إلى ")
    total = c.count(_toll_total(c, 50, 1500), NOUNS[c.pick(("civilian", "martyr", "citizen"))], "killed",
                    qual=False)
    c.t(c.pick((" عدد الشهداء المدنيين", " عدد المدنيين")) + " الذين ")
    c.t(c.pick(("وثقهم المرصد السوري", "قضوا", "استشهدوا")))
    c.t(" منذ بدء التصعيد في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[0]}")
    kids = breakdown_women_children(c, total, "killed", case="nom")
    pid = c.place("، في ", kinds="rural")
    c.link([total, *kids], pid, "location")
    c.end()


@pattern("toll")
def p_toll_monthly(c: Ctx) -> None:
    m_ar, m_en = MONTHS[c.month - 1]
    c.t(f"وثق المرصد السوري خلال شهر {c.pick((m_ar, m_en))} من العام ")
    c.mark(str(c.year), "year")
    c.t(" " + c.pick(("استشهاد ومقتل ", "مقتل ", "استشهاد ومصرع ومقتل ")))
    total = c.count(c.big(200, 3000), NOUNS["person"], "killed", qual=True)
    c.t(c.pick(("، وهم: ", "، هم: ")))
    civ_v, reg_v, fac_v, isis_v = split(total.value, c.rng, 4, fill=c.pick((1.0, 0.9)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    c.t("، و")
    reg = c.member_count(reg_v, c.act("regime"), "killed", case="nom", qual=False)
    c.t("، و")
    fac = c.member_count(fac_v, c.act(c.pick(("factions", "jihadists"))), "killed", case="nom", qual=False,
                         noun=NOUNS["fighter"])
    c.t("، و")
    isis = c.member_count(isis_v, c.act("isis"), "killed", case="nom", qual=False)
    c.parts([civ, reg, fac, isis], total)
    del kids
    c.end()


@pattern("toll")
def p_toll_since_agreement(c: Ctx) -> None:
    c.t("كما وثق المرصد السوري، منذ بدء ")
    c.t(c.pick(("الاتفاق الروسي – التركي", "اتفاق خفض التصعيد", "الهدنة")))
    c.t(" في ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[1]} ")
    c.mark(str(c.year - 1), "year")
    c.t("، " + c.pick(("مقتل ", "استشهاد ومقتل ")))
    total = c.count(_toll_total(c, 1000, 8000), NOUNS["person"], "killed", qual=False)
    pid = c.place(" في ", kinds="any")
    c.t("، وهم: ")
    civ_v, fight_v = split(total.value, c.rng, 2, fill=c.pick((0.8, 0.95)))
    civ = c.count(civ_v, NOUNS["civilian"], "killed", case="nom", qual=False)
    kids = breakdown_women_children(c, civ, "killed", case="nom")
    c.t("، و")
    fighters = c.count(fight_v, NOUNS["fighter"], "killed", case="nom", qual=False)
    c.t(" قضوا في ظروف مختلفة، " + c.pick(("من ضمنهم", "بينهم", "منهم")) + " ")
    jih = c.count(share(fight_v, c.rng, 0.3, 0.8), NOUNS["fighter"], "killed", "jihadist", case="nom",
                  qual=False)
    c.t(" من " + c.pick(("الجهاديين", "المجموعات الجهادية")))
    c.parts([jih], fighters)
    c.parts([civ, fighters], total)
    c.link([total, civ, *kids, fighters, jih], pid, "location")
    c.end()


@pattern("toll")
def p_toll_year_like_fighters(c: Ctx) -> None:
    c.t("و")
    total = c.count(c.rng.randint(1990, 2025), NOUNS["fighter"], "killed", qual=False, words_ok=False)
    c.t(" " + c.pick(("قضوا وقتلوا", "قتلوا", "لقوا مصرعهم")) + " في ظروف مختلفة ضمن ")
    pid = c.b.span(c.pick(("المنطقة منزوعة السلاح", "منطقة خفض التصعيد", "مناطق الهدنة الروسية التركية")), "PLACE")
    c.t("، " + c.pick(("من ضمنهم", "بينهم")) + " ")
    jih = c.count(share(total.value, c.rng, 0.4, 0.8), NOUNS["fighter"], "killed", "jihadist", case="nom",
                  qual=False)
    c.t(" من الجهاديين")
    c.parts([jih], total)
    c.link([total, jih], pid, "location")
    c.end()


@pattern("toll")
def p_toll_three_levels(c: Ctx) -> None:
    c.t("وبلغ عدد الخسائر البشرية ")
    total = c.count(c.big(500, 5000), NOUNS["person"], "killed", qual=c.chance(0.5))
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    civ = c.count(share(total.value, c.rng, 0.3, 0.7), NOUNS["civilian"], "killed", case="nom", qual=False)
    c.parts([civ], total)
    c.t(c.pick(("، من ضمنهم ", "، بينهم ")))
    sub = c.bare_count(share(civ.value, c.rng, 0.2, 0.6), "civilian", "killed", case="nom")
    c.parts([sub], civ)
    c.t(" " + c.pick(("استشهدوا", "قضوا")) + " في القصف الجوي ")
    aid = c.perp(c.pick(("russia", "regime")), "air", clitic="ل")
    c.link([sub], aid, "perpetrator")
    c.t("، " + c.pick(("بينهم", "منهم")) + " ")
    kids = []
    n_child, n_woman = split(sub.value, c.rng, 2, fill=0.6)
    kids.append(c.count(n_child, NOUNS["child"], "killed", case="nom", qual=False))
    c.t(" و")
    kids.append(c.count(n_woman, NOUNS["citizen_f"], "killed", case="nom", qual=False))
    c.parts(kids, sub)
    c.link(kids, aid, "perpetrator")
    c.end()
