"""The record contract: pydantic models validate what the evaluation contract demands and refuse the rest."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import TypeAdapter, ValidationError

from extractor.contract import (
    AgreementRecord,
    Article,
    ArticleStatus,
    Count,
    DateInterval,
    EvidenceSpan,
    ExchangeRecord,
    Flow,
    Location,
    OutputLine,
    PartialDate,
    Record,
    TallyRecord,
    leading_day,
)
from extractor.contract.records import ErrorInfo

# --- Count ---------------------------------------------------------------------------------------

VALID_COUNTS = [
    dict(value=1000, min=1000, max=1000, qualifier="exact"),
    dict(value=0, min=0, max=0),  # qualifier defaults to exact
    dict(value=None, min=4801, max=None, qualifier="over"),
    dict(min=19, qualifier="at_least"),
    dict(max=6000, qualifier="up_to"),
    dict(max=99, qualifier="under"),
    dict(value=300, qualifier="about"),
    dict(min=80, max=90, qualifier="range"),
    dict(min=5, max=5, qualifier="range"),
]

INVALID_COUNTS = [
    (dict(value=5, qualifier="exact"), "exact needs min and max"),
    (dict(value=5, min=5, max=6, qualifier="exact"), "exact needs value == max"),
    (dict(value=5, min=4, max=5), "exact needs value == min"),
    (dict(min=None, max=None, qualifier="exact"), "exact needs a value"),
    (dict(qualifier="over"), "over needs min"),
    (dict(max=10, qualifier="over"), "over needs min, not max"),
    (dict(qualifier="at_least"), "at_least needs min"),
    (dict(qualifier="up_to"), "up_to needs max"),
    (dict(min=3, qualifier="under"), "under needs max"),
    (dict(qualifier="about"), "about needs a value"),
    (dict(min=90, max=80, qualifier="range"), "range needs min <= max"),
    (dict(min=80, qualifier="range"), "range needs max"),
    (dict(max=80, qualifier="range"), "range needs min"),
    (dict(value=-1, min=-1, max=-1), "negative exact"),
    (dict(min=-5, qualifier="over"), "negative min"),
    (dict(max=-5, qualifier="up_to"), "negative max"),
    (dict(value=-300, qualifier="about"), "negative about"),
    (dict(value=5, min=5, max=5, qualifier="roughly"), "unknown qualifier"),
    (dict(value=5, min=5, max=5, extra=1), "unknown key"),
]


@pytest.mark.parametrize("fields", VALID_COUNTS, ids=[str(f) for f in VALID_COUNTS])
def test_valid_counts(fields):
    count = Count(**fields)
    assert Count.model_validate_json(count.model_dump_json()) == count


@pytest.mark.parametrize(("fields", "why"), INVALID_COUNTS, ids=[w for _, w in INVALID_COUNTS])
def test_invalid_counts(fields, why):
    with pytest.raises(ValidationError):
        Count(**fields)


def test_count_exact_constructor():
    assert Count.exact(84) == Count(value=84, min=84, max=84, qualifier="exact")
    with pytest.raises(ValidationError):
        Count.exact(-1)


# --- Flow ----------------------------------------------------------------------------------------


def test_flow_serialises_from_by_alias():
    flow = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows", "count": None})
    assert flow.from_ == "RUS"
    dumped = flow.model_dump(by_alias=True)
    assert "from" in dumped and "from_" not in dumped
    assert json.loads(flow.model_dump_json(by_alias=True))["from"] == "RUS"
    assert Flow.model_validate(dumped) == flow


def test_flow_accepts_field_name_too():
    assert Flow(from_="RUS", category="bodies").from_ == "RUS"


@pytest.mark.parametrize("people", [(), ("Olga Brandt",), ("Olga Brandt", "Tomas Riel")], ids=["none", "one", "two"])
def test_flow_people_round_trip_and_left_out_when_empty(people):
    flow = Flow.model_validate({"from": "BLR", "to": "LTU", "category": "prisoners", "people": list(people)})
    assert flow.people == people
    dumped = flow.model_dump(mode="json", by_alias=True, exclude_none=False)
    assert ("people" in dumped) == bool(people)
    assert json.loads(flow.model_dump_json(by_alias=True)).get("people", []) == list(people)
    assert Flow.model_validate(dumped) == flow


def test_flow_without_people_serialises_as_before():
    flow = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows", "count": None})
    assert flow.model_dump_json(by_alias=True) == '{"from":"RUS","to":"UKR","category":"pows","count":null}'


@pytest.mark.parametrize(
    "data",
    [
        {"from": "rus", "category": "pows"},  # actor ids are upper case
        {"from": "R", "category": "pows"},  # too short
        {"from": "RUSSIAN_FEDERATION_X", "category": "pows"},  # too long
        {"to": "UKR", "category": "soldiers"},  # not a category
        {"to": "UKR"},  # category required
        {"to": "UKR", "category": "pows", "via": "TUR"},  # unknown key
        {"to": "USA", "category": "prisoners", "people": [""]},  # empty name
        {"to": "USA", "category": "prisoners", "people": "Olga Brandt"},  # a name, not a list
    ],
    ids=["lower-case-actor", "short-actor", "long-actor", "bad-category", "no-category", "extra-key", "empty-name",
         "name-not-list"],
)
def test_invalid_flows(data):
    with pytest.raises(ValidationError):
        Flow.model_validate(data)


# --- DateInterval --------------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (D(2025, 6, 1), D(2025, 6, 10), True),
        (D(2025, 6, 9), D(2025, 6, 9), True),
        (None, D(2025, 6, 15), True),
        (D(2025, 6, 15), None, True),
        (D(2025, 6, 10), D(2025, 6, 1), False),
        (None, None, False),
    ],
    ids=["ordered", "one-day", "open-start", "open-end", "reversed", "empty"],
)
def test_date_interval_ordering(start, end, ok):
    if ok:
        interval = DateInterval(start=start, end=end, precision="month")
        assert DateInterval.model_validate_json(interval.model_dump_json()) == interval
    else:
        with pytest.raises(ValidationError):
            DateInterval(start=start, end=end)


def test_date_interval_precision_is_closed():
    with pytest.raises(ValidationError):
        DateInterval(start=D(2025, 6, 1), end=D(2025, 6, 1), precision="decade")


# --- ArticleStatus -------------------------------------------------------------------------------

ERROR = ErrorInfo(code="E102", message="[E102] boom")


@pytest.mark.parametrize(
    ("status", "error", "ok"),
    [
        ("ok", None, True),
        ("no_events", None, True),
        ("skipped", None, True),
        ("error", ERROR, True),
        ("error", None, False),
        ("ok", ERROR, False),
        ("skipped", ERROR, False),
        ("no_events", ERROR, False),
    ],
)
def test_article_status_error_only_on_error(status, error, ok):
    if ok:
        line = ArticleStatus(doc_id="a1", status=status, error=error)
        assert ArticleStatus.model_validate_json(line.model_dump_json()) == line
    else:
        with pytest.raises(ValidationError, match="error status line"):
            ArticleStatus(doc_id="a1", status=status, error=error)


@pytest.mark.parametrize("code", ["E1", "W001", "e102", "E1020"])
def test_error_codes_are_checked(code):
    with pytest.raises(ValidationError):
        ErrorInfo(code=code, message="x")


def test_article_status_counts_are_not_negative():
    with pytest.raises(ValidationError):
        ArticleStatus(doc_id="a1", status="ok", records=-1)


# --- frozen models, unknown keys -----------------------------------------------------------------

FLOW = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows", "count": Count.exact(84)})
DAY = DateInterval(start=D(2025, 6, 9), end=D(2025, 6, 9))
SAMPLES = [
    Count.exact(3),
    FLOW,
    DAY,
    Location(name="Istanbul", country="TUR"),
    EvidenceSpan(start=0, end=6, label="CUE", text="Russia"),
    ExchangeRecord(doc_id="a", claim_id="a#1", status="completed", flows=(FLOW,), date=DAY, mediators=("ARE",)),
    AgreementRecord(doc_id="a", claim_id="a#2", parties=("RUS", "UKR"), terms=(FLOW,)),
    TallyRecord(doc_id="a", claim_id="a#3", flow=FLOW, as_of=DAY, scope="since 2022"),
    ArticleStatus(doc_id="a", status="ok", records=3),
    Article(id="a", text="Russia", published=PartialDate.parse("2025-06")),
]
NAMES = [type(s).__name__ for s in SAMPLES]


@pytest.mark.parametrize("model", SAMPLES, ids=NAMES)
def test_models_are_frozen(model):
    name = next(iter(type(model).model_fields))
    with pytest.raises(ValidationError):
        setattr(model, name, getattr(model, name))


@pytest.mark.parametrize("model", SAMPLES, ids=NAMES)
def test_unknown_keys_are_rejected(model):
    data = model.model_dump(mode="json", by_alias=True)
    data["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        type(model).model_validate(data)


@pytest.mark.parametrize("model", SAMPLES, ids=NAMES)
def test_json_round_trip(model):
    text = model.model_dump_json(by_alias=True)
    assert type(model).model_validate_json(text) == model


@pytest.mark.parametrize("model", [s for s in SAMPLES if hasattr(s, "type")],
                         ids=[n for s, n in zip(SAMPLES, NAMES) if hasattr(s, "type")])
def test_output_lines_discriminate_on_type(model):
    adapter = TypeAdapter(OutputLine)
    assert adapter.validate_json(model.model_dump_json(by_alias=True)) == model


def test_record_union_excludes_status_lines():
    with pytest.raises(ValidationError):
        TypeAdapter(Record).validate_python({"type": "article", "doc_id": "a", "status": "ok"})


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (ExchangeRecord, {"doc_id": "a", "claim_id": "c", "status": "completed", "flows": []}),
        (ExchangeRecord, {"doc_id": "a", "claim_id": "c", "status": "done", "flows": [FLOW.model_dump(by_alias=True)]}),
        (ExchangeRecord, {"doc_id": "", "claim_id": "c", "status": "planned", "flows": [FLOW.model_dump(by_alias=True)]}),
        (TallyRecord, {"doc_id": "a", "claim_id": "c", "flow": FLOW.model_dump(by_alias=True), "confidence": 1.5}),
        (EvidenceSpan, {"start": 5, "end": 4, "label": "X", "text": ""}),
        (EvidenceSpan, {"start": -1, "end": 4, "label": "X", "text": ""}),
        (Location, {"name": ""}),
    ],
    ids=["no-flows", "bad-status", "empty-doc-id", "confidence-over-1", "evidence-reversed", "evidence-negative",
         "empty-location"],
)
def test_invalid_records(kind, data):
    with pytest.raises(ValidationError):
        kind.model_validate(data)


# --- PartialDate ---------------------------------------------------------------------------------

PARSED = [
    ("2025-06-09", (2025, 6, 9), D(2025, 6, 9)),
    ("2025-06-09T10:00:00Z", (2025, 6, 9), D(2025, 6, 9)),
    ("2024-02-29", (2024, 2, 29), D(2024, 2, 29)),
    ("2024-02", (2024, 2, None), None),
    ("2024", (2024, None, None), None),
    (" 2026-05 ", (2026, 5, None), None),
]


@pytest.mark.parametrize(("raw", "parts", "full"), PARSED, ids=[r for r, _, _ in PARSED])
def test_partial_date_parse(raw, parts, full):
    date = PartialDate.parse(raw)
    assert (date.year, date.month, date.day) == parts
    assert date.full == full


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_partial_date_parse_nothing(raw):
    assert PartialDate.parse(raw) is None


@pytest.mark.parametrize("raw", ["2025-02-30", "2023-02-29", "2025-13-01", "2025-00", "June 9, 2025", "25-06-09",
                                 "yesterday"])
def test_partial_date_parse_is_strict(raw):
    with pytest.raises(ValueError):
        PartialDate.parse(raw)


LEADING_DAYS = [
    ("2025-06-09", D(2025, 6, 9)),
    ("2025-06-09T10:00:00Z", D(2025, 6, 9)),
    ("2024-02-29", D(2024, 2, 29)),
    ("2025-02-30", None),
    ("2024-02", None),
    ("2024", None),
    ("", None),
    (None, None),
    ("June 9, 2025", None),
]


@pytest.mark.parametrize(("raw", "day"), LEADING_DAYS, ids=[repr(r) for r, _ in LEADING_DAYS])
def test_leading_day_is_lenient(raw, day):
    """Record and gold dates read for a table or a score: anything but a full leading day is None, never an error."""
    assert leading_day(raw) == day


def test_article_full_text_puts_the_title_first():
    assert Article(id="a", title="Swap", text="Body.").full_text == "Swap\n\nBody."
    assert Article(id="a", title="Swap", text="Swap done.").full_text == "Swap done."
    assert Article(id="a", text="x\x00y").text == "xy"
