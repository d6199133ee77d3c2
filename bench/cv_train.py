"""Train the grouped cross-validation fold models of a recipe over the real train reports.

One model per outlet family: the config's ``real`` source (``real/train_gold.json``) holds that
family out beside the outlets it already holds out to select on (BBC), so the fold model never
trains or selects on the reports it is then scored on (``bench/cv_decoding.py``,
``bench/cv_combine.py`` read the held-out outlets from the fold's ``resolved_config.yaml``)::

    PYTHONPATH=$PWD python bench/cv_train.py --config configs/default.yaml --prefix cv-hint \\
        --set model.rules_hint=true

writes ``models/cv-hint-skynews``, ``models/cv-hint-france24`` and ``models/cv-hint-saudi``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

#: outlet families of ``real/train_gold.json`` (its ``source`` field)
FAMILIES = {
    "skynews": ["skynews"],
    "france24": ["france24"],
    "saudi": ["aawsat", "alyaum", "alwatan", "alriyadh", "almadina", "aleqtisadiya", "aljazirah",
              "alweeam"],
}


def fold_config(config: dict, family: str, name: str) -> dict:
    """``config`` with ``family`` held out of its real gold source, named ``name``."""
    out = dict(config, name=name)
    sources = []
    for src in config["data"]["train"]:
        if str(src.get("path", "")).endswith("real/train_gold.json"):
            src = dict(src, hold_out=list(src.get("hold_out") or []) + FAMILIES[family])
        sources.append(src)
    out["data"] = dict(config["data"], train=sources)
    return out


def main() -> None:
    from hasila.training.train import load_train_config, train

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True)
    ap.add_argument("--prefix", required=True, help="fold models are named PREFIX-FAMILY")
    ap.add_argument("--families", nargs="+", default=list(FAMILIES), choices=list(FAMILIES))
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    args = ap.parse_args()
    config = yaml.safe_load(Path(args.config).read_text(encoding="utf-8"))
    for family in args.families:
        name = f"{args.prefix}-{family}"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(yaml.safe_dump(fold_config(config, family, name), allow_unicode=True),
                            encoding="utf-8")
            result = train(load_train_config(path, args.overrides))
        print(f"{name}: {result}")


if __name__ == "__main__":
    main()
