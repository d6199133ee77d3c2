"""The post-processor, case by case: sentences of varied report styles in hasila markup.

Each markup case states the expected records through its COUNT attributes and
relations (read by :func:`hasila.schema.records_from_doc`); the linker gets the
same spans with the COUNT attributes removed and must give them back. Other
cases check non-count reasons, rules without spans, warnings and the API.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from hasila.annotation.markup import parse_markup
from hasila.annotation.ontology import Ontology
from hasila.link import LinkConfig, LinkResult, NonCount, link, link_doc
from hasila.schema import CasualtyRecord, Doc, Span, records_from_doc

CORE = ("value", "category", "status", "qualifier", "part_of")
WITH_ACTORS = (*CORE, "perpetrator", "affiliation")
WITH_PLACE = (*CORE, "location")
ALL = (*CORE, "perpetrator", "affiliation", "location")


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def _run(doc: Doc, ontology: Ontology, **cfg: bool) -> LinkResult:
    return link(doc.text, [replace(s, count=None) for s in doc.spans], ontology, LinkConfig(**cfg))


def _compare(want: list[CasualtyRecord], got: list[CasualtyRecord], fields: tuple[str, ...]) -> list[str]:
    problems = []
    if [(r.start, r.end) for r in got] != [(r.start, r.end) for r in want]:
        return [f"spans {[r.text for r in got]} != {[r.text for r in want]}"]
    for w, g in zip(want, got, strict=True):
        for f in fields:
            if getattr(w, f) != getattr(g, f):
                problems.append(f"{w.text}: {f} = {getattr(g, f)!r}, want {getattr(w, f)!r}")
    return problems


# (markup, fields to compare)
MARKUP_CASES: list[tuple[str, tuple[str, ...]]] = [
    # plain tolls
    ("قتل [5|COUNT k=civilian cat=k1 at=p1] [مدنيين|CATEGORY#k1] في قصف على بلدة [كفرنبل|PLACE#p1].", WITH_PLACE),
    ("أصيب [12|COUNT s=injured k=child cat=k1] [طفلاً|CATEGORY#k1] بجروح متفاوتة.", CORE),
    ("اعتقلت [قوات النظام|ACTOR#a1] [7|COUNT s=detained k=people cat=k1 by=a1] [أشخاص|CATEGORY#k1] خلال حملة دهم.",
     WITH_ACTORS),
    ("قضى [16|COUNT q=at_least k=regime cat=k1 aff=a1] [عنصراً|CATEGORY#k1] على الأقل من [قوات النظام|ACTOR#a1] "
     "في الاشتباكات.", WITH_ACTORS),
    ("لقي نحو [20|COUNT q=about k=people cat=k1] [شخصاً|CATEGORY#k1] حتفهم في الانفجار.", CORE),
    ("وثق المرصد مقتل أكثر من [100|COUNT q=at_least k=civilian cat=k1] [مدني|CATEGORY#k1] منذ مطلع الشهر.", CORE),
    ("قتل ما لا يقل عن [35|COUNT q=at_least k=fighter cat=k1] [مقاتلاً|CATEGORY#k1] في المعارك.", CORE),
    # the guide: displaced people and refugees are civilian
    ("وصل قرابة [200|COUNT q=about s=other k=civilian cat=k1] [نازح|CATEGORY#k1] إلى المخيم الحدودي.", CORE),
    ("أصيب [عشرات|COUNT v=10 q=at_least s=injured k=civilian cat=k1] [المدنيين|CATEGORY#k1] بحالات اختناق.", CORE),
    ("نزح [المئات|COUNT v=100 q=at_least s=other k=people] من البلدة خلال الليل.", CORE),
    ("قتل وأصيب [العشرات|COUNT v=10 q=at_least s=other k=people] في قصف صاروخي على السوق.", CORE),
    ("يعيش نحو [400 ألف|COUNT v=400000 q=about s=other k=people cat=k1] [شخص|CATEGORY#k1] في المدينة المحاصرة.", CORE),
    ("لا يزال [14|COUNT s=missing k=people cat=k1] [شخصاً|CATEGORY#k1] في عداد المفقودين.", CORE),
    ("اختطف مسلحون مجهولون [ستة|COUNT v=6 s=abducted k=civilian cat=k1] [مدنيين|CATEGORY#k1] على الطريق.", CORE),
    ("قتل [٣٠|COUNT v=30 k=civilian cat=k1] [مدنياً|CATEGORY#k1] في الغارات.", CORE),
    ("قتل [خمسة وعشرين|COUNT v=25 k=civilian cat=k1] [مدنياً|CATEGORY#k1] في مجزرة جديدة.", CORE),
    ("قتل أكثر من1700 [مدني|CATEGORY#k1] في الهجوم.".replace("1700", "[1700|COUNT q=at_least k=civilian cat=k1]"),
     CORE),
    # duals and one
    ("أسفر القصف عن مقتل [طفلين|COUNT v=2 k=child] في القرية.", CORE),
    ("قتل [عنصرين|COUNT v=2 k=regime aff=a1] من [قوات النظام|ACTOR#a1] بانفجار عبوة.", WITH_ACTORS),
    ("قتل [خمسة|COUNT#c1 v=5 k=civilian cat=k1] [مدنيين|CATEGORY#k1]، بينهم [طفلان|COUNT v=2 k=child of=c1].",
     CORE),
    # partitive groups
    ("قتل [9|COUNT k=rescue cat=k1] من [الدفاع المدني|CATEGORY#k1] في غارة مزدوجة.", CORE),
    ("قتل [19|COUNT k=combatant cat=k1] من [قوات النظام وفصائل المعارضة|CATEGORY#k1] في الاشتباكات.", CORE),
    ("خرج [الآلاف|COUNT v=1000 q=at_least s=other k=people cat=k1] من [المقاتلين والمدنيين|CATEGORY#k1] باتجاه الشمال.",
     CORE),
    ("قتل [5|COUNT k=rescue cat=k1] [عناصر|CATEGORY#k1] من فرق الإنقاذ أثناء عملهم.", CORE),
    ("قتل [57|COUNT k=isis cat=k1 aff=a1] [عنصراً|CATEGORY#k1] من [تنظيم داعش|ACTOR#a1] في الهجوم.", WITH_ACTORS),
    ("قتل [22|COUNT k=regime cat=k1] [مقاتلاً|CATEGORY#k1] موالياً للنظام في هجوم مباغت.", CORE),
    ("قتل [4|COUNT k=foreign_forces cat=k1] [جنود أتراك|CATEGORY#k1] في الهجوم.", CORE),
    ("قتل [تسعة|COUNT v=9 k=foreign_forces cat=k1] [مقاتلين روس|CATEGORY#k1] في الهجوم.", CORE),
    ("قتل [40|COUNT k=regime cat=k1] [قتيلاً|CATEGORY#k1] في صفوف [قوات النظام|ACTOR#a1] خلال يومين.", CORE),
    # part_of: بينهم, منهم, nested lists, هم / وهم
    ("قتل [60|COUNT#c1 k=people cat=k1] [شخصاً|CATEGORY#k1]، بينهم [40|COUNT#c2 k=civilian cat=k2 of=c1] "
     "[مدنياً|CATEGORY#k2] بينهم [12|COUNT k=child cat=k3 of=c2] [طفلاً|CATEGORY#k3].", CORE),
    ("قتل [19|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1] بينهم [7|COUNT k=child cat=k2 of=c1] "
     "[أطفال|CATEGORY#k2] و[4|COUNT k=woman cat=k3 of=c1] [نساء|CATEGORY#k3] في قصف جوي.", CORE),
    ("قتل [28|COUNT#c1 k=people cat=k1] [شخصاً|CATEGORY#k1] هم [10|COUNT k=civilian cat=k2 of=c1] "
     "[مدنيين|CATEGORY#k2] و[18|COUNT k=fighter cat=k3 of=c1] [مقاتلاً|CATEGORY#k3].", CORE),
    ("بلغت الحصيلة [300|COUNT#c1 k=people cat=k1] [قتيل|CATEGORY#k1]، وهم: [120|COUNT k=civilian cat=k2 of=c1] "
     "[مدنياً|CATEGORY#k2] و[180|COUNT k=regime cat=k3 of=c1 aff=a1] [عنصراً|CATEGORY#k3] من [قوات النظام|ACTOR#a1].",
     CORE),
    ("أصيب [خمسة|COUNT#c1 v=5 s=injured k=journalist cat=k1] [صحفيين|CATEGORY#k1]، وتوفي "
     "[اثنان|COUNT v=2 k=journalist of=c1] منهم لاحقاً.", CORE),
    ("قتل [سبعة|COUNT v=7 k=child cat=k1 of=c2] [أطفال|CATEGORY#k1] من بين [20|COUNT#c2 k=civilian cat=k2] "
     "[مدنياً|CATEGORY#k2] قضوا في المجزرة.", CORE),
    ("قتل [40|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1] و[60|COUNT k=fighter cat=k2] [مقاتلاً|CATEGORY#k2]، "
     "ومن ضمن حصيلة المدنيين [15|COUNT k=child cat=k3 of=c1] [طفلاً|CATEGORY#k3].", CORE),
    ("مقتل [30|COUNT#c1 k=regime cat=k1 aff=a1] [عنصراً|CATEGORY#k1] من [قوات النظام|ACTOR#a1] وإصابة "
     "[50|COUNT s=injured k=regime] آخرين، ومن بين القتلى [4|COUNT k=regime cat=k2 of=c1] [ضباط|CATEGORY#k2].", CORE),
    ("مقتل [12|COUNT k=regime cat=k1] [عنصراً|CATEGORY#k1] وإصابة [20|COUNT s=injured k=regime aff=a1] آخرين من "
     "[قوات النظام|ACTOR#a1].", CORE),
    ("مقتل [6|COUNT k=civilian cat=k1] [مدنيين|CATEGORY#k1] وإصابة [15|COUNT s=injured k=civilian] آخرين بجروح.", CORE),
    ("قتل [54|COUNT#c1 q=at_least k=people cat=k1] [شخصاً|CATEGORY#k1] على الأقل، بينهم [28|COUNT k=civilian cat=k2 "
     "of=c1] [مدنياً|CATEGORY#k2].", CORE),
    ("قتل [23|COUNT#c1 q=at_least k=regime cat=k1] [عنصراً|CATEGORY#k1] على الأقل، هم [خمسة|COUNT v=5 k=regime cat=k2 "
     "of=c1] من [قوات النظام|CATEGORY#k2] و[18|COUNT k=regime cat=k3 of=c1] [عنصراً|CATEGORY#k3] من القوات الموالية له.",
     CORE),
    ("أحصى المرصد مقتل نحو [مئة|COUNT#c1 v=100 q=about k=civilian cat=k1] [مدني|CATEGORY#k1]، بينهم "
     "[21|COUNT k=civilian of=c1] توفوا اختناقاً.", CORE),
    ("خرج أكثر من [4 آلاف|COUNT#c1 v=4000 q=at_least s=other k=people cat=k1] [شخص|CATEGORY#k1]، من بينهم أكثر من "
     "[1400|COUNT q=at_least s=other k=fighter cat=k2 of=c1] [مقاتل|CATEGORY#k2].", CORE),
    # breakdowns across sentences, separate events
    ("ارتفع عدد القتلى إلى [120|COUNT#c1 k=people cat=k1] [شخصاً|CATEGORY#k1]. وهم [70|COUNT k=civilian cat=k2 of=c1] "
     "[مدنياً|CATEGORY#k2] و[50|COUNT k=fighter cat=k3 of=c1] [مقاتلاً|CATEGORY#k3].", CORE),
    ("قتل [10|COUNT k=civilian cat=k1] [مدنيين|CATEGORY#k1] في [إدلب|PLACE#p1]. وفي حماة قتل [4|COUNT k=child cat=k2] "
     "[أطفال|CATEGORY#k2] بقصف مدفعي.", CORE),
    ("قتل [100|COUNT#c1 k=people cat=k1] [شخص|CATEGORY#k1] منذ بدء الحملة، وهم: [40|COUNT k=civilian cat=k2 of=c1] "
     "[مدنياً|CATEGORY#k2] قضوا في الغارات. كما قتل [60|COUNT k=fighter cat=k3 of=c1] [مقاتلاً|CATEGORY#k3] في المعارك.",
     CORE),
    ("قتل [100|COUNT#c1 k=people cat=k1] [شخص|CATEGORY#k1] منذ بدء الحملة، وهم: [40|COUNT k=civilian cat=k2 of=c1] "
     "[مدنياً|CATEGORY#k2] قضوا في الغارات. كما قتل [50|COUNT k=fighter cat=k3] [مقاتلاً|CATEGORY#k3] في المعارك.",
     CORE),
    ("ارتفع عدد القتلى المدنيين في المحافظة إلى [85|COUNT k=civilian].", CORE),
    ("ارتفعت الحصيلة إلى [93|COUNT k=civilian] تعداد القتلى المدنيين منذ الأحد.", CORE),
    ("قتل [2019|COUNT k=fighter cat=k1] [مقاتل|CATEGORY#k1] منذ مطلع عام 2019.", CORE),
    ("قال المرصد إن [طفلا|CATEGORY#k1] [واحدا|COUNT v=1 k=child cat=k1] مات اختناقاً.", CORE),
    # perpetrators and places
    ("قتل [8|COUNT k=civilian cat=k1 by=a1 at=p1] [مدنيين|CATEGORY#k1] جراء قصف [طائرات النظام الحربية|ACTOR#a1] "
     "على [معرة النعمان|PLACE#p1].", ALL),
    ("قتل [3|COUNT k=civilian cat=k1 by=a1] [مواطنين|CATEGORY#k1] برصاص [قوات النظام|ACTOR#a1] عند حاجز.", ALL),
    ("قتل [11|COUNT k=civilian cat=k1 by=a1] [مدنياً|CATEGORY#k1] في غارات نفذتها [الطائرات الروسية|ACTOR#a1].", ALL),
    ("أعدم [14|COUNT k=civilian cat=k1 by=a1] [مدنياً|CATEGORY#k1] على يد [تنظيم الدولة الإسلامية|ACTOR#a1].",
     WITH_ACTORS),
    ("قتل [5|COUNT k=civilian cat=k1 by=a1] [مدنيين|CATEGORY#k1] و[3|COUNT k=fighter cat=k2 by=a1] "
     "[مقاتلين|CATEGORY#k2] بقصف [قوات النظام|ACTOR#a1].", WITH_ACTORS),
    ("استهدفت [طائرات حربية روسية|ACTOR#a1] سوقاً شعبياً ما أدى إلى مقتل [11|COUNT k=civilian cat=k1 by=a1] "
     "[مدنياً|CATEGORY#k1].", WITH_ACTORS),
    ("قتل [4|COUNT k=child cat=k1 at=p1] [أطفال|CATEGORY#k1] بانفجار لغم في [ريف حلب الشمالي|PLACE#p1].", WITH_PLACE),
    ("قتل [6|COUNT#c1 k=civilian cat=k1 by=a1 at=p1] [مدنيين|CATEGORY#k1] بينهم [2|COUNT k=child cat=k2 of=c1 by=a1 "
     "at=p1] [أطفال|CATEGORY#k2] في غارة لـ[طائرات النظام|ACTOR#a1] على [سراقب|PLACE#p1].", ALL),
    ("قتل [9|COUNT k=regime cat=k1 aff=a1 by=a2] [عناصر|CATEGORY#k1] من [قوات النظام|ACTOR#a1] في اشتباكات مع "
     "[هيئة تحرير الشام|ACTOR#a2].", WITH_ACTORS),
    # distribution lists announced by على النحو التالي, running over paragraphs (exact sum)
    ("رصد المرصد مقتل [100|COUNT#c1 k=people cat=k1] [شخص|CATEGORY#k1] خلال الشهر.\n\nوتوزعت الحصيلة على النحو "
     "التالي: [60|COUNT#c2 k=civilian cat=k2 of=c1] [مدنياً|CATEGORY#k2]، بينهم [10|COUNT k=child cat=k3 of=c2] "
     "[أطفال|CATEGORY#k3].\n\nكما قتل [25|COUNT k=fighter cat=k4 of=c1] [مقاتلاً|CATEGORY#k4] في المعارك.\n\n"
     "و[15|COUNT k=regime cat=k5 aff=a1 of=c1] [عنصراً|CATEGORY#k5] من [قوات النظام|ACTOR#a1].", CORE),
    # … and not adding up: later counts join while they fit, an injured count ends the list
    ("قتل [200|COUNT#c1 k=civilian cat=k1] [مدني|CATEGORY#k1] في الحملة. وجاءت الحصيلة كالتالي: "
     "[80|COUNT k=civilian cat=k2 of=c1] [مدنياً|CATEGORY#k2] بغارات جوية.\nكذلك قضى [30|COUNT k=civilian cat=k3 "
     "of=c1] [مواطناً|CATEGORY#k3] بالقصف المدفعي. كما أصيب [90|COUNT s=injured k=civilian cat=k4] "
     "[مدنياً|CATEGORY#k4] بجروح.", CORE),
    # a colon, and bulleted lines
    ("قتل [30|COUNT#c1 k=people cat=k1] [شخصاً|CATEGORY#k1]: [20|COUNT k=civilian cat=k2 of=c1] [مدنياً|CATEGORY#k2] "
     "و[10|COUNT k=fighter cat=k3 of=c1] [مقاتلين|CATEGORY#k3].", CORE),
    ("ارتفعت حصيلة القصف إلى [45|COUNT#c1 k=people cat=k1] [قتيلاً|CATEGORY#k1]، وهم:\n- [25|COUNT#c2 k=civilian cat=k2 "
     "of=c1] [مدنياً|CATEGORY#k2] بينهم [6|COUNT k=child cat=k3 of=c2] [أطفال|CATEGORY#k3]\n- [12|COUNT k=regime "
     "cat=k4 of=c1] [جندياً|CATEGORY#k4]\n- [8|COUNT k=fighter cat=k5 of=c1] [مقاتلين|CATEGORY#k5]", CORE),
    # ومن ضمن الحصيلة، / ومن ضمنهم أيضاً / إضافة إلى
    ("قضى [500|COUNT#c1 k=civilian cat=k1] [مدني|CATEGORY#k1] بينهم [120|COUNT k=child cat=k2 of=c1] "
     "[طفلاً|CATEGORY#k2]. ومن ضمن الحصيلة، [90|COUNT k=civilian cat=k3 of=c1] [مدنياً|CATEGORY#k3] قتلتهم الغارات.",
     CORE),
    ("قتل [70|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1]، بينهم [20|COUNT k=child cat=k2 of=c1] "
     "[طفلاً|CATEGORY#k2]، ومن ضمنهم أيضاً [أربعة|COUNT v=4 k=rescue cat=k3 of=c1] من [الدفاع المدني|CATEGORY#k3].",
     CORE),
    ("استشهد [150|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1]، بينهم [40|COUNT k=child cat=k2 of=c1] "
     "[طفلاً|CATEGORY#k2]، إضافة إلى [اثنين|COUNT v=2 k=journalist cat=k3 of=c1] [صحفيين|CATEGORY#k3].", CORE),
    # فيما قضى …: a sibling of the list item the previous count belongs to
    ("وثق المرصد مقتل [90|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1]، ومن ضمن حصيلة المدنيين [30|COUNT#c2 "
     "k=civilian cat=k2 of=c1] [مدنياً|CATEGORY#k2] بينهم [8|COUNT k=child cat=k3 of=c2] [أطفال|CATEGORY#k3] قتلوا "
     "في الغارات، فيما قضى [12|COUNT k=civilian cat=k4 of=c1] [مواطناً|CATEGORY#k4] بالقصف المدفعي.", CORE),
    ("قتل [50|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1]، قتلت الطائرات [20|COUNT#c2 k=civilian of=c1] منهم، "
     "فيما قضى [15|COUNT k=civilian of=c1] آخرون بالقصف البري.", CORE),
    # a verb and a comma close a بينهم list: the next coordinated count goes back up
    ("قضى [14|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1]، هم: [ستة|COUNT#c2 v=6 k=civilian cat=k2 of=c1] "
     "[مواطنين|CATEGORY#k2] بينهم [مواطنتان|COUNT v=2 k=woman of=c2] قضوا جراء الغارات، "
     "و[مواطنان|COUNT v=2 k=civilian of=c1] استشهدا برصاص قناص.", CORE),
    # factions and jihadists together are fighters
    ("قتل [40|COUNT k=fighter cat=k1 aff=a1,a2] [مقاتلاً|CATEGORY#k1] من [الفصائل|ACTOR#a1] و[المجموعات الجهادية|ACTOR#a2] "
     "في المعارك.", CORE),
    # a dual of brothers (men, as the team gold counts them), one of them, the other two
    ("عثر الأهالي على جثتي [شقيقين|COUNT v=2 k=man] قرب القرية.", CORE),
    ("قتل [ثلاثة|COUNT#c1 v=3 k=regime cat=k1] [ضباط|CATEGORY#k1] في الكمين، [أحد|COUNT v=1 k=regime of=c1]هم برتبة عقيد.",
     CORE),
    ("قتل [ستة|COUNT v=6 k=regime cat=k1 aff=a1] [عناصر|CATEGORY#k1] من [قوات النظام|ACTOR#a1] وأصيب "
     "[عنصرين|COUNT v=2 s=injured k=regime] آخرين.", CORE),
    # a bare neutral noun: the group named with it earlier in the sentence
    ("استهدف صاروخ آلية تقل عناصر من [قوات سوريا الديمقراطية|ACTOR#a1]، ما أدى لمقتل [أربعة|COUNT v=4 k=sdf cat=k1] "
     "[عناصر|CATEGORY#k1] كانوا على متنها.", CORE),
    # statuses: versus, a detainee who died, a verb after the list of parts
    ("قتل [20|COUNT k=regime cat=k1 aff=a1] [عنصراً|CATEGORY#k1] من [قوات النظام|ACTOR#a1] مقابل "
     "[15|COUNT k=fighter cat=k2] [مقاتلاً|CATEGORY#k2] في المواجهات.", CORE),
    ("وثق المرصد وفاة [12|COUNT k=people cat=k1] [معتقلاً|CATEGORY#k1] تحت التعذيب في السجون.", CORE),
    ("اعتقلت الدورية [12|COUNT s=detained k=people cat=k1] [شخصاً|CATEGORY#k1] في البلدة.", CORE),
    ("وقال المدير إن \"[40|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1] بينهم [9|COUNT k=child cat=k2 of=c1] "
     "[أطفال|CATEGORY#k2] قتلوا في الغارات\".", CORE),
]


@pytest.mark.parametrize(("markup", "fields"), MARKUP_CASES, ids=[f"m{i:02d}" for i in range(len(MARKUP_CASES))])
def test_markup_case(markup: str, fields: tuple[str, ...], ontology: Ontology) -> None:
    doc = parse_markup(markup, categories=set(ontology.ids))
    res = _run(doc, ontology)
    problems = _compare(records_from_doc(doc), res.records, fields)
    assert not problems, "\n".join(problems)


# (text, number text, occurrence, reason)
NON_COUNT_CASES: list[tuple[str, str, str]] = [
    ("بدأت الحملة في 18 شباط/فبراير الماضي.", "18", "date"),
    ("وقع الهجوم يوم السبت 30 نوفمبر.", "30", "date"),
    ("منذ 19 نيسان/أبريل تتواصل المعارك.", "19", "date"),
    ("خلال الفترة من 15/03/2019 حتى اليوم.", "15", "date"),
    ("اندلع النزاع في العام 2011 وما زال مستمراً.", "2011", "year"),
    ("تسيطر الفصائل منذ 2012 على المنطقة.", "2012", "year"),
    ("قتل طفل يبلغ من العمر 12 عاماً بقذيفة.", "12", "age"),
    ("قتل 32 مدنياً خلال 24 ساعة.", "24", "duration"),
    ("تستمر الهدنة لمدة 30 يوماً.", "30", "duration"),
    ("بدأ النزاع قبل 8 سنوات.", "8", "duration"),
    ("نفذت الطائرات 25 غارة على البلدة.", "25", "thing"),
    ("سقطت 40 قذيفة صاروخية على الأحياء.", "40", "thing"),
    ("ألقى الطيران المروحي 12 برميلاً متفجراً.", "12", "thing"),
    ("تقع البلدة على بعد 65 كيلومتراً من المدينة.", "65", "thing"),
    ("دمر القصف 15 منزلاً في الحي.", "15", "thing"),
    ("تسيطر القوات على 95 بالمئة من المنطقة.", "95", "percentage"),
    ("ارتفعت النسبة إلى 40 في المئة.", "40", "percentage"),
    ("بلغت قيمة المساعدات 300 دولار للعائلة.", "300", "money"),
    ("استهدف القصف مقر اللواء 47 في ريف حماة.", "47", "ordinal"),
    ("وردت الحصيلة في التقرير رقم 5 الصادر أمس.", "5", "ordinal"),
    ("وقف لإطلاق النار لمدة شهر واحد.", "واحد", "duration"),
    ("وقال أحد سكان البلدة إن القصف عنيف.", "أحد", "other"),
]


@pytest.mark.parametrize(("text", "number", "reason"), NON_COUNT_CASES,
                         ids=[f"n{i:02d}" for i in range(len(NON_COUNT_CASES))])
def test_non_count_reason(text: str, number: str, reason: str, ontology: Ontology) -> None:
    res = link(text, [], ontology)
    found = [n for n in res.non_counts if n.text == number]
    assert found, f"{number} not a non-count: records {[r.text for r in res.records]}"
    assert found[0].reason == reason
    assert text[found[0].start:found[0].end] == number
    assert all(r.text != number for r in res.records)


# rules alone (no spans): (text, [(number text, value, category, status, parent text)])
RULE_CASES: list[tuple[str, list[tuple[str, int, str, str, str | None]]]] = [
    ("قتل 16 عنصراً على الأقل من قوات النظام.", [("16", 16, "regime", "killed", None)]),
    ("أسفر القصف عن مقتل 17 مدنياً بينهم 7 أطفال.",
     [("17", 17, "civilian", "killed", None), ("7", 7, "child", "killed", "17")]),
    ("أصيب ثلاثة أطفال بجروح.", [("ثلاثة", 3, "child", "injured", None)]),
    ("قتل 10 من الجهاديين في الاشتباكات.", [("10", 10, "jihadist", "killed", None)]),
    ("نزح عشرات الآلاف من السكان.", [("عشرات الآلاف", 10000, "civilian", "other", None)]),
    ("قتل 2019 مقاتلاً في عام 2019.", [("2019", 2019, "fighter", "killed", None)]),
    ("مقتل 4 مدنيين وإصابة 52 آخرين.",
     [("4", 4, "civilian", "killed", None), ("52", 52, "civilian", "injured", None)]),
    ("وثق المرصد مقتل 42 مدنياً يوم السبت في دوما.", [("42", 42, "civilian", "killed", None)]),
    ("وبذلك يرتفع إلى 2021 عدد الأشخاص الذين قتلوا منذ بدء الحملة.", [("2021", 2021, "people", "killed", None)]),
    ("قتل جنديان روسيان بانفجار لغم.", [("جنديان", 2, "foreign_forces", "killed", None)]),
    ("قتل 11 عنصراً من فرق الهندسة التابعة لـقوات سوريا الديمقراطية.", [("11", 11, "sdf", "killed", None)]),
    ("أصيب 6 عناصر من فرقة الحمزة بانفجار عبوة.", [("6", 6, "fighter", "injured", None)]),
    ("قتل 9 عناصر من جيش خالد بن الوليد المبايع لتنظيم الدولة الإسلامية.", [("9", 9, "isis", "killed", None)]),
]


@pytest.mark.parametrize(("text", "expected"), RULE_CASES, ids=[f"r{i:02d}" for i in range(len(RULE_CASES))])
def test_rules_without_spans(text: str, expected: list[tuple[str, int, str, str, str | None]],
                             ontology: Ontology) -> None:
    res = link(text, [], ontology)
    by_id = {r.id: r for r in res.records}
    got = [(r.text, r.value, r.category, r.status, by_id[r.part_of].text if r.part_of else None)
           for r in res.records]
    assert got == expected


def test_rules_fallback_off_gives_only_non_counts(ontology: Ontology) -> None:
    res = link("قتل 17 مدنياً بينهم 7 أطفال.", [], ontology, LinkConfig(rules_fallback=False))
    assert res.records == []
    assert [(n.text, n.reason) for n in res.non_counts] == [("17", "other"), ("7", "other")]


def test_count_spans_win_over_uncertain_rules(ontology: Ontology) -> None:
    text = "وصل 25 إلى المستشفى."  # the rules alone would not call 25 a count
    res = link(text, [Span(4, 6, "COUNT", "25", id="c1")], ontology)
    assert [r.value for r in res.records] == [25] and res.non_counts == []


def test_count_span_on_things_is_vetoed(ontology: Ontology) -> None:
    text = "نفذت الطائرات 25 غارة."
    res = link(text, [Span(14, 16, "COUNT", "25", id="c1")], ontology)
    assert res.records == [] and [(n.text, n.reason) for n in res.non_counts] == [("25", "thing")]
    assert "not counted as people" in res.warnings[0] and "things" in res.warnings[0]


def test_count_span_without_number_is_skipped(ontology: Ontology) -> None:
    text = "قتل مدني في القصف."
    res = link(text, [Span(4, 8, "COUNT", "مدني", id="c1")], ontology)
    assert res.records == [] and res.warnings and "no number" in res.warnings[0]


def test_sum_warning(ontology: Ontology) -> None:
    doc = parse_markup("قتل [10|COUNT#c1 k=civilian cat=k1] [مدنيين|CATEGORY#k1]، بينهم [6|COUNT k=child cat=k2 of=c1] "
                       "[أطفال|CATEGORY#k2] و[5|COUNT k=woman cat=k3 of=c1] [نساء|CATEGORY#k3].")
    res = _run(doc, ontology)
    assert not _compare(records_from_doc(doc), res.records, CORE)
    assert len(res.warnings) == 1
    assert "10" in res.warnings[0] and "11" in res.warnings[0]


def test_no_warning_for_overlapping_kinds(ontology: Ontology) -> None:
    doc = parse_markup("قتل [10|COUNT#c1 k=people cat=k1] [أشخاص|CATEGORY#k1]، بينهم [8|COUNT k=civilian cat=k2 of=c1] "
                       "[مدنيين|CATEGORY#k2] و[5|COUNT k=child cat=k3 of=c1] [أطفال|CATEGORY#k3].")
    res = _run(doc, ontology)
    assert res.warnings == []


def test_records_are_numbered_in_text_order(ontology: Ontology) -> None:
    res = link("قتل 5 مدنيين و3 مقاتلين. وأصيب 7 أطفال.", [], ontology)
    assert [r.id for r in res.records] == ["c1", "c2", "c3"]
    assert [r.text for r in res.records] == ["5", "3", "7"]


def test_link_doc_round_trip(ontology: Ontology) -> None:
    doc = parse_markup("قتل [19|COUNT#c1 k=civilian cat=k1] [مدنياً|CATEGORY#k1] بينهم [7|COUNT#c2 k=child cat=k2 of=c1] "
                       "[أطفال|CATEGORY#k2] بقصف [قوات النظام|ACTOR#a1].")
    bare = Doc(doc.id, doc.text, [replace(s, count=None) for s in doc.spans])
    linked = link_doc(bare, ontology)
    counts = {s.id: s for s in linked.spans_of("COUNT")}
    assert counts["c1"].count is not None and counts["c1"].count.category_id == "civilian"
    assert counts["c2"].count is not None and counts["c2"].count.value == 7
    rels = {(r.from_id, r.type, r.to_id) for r in linked.relations}
    assert ("c2", "part_of", "c1") in rels and ("c1", "category", "k1") in rels
    assert ("c1", "perpetrator", "a1") in rels
    assert [r.category for r in records_from_doc(linked)] == ["civilian", "child"]


def test_rule_counts_become_spans(ontology: Ontology) -> None:
    res = link("قتل 5 مدنيين.", [], ontology)
    doc = res.to_doc("d", "قتل 5 مدنيين.")
    assert [(s.label, s.text) for s in doc.spans] == [("COUNT", "5")]
    assert doc.spans[0].count is not None and doc.spans[0].count.category_id == "civilian"


def test_non_count_type() -> None:
    n = NonCount(0, 2, "30", "date")
    assert (n.start, n.end, n.text, n.reason) == (0, 2, "30", "date")
