"""How every command reports bad usage: the coded message on stderr and exit status 2."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from ..errors import CodedError


@contextmanager
def usage_errors() -> Iterator[None]:
    try:
        yield
    except CodedError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from None
