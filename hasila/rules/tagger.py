"""The rules tagger (the rules baseline): ACTOR, PLACE, COUNT and CATEGORY spans,
COUNT attributes and relations, from word lists and the linker's rules.

* ACTOR: the phrases of ``configs/actors.yaml`` (longest match, a glued
  clitic left outside) and patterns such as ``طائرات النظام الحربية``,
  ``القوات التركية``, ``مسلحون مجهولون``, each widened to the actor's noun phrase
  the way the model's spans are (``مقاتلو المعارضة``, ``تنظيم داعش الإرهابي``);
* PLACE: the gazetteer (:class:`hasila.text.gazetteer.Gazetteer`) and patterns
  ``مدينة/بلدة/قرية X`` (the name only), ``مخيم X`` / ``حي X`` (with the cue
  word) and ``ريف X الجنوبي``;
* COUNT, CATEGORY, attributes and relations: :func:`hasila.link.link` with its
  rules on (every number that the words around say counts people becomes a
  COUNT; the noun it counts becomes a CATEGORY).

:func:`rules_label` labels one text; :class:`RulesTagger` keeps the word
lists loaded (and tags like the trained model); :func:`rules_label_file` turns a JSONL corpus
into Label Studio predictions (``hasila weak-label``: weak labels, i.e. labels made by the rules).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hasila.annotation.ontology import Ontology
from hasila.errors import UserError
from hasila.fileio import iter_jsonl, project_root
from hasila.link import LinkConfig, cues, link
from hasila.link.numbers import figure_at
from hasila.link.text import TokenView, key, keys
from hasila.link.theatre import abroad
from hasila.rules.lexicon import ACTING_VERBS, STATE_ACTORS, ActorLexicon
from hasila.rules.phrases import (
    GAP,
    UNIT_KEYS,
    actor_phrases,
    news_desks,
    place_phrases,
    places_not_actors,
    word_before,
)
from hasila.schema import Doc, Relation, Span
from hasila.text.arabic import DIACRITICS, FORMAT_MARKS, TATWEEL, normalize, unwrap

if TYPE_CHECKING:
    from hasila.text.gazetteer import Gazetteer, Place

logger = logging.getLogger(__name__)

_CLITICS: tuple[str, ...] = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")

#: Group nouns that head an actor phrase with a describing word (``مسلحين محليين``) unless a
#: number counts them (``12 مقاتلين محليين``: the count's noun).
_COUNTABLE_HEADS = keys("مقاتلين مقاتلون مسلحين مسلحون مجموعات جماعات ميليشيات مليشيات")
#: Heads and modifiers of descriptive actor phrases (``الطائرات الحربية الروسية``).
_ACTOR_HEADS = keys("""
    طائرات الطائرات طيران الطيران مقاتلات المقاتلات مروحيات المروحيات قوات القوات مدفعية راجمات
    الطائرات الحربية البوارج سفن التنظيمات تنظيمات المجموعة دول الفصيل
    """) | _COUNTABLE_HEADS
_ACTOR_MODIFIERS = keys("""
    النظام الحربية حربية الحربي الروسية روسية الروسي التركية تركية التركي السورية السوري المروحية مروحية
    الإسرائيلية الإسرائيلي التحالف الدولي الأمريكية الأميركية الحكومية النظامية المسيرة مسيرة الكردية
    التابعة للنظام الإيرانية العراقية الأردنية
    أكراد اكراد إيرانيين ايرانيين أفغان محليين محليون موالين موالون لها له لهما مسلحة معارضة معارضين معارضون
    المعارض
    إرهابية ارهابية متشددة جهادية أجانب شيعية طائفية الجهادية المتشددة الإرهابية الارهابية المتطرفة
    غربية أجنبية
    """)
#: The fighters as a party (``انسحاب المقاتلين``, ``المقاتلين الأكراد``) unless a number counts
#: them (``آلاف المقاتلين والمدنيين``, ``ثمانية من المقاتلين``: the count's noun).
_BARE_FIGHTERS = ("المقاتلين", "المقاتلون")
#: ``القاعدة الجوية``: the word of al-Qaeda before a kind of base names a base.
_QAEDA = key("القاعدة")
_BASE_KINDS = keys("الجوية العسكرية البحرية")
_GUNMEN = (("مسلحون", "مجهولون"), ("مسلحين", "مجهولين"), ("مسلحون", "مجهولو", "الهوية"))
#: Generic names of parties, beside configs/actors.yaml (category ids for the lexicon).
GENERIC_ACTORS: tuple[tuple[str, str], ...] = (
    ("النظام السوري", "regime"), ("النظام", "regime"), ("نظام الأسد", "regime"), ("الحكومة السورية", "regime"),
    ("القوات السورية", "regime"), ("القوات الحكومية السورية", "regime"), ("الجيش السوري الحكومي", "regime"),
    ("القوات الموالية للنظام", "regime"), ("القوات الموالية له", "regime"), ("الموالين له", "regime"),
    ("القوات الموالية لها", "regime"),
    *((f"{militias} {bound}", "regime") for militias in ("الميليشيات", "المليشيات")
      for bound in ("التابعة له", "التابعة لها", "المتحالفة معه", "المتحالفة معها")),
    ("المسلحين الموالين له", "regime"), ("حزب الله", "regime"), ("الطيران الحربي", "regime"),
    ("المعارضة", "fighter"), ("المعارضة السورية", "fighter"), ("المعارضة المسلحة", "fighter"),
    ("الفصائل المعارضة", "fighter"), ("فصائل معارضة", "fighter"), ("فصائل المعارضة المسلحة", "fighter"),
    ("الفصائل الإسلامية", "fighter"), ("مقاتلي المعارضة", "fighter"), ("الجيش السوري الحر", "fighter"),
    ("الجيش الحر", "fighter"), ("الجماعات المسلحة", "fighter"), ("المجموعات المسلحة", "fighter"),
    ("المسلحين", "fighter"), ("المسلحون", "fighter"), *((w, "combatant") for w in _BARE_FIGHTERS), ("الجهاديين", "jihadist"), ("الجهاديون", "jihadist"),
    ("القاعدة", "jihadist"), ("التنظيم", "isis"), ("التنظيم المتطرف", "isis"), ("تنظيم الدولة الإسلامية", "isis"),
    ("مسلحي داعش", "isis"), ("مقاتلي التنظيم", "isis"), ("مقاتلي تنظيم الدولة الإسلامية", "isis"),
    ("مقاتلي تنظيم داعش", "isis"), ("الإرهابيين", "other"), ("الجماعات الإرهابية", "other"),
    ("وزارة الدفاع الروسية", "foreign_forces"), ("الجيش الروسي", "foreign_forces"),
    ("التحالف الدولي", "foreign_forces"), ("قوات التحالف", "foreign_forces"),
    ("الحكومة", "regime"), ("الجيش", "regime"), ("الشرطة", "other"), ("السلطات", "other"),
    ("قوات الأمن", "other"), ("الأجهزة الأمنية", "regime"), ("القوات الأمنية", "other"), ("القوة الأمنية", "other"),
    ("المتطرفين", "jihadist"), ("المتشددين", "jihadist"), ("المتمردين", "fighter"), ("التحالف", "foreign_forces"),
    ("المروحيات", "regime"), ("قوات المعارضة", "fighter"), ("مقاتلي المعارضة", "fighter"),
    ("المتمردين الأكراد", "other"), ("الجبهة", "jihadist"), ("الحزب", "other"), ("الحركة", "fighter"),
    ("الفرقة", "fighter"), ("الأميركيين", "foreign_forces"), ("الأمريكيين", "foreign_forces"),
    ("فصائل", "fighter"), ("متطرفون", "jihadist"), ("متشددون", "jihadist"), ("الأطراف المتحاربة", "combatant"),
    ("الجانب الروسي", "foreign_forces"), ("الائتلاف الدولي", "foreign_forces"),
    # a group named before, pointed back to (``تلك القوات``, ``هذه الفصائل``): on the real train
    # and team gold every such plural is an ACTOR (a singular such as هذه المجموعة is not)
    *((f"{this} {noun}", cid) for this in ("هذه", "تلك") for noun, cid in (
        ("القوات", "combatant"), ("الفصائل", "fighter"), ("الجماعات", "fighter"), ("المجموعات", "fighter"),
        ("الميليشيات", "combatant"), ("الوحدات", "combatant"), ("التنظيمات", "jihadist"))),
    # the president's forces, government or regime (قوات الرئيس السوري بشار الأسد, حكومة الرئيس الأسد)
    *((f"{head} الرئيس {name}", "regime") for head in ("قوات", "حكومة", "نظام", "جيش")
      for name in ("السوري", "الأسد", "بشار الأسد", "السوري بشار الأسد")),
)
_PLACE_PREPS = keys("""في إلى الى من داخل عبر نحو باتجاه قرب حول شمال جنوب شرق غرب عاصمة مع شمالي جنوبي شرقي غربي
                     أنحاء انحاء مقرها ومقرها مقره ومقره تتاخم""")
#: Words that continue an actor phrase: ``وحلفائها``, ``بقيادة واشنطن``.
_ALLIES = keys("وحلفائها وحلفاؤها وحلفائه وحلفاؤه وحلفاءها والموالين")
_LED_BY = keys("بقيادة")
#: Cue words before a place name: outside the span, and inside it (حي, مخيم).
_PLACE_CUES_OUT = keys("مدينة بلدة قرية محافظة ناحية بلدتي قريتي مدينتي")
_PLACE_CUES_IN = keys("مخيم حي")
#: Landmarks whose word belongs to the PLACE span (``سهل الزبداني``, ``مطار الثعلة``); the
#: last ones only before a known place name (``جبهة الزبداني``, not ``جبهة النصرة``). Not
#: محور, مفرق, دوار: the real gold keeps them in the span, the team gold leaves them out.
_LANDMARKS_OF_KNOWN = keys("جبهة جبال سهل")
_LANDMARKS = keys("مطار معسكر قلعة") | _LANDMARKS_OF_KNOWN
_RURAL = keys("ريف ريفي")
_COUNTRYSIDE = key("الريف")
_OF_GOVERNORATE = keys("لمحافظة لمدينة")
_UNIT_NUMBER = re.compile(rf"{GAP}\d+(?!\d)")
#: Group nouns that open an actor phrase before a party's name (``فصائل المعارضة``).
_GROUP_HEADS = keys("""وحدات قوة قوى كتائب تشكيلات فصائل دورية مخابرات رجال فرق عناصر مقاتلو مقاتلون مقاتلين
                     مقاتلي مسلحو مسلحي مسلحون أفراد جنود ميليشيا ميليشيات مجموعات جماعات""")
#: Words before a place name that make it the name of a meeting or an accord.
_EVENTS = keys("مؤتمر اتفاق اتفاقية محادثات مفاوضات مباحثات بيان مسار قمة منصة جولة")
#: ``كرة القدم``: a game, whatever place a gazetteer names by its second word.
_BALL = keys("كرة لكرة بكرة وكرة الكرة ولكرة")  # not فكرة (an idea)
_DIRECTIONS = keys("الشمالي الجنوبي الشرقي الغربي الأوسط والجنوبي والشمالي والشرقي والغربي")
_COMPOUND_FIRST = keys("تل دير جسر خان معرة كفر عين رأس أبو أم بيت جبل سهل وادي مرج تلة بئر قصر حزم سيدي")
_NOT_NAMES = keys("""
    في من على إلى عن مع بين التي الذي الواقعة الواقع الخاضعة الخاضع المحاصرة المحاصر المجاورة المجاور
    الحدودية الحدودي ذاتها نفسها نفسه ذاته عدة أخرى كبيرة صغيرة جديدة قريبة
    """)


#: what a letter count steps over: diacritics, tatweel, invisible marks
_MARKS = DIACRITICS | FORMAT_MARKS | {TATWEEL}


def _skip_letters(text: str, start: int, n: int) -> int:
    """Raw offset after the first ``n`` letters from ``start`` (marks stepped over)."""
    pos = start
    seen = 0
    while pos < len(text) and seen < n:
        if text[pos] not in _MARKS:
            seen += 1
        pos += 1
    while n and pos < len(text) and text[pos] in _MARKS:
        pos += 1  # the marks and tatweel of the clitic (لـالفيلق) stay outside the span
    return pos


def _first_forms(word_key: str) -> list[tuple[str, int]]:
    """A first word's key with each glued clitic removed: ``(key, letters removed)``."""
    out = [(word_key, 0)]
    for clitic in _CLITICS:
        if word_key.startswith(clitic) and len(word_key) - len(clitic) >= 2:
            rest = word_key[len(clitic):]
            out.append((rest, len(clitic)))
            if clitic.endswith("ل") and rest.startswith("ل"):
                out.append(("ا" + rest, len(clitic)))
    return out


_GENERIC = ActorLexicon.from_phrases(GENERIC_ACTORS)
_STATES = ActorLexicon.from_phrases((s, "foreign_forces") for s in STATE_ACTORS)
_STATE_NAMES = keys(STATE_ACTORS)
_BARE_FIGHTER_KEYS = keys(_BARE_FIGHTERS)


def find_actors(text: str, actors: ActorLexicon, view: TokenView | None = None) -> list[Span]:
    """ACTOR spans: lexicon phrases (longest first), generic party names, states
    acting as parties, and descriptive patterns (``طائرات النظام الحربية``)."""
    v = view or TokenView(text)
    merged = ActorLexicon({**_GENERIC.phrases, **actors.phrases}, actors.source)
    out: list[Span] = []
    i = 0
    while i < len(v):
        hit = _actor_at(v, i, merged)
        if hit is None:
            hit = _actor_at(v, i, _STATES)
            if hit is not None and _after_place_prep(v, i, hit[0]):
                start, end = hit[0], v[hit[1] - 1].end
                if not _state_dealt_with(v, Span(start, end, "ACTOR", text[start:end])):
                    hit = None  # في تركيا: where; مفاوضات مع واشنطن, مدعوم من واشنطن: a party
        if hit is None:
            i += 1
            continue
        start, j = hit
        j = _extend_actor(v, j)
        end = v[j - 1].end
        if j < len(v) and v[j].is_quote and _unbalanced(text[start:end]):
            end = v[j].end
            j += 1
        out.append(Span(start, end, "ACTOR", text[start:end]))
        i = j
    return out + _named_again(v, out)


#: Heads of a party's name that the party is called by again with the article once named
#: (``هيئة تحرير الشام`` … ``سيطرت الهيئة``, ``فيلق الرحمن`` … ``وافق الفيلق``).
_NAME_HEADS = keys("هيئة فيلق فصيل جماعة لواء وحدات كتيبة")


def _named_again(v: TokenView, actors: list[Span]) -> list[Span]:
    """A party named again by its head noun with the article after its full name (one word,
    a glued clitic outside); not as an apposition right after a name (``جيش الإسلام، الفصيل
    الأقوى``: a description)."""
    named: dict[str, int] = {}
    for a in actors:
        i = v.first_at_or_after(a.start)
        head = next((f for f, _ in _first_forms(v[i].key) if f in _NAME_HEADS), None) if i < len(v) else None
        if head is not None:
            named.setdefault("ال" + head, a.end)
    if not named:
        return []
    taken = [(a.start, a.end) for a in actors]
    out: list[Span] = []
    for i, t in enumerate(v.toks):
        if not t.is_word:
            continue
        hit = next(((f, n) for f, n in _first_forms(t.key) if named.get(f, len(v.text)) <= t.start), None)
        if hit is None or any(a < t.end and t.start < b for a, b in taken) or _apposition(v, i, taken):
            continue
        start = _skip_letters(v.text, t.start, hit[1])
        out.append(Span(start, t.end, "ACTOR", v.text[start:t.end]))
    return out


def _apposition(v: TokenView, i: int, actors: list[tuple[int, int]]) -> bool:
    """Is the word at ``i`` right after a comma that closes an actor's name (quotes between)?"""
    if i < 1 or v[i - 1].key != ",":
        return False
    comma = v[i - 1].start
    return any(b <= comma and not v.text[b:comma].strip(' "»”') for _, b in actors)


def _unbalanced(inner: str) -> bool:
    """Does ``inner`` open a quotation it does not close?"""
    return inner.count('"') % 2 == 1 or sum(inner.count(q) for q in "«“") > sum(inner.count(q) for q in "»”")


def _after_place_prep(v: TokenView, i: int, start: int) -> bool:
    glued = v.glued_prefix(i, start)
    if glued in ("ب", "وب", "فب"):
        return True  # بتركيا: in Turkey (لتركيا, to Turkey, names the state)
    p = v.prev_word(i - 1)
    return p is not None and v[p].key in _PLACE_PREPS


def _extend_actor(v: TokenView, j: int) -> int:
    """Grow an actor phrase over ``وحلفائها`` and ``بقيادة X``."""
    if j < len(v) and v[j].is_word and v[j].key in _ALLIES:
        j += 1
    if j + 1 < len(v) and v[j].is_word and v[j].key in _LED_BY and v[j + 1].is_word:
        j += 2
    return j


def _words_from(v: TokenView, i: int, n: int) -> list[int]:
    """Indices of up to ``n`` word tokens from ``i``, stepping over quotes only; not over one
    that closes a quotation opened before ``i`` (``«حزب الله» اللبناني``: the name ends there)."""
    out: list[int] = []
    k = i
    opened_before = i > 0 and v[i - 1].is_quote and v[i - 1].text in ('"', "«", "“") \
        and v[i - 1].end == v[i].start  # the quote sticks to the word it opens
    while k < len(v) and len(out) < n:
        if v[k].is_quote:
            if opened_before and v[k].text in ('"', "»", "”") and k > i and v[k].start == v[k - 1].end:
                break  # and a closing one to the word it closes
            k += 1
            continue
        if not v[k].is_word:
            break
        out.append(k)
        k += 1
    return out


def _actor_at(v: TokenView, i: int, actors: ActorLexicon) -> tuple[int, int] | None:
    t = v[i]
    if not t.is_word:
        return None
    best: tuple[int, int] | None = None
    words = _words_from(v, i, actors.max_len)
    for first, skip in _first_forms(t.key):
        for n in range(len(words), 0, -1):
            if best is not None and words[n - 1] + 1 <= best[1]:
                break
            if (first, *(v[x].key for x in words[1:n])) in actors.phrases:
                best = (_skip_letters(v.text, t.start, skip), words[n - 1] + 1)
                break
        if best is not None and first in _BARE_FIGHTER_KEYS and _counted(v, i, partitive=True):
            best = None
        if best is not None and best[1] == i + 1 and first == _QAEDA and i + 1 < len(v) and v[i + 1].key in _BASE_KINDS:
            best = None  # القاعدة الجوية: an air base, not al-Qaeda
        # descriptive: head + modifiers (طائرات النظام الحربية)
        if first in _ACTOR_HEADS and not (first in _COUNTABLE_HEADS and _counted(v, i)):
            j = i + 1
            while j < len(v) and v[j].is_word and v[j].key in _ACTOR_MODIFIERS:
                j += 1
            if j > i + 1 and (best is None or j > best[1]):
                best = (_skip_letters(v.text, t.start, skip), j)
        for phrase in _GUNMEN:
            n = len(phrase)
            hit = first == key(phrase[0]) and all(
                i + m < len(v) and v[i + m].key == key(phrase[m]) for m in range(1, n))
            if hit and (best is None or i + n > best[1]):
                best = (_skip_letters(v.text, t.start, skip), i + n)
    return best


def _counted_noun(v: TokenView, actor: Span, ontology: Ontology) -> Span:
    """An actor phrase right after a number that opens with a people noun (``عشرات الجنود
    الأتراك``, ``مقتل 12 جنديا تركيا``) is the noun the number counts: a CATEGORY."""
    i = v.first_at_or_after(actor.start)
    if i >= len(v) or v[i].start != actor.start or not _counted(v, i):
        return actor
    return replace(actor, label="CATEGORY") if ontology.noun_id(v[i].text) is not None else actor


def _counted(v: TokenView, i: int, partitive: bool = False) -> bool:
    """Is the word at ``i`` right after a number (``12 مقاتلين``, ``ثلاثة مسلحين``), or with
    ``partitive`` after a number and من, quotes stepped over (``ثمانية من المقاتلين``,
    ``"آلاف" المقاتلين``)?"""
    p = v.prev_word(i - 1)
    if not partitive:
        return p is not None and p == i - 1 and figure_at(v, p)
    if p is not None and v[p].key == "من":
        p = v.prev_word(p - 1)
    return p is not None and figure_at(v, p) and all(v[k].is_quote for k in range(p + 1, i) if v[k].key != "من")


def find_places(text: str, gazetteer: Gazetteer | None, view: TokenView | None = None) -> list[Span]:
    """PLACE spans: gazetteer names and ``مدينة X`` / ``مخيم X`` / ``سهل X`` / ``ريف X`` patterns,
    none inside a news desk's name (``مكتب أخبار سوريا``)."""
    v = view or TokenView(text)
    spans: list[Span] = []
    if gazetteer is not None:
        spans = [Span(a, b, "PLACE", text[a:b]) for a, b, place in gazetteer.find_all(text)
                 if not _names_an_event(v, a, b, place)]
    known = {s.start: s.end for s in spans}
    for i, t in enumerate(v.toks):
        if not t.is_word:
            continue
        forms = dict(_first_forms(t.key))
        cue_in = next((f for f in forms if f in _PLACE_CUES_IN), None)
        cue_out = next((f for f in forms if f in _PLACE_CUES_OUT), None)
        rural = next((f for f in forms if f in _RURAL), None)
        landmark = next((f for f in forms if f in _LANDMARKS), None)
        if cue_in is None and cue_out is None and rural is None and landmark is None:
            continue
        j = _name_end(v, i + 1)
        if j is None or (landmark in _LANDMARKS_OF_KNOWN and v[i + 1].start not in known):
            continue
        if rural is not None:
            while j < len(v) and v[j].is_word and v[j].key in _DIRECTIONS:
                j += 1
        if cue_out is not None:
            start = v[i + 1].start
        else:
            start = _skip_letters(text, t.start, forms[cue_in or rural or landmark or ""])
        end = max(v[j - 1].end, known.get(v[i + 1].start, 0))
        spans.append(Span(start, end, "PLACE", text[start:end]))
    desks = news_desks(text)
    return _non_overlapping([_countryside_of(v, s, known) for s in spans
                             if not any(a <= s.start and s.end <= b for a, b in desks)])


def _countryside_of(v: TokenView, span: Span, known: dict[int, int]) -> Span:
    """``الريف الشمالي`` grown over more directions and the place it belongs to, written
    with ل (``الريف الجنوبي الشرقي لجسر الشغور``, ``الريف الشرقي لمحافظة درعا``)."""
    i = v.first_at_or_after(span.start)
    if i >= len(v) or v[i].key != _COUNTRYSIDE:
        return span
    j = v.first_at_or_after(span.end)
    while j < len(v) and v[j].is_word and v[j].key in _DIRECTIONS:
        j += 1
    if j >= len(v) or not v[j].is_word or not v[j].key.startswith("ل"):
        return span
    owner = v[j + 1].start if v[j].key in _OF_GOVERNORATE and j + 1 < len(v) else v[j].start + 1
    end = known.get(owner)
    if end is None:
        return span
    return replace(span, end=end, text=v.text[span.start:end])



def _names_an_event(v: TokenView, start: int, end: int, place: Place) -> bool:
    """Is the place name at ``[start, end)`` part of the name of a meeting or an accord
    (``مؤتمر بروكسل``, ``محادثات سوتشي``, ``اتفاق خفض التصعيد``), of a game (``كرة القدم``)
    or of a newspaper, a region in quotes (``لـ«الشرق الأوسط»``)?"""
    i = v.first_at_or_after(start)
    p = v.prev_word(i - 1) if 0 < i < len(v) and v[i].start == start else None
    if p is not None and (v[p].key in _EVENTS or v[p].key in _BALL):
        return True  # مؤتمر بروكسل; لكرة القدم: football, not the Damascus quarter
    quoted = v.text[start - 1:start] in "«\"“" and v.text[end:end + 1] in "»\"”"
    return start > 0 and quoted and place.kind == "region" and place.abroad


def _name_end(v: TokenView, i: int) -> int | None:
    """One past a place name starting at token ``i`` (one word, two after تل/دير/…)."""
    if i >= len(v) or not v[i].is_word or v[i].key in _NOT_NAMES or len(v[i].key) < 2:
        return None
    if v[i].has(cues.THING_NOUNS) or v[i].has(cues.DURATION_UNITS):
        return None
    if v[i].key in _COMPOUND_FIRST and i + 1 < len(v) and v[i + 1].is_word:
        return i + 2
    return i + 1


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans (then the earliest)."""
    out: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(s.start, s.end)):
            out.append(s)
            taken.update(range(s.start, s.end))
    return sorted(out, key=lambda s: s.start)


@dataclass(frozen=True)
class RulesConfig:
    """Settings of the rules (:class:`RulesTagger`, ``hasila weak-label``)."""

    actors: str = "configs/actors.yaml"
    categories: str = "configs/categories.yaml"
    #: Gazetteer TSV; empty: place patterns only. A file that cannot be loaded is an error.
    gazetteer: str = "data/gazetteer/places.tsv"
    #: Places abroad (same columns; read with ``gazetteer``); empty: Syria's places only.
    world: str = "data/gazetteer/world.tsv"
    model_version: str = "rules-v1"
    link: LinkConfig = field(default_factory=LinkConfig)


def rules_label(text: str, gazetteer: Gazetteer | None, actors: ActorLexicon, ontology: Ontology,
               doc_id: str = "doc", link_config: LinkConfig | None = None) -> Doc:
    """Label one report with the rules: spans, COUNT attributes and relations."""
    view = TokenView(text)
    actor_spans = [_counted_noun(view, a, ontology) for a in _noun_phrases(text, find_actors(text, actors, view))]
    actor_spans = _aircraft_of_a_model(text, _army_and_police(text, actor_spans))
    struck = [a for a in actor_spans if _state_struck(view, a)]
    actor_spans = [a for a in actor_spans if a not in struck]
    in_actor = {ch for a in actor_spans for ch in range(a.start, a.end)}
    places = [p for p in find_places(text, gazetteer, view) if in_actor.isdisjoint(range(p.start, p.end))
              and not _nisba_after_noun(text, p, ontology) and not _adjective_after_noun(view, p)
              and not _TANWEEN.intersection(p.text)]
    places += [replace(a, label="PLACE") for a in struck if not any(p.start == a.start for p in places)]
    acting = [p for p in places if _state_acting(view, p) or _state_dealt_with(view, p)]
    places = [p for p in places if p not in acting]
    actor_spans += [replace(p, label="ACTOR") for p in acting]
    actor_spans, places = _coordinated_states(view, actor_spans, places)
    # a place's head noun and direction adjectives (حي جوبر، ريف حلب الشمالي); a bare place name
    # after في / داخل / a direction is the place, not a party (the model's decoding does the same)
    spans = places_not_actors(text, place_phrases(text, sorted(actor_spans + places, key=lambda s: s.start)))
    cfg = replace(link_config or LinkConfig(), rules_fallback=True, category_spans=True)
    res = link(text, spans, ontology, cfg)
    doc = res.to_doc(doc_id, text)
    return _tidy(doc)


#: The state's armed bodies the gold keeps in one phrase when joined by و (الجيش والشرطة التركيين).
_SECURITY_BODIES = keys("الجيش الشرطة الأمن الدرك")


def _army_and_police(text: str, spans: list[Span]) -> list[Span]:
    """``الجيش والشرطة``, ``وحدات الشرطة والجيش التركيين``: the army and the police joined by و
    are one ACTOR, as the gold writes them (the second span's adjectives close the phrase)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and prev.label == s.label == "ACTOR" and key(text[prev.end:s.start]) == "و" \
                and key(prev.text.split()[-1]) in _SECURITY_BODIES and key(s.text.split()[0]) in _SECURITY_BODIES:
            out[-1] = replace(prev, end=s.end, text=text[prev.start:s.end])
            continue
        out.append(s)
    return out


#: Warplanes named with their model (``مقاتلات اف-16``, ``طائرات "أف 16" عراقية``), then a
#: nisba, the force they belong to after من, or the model after من طراز (``مقاتلات تركية من طراز
#: إف ــ 16``): one ACTOR, as the gold writes them.
_PLANES = r"(?:ال)?(?:مقاتلات|طائرات)"
_MODEL = r"(?:[\"«(]\s*)?(?:[اإأ]ف|سو|ميغ|ميج|F)\s*[-ـ]*\s*\d+(?:\s*[\"»)])?"
_PLANE_MODEL = re.compile(rf"(?<!\w)[وف]?({_PLANES}{GAP}{_MODEL}(?:{GAP}(?!ال)\w+ية)?)(?!\w)")
_PLANE_OF_MODEL = re.compile(rf"(?<!\w)[وف]?({_PLANES}{GAP}(?!ال)\w+ية{GAP}من{GAP}طراز{GAP}{_MODEL})")
_FROM = re.compile(rf"{GAP}من{GAP}")


def _aircraft_of_a_model(text: str, spans: list[Span]) -> list[Span]:
    """Warplanes named with their model are one ACTOR with the nisba or force that follows
    (read on the normalised text, so diacritics and tatweel do not hide them)."""
    norm = normalize(text)
    found: list[tuple[int, int]] = []
    for m in _PLANE_MODEL.finditer(norm.text):
        start, end = norm.raw_span(m.start(1), m.end(1))
        frm = _FROM.match(norm.text, m.end(1))
        after = norm.raw_span(frm.end(), frm.end() + 1)[0] if frm and frm.end() < len(norm.text) else -1
        force = next((s for s in spans if s.label == "ACTOR" and s.start == after), None)
        found.append((start, force.end if force is not None else end))
    found += [norm.raw_span(m.start(1), m.end(1)) for m in _PLANE_OF_MODEL.finditer(norm.text)]
    if not found:
        return spans
    out = [s for s in spans if not any(s.start < b and a < s.end for a, b in found)]
    out += [Span(a, b, "ACTOR", text[a:b]) for a, b in found]
    return sorted(out, key=lambda s: s.start)


#: Syria's own names as a state (its capital for its government), besides the countries abroad.
_SYRIA_AS_STATE = keys("دمشق سوريا سورية")


def _state_acting(v: TokenView, place: Span) -> bool:
    """A country or capital named right after a verb it is the subject of (``نفت دمشق``,
    ``ووعدت فرنسا``, ``الذي نفته دمشق``) is a party acting, not a place."""
    p = _word_before_state(v, place)
    return p is not None and v[p].plain(ACTING_VERBS)


def _is_state(name: str) -> bool:
    """Does ``name`` name a state: a country or capital abroad, or Syria's own names?"""
    k = key(name)
    return k in _SYRIA_AS_STATE or k in _STATE_NAMES or abroad(name)


#: ``كل من`` (each of) before a list of states: no preposition of place.
_EACH = keys("كل وكل بكل لكل كلا وكلا")


def _coordinated_states(v: TokenView, actors: list[Span], places: list[Span]) -> tuple[list[Span], list[Span]]:
    """States joined by و (``الولايات المتحدة وبريطانيا وفرنسا``, ``موسكو ودمشق``) play one
    role: each takes the label of the first, which its verb or preposition decided (``في تركيا
    وروسيا``: places; ``شنت روسيا وإيران``: parties). After ``كل من`` the first takes the
    second's label (``رعت كل من تركيا وروسيا``)."""
    states = sorted((s for s in actors + places if _is_state(s.text)), key=lambda s: s.start)
    chains: list[list[Span]] = []
    for s in states:
        if chains and _joined(v, chains[-1][-1], s):
            chains[-1].append(s)
        else:
            chains.append([s])
    relabel: dict[int, str] = {}
    for chain in chains:
        if len(chain) < 2:
            continue
        first = chain[0]
        label = chain[1].label if _after_each(v, first) else first.label
        relabel.update((s.start, label) for s in chain)
    if not relabel:
        return actors, places
    moved = [replace(s, label=relabel.get(s.start, s.label)) for s in actors + places]
    return [s for s in moved if s.label == "ACTOR"], [s for s in moved if s.label == "PLACE"]


def _joined(v: TokenView, a: Span, b: Span) -> bool:
    """Is ``b`` glued to the و right after ``a`` (``روسيا وإيران``), or after a comma (``روسيا، إيران``)?"""
    i = v.first_at_or_after(b.start)
    if i >= len(v) or v.glued_prefix(i, b.start) != "و":
        return False
    return not v.text[a.end:v[i].start].replace("،", " ").replace(",", " ").strip()


def _after_each(v: TokenView, span: Span) -> bool:
    """Is ``span`` right after ``كل من``?"""
    p = _word_right_before(v, span)
    if p is None or v[p].key != "من":
        return False
    q = v.prev_word(p - 1)
    return q is not None and v[q].key in _EACH


def _word_before_state(v: TokenView, span: Span) -> int | None:
    """The token of the word right before ``span`` (:func:`_word_right_before`) when ``span``
    names a state (:func:`_is_state`)."""
    return _word_right_before(v, span) if _is_state(span.text) else None


#: Nunation marks: a name never takes them (``1452 سوريًا`` counts Syrians, no place).
_TANWEEN = frozenset("\u064b\u064c\u064d")
#: ``مع`` (with) before a state: a party dealt with (مفاوضات مع روسيا), but for a border word
#: before it (الحدود مع تركيا: a place).
_WITH = keys("مع ومع")
_BORDER_WORDS = keys("الحدود حدود حدودها حدوده الحدودية الحدودي حدودي حدودية المعابر معبر المعبر كلم كيلومتر كيلومترا")


#: ``مدعوم من`` / ``بدعم (مباشر) من`` before a state: the state backs a party, it is one.
_SUPPORT_WORDS = keys("مدعوم مدعومة مدعومين مدعومون مدعوما المدعوم المدعومة المدعومين دعم بدعم الدعم بمساندة مساندة")
_DIRECT = keys("مباشر مباشرة")


#: Verbs whose object is where things happened (``شهدت تركيا هجوما``, ``هزت تركيا انفجارات``).
_STRUCK_VERBS = keys("شهدت شهد تشهد يشهد هزت هز تهز ضرب ضربت طال طالت")


def _state_struck(v: TokenView, actor: Span) -> bool:
    """A state named right after a verb of what befell it (``شهدت تركيا أمس هجوما``) is where
    it happened, a place."""
    p = _word_before_state(v, actor)
    return p is not None and v[p].plain(_STRUCK_VERBS)


def _state_dealt_with(v: TokenView, place: Span) -> bool:
    """A country or capital after ``مع`` (``مفاوضات مع روسيا``, ``العلاقات مع دمشق``) is a party,
    unless a border word comes before ``مع`` (``الحدود مع تركيا``): there it is a place; so is
    one backing a party (``مدعومة من روسيا``, ``بدعم مباشر من تركيا``)."""
    p = _word_before_state(v, place)
    if p is None:
        return False
    q = v.prev_word(p - 1)
    if v[p].key == "من":  # مدعوم من روسيا، بدعم مباشر من تركيا: the backer
        if q is not None and v[q].has(_DIRECT):
            q = v.prev_word(q - 1)
        return q is not None and v[q].has(_SUPPORT_WORDS)
    if not v[p].plain(_WITH):
        return False
    for _ in range(3):  # معبر نصيب الحدودي المغلق مع الأردن: a border word a few words back
        if q is None or v.is_boundary(q):
            return True
        if v[q].has(_BORDER_WORDS):
            return False
        q = v.prev_word(q - 1)
    return True


def _word_right_before(v: TokenView, place: Span) -> int | None:
    """The token of the word right before ``place``, when the name stands as a word of its own
    (not glued to a clitic: لدمشق، بسورية، وسورية) and nothing but space comes between."""
    i = v.first_at_or_after(place.start)
    if i >= len(v) or v[i].start != place.start:
        return None
    p = v.prev_word(i - 1)
    return p if p is not None and p == v.last_before(place.start) else None


def _nisba_after_noun(text: str, place: Span, ontology: Ontology) -> bool:
    """``جنديا سوريا``, ``طفلا تركيا``: a country's name right after a counted noun in the
    accusative is the adjective of its people (Syrian, Turkish), not the country."""
    if not key(place.text).endswith("يا"):
        return False
    m = word_before(text, place.start, reach=20)
    return m is not None and key(m.group(1)) in _accusatives(ontology)


def _adjective_after_noun(v: TokenView, place: Span) -> bool:
    """``وسائل إعلام سورية``, ``13 محافظة تركية``: a one-word name shaped like a feminine
    adjective (``…ية``) after a word that is no place preposition qualifies that word (Syrian,
    Turkish); the country it may also name (``في سورية``) follows a preposition."""
    k = key(place.text)
    if " " in k.strip() or not k.endswith("يه") or (k[:-2] + "يا" != "سوريا" and not abroad(k[:-2] + "يا")):
        return False  # تركية / تركيا, سورية / سوريا; not حمورية
    p = _word_right_before(v, place)
    return p is not None and not v[p].plain(_PLACE_PREPS | _OTHER_PREPS)


#: Prepositions before a country's name beside those of a place (``بين سورية والعراق``).
_OTHER_PREPS = keys("بين بشأن عن على ضد تجاه لدى حيال")


@functools.lru_cache(maxsize=4)
def _accusatives(ontology: Ontology) -> frozenset[str]:
    """Folded accusative forms of the ontology's nouns (``جنديا``, ``طفلا``)."""
    return frozenset(key(w) for c in ontology.categories for w in c.accusative)


def _noun_phrases(text: str, spans: list[Span]) -> list[Span]:
    """The actor spans widened to the actor's noun phrase as the model's are
    (:func:`hasila.rules.phrases.actor_phrases`: ``مقاتلي المعارضة``, ``تنظيم داعش الإرهابي``,
    ``المتطرفين الفرنسيين``; a head with a clitic, ``و`` + ``مسلحي داعش``, without the clitic)."""
    wide = actor_phrases(text, spans, glued_heads=True)
    flat = unwrap(text)  # a hard-wrapped line's break is a space (same offsets)
    return _non_overlapping([_with_number(text, _with_head(text, flat, s)) for s in wide])


def _with_number(text: str, span: Span) -> Span:
    """A unit's span with its number (``للفرقة 30``: the span ``لفرقة`` after ل grows to
    ``لفرقة 30``, as :func:`hasila.rules.phrases.actor_phrases` does for ``الفرقة 30``)."""
    last = key(span.text.split()[-1])
    m = _UNIT_NUMBER.match(text, span.end)
    if m is None or not (last.startswith("ل") and "ا" + last in UNIT_KEYS):
        return span
    return replace(span, end=m.end(), text=text[span.start:m.end()])


def _with_head(text: str, flat: str, span: Span) -> Span:
    """The span with a group noun before it, directly or with من (``وحدات الجيش``,
    ``عناصر من حزب العمال الكردستاني``), unless a number counts that group (a partitive);
    ``flat``: the text unwrapped (:func:`hasila.text.arabic.unwrap`), read for the words before."""
    v = TokenView(flat[max(0, span.start - 60):span.start])
    k = len(v) - 1
    if k >= 0 and v[k].is_word and v[k].key == "من":
        k -= 1
    if k < 0 or not v[k].is_word:
        return span
    forms = dict(_first_forms(v[k].key))
    head = next((f for f in forms if f in _GROUP_HEADS), None)
    if head is None or (k > 0 and figure_at(v, k - 1)):
        return span
    start = max(0, span.start - 60) + _skip_letters(v.text, v[k].start, forms[head])
    return replace(span, start=start, text=text[start:span.end])


def _tidy(doc: Doc) -> Doc:
    """Drop ACTOR spans under a CATEGORY (``9 من قوات النظام``: the partitive group)
    and spans that overlap COUNTs; give readable ids (c1, k1, a1, p1)."""
    in_cat = {ch for s in doc.spans if s.label in ("CATEGORY", "COUNT") for ch in range(s.start, s.end)}
    keep = [s for s in doc.spans if s.label in ("CATEGORY", "COUNT")
            or in_cat.isdisjoint(range(s.start, s.end))]
    prefix = {"COUNT": "c", "CATEGORY": "k", "ACTOR": "a", "PLACE": "p"}
    counter: dict[str, int] = {}
    new_id: dict[str, str] = {}
    spans = []
    for s in sorted(keep, key=lambda s: (s.start, s.end)):
        counter[s.label] = counter.get(s.label, 0) + 1
        nid = f"{prefix[s.label]}{counter[s.label]}"
        if s.id is not None:
            new_id[s.id] = nid
        spans.append(replace(s, id=nid))
    rels = [Relation(new_id[r.from_id], new_id[r.to_id], r.type) for r in doc.relations
            if r.from_id in new_id and r.to_id in new_id]
    return Doc(doc.id, doc.text, spans, rels, dict(doc.meta))


class RulesTagger:
    """The rules with their word lists loaded once. :meth:`label` gives a report's whole
    :class:`~hasila.schema.Doc` (spans, COUNT attributes, relations); :meth:`tag` gives the spans
    only, the :class:`~hasila.schema.SpanTagger` interface of the trained
    :class:`~hasila.model.infer.Tagger`, so ``hasila predict --rules`` runs the rules instead of a model."""

    model_dir = None
    bf16 = False

    def __init__(self, gazetteer: Gazetteer | None, actors: ActorLexicon, ontology: Ontology,
                 link_config: LinkConfig | None = None) -> None:
        self.gazetteer = gazetteer
        self.actors = actors
        self.ontology = ontology
        self.link_config = link_config or LinkConfig()

    @classmethod
    def load(cls, config: RulesConfig | None = None, ontology: Ontology | None = None) -> RulesTagger:
        cfg = config or RulesConfig()
        root = project_root()

        def resolve(p: str) -> Path:
            path = Path(p)
            return path if path.is_absolute() else root / path

        gazetteer = None
        if cfg.gazetteer:
            from hasila.text.gazetteer import Gazetteer

            try:
                gazetteer = Gazetteer.load(resolve(cfg.gazetteer), resolve(cfg.world) if cfg.world else None)
            except UserError as exc:
                raise UserError(f"{exc}; the rules need the gazetteer for places (set gazetteer "
                                "to '' in the config to use place patterns only)") from None
        actors = ActorLexicon.load(resolve(cfg.actors))
        onto = ontology or Ontology.load(resolve(cfg.categories))
        return cls(gazetteer, actors, onto, cfg.link)

    def label(self, text: str, doc_id: str = "doc") -> Doc:
        """One report labelled by the rules (:func:`rules_label`)."""
        return rules_label(text, self.gazetteer, self.actors, self.ontology, doc_id, self.link_config)

    def tag(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Span]]:
        """The rules' spans for each text (``batch_size`` is accepted and unused)."""
        return [list(self.label(text).spans) for text in texts]


def rules_label_file(input_path: str | Path, output_path: str | Path, config: RulesConfig | None = None,
                    limit: int = 0) -> int:
    """Label every ``{"id", "text"}`` line of a JSONL file; write Label Studio predictions.

    Returns the number of reports written. Other fields of a line go to the
    task's ``data`` (via ``Doc.meta``).
    """
    from hasila.annotation.lsio import write_export

    cfg = config or RulesConfig()
    tagger = RulesTagger.load(cfg)
    docs = []
    for lineno, obj in iter_jsonl(input_path):
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise UserError(f"{input_path}: line {lineno}: no 'text' string")
        doc_id = str(obj.get("id") or f"line-{lineno}")
        doc = tagger.label(text, doc_id)
        meta: dict[str, Any] = {k: v for k, v in obj.items() if k != "text"}
        meta["doc_id"] = doc_id
        doc.meta = meta
        docs.append(doc)
        if limit and len(docs) >= limit:
            break
    write_export(output_path, docs, kind="predictions", model_version=cfg.model_version)
    logger.info("wrote %d reports to %s", len(docs), output_path)
    return len(docs)


__all__ = ["ActorLexicon", "RulesConfig", "RulesTagger", "find_actors", "find_places", "rules_label",
           "rules_label_file"]
