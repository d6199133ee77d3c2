"""``pip install .`` into a fresh virtual environment, then ``hasila predict --rules`` from
another folder: the configs, the gazetteer and the label config ship as package data, and
the installed command writes what the checkout writes. Offline (``--no-deps --no-index``)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from hasila.fileio import project_root, resource

ROOT = project_root()
#: What the build reads: the package (its resources link to the files below) and their targets.
SOURCES = ("pyproject.toml", "README.md", "hasila", "configs", "data/gazetteer",
           "annotations/label_config.xml")
SHIPPED = ("configs/categories.yaml", "configs/actors.yaml", "configs/link.yaml", "configs/synth.yaml",
           "data/gazetteer/places.tsv", "data/gazetteer/admin.tsv", "annotations/label_config.xml")


def test_resources_are_the_checkout_files() -> None:
    for name in SHIPPED:
        assert resource(name).read_bytes() == (ROOT / name).read_bytes(), name


def _copy_sources(dest: Path) -> None:
    for name in SOURCES:
        src, dst = ROOT / name, dest / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)


def _fresh_venv(path: Path) -> Path:
    """A venv whose own site-packages comes first, with this interpreter's packages (torch,
    yaml, pip, setuptools) behind it, so nothing is downloaded."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    purelib = subprocess.run([str(path / "bin" / "python"), "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "outer.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return path / "bin"


@pytest.mark.slow
def test_pip_install_and_predict_rules_from_another_folder(tmp_path: Path) -> None:
    if importlib.util.find_spec("pip") is None or importlib.util.find_spec("setuptools") is None:
        pytest.skip("pip and setuptools are needed to build the package")
    src = tmp_path / "src"
    _copy_sources(src)
    bin_dir = _fresh_venv(tmp_path / "venv")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HASILA_SHARED")}
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps",
                    "--no-build-isolation", "--no-index", str(src)],
                   check=True, env=env, cwd=tmp_path, capture_output=True)
    shutil.rmtree(src)  # the installed package must not need its sources

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    reports = sorted((ROOT / "data" / "reports").glob("r00*.txt"))[:4]
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
             for p in reports]
    (elsewhere / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    where = subprocess.run([str(bin_dir / "python"), "-c",
                            "import hasila.fileio as f; print(f.__file__); print(f.project_root())"],
                           check=True, env=env, cwd=elsewhere, capture_output=True, text=True).stdout
    assert str(tmp_path / "venv") in where.splitlines()[0]
    assert where.splitlines()[1].endswith("resources")
    installed = subprocess.run([str(bin_dir / "hasila"), "predict", "--rules", "--input", "in.jsonl",
                                "--output", "out.jsonl"],
                               env=env, cwd=elsewhere, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr

    checkout = subprocess.run([sys.executable, "-m", "hasila", "predict", "--rules", "--input",
                               str(elsewhere / "in.jsonl"), "--output", str(tmp_path / "checkout.jsonl")],
                              env=env | {"PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True, text=True)
    assert checkout.returncode == 0, checkout.stderr
    out = (elsewhere / "out.jsonl").read_bytes()
    assert out == (tmp_path / "checkout.jsonl").read_bytes()
    assert sum(len(json.loads(line)["casualties"]) for line in out.splitlines()) > 0
