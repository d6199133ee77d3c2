"""Subword alignment and windowing: labels, ownership, decoding round trips."""

from __future__ import annotations

import itertools
import random

import pytest

from hasila.annotation.markup import parse_markup
from hasila.errors import UserError
from hasila.model.align import AlignStats, Window, decode_windows, encode_windows, tokenize
from hasila.model.modeling import train_tokenizer
from hasila.schema import Span, bio_tags
from hasila.text.arabic import normalize

TAGS = bio_tags()
LABEL2ID = {t: i for i, t in enumerate(TAGS)}
ID2LABEL = dict(enumerate(TAGS))

WORDS = ["قتل", "مقاتلا", "عنصر", "من", "قوات", "النظام", "في", "ريف", "ادلب", "الجنوبي", "مدني",
         "بينهم", "طفل", "مواطنة", "طائرات", "الحربية", "سراقب", "مخيم", "النيرب", "حي", "جوبر",
         "الفصائل", "المقاتلة", "والاسلامية", "اصيب", "استشهد", "جراء", "قصف", "على", "الاقل"]
PLACES = ["حلب", "ادلب", "حمص", "درعا"]


@pytest.fixture(scope="module")
def tok():
    texts = [" ".join(WORDS), " ".join(PLACES), "و218 ب300 1206 305 16 30 ٣٠"] * 3
    # a tiny vocabulary so that most words split into several sub-tokens
    return train_tokenizer(texts, vocab_size=90, min_frequency=1)


def gold_tag_ids(windows: list[Window]) -> list[list[int]]:
    return [list(w.labels or []) for w in windows]


def roundtrip(text: str, spans: list[Span], tok, max_length: int = 16, stride: int = 4,
              all_sub: bool = False, subtoken_starts: bool = False) -> list[Span]:
    windows = encode_windows(text, tok, max_length, stride, spans=spans, label2id=LABEL2ID,
                             label_all_subtokens=all_sub)
    return decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL,
                          subtoken_starts=subtoken_starts)


def key(spans):
    return sorted((s.start, s.end, s.label, s.text) for s in spans)


def random_doc(rng: random.Random) -> tuple[str, list[Span]]:
    """Words separated by spaces or punctuation; spans on whole words, or after a clitic و/ب."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for _ in range(rng.randint(0, 40)):
        sep = "" if not parts else rng.choice([" ", " ", " ", "، ", ". ", "\n"])
        parts.append(sep)
        pos += len(sep)
        roll = rng.random()
        if roll < 0.15:  # clitic + digits: only the digits are the span
            clitic, num = rng.choice(["و", ""]), str(rng.randint(1, 9999))
            parts.append(clitic + num)
            spans.append(Span(pos + len(clitic), pos + len(clitic) + len(num), "COUNT", num))
            pos += len(clitic) + len(num)
        elif roll < 0.45:  # a multi-word span
            n = rng.randint(1, 4)
            words = " ".join(rng.choice(WORDS + PLACES) for _ in range(n))
            label = rng.choice(["ACTOR", "PLACE", "CATEGORY"])
            parts.append(words)
            spans.append(Span(pos, pos + len(words), label, words))
            pos += len(words)
        else:
            word = rng.choice(WORDS)
            parts.append(word)
            pos += len(word)
    return "".join(parts), spans


def test_clitic_digits_labelled_and_decoded(tok):
    doc = parse_markup("قتل [16|COUNT k=regime] [عنصرا|CATEGORY] و[218|COUNT k=woman] "
                       "[مواطنة|CATEGORY] في [ريف ادلب|PLACE]")
    windows = encode_windows(doc.text, tok, 64, 8, spans=doc.spans, label2id=LABEL2ID)
    assert len(windows) == 1
    w = windows[0]
    by_offset = {o: (lab, ws) for o, lab, ws in zip(w.offsets, w.labels, w.word_start, strict=True)}
    i218 = doc.text.index("218")
    assert by_offset[(i218 - 1, i218)][0] == LABEL2ID["O"]  # the clitic و
    first = next(o for o in w.offsets if o[0] == i218)  # the digits, maybe cut in sub-tokens
    assert by_offset[first][0] == LABEL2ID["B-COUNT"]
    assert by_offset[first][1]  # digits start a pre-tokenizer word
    assert key(roundtrip(doc.text, doc.spans, tok, 64, 8)) == key(doc.spans)


def test_clitic_inside_subtoken_is_labelled_as_a_word_start(tok):
    text = "قصف بحلب"
    enc = tokenize(text, tok)
    pieces = [text[s:e] for s, e in enc.offsets]
    span_start = text.index("حلب")
    starts = [s for s, _ in enc.offsets]
    spans = [Span(span_start, len(text), "PLACE", "حلب")]
    stats = AlignStats()
    windows = encode_windows(text, tok, 32, 4, spans=spans, label2id=LABEL2ID, stats=stats)
    decoded = decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL, subtoken_starts=True)
    if span_start in starts:  # the tokenizer cut ب | ##حلب: exact with subtoken_starts
        assert stats.snapped == 0, pieces
        assert key(decoded) == key(spans)
        # by default continuation sub-tokens follow their (O) word
        assert decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL) == []
        labels = dict(zip(windows[0].offsets, windows[0].labels, strict=True))
        first = next(o for o in windows[0].offsets if o[0] == span_start)
        assert labels[first] == LABEL2ID["B-PLACE"]
    else:  # snapped to the sub-token and counted
        assert stats.snapped == 1
        assert decoded[0].start < span_start and decoded[0].end == len(text)


def test_snapped_boundary_counted_and_decoded_to_the_subtoken(tok):
    text = "قتل مقاتلا"
    enc = tokenize(text, tok)
    s, e = next(o for o in enc.offsets if o[1] - o[0] >= 2 and o[0] >= 4)
    spans = [Span(s + 1, e, "CATEGORY", text[s + 1 : e])]
    stats = AlignStats()
    windows = encode_windows(text, tok, 32, 4, spans=spans, label2id=LABEL2ID, stats=stats)
    assert stats.snapped == 1 and stats.spans == 1
    decoded = decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL, subtoken_starts=True)
    assert len(decoded) == 1
    assert decoded[0].start == s and decoded[0].label == "CATEGORY"


def test_offsets_round_trip_with_diacritics_tatweel_and_indic_digits(tok):
    text = "قُتِلَ ٣٠ مقاتلاً من قـــوات النظام، و١٢ مدنياً في إدلب"
    spans = [
        Span(text.index("٣٠"), text.index("٣٠") + 2, "COUNT", "٣٠"),
        Span(text.index("مقاتلاً"), text.index("مقاتلاً") + len("مقاتلاً"), "CATEGORY", "مقاتلاً"),
        Span(text.index("قـــوات"), text.index("النظام") + len("النظام"), "ACTOR", "قـــوات النظام"),
        Span(text.index("١٢"), text.index("١٢") + 2, "COUNT", "١٢"),
        Span(text.index("إدلب"), len(text), "PLACE", "إدلب"),
    ]
    spans = [Span(s.start, s.end, s.label, text[s.start : s.end]) for s in spans]
    enc = tokenize(text, tok)
    for tok_id, (s, e) in zip(enc.ids, enc.offsets, strict=True):
        piece = tok.convert_ids_to_tokens(tok_id).removeprefix("##")
        assert e > s
        if piece != "[UNK]":
            assert normalize(text[s:e]).text == piece
        assert not text[s:e].startswith(" ") and not text[s:e].endswith(" ")
    for max_length, stride in [(64, 8), (10, 3), (6, 1)]:
        assert key(roundtrip(text, spans, tok, max_length, stride)) == key(spans)


def test_random_docs_round_trip_through_small_windows(tok):
    rng = random.Random(7)
    for _ in range(150):
        text, spans = random_doc(rng)
        for all_sub in (False, True):
            windows = encode_windows(text, tok, 16, 4, spans=spans, label2id=LABEL2ID,
                                     label_all_subtokens=all_sub)
            for sub in (False, True):
                decoded = decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL,
                                         subtoken_starts=sub)
                assert key(decoded) == key(spans), text


def test_clitic_letters_split_by_the_pre_tokenizer_give_exact_spans():
    places = ["حلب", "ريف ادلب", "قوات النظام", "المعارضة"]
    tok = train_tokenizer([" ".join(WORDS + PLACES + places)] * 3, vocab_size=400, min_frequency=1,
                          split_clitics=True)
    rng = random.Random(5)
    for _ in range(60):
        text, spans = random_doc(rng)
        clitic, target = rng.choice("وبلف"), rng.choice(places)
        start = len(text) + 1 + len(clitic)
        text = f"{text} {clitic}{target} قتل"
        spans.append(Span(start, start + len(target), "PLACE", target))
        assert key(roundtrip(text, spans, tok)) == key(spans), text
        stats = AlignStats()
        encode_windows(text, tok, 16, 4, spans=spans, label2id=LABEL2ID, stats=stats)
        assert stats.snapped == 0


def test_windows_cover_every_token_once_with_the_stride_overlap(tok):
    rng = random.Random(3)
    for _ in range(40):
        text, spans = random_doc(rng)
        n = len(tokenize(text, tok).ids)
        windows = encode_windows(text, tok, 16, 4, spans=spans, label2id=LABEL2ID)
        assert all(len(w.input_ids) <= 16 for w in windows)
        assert all(len(w.input_ids) == len(w.offsets) == len(w.labels) == len(w.owned)
                   == len(w.word_start) for w in windows)
        assert sum(sum(w.owned) for w in windows) == n
        real = [[o for o in w.offsets if o != (0, 0)] for w in windows]
        for a, b in itertools.pairwise(real):
            assert a[-4:] == b[:4]  # consecutive windows share `stride` tokens
        # special tokens are never owned and never labelled
        for w in windows:
            for o, owned, lab in zip(w.offsets, w.owned, w.labels, strict=True):
                if o == (0, 0):
                    assert not owned and lab == -100


def test_span_crossing_a_window_boundary_is_labelled(tok):
    words = ["قتل"] * 12
    text = " ".join(words) + " قوات النظام الحربية " + " ".join(words)
    start = text.index("قوات")
    span = Span(start, start + len("قوات النظام الحربية"), "ACTOR", "قوات النظام الحربية")
    windows = encode_windows(text, tok, 16, 4, spans=[span], label2id=LABEL2ID)
    assert len(windows) > 2
    cut = [w for w in windows if any(o[0] >= span.start and o[1] <= span.end for o in w.offsets)
           and not all(span.start <= o[0] < span.end or o == (0, 0) for o in w.offsets)]
    span_tokens = {o for w in windows for o in w.offsets if span.start <= o[0] < span.end}
    labelled = {o for w in windows for o, lab in zip(w.offsets, w.labels, strict=True)
                if span.start <= o[0] < span.end and lab != -100}
    assert cut and labelled and span_tokens
    b_windows = [w for w in windows
                 if any(lab == LABEL2ID["B-ACTOR"] for lab in w.labels)]
    assert b_windows
    assert key(decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL)) == key([span])


def test_windows_do_not_depend_on_spans(tok):
    text, spans = random_doc(random.Random(11))
    with_spans = encode_windows(text, tok, 16, 4, spans=spans, label2id=LABEL2ID)
    without = encode_windows(text, tok, 16, 4)
    assert [w.input_ids for w in with_spans] == [w.input_ids for w in without]
    assert [w.owned for w in with_spans] == [w.owned for w in without]
    assert [w.word_start for w in with_spans] == [w.word_start for w in without]
    assert all(w.labels is None for w in without)


def test_decode_repairs_iob2_and_scores_spans(tok):
    text = "قتل 16 عنصرا من قوات النظام"
    windows = encode_windows(text, tok, 64, 8)
    w = windows[0]
    tags = []
    for o, ws in zip(w.offsets, w.word_start, strict=True):
        word = text[o[0] : o[1]]
        if o == (0, 0):
            tags.append(0)
        elif o[0] == text.index("16"):
            tags.append(LABEL2ID["I-COUNT"])  # I- without B-: starts a span
        elif o[0] >= text.index("قوات") and ws:
            tags.append(LABEL2ID["I-ACTOR"])
        elif not ws:
            tags.append(LABEL2ID["O"])  # continuation sub-tokens follow their word
        else:
            tags.append(LABEL2ID["O"])
        assert word == word.strip()
    scores = [0.5 if t == LABEL2ID["I-COUNT"] else 0.9 for t in tags]
    spans = decode_windows(text, windows, [tags], ID2LABEL, [scores])
    assert [(s.text, s.label) for s in spans] == [("16", "COUNT"), ("قوات النظام", "ACTOR")]
    assert spans[0].score == pytest.approx(0.5)
    assert spans[1].score == pytest.approx(0.9)


def test_empty_text_and_bad_settings(tok):
    windows = encode_windows("", tok, 16, 4, spans=[], label2id=LABEL2ID)
    assert len(windows) == 1 and not any(windows[0].owned)
    assert decode_windows("", windows, gold_tag_ids(windows), ID2LABEL) == []
    with pytest.raises(UserError):
        encode_windows("قتل", tok, 6, 4)
    with pytest.raises(UserError):
        encode_windows("قتل", tok, 16, 4, spans=[Span(0, 3, "WEAPON", "قتل")], label2id=LABEL2ID)


def test_overlapping_spans_drop_the_later_one(tok):
    text = "قوات النظام"
    spans = [Span(0, 11, "ACTOR", text), Span(5, 11, "ACTOR", "النظام")]
    stats = AlignStats()
    windows = encode_windows(text, tok, 16, 4, spans=spans, label2id=LABEL2ID, stats=stats)
    assert stats.dropped == 1
    assert key(decode_windows(text, windows, gold_tag_ids(windows), ID2LABEL)) == key(spans[:1])


def test_hints_become_token_type_ids_of_every_sub_token(tok):
    text = "قتل 16 مدني في ريف ادلب الجنوبي"
    hint = [Span(15, 31, "PLACE", text[15:31])]
    plain = encode_windows(text, tok, 16, 4)
    hinted = encode_windows(text, tok, 16, 4, label2id=LABEL2ID, hints=hint)
    assert all(w.token_type_ids is None for w in plain)
    assert [w.input_ids for w in hinted] == [w.input_ids for w in plain]
    for w in hinted:
        assert w.token_type_ids is not None and len(w.token_type_ids) == len(w.input_ids)
        for (start, end), t in zip(w.offsets, w.token_type_ids, strict=True):
            if start == end:  # special tokens carry no hint
                assert t == 0
            elif 15 <= start < 31:
                assert t in (LABEL2ID["B-PLACE"], LABEL2ID["I-PLACE"])
            else:
                assert t == 0
    firsts = [t for w in hinted for (s, _), t in zip(w.offsets, w.token_type_ids or [], strict=True)
              if s == 15]
    assert set(firsts) == {LABEL2ID["B-PLACE"]}
    with pytest.raises(UserError, match="label2id"):
        encode_windows(text, tok, 16, 4, hints=hint)


def test_ignored_ranges_take_their_tokens_out_of_the_loss(tok):
    text = "قتل 16 مدني في ريف ادلب الجنوبي"
    spans = [Span(15, 23, "PLACE", text[15:23])]
    plain = encode_windows(text, tok, 64, 4, spans=spans, label2id=LABEL2ID, label_all_subtokens=True)
    masked = encode_windows(text, tok, 64, 4, spans=spans, label2id=LABEL2ID, label_all_subtokens=True,
                            ignore=[(4, 6), (24, 31)])  # "16" and "الجنوبي"
    assert [w.input_ids for w in masked] == [w.input_ids for w in plain]
    for (start, _), before, after in zip(masked[0].offsets, plain[0].labels or [],
                                         masked[0].labels or [], strict=True):
        if 4 <= start < 6 or 24 <= start < 31:
            assert before == LABEL2ID["O"] and after == -100
        else:
            assert after == before
    assert LABEL2ID["B-PLACE"] in (masked[0].labels or [])
