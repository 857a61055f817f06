"""The one-way house, checked from the source: which room may import which.

Data flows crawler -> parsers -> store -> notifier; ``scheduler.py`` and ``policywatch.app`` /
``policywatch.cli`` only wire them. ``policywatch.errors``, ``policywatch.config`` and
``policywatch.netguard`` (the internal-address rule of crawler and notifier) are the foundation every
room may use. The rules are checked on every import statement, including the ones
inside functions (a lazy import is still an arrow), and the module graph of top-level imports must
have no cycle (a cycle is what made ``import parsers.detail`` depend on a side-effect import).
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

ROOMS = ("crawler", "parsers", "store", "notifier")
FOUNDATION = {"policywatch.errors", "policywatch.config", "policywatch.netguard"}
WIRING = {"policywatch", "policywatch.app", "policywatch.cli", "policywatch.__main__", "scheduler"}
# room -> rooms (top-level names) it must never import
FORBIDDEN: dict[str, set[str]] = {
    "parsers": {"crawler", "store", "notifier"},
    "store": {"crawler", "notifier"},
    "crawler": {"notifier"},
    "notifier": {"crawler"},
}
OURS = {*ROOMS, "policywatch", "scheduler"}


def production_modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.glob("*/**/*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] not in (*ROOMS, "policywatch") or "snapshots" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    out["scheduler"] = ROOT / "scheduler.py"
    return out


def imports(module: str, path: Path, *, top_level_only: bool) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import of our own code in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # `from pkg import mod` imports pkg.mod when it is a module; count both possibilities.
            names = [prefix] + [f"{prefix}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] in OURS:
                yield name, node.lineno


def resolve(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def room(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module in WIRING or module.startswith("policywatch."):
        return "wiring"
    return module.split(".")[0]


def test_no_arrow_points_back_up() -> None:
    modules = production_modules()
    bad = []
    for module, path in modules.items():
        here = room(module)
        for name, line in imports(module, path, top_level_only=False):
            target = resolve(name, modules)
            if target is None or target == module:
                continue
            there = room(target)
            wrong = (
                there in FORBIDDEN.get(here, set())
                or (there == "wiring" and here != "wiring")
                or (here == "foundation" and target not in FOUNDATION)
            )
            if wrong:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {target} ({there})")
    assert not bad, "forbidden imports:\n" + "\n".join(sorted(set(bad)))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative enough for us)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

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
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _with_packages(target: str, importer: str, modules: dict[str, Path]) -> set[str]:
    """Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` first: those are arrows too, except
    into the importer's own enclosing packages (already being imported when it runs)."""
    out = {target}
    parts = target.split(".")
    for i in range(1, len(parts)):
        pkg = ".".join(parts[:i])
        if pkg in modules and not importer.startswith(pkg + "."):
            out.add(pkg)
    return out


def test_no_import_cycles() -> None:
    """Also through imports inside functions: a lazy import that closes a loop only hides it."""
    modules = production_modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        deps: set[str] = set()
        for name, _ in imports(module, path, top_level_only=False):
            target = resolve(name, modules)
            if target and target != module and not module.startswith(target + "."):
                deps |= _with_packages(target, module, modules)
        graph[module] = deps - {module}
    assert _cycles(graph) == []


def test_every_package_folder_is_shipped() -> None:
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("*/**/__init__.py")
             if p.parts[len(ROOT.parts)] in (*ROOMS, "policywatch")}
    assert found <= declared, f"packages missing from pyproject.toml: {sorted(found - declared)}"


@pytest.mark.parametrize("name", ["app", "cli", "config", "errors"])
def test_no_generic_top_level_modules(name: str) -> None:
    assert not (ROOT / f"{name}.py").exists(), f"{name}.py belongs in the policywatch package"


_PROSE_TEST = re.compile(r"\breason\b[^\n]*\.(startswith|endswith)\(|\.(search|match)\([^)\n]*\breason\b|"
                         r"\bin\s+\w*\.?reason\b")


def test_no_reader_decides_on_the_wording_of_a_health_reason() -> None:
    """Health readers decide on ``reason_code`` (store/reasons.py); ``reason`` is prose for humans."""
    offenders = []
    readers = ("crawler", "parsers", "store", "notifier", "policywatch")
    for path in [p for d in readers for p in sorted((ROOT / d).rglob("*.py"))] + [ROOT / "scheduler.py"]:
        rel = path.relative_to(ROOT).as_posix()
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if _PROSE_TEST.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_a_crawl_writes_to_the_archive_only_through_the_pipeline() -> None:
    """The spider yields items; only the runner's sink (behind crawler/pipeline.py) touches the store."""
    modules = production_modules()
    for module in ("crawler.spider", "crawler.plan", "crawler.pipeline"):
        store_imports = {name for name, _ in imports(module, modules[module], top_level_only=False)
                         if name.startswith("store.")}
        assert store_imports <= {"store.reasons", "store.reasons.Reason", "store.reasons.failure_code"}, (
            module, store_imports)
    spider = modules["crawler.spider"].read_text("utf-8")
    assert "sink" not in spider, "the spider must not hold a sink: items are its only output"


# Sending is the ledger's job: alerts plan and render, channels transport, nothing else sends.
SEND_MACHINERY = ("email", "smtplib", "notifier.channels")


def test_alerts_import_no_send_machinery() -> None:
    """notifier/alerts.py hands ops digests to the ledger: it builds no MIME, writes no outbox file
    and holds no channel (it had its own copy of all three before issue 11)."""
    path = ROOT / "notifier" / "alerts.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    bad = sorted(m for m in imported if any(m == p or m.startswith(p + ".") for p in SEND_MACHINERY))
    assert not bad, f"notifier/alerts.py imports send machinery: {bad}"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not names & {"atomic_write", "send", "send_message", "EmailMessage"}, names & {
        "atomic_write", "send", "send_message", "EmailMessage"}


def test_one_sending_state_machine() -> None:
    """Only notifier/ledger.py moves ledger rows to ``sending`` or computes a retry backoff: a second
    copy of the protocol is how the alert and notice ledgers drifted apart."""
    owners = set()
    for path in sorted((ROOT / "notifier").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            says_sending = isinstance(node, ast.Constant) and node.value == "sending"
            backs_off = isinstance(node, ast.FunctionDef) and node.name == "backoff"
            if says_sending or backs_off:
                owners.add(str(path.relative_to(ROOT)))
    assert owners == {"notifier/ledger.py"}
