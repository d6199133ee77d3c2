"""The qualifier of each count (:func:`hasila.link.qualifier.read_qualifier`)."""

from __future__ import annotations

import pytest
from link_parts import cues_read


@pytest.mark.parametrize(("text", "qualifier"), [
    ("قتل نحو 30 شخصا في القصف.", "about"),
    ("قتل 11 شخصا على الأقل في القصف.", "at_least"),
    ("قتل 11 إيرانيا، على الأقل، في الغارة.", "at_least"),
    ("قتل أكثر من 40 مدنيا في الغارة.", "at_least"),
    ("قتل عشرات المدنيين في الغارة.", "at_least"),
    ("قتل 12 مدنيا في الغارة.", "exact"),
    ("قتل ما بين 20 و30 طفلا في الغارة.", "at_least"),
    ("قتل قرابة الـ 30 شخصا في القصف.", "about"),  # the article standing apart before the figure
    ("قتل أكثر من الـ20 شخصا في القصف.", "at_least"),
    ("قتل ما ينيف على 30 شخصا في القصف.", "at_least"),
    ("قتل الـ 30 شخصا الذين كانوا في الحافلة.", "exact"),
    # a toll that exceeds a figure, or does not, and a figure "or more"
    ("وقالت الوزارة إن عدد الجرحى تجاوز 40 شخصا.", "at_least"),
    ("وأكدت السلطات أن عدد القتلى لم يتجاوز ستة أشخاص.", "at_most"),
    ("وأصيب 25 شخصا أو أكثر في الانفجار.", "at_least"),
    ("وقال الضابط إن عدد عناصر الكتيبة لا يتخطى 40 عنصرا.", "at_most"),
])
def test_qualifiers(text: str, qualifier: str) -> None:
    _, nodes = cues_read(text)
    assert nodes[0].qualifier == qualifier


def test_a_qualifier_of_the_next_sentence_is_not_read() -> None:
    _, nodes = cues_read("قتل 12 مدنيا. على الأقل هذا ما قاله الشهود.")
    assert nodes[0].qualifier == "exact"


def test_a_range_is_at_least_its_first_figure_and_at_most_its_second() -> None:
    _, nodes = cues_read("وفر من البلدة ما بين 4 آلاف و 6 آلاف مدني خلال يومين.")
    assert [(n.value, n.qualifier) for n in nodes] == [(4000, "at_least"), (6000, "at_most")]


def test_ages_between_two_figures_leave_the_count_exact() -> None:
    _, nodes = cues_read("وأصيب 9 أطفال تتراوح أعمارهم بين 7 و12 عاما.")
    assert nodes[0].qualifier == "exact"


def test_the_ends_of_a_range_after_between_with_to() -> None:
    """``بين 3 آلاف إلى 5 آلاف عنصر``: the first figure is at least, the second after ``إلى`` at most,
    as after ``و``; a span holding the whole range is its floor, at least."""
    _, nodes = cues_read("وينتشر في المدينة ما بين 3 آلاف إلى 5 آلاف عنصر.")
    assert [c.qualifier for c in nodes] == ["at_least", "at_most"]
    _, nodes = cues_read("ويقدر عدد عناصره ما بين [10 إلى 15 ألف|COUNT v=10000 k=fighter] مقاتل.")
    assert [c.qualifier for c in nodes] == ["at_least"]


def test_a_toll_that_exceeds_a_figure_still_counts_it() -> None:
    """``عدد النازحين تجاوز 120 ألفا``: the verb is the toll's reach verb and the qualifier at
    once; the figure stays a count (of the displaced), at least that many."""
    _, nodes = cues_read("وقالت المنظمة إن عدد النازحين تجاوز 90 ألفا منذ بدء الهجوم.")
    assert [(n.value, n.qualifier) for n in nodes] == [(90000, "at_least")]


@pytest.mark.parametrize(("text", "want"), [
    ("وتجاوز عدد القتلى في المدينة 200 شخص.", "at_least"),
    ("ولم يتجاوز عدد الجرحى 10 أشخاص.", "at_most"),
    ("وبلغ عدد القتلى في المدينة 200 شخص.", "exact"),
])
def test_a_qualifying_verb_before_the_toll_the_figure_ends(text: str, want: str) -> None:
    """``تجاوز عدد القتلى 200``: the verb before the toll word qualifies the figure that ends it."""
    _, nodes = cues_read(text)
    assert nodes[0].qualifier == want


def test_a_part_after_a_qualified_total_keeps_its_own_qualifier() -> None:
    """``إلى 47 على الأقل عدد قتلى قوات الحكومة بينهم 13``: the qualifier before the toll word
    is the 47's, not the part's after it."""
    _, nodes = cues_read("وارتفع إلى 47 على الأقل عدد قتلى قوات الحكومة بينهم 13 ضابطا.")
    assert [(n.value, n.qualifier) for n in nodes] == [(47, "at_least"), (13, "exact")]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("وخلف الانفجار ما لايقل عن 45 قتيلا في السوق.", "at_least"),
    ("وأصيب مالايقل عن عشرة من رجال الإطفاء.", "at_least"),
    ("وأعلنت الشرطة احتجاز ما يصل إلى 900 شخص بعد المظاهرات.", "at_most"),
    ("وقالت البلدية إن عدد القتلى ارتفع ليصل إلى 18 شخصا.", "exact"),  # as before
])
def test_qualifiers_written_as_one_word_and_up_to(text: str, qualifier: str) -> None:
    """``ما لايقل عن`` (``لا`` and ``يقل`` joined) is ``at_least`` as ``ما لا يقل عن`` is; ``ما يصل
    إلى`` (up to) is ``at_most`` (both were ``exact``); a toll that rises to a figure stays exact."""
    _, nodes = cues_read(text)
    assert nodes[0].qualifier == qualifier
