"""Word2vec vectors over the scratch tokenizer's WordPiece tokens as a model's first embeddings.

A BERT trained from scratch on a few hundred reports starts from random token embeddings. The
unlabelled corpora hold millions of words of news: gensim's word2vec (skip-gram) learns a
vector per WordPiece token from them in about a minute on two cores, and those vectors,
rescaled to the embedding's initial spread, replace the random rows of the tokens they cover.
Tokens the corpora never show often enough (and the special tokens) keep their random rows.

The vectors are cached under :attr:`WordVectorsConfig.cache` by a hash of the tokenizer's
vocabulary, the corpus files and the settings; one worker thread and a fixed hash function
make a training reproducible.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from hasila.errors import UserError
from hasila.fileio import atomic_open
from hasila.model.corpora import expand_corpus_paths, iter_corpus_texts, resolve_path

logger = logging.getLogger(__name__)

#: tokenizer calls per batch while the corpus is cut into WordPiece tokens
_BATCH = 256


@dataclass
class WordVectorsConfig:
    """Word2vec initial embeddings for ``base: scratch`` (off while ``corpora`` is empty)."""

    corpora: list[str] = field(default_factory=list)  # unlabelled corpora (.jsonl, .json, .zip, .txt, globs)
    max_docs: int = 0  # > 0: the first that many documents of the corpora
    epochs: int = 3
    window: int = 5
    min_count: int = 3
    seed: int = 1
    cache: str = ".cache/vectors"  # "" disables the cache

    @property
    def on(self) -> bool:
        return bool(self.corpora)


def _stable_hash(text: str) -> int:
    """gensim seeds each word's first vector with this: the same on every interpreter run."""
    return zlib.crc32(text.encode("utf-8"))


def token_sentences(tokenizer: Any, texts: Iterable[str]) -> list[list[str]]:
    """Each text as its list of WordPiece token ids (as strings, gensim's words)."""
    out: list[list[str]] = []
    batch: list[str] = []

    def flush() -> None:
        for ids in tokenizer(batch, add_special_tokens=False, verbose=False)["input_ids"]:
            if ids:
                out.append([str(i) for i in ids])
        batch.clear()

    for text in texts:
        batch.append(text)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    return out


def train_vectors(sentences: Sequence[Sequence[str]], vocab_size: int, dim: int,
                  cfg: WordVectorsConfig) -> tuple[np.ndarray, np.ndarray]:
    """``(vectors, covered)``: a ``vocab_size × dim`` matrix with a word2vec vector in each row
    whose token id occurs ``cfg.min_count`` times in ``sentences``, and the mask of those rows."""
    try:
        from gensim.models import Word2Vec
    except ImportError:
        raise UserError("model.word_vectors needs gensim (pip install gensim)") from None
    w2v = Word2Vec(sentences=sentences, vector_size=dim, window=cfg.window, min_count=cfg.min_count,
                   sg=1, epochs=cfg.epochs, seed=cfg.seed, workers=1, hashfxn=_stable_hash)
    vectors = np.zeros((vocab_size, dim), dtype=np.float32)
    covered = np.zeros(vocab_size, dtype=bool)
    for word, index in w2v.wv.key_to_index.items():
        token_id = int(word)
        if 0 <= token_id < vocab_size:
            vectors[token_id] = w2v.wv.vectors[index]
            covered[token_id] = True
    return vectors, covered


def _cache_file(cfg: WordVectorsConfig, tokenizer: Any, dim: int, files: Sequence[Path]) -> Path | None:
    if not cfg.cache:
        return None
    h = hashlib.sha256(f"w2v-v1|{dim}|{cfg.max_docs}|{cfg.epochs}|{cfg.window}|{cfg.min_count}|"
                       f"{cfg.seed}".encode())
    for token, token_id in sorted(tokenizer.get_vocab().items(), key=lambda kv: kv[1]):
        h.update(f"{token_id}\t{token}\n".encode())
    for path in files:
        stat = path.stat()
        h.update(f"{path.resolve()}|{stat.st_size}|{int(stat.st_mtime)}\n".encode())
    return resolve_path(cfg.cache) / f"{h.hexdigest()[:16]}.npz"


def corpus_vectors(tokenizer: Any, dim: int, cfg: WordVectorsConfig) -> tuple[np.ndarray, np.ndarray] | None:
    """The word2vec vectors of the tokenizer's tokens over ``cfg.corpora`` (cached), or None
    when none of the corpora is there (``../shared`` is optional)."""
    files = expand_corpus_paths(cfg.corpora)
    if not files:
        logger.info("word vectors: no corpus found, the embeddings start at random")
        return None
    cache = _cache_file(cfg, tokenizer, dim, files)
    if cache is not None and cache.is_file():
        logger.info("word vectors cache hit: %s", cache)
        with np.load(cache) as saved:
            return saved["vectors"], saved["covered"]
    sentences = token_sentences(tokenizer, iter_corpus_texts([str(f) for f in files], cfg.max_docs))
    n_tokens = sum(len(s) for s in sentences)
    logger.info("word vectors: word2vec on %d documents, %d tokens", len(sentences), n_tokens)
    vectors, covered = train_vectors(sentences, len(tokenizer), dim, cfg)
    if cache is not None:
        with atomic_open(cache, "wb", encoding=None) as fh:
            np.savez(fh, vectors=vectors, covered=covered)
    return vectors, covered


def set_embeddings(model: Any, vectors: np.ndarray, covered: np.ndarray,
                   keep: Iterable[int] = ()) -> int:
    """Copy the covered rows of ``vectors`` into ``model``'s word embeddings, rescaled so their
    spread is the embedding's initial one; rows in ``keep`` (special tokens) stay. Returns the
    number of rows set."""
    import torch

    weight = model.get_input_embeddings().weight
    rows = covered.copy()
    rows[[i for i in keep if 0 <= i < len(rows)]] = False
    if not rows.any():
        return 0
    chosen = vectors[rows]
    chosen = (chosen - chosen.mean(axis=0)) / (chosen.std() or 1.0) * float(weight.detach().std())
    with torch.no_grad():
        weight[torch.from_numpy(np.flatnonzero(rows))] = torch.from_numpy(chosen).to(weight.dtype)
    return int(rows.sum())


def init_word_vectors(model: Any, tokenizer: Any, cfg: WordVectorsConfig) -> int:
    """Start ``model``'s token embeddings from word2vec vectors over ``cfg.corpora``; the number
    of tokens that got one (0 when the corpora are absent)."""
    dim = model.get_input_embeddings().weight.shape[1]
    found = corpus_vectors(tokenizer, dim, cfg)
    if found is None:
        return 0
    n = set_embeddings(model, *found, keep=tokenizer.all_special_ids)
    logger.info("word vectors: %d of %d tokens start from word2vec", n, len(tokenizer))
    return n
