"""What a group phrase names (:class:`hasila.link.groups.GroupReader`), on made-up clauses."""

from __future__ import annotations

import pytest
from link_parts import ontology, readers

from hasila.link import link
from hasila.link.groups import allies, category_in


def _tok(r, word: str) -> int:
    """The index of the first token whose text is ``word``."""
    return next(i for i in range(len(r.cx.view)) if r.cx.view[i].text == word)


def test_a_group_at_a_token_and_a_coordinated_one() -> None:
    r, _ = readers("قتل 5 من قوات النظام في القصف.")
    assert r.groups.group_at(_tok(r, "قوات"))[0] == "regime"
    r, _ = readers("قتل 19 من قوات النظام وفصائل المعارضة في المعارك.")
    cid, first, last = r.groups.group_at(_tok(r, "قوات"))
    assert cid == "combatant" and first == _tok(r, "قوات") and last > first


def test_the_allies_of_a_group_are_on_its_side() -> None:
    assert allies(["والمقاتلين", "الموالين", "لها"])
    assert not allies(["والمدنيين", "في", "المدينة"])
    r, _ = readers("قتل 9 من قوات النظام والمسلحين الموالين لها.")
    assert r.groups.group_at(_tok(r, "قوات"))[0] == "regime"


def test_phrases_mixing_kinds() -> None:
    r, _ = readers("نص.")
    assert r.groups.mixed_parts("مقاتلين ومدنيين", partitive=False) == "people"
    assert r.groups.mixed_parts("مدنيين", partitive=False) is None
    assert r.groups.phrase_category("قوات النظام", partitive=True) == "regime"
    assert r.groups.noun_phrase_category("أشخاص") == ("people", True)
    assert r.groups.noun_phrase_category("مدنيين") == ("civilian", False)


def test_most_specific_category_in_a_stretch() -> None:
    r, _ = readers("بلغ عدد القتلى المدنيين 93.")
    assert category_in(r.cx.view, r.cx.onto, _tok(r, "القتلى"), _tok(r, "93")) == "civilian"


def test_a_list_of_groups_goes_on_past_bracketed_glosses() -> None:
    """Every group joined by و counts, a gloss in brackets after a name included: factions,
    jihadists and the Islamic State together are fighters of several sides."""
    r, _ = readers("وقتل 400 من الفصائل المقاتلة وجبهة النصرة (فرع القاعدة في الشام) وتنظيم داعش خلال العام.")
    cid, _, last = r.groups.group_at(_tok(r, "الفصائل"))
    assert cid == "combatant" and last == _tok(r, "النصرة")  # the phrase stops before the gloss
    r, _ = readers("وقتل 400 من الفصائل المقاتلة وجبهة النصرة (فرع القاعدة في الشام) خلال العام.")
    assert r.groups.group_at(_tok(r, "الفصائل"))[0] == "fighter"  # jihadists count with the factions


def test_a_definite_singular_after_the_group_is_one_more_person() -> None:
    """``العنصران من اللواء الثامن والمسعف``: the rescuer named after the group is one more
    victim beside the two, not a second side of them (they stay the brigade's, ``regime``);
    a group joined there still mixes (``والدفاع المدني``)."""
    got = link("وقتل العنصران من اللواء الثامن والمسعف في الهجوم.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(2, "regime")]
    got = link("وقتل العنصران من اللواء الثامن والدفاع المدني في الهجوم.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(2, "people")]


def test_people_of_two_sides_stay_people_whatever_group_follows_the_last() -> None:
    """``آلاف شخص مدني ومقاتل من الفصائل``: a people noun whose adjective says civilian, joined
    to fighters, mixes two sides (``people``), and the group after the last noun is that
    noun's, not the whole count's; a list of one side keeps the group's kind."""
    got = link("وخرجت القافلة وعلى متنها أربعة آلاف شخص مدني ومقاتل من الفصائل باتجاه الشمال.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(4000, "people")]
    got = link("وخرج 900 مدني ومقاتل من الفصائل نحو الشمال.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(900, "people")]
    got = link("وقتل 6 عناصر ومقاتلين من قوات النظام في الاشتباكات.", [], ontology()).records
    assert [(r.value, r.category) for r in got] == [(6, "regime")]


@pytest.mark.parametrize(("text", "category"), [
    ("وارتفع عدد قتلى مسلحي الحوثي في المعارك إلى أكثر من 120 شخصا.", "fighter"),
    ("وأفاد المرصد بارتفاع عدد قتلى المدنيين في الغارات إلى نحو 45 شخصا.", "civilian"),
    ("وبذلك أصبح عدد قتلى المدنيين في البلدة 33 شخصا.", "civilian"),
    ("وارتفعت الخسائر البشرية في صفوف قوات النظام خلال المعارك إلى 26 عنصرا.", "regime"),
])
def test_a_toll_that_rises_to_a_figure_names_the_kind_of_its_people(text: str, category: str) -> None:
    """``ارتفع عدد قتلى الحوثيين إلى أكثر من 250 شخصا``: a toll named after a verb of rising
    that reaches a figure with a plain people noun, a qualifier between, gives its kind to
    the figure (it was read as ``people``)."""
    assert [r.category for r in link(text, [], ontology()).records] == [category]


def test_soldiers_a_toll_says_are_a_foreign_state_s_are_its_forces() -> None:
    """``بلغ عدد قتلى القوات الروسية 70 عسكريا``: a soldier noun (``regime``)
    reached by a toll named for a foreign state's forces is of those forces; a toll of the
    government's forces leaves it as it is."""
    got = link("وقال المسؤول إن عدد قتلى القوات الروسية منذ التدخل وصل إلى 90 عسكريا.", [], ontology())
    assert [r.category for r in got.records] == ["foreign_forces"]
    got = link("وبلغت حصيلة القتلى في صفوف قوات النظام 35 عسكريا.", [], ontology())
    assert [r.category for r in got.records] == ["regime"]
