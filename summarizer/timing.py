"""The time a request takes: seconds per named stage, and its deadline."""

from __future__ import annotations

import time
from contextlib import contextmanager

from .errors import TimeLimitError


class Stopwatch:
    """Seconds spent in each named stage, and the request's deadline, checked as each stage begins and as it goes on."""

    def __init__(self, time_limit: float | None):
        self.timings: dict[str, float] = {}
        self.deadline = time.monotonic() + time_limit if time_limit is not None else None
        self.current: str | None = None  # the stage under way

    def check(self) -> None:
        """Raise `TimeLimitError` once the deadline has passed; stages call it as their work goes on."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TimeLimitError(f"the brief did not finish within the time limit (in {self.current or 'checks'})")

    def remaining(self) -> float | None:
        """Seconds left before the deadline (at least a millisecond), or None without one."""
        return None if self.deadline is None else max(1e-3, self.deadline - time.monotonic())

    @contextmanager
    def stage(self, name: str):
        self.current = name
        self.check()
        began = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - began
