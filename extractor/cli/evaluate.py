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

from ..evaluating import read_gold, records_to_sheet_rows, score, write_sheet
from ..evaluating.scoring import headline, lookup
from ..evaluating.sheet import read_jsonl_rows
from ..outputs import atomic_writer, check_output
from ..errors import coded_error
from . import app
from ._usage import usage_errors


def _pred_paths(pred: Path, events: Path | None) -> tuple[Path, Path | None]:
    if pred.is_dir():
        claims = pred / "claims.jsonl"
        if not claims.exists():
            raise coded_error("E501", path=str(claims), detail="no claims.jsonl in the folder")
        found = pred / "events.jsonl"
        return claims, events or (found if found.exists() else None)
    return pred, events


def evaluate(pred: Path, *, gold: Path, events: Path | None = None, show_errors: int = 0) -> dict:
    """The figures of `score` for PRED (a claims file or a run folder) against `gold`."""
    claims, events = _pred_paths(pred, events)
    gold_rows = read_gold(gold)
    event_rows = list(read_jsonl_rows(events)) if events else None
    return score(gold_rows, read_jsonl_rows(claims), event_rows, show=show_errors)


def _check_bars(result: dict, mins: list[str], maxs: list[str]) -> list[str]:
    failed = []
    for specs, low in ((mins, True), (maxs, False)):
        for spec in specs:
            name, _, value = spec.partition("=")
            try:
                bar = float(value)
            except ValueError:
                raise coded_error("E503", source="--min/--max", column=name, value=value, expected="a number") from None
            node = lookup(result, name)
            if not isinstance(node, (int, float)) or (node < bar if low else node > bar):
                failed.append(f"{name}={node} {'<' if low else '>'} {value}")
    return failed


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
        failed = _check_bars(result, list(min_ or ()), list(max_ or ()))
    typer.echo(json.dumps(result, indent=2))
    summary = headline(result)
    if failed:
        typer.echo("short of the bar: " + "; ".join(failed) + " | " + summary)
        raise typer.Exit(1)
    typer.echo(summary)


def flows_sheet(pred: Path, *, output: Path, events: Path | None = None, force: bool = False) -> int:
    """Write the records of PRED as a flows sheet; returns the number of rows."""
    claims, events = _pred_paths(pred, events)
    check_output(output, force=force, inputs=(claims,))
    event_of = {}
    if events is not None:
        for row in read_jsonl_rows(events):
            for claim in row.get("claims") or ():
                event_of[str(claim)] = str(row.get("event_id", ""))
    with atomic_writer(output) as fh:
        return write_sheet(records_to_sheet_rows(read_jsonl_rows(claims), event_of=event_of), fh)


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
