"""Signed checkpoints against rewrites the hash chain alone cannot show, on SQLite and
PostgreSQL: mixed into the store test classes beside `StoreContract` (its `settings`, `raw`,
`make_app` and `log` fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.driven.store.checkpoint import (
    Checkpoint,
    CheckpointFileError,
    append_checkpoint,
    read_checkpoints,
    regressions,
    take_checkpoint,
    verify_with_checkpoints,
)
from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings
from adapters.driven.store.signing import generate_keys, load_private_key, load_public_key
from tests.integration.store_contract import Noted, RawStore, StoreApp, chain, flagged

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
Log = dict[str, list[Noted]]


def resealed(events: list[Noted], start: int, **changes: Any) -> list[Noted]:
    """Events `start`.. of one stream with `changes` made to event `start`, every hash from
    there recomputed with the public rule: what someone with write access could do."""
    out: list[Noted] = []
    prev = events[start - 2].hash if start > 1 else events[0].prev_hash
    for e in events[start - 1:]:
        update = {**(changes if e.originator_version == start else {}), "prev_hash": prev,
                  "hash": ""}
        out.append(e.model_copy(update=update).sealed())  # type: ignore[arg-type]
        prev = out[-1].hash
    return out


class CheckpointContract:
    @pytest.fixture
    def key(self, tmp_path: Path) -> Ed25519PrivateKey:
        private, _ = generate_keys(tmp_path / "keys")
        return load_private_key(private)

    def signed(self, settings: StoreSettings, key: Ed25519PrivateKey,
               tmp_path: Path) -> list[Checkpoint]:
        """Take a checkpoint, keep it in a file, and read it back as the verifier would."""
        path = tmp_path / "checkpoints.jsonl"
        append_checkpoint(path, take_checkpoint(settings, key, NOW))
        return read_checkpoints(path, load_public_key(tmp_path / "keys/checkpoint-key.pub.pem"))

    def test_a_checkpoint_signs_every_stream_head_and_the_log_position(
            self, settings: StoreSettings, key: Ed25519PrivateKey, tmp_path: Path,
            log: Log) -> None:
        (checkpoint,) = self.signed(settings, key, tmp_path)
        assert {(h.stream_id, h.version, h.hash) for h in checkpoint.heads} == {
            (str(e[-1].originator_id), len(e), e[-1].hash) for e in log.values()}
        assert (checkpoint.events, checkpoint.position >= 9) == (9, True)
        assert verify_with_checkpoints(settings, [checkpoint]).ok

    def test_streams_and_events_added_after_the_checkpoint_are_fine(
            self, settings: StoreSettings, key: Ed25519PrivateKey, tmp_path: Path, log: Log,
            make_app: Callable[..., StoreApp]) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        app = make_app()
        app.save(*chain(log["A"][0].originator_id, 2, start=6, prev=log["A"][-1].hash))
        app.save(*chain(uuid4(), 3))
        report = verify_with_checkpoints(settings, checkpoints)
        assert report.ok, report.violations
        assert report.events_checked == 14

    def test_a_stream_resealed_with_its_head_updated_passes_verify_but_not_the_checkpoint(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        a_events = log["A"]
        a = a_events[0].originator_id
        rewritten = resealed(a_events, 2, note="a different note")
        for e in rewritten:
            raw.write_state(a, e.originator_version, e.model_dump_json().encode())
        raw.write_head(a, 5, rewritten[-1].hash)
        assert verify_log(settings).ok  # the chain and the head agree: consistent, yet false
        report = verify_with_checkpoints(settings, checkpoints)
        assert flagged(report, a, 5, "does not end the hash chain signed", "rewritten")
        assert len(report.violations) == 1

    def test_a_stream_deleted_with_its_head_row_passes_verify_but_not_the_checkpoint(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        b = log["B"][0].originator_id
        for version in (1, 2, 3):
            raw.delete(b, version)
        raw.delete_head(b)
        assert verify_log(settings).ok
        report = verify_with_checkpoints(settings, checkpoints)
        assert flagged(report, b, 1, "is missing", "recorded 3 events", "whole stream was deleted")
        assert len(report.violations) == 1

    def test_a_shortened_stream_with_its_head_moved_back_is_named_where_it_ends(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        a_events = log["A"]
        a = a_events[0].originator_id
        raw.delete(a, 5)
        raw.delete(a, 4)
        raw.write_head(a, 3, a_events[2].hash)
        assert verify_log(settings).ok
        report = verify_with_checkpoints(settings, checkpoints)
        assert flagged(report, a, 4, "lacks event 4", "recorded 5 events", "deleted")

    def test_an_event_deleted_and_written_again_has_left_its_place_in_the_log(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        a = log["A"][0].originator_id  # its first event is the first in the log
        topic, state = raw.read(a, 1)
        raw.delete(a, 1)
        raw.insert(a, 1, topic, state)  # the same bytes, now last in the log
        assert verify_log(settings).ok
        report = verify_with_checkpoints(settings, checkpoints)
        assert flagged(report, a, 1, "after the checkpoint's position", "written again")
        assert len(report.violations) == 1

    def test_an_event_written_into_the_past_of_the_log_is_named(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        checkpoints = self.signed(settings, key, tmp_path)
        a_events = log["A"]
        a = a_events[0].originator_id
        # A well-formed extra event with its head, slipped in before the first position.
        forged = chain(a, 1, start=6, prev=a_events[-1].hash, note="backdated")[0]
        topic, _ = raw.read(a, 5)
        raw.insert_at(0, a, 6, topic, forged.model_dump_json().encode())
        raw.write_head(a, 6, forged.hash)
        assert verify_log(settings).ok
        report = verify_with_checkpoints(settings, checkpoints)
        assert flagged(report, a, 6, "at log position 0", "written into the log's past")
        assert len(report.violations) == 1

    def test_a_checkpoint_checked_with_another_key_is_refused(
            self, settings: StoreSettings, key: Ed25519PrivateKey, tmp_path: Path,
            log: Log) -> None:
        self.signed(settings, key, tmp_path)
        _, other = generate_keys(tmp_path / "other")
        with pytest.raises(CheckpointFileError, match="signed by key .* not by the public key"):
            read_checkpoints(tmp_path / "checkpoints.jsonl", load_public_key(other))

    @pytest.mark.parametrize("edit", [
        ('"position":', '"position":1'),  # an earlier position
        ('"events":', '"events":1'),  # fewer events
        ('"signed_at":"2026', '"signed_at":"2025'),  # another date
    ])
    def test_an_altered_checkpoint_is_refused(
            self, settings: StoreSettings, key: Ed25519PrivateKey, tmp_path: Path, log: Log,
            edit: tuple[str, str]) -> None:
        self.signed(settings, key, tmp_path)
        path = tmp_path / "checkpoints.jsonl"
        text = path.read_text()
        before, after = edit
        assert before in text
        path.write_text(text.replace(before, after, 1))
        with pytest.raises(CheckpointFileError, match="altered"):
            read_checkpoints(path, load_public_key(tmp_path / "keys/checkpoint-key.pub.pem"))

    def test_a_head_removed_from_a_checkpoint_is_refused(
            self, settings: StoreSettings, key: Ed25519PrivateKey, tmp_path: Path,
            log: Log) -> None:
        (checkpoint,) = self.signed(settings, key, tmp_path)
        path = tmp_path / "checkpoints.jsonl"
        shorter = Checkpoint(checkpoint.signed_at, checkpoint.position, checkpoint.events,
                             checkpoint.heads[1:], checkpoint.key_id, checkpoint.signature)
        path.write_text(shorter.to_line() + "\n")  # digest recomputed, signature kept
        with pytest.raises(CheckpointFileError, match="signature does not verify"):
            read_checkpoints(path, load_public_key(tmp_path / "keys/checkpoint-key.pub.pem"))

    def test_a_later_checkpoint_that_forgets_a_stream_does_not_extend_the_earlier(
            self, settings: StoreSettings, raw: RawStore, key: Ed25519PrivateKey,
            tmp_path: Path, log: Log) -> None:
        (first,) = self.signed(settings, key, tmp_path)
        c = log["C"][0].originator_id
        raw.delete(c, 1)
        raw.delete_head(c)
        second = take_checkpoint(settings, key, NOW)
        problems = regressions(first, second)
        assert f"stream {c} (1 event) is gone" in problems
        assert f"the log's position went back from {first.position} to {second.position}" \
            in problems  # C's event was the last in the log
        path = tmp_path / "checkpoints.jsonl"
        append_checkpoint(path, second)
        with pytest.raises(CheckpointFileError, match="does not extend the one before"):
            read_checkpoints(path, load_public_key(tmp_path / "keys/checkpoint-key.pub.pem"))
