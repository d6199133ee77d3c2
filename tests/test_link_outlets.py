"""Error classes of the linker on outlets it was not written against (issue 13, item 1):
made-up sentences in the shape of the real reports' hard cases, one test per class."""

from __future__ import annotations

import re

import pytest

from hasila.link import link
from hasila.ontology import Ontology
from hasila.schema import Span


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def spans(text: str, marks: list[tuple[str, str]]) -> list[Span]:
    """Spans on every whole-word occurrence of each ``(words, label)``."""
    out = []
    for words, label in marks:
        for m in re.finditer(rf"(?<![\w]){re.escape(words)}(?![\w])", text):
            out.append(Span(m.start(), m.end(), label, words))
    return out


def test_the_allies_of_a_group_are_on_its_side(onto):
    text = ("قال المرصد إن القتلى هم 14 عنصرا من جبهة النصرة والمقاتلين الموالين لها، "
            "وستة من الفرقة 30 والمقاتلين الموالين لها.")
    marks = [("14", "COUNT"), ("عنصرا", "CATEGORY"), ("جبهة النصرة", "ACTOR"), ("ستة", "COUNT"),
             ("الفرقة 30", "CATEGORY"), ("المقاتلين الموالين لها", "ACTOR")]
    assert [r.category for r in link(text, spans(text, marks), onto).records] == ["jihadist", "fighter"]
    text = "قتل 9 من قوات النظام والمسلحين الموالين لها."  # the regime's allies: regime still
    assert [r.category for r in link(text, spans(text, [("9", "COUNT")]), onto).records] == ["regime"]
