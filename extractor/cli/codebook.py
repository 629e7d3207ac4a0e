"""`extractor codebook --output docs/codebook.md`: write the codebook generated from the models and data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..outputs import atomic_writer, check_output
from . import app
from ._usage import usage_errors


@app.command("codebook")
def codebook_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="Markdown file ('-': stdout).", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the codebook: record fields, event fields, table columns, actor ids, values, exit and error codes."""
    from ..codebook import render

    text = render()
    if str(output) == "-":
        typer.echo(text, nl=False)
        return
    with usage_errors():
        check_output(output, force=force)
        with atomic_writer(output) as fh:
            fh.write(text)
