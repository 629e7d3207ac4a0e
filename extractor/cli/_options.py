"""Options that several commands share, each declared once; their defaults come from the library.

    @app.command("extract")
    @with_keys                      # --id-key ... --dayfirst, handed to the command as `keys: KeyMap`
    def extract_cli(inputs: Inputs, model: Model = None, keys: KeyMap = KEYS, max_chars: MaxChars = RUN.max_chars, ...)

A command's signature names the option type and the library's own default, so `extract` and
`run` cannot drift apart, and a default changed in the library is the default of every command.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..reading import Format, KeyMap
from ..running.archive import DEFAULT_SHARD_SIZE, EngineName
from ..running.articles import DEFAULT_TIME_BUDGET, OnOversize, RunOptions

KEYS = KeyMap()
RUN = RunOptions()
SHARD_SIZE = DEFAULT_SHARD_SIZE
TIME_BUDGET = DEFAULT_TIME_BUDGET

Inputs = Annotated[list[Path], typer.Argument(help="Articles: JSON Lines (.jsonl, .jsonl.gz), CSV, NewsAPI .json, "
                                                   "WARC (.warc, .warc.gz), .html, or folders of .txt/.html files "
                                                   "('-': standard input).", show_default=False)]
Model = Annotated[Optional[Path], typer.Option(help="Pipeline folder (config.cfg); default: the packaged one.")]
IdKey = Annotated[str, typer.Option(help="Input key/column of the article id.")]
TextKey = Annotated[str, typer.Option(help="Input key/column of the article text.")]
PublishedKey = Annotated[str, typer.Option(help="Input key/column of the publication date.")]
TitleKey = Annotated[str, typer.Option(help="Input key/column of the title.")]
UrlKey = Annotated[str, typer.Option(help="Input key/column of the URL.")]
OutletKey = Annotated[str, typer.Option(help="Input key/column of the outlet.")]
DayFirst = Annotated[Optional[bool], typer.Option("--dayfirst/--monthfirst", help="Read all-numbers publication dates "
                                                  "as day/month/year (19/01/2026) or month/day/year; default: refuse "
                                                  "them (the order is unknown).", show_default=False)]
InputFormat = Annotated[Format, typer.Option("--format", help="Input format; auto: from the extension.")]
MaxChars = Annotated[Optional[int], typer.Option(min=1, help="Longest article (title + text) read.")]
Oversize = Annotated[OnOversize, typer.Option(help="What to do with a longer article.")]
Prefilter = Annotated[bool, typer.Option("--prefilter/--no-prefilter",
                                         help="Skip articles with no word of swaps, releases, captives or bodies "
                                              "before the pipeline (a 'skipped' status line says so).")]
TimeBudget = Annotated[float, typer.Option(min=0, help="Seconds the pipeline may spend on one article before it is "
                                                       "stopped with an E020 error status (0: no limit).")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes extracting at once: this one (which "
                                                                     "also reads the input) and N-1 forked from it, "
                                                                     "holding the pipeline it loaded.")]
Engine = Annotated[EngineName, typer.Option(help="local: this machine; ray: Ray Data actors (extractor[ray]), on the "
                                                 "cluster of `ray.init()`.")]
ShardSize = Annotated[int, typer.Option(min=1, help="Input items per shard (the unit of resuming).")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit 1 if any article got an error status.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr.")]


# (option parameter, its type, the KeyMap field it fills): the input mapping of `extract` and `run`
KEY_OPTIONS = (("id_key", IdKey, "id"), ("text_key", TextKey, "text"), ("published_key", PublishedKey, "published"),
               ("title_key", TitleKey, "title"), ("url_key", UrlKey, "url"), ("outlet_key", OutletKey, "outlet"),
               ("dayfirst", DayFirst, "dayfirst"))


def with_keys(command: Callable[..., None]) -> Callable[..., None]:
    """The input-mapping options (--id-key ... --outlet-key, --dayfirst/--monthfirst), declared once: they
    take the place of the command's `keys` parameter in its signature, and the command is called
    with `keys=KeyMap(...)` built from them (defaults: KeyMap's own)."""
    signature = inspect.signature(command, eval_str=True)
    params = list(signature.parameters.values())
    at = [p.name for p in params].index("keys")
    added = [inspect.Parameter(name, params[at].kind, annotation=kind, default=getattr(KEYS, field))
             for name, kind, field in KEY_OPTIONS]
    params[at:at + 1] = added

    @functools.wraps(command)
    def run(**given: object) -> None:
        keys = KeyMap(**{field: given.pop(name) for name, _, field in KEY_OPTIONS})  # type: ignore[arg-type]
        return command(keys=keys, **given)

    run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


def run_options(*, max_chars: int | None, on_oversize: OnOversize, force: bool, prefilter: bool,
                time_budget: float) -> RunOptions:
    return RunOptions(max_chars=max_chars, on_oversize=on_oversize, force=force, prefilter=prefilter,
                      time_budget=time_budget or None)


def log_progress() -> None:
    """Progress lines of the runner (logger 'extractor.running') to stderr, once."""
    logger = logging.getLogger("extractor.running")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler())
    logger.setLevel(logging.INFO)


class _EchoHandler(logging.Handler):
    """Writes to whatever stderr is current (CliRunner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(record.getMessage(), err=True)
