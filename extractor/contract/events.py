"""Canonical events: the reconciler's output lines, one per real-world occasion.

An event groups the claims (exchange, agreement or tally records from one or many
articles) that report the same occasion, keeps every source's figure beside the chosen
one, and lists the disagreements, the reasons for every merge and the near-misses that
were kept apart. Import from `extractor.contract.events` directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import ContractModel
from .records import ActorId, Category, Count, DateInterval, Location, Status

EventKind = Literal["exchange", "agreement", "tally"]
ConflictKind = Literal[
    "count",  # sources give different figures for one flow
    "date",  # sources give dates that do not overlap (merged on other evidence)
    "status",  # planned and completed reports of one occasion
    "location",  # sources name different places
    "tally_decrease",  # a later running total is lower than an earlier one
    "tally_exceeded",  # events dated up to a tally's date sum beyond it
]


class SourceMeta(ContractModel):
    """Where a claim was read: the article's outlet, URL and publication date, when known."""

    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="as given by the article: YYYY-MM-DD, YYYY-MM or YYYY")


class EventSource(ContractModel):
    doc_id: str
    claim_ids: tuple[str, ...]
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


class Figure(ContractModel):
    """One source's figure for a flow."""

    claim_id: str
    doc_id: str
    count: Count | None = None


class EventFlow(ContractModel):
    """One direction and category of the merged occasion: the chosen figure and every source's figure."""

    from_: ActorId | None = Field(default=None, alias="from")
    to: ActorId | None = None
    category: Category
    count: Count | None = Field(default=None, description="the chosen figure: the one most sources give, earliest claim on a tie")
    figures: tuple[Figure, ...] = ()
    agreed: bool = Field(default=True, description="False when the sources' figures are not all compatible")


class Conflict(ContractModel):
    kind: ConflictKind
    detail: str
    claim_ids: tuple[str, ...] = ()


class MergeReason(ContractModel):
    """Why a claim (or a group of claims) was joined to the event: the pair that linked it and the evidence."""

    claim_id: str
    linked_to: str
    score: float
    reasons: tuple[str, ...]
    stage: Literal["pairwise", "anchored", "linked"] = "pairwise"


class NearMiss(ContractModel):
    """A candidate pair that scored some evidence of being the same occasion but was kept apart."""

    claim_id: str
    other_claim_id: str
    other_event_id: str
    score: float
    reasons: tuple[str, ...]
    blocked_by: str | None = Field(default=None, description="the constraint that kept them apart, if not the score")


class CorrectionNote(ContractModel):
    """A hand correction that changed the event (from the corrections file): which one, by whom, why."""

    correction_id: str
    action: str
    who: str
    why: str
    when: str
    detail: str = ""


class EventRecord(ContractModel):
    """One canonical event: an exchange occasion, an agreement, or a running total."""

    type: Literal["event"] = "event"
    event_id: str = Field(pattern=r"^ev-[0-9a-f]{16}(-\d+)?$")
    kind: EventKind
    claims: tuple[str, ...] = Field(min_length=1)
    status: Status | None = Field(default=None, description="exchange: completed if any source reports it done")
    parties: tuple[ActorId, ...] = ()
    flows: tuple[EventFlow, ...] = Field(default=(), description="exchange flows, agreement terms, or the tally's flow")
    date: DateInterval | None = Field(default=None, description="narrowed to the overlap of the agreeing sources' dates")
    location: Location | None = None
    agreement: str | None = Field(default=None, description="event id of the agreement this exchange executes")
    executed_by: tuple[str, ...] = Field(default=(), description="agreement: event ids of exchanges said to execute it")
    part_of: str | None = Field(default=None, description="exchange: event id of the multi-day swap this single day is a stage of")
    parts: tuple[str, ...] = Field(default=(), description="exchange: event ids of the single-day stages of this multi-day swap")
    mediators: tuple[ActorId, ...] = ()
    scope: str | None = Field(default=None, description="tally: the scope as its sources state it")
    sources: tuple[EventSource, ...] = ()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    conflicts: tuple[Conflict, ...] = ()
    merges: tuple[MergeReason, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    corrections: tuple[CorrectionNote, ...] = Field(default=(), description="hand corrections applied to the event")
