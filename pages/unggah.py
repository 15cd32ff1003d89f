"""Unggah Data: upload a file, see exactly what was read and what is wrong, then store it or cancel."""

from datetime import date

import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS
from lakip_core.intake.satker_choice import satker_mismatch, stored_name
from lakip_core.intake.security import DEFAULT_LIMITS, MIB
from lakip_core.presentation.tables import findings_table
from lakip_core.presentation.templates import LAYOUT_NOTES, template_bytes, template_filename
from lakip_core.reading.numbers import cell_text
from lakip_core.store import compare_rows
from ui.access import get_store, local_time, require
from ui.common import inert
from ui.intake_view import show_diff, show_figures, show_layout, show_problems, show_rows, year_input
from ui.layout_editor import (
    Upload,
    editing,
    forget_reading,
    layouts_section,
    map_by_hand,
    read_again,
    show_use,
    start_editing,
)
from ui.upload_choices import column_box, read_with_choices, satker_box

AUTO = "Deteksi otomatis"
FLASH, NONCE = "unggah_pesan", "unggah_nonce"

st.title("Unggah data")
st.caption(
    "Unggah ekspor SAKTI / SIMAK BMN atau tabel kantor. Dasbor menunjukkan dulu apa yang terbaca dan apa yang "
    "bermasalah; data baru tersimpan setelah Anda menekan Simpan. Versi lama tidak pernah dihapus."
)
actor = require("upload")
store = get_store()

flash = st.session_state.pop(FLASH, None)
if flash and flash[0] == "saved":
    st.success(inert(flash[1], 1000))
    st.page_link("pages/ringkasan.py", label="Lihat Ringkasan", icon="🏠")
elif flash:
    st.info(inert(flash[1], 1000))

with st.expander("Templat dan bentuk berkas yang diterima"):
    for note in LAYOUT_NOTES:
        st.markdown(f"- {note}")
    cols = st.columns(len(KINDS))
    for column, kind in zip(cols, KINDS.values(), strict=True):
        column.download_button(
            f"Templat {kind.slug}",
            template_bytes(kind.name, date.today().year),
            file_name=template_filename(kind.name),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"templat-{kind.name}",
        )

labels = {AUTO: None, **{k.label: k.name for k in KINDS.values()}}
choice = st.selectbox(
    "Jenis data", list(labels), help="Biarkan otomatis: jenis dikenali dari judul kolomnya.", placeholder="Pilih…"
)
nonce = st.session_state.setdefault(NONCE, 0)
uploaded = st.file_uploader(
    f"Pilih berkas (xlsx, xls, ods atau csv; maksimal {DEFAULT_LIMITS.max_bytes // MIB} MB)",
    type=["xlsx", "xlsm", "xls", "ods", "csv"],
    key=f"berkas-{nonce}",
)
if uploaded is None:
    st.info("Pilih berkas untuk melihat pratinjau. Belum ada yang disimpan.")
    with st.expander(f"📐 Tata letak kolom tersimpan ({len(store.layouts())})"):
        layouts_section(store, actor)
    st.stop()


year_key = f"tahun-{nonce}"
upload = Upload(uploaded.getvalue(), uploaded.name, st.session_state.get(year_key))
reading = read_with_choices(store, actor, upload, labels[choice], nonce)
inspection, error, preview = reading.inspection, reading.error, reading.preview
if error and not preview:  # the message names the file and its sheets: data text
    st.error(inert(error, 1000))
    st.caption("Tidak ada yang disimpan.")
    st.stop()
if error:
    map_by_hand(store, actor, upload, preview, f"peta-{nonce}-", labels[choice], reason=error)
    st.stop()

kind = KINDS[inspection.kind]
st.subheader(f"Pratinjau: {inert(uploaded.name, 120)}")
st.markdown(
    f"Jenis data **{kind.label}**"
    + (" (dikenali otomatis)" if inspection.kind_detected else "")
    + f" · {inspection.row_count} baris data"
)
for note in inspection.notes:
    st.info(inert(note, 1000))
chose_columns = any(a.settled for a in inspection.ambiguities)  # read with the choice, shown below
if inspection.layout_use is not None and not chose_columns and show_use(inspection.layout_use):
    read_again(upload, "otomatis")
if editing(upload):
    map_by_hand(store, actor, upload, inspection.preview, f"peta-{nonce}-", inspection.kind, inspection)
    st.stop()
if reading.options:
    satker_box(reading, nonce, upload)
if inspection.ambiguities:
    column_box(inspection.ambiguities, nonce, upload)
codes = store.satker_codes()
left, right = st.columns([3, 1])
satker = left.text_input(
    "Nama satuan kerja untuk disimpan" if reading.options else "Satuan kerja",
    value=inspection.detected_satker or stored_name(inspection.narrowed_to, codes) or "",
    key=f"satker-{nonce}" + (f"-{inspection.narrowed_to}" if inspection.narrowed_to else ""),
    help="Dibaca dari baris judul berkas bila ada; periksa dan perbaiki bila perlu.",
)
year = year_input(right, inspection, year_key)

asked = {a.message() for a in inspection.ambiguities}  # put to the person above, not "fix it in Excel"
problems = tuple(p for p in inspection.problems if p.message not in asked)
if problems:
    show_problems(problems)
show_figures(inspection.kind, inspection.summary)
rows = inspection.rows()
current = store.current(cell_text(satker), year).get(inspection.kind) if satker.strip() and year else None
if current is not None:
    diff = compare_rows(store.rows(current.id), rows, inspection.kind)
    st.markdown(
        f"**Menggantikan versi berlaku #{current.id}** ({inert(current.filename)}, diunggah oleh "
        f"{inert(current.uploaded_by)} {local_time(current.uploaded_at)}): {len(diff.added)} baris baru, "
        f"{len(diff.removed)} baris hilang, {len(diff.changed)} nilai berubah. Versi lama tetap tersimpan dan dapat "
        "dipulihkan."
    )
    show_figures(inspection.kind, current.summary, caption=f"Angka versi berlaku #{current.id}")

blocked = bool(inspection.problems) or reading.satker_missing or not satker.strip() or year is None
mismatch = satker_mismatch(inspection, satker, codes) if not reading.satker_missing else None
if mismatch:
    st.warning(inert(mismatch, 1000))
if reading.satker_missing:
    st.warning("Pilih satuan kerja di atas sebelum menyimpan.")
if year is None:
    st.warning("Tahun laporan tidak tertulis di berkas: isi tahunnya sebelum menyimpan.")
if not satker.strip():
    st.warning("Isi nama satuan kerja sebelum menyimpan.")
elif not blocked:
    st.caption("Periksa rincian di bawah. Bila sudah benar, tekan Simpan; bila tidak, tekan Batal.")
buttons = st.container(horizontal=True)
if buttons.button("Simpan sebagai versi baru", type="primary", disabled=blocked):
    try:
        result = store.save(actor, inspection, satker, year)
    except LakipError as err:
        st.error(inert(err, 1000))
        st.stop()
    st.session_state[FLASH] = ("saved", result.message)
    st.session_state[NONCE] = nonce + 1
    forget_reading()
    st.rerun()
if buttons.button("Batal"):
    st.session_state[FLASH] = ("cancelled", "Dibatalkan; tidak ada yang disimpan.")
    st.session_state[NONCE] = nonce + 1
    forget_reading()
    st.rerun()

if inspection.preview and buttons.button("✏️ Atur kolom sendiri", help="Bila kolom terbaca salah atau tidak lengkap"):
    start_editing(upload)

names = ["Baris terbaca", "Judul kolom dan pemetaan", "Temuan pemeriksaan"]
tabs = st.tabs(names + (["Perbandingan dengan versi berlaku"] if current is not None else []))
with tabs[0]:
    show_rows(inspection.kind, rows)
with tabs[1]:
    show_layout(inspection.layout)
with tabs[2]:
    if inspection.findings:
        st.caption("Temuan tidak menghalangi penyimpanan; semuanya juga tampil di halaman Pemeriksaan.")
        st.dataframe(findings_table(inspection.findings), hide_index=True)
    else:
        st.success("Tidak ada temuan.")
if current is not None:
    with tabs[3]:
        show_diff(diff, f"#{current.id}", "berkas ini", inspection.kind)
