"""Sides of a figure its sentence leaves open, read from the article once its occasions are formed.

"On 11 June Ukraine received 1,212 bodies. Another 1,200 bodies were returned on 14 June.": the
second sentence names no side, but every figure of bodies the article gives a direction to goes one
way, so the 1,200 go that way too. A figure stays without sides when its clause swaps ("an exchange
of 300", "300 for 300", "each"), when the article's figures of its category go both ways, or when its
own occasion already gives the category a direction (then it is that occasion's summary, settled by
the count stage).
"""

from __future__ import annotations

from .context import ArticleContext
from .groups import Group
from .occasions import Occasion

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
