"""Accounts and roles: who may do what, password hashing, idle timeout.

Three roles (issue 4): ``admin`` manages accounts (and may do everything else), ``pengunggah``
uploads data, restores versions and saves or deletes Simulasi scenarios, ``pembaca`` only reads
(and opens and compares stored scenarios). The store checks the role recorded in the database on
every action (:func:`can`, in :mod:`lakip_core.store.accounts`), so hiding a button is never the only guard.

Passwords are hashed with Argon2id (argon2-cffi, the RFC 9106 low-memory profile: 64 MiB,
3 passes): memory-hard, the OWASP first choice, and the library rehashes old parameters
transparently (:func:`needs_rehash`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from lakip_core.errors import LakipError

Role = Literal["admin", "pengunggah", "pembaca"]
ROLES: tuple[Role, ...] = ("admin", "pengunggah", "pembaca")
ROLE_LABELS: dict[str, str] = {"admin": "Admin", "pengunggah": "Pengunggah", "pembaca": "Pembaca"}
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {"view", "upload", "restore", "save_scenario", "manage_accounts", "view_audit", "manage_settings"}
    ),
    "pengunggah": frozenset({"view", "upload", "restore", "save_scenario"}),
    "pembaca": frozenset({"view"}),
}
ACTION_LABELS: dict[str, str] = {
    "view": "melihat data",
    "upload": "mengunggah data",
    "restore": "memulihkan versi data",
    "save_scenario": "menyimpan atau menghapus skenario simulasi",
    "manage_accounts": "mengelola akun",
    "view_audit": "melihat log audit",
    "manage_settings": "mengubah pengaturan perhitungan",
}
MIN_PASSWORD = 8
IDLE_MINUTES = 30
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
_HASHER = PasswordHasher()


class AuthError(LakipError):
    """Login failed or an account operation was refused (message in Indonesian)."""


class PermissionDeniedError(LakipError):
    """The account's role does not allow the action."""


@dataclass(frozen=True)
class Actor:
    """Who performs an action: an account name, or the server's command line (``system``).

    The command line is run by someone who can already read and write the database file, so it
    acts as a trusted operator unless ``--user`` names an account, which is then checked.
    """

    username: str
    system: bool = False


SYSTEM = Actor("baris-perintah", system=True)


@dataclass(frozen=True)
class Account:
    """An account as stored (never with its password hash)."""

    username: str
    role: str
    active: bool
    created_at: str


def can(role: str | None, action: str) -> bool:
    """True when ``role`` allows ``action``; unknown roles allow nothing."""
    return role is not None and action in PERMISSIONS.get(role, frozenset())


def check_username(username: str) -> str:
    """Normalised user name (lower case); raises :class:`AuthError` when it is not allowed."""
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise AuthError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, "
            "diawali huruf atau angka."
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError(f"Peran '{role}' tidak dikenal. Pilih: {', '.join(ROLES)}.")
    return role


def hash_password(password: str) -> str:
    """Argon2id hash of ``password``; raises :class:`AuthError` when it is too short."""
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"Kata sandi minimal {MIN_PASSWORD} karakter.")
    return _HASHER.hash(password)


# At most this many Argon2 checks (64 MiB each) run at once in one process; more wait their turn.
VERIFY_SLOTS = 2
_VERIFYING = threading.BoundedSemaphore(VERIFY_SLOTS)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed hash is a mismatch, never an exception."""
    with _VERIFYING:
        try:
            return _HASHER.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)


def dummy_verify(password: str) -> None:
    """Spend the time of a real verification (unknown user names answer as slowly as known ones)."""
    verify_password(_DUMMY_HASH, password)


_started = time.perf_counter()
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))
# About how long one check takes here (hashing and verifying cost the same): the delay an unknown
# name gets when the server's budget of real checks for unknown names is spent.
VERIFY_SECONDS = time.perf_counter() - _started


def new_setup_secret() -> str:
    """A one-time secret for creating the first admin in the browser."""
    return secrets.token_urlsafe(18)


def secret_digest(secret: str) -> str:
    """SHA-256 of a high-entropy one-time secret (a slow hash adds nothing for 144 random bits)."""
    return hashlib.sha256(secret.strip().encode()).hexdigest()


def secret_matches(digest: str, secret: str) -> bool:
    return hmac.compare_digest(digest, secret_digest(secret))


def idle_expired(last_seen: datetime, now: datetime, minutes: float = IDLE_MINUTES) -> bool:
    """True when more than ``minutes`` passed since ``last_seen`` (a timeout of 0 never expires)."""
    return minutes > 0 and now - last_seen > timedelta(minutes=minutes)
