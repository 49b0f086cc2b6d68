"""Imports run one way: no module of the package imports, even lazily, one that imports it back.

The graph is read from the source with ``ast`` (every ``import`` statement,
inside functions too: a lazy import is still a dependency, it only hides the
cycle until the function runs). ``from pkg import name`` depends on ``pkg``
itself, its ``__init__`` included, even when ``name`` is a submodule: a reader
that takes its options from the package that imports it is a cycle too, so
shared pieces live in modules of their own (``ingest/options.py``, ``version.py``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprism"


def _modules(root: Path) -> dict[str, tuple[Path, bool]]:
    out: dict[str, tuple[Path, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        out[".".join(parts)] = (path, is_package)
    return out


def _imported(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module name → the package modules it imports (``from pkg import mod`` counts ``pkg.mod``)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                target = _imported(node, name, is_package)
                submodules = {f"{target}.{alias.name}" for alias in node.names}
                found = submodules & modules.keys()
                # ``from pkg import mod`` runs ``pkg/__init__`` too: it depends on both.
                deps.update(found | {target})
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def test_package_imports_have_no_cycles() -> None:
    assert cycles(import_graph()) == []


def test_architecture_cycle_finder_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    # The checker itself must be able to fail: a lazy import inside a function and a
    # relative import that close a loop are both reported.
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from demo.sub.b import g\n")
    (pkg / "sub" / "b.py").write_text("from ..a import f\n")
    graph = import_graph(pkg)
    assert graph["demo.a"] == {"demo.sub.b"}
    assert cycles(graph) == [["demo.a", "demo.sub.b"]]


def test_architecture_a_module_importing_its_own_package_back_is_a_cycle(tmp_path: Path) -> None:
    # "ingest/__init__ imports files, files takes its options from ingest": the
    # package's __init__ runs both ways, so this is a cycle like any other.
    pkg = tmp_path / "demo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from demo.files import read\nOPTIONS = 1\n")
    (pkg / "files.py").write_text("def read():\n    from demo import OPTIONS\n")
    (pkg / "options.py").write_text("OPTIONS = 1\n")
    assert cycles(import_graph(pkg)) == [["demo", "demo.files"]]
    (pkg / "files.py").write_text("def read():\n    from demo.options import OPTIONS\n")
    assert cycles(import_graph(pkg)) == []


def test_architecture_declares_the_html_clean_extra_directly() -> None:
    # pip 23.2 (Python 3.11's own) skips lxml's html_clean extra that justext asks for,
    # and `import trafilatura` then fails: the package is a direct dependency.
    # scripts/check-install.sh installs with that pip and imports, in `make test`.
    import tomllib

    project = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    names = [dep.split(">")[0].split("=")[0].split("<")[0].strip().lower().replace("-", "_")
             for dep in project["project"]["dependencies"]]  # fmt: skip
    assert "lxml_html_clean" in names
