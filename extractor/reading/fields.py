"""One input mapping (a JSON object or a CSV row) to a validated Article or a coded error item."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import ValidationError

from ..contract import Article, SourceRef
from .dates import parse_published
from .decoding import clean_surrogates
from .items import ArticleItem, ErrorItem, ReadItem, error_item
from ..errors import coded, short
from .options import KeyMap

_OPTIONAL = ("title", "url", "outlet")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _clean(value: str, *, src: str, field: str, notes: list[str], nuls: list[int]) -> str:
    if "\x00" in value:
        nuls[0] += value.count("\x00")
        value = value.replace("\x00", "")
    return clean_surrogates(value, source=src, field=field, notes=notes)


def article_from_mapping(
    obj: Mapping[str, object], *, keys: KeyMap, source: SourceRef, notes: list[str] | None = None
) -> ReadItem:
    """Validate the article fields named by `keys`; other keys are ignored.

    A missing or unusable id or text is an error item; a bad title/url/outlet is dropped with a note;
    a bad publication date leaves `published` None with a note naming the raw value.
    """
    src = str(source)
    notes = list(notes or ())
    nuls = [0]

    raw_id = obj.get(keys.id)
    if raw_id is None:
        return error_item("E003", source=src, field=keys.id, option="id-key")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        return error_item("E004", source=src, field=keys.id, detail=f"expected a string, got {_kind(raw_id)}")
    doc_id = _clean(str(raw_id), src=src, field=keys.id, notes=notes, nuls=nuls)
    if not doc_id.strip():
        return error_item("E004", source=src, field=keys.id, detail="the id is empty")

    raw_text = obj.get(keys.text)
    if raw_text is None:
        return error_item("E003", source=src, doc_id=doc_id, field=keys.text, option="text-key")
    if not isinstance(raw_text, str):
        return error_item("E004", source=src, doc_id=doc_id, field=keys.text,
                          detail=f"expected a string, got {_kind(raw_text)}")
    text = _clean(raw_text, src=src, field=keys.text, notes=notes, nuls=nuls)

    optional: dict[str, str | None] = {}
    for name in _OPTIONAL:
        key = getattr(keys, name)
        value = obj.get(key)
        if value is None or value == "":
            optional[name] = None
        elif isinstance(value, str):
            optional[name] = _clean(value, src=src, field=key, notes=notes, nuls=nuls)
        else:
            notes.append(coded("W005", source=src, field=key, detail=f"expected a string, got {_kind(value)}"))
            optional[name] = None

    raw_published = obj.get(keys.published)
    if isinstance(raw_published, str):
        raw_published = _clean(raw_published, src=src, field=keys.published, notes=notes, nuls=nuls)
    published, published_raw, problem = parse_published(raw_published, dayfirst=keys.dayfirst)
    if problem is not None:
        notes.append(coded("E005", source=src, raw=short(published_raw), detail=problem))
    if nuls[0]:
        notes.append(coded("W004", source=src, count=nuls[0]))

    try:
        article = Article(id=doc_id, text=text, published=published, published_raw=published_raw,
                          source=source, **optional)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or "article"
        return error_item("E004", source=src, doc_id=doc_id, field=field, detail=first.get("msg", str(exc)))
    return ArticleItem(article=article, notes=tuple(notes))


_WHAT = {"published": "publication date", "title": "title", "url": "URL", "outlet": "outlet"}


def missing_columns(keys: KeyMap, found: Iterable[str], *, source: str) -> list[str]:
    """W008 notes for the optional fields mapped to another key than the default (--published-key date)
    whose key is not among the `found` columns: a mistyped mapping is never silent."""
    found = list(found)
    default = KeyMap()
    shown = short(", ".join(found) or "none", 300)
    return [coded("W008", source=source, key=getattr(keys, name), option=f"{name}-key", what=_WHAT[name], found=shown)
            for name in ("published", "title", "url", "outlet")
            if getattr(keys, name) != getattr(default, name) and getattr(keys, name) not in found]


def kind_of(value: object) -> str:
    """'a list', 'a string', 'null', ... for E002 messages."""
    return _kind(value)


__all__ = ["article_from_mapping", "kind_of", "missing_columns", "ErrorItem"]
