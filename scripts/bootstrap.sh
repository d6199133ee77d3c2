#!/usr/bin/env bash
# Create (or reuse) the local venv .venv and install hasila with pinned dependencies.
# Re-installs only when pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
stamp=.venv/.hasila-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing hasila and its pinned dependencies (a few minutes the first time)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  # dev: tests and lint; ray: so the tests of predict --engine ray run too
  .venv/bin/python -m pip install --quiet -c constraints.txt -e '.[dev,ray]'
  echo "$want" > "$stamp"
fi
