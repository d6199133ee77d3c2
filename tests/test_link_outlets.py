"""Error classes of the linker on outlets it was not written against (issue 13, item 1):
made-up sentences in the shape of the real reports' hard cases, one test per class."""

from __future__ import annotations

import re

import pytest
from test_link_veto import spans  # spans on every whole-word occurrence of each (words, label)

from hasila.annotation.ontology import Ontology
from hasila.link import LinkConfig, link
from hasila.schema import Span


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_the_allies_of_a_group_are_on_its_side(onto):
    text = ("قال المرصد إن القتلى هم 14 عنصرا من جبهة النصرة والمقاتلين الموالين لها، "
            "وستة من الفرقة 30 والمقاتلين الموالين لها.")
    marks = [("14", "COUNT"), ("عنصرا", "CATEGORY"), ("جبهة النصرة", "ACTOR"), ("ستة", "COUNT"),
             ("الفرقة 30", "CATEGORY"), ("المقاتلين الموالين لها", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["jihadist", "fighter"]
    text = "قتل 9 من قوات النظام والمسلحين الموالين لها."  # the regime's allies: regime still
    assert [r.category for r in link(text, spans(text, [("9", "COUNT")]), onto).records] == ["regime"]


def test_others_continue_the_toll_of_the_count_before(onto):
    text = "قتل خمسة عناصر من قوات سوريا الديمقراطية وأصيب اثنان آخران في الهجوم."
    marks = [("خمسة", "COUNT"), ("عناصر", "CATEGORY"), ("قوات سوريا الديمقراطية", "ACTOR"), ("اثنان", "COUNT")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["sdf", "sdf"]
    # another status: the whole toll, not its last part, even with children of their own
    text = "قتل ثمانية أشخاص، هم ثلاثة مدنيين وخمسة من عناصر الفصائل، بينما أصيب 25 آخرين بينهم أربعة أطفال."
    marks = [("ثمانية", "COUNT"), ("أشخاص", "CATEGORY"), ("ثلاثة", "COUNT"), ("مدنيين", "CATEGORY"),
             ("خمسة", "COUNT"), ("عناصر الفصائل", "CATEGORY"), ("25", "COUNT"), ("أربعة", "COUNT"),
             ("أطفال", "CATEGORY")]
    recs = link(text, spans(text, marks), onto).records
    assert [(r.value, r.category) for r in recs] == [(8, "people"), (3, "civilian"), (5, "fighter"),
                                                     (25, "people"), (4, "child")]
    # the same status: siblings of the part before them
    text = "قتل 50 مدنيا بينهم 20 في الغارات، فيما قضى 30 آخرون في القصف."
    marks = [("50", "COUNT"), ("مدنيا", "CATEGORY"), ("20", "COUNT"), ("30", "COUNT")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["civilian"] * 3


def test_a_later_coordinated_list_that_adds_up_to_a_total_breaks_it_down(onto):
    text = ("قتل 31 عنصرا على الأقل في معارك ريف حلب. "
            "وتسببت الاشتباكات بمقتل 12 عنصرا من التنظيم و19 مقاتلا من الفصائل.")
    marks = [("31", "COUNT"), ("12", "COUNT"), ("19", "COUNT"), ("عنصرا", "CATEGORY"), ("مقاتلا", "CATEGORY")]
    total, *parts = link(text, spans(text, marks), onto).records
    assert [p.part_of for p in parts] == [total.id, total.id]
    # the sum is not exact, or the total is small enough to be met by chance: no parts
    for text in ("قتل 31 عنصرا في المعارك. وقتل 12 عنصرا من التنظيم و17 مقاتلا من الفصائل.",
                 "قتل خمسة أشخاص في القصف. وقتل ثلاثة مدنيين وعنصرين من الدفاع المدني."):
        marks = [(w, "COUNT") for w in ("31", "12", "17", "خمسة", "ثلاثة", "عنصرين")]
        assert [r.part_of for r in link(text, spans(text, marks), onto).records] == [None] * 3


@pytest.mark.parametrize(("place", "category"), [("هكاري", "other"), ("عفرين", "foreign_forces")])
def test_a_states_soldiers_on_its_own_soil_are_other(onto, place, category):
    text = f"قتل ثلاثة جنود أتراك في هجوم على قافلة عسكرية في {place}."
    marks = [("ثلاثة", "COUNT"), ("جنود أتراك", "CATEGORY"), (place, "PLACE")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == [category]
    text = f"قتل ضابط صف وأصيب جنديان بجروح في هجوم على مركز حدودي للجيش التركي في {place}."
    marks = [("جنديان", "COUNT"), ("الجيش التركي", "ACTOR"), (place, "PLACE")]
    want = "other" if category == "other" else "regime"  # a bare soldier noun in Syria: the regime's
    assert [r.category for r in link(text, spans(text, marks), onto).records] == [want]


def test_regime_adjectives_and_the_wounded_of_the_same_side(onto):
    text = "أدت الغارات إلى مقتل أكثر من 60 مسلح موال للنظام."
    marks = [("60", "COUNT"), ("مسلح", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["regime"]
    text = "وأسفرت الاشتباكات عن مقتل 14 عنصرًا نظاميًا وعشرات الجرحى، ومقتل 6 مقاتلين من الفصائل."
    marks = [("14", "COUNT"), ("عنصرًا", "CATEGORY"), ("عشرات", "COUNT"), ("الجرحى", "CATEGORY"),
             ("6", "COUNT"), ("مقاتلين", "CATEGORY")]
    recs = link(text, spans(text, marks), onto).records
    assert [(r.value, r.status, r.category) for r in recs] == [(14, "killed", "regime"), (10, "injured", "regime"),
                                                              (6, "killed", "fighter")]
    text = "قتل 14 شخصا وعشرات الجرحى في القصف."  # no side named: people, as the words say
    marks = [("14", "COUNT"), ("شخصا", "CATEGORY"), ("عشرات", "COUNT"), ("الجرحى", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["people", "people"]


def test_a_part_of_the_victims_total_named_right_after_it(onto):
    text = "قتل 40 شخصا في الغارات. وقال المرصد إن 31 من بين القتلى الـ40 هم من المدنيين."
    marks = [("40", "COUNT"), ("31", "COUNT"), ("شخصا", "CATEGORY"), ("القتلى", "CATEGORY")]
    first, part, total = link(text, spans(text, marks), onto).records
    assert (part.part_of, part.category) == (total.id, "civilian")
    assert (total.part_of, total.category, first.part_of) == (None, "people", None)
    text = "قال الدفاع المدني إن ستة أشخاص من النساء والأطفال بين القتلى الـ 22 في البلدة."
    marks = [("ستة", "COUNT"), ("أشخاص", "CATEGORY"), ("22", "COUNT"), ("القتلى", "CATEGORY")]
    part, total = link(text, spans(text, marks), onto).records
    assert part.part_of == total.id


def test_a_group_head_alone_is_the_group_named_in_full_before(onto):
    text = ("هاجمت جبهة النصرة مقرا للفرقة 30 في ريف حلب. وخطفت الجبهة تسعة عناصر من الفرقة، "
            "فيما أفرجت قوات النظام عن خمسة عناصر من مقاتلي الجبهة. "
            "وقتل ثلاثة عناصر من وحدات حماية الشعب، ثم عنصران من الوحدات.")
    marks = [("تسعة", "COUNT"), ("خمسة", "COUNT"), ("ثلاثة", "COUNT"), ("عنصران", "COUNT"),
             ("عناصر", "CATEGORY")]
    recs = link(text, spans(text, marks), onto).records
    assert [r.category for r in recs] == ["fighter", "jihadist", "sdf", "sdf"]
    text = "قتل أربعة عناصر من الفرقة في الكمين."  # no group named before: nothing to resolve
    recs = link(text, spans(text, [("أربعة", "COUNT"), ("عناصر", "CATEGORY")]), onto).records
    assert [r.category for r in recs] == ["people"]


def test_a_count_without_noun_after_one_of_another_status_counts_the_same_people(onto):
    text = "قال المرصد إن 85 مدنيا قتلوا وأصيب العشرات جراء الغارات."
    recs = link(text, spans(text, [("85", "COUNT"), ("مدنيا", "CATEGORY"), ("العشرات", "COUNT")]), onto).records
    assert [(r.status, r.category) for r in recs] == [("killed", "civilian"), ("injured", "civilian")]


def test_all_of_them_after_the_counts_says_what_they_are(onto):
    text = "بلغت حصيلة سقوط الطائرة 14 قتيلا وأكثر من 60 جريحا جميعهم مدنيون."
    marks = [("14", "COUNT"), ("قتيلا", "CATEGORY"), ("60", "COUNT"), ("جريحا", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["civilian", "civilian"]
    text = "بلغت الحصيلة 14 قتيلا وأكثر من 60 جريحا، وقال الدفاع المدني إن جميعهم مدنيون."  # another clause
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["people", "people"]


def test_a_list_of_parts_opened_by_bare_nouns(onto):
    text = "اعتقلت القوات 38 شخصا، بينهم طفل وأربع نساء، واعتقل التنظيم 12 شخصا."
    marks = [("38", "COUNT"), ("أربع", "COUNT"), ("12", "COUNT"), ("شخصا", "CATEGORY"), ("نساء", "CATEGORY")]
    total, part, other = link(text, spans(text, marks), onto).records
    assert (part.part_of, part.category, other.part_of) == (total.id, "woman", None)
    text = "استشهد ثمانية مواطنين من عائلة واحدة، هم رجل وزوجته وستة من أطفالهما، جراء القصف."
    marks = [("ثمانية", "COUNT"), ("مواطنين", "CATEGORY"), ("ستة", "COUNT"), ("أطفالهما", "CATEGORY")]
    total, part = link(text, spans(text, marks), onto).records
    assert part.part_of == total.id
    text = "قتل 20 مدنيا في القصف، وأصيب طفل وقتل 6 عناصر."  # a figure-less noun in another clause
    marks = [("20", "COUNT"), ("مدنيا", "CATEGORY"), ("6", "COUNT"), ("عناصر", "CATEGORY")]
    assert [r.part_of for r in link(text, spans(text, marks), onto).records] == [None, None]


def test_a_dual_with_a_possessive_counts_two_children(onto):
    text = "استشهد ثلاثة مواطنين، هم رجل وطفلاه، بانفجار لغم."
    marks = [("ثلاثة", "COUNT"), ("مواطنين", "CATEGORY"), ("طفلاه", "COUNT")]
    total, part = link(text, spans(text, marks), onto).records
    assert (part.value, part.category, part.part_of) == (2, "child", total.id)


def test_jihadists_in_a_report_whose_only_jihadist_group_is_the_islamic_state(onto):
    text = ("شن تنظيم الدولة الإسلامية هجوما على مواقع قوات النظام. "
            "وأدت المعارك إلى مقتل 31 عنصرا من قوات النظام مقابل 24 جهاديا.")
    marks = [("تنظيم الدولة الإسلامية", "ACTOR"), ("قوات النظام", "ACTOR"), ("31", "COUNT"), ("24", "COUNT"),
             ("جهاديا", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["regime", "isis"]
    text = text.replace("تنظيم الدولة الإسلامية", "هيئة تحرير الشام")  # another jihadist group named
    marks[0] = ("هيئة تحرير الشام", "ACTOR")
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["regime", "jihadist"]


def test_group_words_that_do_not_change_who_is_counted(onto):
    cases = [
        # the backer of fighters is not their side
        ("قتل 9 أشخاص، من بينهم 5 مدنيين و4 مقاتلين مدعومين من تركيا.",
         [("9", "COUNT"), ("أشخاص", "CATEGORY"), ("5", "COUNT"), ("مدنيين", "CATEGORY"), ("4", "COUNT"),
          ("مقاتلين مدعومين من تركيا", "CATEGORY")], ["people", "civilian", "fighter"]),
        # a faction in quotes and civilians together: people
        ('غادرت دفعة تضم المئات من مقاتلي "جيش الإسلام" والمدنيين المدينة.',
         [("المئات", "COUNT"), ("مقاتلي", "CATEGORY"), ("جيش الإسلام", "ACTOR")], ["people"]),
        # where people live does not make them civilians
        ("أدى الهجوم إلى مقتل 120 شخصا من السكان.", [("120", "COUNT"), ("شخصا", "CATEGORY")], ["people"]),
        # medical workers named by their field
        ("أدت الهجمات إلى مقتل 300 شخص من العاملين في المجال الطبي.", [("300", "COUNT"), ("شخص", "CATEGORY")],
         ["medic"]),
        # a foreign state announcing its own soldiers' losses, and the others after them
        ("أعلنت أنقرة مقتل 6 من جنودها وإصابة 11 آخرين في عفرين.",
         [("أنقرة", "ACTOR"), ("6", "COUNT"), ("11", "COUNT"), ("عفرين", "PLACE")],
         ["foreign_forces", "foreign_forces"]),
        ("أعلنت الوزارة مقتل 6 من جنودها في درعا.", [("6", "COUNT")], ["regime"]),
    ]
    for text, marks, want in cases:
        found = spans(text, marks)
        if "جنودها" in text:  # the noun without its glued pronoun, as the guide marks it
            i = text.index("جنودها")
            found.append(Span(i, i + 4, "CATEGORY", "جنود"))
        assert [r.category for r in link(text, found, onto).records] == want, text


@pytest.mark.parametrize(("text", "want"), [
    ("وثقت الشبكة 240 حالة اعتقال تعسفي خلال الشهر.", [240]),
    ("وأفاد المرصد عن 35 حالة اختناق بين المدنيين.", [35]),
    ("وأدت المعارك إلى مصرع 14 جهاديا بينهم الانتحاريون الستة.", [14, 6]),
    ("وقتلت الشرطة مسلحين اثنين خلال الاشتباكات.", [2]),
    ("وارتفعت حصيلة قتلى قوات النظام جراء الهجمات إلى 188، وفق المرصد.", [188]),
    ("وقال ناشطون إن عنصرين من وحدات الحماية قضوا في الانفجار.", [2]),
    # a per-place list whose first figure alone names the people counted
    ("وبلغ عدد الضحايا في إدلب 16 شخصا، وستة في حماة، و3 في حلب، وأربعة في درعا، واثنين في الرقة.", [16, 6, 3, 4, 2]),
    ("ويعيش 2.1 مليون لاجئ في الأردن، ونحو مليون في العراق.", [2100000, 1000000]),
], ids=["cases-detained", "cases-choking", "definite-numeral", "numeral-after-noun", "toll-reaches", "dual-after-an",
        "elided-people", "elided-people-qualified"])
def test_the_rules_find_more_counts_of_people(onto, text, want):
    assert [r.value for r in link(text, [], onto).records] == want


@pytest.mark.parametrize("text", [
    "أمطرت الفصائل المعارضة للنظام السوري أربع بلدات بالقذائف.",  # a numeral before things
    "وأوضح المحافظ أن الضابطين كانا يعملان في الشرطة.",  # the two named before
    "ارتفع عدد الغارات إلى 40 منذ الصباح.",  # a toll of things
    "وشن الطيران 14 غارة على قرى الريف الغربي، و6 على محيط المدينة.",  # things, noun left out
    "وأطلقت قوات النظام 30 قذيفة على الحي، و12 أخرى على السوق.",
    "وتملك الميليشيا 80 دبابة ونحو 5 آلاف من الصواريخ.",  # a partitive names its own noun
], ids=["numeral-before-things", "definite-dual-subject", "toll-of-things", "elided-things", "elided-others",
        "partitive-of-things"])
def test_the_rules_keep_non_counts(onto, text):
    assert link(text, [], onto).records == []


def test_the_rules_read_the_counted_noun_phrase(onto):
    text = "قتل 9 أشخاص بينهم ثلاثة أطفال وامرأة في القصف."  # the woman is named beside the children
    recs = link(text, [], onto).records
    assert [(r.value, r.category) for r in recs] == [(9, "people"), (3, "child")]
    text = "أجلي نحو 11 ألف مدني ومقاتل من البلدات المحاصرة."  # one singular noun phrase: both sides
    assert [r.category for r in link(text, [], onto).records] == ["people"]
    text = "قتل 25 جهاديا من تنظيم النصرة في الريف، وتسعة من المقاتلين والموالين لهم."
    recs = link(text, [], onto, LinkConfig(category_spans=True))
    assert [r.category for r in recs.records] == ["jihadist", "fighter"]
    assert "المقاتلين والموالين لهم" in [s.text for s in recs.spans if s.label == "CATEGORY"]


def test_a_plain_figure_reached_by_a_toll_named_before_it(onto):
    text = "ويقدر الجانب الأميركي عدد مقاتلي داعش الذين قتلوا في الغارات منذ عام بـ12 ألف شخص."
    marks = [("12 ألف", "COUNT"), ("شخص", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["isis"]
    text = "وذكر معارضون أن المدنيين الذين قتلوا في القصف خلال الشهر بلغوا 1380 سوريا."
    marks = [("1380", "COUNT"), ("سوريا", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["civilian"]
    text = "ارتفعت حصيلة قتلى القذائف التي أطلقتها المعارضة على الأحياء إلى 14 شخصا."  # the perpetrator
    marks = [("14", "COUNT"), ("شخصا", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["people"]
    # the toll's kind after its status noun, the verb before the toll or the figure
    text = "وقال التقرير إن عدد الجرحى المدنيين بلغ 930 شخصا، فيما بلغ عدد القتلى المدنيين 410 أشخاص."
    assert [r.category for r in link(text, [], onto).records] == ["civilian", "civilian"]
    text = "وبلغ عدد النازحين من المدينة نحو 70 ألف شخص."  # the displaced: as the gold counts them
    assert [r.category for r in link(text, [], onto).records] == ["people"]
    text = "وبلغ عدد المواطنين الذين غادروا البلاد للقتال مع الجماعات المتشددة في الخارج 980 شخصا."
    assert [r.category for r in link(text, [], onto).records] == ["people"]  # the toll too far from the figure


def test_parts_named_by_the_pronoun_of_things_and_after_a_clause(onto):
    text = "انتشلت الفرق أكثر من 120 جثة، ولم يتم التعرف على هوية نحو 70 منها."
    marks = [("120", "COUNT"), ("جثة", "CATEGORY"), ("70", "COUNT")]
    total, part = link(text, spans(text, marks), onto).records
    assert part.part_of == total.id
    text = "نفذوا 9 هجمات أوقعت 30 قتيلا منها أربع هجمات هذا العام."  # منها after a noun: the attacks
    marks = [("30", "COUNT"), ("قتيلا", "CATEGORY")]
    assert [r.part_of for r in link(text, spans(text, marks), onto).records] == [None]
    text = "وبذلك يرتفع إلى 17 عدد الأطفال الذين قضوا بانفجار مخلفات الحرب منذ مطلع العام، من أصل 40 مدنيا."
    marks = [("17", "COUNT"), ("40", "COUNT"), ("مدنيا", "CATEGORY")]
    part, total = link(text, spans(text, marks), onto).records
    assert part.part_of == total.id


def test_a_short_quoted_name_ending_with_a_number_is_not_a_count(onto):
    text = 'وقال مدير شبكة "درعا 24" الصحافي إن 12 مدنيا قتلوا.'
    res = link(text, [], onto)
    assert [r.value for r in res.records] == [12]
    assert ("24", "ordinal") in [(n.text, n.reason) for n in res.non_counts]


def test_a_second_breakdown_of_a_total_and_a_repeated_one(onto):
    text = ("خطف التنظيم 40 سيدة وطفلا، وتمكنت خمس سيدات منهم من الفرار. "
            "ونقلت الشبكة عن الأهالي أن التنظيم خطف 22 سيدة، إضافة إلى 18 طفلا.")
    marks = [("40", "COUNT"), ("سيدة وطفلا", "CATEGORY"), ("خمس", "COUNT"), ("22", "COUNT"), ("18", "COUNT")]
    total, *parts = link(text, spans(text, marks), onto).records
    assert [p.part_of for p in parts] == [total.id] * 3
    text = ("قتل 35 مقاتلا من قوات النظام، بينهم تسعة مقاتلين روس. "
            "وقال المرصد إن الهجوم تسبب بمقتل 26 من قوات النظام بالإضافة إلى تسعة مقاتلين روس.")
    marks = [("35", "COUNT"), ("مقاتلا", "CATEGORY"), ("تسعة", "COUNT"), ("مقاتلين روس", "CATEGORY"),
             ("26", "COUNT"), ("قوات النظام", "ACTOR")]
    recs = link(text, spans(text, marks), onto).records
    assert [r.part_of for r in recs[2:]] == [None, None]  # the same figures again: their own records


def test_one_more_victim_beside_a_group_and_shepherds(onto):
    text = "قتل ثلاثة عناصر من الجيش الوطني ومدني بانفجار سيارة مفخخة."
    marks = [("ثلاثة", "COUNT"), ("عناصر", "CATEGORY"), ("الجيش الوطني", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["fighter"]
    text = "قتل 5 عناصر من قوات النظام والمدنيين في القصف."  # a plural: both sides counted
    marks = [("5", "COUNT"), ("عناصر", "CATEGORY"), ("قوات النظام", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["people"]
    text = "وأصيب ثلاثة من رعاة الأغنام بانفجار قذيفة."
    marks = [("ثلاثة", "COUNT"), ("رعاة", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["civilian"]


def test_a_group_name_with_a_number_in_it(onto):
    text = "وكان 54 عنصرا من الفرقة 30 قد دخلوا من تركيا."
    assert [(r.value, r.category) for r in link(text, [], onto).records] == [(54, "fighter")]


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب أكثر من 50 شخصا بجراح، بينهم 9 أطفال وأحد عناصر الدفاع المدني.", [50, 9, 1]),
    ("واستشهد ناشط إعلامي وممرضين اثنين في الغارة.", [2]),
    ("وفاة ثلاثة معتقلين تحت التعذيب وارتفاع الحصيلة منذ بداية العام إلى أكثر من 12 ألفا.", [3, 12000]),
    ("وأكد التقرير مقتل 31 شخصا بينهم طفل واحد و13 سيدة.", [31, 1, 13]),
    ("وقضى 12 معتقلا في السجون، منهم 11 حالة في سجن المزة وحالة واحدة في سجن عدرا.", [12, 11, 1]),
    ("وقضى ثلاثة عشر معتقلا في السجون، منهم اثنتا عشرة حالة في سجن المزة وحالة واحدة في سجن عدرا.", [13, 12, 1]),
    ("وأصيب 6 عناصر من الشرطة بجروح، حالة واحد منهم خطيرة.", [6, 1]),
    ("وقتل أربعة مدنيين، بينهم طالب جامعي واحد.", [4, 1]),
    ("وشارك في الاجتماع وفد واحد من المدينة.", []),
    ("وقال إن الطائرات الروسية هي واحدة من أسباب التقدم.", []),
    ("وخطف المسلحون نحو 40 مسيحيا من القرية.", [40]),
    ("وبلغ عدد الذين قضوا في ريف حمص منذ بداية الشهر 52، هم 30 مدنيا و22 مقاتلا.", [52, 30, 22]),
    ("وبلغ عدد المنازل المدمرة في الحي منذ بداية الشهر 52، منها 30 منزلا.", []),
    ("وبلغ عدد المرضى في المستوصف خلال الأسبوع 320، أغلبهم من الأطفال.", []),
], ids=["one-more-in-a-list", "numeral-after-wa-noun", "the-toll-reaches", "one-after-its-noun", "one-more-case", "one-more-case-in-words",
        "one-case-of-them", "one-after-noun-and-nisba", "one-delegation", "one-of-the-reasons",
        "christians", "a-toll-reached-at-the-clause-end", "houses-reached",
        "patients-reached"])
def test_the_rules_find_counts_in_lists_and_tolls(onto, text, want):
    assert [r.value for r in link(text, [], onto).records] == want


def test_one_after_a_noun_and_its_nisba_takes_the_noun_s_kind(onto):
    text = "وقتل أربعة مدنيين، بينهم طالب جامعي واحد."
    records = link(text, [], onto).records
    assert [(r.category, r.category_text) for r in records] == [("civilian", "مدنيين"), ("civilian", "طالب جامعي")]


def test_a_breakdown_by_place_may_end_with_one_case_like_an_earlier_breakdown(onto):
    text = ("ووثق التقرير وفاة 20 معتقلا، توزعوا إلى 19 حالة وفاة على يد النظام، وحالة واحدة على يد التنظيم. "
            "وسجلت حمص العدد الأعلى بثمانية أشخاص، بينما بلغ العدد في حماة ستة أشخاص، "
            "وخمسة في حلب، وضحية واحدة في درعا.")
    records = link(text, [], onto).records
    assert [r.value for r in records] == [20, 19, 1, 8, 6, 5, 1]
    assert {r.part_of for r in records[1:]} == {records[0].id}  # both breakdowns add up to 20


def test_one_of_a_group_takes_its_kind(onto):
    text = "أصيب أكثر من 50 شخصا بجراح، بينهم 9 أطفال وأحد عناصر الدفاع المدني."
    assert [r.category for r in link(text, [], onto).records] == ["people", "child", "rescue"]


def test_the_rules_keep_one_referred_to(onto):
    text = "وقال أحد المسعفين إن 6 مدنيين قتلوا في القصف."
    assert [r.value for r in link(text, [], onto).records] == [6]


def test_a_family_listed_after_its_total_with_an_age_between(onto):
    text = "استشهد ستة مواطنين من عائلة واحدة، هم رجل يبلغ من العمر 40 عاماً وزوجته وأطفالهما الأربعة."
    found = spans(text, [("ستة", "COUNT"), ("مواطنين", "CATEGORY"), ("الأربعة", "COUNT")])
    i = text.index("أطفالهما")
    found.append(Span(i, i + 5, "CATEGORY", "أطفال"))  # the noun without its glued و and pronoun
    total, part = link(text, found, onto).records
    assert (part.value, part.category, part.part_of) == (4, "child", total.id)


def test_a_fighting_noun_total_takes_the_side_of_its_parts(onto):
    text = "أسفرت الضربات عن مقتل 21 مقاتلا على الأقل، بينهم 6 من قوات النظام و15 عنصرا من القوات الموالية له."
    marks = [("21", "COUNT"), ("مقاتلا", "CATEGORY"), ("6", "COUNT"), ("قوات النظام", "ACTOR"), ("15", "COUNT"),
             ("عنصرا", "CATEGORY"), ("القوات الموالية له", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["regime"] * 3
    text = "قتل 30 مقاتلا، بينهم 12 من قوات النظام و18 من تنظيم داعش."  # two sides: combatant
    marks = [("30", "COUNT"), ("مقاتلا", "CATEGORY"), ("12", "COUNT"), ("قوات النظام", "ACTOR"), ("18", "COUNT"),
             ("تنظيم داعش", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["combatant", "regime", "isis"]


def test_a_sentence_ends_a_list_of_parts(onto):
    text = ("قتل 90 شخصا خلال الشهر، هم 30 مدنيا و40 عنصرا من قوات النظام، بينهم 8 من حزب الله. "
            "و20 مقاتلا من الفصائل.")
    marks = [("90", "COUNT"), ("شخصا", "CATEGORY"), ("30", "COUNT"), ("مدنيا", "CATEGORY"), ("40", "COUNT"),
             ("عنصرا", "CATEGORY"), ("قوات النظام", "ACTOR"), ("8", "COUNT"), ("حزب الله", "ACTOR"),
             ("20", "COUNT"), ("مقاتلا", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["8"].part_of == recs["40"].id
    assert recs["20"].part_of == recs["90"].id  # not a part of the 8 nor of the 40


def test_a_monthly_breakdown_after_a_larger_running_toll(onto):
    text = ("وثقت الشبكة اعتقال 150 شخصا خلال الشهر. وبذلك ترتفع حصيلة العام إلى 900 شخص. "
            "واعتقلت قوات النظام 80 شخصا. واعتقل التنظيم 40 شخصا. واعتقلت الفصائل 30 شخصا.")
    marks = [(w, "COUNT") for w in ("150", "900", "80", "40", "30")] + [("شخصا", "CATEGORY"), ("شخص", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert [recs[w].part_of for w in ("80", "40", "30")] == [recs["150"].id] * 3
    assert recs["900"].part_of is None


def test_a_chronology_s_later_tolls_do_not_break_down_an_early_one(onto):
    """Three later tolls of a timeline that happen to add up to an early one are no breakdown
    of it once more than ten sentences of other matter lie between; close by, they are."""
    filler = "وأعلنت الحكومة عن خطة جديدة للطرق. " * 11
    tail = "وقتل 10 جنود في غارة. وقتل 15 جنديا في قصف. وقتل 20 جنديا في هجوم."
    recs = link("قتل 45 جنديا في الضربة الأولى. " + filler + tail, [], onto).records
    assert [r.part_of for r in recs] == [None] * 4
    recs = link("قتل 45 جنديا في الضربة الأولى. " + tail, [], onto).records
    assert [r.part_of for r in recs][1:] == [recs[0].id] * 3


def test_a_toll_broken_down_by_perpetrator_then_by_province(onto):
    text = ("وثق التقرير مقتل 40 شخصا تحت التعذيب، توزعوا إلى 38 على يد قوات النظام و2 على يد التنظيم. "
            "وجاءت درعا أولا إذ بلغ عددهم فيها 15 شخصا، في حين قضى في حماة 12 شخصا، "
            "و9 في حمص، و4 في حلب.")

    def records(text: str) -> dict[str, object]:
        glued = [Span(m.start() + 1, m.end(), "COUNT", m.group()[1:]) for m in re.finditer(r"و\d+", text)]
        marks = [(w, "COUNT") for w in ("40", "38", "15", "12")] + [("شخصا", "CATEGORY")]
        return {r.text: r for r in link(text, spans(text, marks) + glued, onto).records}

    recs = records(text)
    assert [recs[w].part_of for w in ("38", "2", "15", "12", "9", "4")] == [recs["40"].id] * 6
    recs = records(text.replace("و4 في حلب", "و3 في حلب"))  # no longer adds up: not its breakdown
    assert [recs[w].part_of for w in ("15", "12", "9", "3")] == [None] * 4


def test_a_toll_told_again_place_by_place_with_its_wounded(onto):
    text = ("قتل 30 شخصا على الأقل في تفجيرات ضربت بغداد أمس. وفي الكرادة قتل 18 شخصا وجرح 40 في انفجار "
            "سيارة. كما قتل 12 شخصا وجرح 25 في حي الشعب.")

    def parents(text: str) -> list[str | None]:
        marks = [(w, "COUNT") for w in re.findall(r"\d+", text)] + [("شخصا", "CATEGORY")]
        recs = link(text, spans(text, marks), onto).records
        by_id = {r.id: r.text for r in recs}
        return [by_id.get(r.part_of or "") for r in recs]

    # the dead add up; the wounded are their pairs
    assert parents(text) == [None, "30", None, "30", None]
    assert parents(text.replace("قتل 12", "قتل 11")) == [None] * 5  # 18 + 11 is not 30
    # without a wounded figure beside each, two numbers that add up are no breakdown
    assert parents(text.replace(" وجرح 40", "").replace(" وجرح 25", "")) == [None] * 3
    # each part keeps the place of its own sentence, not the total's
    places = [("بغداد", "PLACE"), ("الكرادة", "PLACE"), ("حي الشعب", "PLACE")]
    marks = [(w, "COUNT") for w in ("30", "18", "40", "12", "25")] + [("شخصا", "CATEGORY")] + places
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert [recs[w].location for w in ("30", "18", "12")] == ["بغداد", "الكرادة", "حي الشعب"]


def test_a_part_takes_the_place_of_its_total(onto):
    text = ("قصفت الطائرات دوما أمس فقتل 40 مدنيا في غارات متتالية على الأحياء السكنية المكتظة بالسكان "
            "والنازحين منذ ساعات الصباح الأولى حتى ساعات المساء المتأخرة من يوم أمس، بينهم 9 أطفال.")
    marks = [("40", "COUNT"), ("مدنيا", "CATEGORY"), ("9", "COUNT"), ("أطفال", "CATEGORY"), ("دوما", "PLACE")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["9"].part_of == recs["40"].id
    assert recs["9"].location == recs["40"].location == "دوما"


def test_some_people_of_the_dead_named_before(onto):
    text = ("قتل 11 شخصا وأصيب 46 في قصف على العاصمة. وقال مصدر إن عشرة أشخاص من القتلى قضوا في شارع "
            "الثورة.")
    marks = [(w, "COUNT") for w in ("11", "46", "عشرة")] + [("شخصا", "CATEGORY"), ("أشخاص", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["عشرة"].part_of == recs["11"].id
    text = text.replace("من القتلى", "من السكان")  # not of the dead: a count of its own
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["عشرة"].part_of is None


def test_a_toll_of_dead_and_wounded_told_as_its_two_halves(onto):
    text = ("أعلن مصدر طبي مقتل وإصابة 30 مدنيا في قصف على البلدة.\n"
            "وقال المصدر إن القصف أسفر عن مقتل 12 مدنيا وإصابة 18 آخرين.")
    marks = [(w, "COUNT") for w in ("30", "12", "18")] + [("مدنيا", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["12"].part_of == recs["18"].part_of == recs["30"].id
    text = text.replace("18 آخرين", "17 آخرين")  # 12 + 17 is not 30
    recs = {r.text: r for r in link(text, spans(text, [*marks, ("17", "COUNT")]), onto).records}
    assert recs["12"].part_of is None and recs["17"].part_of is None


@pytest.mark.parametrize(("text", "want"), [
    ("وتكبدت قوات النظام 12 قتيلا في معارك الريف الشمالي.", ["regime"]),
    ("وأسفرت المواجهات التي كبدت قوات النظام 12 قتيلا وعشرات الجرحى عن تقدم الفصائل.", ["regime", "regime"]),
    ("وقال المرصد إن التنظيم تكبد خسائر بلغت 30 قتيلا.", ["isis"]),
    ("وقصفت قوات النظام البلدة وقتل 12 مدنيا.", ["civilian"]),  # no تكبد: the noun says
])
def test_the_side_that_suffered_the_losses(onto, text, want):
    marks = [("قوات النظام", "ACTOR"), ("التنظيم", "ACTOR"), ("12", "COUNT"), ("30", "COUNT"),
             ("عشرات", "COUNT"), ("قتيلا", "CATEGORY"), ("الجرحى", "CATEGORY"), ("مدنيا", "CATEGORY")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == want


def test_the_group_named_after_the_verb_that_agrees_with_the_count(onto):
    text = "وأفاد ناشطون بأن 25 شخصا قتلوا من جبهة النصرة في القصف الليلي."
    marks = [("25", "COUNT"), ("شخصا", "CATEGORY"), ("جبهة النصرة", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["jihadist"]


def test_people_under_eighteen_are_children(onto):
    text = "وداهمت دورية أمنية الحي واعتقلت سبعة شبان، بينهم ثلاثة دون سن الثامنة عشرة."
    assert [(r.value, r.category) for r in link(text, [], onto).records] == [(7, "man"), (3, "child")]
    text = "وقتل خمسة أشخاص دون سن الثلاثين في القصف."  # another age: the noun says
    assert [r.category for r in link(text, [], onto).records] == ["people"]


@pytest.mark.parametrize(("text", "want"), [
    ("وقالت الشرطة إن أربعين من هؤلاء المتشددين رجعوا إلى بلدانهم.", "jihadist"),
    ("وقد قتل المئات من هذا التنظيم خلال معارك الصيف الماضي.", "isis"),
])
def test_a_demonstrative_between_the_partitive_and_its_group(onto, text, want):
    assert [r.category for r in link(text, [], onto).records] == [want]


def test_a_member_noun_before_a_group(onto):
    for text, want in [("وأصيب اثنان من عمال فرق الإنقاذ بانفجار لغم.", ["rescue"]),
                       ("وأصيب ثلاثة من متطوعي منظومة الإسعاف في الغارة.", ["rescue"]),
                       ("وقتل عشرة من عناصر الدفاع المدني وثلاثة من الكوادر الطبية.", ["rescue", "medic"])]:
        assert [r.category for r in link(text, [], onto).records] == want, text


def test_a_unit_named_with_its_group_in_quotes(onto):
    text = 'قتل ستة عناصر من قوى الأمن الداخلي "الأسايش" وأصيب 4 آخرون في الهجوم.'
    assert [r.category for r in link(text, [], onto).records] == ["sdf", "sdf"]


def test_a_people_noun_with_a_possessive_pronoun(onto):
    text = "أعلنت أنقرة مقتل 8 من جنودها وإصابة 13 آخرين في عفرين."
    assert [r.category for r in link(text, [], onto).records] == ["foreign_forces", "foreign_forces"]
    text = "قضت امرأة وثلاثة من أطفالها في القصف."
    assert [r.category for r in link(text, [], onto).records] == ["child"]


def test_records_do_not_depend_on_invisible_marks_or_no_break_spaces() -> None:
    """Pasted web text carries direction marks after punctuation, zero-width joiners inside
    words and no-break spaces: the records are those of the clean text."""
    from hasila.annotation.ontology import Ontology
    from hasila.rules.tagger import RulesTagger

    clean = "قتل 16 مدنيا، بينهم ثلاثة أطفال وامرأتان، في قصف لقوات النظام على مدينة إدلب."
    pasted = clean.replace("، ", "،\u200f ").replace("ثلاثة", "ثل\u200cاثة").replace("قوات النظام", "قوات\u00a0النظام")
    tagger = RulesTagger.load(ontology=Ontology.load())

    def records(text: str) -> list[tuple[int, str, bool, bool]]:
        from hasila.link import link, load_link_config

        res = link(text, tagger.label(text).spans, tagger.ontology, load_link_config())
        return [(r.value, r.category, r.part_of is not None, r.perpetrator is not None) for r in res.records]

    assert records(pasted) == records(clean) == [(16, "civilian", False, True), (3, "child", True, True),
                                                 (2, "woman", True, True)]


def test_counts_written_in_brackets_link_as_without() -> None:
    """Some outlets write a count in brackets (``مقتل (16) مدنيا``): the records are the same."""
    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    tagger = RulesTagger.load(ontology=Ontology.load())

    def records(text: str) -> list[tuple[str, int, str, bool]]:
        res = link(text, tagger.label(text).spans, tagger.ontology, load_link_config())
        return [(r.text, r.value, r.category, r.part_of is not None) for r in res.records]

    assert records("قتل (16) مدنيا بينهم (4) أطفال في قصف على إدلب.") == [
        ("16", 16, "civilian", False), ("4", 4, "child", True)]


def test_thousands_grouped_by_spaces_link_as_one_count() -> None:
    """French-style outlets group thousands with a (narrow) space (``1 206``): one count, and
    its parts still belong to it."""
    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    tagger = RulesTagger.load(ontology=Ontology.load())
    for sep in (" ", "\u202f", "\xa0"):
        text = f"ووثق المرصد مقتل 1{sep}206 مدنيين بينهم 305 أطفال منذ بداية العام."
        res = link(text, tagger.label(text).spans, tagger.ontology, load_link_config())
        recs = [(r.value, r.category) for r in res.records]
        assert recs == [(1206, "civilian"), (305, "child")]
        assert res.records[1].part_of == res.records[0].id


def test_a_hard_wrapped_report_links_as_its_paragraphs() -> None:
    """Text pasted from a PDF or an e-mail is broken near a fixed width, mid-sentence: the
    records are those of the same report with its lines joined."""
    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    flat = ("وثق المرصد السوري لحقوق الإنسان مقتل 45 شخصا خلال يوم أمس في مناطق عدة من البلاد، بينهم 12 "
            "طفلا وسبع نساء قضوا في غارات جوية نفذتها طائرات النظام على بلدات ريف إدلب الجنوبي وريف "
            "حماة الشمالي، كما قتل 9 عناصر من قوات النظام في اشتباكات مع الفصائل على محاور ريف اللاذقية.")
    words, lines, line = flat.split(" "), [], ""
    for w in words:
        if len(line) + len(w) > 60:
            lines.append(line.rstrip())
            line = ""
        line += w + " "
    wrapped = "\n".join([*lines, line.rstrip()])
    assert wrapped.count("\n") >= 4 and len(wrapped) == len(flat)
    tagger = RulesTagger.load(ontology=Ontology.load())

    def records(text: str) -> list[tuple[int, str, str | None, str | None]]:
        res = link(text, tagger.label(text).spans, tagger.ontology, load_link_config())
        return [(r.value, r.category, r.part_of, r.location and " ".join(r.location.split())) for r in res.records]

    assert records(wrapped) == records(flat)
    assert [r[:3] for r in records(flat)] == [(45, "people", None), (12, "child", "c1"), (7, "woman", "c1"),
                                              (9, "regime", None)]


def test_presentation_forms_and_persian_letters_link_as_arabic_letters() -> None:
    """Text extracted from a PDF (presentation forms, lam-alef ligatures) or typed on a Persian
    keyboard (ی ک) gives the records of the same text in Arabic letters."""
    import unicodedata

    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    clean = "قتل 16 لاجئا بينهم أربعة أطفال في قصف لقوات النظام السوري على مدينة إدلب."  # لا: a ligature
    isolated = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0xFE80, 0xFEFD)
                if unicodedata.name(chr(cp), "").endswith("ISOLATED FORM")}
    pdf = "".join(isolated.get(ch, ch) for ch in clean.replace("لا", "\ufefb"))
    persian = clean.replace("ي", "ی").replace("ك", "ک")
    tagger = RulesTagger.load(ontology=Ontology.load())

    def records(text: str) -> list[tuple[int, str, bool, bool]]:
        res = link(text, tagger.label(text).spans, tagger.ontology, load_link_config())
        return [(r.value, r.category, r.part_of is not None, r.perpetrator is not None) for r in res.records]

    assert "\ufefb" in pdf
    assert records(pdf) == records(persian) == records(clean) == [(16, "civilian", False, True),
                                                                  (4, "child", True, True)]


def test_a_partitive_of_the_sentence_before_names_no_group(onto):
    text = ("قتل 40 مدنيا في غارات على البلدة. وقال المرصد إن من بين القتلى أطفالا. "
            "ووردت أنباء عن سقوط عشرات القتلى من الطرفين منذ بدء الهجوم.")
    marks = [("40", "COUNT"), ("مدنيا", "CATEGORY"), ("عشرات", "COUNT"), ("القتلى من الطرفين", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["عشرات"].part_of is None  # both sides' dead are not among the 40 civilians


def test_people_pointed_back_to_are_part_of_the_last_total(onto):
    text = ("وقالت الوزارة إن نحو 120 متشددا سافروا للقتال في الخارج. وأضافت أن خمسين من هؤلاء المتشددين "
            "رجعوا إلى البلاد وقتل 20 في المعارك.")
    marks = [(w, "COUNT") for w in ("120", "خمسين", "20")] + [("متشددا", "CATEGORY"), ("المتشددين", "CATEGORY")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["خمسين"].part_of == recs["20"].part_of == recs["120"].id
    assert recs["20"].category == recs["120"].category
    # a total several sentences back is not whom هؤلاء points to
    far = text.replace("في الخارج.", "في الخارج. وتتابع الشرطة القضية. ولم تصدر أحكام بعد. وتستمر التحقيقات.")
    recs = {r.text: r for r in link(far, spans(far, marks), onto).records}
    assert recs["خمسين"].part_of is None


def test_members_of_a_unit_named_before_take_the_side_it_pledged_to(onto):
    text = "انفجرت سيارة قرب مقر للواء الأنصار المبايع لتنظيم داعش في البلدة، ما أدى لمقتل 4 من عناصر اللواء."
    marks = [("4", "COUNT"), ("عناصر اللواء", "CATEGORY"), ("لواء الأنصار المبايع لتنظيم داعش", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["isis"]
    text = "اشتبكت الفصائل مع جبهة النصرة في الريف، ما أدى لمقتل 4 من عناصر الجبهة."  # named, not tied
    marks = [("4", "COUNT"), ("عناصر الجبهة", "CATEGORY"), ("جبهة النصرة", "ACTOR"), ("الفصائل", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["jihadist"]


def test_soldiers_of_another_state_are_no_part_of_a_toll_of_a_state_s_soldiers(onto):
    text = ("وثق المرصد مقتل 120 شخصا خلال الشهر، وهم: 40 مدنيا بينهم 10 أطفال.\n\n"
            "كما قتل 25 عسكريا تركيا، بينهم 12 قتلوا في غارة واحدة، إضافة إلى ثلاثة عسكريين روس قتلوا بانفجار عبوة.\n\n"
            "وقتل 30 عنصرا من قوات النظام، بينهم 4 ضباط.\n\n"
            "و22 جنديا من الجيش التركي قتلوا في القصف.")
    marks = [("120", "COUNT"), ("شخصا", "CATEGORY"), ("40", "COUNT"), ("مدنيا", "CATEGORY"), ("10", "COUNT"),
             ("أطفال", "CATEGORY"), ("25", "COUNT"), ("عسكريا تركيا", "CATEGORY"), ("12", "COUNT"),
             ("ثلاثة", "COUNT"), ("عسكريين روس", "CATEGORY"), ("30", "COUNT"), ("عنصرا", "CATEGORY"),
             ("قوات النظام", "ACTOR"), ("4", "COUNT"), ("ضباط", "CATEGORY"), ("22", "COUNT"), ("جنديا", "CATEGORY"),
             ("الجيش التركي", "ACTOR")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    # Russians are not among the Turkish dead, nor Turkish soldiers among the government's: the
    # month's total holds them, and its five parts add up to it
    assert [recs[t].part_of for t in ("40", "25", "ثلاثة", "30", "22")] == [recs["120"].id] * 5
    assert recs["12"].part_of == recs["25"].id and recs["4"].part_of == recs["30"].id


def test_a_detail_of_a_listed_item_is_part_of_that_item_not_the_next_item(onto):
    text = ("ووثق المرصد خلال الشهر مقتل 300 شخص، ويتوزعون على النحو الآتي:\n"
            "120 مدنيا، بينهم 30 طفلا. وقضى 50 من المدنيين في الغارات، فيما قضى الباقون في القصف.\n"
            "100 مقاتل من الفصائل.\n"
            "80 عنصرا من قوات النظام.")
    marks = [("300", "COUNT"), ("شخص", "CATEGORY"), ("120", "COUNT"), ("مدنيا", "CATEGORY"), ("30", "COUNT"),
             ("طفلا", "CATEGORY"), ("50", "COUNT"), ("المدنيين", "CATEGORY"), ("100", "COUNT"),
             ("مقاتل", "CATEGORY"), ("الفصائل", "ACTOR"), ("80", "COUNT"), ("عنصرا", "CATEGORY"),
             ("قوات النظام", "ACTOR")]
    recs = {r.text: r for r in link(text, spans(text, marks), onto).records}
    assert recs["50"].part_of == recs["120"].id  # those of the civilians killed in the air strikes
    assert [recs[t].part_of for t in ("120", "100", "80")] == [recs["300"].id] * 3


def test_a_title_s_plain_toll_is_the_side_the_body_tells_it_of(onto):
    text = ("غارات على مواقع للمسلحين الموالين للنظام تخلف 17 قتيلا\n"
            "ارتفع إلى 17 عدد قتلى قوات النظام جراء الغارات على ريف حمص.")
    marks = [("17", "COUNT"), ("قتيلا", "CATEGORY"), ("قتلى", "CATEGORY"), ("قوات النظام", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["regime", "regime"]
    # a first paragraph is no title: its plain toll stays people
    text = ("قتل 17 شخصا في الغارات على ريف حمص، بحسب ما أفاد المرصد السوري اليوم في بيان تلقته وسائل "
            "الإعلام عن الغارات التي شنتها طائرات حربية لم تعرف هويتها على مواقع عدة في المنطقة.\n"
            "وارتفع إلى 17 عدد قتلى قوات النظام.")
    marks = [("17", "COUNT"), ("شخصا", "CATEGORY"), ("قتلى", "CATEGORY"), ("قوات النظام", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["people", "regime"]


def test_an_overall_toll_broken_down_in_rounded_figures(onto):
    text = ("وبلغت حصيلة القتلى منذ بداية الحرب 250,410 أشخاص بينهم 80,250 مدنيا.\n"
            "أما من القوات الحكومية فقتل نحو 95 ألف عنصر.\n"
            "في المقابل، قتل أكثر من 41 ألفا من مقاتلي الفصائل.\n"
            "كما قتل {last} من مقاتلي التنظيمات المتطرفة.")

    def parents(last: str) -> list[str | None]:
        words = ("80,250", "95 ألف", "41 ألفا", last)
        marks = [(w, "COUNT") for w in ("250,410", *words)]
        recs = {r.text: r for r in link(text.format(last=last), spans(text.format(last=last), marks), onto).records}
        by_id = {r.id: r.text for r in recs.values()}
        return [by_id.get(recs[w].part_of) for w in words]

    # 80,250 + 95,000 + 41,000 + 33,560 = 249,810: within 1 % of the total, in rounded figures
    assert parents("33,560") == ["250,410"] * 4
    # far from it: the rest is no breakdown of the total
    assert parents("93,560") == ["250,410", None, None, None]


def test_a_group_with_a_joined_adjective_then_another_side(onto):
    text = "وقتل خلال العام 9 آلاف من عناصر الفصائل المعارضة والإسلامية وقسد في المعارك."
    assert [r.category for r in link(text, [], onto).records] == ["combatant"]
    text = "وقتل 20 من الفصائل المقاتلة والإسلامية في الريف."  # the adjective alone: one side
    assert [r.category for r in link(text, [], onto).records] == ["fighter"]


@pytest.mark.parametrize(("text", "want"), [
    ("وقالت الأمم المتحدة إن ما بين 12 ألفا و15 ألف شخص غادروا البلدة.", [12000, 15000]),
    ("وقال إن ما بين 12 و15 ألف شخص غادروا البلدة.", [12000]),  # the second's scale, one count
    ("ويقدر عدد مقاتليه بين 4500 و5 آلاف مقاتل.", [4500]),  # the first in full already, one count
    ("وتعرضت البلدة لقصف أودى بحياة المئات خلال الأعوام الماضية.", [100]),
])
def test_the_first_figure_of_a_range_and_lives_claimed(onto, text, want):
    assert [r.value for r in link(text, [], onto).records] == want


def test_nouns_read_alike_from_a_pdf_s_presentation_forms(onto):
    import unicodedata

    isolated = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0xFE80, 0xFEFD)
                if unicodedata.name(chr(cp), "").endswith("ISOLATED FORM")
                and len(unicodedata.normalize("NFKC", chr(cp))) == 1}
    for text in ("وقال البيان: قتل ثلاثة من عسكريينا في الهجوم على قافلة بالجبال.",
                 "وبلغ عدد الضحايا 25 شهيدًا في القصف.",
                 "وقتل أربعة في حلب، وضحية واحدة في حمص."):
        pdf = text.translate(str.maketrans(isolated))
        as_written = [(r.value, r.category) for r in link(text, [], onto, LinkConfig(category_spans=True)).records]
        from_pdf = [(r.value, r.category) for r in link(pdf, [], onto, LinkConfig(category_spans=True)).records]
        assert from_pdf == as_written, text


def test_the_dead_of_a_side_named_after_among(onto):
    """``من بين قتلى المعارضة ثلاثة``: the part belongs to that side's toll, not to the toll of
    the other side told just before; ``من بين القتلى نساء …`` keeps the whole toll."""
    text = "وقتل 12 من المعارضة و9 من قوات النظام. ومن بين قتلى المعارضة ثلاثة من القادة."
    recs = link(text, [], onto).records
    by_id = {r.id: r for r in recs}
    (part,) = [r for r in recs if r.value == 3]
    assert part.part_of is not None and by_id[part.part_of].value == 12
