"""The cue before each count (:class:`hasila.link.cue.CueReader`), on made-up sentences."""

from __future__ import annotations

import pytest
from link_parts import cues_read


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
