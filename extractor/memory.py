"""Memory helpers shared by the reconciler and the event store."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (restored as it was after it).

    The reconciler allocates millions of small acyclic objects; the cyclic collector's passes over
    them cost more than the whole matching at a million claims. Reference counting still frees them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
