"""`extractor schema --output PATH`: write the JSON Schema of one output line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..contract.schema import output_line_schema
from ..running import AtomicLines
from . import app
from ._usage import usage_errors


def write_schema(output: Path, *, force: bool = False) -> Path:
    """Write the schema as indented JSON, atomically; CodedError E201 if `output` exists without force."""
    text = json.dumps(output_line_schema(), indent=2, ensure_ascii=False)
    with AtomicLines(output, force=force) as out:
        out.write_text(text + "\n")
    return output


@app.command("schema")
def schema_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the schema ('-': stdout).",
                                         show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Export the JSON Schema of one output line of `extractor extract`."""
    if str(output) == "-":
        typer.echo(json.dumps(output_line_schema(), indent=2, ensure_ascii=False))
        return
    with usage_errors():
        write_schema(output, force=force)
