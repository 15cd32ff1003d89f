"""Session state of the Simulasi page: the scenario being edited, saved scenarios, callbacks.

Scenarios live in two places: ``saved()`` (this browser session, downloadable as JSON) and the
store (``Store.save_scenario``: kept for the satker/year, for everyone who may view it; only a
pengunggah or admin may save or delete them, and the store checks that role itself).

Not a page. The editors (``st.data_editor``) are keyed by a version number: opening a scenario,
applying a rule or resetting seeds a fresh editor with the new figures (a keyed editor's own
edits cannot be replaced from code). What the user types on top of that seed is read back from
the editor on every run, so ``current`` = seed + typed edits.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from lakip_core.analysis import whatif
from lakip_core.errors import LakipError
from lakip_core.reading.numbers import cell_text, parse_number
from lakip_core.store import StoredScenario
from ui.access import actor, get_store
from ui.common import inert

VERSION = "simulasi-versi"
SEED = "simulasi-dasar"
CURRENT = "simulasi-kini"
SAVED = "simulasi-tersimpan"
NAME = "simulasi-nama"
MESSAGE = "simulasi-pesan"
RULE_COLUMN = "simulasi-aturan-kolom"
RULE_FROM = "simulasi-aturan-dari"
RULE_TO = "simulasi-aturan-menjadi"
RULE_PERCENT = "simulasi-aturan-persen"
CHOSEN = "simulasi-pilih"
UPLOAD = "simulasi-unggah"
STORED_CHOSEN = "simulasi-pilih-basis-data"
STORED_SUFFIX = " (basis data)"


def editor_key(kind: str) -> str:
    """``simulasi-indikator-0``: the data_editor key of this seed version."""
    return f"simulasi-{kind}-{st.session_state.get(VERSION, 0)}"


def seed() -> whatif.Scenario:
    return st.session_state.get(SEED) or whatif.Scenario()


def current() -> whatif.Scenario:
    return st.session_state.get(CURRENT) or seed()


def saved() -> dict[str, whatif.Scenario]:
    """Saved scenarios by name (this browser session; download them as JSON to keep them)."""
    return st.session_state.setdefault(SAVED, {})


def start_from(scenario: whatif.Scenario, message: str | None = None) -> None:
    """Seed fresh editors with ``scenario`` (open, rule, reset)."""
    st.session_state[SEED] = scenario
    st.session_state[CURRENT] = scenario
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[NAME] = scenario.name if scenario.name != whatif.BASELINE_LABEL else "Simulasi"
    if message:
        st.session_state[MESSAGE] = ("success", message)


def reset() -> None:
    start_from(whatif.Scenario(), "Kembali ke data tersimpan: semua perubahan simulasi dihapus.")


def apply_rule(frame: pd.DataFrame) -> None:
    """Bulk rule from the rule widgets on top of the current scenario."""
    equals = parse_number(st.session_state.get(RULE_FROM, ""))
    becomes = parse_number(st.session_state.get(RULE_TO, ""))
    if equals is None or becomes is None or becomes < 0:
        st.session_state[MESSAGE] = ("error", "Isi kedua nilai aturan dengan angka, misalnya 100 dan 90.")
        return
    column = "target" if st.session_state.get(RULE_COLUMN, "Target") == "Target" else "actual"
    scenario, count = whatif.bulk_replace(
        frame, current(), column, equals, becomes, bool(st.session_state.get(RULE_PERCENT, True))
    )
    if count == 0:
        st.session_state[MESSAGE] = ("warning", "Tidak ada indikator yang cocok dengan aturan ini.")
        return
    start_from(scenario, f"Aturan diterapkan pada {count} indikator.")


def save_current() -> None:
    try:
        name = whatif.scenario_name(st.session_state.get(NAME, ""))
    except whatif.ScenarioError as err:
        st.session_state[MESSAGE] = ("error", str(err))
        return
    replaced = name in saved()
    saved()[name] = replace(current(), name=name)
    st.session_state[MESSAGE] = ("success", f"Skenario '{name}' {'diperbarui' if replaced else 'disimpan'}.")


def open_chosen() -> None:
    name = st.session_state.get(CHOSEN)
    if name in saved():
        start_from(saved()[name], f"Skenario '{name}' dibuka.")


def delete_chosen() -> None:
    name = st.session_state.get(CHOSEN)
    if saved().pop(name, None) is not None:
        st.session_state[MESSAGE] = ("success", f"Skenario '{name}' dihapus.")


def load_upload() -> None:
    """Add the scenarios of an uploaded JSON file; a bad file gives a message, never a traceback."""
    upload = st.session_state.get(UPLOAD)
    if upload is None:
        return
    try:
        scenarios = whatif.scenarios_from_json(upload.getvalue())
    except whatif.ScenarioError as err:
        st.session_state[MESSAGE] = ("error", str(err))
        return
    for scenario in scenarios:
        saved()[scenario.name] = scenario
    names = ", ".join(s.name for s in scenarios) or "tidak ada"
    st.session_state[MESSAGE] = ("success", f"{len(scenarios)} skenario dibaca dari berkas: {names}.")


def stored(satker: str, year: int) -> list[StoredScenario]:
    """The scenarios kept in the store for this satker/year (empty without a database)."""
    return get_store().scenarios(satker, year) if satker else []


def all_scenarios(satker: str, year: int) -> dict[str, whatif.Scenario]:
    """Session scenarios, then stored ones (named with :data:`STORED_SUFFIX`), for comparing."""
    combined = dict(saved())
    for item in stored(satker, year):
        name = item.name + STORED_SUFFIX
        combined[name] = replace(item.scenario, name=name)
    return combined


def save_to_store(satker: str, year: int) -> None:
    """Keep the current scenario in the database under the typed name (same name: replaced)."""
    who = actor()
    if who is None:
        st.session_state[MESSAGE] = ("error", "Masuk dulu sebagai pengunggah atau admin untuk menyimpan ke basis data.")
        return
    name = cell_text(st.session_state.get(NAME, ""))
    try:
        existed = any(s.name == name for s in stored(satker, year))
        kept = get_store().save_scenario(who, satker, year, name, replace(current(), name=name))
    except LakipError as err:
        st.session_state[MESSAGE] = ("error", str(err))
        return
    st.session_state[STORED_CHOSEN] = kept.id
    verb = "diperbarui di" if existed else "disimpan ke"
    st.session_state[MESSAGE] = ("success", f"Skenario '{kept.name}' {verb} basis data ({satker} {year}).")


def open_stored() -> None:
    chosen = st.session_state.get(STORED_CHOSEN)
    if chosen is None:
        return
    try:
        kept = get_store().scenario(int(chosen))
    except LakipError as err:
        st.session_state[MESSAGE] = ("error", str(err))
        return
    start_from(kept.scenario, f"Skenario '{kept.name}' dibuka dari basis data.")


def delete_stored() -> None:
    chosen, who = st.session_state.get(STORED_CHOSEN), actor()
    if chosen is None or who is None:
        return
    try:
        kept = get_store().delete_scenario(who, int(chosen))
    except LakipError as err:
        st.session_state[MESSAGE] = ("error", str(err))
        return
    st.session_state.pop(STORED_CHOSEN, None)
    st.session_state[MESSAGE] = ("success", f"Skenario '{kept.name}' dihapus dari basis data.")


def show_message() -> None:
    kind, text = st.session_state.pop(MESSAGE, (None, None))
    if kind:  # messages name scenarios and files: data text, shown inert
        getattr(st, kind)(inert(text, 1000))
