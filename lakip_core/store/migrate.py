"""Columns added to the store's tables after a database was made: added when missing.

A database made by an older release has the tables but not every column declared in
:mod:`lakip_core.store.tables`. New columns are always nullable, so an ``ALTER TABLE ... ADD
COLUMN`` brings the table up to date without touching a row (old rows read NULL). Runs the first
time a :class:`~lakip_core.store.Store` finds its tables (reads included: a query that names a
missing column would fail), and again inside the schema-creating transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store.tables import metadata


def missing_columns(conn: Connection) -> list[tuple[str, sa.Column[object]]]:
    """(table name, column) of every declared column the database's existing tables lack."""
    inspector = sa.inspect(conn)
    missing = []
    for table in metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        missing += [(table.name, column) for column in table.columns if column.name not in present]
    return missing


def add_missing_columns(conn: Connection) -> list[str]:
    """Add the missing (nullable) columns in the caller's write transaction; their ``table.column`` names."""
    added = []
    for table, column in missing_columns(conn):
        if not column.nullable:
            raise RuntimeError(f"{table}.{column.name} is NOT NULL: it needs a real migration")
        preparer = conn.dialect.identifier_preparer
        kind = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {preparer.quote(table)} ADD COLUMN {preparer.quote(column.name)} {kind}")
        added.append(f"{table}.{column.name}")
    return added
