"""Members counted after an attack on a group take its side (:mod:`hasila.link.target`), end to end."""

from __future__ import annotations

import pytest
from link_parts import ontology

from hasila.link import link
from hasila.rules.tagger import RulesTagger


def _cats(text: str) -> list[str]:
    return [r.category for r in link(text, RulesTagger.load().label(text).spans, ontology()).records]


@pytest.mark.parametrize(("text", "want"), [
    ("هاجم مسلحون حاجزا لقوات النظام في ريف حماة ما أدى لمقتل 5 عناصر.", ["regime"]),
    ("وأسفر هجوم على دورية للشرطة في ولاية هكاري عن إصابة 6 عناصر بجروح.", ["other"]),
    ("هاجم تنظيم داعش حاجزا لقوات النظام ما أدى لمقتل 5 عناصر.", ["regime"]),  # the attacker skipped
    ("وأسفر هجوم مسلح على دورية للجيش في ريف حماة عن مقتل 4 عناصر.", ["regime"]),  # لجيش: ل swallowed ال
])
def test_members_counted_after_an_attack_on_a_group_are_its_own(text: str, want: list[str]) -> None:
    assert _cats(text) == want


def test_people_or_members_of_a_named_group_keep_their_own_kind() -> None:
    """Only a bare member noun takes the target's side: people stay people, a group named after
    the members wins, and an attack with no target word before the group names no target."""
    assert _cats("هاجم مسلحون حاجزا لقوات النظام ما أدى لمقتل 5 أشخاص.") == ["people"]
    assert _cats("هاجم مسلحون حاجزا لقوات النظام ما أدى لمقتل 5 عناصر من الفصائل.") == ["fighter"]
    assert _cats("هاجمت قوات النظام القرية ما أدى لمقتل 5 عناصر.") == ["people"]
