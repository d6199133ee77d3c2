"""The command line: every command registers, and --config/--set behave alike everywhere."""

from __future__ import annotations

import argparse
import pkgutil

import pytest

from hasila import commands
from hasila.cli import build_parser, main
from hasila.commands import add_config_args

# command -> (arguments it requires besides --config, default --config or None when required)
CONFIG_COMMANDS = {
    "train": ([], None),
    "pretrain": ([], None),
    "run": ([], "configs/default.yaml"),
    "synth": (["--n", "1", "--output", "o.json"], "configs/synth.yaml"),
    "weak-label": (["--input", "i.jsonl", "--output", "o.json"], None),
}
REQUIRED = {"train", "pretrain"}


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_module_registers_and_the_package_helper_is_not_one():
    modules = {m.name for m in pkgutil.iter_modules(commands.__path__)}
    subs = subparsers()
    assert len(subs) == len(modules)
    assert {name.replace("-", "_") for name in subs} == modules
    with_config = {name for name, sub in subs.items()
                   if any("--config" in a.option_strings for a in sub._actions)}
    assert with_config == set(CONFIG_COMMANDS)


@pytest.mark.parametrize("command", sorted(CONFIG_COMMANDS))
def test_config_and_set_parse_alike_in_every_command(command):
    extra, default = CONFIG_COMMANDS[command]
    parser = build_parser()
    args = parser.parse_args([command, *extra, "--config", "x.yaml", "--set", "a=1", "--set", "b.c=[1, 2]"])
    assert args.config == "x.yaml" and args.overrides == ["a=1", "b.c=[1, 2]"]
    if command in REQUIRED:
        with pytest.raises(SystemExit):
            parser.parse_args([command, *extra])
    else:
        args = parser.parse_args([command, *extra])
        assert args.config == default and args.overrides == []
    text = subparsers()[command].format_help()
    assert "--config YAML" in text and "--set KEY=VALUE" in text and "(repeatable)" in text


def test_add_config_args_help_and_required():
    parser = argparse.ArgumentParser(prog="x")
    add_config_args(parser, None, "the settings file", "a.b=2", required=True)
    with pytest.raises(SystemExit):
        parser.parse_args([])
    text = parser.format_help()
    assert "the settings file" in text and "--set a.b=2 (repeatable)" in text
    optional = argparse.ArgumentParser(prog="y")
    add_config_args(optional, "d.yaml", "settings", "k=v")
    assert optional.parse_args([]).config == "d.yaml"


def test_a_bad_override_is_one_error_line(tmp_path, capsys):
    code = main(["synth", "--n", "1", "--output", str(tmp_path / "o.json"), "--no-progress",
                 "--set", "no_such_key=1"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("hasila synth: error:") and "no_such_key" in err and "Traceback" not in err


def test_a_command_leaves_its_process_group_before_exit(tmp_path, monkeypatch):
    """A data-parallel run's gloo group is destroyed when the command returns, not at interpreter exit."""
    import torch.distributed as dist

    from hasila import cli

    monkeypatch.setitem(cli.__dict__, "build_parser", _one_command_parser)
    dist.init_process_group("gloo", init_method=f"file://{tmp_path / 'store'}", rank=0, world_size=1)
    try:
        assert main(["noop"]) == 0
        assert not dist.is_initialized()
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()


def _one_command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hasila")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("noop").set_defaults(func=lambda args: 0)
    return parser
