"""Small file helpers: atomic writes, JSON Lines with line-numbered errors, shared data path."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hasila.errors import UserError

logger = logging.getLogger(__name__)


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and move it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a finished output gets the usual mode
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """A fresh folder ``.NAME.tmp`` beside ``path`` to fill; on success it replaces ``path``
    (any old folder is moved aside first, then removed), on error it is removed and
    ``path`` is left as it was."""
    path = Path(path)
    tmp = path.parent / f".{path.name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = path.parent / f".{path.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)


def write_json(path: str | Path, data: Any) -> None:
    """Write ``data`` as pretty UTF-8 JSON, atomically."""
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def read_json(path: str | Path) -> Any:
    """Read a JSON file; a missing or malformed file is a :class:`UserError`."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None


@dataclass(frozen=True)
class BadLine:
    """A JSON Lines record that could not be read."""

    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: line {self.line}: {self.problem}"


def iter_jsonl_lines(lines: Iterable[str | bytes], name: str,
                     bad: list[BadLine] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-empty line of ``lines`` (named ``name``).

    A line that is not UTF-8 or not a JSON object is logged, appended to ``bad``
    and skipped; without ``bad`` it raises :class:`UserError`.
    """
    for lineno, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            problem = BadLine(name, lineno, f"invalid JSON line ({exc})")
            if bad is None:
                raise UserError(str(problem)) from None
            logger.error("%s", problem)
            bad.append(problem)
            continue
        yield lineno, obj


def iter_jsonl(path: str | Path, bad: list[BadLine] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """:func:`iter_jsonl_lines` over a file; a missing file is a :class:`UserError`."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path}: file not found")
    with path.open("rb") as fh:
        yield from iter_jsonl_lines(fh, str(path), bad)


def shared_dir() -> Path | None:
    """The ``../shared`` reference folder (or ``$HASILA_SHARED``), if present."""
    env = os.environ.get("HASILA_SHARED")
    candidates = [Path(env)] if env else []
    root = Path(__file__).resolve().parent.parent
    candidates += [root.parent / "shared", Path.cwd().parent / "shared"]
    for cand in candidates:
        if cand.is_dir():
            return cand
    return None


def project_root() -> Path:
    """The repository root (the folder holding ``configs/``)."""
    return Path(__file__).resolve().parent.parent
