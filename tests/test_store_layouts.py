"""Named layouts in the store (roles, audit, JSON import), versions that remember their layout, the
column migration of older databases, and the command line (``import --layout``, ``summary --layout``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from lakip_core.errors import LakipError
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.intake.layouts import KnownLayout
from lakip_core.reading.grids import load_grids
from lakip_core.reading.mapping import Layout, make_layout
from lakip_core.store import Store, StoreError
from lakip_core.store.auth import SYSTEM, Actor
from tests.intake_helpers import REPO, SATKER, budget_xlsx, store_with_uploader, xlsx_bytes

UPLOADER, READER, ADMIN = Actor("sekretariat"), Actor("komisioner"), Actor("admin")


def nilai_xlsx(realized: tuple[int, int] = (400, 900), month: str = "OKTOBER") -> bytes:
    return xlsx_bytes(
        [
            ["REKAP ANGGARAN KPU KOTA JAKARTA SELATAN"],
            [f"TAHUN ANGGARAN 2024 · {month}"],
            [],
            ["No", "Kegiatan", "Nilai A", "Nilai B"],
            [1, "Kegiatan (3355)", 1_000, realized[0]],
            [2, "Kegiatan (3357)", 2_000, realized[1]],
            [None, "JUMLAH", 3_000, sum(realized)],
        ]
    )


def nilai_layout(name: str = "Rekap kantor") -> Layout:
    grid = load_grids(nilai_xlsx())[0]
    return make_layout(name, "budget", grid, [4], {"B": "name", "C": "allocation", "D": "realized"})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return store_with_uploader(tmp_path)


def actions(store: Store) -> list[str]:
    return [e.action for e in store.audit_entries()]


def test_pengunggah_saves_pembaca_may_not(store: Store) -> None:
    kept = store.save_layout(UPLOADER, nilai_layout())
    assert (kept.name, kept.kind, kept.saved_by) == ("Rekap kantor", "budget", "sekretariat")
    assert kept.fingerprint == nilai_layout().fingerprint and kept.layout == nilai_layout()
    entry = store.audit_entries()[0]
    assert entry.action == "tata-letak-simpan" and entry.detail["name"] == "Rekap kantor"
    assert entry.detail["columns"] == {"B": "name", "C": "allocation", "D": "realized"}
    with pytest.raises(LakipError, match="tidak berwenang mengunggah"):
        store.save_layout(READER, nilai_layout("Punya pembaca"))
    with pytest.raises(LakipError, match="tidak berwenang"):
        store.delete_layout(READER, kept.id)
    with pytest.raises(LakipError, match="tidak berwenang"):
        store.import_layout(READER, nilai_layout("Impor pembaca").to_json())
    assert [s.name for s in store.layouts()] == ["Rekap kantor"]
    assert actions(store)[:3] == ["ditolak", "ditolak", "ditolak"]


def test_saving_again_replaces_and_delete_is_audited(store: Store) -> None:
    first = store.save_layout(UPLOADER, nilai_layout())
    other = Layout(**{**nilai_layout().__dict__, "totals_auto": False})
    second = store.save_layout(ADMIN, other)
    assert second.id == first.id and not second.layout.totals_auto and second.saved_by == "admin"
    assert len(store.layouts()) == 1 and store.layout_named("rekap KANTOR").id == first.id
    removed = store.delete_layout(ADMIN, first.id)
    assert removed.name == "Rekap kantor" and store.layouts() == []
    assert actions(store)[:3] == ["tata-letak-hapus", "tata-letak-simpan", "tata-letak-simpan"]
    with pytest.raises(StoreError, match="Tata letak 'Rekap kantor' tidak ada. Tata letak tersimpan: belum ada"):
        store.layout_named("Rekap kantor")


def test_import_from_another_office_and_bad_json_changes_nothing(store: Store) -> None:
    text = nilai_layout("GLP039 kantor lain").to_json()
    kept = store.import_layout(UPLOADER, text.encode("utf-8"), name="GLP039 kantor kami")
    assert kept.name == "GLP039 kantor kami" and kept.layout.fingerprint == nilai_layout().fingerprint
    assert actions(store)[0] == "tata-letak-impor"
    before = (store.layouts(), len(store.audit_entries()))
    for bad in (b"{", b'{"format": "lain"}', json.dumps({**json.loads(text), "columns": {"B": "name"}}).encode()):
        with pytest.raises(StoreError):
            store.import_layout(UPLOADER, bad)
    assert (store.layouts(), len(store.audit_entries())) == before
    with pytest.raises(StoreError, match="Kolom wajib belum dipilih"):
        store.save_layout(UPLOADER, Layout("Kurang", "budget", (4,), (("a", "b"),), (("B", "name"),)))
    with pytest.raises(StoreError, match="Beri nama"):
        store.save_layout(UPLOADER, nilai_layout(), name="  ")


def test_a_version_remembers_its_layout_and_is_read_again_with_it(store: Store) -> None:
    kept = store.save_layout(UPLOADER, nilai_layout())
    inspection = inspect_bytes(nilai_xlsx(), "rekap.xlsx", layouts=[kept.known()])
    first = store.save(UPLOADER, inspection, SATKER, 2024)
    assert store.version(first.version_id).reading_layout_name == "Rekap kantor"
    assert store.audit_entries()[0].detail["layout"] == "Rekap kantor"
    store.delete_layout(UPLOADER, kept.id)  # the version keeps its own copy
    automatic = store.save(UPLOADER, inspect_bytes(budget_xlsx([10]), "auto.xlsx"), SATKER, 2024)
    assert store.version(automatic.version_id).reading_layout is None
    store.restore(UPLOADER, first.version_id)
    report = store.current_report(SATKER, 2024)
    assert report is not None and report.budget_totals is not None
    assert (report.budget_totals.allocation, report.budget_totals.realized) == (3_000, 1_300)


def test_same_bytes_read_another_way_is_refused_not_ignored(store: Store) -> None:
    data = nilai_xlsx()
    chosen = KnownLayout(nilai_layout())
    store.save(UPLOADER, inspect_bytes(data, "rekap.xlsx", chosen_layout=chosen), SATKER, 2024)
    other = KnownLayout(Layout(**{**nilai_layout("Lain").__dict__}))
    with pytest.raises(StoreError, match="dibaca dengan tata letak 'Rekap kantor'"):
        store.save(UPLOADER, inspect_bytes(data, "rekap.xlsx", chosen_layout=other), SATKER, 2024)
    assert len(store.versions()) == 1


def test_older_database_gets_the_new_column_and_table(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    store.save(SYSTEM, inspect_bytes(budget_xlsx([10]), "a.xlsx"), SATKER, 2024)
    store.dispose()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'lakip.db'}")
    with engine.begin() as conn:  # what a database made before layouts looks like
        conn.exec_driver_sql("ALTER TABLE versions DROP COLUMN reading_layout")
        conn.exec_driver_sql("DROP TABLE layouts")
    engine.dispose()
    reopened = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    (version,) = reopened.versions()  # reading first: the column is added, the rows are untouched
    assert version.reading_layout is None and version.filename == "a.xlsx"
    assert reopened.layouts() == []
    assert reopened.save_layout(UPLOADER, nilai_layout()).name == "Rekap kantor"
    with reopened.engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("versions")}
    assert "reading_layout" in columns


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lakip_core", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow  # runs the command line in child processes
def test_cli_import_layout_by_name_and_summary_layout_file(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    db = str(tmp_path / "lakip.db")
    store.save_layout(UPLOADER, nilai_layout())
    upload = tmp_path / "rekap_november.xlsx"
    upload.write_bytes(nilai_xlsx((1_000, 1_500), "NOVEMBER"))
    base = ["import", str(upload), "--satker", SATKER, "--year", "2024", "--db", db]

    done = cli(*base, "--kind", "otomatis", "--layout", "Rekap kantor")
    assert done.returncode == 0, done.stderr
    assert "Dibaca dengan tata letak 'Rekap kantor'" in done.stderr
    version = Store(db).version(int(done.stdout))
    assert version.reading_layout_name == "Rekap kantor" and version.summary["budget"]["realized"] == 2_500

    unknown = cli(*base, "--kind", "otomatis", "--layout", "Tidak ada")
    assert unknown.returncode == 2 and "Tata letak 'Tidak ada' tidak ada" in unknown.stderr
    assert "'Rekap kantor'" in unknown.stderr and "Traceback" not in unknown.stderr
    wrong = cli(*base, "--kind", "aset", "--layout", "Rekap kantor")
    assert wrong.returncode == 2 and "untuk data anggaran, bukan aset" in wrong.stderr
    other = tmp_path / "rekap_desember.xlsx"
    other.write_bytes(nilai_xlsx((2_000, 2_500), "DESEMBER"))
    recognised = cli("import", str(other), "--kind", "otomatis", "--satker", SATKER, "--year", "2024", "--db", db)
    assert recognised.returncode == 0 and "Dibaca dengan tata letak 'Rekap kantor'" in recognised.stderr
    assert len(Store(db).versions()) == 2

    layout_file = tmp_path / "tata-letak.json"
    layout_file.write_text(nilai_layout().to_json(), encoding="utf-8")
    summary = cli("summary", "--budget", str(upload), "--layout", str(layout_file), "--json")
    assert summary.returncode == 0, summary.stderr
    budget = json.loads(summary.stdout)["budget"]
    assert (budget["allocation"], budget["realized"], budget["absorption_pct"]) == (3_000, 2_500, 83.33)
    plain = cli("summary", "--budget", str(upload), "--json")
    assert plain.returncode == 2 and "Pagu, Realisasi" in plain.stderr
    bad = tmp_path / "rusak.json"
    bad.write_text('{"format": "dasbor-lakip/tata-letak", "version": 7}', encoding="utf-8")
    refused = cli("summary", "--budget", str(upload), "--layout", str(bad))
    assert refused.returncode == 2 and "rusak.json: Tata letak ini dibuat dengan versi format 7" in refused.stderr
    unused = cli("summary", "--assets", str(upload), "--layout", str(layout_file))
    assert unused.returncode == 2 and "tidak ada berkas anggaran" in unused.stderr
