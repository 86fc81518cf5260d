"""The access audit's store (service/audit.py says what it records)."""
