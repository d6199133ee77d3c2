"""Word-level IOB2 tags for scoring with seqeval.

Gold and predicted spans of one text are put on one shared token sequence:
words and punctuation marks, further cut at every span boundary of either
side (so `و218` with the COUNT `218` is the two tokens `و` and `218`). Both
tag sequences then have the same length and every span is exactly a run of
tokens, so seqeval's strict IOB2 scores are exact-span scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hasila.schema import Span

_TOKEN_RE = re.compile(r"[\w\u0640\u064B-\u065F\u0670]+|[^\w\s]", re.UNICODE)


def shared_tokens(text: str, spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Token character ranges of ``text``, cut at every span start and end."""
    cuts = set()
    for span in spans:
        cuts.add(span.start)
        cuts.add(span.end)
    tokens: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        for cut in sorted(c for c in cuts if m.start() < c < m.end()):
            tokens.append((start, cut))
            start = cut
        tokens.append((start, m.end()))
    return tokens


def bio_for(tokens: list[tuple[int, int]], spans: Iterable[Span]) -> list[str]:
    """IOB2 tags of ``tokens`` for ``spans`` (overlapping spans: the earlier one wins)."""
    tags = ["O"] * len(tokens)
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        inside = [i for i, (s, e) in enumerate(tokens) if s >= span.start and e <= span.end]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        tags[inside[0]] = f"B-{span.label}"
        for i in inside[1:]:
            tags[i] = f"I-{span.label}"
    return tags


def word_bio(text: str, gold: list[Span], pred: list[Span]) -> tuple[list[str], list[str]]:
    """Gold and predicted IOB2 tag sequences of equal length for one text."""
    tokens = shared_tokens(text, [*gold, *pred])
    return bio_for(tokens, gold), bio_for(tokens, pred)
