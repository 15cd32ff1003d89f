"""The versioned store: every upload kept as an immutable version, accounts, the audit log.

SQLite by default (a file in the data folder, no server), any SQLAlchemy URL otherwise
(``postgresql+psycopg://...`` is tested). Schema (:mod:`.tables`, SQLAlchemy Core):

- ``versions``: one row per stored file, never updated or deleted: satker, year, kind, the
  original bytes and their sha256, who uploaded it and when (UTC), the parser version, the
  detected layout (JSON), the parsed rows (zlib-compressed JSON), the summary and the findings.
  ``(satker, year, kind, sha256)`` is unique: the same file twice is stored once.
- ``version_summaries``: the roll-up figures of each version (capaian, pagu/realisasi, per jenis
  belanja, month, assets, staff, findings by severity, province), written in the same transaction
  as the version (:mod:`.summaries`); the Provinsi / Nasional page reads only these.
- ``activations``: append-only. Uploading or restoring a version appends a row; the current
  version of a satker/year/kind is the one named by its newest activation. "Making an old
  version current again" therefore changes nothing that exists.
- ``sessions`` (logins and their claim tickets, token digests only), ``login_backoff`` (real
  password failures per name and per client).
- ``users``, ``audit_log`` (logins, failed logins, uploads, rejected files, restores, account
  changes, scenario saves and deletions, settings changes, refusals), ``settings`` (small key/value
  pairs such as ``public_read``, and ``pengaturan``: the office's chosen settings, :mod:`.settings`).
- ``scenarios``: named Simulasi scenarios (what-if edits as the JSON of
  :meth:`lakip_core.analysis.whatif.Scenario.to_dict`) per satker/year, with who saved them and when (UTC).
  ``(satker, year, name)`` is unique: saving again under the same name replaces that one row
  (its id stays; the audit log keeps every save). Scenarios never touch ``versions`` or
  ``activations``: the stored figures stay exactly as uploaded. Older databases get the table
  on their next write.
- ``layouts``: named hand-made layouts (:mod:`.layouts`) by which uploads the reader cannot
  place are read; a version read with one keeps the layout's JSON (``versions.reading_layout``)
  so it is re-read the same way. Columns added since a database was made are added by
  :mod:`.migrate` when the store first opens it.

Durability and retries: :mod:`.engine`. One module per job: :mod:`.audit` (log, settings),
:mod:`.accounts` (roles, logins), :mod:`.backoff` (login back-off), :mod:`.sessions` (logins
across reloads), :mod:`.setup_key` (the first admin), :mod:`.versions`, :mod:`.summaries` (roll-up
figures), :mod:`.scenarios`, :mod:`.layouts`, :mod:`.settings` (the office's settings),
:mod:`.diff` (comparing two versions), :mod:`.months` (the stored months of a year, read back for
the budget through the year).
"""

from lakip_core.store.audit import AUDIT_LABELS, AuditEntry
from lakip_core.store.diff import COMPARE_KEYS, VersionDiff, compare_rows
from lakip_core.store.engine import StoreError, data_dir, default_url, normalize_url, now_utc
from lakip_core.store.layouts import Layouts, StoredLayout
from lakip_core.store.scenarios import Scenarios, StoredScenario
from lakip_core.store.sessions import ActiveSession, SessionCheck, Sessions
from lakip_core.store.settings import SettingsStore
from lakip_core.store.versions import SaveResult, VersionInfo, Versions


class Store(Versions, Scenarios, Layouts, SettingsStore, Sessions):
    """The data store behind one database URL: versions, scenarios, layouts, accounts, sessions, audit,
    settings."""


__all__ = [
    "AUDIT_LABELS",
    "ActiveSession",
    "COMPARE_KEYS",
    "AuditEntry",
    "SaveResult",
    "SessionCheck",
    "Store",
    "StoreError",
    "StoredLayout",
    "StoredScenario",
    "VersionDiff",
    "VersionInfo",
    "compare_rows",
    "data_dir",
    "default_url",
    "normalize_url",
    "now_utc",
]
