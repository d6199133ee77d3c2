"""Rules silver: casualty reports picked from unlabelled corpora, labelled by the rules baseline.

The rules (:class:`hasila.rules.tagger.RulesTagger`: gazetteer, actor lists, the
linker's number rules) are the most accurate labeller on real reports, so a
model trained on what they say about many real reports learns their knowledge
from real text, at the density of real news. :func:`select_reports` keeps the
texts that report casualties by a cheap, stated rule (:data:`CASUALTY_RULE`);
:func:`rules_silver` labels them in worker processes and caches the result
under ``.cache/silver/`` (keyed by the texts and the rules' own files).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from hasila.fileio import cached_json, project_root
from hasila.schema import Doc, Span

logger = logging.getLogger(__name__)

_KEYWORDS = ("قتل", "مقتل", "قتيل", "قتلى", "مصرع", "جرحى", "جريح", "إصابة", "اصابة", "ضحايا", "أصيب",
             "اصيب")
_DIGIT = "[0-9٠-٩]"
_KW = "(?:" + "|".join(_KEYWORDS) + ")"
#: The selection rule: a casualty word and a digit within 60 characters of each other.
CASUALTY_RULE = re.compile(f"{_KW}.{{0,60}}?{_DIGIT}|{_DIGIT}.{{0,60}}?{_KW}", re.DOTALL)
#: Files whose content decides what the rules say (part of the cache key).
_RULE_FILES = ("configs/actors.yaml", "configs/categories.yaml", "configs/link.yaml",
               "data/gazetteer/places.tsv", "data/gazetteer/world.tsv", "hasila/rules/*.py",
               "hasila/link/*.py", "hasila/annotation/ontology.py", "hasila/text/gazetteer.py",
               "hasila/text/arabic.py")


def reports_casualties(text: str) -> bool:
    """True when ``text`` matches :data:`CASUALTY_RULE` (a casualty word near a digit)."""
    return CASUALTY_RULE.search(text) is not None


def select_reports(texts: Iterable[str], max_docs: int = 0, max_chars: int = 0) -> Iterator[str]:
    """The texts that report casualties, first come first kept, without exact reprints
    (same first 200 characters); ``max_chars`` > 0 leaves out longer texts."""
    seen: set[str] = set()
    kept = 0
    for text in texts:
        if max_chars and len(text) > max_chars:
            continue
        head = text[:200]
        if head in seen or not reports_casualties(text):
            continue
        seen.add(head)
        yield text
        kept += 1
        if max_docs and kept >= max_docs:
            return


def rules_fingerprint() -> str:
    """A hash of the rules' word lists, settings and code."""
    h = hashlib.sha256()
    root = project_root()
    for pattern in _RULE_FILES:
        paths = sorted(root.glob(pattern)) or [root / pattern]
        for path in paths:
            name = path.relative_to(root).as_posix()
            h.update(name.encode() + (path.read_bytes() if path.is_file() else b"-"))
    return h.hexdigest()


_RULES = None


def _init_worker() -> None:
    global _RULES
    from hasila.rules.tagger import RulesTagger

    _RULES = RulesTagger.load()


def _label(text: str) -> list[list]:
    assert _RULES is not None
    doc = _RULES.label(text)
    return [[s.start, s.end, s.label] for s in doc.spans]


def label_texts(texts: list[str], processes: int = 1) -> list[list[list]]:
    """The rules' spans (``[start, end, label]``) of every text, in ``processes`` processes."""
    from tqdm.auto import tqdm

    if processes <= 1 or len(texts) < 50:
        _init_worker()
        return [_label(t) for t in tqdm(texts, desc="rules silver", unit="doc")]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_init_worker) as pool:
        return list(tqdm(pool.imap(_label, texts, chunksize=8), total=len(texts), desc="rules silver",
                         unit="doc"))


def rules_spans(texts: list[str], cache_dir: str | Path, processes: int = 1,
                what: str = "rules spans") -> list[list[Span]]:
    """The rules' spans of every text (cached by the texts and the rules' own files)."""

    def label() -> list:
        logger.info("%s: labelling %d texts with the rules (%d processes)", what, len(texts), processes)
        return label_texts(texts, processes)

    raw = cached_json(cache_dir, "rules-", rules_fingerprint().encode(), texts, label, what)
    return [[Span(a, b, lab, text[a:b]) for a, b, lab in spans]
            for text, spans in zip(texts, raw, strict=True)]


def rules_silver(texts: list[str], name: str, cache_dir: str | Path, processes: int = 1,
                 actor_phrases: bool = False) -> list[Doc]:
    """``texts`` labelled by the rules, as docs ``<name>-<i>`` (cached by texts and rules).

    ``actor_phrases``: ACTOR spans widened to the actor's noun phrase as the guide has it
    (:func:`hasila.model.decoding.actor_phrases`: ``قوات النظام`` + ``السوري``, ``مقاتلي`` +
    ``المعارضة``), so the silver teaches the gold's convention, not the rules' shorter names."""
    from hasila.model.decoding import actor_phrases as widen

    labelled = rules_spans(texts, cache_dir, processes, f"silver {name}")
    docs = [Doc(f"{name}-{i}", text, spans) for i, (text, spans) in enumerate(zip(texts, labelled, strict=True))]
    if actor_phrases:
        docs = [replace(d, spans=widen(d.text, d.spans)) for d in docs]
    return docs


__all__ = ["CASUALTY_RULE", "label_texts", "reports_casualties", "rules_fingerprint", "rules_silver",
           "rules_spans", "select_reports"]
