"""Span rules shared by the rules tagger and the model's decoding: where an ACTOR span
ends (:func:`actor_phrases`: its head noun before, a governed name and adjectives after), the
words of the lexicons (:func:`lexicon_words`, :func:`place_names`) and small span helpers."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from hasila.annotation.ontology import parse_number
from hasila.link.text import CLITICS, key, keys
from hasila.schema import Span
from hasila.text.arabic import DIACRITICS, FORMAT_MARKS, LETTER_FORMS, unwrap

logger = logging.getLogger(__name__)

#: Clitics a word may carry in front (the link's list and ``فك``).
CLITIC_PREFIXES = frozenset(CLITICS) | {"فك"}


# Words of the raw text are read the way every outlet writes them: a no-break space between
# two words of a phrase, diacritics (``قُوّات``), a kashida (``قـوات``), ``ه`` for a final ``ة``
# or a bare alef for hamza. The word lists below are compared by their folded key
# (:func:`hasila.link.text.key`); the patterns over a word's shape match its plain form
# (:func:`plain`), which keeps hamza and ``ى``: ``أليكسي`` has no article, ``القدامى`` is no nisba.

#: the space between two words of one phrase (a no-break space too; never a line break)
GAP = r"[^\S\n]+"
_MARKS = "".join(sorted(DIACRITICS | FORMAT_MARKS))
#: a word of the raw text: letters with their diacritics, kashida and invisible joiners
WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
_WORD_AFTER = re.compile(rf"{GAP}({WORD})(?=[\W\d]|$)")
_WORD_BEFORE = re.compile(rf"(\S+){GAP}$")
_MARKS_RE = re.compile(rf"[{_MARKS}\u0640]")


def plain(word: str, final_ya: bool = False) -> str:
    """``word`` in Arabic letters (presentation forms and other keyboards' letters read), without
    diacritics, kashida and invisible marks, ``ة`` written ``ه`` (hamza and ``ى`` kept; ``final_ya``: a final ``ى`` read as ``ي``, for a text that writes it so)."""
    word = _MARKS_RE.sub("", word.translate(LETTER_FORMS)).replace("ة", "ه")
    return word[:-1] + "ي" if final_ya and word.endswith("ى") else word


_YA_WORDS = re.compile(r"(?<![\u0621-\u064a])(?:(في|الذي|التي)|(فى|الذى|التى))(?![\u0621-\u064a])")


def writes_final_ya_as_alef_maqsura(text: str) -> bool:
    """True for a text that writes a final ``ي`` as ``ى`` (``فى``, ``الذى``: the Egyptian
    custom), judged by its commonest words: there ``السورى`` is the nisba ``السوري``."""
    plain_ya = maqsura = 0
    for m in _YA_WORDS.finditer(text):
        plain_ya += m.group(1) is not None
        maqsura += m.group(2) is not None
    return maqsura > plain_ya


def word_after(text: str, end: int) -> re.Match[str] | None:
    """The word after ``end`` and the space before it (``group(1)`` the word, ``end()`` the
    offset after it), or None when a line break, a digit or a sign comes first."""
    return _WORD_AFTER.match(text, end)


def word_before(text: str, start: int, reach: int = 30) -> re.Match[str] | None:
    """The word just before ``start`` and the space after it (within ``reach`` characters);
    ``group(1)`` the word, ``start()`` where it begins."""
    return _WORD_BEFORE.search(text, max(0, start - reach), start)


#: a news desk named after its place (``مكتب أخبار سوريا``, ``وكالة أنباء الأناضول``): an
#: outlet, so its place is no PLACE (and no party, the guide)
_NEWS_DESK = re.compile(rf"(?:مكتب|شبكة|موقع|وكالة|وكالة{GAP}أنباء){GAP}(?:أخبار|اخبار|أنباء|انباء){GAP}{WORD}")


def news_desks(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each news desk's name in ``text`` (see ``_NEWS_DESK``)."""
    return [(m.start(), m.end()) for m in _NEWS_DESK.finditer(text)]


def strip_space(text: str) -> str:
    """``text`` without the spaces (no-break ones too) at its right end."""
    return text.rstrip(" \t\u00a0")


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
def _towns() -> frozenset[str]:
    """Folded one-word names of Syria's places that name no country or place abroad
    (``الزبداني``; not ``السعودية``, a country and an adjective), read once (empty without a
    gazetteer)."""
    from hasila.link.theatre import place_keys

    foreign, home = place_keys()
    return frozenset(k for k in home if " " not in k and k not in foreign)


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
    "قيادات", "خلايا", "متطرفي", "إرهابيي", "مقاتلات", "تشكيلات", "طائرات", "مروحيات", "وحدات", "طيران",
    "حلفاء", "شركاء"])


#: military units named by a number (``الفرقة 30``): the number is part of the name, never a COUNT
UNIT_WORDS = frozenset(["الفرقة", "فرقة", "اللواء", "لواء", "الفوج", "فوج", "الكتيبة", "كتيبة"])
#: the arm after a unit's number, part of its name (``الفرقة 30 مشاة``)
_ARMS_K = keys("مشاة مدرعات مدفعية")


#: a definite relational adjective (nisba), plain: السوري، التركية، الكردستاني، الإسلاميين
_NISBA = re.compile(r"(?:ال)[\u0621-\u064A]{2,}(?:ي|يه|يين|يون|يات)")


#: nouns shaped like a nisba: the object after an actor (تبنى التنظيم المسؤولية), a place (القرية)
_NOT_NISBA = frozenset({"المسؤولية", "القرية", "الناحية", "الضاحية", "العملية", "القضية",
                        # a programme's or a policy's adjective (برنامج إيران النووي), not the party's
                        "النووي", "النووية", "الصاروخي", "الصاروخية", "الاقتصادي", "الاقتصادية",
                        "الدبلوماسي", "الدبلوماسية"})


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
_INDEFINITE_ADJECTIVE = re.compile(
    r"(?!ال)[\u0621-\u064A]{3,}يه|مقاتله|مسلحه|مواليه|متحالفه|حليفه|تابعه|[أا]خرى|مختلفه|متعدده|كبيره|صغيره")


#: definite adjectives (not relational) that qualify an actor: الجيش السوري الحر، الفصائل المسلحة
ACTOR_ADJECTIVES = frozenset([
    "المسلحة", "المتحدة", "الحر", "المعتدلة", "المقاتلة", "الموالية", "الموالين", "الموالي", "الموالون",
    "المعارضة", "المعارض", "المتشددة", "الحليفة", "المتحالفة", "المتحالفين", "المتحالفون",
    # descriptive adjectives the gold keeps in the phrase: تنظيم داعش المتطرف، الجماعات المسلحة الأخرى
    "المتطرف", "المتطرفة", "المتشدد", "المحظور", "المحظورة", "الأخرى", "المتمردة"])


#: plural adjectives of fighters (المقاتلين الأكراد، المقاتلون الأجانب، المقاتلين المعارضين): they
#: widen an actor, yet alone may name a party (الأكراد), unlike the adjectives above
_PLURAL_ADJECTIVES_K = keys("الأكراد الأجانب المعارضين المعارضون المعتدلين المعتدلون")


#: definite words that are no name: days (قوات الاثنين), relatives, الى written without hamza
_NOT_NAMES = frozenset(["الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس",
                        "الجمعة", "السبت", "الى", "التي", "الذي", "الذين", "اللذين", "الآن", "الان", "اليوم"])


_SIDES = frozenset(["المقاتلة", "المسلحة"])  # coordinated: الفصائل الإسلامية والمقاتلة


_ALLY_WORDS = ("الموال", "موال", "الحليف", "حليف", "المتحالف", "متحالف", "التابع", "تابع")


_ALLY_OBJECTS = frozenset(["له", "لها", "لهم", "معه", "معها", "معهم"])  # الموالية لها، المتحالفة معها


# the folded forms the words of the text are compared with
_HEADS_K, UNIT_KEYS, _CONSTRUCT_K, _PLURAL_K = keys(ACTOR_HEADS), keys(UNIT_WORDS), keys(CONSTRUCT_HEADS), keys(PLURAL_HEADS)
_ADJECTIVES_K, _NOT_NISBA_K, _NOT_NAMES_K, _SIDES_K = keys(ACTOR_ADJECTIVES), keys(_NOT_NISBA), keys(_NOT_NAMES), keys(_SIDES)


_OPEN = {'"': '"', "«": "»", "“": "”"}


_NAME_MAX = 40  # characters of a quoted name


def span_is_free(spans: Sequence[Span], start: int, end: int, own: Span) -> bool:
    """True when no other span than ``own`` overlaps ``[start, end)``."""
    return not any(s is not own and s.start < end and start < s.end for s in spans)


def is_actor_adjective(word: str) -> bool:
    """True when ``word`` (as written) is a definite singular relational adjective (``الكردية``)
    or a definite adjective of sides (``المسلحة``): it qualifies a party, never names one."""
    return bool(NISBA_SINGULAR.fullmatch(plain(word))) or key(word) in _ADJECTIVES_K


def _is_adjective(word: str, last: str) -> bool:
    """True when ``word`` after ``last`` (the span's last word; both plain) qualifies the
    actor: a definite relational adjective (``السوري``), a definite adjective of sides
    (``المسلحة``, ``الحر``), or the pronoun after an ally word (``الموالية`` + ``لها``)."""
    if word in _ALLY_OBJECTS:
        return last.removeprefix("و").startswith(_ALLY_WORDS)
    if word.startswith("وال") and word.endswith("ه") and word[1:].startswith(_ALLY_WORDS):
        return True  # القوات التركية والموالية لها: the allies' adjective, with its pronoun after
    if word.startswith("و") and (NISBA_SINGULAR.fullmatch(word[1:]) or key(word[1:]) in _SIDES_K):  # الحربية والمروحية
        return _is_adjective(last, "") and last.endswith("ه") == word.endswith("ه")  # السوري والروسية: two
    return (bool(_NISBA.fullmatch(word)) and key(word) not in _NOT_NISBA_K and key(word) not in _towns()) \
        or key(word) in _ADJECTIVES_K or key(word) in _PLURAL_ADJECTIVES_K  # الزبداني: a town (تحاصر قوات النظام الزبداني)


def _governed(word: str, last: str, known: frozenset[str]) -> bool:
    """True when ``word`` is the name ``last`` governs (both plain): after a construct head a
    definite word, a known name or another head (``قوات`` + ``الأمن`` / ``نظام``), after an ally
    word the party it names (``الموالية`` + ``للنظام``)."""
    if key(last) in _CONSTRUCT_K and key(word) not in _NOT_NAMES_K:
        return word.startswith("ال") or key(word) in known or key(word) in _CONSTRUCT_K
    return last.startswith(_ALLY_WORDS) and word.startswith("ل") and word not in _ALLY_OBJECTS


def _indefinite_adjective(word: str, last: str) -> bool:
    """True when ``word`` is an indefinite adjective after a plural head (``فصائل`` + ``إسلامية``)
    or one coordinated with the indefinite adjective before it (``إسلامية`` + ``ومقاتلة``); both plain."""
    if key(last) in _PLURAL_K:
        return bool(_INDEFINITE_ADJECTIVE.fullmatch(word))
    return bool(_INDEFINITE_ADJECTIVE.fullmatch(last) and _INDEFINITE_ADJECTIVE.fullmatch(word.removeprefix("و")))


def _first_word(text: str) -> str:
    """The plain first word of ``text``."""
    words = text.split()
    return plain(words[0]) if words else ""


def _last_word(text: str, final_ya: bool = False) -> str:
    """The plain last word of ``text``."""
    words = text.split()
    return plain(words[-1], final_ya) if words else ""


def _widen_actor(text: str, span: Span, spans: Sequence[Span], known: frozenset[str] | None = None,
                 glued_heads: bool = False, final_ya: bool = False) -> tuple[int, int]:
    """The edges of ``span`` widened over its head, quoted name, quotes and adjectives."""
    start, end = span.start, span.end
    # a quoted name after its head: تنظيم «داعش» takes the head and both quotes (a bare
    # quoted name, «داعش», stays without them, as in the gold)
    before = strip_space(text[:start])
    if before and before[-1] in _OPEN:
        close = text.find(_OPEN[before[-1]], end)
        head = word_before(before, len(before) - 1)
        if close != -1 and not text[end:close].strip() and head and key(head.group(1)) in _HEADS_K:
            a = head.start()
            if span_is_free(spans, a, start, span) and span_is_free(spans, end, close + 1, span):
                start, end = a, close + 1
    # a quoted name after a head: تنظيم "الدولة الإسلامية"
    after = text[end:]
    gap = len(after) - len(after.lstrip(" \t\u00a0"))
    opener = after[gap:gap + 1]
    if opener in _OPEN and key(_last_word(text[start:end])) in _HEADS_K:
        close = text.find(_OPEN[opener], end + gap + 1, end + gap + 1 + _NAME_MAX)
        if close != -1 and "\n" not in text[end:close] and _only_actors(spans, end, close + 1, span):
            end = close + 1
    # a group the party is named as the backer of: مروحيات تابعة للنظام، فصائل مقربة من النصرة
    start = _backed_group(text, start, spans, span, final_ya)
    # a head noun just before it: مقاتلي المعارضة
    m = word_before(text, start)
    if m and key(m.group(1)) in _HEADS_K and span_is_free(spans, m.start(), start, span):
        start = m.start()
    elif m and glued_heads:
        # a head with a glued clitic: و + مسلحي داعش, ل + عناصر التنظيم (the clitic stays out);
        # the other spans are scanned only for such a head (a scan per actor is quadratic)
        word = m.group(1)
        cut = next((n for n in (1, 2) if key(word[:n]) in CLITIC_PREFIXES and key(word[n:]) in _HEADS_K), 0)
        if cut and span_is_free(spans, m.start(), start, span):
            start = m.start() + cut
    # the name a construct head governs and the adjectives after it: حزب + العمال + الكردستاني
    known = lexicon_words() if known is None else known
    while True:
        m = word_after(text, end)
        if not m:
            break
        word, last = plain(m.group(1), final_ya), _last_word(text[start:end], final_ya)
        if _governed(word, last, known) and _only_actors(spans, end, m.end(), span):
            end = m.end()
            continue
        party = _backing_party(text, m, known, final_ya)
        if party is not None and key(m.group(1)) in _SAME_PARTY:  # الذي تقوده الولايات المتحدة, المعروفة
            party = max([party, *(s.end for s in spans if s is not span and s.label == "ACTOR"  # باسم ...:
                                  and end <= s.start < party < s.end)])  # the whole name
        if party is not None and _only_parties(spans, end, party, span):
            end = party
            continue
        if not (_is_adjective(word, last) or _indefinite_adjective(word, last)) \
                or not _only_actors(spans, end, m.end(), span) or _closes_a_quote(text, start, end, m.start()):
            break
        end = m.end()
    # a demonstrative before a group: هذه الفصائل، تلك القوات، هذا الجيش
    m = word_before(text, start)
    if m and key(m.group(1)) in _DEMONSTRATIVES_K and key(_first_word(text[start:end])) in _GROUPS_K \
            and span_is_free(spans, m.start(), start, span):
        start = m.start()
    # a unit's number: الفرقة 30
    m = _UNIT_NUMBER.match(text, end)
    if m and key(_last_word(text[start:end])) in UNIT_KEYS and _only_counts(spans, end, m.end()):
        end = m.end()
        arm = word_after(text, end)
        if arm is not None and key(arm.group(1)) in _ARMS_K:
            end = arm.end()  # الفرقة 30 مشاة
    return start, end


def _closes_a_quote(text: str, start: int, end: int, nxt: int) -> bool:
    """``«حزب الله» اللبناني`` with the span inside the quotes: the gap before the next word
    closes a quote the span did not open, so the adjective after it is not the span's."""
    gap = text[end:nxt]
    return any(c in gap and o not in text[start:end] for o, c in _OPEN.items() if o != c) \
        or ('"' in gap and text[start:end].count('"') % 2 == 0 and text[:start].count('"') % 2 == 1)


#: definite participles that tie an actor to the party behind it, with the preposition of
#: that party: الفصائل المدعومة من تركيا، لواء … المبايع لتنظيم داعش; بقيادة
#: takes its party with none: التحالف الدولي بقيادة واشنطن; المعروفة باسم names it again
_BACKING = {key(w): p for w, p in (
    ("المدعومة", "من ب"), ("المدعوم", "من ب"), ("المبايع", "ل"), ("المبايعة", "ل"), ("التابع", "ل"),
    ("التابعة", "ل"), ("المرتبطة", "ب"), ("المرتبط", "ب"), ("المقربة", "من"), ("المقرب", "من"),
    ("المؤيدة", "ل"), ("المؤيد", "ل"), ("بقيادة", ""), ("المعروفة", "باسم"), ("المعروف", "باسم"),
    ("المتحالفة", "مع"), ("المتحالفين", "مع"), ("المتحالفون", "مع"), ("المنضوية", "في ب"), ("المنضوين", "في ب"))}
#: a relative pronoun and a verb of leading with its pronoun: الذي تقوده، التي يقودها، الذي قادته
_RELATIVES = keys("الذي التي")
#: words after which the name that follows is one phrase with the party (a leader, another name)
_SAME_PARTY = frozenset({*_RELATIVES, key("المعروفة"), key("المعروف")})
_LEADS = re.compile(r"(?:ت|ي)?(?:قود|قاد)(?:ه|ها|ته|تها)")


def _backing_party(text: str, m: re.Match[str], known: frozenset[str], final_ya: bool) -> int | None:
    """Where the party named after a backing participle (``m``: ``المدعومة``) ends: a
    definite word or known name after its preposition (``من تركيا``, ``لتنظيم داعش``,
    ``بتنظيم القاعدة``), with the name a construct head governs (``تنظيم`` + ``داعش``)."""
    preps = _BACKING.get(key(m.group(1)))
    if preps is None and key(m.group(1)) in _RELATIVES:  # التحالف الذي تقوده الولايات المتحدة
        verb = word_after(text, m.end())
        if verb is None or not _LEADS.fullmatch(plain(verb.group(1), final_ya)):
            return None
        m, preps = verb, ""
    if preps is None:
        return None
    nxt = word_after(text, m.end())
    if nxt is None:
        return None
    word = plain(nxt.group(1), final_ya)
    if not preps:  # بقيادة واشنطن، بقيادة أميركية: a state, a side or its adjective right after
        return nxt.end() if key(word) in _leaders() or _INDEFINITE_ADJECTIVE.fullmatch(word) else None
    if word in preps.split():  # من تركيا: the name is the word after
        nxt = word_after(text, nxt.end())
        word = plain(nxt.group(1), final_ya) if nxt else ""
    else:  # ل / ب glued: لتنظيم، بتنظيم، لـ«الجبهة» (a tatweel or quote after it)
        glued = next((c for c in preps.split() if len(c) == 1 and word.startswith(c)), None)
        word = ("ا" + word[1:] if word.startswith("لل") else word[1:]) if glued else ""  # للنظام: ل + النظام
    if nxt is None or not word or not (word.startswith("ال") or key(word) in place_names()
                                       or key(word) in _CONSTRUCT_K):
        return None  # من جديد: no party
    end = nxt.end()
    if key(word) in _CONSTRUCT_K:  # تنظيم + داعش (a head governing nothing names no party: بعناصر)
        gov = word_after(text, end)
        if gov is None or not _governed(plain(gov.group(1), final_ya), word, known):
            return None
        end = gov.end()
    return end


#: demonstratives the gold keeps with the group they point at (``تلك القوات``)
_DEMONSTRATIVES_K = keys("هذه هذا تلك ذلك هؤلاء")
#: the groups a demonstrative is kept with: a plural head or the army (``هذا التنظيم`` names one
#: organisation already named, and the gold leaves its demonstrative out)
_GROUPS_K = frozenset("ال" + k for k in keys(PLURAL_HEADS | {"جيش", "مقاتلين", "جهاديين", "مسلحين", "عناصر"}))
#: stems of the words that tie a group to the party named after them, with its preposition:
#: قوات تابعة للنظام، القوات الموالية للحكومة، جماعات مرتبطة بتنظيم القاعدة، فصائل مقربة من النصرة
_TIES = re.compile(r"(?:ال)?(?:موال|تابع|حليف|متحالف|مرتبط|مقرب|مؤيد|مساند|مدعوم|معارض|مبايع)(?:ه|يه|ي|ين|يين|ون|يون)?")
#: group nouns a tie may follow (with their adjectives between): the rules tag no actor there
_TIED_HEADS_K = frozenset(k2 for k in keys(PLURAL_HEADS | ACTOR_HEADS | {
    "مجموعة", "جماعة", "طائرة", "مروحية", "طيران", "مسلحين", "مسلحون", "مقاتلين", "مقاتلون", "ميلشيات"})
    for k2 in (k, "ال" + k))


def _backed_group(text: str, start: int, spans: Sequence[Span], own: Span, final_ya: bool) -> int:
    """Where the group an ACTOR span is named the backer of begins (``مروحيات تابعة للنظام``:
    the span ``النظام`` starts at ``مروحيات``); ``start`` when no group noun, at most two
    adjectives (``الميليشيات المحلية المساندة لقوات النظام``) and a tie word come before it."""
    ws = start
    while ws > 0 and (text[ws - 1].isalpha() or _MARKS_RE.match(text[ws - 1])):
        ws -= 1
    if ws < start:  # للنظام, بتنظيم: the tie's preposition glued to the name
        if plain(text[ws:start]) not in ("ل", "ب", "لل"):
            return start
        tie = word_before(text, ws)
    else:  # مقربة من النصرة
        prep = word_before(text, start)
        tie = word_before(text, prep.start()) if prep is not None and prep.group(1) == "من" else None
    tie_word = plain(tie.group(1), final_ya) if tie is not None else ""
    if tie is None or not _TIES.fullmatch(tie_word):
        return start
    definite = tie_word.startswith("ال")
    at = tie.start()
    for _ in range(3):  # the head, after at most two adjectives
        m = word_before(text, at)
        if m is None:
            return start
        word = plain(m.group(1), final_ya)
        if key(word) in _TIED_HEADS_K:
            # an attribute agrees in definiteness (القوات السورية مدعومة من …: a state, not the
            # group's name); a counted head is things (سبع طائرات تابعة لسلاح الجو)
            if word.startswith("ال") != definite or _counted(text, m.start()):
                return start
            return m.start() if _only_actors(spans, m.start(), start, own) else start
        if not (_NISBA.fullmatch(word) or _INDEFINITE_ADJECTIVE.fullmatch(word) or key(word) in _ADJECTIVES_K
                or word in ("أخرى", "اخرى", "الأخرى", "حربيه", "الحربيه")):
            return start
        at = m.start()
    return start


def _counted(text: str, start: int) -> bool:
    """Does a number (digits or a number word) come right before ``start``?"""
    if re.search(r"\d\s*$", text[max(0, start - 4):start]):
        return True
    before = word_before(text, start)
    return before is not None and parse_number(before.group(1)) is not None


@functools.lru_cache(maxsize=1)
def _leaders() -> frozenset[str]:
    """Folded first words of what may lead a party: states and capitals (the gazetteer's places
    and the rules' states acting as parties) and the sides of the ontology (``الأكراد``)."""
    from hasila.errors import UserError
    from hasila.rules.lexicon import STATE_ACTORS

    words = {key(n).split()[0] for n in (*_gazetteer_names(), *STATE_ACTORS) if n.strip()}
    try:
        from hasila.annotation.ontology import Ontology

        for cat in Ontology.load().categories:
            words.update(key(g).split()[0] for g in cat.groups if g.strip())
    except UserError as exc:
        logger.debug("no category groups for decoding: %s", exc)
    return frozenset(words)


def _only_parties(spans: Sequence[Span], start: int, end: int, own: Span) -> bool:
    """True when the spans overlapping ``[start, end)`` (but ``own``) lie inside it and are
    ACTOR spans or the name of a state (``المدعومة من تركيا``: there a party, not a place)."""
    return all(s.label in ("ACTOR", "PLACE") and start <= s.start and s.end <= end
               for s in spans if s is not own and s.start < end and start < s.end)


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
    final_ya = writes_final_ya_as_alef_maqsura(text)
    flat = unwrap(text)  # a phrase broken over a hard-wrapped line is one phrase
    for span in spans:
        if span.label == "ACTOR":
            start, end = _widen_actor(flat, span, spans, glued_heads=glued_heads, final_ya=final_ya)
            if (start, end) != (span.start, span.end):
                span = replace(span, start=start, end=end, text=text[start:end])
        out.append(span)
    return drop_overlaps(out)


#: a definite relational adjective in the singular, plain (الكردية، الروسي): it qualifies a party, never names one
NISBA_SINGULAR = re.compile(r"(?:ال|لل)[\u0621-\u064A]{2,}(?:ي|يه)")


#: a unit's number after its name (``الفرقة 30``)
_UNIT_NUMBER = re.compile(rf"{GAP}\d+(?!\d)")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names and aliases of the place gazetteer (empty without one)."""
    return frozenset(key(name) for name in _gazetteer_names())

#: a preposition or direction word before a place (في تركيا، داخل أنقرة، جنوب تركيا)
_PLACE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:و?في|داخل|و?(?:جنوب|شمال|شرق|غرب)ي?|أنحاء|انحاء|بالعاصمة|العاصمة) +$")


def places_not_actors(text: str, spans: Sequence[Span], names: frozenset[str] | None = None) -> list[Span]:
    """The spans, with an ACTOR span that is a bare place name after ``في``, ``داخل`` or a
    direction word (``في تركيا``, ``جنوب تركيا``) relabelled PLACE: there the state or city is
    where things happen, not a party (on the real train gold, 690 such spans are PLACE and none
    is an ACTOR; team train 54 / 0)."""
    names = place_names() if names is None else names
    return [replace(s, label="PLACE") if s.label == "ACTOR" and key(s.text) in names
            and _PLACE_BEFORE.search(text[max(0, s.start - 16):s.start]) else s for s in spans]


#: nouns that head a place's name (``حي`` + ``جوبر``, ``ريف`` + ``إدلب``, ``قاعدة`` + ``حميميم``): on
#: the real train gold each starts a PLACE span and never stands just before one
PLACE_HEADS = frozenset([
    "حي", "قاعدة", "مطار", "مخيم", "ريف", "ريفي", "بادية", "جبل", "سهل", "نهر", "الضفة",
    "البحر", "قلعة", "جسر", "سجن", "شارع", "دوار"])
#: adjectives that end a place's name: directions (``ريف حلب الشمالي``, ``الغوطة الشرقية``), the
#: kind of a base or airport (``مطار دمشق الدولي``, ``قاعدة الشعيرات الجوية``) and a town's new or
#: old quarter (``حلب الجديدة``, ``حلب القديمة``)
PLACE_ADJECTIVES = frozenset([
    "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الدولي", "الجوية", "العسكري",
    "الجديدة", "القديمة"])
_PLACE_HEADS_K, _PLACE_ADJECTIVES_K = keys(PLACE_HEADS), keys(PLACE_ADJECTIVES)


def place_phrases(text: str, spans: Sequence[Span]) -> list[Span]:
    """PLACE spans widened over a head noun just before them (``حي`` + ``جوبر``; a clitic
    glued to the head stays outside: ``ب`` + ``ريف حلب``) and the adjectives in
    :data:`PLACE_ADJECTIVES` just after them, where no other span lies."""
    out = []
    for span in spans:
        if span.label != "PLACE":
            out.append(span)
            continue
        start, end = span.start, span.end
        m = word_before(text, start, reach=20)
        if m and re.fullmatch(WORD, m.group(1)):
            word, a = m.group(1), m.start()
            cut = next((n for n in (0, 1, 2) if key(word[n:]) in _PLACE_HEADS_K
                        and (n == 0 or key(word[:n]) in CLITIC_PREFIXES)), None)
            if cut is not None and span_is_free(spans, a, start, span):
                start = a + cut
        while (m := word_after(text, end)) and key(m.group(1)) in _PLACE_ADJECTIVES_K \
                and span_is_free(spans, end, m.end(), span):
            end = m.end()
        out.append(span if (start, end) == (span.start, span.end)
                   else replace(span, start=start, end=end, text=text[start:end]))
    return drop_overlaps(out)


__all__ = ["ACTOR_ADJECTIVES", "ACTOR_HEADS", "CLITIC_PREFIXES", "CONSTRUCT_HEADS", "GAP", "NISBA_SINGULAR", "PLACE_ADJECTIVES",
           "PLACE_HEADS", "PLURAL_HEADS", "UNIT_KEYS", "UNIT_WORDS", "WORD", "actor_phrases", "drop_overlaps",
           "is_actor_adjective", "lexicon_words", "news_desks", "place_names", "place_phrases", "places_not_actors",
           "plain", "span_is_free", "strip_space", "word_after", "word_before",
           "writes_final_ya_as_alef_maqsura"]
