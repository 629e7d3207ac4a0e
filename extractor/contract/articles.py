"""Input articles, validated at the edge; the raw publication date is kept beside the parsed one."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, field_validator

from .base import ContractModel

_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$")


class PartialDate(ContractModel):
    """A publication date that may lack its month or day ('2024-02')."""

    year: int = Field(ge=1, le=9999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @property
    def full(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, raw: str | None) -> "PartialDate | None":
        """Strict: '2025-06-09', '2025-06-09T10:00:00Z', '2024-02', '2024'. Impossible dates raise ValueError."""
        if raw is None or not str(raw).strip():
            return None
        m = _PARTIAL.match(str(raw))
        if not m:
            raise ValueError(f"not an ISO date: {raw!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        if day is not None:
            dt.date(year, month, day)  # raises ValueError for 2025-02-30
        return cls(year=year, month=month, day=day)


def leading_day(value: object) -> dt.date | None:
    """The calendar day an ISO value starts with ('2024-06-09', '2024-06-09T10:00Z'), or None.

    Lenient, unlike `PartialDate.parse`: an empty, partial ('2024-06') or impossible value is None,
    not an error (for reading record and gold dates, which a table or a score may only skip)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class SourceRef(ContractModel):
    path: str
    line: int | None = None
    offset: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.offset is not None:
            return f"{self.path}@{self.offset}"
        return self.path


class Article(ContractModel):
    id: str = Field(min_length=1)
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_raw: str | None = None
    published: PartialDate | None = None
    source: SourceRef | None = None

    @field_validator("text")
    @classmethod
    def _no_nul(cls, v: str) -> str:
        return v.replace("\x00", "")

    @property
    def full_text(self) -> str:
        """The text read by the pipeline: the title (when the body does not already open with it), then the body."""
        title = (self.title or "").strip()
        body = self.text or ""
        if title and not body.lstrip().startswith(title):
            return f"{title}\n\n{body}"
        return body
