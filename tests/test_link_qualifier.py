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
])
def test_qualifiers(text: str, qualifier: str) -> None:
    _, nodes = cues_read(text)
    assert nodes[0].qualifier == qualifier


def test_a_qualifier_of_the_next_sentence_is_not_read() -> None:
    _, nodes = cues_read("قتل 12 مدنيا. على الأقل هذا ما قاله الشهود.")
    assert nodes[0].qualifier == "exact"
