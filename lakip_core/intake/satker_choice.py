"""The upload preview's satker questions: which satker of a file with several, and does it fit.

A file can hold several satker (an ADK item table, a SIMAK register with a ``Kode Satker``
column). It is read whole first (:attr:`Inspection.satkers`); the person then chooses one and
the file is read again narrowed to it (:func:`lakip_core.reading.satker.narrow_tables`, the rule
the command line's ``--satker`` uses too). The satker a file states (GLP039 title, ``kdsatker``,
the narrowed choice) is then compared with the satker it will be stored under.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lakip_core.intake.inspection import Inspection
from lakip_core.presentation.format import format_number, format_rupiah


@dataclass(frozen=True)
class SatkerOption:
    """One satker of a file read whole: code, name when the file gives one, rows, pagu (budget)."""

    code: str
    name: str
    rows: int
    allocation: float | None = None

    def text(self) -> str:
        """``410389 – KPU Kota Bogor · 40 baris · pagu Rp 8.996.906.000`` (plain text)."""
        head = f"{self.code} – {self.name}" if self.name else self.code
        parts = [head, f"{format_number(self.rows)} baris"]
        if self.allocation is not None:
            parts.append(f"pagu {format_rupiah(self.allocation)}")
        return " · ".join(parts)


def satker_options(inspection: Inspection) -> list[SatkerOption]:
    """The satker of a file holding more than one, in file order (empty for one or none)."""
    if len(inspection.satkers) < 2:
        return []
    pagu, rows = inspection.satker_allocation, inspection.satker_rows
    return [
        SatkerOption(
            s.code,
            s.name,
            rows.get(s.code, s.rows),  # as the preview counts them once chosen ("N baris data")
            pagu.get(s.code, 0.0) if inspection.kind == "budget" else None,
        )
        for s in inspection.satkers
    ]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def default_option(options: Sequence[SatkerOption], shown: str | None, codes: Mapping[str, str]) -> str | None:
    """The satker code to preselect, or ``None`` when the person must choose.

    A file with several satker is never stored whole under one satker's name (its pagu would be
    the sum of several offices), and a wrong satker is worse than one more click. So a satker is
    preselected only when the dashboard already knows which office this is: the satker shown in
    the sidebar (``shown``), by the code its stored files stated (``codes``: stored name → code) or
    by its name; else the one satker of the file that is stored in the dashboard at all.
    """
    if shown:
        for option in options:
            if codes.get(shown) == option.code or (option.name and _same(option.name, shown)):
                return option.code
    stored = set(codes.values())
    known = [o.code for o in options if o.code in stored]
    return known[0] if len(known) == 1 else None


def stored_name(code: str | None, codes: Mapping[str, str]) -> str | None:
    """The stored satker whose files stated ``code`` (the newest such name), else ``None``."""
    if not code:
        return None
    names = [name for name, stated in codes.items() if stated == code]
    return names[-1] if names else None


def satker_mismatch(inspection: Inspection, target: str, codes: Mapping[str, str]) -> str | None:
    """An Indonesian warning when the file's satker differs from ``target``, the satker it is to be
    stored under; ``None`` when they agree or nothing can be compared. Never a refusal: offices
    are renamed and renumbered.

    The file's satker is its stated code (GLP039 title rows, ``kdsatker``, the narrowed choice)
    and its stated name; ``target``'s code is the one its stored files stated (``codes``).
    """
    target = " ".join(target.split())
    if not target:
        return None
    code = inspection.narrowed_to or inspection.detected_satker_code
    name = inspection.detected_satker
    if inspection.narrowed_to:
        chosen = next((s for s in inspection.satkers if s.code == inspection.narrowed_to), None)
        name = (chosen.name if chosen else "") or name
    stored = codes.get(target) or next((c for n, c in codes.items() if _same(n, target)), None)
    file_text = " ".join(p for p in (code or "", f"'{name}'" if name else "") if p)
    if code and stored and code != stored:
        return (
            f"Berkas ini milik satker {file_text}, sedangkan data '{target}' yang sudah tersimpan berasal dari satker "
            f"berkode {stored}. Periksa apakah satuan kerjanya benar sebelum menyimpan; bila kantor memang berganti "
            "kode atau nama, lanjutkan saja."
        )
    if name and not _same(name, target) and not (code and stored and code == stored):
        return (
            f"Berkas ini menyebut satker {file_text}, tetapi akan disimpan sebagai '{target}'. Periksa apakah "
            "satuan kerjanya benar sebelum menyimpan; bila kantor memang berganti nama, lanjutkan saja."
        )
    return None
