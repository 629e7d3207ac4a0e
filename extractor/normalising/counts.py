"""Counts: which figures of an occasion are flows, and how they add up to one count per flow.

Sentence level, while the groups of a sentence are read (`find_groups` in build.py):

- `each_governs`: "each" / "per side" makes per-side figures of the nearest figure in its own clause
  (and of a figure joined to that one by a bare "and"), never of a total before it or a group after it.
- `same_number_groups`: "the same number of", "an equivalent number of": the figure given just before.
- `mark_counts`: breakdowns ("230 people - 224 soldiers and 6 civilians", "157, seven of them
  civilians"), subsets ("2 of the 70 released", "of the 48 freed, 11 ...", "250 of those released",
  "among those released were two journalists") and groups introduced as extra ("an additional 22",
  "another 6", "in addition", "separately", "also handed over", "plus", "as a gesture of goodwill").
- `settle_totals`: a figure described as the exchange's size ("an exchange of 314", "88 in total")
  is one flow with no sides.

Occasion level (`flows_of`, called by records.py): one count per (giver, receiver, category). A
breakdown's parts replace their total (civilians a flow of their own, the rest the total minus the
civilians); extra groups are added to the figure of their flow; among several figures for one flow
the article's own voice beats a quoted one, a precise figure beats a rounded one, else the first given.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span

from ..contract import Count
from .context import SEVERAL_STATES, ArticleContext
from .groups import Group, _number_end_token, count_of, resolve_category
from .sentences import PART_OF, SentenceView, has_phrase, phrase_starts, span_text

TRANSFER_VERBS = ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
ADDED_BEFORE = frozenset({"additional", "extra"})
ADDED_WEAK = frozenset({"another", "further", "more"})  # also a next stage ("another 307 returned"): extra only
# beside a figure of the same sentence
ADDED_ACROSS = "count.additional_across"
ADDED_LEADS = (("in", "addition"), ("additionally",), ("separately",), ("also",), ("besides",), ("on", "top", "of"))
ADDED_JOINS = (("in", "addition", "to"), ("as", "well", "as"), ("along", "with"), ("together", "with"), ("plus",))
WOUNDED = frozenset({"wounded", "injured", "ill", "sick", "wounded,", "severely-wounded", "seriously-wounded"})
GOODWILL = (("gesture", "of", "goodwill"), ("goodwill", "gesture"), ("humanitarian", "gesture"))
GOODWILL_FIRST = frozenset(phrase[0] for phrase in GOODWILL)
INCLUSION = PART_OF | {"include", "whom"}
BREAK_MARKS = frozenset({"-", "–", "—", ":", "("})  # "9 citizens (7 soldiers and 2 civilians)"
RELEASED = frozenset({"released", "freed", "exchanged", "returned", "swapped", "repatriated", "handed", "transferred",
                      "liberated", "returning", "released,", "traded"})
TOTAL_AFTER = (("in", "total"), ("in", "all"), ("altogether",), ("combined",))
# "a multi-day exchange involving nearly 900 prisoners", "an operation to transfer 400 detainees": the
# whole operation's size, named by a swap noun and a link word before the figure
SIZE_NOUNS = frozenset({"exchange", "exchanges", "swap", "swaps", "operation", "operations"})
SIZE_LINKS = frozenset({"involving", "covering", "involved", "transfer", "of", "comprising", "totalling", "totaling"})
SIZE_BRIDGE = frozenset({"to", "facilitate", "the", "release", "transfer", "repatriation", "and", ",", "free", "return",
                         "carry", "out"})
SIZE_QUALIFIERS = frozenset({"nearly", "almost", "about", "around", "some", "roughly", "approximately", "more", "than",
                             "over", "at", "least", "a", "total", "the"})
SAME_NUMBER = (("the", "same", "number", "of"), ("an", "equal", "number", "of"), ("an", "equivalent", "number", "of"),
               ("a", "similar", "number", "of"), ("similar", "numbers", "of"), ("the", "same", "amount", "of"),
               ("the", "same", "number"), ("an", "equal", "number"), ("an", "equivalent", "number"),
               ("a", "like", "number", "of"), ("a", "like", "number"), ("as", "many"))
# "as many as 50" is a bound, "twice as many" a multiple: neither repeats the figure before
AS_MANY_NOT_AFTER = frozenset({"twice", "thrice", "times", "half", "not", "nearly", "almost", "so"})
SAME_NUMBER_FILLERS = frozenset({"its", "their", "his", "her", "the", "captured", "detained", "jailed", "own", "of",
                                 "held", "imprisoned", "wounded"})


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


# ----------------------------------------------------------------------------- each / per side

def _joined(view: SentenceView, a: Group, b: Group) -> bool:
    """'150 soldiers and 20 civilians' under one 'each': a bare 'and' with no verb of its own after."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if view.words_between(_noun_end(view, lo, hi.start), hi.start) not in (("and",), (",", "and")):
        return False
    after = view.words_between(hi.end, hi.end + 3)
    return not any(w in ("also", "were", "was", "are", "is", "have", "has", "had") for w in after)


def _noun_end(view: SentenceView, group: Group, limit: int) -> int:
    """Where the counted noun phrase of `group` ends, past people words the group stops short of ('12 civilian
    prisoners': the group is '12 civilian'), up to `limit` (rule count.joined_under_each)."""
    k = group.end
    while k < limit:
        cue = view.cue(k)
        if cue is None or cue.label_ != "CATEGORY" or cue.end > limit:
            break
        k = cue.end
    return k


EVEN_SPLIT = "even_split"  # EACH cues that halve a total: "a one-for-one swap", "evenly split" (count.even_split)
DRAWN_FROM_BOTH = frozenset({"from both sides", "from either side"})
SIDE_NOUNS = frozenset({"sides", "parties", "countries", "camps"})
ATTRIBUTION_REACH = 1  # tokens between "on both sides" and a speech word: "officials on both sides said"


def _attributed(view: SentenceView, cue: Span) -> bool:
    """'officials on both sides said', 'according to both sides': the cue names who speaks, not how a
    figure splits."""
    return any(0 <= a.start - cue.end <= ATTRIBUTION_REACH or 0 <= cue.start - a.end <= ATTRIBUTION_REACH
               for a in view.cues_with("ATTRIBUTION"))


def each_governs(view: SentenceView, group: Group, groups: list[Group]) -> bool:
    """Does an EACH cue make this group a per-side figure? It governs the nearest counted group in its
    own clause ("with each side handing over 150", not the 300 before it), or, with none there, the
    last one before it ("200 people, including 40 civilians, were freed by each side"); and a group
    joined to that one by 'and'."""
    counted = [g for g in groups if not g.part_of and g.count is not None]
    for cue in view.cues_with("EACH"):
        if cue.kb_id_ == EVEN_SPLIT or _attributed(view, cue):
            continue
        if span_text(cue).lower() in DRAWN_FROM_BOTH and any(g.end == cue.start for g in counted):
            continue  # "75 prisoners of war from both sides were freed": where they came from, a total
        if cue.kb_id_ == "each" and cue.end < view.end and view.lower[cue.end] == "other":
            continue
        if cue.start > view.start and view.lower[cue.start - 1] == "for":
            continue
        lo, hi = view.clause_bounds(cue.start)
        hi = max(hi, view.clause_bounds(cue.end - 1)[1])
        inside = [g for g in counted if g.start < hi and g.end > lo]
        if inside:
            target = min(inside, key=lambda g: (_gap(g.start, g.end, cue.start, cue.end), g.start))
        else:
            # "200 people, including 40 civilians, had been released by each side"
            before = [g for g in counted if g.end <= cue.start]
            if not before:
                continue
            target = before[-1]
        if target is group or (group in inside and _joined(view, target, group)):
            return True
    return False


EVERY_FOLLOW = frozenset({"in", "on", "at", "to", "from", "and", "or", "but", "as", "with", "under", "during",
                          "after", "before", "since", "this", "last", "by", "for", "while", "when", "earlier",
                          "yesterday", "today", "so", "then", "was", "were", "had", "have", "has", "is", "are"})


def _every_after(view: SentenceView, group: Group) -> bool:
    """'exchanged 115 prisoners of war every, ...': a reworded 'each' closing the counted noun phrase
    (not 'every week', 'every prisoner')."""
    if group.noun is None or group.quantity is None or group.noun.start < group.quantity.end:
        return False
    for k in range(group.end, min(view.end, group.end + 3)):
        word = view.lower[k]
        if word == "every":
            nxt = view.sent.doc[k + 1] if k + 1 < view.end else None
            return nxt is None or nxt.is_punct or nxt.lower_ in EVERY_FOLLOW
        if not view.doc_index.texts[k].isalpha():  # (Token.is_alpha, without making the Token)
            return False
    return False


# the cue gazetteer's NOISE phrases "each night", "each round", "each swap"...: they shadow the EACH cue "each"
PER_OCCASION = "per_occasion"
PER_OCCASION_REACH = 3  # tokens from the end of the counted group to the phrase ("39 prisoners each night")


def _per_occasion(view: SentenceView, group: Group) -> bool:
    """'Israel freed 39 prisoners each night': a figure for every occasion of a multi-day operation is no
    'each side' (rule count.per_occasion)."""
    return any(c.kb_id_ == PER_OCCASION and 0 <= c.start - group.end <= PER_OCCASION_REACH
               for c in view.cues_with("NOISE"))


def spread_per_occasion(view: SentenceView, groups: list[Group]) -> list[Group]:
    """'Hamas freed 13 hostages on Monday, 13 on Tuesday and 13 on Wednesday, and Israel freed 39 prisoners
    each night': a figure for every occasion of an operation, in a sentence that tells two or more of its days
    with a figure each, is a figure of each of those days (rule count.per_occasion_spread). The group takes the
    first day; a copy of it each other day, with lists of its own. (Its direction is read before: the copies share it.)"""
    spread = [g for g in groups if "count.per_occasion" in g.rules and g.count is not None and not g.part_of]
    if not spread:
        return []
    days = []
    for g in groups:
        if g in spread or g.count is None:
            continue
        k = g.end + 1 if g.end < view.end and view.lower[g.end] == "on" else g.end
        day = next((d for d in view.dates if d.start == k), None)
        if day is not None and all(d.start != day.start for d in days):
            days.append(day)
    if len(days) < 2:
        return []
    out = []
    for group in spread:
        group.date_at = days[0].start
        group.rules.append("count.per_occasion_spread")
        for day in days[1:]:
            out.append(dataclasses.replace(group, date_at=day.start, rules=list(group.rules),
                                           people=list(group.people)))
    return out


def mark_per_side(view: SentenceView, groups: list[Group]) -> None:
    """Per-side figures of a sentence. (A leading 'both sides released 303' stays per side, as the
    quantity recogniser reads it: reports use it for 'each side' far more often than for a total.)"""
    wholes = [g for g in groups if not g.part_of]
    if view.has_cue("NOISE"):
        for group in wholes:
            if _per_occasion(view, group) and "count.per_occasion" not in group.rules:
                group.rules.append("count.per_occasion")
    marked = [g for g in wholes if not g.per_side and (each_governs(view, g, wholes) or _every_after(view, g))]
    for group in marked:
        group.per_side = True
        group.rules.append("direction.each_side")
    _split_evenly(view, wholes)


def _split_evenly(view: SentenceView, wholes: list[Group]) -> None:
    """'a one-for-one swap of 40 prisoners', 'the 90 freed were evenly split': the sentence's one figure is
    a total of two equal halves, one per side (rule count.even_split). Beside a per-side figure or beside
    figures of their own directions the cue only names the kind of swap."""
    if any(c.kb_id_ == EVEN_SPLIT for c in view.cues_with("EACH")):
        _halve(wholes)


def _halve(wholes: list[Group]) -> None:
    counted = [g for g in wholes if g.count is not None and "count.additional" not in g.rules]
    value = exact_figure(counted[0].count) if len(counted) == 1 and not counted[0].per_side else None
    if value is None or value % 2:
        return
    group = counted[0]
    group.count = Count.exact(value // 2)
    group.per_side = True
    group.rules.append("count.even_split")


def split_evenly_told_before(view: SentenceView, earlier: list[Group]) -> None:
    """'Armenia and Azerbaijan swapped 90 prisoners. They were split equally between the two sides.': a
    sentence with no figure of its own that splits evenly splits the figure of the sentence before."""
    if view.index == 0 or not any(c.kb_id_ == EVEN_SPLIT for c in view.cues_with("EACH")) \
            or any(q.end >= view.end or view.lower[q.end] not in SIDE_NOUNS for q in view.quantities):
        return  # ("between the two sides" counts no people)
    before = [g for g in earlier if g.view.index == view.index - 1 and not g.part_of]
    _halve(before)


# ----------------------------------------------------------------------------- "the same number"

def same_number_groups(view: SentenceView, groups: list[Group], earlier: list[Group],
                       context: ArticleContext) -> list[Group]:
    """'... and the United States released the same number of Afghans': the figure just given, for the
    other direction (the sentence's own words give its direction)."""
    if " number" not in view.padded_text and " numbers " not in view.padded_text \
            and " as many " not in view.padded_text:
        return []
    doc = view.sent.doc
    out = []
    for k in range(view.start, view.end):
        phrase = next((p for p in SAME_NUMBER if view.words_between(k, k + len(p)) == p), None)
        if phrase is None or (phrase == ("as", "many") and not _as_many_repeats(view, k)):
            continue
        # the whole figure told just before, not one of its parts ("90: 80 soldiers and 10 civilians")
        figure = [g for g in groups if g.count is not None and g.end <= k]
        before = [g for g in earlier if g.count is not None and g.view.index == view.index - 1]
        reached = not figure and all(g.part_of for g in before) and _hands_over(view)
        if reached:
            # the sentence before tells no whole: one a few sentences back (rule count.same_number_reach)
            figure = _whole_told_shortly_before(earlier, view.index)
            reached = bool(figure)
        figure = figure or before
        figure = [g for g in figure if not g.part_of] or figure
        if not figure:
            continue
        source = figure[-1]
        j = k + len(phrase)
        category, nationality, end = None, None, None
        for m in range(j, min(view.end, j + 4)):
            cue, actor = view.cue(m), view.actor(m)
            if actor is not None and actor.label_ == "DEMONYM":
                nationality = actor.kb_id_
                if span_text(actor).lower().endswith("s"):
                    category, end = "generic", actor.end
                    break
                continue
            if cue is not None and cue.label_ == "CATEGORY":
                category, end = cue.kb_id_, cue.end
                break
            if view.lower[m] not in SAME_NUMBER_FILLERS:
                break
        if category is None:
            category, end = source.category, j  # "released the same number in return"
        group = Group(view=view, quantity=None, noun=doc[k:end], count=source.count, category=category,
                      nationality=nationality, rules=["count.same_number"] + (["count.same_number_reach"] if reached
                                                                               else []))
        resolve_category(group, context)
        out.append(group)
    return out


SAME_NUMBER_REACH = 3  # sentences back: the figure, its breakdown, a remark on the same people, "the same number"


def _hands_over(view: SentenceView) -> bool:
    """The sentence tells a side giving or getting people ('received', 'handed over', 'came home'), not only
    an exchange compared with others ('never has a similar number been exchanged')."""
    return view.has_cue("GIVE", "RECEIVE", "HOME")


def _whole_told_shortly_before(earlier: list[Group], index: int) -> list[Group]:
    """The whole figures of the nearest sentence a few back that has one, past sentences with none or with
    only its parts ('103 were returned. Among them are 82 privates and 21 officers. Some had been held
    since 2022. The other side received the same number')."""
    for back in range(2, SAME_NUMBER_REACH + 1):
        wholes = [g for g in earlier if g.count is not None and g.view.index == index - back and not g.part_of]
        if wholes:
            return wholes
    return []


def _as_many_repeats(view: SentenceView, k: int) -> bool:
    """'received as many in return', 'freed as many of its soldiers': the figure before, repeated; not
    'as many as 50' (a bound), 'as many prisoners as possible' (a comparison closed later in the clause),
    'twice as many' (a multiple), 'as many people' counted nowhere before."""
    _, clause_end = view.clause_bounds(k)
    if "as" in view.lower[k + 2:clause_end] or (k > view.start and view.lower[k - 1] in AS_MANY_NOT_AFTER):
        return False
    return view.doc_index.quantity_at[k] is None


# ----------------------------------------------------------------------------- breakdowns, subsets, extras

def _release_near(view: SentenceView, lo: int, hi: int) -> bool:
    return any(w in RELEASED for w in view.words_between(lo, hi))


def _pool_end(view: SentenceView, group: Group) -> int | None:
    """End of the pool figure of '2 of the 70 released soldiers' (None when there is none)."""
    for k in range(group.quantity.end, group.end):  # type: ignore[union-attr]
        pool = view.doc_index.quantity_at[k]
        if pool is not None:
            return pool.end
    return None


VAGUE_SHARE = frozenset({"some", "all", "most", "many", "several", "half", "few", "none", "any"})


def _subset(view: SentenceView, group: Group, counted: list[Group], seen_values: set[int]) -> bool:
    """A share of people already counted as released: neither a flow nor an occasion of its own."""
    if group.quantity is None or group.count is None:
        return False
    if "group.share_of_pool" in group.rules:
        end = _pool_end(view, group)
        pool = view.doc_index.quantity_at[end - 1] if end is not None else None
        pool_count = count_of(pool, view) if pool is not None else None
        if end is not None and (_release_near(view, end, min(view.end, group.end + 3))
                                or (pool_count is not None and pool_count.value in seen_values)):
            return True  # "2 of the 70 released soldiers", "two of the five Iranians" (five already given)
    before = [w for w in view.words_between(max(view.start, group.quantity.start - 6), group.quantity.start)
              if w != ","]
    if before[-2:] == ["of", "the"] and len(before) >= 3 and before[-3] in VAGUE_SHARE:
        return True  # "Caracas will free some, if not all, of the at least 10 Americans": the pool, not the flow
    after = view.words_between(group.quantity.end, group.quantity.end + 4)
    if after[:2] in (("of", "those"), ("of", "the")) and _release_near(view, group.quantity.end, group.quantity.end + 5):
        return True  # "250 of those released were serving life sentences"
    held = view.cue(group.quantity.end + 2) if group.quantity.end + 2 < view.end else None
    if after[:2] in (("of", "those"), ("of", "these")) and (held is None or held.label_ != "CAPTIVITY") \
            and (seen_values or any(g is not group and g.end <= group.start for g in counted)):
        # "20 of those serving life sentences will be deported": a share of people counted before, whatever
        # befalls it (rule count.subset_of_those)
        group.rules.append("count.subset_of_those")
        return True
    if view.lower[view.start] == "of" and view.lower[view.start + 1] in ("the", "those") and counted \
            and counted[0] is not group and counted[0].start - view.start <= 4 and group.start > counted[0].end:
        return True  # "Of the 48 fighters freed by Sudan on Monday, 11 were commanders"
    lo, _ = view.clause_bounds(group.start)
    among = next((k for k in range(max(view.start, group.start - 20), group.start) if view.lower[k] == "among"), None)
    if among is not None and _release_near(view, among, group.start) and not view.has_swap_pivot(among, group.start):
        pools = [g for g in counted if g is not group and among < g.start < group.start]
        if not pools:
            return True  # "Among the Armenians released were two journalists"
        if view.lower[group.start - 1] in ("were", "are", "was", "is") and group.category != "civilians":
            return True  # "among the 307 citizens released on May 24 were 21 policemen"
    return False


BREAKDOWN_OPENERS = (("among", "them"), ("among", "those"), ("among", "the"), ("of", "them"), ("of", "those"),
                     ("of", "the"), ("of", "whom"), ("they", "included"), ("they", "include"), ("these", "included"),
                     ("those", "freed", "included"), ("those", "released", "included"), ("the", "group", "included"),
                     ("they", "were"), ("they", "are"), ("these", "were"), ("those", "were"))


def breakdown_follow_up(view: SentenceView, earlier: list[Group]) -> bool:
    """'Azerbaijan handed 64 Armenians to Armenia. Among them were 9 civilians.': a sentence with no transfer
    word that opens on a breakdown of the people the sentence before counted."""
    if view.index == 0 or not view.quantities:
        return False
    words = view.words_between(view.start, min(view.end, view.start + 3))
    words = words[1:] if words and not words[0].isalpha() else words
    before = [g for g in earlier if g.view.index == view.index - 1 and g.count is not None and not g.part_of]
    if any(words[:len(o)] == o for o in BREAKDOWN_OPENERS):
        return bool(before)
    # "185 of our people are home. 160 soldiers and 25 civilians.": a list with no verb of its own that adds up
    # to a figure of the sentence before
    counts = [count_of(q, view) for q in view.quantities]
    if len(counts) < 2 or any(c is None or c.qualifier != "exact" or c.value is None for c in counts):
        return False
    total = sum(c.value for c in counts)  # type: ignore[union-attr]
    return any(g.count.qualifier == "exact" and g.count.value == total for g in before)  # type: ignore[union-attr]


GENERIC_PEOPLE = frozenset({"people", "persons", "individuals"})


def pool_category(view: SentenceView, group: Group) -> str | None:
    """'Among the freed civilians were six people': the pool's category noun names what the figure
    counts (the figure counts the pool, no subset of it)."""
    if group.noun is None or span_text(group.noun).lower() not in GENERIC_PEOPLE or group.quantity is None:
        return None
    among = next((k for k in range(max(view.start, group.start - 8), group.start) if view.lower[k] == "among"), None)
    if among is None or view.lower[group.quantity.start - 1] not in ("were", "are", "was", "is"):
        return None
    cues = [view.cue(k) for k in range(among + 1, group.quantity.start) if view.cue(k) is not None]
    kinds = [c.kb_id_ for c in cues if c.label_ == "CATEGORY" and c.kb_id_ not in ("generic", "foreigners")]
    if len(set(kinds)) != 1 or view.doc_index.quantity_at[among + 1] is not None:
        return None
    return kinds[0]


def _of_them(view: SentenceView, group: Group) -> bool:
    """'157 Ukrainians, seven of them civilians': a part of the figure before."""
    if group.quantity is None:
        return False
    return view.words_between(group.quantity.end, group.quantity.end + 2) in (("of", "them"), ("of", "whom"))


def _breakdown_run(view: SentenceView, whole: Group, groups: list[Group]) -> list[Group]:
    """'230 people - 224 soldiers and 6 civilians', '390 were released: 270 military and 120 civilians':
    groups after a dash or colon that add up to the figure before it."""
    if whole.count is None or whole.count.qualifier != "exact" or whole.count.value is None:
        return []
    later = [g for g in groups if g.start >= whole.end and g.count is not None and not g.part_of]
    if not later:
        return []
    head = later[0]
    between = _undated_words(view, whole.end, head.start)
    # "the remains of 43 people, 41 Kuwaitis and 2 Saudis": an appositive list after a bare comma is a
    # breakdown only when it adds up to the figure exactly (rule count.appositive_breakdown)
    appositive = _appositive_comma(between) and (_generic_worded(whole) or any(w in GENERIC_PEOPLE for w in between)
                                                 or all(_generic_worded(g) or g.nationality is not None
                                                        for g in later[:2]))
    if not appositive and not any(w in BREAK_MARKS for w in between):
        return []
    run = [head]
    for g in later[1:]:
        if not (set(view.words_between(run[-1].end, g.start)) <= {",", "and", "plus"}
                or view.words_between(run[-1].end, g.start) == ("for",)  # "31 guards: 15 Kyrgyz for 16 Tajiks"
                or _described_part_between(view, run[-1].end, g.start)):
            break
        run.append(g)
    if len(run) < 2 or any(g.count.qualifier != "exact" or g.count.value is None for g in run):
        return []
    return run if sum(g.count.value for g in run) == whole.count.value else []


PART_DESCRIPTION_REACH = 16  # tokens: "80 defenders of the army, the national guard and the border service, and 10"


def _described_part_between(view: SentenceView, lo: int, hi: int) -> bool:
    """'80 defenders of the army, the navy and the border guard, and 10 civilians': a part described at
    length, then the next part after a comma or 'and'; no verb, figure or clause break in the description
    (the run must still add up to the whole)."""
    words = view.words_between(lo, hi)
    if not words or len(words) > PART_DESCRIPTION_REACH or words[-1] not in (",", "and") \
            or not {";", ":", "(", ")", "-", "–", "—"}.isdisjoint(words):
        return False
    return not any(view.doc_index.quantity_at[k] is not None
                   or (view.cue(k) is not None and view.cue(k).label_ in TRANSFER_VERBS + ("FOR",))
                   for k in range(lo, hi))


def _undated_words(view: SentenceView, lo: int, hi: int) -> tuple[str, ...]:
    """The words between lo and hi without a date and its preposition ('64 people on Monday, 50 soldiers ...')."""
    dated = set()
    for d in view.dates:
        if lo <= d.start and d.end <= hi:
            dated.update(range(d.start, d.end))
            if d.start - 1 >= lo and view.lower[d.start - 1] in ("on", "in", "at"):
                dated.add(d.start - 1)
    return tuple(view.lower[k] for k in range(lo, hi) if k not in dated)


def _appositive_comma(between: tuple[str, ...]) -> bool:
    """Only a comma between a figure and the list after it ('43 people, 41 ...'; the people word of 'the
    remains of 43 people' lies outside the figure's group)."""
    words = [w for w in between if w not in GENERIC_PEOPLE]
    return words == [","]


def _generic_worded(group: Group) -> bool:
    """The group's noun says who the people are, not what they are: a plural demonym ('41 Kuwaitis') or a
    generic people word ('12 people', '3 nationals')."""
    noun = group.noun
    if noun is None:
        return False
    if "group.captive_object" in group.rules or "group.one_national" in group.rules:
        return True  # "three Kenyan teachers", "a Ugandan engineer": people of a state, whatever their trade
    if noun.label_ == "DEMONYM":
        return True
    return noun.label_ == "CATEGORY" and noun.kb_id_ == "generic"


def _number_end(view: SentenceView, group: Group) -> int:
    return _number_end_token(view, group.quantity)


def _wounded(view: SentenceView, group: Group) -> bool:
    """'22 severely wounded captives', '15 injured Russian servicemen': the figure counts people marked
    as wounded or ill between the figure and its noun."""
    if group.noun is None or group.quantity is None or group.noun.start < group.quantity.end:
        return False
    return any(w in WOUNDED for w in view.words_between(_number_end(view, group), group.noun.start))


def _named_runs(view: SentenceView, lo: int, hi: int) -> int:
    """How many names ('Emad Shargi, Morad Tahbaz and Siamak Namazi': 3) stand between lo and hi:
    runs of capitalised words that are no party, place or date."""
    doc = view.sent.doc
    taken = {k for span in view.actors + view.places + view.dates for k in range(span.start, span.end)}
    runs, inside = 0, False
    for k in range(lo, hi):
        word = doc[k]
        name = word.is_alpha and word.text[:1].isupper() and k not in taken
        if name and not inside:
            runs += 1
        inside = name
    return runs


def _completes_named_list(view: SentenceView, group: Group, before: Group, join_start: int) -> bool:
    """'the five detainees A, B and C, along with two who were not named': the added figure completes a
    list of names that counts out the figure before it; it adds no one."""
    total, added = exact_figure(before.count), exact_figure(group.count)
    if total is None or added is None or before.end >= join_start:
        return False
    names = _named_runs(view, before.end, join_start)
    return names > 0 and names + added == total


OTHER_TIMES = (("in", "the", "same", "year"), ("later", "that", "year"), ("later", "that", "month"),
               ("the", "following", "year"), ("the", "following", "month"), ("the", "following", "week"),
               ("a", "year", "later"), ("a", "month", "later"), ("a", "week", "later"), ("weeks", "later"),
               ("months", "later"), ("the", "next", "year"), ("the", "next", "month"), ("in", "the", "same", "month"))


def _own_time_after(view: SentenceView, group: Group, hi: int, earlier: list[Group]) -> bool:
    """A time of its own after the figure ('a further 300 in the same year', 'another 40 a month later',
    '120 in March and another 80 in May'): another release, not a group added to the one before (a day
    after the last of two figures that have none between them is the day of both)."""
    words = view.words_between(group.end, min(hi, group.end + 6))
    if has_phrase(words, OTHER_TIMES):
        return True
    if not earlier or not any(earlier[-1].end <= d.start < group.start for d in view.dates):
        return False
    return any(group.end <= d.start < min(hi, group.end + 6) for d in view.dates)


def _introduced_as_extra(view: SentenceView, group: Group, earlier: list[Group], *, told_before: bool = False) -> bool:
    """'an additional 22', 'another 6', 'in addition, the army handed over 14', 'Ethiopia also freed 7',
    '246 POWs plus 31 wounded', 'as a gesture of goodwill'; never a part ('including', 'of whom').
    'another 12', 'a further 12', '12 more' add to a figure of the sentence; with none there but figures
    told before (`told_before`) the group is marked count.additional_across, and the occasion decides."""
    if group.quantity is None or group.count is None:
        return False
    q = group.quantity
    lo, hi = view.clause_bounds(q.start)
    clause = view.words_between(lo, hi)
    if not INCLUSION.isdisjoint(clause) or not INCLUSION.isdisjoint(view.words_between(view.start, q.start)) \
            or _of_them(view, group):
        return False  # "the exchange included 31 wounded ... for 15": parts of the figures given
    if _own_time_after(view, group, hi, earlier):
        return False  # "100 in February and a further 300 in the same year": another release, not an extra group
    marks = set(view.words_between(q.start - 2, q.start)) | (ADDED_BEFORE.intersection(view.lower[q.start:q.end]))
    number_end = _number_end(view, group)
    if view.words_between(number_end, number_end + 1) == ("more",):
        marks.add("more")  # "22 more wounded"
    if marks & ADDED_BEFORE or (marks & ADDED_WEAK and earlier):
        return True
    join = next((j for j in ADDED_JOINS if earlier and view.words_between(group.start - len(j), group.start) == j), None)
    if join is not None:
        return not _completes_named_list(view, group, earlier[-1], group.start - len(join))
    opening = view.words_between(view.start, view.start + 4)
    opening = opening[1:] if opening and not opening[0].isalpha() else opening
    if any(opening[:len(lead)] == lead for lead in ADDED_LEADS):
        return True
    sentence = view.words_between(view.start, group.start)
    if "separately" in clause or "additionally" in sentence \
            or ("addition" in sentence and ("in", "addition") in zip(sentence, sentence[1:])):
        return True
    # (a phrase that begins in the clause has its first word there)
    if not GOODWILL_FIRST.isdisjoint(clause) \
            and any(k < hi - lo for k, _ in phrase_starts(view.words[lo - view.start:], GOODWILL)):
        return True
    if _wounded(view, group):
        # "Russia received 246 of its men, while 15 severely wounded Russian soldiers were transferred":
        # the wounded are handed over as a group of their own; at occasion level it adds to a figure of
        # its flow, and stands alone where there is none
        return True
    # "also" beside the transfer verb that governs the group: "Russia also handed over 22",
    # "the sides also swapped ...", "three civilians were also brought back"
    cue_at = view.doc_index.cue_at
    verb = next((cue_at[k] for k in range(group.end, min(view.end, group.end + 5))
                 if cue_at[k] is not None and cue_at[k].label_ in TRANSFER_VERBS), None)
    if verb is not None and "also" in view.words_between(group.end, verb.start):
        return True
    verb = next((cue_at[k] for k in range(group.start - 1, view.start - 1, -1)
                 if cue_at[k] is not None and cue_at[k].label_ in TRANSFER_VERBS), None)
    if verb is not None and not any(verb.end <= g.start for g in earlier) \
            and "also" in view.words_between(verb.start - 2, verb.start):
        return True
    if marks & ADDED_WEAK and told_before and _handed_right_there(view, group):
        group.rules.append(ADDED_ACROSS)  # an extra only beside a figure just told (`_adds_to_one_just_told`)
    return False


HANDED_REACH = 4  # tokens between the figure and its own transfer verb: "another 12 soldiers were handed over"


def _handed_right_there(view: SentenceView, group: Group) -> bool:
    """A transfer verb right before the figure or right after its noun ('has handed another 16', 'a further
    12 soldiers were freed'), not 'six more hostages were still believed to be held until ... returned'."""
    cue_at = view.doc_index.cue_at
    start = group.quantity.start  # type: ignore[union-attr]
    near = list(range(max(view.start, start - HANDED_REACH), start)) \
        + list(range(group.end, min(view.end, group.end + HANDED_REACH)))
    return any(cue_at[k] is not None and cue_at[k].label_ in TRANSFER_VERBS for k in near)


def _restated_part(view: SentenceView, group: Group, part_values: set[int]) -> bool:
    """'of the 86 returned, 15 were women ... to include the 15 female soldiers': a part already
    told, named again with 'the'."""
    if group.quantity is None or exact_figure(group.count) not in part_values or group.quantity.start <= view.start:
        return False
    return view.lower[group.quantity.start - 1] in ("the", "those", "these")


def mark_counts(view: SentenceView, groups: list[Group], seen_values: set[int], *,
                part_values: frozenset[int] = frozenset()) -> None:
    """Breakdowns, subsets and extra groups of one sentence (groups sorted by position); `part_values`:
    the figures of subsets and breakdowns told earlier in the article."""
    counted = [g for g in groups if g.count is not None]
    for group in counted:
        category = pool_category(view, group)
        if category is not None:
            group.category = category  # "among the freed civilians were six people": six civilians
            group.rules.append("count.pool_category")
    for group in counted:
        if group.part_of or "count.pool_category" in group.rules:
            continue
        if _subset(view, group, counted, seen_values) or _restated_part(view, group, set(part_values)):
            group.part_of = True
            group.rules.append("count.subset")
        elif _of_them(view, group) and any(g.end <= group.start and not g.part_of for g in counted):
            group.part_of = True
            group.rules.append("count.breakdown")
            # "30 prisoners, 25 of them soldiers and five civilians": the list goes on after the first part
            for nxt in [g for g in counted if g.start >= group.end]:
                joined = [w for w in view.words_between(group.end, nxt.start)
                          if w not in ("of", "them", "whom")]
                if nxt.part_of or not set(joined) <= {",", "and"} or not joined \
                        or any(view.doc_index.quantity_at[k] is not None for k in range(group.end, nxt.start)):
                    break
                nxt.part_of = True
                nxt.rules.append("count.breakdown")
                group = nxt
    for group in counted:
        if group.part_of:
            continue
        run = _breakdown_run(view, group, groups)
        appositive = bool(run) and _appositive_comma(_undated_words(view, group.end, run[0].start))
        for part in run:
            part.part_of = True
            part.rules.append("count.breakdown")
            if appositive:
                part.rules.append("count.appositive_breakdown")
            if part.category != group.category and group.category != "generic" \
                    and (_generic_worded(part) or group.category in ("bodies", "hostages")):
                # "the remains of 43 people, 41 Kuwaitis and 2 Saudis": people named only by who they are
                # count what the whole counts (rule count.part_takes_whole_category)
                part.category = group.category
                part.rules.append("count.part_takes_whole_category")
    for group in counted:
        parts = [] if group.part_of else _batches(view, group, counted)
        for part in parts:
            part.part_of = True
            part.rules.append(BATCHES_RULE)
        if parts:
            group.rules.append(BATCHES_RULE)
    for group in counted:
        if not group.part_of and _introduced_as_extra(view, group, [g for g in counted if g.end <= group.start],
                                                      told_before=bool(seen_values)):
            group.rules.append("count.additional")


BATCHES_RULE = "count.batches"
BATCH_NOUNS = frozenset({"batches", "groups", "convoys", "waves", "stages", "rounds", "flights", "phases"})
BATCH_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "final", "other", "next"})


def _batches(view: SentenceView, whole: Group, counted: list[Group]) -> list[Group]:
    """'handed over the twenty captives in two batches, the first of seven in Gaza City and the second of thirteen
    in Khan Younis': figures told as '<ordinal> of N' after a word of batches, adding up to the figure before them,
    are its parts, no flows of their own (BATCHES_RULE)."""
    total = exact_figure(whole.count)
    if not total:
        return []
    later = [g for g in counted if g.start >= whole.end and not g.part_of and g.quantity is not None]
    parts = [g for g in later if g.quantity.start - 2 >= view.start and view.lower[g.quantity.start - 1] == "of"
             and view.lower[g.quantity.start - 2] in BATCH_ORDINALS]
    if len(parts) < 2 or parts != later[:len(parts)] \
            or BATCH_NOUNS.isdisjoint(view.words_between(whole.end, parts[0].start)):
        return []
    return parts if sum(exact_figure(g.count) or 0 for g in parts) == total else []


def settle_totals(view: SentenceView, groups: list[Group]) -> None:
    """'an exchange of 314 prisoners', '88 prisoners in total': the size of the
    whole exchange is one flow with no sides (unless 'each' governs it, or the people's nationality
    gives their direction)."""
    for group in groups:
        if group.per_side or group.quantity is None or group.count is None or group.nationality is not None \
                or group.part_of:
            continue
        q = group.quantity
        before = view.cue(q.start - 2) if q.start - 2 >= view.start and view.lower[q.start - 1] == "of" else None
        size = before is not None and before.label_ == "EXCHANGE" and before.end == q.start - 1
        size = size or any(view.words_between(group.end, group.end + len(t)) == t for t in TOTAL_AFTER)
        size = size or _operation_size(view, q.start)
        if size:
            group.giver = group.receiver = None
            group.rules.append("count.exchange_size")


def _operation_size(view: SentenceView, start: int) -> bool:
    """The figure at `start` follows a swap noun and a link word, with only qualifiers between ('an
    exchange involving nearly 900', 'an operation to facilitate the release and transfer of 887')."""
    k = start - 1
    while k >= view.start and view.lower[k] in SIZE_QUALIFIERS:
        k -= 1
    if k < view.start or view.lower[k] not in SIZE_LINKS:
        return False
    for m in range(k - 1, max(view.start, k - 9) - 1, -1):
        if view.lower[m] in SIZE_NOUNS:
            return True
        if view.lower[m] not in SIZE_BRIDGE:
            return False
    return False


# ----------------------------------------------------------------------------- occasion level

def keys_of(group: Group, context: ArticleContext) -> list[tuple]:
    if group.per_side:
        if context.sides is not None and not context.multi:
            a, b = context.sides
            fixed = context.fixed_sides(group.category)
            if fixed is not None:
                a, b = fixed
            return [(a, b, group.category), (b, a, group.category)]
        return [(None, None, group.category), (None, None, group.category + "#2")]
    giver, receiver = group.giver, group.receiver
    # several states on one side are written as null: one key with the flow that names no side there
    if giver in SEVERAL_STATES and receiver is not None and receiver not in SEVERAL_STATES:
        giver = None
    elif receiver in SEVERAL_STATES and giver is not None and giver not in SEVERAL_STATES:
        receiver = None
    return [(giver, receiver, group.category)]


def _unsplit(group: Group) -> bool:
    """A figure with no side and no 'each': a total, or a side's figure told without its side."""
    return not group.per_side and not group.part_of and group.giver is None and group.receiver is None


def exact_figure(count: Count | None) -> int | None:
    """The count's value when it is exact ('120'), else None ('more than 120', no count)."""
    return count.value if count is not None and count.qualifier == "exact" else None


def _inclusion_in_clause(group: Group) -> bool:
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    return any(w in INCLUSION for w in view.words_between(lo, hi))


def _link_parts(groups: list[Group]) -> dict[int, Group]:
    """Part -> the whole it belongs to: in its own sentence the nearest figure before it; a civilians
    group 'also included' or 'among' a figure given earlier in the occasion, or a list that adds up to
    it, belongs to that figure."""
    wholes_of: dict[int, Group] = {}
    wholes = [g for g in groups if not g.part_of and g.count is not None]
    for group in groups:
        if not group.part_of:
            continue
        whole = next((w for w in reversed(wholes) if w.view is group.view and w.start < group.start), None)
        if whole is not None:
            wholes_of[id(group)] = whole
    earlier_wholes = [w for w in wholes if w.category != "civilians" and not w.per_side and exact_figure(w.count)
                      and (w.giver or w.receiver) and "group.x_for_x" not in w.rules]
    by_view: dict[int, list[Group]] = {}
    for g in groups:
        by_view.setdefault(g.view.index, []).append(g)
    for index, items in by_view.items():
        before = [w for w in earlier_wholes if w.view.index < index]
        if not before:
            continue
        own = [g for g in items if not g.part_of and exact_figure(g.count)]
        run_total = sum(exact_figure(g.count) for g in own)
        civilians = [g for g in items if g.category == "civilians" and exact_figure(g.count) and id(g) not in wholes_of
                     and not (g.giver or g.receiver)]
        # "230 of our people. Today 213 soldiers, 11 officers and six civilians returned home."
        if len(own) >= 2 and any(g.category == "civilians" for g in own):
            # (not a whole that went the other way: "55 Russian servicemen returned home. Ukraine received 49 of its
            # soldiers and 6 civilians" are two flows that happen to add up)
            whole = next((w for w in before if exact_figure(w.count) == run_total
                          and not any(_other_way(g, w) for g in own)), None)
            if whole is not None:
                for g in own:
                    g.part_of = True
                    g.rules.append("count.breakdown")
                    wholes_of[id(g)] = whole
                continue
        # "Six civilians were also included in the released group"
        for g in civilians:
            if not (g.part_of or _inclusion_in_clause(g)):
                continue
            whole = next((w for w in before if exact_figure(w.count) > exact_figure(g.count)), None)
            if whole is not None:
                g.part_of = True
                g.rules.append("count.breakdown")
                wholes_of[id(g)] = whole
    return wholes_of


PER_SIDE_BROKEN_DOWN = "count.per_side_broken_down"


def _sides_broken_down(groups: list[Group]) -> dict[int, set[str]]:
    """A per-side figure -> the sides whose share of it the same sentence tells in two or more figures of their
    own that add up to it ('exchanged 14 prisoners each, with the Houthis freeing 10 soldiers and 4 civilians'):
    that side's flow is those figures, not the per-side one (rule count.per_side_broken_down)."""
    found: dict[int, set[str]] = {}
    for whole in groups:
        value = exact_figure(whole.count) if whole.per_side and not whole.part_of else None
        if not value:
            continue
        by_giver: dict[str, list[int]] = {}
        for g in groups:
            if g is not whole and g.view is whole.view and not g.part_of and not g.per_side and g.giver is not None \
                    and g.start >= whole.end and exact_figure(g.count):
                by_giver.setdefault(g.giver, []).append(exact_figure(g.count))
        for giver, values in by_giver.items():
            if len(values) >= 2 and sum(values) == value:
                found.setdefault(id(whole), set()).add(giver)
                if PER_SIDE_BROKEN_DOWN not in whole.rules:
                    whole.rules.append(PER_SIDE_BROKEN_DOWN)
    return found


def _other_way(part: Group, whole: Group) -> bool:
    """The part and the whole have receivers or givers that cannot be the same handover's."""
    return (part.receiver is not None and whole.receiver is not None and part.receiver != whole.receiver) \
        or (part.giver is not None and whole.giver is not None and part.giver != whole.giver) \
        or (part.receiver is not None and part.receiver == whole.giver)


def _held_like_whole(groups: list[Group], wholes_of: dict[int, Group]) -> None:
    """'90 Palestinian prisoners, including 14 children', '24 hostages, among them 9 children': people named by
    who they are (not as civilians) within a figure of prisoners or hostages are held as their whole is, and
    count in its category (rule count.part_held_like_whole)."""
    for group in groups:
        whole = wholes_of.get(id(group))
        if whole is None or group.category != "civilians" or whole.category not in ("prisoners", "hostages") \
                or group.noun is None or "civilian" in group.noun.text.lower():
            continue
        group.category = whole.category
        group.rules.append("count.part_held_like_whole")


def _foreign_part(part: Group, whole: Group, context: ArticleContext) -> bool:
    """A part of people of a third state, handed over with the whole ('24 hostages, including 10
    Thais'): they go to their own state (README: freed people go to the state whose nationals they are)."""
    # (a whole with no receiver, as in "four agents of the Eastern bloc: two Czechs, a Hungarian and a Pole",
    # is handed to the states of its parts)
    return part.nationality is not None and context.is_state(part.nationality) and not whole.per_side \
        and whole.giver is not None \
        and part.nationality not in (whole.giver, whole.receiver) and whole.category in ("hostages", "prisoners",
                                                                                          "civilians", "pows")


def _two_way_parts(groups: list[Group], wholes_of: dict[int, Group],
                   context: ArticleContext) -> dict[int, tuple]:
    """'the two countries exchanged 1,400 prisoners: 1,000 Eritreans and 400 Ethiopians': a total of both
    ways broken down by the people of its two sides (the nationals of two states, or an armed group's members
    and the state's soldiers: '75 Houthis and 55 government soldiers'); each part goes home from the other side
    (rule count.two_way_breakdown). Part -> its (giver, receiver, category) key."""
    parts_of: dict[int, list[Group]] = {}
    for group in groups:
        whole = wholes_of.get(id(group))
        if whole is not None and group.part_of and group.nationality is not None and exact_figure(group.count):
            parts_of.setdefault(id(whole), []).append(group)
    found: dict[int, tuple] = {}
    for whole in (w for w in groups if id(w) in parts_of):
        parts = parts_of[id(whole)]
        states = {p.nationality for p in parts}
        ends = {whole.giver, whole.receiver} - {None}
        if len(states) != 2 or whole.per_side or not exact_figure(whole.count) \
                or sum(exact_figure(p.count) for p in parts) != exact_figure(whole.count) \
                or not all(context.is_state(n) or n in (context.sides or ()) for n in states) or not ends <= states \
                or (not ends and (context.sides is None or set(context.sides) != states)):
            continue
        a, b = sorted(states)  # type: ignore[type-var]
        for part in parts:
            found[id(part)] = (b if part.nationality == a else a, part.nationality, whole.category)
            if "count.two_way_breakdown" not in part.rules:
                part.rules.append("count.two_way_breakdown")
    return found


def _other_giver_part(part: Group, whole: Group) -> bool:
    """'43 sets of remains: 41 from Azerbaijan and 2 from Georgia': a part handed over by another side than
    the whole's giver is a flow of its own, to the whole's receiver (rule count.breakdown_by_giver)."""
    return part.giver is not None and whole.giver is not None and part.giver != whole.giver \
        and part.category == whole.category and not whole.per_side and whole.receiver is not None \
        and part.giver != whole.receiver


def _adds_to_one_just_told(extra: tuple, entries: list[tuple]) -> bool:
    """'Pakistan freed 40 Indian soldiers. Another 12 were handed over later that day.': a figure told as
    'another' in a sentence of its own adds to a figure of its flow told in that sentence or the one just
    before, not a deal's formula. Otherwise it is the figure of a stage ('Ukraine returned another 303' after
    the first stages, or in a headline before the body) and competes with the flow's other figures."""
    group = extra[2]
    index = group.view.index
    return any(e[2].view.index in (index - 1, index) and e[0] < extra[0] and exact_figure(e[1])
               and exact_figure(e[1]) != exact_figure(extra[1]) and "group.x_for_x" not in e[2].rules
               and "count.additional" not in e[2].rules for e in entries)


def _plus(count: Count | None, added: int, base_values: set[int]) -> Count | None:
    if count is None or not added:
        return count
    if count.qualifier == "exact" and count.value is not None:
        if count.value - added in base_values:
            return count  # "277, including 31 wounded" beside "246 ... while an additional 31": already summed
        return Count.exact(count.value + added)
    if count.qualifier in ("over", "at_least") and count.min is not None:
        return Count(value=None, min=count.min + added, max=None, qualifier=count.qualifier)
    if count.qualifier == "about" and count.value is not None:
        return Count(value=count.value + added, min=None, max=None, qualifier="about")
    return count


def _coordinated(a: Group, b: Group) -> bool:
    """'246 POWs and 31 wounded': two figures side by side that add up."""
    if a.view is not b.view or a.per_side != b.per_side or a.quantity is None or b.quantity is None:
        return False  # (both per side: "freed 30 soldiers and 10 officers each", one 'each' over both)
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if "group.bodies_of_shared" in hi.rules:
        return True  # "the remains of 41 Kuwaitis and two Saudis": one flow of 43
    words = [a.view.lower[k] for k in range(_noun_end(a.view, lo, hi.start), hi.start)]
    return bool(words) and all(w in COORDINATORS for w in words) and ("and" in words or "plus" in words)


COORDINATORS = frozenset({"and", "plus", ",", "as", "well", "another", "also"})
JOINED_UNDER_EACH = "count.joined_under_each"
TOTAL_OF_PER_SIDE = "count.total_of_per_side"


def _choose(entries: list[tuple], attributed, compatible) -> tuple:
    """One figure among several for the same flow: per sentence, coordinated figures add up; then the
    figure the article repeats, its own voice before a quote, exact before hedged, then the first; a
    hedged figure yields to a precise one it rounds."""
    by_sentence: dict[int, list] = {}
    for entry in entries:
        by_sentence.setdefault(entry[2].view.index, []).append(entry)
    summed = []
    for sent_index, items in by_sentence.items():
        first = items[0]
        total = first[1]
        for entry in items[1:]:
            if _coordinated(first[2], entry[2]) and total is not None and entry[1] is not None \
                    and total.qualifier == entry[1].qualifier == "exact":
                total = Count.exact(total.value + entry[1].value)
                if first[2].per_side and JOINED_UNDER_EACH not in first[2].rules:
                    first[2].rules.append(JOINED_UNDER_EACH)
        summed.append((first[0], total, first[2], sent_index))
    with_count = [s for s in summed if s[1] is not None]
    whole = _sum_of_increments(with_count)
    if whole is not None:
        return whole
    tally: dict = {}
    for s in with_count:
        tally[s[1]] = tally.get(s[1], 0) + 1
    top = max(tally.values(), default=0)
    repeated = [s for s in with_count if tally[s[1]] == top] if top > 1 else with_count
    own = [s for s in repeated if not attributed.get(s[3], False)] or repeated
    exact = [s for s in own if s[1].qualifier == "exact"]
    chosen = (exact or own or summed)[0]
    if chosen[1] is not None and chosen[1].qualifier != "exact":
        # "more than 1,200" in the lead, "1,212" in the statement: the exact figure it rounds
        rounding = [s for s in with_count if s[1].qualifier == "exact" and compatible(s[1], chosen[1])]
        chosen = rounding[0] if rounding else chosen
    elif _round(chosen[1]):
        # "2,000 prisoners" in the headline, "1,968" in the body: the precise figure the round one stands for
        precise = [s for s in with_count if s[1].qualifier == "exact" and not _round(s[1])
                   and abs(s[1].value - chosen[1].value) <= chosen[1].value * ROUNDING]
        chosen = precise[0] if precise else chosen
    return chosen


ROUNDING = 0.05


def _sum_of_increments(entries: list[tuple]) -> tuple | None:
    """'a plane with 120 detainees' at 09:31, '140 more' at 11:02, 'the government released 260' at 15:05:
    reports of one day's flow told in parts, then in all; the figure that is exactly the sum of every other
    figure of the flow, each told in a sentence of its own, is the flow's count (rule count.sum_of_increments)."""
    exact = [e for e in entries if e[1].qualifier == "exact" and e[1].value]
    if len(exact) < 3 or len({e[3] for e in exact}) != len(exact):
        return None
    last = max(exact, key=lambda e: e[3])  # the sum is told after its parts, and is no part itself ("4 more")
    group = last[2]
    if group.quantity is not None and _increment_worded(group.view, group):
        return None
    for entry in (last,):
        rest = [e for e in exact if e is not entry]
        if sum(e[1].value for e in rest) == entry[1].value:
            if "count.sum_of_increments" not in entry[2].rules:
                entry[2].rules.append("count.sum_of_increments")
            return entry
    return None


def _increment_worded(view: SentenceView, group: Group) -> bool:
    """'4 more', 'another 30', 'a further 12', 'an additional 9': a figure told as an increment."""
    end = _number_end(view, group)
    if end < view.end and view.lower[end] in ADDED_WEAK | ADDED_BEFORE:
        return True
    start = group.quantity.start  # type: ignore[union-attr]
    words = set(view.words_between(max(view.start, start - 2), start)) | set(view.lower[start:end])
    return not words.isdisjoint(ADDED_WEAK | ADDED_BEFORE)


def _round(count: Count | None) -> bool:
    """A figure that reads as rounded: 2,000, 300 (not 48, not 1,968)."""
    value = exact_figure(count)
    return value is not None and value >= 100 and value % 100 == 0


def split_categories(groups: list[Group]) -> frozenset[str]:
    """Categories the article gives counted figures with a direction for (anywhere in it)."""
    return frozenset(g.category for g in groups if g.count is not None and not g.part_of
                     and (g.giver or g.receiver or g.per_side))


def flows_of(groups: list[Group], context: ArticleContext, attributed, compatible, *,
             split_elsewhere: frozenset[str] = frozenset(),
             summed: dict | None = None) -> list[tuple[tuple, Count | None, Group]]:
    """(giver, receiver, category) keys of an occasion with the count chosen for each. An unsplit
    total is dropped beside counted figures with a direction of its category, when it is their sum
    (a headline total), or beside uncounted ones when the article splits that category elsewhere."""
    wholes_of = _link_parts(groups)
    _held_like_whole(groups, wholes_of)
    two_way = _two_way_parts(groups, wholes_of, context)
    civilian_parts: dict[int, int] = {}  # whole -> its parts of another category ("including 40 civilians")
    for group in groups:
        whole = wholes_of.get(id(group))
        if whole is not None and (group.category != whole.category or _foreign_part(group, whole, context)
                                  or _other_giver_part(group, whole) or id(group) in two_way) \
                and exact_figure(group.count):
            civilian_parts[id(whole)] = civilian_parts.get(id(whole), 0) + exact_figure(group.count)
    # "24 hostages, including 13 Israelis and 10 Thais": with its nationals counted, the whole's own
    # flow is its own nationals, not the remainder
    own_nationals: dict[int, int] = {}
    for group in groups:
        whole = wholes_of.get(id(group))
        if whole is not None and group.nationality is not None and group.nationality == whole.receiver \
                and group.category == whole.category and exact_figure(group.count) \
                and any(_foreign_part(g, whole, context) for g in groups if wholes_of.get(id(g)) is whole):
            own_nationals[id(whole)] = own_nationals.get(id(whole), 0) + exact_figure(group.count)
    unsplit_figures = {(g.category, exact_figure(g.count)) for g in groups if _unsplit(g) and exact_figure(g.count)}
    both_sides = {(g.category, 2 * exact_figure(g.count)) for g in groups
                  if g.per_side and not g.part_of and exact_figure(g.count)}
    part_keys: set[int] = set()  # parts that make flows of their own (by nationality or by giver)
    given_apart = _sides_broken_down(groups)
    broken_down: dict[tuple, int] = {}  # (key, a whole's figure) -> what is left of it once its parts are told
    candidates: dict[tuple, list[tuple[int, Count | None, Group]]] = {}
    for group in groups:
        count = group.count
        if count is not None and count.qualifier == "exact" and not count.value:
            continue  # "exchange 0 prisoners": a garbled figure, not a flow
        if group.part_of and wholes_of.get(id(group)) is None and group.category == "civilians" \
                and not any(g.count is not None and not g.part_of and g.category != "civilians" for g in groups):
            # "among those freed were five civilians" in an occasion told with no figure: the civilians' own count
            keys = keys_of(group, context)
        elif id(group) in two_way:
            part_keys.add(id(group))
            keys = [two_way[id(group)]]
        elif group.part_of:
            whole = wholes_of.get(id(group))
            foreign = whole is not None and _foreign_part(group, whole, context)
            other_giver = whole is not None and not foreign and _other_giver_part(group, whole)
            if whole is None or (group.category == whole.category and not foreign and not other_giver) \
                    or not exact_figure(whole.count) or exact_figure(whole.count) < civilian_parts.get(id(whole), 0):
                continue
            part_keys.add(id(group))
            if other_giver:
                keys = [(group.giver, whole.receiver, whole.category)]
                if "count.breakdown_by_giver" not in group.rules:
                    group.rules.append("count.breakdown_by_giver")
            elif foreign:
                # "nine hostages: five Israelis, three Thais and a Filipino": each state gets its nationals
                keys = [(whole.giver, group.nationality, whole.category)]
            else:
                keys = [(k[0], k[1], group.category) for k in keys_of(whole, context)]
        else:
            if _unsplit(group) and (group.category, exact_figure(count)) in both_sides:
                # "390 prisoners were exchanged, 195 from each side" with no side named: the total of the two flows
                if TOTAL_OF_PER_SIDE not in group.rules:
                    group.rules.append(TOTAL_OF_PER_SIDE)
                continue
            keys = keys_of(group, context)
            if _unsplit(group) and exact_figure(count) and (group.category, 2 * exact_figure(count)) in unsplit_figures:
                # "swap 206 prisoners" and "exchanged 103 prisoners with Ukraine": 103 each way
                keys = keys_of(dataclasses.replace(group, per_side=True), context)
                if "count.half_of_total" not in group.rules:
                    group.rules.append("count.half_of_total")
            parts = civilian_parts.get(id(group), 0)
            if id(group) in own_nationals:
                for key in keys:  # the whole told again (a headline) stands for its own nationals too
                    broken_down[(key, exact_figure(count))] = own_nationals[id(group)]
                count = Count.exact(own_nationals[id(group)])
            elif parts and exact_figure(count) and exact_figure(count) > parts:
                for key in keys:
                    broken_down[(key, exact_figure(count))] = exact_figure(count) - parts
                count = Count.exact(exact_figure(count) - parts)  # "390 prisoners, including 120 civilians": 270 POWs
            elif parts and exact_figure(count) == parts:
                continue  # every one of them told in a part of its own
        for key in keys:
            if key[0] is not None and key[0] in given_apart.get(id(group), ()):
                continue  # "14 prisoners each, with the Houthis freeing 10 soldiers and 4 civilians": told in parts
            candidates.setdefault(key, []).append((group.char_start, count, group))
    # the whole of a breakdown told again elsewhere ("90 Ukrainians home" in the headline, then "90 ...: 80 soldiers
    # and 10 civilians"): the same remainder (rule count.whole_told_again)
    for key, entries in candidates.items():
        for i, (start, count, group) in enumerate(entries):
            rest = broken_down.get((key, exact_figure(count))) if exact_figure(count) else None
            if rest is not None and civilian_parts.get(id(group), 0) == 0 and not group.part_of:
                entries[i] = (start, Count.exact(rest), group)
                if "count.whole_told_again" not in group.rules:
                    group.rules.append("count.whole_told_again")
    # every exact figure of a category in the occasion: "277 ... 246 official and an additional 31"
    stated: dict[str, set[int]] = {}
    for group in groups:
        if exact_figure(group.count):
            stated.setdefault(group.category, set()).add(exact_figure(group.count))
    out = []
    for key, entries in candidates.items():
        entries.sort(key=lambda e: e[0])
        extra = [e for e in entries if exact_figure(e[1]) and ("count.additional" in e[2].rules or (
            ADDED_ACROSS in e[2].rules and _adds_to_one_just_told(e, entries)))]
        base = [e for e in entries if e not in extra]
        extra_values = list(dict.fromkeys(exact_figure(e[1]) for e in extra))
        base_values = {exact_figure(e[1]) for e in base if exact_figure(e[1])}
        shared = base_values & set(extra_values)
        if base_values - shared:
            # "the 22 were in need of care": the extra group named again
            base = [e for e in base if exact_figure(e[1]) not in shared]
            base_values -= shared
        else:
            extra_values = [v for v in extra_values if v not in shared]  # 'also' on the figure restated
        if not any(e[1] is not None for e in base):
            base, extra_values = (extra or base), []
        chosen = _choose(base, attributed, compatible)
        count = chosen[1]
        if extra_values and "group.x_for_x" in chosen[2].rules:
            # "a 175-for-175 swap. In addition, 23 wounded": extras told right after the formula add to it;
            # a formula further away is the deal's name, not this occasion's figure
            near = {e[2].view.index for e in base if "group.x_for_x" in e[2].rules}
            extra_values = list(dict.fromkeys(exact_figure(e[1]) for e in extra if exact_figure(e[1]) in extra_values
                                              and near & {e[2].view.index, e[2].view.index - 1}))
        if extra_values:
            added = _plus(count, sum(extra_values), base_values | stated.get(key[2].split("#")[0], set()))
            if summed is not None and added != count and exact_figure(count):
                summed[key] = (exact_figure(count), *extra_values)  # the figures told, for matching other reports
            count = added
        out.append((key, count, chosen[2]))
    # a figure with a giver and no receiver that the parts told as flows of their own add up to is told twice
    # ("frees five hostages" in the headline, then "five hostages, three Kenyans, a Ugandan and a Somali")
    by_parts: dict[tuple, int] = {}
    for key, count, group in out:
        if id(group) in part_keys and exact_figure(count):
            by_parts[(key[0], key[2])] = by_parts.get((key[0], key[2]), 0) + exact_figure(count)
    out = [item for item in out if not (item[0][0] is not None and item[0][1] is None and exact_figure(item[1])
                                        and by_parts.get((item[0][0], item[0][2])) == exact_figure(item[1]))]
    # an unsplit total beside counted directional figures of the same category is a summary: drop it
    directional = [(k, c) for k, c, _ in out if (k[0] is not None or k[1] is not None) and c is not None]
    uncounted = {k[2] for k, c, _ in out if (k[0] is not None or k[1] is not None) and c is None}
    categories = {k[2] for k, _ in directional} | (uncounted & split_elsewhere)
    total = sum(exact_figure(c) or 0 for _, c in directional)
    out = [item for item in out if item[0][0] is not None or item[0][1] is not None
           or (item[0][2] not in categories and not (total and exact_figure(item[1]) == total))]
    return out
