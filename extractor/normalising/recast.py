"""Actors read by the article's war (stage: actors, between the context and the groups).

Who a name stands for can depend on the conflict the article is about, and the gazetteer, which
reads names one by one, cannot know it:

- a capital held by the non-state side of the article's dyad stands for that side: in a war between
  a government and the rebels who hold its capital, "flown to <capital>" goes to the rebels
  (rule direction.held_capital; the places are data, `held` on the dyad's line of dyads.jsonl);
- a group that has become a state's government stands for that state in articles published since
  (rule direction.governing_group; `ruled_by` on a dyad line: the group and the day it took power),
  as the contract's "a government stands for its state" asks;
- "an <X>-linked group", "<X>-affiliated militants": X is a sponsor, not the actor; the actor is the
  one group the article names besides X, else nobody (rule direction.sponsor_named_group); but where X
  is itself a side of the article's war, "X-backed fighters" are X's side (rule direction.sponsor_is_side);
- "the ousted government", "the former regime", and "the government (side)" itself: names of the state
  side of a state-versus-group dyad (rule direction.partisan_state).

Spans are changed in place (the normaliser's own Span objects, see `DocIndex`); the context is then
built again. Each change is kept by token position so the groups read from it carry its rule id.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span

from ..contract import PartialDate
from .context import ArticleContext, dyad_facts, dyads_of
from .sentences import SentenceView, span_text

SPONSOR_SUFFIXES = ("-linked", "-affiliated", "-allied", "-aligned", "-inspired", "-backed", "-sponsored", "-supported")
SPONSORED_NOUNS = frozenset({"group", "groups", "militants", "militant", "fighters", "jihadists", "jihadist", "militia",
                             "militias", "faction", "factions", "insurgents", "rebels", "cell", "network", "outfit",
                             "organisation", "organization", "movement", "gunmen", "kidnappers", "captors"})
PARTISAN_ADJECTIVES = frozenset({"ousted", "deposed", "exiled", "former", "toppled", "overthrown", "fugitive",
                                 "illegitimate", "puppet", "runaway", "fled", "collapsed"})
PARTISAN_NOUNS = frozenset({"government", "regime", "authorities", "administration"})
GOVERNMENT_HEADS = frozenset({"side", "forces", "troops", "army", "delegation", "negotiators"})
FORCE_HEADS = frozenset({"forces", "troops", "militias", "army", "soldiers", "side"})


def recast_actors(views: list[SentenceView], context: ArticleContext, *,
                  published: PartialDate | None) -> dict[int, str]:
    """Recast the actors of the article by its war; token start of each changed actor -> its rule id."""
    if not views:
        return {}
    facts = dyad_facts(dyads_of(views[0].sent.doc))
    changed: dict[int, str] = {}
    sides = set(context.sides or ())
    held = {name: holder for name, holder in facts.held if holder in sides}
    ruled = {group: (state, since) for group, state, since in facts.ruled if context.is_state(state)}
    named = [a for v in views for a in v.actors if not _sponsor(v, a)]
    named_groups = {a.kb_id_ for a in named if a.label_ == "GROUP"}
    named_sides = {a.kb_id_ for a in named} & sides  # sides the article names other than as a sponsor
    dropped: list[tuple[SentenceView, Span]] = []
    for view in views:
        for actor in view.actors:
            text = span_text(actor).lower() if actor.label_ == "CAPITAL" else ""
            if actor.label_ == "CAPITAL" and text in held and actor.kb_id_ != held[text]:
                actor.kb_id_ = held[text]
                changed[actor.start] = "direction.held_capital"
            elif actor.label_ == "GROUP" and actor.kb_id_ in ruled and _since(published, ruled[actor.kb_id_][1]):
                actor.kb_id_ = ruled[actor.kb_id_][0]
                changed[actor.start] = "direction.governing_group"
            elif actor.label_ in ("GROUP", "STATE", "DEMONYM") and _sponsor(view, actor):
                if actor.kb_id_ in named_sides:  # "30 Turkish-backed fighters" in the SDF-Turkey war: Turkey's side
                    changed[actor.start] = "direction.sponsor_is_side"
                    continue
                others = named_groups - {actor.kb_id_}
                if len(others) == 1:
                    actor.kb_id_ = others.pop()
                    changed[actor.start] = "direction.sponsor_named_group"
                else:
                    dropped.append((view, actor))
    for view, actor in dropped:
        _drop_actor(view, actor)
    state = context.state_side()
    if state is not None:
        for view in views:
            for start, end in _partisan_phrases(view):
                _add_actor(view, Span(view.sent.doc, start, end, label="INSTITUTION", kb_id=state))
                changed[start] = "direction.partisan_state"
    return changed


def _since(published: PartialDate | None, since: str) -> bool:
    if published is None:
        return False
    year, month, day = (int(p) for p in since.split("-"))
    return (published.year, published.month or 12, published.day or 31) >= (year, month, day)


def _sponsor(view: SentenceView, actor: Span) -> bool:
    """'an al-Qaeda-linked group': the actor's name glued to a sponsor suffix before a group noun."""
    end = actor.end
    if end >= view.end:
        return False
    doc = view.sent.doc
    suffix = view.lower[end]
    if suffix == "-" and end + 1 < view.end:
        suffix, end = "-" + view.lower[end + 1], end + 1
    if suffix not in SPONSOR_SUFFIXES or doc[actor.end - 1].whitespace_:
        return False
    nxt = end + 1
    while nxt < view.end and view.lower[nxt] in ("jihadist", "islamist", "armed", "militant", "rebel", "extremist"):
        nxt += 1
    return nxt < view.end and view.lower[nxt] in SPONSORED_NOUNS


def _partisan_phrases(view: SentenceView) -> list[tuple[int, int]]:
    """Token ranges of 'the ousted government', '(the) forces of the former regime'."""
    out = []
    if PARTISAN_NOUNS.isdisjoint(view.word_set):
        return out  # both kinds of phrase hold one of these nouns
    lower = view.lower
    for k in range(view.start, view.end - 1):
        if lower[k] in PARTISAN_ADJECTIVES and lower[k + 1] in PARTISAN_NOUNS and view.actor(k) is None \
                and view.actor(k + 1) is None:
            start = k
            if start - 1 >= view.start and lower[start - 1] == "the":
                start -= 1
            if start - 2 >= view.start and lower[start - 1] == "of" and lower[start - 2] in FORCE_HEADS:
                start -= 2  # "the forces of the ousted government": the forces are that side's
            out.append((start, k + 2))
        elif lower[k] == "the" and lower[k + 1] in ("government", "regime") and view.actor(k + 1) is None \
                and (k + 2 >= view.end or lower[k + 2] not in ("of", "'s", "’s", "in")) \
                and (k == view.start or view.actor(k - 1) is None):
            # "the government side will release 760": in a war between a state and a group, the state
            end = k + 3 if k + 2 < view.end and lower[k + 2] in GOVERNMENT_HEADS else k + 2
            out.append((k, end))
    return out


def _add_actor(view: SentenceView, span: Span) -> None:
    index = view.doc_index
    if any(index.actor_at[k] is not None for k in range(span.start, span.end)):
        return
    starts = [a.start for a in view.actors]
    view.actors.insert(bisect.bisect_left(starts, span.start), span)
    index.actor_at[span.start:span.end] = [span] * (span.end - span.start)
    actors = index.spans["actors"]
    actors.insert(bisect.bisect_left([a.start for a in actors], span.start), span)


def _drop_actor(view: SentenceView, span: Span) -> None:
    index = view.doc_index
    view.actors.remove(span)
    index.actor_at[span.start:span.end] = [None] * (span.end - span.start)
    index.spans["actors"].remove(span)


def note_recast(groups, recast: dict[int, str]) -> None:
    """A group whose giver or receiver was read from a recast actor of its sentence carries that rule."""
    for group in groups:
        for actor in group.view.actors:
            rule = recast.get(actor.start)
            if rule is not None and actor.kb_id_ in (group.giver, group.receiver) and rule not in group.rules:
                group.rules.append(rule)
