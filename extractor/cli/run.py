"""`extractor run INPUT... --output DIR`: read, extract, reconcile into a store, export, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..running.fullrun import run_all
from ..running.progress import make_progress
from . import app
from ..reading import KeyMap
from ._options import (KEYS, RUN, SHARD_SIZE, TIME_BUDGET, Engine, InputFormat, Inputs, MaxChars, Model, Oversize,
                       Prefilter, Quiet, ShardSize, Strict, TimeBudget, Workers, log_progress, run_options, with_keys)
from ._usage import usage_errors


@app.command("run")
@with_keys
def run_cli(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for claims.jsonl, events.sqlite, "
                                                                "events.jsonl and events.csv (created if missing).",
                                         show_default=False)],
    model: Model = None,
    keys: KeyMap = KEYS,
    corrections: Annotated[Optional[Path], typer.Option(help="Corrections file (JSON Lines), applied when "
                                                             "reconciling; run again after editing it: the run is "
                                                             "reconciled and exported again.")] = None,
    fmt: InputFormat = "auto",
    workers: Workers = 1,
    engine: Engine = "local",
    shard_size: ShardSize = SHARD_SIZE,
    max_chars: MaxChars = RUN.max_chars,
    on_oversize: Oversize = RUN.on_oversize,
    prefilter: Prefilter = RUN.prefilter,
    time_budget: TimeBudget = TIME_BUDGET,
    force: Annotated[bool, typer.Option("--force", help="Replace a finished run (or another run's files) in the "
                                                        "folder.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Extract again the articles that got an "
                                                                      "error (e.g. E020, E102), then reconcile and "
                                                                      "export afresh.")] = False,
    strict: Strict = False,
    quiet: Quiet = False,
) -> None:
    """Run the whole path: read, extract, reconcile into an event store, export the events, and print a summary.

    Interrupted? Run the same command again: it goes on from the first unfinished stage."""
    if not quiet:
        log_progress()
    options = run_options(max_chars=max_chars, on_oversize=on_oversize, force=False, prefilter=prefilter,
                          time_budget=time_budget)
    with usage_errors():
        summary = run_all(inputs, output_dir=output, model=model, keys=keys, fmt=fmt, options=options,
                          workers=workers, engine=engine, shard_size=shard_size, force=force,
                          retry_failed=retry_failed, progress=make_progress(quiet=quiet), corrections=corrections)
    if not quiet:
        typer.echo(summary.format(), err=True)
    if strict and summary.extract.errors:
        raise typer.Exit(1)
