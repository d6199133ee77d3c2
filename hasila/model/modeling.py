"""Tokenizer and token-classification model from a typed :class:`ModelConfig`.

``base: scratch`` trains a WordPiece tokenizer (``tokenizers`` library) on the
training texts plus the unlabelled corpora the config names and builds a small
BERT of the configured size. Any other ``base`` is a local folder (for example
the output of ``hasila pretrain``) or a hub id, loaded with the ``Auto*``
classes; a fresh classification head is added for the configured labels.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hasila.errors import UserError
from hasila.fileio import atomic_dir
from hasila.model.corpora import iter_corpus_texts, resolve_path
from hasila.model.decoding import DecodingConfig
from hasila.model.word_vectors import WordVectorsConfig, init_word_vectors
from hasila.schema import LABELS, bio_tags
from hasila.text.arabic import normalize

logger = logging.getLogger(__name__)

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@dataclass
class ModelConfig:
    """What model to train: its base, labels, tokenizer and (for scratch) its size."""

    base: str = "scratch"
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    # scratch tokenizer
    vocab_size: int = 8000
    min_frequency: int = 2
    tokenizer_corpora: list[str] = field(default_factory=list)
    tokenizer_max_docs: int = 0
    tokenizer_cache: str = ".cache/tokenizers"  # "" disables the cache
    split_clitics: bool = True  # scratch pre-tokenizer cuts a word-initial و/ف/ب/ل/ك off every word
    # scratch model size
    layers: int = 4
    hidden: int = 256
    heads: int = 4
    intermediate: int = 1024
    max_positions: int = 512
    dropout: float = 0.1
    # scratch embeddings start from word2vec vectors over unlabelled corpora (off: no corpora)
    word_vectors: WordVectorsConfig = field(default_factory=WordVectorsConfig)
    # the model reads the rules' tag of every token beside the text (as its token type ids):
    # it learns from the gold where the rules are wrong and keeps them where they are right
    rules_hint: bool = False
    # confidence decoding saved with the model (per-label biases and span thresholds)
    decoding: DecodingConfig = field(default_factory=DecodingConfig)

    def tags(self) -> list[str]:
        """The IOB2 tag list: ``O``, then ``B-X``/``I-X`` per label."""
        return bio_tags(self.labels)

    def id2label(self) -> dict[int, str]:
        return dict(enumerate(self.tags()))

    def label2id(self) -> dict[str, int]:
        return {tag: i for i, tag in enumerate(self.tags())}


def train_tokenizer(texts: Iterable[str], vocab_size: int = 8000, min_frequency: int = 2,
                    model_max_length: int = 512, split_clitics: bool = False) -> Any:
    """Train a WordPiece tokenizer on the normalised ``texts``.

    Normaliser: BertNormalizer without lowercasing or accent stripping (which
    would drop the hamza of ؤ/ئ). Pre-tokenizer: whitespace, then punctuation,
    then digit runs split from letters (so the clitic in ``و218`` is its own
    token). With ``split_clitics`` a word-initial و/ف/ب/ل/ك is cut off every
    word (``بريف`` → ``ب ريف``, ``للمعارضة`` → ``ل لمعارضة``), so spans that
    start after a glued clitic start on a word; stems that merely begin with
    these letters are cut too (``فلسطين`` → ``ف لسطين``), which costs some
    sequence length but no information. Returns a fast tokenizer wrapped for
    ``transformers``.
    """
    from tokenizers import (
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
        trainers,
    )
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True,
                                                strip_accents=False, lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.WhitespaceSplit(),
        pre_tokenizers.Punctuation(),
        pre_tokenizers.Digits(individual_digits=False),
        *([pre_tokenizers.Split(Regex("^[وفبلك]"), behavior="isolated")] if split_clitics else []),
    ])
    tok.decoder = decoders.WordPiece(prefix="##")
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=min_frequency,
                                        special_tokens=SPECIAL_TOKENS, continuing_subword_prefix="##")
    tok.train_from_iterator((normalize(t).text for t in texts), trainer=trainer)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS]:0 $A:0 [SEP]:0",
        pair="[CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", cls_token="[CLS]",
                                   sep_token="[SEP]", pad_token="[PAD]", mask_token="[MASK]",
                                   model_max_length=model_max_length)
    logger.info("trained a WordPiece tokenizer: %d tokens", len(fast))
    return fast


def bert_config(cfg: ModelConfig, vocab_size: int, pad_token_id: int, **extra: Any) -> Any:
    """A ``BertConfig`` of the configured size."""
    from transformers import BertConfig

    if cfg.hidden % cfg.heads:
        raise UserError(f"model.hidden {cfg.hidden} must be a multiple of model.heads {cfg.heads}")
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=cfg.hidden,
        num_hidden_layers=cfg.layers,
        num_attention_heads=cfg.heads,
        intermediate_size=cfg.intermediate,
        max_position_embeddings=cfg.max_positions,
        hidden_dropout_prob=cfg.dropout,
        attention_probs_dropout_prob=cfg.dropout,
        pad_token_id=pad_token_id,
        type_vocab_size=len(cfg.tags()) if cfg.rules_hint else 2,
        **extra,
    )


def widen_token_types(model: Any, n: int) -> None:
    """Give ``model`` ``n`` token types (a rules-hint model's tags), each starting as type 0."""
    import torch

    embeddings = model.base_model.embeddings.token_type_embeddings
    if embeddings.num_embeddings >= n:
        return
    old = embeddings.weight.data
    wider = torch.nn.Embedding(n, old.shape[1])
    wider.weight.data[:] = old[0]
    wider.weight.data[:old.shape[0]] = old
    model.base_model.embeddings.token_type_embeddings = wider
    model.config.type_vocab_size = n


def scratch_tokenizer(cfg: ModelConfig, texts: Iterable[str]) -> Any:
    """Train the scratch tokenizer on ``texts`` plus ``cfg.tokenizer_corpora``.

    The ``tokenizers`` WordPiece trainer breaks ties between equally frequent
    merges in hash order, so two trainings on the same texts can differ in a
    few rare entries. The result is therefore cached under
    ``cfg.tokenizer_cache`` by a hash of the texts and settings: the same
    inputs give the same tokenizer (and the dataset cache stays valid).
    """
    from transformers import AutoTokenizer

    texts = list(texts)
    corpus = list(iter_corpus_texts(cfg.tokenizer_corpora, cfg.tokenizer_max_docs))
    logger.info("tokenizer training texts: %d labelled + %d unlabelled", len(texts), len(corpus))
    cache = None
    if cfg.tokenizer_cache:
        h = hashlib.sha256(f"wordpiece-v1|{cfg.vocab_size}|{cfg.min_frequency}|{cfg.max_positions}|"
                           f"{cfg.split_clitics}".encode())
        for text in texts + corpus:
            h.update(text.encode("utf-8"))
            h.update(b"\x00")
        cache = resolve_path(cfg.tokenizer_cache) / h.hexdigest()[:16]
        if (cache / "tokenizer.json").is_file():
            logger.info("tokenizer cache hit: %s", cache)
            return AutoTokenizer.from_pretrained(str(cache))
    tokenizer = train_tokenizer(texts + corpus, cfg.vocab_size, cfg.min_frequency, cfg.max_positions,
                                cfg.split_clitics)
    if cache is not None:
        with atomic_dir(cache) as tmp:
            tokenizer.save_pretrained(str(tmp))
    return tokenizer


def build(cfg: ModelConfig, texts: Iterable[str] = ()) -> tuple[Any, Any]:
    """``(tokenizer, model)`` for token classification with the configured labels.

    ``texts`` (training texts) are used only by ``base: scratch``.
    """
    from transformers import (
        AutoModelForTokenClassification,
        AutoTokenizer,
        BertForTokenClassification,
    )

    id2label, label2id = cfg.id2label(), cfg.label2id()
    if cfg.base == "scratch":
        tokenizer = scratch_tokenizer(cfg, texts)
        config = bert_config(cfg, len(tokenizer), tokenizer.pad_token_id,
                             id2label=id2label, label2id=label2id)
        model = BertForTokenClassification(config)
        if cfg.word_vectors.on:
            init_word_vectors(model, tokenizer, cfg.word_vectors)
        return tokenizer, model
    local = resolve_path(cfg.base)
    source = str(local) if local.exists() else cfg.base
    if not local.exists() and (cfg.base.startswith((".", "/")) or cfg.base.count("/") != 1):
        raise UserError(f"model.base {cfg.base!r}: no such folder (resolved to {local})")
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForTokenClassification.from_pretrained(
            source, num_labels=len(id2label), id2label=id2label, label2id=label2id,
            ignore_mismatched_sizes=True)
    except OSError as exc:
        raise UserError(f"model.base {cfg.base!r}: cannot load ({exc}); without hub access "
                        f"use a local folder") from None
    if not getattr(tokenizer, "is_fast", False):
        raise UserError(f"model.base {cfg.base!r}: needs a fast tokenizer (tokenizer.json)")
    if cfg.rules_hint:
        if not hasattr(getattr(model.base_model, "embeddings", None), "token_type_embeddings"):
            raise UserError(f"model.base {cfg.base!r}: has no token types to carry the rules' hints "
                            "(model.rules_hint needs a BERT-like encoder)")
        widen_token_types(model, len(cfg.tags()))
    return tokenizer, model
