"""Public Arabic NER corpora (CoNLL-style ``token TAG`` lines) as training docs.

:func:`read_conll` reads ANERcorp, AQMAR or Wojood files: one token per line, then one or
more IOB tags (Wojood's nested layers are extra columns); a blank line ends a sentence. The
tokens are joined with single spaces into the doc's text, so every span's offsets are exact
(end exclusive). Wojood's ``$#$`` lines (a paragraph mark) are breaks too, not tokens.
ANERcorp has no sentence breaks: a doc is cut after sentence-final
punctuation once it holds ``min_tokens`` tokens, and at the latest (outside an entity) at
``max_tokens``.

A mapped entity's first word loses a proclitic glued to it (``و``, ``ب``, ``ل``, ``ف``...) when
the rest of the word starts an entity elsewhere in the file (``بالقاهرة`` → ``القاهرة``), since
the guide has it so (in ``بحلب`` only ``حلب`` is the PLACE); direction marks (U+200E/F) are
dropped from tokens.

The corpus tags map to our labels by ``mapping`` (``{"LOC": "PLACE", "GPE": "PLACE"}``); a
corpus type mapped to ``"O"`` is taught as ``O``. Every other entity (``PERS``, ``ORG``,
``NORP``, a misspelt tag...) is not something the corpus says about our labels: its
characters are listed in ``doc.meta["ignore"]`` (:data:`IGNORE_KEY`) and its tokens are
left out of the loss, like a token without a valid tag.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hasila.errors import UserError
from hasila.rules.phrases import drop_overlaps
from hasila.schema import Doc, Span
from hasila.text.gazetteer import CLITICS

logger = logging.getLogger(__name__)

#: ``doc.meta`` key of the ``[start, end]`` character ranges whose tokens get no label
IGNORE_KEY = "ignore"
#: the default corpus-type → label mapping (everything else is ignored)
DEFAULT_MAPPING = {"LOC": "PLACE", "GPE": "PLACE"}
_TAG = re.compile(r"^(?:[BIbi]-[A-Za-z_]+|[Oo])$")
_BREAKS = frozenset({"$#$"})
_NO_MARKS = str.maketrans("", "", "\u200e\u200f")
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})


@dataclass
class _Token:
    text: str
    tags: list[str]  # upper-cased IOB tags, one per layer; [] = no valid tag


@dataclass
class _Builder:
    """Accumulates the tokens of one doc and builds it."""

    tokens: list[_Token] = field(default_factory=list)

    def build(self, doc_id: str, mapping: Mapping[str, str]) -> Doc:
        text, starts = _join(t.text for t in self.tokens)
        spans: list[Span] = []
        ignore: list[list[int]] = []
        for i, tok in enumerate(self.tokens):
            if not tok.tags:
                ignore.append([starts[i], starts[i] + len(tok.text)])
        for first, last, typ in _entities(self.tokens):
            start, end = starts[first], starts[last] + len(self.tokens[last].text)
            label = mapping.get(typ)
            if label is None:
                ignore.append([start, end])
            elif label != "O":
                spans.append(Span(start, end, label, text[start:end]))
        return Doc(doc_id, text, drop_overlaps(spans), meta={IGNORE_KEY: sorted(ignore)})


def _join(tokens: Iterable[str]) -> tuple[str, list[int]]:
    """The tokens joined by single spaces, and each token's start offset."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for tok in tokens:
        starts.append(pos)
        parts.append(tok)
        pos += len(tok) + 1
    return " ".join(parts), starts


def _entities(tokens: list[_Token]) -> Iterator[tuple[int, int, str]]:
    """``(first, last, type)`` token indices of every entity, layer by layer (IOB2, with
    ``I-X`` after anything but ``X`` opening an entity)."""
    layers = max((len(t.tags) for t in tokens), default=0)
    for layer in range(layers):
        open_: tuple[int, str] | None = None
        for i, tok in enumerate(tokens):
            tag = tok.tags[layer] if layer < len(tok.tags) else "O"
            kind, _, typ = tag.partition("-")
            if open_ is not None and (kind != "I" or typ != open_[1]):
                yield open_[0], i - 1, open_[1]
                open_ = None
            if kind in ("B", "I") and open_ is None:
                open_ = (i, typ)
        if open_ is not None:
            yield open_[0], len(tokens) - 1, open_[1]


def _lines(path: Path) -> Iterator[tuple[int, _Token | None]]:
    """``(line number, token)`` of every line; ``None`` for a sentence break."""
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            fields = line.split()
            if not fields or fields[0] in _BREAKS:
                yield n, None
                continue
            token = fields[0].translate(_NO_MARKS)
            if not token:  # a direction mark alone is no token
                continue
            tags = [f.upper() for f in fields[1:] if _TAG.match(f)]
            yield n, _Token(token, tags)


def read_conll(path: str | Path, mapping: Mapping[str, str] | None = None, name: str = "ner",
               min_tokens: int = 60, max_tokens: int = 120, max_docs: int = 0) -> list[Doc]:
    """The docs of a CoNLL-style NER file (see the module notes); ``max_docs`` > 0 keeps the
    first ones."""
    if not 0 < min_tokens <= max_tokens:
        raise UserError(f"NER source {name!r}: need 0 < min_tokens <= max_tokens "
                        f"(got {min_tokens}, {max_tokens})")
    mapping = dict(DEFAULT_MAPPING if mapping is None else mapping)
    docs: list[Doc] = []
    cur = _Builder()
    bad = 0

    def flush() -> bool:
        nonlocal cur
        if cur.tokens:
            docs.append(cur.build(f"{name}-{len(docs)}", mapping))
        cur = _Builder()
        return bool(max_docs) and len(docs) >= max_docs

    for _, tok in _lines(Path(path)):
        if tok is None:  # a sentence break: a doc may end here
            if len(cur.tokens) >= min_tokens and flush():
                break
            continue
        bad += not tok.tags
        # a long doc is cut before a token that neither continues an entity nor ends a sentence
        if (len(cur.tokens) >= max_tokens and tok.text not in _SENTENCE_END
                and not any(t.startswith("I-") for t in tok.tags) and flush()):
            break
        cur.tokens.append(tok)
        if tok.text in _SENTENCE_END and len(cur.tokens) >= min_tokens and flush():
            break
    else:
        flush()
    if bad:
        logger.info("NER source %s: %d token(s) without a valid tag (left out of the loss)", name, bad)
    return trim_proclitics(docs)


def trim_proclitics(docs: list[Doc]) -> list[Doc]:
    """``docs`` with a proclitic cut off a span's first word where the rest of that word is
    the first word of a span somewhere in ``docs`` (``وبريطانيا``, ``بالقاهرة``)."""
    firsts = {s.text.split(" ")[0] for d in docs for s in d.spans}
    for doc in docs:
        spans = []
        for span in doc.spans:
            word = span.text.split(" ")[0]
            cut = next((len(c) for c in CLITICS if word.startswith(c) and word[len(c):] in firsts), 0)
            spans.append(span if not cut else
                         Span(span.start + cut, span.end, span.label, doc.text[span.start + cut:span.end]))
        doc.spans = spans
    return docs


__all__ = ["DEFAULT_MAPPING", "IGNORE_KEY", "read_conll", "trim_proclitics"]
