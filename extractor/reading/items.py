"""What readers yield: an article, an error in place of an unreadable record, or a skipped input.

Readers never raise for a bad record: they yield an `ErrorItem` carrying a coded message (code,
position, fix) and go on. Only unusable invocations (a missing input, an unknown format) raise a
`CodedError`, before any record is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..contract import Article
from ..errors import Errors, Warnings


class CodedError(Exception):
    """An error from the coded catalogue: `code` is 'E008', `str(err)` the full '[E008] ...' message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def coded(code: str, **fields: object) -> str:
    """The catalogue message for `code` ('E001', 'W003', ...) filled in with `fields`."""
    table = Warnings if code.startswith("W") else Errors
    return getattr(table, code).format(**fields)


def coded_error(code: str, **fields: object) -> CodedError:
    return CodedError(code, coded(code, **fields))


def visible(text: str) -> str:
    """`text` as writable UTF-8: the bytes of a file name that is not UTF-8 (which Python keeps as
    lone surrogates) are shown as `\\xe9` escapes, so one odd name never stops the output."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def path_text(path: object) -> str:
    """A path as it appears in sources, ids and messages (see `visible`)."""
    return visible(str(path))


def short(value: object, limit: int = 80) -> str:
    """A value cut down for a message, so a 5 MB field never ends up in a status line."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"


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
