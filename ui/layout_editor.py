"""The "Atur kolom sendiri" screen of the Unggah page, and the kept layouts (list, JSON in and out).

Not a page. The uploaded workbook is never opened here: the sheet's first rows come from the
sandboxed reading (:class:`~lakip_core.reading.mapping.SheetPreview`), and the totals of a mapping
are computed by reading the file again in the sandbox with that mapping
(:func:`lakip_core.intake.sandbox.inspect_upload`), cached per mapping. Nothing is stored until
the person presses a Simpan/Pakai button.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.intake.inspection import ColumnsNotPlacedError, Inspection
from lakip_core.intake.kinds import KINDS
from lakip_core.intake.layouts import KnownLayout, LayoutUse
from lakip_core.intake.sandbox import inspect_upload
from lakip_core.presentation.format import format_number
from lakip_core.reading.mapping import (
    PREVIEW_ROWS,
    Layout,
    SheetPreview,
    clean_name,
    field_label,
    field_problems,
    looks_like_total,
    make_layout,
    preview_grid,
    row_label,
    suggest_columns,
)
from lakip_core.reading.numbers import parse_number
from lakip_core.reading.tables import DatasetSpec
from lakip_core.store import Store, StoreError
from lakip_core.store.auth import Actor
from ui.access import local_time
from ui.common import inert
from ui.intake_view import key_figures

RESULTS = "peta_hasil"  # (sha256, layout JSON, year) → (inspection, error), the last few mappings read
MAX_RESULTS = 8
FLASH = "tata_letak_pesan"
CONFIRM = "tata_letak_hapus"  # id of the layout whose deletion waits for "Ya, hapus"
NONE = "—"
PLACEHOLDER = "Pilih…"


@dataclass(frozen=True)
class Upload:
    """The file being previewed on the Unggah page."""

    data: bytes
    name: str
    year: int | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


# --- how a file was read -----------------------------------------------------------------------


def describe_use(use: LayoutUse) -> str:
    """One Indonesian sentence saying which layout read the file (data text escaped)."""
    name = inert(use.name)
    if use.saved_by:
        saved = f" (disimpan oleh {inert(use.saved_by)} pada {local_time(use.saved_at)})"
        what = f"Dibaca dengan tata letak tersimpan **'{name}'**{saved}"
    else:
        what = f"Dibaca dengan pemetaan kolom buatan Anda **'{name}'** (belum disimpan)"
    if use.automatic:
        what += ": judul kolom berkas ini sama dengan tata letak itu"
    return what + "."


def show_use(use: LayoutUse) -> bool:
    """The note on a file read with a layout, and a way back to automatic reading (True when pressed)."""
    box = st.container(border=True)
    box.markdown("📐 " + describe_use(use))
    if not use.header_matched:
        box.warning(
            f"Judul kolom berkas ini berbeda dari tata letak '{inert(use.name)}'; kolom dibaca pada posisi yang sama "
            f"(judul di baris {use.header_row}). Periksa angkanya sebelum menyimpan."
        )
    return box.button("Baca otomatis saja (tanpa tata letak)", key="peta-otomatis")


# --- the Unggah page's reading state -------------------------------------------------------------

CHECKED = "unggah_pemeriksaan"  # (key, inspection, error, preview) of the latest reading
# How the file is read: (sha256, None = recognise kept layouts | "otomatis" | a KnownLayout)
MODE = "unggah_cara"
EDIT = "unggah_atur"  # sha256 of the file whose mapping screen is open


def _mode(upload: Upload) -> object:
    mode = st.session_state.get(MODE, (upload.sha256, None))
    return mode[1] if mode[0] == upload.sha256 else None


def read_upload(
    store: Store,
    actor: Actor,
    upload: Upload,
    kind: str | None,
    satker: str | None = None,
    columns: tuple[tuple[str, str], ...] = (),
) -> tuple[Inspection | None, str | None, tuple[SheetPreview, ...]]:
    """(inspection, error, sheets' first rows) of the upload, read in the sandbox once per way of reading.

    The file is recognised by the kept layouts unless the person chose automatic reading or a
    mapping of their own. ``satker`` narrows a file with several satker to that one; ``columns``
    (field, column letter) settles columns that fit one field equally well. Only the latest
    reading is kept. A refused file is written to the audit log once, when it is first read.
    """
    mode = _mode(upload)
    chosen = mode if isinstance(mode, KnownLayout) else None
    kept = tuple(s.known() for s in store.layouts()) if mode is None else ()
    how = (chosen.layout.to_json(), chosen.saved_at) if chosen else (mode, tuple(k.saved_at for k in kept))
    settings = store.overrides().text  # the preview computes under the office's settings
    key = (upload.sha256, upload.name, kind, how, settings, satker, columns)
    cached = st.session_state.get(CHECKED)
    year = upload.year
    if cached is None or cached[0] != key or (year is not None and cached[1] is not None and cached[1].year != year):
        with st.spinner("Memeriksa dan membaca berkas…"):
            try:
                found = inspect_upload(
                    upload.data,
                    upload.name,
                    kind,
                    year,
                    layouts=kept,
                    chosen_layout=chosen,
                    satker=satker,
                    settings=settings,
                    columns=dict(columns),
                )
                cached = (key, found, None, ())
            except LakipError as err:
                cached = (key, None, str(err), err.preview if isinstance(err, ColumnsNotPlacedError) else ())
                store.audit(actor.username, "unggah-ditolak", False, filename=upload.name, reason=str(err)[:500])
        st.session_state[CHECKED] = cached
    return cached[1], cached[2], cached[3]


def read_again(upload: Upload, mode: KnownLayout | str) -> None:
    """Read the file again another way (a chosen layout, or ``"otomatis"``); close the mapping screen."""
    st.session_state[MODE] = (upload.sha256, mode)
    st.session_state.pop(EDIT, None)
    st.rerun()


def editing(upload: Upload) -> bool:
    return bool(st.session_state.get(EDIT) == upload.sha256)


def start_editing(upload: Upload) -> None:
    st.session_state[EDIT] = upload.sha256
    st.rerun()


def forget_reading() -> None:
    """After Simpan or Batal: the next file starts from the kept layouts again."""
    for state in (CHECKED, MODE, EDIT, RESULTS):
        st.session_state.pop(state, None)


def map_by_hand(
    store: Store,
    actor: Actor,
    upload: Upload,
    previews: Sequence[SheetPreview],
    prefix: str,
    kind: str | None,
    inspection: Inspection | None = None,
    reason: str = "",
) -> None:
    """The mapping screen under its heading; reads the file with the layout once one is chosen.

    With ``inspection`` (the file was read, and the person disagrees) the screen starts from how
    it was read and offers to close without changes; without it, ``reason`` says why the reader
    could not place the columns.
    """
    steps = (
        "**(1)** pilih baris judul kolom, **(2)** pilih kolom untuk setiap isian, **(3)** periksa totalnya, lalu "
        "**(4)** simpan. Berkas berikutnya dengan judul kolom yang sama akan dibaca dengan cara ini secara otomatis."
    )
    if inspection is None:
        st.warning("**Kolom berkas ini belum dapat dibaca otomatis.** Tunjukkan sekali bagaimana membacanya, di bawah.")
        st.caption(f"Alasan: {inert(reason)}")
    st.subheader("✏️ Atur kolom sendiri")
    st.markdown(f"Langkahnya: {steps}")
    hint, start = None, None
    if inspection is not None:
        if st.button("Tutup tanpa mengubah", key="peta-tutup"):
            st.session_state.pop(EDIT, None)
            st.rerun()
        hint = (inspection.layout[0].sheet, inspection.layout[0].header_row) if inspection.layout else None
        start = inspection.layout_use.layout if inspection.layout_use is not None else None
    else:
        mode = _mode(upload)
        start = mode.layout if isinstance(mode, KnownLayout) else None
    chosen = mapping_screen(store, actor, upload, previews, prefix, kind, start, hint)
    if chosen is not None:
        read_again(upload, chosen)


# --- the mapping screen ------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return format_number(value, 0 if float(value).is_integer() else 2)
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _row_text(cells: Sequence[object], limit: int = 70) -> str:
    text = " · ".join(t for t in (_cell_text(c) for c in cells) if t)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _guess_header(preview: SheetPreview) -> int:
    """The preview row with the most text cells that are not numbers (a header's look)."""
    best, best_count = preview.rows[0][0] if preview.rows else 1, -1
    for number, cells in preview.rows[:30]:
        count = sum(1 for c in cells if isinstance(c, str) and c.strip() and parse_number(c) is None)
        if count > best_count:
            best, best_count = number, count
    return best


def _guess_kind(preview: SheetPreview) -> str | None:
    """The kind whose column names the likely header row shows most (two at least), else ``None``."""
    header = _guess_header(preview)
    counts = {name: len(suggest_columns(preview, [header], kind.spec)) for name, kind in KINDS.items()}
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] >= 2 else None


def _sample(preview: SheetPreview, position: int, after: int) -> str:
    """The first filled cell of a column below the header rows."""
    for number, cells in preview.rows:
        if number > after and _cell_text(cells[position]):
            return _cell_text(cells[position])
    return ""


def _grid_table(
    preview: SheetPreview, header_rows: Sequence[int], assigned: dict[str, str], totals: set[int]
) -> object:
    """The first rows as a grid: column letters (with the field each is read as) over row numbers."""
    columns = [f"{letter} → {assigned[letter]}" if letter in assigned else letter for letter in preview.letters]
    frame = pd.DataFrame(
        [[_cell_text(c) for c in cells] for _, cells in preview.rows],
        index=pd.Index([number for number, _ in preview.rows], name="Baris"),
        columns=pd.Index(columns),
    )

    def shade(row: pd.Series) -> list[str]:
        if row.name in header_rows:
            return ["background-color: #dbeafe; font-weight: 600"] * len(row)
        if row.name in totals:
            return ["background-color: #fef3c7"] * len(row)
        return [""] * len(row)

    return frame.style.apply(shade, axis=1)


def _show_grid(
    slot: object, preview: SheetPreview, header_rows: Sequence[int], assigned: dict[str, str], totals: set[int]
) -> None:
    """The grid of the sheet's first rows, with how many rows the sheet has when not all are shown."""
    height = min(400, 35 * (len(preview.rows) + 1) + 3)
    with slot:  # type: ignore[attr-defined]
        st.dataframe(_grid_table(preview, header_rows, assigned, totals), height=height)
        shown = (
            f"Lembar {inert(preview.sheet)} berisi {format_number(preview.row_count)} baris; yang tampil hanya "
            f"{PREVIEW_ROWS} baris pertama dan beberapa baris terakhir. "
            if preview.row_count > len(preview.rows)
            else ""
        )
        st.caption(shown + "Baris judul kolom berwarna biru, baris jumlah kuning; huruf kolom seperti di Excel.")


def _ordered_fields(spec: DatasetSpec) -> tuple[list[str], list[str]]:
    """(main fields: required and one-of groups, other fields), in the spec's order."""
    grouped = {n for group in spec.one_of for n in group}
    main = [c.name for c in spec.columns if c.required or c.name in grouped]
    return main, [c.name for c in spec.columns if c.name not in main and c.name != "no"] + ["no"]


def _field_caption(spec: DatasetSpec, name: str) -> str:
    column = next(c for c in spec.columns if c.name == name)
    grouped = any(name in group for group in spec.one_of)
    mark = " (wajib)" if column.required else " (isi salah satu)" if grouped else ""
    return field_label(spec, name) + mark


def mapping_screen(
    store: Store,
    actor: Actor | None,
    upload: Upload,
    previews: Sequence[SheetPreview],
    prefix: str,
    kind_hint: str | None,
    start: Layout | None = None,
    header_hint: tuple[str, int] | None = None,
) -> KnownLayout | None:
    """Map the file's columns by hand; the chosen layout once the person confirms, else ``None``.

    ``start``: a layout to begin from (the one the file was read with); ``header_hint``: (sheet,
    1-based header row) the reader found. Totals are recomputed (by the sandboxed reader) as the
    person chooses. "Simpan tata letak dan pakai" keeps the layout in the store first.
    """
    if not previews:
        st.error("Berkas ini tidak berisi sel yang dapat ditampilkan.")
        return None
    sheets = [p.sheet for p in previews]
    default_sheet = start.sheet if start is not None else (header_hint[0] if header_hint else sheets[0])
    top = st.columns([2, 2, 3]) if len(previews) > 1 else st.columns([2, 3])
    sheet = (
        top[-3].selectbox(
            "Lembar",
            sheets,
            index=sheets.index(default_sheet) if default_sheet in sheets else 0,
            key=f"{prefix}lembar",
            placeholder=PLACEHOLDER,
        )
        if len(previews) > 1
        else sheets[0]
    )
    preview = previews[sheets.index(sheet)]
    kinds = list(KINDS)
    first_kind = start.kind if start is not None else kind_hint or _guess_kind(preview)
    kind = top[-2].selectbox(
        "Jenis data",
        kinds,
        index=kinds.index(first_kind) if first_kind in kinds else None,
        format_func=lambda k: KINDS[k].label,
        placeholder="Pilih jenis data…",
        key=f"{prefix}jenis",
    )
    numbers = [n for n, _ in preview.rows[:30]]
    if start is not None and start.sheet == sheet:
        first_header = start.header_rows[0]
    elif header_hint and header_hint[0] == sheet:
        first_header = header_hint[1]
    else:
        first_header = _guess_header(preview)
    header = top[-1].selectbox(
        "(1) Baris judul kolom",
        numbers,
        index=numbers.index(first_header) if first_header in numbers else 0,
        format_func=lambda n: f"Baris {n}: {_row_text(preview.cells(n)) or '(kosong)'}",
        key=f"{prefix}judul-{sheet}",
        placeholder=PLACEHOLDER,
        help="Baris yang berisi nama-nama kolom, mis. Uraian, Pagu, Realisasi.",
    )
    two = st.checkbox(
        f"Judul kolom tertulis dalam dua baris (baris {header} dan {header + 1})",
        value=start is not None and len(start.header_rows) == 2 and start.header_rows[0] == header,
        key=f"{prefix}dua-{sheet}-{header}",
    )
    header_rows = (header, header + 1) if two else (header,)
    grid_slot = st.container()  # filled once the columns and total rows are chosen
    if kind is None:
        _show_grid(grid_slot, preview, header_rows, {}, set())
        st.info("Pilih jenis data (anggaran, indikator, aset atau pegawai) untuk memilih kolomnya.")
        return None

    spec = KINDS[kind].spec
    if start is not None and start.kind == kind and start.header_rows == header_rows and start.sheet == sheet:
        suggested = dict(start.columns)
    else:
        suggested = suggest_columns(preview, header_rows, spec)
    by_field = {name: letter for letter, name in suggested.items()}
    letters = list(preview.letters)
    label_row = [preview.cells(n) for n in header_rows]

    def option(letter: str) -> str:
        if not letter:
            return f"{NONE} tidak ada"
        position = letters.index(letter)
        title = " ".join(t for t in (_cell_text(cells[position]) for cells in label_row) if t)
        sample = _sample(preview, position, header_rows[-1])
        return " · ".join(p for p in (letter, title or "(tanpa judul)", f"mis. {sample}" if sample else "") if p)

    key = f"{prefix}{kind}-{sheet}-{'-'.join(map(str, header_rows))}"
    choices: dict[str, str | None] = {}
    main, other = _ordered_fields(spec)
    st.markdown("**(2) Kolom untuk setiap isian**")
    st.caption(
        "Pilih huruf kolom yang berisi setiap isian. Yang bertanda *wajib* harus diisi; dari yang bertanda "
        "*isi salah satu*, cukup satu."
    )

    def field_box(container: object, name: str) -> None:
        current = by_field.get(name)
        choices[name] = (
            container.selectbox(  # type: ignore[attr-defined]
                _field_caption(spec, name),
                ["", *letters],  # "" = no column (None would offer a clear button that changes nothing)
                index=(letters.index(current) + 1) if current in letters else 0,
                format_func=option,
                key=f"{key}-{name}",
                placeholder=PLACEHOLDER,
            )
            or None
        )

    for index, name in enumerate(main):
        if index % 3 == 0:
            row = st.columns(3)
        field_box(row[index % 3], name)
    with st.expander("Kolom lain (boleh dikosongkan)", expanded=any(n in by_field for n in other if n != "no")):
        for index, name in enumerate(other):
            if index % 3 == 0:
                row = st.columns(3)
            field_box(row[index % 3], name)
    assigned = {letter: field_label(spec, name) for name, letter in choices.items() if letter}

    st.markdown("**(3) Baris jumlah dan total**")
    below = [n for n, _ in preview.rows if n > header_rows[-1]]
    left, right = st.columns([2, 3])
    auto = left.toggle(
        "Kenali baris JUMLAH/TOTAL otomatis",
        value=start.totals_auto if start is not None else True,
        key=f"{key}-otomatis",
        help="Baris yang kolom pertamanya berbunyi JUMLAH, TOTAL, SUB TOTAL … tidak dihitung sebagai data.",
    )
    marked_default = [n for n in below if start is not None and _row_label(preview, n) in start.total_labels]
    marked = right.multiselect(
        "Baris jumlah lain (tandai sendiri)",
        below,
        default=marked_default,
        format_func=lambda n: f"Baris {n}: {_row_text(preview.cells(n), 50) or '(kosong)'}",
        placeholder="Pilih baris…",
        key=f"{key}-jumlah",
        help="Baris berisi jumlah atau subtotal yang tidak boleh ikut dijumlahkan. Dikenali lagi dari teksnya.",
    )

    layout: Layout | None = None
    problems: list[str] = []
    try:
        layout = make_layout(
            start.name if start is not None else _default_name(upload.name, kind),
            kind,
            preview_grid(preview),
            header_rows,
            {letter: name for name, letter in choices.items() if letter},
            totals_auto=auto,
            total_rows=marked,
        )
        problems = field_problems(layout, spec)
    except LakipError as err:
        problems = [str(err)]
    for letter in sorted({v for v in choices.values() if v}):
        fields = [field_label(spec, n) for n, v in choices.items() if v == letter]
        if len(fields) > 1:
            problems.insert(
                0, f"Kolom {letter} dipilih untuk {' dan '.join(fields)}; satu kolom hanya untuk satu isian."
            )

    inspection: Inspection | None = None
    if layout is not None and not problems:
        inspection, error = _read(upload, layout)
        if error:
            problems = [error]
    if inspection is not None and inspection.layout_use is not None:
        totals = set(inspection.layout_use.total_rows)
    else:  # not read yet: the rows the automatic rule would take, and the marked ones
        totals = set(marked) | {n for n in below if auto and looks_like_total(_row_label(preview, n))}
    _show_grid(grid_slot, preview, header_rows, assigned, totals)

    st.markdown("**(4) Hasil dengan pemetaan ini**")
    if problems:
        st.warning("Belum dapat dihitung: " + inert(" ".join(problems)))
        return None
    assert inspection is not None and layout is not None
    figures = key_figures(kind, inspection.summary)
    if figures:
        for column, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
            column.metric(label, value)
    rows_read = sum(t.rows for t in inspection.layout)
    total_rows = sorted(totals)
    st.caption(
        f"{format_number(rows_read)} baris data dibaca"
        + (
            f"; baris jumlah (tidak ikut dihitung): {', '.join(map(str, total_rows[:12]))}"
            + ("…" if len(total_rows) > 12 else "")
            if total_rows
            else "; tidak ada baris jumlah"
        )
        + "."
    )
    if inspection.problems:
        st.error(
            f"Dengan pemetaan ini ada {len(inspection.problems)} nilai yang bukan angka, mis. baris "
            f"{inspection.problems[0].row}: {inert(inspection.problems[0].message)} Periksa kolom yang dipilih."
        )
    return _confirm(store, actor, layout, key, upload)


def _row_label(preview: SheetPreview, number: int) -> str:
    return row_label(preview.cells(number))


def _default_name(filename: str, kind: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", filename)
    return f"{KINDS[kind].slug.capitalize()} – {stem}"[:80]


def _read(upload: Upload, layout: Layout) -> tuple[Inspection | None, str | None]:
    """The file read in the sandbox with ``layout`` (cached per mapping for this session)."""
    results: dict[tuple[str, str, int | None], tuple[Inspection | None, str | None]] = st.session_state.setdefault(
        RESULTS, {}
    )
    key = (upload.sha256, layout.to_json(), upload.year)
    if key not in results:
        with st.spinner("Menghitung ulang dengan pemetaan ini…"):
            try:
                read = inspect_upload(
                    upload.data, upload.name, layout.kind, upload.year, chosen_layout=KnownLayout(layout)
                )
                # Only the figures are shown: the bytes and parsed rows need not stay in the session.
                found: tuple[Inspection | None, str | None] = (replace(read, content=b"", rows_json=""), None)
            except LakipError as err:
                found = (None, str(err))
        while len(results) >= MAX_RESULTS:
            results.pop(next(iter(results)))
        results[key] = found
    return results[key]


def _confirm(store: Store, actor: Actor | None, layout: Layout, key: str, upload: Upload) -> KnownLayout | None:
    """Name, then keep and use (or use once): the chosen layout, else ``None``."""
    box = st.container(border=True)
    name = box.text_input(
        "Nama tata letak",
        value=layout.name,
        key=f"{key}-nama",
        max_chars=80,
        help="Mis. 'GLP039 kantor kami'. Dipakai untuk mengenali dan memilih tata letak ini nanti.",
    )
    buttons = box.container(horizontal=True)
    keep = buttons.button("💾 Simpan tata letak dan pakai", type="primary", key=f"{key}-simpan")
    once = buttons.button("Pakai sekali saja (tanpa menyimpan)", key=f"{key}-sekali")
    box.caption("Data belum tersimpan sampai Anda menekan **Simpan sebagai versi baru** pada pratinjau berikutnya.")
    if once:
        try:
            return KnownLayout(replace(layout, name=_clean(name)))
        except LakipError as err:
            box.error(inert(err))
            return None
    if keep:
        if actor is None:
            box.error("Masuk sebagai pengunggah untuk menyimpan tata letak.")
            return None
        try:
            stored = store.save_layout(actor, layout, _clean(name))
        except LakipError as err:
            box.error(inert(err))
            return None
        return stored.known()
    return None


def _clean(name: str) -> str:
    return clean_name(name)


# --- kept layouts: list, download, delete, import -------------------------------------------------


def layouts_section(store: Store, actor: Actor | None) -> None:
    """The kept layouts with their JSON for download, a delete button, and an import from JSON."""
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(inert(flash))
    kept = store.layouts()
    if kept:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Nama": s.name,
                        "Jenis": KINDS[s.kind].label if s.kind in KINDS else s.kind,
                        "Kolom": _columns_text(s.layout),
                        "Judul di baris": "–".join(map(str, s.layout.header_rows)),
                        "Disimpan oleh": s.saved_by,
                        "Pada": local_time(s.saved_at),
                    }
                    for s in kept
                ]
            ),
            hide_index=True,
        )
        names = {s.id: s for s in kept}
        left, right = st.columns([3, 2])
        chosen = left.selectbox(
            "Tata letak",
            list(names),
            format_func=lambda i: names[i].name,
            key="tata-letak-pilih",
            placeholder=PLACEHOLDER,
        )
        item = names[chosen]
        buttons = right.container(horizontal=True)
        buttons.download_button(
            "⬇️ Unduh JSON",
            item.layout.to_json().encode("utf-8"),
            file_name=f"tata-letak-{_slug(item.name)}.json",
            mime="application/json",
            key="tata-letak-unduh",
            on_click="ignore",
        )
        if buttons.button("🗑️ Hapus", key="tata-letak-hapus"):
            st.session_state[CONFIRM] = item.id
        if st.session_state.get(CONFIRM) == item.id:
            st.warning(
                f"Hapus tata letak '{inert(item.name)}'? Berkas berikutnya tidak lagi dibaca dengannya; versi yang "
                "sudah tersimpan tetap dibaca seperti semula."
            )
            confirm = st.container(horizontal=True)
            if confirm.button("Ya, hapus", type="primary", key="tata-letak-hapus-ya") and actor is not None:
                st.session_state.pop(CONFIRM, None)
                try:
                    store.delete_layout(actor, item.id)
                    st.session_state[FLASH] = f"Tata letak '{item.name}' dihapus."
                    st.rerun()
                except LakipError as err:
                    st.error(inert(err))
            if confirm.button("Batal", key="tata-letak-hapus-batal"):
                st.session_state.pop(CONFIRM, None)
                st.rerun()
    else:
        st.caption("Belum ada tata letak tersimpan.")
    # The uploader appears on request: the page's own file uploader stays the only one in view.
    if not st.toggle("Pakai tata letak dari kantor lain (berkas JSON hasil tombol Unduh JSON)", key="tata-letak-dari"):
        return
    upload = st.file_uploader("Berkas tata letak (.json)", key="tata-letak-berkas")
    if upload is not None:
        if not upload.name.lower().endswith(".json"):
            st.error("Pilih berkas tata letak berakhiran .json.")
        elif st.button("Simpan tata letak ini", key="tata-letak-impor") and actor is not None:
            try:
                stored = store.import_layout(actor, upload.getvalue())
            except (LakipError, StoreError) as err:
                st.error(inert(err))
            else:
                st.session_state[FLASH] = (
                    f"Tata letak '{stored.name}' tersimpan. Berkas dengan judul kolom yang sama akan dibaca dengannya."
                )
                st.rerun()


def _columns_text(layout: Layout) -> str:
    spec = KINDS[layout.kind].spec if layout.kind in KINDS else None
    return ", ".join(f"{letter} {field_label(spec, n) if spec else n}" for letter, n in layout.columns)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "tata-letak"
