"""NewsAPI responses (`.json`): `{"status": "ok", "articles": [...]}` as saved from /v2/everything.

Each element of `articles` is one article: id = its `url` (NewsAPI has no ids; a missing url gives
`FILE#/articles/N`), title, text = description then content (NewsAPI cuts `content` to about 200
characters and appends '[+1234 chars]'; that marker is removed), published = `publishedAt`,
outlet = `source.name`. The source of each article is `FILE#/articles/N` (a JSON pointer).

A response is one JSON document of at most a hundred articles, so it is parsed whole; the size
limit (`max_record_bytes`) still applies to the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping, kind_of
from .items import ReadItem, error_item
from ..errors import path_text
from .options import KeyMap, ReadOptions

_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def _text(description: object, content: object) -> str:
    desc = description.strip() if isinstance(description, str) else ""
    body = _CUT.sub("", content).strip() if isinstance(content, str) else ""
    if desc and body.startswith(desc[: max(len(desc) - 3, 1)]):
        return body
    return "\n\n".join(part for part in (desc, body) if part)


def read_newsapi(path: Path, *, options: ReadOptions) -> Iterator[ReadItem]:
    """One item per element of the response's `articles` list; an error item for a file that is not a
    NewsAPI response (E406), is not JSON (E001) or is too big (E013)."""
    src = path_text(path)
    try:
        if path.stat().st_size > options.max_record_bytes:
            yield error_item("E013", source=src, limit=options.max_record_bytes, kind="a NewsAPI response")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield error_item("E007", source=src, detail=exc.strerror or str(exc))
        return
    notes: list[str] = []
    text = decode(data, source=src, notes=notes, first=True)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield error_item("E001", source=src, detail=f"{exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    except RecursionError:
        yield error_item("E001", source=src, detail="nested too deeply")
        return
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        yield error_item("E001", source=src, detail=str(exc).splitlines()[0][:200] if str(exc) else "bad value")
        return
    if not isinstance(doc, dict):
        yield error_item("E406", source=src, detail=f"the file holds {kind_of(doc)}")
        return
    if doc.get("status") == "error":
        detail = f"the response is an error: {doc.get('code')}: {doc.get('message')}"
        yield error_item("E406", source=src, detail=detail)
        return
    articles = doc.get("articles")
    if not isinstance(articles, list):
        yield error_item("E406", source=src, detail="no 'articles' list")
        return
    for n, entry in enumerate(articles):
        source = SourceRef(path=f"{src}#/articles/{n}")
        if not isinstance(entry, dict):
            yield error_item("E002", source=str(source), kind=kind_of(entry))
            continue
        outlet = entry.get("source")
        record = {
            "id": entry.get("url") or str(source),
            "title": entry.get("title"),
            "text": _text(entry.get("description"), entry.get("content")),
            "url": entry.get("url"),
            "outlet": outlet.get("name") if isinstance(outlet, dict) else None,
            "published": entry.get("publishedAt"),
        }
        yield article_from_mapping(record, keys=KeyMap(), source=source, notes=notes)


__all__ = ["read_newsapi"]
