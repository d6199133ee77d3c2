"""``hasila weak-label``: label reports with the rules baseline, as Label Studio predictions."""

from __future__ import annotations

import argparse
import logging

from hasila.commands import add_config_args

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "weak-label", help="label reports with the rules baseline (Label Studio predictions)",
        description="Read JSON Lines ({\"id\", \"text\", ...} per line), label every report with "
                    "the rules (actors, gazetteer places, counts, categories, relations) and write "
                    "a Label Studio export with predictions, atomically.")
    p.add_argument("--input", required=True, metavar="FILE.jsonl", help="reports, one JSON object a line")
    p.add_argument("--output", required=True, metavar="PATH", help="Label Studio JSON export to write")
    add_config_args(p, None, "RulesConfig YAML (optional)", "link.rules_fallback=false")
    p.add_argument("--limit", type=int, default=0, help="label only the first N reports")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.config import load_config
    from hasila.rules.tagger import RulesConfig, rules_label_file

    cfg = load_config(RulesConfig, args.config, args.overrides)
    n = rules_label_file(args.input, args.output, cfg, limit=args.limit)
    print(f"hasila weak-label: {n} reports -> {args.output} (model_version {cfg.model_version})")
    return 0
