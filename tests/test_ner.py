"""Public NER corpora read as training docs: offsets, tag mapping, ignored ranges, doc cuts."""

from __future__ import annotations

from pathlib import Path

import pytest

from hasila.data.ner import IGNORE_KEY, read_conll
from hasila.errors import UserError

# made-up sentences in ANERcorp's layout: one "token TAG" per line, no sentence breaks
LINES = """وصل O
الوزير O
سمير B-PERS
خليل I-PERS
إلى O
دمشق B-LOC
قادما O
من O
بيروت B-LOC
. O
وقال O
مصدر O
في O
وزارة B-ORG
الصحة I-ORG
إن O
12 O
شخصا O
أصيبوا O
قرب O
ريف B-LOC
حمص I-LOC
. O
"""


def write(tmp_path: Path, text: str, name: str = "ner.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tokens_joined_with_exact_offsets_and_mapped_tags(tmp_path):
    docs = read_conll(write(tmp_path, LINES), min_tokens=100, max_tokens=200)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text.startswith("وصل الوزير سمير خليل إلى دمشق")
    assert [(s.label, s.text) for s in doc.spans] == [("PLACE", "دمشق"), ("PLACE", "بيروت"),
                                                      ("PLACE", "ريف حمص")]
    for span in doc.spans:
        assert doc.text[span.start:span.end] == span.text
    # the person and the ministry are not ours to teach: their characters are ignored
    assert [doc.text[a:b] for a, b in doc.meta[IGNORE_KEY]] == ["سمير خليل", "وزارة الصحة"]


def test_the_mapping_is_config(tmp_path):
    path = write(tmp_path, LINES)
    doc = read_conll(path, {"LOC": "PLACE", "PERS": "O"}, min_tokens=100, max_tokens=200)[0]
    assert [doc.text[a:b] for a, b in doc.meta[IGNORE_KEY]] == ["وزارة الصحة"]  # PERS taught as O
    doc = read_conll(path, {"ORG": "ACTOR"}, min_tokens=100, max_tokens=200)[0]
    assert [(s.label, s.text) for s in doc.spans] == [("ACTOR", "وزارة الصحة")]
    assert "دمشق" in [doc.text[a:b] for a, b in doc.meta[IGNORE_KEY]]


def test_docs_cut_after_sentence_ends_and_never_inside_an_entity(tmp_path):
    path = write(tmp_path, LINES)
    docs = read_conll(path, min_tokens=5, max_tokens=50)
    assert [d.text.split()[-1] for d in docs] == [".", "."]
    assert docs[1].text.startswith("وقال") and docs[1].spans[0].text == "ريف حمص"
    # a hard cut at max_tokens waits for the entity to end
    cut = read_conll(path, min_tokens=20, max_tokens=20)
    assert [d.text.split()[-1] for d in cut] == ["قرب", "."]  # cut at 20 tokens, before ريف
    assert [s.text for s in cut[1].spans] == ["ريف حمص"]
    whole = read_conll(path, min_tokens=21, max_tokens=21)  # حمص continues the entity: no cut
    assert len(whole) == 1 and whole[0].spans[-1].text == "ريف حمص"
    assert len(read_conll(path, min_tokens=5, max_tokens=50, max_docs=1)) == 1
    with pytest.raises(UserError, match="min_tokens"):
        read_conll(path, min_tokens=10, max_tokens=5)


def test_blank_lines_nested_layers_and_bad_tags(tmp_path):
    text = ("زار O\nالوفد O\nمدينة B-GPE\nحلب I-GPE B-GPE\n. O\n$#$ O\n"
            "وأعلن O\nالجيش B-ORG\nالسوري I-ORG B-NORP\nعن O\nوصول O\nتعزيزات FOO\n\n"
            "وهدأ O\nالقصف O\nليلا O\n")
    docs = read_conll(write(tmp_path, text), min_tokens=3, max_tokens=50)
    assert [d.text for d in docs] == ["زار الوفد مدينة حلب .", "وأعلن الجيش السوري عن وصول تعزيزات",
                                      "وهدأ القصف ليلا"]
    assert [s.text for s in docs[0].spans] == ["مدينة حلب"]  # the longer of two nested places
    ignored = [docs[1].text[a:b] for a, b in docs[1].meta[IGNORE_KEY]]
    assert ignored == ["الجيش السوري", "السوري", "تعزيزات"]  # ORG, NORP, a token without a tag


def test_a_proclitic_is_cut_off_a_place_the_corpus_also_names_bare(tmp_path):
    text = ("وصل O\n\u200f O\nإلى O\nدمشق B-LOC\nثم O\nغادر O\nبدمشق\u200f B-LOC\nإلى O\nبيروت B-LOC\n"
            "ولبنان B-LOC\n. O\n")
    doc = read_conll(write(tmp_path, text), min_tokens=50, max_tokens=60)[0]
    assert "\u200f" not in doc.text and doc.text.startswith("وصل إلى دمشق")
    # بدمشق: ب + a name seen bare; بيروت and ولبنان keep their first letter (no يروت, no لبنان bare)
    assert [s.text for s in doc.spans] == ["دمشق", "دمشق", "بيروت", "ولبنان"]
    assert all(doc.text[s.start:s.end] == s.text for s in doc.spans)
    assert doc.text[doc.spans[1].start - 1] == "ب"
