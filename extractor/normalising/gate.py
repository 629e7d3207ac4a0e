"""The exchange gate: whether an article speaks of handing people or remains over at all, and
which of its sentences can hold a counted group."""

from __future__ import annotations

from .sentences import SentenceView
from .status import TRANSFER_LABELS

DOMAIN_WORDS = frozenset({"prisoner", "prisoners", "pow", "hostage", "hostages", "prisoner-swap", "prisoner-exchange"})


def relevant(view: SentenceView) -> bool:
    if not (view.has_cue(*TRANSFER_LABELS, "AGREEMENT", "TALLY") or swap_for(view)):
        return False
    if view.has_cue("NOT_EXCHANGE") and not view.has_cue("GIVE", "RECEIVE", "HOME"):
        return False
    return True


def swap_for(view: SentenceView) -> bool:
    """'in exchange for', 'in return for' (a bare 'for' is too common to mark a swap)."""
    return any(c.kb_id_ != "for" for c in view.cues_with("FOR"))


def about_exchanges(views: list[SentenceView]) -> bool:
    """The article speaks of handing people or remains over somewhere: a category word beside a
    transfer word, or a compound like 'prisoner swap'. Market, student and currency exchanges do not."""
    for view in views:
        if view.has_cue("EXCHANGE", "GIVE", "RECEIVE", "HOME") and any(
                c.kb_id_ != "generic" for c in view.cues_with("CATEGORY") if view.actor(c.start) is None):
            return True
        if any(len(c) > 1 and {t.lower_ for t in c} & DOMAIN_WORDS for c in view.cues_with("EXCHANGE")):
            return True
        # "Iran released five US citizens in exchange for five Iranians": people swapped for people
        people = view.cues_with("CATEGORY") + [a for a in view.actors if a.label_ == "DEMONYM" and a.text.endswith("s")]
        if (view.has_cue("EXCHANGE") or swap_for(view)) and people and view.quantities:
            return True
        # "Russia freed the jailed American teacher in exchange for a Russian businessman"
        if swap_for(view) and len(view.cues_with("PERSON")) >= 2 and view.has_cue("GIVE", "RECEIVE", "EXCHANGE"):
            return True
    return False
