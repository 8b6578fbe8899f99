"""The package's layout: one module or package per stage of the data flow, each importing only from
the stages below it (lazy imports inside functions included), no private name shared across stages,
no import cycle, and no function longer than 80 lines of code."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimcompare"

#: The data flow, bottom to top: a stage may import only from the stages before it.
STAGES = (
    "errors",
    "_common",
    "clean",
    "document",
    "load",
    "claims",
    "actors",
    "lexicon",
    "terms",
    "framing",
    "detect",
    "discover",
    "similarity",
    "facts",
    "align",
    "plot",
    "report",
    "compare",
    "cli",
)
MAX_CODE_LINES = 80


def _modules() -> dict[str, Path]:
    """Dotted name below ``claimcompare`` (``claims.segment``) -> its file; the root left out."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts:
            out[".".join(parts)] = path
    return out


def _package_of(name: str, path: Path) -> list[str]:
    parts = name.split(".")
    return parts if path.name == "__init__.py" else parts[:-1]


def _imports(name: str, path: Path) -> list[tuple[str, str, int]]:
    """``(module, imported name, line)`` for each claimcompare import of a module, lazy ones too."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "claimcompare":
                    out.append((alias.name.partition(".")[2], "", node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(name, path)[: len(_package_of(name, path)) - node.level + 1]
                target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            elif (node.module or "").split(".")[0] == "claimcompare":
                target = (node.module or "").partition(".")[2]
            else:
                continue
            out.extend((target, alias.name, node.lineno) for alias in node.names)
    return out


def _stage(module: str) -> str:
    return module.split(".")[0]


def test_every_module_belongs_to_a_stage() -> None:
    unknown = sorted({_stage(m) for m in _modules()} - set(STAGES))
    assert not unknown, f"modules outside the stages of the data flow: {unknown}"


def test_each_stage_imports_only_from_stages_below() -> None:
    rank = {stage: i for i, stage in enumerate(STAGES)}
    bad = []
    for name, path in _modules().items():
        for target, imported, line in _imports(name, path):
            module = target if target else imported  # ``from . import x`` at the root
            if not target and f"{imported}" not in _modules():
                bad.append(f"{path.name}:{line} imports {imported!r} from the package root")
            elif rank.get(_stage(module), -1) > rank[_stage(name)]:
                bad.append(f"{name}:{line} imports {module} (a stage above it)")
    assert not bad, "\n".join(bad)


def test_no_private_name_crosses_a_stage() -> None:
    bad = []
    for name, path in _modules().items():
        for target, imported, line in _imports(name, path):
            if not target or _stage(target) == _stage(name):
                continue
            private_module = any(p.startswith("_") for p in target.split(".")[1:])
            if private_module or imported.startswith("_"):
                bad.append(f"{name}:{line} imports {target}.{imported}")
    assert not bad, "\n".join(bad)


def test_no_import_cycle() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target, imported, _ in _imports(name, path):
            for candidate in (f"{target}.{imported}".strip("."), target):
                if candidate in modules and candidate != name:
                    graph[name].add(candidate)
                    break
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def _code_lines(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of ``node`` that hold code: its docstring, comments and blank lines left out."""
    doc: tuple[int, int] = (0, -1)
    first = node.body[0]
    constant = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    if constant and isinstance(first.value.value, str):  # type: ignore[attr-defined]
        doc = (first.lineno, first.end_lineno or first.lineno)
    source = "\n".join(lines[node.lineno - 1 : node.end_lineno])
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    code: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in skip or tok.type == tokenize.ENDMARKER:
            continue
        for offset in range(tok.start[0], tok.end[0] + 1):
            line = offset + node.lineno - 1
            if not doc[0] <= line <= doc[1]:
                code.add(line)
    return len(code)


def test_no_function_over_80_lines_of_code() -> None:
    long = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = _code_lines(text.splitlines(), node)
                if n > MAX_CODE_LINES:
                    long.append(f"{name}.{node.name} (line {node.lineno}): {n} lines of code")
    assert not long, "\n".join(long)


def test_version_matches_pyproject() -> None:
    from claimcompare._common.version import VERSION

    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{VERSION}"\n' in pyproject


def test_the_checks_see_a_violation(tmp_path: Path) -> None:
    """The import reader finds relative, absolute and lazy imports, so the checks above can fail."""
    path = tmp_path / "module.py"
    path.write_text(
        "from ..claims import _segment\nimport claimcompare.report\n"
        "def f():\n    from . import _private\n"
    )
    found = {(target, imported) for target, imported, _ in _imports("align.module", path)}
    assert found == {("claims", "_segment"), ("report", ""), ("align", "_private")}
