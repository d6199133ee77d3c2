"""Tokenizer and model construction: scratch WordPiece + BERT, and a local base folder."""

from __future__ import annotations

import json
import zipfile

import pytest

from hasila.errors import UserError
from hasila.model.corpora import iter_corpus_texts
from hasila.model.modeling import ModelConfig, build, train_tokenizer

TEXTS = ["قتل 12 مدنيا في حلب و218 مواطنة بريف إدلب، وأصيب مسؤول في قوات النظام."] * 5


def tiny(**kw) -> ModelConfig:
    base = dict(vocab_size=120, min_frequency=1, layers=2, hidden=32, heads=2, intermediate=64,
                max_positions=64, tokenizer_cache="")
    return ModelConfig(**{**base, **kw})


def test_scratch_tokenizer_splits_digits_and_keeps_hamza():
    tok = train_tokenizer(TEXTS, vocab_size=150, min_frequency=1)
    pieces = tok.tokenize("و218 مسؤول")
    assert pieces[:2] == ["و", "218"]
    assert "ؤ" in "".join(pieces)  # no accent stripping: the hamza stays
    assert tok.is_fast and tok.pad_token_id is not None and tok.cls_token_id is not None


def test_scratch_build_has_the_configured_size_and_labels():
    cfg = tiny(labels=["COUNT", "PLACE"])
    tok, model = build(cfg, TEXTS)
    assert model.config.num_hidden_layers == 2 and model.config.hidden_size == 32
    assert model.config.id2label == {0: "O", 1: "B-COUNT", 2: "I-COUNT", 3: "B-PLACE", 4: "I-PLACE"}
    assert model.config.label2id["I-PLACE"] == 4
    assert model.config.vocab_size == len(tok)
    with pytest.raises(UserError, match="multiple"):
        build(tiny(hidden=30, heads=4), TEXTS)


def test_local_base_folder_gets_a_new_head(tmp_path):
    from transformers import BertForMaskedLM

    from hasila.model.modeling import bert_config

    cfg = tiny()
    tok = train_tokenizer(TEXTS, vocab_size=120, min_frequency=1, model_max_length=64)
    mlm = BertForMaskedLM(bert_config(cfg, len(tok), tok.pad_token_id))
    base = tmp_path / "base"
    mlm.save_pretrained(base)
    tok.save_pretrained(base)
    tok2, model = build(ModelConfig(base=str(base)))
    assert tok2.get_vocab() == tok.get_vocab()
    assert model.config.num_labels == 9 and model.config.id2label[1] == "B-ACTOR"
    enc_w = model.bert.embeddings.word_embeddings.weight
    assert enc_w.shape[0] == len(tok)
    assert (enc_w == mlm.bert.embeddings.word_embeddings.weight).all()  # encoder weights loaded
    with pytest.raises(UserError, match="no such folder"):
        build(ModelConfig(base=str(tmp_path / "missing")))


def test_corpus_reader_formats_and_optional_shared(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": 1, "text": "نص أول"}, ensure_ascii=False) + "\n"
                                      + "not json\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as zf:
        zf.writestr("b.json", json.dumps([{"content": "نص ثان"}, {"content": ""}], ensure_ascii=False))
    texts = list(iter_corpus_texts([str(tmp_path / "a.jsonl"), str(tmp_path / "*.zip"),
                                    "../shared/nowhere/*.jsonl", "../shared/nowhere.jsonl"]))
    assert texts == ["نص أول", "نص ثان"]
    assert list(iter_corpus_texts([str(tmp_path / "a.jsonl"), str(tmp_path / "b.zip")], max_docs=1)) == ["نص أول"]
    with pytest.raises(UserError, match="not found"):
        list(iter_corpus_texts([str(tmp_path / "missing.jsonl")]))


def test_pretrain_writes_a_base_that_training_loads(tmp_path):
    from hasila.training.pretrain import load_pretrain_config, pretrain

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": f"{t} {i}"}, ensure_ascii=False) for i, t in enumerate(TEXTS * 8)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = load_pretrain_config(None, [
        "name=base", f"models_dir={tmp_path / 'models'}", f"runs_dir={tmp_path / 'training'}",
        f"corpora=[{corpus}, ../shared/nowhere/*.zip]",
        "model={vocab_size: 120, min_frequency: 1, layers: 2, hidden: 32, heads: 2, "
        "intermediate: 64, max_positions: 64, tokenizer_cache: ''}",
        "training={max_steps: 3, batch_size: 4, max_length: 16, heldout_blocks: 2, bf16: false, "
        "threads: 1, log_every: 1}",
    ])
    result = pretrain(cfg)
    assert result.steps == 3 and result.heldout_loss is not None
    out = tmp_path / "models" / "base"
    assert (out / "tokenizer.json").is_file() and (out / "model.safetensors").is_file()
    assert (out / "README.md").is_file() and (out / "pretrain_config.yaml").is_file()
    tok, model = build(ModelConfig(base=str(out)))
    assert model.config.num_labels == 9 and tok.tokenize("و218")[:2] == ["و", "218"]


def test_a_local_base_reads_the_rules_hints_through_widened_token_types(tmp_path):
    from transformers import BertForMaskedLM

    from hasila.model.modeling import bert_config

    cfg = tiny()
    tok = train_tokenizer(TEXTS, vocab_size=120, min_frequency=1, model_max_length=64)
    mlm = BertForMaskedLM(bert_config(cfg, len(tok), tok.pad_token_id))
    mlm.save_pretrained(tmp_path / "base")
    tok.save_pretrained(tmp_path / "base")
    _, model = build(ModelConfig(base=str(tmp_path / "base"), rules_hint=True))
    types = model.bert.embeddings.token_type_embeddings.weight
    old = mlm.bert.embeddings.token_type_embeddings.weight
    assert types.shape[0] == model.config.type_vocab_size == 9
    assert (types[:2] == old).all()  # the base's own types kept
    assert (types[2:] == old[0]).all()  # every hint type starts as type 0
    _, scratch = build(tiny(rules_hint=True), TEXTS)
    assert scratch.config.type_vocab_size == 9
