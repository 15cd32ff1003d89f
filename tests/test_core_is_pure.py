"""The core is pure pandas: importing it (in a fresh interpreter) must not pull in Streamlit."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

CORE = REPO / "lakip_core"


def module_name(path: Path) -> str:
    """``lakip_core/analysis/report.py`` → ``lakip_core.analysis.report`` (a package: its folder)."""
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


CORE_MODULES = sorted(module_name(p) for p in CORE.rglob("*.py") if p.stem != "__main__")


def imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_importing_the_package_does_not_import_streamlit() -> None:
    modules = imported_after("import lakip_core")
    assert "lakip_core" in modules
    assert not {m for m in modules if m.split(".")[0] == "streamlit"}


def test_no_core_module_imports_streamlit() -> None:
    modules = imported_after("\n".join(f"import {m}" for m in CORE_MODULES))
    assert set(CORE_MODULES) <= modules
    assert not {m for m in modules if m.split(".")[0] == "streamlit"}


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_no_streamlit_import_statement_in_the_core(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    assert "streamlit" not in names
