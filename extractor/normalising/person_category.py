"""The category of one person handed over, from how the text describes that person.

A person swapped between two states is a prisoner of their justice system by default (the dyad's
generic word), but a serviceman captured in the field is a prisoner of war: "Flight Lieutenant Asad
Rana, the pilot captured last week", "a captured Eritrean officer" (rule category.serviceman_person).
One said to be jailed, convicted or serving a sentence is a prisoner whatever the noun ("an
intelligence colonel convicted of espionage", "a Russian pilot jailed in the US for smuggling": rule
category.jailed_person), and so is a former serviceman ("a former army officer").
"""

from __future__ import annotations

from .groups import Group, jailed_after
from .sentences import SentenceView, span_text

SERVICEMAN_RULE = "category.serviceman_person"
JAILED_RULE = "category.jailed_person"
PERSON_RULES = frozenset({"group.single_person", "group.released_person", "group.handed_person",
                          "group.named_person", "group.person_for_person"})
# what a person said to be held by a justice system or to have left the forces is called
JAILED_WORDS = frozenset({"jailed", "imprisoned", "convicted", "sentenced", "sentence", "spy", "spying", "espionage",
                          "intelligence", "agent", "charged", "accused"})
FORMER_WORDS = frozenset({"former", "retired", "ex", "ex-", "veteran"})
# service nouns that name civilians too (an airline pilot, a police or intelligence officer, a ship's sailor):
# a serviceman only beside a word of the forces or of capture
CIVIL_TOO = frozenset({"pilot", "officer", "commander", "sailor", "constable"})
SERVICE_WORDS = frozenset({"army", "air", "navy", "naval", "military", "captured", "shot", "downed", "war", "forces",
                           "marines", "brigade", "regiment"})
DESCRIPTION_STOPS = frozenset({";", ".", "and", "in", "for", "to", "at", "on", "who", "whose", "after", "while"})
DESCRIPTION_REACH = 8  # tokens after a name to the end of its appositive (", the Indian Air Force pilot ...")
NAME_REACH = 5  # tokens before an appositive's comma: the name and its title ("Squadron Leader Asad Rana ,")


def serviceman_persons(groups: list[Group]) -> None:
    """Single persons told as servicemen, and not as jailed or former, are pows (SERVICEMAN_RULE); a
    serviceman told as jailed is a prisoner (JAILED_RULE)."""
    for group in groups:
        if group.category not in ("prisoners", "pows") or group.noun is None or group.per_side \
                or PERSON_RULES.isdisjoint(group.rules) or group.count is None or group.count.value != 1:
            continue
        told = _told_as(group.view, group.noun.start, group.noun.end)
        if told is not None and told != group.category:
            group.category = told
            group.rules.append(SERVICEMAN_RULE if told == "pows" else JAILED_RULE)


def _told_as(view: SentenceView, start: int, end: int) -> str | None:
    """'prisoners' for a person told as jailed or as a former serviceman, 'pows' for one told as a
    serviceman, else None."""
    if jailed_after(view, end):
        return "prisoners"  # "a Russian pilot jailed in the US"
    rank = civil_too = forces = False
    for k in range(_description_start(view, start), _description_end(view, end)):
        word = view.lower[k]
        if word in JAILED_WORDS or word in FORMER_WORDS:
            return "prisoners"
        forces = forces or word in SERVICE_WORDS
        cue = view.cue(k)
        if cue is not None and cue.kb_id_ == "pows" and cue.label_ in ("PERSON", "CATEGORY") \
                and not span_text(cue).lower().endswith("s"):
            if span_text(cue).lower() in CIVIL_TOO:
                civil_too = True
            else:
                rank = True
    return "pows" if rank or (civil_too and forces) else None


def _description_start(view: SentenceView, start: int) -> int:
    """The start of the person's own words: the noun's modifiers, and the name an appositive noun stands
    for with its title ('Flight Lieutenant Asad Rana, the pilot')."""
    lo = max(view.start, start - 3)
    comma = next((k for k in range(start - 1, lo - 1, -1) if view.lower[k] == ","), None)
    return lo if comma is None else max(view.start, comma - NAME_REACH)


def _description_end(view: SentenceView, end: int) -> int:
    """The end of the person's own words: the noun, and what follows it up to a stop ('X, the pilot captured
    last week,', 'the officer, shot down in May')."""
    k = end + 1 if end < view.end and view.lower[end] == "," else end
    limit = min(view.end, k + DESCRIPTION_REACH)
    while k < limit and view.lower[k] not in DESCRIPTION_STOPS and view.lower[k] != ",":
        k += 1
    return k
