"""Article context: who the two sides are, who mediates, what generic words mean.

Directions that a sentence leaves open ("195 Russian soldiers were returned") are completed
from the article's dyad: the other side of Russia in a Russia-Ukraine article is Ukraine. When
the exchange has more than two sides (Russia and several Western states), the other side is
left null, as the contract asks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc, Span

from ..datalines import read_model_lines
from .dating import DEAL_MADE, MEETING_VERBS
from .sentences import SentenceView, span_text
from .status import TRANSFER_LABELS

PARTY_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION", "DEMONYM", "OFFICIAL", "GROUP", "MULTI"})
MULTI_ID = "WEST"


STATES_KEY = "extractor.states"  # doc.user_data: the STATE ids of the pipeline that reads the doc


@lru_cache(maxsize=1)
def package_state_ids() -> frozenset[str]:
    """The ids of every state of the packaged lexicon (ISO 3166-1 alpha-3, and Kosovo's XKX); a pipeline
    reads the ids its own actor gazetteer holds (`RecordBuilder.state_ids`), this is for a doc without them."""
    from ..recognising.gazetteer import package_entries
    from ..recognising.lexicon import GENERATED_FILE

    return frozenset(e.id for e in package_entries(GENERATED_FILE) if e.label == "STATE")


# Sides made of several states ("the West", "the Saudi-led coalition"): written as a null side, never filled in
# from the dyad. Every MULTI id of extractor/data/actors.jsonl is here (a test checks it).
SEVERAL_ID = "SEVERAL"  # several states named as one side in a sentence ("Poland and Lithuania freed ...")
SEVERAL_STATES = frozenset({MULTI_ID, "COALITION", SEVERAL_ID})


class Dyad(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    parties: tuple[str, str]
    default_category: str = "prisoners"
    sides: dict[str, tuple[str, str]] = Field(default_factory=dict)
    # places one side holds, as written -> that side's id ("Sanaa" in the Houthi war): see recast.py
    held: dict[str, str] = Field(default_factory=dict)
    # a group that governs a state of the line -> the day it took power (YYYY-MM-DD): see recast.py
    ruled_by: dict[str, str] = Field(default_factory=dict)
    # the parties whose mention alone stands for this dyad (LONE_PARTY_RULE); empty: either. A group of one
    # known war implies its state, while the state, at war with others too, does not imply the group
    lone: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _lone_are_parties(self) -> "Dyad":
        strays = [ident for ident in self.lone if ident not in self.parties]
        if strays:  # a typo would silently switch the rule off for this dyad
            raise ValueError(f"lone names {', '.join(strays)}, which is not one of the parties "
                             f"{' and '.join(self.parties)}: write one of them, or leave 'lone' out")
        return self


DYADS_FILE = "dyads.jsonl"
DYADS_KEY = "extractor.dyads"  # doc.user_data: the dyad table of the pipeline that reads the doc


def read_dyads(text: str, *, origin: str) -> tuple[Dyad, ...]:
    """Validated dyad lines; a bad line raises ValueError E101 naming the file, line and field."""
    return tuple(dyad for _, dyad in read_model_lines(text.splitlines(), Dyad, origin=origin))


def package_dyads_text() -> str:
    return resources.files("extractor.data").joinpath(DYADS_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def known_dyads() -> tuple[Dyad, ...]:
    """The packaged dyad table (a pipeline folder carries its own copy: `RecordBuilder.dyads`)."""
    return read_dyads(package_dyads_text(), origin=f"extractor/data/{DYADS_FILE}")


def dyads_of(doc: Doc) -> tuple[Dyad, ...]:
    """The dyad table of the pipeline that reads the doc (`RecordBuilder` puts it in `doc.user_data`), or
    the packaged one for a doc read without it."""
    return doc.user_data.get(DYADS_KEY) or known_dyads()


def dyads_of_views(views) -> tuple[Dyad, ...]:
    """`dyads_of` the doc the sentence views come from; the packaged table when there are none."""
    return dyads_of(views[0].sent.doc) if views else known_dyads()


@dataclass(frozen=True)
class DyadFacts:
    """What the rules read of a whole dyad table, made once per table rather than once per article."""

    pairs: frozenset[frozenset[str]]  # every dyad, as the frozenset of its two parties
    war_pairs: frozenset[frozenset[str]]  # those of armed conflicts (captives between them are pows by default)
    held: tuple[tuple[str, str], ...]  # (place as written, in lower case; its holder), in table order
    ruled: tuple[tuple[str, str, str], ...]  # (governing group, a party of its dyad, the day it took power)


_FACTS: dict[int, tuple[tuple[Dyad, ...], DyadFacts]] = {}  # id of a dyad table -> (the table, its facts)


def dyad_facts(dyads: tuple[Dyad, ...]) -> DyadFacts:
    found = _FACTS.get(id(dyads))
    if found is None or found[0] is not dyads:
        if len(_FACTS) > 16:
            _FACTS.clear()
        facts = DyadFacts(
            pairs=frozenset(frozenset(d.parties) for d in dyads),
            war_pairs=frozenset(frozenset(d.parties) for d in dyads if d.default_category == "pows"),
            held=tuple((name.lower(), holder) for d in dyads for name, holder in d.held.items()),
            ruled=tuple((group, state, since) for d in dyads for group, since in d.ruled_by.items()
                        for state in d.parties))
        found = _FACTS[id(dyads)] = (dyads, facts)
    return found[1]


def dyad_pairs(dyads: tuple[Dyad, ...], *, wars: bool = False) -> frozenset[frozenset[str]]:
    """Every dyad of the table as the frozenset of its two parties; with `wars`, only those of armed
    conflicts (captives between them are pows by default)."""
    facts = dyad_facts(dyads)
    return facts.war_pairs if wars else facts.pairs


@dataclass
class ArticleContext:
    sides: tuple[str, str] | None
    multi: bool
    default_category: str
    category_sides: dict[str, tuple[str, str]]
    mediators: tuple[str, ...]
    party_counts: Counter = field(default_factory=Counter)
    states: frozenset[str] = field(default_factory=package_state_ids)
    known_dyad: bool = False  # the sides, or the only party, are of a dyad of the table (a known war or dispute)
    pairs: frozenset = frozenset()  # every dyad of the table, as frozensets of its two parties

    def is_state(self, actor: str | None) -> bool:
        """A state's id, not a group's id ("RSF", "PKK") and not a side of several states."""
        return actor is not None and actor in self.states

    def counterpart(self, actor: str | None, category: str | None = None) -> str | None:
        """The other side of `actor` in this article's exchange, or None when unknown or several."""
        if actor is None or self.multi:
            return None
        fixed = self.category_sides.get(category or "")
        if fixed and actor in fixed:
            return fixed[1] if actor == fixed[0] else fixed[0]
        if self.sides and actor in self.sides:
            return self.sides[1] if actor == self.sides[0] else self.sides[0]
        for giver, receiver in self.category_sides.values():
            if actor == receiver:
                return giver
            if actor == giver:
                return receiver
        return None

    def partner(self, actor: str) -> str | None:
        """The one side of the article's dyad that a third party is at war with in the dyad table (the
        Lebanese state in an Israel-Hezbollah article: Israel), or None."""
        partners = [s for s in self.sides or () if s != actor and frozenset((actor, s)) in self.pairs]
        return partners[0] if len(partners) == 1 else None

    def state_side(self) -> str | None:
        """In a state-versus-group dyad, the state ('government soldiers' in Yemen are YEM)."""
        if self.sides is None:
            return None
        states = [s for s in self.sides if self.is_state(s)]
        return states[0] if len(states) == 1 else None

    def only_state(self) -> str | None:
        """The one state the article names as a party, when it names no dyad ('government soldiers' freed
        by rebels no gazetteer knows are that state's), or None."""
        states = [a for a in self.party_counts if self.is_state(a)]
        return states[0] if self.sides is None and len(states) == 1 else None

    def between_states(self) -> bool:
        """Both sides of the article's exchange are states (Russia-Ukraine, Armenia-Azerbaijan)."""
        return self.sides is not None and all(self.is_state(s) for s in self.sides)

    def fixed_sides(self, category: str) -> tuple[str, str] | None:
        """Giver and receiver a category always has in this dyad (hostages: HAMAS -> ISR)."""
        return self.category_sides.get(category)


def mediators_in(views: list[SentenceView]) -> list[str]:
    found: list[str] = []
    for view in views:
        for cue in view.cues_with("MEDIATION"):
            looks_ahead = span_text(cue).lower().endswith((" by", " of", "thanks to", "thanked"))
            doc = view.sent.doc
            # "an arms broker convicted in the United States": a participle after the noun opens a clause about
            # that person, and the actors in it are where they were held, not who mediated (MEDIATOR_NOUN_RULE)
            person_clause = cue.end < view.end and view.lower[cue.end].endswith("ed") \
                and not span_text(cue).lower().endswith("ed")
            for actor in view.actors:
                # before the cue only as "Qatar-brokered", "Turkey's mediation", "Turkey mediated"
                glued = actor.end == cue.start or (actor.end + 1 == cue.start and doc[actor.end].text in ("-", "'s", "’s"))
                near = (0 <= actor.start - cue.end <= 5 and not person_clause and not _after_the_phrase(view, cue, actor)) \
                    or (not looks_ahead and glued)
                if near and actor.label_ in PARTY_LABELS | {"ORG"} and actor.kb_id_ not in found:
                    found.append(actor.kb_id_)
        if view.has_cue(*TRANSFER_LABELS):
            for actor in view.actors:
                if actor.kb_id_ == "ICRC" and actor.kb_id_ not in found:
                    found.append("ICRC")
    return found


def _after_the_phrase(view: SentenceView, cue: Span, actor: Span) -> bool:
    """'mediated by Saudi Arabia, Yemen's government freed ...': past a comma, an actor is still a mediator only as
    the next item of a list ('mediated by Turkey, Qatar and Egypt'), not the head of the clause after the phrase."""
    for k in range(cue.end, actor.start):
        if view.lower[k] in (";", ":", "."):
            return True
        if view.lower[k] == ",":
            nxt = view.actor(k + 1) if k + 1 < view.end else None
            if nxt is None or nxt.end >= view.end or view.lower[nxt.end] not in (",", "and"):
                return True
    return False


CAPTIVE_WORDS = frozenset({"prisoner", "prisoners", "pow", "pows", "hostage", "hostages", "captive", "captives",
                           "detainee", "detainees", "captivity", "kidnapped", "abducted", "abductees"})
WAR_WORDS = frozenset({
    "war", "wars", "wartime", "conflict", "conflicts", "fighting", "fought", "battle", "battles", "battlefield",
    "combat", "front", "frontline", "front-line", "invasion", "ceasefire", "cease-fire", "truce", "occupation",
    "occupied", "military", "army", "armed", "troops", "forces", "soldiers", "soldier", "servicemen", "fighters",
    "militants", "rebels", "militia", "militias", "insurgents", "offensive", "shelling", "airstrikes",
})


REMAINS_WORDS = frozenset({"bodies", "remains", "fallen"})


_WAR_OR_CAPTIVE = WAR_WORDS | CAPTIVE_WORDS
_WAR_CAPTIVE_OR_REMAINS = _WAR_OR_CAPTIVE | REMAINS_WORDS


def speaks_of_war(views: list[SentenceView], *, remains: bool = False) -> bool:
    """Some sentence speaks of war, fighting, forces or people held (with `remains`, or of the dead handed over)."""
    words = _WAR_CAPTIVE_OR_REMAINS if remains else _WAR_OR_CAPTIVE
    return any(not words.isdisjoint(view.words) for view in views)


# the one known dyad of the article's main party stands in for its sides only where no other party is named
# or the article speaks of war, captives or remains: a state bringing its citizens home from a camp in a third state
# is no captive of its one old war (the rule id is in the catalogue; a record shows it as direction.dyad)
LONE_PARTY_RULE = "direction.lone_party_dyad"
# context rules whose ids are in the catalogue; a record shows the sides they leave as direction.dyad
BACKGROUND_DYAD_RULE = "direction.background_dyad"
MEDIATOR_NOUN_RULE = "direction.mediator_noun"


# the labels that name a party acting in the article (a state's name, its institutions, officials, an armed
# group), not where something happened (a capital) nor whose people were handed over (a demonym)
ACTING_LABELS = frozenset({"STATE", "SEAT", "INSTITUTION", "OFFICIAL", "GROUP"})
WAR_DEAD = frozenset({"pows", "bodies"})  # CATEGORY ids of the dead a war is implied by ('of 40 soldiers', 'of the fallen')
REMAINS_OF_REACH = 6  # tokens from 'bodies of' to the people word ('the bodies of nine Sri Lankan workers')


def _war_remains(views: list[SentenceView]) -> bool:
    """Some remains word stands alone or is of combatants or the fallen ('212 bodies', 'the remains of 40
    soldiers'), not of other people ('the bodies of 9 workers', 'the remains of 6 tourists')."""
    for view in views:
        if REMAINS_WORDS.isdisjoint(view.words):
            continue
        dead = [c.start for c in view.cues_with("CATEGORY") if c.kb_id_ in WAR_DEAD]
        for k in range(view.start, view.end):
            if view.lower[k] not in REMAINS_WORDS:
                continue
            if not (k + 1 < view.end and view.lower[k + 1] == "of") \
                    or any(k + 1 < p <= k + REMAINS_OF_REACH for p in dead):
                return True
    return False


def _implies_its_war(dyad: Dyad, ranked: list[str], counts: Counter, acting: Counter, views: list[SentenceView],
                     pairs: frozenset[frozenset[str]]) -> bool:
    """The article's main party, with one dyad in the table, stands for that dyad (LONE_PARTY_RULE) only where
    the other side is implied by the article's war, captives or remains: a word of war or captivity in some
    sentence, or remains alone or of combatants ('the bodies of nine workers killed in a fire were flown
    home' are no war dead); and only where the article's second party, if it is mostly named as acting in
    sentences of a transfer, a deal or captivity (as a state, an institution, an official or a group: not as
    a capital, where things happen, nor as a demonym, whose people were handed), is not in another affair,
    with no known dyad with either side ('Chad and Libya swapped 40 soldiers': Chad is the other side, not Libya's civil war)."""
    other = ranked[1] if len(ranked) > 1 else None
    if other is not None and acting[other] * 2 >= counts[other] and other not in dyad.parties \
            and not any(frozenset((other, side)) in pairs for side in dyad.parties):
        return False
    return _war_implied(views)


def _alone_stands_for(dyad: Dyad, party: str) -> bool:
    """The party, named alone, stands for the dyad (its `lone` parties; either when it lists none)."""
    return party in dyad.parties and (not dyad.lone or party in dyad.lone)


def _war_implied(views: list[SentenceView]) -> bool:
    return speaks_of_war(views) or _war_remains(views)


def build_context(views: list[SentenceView], *, keep: tuple[str, str] | None = None) -> ArticleContext:
    """The article's context; `keep`: the sides of a context built before, kept when both are still named
    (the actors were recast: who a name stands for changed, not what the article is about)."""
    user_data = views[0].sent.doc.user_data if views else {}
    dyads = dyads_of_views(views)
    mediators = mediators_in(views)
    counts: Counter = Counter()
    acting: Counter = Counter()  # the part of `counts` named as acting (ACTING_LABELS) in a sentence of a transfer
    for view in views:
        relevant = view.has_cue(*TRANSFER_LABELS, "AGREEMENT", "CAPTIVITY")
        weight = 3 if view.index < 3 else 1
        dateline = _dateline_end(view)
        for actor in view.actors:
            if actor.start < dateline:
                continue  # "BAKU, Azerbaijan, May 25.": where the story was filed, not a party
            if actor.label_ in PARTY_LABELS and not deal_place(view, actor):
                counts[actor.kb_id_] += weight * (2 if relevant else 1)
                if relevant and actor.label_ in ACTING_LABELS:
                    acting[actor.kb_id_] += weight * 2
    top_two = _top_two(counts) if mediators else set()
    party_counts = Counter({a: n for a, n in counts.items() if a not in mediators or a in top_two})
    best: Dyad | None = None
    best_score = 0
    for dyad in dyads:
        a, b = dyad.parties
        if keep is not None and set(keep) == {a, b} and party_counts[a] and party_counts[b]:
            best = dyad
            break
        if party_counts[a] and party_counts[b]:
            # a pair with a mediator in it wins only when named more, not on a tie ("mediated by Saudi Arabia, the
            # government freed 706 Houthis": Yemen and the Houthis, not Saudi Arabia and the Houthis)
            score = party_counts[a] + party_counts[b] - (0.5 if a in mediators or b in mediators else 0)
            if score > best_score:
                best, best_score = dyad, score
    ranked = [a for a, _ in party_counts.most_common() if a not in SEVERAL_STATES]
    if best is not None and len(ranked) >= 2 and not set(best.parties) & set(ranked[:2]) \
            and party_counts[ranked[1]] > best_score:
        # Poland and Belarus swap people, one of them Ukrainian, another Russian-Belarusian: a known pair
        # named in passing is not the article's, when the two parties it is about make no known pair
        best = None  # (rule context.top_pair)
    if best is not None and len(ranked) >= 2:
        weaker = min(party_counts[p] for p in best.parties)
        outside = [a for a in ranked if a not in best.parties and a not in mediators and a not in _SIDELINE]
        if outside and party_counts[outside[0]] >= 2 * weaker and set(ranked[:2]) != set(best.parties):
            # a Russian-German pianist jailed in Russia swapped for a broker convicted in Germany, her crime a
            # gift to a Ukrainian charity: a known pair one of whose parties is named in passing, far less than
            # a party the article is about, is background (BACKGROUND_DYAD_RULE)
            best = None
    if best is None and ranked:
        # the ELN frees soldiers to "the military authorities": one known dyad for the main party
        only = [d for d in dyads if _alone_stands_for(d, ranked[0])]
        if len(only) == 1 and _implies_its_war(only[0], ranked, party_counts, acting, views, dyad_pairs(dyads)):
            best = only[0]  # LONE_PARTY_RULE
    multi = party_counts[MULTI_ID] >= 2
    if best is not None:
        sides = best.parties
        default_category = best.default_category
        category_sides = dict(best.sides)
    else:
        sides = tuple(ranked[:2]) if len(ranked) >= 2 else None
        default_category = "prisoners"
        category_sides = {}
    if MULTI_ID in (sides or ()):
        multi = True
    if sides is not None and not multi:
        others = [a for a in ranked if a not in sides and a not in mediators and a not in _SIDELINE]
        top = min(party_counts[s] for s in sides if s != MULTI_ID) if any(s != MULTI_ID for s in sides) else 0
        strong_others = [a for a in others if party_counts[a] >= max(4, top * 0.5)]
        if len(strong_others) >= 2:
            multi = True
    return ArticleContext(
        sides=sides,  # type: ignore[arg-type]
        multi=multi,
        default_category=default_category,
        category_sides=category_sides,
        mediators=tuple(m for m in mediators if m not in (sides or ())),
        party_counts=party_counts,
        states=user_data.get(STATES_KEY) or package_state_ids(),
        known_dyad=best is not None or (len(ranked) == 1 and any(_alone_stands_for(d, ranked[0]) for d in dyads)
                                        and _war_implied(views)),
        pairs=dyad_pairs(dyads),
    )


DATELINE_ENDS = frozenset({".", "-", "–", "—", ")", ":"})


# "the Lusaka peace deal", "the Minsk agreements", "the Geneva talks": a place that names a deal or talks
DEAL_NAME_NOUNS = frozenset({"deal", "deals", "agreement", "agreements", "accord", "accords", "talks", "process",
                             "format", "declaration", "memorandum", "protocol", "protocols", "framework"})
DEAL_NAME_FILLERS = frozenset({"peace", "ceasefire", "cease-fire", "truce", "prisoner", "humanitarian", "-", "'s"})


# a bare place before a deal's name after these ("since Lusaka accord" in a headline, "under Minsk agreements")
DEAL_NAME_OPENERS = frozenset({"the", "a", "an", "since", "under", "after", "before", "following", "of", "per"})


def names_a_deal(view: SentenceView, actor: Span) -> bool:
    """'at new talks on the Lusaka peace deal': a capital or a state that names a deal or talks is
    where they were held, not a party to the article's handovers."""
    if actor.label_ not in ("CAPITAL", "STATE") or actor.start == view.start \
            or view.lower[actor.start - 1] not in DEAL_NAME_OPENERS:
        return False
    k = actor.end
    while k < view.end and k - actor.end < 2 and view.lower[k] in DEAL_NAME_FILLERS:
        k += 1
    return k < view.end and view.lower[k] in DEAL_NAME_NOUNS


DEAL_PLACE_REACH = 4  # tokens from the deal or talks word to the 'in' of its place ("signed last month in Rome")
DEAL_PLACE_RULE = "direction.deal_place"


def deal_place(view: SentenceView, actor: Span) -> bool:
    """A capital or a state named as where a deal was made or talks were held ('the accord signed in
    Rome', 'agreed at talks in Lusaka', 'the Geneva talks') is the deal's place, never a side of its
    handovers (rule direction.deal_place); a state acting ('Italy signed', 'the Italian government')
    is named otherwise and still counts."""
    if actor.label_ not in ("CAPITAL", "STATE"):
        return False
    return names_a_deal(view, actor) or deal_made_at(view, actor)


def deal_made_at(view: SentenceView, place: Span) -> bool:
    """'signed in Rome', 'agreed on Friday at Arusha', 'talks in Doha': the place where a deal was made or
    talks were held (not where a handover took place)."""
    k = place.start - 1
    if k <= view.start or view.lower[k] not in ("in", "at"):
        return False
    for m in range(max(view.start, k - DEAL_PLACE_REACH), k):
        cue = view.cue(m)
        if view.lower[m] in DEAL_MADE or view.lower[m] in MEETING_VERBS \
                or (cue is not None and cue.label_ in ("TALKS", "AGREEMENT")):
            return True
    return False


def _dateline_end(view: SentenceView) -> int:
    """End token of a wire dateline opening the sentence ('BAKU, Azerbaijan, May 25.', 'KYIV (Reuters) -'):
    a place in capitals, then a comma or a bracket, up to the first stop or dash; view.start if none."""
    texts = view.doc_index.texts  # (Token.is_space, is_alpha and is_upper are str.isspace, isalpha and isupper)
    k = view.start
    while k < view.end and texts[k].isspace():
        k += 1
    first = texts[k] if k < view.end else None
    if first is None or not (first.isalpha() and first.isupper() and len(first) >= 3) \
            or k + 1 >= view.end or view.lower[k + 1] not in (",", "("):
        return view.start
    for m in range(k + 1, min(view.end, k + 12)):
        if view.lower[m] in DATELINE_ENDS:
            return m + 1
    return view.start


_SIDELINE = frozenset({"ICRC", "UN", "EU", "NATO", "OSCE"})


def _top_two(counts: Counter) -> set[str]:
    return {a for a, _ in counts.most_common(2)}
