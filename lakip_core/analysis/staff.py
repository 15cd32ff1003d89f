"""Staff (pegawai): commissioners, ASN and PPNPN; composition by gender, education and age.

Role comes from a role column, else from the sheet name (``Komisioner``, ``PPNPN`` / honorer,
``ASN`` / ``PNS`` / ``Sekretariat``). NIPs are checked against the stated birth date and
gender; a stated age is checked against the birth date at the report date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lakip_core.presentation.format import format_number
from lakip_core.reading.dates import age_on, parse_date, split_birth
from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import Finding, at, reading_findings
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET

SPEC = DatasetSpec(
    kind="staff",
    label="pegawai",
    columns=(
        Column("no", aliases("No", "No.", "Nomor")),
        Column(
            "name",
            aliases("Nama", "Nama Pegawai", "Nama Lengkap", "Nama Anggota", "Nama PNS", "Nama Lengkap Dan Gelar"),
            required=True,
            label="Nama",
            fill="text",
        ),
        Column("nip", aliases("NIP", "NIP/NIK", "Nomor Induk Pegawai", "NIP Baru"), label="NIP"),
        Column("gender", aliases("Jenis Kelamin", "L/P", "JK", "Gender", "Kelamin", "L / P"), label="Jenis Kelamin"),
        Column(
            "birth",
            aliases(
                "Tanggal Lahir",
                "Tgl Lahir",
                "Tempat/Tanggal Lahir",
                "Tempat Tanggal Lahir",
                "TTL",
                "Tempat, Tanggal Lahir",
                "Tempat/Tgl Lahir",
            ),
            label="Tanggal Lahir",
        ),
        Column("age", aliases("Usia", "Umur"), label="Usia"),
        Column(
            "education",
            aliases("Pendidikan", "Pendidikan Terakhir", "Tingkat Pendidikan", "Pendidikan Akhir"),
            label="Pendidikan",
        ),
        Column("position", aliases("Jabatan", "Nama Jabatan"), label="Jabatan"),
        Column("unit", aliases("Unit", "Unit Kerja", "Bagian", "Sub Bagian", "Subbagian"), label="Unit"),
        Column("status", aliases("Status", "Status Kepegawaian", "Status Pegawai"), label="Status"),
        Column(
            "religion",
            aliases(
                "Agama",
            ),
            label="Agama",
        ),
        Column("role", aliases("Peran", "Kategori", "Jenis Pegawai", "Kelompok", "Role"), label="Peran"),
        Column(
            "division",
            aliases(
                "Divisi",
            ),
            label="Divisi",
        ),
        Column("korwil", aliases("Korwil", "Korwil Kecamatan", "Koordinator Wilayah"), label="Korwil"),
        # SIASN / SIMPEG columns, kept as they are.
        Column("birth_place", aliases("Tempat Lahir"), label="Tempat Lahir"),
        Column("rank", aliases("Pangkat", "Pangkat/Golongan", "Pangkat / Gol", "Pangkat Golongan"), label="Pangkat"),
        Column("grade", aliases("Golongan", "Gol", "Gol Ruang", "Golongan Ruang", "Gol. Ruang"), label="Golongan"),
        Column("tmt", aliases("TMT CPNS", "TMT PNS", "TMT", "TMT Pengangkatan"), label="TMT CPNS"),
        Column("tmt_grade", aliases("TMT Golongan", "TMT Pangkat", "TMT Gol"), label="TMT Golongan"),
    ),
)

COMMISSIONER, ASN, PPNPN = "Komisioner", "ASN", "PPNPN"
ROLES = (COMMISSIONER, ASN, PPNPN)
MALE, FEMALE, UNKNOWN = "Laki-laki", "Perempuan", "Tidak diketahui"
EDUCATION_LEVELS = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
AGE_BANDS = ((0, 30, "< 30"), (30, 40, "30–39"), (40, 50, "40–49"), (50, 60, "50–59"), (60, 200, "≥ 60"))

_GENDER = {
    "l": MALE,
    "lk": MALE,
    "laki laki": MALE,
    "laki": MALE,
    "pria": MALE,
    "male": MALE,
    "m": MALE,
    "p": FEMALE,
    "pr": FEMALE,
    "perempuan": FEMALE,
    "wanita": FEMALE,
    "female": FEMALE,
    "f": FEMALE,
    "w": FEMALE,
}
_EDUCATION = [
    (re.compile(r"^(s ?3|strata (3|iii)|doktor|dr)$"), "S3"),
    (re.compile(r"^(s ?2|strata (2|ii)|magister|master)$"), "S2"),
    (re.compile(r"^(s ?1|strata (1|i)|sarjana)$"), "S1"),
    (re.compile(r"^(d ?(4|iv)|diploma (4|iv)|sarjana terapan)$"), "D4"),
    (re.compile(r"^(d ?(3|iii)|diploma (3|iii))$"), "D3"),
    (re.compile(r"^(d ?(2|ii)|diploma (2|ii))$"), "D2"),
    (re.compile(r"^(d ?(1|i)|diploma (1|i))$"), "D1"),
    (re.compile(r"^(sma|slta|smk|smu|ma|stm|smea|sma sederajat)$"), "SMA"),
    (re.compile(r"^(smp|sltp|mts)$"), "SMP"),
    (re.compile(r"^(sd|mi|sekolah dasar)$"), "SD"),
]


def _words(value: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(value).lower()).strip()


def normalize_gender(value: object) -> str:
    """L / P, Laki-laki / Perempuan, Pria / Wanita (any case) → ``Laki-laki`` / ``Perempuan``."""
    if is_missing_text(value):
        return UNKNOWN
    return _GENDER.get(_words(value), UNKNOWN)


def normalize_education(value: object) -> str:
    """SD, SMP, SMA (SLTA, SMK), D1–D4 (D-III, DIII), S1 (S-1, Strata 1, Sarjana), S2, S3.
    Text after the level (``S1 Hukum``) is ignored; unknown text → ``Lainnya``; blank → unknown."""
    if is_missing_text(value):
        return UNKNOWN
    text = _words(value)
    for candidate in (text, text.split(" ")[0], " ".join(text.split(" ")[:2])):
        for pattern, level in _EDUCATION:
            if pattern.match(candidate):
                return level
    return "Lainnya"


def role_from(value: object, sheet: str, position: object) -> str:
    """Role from the role cell, else the sheet name, else the position (Ketua/Anggota KPU)."""
    for text in (_words(value), _words(sheet)):
        if any(w in text for w in ("komisioner", "anggota kpu", "komisi")):
            return COMMISSIONER
        if any(w in text for w in ("ppnpn", "honorer", "non pns", "non asn")):
            return PPNPN
        if any(w in text for w in ("asn", "pns", "pppk", "sekretariat", "pegawai")):
            return ASN
    position_text = _words(position)
    if position_text in ("ketua", "anggota", "ketua merangkap anggota"):
        return COMMISSIONER
    return ASN


@dataclass(frozen=True)
class Nip:
    """The parts of an 18-digit NIP: birth date, TMT (yyyymm), gender, sequence."""

    birth: date
    tmt: str
    gender: str
    sequence: str


def nip_problem(value: object) -> str | None:
    """Why a NIP cannot be right, in Indonesian; ``None`` when its parts are possible.

    18 digits: birth date yyyymmdd (a real date), TMT yyyymm (month 01–12, not before the birth
    year), gender digit 1 or 2, sequence.
    """
    digits = re.sub(r"\D", "", str(value or ""))
    if len(digits) != 18:
        return f"{len(digits)} digit, seharusnya 18"
    if parse_date(f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}") is None:
        return f"digit 1–8 ({digits[0:8]}) bukan tanggal lahir yang mungkin"
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        return f"digit 9–14 (TMT {digits[8:14]}) memuat bulan {month:02d}, tidak ada bulan itu"
    if year < int(digits[0:4]):
        return f"TMT {digits[8:14]} sebelum tahun lahir {digits[0:4]}"
    if digits[14] not in ("1", "2"):
        return f"digit ke-15 ({digits[14]}) harus 1 (laki-laki) atau 2 (perempuan)"
    return None


def parse_nip(value: object) -> Nip | None:
    """``199303012019031002`` → birth 1993-03-01, TMT 201903, Laki-laki (digit 15: 1 male,
    2 female), sequence 002. A NIP with a problem (:func:`nip_problem`) → ``None``."""
    digits = re.sub(r"\D", "", str(value or ""))
    if nip_problem(digits) is not None:
        return None
    born = parse_date(f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}")
    assert born is not None
    return Nip(born, digits[8:14], MALE if digits[14] == "1" else FEMALE, digits[15:18])


@dataclass(frozen=True)
class StaffData:
    """One row per person with normalised role, gender, education, birth date and age."""

    frame: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]


def from_tables(tables: list[Table], settings: Settings) -> StaffData:
    """Normalise staff tables; ages are computed at ``settings.as_of``."""
    records = []
    findings: list[Finding] = []
    for table in tables:
        findings += reading_findings(table, "staff")
        for _, row in table.data.iterrows():
            name = cell_text(row.get("name"), blank_placeholders=True)
            if not name:
                continue
            place, born = split_birth(row.get("birth"))
            place = place or cell_text(row.get("birth_place"), blank_placeholders=True)
            age_text = cell_text(row.get("age"), blank_placeholders=True)
            stated_age = parse_number(re.sub(r"[^\d.,]", "", age_text)) if age_text else None
            records.append(
                {
                    "name": name,
                    "nip": re.sub(r"\D", "", cell_text(row.get("nip"), blank_placeholders=True)),
                    "role": role_from(row.get("role"), table.sheet, row.get("position")),
                    "gender": normalize_gender(row.get("gender")),
                    "gender_text": cell_text(row.get("gender"), blank_placeholders=True),
                    "education": normalize_education(row.get("education")),
                    "position": cell_text(row.get("position"), blank_placeholders=True),
                    "unit": cell_text(row.get("unit"), blank_placeholders=True),
                    "status": cell_text(row.get("status"), blank_placeholders=True),
                    "religion": cell_text(row.get("religion"), blank_placeholders=True),
                    "division": cell_text(row.get("division"), blank_placeholders=True),
                    "korwil": cell_text(row.get("korwil"), blank_placeholders=True),
                    "rank": cell_text(row.get("rank"), blank_placeholders=True),
                    "grade": cell_text(row.get("grade"), blank_placeholders=True),
                    "tmt": parse_date(row.get("tmt")),
                    "tmt_grade": parse_date(row.get("tmt_grade")),
                    "birth_place": place,
                    "birth_date": born,
                    "age": age_on(born, settings.as_of) if born else None,
                    "stated_age": stated_age,
                    FILE: row[FILE],
                    SHEET: row[SHEET],
                    ROW: row[ROW],
                }
            )
    frame = pd.DataFrame.from_records(records)
    if len(frame):
        frame["age"] = frame["age"].astype("Float64")
        frame["age_band"] = [_band(a) for a in frame["age"]]
    return StaffData(frame, tuple(findings), tuple(tables))


def _band(age: float | None) -> str:
    if age is None or pd.isna(age):
        return UNKNOWN
    # A birth date after the report date (a typo) gives a negative age: no band, not a crash.
    return next((label for low, high, label in AGE_BANDS if low <= float(age) < high), UNKNOWN)


@dataclass(frozen=True)
class RoleFigures:
    """One group (Komisioner, ASN, PPNPN): head count, women, people whose gender is known."""

    role: str
    count: int
    women: int
    gender_known: int

    @property
    def female_pct(self) -> float | None:
        """Women among the people of this group whose gender is known; ``None`` if none is."""
        return self.women / self.gender_known * 100 if self.gender_known else None


@dataclass(frozen=True)
class StaffSummary:
    """Head counts; ``female_pct`` of all staff; women's share among commissioners.

    ``roles``: each group apart (commissioners are not secretariat staff); ``secretariat`` =
    ASN + PPNPN, the people the secretariat employs.
    """

    count: int
    by_role: dict[str, int]
    by_gender: dict[str, int]
    by_education: dict[str, int]
    female_pct: float | None
    commissioners: int
    female_commissioner_pct: float | None
    roles: tuple[RoleFigures, ...] = ()
    gender_known: int = 0
    by_grade: dict[str, int] = field(default_factory=dict)  # golongan (III/a ...), when the list has it

    @property
    def secretariat(self) -> int:
        """ASN and PPNPN together (everyone but the commissioners)."""
        return self.count - self.commissioners


def _counts(series: pd.Series, order: tuple[str, ...]) -> dict[str, int]:
    counts = series.value_counts()
    result = {k: int(counts[k]) for k in order if k in counts.index}
    result.update({str(k): int(v) for k, v in counts.items() if k not in result})
    return result


def summarize(data: StaffData) -> StaffSummary:
    """Counts by role, gender, education; % women among people whose gender is known."""
    frame = data.frame
    if frame.empty:
        return StaffSummary(0, {}, {}, {}, None, 0, None)
    known = frame[frame["gender"] != UNKNOWN]
    female_pct = float((known["gender"] == FEMALE).mean() * 100) if len(known) else None
    commissioners = known[known["role"] == COMMISSIONER]
    roles = tuple(
        RoleFigures(
            role,
            int((frame["role"] == role).sum()),
            int(((known["role"] == role) & (known["gender"] == FEMALE)).sum()),
            int((known["role"] == role).sum()),
        )
        for role in [*ROLES, *sorted(set(frame["role"]) - set(ROLES))]
        if (frame["role"] == role).any()
    )
    return StaffSummary(
        roles=roles,
        gender_known=len(known),
        count=len(frame),
        by_role=_counts(frame["role"], ROLES),
        by_gender=_counts(frame["gender"], (MALE, FEMALE, UNKNOWN)),
        by_education=_counts(frame["education"], (*EDUCATION_LEVELS, "Lainnya", UNKNOWN)),
        female_pct=female_pct,
        commissioners=int((frame["role"] == COMMISSIONER).sum()),
        female_commissioner_pct=float((commissioners["gender"] == FEMALE).mean() * 100) if len(commissioners) else None,
        by_grade=_counts(frame.loc[frame["grade"] != "", "grade"].sort_values(), ()) if "grade" in frame else {},
    )


def crosstab(data: StaffData, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    """People per role (rows, in role order) and ``column`` (e.g. gender, education, age_band)."""
    if data.frame.empty:
        return pd.DataFrame()
    table = pd.crosstab(data.frame["role"], data.frame[column])
    rows = [r for r in ROLES if r in table.index]
    columns = [c for c in order if c in table.columns] + [c for c in table.columns if c not in order]
    return table.loc[rows, columns]


def check(data: StaffData, settings: Settings) -> list[Finding]:
    """Findings: NIP vs birth date / gender, invalid NIP, stated age vs birth date at the report
    date, duplicate people, and commissioners below the women's share of UU 7/2017."""
    findings = list(data.findings)
    frame = data.frame
    if frame.empty:
        return findings
    for _, row in frame.iterrows():
        name = row["name"]
        if row["nip"]:
            nip = parse_nip(row["nip"])
            if nip is None:
                findings.append(
                    at(
                        row,
                        "warning",
                        "NIP_INVALID",
                        f"NIP {row['nip']} milik {name} tidak valid: {nip_problem(row['nip'])}.",
                        "staff",
                    )
                )
            else:
                if row["birth_date"] and nip.birth != row["birth_date"]:
                    findings.append(
                        at(
                            row,
                            "warning",
                            "NIP_BIRTHDATE_MISMATCH",
                            f"NIP {name} memuat tanggal lahir {nip.birth:%d-%m-%Y}, sedangkan tanggal lahir "
                            f"tertulis {row['birth_date']:%d-%m-%Y}.",
                            "staff",
                        )
                    )
                if row["gender"] != UNKNOWN and nip.gender != row["gender"]:
                    findings.append(
                        at(
                            row,
                            "warning",
                            "NIP_GENDER_MISMATCH",
                            f"NIP {name} menunjukkan {nip.gender}, sedangkan jenis kelamin tertulis {row['gender']}.",
                            "staff",
                        )
                    )
        stated, age = row["stated_age"], row["age"]
        if stated is not None and not pd.isna(stated) and age is not None and not pd.isna(age) and stated != age:
            findings.append(
                at(
                    row,
                    "warning",
                    "AGE_MISMATCH",
                    f"Usia {name} tertulis {format_number(stated)} tahun, tetapi menurut tanggal lahir "
                    f"{row['birth_date']:%d-%m-%Y} usianya {format_number(age)} tahun pada "
                    f"{settings.as_of:%d-%m-%Y}.",
                    "staff",
                )
            )
        if row["gender"] == UNKNOWN and row["gender_text"]:
            findings.append(
                at(
                    row,
                    "warning",
                    "GENDER_UNKNOWN",
                    f"Jenis kelamin '{row['gender_text']}' ({name}) tidak dikenali.",
                    "staff",
                )
            )
    with_nip = frame[frame["nip"] != ""]
    for _, row in with_nip[with_nip.duplicated(["nip"], keep="first")].iterrows():
        findings.append(at(row, "warning", "DUPLICATE_ROW", f"NIP {row['nip']} tercatat lebih dari sekali.", "staff"))
    same = frame[frame.duplicated(["name", "role", "birth_date"], keep="first") & (frame["nip"] == "")]
    for _, row in same.iterrows():
        findings.append(
            at(row, "warning", "DUPLICATE_ROW", f"{row['name']} ({row['role']}) tercatat lebih dari sekali.", "staff")
        )
    summary = summarize(data)
    share = summary.female_commissioner_pct
    if summary.commissioners and share is not None and share < settings.women_commissioner_min_pct:
        findings.append(
            Finding(
                "warning",
                "WOMEN_COMMISSIONERS_BELOW_MIN",
                f"Keterwakilan perempuan di antara anggota KPU {format_number(share, 0)}%, di bawah "
                f"{format_number(settings.women_commissioner_min_pct, 0)}% (UU 7/2017).",
                file=str(frame[FILE].iloc[0]),
                dataset="staff",
            )
        )
    return findings
