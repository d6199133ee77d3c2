"""Subcommands of ``hasila``: one module each, each with ``register(subparsers)``.

Helpers the command modules share live here (the package itself is not a command).
"""

from __future__ import annotations

import argparse


def add_config_args(parser: argparse.ArgumentParser, default: str | None, config_help: str,
                    example: str, required: bool = False) -> None:
    """Add ``--config YAML`` and the repeatable ``--set KEY=VALUE`` (into ``args.overrides``).

    ``config_help`` describes the file; ``example`` is one override shown in the help, e.g.
    ``training.max_steps=50``.
    """
    parser.add_argument("--config", default=default, required=required, metavar="YAML",
                        help=config_help)
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help=f"override a config value, e.g. --set {example} (repeatable)")
