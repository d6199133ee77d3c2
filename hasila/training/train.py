"""Fine-tune a token classifier: an ``accelerate`` loop with checkpoints, early stopping and resume.

``train(cfg)`` reads the data sources, builds (or loads) the tokenizer and
model, builds the cached window dataset, trains, evaluates on the dev sets
every ``eval_every`` steps (strict IOB2 entity F1 from seqeval on word-level
tags, :mod:`hasila.text.wordtags`), keeps the best model and finally writes
``models/<name>/``: weights with ``id2label``/``label2id``, tokenizer, the
resolved config, the category ontology, ``metrics.json`` and a model card.

The run folder ``training/<name>/`` holds ``train.log``, ``metrics.jsonl``
(one line per evaluation), ``resolved_config.yaml``, ``checkpoints/step-N``
and ``best/``. ``resume=True`` continues from the last checkpoint (same batch
order, optimizer, scheduler and random state); an interrupted run (Ctrl-C)
saves a checkpoint before it stops.

The loop runs on :class:`accelerate.Accelerator` (:mod:`hasila.training.optim`): alone it
is one process; under ``accelerate launch --num_processes N`` each process trains
on its share of every batch (DDP averages the gradients) and the main process
evaluates, selects, checkpoints and writes the model. It stays a custom loop
rather than ``transformers.Trainer`` because the checkpoint is selected on
document-level strict entity F1 through the inference path (windows merged,
decoding), the schedule can be fitted to a time budget mid-run, the loss-plateau
and selection-floor checks need every step's loss, and the batches (length-grouped,
fixed by seed and epoch) and schedule must stay those the configs were tuned with.
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch
import yaml

from hasila.annotation.ontology import Ontology
from hasila.config import config_hash, load_config, to_dict
from hasila.data.dataset import DataConfig, build_dataset, load_eval_set, load_source
from hasila.errors import UserError
from hasila.fileio import atomic_dir, atomic_open, write_json
from hasila.model.corpora import resolve_path
from hasila.model.decoding import DecodingConfig
from hasila.model.modeling import ModelConfig, build
from hasila.model.runtime import set_threads
from hasila.schema import Doc, Span
from hasila.training.optim import (
    agree,
    build_optimizer,
    fit_schedule_to_budget,
    make_accelerator,
    optimizer_step,
    process_threads,
    schedule_of,
    shard,
    sum_over_processes,
    unwrap,
    use_bf16,
)
from hasila.training.pretrain import PretrainConfig

logger = logging.getLogger(__name__)

RESOLVED_CONFIG = "resolved_config.yaml"
STATE_FILE = "trainer_state.json"


@dataclass
class TrainingConfig:
    """Optimisation settings. Steps are optimizer steps (one batch each); ``batch_size`` is the
    global batch, split between the processes of a data-parallel run."""

    epochs: float = 3.0
    max_steps: int = 0  # > 0 overrides epochs
    lr: float = 5e-4
    batch_size: int = 16
    max_length: int = 256
    stride: int = 64
    warmup_ratio: float = 0.1
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    seed: int = 13
    bf16: bool | None = None  # None: bf16 autocast when the device computes bf16 natively
    device: str = "auto"  # auto: cuda when available, else cpu
    eval_every: int = 0  # steps between dev evaluations; 0: once per epoch
    save_every: int = 0  # steps between checkpoints; 0: at every evaluation
    keep_checkpoints: int = 2
    patience: int = 0  # evaluations without improvement before stopping; 0: never stop early
    select_on: str = ""  # dev set(s) picking the best model: the first loaded of "a,b"; "": the first
    eval_batch_size: int = 16
    threads: int = 0  # 0: every core this process may use (not the load at start)
    time_budget_minutes: float = 0.0  # > 0: safety net: stop (and keep the best model) after this long
    # true: the schedule is shortened after 20 steps when max_steps would not fit the budget.
    # Off by default: the step count must not depend on how busy the machine is at start.
    fit_to_budget: bool = False
    # A run fails (exit non-zero, no model folder) when its selected checkpoint scores below
    # min_select_f1 on the selection set, or when its loss never drops min_loss_drop (a
    # fraction) below the loss around its first evaluation (the "all O" plateau). 0: no check.
    min_select_f1: float = 0.05
    min_loss_drop: float = 0.2


@dataclass
class TrainConfig:
    """Everything ``hasila train`` needs: model, data, training; the run and model names."""

    name: str = "default"
    models_dir: str = "models"
    runs_dir: str = "training"
    ontology: str = "configs/categories.yaml"
    description: str = ""
    model: ModelConfig = field(default_factory=ModelConfig)
    data: DataConfig = field(default_factory=DataConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    # Optional domain pre-training stage: when set, ``model.base`` must name its output
    # folder, which is (re)built first unless it exists from the same pre-training config.
    pretrain: PretrainConfig | None = None


@dataclass
class TrainResult:
    """What a run produced."""

    model_dir: Path
    run_dir: Path
    steps: int
    first_step: int
    seconds: float
    tokens_per_second: float
    metrics: dict[str, Any]
    main_process: bool = True  # False in the other processes of a data-parallel run


def load_train_config(path: str | Path | None, overrides: list[str] | None = None) -> TrainConfig:
    """Read a training config YAML with ``key.sub=value`` overrides."""
    return load_config(TrainConfig, path, overrides)


# ----------------------------------------------------------------------------- evaluation


def strict_scores(docs: Sequence[Doc], predicted: Sequence[Sequence[Span]],
                  labels: Sequence[str]) -> dict[str, Any]:
    """seqeval strict IOB2 scores on word-level tags (exact-span P/R/F1), micro and per label."""
    from hasila.text.wordtags import strict_entity_scores, word_bio

    y_true, y_pred = [], []
    for doc, spans in zip(docs, predicted, strict=True):
        gold = [s for s in doc.spans if s.label in labels]
        g, p = word_bio(doc.text, gold, list(spans))
        y_true.append(g)
        y_pred.append(p)
    scores = strict_entity_scores(y_true, y_pred, labels)
    micro = scores["micro"]
    return {"f1": micro["f1"], "precision": micro["precision"], "recall": micro["recall"],
            "support": micro["support"], "docs": len(docs), "per_label": scores["per_label"]}


class RulesHints:
    """The rules' spans of texts, for a rules-hint model's training windows and evaluations:
    labelled in worker processes and cached on disk beside the rules silver (the silver's
    texts are a cache hit), then kept in memory by text."""

    def __init__(self, cache_dir: str | Path) -> None:
        from hasila.data.silver import rules_fingerprint

        self.cache_dir = cache_dir
        self.key = rules_fingerprint()
        self._seen: dict[str, list[Span]] = {}

    def __call__(self, texts: list[str]) -> list[list[Span]]:
        from hasila.data.silver import rules_spans
        from hasila.model.runtime import usable_cores

        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            self._seen.update(zip(new, rules_spans(new, self.cache_dir, usable_cores(), "rules hints"),
                                  strict=True))
        return [self._seen[t] for t in texts]

    def tag(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Span]]:
        """The :class:`~hasila.schema.SpanTagger` face the tagger's hints are read through."""
        return self(list(texts))


def evaluate_model(model: Any, tokenizer: Any, docs: Sequence[Doc], labels: Sequence[str],
                   max_length: int, stride: int, bf16: bool = False, batch_size: int = 16,
                   device: str = "cpu", decoding: DecodingConfig | None = None,
                   hint_rules: Any = None) -> dict[str, Any]:
    """Tag ``docs`` with the in-memory model (the inference code path, with the confidence
    ``decoding`` the model will be saved with; ``hint_rules`` for a rules-hint model) and
    score them."""
    from hasila.model.infer import Tagger

    was_training = model.training
    model.eval()
    id2label = {int(k): v for k, v in model.config.id2label.items()}
    tagger = Tagger(model=model, tokenizer=tokenizer, id2label=id2label, max_length=max_length,
                    stride=stride, bf16=bf16, device=device, decoding=decoding or DecodingConfig(),
                    hint_rules=hint_rules)
    try:
        predicted = tagger.tag([d.text for d in docs], batch_size=batch_size)
    finally:
        model.train(was_training)
    return strict_scores(docs, predicted, labels)


# ----------------------------------------------------------------------------- batches


def epoch_batches(lengths: Sequence[int], batch_size: int, seed: int, epoch: int,
                  group: int = 32) -> list[list[int]]:
    """The batches of one epoch, fixed by seed and epoch (so resume replays them).

    Windows are shuffled, sorted by length within chunks of ``group`` batches
    (so a batch holds windows of similar length and little padding), cut into
    batches, and the batches shuffled again.
    """
    gen = torch.Generator().manual_seed(seed * 1000 + epoch)
    order = torch.randperm(len(lengths), generator=gen).tolist()
    chunk = batch_size * max(group, 1)
    grouped: list[int] = []
    for i in range(0, len(order), chunk):
        grouped += sorted(order[i:i + chunk], key=lambda j: lengths[j])
    batches = [grouped[i:i + batch_size] for i in range(0, len(grouped), batch_size)]
    return [batches[i] for i in torch.randperm(len(batches), generator=gen).tolist()]


# ----------------------------------------------------------------------------- checkpoints


def _checkpoints(run_dir: Path) -> list[Path]:
    root = run_dir / "checkpoints"
    found = [p for p in root.glob("step-*") if (p / STATE_FILE).is_file()] if root.is_dir() else []
    return sorted(found, key=lambda p: int(p.name.split("-")[1]))


def save_checkpoint(run_dir: Path, model: Any, tokenizer: Any, optimizer: Any, scheduler: Any,
                    state: dict[str, Any], keep: int) -> Path:
    """Write ``checkpoints/step-N`` atomically (temp folder, then rename) and prune old ones."""
    final = run_dir / "checkpoints" / f"step-{state['step']}"
    with atomic_dir(final) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        torch.save({"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                    "torch_rng": torch.get_rng_state(), "python_rng": random.getstate(),
                    "cuda_rng": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None},
                   tmp / "optim.pt")
        (tmp / STATE_FILE).write_text(json.dumps(state, indent=2), encoding="utf-8")
    for old in _checkpoints(run_dir)[:-max(keep, 1)]:
        shutil.rmtree(old, ignore_errors=True)
    logger.debug("checkpoint %s", final)
    return final


def _save_model(path: Path, model: Any, tokenizer: Any) -> None:
    with atomic_dir(path) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)


# ----------------------------------------------------------------------------- the run


class _RunLog:
    """File logging for one run (``train.log``, the main process's), removed again at the end;
    the other processes of a data-parallel run log warnings only."""

    def __init__(self, run_dir: Path, main: bool = True) -> None:
        self.root = logging.getLogger("hasila")
        self.old_level = self.root.level
        self.handler: logging.Handler | None = None
        if not main:
            self.root.setLevel(logging.WARNING)
            return
        self.handler = logging.FileHandler(run_dir / "train.log", encoding="utf-8")
        self.handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.handler.setLevel(logging.INFO)
        if self.root.getEffectiveLevel() > logging.INFO:
            self.root.setLevel(logging.INFO)
        self.root.addHandler(self.handler)

    def close(self) -> None:
        self.root.setLevel(self.old_level)
        if self.handler is not None:
            self.root.removeHandler(self.handler)
            self.handler.close()


def _device(setting: str) -> str:
    if setting == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if setting.startswith("cuda") and not torch.cuda.is_available():
        raise UserError(f"training.device {setting!r}: no CUDA device available")
    return setting


def _load_eval_sets(sets: Sequence[Any]) -> dict[str, list[Doc]]:
    out = {}
    for s in sets:
        docs = load_eval_set(s)
        if docs is not None:
            out[s.name] = docs
    return out


def _selection_set(setting: str, dev_sets: dict[str, list[Doc]]) -> str:
    """The dev set that selects the checkpoint: the first loaded of ``setting``'s comma-separated
    names (so an optional set can come first), or the first dev set when ``setting`` is empty."""
    if not setting:
        return next(iter(dev_sets), "")
    names = [n.strip() for n in setting.split(",") if n.strip()]
    for name in names:
        if name in dev_sets:
            return name
    raise UserError(f"training.select_on {setting!r}: no such dev set loaded "
                    f"({', '.join(dev_sets) or 'none'})")


def ensure_pretrained(cfg: TrainConfig) -> Path:
    """Run the config's pre-training stage unless its base folder exists from the same settings."""
    from hasila.training.pretrain import pretrain

    assert cfg.pretrain is not None
    out = resolve_path(cfg.pretrain.models_dir) / cfg.pretrain.name
    if resolve_path(cfg.model.base) != out:
        raise UserError(f"model.base {cfg.model.base!r} must name the pre-training output "
                        f"{cfg.pretrain.models_dir}/{cfg.pretrain.name}")
    info = out / "pretrain_info.json"
    if info.is_file():
        done = json.loads(info.read_text(encoding="utf-8")).get("config_hash")
        if done == config_hash(cfg.pretrain):
            logger.info("pre-trained base %s is up to date: not pre-training again", out)
            return out
        logger.info("pre-trained base %s was made with other settings: pre-training again", out)
    pretrain(cfg.pretrain)
    return out


def train(cfg: TrainConfig, resume: bool = False,
          on_step: Callable[[int], None] | None = None) -> TrainResult:
    """Run training as configured; ``on_step(step)`` is called after every optimizer step.

    In one process, or data-parallel in each process ``accelerate launch`` started: every
    process trains on its share of each batch, the main one evaluates, checkpoints and
    writes the model; all return the same :class:`TrainResult`."""
    from tqdm.auto import tqdm
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    t_cfg = cfg.training
    if t_cfg.batch_size < 1 or t_cfg.max_length < 8:
        raise UserError("training.batch_size must be >= 1 and training.max_length >= 8")
    cfg.model.decoding.check(cfg.model.labels)
    device = _device(t_cfg.device)
    accelerator = make_accelerator(cpu=device == "cpu", bf16=use_bf16(t_cfg.bf16, device))
    if t_cfg.batch_size < accelerator.num_processes:
        raise UserError(f"training.batch_size {t_cfg.batch_size} is the global batch: it must be at "
                        f"least the number of processes ({accelerator.num_processes})")
    run_dir = resolve_path(cfg.runs_dir) / cfg.name
    checkpoints = _checkpoints(run_dir) if resume else []
    if cfg.pretrain is not None and not checkpoints:
        ensure_pretrained(cfg)
        accelerator = make_accelerator(cpu=device == "cpu", bf16=use_bf16(t_cfg.bf16, device))
    if resume and not checkpoints:
        raise UserError(f"--resume: no checkpoint in {run_dir / 'checkpoints'} to resume from")
    if not resume and run_dir.exists() and accelerator.is_main_process:
        logger.info("starting %s afresh: removing the previous run's checkpoints", run_dir)
        shutil.rmtree(run_dir / "checkpoints", ignore_errors=True)
        shutil.rmtree(run_dir / "best", ignore_errors=True)
        (run_dir / "metrics.jsonl").unlink(missing_ok=True)
        (run_dir / "train.log").unlink(missing_ok=True)
    if accelerator.is_main_process:
        run_dir.mkdir(parents=True, exist_ok=True)
    accelerator.wait_for_everyone()
    runlog = _RunLog(run_dir, accelerator.is_main_process)
    try:
        return _train(cfg, run_dir, checkpoints[-1] if checkpoints else None, on_step, tqdm,
                      AutoModelForTokenClassification, AutoTokenizer, accelerator)
    finally:
        runlog.close()


def _train(cfg: TrainConfig, run_dir: Path, checkpoint: Path | None,
           on_step: Callable[[int], None] | None, tqdm: Any, auto_model: Any, auto_tok: Any,
           accelerator: Any) -> TrainResult:
    from transformers import DataCollatorForTokenClassification

    t_cfg = cfg.training
    started = time.monotonic()
    main, world, rank = accelerator.is_main_process, accelerator.num_processes, accelerator.process_index
    threads = set_threads(t_cfg.threads or process_threads())
    device = str(accelerator.device)
    bf16 = accelerator.mixed_precision == "bf16"
    random.seed(t_cfg.seed)
    torch.manual_seed(t_cfg.seed + rank)  # other dropout masks per process; DDP copies rank 0's weights
    if main:
        with atomic_open(run_dir / RESOLVED_CONFIG) as fh:
            yaml.safe_dump(to_dict(cfg), fh, allow_unicode=True, sort_keys=False)

    # the main process fills the silver, tokenizer and dataset caches; the others read them
    with accelerator.main_process_first():
        silver_cache = resolve_path(cfg.data.cache_dir).parent / "silver"
        sources = [load_source(s, silver_cache) for s in cfg.data.train]
        for src in sources:
            logger.info("source %-12s %-9s %4d docs, weight %g%s", src.config.name, src.config.kind,
                        len(src.docs), src.config.weight, f" ({src.skipped})" if src.skipped else "")
        dev_sets = _load_eval_sets(cfg.data.dev)
        test_sets = _load_eval_sets(cfg.data.test)
        select_on = _selection_set(t_cfg.select_on, dev_sets)

        if checkpoint is not None:
            logger.info("resuming from %s", checkpoint)
            tokenizer = auto_tok.from_pretrained(str(checkpoint))
            model = auto_model.from_pretrained(str(checkpoint), dtype=torch.float32)
            state = json.loads((checkpoint / STATE_FILE).read_text(encoding="utf-8"))
        else:
            texts = [d.text for s in sources for d in s.docs]
            tokenizer, model = build(cfg.model, texts)
            state = {"step": 0, "best": None, "best_step": None, "bad_evals": 0, "tokens": 0,
                     "seconds": 0.0, "config_hash": config_hash(cfg)}
        limit = getattr(model.config, "max_position_embeddings", t_cfg.max_length)
        if t_cfg.max_length > limit:
            raise UserError(f"training.max_length {t_cfg.max_length} exceeds the model's "
                            f"{limit} positions")

        label2id = cfg.model.label2id()
        dev_docs = dev_sets.get(select_on, [])
        hints = RulesHints(silver_cache) if cfg.model.rules_hint else None
        built = build_dataset(sources, tokenizer, label2id, t_cfg.max_length, t_cfg.stride,
                              cfg.data.label_all_subtokens, t_cfg.seed, dev_docs, cfg.data.cache_dir,
                              hints=hints, hint_key=hints.key if hints else "",
                              hint_dropout=cfg.data.hint_dropout)
    train_rows = built.data["train"]
    inputs = ("input_ids", "labels", "token_type_ids") if cfg.model.rules_hint else ("input_ids", "labels")
    rows = [{k: r[k] for k in inputs} for r in train_rows]
    n = len(rows)
    lengths = [len(r["input_ids"]) for r in rows]
    steps_per_epoch = math.ceil(n / t_cfg.batch_size)
    total = t_cfg.max_steps if t_cfg.max_steps > 0 else math.ceil(t_cfg.epochs * steps_per_epoch)
    eval_every = t_cfg.eval_every or steps_per_epoch
    save_every = t_cfg.save_every or eval_every
    optimizer, scheduler = build_optimizer(model, t_cfg.lr, t_cfg.weight_decay, t_cfg.warmup_ratio,
                                           total)
    if checkpoint is not None:
        saved = torch.load(checkpoint / "optim.pt", weights_only=False, map_location="cpu")
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        total = min(total, state.get("total", total))
        schedule_of(scheduler).total = total
        if main:
            torch.set_rng_state(saved["torch_rng"].cpu())
            if saved.get("cuda_rng") is not None and torch.cuda.is_available():
                torch.cuda.set_rng_state_all([t.cpu() for t in saved["cuda_rng"]])
        random.setstate(saved["python_rng"])
    # the scheduler stays outside prepare(): the global batch is batch_size whatever the number
    # of processes, so it steps once per optimizer step (accelerate's would step N times)
    model, optimizer = accelerator.prepare(model, optimizer)
    collator = DataCollatorForTokenClassification(tokenizer, label_pad_token_id=-100)
    logger.info("training %s: %d windows, %d steps/epoch, %d steps, batch %d, max_length %d, "
                "%d process(es) of %d threads, %s", cfg.name, n, steps_per_epoch, total, t_cfg.batch_size,
                t_cfg.max_length, world, threads, ("bf16 autocast" if bf16 else "fp32") + f" on {device}")

    metrics_path = run_dir / "metrics.jsonl"
    best_dir = run_dir / "best"
    first_step = state["step"] + 1
    run_tokens, own_tokens, step_seconds = 0, 0, 0.0
    run_started = time.monotonic()
    loss_sum, loss_n = 0.0, 0
    step_losses: list[float] = []  # this run's loss at every step (for the plateau check)
    budget = t_cfg.time_budget_minutes * 60

    def evaluate(step: int) -> dict[str, Any]:
        record: dict[str, Any] = {"step": step, "epoch": round(step / steps_per_epoch, 3),
                                  "train_loss": loss_sum / loss_n if loss_n else None,
                                  "lr": scheduler.get_last_lr()[0],
                                  "elapsed_s": round(state["seconds"] + time.monotonic() - run_started, 1)}
        for name, docs in dev_sets.items():
            record[name] = evaluate_model(unwrap(accelerator, model), tokenizer, docs, cfg.model.labels,
                                          t_cfg.max_length, t_cfg.stride, bf16, t_cfg.eval_batch_size,
                                          device, cfg.model.decoding, hints)
        with metrics_path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return record

    def checkpoint_state(step: int) -> dict[str, Any]:
        return {**state, "step": step, "total": total, "tokens": state["tokens"] + run_tokens,
                "seconds": state["seconds"] + time.monotonic() - run_started}

    def save(step: int) -> Path | None:
        if not main:
            return None
        return save_checkpoint(run_dir, unwrap(accelerator, model), tokenizer, optimizer, scheduler,
                               checkpoint_state(step), t_cfg.keep_checkpoints)

    model.train()
    step = state["step"]
    batches: list[list[int]] | None = None
    batches_epoch = -1
    stop_reason = "max_steps"
    bar = tqdm(total=total, initial=step, desc=f"train {cfg.name}", unit="step", dynamic_ncols=True,
               disable=not main)
    try:
        while step < total:
            epoch, pos = divmod(step, steps_per_epoch)
            if batches is None or epoch != batches_epoch:
                batches, batches_epoch = epoch_batches(lengths, t_cfg.batch_size, t_cfg.seed, epoch), epoch
            batch = collator([rows[i] for i in shard(batches[pos], accelerator)])
            batch = {k: v.to(accelerator.device) for k, v in batch.items()}
            step_start = time.monotonic()
            loss = optimizer_step(accelerator, model, optimizer, scheduler, lambda b: model(**b).loss,
                                  batch, t_cfg.grad_clip)
            tokens = int(batch["attention_mask"].sum())
            elapsed = time.monotonic() - run_started
            over_budget = main and budget > 0 and state["seconds"] + elapsed > budget
            # one all-reduce: the mean loss, the tokens of the global batch, the main's clock
            loss_all, tokens_all, over_all = sum_over_processes(accelerator, [loss, tokens, over_budget])
            step_seconds += time.monotonic() - step_start
            loss = loss_all / world
            over_budget = over_all > 0
            own_tokens += tokens
            run_tokens += int(tokens_all)
            loss_sum += loss
            step_losses.append(loss)
            step += 1
            loss_n += 1
            if t_cfg.fit_to_budget and budget > 0 and step - first_step + 1 == 20:  # fit the schedule to the time budget
                total = bar.total = fit_schedule_to_budget(
                    scheduler, step, 20, elapsed, budget - state["seconds"] - elapsed, t_cfg.warmup_ratio,
                    accelerator=accelerator)
            bar.update(1)
            bar.set_postfix(loss=f"{loss_sum / loss_n:.3f}", tok_s=f"{run_tokens / max(elapsed, 1e-9):.0f}")
            if step % eval_every == 0 or step == total or over_budget:
                if main:
                    record = evaluate(step)
                    score = record[select_on]["f1"] if select_on else None
                    logger.info("step %d: loss %.4f%s", step, loss_sum / max(loss_n, 1),
                                "".join(f", {k} F1 {record[k]['f1']:.3f}" for k in dev_sets))
                    if score is None or state["best"] is None or score > state["best"]:
                        state["best"], state["best_step"], state["bad_evals"] = score, step, 0
                        _save_model(best_dir, unwrap(accelerator, model), tokenizer)
                    else:
                        state["bad_evals"] += 1
                    if t_cfg.patience and state["bad_evals"] >= t_cfg.patience:
                        stop_reason = (f"early stopping: no better {select_on} F1 for {t_cfg.patience} "
                                       "evaluations")
                    if over_budget:
                        stop_reason = f"time budget of {t_cfg.time_budget_minutes:g} min reached"
                state, stop_reason = agree(accelerator, (state, stop_reason))
                loss_sum, loss_n = 0.0, 0
            if step % save_every == 0 or step == total or stop_reason != "max_steps":
                save(step)
            if on_step is not None:
                on_step(step)
            if stop_reason != "max_steps":
                logger.info("%s at step %d", stop_reason, step)
                break
    except KeyboardInterrupt:
        bar.close()
        if step >= first_step:
            path = save(step)
            if path is not None:
                logger.warning("interrupted at step %d: checkpoint %s; rerun with --resume", step, path)
        raise
    bar.close()
    if stop_reason == "max_steps" and total < (t_cfg.max_steps or total + 1) and t_cfg.time_budget_minutes > 0:
        stop_reason = f"schedule fitted to the time budget of {t_cfg.time_budget_minutes:g} min"
    if main and step < first_step and not best_dir.exists():
        _save_model(best_dir, unwrap(accelerator, model), tokenizer)
    train_seconds = time.monotonic() - run_started
    tokens_per_s = run_tokens / train_seconds if train_seconds > 0 and run_tokens else 0.0
    rank_tokens = [int(x) for x in accelerator.gather(
        torch.tensor([own_tokens], device=accelerator.device)).cpu().tolist()]

    failure = None
    if main:
        try:
            check_run(t_cfg, select_on, state["best"], state["best_step"], step_losses, eval_every)
        except TrainingFailed as exc:
            failure = str(exc)
    failure = agree(accelerator, failure)
    if failure:
        raise TrainingFailed(failure)
    summary: dict[str, Any] | None = None
    model_dir = resolve_path(cfg.models_dir) / cfg.name
    total_seconds = state["seconds"] + time.monotonic() - run_started
    if main:
        best_model = auto_model.from_pretrained(str(best_dir), dtype=torch.float32).to(device)
        final: dict[str, Any] = {"dev": {}, "test": {}}
        for split, sets in (("dev", dev_sets), ("test", test_sets)):
            for name, docs in sets.items():
                final[split][name] = evaluate_model(best_model, tokenizer, docs, cfg.model.labels,
                                                    t_cfg.max_length, t_cfg.stride, bf16,
                                                    t_cfg.eval_batch_size, device, cfg.model.decoding,
                                                    hints)
        total_seconds = state["seconds"] + time.monotonic() - run_started
        summary = {
            "name": cfg.name,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "config_hash": config_hash(cfg),
            "steps": step,
            "best_step": state["best_step"],
            "selected_on": select_on or None,
            "stop_reason": stop_reason,
            "train_seconds": round(total_seconds, 1),
            "wall_seconds_this_run": round(time.monotonic() - started, 1),
            "train_tokens_per_second": round(tokens_per_s, 1),
            # the optimizer steps alone (no evaluation, checkpoints or start-up)
            "step_tokens_per_second": round(run_tokens / step_seconds, 1) if step_seconds > 0 else 0.0,
            "threads": threads,
            "world_size": world,
            "process_tokens": rank_tokens,  # the real tokens each process trained on in this run
            "bf16": bf16,
            "device": device,
            "dataset": built.info,
            **final,
        }
        write_model_dir(model_dir, best_model, tokenizer, cfg, summary)
        logger.info("model written to %s (%d steps, %.0f s, %.0f tokens/s, %d process(es))", model_dir,
                    step, total_seconds, tokens_per_s, world)
    summary = agree(accelerator, summary)
    accelerator.wait_for_everyone()
    assert summary is not None
    return TrainResult(model_dir, run_dir, step, first_step, total_seconds, tokens_per_s, summary,
                       main_process=main)


# ----------------------------------------------------------------------------- failure checks


class TrainingFailed(UserError):
    """A run that produced no usable model (the CLI exits non-zero; no model folder is written)."""


def loss_plateau_drop(losses: Sequence[float], interval: int) -> float | None:
    """How far (a fraction) the loss fell from its first plateau: the mean of the second half
    of the first ``interval`` steps versus the mean of the last half ``interval``. None when
    the run is shorter than two intervals."""
    half = max(interval // 2, 1)
    if interval < 2 or len(losses) < 2 * interval:
        return None
    first = sum(losses[interval - half:interval]) / half
    last = sum(losses[-half:]) / half
    return (first - last) / first if first > 0 else None


def check_run(t_cfg: TrainingConfig, select_on: str, best: float | None, best_step: int | None,
              losses: Sequence[float], interval: int) -> None:
    """Raise :class:`TrainingFailed` naming the cause when a run learnt nothing usable."""
    if t_cfg.min_select_f1 > 0 and select_on and best is not None and best < t_cfg.min_select_f1:
        raise TrainingFailed(
            f"training failed: the selected checkpoint (step {best_step}) scores entity F1 "
            f"{best:.3f} on {select_on}, below training.min_select_f1 {t_cfg.min_select_f1:g}; "
            "no model folder written")
    drop = loss_plateau_drop(losses, interval)
    if t_cfg.min_loss_drop > 0 and drop is not None and drop < t_cfg.min_loss_drop:
        raise TrainingFailed(
            f"training failed: the loss never left its first plateau (it fell {100 * drop:.0f}% "
            f"after step {interval}, less than training.min_loss_drop {t_cfg.min_loss_drop:g}); "
            "no model folder written")


# ----------------------------------------------------------------------------- output


def write_model_dir(path: Path, model: Any, tokenizer: Any, cfg: TrainConfig, metrics: dict[str, Any]) -> None:
    """Write the model folder atomically: weights, tokenizer, config, ontology, metrics, card."""
    ontology = resolve_path(cfg.ontology)
    if not ontology.is_file():
        raise UserError(f"ontology {cfg.ontology}: file not found")
    with atomic_dir(path) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        with (tmp / RESOLVED_CONFIG).open("w", encoding="utf-8") as fh:
            yaml.safe_dump(to_dict(cfg), fh, allow_unicode=True, sort_keys=False)
        with (tmp / "categories.yaml").open("w", encoding="utf-8") as fh:  # with the actors' groups merged in
            yaml.safe_dump(Ontology.load(ontology).to_dict(), fh, allow_unicode=True, sort_keys=False)
        write_json(tmp / "metrics.json", metrics)
        (tmp / "README.md").write_text(model_card(cfg, metrics), encoding="utf-8")


def _metrics_table(sets: dict[str, Any], labels: Sequence[str]) -> list[str]:
    if not sets:
        return ["(none available)", ""]
    head = "| set | docs | micro P | micro R | micro F1 | " + " | ".join(f"{lab} F1" for lab in labels) + " |"
    lines = [head, "|" + "---|" * (5 + len(labels))]
    for name, m in sets.items():
        per = " | ".join(f"{m['per_label'][lab]['f1']:.3f} ({m['per_label'][lab]['support']})"
                         for lab in labels)
        lines.append(f"| {name} | {m['docs']} | {m['precision']:.3f} | {m['recall']:.3f} | "
                     f"{m['f1']:.3f} | {per} |")
    return [*lines, ""]


#: where a training source's text and labels come from, by kind (gold: see :func:`_origin`)
_KIND_ORIGIN = {
    "synthetic": "generated reports, labels by construction",
    "rules": "real reports labelled by the rules baseline, not checked by a person",
    "silver": "machine-labelled text (rules or a teacher model), not checked by a person",
    "ner": "a public Arabic NER corpus, its place types mapped to PLACE (others left out of the loss)",
}


def _origin(kind: str, path: str) -> str:
    """Where a training source's text and labels come from, in words."""
    if kind in _KIND_ORIGIN:
        return _KIND_ORIGIN[kind]
    if "real" in Path(path).parts:
        return "real published reports, annotated by hand"
    return "reports written by the team, annotated by hand"


def _front_matter(cfg: TrainConfig, metrics: dict[str, Any]) -> list[str]:
    """The YAML header a model hub reads: language, task, and the measured entity scores."""
    results = [
        {"task": {"type": "token-classification", "name": "Arabic casualty-report span tagging"},
         "dataset": {"name": name, "type": "hasila-gold", "split": split},
         "metrics": [{"type": key, "value": round(float(m[key]), 4), "name": f"strict entity {key} (seqeval)"}
                     for key in ("precision", "recall", "f1")]}
        for split in ("dev", "test") for name, m in metrics.get(split, {}).items()
    ]
    header = {"language": ["ar"], "license": "apache-2.0", "library_name": "transformers",
              "pipeline_tag": "token-classification",
              "tags": ["token-classification", "arabic", "casualties", "hasila"],
              "model-index": [{"name": cfg.name, "results": results}]}
    return ["---", yaml.safe_dump(header, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]


def _weakest_labels(metrics: dict[str, Any], labels: Sequence[str]) -> list[str]:
    """Per measured set, the label with the lowest strict F1 (the main failure class seen)."""
    lines = []
    for split in ("dev", "test"):
        for name, m in metrics.get(split, {}).items():
            per = {lab: m["per_label"][lab]["f1"] for lab in labels if lab in m.get("per_label", {})}
            if per:
                worst = min(per, key=per.__getitem__)
                lines.append(f"- {name}: {worst} spans are the weakest (strict F1 {per[worst]:.3f})")
    return lines or ["- (no evaluation set was measured)"]


def _processes(metrics: dict[str, Any]) -> str:
    """`` in each of N data-parallel processes`` when there were several."""
    world = metrics.get("world_size", 1)
    return f" in each of {world} data-parallel processes" if world > 1 else ""


def _switched_on(decoding: DecodingConfig) -> list[str]:
    """The names of the decoding's on/off constraints that are on, for the model card."""
    return [f.name for f in fields(decoding) if getattr(decoding, f.name) is True]


def model_card(cfg: TrainConfig, metrics: dict[str, Any]) -> str:
    """A model card in the hub's format (YAML header): data mix, hyperparameters, measured scores,
    failure classes, intended use and limits. Only what training measured is filled in."""
    t, m, data = cfg.training, cfg.model, metrics.get("dataset", {})
    lines = [
        *_front_matter(cfg, metrics),
        f"# hasila token classifier: `{cfg.name}`",
        "",
        cfg.description or "Tags ACTOR, PLACE, COUNT and CATEGORY spans in Arabic conflict reports "
        "(annotation scheme v1) for the hasila casualty-figure extractor.",
        "",
        f"Created {metrics.get('created')}, config hash `{metrics.get('config_hash')}`. "
        f"Load with `hasila predict --model <this folder>` or "
        f"`transformers.pipeline(\"token-classification\", model=<this folder>)` "
        "(the pipeline skips hasila's Arabic normalisation and window merging).",
        "",
        "## Training data",
        "",
        "| source | kind | docs | windows | weight | windows used | share of the mix | spans | "
        "entities / 1k chars | snapped |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    used = max(data.get("train_windows", 0), 1)
    for name, s in data.get("sources", {}).items():
        note = f" — {s['skipped']}" if s.get("skipped") else ""
        lines.append(f"| {name}{note} | {s['kind']} | {s['docs']} | {s['windows']} | {s['weight']:g} | "
                     f"{s['windows_after_weight']} | {100 * s['windows_after_weight'] / used:.0f}% | "
                     f"{s['spans']} | {s.get('entities_per_1k_chars', '—')} | {s['snapped']} |")
    lines += [
        "",
        f"{data.get('train_windows', 0)} training windows, {data.get('train_tokens', 0)} tokens per epoch. "
        "`snapped`: spans whose boundary falls inside a sub-token (trained as the whole sub-token).",
        "",
        "Data mix (where each source's text and labels come from):",
        "",
        *[f"- {src.name}: {_origin(src.kind, src.path)}" for src in cfg.data.train],
        "",
        "## Model and hyperparameters",
        "",
        f"- base: `{m.base}`" + (f" (BERT {m.layers} layers, hidden {m.hidden}, {m.heads} heads, "
                                  f"intermediate {m.intermediate}, WordPiece vocabulary {m.vocab_size})"
                                  if m.base == "scratch" else ""),
        *([f"- initial token embeddings: word2vec (skip-gram, {m.word_vectors.epochs} epochs, window "
           f"{m.word_vectors.window}) over {', '.join(m.word_vectors.corpora)}"]
          if m.base == "scratch" and m.word_vectors.on else []),
        f"- labels: {', '.join(m.labels)} (IOB2 tags: {', '.join(m.tags())})",
        f"- decoding (`model.decoding`, also used to select the checkpoint): logit bias "
        f"{m.decoding.bias or 'none'}, span thresholds {m.decoding.min_score or 'none'}, "
        f"constraints on: {', '.join(_switched_on(m.decoding)) or 'none'}",
        f"- windows: max_length {t.max_length}, stride {t.stride}; "
        f"label_all_subtokens {cfg.data.label_all_subtokens}",
        *([f"- rules hints (`model.rules_hint`): the model reads the rules' tag of every token as its "
           f"token type; {cfg.data.hint_dropout:.0%} of the training windows come without them. "
           "`hasila predict` runs the rules to make them; `transformers.pipeline` gives none "
           "(the model then tags from the text alone)"] if m.rules_hint else []),
        f"- optimiser: AdamW lr {t.lr:g}, weight decay {t.weight_decay:g}, warmup {t.warmup_ratio:g}, "
        f"batch {t.batch_size}, grad clip {t.grad_clip:g}, seed {t.seed}",
        f"- steps: {metrics.get('steps')} (best at {metrics.get('best_step')}, selected on "
        f"`{metrics.get('selected_on')}`; stop: {metrics.get('stop_reason')})",
        f"- time: {metrics.get('train_seconds')} s on {metrics.get('threads')} CPU thread(s)"
        f"{_processes(metrics)}, "
        f"{'bf16 autocast' if metrics.get('bf16') else 'fp32'}, "
        f"{metrics.get('train_tokens_per_second')} tokens/s",
        "",
        "## Scores",
        "",
        "Strict entity P/R/F1 (seqeval, mode=strict, IOB2, on word-level tags where words are "
        "cut at every span boundary, so a match means the exact span). Per-label F1 with the "
        "gold support in brackets.",
        "",
        "Dev:",
        "",
        *_metrics_table(metrics.get("dev", {}), m.labels),
        "Test:",
        "",
        *_metrics_table(metrics.get("test", {}), m.labels),
        "Casualty-record scores and the rules baseline on the same sets are not measured by "
        "training: `hasila evaluate --model <this folder> --gold FILE --baseline rules` writes them.",
        "",
        "## Known failure classes",
        "",
        *_weakest_labels(metrics, m.labels),
        "",
        "## Intended use",
        "",
        "First stage of hasila: find the spans in Arabic casualty reports (Syrian Observatory "
        "style news) that the linker turns into casualty records. Research and monitoring "
        "support; every figure should be checked against the source text.",
        "",
        "## Limits",
        "",
        "- Trained on a small amount of gold data (and synthetic text where listed): expect "
        "errors on other report styles, dialects, other conflicts and long, list-like texts.",
        "- Span boundaries follow the tokenizer: a gold boundary inside a sub-token is widened "
        "to the sub-token (`snapped` above). The scratch tokenizer cuts digits and a "
        "word-initial و/ف/ب/ل/ك off every word, so clitics stay outside spans as the guide asks; "
        "decoding (`hasila.model.decoding`) puts the letter back where the rest is no word (`وحدات`), "
        "drops COUNT spans without a number or on a date, and joins spans the model broke. "
        "A suffix glued to a span (`أحدهم`) is not cut.",
        "- Scores on a few dozen documents have wide confidence intervals.",
        "- Tags are not casualty records: the hasila linker adds values, categories and links.",
        "",
    ]
    return "\n".join(lines)
