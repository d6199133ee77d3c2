"""Unlabelled corpora and config paths: where a config's relative paths point, which corpus
files a list of paths and globs names (``../shared`` ones optional), and their texts."""

from __future__ import annotations

import glob
import json
import logging
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hasila.errors import UserError
from hasila.fileio import project_root

logger = logging.getLogger(__name__)


def resolve_path(path: str | Path) -> Path:
    """A config path: absolute as given, relative to the project root otherwise."""
    path = Path(path)
    return path if path.is_absolute() else project_root() / path


def is_shared_path(path: str) -> bool:
    parts = Path(path).parts
    return "shared" in parts[:3] and (parts[0] == ".." or Path(path).is_absolute())


def expand_corpus_paths(paths: Iterable[str]) -> list[Path]:
    """Resolve corpus paths and globs; absent ``../shared`` items are skipped with a log line."""
    found: list[Path] = []
    for item in paths:
        resolved = resolve_path(item)
        matches = sorted(Path(p) for p in glob.glob(str(resolved))) if glob.has_magic(item) \
            else ([resolved] if resolved.exists() else [])
        if not matches:
            if is_shared_path(item):
                logger.info("skipping corpus %s: not found (../shared is optional)", item)
                continue
            raise UserError(f"{item}: corpus file not found (resolved to {resolved})")
        found.extend(matches)
    return found


def _texts_from_records(records: Any, where: str) -> Iterator[str]:
    if not isinstance(records, list):
        raise UserError(f"{where}: expected a JSON array of articles")
    for rec in records:
        if isinstance(rec, dict):
            text = rec.get("text") or rec.get("content")
            if isinstance(text, str) and text.strip():
                yield text


def iter_corpus_texts(paths: Iterable[str], max_docs: int = 0) -> Iterator[str]:
    """Texts of unlabelled corpora: ``.jsonl`` (``text`` field), ``.json`` arrays
    (``text`` or ``content``), ``.zip`` of such arrays, ``.txt`` (one text per
    blank-line-separated block). ``max_docs`` > 0 stops after that many."""
    count = 0
    for path in expand_corpus_paths(paths):
        for text in _iter_file(path):
            yield text
            count += 1
            if max_docs and count >= max_docs:
                return


def _iter_file(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        from hasila.fileio import iter_jsonl

        for _, obj in iter_jsonl(path, bad=[]):
            text = obj.get("text") or obj.get("content")
            if isinstance(text, str) and text.strip():
                yield text
    elif suffix == ".json":
        yield from _texts_from_records(json.loads(path.read_text(encoding="utf-8")), str(path))
    elif suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    data = json.loads(zf.read(name).decode("utf-8"))
                    yield from _texts_from_records(data, f"{path}:{name}")
    elif suffix == ".txt":
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if block.strip():
                yield block
    else:
        raise UserError(f"{path}: unknown corpus format (use .jsonl, .json, .zip or .txt)")
