"""`extractor run INPUT... --output DIR`: read, extract, reconcile into a store, export, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..reading import KeyMap
from ..running import RunOptions
from ..running.articles import DEFAULT_TIME_BUDGET
from ..running.archive import DEFAULT_SHARD_SIZE
from ..running.fullrun import FullRunSummary, run_all
from ..running.progress import Progress, make_progress
from . import app
from ._usage import usage_errors
from .extract import EngineChoice, InputFormat, _log_progress


def run(inputs: list[Path], *, output: Path, model: Path | None = None, keys: KeyMap | None = None,
        fmt: str = "auto", workers: int = 1, engine: str = "local", shard_size: int = DEFAULT_SHARD_SIZE,
        max_chars: int | None = None, prefilter: bool = True, force: bool = False,
        time_budget: float | None = DEFAULT_TIME_BUDGET, retry_failed: bool = False,
        progress: Progress | None = None, corrections: Path | None = None) -> FullRunSummary:
    """The command as a plain function (see `extractor.running.fullrun.run_all`)."""
    options = RunOptions(max_chars=max_chars, prefilter=prefilter, time_budget=time_budget or None)
    return run_all(inputs, output_dir=output, model=model, keys=keys, fmt=fmt, options=options,  # type: ignore[arg-type]
                   workers=workers, engine=engine, shard_size=shard_size, force=force,  # type: ignore[arg-type]
                   retry_failed=retry_failed, progress=progress, corrections=corrections)


@app.command("run")
def run_cli(
    inputs: Annotated[list[Path], typer.Argument(help="Articles: JSON Lines, CSV, NewsAPI .json, WARC, .html, or "
                                                      "folders of .txt/.html files.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for claims.jsonl, events.sqlite, "
                                                                "events.jsonl and events.csv (created if missing).",
                                         show_default=False)],
    model: Annotated[Optional[Path], typer.Option(help="Pipeline folder (config.cfg); default: the packaged one.")] = None,
    id_key: Annotated[str, typer.Option(help="Input key/column of the article id.")] = "id",
    text_key: Annotated[str, typer.Option(help="Input key/column of the article text.")] = "text",
    published_key: Annotated[str, typer.Option(help="Input key/column of the publication date.")] = "published",
    title_key: Annotated[str, typer.Option(help="Input key/column of the title.")] = "title",
    url_key: Annotated[str, typer.Option(help="Input key/column of the URL.")] = "url",
    outlet_key: Annotated[str, typer.Option(help="Input key/column of the outlet.")] = "outlet",
    dayfirst: Annotated[Optional[bool], typer.Option("--dayfirst/--monthfirst", help="Read all-numbers publication "
                                                     "dates as day/month/year (19/01/2026) or month/day/year; "
                                                     "default: refuse them (the order is unknown).",
                                                     show_default=False)] = None,
    corrections: Annotated[Optional[Path], typer.Option(help="Corrections file (JSON Lines), applied when "
                                                             "reconciling; run again after editing it: the run is "
                                                             "reconciled and exported again.")] = None,
    fmt: Annotated[InputFormat, typer.Option("--format", help="Input format; auto: from the extension.")] = InputFormat.auto,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes extracting at once.")] = 1,
    engine: Annotated[EngineChoice, typer.Option(help="local, or ray (extractor[ray]).")] = EngineChoice.local,
    shard_size: Annotated[int, typer.Option(min=1, help="Input items per shard.")] = DEFAULT_SHARD_SIZE,
    max_chars: Annotated[Optional[int], typer.Option(min=1, help="Longest article (title + text) read.")] = None,
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter", help="Skip articles with no exchange "
                                                                                "words before the pipeline.")] = True,
    time_budget: Annotated[float, typer.Option(min=0, help="Seconds the pipeline may spend on one article (0: no "
                                                           "limit); over it, an E020 error status.")
                           ] = DEFAULT_TIME_BUDGET,
    force: Annotated[bool, typer.Option("--force", help="Replace a finished run (or another run's files) in the "
                                                        "folder.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Extract again the articles that got an "
                                                                      "error (e.g. E020, E102), then reconcile and "
                                                                      "export afresh.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any article got an error status.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr.")] = False,
) -> None:
    """Run the whole path: read, extract, reconcile into an event store, export the events, and print a summary.

    Interrupted? Run the same command again: it goes on from the first unfinished stage."""
    if not quiet:
        _log_progress()
    keys = KeyMap(id=id_key, text=text_key, published=published_key, title=title_key, url=url_key,
                  outlet=outlet_key, dayfirst=dayfirst)
    with usage_errors():
        summary = run(inputs, output=output, model=model, keys=keys, fmt=fmt.value, workers=workers,
                      engine=engine.value, shard_size=shard_size, max_chars=max_chars, prefilter=prefilter,
                      force=force, time_budget=time_budget, retry_failed=retry_failed,
                      progress=make_progress(quiet=quiet), corrections=corrections)
    if not quiet:
        typer.echo(summary.format(), err=True)
    if strict and summary.extract.errors:
        raise typer.Exit(1)
