"""The one composition root: settings in, a wired application out. Nothing at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping

from adapters.driven.exports.ports import LogReader
from adapters.driven.store.schema import init_schema
from adapters.driven.store.settings import StoreSettings, persistence_env
from domain.rulesets import RuleBook
from service.application import Clock, PathwayApplication, utc_now

RULE_SETS_VAR = "ASB_RULE_SETS"


def rule_book_from(environ: Mapping[str, str]) -> RuleBook:
    """Switch on enacted-but-not-commenced rule sets, e.g. ASB_RULE_SETS=cpa2026."""
    return RuleBook.with_switches(environ.get(RULE_SETS_VAR, "").split(","))


def build_application(
    settings: StoreSettings | None = None,
    *,
    clock: Clock = utc_now,
    rule_book: RuleBook | None = None,
    environ: Mapping[str, str] | None = None,
    snapshot_interval: int = 200,
) -> PathwayApplication:
    environ = os.environ if environ is None else environ
    settings = settings or StoreSettings.from_env(environ)
    if settings.backend == "sqlite":
        # An embedded file has one writer at a time, so creating tables here is safe.
        init_schema(settings)
    return PathwayApplication(
        persistence_env(settings),
        clock=clock,
        rule_book=rule_book or rule_book_from(environ),
        snapshot_interval=snapshot_interval,
    )


def build_log_reader(application: PathwayApplication) -> LogReader:
    """The log as exports read it, from the application's own event store."""
    from adapters.driven.store.log_reader import log_reader_for

    return log_reader_for(application.events)
