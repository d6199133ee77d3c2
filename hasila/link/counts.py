"""Numbers → counts: which number expressions of a report count people.

:func:`collect_counts` reads every number (:func:`hasila.text.arabic.find_numbers`)
against the labelled spans: a COUNT span gives a count unless the number rules
are sure it is a date, year, time, duration, age, percentage, sum, unit/model
name or a number of things (then it is a :class:`NonCount` with a warning in
plain words); COUNT spans that split one number are merged; a number no COUNT
span covers is a count when the words around say so (``rules_fallback``), else
a non-count with its reason.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from hasila.annotation.ontology import find_numbers, parse_number
from hasila.link import cues
from hasila.link.numbers import (
    certain_non_count,
    classify_number,
    group_after,
    one_of_them_pronoun,
    opens_range,
    people_noun_at,
    range_opener_start,
    range_value,
)
from hasila.link.text import SpanLookup, TokenView, key, keys
from hasila.schema import Span
from hasila.text.arabic import NumberMatch

#: What a non-count reason means, for the user's warnings.
REASON_WORDS = {"date": "a date", "year": "a year", "time": "a time of day", "duration": "a length of time",
                 "age": "an age", "percentage": "a percentage", "money": "a sum of money",
                 "ordinal": "the number or name of a unit or model (الفرقة 30، اف-16)",
                 "thing": "a number of things, not people (غارات، صواريخ، قرى)",
                 "list": "the number of an item in a list (1 - …)",
                 "other": "a phrase that counts nobody (أحد أكثر الأيام)",
                 "repeat": "the same figure written again in brackets ((15) خمسة عشر)",
                 "range": "the upper end of a range, counted once at its lower end (بين 20 و30)"}


@dataclass(frozen=True)
class NonCount:
    """A number that does not count people, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Collected:
    """What :func:`collect_counts` found: counts in text order ``(span, value, kind)``,
    the COUNT spans it added for rule-found numbers, non-counts and warnings, and every
    number expression of the text (``numbers``)."""

    found: list[tuple[Span, int, str]] = field(default_factory=list)
    new_spans: list[Span] = field(default_factory=list)
    non_counts: list[NonCount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    numbers: list[NumberMatch] = field(default_factory=list)


_DUAL_ENDINGS = ("ان", "ين", "اه", "اها", "اهم", "اهما")


def _looks_dual(text: str, duals: frozenset[str] = frozenset()) -> bool:
    """One word with a dual ending (``شقيقين``, ``الروسيان``, ``ابنتاه``, ``راعيا`` in a construct),
    or a construct dual in ي of a noun whose dual is 2 (``ضابطي شرطة``: ضابطان in ``duals``)."""
    words = key(text).split()
    if len(words) != 1 or len(words[0]) < 4:
        return False
    w = words[0]
    return w.endswith(_DUAL_ENDINGS) or (w.endswith("يا") and len(w) >= 5) \
        or (w.endswith("ي") and w[:-1] + "ان" in duals)


def collect_counts(view: TokenView, spans: list[Span], onto: Any, rules_fallback: bool = True) -> Collected:
    """The counts and non-counts of ``view.text`` given its labelled ``spans`` (with ids)."""
    text = view.text
    out = Collected()
    duals = getattr(onto, "dual_keys", None)
    numbers = find_numbers(text, duals) if duals is not None else find_numbers(text)
    numbers = sorted([*numbers, *_duals_told_by_a_pronoun(view, numbers, onto)], key=lambda m: m.start)
    out.numbers = numbers
    repeats = _bracketed_repeats(text, numbers)
    count_spans = [s for s in spans if s.label == "COUNT"]
    others = SpanLookup([s for s in spans if s.label != "COUNT"])
    used_ids = {s.id for s in spans}
    num_starts = [m.start for m in numbers]
    num_ends = [m.end for m in numbers]  # sorted too: the numbers do not overlap
    merged = [(span, numbers[bisect.bisect_right(num_ends, span.start):bisect.bisect_left(num_starts, span.end)])
              for span in _merge_split(text, count_spans, numbers, num_starts, num_ends)]
    taken = {id(m) for _, inside in merged for m in inside}  # every number a COUNT span holds
    for span, inside in merged:
        if span.count is None and len(inside) == 1:
            m = inside[0]
            reason = "repeat" if repeats.get(id(m)) in taken else \
                certain_non_count(view, m.start, m.end, m.value, m.kind, onto)
            if reason is not None:
                out.non_counts.append(NonCount(m.start, m.end, m.text, reason))
                out.warnings.append(f"{m.text!r} at character {m.start} was not counted as people: "
                                    f"it reads as {REASON_WORDS.get(reason, 'something else')}")
                continue
        value, kind = _value_of(text, span, inside, onto)
        if value is not None:
            value = _range_floor(view, span, inside, value)
        if value is None:
            out.warnings.append(f"{span.text!r} at character {span.start} was marked as a number of "
                                f"people but holds no number: skipped")
            continue
        out.found.append((span, value, kind))
    n_rule = 0
    for m in numbers:
        if id(m) in taken:
            continue
        if id(m) in repeats:
            out.non_counts.append(NonCount(m.start, m.end, m.text, "repeat"))
            continue
        over = others.overlapping(m.start, m.end)
        verdict, reason = classify_number(view, m.start, m.end, m.value, m.kind, onto,
                                          over.label if over else None)
        if verdict == "count" and m.kind == "digits" and _names_a_place(text, m, others):
            verdict, reason = "non_count", "ordinal"  # شبكة "السويداء 24": a name, not a count
        if verdict == "count" and m.kind == "dual" and not _construct_of_a_group(view, m, onto):
            verdict, reason = "non_count", "other"  # مساعدات إنساني، حساب شخصي: an adjective, no dual
        if reason == "range" and out.new_spans and out.new_spans[-1].start == range_opener_start(view, m.start):
            _widen_last(out, Span(out.new_spans[-1].start, m.end, "COUNT", text[out.new_spans[-1].start:m.end],
                                  id=out.new_spans[-1].id))  # بين 20 و30 طفلا: one count
            continue
        if verdict == "count" and rules_fallback:
            n_rule += 1
            span = Span(m.start, m.end, "COUNT", m.text, id=f"_r{n_rule}")
            while span.id in used_ids:
                n_rule += 1
                span = span.with_id(f"_r{n_rule}")
            used_ids.add(span.id)
            out.new_spans.append(span)
            out.found.append((span, range_value(view, m.start, m.end, m.value), m.kind))
        else:
            out.non_counts.append(NonCount(m.start, m.end, m.text, reason or "other"))
    out.found.sort(key=lambda x: x[0].start)
    return out


def _widen_last(out: Collected, whole: Span) -> None:
    """Put ``whole`` in place of the last count the rules found (a range's first figure)."""
    out.new_spans[-1] = whole
    for n, (span, value, kind) in enumerate(out.found):
        if span.id == whole.id:
            out.found[n] = (whole, value, kind)


def _bracketed_repeats(text: str, numbers: list[NumberMatch]) -> dict[int, int]:
    """Figures written twice, once in brackets (``(15) خمسة عشر مصليا``, ``12 (اثنا عشر)
    شخصا``): the bracketed one of each pair (its ``id``) mapped to the other's ``id``; one
    figure, one count."""
    out: dict[int, int] = {}
    for a, b in pairwise(numbers):
        if a.value != b.value or a.kind == b.kind:
            continue
        gap = text[a.end:b.start].strip()
        if gap == ")" and "(" in text[max(0, a.start - 2):a.start]:
            out[id(a)] = id(b)  # (15) خمسة عشر
        elif gap == "(" and ")" in text[b.end:b.end + 2]:
            out[id(b)] = id(a)  # 12 (اثنا عشر)
    return out


#: How many words after a people plural ``أحدهما`` may come and still say it counted two.
_ONE_OF_TWO_REACH = 6


def _duals_told_by_a_pronoun(view: TokenView, numbers: list[NumberMatch], onto: Any) -> list[NumberMatch]:
    """``مقتل قياديين من حراس الدين، أحدهما أردني``: a people noun in ين, plural or dual by its
    form, is a dual (2) when ``أحدهما`` follows it in its clause and no figure counts it."""
    if not any(one_of_them_pronoun(t.key) == "هما" for t in view.toks):
        return []
    taken = {(m.start, m.end) for m in numbers}
    found = []
    for i, t in enumerate(view.toks):
        if not t.is_word or not t.key.endswith("ين") or i == 0 \
                or not (people_noun_at(view, i, onto) or t.key[:-1] in cues.MEMBER_NOUNS):  # قياديين
            continue
        after = view.next_word(i + 1)
        if view[i - 1].is_digit or parse_number(view[i - 1].text) is not None \
                or (after is not None and parse_number(view[after].text) == 2) \
                or any(a < t.end and t.start < b for a, b in taken):
            continue  # ثلاثة قياديين, مدنيين اثنين: counted by its figure
        for k in range(i + 1, min(len(view), i + 1 + _ONE_OF_TWO_REACH)):
            if view.is_sentence_end(k):
                break
            if one_of_them_pronoun(view[k].key) == "هما":
                found.append(NumberMatch(t.start, t.end, t.text, 2, "dual"))
                break
    return found


def _names_a_place(text: str, m: NumberMatch, others: SpanLookup) -> bool:
    """Digits right after a PLACE span and closing the phrase (``"السويداء 24"``, ``موقع
    سويداء 24 على الإنترنت``): the name of an outlet or a site, no people counted."""
    head = text[max(0, m.start - 16):m.start]
    if m.end < len(text) and text[m.end] in _CLOSING and any(q in head for q in _OPENING) \
            and len(head[max(head.rfind(q) for q in _OPENING):].split()) <= 2:
        return True  # "السويداء 24": a short quoted name ending with the number
    before = [s for s in others.ending_in(max(0, m.start - 2), m.start) if s.label == "PLACE"]
    if not before or text[before[0].end:m.start] != " ":
        return False
    rest = text[m.end:m.end + 12]
    return not rest.strip() or rest[0] in "\"'»”" or key(rest).split()[0] in _AFTER_A_NAME


#: Indefinite words of a rank or a service after a construct dual (``ضابطي صف``, ``عنصري أمن``).
_RANKS_AND_SERVICES = keys("صف أمن مخابرات جيش حرس إسعاف")


def _construct_of_a_group(view: TokenView, m: NumberMatch, onto: Any) -> bool:
    """A dual the number finder read in construct (``ضابطي شرطة``, one word in ي) counts people only
    when the word after it names a group or kind of people (the same form is a relational
    adjective, ``إنساني``، ``فردي``, or a plural in construct, ``طالبي اللجوء``); other duals pass."""
    words = key(m.text).split()
    if len(words) != 1 or not words[0].endswith("ي") or words[0].endswith("يي"):
        return True
    j = view.next_word(view.first_at_or_after(m.end))
    if j is not None and view[j].key in _RANKS_AND_SERVICES:
        return True  # ضابطي صف, رجلي أمن, عنصري مخابرات: two of a rank or a service
    cid = group_after(view, j, onto)[0] if j is not None and not view.is_boundary(j) else None
    return cid not in (None, "people")


_OPENING = ('"', "«", "“")
_CLOSING = ('"', "»", "”")
_AFTER_A_NAME = frozenset(key(w) for w in ("على", "المحلية", "المحلي", "الإخباري", "الإخبارية"))


def _merge_split(text: str, count_spans: list[Span], numbers: list[NumberMatch],
                 num_starts: list[int], num_ends: list[int]) -> list[Span]:
    """COUNT spans that split one number (``ثلاثة آلاف`` | ``وخمسمئة``) become one span."""
    out: list[Span] = []
    last_number: NumberMatch | None = None
    for span in count_spans:
        inside = numbers[bisect.bisect_right(num_ends, span.start):bisect.bisect_left(num_starts, span.end)]
        if len(inside) == 1 and inside[0] is last_number and out and out[-1].count is None \
                and span.count is None:
            prev = out[-1]
            end = max(prev.end, span.end)
            out[-1] = replace(prev, end=end, text=text[prev.start:end])
            continue
        out.append(span)
        last_number = inside[-1] if inside else None
    return out


def _value_of(text: str, span: Span, inside: list[NumberMatch], onto: Any) -> tuple[int | None, str]:
    """The value of a COUNT span and the kind of number in it."""
    kind = inside[0].kind if len(inside) == 1 else ("words" if inside else "span")
    if span.count is not None:
        return span.count.value, kind
    if len(inside) == 1:
        return inside[0].value, kind
    joined = _joined_sum(text, inside) if len(inside) > 1 else None
    if joined is not None:
        return joined, "words"
    duals = getattr(onto, "dual_keys", None)
    value = parse_number(span.text, duals) if duals is not None else parse_number(span.text)
    if value is not None:
        return value, kind
    if inside:
        best = max(inside, key=lambda m: m.end - m.start)
        return best.value, best.kind
    if _looks_dual(span.text, duals or frozenset()):
        return 2, "dual"  # a COUNT span on a dual the number finder does not know (قياديين، طفلاه)
    return None, kind


def _range_floor(view: TokenView, span: Span, inside: list[NumberMatch], value: int) -> int:
    """A range's first figure in the scale of the second (``بين 12 و16 ألف``: 12,000), also
    when one span holds the whole range (``ما بين 10 إلى 15 الف``: 10,000, the floor)."""
    first = inside[0] if inside else None
    if first is not None and len(inside) == 1:
        return range_value(view, first.start, first.end, value)
    if first is not None and len(inside) == 2 and span.count is None \
            and opens_range(view, first.start, first.end, view.first_at_or_after(inside[1].start)):
        return range_value(view, first.start, first.end, first.value)
    return value


def _joined_sum(text: str, inside: list[NumberMatch]) -> int | None:
    """``65 ألف و900``: numbers joined by و, each smaller than the round part before it."""
    total = inside[0].value
    for a, b in pairwise(inside):
        gap = key(text[a.end:b.start]).strip()
        if gap != "و" or a.value % 1000 or b.value >= 1000 or b.value <= 0:
            return None
        total += b.value
    return total
