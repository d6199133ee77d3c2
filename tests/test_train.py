"""Training with the tiny config: model folder and card, resume after interruption, pipeline."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import torch
import yaml
from test_dataset import make_docs, write_gold

from hasila.cli import main
from hasila.errors import UserError
from hasila.training.train import (
    TrainConfig,
    TrainingFailed,
    load_train_config,
    loss_plateau_drop,
    strict_scores,
    train,
)

pytestmark = pytest.mark.slow


def tiny_config(tmp: Path, cache: Path | None = None, **training) -> TrainConfig:
    data = tmp / "data"
    if not data.exists():
        data.mkdir()
        write_gold(data / "train.json", make_docs(12, 1))
        write_gold(data / "dev.json", make_docs(3, 2, prefix="v"))
        write_gold(data / "test.json", make_docs(3, 3, prefix="t"))
    sets = {k: str(data / f"{k}.json") for k in ("train", "dev", "test")}
    overrides = [
        f"models_dir={tmp / 'models'}", f"runs_dir={tmp / 'training'}",
        f"data.cache_dir={cache or tmp / 'cache'}", f"model.tokenizer_cache={cache or tmp / 'cache'}/tok",
        f"data.train=[{{name: gold, kind: gold, path: {sets['train']}}}, "
        f"{{name: real, kind: gold, path: ../shared/nowhere/train_gold.json}}]",
        f"data.dev=[{{name: gold_dev, path: {sets['dev']}}}]",
        f"data.test=[{{name: gold_test, path: {sets['test']}}}]",
        *[f"training.{k}={v}" for k, v in training.items()],
    ]
    return load_train_config("configs/tiny.yaml", overrides)


def test_train_writes_model_folder_card_and_metrics(tmp_path):
    result = train(tiny_config(tmp_path))
    assert result.metrics["world_size"] == 1 and len(result.metrics["process_tokens"]) == 1
    out = result.model_dir
    assert out == tmp_path / "models" / "tiny"
    for name in ("config.json", "model.safetensors", "tokenizer.json", "resolved_config.yaml",
                 "categories.yaml", "metrics.json", "README.md"):
        assert (out / name).is_file(), name
    config = json.loads((out / "config.json").read_text())
    assert config["id2label"]["1"] == "B-ACTOR" and config["label2id"]["I-CATEGORY"] == 8
    metrics = json.loads((out / "metrics.json").read_text())
    assert set(metrics["dev"]) == {"gold_dev"} and set(metrics["test"]) == {"gold_test"}
    assert set(metrics["test"]["gold_test"]["per_label"]) == {"ACTOR", "PLACE", "COUNT", "CATEGORY"}
    assert metrics["steps"] == 6 and metrics["dataset"]["sources"]["real"]["skipped"]
    card = (out / "README.md").read_text()
    assert "## Training data" in card and "gold_test" in card and "## Limits" in card
    assert "- decoding (`model.decoding`" in card
    resolved = yaml.safe_load((out / "resolved_config.yaml").read_text())
    assert resolved["training"]["max_length"] == 32
    saved = yaml.safe_load((out / "categories.yaml").read_text(encoding="utf-8"))
    assert "groups_from" not in saved  # the model keeps the actors' groups it was trained with
    assert "جيش الفتح" in saved["categories"]["fighter"]["groups"]
    lines = (tmp_path / "training" / "tiny" / "metrics.jsonl").read_text().splitlines()
    assert [json.loads(x)["step"] for x in lines] == [3, 6]
    assert (tmp_path / "training" / "tiny" / "train.log").stat().st_size > 0

    from transformers import pipeline

    tagger = pipeline("token-classification", model=str(out), aggregation_strategy="simple")
    found = tagger("قتل 12 مدنيا في حلب")
    assert isinstance(found, list)
    assert all(e["entity_group"] in {"ACTOR", "PLACE", "COUNT", "CATEGORY"} for e in found)
    # the hasila inference path loads it too and honours the saved window settings
    from hasila.model.infer import Tagger

    loaded = Tagger.load(out, threads=1, bf16=False)
    assert loaded.max_length == 32 and loaded.stride == 8
    assert isinstance(loaded.tag(["قتل 12 مدنيا في حلب"])[0], list)

    # the trained model can teach: silver labels for an unlabelled corpus (cached)
    from hasila.data.dataset import SourceConfig, load_source

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": d.text}, ensure_ascii=False)
                                for d in make_docs(4, 7)) + "\n", encoding="utf-8")
    src = SourceConfig("silver", "silver", teacher=str(out), corpus=[str(corpus)])
    first = load_source(src, tmp_path / "silver")
    assert len(first.docs) == 4 and first.skipped is None
    assert all(s.score is not None for d in first.docs for s in d.spans)
    assert len(list((tmp_path / "silver").glob("*.json"))) == 1
    again = load_source(src, tmp_path / "silver")
    assert [d.spans for d in again.docs] == [d.spans for d in first.docs]
    missing = load_source(SourceConfig("s", "silver", teacher=str(tmp_path / "nope"), corpus=[str(corpus)]))
    assert missing.docs == [] and "not found" in missing.skipped


def test_a_run_below_the_selection_floor_fails_and_writes_no_model(tmp_path):
    with pytest.raises(TrainingFailed, match="min_select_f1"):
        train(tiny_config(tmp_path, min_select_f1=1.01))
    assert not (tmp_path / "models" / "tiny").exists()


def test_a_run_stuck_on_its_first_plateau_fails_and_writes_no_model(tmp_path):
    cfg = tiny_config(tmp_path, lr=0.0, min_loss_drop=0.2)  # lr 0: the loss cannot move
    with pytest.raises(TrainingFailed, match="first plateau"):
        train(cfg)
    assert not (tmp_path / "models" / "tiny").exists()


def test_loss_plateau_drop_compares_first_plateau_with_the_end():
    assert loss_plateau_drop([2.0, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3], 4) == pytest.approx(0.0)
    assert loss_plateau_drop([2.0, 1.0, 1.0, 1.0, 0.5, 0.3, 0.2, 0.2], 4) == pytest.approx(0.8)
    assert loss_plateau_drop([2.0, 1.0, 1.0], 4) is None  # shorter than two intervals


def test_training_threads_default_to_the_cores_not_the_load(tmp_path, monkeypatch):
    import hasila.model.runtime as runtime

    monkeypatch.setattr(runtime, "_load_1min", lambda: 5.0)  # a busy machine at start
    result = train(tiny_config(tmp_path, threads=0))
    assert result.metrics["threads"] == runtime.usable_cores()


def test_resume_after_interruption_continues_the_step_count(tmp_path):
    def interrupt(step: int) -> None:
        if step == 4:
            raise KeyboardInterrupt

    cfg = tiny_config(tmp_path, save_every=2)
    with pytest.raises(KeyboardInterrupt):
        train(cfg, on_step=interrupt)
    ckpts = sorted(p.name for p in (tmp_path / "training" / "tiny" / "checkpoints").iterdir())
    assert "step-4" in ckpts
    resumed = train(cfg, resume=True)
    assert resumed.first_step == 5 and resumed.steps == 6
    steps = [json.loads(x)["step"] for x in
             (tmp_path / "training" / "tiny" / "metrics.jsonl").read_text().splitlines()]
    assert steps == [3, 6]

    # the same run without interruption ends with the same weights
    other = tmp_path / "other"
    other.mkdir()
    (other / "data").symlink_to(tmp_path / "data")
    straight = train(tiny_config(other, cache=tmp_path / "cache", save_every=2))
    from safetensors.torch import load_file

    a = load_file(resumed.run_dir / "checkpoints" / "step-6" / "model.safetensors")
    b = load_file(straight.run_dir / "checkpoints" / "step-6" / "model.safetensors")
    assert a.keys() == b.keys()
    assert all(torch.allclose(a[k], b[k], atol=1e-6) for k in a)

    with pytest.raises(UserError, match="no checkpoint"):
        train(tiny_config(tmp_path / "data", save_every=2), resume=True)


def test_cli_train_with_overrides(tmp_path, capsys):
    tiny_config(tmp_path)  # writes the data files
    data = tmp_path / "data"
    args = ["train", "--config", "configs/tiny.yaml",
            "--set", f"models_dir={tmp_path / 'models'}", "--set", f"runs_dir={tmp_path / 'training'}",
            "--set", f"data.cache_dir={tmp_path / 'cache'}",
            "--set", f"model.tokenizer_cache={tmp_path / 'cache'}/tok",
            "--set", f"data.train=[{{name: gold, kind: gold, path: {data / 'train.json'}}}]",
            "--set", f"data.dev=[{{name: gold_dev, path: {data / 'dev.json'}}}]",
            "--set", "data.test=[]", "--set", "training.max_steps=2", "--set", "name=cli"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "dev gold_dev: strict F1" in out and (tmp_path / "models" / "cli" / "README.md").exists()
    assert main(["train", "--config", "configs/tiny.yaml", "--set", "training.nope=1"]) == 2
    assert "unknown key" in capsys.readouterr().err


def test_strict_scores_are_exact_span_scores():
    doc = make_docs(1, 9)[0]
    perfect = strict_scores([doc], [doc.spans], ["ACTOR", "PLACE", "COUNT", "CATEGORY"])
    assert perfect["f1"] == 1.0
    shifted = [type(s)(s.start, s.end - 1, s.label, s.text[:-1]) if s.label == "PLACE" else s
               for s in doc.spans]
    scores = strict_scores([doc], [shifted], ["ACTOR", "PLACE", "COUNT", "CATEGORY"])
    assert scores["per_label"]["PLACE"]["f1"] == 0.0 and scores["per_label"]["COUNT"]["f1"] == 1.0


def test_epoch_batches_cover_every_window_once_and_group_lengths():
    from hasila.training.train import epoch_batches

    lengths = [(i * 37) % 250 + 5 for i in range(203)]
    batches = epoch_batches(lengths, 8, seed=3, epoch=1)
    assert sorted(i for b in batches for i in b) == list(range(203))
    assert len(batches) == 26 and batches == epoch_batches(lengths, 8, seed=3, epoch=1)
    assert batches != epoch_batches(lengths, 8, seed=3, epoch=2)
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches) / len(batches)
    assert spread < 60  # unsorted batches of 8 from 5..254 would spread ~190



def launch_two_processes(args: list[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``hasila ARGS`` in 2 data-parallel CPU processes: without GPUs `accelerate launch
    --multi_gpu` starts them (torchrun, gloo); `--cpu` would start one."""
    import os
    import socket
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
           "--main_process_port", str(port), "-m", "hasila", *args]
    env = {**os.environ, "PYTHONPATH": str(root), "OMP_NUM_THREADS": "1"}
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


needs_cpu_only = pytest.mark.skipif(torch.cuda.is_available(), reason="the CPU (gloo) data-parallel check")


@needs_cpu_only
def test_two_processes_train_data_parallel_and_write_one_model(tmp_path):
    tiny_config(tmp_path)  # writes the data files
    data = tmp_path / "data"
    done = launch_two_processes([
        "train", "--config", "configs/tiny.yaml",
        "--set", f"models_dir={tmp_path / 'models'}", "--set", f"runs_dir={tmp_path / 'training'}",
        "--set", f"data.cache_dir={tmp_path / 'cache'}", "--set", f"model.tokenizer_cache={tmp_path / 'tok'}",
        "--set", f"data.train=[{{name: gold, kind: gold, path: {data / 'train.json'}}}]",
        "--set", f"data.dev=[{{name: gold_dev, path: {data / 'dev.json'}}}]",
        "--set", f"data.test=[{{name: gold_test, path: {data / 'test.json'}}}]"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("model: ") == 1 and "2 process(es)" in done.stdout  # the main one reports
    assert [p.name for p in (tmp_path / "models").iterdir()] == ["tiny"]  # one model, no temp folder
    metrics = json.loads((tmp_path / "models" / "tiny" / "metrics.json").read_text())
    assert metrics["world_size"] == 2 and metrics["steps"] == 6
    # both processes trained: each on its half of every batch of 4 windows
    assert len(metrics["process_tokens"]) == 2 and all(n > 0 for n in metrics["process_tokens"])
    log = (tmp_path / "training" / "tiny" / "train.log").read_text()
    assert "2 process(es)" in log
    assert "in each of 2 data-parallel processes" in (tmp_path / "models" / "tiny" / "README.md").read_text()
    from hasila.model.infer import Tagger

    tagger = Tagger.load(tmp_path / "models" / "tiny", threads=1, bf16=False)
    assert isinstance(tagger.tag(["قتل 3 في حلب"])[0], list)



def test_a_decoding_setting_for_an_unknown_label_fails_before_training(tmp_path):
    cfg = tiny_config(tmp_path)
    cfg.model.decoding.min_score["WEAPON"] = 0.5
    with pytest.raises(UserError, match="WEAPON"):
        train(cfg)
    assert not (tmp_path / "training").exists() and not (tmp_path / "models").exists()


def test_model_card_names_every_decoding_constraint_that_is_on() -> None:
    from hasila.model.decoding import DecodingConfig
    from hasila.training.train import _switched_on

    on = _switched_on(DecodingConfig(count_veto=True, glued_heads=True, actor_phrases=False,
                                     no_monitors=False, place_names=False))
    assert on == ["count_veto", "glued_heads"]


def test_a_rules_hint_model_reads_the_rules_and_tags_without_them(tmp_path):
    from transformers import pipeline

    from hasila.model.infer import Tagger
    from hasila.rules.tagger import RulesTagger

    cfg = tiny_config(tmp_path)
    cfg.model.rules_hint = True
    result = train(cfg)
    config = json.loads((result.model_dir / "config.json").read_text())
    assert config["type_vocab_size"] == 9  # one token type per IOB2 tag of the rules
    assert "rules hints (`model.rules_hint`)" in (result.model_dir / "README.md").read_text()
    tagger = Tagger.load(result.model_dir, threads=1, bf16=False)
    assert isinstance(tagger.hint_rules, RulesTagger)
    text = "قتل 12 مدنيا في قصف قوات النظام على ريف إدلب الجنوبي."
    windows, hinted = tagger.window_logits([text])
    assert windows[0][0].token_type_ids is not None and any(windows[0][0].token_type_ids)
    tagger.hint_rules = None
    windows, alone = tagger.window_logits([text])
    assert windows[0][0].token_type_ids is None
    assert not torch.allclose(hinted[0][0], alone[0][0])  # the hints reach the model
    # without hasila, the pipeline runs it on the text alone
    out = pipeline("token-classification", model=str(result.model_dir))(text)
    assert isinstance(out, list)
