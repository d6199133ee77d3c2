"""The counted noun and its category hint (:class:`hasila.link.noun.NounReader`), on made-up clauses."""

from __future__ import annotations

import pytest
from link_parts import nouns_read, ontology

from hasila.link.noun import nation_of
from hasila.rules.tagger import RulesTagger


@pytest.mark.parametrize(("text", "hint", "generic", "noun"), [
    ("قتل 12 مدنيا في القصف.", "civilian", False, "مدنيا"),
    ("قتل 7 أشخاص في القصف.", "people", True, "أشخاص"),
    ("قتل 3 جنود روس قرب المطار.", "foreign_forces", False, "جنود روس"),
    ("قتل طفلا واحدا في الغارة.", "child", False, "طفلا"),  # the noun before the count word
    ("وأصيب 4 مراهقين في حادث السير.", "child", False, "مراهقين"),  # teenagers are children
    ("واحتجز الخاطفون 12 راكبا فرنسيا على متن الطائرة.", "people", True, "راكبا فرنسيا"),  # no forces
    ("وأصيب 9 مصليا في المسجد.", "civilian", False, "مصليا"),  # worshippers, in the accusative
    ("وتوفي 6 معتمرين في حادث الحافلة.", "civilian", False, "معتمرين"),  # pilgrims, as حجاج
])
def test_the_noun_after_or_before_a_count_gives_its_hint(text: str, hint: str, generic: bool, noun: str) -> None:
    _, (c,) = nouns_read(text)
    assert (c.hint, c.generic, c.noun_text) == (hint, generic, noun)


@pytest.mark.parametrize("text", ["وأصيب جنديان فرنسيان في انفجار عبوة قرب منبج.",
                                  "وقال الضابط إن الجريحين كانا جنديين إسرائيليين."])
def test_a_dual_or_plural_nationality_after_soldiers_makes_them_foreign(text: str) -> None:
    _, nodes = nouns_read(text)
    assert [c.hint for c in nodes][-1:] == ["foreign_forces"]


def test_an_indefinite_nationality_after_a_definite_noun_is_a_predicate() -> None:
    """``اثنين من الضحايا بريطانيان`` (two of the victims are British): no foreign soldiers."""
    _, (c,) = nouns_read("وقالت المسؤولة إن اثنين من الضحايا بريطانيان.")
    assert c.hint == "people"


@pytest.mark.parametrize(("text", "hint"), [
    ("وفر مسلحان بعد الهجوم. وأوقفت الشرطة أحدهما وهي امرأة.", "woman"),
    ("وقتل شخصان، أحدهما وهو طفل، في القصف.", "child"),
])
def test_the_pronoun_after_one_of_them_says_who_it_is(text: str, hint: str) -> None:
    """``أحدهما وهي امرأة``: the noun after وهو/وهي is the one counted."""
    _, nodes = nouns_read(text)
    assert nodes[-1].kind == "one" and nodes[-1].hint == hint


def test_a_category_span_is_the_noun() -> None:
    _, (c,) = nouns_read("قتل [8|COUNT k=fighter] [مسلحين|CATEGORY] في الاشتباك.")
    assert c.noun is not None and c.noun.text == "مسلحين"


def test_others_are_read_and_women_named_by_them() -> None:
    _, (c,) = nouns_read("أصيب 4 أخريات في الحادث.")
    assert c.others and c.hint == "woman"


def test_without_rules_a_bare_number_has_no_noun() -> None:
    _, (c,) = nouns_read("قتل [7|COUNT k=people] أشخاص في القصف.", rules_fallback=False)
    assert c.noun_text is None


def test_a_toll_word_names_the_kind_of_a_count_without_noun() -> None:
    _, (c,) = nouns_read("بلغ عدد القتلى المدنيين [93|COUNT k=civilian].")
    assert c.hint == "civilian" and c.bare_hint


def test_whom_they_are_loyal_to_is_no_part_of_the_counted_noun() -> None:
    # the real gold's CATEGORY is مقاتلا مواليا, the party after it an ACTOR of its own
    _, (c,) = nouns_read("قتل 26 مقاتلا مواليا للنظام في القصف.")
    assert c.noun_text == "مقاتلا مواليا" and c.hint == "regime"
    _, (c,) = nouns_read("قتل 4 مسلحين موالين لتركيا في القصف.")
    assert c.noun_text == "مسلحين موالين" and c.hint == "fighter"


def test_a_case_phrase_is_the_counted_noun() -> None:
    # the real gold's CATEGORY: the case word, its kind, an adjective and a coordinated symptom
    for text, noun in (("وثق المرصد 40 حالة اختناق في البلدة.", "حالة اختناق"),
                       ("وثقت الشبكة 310 حالات اعتقال تعسفي خلال الشهر.", "حالات اعتقال تعسفي"),
                       ("سجلت المشافي 12 حالة اختناق وضيق نفس بعد القصف.", "حالة اختناق وضيق نفس")):
        _, (c,) = nouns_read(text)
        assert c.noun_text == noun, text
    _, (c, d) = nouns_read("أصيب 9 مدنيين، 3 منهم في حالة خطيرة.")
    assert c.noun_text == "مدنيين" and d.noun_text != "حالة خطيرة"


def test_cases_among_civilians_are_civilians() -> None:
    _, (c,) = nouns_read("وثق المرصد 40 حالة اختناق بين المدنيين في البلدة.")
    assert c.hint == "civilian"


def test_both_sides_belong_to_the_counted_noun() -> None:
    _, (c,) = nouns_read("قتل 31 مقاتلا من الطرفين في المعارك.")
    assert c.noun_text == "مقاتلا من الطرفين" and c.hint == "combatant"


def test_a_relational_adjective_agreeing_with_the_counted_noun_is_part_of_its_phrase() -> None:
    # the real gold's CATEGORY takes it; the kind is read from the noun (سائحا: civilian)
    for text, noun in (("قتل 25 جنديا حكوميا على المحور.", "جنديا حكوميا"),
                       ("يحتجزون 300 مدني علوي في البلدتين.", "مدني علوي"),
                       ("قتل 8 مقاتلين سوريين في القصف.", "مقاتلين سوريين")):
        r, (c,) = nouns_read(text)
        assert c.noun_chars is not None and r.cx.text[c.noun_chars[0]:c.noun_chars[1]] == noun, text
    r, (c,) = nouns_read("يقتل 50 شخصا يوميا في المدينة.")  # an adverb, no adjective
    assert c.noun_chars is not None and r.cx.text[c.noun_chars[0]:c.noun_chars[1]] == "شخصا"
    r, (c,) = nouns_read("اختطف 5 أشخاص مجهولي الهوية.")  # the head of a construct, no adjective
    assert c.noun_chars is not None and r.cx.text[c.noun_chars[0]:c.noun_chars[1]] == "أشخاص"


def test_an_adjective_the_lists_do_not_know_keeps_the_noun_s_kind() -> None:
    _, (c,) = nouns_read("قتل [11|COUNT k=regime] [عسكريا جزائريا|CATEGORY] في كمين.")
    assert c.hint == "regime"


@pytest.mark.parametrize(("text", "nation"), [
    ("عسكريا تركيا", "turkey"), ("عسكريين روس", "russia"), ("من الجيش التركي", "turkey"),
    ("من الحرس الثوري الإيراني", "iran"), ("من قوات النظام", None),
    ("من الحزب الإسلامي التركستاني", None),  # Turkistan, not Turkey
])
def test_the_nation_of_a_count_s_people(text: str, nation: str | None) -> None:
    assert nation_of(text) == nation


def test_who_the_counted_dead_are_after_hum_is_their_noun() -> None:
    doc = RulesTagger.load().label("وقتل 20 شخصا في الغارة. وقال الناشطون إن ثمانية من القتلى هم من الأطفال.")
    assert ("CATEGORY", "الأطفال") in [(s.label, s.text) for s in doc.spans]
    assert [s.count.category_id for s in doc.spans if s.label == "COUNT" and s.count] == ["people", "child"]


def test_a_noun_joined_by_and_after_a_figure_is_the_next_item_s() -> None:
    """``القتلى 30 والجرحى بـ 85``: the wounded are the second figure's, not the first's noun."""
    from hasila.link import link

    text = "وقدر الدفاع المدني عدد القتلى بـ 31 والجرحى بـ 86 في الحي."
    assert [(r.value, r.status) for r in link(text, [], ontology()).records] == [(31, "killed"), (86, "injured")]


def test_a_partitive_noun_naming_its_group_mixes_with_armed_groups_joined_after_it() -> None:
    """``من [مقاتلي جبهة النصرة] (…) وتنظيم داعش``: the groups joined after a partitive noun that
    names its group count too when they are armed; workers joined after it do not."""
    _, (c,) = nouns_read("وقتل [90|COUNT k=combatant] من [مقاتلي جبهة النصرة|CATEGORY] (فرع القاعدة) وتنظيم داعش في الغارات.")
    assert c.hint == "combatant"
    _, (c,) = nouns_read("وقتل [90|COUNT k=sdf] من [مقاتلي قسد|CATEGORY] والعاملين في المجالس المحلية خلال العام.")
    assert c.hint == "sdf"


def test_what_is_said_of_the_counted_noun_or_of_one_of_them_is_no_part_of_it() -> None:
    """``خمسة أشخاص متهمين بـ…``: the accused is said of the persons (the noun is أشخاص);
    ``وأحدهم مصاب``: his state, no noun of the count, and no status of the three."""
    from hasila.schema import records_from_doc

    tagger = RulesTagger.load()
    doc = tagger.label("ومثل أمام القاضي خمسة أشخاص متهمين بسرقة المستودع.")
    assert [s.text for s in doc.spans if s.label == "CATEGORY"] == ["أشخاص"]
    doc = tagger.label("ورافقها ثلاثة من أبنائها الصغار، وأحدهم مصاب بمرض مزمن.")
    assert [s.text for s in doc.spans if s.label == "CATEGORY"] == []
    assert records_from_doc(doc)[0].status == "other"


def test_men_of_a_side_take_the_side_men_of_no_side_stay_men() -> None:
    _, (c,) = nouns_read("وأصيب ثلاثة من رجال الدفاع المدني أثناء إخماد الحريق.")
    assert c.hint == "rescue" and c.partitive
    _, (c,) = nouns_read("وقتل ستة من رجال الجيش الحر قرب الجسر.")
    assert c.hint == "fighter"
    _, (c,) = nouns_read("وقتل ستة من رجال البلدة قرب الجسر.")
    assert c.hint == "man"
    # with the noun as a CATEGORY span (a tagger's), the same
    _, (c,) = nouns_read("وأصيب [ثلاثة|COUNT v=3 k=rescue] من [رجال|CATEGORY] الدفاع المدني أثناء إخماد الحريق.")
    assert c.hint == "rescue"


def test_the_people_a_toll_word_names_are_the_category_of_a_count_without_noun() -> None:
    tagger = RulesTagger.load()

    def spans(text: str) -> list[tuple[str, str]]:
        return [(s.label, s.text) for s in tagger.label(text).spans if s.label in ("CATEGORY", "ACTOR")]

    assert spans("وبذلك يرتفع إلى 58 عدد الجرحى المدنيين في البلدة.") == [("CATEGORY", "الجرحى المدنيين")]
    assert spans("وقال المسعف إن عدد المصابين تجاوز 70 حتى المساء.") == [("CATEGORY", "المصابين")]
    assert spans("ومع ذلك يرتفع إلى 31 عدد قتلى قوات النظام منذ الصباح.") == [("CATEGORY", "قتلى"), ("ACTOR", "قوات النظام")]
    # a count with its own noun: that noun is the category, not the toll's
    assert spans("وقد بلغ عدد الضحايا 64 شخصا حتى الآن.") == [("CATEGORY", "شخصا")]


def test_former_fighters_and_those_working_with_a_side_belong_to_the_partitive_group() -> None:
    tagger = RulesTagger.load()
    doc = tagger.label("وقتل في الشهر الماضي 57 شخصا، هم 21 من المقاتلين السابقين في الفصائل، و36 من قوات النظام "
                       "والمتعاونين معها.")
    assert [s.text for s in doc.spans if s.label == "CATEGORY"][-2:] == ["المقاتلين السابقين",
                                                                         "قوات النظام والمتعاونين معها"]


def test_a_one_word_partitive_noun_keeps_the_noun_it_governs_or_its_agreeing_adjective() -> None:
    tagger = RulesTagger.load()

    def categories(text: str) -> list[str]:
        return [s.text for s in tagger.label(text).spans if s.label == "CATEGORY"]

    assert categories("وأصيب أربعة من عمال المصنع بانفجار لغم قرب القرية.") == ["عمال المصنع"]
    assert categories("وقتل خمسة من المسلحين المحليين في الكمين.") == ["المسلحين المحليين"]
    # a noun with its pronoun governs nothing; a day after it is no genitive
    assert categories("وخرج المئات من سكانها الخميس نحو المخيمات.") == ["سكانها"]


@pytest.mark.parametrize(("text", "want"), [
    ("وأسفر الانفجار عن سقوط 8 ضحايا، 3 منهم أطفال.", [("people", None), ("child", "c1")]),
    ("وأحصى المرصد 320 قتيلا، 180 منهم من قوات النظام و140 من الفصائل.",
     [("people", None), ("regime", "c1"), ("fighter", "c1")]),
])
def test_the_noun_after_of_them_says_who_the_part_is(text: str, want: list[tuple[str, str | None]]) -> None:
    """``3 منهم أطفال``, ``180 منهم من قوات النظام``: ``منهم`` right after the figure makes it a
    part of the count before, and the noun or group after it says who they are."""
    from hasila.link import link

    assert [(r.category, r.part_of) for r in link(text, [], ontology()).records] == want


def test_the_side_after_of_them_is_an_affiliation() -> None:
    """``أربعة منهم من حزب الله``: the side named after ``منهم من`` is who they are with (an
    ACTOR span, as the gold draws it), not the counted noun."""
    text = "وقتل 17 من المسلحين الموالين للنظام، أربعة منهم من حزب الله اللبناني."
    spans = [(s.label, text[s.start:s.end]) for s in RulesTagger.load().label(text).spans]
    assert ("ACTOR", "حزب الله اللبناني") in spans and ("CATEGORY", "حزب الله اللبناني") not in spans


def test_the_partitive_group_after_a_qualifier_is_the_counted_noun() -> None:
    """``23 على الأقل من عناصر قوات النظام``: the qualifier after the figure stands between it and
    its partitive group; the group is still the CATEGORY the figure counts."""
    from hasila.link import link

    text = "وقتل 23 على الأقل من عناصر قوات النظام و9 على الأقل من المدنيين في الهجوم."
    got = link(text, [], ontology())
    assert [(r.value, r.qualifier, r.category, r.category_text) for r in got.records] == [
        (23, "at_least", "regime", "عناصر قوات النظام"), (9, "at_least", "civilian", "المدنيين")]


def test_the_kurdish_workers_party_by_its_short_name_and_humans_as_people() -> None:
    """``حزب العمال`` alone (the outlets' short name of the PKK) is the PKK's side: its members are
    fighters; ``البشر`` after من counts people."""
    from hasila.link import link

    got = link("وأسفرت الغارات عن مقتل 140 عنصرا من حزب العمال وإصابة 90 آخرين.", [], ontology())
    assert [(r.value, r.category) for r in got.records] == [(140, "fighter"), (90, "fighter")]
    got = link("وقد يودي هجوم واحد بحياة العشرات من البشر.", [], ontology())
    assert [(r.value, r.category, r.category_text) for r in got.records] == [(10, "people", "البشر")]


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 14 يمنيا في القصف على السوق.", [(14, "people", "يمنيا")]),
    ("وأصيب العشرات من العراقيين في التفجير.", [(10, "people", "العراقيين")]),
    ("وقتل فلسطينيان برصاص الجنود عند المعبر.", [(2, "people", "فلسطينيان")]),
    ("وقتل مسلحون خمسة أجانب بعد خطفهم.", [(5, "people", "أجانب")]),
])
def test_a_nationality_counted_alone_is_the_counted_noun(text: str, want: list[tuple[int, str, str]]) -> None:
    """``14 يمنيا``, ``العشرات من العراقيين``, ``فلسطينيان``: a nationality with no noun before it is
    the noun the figure counts (a CATEGORY, ``people`` as the guide's bare nouns); its dual is a
    count of two."""
    from hasila.link import link

    got = link(text, [], ontology())
    assert [(r.value, r.category, r.category_text) for r in got.records] == want


def test_a_nationality_said_of_someone_or_after_nouns_is_no_noun_and_no_count() -> None:
    """``أحدهما تونسي الجنسية``: what the one counted is, not his noun; ``الجيش والشرطة
    الباكستانيان``: the nationality of the two nouns before, no count of two."""
    from hasila.link import link

    got = link("وقتل قياديين من الجماعة، أحدهما تونسي الجنسية ويبلغ من العمر 40 عاما.", [], ontology())
    assert [(r.value, r.category_text) for r in got.records] == [(2, "قياديين"), (1, None)]
    got = link("ويتولى الجيش والشرطة الباكستانيان حماية المنطقة منذ أشهر.", [], ontology())
    assert got.records == []


def test_the_killers_after_by_the_hands_of_are_no_adjective_of_the_noun() -> None:
    """``مدنيا بأيدي الجنود``: the soldiers after ``بأيدي`` killed them; the noun phrase stops at it,
    so the civilians stay civilians (they were read as soldiers)."""
    from hasila.link import link

    got = link("ووثق التقرير مقتل 36 مدنيا بأيدي الجنود في القرية.", [], ontology())
    assert [(r.value, r.category, r.category_text) for r in got.records] == [(36, "civilian", "مدنيا")]


def test_one_after_a_noun_and_its_nationality_counts_that_noun() -> None:
    """``وجندي افغاني واحد``: the numeral counts the noun before the nationality (the nationality
    its adjective, as ``طالب جامعي واحد``), now that a nationality alone is a people noun; a man
    called by his nationality (``إن الأردني أحد أربعة``) is no count of one (guards: round 29's
    code read neither nationality as a noun)."""
    from hasila.link import link

    tagger = RulesTagger.load()
    text = "وقتل 11 شخصا في الانفجار بينهم جندي افغاني واحد."
    got = link(text, tagger.label(text).spans, ontology())  # the rules system: its spans linked
    assert [(r.value, r.category_text, r.part_of) for r in got.records] == [
        (11, "شخصا", None), (1, "جندي افغاني", "c1")]
    text = "وقال المتحدث إن الأردني أحد أربعة مسلحين قتلوا في الكمين."
    assert [r.value for r in link(text, tagger.label(text).spans, ontology()).records] == [4]


def test_a_country_after_a_figure_with_a_clitic_is_no_noun_of_it() -> None:
    """``و11 لإيطاليا``: a country spelled like its nationality's accusative, with the ل before
    it, is where the figure goes, not whom it counts; ``11 سوريا`` still counts Syrians, and a
    western nationality counted alone is a noun as the others (``ستة كنديين``)."""
    from hasila.link import link

    text = "وبلغ عدد المشاركات 20 لإسبانيا مقابل 16 لإنجلترا و11 لإيطاليا و7 لألمانيا."
    assert link(text, [], ontology()).records == []
    got = link("وأعلن المرصد أن 11 سوريا قتلوا في القصف.", [], ontology())
    assert [(r.value, r.category) for r in got.records] == [(11, "people")]
    got = link("وقتل 25 شخصا بينهم ستة كنديين وثلاثة يابانيين في الهجوم.", [], ontology())
    assert [(r.value, r.category_text, r.part_of) for r in got.records] == [
        (25, "شخصا", None), (6, "كنديين", "c1"), (3, "يابانيين", "c1")]


@pytest.mark.parametrize(("text", "want"), [
    ("وأعلنت الشرطة أن سبعة تلامذة لقوا حتفهم في السيل.", [(7, "civilian", "تلامذة")]),
    ("واعتقلت الشرطة 9 مشجعين بعد المباراة.", [(9, "civilian", "مشجعين")]),
    ("وخطف المسلحون نحو 200 طالبة من مدرستهن.", [(200, "civilian", "طالبة")]),
    ("واعتقلت الأجهزة الأمنية 6 ناشطات في العاصمة.", [(6, "civilian", "ناشطات")]),
    ("واعتقلت الميليشيات مئات التجار في السوق.", [(100, "civilian", "التجار")]),
])
def test_pupils_fans_activists_and_traders_are_civilians(text: str, want: list[tuple[int, str, str]]) -> None:
    """``تلامذة`` (a plural of تلميذ), ``مشجعين``, ``طالبة``, ``ناشطة``, ``تجار``: civilians counted
    (they were no people noun, so no count at all)."""
    from hasila.link import link

    got = link(text, [], ontology())
    assert [(r.value, r.category, r.category_text) for r in got.records] == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل المدنيون وعددهم 30 في القصف على السوق.", [(30, "killed", "civilian")]),
    ("وقال إن عناصر الشرطة البالغ عددهم 40 أصيبوا في الهجوم.", [(40, "injured", "other")]),
    ("وقضى ركاب الحافلة وعددهم 12 في الحادث.", [(12, "killed", "people")]),
])
def test_a_figure_after_their_number_counts_the_people_named_before(
        text: str, want: list[tuple[int, str, str]]) -> None:
    """``المدنيون وعددهم 30``, ``عناصر الشرطة البالغ عددهم 40``: the figure after ``عددهم`` counts
    the people named right before it (it was no count); ``عددها 40 قرية`` counts nothing."""
    from hasila.link import link

    got = link(text, [], ontology())
    assert [(r.value, r.status, r.category) for r in got.records] == want
    assert link("ودمرت القرى البالغ عددها 40 قرية في الهجوم.", [], ontology()).records == []


def test_females_and_males_are_women_and_men() -> None:
    """``10 إناث``, ``ثمانية ذكور``: the kind of a part of the wounded (it was no count)."""
    from hasila.link import link

    got = link("وأصيب 24 شخصا بينهم 10 إناث و8 ذكور.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(24, "people"), (10, "woman"), (8, "man")]


def test_schoolgirls_and_smugglers_are_counted() -> None:
    """``عشرات التلميذات``: civilians; ``4100 مهرب ومدمن``: people (neither side's); both were no
    people noun, so no count."""
    from hasila.link import link

    got = link("ولم يعرف حتى الآن مصير عشرات التلميذات.", [], ontology()).records
    assert [(r.value, r.status, r.category) for r in got] == [(10, "missing", "civilian")]
    got = link("وقتلت الشرطة نحو 4100 مهرب ومدمن في الحملة.", [], ontology()).records
    assert [(r.value, r.status, r.category) for r in got] == [(4100, "killed", "people")]


def test_two_teenagers_said_by_a_dual_are_a_count_of_two_children() -> None:
    """``مراهقان``: the dual of a teenager counts two children (it was read as no count)."""
    _, nodes = nouns_read("وغرق مراهقان في النهر قرب القرية.")
    assert [(c.value, c.hint) for c in nodes] == [(2, "child")]


def test_a_count_joined_by_and_takes_no_noun_from_the_word_before_it() -> None:
    """``… إلى [تنظيم داعش] وخمسة لم يعرفوا``: the figure after و starts an item of its own; the
    group's last word before it is no counted noun."""
    _, nodes = nouns_read("قتل 20 شخصا بينهم ستة مدنيين وأربعة مقاتلين من [تنظيم داعش|ACTOR] وخمسة لم تعرف هوياتهم.")
    assert nodes[-1].value == 5 and nodes[-1].noun_text is None and nodes[-1].hint is None


def test_a_person_joined_after_a_plural_noun_is_no_part_of_it() -> None:
    """``4 ركاب والطيار``: the pilot is named beside the passengers, so no soldier of them."""
    _, (c,) = nouns_read("قتل 4 ركاب والطيار في سقوط الطائرة.")
    assert (c.noun_text, c.hint) == ("ركاب", "people")


@pytest.mark.parametrize("text", ["قتل ناشطا واحدا في القصف.", "وأصيب 3 ناشطون في المظاهرة."])
def test_activists_are_civilians(text: str) -> None:
    _, (c,) = nouns_read(text)
    assert c.hint == "civilian"


def test_young_after_a_civilian_noun_keeps_it_civilian() -> None:
    """``ناشطا شابا``: young says how old the activists were, not that they are men."""
    _, (c,) = nouns_read("قتل 20 ناشطا شابا في التفجير.")
    assert c.hint == "civilian"
