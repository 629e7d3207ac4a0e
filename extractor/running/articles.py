"""Per-article work of a run, in two roles, so that sharded runs can split it across processes:

    Screener(...).screen(item)      # the driver, in input order: read errors, duplicate ids, empty
                                    # texts, the size limit, the keyword prefilter -> Pending or None
    ArticleRunner(...).run(pending) # a worker: the pipeline, every record re-validated, status line

Each item gets exactly one status line: a screened-out item gets it from the Screener, an article
that reaches the pipeline from the ArticleRunner, after its records. An exception in the pipeline
is an E102 error line naming the failing component, never the end of the run; a record that fails
the contract is dropped and flagged E202, the others kept. `running.archive.extract_archive` is
the one path from input files to an output file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..contract import Article, ArticleStatus, Record
from ..contract.records import ErrorInfo
from ..errors import coded, short
from ..reading.items import ArticleItem, ErrorItem, ReadItem, SkippedItem
from .budget import OverBudget, within_budget
from .prefilter import Prefilter
from .summary import RunSummary

log = logging.getLogger(__name__)

OnOversize = Literal["truncate", "skip"]
HARD_MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text is cut (or skipped) with a coded note
DEFAULT_TIME_BUDGET = 300.0
_RECORD = TypeAdapter(Record)


class Pipeline(Protocol):
    """What a run needs of the pipeline: `extractor.pipeline.Extractor`, or a test double. An
    `nlp` attribute holding a loaded spaCy pipeline turns the keyword prefilter on (see `prefilter_for`)."""

    tool_version: str
    data_version: str

    def extract(self, article: Article) -> Iterable[Record]: ...


class Lines(Protocol):
    """Where a run's output lines go: `outputs.AtomicLines` or `tasks.LineBuffer`."""

    def write(self, obj: dict) -> None: ...


@dataclass(frozen=True, slots=True)
class RunOptions:
    """`max_chars`: longest article text read (title + body), None for no limit; `on_oversize`: what
    to do with a longer one; `force`: overwrite an existing output; `prefilter`: skip articles without any
    exchange words before the pipeline sees them (see `prefilter.py`; applies only to an extractor
    with a loaded spaCy pipeline, so test doubles see every article); `time_budget`: seconds the
    pipeline may spend on one article before it is stopped with an E020 status (None: no limit).
    Whatever `max_chars` says, no article over HARD_MAX_CHARS is read whole (spaCy's own limit)."""

    max_chars: int | None = None
    on_oversize: OnOversize = "truncate"
    force: bool = False
    prefilter: bool = True
    time_budget: float | None = DEFAULT_TIME_BUDGET


@dataclass(frozen=True, slots=True)
class Pending:
    """An article that passed screening, waiting for the pipeline (picklable, sent to workers)."""

    article: Article
    source: str
    notes: tuple[str, ...] = ()


def prefilter_for(extractor: Pipeline, options: RunOptions) -> Prefilter | None:
    """The prefilter to use in front of `extractor`, or None (off, or no spaCy pipeline to spare)."""
    nlp = getattr(extractor, "nlp", None)
    if options.prefilter and nlp is not None:
        return Prefilter.for_pipeline(nlp)  # the words of the pipeline's own lexicon
    return None


def stamp_of(extractor: Pipeline) -> dict[str, str]:
    """The tool and data versions of `extractor`, for status lines."""
    return {
        "extractor_version": getattr(extractor, "tool_version", ""),
        "data_version": getattr(extractor, "data_version", ""),
    }


def stamp_run(data: dict, run_id: str) -> dict:
    """Set the run id on an output line in place (its key order kept); drop the key when there is none."""
    if run_id:
        data["run_id"] = run_id
    else:
        data.pop("run_id", None)
    return data


class StatusLines:
    """Writes an item's status line (stamped with the versions and the run id) and counts it."""

    def __init__(self, *, out: Lines, summary: RunSummary, run_id: str, stamp: dict[str, str]) -> None:
        self.out = out
        self.summary = summary
        self.run_id = run_id
        self.stamp = stamp

    def status(self, *, doc_id: str, status: str, source: str, records: int = 0,
               error: tuple[str, str] | None = None, notes: Iterable[str] = ()) -> None:
        joined = " ".join(notes) or None
        data = None if error else status_line(doc_id=doc_id, status=status, records=records, source=source or None,
                                              note=joined, stamp=self.stamp)
        if data is None:
            info = ErrorInfo(code=error[0], message=error[1]) if error else None
            line = ArticleStatus(doc_id=doc_id, status=status, records=records, source=source or None,
                                 error=info, note=joined, **self.stamp)
            data = line.model_dump(mode="json", by_alias=True, exclude_none=False)
        self.out.write(stamp_run(data, self.run_id))
        self.summary.count_status(status, error=error[1] if error else None, note=joined)


_STATUSES = frozenset({"ok", "no_events", "skipped"})
_STAMP_KEYS = frozenset({"extractor_version", "data_version"})


def status_line(*, doc_id: str, status: str, records: int, source: str | None, note: str | None,
                stamp: dict[str, str]) -> dict | None:
    """The dict `ArticleStatus(...).model_dump(mode="json", exclude_none=False)` gives for a line without an
    error, built without the model (every article writes one, most of them skipped, and the model's validation
    and dump cost more than the rest of a skipped article's line); None for arguments the model alone may
    judge, which then build it (tests/test_status_line.py holds the two equal)."""
    if status not in _STATUSES or type(records) is not int or records < 0 or type(doc_id) is not str or not doc_id \
            or not (source is None or type(source) is str) or not (note is None or type(note) is str) \
            or stamp.keys() != _STAMP_KEYS or not all(type(v) is str for v in stamp.values()):
        return None
    return {"type": "article", "doc_id": doc_id, "status": status, "records": records, "source": source,
            "error": None, "note": note, "extractor_version": stamp["extractor_version"],
            "data_version": stamp["data_version"], "run_id": ""}


class Screener(StatusLines):
    """The driver's part, in input order. `seen`: doc id -> first source, shared across the shards
    of a run; `prefilter`: None to let every article through to the pipeline."""

    def __init__(self, *, out: Lines, summary: RunSummary, options: RunOptions, run_id: str,
                 stamp: dict[str, str], seen: dict[str, str], prefilter: Prefilter | None = None) -> None:
        super().__init__(out=out, summary=summary, run_id=run_id, stamp=stamp)
        self.options = options
        self.seen = seen
        self.prefilter = prefilter

    def screen(self, item: ReadItem) -> Pending | None:
        """Write the status line of an item that will not reach the pipeline and return None, or
        return the article (possibly truncated) with its notes for the ArticleRunner."""
        if isinstance(item, ErrorItem):
            self.status(doc_id=item.doc_id, status="error", source=item.source, error=(item.code, item.message))
            return None
        if isinstance(item, SkippedItem):
            self.status(doc_id=item.doc_id, status="skipped", source=item.source, notes=(item.note,))
            return None
        article, source, notes = item.article, item.source, list(item.notes)
        doc_id = article.id
        first = self.seen.get(doc_id)
        if first is not None:
            notes.append(coded("E010", source=source, doc_id=short(doc_id), first=first))
            self.status(doc_id=doc_id, status="skipped", source=source, notes=notes)
            return None
        self.seen[doc_id] = source
        text = article.full_text
        if not text.strip():
            notes.append(coded("E016", source=source, doc_id=short(doc_id)))
            self.status(doc_id=doc_id, status="skipped", source=source, notes=notes)
            return None
        limit = min(self.options.max_chars or HARD_MAX_CHARS, HARD_MAX_CHARS)
        if len(text) > limit:
            if self.options.on_oversize == "skip":
                notes.append(coded("E009", source=source, size=len(text), limit=limit))
                self.status(doc_id=doc_id, status="skipped", source=source, notes=notes)
                return None
            notes.append(coded("W002", doc_id=short(doc_id), source=source, size=len(text), limit=limit))
            article = _truncate(article, limit)
        pending = Pending(article=article, source=source, notes=tuple(notes))
        return pending if self.passes(pending) else None

    def passes(self, pending: Pending) -> bool:
        """The prefilter on a screened article: False, and its skipped status line written, if it fails."""
        if self.prefilter is None:
            return True
        verdict = self.prefilter.check(pending.article.full_text)
        if verdict.keep:
            return True
        self.status(doc_id=pending.article.id, status="skipped", source=pending.source,
                    notes=[*pending.notes, verdict.reason])
        return False


def mark_seen(items: Iterable[ReadItem], seen: dict[str, str]) -> None:
    """What screening does to `seen`, for the items of a shard that is already finished."""
    for item in items:
        if isinstance(item, ArticleItem) and item.article.id not in seen:
            seen[item.article.id] = item.source


class ArticleRunner(StatusLines):
    """A worker's part: the pipeline on screened articles, their records and status lines.
    `claims`: the claim ids written by this runner (a repeated one is an E202 error)."""

    def __init__(self, *, extractor: Pipeline, out: Lines, summary: RunSummary, options: RunOptions,
                 run_id: str, stamp: dict[str, str]) -> None:
        super().__init__(out=out, summary=summary, run_id=run_id, stamp=stamp)
        self.extractor = extractor
        self.options = options
        self.claims: set[str] = set()

    def run(self, pending: Pending) -> None:
        """Run the pipeline on a screened article; write its records and its status line."""
        article, source, notes = pending.article, pending.source, list(pending.notes)
        doc_id = article.id
        try:
            records = within_budget(self.options.time_budget, lambda: list(self.extractor.extract(article)))
        except OverBudget:
            message = coded("E020", source=source, doc_id=short(doc_id), seconds=f"{self.options.time_budget:g}")
            self.status(doc_id=doc_id, status="error", source=source, error=("E020", message), notes=notes)
            return
        except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
            detail = short(f"{type(exc).__name__}: {exc}", 300)
            message = coded("E102", name=_component(exc), doc_id=short(doc_id), detail=detail)
            log.debug("extract failed on %s", doc_id, exc_info=True)
            self.status(doc_id=doc_id, status="error", source=source, error=("E102", message), notes=notes)
            return
        written, failures = 0, []
        for record in records:
            data, problem = _validate(record, doc_id)
            if data is None or problem is not None:
                failures.append(problem or "invalid record")
                continue
            claim = data.get("claim_id")
            if claim in self.claims:
                failures.append(f"claim_id {short(claim)!r} was already used in this run")
                continue
            self.claims.add(claim)
            self.out.write(stamp_run(data, self.run_id))
            written += 1
            kind = data.get("type", "")
            self.summary.count_record(kind)
        if failures:
            detail = failures[0] + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else "")
            message = coded("E202", doc_id=short(doc_id), detail=short(detail, 300))
            self.status(doc_id=doc_id, status="error", source=source, records=written,
                        error=("E202", message), notes=notes)
            return
        if article.published is None and _needs_published(records):
            notes.append(coded("W001", doc_id=short(doc_id), source=source, raw=article.published_raw))
        self.status(doc_id=doc_id, status="ok" if written else "no_events", source=source,
                    records=written, notes=notes)


def _validate(record: object, doc_id: str) -> tuple[dict | None, str | None]:
    """(JSON-ready dict, None) or (None, problem)."""
    try:
        if isinstance(record, BaseModel):
            data = record.model_dump(mode="json", by_alias=True, exclude_none=False)
        elif isinstance(record, Mapping):
            data = dict(record)
        else:
            return None, f"expected a record, got {type(record).__name__}"
        model = _RECORD.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return None, f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    except Exception as exc:  # noqa: BLE001 - a broken record object must not stop the batch
        return None, f"{type(exc).__name__}: {exc}"
    if model.doc_id != doc_id:
        return None, f"doc_id {short(model.doc_id)!r} is not the article's id"
    if type(record) is type(model):
        return data, None  # a record of the contract, dumped as JSON: validating it changed nothing
    return model.model_dump(mode="json", by_alias=True, exclude_none=False), None


def _truncate(article: Article, limit: int) -> Article:
    """Keep the first `limit` characters of title + body: the body is cut first, then the title."""
    room = limit - (len(article.full_text) - len(article.text))
    if room >= 0:
        return article.model_copy(update={"text": article.text[:room]})
    return article.model_copy(update={"title": (article.title or "").strip()[:max(limit - 2, 1)], "text": ""})


_RELATIVE_DATES = frozenset({"weekday", "relative", "month_day", "bounded"})


def _needs_published(records) -> bool:
    """A record left undated although its evidence holds a date that needs the publication date
    ('on Tuesday', 'last week', '12 March' without a year): W001."""
    for record in records:
        date = getattr(record, "as_of", None) if getattr(record, "type", "") == "tally" else getattr(record, "date", None)
        if date is None and any(e.label in _RELATIVE_DATES for e in getattr(record, "evidence", ())):
            return True
    return False


def _component(exc: BaseException) -> str:
    """The pipeline component that raised `exc` (see `pipeline.name_the_component`), else 'extract'."""
    return getattr(exc, "component", None) or "extract"


__all__ = ["ArticleRunner", "DEFAULT_TIME_BUDGET", "HARD_MAX_CHARS", "OnOversize", "Pending", "Pipeline",
           "RunOptions", "Screener", "mark_seen", "prefilter_for", "stamp_of", "status_line"]
