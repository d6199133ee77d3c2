"""``hasila pretrain``: tokenizer + masked-LM domain pre-training on unlabelled text."""

from __future__ import annotations

import argparse

from hasila.commands import add_config_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pretrain", help="train a tokenizer and a masked-LM base model on unlabelled text",
                       description="Writes models/<name>/ (tokenizer + BertForMaskedLM weights); "
                                   "use it as model.base in a training config.")
    add_config_args(p, None, "pre-training config, or a training config with a pretrain: section "
                    "(e.g. configs/best-cpu.yaml)", "training.max_steps=100", required=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.training.pretrain import load_pretrain_config, pretrain

    result = pretrain(load_pretrain_config(args.config, args.overrides))
    if not result.main_process:  # another process of `accelerate launch`: the main one reports
        return 0
    loss = f"{result.heldout_loss:.3f}" if result.heldout_loss is not None else "n/a"
    print(f"base model: {result.output_dir} ({result.steps} steps, {result.seconds:.0f} s, "
          f"{result.tokens_per_second:.0f} tokens/s, held-out MLM loss {loss})")
    return 0
