"""The roll-up figures on PostgreSQL: the same satker table as on SQLite, and the backfill."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from lakip_core.analysis.rollup import satker_table
from lakip_core.store import Store
from tests import postgres
from tests.rollup_helpers import THREE, store_satker

pytestmark = pytest.mark.slow  # a private PostgreSQL cluster


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    if not postgres.available():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL (initdb/pg_ctl) is not installed; .ci/run installs it")
        pytest.skip("PostgreSQL not installed")
    with postgres.private_cluster() as url:
        yield url


def test_postgresql_gives_the_sqlite_roll_up_and_backfills(pg_url: str, tmp_path: Path) -> None:
    stores = {"pg": Store(pg_url), "sqlite": Store(f"sqlite:///{tmp_path / 'lakip.db'}")}
    for store in stores.values():
        for satker in THREE:
            store_satker(store, satker, 2025)
    tables = {
        name: satker_table(store.current_summaries()).drop(columns="updated_at") for name, store in stores.items()
    }
    pd.testing.assert_frame_equal(tables["pg"], tables["sqlite"])
    assert tables["pg"]["absorption_pct"].tolist() == pytest.approx([88.0, 77.0, 30.0])

    pg = stores["pg"]
    with pg.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM version_summaries"))
    assert len(pg.missing_summaries()) == 6 and pg.current_summaries().empty
    assert pg.backfill_summaries() == (6, [])
    again = satker_table(pg.current_summaries()).drop(columns="updated_at")
    pd.testing.assert_frame_equal(again, tables["sqlite"])
    for store in stores.values():
        store.dispose()
