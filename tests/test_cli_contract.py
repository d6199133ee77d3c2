"""What a newcomer meets first: exit codes, log noise, help texts, early server checks."""

from __future__ import annotations

import argparse
import json
import logging
import socket
from pathlib import Path

import pytest

from hasila.cli import build_parser, main

EXIT_USAGE, EXIT_NETWORK = 2, 3  # the README's exit-code table


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def all_parsers() -> dict[str, argparse.ArgumentParser]:
    """Every (sub)command parser by its command line, e.g. ``ls push``."""
    out: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    out[f"{prefix} {name}".strip()] = child
                    walk(child, f"{prefix} {name}")

    walk(build_parser(), "")
    return out


@pytest.mark.parametrize("argv", [[], ["ls"], ["gold"]])
def test_a_missing_subcommand_is_misuse(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert ("predict" in err and "evaluate" in err) if not argv else "required" in err


def test_network_failure_has_its_own_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["ls", "pull", "--project", "p", "--output", str(tmp_path / "o.json"),
               "--url", f"http://127.0.0.1:{free_port()}", "--api-key", "k"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == EXIT_NETWORK != EXIT_USAGE and len(err) == 1 and "unreachable" in err[0]


def test_ls_push_checks_the_server_before_predicting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import hasila.apps.prediction_doc

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("predicted before the server was checked")

    monkeypatch.setattr(hasila.apps.prediction_doc, "prediction_docs", must_not_run)
    reports = tmp_path / "r.jsonl"
    reports.write_text(json.dumps({"id": "x", "text": "قتل 3 مدنيين"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    rc = main(["ls", "push", "--project", "p", "--input", str(reports), "--model", str(tmp_path),
               "--url", f"http://127.0.0.1:{free_port()}", "--api-key", "k"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == EXIT_NETWORK and len(err) == 1 and "unreachable" in err[0]


def test_quiet_by_default_and_verbose_on_request(root: Path) -> None:
    logger = logging.getLogger()
    saved = logger.level, list(logger.handlers)
    try:
        for argv, level in (([], logging.WARNING), (["-v"], logging.INFO), (["-vv"], logging.DEBUG)):
            logger.handlers.clear()
            main([*argv, "validate", str(root / "tests" / "fixtures" / "seed_gold.json")])
            assert logger.level == level, argv
    finally:
        logger.setLevel(saved[0])
        logger.handlers[:] = saved[1]


def test_every_command_and_option_is_described() -> None:
    for command, parser in all_parsers().items():
        assert parser.description, f"hasila {command}: no description"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) or "-h" in action.option_strings:
                continue
            assert action.help, f"hasila {command} {'/'.join(action.option_strings) or action.dest}: no help"
            if "--model" in action.option_strings:
                assert action.metavar == "DIR", f"hasila {command} --model: metavar {action.metavar}"


def test_evaluate_help_shows_what_is_required_and_what_it_writes() -> None:
    text = all_parsers()["evaluate"].format_help()
    usage = text.split("\n\n")[0]
    assert "--gold FILE" in usage and "[--gold" not in usage
    assert "--output DIR" in usage and "[--output DIR]" not in usage.split("--compare")[0]
    for name in ("metrics.json", "report.md", "report.html"):
        assert name in text
