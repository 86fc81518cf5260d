"""Driven adapters: what the service drives (event store, read models, exports, policy documents, user store)."""
