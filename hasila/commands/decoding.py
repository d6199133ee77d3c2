"""``hasila decoding --model DIR [--set key=value ...]``: show or set a model's confidence decoding."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decoding", help="show or set a model's confidence decoding (per-label bias and threshold)",
        description="Prints the model's model.decoding (saved in DIR/resolved_config.yaml); with --set, "
                    "writes the changed settings there, so predict, evaluate, serve, ls and the ray "
                    "engine all decode with them. Keys: bias.LABEL (added to the label's logits), "
                    "min_score.LABEL (a span below it is dropped), actor_phrases, no_monitors, place_names, "
                    "count_edges, count_veto, whole_place_names, place_phrases, category_numbers, glued_heads "
                    "(true/false).")
    p.add_argument("--model", required=True, metavar="DIR", help="model folder (from hasila train)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="e.g. min_score.ACTOR=0.65 (repeatable)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from hasila.model.infer import check_model_dir, json_labels, read_decoding, save_decoding

    if args.overrides:
        decoding = save_decoding(args.model, args.overrides)
    else:
        path = check_model_dir(args.model)
        decoding = read_decoding(Path(path)).check(json_labels(path))
    print(json.dumps(asdict(decoding), ensure_ascii=False))
    return 0
