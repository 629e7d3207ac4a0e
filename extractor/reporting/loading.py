"""What a report is made from: the events, their claims, the articles' texts and the corrections file.

Events and claims come from an event store, from an events file with its claims file, or from a
run folder (`extractor run --output DIR`); texts from the articles the claims were read from
(optional: without them a card shows the evidence spans but not their sentences).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..contract.events import EventRecord
from ..reading import KeyMap, ReadOptions, read_inputs
from ..errors import coded_error
from ..reading.items import ArticleItem

STORE_NAME, EVENTS_NAME, CLAIMS_NAME = "events.sqlite", "events.jsonl", "claims.jsonl"


@dataclass
class ReportInput:
    """Everything a report shows; `texts`: doc id -> the article's full text (title + body as read)."""

    events: list[EventRecord]
    claims: dict[str, dict]
    texts: dict[str, str] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)
    corrections: list[str] = field(default_factory=list)
    source: str = ""


def _error(path: Path, detail: str) -> Exception:
    return coded_error("E701", path=str(path), detail=detail)


def _json_lines(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as err:
                        raise _error(path, f"line {n} is not JSON ({err.msg})") from None
                    if isinstance(row, dict):
                        yield n, row
    except OSError as err:
        raise _error(path, err.strerror or str(err)) from None


def _from_store(path: Path) -> ReportInput:
    from ..storing import EventStore

    with EventStore(path, create=False) as st:
        return ReportInput(events=list(st.events()), claims=dict(st.claim_bodies()), rejected=st.rejected(),
                           source=str(path))


def _from_files(events_path: Path, claims_path: Path | None) -> ReportInput:
    events = []
    for n, row in _json_lines(events_path):
        if row.get("type") != "event":
            raise _error(events_path, f"line {n} is not an event line (type {row.get('type')!r})")
        events.append(EventRecord.model_validate(row))
    claims: dict[str, dict] = {}
    if claims_path is not None:
        for _, row in _json_lines(claims_path):
            if row.get("type") != "article" and row.get("claim_id"):
                claims[str(row["claim_id"])] = row
    return ReportInput(events=events, claims=claims, source=str(events_path))


def load_report_input(path: Path, *, claims: Path | None = None) -> ReportInput:
    """Events and claims from a store, an events file (claims from `claims`, else claims.jsonl beside
    it when present) or a run folder. CodedError E701 when `path` is none of these."""
    path = Path(path)
    if path.is_dir():
        if (path / STORE_NAME).exists():
            return _from_store(path / STORE_NAME)
        if (path / EVENTS_NAME).exists():
            path = path / EVENTS_NAME
        else:
            raise _error(path, f"the folder holds neither {STORE_NAME} nor {EVENTS_NAME}")
    if not path.exists():
        raise _error(path, "it does not exist")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(b"SQLite format 3"):
        return _from_store(path)
    if claims is None and (path.parent / CLAIMS_NAME).exists():
        claims = path.parent / CLAIMS_NAME
    return _from_files(path, claims)


def article_texts(inputs: Sequence[str | Path], *, wanted: set[str], keys: KeyMap | None = None,
                  fmt: str = "auto") -> dict[str, str]:
    """doc id -> full text of the articles in `inputs` whose id is in `wanted` (others are not kept)."""
    texts: dict[str, str] = {}
    options = ReadOptions(keys=keys or KeyMap())
    for item in read_inputs(list(inputs), options=options, fmt=fmt):  # type: ignore[arg-type]
        if isinstance(item, ArticleItem) and item.doc_id in wanted:
            texts[item.doc_id] = item.article.full_text
    return texts


def correction_lines(path: Path | None) -> list[str]:
    """The corrections file's lines as they are (blank lines left out), so that the file the report
    downloads holds them and the new ones: one file, every correction made so far."""
    if path is None or not Path(path).exists():
        return []
    from ..correcting import read_corrections

    read_corrections(Path(path))  # a bad file is reported here, not in the browser
    return [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
