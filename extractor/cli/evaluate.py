"""`extractor evaluate PRED --gold GOLD` and `extractor flows-sheet PRED --output SHEET.csv`.

PRED is a claims file written by `extractor extract` or a folder written by `extractor run`
(its claims.jsonl and events.jsonl are read). Gold is JSON Lines (`{"doc_id", "records"}` per
article) or a flows sheet (CSV, one row per flow), such as one written by `flows-sheet` and
corrected by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..evaluating.predictions import evaluate, flows_sheet, short_of_bars
from ..evaluating.scoring import headline
from . import app
from ._usage import usage_errors


@app.command("evaluate")
def evaluate_cli(
    pred: Annotated[Path, typer.Argument(help="Claims file from `extractor extract`, or a folder from `extractor run`.",
                                         show_default=False)],
    gold: Annotated[Path, typer.Option(help="Hand-coded gold: JSON Lines ({doc_id, records} per article) or a flows "
                                            "sheet (.csv, one row per flow).", show_default=False)],
    events: Annotated[Optional[Path], typer.Option(help="Events file from `extractor reconcile` (scores "
                                                        "reconciliation); default: events.jsonl of a run folder.")] = None,
    show_errors: Annotated[int, typer.Option(min=0, metavar="N", help="List up to N articles with differences.")] = 0,
    min_: Annotated[Optional[list[str]], typer.Option("--min", metavar="METRIC=VALUE",
                                                      help="Exit 1 unless METRIC (e.g. exchange_flows.f1) reaches "
                                                           "VALUE.")] = None,
    max_: Annotated[Optional[list[str]], typer.Option("--max", metavar="METRIC=VALUE",
                                                      help="Exit 1 if METRIC exceeds VALUE.")] = None,
) -> None:
    """Score predictions against a hand-coded sample: the figures as JSON on stdout, a summary line after it."""
    with usage_errors():
        result = evaluate(pred, gold=gold, events=events, show_errors=show_errors)
        failed = short_of_bars(result, mins=list(min_ or ()), maxs=list(max_ or ()))
    typer.echo(json.dumps(result, indent=2))
    summary = headline(result)
    if failed:
        typer.echo("short of the bar: " + "; ".join(failed) + " | " + summary)
        raise typer.Exit(1)
    typer.echo(summary)


@app.command("flows-sheet")
def flows_sheet_cli(
    pred: Annotated[Path, typer.Argument(help="Claims file from `extractor extract`, or a folder from `extractor run`.",
                                         show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="CSV file, one row per flow.", show_default=False)],
    events: Annotated[Optional[Path], typer.Option(help="Events file: fills the `event` column with event ids.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Write predictions as a flows sheet (CSV, one row per flow) to correct by hand and use as --gold."""
    with usage_errors():
        n = flows_sheet(pred, output=output, events=events, force=force)
    if not quiet:
        typer.echo(f"{n} row(s) written to {output}", err=True)
