"""Training data: gold exports, synthetic reports and silver predictions → token-classification windows.

Each source in :class:`DataConfig` gives a list of :class:`~hasila.schema.Doc`;
:func:`hasila.model.align.encode_windows` cuts every doc into labelled windows; the
sources are mixed by weight (a weight of 2 repeats a source's windows twice,
0.5 keeps a seeded random half) and shuffled. The result is a
``datasets.DatasetDict`` (``train`` and, when dev docs are given, ``dev``),
cached on disk under ``.cache/datasets/<hash>`` where the hash covers the texts,
spans, tokenizer and settings, so an unchanged build is a cache hit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hasila.data.ner import DEFAULT_MAPPING, IGNORE_KEY
from hasila.errors import UserError
from hasila.fileio import atomic_dir, cached_json
from hasila.model.align import AlignStats, encode_windows
from hasila.model.corpora import is_shared_path, resolve_path
from hasila.schema import Doc, Span

logger = logging.getLogger(__name__)

KINDS = ("gold", "synthetic", "silver", "rules", "ner")


@dataclass
class SourceConfig:
    """One training source.

    ``kind``: ``gold`` (Label Studio export with annotations), ``synthetic``
    (``n`` reports from :func:`hasila.synth.generator.generate` with ``seed``) or
    ``silver`` (machine-labelled: a Label Studio export of predictions at
    ``path``, or the texts of ``corpus`` tagged by the ``teacher`` model
    folder; spans below ``min_score`` are dropped, and docs with any span
    below ``doc_min_score`` are left out, since a dropped span would teach
    ``O``) or ``rules`` (the texts of ``corpus`` that report casualties,
    :func:`hasila.data.silver.select_reports`, at most ``max_docs`` of them and
    none longer than ``max_chars``, labelled by the rules baseline) or ``ner`` (a public NER
    corpus of ``token TAG`` lines at ``path``, :func:`hasila.data.ner.read_conll`, cut into
    docs of ``min_tokens`` to ``max_tokens`` tokens, at most ``max_docs``; its types map to our
    labels by ``labels``, and what it does not annotate for our labels, its other entities and
    every token the rules tag with a label no type maps to, is left out of the loss). A missing
    file under ``../shared`` or a missing teacher is skipped with a log line;
    any other missing file is an error unless ``optional``.
    """

    name: str
    kind: str = "gold"
    path: str = ""
    n: int = 0
    seed: int = 0
    weight: float = 1.0
    optional: bool = False
    min_score: float = 0.0
    doc_min_score: float = 0.0
    teacher: str = ""
    corpus: list[str] = field(default_factory=list)
    max_docs: int = 0
    max_chars: int = 0
    #: gold: leave out the reports of these outlets (first word of ``source``), e.g. to select on them
    hold_out: list[str] = field(default_factory=list)
    #: rules: widen the rules' ACTOR spans to the actor's noun phrase (the guide's convention)
    actor_phrases: bool = False
    #: ner: corpus entity type -> our label ("O": taught as O; a type not listed is ignored)
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MAPPING))
    #: ner: a doc ends after sentence-final punctuation once this long (tokens) ...
    min_tokens: int = 60
    #: ner: ... and at the latest at this length
    max_tokens: int = 120


@dataclass
class EvalSetConfig:
    """A gold export used for dev or test reporting."""

    name: str
    path: str
    optional: bool = False
    #: only the reports of these outlets (first word of ``source``); empty: all
    outlets: list[str] = field(default_factory=list)


def outlet(doc: Doc) -> str:
    """The outlet of a real report: the first word of its ``source`` field ("" when none)."""
    source = str(doc.meta.get("source") or "")
    return source.split()[0] if source.split() else ""


@dataclass
class DataConfig:
    """What to train on and what to measure on."""

    train: list[SourceConfig] = field(default_factory=list)
    dev: list[EvalSetConfig] = field(default_factory=list)
    test: list[EvalSetConfig] = field(default_factory=list)
    label_all_subtokens: bool = False
    cache_dir: str = ".cache/datasets"
    # a rules-hint model (model.rules_hint): the share of training windows shown without the
    # rules' hints, so the model also tags from the text alone (transformers.pipeline)
    hint_dropout: float = 0.3


@dataclass
class LoadedSource:
    """A source's docs once read (``skipped`` names why it has none)."""

    config: SourceConfig
    docs: list[Doc]
    skipped: str | None = None


def _missing(path: str, optional: bool, what: str) -> str | None:
    """Why a missing ``path`` may be skipped, or raise when it may not."""
    if is_shared_path(path):
        msg = f"{what} {path}: not found (../shared is optional), skipped"
    elif optional:
        msg = f"{what} {path}: not found (optional), skipped"
    else:
        raise UserError(f"{what} {path}: file not found (resolved to {resolve_path(path)})")
    logger.info("%s", msg)
    return msg


def load_source(src: SourceConfig, silver_cache: str | Path = ".cache/silver") -> LoadedSource:
    """Read the docs of one training source (teacher-tagged silver is cached in ``silver_cache``)."""
    if src.kind not in KINDS:
        raise UserError(f"data source {src.name!r}: unknown kind {src.kind!r} (one of {', '.join(KINDS)})")
    if src.weight < 0:
        raise UserError(f"data source {src.name!r}: weight must be >= 0")
    if src.kind == "synthetic":
        try:
            from hasila.synth.generator import generate
        except ImportError as exc:
            raise UserError(f"data source {src.name!r}: synthetic generator unavailable ({exc})") from None
        docs = generate(src.n, src.seed) if src.n > 0 else []
        return LoadedSource(src, list(docs))
    if src.kind == "silver" and src.teacher:
        return LoadedSource(src, *_teacher_silver(src, silver_cache))
    if src.kind == "rules":
        return LoadedSource(src, *_rules_silver(src, silver_cache))
    path = resolve_path(src.path)
    if not src.path or not path.exists():
        return LoadedSource(src, [], _missing(src.path, src.optional, f"data source {src.name!r}:"))
    from hasila.annotation.lsio import load_docs, read_export

    if src.kind == "ner":
        return LoadedSource(src, _ner_docs(src, path, silver_cache))
    if src.kind == "gold":
        docs = load_docs(path, source="annotations")
        kept = [d for d in docs if outlet(d) not in src.hold_out]
        if len(kept) < len(docs):
            logger.info("data source %r: %d reports of %s held out", src.name, len(docs) - len(kept),
                        ", ".join(src.hold_out))
        return LoadedSource(src, kept)
    result = read_export(path, source="predictions", require_count_attrs=False)
    if result.errors:
        logger.warning("%s: %d invalid prediction task(s) skipped (first: %s)", path,
                       len(result.errors), result.errors[0])
    return LoadedSource(src, _filter_silver(result.docs, src))


def _filter_silver(docs: Sequence[Doc], src: SourceConfig) -> list[Doc]:
    kept = []
    for doc in docs:
        scores = [s.score for s in doc.spans if s.score is not None]
        if scores and min(scores) < src.doc_min_score:
            continue
        spans = [s for s in doc.spans if s.score is None or s.score >= src.min_score]
        kept.append(Doc(doc.id, doc.text, spans, [], dict(doc.meta)))
    logger.info("silver %s: %d of %d docs kept", src.name, len(kept), len(docs))
    return kept


def _ner_docs(src: SourceConfig, path: Path, cache_dir: str | Path) -> list[Doc]:
    """A NER corpus's docs, with the rules' spans of labels the corpus does not annotate added
    to each doc's ignored ranges (cached like the rules silver)."""
    from hasila.data.ner import read_conll
    from hasila.data.silver import rules_spans
    from hasila.model.runtime import usable_cores

    docs = read_conll(path, src.labels, src.name, src.min_tokens, src.max_tokens, src.max_docs)
    annotated = set(src.labels.values())
    # the unique texts in order, as the rules hints ask for them: one cache entry serves both
    texts = list(dict.fromkeys(d.text for d in docs))
    ruled = dict(zip(texts, rules_spans(texts, resolve_path(cache_dir), usable_cores(),
                                        f"ner {src.name} (rules' unannotated labels)"), strict=True))
    for doc in docs:
        extra = [[s.start, s.end] for s in ruled[doc.text] if s.label not in annotated]
        doc.meta[IGNORE_KEY] = sorted(doc.meta.get(IGNORE_KEY, []) + extra)
    logger.info("ner %s: %d docs, %d mapped spans, %d ignored ranges", src.name, len(docs),
                sum(len(d.spans) for d in docs), sum(len(d.meta[IGNORE_KEY]) for d in docs))
    return docs


def _teacher_silver(src: SourceConfig, cache_dir: str | Path) -> tuple[list[Doc], str | None]:
    """Tag the ``corpus`` texts with the ``teacher`` model (cached by teacher and texts)."""
    from hasila.model.corpora import iter_corpus_texts

    teacher = resolve_path(src.teacher)
    if not (teacher / "config.json").is_file():
        msg = f"silver {src.name!r}: teacher model {src.teacher} not found (train it first), skipped"
        logger.info("%s", msg)
        return [], msg
    texts = list(iter_corpus_texts(src.corpus, src.max_docs))
    if not texts:
        return [], f"silver {src.name!r}: no corpus text found, skipped"
    weights = teacher / "model.safetensors"

    def tag() -> list:
        from hasila.model.infer import Tagger

        logger.info("silver %s: tagging %d texts with %s", src.name, len(texts), teacher)
        tagged = Tagger.load(teacher).tag(texts)
        return [[[s.start, s.end, s.label, s.score] for s in spans] for spans in tagged]

    raw = cached_json(resolve_path(cache_dir), "", weights.read_bytes() if weights.is_file()
                      else str(teacher).encode(), texts, tag, f"silver {src.name}")
    docs = [Doc(f"{src.name}-{i}", text,
                [Span(a, b, lab, text[a:b], score=sc) for a, b, lab, sc in spans])
            for i, (text, spans) in enumerate(zip(texts, raw, strict=True))]
    return _filter_silver(docs, src), None


def _rules_silver(src: SourceConfig, cache_dir: str | Path) -> tuple[list[Doc], str | None]:
    """The casualty reports of ``corpus`` labelled by the rules (see :mod:`hasila.data.silver`)."""
    from hasila.data.silver import rules_silver, select_reports
    from hasila.model.corpora import expand_corpus_paths, iter_corpus_texts
    from hasila.model.runtime import usable_cores

    paths = expand_corpus_paths(src.corpus)
    if not paths:
        msg = f"rules silver {src.name!r}: no corpus found (../shared is optional), skipped"
        logger.info("%s", msg)
        return [], msg
    texts = list(select_reports(iter_corpus_texts([str(p) for p in paths]), src.max_docs, src.max_chars))
    logger.info("rules silver %s: %d casualty reports selected (casualty word near a digit%s%s)",
                src.name, len(texts), f", at most {src.max_docs}" if src.max_docs else "",
                f", <= {src.max_chars} chars" if src.max_chars else "")
    if not texts:
        return [], f"rules silver {src.name!r}: no casualty report in the corpus, skipped"
    return rules_silver(texts, src.name, resolve_path(cache_dir), usable_cores(), src.actor_phrases), None


def load_eval_set(cfg: EvalSetConfig) -> list[Doc] | None:
    """Docs of a dev/test set, or None when it is absent and may be skipped."""
    path = resolve_path(cfg.path)
    if not path.exists():
        _missing(cfg.path, cfg.optional, f"eval set {cfg.name!r}:")
        return None
    from hasila.annotation.lsio import load_docs

    docs = load_docs(path, source="annotations")
    return [d for d in docs if outlet(d) in cfg.outlets] if cfg.outlets else docs


def tokenizer_fingerprint(tokenizer: Any) -> str:
    """A hash of the tokenizer's full definition (vocabulary, normaliser, pre-tokenizer)."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    blob = backend.to_str() if backend is not None else json.dumps(tokenizer.get_vocab(), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _docs_digest(docs: Sequence[Doc]) -> str:
    h = hashlib.sha256()
    for doc in docs:
        h.update(doc.text.encode("utf-8"))
        for s in sorted(doc.spans, key=lambda s: (s.start, s.end, s.label)):
            h.update(f"|{s.start}:{s.end}:{s.label}".encode())
        if doc.meta.get(IGNORE_KEY):  # only docs with ignored ranges: other keys stay as they were
            h.update(f"|ignore:{doc.meta[IGNORE_KEY]}".encode())
        h.update(b"\x00")
    return h.hexdigest()


def dataset_key(sources: Sequence[LoadedSource], dev_docs: Sequence[Doc], tokenizer: Any,
                label2id: dict[str, int], max_length: int, stride: int,
                label_all_subtokens: bool, seed: int) -> str:
    """The content hash naming a cached dataset."""
    payload = {
        "version": 2,
        "sources": [(s.config.name, s.config.weight, _docs_digest(s.docs)) for s in sources],
        "dev": _docs_digest(dev_docs),
        "tokenizer": tokenizer_fingerprint(tokenizer),
        "label2id": label2id,
        "max_length": max_length,
        "stride": stride,
        "label_all_subtokens": label_all_subtokens,
        "seed": seed,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


#: the rules' spans of each of a list of texts (a rules-hint model's second input)
HintFn = Callable[[list[str]], list[list[Span]]]


def _rows(docs: Sequence[Doc], source: str, tokenizer: Any, label2id: dict[str, int],
          max_length: int, stride: int, label_all_subtokens: bool, stats: AlignStats,
          hints: HintFn | None = None) -> list[dict[str, Any]]:
    rows = []
    hint_spans: list[list[Span] | None] = [None] * len(docs)
    if hints is not None and docs:
        hint_spans = list(hints([d.text for d in docs]))
    for doc, hint in zip(docs, hint_spans, strict=True):
        for i, w in enumerate(encode_windows(doc.text, tokenizer, max_length, stride, spans=doc.spans,
                                             label2id=label2id, label_all_subtokens=label_all_subtokens,
                                             stats=stats, hints=hint,
                                             ignore=doc.meta.get(IGNORE_KEY, ()))):
            row = {"input_ids": w.input_ids, "labels": w.labels, "source": source,
                   "doc_id": doc.id, "window": i}
            if w.token_type_ids is not None:
                row["token_type_ids"] = w.token_type_ids
            rows.append(row)
    return rows


def _no_hints(texts: list[str]) -> list[list[Span]]:
    """No hint for any text: every token of type 0 (the rules run for nothing)."""
    return [[] for _ in texts]


def _drop_hints(rows: list[dict[str, Any]], share: float, rng: random.Random) -> list[dict[str, Any]]:
    """``rows`` with a seeded random ``share`` of them shown without hints (all type 0)."""
    if share <= 0 or not rows or "token_type_ids" not in rows[0]:
        return rows
    return [{**r, "token_type_ids": [0] * len(r["token_type_ids"])} if rng.random() < share else r
            for r in rows]


def _mix(rows: list[dict[str, Any]], weight: float, rng: random.Random) -> list[dict[str, Any]]:
    """``weight`` copies of ``rows``: whole copies plus a seeded random fraction."""
    whole = int(weight)
    out = rows * whole
    extra = round((weight - whole) * len(rows))
    if extra:
        out += rng.sample(rows, extra)
    return out


@dataclass
class BuiltDataset:
    """The windows and what went into them."""

    data: Any  # datasets.DatasetDict
    key: str
    path: Path
    cache_hit: bool
    info: dict[str, Any]


def build_dataset(sources: Sequence[LoadedSource], tokenizer: Any, label2id: dict[str, int],
                  max_length: int, stride: int, label_all_subtokens: bool = False, seed: int = 0,
                  dev_docs: Sequence[Doc] = (), cache_dir: str | Path = ".cache/datasets",
                  hints: HintFn | None = None, hint_key: str = "", hint_dropout: float = 0.0
                  ) -> BuiltDataset:
    """Windows of every source, mixed by weight, as a cached ``DatasetDict``.

    ``hints`` (a rules-hint model): every window carries the rules' tags of its tokens as
    ``token_type_ids``; ``hint_dropout`` of the training windows carry none, and neither does
    any window of the rules' own silver (``kind: rules``). ``hint_key``
    names the rules (their fingerprint) in the cache key."""
    from datasets import Dataset, DatasetDict, load_from_disk

    key = dataset_key(sources, dev_docs, tokenizer, label2id, max_length, stride,
                      label_all_subtokens, seed)
    if hints is not None:
        key = hashlib.sha256(f"{key}|hints-v2|{hint_key}|{hint_dropout}".encode()).hexdigest()[:16]
    root = resolve_path(cache_dir)
    path = root / key
    info_path = path / "hasila_info.json"
    if info_path.exists():
        try:
            data = load_from_disk(str(path))
            info: dict[str, Any] = json.loads(info_path.read_text(encoding="utf-8"))
            logger.info("dataset cache hit: %s (%d train windows)", path, len(data["train"]))
            return BuiltDataset(data, key, path, True, info)
        except (OSError, ValueError) as exc:
            logger.warning("dataset cache %s unreadable (%s): rebuilding", path, exc)
    rng = random.Random(seed)
    train_rows: list[dict[str, Any]] = []
    info = {"key": key, "max_length": max_length, "stride": stride,
                            "label_all_subtokens": label_all_subtokens, "sources": {}}
    for src in sources:
        stats = AlignStats()
        # the rules' own silver never carries hints: they would be its labels, and the model
        # would learn to copy them; it learns to read them only where the gold can correct them
        silver = hints is not None and src.config.kind == "rules"
        rows = _rows(src.docs, src.config.name, tokenizer, label2id, max_length, stride,
                     label_all_subtokens, stats, _no_hints if silver else hints)
        mixed = _drop_hints(_mix(rows, src.config.weight, rng), 0.0 if silver else hint_dropout, rng)
        train_rows += mixed
        chars = sum(len(d.text) for d in src.docs)
        n_spans = sum(len(d.spans) for d in src.docs)
        info["sources"][src.config.name] = {
            "kind": src.config.kind, "docs": len(src.docs), "windows": len(rows),
            "chars": chars, "entities_per_1k_chars": round(1000 * n_spans / chars, 2) if chars else 0.0,
            "windows_after_weight": len(mixed), "weight": src.config.weight,
            "tokens": stats.tokens, "spans": stats.spans, "snapped": stats.snapped,
            "dropped": stats.dropped, "snapped_examples": stats.snapped_examples[:10],
            "skipped": src.skipped,
        }
        logger.info("source %s: %d docs, %d windows (x%g), %.2f entities per 1k chars", src.config.name,
                    len(src.docs), len(rows), src.config.weight,
                    info["sources"][src.config.name]["entities_per_1k_chars"])
        if stats.snapped:
            logger.info("%s: %d of %d spans have a boundary inside a sub-token (snapped), e.g. %s",
                        src.config.name, stats.snapped, stats.spans,
                        ", ".join(stats.snapped_examples[:5]))
    if not train_rows:
        raise UserError("no training data: every data source is empty or was skipped")
    rng.shuffle(train_rows)
    splits = {"train": Dataset.from_list(train_rows)}
    if dev_docs:
        dev_stats = AlignStats()
        splits["dev"] = Dataset.from_list(_rows(dev_docs, "dev", tokenizer, label2id, max_length,
                                                stride, label_all_subtokens, dev_stats, hints))
        info["dev"] = {"docs": len(dev_docs), "windows": len(splits["dev"])}
    info["train_windows"] = len(train_rows)
    info["train_tokens"] = sum(len(r["input_ids"]) for r in train_rows)
    data = DatasetDict(splits)
    with atomic_dir(path) as tmp:
        data.save_to_disk(str(tmp))
        (tmp / "hasila_info.json").write_text(json.dumps(info, ensure_ascii=False, indent=2),
                                              encoding="utf-8")
    logger.info("dataset built: %d train windows (%d tokens) -> %s", len(train_rows),
                info["train_tokens"], path)
    return BuiltDataset(load_from_disk(str(path)), key, path, False, info)
