"""The package layout: stage folders, no import circles, lower stages never import higher ones,
no class over 300 lines. Reads the source with ``ast`` (nothing is imported)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hasila"

#: The pipeline, lowest first. A module may import from its own stage and lower ones only.
#: ``base`` is the package's top-level modules; ``commands`` is the command line over it all.
STAGES = ("base", "text", "annotation", "synth", "link", "rules", "model", "data", "training",
          "evaluation", "apps", "commands")
TOP_LEVEL = {"hasila": "base", "hasila.errors": "base", "hasila.schema": "base",
             "hasila.config": "base", "hasila.fileio": "base", "hasila.cli": "commands",
             "hasila.__main__": "commands"}
MAX_CLASS_LINES = 300


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def _imports(name: str) -> set[str]:
    """The hasila modules ``name`` imports (at any depth: lazy imports count too).
    ``from pkg import sub`` is an import of the submodule ``pkg.sub``."""
    out = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "hasila"}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] == "hasila":
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
            out |= subs or {node.module}
            if len(subs) < len(node.names):
                out.add(node.module)
    return out - {name}


GRAPH = {name: _imports(name) for name in MODULES}


def stage(module: str) -> str:
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    return module.split(".")[1]


def test_every_module_has_a_known_stage() -> None:
    assert {stage(m) for m in MODULES} <= set(STAGES)


def test_stage_folders_exist() -> None:
    for name in STAGES[1:-1]:
        assert (PACKAGE / name / "__init__.py").is_file(), name
    assert (PACKAGE / "commands" / "__init__.py").is_file()


def test_imports_name_existing_modules() -> None:
    missing = {(m, i) for m, imps in GRAPH.items() for i in imps if i not in MODULES}
    assert not missing


def test_lower_stages_never_import_higher_ones() -> None:
    rank = {s: i for i, s in enumerate(STAGES)}
    wrong = sorted(f"{m} ({stage(m)}) imports {i} ({stage(i)})"
                   for m, imps in GRAPH.items() for i in imps
                   if i in MODULES and rank[stage(i)] > rank[stage(m)])
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


def _large_classes() -> dict[str, int]:
    out = {}
    for name, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    out[f"{name}.{node.name}"] = lines
    return out


def test_no_class_over_300_lines() -> None:
    large = _large_classes()
    assert not large, large

