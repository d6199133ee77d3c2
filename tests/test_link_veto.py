"""Issue 13's error classes: the non-count veto over a tagger's COUNT spans, and the
guide's conventions the linker follows (made-up sentences in the shape of real ones)."""

from __future__ import annotations

import re

import pytest

from hasila.annotation.ontology import Ontology
from hasila.link import link
from hasila.schema import Span


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def spans(text: str, marks: list[tuple[str, str]]) -> list[Span]:
    """Spans on every whole-word occurrence of each ``(words, label)``."""
    out = []
    for words, label in marks:
        for m in re.finditer(rf"(?<![\w]){re.escape(words)}(?![\w])", text):
            out.append(Span(m.start(), m.end(), label, words))
    return out


@pytest.mark.parametrize(("text", "number", "reason", "plain"), [
    ("قتل 5 مدنيين في 12 أيار الماضي.", "12", "date", "a date"),
    ("استمر القصف حتى 3 آذار/مارس.", "3", "date", "a date"),
    ("وانقطع الاتصال بالفريق منذ 9 من الشهر الجاري.", "9", "date", "a date"),
    ("وقع الانفجار عند الساعة 03:25 فجرا.", "03", "time", "time of day"),
    ("وقع الانفجار عند الساعة 03:25 فجرا.", "25", "time", "time of day"),
    ("أغارت طائرة اف-16 على البلدة.", "16", "ordinal", "unit or model"),
    ("هاجمت الفرقة 30 مواقع التنظيم.", "30", "ordinal", "unit or model"),
    ("وزار الوفد المخيم في المرحلة الـ 14 من الحملة.", "14", "ordinal", "unit or model"),
    ("وأصيب الحارس في الدقيقة 71 من اللقاء فغادر الملعب.", "71", "ordinal", "unit or model"),
    ("يسيطر الحزب على المدينة منذ عام 1973.", "1973", "year", "a year"),
    ("بدأت الحرب قبل 8 سنوات.", "8", "duration", "length of time"),
    ("وتضاعف عدد ضحايا خمسة أشهر من الحصار في المدينة.", "خمسة", "duration", "length of time"),
    ("أطلقت القوات 20 صاروخا على البلدة.", "20", "thing", "things"),
    ("دمرت الغارات 28 طائرة في المطار.", "28", "thing", "things"),
    ("سيطرت القوات على 88 قرية.", "88", "thing", "things"),
    ("وقال الصيادون إنهم قتلوا 60 حوتا خلال الموسم.", "60", "thing", "things"),
    ("وشنت الطائرات الحربية العشرات من الغارات على أطراف البلدة.", "العشرات", "thing", "things"),
    ("وتلقت الجماعة مئات الآلاف من الدولارات من المتبرعين.", "مئات الآلاف", "thing", "things"),
    ("قتل طفل يبلغ 12 عاما في القصف.", "12", "age", "an age"),
    ("وسمحت الحكومة بالسفر للنساء والرجال فوق سن 45 فقط.", "45", "age", "an age"),
    ("وتقام البطولة في نسختها الثانية بعد النسخة الـ 19 الملغاة.", "19", "ordinal", "unit or model"),
    ("وقالت الشرطة إن المهاجم شاب في العشرين من ضواحي المدينة.", "العشرين", "age", "an age"),
    ("ووقع الهجوم في الثلاثين من أيلول في السوق.", "الثلاثين", "date", "a date"),
    ("ارتفعت الأسعار 40 بالمئة.", "40", "percentage", "percentage"),
    ("بقي في المستشفى يوم واحد فقط.", "واحد", "duration", "length of time"),
    ("كان ذلك أحد أكثر الأيام دموية.", "أحد", "other", "counts nobody"),
    ("رفع المحتجون شعار دم واحد ومصير واحد.", "واحد", "thing", "things"),
    ("فاز الفريق بهدف واحد في المباراة.", "واحد", "thing", "things"),
    # the word for year (or birth) right before a year, whatever noun follows it
    ("وورد ذلك في تقرير عام 2016 طالب الحكومة بفتح تحقيق.", "2016", "year", "a year"),
    ("وقتل القاضي وهو من مواليد 1968 ومن سكان المدينة.", "1968", "year", "a year"),
    # a unit's number before the unit's own definite adjective
    ("وانطلق الصاروخ من اللواء الـ 61 الروسي المتمركز قرب الحدود.", "61", "ordinal", "unit or model"),
    # an age said with the possessive of two, and buildings after a partitive من
    ("وقتل التوأمان وهما في 14 من عمرهما بالقصف.", "14", "age", "an age"),
    ("وأحرقت النيران أكثر من 200 من المنازل في القرية.", "200", "thing", "things"),
    # an age after سن with its article standing apart
    ("وجندت الفصائل عشرات الأطفال دون سن الـ 16 للقتال.", "16", "age", "an age"),
    # an event named by its year, the second year of a range, a name's number after its article
    ("وقتل الجنديان في حرب 2006 على لبنان.", "2006", "year", "a year"),
    ("وأصيب المهاجم قبل انطلاق كأس العالم 2022 بقطر.", "2022", "year", "a year"),
    ("وجرح اللاعب في المونديال، بعد مونديال 1994 على أرضه.", "1994", "year", "a year"),
    ("ودمرت القوات المقابر بين عامي 2004 و 2016 على أطراف المدينة.", "2016", "year", "a year"),
    ("وقتل في الفترة بين 2011 و 2013 بحياة أكثر من 40 شخصا.", "2013", "year", "a year"),
    ("وأحيا السكان الذكرى الـ 25 لأحداث المجزرة.", "25", "ordinal", "unit or model"),
    # a year after its month and the word saying which month (الماضي), a killing after it
    ("وقام رجل في 3 آب المنصرم 2014 بقتل جاره.", "2014", "year", "a year"),
    # a year right after its month, a people noun after it
    ("ومنذ كانون الثاني 2016 مدنيا قتلوا في المدينة.", "2016", "year", "a year"),
    ("وفي يونيو 2014 شخصا قتلوا في المدينة.", "2014", "year", "a year"),
    # pieces of arms are things
    ("وصادرت الدورية عشر قطع سلاح من المسلحين.", "عشر", "thing", "things"),
    # a definite number word after a definite day or week: which one, not how many
    ("وتواصل القصف على الحي لليوم الثلاثين على التوالي.", "الثلاثين", "ordinal", "unit or model"),
    ("ونقل موفد قناة فرانس 24 مقتل ضابط في الهجوم.", "24", "ordinal", "unit or model"),
    ("ودمرت الغارة مدفعا عيار 57 وقتل ثلاثة من طاقمه.", "57", "ordinal", "unit or model"),
    ("وقتل رجلان في حريق اندلع في الطابق 12 من الفندق.", "12", "ordinal", "unit or model"),
    # a day of the same month; things after a demonstrative; targets, organisations, tweets
    ("وقتل ثلاثة مدنيين في 21 من ذات الشهر.", "21", "date", "a date"),
    ("وتبين أن 40 من هذه القنابل قتلت مدنيين.", "40", "thing", "things"),
    ("وقتل جنديان ودمرت الغارات ستة أهداف عسكرية.", "ستة", "thing", "things"),
    ("وقالت 14 منظمة حقوقية إن المعتقلين قتلوا تحت التعذيب.", "14", "thing", "things"),
    # the number of a list's first item, after a colon or at a line's start
    ("وكشف البيان عن العمليات على النحو الآتي:- 1- هجوم على مقر الشرطة قتل فيه جنديان.", "1", "list",
     "item in a list"),
    ("وأعلنت الوزارة الحصيلة.\n2 - اعتقال المتهمين في المدينة.", "2", "list", "item in a list"),
    # a news outlet's name ending in a number
    ("وقالت شبكة حلب 24 في بيانها إن 12 شخصا أصيبوا بالقصف.", "24", "ordinal", "unit or model"),
    # hundreds of millions with no people noun: a sum
    ("وتعهدت الدول المانحة بتقديم 600 مليون للمخيمات قبل الشتاء.", "600 مليون", "money", "sum of money"),
    ("وخسرت الشركة عشرات المليارات منذ بدء الحرب.", "عشرات المليارات", "money", "sum of money"),
])
def test_a_tagged_non_count_is_vetoed(onto, text, number, reason, plain):
    res = link(text, spans(text, [(number, "COUNT")]), onto)
    assert [r.text for r in res.records if r.text == number] == []
    assert (number, reason) in [(n.text, n.reason) for n in res.non_counts]
    said = [w for w in res.warnings if f"'{number}'" in w]
    assert said and plain in said[0] and "not counted as people" in said[0]


def test_a_day_of_a_month_in_words_is_a_date(onto):
    res = link("وقتل رجلان في الذكرى التي توافق العشرين من أيار.", [], onto)
    assert ("العشرين", "date") in [(n.text, n.reason) for n in res.non_counts]
    assert [r.value for r in res.records] == [2]


@pytest.mark.parametrize("text", [
    "وأصيب المهاجم خلال فوز فريقه 3-1 على ضيفه في الدوري.",
    "وتقدم النادي في الترتيب بعد أن تغلب على منافسه بنتيجة 2 - 0 أمس.",
    "وقاد اللاعب فريقه للفوز 104-99 على منافسه رغم إصابته.",
])
def test_a_match_score_counts_nobody(onto, text):
    res = link(text, [], onto)
    assert res.records == [] and all(n.reason == "other" for n in res.non_counts)


def test_a_range_of_people_joined_by_a_hyphen_stays_a_count(onto):
    assert [r.value for r in link("ولم يتبق في المخيم سوى 150-200 نازح.", [], onto).records] == [200]


def test_a_year_in_words_after_the_word_for_year_is_a_year(onto):
    res = link("وقتل المهاجم وهو من مواليد عام ألف وتسعمئة وثمانين.", [], onto)
    assert res.records == [] and [n.reason for n in res.non_counts] == ["year"]


def test_a_year_glued_to_and_closes_a_range_of_years(onto):
    res = link("ودمرت القوات المقابر بين عامي 2004 و2016 على أطراف المدينة.", [], onto)
    assert res.records == [] and [(n.text, n.reason) for n in res.non_counts] == [("2004", "year"), ("2016", "year")]


@pytest.mark.parametrize("text", [
    "قتل مدني واحد في القصف.",
    "سجلت حالة وفاة واحدة في المخيم.",
    "أصيب جامعي واحد في الانفجار.",
    "قال إن واحدا من الجرحى توفي.",
])
def test_one_victim_after_a_person_or_case_word_stays_a_count(onto, text):
    number = next(w for w in ("واحدة", "واحدا", "واحد") if w in text)
    res = link(text, spans(text, [(number, "COUNT")]), onto)
    assert [r.value for r in res.records] == [1]


def test_a_people_count_after_a_unit_name_is_kept(onto):
    text = "قتل 54 عنصرا من الفرقة 30 في الهجوم."
    res = link(text, spans(text, [("54", "COUNT"), ("30", "COUNT"), ("عنصرا", "CATEGORY")]), onto)
    assert [r.value for r in res.records] == [54]


def test_mixed_side_total_is_people(onto):
    text = "قتل 17 مواطنا بينهم أربعة من مقاتلي الفصائل في القصف."
    res = link(text, spans(text, [("17", "COUNT"), ("أربعة", "COUNT"), ("مواطنا", "CATEGORY")]), onto)
    total, part = res.records
    assert (total.value, total.category) == (17, "people")
    assert (part.category, part.part_of) == ("fighter", total.id)


def test_civilian_total_without_fighters_stays_civilian(onto):
    text = "قتل 17 مواطنا بينهم أربعة أطفال في القصف."
    res = link(text, spans(text, [("17", "COUNT"), ("أربعة", "COUNT"), ("مواطنا", "CATEGORY"),
                                  ("أطفال", "CATEGORY")]), onto)
    assert [r.category for r in res.records] == ["civilian", "child"]


@pytest.mark.parametrize("service", ["المخابرات", "أمن الدولة", "الأمن العسكري", "المخابرات الجوية"])
def test_security_services_are_regime(onto, service):
    text = f"قتل 6 عناصر من {service} في الكمين."
    res = link(text, spans(text, [("6", "COUNT"), ("عناصر", "CATEGORY"), (service, "ACTOR")]), onto)
    assert [r.category for r in res.records] == ["regime"]


def test_province_breakdown_after_an_overall_total(onto):
    text = ("ارتفعت حصيلة القتلى اليوم إلى 85 شخصا. ففي محافظة حمص قتل 19 شخصا، "
            "وفي حلب قتل سبعة أشخاص. وفي إدلب قتل 12 شخصا.")
    res = link(text, spans(text, [("85", "COUNT"), ("19", "COUNT"), ("سبعة", "COUNT"), ("12", "COUNT"),
                                  ("شخصا", "CATEGORY"), ("أشخاص", "CATEGORY"),
                                  ("حمص", "PLACE"), ("حلب", "PLACE"), ("إدلب", "PLACE")]), onto)
    total, *parts = res.records
    assert total.value == 85 and total.part_of is None
    assert [(p.value, p.part_of) for p in parts] == [(19, total.id), (7, total.id), (12, total.id)]


def test_running_tolls_are_never_parts(onto):
    text = "أفادت حصيلة أولية بمقتل 15 شخصا، ثم 23 قتيلا، قبل أن ترتفع الحصيلة إلى 40 قتيلا."
    res = link(text, spans(text, [("15", "COUNT"), ("23", "COUNT"), ("40", "COUNT"),
                                  ("شخصا", "CATEGORY"), ("قتيلا", "CATEGORY")]), onto)
    assert [(r.value, r.part_of) for r in res.records] == [(15, None), (23, None), (40, None)]


def test_spelled_out_compound_split_by_a_tagger_is_one_record(onto):
    text = "قتل ثلاثة آلاف وخمسمئة شخص في المعارك."
    res = link(text, spans(text, [("ثلاثة آلاف", "COUNT"), ("وخمسمئة", "COUNT"), ("شخص", "CATEGORY")]), onto)
    assert [(r.value, r.text) for r in res.records] == [(3500, "ثلاثة آلاف وخمسمئة")]


def test_qualifier_after_the_noun_and_a_comma(onto):
    text = "قتل 11 إيرانيا، على الأقل، في الغارة."
    res = link(text, spans(text, [("11", "COUNT"), ("إيرانيا", "CATEGORY")]), onto)
    assert [(r.value, r.qualifier) for r in res.records] == [(11, "at_least")]


def test_a_year_like_number_of_fighters_is_a_count(onto):
    text = "قتل أكثر من 2000 من المسلحين في المعارك منذ عام 2015."
    res = link(text, [], onto)
    assert [(r.value, r.qualifier, r.category) for r in res.records] == [(2000, "at_least", "combatant")]
    assert [(n.text, n.reason) for n in res.non_counts] == [("2015", "year")]


def test_a_part_of_the_victims_named_earlier(onto):
    text = "قتل 11 شخصا في القصف على المدينة. وقال المرصد إن تسعة من القتلى هم من المدنيين."
    res = link(text, spans(text, [("11", "COUNT"), ("تسعة", "COUNT"), ("شخصا", "CATEGORY")]), onto)
    total, part = res.records
    assert (part.value, part.part_of, part.category) == (9, total.id, "civilian")


def test_police_are_other_and_refugees_civilian(onto):
    text = "أصيب 4 شرطيين في الهجوم، ووصل 300 لاجئ إلى المخيم."
    res = link(text, spans(text, [("4", "COUNT"), ("شرطيين", "CATEGORY"), ("300", "COUNT"), ("لاجئ", "CATEGORY")]),
               onto)
    assert [r.category for r in res.records] == ["other", "civilian"]


def test_an_ordinal_day_is_not_a_count(onto):
    text = "تتواصل الاشتباكات منذ اليوم الموافق للثامن عشر من الشهر، وقتل 5 مدنيين."
    res = link(text, [], onto)
    assert [r.value for r in res.records] == [5]
    assert ("عشر", "ordinal") in [(n.text, n.reason) for n in res.non_counts]


def test_a_soldier_of_a_named_foreign_army_and_a_former_fighter(onto):
    text = "قتل 51 جنديا من الجيش التركي، واغتيل عنصران سابقان في الفصائل."
    res = link(text, spans(text, [("51", "COUNT"), ("جنديا", "CATEGORY"), ("الجيش التركي", "ACTOR"),
                                  ("عنصران", "COUNT"), ("الفصائل", "ACTOR")]), onto)
    assert [r.category for r in res.records] == ["foreign_forces", "fighter"]


def test_digits_and_words_joined_by_wa_are_one_value(onto):
    text = "لم يتضمن العدد 65 ألف و900 شخص مفقودين."
    res = link(text, spans(text, [("65 ألف و900", "COUNT"), ("شخص", "CATEGORY")]), onto)
    assert [r.value for r in res.records] == [65900]


def test_killed_then_a_wounded_clause_with_its_own_figure(onto):
    text = "قال المرصد إن 18 شخصا قتلوا وأصيب 50 آخرون جراء سقوط صاروخ."
    res = link(text, spans(text, [("18", "COUNT"), ("50", "COUNT"), ("شخصا", "CATEGORY")]), onto)
    assert [(r.value, r.status) for r in res.records] == [(18, "killed"), (50, "injured")]
    text = "قتل وأصيب 30 شخصا في القصف."  # one figure for both: other
    res = link(text, spans(text, [("30", "COUNT"), ("شخصا", "CATEGORY")]), onto)
    assert [r.status for r in res.records] == ["other"]


def test_a_part_before_its_total_with_words_between(onto):
    text = "قال المسؤول إن 293 طفلا فقدوا والديهم من إجمالي 4514 طفلا يخضعون للرعاية."
    res = link(text, spans(text, [("293", "COUNT"), ("4514", "COUNT"), ("طفلا", "CATEGORY")]), onto)
    part, total = res.records
    assert part.part_of == total.id and total.part_of is None


def test_a_bare_toll_of_foreign_soldiers(onto):
    text = "وبذلك يرتفع إلى 12 عدد العسكريين الروس الذين قتلوا في المنطقة."
    res = link(text, spans(text, [("12", "COUNT")]), onto)
    assert [r.category for r in res.records] == ["foreign_forces"]


def test_a_dual_people_noun_counts_two_without_a_tagger(onto):
    text = "قتل 15 طفلا وامرأتان في غارة جوية، وأسفر هجومان مسلحان عن إصابة 9 عناصر."
    res = link(text, [], onto)
    assert [(r.value, r.category) for r in res.records] == [(15, "child"), (2, "woman"), (9, "people")]


def test_a_report_total_broken_down_by_perpetrator_in_later_sentences(onto):
    text = ("وثق التقرير اعتقال 120 شخصا خلال الشهر. واعتقلت قوات النظام 70 شخصا. "
            "واعتقل التنظيم 30 شخصا. واعتقلت الفصائل 20 شخصا.")
    marks = [("120", "COUNT"), ("70", "COUNT"), ("30", "COUNT"), ("20", "COUNT"), ("شخصا", "CATEGORY")]
    total, *parts = link(text, spans(text, marks), onto).records
    assert [p.part_of for p in parts] == [total.id] * 3
    text = "قتل 32 مدنيا في الغارات. وقتل 18 مدنيا في البلدة. وقتل 14 مدنيا في القرية."  # two: by chance
    total, *parts = link(text, spans(text, [("32", "COUNT"), ("18", "COUNT"), ("14", "COUNT"),
                                            ("مدنيا", "CATEGORY")]), onto).records
    assert [p.part_of for p in parts] == [None, None]


def test_more_numbers_that_count_nobody(onto):
    text = ("قتل 7 من الفرقة 30 والمقاتلين الموالين لها منذ 25 من شهر يونيو، "
            "أي بمعدل سبعة قتلى في الشهر.")
    res = link(text, [], onto)
    assert [r.value for r in res.records] == [7]
    assert {(n.text, n.reason) for n in res.non_counts} == {("30", "ordinal"), ("25", "date"), ("سبعة", "other")}


@pytest.mark.parametrize(("text", "category"), [
    ("قتل 12 عنصرا من ميليشيات الحوثي في مواجهات قرب مأرب.", "fighter"),
    ("أسفرت المعارك عن مصرع 38 من مسلحي الحوثي في الحديدة.", "fighter"),
    ("قتل 20 عنصرا من الحشد الشعبي في هجوم شمال بغداد.", "fighter"),
    ("قتل 5 جنود من الجيش اليمني في هجوم على مأرب.", "other"),
    ("قتل 9 عناصر من القوات العراقية في كمين غرب الأنبار.", "other"),
])
def test_forces_outside_syria_are_other_and_militias_fighter(onto, text, category):
    number = re.search(r"\d+", text).group()
    res = link(text, spans(text, [(number, "COUNT")]), onto)
    assert [(r.value, r.category) for r in res.records] == [(int(number), category)]


def test_sentenced_to_prison_is_detained_and_construct_plurals_of_journalists(onto):
    text = "أصدرت محكمة أحكاما بالسجن على عشرة أشخاص، وقتل اثنان من صحفيي الوكالة."
    res = link(text, spans(text, [("عشرة", "COUNT"), ("اثنان", "COUNT")]), onto)
    assert [(r.value, r.status, r.category) for r in res.records] == [
        (10, "detained", "people"), (2, "killed", "journalist")]


def test_a_prison_named_as_a_place_is_no_detention(onto):
    text = "وقضى 14 منهم في سجن صيدنايا العسكري."
    res = link(text, spans(text, [("14", "COUNT")]), onto)
    assert [(r.value, r.status) for r in res.records] == [(14, "killed")]


def test_a_year_before_a_definite_people_noun_is_the_year(onto):
    res = link("وأرسل الحزب مطلع 2016 المعتقل السابق إلى الجنوب لتجنيد المقاتلين.", [], onto)
    assert res.records == []
    assert [(n.text, n.reason) for n in res.non_counts] == [("2016", "year")]


def test_a_year_after_a_two_word_month_is_no_count(onto):
    """``5 شباط/كانون الثاني 2016``: the year after the month's second word counts nobody,
    whatever casualty word follows."""
    res = link("وذكر أنه في 5 شباط/كانون الثاني 2016 قتل شاب في السجن.", [], onto)
    assert res.records == []
    assert ("2016", "year") in [(n.text, n.reason) for n in res.non_counts]


def test_a_year_before_min_and_no_people_is_no_count(onto):
    """``حادثة 1984 من خلال``: a year followed by من and no people noun counts nobody, whatever
    casualty word the sentence has; ``أكثر من 2000 من المسلحين`` still counts."""
    res = link("واستعاد المتحدث ذكرى حادثة 1988 من خلال قصة خطف طائرة الركاب.", [], onto)
    assert res.records == [] and ("1988", "year") in [(n.text, n.reason) for n in res.non_counts]
    assert [r.value for r in link("وقتل أكثر من 2000 من المسلحين في المعارك.", [], onto).records] == [2000]



def test_one_more_person_joined_to_a_victim_just_named_is_a_count(onto):
    """``قتل قائد ميداني وأحد العناصر``: أحد joined by و to a person a casualty word names."""
    text = "وقتل سائق الشاحنة وأحد المسعفين في القصف على الطريق."
    assert [(r.text, r.status) for r in link(text, [], onto).records] == [("أحد", "killed")]
    assert link("وقال أحد المسعفين إن القصف استمر ساعتين.", [], onto).records == []


@pytest.mark.parametrize("text", [
    "وأكد أحد أفراد أسرة القتيل أنهم لم يتلقوا أي توضيح.",
    "وقال أحد سكان الحي المنكوب إن القصف استمر طوال الليل.",
])
def test_one_after_a_verb_of_saying_is_the_speaker(onto, text):
    assert link(text, [], onto).records == []


def test_a_strike_behind_bi_says_how_people_died_not_what_was_counted(onto):
    text = "وقتل 7 بغارات جوية على البلدة، وأصيب العشرات بالقذائف."
    assert [(r.value, r.status) for r in link(text, [], onto).records] == [(7, "killed"), (10, "injured")]
    text = "ونفذ المهاجمون سبع هجمات انتحارية بينها ثلاث بسيارات ملغمة في المدينة."
    assert link(text, [], onto).records == []  # vehicles, not strikes: three of the attacks


def test_one_of_the_last_things_is_no_count_but_one_of_the_last_fighters_is(onto):
    text = "وقتل 19 مدنيا في قصف على أحد آخر معاقل التنظيم في الصحراء."
    assert [r.value for r in link(text, [], onto).records] == [19]
    text = "وقتل أحد آخر المقاتلين المتحصنين في القلعة."
    assert [r.value for r in link(text, [], onto).records] == [1]


def test_a_list_item_s_number_leaves_the_counts_in_it(onto):
    """A dash after a figure at a line's start numbers an item; a range keeps its figures."""
    res = link("وضبطت الشرطة المتهمين كالتالي :\n1 - اعتقال 12 شخصا في الحي الشرقي.", [], onto)
    assert [(r.value, r.status) for r in res.records] == [(12, "detained")]
    assert [r.value for r in link("وقتل بين 5 - 8 أشخاص في الغارة.", [], onto).records] == [8]


def test_a_population_of_hundreds_of_millions_with_its_noun_stays_a_count(onto):
    recs = link("ويبلغ عدد سكان البلاد نحو 200 مليون نسمة.", [], onto).records
    assert [r.value for r in recs] == [200_000_000]


def test_a_figure_after_the_site_of_an_event_is_no_outlet_s_name(onto):
    """``عند الموقع وإصابة 11``: the site (الموقع) of a blast, not a news site's name."""
    recs = link("وقتل 4 من الحراس عند الموقع وإصابة 11 آخرين.", [], onto).records
    assert [r.value for r in recs] == [4, 11]


def test_one_out_of_so_many_is_a_ratio_so_many_out_of_a_total_count_people(onto):
    """``من أصل`` after a person's noun with no figure, nobody counted after it: a ratio;
    after a figure or before a people noun: a count of people."""
    res = link("وكتبت المجلة أن مقاتلا أجنبيا من أصل عشرة يقتل في المعارك.", [], onto)
    assert res.records == [] and ("عشرة", "other") in [(n.text, n.reason) for n in res.non_counts]
    text = "واعتقلت الشرطة 14 شخصا من أصل 18 متهما."
    assert [r.value for r in link(text, [], onto).records] == [14, 18]
