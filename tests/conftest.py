"""Shared fixtures: the ../shared folder (skipped with a message when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hasila.fileio import project_root, shared_dir


@pytest.fixture(scope="session")
def root() -> Path:
    return project_root()


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (set HASILA_SHARED): skipping a test that reads real data")
    return path


@pytest.fixture(scope="session")
def dev_gold_path(shared: Path) -> Path:
    path = shared / "real" / "dev_gold.json"
    if not path.exists():
        pytest.skip(f"{path} is absent: skipping")
    return path
