"""Widgets for the settings, one per kind of value, written over the fields of ``Settings``.

Each editor shows a setting's value in force and returns what the visitor entered in the JSON form
of :mod:`lakip_core.rules.settings_codec`; the page checks it there (``codec.check``), so every
rule and every Indonesian message lives in one place. A new ``setting(...)`` field of a plain kind
(number, whole number, flag, date, text with choices) appears on the page with no code here.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from lakip_core.analysis.budget import JENIS_BELANJA
from lakip_core.rules import settings_codec as codec
from lakip_core.rules.achievement import RatingScale
from lakip_core.rules.settings import IkpaTarget, UsefulLife

QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


def widget_key(name: str, overrides: codec.Overrides, year: int) -> str:
    """The widget key of a setting: new after every change, so the widgets start from the stored values."""
    return f"{name}-{year}-{zlib.crc32(overrides.text.encode())}"


def _help(item: codec.Spec) -> str | None:
    return item.help or None


def _label(item: codec.Spec) -> str:
    return f"{item.label} ({item.unit})" if item.unit else item.label


def _optional(item: codec.Spec, value: Any, key: str, disabled: bool) -> bool:
    """The "none" choice of an optional setting (``tanpa batas``); True when it is ticked.

    The value's own widget is shown beside it either way: inside a form nothing reruns until it
    is sent, so a widget that appeared only after unticking could not be filled in.
    """
    text = item.none_label or "tidak diisi"
    return st.checkbox(text[:1].upper() + text[1:], value=value is None, key=f"{key}-kosong", disabled=disabled)


def _number(item: codec.Spec, value: Any, key: str, disabled: bool, year: int) -> Any:
    whole = item.kind == "whole"
    none = item.optional and _optional(item, value, key, disabled)
    shown = value if value is not None else (item.minimum or 0)
    entered = st.number_input(
        _label(item),
        value=int(shown) if whole else float(shown),
        min_value=None if item.minimum is None else (int(item.minimum) if whole else float(item.minimum)),
        max_value=None if item.maximum is None else (int(item.maximum) if whole else float(item.maximum)),
        step=1 if whole else 0.5,
        format=None if whole else "%g",
        help=_help(item),
        key=key,
        disabled=disabled,
    )
    return None if none else entered


def _flag(item: codec.Spec, value: Any, key: str, disabled: bool, year: int) -> Any:
    return st.toggle(_label(item), value=bool(value), help=_help(item), key=key, disabled=disabled)


def _date(item: codec.Spec, value: Any, key: str, disabled: bool, year: int) -> Any:
    st.markdown(f"**{item.label}**", help=_help(item))
    none = item.optional and _optional(item, value, key, disabled)
    chosen = st.date_input(
        item.label, value=value or date.today(), format="DD/MM/YYYY", key=key, disabled=disabled,
        label_visibility="collapsed",
    )  # fmt: skip
    return None if none or not isinstance(chosen, date) else chosen.isoformat()


def _text(item: codec.Spec, value: Any, key: str, disabled: bool, year: int) -> Any:
    if item.choices:
        index = item.choices.index(value) if value in item.choices else 0
        return st.selectbox(_label(item), item.choices, index=index, help=_help(item), key=key, disabled=disabled)
    return st.text_input(_label(item), value=str(value or ""), help=_help(item), key=key, disabled=disabled)


def _scale(item: codec.Spec, value: RatingScale, key: str, disabled: bool, year: int) -> Any:
    names = {known.name: preset for preset, known in codec.SCALES.items()}
    current = codec.to_plain(item.name, value)
    chosen_name = st.selectbox(
        item.label,
        list(names),
        index=list(names.values()).index(current["preset"]),
        help=_help(item),
        key=f"{key}-nama",
        disabled=disabled,
    )
    preset = codec.SCALES[names[chosen_name]]
    # The bounds in force stay when only the names change; a new scale starts from its own bounds.
    bounds = current["bounds"] if names[chosen_name] == current["preset"] else [b for b, _ in preset.bands[:-1]]
    columns = st.columns(len(preset.labels))
    entered = [
        column.number_input(
            f"{label} mulai",
            value=float(bound),
            min_value=0.0,
            max_value=1000.0,
            step=1.0,
            format="%g",
            key=f"{key}-{names[chosen_name]}-{position}",
            disabled=disabled,
        )  # fmt: skip
        for position, (column, label, bound) in enumerate(zip(columns, preset.labels, bounds, strict=False))
    ]
    columns[-1].text_input(f"{preset.labels[-1]}", value="di bawahnya", disabled=True, key=f"{key}-terakhir")
    return {"preset": names[chosen_name], "bounds": entered}


def _ikpa(item: codec.Spec, value: tuple[IkpaTarget, ...] | None, key: str, disabled: bool, year: int) -> Any:
    from lakip_core.rules.settings import published_ikpa_targets

    targets = value if value is not None else published_ikpa_targets(year)
    table = pd.DataFrame(
        [
            {"Jenis": t.jenis, "Nama": JENIS_BELANJA.get(t.jenis, ""), **dict(zip(QUARTERS, t.quarters, strict=True))}
            for t in targets
        ]
    )
    st.markdown(f"**{item.label} — tahun {year}**", help=_help(item))
    edited = st.data_editor(
        table,
        hide_index=True,
        num_rows="dynamic",
        disabled=True if disabled else ["Nama"],
        column_config={
            "Jenis": st.column_config.TextColumn("Jenis belanja (2 digit akun)", required=True),
            **{q: st.column_config.NumberColumn(f"{q} (%)", min_value=0, max_value=100, format="%g") for q in QUARTERS},
        },
        key=key,
    )
    return {
        str(row["Jenis"]).strip(): [None if pd.isna(row[q]) else float(row[q]) for q in QUARTERS]
        for _, row in edited.iterrows()
        if str(row["Jenis"] or "").strip()
    }


def _useful_life(item: codec.Spec, value: tuple[UsefulLife, ...], key: str, disabled: bool, year: int) -> Any:
    table = pd.DataFrame(
        [{"Kode": r.code, "Kelompok": r.group, "Tahun": r.years, "Kata kunci": " | ".join(r.keywords)} for r in value]
    )
    st.markdown(f"**{item.label}**", help=_help(item))
    edited = st.data_editor(
        table,
        hide_index=True,
        num_rows="dynamic",
        disabled=disabled,
        column_config={
            "Kode": st.column_config.TextColumn("Kode kelompok", required=True),
            "Tahun": st.column_config.NumberColumn("Masa manfaat (tahun)", min_value=1, max_value=100, step=1),
            "Kata kunci": st.column_config.TextColumn("Kata kunci nama barang (dipisah |)", width="large"),
        },
        key=key,
    )
    return [
        {
            "code": str(row["Kode"] or "").strip(),
            "group": str(row["Kelompok"] or "").strip(),
            "years": None if pd.isna(row["Tahun"]) else float(row["Tahun"]),
            "keywords": str(row["Kata kunci"] or ""),
        }
        for _, row in edited.iterrows()
        if any(str(row[c] or "").strip() for c in ("Kode", "Kelompok"))
    ]


EDITORS: dict[str, Callable[[codec.Spec, Any, str, bool, int], Any]] = {
    "number": _number,
    "whole": _number,
    "flag": _flag,
    "date": _date,
    "text": _text,
    "scale": _scale,
    "useful_life": _useful_life,
    "ikpa": _ikpa,
}


def editor(item: codec.Spec, value: Any, key: str, disabled: bool, year: int) -> Any:
    """The widget of one setting; returns the entered value in its JSON form (not yet checked)."""
    if item.kind not in EDITORS:
        st.caption(
            f"{item.label}: {codec.show(item.name, value)} (ubah lewat baris perintah: settings set {item.name})"
        )
        return codec.to_plain(item.name, value)
    return EDITORS[item.kind](item, value, key, disabled, year)
