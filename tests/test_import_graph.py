"""The packages of newstrace import each other in one direction only: no cycle among them.

Each subpackage of src/newstrace (store, link, web, ...) and each top-level module (cli,
pipeline, model, ...) is one node; every import of another node is an edge, at module level
or inside a function (an import deferred to run time is still a dependency), TYPE_CHECKING
imports included. A cycle means two parts can no longer be understood or changed apart.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newstrace"


def _node(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "newstrace" else None


def import_graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__")
        source = _node(module)
        if source is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)] if node.module == "newstrace" else [node.module]
            else:
                continue
            for target in targets:
                other = _node(target)
                if other is not None and other != source:
                    edges[source].add(other)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_among_the_packages() -> None:
    edges = import_graph()
    assert {"store", "link", "pipeline", "cli"} <= set(edges)  # the graph was read
    assert cycles(edges) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_lower_layers_do_not_reach_up() -> None:
    """What analyses one article knows nothing of storage, linking or the front ends."""
    edges = import_graph()
    front = {"cli", "cli_link", "cli_options", "web", "batch", "export", "service"}
    for part in ("model", "types", "extract", "ingest", "nlp", "timex", "attribution", "events", "entities", "stages", "pipeline"):
        assert not edges.get(part, set()) & (front | {"store"}), part
    assert not edges["store"] & (front | {"pipeline", "stages"})
