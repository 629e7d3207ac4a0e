"""What readers yield: an article, an error in place of an unreadable record, or a skipped input.

Readers never raise for a bad record: they yield an `ErrorItem` carrying a coded message (code,
position, fix) and go on. Only unusable invocations (a missing input, an unknown format) raise a
`CodedError`, before any record is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..contract import Article
from ..errors import coded


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """An article read and validated; `notes` are coded warnings for its status line."""

    article: Article
    notes: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return str(self.article.source) if self.article.source is not None else ""

    @property
    def doc_id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """A record that could not be read; `doc_id` is '' when no id could be recovered."""

    source: str
    code: str
    message: str
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An input deliberately not read (e.g. a symlink out of the input folder); `note` says why."""

    source: str
    doc_id: str
    note: str


ReadItem = Union[ArticleItem, ErrorItem, SkippedItem]


def error_item(code: str, *, source: str, doc_id: str = "", **fields: object) -> ErrorItem:
    return ErrorItem(source=source, code=code, message=coded(code, source=source, **fields), doc_id=doc_id)
