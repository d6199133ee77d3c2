"""Does a number count people? Rules for numbers that no COUNT span covers.

:func:`classify_number` returns either ``("count", None)`` when the words
around the number say it counts people (a people noun or a partitive group
follows, a casualty trigger governs it) or ``("non_count", reason)`` with the
reason: ``date``, ``year``, ``age``, ``duration``, ``thing``, ``ordinal``,
``percentage``, ``money`` or ``other``.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from hasila.link import cues
from hasila.link.text import TokenView, key, keys, phrases, variants
from hasila.text.arabic import dual_singulars, parse_number

_IN = frozenset({"في", "وفي", "فى"})  # ``في`` before a definite number word: an age or a day
NON_COUNT_REASONS: tuple[str, ...] = ("date", "year", "age", "duration", "thing", "ordinal",
                                      "percentage", "money", "list", "other")
_ALL_TRIGGERS = frozenset().union(*(cues.STATUS_TRIGGERS[s] for s in cues.CASUALTY_STATUSES))


def _strong_trigger(t: Any) -> bool:
    """A casualty word that says its fate wherever it stands (not a weak one: ``سقط``, ``حصيلة``)."""
    return t.has(_ALL_TRIGGERS) and not t.has(cues.WEAK_TRIGGERS)


_STEP_OVER = cues.QUALIFIER_WORDS | frozenset({"عن", "الى", "ال", "الـ", "حتي", "ب", "فيها", "فيه", "خلالها",
                                              "خلاله", "بها", "اليوم", "امس"}) | cues.DAYS
_SUBJECT_PARTICLES = frozenset(key(w) for w in ("أن", "إن", "ان", "لكن", "وأن", "وإن"))
_SUBSET_WORDS = frozenset(w for p in (*cues.SUBSET_BEFORE, *cues.BREAKDOWN_BEFORE) for w in p) - cues.LIST_PREPOSITIONS


class OntologyLike(Protocol):
    def category_of_noun(self, text: str) -> str | None: ...
    def category_of_group(self, text: str) -> str | None: ...
    def is_neutral_noun(self, text: str) -> bool: ...


def figure_at(view: TokenView, k: int, least: int | None = None) -> bool:
    """Does token ``k`` hold a figure: digits, or a number word (worth ``least`` or more when
    given: ``سبعة وخمسين``, not ``واحد``)?"""
    t = view[k]
    if t.is_digit:
        return True
    if not t.is_word:
        return False
    value = parse_number(t.text)
    return value is not None if least is None else (value or 0) >= least


def noun_category(ontology: OntologyLike, text: str) -> str | None:
    """``ontology.category_of_noun`` that also reads an accusative alif (عسكريا → عسكري) and the
    dual of a feminine noun in ة (فتاتين → فتاة)."""
    cid = ontology.category_of_noun(text)
    if cid is None and " " not in text.strip():
        bare = key(text.strip())  # folded: tanween dropped, a PDF's presentation forms read as letters
        if bare.endswith("ا") and len(bare) > 3:
            cid = ontology.category_of_noun(bare[:-1])
            if cid is not None and any(w in cues.COUNTRIES_IN_YA for w in variants(bare) if w != bare):
                cid = None  # (12 سوريا: Syrians; not لإيطاليا: to Italy)
        elif bare.endswith(("تين", "تان")) and len(bare) > 5:
            cid = ontology.category_of_noun(bare[:-3] + "ه")
    return cid


def people_noun_at(view: TokenView, i: int | None, ontology: OntologyLike) -> bool:
    """Is token ``i`` a noun that counts people (a category cue or a neutral noun), not the
    genitive of a body's name (``مجلس الأمن``)?"""
    if i is None:
        return False
    t = view[i]
    if not t.is_word or t.has(cues.THING_NOUNS) or t.has(cues.DURATION_UNITS) or t.plain(_SUBSET_WORDS):
        return False
    if i > 0 and view[i - 1].is_word and view[i - 1].has(cues.INSTITUTION_HEADS):
        return False
    return noun_category(ontology, t.text) is not None or ontology.is_neutral_noun(t.text)


#: A group phrase of the ontology: its place in the lists (first listed wins), its key words, its id.
_Phrase = tuple[int, tuple[str, ...], str]
_GROUP_INDEX: dict[int, tuple[Any, dict[str, list[_Phrase]], frozenset[str]]] = {}


def group_first_words(ontology: Any) -> frozenset[str]:
    """Folded first words of the ontology's group phrases (``وحدات`` of وحدات حماية الشعب)."""
    return _group_tables(ontology)[2]


def _group_index(ontology: Any) -> dict[str, list[_Phrase]]:
    """The ontology's group phrases by their folded first word, each list in the lists' order."""
    return _group_tables(ontology)[1]


def _group_tables(ontology: Any) -> tuple[Any, dict[str, list[_Phrase]], frozenset[str]]:
    """The ontology, its group phrases by first word and those first words, built once per ontology."""
    cached = _GROUP_INDEX.get(id(ontology))
    if cached is not None and cached[0] is ontology:
        return cached
    seen: dict[tuple[str, ...], str] = {}
    for cat in getattr(ontology, "categories", ()):
        for phrase in cat.groups:
            seen.setdefault(tuple(key(phrase).split()), cat.id)
    by_first: dict[str, list[_Phrase]] = {}
    for place, (words, cid) in enumerate(seen.items()):
        by_first.setdefault(words[0], []).append((place, words, cid))
    tables = (ontology, by_first, frozenset(by_first))
    _GROUP_INDEX[id(ontology)] = tables
    return tables


#: Adjectives that make an unnamed unit a fighting one (``فرقة سورية مقاتلة``, ``فصيل معارض``).
_FIGHTING = frozenset(key(w) for w in ("مقاتلة", "مقاتل", "معارضة", "معارض", "المقاتلة", "المعارضة"))


#: Brackets around a group's name after its head word (``تنظيم (داعش)``), read as quotes.
_NAME_BRACKETS = frozenset("()")


def group_after(view: TokenView, i: int, ontology: OntologyLike, width: int = 8) -> tuple[str | None, int, int]:
    """The partitive group that starts at token ``i`` (after ``من``): ``(category, first, last)``.

    The longest group phrase of the ontology that starts exactly there (a
    clitic allowed on its first word), else the first word as a people noun
    (``الجهاديين``, ``المدنيين``); fillers such as ``أفراد`` are stepped over.
    """
    j = i
    while j < len(view) and (view[j].is_quote or view[j].key in cues.AFFILIATION_FILLERS
                             or view[j].text == "("):  # من عناصر (داعش)
        j += 1
    words: list[int] = []
    k = j
    while k < len(view) and len(words) < width:
        t = view[k]
        if t.is_quote or (words and t.text in _NAME_BRACKETS):
            k += 1  # تنظيم "داعش", تنظيم (داعش): a name quoted or bracketed after its head
            continue
        if not (t.is_word or (t.is_digit and words)):
            break  # a digit only inside a name (الفرقة 30)
        words.append(k)
        k += 1
    if not words:
        return None, j, j
    by_first = _group_index(ontology)
    best: tuple[int, str] | None = None
    cid: str | None
    for _, phrase, cid in sorted(p for form in set(variants(view[words[0]].key)) for p in by_first.get(form, ())):
        n = len(phrase)
        if n > len(words):
            continue
        if all(view[words[m]].key == phrase[m] or phrase[m] in variants(view[words[m]].key)
               for m in range(1, n)) and (best is None or n > best[0]):
            best = (n, cid)
    if best is not None:
        last = words[best[0] - 1]
        opened = any(view[x].text == "(" for x in range(max(0, words[0] - 1), last))
        if opened and last + 1 < len(view) and view[last + 1].text == ")":
            last += 1  # تنظيم (داعش): the closing bracket belongs to the name
        return best[1], words[0], last
    if len(words) > 1 and not view[words[0]].key.startswith(("ال", "و")) \
            and noun_category(ontology, view[words[0]].text) in ("people", "civilian"):
        cid, _, last = group_after(view, words[1], ontology, width)
        if cid is not None and last > words[1]:
            return cid, words[0], last  # عمال فرق الإنقاذ: a member noun, the group after it decides
    if view[words[0]].has(cues.GROUP_HEADS) and not view[words[0]].key.startswith("ال"):
        fighting = next((w for w in words[1:3] if view[w].key in _FIGHTING), None)
        if fighting is not None:
            return "fighter", words[0], fighting  # من فرقة سورية مقاتلة: an unnamed fighting unit
    if view[words[0]].has(cues.THING_NOUNS):
        return None, j, j
    cid = noun_category(ontology, view[words[0]].text) or possessed_noun_category(ontology, view[words[0]].text)
    if cid is not None:
        return cid, words[0], words[0]
    return None, j, j


#: Possessive pronouns at a noun's end, longest first (``هما`` before ``ها``… ``ه``).
POSSESSIVES = ("هما", "هم", "هن", "ها", "نا", "ه")


def construct_noun_category(ontology: OntologyLike, word: str) -> str | None:
    """The category of a people noun, or of a sound plural written without its ``ن`` (the
    construct before a pronoun: ``عسكريي`` of عسكريينا, ``مواطني`` of مواطنيه)."""
    cid = noun_category(ontology, word)
    if cid is None and key(word).endswith("ي"):
        cid = noun_category(ontology, word + "ن")
    return cid


def possessed_noun_category(ontology: OntologyLike, word: str) -> str | None:
    """``جنودها``, ``أطفالهم``, ``عسكريينا``: the category of a people noun carrying a possessive
    pronoun (a sound plural may have dropped its ن before it: عسكريي-نا)."""
    word = key(word)
    for p in POSSESSIVES:
        if word.endswith(p) and len(word) - len(p) >= 3:
            cid = construct_noun_category(ontology, word[:-len(p)])
            if cid is not None:
                return cid
    return None


def possessed_people(ontology: OntologyLike, word: str) -> tuple[str, int, int] | None:
    """``وأطفالهما``, ``أطفالها``: the category of a people noun written with a possessive pronoun,
    and where the noun lies in ``word`` (after a glued و/ف, before the pronoun); not a feminine
    ``ة`` the folding reads as ``ه`` (``العسكرية``)."""
    pronoun = next((p for p in POSSESSIVES if word.endswith(p)), None)
    if pronoun is None:
        return None
    for clitic in (1, 0) if word[:1] in "وف" else (0,):  # the glued و first: وأطفالهما is أطفال
        cid = possessed_noun_category(ontology, word[clitic:])
        if cid is not None:
            return cid, clitic, len(word) - len(pronoun)
    return None


def _next_word(view: TokenView, end: int) -> int | None:
    return view.next_word(view.first_at_or_after(end), skip=frozenset({"ال", "الـ"}))


def _can_carry(view: TokenView, start: int) -> bool:
    """Is the number at ``start`` what something can carry (``يمكنها تحمل 50``, ``تستطيع … أن
    تقل حتى 40``): a verb of carrying right after أن or a word of being able?"""
    before = _prev_words(view, start, 4)
    carry = next((n for n, p in enumerate(before[:3]) if view[p].key in _CARRY), None)
    if carry is None or carry + 1 >= len(before):
        return False
    word = view[before[carry + 1]]
    return word.key in _ABLE or word.text == _THAT


def _prev_words(view: TokenView, start: int, n: int) -> list[int]:
    out: list[int] = []
    i = view.last_before(start)
    while i >= 0 and len(out) < n:
        t = view[i]
        if view.is_sentence_end(i):
            break
        if t.is_word:
            out.append(i)
        i -= 1
    return out


#: Words that follow a number whose noun is left out (``و12 على مناطق``, ``و12 أخرى``).
_AFTER_ELIDED = keys("""في على من داخل قرب بالقرب بين أخرى جراء بسبب نتيجة إثر اثر برصاص بنيران
                        بجروح بحروق بجراح بإصابات بحالات""")
#: Words of where after the first figure of a breakdown by place (``15 فلسطينيا، اثنان في رفح``).
PLACE_AFTER_ITEM = keys("في قرب بالقرب داخل")
#: ``14 منهم``, ``20 آخرين``: a figure of people with no noun, whose elided list item counts people.
_THEM_AFTER = keys("منهم منهن آخرين آخرون")
#: How far back the figure whose noun an elided one shares may be (same sentence).
_ELIDED_REACH = 12


def _elided_noun(view: TokenView, start: int, nxt: int | None, ontology: OntologyLike) -> tuple[str, str | None] | None:
    """``شن 14 غارة على الريف، و6 على المدينة``, ``30 قذيفة … و12 أخرى``, ``قتل 20 شخصا في درعا،
    وسبعة في حمص``: a figure after و with no noun of its own (a preposition or أخرى follows), or
    after a comma or colon with a place after it (``إصابة 15 فلسطينيا، اثنان في رفح``), counts
    what the figure before it in its sentence counts: things after a number of things,
    people after a number of people, else the other evidence decides."""
    if nxt is None or view[nxt].key not in _AFTER_ELIDED:
        return None
    i = view.first_at_or_after(start)
    if i < len(view) and view[i].start < start and view.glued_prefix(i, start) == "و":
        i -= 1  # وسبعة: the و is glued to the figure
    else:
        i = view.last_before(start)
        while i >= 0 and view[i].is_word and view[i].key in cues.QUALIFIER_WORDS:
            i -= 1  # و نحو مليون
        word = view[i].key if i >= 0 else ""
        first_of_places = word in (",", ":") and view[nxt].key in PLACE_AFTER_ITEM
        if word != "و" and not (word[:1] == "و" and word[1:] in cues.QUALIFIER_WORDS) \
                and not first_of_places:  # ونحو مليون; 15 فلسطينيا، اثنان في رفح
            return None
        i -= 1
    k, stop = i, i - _ELIDED_REACH
    while k >= 0 and k > stop:
        if view.is_sentence_end(k):
            return None
        if figure_at(view, k):
            noun = view.next_word(k + 1)
            if noun is not None and view[noun].key == "من":  # 15 من الضحايا في القاهرة و4 في …
                after = view.next_word(noun + 1)
                if after is not None and (people_noun_at(view, after, ontology)
                                          or (view[after].has(cues.THING_NOUNS) and view[after].key.startswith("ال"))):
                    noun = after  # (not خمسة من دول …، واثنين من المغرب: من there says where from)
            if noun is not None and view[noun].key in _AFTER_ELIDED and _after_of_them(view, k):
                return "count", None  # منهم 91 في ريف دمشق، 32 في حماة: more of the same people
            if noun is not None and view[noun].key in _AFTER_ELIDED:
                stop = k - _ELIDED_REACH  # an earlier item of the same list: its figure's noun decides
            elif noun is not None and view[noun].key in _INTRO_WORDS and _people_before(view, k, ontology):
                return "count", None  # القتلى الـ16 كالتالي: ثلاثة في …، واحد في …: where the dead were
            elif noun is not None and view[noun].has(cues.THING_NOUNS) and not people_noun_at(view, noun, ontology):
                return "non_count", "thing"
            elif noun is not None and (people_noun_at(view, noun, ontology) or view[noun].plain(_THEM_AFTER)) \
                    and not view[noun].has(cues.DURATION_UNITS) \
                    and view[nxt].key != "من":  # و9 آلاف من صواريخ: a partitive names its own noun
                return "count", None  # 14 منهم في سجن صيدنايا، و7 في أقبية الفرع: of the same people
            else:
                return None
        k -= 1
    return None


#: One-word openers of a distribution (``كالتالي``).
_INTRO_WORDS = frozenset(p[0] for p in cues.DISTRIBUTION_INTRO_KEYS if len(p) == 1)
_ARTICLE = keys("ال الـ")


def _after_of_them(view: TokenView, k: int) -> bool:
    """Is the figure at token ``k`` right after ``منهم`` / ``بينهم`` (quotes between)?"""
    p = view.prev_word(k - 1)
    return p is not None and view[p].key in cues.OF_THEM | _AMONG_THEM


_AMONG_THEM = keys("بينهم بينهن وبينهم ومنهم")


def _people_before(view: TokenView, k: int, ontology: OntologyLike) -> bool:
    """Is the figure at token ``k`` right after a people noun, its article between (``القتلى الـ16``)?"""
    p = view.prev_word(k - 1)
    if p is not None and view[p].key in _ARTICLE:
        p = view.prev_word(p - 1)
    return p is not None and people_noun_at(view, p, ontology)


def _year_then_definite(view: TokenView, start: int, j: int) -> bool:
    """``في بداية 2014 الأسير المحرر``: a figure shaped like a year followed by a definite noun
    is the year (the noun a figure counts is indefinite: ``2014 أسيرا``)."""
    i = view.first_at_or_after(start)
    return i < len(view) and view[i].is_digit and _YEAR_SHAPE.fullmatch(view[i].key) is not None \
        and view[j].key.startswith("ال") and len(view[j].key) > 3


def _year_range_end(view: TokenView, start: int) -> bool:
    """``بين 2003 و2017``, ``عامي 1992 و1995``: the figure after و closes a range whose first
    figure, after بين or a word for years, is shaped like a year."""
    i = view.first_at_or_after(start)
    p = view.last_before(start)
    if p >= 0 and view[p].key == "و":
        p = view.last_before(view[p].start)  # و standing as a token of its own
    elif 0 < i < len(view) and view.glued_prefix(i, start) == "و":
        p = view.last_before(view[i].start)
    else:
        return False
    if p < 1 or not (view[p].is_digit and _YEAR_SHAPE.fullmatch(view[p].key)):
        return False
    before = view.last_before(view[p].start)
    return before >= 0 and (view[before].key in ("بين", "عامي", "سنتي", "الفترة") or view[before].has(cues.YEAR_BEFORE))


def _event_of_the_year(view: TokenView, start: int) -> bool:
    """``حرب 2014``, ``مونديال 1998``, ``كأس العالم 2018``: an event named by its year."""
    prev = _prev_words(view, start, 2)
    if not prev or prev[0] != view.last_before(start):
        return False
    return view[prev[0]].has(_EVENTS) or (len(prev) == 2 and view[prev[1]].has(_CUPS))


#: ``دور الـ16``, ``ودور الثمانية``: a cup's round named by how many teams play it.
_ROUND_WORDS = keys("دور")
#: Events named by their year (``حرب 2014``, ``مونديال 2018``), and cups named by a second word.
_EVENTS = keys("حرب الحرب حروب مونديال المونديال أولمبياد الأولمبياد انتخابات الانتخابات")
_CUPS = keys("كأس بطولة دورة")


def _in_the_year(view: TokenView, i: int) -> bool:
    """``عام 2013`` at token ``i``: the year something befell the number before, no length of time
    (``وقتلت 584 ألفا عام 2013``)."""
    j = i + 1
    return view[i].key in _YEAR_WORDS and j < len(view) and view[j].is_digit \
        and _YEAR_SHAPE.fullmatch(view[j].key) is not None


_YEAR_WORDS = keys("عام العام سنة")


def count_evidence(view: TokenView, start: int, end: int, ontology: OntologyLike) -> bool:
    """Words around ``[start, end)`` that say the number counts people."""
    j = _next_word(view, end)
    if j is not None and _year_then_definite(view, start, j):
        return False
    if j is not None:  # على الأقل may come between the number and its noun
        q = view.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)
        if q is not None:
            j = view.next_word(j + len(q))
    if j is not None:
        t = view[j]
        if t.has(cues.TOTAL_WORDS):
            k = view.next_word(j + 1)
            return k is None or not view[k].has(cues.THING_NOUNS)  # 93 تعداد القتلى, not عدد محاولات
        if t.has(cues.OTHERS_WORDS) or (t.plain(_SUBSET_WORDS) and not _by_whom(view, j)):
            return True  # 60 آخرين / 91 بينهم / 103 من عناصره
        if t.key in _IN and (k := view.next_word(j + 1)) is not None and view[k].key in _RANKS \
                and (m := view.next_word(k + 1)) is not None and view[m].has(_ALL_TRIGGERS):
            return True  # 4 في عداد المفقودين: among the missing
        if (ranks := view.phrase_starting_at(j, _IN_THE_RANKS)) is not None \
                and group_after(view, j + len(ranks), ontology)[0] is not None:
            return True  # مقابل سبعة في صفوف قوات النظام: counted in a side's ranks
        if in_hospital_after(view, j):
            return True  # أكثر من 100 نقلوا إلى مستشفى: people taken to hospital
        if taken_to_hospital(view, view.first_at_or_after(start), j):
            return True  # ونقل 40 إلى المستشفى
        if t.has(cues.CASE_WORDS):
            k = view.next_word(j + 1)
            if k is not None and (view[k].has(_ALL_TRIGGERS) or view[k].has(cues.CASE_KINDS)):
                return True  # 70 حالة اختناق / 687 حالة اعتقال
        if people_noun_at(view, j, ontology):
            return True
        if people_nisba(t) or (genitive_nisba(t) and (parse_number(view.text[start:end]) or 0) >= 100):
            return True  # خمسة سعوديين, 60 فلسطينيا, 1500 لبناني: people of that nation or kind
        if t.key == "من":
            cid, _, _ = group_after(view, j + 1, ontology)
            if cid is not None or people_noun_at(view, view.next_word(j + 1), ontology):
                return True
        if _strong_trigger(t) or t.has(cues.STATUS_TRIGGERS["other"]):
            return True  # 21 توفوا / ألفين خرجوا
        if t.has(cues.WEAK_TRIGGERS) and (k := view.next_word(j + 1)) is not None \
                and _strong_trigger(view[k]):
            return True  # العشرات سقطوا قتلى, 12 لقوا حتفهم: the weak verb's own casualty word
        if _kinds_between(view, j, ontology):
            return True  # 40 ما بين قتيل وجريح, 37 ما بين رجال أمن ومواطنين
        if t.key.startswith("و") and t.has(_ALL_TRIGGERS) and _others_counted_after(view, j):
            return True  # 206 وأصابت 227 آخرين: the others of the toll after say this one counts people
        if (t.has(cues.THING_NOUNS) and not _behind_preposition(t.key)) \
                or t.has(cues.DURATION_UNITS):
            return False
    # a trigger or subset marker right before (qualifiers, عن/إلى, فيها stepped over)
    n = -1
    for i in _prev_words(view, start, 5):
        t = view[i]
        if t.key in _STEP_OVER:
            continue
        n += 1
        if _strong_trigger(t):
            return True
        if t.plain(_SUBSET_WORDS):
            return True
        if n == 0 and _trigger_then_in(view, i) and not view[view.first_at_or_after(start)].is_digit:
            return True  # وقتل في الصراع عشرات الآلاف: the verb, a phrase of where, the amount
        if n == 0 and t.has(cues.STATUS_TRIGGERS["other"]):
            return True  # وغادر الآلاف
        if n == 0 and t.key in cues.NUMBER_OF_THEM:
            return True  # المصابين وعددهم 35, ركابها البالغ عددهم 239: how many people they are
        if n == 0 and view.text[start:end].startswith("ال") and (
                people_noun_at(view, i, ontology)
                or (i == view.last_before(start) and possessed_people(ontology, t.text) is not None)):
            return True  # الانتحاريون العشرة / الجرحى الثلاثة / وأطفالهما الثلاثة
        if n == 0 and _toll_and_its_adjective(view, start, i, ontology):
            return True  # القتلى المدنيين الـ12
        break
    return _toll_reaches(view, start, ontology) or _joined_to_among(view, start)


def _toll_and_its_adjective(view: TokenView, start: int, i: int, ontology: OntologyLike) -> bool:
    """``القتلى المدنيين الـ12``, ``الضحايا البريطانيين الـ30``: a toll noun, one adjective of
    who they are at token ``i``, and the figure with its article standing apart: how many they are."""
    art = view.last_before(start)
    p = i - 1
    return art == i + 1 and _standing_article(view[art]) and p >= 0 and view[p].is_word \
        and view[p].key.startswith("ال") and _strong_trigger(view[p]) \
        and view[i].key.startswith("ال") and people_noun_at(view, i, ontology)


def their_number_before(view: TokenView, t0: int) -> int | None:
    """The token of ``عددهم`` right before token ``t0`` (a qualifier stepped over: ``المصابين وعددهم
    نحو 35``), else ``None``."""
    i = t0 - 1
    while i >= 0 and (not view[i].is_word or view[i].key in cues.QUALIFIER_WORDS) and not view.is_boundary(i):
        i -= 1
    return i if i >= 0 and view[i].is_word and view[i].key in cues.NUMBER_OF_THEM else None


def _trigger_then_in(view: TokenView, i: int) -> bool:
    """``قتل في الصراع``: token ``i`` is the one word after ``في`` that follows a casualty verb
    (not a time: ``قتل في الساعة``, ``في عام``)."""
    if view[i].has(cues.DURATION_UNITS) or view[i].key in _TIMES:
        return False
    p = view.prev_word(i - 1)
    q = view.prev_word(p - 1) if p is not None and view[p].key == "في" else None
    return q is not None and _strong_trigger(view[q]) \
        and view[q].key not in _LOSE


#: Times after ``في`` (``قتل في الساعة``, ``في آن واحد``, ``في آخر``): when, not where.
_TIMES = keys("الساعة ساعة الصباح المساء الليل الظهر الفجر العصر آن آخر")
#: ``خسر في سبع من تسع مباريات``: lost (a match, a seat) as often as a life.
_LOSE = keys("خسر خسرت خسروا يخسر تخسر يخسرون يخسروا")


def _joined_to_among(view: TokenView, start: int) -> bool:
    """``بينهم طفل بجروح بليغة، وأربعة بحالة خطرة``: a number joined by و to a list of people
    that ``بينهم`` (``منهم``, ``من بينهم``) opened a few words before it, with no figure between."""
    n = view.first_at_or_after(start)  # the number's token (``وخمسة``: و glued to it)
    if n >= len(view):
        return False
    if view[n].start < start:
        joined, k = view.glued_prefix(n, start) == "و", n
    else:
        joined, k = n > 0 and view[n - 1].key == "و", n - 1
    j = view.next_word(n + 1)
    if not joined or (j is not None and view[j].key in _TO and j + 1 < len(view) and view[j + 1].is_digit):
        return False  # بينهم امرأة و15 إلى 20 جريحا: the bound of a range, not a count of its own
    for i in range(k - 1, max(-1, k - 1 - _AMONG_LIST_REACH), -1):
        if view.is_sentence_end(i) or view[i].is_digit:
            return False
        if view[i].is_word and view[i].key in _AMONG_THEM:
            return True
    return False


#: Tokens back from a number joined by و to the ``بينهم`` that opened its list.
_AMONG_LIST_REACH = 8
_AMONG_THEM = keys("بينهم بينهن منهم منهن")
_TO = keys("إلى الى")


#: Words in ``يا`` after a figure that are no nisba of people: plurals of things, adverbs of
#: time, place or manner, and countries.
_NO_PEOPLE_IN_YA = keys("""
    خلايا شظايا قضايا مزايا سبايا ميليشيا زوايا هدايا بقايا وصايا ضحايا عطايا خطايا حوايا
    رسميا سنويا شهريا يوميا أسبوعيا اسبوعيا عالميا محليا دوليا تواليا حاليا نهائيا مبدئيا فعليا
    جزئيا كليا إضافيا اضافيا أوليا مجانيا تلقائيا عمليا نظريا فوريا جماعيا فرديا تدريجيا
    كينيا سوريا تركيا روسيا ليبيا بريطانيا إيطاليا ايطاليا ألمانيا المانيا إسبانيا اسبانيا إثيوبيا
    اثيوبيا نيجيريا ماليزيا إندونيسيا اندونيسيا أستراليا استراليا كولومبيا رومانيا تنزانيا كمبوديا
    صربيا سلوفاكيا سلوفينيا كرواتيا بلغاريا ألبانيا البانيا جورجيا أرمينيا ارمينيا منغوليا بوليفيا
    رنمينبيا
    """)


def people_nisba(t: Any) -> bool:
    """A nisba right after a figure counts people of that nation or kind: plural (``خمسة
    سعوديين``) or the accusative singular a figure from 11 up takes (``60 فلسطينيا``)."""
    plural = t.is_word and len(t.key) > 4 and t.key.endswith(("يين", "يون")) and not t.key.endswith("ليون")
    return plural or _accusative_nisba(t)


def genitive_nisba(t: Any) -> bool:
    """``لبناني``, ``يمني``: a nisba in the genitive singular, which a figure of a hundred or
    more takes (``1500 لبناني``); not a word in alif maqsura (``مبنى``), a direction or a thing."""
    k = t.key[1:] if t.key[:1] in "وف" else t.key
    return t.is_word and len(k) >= 4 and t.text.endswith("ي") and not k.startswith(("ال", "لل")) \
        and not t.has(_NO_PEOPLE_IN_I) and not t.has(cues.THING_NOUNS)


#: Words in ``ي`` after a figure that are no nisba of people: directions and the like.
_NO_PEOPLE_IN_I = keys("""
    جنوبي شمالي غربي شرقي ضواحي حوالي أراضي اراضي نواحي ليالي أيادي ايادي مباني استرليني إسترليني موبايلي
    """)


def _accusative_nisba(t: Any) -> bool:
    """``فلسطينيا``, ``عراقياً``, ``مصريًا``: a nisba in the accusative singular (a figure from 11 up
    takes it), not a plural of things, an adverb or a country."""
    return t.is_word and len(t.key) >= 6 and t.key.endswith("يا") and not t.has(_NO_PEOPLE_IN_YA)


#: Four digits a year may be written with (1900-2099).
_YEAR_SHAPE = re.compile(r"(?:19|20)\d\d")
#: Scale words after a figure (``12 ألفا``): the noun comes after them.
_SCALES = keys("ألف ألفا آلاف الف الفا الاف مليون ملايين مليار")


#: The word between a range's two figures after بين.
_RANGE_JOINERS = keys("و إلى الى")


def _range_end(view: TokenView, start: int, end: int) -> tuple[int, int] | None:
    """``بين 12 ألفا و16 ألف``: the token of the range's second figure and the token after it
    and its scale words, when the figure at ``[start, end)`` opens a range after بين."""
    prev = _prev_words(view, start, 1)
    if not prev or view[prev[0]].key != "بين":
        return None
    k = view.first_at_or_after(end)
    while k < len(view) and view[k].is_word and view[k].has(_SCALES):
        k += 1
    if k < len(view) and view[k].key in _RANGE_JOINERS:
        k += 1  # بين 12 و16 ألف, ما بين 10 إلى 15 ألف
    elif not (k < len(view) and view[k].key.startswith("و") and parse_number(view[k].text[1:]) is not None):
        return None
    if k >= len(view) or not figure_at(view, k):
        return None
    second = k
    k += 1
    while k < len(view) and view[k].is_word and view[k].has(_SCALES):
        k += 1
    return second, k


def _range_start(view: TokenView, start: int, end: int, ontology: OntologyLike) -> bool:
    """``بين 12 ألفا و16 ألف شخص``: the first figure of a range after بين counts the people
    the second one's noun names."""
    found = _range_end(view, start, end)
    return found is not None and people_noun_at(view, view.next_word(found[1]), ontology)


def opens_range(view: TokenView, start: int, end: int, second: int) -> bool:
    """Does the figure at ``[start, end)`` open a range after بين whose second figure is the
    count at token ``second`` (``بين 20 و30 طفلا``)?"""
    found = _range_end(view, start, end)
    return found is not None and found[0] == second


def either_or(view: TokenView, first_end: int, second: int) -> bool:
    """``أربعة أو خمسة مقاتلين``: the figure at token ``second`` comes right after ``أو`` after the
    figure ending before token ``first_end``: one estimate or the other, the same people."""
    return second == first_end + 1 and first_end < len(view) and view[first_end].key in _OR


_OR = keys("أو")


def range_side(view: TokenView, t0: int, start: int, end: int) -> str | None:
    """``at_least`` for the first figure of a range after بين (at token ``t0``, chars ``[start,
    end)``), ``at_most`` for its second (``بين 12 ألفا و16 ألف``), else None."""
    if _range_end(view, start, min(end, view[t0].end) if t0 < len(view) else end) is not None:
        return "at_least"  # also a span holding the whole range (ما بين 10 إلى 15 ألف): its floor
    return "at_most" if _range_opener(view, t0, start) is not None else None


def _range_opener(view: TokenView, t0: int, start: int) -> int | None:
    """The token of the first figure of the range after بين whose second figure is the number
    at token ``t0`` (chars from ``start``), else None."""
    if view.glued_prefix(t0, start) == "و":  # و30: the figure before is the token before
        k = t0 - 1
    elif t0 > 0 and view[t0 - 1].key in _RANGE_JOINERS:  # و 30, إلى 30
        k = t0 - 2
    else:
        return None
    while k >= 0 and view[k].is_word and view[k].has(_SCALES):
        k -= 1  # بين 12 ألفا و16 ألف: step back over the first figure's scale
    if k < 0 or not figure_at(view, k):
        return None
    return k if opens_range(view, view[k].start, view[k].end, t0) else None


def range_opener_start(view: TokenView, start: int) -> int | None:
    """Where the first figure of the range closed by the number at ``start`` begins, else None."""
    k = _range_opener(view, view.first_at_or_after(start), start)
    return view[k].start if k is not None else None


def _closes_counted_range(view: TokenView, start: int, ontology: OntologyLike) -> bool:
    """``بين 20 و30 طفلا``, ``ما بين 10 إلى 15 ألف مقاتل``: the second figure of a range whose
    first figure, with no scale of its own, counts the people; the range is one count, at its
    floor (the gold's one span), so the second is no count of its own. A first figure with its
    own scale (``بين 12 ألفا و16 ألف``) is a count of its own, and so is the second."""
    k = _range_opener(view, view.first_at_or_after(start), start)
    return k is not None and not (k + 1 < len(view) and view[k + 1].has(_SCALES)) \
        and _range_start(view, view[k].start, view[k].end, ontology)


def range_value(view: TokenView, start: int, end: int, value: int) -> int:
    """The first figure of a range in the scale of the second (``بين 12 و16 ألف شخص``: 12,000),
    where it has none of its own and is smaller than the second's own figure."""
    found = _range_end(view, start, end)
    k = view.first_at_or_after(end)
    if found is None or found[1] == found[0] + 1 or (k < len(view) and view[k].has(_SCALES)):
        return value  # no scale after the second figure, or one after the first
    second, after = found
    own = parse_number(view[second].text) or 0
    scale = parse_number(f"1 {view.text[view[second + 1].start:view[after - 1].end]}") or 1
    return value * scale if value < own * 10 and scale > 1 else value


def _kinds_between(view: TokenView, j: int, ontology: OntologyLike) -> bool:
    """``(ما) بين قتيل وجريح``, ``ما بين رجال أمن ومواطنين``, ``بين الجرحى`` from word ``j`` on:
    the kinds or fates the figure before is shared between, or the casualties it is among (not
    ``بين 8 و13 عاما``, nor a war's year ``2014 بين الجيش والفصائل``)."""
    b = view.next_word(j + 1) if view[j].key == "ما" else j
    if b is None or view[b].key != "بين":
        return False
    k = view.next_word(b + 1)
    return k is not None and (view[k].has(_ALL_TRIGGERS) or (
        people_noun_at(view, k, ontology) and not _definite(view[k].key)))


def _toll_reaches(view: TokenView, start: int, ontology: OntologyLike) -> bool:
    """``ارتفعت حصيلة قتلى قوات النظام إلى 209``, ``عدد المصابين يتجاوز 50``, ``ارتفاع الحصيلة
    إلى أكثر من 15 ألفا``: the number is what a toll of people (الحصيلة, or عدد/حصيلة + a
    casualty or people word, or عدد الذين قتلوا) reaches, in one clause."""
    i = view.last_before(start)
    while i >= 0 and view[i].is_word and view[i].key in cues.QUALIFIER_WORDS and not view[i].has(cues.REACH_WORDS):
        i -= 1  # إلى أكثر من 15 ألفا (تجاوز: a qualifier and the reach verb itself)
    if i < 0 or not view[i].is_word or not view[i].has(cues.REACH_WORDS):
        return _toll_reached_before(view, i, ontology)
    for j in range(i - 1, max(-1, i - _RISEN_TOLL_REACH), -1):
        if view.is_boundary(j):
            return False
        if view[j].is_word and i - j <= _TOLL_REACH and human_losses(view, j):
            return True  # ارتفعت الخسائر البشرية إلى 27: the human losses, a toll of people
        if view[j].is_word and view[j].has(cues.TOTAL_WORDS):
            if i - j <= _TOLL_REACH:
                return _names_a_toll(view, j, ontology)
            return _risen(view, j) and _names_a_toll(view, j, ontology, casualties=True) \
                and not any(view[k].has(cues.ILLNESSES) or view[k].has(cues.ILLNESS_NOUNS) for k in range(j, i))
    return False


def _trigger_before_people(view: TokenView, p: int, nxt: int | None, ontology: OntologyLike) -> bool:
    """The word at ``p`` before one (أحد) is a casualty word as well as a thing (``أسر``: capture or
    families), said as a deed (``تم أسر``) and a people noun follows the one (``تم أسر أحد عناصر
    الحوثيين``): the capture (not ``زار أسر أحد الضحايا``, the families)."""
    done = view.prev_word(p - 1) if p > 0 else None
    return view[p].has(_ALL_TRIGGERS) and done is not None and view[done].key in _DONE \
        and nxt is not None and people_noun_at(view, nxt, ontology)


_DONE = keys("تم وتم")


def _others_counted_after(view: TokenView, j: int) -> bool:
    """After the verb at ``j``, a figure in digits and a word for others (``وأصابت 227 آخرين``)."""
    k = view.next_word(j + 1)
    m = view.next_word(k + 1) if k is not None and view[k].is_digit else None
    return m is not None and view[m].has(cues.OTHERS_WORDS)


def _by_whom(view: TokenView, j: int) -> bool:
    """``من قبل`` at token ``j``: "by" (``تدفع بالملايين من قبل أهل القاتل``), no partitive."""
    k = view.next_word(j + 1)
    return view[j].key == "من" and k is not None and view[k].key == "قبل"


def in_hospital_after(view: TokenView, j: int) -> bool:
    """From token ``j`` on, in its clause, a verb says people were taken to or lie in hospital
    (``نقلوا إلى المستشفى``, ``لا يزالون في المستشفى``, ``يتلقون العلاج في مستشفى``): the wounded."""
    verb = False
    for k in range(j, min(len(view), j + _HOSPITAL_REACH)):
        if view.is_boundary(k):
            return False
        t = view[k]
        if not t.is_word:
            continue
        if t.key in _HOSPITALS:
            return verb
        if t.key in _HOSPITAL_VERBS:
            verb = True
        elif t.key not in _TO_HOSPITAL and t.key not in cues.QUALIFIER_WORDS:
            return False
    return False


def taken_to_hospital(view: TokenView, i: int, j: int) -> bool:
    """A verb of taking right before the count at token ``i`` and, from token ``j`` after it,
    a hospital (``ونقل 66 آخرون إلى المستشفيات``, ``تم نقل نحو 20 شخصا إلى مستشفى``): the wounded."""
    p = view.prev_word(i - 1, skip=cues.QUALIFIER_WORDS) if i > 0 else None
    if p is None or view[p].key not in _TAKING_VERBS:
        return False
    for k in range(j, min(len(view), j + _TAKEN_REACH)):
        t = view[k]
        if view.is_boundary(k):
            return False
        if t.key in _HOSPITALS:
            return True
        if t.is_word and t.key not in _TO and not t.has(cues.OTHERS_WORDS) and t.key not in cues.OF_THEM:
            return False
    return False


#: Verbs of taking people to hospital, right before their count (``نقل``, ``أدخل``).
_TAKING_VERBS = keys("نقل ونقل أدخل وأدخل ادخل وادخل")
_TO = keys("إلى الى")
_TAKEN_REACH = 4  # tokens from a count (or its noun) to the hospital, only إلى (or others) between


#: Tokens from a count (or its noun) to the hospital its people were taken to.
_HOSPITAL_REACH = 7
_HOSPITALS = keys("مستشفى المستشفى مستشفيات المستشفيات")
_HOSPITAL_VERBS = keys("نقلوا أدخلوا ادخلوا يرقدون يتلقون زالوا مازالوا يزالون لايزالون")
#: The words that may stand between such a verb and the hospital (``نقلوا جميعا إلى``).
_TO_HOSPITAL = _TO | keys("ما لا في جميعا جميعهم العلاج")
#: ``في صفوف``: a bare figure counted in a side's ranks.
_IN_THE_RANKS = phrases(["في صفوف", "من صفوف", "بصفوف"])


def _risen(view: TokenView, j: int) -> bool:
    """``يرتفع (إجمالي) عدد القتلى``: a verb of rising opens the toll at ``j``."""
    p = view.prev_word(j - 1)
    if p is not None and view[p].has(cues.TOTAL_WORDS):
        p = view.prev_word(p - 1)
    return p is not None and view[p].has(cues.RISE_WORDS)


def _toll_reached_before(view: TokenView, i: int, ontology: OntologyLike) -> bool:
    """``بلغ عدد الذين قتلوا في محافظة درعا منذ مطلع العام 96``: the clause before the number
    (its last word at ``i``) opens with a reach verb and the toll it names, the number its end."""
    for j in range(i, max(0, i - _TOLL_CLAUSE_REACH), -1):
        if j < 0 or view.is_boundary(j) or view[j].is_digit:
            return False
        if view[j].is_word and view[j].has(cues.TOTAL_WORDS):
            p = view.prev_word(j - 1)
            return p is not None and view[p].has(cues.REACH_WORDS) and _names_a_toll(view, j, ontology, casualties=True)
    return False


def _names_a_toll(view: TokenView, j: int, ontology: OntologyLike, casualties: bool = False) -> bool:
    """Is the total word at ``j`` a toll of people: الحصيلة, or عدد/حصيلة + a casualty or people
    word (``عدد القتلى``, ``عدد الذين قتلوا``; with ``casualties`` a casualty word only, not
    ``عدد المرضى``)?"""
    if view[j].key in _THE_TOLL:
        return True
    k = view.next_word(j + 1)
    if k is not None and view[k].key == "الذين":
        k = view.next_word(k + 1)
    if k is not None and human_losses(view, k):
        return True  # حصيلة الخسائر البشرية: the human losses, a toll of people
    return k is not None and (view[k].has(_ALL_TRIGGERS) or (not casualties and people_noun_at(view, k, ontology)))


def human_losses(view: TokenView, k: int) -> bool:
    """Token ``k`` opens ``الخسائر البشرية`` (the human losses): a toll of people."""
    h = view.next_word(k + 1)
    return view[k].plain(_LOSSES) and h is not None and view[h].key in _HUMAN


#: Tokens from ``إلى`` back to the toll it ends; for a toll of the dead a rising verb opens
#: (``يرتفع عدد القتلى من رجال الشرطة الذين قضوا في اعتداءات … إلى 60``), further.
_TOLL_REACH = 11
_RISEN_TOLL_REACH = 24
#: How many tokens back :func:`_toll_reached_before` reads the clause of ``بلغ عدد …``.
_TOLL_CLAUSE_REACH = 14


_THE_TOLL = frozenset(key(w) for w in ("الحصيلة", "والحصيلة", "وبالحصيلة"))
_LOSSES = keys("الخسائر خسائر")
_IN = keys("في")
#: ``في عداد المفقودين``: counted among the people a casualty word names.
_RANKS = keys("عداد")
_HUMAN = keys("البشرية بشرية")


def _definite(word_key: str) -> bool:
    """The word carries the article (after a و/ف/ب/ل clitic too)."""
    return word_key.startswith("ال") or (word_key[:1] in "وفبل" and word_key[1:].startswith("ال"))


def _listed_one(view: TokenView, start: int, prev: list[int]) -> bool:
    """``بينهم 9 أطفال وأحد عناصر الدفاع المدني``: أحد/إحدى after بينهم, or joined by و to
    a list with a figure just before, or to a person a casualty word just names (``قتل قائد
    ميداني وأحد العناصر``): one more victim."""
    if prev and view[prev[0]].plain(_SUBSET_WORDS):
        return True
    i = view.first_at_or_after(start)
    if not view.glued_prefix(i, start).startswith("و"):
        return False
    if any(view[k].is_digit for k in range(max(0, i - 3), i)):
        return True
    for k in range(i - 1, max(-1, i - 5), -1):  # قتل قائد ميداني وأحد العناصر: one more victim
        if view.is_boundary(k):
            return False
        if view[k].has(_ALL_TRIGGERS):
            return k < i - 1
    return False


#: Words before ``واحد`` that still count one victim (``حالة واحدة``, ``ضحية واحدة``).
_ONE_VICTIM_BEFORE = cues.CASE_WORDS | keys("ضحية ضحايا وفاة إصابة قتيل جريح شهيد")
#: Particles before ``واحد`` (``أن واحدا من الجرحى``, ``كل واحد``): no noun to count.
_PARTICLES = keys("في من إلى الى على عن مع أن إن ان كل أو ثم لا ما بعد قبل منذ حتى لكن بين")


#: Words ending like a nisba that are none (``الإيرانية هي واحدة``).
_NOT_NISBA = keys("هي الذي التي والتي والذي وهي فهي")


#: The endings of a nisba adjective: ي، ية and their duals and plurals (تركيين، سوريون، مدنيتان).
_NISBA_ENDINGS = ("ي", "ية", "يين", "يون", "يان", "يات", "يتين", "يتان")


def described_person(view: TokenView, adjective: int, ontology: OntologyLike) -> bool:
    """``طالب جامعي واحد``, ``عسكريين تركيين اثنين``: a nisba adjective (singular, dual or plural)
    right after a people noun, before the numeral."""
    word = view[adjective]
    if not word.key.endswith(_NISBA_ENDINGS) or len(word.key) < 4 or word.has(_PARTICLES | _NOT_NISBA):
        return False
    noun = _prev_words(view, word.start, 1)
    return bool(noun) and noun[0] == view.last_before(word.start) and people_noun_at(view, noun[0], ontology)


#: How many tokens back :func:`_one_more_case` looks for the sentence's figure.
_CASE_FIGURE_REACH = 40


#: How far back ``أحدهم`` looks in its sentence for the people it is one of.
_ONE_OF_THEM_REACH = 10
#: ``أحدهم``/``أحدهما``/``إحداهن`` (folded, و/ف allowed before it): its pronoun is group 1.
_ONE_OF_THEM = re.compile(r"^[وف]?احدا?(هما|هم|هن)$")


def one_of_them_pronoun(word_key: str) -> str | None:
    """The pronoun of a folded ``أحدهم``/``أحدهما``/``إحداهن`` (``هم``, ``هما``, ``هن``), else None."""
    m = _ONE_OF_THEM.match(word_key)
    return m.group(1) if m else None


def one_of_them_suffix(view: TokenView, start: int) -> str | None:
    """The pronoun of the ``أحدهم``/``أحدهما``/``إحداهن`` whose number starts at ``start``, else None."""
    i = view.first_at_or_after(start)
    return one_of_them_pronoun(view[i].key) if i < len(view) else None


def _dual_thing(word_key: str) -> bool:
    """``صاروخين``, ``شاحنتين``, ``مركبان``: the dual of a noun that names things."""
    return any(s in cues.THING_NOUNS for v in variants(word_key) for s in dual_singulars(v, min_stem=3))


def _nearest_dual_is_a_thing(view: TokenView, i: int, ontology: OntologyLike) -> bool:
    """Whether the nearest dual before token ``i`` in its sentence (``أحدهما``'s two) names things."""
    for k in range(i - 1, max(-1, i - 1 - _ONE_OF_THEM_REACH), -1):
        if view.is_sentence_end(k):
            return False
        t = view[k]
        if t.is_word and _dual_thing(t.key):
            return True
        if parse_number(t.text) == 2 or (t.key.endswith(("ين", "ان")) and people_noun_at(view, k, ontology)):
            return False
    return False


def _one_of_them(view: TokenView, start: int, end: int, ontology: OntologyLike) -> bool:
    """``أحدهم``/``أحدهما``/``إحداهن`` after a casualty word or a figure of the pronoun's number
    earlier in the sentence (``ثلاثة عناصر كانوا على متنها، أحدهم قيادي``, ``جرح اثنين أحدهما``):
    one of the people just counted, not one of two things (``انفجارين، أحدهما``)."""
    i = view.first_at_or_after(start)
    suffix = one_of_them_pronoun(view[i].key) if i < len(view) else None
    if suffix is None:
        return False
    if suffix == "هما" and _nearest_dual_is_a_thing(view, i, ontology):
        return False  # بين مركبين أحدهما سياحي, سقوط صاروخين … سقط أحدهما: one of two things
    for k in range(i - 1, max(-1, i - 1 - _ONE_OF_THEM_REACH), -1):
        if view.is_sentence_end(k):
            return False
        t = view[k]
        if t.has(_ALL_TRIGGERS) and not t.has(cues.STRUCK_VERBS):
            return True  # not فأصاب أحدهما: a rocket of two may hit a town
        if suffix == "هما" and (parse_number(t.text) == 2 or (t.key.endswith(("ين", "ان"))
                                                               and people_noun_at(view, k, ontology))):
            return True  # اثنين / عنصرين … أحدهما
        if suffix != "هما" and figure_at(view, k, least=3):
            return True
    return False


#: Vehicles, arms, attacks and money counted by a partitive (``ثلاثة من مركباته``, ``عشرات من
#: الصواريخ``, ``العشرات من الغارات``): never a place people come from, as ``من المدينة`` or
#: ``من منازلهم`` may be.
_THINGS_COUNTED_OF = keys("""
    مركبات آليات دبابات مدرعات طائرات مروحيات صواريخ قذائف براميل عبوات ألغام سيارات شاحنات عربات
    غارات هجمات ضربات انتهاكات جرائم مجازر تفجيرات اعتداءات خروقات دولارات ليرات جنيهات ريالات دنانير
    منازل بيوت مبان مباني محلات متاجر مساجد كنائس مدارس مستشفيات قرى بلدات قنابل تغريدات رسائل وثائق
    صور أهداف حيوان حيوانات أغنام ماشية مواشي قطع أوراق إطارات طيور غرف دوائر مقترحات
    ثور ثيران أبقار خراف خيول إبل كلاب قطط أسماك حيتان دلافين أفيال فيلة ذئاب خنازير سلاحف دواجن
    """)
#: Families counted as such (``نزوح العشرات من الأسر``), written with the article.
_FAMILIES = keys("الأسر العائلات العوائل")
#: Plural nouns of bodies, not persons (``التنظيمات الرئيسية الثلاثة``, ``الأطراف الثلاثة``).
_BODIES = keys("تنظيمات فصائل أطراف أحزاب جماعات دول حركات منظمات")


def _after_things(view: TokenView, start: int, ontology: OntologyLike) -> bool:
    """``التنظيمات الرئيسية الثلاثة``, ``الصواريخ الأربعة``: the definite word right before a
    definite numeral, or the one before that past an adjective, is a noun of things or bodies."""
    prev = _prev_words(view, start, 3)
    for n, k in enumerate(prev[:2]):
        t = view[k]
        if people_noun_at(view, k, ontology) or figure_at(view, k) \
                or not t.key.removeprefix("و").startswith("ال"):
            return False  # الركاب المئة والثمانية: one figure (والتنظيمات: a glued و allowed)
        if t.has(cues.THING_NOUNS) or t.has(_BODIES) or any(v in _THINGS_COUNTED_OF for v in variants(t.key)):
            head = prev[n + 1] if n + 1 < len(prev) else None  # أفراد الأسرة الثلاثة: of a family, people
            return (n == 0 or k == view.last_before(view[prev[0]].start)) \
                and not (head is not None and not t.key.startswith("و") and people_noun_at(view, head, ontology))
    return False


def _things_after_of(view: TokenView, of: int) -> bool:
    """Vehicles, arms, attacks or money, plural, right after the ``من`` at token ``of`` (bare,
    with the article or with the possessive ``ه``/``ها``): the figure before counts them
    (``العشرات من الغارات``, ``المليارات من الدولارات``)."""
    k = view.next_word(of + 1)
    if k is not None and k == of + 1 and view[k].key in cues.DEMONSTRATIVES:
        of, k = k, view.next_word(k + 1)  # 80 مليون من هذه القنابل
    if k is None or k != of + 1:
        return False
    word = view[k].key
    if word in _FAMILIES:
        return True  # العشرات من الأسر: families (not عائلات الضحايا, not 5 من أسرة واحدة)
    stems = [word] + [word[:-len(p)] for p in ("ها", "ه") if word.endswith(p)]
    return any(any(v in _THINGS_COUNTED_OF for v in variants(w)) for w in stems)


#: ``بمرور 65 على تأسيسه``: the years gone by (their unit left out).
_PASSING = keys("بمرور")
#: After ``من``: the total a figure is a part of (``من بين``, ``من أصل``).
_OF_A_TOTAL = keys("بين أصل إجمالي مجموع")


def _of_every(view: TokenView, of: int) -> bool:
    """``من كل``, ``من بين كل`` after a figure: the figure is a share of every so many (a ratio)."""
    k = view.next_word(of + 1)
    if k is not None and view[k].key == "بين":
        k = view.next_word(k + 1)
    return k is not None and view[k].key == "كل" and (f := view.next_word(k + 1)) is not None and figure_at(view, f)


def _noun_past_either(view: TokenView, nxt: int | None) -> int | None:
    """The word after a figure, past ``أو`` and a second figure (``ثلاثة أو أربعة أطفال``)."""
    if nxt is not None and view[nxt].key in _OR and (f := view.next_word(nxt + 1)) is not None \
            and figure_at(view, f):
        return view.next_word(f + 1)
    return nxt


def _of_every_past_noun(view: TokenView, noun: int) -> bool:
    """``7 أشخاص من كل عشرة``, ``3 نساء بالغات من بين كل 10``: the ratio's ``من كل`` after the
    counted noun (and one word describing it)."""
    k = view.next_word(noun + 1)
    if k is not None and view[k].key != "من":
        k = view.next_word(k + 1)
    return k is not None and view[k].key == "من" and _of_every(view, k)


def _part_of_things(view: TokenView, of: int) -> bool:
    """``من بين 272 دائرة``, ``من أصل الحوادث الـ164``, ``سبع من تسع مباريات`` after a figure: the
    total it is a part of counts things, so the figure counts them too."""
    k = view.next_word(of + 1)
    if k is None or not (view[k].key in _OF_A_TOTAL or figure_at(view, k)):
        return False
    n = k if figure_at(view, k) else view.next_word(k + 1)
    while n is not None and figure_at(view, n):
        n = view.next_word(n + 1)
    return n is not None and view[n].has(cues.THING_NOUNS)


def _one_more_case(view: TokenView, start: int, prev: int) -> bool:
    """``وحالة واحدة``, ``حالة واحد منهم خطيرة``: واحد right after a case or victim word, with a
    figure earlier in its sentence (the toll it adds one case to, or splits)."""
    if prev != view.last_before(start) or not view[prev].has(_ONE_VICTIM_BEFORE):
        return False
    for k in range(prev - 1, max(-1, prev - _CASE_FIGURE_REACH), -1):
        if view.is_sentence_end(k):
            return False
        if figure_at(view, k, least=2):
            return True  # 57 حالة / سبعة وخمسين حالة
    return False


#: Verbs whose object ``واحدا`` right after them is one person (``وأصاب واحدا``, ``قتلوا واحدا``).
_ONE_AS_OBJECT = cues.STRUCK_VERBS | keys("قتل قتلت قتلوا جرح جرحت جرحوا خطف خطفت خطفوا اعتقل اعتقلت اعتقلوا")


def _one_of_a_thing(view: TokenView, start: int, prev: int, ontology: OntologyLike) -> bool:
    """``دم واحد``, ``مصير واحد``, ``هدف واحد``: واحد right after a noun that names no person
    is that noun's numeral, not a count of people (a nisba such as ``جامعي`` may be a person)."""
    word = view[prev]
    if prev != view.last_before(start) or not word.is_word or not view.text[start:].startswith(("واحد", "الواحد")):
        return False
    if people_noun_at(view, prev, ontology) or word.has(_ONE_VICTIM_BEFORE) or word.plain(_SUBSET_WORDS) \
            or word.plain(_ONE_AS_OBJECT):
        return False  # (وأصاب واحدا بجروح: the verb's object, one person)
    return not word.key.endswith(("ي", "ية")) and not word.has(_PARTICLES)


def _trigger_near(view: TokenView, start: int, end: int, width: int = 3) -> bool:
    """A casualty trigger within ``width`` words before or after, in the same clause."""
    for i in _prev_words(view, start, width):
        if view.is_boundary(i):
            break
        if view[i].has(_ALL_TRIGGERS):
            return True
    j = view.first_at_or_after(end)
    for k in range(j, min(len(view), j + width + 1)):
        if view.is_boundary(k):
            break
        if view[k].has(_ALL_TRIGGERS):
            return True
    return False


#: ``ذات الشهر``, ``نفس الشهر``: the same month named before.
_SAME = keys("ذات نفس")


def _is_date(view: TokenView, start: int, end: int, nxt: int | None) -> bool:
    i = view.first_at_or_after(end)
    if i < len(view) and view[i].text in "/-" and i + 1 < len(view) and view[i + 1].is_digit:
        return True
    p = view.last_before(start)
    if p >= 1 and view[p].text in "/" and view[p - 1].is_digit:
        return True
    if p >= 1 and view[p].text == "-" and view[p - 1].is_digit:
        j = view.next_word(i)
        if j is not None and view[j].has(cues.MONTHS):
            return True
    # 18 شباط / 18 من فبراير / 6-7 نيسان
    j = nxt
    if j is not None and view[j].key == "من":
        j = view.next_word(j + 1)
    if j is not None and j + 1 < len(view) and view[j].key in _SAME and view[j + 1].key in _MONTH_WORD:
        j += 1  # في 15 من ذات الشهر
    if j is not None and view[j].key in _MONTH_WORD:  # 25 من شهر يونيو
        if nxt is not None and j > nxt and view[j].key.startswith("ال"):
            return True  # منذ 12 من الشهر الحالي: a day of this month
        j = view.next_word(j + 1)
    if j is not None and view[j].has(cues.MONTHS):
        return True
    if i < len(view) and view[i].text == "-":
        k = i + 1
        if k < len(view) and view[k].is_digit:
            j2 = view.next_word(k + 1)
            if j2 is not None and view[j2].has(cues.MONTHS):
                return True
    prev = _prev_words(view, start, 2)
    if prev and view[prev[0]].key in ("بتاريخ", "تاريخ"):
        return True
    return bool(prev) and view[prev[0]].key in cues.DAYS and (len(prev) < 2 or view[prev[1]].key in ("يوم", "ليل", "ليلة", "فجر", "صباح", "مساء", "ظهر"))


#: A two-word month name (كانون الثاني، تشرين الأول): its first words and its second.
_MONTH_HEADS = frozenset(key(w) for w in ("كانون", "تشرين"))
_MONTH_ORDINALS = frozenset(key(w) for w in ("الأول", "الاول", "الثاني"))


def _of_no_people(view: TokenView, of: int, ontology: OntologyLike) -> bool:
    """``من`` at ``of`` is followed by no people noun and no group (``1984 من خلال``)."""
    k = view.next_word(of + 1)
    return view[of].key == "من" and k is not None and not people_noun_at(view, k, ontology) \
        and group_after(view, k, ontology)[0] is None


def _month_named_at(view: TokenView, i: int) -> bool:
    """A month's name is the next word from token ``i`` on."""
    m = view.next_word(i)
    return m is not None and view[m].has(cues.MONTHS)


def _month_second_word(view: TokenView, i: int) -> bool:
    """Token ``i`` ends a two-word month name (``يناير/كانون الثاني 2013``: the year after it)."""
    p = view.prev_word(i - 1) if i > 0 else None
    return view[i].key in _MONTH_ORDINALS and p is not None and view[p].key in _MONTH_HEADS


#: A definite unit of time, its clitics on, before a definite number word: the ordinal of a day.
_TIME_UNITS_DEFINITE = ("اليوم", "الأسبوع", "الشهر", "الليلة", "السنة", "العام")
_THE_TIME_UNITS = frozenset(key(f"{c}{w}") for w in _TIME_UNITS_DEFINITE for c in ("", "و", "ب", "وب")) \
    | frozenset(key(f"{c}لل{w[2:]}") for w in _TIME_UNITS_DEFINITE for c in ("", "و"))
_MONTH_WHEN = frozenset(key(w) for w in ("الماضي", "الجاري", "الحالي", "المنصرم", "المقبل", "القادم"))


def _month_then_when(view: TokenView, i: int) -> bool:
    """Token ``i`` says which month the one before it is (``يوليو الماضي 2015``: the year after it)."""
    p = view.prev_word(i - 1) if i > 0 else None
    return view[i].key in _MONTH_WHEN and p is not None and view[p].has(cues.MONTHS)


def _is_name_number(view: TokenView, start: int, end: int, nxt: int | None, ontology: OntologyLike) -> bool:
    """``اف-16`` / ``ميغ-21`` (a model) or ``الفرقة 30`` (a unit) with no people noun after."""
    p = view.last_before(start)
    if p >= 1 and view[p].text in ("-", "–") and view[p].end == start and view[p - 1].is_word \
            and view[p - 1].end == view[p].start:
        return True
    named = _prev_words(view, start, 2)
    if len(named) == 2 and named[0] == p and named[1] == p - 1 and view[named[1]].key in _OUTLETS \
            and view[p].key not in _SUBJECT_PARTICLES and not view[p].has(_ALL_TRIGGERS):
        return True  # موقع سويداء 24: a news outlet's name
    prev = named[:1]
    if prev and prev[0] == p and p >= 1 and _standing_article(view[p]) and view[p - 1].is_word:
        # المرحلة الـ 23, الذكرى الـ17 لأحداث: the article standing apart makes the number the name's
        return view[p - 1].has(cues.ORDINAL_BEFORE)
    return bool(prev) and prev[0] == p and view[p].has(cues.ORDINAL_BEFORE) \
        and not (nxt is not None and people_noun_at(view, nxt, ontology)
                 and not view[nxt].key.startswith(("و", "ال", "لل", "بال")))
    # اللواء 53 الروسي: the unit's adjective; البيان رقم 25 للجيش, الكتيبة 115 بالجيش: whose unit


#: Kinds of news outlet whose names may end in a number (``موقع سويداء 24``).
_OUTLETS = keys("موقع شبكة قناة إذاعة اذاعة صحيفة وكالة صفحة")
#: Strikes, arms, blasts and accidents, the means of a death: behind ب they say how people died.
_MEANS = keys("غارة غارات قذيفة قذائف برميل براميل صاروخ صواريخ ضربة ضربات عبوة عبوات انفجار تفجير هجوم"
               " حادث حادثة حوادث انفجارات تفجيرات هجمات لغم ألغام")


def _behind_preposition(word: str) -> bool:
    """``بغارات``, ``بالقذائف``: a strike or weapon behind the preposition ب (``قتل 5 بغارات``:
    killed by air strikes, not five strikes); a noun a number counts has none."""
    k = word[1:] if word[:1] in "وف" else word
    after = k[3:] if k.startswith("بال") else k[1:]
    return k[:1] == "ب" and not _means(k) and _means(after)


def _means(word: str) -> bool:
    """Is ``word`` a strike or weapon as written (``برميلا``, ``قذائف``)?"""
    return word in _MEANS or word.rstrip("اً") in _MEANS


def _is_clock(view: TokenView, start: int, end: int) -> bool:
    """``الساعة 03:25`` / ``03:25``: a time of day."""
    i = view.first_at_or_after(end)
    if i + 1 < len(view) and view[i].text == ":" and view[i].start == end and view[i + 1].is_digit:
        return True
    p = view.last_before(start)
    if p >= 1 and view[p].text == ":" and view[p].end == start and view[p - 1].is_digit:
        return True
    prev = _prev_words(view, start, 1)
    return bool(prev) and view[prev[0]].key in CLOCK_BEFORE


#: Ordinal words before ``عشر`` (``الثامن عشر``, ``الحادي عشر``).
ORDINAL_WORDS = frozenset(key(w) for w in (
    "الحادي", "الحادية", "الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الرابعة", "الخامس", "الخامسة",
    "السادس", "السادسة", "السابع", "السابعة", "الثامن", "الثامنة", "التاسع", "التاسعة"))
#: ``كل`` before a number makes a ratio (``واحد من كل أربعة``).
RATIO_BEFORE = frozenset(key(w) for w in ("كل", "لكل", "معدل", "بمعدل"))
_ORIGIN = key("أصل")


def _one_of_many(view: TokenView, start: int, nxt: int | None, ontology: OntologyLike) -> bool:
    """``من أصل`` before the number at ``start`` after words with no figure (``جهادي فرنسي من
    أصل سبعة يموت``), no people noun after it: one in so many, a ratio. With a figure before
    (``39 راكبا من أصل 40``) or a noun after (``من أصل 32 راكبا``) it counts people."""
    before = _prev_words(view, start, 4)
    if len(before) < 3 or view[before[1]].key != "من" or people_noun_at(view, nxt, ontology):
        return False
    return not any(view[k].is_digit or parse_number(view[k].text) is not None for k in before[2:])


#: What a place or vehicle holds (``يتسع ل``, ``بسعة``, ``تستوعب``): a capacity, no one counted.
_CAPACITY = keys("يتسع تتسع يستوعب تستوعب بسعة سعة سعتها سعته طاقتها الاستيعابية")
#: ``تستطيع أن تقل حتى 40 راكبا``: what a vehicle can carry, a capacity (a verb of carrying
#: after a word of being able; a plane that carried 40 people counts them).
_CARRY = keys("تقل يقل تحمل يحمل تنقل ينقل")
_THAT = "أن"
_ABLE = keys("تستطيع يستطيع يمكنها يمكنه بإمكانها بإمكانه قادرة قادر بوسعها بوسعه")
_MONTH_WORD = frozenset(key(w) for w in ("شهر", "الشهر"))
#: ``عام 2017``, ``من مواليد 1973``: the word for year (or birth) right before a figure shaped like one.
_YEAR_WORDS = frozenset(key(w) for w in ("عام", "العام", "لعام", "للعام", "سنة", "السنة", "لسنة", "مواليد"))
#: ``من العمر`` after a number: an age.
AGE_AFTER = frozenset(key(w) for w in ("العمر", "عمره", "عمرها", "عمرهم", "عمرهما", "عمرهن", "أعمارهم"))
#: Words right before a time of day.
CLOCK_BEFORE = frozenset(key(w) for w in ("الساعة", "الساعه", "بالساعة"))
#: After أحد: ``أحد أكثر الأيام دموية`` (one of the most …, or the last) counts nobody.
SUPERLATIVES = frozenset(key(w) for w in ("أكثر", "أشد", "أكبر", "أبرز", "أهم", "أعنف", "أسوأ", "أخطر", "آخر"))


def _one_of_the_last(view: TokenView, nxt: int | None, ontology: OntologyLike) -> bool:
    """``أحد آخر جيوب التنظيم``: one of the last things, no person (``أحد آخر المقاتلين`` is one)."""
    return nxt is not None and view[nxt].key == key("آخر") \
        and not people_noun_at(view, view.next_word(nxt + 1), ontology)


#: Non-count reasons the number rules are sure of: they override a tagger's COUNT span.
CERTAIN = frozenset({"date", "year", "time", "duration", "age", "percentage", "money", "ordinal", "thing", "list"})


def _is_score(view: TokenView, start: int, end: int) -> bool:
    """``للفوز 95-78 على``, ``بنتيجة 2-1``: one figure of a pair joined by a hyphen after a
    word of winning or losing, or before the team beaten (``على``, ``أمام``)."""
    i = view.first_at_or_after(start)
    if i >= len(view) or not view[i].is_digit:
        return False
    if i + 2 < len(view) and view[i + 1].text in _HYPHENS and view[i + 2].is_digit:
        first, last = i, i + 2
    elif i >= 2 and view[i - 1].text in _HYPHENS and view[i - 2].is_digit:
        first, last = i - 2, i
    else:
        return False
    nxt = view.next_word(last + 1)
    if nxt is not None and view[nxt].key in _BEATEN:
        return True
    return any(view[k].has(_MATCH_WORDS) for k in _prev_words(view, view[first].start, 3))


_HYPHENS = frozenset("-–")
#: A figure this large with no people noun after it is a sum of money (hundreds of millions).
_BARE_SUM = 100_000_000
#: What comes before a list's first item number: a colon (``الآتي :-``) or a line's start.
_LIST_OPENERS = (":", ":-", ":–", "\n")


def _list_number(text: str, start: int, end: int) -> bool:
    """``وفق الآتي : 1 - حادث استهداف …``: a figure at a line's start or after a colon, then a
    dash and words, numbers an item of a list."""
    before = text[max(0, start - 4):start].rstrip(" \t")
    if start and not before.endswith(_LIST_OPENERS):
        return False
    after = text[end:end + 3].lstrip(" ")
    return after[:1] in _HYPHENS and not after[1:2].isdigit()


#: Words before a match's score (``فاز``, ``بنتيجة``) and after it (the side beaten: ``على``).
_MATCH_WORDS = keys("فوز الفوز بفوزه فاز تغلب انتصار خسارة هزيمة بنتيجة نتيجة تعادل")
_BEATEN = keys("على أمام")


def _standing_article(t: Any) -> bool:
    """``الـ`` written apart before a number (``الـ 23``, ``الـ18``)."""
    return t.text.rstrip("ـ") == "ال"


def _word_right_before(view: TokenView, start: int) -> int | None:
    """The word right before the number at ``start``, past an article standing apart (``سن الـ18``)."""
    p = view.last_before(start)
    if p >= 1 and _standing_article(view[p]):
        p -= 1
    return p if p >= 0 and view[p].is_word else None


def _ordinal_and_tens(view: TokenView, start: int) -> bool:
    """A tens word glued to و right after an ordinal unit (``المرحلة الثالثة والعشرين``)."""
    i = view.first_at_or_after(start)  # the token holding the number, و glued before it
    return 0 < i < len(view) and view.glued_prefix(i, start) == "و" and view[i - 1].has(ORDINAL_WORDS)


def certain_non_count(view: TokenView, start: int, end: int, value: int, kind: str,
                      ontology: OntologyLike) -> str | None:
    """The reason when the number at ``[start, end)`` is surely not a count of people
    (a date, year, clock time, duration, age, percentage, sum, unit or model name, or a
    count of things), else ``None``: a tagger's COUNT span there is vetoed."""
    nxt = _next_word(view, end)
    if kind == "one" and nxt is not None and view[nxt].key in SUPERLATIVES:
        return "other"
    verdict, reason = classify_number(view, start, end, value, kind, ontology)
    if verdict == "count" or reason not in CERTAIN or (kind == "dual" and reason == "thing"):
        return None  # a dual is its own noun: رجلان بانفجار
    if reason == "duration" and nxt is not None and nxt + 1 < len(view) and view[nxt].key == key("يوم") \
            and view[nxt + 1].has(cues.DAYS):
        return None  # 40 ألفا يوم الخميس: a day named, not a length of time
    if reason == "duration" and count_evidence(view, start, end, ontology) \
            and not (nxt is not None and view[nxt].has(cues.DURATION_UNITS)):
        return None  # a duration word before, but a casualty word says it counts people
    return reason


def classify_number(view: TokenView, start: int, end: int, value: int, kind: str,
                    ontology: OntologyLike, inside_label: str | None = None) -> tuple[str, str | None]:
    """``("count", None)`` or ``("non_count", reason)`` for the number at ``[start, end)``."""
    if inside_label is not None:
        return "non_count", "other"
    if kind == "digits" and _is_clock(view, start, end):
        return "non_count", "time"
    if kind == "digits" and _is_score(view, start, end):
        return "non_count", "other"  # فاز الفريق 3-1 على ضيفه: a match's score
    if kind == "digits" and _list_number(view.text, start, end):
        return "non_count", "list"  # شملت الآتي: 1 - حادث …: the number of an item
    if _closes_counted_range(view, start, ontology):
        return "non_count", "range"  # بين 10 إلى 15 ألف مقاتل: one count, 10,000 at least
    nxt = _next_word(view, end)
    if kind == "digits" and _is_name_number(view, start, end, nxt, ontology):
        return "non_count", "ordinal"
    i_after = view.first_at_or_after(end)
    if i_after < len(view) and view[i_after].text in ("%", "٪"):
        return "non_count", "percentage"
    if nxt is not None and (view[nxt].key in cues.PERCENT_WORDS
                            or view.phrase_starting_at(nxt, cues.PERCENT_PHRASES)):
        return "non_count", "percentage"
    if kind == "digits" and _is_date(view, start, end, nxt):
        return "non_count", "date"
    prev = _prev_words(view, start, 1)
    if kind == "dual":  # the dual is its own people noun (امرأتان، عنصرين), unless it agrees with
        p = view[prev[0]] if prev else None  # a dual thing before it (هجومان مسلحان)
        if p is not None and len(p.key) > 3 and p.key.endswith(("ان", "ين")) \
                and not people_noun_at(view, prev[0], ontology) \
                and p.key not in _ALL_TRIGGERS and not p.plain(_SUBSET_WORDS):
            return "non_count", "thing"
        if key(view.text[start:end]).startswith("ال") and p is not None and p.key in _SUBJECT_PARTICLES \
                and not _trigger_near(view, start, end):
            return "non_count", "other"  # أن الضابطين كانا: the two named before, no new victims
        dual = key(view.text[start:end])
        if dual.endswith("يان") and p is not None and p.key.startswith("ال") and prev[0] == view.last_before(start) \
                and people_noun_at(view, prev[0], ontology):
            return "non_count", "other"  # اثنين من الضحايا بريطانيان: what two of them are, a predicate
        if dual.startswith("ال") and dual[2:] in cues.NATIONALITY_ADJ and p is not None \
                and p.key.lstrip("و").startswith("ال") and prev[0] == view.last_before(start):
            return "non_count", "other"  # قوات الشرطة والجيش المصريان: the two nouns' nationality
        return "count", None
    if kind == "words" and prev and view[prev[0]].has(ORDINAL_WORDS) and prev[0] == view.last_before(start):
        return "non_count", "ordinal"  # الثامن عشر: the eighteenth
    if kind == "words" and prev and prev[0] == view.last_before(start) and key(view.text[start:end]).startswith("ال") \
            and view[prev[0]].key.startswith("ال") and view[prev[0]].key in cues.ORDINAL_BEFORE:
        return "non_count", "ordinal"  # في المرحلة الثلاثين, الذكرى العشرين: the thirtieth round
    if kind == "words" and prev and prev[0] == view.last_before(start) and key(view.text[start:end]).startswith("ال") \
            and view[prev[0]].key in _THE_TIME_UNITS:
        return "non_count", "ordinal"  # لليوم العشرين على التوالي: the twentieth day
    if prev and prev[0] == view.last_before(start) and view[prev[0]].key in _PASSING:
        return "non_count", "duration"  # احتفالا بمرور 65 على تأسيسه: 65 years gone by
    if kind == "words" and _ordinal_and_tens(view, start):
        return "non_count", "ordinal"  # الثالثة والعشرين: the twenty-third
    if (w := _word_right_before(view, start)) is not None and view[w].key in cues.AGE_NOUNS_BEFORE:
        return "non_count", "age"  # الرجال فوق سن 50, دون سن الـ18: an age, no one counted
    if w is not None and view[w].plain(_ROUND_WORDS):
        return "non_count", "ordinal"  # دور الـ16 من دوري الأبطال: a round of a cup, named by its teams
    if prev and view[prev[0]].key in RATIO_BEFORE:
        return "non_count", "other"  # واحد من بين كل أربعة: a ratio
    if prev and view[prev[0]].key == _ORIGIN and _one_of_many(view, start, nxt, ontology):
        return "non_count", "other"  # جهادي فرنسي من أصل سبعة: one in seven, a ratio
    if any(view[p].key in _CAPACITY for p in _prev_words(view, start, 3)) or _can_carry(view, start):
        return "non_count", "other"  # المسجد يتسع لقرابة 1000 مصل: how many it holds, no one counted
    if nxt is not None and view[nxt].key == "من" and nxt + 1 < len(view) and view[nxt + 1].key in AGE_AFTER:
        return "non_count", "age"  # تناهز العشرين من العمر
    if kind == "words" and prev and prev[0] == view.last_before(start) and view[prev[0]].key in _IN \
            and key(view.text[start:end]).startswith("ال") and not people_noun_at(view, nxt, ontology):
        after_of = view.next_word(nxt + 1) if nxt is not None and view[nxt].key == "من" else None
        if after_of is not None and view[after_of].has(cues.MONTHS):
            return "non_count", "date"  # في الثلاثين من حزيران
        return "non_count", "age"  # رجل في الثلاثين: a person's age, no one counted
    if kind == "words" and key(view.text[start:end]).startswith("ال") and nxt is not None and view[nxt].key == "من" \
            and (m := view.next_word(nxt + 1)) is not None \
            and (view[m].has(cues.MONTHS) or (view[m].key in _MONTH_WORD and _month_named_at(view, m + 1))):
        return "non_count", "date"  # يوافق الثلاثين من آذار, منذ العشرين من شهر تموز
    if kind == "one" and _one_of_the_last(view, nxt, ontology):
        return "non_count", "other"  # أحد آخر جيوب التنظيم: one of the last pockets
    if kind == "one" and prev and prev[0] == view.last_before(start) and view[prev[0]].plain(cues.SAY_VERBS):
        return "non_count", "other"  # وأكد أحد أفراد الأسرة: the one who speaks, no victim
    if kind == "one" and nxt is not None and view[nxt].key.startswith("ال") \
            and not (prev and view[prev[0]].has(_ALL_TRIGGERS)) and not _listed_one(view, start, prev):
        return "non_count", "other"  # قال أحد المختطفين: one person referred to, no victim counted
    if kind == "one" or (kind == "words" and value == 1):  # أحد / واحد: only next to a casualty word
        if nxt is not None and view[nxt].key in PLACE_AFTER_ITEM \
                and _elided_noun(view, start, nxt, ontology) == ("count", None):
            return "count", None  # a list by place: أربعة مدنيين …، واحد في كشمير وثلاثة …
        if prev and view[prev[0]].has(cues.DURATION_UNITS):
            return "non_count", "duration"
        if prev and ((view[prev[0]].has(cues.THING_NOUNS) and not _trigger_before_people(view, prev[0], nxt, ontology))
                     or _one_of_a_thing(view, start, prev[0], ontology)):
            return "non_count", "thing"
        if kind == "words" and prev and prev[0] == view.last_before(start) \
                and (people_noun_at(view, prev[0], ontology) or described_person(view, prev[0], ontology)) \
                and _definite(view[prev[0]].key) == key(view.text[start:end]).startswith("ال"):
            return "count", None  # بينهم طفل واحد: the numeral of a people noun
        if prev and _one_more_case(view, start, prev[0]):
            return "count", None  # 57 حالة وفاة …، وحالة واحدة على يد التنظيم
        if kind == "one" and _one_of_them(view, start, end, ontology):
            return "count", None
        if not _trigger_near(view, start, end) and not _listed_one(view, start, prev):
            return "non_count", "other"
        if kind == "one" and prev and view[prev[0]].key.startswith("ال") \
                and view[prev[0]].has(cues.NATIONALITY_ADJ):
            return "non_count", "other"  # إن السوداني أحد ثلاثة: a man called by his nationality
        if prev and people_noun_at(view, prev[0], ontology):
            return "count", None  # طفلا واحدا مات
    if nxt is not None and view[nxt].key == "من" and _of_every(view, nxt):
        return "non_count", "other"  # 3 من (بين) كل 10 نازحين: a ratio, no one counted
    noun = _noun_past_either(view, nxt)
    if noun is not None and people_noun_at(view, noun, ontology) and _of_every_past_noun(view, noun):
        return "non_count", "other"  # 7 أشخاص من كل عشرة, ثلاثة أو أربعة أطفال من كل 1000: a ratio
    if nxt is not None and view[nxt].key == "من" and (_things_after_of(view, nxt) or _part_of_things(view, nxt)):
        return "non_count", "thing"  # تدمير ثلاثة من مركباته: three of its vehicles
    if kind == "words" and key(view.text[start:end]).startswith("ال") and _after_things(view, start, ontology) \
            and not (nxt is not None and people_noun_at(view, nxt, ontology) and not view[nxt].key.startswith("ال")):
        return "non_count", "thing"  # التنظيمات الرئيسية الثلاثة: the numeral of bodies or things
    elided = _elided_noun(view, start, nxt, ontology)
    if elided is not None:
        return elided
    evidence = count_evidence(view, start, end, ontology) or _range_start(view, start, end, ontology)
    if kind == "words" and not evidence and prev and prev[0] == view.last_before(start) \
            and people_noun_at(view, prev[0], ontology) \
            and _definite(view[prev[0]].key) == key(view.text[start:end]).startswith("ال") \
            and not (nxt is not None and (view[nxt].has(cues.THING_NOUNS | cues.DURATION_UNITS)
                                          or people_noun_at(view, nxt, ontology))):
        return "count", None  # مسلحين اثنين / الجرحى الثلاثة (not ضحايا ثلاثة أسابيع: a length of time)
    year_shaped = kind == "digits" and 1900 <= value <= 2100 and end - start == 4
    if (year_shaped or (kind == "words" and 1000 <= value <= 2100)) and prev \
            and prev[0] == view.last_before(start) and view[prev[0]].plain(_YEAR_WORDS):
        return "non_count", "year"  # تقرير عام 2017 طالب النيابة, عام ألف وتسعمئة وتسعين: whatever follows
    if year_shaped:
        if prev and prev[0] == view.last_before(start) \
                and (view[prev[0]].has(cues.MONTHS) or _month_second_word(view, prev[0])):
            return "non_count", "year"  # منذ كانون الثاني 2016 مدنيا قتلوا: the month's year, whatever follows
        if (_year_range_end(view, start) or _event_of_the_year(view, start)) \
                and not (nxt is not None and view[nxt].key[:1] not in "بل" and people_noun_at(view, nxt, ontology)):
            return "non_count", "year"  # بين 2003 و2017; كأس العالم 2018 بروسيا, حرب 2014 على القطاع
        if nxt is not None and people_noun_at(view, nxt, ontology) and not _year_then_definite(view, start, nxt) \
                and not (prev and view[prev[0]].key in _IN and view[nxt].key.endswith("ا")):
            return "count", None  # (not وصل في 2015 مسافرا: in that year, travelling)
        if evidence and not (prev and (view[prev[0]].has(cues.YEAR_BEFORE | cues.MONTHS)
                                       or _month_second_word(view, prev[0]) or _month_then_when(view, prev[0])
                                       or view[prev[0]].key in ("في", "وفي"))) \
                and nxt is not None and not view[nxt].has(cues.MONTHS) and not _of_no_people(view, nxt, ontology):
            return "count", None  # أكثر من 2000 من المسلحين / و2100 قضوا (not حادثة 1984 من خلال)
        if nxt is not None and view[nxt].has(cues.TOTAL_WORDS):  # يرتفع إلى 2020 عدد الأشخاص
            k = view.next_word(nxt + 1, skip=frozenset({"ال", "الـ"}))
            if k is not None and (people_noun_at(view, k, ontology) or view[k].has(_ALL_TRIGGERS)):
                return "count", None
        return "non_count", "year"
    if nxt is not None and view[nxt].has(cues.MONEY_UNITS):
        return "non_count", "money"
    if value >= _BARE_SUM and not people_noun_at(view, nxt, ontology) \
            and not (nxt is not None and view[nxt].key == "من" and people_noun_at(view, view.next_word(nxt + 1), ontology)):
        return "non_count", "money"  # عشرات المليارات, 850 مليونا من القروض: a sum; no crowd that large goes bare
    if nxt is not None and view[nxt].has(cues.AGE_UNITS):
        before = _prev_words(view, start, 4)
        left = view.last_before(start)
        if any(view[k].has(cues.AGE_BEFORE) for k in before) or (left >= 0 and view[left].text == "("):
            return "non_count", "age"
    if nxt is not None and view[nxt].has(cues.DURATION_UNITS) and not _in_the_year(view, nxt):
        return "non_count", "duration"
    if prev and view[prev[0]].has(cues.DURATION_UNITS) and not evidence:
        return "non_count", "duration"
    if nxt is not None and view[nxt].has(cues.THING_NOUNS) and not people_noun_at(view, nxt, ontology) \
            and not _behind_preposition(view[nxt].key):
        return "non_count", "thing"
    if prev and view[prev[0]].has(cues.ORDINAL_BEFORE) and not evidence:
        return "non_count", "ordinal"
    if evidence:
        return "count", None
    return "non_count", "other"
