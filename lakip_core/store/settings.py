"""The office's settings in the store: chosen by an admin, audited, applied to every figure.

The chosen values (:class:`~lakip_core.rules.settings_codec.Overrides`: values for all years, and
per report year for the per-year ones such as the IKPA targets) are one JSON text under the key
``pengaturan`` of the ``settings`` table. Changing them is an admin's action, checked against the
role in the database inside the writing transaction (read, change and write in one transaction,
the row locked on PostgreSQL, so two admins saving at once do not lose a change); every changed
setting is one audit entry ``pengaturan`` with its old and new value in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.rules.settings import Settings
from lakip_core.rules.settings_codec import Change, Overrides, spec
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Actor
from lakip_core.store.tables import settings_table

KEY = "pengaturan"


class SettingsStore(Accounts):
    """Reading the chosen settings (anyone) and changing them (admins)."""

    def overrides(self) -> Overrides:
        """What the office chose (nothing in a store without a database)."""
        return Overrides.from_json(self.get_setting(KEY))

    def settings_for(self, year: int) -> Settings:
        """The settings in force for report ``year``."""
        return self.overrides().settings(year)

    def change_settings(self, actor: Actor, values: Mapping[str, Any], year: int) -> list[Change]:
        """Set each ``name → value`` (checked values; per-year settings for ``year``); admins only.

        All or nothing: a refused value (:class:`~lakip_core.rules.settings_codec.SettingsError`)
        changes nothing. Returns the changes made (none when every value was already in force).
        """
        self.ensure_schema()

        def work(conn: Connection) -> list[Change]:
            self._check(conn, actor, "manage_settings")
            stored = conn.execute(
                sa.select(settings_table.c.value).where(settings_table.c.key == KEY).with_for_update()
            ).scalar()
            overrides = Overrides.from_json(None if stored is None else str(stored))
            changes = []
            for name, value in values.items():
                overrides, change = overrides.with_value(name, value, year)
                if change is not None:
                    changes.append(change)
            if changes:
                self._put_setting(conn, KEY, overrides.text)
                for change in changes:
                    self._audit(
                        conn,
                        actor.username,
                        "pengaturan",
                        setting=change.name,
                        label=change.label,
                        year=change.year if change.year is not None else "semua",
                        old=change.old,
                        new=change.new,
                    )
            return changes

        return self._write_checked(actor, "manage_settings", work)

    def reset_settings(self, actor: Actor, names: list[str], year: int) -> list[Change]:
        """Put settings back to their defaults (per-year ones for ``year``); admins only."""
        return self.change_settings(actor, {name: spec(name).default(year) for name in names}, year)
