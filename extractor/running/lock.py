"""One output, one run at a time: an advisory lock (flock) held for the whole run.

    with output_lock(Path("out.jsonl")): ...      # lock file .out.jsonl.lock beside it, removed after
    with folder_lock(Path("out")): ...            # the folder itself is locked (`extractor run`)

A second run on the same output stops at once with E210 instead of mixing its shards or files
with the first one's. Where flock is not available (Windows) nothing is locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import coded_error

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]


def _take(fd: int, *, path: Path, lock: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise coded_error("E210", path=str(path), lock=str(lock), detail="locked by a running process") from None
    except OSError:
        return  # a file system without locks: run unlocked rather than not at all


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold `.NAME.lock` beside `output` (nothing for standard output)."""
    if str(output) == "-" or fcntl is None:
        yield
        return
    lock = output.with_name(f".{output.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        raise coded_error("E204", path=str(output), detail=f"cannot create the lock file {str(lock)!r}: "
                                                           f"{exc.strerror or exc}") from None
    _take(fd, path=output, lock=lock)
    try:
        yield
    finally:
        try:
            lock.unlink()
        except OSError:
            pass
        os.close(fd)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold a lock on the folder itself (it must exist)."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    _take(fd, path=folder, lock=folder)
    try:
        yield
    finally:
        os.close(fd)


__all__ = ["folder_lock", "output_lock"]
