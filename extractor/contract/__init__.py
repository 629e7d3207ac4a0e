"""The record contract: pydantic models that are the single source of truth for every output line."""

from .articles import Article, PartialDate, SourceRef, leading_day
from .records import (
    AgreementRecord,
    ArticleStatus,
    Count,
    DateInterval,
    EvidenceSpan,
    ExchangeRecord,
    Flow,
    Location,
    OutputLine,
    Record,
    TallyRecord,
)

__all__ = [
    "AgreementRecord",
    "Article",
    "ArticleStatus",
    "Count",
    "DateInterval",
    "EvidenceSpan",
    "ExchangeRecord",
    "Flow",
    "Location",
    "OutputLine",
    "PartialDate",
    "Record",
    "SourceRef",
    "TallyRecord",
    "leading_day",
]
