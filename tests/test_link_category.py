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


def test_all_of_them_names_their_kind() -> None:
    assert _cats("قتل 18 شخصا جميعهم مدنيون.") == ["civilian"]


def test_soldiers_counted_abroad_are_other() -> None:
    assert abroad("أنقرة") and not abroad("حلب")
    r, _ = readers("قتل [3|COUNT k=other] جنود أتراك في [أنقرة|PLACE].")
    assert [x.category for x in link(r.cx.text, r.cx.spans, ontology()).records] == ["other"]
    r, _ = readers("قتل [3|COUNT k=foreign_forces] جنود أتراك في [عفرين|PLACE].")
    assert [x.category for x in link(r.cx.text, r.cx.spans, ontology()).records] == ["foreign_forces"]
