"""The read-model tables. Every row is derived from the log and can be rebuilt from it.

Nothing here is a source of truth: `asb rebuild` drops these tables and replays the log.
Table names start with `rm_` so they never collide with the event store's own tables.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from adapters.driven.readmodels.types import UTCDateTime

metadata = MetaData()

#: Where each projection has got to in the notification log. `position` is the highest
#: notification id processed; ids below it that were missing when it was read are in rm_gaps.
tracking = Table(
    "rm_tracking", metadata,
    Column("projection", String(60), primary_key=True),
    Column("position", BigInteger, nullable=False, default=0),
    Column("events_processed", BigInteger, nullable=False, default=0),
    Column("gaps_skipped", BigInteger, nullable=False, default=0),
)

#: Notification ids not yet seen although a higher one was: a transaction that took its id
#: earlier may still commit. Re-checked on every pass; given up after the gap timeout.
gaps = Table(
    "rm_gaps", metadata,
    Column("projection", String(60), primary_key=True),
    Column("notification_id", BigInteger, primary_key=True),
    Column("first_seen_at", Float, nullable=False),  # wall-clock seconds (time.time())
)

#: One row per stream (pathway, place or incident): how far the read models reflect it.
streams = Table(
    "rm_streams", metadata,
    Column("id", Uuid, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("version", Integer, nullable=False),
    Column("last_notification_id", BigInteger, nullable=False),
    Column("last_recorded_at", UTCDateTime, nullable=False),
)

pathways = Table(
    "rm_pathways", metadata,
    Column("id", Uuid, primary_key=True),
    Column("subject_name", String(200), nullable=False),
    Column("date_of_birth", Date),
    Column("pseudonym", String(40)),
    Column("vulnerabilities", JSON, nullable=False),
    Column("conduct_summary", Text, nullable=False),
    Column("issue_tags", JSON, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("opened_by_agency", String(200), nullable=False),
    Column("closed_outcome", String(40)),
    Column("early_intervention", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("last_step", String(60), nullable=False),
    Column("last_occurred_at", UTCDateTime, nullable=False),
    Column("search_text", Text, nullable=False),  # lower-cased name, pseudonym, tags, conduct
)

places = Table(
    "rm_places", metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("address", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("opened_by_agency", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Column("last_step", String(60), nullable=False),
)

#: Enforcement instruments of pathways and places (support referrals are in rm_referrals).
instruments = Table(
    "rm_instruments", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("instrument_id", Uuid, primary_key=True),
    Column("stream_kind", String(20), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("label", String(80), nullable=False),
    Column("state", String(30), nullable=False),
    Column("live", Boolean, nullable=False),
    Column("severity", Integer, nullable=False),
    Column("opened_version", Integer, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("agency", String(200), nullable=False),
    Column("rule_set", String(60), nullable=False),
    Column("parent_id", Uuid),
    Column("conduct", String(200)),
    Column("comply_by", UTCDateTime),
    Column("expires_on", Date),
    Column("granted_on", Date),
    Column("power_of_arrest", Boolean, nullable=False),
    Column("power_of_arrest_expires_on", Date),
    Column("amount", String(20)),  # a Decimal as text: exact on every backend
    Column("interim", Boolean, nullable=False),
    Column("without_notice", Boolean, nullable=False),
    Column("duration_hours", Integer),
    Column("hearing_at", UTCDateTime),
    Column("supervisor", String(200)),
    Column("terms", JSON, nullable=False),
    Column("positive_requirements", JSON, nullable=False),
    Column("detail", Text, nullable=False),
    Column("breaches", Integer, nullable=False),
    Column("history", JSON, nullable=False),  # [[version, state, occurred_at], ...]
)

referrals = Table(
    "rm_referrals", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("referral_id", Uuid, primary_key=True),
    Column("stream_kind", String(20), nullable=False),
    Column("service", Text, nullable=False),
    Column("state", String(30), nullable=False),
    Column("live", Boolean, nullable=False),
    Column("offered_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("agency", String(200), nullable=False),
    Column("history", JSON, nullable=False),
)

#: Assessments, consultations, early interventions, objectives...: one row per recording step.
notes = Table(
    "rm_notes", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("note_id", Uuid, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("about_step", String(60)),
    Column("flag", Boolean, nullable=False),
    Column("summary", Text, nullable=False),
    Column("agency", String(200), nullable=False),
)

overrides = Table(
    "rm_overrides", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("override_id", Uuid, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("for_step", String(60), nullable=False),
    Column("guard_code", String(80), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("used_by_version", Integer),
)

#: Partner agencies a case is shared with: a row per agreement in force (until revoked).
shares = Table(
    "rm_shares", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("partner_agency", String(200), primary_key=True),
    Column("until", Date),
    Column("purpose", Text, nullable=False),
    Column("gateway", String(40), nullable=False),
    Column("agreed_by", String(200), nullable=False),
    Column("agreed_version", Integer, nullable=False),
    Index("ix_rm_shares_partner", "partner_agency"),
)

deadlines = Table(
    "rm_deadlines", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("instrument_id", Uuid, primary_key=True),
    Column("code", String(60), primary_key=True),
    Column("stream_kind", String(20), nullable=False),
    Column("stream_name", String(200), nullable=False),  # subject or place, for lists
    Column("instrument_kind", String(30), nullable=False),
    Column("label", Text, nullable=False),
    Column("legal_basis", String(200), nullable=False),
    Column("duty", String(20), nullable=False),
    Column("agency", String(200), nullable=False),  # the agency that opened the instrument
    Column("starts_at", UTCDateTime, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    Column("met_at", UTCDateTime),
    Index("ix_rm_deadlines_due_at", "due_at"),
)

incidents = Table(
    "rm_incidents", metadata,
    Column("id", Uuid, primary_key=True),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("precision", String(20), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("category", String(200), nullable=False),
    Column("location", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("reference", String(80)),
    Column("place_id", Uuid),
    Column("subject_pathway_ids", JSON, nullable=False),
    Column("agency", String(200), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_rm_incidents_occurred_at", "occurred_at"),
)

#: One row per event of every stream: the raw material of court chronologies .
chronology = Table(
    "rm_chronology", metadata,
    Column("stream_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("stream_kind", String(20), nullable=False),
    Column("notification_id", BigInteger),  # None when back-filled from the stream
    Column("step", String(60), nullable=False),
    Column("label", String(120), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("precision", String(20), nullable=False),
    Column("occurred_until", UTCDateTime),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("agency", String(200), nullable=False),
    Column("role", String(60), nullable=False),
    Column("rank", String(60)),
    Column("legal_basis", String(200), nullable=False),
    Column("rule_set", String(60), nullable=False),
    Column("rationale", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("corrected_by_version", Integer),
    Index("ix_rm_chronology_occurred_at", "stream_id", "occurred_at"),
)

#: Tables holding derived rows (everything except the projection's own bookkeeping).
MODEL_TABLES: tuple[Table, ...] = (
    streams, pathways, places, instruments, referrals, notes, overrides, shares, deadlines,
    incidents, chronology,
)
