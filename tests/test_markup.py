"""The inline markup for hand-written annotated reports."""

from __future__ import annotations

import pytest

from hasila.annotation.markup import parse_markup, to_markup
from hasila.errors import UserError
from hasila.schema import CountAttrs, Relation, records_from_doc

SRC = ("قتل [16|COUNT#c1 q=at_least k=regime cat=k1 aff=a1] [عنصر|CATEGORY#k1] من [قوات النظام|ACTOR#a1] "
       "في ب[حلب|PLACE#p1]، بينهم [ثلاثة|COUNT#c2 v=3 k=regime of=c1 at=p1] و[٤|COUNT#c3 k=regime of=c1]")


def test_parse_gives_raw_text_offsets_attributes_and_relations() -> None:
    doc = parse_markup(SRC, doc_id="d")
    assert "[" not in doc.text and "|" not in doc.text
    for s in doc.spans:
        assert doc.text[s.start:s.end] == s.text
    by_id = doc.span_by_id()
    assert by_id["p1"].text == "حلب" and doc.text[by_id["p1"].start - 1] == "ب"
    assert by_id["c1"].count == CountAttrs(16, "killed", "at_least", "regime")
    assert by_id["c2"].count == CountAttrs(3, "killed", "exact", "regime")
    assert by_id["c3"].count.value == 4  # Arabic-Indic digits need no v=
    assert Relation("c2", "c1", "part_of") in doc.relations
    assert Relation("c2", "p1", "location") in doc.relations
    recs = records_from_doc(doc)
    assert [(r.text, r.part_of) for r in recs] == [("16", None), ("ثلاثة", "c1"), ("٤", "c1")]
    assert recs[0].affiliation == "قوات النظام" and recs[0].category_text == "عنصر"


def test_to_markup_round_trips() -> None:
    doc = parse_markup(SRC, doc_id="d")
    again = parse_markup(to_markup(doc), doc_id="d")
    assert again.text == doc.text and again.spans == doc.spans
    assert sorted(map(str, again.relations)) == sorted(map(str, doc.relations))


@pytest.mark.parametrize(("src", "message"), [
    ("قتل [ثلاثة|COUNT k=civilian]", "needs v="),
    ("قتل [3|COUNT]", "needs k="),
    ("قتل [3|COUNT k=civilian s=dead]", "unknown status"),
    ("قتل [3|COUNT k=civilian of=zz]", "unknown id 'zz'"),
    ("قتل [3|COUNT#c1 k=civilian cat=c1]", "must point to a CATEGORY"),
    ("[حلب|TOWN]", "unknown label"),
    ("[حلب|PLACE k=x]", "cannot carry attributes"),
    ("[حلب|PLACE#a] [إدلب|PLACE#a]", "duplicate span id"),
    ("سطر\n[3|COUNT k=civilian zz=1]", "line 2: unknown key 'zz'"),
])
def test_errors_name_the_line_and_problem(src: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_markup(src, where="f.txt")
