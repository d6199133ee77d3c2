"""Word-level IOB2 tags for scoring with seqeval.

Gold and predicted spans of one text are put on one shared token sequence:
words and punctuation marks, further cut at every span boundary of either
side (so `و218` with the COUNT `218` is the two tokens `و` and `218`). Both
tag sequences then have the same length and every span is exactly a run of
tokens, so seqeval's strict IOB2 scores are exact-span scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from hasila.schema import Span
from hasila.text.arabic import FORMAT_MARKS

#: The scoring tokens: ``\w`` runs (with marks) and single punctuation marks. Coarser than the
#: linker's tokens (:mod:`hasila.link.text`), on purpose: every span boundary cuts them anyway
#: (see the module doc), so they need not split ``و218`` themselves.
_FORMAT = "".join(sorted(FORMAT_MARKS))  # invisible: inside a word, or no token at all
_TOKEN_RE = re.compile(rf"[\w\u0640\u064B-\u065F\u0670{_FORMAT}]*\w[\w\u0640\u064B-\u065F\u0670{_FORMAT}]*"
                       rf"|[^\w\s{_FORMAT}]", re.UNICODE)


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


_ZERO = {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0}


def _row(report: dict[str, Any], key: str) -> dict[str, Any]:
    r = report.get(key, _ZERO)
    return {"precision": float(r["precision"]), "recall": float(r["recall"]),
            "f1": float(r["f1-score"]), "support": int(r.get("support", 0))}


def strict_entity_scores(y_true: Sequence[list[str]], y_pred: Sequence[list[str]],
                         labels: Sequence[str]) -> dict[str, Any]:
    """seqeval strict IOB2 scores of gold and predicted tag sequences (from :func:`word_bio`:
    exact-span precision, recall, F1 and support): ``{"per_label": {label: scores}, "micro":
    scores, "macro": scores}``; a label absent from both scores 0. The one entity scorer of
    training, evaluation and the benchmarks."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True,
                                   zero_division=0)
    return {"per_label": {label: _row(report, label) for label in labels},
            "micro": _row(report, "micro avg"), "macro": _row(report, "macro avg")}
