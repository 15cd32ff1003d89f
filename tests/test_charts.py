"""Chart builders: pure functions; titles state the finding, numbers Indonesian, empty is normal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from lakip_core import load_report
from lakip_core.analysis import budget, report
from lakip_core.presentation import charts
from lakip_core.presentation.charts import DESK, MEETING
from tests import golden
from tests.conftest import SAMPLE_BUDGET, SAMPLE_INDICATORS

TREE = [
    ["RINCIAN ANGGARAN (dalam ribuan rupiah)"],
    [],
    ["Kode", "Uraian", "Pagu", "Realisasi"],
    ["076.01.WA", "Program Dukungan Manajemen", "300", "250"],
    ["076.01.WA.3355", "Akuntabilitas keuangan", "200", "180"],
    ["076.01.WA.3355.EBA.994.001.511111", "Belanja gaji pokok PNS", "150", "140"],
    ["076.01.WA.3355.EBA.994.001.521211", "Belanja bahan", "50", "40"],
    ["076.01.WA.3360", "Operasional perkantoran", "100", "70"],
    ["076.01.WA.3360.EBA.994.002.532111", "Belanja modal peralatan", "100", "70"],
]


def test_budget_chart_states_absorption_and_keeps_rupiah_exact() -> None:
    rep = report.load_report(budget=SAMPLE_BUDGET)
    totals = rep.budget_totals
    assert totals is not None
    fig = charts.budget_chart(rep.budget_lines, totals.absorption_pct, totals.remaining)
    assert fig.layout.title.text.startswith(f"<b>Penyerapan anggaran {golden.ABSORPTION.text}")
    assert f"Sisa anggaran {golden.REMAINING.text}" in fig.layout.title.text
    assert fig.layout.separators == ",."
    pagu, realisasi = fig.data
    assert sum(pagu.x) == golden.ALLOCATION.value and sum(realisasi.x) == golden.REALIZED.value
    assert "0,00%" in realisasi.text  # kegiatan 3356 spent nothing: shown, not hidden
    assert f"Sisa: {golden.PAGU_3356.text}" in " ".join(pagu.hovertext)


def test_absorption_chart_names_the_lowest_kegiatan() -> None:
    rep = report.load_report(budget=SAMPLE_BUDGET)
    fig = charts.absorption_chart(rep.budget_lines, rep.budget_totals.absorption_pct)  # type: ignore[union-attr]
    # Named, not a bare code: the code stays in small type (desk) and in the hover.
    assert fig.layout.title.text.startswith("<b>Terendah: Pengelolaan Data, Dokumentasi")
    bar = fig.data[0]
    assert bar.y[-1].startswith("Pelaksanaan akuntabilitas") and "3355</span>" in bar.y[-1]
    assert any(h.startswith("3356 Pengelolaan Data") for h in bar.hovertext)
    meeting = charts.absorption_chart(rep.budget_lines, rep.budget_totals.absorption_pct, MEETING)  # type: ignore[union-attr]
    assert not any("3355" in label for label in meeting.data[0].y)


def test_objectives_chart_marks_sasaran_without_data(tmp_path: Path) -> None:
    rep = report.load_report([SAMPLE_INDICATORS])
    fig = charts.objectives_chart(rep.objectives, rep.office.mean_pct, rep.office.category)
    bar = fig.data[0]
    assert len(bar.y) == len(rep.objectives) == 20
    assert list(bar.text).count(charts.NO_DATA) == 12  # the Perjanjian Kinerja sasaran
    # Issue 9: "4. Tersedianya Layanan Perkantoran:" counted once (its own 97,94%), not with its
    # eight sub-items as well: 57,89% → 55,62%.
    assert f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in fig.layout.title.text


def test_indicator_chart_hover_explains_target_and_realisasi() -> None:
    rep = report.load_report([SAMPLE_INDICATORS])
    rows = rep.indicator_frame[rep.indicator_frame["objective_code"] == "3355"]
    fig = charts.indicators_chart(rows)
    hover = " ".join(fig.data[0].hovertext)
    assert "Target: 100%<br>Realisasi: 99,61%<br>Capaian: 99,61%" in hover


def test_treemap_and_jenis_belanja_from_a_dotted_tree(xlsx: Callable[..., Path]) -> None:
    data = load_report(budget=xlsx({"Anggaran": TREE})).budget
    assert budget.has_hierarchy(data)
    fig = charts.budget_treemap(data.frame)
    tree = fig.data[0]
    values = dict(zip(tree.ids, tree.values, strict=True))
    # Sizes come from the leaves (× 1000 for "dalam ribuan"); parents are sums, never added twice.
    assert values["076"] == 300_000 and values["076.01.WA.3355"] == 200_000
    jenis = budget.by_jenis_belanja(data)
    assert list(jenis["jenis_belanja"]) == ["Belanja Pegawai", "Belanja Barang", "Belanja Modal"]
    fig = charts.jenis_belanja_chart(jenis)
    assert fig.layout.title.text.startswith("<b>Terbesar: Belanja Pegawai (Rp 150.000)")
    assert "Pagu: Rp 150.000<br>Realisasi: Rp 140.000" in fig.data[0].hovertext[0]


def test_empty_inputs_give_a_friendly_chart_not_an_error() -> None:
    empty = pd.DataFrame(columns=["objective", "mean_achievement_pct", "indicators", "with_data", "category"])
    fig = charts.objectives_chart(empty, None, "Tidak ada data")
    assert fig.layout.annotations[0].text == "Belum ada data indikator."
    fig = charts.stacked_chart(pd.DataFrame(), "Judul", "Orang")
    assert fig.layout.annotations[0].text == "Belum ada data."


def test_meeting_style_is_larger() -> None:
    rep = report.load_report([SAMPLE_INDICATORS])
    desk = charts.objectives_chart(rep.objectives, rep.office.mean_pct, rep.office.category, DESK)
    meeting = charts.objectives_chart(rep.objectives, rep.office.mean_pct, rep.office.category, MEETING)
    assert meeting.layout.font.size >= 24 > desk.layout.font.size
    # Dark text everywhere in mode rapat, not the theme's light grey.
    assert meeting.layout.font.color == meeting.layout.xaxis.tickfont.color == meeting.layout.title.font.color
    assert meeting.layout.yaxis.tickfont.size >= 24 and meeting.data[0].textfont.size >= 24
    # A projector chart fits a 1366×768 screen; no chart zooms or pans on a stray drag.
    assert meeting.layout.height <= MEETING.max_height < desk.layout.height
    for fig in (desk, meeting):
        assert fig.layout.dragmode is False and fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange


def test_rupiah_axis_ticks_read_in_indonesian() -> None:
    values, labels = charts.rupiah_ticks(2_469_940_000)
    assert values == [0, 500_000_000, 1_000_000_000, 1_500_000_000, 2_000_000_000]
    assert labels == ["0", "500 juta", "1 miliar", "1,5 miliar", "2 miliar"]
    rep = report.load_report(budget=SAMPLE_BUDGET)
    fig = charts.budget_chart(rep.budget_lines, 95.8, 0)
    assert "miliar" in " ".join(fig.layout.xaxis.ticktext)


def test_category_chart_names_both_peaks_and_the_ranges() -> None:
    rep = load_report([SAMPLE_INDICATORS]).computed()
    fig = charts.category_chart(rep.indicator_frame, rep.settings.scale)
    # 18 Sangat Tinggi and 16 Sangat Rendah: the office mean of 57,89% sits between two peaks.
    # The 18 indicators without realisasi are a bar, not a peak of achievement.
    assert fig.layout.title.text == "<b>Terbanyak Sangat Tinggi (18 indikator), lalu Sangat Rendah (16)</b>"
    assert list(fig.data[0].x)[:2] == ["Sangat Tinggi<br>≥ 91%", "Tinggi<br>76–&lt;91%"]
    assert list(fig.data[0].x)[-1] == "Tidak ada data" and list(fig.data[0].y) == [18, 4, 4, 2, 16, 18]


def test_every_asset_condition_has_its_colour_and_unrecorded_is_grey() -> None:
    """A condition label without a colour falls back to the series palette (green for the third
    segment: "Tidak tercatat" read as good); each label the asset rules produce has its own."""
    from lakip_core.analysis import assets
    from lakip_core.presentation.charts import CONDITION_COLORS, GREY

    labels = (assets.GOOD, assets.LIGHT, assets.HEAVY, assets.DAMAGED, assets.UNKNOWN, assets.NOT_RECORDED)
    assert set(labels) <= set(CONDITION_COLORS)
    assert CONDITION_COLORS[assets.NOT_RECORDED] == CONDITION_COLORS[assets.UNKNOWN] == GREY
