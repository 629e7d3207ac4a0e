"""Running totals: a counted group that sums up handovers over a period ("so far", "since the
start", "bringing the total to") is a tally, not a handover occasion."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .groups import Group
from .sentences import SentenceView
from .status import TRANSFER_LABELS

STRONG_TALLY = frozenset({"so far", "to date", "since the start", "since the beginning", "since the start of",
                          "since the full-scale invasion", "since the invasion", "since the war began",
                          "since the beginning of the war", "since the start of the war", "since february 2022",
                          "since 2022", "altogether", "in all", "bringing the total", "brings the total",
                          "bringing the number", "bring the total", "cumulative", "cumulatively", "in just two days",
                          "in two days", "in three days", "thus far", "till now", "until now", "already",
                          "brings to", "bringing to", "bring to", "brought to", "brings the number",
                          "bringing the number to"})


FORWARD_TALLY = frozenset({"bringing the total", "brings the total", "bringing the number", "bring the total",
                           "brings to", "bringing to", "bring to", "brought to", "brings the number",
                           "bringing the number to"})


SUPERLATIVES = frozenset({"largest", "biggest", "first", "most", "highest", "greatest", "only", "latest", "last"})


@dataclass(frozen=True)
class Tally:
    """A running total: the counted group and the cue that makes it one."""

    group: Group
    cue: Span


def tally_cue(group: Group, sentence_groups: list[Group]) -> Span | None:
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    others = [g.quantity for g in sentence_groups if g is not group and g.quantity is not None]
    since = [d for d in view.dates if d.text.lower().startswith(("since", "as of"))]
    for cue in sorted(view.cues_with("TALLY") + since, key=lambda c: c.start):
        text = cue.text.lower()
        if text not in STRONG_TALLY and not text.startswith(("since", "as of")):
            continue
        if _superlative_before(view, cue):
            continue  # "the largest such deal to date"
        if cue.end <= group.start:
            between = [q for q in others if cue.end <= q.start < group.start]
            first_clause = view.clause_bounds(view.start)[1] >= cue.end
            if first_clause and cue.start - view.start <= 2:
                return cue  # "Since the truce began, 21 hostages have been freed for 1,100 prisoners"
            first_clause = first_clause and group.start - cue.end <= 8
            near = lo <= cue.start or first_clause or (text in FORWARD_TALLY and group.start - cue.end <= 16)
            if not between and near:
                return cue
        elif cue.start >= group.end and text not in FORWARD_TALLY:
            between = [q for q in others if group.end <= q.start < cue.start]
            if not between and cue.start < hi:
                return cue
    return None


def _superlative_before(view: SentenceView, cue: Span) -> bool:
    return any(view.lower[k] in SUPERLATIVES for k in range(max(view.start, cue.start - 5), cue.start))


def transfer_near(group: Group) -> bool:
    """A figure is a handover only where a transfer word governs it: in its clause or close by."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    for cue in view.cues:
        if cue.label_ in TRANSFER_LABELS or (cue.label_ == "FOR" and cue.kb_id_ != "for"):
            if lo <= cue.start < hi or min(abs(cue.start - group.end), abs(group.start - cue.end)) <= 8:
                return True
    return False


def find_tally(group: Group, groups: list[Group]) -> Tally | None:
    """The group as a running total, if a tally cue frames it and a transfer word governs it."""
    cue = tally_cue(group, [g for g in groups if g.view is group.view])
    if cue is not None and transfer_near(group):
        return Tally(group=group, cue=cue)
    return None
