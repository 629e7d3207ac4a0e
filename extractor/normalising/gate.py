"""The exchange gate: whether an article speaks of handing people or remains over at all, and
which of its sentences can hold a counted group."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..recognising.extensions import lowers_of, quantity_of, sentence_starts, spans_of, word_set_of
from .context import CAPTIVE_WORDS, PARTY_LABELS, dyad_pairs, dyads_of, dyads_of_views, speaks_of_war
from .groups import (FORCE_MEMBER_NOUNS, GROUP_MEMBER_NOUNS, RANK_ID, RECEIVING_BODIES, _member_of_force,
                     _members_of_armed, person_for_person, read_ranks, route_end, side_named_at)
from .handover_tests import compile_tests, rules_of_tests
from .sentences import (DocIndex, SentenceView, has_phrase, once, per_view, phrase_at, phrase_starts, sentence_views,
                        span_text)
from .status import CONDITION_PHRASES, CONDITIONS, FUTURE_MODALS, TRANSFER_LABELS

# people held by a state's justice system: what a one-for-one person swap between states trades
HELD_WORDS = CAPTIVE_WORDS | frozenset({"jailed", "imprisoned", "convicted", "sentence", "sentenced", "prison",
                                        "custody", "detained"})
DOMAIN_WORDS = frozenset({"prisoner", "prisoners", "pow", "hostage", "hostages", "prisoner-swap", "prisoner-exchange"})


@per_view
def relevant(view: SentenceView) -> bool:
    if not (view.has_cue(*TRANSFER_LABELS, "AGREEMENT", "TALLY") or view.has_swap_pivot()):
        return False
    if view.has_cue("NOT_EXCHANGE") and not view.has_cue("GIVE", "RECEIVE", "HOME"):
        return False
    return True


def about_exchanges(views: list[SentenceView]) -> bool:
    """The article speaks of handing people or remains over somewhere: a category word beside a
    transfer word, or a compound like 'prisoner swap'. Market, student and currency exchanges do not,
    nor recoveries by troops, pardons and amnesties. An article without it gets no record, so
    `may_be_about_exchanges` (the early gate) and `text_gate.TextGate` (the gate on the text) must stay
    true wherever this is: change them together (tests/normalising/test_text_gate.py checks that every
    sentence `handover_sentences` gives lies in a piece the text gate passes)."""
    if one_sided_article(views):
        return False
    if no_side(views):
        return False
    if fiction_review(views):
        return False
    return next(handover_sentences(views), None) is not None


def handover_sentences(views: list[SentenceView]) -> Iterator[SentenceView]:
    """The sentences that speak of a handover of people, by `about_exchanges`'s tests for a sentence
    (handover_tests.py; its refusals of a whole article aside), in order, each at most once."""
    needs = SentenceNeeds.of(views)
    told: set[int] = set()
    for view in views:
        needs.view = view
        if _VIEW_TESTS(needs) and not no_handover(view):
            yield view
            told.add(view.index)
    for view in _reciprocal_releases(views):
        if view.index not in told:
            yield view


MEMBER_NOUNS = FORCE_MEMBER_NOUNS | GROUP_MEMBER_NOUNS
MEMBER_REACH = 2  # tokens from a figure to its member noun ("64 members", "73 PUK members")


def _counted_members(view: SentenceView) -> bool:
    """'released 64 members of the Sudanese Armed Forces', 'freed 73 PUK members': counted members of a state's
    armed force or of an armed group are fighters, a people word of a handover (rule gate.members_handed)."""
    for quantity in view.quantities:
        for k in range(quantity.end, min(view.end, quantity.end + MEMBER_REACH)):
            actor = view.actor(k)
            if actor is not None and actor.label_ == "GROUP" and actor.end < view.end \
                    and view.lower[actor.end] in GROUP_MEMBER_NOUNS:
                return True
            if view.lower[k] in MEMBER_NOUNS and (_member_of_force(view, k) is not None or _members_of_armed(view, k)):
                return True
    return False


class SentenceNeeds:
    """The needs of the handover tests (handover_tests.py) read on the normaliser's sentence views, with
    the cues `drop_false_cues` left: the reading the other gates' readings must hold wherever it holds.
    One per article; `view` is the sentence being read."""

    __slots__ = ("views", "kinds", "_exchanging", "view", "_held", "_war", "_pairs")

    def __init__(self, views: list[SentenceView], kinds: tuple[str, ...], *, exchanging: bool) -> None:
        self.views = views
        self.kinds = kinds
        self._exchanging = exchanging
        self.view: SentenceView = views[0] if views else None  # type: ignore[assignment]
        self._held: bool | None = None
        self._war: bool | None = None
        self._pairs: frozenset[frozenset[str]] | None = None

    @classmethod
    def of(cls, views: list[SentenceView]) -> "SentenceNeeds":
        # a state freeing its own prisoners with no swap anywhere is a one-sided release
        swapping = any(_swap_cue(view) for view in views)
        kinds = ("generic",) if swapping else ("generic", "prisoners")
        # a swap word with a people word ("swapped prisoners"), not only "for" nor a "cultural exchange"
        exchanging = swapping and any(view.has_cue("EXCHANGE") and view.cues_with("CATEGORY") for view in views)
        return cls(views, kinds, exchanging=exchanging)

    def handover_cue(self) -> bool:
        return self.view.has_cue(*TRANSFER_LABELS) or self.view.has_swap_pivot()

    def transfer(self) -> bool:
        return self.view.has_cue("EXCHANGE", "GIVE", "RECEIVE", "HOME")

    def specific_people(self) -> bool:
        view, kinds = self.view, self.kinds
        return any(c.kb_id_ not in kinds for c in view.cues_with("CATEGORY") if view.actor(c.start) is None)

    def domain_swap(self) -> bool:
        lower = self.view.lower
        return any(len(c) > 1 and not DOMAIN_WORDS.isdisjoint(lower[c.start:c.end]) for c in self.view.cues_with("EXCHANGE"))

    def counted(self) -> bool:
        return bool(self.view.quantities)

    def swap(self) -> bool:
        return self.view.has_cue("EXCHANGE") or self.view.has_swap_pivot()

    def people(self) -> bool:
        return _names_people(self.view.cues_with("CATEGORY"), self.view.actors)

    def released_in_swap(self) -> bool:
        return self._exchanging and self.view.has_cue("GIVE", "RECEIVE")

    def pivot(self) -> bool:
        return self.view.has_swap_pivot()

    def two_persons(self) -> bool:
        return len(self.view.cues_with("PERSON")) >= 2

    def give_receive_swap(self) -> bool:
        return self.view.has_cue("GIVE", "RECEIVE", "EXCHANGE")

    def give(self) -> bool:
        return self.view.has_cue("GIVE")

    def held_anywhere(self) -> bool:
        if self._held is None:
            self._held = _held_anywhere(self.views)
        return self._held

    def person_for_person(self) -> bool:
        return len(person_for_person(self.view)) == 2

    def person(self) -> bool:
        return bool(self.view.cues_with("PERSON"))

    def give_or_receive(self) -> bool:
        return self.view.has_cue("GIVE", "RECEIVE")

    def exchanging(self) -> bool:
        return self._exchanging

    def freed_held_or_at_war(self) -> bool:
        if any(c.kb_id_ == "release" for c in self.view.cues_with("GIVE")) or self.held_anywhere():
            return True
        if self._war is None:
            self._war = war_anywhere(self.views)
        return self._war

    def soldier(self) -> bool:
        return any(c.kb_id_ == "pows" for c in self.view.cues_with("PERSON"))

    def names_a_dyad(self) -> bool:
        return names_a_dyad(self.view.actors, self.pairs())

    def give_or_take(self) -> bool:
        return self.view.has_cue("GIVE", "RECEIVE", "HOME")

    def each(self) -> bool:
        view = self.view
        return any(not (c.end < view.end and view.lower[c.end] == "other") for c in _each_cues(view.cues))

    def people_word(self) -> bool:
        return bool(self.view.cues_with("CATEGORY"))

    def both_sides(self) -> bool:
        return _mutual_release(self.view)

    def handed_verb(self) -> bool:
        view = self.view
        return any(hands_nationals(c.label_, c.kb_id_, view.lower[c.start]) for c in view.cues_with("GIVE", "RECEIVE"))

    def demonym(self) -> bool:
        return any(a.label_ == "DEMONYM" for a in self.view.actors)

    def respectively(self) -> bool:
        return RESPECTIVELY in self.view.word_set

    def homecoming(self) -> bool:
        return self.view.has_cue("HOME") or any(c.kb_id_ == "destination" for c in self.view.cues_with("ROUTE"))

    def freed_home(self) -> bool:
        return _freed_home(self.view, self.pairs())

    def received_from_other_side(self) -> bool:
        return _received_from_other_side(self.view, self.pairs())

    def respective_sides(self) -> bool:
        return _respective_sides(self.view, self.pairs())

    def between(self) -> bool:
        return BETWEEN in self.view.word_set

    def between_sides(self) -> bool:
        return _counted_between_sides(self.view, self.pairs())

    def pairs(self) -> frozenset[frozenset[str]]:
        if self._pairs is None:
            self._pairs = dyad_pairs(dyads_of_views(self.views))
        return self._pairs

    def members(self) -> bool:
        return not MEMBER_NOUNS.isdisjoint(self.view.word_set)

    def counted_members(self) -> bool:
        return _counted_members(self.view)

    def handed_home(self) -> bool:
        return _handed_to_own_side(self.view, self.pairs())

    def two_peoples(self) -> bool:
        return _two_peoples_freed(self.view, self.pairs())


def names_a_dyad(actors: list[Span], pairs: frozenset[frozenset[str]]) -> bool:
    """Two of the actors are the two parties of a known dyad."""
    ids = {a.kb_id_ for a in actors}
    return any(pair <= ids for pair in pairs)


# a review of a work of fiction: the headline or lead calls it a review, or the text gives it a rating, and
# the headline or lead names the medium; the swaps of its plot are no news (rule gate.fiction_review)
REVIEW_WORDS = frozenset({"review", "reviewed", "reviews"})
FICTION_MEDIA = frozenset({"film", "films", "movie", "movies", "game", "games", "videogame", "novel", "novels",
                           "thriller", "thrillers", "drama", "comedy", "musical", "sitcom", "miniseries", "opera"})


def fiction_review(views: list[SentenceView]) -> bool:
    """'Review: a war game with a conscience ... Rating: 7/10': the swaps and captives of a plot are no handover."""
    lead = [w for view in views[:2] for w in view.words]
    if FICTION_MEDIA.isdisjoint(lead):
        return False
    return not REVIEW_WORDS.isdisjoint(lead) or any(_rating(view) for view in views)


def _rating(view: SentenceView) -> bool:
    """'Rating: 7/10', 'Three and a half stars', '4 out of 5'."""
    words = view.words
    for k, word in enumerate(words):
        if word == "rating" and k + 1 < len(words) and words[k + 1] == ":":
            return True
        if word == "stars" and k > 0 and (words[k - 1] in ("half", "one", "two", "three", "four", "five")
                                          or words[k - 1].isdigit()):
            return True
        if word == "out" and 0 < k and k + 2 < len(words) and words[k + 1] == "of" and words[k - 1].isdigit() \
                and words[k + 2] in ("5", "10", "five", "ten"):
            return True
    return False


RELEASE_GIVES = frozenset({"release", "handover", "return"})
RELEASER_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION", "GROUP", "MULTI"})


def _releaser(actors: list[Span], lower: list[str], lo: int, verb: Span) -> str | None:
    """The first party named in the clause before a release verb ('the Ansar Allah authorities in Sanaa
    released ...': the Houthis), or None."""
    k = verb.start - 1
    while k > lo and lower[k - 1] not in (".", ";", ":", "\n") and not _clause_joint(lower, k - 1, lo):
        k -= 1
    first = next((a for a in actors if k <= a.start and a.end <= verb.start and a.label_ in RELEASER_LABELS), None)
    return first.kb_id_ if first is not None else None


def _clause_joint(lower: list[str], k: int, lo: int) -> bool:
    """', and' / ', while' / 'while' at k opens a clause of its own ('India freed 14 ..., and Pakistan freed 22
    ...': each release has its own releaser)."""
    return lower[k] in ("while", "whereas") or (lower[k] in ("and", "but") and k - 1 >= lo and lower[k - 1] == ",")


def _reciprocal_releases(views: list[SentenceView]) -> list[SentenceView]:
    """'The Houthi authorities released 125 detainees ... The Government of Yemen released 742 detainees':
    the two sides of a known war or dispute, each the subject of a release of counted people in a
    sentence of its own, hand people to each other though no swap word is written (rule
    gate.reciprocal_releases)."""
    givers: dict[str, list[int]] = {}
    for view in views:
        if view.quantities and not no_handover(view):
            for verb in _release_verbs(view.cues_with("GIVE"), view.cues_with("CATEGORY")):
                giver = _releaser(view.actors, view.lower, view.start, verb)
                if giver is not None:
                    givers.setdefault(giver, []).append(view.index)
    by_index = {view.index: view for view in views}
    return [by_index[k] for k in _two_sides(givers, dyads_of_views(views))]


def _release_verbs(gives: list[Span], categories: list[Span]) -> Iterator[Span]:
    """The release verbs among a sentence's GIVE cues that have a people word at most six tokens after them."""
    for verb in gives:
        if verb.kb_id_ in RELEASE_GIVES and any(0 <= c.start - verb.end <= 6 for c in categories):
            yield verb


def _two_sides(givers: dict[str, list[int]], dyads) -> list[int]:
    """The sentences (by index) of the releasers that are the two sides of a dyad of the table, in order."""
    if len(givers) < 2:
        return []
    pairs = dyad_pairs(dyads)
    return sorted({k for a in givers for b in givers if a < b and frozenset((a, b)) in pairs
                   for k in givers[a] + givers[b]})


def no_side(views: list[SentenceView]) -> bool:
    """No side and no captive anywhere: a club's or a family's affair ("traded two defenders")."""
    return not any(view.actors for view in views) \
        and not any(view.has_swap_pivot() or not CAPTIVE_WORDS.isdisjoint(view.words) for view in views)


def _each_cues(cues) -> list:
    return [c for c in cues if c.label_ == "EACH" and c.kb_id_ == "each"]


def _mutual_release(view: SentenceView) -> bool:
    """'Sudan and the RSF released 40 prisoners each': two sides named before a release with 'each' (or
    'both sides ... each') hand people to each other, whatever the people word (rule gate.mutual_release)."""
    each = [c for c in _each_cues(view.cues) if not (c.end < view.end and view.lower[c.end] == "other")]
    if not each or not view.has_cue("GIVE", "RECEIVE", "HOME") or not view.cues_with("CATEGORY"):
        return False
    first = each[0].start
    named = {a.kb_id_ for a in view.actors if a.start < first and a.label_ in MUTUAL_LABELS}
    return len(named) >= 2 or bool(view.word_set & PAIR_WORDS and view.word_set & SIDE_WORDS)


# the gate's tests that open an article with no people word beside the transfer word, and the early
# gate's refusals read before any figure (ids in the rule catalogue; the gate writes no record, so they
# explain why an article was read at all, or why it was not)
GATE_RULES = {**rules_of_tests(),  # the handover tests of handover_tests.py that carry a rule id
              "gate.reciprocal_releases": "_reciprocal_releases", "gate.bodies_for_nothing": "one_sided_article",
              "gate.one_sided_article": "one_sided_article", "gate.no_side": "no_side",
              "gate.fiction_review": "fiction_review",
              "gate.no_handover_sentence": "clemency, recovery(figures=False)", "gate.cue_lines": "text_gate.TextGate",
              "gate.prefilter_lexicon": "running.prefilter.Prefilter",
              "gate.record_sources": "record_gate.RecordSources"}
MUTUAL_LABELS = frozenset({"STATE", "GROUP", "CAPITAL", "INSTITUTION", "OFFICIAL", "SEAT"})
PAIR_WORDS = frozenset({"both", "two"})  # "both sides", "the two parties"
SIDE_WORDS = frozenset({"sides", "parties", "countries", "states"})
NATIONALS_HANDED = frozenset({"handover"})  # not "returned": deportations send nationals home too


GIVER_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION", "GROUP"})
OWN_SIDE_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION"})
HANDED_TO_REACH = 12  # tokens from the counted people to the 'to' of their own side ("... and handed them over to")
NATIONAL_NOUN_REACH = 2  # tokens from a demonym to its people word ("36 Pakistani fishermen", "12 Indian civilian detainees")


def hands_nationals(label: str, kb_id: str, first_word: str) -> bool:
    """A cue that hands counted nationals to their own side: a 'handover' give cue, or a repatriation ('repatriated
    22 Pakistani prisoners to Pakistan'); not 'returned' (deportations send nationals home too)."""
    return (label == "GIVE" and kb_id in NATIONALS_HANDED) \
        or (label in ("GIVE", "RECEIVE") and first_word.startswith("repatriat"))


def _handed_to_own_side(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'Azerbaijan handed 64 Armenians to Armenia', 'India handed over 36 Pakistani fishermen to Pakistani officials',
    'Pakistan freed 220 Indian fishermen and handed them over to Indian officials', 'handed over to Pakistani
    officials 36 Pakistani fishermen': counted people of a state (a plural demonym, or a demonym before a people
    word) handed over or repatriated to that state or its officials, with the other side of a known dyad named in
    the sentence (rule gate.handed_to_own_side); whatever the people word."""
    verbs = [c for c in view.cues if hands_nationals(c.label_, c.kb_id_, view.lower[c.start])]
    for people in _counted_nationals(view):
        start = min([people.end] + [v.end for v in verbs if v.end <= people.start])
        home = _own_side_after(view, start, people.kb_id_)
        if home is not None and any(v.end <= home.start for v in verbs) and _other_side_named(view, home.kb_id_, pairs):
            return True
    return False


def _freed_home(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'88 Pakistani prisoners returned home after India released them', 'a plane carrying 150 Iraqi prisoners freed
    by Iran landed in Baghdad': counted people of a state, freed (a release verb, not 'returned' nor 'sent': deportees
    go home too), coming home or to their state's soil, with the other side of a known dyad named in the sentence
    (rule gate.freed_home); whatever the people word."""
    if not any(c.kb_id_ == "release" and not _by_a_court(view, c) for c in view.cues_with("GIVE")):
        return False
    for people in _counted_nationals(view):
        home = people.kb_id_
        if not _other_side_named(view, home, pairs):
            continue
        if any(c.start >= people.end for c in view.cues_with("HOME")):
            return True
        for cue in view.cues_with("ROUTE"):
            end = route_end(view, cue.end) if cue.kb_id_ == "destination" and cue.start >= people.end else None
            if end is not None and end.kb_id_ == home:
                return True
    return False


FROM_SIDE_REACH = 8  # tokens from the counted people to the 'from' of the side that gave them


def _received_from_other_side(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'Ukraine received 12 Ukrainian detainees from Russia', 'Georgia brought home 9 Georgians from Abkhazia':
    counted people of a state received or brought home 'from' the other side of a known dyad with that state (rule
    gate.received_from_other_side); whatever the people word."""
    if not view.has_cue("RECEIVE"):
        return False
    for people in _counted_nationals(view):
        for k in range(people.end, min(view.end - 1, people.end + FROM_SIDE_REACH)):
            if view.lower[k] in (";", ".", "to"):
                break
            if view.lower[k] != "from":
                continue
            m = k + 1 if view.lower[k + 1] != "the" else k + 2
            side = view.actor(m) if m < view.end else None
            if side is not None and side.label_ in GIVER_LABELS and frozenset((side.kb_id_, people.kb_id_)) in pairs:
                return True
            break
    return False


def _other_side_named(view: SentenceView, home: str, pairs: frozenset[frozenset[str]]) -> bool:
    """A state, group or body of the sentence that is the other side of a known dyad with `home`."""
    return any(a.label_ in GIVER_LABELS and frozenset((a.kb_id_, home)) in pairs for a in view.actors)


COURT_WORDS = frozenset({"court", "courts", "judge", "judges", "tribunal", "magistrate", "magistrates"})
COURT_REACH = 5  # tokens from a court word to the release it orders ("a court in Kuwait freed them")


def _by_a_court(view: SentenceView, verb: Span) -> bool:
    """'after a court in Kuwait freed them', 'a judge ordered the release of': a release of justice, not a handover."""
    return not COURT_WORDS.isdisjoint(view.lower[max(view.start, verb.start - COURT_REACH):verb.start])


def _counted_nationals(view: SentenceView) -> Iterator[Span]:
    """The demonyms that count people right after a figure: '64 Armenians' (a plural demonym), '36 Pakistani
    fishermen' (a demonym right before a people word)."""
    ends = {q.end for q in view.quantities}
    for demonym in view.actors:
        if demonym.label_ != "DEMONYM" or demonym.start not in ends:
            continue
        if span_text(demonym).endswith("s") or any(
                (cue := view.cue(k)) is not None and cue.start == k and cue.label_ == "CATEGORY"
                for k in range(demonym.end, min(view.end, demonym.end + NATIONAL_NOUN_REACH))):
            yield demonym


def _two_peoples_freed(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'Iran freed five Americans on Monday in a deal under which five Iranians held in the US were released',
    'Russia is to free 248 Ukrainians and Ukraine 230 Russians': counted people of each of the two states of a
    known dyad, freed in one sentence (rule gate.two_peoples_freed); not one people freed by both."""
    if not any(c.kb_id_ == "release" for c in view.cues_with("GIVE")):
        return False
    peoples = {d.kb_id_ for d in _counted_nationals(view)}
    return len(peoples) >= 2 and any(pair <= peoples for pair in pairs)


def _own_side_after(view: SentenceView, start: int, home: str) -> Span | None:
    """The state `home`, or its officials, after a 'to' from token `start` on: 'to Armenia', 'to the Pakistani
    authorities', 'to Ukraine's representatives' (a demonym needs a word for a state's officials after it)."""
    for k in range(start, min(view.end - 1, start + HANDED_TO_REACH)):
        cue = view.cue(k)
        if view.lower[k] in (";", ".") or (cue is not None and cue.label_ in ("FOR", "EXCHANGE")):
            return None
        if view.lower[k] != "to":
            continue
        m = k + 1 if view.lower[k + 1] != "the" else k + 2
        actor = view.actor(m) if m < view.end else None
        if actor is None or actor.kb_id_ != home:
            continue
        if actor.label_ in OWN_SIDE_LABELS or (
                actor.label_ == "DEMONYM" and actor.end < view.end and view.lower[actor.end] in RECEIVING_BODIES):
            return actor
    return None


RESPECTIVELY = "respectively"
BETWEEN = "between"
BETWEEN_REACH = 3  # tokens from the counted people to 'between' ("887 detainees held between")
BETWEEN_SIDES_REACH = 10  # tokens from 'between' to the second side ("between the Yemeni government and the Houthis")


def _respective_sides(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'Armenia and Azerbaijan released 32 and two prisoners respectively': two sides of a known dyad named before
    a give or receive verb that 'respectively' follows, each handing its own figure to the other (rule
    gate.respective_releases)."""
    at = view.start + view.words.index(RESPECTIVELY)
    for verb in view.cues_with("GIVE", "RECEIVE", "HOME"):
        if verb.end <= at and names_a_dyad([a for a in view.actors if a.end <= verb.start
                                            and side_named_at(view, a, MUTUAL_LABELS)], pairs):
            return True
    return False



def _counted_between_sides(view: SentenceView, pairs: frozenset[frozenset[str]]) -> bool:
    """'the release and transfer of 887 detainees between the government and the Houthis': counted people
    moved 'between' the two sides of a known dyad named right after them (rule gate.released_between_sides)."""
    for k, word in enumerate(view.words):
        if word != BETWEEN:
            continue
        at = view.start + k
        if not any(0 <= at - q.end <= BETWEEN_REACH for q in view.quantities):
            continue
        sides = [a for a in view.actors if at < a.start and a.end <= at + BETWEEN_SIDES_REACH
                 and a.label_ in PARTY_LABELS]
        if names_a_dyad(sides, pairs):
            return True
    return False


def war_anywhere(views: list[SentenceView]) -> bool:
    """Some sentence speaks of war, fighting, forces or people held: remains handed over are war dead
    only where there is a war ('the remains of 20 ancestors returned from a museum' are not)."""
    return speaks_of_war(views)


def _held_anywhere(views: list[SentenceView]) -> bool:
    """Some sentence speaks of people held: a captivity cue, a captive word or a word of people jailed."""
    return any(view.has_cue("CAPTIVITY") or not HELD_WORDS.isdisjoint(view.words) for view in views)


TRANSFER_OR_SWAP = frozenset(TRANSFER_LABELS)


def may_be_about_exchanges(doc: Doc) -> bool:
    """The early gate, from the cue and actor spans alone (before figures, dates and sentence views
    are made): a sentence may hold a handover of people only if it has a transfer or swap cue with
    a people word beside it. It holds wherever `about_exchanges` does (each test below is one of its
    own, with fewer conditions: cues before `drop_false_cues`, figures not looked at), so an article
    it turns away would have had no record. Its refusals are those of `about_exchanges` that need no
    figure: `one_sided_article`, `no_side`, and the sentences of a pardon or a recovery."""
    sentences: dict[int, list[Span]] = {}
    starts = sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
    cues = spans_of(doc, "cues")
    for cue in cues:
        sentences.setdefault(bisect.bisect_right(starts, cue.start) - 1, []).append(cue)
    swapping = any(c.label_ == "EXCHANGE" or (c.label_ == "FOR" and c.kb_id_ != "for") for c in cues)
    kinds = ("generic",) if swapping else ("generic", "prisoners")
    exchanging = any(any(c.label_ == "EXCHANGE" for c in found) and any(c.label_ == "CATEGORY" for c in found)
                     for found in sentences.values())
    article = _GateDoc(doc, starts)
    # the candidate sentences, found one at a time: the doc passes at the first one no refusal holds for
    needs = _CueNeeds(article, cues, kinds, exchanging=exchanging)
    candidates = (k for k, found in sentences.items() if needs.at(k, found))
    first = next(candidates, None)
    if first is None:
        candidates = iter(_may_release_reciprocally(article, sentences))
        first = next(candidates, None)
    if first is None:
        return False
    if not doc.has_annotation("SENT_START"):
        return True
    # about_exchanges's refusals that need no figure, on views of the doc as it stands: its cues are
    # those before `drop_false_cues`, which only takes cues away, and a cue it would take away only
    # makes these refusals refuse less
    # Each refusal is looked for only where one of the words it needs stands (skipping one only
    # passes more), so most docs are decided without views.
    words = article.word_set
    one_sided = not swapping and not words.isdisjoint(ONE_SIDED_HINTS)
    sides = not article.actors
    views: list[SentenceView] | None = None
    if one_sided or sides:
        views = sentence_views(doc, article.index)
        if (one_sided and one_sided_article(views)) or (sides and no_side(views)):
            return False  # rules gate.one_sided_article, gate.no_side
    for k in itertools.chain((first,), candidates):
        if article.words_in(k).isdisjoint(NO_HANDOVER_HINTS):
            return True  # no refusal of a sentence can hold here
        if views is None:
            views = sentence_views(doc, article.index)
        if not (clemency(views[k]) or recovery(views[k], figures=False)):
            return True
    return False


class _GateDoc:
    """What the gate reads of a doc beyond its cues: the doc's lower-case words (`lowers_of`, shared with
    the record builder), the normaliser's `DocIndex` of the doc as it stands for its actors (made when
    first asked for: most docs are decided before it is needed; the views of the refusals are made on
    it too), and the actors of each sentence."""

    def __init__(self, doc: Doc, starts: list[int]) -> None:
        self.doc = doc
        self.starts = starts
        self._actors_by_sentence: dict[int, list[Span]] | None = None

    @once
    def index(self) -> DocIndex:
        return DocIndex.build(self.doc)

    @property
    def lower(self) -> list[str]:
        return lowers_of(self.doc)  # the doc's own, shared with the DocIndex (made once per doc)

    @property
    def actors(self) -> list[Span]:
        return self.index.spans["actors"]

    def actor_at(self, i: int) -> Span | None:
        return self.index.actor_at[i]

    @property
    def word_set(self) -> frozenset[str]:
        return word_set_of(self.doc)

    def words_in(self, k: int) -> frozenset[str]:
        """The lower-case words of sentence k."""
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return frozenset(self.lower[self.starts[k]:end])

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.starts, i) - 1

    def actors_in(self, k: int) -> list[Span]:
        """The actors of sentence k, in order (the actors are sorted by sentence once, when first asked)."""
        if self._actors_by_sentence is None:
            by_sentence: dict[int, list[Span]] = {}
            for actor in self.actors:
                by_sentence.setdefault(self.sentence_of(actor.start), []).append(actor)
            self._actors_by_sentence = by_sentence
        return self._actors_by_sentence.get(k, [])


def _may_release_reciprocally(article: "_GateDoc", sentences: dict[int, list[Span]]) -> list[int]:
    """The sentences of `_reciprocal_releases`, without their figures: a release verb with a people word
    after it and a party before it, in sentences of two sides of a known dyad."""
    givers: dict[str, list[int]] = {}
    for k, found in sentences.items():
        gives = [c for c in found if c.label_ == "GIVE"]
        for verb in _release_verbs(gives, [c for c in found if c.label_ == "CATEGORY"] if gives else []):
            giver = _releaser(article.actors_in(k), article.lower, article.starts[k], verb)
            if giver is not None:
                givers.setdefault(giver, []).append(k)
    return _two_sides(givers, dyads_of(article.doc))


def _plural_demonym(actor: Span) -> bool:
    """A demonym ending in 's' ('Ukrainians'): the gates' looser reading of groups._is_plural_demonym."""
    return actor.label_ == "DEMONYM" and span_text(actor).endswith("s")


def _names_people(categories: list[Span], actors: list[Span]) -> bool:
    """A people word, or a plural demonym, among a sentence's cues and actors."""
    return bool(categories) or any(_plural_demonym(a) for a in actors)


class _CueNeeds:
    """The needs of the handover tests (handover_tests.py) read on a sentence's cue spans before
    `drop_false_cues` (which only takes cues away) and before figures are read: a figure, the sides of a
    'both sides ... each' and a person swapped for a person are read as present. One per doc; `at` reads
    sentence k, with its cues `found`."""

    __slots__ = ("article", "cues", "kinds", "_exchanging", "k", "found", "labels", "categories", "_held")
    PRESENT = frozenset({"counted", "person_for_person", "freed_held_or_at_war", "both_sides", "counted_members"})

    def __init__(self, article: _GateDoc, cues: list[Span], kinds: tuple[str, ...], *, exchanging: bool) -> None:
        self.article = article
        self.cues = cues
        self.kinds = kinds
        self._exchanging = exchanging
        self._held: bool | None = None

    def at(self, k: int, found: list[Span]) -> bool:
        """Sentence k passes one of the tests, each with fewer conditions."""
        self.k, self.found = k, found
        self.labels = {c.label_ for c in found}
        self.categories = [c for c in found if c.label_ == "CATEGORY"] if "CATEGORY" in self.labels else []
        return _CUE_TESTS(self)

    def handover_cue(self) -> bool:
        return bool(self.labels & TRANSFER_OR_SWAP) or "FOR" in self.labels

    def transfer(self) -> bool:
        return bool(self.labels & TRANSFER_OR_SWAP)

    def specific_people(self) -> bool:
        kinds, actor_at = self.kinds, self.article.actor_at
        return any(c.kb_id_ not in kinds and actor_at(c.start) is None for c in self.categories)

    def domain_swap(self) -> bool:
        lower = self.article.lower
        return any(c.label_ == "EXCHANGE" and len(c) > 1 and not DOMAIN_WORDS.isdisjoint(lower[c.start:c.end])
                   for c in self.found)

    def swap(self) -> bool:
        return "EXCHANGE" in self.labels or self.pivot()

    def people(self) -> bool:
        return _names_people(self.categories, self.article.actors_in(self.k))

    def released_in_swap(self) -> bool:
        return self._exchanging and not self.labels.isdisjoint(("GIVE", "RECEIVE"))

    def pivot(self) -> bool:
        return "FOR" in self.labels and any(c.label_ == "FOR" and c.kb_id_ != "for" for c in self.found)

    def two_persons(self) -> bool:
        return sum(c.label_ == "PERSON" for c in self.found) >= 2

    def give_receive_swap(self) -> bool:
        return not self.labels.isdisjoint(("GIVE", "RECEIVE", "EXCHANGE"))

    def give(self) -> bool:
        return "GIVE" in self.labels

    def held_anywhere(self) -> bool:
        if self._held is None:
            self._held = any(c.label_ == "CAPTIVITY" for c in self.cues) or not HELD_WORDS.isdisjoint(
                self.article.word_set)
        return self._held

    def person(self) -> bool:
        return "PERSON" in self.labels

    def give_or_receive(self) -> bool:
        return not self.labels.isdisjoint(("GIVE", "RECEIVE"))

    def exchanging(self) -> bool:
        return self._exchanging

    def soldier(self) -> bool:
        # (a rank written as a title, before `read_ranks` has read it: one may stand before a name)
        return any(c.label_ == "PERSON" and c.kb_id_ in ("pows", RANK_ID) for c in self.found)

    def names_a_dyad(self) -> bool:
        return names_a_dyad(self.article.actors_in(self.k), dyad_pairs(dyads_of(self.article.doc)))

    def give_or_take(self) -> bool:
        return not self.labels.isdisjoint(("GIVE", "RECEIVE", "HOME"))

    def each(self) -> bool:
        return bool(_each_cues(self.found))

    def people_word(self) -> bool:
        return bool(self.categories)

    def handed_verb(self) -> bool:
        lower = self.article.lower
        return any(hands_nationals(c.label_, c.kb_id_, lower[c.start]) for c in self.found)

    def demonym(self) -> bool:
        return any(a.label_ == "DEMONYM" for a in self.article.actors_in(self.k))

    def respectively(self) -> bool:
        return RESPECTIVELY in self.article.words_in(self.k)

    def homecoming(self) -> bool:
        return "HOME" in self.labels or any(c.label_ == "ROUTE" and c.kb_id_ == "destination" for c in self.found)

    def freed_home(self) -> bool:
        return self.names_a_dyad()  # the people's state and the other side, anywhere in the sentence

    def received_from_other_side(self) -> bool:
        return self.names_a_dyad()

    def between(self) -> bool:
        return BETWEEN in self.article.words_in(self.k)

    def respective_sides(self) -> bool:
        return self.names_a_dyad()  # two sides of a dyad anywhere in the sentence

    def between_sides(self) -> bool:
        return self.names_a_dyad()

    def members(self) -> bool:
        return not MEMBER_NOUNS.isdisjoint(self.article.words_in(self.k))

    def two_peoples(self) -> bool:
        return self.names_a_dyad()  # two peoples' demonyms are two actors of the dyad

    def handed_home(self) -> bool:
        """A demonym with an actor of the same id after it (its own side), without the figure and dyad."""
        actors = self.article.actors_in(self.k)
        return any(a.label_ == "DEMONYM" and any(b.start > a.end and b.kb_id_ == a.kb_id_ for b in actors)
                   for a in actors)


_VIEW_TESTS = compile_tests(SentenceNeeds)
_CUE_TESTS = compile_tests(_CueNeeds)


# what an exchange verb or "in exchange for" can take that is not people or remains
NON_PERSON_OBJECTS = frozenset({
    "fire", "gunfire", "shots", "shelling", "strikes", "blows", "artillery", "rockets", "missiles", "drones",
    "mortar", "mortars", "volleys", "salvos", "punches", "insults", "barbs", "accusations", "threats", "words",
    "views", "letters", "notes", "messages", "greetings", "pleasantries", "ideas", "information", "data",
    "intelligence", "documents", "lists", "list", "gifts", "rings", "vows", "glances", "experience", "knowledge",
    "fund", "funds", "rate", "rates", "currency", "currencies", "students", "student", "programme", "program",
    "visits", "places", "shares", "stakes", "territory", "territories", "land",
    "sanctions", "lifting", "easing", "relief", "money", "ransom", "payment", "payments", "cash", "aid",
    "concessions", "embargo", "oil", "fuel", "visas", "recognition", "dollars", "euros", "$", "€", "£",
    "investment", "loans", "loan", "weapons", "arms", "goods", "grain", "supplies", "access", "guarantees",
    "steps", "step", "licence", "license", "licences", "licenses", "waiver", "waivers", "promise", "promises",
    "pledge", "pledges", "commitment", "commitments", "assurances", "assurance", "concession", "support",
    "cooperation", "favours", "favors", "immunity", "asylum", "passage", "ceasefire", "truce", "withdrawal",
    "talks", "dialogue", "votes", "reforms", "elections", "benefits", "assistance", "tariffs", "tariff",
    "unfreezing", "assets", "fees", "fee", "compensation", "payout", "bribe", "bribes", "favour", "favor",
    # what an exchange scheme runs or swaps: "needle exchange sites", "swapped 210,000 used needles"
    "needles", "needle", "syringes", "sites", "site", "scheme", "schemes", "centre", "centres", "center", "centers",
    "service", "services", "network", "platform", "counter", "counters", "booth", "booths", "market", "markets",
    "kidneys", "kidney", "organs", "donors", "tokens", "coins", "bonds", "queens", "queen", "rooks", "pieces",
})
SKIPPABLE = frozenset({"of", "the", "a", "an", "some", "heavy", "sporadic", "daily", "near", "-", "near-daily",
                       "almost", "nightly", "cross-border", "cross", "border", "regular", "frequent", "occasional",
                       "intense", "brief", "fierce", "american", "us", "u.s.", "western", "certain", "partial"})
MOTION_BEFORE_HOME = frozenset({"returned", "return", "returns", "returning", "came", "come", "comes", "coming",
                                "brought", "bring", "brings", "bringing", "sent", "send", "flown", "flew", "fly",
                                "went", "go", "going", "gone", "back", "arrived", "arrive", "headed", "heading",
                                "get", "got", "getting", "are", "is", "were", "was", "be", "been", "safely", "way",
                                "journey", "finally", "travel", "travelled", "traveled", "welcomed", "welcome",
                                "them", "him", "her", "soldiers", "prisoners", "defenders", "heroes"})


def _object_is_not_people(view: SentenceView, start: int, *, reach: int, scan: bool = False) -> bool:
    """The first content word after `start` names a thing ("fire", "sanctions", "a fund"), not people.
    With `scan`, words of unknown sense (adjectives: "concrete steps", "unspecified concessions") are
    read past up to `reach`, until a thing, people (a figure, an actor, a people word, a name) or a stop."""
    doc = view.sent.doc
    for k in range(start, min(view.end, start + reach)):
        word = view.lower[k]
        if view.doc_index.quantity_at[k] is not None:
            return word in ("$", "€", "£") or _counted_thing(view, k)
        if view.actor(k) is not None:
            return word in ("$", "€", "£")
        cue = view.cue(k)
        if cue is not None and cue.label_ in ("CATEGORY", "PERSON"):
            return False
        if word in NON_PERSON_OBJECTS:
            return True
        if word in SKIPPABLE or ("-" in word and word.replace("-", "").isalpha()):
            continue
        if not scan or word in PEOPLE_OBJECTS or not word.isalpha() or doc[k].text[:1].isupper():
            return False  # the first content word names something else, or people, or the clause ends
    return False


def _counted_thing(view: SentenceView, k: int) -> bool:
    """'swapped 210,000 used needles', 'exchanged 40 letters': the figure counts things, not people."""
    end = view.doc_index.quantity_at[k].end
    for m in range(end, min(view.end, end + 3)):
        cue = view.cue(m)
        if cue is not None and cue.label_ in ("CATEGORY", "PERSON") or view.actor(m) is not None:
            return False
        if view.lower[m] in NON_PERSON_OBJECTS:
            return True
    return False


# what "in exchange for" takes that brings people back: "for his release", "for them", a name
PEOPLE_OBJECTS = frozenset({"him", "her", "them", "us", "me", "release", "releases", "freedom", "return", "returns",
                            "handover", "repatriation", "liberation", "lives", "life", "men", "women", "children",
                            "boys", "girls", "others", "those", "one", "each", "all"})


NOTHING = frozenset({"nothing", "anything", "without", "no"})


def nothing_in_return(view: SentenceView, cue: Span) -> bool:
    """'freed the crew with nothing asked in return', 'released them without anything in exchange': a
    consideration denied, so no swap (rule gate.nothing_in_return)."""
    if cue.kb_id_ != "exchange_for":
        return False
    return any(view.lower[k] in NOTHING for k in range(max(view.start, cue.start - 4), cue.start)) \
        or _denied_before(view, cue.start)


RETURN_DENIALS = frozenset({"no", "none", "not", "never", "nothing"})
RETURN_WORDS = frozenset({"return", "exchange"})
DENIAL_CLAUSE_MARKS = frozenset({",", ";", ":", "and", "but", "while", "after", "as", "or"})


def _denied_before(view: SentenceView, at: int) -> bool:
    """'no rebel prisoners were freed in return', 'none of them was released in exchange': the clause that
    ends in the consideration opens with a denial (rule gate.nothing_in_return)."""
    for k in range(at - 1, max(view.start, at - 9) - 1, -1):
        word = view.lower[k]
        if word in DENIAL_CLAUSE_MARKS:
            return False
        if word in RETURN_DENIALS:
            return True
    return False


def return_denied(view: SentenceView) -> bool:
    """A bare 'in return' or 'in exchange' whose clause opens with a denial."""
    return any(_denied_before(view, view.start + k) and not (view.start + k + 2 < view.end
                                                             and view.lower[view.start + k + 2] == "for")
               for k, _ in phrase_starts(view.words, (("in", "return"), ("in", "exchange"))))


CAPTIVITY_PARTICIPLES = frozenset({"held", "detained", "captured", "imprisoned", "jailed", "kept", "taken",
                                   "abducted", "kidnapped", "seized", "interned", "arrested"})


# what a release verb can take that is not people: "released a video", "released its figures"
RELEASED_THINGS = frozenset({
    "video", "videos", "footage", "statement", "statements", "image", "images", "photo", "photos", "photograph",
    "photographs", "picture", "pictures", "report", "reports", "figures", "data", "details", "recording",
    "recordings", "audio", "clip", "clips", "communique", "document", "documents", "results", "findings", "book",
    "film", "budget", "plan", "proposal", "guidelines", "tape", "tapes", "map", "maps", "survey",
    "study", "poll", "forecast", "funds", "funding", "money", "update", "transcript", "letter", "memo", "list", "lists", "names", "version", "edition", "information",
})
RELEASE_SKIPPABLE = frozenset({"a", "an", "the", "its", "their", "his", "her", "new", "short", "brief", "joint",
                               "further", "more", "another", "official", "latest", "first", "second", "long",
                               "lengthy", "written", "annual", "final", "updated", "undated"})


# what "gave" can take that is not people: "gave its final approval to the swap", "gave assurances"
GIVEN_THINGS = frozenset({"approval", "consent", "go-ahead", "permission", "blessing", "assurance", "assurances",
                          "guarantee", "guarantees", "backing", "support", "interview", "interviews", "speech",
                          "testimony", "evidence", "details", "information", "figures", "orders", "instructions",
                          "answer", "answers", "warning", "notice", "thanks", "briefing", "account"})
GIVE_VERBS = frozenset({"gave", "give", "gives"})


def _released_thing(view: SentenceView, cue: Span) -> bool:
    """'released a video of the captured soldiers', 'released its annual report', 'gave its final approval to the
    exchange': the verb takes a thing, not people (rule gate.released_thing)."""
    verb = span_text(cue).lower()
    if cue.kb_id_ == "release" and verb.startswith("releas"):
        things = RELEASED_THINGS
    elif cue.kb_id_ == "handover" and verb in GIVE_VERBS:
        things = GIVEN_THINGS
    else:
        return False
    for k in range(cue.end, min(view.end, cue.end + 4)):
        word = view.lower[k]
        if word in RELEASE_SKIPPABLE:
            continue
        if word in things:
            return True
        break
    # a passive with the thing as its subject: "whose names have not been released", "the figures were released"
    k = cue.start - 1
    while k >= view.start and view.lower[k] in PASSIVE_AUXILIARIES:
        k -= 1
    return k < cue.start - 1 and k >= view.start and view.lower[k] in things


PASSIVE_AUXILIARIES = frozenset({"been", "be", "being", "was", "were", "is", "are", "has", "have", "had", "not",
                                 "never", "yet", "still", "will", "would", "to"})


MOVE_WORDS = frozenset({"moved", "transferred", "relocated", "shifted", "taken", "move", "moves", "moving",
                        "transfer", "transfers", "transferring"})
# where a move keeps people in the same hands: "from a desert jail to house arrest", "to a hospital"
WITHIN_CUSTODY = (("house", "arrest"), ("hospital",), ("a", "hospital"), ("another", "prison"), ("a", "different", "prison"),
                  ("a", "hotel"), ("a", "clinic"), ("solitary",), ("another", "jail"), ("a", "military", "hospital"))
MOVE_REACH = 8  # tokens from the move word to "to <where>"


def moved_within_custody(view: SentenceView, cue: Span) -> bool:
    """'moved four jailed Americans from prison to house arrest', 'transferred the hostages to a hospital': the
    people stay in the same hands, a step before any handover (rule gate.moved_within_custody)."""
    if span_text(cue).lower() not in MOVE_WORDS:
        return False
    for k in range(cue.end, min(view.end - 1, cue.end + MOVE_REACH)):
        if view.lower[k] == "to" and any(phrase_at(view.words, k + 1 - view.start, p) for p in WITHIN_CUSTODY):
            return True
        if view.lower[k] in (",", ";", ":"):
            break
    return False


# the cues a sentence naming players' positions or their market uses for players, not for captives
PLAYER_SENSES = frozenset({"EXCHANGE", "FOR", "GIVE", "RECEIVE", "HOME", "CATEGORY"})


def _false_cue(view: SentenceView, cue: Span) -> bool:
    label = cue.label_  # (read once: each read is a look-up in the string store)
    if label in PLAYER_SENSES and (label != "CATEGORY" or cue.kb_id_ == "pows") and _names_players(view):
        return True  # "a swap that sends their midfielder to Porto for two defenders": players, not captives
    if label == "GIVE":
        return _released_thing(view, cue) or moved_within_custody(view, cue)
    if label == "EXCHANGE":
        return _object_is_not_people(view, cue.end, reach=4)
    if label == "FOR" and cue.kb_id_ != "for":
        return nothing_in_return(view, cue) or _object_is_not_people(view, cue.end, reach=6, scan=True)
    if label == "BACKGROUND" and cue.end < view.end and view.lower[cue.end] in CAPTIVITY_PARTICIPLES:
        # "the bodies of 1,000 soldiers previously held by Russia": the captivity was earlier, not the handover
        return True
    if label == "PERSON" and _inside_proper_name(view, cue):
        return True  # "(Gulf Courier)", "the Daily Reporter": an outlet's or a body's name, not a person
    if label == "HOME" and span_text(cue).lower() == "home":
        # "barricaded himself in a California home": a house, not a homecoming
        before = [view.lower[k] for k in range(max(view.start, cue.start - 2), cue.start)]
        return not any(w in MOTION_BEFORE_HOME for w in before)
    return False


def _names_players(view: SentenceView) -> bool:
    """A position on a team or the transfer market named, and no captivity ('striker', 'transfer window').
    (Read from the cue list itself: `has_cue` would keep the labels of the cues being dropped.)"""
    labels = {c.label_ for c in view.cues}
    return "SPORT" in labels and "CAPTIVITY" not in labels


def _inside_proper_name(view: SentenceView, cue: Span) -> bool:
    """A capitalised person word after a capitalised word that is no party ('Gulf Courier'), not opening
    the sentence: part of a name."""
    doc = view.sent.doc
    k = cue.start - 1
    if not span_text(cue)[:1].isupper() or k <= view.start or view.actor(k) is not None:
        return False
    return doc[k].is_alpha and doc[k].text.istitle() and view.lower[k - 1] not in (".", ":", "\n")


def drop_false_cues(views: list[SentenceView]) -> None:
    """Cue senses that name no handover of people: 'exchanged fire', 'an exchange fund', 'exchanged
    lists', 'in exchange for the lifting of sanctions', 'a California home'. Runs before any stage
    reads the cues."""
    for view in views:
        plan_infinitives(view)
        read_ranks(view)
        false = [c for c in view.cues if _false_cue(view, c)]
        for cue in false:
            view.cues.remove(cue)
            for k in range(cue.start, cue.end):
                view.doc_index.cue_at[k] = None


def plan_infinitives(view: SentenceView) -> None:
    """'the RSF is expected to free 90 soldiers', 'Baku is set to free 40': 'to free' right after a plan word is
    the verb of the plan, whose subject gives (groups.PLAN_INFINITIVE_RULE), not the purpose of another handover
    ('paid a ransom to free five hostages'): its 'free' becomes a release verb."""
    if "free" not in view.doc_index.word_set:
        return  # the one two-word purpose cue read here is "to free"
    for n, cue in enumerate(view.cues):
        if cue.end - cue.start != 2 or view.lower[cue.start + 1] != "free" or cue.start <= view.start \
                or cue.label_ != "FOR" or cue.kb_id_ != "purpose":
            continue
        plan = view.cue(cue.start - 1)
        if plan is None or plan.label_ != "PLANNED":
            continue
        verb = Span(cue.doc, cue.start + 1, cue.end, label="GIVE", kb_id="release")
        view.cues[n] = verb
        view.doc_index.cue_at[cue.start] = None
        view.doc_index.cue_at[verb.start] = verb
        view.doc_index.plan_verbs.add(verb.start)


RECOVERY_VERBS = frozenset({"recovered", "retrieved", "rescued", "found", "located", "exhumed", "extracted",
                            "recaptured", "recover", "retrieve", "rescue", "recovering", "retrieving", "pulled",
                            "recovers", "retrieves", "rescues"})
# digging up the dead: nobody hands over what is dug out of a grave
EXHUMATION_VERBS = frozenset({"exhume", "exhumes", "exhumed", "exhuming", "unearth", "unearths", "unearthed",
                              "unearthing", "excavated", "disinterred"})
FORCE_WORDS = frozenset({"forces", "troops", "army", "military", "idf", "commandos", "special", "rescuers", "rescue",
                         "operation", "raid", "tunnel", "tunnels", "rubble", "debris", "search", "mission",
                         "searchers", "firefighters", "divers", "police", "hospital", "hospitals", "morgue",
                         "mortuary", "clinic", "medics", "paramedics"})
HANDOVER_KINDS = frozenset({"handover", "repatriate_to"})
RECOVERY_HINTS = EXHUMATION_VERBS | RECOVERY_VERBS | FORCE_WORDS
CLEMENCY = frozenset({"pardon", "pardoned", "pardons", "pardoning", "amnesty", "amnesties", "amnestied",
                      "clemency", "bail", "parole", "paroled", "sentences"})
RESCUE_WORDS = frozenset({"raid", "rescue", "rescued", "commandos", "stormed", "assault"})
STILL_HELD = (("on", "board"), ("aboard",), ("remain",), ("remained",), ("remains", "in"), ("are", "still"),
              ("were", "still"), ("still",), ("are", "being", "held"), ("were", "being", "held"), ("are", "held"), ("is", "held"), ("unaccounted",),
              ("listed", "as", "missing"), ("listed", "missing"), ("are", "missing"), ("were", "missing"))
CASUALTIES = (("were", "killed"), ("was", "killed"), ("killed",), ("died",), ("have", "died"), ("had", "died"),
              ("were", "wounded"), ("were", "injured"), ("have", "been", "killed"), ("had", "been", "killed"),
              ("lost", "their", "lives"))
STILL_HELD_FIRST = frozenset(p[0] for p in STILL_HELD)
CASUALTY_FIRST = frozenset(p[0] for p in CASUALTIES)
# the phrases by their first word, in their order
STILL_HELD_BY_FIRST = {w: tuple(p for p in STILL_HELD if p[0] == w) for w in STILL_HELD_FIRST}
CASUALTIES_BY_FIRST = {w: tuple(p for p in CASUALTIES if p[0] == w) for w in CASUALTY_FIRST}


def _swap_cue(view: SentenceView) -> bool:
    return view.has_cue("EXCHANGE") or view.has_swap_pivot()


def recovery(view: SentenceView, *, figures: bool = True) -> bool:
    """Bodies or people recovered by troops or rescuers, recovered with no side named, dug out of graves,
    or received by a hospital: nobody handed them over ('troops recovered the bodies of three hostages
    from a tunnel', 'fishermen recovered 19 bodies', 'investigators exhumed 61 bodies'). `figures=False`:
    the figures are not read yet (the early gate), so the test that needs them is left out, and the
    answer is True only where it is True with them (rule gate.no_handover_sentence)."""
    words = view.word_set
    if words.isdisjoint(RECOVERY_HINTS):
        return False  # each test below that can say True needs one of these words
    if _swap_cue(view):
        return False
    if any(c.kb_id_ in HANDOVER_KINDS for c in view.cues_with("GIVE")) and not _to_families(view):
        return False  # "handed them to their families" after a recovery is no handover between sides
    if words & EXHUMATION_VERBS:
        return True  # "investigators exhumed 61 bodies from graves"
    if words & RECOVERY_VERBS and not any(a.label_ in PARTY_LABELS for a in view.actors):
        return True  # "fishermen recovered 19 bodies": no side recovers them from another
    received = any(span_text(c).lower() not in RECOVERY_VERBS for c in view.cues_with("RECEIVE", "HOME"))
    if words & RECOVERY_VERBS and not received and not any(w.startswith("repatriat") for w in words) \
            and _from_the_ground(view):
        return True  # "Red Crescent volunteers recovered 43 bodies from the streets": found, not handed over
    if not words & FORCE_WORDS:
        return False
    if any(w.startswith("repatriat") for w in words) or any(a.kb_id_ in ("ICRC", "UN") for a in view.actors):
        return False  # "recovered the bodies in a repatriation operation", "via the Red Cross": handed over
    if words & RECOVERY_VERBS or words & RESCUE_WORDS:
        return True  # "troops recovered the bodies", "police freed 12 children in a raid"
    if figures and _own_forces_return(view):
        return True  # "the army said it had returned the bodies of three hostages to Israel"
    # "the hospital received 12 bodies"
    return any(view.lower[k] in ("hospital", "hospitals", "morgue", "mortuary", "clinic")
               for c in view.cues_with("RECEIVE") for k in range(max(view.start, c.start - 4), c.start))


# where remains are found, not who holds them: "recovered ... from the streets", "from under the rubble"
RECOVERY_PLACES = frozenset({"streets", "street", "rubble", "ruins", "debris", "wreckage", "battlefield", "river",
                             "sea", "tunnel", "tunnels", "field", "fields", "forest", "sand", "mud", "trenches",
                             "neighbourhoods", "neighborhoods", "buildings", "houses", "homes"})
FROM_REACH = 8  # tokens from "from" to the place


def _from_the_ground(view: SentenceView) -> bool:
    """'recovered the bodies of 43 civilians from the streets of El Fasher': remains taken from a place where they
    lay, which no side handed over, even when aid workers recovered them (rule gate.recovery)."""
    for k in range(view.start, view.end):
        if view.lower[k] != "from":
            continue
        for m in range(k + 1, min(view.end, k + FROM_REACH)):
            word = view.lower[m]
            if word in RECOVERY_PLACES:
                return True
            if word in (",", ";", ".", "and", "to") or view.actor(m) is not None:
                break
    return False


def _own_forces_return(view: SentenceView) -> bool:
    """A state's own forces (an institution of the state) 'returning' people to that state: they
    brought them back from the field, nobody handed them over."""
    if view.quantities or not any(c.kb_id_ == "bodies" for c in view.cues_with("CATEGORY")):
        return False  # only named remains: a counted return is read as a handover
    for cue in view.cues_with("GIVE"):
        if cue.kb_id_ != "return":
            continue
        forces = [a for a in view.actors if a.label_ == "INSTITUTION" and a.end <= cue.start]
        after = [a for a in view.actors if a.start >= cue.end and a.label_ == "STATE"
                 and view.lower[a.start - 1] == "to"]
        if forces and after and forces[-1].kb_id_ == after[0].kb_id_:
            return True
    return False


FAMILY_WORDS = frozenset({"families", "family", "relatives", "kin", "parents"})


def _to_families(view: SentenceView) -> bool:
    """'handed them to their families': the receivers are relatives, not a side."""
    return any(view.lower[k] == "to" and any(view.lower[m] in FAMILY_WORDS for m in range(k + 1, min(view.end, k + 4)))
               for k in range(view.start, view.end))


HOME_PLACES = frozenset({"village", "villages", "hometown", "hometowns", "graves", "burial"})


def flown_to_families(view: SentenceView) -> bool:
    """'The bodies of the soldiers were flown to their home villages', 'the freed men were driven to their
    families': carried to relatives or home places, with no side named and no swap word in the sentence, the
    people are brought home by their own side, not handed between two (rule gate.to_families)."""
    if _swap_cue(view) or _side_named(view):
        return False
    return any(view.lower[k] == "to" and any(view.lower[m] in FAMILY_WORDS or view.lower[m] in HOME_PLACES
                                             for m in range(k + 1, min(view.end, k + 4)))
               for k in range(view.start, view.end))


WAR_WORDS = frozenset({"war", "conflict", "fighting", "clashes", "hostilities"})
WAR_REACH = 4  # tokens before a state: "since the 1995 Cenepa war with Peru"


def _side_named(view: SentenceView) -> bool:
    """A side that could give or take the people: not the demonym of the people themselves ('16 Ecuadorian
    soldiers'), nor the enemy of a war named only to date them ('missing since the 1995 war with Peru'), nor the
    dateline's city (rule gate.to_families)."""
    for actor in view.actors:
        if actor.label_ not in PARTY_LABELS or actor.label_ == "DEMONYM":
            continue
        before = view.lower[max(view.start, actor.start - WAR_REACH):actor.start]
        if before and before[-1] == "with" and not WAR_WORDS.isdisjoint(before):
            continue
        if actor.start - view.start <= 1 and actor.end < view.end and view.lower[actor.end] in DATELINE_MARKS:
            continue  # "QUITO - The remains of ...": the dateline
        return True
    return False


DATELINE_MARKS = frozenset({"-", "\u2013", "\u2014", ","})


def clemency(view: SentenceView) -> bool:
    """A pardon, an amnesty, a release on bail or for a ransom: a release with nobody handed in return.
    People who 'completed their sentences' are no clemency: they are freed by law, and may be handed home."""
    words = view.word_set & CLEMENCY
    if words == {"sentences"} and _sentences_served(view):
        words = frozenset()
    return (bool(words) or ransomed(view)) and not _swap_cue(view)


SERVED_WORDS = frozenset({"completed", "served", "finished", "serving", "completing", "serve"})


def _sentences_served(view: SentenceView) -> bool:
    """'who had completed their sentences', 'having served their sentences'."""
    return all(any(view.lower[m] in SERVED_WORDS for m in range(max(view.start, k - 3), k))
               for k in range(view.start, view.end) if view.lower[k] == "sentences")


RANSOM_WORDS = frozenset({"ransom", "ransoms"})
FINE_WORDS = frozenset({"fine", "fines"})  # money only beside a word of paying ('paid a fine'), not 'a fine day'
PAY_WORDS = frozenset({"paid", "pay", "pays", "paying"})
MONEY_WORDS = RANSOM_WORDS | FINE_WORDS
DENIALS = frozenset({"no", "not", "without", "never", "denied", "denies", "deny", "nor"})


def ransomed(view: SentenceView) -> bool:
    """'freed after their families paid a ransom', 'after their employer paid a fine': money, not people,
    bought the release (rules gate.ransom, gate.fine_paid); 'no ransom was paid' says nothing of the kind."""
    return not view.word_set.isdisjoint(MONEY_WORDS) and bought_with_money(view.lower, view.start, view.end)


def bought_with_money(lower: list[str], lo: int, hi: int) -> bool:
    """Tokens lo..hi-1 say a ransom was paid, or a fine paid ('paid a fine', 'a fine was paid'), and not denied."""
    for k in range(lo, hi):
        if lower[k] in FINE_WORDS and not any(lower[m] in PAY_WORDS for m in range(max(lo, k - 3), min(hi, k + 4))):
            continue
        if lower[k] in MONEY_WORDS and not any(lower[m] in DENIALS for m in range(max(lo, k - 3), k)):
            return True
    return False


CAPTURE_BEFORE = frozenset({"killed", "killing", "kill", "kills", "wounded", "wounding", "injured", "injuring",
                            "captured", "capturing", "capture", "captures", "detained", "detaining", "arrested",
                            "arresting", "abducted", "abducting", "kidnapped", "kidnapping", "seized", "seizing",
                            "taking", "took", "take", "takes", "holding", "hold", "holds", "held", "seize", "seizes",
                            "kidnap", "kidnaps", "abduct", "abducts", "snatched", "grabbed"})
INTERCEPTED = frozenset({"intercepted", "stopped", "caught"})
GROUP_NAME_TAIL = frozenset({"-", "led", "-led", "backed", "-backed", "terrorists", "militants", "gunmen", "attackers",
                             "fighters", "insurgents", "rebels"})
ACTING_AFTER = frozenset({"killed", "attacked", "stormed", "invaded", "fired", "launched", "died", "fought", "fled",
                          "escaped", "deserted", "surrendered"})
HYPOTHETICAL = frozenset({"potential", "possible", "proposed", "hypothetical", "prospective", "eventual",
                          "floated", "mooted", "discussing", "discussed", "considering", "idea",
                          "lead",  # "expected the talks to lead to a new prisoner exchange"
                          "want", "wants", "wanted", "wanting", "seek", "seeks", "seeking", "hope", "hopes", "hoped",
                          "hoping"})  # "militants who want to trade them for jailed comrades"
ONE_SIDED_WORDS = frozenset({"unilateral", "unilaterally", "initiative"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "all", "two", "three", "other"})


def acted_on(view: SentenceView, start: int, end: int) -> bool:
    """'capturing at least 600 soldiers', 'killed 1,200 civilians', '3,000 fighters stormed', 'intercepted
    and returned 19,000 people': people captured, killed or acting, not handed over."""
    k = start - 1
    if k >= view.start and view.lower[k] in CAPTURE_BEFORE:
        cue = view.cue(k)
        adjective = k > view.start and view.lower[k - 1] in DETERMINERS  # "to free the detained mayor"
        if not adjective and (cue is None or cue.label_ not in TRANSFER_LABELS):
            return True
    if k - 2 >= view.start and view.lower[k - 1] == "and" and view.lower[k - 2] in INTERCEPTED:
        return True  # "intercepted and returned 19,000 people": caught on their way, sent back
    end = past_apposition(view, end)
    skipped = 0
    while end < view.end and view.lower[end] in GROUP_NAME_TAIL and skipped < 3:
        end, skipped = end + 1, skipped + 1  # "3,000 Hamas-led terrorists killed": the rest of the group's name
    after = [view.lower[k] for k in range(end, min(view.end, end + 2))]
    return bool(after) and after[0] in ACTING_AFTER


# a count of the people a side or the ICRC holds on its books: "has registered about 50,000 Iraqis held in Iran",
# "visited 1,200 detainees" (gate.registered)
REGISTERED_BEFORE = frozenset({"registered", "registers", "registering", "listed", "counted", "recorded",
                               "documented", "visited", "visits", "visiting"})
REGISTERED_SKIPPABLE = frozenset({"about", "some", "around", "nearly", "almost", "roughly", "approximately", "more",
                                  "than", "over", "at", "least", "the", "a", "total", "of", "up", "to", "only"})


REGISTERED_REACH = 12  # tokens back to the counting verb, across the groups coordinated after it


def registered(view: SentenceView, start: int) -> bool:
    """'the ICRC has registered about 50,000 Iraqis held in Iran and some 20,000 Iranians held in Iraq',
    'delegates visited 1,200 detainees': people counted where they are held, no handover (rule gate.registered).
    The verb governs the groups coordinated after it, up to a clause mark or a handover word."""
    k = start - 1
    while k >= view.start and view.lower[k] in REGISTERED_SKIPPABLE:
        k -= 1
    if k >= view.start and view.lower[k] in REGISTERED_BEFORE:
        return True
    if k < view.start or view.lower[k] not in ("and", "as", "plus"):
        return False
    for m in range(k - 1, max(view.start, start - REGISTERED_REACH) - 1, -1):
        cue = view.cue(m)
        if view.lower[m] in CLAUSE_MARKS or (cue is not None and cue.label_ in TRANSFER_LABELS):
            return False
        if view.lower[m] in REGISTERED_BEFORE:
            return True
    return False


# a study's subjects: "interviews with 50 soldiers released in swaps", "surveyed 120 former hostages"
STUDIED_BEFORE = (("interviews", "with"), ("interviewed",), ("interviewing",), ("surveyed",), ("surveying",),
                  ("survey", "of"), ("study", "of"), ("studied",), ("testimonies", "of"), ("testimony", "of"),
                  ("accounts", "of"), ("examined",), ("questioned",), ("sample", "of"), ("cohort", "of"))
STUDIED_REACH = 4  # tokens from the end of the study word to the figure ("interviews with some 50 ...")


def studied(view: SentenceView, start: int) -> bool:
    """'A study based on interviews with 50 soldiers released in prisoner exchanges', 'researchers surveyed
    120 former hostages': the people of a study, told by what happened to them, not a handover (rule
    gate.studied)."""
    for k, phrase in phrase_starts(view.words, STUDIED_BEFORE):
        end = view.start + k + len(phrase)
        if 0 <= start - end <= STUDIED_REACH and not CLAUSE_MARKS & set(view.lower[end:start]):
            return True
    return False


def study_only(view: SentenceView) -> bool:
    """Every figure of people in the sentence counts a study's people: its handover words tell what happened
    to them, no handover of its own (rule gate.studied)."""
    nouns = view.cues_with("CATEGORY")
    people = [q for q in view.quantities if any(0 <= c.start - q.end <= 2 for c in nouns)]
    return bool(people) and all(studied(view, q.start) for q in people)


def hypothetical(view: SentenceView) -> bool:
    """'discussing a potential prisoner swap involving 1,400 ...': a swap that may never happen; 'they could one
    day be swapped': a possibility with no time, not a plan (rule gate.hypothetical)."""
    for cue in view.cues_with("EXCHANGE"):
        if any(view.lower[k] in HYPOTHETICAL for k in range(max(view.start, cue.start - 4), cue.start)):
            return True
    return _someday(view)


MAY_HAPPEN = frozenset({"could", "might"})
SOMEDAY = (("one", "day"), ("some", "day"), ("someday",), ("eventually",), ("at", "some", "point"),
           ("in", "the", "future"), ("in", "future"), ("later",))
# "could be freed later on Friday", "later this week": a time after all
LATER_WHEN = frozenset({"on", "this", "today", "tonight", "tomorrow", "that", "in", "the", "next"})


def _someday(view: SentenceView) -> bool:
    """'could one day be included in a prisoner exchange', 'could be swapped later': a handover that might
    happen at no stated time."""
    if MAY_HAPPEN.isdisjoint(view.word_set):
        return False
    handovers = [c for c in view.cues if c.label_ in TRANSFER_LABELS]
    lower = view.lower
    for cue in handovers:
        modal = next((k for k in range(max(view.start, cue.start - 8), cue.start) if lower[k] in MAY_HAPPEN), None)
        if modal is None:
            continue
        for k, phrase in phrase_starts(view.words, SOMEDAY):
            at = view.start + k
            if phrase == ("later",) and at + 1 < view.end and lower[at + 1] in LATER_WHEN:
                continue
            if modal < at <= cue.end + 8:
                return True
    return False


# "would free six soldiers only in exchange for 20 of its members", "will return the bodies only if Baku first
# frees ...": a handover the speaker would make only on the other side's terms (gate.only_on_terms)
ONLY_TERMS_OPENERS = CONDITIONS | frozenset({"when", "once", "after"})
ONLY_TERMS_PHRASES = CONDITION_PHRASES + (("in", "exchange", "for"), ("in", "return", "for"), ("in", "exchange"),
                                          ("in", "return"))
ONLY_TERMS_MODAL_REACH = 4  # tokens from the modal to the handover verb it governs: "would hand back"


def only_on_terms(view: SentenceView) -> bool:
    """'Israel would free 150 detainees only in return for three soldiers', 'the militia will release eight guards
    only once the government frees 40 fighters': a bargaining position, no occasion anyone set. Every handover word
    of the sentence is a modal verb before an 'only' + condition, or stands in that condition (rule
    gate.only_on_terms); an offer with a plain 'if' stays a plan."""
    transfers = _handover_words(view)
    return bool(transfers) and all(c.start in _bargained(view) for c in transfers)


def _handover_words(view: SentenceView) -> list[Span]:
    """The sentence's handover cues, not a word of a name ('the National Liberation Army')."""
    return [c for c in view.cues if c.label_ in TRANSFER_LABELS and view.actor(c.start) is None]


@per_view
def _bargained(view: SentenceView) -> frozenset[int]:
    """The starts of the handover words offered only on the other side's terms, or standing in those terms."""
    if "only" not in view.word_set:
        return frozenset()
    lower = view.lower
    onlies = [k for k in range(view.start, view.end - 1) if lower[k] == "only"
              and (lower[k + 1] in ONLY_TERMS_OPENERS or any(phrase_at(lower, k + 1, p) for p in ONLY_TERMS_PHRASES))]
    if not onlies:
        return frozenset()

    def bargained(cue: Span) -> bool:
        if cue.start > onlies[0]:
            return True  # the other side's part, inside the condition
        return any(lower[k] in FUTURE_MODALS and k != view.start
                   for k in range(max(view.start, cue.start - ONLY_TERMS_MODAL_REACH), cue.start)) \
            and not CLAUSE_MARKS & set(lower[cue.end:onlies[0]]) - {"after", "before"}

    return frozenset(c.start for c in _handover_words(view) if bargained(c))


REQUESTS = (("called", "on"), ("calls", "on"), ("calling", "on"), ("call", "on"), ("urged",), ("urges",),
            ("urging",), ("urge",), ("appealed", "to"), ("appeals", "to"), ("appealing", "to"), ("pressed",),
            ("asked",),
            # refused: "the group refused to free 14 soldiers it has held since May"
            ("refused",), ("refuses",), ("refusing",), ("declined",), ("declines",), ("rejected", "calls"),
            ("rejected", "demands"))
# a demand or insistence with a that-clause: "repeated its demand that Israel free 1,000 prisoners", "insisted
# on Sunday that the army release 300"
DEMAND_WORDS = frozenset({"demand", "demands", "demanding", "demanded", "insist", "insists", "insisted", "insisting"})
DEMAND_THAT_REACH = 4  # tokens from the demand word to its "that"
# a refusal told with a negated modal right before the handover verb: "would not trade prisoners with terrorists",
# "will never free them" (part of gate.requested)
REFUSALS = (("would", "not"), ("will", "not"), ("would", "never"), ("will", "never"), ("wo", "n't"), ("would", "n't"),
            ("won't",), ("wouldn't",), ("cannot",), ("can", "not"), ("could", "not"), ("could", "never"))
# a demand whose object is the handover itself: "demanded the release of 1,000 prisoners", "demands the immediate
# return of its fighters" (part of gate.requested); the words allowed between the demand and that noun
DEMAND_OBJECT_FILLERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "immediate", "swift", "prompt",
                                   "unconditional", "full", "speedy", "urgent", "quick"})
DEMAND_OBJECT_REACH = 4  # tokens from the demand word to the handover noun
REQUEST_FIRST_WORDS = frozenset(phrase[0] for phrase in REQUESTS) | DEMAND_WORDS \
    | frozenset(phrase[0] for phrase in REFUSALS)
REQUEST_REACH = 10  # tokens from the request verb to the handover it asks for
CLAUSE_MARKS = frozenset({",", ";", ":", ".", "but", "while", "after", "before"})
THAT_REACH = 16
THAT_RUNS_ON = frozenset({"before", "after"})
THAT_CLAUSE_MARKS = CLAUSE_MARKS - THAT_RUNS_ON  # the marks that end a that-clause demand


def requested(view: SentenceView) -> bool:
    """'called on Pakistan to expedite the release of its prisoners', 'urged the sides to exchange all
    detainees', 'refused to free 14 soldiers': every handover word of the sentence is asked for or refused,
    not done or agreed (rule gate.requested)."""
    if view.word_set.isdisjoint(REQUEST_FIRST_WORDS):
        return False  # no request: no handover word of the sentence is asked for
    transfers = [c for c in view.cues
                 if c.label_ in TRANSFER_LABELS or (c.label_ == "FOR" and c.kb_id_ == "purpose")]  # "to free"
    if not transfers:
        return False
    starts = [(view.start + k, False) for k, _ in phrase_starts(view.words, REQUESTS)]
    words = view.words
    starts += [(view.start + k, True) for k, word in enumerate(words)
               if word in DEMAND_WORDS and "that" in words[k + 1:k + 1 + DEMAND_THAT_REACH]]
    # "demanded the release of 20 fighters in exchange for the workers": the handover noun right after the
    # demand opens its object, which runs to the clause's end; "would not trade prisoners": the verb refused
    heads = {c.start for c in transfers}
    objects = [view.start + k for k, word in enumerate(words) if word in DEMAND_WORDS
               and _demanded_noun(view, view.start + k, heads)]
    refused = {view.start + k + len(phrase) for k, phrase in phrase_starts(words, REFUSALS)}

    def asked_for(cue: Span) -> bool:
        # "urged Pakistan to release ...", not "urged both sides to act, Russia handed ..."; a that-clause
        # demand needs no "to", and runs on past "before" ("... free 1,000 prisoners before any is let go")
        if cue.start in refused:
            return True
        if any(0 < cue.start - k <= REQUEST_REACH and not CLAUSE_MARKS & set(view.lower[k:cue.start]) for k in objects):
            return True
        return any(0 < cue.start - k <= (THAT_REACH if that else REQUEST_REACH)
                   and (that or "to" in view.lower[k:cue.start + 1])
                   and not (THAT_CLAUSE_MARKS if that else CLAUSE_MARKS) & set(view.lower[k:cue.start])
                   for k, that in starts)

    # "demanded the release of 400, while Yerevan said it would free 50 only if ...": a demand met by a position
    bargained = _bargained(view)
    asked = [asked_for(c) for c in transfers]
    return any(asked) and all(a or c.start in bargained for a, c in zip(asked, transfers))


DENIAL_VERBS = frozenset({"denied", "denies", "deny", "denying"})
DENIAL_THAT_REACH = 4  # tokens from the denial to its "that": "denied on Monday that", "denied reports that"
DENIED_CLAUSE_MARKS = CLAUSE_MARKS | frozenset({"and", "though", "although"})
CONTRASTS = frozenset({"though", "although", "but", "while", "even"})
HEARSAY = frozenset({"reports", "report", "reported", "reportedly", "rumours", "rumors", "claims", "claimed",
                     "allegedly", "alleged", "unconfirmed"})


def denied(view: SentenceView) -> bool:
    """'The government denied that prisoners were freed then, though some reports said four militants were
    released': every handover word of the sentence is denied (in the denial's that-clause, or right after it:
    'denies handing over') or told by the hearsay the denial answers ('though some reports said'), so the
    sentence tells of no handover (rule gate.denied). 'denied that the hostages were mistreated, but confirmed
    that 20 were freed' still tells of one."""
    if view.word_set.isdisjoint(DENIAL_VERBS):
        return False
    transfers = [c for c in view.cues if c.label_ in TRANSFER_LABELS]
    denials = [view.start + k for k, word in enumerate(view.words) if word in DENIAL_VERBS]
    if not transfers or not denials:
        return False
    lower = view.lower

    def in_denial(cue: Span) -> bool:
        for k in denials:
            if cue.start == k + 1:
                return True  # "denies handing over", "denied releasing"
            that = next((m for m in range(k + 1, min(cue.start, k + 1 + DENIAL_THAT_REACH)) if lower[m] == "that"),
                        None)
            if that is not None and cue.start - that <= THAT_REACH \
                    and DENIED_CLAUSE_MARKS.isdisjoint(lower[that + 1:cue.start]):
                return True
        return False

    answered = [c for c in transfers if in_denial(c)]
    if not answered:
        return False
    first = min(c.start for c in answered)

    def hearsay(cue: Span) -> bool:
        # after a denied handover, a clause opened by a contrast whose words before the verb are hearsay
        if cue.start < first:
            return False
        span = lower[first:cue.start]
        opens = [m for m, word in enumerate(span) if word in CONTRASTS]
        return bool(opens) and not HEARSAY.isdisjoint(span[opens[-1]:])

    return all(c in answered or hearsay(c) for c in transfers)


def _demanded_noun(view: SentenceView, k: int, heads: set[int]) -> bool:
    """The demand word at token k takes a handover noun as its object: 'demands the immediate release of'."""
    for m in range(k + 1, min(view.end, k + 1 + DEMAND_OBJECT_REACH)):
        if m in heads:
            return m + 1 < view.end and view.lower[m + 1] == "of"
        if view.lower[m] not in DEMAND_OBJECT_FILLERS:
            return False
    return False


def one_sided(view: SentenceView, category: str) -> bool:
    """'transported 163 prisoners as part of a humanitarian initiative': a unilateral release of
    prisoners (hostages and remains are handed to the other side even so)."""
    return category not in ("hostages", "bodies") and not ONE_SIDED_WORDS.isdisjoint(view.word_set) \
        and not _swap_cue(view) and not view.has_cue("RECEIVE")  # "released 120 ... and received 88": a swap


OUTSIDE_DEAL = (("outside", "the", "deal"), ("outside", "the", "agreement"), ("outside", "the", "exchange"),
                ("outside", "the", "swap"), ("outside", "the", "framework"))


def one_sided_figures(views: list[SentenceView]) -> set[int]:
    """Figures of a release the article calls unilateral ('an initiative', 'took place outside the
    deal') or bought with a thing ('in return for the lifting of sanctions'): the same figure told elsewhere
    in the article ('released 104 more detainees', a headline's 'frees 14 prisoners') is that release, not a
    handover of a swap. Small figures are left alone: they recur by chance."""
    out: set[int] = set()
    for view in views:
        if not view.quantities:
            continue  # no figure to give
        words = view.words
        outside = has_phrase(words, OUTSIDE_DEAL)
        if not (outside or one_sided(view, "pows") or paid_for(view)):
            continue
        for quantity in view.quantities:
            match = quantity_of(quantity)
            if match is not None and match.qualifier == "exact" and match.value is not None and match.value >= 10:
                out.add(match.value)
    return out


APPOSITION_MARKS = {"-": "-", "–": "–", "—": "—", "(": ")"}


def past_apposition(view: SentenceView, end: int) -> int:
    """The token after an apposition set off by dashes or brackets right after a group ('four hostages
    - an aid worker, a photographer and two drivers - are held'); `end` itself when there is none."""
    if end >= view.end or view.lower[end] not in APPOSITION_MARKS:
        return end
    close = APPOSITION_MARKS[view.lower[end]]
    for k in range(end + 1, min(view.end, end + 25)):
        if view.lower[k] == close:
            return k + 1
    return end


REPORTING_VERBS = frozenset({"says", "said", "say", "believes", "believed", "believe", "thinks", "think", "estimates",
                             "estimated", "claims", "claimed", "reckons", "fears", "feared", "insists"})


def past_reporter(view: SentenceView, end: int) -> int:
    """The token after a reporting clause right after a group ('the 12 people Japan says are still held', 'the
    30 soldiers it believes are alive'); `end` itself when there is none."""
    k = end
    actor = view.actor(k) if k < view.end else None
    if actor is not None:
        k = actor.end
    elif k < view.end and view.lower[k] in ("it", "they", "officials", "he", "she", "we"):
        k += 1
    if k > end and k < view.end and view.lower[k] in REPORTING_VERBS:
        return k + 1
    return end


def still_held(view: SentenceView, end: int, category: str) -> bool:
    """'About 130 hostages remain in captivity', 'four soldiers were killed': those still held, killed
    or captured, not those handed over (the dead of 'the bodies of 20 soldiers killed' are handed over)."""
    end = past_reporter(view, past_apposition(view, end))
    after = view.words_between(end, end + 3)
    if not after or after[0] not in STILL_HELD_FIRST and after[0] not in CASUALTY_FIRST:
        return False  # (each phrase below begins with one of these words)
    if after[:3] == ("remain", "to", "be") or after[:2] == ("remain", "set"):
        return False
    if category != "bodies" and any(after[:len(p)] == p for p in CASUALTIES_BY_FIRST.get(after[0], ())):
        return True
    return any(after[:len(p)] == p for p in STILL_HELD_BY_FIRST.get(after[0], ()))


def one_sided_article(views: list[SentenceView]) -> bool:
    """A pardon, amnesty or ransom story, or a release with nothing in return, with no swap anywhere in it."""
    if not views:
        return False
    words = views[0].doc_index.word_set
    denied = not words.isdisjoint(RETURN_WORDS) and not words.isdisjoint(RETURN_DENIALS)
    if words.isdisjoint(ONE_SIDED_HINTS) and not denied:
        return False  # none of the words the tests below need stands anywhere in the doc
    # a swap anywhere (most articles that get this far) decides it before any sentence is read for the rest
    # a swap only asked for or refused ("had demanded the release of two leaders in exchange for them") is none
    if any(_swap_cue(v) and not requested(v) for v in views):
        return False
    if any(clemency(v) for v in views):
        return True
    # remains handed over are a handover even when nothing comes back ("handed over the bodies of 16 soldiers,
    # but received none in return"): only living people released for nothing make a one-sided story
    # (rule gate.bodies_for_nothing)
    return any(has_phrase(v.words, NOTHING_IN_RETURN) or (denied and return_denied(v)) for v in views) \
        and not any(_bodies_handed(v) for v in views)


def _bodies_handed(view: SentenceView) -> bool:
    """A sentence that hands remains over: a handover or receiving word with a word for bodies."""
    return view.has_cue("GIVE", "RECEIVE", "HOME") and any(c.kb_id_ == "bodies" for c in view.cues_with("CATEGORY"))


NOTHING_IN_RETURN = (("nothing", "in", "return"), ("nothing", "in", "exchange"), ("nothing", "had", "been", "asked"),
                     ("nothing", "was", "asked"), ("without", "anything", "in", "return"),
                     ("without", "anything", "in", "exchange"), ("asked", "nothing"), ("demanded", "nothing"),
                     ("nothing", "had", "been", "given"), ("nothing", "was", "given"))
# words without which the early gate's refusals cannot hold (see may_be_about_exchanges): a sentence
# with none of them is no pardon and no recovery; an article with none is no one-sided story
NO_HANDOVER_HINTS = CLEMENCY | MONEY_WORDS | RECOVERY_VERBS | EXHUMATION_VERBS | FORCE_WORDS | RESCUE_WORDS
ONE_SIDED_HINTS = CLEMENCY | MONEY_WORDS | frozenset(phrase[0] for phrase in NOTHING_IN_RETURN)


CONSIDERATIONS = (("in", "exchange", "for"), ("in", "return", "for"), ("in", "exchange"), ("in", "return"))
CONSIDERATION_WORDS = frozenset({"exchange", "return"})  # one of them stands in each of the phrases


def paid_for(view: SentenceView) -> bool:
    """'freed 40 prisoners in exchange for the lifting of sanctions': a release bought with something
    other than people, so nobody is handed back."""
    if view.has_cue("EXCHANGE") or view.word_set.isdisjoint(CONSIDERATION_WORDS):
        return False
    for k, phrase in phrase_starts(view.words, CONSIDERATIONS):
        after = view.start + k + len(phrase)
        if _object_is_not_people(view, after, reach=6, scan=True):
            return True
        if len(phrase) == 2 and not (after < view.end and view.lower[after] == "for") \
                and _thing_given_before(view, view.start + k):
            return True
    return False


GIVEN_CLAUSE_MARKS = frozenset({",", ";", ":", "and", "while", "as", "but", "after", "when"})


def _thing_given_before(view: SentenceView, at: int) -> bool:
    """'... and Washington lifted sanctions on the firm in return': the clause that ends in a bare 'in return'
    gives a thing, not people (no figure, people word or plural demonym in it)."""
    thing = False
    for k in range(at - 1, max(view.start, at - 12) - 1, -1):
        word = view.lower[k]
        if word in GIVEN_CLAUSE_MARKS:
            break
        actor = view.actor(k)
        cue = view.cue(k)
        if view.doc_index.quantity_at[k] is not None or (cue is not None and cue.label_ in ("CATEGORY", "PERSON")) \
                or (actor is not None and actor.label_ == "DEMONYM"):
            return False
        thing = thing or word in NON_PERSON_OBJECTS
    return thing


# the tests that keep a figure out of every record (ids in the rule catalogue; no record carries them,
# they explain why a figure the recognisers saw made none): rule id -> the function that decides it
NO_HANDOVER_RULES = {
    "gate.recovery": "recovery", "gate.clemency": "clemency", "gate.ransom": "ransomed", "gate.paid_for": "paid_for",
    "gate.hypothetical": "hypothetical", "gate.still_held": "still_held", "gate.acted_on": "acted_on",
    "gate.one_sided": "one_sided", "gate.released_thing": "_released_thing", "gate.nothing_in_return": "nothing_in_return",
    "gate.requested": "requested", "gate.only_on_terms": "only_on_terms", "gate.denied": "denied",
    "gate.to_families": "flown_to_families", "gate.studied": "studied", "gate.registered": "registered",
    "gate.moved_within_custody": "moved_within_custody",
    "gate.no_sides": "sides.handed_between_no_sides", "gate.outside_conflict": "sides.drop_outside_conflict",
    "gate.peacetime_remains": "sides.drop_peacetime_remains",
}


@per_view
def no_handover(view: SentenceView) -> bool:
    """A sentence whose figures are no handover between two sides."""
    return recovery(view) or clemency(view) or paid_for(view) or hypothetical(view) or requested(view) \
        or only_on_terms(view) or denied(view) or flown_to_families(view) or study_only(view)


def not_handed_over(group) -> bool:
    """A counted group that is no handover: in a sentence that reports none, or people still held,
    killed, captured or acting, or released one-sidedly."""
    view = group.view
    return no_handover(view) or still_held(view, group.end, group.category) \
        or acted_on(view, group.start, group.end) or one_sided(view, group.category) or studied(view, group.start) \
        or registered(view, group.start)

