"""Small file helpers: atomic writes, JSON Lines with line-numbered errors, shared data path."""

from __future__ import annotations

import fcntl
import hashlib
import importlib.resources
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hasila.errors import UserError

logger = logging.getLogger(__name__)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and move it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a finished output gets the usual mode
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
def _folder_lock(path: Path) -> Iterator[None]:
    """Hold ``.NAME.lock`` beside ``path`` exclusively; a second writer gets a :class:`UserError`."""
    lock = path.parent / f".{path.name}.lock"
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # the file may have been removed by the writer before us: then it is not our lock
            held = lock.exists() and os.stat(lock).st_ino == os.fstat(fd).st_ino
        except BlockingIOError:
            held = False
        if not held:
            raise UserError(f"{path}: another process is writing this folder right now; wait for "
                            "it to finish or choose another output")
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """A fresh hidden folder beside ``path`` to fill; on success it replaces ``path``
    (any old folder is moved aside first, then removed), on error it is removed and
    ``path`` is left as it was. One writer at a time: a second process writing the
    same folder meanwhile is refused with a :class:`UserError`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _folder_lock(path):
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a killed writer
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
        tmp.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; a finished folder gets the usual mode
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


def cached_json(cache_dir: str | Path, prefix: str, key: bytes, texts: Iterable[str],
                compute: Callable[[], Any], what: str) -> Any:
    """``compute()``'s JSON result, cached in ``cache_dir`` under a hash of ``key`` and
    ``texts`` (written atomically; ``what`` names it in the log)."""
    h = hashlib.sha256(key)
    for text in texts:
        h.update(text.encode("utf-8") + b"\x00")
    cache = Path(cache_dir) / f"{prefix}{h.hexdigest()[:16]}.json"
    if cache.is_file():
        logger.info("%s: cache hit %s", what, cache)
        return json.loads(cache.read_text(encoding="utf-8"))
    raw = compute()
    with atomic_open(cache) as fh:
        json.dump(raw, fh)
    return raw


def write_json(path: str | Path, data: Any) -> None:
    """Write ``data`` as pretty UTF-8 JSON, atomically."""
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def read_json(path: str | Path) -> Any:
    """Read a JSON file; a missing or malformed file is a :class:`UserError`."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a JSON file") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start}): is it a binary file? "
                        "Expected JSON") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None


@dataclass(frozen=True)
class BadLine:
    """A JSON Lines record that could not be read (``line`` None: the whole file; ``unit``
    names what ``line`` counts, e.g. ``item`` in a JSON array)."""

    path: str
    line: int | None
    problem: str
    unit: str = "line"

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.problem}"
        return f"{self.path}: {self.unit} {self.line}: {self.problem}"


def iter_jsonl_lines(lines: Iterable[str | bytes], name: str, bad: list[BadLine] | None = None,
                     quiet: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-empty line of ``lines`` (named ``name``).

    A line that is not UTF-8 or not a JSON object is logged (at debug level when
    ``quiet``: the caller reports it), appended to ``bad`` and skipped; without
    ``bad`` it raises :class:`UserError`.
    """
    for lineno, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if lineno == 1:
                line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            problem = BadLine(name, lineno, f"invalid JSON line ({exc})")
            if bad is None:
                raise UserError(str(problem)) from None
            logger.log(logging.DEBUG if quiet else logging.ERROR, "%s", problem)
            bad.append(problem)
            continue
        yield lineno, obj


def iter_jsonl(path: str | Path, bad: list[BadLine] | None = None,
               quiet: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """:func:`iter_jsonl_lines` over a file; a missing file is a :class:`UserError`."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path}: file not found")
    with path.open("rb") as fh:
        yield from iter_jsonl_lines(fh, str(path), bad, quiet)


#: Environment variable naming the ``shared`` reference folder (real gold, corpora).
SHARED_ENV = "HASILA_SHARED"


def shared_dir() -> Path | None:
    """The ``shared`` reference folder: ``$HASILA_SHARED``, else ``shared`` beside the
    repository checkout (``../shared``), if present. Never looked up from the working folder."""
    env = os.environ.get(SHARED_ENV)
    candidates = [Path(env)] if env else []
    candidates.append(_checkout().parent / "shared")
    for cand in candidates:
        if cand.is_dir():
            return cand
    return None


def resource(relpath: str = "") -> Path:
    """A file shipped inside the package (package data under ``hasila/resources/``, read
    with :mod:`importlib.resources`), by its path in the repository: ``configs/categories.yaml``,
    ``configs/actors.yaml``, ``configs/link.yaml``, ``configs/synth.yaml``,
    ``data/gazetteer/places.tsv``, ``data/gazetteer/admin.tsv``, ``annotations/label_config.xml``.
    In a checkout they are links to those files."""
    path = importlib.resources.files("hasila").joinpath("resources", *filter(None, relpath.split("/")))
    return Path(str(path))


def _checkout() -> Path:
    return Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The folder relative paths of configs are read from: the repository checkout (the folder
    holding ``configs/``) when hasila runs from one, else, for an installed package, its
    packaged copies (:func:`resource`), so the defaults work from any working folder."""
    root = _checkout()
    return root if (root / "configs").is_dir() else resource()
