"""Word tokens with raw offsets and cue-word matching for the linker.

The linker reads a report as a list of :class:`Tok` (words, digit runs and
punctuation, each with its raw ``[start, end)``) and asks small questions of
it: is this word one of these cue words (allowing the clitics و/ف/ب/ل/ك and
the article ال), where does the sentence end, what comes right after a span.
Cue lists are written in plain Arabic and folded once with :func:`key`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hasila.text.arabic import FORMAT_MARKS, fold, key_variants, soft_line_breaks

_FORMAT = "".join(sorted(FORMAT_MARKS))
_FORMS = "\uFB50-\uFDFF\uFE70-\uFEFC"  # Arabic presentation forms (text from a PDF)
#: The linker's tokens. Unlike the scoring tokens (:mod:`hasila.text.wordtags`: ``\w`` runs, so
#: ``و218`` stays one word) and the decoding's words (:mod:`hasila.model.decoding`: any letters or
#: digits, no punctuation), on purpose: Arabic and Latin letter runs, digit runs apart from letters
#: with their decimal and thousands marks (``1,500`` is one number), a newline (a sentence end)
#: and every other non-space character, one each.
_TOKEN_RE = re.compile(
    rf"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06FA-\u06FF{_FORMS}A-Za-z{_FORMAT}]*"  # words (letters, marks,
    rf"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF{_FORMS}A-Za-z]"  # tatweel, presentation forms, an
    rf"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06FA-\u06FF{_FORMS}A-Za-z{_FORMAT}]*"  # invisible joiner) with a letter
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*"
    r"|\n"
    rf"|[^\s{_FORMAT}#_]"  # any other sign; an invisible format character alone is no token, nor a
)  # hashtag's marks (``#ميليشيات_الحوثي``: the words of a hashtag are words)
#: Punctuation that ends a sentence (a newline does too).
SENTENCE_END = frozenset({".", "!", "?", "؟", "\n"})
#: Punctuation that ends a clause (besides sentence ends).
CLAUSE_END = frozenset({"،", ",", "؛", ";", ":", "(", ")", "-", "–", "—"})
#: Quotation marks: transparent when looking for the next word.
QUOTES = frozenset('"\'«»“”„‘’')
#: Clitics that may be glued to a word, longest first.
CLITICS: tuple[str, ...] = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def key(text: str) -> str:
    """The folded lookup form of a word or phrase: :func:`hasila.text.arabic.fold` itself (which
    already drops tatweel). :func:`hasila.annotation.ontology.key` differs on purpose (see there)."""
    return fold(text)


def keys(words: str | Iterable[str]) -> frozenset[str]:
    """Fold a cue list (or a whitespace-separated string of cues) into a set of keys."""
    items = words.split() if isinstance(words, str) else words
    return frozenset(key(w) for w in items)


def phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Fold multi-word cues into key tuples, longest first."""
    out = {tuple(key(p).split()) for p in items}
    return tuple(sorted(out, key=lambda p: -len(p)))


def variants(word_key: str) -> tuple[str, ...]:
    """A word key, and the same without a leading clitic, the article and/or a tanween alif."""
    return key_variants(word_key, CLITICS, tanween_alif=True)


@dataclass(frozen=True)
class Tok:
    """One token of the raw text."""

    start: int
    end: int
    text: str
    key: str

    @property
    def is_word(self) -> bool:
        return bool(self.key) and self.key[0].isalpha()

    @property
    def is_digit(self) -> bool:
        return bool(self.key) and self.key[0].isdigit()

    @property
    def is_quote(self) -> bool:
        return self.text in QUOTES

    def has(self, cue: frozenset[str]) -> bool:
        """True when the token (with clitics/article stripped) is one of ``cue``."""
        return any(v in cue for v in variants(self.key))

    def plain(self, cue: frozenset[str]) -> bool:
        """True when the token is one of ``cue`` as written (only و/ف stripped)."""
        k = self.key
        return k in cue or (k[:1] in "وف" and k[1:] in cue)


#: Brackets some outlets write around a number (``مقتل (16) عنصرا``, ``[16]``).
_NUMBER_BRACKETS = {"(": ")", "[": "]", "﴿": "﴾"}


def _without_number_brackets(toks: list[Tok]) -> list[Tok]:
    """The tokens without the brackets that enclose a number alone: ``مقتل (16) عنصرا`` reads
    as ``مقتل 16 عنصرا`` (a bracket is a clause end otherwise)."""
    drop: set[int] = set()
    for i in range(1, len(toks) - 1):
        before, after = toks[i - 1], toks[i + 1]
        if toks[i].is_digit and _NUMBER_BRACKETS.get(before.text) == after.text:
            drop.update((i - 1, i + 1))
    return [t for i, t in enumerate(toks) if i not in drop] if drop else toks


class TokenView:
    """The tokens of one text with offset lookups and boundary tests."""

    def __init__(self, text: str) -> None:
        self.text = text
        soft = soft_line_breaks(text) if "\n" in text else frozenset()
        self.toks: list[Tok] = _without_number_brackets([
            Tok(m.start(), m.end(), m.group(0), key(m.group(0)) if m.group(0) != "\n" else "\n")
            for m in _TOKEN_RE.finditer(text) if m.start() not in soft
        ])
        self._starts = [t.start for t in self.toks]
        self._ends = [t.end for t in self.toks]
        self._sentences: tuple[list[int], list[int]] | None = None

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, i: int) -> Tok:
        return self.toks[i]

    def first_at_or_after(self, pos: int) -> int:
        """Index of the first token ending after ``pos`` (len when none)."""
        return bisect.bisect_right(self._ends, pos)

    def last_before(self, pos: int) -> int:
        """Index of the last token starting before ``pos`` (-1 when none)."""
        return bisect.bisect_left(self._starts, pos) - 1

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``[i, j)`` overlapping the char range ``[start, end)``."""
        return self.first_at_or_after(start), self.last_before(end) + 1

    def is_sentence_end(self, i: int) -> bool:
        return self.toks[i].text in SENTENCE_END

    def is_boundary(self, i: int) -> bool:
        t = self.toks[i].text
        return t in SENTENCE_END or t in CLAUSE_END

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token indices ``[a, b)`` of the sentence holding token ``i`` (tables built once)."""
        if self._sentences is None:
            n = len(self.toks)
            first, stop = [0] * n, [n] * n
            a = 0
            for k in range(n):
                first[k] = a
                if self.is_sentence_end(k):
                    a = k + 1
            b = n
            for k in range(n - 1, -1, -1):
                if self.is_sentence_end(k):
                    b = k
                stop[k] = b
            self._sentences = (first, stop)
        first, stop = self._sentences
        return first[i], stop[i]

    def next_word(self, i: int, skip: frozenset[str] = frozenset(), limit: int = 6) -> int | None:
        """Index of the first word token at or after ``i``, stepping over quotes
        and ``skip`` keys, stopping at a boundary; ``None`` when there is none."""
        return self._first_word(range(i, min(len(self.toks), i + limit)), skip)

    def prev_word(self, i: int, skip: frozenset[str] = frozenset(), limit: int = 6) -> int | None:
        """Index of the last word token at or before ``i`` (quotes and ``skip`` stepped over)."""
        return self._first_word(range(i, max(-1, i - limit), -1), skip)

    def _first_word(self, indices: range, skip: frozenset[str]) -> int | None:
        """The first of ``indices`` that is a word (quotes and ``skip`` stepped over),
        ``None`` when a boundary comes first or none is left."""
        for j in indices:
            t = self.toks[j]
            if t.is_quote or t.key in skip:
                continue
            if self.is_boundary(j):
                return None
            return j
        return None

    def match_phrase(self, i: int, phrase: tuple[str, ...], clitic_first: bool = True) -> bool:
        """Does ``phrase`` (key tuple) start at token ``i``? The first word may carry a clitic."""
        if i < 0 or i + len(phrase) > len(self.toks):
            return False
        for n, word in enumerate(phrase):
            t = self.toks[i + n]
            if n == 0 and clitic_first:
                if word not in variants(t.key) and word != t.key:
                    return False
            elif t.key != word:
                return False
        return True

    def phrase_ending_at(self, j: int, options: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
        """The first of ``options`` whose last word is token ``j``."""
        for phrase in options:
            if self.match_phrase(j - len(phrase) + 1, phrase):
                return phrase
        return None

    def phrase_starting_at(self, i: int, options: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
        for phrase in options:
            if self.match_phrase(i, phrase):
                return phrase
        return None

    def glued_prefix(self, i: int, start: int) -> str:
        """The folded letters of token ``i`` that come before char ``start`` (a clitic)."""
        t = self.toks[i]
        if t.start >= start:
            return ""
        return key(self.text[t.start:start])


class SpanLookup:
    """Which span starts in, or overlaps, a character range: cost proportional to the
    range, not to the number of spans (the linker asks once per count or token).

    Among several answers the one earliest in ``spans`` wins, as a linear scan would.
    """

    def __init__(self, spans: Sequence[Any]) -> None:
        self.spans = list(spans)
        self._start: dict[int, int] = {}
        self._end: dict[int, list[int]] = {}
        self._cover: dict[int, int] = {}
        for n, s in enumerate(self.spans):
            self._start.setdefault(s.start, n)
            self._end.setdefault(s.end, []).append(n)
            for ch in range(s.start, s.end):
                self._cover.setdefault(ch, n)

    def _first(self, table: dict[int, int], start: int, end: int) -> Any | None:
        best = min((table[ch] for ch in range(start, end) if ch in table), default=None)
        return None if best is None else self.spans[best]

    def starting_in(self, start: int, end: int) -> Any | None:
        """The first span whose start lies in ``[start, end)``."""
        return self._first(self._start, start, end)

    def ending_in(self, start: int, end: int) -> list[Any]:
        """Every span whose end lies in ``[start, end)``, in ``spans`` order."""
        found = sorted(n for ch in range(start, end) for n in self._end.get(ch, ()))
        return [self.spans[n] for n in found]

    def overlapping(self, start: int, end: int) -> Any | None:
        """The first span overlapping ``[start, end)``."""
        return self._first(self._cover, start, end)
