"""Word lists for the synthetic report generator: counted nouns, number words,
qualifiers, dates and distractor phrases.

Everything here is data plus small pure functions that turn a value into an
Arabic surface with correct number-noun agreement:

- 3–10 take the plural genitive, with gender polarity on the number word
  (``ثلاثة أطفال``, ``ثلاث مواطنات``);
- 11–99 take the singular accusative (``أحد عشر مقاتلاً``, ``25 طفلاً``);
- 100 and more take the singular genitive (``مئة مدني``, ``305 طفل``), which
  the monitors also use after digits of any size (``16 عنصر``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# --------------------------------------------------------------------------- nouns


@dataclass(frozen=True)
class Noun:
    """A counted noun and its forms. ``fem`` is the grammatical gender of the
    singular (it decides the number word's gender by polarity)."""

    key: str
    category: str
    sg: str  # singular, genitive: مدني
    acc: str  # singular accusative (tamyiz of 11–99): مدنياً
    pl: str  # plural (genitive): مدنيين
    definite: str  # definite plural (after vague amounts): المدنيين
    fem: bool = False
    dual: str | None = None  # dual (genitive/accusative) standing for 2: طفلين

    def dual_form(self, case: str) -> str | None:
        """The dual for ``case``: ``طفلان`` (nominative) or ``طفلين``."""
        if self.dual is None or case != "nom":
            return self.dual
        return self.dual[:-2] + "ان"
    statuses: tuple[str, ...] = ("killed", "injured", "detained", "abducted", "missing", "other")

    def acc_plain(self) -> str:
        """The accusative without tanween (``مقاتلا``), as often typed."""
        return self.acc.replace("\u064b", "")


_ALL = ("killed", "injured", "detained", "abducted", "missing", "other")
_HARM = ("killed", "injured")

NOUNS: dict[str, Noun] = {n.key: n for n in (
    Noun("civilian", "civilian", "مدني", "مدنياً", "مدنيين", "المدنيين"),
    Noun("citizen", "civilian", "مواطن", "مواطناً", "مواطنين", "المواطنين"),
    Noun("martyr", "civilian", "شهيد", "شهيداً", "شهداء", "الشهداء", statuses=("killed",)),
    Noun("child", "child", "طفل", "طفلاً", "أطفال", "الأطفال", dual="طفلين"),
    Noun("citizen_f", "woman", "مواطنة", "مواطنة", "مواطنات", "المواطنات", fem=True, dual="مواطنتين"),
    Noun("woman", "woman", "امرأة", "امرأة", "نساء", "النساء", fem=True, dual="امرأتين"),
    Noun("lady", "woman", "سيدة", "سيدة", "سيدات", "السيدات", fem=True, dual="سيدتين"),
    Noun("man", "man", "رجل", "رجلاً", "رجال", "الرجال", dual="رجلين"),
    Noun("youth", "man", "شاب", "شاباً", "شبان", "الشبان", dual="شابين"),
    Noun("person", "people", "شخص", "شخصاً", "أشخاص", "الأشخاص", dual="شخصين"),
    Noun("dead", "people", "قتيل", "قتيلاً", "قتلى", "القتلى", dual="قتيلين", statuses=("killed",)),
    Noun("victim", "people", "ضحية", "ضحية", "ضحايا", "الضحايا", fem=True, statuses=("killed",)),
    Noun("wounded", "people", "جريح", "جريحاً", "جرحى", "الجرحى", dual="جريحين", statuses=("injured",)),
    Noun("detainee", "people", "معتقل", "معتقلاً", "معتقلين", "المعتقلين", statuses=("detained", "killed", "other")),
    Noun("abductee", "people", "مختطف", "مختطفاً", "مختطفين", "المختطفين", statuses=("abducted",)),
    Noun("displaced", "people", "نازح", "نازحاً", "نازحين", "النازحين", statuses=("other",)),
    Noun("gunman", "combatant", "مسلح", "مسلحاً", "مسلحين", "المسلحين", statuses=_HARM),
    Noun("fighter", "fighter", "مقاتل", "مقاتلاً", "مقاتلين", "المقاتلين"),
    Noun("member", "people", "عنصر", "عنصراً", "عناصر", "العناصر", dual="عنصرين"),
    Noun("soldier", "regime", "جندي", "جندياً", "جنود", "الجنود", dual="جنديين"),
    Noun("officer", "regime", "ضابط", "ضابطاً", "ضباط", "الضباط", dual="ضابطين"),
    Noun("jihadi", "jihadist", "جهادي", "جهادياً", "جهاديين", "الجهاديين", statuses=_HARM),
    Noun("paramedic", "rescue", "مسعف", "مسعفاً", "مسعفين", "المسعفين", statuses=_HARM),
    Noun("volunteer", "rescue", "متطوع", "متطوعاً", "متطوعين", "المتطوعين", statuses=_HARM),
    Noun("doctor", "medic", "طبيب", "طبيباً", "أطباء", "الأطباء", dual="طبيبين", statuses=(*_HARM, "detained")),
    Noun("nurse", "medic", "ممرض", "ممرضاً", "ممرضين", "الممرضين", statuses=_HARM),
    Noun("journalist", "journalist", "صحفي", "صحفياً", "صحفيين", "الصحفيين"),
    Noun("media", "journalist", "إعلامي", "إعلامياً", "إعلاميين", "الإعلاميين"),
    Noun("turk_soldier", "foreign_forces", "جندي تركي", "جندياً تركياً", "جنود أتراك", "الجنود الأتراك",
         statuses=_HARM),
    Noun("rus_soldier", "foreign_forces", "جندي روسي", "جندياً روسياً", "جنود روس", "الجنود الروس",
         statuses=_HARM),
    Noun("rus_military", "foreign_forces", "عسكري روسي", "عسكرياً روسياً", "عسكريين روس",
         "العسكريين الروس", statuses=_HARM),
)}

#: Neutral nouns whose category comes from the group after من.
NEUTRAL_NOUNS = ("member",)

#: Partitive groups that are the CATEGORY span when no noun precedes (``9 من الدفاع المدني``).
GROUPS: dict[str, tuple[str, ...]] = {
    "rescue": ("الدفاع المدني", "منظومة الإسعاف", "فرق الإنقاذ", "الخوذ البيضاء", "فرق الإسعاف"),
    "medic": ("الكادر الطبي", "الكوادر الطبية"),
    "jihadist": ("الجهاديين", "المجموعات الجهادية", "عناصر المجموعات الجهادية"),
    "journalist": ("الإعلاميين", "الصحفيين"),
    "child": ("الأطفال",),
    "woman": ("النساء",),
    "civilian": ("المدنيين",),
    "combatant": ("الطرفين",),
}

#: Non-armed groups after a neutral noun (``5 عناصر من فرق الإنقاذ``): not ACTORs.
NON_ACTOR_GROUPS: dict[str, tuple[str, ...]] = {
    "rescue": ("الدفاع المدني", "فرق الإنقاذ", "منظومة الإسعاف", "الخوذ البيضاء"),
    "medic": ("الكادر الطبي", "منظومة الإسعاف"),
}

# --------------------------------------------------------------------------- numbers

#: 3–10 with ة: the form used with masculine nouns.
_UNITS_T = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
#: 3–10 without ة: the form used with feminine nouns.
_UNITS_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
_TENS = {20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
         60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين")}
_HUNDREDS = {1: ("مئة", "مائة"), 3: ("ثلاثمئة", "ثلاثمائة"), 4: ("أربعمئة", "أربعمائة"), 5: ("خمسمئة", "خمسمائة"),
             6: ("ستمئة", "ستمائة"), 7: ("سبعمئة", "سبعمائة"), 8: ("ثمانمئة", "ثمانمائة"), 9: ("تسعمئة", "تسعمائة")}
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

VAGUE: dict[str, int] = {
    "عشرات": 10, "العشرات": 10, "مئات": 100, "المئات": 100, "آلاف": 1000, "الآلاف": 1000,
    "عشرات الآلاف": 10000, "مئات الآلاف": 100000,
}


def to_indic(digits: str) -> str:
    """ASCII digits to Arabic-Indic digits."""
    return digits.translate(_INDIC)


def group_thousands(n: int, indic: bool = False) -> str:
    """``1206`` → ``1,206`` (or ``١٬٢٠٦``)."""
    text = f"{n:,}"
    return to_indic(text).replace(",", "٬") if indic else text


def words_supported(n: int) -> bool:
    """Values :func:`number_words` can spell (others are written in digits)."""
    if 3 <= n <= 99:
        return True
    if 100 <= n <= 999:
        return n % 100 == 0 or 3 <= n % 100 <= 99
    return n % 1000 == 0 and 1 <= n // 1000 <= 10


def number_words(n: int, fem_noun: bool, case: str, rng: random.Random) -> str:
    """Spell ``n`` (see :func:`words_supported`) as it precedes a noun of the
    given gender in case ``case`` (``nom``, ``acc`` or ``gen``)."""
    if not words_supported(n):
        raise ValueError(f"cannot spell {n} in words")
    if n >= 1000:
        t = n // 1000
        if t == 1:
            return "ألف"
        if t == 2:
            return "ألفي"  # the nominative ألفا reads as ألفاً (1000) without diacritics
        return f"{_UNITS_T[t]} آلاف"
    if n >= 100:
        h, rest = divmod(n, 100)
        if h == 2:
            head = rng.choice(("مئتي", "مائتي")) if case != "nom" else rng.choice(("مئتا", "مائتا"))
            if rest:
                head = rng.choice(("مئتين", "مائتين")) if case != "nom" else rng.choice(("مئتان", "مائتان"))
        else:
            head = rng.choice(_HUNDREDS[h])
        if not rest:
            return head
        return f"{head} و{number_words(rest, fem_noun, case, rng)}"
    if n <= 10:
        return (_UNITS_F if fem_noun else _UNITS_T)[n]
    if n <= 19:
        u = n - 10
        if u == 1:
            return "إحدى عشرة" if fem_noun else "أحد عشر"
        if u == 2:
            if fem_noun:
                return "اثنتا عشرة" if case == "nom" else "اثنتي عشرة"
            return "اثنا عشر" if case == "nom" else "اثني عشر"
        return f"{_UNITS_F[u]} عشرة" if fem_noun else f"{_UNITS_T[u]} عشر"
    tens, u = divmod(n, 10)
    ten = _TENS[tens * 10][0 if case == "nom" else 1]
    if u == 0:
        return ten
    if u == 1:
        unit = "واحد"  # the feminine إحدى و... is avoided: readers rarely parse it
    elif u == 2:
        unit = ("اثنتان" if case == "nom" else "اثنتين") if fem_noun else ("اثنان" if case == "nom" else "اثنين")
    else:
        unit = (_UNITS_F if fem_noun else _UNITS_T)[u]
    return f"{unit} و{ten}"


def noun_form(noun: Noun, n: int, style: str, rng: random.Random, tanween: float = 0.7) -> str:
    """The noun after the number ``n`` (3 or more).

    ``style`` is ``strict`` (classical agreement by the last two digits) or
    ``sohr`` (the bare singular after any number from 11 up, as the monitor
    writes ``16 عنصر``, ``305 طفل``)."""
    if n <= 10:
        return noun.pl
    if style == "sohr":
        return noun.sg
    last = n % 100
    if n >= 100 and last <= 2:
        return noun.sg
    if 3 <= last <= 10:
        return noun.pl
    return noun.acc if rng.random() < tanween else noun.acc_plain()


# --------------------------------------------------------------------------- qualifiers

#: (surface, qualifier, position): ``pre`` before the number, ``post`` after the noun phrase.
QUALIFIERS: tuple[tuple[str, str, str], ...] = (
    ("على الأقل", "at_least", "post"),
    ("على الأقل", "at_least", "pre"),
    ("أكثر من", "at_least", "pre"),
    ("ما لا يقل عن", "at_least", "pre"),
    ("ما يزيد عن", "at_least", "pre"),
    ("نحو", "about", "pre"),
    ("قرابة", "about", "pre"),
    ("حوالي", "about", "pre"),
    ("ما يقارب", "about", "pre"),
    ("زهاء", "about", "pre"),
    ("ما لا يزيد عن", "at_most", "pre"),
    ("أقل من", "at_most", "pre"),
)

# --------------------------------------------------------------------------- dates and times

MONTHS: tuple[tuple[str, str], ...] = (
    ("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"), ("أيار", "مايو"),
    ("حزيران", "يونيو"), ("تموز", "يوليو"), ("آب", "أغسطس"), ("أيلول", "سبتمبر"),
    ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"), ("كانون الأول", "ديسمبر"),
)
WEEKDAYS: tuple[str, ...] = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
TIMES_OF_DAY: tuple[str, ...] = ("فجر", "صباح", "ظهر", "عصر", "مساء", "ليل")

# --------------------------------------------------------------------------- phrase lists

SOURCES: tuple[str, ...] = (
    "وثق المرصد السوري لحقوق الإنسان", "رصد المرصد السوري", "علم المرصد السوري", "وثق المرصد السوري",
    "أفادت مصادر المرصد السوري", "وردت معلومات للمرصد السوري", "تمكن المرصد السوري من توثيق",
)
INTRO_TOLL: tuple[str, ...] = (
    "وبذلك ترتفع حصيلة", "ومع سقوط المزيد من الخسائر البشرية، يرتفع عدد", "وبهذا يرتفع عدد",
    "وبلغت حصيلة", "ليرتفع بذلك عدد",
)
STRIKE_NOUNS: tuple[tuple[str, str], ...] = (
    # (singular/plural surface with a digit placeholder, kind) — counts of things, not people
    ("غارة", "غارات"), ("ضربة جوية", "ضربات جوية"), ("قذيفة", "قذائف"), ("صاروخاً", "صواريخ"),
    ("برميلاً متفجراً", "براميل متفجرة"), ("قذيفة صاروخية", "قذائف صاروخية"),
)
