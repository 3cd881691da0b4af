"""The architecture as a contract: which package may import which, no import circles, no
module that grew past what a reader holds in mind. Every import counts — at the top, inside
a function, under TYPE_CHECKING — since each one is a dependency a change has to respect.

The rules (README, "Layout"):
- model, geo and exchange are the Qt-free core: they never import render, net or ui, nor Qt;
- reading (what an article says) is Qt-free too and builds on model and geo only;
- store (PostgreSQL) is Qt-free and never draws, fetches tiles or publishes;
- render never imports ui or net (the drawing is handed its tiles, it never fetches);
- net (fetching tiles) never imports ui;
- publish (the web page) never imports ui or net: the window's menu item calls it;
- model never imports exchange (readers and writers build on the model, not under it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mapapp"
MAX_LINES = 400
FORBIDDEN = {
    "model": {"render", "net", "ui", "exchange"},
    "geo": {"render", "net", "ui"},
    "exchange": {"render", "net", "ui"},
    "render": {"ui", "net"},
    "net": {"ui"},
    "publish": {"ui", "net"},
    "reading": {"render", "net", "ui", "publish", "exchange"},
    "store": {"render", "net", "ui", "publish"},
}
QT_FREE = {"model", "geo", "exchange", "reading", "store"}


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, modules: set[str]) -> set[str]:
    """The names every import statement of ``source`` brings in (mapapp modules, and the
    top-level name of anything else), wherever it stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # ``from mapapp.ui import details`` imports the module mapapp.ui.details
            found.update({f"{node.module}.{a.name}" for a in node.names} & modules)
    return {n for n in found if n in modules or not n.startswith("mapapp")}


def import_graph(root: Path) -> dict[str, set[str]]:
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    modules = set(files)
    return {m: imports_of(p.read_text(encoding="utf-8"), modules) - {m} for m, p in files.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def broken_rules(graph: dict[str, set[str]]) -> list[str]:
    broken = []
    for module, imported in sorted(graph.items()):
        layer = layer_of(module)
        for name in sorted(imported):
            if name.startswith("mapapp.") and layer_of(name) in FORBIDDEN.get(layer, ()):
                broken.append(f"{module} imports {name}")
            if layer in QT_FREE and name.split(".")[0] in ("PySide6", "shiboken6"):
                broken.append(f"{module} imports {name} (the core is Qt-free)")
    return broken


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    internal = {m: {n for n in deps if n in graph} for m, deps in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(internal[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(internal):
        if v not in index:
            visit(v)
    return sorted(groups)


def test_layers_import_only_downwards():
    assert broken_rules(import_graph(PACKAGE)) == []


def test_no_import_circles():
    assert circles(import_graph(PACKAGE)) == []


def test_no_module_over_the_size_a_reader_holds():
    long = {
        p.relative_to(PACKAGE.parent).as_posix(): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


# The checks themselves, on a small package made for them: each rule, broken once.
def write_package(root: Path, files: dict[str, str]) -> Path:
    pkg = root / "mapapp"
    for name, text in {"__init__.py": "", **files}.items():
        path = pkg / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return pkg


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # an upward import hidden inside a function
            {"model/a.py": "def f():\n    from mapapp.ui.b import x\n", "ui/b.py": "x = 1\n"},
            ["mapapp.model.a imports mapapp.ui.b"],
        ),
        (  # under TYPE_CHECKING counts too
            {
                "render/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from mapapp.ui import b\n",
                "ui/b.py": "",
            },
            ["mapapp.render.a imports mapapp.ui", "mapapp.render.a imports mapapp.ui.b"],
        ),
        (  # model under exchange, not over it
            {"model/a.py": "import mapapp.exchange.c\n", "exchange/c.py": ""},
            ["mapapp.model.a imports mapapp.exchange.c"],
        ),
        (
            {"geo/a.py": "from PySide6.QtCore import QObject\n"},
            ["mapapp.geo.a imports PySide6.QtCore (the core is Qt-free)"],
        ),
        ({"ui/a.py": "from mapapp.model import b\n", "model/b.py": ""}, []),
    ],
)
def test_the_layer_check_catches_each_rule(tmp_path, files, expected):
    assert broken_rules(import_graph(write_package(tmp_path, files))) == expected


def test_the_circle_check_catches_a_circle_through_a_function_import(tmp_path):
    pkg = write_package(
        tmp_path,
        {
            "ui/a.py": "from mapapp.ui.b import x\n",
            "ui/b.py": "def x():\n    from mapapp.ui.c import y\n",
            "ui/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from mapapp.ui.a import z\n",
            "ui/d.py": "from mapapp.ui.a import z\n",
        },
    )
    assert circles(import_graph(pkg)) == [["mapapp.ui.a", "mapapp.ui.b", "mapapp.ui.c"]]
