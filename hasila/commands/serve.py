"""``hasila serve``: the model as a Label Studio ML backend (see hasila.apps.serve)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hasila.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve a model as a Label Studio ML backend",
                       description="Answer Label Studio's ML backend calls (/health, /setup, /predict, "
                                   "/webhook) with the model's spans, relations and attributes. Connect "
                                   "it in the project's Settings > Model with the URL it prints.")
    p.add_argument("--model", required=True, metavar="DIR", help="trained model folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=9090, help="port (default 9090)")
    p.add_argument("--batch-size", type=int, default=16, help="windows per model batch")
    p.add_argument("--threads", type=int, help="torch threads (default: the free cores)")
    p.add_argument("--train-on-webhook", action="store_true",
                   help="retrain on the project's finished annotations when Label Studio reports an "
                        "annotation (or Start Training) and swap the new model in")
    p.add_argument("--train-config", metavar="YAML",
                   help="training config for retraining (default: the model's resolved_config.yaml)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a training config value, e.g. --set training.max_steps=200")
    p.add_argument("--train-output", default="models", help="folder for retrained models")
    p.add_argument("--url", help="Label Studio URL for retraining (default: $LABEL_STUDIO_URL)")
    p.add_argument("--api-key", help="Label Studio token for retraining (default: $LABEL_STUDIO_API_KEY)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from hasila.apps.serve import Backend, ServeError, create_app

    if not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: not a port number")
    retrain = None
    if args.train_on_webhook:
        from hasila.annotation.lsclient import connect
        from hasila.training.retrain import Retrainer

        config = Path(args.train_config) if args.train_config else Path(args.model) / "resolved_config.yaml"
        if not config.is_file():
            raise UserError(f"{config}: no training config (give --train-config)")
        connect(args.url, args.api_key)  # a wrong URL or token shows now, not at the first event
        retrain = Retrainer(config=config, output=Path(args.train_output), overrides=args.overrides,
                            client=lambda: connect(args.url, args.api_key))
    from hasila.commands.ls import _ontology_note

    _ontology_note("serve", args.model)
    backend = Backend(args.model, batch_size=args.batch_size, threads=args.threads, retrain=retrain)
    try:
        model = backend.load()
    except ServeError as exc:
        raise UserError(exc.message) from None
    print(f"hasila serve: {model.version} at http://{args.host}:{args.port} "
          f"(retraining on webhooks: {'on' if retrain else 'off'})", flush=True)
    uvicorn.run(create_app(backend), host=args.host, port=args.port, log_level="info")
    return 0
