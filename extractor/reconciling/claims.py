"""Claims as the reconciler sees them: compact, hashable views of contract records, and reading them from files.

A claim line is an exchange, agreement or tally record as `extractor extract` writes it. It may
also carry the article's `outlet`, `url` and `published` (read when present) and `agreement`:
the claim id of an agreement record the exchange is said to execute. Lines of any other type
(the per-article status lines) are skipped; keys the contract does not name are ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..contract.events import SourceMeta
from ..contract.records import AgreementRecord, ExchangeRecord, Flow, TallyRecord
from ..errors import CodedError, coded_error

ClaimRecord = ExchangeRecord | AgreementRecord | TallyRecord
CLAIM_TYPES = ("exchange", "agreement", "tally")
SOURCE_KEYS = ("outlet", "url", "published")
_MODELS: dict[str, type[ClaimRecord]] = {"exchange": ExchangeRecord, "agreement": AgreementRecord, "tally": TallyRecord}
_FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset((f.alias or name) for name, f in model.model_fields.items()) for kind, model in _MODELS.items()
}

# A flow as a tuple: (from, to, category, value, min, max, qualifier); no count: the last four are None.
FlowT = tuple[str | None, str | None, str, int | None, int | None, int | None, str | None]


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim, reduced to what matching and merging need. Dates are proleptic ordinals."""

    claim_id: str
    doc_id: str
    kind: str
    status: str | None
    start: int | None
    end: int | None
    precision: str | None
    flows: tuple[FlowT, ...]
    location: tuple[str, str | None] | None
    mediators: tuple[str, ...]
    parties: frozenset[str]
    scope: str | None = None
    agreement_ref: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_raw: str | None = None
    published: int | None = None
    # derived from the above by `make_claim`, kept to spare recomputing them for every pair
    dated: bool = False
    counted: bool = False
    categories: frozenset[str] = frozenset()
    signature: frozenset[tuple[str | None, str | None, str]] = frozenset()
    sided: bool = True  # every flow names both sides
    run_doc: str = ""  # the article as read by one extractor and data version
    people: frozenset[str] = frozenset()  # the named people handed over, as surname keys (see `person_key`)
    parts: frozenset[tuple] = frozenset()  # (from, to, category, figure) of groups summed into a flow's count
    keyed: tuple[FlowT, ...] | None = None  # the counted flows, when every flow names both sides and no two
    # counted flows share (from, to, category): pairing them with another claim's is then a lookup by key
    compared: tuple[FlowT, ...] = ()  # the flows compared with other claims' (see `compared_flows`)


_SHARED: dict = {}
_SHARED_LIMIT = 1_000_000


def _shared(value):
    """One object for equal values that recur across claims (flows, sets of parties, dates, versions),
    so a million claims hold a few thousand of them rather than a million copies. Values are immutable."""
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        found = _SHARED[value] = value
    return found


_SHARED_FIELDS = ("kind", "status", "start", "end", "precision", "location", "mediators", "parties", "scope",
                  "outlet", "published_raw", "published", "people", "parts")


def _redundant_total(f: FlowT, flows: tuple[FlowT, ...]) -> bool:
    """A flow naming neither side whose exact figure is the sum of two or more exact flows of its category
    that name a side ("exchanged 142 prisoners" beside "64" one way and "78" the other): the total of those
    flows, told once more."""
    if f[0] is not None or f[1] is not None or f[6] != "exact":
        return False
    parts = [g for g in flows if g[2] == f[2] and (g[0] is not None or g[1] is not None)]
    return len(parts) >= 2 and all(g[6] == "exact" for g in parts) and sum(g[3] for g in parts) == f[3]  # type: ignore[misc]


def compared_flows(flows: tuple[FlowT, ...]) -> tuple[FlowT, ...]:
    """The flows a claim is compared by: all of them but a sideless total of the sided flows beside it
    (`_redundant_total`). Reports of one swap give its figures per side, as a total, or both; a total told
    beside its parts would otherwise be paired with another report's figure of one side, or summed in again."""
    if len(flows) < 3 or all(f[0] is not None or f[1] is not None for f in flows):
        return flows
    kept = tuple(f for f in flows if not _redundant_total(f, flows))
    return flows if len(kept) == len(flows) else kept


_DERIVED: dict = {}
_DERIVED_LIMIT = 100_000


def _derived(flows: tuple) -> tuple:
    """What `make_claim` derives from a claim's flows (shared, as `flows` is): (keyed, counted, categories,
    signature, sided, compared). Claims repeat a few thousand flow tuples, so it is found once per tuple.
    `keyed`, `signature` and `sided` are of the compared flows (`compared_flows`)."""
    found = _DERIVED.get(flows)
    if found is None:
        if len(_DERIVED) >= _DERIVED_LIMIT:
            _DERIVED.clear()
        compared = compared_flows(flows)
        compared = flows if compared is flows else _shared(compared)
        sided = all(f[0] is not None and f[1] is not None for f in compared)
        counted = tuple(f for f in compared if f[6] is not None)
        keyed = _shared(counted) if sided and len({f[:3] for f in counted}) == len(counted) else None
        found = _DERIVED[flows] = (keyed, any(f[6] is not None for f in flows), _shared(frozenset(f[2] for f in flows)),
                                   _shared(frozenset(f[:3] for f in compared)), sided, compared)
    return found


def make_claim(*, versions: str = "", **fields) -> Claim:
    """A Claim with its derived fields filled in; `versions`: the extractor and data versions that read it."""
    flows = fields["flows"] = _shared(tuple(_shared(f) for f in fields["flows"]))
    for name in _SHARED_FIELDS:
        if fields.get(name) is not None:
            fields[name] = _shared(fields[name])
    keyed, counted, categories, signature, sided, compared = _derived(flows)
    return Claim(**fields, run_doc=f"{fields['doc_id']}\x00{versions}", keyed=keyed,
                 compared=compared,
                 dated=fields["start"] is not None or fields["end"] is not None,
                 counted=counted, categories=categories, signature=signature, sided=sided)


def compact_json(c: Claim) -> str:
    """A claim as a JSON array of `make_claim`'s fields, which `from_compact_json` reads back equal (the
    event store keeps it, so claims are not validated again on every run)."""
    return json.dumps([c.claim_id, c.doc_id, c.kind, c.status, c.start, c.end, c.precision, c.flows, c.location,
                       c.mediators, sorted(c.parties), c.scope, c.agreement_ref, c.outlet, c.url, c.published_raw,
                       c.published, sorted(c.people), c.run_doc.split("\x00", 1)[1]]
                      + ([sorted(c.parts, key=repr)] if c.parts else []),
                      ensure_ascii=False, separators=(",", ":"))


def from_compact_json(text: str) -> Claim:
    """The claim `compact_json` wrote: what `make_claim` makes of its fields (`tests/test_reconcile_claims.py`
    holds the two equal), built directly, as a store update reads back every claim of the closed sets it reaches."""
    (claim_id, doc_id, kind, status, start, end, precision, flows, location, mediators, parties, scope, ref, outlet,
     url, published_raw, published, people, versions, *rest) = json.loads(text)
    flows = _shared(tuple(_shared(tuple(f)) for f in flows))
    keyed, counted, categories, signature, sided, compared = _derived(flows)
    return Claim(claim_id, doc_id, _shared(kind), None if status is None else _shared(status),
                 None if start is None else _shared(start), None if end is None else _shared(end),
                 None if precision is None else _shared(precision), flows,
                 None if location is None else _shared(tuple(location)), _shared(tuple(mediators)),
                 _shared(frozenset(parties)), None if scope is None else _shared(scope), ref,
                 None if outlet is None else _shared(outlet), url,
                 None if published_raw is None else _shared(published_raw),
                 None if published is None else _shared(published),
                 start is not None or end is not None, counted, categories, signature, sided, f"{doc_id}\x00{versions}",
                 _shared(frozenset(people)), _shared(frozenset(tuple(p) for p in rest[0]) if rest else frozenset()),
                 keyed, compared)


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """A validated record with the source metadata found on its line."""

    record: ClaimRecord
    source: SourceMeta | None = None
    agreement_ref: str | None = None


def _ordinal(value: dt.date | None) -> int | None:
    return value.toordinal() if value is not None else None


def published_ordinal(raw: str | None) -> int | None:
    """A full ISO publication date as an ordinal; partial or unparsable dates give None."""
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw)[:10]).toordinal()
    except ValueError:
        return None


def person_key(name: str) -> str:
    """A name reduced for comparison across outlets: its last word, lower-case, without accents
    ("Paul Whelan", "Whelan" and "WHELAN" give "whelan")."""
    text = unicodedata.normalize("NFKD", name)
    words = ["".join(ch for ch in w if ch.isalnum()) for w in text.casefold().split()]
    words = [w for w in words if w]
    return words[-1] if words else ""


def _people(flows) -> frozenset[str]:
    """The people named on the flows (the contract's optional `people`, read where the model has it)."""
    keys = {person_key(n) for f in flows for n in (getattr(f, "people", None) or ())}
    keys.discard("")
    return frozenset(keys)


def _flow(flow: Flow) -> FlowT:
    c = flow.count
    if c is None:
        return (flow.from_, flow.to, flow.category, None, None, None, None)
    return (flow.from_, flow.to, flow.category, c.value, c.min, c.max, c.qualifier)


def to_claim(item: ClaimInput, *, sources: Mapping[str, SourceMeta] | None = None) -> Claim:
    """The compact view of a record; source metadata from the line wins over the `sources` mapping."""
    rec = item.record
    meta = item.source or (sources.get(rec.doc_id) if sources else None) or SourceMeta()
    people, parts = frozenset(), frozenset()
    if isinstance(rec, ExchangeRecord):
        flows, date, status = tuple(_flow(f) for f in rec.flows), rec.date, rec.status
        people = _people(rec.flows)
        parts = frozenset((f.from_, f.to, f.category, n) for f in rec.flows for n in (getattr(f, "parts", None) or ()))
        location, mediators, parties, scope = rec.location, tuple(sorted(set(rec.mediators))), set(), None
    elif isinstance(rec, AgreementRecord):
        flows, date, status = tuple(_flow(f) for f in rec.terms), rec.date, None
        location, mediators, parties, scope = rec.location, (), set(rec.parties), None
    else:
        flows, date, status = (_flow(rec.flow),), rec.as_of, None
        location, mediators, parties, scope = None, (), set(), (rec.scope or None)
    for f in flows:
        parties.update(p for p in f[:2] if p is not None)
    return make_claim(
        versions=f"{rec.extractor_version}\x00{rec.data_version}", claim_id=rec.claim_id, doc_id=rec.doc_id, kind=rec.type, status=status,
        start=_ordinal(date.start) if date else None, end=_ordinal(date.end) if date else None,
        precision=date.precision if date else None, flows=flows,
        location=(location.name, location.country) if location else None,
        mediators=mediators, parties=frozenset(parties), scope=scope, agreement_ref=item.agreement_ref,
        outlet=meta.outlet, url=meta.url, published_raw=meta.published, published=published_ordinal(meta.published),
        people=people, parts=parts,
    )


def as_claim(item: ClaimInput | ClaimRecord | Claim, *, sources: Mapping[str, SourceMeta] | None = None) -> Claim:
    """A claim, a claim input or a bare record as a compact claim."""
    if isinstance(item, Claim):
        return item
    return to_claim(item if isinstance(item, ClaimInput) else ClaimInput(record=item), sources=sources)


def parse_claim(row: Mapping[str, object], *, where: str = "<claim>") -> ClaimInput | None:
    """A claim from one decoded line; None for lines that are not exchange/agreement/tally records."""
    kind = row.get("type")
    if kind not in CLAIM_TYPES:
        return None
    fields = _FIELDS[kind]  # type: ignore[index]
    data = {k: v for k, v in row.items() if k in fields}
    try:
        record = _MODELS[kind].model_validate(data)  # type: ignore[index]
    except ValidationError as err:
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in err.errors()[:3])
        raise coded_error("E302", source=where, kind=kind, detail=detail) from None
    meta = {k: row.get(k) for k in SOURCE_KEYS if row.get(k) is not None}
    source = SourceMeta(**{k: str(v) for k, v in meta.items()}) if meta else None
    ref = row.get("agreement")
    return ClaimInput(record=record, source=source, agreement_ref=str(ref) if isinstance(ref, str) and ref else None)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of a JSON Lines file: plain or gzip (by name or first bytes), `-` for
    standard input; lines and decompression bounded as for article inputs (E013, E012, E011)."""
    from ..reading.items import ErrorItem
    from ..reading.lines import iter_raw_lines
    from ..reading.options import ReadOptions

    if str(path) != "-" and not path.exists():
        raise coded_error("E303", path=str(path), detail="no such file")
    for raw in iter_raw_lines(path, options=ReadOptions(), gz=path.name.lower().endswith(".gz"), kind="JSON Lines"):
        if isinstance(raw, ErrorItem):
            if raw.code == "E007":
                raise coded_error("E303", path=str(path), detail=raw.message)
            raise CodedError(raw.code, raw.message)
        try:
            yield raw.number, raw.data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise coded_error("E303", path=str(path), detail=f"not UTF-8 ({err.reason})") from None


def _row(line: str, where: str) -> object:
    try:
        return json.loads(line)
    except RecursionError:
        raise coded_error("E301", source=where, detail="nested too deeply") from None
    except ValueError as err:  # bad JSON, or an integer over Python's 4,300-digit limit
        raise coded_error("E301", source=where, detail=str(err).splitlines()[0][:200]) from None


def read_claim_file(path: Path, *, statuses: dict[str, str] | None = None) -> Iterator[ClaimInput]:
    """The claims of one JSON Lines file (or .gz, or `-`), in file order. `statuses`, when given, gets
    the status of every article with a status line (doc id -> ok, no_events, skipped or error; an
    article skipped as too long counts as error: it was not read)."""
    for n, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        row = _row(line, where)
        if not isinstance(row, dict):
            raise coded_error("E301", source=where, detail=f"got {type(row).__name__}")
        if statuses is not None and row.get("type") == "article" and isinstance(row.get("doc_id"), str):
            unread = row.get("status") == "skipped" and "[E009]" in str(row.get("note") or "")
            statuses[row["doc_id"]] = "error" if unread else str(row.get("status"))
        item = parse_claim(row, where=where)
        if item is not None:
            yield item


def read_claim_files(paths: Iterable[Path], *, statuses: dict[str, str] | None = None) -> Iterator[ClaimInput]:
    for path in paths:
        yield from read_claim_file(Path(path), statuses=statuses)


def replaced_docs(statuses: Mapping[str, str]) -> set[str]:
    """Articles whose claims in a file are all they have now: read without error (an article that
    failed this time, or was skipped as too long, keeps the claims it had)."""
    return {doc for doc, status in statuses.items() if status != "error"}


def read_sources(path: Path) -> dict[str, SourceMeta]:
    """doc_id -> outlet/url/published from an articles file (JSON Lines with `id` or `doc_id`)."""
    out: dict[str, SourceMeta] = {}
    for n, line in _lines(path):
        if not line.strip():
            continue
        row = _row(line, f"{path}:{n}")
        if not isinstance(row, dict):
            continue
        doc = row.get("id", row.get("doc_id"))
        if doc is None:
            continue
        out[str(doc)] = SourceMeta(**{k: str(row[k]) for k in SOURCE_KEYS if row.get(k) is not None})
    return out


__all__ = ["Claim", "ClaimInput", "as_claim", "compact_json", "from_compact_json", "make_claim", "ClaimRecord", "CodedError", "FlowT", "parse_claim", "person_key", "published_ordinal",
           "read_claim_file", "read_claim_files", "read_sources", "to_claim"]
