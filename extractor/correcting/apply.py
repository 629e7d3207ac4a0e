"""Applying corrections around the reconciler.

Claim corrections (reject, edit a claim, add an event by hand) change the claims before they are
grouped; event corrections change the groups afterwards: merges and splits in file order, then
event edits in file order (an edit is never undone by a later merge). The uncorrected grouping
(`raw`) is kept too: its event ids are what the next run's ids are kept from, so a merge or a split
is applied the same way on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..contract.events import CorrectionNote, EventRecord, SourceMeta
from ..contract.records import ExchangeRecord
from ..reconciling import Reconciliation, as_claims, reconcile
from ..reconciling.building import build_event
from ..reconciling.claims import Claim, ClaimInput, ClaimRecord
from ..reconciling.ids import event_id_for
from .models import NO_EDIT, AddEvent, CorrectionLine, EditClaim, EditEvent, MergeEvents, RejectClaim, SplitEvent

HAND_PREFIX = "correction:"


@dataclass(frozen=True)
class Applied:
    """What became of one correction: `applied` False with the reason when its target was not found."""

    correction_id: str
    action: str
    applied: bool
    detail: str
    source: str = ""


@dataclass(frozen=True)
class CorrectedReconciliation:
    result: Reconciliation
    raw: Reconciliation
    applied: tuple[Applied, ...] = ()
    rejected: frozenset[str] = field(default_factory=frozenset)

    @property
    def not_applied(self) -> tuple[Applied, ...]:
        return tuple(a for a in self.applied if not a.applied)


def hand_claims(corrections: Sequence[CorrectionLine]) -> list[ClaimInput]:
    """The claims of the events added by hand (doc and claim id `correction:<id>`)."""
    out = []
    for line in corrections:
        c = line.correction
        if not isinstance(c, AddEvent):
            continue
        ev = c.event
        ident = HAND_PREFIX + line.id
        record = ExchangeRecord(doc_id=ident, claim_id=ident, status=ev.status, date=ev.date, flows=ev.flows,
                                location=ev.location, mediators=ev.mediators, rules=("correction.add_event",),
                                confidence=1.0, outlet=ev.outlet, url=ev.url, published=ev.published)
        meta = {k: v for k, v in (("outlet", ev.outlet), ("url", ev.url), ("published", ev.published)) if v}
        out.append(ClaimInput(record=record, source=SourceMeta(**meta) if meta else None))
    return out


def _note(line: CorrectionLine, detail: str) -> CorrectionNote:
    c = line.correction
    return CorrectionNote(correction_id=line.id, action=c.action, who=c.who, why=c.why, when=c.when.isoformat(),
                          detail=detail)


def set_path(data: Any, path: str, value: Any) -> Any:
    """`data` (JSON-like) with the item at dotted `path` replaced by `value`; KeyError/IndexError when absent."""
    head, _, rest = path.partition(".")
    if isinstance(data, list):
        index = int(head) if head.lstrip("-").isdigit() else None
        if index is None or not -len(data) <= index < len(data):
            raise IndexError(f"no item {head!r} in a list of {len(data)}")
        out = list(data)
        out[index] = set_path(out[index], rest, value) if rest else value
        return out
    if isinstance(data, dict):
        out = dict(data)
        if rest:
            if head not in out or out[head] is None:
                raise KeyError(head)
            out[head] = set_path(out[head], rest, value)
        else:
            out[head] = value
        return out
    raise KeyError(head)


def _edited(model: Any, path: str, value: Any) -> Any:
    """A copy of a contract model with one field set, validated; ValueError with the reason otherwise."""
    if path.split(".")[0] in NO_EDIT:
        raise ValueError(f"field {path.split('.')[0]!r} cannot be edited")
    try:
        data = set_path(model.model_dump(mode="json", by_alias=True), path, value)
    except (KeyError, IndexError) as err:
        raise ValueError(f"no field {path!r} ({err})") from None
    try:
        return type(model).model_validate(data)
    except ValidationError as err:
        raise ValueError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()[:2])) from None


def _claim_corrections(items: list[ClaimInput], corrections: Sequence[CorrectionLine]
                       ) -> tuple[list[ClaimInput], list[Applied], dict[str, list[CorrectionNote]], dict[str, list[CorrectionNote]], set[str]]:
    by_id = {i.record.claim_id: i for i in items}
    applied: list[Applied] = []
    claim_notes: dict[str, list[CorrectionNote]] = {}
    doc_notes: dict[str, list[CorrectionNote]] = {}
    rejected: set[str] = set()
    for line in corrections:
        c = line.correction
        if isinstance(c, AddEvent):
            ident = HAND_PREFIX + line.id
            claim_notes.setdefault(ident, []).append(_note(line, "event added by hand"))
            applied.append(Applied(line.id, c.action, True, f"claim {ident}", line.source))
        elif isinstance(c, (RejectClaim, EditClaim)):
            item = by_id.get(c.claim)
            if item is None:
                applied.append(Applied(line.id, c.action, False, f"no claim {c.claim!r} in this run", line.source))
                continue
            if isinstance(c, RejectClaim):
                del by_id[c.claim]
                rejected.add(c.claim)
                doc_notes.setdefault(item.record.doc_id, []).append(_note(line, f"claim {c.claim} rejected"))
                applied.append(Applied(line.id, c.action, True, f"claim {c.claim} rejected", line.source))
                continue
            try:
                record: ClaimRecord = _edited(item.record, c.field, c.value)
            except ValueError as err:
                applied.append(Applied(line.id, c.action, False, f"claim {c.claim}: {err}", line.source))
                continue
            by_id[c.claim] = ClaimInput(record=record, source=item.source, agreement_ref=item.agreement_ref)
            claim_notes.setdefault(c.claim, []).append(_note(line, f"claim {c.claim}: {c.field} set"))
            applied.append(Applied(line.id, c.action, True, f"claim {c.claim}: {c.field} set", line.source))
    return list(by_id.values()), applied, claim_notes, doc_notes, rejected


class _Events:
    """The grouping being corrected: members per event id, the built events, aliases."""

    def __init__(self, raw: Reconciliation, claims: Mapping[str, Claim]) -> None:
        self.claims = claims
        self.events = {e.event_id: e for e in raw.events}
        self.members = {e.event_id: list(e.claims) for e in raw.events}
        self.aliases = dict(raw.aliases)
        self.notes: dict[str, list[CorrectionNote]] = {}

    def resolve(self, event_id: str) -> str | None:
        seen = set()
        while event_id not in self.events and event_id in self.aliases and event_id not in seen:
            seen.add(event_id)
            event_id = self.aliases[event_id]
        return event_id if event_id in self.events else None

    def rebuild(self, event_id: str, members: list[str], *, like: Sequence[EventRecord]) -> None:
        members = sorted(set(members))
        inside = set(members)
        merges = [m for e in like for m in e.merges if m.claim_id in inside and m.linked_to in inside]
        misses = [n for e in like for n in e.near_misses if n.claim_id in inside and n.other_claim_id not in inside]
        event = build_event(event_id, [self.claims[c] for c in members], merges=sorted(merges, key=lambda m: (m.claim_id, m.linked_to)),
                            near_misses=sorted(misses, key=lambda n: (-n.score, n.claim_id, n.other_claim_id)))
        # links found between events (agreements, stages of a multi-day swap) are kept from the events rebuilt
        agreement = next((e.agreement for e in like if e.agreement), None)
        executed = tuple(sorted({x for e in like for x in e.executed_by}))
        part_of = next((e.part_of for e in like if getattr(e, "part_of", None)), None)
        parts = tuple(sorted({x for e in like for x in getattr(e, "parts", ())}))
        self.events[event_id] = event.model_copy(update={"agreement": agreement, "executed_by": executed,
                                                         "part_of": part_of, "parts": parts})
        self.members[event_id] = members

    def new_id(self, first_claim: str) -> str:
        base = event_id_for(first_claim)
        candidate, n = base, 1
        while candidate in self.events or candidate in self.aliases:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def merge(self, line: CorrectionLine, c: MergeEvents) -> Applied:
        found = [(e, self.resolve(e)) for e in c.events]
        missing = [e for e, r in found if r is None]
        if missing:
            return Applied(line.id, c.action, False, f"no event {', '.join(missing)} in this run", line.source)
        ids = list(dict.fromkeys(r for _, r in found if r is not None))
        kinds = {self.events[i].kind for i in ids}
        if len(kinds) > 1:
            return Applied(line.id, c.action, False, f"events of different kinds ({', '.join(sorted(kinds))})", line.source)
        if len(ids) < 2:
            return Applied(line.id, c.action, True, f"already one event {ids[0]}", line.source)
        keep, like = ids[0], [self.events[i] for i in ids]
        self.rebuild(keep, [m for i in ids for m in self.members[i]], like=like)
        for other in ids[1:]:
            del self.events[other], self.members[other]
            self.aliases[other] = keep
            self.notes.pop(other, None)
        detail = f"merged {', '.join(ids[1:])} into {keep}"
        self.notes.setdefault(keep, []).append(_note(line, detail))
        return Applied(line.id, c.action, True, detail, line.source)

    def split(self, line: CorrectionLine, c: SplitEvent) -> Applied:
        event_id = self.resolve(c.event)
        if event_id is None:
            return Applied(line.id, c.action, False, f"no event {c.event} in this run", line.source)
        members = self.members[event_id]
        moving = sorted(set(c.claims))
        absent = [m for m in moving if m not in members]
        if absent:
            return Applied(line.id, c.action, False, f"claim(s) {', '.join(absent)} not in event {event_id}", line.source)
        if len(moving) == len(members):
            return Applied(line.id, c.action, False, f"the claims are the whole event {event_id}", line.source)
        old = self.events[event_id]
        new_id = self.new_id(moving[0])
        self.rebuild(event_id, [m for m in members if m not in moving], like=[old])
        self.rebuild(new_id, moving, like=[old])
        detail = f"claim(s) {', '.join(moving)} split from {event_id} into {new_id}"
        for e in (event_id, new_id):
            self.notes.setdefault(e, []).append(_note(line, detail))
        return Applied(line.id, c.action, True, detail, line.source)

    def edit(self, line: CorrectionLine, c: EditEvent) -> Applied:
        event_id = self.resolve(c.event)
        if event_id is None:
            return Applied(line.id, c.action, False, f"no event {c.event} in this run", line.source)
        try:
            self.events[event_id] = _edited(self.events[event_id], c.field, c.value)
        except ValueError as err:
            return Applied(line.id, c.action, False, f"event {event_id}: {err}", line.source)
        detail = f"{c.field} set"
        self.notes.setdefault(event_id, []).append(_note(line, detail))
        return Applied(line.id, c.action, True, f"event {event_id}: {detail}", line.source)


def reconcile_corrected(items: Iterable[ClaimInput | ClaimRecord], *, corrections: Sequence[CorrectionLine] = (),
                        sources: Mapping[str, SourceMeta] | None = None, previous: Mapping[str, str] | None = None,
                        reserved: Iterable[str] = (), with_hand_claims: bool = True) -> CorrectedReconciliation:
    """`reconcile` with the corrections applied. `with_hand_claims`: add the claims of `add_event`
    corrections (False when `items` already hold them, as in the store)."""
    inputs = [i if isinstance(i, ClaimInput) else ClaimInput(record=i) for i in items]
    if with_hand_claims:
        inputs += hand_claims(corrections)
    if not corrections:
        raw = reconcile(inputs, sources=sources, previous=previous, reserved=reserved)
        return CorrectedReconciliation(result=raw, raw=raw)
    inputs, applied, claim_notes, doc_notes, rejected = _claim_corrections(inputs, corrections)
    raw = reconcile(inputs, sources=sources, previous=previous, reserved=reserved)
    grouping = _Events(raw, {c.claim_id: c for c in as_claims(inputs, sources=sources)})
    for line in corrections:
        c = line.correction
        if isinstance(c, MergeEvents):
            applied.append(grouping.merge(line, c))
        elif isinstance(c, SplitEvent):
            applied.append(grouping.split(line, c))
    for line in corrections:
        if isinstance(line.correction, EditEvent):
            applied.append(grouping.edit(line, line.correction))
    events = []
    for event_id in sorted(grouping.events):
        ev = grouping.events[event_id]
        notes = [n for cid in ev.claims for n in claim_notes.get(cid, ())]
        notes += [n for doc in sorted({s.doc_id for s in ev.sources}) for n in doc_notes.get(doc, ())]
        notes += grouping.notes.get(event_id, ())
        if notes:
            ev = ev.model_copy(update={"corrections": ev.corrections + tuple(notes)})
        events.append(ev)
    event_of = {cid: e for e, members in grouping.members.items() for cid in members}
    order = {line.id: n for n, line in enumerate(corrections)}
    applied.sort(key=lambda a: order.get(a.correction_id, 0))
    result = Reconciliation(events=tuple(events), event_of=event_of, aliases=grouping.aliases)
    return CorrectedReconciliation(result=result, raw=raw, applied=tuple(applied), rejected=frozenset(rejected))


__all__ = ["Applied", "CorrectedReconciliation", "HAND_PREFIX", "hand_claims", "reconcile_corrected", "set_path"]
