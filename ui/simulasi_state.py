"""Session state of the Simulasi page: the scenario being edited, saved scenarios, callbacks.

Scenarios live in two places: ``saved()`` (this browser session, downloadable as JSON) and the
store (``Store.save_scenario``: kept for the satker/year, for everyone who may view it; only a
pengunggah or admin may save or delete them, and the store checks that role itself).

The tabs keep their state (``TAB``): a rerun after typing a name or saving leaves the user on
the tab they were on, and messages appear next to the control that caused them (``show_message``).

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
UPLOAD_NONCE = "simulasi-unggah-nomor"
STORED_CHOSEN = "simulasi-pilih-basis-data"
STORED_SUFFIX = " (basis data)"
TAB = "simulasi-tab"
TABS = ("🎯 Target & realisasi", "❓ Pertanyaan", "💰 Anggaran", "💾 Skenario")
# Where a message is shown: next to the control that caused it, so it is seen where the user is.
TOP, RULE, SCENARIOS = "atas", "aturan", "skenario"


def say(kind: str, text: str, place: str = TOP) -> None:
    """Queue a message (``success``, ``warning``, ``error``) for ``place``; shown once on the next run."""
    st.session_state[MESSAGE] = (kind, text, place)


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


def start_from(scenario: whatif.Scenario, message: str | None = None, place: str = SCENARIOS) -> None:
    """Seed fresh editors with ``scenario`` (open, rule, reset)."""
    st.session_state[SEED] = scenario
    st.session_state[CURRENT] = scenario
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[NAME] = scenario.name if scenario.name != whatif.BASELINE_LABEL else "Simulasi"
    if message:
        say("success", message, place)


def reset() -> None:
    # Shown in the indicator tab (where the reset button is), above its editor.
    start_from(whatif.Scenario(), "Kembali ke data tersimpan: semua perubahan simulasi dihapus.", RULE)


def apply_rule(frame: pd.DataFrame) -> None:
    """Bulk rule from the rule widgets on top of the current scenario."""
    equals = parse_number(st.session_state.get(RULE_FROM, ""))
    becomes = parse_number(st.session_state.get(RULE_TO, ""))
    if equals is None or becomes is None or becomes < 0:
        say("error", "Isi kedua nilai aturan dengan angka, misalnya 100 dan 90.", RULE)
        return
    column = "target" if st.session_state.get(RULE_COLUMN, "Target") == "Target" else "actual"
    scenario, count = whatif.bulk_replace(
        frame, current(), column, equals, becomes, bool(st.session_state.get(RULE_PERCENT, True))
    )
    if count == 0:
        say("warning", "Tidak ada indikator yang cocok dengan aturan ini.", RULE)
        return
    start_from(scenario, f"Aturan diterapkan pada {count} indikator.", RULE)


def save_current() -> None:
    try:
        name = whatif.scenario_name(st.session_state.get(NAME, ""))
    except whatif.ScenarioError as err:
        say("error", str(err), SCENARIOS)
        return
    replaced = name in saved()
    saved()[name] = replace(current(), name=name)
    say("success", f"Skenario '{name}' {'diperbarui' if replaced else 'disimpan'}.", SCENARIOS)


def open_chosen() -> None:
    name = st.session_state.get(CHOSEN)
    if name in saved():
        start_from(saved()[name], f"Skenario '{name}' dibuka.")


def delete_chosen() -> None:
    name = st.session_state.get(CHOSEN)
    if saved().pop(name, None) is not None:
        say("success", f"Skenario '{name}' dihapus.", SCENARIOS)


def upload_key() -> str:
    """``simulasi-unggah-0``: a read file is consumed, and the next run shows an empty uploader."""
    return f"{UPLOAD}-{st.session_state.get(UPLOAD_NONCE, 0)}"


def load_upload(key: str) -> None:
    """Add the scenarios of an uploaded JSON file; a bad file gives a message, never a traceback.

    Either way the file is consumed (a fresh uploader replaces it): the message says what came of it.
    """
    upload = st.session_state.get(key)
    if upload is None:
        return
    st.session_state[UPLOAD_NONCE] = st.session_state.get(UPLOAD_NONCE, 0) + 1
    if not upload.name.lower().endswith(".json"):  # the uploader takes any type: its refusal is English
        say(
            "error",
            f"Berkas '{upload.name}' bukan berkas skenario. Pilih berkas .json yang diunduh dari Simulasi.",
            SCENARIOS,
        )
        return
    try:
        scenarios = whatif.scenarios_from_json(upload.getvalue())
    except whatif.ScenarioError as err:
        say("error", str(err), SCENARIOS)
        return
    for scenario in scenarios:
        saved()[scenario.name] = scenario
    names = ", ".join(s.name for s in scenarios) or "tidak ada"
    say("success", f"{len(scenarios)} skenario dibaca dari berkas: {names}.", SCENARIOS)


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
        say("error", "Masuk dulu sebagai pengunggah atau admin untuk menyimpan ke basis data.", SCENARIOS)
        return
    name = cell_text(st.session_state.get(NAME, ""))
    try:
        existed = any(s.name == name for s in stored(satker, year))
        kept = get_store().save_scenario(who, satker, year, name, replace(current(), name=name))
    except LakipError as err:
        say("error", str(err), SCENARIOS)
        return
    st.session_state[STORED_CHOSEN] = kept.id
    verb = "diperbarui di" if existed else "disimpan ke"
    say("success", f"Skenario '{kept.name}' {verb} basis data ({satker} {year}).", SCENARIOS)


def open_stored() -> None:
    chosen = st.session_state.get(STORED_CHOSEN)
    if chosen is None:
        return
    try:
        kept = get_store().scenario(int(chosen))
    except LakipError as err:
        say("error", str(err), SCENARIOS)
        return
    start_from(kept.scenario, f"Skenario '{kept.name}' dibuka dari basis data.")


def delete_stored() -> None:
    chosen, who = st.session_state.get(STORED_CHOSEN), actor()
    if chosen is None or who is None:
        return
    try:
        kept = get_store().delete_scenario(who, int(chosen))
    except LakipError as err:
        say("error", str(err), SCENARIOS)
        return
    st.session_state.pop(STORED_CHOSEN, None)
    say("success", f"Skenario '{kept.name}' dihapus dari basis data.", SCENARIOS)


def show_message(place: str | None = None) -> None:
    """Show the queued message if it belongs to ``place`` (``None``: wherever it belongs).

    Message text holds names typed by users and file names: escaped before it reaches markdown.
    """
    queued = st.session_state.get(MESSAGE)
    if queued is None or (place is not None and queued[2] != place):
        return
    del st.session_state[MESSAGE]
    getattr(st, queued[0])(inert(queued[1], 1000))
