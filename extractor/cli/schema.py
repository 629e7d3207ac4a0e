"""`extractor schema --output PATH`: write the JSON Schema of one output line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..contract.schema import output_line_schema
from ..outputs import AtomicLines
from . import app
from ._usage import usage_errors


def _schema(which: str) -> dict:
    if which == "corrections":
        from ..correcting import corrections_schema

        return corrections_schema()
    if which == "event":
        from ..contract.events import EventRecord

        schema = EventRecord.model_json_schema(by_alias=True)
        schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
        return schema
    return output_line_schema()


def write_schema(output: Path, *, force: bool = False, which: str = "record") -> Path:
    """Write the schema as indented JSON, atomically; CodedError E201 if `output` exists without force."""
    text = json.dumps(_schema(which), indent=2, ensure_ascii=False)
    with AtomicLines(output, force=force) as out:
        out.write_text(text + "\n")
    return output


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
        typer.echo(json.dumps(_schema(which), indent=2, ensure_ascii=False))
        return
    with usage_errors():
        write_schema(output, force=force, which=which)
