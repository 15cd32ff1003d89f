"""Named layouts: how to read an export the reader does not know, made once by hand, kept here.

One row per name (saving again under a name replaces that row; the audit log keeps every save):
the layout's JSON (:meth:`lakip_core.reading.mapping.Layout.to_json`), its kind and header
fingerprint, who saved it and when (UTC). Saving, importing and deleting need the ``upload``
right (pengunggah or admin), checked against the database inside the writing transaction like
versions; each is audited (``tata-letak-simpan`` / ``-impor`` / ``-hapus``). Anyone may list them:
an upload whose header cells match a kept layout is read with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.errors import LakipError
from lakip_core.intake.kinds import kind_name
from lakip_core.intake.layouts import KnownLayout, checked, parse_layout
from lakip_core.reading.mapping import Layout, clean_name, layout_from_json
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Actor
from lakip_core.store.engine import StoreError, now_utc
from lakip_core.store.tables import layouts_table

ACTION = "upload"  # who may upload may teach the reader a layout


@dataclass(frozen=True)
class StoredLayout:
    """A layout kept in the store, with who saved it and when."""

    id: int
    name: str
    kind: str
    fingerprint: str
    layout: Layout
    saved_by: str
    saved_at: str

    def known(self) -> KnownLayout:
        return KnownLayout(self.layout, self.saved_by, self.saved_at)


class Layouts(Accounts):
    """Keeping, listing, exporting, importing and deleting named layouts."""

    def _has_layouts(self) -> bool:
        """Whether the ``layouts`` table exists (an older database gets it on its next write)."""
        if self._created:
            return True
        if not self.exists():
            return False
        with self.engine.connect() as conn:
            return sa.inspect(conn).has_table("layouts")

    @staticmethod
    def _stored_layout(row: sa.RowMapping) -> StoredLayout:
        return StoredLayout(
            id=int(row["id"]),
            name=row["name"],
            kind=row["kind"],
            fingerprint=row["fingerprint"],
            layout=layout_from_json(row["layout"]),
            saved_by=row["saved_by"],
            saved_at=row["saved_at"],
        )

    def save_layout(self, actor: Actor, layout: Layout, name: str | None = None) -> StoredLayout:
        """Keep ``layout`` under ``name`` (default: its own), replacing a layout of that name.

        Checked against its kind's fields first (:class:`StoreError` with the reasons); audited as
        ``tata-letak-simpan``; refused (:class:`~lakip_core.store.auth.PermissionDeniedError`) for
        an account that may not upload.
        """
        return self._keep(actor, layout, name, "tata-letak-simpan")

    def import_layout(self, actor: Actor, text: str | bytes, name: str | None = None) -> StoredLayout:
        """Keep a layout from its JSON (from another office); audited as ``tata-letak-impor``.

        Bad JSON changes nothing and raises :class:`StoreError` with the Indonesian reason.
        """
        self._require(actor, ACTION)
        try:
            layout = parse_layout(text)
        except LakipError as err:
            raise StoreError(str(err)) from err
        return self._keep(actor, layout, name, "tata-letak-impor")

    def _keep(self, actor: Actor, layout: Layout, name: str | None, action: str) -> StoredLayout:
        try:
            layout = checked(replace(layout, name=clean_name(name if name is not None else layout.name)))
        except LakipError as err:
            raise StoreError(str(err)) from err
        text = layout.to_json()
        self.ensure_schema()

        def work(conn: Connection) -> StoredLayout:
            self._check(conn, actor, ACTION)
            existing = conn.execute(sa.select(layouts_table.c.id).where(layouts_table.c.name == layout.name)).scalar()
            values = {
                "kind": layout.kind,
                "fingerprint": layout.fingerprint,
                "layout": text,
                "saved_by": actor.username,
                "saved_at": now_utc(),
            }
            if existing is None:
                inserted = conn.execute(layouts_table.insert().values(name=layout.name, **values))
                assert inserted.inserted_primary_key is not None
                layout_id = int(inserted.inserted_primary_key[0])
            else:
                layout_id = int(existing)
                conn.execute(layouts_table.update().where(layouts_table.c.id == layout_id).values(**values))
            self._audit(
                conn, actor.username, action, layout=layout_id, name=layout.name, kind=layout.kind,
                fingerprint=layout.fingerprint[:16], replaced=existing is not None,
                columns=dict(layout.columns),
            )  # fmt: skip
            row = conn.execute(sa.select(layouts_table).where(layouts_table.c.id == layout_id)).mappings().one()
            return self._stored_layout(row)

        return self._write_checked(actor, ACTION, work)

    def layouts(self, kind: str | None = None) -> list[StoredLayout]:
        """The kept layouts, newest save first (of one kind when given)."""
        if not self._has_layouts():
            return []
        query = sa.select(layouts_table).order_by(layouts_table.c.saved_at.desc(), layouts_table.c.id.desc())
        if kind is not None:
            query = query.where(layouts_table.c.kind == kind_name(kind))
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [self._stored_layout(r) for r in rows]

    def layout_named(self, name: str) -> StoredLayout:
        """The kept layout of that name; :class:`StoreError` listing the names when there is none."""
        wanted = " ".join(str(name).split())
        found = [s for s in self.layouts() if s.name == wanted] or [
            s for s in self.layouts() if s.name.casefold() == wanted.casefold()
        ]
        if not found:
            names = ", ".join(f"'{s.name}'" for s in self.layouts()) or "belum ada"
            raise StoreError(f"Tata letak '{wanted}' tidak ada. Tata letak tersimpan: {names}.")
        return found[0]

    def delete_layout(self, actor: Actor, layout_id: int) -> StoredLayout:
        """Remove a kept layout (versions read with it keep their own copy); audited as ``tata-letak-hapus``."""
        self.ensure_schema()

        def work(conn: Connection) -> StoredLayout:
            self._check(conn, actor, ACTION)
            row = conn.execute(sa.select(layouts_table).where(layouts_table.c.id == layout_id)).mappings().first()
            if row is None:
                raise StoreError(f"Tata letak #{layout_id} tidak ada.")
            conn.execute(layouts_table.delete().where(layouts_table.c.id == layout_id))
            self._audit(conn, actor.username, "tata-letak-hapus", layout=layout_id, name=row["name"], kind=row["kind"])
            return self._stored_layout(row)

        return self._write_checked(actor, ACTION, work)
