"""The optimisation plumbing shared by fine-tuning (:mod:`hasila.training.train`) and pre-training
(:mod:`hasila.training.pretrain`), on :class:`accelerate.Accelerator`.

One process (``hasila train``) or N data-parallel ones (``accelerate launch
--num_processes N -m hasila train``) run the same loop: :func:`make_accelerator`
picks the device, bf16 autocast and the process group; every process takes its
share of each batch (:func:`shard`: the global batch stays ``batch_size``, so N
processes follow the same schedule as one), :func:`optimizer_step` runs the
forward under the accelerator's autocast, ``accelerator.backward`` (DDP averages
the gradients), clipping and the step. Decisions that depend on the clock or on
the dev evaluation are made by the main process and handed to the others
(:func:`agree`). AdamW (no weight decay on biases and LayerNorm weights) with a
linear warmup and decay (:class:`LinearSchedule`); the schedule can be shortened
so a run ends within its time budget (:func:`fit_schedule_to_budget`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import torch

logger = logging.getLogger(__name__)

T = TypeVar("T")


def make_accelerator(cpu: bool, bf16: bool) -> Any:
    """An :class:`accelerate.Accelerator` for one run: the process group ``accelerate launch``
    set up (or a single process), bf16 autocast when ``bf16``. The accelerator state of an
    earlier run in this process is dropped first, as ``transformers.TrainingArguments`` does,
    so runs with other precision settings can follow each other."""
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState

    AcceleratorState._reset_state()
    accelerator = Accelerator(cpu=cpu, mixed_precision="bf16" if bf16 else "no")
    if (accelerator.num_processes == 1 and "MASTER_ADDR" in os.environ and "WORLD_SIZE" not in os.environ
            and os.environ.get("ACCELERATE_USE_CPU", "").lower() == "true"):
        # `accelerate launch --cpu --num_processes N` starts N processes only through mpirun
        logger.warning("accelerate launch --cpu started ONE process (several CPU processes need an MPI "
                       "hostfile in `accelerate config`); without GPUs, `accelerate launch --multi_gpu "
                       "--num_processes N` starts N CPU processes (torchrun, gloo)")
    return accelerator


def use_bf16(setting: bool | None, device: str = "cpu") -> bool:
    """Train in bf16? ``setting`` (``training.bf16``) when given, else whether ``device`` has native bf16."""
    from hasila.model.runtime import cpu_supports_bf16

    native = torch.cuda.is_bf16_supported() if device.startswith("cuda") else cpu_supports_bf16()
    if setting is None:
        return native
    if setting and not native:
        logger.warning("bf16 requested but this CPU has no native bf16: it will be slow")
    return setting


def process_threads() -> int:
    """Torch threads for this process: the usable cores shared by the processes on this machine."""
    from hasila.model.runtime import usable_cores

    local = int(os.environ.get("LOCAL_WORLD_SIZE", "1") or 1)
    return max(1, usable_cores() // max(local, 1))


def shard(items: Sequence[T], accelerator: Any) -> list[T]:
    """This process's share of a global batch (every N-th item from its rank on); never empty."""
    share = list(items[accelerator.process_index::accelerator.num_processes])
    return share or list(items[-1:])


def agree(accelerator: Any, value: T) -> T:
    """The main process's ``value``, on every process (a no-op in a single process)."""
    if accelerator.num_processes == 1:
        return value
    from accelerate.utils import broadcast_object_list

    return broadcast_object_list([value])[0]


def sum_over_processes(accelerator: Any, values: Sequence[float]) -> list[float]:
    """Each of ``values`` summed over the processes (one all-reduce)."""
    if accelerator.num_processes == 1:
        return [float(v) for v in values]
    summed = accelerator.reduce(torch.tensor([float(v) for v in values], dtype=torch.float64,
                                             device=accelerator.device), reduction="sum")
    return [float(v) for v in summed.cpu()]


def unwrap(accelerator: Any, model: Any) -> Any:
    """The model without its DDP wrapper, for saving and evaluation (the bf16 autocast of its
    forward stays: dropping it would change the model the loop goes on training)."""
    return accelerator.unwrap_model(model)


class LinearSchedule:
    """Linear warmup then linear decay to 0 at ``total``; ``total`` may be lowered mid-run
    (fitting the schedule to a time budget). Saved with the scheduler's state."""

    def __init__(self, warmup: int, total: int) -> None:
        self.warmup = warmup
        self.total = total

    def __call__(self, step: int) -> float:
        if step < self.warmup:
            return (step + 1) / (self.warmup + 1)
        return max(0.0, (self.total - step) / max(1, self.total - self.warmup))


def fit_to_budget(step: int, total: int, steps_done: int, seconds_done: float, seconds_left: float,
                  margin: float = 0.9) -> int:
    """The step count that ends within the time left, judged from the pace so far (never more
    than ``total``, never before ``step + 1``)."""
    if steps_done <= 0 or seconds_done <= 0:
        return total
    pace = seconds_done / steps_done
    return max(step + 1, min(total, step + int(margin * seconds_left / pace)))


def build_optimizer(model: torch.nn.Module, lr: float, weight_decay: float, warmup_ratio: float,
                    total_steps: int) -> tuple[torch.optim.AdamW, torch.optim.lr_scheduler.LambdaLR]:
    """AdamW over the trainable parameters and a :class:`LinearSchedule` with
    ``int(warmup_ratio * total_steps)`` warmup steps."""
    decay: list[Any] = []
    no_decay: list[Any] = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        (no_decay if param.ndim < 2 or "LayerNorm" in name or name.endswith(".bias") else decay).append(param)
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    schedule = LinearSchedule(int(warmup_ratio * total_steps), total_steps)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def schedule_of(scheduler: torch.optim.lr_scheduler.LambdaLR) -> LinearSchedule:
    """The :class:`LinearSchedule` a scheduler from :func:`build_optimizer` follows."""
    return scheduler.lr_lambdas[0]  # type: ignore[return-value]


def optimizer_step(accelerator: Any, model: torch.nn.Module, optimizer: Any, scheduler: Any,
                   loss_fn: Callable[[Any], torch.Tensor], batch: Any, grad_clip: float) -> float:
    """One step on this process's ``batch``: ``loss_fn(batch)`` under the accelerator's autocast,
    ``accelerator.backward`` (gradients averaged over the processes), gradient norm clipped to
    ``grad_clip`` (when > 0), optimizer and scheduler step, gradients cleared. Returns this
    process's loss."""
    with accelerator.autocast():
        loss = loss_fn(batch)
    accelerator.backward(loss)
    if grad_clip > 0:
        accelerator.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)
    return float(loss.detach())


def fit_schedule_to_budget(scheduler: torch.optim.lr_scheduler.LambdaLR, step: int, steps_done: int,
                           seconds_done: float, seconds_left: float, warmup_ratio: float,
                           margin: float = 0.9, accelerator: Any = None) -> int:
    """Shorten the scheduler's :class:`LinearSchedule` so the run ends within ``seconds_left``
    (see :func:`fit_to_budget`; the main process's figure when ``accelerator`` is given), the
    warmup with it; returns the (possibly new) step total."""
    schedule = schedule_of(scheduler)
    fitted = fit_to_budget(step, schedule.total, steps_done, seconds_done, seconds_left, margin)
    if accelerator is not None:
        fitted = agree(accelerator, fitted)
    if fitted < schedule.total:
        logger.info("time budget: %d steps instead of %d (%.2f s/step); the learning rate decays "
                    "to 0 at step %d", fitted, schedule.total, seconds_done / steps_done, fitted)
        schedule.total = fitted
        schedule.warmup = min(schedule.warmup, int(warmup_ratio * fitted))
    return schedule.total
