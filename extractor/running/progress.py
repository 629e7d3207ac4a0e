"""Progress of a sharded run: a live bar on a terminal, periodic log lines otherwise, or nothing.

The runner calls `update(summary, shards_done=..., shards_running=...)` whenever a shard is read
or finished, and `close()` at the end. `make_progress` picks the kind: `rich` when stderr is a
terminal, log lines through the `extractor.running` logger when it is not, none when quiet.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Protocol

from .summary import RunSummary

log = logging.getLogger("extractor.running")


class Progress(Protocol):
    def update(self, summary: RunSummary, *, shards_done: int, shards_running: int) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    """Says nothing (--quiet, library use)."""

    def update(self, summary: RunSummary, *, shards_done: int, shards_running: int) -> None:
        return None

    def close(self) -> None:
        return None


def _line(summary: RunSummary, shards_done: int, shards_running: int, elapsed: float) -> str:
    rate = summary.items / elapsed if elapsed > 0 else 0.0
    return (f"{summary.items} articles ({rate:.0f}/s), {summary.records_total} records, "
            f"{summary.errors} errors, {summary.statuses.get('skipped', 0)} skipped; "
            f"shards {shards_done} done, {shards_running} running")


class LogProgress:
    """A log line (INFO, logger 'extractor.running') at most every `every` seconds, and one at the end."""

    def __init__(self, *, every: float = 10.0) -> None:
        self.every = every
        self.started = time.monotonic()
        self.last = self.started
        self._state: tuple[RunSummary, int, int] | None = None

    def update(self, summary: RunSummary, *, shards_done: int, shards_running: int) -> None:
        self._state = (summary, shards_done, shards_running)
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            log.info("%s", _line(summary, shards_done, shards_running, now - self.started))

    def close(self) -> None:
        if self._state is not None:
            summary, done, running = self._state
            log.info("%s", _line(summary, done, running, time.monotonic() - self.started))


class RichProgress:
    """A live line on the terminal (rich, installed with typer): a spinner, counts and the rate."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress as Bar
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        self.started = time.monotonic()
        self._bar = Bar(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=Console(file=sys.stderr), transient=False, refresh_per_second=4)
        self._task = self._bar.add_task("starting", total=None)
        self._live = False  # the refresh thread starts at the first update, after any worker was forked

    def update(self, summary: RunSummary, *, shards_done: int, shards_running: int) -> None:
        if not self._live:
            self._bar.start()
            self._live = True
        text = _line(summary, shards_done, shards_running, time.monotonic() - self.started)
        self._bar.update(self._task, description=text)

    def close(self) -> None:
        if self._live:
            self._bar.stop()


def make_progress(*, quiet: bool, every: float = 10.0) -> Progress:
    """RichProgress on a terminal, LogProgress elsewhere, NoProgress when `quiet`."""
    if quiet:
        return NoProgress()
    if sys.stderr.isatty():
        return RichProgress()
    return LogProgress(every=every)


__all__ = ["LogProgress", "NoProgress", "Progress", "RichProgress", "make_progress"]
