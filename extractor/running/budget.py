"""The time budget of one article: `within_budget(seconds, work)` stops `work()` with OverBudget.

A watchdog timer raises OverBudget in the thread that runs the work (CPython's asynchronous
exception, delivered between two bytecodes, as a signal handler would be). Unlike SIGALRM, which
only the main thread of a process can arm, it works in any thread: a Ray actor runs its shards in
a thread pool, a thread engine in its threads. Work stuck inside one long C call is stopped when
the call returns.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
_SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)
_SET_ASYNC_EXC.restype = ctypes.c_int


class OverBudget(BaseException):
    """The time budget of one article ran out (a BaseException: no `except Exception` in the
    pipeline may swallow it)."""


def within_budget(seconds: float | None, work: Callable[[], T]) -> T:
    """`work()`, stopped with OverBudget after `seconds` of real time (None or 0: no limit)."""
    if not seconds:
        return work()
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _SET_ASYNC_EXC(target, OverBudget)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    try:
        timer.start()
        return work()
    finally:
        with lock:
            state["done"] = True  # from here on the timer raises nothing
            if state["fired"]:
                _SET_ASYNC_EXC(target, ctypes.py_object())  # NULL: clears  # one raised but not yet delivered never escapes into the caller
        timer.cancel()
