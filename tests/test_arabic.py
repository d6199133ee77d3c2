"""Tests for hasila.text.arabic: normalisation with offsets, and the number reader."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hasila.annotation.ontology import find_numbers, parse_number  # default ontology's duals
from hasila.text.arabic import (
    _SPELLINGS,
    NUMBER_KINDS,
    NumberMatch,
    dual_singulars,
    fold,
    is_arabic_letter,
    normalize,
    normalize_text,
)

# ---------------------------------------------------------------------------
# normalisation
# ---------------------------------------------------------------------------

NORMALIZE_CASES = [
    ("أحمد", "احمد"),  # alef with hamza above
    ("إدلب", "ادلب"),  # alef with hamza below
    ("آلاف", "الاف"),  # alef madda
    ("ٱلله", "الله"),  # alef wasla
    ("مستشفى", "مستشفي"),  # alef maqsura
    ("مقاتلاً", "مقاتلا"),  # tanween dropped
    ("وثَّق", "وثق"),  # fatha and shadda dropped
    ("قتلـــى", "قتلي"),  # tatweel dropped
    ("٣٠", "30"),  # Arabic-Indic digits
    ("۱۲۳", "123"),  # Persian digits
    ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),  # Arabic punctuation
    ("٥٠٪", "50%"),
    ("٢٫٥", "2.5"),  # Arabic decimal separator
    ("١٬٢٠٠", "1,200"),  # Arabic thousands separator
    ("طفلة", "طفلة"),  # ta marbuta kept by normalize (fold maps it)
    ("قت\u200cلى،\u200f ١\u200d٢", "قتلي, 12"),  # invisible format marks of pasted web text dropped
    ("\ufeffحلب\u202b", "حلب"),
    ("کرد یمنی ھنا", "كرد يمني هنا"),  # a Persian or Kurdish keyboard's letters
    ("ﻗﺘﻞ ﺃﺭﺑﻌﺔ ﻻﺟﺌﻴﻦ", "قتل اربعة لاجئين"),  # presentation forms from a PDF; ﻻ is two letters
    ("abc 12", "abc 12"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize_rules(raw: str, expected: str) -> None:
    norm = normalize(raw)
    assert norm.text == expected
    assert normalize_text(raw) == expected
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(raw) == norm.raw_length


@pytest.mark.parametrize("raw", ["وثَّق المرصدُ مقتلَ ثلاثةٍ", "قتلـــى ٣٠ شخصاً", "إدلب، حماة", "ثل\u200cاثة،\u200f 30"])
def test_offsets_map_back(raw: str) -> None:
    norm = normalize(raw)
    for i, ch in enumerate(norm.text):
        assert normalize_text(raw[norm.offsets[i]]) == ch


def test_raw_span_round_trip() -> None:
    raw = "قُتِل ثلاثةٌ من المدنيين"
    norm = normalize(raw)
    start = norm.text.index("ثلاثة")
    s, e = norm.raw_span(start, start + len("ثلاثة"))
    assert normalize_text(raw[s:e]) == "ثلاثة"
    assert norm.raw_span(3, 3)[0] == norm.raw_span(3, 3)[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [("مدينة", "مدينه"), ("أطفال", "اطفال"), ("  قوات   النظام ", "قوات النظام"), ("مقاتلاً", "مقاتلا")],
)
def test_fold_equates_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_is_arabic_letter() -> None:
    assert is_arabic_letter("ب") and is_arabic_letter("ی")
    assert not is_arabic_letter("a") and not is_arabic_letter("٣") and not is_arabic_letter(" ")


# ---------------------------------------------------------------------------
# numbers: (sentence, expected [(span text, value, kind), ...])
# ---------------------------------------------------------------------------

N = list[tuple[str, int, str]]

NUMBER_CASES: list[tuple[str, N]] = [
    # digits
    ("قتل 1206 مدني", [("1206", 1206, "digits")]),
    ("بينهم 305 طفل و218 مواطنة", [("305", 305, "digits"), ("218", 218, "digits")]),
    ("و218", [("218", 218, "digits")]),
    ("قضى ٣٠ شخصا", [("٣٠", 30, "digits")]),
    ("نحو ۴۵ قتيلا", [("۴۵", 45, "digits")]),
    ("قتل 2019 مقاتل", [("2019", 2019, "digits")]),
    ("منذ فبراير 2019", [("2019", 2019, "digits")]),
    ("نزح 1,200 شخص", [("1,200", 1200, "digits")]),
    ("نزح 1.200 شخص", [("1.200", 1200, "digits")]),
    ("نزح ١٬٢٠٠ شخص", [("١٬٢٠٠", 1200, "digits")]),
    ("عاد 12,500,000 لاجئ", [("12,500,000", 12500000, "digits")]),
    # thousands grouped by a space (French style), a no-break or a narrow one: three digits after
    ("قتل 10 000 شخص", [("10 000", 10000, "digits")]),
    ("قتل 121\u202f829 شخصا", [("121\u202f829", 121829, "digits")]),
    ("نزح 1\xa0206\xa0300 شخص", [("1\xa0206\xa0300", 1206300, "digits")]),
    ("بين 2 3 أشخاص", [("2", 2, "digits"), ("3", 3, "digits")]),  # not three digits after
    ("عام 2018 200 شخص", [("2018", 2018, "digits"), ("200", 200, "digits")]),  # four before
    ("قتل 10 0000 شخص", [("10", 10, "digits"), ("0000", 0, "digits")]),  # four after
    ("المسافة 2.5 كم", []),  # a decimal is not a count
    ("النسبة ٢٫٥ بالمئة", []),
    ("في 30.11.2019", []),  # a dotted date is not read
    ("في 30/11/2019", [("30", 30, "digits"), ("11", 11, "digits"), ("2019", 2019, "digits")]),
    ("قتل 5، 6 آخرون", [("5", 5, "digits"), ("6", 6, "digits")]),
    ("قتل 5،6", [("5", 5, "digits"), ("6", 6, "digits")]),  # Arabic comma splits
    ("سقطت طائرة F16 قرب 3 مواقع", [("3", 3, "digits")]),
    ("لحوالي400 مدني", [("400", 400, "digits")]),
    ("وب15 غارة", [("15", 15, "digits")]),
    ("50% من السكان", [("50", 50, "digits")]),
    # digits with a multiplier
    ("قتل أكثر من 350 ألف شخص", [("350 ألف", 350000, "digits")]),
    ("يعيش 150ألف شخص", [("150ألف", 150000, "digits")]),
    ("يعيش 400\xa0 ألف مدني", [("400\xa0 ألف", 400000, "digits")]),
    ("غادر 12 ألفا المنطقة", [("12 ألفا", 12000, "digits")]),
    ("نحو 6 آلاف لاجئ", [("6 آلاف", 6000, "digits")]),
    ("فر 5.6 مليون شخص", [("5.6 مليون", 5600000, "digits")]),
    ("يعيش 2,5 مليون شخص", [("2,5 مليون", 2500000, "digits")]),
    ("نزح 3 ملايين", [("3 ملايين", 3000000, "digits")]),
    ("كلفة 4 مليارات", [("4 مليارات", 4000000000, "digits")]),
    # units, all genders and cases, spelling variants
    ("قتل واحد منهم", [("واحد", 1, "words")]),
    ("نجت امرأة واحدة", [("واحدة", 1, "words")]),
    ("مات طفلا واحدا", [("واحدا", 1, "words")]),
    ("توفي اثنان منهم", [("اثنان", 2, "words")]),
    ("إصابة اثنين آخرين", [("اثنين", 2, "words")]),
    ("جثتي اثنتين أخريين", [("اثنتين", 2, "words")]),
    ("قتل ثلاثة أشخاص", [("ثلاثة", 3, "words")]),
    ("قتل ثلاث نساء", [("ثلاث", 3, "words")]),
    ("قتل ثلاثه أشخاص", [("ثلاثه", 3, "words")]),
    ("مقتل أربعة جنود", [("أربعة", 4, "words")]),
    ("مقتل اربعة جنود", [("اربعة", 4, "words")]),
    ("مقتل أربع سيدات", [("أربع", 4, "words")]),
    ("إصابة خمسة مدنيين", [("خمسة", 5, "words")]),
    ("تجمعت ست نساء", [("ست", 6, "words")]),
    ("مقابل ستة مقاتلين", [("ستة", 6, "words")]),
    ("قتل سبعة إيرانيين", [("سبعة", 7, "words")]),
    ("وجد ثماني جثث", [("ثماني", 8, "words")]),
    ("قتل ثمانية مدنيين", [("ثمانية", 8, "words")]),
    ("قتل تسعة مسلحين", [("تسعة", 9, "words")]),
    ("قتل عشرة مقاتلين", [("عشرة", 10, "words")]),
    ("بعد عشر سنوات", [("عشر", 10, "words")]),
    ("قتل خمسةً", [("خمسةً", 5, "words")]),  # trailing tanween inside the span
    ("قتل خمســة", [("خمســة", 5, "words")]),  # tatweel
    # teens
    ("قتل أحد عشر مدنيا", [("أحد عشر", 11, "words")]),
    ("قتلت إحدى عشرة سيدة", [("إحدى عشرة", 11, "words")]),
    ("قتل اثنا عشر عنصرا", [("اثنا عشر", 12, "words")]),
    ("أسر اثني عشر جنديا", [("اثني عشر", 12, "words")]),
    ("قتل ثلاثة عشر شخصا", [("ثلاثة عشر", 13, "words")]),
    ("قتل أربعة عشر", [("أربعة عشر", 14, "words")]),
    ("قتلت تسع عشرة امرأة", [("تسع عشرة", 19, "words")]),
    # tens and compounds
    ("قتل عشرين طفلا", [("عشرين", 20, "words")]),
    ("قتل ثلاثون شخصا", [("ثلاثون", 30, "words")]),
    ("أسفر عن أربعين قتيلا", [("أربعين", 40, "words")]),
    ("أصيب خمسين", [("خمسين", 50, "words")]),
    ("قتل تسعين", [("تسعين", 90, "words")]),
    ("قتل خمسة وعشرين مدنيا", [("خمسة وعشرين", 25, "words")]),
    ("قتل خمسة و عشرين مدنيا", [("خمسة و عشرين", 25, "words")]),
    ("قتل واحد وعشرون", [("واحد وعشرون", 21, "words")]),
    ("قتل تسعة وتسعين", [("تسعة وتسعين", 99, "words")]),
    ("هم خمسة مدنيين وعشرة مقاتلين", [("خمسة", 5, "words"), ("عشرة", 10, "words")]),
    ("ثلاثة وأربعة", [("ثلاثة", 3, "words"), ("أربعة", 4, "words")]),
    # hundreds and thousands
    ("قتل مئة مدني", [("مئة", 100, "words")]),
    ("قتل مائة مدني", [("مائة", 100, "words")]),
    ("نحو مئتي طفل", [("مئتي", 200, "words")]),
    ("قتل مئتان", [("مئتان", 200, "words")]),
    ("نحو مائتين", [("مائتين", 200, "words")]),
    ("قتل ثلاثمئة", [("ثلاثمئة", 300, "words")]),
    ("قتل ثلاثمائة", [("ثلاثمائة", 300, "words")]),
    ("قتل ثلاث مئة", [("ثلاث مئة", 300, "words")]),
    ("قتل تسعمئة", [("تسعمئة", 900, "words")]),
    ("قتل ثلاثمئة وخمسة وعشرين", [("ثلاثمئة وخمسة وعشرين", 325, "words")]),
    ("قتل مئة وعشرة", [("مئة وعشرة", 110, "words")]),
    ("قتل مئة وأحد عشر", [("مئة وأحد عشر", 111, "words")]),
    ("أكثر من ألف قتيل", [("ألف", 1000, "words")]),
    ("نحو ألفين خرجوا", [("ألفين", 2000, "words")]),
    ("نحو الفين خرجوا", [("الفين", 2000, "words")]),
    ("أكثر من ألفي شخص", [("ألفي", 2000, "words")]),
    ("نحو ثلاثة آلاف", [("ثلاثة آلاف", 3000, "words")]),
    ("نحو عشرة آلاف", [("عشرة آلاف", 10000, "words")]),
    ("خمسة وعشرين ألف لاجئ", [("خمسة وعشرين ألف", 25000, "words")]),
    ("نحو مئة ألف", [("مئة ألف", 100000, "words")]),
    ("مئة وخمسون ألفا", [("مئة وخمسون ألفا", 150000, "words")]),
    ("ألف ومئتان وخمسون", [("ألف ومئتان وخمسون", 1250, "words")]),
    ("اثنا عشر ألفا", [("اثنا عشر ألفا", 12000, "words")]),
    ("نزح ست ملايين", [("ست ملايين", 6000000, "words")]),
    ("فر خمسة ملايين", [("خمسة ملايين", 5000000, "words")]),
    ("مليون وسبعمئة ألف", [("مليون وسبعمئة ألف", 1700000, "words")]),
    ("مقتل نصف مليون شخص", [("نصف مليون", 500000, "words")]),
    ("نصف المقاتلين", []),
    # definite cardinals, weekdays, ordinals, look-alikes
    ("الانتحاريون العشرة", [("العشرة", 10, "words")]),
    ("الأطفال الثلاثة", [("الثلاثة", 3, "words")]),
    ("يوم الاثنين", []),
    ("يوم الأحد", []),
    ("يوم الثلاثاء", []),
    ("يوم الأربعاء", []),
    ("اليوم الأول", []),
    ("الشهر الثاني", []),
    ("الطابق الثالث", []),
    ("القرن الحادي عشر", []),
    ("الفتاة الثالثة عشرة", []),
    ("مئذنة الجامع", []),
    ("عشرية سوداء", []),
    ("أثنى على الجهود", []),
    ("خمسون بالمئة", [("خمسون", 50, "words")]),
    ("لست أدري", []),
    ("في اليوم الواحد", []),
    # vague amounts
    ("مقتل عشرات الأشخاص", [("عشرات", 10, "vague")]),
    ("قتل العشرات", [("العشرات", 10, "vague")]),
    ("وعشرات الجرحى", [("عشرات", 10, "vague")]),
    ("قتل المئات", [("المئات", 100, "vague")]),
    ("هناك مئات المعتقلين", [("مئات", 100, "vague")]),
    ("غادر الآلاف", [("الآلاف", 1000, "vague")]),
    ("يفرون بالآلاف", [("الآلاف", 1000, "vague")]),
    ("مصير آلاف المدنيين", [("آلاف", 1000, "vague")]),
    ("نزوح عشرات الآلاف", [("عشرات الآلاف", 10000, "vague")]),
    ("خرج عشرات آلاف المقاتلين", [("عشرات آلاف", 10000, "vague")]),
    ("نزح مئات الآلاف", [("مئات الآلاف", 100000, "vague")]),
    ("ملايين السوريين", [("ملايين", 1000000, "vague")]),
    ("قتل بضعة أشخاص", [("بضعة", 3, "vague")]),
    ("بعد بضع ساعات", [("بضع", 3, "vague")]),
    ("نزح بضعة آلاف", [("بضعة آلاف", 3000, "vague")]),
    ("للعشرات", [("لعشرات", 10, "vague")]),
    # أحد / إحدى
    ("بينهم 5 أحدهم ضابط", [("5", 5, "digits"), ("أحد", 1, "one")]),
    ("أعدم أحد الرهائن", [("أحد", 1, "one")]),
    ("مقتل أحدى المسعفات", [("أحدى", 1, "one")]),
    ("إحداهما مصابة", [("إحداهما", 1, "one")]),  # the whole word, as the gold marks it (إحدا is no word)
    ("وإحداهن طفلة", [("إحداهن", 1, "one")]),
    ("قتل وأحد الأطفال", [("أحد", 1, "one")]),
    ("لم يصب أحد بأذى", []),
    ("لا يعرف أحد", []),
    ("وأكد الجيش عدم إصابة أحد من الجنود", []),
    ("ووعدوا بعدم المساس بأحد من السكان", []),
    ("مع أي أحد", []),
    # duals
    ("قتل طفلين", [("طفلين", 2, "dual")]),
    ("قتل طفلان", [("طفلان", 2, "dual")]),
    ("مقتل شخصين", [("شخصين", 2, "dual")]),
    ("مقتل عنصرين", [("عنصرين", 2, "dual")]),
    ("مدنيان قتلا", [("مدنيان", 2, "dual")]),
    ("وامرأتان", [("امرأتان", 2, "dual")]),
    ("مواطنتين", [("مواطنتين", 2, "dual")]),
    ("قتل الطفلين", [("الطفلين", 2, "dual")]),
    ("ولطفلين", [("طفلين", 2, "dual")]),
    ("مقتل مدنيين", []),  # also the plural: never a dual
    ("مقتل مقاتلين", []),
    ("طفلين اثنين", [("اثنين", 2, "words")]),  # the number word is the count
    ("مقاتلين اثنين", [("اثنين", 2, "words")]),
    ("وقتل طفلان شقيقان", [("طفلان", 2, "dual")]),  # a dual after a dual qualifies it
    ("وقتل طفلان وشقيقان", [("طفلان", 2, "dual"), ("شقيقان", 2, "dual")]),
    # clitics stay outside
    ("وثلاثة", [("ثلاثة", 3, "words")]),
    ("بثلاثة", [("ثلاثة", 3, "words")]),
    ("لستة أشخاص", [("ستة", 6, "words")]),
    ("فخمسة", [("خمسة", 5, "words")]),
    ("وبعشرين", [("عشرين", 20, "words")]),
    ("والخمسة", [("الخمسة", 5, "words")]),
    ("بألف", [("ألف", 1000, "words")]),
    # a figure in quotes before its scale word
    ("أكثر من «3» آلاف", [("3» آلاف", 3000, "digits")]),
    ('نحو "20" ألف شخص', [('20" ألف', 20000, "digits")]),
    ("قتل «3» أشخاص", [("3", 3, "digits")]),
    ("قتل 3» آلاف", [("3", 3, "digits"), ("آلاف", 1000, "vague")]),  # no opening quote
    # half a scale word after it, a quarter before it
    ("مليون ونصف لاجئ", [("مليون ونصف", 1500000, "words")]),
    ("خمسة ملايين ونصف", [("خمسة ملايين ونصف", 5500000, "words")]),
    ("مليون ونصف مليون", [("مليون ونصف مليون", 1500000, "words")]),
    ("2 مليون ونصف", [("2 مليون ونصف", 2500000, "digits")]),
    ("ربع مليون شخص", [("ربع مليون", 250000, "words")]),
    ("عشرة ونصف", [("عشرة", 10, "words")]),  # no scale word: no half of it
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_find_numbers(text: str, expected: N) -> None:
    matches = find_numbers(text)
    assert [(m.text, m.value, m.kind) for m in matches] == expected
    for m in matches:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("خمسة وعشرين", 25),
        ("و218", 218),
        ("٣٠", 30),
        (" 1,200 ", 1200),
        ("عشرات الآلاف", 10000),
        ("طفلين", 2),
        ("ثلاثمائة وخمسة وعشرين", 325),
        ("350 ألف", 350000),
        ("218 طفل", None),
        ("خمسة خمسة", None),
        ("مدنيين", None),
        ("", None),
        ("abc", None),
        ("2.5", None),
    ],
)
def test_parse_number(s: str, value: int | None) -> None:
    assert parse_number(s) == value


def test_duals_can_be_given() -> None:
    assert [m.value for m in find_numbers("قتل كلبين", duals=["كلبين"])] == [2]
    assert find_numbers("قتل طفلين", duals=[]) == []


def test_span_offsets_in_a_longer_text() -> None:
    text = "وثّق المرصد مقتل ثلاثةٍ وعشرين مدنياً، بينهم ٧ أطفال وإحدى عشرة سيدة."
    got = find_numbers(text)
    assert [(m.value, m.kind) for m in got] == [(23, "words"), (7, "digits"), (11, "words")]
    assert got[0].text == "ثلاثةٍ وعشرين"
    assert got[2].text == "إحدى عشرة"
    assert all(text[m.start:m.end] == m.text for m in got)


def test_seed_report_digits(shared) -> None:
    """The seed report holds 55 digit expressions; all are found with their values."""
    text = (shared / "seed" / "report.txt").read_text(encoding="utf-8")
    expected = [(m.start(), m.end(), int(m.group())) for m in re.finditer(r"\d+", text)]
    assert len(expected) == 55
    got = [(m.start, m.end, m.value) for m in find_numbers(text) if m.kind == "digits"]
    assert got == expected


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

ARABIC_ALPHABET = (
    "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
    "٠١٢٣٤٥٦٧٨٩0123456789 ،.,\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
    "\u200c\u200f\u00a0"  # a zero-width non-joiner, a right-to-left mark, a no-break space
    "یکﻻﺃﻗ\ufe70"  # other keyboards' letters, presentation forms, a lam-alef ligature, a harakat form
)
ARABIC_WORDS = st.sampled_from(
    ["خمسة", "وعشرين", "عشرين", "ألف", "آلاف", "الآلاف", "عشرات", "مئة", "ثلاثمئة", "و", "أحد",
     "إحدى", "عشر", "عشرة", "طفلين", "مدنيين", "بضعة", "نصف", "مليون", "12", "1,200", "٣٠",
     "2.5", "الحادي", "لم", "اثنا", "وأحد", "ست", "الاثنين", "ألفا", "مئتي", " ", "، "]
)

arbitrary = st.text(max_size=80)
arabic_chars = st.text(alphabet=ARABIC_ALPHABET, max_size=80)
arabic_words = st.lists(ARABIC_WORDS, max_size=12).map(" ".join)


def _reference_normalize(raw: str) -> tuple[str, tuple[int, ...]]:
    """The rule written out character by character (what the fast paths must equal)."""
    from hasila.text.arabic import _DROPPED, _LIGATURES, _REPLACE

    kept = [(i, c) for i, ch in enumerate(raw) if ch not in _DROPPED
            for c in (_LIGATURES.get(ch) or _REPLACE.get(ch, ch))]
    return "".join(c for _, c in kept), (*(i for i, _ in kept), len(raw))


def _check_normalize(raw: str) -> None:
    norm = normalize(raw)
    assert (norm.text, norm.offsets) == _reference_normalize(raw)
    assert normalize_text(raw) == norm.text
    # fold also unifies one word's spellings (مليشيا، ميلشيا): hypothesis found ملىشى
    assert fold(raw) == " ".join(_SPELLINGS.sub("ميليشي", norm.text.replace("ة", "ه")).split())
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:], strict=False))  # a ligature: two at one
    assert all(o < len(raw) for o in norm.offsets[:-1])
    assert norm.offsets[-1] == len(raw)


def _check_numbers(raw: str) -> None:
    matches = find_numbers(raw)
    prev_end = 0
    for m in matches:
        assert isinstance(m, NumberMatch)
        assert 0 <= m.start < m.end <= len(raw)
        assert m.text == raw[m.start:m.end]
        assert m.value >= 0
        assert m.kind in NUMBER_KINDS
        assert m.start >= prev_end
        prev_end = m.end


@settings(max_examples=200, deadline=None)
@given(arbitrary)
def test_properties_arbitrary_unicode(raw: str) -> None:
    _check_normalize(raw)
    _check_numbers(raw)


@settings(max_examples=200, deadline=None)
@given(arabic_chars)
@example("ملىشى")  # a spelling of ميليشي that fold unifies
def test_properties_arabic_alphabet(raw: str) -> None:
    _check_normalize(raw)
    _check_numbers(raw)


@settings(max_examples=200, deadline=None)
@given(arabic_words)
def test_properties_number_words(raw: str) -> None:
    _check_numbers(raw)
    for m in find_numbers(raw):
        assert not m.text[0].isspace() and not m.text[-1].isspace()


@pytest.mark.parametrize(("text", "found"), [
    ("وعثر على ضابطي شرطة مقتولين", [("ضابطي", 2)]),
    ("وأصيب رجلي أمن في الهجوم", [("رجلي", 2)]),
    ("وعثر على جثتي شقيقين", [("شقيقين", 2)]),  # the count is the dual after it
    ("هذا رأي شخصي في الموضوع", []),  # an adjective before a particle
    ("بشكل شخصي وواضح", []),
])
def test_a_dual_in_construct_is_two(text, found):
    assert [(m.text, m.value) for m in find_numbers(text)] == found


WRAPPED = (
    "قتل 350 ألف شخص على الأقل منذ بداية النزاع في سوريا بحسب حصيلة جديدة نشرها\n"
    "المرصد السوري لحقوق الإنسان اليوم، بينهم أكثر من مئة ألف مدني قضوا في\n"
    "غارات وقصف على مناطق عدة من البلاد، وقال المرصد إن عدد القتلى بلغ 350\n"
    "ألف شخص، فيما نزح الملايين من بيوتهم خلال سنوات الحرب الطويلة في ريف\n"
    "دمشق وحلب وإدلب ودير الزور وغيرها من المحافظات السورية المنكوبة.\n"
)


def test_soft_line_breaks_are_those_a_wrapping_tool_put_mid_sentence() -> None:
    from hasila.text.arabic import soft_line_breaks, unwrap

    soft = soft_line_breaks(WRAPPED)
    breaks = [i for i, ch in enumerate(WRAPPED) if ch == "\n"]
    assert soft == frozenset(breaks[:4])  # the last line ends the text
    flat = unwrap(WRAPPED)
    assert len(flat) == len(WRAPPED) and flat.count("\n") == 1  # only the last line's end is kept
    paragraphs = "قتل 12 شخصا في حلب اليوم في قصف جوي على الأحياء الشرقية من المدينة.\n" * 6
    assert soft_line_breaks(paragraphs) == frozenset() and unwrap(paragraphs) is paragraphs
    # paragraphs without a final full stop are lines of any length, not a wrapped text
    sentence = "قتل 12 شخصا في حلب اليوم في قصف جوي على الأحياء الشرقية من المدينة"
    unpunctuated = "\n".join(" و".join([sentence] * n) for n in (1, 3, 2, 5, 1, 2))
    assert soft_line_breaks(unpunctuated) == frozenset()


def test_a_number_broken_over_a_wrapped_line_is_one_number() -> None:
    values = [m.value for m in find_numbers(WRAPPED)]
    assert values.count(350000) == 2
    m = [m for m in find_numbers(WRAPPED) if m.value == 350000][1]
    assert m.text == WRAPPED[m.start:m.end] and "\n" in m.text
    assert [m.value for m in find_numbers("قتل 350\n\nألف")] == [350, 1000]  # a paragraph break ends it


@pytest.mark.parametrize(("text", "found"), [
    ("وبلغ عدد الموقوفين 7 آلاف و215 شخصا", [("7 آلاف و215", 7215)]),
    ("ونزح نحو 41 ألفا و 60 مدنيا", [("41 ألفا و 60", 41060)]),
    ("ويعيش في المخيمات 3 ملايين و400 ألف نازح", [("3 ملايين و400 ألف", 3400000)]),
    ("وفر ما بين 20 ألفا و25 ألف شخص", [("20 ألفا", 20000), ("25 ألف", 25000)]),
    # a scale word in letters joins the digits after it the same way
    ("وقضى أكثر من ألف و400 شخص في الحصار", [("ألف و400", 1400)]),
    ("ونزح نحو ألفين و 70 مدنيا", [("ألفين و 70", 2070)]),
    ("وعاد بين ألف و3000 لاجئ", [("ألف", 1000), ("3000", 3000)]),  # a part as large: two figures
])
def test_digits_after_a_scale_word_join_its_smaller_parts(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.text, m.value) for m in find_numbers(text)] == found


@pytest.mark.parametrize("word", ["المليشيات", "الميلشيات", "الميليشيات"])
def test_the_spellings_of_militia_fold_to_one_key(word: str) -> None:
    from hasila.text.arabic import fold
    assert fold(word) == fold("الميليشيات")


def test_dual_singulars() -> None:
    """The singulars a folded dual may come from; a stem shorter than ``min_stem`` gives none."""
    assert dual_singulars("ضابطان") == ("ضابط",)
    assert dual_singulars("شاحنتين") == ("شاحنت", "شاحنه")
    assert dual_singulars("جثتين") == ("جثت", "جثه")
    assert dual_singulars("مرتين", min_stem=3) == ("مرت",)  # twice: no ta-marbuta singular of 2 letters
    assert dual_singulars("مدني") == ()
