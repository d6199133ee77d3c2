"""``hasila ls push|pull``: the Label Studio round trip (see hasila.lsclient)."""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hasila.errors import NetworkError, UserError

logger = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ls", help="Label Studio: push reports and pre-annotations, pull annotations",
                       description="The annotation loop with a Label Studio server "
                                   "($LABEL_STUDIO_URL, $LABEL_STUDIO_API_KEY). Exit code 3 when the "
                                   "server cannot be reached.")
    ls_sub = p.add_subparsers(dest="ls_command", metavar="push|pull", required=True)
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


def model_version(model_dir: str | Path) -> str:
    """The model's name and a short hash of its weights and config."""
    model_dir = Path(model_dir)
    h = hashlib.sha256()
    for name in sorted(["config.json", "resolved_config.yaml", "model.safetensors"]):
        f = model_dir / name
        if f.exists():
            h.update(f.read_bytes())
    return f"{model_dir.name}-{h.hexdigest()[:8]}"


@contextmanager
def network_errors(url: str | None) -> Iterator[None]:
    """A connection lost in mid-run becomes one :class:`NetworkError` line (exit code 3)."""
    import httpx

    try:
        yield
    except httpx.TransportError as exc:
        where = url or os.environ.get("LABEL_STUDIO_URL") or "Label Studio"
        raise NetworkError(f"{where}: connection failed ({type(exc).__name__}: {exc})") from None


def run_push(args: argparse.Namespace) -> int:
    from hasila.lsclient import connect, docs_from_jsonl, push, unique_ids

    docs = unique_ids(docs_from_jsonl(args.input))
    with network_errors(args.url):
        client = connect(args.url, args.api_key)  # server and key first: predicting takes time
    predictions = None
    version = None
    if args.model:
        from hasila.predict import ontology_note
        from hasila.prediction_doc import prediction_docs

        if (note := ontology_note(args.model)) is not None:
            print(f"hasila ls push: note: {note}", file=sys.stderr)

        predictions = {d.id: d for d in prediction_docs(args.model, docs, batch_size=args.batch_size)}
        version = model_version(args.model)
    with network_errors(args.url):
        s = push(client, args.project, docs, predictions, model_version=version)
    print(f"project {args.project!r} (id {s.project_id}): {s.created} task(s) created, "
          f"{s.skipped} already there, {s.predictions_added} prediction(s) added")
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from hasila.lsclient import connect, pull

    with network_errors(args.url):
        client = connect(args.url, args.api_key)
        s = pull(client, args.project, args.output, only_completed=args.only_completed)
    for line in s.errors:
        print(f"problem: {line}", file=sys.stderr)
    print(f"project {args.project!r} (id {s.project_id}): {s.tasks} task(s), {s.written} valid written "
          f"to {args.output}, {len(s.errors)} problem(s)")
    if s.written == 0 and s.tasks:
        raise UserError("no valid annotated task to write")
    return 1 if s.errors else 0
