"""The time budget of one article: `within_budget(seconds, work)` stops `work()` with OverBudget.

A watchdog raises OverBudget in the thread that runs the work (CPython's asynchronous exception,
delivered between two bytecodes, as a signal handler would be). Unlike SIGALRM, which only the main
thread of a process can arm, it works in any thread: a Ray actor runs its shards in a thread pool,
a thread engine in its threads. Work stuck inside one long C call is stopped when the call returns.

One long-lived watchdog thread per process serves every budget (a timer thread per article cost
more than a short article's whole run). It sleeps until the earliest deadline; arming a later
deadline does not wake it, so a stream of articles that end in time costs it about one wake-up per
budget period. A forked child starts its own watchdog on its first budget.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
_SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)
_SET_ASYNC_EXC.restype = ctypes.c_int


class OverBudget(BaseException):
    """The time budget of one article ran out (a BaseException: no `except Exception` in the
    pipeline may swallow it)."""


class _Budget:
    """One armed budget: the thread to stop, its deadline (time.monotonic), whether it was stopped."""

    __slots__ = ("target", "deadline", "fired")

    def __init__(self, target: int, deadline: float) -> None:
        self.target = target
        self.deadline = deadline
        self.fired = False


class _Watchdog:
    """The armed budgets of this process and the one thread that stops those that run out."""

    def __init__(self) -> None:
        self._reset()
        os.register_at_fork(after_in_child=self._reset)  # the thread does not survive a fork

    def _reset(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._armed: set[_Budget] = set()
        self._wake = float("inf")  # when the thread wakes next (inf: it waits for a budget)
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> _Budget:
        budget = _Budget(threading.get_ident(), time.monotonic() + seconds)
        with self._cond:
            self._armed.add(budget)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="extractor-time-budget", daemon=True)
                self._thread.start()
            if budget.deadline < self._wake:
                self._cond.notify()
        return budget

    def disarm(self, budget: _Budget) -> None:
        """From here on the budget raises nothing, not even one raised but not yet delivered."""
        with self._cond:
            self._armed.discard(budget)
            if budget.fired:
                _SET_ASYNC_EXC(budget.target, ctypes.py_object())  # NULL: clears the pending exception

    def _watch(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for budget in [b for b in self._armed if b.deadline <= now]:
                    self._armed.discard(budget)
                    budget.fired = True
                    _SET_ASYNC_EXC(budget.target, OverBudget)
                self._wake = min((b.deadline for b in self._armed), default=float("inf"))
                self._cond.wait(None if self._wake == float("inf") else self._wake - now)


_WATCHDOG = _Watchdog()


def within_budget(seconds: float | None, work: Callable[[], T]) -> T:
    """`work()`, stopped with OverBudget after `seconds` of real time (None or 0: no limit)."""
    if not seconds:
        return work()
    budget = _WATCHDOG.arm(seconds)
    try:
        return work()
    finally:
        _WATCHDOG.disarm(budget)
