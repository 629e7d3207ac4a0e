"""`extractor extract INPUT... --output OUT.jsonl`: articles in, records and status lines out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..running.archive import extract_archive
from ..running.progress import make_progress
from . import app
from ..reading import KeyMap
from ._options import (KEYS, RUN, SHARD_SIZE, TIME_BUDGET, Engine, InputFormat, Inputs, MaxChars, Model, Oversize,
                       Prefilter, Quiet, ShardSize, Strict, TimeBudget, Workers, log_progress, run_options, with_keys)
from ._usage import usage_errors


@app.command("extract")
@with_keys
def extract_cli(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output JSON Lines file ('-': standard output; "
                                                                ".gz: compressed).", show_default=False)],
    model: Model = None,
    keys: KeyMap = KEYS,
    fmt: InputFormat = "auto",
    max_chars: MaxChars = RUN.max_chars,
    on_oversize: Oversize = RUN.on_oversize,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    prefilter: Prefilter = RUN.prefilter,
    time_budget: TimeBudget = TIME_BUDGET,
    workers: Workers = 1,
    engine: Engine = "local",
    shard_size: ShardSize = SHARD_SIZE,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Redo the finished shards (of an interrupted "
                                                                      "run, or one kept with --keep-parts; add --force "
                                                                      "if the output exists) whose articles got a "
                                                                      "pipeline error.")] = False,
    keep_parts: Annotated[bool, typer.Option("--keep-parts", help="Keep the work folder OUTPUT.parts/ after a "
                                                                  "successful run (for a later --retry-failed).")
                          ] = False,
    strict: Strict = False,
    quiet: Quiet = False,
) -> None:
    """Extract exchange records from articles: one line per record plus one status line per article.

    Work is kept in shards in OUTPUT.parts/ until the output is assembled: after an interruption, run the same command again to resume."""
    if not quiet:
        log_progress()
    options = run_options(max_chars=max_chars, on_oversize=on_oversize, force=force, prefilter=prefilter,
                          time_budget=time_budget)
    with usage_errors():
        summary = extract_archive(inputs, output=output, model=model, keys=keys, fmt=fmt, options=options,
                                  workers=workers, engine=engine, shard_size=shard_size, retry_failed=retry_failed,
                                  keep_parts=keep_parts, progress=make_progress(quiet=quiet))
    if not quiet:
        typer.echo(summary.format(), err=True)
    if strict and summary.errors:
        raise typer.Exit(1)
