"""The shared optimisation step on accelerate: schedule values, budget fitting, one step,
resume state, a process's share of a batch and its threads."""

from __future__ import annotations

import io
import logging

import pytest
import torch

from hasila.training.optim import (
    LinearSchedule,
    agree,
    build_optimizer,
    fit_schedule_to_budget,
    fit_to_budget,
    make_accelerator,
    optimizer_step,
    process_threads,
    schedule_of,
    shard,
    sum_over_processes,
)


class Tiny(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.dense = torch.nn.Linear(3, 2)
        self.LayerNorm = torch.nn.LayerNorm(2)
        self.frozen = torch.nn.Linear(2, 2)
        self.frozen.requires_grad_(False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.frozen(self.LayerNorm(self.dense(x)))


def test_linear_schedule_warms_up_then_decays_to_zero():
    sched = LinearSchedule(warmup=4, total=10)
    assert [sched(s) for s in range(4)] == [0.2, 0.4, 0.6, 0.8]
    assert sched(4) == 1.0 and sched(7) == 0.5 and sched(10) == 0.0 and sched(12) == 0.0
    assert LinearSchedule(warmup=0, total=5)(0) == 1.0
    assert LinearSchedule(warmup=3, total=3)(3) == 0.0  # no decay phase: no division by zero


def test_fit_to_budget():
    # 20 steps took 10 s, 40 s left: about 72 more steps at 90%
    assert fit_to_budget(20, 1000, 20, 10.0, 40.0) == 92
    assert fit_to_budget(20, 1000, 20, 10.0, 40.0, margin=0.5) == 60
    assert fit_to_budget(20, 50, 20, 10.0, 400.0) == 50  # never more than total
    assert fit_to_budget(20, 1000, 20, 10.0, -5.0) == 21  # never before the next step
    assert fit_to_budget(20, 1000, 0, 0.0, 40.0) == 1000  # no pace known yet



def test_build_optimizer_groups_and_schedule():
    model = Tiny()
    optimizer, scheduler = build_optimizer(model, lr=0.1, weight_decay=0.01, warmup_ratio=0.25,
                                           total_steps=8)
    decay, no_decay = optimizer.param_groups
    assert decay["weight_decay"] == 0.01 and no_decay["weight_decay"] == 0.0
    assert [p.shape for p in decay["params"]] == [model.dense.weight.shape]
    assert {id(p) for p in no_decay["params"]} == {
        id(model.dense.bias), id(model.LayerNorm.weight), id(model.LayerNorm.bias)}
    schedule = schedule_of(scheduler)
    assert (schedule.warmup, schedule.total) == (2, 8)
    assert scheduler.get_last_lr() == pytest.approx([0.1 / 3, 0.1 / 3])  # lr * schedule(0)


def test_optimizer_step_clips_steps_and_clears_gradients():
    w = torch.nn.Parameter(torch.zeros(4))
    model = torch.nn.Module()
    model.w = w
    optimizer = torch.optim.SGD([w], lr=1.0)  # the update is minus the (clipped) gradient
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, LinearSchedule(0, 10))
    target = torch.tensor([3.0, 4.0, 0.0, 0.0])  # gradient norm 5

    acc = make_accelerator(cpu=True, bf16=False)
    loss = optimizer_step(acc, model, optimizer, scheduler, lambda t: -(w * t).sum(), target, grad_clip=0.5)
    assert loss == 0.0
    assert w.detach().norm().item() == pytest.approx(0.5)
    assert w.detach().tolist() == pytest.approx([0.3, 0.4, 0.0, 0.0])
    assert w.grad is None and scheduler.last_epoch == 1
    assert scheduler.get_last_lr() == pytest.approx([0.9])

    before = w.detach().clone()
    optimizer_step(acc, model, optimizer, scheduler, lambda t: -(w * t).sum(), target, grad_clip=0.0)
    assert (w.detach() - before).norm().item() == pytest.approx(0.9 * 5)  # no clipping


def test_optimizer_step_runs_the_loss_under_autocast():
    seen = []

    def loss_fn(x: torch.Tensor) -> torch.Tensor:
        seen.append(torch.is_autocast_enabled("cpu"))
        return (x * 2).sum()

    x = torch.nn.Parameter(torch.ones(2))
    model = torch.nn.Module()
    model.x = x
    optimizer = torch.optim.SGD([x], lr=0.1)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, LinearSchedule(0, 2))
    optimizer_step(make_accelerator(cpu=True, bf16=True), model, optimizer, scheduler, loss_fn, x, 1.0)
    optimizer_step(make_accelerator(cpu=True, bf16=False), model, optimizer, scheduler, loss_fn, x, 1.0)
    assert seen == [True, False]  # a later run may change the precision of an earlier one


def test_fit_schedule_to_budget_shortens_schedule_and_warmup(caplog):
    _, scheduler = build_optimizer(Tiny(), 0.1, 0.0, warmup_ratio=0.1, total_steps=1000)
    with caplog.at_level(logging.INFO, logger="hasila.training.optim"):
        assert fit_schedule_to_budget(scheduler, 20, 20, 10.0, 600.0, 0.1) == 1000  # in time
        assert not caplog.records
        assert fit_schedule_to_budget(scheduler, 20, 20, 10.0, 40.0, 0.1) == 92
    assert "92 steps instead of 1000" in caplog.text
    schedule = schedule_of(scheduler)
    assert (schedule.total, schedule.warmup) == (92, 9)
    assert schedule(92) == 0.0


def test_saved_scheduler_state_loads_into_a_new_one():
    model = Tiny()
    optimizer, scheduler = build_optimizer(model, 0.1, 0.01, 0.1, 100)
    acc = make_accelerator(cpu=True, bf16=False)
    for _ in range(3):
        optimizer_step(acc, model, optimizer, scheduler, lambda x: model(x).sum(), torch.ones(1, 3), 1.0)
    fit_schedule_to_budget(scheduler, 3, 3, 3.0, 30.0, 0.1)
    buf = io.BytesIO()
    torch.save({"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict()}, buf)
    buf.seek(0)
    saved = torch.load(buf, weights_only=False)

    fresh_opt, fresh_sched = build_optimizer(Tiny(), 0.1, 0.01, 0.1, 100)
    fresh_opt.load_state_dict(saved["optimizer"])
    fresh_sched.load_state_dict(saved["scheduler"])
    assert isinstance(schedule_of(fresh_sched), LinearSchedule)
    assert vars(schedule_of(fresh_sched)) == vars(schedule_of(scheduler)) == {"warmup": 3, "total": 30}
    assert fresh_sched.last_epoch == 3 and fresh_sched.get_last_lr() == scheduler.get_last_lr()


class FakeProcess:
    """An accelerator as seen from one process of a data-parallel run (for sharding only)."""

    def __init__(self, index: int, count: int) -> None:
        self.process_index, self.num_processes = index, count


def test_shard_splits_a_global_batch_between_processes():
    batch = [10, 11, 12, 13, 14]
    shares = [shard(batch, FakeProcess(r, 2)) for r in range(2)]
    assert shares == [[10, 12, 14], [11, 13]]
    assert shard(batch, FakeProcess(0, 1)) == batch
    assert shard([7], FakeProcess(1, 2)) == [7]  # never empty: the last item again


def test_single_process_agrees_with_itself_and_sums_its_own_values():
    acc = make_accelerator(cpu=True, bf16=False)
    assert acc.num_processes == 1
    assert agree(acc, {"stop": "x"}) == {"stop": "x"}
    assert sum_over_processes(acc, [1.5, 3, True]) == [1.5, 3.0, 1.0]


def test_process_threads_share_the_cores_between_local_processes(monkeypatch):
    import hasila.model.runtime as runtime

    monkeypatch.setattr(runtime, "usable_cores", lambda: 8)
    monkeypatch.delenv("LOCAL_WORLD_SIZE", raising=False)
    assert process_threads() == 8
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "2")
    assert process_threads() == 4
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "16")
    assert process_threads() == 1
