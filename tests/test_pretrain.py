"""Masked-LM pre-training through ``hasila pretrain``: the shared schedule and the time budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from test_modeling import TEXTS
from test_train import launch_two_processes, needs_cpu_only

from hasila.cli import main

pytestmark = pytest.mark.slow


def write_config(tmp: Path) -> Path:
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": f"{t} {i}"}, ensure_ascii=False)
                                for i, t in enumerate(TEXTS * 8)) + "\n", encoding="utf-8")
    cfg = {
        "name": "base", "models_dir": str(tmp / "models"), "runs_dir": str(tmp / "training"),
        "corpora": [str(corpus)],
        "model": {"vocab_size": 120, "min_frequency": 1, "layers": 2, "hidden": 32, "heads": 2,
                  "intermediate": 64, "max_positions": 64, "tokenizer_cache": str(tmp / "tok")},
        "training": {"max_steps": 3, "batch_size": 4, "max_length": 16, "heldout_blocks": 2,
                     "bf16": False, "threads": 1, "log_every": 1, "lr": 0.01},
    }
    path = tmp / "pretrain.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


def test_cli_pretrain_follows_the_linear_schedule(tmp_path, capsys):
    config = write_config(tmp_path)
    assert main(["pretrain", "--config", str(config), "--set", "training.max_steps=4",
                 "--set", "training.warmup_ratio=0.5"]) == 0
    assert "base model:" in capsys.readouterr().out
    log = [json.loads(x) for x in (tmp_path / "training" / "base" / "pretrain_log.jsonl")
           .read_text().splitlines()]
    assert [r["step"] for r in log] == [1, 2, 3, 4]
    # warmup 2 of 4 steps: lr * (2/3, 1, 1/2, 0) after steps 1..4
    assert [r["lr"] for r in log] == pytest.approx([0.01 * 2 / 3, 0.01, 0.005, 0.0])
    assert all(r["loss"] > 0 for r in log) and "heldout_loss" in log[-1]
    info = json.loads((tmp_path / "models" / "base" / "pretrain_info.json").read_text())
    assert info["steps"] == 4 and info["stop_reason"] == "max_steps" and info["world_size"] == 1


def test_pretrain_stops_at_the_time_budget(tmp_path):
    config = write_config(tmp_path)
    assert main(["pretrain", "--config", str(config), "--set", "training.max_steps=50",
                 "--set", "training.time_budget_minutes=0.000001"]) == 0
    info = json.loads((tmp_path / "models" / "base" / "pretrain_info.json").read_text())
    assert info["steps"] == 1 and info["stop_reason"].startswith("time budget of")


@needs_cpu_only
def test_two_processes_pretrain_data_parallel(tmp_path):
    config = write_config(tmp_path)
    done = launch_two_processes(["pretrain", "--config", str(config), "--set", "training.max_steps=4"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("base model:") == 1  # the main process reports and writes
    assert [p.name for p in (tmp_path / "models").iterdir()] == ["base"]
    info = json.loads((tmp_path / "models" / "base" / "pretrain_info.json").read_text())
    assert info["world_size"] == 2 and info["steps"] == 4
    log = (tmp_path / "training" / "base" / "pretrain_log.jsonl").read_text().splitlines()
    assert [json.loads(x)["step"] for x in log] == [1, 2, 3, 4]  # one log, not one per process
