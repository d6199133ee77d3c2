"""Typed configs: YAML into dataclasses, overrides, clear errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from hasila.config import apply_overrides, config_hash, from_dict, load_config
from hasila.errors import UserError


@dataclass
class Inner:
    lr: float = 1e-3
    steps: int = 10
    names: list[str] = field(default_factory=list)


@dataclass
class Outer:
    name: str = "x"
    bf16: bool | None = None
    inner: Inner = field(default_factory=Inner)


def test_load_with_overrides(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("name: run\ninner:\n  lr: 0.01\n  names: [a, b]\n", encoding="utf-8")
    cfg = load_config(Outer, path, ["inner.steps=5", "bf16=true", "inner.lr=3e-5"])
    assert cfg == Outer(name="run", bf16=True, inner=Inner(lr=3e-5, steps=5, names=["a", "b"]))
    assert isinstance(cfg.inner.lr, float)


@pytest.mark.parametrize(("data", "message"), [
    ({"nme": "x"}, "unknown key(s) nme"),
    ({"inner": {"steps": "many"}}, "inner.steps: expected a whole number"),
    ({"inner": {"steps": True}}, "inner.steps: expected a whole number"),
    ({"bf16": "yes"}, "bf16: expected true or false"),
    ({"inner": {"names": "a"}}, "inner.names: expected a list"),
    ({"inner": 3}, "inner: expected a mapping"),
])
def test_bad_values_name_the_key(data: dict, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        from_dict(Outer, data, "cfg.yaml")


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="config file not found"):
        load_config(Outer, tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"bad\.yaml: line \d+: invalid YAML"):
        load_config(Outer, bad)
    with pytest.raises(UserError, match="expected key=value"):
        apply_overrides({}, ["novalue"])


def test_config_hash_is_stable_and_sensitive() -> None:
    assert config_hash(Outer()) == config_hash(Outer())
    assert config_hash(Outer()) != config_hash(Outer(inner=Inner(lr=0.5)))
