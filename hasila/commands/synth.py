"""``hasila synth``: synthetic reports with gold annotations, as a Label Studio export."""

from __future__ import annotations

import argparse

from hasila.commands import add_config_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "synth", help="generate synthetic annotated reports (Label Studio JSON)",
        description="Compose N reports from sentence patterns, the gazetteer and the actor list, "
                    "with every span, relation and COUNT attribute annotated by construction. "
                    "Deterministic per --seed. An --output ending in .jsonl gets one task per line; "
                    "any other name one JSON list (a Label Studio export).")
    p.add_argument("--n", type=int, required=True, help="number of reports")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same reports)")
    p.add_argument("--output", required=True, help="output file: .json (export) or .jsonl (a task per line)")
    add_config_args(p, "configs/synth.yaml", "generator settings (YAML)", "style.p_words=0.5")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from hasila.errors import UserError
    from hasila.synth.generator import iter_generate, load_synth_config, write_docs

    if args.n < 0:
        raise UserError(f"--n must be 0 or more, got {args.n}")
    cfg = load_synth_config(args.config, args.overrides)
    docs = tqdm(iter_generate(args.n, args.seed, cfg), total=args.n, unit="report", desc="synth",
                disable=args.no_progress, dynamic_ncols=True)
    written = write_docs(args.output, docs)
    print(f"wrote {written} synthetic reports (seed {args.seed}) to {args.output}")
    return 0
