"""The ``hasila`` command line: parses arguments and calls plain functions.

Each module in :mod:`hasila.commands` defines ``register(subparsers)``; its
subcommand sets ``func`` to a callable taking the parsed namespace and
returning an exit code. A :class:`~hasila.errors.UserError` becomes one line on
stderr and its exit code (2; 3 for a :class:`~hasila.errors.NetworkError`); see
:mod:`hasila.errors` for the whole table. Logging is quiet (warnings and errors)
unless ``-v`` (progress notes) or ``-vv`` (debug) is given.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from hasila import __version__, commands
from hasila.errors import EXIT_INTERRUPTED, EXIT_USAGE, UserError

logger = logging.getLogger(__name__)

#: log level by the number of ``-v``
LOG_LEVELS = (logging.WARNING, logging.INFO, logging.DEBUG)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hasila",
        description="hasila (حصيلة): structured casualty figures from Arabic conflict reports.",
    )
    parser.add_argument("--version", action="version", version=f"hasila {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log progress notes (-vv: debug details too); default: warnings only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # a newcomer typing `hasila`: the commands, then exit code 2 like any misuse
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=LOG_LEVELS[min(args.verbose, len(LOG_LEVELS) - 1)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"hasila {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"hasila {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        _leave_process_group()


def _leave_process_group() -> None:
    """Destroy a data-parallel run's process group before the interpreter exits, so the
    processes do not tear gloo down under each other (an abort at exit). A no-op for every
    command that never imported torch.distributed."""
    dist = sys.modules.get("torch.distributed")
    if dist is not None and dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


if __name__ == "__main__":
    sys.exit(main())
