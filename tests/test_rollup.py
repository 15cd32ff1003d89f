"""The roll-up's core: provinces from satker names, IKPA pace, per-version figures, ranking and outliers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from lakip_core.analysis import rollup
from lakip_core.analysis.regions import provinces, region_of, regions
from lakip_core.analysis.version_summary import VersionFigures, figures_of
from lakip_core.intake.inspection import inspect_bytes, inspection_from_json, inspection_to_json
from lakip_core.rules.ikpa import month_target, pace_gap, quarter_of, quarter_target
from lakip_core.rules.settings import IkpaTarget, Settings
from lakip_core.schema import RollupCol as R
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests import golden
from tests.intake_helpers import SAMPLE
from tests.rollup_helpers import THREE, Satker, budget_xlsx, indicator_xlsx, store_satker

# --- provinces -----------------------------------------------------------------------------


def test_the_table_has_every_province_and_kabupaten_kota() -> None:
    every = regions()
    assert len(provinces()) == 38
    assert sum(r.level == "kabupaten" for r in every) == 416
    assert sum(r.level == "kota" for r in every) == 98
    assert 1 + 38 + 416 + 98 == 553  # KPU RI, KPU Provinsi, KPU Kabupaten/Kota: the 553 satker


@pytest.mark.parametrize(
    ("name", "level", "province"),
    [
        ("KPU Kota Jakarta Selatan", "kota", "DKI Jakarta"),
        ("KPU KOTA ADM. JAKARTA SELATAN", "kota", "DKI Jakarta"),
        ("Sekretariat KPU Kabupaten Bogor", "kabupaten", "Jawa Barat"),
        ("KPU Kota Bogor", "kota", "Jawa Barat"),
        ("KPU Kab. Kep. Siau Tagulandang Biaro", "kabupaten", "Sulawesi Utara"),
        ("KPU Kabupaten Tolitoli", "kabupaten", "Sulawesi Tengah"),
        ("KPU Kota Palangkaraya", "kota", "Kalimantan Tengah"),
        ("KPU Kota Bau-Bau", "kota", "Sulawesi Tenggara"),
        ("KIP Kabupaten Aceh Besar", "kabupaten", "Aceh"),
        ("KIP Aceh Besar", "kabupaten", "Aceh"),  # Aceh's KIP often drops "Kabupaten"
        ("Komisi Independen Pemilihan Aceh", "provinsi", "Aceh"),
        ("KPU Provinsi DKI Jakarta", "provinsi", "DKI Jakarta"),
        ("KPU Provinsi Daerah Istimewa Yogyakarta", "provinsi", "DI Yogyakarta"),
        ("KPU Provinsi Papua Barat Daya", "provinsi", "Papua Barat Daya"),
        ("KPU Kabupaten Jayawijaya", "kabupaten", "Papua Pegunungan"),  # moved by UU 16/2022
        ("KPU Kota Sorong", "kota", "Papua Barat Daya"),
        ("Komisi Pemilihan Umum Kabupaten Malang", "kabupaten", "Jawa Timur"),
    ],
)
def test_province_from_the_satker_name(name: str, level: str, province: str) -> None:
    found = region_of(name)
    assert found is not None and (found.level, found.province) == (level, province)


@pytest.mark.parametrize("name", ["KPU Bogor", "KPU Kabupaten Contoh", "Dinas Pendidikan", "", None])
def test_no_guess_when_the_name_is_ambiguous_or_unknown(name: str | None) -> None:
    assert region_of(name) is None


def test_kpu_ri_is_national_without_a_province() -> None:
    for name in ("KPU RI", "Sekretariat Jenderal KPU", "KPU Republik Indonesia"):
        found = region_of(name)
        assert found is not None and found.level == "nasional" and found.province is None


# --- IKPA pace -------------------------------------------------------------------------------


def test_quarter_targets_weighted_by_pagu() -> None:
    targets = Settings(year=2025).ikpa  # published per jenis belanja from 2024
    assert [quarter_of(m) for m in (1, 3, 4, 6, 7, 10, 12)] == [1, 1, 2, 2, 3, 4, 4]
    assert quarter_target(3, {"51": 100.0}, targets) == 20.0
    assert quarter_target(10, {"51": 600.0, "52": 400.0}, targets) == pytest.approx(93.0)
    assert quarter_target(6, {"53": 1.0, "57": 1.0}, targets) == pytest.approx(45.0)
    # A jenis without a target (54) weighs nothing; without any, there is no target (not 0).
    assert quarter_target(12, {"52": 100.0, "54": 900.0}, targets) == pytest.approx(90.0)
    assert quarter_target(12, {"54": 900.0}, targets) is None
    assert quarter_target(12, {"52": 0.0}, targets) is None
    # Before 2024 the targets were flat: 15/40/60/90 whatever the jenis.
    assert quarter_target(10, {"51": 600.0, "52": 400.0}, Settings(year=2023).ikpa) == pytest.approx(90.0)
    with pytest.raises(ValueError):
        quarter_of(13)


def test_the_target_at_a_month_moves_evenly_between_quarter_ends() -> None:
    targets = Settings(year=2025).ikpa
    assert month_target(3, {"51": 100.0}, targets) == pytest.approx(20.0)  # a quarter's end: its target
    assert month_target(1, {"51": 100.0}, targets) == pytest.approx(20.0 / 3)  # from 0 before January
    assert month_target(5, {"51": 100.0}, targets) == pytest.approx(20.0 + 30.0 * 2 / 3)  # March 20 → June 50
    assert month_target(11, {"51": 600.0, "52": 400.0}, targets) == pytest.approx(73.0 + (93.0 - 73.0) * 2 / 3)
    assert month_target(11, {"54": 1.0}, targets) is None


def test_pace_gap_needs_both_sides() -> None:
    assert pace_gap(80.0, 93.0) == pytest.approx(-13.0)
    assert pace_gap(None, 93.0) is None
    assert pace_gap(80.0, None) is None


# --- per-version figures ---------------------------------------------------------------------


def test_figures_of_the_sample_files_match_the_report() -> None:
    from lakip_core import load_report

    report = load_report([SAMPLE / "indikator_kinerja_2024.xlsx"], budget=SAMPLE / "anggaran_2024.xlsx")
    for kind, name in (("indicators", "indikator_kinerja_2024.xlsx"), ("budget", "anggaran_2024.xlsx")):
        inspection = inspect_bytes((SAMPLE / name).read_bytes(), name, kind, 2024)
        figures = VersionFigures.from_dict(inspection.figures)
        assert figures.kind == kind and figures.satker_name == "KPU Kota Jakarta Selatan"
        if kind == "indicators":
            assert figures.achievement_pct == pytest.approx(report.office.mean_pct)
            office = report.office
            assert (figures.indicator_count, figures.indicators_with_data) == (office.count, office.with_data)
            assert figures.achievement_category == office.category
            assert figures.allocation is None  # another kind's field: no data, not 0
        else:
            assert (figures.allocation, figures.realized) == (golden.ALLOCATION.value, golden.REALIZED.value)
            assert figures.absorption_pct == pytest.approx(golden.ABSORPTION.value, abs=1e-6)
            assert figures.achievement_pct is None
    # The figures survive the trip from the sandbox child to the parent.
    again = inspection_from_json(inspection_to_json(inspection), inspection.content)
    assert again.figures == inspection.figures


def test_budget_figures_by_jenis_belanja_and_no_month_without_a_period(tmp_path: Path) -> None:
    satker = Satker("KPU Kota Bandung", [100.0], [("3360", "511111", 600, 540), ("3360", "521111", 400, 230)])
    inspection = inspect_bytes(budget_xlsx(satker, 2025), "anggaran.xlsx", "budget", 2025)
    figures = VersionFigures.from_dict(inspection.figures)
    assert figures.jenis_belanja == {"51": (600.0, 540.0), "52": (400.0, 230.0)}
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store.save(SYSTEM, inspection, satker.name, 2025)
    # A flat download states no month: no month in the figures, so no IKPA pace (not a pace of 0).
    assert store.current_summaries()["period_month"].isna().all()
    assert rollup.satker_table(store.current_summaries())[R.PACE_PTS].isna().all()


def test_a_glp039_download_gives_month_code_and_totals(tmp_path: Path) -> None:
    from tests.real_exports.glp039 import glp039

    expected = glp039(tmp_path / "glp039.xlsx", rows=600, seed=3, month=9, year=2025,
                      satker=("654321", "KPU KABUPATEN BOGOR"))  # fmt: skip
    inspection = inspect_bytes(expected.path.read_bytes(), "glp039.xlsx", "budget", 2025)
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    saved = store.save(SYSTEM, inspection, "KPU Kabupaten Bogor", 2025)
    assert store.version(saved.version_id).period_month == 9  # the version's month and the figures' agree
    row = store.current_summaries().iloc[0]
    assert (row["allocation"], row["realized"]) == (expected.pagu, expected.realisasi)
    assert (row["period_month"], row["satker_code"], row["province"]) == (9, "654321", "Jawa Barat")
    by_jenis = {k: tuple(v) for k, v in json.loads(row["jenis_belanja"]).items()}
    assert by_jenis == {k: (float(a.pagu), float(a.realisasi)) for k, a in expected.per_jenis_belanja.items()}


def test_findings_counted_by_severity() -> None:
    from lakip_core import load_report

    report = load_report(staff=SAMPLE / "pegawai_2024.xlsx")
    figures = figures_of(report, "staff")
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    assert (figures.findings_error, figures.findings_warning, figures.findings_info) == (
        counts["error"],
        counts["warning"],
        counts["info"],
    )
    assert figures.staff_count == 28 and figures.staff_female_pct == pytest.approx(report.staff_summary.female_pct)


# --- store: written with the version, read for every current version ------------------------


@pytest.fixture
def three(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    for satker in THREE:
        store_satker(store, satker, 2025)
    return store


def test_figures_are_stored_with_each_version(three: Store) -> None:
    rows = three.current_summaries()
    assert len(rows) == 6 and set(rows["kind"]) == {"indicators", "budget"}
    assert set(rows["province"]) == {"Jawa Barat", "Jawa Timur"}
    assert three.missing_summaries() == []
    assert three.summaries_token()[1] == 6


def test_a_new_version_replaces_the_figures_in_the_roll_up(three: Store) -> None:
    before = three.summaries_token()
    changed = Satker("KPU Kota Bandung", [50.0], THREE[0].lines)
    three.save(
        SYSTEM, inspect_bytes(indicator_xlsx(changed, 2025), "baru.xlsx", "indicators", 2025), changed.name, 2025
    )
    assert three.summaries_token() != before
    table = rollup.satker_table(three.current_summaries())
    bandung = table[table[R.SATKER] == "KPU Kota Bandung"].iloc[0]
    assert bandung[R.ACHIEVEMENT_PCT] == pytest.approx(50.0)
    old = next(v for v in three.versions("KPU Kota Bandung", 2025, "indicators") if not v.is_current)
    three.restore(SYSTEM, old.id)
    table = rollup.satker_table(three.current_summaries())
    assert table.loc[table[R.SATKER] == "KPU Kota Bandung", R.ACHIEVEMENT_PCT].iloc[0] == pytest.approx(100.0)


def test_a_failed_save_stores_no_figures(three: Store) -> None:
    from lakip_core.store.auth import Actor, PermissionDeniedError

    three.create_user(SYSTEM, "komisioner", "sandi-kuat-1", "pembaca")
    satker = Satker("KPU Kota Malang", [90.0], THREE[0].lines)
    inspection = inspect_bytes(indicator_xlsx(satker, 2025), "i.xlsx", "indicators", 2025)
    with pytest.raises(PermissionDeniedError):
        three.save(Actor("komisioner"), inspection, satker.name, 2025)
    assert len(three.current_summaries()) == 6


def test_old_databases_get_the_table_and_a_backfill(tmp_path: Path) -> None:
    """A store made before figures were kept: the roll-up lists its versions as missing, the
    backfill reads the stored files and the figures equal those written at upload."""
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    for satker in THREE:
        store_satker(store, satker, 2025)
    expected = store.current_summaries().set_index("version_id")
    store.dispose()
    with sqlite3.connect(tmp_path / "lakip.db") as conn:
        conn.execute("DROP TABLE version_summaries")
    old = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    assert old.current_summaries().empty
    assert old.missing_summaries() == sorted(expected.index)
    seen: list[tuple[int, int]] = []
    done, problems = old.backfill_summaries(progress=lambda i, n: seen.append((i, n)))
    assert (done, problems) == (6, []) and seen[-1] == (6, 6)
    got = old.current_summaries().set_index("version_id")
    columns = ["satker", "province", "achievement_pct", "absorption_pct", "period_month", "jenis_belanja"]
    pd.testing.assert_frame_equal(got[columns].sort_index(), expected[columns].sort_index())
    assert old.missing_summaries() == [] and old.backfill_summaries() == (0, [])


def test_the_cli_fills_missing_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lakip_core.cli.main import main

    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store_satker(store, THREE[0], 2025)
    store.dispose()
    with sqlite3.connect(tmp_path / "lakip.db") as conn:
        conn.execute("DELETE FROM version_summaries")
    assert main(["summaries", "--db", str(tmp_path / "lakip.db")]) == 0
    assert "2 versi" in capsys.readouterr().err
    assert Store(str(tmp_path / "lakip.db")).missing_summaries() == []


# --- ranking, spread, outliers ---------------------------------------------------------------


def test_satker_table_one_row_per_satker_and_year(three: Store) -> None:
    table = rollup.satker_table(three.current_summaries())
    assert list(table.columns) == list(rollup.COLUMNS)
    row = table.set_index(R.SATKER).loc["KPU Kota Bandung"]
    assert row[R.ACHIEVEMENT_PCT] == pytest.approx(100.0)  # the "-" realisasi is left out, not 0
    assert row[R.ABSORPTION_PCT] == pytest.approx(77.0)
    assert pd.isna(row[R.IKPA_TARGET_PCT]) and pd.isna(row[R.PACE_PTS])  # a flat budget names no month
    assert row[R.KINDS] == 2 and row[R.PROVINCE_CODE] == "32" and row[R.REGION_LEVEL] == "kota"
    assert pd.isna(row[R.STAFF_COUNT])  # no staff file: no data


def test_latest_month_counts_among_monthly_budget_versions() -> None:
    base = {"satker": "KPU Kota Bandung", "year": 2025, "uploaded_at": "2025-11-01T00:00:00Z", "province": "Jawa Barat"}
    budget = {"kind": "budget", "allocation": 100.0, "jenis_belanja": json.dumps({"52": [100.0, 0]})}
    summaries = pd.DataFrame(
        [
            {**base, **budget, "version_id": 7, "period_month": 9, "realized": 60.0, "absorption_pct": 60.0},
            {**base, **budget, "version_id": 5, "period_month": 10, "realized": 72.0, "absorption_pct": 72.0},
        ]
    )
    for column in rollup.COLUMNS:
        if column not in summaries:
            summaries[column] = None
    row = rollup.satker_table(summaries).iloc[0]
    target = 70.0 + 20.0 / 3  # October: a third of the way from September's 70 to December's 90
    assert (row[R.PERIOD_MONTH], row[R.ABSORPTION_PCT], row[R.PACE_PTS]) == (10, 72.0, pytest.approx(72.0 - target))


def test_tukey_outliers_and_too_few_values() -> None:
    values = pd.Series([80.0, 82.0, 84.0, 86.0, 88.0, 20.0, 150.0])
    found = rollup.spread(values)
    assert found is not None
    assert (found.q1, found.median, found.q3) == (81.0, 84.0, 87.0)
    assert (found.low_fence, found.high_fence) == (72.0, 96.0)
    assert rollup.outlier_flags(values, found).tolist() == ["", "", "", "", "", "rendah", "tinggi"]
    assert rollup.spread(pd.Series([1.0, 2.0, None, 3.0])) is None


def test_ranked_best_first_ties_share_a_rank_no_data_last() -> None:
    table = pd.DataFrame({R.SATKER: ["A", "B", "C", "D", "E"], R.ACHIEVEMENT_PCT: [90.0, None, 95.0, 90.0, 10.0]})
    rows, found = rollup.ranked(table, rollup.METRICS["capaian"])
    assert rows[R.SATKER].tolist() == ["C", "A", "D", "E", "B"]
    assert rows[R.RANK].tolist() == [1, 2, 2, 4, pd.NA]
    assert found is not None and rows[R.OUTLIER].tolist() == ["", "", "", "rendah", ""]


def test_filters_by_year_province_and_level(three: Store) -> None:
    table = rollup.satker_table(three.current_summaries())
    assert len(rollup.filtered(table, 2025)) == 3
    assert set(rollup.filtered(table, 2025, "32")[R.SATKER]) == {"KPU Kota Bandung", "KPU Kabupaten Bogor"}
    assert len(rollup.filtered(table, 2024)) == 0
    assert len(rollup.filtered(table, level="provinsi")) == 0
    assert len(rollup.filtered(table, level="kabkota")) == 3


def test_satker_names_reach_the_charts_as_text() -> None:
    from lakip_core.presentation.rollup import ranking_bars, spread_chart

    hostile = ["KPU Kota <b>Tebal</b>", "KPU [tautan](http://x.id)", "KPU Kota A", "KPU Kota B", "KPU Kota C"]
    table = pd.DataFrame(
        {
            R.SATKER: hostile,
            R.PROVINCE: ["<i>Prov</i>", None, "Bali", "Bali", "Bali"],
            R.ACHIEVEMENT_PCT: [10.0, 90.0, 91.0, 92.0, 93.0],
            R.ACHIEVEMENT_CATEGORY: ["Sangat Rendah", "Tinggi", "Sangat Tinggi", "Sangat Tinggi", "Sangat Tinggi"],
        }
    )
    rows, found = rollup.ranked(table, rollup.METRICS["capaian"])
    spread = spread_chart(rows, rollup.METRICS["capaian"], found).to_plotly_json()
    bars = ranking_bars(rows, rollup.METRICS["capaian"]).to_plotly_json()
    texts = [*spread["data"][0]["hovertext"], *spread["data"][0]["text"], *bars["data"][0]["y"]]
    assert any("KPU Kota &lt;b&gt;Tebal&lt;/b&gt;" in t for t in texts)
    assert not any("<b>Tebal" in t or "<i>Prov" in t for t in texts)
    assert "KPU Kota &lt;b&gt;Tebal&lt;/b&gt;" in spread["data"][0]["text"]  # the low outlier is named on the chart


def test_figures_under_changed_settings_are_recomputed(three: Store) -> None:
    """An admin caps capaian at 100%: the stored figures were computed without the cap, so they
    count as missing; the backfill recomputes them under the new setting (IKPA targets aside)."""
    assert three.missing_summaries() == []
    flat = tuple(IkpaTarget(j, (15.0, 40.0, 60.0, 90.0)) for j in ("51", "52", "53", "57"))
    assert three.change_settings(SYSTEM, {"ikpa_targets": flat}, 2025)  # applied by the roll-up itself:
    assert three.missing_summaries() == []  # nothing stored goes stale
    three.change_settings(SYSTEM, {"cap_pct": 100.0}, 2025)
    stale = three.missing_summaries()
    assert len(stale) == 6
    table = rollup.satker_table(three.current_summaries())  # the old figures still show meanwhile
    assert table.set_index(R.SATKER).loc["KPU Kota Surabaya", R.ACHIEVEMENT_PCT] == pytest.approx(115.0)
    assert three.backfill_summaries() == (6, [])
    table = rollup.satker_table(three.current_summaries())
    assert table.set_index(R.SATKER).loc["KPU Kota Surabaya", R.ACHIEVEMENT_PCT] == pytest.approx(100.0)
    assert three.missing_summaries() == []
