"""Exact constraints on decoded spans: COUNTs hold a number, span edges sit on word edges.

Two rules that are true of every correct span under the annotation guide, applied
to the model's output (not a second system):

* a COUNT span contains a number that :func:`hasila.arabic.find_numbers` reads
  (digits, number words, عشرات...), and digits followed by a month name are a date,
  not a count (``30 نوفمبر``); such COUNT spans are dropped;
* a span starts and ends on a word edge. A span that starts inside a word is
  kept there only when the letters before it are a clitic (و ف ب ل ك and their
  pairs) and the rest is a word (it starts with the article, or it is a known
  place/actor word, or it stands alone elsewhere in the text), else it is widened
  to the word's start (``حدات`` → ``وحدات``, ``اشنطن`` → ``واشنطن``); a span that
  ends inside a word is widened to the word's end.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from hasila.arabic import find_numbers, parse_number
from hasila.link_cues import MONTHS
from hasila.link_text import CLITICS, TokenView, key
from hasila.schema import Span

logger = logging.getLogger(__name__)

#: a run of letters (with marks) or a run of digits: و218 is a clitic and a number
_WORD = re.compile(r"[^\W\d_]+(?:[\u0640\u064B-\u065F\u0670][^\W\d_]*)*|\d+")
_CLITICS = frozenset(CLITICS) | {"فك"}


@functools.lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Folded words of the place gazetteer, the actor list and the category nouns."""
    from hasila.errors import UserError

    words: set[str] = set()
    try:
        from hasila.gazetteer import Gazetteer

        for name in Gazetteer.load().names():
            words.update(key(name).split())
    except UserError as exc:
        logger.debug("no gazetteer words for decoding: %s", exc)
    try:
        from hasila.ontology import Ontology

        for cat in Ontology.load().categories:
            for noun in cat.nouns():
                words.update(key(noun).split())
    except UserError as exc:
        logger.debug("no category nouns for decoding: %s", exc)
    try:
        from hasila.weak import ActorLexicon

        for phrase in ActorLexicon.load().phrases:
            words.update(phrase)
    except UserError as exc:
        logger.debug("no actor words for decoding: %s", exc)
    return frozenset(words)


def _is_word(rest: str, clitic: str, standalone: frozenset[str], known: frozenset[str]) -> bool:
    k = key(rest)
    if parse_number(rest) is not None:  # و+ثلاثة
        return True
    if k.startswith("ال") or (clitic.endswith("ل") and k.startswith("ل")):  # و+الجيش, ل+لنظام
        return True
    return k in standalone or k in known


def snap_to_words(text: str, spans: Sequence[Span], known: frozenset[str] | None = None) -> list[Span]:
    """Spans widened to word edges, except a clitic cut before a word (see the module doc)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return list(spans)
    standalone = frozenset(key(text[a:b]) for a, b in words)
    known = lexicon_words() if known is None else known
    starts = [a for a, _ in words]
    out = []
    for span in spans:
        start, end = span.start, span.end
        i = _word_at(starts, words, start)
        if i is not None and words[i][0] < start:
            ws, we = words[i]
            prefix = key(text[ws:start])
            if not (prefix in _CLITICS and _is_word(text[start:we], prefix, standalone, known)):
                start = ws
        j = _word_at(starts, words, end - 1)
        if j is not None and words[j][1] > end and text[end - 1].isalpha() and text[end].isalpha():
            end = words[j][1]
        out.append(span if (start, end) == (span.start, span.end)
                   else replace(span, start=start, end=end, text=text[start:end]))
    return _drop_overlaps(out)


def _word_at(starts: list[int], words: list[tuple[int, int]], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and words[i][0] <= pos < words[i][1] else None


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    """Where widened spans now overlap, keep the first (then the longer)."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


def _before_month(view: TokenView, end: int) -> bool:
    """True when the word after ``end`` (``من`` stepped over) is a month name: a date."""
    j = view.next_word(view.first_at_or_after(end))
    if j is not None and view[j].key == "من":
        j = view.next_word(j + 1)
    return j is not None and view[j].has(MONTHS)


def counts_with_numbers(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans, without COUNT spans that hold no number the number reader reads and
    without COUNT spans of digits followed by a month name (``30 نوفمبر``: a date)."""
    if not any(s.label == "COUNT" for s in spans):
        return list(spans)
    numbers = find_numbers(text)
    view = TokenView(text)
    return [s for s in spans if s.label != "COUNT"
            or (any(n.start < s.end and s.start < n.end for n in numbers)
                and not (s.text.strip().isdigit() and _before_month(view, s.end)))]


def _min_score(*spans: Span) -> float | None:
    scores = [s.score for s in spans if s.score is not None]
    return min(scores) if scores else None


def merge_touching(text: str, spans: Sequence[Span]) -> list[Span]:
    """One span where the model broke one: spans of one label with only spaces between them
    (``قوات النظام`` + ``السوري``), and X, Y, X touching (``قوات`` + ``سوريا`` + ``الديمقراطية``:
    a name nested in an actor) become one span of X."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and out[-1].label == span.label and not text[out[-1].end:span.start].strip():
            out[-1] = replace(out[-1], end=span.end, text=text[out[-1].start:span.end],
                              score=_min_score(out[-1], span))
            continue
        if (len(out) >= 2 and out[-2].label == span.label and out[-1].label != span.label
                and not text[out[-2].end:out[-1].start].strip() and not text[out[-1].end:span.start].strip()):
            first = out[-2]
            out[-2:] = [replace(first, end=span.end, text=text[first.start:span.end],
                                score=_min_score(first, out[-1], span))]
            continue
        out.append(span)
    return out


def constrain(text: str, spans: Sequence[Span]) -> list[Span]:
    """The constraints: word edges, broken spans joined, COUNTs must hold a number."""
    return counts_with_numbers(text, merge_touching(text, snap_to_words(text, spans)))


__all__ = ["constrain", "counts_with_numbers", "lexicon_words", "merge_touching", "snap_to_words"]
