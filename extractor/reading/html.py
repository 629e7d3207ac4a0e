"""HTML pages to article text: trafilatura when installed (`extractor[html]`), else a small
standard-library converter; folders of .html/.htm files and single HTML files as inputs.

    text, meta = html_to_text(page)              # meta: title, published (as found), url
    for item in read_html_folder(Path("pages"), options=ReadOptions()): ...

The standard-library converter drops script, style, template, noscript, svg and the head (but
keeps the <title> and the article:published_time / og:url meta), and puts a line break after
every block element. Neither converter ever runs anything from the page. `converter_name()`
says which one is in use (it goes into the run id: another converter gives other text).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping
from .items import ReadItem, SkippedItem, error_item
from ..errors import coded, path_text
from .options import KeyMap, ReadOptions
from .walk import folder_files

SUFFIXES = (".html", ".htm")
_DROP = frozenset({"script", "style", "template", "noscript", "svg", "head", "iframe", "object", "canvas"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "pre", "figcaption", "dd", "dt", "hr", "main", "aside", "nav",
})
_SKIP_CONTENT = frozenset({"nav", "footer", "aside"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINES = re.compile(r"\n\s*\n+")


class _Text(HTMLParser):
    """Collects visible text; `title` and `meta` from the head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k: v or "" for k, v in attrs}
            key = values.get("property") or values.get("name") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"])
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _DROP or tag in _SKIP_CONTENT:
            if tag not in _VOID:
                self.dropping += 1
            return
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _DROP or tag in _SKIP_CONTENT:
            self.dropping = max(self.dropping - 1, 0)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.dropping:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
        return _LINES.sub("\n\n", "\n".join(lines)).strip()


def _stdlib(page: str) -> tuple[str, dict[str, str | None]]:
    parser = _Text()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some malformed markup
        pass
    meta = parser.meta
    title = _SPACES.sub(" ", parser.title).strip() or meta.get("og:title") or None
    published = meta.get("article:published_time") or meta.get("date") or None
    return parser.text(), {"title": title, "published": published, "url": meta.get("og:url") or None}


def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        return None
    quiet = logging.getLogger("trafilatura")
    if not quiet.handlers:  # its messages about unparsable pages would go to stderr line by line
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
    return trafilatura


def converter_name(engine: str = "auto") -> str:
    """'trafilatura-X.Y.Z' or 'stdlib-1': the converter `html_to_text` uses with this engine."""
    module = _trafilatura() if engine in ("auto", "trafilatura") else None
    if module is not None:
        return f"trafilatura-{getattr(module, '__version__', '?')}"
    return "stdlib-1"


def html_to_text(page: str, *, engine: str = "auto") -> tuple[str, dict[str, str | None]]:
    """(main text, {'title', 'published', 'url'}) of an HTML page. `engine`: 'auto' (trafilatura if
    installed), 'trafilatura' or 'stdlib'. The text is '' when nothing readable was found."""
    module = _trafilatura() if engine in ("auto", "trafilatura") else None
    if module is None:
        return _stdlib(page)
    found = module.extract(page, output_format="json", with_metadata=True, include_comments=False,
                           include_tables=False, favor_recall=True, deduplicate=False)
    if not found:  # trafilatura found no main text (e.g. a very short item): the plain converter's
        return _stdlib(page)
    data = json.loads(found)
    meta = {"title": data.get("title") or None, "published": data.get("date") or None,
            "url": data.get("source") or None}
    return data.get("text") or "", meta


def read_html_file(path: Path, *, doc_id: str, options: ReadOptions, engine: str = "auto") -> ReadItem:
    """One HTML file as an article: id `doc_id`, the converted text, title/url/published from the page."""
    source = SourceRef(path=path_text(path))
    src = str(source)
    try:
        if path.stat().st_size > options.max_record_bytes:
            return error_item("E013", source=src, doc_id=doc_id, limit=options.max_record_bytes, kind="an HTML file")
        data = path.read_bytes()
    except OSError as exc:
        return error_item("E007", source=src, doc_id=doc_id, detail=exc.strerror or str(exc))
    notes: list[str] = []
    page = decode(data, source=src, notes=notes, first=True)
    return article_from_page(page, doc_id=doc_id, source=source, notes=notes, engine=engine)


def article_from_page(page: str, *, doc_id: str, source: SourceRef, notes: list[str], engine: str = "auto",
                      url: str | None = None, outlet: str | None = None) -> ReadItem:
    """An article from an HTML page already decoded (shared with the WARC reader)."""
    src = str(source)
    text, meta = html_to_text(page, engine=engine)
    if not text.strip():
        return SkippedItem(source=src, doc_id=doc_id, note=coded("E407", source=src, detail="no main text found"))
    record = {"id": doc_id, "text": text, "title": meta.get("title"), "url": url or meta.get("url"),
              "outlet": outlet, "published": meta.get("published")}
    return article_from_mapping(record, keys=KeyMap(), source=source, notes=notes)


def read_html_folder(root: Path, *, options: ReadOptions, engine: str = "auto") -> Iterator[ReadItem]:
    """One item per .html/.htm file, sorted by relative path; id = relative path without extension.
    Links leading out of the folder are skipped (E015), as for .txt folders, and so is anything
    that is not a regular file (E018)."""
    for entry in folder_files(root, suffixes=SUFFIXES):
        doc_id = entry.rel.rsplit(".", 1)[0]
        src = str(SourceRef(path=path_text(entry.path)))
        if entry.kind == "link-out":
            yield SkippedItem(source=src, doc_id=doc_id, note=coded("E015", source=src, target=entry.target,
                                                                    root=path_text(root)))
            continue
        if entry.kind == "special":
            yield SkippedItem(source=src, doc_id=doc_id, note=coded("E018", source=src, kind=entry.target))
            continue
        yield read_html_file(entry.path, doc_id=doc_id, options=options, engine=engine)


__all__ = ["SUFFIXES", "article_from_page", "converter_name", "html_to_text", "read_html_file", "read_html_folder"]
