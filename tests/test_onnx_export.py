"""ONNX export (hasila.model.onnx_export, ``hasila export-onnx``): files, logits, spans, errors.

Uses the tiny tagger of test_infer (2 layers, hidden 32, trained here on
made-up reports; nothing downloaded). The tests that export or run ONNX are
skipped with a message when the optional extra is not installed
(``pip install 'hasila[onnx]'``: onnx, onnxruntime, onnxscript).
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import sys
from pathlib import Path

import pytest
import torch
from test_infer import synth_report, tiny_model

from hasila.cli import main
from hasila.errors import UserError
from hasila.model.infer import Tagger
from hasila.model.onnx_export import (
    VARIANTS,
    OnnxLogits,
    export_onnx,
    onnx_path,
    onnx_tagger,
    require_onnx,
)
from hasila.schema import SpanTagger

MISSING = [m for m in ("onnx", "onnxruntime", "onnxscript") if importlib.util.find_spec(m) is None]
needs_onnx = pytest.mark.skipif(
    bool(MISSING), reason=f"ONNX extra not installed ({', '.join(MISSING)} missing): "
                          "pip install 'hasila[onnx]' to run the ONNX export tests")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the tiny model (the export writes into it)."""
    path = tmp_path_factory.mktemp("onnx") / "tiny"
    shutil.copytree(tiny_model(tmp_path_factory), path)
    return path


@pytest.fixture(scope="module")
def exported(model_dir: Path):
    return export_onnx(model_dir)


def _entities(spans_per_text) -> set[tuple[int, str, int, int]]:
    return {(i, s.label, s.start, s.end) for i, spans in enumerate(spans_per_text) for s in spans}


# ---------------------------------------------------------------- export


@needs_onnx
def test_export_writes_checked_fp32_and_int8(model_dir: Path, exported) -> None:
    assert exported.out_dir == model_dir / "onnx"
    assert exported.fp32 == onnx_path(model_dir, "fp32") and exported.fp32.is_file()
    assert exported.int8 == onnx_path(model_dir, "int8") and exported.int8.is_file()
    assert exported.fp32_max_abs_diff < 1e-3
    assert exported.int8_max_abs_diff is not None and exported.int8_argmax_agreement >= 0.9
    assert exported.int8.stat().st_size < exported.fp32.stat().st_size
    meta = json.loads((exported.out_dir / "export.json").read_text())
    assert meta["files"] == VARIANTS and meta["fp32_max_abs_diff"] == exported.fp32_max_abs_diff
    assert not [p for p in model_dir.iterdir() if p.name.startswith(".onnx.")]  # no temp folder left


@needs_onnx
def test_onnx_logits_match_torch_with_padding_and_any_length(model_dir: Path, exported) -> None:
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(str(model_dir)).eval()
    runner = OnnxLogits(exported.fp32, threads=1)
    gen = torch.Generator().manual_seed(3)
    limit = model.config.max_position_embeddings
    for lengths in ([2], [limit], [17, 5, 2], [limit, 40, 1]):
        width = max(lengths)
        ids = torch.randint(5, model.config.vocab_size, (len(lengths), width), generator=gen)
        mask = torch.zeros_like(ids)
        for row, n in enumerate(lengths):
            mask[row, :n] = 1
        got = runner(ids, mask)
        with torch.inference_mode():
            want = model(input_ids=ids, attention_mask=mask).logits
        assert got.shape == want.shape
        keep = mask.bool()
        assert torch.allclose(got[keep], want[keep], atol=1e-4), lengths


@needs_onnx
def test_tagger_on_onnx_gives_the_torch_spans(model_dir: Path, exported) -> None:
    rng = random.Random(11)
    texts = [synth_report(rng, sentences=rng.randint(1, 6))[0] for _ in range(12)]
    tagger = Tagger.load(model_dir, threads=1, bf16=False)
    tagger.max_length, tagger.stride = 32, 8  # several windows per report
    want = _entities(tagger.tag(texts, batch_size=4))
    assert want
    tagger.logits_backend = OnnxLogits(exported.fp32, threads=1)
    assert _entities(tagger.tag(texts, batch_size=4)) == want
    onnx = onnx_tagger(model_dir, exported.int8, threads=1)
    assert isinstance(onnx, SpanTagger) and onnx.logits_backend is not None
    onnx.max_length, onnx.stride = 32, 8
    got = _entities(onnx.tag(texts, batch_size=4))
    assert 2 * len(got & want) / (len(got) + len(want)) >= 0.95


# ---------------------------------------------------------------- errors


@needs_onnx
def test_failed_export_leaves_nothing_behind(tmp_path: Path, model_dir: Path, monkeypatch) -> None:
    import hasila.model.onnx_export as mod

    def broken(model, path, max_positions, opset):
        Path(path).write_bytes(b"not an onnx model")

    monkeypatch.setattr(mod, "_export_fp32", broken)
    out = tmp_path / "out"
    with pytest.raises(UserError, match="cannot load the ONNX model"):
        export_onnx(model_dir, out)
    assert not out.exists() and list(tmp_path.iterdir()) == []


@needs_onnx
def test_cli_errors_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["export-onnx", "--model", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"hasila export-onnx: error: {tmp_path / 'nope'}: model directory not found"]
    with pytest.raises(UserError, match=r"ONNX model not found .*hasila export-onnx"):
        OnnxLogits(tmp_path / "missing.onnx")


@needs_onnx
def test_cli_export_prints_both_files(model_dir: Path, exported, tmp_path: Path, capsys,
                                      monkeypatch) -> None:
    import hasila.model.onnx_export as mod

    # the real export is covered above; here only the command's wiring and output
    monkeypatch.setattr(mod, "export_onnx", lambda *a, **k: exported)
    assert main(["export-onnx", "--model", str(model_dir)]) == 0
    out = capsys.readouterr().out
    assert f"fp32: {exported.fp32}" in out and f"int8: {exported.int8}" in out


def test_missing_extra_names_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(UserError, match=r"onnxruntime.*pip install 'hasila\[onnx\]'"):
        require_onnx()


def test_unknown_variant_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="onnx variant 'fp16'"):
        onnx_path(tmp_path, "fp16")


@needs_onnx
def test_a_rules_hint_model_exports_with_its_token_types(tmp_path: Path) -> None:
    from test_train import tiny_config

    from hasila.training.train import train

    cfg = tiny_config(tmp_path)
    cfg.model.rules_hint = True
    model_dir = train(cfg).model_dir
    result = export_onnx(model_dir, quantize=False)
    rng = random.Random(5)
    texts = [synth_report(rng, sentences=rng.randint(1, 4))[0] for _ in range(6)]
    tagger = Tagger.load(model_dir, threads=1, bf16=False)
    want = _entities(tagger.tag(texts, batch_size=4))
    onnx = onnx_tagger(model_dir, result.fp32, threads=1)
    assert onnx.hint_rules is not None
    assert _entities(onnx.tag(texts, batch_size=4)) == want
