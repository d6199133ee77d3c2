"""Exact decoding constraints: COUNT spans hold a number; span edges sit on word edges."""

from __future__ import annotations

import re
from dataclasses import replace

from hasila.link.text import key
from hasila.model.decoding import (
    DecodingConfig,
    apply,
    at_hint_edges,
    confident,
    constrain,
    counts_with_numbers,
    no_lone_adjectives,
    not_monitors,
    place_phrases,
    places_not_actors,
    snap_to_words,
)
from hasila.rules.phrases import actor_phrases
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
    from hasila.model.decoding import merge_touching

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


def test_spans_starting_where_the_rules_start_one_stay_apart():
    from hasila.model.decoding import merge_touching

    text = "بعدما حملت الولايات المتحدة روسيا المسؤولية"
    spans = [_at(text, "الولايات المتحدة"), _at(text, "روسيا")]
    assert [s.text for s in merge_touching(text, spans)] == ["الولايات المتحدة روسيا"]
    apart = frozenset({text.index("روسيا")})  # the rules' hint starts a span there: subject, object
    assert [s.text for s in merge_touching(text, spans, apart)] == ["الولايات المتحدة", "روسيا"]


def test_a_span_cut_inside_its_edge_words_takes_the_rules_edges():

    text = "امتدادا لحزب العمال الكردستاني في حلب الشرقي، وقتل أحدهما"
    i, j = text.index("لحزب"), text.index("أحدهما")
    model = [Span(i, i + len("لحزب العمال الكردستاني"), "ACTOR", "لحزب العمال الكردستاني"),
             _at(text, "حلب الشرقي", "PLACE"), Span(j, j + 6, "COUNT", "أحدهما")]
    hints = [_at(text, "حزب العمال الكردستاني"), _at(text, "حلب", "PLACE"), Span(j, j + 3, "COUNT", "أحد")]
    out = at_hint_edges(text, model, hints)
    # a clitic or a pronoun inside the edge word: the rules' edges; a word more: the model's
    assert [s.text for s in out] == ["حزب العمال الكردستاني", "حلب الشرقي", "أحد"]


def _at(text: str, surface: str, label: str = "ACTOR") -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


def _widened(text: str, *parts: tuple[str, str]) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in actor_phrases(text, [_at(text, p, lab) for p, lab in parts])]


def test_an_actor_takes_the_adjectives_that_follow_it():
    text = "قصفت قوات النظام السوري والروسية بلدة كفرنبل، وتبنى داعش المسؤولية عن الهجوم"
    assert _widened(text, ("قوات النظام", "ACTOR"), ("كفرنبل", "PLACE"), ("داعش", "ACTOR")) == \
        [("ACTOR", "قوات النظام السوري"), ("PLACE", "كفرنبل"), ("ACTOR", "داعش")]


def test_an_actor_takes_its_head_noun_and_a_quoted_name_with_its_quotes():
    text = 'اشتبك مقاتلي المعارضة مع تنظيم "الدولة الإسلامية" ومع تنظيم «داعش» الإرهابي شرق المدينة'
    assert _widened(text, ("المعارضة", "ACTOR"), ("تنظيم", "ACTOR"), ("الدولة الإسلامية", "ACTOR"),
                    ("داعش", "ACTOR")) == \
        [("ACTOR", "مقاتلي المعارضة"), ("ACTOR", 'تنظيم "الدولة الإسلامية"'),
         ("ACTOR", "تنظيم «داعش» الإرهابي")]


def test_an_actor_is_not_widened_into_another_span():
    text = "قتل 10 عناصر قوات النظام في بلدة السورية الجديدة"
    assert _widened(text, ("10", "COUNT"), ("عناصر", "CATEGORY"), ("قوات النظام", "ACTOR"),
                    ("السورية الجديدة", "PLACE")) == \
        [("COUNT", "10"), ("CATEGORY", "عناصر"), ("ACTOR", "قوات النظام"), ("PLACE", "السورية الجديدة")]


def test_constrain_widens_actors_only_when_asked():
    text = "قصفت قوات النظام السوري حي جوبر"
    spans = [_at(text, "قوات النظام")]
    assert [s.text for s in constrain(text, spans)] == ["قوات النظام"]
    assert [s.text for s in constrain(text, spans, actors=True)] == ["قوات النظام السوري"]


def test_decoding_config_rejects_unknown_labels_and_thresholds_out_of_range():
    import pytest

    from hasila.errors import UserError

    DecodingConfig(min_score={"ACTOR": 0.7}, bias={"COUNT": -1.0}).check(["ACTOR", "COUNT"])
    with pytest.raises(UserError, match="unknown label"):
        DecodingConfig(bias={"PERSON": 1.0}).check(["ACTOR"])
    with pytest.raises(UserError, match="thresholds"):
        DecodingConfig(min_score={"ACTOR": -0.1}).check(["ACTOR"])
    assert confident([Span(0, 1, "ACTOR", "x", score=0.5), Span(2, 3, "PLACE", "y", score=0.5),
                      Span(4, 5, "ACTOR", "z")], {"ACTOR": 0.6}) == \
        [Span(2, 3, "PLACE", "y", score=0.5), Span(4, 5, "ACTOR", "z")]


def test_a_span_the_rules_hint_gives_stays_whatever_its_score():
    """``keep_hints``: ``min_score`` drops the model's own unsure spans, not one equal (label and
    edges) to a rules' hint; a hint of another label or other edges keeps nothing."""
    spans = [Span(0, 5, "ACTOR", "x", score=0.3), Span(6, 9, "PLACE", "y", score=0.3)]
    hints = [Span(0, 5, "ACTOR", "x"), Span(6, 10, "PLACE", "y z"), Span(11, 12, "COUNT", "3")]
    assert confident(spans, {"ACTOR": 0.6, "PLACE": 0.6}, hints) == [spans[0]]
    assert confident(spans, {"ACTOR": 0.6, "PLACE": 0.6}) == []
    assert confident(spans, {"ACTOR": 0.6}, [Span(0, 5, "PLACE", "x")]) == [spans[1]]


def test_a_monitor_or_its_director_is_no_actor():
    text = "وقال المرصد السوري لحقوق الإنسان ومديره رامي عبد الرحمن إن الجيش السوري قصف البلدة"
    spans = [_at(text, "السوري"), _at(text, "عبد الرحمن"), _at(text, "الجيش"), _at(text, "البلدة", "PLACE")]
    assert [(s.label, s.text) for s in not_monitors(text, spans)] == [("ACTOR", "الجيش"), ("PLACE", "البلدة")]
    assert [s.text for s in constrain(text, spans, actors=True, monitors=True)] == ["الجيش السوري", "البلدة"]


def test_a_news_desk_holds_neither_a_place_nor_an_actor():
    text = "ونقل مكتب أخبار سوريا عن ناشط أن الجيش قصف سوريا"
    desk = text.index("سوريا")
    spans = [Span(desk, desk + 5, "PLACE", "سوريا"), _at(text, "الجيش"), Span(len(text) - 5, len(text), "PLACE", "سوريا")]
    assert [(s.label, s.start) for s in not_monitors(text, spans)] == [("ACTOR", text.index("الجيش")),
                                                                       ("PLACE", len(text) - 5)]


def test_a_bare_quoted_name_keeps_no_quotes_and_a_units_number_is_part_of_it():
    text = "هاجمت «النصرة» مواقع الفرقة 30 وقتل 4 عناصر"
    spans = [_at(text, "النصرة"), _at(text, "الفرقة"), _at(text, "30", "COUNT"), _at(text, "4", "COUNT")]
    assert [(s.label, s.text) for s in actor_phrases(text, spans)] == \
        [("ACTOR", "النصرة"), ("ACTOR", "الفرقة 30"), ("COUNT", "4")]
    # without the ACTOR, the unit's number is still no count
    assert [s.text for s in counts_with_numbers(text, [_at(text, "30", "COUNT"), _at(text, "4", "COUNT")])] == ["4"]


def test_a_count_span_over_two_numbers_becomes_one_count_per_number():
    text = "قتل 305 طفل و218 مواطنة و350 ألف نازح"
    spans = [replace(_at(text, "305 طفل و218", "COUNT"), score=0.6), _at(text, "350 ألف", "COUNT")]
    assert [(s.text, s.score) for s in counts_with_numbers(text, spans)] == \
        [("305", 0.6), ("218", 0.6), ("350 ألف", None)]


def test_a_construct_head_takes_the_name_it_governs():
    text = "هاجم حزب العمال الكردستاني وقوات الأمن مواقع جيش الفتح قرب المدينة"
    assert _widened(text, ("حزب", "ACTOR"), ("قوات", "ACTOR"), ("جيش", "ACTOR")) == \
        [("ACTOR", "حزب العمال الكردستاني"), ("ACTOR", "قوات الأمن"), ("ACTOR", "جيش الفتح")]


def test_a_construct_head_takes_no_day_no_preposition_and_no_other_span():
    text = "أرسلت روسيا قوات الى سوريا وحركت قوات الاثنين نحو طائرات الرقة"
    spans = [_at(text, "قوات"), Span(text.rindex("قوات"), text.rindex("قوات") + 4, "ACTOR", "قوات"),
             _at(text, "طائرات"), _at(text, "الرقة", "PLACE")]
    assert [(s.label, s.text) for s in actor_phrases(text, spans)] == \
        [("ACTOR", "قوات"), ("ACTOR", "قوات"), ("ACTOR", "طائرات"), ("PLACE", "الرقة")]


def test_an_actor_takes_adjectives_of_sides_and_the_pronoun_after_an_ally_word():
    text = "هاجمت الفصائل المسلحة والمسلحين الموالين لها مواقع الجيش السوري الحر، وقدمت القوات له الدعم"
    assert _widened(text, ("الفصائل", "ACTOR"), ("المسلحين الموالين", "ACTOR"), ("الجيش السوري", "ACTOR"),
                    ("القوات", "ACTOR")) == \
        [("ACTOR", "الفصائل المسلحة"), ("ACTOR", "المسلحين الموالين لها"), ("ACTOR", "الجيش السوري الحر"),
         ("ACTOR", "القوات")]


def test_a_count_without_a_number_does_not_stop_an_actor_phrase():
    text = "هاجم جيش الفتح مواقع قرب البلدة"
    spans = [_at(text, "جيش"), _at(text, "الفتح", "COUNT")]
    assert [(s.label, s.text) for s in constrain(text, spans, actors=True)] == [("ACTOR", "جيش الفتح")]


def test_a_place_name_after_a_preposition_or_direction_is_no_actor():
    text = "اتهمت تركيا الوحدات الكردية بتفجير في تركيا وآخر جنوب تركيا، ومع تركيا"
    starts = [i for i in range(len(text)) if text.startswith("تركيا", i)]
    spans = [Span(i, i + 5, "ACTOR", "تركيا") for i in starts]
    out = places_not_actors(text, spans, frozenset({key("تركيا")}))
    assert [s.label for s in out] == ["ACTOR", "PLACE", "PLACE", "ACTOR"]
    assert [s.label for s in places_not_actors(text, spans, frozenset())] == ["ACTOR"] * 4
    assert [s.label for s in constrain(text, spans, places=True)] == ["ACTOR", "PLACE", "PLACE", "ACTOR"]
    assert [s.label for s in constrain(text, spans)] == ["ACTOR"] * 4


def test_a_lone_singular_adjective_is_no_actor():
    text = "قالت الوكالة الروسية إن المعارضة والمسلحين الأكراد في السعودية"
    spans = [_at(text, "الروسية"), _at(text, "المعارضة"), _at(text, "الأكراد"), _at(text, "السعودية")]
    assert [s.text for s in no_lone_adjectives(text, spans, frozenset({key("السعودية")}))] == \
        ["المعارضة", "الأكراد", "السعودية"]
    assert [s.text for s in no_lone_adjectives(text, spans, frozenset())] == ["المعارضة", "الأكراد"]
    assert [s.text for s in constrain(text, [_at(text, "الروسية")], actors=True)] == []
    assert [s.text for s in constrain(text, [_at(text, "الروسية")])] == ["الروسية"]


def test_an_actor_takes_a_coordinated_adjective():
    text = "قصفت طائرات النظام الحربية والمروحية مواقع الفصائل الإسلامية والمقاتلة والمعارضة"
    assert _widened(text, ("طائرات النظام الحربية", "ACTOR"), ("الفصائل الإسلامية", "ACTOR")) == \
        [("ACTOR", "طائرات النظام الحربية والمروحية"), ("ACTOR", "الفصائل الإسلامية والمقاتلة")]


def test_an_adjective_tagged_as_its_own_actor_joins_the_phrase():
    text = "هاجمت الفصائل الإسلامية والمقاتلة مواقع الجيش"
    assert _widened(text, ("الفصائل الإسلامية", "ACTOR"), ("المقاتلة", "ACTOR")) == \
        [("ACTOR", "الفصائل الإسلامية والمقاتلة")]


def test_a_plural_head_takes_its_indefinite_adjectives():
    text = "اشتبكت فصائل إسلامية ومقاتلة مع وحدات حماية الشعب وقصفت طائرات روسية قرية صغيرة"
    assert _widened(text, ("فصائل", "ACTOR"), ("وحدات", "ACTOR"), ("طائرات", "ACTOR")) == \
        [("ACTOR", "فصائل إسلامية ومقاتلة"), ("ACTOR", "وحدات حماية الشعب"), ("ACTOR", "طائرات روسية")]


def test_an_actor_takes_a_second_head_and_the_party_an_ally_word_names():
    text = "قصفت قوات نظام الأسد والفصائل الموالية للمعارضة السورية ومقاتلي الجيش الموالي لأنقرة منذ أيام"
    assert _widened(text, ("قوات", "ACTOR"), ("الفصائل", "ACTOR"), ("الجيش الموالي", "ACTOR")) == \
        [("ACTOR", "قوات نظام الأسد"), ("ACTOR", "الفصائل الموالية للمعارضة السورية"),
         ("ACTOR", "الجيش الموالي لأنقرة")]


def test_a_count_span_takes_the_edges_of_the_number_it_holds():
    text = "قتل 12,500 شخص ونزح نحو 4.3 مليون مدني خلال عيد الفطر 36 منهم أطفال"
    pieces = [Span(4, 6, "COUNT", "12"), Span(7, 10, "COUNT", "500")]  # the model broke one number
    million = text.index("4.3")
    scale = [Span(million + 2, million + 9, "COUNT", text[million + 2:million + 9])]  # "3 مليون"
    feast = text.index("الفطر 36")
    wide = [Span(feast, feast + 8, "COUNT", text[feast:feast + 8])]  # a word and the number
    out = constrain(text, [*pieces, *scale, *wide], edges=True)
    assert [s.text for s in out] == ["12,500", "4.3 مليون", "36"]
    assert constrain(text, [*pieces, *scale, *wide]) == [*pieces, *scale, *wide]  # off by default


def test_pieces_of_one_number_become_one_span_with_the_lower_score():
    text = "قتل 12,500 شخص"
    pieces = [Span(4, 6, "COUNT", "12", score=0.9), Span(7, 10, "COUNT", "500", score=0.6)]
    assert constrain(text, pieces, edges=True) == [Span(4, 10, "COUNT", "12,500", score=0.6)]


def test_count_edges_never_take_another_labels_text_nor_cut_a_word():
    text = "قتل 12,500 شخص"
    spans = [Span(4, 6, "COUNT", "12"), Span(7, 10, "PLACE", "500")]  # the number reaches another span
    assert constrain(text, spans, edges=True) == spans
    one = "قال احدهم إن 7 مدنيين قتلوا"  # احد inside احدهم: the number would cut the word
    span = Span(4, 9, "COUNT", "احدهم")
    assert constrain(one, [span], edges=True) == [span]


def test_a_count_the_number_rules_read_as_surely_no_count_is_dropped():
    text = ("قتل 7 مدنيين بينهم 3 أطفال، ونفذت الطائرات 25 غارة خلال 3 أيام، وتسيطر القوات على 80 بالمئة "
            "من المدينة منذ عام 2015، وقتل رجل يبلغ من العمر 45 عاما")
    counts = [Span(m.start(), m.end(), "COUNT", m.group(0)) for m in re.finditer(r"\d+", text)]
    kept = constrain(text, counts, veto=True)
    assert [s.text for s in kept] == ["7", "3"]  # 25 raids, 3 days, 80 percent, a year, an age go
    assert [s.text for s in constrain(text, counts)] == [s.text for s in counts]  # off by default


def test_the_veto_keeps_counts_of_people_a_dual_and_a_big_year_like_count():
    text = "قتل 2019 مقاتلا منذ بداية العام، وأصيب طفلان في القصف"
    spans = [Span(4, 8, "COUNT", "2019"), Span(text.index("طفلان"), text.index("طفلان") + 5, "COUNT", "طفلان")]
    assert constrain(text, spans, veto=True) == spans


def test_the_config_switches_the_count_constraints():
    text = "قتل 12,500 شخص في 25 غارة"
    spans = [Span(4, 6, "COUNT", "12"), Span(7, 10, "COUNT", "500"), Span(18, 20, "COUNT", "25")]
    assert apply(text, spans, DecodingConfig()) == spans
    out = apply(text, spans, DecodingConfig(count_edges=True, count_veto=True))
    assert [s.text for s in out] == ["12,500"]


def test_a_word_that_is_itself_a_place_name_keeps_its_first_letter():
    text = "وصل الوفد إلى لبنان أمس"
    cut = Span(text.index("لبنان") + 1, text.index("لبنان") + 5, "PLACE", "بنان")  # ل taken for a clitic
    known = frozenset({"بنان", "لبنان"})
    assert snap_to_words(text, [cut], known=known) == [cut]  # the old rule: بنان is a word too
    out = constrain(text, [cut], whole_names=True)
    assert [s.text for s in out] == ["لبنان"]
    glued = "قصفت الطائرات بحلب"
    city = Span(glued.index("حلب"), len(glued), "PLACE", "حلب")
    assert constrain(glued, [city], whole_names=True) == [city]  # بحلب is no place name: ب stays out


def test_a_place_takes_its_head_noun_and_the_direction_after_it():
    text = "قصفت الطائرات بريف حلب الشمالي واستهدفت حي جوبر ومطار دمشق الدولي"
    spans = [_in(text, "PLACE", "حلب"), _in(text, "PLACE", "جوبر"), _in(text, "PLACE", "دمشق")]
    assert [s.text for s in place_phrases(text, spans)] == ["ريف حلب الشمالي", "حي جوبر", "مطار دمشق الدولي"]
    assert constrain(text, spans) == spans  # off by default
    assert [s.text for s in constrain(text, spans, place_heads=True)] == ["ريف حلب الشمالي", "حي جوبر",
                                                                        "مطار دمشق الدولي"]


def test_a_town_s_new_or_old_quarter_is_part_of_its_name_a_feminine_direction_is_not():
    text = "سقطت قذائف على حلب القديمة ثم على حمص الجديدة وعلى درعا الجنوبية"
    spans = [_in(text, "PLACE", "حلب"), _in(text, "PLACE", "حمص"), _in(text, "PLACE", "درعا")]
    assert [s.text for s in place_phrases(text, spans)] == ["حلب القديمة", "حمص الجديدة", "درعا"]


def test_a_place_is_not_widened_over_another_span_or_a_town_word():
    text = "دخلت القوات مدينة حلب الشرقية"
    spans = [_in(text, "PLACE", "حلب"), _in(text, "ACTOR", "الشرقية")]
    assert place_phrases(text, spans) == spans  # مدينة is no part of the name (the gold)


def test_a_category_with_no_number_near_it_is_dropped():
    text = "قتل 5 مدنيين بينهم أطفال. وتعيش عائلات المدنيين في خيام. وارتفعت حصيلة قتلى الغارات إلى 12"
    spans = [_in(text, "CATEGORY", "مدنيين"), _in(text, "CATEGORY", "أطفال"),
             _in(text, "CATEGORY", "المدنيين"), _in(text, "CATEGORY", "قتلى")]
    kept = constrain(text, spans, category_numbers=True)
    assert [s.text for s in kept] == ["مدنيين", "أطفال", "قتلى"]  # قتلى: the toll reaches 12
    assert constrain(text, spans) == spans


def test_the_config_switches_the_place_and_category_constraints():
    text = "قتل 3 مدنيين في حي جوبر"
    spans = [_in(text, "CATEGORY", "مدنيين"), _in(text, "PLACE", "جوبر")]
    assert apply(text, spans, DecodingConfig()) == spans
    out = apply(text, spans, DecodingConfig(place_phrases=True, category_numbers=True))
    assert [s.text for s in out] == ["مدنيين", "حي جوبر"]


def test_an_actor_takes_a_head_noun_that_carries_a_clitic_without_the_clitic():
    text = "اشتبكت قوات النظام ومسلحي داعش قرب القرية"
    spans = [_in(text, "ACTOR", "قوات النظام"), _in(text, "ACTOR", "داعش")]
    assert [s.text for s in actor_phrases(text, spans)] == ["قوات النظام", "داعش"]  # off by default
    assert [s.text for s in actor_phrases(text, spans, glued_heads=True)] == ["قوات النظام", "مسلحي داعش"]
    assert [s.text for s in apply(text, spans, DecodingConfig(glued_heads=True))] == ["قوات النظام", "مسلحي داعش"]
    other = "قتل عنصر ومسلحي داعش"
    head = other.index("مسلحي")
    taken = [Span(head, head + 5, "CATEGORY", "مسلحي"), _in(other, "ACTOR", "داعش")]
    assert actor_phrases(other, taken, glued_heads=True) == taken  # the head is another span


def _in(text: str, label: str, surface: str) -> Span:
    start = re.search(rf"(?<![^\W\d_]){re.escape(surface)}(?![^\W\d_])", text).start()
    return Span(start, start + len(surface), label, surface)


def test_one_span_over_two_parties_the_hint_keeps_apart_is_split_at_the_conjunction():
    """A rules-hint model's span running over two hints of its label joined by و takes the two
    hints' edges; one joined by other words (a verb) stays as it is."""
    text = "وطالت الضربات المسلحين المحليين وعناصر حزب الله قرب المطار"
    a, b = text.index("المسلحين"), text.index("قرب") - 1
    first = Span(a, text.index(" وعناصر"), "ACTOR", "المسلحين المحليين")
    second = Span(text.index("عناصر"), b, "ACTOR", "عناصر حزب الله")
    assert at_hint_edges(text, [Span(a, b, "ACTOR", text[a:b])], [first, second]) == [first, second]
    text2 = text.replace(" وعناصر", " ضربت عناصر")
    a2, b2 = text2.index("المسلحين"), text2.index("قرب") - 1
    hints2 = [Span(a2, text2.index(" ضربت"), "ACTOR", "x"), Span(text2.index("عناصر"), b2, "ACTOR", "y")]
    assert at_hint_edges(text2, [Span(a2, b2, "ACTOR", text2[a2:b2])], hints2) == [Span(a2, b2, "ACTOR", text2[a2:b2])]
