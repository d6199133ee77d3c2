"""Exact decoding constraints: COUNT spans hold a number; span edges sit on word edges."""

from __future__ import annotations

from dataclasses import replace

from hasila.decoding import constrain, counts_with_numbers, snap_to_words
from hasila.schema import Span

TEXT = "قصفت وحدات الحماية بريف منبج وقتل خمسة مدنيين يوم 12 آذار، وقالت والمعارضة إن ريف منبج هادئ"


def _span(label: str, surface: str, skip: int = 0) -> Span:
    start = TEXT.index(surface) + skip
    end = TEXT.index(surface) + len(surface)
    return Span(start, end, label, TEXT[start:end])


def test_a_cut_first_letter_that_is_not_a_clitic_is_put_back():
    out = snap_to_words(TEXT, [_span("ACTOR", "وحدات الحماية", skip=1)], known=frozenset())
    assert [s.text for s in out] == ["وحدات الحماية"]


def test_a_real_clitic_stays_outside_the_span():
    # ريف stands alone later in the text; المعارضة starts with the article
    spans = [_span("PLACE", "بريف منبج", skip=1), _span("ACTOR", "والمعارضة", skip=1)]
    out = snap_to_words(TEXT, spans, known=frozenset())
    assert [s.text for s in out] == ["ريف منبج", "المعارضة"]


def test_a_span_ending_inside_a_word_is_widened_to_its_end():
    start = TEXT.index("مدنيين")
    out = snap_to_words(TEXT, [Span(start, start + 4, "CATEGORY", TEXT[start:start + 4])], known=frozenset())
    assert [s.text for s in out] == ["مدنيين"]


def test_count_spans_without_a_number_or_on_a_date_are_dropped():
    spans = [_span("COUNT", "خمسة"), _span("COUNT", "آذار"), _span("COUNT", "12"), _span("PLACE", "منبج")]
    assert [s.text for s in counts_with_numbers(TEXT, spans)] == ["خمسة", "منبج"]  # 12 آذار: a date
    text = "قتل 30 مدنيا منذ 30 من نوفمبر"
    counts = [Span(4, 6, "COUNT", "30"), Span(17, 19, "COUNT", "30")]
    assert counts_with_numbers(text, counts) == counts[:1]


def test_constrain_keeps_correct_spans_unchanged():
    spans = [_span("ACTOR", "وحدات الحماية"), _span("COUNT", "خمسة"), _span("CATEGORY", "مدنيين")]
    assert constrain(TEXT, spans) == spans


def test_a_clitic_before_a_number_stays_outside_the_count():
    text = "قتل 5 مدنيين و18 عنصرا وثلاثة أطفال"
    i, j = text.index("18"), text.index("ثلاثة")
    spans = [Span(i, i + 2, "COUNT", "18"), Span(j, j + 5, "COUNT", "ثلاثة")]
    assert snap_to_words(text, spans, known=frozenset()) == spans


def test_broken_spans_are_joined():
    from hasila.decoding import merge_touching

    text = "قصفت قوات النظام السوري مواقع قوات سوريا الديمقراطية، ثم النظام وروسيا"

    def at(surface: str, label: str, skip: int = 0) -> Span:
        i = text.index(surface) + skip
        return Span(i, i + len(surface) - skip, label, text[i:i + len(surface) - skip])

    i = text.index("قوات س")
    spans = [replace(at("قوات النظام", "ACTOR"), score=0.9), replace(at("السوري", "ACTOR"), score=0.6), Span(i, i + 4, "ACTOR", "قوات"),
             at("سوريا", "PLACE"), at("الديمقراطية", "ACTOR"), at("ثم النظام", "ACTOR", skip=3),
             at("وروسيا", "ACTOR", skip=1)]
    out = merge_touching(text, spans)
    assert [(s.text, s.label) for s in out] == [
        ("قوات النظام السوري", "ACTOR"), ("قوات سوريا الديمقراطية", "ACTOR"), ("النظام", "ACTOR"),
        ("روسيا", "ACTOR")]  # a comma or a glued و keeps two actors apart
    assert out[0].score == 0.6  # the joined span is as sure as its least sure part
