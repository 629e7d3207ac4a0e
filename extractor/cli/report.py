"""`extractor report STORE_OR_EVENTS --output DIR`: a static review report of the events (index.html)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..reading import Format, KeyMap
from ..reporting import write_report
from . import app
from ._options import KEYS, IdKey, TextKey, TitleKey
from ._usage import usage_errors


@app.command("report")
def report_cli(
    source: Annotated[Path, typer.Argument(help="Event store (events.sqlite), events file (events.jsonl) or the "
                                                "folder of `extractor run`.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the report (index.html; created if "
                                                                "missing).", show_default=False)],
    articles: Annotated[Optional[list[Path]], typer.Option("--articles", "-a", help="The articles the claims were "
                                                           "read from, to show their sentences (repeatable).")] = None,
    claims: Annotated[Optional[Path], typer.Option(help="Claims file of an events file (default: claims.jsonl "
                                                        "beside it).")] = None,
    corrections: Annotated[Optional[Path], typer.Option(help="The corrections file the events were made with: the "
                                                             "file the report downloads keeps its lines.")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Pipeline folder whose gazetteers mark actors and places "
                                                       "(default: the packaged one).")] = None,
    id_key: IdKey = KEYS.id,
    text_key: TextKey = KEYS.text,
    title_key: TitleKey = KEYS.title,
    fmt: Annotated[Format, typer.Option("--format", help="Format of --articles; auto: from the extension.")] = "auto",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing report.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Write a review report: open OUTPUT/index.html in a browser (no server, no network needed)."""
    keys = KeyMap(id=id_key, text=text_key, title=title_key)
    with usage_errors():
        summary = write_report(source, output=output, claims=claims, articles=articles or (), keys=keys, fmt=fmt,
                               corrections=corrections, model=model, force=force)
    if not quiet:
        typer.echo(summary.format(), err=True)
