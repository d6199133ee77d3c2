"""Categories that depend on where the counted people are (:mod:`hasila.link.theatre`), end to end."""

from __future__ import annotations

import pytest
from link_parts import ontology, readers

from hasila.link import link
from hasila.link.theatre import abroad
from hasila.rules.tagger import RulesTagger


def test_soldiers_counted_abroad_are_other() -> None:
    assert abroad("أنقرة") and not abroad("حلب")
    r, _ = readers("قتل [3|COUNT k=other] جنود أتراك في [أنقرة|PLACE].")
    assert [x.category for x in link(r.cx.text, r.cx.spans, ontology()).records] == ["other"]
    r, _ = readers("قتل [3|COUNT k=foreign_forces] جنود أتراك في [عفرين|PLACE].")
    assert [x.category for x in link(r.cx.text, r.cx.spans, ontology()).records] == ["foreign_forces"]


def _linked(marked: str) -> list[str]:
    r, _ = readers(marked)
    return [x.category for x in link(r.cx.text, r.cx.spans, ontology()).records]


def test_iraqi_militias_counted_inside_syria_are_regime_outside_fighters() -> None:
    # inside Syria they fight for the government (the guide's regime)
    assert _linked("قتل [12|COUNT k=regime] عنصرا من [حركة النجباء|ACTOR] في ريف [دير الزور|PLACE].") == ["regime"]
    # in Iraq they are militia fighters
    assert _linked("قتل [12|COUNT k=regime] عنصرا من [الحشد الشعبي|ACTOR] في [الأنبار|PLACE].") == ["fighter"]
    # no place in the sentence: the report's places decide
    assert _linked("اشتباكات في [البوكمال|PLACE]. وقتل [7|COUNT k=regime] عناصر من [عصائب أهل الحق|ACTOR].") == ["regime"]
    assert _linked("قتل [7|COUNT k=regime] عناصر من [عصائب أهل الحق|ACTOR].") == ["fighter"]  # nowhere said: the group's id
    # another group is not moved by a place in Syria
    assert _linked("قتل [5|COUNT k=fighter] من [فصائل المعارضة|ACTOR] في [إدلب|PLACE].") == ["fighter"]


def test_forces_of_a_report_set_abroad_are_other_with_no_place_in_their_sentence() -> None:
    abroad_report = "هاجم مسلحون مركزا في [أنقرة|PLACE] ثم في [إزمير|PLACE] وفي [قونية|PLACE]. "
    # security forces named by no state, and soldiers of "ours" in an army's statement
    assert _linked(abroad_report + "وقتل [9|COUNT k=other] عناصر من [القوات الأمنية|ACTOR] منذ الصيف.") == ["other"]
    assert _linked(abroad_report + "وقال البيان: قتل [أربعة|COUNT v=4 k=other] من [عسكريينا|CATEGORY].") == ["other"]
    # the same in a report set in Syria: the government's
    home = "قصف في [حمص|PLACE] و[حماة|PLACE] وفي [حلب|PLACE]. "
    assert _linked(home + "وقتل [9|COUNT k=regime] عناصر من [القوات الأمنية|ACTOR] منذ الصيف.") == ["regime"]
    assert _linked(home + "وقال البيان: قتل [أربعة|COUNT v=4 k=regime] من [عسكريينا|CATEGORY].") == ["regime"]
    # a place in the count's own sentence decides, not the report's
    assert _linked(abroad_report + "وقتل [9|COUNT k=regime] عناصر من [القوات الأمنية|ACTOR] في [حمص|PLACE].") == ["regime"]


def test_a_country_or_a_city_abroad_of_the_gazetteer_is_abroad_a_syrian_village_is_not() -> None:
    assert abroad("الجزائر") and abroad("كابول")
    assert not abroad("بليون")  # a village of Idlib, not ب + ليون (Lyon)
    assert not abroad("سوريا") and not abroad("دمشق")
    assert _linked("قتل [11|COUNT k=other] [عسكريا جزائريا|CATEGORY] في [الجزائر|PLACE].") == ["other"]


def test_officers_among_a_syrian_army_toll_stay_regime_whatever_places_the_sentence_names() -> None:
    assert _linked("قتل [27|COUNT k=regime] عنصرا من [قوات النظام|ACTOR]، من ضمنهم [8|COUNT k=regime] ضباط "
                   "قرب [لواء إسكندرون|PLACE].") == ["regime", "regime"]


def test_kurdish_rebels_fighting_turkey_are_fighters() -> None:
    # outside Syria militia fighters are `fighter`, the state's forces `other` (the guide)
    assert _linked("قتل [23|COUNT k=fighter] عنصرا من [حزب العمال الكردستاني|ACTOR] في [شرناق|PLACE].") == ["fighter"]
    assert _linked("قتل [3|COUNT k=other] عناصر من [الشرطة التركية|ACTOR] في [شرناق|PLACE].") == ["other"]


def test_the_others_told_with_soldiers_abroad_and_a_state_s_own_soldiers_are_other() -> None:
    """``قتل جنديان تركيان … وجرح اثنان آخران``: the wounded others are the same state's soldiers;
    ``أعلن جيش الإمارات … ثلاثة من جنوده … في اليمن``: its soldiers, counted abroad."""
    assert _linked("قتل [جنديان|COUNT v=2 k=other] تركيان وجرح [ثلاثة|COUNT v=3 s=injured k=other] "
                   "آخرون في [شرناق|PLACE].") == ["other", "other"]
    assert _linked("وقال جيش الإمارات إن [أربعة|COUNT v=4 k=other] من [جنوده|CATEGORY] قتلوا في "
                   "[اليمن|PLACE].") == ["other"]


def test_a_numeral_after_soldiers_and_their_nationality_counts_them() -> None:
    """``عسكريين تركيين اثنين``: the numeral after a noun and its nisba in the plural counts them."""
    r, _ = readers("وأكدت السلطات مقتل عسكريين تركيين اثنين وجرح ثلاثة آخرين في كمين قرب [ماردين|PLACE].")
    recs = link(r.cx.text, r.cx.spans, ontology()).records
    assert [(x.value, x.category, x.status) for x in recs] == [(2, "other", "killed"), (3, "other", "injured")]


def test_security_men_are_regime_in_syria_and_other_abroad() -> None:
    """``عنصرا أمنيا``: members counted by the adjective of their service, not by their noun."""
    assert _linked("وقتل [9|COUNT k=regime] عناصر أمنيين بهجوم على مفرزة في [ريف درعا الغربي|PLACE].") == ["regime"]
    assert _linked("وأعلنت السلطات مقتل [14|COUNT k=other] عنصرا أمنيا بهجوم قرب مدينة [قندهار|PLACE] في "
                   "[أفغانستان|PLACE].") == ["other"]


def test_members_of_security_forces_counted_abroad_are_other_in_a_report_naming_syria() -> None:
    """``5 من قوات الأمن`` counted where every place of the sentence is abroad is a state's force
    (``other``), though the report names Syria elsewhere; in Syria they stay ``regime``."""
    text = ("وقتل [5|COUNT k=other] من [قوات الأمن|CATEGORY] في هجوم بسيارة مفخخة في [أنقرة|PLACE]. "
            "وفي [سوريا|PLACE] قصفت الطائرات مواقع التنظيم.")
    assert _linked(text) == ["other"]
    assert _linked("وقتل [5|COUNT k=regime] من [قوات الأمن|CATEGORY] في هجوم على حاجز في [ريف درعا|PLACE].") \
        == ["regime"]


def test_a_foreign_state_s_forces_counted_at_home_are_other() -> None:
    """``9 من عناصر الحرس الثوري`` killed in Iran is a state's own force (``other``), though the
    report names Syria; in Syria they stay ``foreign_forces``."""
    text = "وقتل 9 من عناصر الحرس الثوري في هجوم على عرض عسكري في الأهواز. وتنشر إيران قوات في سوريا."
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(text, doc.spans, ontology()).records] == ["other"]
    text = "وقتل 9 من عناصر الحرس الثوري في غارة على ريف حمص الشرقي."
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(text, doc.spans, ontology()).records] == ["foreign_forces"]


def test_a_report_wholly_abroad_has_no_regime_its_loyal_militias_are_fighters() -> None:
    """A report that names neither Syria nor the Syrians and places abroad: forces counted by a
    group name the lexicon gives the regime are a state's forces (``other``) or, loyal fighters,
    ``fighter``; a foreign army there is ``other`` too."""
    report = ("أفاد مسؤول في [بنغازي|PLACE] بأن هجوما بسيارة ملغومة قتل [11|COUNT k=other] من [قوات الأمن|CATEGORY] "
              "قرب مقر المديرية، وقتل [تسعة|COUNT v=9 k=fighter] مقاتلين موالين للحكومة في [مأرب|PLACE] أمس، "
              "وأصيب [جنديان|COUNT v=2 k=other] أمريكيان في قاعدة قريبة.")
    assert _linked(report) == ["other", "fighter", "other"]
    # the same words where the report names Syria: loyal fighters are the guide's regime, the
    # security forces of a sentence set abroad stay a state's own (``other``)
    assert _linked(report.replace("أمس،", "أمس، بعد عودتهم من سوريا،"))[:2] == ["other", "regime"]
    # a Syrian village whose name is a common word does not set the report in Syria, two do
    with_a_village = report + " ونقل الجرحى إلى [المزرعة|PLACE]."
    assert _linked(with_a_village)[:2] == ["other", "fighter"]
    assert _linked(with_a_village + " ثم إلى [درعا|PLACE].")[:2] == ["other", "regime"]


def test_border_guards_are_state_forces_and_putschists_are_fighters() -> None:
    assert _linked("وقتل [ستة|COUNT v=6 k=regime] من [حرس الحدود|CATEGORY] في كمين قرب [البوكمال|PLACE].") == ["regime"]
    assert _linked("وأصيب [ستة|COUNT v=6 k=other] من رجال حرس الحدود في قذيفة على مركز قرب [جازان|PLACE].") == ["other"]
    assert _linked("وأسفرت المواجهات عن مصرع [31|COUNT k=fighter] انقلابيا قرب [تعز|PLACE].") == ["fighter"]


def test_members_of_the_army_are_regime_in_syria_and_a_state_s_own_abroad() -> None:
    """``5 من أفراد الجيش`` (no state named) and ``من الجيش والشرطة`` with a state's adjective are
    an army's members: ``regime`` counted in Syria, ``other`` where their sentence is abroad; the
    police beside the army keep them at home, not foreign forces."""
    tagger = RulesTagger.load()

    def cats(text: str) -> list[str]:
        return [r.category for r in link(text, tagger.label(text).spans, ontology()).records]

    assert cats("وأعلن المتحدث العسكري أن 5 من أفراد الجيش قتلوا في هجوم قرب مدينة العريش.") == ["other"]
    assert cats("وقتل 11 عنصرا من الجيش والشرطة التركيين في هجمات شنها مسلحون في ولاية هكاري.") == ["other"]
    assert cats("وقتل 5 من أفراد الجيش في هجوم على حاجز في ريف حماة.") == ["regime"]


def test_others_told_after_a_militia_abroad_are_its_fighters() -> None:
    """Abroad, a militia loyal to a state is ``fighter``; ``آخرين`` right after it in the
    sentence count the same militia, not ``other``."""
    abroad_report = "اشتباكات في [صنعاء|PLACE] و[تعز|PLACE] و[عدن|PLACE]. "
    marked = "وقتل [6|COUNT k=fighter] من عناصر [الميليشيات الإيرانية|ACTOR] وأصيب [4|COUNT k=fighter] آخرون."
    assert _linked(abroad_report + marked) == ["fighter", "fighter"]


def test_capitals_abroad_the_gazetteer_lacks_are_abroad() -> None:
    """Tehran, London, Moscow and other cities abroad (absent from the Syrian gazetteer's
    rows abroad): police counted there are another state's (``other``)."""
    assert abroad("طهران") and abroad("لندن") and abroad("موسكو") and abroad("الولايات المتحدة")
    assert _linked("قتل [3|COUNT k=other] من ضباط الشرطة في مواجهات في [طهران|PLACE].") == ["other"]


@pytest.mark.parametrize("text", [
    "وأعلنت الحكومة مقتل 6 عسكريين ماليين في هجوم على دورية.",
    "واستشهد 8 جنود جزائريين في كمين نصبته جماعة مسلحة.",
    "وقتل 4 من عناصر الجيش المصري في هجوم على نقطة تفتيش.",
    "وقتل 3 جنود سعوديين بقذائف أطلقها الحوثيون على الحدود.",
])
def test_soldiers_of_a_state_fighting_at_home_are_other(text: str) -> None:
    """Soldiers named by the nationality of a state whose army fights at home (Mali, Algeria,
    Egypt, Saudi Arabia …) are another state's soldiers outside Syria (``other``) even where the
    report's places are unknown to the gazetteer."""
    tagger = RulesTagger.load()
    assert [r.category for r in link(text, tagger.label(text).spans, ontology()).records] == ["other"]


def test_syrian_soldiers_stay_regime() -> None:
    tagger = RulesTagger.load()
    text = "وقتل 3 جنود سوريين في هجوم على حاجز."
    assert [r.category for r in link(text, tagger.label(text).spans, ontology()).records] == ["regime"]


@pytest.mark.parametrize(("text", "want"), [
    ("ومن بين نتائج العمليات مقتل 7 من عناصر القوات المسلحة في سيناء.", "other"),
    ("وقتل 4 من مجندي الشرطة المصرية في هجوم على كمين بالعريش.", "other"),
    ("وقتل 5 من عناصر القوات المسلحة في هجوم للفصائل على ريف حماة.", "regime"),
])
def test_a_state_s_armed_forces_by_their_generic_name(text: str, want: str) -> None:
    """``القوات المسلحة``: a state's forces, the Syrian government's in Syria and another
    state's abroad (its adjective ``المسلحة`` is no militia word); ``مجندي`` (conscripts)
    before a force, as ``عناصر``."""
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(text, doc.spans, ontology()).records] == [want]


def test_the_others_of_one_soldier_abroad_are_other() -> None:
    """``قتل جندي تركي وجرح سبعة آخرون في هكاري``: the others of one soldier of a state, where
    the sentence's places are abroad, are that state's forces at home (``other``)."""
    text = "وقتل جندي تركي وجرح سبعة آخرون بانفجار لغم في ولاية هكاري."
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(text, doc.spans, ontology()).records] == ["other"]
    text = "وقتل جندي تركي وجرح سبعة آخرون بانفجار لغم قرب مدينة عفرين."
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(text, doc.spans, ontology()).records] == ["foreign_forces"]


def test_an_army_loyal_to_a_government_abroad_is_that_state_s_forces() -> None:
    """Abroad, ``الجيش الموالي للشرعية`` is a state's army (``other``), not a militia loyal to a
    side; the gunmen loyal to a government there, and an army loyal to the rebels, stay ``fighter``."""
    abroad_report = "اشتباكات في [صنعاء|PLACE] و[تعز|PLACE] و[عدن|PLACE]. "
    marked = "وقتل [40|COUNT k=regime] منهم من عناصر [الجيش الموالي للشرعية|ACTOR] في المعارك."
    assert _linked(abroad_report + marked) == ["other"]
    marked = "وقتل [12|COUNT k=regime] من [المسلحين الموالين للحكومة|ACTOR] في المعارك."
    assert _linked(abroad_report + marked) == ["fighter"]
    marked = "وقتل [6|COUNT k=regime] جنود من [قوات الجيش الموالي للحوثي|ACTOR] في المعارك."
    assert _linked(abroad_report + marked) == ["fighter"]


def test_a_nounless_part_of_soldiers_abroad_is_other_with_them() -> None:
    """``271 ضابطا`` held in Istanbul are ``other``; ``ومن بينهم عشرة برتبة عقيد`` (no noun of its
    own) is a part of them, ``other`` too, not the army's ``regime`` it inherited."""
    doc = RulesTagger.load().label(
        "وأمر القضاء في إسطنبول باعتقال 271 ضابطا بتهمة الانتماء إلى جماعة محظورة. "
        "ومن بينهم عشرة برتبة عقيد.")
    recs = link(doc.text, doc.spans, ontology()).records
    assert [(x.value, x.category) for x in recs] == [(271, "other"), (10, "other")]
    assert recs[1].part_of == recs[0].id


@pytest.mark.parametrize(("text", "categories"), [
    ("وأعلن مكتب حاكم إقليم ماردين بجنوب شرق تركيا أن خمسة من أفراد قوات الأمن قتلوا في هجوم. "
     "ويقع الإقليم على الحدود مع سوريا.", ["other"]),
    ("وقال المرصد إن ثلاثة من أفراد قوات الأمن قتلوا في ريف حمص.", ["regime"]),  # as before
])
def test_members_of_security_forces_abroad_are_other(text: str, categories: list[str]) -> None:
    """``اثنين من أفراد قوات الأمن`` in a Turkish province of a report that names Syria too: a
    state's security forces named past a member word (``أفراد``) are that state's at home,
    ``other`` (they stayed ``regime``)."""
    doc = RulesTagger.load().label(text)
    assert [r.category for r in link(doc.text, doc.spans, ontology()).records] == categories


def test_a_state_s_soldiers_at_home_told_again_stay_that_state_s() -> None:
    """``أربعة عسكريين ماليين`` (a state's army at home, ``other``), then ``مقتل جنديين وإصابة
    ثلاثة`` with no place in Syria: the same army told again, and the nounless wounded with them
    (both were ``regime``)."""
    doc = RulesTagger.load().label(
        "وأسفر الهجوم عن مقتل أربعة عسكريين ماليين في شمال البلاد. "
        "وأعلنت الحكومة لاحقا مقتل جنديين وإصابة ثلاثة بانفجار عبوة ناسفة قرب بلدة صغيرة.")
    assert [r.category for r in link(doc.text, doc.spans, ontology()).records] == ["other"] * 3
    doc = RulesTagger.load().label("وقتل جنديان في ريف حماة وأصيب ثلاثة.")  # as before
    assert [r.category for r in link(doc.text, doc.spans, ontology()).records] == ["regime"] * 2


def test_a_report_naming_syria_in_passing_is_set_abroad_by_its_places() -> None:
    """Syria named once in a report of many places abroad: the report is set abroad (loyal
    fighters are ``fighter``); a count whose sentence names Syria and one of its cities keeps
    its side; with few places abroad the report stays in Syria."""
    places = "اشتباكات في [صنعاء|PLACE] و[تعز|PLACE] و[عدن|PLACE] و[مأرب|PLACE] و[الحديدة|PLACE] و[لحج|PLACE]. "
    fighters = "وقتل [9|COUNT k=regime] مقاتلين موالين للحكومة في المعارك. "
    passing = "وكانت الحرب في سوريا قد بدأت قبل ذلك بسنوات."
    assert _linked(places + fighters + passing) == ["fighter"]
    few = "اشتباكات في [صنعاء|PLACE] و[تعز|PLACE]. "
    assert _linked(few + fighters + passing) == ["regime"]
    in_syria = "وفي سوريا قتل [5|COUNT k=regime] جنود في [حلب|PLACE]."
    assert _linked(places + fighters + in_syria) == ["fighter", "regime"]


def test_people_named_by_their_nationality_alone_abroad_are_people() -> None:
    abroad_report = "انفجار في [أنقرة|PLACE] ثم في [إزمير|PLACE] وفي [قونية|PLACE]. "
    assert _linked(abroad_report + "وقتل [ثلاثة|COUNT v=3 k=people] [أتراك|CATEGORY] في الانفجار.") == ["people"]
    assert _linked(abroad_report + "وقتل [ثلاثة|COUNT v=3 k=people] من [الأتراك|CATEGORY] في الانفجار.") == ["people"]


def test_forces_loyal_to_a_government_abroad_are_that_state_s() -> None:
    abroad_report = "اشتباكات في [صنعاء|PLACE] و[تعز|PLACE] و[عدن|PLACE]. "
    marked = "وقتل [8|COUNT k=regime] من عناصر [القوات الموالية للحكومة|ACTOR] في المعارك."
    assert _linked(abroad_report + marked) == ["other"]


def test_soldiers_whose_home_ministry_is_named_before_them_are_other() -> None:
    """A ministry or army of a state that fights at home, with its adjective, before the count in
    its sentence (``وزارة الدفاع التونسية``): its soldiers, though no place is named."""
    assert [r.category for r in link("وأعلنت وزارة الدفاع التونسية مقتل أربعة من جنود الجيش في كمين.",
                                      [], ontology()).records] == ["other"]
    # as before: a ministry named by no state
    assert [r.category for r in link("وأعلنت وزارة الدفاع مقتل أربعة من جنود الجيش في كمين.",
                                      [], ontology()).records] == ["regime"]
