"""The budget through the year from the store: ``summary --db`` (JSON added to, a line per quarter)
and the Anggaran page's "Sepanjang tahun" section on the sample, one stored month and four."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.cli.main import main
from lakip_core.store import Store
from tests.intake_helpers import store_file
from tests.real_exports import glp039
from tests.real_exports.rpd import rpd

SATKER = "KPU Kabupaten Contoh"
MONTHS = (3, 6, 9, 10)


def make_store(folder: Path, months: tuple[int, ...], plan: bool) -> Path:
    """A data folder whose store holds generated GLP039 months (and an RPD) of one satker-year."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{folder / 'lakip.db'}")
    store.ensure_schema()
    last = None
    for month in months:
        last = glp039(folder / f"glp039_{month:02d}.xlsx", month=month, seed=1)
        store_file(store, last.path.read_bytes(), last.path.name, "budget", 2025, SATKER)
    if plan and last is not None:
        expected = rpd(folder / "rpd.xlsx", budget=last)
        store_file(store, expected.path.read_bytes(), "rpd.xlsx", "rpd", 2025, SATKER)
    store.dispose()
    return folder


@pytest.fixture(scope="module")
def four_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("four"), MONTHS, plan=True)


@pytest.fixture(scope="module")
def one_month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("one"), (10,), plan=False)


def summary(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    args = ["summary", "--db", str(folder / "lakip.db"), "--satker", SATKER, "--year", "2025", *extra]
    assert main(args) == 0
    return capsys.readouterr().out


def test_summary_json_gains_the_months_and_keeps_its_fields(
    four_months: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(summary(four_months, capsys, "--json"))
    assert {"year", "satker", "period", "budget", "checks", "plan", "budget_months"} <= set(data)
    assert {"allocation", "realized", "absorption_pct", "remaining", "lines", "by_jenis_belanja"} <= set(data["budget"])
    months = data["budget_months"]
    assert months["months"] == list(MONTHS)
    total = months["lines"][0]
    assert [q["status"] for q in total["quarters"]] == ["met", "missed", "missed", "pending"]
    assert total["months"][-1]["absorption_pct"] == data["budget"]["absorption_pct"]  # October is current
    assert months["plan_deviation"]["mean_pct"] > 0 and len(months["plan_deviation"]["spans"]) == 4
    assert months["pace"]["gap_pts"] < 0 and months["projection_method"].startswith("Proyeksi")


def test_summary_text_has_a_line_per_quarter(four_months: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = summary(four_months, capsys)
    section = text[text.index("Anggaran sepanjang tahun") :]
    assert "(4 bulan tersimpan: Maret, Juni, September, Oktober)" in section
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("Triwulan")]
    assert [line.split(" (")[0] for line in lines] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert lines[0].endswith("— tercapai") and "— tidak tercapai (" in lines[1] and lines[3].endswith("— belum")
    assert "Proyeksi Desember:" in section and "Deviasi realisasi terhadap RPD" in section


def test_one_month_says_how_to_add_more(one_month: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = summary(one_month, capsys)
    assert "(1 bulan tersimpan: Oktober)" in text and "Unggah laporan GLP039 bulan lain" in text
    data = json.loads(summary(one_month, capsys, "--json"))
    assert data["budget_months"]["months"] == [10] and data["budget_months"]["lines"][0]["projection"] is None


# --- the Anggaran page ----------------------------------------------------------------------------


def anggaran(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(data_dir))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    st.cache_data.clear()
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.run()
    at.switch_page("pages/anggaran.py")
    at.run()
    assert not at.exception, at.exception
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_the_sample_says_monthly_history_is_not_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = anggaran(tmp_path, monkeypatch)
    assert any("Sepanjang tahun" in h.value for h in at.subheader)
    (info,) = [i.value for i in at.info if "riwayat" in i.value]
    assert "Data contoh hanya berisi satu tabel anggaran akhir tahun" in info and "GLP039" in info
    assert not [c for c in charts(at) if "penyerapan" in c["layout"]["title"]["text"] and "Oktober" in str(c)]


def test_one_stored_month_says_how_to_add_more(one_month: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = anggaran(one_month, monkeypatch)
    (info,) = [i.value for i in at.info if "Baru satu bulan tersimpan" in i.value]
    assert "(Oktober 2025)" in info and "Unggah Data" in info and "riwayat" in info


def test_four_months_show_quarters_chart_and_plan(four_months: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = anggaran(four_months, monkeypatch)
    tiles = {m.label: (m.value, m.proto.delta) for m in at.metric if m.label.startswith("Triwulan")}
    assert tiles["Triwulan I · Maret"][0].startswith("✅")
    assert tiles["Triwulan II · Juni"][0].startswith("❌") and "di bawah target" in tiles["Triwulan II · Juni"][1]
    assert tiles["Triwulan IV · Desember"][0] == "⏳ belum"
    year = next(c for c in charts(at) if "laju target IKPA" in c["layout"]["title"]["text"])
    names = {t.get("name") for t in year["data"]}
    assert {"Target IKPA", "Penyerapan kumulatif", "Triwulan tercapai"} <= names
    missed = [t for t in year["data"] if t.get("name") == "Triwulan tidak tercapai"]
    assert sorted(x for t in missed for x in t["x"]) == [6, 6, 6, 9, 9, 9, 9]  # total, 51, 52 in June; all in Sept
    dashed = [t for t in year["data"] if t.get("line", {}).get("dash") == "dash"]
    assert len(dashed) == 4 and all(t["x"][0] == 10 and t["x"][-1] == 12 for t in dashed)
    plan = next(c for c in charts(at) if "Deviasi rata-rata terhadap RPD" in c["layout"]["title"]["text"])
    assert plan["data"][0]["x"] == ["Jan–Mar", "Apr–Jun", "Jul–Sep", "Oktober"]
    table = next(df.value for df in at.dataframe if "TW I" in df.value.columns)
    jenis = ["Total", "Belanja Pegawai (51)", "Belanja Barang (52)", "Belanja Modal (53)"]
    assert list(table["Jenis belanja"]) == jenis


def test_hostile_file_names_stay_text_in_the_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored months under hostile file names: the section shows them as text, desk and rapat."""
    import re

    from tests import hostile
    from tests.test_hostile_names import rendered

    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store.ensure_schema()
    for month in (3, 6):
        made = glp039(tmp_path / f"g{month}.xlsx", month=month, seed=1)
        store_file(store, made.path.read_bytes(), f"{month} {hostile.FILENAME}", "budget", 2025, SATKER)
    store.dispose()
    for rapat in (False, True):
        monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
        st.cache_data.clear()
        at = AppTest.from_file("../dashboard.py", default_timeout=90)
        if rapat:  # the section's chart of the total: after the figures, kegiatan, jenis and quarters
            at.session_state["rapat"] = True
        at.run()
        at.switch_page("pages/anggaran.py")
        if rapat:
            at.query_params["layar"] = "5"
        at.run()
        assert not at.exception, at.exception
        texts, figures = rendered(at)
        for kind, field, text in texts:  # the file name's markup never arrives as markup
            for raw in ("<b>berkas", "[TAUTAN](", "$x$", "\u202e"):
                assert raw not in text, (kind, field, text[:300])
        ours = [f for f in figures if "IKPA" in json.dumps(f.get("layout", {}).get("title", {}))]
        assert ours  # the chart of the section is there
        for figure in ours:
            for where, text in hostile.strings(figure):
                for tag in re.findall(r"<[^<>]*>", text):
                    assert hostile.PLOTLY_TAGS.fullmatch(tag), (where, tag)
        if not rapat:
            shown = "\n".join(text for _, _, text in texts)
            assert "Bulan tersimpan" in shown and "TAUTAN" in shown  # the file names, as text


def test_the_year_is_built_once_per_stored_history_and_an_earlier_month_counts_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty viewers of Anggaran share one computed year and its charts; a month stored later for an
    earlier period (it does not change the current version) is in the very next view."""
    from ui import anggaran_tahun
    from ui.common import clear_caches

    folder = make_store(tmp_path / "data", (3, 10), plan=False)
    built: list[int] = []
    real = anggaran_tahun.budget_year

    def counting(*args: object, **kwargs: object) -> object:
        built.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(anggaran_tahun, "budget_year", counting)
    clear_caches()
    first = anggaran(folder, monkeypatch)
    anggaran(folder, monkeypatch)  # another viewer, same data
    assert len(built) == 1
    tiles = {m.label: m.value for m in first.metric if m.label.startswith("Triwulan")}
    assert "tidak dinilai" in tiles["Triwulan II · Juni"]  # June not stored: not guessed

    store = Store(f"sqlite:///{folder / 'lakip.db'}")
    june = glp039(folder / "glp039_06.xlsx", month=6, seed=1)
    store_file(store, june.path.read_bytes(), june.path.name, "budget", 2025, SATKER)
    store.dispose()
    again = anggaran(folder, monkeypatch)
    tiles = {m.label: m.value for m in again.metric if m.label.startswith("Triwulan")}
    assert "tidak dinilai" not in tiles["Triwulan II · Juni"] and len(built) == 2
    clear_caches()
