"""Categories once the tree is built (:class:`hasila.link.category.CategoryResolver`), end to end."""

from __future__ import annotations

from link_parts import ontology, readers

from hasila.link import link
from hasila.link.category import abroad


def _cats(text: str) -> list[str]:
    return [r.category for r in link(text, [], ontology()).records]


def test_a_civilian_worded_total_with_fighters_among_its_parts_is_people() -> None:
    assert _cats("قتل 17 مواطنا بينهم أربعة من مقاتلي الفصائل.")[0] == "people"


def test_a_generic_part_takes_the_parent_s_kind() -> None:
    assert _cats("قتل 60 مدنيا بينهم 20 شخصا من عائلة واحدة.") == ["civilian", "civilian"]


def test_others_continue_the_toll_before_them() -> None:
    assert _cats("قتل 12 مدنيا وأصيب 30 آخرون.") == ["civilian", "civilian"]
    # others after a list of civilians and civil defence workers: both kinds, so people
    text = "وأدى القصف إلى مقتل أربعة مدنيين وعنصرين من الدفاع المدني، وإصابة 11 آخرين."
    assert _cats(text) == ["civilian", "rescue", "people"]


def test_all_of_them_names_their_kind() -> None:
    assert _cats("قتل 18 شخصا جميعهم مدنيون.") == ["civilian"]


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


def test_martyrs_are_a_plain_toll_where_state_media_count_them_or_only_some_are_civilians() -> None:
    # the government's media count them: people
    assert _cats("وأفادت سانا بمقتل 12 شهيدا في القصف على المدينة.") == ["people"]
    # of eight martyrs, five said to be civilians: not all of them
    assert _cats("ارتفعت الحصيلة إلى 8 شهداء بينهم طفلان. وقال المرصد إن خمسة من القتلى هم من المدنيين.") \
        == ["people", "child", "civilian"]
    # the report's own civilian toll, parts all civilians: civilian
    assert _cats("وثق المرصد 12 شهيدا في القصف على المدينة.") == ["civilian"]
    assert _cats("ارتفع إلى 12 عدد الشهداء، 7 مدنيين في دوما و5 مدنيين في حرستا.")[0] == "civilian"


def test_a_bare_toll_whose_parts_are_fighters_of_several_sides_is_combatant() -> None:
    text = "ارتفع إلى 30 عدد القتلى منذ بدء الهجوم. والقتلى هم: 18 مقاتلا من الفصائل، و12 من مقاتلي قسد."
    assert _cats(text) == ["combatant", "fighter", "sdf"]
    # the government's foreign allies fight on its side: one side, not several
    text = "ارتفع إلى 30 عدد القتلى منذ بدء الهجوم. والقتلى هم: 18 عنصرا من قوات النظام، و12 جنديا روسيا."
    assert _cats(text)[0] != "combatant"


def test_a_total_of_the_government_s_forces_and_its_allies_is_regime() -> None:
    text = "قتل 25 على الأقل هم 9 من قوات النظام، و8 جنود روس، و8 آخرون من جنسيات غير سورية."
    assert _cats(text)[0] == "regime"
    # another state's soldiers in the total: not the government's side
    assert _cats("قتل 20 هم 12 من قوات النظام و8 جنود أتراك.")[0] != "regime"


def test_a_group_name_starting_with_waw_is_no_second_side() -> None:
    # وحدات starts the name of the Kurdish units: one side, not مقاتلي + حدات
    text = "قتل 40 من [مقاتلي وحدات حماية الشعب الكردي|CATEGORY] في المعارك."
    assert _linked(text.replace("40", "[40|COUNT k=sdf]")) == ["sdf"]


def test_terrorists_are_fighters_unless_their_group_is_named() -> None:
    assert _cats("وأعلنت الوكالة مقتل 120 «إرهابيا» في القصف.") == ["fighter"]
    assert _cats("وقتل 30 إرهابيا من تنظيم داعش في الغارة.") == ["isis"]


def test_the_first_figure_of_a_range_counts_the_second_s_noun() -> None:
    assert _cats("وأسر ما بين 40 و 50 عنصرا من قوات النظام خلال الهجوم.") == ["regime", "regime"]


def test_mercenaries_are_of_the_group_that_follows() -> None:
    assert _cats("وقالت الوحدات الكردية إنها قتلت 25 مرتزقا من الفصائل المدعومة من أنقرة.") == ["fighter"]


def test_rebels_are_fighters() -> None:
    assert _cats("وقتل 14 متمردا في هجوم للجيش على معاقلهم الجبلية.") == ["fighter"]


def test_the_syrian_forces_are_the_government_s() -> None:
    assert _cats("وقتل 7 من القوات السورية في كمين على الطريق.") == ["regime"]


def test_the_lebanese_resistance_fights_for_the_government() -> None:
    assert _cats("وقتل 6 عناصر من المقاومة اللبنانية في المعارك.") == ["regime"]


def test_militias_however_spelled_and_the_sdf_written_suriya_take_their_side() -> None:
    assert _cats("وقتل 5 عناصر من المليشيات الإيرانية في دير الزور.") == ["regime"]
    assert _cats("وقتل 4 عناصر من قوات سورية الديمقراطية في الرقة.") == ["sdf"]


def test_teachers_farmers_and_worshippers_are_civilians_conscripts_soldiers() -> None:
    assert _cats("وقتل 3 معلمين و4 مزارعين في القصف.") == ["civilian", "civilian"]
    assert _cats("وقتل 6 مجندين في الهجوم على الحاجز.") == ["regime"]


def test_security_men_are_counted_with_the_police() -> None:
    """``رجال أمن``, ``رجل امن``: men of the security forces, the phrase the noun begins, are
    counted like the police (``other``), not as men."""
    assert _cats("وأدى الهجوم إلى استشهاد 4 رجال أمن عند الحاجز.") == ["other"]
    assert _cats("وأسفر الانفجار عن استشهاد 12 رجل امن و3 عمال.") == ["other", "civilian"]


def test_the_dual_of_a_feminine_noun_has_its_kind() -> None:
    """``فتاتين``, ``مدنيتان``: the dual of a feminine noun in ة counts two of its kind."""
    assert _cats("وقال الشهود إن فتاتين قتلتا في الغارة.") == ["child"]
    assert _cats("وأصيبت مدنيتان بجروح في القصف على البلدة.") == ["civilian"]


def test_soldiers_and_pilots_of_a_nation_after_min_are_foreign_forces() -> None:
    """``من العسكريين الروس``, ``من الطيارين الأتراك``: a soldiers' noun with a state's adjective
    after a partitive من counts foreign troops; a group named with its nationality does not."""
    assert _cats("وأعلنت الوزارة مقتل 6 من العسكريين الروس قرب المطار.") == ["foreign_forces"]
    assert _cats("ووصل عشرات من الطيارين الفرنسيين إلى القاعدة الجوية.") == ["foreign_forces"]
    assert _cats("وأسر الطيار بعد سقوط طائرته، وقتل 3 طيارين في غارة أخرى.") == ["regime"]
    assert _cats("وقتل 14 من حزب الله اللبناني في المعارك.") == ["regime"]
    assert _cats("وشارك في الهجوم آلاف المقاتلين العراقيين وقتل منهم 20 مقاتلا عراقيا.") == ["fighter", "fighter"]


def test_a_bare_figure_of_the_displaced_is_not_of_the_dead_s_kind() -> None:
    """``مقتل 400 ألف مدني وتشريد الملايين``: a figure with no noun, displaced (status other),
    after a count of the dead, is not the same people; wounded after the dead still are."""
    assert _cats("وأدت الحرب إلى مقتل 400 ألف مدني وتشريد الملايين من منازلهم.") == ["civilian", "people"]
    assert _cats("وقالت المصادر إن 60 مدنيا قتلوا وأصيب العشرات في القصف.") == ["civilian", "civilian"]
    assert _cats("وقتل 36 من القوات الحكومية في الهجوم، كما أصيب وأسر عشرات.") == ["regime", "regime"]
