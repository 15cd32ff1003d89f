"""The store's tables (SQLAlchemy Core). See :mod:`lakip_core.store` for what each holds."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)
versions = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("uploaded_by", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.String(32), nullable=False),
    sa.Column("parser_version", sa.String(64), nullable=False),
    sa.Column("layout", sa.Text, nullable=False),
    sa.Column("rows", sa.LargeBinary, nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("findings", sa.Text, nullable=False),
    # The hand-made layout (its JSON) the file was read with; NULL = read automatically.
    # Added after release: older databases get it from store.migrate.add_missing_columns.
    sa.Column("reading_layout", sa.Text, nullable=True),
    # The month the file's period states (GLP039 "Periode Oktober 2025" → 10); NULL without one.
    sa.Column("period_month", sa.Integer, nullable=True),
    # The satker code a file holding several satker (ADK) was narrowed to; NULL otherwise.
    sa.Column("file_satker", sa.String(64), nullable=True),
    sa.UniqueConstraint("satker", "year", "kind", "sha256", name="uq_versions_file"),
    sa.Index("ix_versions_key", "satker", "year", "kind"),
)
activations = sa.Table(
    "activations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Index("ix_activations_key", "satker", "year", "kind"),
)
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("success", sa.Boolean, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Index("ix_audit_user_action", "username", "action"),
)
scenarios_table = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("scenario", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("satker", "year", "name", name="uq_scenarios_name"),
)
layouts_table = sa.Table(
    "layouts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("layout", sa.Text, nullable=False),
    sa.Column("saved_by", sa.String(64), nullable=False),
    sa.Column("saved_at", sa.String(32), nullable=False),
    sa.Index("ix_layouts_fingerprint", "fingerprint"),
)
settings_table = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
# Logins that last across reloads (:mod:`.sessions`): one row per login ("sesi") and per
# single-use claim ticket ("tiket", pointing at its login). Only the SHA-256 of a token is kept.
sessions_table = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("session_id", sa.Integer, nullable=True),
    sa.Column("client", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Index("ix_sessions_user", "username"),
)
# Login back-off (:mod:`.backoff`): real password failures per name and per client address.
login_backoff = sa.Table(
    "login_backoff",
    metadata,
    sa.Column("key", sa.String(120), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("refused", sa.Integer, nullable=False),
    sa.Column("last_failure", sa.String(32), nullable=False),
    sa.Column("blocked_until", sa.String(32), nullable=False),
    sa.Index("ix_login_backoff_last", "last_failure"),
)
version_summaries = sa.Table(
    "version_summaries",
    metadata,
    # One row per version, written in the same transaction as the version (or later, for versions
    # stored before this table existed: ``python -m lakip_core summaries``). Derived data: the
    # version itself is never updated.
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("summary_format", sa.Integer, nullable=False),
    sa.Column("settings_key", sa.String(16), nullable=False),  # the settings the figures were computed under
    sa.Column("computed_at", sa.String(32), nullable=False),
    sa.Column("region_level", sa.String(16)),
    sa.Column("region_code", sa.String(8)),
    sa.Column("province_code", sa.String(2)),
    sa.Column("province", sa.String(64)),
    sa.Column("satker_code", sa.String(16)),
    sa.Column("satker_name", sa.String(200)),
    sa.Column("period_month", sa.Integer),
    sa.Column("indicator_count", sa.Integer),
    sa.Column("indicators_with_data", sa.Integer),
    sa.Column("indicators_met", sa.Integer),
    sa.Column("achievement_pct", sa.Float),
    sa.Column("objectives_achievement_pct", sa.Float),
    sa.Column("achievement_category", sa.String(32)),
    sa.Column("allocation", sa.Float),
    sa.Column("realized", sa.Float),
    sa.Column("absorption_pct", sa.Float),
    sa.Column("jenis_belanja", sa.Text),  # JSON {"52": [pagu, realisasi], ...}
    sa.Column("asset_units", sa.Integer),
    sa.Column("asset_good_pct", sa.Float),
    sa.Column("staff_count", sa.Integer),
    sa.Column("staff_female_pct", sa.Float),
    sa.Column("findings_error", sa.Integer, nullable=False),
    sa.Column("findings_warning", sa.Integer, nullable=False),
    sa.Column("findings_info", sa.Integer, nullable=False),
    sa.Index("ix_version_summaries_key", "satker", "year", "kind"),
)
