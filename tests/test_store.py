"""The versioned store: immutable versions, dedupe, restore, compare, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from lakip_core.errors import LakipError
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store import Store, StoreError, compare_rows
from lakip_core.store.auth import SYSTEM, Actor
from lakip_core.store.tables import activations, versions
from tests.intake_helpers import REPO, SAMPLE, SATKER, budget_xlsx, data_state, store_with_uploader

SAMPLES = {
    "indikator": SAMPLE / "indikator_kinerja_2024.xlsx",
    "anggaran": SAMPLE / "anggaran_2024.xlsx",
    "aset": SAMPLE / "aset_bmn_2024.xlsx",
    "pegawai": SAMPLE / "pegawai_2024.xlsx",
}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lakip_core", *args], cwd=REPO, capture_output=True, text=True, input=stdin, timeout=120
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'lakip.db'}")


def test_reading_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sub' / 'lakip.db'}")
    assert store.versions() == [] and store.datasets() == [] and not store.has_accounts()
    assert store.current_report(SATKER, 2024) is None
    assert store.public_read()  # a fresh installation shows the sample data
    assert not (tmp_path / "sub").exists()


def test_upload_becomes_current_and_old_versions_stay(store: Store) -> None:
    first = store.save(SYSTEM, inspect_bytes(budget_xlsx([500_000_000]), "a.xlsx"), SATKER, 2024)
    second = store.save(SYSTEM, inspect_bytes(budget_xlsx([750_000_000]), "b.xlsx"), SATKER, 2024)
    assert first.created and second.created and second.version_id == first.version_id + 1
    listed = store.versions(SATKER, 2024)
    assert [(v.id, v.is_current) for v in listed] == [(second.version_id, True), (first.version_id, False)]
    report = store.current_report(SATKER, 2024)
    assert report is not None and report.budget_totals is not None
    assert report.budget_totals.absorption_pct == pytest.approx(75.0)
    # The stored version keeps its bytes, hash, parsed rows, layout, summary and provenance.
    old = store.version(first.version_id)
    assert store.content(old.id) == budget_xlsx([500_000_000]) or len(store.content(old.id)) == old.size
    assert old.uploaded_by == "baris-perintah" and old.uploaded_at.endswith("Z")
    assert old.parser_version.startswith("lakip_core ")
    assert old.layout[0].header_row == 4 and old.layout[0].mapping["allocation"] == "Pagu Anggaran"
    assert store.rows(old.id)["realized"].tolist() == [500_000_000]
    assert old.summary["budget"]["absorption_pct"] == 50


def test_same_file_twice_is_stored_once_and_made_current_again(store: Store) -> None:
    data_a, data_b = budget_xlsx([100_000_000]), budget_xlsx([200_000_000])
    a = store.save(SYSTEM, inspect_bytes(data_a, "a.xlsx"), SATKER, 2024)
    again = store.save(SYSTEM, inspect_bytes(data_a, "a-salinan.xlsx"), SATKER, 2024)
    assert not again.created and not again.activated and again.version_id == a.version_id
    assert "sudah tersimpan sebagai versi" in again.message
    b = store.save(SYSTEM, inspect_bytes(data_b, "b.xlsx"), SATKER, 2024)
    back = store.save(SYSTEM, inspect_bytes(data_a, "a.xlsx"), SATKER, 2024)
    assert not back.created and back.activated
    assert store.current(SATKER, 2024)["budget"].id == a.version_id
    assert len(store.versions()) == 2 and b.version_id != a.version_id
    # The same bytes for another year are another version.
    assert store.save(SYSTEM, inspect_bytes(data_a, "a.xlsx"), SATKER, 2025).created


def test_restore_appends_and_never_rewrites(store: Store) -> None:
    a = store.save(SYSTEM, inspect_bytes(budget_xlsx([100_000_000]), "a.xlsx"), SATKER, 2024)
    store.save(SYSTEM, inspect_bytes(budget_xlsx([900_000_000]), "b.xlsx"), SATKER, 2024)
    with store.engine.connect() as conn:
        before = conn.execute(sa.select(versions)).all()
    store.restore(SYSTEM, a.version_id)
    report = store.current_report(SATKER, 2024)
    assert report is not None and report.budget_totals is not None
    assert report.budget_totals.absorption_pct == pytest.approx(10.0)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(versions)).all() == before  # not a byte changed
        actions = conn.execute(sa.select(activations.c.action).order_by(activations.c.id)).scalars().all()
    assert actions == ["unggah", "unggah", "pulihkan"]
    with pytest.raises(StoreError, match="tidak ada"):
        store.restore(SYSTEM, 999)


def test_blocking_problems_are_never_stored(store: Store) -> None:
    inspection = inspect_bytes(budget_xlsx([100, "seratus"]), "teks.xlsx")  # type: ignore[list-item]
    assert not inspection.ok and inspection.problems[0].row == 6
    with pytest.raises(StoreError, match="masalah"):
        store.save(SYSTEM, inspection, SATKER, 2024)
    assert data_state(store) == ([], 0)


@pytest.mark.parametrize(("satker", "year", "words"), [(" ", 2024, "wajib diisi"), (SATKER, 1999, "tidak masuk akal")])
def test_satker_and_year_are_validated(store: Store, satker: str, year: int, words: str) -> None:
    with pytest.raises(StoreError, match=words):
        store.save(SYSTEM, inspect_bytes(budget_xlsx([1]), "a.xlsx"), satker, year)


def test_compare_rows_lists_added_removed_and_changed() -> None:
    old = inspect_bytes(budget_xlsx([100, 200, 300]), "a.xlsx").rows()
    new = inspect_bytes(budget_xlsx([100, 250], names=["Kegiatan 3355", "Kegiatan 3357"]), "b.xlsx").rows()
    new.loc[len(new)] = new.iloc[1]
    new.loc[len(new) - 1, ["code", "name"]] = ["3363", "Baru"]
    diff = compare_rows(old, new, "anggaran")
    assert diff.unchanged == 1
    assert diff.changed.to_dict("records") == [
        {"baris": "3357 · Kegiatan 3357", "kolom": "realized", "lama": 200.0, "baru": 250.0}
    ]
    assert diff.removed["code"].tolist() == ["3360"] and diff.added["code"].tolist() == ["3363"]


def test_parsed_rows_are_stored_compressed_as_json(store: Store) -> None:
    result = store.save(SYSTEM, inspect_bytes(SAMPLES["pegawai"].read_bytes(), "pegawai_2024.xlsx"), SATKER, 2024)
    with store.engine.connect() as conn:
        blob = conn.execute(sa.select(versions.c.rows).where(versions.c.id == result.version_id)).scalar_one()
    parsed = json.loads(zlib.decompress(blob))
    assert len(parsed["data"]) == 28 and "nip" in parsed["columns"]
    assert store.rows(result.version_id)["name"].iloc[0] == "Muhammad Taqiyuddin"


@pytest.mark.slow  # runs the command line in child processes
def test_cli_import_versions_and_summary_match_summary_on_files(tmp_path: Path) -> None:
    db = str(tmp_path / "lakip.db")
    for kind, path in list(SAMPLES.items())[:3]:  # the same code path as the command, without 3 start-ups
        Store(db).import_file(SYSTEM, path.read_bytes(), path.name, kind, SATKER, 2024)
    done = cli("import", str(SAMPLES["pegawai"]), "--kind", "pegawai", "--satker", SATKER, "--year", "2024", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "4" and "Tersimpan sebagai versi #4" in done.stderr
    listed = cli("versions", "--db", db, "--json")
    rows = json.loads(listed.stdout)
    assert [r["kind"] for r in rows] == ["pegawai", "aset", "anggaran", "indikator"]
    assert all(r["current"] for r in rows)
    assert "[berlaku]" in cli("versions", "--db", db).stdout
    from_db = cli("summary", "--db", db, "--satker", SATKER, "--year", "2024", "--json")
    from_files = cli(
        "summary",
        "--indicators", str(SAMPLES["indikator"]),
        "--budget", str(SAMPLES["anggaran"]),
        "--assets", str(SAMPLES["aset"]),
        "--staff", str(SAMPLES["pegawai"]),
        "--json",
    )  # fmt: skip
    assert from_db.returncode == 0 and from_db.stdout == from_files.stdout


@pytest.mark.slow  # runs the command line in child processes
def test_cli_refuses_bad_file_with_exit_2_and_leaves_store_unchanged(tmp_path: Path) -> None:
    db = str(tmp_path / "lakip.db")
    assert cli("import", str(SAMPLES["anggaran"]), "--kind", "anggaran", "--satker", SATKER, "--year", "2024",
               "--db", db).returncode == 0  # fmt: skip
    bad = tmp_path / "laporan.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a sheet")
    done = cli("import", str(bad), "--kind", "anggaran", "--satker", SATKER, "--year", "2024", "--db", db)
    assert done.returncode == 2 and done.stdout == ""
    assert "PDF" in done.stderr and "Traceback" not in done.stderr
    assert len(Store(db).versions()) == 1
    unknown = cli("import", str(SAMPLES["anggaran"]), "--kind", "keuangan", "--satker", SATKER, "--year", "2024",
                  "--db", db)  # fmt: skip
    assert unknown.returncode == 2 and "tidak dikenal" in unknown.stderr
    nothing = cli("summary", "--db", db, "--satker", "KPU Kota Lain", "--year", "2024", "--json")
    assert nothing.returncode == 2 and "Belum ada data tersimpan" in nothing.stderr


@pytest.mark.slow  # runs the command line in child processes
def test_cli_user_checks_the_role(tmp_path: Path) -> None:
    db = str(tmp_path / "lakip.db")
    made = cli("user", "add", "kepala", "--role", "admin", "--password-stdin", "--db", db, stdin="sandi-kuat-1\n")
    assert made.returncode == 0, made.stderr
    cli("user", "add", "tamu", "--role", "pembaca", "--password-stdin", "--db", db, stdin="sandi-kuat-1\n")
    args = ["import", str(SAMPLES["anggaran"]), "--kind", "anggaran", "--satker", SATKER, "--year", "2024", "--db", db]
    refused = cli(*args, "--user", "tamu")
    assert refused.returncode == 2 and "tidak berwenang mengunggah" in refused.stderr
    accepted = cli(*args, "--user", "kepala")
    assert accepted.returncode == 0
    assert Store(db).versions()[0].uploaded_by == "kepala"


def test_pembaca_cannot_store_even_through_the_upload_code_path(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    inspection = inspect_bytes(budget_xlsx([100]), "a.xlsx")
    reader = Actor("komisioner")
    with pytest.raises(LakipError, match="tidak berwenang mengunggah"):
        store.save(reader, inspection, SATKER, 2024)
    with pytest.raises(LakipError, match="tidak berwenang mengunggah"):
        store.import_file(reader, budget_xlsx([100]), "a.xlsx", "anggaran", SATKER, 2024)
    with pytest.raises(LakipError, match="tidak berwenang"):
        store.save(Actor("tidak-ada"), inspection, SATKER, 2024)
    assert data_state(store) == ([], 0)
    uploaded = store.save(Actor("sekretariat"), inspection, SATKER, 2024)
    with pytest.raises(LakipError, match="tidak berwenang memulihkan"):
        store.restore(reader, uploaded.version_id)
    # A deactivated uploader loses the right at once.
    store.update_user(Actor("admin"), "sekretariat", active=False)
    with pytest.raises(LakipError, match="tidak berwenang"):
        store.save(Actor("sekretariat"), inspect_bytes(budget_xlsx([5]), "b.xlsx"), SATKER, 2024)
    refusals = [e for e in store.audit_entries() if e.action == "ditolak"]
    assert len(refusals) == 5 and {e.username for e in refusals} == {"komisioner", "tidak-ada", "sekretariat"}
    assert len(store.versions()) == 1
