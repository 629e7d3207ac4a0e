"""Output files written whole or not at all: a temporary file in the same folder, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..reading.items import coded_error


def check_output(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse to overwrite without `force`, and never write over an input."""
    if path.exists() and not force:
        raise coded_error("E201", path=str(path))
    for p in inputs:
        try:
            if path.exists() and p.exists() and os.path.samefile(path, p):
                raise coded_error("E203", path=str(path))
        except OSError:
            continue


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False) -> Iterator[IO]:
    """Yields a file handle; on success the file replaces `path` in one step, on error `path` is untouched."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise coded_error("E204", path=str(path), detail=err.strerror or str(err)) from None
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: Path, write: Callable[[IO], None], *, binary: bool = False) -> None:
    with atomic_writer(path, binary=binary) as fh:
        write(fh)
