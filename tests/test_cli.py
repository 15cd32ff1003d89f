"""``python -m lakip_core summary``: the JSON contract, the Indonesian text, and clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SAMPLE_ASSETS, SAMPLE_BUDGET, SAMPLE_INDICATOR_DOCS, SAMPLE_STAFF

from tests import golden

MakeXlsx = Callable[..., Path]

# The dashboard's sample: Bab III A (+ PK), Bab III B and Tabel 1.9 as indicator documents.
ALL_FILES = [
    "--indicators",
    *(str(path) for path in SAMPLE_INDICATOR_DOCS),
    "--budget",
    str(SAMPLE_BUDGET),
    "--assets",
    str(SAMPLE_ASSETS),
    "--staff",
    str(SAMPLE_STAFF),
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lakip_core", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def strict_json(text: str) -> Any:
    def reject(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=reject)


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    result = run("summary", *ALL_FILES, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = strict_json(result.stdout)  # NaN / Infinity are not JSON: other tools must parse this
    assert isinstance(data, dict)
    return data


def test_json_has_a_section_per_dataset(summary: dict[str, Any]) -> None:
    assert {"indicators", "budget", "assets", "staff", "checks", "settings"} <= set(summary)
    assert summary["year"] == 2024


def test_json_indicators_contract(summary: dict[str, Any]) -> None:
    indicators = summary["indicators"]
    assert {"count", "with_data", "met", "mean_achievement_pct", "items", "objectives"} <= set(indicators)
    # Issue 9: the office figures are the Capaian Kinerja lines, the group "4. Tersedianya Layanan
    # Perkantoran:" counted once (before: 62 lines of every document, 44 with data, 4 met, 57,89%).
    assert (indicators["count"], indicators["with_data"], indicators["met"]) == (
        golden.INDICATORS,
        golden.WITH_DATA,
        golden.MET,
    )
    assert indicators["mean_achievement_pct"] == golden.OFFICE_MEAN.rounded
    assert indicators["lines"] == golden.LINES and indicators["office_documents"] == ["Capaian Kinerja"]
    documents = {d["document"]: (d["lines"], d["count"], d["with_data"]) for d in indicators["documents"]}
    assert documents == {
        "Capaian Kinerja": (44, 36, 36),
        "PK Ketua": (10, 10, 0),
        "PK Sekretaris": (8, 8, 0),
        "Analisis Sasaran (Bab III B)": (47, 47, 46),
        "Tabel 1.9 Arsitektur Kinerja": (5, 5, 0),
    }
    item_keys = {"objective", "indicator", "target", "actual", "unit", "polarity", "achievement_pct", "category"}
    assert all(item_keys <= set(item) for item in indicators["items"])
    first = indicators["items"][0]
    assert first["indicator"] == "Terlaksananya Laporan Sistem Akuntansi dan Pengelolaan Keuangan"
    assert (first["target"], first["actual"], first["unit"]) == (100, 99.85, "%")
    assert (first["polarity"], first["achievement_pct"], first["category"]) == ("positif", 99.85, "Sangat Tinggi")
    no_data = [i for i in indicators["items"] if i["actual"] is None]
    assert len(no_data) == 24  # PK Ketua 10, PK Sekretaris 8, Tabel 1.9 5, Bab III B "-" 1
    assert all(i["achievement_pct"] is None and i["category"] == "Tidak ada data" for i in no_data)
    objective_keys = {"objective", "indicators", "mean_achievement_pct"}
    assert all(objective_keys <= set(o) for o in indicators["objectives"])
    assert len(indicators["objectives"]) == golden.OBJECTIVES  # 8 + 5 + 7 + 12 (Bab III B) + 4 (Tabel 1.9)
    assert indicators["objectives"][0]["indicators"] == golden.FIRST_OBJECTIVE_INDICATORS


def test_json_budget_contract(summary: dict[str, Any]) -> None:
    budget = summary["budget"]
    assert budget["allocation"] == golden.ALLOCATION.value
    assert budget["realized"] == golden.REALIZED.value
    assert budget["absorption_pct"] == golden.ABSORPTION.rounded
    assert budget["remaining"] == golden.REMAINING.value
    line_keys = {"code", "name", "allocation", "realized", "absorption_pct"}
    assert all(line_keys <= set(line) for line in budget["lines"])
    assert tuple(line["code"] for line in budget["lines"]) == golden.KEGIATAN
    assert budget["lines"][0]["absorption_pct"] == golden.FIRST_LINE_ABSORPTION.value
    assert budget["lines"][1]["realized"] == 0


def test_json_assets_and_staff_contract(summary: dict[str, Any]) -> None:
    assets = summary["assets"]
    assert {"units", "by_condition", "good_pct", "total_value"} <= set(assets)
    assert assets["units"] == golden.ASSET_UNITS
    assert assets["by_condition"] == golden.ASSETS_BY_CONDITION
    assert assets["good_pct"] == golden.ASSETS_GOOD.rounded
    assert assets["total_value"] is None
    staff = summary["staff"]
    assert {"count", "by_gender", "female_pct", "by_education"} <= set(staff)
    assert staff["count"] == golden.STAFF
    assert staff["by_gender"] == golden.STAFF_BY_GENDER
    assert staff["female_pct"] == golden.FEMALE.rounded
    assert staff["by_education"] == golden.STAFF_BY_EDUCATION
    assert staff["secretariat_count"] == 23
    assert [(r["role"], r["women"], r["gender_known"], r["female_pct"]) for r in staff["roles"]] == [
        ("Komisioner", 1, 5, 20),
        ("ASN", 8, 15, 53.33),
        ("PPNPN", 2, 8, 25),
    ]
    assert assets["condition_known"] == 11


def test_json_checks_contract(summary: dict[str, Any]) -> None:
    checks = summary["checks"]
    assert all({"severity", "code", "message", "file", "row"} <= set(c) for c in checks)
    assert len(checks) == golden.FINDINGS  # 47 warnings (the seed's contradictions) + 24 indicators without realisasi
    first = checks[0]
    assert (first["severity"], first["code"], first["file"], first["row"]) == (
        "warning",
        "INDICATOR_DOCUMENTS_DIFFER",
        "analisis_sasaran_2024.xlsx",
        7,
    )
    assert summary["year_assumed"] is False


@pytest.mark.slow  # runs the command line in a child process
def test_only_the_datasets_given_are_in_the_json() -> None:
    result = run("summary", "--budget", str(SAMPLE_BUDGET), "--json")
    assert result.returncode == 0, result.stderr
    data = strict_json(result.stdout)
    assert set(data) == {"year", "year_assumed", "satker", "period", "settings", "budget", "checks"}


@pytest.mark.slow  # runs the command line in a child process
def test_text_output_is_indonesian() -> None:
    result = run("summary", *ALL_FILES)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Ringkasan LAKIP tahun 2024 — KPU Kota Jakarta Selatan")
    for heading in ("Kinerja", "Anggaran", "Aset", "Pegawai"):
        assert f"\n{heading}\n" in out
    assert f"Capaian rata-rata: {golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in out
    assert f"dari {golden.WITH_DATA} indikator dengan realisasi di Capaian Kinerja (kelompok dihitung sekali)" in out
    assert "- PK Ketua: 10 baris, 10 dihitung; target saja, belum ada realisasi (ditampilkan terpisah)" in out
    assert (
        f"Pagu {golden.ALLOCATION.text}, realisasi {golden.REALIZED.text}, "
        f"penyerapan {golden.ABSORPTION.text}, sisa {golden.REMAINING.text}"
    ) in out
    assert f"{golden.ASSET_UNITS} unit" in out
    assert f"baik {golden.ASSETS_GOOD.text} (8 dari 11 unit yang tercatat kondisinya)" in out
    assert "28 orang (Komisioner 5, ASN 15, PPNPN 8); sekretariat (ASN dan PPNPN) 23 orang" in out
    assert "- Komisioner: perempuan 20,00% (1 dari 5 orang yang tercatat jenis kelaminnya)" in out
    assert "- 3364: capaian 0,00%, penyerapan 37,29%" in out
    assert f"Temuan pemeriksaan: {golden.FINDINGS}" in out
    assert f"[Peringatan] Baris Jumlah menyatakan pagu {golden.STATED_ALLOCATION.text}" in out


@pytest.mark.slow  # runs the command line in a child process
def test_year_option_overrides_the_title_rows() -> None:
    result = run("summary", "--staff", str(SAMPLE_STAFF), "--year", "2023", "--json")
    data = strict_json(result.stdout)
    assert data["year"] == 2023
    ages = [c for c in data["checks"] if c["code"] == "AGE_MISMATCH"]
    # At 31-12-2023 Muhammad Taqiyuddin (born 1 March 1993) is 30, as stated; the others are not.
    assert [c["row"] for c in ages] == [7, 8, 9, 10]


@pytest.mark.slow  # runs the command line in a child process
@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"%PDF-1.4\n1 0 obj", "anggaran.xlsx", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "anggaran.xlsx", "gambar"),
        (b"PK\x03\x04garbage", "anggaran.xlsx", "tidak dapat dibuka"),
        (b"", "anggaran.csv", "kosong"),
        (b"Uraian;Realisasi\na;1\n", "anggaran.csv", "Kolom wajib tidak ditemukan"),
    ],
)
def test_unreadable_file_exits_2_with_one_line(tmp_path: Path, content: bytes, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("summary", "--budget", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert fragment in result.stderr


@pytest.mark.slow  # runs the command line in a child process
def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("summary", "--assets", str(tmp_path / "tidak_ada.xlsx"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"Berkas tidak ditemukan: {tmp_path / 'tidak_ada.xlsx'}"


@pytest.mark.slow  # runs the command line in a child process
def test_no_files_or_no_command_exits_2() -> None:
    result = run("summary")
    assert result.returncode == 2
    assert "Berikan minimal satu berkas" in result.stderr
    result = run()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # runs the command line in a child process
def test_asset_file_without_acquisition_year(xlsx: MakeXlsx) -> None:
    path = xlsx([["No", "Nama Barang", "Jumlah", "Kondisi"], [1, "Kursi", 4, "B"], [2, "Meja", 2, "RR"]])
    result = run("summary", "--assets", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assets = strict_json(result.stdout)["assets"]
    assert assets["units"] == 6
    assert assets["by_condition"] == {"Baik": 4, "Rusak Ringan": 2}
    assert assets["good_pct"] == 66.67


@pytest.mark.slow  # runs the command line in a child process
def test_absurd_amount_is_reported_not_a_crash(csv_file: Callable[..., Path]) -> None:
    path = csv_file(
        [["Kode", "Uraian", "Pagu", "Realisasi"], ["3355", "a", "1" + "0" * 30, "5"], ["JUMLAH", "", "7", "5"]]
    )
    result = run("summary", "--budget", str(path))
    assert result.returncode == 0, result.stderr
    assert "Rp 1" + ".000" * 10 in result.stdout
    assert "Baris JUMLAH menyatakan pagu Rp 7, tetapi" in result.stdout
