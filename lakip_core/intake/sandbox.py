"""Read an upload in a child process with memory, CPU and time limits; never crash the server.

An uploaded workbook is never opened by the server process itself before a child process has
read it within limits: some files abort the reader outright (a sheet with one cell at A1 and one
at XFD1048576 makes calamine allocate 512 GiB and abort the whole process), others expand to
gigabytes (zip bombs) or carry XML entity tricks. :func:`inspect_upload` therefore runs
``python -m lakip_core.intake.sandbox`` with an address-space limit, a CPU-time limit, no core
dumps and a wall-clock timeout; the child runs :func:`~lakip_core.intake.inspection.inspect_bytes`
and sends back the JSON of its :class:`~lakip_core.intake.inspection.Inspection`. Whatever
happens in the child, the parent gets an Indonesian message (:class:`RejectedFileError`).

The web page and ``python -m lakip_core import`` both go through :func:`inspect_upload`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

from lakip_core.errors import LakipError
from lakip_core.intake.inspection import (
    ColumnsNotPlacedError,
    Inspection,
    inspect_bytes,
    inspection_from_json,
    inspection_to_json,
)
from lakip_core.intake.kinds import kind_name
from lakip_core.intake.layouts import KnownLayout
from lakip_core.intake.security import DEFAULT_LIMITS, MIB, Limits, RejectedFileError, check_container
from lakip_core.reading.mapping import SheetPreview
from lakip_core.rules.settings_codec import Overrides


def _address_space() -> int:
    """Current virtual memory size of this process in bytes (0 when /proc is unavailable)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _apply_limits(limits: Limits) -> None:
    import resource

    memory = _address_space() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _child_main() -> int:
    header = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read(int(header["size"]))
    limits = Limits(**header["limits"])
    _apply_limits(limits)
    try:
        layouts = [KnownLayout.from_dict(k) for k in header.get("layouts", ())]
        chosen = KnownLayout.from_dict(header["layout"]) if header.get("layout") else None
        overrides = Overrides.from_json(header.get("settings"))
        inspection = inspect_bytes(
            data,
            header["filename"],
            header["kind"],
            header["year"],
            limits,
            layouts,
            chosen,
            header.get("satker"),
            overrides,
            header.get("columns"),
        )
        text = inspection_to_json(inspection)
    except ColumnsNotPlacedError as err:
        preview = [asdict(p) for p in err.preview]
        text = json.dumps({"ok": False, "error": str(err), "preview": preview}, ensure_ascii=False, default=str)
    except LakipError as err:
        text = json.dumps({"ok": False, "error": str(err)}, ensure_ascii=False)
    except MemoryError:
        text = json.dumps({"ok": False, "error": "memory"})
    except RecursionError:
        text = json.dumps({"ok": False, "error": "broken"})
    except BaseException as err:  # calamine's PanicException is a BaseException
        text = json.dumps({"ok": False, "error": "broken", "detail": type(err).__name__})
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def _memory_message(filename: str, limits: Limits) -> str:
    return (
        f"{filename} terlalu berat untuk dibaca (melebihi batas memori {limits.memory_bytes // MIB} MB). Biasanya ada "
        "isi atau format tersasar jauh di luar tabel, atau lembarnya sangat besar: hapus baris/kolom kosong di luar "
        "tabel atau pisahkan datanya, simpan sebagai .xlsx, lalu unggah lagi."
    )


def _broken_message(filename: str) -> str:
    return (
        f"{filename} tidak dapat dibaca: berkas rusak atau bukan lembar kerja yang sah. Buka di Excel, simpan ulang "
        "sebagai .xlsx, lalu unggah lagi."
    )


def inspect_upload(
    data: bytes,
    filename: str,
    kind: str | None = None,
    year: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    layouts: Sequence[KnownLayout] = (),
    chosen_layout: KnownLayout | None = None,
    satker: str | None = None,
    settings: str = "{}",
    columns: Mapping[str, str] | None = None,
) -> Inspection:
    """Check and read an uploaded file in a child process with memory and time limits.

    ``kind`` ``None`` = detect it from the header. ``layouts``: stored layouts to recognise the
    file by its header cells; ``chosen_layout``: read with this one; ``satker`` (code or name) narrows a file that holds
    several satker to that one; ``columns`` (field → column letter) settles columns that fit one
    field equally well the way the person chose; ``settings``: the office's chosen settings
    (:class:`~lakip_core.rules.settings_codec.Overrides` JSON), so the preview's figures and
    findings are those the dashboard will show (see
    :func:`~lakip_core.intake.inspection.inspect_bytes`). Raises :class:`LakipError` (usually
    :class:`RejectedFileError`) with an Indonesian message when the file is refused, when reading
    it crashes the child, or runs out of memory or time; :class:`ColumnsNotPlacedError` (with the
    sheets' first rows) when its columns could not be placed. The caller's process is never at risk.
    """
    filename = Path(filename or "unggahan").name or "unggahan"
    if len(data) > limits.max_bytes:
        check_container(data, filename, limits)  # raises the size message
    header = {
        "filename": filename,
        "kind": kind_name(kind) if kind else None,
        "year": year,
        "satker": satker,
        "settings": settings,
        "columns": dict(columns or {}),
        "size": len(data),
        "limits": asdict(limits),
        "layouts": [k.to_dict() for k in layouts],
        "layout": chosen_layout.to_dict() if chosen_layout is not None else None,
    }
    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "RUST_BACKTRACE": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    payload = json.dumps(header).encode() + b"\n" + data
    try:
        result = subprocess.run(
            [sys.executable, "-m", "lakip_core.intake.sandbox"],
            input=payload,
            capture_output=True,
            timeout=limits.wall_seconds,
            env=env,
            cwd=root,
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise RejectedFileError(
            f"Pembacaan {filename} melebihi batas waktu {limits.wall_seconds:.0f} detik dan dihentikan. Periksa "
            "apakah berkasnya memang sebesar itu; pisahkan datanya bila perlu, lalu unggah lagi."
        ) from err
    if result.returncode != 0 or not result.stdout:
        if result.returncode in (-signal.SIGXCPU, -signal.SIGKILL) and b"MemoryError" not in result.stderr:
            raise RejectedFileError(
                f"Pembacaan {filename} melebihi batas waktu proses ({limits.cpu_seconds} detik) dan dihentikan."
            )
        if result.returncode == -signal.SIGABRT or b"memory" in result.stderr.lower():
            raise RejectedFileError(_memory_message(filename, limits))
        raise RejectedFileError(_broken_message(filename))
    text = result.stdout.decode("utf-8")
    if text.startswith('{"ok": false'):
        answer = json.loads(text)
        error = answer["error"]
        if "preview" in answer:
            raise ColumnsNotPlacedError(error, tuple(SheetPreview.from_dict(p) for p in answer["preview"]))
        if error == "memory":
            raise RejectedFileError(_memory_message(filename, limits))
        if error == "broken":
            raise RejectedFileError(_broken_message(filename))
        raise RejectedFileError(error)
    return inspection_from_json(text, data)


if __name__ == "__main__":
    raise SystemExit(_child_main())
