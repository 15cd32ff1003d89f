"""Settings as people and the store see them: checked values, text, JSON, and the chosen overrides.

For every editable field of :class:`~lakip_core.rules.settings.Settings` (those declared with
:func:`~lakip_core.rules.settings.setting`) a codec turns its value into JSON for the store
(``to_plain`` / ``from_plain``), reads it from a command-line text (``parse``), and shows it in
Indonesian (``show``). Every way in goes through ``from_plain``, which checks the value and
raises :class:`SettingsError` with an Indonesian message ("batas bawah kategori harus menurun").

:class:`Overrides` holds what an office chose: values for all years, and per report year for the
fields marked ``per_year`` (the IKPA targets, the age date). Only values that differ from the
defaults are kept, so a default changed in a later release reaches every office that did not
choose otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import math
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import Field, dataclass, fields, replace
from datetime import date
from typing import Any

from lakip_core.errors import LakipError
from lakip_core.presentation.format import format_number
from lakip_core.reading.dates import parse_date
from lakip_core.reading.numbers import parse_number
from lakip_core.rules import settings as s
from lakip_core.rules.achievement import BAIK_SCALE, DEFAULT_SCALE, RatingScale
from lakip_core.rules.settings import IkpaTarget, Settings, UsefulLife

SCALES: dict[str, RatingScale] = {"tinggi": DEFAULT_SCALE, "baik": BAIK_SCALE}
NONE_WORDS = frozenset({"", "-", "tidak ada", "tanpa", "tanpa batas", "kosong", "none", "null", "bawaan"})


class SettingsError(LakipError):
    """A setting's value was refused (message in Indonesian, naming the setting)."""


@dataclass(frozen=True)
class Spec:
    """One editable field: its name, metadata and kind (``number``, ``scale``, ``ikpa`` ...)."""

    name: str
    kind: str
    label: str
    group: str
    help: str
    unit: str
    minimum: float | None
    maximum: float | None
    per_year: bool
    choices: tuple[str, ...] | None
    none_label: str
    optional: bool

    def default(self, year: int) -> Any:
        return getattr(Settings(year=year), self.name)


def _kind(item: Field[Any], hint: Any) -> tuple[str, bool]:
    """The codec of a field from its metadata or its type: (kind, accepts None)."""
    args = typing.get_args(hint)
    optional = isinstance(hint, types.UnionType) and type(None) in args
    base = next((a for a in args if a is not type(None)), hint) if optional else hint
    if item.metadata.get(s.KIND):
        return str(item.metadata[s.KIND]), optional
    for kind, python_type in (("flag", bool), ("whole", int), ("number", float), ("date", date), ("text", str)):
        if base is python_type:
            return kind, optional
    raise TypeError(f"Settings.{item.name}: no codec for {hint!r}; give setting(kind=...) and add one to CODECS")


def specs() -> tuple[Spec, ...]:
    """The editable fields of :class:`Settings`, by group (:data:`~lakip_core.rules.settings.GROUPS`), then
    in declaration order."""
    hints = typing.get_type_hints(Settings)
    found = []
    for item in fields(Settings):
        meta = item.metadata
        if s.LABEL not in meta:
            continue
        kind, optional = _kind(item, hints[item.name])
        found.append(
            Spec(
                name=item.name,
                kind=kind,
                label=meta[s.LABEL],
                group=meta[s.GROUP],
                help=meta[s.HELP],
                unit=meta[s.UNIT],
                minimum=meta[s.MINIMUM],
                maximum=meta[s.MAXIMUM],
                per_year=meta[s.PER_YEAR],
                choices=meta[s.CHOICES],
                none_label=meta[s.NONE_LABEL],
                optional=optional,
            )
        )
    return tuple(
        sorted(found, key=lambda item: s.GROUPS.index(item.group) if item.group in s.GROUPS else len(s.GROUPS))
    )


def spec(name: str) -> Spec:
    """The editable field ``name`` (Indonesian error listing the known names otherwise)."""
    for item in specs():
        if item.name == name:
            return item
    known = ", ".join(item.name for item in specs())
    raise SettingsError(f"Pengaturan '{name}' tidak dikenal. Yang dapat diubah: {known}.")


# --- codecs -------------------------------------------------------------------------------------


def _fail(item: Spec, reason: str) -> SettingsError:
    return SettingsError(f"{item.label}: {reason}")


def _number(item: Spec, plain: Any) -> float:
    if isinstance(plain, bool) or not isinstance(plain, int | float) or not math.isfinite(plain):
        raise _fail(item, f"'{plain}' bukan angka.")
    value = float(plain)
    unit = f" {item.unit}" if item.unit and item.unit != "%" else item.unit
    if item.minimum is not None and value < item.minimum:
        raise _fail(item, f"paling kecil {_num(item.minimum)}{unit}.")
    if item.maximum is not None and value > item.maximum:
        raise _fail(item, f"paling besar {_num(item.maximum)}{unit}.")
    return value


def _scale_from_plain(item: Spec, plain: Any) -> RatingScale:
    if not isinstance(plain, Mapping) or plain.get("preset") not in SCALES:
        raise _fail(item, f"pilih salah satu skala: {', '.join(SCALES)}.")
    preset = SCALES[plain["preset"]]
    bounds = plain.get("bounds", [b for b, _ in preset.bands[:-1]])
    wanted = len(preset.bands) - 1
    if not isinstance(bounds, list | tuple) or len(bounds) != wanted:
        raise _fail(item, f"perlu {wanted} batas bawah, untuk {', '.join(preset.labels[:-1])}.")
    numbers = []
    for label, bound in zip(preset.labels, bounds, strict=False):
        if isinstance(bound, bool) or not isinstance(bound, int | float) or not 0 <= bound <= 1000:
            raise _fail(item, f"batas bawah {label} harus angka 0–1000, bukan '{_say(bound)}'.")
        numbers.append(float(bound))
    for (upper, high), (lower, low) in zip(
        zip(preset.labels, numbers, strict=False), zip(preset.labels[1:], numbers[1:], strict=False), strict=False
    ):
        if not high > low:
            raise _fail(
                item,
                f"batas bawah kategori harus menurun: {upper} ({_num(high)}) harus lebih besar dari "
                f"{lower} ({_num(low)}).",
            )
    bands = tuple(zip(numbers, preset.labels, strict=False)) + ((float("-inf"), preset.labels[-1]),)
    return RatingScale(preset.name, bands, preset.no_data)


def _scale_to_plain(scale: RatingScale) -> dict[str, Any]:
    preset = next(key for key, known in SCALES.items() if known.labels == scale.labels)
    return {"preset": preset, "bounds": [_whole_if_whole(b) for b, _ in scale.bands[:-1]]}


def _scale_parse(item: Spec, text: str) -> dict[str, Any]:
    """``baik``, ``baik:91/76/66/51`` or ``91/76/66/51`` (the default scale's names); the bounds may also be
    separated by ``;``, spaces or, when none of those is used, commas (``91,76,66,51``)."""
    has_digits = any(ch.isdigit() for ch in text)
    name, _, bounds = text.partition(":") if ":" in text or not has_digits else ("", "", text)
    key = name.strip().lower() or "tinggi"
    if key not in SCALES:
        raise _fail(item, f"skala '{name.strip()}' tidak dikenal; pilih {', '.join(SCALES)}.")
    plain: dict[str, Any] = {"preset": key}
    if bounds.strip() and bounds.strip().lower() != key:
        parts = bounds.replace(";", " ").replace("/", " ").split()
        if len(parts) == 1 and parts[0].count(",") > 1:
            parts = parts[0].split(",")
        plain["bounds"] = [_parse_number(item, part) for part in parts]
    return plain


def _scale_show(scale: RatingScale) -> str:
    lines = [f"{label} ≥ {_num(low)}" for low, label in scale.bands[:-1]]
    return f"{scale.name}: {', '.join(lines)}, {scale.bands[-1][1]} di bawahnya"


def _ikpa_from_plain(item: Spec, plain: Any) -> tuple[IkpaTarget, ...]:
    if not isinstance(plain, Mapping) or not plain:
        raise _fail(item, "isi target untuk sedikitnya satu jenis belanja.")
    targets = []
    for jenis, quarters in plain.items():
        code = str(jenis).strip()
        if not (len(code) == 2 and code.isdigit() and code.startswith("5")):
            raise _fail(item, f"jenis belanja '{code}' harus dua digit awal akun (51, 52, 53, 57 ...).")
        if not isinstance(quarters, list | tuple) or len(quarters) != 4:
            raise _fail(item, f"jenis belanja {code} perlu empat target (triwulan I–IV).")
        values = []
        for number, value in enumerate(quarters, start=1):
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
                raise _fail(item, f"target triwulan {number} jenis belanja {code} harus 0–100%, bukan '{_say(value)}'.")
            values.append(float(value))
        if any(later < earlier for earlier, later in zip(values, values[1:], strict=False)):
            raise _fail(
                item, f"target jenis belanja {code} kumulatif, jadi tidak boleh turun dari triwulan ke triwulan."
            )
        targets.append(IkpaTarget(code, (values[0], values[1], values[2], values[3])))
    return tuple(sorted(targets, key=lambda t: t.jenis))


def _ikpa_parse(item: Spec, text: str) -> dict[str, list[float]]:
    """``51=20/50/75/95; 52=15/50/70/90``."""
    plain: dict[str, list[float]] = {}
    for part in filter(None, (p.strip() for p in text.replace("\n", ";").split(";"))):
        jenis, sep, quarters = part.partition("=")
        if not sep:
            raise _fail(item, f"tulis per jenis belanja seperti 52=15/50/70/90, bukan '{part}'.")
        plain[jenis.strip()] = [_parse_number(item, q) for q in quarters.split("/")]
    return plain


def _ikpa_show(targets: tuple[IkpaTarget, ...] | None) -> str:
    if targets is None:
        return "target terbitan untuk tahun itu"
    return "; ".join(f"{t.jenis}: {'/'.join(_num(q) for q in t.quarters)}" for t in targets)


def _useful_life_from_plain(item: Spec, plain: Any) -> tuple[UsefulLife, ...]:
    if not isinstance(plain, list | tuple) or not plain:
        raise _fail(item, "tabel tidak boleh kosong.")
    rows, seen = [], set()
    for number, row in enumerate(plain, start=1):
        if not isinstance(row, Mapping):
            raise _fail(item, f"baris {number} tidak terbaca.")
        code, group = str(row.get("code", "")).strip(), str(row.get("group", "")).strip()
        years, keywords = row.get("years"), row.get("keywords", [])
        if not code.isdigit() or not 1 <= len(code) <= 10:
            raise _fail(item, f"baris {number}: kode kelompok '{code}' harus 1–10 digit.")
        if code in seen:
            raise _fail(item, f"kode kelompok {code} tercantum lebih dari sekali.")
        if not group:
            raise _fail(item, f"baris {number}: nama kelompok kosong.")
        if (
            isinstance(years, bool)
            or not isinstance(years, int | float)
            or years != int(years)
            or not 1 <= years <= 100
        ):
            raise _fail(
                item, f"baris {number} ({group}): masa manfaat '{_say(years)}' harus bilangan bulat 1–100 tahun."
            )
        if isinstance(keywords, str):
            keywords = keywords.split("|")
        words = tuple(dict.fromkeys(str(k).strip().lower() for k in keywords if str(k).strip()))
        seen.add(code)
        rows.append(UsefulLife(code, group, int(years), words))
    return tuple(rows)


def _useful_life_to_plain(table: tuple[UsefulLife, ...]) -> list[dict[str, Any]]:
    return [{"code": r.code, "group": r.group, "years": r.years, "keywords": list(r.keywords)} for r in table]


def _useful_life_parse(item: Spec, text: str) -> list[dict[str, Any]]:
    """CSV text with the bundled table's header (``kode_kelompok,kelompok,masa_manfaat_tahun,kata_kunci``)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if tuple(reader.fieldnames or ()) != s.USEFUL_LIFE_HEADER:
        raise _fail(item, f"kolom CSV harus {','.join(s.USEFUL_LIFE_HEADER)}.")
    return [
        {
            "code": row["kode_kelompok"] or "",
            "group": row["kelompok"] or "",
            "years": _parse_number(item, row["masa_manfaat_tahun"] or ""),
            "keywords": row["kata_kunci"] or "",
        }
        for row in reader
    ]


def useful_life_csv(table: tuple[UsefulLife, ...]) -> str:
    """The table as CSV text in the bundled file's layout."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(s.USEFUL_LIFE_HEADER)
    writer.writerows((r.code, r.group, r.years, "|".join(r.keywords)) for r in table)
    return out.getvalue()


def _say(value: Any) -> str:
    """A value inside a message: numbers the Indonesian way, nothing as "kosong"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "kosong"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _num(value)
    return str(value)


def _num(value: float) -> str:
    """``91`` → ``91``, ``90.5`` → ``90,5`` (no trailing zero decimals)."""
    text = format_number(value, 2)
    if text.endswith(",00"):
        return text[:-3]
    return text[:-1] if text.endswith("0") and "," in text else text


def _whole_if_whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _parse_number(item: Spec, text: str) -> float:
    number = parse_number(text.strip())
    if number is None:
        raise _fail(item, f"'{text.strip()}' bukan angka.")
    return number


@dataclass(frozen=True)
class Codec:
    from_plain: Callable[[Spec, Any], Any]
    to_plain: Callable[[Any], Any]
    parse: Callable[[Spec, str], Any]  # command-line text → plain
    show: Callable[[Any], str]


def _text_show(value: Any) -> str:
    return str(value)


def _flag_parse(item: Spec, text: str) -> bool:
    word = text.strip().lower()
    if word in ("ya", "y", "yes", "true", "1", "aktif"):
        return True
    if word in ("tidak", "t", "no", "false", "0", "nonaktif"):
        return False
    raise _fail(item, f"tulis ya atau tidak, bukan '{text}'.")


def _flag_from_plain(item: Spec, plain: Any) -> bool:
    if not isinstance(plain, bool):
        raise _fail(item, f"'{plain}' bukan ya/tidak.")
    return plain


def _whole_from_plain(item: Spec, plain: Any) -> int:
    value = _number(item, plain)
    if not value.is_integer():
        raise _fail(item, f"'{plain}' bukan bilangan bulat.")
    return int(value)


def _date_from_plain(item: Spec, plain: Any) -> date:
    found = parse_date(plain) if isinstance(plain, str) else None
    if found is None:
        raise _fail(item, f"'{plain}' bukan tanggal (tulis 31-12-2024 atau 2024-12-31).")
    return found


def _choice_from_plain(item: Spec, plain: Any) -> str:
    if item.choices is not None and plain not in item.choices:
        raise _fail(item, f"pilih salah satu: {', '.join(item.choices)}.")
    if not isinstance(plain, str):
        raise _fail(item, f"'{plain}' bukan teks.")
    return plain


CODECS: dict[str, Codec] = {
    "number": Codec(_number, _whole_if_whole, _parse_number, _num),
    "whole": Codec(_whole_from_plain, int, _parse_number, lambda v: format_number(v)),
    "flag": Codec(_flag_from_plain, bool, _flag_parse, lambda v: "ya" if v else "tidak"),
    "date": Codec(_date_from_plain, lambda v: v.isoformat(), lambda _i, t: t.strip(), lambda v: v.strftime("%d-%m-%Y")),
    "text": Codec(_choice_from_plain, str, lambda _i, t: t.strip(), _text_show),
    "scale": Codec(_scale_from_plain, _scale_to_plain, _scale_parse, _scale_show),
    "ikpa": Codec(
        _ikpa_from_plain,
        lambda v: {t.jenis: [_whole_if_whole(q) for q in t.quarters] for t in v},
        _ikpa_parse,
        _ikpa_show,
    ),
    "useful_life": Codec(
        _useful_life_from_plain,
        _useful_life_to_plain,
        _useful_life_parse,
        lambda v: f"{len(v)} kelompok: " + "; ".join(f"{r.code} {r.group} {r.years} th" for r in v),
    ),
}


def check(name: str, plain: Any) -> Any:
    """The value of setting ``name`` from its JSON form, checked (``None`` where the field allows it)."""
    item = spec(name)
    if plain is None:
        if not item.optional:
            raise _fail(item, "tidak boleh kosong.")
        return None
    return CODECS[item.kind].from_plain(item, plain)


def to_plain(name: str, value: Any) -> Any:
    """The JSON form of a value of setting ``name``."""
    return None if value is None else CODECS[spec(name).kind].to_plain(value)


def parse(name: str, text: str) -> Any:
    """A command-line text for setting ``name`` → its checked value (``tanpa batas`` / ``-`` → None)."""
    item = spec(name)
    if item.optional and text.strip().lower() in NONE_WORDS:
        return None
    return check(name, CODECS[item.kind].parse(item, text))


def show(name: str, value: Any) -> str:
    """A value of setting ``name`` in Indonesian (``120%``, ``tanpa batas``, ``Sangat Tinggi ≥ 91, ...``)."""
    item = spec(name)
    if value is None:
        return item.none_label or "-"
    text = CODECS[item.kind].show(value)
    return (
        f"{text}{'' if item.unit == '%' else ' '}{item.unit}"
        if item.unit and item.kind in ("number", "whole")
        else text
    )


def plain(settings: Settings) -> dict[str, Any]:
    """Every editable setting of ``settings`` in its JSON form (name → value)."""
    return {item.name: to_plain(item.name, getattr(settings, item.name)) for item in specs()}


def apply(settings: Settings, values: Mapping[str, Any]) -> Settings:
    """``settings`` with checked ``values`` (name → value, as :func:`parse` or :func:`check` return)."""
    for name in values:
        spec(name)
    return replace(settings, **dict(values))


@dataclass(frozen=True)
class Change:
    """One setting changed: for the audit log and the message after saving."""

    name: str
    label: str
    year: int | None
    old: str
    new: str

    def describe(self) -> str:
        scope = f" (tahun {self.year})" if self.year is not None else ""
        return f"{self.label}{scope}: {self.old} → {self.new}"


@dataclass(frozen=True)
class Overrides:
    """The values an office chose (JSON forms), for all years and per year; hashable, cache-key friendly."""

    text: str = "{}"  # canonical JSON: {"global": {name: plain}, "years": {"2024": {name: plain}}}

    @classmethod
    def from_json(cls, text: str | None) -> Overrides:
        data = json.loads(text) if text else {}
        return cls._of(data.get("global", {}), data.get("years", {}))

    @classmethod
    def _of(cls, everywhere: Mapping[str, Any], years: Mapping[str, Mapping[str, Any]]) -> Overrides:
        kept_years = {year: dict(values) for year, values in sorted(years.items()) if values}
        data = {"global": dict(sorted(everywhere.items())), "years": kept_years}
        return cls(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")))

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.text)
        data.setdefault("global", {})
        data.setdefault("years", {})
        return data

    def _chosen(self, year: int) -> Iterator[tuple[str, Any]]:
        data = self.data
        known = {item.name: item for item in specs()}
        for source in (data["global"], data["years"].get(str(year), {})):
            for name, plain in source.items():
                if name in known:  # a setting removed from the code is ignored, not an error
                    yield name, plain

    def settings(self, year: int) -> Settings:
        """The settings in force for report ``year``: defaults, then the chosen values."""
        return apply(Settings(year=year), {name: check(name, plain) for name, plain in self._chosen(year)})

    def is_chosen(self, name: str, year: int) -> bool:
        return any(chosen == name for chosen, _ in self._chosen(year))

    def with_value(self, name: str, value: Any, year: int) -> tuple[Overrides, Change | None]:
        """These overrides with ``name`` set to ``value`` (checked) — for ``year`` when the setting is
        per year, else for all years; a value equal to the default is not kept. Also the change made."""
        item = spec(name)
        plain = to_plain(name, value)
        check(name, plain)
        old = getattr(self.settings(year), name)
        data = self.data
        scope = data["years"].setdefault(str(year), {}) if item.per_year else data["global"]
        if plain == to_plain(name, item.default(year)):
            scope.pop(name, None)
        else:
            scope[name] = plain
        updated = Overrides._of(data["global"], data["years"])
        new = getattr(updated.settings(year), name)
        if to_plain(name, old) == to_plain(name, new):
            return updated, None
        return updated, Change(name, item.label, year if item.per_year else None, show(name, old), show(name, new))

    def without(self, name: str, year: int) -> tuple[Overrides, Change | None]:
        """These overrides with ``name`` back to its default (for ``year`` when it is per year)."""
        return self.with_value(name, spec(name).default(year), year)
