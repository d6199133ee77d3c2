"""Word2vec initial embeddings for scratch models (hasila.model.word_vectors)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from hasila.model.modeling import ModelConfig, build, train_tokenizer
from hasila.model.word_vectors import (
    WordVectorsConfig,
    corpus_vectors,
    set_embeddings,
    token_sentences,
    train_vectors,
)

TEXTS = ["قتل 12 مدنيا في حلب و218 مواطنة بريف إدلب، وأصيب مسؤول في قوات النظام."] * 5
CORPUS = [
    "قصفت قوات النظام بلدة في ريف حلب وقتل ثلاثة مدنيين.",
    "قصفت الطائرات الروسية قرية في ريف إدلب وأصيب خمسة مدنيين.",
    "قتل عنصران من قوات النظام في اشتباكات مع الفصائل في ريف حماة.",
] * 20


def tiny(**kw) -> ModelConfig:
    base = dict(vocab_size=120, min_frequency=1, layers=2, hidden=32, heads=2, intermediate=64,
                max_positions=64, tokenizer_cache="")
    return ModelConfig(**{**base, **kw})


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("\n\n".join(CORPUS), encoding="utf-8")
    return path


def test_sentences_are_the_tokenizers_ids():
    tok = train_tokenizer(TEXTS + CORPUS, vocab_size=150, min_frequency=1)
    sentences = token_sentences(tok, [*CORPUS[:3], ""])
    assert len(sentences) == 3  # an empty text gives no sentence
    assert sentences[0] == [str(i) for i in tok(CORPUS[0], add_special_tokens=False)["input_ids"]]


def test_vectors_cover_the_frequent_tokens_and_are_reproducible():
    sentences = [["5", "6", "7"]] * 4 + [["8"]]  # token 8 occurs once: below min_count
    cfg = WordVectorsConfig(corpora=["x"], min_count=2, epochs=2, window=2)
    vectors, covered = train_vectors(sentences, vocab_size=10, dim=8, cfg=cfg)
    assert vectors.shape == (10, 8)
    assert covered.tolist() == [False] * 5 + [True] * 3 + [False] * 2
    assert not vectors[~covered].any() and vectors[covered].any()
    again, _ = train_vectors(sentences, vocab_size=10, dim=8, cfg=cfg)
    assert np.array_equal(vectors, again)  # one worker and a fixed hash: the same vectors


def test_set_embeddings_replaces_covered_rows_at_the_initial_spread():
    _, model = build(tiny(), TEXTS)
    weight = model.get_input_embeddings().weight
    before = weight.detach().clone()
    n, dim = weight.shape
    rng = np.random.default_rng(0)
    vectors = (rng.normal(size=(n, dim)) * 3.0).astype(np.float32)  # word2vec's larger spread
    covered = np.zeros(n, dtype=bool)
    covered[5:40] = True
    assert set_embeddings(model, vectors, covered, keep=[5, 6]) == 33
    after = weight.detach()
    assert torch.equal(after[:7], before[:7])  # uncovered rows and the kept (special) rows stay
    assert torch.equal(after[40:], before[40:])
    assert not torch.equal(after[7:40], before[7:40])
    assert abs(float(after[7:40].std()) - float(before.std())) < 0.3 * float(before.std())
    # the rows keep word2vec's geometry: the nearest neighbour of a row is the same
    new = after[7:40].numpy()
    src = vectors[7:40]
    cos = lambda m: (m / np.linalg.norm(m, axis=1, keepdims=True)) @ (m / np.linalg.norm(m, axis=1, keepdims=True)).T  # noqa: E731
    a, b = cos(new), cos(src)
    np.fill_diagonal(a, -2)
    np.fill_diagonal(b, -2)
    assert (a.argmax(1) == b.argmax(1)).mean() > 0.9


def test_build_starts_from_cached_corpus_vectors(tmp_path, corpus_file):
    cache = tmp_path / "vectors"
    wv = WordVectorsConfig(corpora=[str(corpus_file)], min_count=2, epochs=1, cache=str(cache))
    toks = str(tmp_path / "tokenizers")  # one tokenizer for every build (WordPiece breaks ties at random)
    torch.manual_seed(0)
    tok, plain = build(tiny(tokenizer_cache=toks), TEXTS + CORPUS)
    torch.manual_seed(0)
    tok2, seeded = build(tiny(tokenizer_cache=toks, word_vectors=wv), TEXTS + CORPUS)
    assert tok.get_vocab() == tok2.get_vocab()
    changed = (plain.get_input_embeddings().weight != seeded.get_input_embeddings().weight).any(dim=1)
    assert changed.sum() > 20
    assert not changed[tok2.all_special_ids].any()
    files = list(cache.glob("*.npz"))
    assert len(files) == 1
    # the second build reads the cache: the same vectors, without training word2vec again
    stamp = files[0].stat().st_mtime_ns
    first = corpus_vectors(tok2, 32, wv)
    assert first is not None and files[0].stat().st_mtime_ns == stamp
    torch.manual_seed(0)
    _, again = build(tiny(tokenizer_cache=toks, word_vectors=wv), TEXTS + CORPUS)
    assert torch.equal(again.get_input_embeddings().weight, seeded.get_input_embeddings().weight)


def test_absent_shared_corpus_leaves_the_random_embeddings(tmp_path):
    wv = WordVectorsConfig(corpora=["../shared/no/such/corpus.jsonl"], cache=str(tmp_path))
    toks = str(tmp_path / "tokenizers")
    torch.manual_seed(0)
    _, plain = build(tiny(tokenizer_cache=toks), TEXTS)
    torch.manual_seed(0)
    _, model = build(tiny(tokenizer_cache=toks, word_vectors=wv), TEXTS)
    assert torch.equal(plain.get_input_embeddings().weight, model.get_input_embeddings().weight)


def test_config_override_and_model_card_name_the_vectors():
    from hasila.training.train import load_train_config, model_card

    cfg = load_train_config("configs/tiny.yaml", ["model.word_vectors.corpora=[news.jsonl]",
                                                  "model.word_vectors.epochs=2"])
    assert cfg.model.word_vectors == WordVectorsConfig(corpora=["news.jsonl"], epochs=2)
    assert "word2vec (skip-gram, 2 epochs, window 5) over news.jsonl" in model_card(cfg, {})
    plain = load_train_config("configs/tiny.yaml")
    assert not plain.model.word_vectors.on and "word2vec" not in model_card(plain, {})
