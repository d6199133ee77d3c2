"""Domain pre-training: a scratch WordPiece tokenizer and a small BERT trained as a masked LM.

Reads unlabelled text (``corpora``: ``.jsonl`` ``text`` fields, SaudiNewsNet
``.zip`` files, …; absent ``../shared`` files are skipped with a log line) plus
the texts of the training exports named in ``extra_texts``, trains the
tokenizer on it, packs the normalised token stream into fixed-length blocks
and trains ``BertForMaskedLM`` (the LM head is applied to masked positions
only, which halves the cost with a large vocabulary). Writes a base model
folder (tokenizer + weights + config + card) that ``model.base: <folder>`` in
a training config loads.

Runs in one process or data-parallel under ``accelerate launch`` (each process
takes its share of every batch of ``batch_size`` blocks; the main one measures
the held-out loss and writes the folder).
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch
import yaml

from hasila.config import config_hash, load_config, to_dict
from hasila.errors import UserError
from hasila.fileio import atomic_dir, write_json
from hasila.model.modeling import (
    ModelConfig,
    bert_config,
    iter_corpus_texts,
    resolve_path,
    scratch_tokenizer,
)
from hasila.text.arabic import normalize
from hasila.training.optim import (
    agree,
    build_optimizer,
    fit_schedule_to_budget,
    make_accelerator,
    optimizer_step,
    process_threads,
    shard,
    sum_over_processes,
    unwrap,
    use_bf16,
)

logger = logging.getLogger(__name__)


@dataclass
class PretrainingConfig:
    """Masked-LM optimisation settings."""

    max_steps: int = 1000
    lr: float = 1e-3
    batch_size: int = 32
    max_length: int = 128
    mlm_probability: float = 0.15
    warmup_ratio: float = 0.06
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    seed: int = 13
    bf16: bool | None = None
    threads: int = 0
    time_budget_minutes: float = 0.0
    log_every: int = 100
    heldout_blocks: int = 64


@dataclass
class PretrainConfig:
    """``hasila pretrain`` settings: corpora, tokenizer and model size, optimisation."""

    name: str = "mlm-base"
    models_dir: str = "models"
    runs_dir: str = "training"
    corpora: list[str] = field(default_factory=list)
    max_docs: int = 0
    extra_texts: list[str] = field(default_factory=list)  # Label Studio exports (train splits only)
    model: ModelConfig = field(default_factory=ModelConfig)
    training: PretrainingConfig = field(default_factory=PretrainingConfig)


@dataclass
class PretrainResult:
    output_dir: Path
    steps: int
    seconds: float
    tokens_per_second: float
    heldout_loss: float | None
    corpus_tokens: int
    main_process: bool = True  # False in the other processes of a data-parallel run


def load_pretrain_config(path: str | Path | None, overrides: list[str] | None = None) -> PretrainConfig:
    """A pre-training config: a file of its own, or the ``pretrain:`` section of a training config
    (then overrides are given relative to that section, e.g. ``training.max_steps=10``)."""
    if path is not None:
        from hasila.config import apply_overrides, from_dict, read_yaml

        data = read_yaml(path)
        if isinstance(data.get("pretrain"), dict):
            section = apply_overrides(data["pretrain"], overrides or [])
            return from_dict(PretrainConfig, section, where=f"{path}: pretrain")
    return load_config(PretrainConfig, path, overrides)


def gather_texts(cfg: PretrainConfig) -> list[str]:
    """Corpus texts plus the texts of ``extra_texts`` exports (absent ../shared files skipped)."""
    texts = list(iter_corpus_texts(cfg.corpora, cfg.max_docs))
    from hasila.data.dataset import SourceConfig, load_source

    for i, path in enumerate(cfg.extra_texts):
        src = load_source(SourceConfig(name=f"extra{i}", kind="gold", path=path))
        texts += [d.text for d in src.docs]
    if not texts:
        raise UserError("pretrain: no text found (every corpus was absent or empty)")
    return texts


def pack_blocks(texts: Sequence[str], tokenizer: Any, max_length: int) -> list[list[int]]:
    """Normalise and tokenise ``texts``, join them with [SEP] and cut ``[CLS] … [SEP]`` blocks."""
    body = max_length - 2
    cls_id, sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id
    stream: list[int] = []
    for start in range(0, len(texts), 256):
        chunk = [normalize(t).text for t in texts[start:start + 256]]
        for ids in tokenizer(chunk, add_special_tokens=False, truncation=False, verbose=False)["input_ids"]:
            stream.extend(ids)
            stream.append(sep_id)
    return [[cls_id, *stream[i:i + body], sep_id] for i in range(0, len(stream) - body + 1, body)]


def mask_tokens(ids: torch.Tensor, tokenizer: Any, probability: float,
                gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT masking: ``probability`` of the real tokens are targets; 80% [MASK], 10% random, 10% kept."""
    labels = ids.clone()
    special = torch.zeros_like(ids, dtype=torch.bool)
    for sid in tokenizer.all_special_ids:
        special |= ids == sid
    chosen = (torch.rand(ids.shape, generator=gen) < probability) & ~special
    labels[~chosen] = -100
    inputs = ids.clone()
    roll = torch.rand(ids.shape, generator=gen)
    inputs[chosen & (roll < 0.8)] = tokenizer.mask_token_id
    swap = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[swap] = torch.randint(len(tokenizer), ids.shape, generator=gen)[swap]
    return inputs, labels


def mlm_loss(model: Any, inputs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Cross-entropy of the LM head on the masked positions only."""
    hidden = model.bert(input_ids=inputs).last_hidden_state
    sel = labels != -100
    logits = model.cls(hidden[sel])
    return torch.nn.functional.cross_entropy(logits.float(), labels[sel])


class MaskedLMLoss(torch.nn.Module):
    """:func:`mlm_loss` as a module's forward, so data-parallel training (DDP, which syncs the
    gradients of what its forward ran) can wrap it."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model

    def forward(self, inputs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return mlm_loss(self.model, inputs, labels)


def pretrain(cfg: PretrainConfig) -> PretrainResult:
    """Train the tokenizer and the masked LM; write ``models/<name>/`` (the main process)."""
    from tqdm.auto import tqdm
    from transformers import BertForMaskedLM

    from hasila.model.runtime import set_threads

    t = cfg.training
    if cfg.model.base != "scratch":
        raise UserError("pretrain: model.base must be 'scratch' (the tokenizer is trained here)")
    if t.max_length > cfg.model.max_positions:
        raise UserError(f"training.max_length {t.max_length} exceeds model.max_positions "
                        f"{cfg.model.max_positions}")
    device = "cuda" if torch.cuda.is_available() else "cpu"
    accelerator = make_accelerator(cpu=device == "cpu", bf16=use_bf16(t.bf16, device))
    main, world = accelerator.is_main_process, accelerator.num_processes
    if t.batch_size < world:
        raise UserError(f"training.batch_size {t.batch_size} is the global batch: it must be at "
                        f"least the number of processes ({world})")
    threads = set_threads(t.threads or process_threads())
    bf16 = accelerator.mixed_precision == "bf16"
    random.seed(t.seed)
    torch.manual_seed(t.seed)
    started = time.monotonic()

    with accelerator.main_process_first():  # the main process fills the tokenizer cache
        texts = gather_texts(cfg)
        logger.info("pretrain corpus: %d texts, %.1f M characters", len(texts),
                    sum(map(len, texts)) / 1e6)
        tokenizer = scratch_tokenizer(cfg.model, texts)
    blocks = pack_blocks(texts, tokenizer, t.max_length)
    if len(blocks) <= t.heldout_blocks:
        raise UserError(f"pretrain: only {len(blocks)} blocks of {t.max_length} tokens; need more text")
    rng = random.Random(t.seed)
    rng.shuffle(blocks)
    heldout, blocks = blocks[:t.heldout_blocks], blocks[t.heldout_blocks:]
    corpus_tokens = len(blocks) * t.max_length
    logger.info("pretrain: %d blocks of %d tokens (%d held out); %d steps of %d = %.1f epochs; "
                "%d process(es)", len(blocks), t.max_length, len(heldout), t.max_steps, t.batch_size,
                t.max_steps * t.batch_size / len(blocks), world)

    model = BertForMaskedLM(bert_config(cfg.model, len(tokenizer), tokenizer.pad_token_id))
    if accelerator.process_index:  # other dropout masks per process; DDP copies rank 0's weights
        torch.manual_seed(t.seed + accelerator.process_index)
    optimizer, scheduler = build_optimizer(model, t.lr, t.weight_decay, t.warmup_ratio, t.max_steps)
    loss_module, optimizer = accelerator.prepare(MaskedLMLoss(model), optimizer)
    # the same masking generator on every process: each masks the whole batch, trains on its share
    gen = torch.Generator().manual_seed(t.seed)
    data = torch.tensor(blocks, dtype=torch.long)
    held = torch.tensor(heldout, dtype=torch.long)
    budget = t.time_budget_minutes * 60
    run_dir = resolve_path(cfg.runs_dir) / cfg.name
    log_path = run_dir / "pretrain_log.jsonl"
    if main:
        run_dir.mkdir(parents=True, exist_ok=True)
        log_path.unlink(missing_ok=True)

    def heldout_loss() -> float:
        inner = unwrap(accelerator, loss_module)
        inner.eval()
        hg = torch.Generator().manual_seed(t.seed + 1)
        losses = []
        with torch.inference_mode(), accelerator.autocast():
            for i in range(0, len(held), t.batch_size):
                inputs, labels = mask_tokens(held[i:i + t.batch_size], tokenizer, t.mlm_probability, hg)
                losses.append(float(inner(inputs.to(accelerator.device), labels.to(accelerator.device))))
        inner.train()
        return sum(losses) / len(losses)

    loss_module.train()
    train_started = time.monotonic()
    step, order, pos, loss_sum, loss_n = 0, torch.randperm(len(data), generator=gen), 0, 0.0, 0
    stop = "max_steps"
    bar = tqdm(total=t.max_steps, desc=f"pretrain {cfg.name}", unit="step", dynamic_ncols=True,
               disable=not main)
    total = t.max_steps
    while step < total:
        if pos + t.batch_size > len(order):
            order, pos = torch.randperm(len(data), generator=gen), 0
        batch = data[order[pos:pos + t.batch_size]]
        pos += t.batch_size
        inputs, labels = mask_tokens(batch, tokenizer, t.mlm_probability, gen)
        mine = torch.tensor(shard(range(len(batch)), accelerator))
        loss = optimizer_step(accelerator, loss_module, optimizer, scheduler, lambda b: loss_module(*b),
                              (inputs[mine].to(accelerator.device), labels[mine].to(accelerator.device)),
                              t.grad_clip)
        over = main and budget > 0 and time.monotonic() - started > budget
        loss_all, over_all = sum_over_processes(accelerator, [loss, over])
        over = over_all > 0
        loss_sum += loss_all / world
        step += 1
        loss_n += 1
        elapsed = time.monotonic() - train_started
        if budget > 0 and step == 30:  # fit the learning-rate schedule to the time budget
            total = bar.total = fit_schedule_to_budget(
                scheduler, step, step, elapsed, budget - (time.monotonic() - started), t.warmup_ratio,
                margin=0.93, accelerator=accelerator)
        bar.update(1)
        bar.set_postfix(loss=f"{loss_sum / loss_n:.3f}", tok_s=f"{step * data.shape[1] * t.batch_size / elapsed:.0f}")
        if step % t.log_every == 0 or step == total or over:
            record = {"step": step, "loss": loss_sum / loss_n, "elapsed_s": round(elapsed, 1),
                      "lr": scheduler.get_last_lr()[0]}
            if main and (step % (t.log_every * 5) == 0 or step == total or over):
                record["heldout_loss"] = heldout_loss()
            if main:
                with log_path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(record) + "\n")
            loss_sum, loss_n = 0.0, 0
        if over:
            stop = f"time budget of {t.time_budget_minutes:g} min reached"
            logger.info("%s at step %d", stop, step)
            break
    bar.close()
    if stop == "max_steps" and total < t.max_steps:
        stop = f"schedule fitted to the time budget of {t.time_budget_minutes:g} min"
    train_seconds = time.monotonic() - train_started
    tok_s = step * t.batch_size * t.max_length / train_seconds if train_seconds else 0.0
    out = resolve_path(cfg.models_dir) / cfg.name
    final_loss = heldout_loss() if main else 0.0
    if main:
        info = {
            "name": cfg.name, "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "config_hash": config_hash(cfg), "texts": len(texts), "blocks": len(blocks),
            "corpus_tokens": corpus_tokens, "steps": step, "stop_reason": stop,
            "train_seconds": round(train_seconds, 1), "total_seconds": round(time.monotonic() - started, 1),
            "tokens_per_second": round(tok_s, 1), "heldout_mlm_loss": round(final_loss, 4),
            "heldout_perplexity": round(math.exp(min(final_loss, 50)), 2), "threads": threads, "bf16": bf16,
            "world_size": world,
        }
        write_base_dir(out, unwrap(accelerator, loss_module).model, tokenizer, cfg, info)
        logger.info("base model written to %s (held-out MLM loss %.3f, %d steps, %.0f tokens/s, "
                    "%d process(es))", out, final_loss, step, tok_s, world)
    final_loss = agree(accelerator, final_loss)
    accelerator.wait_for_everyone()
    return PretrainResult(out, step, train_seconds, tok_s, final_loss, corpus_tokens, main_process=main)


def write_base_dir(path: Path, model: Any, tokenizer: Any, cfg: PretrainConfig, info: dict[str, Any]) -> None:
    """Tokenizer, masked-LM weights, the config and a short card, written atomically."""
    with atomic_dir(path) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        with (tmp / "pretrain_config.yaml").open("w", encoding="utf-8") as fh:
            yaml.safe_dump(to_dict(cfg), fh, allow_unicode=True, sort_keys=False)
        write_json(tmp / "pretrain_info.json", info)
        m = cfg.model
        card = "\n".join([
            f"# hasila domain base model `{cfg.name}` (masked LM)",
            "",
            "A base for `model.base:` in a hasila training config, not a tagger by itself.",
            "",
            f"- corpora: {', '.join(cfg.corpora) or '(none)'}; extra texts: {', '.join(cfg.extra_texts) or '(none)'}",
            f"- {info['texts']} texts, {info['corpus_tokens']} tokens in {info['blocks']} blocks of "
            f"{cfg.training.max_length}",
            f"- WordPiece vocabulary {len(tokenizer)}; BERT {m.layers} layers, hidden {m.hidden}, "
            f"{m.heads} heads, intermediate {m.intermediate}",
            f"- {info['steps']} steps of {cfg.training.batch_size} blocks, lr {cfg.training.lr:g}, "
            f"{info['train_seconds']} s, {info['tokens_per_second']} tokens/s ({info['stop_reason']})",
            f"- held-out MLM loss {info['heldout_mlm_loss']} (perplexity {info['heldout_perplexity']})",
            "",
            "Licences: the corpora's terms (see ../shared/README.md) apply to this model; "
            "SaudiNewsNet is CC BY-NC-SA 4.0.",
            "",
        ])
        (tmp / "README.md").write_text(card, encoding="utf-8")
