"""The cue before each count (:class:`hasila.link.cue.CueReader`), on made-up sentences."""

from __future__ import annotations

import pytest
from link_parts import cues_read, ontology

from hasila.link import link


@pytest.mark.parametrize(("text", "cues"), [
    ("قتل 20 شخصا بينهم 5 أطفال و3 نساء.", ["none", "subset", "coord"]),
    ("قتل 30 شخصا، وهم: 20 مدنيا و10 مقاتلين.", ["none", "breakdown", "coord"]),
    ("قتل 12 مدنيا، فيما قضى 4 مقاتلين.", ["none", "clause"]),
    ("قتل 12 مدنيا في إدلب. وأصيب 4 أشخاص في حلب.", ["none", "none"]),
    ("قتل 30 شخصا: 20 مدنيا و10 مقاتلين.", ["none", "breakdown", "coord"]),
])
def test_cues(text: str, cues: list[str]) -> None:
    _, nodes = cues_read(text)
    assert [c.cue for c in nodes] == cues


def test_a_bulleted_list_is_coordinated() -> None:
    _, nodes = cues_read("الحصيلة:\n- 12 مدنيا\n- 5 أطفال\n- 3 نساء")
    assert [c.cue for c in nodes][1:] == ["coord", "coord"]
    assert nodes[2].sibling is nodes[1]


def test_a_list_opened_by_bare_nouns_is_a_part_of_the_count_before() -> None:
    _, nodes = cues_read("قتل 41 شخصا، بينهم طفل وثلاث نساء.")
    assert nodes[-1].cue == "subset"


def test_in_addition_glued_to_la_coordinates() -> None:
    """``إضافة لثلاثة عاملين``: ``ل`` glued to the figure after ``إضافة`` adds it to the count
    before, as ``إضافة إلى`` does."""
    _, nodes = cues_read("واستشهد عشرة من رجال الأمن في التفجير، إضافة لثلاثة عاملين في الموقع.")
    assert [c.cue for c in nodes] == ["none", "coord"]


def test_a_bracket_right_after_a_count_opens_its_parts() -> None:
    """``1780 مدنيا (412 امرأة و603 أطفال)``: the figures in a bracket right after a count's noun
    break that count down, though it is itself a part of a toll before it."""
    from link_parts import ontology

    from hasila.link import link

    text = "وخلفت الحرب 3140 قتيلا، منهم 1780 مدنيا (412 امرأة و603 أطفال)."
    assert [c.cue for c in cues_read(text)[1]] == ["none", "subset", "bracket", "coord"]
    recs = link(text, [], ontology()).records
    assert [(r.value, r.part_of) for r in recs] == [(3140, None), (1780, "c1"), (412, "c2"), (603, "c2")]
    text = "وقتل 30 شخصا في القصف على البلدة (18 مدنيا)."  # the bracket after other words: no breakdown
    assert [c.cue for c in cues_read(text)[1]] == ["none", "none"]


def test_a_two_after_a_dual_noun_carrying_and_is_coordinated() -> None:
    """``وعنصران اثنان من الدفاع المدني``: the و of the dual noun before ``اثنان`` joins the
    count to the list it goes on (here a بينهم list, so a part of its total)."""
    from link_parts import ontology

    from hasila.link import link

    text = "وقتل 26 مدنيا بينهم 5 أطفال، ومسعفان اثنان من الهلال الأحمر."
    assert [c.cue for c in cues_read(text)[1]] == ["none", "subset", "coord"]
    assert [r.part_of for r in link(text, [], ontology()).records] == [None, "c1", "c1"]


def test_a_group_after_among_these_opens_the_parts_of_its_total() -> None:
    """``ومن بين هؤلاء المعتقلين سبعة … وخمسة …``: the demonstrative between ``من بين`` and the
    group does not hide it; every item is a part of the earlier total, none of another item."""
    from hasila.annotation.ontology import Ontology
    from hasila.link import link

    text = ("واعتقلت الشرطة 31 شخصا في المداهمات. ومن بين هؤلاء المعتقلين سبعة مسيحيين وخمسة "
            "متظاهرين وثلاثة سوريين و13 شخصا من المقيمين.")
    got = link(text, [], Ontology.load())
    assert [(r.value, r.part_of) for r in got.records] == [(31, None), (7, "c1"), (5, "c1"), (3, "c1"), (13, "c1")]


def test_how_many_of_them_after_among_them_is_a_part_of_the_total() -> None:
    """``… 300 عنصر، بينهم عناصر سابقون في الفصائل …، وعددهم 40``: the figure after ``عددهم``
    numbers the people ``بينهم`` opened, a part of the total before it; with no ``بينهم``
    before (``المدنيون وعددهم 30``) it is no part."""
    text = "وقتل 300 عنصر من قوات النظام، بينهم عناصر سابقون في الفصائل انضموا إلى الفرقة الرابعة، وعددهم 40."
    got = link(text, [], ontology()).records
    assert [(r.value, r.category, r.part_of) for r in got] == [(300, "regime", None), (40, "regime", "c1")]
    _, nodes = cues_read("وقتل 12 شخصا في الغارة. وكان المدنيون وعددهم 30 قد نزحوا.")
    assert [c.cue for c in nodes] == ["none", "none"]


def test_a_numeral_after_a_possessed_noun_joined_by_and_shares_the_verb() -> None:
    """``5 متسلقين ومرشديهم الأربعة لقوا حتفهم``: the four guides are joined to the five, the
    verb after them tells both fates (the five had none); ``وأصيب العشرات منهم`` (a verb before
    the numeral) takes its own verb, and the wounded are no part of the dead (round 33)."""
    text = "وقال مسؤول إن 5 كوريين ومرشديهم الأربعة لقوا حتفهم في الجبل."
    assert [(r.value, r.status) for r in link(text, [], ontology()).records] == [(5, "killed"), (4, "killed")]
    text = "وقال إن 33 مسلحا قتلوا وأصيب العشرات منهم في الهجوم."
    got = link(text, [], ontology()).records
    assert [(r.value, r.status, r.part_of) for r in got] == [(33, "killed", None), (10, "injured", None)]
