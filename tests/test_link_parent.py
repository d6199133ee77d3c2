"""What after a count makes it part of a total (:class:`hasila.link.parent.ParentReader`)."""

from __future__ import annotations

import pytest
from link_parts import cues_read, ontology

from hasila.link import link


def test_of_them_after_a_count() -> None:
    _, nodes = cues_read("قتل 30 شخصا، وأصيب اثنان منهم بجروح.")
    assert nodes[-1].subset_after


def test_among_them_before_a_figure_opens_the_count_s_parts() -> None:
    text = ("تظاهر آلاف العمال أمام المصنع في الصباح. وفي المساء أعلنت الشرطة أن الحريق في المخزن "
            "أدى إلى مقتل 23 شخصا من بينهم خمسة أطفال.")
    _, nodes = cues_read(text)
    assert not nodes[1].subset_after
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(1000, None), (23, None), (5, "c2")]
    _, nodes = cues_read("قتل 30 شخصا في الحريق، ونقل خمسة منهم إلى المشفى.")
    assert nodes[1].subset_after


def test_a_count_of_a_total_named_after_it() -> None:
    _, nodes = cues_read("قتل 19 طفلا في القصف، من أصل 46 مدنيا.")
    assert nodes[0].of_following
    _, nodes = cues_read("قتل 19 طفلا في القصف. وقتل 46 مدنيا أمس.")
    assert not nodes[0].of_following


def test_part_of_an_earlier_toll_of_its_status() -> None:
    _, nodes = cues_read("قتل 40 شخصا في الغارات. وكان تسعة من القتلى هم من المدنيين.")
    assert nodes[1].cue == "group" and nodes[1].cue_status == "killed" and nodes[1].hint == "civilian"


def test_per_place_breakdown_of_an_overall_total() -> None:
    text = ("ارتفعت الحصيلة إلى [50|COUNT k=people] شخصا. ففي [حمص|PLACE] قتل [20|COUNT k=people] شخصا، "
            "وفي [حلب|PLACE] قتل [10|COUNT k=people] أشخاص.")
    from link_parts import readers

    r, _ = readers(text)
    res = link(r.cx.text, r.cx.spans, ontology())
    assert [x.part_of for x in res.records] == [None, "c1", "c1"]


def test_bare_figures_by_place_after_a_comma_are_parts_of_the_count_before() -> None:
    """``أربعة مدنيين قتلوا …، واحد في القرية وثلاثة قرب …``, ``القتلى الـ16 كالتالي: ثلاثة في …،
    واحد في …``: each a part of the count before, of its status and kind; figures with a place
    of their own after a count with its place are siblings (``20 شخصا في درعا، وسبعة في حمص``)."""
    text = ("وقال مسؤولون إن أربعة مدنيين قتلوا بنيران القوات أمس، واحد في القرية وثلاثة بالقرب من الحدود. "
            "ويتوزع القتلى الـ12 كالتالي: ثلاثة في المدينة، واحد في الريف، و8 في المخيم. "
            "وقتل 20 شخصا في درعا، وسبعة في حمص، و5 في حماة. "
            'ووثق الفريق موت "40 شخصا" منهم "25 في السجن المركزي، 10 في الفرع الأمني، و5 في المشفى".')
    recs = link(text, [], ontology()).records
    assert [(r.value, r.status, r.category, r.part_of) for r in recs] == [
        (4, "killed", "civilian", None), (1, "killed", "civilian", "c1"), (3, "killed", "civilian", "c1"),
        (12, "killed", "people", None), (3, "killed", "people", "c4"), (1, "killed", "people", "c4"),
        (8, "killed", "people", "c4"), (20, "killed", "people", None), (7, "killed", "people", None),
        (5, "killed", "people", None), (40, "killed", "people", None), (25, "killed", "people", "c11"),
        (10, "killed", "people", "c11"), (5, "killed", "people", "c11")]


def test_a_total_opened_by_among_holds_the_counts_after_it() -> None:
    text = "وقال المتحدث إن من بين 80 شخصا نقلوا إلى المشافي أمس 50 شخصا أصيبوا بالرصاص و12 آخرين بالشظايا."
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(80, None), (50, "c1"), (12, "c1")]
    # with no من بين before it, a figure is no total of the counts after it
    text = "وقال المتحدث إن 80 شخصا نقلوا إلى المشافي أمس، و50 شخصا أصيبوا بالرصاص في الليلة السابقة."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]


def test_the_details_after_where_are_parts_of_the_total() -> None:
    text = ("قتل خمسة مدنيين وأصيب سبعة آخرون في ريف المدينة، إذ قضى طفلان بقذيفة قرب المدرسة، "
            "بينما قتل ثلاثة رجال بانفجار لغم.")
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(5, None), (7, None), (2, "c1"), (3, "c1")]
    # without حيث / إذ, a later count of the same status is a toll of its own
    text = "قتل خمسة مدنيين في ريف المدينة، وقتل طفلان بقذيفة قرب المدرسة في اليوم التالي."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]
    # details that do not fit in the total are not its parts
    text = "قتل خمسة مدنيين في ريف المدينة، حيث قضى تسعة أطفال بقذيفة قرب المدرسة."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]
    # after حيث, a toll of another status tells that clause's own story: a later count is no part
    text = ("وبلغت حصيلة القتلى 900 شخص، وكانت المدينة الأكثر تضررا حيث بلغت حصيلة الجرحى فيها 120 شخصا، "
            "ويذكر أن حصيلة الشهر السابق بلغت جرح 700 شخص ومقتل 650.")
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None, None, None]


def test_among_them_closing_a_count_s_clause_makes_it_a_part_of_the_count_before() -> None:
    from hasila.annotation.ontology import Ontology
    from hasila.link import link

    text = "وأصيب نحو 30 مدنيا بحالات اختناق، وتوفي لاحقا ثلاثة أطفال بينهم."
    recs = link(text, [], Ontology.load()).records
    assert [(r.value, r.part_of) for r in recs] == [(30, None), (3, recs[0].id)]
    # بينهم opening the next count's list, as usual: no change
    recs = link("قتل 30 مدنيا بينهم 3 أطفال.", [], Ontology.load()).records
    assert [r.part_of for r in recs] == [None, recs[0].id]


def test_a_repeated_figure_is_no_part_of_itself() -> None:
    from hasila.annotation.ontology import Ontology
    from hasila.link import link

    text = "وثق التقرير مقتل 9120 مدنيا. ومن بين الضحايا 9120 هناك 140 طفلا و61 سيدة."
    recs = link(text, [], Ontology.load()).records
    by_id = {r.id: r for r in recs}
    assert all(by_id[r.part_of].value != r.value for r in recs if r.part_of)


def test_a_perpetrator_breakdown_adds_up_over_a_part_s_own_detail() -> None:
    # 90 = 70 + 12 + 8; the 5 dead under torture tell more of the 70, whose parts add up already
    text = ("ووثقت الشبكة مقتل 90 مدنيا خلال الشهر. "
            "وقتلت قوات النظام 70 مدنيا، يتوزعون إلى 50 رجلا و20 طفلا، وقد بلغ عدد الذين قتلوا تحت التعذيب 5 أشخاص. "
            "وقتل التنظيم 12 مدنيا. وقتلت الفصائل 8 مدنيين.")
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [
        (90, None), (70, "c1"), (50, "c2"), (20, "c2"), (5, "c2"), (12, "c1"), (8, "c1")]


def test_a_toll_told_again_opens_its_own_list() -> None:
    text = ("ووثق التقرير مقتل 500 مدني خلال العام. "
            "وقال التقرير إن من بين الضحايا 500 هناك 60 طفلا و40 سيدة.")
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(500, None), (500, None), (60, "c2"), (40, "c2")]
    assert [r.status for r in recs] == ["killed"] * 4


def test_among_them_in_a_new_sentence_after_people_named_there_points_to_them() -> None:
    """``وبدأت محاكمة المتهمين، وبينهم ستة …``: in a new sentence, ``بينهم`` after people that
    sentence names points back to them, not to the last count of the sentence before."""
    text = "وأسفر الهجوم عن مقتل 26 شخصا وإصابة 227 آخرين. وبدأت أمس محاكمة المتهمين، وبينهم ستة كويتيين."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None, None]
    text = "وقتل 20 مدنيا في القصف الذي استهدف السوق. وبينهم 5 أطفال."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1"]
    text = "وقتلت الغارات 51 شخصا. وقال المصدر إن غالبية القتلى من أبناء البلدة، وبينهم ثمانية أطفال."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1"]  # the dead of that toll


def test_among_them_reaches_back_two_sentences_at_most() -> None:
    """``بينهم`` after people with no figure, paragraphs below a toll, is no part of that toll."""
    text = ("وشن المسلحون منذ سنوات هجمات خلفت عشرات آلاف القتلى.\nغير أن الحركة نفت ذلك.\n"
            "وتأثرت الحركة بالحملة الأمنية.\nواعتقل أعضاء من الحركة، بينهم اثنان من قادتها.")
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]
    text = "قتل 12 شخصا في الهجوم على السوق. وقالت المصادر إن بينهم أربعة أطفال."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1"]


@pytest.mark.parametrize(("text", "one"), [
    ("انفجرت عبوة بسيارة عسكرية، ما أدى لمقتل أربعة جنود كانوا فيها، أحدهم ضابط برتبة نقيب.", "أحد"),
    ("وأصيب اثنان من المارة أحدهما بحالة حرجة.", "أحد"),
    ("وعثر السكان على جثتي فتاتين قرب النهر، إحداهما طالبة.", "إحداهما"),
])
def test_one_of_the_people_just_counted_is_a_count_of_them(text: str, one: str) -> None:
    recs = link(text, [], ontology()).records
    assert [r.text for r in recs][-1] == one
    assert recs[-1].part_of == recs[-2].id and recs[-1].status == recs[-2].status and recs[-1].value == 1


@pytest.mark.parametrize("text", [
    "وتنقسم المدينة إلى قسمين أحدهما على الضفة الشرقية.",
    "وشارك في المفاوضات وفدان أحدهما من العاصمة.",
])
def test_one_of_two_things_counts_nobody(text: str) -> None:
    assert link(text, [], ontology()).records == []


def test_a_later_toll_does_not_break_down_the_size_of_a_force_by_chance() -> None:
    """``قوة مكونة من عشرين ألف رجل … مقتل 15 ألف قروي، وخمسة آلاف جندي``: the toll adds up to the force by
    chance; nothing befell the force, so the toll is no part of it. A toll that says what
    befell its people still takes a later list that adds up to it."""
    from hasila.link import load_link_config
    from hasila.rules.tagger import RulesTagger

    def parts(text: str) -> list[str | None]:
        spans = RulesTagger.load().label(text).spans
        return [r.part_of for r in link(text, spans, ontology(), load_link_config()).records]

    assert parts("دفعت الحكومة بقوة مكونة من نحو عشرين ألف رجل إلى الإقليم. وأدت المعارك إلى مقتل نحو "
                 "15 ألف قروي، وخمسة آلاف جندي.") == [None, None, None]
    assert parts("قتل 40 شخصا في المدينة خلال الشهر. وكان القتلى 30 مدنيا، و10 مقاتلين.") == [None, "c1", "c1"]


def test_a_group_named_right_after_the_count_before_is_not_the_next_count_s() -> None:
    """``70 من بين الضحايا غرقوا، بينما يعاني 15 آخرون``: the group after 70 ties 70 to the toll;
    the next count, others, is not a part of 70."""
    text = "ارتفعت حصيلة الفيضانات في المقاطعة إلى 90 قتيلا. وقال المسؤول إن 70 من بين الضحايا غرقوا، " \
           "بينما يعاني 15 آخرون من حروق."
    recs = {r.text: r for r in link(text, [], ontology()).records}
    assert recs["70"].part_of == recs["90"].id
    assert recs["15"].part_of != recs["70"].id


def test_a_clause_of_another_status_joins_no_list_of_the_dead() -> None:
    """``قتل 20 شخصا، بينهم 5 أطفال، فيما أصيب 13 آخرون``: the wounded others are no part of the
    dead; others who died in the clause still are."""
    recs = {r.text: r for r in link("قتل 20 شخصا، بينهم 5 أطفال، فيما أصيب 13 آخرون بجروح في القصف.", [],
                                    ontology()).records}
    assert (recs["13"].status, recs["13"].part_of) == ("injured", None)
    recs = {r.text: r for r in link("قتل 20 شخصا بينهم 5 أطفال قضوا في القصف، فيما قضى 3 آخرون بالرصاص.", [],
                                    ontology()).records}
    assert recs["3"].part_of == recs["20"].id


def test_and_among_them_with_a_people_noun_names_the_count_s_own_people() -> None:
    """``آلاف الأشخاص ومنهم نشطاء``: what the count's people include, not a part of a toll told
    paragraphs before; ``ثلاثة منهم أطفال`` is still a part."""
    text = "أدى النزاع إلى مقتل 80 ألف شخص.\nويقبع في السجون آلاف الأشخاص ومنهم نشطاء حقوقيون."
    recs = link(text, [], ontology()).records
    assert [r.part_of for r in recs] == [None, None]
    recs = link("قتل 30 شخصا في القصف، ثلاثة منهم أطفال.", [], ontology()).records
    assert recs[1].part_of == recs[0].id


@pytest.mark.parametrize("text", [
    "وقتل 13 شخصا، ستة منهم في حلب وأربعة في إدلب وثلاثة في حماة.",
    "وتوفي 21 معتقلا تحت التعذيب، قضى 14 منهم في سجن المزة، و7 في فرع الأمن.",
])
def test_a_list_after_the_first_part_s_of_them_goes_on_under_the_total(text: str) -> None:
    """``ستة منهم في حلب وأربعة في إدلب``: the first part's ``منهم`` opens no list of its own;
    the figures after it, with no noun (a place after them), count the same people."""
    from hasila.rules.tagger import RulesTagger

    recs = link(text, RulesTagger.load().label(text).spans, ontology()).records
    assert [r.part_of for r in recs] == [None] + ["c1"] * (len(recs) - 1) and len(recs) >= 3
    assert sum(r.value for r in recs[1:]) == recs[0].value


def test_among_a_report_s_results_is_no_total() -> None:
    """``ومن بين نتائج العمليات مقتل 7 …``: a casualty word between ``من بين`` and the figure
    says ``من بين`` names something else (the results), so the figure opens no total."""
    text = "ومن بين نتائج العمليات مقتل 7 من عناصر الجيش وإصابة 6 آخرين في المحافظة."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]
    text = "ومن بين 40 شخصا أوقفوا، أفرج عن 25 شخصا وأحيل 10 آخرون إلى القضاء."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1", "c1"]


def test_a_toll_its_own_event_names_is_part_of_no_toll_paragraphs_above() -> None:
    """``وسقط العشرات من الجرحى``: after a verb of falling (or of the status the noun names) the
    count is its own event's toll; part of an earlier one only a few paragraphs below it. A verb
    of another status keeps the partitive however far (``وتوفي اثنان من الجرحى``)."""
    far = "\n".join(["وأصيب 40 شخصا في قصف على السوق صباحا."]
                    + [f"وتواصلت المعارك على المحور {n} دون تقدم يذكر." for n in ("الأول", "الثاني", "الثالث", "الرابع")])
    recs = link(far + "\nوسقط العشرات من الجرحى في غارات على القرى.", [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(40, None), (10, None)]
    recs = link(far + "\nوتوفي اثنان من الجرحى في المستشفى.", [], ontology()).records
    assert [(r.value, r.status, r.part_of) for r in recs] == [(40, "injured", None), (2, "killed", "c1")]
    recs = link("قتل 30 شخصا في القصف.\nوسقط 4 من القتلى قرب المدرسة.", [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(30, None), (4, "c1")]


def test_the_wounded_joined_after_a_list_of_the_dead_are_no_part_of_it() -> None:
    """``مقتل 16 … بينهم ثلاثة …، إلى جانب عشرات الجرحى``: a figure whose own noun names another
    status than the list's total is no item of that list; it is of the total's side."""
    text = "وخلفت المعارك مقتل 16 من مسلحي الحوثي بينهم ثلاثة من قادتهم، إلى جانب عشرات الجرحى."
    recs = link(text, [], ontology()).records
    assert [(r.category, r.status, r.part_of) for r in recs] == [
        ("fighter", "killed", None), ("fighter", "killed", "c1"), ("fighter", "injured", None)]


def test_a_vague_total_holds_a_part_above_its_floor() -> None:
    """``عشرات القتلى والجرحى، بينهم أكثر من 20 قتيلا``: tens hold twenty; not a hundred."""
    text = "وخلفت المعارك عشرات القتلى والجرحى، بينهم أكثر من 30 قتيلا."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1"]
    text = "وخلفت المعارك عشرات القتلى والجرحى، بينهم أكثر من 300 قتيل."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]


def test_a_vague_total_sentences_back_holds_no_part_above_its_floor() -> None:
    """``العشرات من مسلحي التنظيم`` sentences before ``قتل 25 منهم``: no total of theirs."""
    text = ("وقتلت القوات العشرات من المسلحين في القرى الشمالية.\nوقال الضابط إن الوضع هادئ.\n"
            "وشن المسلحون هجوما على الثكنة وتمكن الجنود من قتل 25 منهم.")
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]


@pytest.mark.parametrize(("text", "parts"), [
    ("وذكر البيان أن 9 مسلحين من التنظيم قتلوا وجرح ستة منهم في القصف.", [None, None]),
    ("وأصيب 12 جنديا بجروح، توفي اثنان منهم لاحقا في المستشفى.", [None, "c1"]),  # as before
])
def test_the_wounded_are_no_part_of_a_toll_of_the_dead(text: str, parts: list[str | None]) -> None:
    """``قتل سبعة عناصر وجرح أربعة منهم``: the wounded of the side are none of the dead (they were
    made a part of them); the dead may be a part of the wounded, some having died since."""
    assert [r.part_of for r in link(text, [], ontology()).records] == parts


def test_one_of_the_dead_whose_wounds_are_told_is_killed() -> None:
    """``وفاة فلسطينيين أحدهما صحفي إثر إصابتهما``: a part of the dead, wounded by a word after
    it, is one of the dead (it was ``injured``)."""
    got = link("وأعلنت الوزارة وفاة شابين فلسطينيين أحدهما مسعف إثر إصابتهما بالرصاص قرب السياج.", [],
               ontology()).records
    assert [(r.value, r.status, r.part_of) for r in got] == [(2, "killed", None), (1, "killed", "c1")]


@pytest.mark.parametrize(("text", "parts"), [
    ("وأصيب 12 جنديا في الكمين. وفي الريف قصفت المدفعية تجمعا للمسلحين وقتلت 6 منهم.", [None, None]),
    ("وأصيب 12 جنديا في الكمين. وفي المساء نقل الجنود إلى المشفى حيث توفي 3 منهم.", [None, "c1"]),  # as before
    ("واعتقل 15 شخصا في المداهمة. وأفرجت الشرطة لاحقا عن 4 منهم.", [None, "c1"]),  # as before
])
def test_of_them_names_the_people_acted_on_in_its_own_sentence(text: str, parts: list[str | None]) -> None:
    """``قصفت تجمعا للمسلحين وقتلت 6 منهم``: منهم points to the people named after ``لل`` in its own
    sentence, not to a count of other people the sentence before (the 6 were part of the 12 soldiers)."""
    assert [r.part_of for r in link(text, [], ontology()).records] == parts


def test_of_them_after_a_count_and_its_noun_opens_what_they_include() -> None:
    """``أسر سبعة مسلحين منهم فتيان``: منهم between a count's noun and a people noun names who the
    seven include; it is no part of the toll before it (it was part of the dead and wounded)."""
    text = "وقتل وجرح العشرات من المسلحين. وأسر الجيش سبعة مسلحين منهم فتيان."
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, None]
    text = "وقتل 30 مسلحا. وكان 3 منهم أطفالا."
    assert [r.part_of for r in link(text, [], ontology()).records][-1] == "c1"  # as before


def test_a_part_after_a_clause_word_is_of_the_toll_told_before() -> None:
    """``في حين توفي اثنان من المصابين``, ``فيما توفي ثلاثة منهم``: parts of the wounded
    before them, though a clause word stands between."""
    recs = link("قتل 5 مدنيين وأصيب 12 آخرون في القصف، في حين توفي اثنان من المصابين لاحقا.", [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(5, None), (12, None), (2, "c2")]
    recs = link("قتل 7 أشخاص في الغارة، فيما أصيب 10 آخرون، فيما توفي ثلاثة منهم في المستشفى.", [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(7, None), (10, None), (3, "c2")]


def test_one_of_them_in_the_masculine_is_not_of_the_women() -> None:
    recs = link("قتل 10 أشخاص بينهم 3 نساء، وكان أحدهم قائدا في الفصيل.", [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(10, None), (3, "c1"), (1, "c1")]
