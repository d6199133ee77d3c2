"""Test helper: the linker's readers over one made-up report in hasila markup."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hasila.annotation.markup import parse_markup
from hasila.annotation.ontology import Ontology
from hasila.link.config import LinkConfig
from hasila.link.context import LinkContext
from hasila.link.linker import Readers
from hasila.link.tree import CountNode


@cache
def ontology() -> Ontology:
    """The project's ontology, loaded once."""
    return Ontology.load()


def readers(markup: str, **cfg: object) -> tuple[Readers, list[CountNode]]:
    """The readers over ``markup``'s text and spans (COUNT attributes removed) and its count nodes."""
    doc = parse_markup(markup)
    cx = LinkContext(doc.text, [replace(s, count=None) for s in doc.spans], ontology(), LinkConfig(**cfg))
    r = Readers.over(cx)
    return r, cx.collect()


def nouns_read(markup: str, **cfg: object) -> tuple[Readers, list[CountNode]]:
    """:func:`readers` with every count's noun read (the first pass of :func:`hasila.link.link`)."""
    r, nodes = readers(markup, **cfg)
    r.read_nouns(nodes)
    return r, nodes


def cues_read(markup: str, **cfg: object) -> tuple[Readers, list[CountNode]]:
    """:func:`nouns_read` then each count's cue, what follows it, qualifier and status (the second pass)."""
    r, nodes = nouns_read(markup, **cfg)
    r.cats.share_groups(nodes)
    r.read_cues(nodes)
    return r, nodes
