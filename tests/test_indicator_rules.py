"""Issue 9 indicator rules, each from a small file shaped like the case (not from the sample).

Units compared before any ratio; groups counted once; one document feeds the office mean and the
others are compared with it; target 0; "Rata-rata" rows; negative realisasi; the value shown is
the value rated; repeated sasaran names; several indicators in one cell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from lakip_core import Settings, load_report
from lakip_core.analysis import indicator_checks, indicators
from lakip_core.analysis.report import Report, summary_dict
from lakip_core.rules.achievement import DEFAULT_SCALE, SAKIP_PREDICATES, met
from lakip_core.schema import IndicatorCol as C

MakeXlsx = Callable[..., Path]
HEADER = ["No.", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "%"]


def report_of(path: Path, settings: Settings | None = None) -> Report:
    return load_report([path], settings=settings or Settings(year=2024))


def codes(report: Report) -> Counter[str]:
    return Counter(f.code for f in report.findings)


# --- case 1: units -------------------------------------------------------------------------------


def test_target_and_realisasi_in_other_units_give_no_ratio_and_a_finding(xlsx: MakeXlsx) -> None:
    # Bab III B, Sasaran 9: printed under "Target (%) | Realisasi (%)", the header unit lost.
    path = xlsx(
        [
            HEADER,
            [
                "Sasaran 9",
                "Tersedianya layanan perkantoran",
                "1. Pemenuhan kebutuhan sehari-hari",
                "1 Paket",
                "96.57",
                None,
            ],
            [None, None, "2. Perawatan kendaraan roda 4", "4 Unit", "100.00", None],
            [None, None, "3. Pengadaan pakaian dinas", "8 Org", "100%", None],
            [None, None, "4. Layanan internet", "12 bulan", "12 bulan", "100.00"],
            [None, None, "5. Laporan keuangan", "2 Lap", "2 Laporan", None],
            [None, None, "6. Persentase layanan", "100 %", "0", "0"],
        ]
    )
    report = report_of(path)
    frame = report.indicator_frame
    assert list(frame[C.ACHIEVEMENT_PCT].round(2).fillna(-1)) == [-1, -1, -1, 100.0, 100.0, 0.0]
    mismatches = [f for f in report.findings if f.code == "INDICATOR_UNIT_MISMATCH"]
    assert [f.row for f in mismatches] == [2, 3, 4]
    assert "'1 Paket' (Paket)" in mismatches[0].message and "'96.57' (tanpa satuan)" in mismatches[0].message
    assert "'8 Org' (Orang)" in mismatches[2].message and "'100%' (%)" in mismatches[2].message
    # Nothing like 9.657% or 2.500% reaches a mean: the office mean is of the comparable lines only.
    assert report.office.mean_pct == pytest.approx((100 + 100 + 0) / 3)


def test_a_satuan_column_or_the_setting_reads_a_bare_realisasi_in_the_target_unit(xlsx: MakeXlsx) -> None:
    rows = [["Indikator", "Target", "Realisasi", "Satuan"], ["Laporan disusun", "4", "3", "Laporan"]]
    assert report_of(xlsx(rows)).indicator_frame[C.ACHIEVEMENT_PCT].tolist() == [75.0]
    bare = [["Indikator", "Target", "Realisasi"], ["Laporan disusun", "4 Laporan", "3"]]
    assert report_of(xlsx(bare, name="b.xlsx")).indicator_frame[C.ACHIEVEMENT_PCT].isna().all()
    relaxed = Settings(year=2024, bare_actual_in_target_unit=True)
    assert report_of(xlsx(bare, name="c.xlsx"), relaxed).indicator_frame[C.ACHIEVEMENT_PCT].tolist() == [75.0]


# --- case 5: groups counted once -----------------------------------------------------------------

GROUPED = [
    HEADER,
    ["4.", "Terlaksananya Operasional Perkantoran (3360)", "1. Penanggulangan COVID-19", "100%", "99,41%", "99"],
    [None, None, "2. Tersedianya Layanan Perkantoran:", "100%", "97,94%", "98"],
    [None, None, "a. Operasional Keperluan Perkantoran", "100%", "98,61%", "98"],
    [None, None, "b. Operasional Lainnya", "100%", "85%", "85"],
    [None, None, "c. Layanan Daya & Jasa:", None, None, None],
    [None, None, "- Listrik", "100%", "0", "0"],
    [None, None, "- Telepon", "100%", "99,94%", "100"],
]


def test_a_group_with_its_own_figure_is_counted_once(xlsx: MakeXlsx) -> None:
    report = report_of(xlsx(GROUPED))
    frame = report.indicator_frame
    assert list(frame[C.IS_GROUP]) == [False, True, False, False, False, False]
    assert list(frame[C.GROUP_ROW]) == [0, 0, 3, 3, 3, 3]  # the sub-items of the line on sheet row 3
    assert list(frame[C.COUNTED]) == [True, True, False, False, False, False]
    assert report.office.count == 2 and report.office.mean_pct == pytest.approx((99.41 + 97.94) / 2)
    items = report.with_settings(Settings(year=2024, group_counting="items"))
    assert items.office.count == 5
    assert items.office.mean_pct == pytest.approx((99.41 + 98.61 + 85 + 0 + 99.94) / 5)


def test_a_group_figure_far_from_its_sub_items_is_a_finding(xlsx: MakeXlsx) -> None:
    report = report_of(xlsx(GROUPED))
    (finding,) = [f for f in report.findings if f.code == "INDICATOR_GROUP_MISMATCH"]
    assert finding.row == 3
    assert "97,94%" in finding.message and "70,89%" in finding.message  # (98,61 + 85 + 0 + 99,94) / 4
    close = [list(r) for r in GROUPED]
    close[2][4] = "71%"  # within one point of its sub-items' mean
    assert "INDICATOR_GROUP_MISMATCH" not in codes(report_of(xlsx(close, name="close.xlsx")))


def test_a_numbered_line_at_the_groups_level_closes_it(xlsx: MakeXlsx) -> None:
    # Bab III B, Sasaran 9: "3. Jasa pos" follows "2. Layanan daya dan jasa" and its dashed items.
    path = xlsx(
        [
            HEADER,
            ["Sasaran 9", "Tersedianya layanan", "1. Pemenuhan kebutuhan", "100%", "96,57%", None],
            [None, None, "2. Layanan daya dan jasa", None, None, None],
            [None, None, "- Listrik", "100%", "50%", None],
            [None, None, "- Telp", "100%", "40,14%", None],
            [None, None, "3. Jasa pos/ giro/ sertifikat", "100%", "0", None],
        ]
    )
    frame = report_of(path).indicator_frame
    assert list(frame[C.GROUP]) == ["", "Layanan daya dan jasa", "Layanan daya dan jasa", ""]
    assert list(frame[C.LABEL])[1] == "Listrik (Layanan daya dan jasa)"


def test_a_rata_rata_row_is_not_an_indicator_and_is_checked(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            HEADER,
            ["1", "Terlaksananya pelaporan keuangan", "Laporan keuangan tepat waktu", "100%", "80%", "80"],
            [None, None, "Laporan BMN tepat waktu", "100%", "60%", "60"],
            [None, None, "Rata-rata", None, "90%", "90"],
        ]
    )
    report = report_of(path)
    assert report.office.count == 2 and report.office.mean_pct == pytest.approx(70.0)
    (finding,) = [f for f in report.findings if f.code == "STATED_MEAN_MISMATCH"]
    assert finding.row == 4 and "90,00%" in finding.message and "70,00%" in finding.message


# --- case 3 and 6: documents ---------------------------------------------------------------------

BAB_III_A = [
    HEADER,
    ["1.", "Terlaksananya Akuntabilitas Keuangan (3355)", "1. Pembayaran Gaji Pokok PNS", "100%", "99,61%", "100"],
    [None, None, "2. Pembayaran tunjangan structural PNS", "100%", "100%", "100"],
    [None, None, "3. Pembayaran tunjangan PPh PNS", "100%", "56,11%", "56"],
    [None, None, "4. Pembayaran tunjangan suami/istri PNS", "100%", "98,72%", "99"],
]
BAB_III_B = [
    HEADER,
    ["Sasaran 1", "Terlaksananya Akuntabilitas Keuangan", "1. Pembayaran Gaji Pokok PNS", "100%", "98,83%", None],
    [None, None, "2. Pembayaran tunjangan struktural PNS", "100%", "99,52%", None],
    [None, None, "3. Pembayaran tunjangan PPh", "100%", "99,86%", None],
    [None, None, "4. Pembayaran tunjangan suami/ istri PNS", "100%", "98,72%", None],
    [None, None, "5. Belanja uang makan PNS", "100%", "94,04%", None],
]


def two_documents(xlsx: MakeXlsx) -> Report:
    path = xlsx({"Analisis Sasaran (Bab III B)": BAB_III_B, "Capaian Kinerja": BAB_III_A}, name="lakip.xlsx")
    return report_of(path)


def test_the_same_indicator_in_two_documents_is_a_finding_naming_both(xlsx: MakeXlsx) -> None:
    report = two_documents(xlsx)
    differ = [f for f in report.findings if f.code == "INDICATOR_DOCUMENTS_DIFFER"]
    # Matched by normalised name within the sasaran: "structural"/"struktural", "PPh PNS"/"PPh",
    # "suami/istri"/"suami/ istri" (same figure: no finding); "Belanja uang makan" has no partner.
    assert [f.row for f in differ] == [2, 3, 4]
    assert all(f.sheet == "Analisis Sasaran (Bab III B)" for f in differ)
    assert "99,61% di Capaian Kinerja baris 2" in differ[0].message
    assert "98,83% di Analisis Sasaran (Bab III B) baris 2" in differ[0].message
    assert "Capaian kantor memakai Capaian Kinerja" in differ[0].message


def test_one_document_feeds_the_office_mean_whatever_the_sheet_order(xlsx: MakeXlsx) -> None:
    report = two_documents(xlsx)
    assert report.office.documents == ("Capaian Kinerja",)
    assert report.office.count == 4 and report.office.lines == 9
    assert report.office.mean_pct == pytest.approx((99.61 + 100 + 56.11 + 98.72) / 4)
    by_document = {d.document: d for d in report.documents}
    assert by_document["Analisis Sasaran (Bab III B)"].in_office_mean is False
    assert by_document["Analisis Sasaran (Bab III B)"].with_data == 5
    # The priority is a setting: put the analysis first and it feeds the mean instead.
    swapped = report.with_settings(Settings(year=2024, document_priority=("analisis", "pengukuran")))
    assert swapped.office.documents == ("Analisis Sasaran (Bab III B)",) and swapped.office.count == 5


def test_counts_are_per_document_in_the_json(xlsx: MakeXlsx) -> None:
    data = summary_dict(two_documents(xlsx))["indicators"]
    assert (data["count"], data["with_data"], data["lines"]) == (4, 4, 9)
    assert [(d["document"], d["lines"], d["in_office_mean"]) for d in data["documents"]] == [
        ("Analisis Sasaran (Bab III B)", 5, False),
        ("Capaian Kinerja", 4, True),
    ]
    assert data["office_documents"] == ["Capaian Kinerja"]


def test_a_target_stated_otherwise_in_another_document_is_a_finding(xlsx: MakeXlsx) -> None:
    # Tabel 1.9 against the Perjanjian Kinerja Sekretaris: 90% vs 95%; "B" (SAKIP grade) vs 90%.
    plan = [
        ["No.", "Sasaran Program", "Indikator Kinerja Program", "Target 2024"],
        [1, "Terwujudnya Dukungan Sarana dan Prasarana", "Persentase sarana prasarana yang berfungsi baik", "90%"],
        [
            2,
            "Meningkatnya Akuntabilitas Kinerja",
            "a. Opini BPK atas laporan Keuangan b. Nilai Evaluasi atas akuntabilitas Kinerja",
            "WTP B",
        ],
    ]
    agreement = [
        ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        [1, "Terwujudnya Dukungan Sarana dan Prasarana", "Persentase sarana prasarana yang berfungsi baik", "95%"],
        [2, "Meningkatnya Akuntabilitas Kinerja", "Nilai Akuntabilitas Kinerja", "90%"],
    ]
    report = report_of(xlsx({"Tabel 1.9 Arsitektur Kinerja": plan, "PK Sekretaris": agreement}))
    differ = [f for f in report.findings if f.code == "INDICATOR_TARGET_DIFFERS"]
    assert len(differ) == 2
    assert "90%" in differ[0].message and "95%" in differ[0].message
    assert "bertarget B" in differ[1].message and "90%" in differ[1].message
    (several,) = [f for f in report.findings if f.code == "INDICATOR_SEVERAL_IN_CELL"]
    assert "2 indikator" in several.message and "dibaca sebagai 2 indikator" in several.message
    plan_rows = report.indicator_frame[report.indicator_frame[C.DOCUMENT] == "Tabel 1.9 Arsitektur Kinerja"]
    assert list(plan_rows[C.TARGET_TEXT]) == ["90%", "WTP", "B"]


def test_two_sasaran_printed_with_one_name_stay_apart(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            HEADER,
            [
                "Sasaran 8",
                "Tersedianya laporan barang milik negara",
                "Pengelolaan laporan SIMAK BMN",
                "2 Unit",
                "2 Unit",
                None,
            ],
            ["Sasaran 9", "Tersedianya laporan barang milik negara", "1. Pemenuhan kebutuhan", "100%", "50%", None],
            [None, None, "2. Perawatan kendaraan", "100%", "70%", None],
        ]
    )
    report = report_of(path)
    assert list(report.objectives["objective"]) == [
        "Tersedianya laporan barang milik negara",
        "Tersedianya laporan barang milik negara (Sasaran 9)",
    ]
    (finding,) = [f for f in report.findings if f.code == "OBJECTIVE_NAME_REPEATED"]
    assert finding.row == 3


def test_a_sasaran_written_on_every_row_is_one_sasaran(xlsx: MakeXlsx) -> None:
    rows = [HEADER] + [
        [i, "Terlaksananya pelaporan", f"Laporan ke-{i} tepat waktu", "100%", "90%", None] for i in (1, 2, 3)
    ]
    report = report_of(xlsx(rows))
    assert len(report.objectives) == 1 and "OBJECTIVE_NAME_REPEATED" not in codes(report)


def test_the_same_indicator_in_two_sasaran_of_one_document(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            HEADER,
            ["3", "Terlaksananya Manajemen Data", "3. Terlaksananya Penyusunan Anggaran", "100%", "0", "0"],
            [
                "4",
                "Terlaksananya Operasional",
                "2. Terlaksananya Penyusunan Anggaran Tahun 2024",
                "100%",
                "96,77%",
                "97",
            ],
            [None, None, "3. Tersedianya sarana dan prasarana kantor", "100%", "90%", "90"],
        ]
    )
    (finding,) = [f for f in report_of(path).findings if f.code == "INDICATOR_REPEATED_IN_DOCUMENT"]
    assert finding.row == 3 and "96,77%" in finding.message and "(0, sasaran" in finding.message


def test_one_kegiatan_code_on_two_sasaran(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            HEADER,
            ["4.", "Terlaksananya Operasional Perkantoran (3360)", "Layanan perkantoran", "100%", "98%", "98"],
            ["6.", "Terlaksananya Dukungan Sarana dan Prasarana (3360)", "Peralatan kantor", "100%", "100%", "100"],
        ]
    )
    (finding,) = [f for f in report_of(path).findings if f.code == "KEGIATAN_ON_TWO_SASARAN"]
    assert finding.row == 3 and "3360" in finding.message


# --- case 4 and 10: figures that were wrong ------------------------------------------------------


def test_negative_realisasi_and_target_zero(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["Indikator", "Target", "Realisasi", "Polaritas"],
            ["Penurunan temuan", "10%", "-5%", None],
            ["Kasus sengketa baru", "0", "3", None],
            ["Pelanggaran kode etik", "0", "3", "Negatif"],
            ["Keluhan", "0", "0", "Negatif"],
        ]
    )
    report = report_of(path)
    pcts = report.indicator_frame[C.ACHIEVEMENT_PCT].tolist()
    assert pcts[0] != pcts[0]  # NaN: no ratio, never -50%
    assert pcts[1:] == [100.0, 0.0, 100.0]  # positive target 0 is met; negative keeps realisasi 0 → 100
    found = codes(report)
    assert found["INDICATOR_NEGATIVE_ACTUAL"] == 1 and found["INDICATOR_TARGET_ZERO"] == 1
    assert report.office.with_data == 3


def test_a_missing_target_is_reported_as_missing_not_as_not_comparable(xlsx: MakeXlsx) -> None:
    path = xlsx([HEADER, ["1", "Sasaran", "- Inventaris kantor", "-", "0.00", None]])
    found = codes(report_of(path))
    assert found["INDICATOR_NO_TARGET"] == 1 and "INDICATOR_NOT_COMPARABLE" not in found


def test_a_stated_percentage_without_realisasi_is_a_finding(xlsx: MakeXlsx) -> None:
    path = xlsx([HEADER, ["12", "Sasaran hukum", "Pengelolaan dokumen produk hukum", "1 Kasus", "-", "0.00"]])
    report = report_of(path)
    assert report.office.with_data == 0
    assert codes(report)["STATED_PCT_WITHOUT_ACTUAL"] == 1


def test_the_value_shown_is_the_value_rated() -> None:
    assert DEFAULT_SCALE.rate(90.996) == "Sangat Tinggi"  # shown as 91,00%
    assert DEFAULT_SCALE.rate(90.994) == "Tinggi"  # shown as 90,99%
    assert met(99.996) and not met(99.994)
    assert SAKIP_PREDICATES.rate(90.00005) == "A"  # shown as 90,00: AA is more than 90
    assert SAKIP_PREDICATES.rate(90.006) == "AA"
    assert SAKIP_PREDICATES.rate(30.0) == "D" and SAKIP_PREDICATES.rate(30.01) == "C"


def test_the_checks_module_reports_nothing_on_clean_figures(xlsx: MakeXlsx) -> None:
    path = xlsx([HEADER, ["1", "Terlaksananya pelaporan keuangan (3355)", "Laporan tepat waktu", "100%", "95%", "95"]])
    report = report_of(path)
    assert indicator_checks.check(report.indicator_frame, report.settings, report.indicators) == []
    assert indicators.documents(report.indicator_frame, report.settings)[0].count == 1
