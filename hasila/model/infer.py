"""Batch inference: a trained token classifier turned into entity spans on raw text.

:class:`Tagger` loads a model directory written by training (weights, tokenizer,
the category ontology and the resolved config). :meth:`Tagger.tag` cuts every
text into windows with :func:`hasila.model.align.encode_windows` (the same function
training uses), sorts the windows of all texts by length into batches padded
only to the longest window in the batch, runs the model under
``torch.inference_mode()`` and merges the windows back with
:func:`hasila.model.align.decode_windows` into word-aligned spans with a score.

On a CPU that computes bf16 natively the weights are cast to bf16 once at load
(not autocast, which re-casts the weights on every call); a window whose token
ids were already seen in the same call (a report printed twice in a corpus) is
computed once; torch threads default to the cores other processes leave free.
The measured speed and agreement with fp32: ``bench/results/README.md``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import yaml

from hasila.errors import UserError
from hasila.fileio import resource
from hasila.model.decoding import DecodingConfig
from hasila.model.runtime import cpu_supports_bf16, pad_batch, set_threads
from hasila.schema import Span, bio_tags

logger = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 512
DEFAULT_STRIDE = 128
DEFAULT_BATCH_SIZE = 16

#: The resolved training config that ``hasila train`` saves with a model.
RESOLVED_CONFIG = "resolved_config.yaml"
WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                "pytorch_model.bin.index.json")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")


def check_model_dir(model_dir: str | Path) -> Path:
    """The model directory as a path; a missing folder or file is a :class:`UserError`."""
    path = Path(model_dir)
    if not path.exists():
        raise UserError(f"{path}: model directory not found")
    if not path.is_dir():
        raise UserError(f"{path}: not a directory (expected a trained model directory)")
    missing = []
    if not (path / "config.json").is_file():
        missing.append("config.json")
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        missing.append("weights (" + " or ".join(WEIGHT_FILES[::2]) + ")")
    if not any((path / name).is_file() for name in TOKENIZER_FILES):
        missing.append("tokenizer (" + " or ".join(TOKENIZER_FILES) + ")")
    if missing:
        raise UserError(f"{path}: not a trained model directory, missing {', '.join(missing)}")
    return path


def _int_at(data: Any, *keys: str) -> int | None:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, int) and not isinstance(data, bool) else None


def _saved_config(model_dir: Path) -> dict[str, Any]:
    """The resolved config saved with the model ({} when there is none)."""
    path = model_dir / RESOLVED_CONFIG
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise UserError(f"{path}: cannot read the saved config ({exc})") from None
    return data if isinstance(data, dict) else {}


def read_window_settings(model_dir: Path) -> tuple[int | None, int | None]:
    """``(max_length, stride)`` of ``training`` in the resolved config saved with the model."""
    data = _saved_config(model_dir)
    return _int_at(data, "training", "max_length"), _int_at(data, "training", "stride")


def read_decoding(model_dir: Path, overrides: Sequence[str] = ()) -> DecodingConfig:
    """``model.decoding`` of the resolved config saved with the model (none: plain decoding),
    with ``key=value`` overrides (``min_score.ACTOR=0.8``)."""
    from hasila.config import apply_overrides, from_dict

    model = _saved_config(model_dir).get("model")
    data = dict(model.get("decoding") or {}) if isinstance(model, dict) else {}
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    apply_overrides(data, list(overrides))
    return from_dict(DecodingConfig, data, where=f"{model_dir / RESOLVED_CONFIG}: model.decoding")


def load_hint_rules(model_dir: Path) -> Any:
    """The rules whose spans a rules-hint model reads (``model.rules_hint`` of its saved
    config: :class:`hasila.rules.tagger.RulesTagger`), or ``None`` for a plain model."""
    model = _saved_config(model_dir).get("model")
    if not (isinstance(model, dict) and model.get("rules_hint")):
        return None
    from hasila.rules.tagger import RulesTagger

    return RulesTagger.load()


def ontology_path(model_dir: Path) -> Path:
    """The ontology saved with the model, else the project's ``configs/categories.yaml``."""
    saved = model_dir / "categories.yaml"
    if saved.is_file():
        return saved
    fallback = resource("configs/categories.yaml")
    # the commands tell the user (hasila.apps.predict.ontology_note); a log line would repeat it
    logger.info("%s: no categories.yaml saved with the model; using %s", model_dir, fallback)
    return fallback


def save_decoding(model_dir: str | Path, overrides: Sequence[str]) -> DecodingConfig:
    """Write ``model.decoding`` (the saved one plus ``overrides``) into the model folder's
    resolved config, atomically, so every engine loading the model decodes with it."""
    from dataclasses import asdict

    from hasila.fileio import atomic_open

    path = check_model_dir(model_dir)
    config = json_labels(path)
    decoding = read_decoding(path, overrides).check(config)
    data = _saved_config(path)
    data.setdefault("model", {})["decoding"] = asdict(decoding)
    with atomic_open(path / RESOLVED_CONFIG) as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
    return decoding


def json_labels(model_dir: Path) -> list[str]:
    """The entity labels of a model folder's ``config.json`` (``id2label``)."""
    import json

    try:
        id2label = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))["id2label"]
    except (OSError, ValueError, KeyError) as exc:
        raise UserError(f"{model_dir / 'config.json'}: cannot read the labels ({exc})") from None
    return sorted({str(tag).partition("-")[2] for tag in id2label.values()} - {""})


@dataclass
class Tagger:
    """A loaded token classifier with its tokenizer, label map, ontology and window settings."""

    model: Any
    tokenizer: Any
    id2label: dict[int, str]
    max_length: int = DEFAULT_MAX_LENGTH
    stride: int = DEFAULT_STRIDE
    ontology: Any = None
    device: str = "cpu"
    bf16: bool = False
    model_dir: Path | None = None
    #: batches run side by side (see :meth:`_run_batches`); 1: one at a time
    lanes: int = 1
    #: exact decoding constraints (:func:`hasila.model.decoding.constrain`): word edges, COUNTs hold numbers
    constrain: bool = True
    #: per-label confidence decoding (biases, thresholds), saved with the model as ``model.decoding``
    decoding: DecodingConfig = field(default_factory=DecodingConfig)
    #: a rules-hint model's rules (:attr:`hasila.model.modeling.ModelConfig.rules_hint`): their spans
    #: become the ``token_type_ids`` the model reads beside the text; ``None`` for a plain model
    hint_rules: Any = None
    #: computes the logits instead of :attr:`model` when set: ``(input_ids, attention_mask)`` →
    #: ``(batch, length, labels)`` tensor, e.g. :class:`hasila.model.onnx_export.OnnxLogits`
    logits_backend: Callable[..., torch.Tensor] | None = None
    #: the tag biases as a tensor and the tag-to-label matrix, for the current :attr:`decoding`
    _bias: tuple[Any, torch.Tensor, torch.Tensor, torch.Tensor] | None = field(default=None, init=False, repr=False,
                                                                 compare=False)
    #: one :meth:`tag` at a time per tagger (a server calls it from several threads)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False,
                                  compare=False)
    #: the rules' spans of the texts of the last :meth:`window_logits`, by text, for :meth:`decode`
    _hint_spans: dict[str, list[Span]] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: the lanes' threads, made on first use and kept: ``(lanes, torch threads each, pool)``
    _pool: tuple[int, int, ThreadPoolExecutor] | None = field(default=None, init=False, repr=False,
                                                              compare=False)

    @classmethod
    def load(cls, model_dir: str | Path, device: str = "cpu", threads: int | None = None,
             bf16: bool | None = None, decoding: Sequence[str] = ()) -> Tagger:
        """Load a trained model directory.

        ``decoding``: ``key=value`` overrides of the confidence decoding saved with the
        model (``min_score.ACTOR=0.8``, ``bias.COUNT=-1``; see :class:`DecodingConfig`).

        ``threads``: torch intra-op threads (default: :func:`auto_threads`).
        ``bf16``: None casts the weights to bf16 when the device computes bf16
        natively; True forces it (slow where emulated), False keeps fp32.
        """
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        from hasila.annotation.ontology import Ontology

        path = check_model_dir(model_dir)
        n_threads = set_threads(threads)
        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # no "Loading weights" bar on every load
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(path))
            model = AutoModelForTokenClassification.from_pretrained(str(path), dtype=torch.float32)
        except (OSError, ValueError) as exc:
            raise UserError(f"{path}: cannot load the model ({exc})") from None
        finally:
            if bars:
                hf_logging.enable_progress_bar()
        if not getattr(tokenizer, "is_fast", False):
            raise UserError(f"{path}: the tokenizer has no offset mapping (a fast tokenizer is needed)")
        model.eval()
        id2label = {int(k): v for k, v in model.config.id2label.items()}
        unknown = sorted(set(id2label.values()) - set(bio_tags()))
        if unknown:
            raise UserError(f"{path}: labels {unknown} are not tags of scheme v1 ({bio_tags()})")

        labels = sorted({tag.partition("-")[2] for tag in id2label.values()} - {""})
        decoding_cfg = read_decoding(path, decoding).check(labels)
        max_length, stride = read_window_settings(path)
        from_config = max_length is not None
        if max_length is None:
            model_max = getattr(model.config, "max_position_embeddings", DEFAULT_MAX_LENGTH)
            max_length = min(DEFAULT_MAX_LENGTH, int(model_max))
        if stride is None:
            stride = min(DEFAULT_STRIDE, max_length // 4)
        if bf16 is None:
            bf16 = device == "cpu" and cpu_supports_bf16()
        elif bf16 and device == "cpu" and not cpu_supports_bf16():
            logger.warning("bf16 requested but this CPU has no native bf16: it will be slow")
        model.to(device=device, dtype=torch.bfloat16 if bf16 else torch.float32)
        ontology = Ontology.load(ontology_path(path))
        logger.info("loaded %s (max_length %d, stride %d%s, %d threads, %s)", path, max_length,
                    stride, f" from {RESOLVED_CONFIG}" if from_config else ", defaults", n_threads,
                    "bf16" if bf16 else "fp32")
        return cls(model=model, tokenizer=tokenizer, id2label=id2label, max_length=max_length,
                   stride=stride, ontology=ontology, device=device, bf16=bool(bf16), model_dir=path,
                   lanes=n_threads if device == "cpu" else 1, decoding=decoding_cfg,
                   hint_rules=load_hint_rules(path))

    def _logits(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor | None = None) -> torch.Tensor:
        """Raw logits, shape (batch, length, labels): from :attr:`logits_backend` when set."""
        if self.logits_backend is not None:
            if token_type_ids is not None:
                return self.logits_backend(input_ids, attention_mask, token_type_ids)
            return self.logits_backend(input_ids, attention_mask)
        if token_type_ids is not None:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).logits
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits

    def _batch_logits(self, ids: torch.Tensor, mask: torch.Tensor,
                      types: torch.Tensor | None = None) -> torch.Tensor:
        """fp32 logits of one padded batch, on the CPU."""
        inputs = [t.to(self.device) for t in (ids, mask, types) if t is not None]
        with torch.inference_mode():
            return self._logits(*inputs).float().cpu()

    def _pick(self, logits: torch.Tensor, hints: Sequence[int] | None = None
              ) -> tuple[torch.Tensor, torch.Tensor]:
        """``(tag id, score)`` per token from logits ``(..., tags)``: the label biases of
        :attr:`decoding` added, then the best tag; its score is the probability of its
        label (``B-X`` and ``I-X`` together; ``O`` alone). With ``hints`` (the rules' tag ids
        of a rules-hint model's window) a token keeps the rules' tag unless the best tag is
        more probable by the margin of the labels involved (``decoding.hint_margin``,
        ``decoding.hint_margins``)."""
        key = (tuple(sorted(self.decoding.bias.items())), self.decoding.hint_margin,
               tuple(sorted(self.decoding.hint_margins.items())), len(self.id2label))
        if self._bias is None or self._bias[0] != key:
            groups = [self.id2label[i].partition("-")[2] or "O" for i in range(len(self.id2label))]
            same = torch.tensor([[float(a == b) for b in groups] for a in groups])
            self._bias = (key, torch.tensor(self.decoding.tag_bias(self.id2label)), same,
                          torch.tensor(self.decoding.tag_margins(self.id2label)))
        _, bias, same, margins = self._bias
        with torch.inference_mode():
            probs = torch.softmax(logits.float() + bias, dim=-1)
            arg = probs.argmax(dim=-1)
            if hints is not None and bool((margins > 0).any()):
                hint = torch.tensor(list(hints), dtype=torch.long)[:arg.shape[-1]]
                gain = probs.gather(-1, arg.unsqueeze(-1)) - probs.gather(-1, hint.unsqueeze(-1))
                arg = torch.where(gain.squeeze(-1) < torch.maximum(margins[arg], margins[hint]), hint, arg)
            label_probs = probs @ same  # each tag's label mass
            score = label_probs.gather(-1, arg.unsqueeze(-1)).squeeze(-1)
        return arg, score

    def _run_batch(self, ids: torch.Tensor, mask: torch.Tensor,
                   types: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """``(best tag id, its score)`` per token of one padded batch (see :meth:`_pick`)."""
        return self._pick(self._batch_logits(ids, mask, types))

    def _lane_pool(self, lanes: int, each: int) -> ThreadPoolExecutor:
        """The tagger's own pool of ``lanes`` threads running ``each`` torch threads apiece."""
        if self._pool is not None and self._pool[:2] == (lanes, each):
            return self._pool[2]
        self._stop_pool()
        pool = ThreadPoolExecutor(lanes, thread_name_prefix="hasila-lane",
                                  initializer=torch.set_num_threads, initargs=(each,))
        self._pool = (lanes, each, pool)
        return pool

    def _stop_pool(self) -> None:
        if self._pool is not None:
            self._pool[2].shutdown(wait=True)
            self._pool = None

    def close(self) -> None:
        """Stop the lanes' threads once a running :meth:`tag` is done (a later one starts them again)."""
        with self._lock:
            self._stop_pool()

    def _run_batches(self, batches: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]]
                     ) -> list[torch.Tensor]:
        """Every batch through the model, in order. With ``lanes`` > 1 the batches run
        side by side in that many threads, the torch threads shared among them: small
        matrices keep one core busy better than they split across several (the measured
        gain: ``bench/results/README.md``). The lanes are
        threads the tagger keeps, each with its own torch thread count set once, so
        the caller's thread count is never changed."""
        lanes = min(self.lanes, len(batches))
        if lanes <= 1:
            return [self._batch_logits(*b) for b in batches]
        each = max(1, torch.get_num_threads() // self.lanes)
        pool = self._lane_pool(self.lanes, each)
        return list(pool.map(lambda b: self._batch_logits(*b), batches))

    def tag(self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> list[list[Span]]:
        """Entity spans (raw-text offsets, with a score) for each of ``texts``.

        ``batch_size`` counts windows; a blank text gets no spans. Windows with
        the same token ids (repeated text) are run once. Safe to call from several
        threads: calls on one tagger run one at a time.
        """
        if batch_size < 1:
            raise UserError(f"batch size {batch_size}: must be at least 1")
        with self._lock:
            return self._tag(texts, batch_size)

    def _tag(self, texts: Sequence[str], batch_size: int) -> list[list[Span]]:
        windows, logits = self.window_logits(texts, batch_size)
        return self.decode(texts, windows, logits)

    def window_logits(self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE
                      ) -> tuple[list[list[Any]], list[list[torch.Tensor]]]:
        """The windows of each text and the model's fp32 logits ``(tokens, tags)`` of each window.

        Windows with the same token ids (repeated text) are run once. :meth:`decode` turns
        them into spans (a benchmark may decode the same logits under several settings).
        """
        from hasila.model.align import encode_windows

        hints: list[list[Span] | None] = [None] * len(texts)
        label2id = {tag: i for i, tag in self.id2label.items()}
        if self.hint_rules is not None:
            hints = list(self.hint_rules.tag(list(texts)))
            self._hint_spans = {t: list(h or []) for t, h in zip(texts, hints, strict=True)}
        windows = [
            encode_windows(text, self.tokenizer, self.max_length, self.stride, label2id=label2id,
                           hints=hint) if text.strip() else []
            for text, hint in zip(texts, hints, strict=True)
        ]
        # one model row per distinct window; every copy takes its results
        first_of: dict[tuple[int, ...], tuple[int, int]] = {}
        copies: list[tuple[int, int, int, int]] = []
        for ti, ws in enumerate(windows):
            for wi, window in enumerate(ws):
                key = tuple(window.input_ids) + tuple(window.token_type_ids or ())
                if key in first_of:
                    copies.append((ti, wi, *first_of[key]))
                else:
                    first_of[key] = (ti, wi)
        order = sorted(first_of.values(), key=lambda tw: len(windows[tw[0]][tw[1]].input_ids),
                       reverse=True)
        logits: list[list[Any]] = [[None for _ in ws] for ws in windows]
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        batches = []
        for b in range(0, len(order), batch_size):
            batch = order[b:b + batch_size]
            ids, mask = pad_batch([windows[ti][wi].input_ids for ti, wi in batch], pad_id)
            types = None
            if self.hint_rules is not None:
                types = pad_batch([windows[ti][wi].token_type_ids or [] for ti, wi in batch], 0)[0]
            batches.append((batch, (ids, mask, types)))
        results = self._run_batches([tensors for _, tensors in batches])
        for (batch, _), out in zip(batches, results, strict=True):
            for row, (ti, wi) in enumerate(batch):
                logits[ti][wi] = out[row, :len(windows[ti][wi].input_ids)]
        for ti, wi, tj, wj in copies:
            logits[ti][wi] = logits[tj][wj]
        return windows, logits

    def _hints_of(self, text: str) -> list[Span]:
        """The rules' spans of ``text`` for a rules-hint model (those :meth:`window_logits` read,
        else the rules run again); none for a plain model."""
        if self.hint_rules is None:
            return []
        if text not in self._hint_spans:
            self._hint_spans[text] = list(self.hint_rules.tag([text])[0])
        return self._hint_spans[text]

    def decode(self, texts: Sequence[str], windows: Sequence[Sequence[Any]],
               logits: Sequence[Sequence[torch.Tensor]]) -> list[list[Span]]:
        """Spans from :meth:`window_logits`: tags picked under :attr:`decoding`'s biases, windows
        merged, the exact constraints applied (when :attr:`constrain`), then the spans below
        their label's ``min_score`` dropped."""
        from hasila.model.align import decode_windows
        from hasila.model.decoding import apply, at_hint_edges, confident

        out: list[list[Span]] = []
        for text, ws, lg in zip(texts, windows, logits, strict=True):
            if not ws:
                out.append([])
                continue
            picked = [self._pick(x, w.token_type_ids) for x, w in zip(lg, ws, strict=True)]
            spans = decode_windows(text, ws, [a.tolist() for a, _ in picked], self.id2label,
                                   [b.tolist() for _, b in picked])
            hints = self._hints_of(text) if self.constrain or self.decoding.keep_hints else []
            if self.constrain:
                spans = apply(text, spans, self.decoding, self.ontology, frozenset(h.start for h in hints))
                spans = at_hint_edges(text, spans, hints)
            if self.decoding.min_score:
                spans = confident(spans, self.decoding.min_score, hints if self.decoding.keep_hints else ())
            out.append(spans)
        return out
