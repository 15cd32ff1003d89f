"""Accounts, roles, password hashing, login auditing, lockout, the first admin, idle timeout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lakip_core.store import Store, auth
from lakip_core.store.auth import SYSTEM, Actor, AuthError
from tests.intake_helpers import PASSWORD, store_with_uploader


def test_passwords_are_hashed_with_argon2id() -> None:
    hashed = auth.hash_password("sandi-kuat-1")
    assert hashed.startswith("$argon2id$") and "sandi-kuat-1" not in hashed
    assert auth.verify_password(hashed, "sandi-kuat-1")
    assert not auth.verify_password(hashed, "sandi-kuat-2")
    assert not auth.verify_password("bukan-hash", "sandi-kuat-1")
    assert hashed != auth.hash_password("sandi-kuat-1")  # salted
    with pytest.raises(AuthError, match="minimal 8"):
        auth.hash_password("pendek")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("admin", {"view", "upload", "restore", "manage_accounts", "view_audit"}),
        ("pengunggah", {"view", "upload", "restore"}),
        ("pembaca", {"view"}),
        (None, set()),
        ("tamu", set()),
    ],
)
def test_role_permissions(role: str | None, allowed: set[str]) -> None:
    actions = {"view", "upload", "restore", "manage_accounts", "view_audit"}
    assert {a for a in actions if auth.can(role, a)} == allowed


@pytest.mark.parametrize("name", ["ab", "Nama Spasi", "-awal", "a" * 33, "budi<script>"])
def test_usernames_are_validated(name: str) -> None:
    with pytest.raises(AuthError):
        auth.check_username(name)
    assert auth.check_username("  Sekretariat.Keu ") == "sekretariat.keu"


def test_login_success_and_failure_are_audited(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    assert store.authenticate("Sekretariat", PASSWORD).role == "pengunggah"
    with pytest.raises(AuthError, match="Nama pengguna atau kata sandi salah"):
        store.authenticate("sekretariat", "salah-salah")
    with pytest.raises(AuthError, match="Nama pengguna atau kata sandi salah"):
        store.authenticate("siapa", PASSWORD)
    entries = [(e.username, e.action, e.success) for e in store.audit_entries()[:3]]
    assert entries == [
        ("siapa", "gagal-masuk", False),
        ("sekretariat", "gagal-masuk", False),
        ("sekretariat", "masuk", True),
    ]


def test_deactivated_account_cannot_log_in_and_last_admin_is_kept(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    admin = Actor("admin")
    store.update_user(admin, "komisioner", active=False)
    with pytest.raises(AuthError, match="dinonaktifkan"):
        store.authenticate("komisioner", PASSWORD)
    with pytest.raises(AuthError, match="minimal satu admin"):
        store.update_user(admin, "admin", role="pembaca")
    with pytest.raises(auth.PermissionDeniedError):
        store.create_user(Actor("sekretariat"), "baru", PASSWORD, "admin")
    store.update_user(admin, "sekretariat", role="admin")
    store.update_user(Actor("sekretariat"), "admin", role="pembaca")
    assert store.role_of("admin") == "pembaca"


def test_own_password_needs_the_old_one(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    with pytest.raises(AuthError, match="lama salah"):
        store.set_password(Actor("komisioner"), "komisioner", "sandi-baru-1", old_password="keliru")
    store.set_password(Actor("komisioner"), "komisioner", "sandi-baru-1", old_password=PASSWORD)
    assert store.authenticate("komisioner", "sandi-baru-1")
    with pytest.raises(auth.PermissionDeniedError):
        store.set_password(Actor("komisioner"), "sekretariat", "diambil-alih")


def test_first_admin_needs_the_one_time_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    assert store.ensure_setup_secret() == "kunci-admin-pertama.txt"  # a name, never a server path
    path = store.setup_secret_path()
    assert oct(path.stat().st_mode)[-3:] == "600"
    secret = path.read_text().strip()
    assert store.get_setting("setup_secret") == auth.secret_digest(secret)  # only the digest is stored
    with pytest.raises(AuthError, match="salah atau sudah terpakai"):
        store.create_first_admin("tebakan", "kepala", PASSWORD)
    store.create_first_admin(secret, "kepala", PASSWORD)
    assert store.role_of("kepala") == "admin" and not path.exists()
    with pytest.raises(AuthError, match="salah atau sudah terpakai"):
        store.create_first_admin(secret, "penyusup", PASSWORD)
    assert store.ensure_setup_secret() is None


def test_idle_timeout() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert not auth.idle_expired(now - timedelta(minutes=29), now)
    assert auth.idle_expired(now - timedelta(minutes=31), now)
    assert not auth.idle_expired(now - timedelta(days=9), now, minutes=0)


def test_public_read_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    store = store_with_uploader(tmp_path)
    assert not store.public_read()
    with pytest.raises(auth.PermissionDeniedError):
        store.set_setting(Actor("sekretariat"), "public_read", "1")
    store.set_setting(Actor("admin"), "public_read", "1")
    assert store.public_read()
    monkeypatch.setenv("LAKIP_PUBLIC_READ", "0")
    assert not store.public_read()
    assert SYSTEM.system
