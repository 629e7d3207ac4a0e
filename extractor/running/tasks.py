"""One shard of work, the same whatever engine runs it.

The driver *screens* a shard in input order (`screen_shard`: duplicate ids, empty texts, the size
limit, the keyword prefilter; these status lines are written there and then, as JSON text) and
hands the result to an engine as a `ShardTask`. The engine *runs* it (`run_shard`: the pipeline on
the articles that passed, in order) and gets the shard's lines and counts back. Screening in the
driver means only the few articles that pass the prefilter cross to a worker process.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..contract import Article, PartialDate, SourceRef
from ..reading.items import ReadItem
from .articles import ArticleRunner, Pending, Pipeline, RunOptions, Screener
from ..outputs import dumps_line
from .prefilter import Prefilter
from .shards import ShardCounts
from .summary import RunSummary


class LineBuffer:
    """Collects output lines as JSON text (what a Screener or an ArticleRunner writes with `write(dict)`)."""

    def __init__(self) -> None:
        self.lines: list[str | Pending] = []

    def write(self, obj: dict) -> None:
        self.lines.append(dumps_line(obj))


def _pack(entry: str | Pending) -> object:
    """A screened article as a plain tuple: pickling pydantic models costs several times more, and
    every article that passed screening crosses to a worker process."""
    if isinstance(entry, str):
        return entry
    a = entry.article
    published = (a.published.year, a.published.month, a.published.day) if a.published is not None else None
    source = (a.source.path, a.source.line, a.source.offset) if a.source is not None else None
    return (a.id, a.text, a.title, a.url, a.outlet, a.published_raw, published, source, entry.source, entry.notes)


def _unpack(packed: object) -> str | Pending:
    """The inverse of `_pack`; the article was validated when it was read, so it is not validated again."""
    if isinstance(packed, str):
        return packed
    doc_id, text, title, url, outlet, raw, published, source, src, notes = packed  # type: ignore[misc]
    date = PartialDate.model_construct(year=published[0], month=published[1], day=published[2]) if published else None
    ref = SourceRef.model_construct(path=source[0], line=source[1], offset=source[2]) if source else None
    article = Article.model_construct(id=doc_id, text=text, title=title, url=url, outlet=outlet, published_raw=raw,
                                      published=date, source=ref)
    return Pending(article=article, source=src, notes=notes)


@dataclass
class ShardTask:
    """Shard `index`: ready lines (str) and screened articles (Pending) in input order, and the
    counts of the ready lines. Pickles its articles as plain tuples (see `_pack`)."""

    index: int
    entries: list[str | Pending | tuple] = field(default_factory=list)
    counts: ShardCounts = field(default_factory=ShardCounts)

    @property
    def articles(self) -> int:
        return sum(1 for entry in self.entries if isinstance(entry, Pending))

    def __getstate__(self) -> dict:
        return {"index": self.index, "entries": [_pack(e) for e in self.entries], "counts": self.counts}

    def __setstate__(self, state: dict) -> None:
        self.index = state["index"]
        self.entries = state["entries"]
        self.counts = state["counts"]


@dataclass(frozen=True)
class RunContext:
    """What every shard of a run needs besides the extractor: options, run id, version stamp."""

    options: RunOptions
    run_id: str
    stamp: dict[str, str]


def screen_shard(index: int, items: Iterable[ReadItem], *, context: RunContext, seen: dict[str, str],
                 prefilter: Prefilter | None = None) -> ShardTask:
    """Screen the items of shard `index` (updating the run-wide `seen` table), with `prefilter` if any."""
    buffer = LineBuffer()
    summary = RunSummary(output="")
    screener = Screener(out=buffer, summary=summary, options=context.options, run_id=context.run_id,
                        stamp=context.stamp, seen=seen, prefilter=prefilter)
    for item in items:
        pending = screener.screen(item)
        if pending is not None:
            buffer.lines.append(pending)
    return ShardTask(index=index, entries=buffer.lines, counts=ShardCounts.of(summary))


def run_shard(task: ShardTask, *, extractor: Pipeline, context: RunContext) -> tuple[list[str], ShardCounts]:
    """The shard's output lines (without line breaks) and its counts, with the pipeline run on its
    screened articles. Errors raised by the pipeline become E102 status lines."""
    summary = RunSummary(output="")
    task.counts.add_to(summary)
    buffer = LineBuffer()
    runner = ArticleRunner(extractor=extractor, out=buffer, summary=summary, options=context.options,
                           run_id=context.run_id, stamp=context.stamp)
    errors_before = summary.errors
    for entry in task.entries:
        if isinstance(entry, str):
            buffer.lines.append(entry)
            continue
        runner.run(_unpack(entry) if isinstance(entry, tuple) else entry)
    lines: list[str] = buffer.lines  # type: ignore[assignment]
    summary.lines = len(lines)
    return lines, ShardCounts.of(summary, retryable=summary.errors - errors_before)


__all__ = ["LineBuffer", "RunContext", "ShardTask", "run_shard", "screen_shard"]
