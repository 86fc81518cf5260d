"""Read models: SQLAlchemy tables written by a tracked, gap-safe projection of the event log."""
