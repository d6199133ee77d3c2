"""Span rules shared by the rules tagger and the model's decoding: where an ACTOR span
ends (:func:`actor_phrases`: its head noun before, a governed name and adjectives after), the
words of the lexicons (:func:`lexicon_words`, :func:`place_names`) and small span helpers."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from hasila.link.text import CLITICS, key
from hasila.schema import Span

logger = logging.getLogger(__name__)

#: Clitics a word may carry in front (the link's list and ``فك``).
CLITIC_PREFIXES = frozenset(CLITICS) | {"فك"}


@functools.lru_cache(maxsize=1)
def _gazetteer_names() -> tuple[str, ...]:
    """Names and aliases of the place gazetteer, read once (empty without one)."""
    from hasila.errors import UserError
    from hasila.text.gazetteer import Gazetteer

    try:
        return tuple(Gazetteer.load().names())
    except UserError as exc:
        logger.debug("no gazetteer for decoding: %s", exc)
        return ()


@functools.lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Folded words of the place gazetteer, the actor list and the category nouns."""
    from hasila.errors import UserError

    words: set[str] = set()
    for name in _gazetteer_names():
        words.update(key(name).split())
    try:
        from hasila.annotation.ontology import Ontology

        for cat in Ontology.load().categories:
            for noun in cat.nouns():
                words.update(key(noun).split())
    except UserError as exc:
        logger.debug("no category nouns for decoding: %s", exc)
    try:
        from hasila.rules.lexicon import ActorLexicon

        for phrase in ActorLexicon.load().phrases:
            words.update(phrase)
    except UserError as exc:
        logger.debug("no actor words for decoding: %s", exc)
    return frozenset(words)


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Where widened spans now overlap, keep the first (then the longer)."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


#: nouns that head an actor's name (``مقاتلي المعارضة``, ``تنظيم "داعش"``)
ACTOR_HEADS = frozenset([
    "قوات", "تنظيم", "هيئة", "مقاتلي", "مقاتلو", "عناصر", "فصيل", "مسلحي", "مسلحو", "حركة",
    "جماعة", "أفراد", "متمردي", "متشددي", "جنود", "ميليشيات", "ميليشيا",
    "قيادات", "خلايا", "متطرفي", "إرهابيي", "مقاتلات", "تشكيلات", "طائرات", "مروحيات", "وحدات"])


#: military units named by a number (``الفرقة 30``): the number is part of the name, never a COUNT
UNIT_WORDS = frozenset(["الفرقة", "فرقة", "اللواء", "لواء", "الفوج", "فوج", "الكتيبة", "كتيبة"])


#: a definite relational adjective (nisba): السوري، التركية، الكردستاني، الإسلاميين
_NISBA = re.compile(r"(?:ال|لل)[\u0621-\u064A]{2,}(?:ي|ية|يين|يون|يات)")


#: nouns shaped like a nisba: the object after an actor (تبنى التنظيم المسؤولية), a place (القرية)
_NOT_NISBA = frozenset({"المسؤولية", "القرية", "الناحية", "الضاحية", "العملية", "القضية"})


#: heads in the construct state: the next definite word or known name belongs to the actor
#: (``حزب`` + ``العمال``, ``قوات`` + ``الأمن``, ``جيش`` + ``الفتح``, ``الولايات`` + ``المتحدة``)
CONSTRUCT_HEADS = frozenset([
    "حزب", "جيش", "فيلق", "جبهة", "قوات", "وزارة", "نظام", "طيران", "هيئة", "حركة", "تنظيم", "فصيل",
    "لواء", "كتائب", "مقاتلي", "مقاتلو", "عناصر", "جماعة", "فصائل", "وحدات", "طائرات", "مروحيات",
    "مسلحي", "مسلحو", "ميليشيات", "الولايات", "حماية"])


#: plural heads an indefinite adjective follows: فصائل إسلامية، طائرات روسية، جماعات إرهابية
PLURAL_HEADS = frozenset([
    "فصائل", "طائرات", "تنظيمات", "مجموعات", "قوات", "ميليشيات", "مليشيات", "جماعات", "مروحيات", "مقاتلات",
    "وحدات"])


#: an indefinite feminine adjective (إسلامية، روسية، مقاتلة)
_INDEFINITE_ADJECTIVE = re.compile(r"(?!ال)[\u0621-\u064A]{3,}ية|مقاتلة|مسلحة|موالية|متحالفة|حليفة|تابعة")


#: definite adjectives (not relational) that qualify an actor: الجيش السوري الحر، الفصائل المسلحة
ACTOR_ADJECTIVES = frozenset([
    "المسلحة", "المتحدة", "الحر", "المعتدلة", "المقاتلة", "الموالية", "الموالين", "الموالي", "الموالون",
    "المعارضة", "المعارض", "المتشددة", "الحليفة", "المتحالفة",
    # descriptive adjectives the gold keeps in the phrase: تنظيم داعش المتطرف، الجماعات المسلحة الأخرى
    "المتطرف", "المتطرفة", "المتشدد", "المحظور", "المحظورة", "الأخرى", "المتمردة"])


#: definite words that are no name: days (قوات الاثنين), relatives, الى written without hamza
_NOT_NAMES = frozenset(["الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس",
                        "الجمعة", "السبت", "الى", "التي", "الذي", "الذين", "اللذين", "الآن", "الان", "اليوم"])


_SIDES = frozenset(["المقاتلة", "المسلحة"])  # coordinated: الفصائل الإسلامية والمقاتلة


_ALLY_WORDS = ("الموال", "موال", "الحليف", "حليف", "المتحالف", "متحالف", "التابع", "تابع")


_ALLY_OBJECTS = frozenset(["له", "لها", "لهم"])


_OPEN = {'"': '"', "«": "»", "“": "”"}


_NAME_MAX = 40  # characters of a quoted name


def span_is_free(spans: Sequence[Span], start: int, end: int, own: Span) -> bool:
    """True when no other span than ``own`` overlaps ``[start, end)``."""
    return not any(s is not own and s.start < end and start < s.end for s in spans)


def _is_adjective(word: str, last: str) -> bool:
    """True when ``word`` after ``last`` (the span's last word) qualifies the actor: a definite
    relational adjective (``السوري``), a definite adjective of sides (``المسلحة``, ``الحر``), or
    the pronoun after an ally word (``الموالية`` + ``لها``)."""
    if word in _ALLY_OBJECTS:
        return last.startswith(_ALLY_WORDS)
    if word.startswith("و") and (NISBA_SINGULAR.fullmatch(word[1:]) or word[1:] in _SIDES):  # الحربية والمروحية
        return _is_adjective(last, "") and last.endswith("ة") == word.endswith("ة")  # السوري والروسية: two
    return (bool(_NISBA.fullmatch(word)) and word not in _NOT_NISBA) or word in ACTOR_ADJECTIVES


def _governed(word: str, last: str, known: frozenset[str]) -> bool:
    """True when ``word`` is the name ``last`` governs: after a construct head a definite word,
    a known name or another head (``قوات`` + ``الأمن`` / ``نظام``), after an ally word the party
    it names (``الموالية`` + ``للنظام``)."""
    if last in CONSTRUCT_HEADS and word not in _NOT_NAMES:
        return word.startswith("ال") or key(word) in known or word in CONSTRUCT_HEADS
    return last.startswith(_ALLY_WORDS) and word.startswith("ل") and word not in _ALLY_OBJECTS


def _indefinite_adjective(word: str, last: str) -> bool:
    """True when ``word`` is an indefinite adjective after a plural head (``فصائل`` + ``إسلامية``)
    or one coordinated with the indefinite adjective before it (``إسلامية`` + ``ومقاتلة``)."""
    if last in PLURAL_HEADS:
        return bool(_INDEFINITE_ADJECTIVE.fullmatch(word))
    return bool(_INDEFINITE_ADJECTIVE.fullmatch(last) and _INDEFINITE_ADJECTIVE.fullmatch(word.removeprefix("و")))


def _widen_actor(text: str, span: Span, spans: Sequence[Span],
                 known: frozenset[str] | None = None, glued_heads: bool = False) -> tuple[int, int]:
    """The edges of ``span`` widened over its head, quoted name, quotes and adjectives."""
    start, end = span.start, span.end
    # a quoted name after its head: تنظيم «داعش» takes the head and both quotes (a bare
    # quoted name, «داعش», stays without them, as in the gold)
    before = text[:start].rstrip(" ")
    if before and before[-1] in _OPEN:
        close = text.find(_OPEN[before[-1]], end)
        head = re.search(r"(\S+) +$", before[max(0, len(before) - 31):-1])
        if close != -1 and not text[end:close].strip() and head and head.group(1) in ACTOR_HEADS:
            a = len(before) - 1 - len(head.group(0))
            if span_is_free(spans, a, start, span) and span_is_free(spans, end, close + 1, span):
                start, end = a, close + 1
    # a quoted name after a head: تنظيم "الدولة الإسلامية"
    after = text[end:]
    gap = len(after) - len(after.lstrip(" "))
    opener = after[gap:gap + 1]
    if opener in _OPEN and text[start:end].split()[-1] in ACTOR_HEADS:
        close = text.find(_OPEN[opener], end + gap + 1, end + gap + 1 + _NAME_MAX)
        if close != -1 and "\n" not in text[end:close] and _only_actors(spans, end, close + 1, span):
            end = close + 1
    # a head noun just before it: مقاتلي المعارضة
    m = re.search(r"(\S+) +$", text[max(0, start - 30):start])
    if m and m.group(1) in ACTOR_HEADS and span_is_free(spans, start - len(m.group(0)), start, span):
        start -= len(m.group(0))
    elif m and glued_heads and span_is_free(spans, start - len(m.group(0)), start, span):
        # a head with a glued clitic: و + مسلحي داعش, ل + عناصر التنظيم (the clitic stays out)
        cut = next((n for n in (1, 2) if key(m.group(1)[:n]) in CLITIC_PREFIXES and m.group(1)[n:] in ACTOR_HEADS), 0)
        if cut:
            start -= len(m.group(0)) - cut
    # the name a construct head governs and the adjectives after it: حزب + العمال + الكردستاني
    known = lexicon_words() if known is None else known
    while True:
        m = re.match(r" +([^\W\d_]+)(?=[\W\d]|$)", text[end:])
        if not m:
            break
        word, last = m.group(1), text[start:end].split()[-1]
        if _governed(word, last, known) and _only_actors(spans, end, end + m.end(), span):
            end += m.end()
            continue
        if not (_is_adjective(word, last) or _indefinite_adjective(word, last)) \
                or not _only_actors(spans, end, end + m.end(), span):
            break
        end += m.end()
    # a unit's number: الفرقة 30
    m = re.match(r" +(\d+)(?!\d)", text[end:])
    if m and text[start:end].split()[-1] in UNIT_WORDS and _only_counts(spans, end, end + m.end()):
        end += m.end()
    return start, end


def _only_counts(spans: Sequence[Span], start: int, end: int) -> bool:
    return all(s.label == "COUNT" for s in spans if s.start < end and start < s.end)


def _only_actors(spans: Sequence[Span], start: int, end: int, own: Span) -> bool:
    """True when the spans overlapping ``[start, end)`` (but ``own``) are ACTOR spans inside it."""
    return all(s.label == "ACTOR" and start <= s.start and s.end <= end
               for s in spans if s is not own and s.start < end and start < s.end)


def actor_phrases(text: str, spans: Sequence[Span], glued_heads: bool = False) -> list[Span]:
    """ACTOR spans widened to the actor's noun phrase (see the module doc); ACTOR pieces the
    widened span now covers are dropped. ``glued_heads``: a head noun carrying a clitic
    (``ومسلحي``) is taken too, without the clitic."""
    out = []
    for span in spans:
        if span.label == "ACTOR":
            start, end = _widen_actor(text, span, spans, glued_heads=glued_heads)
            if (start, end) != (span.start, span.end):
                span = replace(span, start=start, end=end, text=text[start:end])
        out.append(span)
    return drop_overlaps(out)


#: a definite relational adjective in the singular (الكردية، الروسي): it qualifies a party, never names one
NISBA_SINGULAR = re.compile(r"(?:ال|لل)[\u0621-\u064A]{2,}(?:ي|ية)")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names and aliases of the place gazetteer (empty without one)."""
    return frozenset(key(name) for name in _gazetteer_names())

__all__ = ["ACTOR_ADJECTIVES", "ACTOR_HEADS", "CLITIC_PREFIXES", "CONSTRUCT_HEADS", "NISBA_SINGULAR", "PLURAL_HEADS", "UNIT_WORDS", "actor_phrases", "drop_overlaps", "lexicon_words", "place_names", "span_is_free"]
