"""Settings that matter to offices: declared once, checked in Indonesian, stored, audited, applied everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import SAMPLE_INDICATORS

from lakip_core import load_report
from lakip_core.analysis.report import Report
from lakip_core.cli.main import main
from lakip_core.rules import settings_codec as codec
from lakip_core.rules.achievement import BAIK_SCALE
from lakip_core.rules.settings import IKPA_BEFORE_2024, IKPA_FROM_2024, Settings, setting
from lakip_core.rules.settings_codec import Overrides, SettingsError
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM, Actor, PermissionDeniedError
from tests import golden
from tests.intake_helpers import SATKER, store_file, store_with_uploader

MakeXlsx = Callable[..., Path]


@pytest.fixture(scope="module")
def report(sample_report: Report) -> Report:
    return sample_report


# --- declared once ----------------------------------------------------------------------------------


def test_every_convention_of_domain_md_is_an_editable_setting() -> None:
    kinds = {item.name: item.kind for item in codec.specs()}
    assert kinds == {
        "cap_pct": "number",
        "scale": "scale",
        "tolerance_pts": "number",
        "amount_tolerance": "number",
        "ikpa_targets": "ikpa",
        "report_date": "date",
        "women_commissioner_min_pct": "number",
        "useful_life": "useful_life",
        "group_counting": "text",
        "group_tolerance_pts": "number",
        "bare_actual_in_target_unit": "flag",
        "spent_threshold_pct": "number",
        "achieved_threshold_pct": "number",
        "small_base": "whole",
    }
    assert [item.group for item in codec.specs()] == sorted(
        (item.group for item in codec.specs()),
        key=["Capaian kinerja", "Pemeriksaan", "Anggaran", "Pegawai dan aset"].index,
    )
    assert {item.name for item in codec.specs() if item.per_year} == {"ikpa_targets", "report_date"}


def test_a_new_plain_field_needs_only_its_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    """What another stream does to add a convention (e.g. how groups are counted): one field."""

    @dataclass(frozen=True)
    class Wider(Settings):
        group_counting: str = setting(
            "group", label="Cara menghitung kelompok", group="Capaian kinerja", choices=("group", "items")
        )
        strict_units: bool = setting(False, label="Satuan harus sama", group="Pemeriksaan")

    monkeypatch.setattr(codec, "Settings", Wider)
    assert codec.spec("group_counting").kind == "text" and codec.spec("strict_units").kind == "flag"
    chosen, change = Overrides().with_value("group_counting", codec.parse("group_counting", "items"), 2024)
    assert change is not None and change.describe() == "Cara menghitung kelompok: group → items"
    chosen, _ = chosen.with_value("strict_units", codec.parse("strict_units", "ya"), 2024)
    settings = chosen.settings(2024)
    assert isinstance(settings, Wider) and settings.group_counting == "items" and settings.strict_units is True
    with pytest.raises(SettingsError, match="Cara menghitung kelompok: pilih salah satu: group, items"):
        codec.parse("group_counting", "semua")


# --- checked, in Indonesian ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "scale",
            "tinggi:91/76/80/51",
            "batas bawah kategori harus menurun: Tinggi (76) harus lebih besar dari Sedang (80)",
        ),
        ("scale", "tinggi:91/76", "perlu 4 batas bawah, untuk Sangat Tinggi, Tinggi, Sedang, Rendah"),
        ("scale", "sedang", "skala 'sedang' tidak dikenal; pilih tinggi, baik"),
        ("cap_pct", "90", "Batas atas capaian per indikator: paling kecil 100%"),
        ("cap_pct", "seratus", "'seratus' bukan angka"),
        ("tolerance_pts", "-1", "Toleransi persentase tertulis: paling kecil 0 poin"),
        ("tolerance_pts", "tanpa", "'tanpa' bukan angka"),  # not optional: no "none"
        ("ikpa_targets", "52=15/50/40/90", "target jenis belanja 52 kumulatif, jadi tidak boleh turun"),
        ("ikpa_targets", "52=15/50/70", "jenis belanja 52 perlu empat target (triwulan I–IV)"),
        ("ikpa_targets", "62=15/50/70/90", "jenis belanja '62' harus dua digit awal akun"),
        ("ikpa_targets", "52=15/50/70/190", "target triwulan 4 jenis belanja 52 harus 0–100%"),
        ("report_date", "31-02-2024", "'31-02-2024' bukan tanggal"),
        ("useful_life", "kode,nama\n1,2\n", "kolom CSV harus kode_kelompok,kelompok,masa_manfaat_tahun,kata_kunci"),
        ("nama_lain", "1", "Pengaturan 'nama_lain' tidak dikenal"),
    ],
)
def test_refused_values_say_why_in_indonesian(name: str, text: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        codec.parse(name, text)
    assert message in str(caught.value)


def test_useful_life_table_checks_each_row() -> None:
    table = codec.useful_life_csv(Settings().useful_life)
    assert codec.parse("useful_life", table) == Settings().useful_life  # the bundled table round-trips
    with pytest.raises(SettingsError, match="kode kelompok 30201 tercantum lebih dari sekali"):
        codec.parse("useful_life", table + "30201,Kendaraan Lain,8,truk\n")
    with pytest.raises(SettingsError, match=r"baris \d+ \(Rak\): masa manfaat '0' harus bilangan bulat 1–100"):
        codec.parse("useful_life", table + "30503,Rak,0,rak\n")
    with pytest.raises(SettingsError, match="tabel tidak boleh kosong"):
        codec.check("useful_life", [])


def test_values_people_write_are_read() -> None:
    assert codec.parse("cap_pct", "120") == 120 and codec.parse("cap_pct", "tanpa batas") is None
    assert codec.parse("tolerance_pts", "1,5") == 1.5
    scale = codec.parse("scale", "baik:90/75/60/50")
    assert scale.labels == BAIK_SCALE.labels and scale.rate(74.9) == "Cukup" and scale.rate(10) == "Sangat Kurang"
    assert codec.parse("scale", "91,76,66,51") == Settings().scale  # commas when nothing else separates
    ikpa = codec.parse("ikpa_targets", "52=15/50/70/90; 51=20/50/75/95")
    assert [t.jenis for t in ikpa] == ["51", "52"]
    assert codec.show("scale", Settings().scale).endswith("Rendah ≥ 51, Sangat Rendah di bawahnya")
    assert codec.show("cap_pct", None) == "tanpa batas" and codec.show("cap_pct", 120.0) == "120%"
    assert codec.show("ikpa_targets", ikpa) == "51: 20/50/75/95; 52: 15/50/70/90"


# --- stored choices ---------------------------------------------------------------------------------


def test_overrides_keep_only_what_differs_and_per_year_what_is_per_year() -> None:
    chosen, change = Overrides().with_value("cap_pct", 120.0, 2024)
    assert change is not None and (change.old, change.new, change.year) == ("tanpa batas", "120%", None)
    chosen, change = chosen.with_value("ikpa_targets", codec.parse("ikpa_targets", "52=10/40/70/90"), 2025)
    assert change is not None and change.year == 2025
    data = json.loads(chosen.text)
    assert data == {"global": {"cap_pct": 120}, "years": {"2025": {"ikpa_targets": {"52": [10, 40, 70, 90]}}}}
    assert chosen.settings(2025).ikpa == {"52": (10.0, 40.0, 70.0, 90.0)}
    assert chosen.settings(2024).ikpa == {t.jenis: t.quarters for t in IKPA_FROM_2024}  # other years: published
    assert chosen.settings(2023).ikpa == {t.jenis: t.quarters for t in IKPA_BEFORE_2024}
    assert chosen.settings(2023).cap_pct == 120  # for all years
    back, change = chosen.with_value("cap_pct", None, 2024)  # the default again: not kept
    assert "cap_pct" not in json.loads(back.text)["global"] and change is not None
    same, nothing = back.with_value("tolerance_pts", 1.0, 2024)
    assert nothing is None and same == back
    # A setting a later release removed is ignored, not an error.
    assert Overrides.from_json('{"global": {"old_setting": 1}, "years": {}}').settings(2024) == Settings(year=2024)


# --- applied to every figure ------------------------------------------------------------------------


def test_the_scale_rates_office_sasaran_and_indicators(report: Report) -> None:
    baik = report.with_settings(codec.apply(report.settings, {"scale": codec.parse("scale", "baik")}))
    assert baik.office.category == "Kurang" and baik.office.mean_pct == report.office.mean_pct
    assert set(baik.indicator_frame["category"]) <= {*BAIK_SCALE.labels, BAIK_SCALE.no_data}
    lower = report.with_settings(codec.apply(report.settings, {"scale": codec.parse("scale", "91/76/55/51")}))
    assert lower.office.category == "Sedang"  # 55,62% ≥ 55


def test_the_cap_limits_each_indicator(xlsx: MakeXlsx) -> None:
    path = xlsx([["Sasaran", "Indikator", "Target", "Realisasi"], ["A", "Dokumen", "10 Dok", "15 Dok"]])
    plain = load_report([path])
    capped = plain.with_settings(codec.apply(plain.settings, {"cap_pct": 120.0}))
    assert plain.office.mean_pct == 150 and capped.office.mean_pct == 120


def test_useful_life_and_age_date_reach_the_asset_and_staff_frames(report: Report) -> None:
    table = codec.parse("useful_life", codec.useful_life_csv(report.settings.useful_life).replace(",5,", ",40,"))
    longer = report.with_settings(replace(report.settings, useful_life=table))
    assert report.asset_summary is not None and longer.asset_summary is not None
    assert report.asset_summary.past_useful_life == golden.ASSETS_PAST_USEFUL_LIFE
    assert longer.asset_summary.past_useful_life < golden.ASSETS_PAST_USEFUL_LIFE  # recomputed, not kept
    later = report.with_settings(
        codec.apply(report.settings, {"report_date": codec.parse("report_date", "31-12-2030")})
    )
    assert later.staff is not None and report.staff is not None
    assert (later.staff.frame["age"] - report.staff.frame["age"]).min() == 6


def test_the_summary_json_says_which_settings_computed_it(report: Report) -> None:
    from lakip_core.analysis.report import summary_dict

    data = summary_dict(report.with_settings(codec.apply(report.settings, {"cap_pct": 120.0})))
    assert data["settings"]["cap_pct"] == 120 and data["settings"]["scale"] == {
        "preset": "tinggi",
        "bounds": [91, 76, 66, 51],
    }
    assert json.loads(json.dumps(data["settings"])) == data["settings"]


# --- the store: admins change, everything is audited --------------------------------------------------


def test_admins_change_settings_others_are_refused_and_audited(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    changes = store.change_settings(Actor("admin"), {"cap_pct": 120.0, "tolerance_pts": 2.0}, 2024)
    assert [c.describe() for c in changes] == [
        "Batas atas capaian per indikator: tanpa batas → 120%",
        "Toleransi persentase tertulis: 1 poin → 2 poin",
    ]
    entries = [e for e in store.audit_entries() if e.action == "pengaturan"]
    assert [(e.username, e.detail["setting"], e.detail["old"], e.detail["new"]) for e in entries] == [
        ("admin", "tolerance_pts", "1 poin", "2 poin"),
        ("admin", "cap_pct", "tanpa batas", "120%"),
    ]
    for name in ("sekretariat", "komisioner"):
        with pytest.raises(PermissionDeniedError, match="tidak berwenang mengubah pengaturan perhitungan"):
            store.change_settings(Actor(name), {"cap_pct": 150.0}, 2024)
    assert store.settings_for(2024).cap_pct == 120
    assert store.audit_entries()[0].action == "ditolak"
    # All or nothing: one refused value changes nothing.
    with pytest.raises(SettingsError):
        store.change_settings(Actor("admin"), {"tolerance_pts": 3.0, "cap_pct": 50.0}, 2024)
    assert store.settings_for(2024).tolerance_pts == 2.0
    assert [c.describe() for c in store.reset_settings(Actor("admin"), ["cap_pct"], 2024)] == [
        "Batas atas capaian per indikator: 120% → tanpa batas"
    ]


def test_the_stored_report_is_computed_under_the_stored_settings(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    store_file(store, SAMPLE_INDICATORS.read_bytes(), SAMPLE_INDICATORS.name, "indicators")
    assert store.current_report(SATKER, 2024).office.category == golden.OFFICE_CATEGORY  # type: ignore[union-attr]
    store.change_settings(SYSTEM, {"scale": codec.parse("scale", "baik")}, 2024)
    assert store.current_report(SATKER, 2024).office.category == "Kurang"  # type: ignore[union-attr]


# --- the command line ---------------------------------------------------------------------------------


def test_summary_flags_change_this_run_only(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["summary", "--indicators", str(SAMPLE_INDICATORS), "--json"]
    assert main([*args, "--scale", "baik", "--tolerance", "0,5", "--setting", "women_commissioner_min_pct=40"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indicators"]["category"] == "Kurang"
    assert data["settings"]["tolerance_pts"] == 0.5 and data["settings"]["women_commissioner_min_pct"] == 40
    assert sum(c["code"] == "STATED_PCT_MISMATCH" for c in data["checks"]) == 3  # the rounded ones
    assert main([*args, "--cap", "90"]) == 2
    assert capsys.readouterr().err.strip() == "Batas atas capaian per indikator: paling kecil 100%."
    assert main([*args, "--setting", "cap"]) == 2
    assert "Tulis --setting NAMA=NILAI" in capsys.readouterr().err


def test_settings_command_shows_sets_and_resets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lakip.db")
    assert main(["settings", "show", "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "Batas atas capaian per indikator [cap_pct]: tanpa batas (bawaan)" in shown
    assert not Path(db).exists()  # showing creates nothing
    assert main(["settings", "set", "cap_pct", "120", "--db", db]) == 0
    assert capsys.readouterr().err.strip() == "Batas atas capaian per indikator: tanpa batas → 120%"
    assert main(["settings", "set", "ikpa_targets", "52=10/40/70/90", "--db", db]) == 2
    assert "berlaku per tahun laporan: sebutkan --year" in capsys.readouterr().err
    assert main(["settings", "set", "ikpa_targets", "52=10/40/70/90", "--year", "2025", "--db", db]) == 0
    table = tmp_path / "masa_manfaat.csv"
    table.write_text(codec.useful_life_csv(Settings().useful_life).replace("Gedung Permanen,50", "Gedung Permanen,40"))
    assert main(["settings", "set", "useful_life", f"@{table}", "--db", db]) == 0
    capsys.readouterr()
    assert main(["settings", "show", "--json", "--year", "2025", "--db", db]) == 0
    data = json.loads(capsys.readouterr().out)["settings"]
    assert data["cap_pct"]["value"] == 120 and data["cap_pct"]["chosen"]
    assert data["ikpa_targets"]["text"] == "52: 10/40/70/90"
    assert next(r for r in data["useful_life"]["value"] if r["group"] == "Gedung Permanen")["years"] == 40
    assert main(["settings", "show", "useful_life", "--db", db]) == 0
    assert "40101,Gedung Permanen,40,gedung|bangunan" in capsys.readouterr().out
    assert main(["settings", "reset", "cap_pct", "--db", db]) == 0
    assert Store(f"sqlite:///{db}").settings_for(2024).cap_pct is None
    actions = [(e.username, e.detail["setting"]) for e in Store(f"sqlite:///{db}").audit_entries()]
    assert actions[:2] == [("baris-perintah", "cap_pct"), ("baris-perintah", "useful_life")]


def test_settings_command_checks_the_named_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_with_uploader(tmp_path)
    db = str(tmp_path / "lakip.db")
    assert main(["settings", "set", "cap_pct", "120", "--user", "komisioner", "--db", db]) == 2
    assert "tidak berwenang mengubah pengaturan perhitungan" in capsys.readouterr().err
    assert main(["settings", "set", "cap_pct", "120", "--user", "admin", "--db", db]) == 0
    assert main(["summary", "--db", db, "--satker", SATKER, "--year", "2024"]) == 2  # no data yet: a message
    assert "Belum ada data tersimpan" in capsys.readouterr().err


@pytest.mark.slow  # reads the upload in a sandboxed child process
def test_an_upload_is_previewed_and_kept_under_the_stored_settings(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    store.change_settings(Actor("admin"), {"tolerance_pts": 0.5, "scale": codec.parse("scale", "baik")}, 2024)
    result = store.import_file(
        Actor("sekretariat"), SAMPLE_INDICATORS.read_bytes(), "ik.xlsx", "indikator", SATKER, 2024
    )
    kept = store.version(result.version_id)
    assert kept.summary["indicators"]["category"] == "Kurang"
    assert kept.summary["settings"]["tolerance_pts"] == 0.5
    assert sum(f.code == "STATED_PCT_MISMATCH" for f in kept.findings) == 3  # the rounded percentages
