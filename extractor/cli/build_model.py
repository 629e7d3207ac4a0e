"""`extractor build-model --output models/exchange_en [--force]`: the default pipeline as a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..modelbuild import build_model
from . import app
from ._usage import usage_errors

__all__ = ["build_model", "build_model_cli"]


@app.command("build-model")
def build_model_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="Pipeline folder to write (config.cfg, meta.json, "
                                                               "rule data, tokenizer, vocab).", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing pipeline folder.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Write the packaged default pipeline as a folder that `spacy.load` and `extract --model` read."""
    with usage_errors():
        folder = build_model(output, force=force)
    if not quiet:
        typer.echo(f"Pipeline written to {folder}", err=True)
