"""Simulasi scenarios kept per satker/year (named; saving again under a name replaces it)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.analysis.whatif.scenario import Scenario, ScenarioError, scenario_name
from lakip_core.reading.numbers import cell_text
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Actor
from lakip_core.store.engine import StoreError, now_utc
from lakip_core.store.keys import clean_satker, clean_year
from lakip_core.store.tables import scenarios_table


@dataclass(frozen=True)
class StoredScenario:
    """One Simulasi scenario kept in the store (``scenario.name`` == ``name``)."""

    id: int
    satker: str
    year: int
    name: str
    scenario: Scenario
    created_by: str
    created_at: str


class Scenarios(Accounts):
    """Keeping, listing, opening and deleting Simulasi scenarios."""

    def _has_scenarios(self) -> bool:
        """Whether the ``scenarios`` table exists (an older database gets it on its next write)."""
        if self._created:
            return True
        if not self.exists():
            return False
        with self.engine.connect() as conn:
            return sa.inspect(conn).has_table("scenarios")

    @staticmethod
    def _stored_scenario(row: sa.RowMapping) -> StoredScenario:
        scenario = Scenario.from_dict(json.loads(row["scenario"]))
        return StoredScenario(
            id=int(row["id"]),
            satker=row["satker"],
            year=int(row["year"]),
            name=row["name"],
            scenario=Scenario(row["name"], scenario.indicators, scenario.budget, scenario.note),
            created_by=row["created_by"],
            created_at=row["created_at"],
        )

    def save_scenario(
        self, actor: Actor, satker: str, year: int, name: str, payload: Scenario | Mapping[str, Any]
    ) -> StoredScenario:
        """Keep a Simulasi scenario for a satker/year (pengunggah or admin), in one transaction.

        ``payload`` is a :class:`~lakip_core.analysis.whatif.Scenario` or its :meth:`~Scenario.to_dict`.
        Saving again under the same name replaces that scenario's row (same id); no version,
        activation or other scenario is touched. Audited as ``skenario-simpan``.
        """
        satker, year = clean_satker(satker), clean_year(year)
        try:
            name = scenario_name(name)
        except ScenarioError as err:
            raise StoreError(str(err)) from err
        scenario = payload if isinstance(payload, Scenario) else Scenario.from_dict(payload)
        data = json.dumps({**scenario.to_dict(), "name": name}, ensure_ascii=False, sort_keys=True)
        self.ensure_schema()

        def work(conn: Connection) -> StoredScenario:
            self._check(conn, actor, "save_scenario")
            at = now_utc()
            key = (scenarios_table.c.satker == satker, scenarios_table.c.year == year, scenarios_table.c.name == name)
            existing = conn.execute(sa.select(scenarios_table.c.id).where(*key)).scalar()
            values = {"scenario": data, "created_by": actor.username, "created_at": at}
            if existing is None:
                inserted = conn.execute(scenarios_table.insert().values(satker=satker, year=year, name=name, **values))
                assert inserted.inserted_primary_key is not None
                scenario_id = int(inserted.inserted_primary_key[0])
            else:
                scenario_id = int(existing)
                conn.execute(scenarios_table.update().where(scenarios_table.c.id == scenario_id).values(**values))
            self._audit(
                conn, actor.username, "skenario-simpan", scenario=scenario_id, name=name, satker=satker, year=year,
                replaced=existing is not None, indicators=len(scenario.indicators), budget=len(scenario.budget),
            )  # fmt: skip
            row = conn.execute(sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)).mappings().one()
            return self._stored_scenario(row)

        return self._write_checked(actor, "save_scenario", work)

    def scenarios(self, satker: str, year: int) -> list[StoredScenario]:
        """The scenarios kept for a satker/year, by name (anyone who may view may open them)."""
        if not self._has_scenarios():
            return []
        query = (
            sa.select(scenarios_table)
            .where(scenarios_table.c.satker == cell_text(satker), scenarios_table.c.year == int(year))
            .order_by(scenarios_table.c.name, scenarios_table.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [self._stored_scenario(r) for r in rows]

    def scenario(self, scenario_id: int) -> StoredScenario:
        """One kept scenario; :class:`StoreError` when there is none with that id."""
        row = None
        if self._has_scenarios():
            with self._read() as conn:
                query = sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)
                row = conn.execute(query).mappings().first()
        if row is None:
            raise StoreError(f"Skenario #{scenario_id} tidak ada.")
        return self._stored_scenario(row)

    def delete_scenario(self, actor: Actor, scenario_id: int) -> StoredScenario:
        """Remove a kept scenario (pengunggah or admin); audited as ``skenario-hapus``."""
        self.ensure_schema()

        def work(conn: Connection) -> StoredScenario:
            self._check(conn, actor, "save_scenario")
            row = conn.execute(sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)).mappings().first()
            if row is None:
                raise StoreError(f"Skenario #{scenario_id} tidak ada.")
            conn.execute(scenarios_table.delete().where(scenarios_table.c.id == scenario_id))
            self._audit(
                conn, actor.username, "skenario-hapus", scenario=scenario_id, name=row["name"], satker=row["satker"],
                year=row["year"],
            )  # fmt: skip
            return self._stored_scenario(row)

        return self._write_checked(actor, "save_scenario", work)
