"""`extractor export STORE --format jsonl|csv|parquet --output PATH`: the events of a store as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exporting import ExportFormat, export_store
from . import app
from ._usage import usage_errors


@app.command("export")
def export_cli(
    store: Annotated[Path, typer.Argument(help="Event store written by `extractor reconcile --store`.",
                                          show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file.", show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl: one event a line; csv: ACLED-like columns; "
                                                              "parquet: the same columns (needs pyarrow).")
                   ] = "jsonl",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Export the events of a store as JSON Lines, CSV or Parquet."""
    with usage_errors():
        summary = export_store(store, fmt=fmt, output=output, force=force)
    if not quiet:
        typer.echo(summary.format(), err=True)
