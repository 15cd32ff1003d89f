"""Simulasi scenarios kept in the store: never touching the data, roles, reopen, replace, delete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from lakip_core import summary_dict
from lakip_core.analysis import whatif
from lakip_core.store import Store, StoreError
from lakip_core.store.auth import Actor, PermissionDeniedError
from lakip_core.store.tables import activations, scenarios_table, versions
from tests import golden
from tests.intake_helpers import SAMPLE, SATKER, store_file, store_with_uploader

FILES = {"indikator": "indikator_kinerja_2024.xlsx", "anggaran": "anggaran_2024.xlsx"}
UPLOADER, READER = Actor("sekretariat"), Actor("komisioner")


def stored_data(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every column of every version and activation row, as stored (bytes included)."""
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.select(versions).order_by(versions.c.id))]
        acts = [tuple(r) for r in conn.execute(sa.select(activations).order_by(activations.c.id))]
    return rows, acts


def figures_json(store: Store) -> str:
    report = store.current_report(SATKER, 2024)
    assert report is not None
    return json.dumps(summary_dict(report), sort_keys=True, default=str)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = store_with_uploader(tmp_path)
    for kind, name in FILES.items():
        store_file(store, (SAMPLE / name).read_bytes(), name, kind)
    return store


def edited_scenario(store: Store) -> whatif.Scenario:
    report = store.current_report(SATKER, 2024)
    assert report is not None
    frame = report.indicator_frame
    key = whatif.indicator_keys(frame)[6]
    budget_key = whatif.budget_keys(report.budget_lines)[1]
    return whatif.Scenario(
        "Tunjangan anak tuntas",
        {key: whatif.IndicatorEdit(actual_text="100%")},
        {budget_key: whatif.BudgetEdit(realized=golden.SPEND_3356)},
    )


def test_saving_a_scenario_leaves_versions_and_figures_byte_identical(store: Store) -> None:
    before, figures = stored_data(store), figures_json(store)
    scenario = edited_scenario(store)
    saved = store.save_scenario(UPLOADER, SATKER, 2024, "Tunjangan anak tuntas", scenario)
    store.save_scenario(UPLOADER, SATKER, 2024, "Tunjangan anak tuntas", scenario)  # again: replaced
    store.save_scenario(Actor("admin"), SATKER, 2024, "Kosong", whatif.Scenario())
    store.delete_scenario(UPLOADER, store.scenarios(SATKER, 2024)[0].id)
    assert stored_data(store) == before
    assert figures_json(store) == figures
    assert saved.created_by == "sekretariat" and saved.created_at.endswith("Z")
    assert [s.name for s in store.scenarios(SATKER, 2024)] == ["Tunjangan anak tuntas"]


def test_reopening_gives_the_same_figures(store: Store) -> None:
    scenario = edited_scenario(store)
    saved = store.save_scenario(UPLOADER, SATKER, 2024, "  Tunjangan   anak tuntas ", scenario)
    reopened = Store(store.url).scenario(saved.id)  # another server process
    assert reopened.name == reopened.scenario.name == "Tunjangan anak tuntas"
    assert (reopened.satker, reopened.year) == (SATKER, 2024)
    assert reopened.scenario.indicators == scenario.indicators and reopened.scenario.budget == scenario.budget
    report = store.current_report(SATKER, 2024)
    assert report is not None
    a = whatif.simulate(report.indicator_frame, scenario, report.settings)
    b = whatif.simulate(report.indicator_frame, reopened.scenario, report.settings)
    assert a.scenario == b.scenario and a.scenario.mean_pct == pytest.approx(golden.TUNJANGAN_ANAK_MEAN.value, abs=1e-6)
    assert whatif.simulate_budget(report.budget_lines, reopened.scenario).scenario == (
        whatif.simulate_budget(report.budget_lines, scenario).scenario
    )
    # A dict payload (the JSON of a downloaded scenario) works the same.
    again = store.save_scenario(UPLOADER, SATKER, 2024, "Dari berkas", scenario.to_dict())
    assert store.scenario(again.id).scenario.indicators == scenario.indicators


def test_same_name_replaces_only_that_row_and_other_datasets_are_separate(store: Store) -> None:
    first = store.save_scenario(UPLOADER, SATKER, 2024, "A", whatif.Scenario())
    other = store.save_scenario(UPLOADER, SATKER, 2024, "B", whatif.Scenario())
    elsewhere = store.save_scenario(UPLOADER, SATKER, 2025, "A", whatif.Scenario())
    replaced = store.save_scenario(Actor("admin"), SATKER, 2024, "A", edited_scenario(store))
    assert replaced.id == first.id and replaced.created_by == "admin" and replaced.scenario.indicators
    assert store.scenario(other.id).scenario.is_empty and store.scenario(elsewhere.id).scenario.is_empty
    assert [s.name for s in store.scenarios(SATKER, 2024)] == ["A", "B"]
    assert [s.id for s in store.scenarios(SATKER, 2025)] == [elsewhere.id]
    saves = [e for e in store.audit_entries() if e.action == "skenario-simpan"]
    assert len(saves) == 4 and saves[0].detail["replaced"] is True and saves[0].username == "admin"


def test_roles_are_enforced_in_the_store(store: Store) -> None:
    saved = store.save_scenario(UPLOADER, SATKER, 2024, "Target 90%", whatif.Scenario())
    for who in (READER, Actor("tidak-ada")):
        with pytest.raises(PermissionDeniedError, match="tidak berwenang menyimpan atau menghapus skenario"):
            store.save_scenario(who, SATKER, 2024, "Punya pembaca", whatif.Scenario())
        with pytest.raises(PermissionDeniedError, match="tidak berwenang"):
            store.delete_scenario(who, saved.id)
    # The pembaca may still open and compare.
    assert [s.id for s in store.scenarios(SATKER, 2024)] == [saved.id]
    assert store.scenario(saved.id).name == "Target 90%"
    refusals = [e for e in store.audit_entries() if e.action == "ditolak"]
    assert len(refusals) == 4 and {e.detail["attempted"] for e in refusals} == {"save_scenario"}
    store.update_user(Actor("admin"), "sekretariat", active=False)
    with pytest.raises(PermissionDeniedError):
        store.delete_scenario(UPLOADER, saved.id)
    deleted = store.delete_scenario(Actor("admin"), saved.id)
    assert deleted.name == "Target 90%" and store.scenarios(SATKER, 2024) == []
    with pytest.raises(StoreError, match="tidak ada"):
        store.scenario(saved.id)
    with pytest.raises(StoreError, match="tidak ada"):
        store.delete_scenario(Actor("admin"), saved.id)
    newest = store.audit_entries()[0]
    assert (newest.action, newest.username, newest.detail["name"]) == ("skenario-hapus", "admin", "Target 90%")


@pytest.mark.parametrize("name", ["", "   ", whatif.BASELINE_LABEL, "x" * 121])
def test_scenario_names_are_checked(store: Store, name: str) -> None:
    with pytest.raises(StoreError):
        store.save_scenario(UPLOADER, SATKER, 2024, name, whatif.Scenario())


def test_older_database_without_the_table_gets_it_on_the_next_save(store: Store) -> None:
    with store.engine.begin() as conn:
        scenarios_table.drop(conn)
    store.dispose()
    older = Store(store.url)
    assert older.exists() and older.scenarios(SATKER, 2024) == []
    with pytest.raises(StoreError):
        older.scenario(1)
    saved = older.save_scenario(UPLOADER, SATKER, 2024, "Baru", whatif.Scenario())
    assert [s.id for s in Store(store.url).scenarios(SATKER, 2024)] == [saved.id]


def test_missing_database_has_no_scenarios_and_creates_nothing(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sub' / 'lakip.db'}")
    assert store.scenarios(SATKER, 2024) == []
    with pytest.raises(StoreError):
        store.scenario(1)
    assert not (tmp_path / "sub").exists()
