"""The core's subpackages import in one direction only (ARCHITECTURE.md).

reading ← rules ← analysis ← intake ← store, and presentation on top of analysis (and the kinds
of intake); cli uses everything. ``errors``, ``schema``, ``frame_schemas`` and ``presentation.format``
(Indonesian numbers inside finding messages) may be used from anywhere. Nothing in the core imports the
dashboard (``ui``, ``pages``) or Streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from test_core_is_pure import CORE, module_name

LAYERS = ("reading", "rules", "analysis", "intake", "presentation", "store", "cli")
ALLOWED: dict[str, set[str]] = {
    "reading": {"reading"},
    "rules": {"reading", "rules"},
    "analysis": {"reading", "rules", "analysis"},
    "intake": {"reading", "rules", "analysis", "intake"},
    "presentation": {"reading", "rules", "analysis", "intake", "presentation"},
    "store": {"reading", "rules", "analysis", "intake", "store"},
    "cli": set(LAYERS),
}
SHARED = {
    "lakip_core",
    "lakip_core.errors",
    "lakip_core.schema",
    "lakip_core.frame_schemas",
    "lakip_core.presentation.format",
}


def layer(module: str) -> str | None:
    """``lakip_core.analysis.report`` → ``analysis``; top-level modules have no layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def imports(path: Path) -> set[str]:
    """Every module a file imports, absolute, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import; the core imports absolutely"
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def violations(module: str, path: Path) -> list[str]:
    """The imports of ``path`` (module ``module``) that break the layers."""
    own = layer(module)
    wrong = []
    for target in sorted(imports(path)):
        root = target.split(".")[0]
        if root in {"ui", "pages", "streamlit", "dashboard"}:
            wrong.append(target)
        if root != "lakip_core" or own is None or own == "cli":
            continue
        if target in SHARED or any(target.startswith(s + ".") for s in SHARED - {"lakip_core"}):
            continue
        other = layer(target)
        if other is not None and other not in ALLOWED[own]:
            wrong.append(target)
    return wrong


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_imports_follow_the_layers(path: Path) -> None:
    assert violations(module_name(path), path) == []


def test_every_subpackage_has_a_rule() -> None:
    packages = {p.name for p in CORE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(LAYERS), "a new subpackage needs its place in ALLOWED and in ARCHITECTURE.md"


def test_the_check_catches_a_wrong_import(tmp_path: Path) -> None:
    path = tmp_path / "x.py"
    path.write_text(
        "from lakip_core.presentation.format import format_number\n"
        "from lakip_core.reading.numbers import parse_number\n"
        "def later():\n    from lakip_core.store import Store\n    import streamlit\n"
    )
    assert violations("lakip_core.analysis.x", path) == ["lakip_core.store", "lakip_core.store.Store", "streamlit"]
    assert violations("lakip_core.cli.x", path) == ["streamlit"]


UI = CORE.parent / "ui"


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_ui_helpers_never_import_pages(path: Path) -> None:
    """``ui/`` (warm-up, frontend files, roll-up, year screen parts ...) serves the pages, never the reverse."""
    wrong = {t for t in imports(path) if t.split(".")[0] in {"pages", "dashboard"}}
    assert wrong == set()


def test_the_new_core_modules_are_covered() -> None:
    """The layer check reads every core file; the modules added with the roll-up and the year screen among them."""
    checked = {module_name(p) for p in CORE.rglob("*.py")}
    assert {
        "lakip_core.analysis.rollup",
        "lakip_core.analysis.budget_year",
        "lakip_core.analysis.plan",
        "lakip_core.analysis.version_summary",
        "lakip_core.presentation.rollup",
        "lakip_core.presentation.charts_budget",
        "lakip_core.presentation.chart_style",
        "lakip_core.rules.ikpa",
    } <= checked
