"""Imports point one way (DESIGN.md, STYLE.md): read from the source with ast, every import of
every module, at the top or inside a function.

ingest -> clean -> nlp -> extract -> resolve -> store; serve and cli on top. Extract reads nlp,
codes and records only (the actors, places and times it needs are on the Doc); the store
persists records and imports nothing above them; nothing below the command line imports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "thucydides"

BASE = frozenset({"records", "errors", "config", "dates", "contract"})
"""Modules every stage may import: the records, the one exception tree, settings, date formats,
the output contract."""

ALLOWED = {
    # extract reads the Doc (nlp), the lexicons (codes) and the records: never a resolver, the store or the CLI
    "extract": BASE | {"extract", "nlp", "codes"},
    # the store persists records; exports print a CSV cell safely and name the version
    "store": BASE | {"store", "spreadsheets", "__version__"},
    # resolution is part of the parse: nlp builds the pipeline whose components call the resolvers
    "nlp": BASE | {"nlp", "codes", "resolve"},
    "clean": BASE | {"clean"},
    "ingest": BASE | {"ingest"},
    "codes": BASE | {"codes"},
}

KNOWN: set[tuple[str, str]] = set()
"""Known violations, each to be removed where it is fixed: none left (the cross-document stage
moved stories, merging and tone out of the store)."""


def _imports(path: Path) -> list[str]:
    """Every ``thucydides...`` module ``path`` imports (``from thucydides import x`` as
    ``thucydides.x`` when x is a module, else as the name imported)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.split(".")[0] == "thucydides")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "thucydides":
                found.extend(f"thucydides.{a.name}" for a in node.names)
            elif node.module.split(".")[0] == "thucydides":
                found.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found.append(_absolute(path, node.level, node.module))
    return found


def _absolute(path: Path, level: int, module: str | None) -> str:
    """``from .x import y`` in ``path`` as the module it names (``thucydides.serve.x``)."""
    try:
        package = list(path.resolve().relative_to(PACKAGE.parent).parent.parts)
    except ValueError:
        package = ["thucydides"]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, *([module] if module else [])])


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "thucydides"


def _violations(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in sorted((PACKAGE / package).rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        for module in _imports(path):
            if _layer(module) not in ALLOWED[package]:
                found.add((name, module))
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_stage_imports_only_what_lies_below_it(package: str) -> None:
    found = _violations(package)
    unexpected = sorted(found - KNOWN)
    assert not unexpected, f"{package} imports what lies above it: " + ", ".join(f"{f} -> {m}" for f, m in unexpected)


def test_every_known_violation_is_still_there() -> None:
    """When a known violation is fixed, its entry goes: the list only shrinks."""
    present = set().union(*(_violations(p) for p in ALLOWED))
    gone = sorted(KNOWN - present)
    assert not gone, f"fixed, so delete from KNOWN: {gone}"


def test_nothing_below_the_command_line_imports_it() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] in ("cli", "__main__.py"):
            continue
        assert not [m for m in _imports(path) if _layer(m) == "cli"], f"{path} imports the command line"


def test_the_reader_sees_imports_inside_functions_too(tmp_path: Path) -> None:
    """The reader itself: an extractor importing the store, a resolver or the CLI is caught,
    at the top or inside a function."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from thucydides.store.sqlite import Store\n"
        "def f():\n    import thucydides.resolve.kb\n    from thucydides import cli\n",
        encoding="utf-8",
    )
    layers = {_layer(m) for m in _imports(probe)}
    assert {"store", "resolve", "cli"} <= layers and not layers <= ALLOWED["extract"]
    relative = PACKAGE / "extract" / "events.py"
    assert _absolute(relative, 2, "store.sqlite") == "thucydides.store.sqlite"
    assert _absolute(relative, 1, "quotes") == "thucydides.extract.quotes"
