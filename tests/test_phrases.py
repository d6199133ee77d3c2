"""hasila.rules.phrases: actor phrases read the way every outlet writes them."""

from __future__ import annotations

import pytest

from hasila.rules.phrases import (
    actor_phrases,
    is_actor_adjective,
    word_after,
    word_before,
    writes_final_ya_as_alef_maqsura,
)
from hasila.schema import Span

NBSP = "\u00a0"


def _actor(text: str, surface: str) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), "ACTOR", surface)


def _widened(text: str, surface: str) -> str:
    (span,) = actor_phrases(text, [_actor(text, surface)])
    return span.text


def test_word_after_and_before_read_no_break_spaces_and_marks_but_stop_at_a_line_break():
    text = f"قوات{NBSP}النِّظامِ السوري\nأمس"
    m = word_after(text, len("قوات"))
    assert m is not None and m.group(1) == "النِّظامِ" and m.end() == text.index(" السوري")
    assert word_after(text, text.index("\n") - 0) is None  # a line break ends the phrase
    b = word_before(text, text.index("النِّظامِ"))
    assert b is not None and b.group(1) == "قوات" and b.start() == 0


@pytest.mark.parametrize("word, expected", [
    ("الكردية", True), ("الكرديه", True), ("الكُرديّة", True), ("المسلحة", True), ("المسلحه", True),
    ("المدينة", False), ("قوات", False)])
def test_is_actor_adjective_folds_the_word_first(word: str, expected: bool):
    assert is_actor_adjective(word) is expected


@pytest.mark.parametrize("text, surface, expected", [
    # the same phrase in four spellings: plain, no-break spaces, diacritics, ه for a final ة
    ("قصفت قوات النظام السوري الحكومية بلدة", "قوات النظام", "قوات النظام السوري الحكومية"),
    (f"قصفت قوات{NBSP}النظام{NBSP}السوري{NBSP}الحكومية بلدة", "قوات", f"قوات{NBSP}النظام{NBSP}السوري{NBSP}الحكومية"),
    ("قصفت قُوّاتُ النِّظامِ السّوريّ الحكوميّة بلدة", "قُوّاتُ النِّظامِ", "قُوّاتُ النِّظامِ السّوريّ الحكوميّة"),
    ("قصفت قوات النظام السوري الحكوميه بلدة", "قوات النظام", "قوات النظام السوري الحكوميه"),
    # a plural head and its indefinite adjectives, ه for ة
    ("هاجمت فصائل اسلاميه ومقاتله المدينة", "فصائل", "فصائل اسلاميه ومقاتله"),
    # a head before the name, written with a kashida
    ("قتل مقاتـلي المعارضة أمس", "المعارضة", "مقاتـلي المعارضة"),
])
def test_an_actor_phrase_does_not_depend_on_spelling(text: str, surface: str, expected: str):
    assert _widened(text, surface) == expected


def test_a_unit_number_after_a_no_break_space_belongs_to_the_unit():
    text = f"هاجمت النصرة مقر الفرقة{NBSP}30 وقتلت 4"
    (span,) = actor_phrases(text, [_actor(text, "الفرقة")])
    assert span.text == f"الفرقة{NBSP}30"


def test_a_phrase_never_runs_over_a_line_break():
    text = "قصفت قوات النظام\nالسوري"
    assert _widened(text, "قوات النظام") == "قوات النظام"


def test_a_text_that_writes_final_ya_as_alef_maqsura_keeps_its_nisba_adjectives():
    egyptian = "وقال مصدر فى الجيش إن قوات النظام السورى قصفت القرية التى"
    assert writes_final_ya_as_alef_maqsura(egyptian)
    assert _widened(egyptian, "قوات النظام") == "قوات النظام السورى"
    # in a text that writes ي, a word ending in ى is no nisba (القدامى: former)
    standard = "وقال مصدر في الجيش إن المحاربين الأميركيين القدامى اجتمعوا في القرية التي"
    assert not writes_final_ya_as_alef_maqsura(standard)
    assert _widened(standard, "الأميركيين") == "الأميركيين"


@pytest.mark.parametrize("text, surface, expected", [
    # a definite participle ties the actor to the party behind it: one noun phrase (the guide)
    ("تقدمت الفصائل المدعومة من تركيا نحو البلدة", "الفصائل", "الفصائل المدعومة من تركيا"),
    ("انسحب مقاتلو الجماعة المبايعة لتنظيم داعش من القرية", "مقاتلو الجماعة", "مقاتلو الجماعة المبايعة لتنظيم داعش"),
    ("قصفت الكتيبة التابعة للنظام السوري الحي", "الكتيبة", "الكتيبة التابعة للنظام السوري"),
    ("اشتبكت الجماعات المرتبطة بتنظيم القاعدة مع الجيش", "الجماعات", "الجماعات المرتبطة بتنظيم القاعدة"),
    # the coalition and who leads it (بقيادة، الذي تقوده)
    ("أغارت طائرات التحالف الدولي بقيادة واشنطن على القرية", "طائرات التحالف الدولي",
     "طائرات التحالف الدولي بقيادة واشنطن"),
    ("قصف التحالف الدولي بقيادة أميركية الجسر", "التحالف الدولي", "التحالف الدولي بقيادة أميركية"),
    ("قصف التحالف الذي تقوده الولايات المتحدة الجسر", "التحالف", "التحالف الذي تقوده الولايات المتحدة"),
    ("قال التحالف الذي يقود العملية إن", "التحالف", "التحالف"),
    # no party after it: the participle stays outside
    ("انسحبت الفصائل المدعومة أمس من القرية", "الفصائل", "الفصائل"),
    ("انسحبت الفصائل المدعومة من جديد", "الفصائل", "الفصائل"),
    # an ally word it already knew (الموالية + للنظام) is unchanged
    ("هاجمت الميليشيات الموالية للنظام القرية", "الميليشيات", "الميليشيات الموالية للنظام"),
])
def test_an_actor_takes_the_party_a_participle_ties_it_to(text: str, surface: str, expected: str):
    assert _widened(text, surface) == expected


def test_the_backing_state_tagged_a_place_becomes_part_of_the_actor():
    text = "تقدمت الفصائل المدعومة من تركيا نحو البلدة"
    place = text.index("تركيا")
    spans = actor_phrases(text, [_actor(text, "الفصائل"), Span(place, place + 5, "PLACE", "تركيا")])
    assert [(s.label, s.text) for s in spans] == [("ACTOR", "الفصائل المدعومة من تركيا")]


def test_a_town_whose_name_looks_like_an_adjective_is_no_part_of_the_actor_before_it():
    # الزبداني is shaped like السوري but names a town of the gazetteer: the object of تحاصر
    assert _widened("وتحاصر قوات النظام الزبداني منذ أشهر", "قوات النظام") == "قوات النظام"
    assert _widened("وتحاصر قوات النظام السوري المدينة", "قوات النظام") == "قوات النظام السوري"
