"""Every finding code is explained in plain Indonesian and grouped for the Pemeriksaan page."""

from __future__ import annotations

import re
from pathlib import Path

from lakip_core.rules.findings import GUIDES, THEME_RANK, Finding, by_theme, explain, guide

ROOT = Path(__file__).resolve().parents[1]


def raised_codes() -> set[str]:
    """Every code the core can raise: string literals passed as a finding's code."""
    codes: set[str] = set()
    for path in (ROOT / "lakip_core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'"(?:error|warning|info)",\s*"([A-Z][A-Z_]+)"', text))
    return codes


def test_every_raised_code_has_a_guide_with_all_its_parts() -> None:
    codes = raised_codes()
    assert {"INDICATOR_UNIT_MISMATCH", "SPENT_WITHOUT_CAPAIAN", "YEAR_NOT_DETECTED"} <= codes
    assert codes <= set(GUIDES), sorted(codes - set(GUIDES))
    for code in codes:
        about = guide(code)
        assert about.title and about.meaning and about.why and about.action, code
        assert about.theme in THEME_RANK
        assert explain(code) == (about.title, about.meaning)


def test_readme_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(code for code in GUIDES if code not in readme)
    assert not missing, missing


def test_themes_most_important_first_and_errors_lead() -> None:
    findings = [
        Finding("info", "INDICATOR_NO_ACTUAL", "a"),
        Finding("warning", "INDICATOR_UNIT_MISMATCH", "b"),
        Finding("warning", "TOTAL_MISMATCH", "c"),
        Finding("warning", "INDICATOR_DOCUMENTS_DIFFER", "d"),
        Finding("warning", "INDICATOR_DOCUMENTS_DIFFER", "e"),
        Finding("warning", "SPENT_WITHOUT_CAPAIAN", "f"),
    ]
    themes = by_theme(findings)
    assert [key for key, *_ in themes] == ["bertentangan", "belanja", "tak_terhitung", "belum_ada"]
    # In the order of importance the guides are written in, not by how many there are.
    assert [code for code, _ in themes[0][3]] == ["TOTAL_MISMATCH", "INDICATOR_DOCUMENTS_DIFFER"]
    with_error = by_theme([*findings, Finding("error", "PAGU_BLANK_WITH_REALISASI", "g")])
    assert with_error[0][0] == "tak_terhitung"  # a theme with an error comes first
