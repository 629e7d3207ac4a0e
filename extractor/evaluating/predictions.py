"""Scoring a prediction (a claims file from `extractor extract`, or a folder from `extractor run`) and
writing it as a flows sheet: what `extractor evaluate` and `extractor flows-sheet` do."""

from __future__ import annotations

from pathlib import Path

from ..errors import coded_error
from ..outputs import atomic_writer, check_output
from .scoring import lookup, score
from .sheet import read_gold, read_jsonl_rows, records_to_sheet_rows, write_sheet


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


def short_of_bars(result: dict, *, mins: list[str], maxs: list[str]) -> list[str]:
    """The bars `result` misses, as text: each of `mins` ('METRIC=VALUE') it does not reach, each of
    `maxs` it exceeds. CodedError E503 for a VALUE that is not a number."""
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


__all__ = ["evaluate", "flows_sheet", "short_of_bars"]
