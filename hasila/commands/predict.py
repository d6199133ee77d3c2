"""``hasila predict``: casualty figures for every report of the inputs, as JSON Lines or CSV."""

from __future__ import annotations

import argparse
import sys

from hasila.errors import UserError

#: problems printed one per line before a "… and N more" line
MAX_SHOWN = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "predict", help="tag and link reports: one JSON line (or CSV rows) per report",
        description="Inputs: JSON Lines files with {\"id\", \"text\"} per line, a JSON array of "
                    "such objects or a Label Studio export (data.text, data.doc_id), .txt files "
                    "(one report each, id = file name), folders of .txt files, or - for stdin. "
                    "Bad lines are reported with file and line and skipped; the run then exits "
                    "with 1, as it does when an id is used for two different texts or the input "
                    "holds no report. Output - is standard output.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", metavar="DIR", help="model folder (from hasila train)")
    source.add_argument("--rules", action="store_true",
                        help="no model: tag with the rules (gazetteer, word lists, number parser); "
                             "on the reports measured so far more accurate than the small models")
    p.add_argument("--input", required=True, nargs="+", metavar="PATH",
                   help="FILE.jsonl, FILE.json (array or Label Studio export), FILE.txt, a folder "
                        "of .txt files, or - (stdin); one or more")
    p.add_argument("--output", required=True, metavar="OUT",
                   help="output file, written atomically (OUT.part holds an unfinished run); "
                        "- for standard output")
    p.add_argument("--format", dest="fmt", default=None, metavar="jsonl|csv",
                   help="jsonl (one line per report) or csv (one row per casualty record, one for "
                        "a report without any; UTF-8 with byte-order mark); default: from the "
                        "output's extension, else jsonl")
    p.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="windows per model batch (default 16)")
    p.add_argument("--resume", action="store_true",
                   help="skip report ids already in OUT or OUT.part and add the rest")
    p.add_argument("--no-link", action="store_true",
                   help="entities only: no casualty records (skip the post-processor)")
    p.add_argument("--bf16", action=argparse.BooleanOptionalAction, default=None,
                   help="bf16 weights on CPU (default: on where the CPU computes bf16 natively)")
    p.add_argument("--threads", type=int, default=None,
                   help="torch threads in all (default: the cores other processes leave free); "
                        "with --engine ray: per actor, and the CPUs each actor reserves (default 1)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="tag and link in N processes, the threads shared among them; 0: one per "
                        "free core. Faster on many reports (the post-processor runs in every "
                        "process); memory grows with N (default 1)")
    engine = p.add_argument_group("engine", "where tagging and linking run")
    engine.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: this process (or --workers processes); ray: a Ray Data pipeline "
                             "on a local Ray or a Ray cluster (pip install 'hasila[ray]'); same output")
    engine.add_argument("--ray-address", default=None, metavar="ADDR",
                        help="--engine ray: the Ray cluster to join: HEAD_IP:6379, or auto for the "
                             "one `ray start` made on this machine (default: RAY_ADDRESS, else a "
                             "new local Ray for the run)")
    engine.add_argument("--concurrency", type=int, default=None, metavar="N",
                        help="--engine ray: N actors, each loading the model once (default: as many "
                             "as the cluster's CPUs / --threads, or GPUs / --num-gpus, allow)")
    engine.add_argument("--num-gpus", type=float, default=0.0, metavar="G",
                        help="--engine ray: GPUs per actor; above 0 the model runs on CUDA (default 0)")
    p.add_argument("--link-config", default=None, metavar="YAML",
                   help="post-processor settings (default: configs/link.yaml when present)")
    p.add_argument("--link-set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a post-processor setting, e.g. --link-set rules_fallback=false")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hasila.apps.predict import run_predict
    from hasila.link import load_link_config

    link_config = load_link_config(args.link_config, args.link_set)
    summary = run_predict(args.model, args.input, args.output, fmt=args.fmt,
                          batch_size=args.batch_size, resume=args.resume, link=not args.no_link,
                          link_config=link_config,
                          bf16=args.bf16, threads=args.threads, progress=not args.no_progress,
                          workers=args.workers, rules=args.rules, engine=args.engine,
                          ray_options=_ray_options(args))
    problems = [*(f"skipped {entry}" for entry in summary.bad),
                *(f"skipped {msg}" for msg in summary.conflicts),
                *(f"failed {msg}" for msg in summary.failed)]
    for line in problems[:MAX_SHOWN]:
        print(f"hasila predict: {line}", file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print(f"hasila predict: … and {len(problems) - MAX_SHOWN} more problem(s) like these "
              "(-vv lists every one as it happens)", file=sys.stderr)
    for msg in summary.notes:
        print(f"hasila predict: note: {msg}", file=sys.stderr)
    if args.verbose:
        for msg in summary.duplicates:
            print(f"hasila predict: note: {msg}", file=sys.stderr)
    print(summary.describe(), file=sys.stderr)
    return summary.exit_code


def _ray_options(args: argparse.Namespace) -> object | None:
    if args.engine != "ray":
        given = [flag for flag, value in (("--ray-address", args.ray_address),
                                          ("--concurrency", args.concurrency),
                                          ("--num-gpus", args.num_gpus)) if value]
        if given:
            raise UserError(f"{', '.join(given)}: only with --engine ray")
        return None
    from hasila.apps.predict_ray import RayOptions

    return RayOptions(address=args.ray_address, concurrency=args.concurrency, num_gpus=args.num_gpus)
