"""The codebook (docs/codebook.md), generated from the pydantic models, the table columns, the actor
gazetteers and the error catalogue, so it cannot drift from the code: a test compares the committed
file with `render()`. Regenerate with `extractor codebook --output docs/codebook.md --force`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable

from pydantic import BaseModel

from .about import __version__
from .contract.events import CorrectionNote, EventFlow, EventRecord, EventSource
from .contract.records import (AgreementRecord, ArticleStatus, Category, Count, DateInterval, EvidenceSpan,
                               ExchangeRecord, Flow, Precision, Qualifier, Status, TallyRecord)
from .correcting.models import AddEvent, EditClaim, EditEvent, HandEvent, MergeEvents, RejectClaim, SplitEvent
from .errors import Errors, Warnings
from .exporting.names import actor_names
from .exporting.tables import TABLES, TIME_PRECISION

QUALIFIER_MEANING = {
    "exact": "the figure as stated: value = min = max",
    "about": "'about 40', 'some 40': value 40, no bounds",
    "over": "'over 4,800', 'more than': min = 4801",
    "at_least": "'at least 1,200': min = 1200",
    "under": "'fewer than 50', 'under': max = 49",
    "up_to": "'up to 4,500': max = 4500",
    "range": "'between 100 and 120', '100-120': min 100, max 120",
}
EXIT_CODES = (
    ("0", "the command ran (articles with an error status are counted in the summary)"),
    ("1", "`--strict` and an article got an error status; `evaluate` with a `--min`/`--max` bar not reached"),
    ("2", "bad usage or unusable input (a coded error on stderr: what, where, how to fix)"),
)


def _type(annotation: object) -> str:
    """A readable type: 'list of Flow', 'one of `a`, `b`', 'ActorId or null'."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is type(None):
        return "null"
    if origin is typing.Annotated:
        meta = " ".join(str(getattr(m, "description", "") or "") for m in annotation.__metadata__)
        return "ActorId" if "alpha-3" in meta else _type(args[0])
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type(a) for a in args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"list of {_type(args[0])}"
        return "(" + ", ".join(_type(a) for a in args) + ")"
    if origin in (list, dict):
        return f"{origin.__name__} of " + ", ".join(_type(a) for a in args)
    if annotation is typing.Any:
        return "any JSON value"
    return getattr(annotation, "__name__", str(annotation))


FIELD_NOTES = {
    "doc_id": "the article's id", "claim_id": "the record's id (the same for the same article, rules and data)",
    "evidence": "the spans of text the record rests on (offsets: see Values)", "confidence": "see Values",
    "extractor_version": "version of the tool that wrote the line", "data_version": "digest of the rule data",
    "type": "the line's type", "status": "completed or planned", "flows": "one per direction and category",
    "date": "when it happened (exchange) or was agreed (agreement)", "location": "the place named",
    "mediators": "actors said to mediate", "parties": "the parties of the agreement", "terms": "the flows agreed",
    "flow": "what the running total counts", "as_of": "the date of the running total",
    "scope": "the running total's scope as stated", "from": "actor id of the side handing over (null: not named)",
    "to": "actor id of the side receiving", "category": "what was handed over", "count": "the figure as stated",
    "value": "the figure", "min": "lowest figure the wording allows", "max": "highest figure the wording allows",
    "qualifier": "how the figure is bounded (see Values)", "start": "first day (inclusive)",
    "end": "last day (inclusive)", "precision": "how precisely the source dates it", "label": "what the span is",
    "text": "the span's text", "name": "the place as written", "country": "actor id of its country",
    "records": "records written for the article", "source": "file and line (or offset) it was read from",
    "error": "the coded error, when status is error", "note": "coded warnings and notes",
    "who": "who made the correction", "why": "the reason", "when": "when (ISO date or date-time)",
    "id": "optional id (default: a digest of the line)", "action": "the kind of correction",
    "claim": "the claim's id", "event": "the event's id (add_event: the event coded by hand)",
    "events": "the events' ids (the first keeps its id)", "claims": "claim ids",
    "field": "dotted path of the field to set, e.g. `date`, `location`, `flows.0.count`",
    "value_any": "the new value (JSON), which must leave a valid record",
    "url": "the article's URL", "event_id": "stable id: `ev-` + 16 hex digits (merged-away ids resolve in the store)",
    "kind": "exchange, agreement or tally", "sources": "the source articles, by doc id",
    "first_seen": "earliest publication date among the sources", "last_seen": "latest publication date",
    "conflicts": "disagreements between the sources", "merges": "why each claim joined the event",
    "near_misses": "candidates kept apart, with their scores", "figures": "every source's figure",
    "agreed": "false when the sources' figures are not all compatible", "claim_ids": "the claims from this article",
    "correction_id": "the correction's id", "detail": "what it changed", "outlet": "the article's outlet",
    "published": "the article's publication date as given", "people": "names of the persons handed over",
}


def _fields(model: type[BaseModel]) -> list[str]:
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        shown = info.alias or name
        note = info.description or FIELD_NOTES.get("value_any" if shown == "value" and info.annotation is typing.Any
                                                    else shown, "")
        lines.append(f"| `{shown}` | {_type(info.annotation)} | {note.replace('|', '/')} |")
    return lines


def _doc(model: type) -> str:
    return " ".join((model.__doc__ or "").split())


def _literal(values: object) -> str:
    return ", ".join(f"`{v}`" for v in typing.get_args(values))


def _section(title: str, body: Iterable[str]) -> list[str]:
    return [f"## {title}", "", *body, ""]


def render() -> str:
    out = [
        "# Codebook",
        "",
        f"Generated from extractor {__version__}'s models and data by `extractor codebook`; do not edit by hand.",
        "",
        "extractor turns news articles into records of exchange events (prisoner-of-war swaps, body repatriations,",
        "hostage and prisoner exchanges) and merges the reports of one occasion into canonical events.",
        "",
    ]
    out += _section("Values", [
        f"- categories: {_literal(Category)}",
        f"- status: {_literal(Status)} (planned covers announced, postponed and cancelled handovers)",
        f"- date precision: {_literal(Precision)}; a date is an interval `start`..`end` (both inclusive; an open end "
        "is null)",
        "- `time_precision` (tables, ACLED-style): " + ", ".join(f"{k} = {v}" for k, v in TIME_PRECISION.items()),
        "- count qualifiers:",
        *(f"  - `{q}`: {QUALIFIER_MEANING[q]}" for q in typing.get_args(Qualifier)),
        "- `best`/`low`/`high` (flows table, as UCDP): best is the value, the floor of over/at_least, the ceiling of "
        "up_to/under, the low end of a range; low and high are the bounds the wording gives",
        "- `confidence`: a rule-based score in [0, 1]: 0.4, plus 0.25 when a figure is given, plus 0.2 when the "
        "direction comes from the wording rather than from a default for the pair of sides; it orders records for "
        "review and is not a calibrated probability",
        "- evidence offsets: character offsets into the text the pipeline read: the title, two newlines, then the "
        "body (the title alone when the body already opens with it); `text[start:end]` is the evidence text",
    ])
    out += _section("Output lines of `extract`", [
        "One JSON object a line: a record (exchange, agreement, tally) or an article's status line.", "",
        "### exchange", "", *_fields(ExchangeRecord), "",
        "### agreement", "", *_fields(AgreementRecord), "",
        "### tally", "", *_fields(TallyRecord), "",
        "### article (one status line per input article)", "", *_fields(ArticleStatus), "",
        "### flow", "", _doc(Flow), "", *_fields(Flow), "",
        "### count", "", _doc(Count), "", *_fields(Count), "",
        "### date", "", *_fields(DateInterval), "",
        "### evidence span", "", _doc(EvidenceSpan), "", *_fields(EvidenceSpan),
    ])
    out += _section("Events (`reconcile` output, `events.jsonl`)", [
        _doc(EventRecord), "", *_fields(EventRecord), "",
        "### event flow", "", _doc(EventFlow), "", *_fields(EventFlow), "",
        "### event source", "", *_fields(EventSource), "",
        "### correction note", "", _doc(CorrectionNote), "", *_fields(CorrectionNote),
    ])
    tables = []
    for name, columns in TABLES.items():
        tables += [f"### {name}", "", "| column | type | meaning |", "|---|---|---|"]
        tables += [f"| `{c.name}` | {c.kind} | {c.doc.replace('|', '/')} |" for c in columns]
        tables.append("")
    out += _section("Tables (`export --table`, `run`: CSV and Parquet)", [
        "CSV lists are `; `-separated (empty items kept, so `sources` and `source_urls` stay aligned); Parquet keeps "
        "dates as dates, lists as lists and categories as dictionary columns.", "", *tables])
    actions = [RejectClaim, EditClaim, EditEvent, MergeEvents, SplitEvent, AddEvent]
    out += _section("Corrections file (`reconcile --corrections`, `run --corrections`)", [
        "JSON Lines, one action a line; every line has `who`, `why`, `when` (ISO date) and may have an `id`. Lines "
        "starting with `#` are comments. Claim corrections apply before grouping, merges and splits after it, "
        "event edits last. `extractor schema --corrections` writes the JSON Schema.", "",
        *[line for a in actions for line in (f"### `{a.model_fields['action'].default}`", "", _doc(a), "",
                                              *_fields(a), "")],
        "### hand-coded event (`add_event`'s `event`)", "", *_fields(HandEvent),
    ])
    names = actor_names()
    out += _section("Actor ids", [
        "ISO 3166-1 alpha-3 codes for states; upper-case ids for groups and organisations. Name: the first name the "
        "gazetteer lists.", "", "| id | name |", "|---|---|", *(f"| `{k}` | {names[k]} |" for k in sorted(names))])
    out += _section("Exit codes", ["| code | meaning |", "|---|---|", *(f"| {c} | {m} |" for c, m in EXIT_CODES)])
    codes = []
    for table in (Errors, Warnings):
        for code in sorted(k for k in vars(table) if k[:1] in "EW" and k[1:].isdigit()):
            codes.append(f"| {code} | {type.__getattribute__(table, code).replace('|', '/')} |")
    out += _section("Error and warning codes", ["| code | message |", "|---|---|", *codes])
    return "\n".join(out).rstrip() + "\n"
