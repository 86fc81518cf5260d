"""API schemas: request and response types of the HTTP contract (never events or commands)."""
