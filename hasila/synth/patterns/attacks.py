"""Sentence patterns: Bombs and mines, assassinations, ISIS cells."""

from __future__ import annotations

from hasila.synth.context import Ctx
from hasila.synth.lexicon import (
    MONTHS,
    NOUNS,
)
from hasila.synth.registry import (
    breakdown_women_children,
    pattern,
    share,
    split,
)

# --------------------------------------------------------------------------- bombs and mines


@pattern("bomb")
def p_bomb_car(c: Ctx) -> None:
    c.t(c.pick(("انفجرت سيارة مفخخة ", "هز انفجار عنيف ناجم عن سيارة مفخخة ")))
    pid = c.place("في ", kinds=c.pick(("settlement", "urban")))
    c.t("، ما أدى إلى " + c.pick(("مقتل ", "استشهاد ", "سقوط ")))
    dead = c.count(c.small(3, 30), NOUNS[c.pick(("person", "civilian", "citizen"))], "killed", qual=True)
    kids = breakdown_women_children(c, dead, "killed") if c.chance(0.4) else []
    c.t("، وإصابة ")
    inj = c.bare_count(c.small(5, 60), dead.category, "injured", qual=True)
    c.t(" آخرين بجروح")
    c.link([dead, *kids, inj], pid, "location")
    c.end()


@pattern("bomb")
def p_bomb_ied_patrol(c: Ctx) -> None:
    c.t("قتل ")
    actor = c.act(c.pick(("regime", "sdf", "turkish_factions", "russia")))
    cnt = c.member_count(c.rng.randint(2, 9), actor, "killed", case="nom", allies=False)
    c.t(" جراء انفجار عبوة ناسفة استهدفت " + c.pick(("سيارة كانت تقلهم", "دورية لهم", "آلية عسكرية تقلهم")))
    pid = c.place(c.pick((" على طريق ", " في ")), kinds="settlement")
    c.link([cnt], pid, "location")
    if c.chance(0.5):
        c.t("، فيما أصيب ")
        inj = c.bare_count(c.small(2, 8), actor.category, "injured", case="nom")
        c.copy_rel(cnt, inj, "affiliation")
        c.t(" آخرون")
        c.link([inj], pid, "location")
    c.end()


@pattern("bomb")
def p_bomb_motorcycle_market(c: Ctx) -> None:
    c.t("استشهد ")
    dead = c.count(c.small(2, 15), NOUNS[c.pick(("citizen", "civilian"))], "killed", case="nom")
    c.t(" وأصيب ")
    inj = c.bare_count(c.small(3, 30), dead.category, "injured", case="nom", qual=True)
    c.t(" آخرون، جراء انفجار دراجة نارية مفخخة في سوق ")
    pid = c.place("", kinds="settlement")
    c.link([dead, inj], pid, "location")
    c.maybe_distractor()
    c.end()


@pattern("mine")
def p_mine_war_remnants(c: Ctx) -> None:
    c.t(c.pick(("استشهد ", "قضى ")))
    cnt = c.count(c.rng.choice((2, 2, 3, 4, 5)), NOUNS[c.pick(("child", "citizen", "youth", "person"))],
                  "killed", case="nom", qual=False)
    c.t(" جراء انفجار " + c.pick(("لغم أرضي", "لغم من مخلفات الحرب", "جسم من مخلفات القصف")))
    pid = c.place(" في ", kinds=c.pick(("settlement", "badia")))
    c.link([cnt], pid, "location")
    c.end()


@pattern("mine")
def p_mine_truffle(c: Ctx) -> None:
    c.t("ارتفع إلى ")
    cnt = c.count(c.small(5, 60), NOUNS[c.pick(("citizen", "civilian", "person"))], "killed", qual=False)
    c.t(" عدد الذين قضوا بانفجار ألغام خلال جمعهم ثمار الكمأة ")
    pid = c.place("في ", kinds="badia")
    c.t(" منذ مطلع العام ")
    c.mark(str(c.year), "year")
    kids = breakdown_women_children(c, cnt, "killed", case="nom") if c.chance(0.4) else []
    c.link([cnt, *kids], pid, "location")
    c.end()


# --------------------------------------------------------------------------- assassinations


@pattern("assassination")
def p_assassination_gunmen(c: Ctx) -> None:
    aid = c.agent(c.pick(("unknown", "unknown", "isis")), "gunmen", "اغتال", "اغتالت")
    c.t(" ")
    actor = c.act(c.pick(("regime", "factions", "sdf", "jihadists")))
    cnt = c.member_count(c.rng.choice((2, 2, 3)), actor, "killed", case="acc", qual=False, allies=False)
    pid = c.place(" في ", kinds="settlement")
    c.t(" " + c.pick(("بإطلاق النار عليهم", "عبر استهدافهم بالرصاص", "بمسدسات كاتمة للصوت")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("assassination")
def p_assassination_bodies(c: Ctx) -> None:
    c.t("عثر أهالي على جثث ")
    cnt = c.count(c.small(3, 12), NOUNS[c.pick(("citizen", "youth", "person"))], "killed", qual=False)
    pid = c.place(" قرب ", kinds="settlement")
    c.t("، وعليها آثار إطلاق نار، ")
    c.t("وسط اتهامات ل")
    aid = c.perp(c.pick(("isis", "regime", "unknown")), "gunmen")
    c.t(" بتصفيتهم")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("assassination")
def p_assassination_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.small(20, 400), NOUNS["person"], "killed", qual=False)
    c.t(" عدد الذين اغتيلوا ")
    pid = c.place("في ", kinds="rural")
    c.t(" منذ ")
    c.mark(c.small_num(c.rng.randint(3, 12), False), "duration")
    c.t(" أشهر، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    civ, fac = split(total.value, c.rng, 2, fill=0.95)
    a = c.count(civ, NOUNS["civilian"], "killed", case="nom", qual=False)
    c.t(" و")
    b_ = c.member_count(fac, c.act(c.pick(("factions", "regime"))), "killed", case="nom", qual=False)
    c.parts([a, b_], total)
    c.link([total], pid, "location")
    c.end()


@pattern("assassination")
def p_gunmen_shoot(c: Ctx) -> None:
    c.t("قتل ")
    cnt = c.count(c.small(2, 8), NOUNS[c.pick(("citizen", "youth", "man", "person"))], "killed", case="nom")
    c.t(" برصاص ")
    aid = c.perp("unknown", "gunmen", case="gen")
    pid = c.place(" في ", kinds=c.pick(("settlement", "rural")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    if c.chance(0.4):
        c.t("، " + c.pick(("أحدهم", "بينهم شاب", "بينهم رجل")))
        c.age()
    c.end()


# --------------------------------------------------------------------------- ISIS cells


@pattern("isis")
def p_isis_cells_attack(c: Ctx) -> None:
    c.t("قتل ")
    reg = c.member_count(c.small(4, 35), c.act(c.pick(("regime", "loyalists"))), "killed", case="nom")
    frame, masc, fem = c.pick(((" جراء هجوم ", "شنه", "شنته"), (" في كمين ", "نصبه", "نصبته"),
                              (" إثر هجمات ", "شنها", "شنتها")))
    c.t(frame)
    aid = c.agent("isis", "gunmen", masc, fem)
    pid = c.place(" على مواقعهم في ", kinds="badia")
    c.link([reg], aid, "perpetrator")
    c.link([reg], pid, "location")
    if c.chance(0.6):
        c.t("، فيما قتل ")
        isis = c.member_count(c.small(2, 20), c.act("isis"), "killed", case="nom", name="التنظيم")
        c.link([isis], pid, "location")
    c.end()


@pattern("isis")
def p_isis_badia_toll(c: Ctx) -> None:
    c.t("وبذلك يرتفع إلى ")
    total = c.count(c.big(50, 1500), NOUNS["member"], "killed", "regime", qual=False)
    c.t(" عدد ")
    c.t("عناصر ")
    aff = c.actor_names(c.act("regime"), allies=c.chance(0.5))
    c.link([total], aff[0], "affiliation")
    for extra in aff[1:]:
        c.b.rel(total.id, extra, "affiliation")
    c.t(" الذين قتلوا في هجمات ")
    aid = c.perp("isis", "gunmen")
    pid = c.place(" في ", kinds="badia")
    c.t(" منذ ")
    c.mark(c.small_num(c.rng.randint(1, 28), False), "date")
    c.t(f" {c.pick(MONTHS)[0]} ")
    c.mark(str(c.year - c.rng.randint(0, 2)), "year")
    c.t("، " + c.pick(("بينهم", "من ضمنهم")) + " ")
    part = c.group_count(share(total.value, c.rng, 0.05, 0.4), c.pick(("الميليشيات الموالية لإيران",
                                                                    "الفيلق الخامس", "لواء القدس")),
                         "regime", "killed", case="nom", qual=False)
    c.parts([part], total)
    c.link([total, part], aid, "perpetrator")
    c.link([total], pid, "location")
    c.end()


@pattern("isis")
def p_isis_executions(c: Ctx) -> None:
    c.t("أعدم ")
    aid = c.actor(c.pick(("تنظيم الدولة الإسلامية", "تنظيم داعش", "التنظيم")))
    c.t(" ")
    cnt = c.count(c.small(3, 20), NOUNS[c.pick(("citizen", "youth", "man"))], "killed", case="acc", qual=False)
    pid = c.place(" في ", kinds="badia")
    c.t(" بتهمة " + c.pick(("التعامل مع التحالف", "الردة", "التواصل مع قوات النظام")))
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()


@pattern("isis")
def p_isis_truck_shepherds(c: Ctx) -> None:
    aid = c.agent("isis", "gunmen", "اختطف", "اختطفت")
    c.t(" ")
    cnt = c.count(c.small(3, 30), NOUNS[c.pick(("citizen", "person", "youth"))], "abducted", case="acc",
                  qual=True)
    c.t(" من رعاة الأغنام وجامعي الكمأة")
    pid = c.place(" في ", kinds="badia")
    c.link([cnt], aid, "perpetrator")
    c.link([cnt], pid, "location")
    c.end()
