"""ONNX export of a trained token classifier, with optional dynamic int8 quantisation.

``export_onnx(model_dir)`` writes ``<model_dir>/onnx/model.onnx`` (fp32, dynamic
batch and sequence axes, inputs ``input_ids`` and ``attention_mask``, plus
``token_type_ids`` for a rules-hint model, output ``logits``) with the torch dynamo exporter, and ``model.int8.onnx`` quantised
with ONNX Runtime's dynamic quantisation (int8 weights, activations quantised
per batch at run time). Each file is checked against the torch model on a
padded batch before it is kept; the differences go to ``export.json``.

:class:`OnnxLogits` runs such a file with ONNX Runtime and is what
:class:`hasila.model.infer.Tagger` uses for ``onnx="fp32"|"int8"``.

Needs the optional extra ``onnx`` (``onnx``, ``onnxruntime``, ``onnxscript``);
without it every entry point raises a :class:`~hasila.errors.UserError` saying
what to install.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hasila.errors import UserError
from hasila.fileio import atomic_dir

logger = logging.getLogger(__name__)

ONNX_DIR = "onnx"
VARIANTS = {"fp32": "model.onnx", "int8": "model.int8.onnx"}
META_FILE = "export.json"
DEFAULT_OPSET = 18
#: Largest |logit difference| allowed between ONNX fp32 and torch before the export is refused.
FP32_TOLERANCE = 1e-3
INSTALL_HINT = "pip install 'hasila[onnx]' (onnx, onnxruntime, onnxscript)"


def require_onnx() -> None:
    """Raise a :class:`UserError` naming the extra to install when ONNX support is missing."""
    missing = []
    for module in ("onnx", "onnxruntime", "onnxscript"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise UserError(f"ONNX support needs {', '.join(missing)}: {INSTALL_HINT}")


def onnx_path(model_dir: str | Path, variant: str = "int8") -> Path:
    """Where :func:`export_onnx` puts ``variant`` (``fp32`` or ``int8``) of a model directory."""
    if variant not in VARIANTS:
        raise UserError(f"onnx variant {variant!r}: use one of {', '.join(VARIANTS)}")
    return Path(model_dir) / ONNX_DIR / VARIANTS[variant]


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_onnx` wrote and how close the ONNX logits are to torch's."""

    out_dir: Path
    fp32: Path
    int8: Path | None
    fp32_max_abs_diff: float
    int8_max_abs_diff: float | None
    int8_argmax_agreement: float | None
    seconds: float


def reads_hints(model: Any) -> bool:
    """True for a rules-hint model (its token types are the rules' tags, not BERT's two segments)."""
    return int(getattr(model.config, "type_vocab_size", 2) or 2) > 2


class _LogitsOnly:
    """``forward(input_ids, attention_mask[, token_type_ids]) -> logits`` around a token classifier."""

    def __init__(self, model: Any) -> None:
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

        class HintWrapper(Wrapper):
            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:  # type: ignore[override]
                return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).logits

        self.module = (HintWrapper if reads_hints(model) else Wrapper)(model).eval()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the exporter's and quantiser's progress prints, warnings and root-logger notes."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)


def _sample_batch(vocab_size: int, max_positions: int, seed: int = 0) -> tuple[Any, Any]:
    """A padded check batch: three rows of different lengths (ids avoid the special range)."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    width = min(48, max_positions)
    low = min(5, vocab_size - 1)
    ids = torch.randint(low, vocab_size, (3, width), generator=gen)
    mask = torch.ones_like(ids)
    for row, length in enumerate((width, max(2, width // 2), max(2, width // 5))):
        mask[row, length:] = 0
        ids[row, length:] = 0
    return ids, mask


def _max_diff(a: Any, b: Any, mask: Any) -> float:
    import numpy as np

    keep = np.asarray(mask, dtype=bool)
    return float(np.abs(np.asarray(a)[keep] - np.asarray(b)[keep]).max())


def _export_fp32(model: Any, path: Path, max_positions: int, opset: int) -> None:
    import torch
    from torch.export import Dim

    ids, mask = _sample_batch(model.config.vocab_size, max_positions)
    batch, seq = Dim("batch", min=1, max=4096), Dim("seq", min=1, max=max_positions)
    inputs = {"input_ids": ids, "attention_mask": mask}
    if reads_hints(model):
        inputs["token_type_ids"] = _sample_types(model, mask)
    with torch.no_grad(), _quiet():
        torch.onnx.export(
            _LogitsOnly(model).module, (), str(path),
            kwargs=inputs, input_names=list(inputs), output_names=["logits"],
            dynamic_shapes={name: {0: batch, 1: seq} for name in inputs},
            opset_version=opset, dynamo=True, external_data=False, verbose=False,
        )


def _sample_types(model: Any, mask: Any, seed: int = 0) -> Any:
    """Token types for the check batch of a rules-hint model (any of its types, 0 on padding)."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    return torch.randint(0, model.config.type_vocab_size, mask.shape, generator=gen) * mask


def quantize_int8(src: str | Path, dst: str | Path) -> Path:
    """Dynamic int8 quantisation of the MatMul weights of ``src`` into ``dst``."""
    require_onnx()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet():
        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul"])
    return Path(dst)


def export_onnx(model_dir: str | Path, out_dir: str | Path | None = None, quantize: bool = True,
                opset: int = DEFAULT_OPSET) -> ExportResult:
    """Export ``model_dir`` (a ``hasila train`` model folder) to ONNX; see the module docstring.

    ``out_dir`` defaults to ``<model_dir>/onnx``. The folder is replaced as a
    whole only once every file is written and checked.
    """
    require_onnx()
    import torch
    from transformers import AutoModelForTokenClassification

    from hasila.model.infer import check_model_dir

    started = time.perf_counter()
    src = check_model_dir(model_dir)
    out = Path(out_dir) if out_dir is not None else src / ONNX_DIR
    try:
        model = AutoModelForTokenClassification.from_pretrained(str(src), dtype=torch.float32).eval()
    except (OSError, ValueError) as exc:
        raise UserError(f"{src}: cannot load the model ({exc})") from None
    max_positions = int(getattr(model.config, "max_position_embeddings", 512))
    with atomic_dir(out) as tmp:
        fp32 = tmp / VARIANTS["fp32"]
        logger.info("exporting %s to ONNX (opset %d)", src, opset)
        try:
            _export_fp32(model, fp32, max_positions, opset)
        except Exception as exc:  # the exporter raises many kinds
            raise UserError(f"{src}: ONNX export failed ({type(exc).__name__}: {exc})") from None
        ids, mask = _sample_batch(model.config.vocab_size, max_positions, seed=1)
        types = _sample_types(model, mask, seed=1) if reads_hints(model) else None
        with torch.inference_mode():
            ref = model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits.numpy()
        np_types = None if types is None else types.numpy()
        fp32_diff = _max_diff(OnnxLogits(fp32, threads=1).run(ids.numpy(), mask.numpy(), np_types),
                              ref, mask)
        if not fp32_diff <= FP32_TOLERANCE:
            raise UserError(f"{src}: ONNX fp32 logits differ from torch by {fp32_diff:.2g} "
                            f"(> {FP32_TOLERANCE}); export refused")
        int8 = int8_diff = int8_agree = None
        if quantize:
            int8 = quantize_int8(fp32, tmp / VARIANTS["int8"])
            got = OnnxLogits(int8, threads=1).run(ids.numpy(), mask.numpy(), np_types)
            int8_diff = _max_diff(got, ref, mask)
            keep = mask.numpy().astype(bool)
            int8_agree = float((got.argmax(-1) == ref.argmax(-1))[keep].mean())
        meta = {"source": str(src), "opset": opset, "torch": torch.__version__,
                "fp32_max_abs_diff": fp32_diff, "int8_max_abs_diff": int8_diff,
                "int8_argmax_agreement_on_check_batch": int8_agree,
                "files": {k: v for k, v in VARIANTS.items() if k == "fp32" or quantize}}
        (tmp / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - started
    result = ExportResult(out, out / VARIANTS["fp32"], out / VARIANTS["int8"] if quantize else None,
                          fp32_diff, int8_diff, int8_agree, seconds)
    logger.info("ONNX written to %s in %.1f s: %s", out, seconds,
                json.dumps({k: v for k, v in asdict(result).items() if "diff" in k or "agree" in k}))
    return result


class OnnxLogits:
    """An ONNX Runtime session that maps ``(input_ids, attention_mask)`` to logits."""

    def __init__(self, path: str | Path, threads: int | None = None) -> None:
        require_onnx()
        import onnxruntime as ort

        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: ONNX model not found (run `hasila export-onnx` first)")
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.inter_op_num_threads = 1
        if threads:
            opts.intra_op_num_threads = threads
        opts.log_severity_level = 3
        # Idle ORT threads would otherwise spin between batches and slow the Python work
        # (tokenising, decoding) that runs in between.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise UserError(f"{path}: cannot load the ONNX model ({exc})") from None
        self.path = path

    def run(self, input_ids: Any, attention_mask: Any, token_type_ids: Any = None) -> Any:
        """Logits as a numpy array ``(batch, length, labels)`` from int64 numpy inputs
        (``token_type_ids``: a rules-hint model's hints)."""
        feed = {"input_ids": input_ids, "attention_mask": attention_mask}
        if token_type_ids is not None:
            feed["token_type_ids"] = token_type_ids
        return self.session.run(["logits"], feed)[0]

    def __call__(self, input_ids: Any, attention_mask: Any, token_type_ids: Any = None) -> Any:
        """Logits as a torch tensor from torch inputs (what :class:`~hasila.model.infer.Tagger` calls)."""
        import torch

        types = None if token_type_ids is None else token_type_ids.numpy()
        return torch.from_numpy(self.run(input_ids.numpy(), attention_mask.numpy(), types))


def onnx_tagger(model_dir: str | Path, onnx: str | Path, threads: int | None = None,
                decoding: Sequence[str] = ()) -> Any:
    """A :class:`~hasila.model.infer.Tagger` of ``model_dir`` (tokenizer, labels, decoding) whose
    logits come from the ONNX Runtime model ``onnx`` (:class:`OnnxLogits`)."""
    from hasila.model.infer import Tagger

    tagger = Tagger.load(model_dir, threads=threads, bf16=False, decoding=decoding)
    tagger.logits_backend = OnnxLogits(onnx, threads=threads)
    tagger.lanes = 1  # ONNX Runtime spreads one batch over its own threads
    return tagger
