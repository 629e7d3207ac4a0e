"""Sides of a figure its sentence leaves open, read from the article once its occasions are formed.

"On 11 June Ukraine received 1,212 bodies. Another 1,200 bodies were returned on 14 June.": the
second sentence names no side, but every figure of bodies the article gives a direction to goes one
way, so the 1,200 go that way too. A figure stays without sides when its clause swaps ("an exchange
of 300", "300 for 300", "each"), when the article's figures of its category go both ways, or when its
own occasion already gives the category a direction (then it is that occasion's summary, settled by
the count stage).
"""

from __future__ import annotations

from .context import SEVERAL_ID, SEVERAL_STATES, ArticleContext, dyad_pairs, dyads_of_views
from .gate import war_anywhere
from .groups import Group
from .occasions import Occasion
from .sentences import SentenceView, span_text

ONE_WAY_VERBS = frozenset({"GIVE", "RECEIVE", "HOME"})
TWO_WAY_CUES = frozenset({"EXCHANGE", "FOR", "EACH"})
TWO_WAY_WORDS = frozenset({"both", "sides", "parties", "mutual", "mutually", "reciprocal", "between"})
# figures read as a total of both sides, or as a count told again, keep their null sides
NO_FILL_RULES = frozenset({"count.exchange_size", "direction.several_givers", "group.x_for_x", "direction.n_for_n",
                           "group.mixed_nationality", "count.same_number", "direction.total"})


def _one_way_clause(group: Group) -> bool:
    """The group's clause hands people one way ('were returned', 'were released', 'came home'), with no
    swap word, 'for' pivot, 'each' or 'both sides' that would make the figure a total of both sides."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    hi = max(hi, group.end)
    if any(view.lower[k] in TWO_WAY_WORDS for k in range(lo, hi)):
        return False
    labels = {view.cue(k).label_ for k in range(lo, hi) if view.cue(k) is not None}
    return bool(labels & ONE_WAY_VERBS) and not labels & TWO_WAY_CUES


def _sided(group: Group) -> bool:
    return group.per_side or group.giver is not None or group.receiver is not None


def _ways(groups: list[Group]) -> dict[str, set[tuple]]:
    """Category -> the directions its counted figures take (a figure per side takes both)."""
    ways: dict[str, set[tuple]] = {}
    for g in groups:
        if g.count is None or g.part_of:
            continue
        if g.per_side:
            ways.setdefault(g.category, set()).update({("each", 1), ("each", 2)})
        elif g.giver is not None and g.receiver is not None:
            ways.setdefault(g.category, set()).add((g.giver, g.receiver))
    return ways


def article_sides(occasions: list[Occasion], context: ArticleContext) -> None:
    """Fill the sides of counted, one-way figures with none, from the one direction the article gives
    their category (rule `direction.article_category_sides`)."""
    if context.multi or context.sides is None:
        return
    ways = _ways([m.group for o in occasions for m in o.mentions])
    for occasion in occasions:
        own = _ways([m.group for m in occasion.mentions])
        for mention in occasion.mentions:
            g = mention.group
            if g.count is None or g.part_of or g.transit or _sided(g) or g.category in own:
                continue
            if NO_FILL_RULES & set(g.rules) or not _one_way_clause(g):
                continue
            found = ways.get(g.category, set())
            if len(found) != 1:
                continue
            (giver, receiver), = found
            if giver not in context.sides and receiver not in context.sides:
                continue
            g.giver, g.receiver = giver, receiver
            g.rules = [r for r in g.rules if r != "direction.unsplit"] + ["direction.article_category_sides"]


STATE_FORCE_HEADS = frozenset({"soldiers", "troops", "servicemen", "policemen", "police", "officers", "guards",
                               "sailors", "airmen", "conscripts", "gendarmes"})
ARMED_GROUP_HEADS = frozenset({"rebels", "fighters", "guerrillas", "militants", "insurgents", "combatants",
                               "militiamen", "cadres"})
ARMED_MODIFIERS = frozenset({"rebel", "guerrilla", "militant", "insurgent", "militia"})


def _people_kind(group: Group) -> str | None:
    """What the group's noun says of whose people they are: 'state' (soldiers, troops, policemen), 'armed'
    (rebels, fighters, 'rebel soldiers'), else None."""
    if group.noun is None or group.quantity is None:
        return None
    view = group.view
    head = view.lower[group.noun.end - 1]
    modifiers = {view.lower[k] for k in range(group.quantity.end, group.noun.start)}
    if head in ARMED_GROUP_HEADS or modifiers & ARMED_MODIFIERS:
        return "armed"
    if head in STATE_FORCE_HEADS:
        return "state"
    return None


def noun_sides(groups: list[Group], context: ArticleContext) -> None:
    """'On Monday the rebels freed 60 soldiers and the army released 50 fighters. On Tuesday 45 soldiers and
    40 rebels crossed': figures told in a later stage with no side of their own go the way the article's
    figures of the same people went (soldiers the one way, rebels or fighters the other), when that is one
    way only, and their sentence pairs them with a figure of the other people, going the other way (rule
    direction.article_noun_sides). (A lone figure with no side is left to `article_sides`: it may be a
    summary or a total.)"""
    if context.multi or context.sides is None or context.is_state(context.sides[0]) == context.is_state(context.sides[1]):
        return  # soldiers and rebels tell the sides apart only in a war between a state and an armed group
    ways: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for g in groups:
        if g.count is None or g.part_of or g.per_side or g.giver is None or g.receiver is None \
                or "direction.dyad" in g.rules and not any(r in g.rules for r in (
                    "direction.giver_subject", "direction.receiver_subject", "direction.nationality")):
            continue
        kind = _people_kind(g)
        if kind in ("state", "armed"):
            ways.setdefault((g.category, kind), set()).add((g.giver, g.receiver))
    open_groups = [g for g in groups if g.count is not None and not g.part_of and not g.transit and not _sided(g)
                   and not NO_FILL_RULES & set(g.rules) and "count.exchange_size" not in g.rules]
    chosen: dict[int, tuple[str, str]] = {}
    for g in open_groups:
        kind = _people_kind(g)
        found = ways.get((g.category, kind), set()) if kind is not None else set()
        if len(found) == 1:
            chosen[id(g)] = next(iter(found))
    for g in open_groups:
        way = chosen.get(id(g))
        if way is None:
            continue
        paired = any(o is not g and o.view is g.view and chosen.get(id(o)) == (way[1], way[0])
                     for o in open_groups)
        if not paired:
            continue
        g.giver, g.receiver = way
        g.rules = [r for r in g.rules if r != "direction.unsplit"] + ["direction.article_noun_sides"]


def restated_receivers(occasions: list[Occasion]) -> None:
    """'Israel returned the bodies of 120 fighters ... The remains of the 120 were handed to the Lebanese
    army': one figure told twice in an occasion, its receiver once only filled in from the dyad and once
    named; the named receiver holds for both (rule direction.restated_receiver)."""
    for occasion in occasions:
        groups = [m.group for m in occasion.mentions]
        named = [g for g in groups if g.receiver is not None and g.giver is not None and "direction.dyad" not in g.rules
                 and g.count is not None and g.count.qualifier == "exact" and (g.count.value or 0) >= 2]
        for g in groups:
            if "direction.dyad" not in g.rules or g.per_side or g.count is None or g.count.qualifier != "exact":
                continue
            match = [n for n in named if n.count.value == g.count.value and n.category == g.category
                     and n.giver == g.giver and n.receiver != g.receiver]
            if len({n.receiver for n in match}) == 1:
                g.receiver = match[0].receiver
                g.rules.append("direction.restated_receiver")
        # "Israel freed four Lebanese prisoners ... In return, the four Lebanese crossed into Lebanon": a figure told
        # again with its receiver only takes the giver of the one full flow it restates (direction.restated_giver)
        full = [g for g in groups if g.giver is not None and g.receiver is not None and not g.per_side
                and g.count is not None and g.count.qualifier == "exact" and (g.count.value or 0) >= 2]
        for g in groups:
            if g.giver is not None or g.receiver is None or g.per_side or g.count is None \
                    or g.count.qualifier != "exact" or (g.count.value or 0) < 2:
                continue
            match = {n.giver for n in full if n.count.value == g.count.value and n.category == g.category
                     and n.receiver == g.receiver and n.start < g.start}
            if len(match) == 1:
                g.giver = match.pop()
                g.rules.append("direction.restated_giver")
        # "742 prisoners arrive in Sanaa" (a receiver only) and "742 held by the government were released"
        # (a giver only): one figure told twice, each time with one side, has both
        halves = [g for g in groups if not g.per_side and g.count is not None and g.count.qualifier == "exact"
                  and (g.count.value or 0) >= 2 and (g.giver is None) != (g.receiver is None)]
        for a in halves:
            for b in halves:
                if a is b or a.count.value != b.count.value or a.category != b.category:
                    continue
                if a.giver is not None and b.receiver is not None and a.giver != b.receiver \
                        and a.receiver is None and b.giver is None:
                    a.receiver, b.giver = b.receiver, a.giver
                    a.rules.append("direction.restated_receiver")
                    b.rules.append("direction.restated_receiver")


def occasion_partners(occasions: list[Occasion], context: ArticleContext) -> None:
    """'Hezbollah handed over two coffins. Israel then freed five Lebanese prisoners': a third party that
    takes part in no other flow of its occasion, with one side known and the other open, deals with the
    party of the occasion's other flows it is paired with in the dyad table (Hezbollah with Israel, not
    Lebanon); failing a pair, with the one side that gives in return (rule direction.occasion_partner).
    The article's own dyad (`ArticleContext.counterpart`) never reaches a party outside it."""
    shut = set(context.mediators) | set(SEVERAL_STATES)
    for occasion in occasions:
        groups = [m.group for m in occasion.mentions]
        for g in groups:
            if g.per_side or g.transit or g.part_of or (g.giver is None) == (g.receiver is None) \
                    or NO_FILL_RULES & set(g.rules):
                continue
            known = g.giver if g.giver is not None else g.receiver
            if known in shut:
                continue
            others = [o for o in groups if o is not g and o.giver is not None and o.receiver is not None
                      and not o.per_side]
            if not others or any(known in (o.giver, o.receiver) for o in groups if o is not g):
                continue
            parties = {o.giver for o in others} | {o.receiver for o in others}
            paired = sorted(p for p in parties if p not in shut and frozenset((known, p)) in context.pairs)
            if len(paired) == 1:
                found = paired[0]
            else:
                # what the third party gives goes to whoever gives in return; what it gets comes from the one
                # side that gives in the occasion (nationals of a third state freed beside the other side's)
                back = {o.giver for o in others}
                if len(back) != 1 or back & shut or paired:
                    continue
                found = next(iter(back))
            if g.giver is None:
                g.giver = found
            else:
                g.receiver = found
            g.rules.append("direction.occasion_partner")


def several_states_receivers(occasions: list[Occasion]) -> None:
    """'Russia released three prisoners. Poland, Norway and Slovenia freed nine people in return': what several
    states give together goes to the one side that gives in the rest of the occasion (rule
    direction.several_states_receiver)."""
    for occasion in occasions:
        groups = [m.group for m in occasion.mentions]
        for g in groups:
            if g.giver != SEVERAL_ID or g.receiver is not None or g.per_side:
                continue
            back = {o.giver for o in groups if o is not g and not o.per_side and o.giver is not None} - SEVERAL_STATES
            if len(back) == 1:
                g.receiver = back.pop()
                g.rules.append("direction.several_states_receiver")


SWAP_LABELS = frozenset({"EXCHANGE", "EACH"})


def handed_between_no_sides(group: Group, context: ArticleContext) -> bool:
    """'The mortuary released the bodies of 19 crash victims to their families', 'Fishermen recovered 19
    bodies', 'the junta freed 27 of its officers': a figure moved one way with no side at either end, even
    after the article's sides were filled in, or with one side only where the sides are of no known war,
    and no swap word, 'each' or 'both sides' in its sentence. A record needs a transfer between two sides;
    nobody handed these over to anybody (rule gate.no_sides)."""
    if group.per_side:
        return False
    sides = (group.giver is not None) + (group.receiver is not None)
    if sides == 2 or (sides == 1 and context.known_dyad):
        return False  # "Russia returned 300 soldiers": one side of a known war is enough
    if NO_FILL_RULES & set(group.rules):
        return False  # a total of both sides, or a figure told again
    return not _swap_words(group.view)


def _swap_words(view: SentenceView) -> bool:
    """A swap word, 'in exchange for', 'each', 'both', 'sides', 'between' ... in the sentence."""
    return view.has_cue(*SWAP_LABELS) or view.has_swap_pivot() or bool(view.word_set & TWO_WAY_WORDS)


def drop_sideless(occasions: list[Occasion], tallies: list, views: list[SentenceView],
                  context: ArticleContext) -> None:
    """In an article with no swap word where every figure is `handed_between_no_sides`, remove them all
    (the occasions and the running totals). Where some figure has sides, a sideless one is a total or a
    part of the article's handover, settled by the count stage; one mention in a swap's words keeps its
    occasion ('an exchange involving 900 prisoners')."""
    if any(view.has_cue("EXCHANGE") or view.has_swap_pivot() for view in views):
        return  # "part of an exchange involving nearly 900 prisoners": a swap, its sides untold
    groups = [m.group for o in occasions for m in o.mentions] + [t.group for t in tallies]
    if not all(handed_between_no_sides(g, context) for g in groups):
        return
    occasions.clear()
    tallies.clear()


ONE_WAY_RELEASES = frozenset({"civilians", "prisoners"})


def drop_outside_conflict(occasions: list[Occasion], tallies: list, views: list[SentenceView],
                          context: ArticleContext) -> None:
    """In an article with no swap word anywhere and no two figures going opposite ways, civilians or
    prisoners moved one way are a repatriation, a deportation or a one-sided release, not a handover to
    the other side (rule gate.outside_conflict),
    when their sides are of no known war or prisoner dispute ('Kazakhstan repatriated 38 of its citizens
    from camps in Syria'), or when a state frees its own people and only the dyad names a receiver
    ('Venezuela released 36 political prisoners', whose other side is only the article's). Captured
    fighters, hostages and remains are handed over between the sides of any war, so they stay."""
    if any(view.has_cue("EXCHANGE") or view.has_swap_pivot() for view in views):
        return
    ways = {(m.group.giver, m.group.receiver) for o in occasions for m in o.mentions
            if m.group.giver is not None and m.group.receiver is not None}
    if any((receiver, giver) in ways for giver, receiver in ways):
        return  # "Bangladesh freed 64 fishermen ... Myanmar in turn repatriated 31": both ways, a swap

    def one_way_release(group: Group) -> bool:
        if group.category not in ONE_WAY_RELEASES or group.per_side:
            return False
        return not context.known_dyad or (group.nationality is None and "direction.giver_subject" in group.rules
                                          and "direction.dyad" in group.rules)

    occasions[:] = [o for o in occasions if not all(one_way_release(m.group) for m in o.mentions)]
    tallies[:] = [t for t in tallies if not one_way_release(t.group)]


def drop_peacetime_remains(occasions: list[Occasion], tallies: list, views: list[SentenceView],
                           context: ArticleContext) -> None:
    """Remains handed over in an article with no war, fighting, forces or captives in it, between sides of
    no known war ('the remains of 20 ancestors were returned from a museum', 'the bodies of 14 workers
    were flown home'), are no war dead handed between two sides (rule gate.peacetime_remains)."""
    if context.known_dyad or war_anywhere(views):
        return
    occasions[:] = [o for o in occasions if not all(m.group.category == "bodies" for m in o.mentions)]
    tallies[:] = [t for t in tallies if t.group.category != "bodies"]


JAILED_BY_STATE_RULE = "category.jailed_by_state"
JAIL_WORDS = frozenset({"jail", "jails", "jailed", "prison", "prisons", "imprisoned", "convicted", "sentenced",
                        "inmates", "penitentiary"})
JAIL_REACH = 8  # tokens after the noun to a jail word ("17 of its fighters held in a prison in the north")
# the state's own people: never members of the armed group it frees
STATE_PEOPLE = frozenset({"soldiers", "soldier", "servicemen", "serviceman", "troops", "officers", "police",
                          "policemen", "guards", "servicemembers", "conscripts", "reservists"})


def _state_people(group: Group) -> bool:
    return group.noun is not None and span_text(group.noun).lower() in STATE_PEOPLE


def _jailed(group: Group) -> bool:
    view = group.view
    end = group.noun.end if group.noun is not None else group.end
    lo, hi = view.clause_bounds(group.start)
    return any(view.lower[k] in JAIL_WORDS for k in range(max(lo, group.start - 2), min(hi, end + JAIL_REACH)))


COUNTER_FLOW_RULE = "category.counter_flow"


def swapped_for_soldiers(occasions: list[Occasion], context: ArticleContext) -> None:
    """'Ethiopia handed over 3,000 Somali soldiers and Somalia freed 211 Ethiopians': between two states the
    dyad table does not know, people named only by a word the dyad would give its category (a demonym,
    'prisoners', 'people') who go back the other way for soldiers in the same occasion are that war's
    captives too, pows (rule category.counter_flow); a known pair keeps its own default."""
    if context.known_dyad and context.sides is not None:
        return
    for occasion in occasions:
        groups = [m.group for m in occasion.mentions]
        soldiers = {(g.giver, g.receiver) for g in groups if g.category == "pows" and not g.per_side
                    and "category.dyad_default" not in g.rules and g.giver is not None and g.receiver is not None}
        for g in groups:
            if g.category == "prisoners" and "category.dyad_default" in g.rules and not g.per_side \
                    and context.is_state(g.giver) and context.is_state(g.receiver) \
                    and (g.receiver, g.giver) in soldiers:
                g.category = "pows"
                g.rules.append(COUNTER_FLOW_RULE)


def jailed_members(occasions: list[Occasion], tallies: list, context: ArticleContext) -> None:
    """Fighters, militants or commanders a state frees to the armed group they belong to are the state's
    prisoners (its justice system holds them), not prisoners of war, where that is no war between forces:
    the dyad's default is not pows (hostage-takers, insurgents a state jails), the group gives hostages in
    the same occasion, or, with no known dyad, the text says they were jailed ('released from a prison',
    'jailed rebels'). Read once the occasion's sides are final, for running totals too (rule
    category.jailed_by_state)."""
    dyad = context.known_dyad and context.sides is not None and not context.multi  # a pair of the dyad table
    if dyad and context.default_category == "pows":
        return  # a war between forces: the fighters either side holds are its prisoners of war
    # the parties of the table's wars between forces (a group there holds prisoners of war, even in jails)
    at_war = {p for pair in dyad_pairs(dyads_of_views([m.group.view for o in occasions for m in o.mentions][:1]),
                                       wars=True) for p in pair}
    # a running total of the same people is read like a flow of an occasion of its own
    for groups in [[m.group for m in o.mentions] for o in occasions] + [[t.group] for t in tallies]:
        hostage_givers = {g.giver for g in groups if g.category == "hostages" and g.giver is not None}
        for g in groups:
            if g.category != "pows" or g.per_side or context.is_state(g.receiver) or g.receiver in SEVERAL_STATES \
                    or (g.giver is not None and not context.is_state(g.giver)) or context.is_state(g.nationality) \
                    or _state_people(g):
                continue
            if (g.giver is None and g.receiver is None) or g.receiver in at_war:
                continue
            if (dyad and context.default_category != "pows") or (not dyad and g.receiver in hostage_givers) \
                    or (not dyad and g.giver is not None and _jailed(g)):
                # "in exchange for 12 of the group's fighters released from a prison"; the same figure told
                # again with no sides (a headline's "swap for 12 militants") is the same people; in a dyad that is
                # no war, every sideless figure of the occasion's fighters is ("a deal to free 5,000 militants")
                for same in [g] + [o for o in groups if o.giver is None and o.receiver is None and not o.per_side
                                   and o.category == "pows" and o.count is not None
                                   and (o.count == g.count or (dyad and not _state_people(o)))]:
                    same.category = "prisoners"
                    same.rules.append(JAILED_BY_STATE_RULE)

