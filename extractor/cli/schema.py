"""`extractor schema --output PATH`: write the JSON Schema of one output line (exporting/schema.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exporting.schema import schema_text, write_schema
from . import app
from ._usage import usage_errors


@app.command("schema")
def schema_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the schema ('-': stdout).",
                                         show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    corrections: Annotated[bool, typer.Option("--corrections", help="The schema of one line of a corrections file "
                                                                    "instead.")] = False,
    event: Annotated[bool, typer.Option("--event", help="The schema of one line of an events file instead.")] = False,
) -> None:
    """Export the JSON Schema of one output line of `extractor extract` (or of a corrections or events file)."""
    which = "corrections" if corrections else "event" if event else "record"
    if str(output) == "-":
        typer.echo(schema_text(which))
        return
    with usage_errors():
        write_schema(output, force=force, which=which)
