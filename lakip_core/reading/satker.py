"""The satker a file holds, and narrowing a file with many satker to one.

An ADK item table (and a SIMAK register dump) can list many satker, one ``kdsatker`` /
``Kode Satker`` per row. Such a file is read whole; :func:`satkers_in` lists the satker found
(for the upload preview's choice and the command line's ``--satker``) and :func:`narrow_tables`
keeps one satker's rows. A file that states its satker in its title rows (GLP039) holds one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from lakip_core.errors import LakipError
from lakip_core.reading.model import Table
from lakip_core.reading.numbers import cell_text

CODE, NAME = "satker_code", "satker_name"


@dataclass(frozen=True)
class SatkerFound:
    """One satker of a file: its code (``123456``), its name when the file gives one, its rows."""

    code: str
    name: str
    rows: int

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


def _code(value: object) -> str:
    text = cell_text(value, blank_placeholders=True)
    return text[:-2] if text.endswith(".0") else text


def satkers_in(tables: Sequence[Table]) -> list[SatkerFound]:
    """The satker of ``tables``, in file order: from a satker column, else the title rows."""
    names: dict[str, str] = {}
    rows: dict[str, int] = {}
    for table in tables:
        if CODE in table.data.columns:
            # Once per distinct (code, name) pair: a 100,000-row register repeats one satker.
            pairs = pd.DataFrame({"code": table.data[CODE].astype(object), "name": _names(table)})
            counts = pairs.groupby(["code", "name"], sort=False, dropna=False).size()
            for pair, count in counts.items():
                code, name = pair if isinstance(pair, tuple) else (pair, "")
                key = _code(code)
                if key:
                    names[key] = names.get(key) or cell_text(name)
                    rows[key] = rows.get(key, 0) + int(count)
        elif table.satker_code or table.satker_name:
            key = table.satker_code or table.satker_name
            names[key] = names.get(key) or table.satker_name
            rows[key] = rows.get(key, 0) + len(table.data)
    return [SatkerFound(code, names[code], rows[code]) for code in rows]


def _names(table: Table) -> pd.Series:
    if NAME in table.data.columns:
        return table.data[NAME].astype(object)
    return pd.Series("", index=table.data.index, dtype=object)


def _matches(found: SatkerFound, wanted: str) -> bool:
    text = " ".join(wanted.split()).lower()
    return text in (found.code.lower(), found.name.lower(), found.label.lower())


def pick_satker(tables: Sequence[Table], wanted: str) -> SatkerFound | None:
    """The satker of ``tables`` named ``wanted`` (its code or its name, any case), else ``None``."""
    return next((found for found in satkers_in(tables) if _matches(found, wanted)), None)


def narrow_tables(tables: Sequence[Table], wanted: str) -> list[Table]:
    """Only the rows of satker ``wanted`` (code or name) of a file holding several satker.

    Tables without a satker column are kept as they are. Raises :class:`LakipError` naming the
    satker found when ``wanted`` is none of them.
    """
    found = pick_satker(tables, wanted)
    if found is None:
        listed = ", ".join(s.label for s in satkers_in(tables)) or "(tidak ada kode satker)"
        raise LakipError(f"Satker '{wanted}' tidak ada di berkas ini. Satker yang ada: {listed}.")
    narrowed = []
    for table in tables:
        if CODE not in table.data.columns:
            narrowed.append(table)
            continue
        keep = table.data[CODE].map(_code) == found.code
        mask = keep.to_numpy()
        totals = table.totals
        if CODE in totals.columns:
            totals = totals[totals[CODE].map(_code).isin(["", found.code])].reset_index(drop=True)
        narrowed.append(
            replace(
                table,
                data=table.data[keep].reset_index(drop=True),
                totals=totals,
                satker_code=found.code,
                satker_name=found.name or table.satker_name,
                distinct={name: codes[mask] for name, codes in table.distinct.items()},
            )
        )
    return narrowed


def narrow_if_many(tables: Sequence[Table], wanted: str | None) -> list[Table]:
    """``tables`` narrowed to satker ``wanted`` when they hold more than one satker; as they are
    when they hold one or none (the satker given is then only the label the data is kept under),
    or when no satker is asked for (a file with many satker is read whole)."""
    if not wanted or len(satkers_in(tables)) < 2:
        return list(tables)
    return narrow_tables(tables, wanted)
