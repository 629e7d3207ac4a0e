"""WARC and WARC.gz files (e.g. Common Crawl news) through warcio, pages to text as in `html.py`.

Needs the optional extra `extractor[warc]` (warcio, trafilatura). Every `response` (or `resource`)
record whose payload is HTML is one article: id and url = WARC-Target-URI (the WARC-Record-ID when
there is none), text and title from the page, published from the page's metadata (the crawl
date is not a publication date and is not used). The source is `FILE@OFFSET`, the byte offset of
the record in the (compressed) file, so any article can be found again with `warcio extract`.
Other records (requests, metadata, warcinfo, revisits, images, PDFs) are not articles and make no
items. A record that cannot be read, or that the file ends inside of (a cut download), ends the file
with one error item (E405) naming its offset.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .html import article_from_page
from .items import ReadItem, error_item
from ..errors import path_text
from .options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml")


def warc_available() -> bool:
    try:
        import warcio  # noqa: F401
    except ImportError:
        return False
    return True


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    return value.split(";", 1)[0].strip().lower()


class _Bomb(Exception):
    """Decompressed data grew past the ratio guard."""


def _guard(records, *, options: ReadOptions) -> None:
    """Bound warcio's decompressor: past `gzip_ratio_floor` decompressed bytes, more than
    `max_gzip_ratio` times the compressed bytes read stops the file (E012), as for .jsonl.gz."""
    reader = records.reader
    base = type(reader)
    floor, ratio = options.gzip_ratio_floor, options.max_gzip_ratio
    counted = {"raw": 0, "out": 0}

    class Guarded(base):  # type: ignore[misc, valid-type]
        def _decompress(self, data):  # noqa: ANN001
            counted["raw"] += len(data)
            out = super()._decompress(data)
            if self.decompressor is not None:
                counted["out"] += len(out)
                if counted["out"] > floor and counted["out"] > ratio * max(counted["raw"], 1):
                    raise _Bomb()
            return out

    reader.__class__ = Guarded


def _cut(record) -> bool:
    """A record whose header block the file ends inside (warcio then yields it half-parsed)."""
    length = record.rec_headers.get_header("Content-Length")
    return record.rec_type is None or length is None or not length.strip().isdigit()


def _drained_short(record) -> bool:
    """Read a record that is not an article to its end: True when the file ends before it does."""
    stream = record.content_stream()
    while stream.read(1024 * 1024):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


def read_warc(path: Path, *, options: ReadOptions, engine: str = "auto") -> Iterator[ReadItem]:
    """One item per HTML response record, in file order."""
    src = path_text(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield error_item("E404", source=src)
        return
    limit = options.max_record_bytes
    try:
        fh = path.open("rb")
        size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        yield error_item("E007", source=src, detail=exc.strerror or str(exc))
        return
    with fh:
        records = ArchiveIterator(fh, no_record_parse=False, arc2warc=True)
        _guard(records, options=options)
        offset = 0
        try:
            last = None
            for record in records:
                last = record
                if _cut(record):
                    yield error_item("E405", source=src, offset=records.get_record_offset(),
                                     detail="the file ends inside the header block of this record")
                    return
                if record.rec_type not in ("response", "resource") or not _content_type(record).startswith(_HTML_TYPES):
                    if _drained_short(record):  # a record the file ends inside, whatever it held
                        yield error_item("E405", source=src, offset=records.get_record_offset(),
                                         detail="the file ends inside this record")
                        return
                    continue
                data = record.content_stream().read(limit + 1)
                offset = records.get_record_offset()  # (only once the payload has been read)
                if len(data) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                    yield error_item("E405", source=src, offset=offset, detail="the file ends inside this record")
                    return
                source = SourceRef(path=src, offset=offset)
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                doc_id = url or record.rec_headers.get_header("WARC-Record-ID") or str(source)
                if len(data) > limit:
                    yield error_item("E013", source=str(source), doc_id=doc_id, limit=limit, kind="an HTML page")
                    continue
                notes: list[str] = []
                page = decode(data, source=str(source), notes=notes, first=True)
                yield article_from_page(page, doc_id=doc_id, source=source, notes=notes, engine=engine, url=url)
            if last is not None and getattr(last.raw_stream, "limit", 0) > 0:
                yield error_item("E405", source=src, offset=getattr(records, "offset", offset),
                                 detail="the file ends inside the last record")
            elif isinstance(records.offset, int) and records.offset < size:
                yield error_item("E405", source=src, offset=records.offset,
                                 detail="the file ends inside the header block of this record")
        except _Bomb:
            yield error_item("E012", source=f"{src}@{getattr(records, 'offset', offset)}", ratio=options.max_gzip_ratio)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError, KeyError,
                IndexError, TypeError) as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            failed = getattr(records, "offset", offset)
            yield error_item("E405", source=src, offset=failed if isinstance(failed, int) else offset,
                             detail=detail[:200])


__all__ = ["read_warc", "warc_available"]
