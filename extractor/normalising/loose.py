"""Uncounted mentions: a swap the article places in time or status without giving a figure.

"The Ukrainian side postponed both the reception of the bodies and the prisoner exchange",
"further releases were expected on Sunday": no number, but an occasion all the same. Such a
mention becomes flows without counts; it joins an occasion already read from figures when it
fits one, and makes an occasion of its own only when it is clearly placed (a date, or a planned
swap the article has no other record of).
"""

from __future__ import annotations

from ..recognising.extensions import date_of
from .dating import since_when
from .context import ArticleContext
from .groups import Group, uncounted_group
from .sentences import SentenceView, span_text
from .status import headline_swap, is_past_verb

BODY_WORDS = frozenset({"body", "bodies", "remains", "corpses", "dead", "fallen"})


def _plausible(context: ArticleContext) -> set[str]:
    """Categories an uncounted mention may take in this dyad: hostages in a Russia-Ukraine article
    are someone 'taken hostage', not a handover category."""
    return {context.default_category, "bodies", "civilians"} | set(context.category_sides)


def categories(view: SentenceView, context: ArticleContext) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    bodies = [c for c in view.cues_with("CATEGORY") if c.kb_id_ == "bodies"]
    for cue in view.cues_with("CATEGORY"):
        if view.actor(cue.start) is not None:
            continue
        if cue.kb_id_ != "bodies" and any(0 <= cue.start - b.end <= 4 for b in bodies):
            continue  # "the remains of fallen fighters": the fighters are the remains
        category = context.default_category if cue.kb_id_ == "generic" else cue.kb_id_
        if category == "civilians" and not span_text(cue).lower().startswith("civilian"):
            continue
        if category not in _plausible(context):
            continue
        if category not in [c for c, _ in found]:
            found.append((category, cue))
    for cue in view.cues_with("EXCHANGE"):
        words = {t.lower_ for t in cue}
        if words & {"prisoner", "prisoners", "pow", "hostage"} or span_text(cue).lower() in ("exchange", "swap"):
            category = "hostages" if "hostage" in words else context.default_category
            if not found:
                found.append((category, cue))
        elif span_text(cue).lower() in ("exchanges", "swaps") and _placed_background(view, [cue]) and not found:
            # "the exchanges dropped, and the last one took place in early August": placed where it took place
            found.append((context.default_category, view.cues_with("COMPLETED")[0]))
    return found


DOCUMENT_WORDS = frozenset({"statement", "statements", "list", "lists", "report", "video", "videos", "photos",
                            "images", "footage", "figures", "details", "names", "declaration", "communique",
                            # things received or sent that are no people: "received assurances of safe passage"
                            "assurances", "assurance", "guarantees", "guarantee", "permission", "approval", "request",
                            "requests", "aid", "supplies", "food", "convoy", "convoys", "trucks", "funding", "funds",
                            "money", "letters", "messages", "calls", "complaints", "offers", "invitation", "threats",
                            "warnings", "visas", "shipments", "deliveries", "fuel", "medicine", "weapons", "equipment"})
CONTINUATION = frozenset({"more", "further", "continue", "continues", "continued", "remaining", "next"})


def _placed_handover(view: SentenceView, specific: bool) -> str | None:
    """No swap word, but a dated handover: 'further releases were expected on Sunday', 'tomorrow we
    expect more', 'the body was handed over in early September'. The rule its groups carry beside
    group.uncounted ('' for none), or None: no handover."""
    if not view.dates:
        return None
    # "released a joint statement", "handed over a list", "received assurances": a thing, not people
    verbs = [c for c in view.cues_with("GIVE", "RECEIVE", "HOME")
             if is_past_verb(c) and not (c.end < view.end and view.lower[c.end] == "of")
             and not any(w in DOCUMENT_WORDS for w in view.lower[c.end:min(view.end, c.end + 4)])]
    people = [c for c in view.cues_with("CATEGORY") if view.actor(c.start) is None]
    if any(c.end < view.end and view.lower[c.end] in ("into", "onto") for c in people):
        return None  # "sent troops into the region": a deployment, not a handover
    # the people must be what is handed over: next to the verb, not 'letters between prisoners'
    transfer = any(min(abs(p.start - v.end), abs(v.start - p.end)) <= 3 for v in verbs for p in people) or (
        bool(verbs) and not people)
    firm = [c for c in view.cues_with("PLANNED") if c.kb_id_ in ("future", "cancelled")]
    # the date must stand in the clause of the plan: "we expect more on Sunday"
    dated_plan = any(view.clause_bounds(c.start)[0] <= d.start < view.clause_bounds(c.start)[1]
                     for c in firm for d in view.dates)
    # "talks due to continue on Thursday": the talks go on, not the handovers
    # ("next week" is a date, not more of the same)
    in_dates = {k for d in view.dates for k in range(d.start, d.end)}
    continuing = any(view.lower[k] in CONTINUATION and k not in in_dates for k in range(view.start, view.end)) \
        and not view.has_cue("TALKS")
    if (dated_plan and (transfer or continuing)) or (transfer and specific):
        return ""
    return PLANNED_FAR_RULE if dated_plan and _planned_far(view, specific, verbs, firm) else None


PLANNED_FAR_RULE = "group.planned_handover_far"


def _planned_far(view: SentenceView, specific: bool, verbs: list, firm: list) -> bool:
    """'the bodies of servicemen killed in the fighting would be handed over next week': a handover verb in the
    clause of a dated plan, of people of a kind the sentence names, though the noun stands far from the verb
    (rule group.planned_handover_far)."""
    if not specific:
        return False
    for c in firm:
        lo, hi = view.clause_bounds(c.start)
        if any(lo <= v.start < hi and DOCUMENT_WORDS.isdisjoint(view.lower[lo:v.start]) for v in verbs):
            return True  # not "lists of the soldiers still missing would be handed over next week"
    return False


AFTERMATH = frozenset({"identify", "identifying", "identification", "identified"})
# verbs of carrying people somewhere: after a handover told above, the people told again ('the soldiers', 'the
# freed men') are carried on, not handed over
CARRY_VERBS = frozenset({"flown", "flew", "driven", "drove", "taken", "took", "transported", "airlifted", "bused",
                         "bussed", "carried", "moved", "brought"})
DEFINITE = frozenset({"the", "these", "those", "their", "his", "her", "its"})


def _carried_on(view: SentenceView) -> bool:
    """'The remains of the soldiers were flown to Nairobi on Monday for a funeral', told after the handover: the
    people already told (a definite noun) carried on by their own side, with no other handover word (rule-less
    filter of loose mentions)."""
    people = [c for c in view.cues_with("CATEGORY") if view.actor(c.start) is None]
    if not people:
        return False
    # "the freed hostages": a participle before the noun is an adjective, not the verb of the sentence
    gives = [c for c in view.cues_with("GIVE", "RECEIVE", "HOME") if not any(p.start == c.end for p in people)]
    if any(view.lower[c.start] not in CARRY_VERBS for c in gives) or CARRY_VERBS.isdisjoint(view.word_set):
        return False
    first = people[0]
    return any(view.lower[k] in DEFINITE for k in range(max(view.start, first.start - 3), first.start))


def asked(view: SentenceView) -> bool:
    """'Is a prisoner swap expected too?': an explainer's question tells of no occasion (its answer may)."""
    return "?" in view.word_set and view.text.rstrip().endswith("?")


def _about_the_swap(view: SentenceView) -> bool:
    """'It would take months to identify the bodies handed over': what follows a handover, not one."""
    return not AFTERMATH.isdisjoint(view.word_set) and not view.has_cue("COMPLETED")


def _past_summary(view: SentenceView, triggers: list) -> bool:
    """'POW exchanges were the only concrete steps last year': swaps in the plural, placed by no
    day or month, sum up the past rather than report an occasion."""
    if not triggers or not all(span_text(c).lower().endswith(("exchanges", "swaps")) for c in triggers):
        return False
    return not any(date_of(d) is not None and date_of(d).kind in ("absolute", "month_day", "month", "weekday")
                   for d in view.dates)


ONE_WORDS = frozenset({"last", "previous", "latest", "earlier", "first"})


def _placed_background(view: SentenceView, triggers: list) -> bool:
    """'The previous exchange took place in early January', 'the first stage took place on June 9',
    'the last one took place in early August': a swap or a stage of one, placed in time as done."""
    if not view.dates or not view.has_cue("COMPLETED"):
        return False
    if triggers and view.has_cue("BACKGROUND", "STAGE"):
        return True
    words = view.lower[view.start:view.end]
    return any(w in ONE_WORDS and words[k + 1:k + 2] == ["one"] for k, w in enumerate(words))


HOPED_BEFORE = (("lead", "to"), ("result", "in"), ("pave", "the", "way", "for"), ("open", "the", "door", "to"),
                ("open", "the", "way", "for"), ("produce",), ("bring", "about"), ("hope", "for"), ("hopes", "for"),
                ("hoped", "for"), ("hoping", "for"), ("push", "for"), ("pushing", "for"), ("call", "for"),
                ("called", "for"), ("calls", "for"), ("calling", "for"), ("idea", "of"), ("proposal", "for"),
                ("proposal", "of"), ("proposed",), ("offer", "of"), ("suggested",),
                # "talks on a new exchange remain stalled": the swap is what the talks are about
                ("talks", "on"), ("talks", "over"), ("talks", "about"), ("talks", "for"), ("negotiations", "on"),
                ("negotiations", "over"), ("negotiations", "about"), ("negotiations", "for"))
HOPED_REACH = 8  # tokens between the phrase and the swap word ("for an all-for-all prisoner swap")
HOPED_FIRST = frozenset(p[0] for p in HOPED_BEFORE)


def _hoped_for(view: SentenceView, triggers: list) -> bool:
    """'expected the talks to lead to a new prisoner exchange', 'called for an all-for-all swap', 'talks on a new
    exchange remain stalled': a swap hoped for, asked for or talked about, the outcome of something else, not an
    occasion of its own."""
    words = view.lower
    for cue in triggers:
        for k in range(max(view.start, cue.start - HOPED_REACH), cue.start):
            if words[k] in HOPED_FIRST and any(tuple(words[k:k + len(p)]) == p and k + len(p) <= cue.start
                                               for p in HOPED_BEFORE):
                return True
    return False


def _dated_done_swap(view: SentenceView, triggers: list) -> bool:
    """'Armenia and Azerbaijan swapped detainees at the border on Tuesday', 'completed a swap on
    Monday': a swap told as done on a day, even with no specific category word."""
    if not any(date_of(d) is not None and date_of(d).kind in ("absolute", "month_day", "weekday")
               for d in view.dates):
        return False
    done = any(is_past_verb(c) and not (c.start > view.start and view.lower[c.start - 1] in ("a", "the", "their"))
               for c in triggers) or any(span_text(c).lower() in DONE_WORDS for c in view.cues_with("COMPLETED"))
    return done and not view.has_cue("PLANNED")


DONE_WORDS = frozenset({"completed", "carried out", "conducted", "took place", "held", "concluded", "has taken place",
                        "have taken place", "was carried out", "were carried out", "was completed"})


def loose_groups(views: list[SentenceView], context: ArticleContext, counted: set[int]) -> list[Group]:
    """One uncounted group per category for each sentence that speaks of a swap without a figure."""
    out: list[Group] = []
    for view in views:
        if view.index in counted or view.has_cue("NOT_EXCHANGE") or view.has_cue("TALLY"):
            continue
        triggers = view.cues_with("EXCHANGE")
        if not triggers and not view.dates:
            continue  # no swap word and no date: none of the tests below can place a handover
        if _about_the_swap(view) or _past_summary(view, triggers) or _hoped_for(view, triggers) or asked(view):
            continue
        if not triggers and any(i < view.index for i in counted) and _carried_on(view):
            continue  # "The remains of the soldiers were flown to Nairobi on Monday": after the handover told above
        specific = any(c.kb_id_ not in ("generic", "foreigners") for c in view.cues_with("CATEGORY")
                       if view.actor(c.start) is None)
        placed = None
        if not triggers:
            placed = _placed_handover(view, specific)
            if placed is None and not _placed_background(view, triggers):
                continue
        elif not (specific or any(len(c) > 1 for c in triggers) or _placed_background(view, triggers)
                  or _dated_done_swap(view, triggers) or headline_swap(view) is not None):
            continue
        found = categories(view, context) or ([(context.default_category, view.dates[0])]
                                              if not triggers else [])
        made = [uncounted_group(view, cue, category, context, "group.uncounted") for category, cue in found]
        for group in made if placed else ():
            group.rules.append(placed)
        out.extend(made)
    return out


def first_since(views: list[SentenceView], context: ArticleContext) -> list[tuple[Group, object]]:
    """'their first prisoner swap since August': the earlier swap the phrase places, as an uncounted
    group with the date it is placed at (a month or a day; 'since the war began' places none)."""
    out = []
    for view in views:
        for date in view.dates:
            match = date_of(date)
            if match is None or not span_text(date).lower().startswith("since") or since_when(view, date) \
                    or (match.base_kind or match.kind) not in ("absolute", "month_day", "month", "weekday"):
                continue
            lo = max(view.start, date.start - 8)
            firsts = [k for k in range(lo, date.start) if view.lower[k] == "first"]
            swaps = [c for c in view.cues_with("EXCHANGE") if firsts and firsts[-1] < c.start < date.start]
            if not swaps:
                continue
            group = Group(view=view, quantity=None, noun=swaps[0], count=None, category=context.default_category,
                          rules=["group.uncounted", "group.first_since"])
            fixed = context.fixed_sides(group.category)
            if fixed is not None:
                group.giver, group.receiver = fixed
            else:
                group.per_side = True
            out.append((group, date))
    return out
