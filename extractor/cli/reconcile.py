"""`extractor reconcile CLAIMS.jsonl... --output EVENTS.jsonl [--store PATH]`: claims in, canonical events out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..reconciling.engines import EngineName
from ..storing.reconcile import reconcile_files
from . import app
from ._usage import usage_errors


@app.command("reconcile")
def reconcile_cli(
    inputs: Annotated[list[Path], typer.Argument(help="Claims files written by `extractor extract` (JSON Lines).",
                                                  show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Events file (JSON Lines), one line per event.",
                                         show_default=False)],
    store: Annotated[Optional[Path], typer.Option(help="SQLite event store to reconcile into (created if missing): "
                                                       "keeps event ids across runs; the output then lists every "
                                                       "event in the store.")] = None,
    sources: Annotated[Optional[Path], typer.Option(help="Articles file (JSON Lines with id, outlet, url, "
                                                         "published) for claims whose lines lack them.")] = None,
    corrections: Annotated[Optional[Path], typer.Option(help="Corrections file (JSON Lines: reject a claim, edit a "
                                                             "claim or event, merge, split, add an event), applied "
                                                             "on top; see the codebook.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    engine: Annotated[EngineName, typer.Option(help="Where blocks of claims are clustered: local (this process) "
                                                    "or ray (extractor[ray], on the cluster of `ray.init()`); "
                                                    "the events are the same.")] = "local",
    workers: Annotated[int, typer.Option(min=1, help="Processes that cluster blocks of claims with the local "
                                                     "engine (the events are the same).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Reconcile claims from many articles into canonical events: one line per real-world occasion."""
    with usage_errors():
        summary = reconcile_files(inputs, output=output, store=store, sources=sources, corrections=corrections,
                                  force=force, engine=engine, workers=workers)
    if not quiet:
        typer.echo(summary.format(), err=True)
