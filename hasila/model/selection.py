"""Which reports to annotate next (``hasila ls select``): uncertain, disputed, and not reprints.

Each report of the pool gets two numbers in [0, 1]:

- **uncertainty**: over the tokens where the model considers an entity (its best tag is
  not ``O``, or ``O`` has less than :data:`ENTITY_O_MAX` probability), the margin between
  the best and second-best tag probabilities; the report's uncertainty is 1 minus the
  mean of its :data:`HARDEST` smallest margins (0 when no token is in doubt);
- **disagreement**: 1 minus the F1 between the model's spans and the rules' spans
  (:class:`hasila.rules.tagger.RulesTagger`), exact offsets and label.

The score is their mean. Reports are taken by score, skipping any whose TF-IDF cosine
similarity (character 3-5-grams, scikit-learn) to a report already taken reaches
``max_similarity``: corpora reprint the same report with small changes, and one
annotation of it is enough. Each chosen report says why it was chosen.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from hasila.errors import UserError
from hasila.schema import Doc, Span, SpanTagger

logger = logging.getLogger(__name__)

#: a token is "in doubt about an entity" when P(O) is below this (or O is not its best tag)
ENTITY_O_MAX = 0.9
#: how many of a report's smallest margins make its uncertainty
HARDEST = 3
#: reports scored together: their logits serve both the spans and the margins
POOL_CHUNK = 64


@dataclass
class Candidate:
    """A pool report with its scores (``why``: the hardest token and the tags it hesitated on)."""

    doc: Doc
    uncertainty: float = 0.0
    disagreement: float = 0.0
    why_uncertain: str = ""
    model_spans: int = 0
    rules_spans: int = 0
    near_duplicates: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return (self.uncertainty + self.disagreement) / 2

    def reason(self) -> str:
        parts = [f"score {self.score:.2f}"]
        if self.uncertainty > 0:
            parts.append(f"model uncertain {self.uncertainty:.2f} ({self.why_uncertain})")
        else:
            parts.append("model certain")
        if self.disagreement > 0:
            parts.append(f"model and rules disagree {self.disagreement:.2f} "
                         f"({self.model_spans} vs {self.rules_spans} spans)")
        else:
            parts.append("model and rules agree")
        if self.near_duplicates:
            parts.append(f"stands for {len(self.near_duplicates)} near-duplicate(s): "
                         + ", ".join(self.near_duplicates[:5]))
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.doc.id, "text": self.doc.text, "reason": self.reason(),
                               "score": round(self.score, 4), "uncertainty": round(self.uncertainty, 4),
                               "disagreement": round(self.disagreement, 4)}
        if self.near_duplicates:
            out["near_duplicates"] = self.near_duplicates
        out.update({k: v for k, v in self.doc.meta.items() if k not in out})
        return out


def token_margins(tagger: Any, text: str) -> list[tuple[float, int, int, str, str]]:
    """``(margin, start, end, best tag, second tag)`` of each token in doubt about an entity."""
    if not text.strip():
        return []
    texts_windows, texts_logits = tagger.window_logits([text])
    return window_margins(tagger, texts_windows[0], texts_logits[0])


def window_margins(tagger: Any, windows: Sequence[Any], window_logits: Sequence[torch.Tensor]
                   ) -> list[tuple[float, int, int, str, str]]:
    """:func:`token_margins` from one report's windows and their logits (already computed)."""
    o_id = next(i for i, tag in tagger.id2label.items() if tag == "O")
    out = []
    for window, logits in zip(windows, window_logits, strict=True):
        probs = torch.softmax(logits.float(), dim=-1)
        top, arg = probs.topk(2, dim=-1)
        for t, ((start, end), owned) in enumerate(zip(window.offsets, window.owned, strict=True)):
            if not owned or start == end:
                continue
            if int(arg[t, 0]) == o_id and float(probs[t, o_id]) >= ENTITY_O_MAX:
                continue
            out.append((float(top[t, 0] - top[t, 1]), start, end,
                        tagger.id2label[int(arg[t, 0])], tagger.id2label[int(arg[t, 1])]))
    return out


def uncertainty(margins: Sequence[tuple[float, int, int, str, str]], text: str) -> tuple[float, str]:
    """The report's uncertainty and a few words on its hardest token."""
    if not margins:
        return 0.0, ""
    hardest = sorted(margins)[:HARDEST]
    value = 1.0 - sum(m[0] for m in hardest) / len(hardest)
    m, start, end, best, second = hardest[0]
    return value, f"{best} vs {second} at {text[start:end]!r}, margin {m:.2f}"


def span_f1(a: Sequence[Span], b: Sequence[Span]) -> float:
    """F1 of two span lists on exact ``(start, end, label)``; 1.0 when both are empty."""
    ka = {(s.start, s.end, s.label) for s in a}
    kb = {(s.start, s.end, s.label) for s in b}
    if not ka and not kb:
        return 1.0
    return 2 * len(ka & kb) / (len(ka) + len(kb))


def score_pool(tagger: Any, rules: SpanTagger, docs: Sequence[Doc], batch_size: int = 16) -> list[Candidate]:
    """Uncertainty and model-vs-rules disagreement of every report."""
    from tqdm.auto import tqdm

    out = []
    with tqdm(total=len(docs), desc="scoring", unit="report", disable=len(docs) < 50) as bar:
        for first in range(0, len(docs), POOL_CHUNK):  # the model runs once per report
            chunk = docs[first:first + POOL_CHUNK]
            texts = [d.text for d in chunk]
            windows, logits = tagger.window_logits(texts, batch_size)
            model_spans = tagger.decode(texts, windows, logits)
            rule_spans = rules.tag(texts)
            for doc, ws, lg, ms, rs in zip(chunk, windows, logits, model_spans, rule_spans, strict=True):
                value, why = uncertainty(window_margins(tagger, ws, lg), doc.text)
                out.append(Candidate(doc, uncertainty=value, disagreement=1.0 - span_f1(ms, rs),
                                     why_uncertain=why, model_spans=len(ms), rules_spans=len(rs)))
            bar.update(len(chunk))
    return out


def pick(candidates: Sequence[Candidate], n: int, max_similarity: float = 0.8) -> list[Candidate]:
    """The ``n`` best-scored candidates, no two of them near-duplicates (TF-IDF cosine).

    A skipped near-duplicate is listed on the candidate that was taken in its place.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if n < 1:
        raise UserError(f"--n {n}: must be at least 1")
    if not 0 < max_similarity <= 1:
        raise UserError(f"--max-similarity {max_similarity}: must be in (0, 1]")
    if not candidates:
        return []
    texts = [c.doc.text for c in candidates]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(
        [t if t.strip() else "\u0000" for t in texts])
    order = sorted(range(len(candidates)), key=lambda i: (-candidates[i].score, i))
    chosen: list[int] = []
    for i in order:
        if chosen:
            sims = (vectors[chosen] @ vectors[i].T).toarray().ravel()
            best = int(sims.argmax())
            if sims[best] >= max_similarity - 1e-9:
                candidates[chosen[best]].near_duplicates.append(candidates[i].doc.id)
                continue
        if len(chosen) < n:  # once full, the rest only count as near-duplicates of the chosen
            chosen.append(i)
    return [candidates[i] for i in chosen]


def select(tagger: Any, rules: SpanTagger, docs: Sequence[Doc], n: int, max_similarity: float = 0.8,
           batch_size: int = 16) -> list[Candidate]:
    """Score the pool and pick ``n`` reports to annotate next."""
    picked = pick(score_pool(tagger, rules, docs, batch_size), n, max_similarity)
    if len(picked) < n:
        logger.warning("only %d distinct report(s) in the pool for --n %d", len(picked), n)
    return picked
