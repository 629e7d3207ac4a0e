"""Shared helper of the status, occasion and date tables: run one invented article through the
packaged pipeline and reduce its exchange records to what the table checks."""

from __future__ import annotations

from extractor.contract import Article, PartialDate


def exchanges(extractor, text: str, *, published: str | None = "2024-03-14", title: str | None = None) -> list:
    article = Article(id="case", text=text, title=title,
                      published=PartialDate.parse(published) if published else None)
    return [r for r in extractor.extract(article) if r.type == "exchange"]


def _values(record) -> tuple[int, ...]:
    """The flows' figures: the value, else the bound ('more than 500' gives 501)."""
    figures = [f.count.value if f.count.value is not None else (f.count.min or f.count.max)
               for f in record.flows if f.count is not None]
    return tuple(sorted(v for v in figures if v is not None))


def shapes(records) -> list[tuple[str, tuple[int, ...]]]:
    """(status, the flows' count values sorted) per record, sorted: the occasions and their figures."""
    out = []
    for r in records:
        values = _values(r)
        out.append((r.status, values))
    return sorted(out)


def dated(records) -> list[tuple[str, tuple[int, ...], str | None, str | None]]:
    out = []
    for r in records:
        values = _values(r)
        start = str(r.date.start) if r.date is not None and r.date.start else None
        end = str(r.date.end) if r.date is not None and r.date.end else None
        out.append((r.status, values, start, end))
    return sorted(out, key=lambda t: (t[0], t[1], t[2] or "", t[3] or ""))
