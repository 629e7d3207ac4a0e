"""`reconciling.construct.made` builds what pydantic's `model_construct` builds, for every model the reconciler makes."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.contract.events import Conflict, EventFlow, EventRecord, EventSource, Figure, MergeReason, NearMiss
from extractor.contract.records import Count, DateInterval, Location
from extractor.reconciling.construct import made

COUNT = Count.model_construct(value=12, min=12, max=12, qualifier="exact")
CASES = [
    (Count, {"value": 40, "min": 40, "max": 40, "qualifier": "exact"}),
    (Count, {"min": 5, "qualifier": "at_least"}),
    (Figure, {"claim_id": "c-1", "doc_id": "d-1", "count": COUNT}),
    (Figure, {"claim_id": "c-2", "doc_id": "d-2"}),
    (EventFlow, {"from_": "ARM", "to": "AZE", "category": "pows", "count": COUNT, "figures": (), "agreed": True}),
    (EventFlow, {"from": "AZE", "to": "ARM", "category": "bodies"}),
    (Conflict, {"kind": "count", "detail": "ARM->AZE pows: 12 (1 report), 14 (1 report)", "claim_ids": ("c-1", "c-2")}),
    (Conflict, {"kind": "date", "detail": "sources give 2019-03-02, 2019-03-04"}),
    (DateInterval, {"start": dt.date(2019, 3, 2), "end": dt.date(2019, 3, 2), "precision": "day"}),
    (DateInterval, {"precision": "year"}),
    (Location, {"name": "a border crossing", "country": "GEO"}),
    (Location, {"name": "a border crossing"}),
    (EventSource, {"doc_id": "d-1", "claim_ids": ("c-1",), "outlet": "an outlet", "url": None, "published": "2019-03-03"}),
    (MergeReason, {"claim_id": "c-2", "linked_to": "c-1", "score": 5.5, "reasons": ("same day",), "stage": "pairwise"}),
    (NearMiss, {"claim_id": "c-1", "other_claim_id": "c-3", "other_event_id": "ev-2", "score": 1.0,
                "reasons": ("figures differ",), "blocked_by": None}),
    (EventRecord, {"type": "event", "event_id": "ev-1", "kind": "exchange", "claims": ("c-1", "c-2"),
                   "status": "completed", "parties": ("ARM", "AZE"), "mediators": (), "conflicts": ()}),
    (EventRecord, {"event_id": "ev-2", "kind": "tally", "claims": ("c-9",)}),
]


@pytest.mark.parametrize(("model", "values"), CASES, ids=[f"{m.__name__}-{n}" for n, (m, _) in enumerate(CASES)])
def test_made_is_model_construct(model, values):
    ours, theirs = made(model, **values), model.model_construct(**values)
    assert type(ours) is type(theirs)
    assert ours == theirs
    assert ours.__dict__ == theirs.__dict__ and list(ours.__dict__) == list(theirs.__dict__)
    assert ours.model_fields_set == theirs.model_fields_set
    assert ours.model_dump_json(by_alias=True) == theirs.model_dump_json(by_alias=True)
    assert ours.model_copy(update={}) == theirs.model_copy(update={})
