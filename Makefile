# hasila: the two set-up commands are `make demo` and `make test` (see README).
.PHONY: venv demo test lint bench clean

venv:
	@bash scripts/bootstrap.sh

## train -> predict -> evaluate on the data shipped in the repo (offline default)
demo: venv
	.venv/bin/hasila run --config configs/default.yaml

## lint (ruff, mypy) + the whole test suite
test: venv
	.venv/bin/ruff check hasila tests bench
	.venv/bin/python -m mypy
	.venv/bin/python -m pytest

bench: venv
	.venv/bin/python bench/run_all.py

clean:
	rm -rf .venv .pytest_cache .ruff_cache .cache
