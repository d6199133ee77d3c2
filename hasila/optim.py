"""The optimisation step shared by fine-tuning (:mod:`hasila.train`) and pre-training
(:mod:`hasila.pretrain`).

AdamW (no weight decay on biases and LayerNorm weights) with a linear warmup
and decay (:class:`LinearSchedule`), one step with optional bf16 autocast and
gradient clipping (:func:`optimizer_step`), and shortening the schedule so a run
ends within its time budget (:func:`fit_schedule_to_budget`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

import torch

logger = logging.getLogger(__name__)


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
    decay, no_decay = [], []
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
    return scheduler.lr_lambdas[0]


def bf16_autocast(device: str, enabled: bool) -> torch.autocast:
    """bf16 autocast on ``device`` (``"cpu"``, ``"cuda"``, ``"cuda:1"`` …); a no-op when not enabled."""
    return torch.autocast(device_type=torch.device(device).type, dtype=torch.bfloat16, enabled=enabled)


def optimizer_step(model: torch.nn.Module, optimizer: torch.optim.Optimizer, scheduler: Any,
                   loss_fn: Callable[[Any], torch.Tensor], batch: Any, grad_clip: float,
                   autocast: contextlib.AbstractContextManager[Any] | None = None) -> float:
    """One step on ``batch``: ``loss_fn(batch)`` (under ``autocast``), backward, gradient norm
    clipped to ``grad_clip`` (when > 0), optimizer and scheduler step, gradients cleared.
    Returns the loss."""
    with autocast if autocast is not None else contextlib.nullcontext():
        loss = loss_fn(batch)
    loss.backward()
    if grad_clip > 0:
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)
    return float(loss.detach())


def fit_schedule_to_budget(scheduler: torch.optim.lr_scheduler.LambdaLR, step: int, steps_done: int,
                           seconds_done: float, seconds_left: float, warmup_ratio: float,
                           margin: float = 0.9) -> int:
    """Shorten the scheduler's :class:`LinearSchedule` so the run ends within ``seconds_left``
    (see :func:`fit_to_budget`), the warmup with it; returns the (possibly new) step total."""
    schedule = schedule_of(scheduler)
    fitted = fit_to_budget(step, schedule.total, steps_done, seconds_done, seconds_left, margin)
    if fitted < schedule.total:
        logger.info("time budget: %d steps instead of %d (%.2f s/step); the learning rate decays "
                    "to 0 at step %d", fitted, schedule.total, seconds_done / steps_done, fitted)
        schedule.total = fitted
        schedule.warmup = min(schedule.warmup, int(warmup_ratio * fitted))
    return schedule.total
