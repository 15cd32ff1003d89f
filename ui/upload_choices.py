"""The Unggah preview's questions before Simpan: which satker of a file that holds several, and
which of two columns that fit one field equally well. Not a page.

Both answers are given to the sandboxed reading (:func:`ui.layout_editor.read_upload`): the file is
read again narrowed to the chosen satker (the rule the command line's ``--satker`` uses) or with
the chosen column, so every figure, row and finding on the preview is the one Simpan stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from lakip_core.intake.inspection import Inspection
from lakip_core.intake.satker_choice import SatkerOption, default_option, satker_options
from lakip_core.presentation.format import format_rupiah
from lakip_core.reading.mapping import SheetPreview
from lakip_core.reading.tables import Ambiguity
from lakip_core.store import Store
from lakip_core.store.auth import Actor
from ui.common import chosen_dataset, inert
from ui.layout_editor import Upload, read_upload

SATKERS = "unggah_satker_berkas"  # ((sha256, kind), options) of the file read whole
# Widget keys carry the file's hash: a choice made for one file never answers for the next one
# picked in the same uploader (a satker it does not hold, a column letter that means another column).
PICK = "satker-pilih-{nonce}-{file}"
COLUMN = "kolom-{nonce}-{file}-"


@dataclass(frozen=True)
class Reading:
    """The preview's reading with the person's choices applied, and what is left to choose."""

    inspection: Inspection | None
    error: str | None
    preview: tuple[SheetPreview, ...]
    options: list[SatkerOption] = field(default_factory=list)  # empty: the file holds one satker (or none)
    default: str | None = None  # the satker preselected (see default_option), None: the person chooses

    @property
    def satker_missing(self) -> bool:
        """A file with several satker whose satker is not chosen yet: nothing may be stored."""
        return bool(self.options) and (self.inspection is None or self.inspection.narrowed_to is None)


def _file(upload: Upload) -> str:
    return upload.sha256[:16]


def _column_choices(nonce: int, upload: Upload) -> tuple[tuple[str, str], ...]:
    prefix = COLUMN.format(nonce=nonce, file=_file(upload))
    return tuple(
        sorted(
            (str(k)[len(prefix) :], str(v))
            for k, v in st.session_state.items()
            if str(k).startswith(prefix) and isinstance(v, str) and v
        )
    )


def read_with_choices(store: Store, actor: Actor, upload: Upload, kind: str | None, nonce: int) -> Reading:
    """Read the upload with the satker and columns chosen so far.

    A file is read whole once to learn its satker (kept per file, so later runs read only the
    narrowed file); with several, it is read again narrowed to the chosen (or preselected) one.
    """
    columns = _column_choices(nonce, upload)
    file_key = (upload.sha256, kind)
    known = st.session_state.get(SATKERS)
    if known is None or known[0] != file_key:
        inspection, error, preview = read_upload(store, actor, upload, kind, columns=columns)
        options = satker_options(inspection) if inspection is not None else []
        st.session_state[SATKERS] = (file_key, options)
        if not options:
            return Reading(inspection, error, preview)
    options = st.session_state[SATKERS][1]
    if not options:
        return Reading(*read_upload(store, actor, upload, kind, columns=columns))
    shown = chosen_dataset()
    default = default_option(options, shown[0] if shown else None, store.satker_codes())
    pick = PICK.format(nonce=nonce, file=_file(upload))
    chosen = st.session_state.get(pick, default)
    return Reading(*read_upload(store, actor, upload, kind, satker=chosen, columns=columns), options, default)


def satker_box(reading: Reading, nonce: int, upload: Upload) -> None:
    """The choice of one satker of a file holding several, with what each holds."""
    options = {o.code: o for o in reading.options}
    codes = list(options)
    box = st.container(border=True)
    box.markdown(
        f"🏢 **Berkas ini berisi {len(codes)} satuan kerja.** Pilih satu: hanya baris satuan kerja itu yang "
        "dihitung dan disimpan."
    )
    box.selectbox(
        "Satuan kerja",
        codes,
        index=codes.index(reading.default) if reading.default in codes else None,
        format_func=lambda code: options[code].text(),
        placeholder="Pilih satuan kerja…",
        key=PICK.format(nonce=nonce, file=_file(upload)),
        help="Kode satker (dan namanya bila tertulis di berkas), jumlah baris dan pagunya di berkas ini.",
    )
    inspection = reading.inspection
    if inspection is not None and inspection.narrowed_to is None:
        whole = inspection.summary.get("budget", {}).get("allocation")
        total = f" (pagu seluruh berkas {format_rupiah(whole)})" if whole is not None else ""
        box.warning(
            f"Pilih satuan kerja dulu. Angka di bawah ini masih gabungan semua satuan kerja dalam berkas{total} "
            "dan belum dapat disimpan."
        )
    elif reading.default is not None and reading.default == (inspection.narrowed_to if inspection else None):
        box.caption("Dipilih otomatis: satuan kerja ini yang sedang ditampilkan atau sudah tersimpan di dasbor.")


def column_box(ambiguities: tuple[Ambiguity, ...], nonce: int, upload: Upload) -> None:
    """One choice per field that two columns fit equally well; the file is read again with it."""
    seen: set[str] = set()
    box = st.container(border=True)
    box.markdown(
        "🔀 **Ada judul kolom yang kembar.** Pilih kolom yang benar untuk setiap isian; angkanya dihitung ulang."
    )
    for ambiguity in ambiguities:
        if ambiguity.field in seen:
            continue
        seen.add(ambiguity.field)
        headers = dict(ambiguity.candidates)
        letters = list(headers)
        key = COLUMN.format(nonce=nonce, file=_file(upload)) + ambiguity.field
        box.selectbox(
            f"Kolom untuk {inert(ambiguity.label)}",
            letters,
            index=letters.index(ambiguity.chosen) if ambiguity.settled and ambiguity.chosen in letters else None,
            format_func=lambda letter, h=headers: f"Kolom {letter}: {h[letter]}",
            placeholder="Pilih kolom…",
            key=key,
        )
        if not ambiguity.settled:
            listed = " dan ".join(f"'{text}' (kolom {letter})" for letter, text in ambiguity.candidates)
            box.warning(
                f"Kolom {inert(ambiguity.label)} muncul dua kali: {inert(listed)}. Angka di bawah ini sementara "
                f"memakai kolom {ambiguity.chosen}; pilih kolomnya sebelum menyimpan."
            )
