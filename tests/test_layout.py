"""The layout is the pipeline: one folder per stage, data flowing one way (../STYLE.md).

These tests read the source with `ast` (imports inside functions and under TYPE_CHECKING
count too), so a new import that runs against the flow, closes a circle, or a module that
grows past the limit fails here with its name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "whitehall_cli"
NAME = "whitehall_cli"
# The stages in the order data flows; a module may import from its own stage and those
# before it. `pipeline` runs entities and quotes for the index; `__main__` runs the CLI.
ORDER = (
    "load",
    "parse",
    "entities",
    "quotes",
    "pipeline",
    "index",
    "query",
    "render",
    "cli",
    "__main__",
)
# What every stage may import: the records, the errors, the word lists, the version.
SHARED = ("models", "errors", "lexicon", "")
# Limits from the house style.
MAX_TOP_LEVEL_MODULES = 8
MAX_MODULE_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The package's modules that `name` imports, anywhere in its source."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                here = here[: len(here) - node.level + 1]
                base = ".".join([*here, base] if base else here)
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target not in MODULES and "." in target:
                target = target.rsplit(".", 1)[0]  # a name imported from a module
            if target in MODULES and target != name:
                found.add(target)
    return found


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def stage(module: str) -> str:
    """The stage a module belongs to: its folder, or its own name at the top."""
    return module.removeprefix(NAME).removeprefix(".").split(".")[0]


def test_at_most_eight_modules_at_the_top() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_every_folder_of_the_package_is_a_stage_or_shared() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders <= set(ORDER) | set(SHARED), folders - set(ORDER) - set(SHARED)


@pytest.mark.parametrize("name", sorted(MODULES), ids=lambda n: n)
def test_no_module_is_over_400_lines(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines: split it along its meaning"


@pytest.mark.parametrize("name", sorted(MODULES), ids=lambda n: n)
def test_a_module_imports_only_its_stage_and_those_before_it(name: str) -> None:
    mine = stage(name)
    for other in sorted(GRAPH[name]):
        theirs = stage(other)
        if theirs in SHARED:
            continue
        assert mine not in SHARED, f"{name} is shared by every stage, but imports {other}"
        assert ORDER.index(theirs) <= ORDER.index(mine), (
            f"{name} ({mine}) imports {other} ({theirs}), a later stage"
        )


def test_the_shared_modules_import_nothing_of_the_stages() -> None:
    for name in MODULES:
        if stage(name) in SHARED:
            assert all(stage(other) in SHARED for other in GRAPH[name]), (name, GRAPH[name])


def test_no_import_circles() -> None:
    """No module reaches itself through its imports (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert circles == []


def test_the_checker_sees_imports_inside_functions() -> None:
    """The graph is built from every import, not only those at the top of a module."""
    assert f"{NAME}.pipeline" in GRAPH[f"{NAME}.index.parsing"]  # imported inside parse_one


@pytest.mark.parametrize("folder", [s for s in ORDER if (PACKAGE / s).is_dir()])
def test_each_stage_says_what_goes_in_what_comes_out_and_what_it_never_does(
    folder: str,
) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text()))
    assert doc, f"{folder}/__init__.py has no docstring"
    for part in ("In:", "Out:", "Never:"):
        assert part in doc, f"{folder}/__init__.py does not say {part!r}"
