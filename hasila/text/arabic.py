"""Small pure Arabic text helpers: normalisation with an offset map to the raw
text, and the number reader (:func:`find_numbers`, :func:`parse_number`).

Normalisation only replaces or deletes characters, so every normalised
character maps to exactly one raw character, and the map is increasing.

What the number reader reads (values in brackets):

* digits, ASCII, Arabic-Indic or Persian, with thousands separators
  (``1,200``, ``1.200``, ``١٬٢٠٠``); a multiplier word after them
  (``350 ألف``, ``5.6 مليون``, ``2,5 مليون``). A decimal without a multiplier
  (``2.5``) and a dotted date (``30.11.2019``) are not read at all;
* number words in every gender and case, teens, tens, compounds joined by و
  (``ثلاثمئة وخمسة وعشرين``), hundreds (``مئتي``, ``ثلاث مئة``), thousands and
  millions (``خمسة وعشرين ألف``, ``نصف مليون``), definite cardinals
  (``العشرة``) but not weekdays (``الاثنين``, ``الأحد``) nor ordinals
  (``الثالث``, ``الحادي عشر``);
* vague amounts, at their floor: عشرات (10), مئات (100), آلاف (1000),
  ملايين, بضعة (3), and their products (``عشرات الآلاف`` 10000);
* ``أحد``/``إحدى`` (1, kind ``one``; only the أحد part of ``أحدهم``, the whole of
  ``إحداهما``), except
  "anyone" (after a negation or أي, or with no word after it);
* duals standing for 2 (kind ``dual``): only nouns whose dual form is not also
  a plural form, see :attr:`hasila.annotation.ontology.Ontology.dual_keys` (``طفلين`` yes,
  ``مدنيين`` never). A dual followed by اثنين/اثنتين is left to the number word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

#: Harakat, tanween, shadda, sukun, dagger alef and Quranic marks: deleted.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06DD)]
)
TATWEEL = "\u0640"
#: Invisible format characters pasted web text carries (zero-width (non-)joiners and spaces,
#: direction marks and embeddings, the Arabic letter mark, soft hyphen, byte-order mark): deleted.
FORMAT_MARKS = frozenset(
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\ufeff"
    + "".join(chr(c) for c in range(0x202A, 0x202F)) + "".join(chr(c) for c in range(0x2066, 0x206A))
)
_REPLACE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
}
for _i in range(10):
    _REPLACE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Persian digits
#: Letters of a Persian or Kurdish keyboard typed for Arabic ones (ی ک ە ھ ۀ ڪ).
_KEYBOARD = {"ی": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ھ": "ه", "ۀ": "ة"}


def _presentation_forms() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Arabic presentation forms (text extracted from a PDF) to the letters they draw: one
    letter each, two for a lam-alef ligature, none for an isolated diacritic."""
    one: dict[str, str] = {}
    two: dict[str, str] = {}
    marks: set[str] = set()
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        letters = unicodedata.normalize("NFKC", ch).strip().replace(TATWEEL, "")
        if len(letters) == 1 and ("\u0621" <= letters <= "\u064a" or "\u0671" <= letters <= "\u06d3"):
            one[ch] = _KEYBOARD.get(letters, letters)
        elif len(letters) == 2 and letters[0] == "ل" and letters[1] in "اأإآى":
            two[ch] = letters
        elif letters and all(c in DIACRITICS for c in letters):
            marks.add(ch)
    return one, two, frozenset(marks)


_FORMS, _LIGATURES, _FORM_MARKS = _presentation_forms()
#: The Arabic letters a presentation form or another keyboard's letter stands for, as written
#: (hamza and ى kept; a lam-alef ligature is two): ``str.translate`` table.
LETTER_FORMS = str.maketrans({**_KEYBOARD, **_FORMS, **_LIGATURES})
_REPLACE.update({ch: _REPLACE.get(letter, letter) for ch, letter in {**_KEYBOARD, **_FORMS}.items()})
_LIGATURES = {ch: "ل" + _REPLACE.get(pair[1], pair[1]) for ch, pair in _LIGATURES.items()}


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, per normalised character, its index in the raw text.

    ``offsets`` has one more entry than ``text``: the raw length, so that an
    exclusive end maps too.
    """

    text: str
    offsets: tuple[int, ...]
    raw_length: int

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the raw text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.text) else self.raw_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def _translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in DIACRITICS}
    table[ord(TATWEEL)] = None
    for ch in FORMAT_MARKS | _FORM_MARKS:
        table[ord(ch)] = None
    for ch, rep in (*_REPLACE.items(), *_LIGATURES.items()):
        if ch not in DIACRITICS and ch != TATWEEL:
            table[ord(ch)] = rep
    return table


#: ``str.translate`` table doing what :func:`normalize` does to the text (dropping is ``None``).
_TRANSLATION = _translation()
_DROPPED = frozenset(DIACRITICS | FORMAT_MARKS | _FORM_MARKS | {TATWEEL})
#: characters that change the text's length: the offsets are worked out one by one
_NOT_ONE_TO_ONE = _DROPPED | frozenset(_LIGATURES)


#: What a line of running text ends with when the line break is the writer's.
_LINE_END_SIGNS = frozenset(".!?؟:")
#: Marks that open a list item or a new block on the next line (never a wrapped sentence's rest).
_ITEM_MARKS = frozenset("*-•–—·▪●■◄►#")
#: How a hard-wrapped text looks: enough lines, most of them full and ending mid-sentence.
_WRAP_MIN_LINES, _WRAP_SHARE, _WRAP_MIN_WIDTH = 4, 0.6, 40
#: ... and of about one width: the widest full line at most this times the median, a median
#: no wider than a page's line.
_WRAP_SPREAD, _WRAP_MAX_WIDTH = 1.3, 150


@functools.lru_cache(maxsize=4)  # asked of one report by the linker, the number reader, the gazetteer, the phrases
def soft_line_breaks(text: str) -> frozenset[int]:
    """The offsets of the line breaks a hard-wrapping tool put inside sentences (text pasted
    from a PDF or an e-mail: lines broken near a fixed width, mid-sentence), none for text
    whose lines are its paragraphs. A break is soft when its line ends with a word and the
    next line is neither blank nor a list item; a text is hard-wrapped when most of its full
    lines are so and they are of about one width (paragraphs vary)."""
    lines = text.split("\n")
    if len(lines) <= _WRAP_MIN_LINES:
        return frozenset()
    soft: list[int] = []
    widths: list[int] = []
    pos = 0
    for line, nxt in pairwise(lines):
        pos += len(line) + 1
        body = line.rstrip()
        if len(body) < _WRAP_MIN_WIDTH or not nxt.strip():
            continue
        widths.append(len(body))
        if body[-1] not in _LINE_END_SIGNS and nxt.lstrip()[:1] not in _ITEM_MARKS:
            soft.append(pos - 1)
    if len(widths) < _WRAP_MIN_LINES or len(soft) < _WRAP_SHARE * len(widths):
        return frozenset()
    widths.sort()
    median = widths[len(widths) // 2]
    if median > _WRAP_MAX_WIDTH or widths[-1] > _WRAP_SPREAD * median:
        return frozenset()  # lines of any length: paragraphs without a final full stop
    return frozenset(soft)


def unwrap(text: str) -> str:
    """``text`` with its soft line breaks (:func:`soft_line_breaks`) as spaces: same length,
    same offsets, for the readers that take a line break as the end of a name or a number."""
    soft = soft_line_breaks(text) if "\n" in text else frozenset()
    if not soft:
        return text
    chars = list(text)
    for i in soft:
        chars[i] = " "
    return "".join(chars)


def normalize(raw: str) -> Normalized:
    """Normalise for model input: alef forms, alef maqsura, tatweel, diacritics, invisible
    format characters, Persian and Kurdish letters, presentation forms (a lam-alef ligature is
    two letters, both at its offset), Arabic-Indic and Persian digits, Arabic punctuation."""
    if _NOT_ONE_TO_ONE.isdisjoint(raw):  # one character each: offsets are the identity (fast path)
        return Normalized(raw.translate(_TRANSLATION), tuple(range(len(raw) + 1)), len(raw))
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        if ch in _DROPPED:
            continue
        letters = _LIGATURES.get(ch) or _REPLACE.get(ch, ch)
        chars.append(letters)
        offsets += [i] * len(letters)
    offsets.append(len(raw))
    return Normalized("".join(chars), tuple(offsets), len(raw))


def normalize_text(raw: str) -> str:
    """Just the normalised string, ``normalize(raw).text`` (for lookups where offsets do not matter)."""
    return raw.translate(_TRANSLATION)


#: Spellings of one word folded to one (ميليشيا written مليشيا or ميلشيا).
_SPELLINGS = re.compile("مليشي|ميلشي")


@functools.lru_cache(maxsize=1 << 16)
def fold(raw: str) -> str:
    """A lookup key: normalised, ta marbuta folded to ha, spellings of one word unified,
    spaces collapsed."""
    text = _SPELLINGS.sub("ميليشي", raw.translate(_TRANSLATION).replace("ة", "ه"))
    return " ".join(text.split())


def dual_singulars(folded: str, min_stem: int = 2) -> tuple[str, ...]:
    """The folded singulars a folded dual may be formed from, whose stem before the dual ending
    (ان, ين, and تان, تين for a ta marbuta folded to ha) has ``min_stem`` letters at least:
    ``ضابطان`` → ضابط, ``شاحنتين`` → شاحنت and شاحنه."""
    if not folded.endswith(("ان", "ين")) or len(folded) - 2 < min_stem:
        return ()
    stem = folded[:-2]
    return (stem, stem[:-1] + "ه") if stem.endswith("ت") and len(stem) - 1 >= min_stem else (stem,)


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
#
# find_numbers works on the normalised text (alef/hamza forms unified, alef
# maqsura -> ya, diacritics and tatweel removed, Arabic-Indic digits -> ASCII),
# with ta marbuta folded to ha for lookups, and maps every span back to the
# raw text.  Words are maximal runs of Arabic letters, so matching is on word
# boundaries only; digit runs are their own tokens even when glued to letters
# (``حوالي400``).  A clitic و/ف/ب/ل (or وب/ول/فب/فل) glued to the first word of
# an expression stays outside the span.

NUMBER_KINDS: tuple[str, ...] = ("digits", "words", "dual", "vague", "one")


@dataclass(frozen=True)
class NumberMatch:
    """A number expression in the raw text: ``text == raw[start:end]``."""

    start: int
    end: int
    text: str
    value: int
    kind: str


@dataclass(frozen=True)
class _Atom:
    """One number word: its category, value and (for multipliers) base and form."""

    cat: str  # unit ten tens hund mult vague few half one
    value: int
    form: str = ""  # for mult: sg | du | pl


_EXTRA_FOLD = str.maketrans({"ة": "ه", "ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه"})


def _key(word: str) -> str:
    """The lookup key of a number word, same length as its normalised form (so offsets carry over):
    unlike :func:`fold`, spaces are not collapsed, and Persian ya/kaf and the other ha forms fold too."""
    return normalize(word).text.translate(_EXTRA_FOLD)


_LEX: dict[str, _Atom] = {}


def _add(atom: _Atom, *words: str) -> None:
    for word in words:
        _LEX[_key(word)] = atom


_add(_Atom("unit", 1), "واحد", "واحدة", "واحدا")
_add(_Atom("unit", 2), "اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتان", "ثنتين")
#: Construct forms that are 2 only before عشر/عشرة (اثنا عشر); alone اثني is
#: also the verb أثنى "praised".
_add(_Atom("unit", 2, "teen"), "اثنا", "اثني", "اثنتا", "اثنتي")
_UNIT_STEMS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
for _v, _stem in _UNIT_STEMS.items():
    _add(_Atom("unit", _v), _stem, _stem + "ة")
_add(_Atom("unit", 8), "ثماني", "ثمانية")
_add(_Atom("ten", 10), "عشر", "عشرة")
for _v, _stem in {2: "عشر", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان",
                  9: "تسع"}.items():
    _add(_Atom("tens", _v * 10), _stem + "ون", _stem + "ين")
_add(_Atom("hund", 100), "مئة", "مائة")
_add(_Atom("hund", 200), "مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
for _v, _stem in [*_UNIT_STEMS.items(), (8, "ثماني")]:
    _add(_Atom("hund", _v * 100), _stem + "مئة", _stem + "مائة")
for _base, (_sg, _du, _pl) in {
    1000: (("ألف", "ألفا"), ("ألفان", "ألفين", "ألفي"), ("آلاف", "ألوف")),
    1_000_000: (("مليون", "مليونا"), ("مليونان", "مليونين", "مليوني"), ("ملايين",)),
    1_000_000_000: (("مليار", "مليارا"), ("ملياران", "مليارين", "ملياري"), ("مليارات",)),
}.items():
    _add(_Atom("mult", _base, "sg"), *_sg)
    _add(_Atom("mult", _base, "du"), *_du)
    _add(_Atom("mult", _base, "pl"), *_pl)
_add(_Atom("vague", 10), "عشرات")
_add(_Atom("vague", 100), "مئات")
_add(_Atom("few", 3), "بضع", "بضعة")
_add(_Atom("half", 0), "نصف")
_add(_Atom("quarter", 0), "ربع")
_add(_Atom("one", 1), "أحد", "إحدى")

#: Categories that may carry the article: العشرة، الثلاثين، العشرات، الآلاف.
_DEFINITE_CATS = frozenset({"unit", "ten", "tens", "vague"})
#: Definite forms that are something else: weekdays (الاثنين، الأحد), "the single"
#: (اليوم الواحد) and "the lady" (الست).
_NOT_DEFINITE = frozenset(_key(w) for w in ("الاثنين", "الأحد", "الواحد", "الواحدة", "الست"))
#: Clitic-prefixed forms that are other words: لستُ "I am not".
#: Quotes around a figure written before its scale word (``«3» آلاف``).
_QUOTE_PAIRS = frozenset({("«", "»"), ('"', '"'), ("“", "”")})
_NOT_NUMBER = frozenset(_key(w) for w in ("لست", "ولست", "فلست"))
#: Ordinals before عشر/عشرة (الحادي عشر، الثالثة عشرة): the عشر is not 10.
_ORDINALS = frozenset(
    _key(p + w + t)
    for w in ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
    for p in ("", "ال") for t in ("", "ة")
)
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_PRONOUN_SUFFIXES = frozenset(_key(w) for w in ("هم", "هما", "ها", "هن", "كم", "كما", "نا"))
_NEGATIONS = frozenset(_key(w) for w in ("لا", "لم", "لن", "ليس", "ليست", "دون", "بدون", "ولا",
                                         "ولم", "ولن", "فلا", "فلم", "عدم", "بعدم", "وعدم"))
#: Separators inside a digit run: ASCII comma and point, Arabic decimal and
#: thousands marks (``،`` is a punctuation comma and splits numbers).
_DIGIT_SEPARATORS = frozenset(",.٫٬")
#: Spaces that group thousands (``10 000``, French style; no-break, narrow and thin spaces too),
#: read so only before a group of exactly three digits.
_SPACE_SEPARATORS = frozenset(" \u00a0\u202f\u2009")
_MAX_DIGITS = 15


@dataclass(frozen=True)
class _Tok:
    start: int  # normalised offsets
    end: int
    key: str
    digits: bool


@dataclass(frozen=True)
class _Found:
    skip: int  # characters of the first token left outside the span (clitics)
    first: int  # token index where the span starts
    last: int  # token index where it ends
    value: int
    kind: str
    end_cut: int = 0  # characters cut from the end of the last token (pronoun suffix)
    scale: int = 1  # the scale word after digits (``65 ألف``: 1000)


def _lookup(core: str, definite_ok: bool = True) -> _Atom | None:
    atom = _LEX.get(core)
    if atom is not None:
        return atom
    if definite_ok and core.startswith("ال") and core not in _NOT_DEFINITE:
        atom = _LEX.get(core[2:])
        if atom is not None and (atom.cat in _DEFINITE_CATS
                                 or (atom.cat == "mult" and atom.form == "pl")):
            return atom
    return None


def _digits_end(text: str, i: int, raw: str, offsets: tuple[int, ...]) -> int:
    """Where the digits that start at ``i`` of ``text`` end, thousands marks and decimal points
    (read in ``raw``, the text before normalising, through ``offsets``) and space-grouped
    thousands included."""
    j, group, n = i + 1, i, len(text)
    while j < n:
        if "0" <= text[j] <= "9":
            j += 1
        elif j + 1 < n and "0" <= text[j + 1] <= "9" and raw[offsets[j]] in _DIGIT_SEPARATORS:
            group, j = j + 1, j + 2
        elif _space_groups(text, j, j - group, raw[offsets[j]]):
            group, j = j + 1, j + 4
        else:
            break
    return j


def _space_groups(text: str, j: int, before: int, raw_char: str) -> bool:
    """Does the space at ``j`` of ``text`` (``raw_char`` in the raw text) group thousands: after a
    group of one to three digits, before exactly three (``10 000``; ``2 3``, ``2018 200`` are two)?"""
    return (1 <= before <= 3 and raw_char in _SPACE_SEPARATORS
            and j + 4 <= len(text) and all("0" <= c <= "9" for c in text[j + 1:j + 4])
            and (j + 4 == len(text) or not "0" <= text[j + 4] <= "9"))


def _digit_groups(tok_key: str, raw_chars: list[str]) -> tuple[list[str], list[str]]:
    """The runs of digits of a number token (``1,234``: ``1``, ``234``) and the raw characters
    that separate them."""
    groups: list[str] = []
    seps: list[str] = []
    cur = ""
    for ch, raw_ch in zip(tok_key, raw_chars, strict=False):  # the key may run past the raw span
        if "0" <= ch <= "9":
            cur += ch
        else:
            groups.append(cur)
            seps.append(raw_ch)
            cur = ""
    groups.append(cur)
    return groups, seps


def _quoted(text: str, toks: list[_Tok], i: int) -> bool:
    """Token ``i`` stands alone in quotes right before the next word (``«3» آلاف``: 3,000)."""
    start, end = toks[i].start, toks[i].end
    if start == 0 or i + 1 >= len(toks):
        return False
    gap = text[end:toks[i + 1].start]
    return (text[start - 1], gap[:1]) in _QUOTE_PAIRS and gap[1:].isspace() and "\n" not in gap


class _Reader:
    """Scans the tokens of one text left to right."""

    def __init__(self, raw: str, duals: frozenset[str]) -> None:
        self.raw = raw
        self.norm = normalize(raw)
        self.key = self.norm.text.translate(_EXTRA_FOLD)
        self.duals = duals
        self.constructs = _construct_duals(duals)
        self.toks = self._tokenize()

    # -- tokens -----------------------------------------------------------
    def _tokenize(self) -> list[_Tok]:
        text, toks, i, n = self.key, [], 0, len(self.key)
        while i < n:
            ch = text[i]
            if "0" <= ch <= "9":
                j = _digits_end(text, i, self.raw, self.norm.offsets)
                toks.append(_Tok(i, j, text[i:j], True))
                i = j
            elif is_arabic_letter(ch):
                j = i + 1
                while j < n and is_arabic_letter(text[j]):
                    j += 1
                toks.append(_Tok(i, j, text[i:j], False))
                i = j
            else:
                i += 1
        return toks

    def _gap_ok(self, a: int, b: int, empty_ok: bool = False) -> bool:
        """Only spaces (no line break) between tokens ``a`` and ``b``."""
        gap = self.key[self.toks[a].end:self.toks[b].start]
        if not gap:
            return empty_ok
        return all(c.isspace() and c not in "\n\r\u2028\u2029" for c in gap)

    def _word(self, i: int) -> str | None:
        if 0 <= i < len(self.toks) and not self.toks[i].digits:
            return self.toks[i].key
        return None

    # -- atoms ------------------------------------------------------------
    def _first(self, i: int) -> tuple[int, _Atom, int] | None:
        """The atom at token ``i`` allowing clitics and the article:
        ``(skip, atom, end_cut)``."""
        word = self._word(i)
        if word is None or word in _NOT_NUMBER:
            return None
        start = self.toks[i].start
        hamza_after_clitic = (len(word) > 1 and word[0] in "وف"
                              and self.raw[self.norm.offsets[start + 1]] in "أإآ")
        for clitic in ("", *_CLITICS):
            if not word.startswith(clitic) or len(word) <= len(clitic):
                continue
            if clitic == "" and hamza_after_clitic:
                continue  # وأحد is و + أحد, not واحد
            core = word[len(clitic):]
            atom = _lookup(core)
            if atom is None and clitic.endswith("ل") and core.startswith("ل"):
                atom = _lookup("ا" + core)  # لل = ل + ال (للعشرات)
            if atom is not None:
                return len(clitic), atom, 0
            if core.startswith("احد") and core[3:] in _PRONOUN_SUFFIXES:
                return len(clitic), _LEX["احد"], len(core) - 3
            if core.startswith("احدا") and core[4:] in _PRONOUN_SUFFIXES:
                return len(clitic), _LEX["احد"], 0  # إحداهما: the whole word (إحدا is none)
        return None

    def _direct(self, i: int, definite_ok: bool = False) -> _Atom | None:
        """The atom at token ``i`` if it follows token ``i - 1`` after spaces."""
        word = self._word(i)
        if word is None or not self._gap_ok(i - 1, i):
            return None
        return _lookup(word, definite_ok)

    def _conj(self, i: int) -> tuple[_Atom, int] | None:
        """An atom joined by و at token ``i`` (``وعشرين`` or ``و عشرين``)."""
        word = self._word(i)
        if word is None or not self._gap_ok(i - 1, i):
            return None
        if word == "و":
            atom = self._direct(i + 1)
            return (atom, i + 1) if atom is not None else None
        if word.startswith("و") and len(word) > 1:
            atom = _lookup(word[1:])
            if atom is not None:
                return atom, i
        return None

    # -- grammar ----------------------------------------------------------
    def _below_hundred(self, i: int, atom: _Atom) -> tuple[int, int] | None:
        """1..99 starting with ``atom`` at token ``i``: ``(value, last token)``."""
        nxt = self._direct(i + 1)
        if (nxt is not None and nxt.cat == "ten"
                and (atom.cat == "one" or (atom.cat == "unit" and atom.value >= 2))):
            return 10 + atom.value, i + 1  # teens: ثلاثة عشر، إحدى عشرة
        if atom.form == "teen":
            return None
        if atom.cat == "unit":
            conj = self._conj(i + 1)
            if conj is not None and conj[0].cat == "tens":
                return atom.value + conj[0].value, conj[1]  # خمسة وعشرين
            return atom.value, i
        if atom.cat in ("ten", "tens"):
            return atom.value, i
        return None

    def _group(self, i: int, atom: _Atom) -> tuple[int, int] | None:
        """1..999 starting with ``atom`` at token ``i``."""
        value, last = None, i
        if atom.cat == "hund":
            value = atom.value
        elif atom.cat == "unit" and atom.value >= 3:
            nxt = self._direct(i + 1)
            if nxt is not None and nxt.cat == "hund" and nxt.value == 100:
                value, last = atom.value * 100, i + 1  # ثلاث مئة
        if value is None:
            return self._below_hundred(i, atom)
        conj = self._conj(last + 1)
        if conj is not None and conj[0].cat in ("unit", "ten", "tens", "one"):
            rest = self._below_hundred(conj[1], conj[0])
            if rest is not None:
                value, last = value + rest[0], rest[1]
        return value, last

    def _scaled(self, i: int, atom: _Atom) -> tuple[int, int, int] | None:
        """A group times an optional multiplier: ``(value, last token, base)``."""
        if atom.cat == "mult":
            if atom.form == "pl":
                return None
            return atom.value * (2 if atom.form == "du" else 1), i, atom.value
        group = self._group(i, atom)
        if group is None:
            return None
        value, last = group
        mult = self._direct(last + 1)
        if mult is not None and mult.cat == "mult" and mult.form != "du":
            return value * mult.value, last + 1, mult.value
        return value, last, 1

    def _tail(self, value: int, last: int, base: int) -> tuple[int, int]:
        """Add the smaller parts joined by و: ألف ومئتان وخمسون."""
        while base > 1:
            conj = self._conj(last + 1)
            if conj is None:
                break
            part = self._scaled(conj[1], conj[0])
            if part is None or part[2] >= base or part[0] >= base:
                break
            value, last, base = value + part[0], part[1], part[2]
        return value, last

    def _vague_one(self, i: int) -> bool:
        """Bare أحد meaning "anyone": after a negation (لم يصب أحد), after أي,
        or not followed by a word (the counting أحد is followed by its noun)."""
        if any(self._word(j) in _NEGATIONS for j in range(max(0, i - 4), i)):
            return True
        if self._word(i - 1) == "اي":
            return True
        return self._word(i + 1) is None or not self._gap_ok(i, i + 1)

    def _words_at(self, i: int) -> _Found | None:
        first = self._first(i)
        if first is None:
            return None
        skip, atom, end_cut = first
        if atom.cat == "ten" and skip == 0 and self._word(i - 1) in _ORDINALS and self._gap_ok(i - 1, i):
            return None  # الحادي عشر: part of an ordinal
        if atom.cat == "one" and end_cut == 0:
            nxt = self._direct(i + 1)
            if nxt is not None and nxt.cat == "ten":
                value, last = self._tail(*self._scaled(i, atom))  # type: ignore[misc]
                return _Found(skip, i, last, value, "words")
        if atom.cat == "one":
            if end_cut == 0 and self._vague_one(i):
                return None
            return _Found(skip, i, i, 1, "one", end_cut)
        if atom.cat == "vague" or (atom.cat == "mult" and atom.form == "pl"):
            mult = self._direct(i + 1, definite_ok=True)
            if atom.cat == "vague" and mult is not None and mult.cat == "mult" and mult.form == "pl":
                return _Found(skip, i, i + 1, atom.value * mult.value, "vague")  # عشرات الآلاف
            return _Found(skip, i, i, atom.value, "vague")
        if atom.cat == "few":
            nxt = self._direct(i + 1)
            if nxt is not None and nxt.cat == "ten":
                return _Found(skip, i, i + 1, 13, "vague")  # بضعة عشر
            if nxt is not None and (nxt.cat == "vague" or (nxt.cat == "mult" and nxt.form == "pl")):
                return _Found(skip, i, i + 1, 3 * nxt.value, "vague")  # بضعة آلاف
            return _Found(skip, i, i, 3, "vague")
        if atom.cat in ("half", "quarter"):
            nxt = self._direct(i + 1)
            if nxt is not None and nxt.cat == "mult" and nxt.form == "sg":
                share = 2 if atom.cat == "half" else 4
                return _Found(skip, i, i + 1, nxt.value // share, "words")  # نصف مليون, ربع مليون
            return None
        scaled = self._scaled(i, atom)
        if scaled is None:
            return None
        value, last = self._tail(*scaled)
        if scaled[2] > 1 and last == scaled[1]:
            value, last = self._digits_tail(value, last, scaled[2])  # ألف و300: 1,300
            value, last = _and_half(self, value, last, scaled[2])
        return _Found(skip, i, last, value, "words")

    def _digits_at(self, i: int) -> _Found | None:
        tok = self.toks[i]
        raw = self.raw
        rs, re_ = self.norm.offsets[tok.start], self.norm.offsets[tok.end - 1] + 1
        if (rs > 0 and raw[rs - 1].isascii() and raw[rs - 1].isalpha()) or (
                re_ < len(raw) and raw[re_].isascii() and raw[re_].isalpha()):
            return None  # part of a Latin code such as F16
        groups, seps = _digit_groups(tok.key, [raw[self.norm.offsets[pos]] for pos in range(tok.start, tok.end)])
        if sum(len(g) for g in groups) > _MAX_DIGITS:
            return None
        mult, last = None, i
        nxt = self._word(i + 1)
        if nxt is not None and (self._gap_ok(i, i + 1, empty_ok=True) or _quoted(self.key, self.toks, i)):
            atom = _lookup(nxt, definite_ok=False)
            if atom is not None and atom.cat == "mult" and atom.form != "du":
                mult, last = atom.value, i + 1
        thousands = (len(set(seps)) == 1 and 1 <= len(groups[0]) <= 3
                     and all(len(g) == 3 for g in groups[1:]))
        if not seps:
            value = int(groups[0])
        elif mult is not None and len(seps) == 1 and (seps[0] in ".٫" or not thousands):
            whole, frac = int(groups[0]), groups[1]
            return _Found(0, i, last, whole * mult + int(frac) * mult // 10 ** len(frac), "digits")
        elif thousands:
            value = int("".join(groups))
        else:
            return None  # a decimal (2.5) or a dotted date: not a count
        if mult is None:
            return _Found(0, i, last, value, "digits")
        value, last = self._digits_tail(value * mult, last, mult)
        if last == i + 1:
            value, last = _and_half(self, value, last, mult)  # 2 مليون ونصف
        return _Found(0, i, last, value, "digits", scale=mult)

    def _digits_tail(self, value: int, last: int, base: int) -> tuple[int, int]:
        """Add smaller parts in digits joined by و after a scale word (``65 ألف و900``: 65,900;
        ``ألف و300``: 1,300);
        a part as large as the scale is another number (``بين 12 ألفا و16 ألف``)."""
        while self._word(last + 1) == "و" and self._gap_ok(last, last + 1) and self._word(last + 2) is None \
                and last + 2 < len(self.toks) and (part := self._digits_at(last + 2)) is not None and self._gap_ok(last + 1, last + 2, True) \
                and part.value < base and part.scale < base:
            value, last, base = value + part.value, part.last, part.scale
        return value, last

    def _dual_at(self, i: int) -> _Found | None:
        word = self._word(i)
        if word is None or not self.duals:
            return None
        for clitic in ("", *_CLITICS):
            if not word.startswith(clitic) or len(word) <= len(clitic):
                continue
            core = word[len(clitic):]
            if core in self.duals or (core.startswith("ال") and core[2:] in self.duals):
                nxt = self._direct(i + 1)
                if nxt is not None and nxt.cat == "unit" and nxt.value == 2:
                    return None  # طفلين اثنين: the number word is the count
                return _Found(len(clitic), i, i, 2, "dual")
            if not clitic and core in self.constructs and self._complement_at(i + 1):
                return _Found(0, i, i, 2, "dual")  # ضابطي شرطة: a dual in construct
        return None

    def _complement_at(self, i: int) -> bool:
        """Token ``i`` can complete a construct dual: a word right after it, not joined by و,
        not a particle, not a word in ين/ان (a dual or plural: جثتي شقيقين counts شقيقين), another
        construct dual (جثتي ضابطي) nor a number."""
        word = self._word(i)
        if word is None or not self._gap_ok(i - 1, i) or word.startswith("و") or word in _NOT_COMPLEMENTS:
            return False
        return not word.endswith(("ين", "ان")) and word not in self.constructs and _lookup(word, True) is None

    # -- spans ------------------------------------------------------------
    def _match(self, found: _Found) -> NumberMatch:
        start_n = self.toks[found.first].start + found.skip
        end_n = self.toks[found.last].end - found.end_cut
        start, end = self.norm.raw_span(start_n, end_n)
        while end < len(self.raw) and (self.raw[end] in DIACRITICS or self.raw[end] == TATWEEL):
            end += 1  # trailing tanween or shadda belongs to the word
        return NumberMatch(start, end, self.raw[start:end], found.value, found.kind)

    def run(self) -> list[NumberMatch]:
        out: list[NumberMatch] = []
        i = 0
        while i < len(self.toks):
            if self.toks[i].digits:
                found = self._digits_at(i)
            else:
                found = self._words_at(i) or self._dual_at(i)
            if found is None or _adjective_dual(self, found, out):
                i += 1
                continue
            out.append(self._match(found))
            i = found.last + 1
        return out


def _and_half(r: _Reader, value: int, last: int, base: int) -> tuple[int, int]:
    """``مليون ونصف``: half the scale word's value added (1,500,000)."""
    conj = r._conj(last + 1) if base >= 1000 else None
    if conj is None or conj[0].cat != "half":
        return value, last
    after = r._direct(conj[1] + 1)
    if after is not None and after.cat == "mult":  # مليون ونصف مليون: the scale said again
        return (value + base // 2, conj[1] + 1) if after.value == base and after.form == "sg" else (value, last)
    return value + base // 2, conj[1]


def _adjective_dual(reader: _Reader, found: _Found, before: list[NumberMatch]) -> bool:
    """A dual with no clitic right after a dual count qualifies it (``طفلان شقيقان``: two
    children, brothers), no second count."""
    i = found.first
    if found.kind != "dual" or found.skip or i == 0 or not before or before[-1].kind != "dual":
        return False
    prev = reader.toks[i - 1]
    return reader._gap_ok(i - 1, i) and reader.norm.raw_span(prev.start, prev.end)[1] == before[-1].end


#: Particles that never complete a construct dual (``شخصي في``).
_NOT_COMPLEMENTS = frozenset(_key(w) for w in ("في", "من", "على", "إلى", "الى", "عن", "مع", "بعد", "قبل", "ضد",
                                                "لدى", "عند"))


def _construct_duals(duals: frozenset[str]) -> frozenset[str]:
    """The construct forms in ي (``ضابطي``) of the nouns whose duals in ان and ين are both
    read as 2 (so S+ي is no plural construct; S not a nisba in ي)."""
    return frozenset(k[:-2] + "ي" for k in duals
                     if k.endswith("ين") and k[:-2] + "ان" in duals and not k[:-2].endswith("ي"))


#: A few everyday duals, the default of :func:`find_numbers` (the pipeline passes its
#: ontology's :attr:`~hasila.annotation.ontology.Ontology.dual_keys`, see
#: :func:`hasila.annotation.ontology.find_numbers`).
BUILTIN_DUALS = frozenset(_key(w) for w in (
    "طفلين", "طفلان", "طفلتين", "طفلتان", "شخصين", "شخصان", "عنصرين", "عنصران",
    "امرأتين", "امرأتان", "مواطنتين", "مواطنتان", "قتيلين", "قتيلان"))


def find_numbers(text: str, duals: Iterable[str] | None = None) -> list[NumberMatch]:
    """Every number expression in raw ``text``, sorted and non-overlapping.

    ``duals`` are nouns whose dual stands for 2 (default: :data:`BUILTIN_DUALS`; the
    default ontology's, :func:`hasila.annotation.ontology.find_numbers`).
    """
    keys = BUILTIN_DUALS if duals is None else frozenset(_key(d) for d in duals)
    flat = unwrap(text)  # a number broken over a hard-wrapped line (350 / ألف) is one number
    found = _Reader(flat, keys).run()
    return found if flat is text else [replace(m, text=text[m.start:m.end]) for m in found]


def parse_number(s: str, duals: Iterable[str] | None = None) -> int | None:
    """The value of ``s`` when it is one whole number expression (a leading
    clitic allowed: ``و218``), else ``None``."""
    stripped = s.strip()
    matches = find_numbers(stripped, duals)
    if len(matches) != 1:
        return None
    m = matches[0]
    if m.end != len(stripped) or _key(stripped[:m.start]) not in ("", *_CLITICS):
        return None
    return m.value


@functools.lru_cache(maxsize=1 << 16)
def key_variants(word_key: str, clitics: tuple[str, ...], tanween_alif: bool = False) -> tuple[str, ...]:
    """A folded word key, and the same without a leading clitic (from ``clitics``) and/or
    the article ال; with ``tanween_alif`` also without a final tanween alif (برميلا → برميل).
    ``لل`` counts as ل + ال."""
    out = [word_key]
    for clitic in clitics:
        if word_key.startswith(clitic) and len(word_key) - len(clitic) >= 2:
            core = word_key[len(clitic):]
            out.append(core)
            if clitic.endswith("ل") and core.startswith("ل"):
                out.append("ا" + core)
    for cand in list(out):
        if cand.startswith("ال") and len(cand) > 3:
            out.append(cand[2:])
    if tanween_alif:
        for cand in list(out):
            if cand.endswith("ا") and len(cand) > 3:
                out.append(cand[:-1])
    return tuple(dict.fromkeys(out))
