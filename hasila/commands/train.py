"""``hasila train``: fine-tune the token classifier from a config file."""

from __future__ import annotations

import argparse

from hasila.commands import add_config_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the token classifier (writes models/<name>/)",
                       description="Train as configured; the best model on the dev set is written to "
                                   "models/<name>/ with its tokenizer, config, ontology, metrics and card.")
    add_config_args(p, None, "training config, e.g. configs/default.yaml", "training.max_steps=50",
                    required=True)
    p.add_argument("--resume", action="store_true",
                   help="continue the run training/<name>/ from its last checkpoint")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.training.train import load_train_config, train

    cfg = load_train_config(args.config, args.overrides)
    result = train(cfg, resume=args.resume)
    if not result.main_process:  # another process of `accelerate launch`: the main one reports
        return 0
    for split in ("dev", "test"):
        for name, m in result.metrics.get(split, {}).items():
            print(f"{split} {name}: strict F1 {m['f1']:.3f} (P {m['precision']:.3f}, "
                  f"R {m['recall']:.3f}, {m['docs']} docs)")
    print(f"model: {result.model_dir} ({result.steps} steps, {result.seconds:.0f} s, "
          f"{result.tokens_per_second:.0f} tokens/s, "
          f"{result.metrics.get('world_size', 1)} process(es))")
    return 0
