"""Output records: exchange, agreement, tally, and the per-article status line.

Field names and meanings follow the record contract of the evaluation kit; the
extra fields (evidence, rules, confidence, versions) are ours.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from .base import ContractModel

ActorId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{1,15}$", description="ISO 3166-1 alpha-3 or upper-case group id")]
Category = Literal["pows", "civilians", "bodies", "hostages", "prisoners"]
Qualifier = Literal["exact", "about", "over", "at_least", "under", "up_to", "range"]
Precision = Literal["day", "week", "month", "year"]
Status = Literal["completed", "planned"]


class Count(ContractModel):
    """A figure as stated: 'over 4,800' is min 4801, qualifier over."""

    value: int | None = None
    min: int | None = None
    max: int | None = None
    qualifier: Qualifier = "exact"

    @model_validator(mode="after")
    def _consistent(self) -> "Count":
        q = self.qualifier
        if q == "exact" and not (self.value is not None and self.value == self.min == self.max):
            raise ValueError("an exact count needs value == min == max")
        if q == "about" and self.value is None:
            raise ValueError("an 'about' count needs a value")
        if q in ("over", "at_least") and self.min is None:
            raise ValueError(f"a '{q}' count needs min")
        if q in ("under", "up_to") and self.max is None:
            raise ValueError(f"a '{q}' count needs max")
        if q == "range" and (self.min is None or self.max is None or self.min > self.max):
            raise ValueError("a range needs min <= max")
        for name in ("value", "min", "max"):
            v = getattr(self, name)
            if v is not None and v < 0:
                raise ValueError(f"{name} must not be negative")
        return self

    @classmethod
    def exact(cls, n: int) -> "Count":
        return cls(value=n, min=n, max=n, qualifier="exact")


PersonName = Annotated[str, Field(min_length=1, max_length=200, description="a person's name as the text writes it")]


class Flow(ContractModel):
    """What moved from whom to whom: one direction, one category; `people` names the persons handed
    over where the text names them ("Evan Gershkovich"), in text order, and is left out when empty;
    `parts` gives the figures of groups added into `count` ("246 ... plus 31 wounded": 246, 31), so
    that a report of the first figure alone can be matched to it; left out when nothing was summed."""

    from_: ActorId | None = Field(default=None, alias="from")
    to: ActorId | None = None
    category: Category
    count: Count | None = None
    people: tuple[PersonName, ...] = Field(default=(), description="names of the persons handed over, as written")
    parts: tuple[Annotated[int, Field(ge=0)], ...] = Field(
        default=(), description="the figures the text gives for groups summed into count, in text order "
                                "('246 POWs, plus an additional 31 wounded': 246, 31)")

    @model_serializer(mode="wrap")
    def _without_empty_people(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Records naming nobody and summing nothing serialise exactly as before these fields existed.
        data = handler(self)
        if not self.people:
            data.pop("people", None)
        if not self.parts:
            data.pop("parts", None)
        return data


class DateInterval(ContractModel):
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision = "day"

    @model_validator(mode="after")
    def _ordered(self) -> "DateInterval":
        if self.start is None and self.end is None:
            raise ValueError("a date interval needs a start or an end")
        if self.start and self.end and self.start > self.end:
            raise ValueError("date start after end")
        return self


class Location(ContractModel):
    name: str = Field(min_length=1)
    country: ActorId | None = None


class EvidenceSpan(ContractModel):
    """Character offsets into the article text (title + body as read)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "EvidenceSpan":
        if self.end < self.start:
            raise ValueError("evidence end before start")
        return self


class RecordBase(ContractModel):
    doc_id: str = Field(min_length=1)
    claim_id: str = Field(min_length=1)
    evidence: tuple[EvidenceSpan, ...] = ()
    sentences: tuple[tuple[int, int], ...] = Field(default=(), description="character offsets of the sentences the record was read from")
    rules: tuple[str, ...] = Field(default=(), description="ids of the rules that produced the record")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    extractor_version: str = ""
    data_version: str = ""
    run_id: str = Field(default="", description="digest of the run's inputs, data version and options; same input, same id")
    outlet: str | None = Field(default=None, description="the article's outlet, for the reconciler's sources")
    url: str | None = None
    published: str | None = Field(default=None, description="the article's publication date as given")
    title: str | None = Field(default=None, description="the article's title (evidence offsets count it: title + two newlines + text)")


class ExchangeRecord(RecordBase):
    type: Literal["exchange"] = "exchange"
    status: Status
    date: DateInterval | None = None
    flows: tuple[Flow, ...] = Field(min_length=1)
    location: Location | None = None
    mediators: tuple[ActorId, ...] = ()


class AgreementRecord(RecordBase):
    type: Literal["agreement"] = "agreement"
    date: DateInterval | None = None
    parties: tuple[ActorId, ...] = ()
    location: Location | None = None
    terms: tuple[Flow, ...] = ()


class TallyRecord(RecordBase):
    type: Literal["tally"] = "tally"
    flow: Flow
    as_of: DateInterval | None = None
    scope: str = ""


Record = Annotated[Union[ExchangeRecord, AgreementRecord, TallyRecord], Field(discriminator="type")]


class ErrorInfo(ContractModel):
    code: str = Field(pattern=r"^E\d{3}$")
    message: str


class ArticleStatus(ContractModel):
    """One line per input article so that nothing vanishes silently."""

    type: Literal["article"] = "article"
    doc_id: str
    status: Literal["ok", "no_events", "skipped", "error"]
    records: int = Field(default=0, ge=0)
    source: str | None = Field(default=None, description="file and line or record offset the article was read from")
    error: ErrorInfo | None = None
    note: str | None = None
    extractor_version: str = ""
    data_version: str = ""
    run_id: str = Field(default="", description="digest of the run's inputs, data version and options; same input, same id")

    @model_validator(mode="after")
    def _error_only_on_error(self) -> "ArticleStatus":
        if (self.status == "error") != (self.error is not None):
            raise ValueError("an error status line carries an error, and only it does")
        return self


OutputLine = Annotated[
    Union[ExchangeRecord, AgreementRecord, TallyRecord, ArticleStatus], Field(discriminator="type")
]
