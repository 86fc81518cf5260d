"""The bare reference for bench_http.py: one FastAPI endpoint saving one plain eventsourcing
event per request (no auth, no guards, no read models). Served by uvicorn as a factory:

    BARE_SQLITE_DBNAME=/tmp/bare.db uvicorn _bare_http:create --factory --app-dir bench
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import Body, FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchlib import BareApp, BareNote


def create() -> FastAPI:
    app = FastAPI(title="bare eventsourcing over FastAPI")
    env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite",
           "SQLITE_DBNAME": os.environ["BARE_SQLITE_DBNAME"], "AGGREGATE_CACHE_MAXSIZE": "5000"}
    store = BareApp(env=env)

    @app.post("/bare", status_code=201)
    def open_note() -> dict[str, str]:
        note = BareNote()
        store.save(note)
        return {"id": str(note.id)}

    @app.post("/bare/{note_id}", status_code=201)
    def add(note_id: uuid.UUID, text: Annotated[str, Body(embed=True)]) -> dict[str, int]:
        note: BareNote = store.repository.get(note_id)
        note.note(text=text)
        store.save(note)
        return {"version": note.version}

    return app
