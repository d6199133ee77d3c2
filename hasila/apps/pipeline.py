"""The main job, end to end: train → predict → evaluate (what ``make demo`` runs).

Every step is a plain function of its own module; this one only chains them
and puts each output where the layout says: the run in ``training/<name>/``,
the model in ``models/<name>/``, predictions and the report in ``eval/<name>/``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from hasila.errors import UserError
from hasila.fileio import project_root, read_json, shared_dir

logger = logging.getLogger(__name__)


@dataclass
class PipelineResult:
    model_dir: Path
    predictions: Path
    eval_dir: Path
    seconds: dict[str, float] = field(default_factory=dict)
    headline: list[list[str]] = field(default_factory=list)


def split_report_files(split: str, splits_path: Path | None = None,
                       reports_dir: Path | None = None) -> list[str]:
    """The ``data/reports/<id>.txt`` files of one split (from ``data/splits.json``)."""
    root = project_root()
    splits_path = splits_path or root / "data" / "splits.json"
    reports_dir = reports_dir or root / "data" / "reports"
    ids = read_json(splits_path).get(split)
    if not ids:
        raise UserError(f"{splits_path}: no {split!r} split")
    files = [reports_dir / f"{i}.txt" for i in ids]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise UserError(f"report files missing (run `hasila gold build`): {', '.join(missing[:5])}")
    return [str(f) for f in files]


def gold_sets(test_gold: Path) -> list[Path]:
    """The team's gold test split, plus the real dev reports when ../shared is present."""
    sets = [test_gold]
    shared = shared_dir()
    real_dev = shared / "real" / "dev_gold.json" if shared else None
    if real_dev is not None and real_dev.exists():
        sets.append(real_dev)
    else:
        logger.info("../shared/real/dev_gold.json absent: evaluating on the team's gold test split only")
    return sets


def run_pipeline(config: str | Path, overrides: list[str] | None = None, skip_train: bool = False,
                 baseline: bool = True) -> PipelineResult:
    """Train the configured model, predict the gold test reports, write the evaluation report
    (scoring the predictions file just written: the test reports are tagged once)."""
    from hasila.apps.predict import run_predict
    from hasila.evaluation.evaluate import run_evaluate
    from hasila.evaluation.report import headline_rows
    from hasila.training.train import load_train_config, train

    cfg = load_train_config(config, overrides)
    root = project_root()
    seconds: dict[str, float] = {}
    t0 = time.monotonic()
    if skip_train:
        model_dir = root / cfg.models_dir / cfg.name
        if not (model_dir / "config.json").exists():
            raise UserError(f"--skip-train: no trained model in {model_dir}")
    else:
        model_dir = train(cfg).model_dir
    seconds["train"] = time.monotonic() - t0

    eval_dir = root / "eval" / cfg.name
    predictions = eval_dir / "predictions.jsonl"
    t1 = time.monotonic()
    summary = run_predict(model_dir, split_report_files("test"), predictions)
    seconds["predict"] = time.monotonic() - t1
    logger.info("%s", summary.describe())

    t2 = time.monotonic()
    metrics = run_evaluate(model_dir, gold_sets(root / "annotations" / "gold" / "test.json"), eval_dir,
                           baseline="rules" if baseline else None, predictions=predictions)
    seconds["evaluate"] = time.monotonic() - t2
    seconds["total"] = time.monotonic() - t0
    return PipelineResult(model_dir, predictions, eval_dir, seconds, headline_rows(metrics))
