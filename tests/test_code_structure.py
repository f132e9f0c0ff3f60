"""The shape the code keeps: no import circle, small modules and functions, and a reason beside
every import that waits until a function runs. Read from the source, without importing it."""

import ast
from pathlib import Path

import pytest

from .helpers import ROOT

PACKAGES = ("articles", "authors", "newsroom_core", "newsroom")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in source_files()}


def is_type_checking_block(node) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def runtime_imports(tree):
    """Every import that can run: at the module's top, in a block, or deferred into a function (a
    deferred import hides a circle from Python, not from a reader), but not under ``if TYPE_CHECKING:``."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif not is_type_checking_block(node):
            children = ast.iter_child_nodes(node)
            pending += [child for child in children if isinstance(child, ast.stmt | ast.excepthandler)]


def imported_modules(name: str, path: Path) -> set[str]:
    """The project's modules that ``name`` imports, and the packages they are in."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in runtime_imports(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            targets = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        for target in targets:
            # Importing a.b.c runs a/__init__ and a/b/__init__ first.
            parts = target.split(".")
            found |= {".".join(parts[:n]) for n in range(1, len(parts) + 1)} & MODULES.keys()
    return found - {name}


def import_cycle() -> list[str]:
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    # A package's __init__ importing its own submodules is how re-exports work, not a circle.
    graph = {name: {t for t in targets if not t.startswith(f"{name}.")} for name, targets in graph.items()}
    state = {}

    def visit(name, trail):
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target] if target in trail else [name, target]
            if target not in state and (cycle := visit(target, [*trail, target])):
                return cycle
        state[name] = "done"
        return []

    for name in sorted(graph):
        if name not in state and (cycle := visit(name, [name])):
            return cycle
    return []


def test_code_has_no_import_circle():
    assert import_cycle() == []


@pytest.mark.parametrize("path", list(source_files()), ids=lambda path: str(path.relative_to(ROOT)))
def test_code_module_is_small(path):
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


def functions(tree):
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def test_code_functions_are_small():
    long = [
        f"{path.relative_to(ROOT)}:{function.lineno} {function.name}"
        for path in source_files()
        for function in functions(ast.parse(path.read_text()))
        if function.end_lineno - function.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def reason_in(line: str) -> str:
    """The words of a line's comment, less linters' markers (``# noqa: F401`` says nothing of why)."""
    comment = line.partition("#")[2].strip()
    return "" if comment.startswith(("noqa", "type:")) else comment


def says_why(lines: list[str], number: int) -> bool:
    """Whether the import on line ``number`` has a reason on its line, or above the imports it opens with."""
    above = number - 2
    while above >= 0 and lines[above].strip().startswith(("from ", "import ")):
        above -= 1
    return bool(reason_in(lines[number - 1])) or (above >= 0 and lines[above].strip().startswith("#"))


def code_and_test_files():
    yield from source_files()
    yield from sorted((ROOT / "tests").rglob("*.py"))


def test_code_deferred_imports_say_why():
    """An import inside a function carries a comment saying why it waits until the function runs."""
    silent = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in code_and_test_files()
        for function in functions(ast.parse(path.read_text()))
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom) and not says_why(path.read_text().splitlines(), node.lineno)
    ]
    assert silent == []
