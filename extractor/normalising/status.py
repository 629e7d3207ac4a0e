"""Status of a mention: did the handover happen (completed) or is it still to come (planned)?

Planned covers the future, intentions, offers, and swaps that were postponed or called off.
The clause around the mention decides first; the whole sentence only when the clause is silent.
"""

from __future__ import annotations

from spacy.tokens import Span

from .sentences import SentenceView

TRANSFER_LABELS = ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
IRREGULAR_PAST = frozenset({"gave", "sent", "freed", "took", "brought", "got", "won", "came", "held", "swapped",
                            "handed", "went", "set", "let", "flew", "flown"})
AGREED_WORDS = frozenset({"agreed", "agree", "agrees", "agreement", "reached an agreement", "reached agreement",
                          "reached a deal", "struck a deal"})
NOUN_FORMS = frozenset({"release", "exchange", "return", "swap", "handover", "hand-over", "transfer", "repatriation",
                        "trade", "delivery"})


HOME_BASE_FORMS = frozenset({"home", "return home", "come home", "returning home", "comes home", "returns home"})


def is_past_verb(cue: Span) -> bool:
    if cue.label_ == "HOME":
        return cue.text.lower() not in HOME_BASE_FORMS  # "are home", "returned home", "came home"
    words = [t.lower_ for t in cue]
    if any(w in NOUN_FORMS for w in words) and len(words) == 1:
        return False
    return any(w.endswith("ed") or w in IRREGULAR_PAST for w in words)


AUXILIARIES = frozenset({"were", "was", "been", "have", "has", "had", "are", "is"})


def _relative(view: SentenceView, cue: Span) -> bool:
    return any(view.lower[k] in ("that", "which", "who") for k in range(max(view.start, cue.start - 3), cue.start))


def _finite(view: SentenceView, cue: Span, i: int) -> bool:
    """'1,000 prisoners released on each side' is a participle; 'were released' and 'Russia released' are verbs."""
    if cue.start > view.start and view.lower[cue.start - 1] == "be":
        return False  # "would be exchanged", "to be released": still to come
    if cue.start < i:
        return True
    return any(view.lower[k] in AUXILIARIES for k in range(max(view.start, cue.start - 3), cue.start))


def _planned_in(view: SentenceView, lo: int, hi: int) -> bool:
    return any(c.label_ == "PLANNED" for c in view.in_range(view.cues, lo, hi))


def _past_transfer_in(view: SentenceView, lo: int, hi: int) -> bool:
    return any(c.label_ in TRANSFER_LABELS and is_past_verb(c) for c in view.in_range(view.cues, lo, hi))


def status_at(view: SentenceView, i: int) -> tuple[str, str]:
    """('planned' | 'completed', rule id) for the mention at token i."""
    lo, hi = view.clause_bounds(i)
    # in the clause, the status word nearest to the mention decides
    # a plan inside a relative clause ("the swap that was postponed last week is complete") is weaker
    markers = [(abs(c.start - i) + (8 if _relative(view, c) else 0), "planned")
               for c in view.in_range(view.cues, lo, hi) if c.label_ == "PLANNED"]
    # "liberation of three soldiers for Wednesday": a day the handover is set for
    markers += [(abs(d.start - i), "planned") for d in view.in_range(view.dates, lo, hi)
                if d.start > view.start and view.lower[d.start - 1] in ("for", "next")]
    # "Ukraine and Russia to exchange 300 prisoners": an infinitive in a headline or plan
    markers += [(abs(c.start - i), "planned") for c in view.in_range(view.cues, lo, hi)
                if c.label_ in TRANSFER_LABELS and c.start > view.start and view.lower[c.start - 1] == "to"
                and (c.start < 2 or view.lower[c.start - 2] not in ("managed", "able", "order", "agreed"))]
    markers += [(abs(c.start - i), "completed") for c in view.in_range(view.cues, lo, hi)
                if (c.label_ in TRANSFER_LABELS and is_past_verb(c) and _finite(view, c, i)) or c.label_ == "COMPLETED"]
    if markers:
        status = min(markers)[1]
        return status, f"status.{status}_clause"
    # "with the first 390 freed on Friday": a past participle, when nothing else speaks
    if any(c.label_ in TRANSFER_LABELS and is_past_verb(c) for c in view.in_range(view.cues, lo, hi)):
        return "completed", "status.past_participle"
    if view.has_cue("COMPLETED"):
        return "completed", "status.past_clause"
    if _planned_in(view, view.start, view.end):
        return "planned", "status.planned_sentence"
    # "reached an agreement on the exchange of ...", "... had been agreed upon"; not "in an agreement"
    agreed = [c for c in view.cues_with("AGREEMENT") if c.text.lower() in AGREED_WORDS
              and (c.start < i or c.text.lower() in ("agreed", "agree", "agrees"))]
    if agreed and not _past_transfer_in(view, view.start, view.end):
        return "planned", "status.agreed_occasion"
    return "completed", "status.default_completed"
