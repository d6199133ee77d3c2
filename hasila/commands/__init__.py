"""Subcommands of ``hasila``: one module each, each with ``register(subparsers)``."""
