"""Output files written whole or not at all: see `extractor.outputs` (one writer for every command)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..outputs import atomic_writer, check_output


def write_atomic(path: Path, write: Callable[[IO], None], *, binary: bool = False) -> None:
    with atomic_writer(path, binary=binary) as fh:
        write(fh)


__all__ = ["atomic_writer", "check_output", "write_atomic"]
