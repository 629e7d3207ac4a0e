"""`extractor extract INPUT... --output OUT.jsonl`: articles in, records and status lines out."""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..reading import KeyMap
from ..running import RunOptions, RunSummary
from ..running.articles import DEFAULT_TIME_BUDGET
from ..running.archive import DEFAULT_SHARD_SIZE, extract_archive
from ..running.progress import Progress, make_progress
from . import app
from ._usage import usage_errors


class InputFormat(str, Enum):
    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"
    txt = "txt"
    html = "html"
    newsapi = "newsapi"
    warc = "warc"


class Oversize(str, Enum):
    truncate = "truncate"
    skip = "skip"


class EngineChoice(str, Enum):
    local = "local"
    ray = "ray"


def extract(
    inputs: list[Path],
    *,
    output: Path,
    model: Path | None = None,
    keys: KeyMap | None = None,
    fmt: str = "auto",
    max_chars: int | None = None,
    on_oversize: str = "truncate",
    force: bool = False,
    prefilter: bool = True,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    workers: int = 1,
    engine: str = "local",
    shard_size: int = DEFAULT_SHARD_SIZE,
    retry_failed: bool = False,
    keep_parts: bool = False,
    progress: Progress | None = None,
) -> RunSummary:
    """The command as a plain function (see `extractor.running.archive.extract_archive`)."""
    options = RunOptions(max_chars=max_chars, on_oversize=on_oversize, force=force,  # type: ignore[arg-type]
                         prefilter=prefilter, time_budget=time_budget or None)
    return extract_archive(inputs, output=output, model=model, keys=keys or KeyMap(), fmt=fmt,  # type: ignore[arg-type]
                           options=options, workers=workers, engine=engine, shard_size=shard_size,  # type: ignore[arg-type]
                           retry_failed=retry_failed, keep_parts=keep_parts, progress=progress)


def _log_progress() -> None:
    """Progress lines of the runner (logger 'extractor.running') to stderr, once."""
    logger = logging.getLogger("extractor.running")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler())
    logger.setLevel(logging.INFO)


class _EchoHandler(logging.Handler):
    """Writes to whatever stderr is current (CliRunner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(record.getMessage(), err=True)


@app.command("extract")
def extract_cli(
    inputs: Annotated[list[Path], typer.Argument(help="JSON Lines (.jsonl, .jsonl.gz), CSV, NewsAPI .json, WARC (.warc, "
                                                            ".warc.gz), .html, or folders of .txt/.html files.",
                                                  show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output JSON Lines file.", show_default=False)],
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
    fmt: Annotated[InputFormat, typer.Option("--format", help="Input format; auto: from the extension.")] = InputFormat.auto,
    max_chars: Annotated[Optional[int], typer.Option(min=1, help="Longest article (title + text) read.")] = None,
    on_oversize: Annotated[Oversize, typer.Option(help="What to do with a longer article.")] = Oversize.truncate,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter",
                                            help="Skip articles with no word of swaps, releases, captives or "
                                                 "bodies before the pipeline (a 'skipped' status line says so).")
                         ] = True,
    time_budget: Annotated[float, typer.Option(min=0, help="Seconds the pipeline may spend on one article before "
                                                           "it is stopped with an E020 error status (0: no limit).")
                           ] = DEFAULT_TIME_BUDGET,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes extracting at once: this one "
                                                                        "(which also reads the input) and N-1 forked "
                                                                        "from it, holding the pipeline it loaded.")
                       ] = 1,
    engine: Annotated[EngineChoice, typer.Option(help="local: this machine; ray: Ray Data actors (extractor[ray]), "
                                                      "on the cluster of `ray.init()`.")] = EngineChoice.local,
    shard_size: Annotated[int, typer.Option(min=1, help="Input items per shard (the unit of resuming).")
                          ] = DEFAULT_SHARD_SIZE,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Redo the finished shards (of an interrupted "
                                                                      "run, or one kept with --keep-parts; add --force "
                                                                      "if the output exists) whose articles got a "
                                                                      "pipeline error.")] = False,
    keep_parts: Annotated[bool, typer.Option("--keep-parts", help="Keep the work folder OUTPUT.parts/ after a "
                                                                  "successful run (for a later --retry-failed).")
                          ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any article got an error status.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr.")] = False,
) -> None:
    """Extract exchange records from articles: one line per record plus one status line per article.

    Work is kept in shards in OUTPUT.parts/ until the output is assembled: after an interruption, run the same command again to resume."""
    if not quiet:
        _log_progress()
    keys = KeyMap(id=id_key, text=text_key, published=published_key, title=title_key, url=url_key,
                  outlet=outlet_key, dayfirst=dayfirst)
    with usage_errors():
        summary = extract(inputs, output=output, model=model, keys=keys, fmt=fmt.value, max_chars=max_chars,
                          on_oversize=on_oversize.value, force=force, prefilter=prefilter, time_budget=time_budget,
                          workers=workers,
                          engine=engine.value, shard_size=shard_size, retry_failed=retry_failed,
                          keep_parts=keep_parts, progress=make_progress(quiet=quiet))
    if not quiet:
        typer.echo(summary.format(), err=True)
    if strict and summary.errors:
        raise typer.Exit(1)
