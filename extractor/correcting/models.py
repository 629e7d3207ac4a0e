"""The corrections file's lines as pydantic models: a tagged union on `action`.

    {"action": "reject_claim", "claim": "CLAIM_ID", "who": "...", "why": "...", "when": "2026-05-01"}
    {"action": "edit_claim", "claim": "CLAIM_ID", "field": "flows.0.count", "value": {...}, "who": ..., ...}
    {"action": "edit_event", "event": "EVENT_ID", "field": "date", "value": {...}, "who": ..., ...}
    {"action": "merge_events", "events": ["EVENT_ID", "EVENT_ID"], "who": ..., ...}
    {"action": "split_event", "event": "EVENT_ID", "claims": ["CLAIM_ID"], "who": ..., ...}
    {"action": "add_event", "event": {"status": ..., "date": ..., "flows": [...]}, "who": ..., ...}

`field` is a dotted path into the record or event as written to the output (list items by index:
`flows.0.count`); `value` replaces what is there and must leave a valid record. `id` is optional:
by default a correction's id is a digest of its line, so an unchanged line keeps its id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated, Any, Literal, Union

from pydantic import Field, TypeAdapter

from ..contract.base import ContractModel
from ..contract.records import ActorId, DateInterval, Flow, Location, Status

NO_EDIT = ("type", "event_id", "claim_id", "doc_id", "claims", "kind", "corrections")


class CorrectionBase(ContractModel):
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.:-]{1,64}$",
                           description="optional; by default a digest of the line")
    who: str = Field(min_length=1, description="who made the correction (name or initials)")
    why: str = Field(min_length=1, description="the reason, for the record")
    when: dt.date | dt.datetime = Field(description="when it was made (ISO date or date-time)")


class RejectClaim(CorrectionBase):
    """The claim is wrong (not an exchange, a misread figure...): it is left out of every event."""

    action: Literal["reject_claim"] = "reject_claim"
    claim: str = Field(min_length=1, description="claim id")


class EditClaim(CorrectionBase):
    """Set one field of a claim before claims are grouped (e.g. a misread date or figure)."""

    action: Literal["edit_claim"] = "edit_claim"
    claim: str = Field(min_length=1)
    field: str = Field(min_length=1, description="dotted path, e.g. 'status', 'date', 'flows.0.count'")
    value: Any = None


class EditEvent(CorrectionBase):
    """Set one field of an event after grouping (e.g. its date, location or chosen figure)."""

    action: Literal["edit_event"] = "edit_event"
    event: str = Field(min_length=1, description="event id")
    field: str = Field(min_length=1, description="dotted path, e.g. 'date', 'location', 'flows.0.count'")
    value: Any = None


class MergeEvents(CorrectionBase):
    """These events report one occasion: their claims form one event, which keeps the first id."""

    action: Literal["merge_events"] = "merge_events"
    events: tuple[str, ...] = Field(min_length=2)


class SplitEvent(CorrectionBase):
    """These claims report another occasion than the rest of the event: they become an event of their own."""

    action: Literal["split_event"] = "split_event"
    event: str = Field(min_length=1)
    claims: tuple[str, ...] = Field(min_length=1)


class HandEvent(ContractModel):
    """An exchange coded by hand, with the source it was read in."""

    status: Status = "completed"
    date: DateInterval | None = None
    flows: tuple[Flow, ...] = Field(min_length=1)
    location: Location | None = None
    mediators: tuple[ActorId, ...] = ()
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


class AddEvent(CorrectionBase):
    """An exchange the extractor missed: it enters as a claim of its own (doc and claim id
    `correction:<id>`) and is grouped with the extracted reports of the same occasion, if any."""

    action: Literal["add_event"] = "add_event"
    event: HandEvent


Correction = Annotated[Union[RejectClaim, EditClaim, EditEvent, MergeEvents, SplitEvent, AddEvent],
                       Field(discriminator="action")]
CORRECTION = TypeAdapter(Correction)


class CorrectionLine:
    """A correction with its id and the place it was read from."""

    __slots__ = ("correction", "id", "source")

    def __init__(self, correction: Any, *, source: str = "") -> None:
        self.correction = correction
        self.source = source
        self.id = correction.id or default_id(correction)

    @property
    def action(self) -> str:
        return self.correction.action

    def __repr__(self) -> str:
        return f"CorrectionLine({self.id!r}, {self.action!r}, {self.source!r})"


def default_id(correction: Any) -> str:
    body = correction.model_dump(mode="json", by_alias=True, exclude={"id"})
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "cx-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def corrections_schema() -> dict:
    """JSON Schema of one line of the corrections file."""
    schema = CORRECTION.json_schema(by_alias=True)
    schema["title"] = "extractor correction (one line of a corrections file)"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
