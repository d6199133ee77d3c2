"""``hasila ls push|pull|select``: Label Studio round trip and the next batch to annotate."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from hasila.errors import UserError

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ls", help="Label Studio: push reports and pre-annotations, pull annotations, "
                                  "select the next batch",
                       description="The annotation loop with a Label Studio server "
                                   "($LABEL_STUDIO_URL, $LABEL_STUDIO_API_KEY). Exit code 3 when the "
                                   "server cannot be reached.")
    ls_sub = p.add_subparsers(dest="ls_command", metavar="push|pull|select", required=True)
    for name, helptext, description in (
        ("push", "import reports as tasks (with --model: its predictions)",
         "Import reports as Label Studio tasks; with --model, the model's spans, relations and "
         "attributes as pre-annotations. The server and the API key are checked before anything "
         "is predicted. Report ids already in the project add no task."),
        ("pull", "export annotations, validate them, write the valid tasks",
         "Export the project's annotations, check them against scheme v1 and write the valid "
         "tasks as a Label Studio JSON export. Exit code 1 when a task has a problem (each is "
         "listed)."),
    ):
        q = ls_sub.add_parser(name, help=helptext, description=description)
        q.add_argument("--project", required=True, help="project title (created by push if needed)")
        q.add_argument("--url", help="server URL (default: $LABEL_STUDIO_URL)")
        q.add_argument("--api-key", help="API token (default: $LABEL_STUDIO_API_KEY)")
        if name == "push":
            q.add_argument("--input", required=True, metavar="FILE.jsonl",
                           help="reports as JSON Lines with id and text")
            q.add_argument("--model", metavar="DIR",
                           help="model folder: push its spans, relations and attributes")
            q.add_argument("--batch-size", type=int, default=16, metavar="N",
                           help="windows per model batch when predicting (default 16)")
            q.set_defaults(func=run_push)
        else:
            q.add_argument("--output", required=True, metavar="FILE.json",
                           help="where to write the export (JSON)")
            q.add_argument("--only-completed", action="store_true", help="only tasks with an annotation")
            q.set_defaults(func=run_pull)
    q = ls_sub.add_parser("select", help="pick the reports most worth annotating next",
                          description="Score a pool of reports by the model's uncertainty and its "
                                      "disagreement with the rules, then take the N best, never two "
                                      "near-duplicates (reprints); each line says why it was chosen.")
    q.add_argument("--model", required=True, metavar="DIR", help="model folder")
    q.add_argument("--input", required=True, metavar="POOL.jsonl", help="the pool: JSON Lines with id and text")
    q.add_argument("--n", type=int, required=True, help="how many reports to choose")
    q.add_argument("--output", required=True, help="where to write the chosen reports (JSON Lines)")
    q.add_argument("--max-similarity", type=float, default=0.8,
                   help="TF-IDF cosine from which two reports count as the same (default 0.8)")
    q.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="windows per model batch (default 16)")
    q.add_argument("--push", action="store_true", help="also push them, with predictions, to --project")
    q.add_argument("--project", help="project title for --push")
    q.add_argument("--url", help="server URL for --push (default: $LABEL_STUDIO_URL)")
    q.add_argument("--api-key", help="API token for --push (default: $LABEL_STUDIO_API_KEY)")
    q.set_defaults(func=run_select)


def run_push(args: argparse.Namespace) -> int:
    from hasila.annotation.lsclient import connect, docs_from_jsonl, unique_ids

    docs = unique_ids(docs_from_jsonl(args.input))
    client = connect(args.url, args.api_key)  # server and key first: predicting takes time
    predictions = None
    version = None
    if args.model:
        from hasila.apps.prediction_doc import model_version, prediction_docs

        _ontology_note("ls push", args.model)
        predictions = {d.id: d for d in prediction_docs(args.model, docs, batch_size=args.batch_size)}
        version = model_version(args.model)
    _push_and_say(client, args, docs, predictions, version)
    return 0


def _ontology_note(command: str, model_dir: str) -> None:
    """Tell the user when the model folder lacks the categories it was trained with."""
    from hasila.apps.predict import ontology_note

    if (note := ontology_note(model_dir)) is not None:
        print(f"hasila {command}: note: {note}", file=sys.stderr)


def _push_and_say(client: object, args: argparse.Namespace, docs: list, predictions: dict | None,
                  version: str | None) -> None:
    """Push ``docs`` (with ``predictions``) to ``args.project`` and print what was added."""
    from hasila.annotation.lsclient import ls_errors, push

    with ls_errors(args.url):
        s = push(client, args.project, docs, predictions, model_version=version)
    print(f"project {args.project!r} (id {s.project_id}): {s.created} task(s) created, "
          f"{s.skipped} already there, {s.predictions_added} prediction(s) added")


def run_pull(args: argparse.Namespace) -> int:
    from hasila.annotation.lsclient import connect, ls_errors, pull

    client = connect(args.url, args.api_key)
    with ls_errors(args.url):
        s = pull(client, args.project, args.output, only_completed=args.only_completed)
    for line in s.errors:
        print(f"problem: {line}", file=sys.stderr)
    print(f"project {args.project!r} (id {s.project_id}): {s.tasks} task(s), {s.written} valid written "
          f"to {args.output}, {len(s.errors)} problem(s)")
    if s.written == 0 and s.tasks:
        raise UserError("no valid annotated task to write")
    return 1 if s.errors else 0


def run_select(args: argparse.Namespace) -> int:
    from hasila.annotation.lsclient import docs_from_jsonl, unique_ids
    from hasila.fileio import atomic_open
    from hasila.model.infer import Tagger
    from hasila.model.selection import select
    from hasila.rules.tagger import RulesTagger

    if args.push and not args.project:
        raise UserError("--push needs --project")
    docs = unique_ids(docs_from_jsonl(args.input))
    client = None
    if args.push:
        from hasila.annotation.lsclient import connect

        client = connect(args.url, args.api_key)  # a bad URL or token shows before the work
    _ontology_note("ls select", args.model)
    tagger = Tagger.load(args.model)
    chosen = select(tagger, RulesTagger.load(), docs, args.n, args.max_similarity, args.batch_size)
    with atomic_open(args.output) as fh:
        for c in chosen:
            fh.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")
    print(f"{len(chosen)} of {len(docs)} report(s) chosen, written to {args.output}")
    if client is not None:
        from hasila.apps.prediction_doc import model_version, tag_and_link

        picked = [c.doc for c in chosen]
        predictions = {d.id: d for d in tag_and_link(tagger, picked, batch_size=args.batch_size)}
        _push_and_say(client, args, picked, predictions, model_version(args.model))
    return 0
