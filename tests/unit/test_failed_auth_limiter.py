"""The failed-token limiter: a sliding minute per client address, in bounded memory."""

from __future__ import annotations

from adapters.driving.http.auth import FailedAuthLimiter


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_waits_until_its_oldest_failure_is_a_minute_old() -> None:
    ticks = Ticks()
    limiter = FailedAuthLimiter(3, clock=ticks)
    for step in range(3):
        assert limiter.retry_after("10.0.0.1") is None
        limiter.failed("10.0.0.1")
        ticks.now += 10 if step == 0 else 1
    assert limiter.retry_after("10.0.0.1") == 48  # first failure at 1000, now 1012
    assert limiter.retry_after("10.0.0.2") is None  # other addresses are not held back
    ticks.now = 1060.0
    assert limiter.retry_after("10.0.0.1") is None  # the first failure has aged out
    limiter.failed("10.0.0.1")
    assert limiter.retry_after("10.0.0.1") == 10  # the second failure (at 1010) now limits


def test_memory_is_bounded_by_addresses_and_failures_each() -> None:
    limiter = FailedAuthLimiter(2, clients=100, clock=Ticks())
    for n in range(1000):
        for _ in range(5):
            limiter.failed(f"10.0.{n // 256}.{n % 256}")
    assert len(limiter._failures) == 100
    assert all(len(f) == 2 for f in limiter._failures.values())
    assert limiter.retry_after("10.0.3.231") is not None  # the most recent are kept


def test_zero_turns_the_limit_off() -> None:
    limiter = FailedAuthLimiter(0, clock=Ticks())
    for _ in range(100):
        limiter.failed("10.0.0.1")
    assert limiter.retry_after("10.0.0.1") is None and not limiter._failures
