"""Subword alignment and windowing: the one function pair shared by training and inference.

:func:`encode_windows` tokenises ``normalize(text).text`` with a fast tokenizer,
maps every token back to the raw text, labels tokens in IOB2 from character
spans and cuts long documents into overlapping windows. :func:`decode_windows`
takes per-window tag ids, keeps each token from the single window that owns it
and turns the tags back into word-aligned :class:`~hasila.schema.Span` objects
on the raw text.

Rules
-----
* Token offsets are raw-text offsets. A token's end is extended over raw
  characters that normalisation deleted right after it (harakat, tanween,
  tatweel), so ``مقاتلاً`` is covered whole; ``(0, 0)`` marks special tokens.
* ``word_start`` marks the first sub-token of each pre-tokenizer word. It is
  the same with or without spans, so training and inference windows agree.
* Labels (IOB2): the first sub-token of a word gets the word's tag; a
  sub-token that starts exactly where a span starts is labelled like a word
  start too (``B-X``), so spans after a clitic (``و218``, ``بحلب`` when the
  tokenizer cuts ``ب | حلب``) are learnable. Other continuation sub-tokens and
  special tokens get ``-100``; with ``label_all_subtokens=True`` they get
  ``I-X`` inside a span and ``O`` outside.
* A span boundary that falls inside a sub-token snaps outward to that
  sub-token (the whole sub-token is in the span). Such spans are counted in
  :class:`AlignStats` (``snapped``); they cannot be recovered exactly.
  Overlapping spans cannot be expressed in IOB2: the later one is dropped and
  counted (``dropped``).
* Windows hold at most ``max_length`` ids, special tokens included, and
  consecutive windows share ``stride`` real tokens. Each real token is owned by
  exactly one window: the one where it is farthest from a window edge (a
  document edge is not a window edge); ties go to the earlier window.
* Decoding: a word-start token with ``O`` closes any open span; ``B-X`` opens a
  span; ``I-X`` continues an open ``X`` span and otherwise opens one (IOB2
  repair). Continuation sub-tokens follow their word: they extend an open span
  to the end of the word's last sub-token, whatever their own tag. Only with
  ``subtoken_starts=True`` may a continuation sub-token tagged ``B-X``/``I-X``
  inside an ``O`` word open a span there (a clitic glued to a word that the
  pre-tokenizer did not cut off, ``بحلب`` → ``ب ##حلب``); use it for gold
  labels and for models trained with ``label_all_subtokens`` on tokenizers
  without clitic splitting. By default it is off: on the scratch tokenizer
  (which cuts clitics and digits off words) the continuation tags of an ``O``
  word are mostly noise (the dev F1 gained by leaving them out: ``bench/results/README.md``). ``-100``
  (no prediction) counts as "follow the word" on continuations and as ``O``
  on word starts. A span's score is the mean probability of its tokens.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hasila.errors import UserError
from hasila.schema import Span
from hasila.text.arabic import normalize

logger = logging.getLogger(__name__)

IGNORE = -100


@dataclass(frozen=True)
class Window:
    """One model input: ids with special tokens and per-token alignment to the raw text."""

    input_ids: list[int]
    offsets: list[tuple[int, int]]
    labels: list[int] | None
    owned: list[bool]
    word_start: list[bool]
    #: the rules' tag id of every token (0 = ``O``, special tokens too) for a rules-hint model
    #: (:attr:`hasila.model.modeling.ModelConfig.rules_hint`); ``None`` otherwise
    token_type_ids: list[int] | None = None


@dataclass
class AlignStats:
    """Counts gathered while labelling (pass one to :func:`encode_windows` to collect)."""

    spans: int = 0
    snapped: int = 0
    dropped: int = 0
    windows: int = 0
    tokens: int = 0
    snapped_examples: list[str] = field(default_factory=list)

    def add(self, other: AlignStats) -> None:
        self.spans += other.spans
        self.snapped += other.snapped
        self.dropped += other.dropped
        self.windows += other.windows
        self.tokens += other.tokens
        room = 20 - len(self.snapped_examples)
        if room > 0:
            self.snapped_examples.extend(other.snapped_examples[:room])


@dataclass(frozen=True)
class Tokens:
    """A whole document's real tokens (no special tokens), aligned to the raw text."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    word_start: list[bool]


def tokenize(text: str, tokenizer: Any) -> Tokens:
    """Tokenise the normalised ``text`` and map every token to raw-text offsets."""
    if not getattr(tokenizer, "is_fast", False):
        raise UserError(f"{type(tokenizer).__name__}: a fast tokenizer (offset mapping) is required")
    norm = normalize(text)
    enc = tokenizer(norm.text, add_special_tokens=False, return_offsets_mapping=True,
                    truncation=False, verbose=False)
    word_ids = enc.word_ids()
    n_norm = len(norm.text)
    ids: list[int] = []
    offsets: list[tuple[int, int]] = []
    starts: list[bool] = []
    prev_word: int | None = None
    for i, (tok_id, (s, e)) in enumerate(zip(enc["input_ids"], enc["offset_mapping"], strict=True)):
        if e > s:
            raw_s = norm.offsets[s]
            raw_e = norm.offsets[e] if e < n_norm else norm.raw_length
        else:
            raw_s = raw_e = norm.offsets[s] if s < n_norm else norm.raw_length
        word = word_ids[i]
        ids.append(int(tok_id))
        offsets.append((raw_s, raw_e))
        starts.append(word is None or word != prev_word or i == 0)
        prev_word = word
    return Tokens(ids, offsets, starts)


def _special_frame(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The special ids the tokenizer puts before and after one sequence ([CLS] … [SEP])."""
    enc = tokenizer("x", add_special_tokens=True, return_special_tokens_mask=True)
    ids, mask = enc["input_ids"], enc["special_tokens_mask"]
    real = [i for i, m in enumerate(mask) if not m]
    if not real:
        return list(ids), []
    return list(ids[: real[0]]), list(ids[real[-1] + 1 :])


def _clean_spans(spans: Sequence[Span], stats: AlignStats) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            stats.dropped += 1
            continue
        if kept and span.start < kept[-1].end:
            logger.debug("overlapping span %r dropped (IOB2 cannot nest)", span.text)
            stats.dropped += 1
            continue
        kept.append(span)
    return kept


def token_tags(tokens: Tokens, spans: Sequence[Span], label_all_subtokens: bool = False,
               stats: AlignStats | None = None) -> list[str | None]:
    """The IOB2 tag of every real token (``None`` = not labelled) for ``spans``."""
    stats = stats if stats is not None else AlignStats()
    kept = _clean_spans(spans, stats)
    stats.spans += len(kept)
    n = len(tokens.ids)
    tags: list[str | None] = ["O"] * n
    span_start_tok = [False] * n
    j = 0
    for span in kept:
        while j < n and tokens.offsets[j][1] <= span.start:
            j += 1
        first = j
        k = j
        while k < n and tokens.offsets[k][0] < span.end:
            k += 1
        if first >= k:  # no token inside (span over deleted characters only)
            stats.dropped += 1
            continue
        s0, e_last = tokens.offsets[first][0], tokens.offsets[k - 1][1]
        if s0 != span.start or e_last != span.end:
            stats.snapped += 1
            if len(stats.snapped_examples) < 20:
                stats.snapped_examples.append(span.text)
        for t in range(first, k):
            tags[t] = f"I-{span.label}"
        tags[first] = f"B-{span.label}"
        span_start_tok[first] = True
    if not label_all_subtokens:
        for t in range(n):
            if not tokens.word_start[t] and not span_start_tok[t]:
                tags[t] = None
    return tags


def _window_bounds(n: int, content: int, stride: int) -> list[tuple[int, int]]:
    if n == 0:
        return [(0, 0)]
    step = content - stride
    bounds = []
    start = 0
    while True:
        end = min(start + content, n)
        bounds.append((start, end))
        if end >= n:
            return bounds
        start += step


def _owners(n: int, bounds: list[tuple[int, int]]) -> list[int]:
    """For each real token, the index of the window where it has most context.

    Windows are ordered (starts increasing, ends non-decreasing), so the windows
    holding token ``i`` are a contiguous run found by bisection: linear overall.
    """
    starts = [ws for ws, _ in bounds]
    ends = [we for _, we in bounds]
    owners = [0] * n
    big = n + 1
    for i in range(n):
        best, best_ctx = -1, -1
        for w in range(bisect.bisect_right(ends, i), bisect.bisect_right(starts, i)):
            ws, we = bounds[w]
            left = i - ws if ws > 0 else big
            right = we - 1 - i if we < n else big
            ctx = min(left, right)
            if ctx > best_ctx:
                best, best_ctx = w, ctx
        owners[i] = best
    return owners


def encode_windows(text: str, tokenizer: Any, max_length: int, stride: int,
                   spans: Sequence[Span] | None = None, label2id: Mapping[str, int] | None = None,
                   label_all_subtokens: bool = False, stats: AlignStats | None = None,
                   hints: Sequence[Span] | None = None,
                   ignore: Sequence[Sequence[int]] = ()) -> list[Window]:
    """Tokenise ``text`` into overlapping windows; with ``spans``, add IOB2 label ids.

    ``label2id`` maps tags (``O``, ``B-X``, ``I-X``) to ids and is required with
    ``spans`` or ``hints``. ``hints`` (the rules' spans) become every token's
    ``token_type_ids``: the id of its IOB2 tag under the hints, sub-tokens included.
    ``ignore``: ``(start, end)`` character ranges whose overlapping tokens get label ``-100``
    (what a corpus does not annotate). Always returns at least one window (an empty text
    gives one with only special tokens).
    """
    prefix, suffix = _special_frame(tokenizer)
    content = max_length - len(prefix) - len(suffix)
    if content <= stride or stride < 0:
        raise UserError(f"max_length {max_length} leaves {content} tokens per window; "
                        f"stride {stride} must be >= 0 and smaller than that")
    local = AlignStats()
    tokens = tokenize(text, tokenizer)
    tag_ids: list[int] | None = None
    if spans is not None:
        if label2id is None:
            raise UserError("encode_windows: label2id is required to label spans")
        tags = token_tags(tokens, spans, label_all_subtokens, local)
        try:
            tag_ids = [IGNORE if t is None else label2id[t] for t in tags]
        except KeyError as exc:
            raise UserError(f"span label {exc.args[0]!r} is not in the model's labels "
                            f"({', '.join(label2id)})") from None
        for start, end in ignore:
            for t, (s, e) in enumerate(tokens.offsets):
                if s < end and e > start:
                    tag_ids[t] = IGNORE
    hint_ids: list[int] | None = None
    if hints is not None:
        if label2id is None:
            raise UserError("encode_windows: label2id is required for hints")
        hint_ids = [label2id.get(t or "O", 0) for t in token_tags(tokens, hints, True, AlignStats())]
    n = len(tokens.ids)
    bounds = _window_bounds(n, content, stride)
    owners = _owners(n, bounds)
    windows = []
    for w, (ws, we) in enumerate(bounds):
        pre, post = [False] * len(prefix), [False] * len(suffix)
        windows.append(Window(
            input_ids=prefix + tokens.ids[ws:we] + suffix,
            offsets=[(0, 0)] * len(prefix) + tokens.offsets[ws:we] + [(0, 0)] * len(suffix),
            labels=None if tag_ids is None
            else [IGNORE] * len(prefix) + tag_ids[ws:we] + [IGNORE] * len(suffix),
            owned=pre + [owners[i] == w for i in range(ws, we)] + post,
            word_start=pre + tokens.word_start[ws:we] + post,
            token_type_ids=None if hint_ids is None
            else [0] * len(prefix) + hint_ids[ws:we] + [0] * len(suffix),
        ))
    local.windows += len(windows)
    local.tokens += n
    if local.snapped:
        logger.debug("%d span boundary(ies) inside a sub-token snapped: %s", local.snapped,
                     ", ".join(local.snapped_examples[:5]))
    if stats is not None:
        stats.add(local)
    return windows


def decode_windows(text: str, windows: Sequence[Window], tag_ids_per_window: Sequence[Sequence[int]],
                   id2label: Mapping[int, str],
                   scores_per_window: Sequence[Sequence[float]] | None = None,
                   subtoken_starts: bool = False) -> list[Span]:
    """Merge per-window tags by ownership and return word-aligned spans on the raw ``text``.

    ``subtoken_starts``: let a continuation sub-token open a span inside an
    ``O`` word (see the module notes).
    """
    toks: list[tuple[int, int, bool, int, float | None]] = []
    for w, window in enumerate(windows):
        tags = tag_ids_per_window[w]
        scores = scores_per_window[w] if scores_per_window is not None else None
        if len(tags) < len(window.input_ids):
            raise ValueError(f"window {w}: {len(tags)} tags for {len(window.input_ids)} tokens")
        for i, owned in enumerate(window.owned):
            if owned:
                toks.append((*window.offsets[i], window.word_start[i], int(tags[i]),
                             None if scores is None else float(scores[i])))
    toks.sort(key=lambda t: (t[0], t[1]))

    spans: list[Span] = []
    cur: list[Any] | None = None  # [label, start, end, scores]

    def close() -> None:
        nonlocal cur
        if cur is not None:
            label, start, end, sc = cur
            score = sum(sc) / len(sc) if sc else None
            spans.append(Span(start, end, label, text[start:end], score=score))
        cur = None

    for start, end, is_word_start, tag_id, score in toks:
        tag = id2label.get(tag_id, "O") if tag_id >= 0 else None
        kind, _, label = (tag or "O").partition("-")
        if is_word_start:
            if kind == "B" or (kind == "I" and (cur is None or cur[0] != label)):
                close()
                cur = [label, start, end, []]
            elif kind == "I":
                assert cur is not None
                cur[2] = end
            else:
                close()
        elif cur is not None:
            cur[2] = end
        elif subtoken_starts and kind in ("B", "I"):
            cur = [label, start, end, []]
        if cur is not None and score is not None:
            cur[3].append(score)
    close()
    return spans
