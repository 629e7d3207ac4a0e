"""Local engines for sharded runs: in-process (`--workers 1`) and a pool of processes (`--workers N`).

Each engine takes screened shards (`submit`), runs them, writes each shard's part and done-marker
(see `shards.WorkDir`) and hands back the finished shards' counts (`poll`). With `--workers N` the
pool has N - 1 processes and the driver is the N-th: it reads and screens the input, and runs a
shard itself whenever every worker already has its queue full, so N processes keep N cores busy
(a driver that only fed N workers would leave them short of a core). Pool workers are forked
after the driver has loaded the pipeline, so each holds one copy of it, loaded once; where fork is
not available they load it themselves in their initializer. On Linux a worker asks the
kernel to end it when the driver dies, so a killed run leaves no stray process behind.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import coded_error
from .shards import ShardCounts, WorkDir
from .articles import Pending
from .tasks import RunContext, ShardTask, run_shard


class Engine(Protocol):
    """Runs shards; at most `capacity` shards should be outstanding at once."""

    capacity: int

    def submit(self, task: ShardTask) -> None: ...

    def poll(self, *, block: bool) -> list[tuple[int, ShardCounts]]: ...

    @property
    def outstanding(self) -> int: ...

    def close(self) -> None: ...


class InProcessEngine:
    """Runs each shard at once, in the calling process."""

    capacity = 1

    def __init__(self, *, extractor, work: WorkDir, context: RunContext) -> None:
        self.extractor = extractor
        self.work = work
        self.context = context
        self._done: list[tuple[int, ShardCounts]] = []

    def submit(self, task: ShardTask) -> None:
        lines, counts = run_shard(task, extractor=self.extractor, context=self.context)
        self._done.append((task.index, self.work.write_shard(task.index, lines, counts)))

    def poll(self, *, block: bool) -> list[tuple[int, ShardCounts]]:
        done, self._done = self._done, []
        return done

    @property
    def outstanding(self) -> int:
        return 0

    def close(self) -> None:
        return None


@dataclass
class _WorkerState:
    model: str | None
    work: WorkDir
    context: RunContext
    extractor: object | None = None
    parent: int = 0


_STATE: _WorkerState | None = None


def _die_with_parent() -> None:
    """Linux: SIGTERM this process when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        return


def _init_worker(state: _WorkerState) -> None:
    global _STATE
    _die_with_parent()
    if state.parent and os.getppid() != state.parent:
        os._exit(1)  # the driver died before this worker could ask to follow it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    if state.extractor is None:
        from .files import load_extractor

        state.extractor = load_extractor(state.model)
    _STATE = state


def _run_in_worker(task: ShardTask) -> tuple[int, ShardCounts | None]:
    """The shard's counts, or None when the driver has taken it back and finished it already."""
    state = _STATE
    if state is None:
        raise RuntimeError("worker not initialised")
    if state.work.is_done(task.index):
        return task.index, None
    lines, counts = run_shard(task, extractor=state.extractor, context=state.context)
    return task.index, state.work.write_shard(task.index, lines, counts)


def _noop() -> int:
    return os.getpid()


QUEUED = 16  # shards queued per pool process: enough that none runs dry while the driver runs a shard
QUEUED_CHARS = 64 * 1024 * 1024  # article text held for queued shards, whatever their articles' size


def task_chars(task: ShardTask) -> int:
    """Characters of article text a screened shard carries to a worker."""
    total = 0
    for entry in task.entries:
        if isinstance(entry, Pending):
            total += len(entry.article.text) + len(entry.article.title or "")
    return total


class PoolEngine:
    """`workers` processes: the driver and `workers - 1` pool processes. Up to `QUEUED` shards per
    pool process are queued in the pool, the next ones wait in the driver. When the driver would
    have to wait, for room or for the last shards, it runs a shard itself: the newest waiting one,
    or, once none is waiting, the newest queued one that no process has started (a pool process
    that comes to it later finds its done-marker and skips it; if both run it, they write the
    same bytes and the driver counts it once)."""

    def __init__(self, *, workers: int, extractor, model: str | Path | None, work: WorkDir,
                 context: RunContext) -> None:
        if workers < 2:
            raise ValueError("a pool needs at least 2 workers (the driver is one of them)")
        processes = workers - 1
        self._room = processes * QUEUED
        self.capacity = self._room + 2
        self.work = work
        self._here = InProcessEngine(extractor=extractor, work=work, context=context)
        self._waiting: deque[ShardTask] = deque()
        self._taken: set[int] = set()  # queued shards the driver ran itself
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        ctx = multiprocessing.get_context("fork" if fork else "spawn")
        state = _WorkerState(model=None if model is None else str(model), work=work, context=context,
                             extractor=extractor if fork else None, parent=os.getpid())
        self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=_init_worker,
                                         initargs=(state,))
        self._futures: dict[Future, ShardTask] = {}
        self._chars: dict[int, int] = {}  # shard index -> its text, while outstanding
        gc.freeze()  # the collector in a forked worker then leaves the pipeline's pages shared, uncopied
        try:
            # start every worker now, before the caller starts threads (a progress bar) in this process
            for future in [self._pool.submit(_noop) for _ in range(processes)]:
                future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise coded_error("E402", detail=str(exc) or "the pool broke", path=str(work.path)) from exc
        finally:
            gc.unfreeze()

    def submit(self, task: ShardTask) -> None:
        self._chars[task.index] = task_chars(task)
        self._waiting.append(task)
        self._dispatch()

    @property
    def full(self) -> bool:
        """No room for another shard: too many outstanding, or too much text held for them (the
        driver's memory then stays bounded however long the articles are)."""
        return self.outstanding >= self.capacity or (self.outstanding > 1 and sum(self._chars.values()) > QUEUED_CHARS)

    def _dispatch(self) -> None:
        while self._waiting and len(self._futures) < self._room:
            try:
                task = self._waiting.popleft()
                self._futures[self._pool.submit(_run_in_worker, task)] = task
            except BrokenProcessPool as exc:
                raise coded_error("E402", detail=str(exc) or "the pool broke", path=str(self.work.path)) from exc

    def poll(self, *, block: bool) -> list[tuple[int, ShardCounts]]:
        results: list[tuple[int, ShardCounts]] = []
        if block:  # work instead of waiting
            task = self._waiting.pop() if self._waiting else self._take_back()
            if task is not None:
                self._chars.pop(task.index, None)
                self._here.submit(task)
                results.extend(self._here.poll(block=False))
                block = False
        if self._futures:
            finished, _ = wait(self._futures, timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for future in finished:
                index = self._futures.pop(future).index
                self._chars.pop(index, None)
                try:
                    _index, counts = future.result()
                except BrokenProcessPool as exc:
                    raise coded_error("E402", detail="a worker was killed or ran out of memory",
                                      path=str(self.work.path)) from exc
                if index in self._taken:
                    self._taken.discard(index)
                elif counts is not None:
                    results.append((index, counts))
        self._dispatch()
        return results

    def _take_back(self) -> ShardTask | None:
        for future, task in reversed(self._futures.items()):
            if not future.running() and not future.done() and task.index not in self._taken:
                self._taken.add(task.index)
                return task
        return None

    @property
    def outstanding(self) -> int:
        return len(self._futures) + len(self._waiting)

    def close(self) -> None:
        self._waiting.clear()
        for future in self._futures:
            future.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["Engine", "InProcessEngine", "PoolEngine"]
