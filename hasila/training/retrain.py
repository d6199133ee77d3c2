"""Retraining on a Label Studio project's finished annotations (``hasila serve --train-on-webhook``).

The project's completed, valid annotations are exported (:func:`hasila.annotation.lsclient.pull_project`)
and added as one more gold source to a training config (by default the one the served model
was trained with); ``hasila train`` then runs in a child process, so its threads and memory
stay out of the server, and the new model folder is returned for the server to swap in.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hasila.errors import UserError
from hasila.fileio import atomic_open, project_root

logger = logging.getLogger(__name__)


@dataclass
class Retrainer:
    """Train a model for a project: ``retrainer(project_id)`` returns the new model folder.

    ``config``: training config YAML; ``overrides``: ``--set`` items; ``output``: where the
    model folders go (``<config name>-ls<project id>``); ``client``: makes a Label Studio client;
    ``weight``: the sampling weight of the project's annotations.
    """

    config: Path
    output: Path
    client: Callable[[], Any]
    overrides: list[str] = field(default_factory=list)
    weight: float = 3.0

    def training_config(self, pid: int, export: Path) -> dict[str, Any]:
        """The config to train with: ``config`` plus the project's export as a gold source."""
        from hasila.config import to_dict
        from hasila.data.dataset import SourceConfig
        from hasila.training.train import load_train_config

        cfg = load_train_config(self.config, self.overrides)
        cfg.data.train.append(SourceConfig(name=f"ls_project_{pid}", kind="gold", path=str(export),
                                           weight=self.weight))
        cfg.name = f"{cfg.name.removesuffix(f'-ls{pid}')}-ls{pid}"
        cfg.models_dir = str(self.output.resolve())
        return to_dict(cfg)

    def __call__(self, pid: int) -> Path:
        from hasila.annotation.lsclient import pull_project

        work = self.output.resolve() / f".ls-project-{pid}"
        work.mkdir(parents=True, exist_ok=True)
        export = work / "annotations.json"
        summary = pull_project(self.client(), pid, export, only_completed=True)
        if summary.written == 0:
            raise UserError(f"project {pid} has no valid finished annotation to train on")
        logger.info("retraining on %d annotated task(s) of project %s", summary.written, pid)
        cfg = self.training_config(pid, export)
        cfg_path = work / "train.yaml"
        with atomic_open(cfg_path) as fh:
            yaml.safe_dump(cfg, fh, allow_unicode=True, sort_keys=False)
        log = work / "train.log"
        with log.open("wb") as out:
            done = subprocess.run([sys.executable, "-m", "hasila", "train", "--config", str(cfg_path)],
                                  cwd=project_root(), stdout=out, stderr=subprocess.STDOUT, check=False)
        if done.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
            raise UserError(f"training for project {pid} failed (exit {done.returncode}, see {log}): "
                            + " ".join(tail))
        return Path(cfg["models_dir"]) / cfg["name"]
