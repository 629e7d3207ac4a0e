"""Groups: counted people or remains in one sentence ("1,000 bodies", "nine captured Russian
servicemen", "207 of our people"), with the direction the sentence gives them.

A group is read from a quantity and the category noun after it (or "the bodies of" before it).
Its direction comes, in order of strength, from the sentence's own words (to/from/by phrases,
the subject of a give or receive verb, "home"), then from the people's nationality (people go
home), then from the article's dyad.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from ..contract import Count
from ..recognising.extensions import quantity_of
from .context import SEVERAL_ID, SEVERAL_STATES, ArticleContext, speaks_of_war
from .person_nouns import person_nouns_of
from .sentences import PART_OF, SentenceView, phrase_at, span_text
from .status import TRANSFER_LABELS

PERSON_CATEGORIES = frozenset({"pows", "civilians", "bodies", "hostages"})
DEAD_MODIFIERS = frozenset({"killed", "dead", "deceased", "slain", "fallen"})
NOUN_STOP = frozenset({"between", "were", "was", "have", "has", "had", "are", "is", "been", "be", "will", "would", "to", "from",
                       "by", "in", "on", "at", "and", "or", "who", "which", "that", "with", "as", "into", "than",
                       "per", "after", "before", "since", "during", "a", "an"})
SUBJECT_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION", "GROUP", "DEMONYM", "MULTI", "OFFICIAL"})
LIST_WORDS = frozenset({"list", "lists", "names", "cards", "applications", "requests"})
STATE_WORDS = frozenset({"government", "regime", "army", "state", "coalition", "federal", "junta"})
HOSTAGE_MODIFIERS = frozenset({"kidnapped", "abducted", "seized"})
OWN_SIDE_NOUNS = frozenset({"defenders", "defender", "heroes", "of our people", "our people", "our citizens"})
PREPOSITIONS = frozenset({"in", "of", "from", "at", "on", "near", "with", "for", "against", "to", "into", "across",
                          "eastern", "western", "northern", "southern", "occupied"})
# "the Defence Ministry in Moscow said it handed over ...": an institution named by its seat is that state
SEAT_NOUNS = frozenset({"ministry", "officials", "authorities", "government", "spokesman", "spokeswoman",
                        "spokesperson", "command", "headquarters", "delegation", "embassy", "presidency"})
SUBJECT_STOPS = frozenset({":", ";", "—", "(", ")", "\n"})
QUALIFIER_TAIL = frozenset({"or", "and", "more", "over", "so", "thereabouts", "odd", "-", "plus", "+", "fewer", "less"})


@dataclass
class Group:
    view: SentenceView
    quantity: Span | None
    noun: Span | None
    count: Count | None
    category: str
    nationality: str | None = None
    giver: str | None = None
    receiver: str | None = None
    per_side: bool = False
    transit: bool = False
    total: Count | None = None  # the sum with coordinated siblings ("246 POWs and 31 wounded")
    part_of: bool = False
    nationality_from_phrase: bool = False  # read from "N soldiers from <state>": may name the giver instead
    people: list[str] = field(default_factory=list)  # names of the persons handed over, as written
    rules: list[str] = field(default_factory=list)
    # the single person this one is coordinated with ("a Polish journalist and a Lithuanian activist"): handed over
    # by the same side, home to its own state (`orient_persons`)
    alongside: "Group | None" = field(default=None, compare=False, repr=False)
    # the token whose date the group takes, where it is not its own: a figure per night spread over the nights a
    # sentence names ("13 on Monday, 13 on Tuesday ..., and 39 prisoners each night")
    date_at: int | None = None
    # token range of the figure and the noun together; `quantity` and `noun` are never reassigned (a
    # changed group is a new one, `dataclasses.replace`), so it is worked out once: the stages read it
    # hundreds of times per article
    start: int = field(init=False, repr=False, compare=False)
    end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        quantity, noun = self.quantity, self.noun
        if noun is None:
            self.start, self.end = quantity.start, quantity.end  # type: ignore[union-attr]
        elif quantity is None:
            self.start, self.end = noun.start, noun.end
        else:
            self.start, self.end = min(quantity.start, noun.start), max(quantity.end, noun.end)

    @property
    def char_start(self) -> int:
        """Character offset of token `start`: that of the span that begins there (no offset table per doc)."""
        quantity, noun = self.quantity, self.noun
        if noun is None:
            return quantity.start_char  # type: ignore[union-attr]
        if quantity is None or noun.start < quantity.start:
            return noun.start_char
        return quantity.start_char


def uncounted_group(view: SentenceView, noun: Span, category: str, context: ArticleContext, rule: str) -> Group:
    """A group told with no figure: the sides the article fixes for its category, else one group per side."""
    group = Group(view=view, quantity=None, noun=noun, count=None, category=category, rules=[rule])
    fixed = context.fixed_sides(category)
    if fixed is not None:
        group.giver, group.receiver = fixed
    else:
        group.per_side = True
    return group


def count_of(quantity: Span, view: SentenceView) -> Count | None:
    match = quantity_of(quantity)
    if match is None:
        return None
    qualifier = match.qualifier
    # "gave over 19", "handed over 1,000": the 'over' belongs to the verb
    first = quantity.start
    cue = view.cue(first)
    if qualifier == "over" and view.lower[first] == "over" and cue is not None and cue.label_ == "GIVE" and cue.end > first:
        n = match.min - 1 if match.min is not None else match.value
        return Count.exact(n) if n is not None else None
    try:
        return Count(value=match.value, min=match.min, max=match.max, qualifier=qualifier)
    except ValueError:
        return None


def _category_before(view: SentenceView, quantity: Span) -> tuple[str, Span] | None:
    """'the bodies of 1,212 fallen defenders', 'remains of 6,000 soldiers'."""
    doc = view.sent.doc
    i = quantity.start - 1
    steps = 0
    while i >= view.start and steps < 3:
        word = view.lower[i]
        cue = view.cue(i)
        if word in ("of", "the", "another", "further", "additional", "a", "more"):
            i -= 1
            steps += 1
            continue
        if cue is not None and cue.label_ == "CATEGORY" and cue.kb_id_ == "bodies" and view.lower[cue.end] == "of":
            return "bodies", cue
        if word in ("those", "that") and view.lower[i + 1] == "of":
            # "handed over the remains of 60 soldiers, while Iran returned those of 25": the remains again
            earlier = next((c for c in reversed(view.cues_with("CATEGORY")) if c.end <= i and c.kb_id_ == "bodies"
                            and c.end < view.end and view.lower[c.end] == "of"), None)
            if earlier is None:
                return None
            return "bodies", Span(doc, i, i + 1, label="CATEGORY", kb_id="bodies")
        return None
    return None


def _remains_shared(view: SentenceView, quantity: Span, previous: "Group | None") -> bool:
    """The figure is the second conjunct of 'the remains of <figure> <people> and <figure>': only people
    words (a demonym, 'people', 'nationals') and a bare 'and' stand between it and the remains figure; not
    after a comma, where a clause of its own may start ('the bodies of 50 soldiers, and 22 Ukrainians were
    freed')."""
    if previous is None or previous.view is not view or "group.bodies_of" not in previous.rules \
            or previous.quantity is None:
        return False
    words = []
    for k in range(previous.quantity.end, quantity.start):
        actor, cue = view.actor(k), view.cue(k)
        if (actor is not None and actor.label_ == "DEMONYM") or (cue is not None and cue.label_ == "CATEGORY"
                                                                 and cue.kb_id_ in ("generic", "pows", "civilians")):
            continue
        words.append(view.lower[k])
    return words == ["and"]


def _number_end_token(view: SentenceView, quantity: Span) -> int:
    """Token after the figure itself: per-side matches may hold the noun ('84 prisoners each')."""
    key = ("groups._number_end_token", quantity.start, quantity.end)  # asked again by several stages
    found = view.memo.get(key)
    if found is None:
        found = view.memo[key] = _number_end_now(quantity)
    return found  # type: ignore[return-value]


def _number_end_now(quantity: Span) -> int:
    match = quantity_of(quantity)
    if match is None:
        return quantity.end
    number = quantity.doc.char_span(match.number_start, match.number_end, alignment_mode="expand")
    return number.end if number is not None else quantity.end


FROM_TO_RULE = "direction.from_to_pair"
ROUTE_END_LABELS = frozenset({"STATE", "CAPITAL", "SEAT", "INSTITUTION", "GROUP"})


def _route_pair(view: SentenceView, origin: Span) -> bool:
    """'from Russia to Ukraine' after the people: a handover's two ends, the first the giver, not whose they are."""
    k = origin.end
    if k >= view.end or view.lower[k] != "to":
        return False
    end = _actor_after(view, k + 1, 3)
    return end is not None and end.label_ in ROUTE_END_LABELS and end.kb_id_ != origin.kb_id_


def _is_plural_demonym(span: Span) -> bool:
    return plural_demonym_word(span_text(span).lower())


def plural_demonym_word(text: str) -> bool:
    """A lower-case demonym that names people in the plural: 'ukrainians', 'filipinos', 'serbs', 'czechs',
    'thais', 'kosovars'; not a possessive ("russia's") nor 'swiss' (the same
    word in the singular: group.invariant_demonym reads it)."""
    return text.endswith("s") and not text.endswith(("'s", "\u2019s", "ss"))


INVARIANT_DEMONYMS = frozenset({"swiss", "kyrgyz", "kirghiz", "malagasy", "burkinabe"})  # and every "-ese"


def _invariant_demonym_noun(view: SentenceView, actor: Span) -> bool:
    """A demonym whose plural is the same word ('Lebanese', 'Chinese', 'Swiss', 'Kyrgyz') right after a figure
    and not followed by a noun: it names the people (rule group.invariant_demonym)."""
    text = span_text(actor).lower()
    if not (text.endswith("ese") or text in INVARIANT_DEMONYMS):
        return False
    return _demonym_heads(view, actor)


def _age_limit(view: SentenceView, quantity: Span, count: Count) -> bool:
    """'soldiers under 25', 'children over 12': a bound right after the people it qualifies is an age."""
    if count.qualifier not in ("under", "over", "up_to") or quantity.start <= view.start:
        return False
    bound = count.max if count.max is not None else count.min
    before = view.cue(quantity.start - 1)
    return bound is not None and bound <= 100 and before is not None and before.label_ == "CATEGORY" \
        and before.end == quantity.start


def read_group(view: SentenceView, quantity: Span, previous: "Group | None", *,
               told_before: "Group | None" = None) -> Group | None:
    """The group a quantity counts, or None when it counts something else. `previous`: the sentence's group
    before it; `told_before`: the last group of the sentence just before, when the sentence has none yet."""
    doc = view.sent.doc
    count = count_of(quantity, view)
    if count is None:
        return None
    # lists of names and cards are not handovers; "according to two people familiar with" are sources
    listed = any(view.lower[i] in LIST_WORDS for i in range(max(view.start, quantity.start - 3), quantity.start))
    named_for_release = listed and _named_for_release(view, quantity)
    if listed and not named_for_release:
        return None
    if quantity.start - 2 >= view.start and view.lower[quantity.start - 2] == "according":
        return None
    if _age_limit(view, quantity, count):
        return None
    # "in exchange for each hostage, 30 prisoners", "15 bodies for each hostage", "15 bodies for the remains of
    # each hostage": a ratio, not a count
    for cue in view.cues_with("EACH"):
        ratio = cue.start > view.start and view.lower[cue.start - 1] in ("for", "per") \
            or (cue.start - 4 >= view.start and view.lower[cue.start - 1] == "of"
                and view.lower[cue.start - 4:cue.start - 1] in (["for", "the", "remains"], ["for", "the", "body"],
                                                                ["for", "the", "bodies"]))
        if ratio and (cue.end <= quantity.start or 0 <= cue.start - quantity.end <= 8):
            return None
    rules = ["group.quantity"] + (["group.named_for_release"] if named_for_release else [])
    from_phrase = False
    route_giver: str | None = None
    category: str | None = None
    noun: Span | None = None
    nationality: str | None = None
    dead = mixed = False
    j, steps = _number_end_token(view, quantity), 0
    while j < quantity.end and view.lower[j] in QUALIFIER_TAIL:
        j += 1  # "12 or more Americans", "300-odd prisoners": the qualifier after the figure, then the noun
    while j < view.end and steps < (8 if "group.share_of_pool" in rules else 6):
        word = view.lower[j]  # (the token's lower case, without making a Token object)
        cue = view.cue(j)
        actor = view.actor(j)
        if cue is not None and cue.label_ == "CATEGORY" and cue.kb_id_ == "generic" and cue.end == j + 1 \
                and ((word in FORCE_MEMBER_NOUNS and _member_of_force(view, j) is not None)
                     or (word in GROUP_MEMBER_NOUNS and _members_of_armed(view, j))):
            cue = None  # "31 elements of the army", "40 cadres of the rebel movement": whose members, read below
        if cue is not None and cue.label_ == "CATEGORY":
            category, noun = cue.kb_id_, cue
            head = view.cue(cue.end) if cue.end < view.end else None
            if head is not None and head.label_ == "CATEGORY" and head.kb_id_ in ("hostages", "prisoners") \
                    and cue.kb_id_ in ("civilians", "generic") and span_text(cue).lower() != "civilian":
                category, noun = head.kb_id_, head  # "50 women and children hostages": the head noun decides
                rules.append("group.head_noun")
            if view.lower[noun.start] in STATE_WORDS and nationality is None:
                rules.append("group.state_forces")  # "590 government personnel", "40 army personnel": one cue
            j = noun.end
            break
        force = _member_of_force(view, j) if view.lower[j] in FORCE_MEMBER_NOUNS and cue is None else None
        if force is not None:
            nationality, category, noun = force, "pows", doc[j:j + 1]  # "56 members of the Malian army"
            rules.append("group.members_of_force")
            j += 1
            break
        if force is None and view.lower[j] in FORCE_MEMBER_NOUNS and cue is None and _of_unnamed_force(view, j):
            category, noun = "pows", doc[j:j + 1]  # "60 members of the security forces": soldiers of no named state
            rules.append("group.members_of_force")
            j += 1
            break
        if view.lower[j] in GROUP_MEMBER_NOUNS and cue is None and _members_of_armed(view, j):
            category, noun = "generic", doc[j:j + 1]  # "45 members of the rebel alliance"
            rules.append("group.members_of_group")
            j += 1
            break
        if actor is not None and actor.label_ == "GROUP" and steps < 3:
            nationality = actor.kb_id_  # "62 RSF fighters", "15 Houthi fighters"
            if span_text(actor).lower().endswith("s") and not span_text(actor).isupper():
                category, noun = "generic", actor  # "the remaining 130 Houthis"
                j = actor.end
                break
            member_cue = view.cue(actor.end) if actor.end < view.end else None
            if actor.end < view.end and view.lower[actor.end] in GROUP_MEMBER_NOUNS \
                    and (member_cue is None or member_cue.kb_id_ == "generic"):
                category, noun = "generic", doc[actor.end:actor.end + 1]  # "three jailed ELN members"
                rules.append("group.members_of_group")
                j = actor.end + 1
                break
            j, steps = actor.end, steps + 1
            continue
        if word in STATE_WORDS and nationality is None:
            rules.append("group.state_forces")  # "81 government soldiers": the state side of the dyad
        if actor is not None and actor.label_ == "STATE" and nationality is None and steps < 3 \
                and actor.end < view.end and view.cue(actor.end) is not None \
                and view.cue(actor.end).label_ == "CATEGORY":
            nationality = actor.kb_id_  # "five US detainees", "three U.K. nationals": the state as an adjective
            rules.append("group.state_adjective")
            j, steps = actor.end, steps + 1
            continue
        if actor is not None and actor.label_ == "DEMONYM":
            if nationality is not None and nationality != actor.kb_id_:
                mixed = True  # "500 Russian and Ukrainian prisoners": people of both sides, a total
            nationality = actor.kb_id_
            if _is_plural_demonym(actor):
                category, noun = "generic", actor
                j = actor.end
                break
            if steps == 0 and _invariant_demonym_noun(view, actor):
                category, noun = "generic", actor  # "five Lebanese were freed", "15 Kyrgyz for 16 Tajiks"
                rules.append("group.invariant_demonym")
                j = actor.end
                break
            j, steps = actor.end, steps + 1
            continue
        respectively = nationality is None and "respectively" in view.word_set
        if word in ("and", "or", ",") and (nationality is not None or respectively) \
                and noun is None and j + 1 < view.end:
            shared = _shared_noun(view, j + 1, bare=respectively)
            if shared is not None:  # "some 900 Peruvian and 400 Ecuadorian soldiers": one noun for both figures
                category, noun = shared
                rules.append("group.shared_noun")
                break
        tok = doc[j]
        if tok.is_punct and tok.text not in ("-", "'", "’"):
            break
        pool = view.doc_index.quantity_at[j]
        if pool is not None and [view.lower[m] for m in range(quantity.end, j)] in (["of", "the"], ["of"]):
            # "33 of the nearly 100 remaining hostages": the noun of the pool counts the 33
            j, steps = pool.end, steps + 1
            rules.append("group.share_of_pool")
            continue
        if actor is not None or view.doc_index.quantity_at[j] is not None:
            break
        if cue is not None and cue.label_ not in ("CATEGORY", "CAPTIVITY", "BACKGROUND", "STAGE") \
                and not _participle_adjective(view, cue):
            break
        if word in ("and", "or") and j + 1 < view.end and view.doc_index.quantity_at[j + 1] is None \
                and noun is None and steps > 0:
            j, steps = j + 1, steps + 1  # "33 Israeli and foreign hostages"
            continue
        if word in NOUN_STOP:
            break
        if word in CONTAINER_NOUNS and cue is None:
            held = _remains_inside(view, j)
            if held is not None and (held or word in COFFIN_NOUNS):
                category, noun = "bodies", doc[j:j + 1]  # "two coffins holding the remains of the soldiers"
                rules.append("group.coffins")
                j += 1
            break
        if word in ("ones", "one") and nationality is not None and noun is None and category is None:
            earlier = previous if previous is not None and previous.view is view else told_before
            if earlier is not None and earlier.noun is not None:
                # "handed over 5 Armenian servicemen, and Armenia 10 Azerbaijani ones": the noun told before
                category, noun = earlier.category, doc[j:j + 1]
                rules.append("group.demonym_ones")
                j += 1
            break
        if tok.is_lower and tok.is_alpha and len(tok) > 3 and word.endswith("s") \
                and not word.endswith(("ss", "us", "ous")) and cue is None:
            if nationality is not None and word in person_nouns_of(doc).plural and _transfer_governs(view, quantity):
                # "freed three Kenyan teachers", "handed over 12 Nepali engineers": people of a state, counted as
                # the object of a handover, whatever their trade (their category: the dyad's and the holder's)
                category, noun = "generic", doc[j:j + 1]
                rules.append("group.captive_object")
                j += 1
            break  # "3,200 letters between prisoners": another noun is counted
        if word in DEAD_MODIFIERS:
            dead = True
        if word in HOSTAGE_MODIFIERS:
            rules.append("group.kidnapped")
        j, steps = j + 1, steps + 1
    if mixed:
        nationality = None
        rules.append("group.mixed_nationality")
    if noun is not None:
        # "1,000 Ukrainian soldiers' bodies"
        k = noun.end
        if k < view.end and doc[k].text in ("'", "’", "'s", "’s"):
            nxt = view.cue(k + 1) if k + 1 < view.end else None
            if nxt is not None and nxt.label_ == "CATEGORY" and nxt.kb_id_ == "bodies":
                category, noun = "bodies", nxt
                rules.append("group.possessive_bodies")
        # "6,000 bodies of dead Ukrainian servicemen"
        if nationality is None and noun.end < view.end and view.lower[noun.end] == "of":
            for m in range(noun.end + 1, min(view.end, noun.end + 4)):
                actor = view.actor(m)
                if actor is not None and actor.label_ == "DEMONYM":
                    nationality = actor.kb_id_
                    rules.append("group.of_demonym")
                    break
        # "183 prisoners affiliated with the Houthis", "60 detainees linked to the Houthi movement"
        if nationality is None:
            k = noun.end
            pair = tuple(view.lower[m] for m in range(k, min(view.end, k + 2)))
            if pair in AFFILIATION:
                named = []
                for m in range(k + 2, min(view.end, k + 9)):
                    if view.lower[m] in (",", ";", "and", "who", "which") or view.lower[m] in NOT_A_PARTY:
                        break  # "detainees linked to the conflict in Yemen": the war, not a side
                    actor = view.actor(m)
                    if actor is not None and actor.label_ in ("GROUP", "STATE", "DEMONYM", "INSTITUTION"):
                        named.append(actor)
                # "affiliated with Yemen's rebel Ansar Allah movement": the movement, not the country
                chosen = next((a for a in named if a.label_ == "GROUP"), named[0] if named else None)
                if chosen is not None:
                    nationality = chosen.kb_id_
                    rules.append("group.affiliated")
        # "195 prisoners of war from the Armed Forces of Ukraine"
        if nationality is None:
            k = _shared_noun_end(view, noun)
            if k < view.end and view.lower[k] in ("from", "of"):
                m = k + 2 if k + 1 < view.end and view.lower[k + 1] == "the" else k + 1
                actor = view.actor(m) if m < view.end else None
                held = actor is not None and actor.end < view.end and view.cue(actor.end) is not None \
                    and view.cue(actor.end).label_ == "CAPTIVITY"  # "from Russian captivity" is the holder
                fighters_of = actor is not None and actor.label_ == "GROUP" and view.lower[k] == "of" \
                    and span_text(noun).lower() in FIGHTER_NOUNS  # "47 combatants of the M23", not its captives
                route = actor is not None and view.lower[k] == "from" and _route_pair(view, actor)
                if route:
                    route_giver = actor.kb_id_  # "the bodies of 212 soldiers from Russia to Ukraine": the giver
                elif actor is not None and (not held or fighters_of) and actor.start == m \
                        and (actor.label_ in ("STATE", "INSTITUTION", "DEMONYM") or fighters_of
                             or _capital_government(view, actor)):
                    nationality = actor.kb_id_
                    rules.append("group.of_state")
                    # "eight civilians from Russia's Kursk region": residents of a region, not its handover
                    from_phrase = view.lower[k] == "from" and not _home_region(view, actor)
        # "three civilians from the Kursk region": residents of a region named as a place go home to its state
        if nationality is None and noun.end < view.end and view.lower[noun.end] == "from":
            place = next((p for p in view.places if noun.end < p.start <= noun.end + 2), None)
            region = place is not None and (any(w in REGION_WORDS for w in span_text(place).lower().split())
                                            or (place.end < view.end and view.lower[place.end] in REGION_WORDS))
            if region and all(view.lower[m] == "the" for m in range(noun.end + 1, place.start)):
                nationality = place.kb_id_
                rules.append("group.of_region")
    before = _category_before(view, quantity)
    if before is not None:
        category, noun = before
        rules.append("group.bodies_of")
    elif category == "generic" and _remains_shared(view, quantity, previous):
        category = "bodies"  # "the remains of 41 Kuwaitis and two Saudis": the second figure's remains too
        rules.append("group.bodies_of_shared")
    if category is None and noun is None:
        predicate = _predicate_noun(view, quantity)
        if predicate is not None:
            category, noun = predicate.kb_id_, predicate  # "of those, 12 were civilians"
            rules.append("group.predicate_noun")
    if category is None:
        if quantity_of(quantity) is not None and quantity_of(quantity).rule == "qty.x_for_x":
            category = "generic"
            rules.append("group.x_for_x")
            swapped = _swapped_category(view, quantity)
            if swapped is not None:
                category = swapped  # "an exchange of bodies, 15 for 15": what the exchange is of
                rules.append("group.x_for_x_object")
        elif previous is None and _elliptic_follows(view, quantity) and _swap_verb_near(view, quantity):
            category = "generic"  # "330 more were swapped for 330": the article's people
            rules.append("group.implicit")
        elif (_elliptic_follows(view, quantity) or view.lower[quantity.end] in PLACE_LEADS) \
                and _bare_figure_each(view, quantity):
            category = "generic"  # "Each side freed seven.": the article's people, per side
            rules.append("group.implicit_each")
        elif previous is None and _gapped_pair_head(view, quantity):
            category = _sentence_category(view)  # "with Kyiv receiving 1,200 and Moscow 27": the swap's people
            rules.append(GAPPED_PAIR_RULE)
        elif previous is None and _appended_per_side(view, quantity):
            category = _sentence_category(view)  # "exchanged prisoners on Friday, 75 on each side"
            rules.append(APPENDED_PER_SIDE_RULE)
        elif previous is not None and previous.view is view and _from_side_part(view, quantity, previous):
            category = previous.category  # "43 sets of remains: 41 from Azerbaijan and 2 from Georgia"
            rules += ["group.elliptic", "group.from_side"]
        elif previous is None and told_before is not None and told_before.view.index == view.index - 1 \
                and told_before.count is not None and _first_of_told(view, quantity) and _elliptic_follows(view, quantity):
            category = told_before.category  # "... 6,000 bodies each. The first 1,212 were handed over on Thursday."
            rules += ["group.elliptic", "group.first_of_told"]
        elif previous is not None and previous.view is view and _elliptic_follows(view, quantity):
            category = previous.category
            verb_between = any(view.cue(k) is not None and view.cue(k).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
                               for k in range(previous.end, quantity.start))
            if not verb_between:  # "... and received 24 in return": a new verb, a new direction
                nationality = nationality or previous.nationality
            rules.append("group.elliptic")
            if previous.per_side:
                rules.append("group.elliptic_per_side")
        else:
            return None
    if dead and category in ("pows", "generic"):
        category = "bodies"
        rules.append("group.dead_modifier")
    elif noun is not None and _kidnapped_after(view, noun):
        rules.append("group.kidnapped")  # "three soldiers that it kidnapped"
    if "group.kidnapped" in rules and category in ("pows", "civilians", "generic"):
        category = "hostages"  # "three kidnapped soldiers" freed by the group that took them
    if route_giver is not None:
        rules.append(FROM_TO_RULE)
    group = Group(view=view, quantity=quantity, noun=noun, count=count, category=category,
                  nationality=nationality, nationality_from_phrase=from_phrase, rules=rules, giver=route_giver)
    if "group.elliptic" in rules and quantity.end + 1 < view.end and view.lower[quantity.end] == "on":
        # "8 soldiers on Sunday and 6 on Monday": the day right after the bare figure is its own, not the one
        # that ends just before it
        own_day = next((d for d in view.dates if d.start == quantity.end + 1), None)
        if own_day is not None:
            group.date_at = own_day.start
    if (quantity_of(quantity) is not None and quantity_of(quantity).per_side) or "group.elliptic_per_side" in rules:
        group.per_side = True
    return group


def _adjectives_end(view: SentenceView, k: int) -> int | None:
    """Past the nationality adjectives at k ('Peruvian', 'US', 'Houthi'): the token after them, or None."""
    start = k
    while k < view.end and k - start < 4:
        actor = view.actor(k)
        if actor is None or actor.start != k or actor.label_ not in ("DEMONYM", "STATE", "GROUP") \
                or (actor.label_ == "DEMONYM" and _is_plural_demonym(actor)):
            break
        k = actor.end
    return k if k > start else None


def _shared_noun(view: SentenceView, k: int, depth: int = 0, *, bare: bool = False) -> tuple[str, Span] | None:
    """'some 900 Peruvian and 400 Ecuadorian soldiers': the figure at token k, its nationality adjectives,
    then the person noun that the figure before the 'and' shares (rule group.shared_noun); a list
    ('900 Peruvian, 400 Ecuadorian and 60 Chilean soldiers') reaches the noun after the last figure. With
    `bare`, figures with no adjectives share it too ('released 32 and two prisoners respectively')."""
    quantity = view.doc_index.quantity_at[k]
    if quantity is None or quantity.start != k or depth > 4:
        return None
    j = _number_end_token(view, quantity)
    while j < quantity.end and view.lower[j] in QUALIFIER_TAIL:
        j += 1
    j = _adjectives_end(view, max(j, quantity.end)) or (max(j, quantity.end) if bare else None)
    if j is None or j >= view.end:
        return None
    if view.lower[j] in ("and", "or", ",") and j + 1 < view.end:
        return _shared_noun(view, j + 1 if view.lower[j + 1] not in ("and", "or") else j + 2, depth + 1, bare=bare)
    cue = view.cue(j)
    if cue is None or cue.label_ != "CATEGORY" or cue.start != j:
        return None
    return cue.kb_id_, cue


COFFIN_NOUNS = frozenset({"coffins", "coffin", "caskets", "casket"})
CONTAINER_NOUNS = COFFIN_NOUNS | frozenset({"boxes", "box", "urns", "urn", "containers", "cases", "body bags", "bags"})
REMAINS_WORDS = frozenset({"remains", "bodies", "body", "ashes"})
CONTAINER_REACH = 6  # tokens from the container to the remains: "boxes thought to contain the remains of"


def _remains_inside(view: SentenceView, k: int) -> bool | None:
    """The container noun at k ('two coffins', '55 boxes') counts the dead inside it (rule group.coffins): True when
    the remains are named after it ('holding the remains of the soldiers'), False when nothing is ('12 coffins'),
    None when the remains have a figure of their own ('boxes thought to contain the remains of about 60 airmen'):
    that figure counts them, not the boxes."""
    for m in range(k + 1, min(view.end, k + 1 + CONTAINER_REACH)):
        if view.lower[m] in REMAINS_WORDS:
            for q in range(m + 1, min(view.end, m + 5)):
                if view.doc_index.quantity_at[q] is not None:
                    return None
                if view.lower[q] in (",", ";", ".", "and", "who", "which", "whose"):
                    break
            return True
        if view.lower[m] in (",", ";", ".", ":") or view.doc_index.quantity_at[m] is not None:
            break
    return False


PARTICIPLES = frozenset({"freed", "released", "returned", "repatriated", "exchanged", "swapped", "liberated"})


def _participle_adjective(view: SentenceView, cue: Span) -> bool:
    """'a plane carrying 48 freed Armenian soldiers landed in Yerevan': in a sentence that tells a journey
    (a route cue), a release participle between a figure and its noun describes the people moved; it is
    not the verb. (Elsewhere 'the three released hostages' names people already counted.)"""
    if len(cue) != 1 or span_text(cue).lower() not in PARTICIPLES or not view.has_cue("ROUTE"):
        return False
    for k in range(cue.end, min(view.end, cue.end + 3)):
        nxt, actor = view.cue(k), view.actor(k)
        if nxt is not None and nxt.label_ == "CATEGORY":
            return True
        if actor is None or actor.label_ not in ("DEMONYM", "GROUP"):
            return False
    return False


def _predicate_noun(view: SentenceView, quantity: Span) -> Span | None:
    """'Of them, 12 were civilians': the category noun after 'were' names what a bare figure counts."""
    k = _number_end_token(view, quantity)
    if k + 1 >= view.end or view.lower[k] not in ("were", "are"):
        return None
    cue = view.cue(k + 1)
    if cue is None or cue.label_ != "CATEGORY" or cue.kb_id_ in ("generic", "foreigners"):
        return None
    return cue


def _kidnapped_after(view: SentenceView, noun: Span) -> bool:
    """'three soldiers that it kidnapped' (not 'nine conscripts for the kidnapped mayor': another noun's
    adjective)."""
    for k in range(noun.end, min(view.end, noun.end + 4)):
        if view.lower[k] in HOSTAGE_MODIFIERS:
            return True
        if view.lower[k] in ("for", "the", "a", "an", "of", "with", "and") or view.cue(k) is not None:
            return False
    return False


REGION_WORDS = frozenset({"region", "regions", "oblast", "province", "provinces", "district", "city", "town",
                          "village", "villages", "border", "area", "territory"})


def _home_region(view: SentenceView, actor: Span) -> bool:
    """'from Russia's Kursk region', 'from Armenia's Syunik province': a possessive state and a region."""
    after = view.words_between(actor.end, min(view.end, actor.end + 4))
    if not span_text(actor).lower().endswith(("'s", "’s")):
        if not after or after[0] not in ("'s", "’s", "'", "’"):
            return False
        after = after[1:]
    return any(w in REGION_WORDS for w in after[:3])


AFFILIATION = frozenset({("affiliated", "with"), ("linked", "to"), ("belonging", "to"), ("loyal", "to"),
                         ("aligned", "with"), ("associated", "with"), ("members", "of"), ("fighting", "for")})


PLACE_LEADS = frozenset({"at", "on", "across", "near", "via", "through"})  # "handed over seven at the bridge"
ELLIPTIC_NEXT = frozenset({"to", "for", "and", "each", "were", "was", "have", "had", "are", "is", "more", "of", "in",
                           "back"})


def _swap_verb_near(view: SentenceView, quantity: Span) -> bool:
    for k in range(quantity.end, min(view.end, quantity.end + 4)):
        cue = view.cue(k)
        if cue is not None and (cue.label_ in ("EXCHANGE", "HOME") or (cue.label_ == "FOR" and cue.kb_id_ != "for")):
            return True  # swapped or came home; not 'five recaptured' after a jailbreak
    return False


SIDE_LABELS = frozenset({"STATE", "GROUP", "CAPITAL"})
# plural endings of nouns for people by what they do ("teachers", "chemists", "attendants", "trainees",
# "fishermen", "technicians"); a thing counted after a demonym ("40 Russian tanks") has none of them
def _transfer_governs(view: SentenceView, quantity: Span) -> bool:
    """A handover verb stands before the figure in its clause ('freed three Kenyan teachers'), or the figure
    opens a list set after another counted figure of the clause ('freed five hostages, three Kenyan teachers')."""
    start = quantity.start
    if start - 1 > view.start and view.lower[start - 1] == ",":
        # the list's head: a figure just before the comma ("five hostages, three ...")
        head = next((view.doc_index.quantity_at[k] for k in range(start - 2, max(view.start, start - 6) - 1, -1)
                     if view.doc_index.quantity_at[k] is not None), None)
        if head is not None:
            start = head.start
    lo, _ = view.clause_bounds(start)
    return any(view.cue(k) is not None and view.cue(k).label_ in TRANSFER_LABELS
               for k in range(max(lo, view.start), start))


def _from_side_part(view: SentenceView, quantity: Span, previous: "Group") -> bool:
    """'43 sets of remains: 41 from Azerbaijan and 2 from Georgia': a bare figure 'from' a side, in a list
    opened by a colon or dash after the figure before (a breakdown by who gave them)."""
    if _from_side_actor(view, quantity.end) is None or previous.quantity is None:
        return False
    tail = _from_side_actor(view, previous.quantity.end)
    between = view.words_between(tail.end if tail is not None else previous.end, quantity.start)
    if tail is not None:  # "41 from Azerbaijan and 2 from Georgia": the list goes on
        return between in (("and",), (",",), (",", "and"))
    return any(w in (":", "-", "–", "—") for w in between)


def _from_side_actor(view: SentenceView, k: int) -> Span | None:
    """The side named in 'from <side>' / 'from the <side>' at token k, else None."""
    if k + 1 >= view.end or view.lower[k] != "from":
        return None
    m = k + 2 if view.lower[k + 1] == "the" and k + 2 < view.end else k + 1
    actor = view.actor(m)
    if actor is None or actor.start != m or actor.label_ not in SIDE_LABELS:
        return None
    return actor


def _bare_figure_each(view: SentenceView, quantity: Span) -> bool:
    """'Each side freed seven', 'the two sides handed over seven each': a bare figure right after a transfer verb
    in a sentence where 'each' (its own word, not 'each other') says the figure is per side."""
    read = quantity_of(quantity)
    if read is not None and read.per_side and any(
            view.cue(k) is not None and view.cue(k).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
            for k in range(quantity.start, quantity.end)):
        return True  # the recogniser's own per-side figure: "each side freed seven"
    verb = view.cue(quantity.start - 1) if quantity.start > view.start else None
    if verb is None or verb.end != quantity.start or verb.label_ not in ("GIVE", "RECEIVE", "HOME", "EXCHANGE"):
        return False
    return any(c.kb_id_ == "each" and not (c.end < view.end and view.lower[c.end] == "other")
               for c in view.cues_with("EACH"))


FIRST_OF_WORDS = frozenset({"first", "last", "remaining", "final"})


def _first_of_told(view: SentenceView, quantity: Span) -> bool:
    """'The first 1,212 were handed over', 'the remaining 50 will be freed': a bare figure that opens its sentence
    after 'the first' / 'the remaining', the subject of a transfer verb, counts the people of the figure told in
    the sentence before (rule group.first_of_told)."""
    k = quantity.start
    if not (k - 2 >= view.start and view.lower[k - 1] in FIRST_OF_WORDS and view.lower[k - 2] == "the"
            and k - 2 - view.start <= 2):
        return False
    return any(view.cue(m) is not None and view.cue(m).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
               for m in range(quantity.end, min(view.end, quantity.end + 6)))


GAPPED_PAIR_RULE = "group.gapped_pair"


def _gapped_pair_head(view: SentenceView, quantity: Span) -> bool:
    """'with Kyiv receiving 1,200 and Moscow 27', 'Ethiopia freed 40 and Eritrea 25': a bare figure right after a
    transfer verb whose subject, a side, stands right before it, and after the figure 'and', another side and a
    bare figure of its own (the gapped clause, read by direction.gapped_subject): the first figure counts the
    people too (rule group.gapped_pair)."""
    k = quantity.start
    verb = view.cue(k - 1) if k > view.start else None
    if verb is None or verb.end != k or verb.label_ not in ("GIVE", "RECEIVE") or verb.start <= view.start:
        return False
    subject = view.actor(verb.start - 1)
    if subject is None or subject.end != verb.start or subject.label_ not in GAPPED_LABELS:
        return False
    m = quantity.end
    if m + 1 >= view.end or view.lower[m] not in GAPPING_LEADS:
        return False
    other = view.actor(m + 1)
    if other is None or other.start != m + 1 or other.label_ not in GAPPED_LABELS or other.kb_id_ == subject.kb_id_:
        return False
    return other.end < view.end and view.doc_index.quantity_at[other.end] is not None


APPENDED_PER_SIDE_RULE = "group.appended_per_side"


def _appended_per_side(view: SentenceView, quantity: Span) -> bool:
    """'Russia and Ukraine exchanged prisoners on Friday, 75 on each side': a bare per-side figure set off by a
    comma after a swap of people told with no figure counts those people, per side (rule
    group.appended_per_side)."""
    read = quantity_of(quantity)
    if read is None or not read.per_side or quantity.start - 1 <= view.start or view.lower[quantity.start - 1] != ",":
        return False
    if not _elliptic_follows(view, quantity):
        return False
    swap = next((c for c in view.cues_with("EXCHANGE") if c.end <= quantity.start), None)
    return swap is not None and any(swap.end <= c.start < quantity.start for c in view.cues_with("CATEGORY"))


def _sentence_category(view: SentenceView) -> str:
    """The one category the sentence's people words name ('exchanged prisoners of war'), else the article's
    people ('generic')."""
    kinds = {c.kb_id_ for c in view.cues_with("CATEGORY")} - {"generic"}
    return next(iter(kinds)) if len(kinds) == 1 else "generic"


def _elliptic_follows(view: SentenceView, quantity: Span) -> bool:
    """'10 prisoners went to Russia, 13 to Germany': a bare figure after a counted group."""
    if quantity.end >= view.end:
        return True
    nxt = view.sent.doc[quantity.end]
    cue = view.cue(nxt.i)
    if nxt.lower_ == "on" and any(d.start == nxt.i + 1 for d in view.dates):
        return True  # "13 hostages on Monday, 13 on Tuesday and 13 on Wednesday": a figure per day
    if nxt.is_space:
        return _headline_second_verb(view, quantity)
    return nxt.is_punct or nxt.lower_ in ELLIPTIC_NEXT or (cue is not None and cue.label_ in ("GIVE", "RECEIVE", "HOME"))


def _headline_second_verb(view: SentenceView, quantity: Span) -> bool:
    """A figure that ends a headline line, told as the second verb of the line's one speaker ('Russia hands over
    757 bodies to Kyiv, receives 34'), not a figure another speaker gives ('...; Moscow says it handed over 153')."""
    return not any(view.lower[k] == ";" or (view.cue(k) is not None and view.cue(k).label_ == "ATTRIBUTION")
                   for k in range(view.start, quantity.start))


CATEGORIES = frozenset({"pows", "civilians", "bodies", "hostages", "prisoners"})
CIVIL_WORDS = frozenset({"citizens", "nationals", "residents"})
MILITARY_WORDS = frozenset({"military", "soldiers", "servicemen", "troops", "combatants", "fighters", "pows",
                            "captured", "servicemembers", "defenders", "army"})
CAPTIVE_WORDS = frozenset({"captives", "captive"})
HELD_CIVILIAN_WORDS = frozenset({"women and children", "women", "children", "civilians", "civilian", "kids",
                                 "civilian hostages", "minors", "girls", "boys", "elderly", "captives", "captive"})


def _citizens_mixed(group: Group) -> bool:
    """'307 citizens, among them 21 servicemen', '12 citizens, including three civilians', '5,757 citizens
    freed since 2022': citizens that cover soldiers too (a military word, a breakdown, a running total)."""
    view = group.view
    if not PART_OF.isdisjoint(view.word_set):
        return True
    # the noun of another figure in another clause ("in exchange for 110 citizens, it freed 108 soldiers")
    # covers those, not these; one coordinated beside them ("116 soldiers and nine nationals") mixes them in
    lo, hi = view.clause_bounds(group.start)
    others = [q for q in view.quantities if not lo <= q.start < hi]
    if any(view.lower[k] in MILITARY_WORDS and not any(0 <= k - q.end <= 4 for q in others)
           for k in range(view.start, view.end)):
        return True
    return view.has_cue("TALLY") or any(span_text(d).lower().startswith("since") for d in view.dates)


def refine_category(group: Group, context: ArticleContext) -> None:
    """Category by dyad and holder, once the sides are known: captives between two states' forces are
    pows; women, children and captives held by an armed group are hostages."""
    noun = span_text(group.noun).lower() if group.noun is not None else ""
    if group.per_side:
        giver, receiver = context.sides if context.sides is not None and not context.multi else (None, None)
    else:
        giver, receiver = group.giver, group.receiver
    if group.category == "hostages" and noun in CAPTIVE_WORDS and "group.kidnapped" not in group.rules:
        held_by_group = giver is not None and not group.per_side and not context.is_state(giver)
        if not held_by_group and (context.between_states() or context.default_category == "pows"):
            group.category = "pows"  # captives taken between two armed forces
            group.rules.append("category.captives_between_forces")
        return
    hostage_taker = context.fixed_sides("hostages")
    if "category.dyad_default" in group.rules and group.category != "hostages" and hostage_taker is not None \
            and giver == hostage_taker[0] and not group.per_side:
        group.category = "hostages"  # "Hamas freed 6 Nepali workers": people the hostage-taker frees are hostages
        group.rules.append("category.held_by_group")
        return
    if "category.dyad_default" in group.rules and group.category == "hostages" and hostage_taker is not None \
            and giver == hostage_taker[1] and receiver in (None, hostage_taker[0]) and not group.per_side:
        group.category = "prisoners"  # "the government freed 40 jailed rebels": the state's prisoners, not hostages
        group.rules.append("category.held_by_state")
        return
    if group.category == "civilians" and not group.per_side and giver is not None \
            and context.fixed_sides("prisoners") == (giver, receiver):
        group.category = "prisoners"  # "150 Palestinian women and children" freed from Israeli jails
        group.rules.append("category.held_by_state")
        return
    if group.category == "civilians" and noun == "civilian" and context.default_category == "prisoners" \
            and group.noun.end < group.view.end and group.view.lower[group.noun.end] in STATE_HELD_PLURALS:
        group.category = "prisoners"  # "22 civilian prisoners" between two states' justice systems
        group.rules.append("category.held_by_state")
        return
    if group.category in ("civilians", "prisoners") and giver is not None and not group.per_side \
            and giver not in SEVERAL_STATES and not context.is_state(giver) and _trade_noun(group):
        group.category = "hostages"  # "Al-Shabaab freed four Kenyan teachers": no justice system holds them
        group.rules.append("category.held_by_group")
        return
    if group.category == "civilians" and noun in HELD_CIVILIAN_WORDS and giver is not None \
            and giver not in SEVERAL_STATES and not context.is_state(giver):
        group.category = "hostages"  # held by an armed group, not by a state
        group.rules.append("category.held_by_group")


SEAFARERS = frozenset({"sailors", "sailor", "crew", "crew members", "crewmen", "seafarers", "seamen", "fishermen"})
CIVIL_VESSEL = frozenset({"fishing", "civilian", "merchant", "cargo", "commercial", "tanker", "trawler", "rescue",
                          "passenger"})


def _civil_crew(group: Group) -> bool:
    """'30 sailors seized from a fishing boat', '14 sailors from the civilian ship': the crew of a
    civilian vessel, not naval captives."""
    view, noun = group.view, group.noun
    if noun is None or span_text(noun).lower() not in SEAFARERS:
        return False
    return any(w in CIVIL_VESSEL for w in view.words_between(noun.end, min(view.end, noun.end + 7)))


def civil_crews_alike(groups: list[Group]) -> None:
    """'14 Russian sailors were allowed home ... Fourteen sailors from the civilian ship': the crew
    told again without its vessel is the same civilian crew."""
    civil = {(g.count.value, g.nationality) for g in groups
             if "category.civil_crew" in g.rules and g.count is not None and g.count.value}
    if not civil:
        return
    for g in groups:
        if g.category == "pows" and g.noun is not None and span_text(g.noun).lower() in SEAFARERS \
                and g.count is not None and any(v == g.count.value and n in (None, g.nationality) for v, n in civil):
            g.category = "civilians"
            g.rules.append("category.civil_crew")


def resolve_category(group: Group, context: ArticleContext) -> None:
    if group.category in ("pows", "generic") and _civil_crew(group):
        group.category = "civilians"
        group.rules.append("category.civil_crew")
        return
    if group.category == "foreigners":
        # foreign volunteers handed to a third country: no side receives them
        group.category = context.default_category
        group.transit = True
        group.rules.append("category.foreigners")
        return
    if "group.x_for_x" in group.rules:
        # "a '500 for 500' handover of war dead": the noun after the formula names what is swapped
        view = group.view
        for k in range(group.end, min(view.end, group.end + 6)):
            cue = view.cue(k)
            if cue is not None and cue.label_ == "CATEGORY" and cue.kb_id_ in CATEGORIES:
                group.category = cue.kb_id_
                group.rules.append("category.formula_noun")
                return
            if view.lower[k] in (".", ";", "and", "while"):
                break
    if group.category == "generic" and group.noun is not None and span_text(group.noun).lower() in CIVIL_WORDS \
            and context.default_category == "pows" and not _citizens_mixed(group):
        group.category = "civilians"  # "13 citizens of Armenia" in a war between two armies
        group.rules.append("category.citizens")
        return
    if group.category == "generic" and context.default_category == "pows" and group.nationality is not None \
            and _third_country(group.nationality, context) and _trade_noun(group):
        # "two German nurses", "three Nepali engineers" in a war between two other sides: civilians caught in
        # it, not its soldiers (held by an armed group they become its hostages: category.held_by_group)
        group.category = "civilians"
        group.rules.append("category.foreign_civilians")
        return
    if group.category == "generic":
        category = context.default_category
        if group.nationality is not None:
            for cat, (giver, receiver) in context.category_sides.items():
                if receiver == group.nationality:
                    category = cat
                    break
            else:
                if _third_country(group.nationality, context) and "hostages" in context.category_sides:
                    # "12 Thai nationals" freed in a hostages-for-prisoners swap: foreign hostages, not
                    # the state's prisoners
                    group.category = "hostages"
                    group.rules.append("category.third_country_hostages")
                    return
        if category == "hostages" and group.noun is not None \
                and span_text(group.noun).lower() in STATE_HELD_WORDS:
            # "freed 180 jihadist prisoners" in a war with hostage-takers: a state's prisoners (a group's
            # prisoners become hostages again once the group turns out to free them: category.held_by_group)
            category = "prisoners"
            group.rules.append("category.held_by_state")
        group.category = category
        group.rules.append("category.dyad_default")


STATE_HELD_WORDS = frozenset({"prisoners", "prisoner", "detainees", "detainee", "inmates", "convicts"})


# words for people as such, not for what they do: "five nationals", "20 people", "12 men" beside a war's
# captives may be its soldiers or its civilians, as the dyad says
COLLECTIVE_PEOPLE = STATE_HELD_WORDS | CIVIL_WORDS | frozenset({
    "people", "persons", "individuals", "men", "women", "boys", "girls", "minors", "teenagers", "elderly", "others",
    "those", "names"})


def _trade_noun(group: Group) -> bool:
    """The group's noun names people by what they do ('nurses', 'engineers', 'aid workers'): not a word for people
    held ('prisoners', 'detainees'), for people as such ('nationals', 'men') nor a demonym ('15 Saudis')."""
    noun = group.noun
    if noun is None or span_text(noun).lower() in COLLECTIVE_PEOPLE:
        return False
    if "group.captive_object" in group.rules:  # "three Kenyan teachers": a noun of the person-noun lexicon
        return True
    cue = group.view.cue(noun.start)
    return cue is not None and cue.label_ == "CATEGORY" and cue.kb_id_ == "generic" and cue.start == noun.start
STATE_HELD_PLURALS = STATE_HELD_WORDS - {"prisoner", "detainee"}  # "22 civilian prisoners"


def _third_country(nationality: str, context: ArticleContext) -> bool:
    """A state that is neither side of the dyad nor the receiver of one of its categories."""
    return context.is_state(nationality) and (context.sides is None or nationality not in context.sides) \
        and nationality not in {r for _, r in context.category_sides.values()} \
        and nationality not in {g for g, _ in context.category_sides.values()}


DETERMINERS = frozenset({"the", "its", "their", "his", "her", "a", "an", "territory", "territories", "side",
                         "controlled", "by", "of"})


ADDITIVE = (("in", "addition", "to"), ("as", "well", "as"), ("along", "with"), ("together", "with"), ("plus",))


ADDITIVE_LAST = frozenset(a[-1] for a in ADDITIVE)


def _added(view: SentenceView, group: Group) -> bool:
    words = tuple(view.lower[max(view.start, group.start - 3):group.start])
    return bool(words) and words[-1] in ADDITIVE_LAST and any(words[-len(a):] == a for a in ADDITIVE)


ARMED_BODIES = frozenset({"rebel", "rebels", "armed", "militia", "militias", "movement", "alliance", "guerrilla",
                          "guerrillas", "insurgency", "insurgents", "faction", "brigade", "brigades", "paramilitary",
                          "paramilitaries", "group"})


def _members_of_armed(view: SentenceView, k: int) -> bool:
    """'members of the rebel alliance', 'members of the M23': members of an armed side (not of an orchestra)."""
    if k + 1 >= view.end or view.lower[k + 1] != "of":
        return False
    for m in range(k + 2, min(view.end, k + 6)):
        actor = view.actor(m)
        if (actor is not None and actor.label_ == "GROUP") or view.lower[m] in ARMED_BODIES:
            return True
        if view.lower[m] in (",", ";", ".", "and", "who", "which"):
            return False
    return False


FIGHTER_NOUNS = frozenset({"fighters", "combatants", "militants", "guerrillas", "rebels", "members", "elements"})
FORCE_MEMBER_NOUNS = frozenset({"members", "member", "elements", "personnel"})
FORCE_WORDS = frozenset({"army", "armies", "military", "navy", "police", "forces", "force", "gendarmerie", "guard",
                         "guards", "troops"})


def _member_of_force(view: SentenceView, k: int) -> str | None:
    """'56 elements of the FARDC', '40 members of the Congolese army', 'personnel of Ukraine's armed forces':
    members of a state's armed force are its soldiers (rule group.members_of_force); the state, or None."""
    if k + 2 >= view.end or view.lower[k + 1] != "of":
        return None
    m = k + 2
    if view.lower[m] in ("the", "its", "their"):
        m += 1
    actor = view.actor(m) if m < view.end else None
    if actor is None or actor.start != m:
        return None
    words = span_text(actor).split()
    if actor.label_ == "INSTITUTION" and (any(w.lower() in FORCE_WORDS for w in words)
                                          or (len(words) == 1 and words[0][:2].isupper())):
        return actor.kb_id_  # "the FARDC", "the Sudanese Armed Forces"
    if actor.label_ in ("STATE", "DEMONYM"):
        n = actor.end
        if n < view.end and view.lower[n] in ("'s", "’s"):
            n += 1
        for q in range(n, min(view.end, n + 2)):
            if view.lower[q] in FORCE_WORDS:
                return actor.kb_id_  # "the Congolese army", "Ukraine's armed forces"
            if view.lower[q] not in ("armed", "regular", "national", "security", "border"):
                break
    return None


FORCE_ADJECTIVES = frozenset({"armed", "regular", "national", "security", "border", "government", "state", "federal"})


def _of_unnamed_force(view: SentenceView, k: int) -> bool:
    """'60 members of the security forces', 'personnel of the armed forces': an armed force the text names by
    no state (the state side of the article: its dyad fills it in)."""
    if k + 2 >= view.end or view.lower[k + 1] != "of":
        return False
    m = k + 2
    if view.lower[m] in ("the", "its", "their"):
        m += 1
    if m < view.end and view.actor(m) is not None:
        return False
    while m < view.end and view.lower[m] in FORCE_ADJECTIVES:
        m += 1
    return m < view.end and view.lower[m] in FORCE_WORDS


GROUP_MEMBER_NOUNS = frozenset({"members", "member", "supporters", "loyalists", "operatives", "cadres", "affiliates"})
NOT_A_PARTY = frozenset({"conflict", "war", "fighting", "hostilities", "crisis", "situation", "violence"})
FUTURE_RELEASE_LEADS = frozenset({"will", "would", "be", "to", "is", "are", "due", "set", "was", "were"})


def _named_for_release(view: SentenceView, quantity: Span) -> bool:
    """'gave mediators the names of three hostages it will release on Saturday': a list of those to be
    freed in the coming handover is a count of that handover (rule group.named_for_release)."""
    for k in range(quantity.end, min(view.end, quantity.end + 8)):
        if view.lower[k] in (".", ";", ":"):
            return False
        cue = view.cue(k)
        if cue is not None and cue.start == k and cue.label_ == "GIVE" and cue.kb_id_ in ("release", "handover") \
                and k - 1 > quantity.end and view.lower[k - 1] in FUTURE_RELEASE_LEADS:
            return True
    return False


def _actor_after(view: SentenceView, i: int, limit: int) -> Span | None:
    """The party named right after a preposition, past determiners only ('to the U.S.')."""
    for k in range(i, min(view.end, i + limit)):
        actor = view.actor(k)
        if actor is not None and actor.label_ in SUBJECT_LABELS | {"ORG"}:
            return actor
        if view.lower[k] not in DETERMINERS:
            return None
    return None


def _listed(view: SentenceView, actor: Span) -> bool:
    """'the US, and allies Germany, Norway, Slovenia and Poland freed ...': several givers."""
    for k in range(max(view.start, actor.start - 3), actor.start):
        other = view.actor(k)
        if other is not None and other.kb_id_ != actor.kb_id_ and other.label_ in SUBJECT_LABELS \
                and any(view.lower[m] in (",", "and") for m in range(other.end, actor.start)) \
                and not _object_of_preposition(view, _list_head(view, other)) \
                and not any(view.lower[m] in CONTRAST_LEADS for m in range(other.end, actor.start)):
            return True  # not "... back to Armenia, while Azerbaijan received 22": a clause of its own
    # "the Saudi-led coalition and their rivals, the Houthi rebels, released ...": both sides
    for k in range(max(view.start, actor.start - 10), actor.start):
        other = view.actor(k)
        if other is not None and other.kb_id_ != actor.kb_id_ and other.label_ in SUBJECT_LABELS | {"MULTI"}:
            between = set(view.words_between(other.end, actor.start))
            if "and" in between and between & RIVAL_WORDS:
                return True
            # "Yemen's internationally recognised government and the Houthi movement agreed": one coordinated
            # subject of two parties, with no verb or stop between them
            if k >= actor.start - 8 and "and" in between and not between & {",", ";", ":", "(", ")", "while", "but"} \
                    and not any(view.cue(m) is not None for m in range(other.end, actor.start)) \
                    and other.label_ in SUBJECT_LABELS and _subject_start(view, other):
                return True
    return False


SEVERAL_STATES_RULE = "direction.several_states_side"
LIST_GLUE = frozenset({",", "and", "the", "as", "well", "its", "their", "allies", "ally", "partners"})


def listed_states(view: SentenceView, last: Span) -> list[str]:
    """The states of the list that ends with state `last` after 'and' ('the United States, Germany, Poland and
    Norway'), in text order: only list words between them; none when the list is the object of a preposition
    ('mediated by Qatar and Egypt, Israel ...')."""
    if last.label_ not in ("STATE", "CAPITAL"):
        return []
    k = last.start - 1
    while k >= view.start and view.lower[k] == "the":
        k -= 1
    if k < view.start or view.lower[k] != "and":
        return []
    items = _list_items(view, last)
    if any(a.label_ not in ("STATE", "CAPITAL") for a in items) or _object_of_preposition(view, items[0]):
        return []
    return list(dict.fromkeys(a.kb_id_ for a in items))


def _list_items(view: SentenceView, last: Span) -> list[Span]:
    """The parties of the list that ends with `last`, in text order, with only list words between them."""
    items = [last]
    k = last.start - 1
    while k >= view.start and view.lower[k] in LIST_GLUE:
        k -= 1
        actor = view.actor(k) if k >= view.start else None
        if actor is not None and view.lower[k] not in LIST_GLUE:
            items.insert(0, actor)
            k = actor.start - 1
    return items


def _list_head(view: SentenceView, actor: Span) -> Span:
    """The first party of the list that `actor` ends ('by Qatar, Egypt and the United States': Qatar)."""
    return _list_items(view, actor)[0]


def _several_states_side(view: SentenceView, group: "Group", subject: Span, context: ArticleContext) -> bool:
    """'Poland and Lithuania handed over five people to Belarus': several states on one side give, no one of
    them alone (README: a side made of several states is null); not both sides of the article's swap ('Armenia
    and Azerbaijan freed ...') nor a list that holds the people's own state."""
    states = listed_states(view, subject)
    if len(states) < 2 or group.nationality in states or group.receiver in states:
        return False
    return context.sides is None or not set(context.sides) <= set(states)


def _object_of_preposition(view: SentenceView, actor: Span) -> bool:
    """'mediated by Saudi Arabia, Yemen's government freed ...': a party after a preposition ends a phrase of its
    own, it is no item of a list of subjects (direction.mediator_not_side)."""
    k = actor.start - 1
    if k >= view.start and view.lower[k] == "the":
        k -= 1
    return k >= view.start and view.lower[k] in PREPOSITIONS | {"by"}


def _shared_noun_end(view: SentenceView, noun: Span) -> int:
    """Where the phrase after the people noun starts: after a second noun coordinated with it ('45 soldiers and
    policemen of the Kabul administration': the 'of' phrase is both nouns')."""
    k = noun.end
    if k + 1 < view.end and view.lower[k] == "and":
        other = view.cue(k + 1)
        if other is not None and other.label_ == "CATEGORY" and other.start == k + 1:
            return other.end
    return k


CAPITAL_GOVERNMENT = frozenset({"administration", "government", "regime", "authorities"})


def _capital_government(view: SentenceView, actor: Span) -> bool:
    """'soldiers of the Kabul administration': a capital before a government noun is its state."""
    return actor.label_ == "CAPITAL" and actor.end < view.end and view.lower[actor.end] in CAPITAL_GOVERNMENT


def _subject_start(view: SentenceView, actor: Span) -> bool:
    """The actor opens its clause (after a determiner at most): the head of a subject, not inside an object."""
    k = actor.start - 1
    while k >= view.start and view.lower[k] in ("the", "both"):
        k -= 1
    return k < view.start or view.lower[k] in (",", ";", ":", "—", "-", "(", "and") or view.cue(k) is not None \
        and view.cue(k).label_ in ("ATTRIBUTION", "BACKGROUND")


CONTRAST_LEADS = frozenset({"while", "whereas", "but", "although", "though"})
RIVAL_WORDS = frozenset({"rivals", "rival", "opponents", "foes", "enemies", "adversaries", "counterparts"})


BOTH_WORDS = frozenset({"sides", "parties", "both", "two", "warring"})
BOTH_SUBJECTS = frozenset({"delegations", "sides", "parties", "negotiators", "belligerents"})
BOTH_DETERMINERS = ("the", "both", "two", "warring")  # before BOTH_SUBJECTS: "the two delegations"


def _both_sides(view: SentenceView, subject: Span, verb: Span) -> bool:
    """'Yemen's warring sides agreed to free ...': both sides act, neither alone gives."""
    return any(view.lower[k] in BOTH_WORDS for k in range(subject.end, min(verb.start, subject.end + 4)))


def _listed_after(view: SentenceView, actor: Span) -> bool:
    """'held in the United States, Germany, Poland and Slovenia': several holders."""
    k = actor.end
    return k + 1 < view.end and view.lower[k] in (",", "and") and view.actor(k + 1) is not None


def _group_anaphor_between(view: SentenceView, lo: int, hi: int) -> bool:
    """'the group' / 'the movement' between a named armed group and the verb: it stands for that group."""
    return any(view.lower[k] in GROUP_ANAPHORS and view.lower[k - 1] == "the" and view.actor(k) is None
               for k in range(max(lo, view.start + 1), hi))


GROUP_ANAPHORS = frozenset({"group", "movement", "militia", "militants", "rebels", "insurgents", "guerrillas"})
GROUP_NOUNS = GROUP_ANAPHORS | {"faction", "factions", "groups", "movements", "militias", "organisation",
                                "organization"}
DEMONYM_OF_GROUP_RULE = "direction.demonym_of_group"


def _demonym_of_group(view: SentenceView, actor: Span) -> bool:
    """'by a Palestinian faction', 'by Afghan militants': a demonym before a group noun (one modifier may come
    between) names a group of that people, not its state."""
    if actor.label_ != "DEMONYM":
        return False
    k = actor.end
    if k < view.end and view.lower[k] not in GROUP_NOUNS and view.actor(k) is None and view.lower[k].isalpha():
        k += 1  # "a Palestinian armed faction"
    return k < view.end and view.lower[k] in GROUP_NOUNS and view.actor(k) is None
PARENTHESIS_REACH = 6  # tokens from ")" back to its "(" in an acronym or gloss after a party


def _definite(view: SentenceView, k: int) -> bool:
    """'the group', 'the rebel movement', 'the armed group': the noun at k with 'the' before it or before
    one modifier."""
    return (k > view.start and view.lower[k - 1] == "the") or \
        (k - 1 > view.start and view.lower[k - 2] == "the" and view.lower[k - 1].isalpha()
         and view.actor(k - 1) is None and view.cue(k - 1) is None)


UNNAMED_GROUP_SUBJECT_RULE = "direction.unnamed_group_subject"
OTHER_SIDE_RULE = "direction.other_side_subject"
OTHER_SIDE_NOUNS = frozenset({"side", "party"})
OTHER_SIDE_WORDS = frozenset({"other", "opposing", "opposite"})


def _other_side_at(view: SentenceView, k: int) -> bool:
    """'the other side', 'the opposing party' ends at token k."""
    return view.lower[k] in OTHER_SIDE_NOUNS and k - 2 >= view.start and view.lower[k - 1] in OTHER_SIDE_WORDS \
        and view.lower[k - 2] == "the"


def _other_side_before(view: SentenceView, i: int) -> bool:
    """The verb at i has 'the other side' as its subject ('the other side released 55 fighters')."""
    k = i - 1
    while k > view.start and view.lower[k] in PASSIVE_BE:
        k -= 1  # "the other side has also freed"
    return _other_side_at(view, k)


def _unnamed_group_before(view: SentenceView, i: int) -> bool:
    """The verb at i has a group no gazetteer names as its subject ('the rebel movement freed'), and no
    group is named before it in the sentence."""
    k = i - 1
    return k > view.start and view.lower[k] in GROUP_ANAPHORS and view.actor(k) is None and _definite(view, k) \
        and not any(a.end <= k and a.label_ == "GROUP" for a in view.actors)


def _subject_before(view: SentenceView, i: int, lo: int) -> Span | None:
    """Nearest party named before token i, inside the sentence, skipping reporting officials."""
    lower = view.lower  # the stops hold no letters: a token's lower case is its text there
    mediation = None  # the nearest mediation verb passed: "Berlin mediated the swap, when the group returned ..."
    aside = None  # the "(" of a parenthesis after a party, passed over: "the Revolutionary United Front (RUF) freed"
    for k in range(i - 1, max(lo, view.start) - 1, -1):
        if aside is not None:
            if k >= aside:
                continue
            aside = None
        if lower[k] == ")":
            aside = next((j for j in range(k - 1, max(view.start, k - PARENTHESIS_REACH) - 1, -1) if lower[j] == "("),
                         None)
            if aside is not None and aside > view.start and view.actor(aside - 1) is not None:
                continue  # an acronym or gloss in parentheses after the party
            aside = None
        if lower[k].strip() in SUBJECT_STOPS or "\n" in lower[k]:
            return None
        cue = view.cue(k)
        if cue is not None and cue.label_ == "MEDIATION":
            mediation = cue.start
        if view.lower[k] in BOTH_SUBJECTS and k > view.start and view.lower[k - 1] in BOTH_DETERMINERS:
            return None  # "the envoy said the delegations had agreed to release 314": no one side gives
        if lower[k] in OTHER_SIDE_NOUNS and _other_side_at(view, k):
            return None  # "the RSF freed 40 soldiers and the other side released 55": not the earlier subject
        if view.lower[k] in GROUP_ANAPHORS and view.actor(k) is None and _definite(view, k):
            named = [a for a in view.actors if a.end <= k - 1 and a.label_ == "GROUP"]
            if named:
                return named[-1]  # "talks with the ELN, when the group freed 11 soldiers" (direction.group_anaphor)
            # "the government freed 120 rebels and the rebel movement freed 88 soldiers": a subject of its
            # own that no gazetteer names, not the earlier clause's (direction.unnamed_group_subject)
            return None
        if view.lower[k] in ("which", "who") and k - 2 >= view.start and view.lower[k - 1] == ",":
            antecedent = view.actor(k - 2)
            if antecedent is not None and antecedent.label_ in SUBJECT_LABELS - {"DEMONYM"}:
                return antecedent  # "the swap with Washington, which released 2 Russians"
        actor = view.actor(k)
        if actor is not None and actor.start > view.start and view.lower[actor.start - 1] == "for" \
                and actor.end < view.end and view.lower[actor.end] == "to" and actor.label_ in SUBJECT_LABELS:
            return actor  # "calls for Hamas to return 50 hostages": the subject of the infinitive
        before = actor.start - 1 if actor is not None else -1
        if before > view.start and view.lower[before] == "the":
            before -= 1
        if actor is not None and before >= view.start and view.lower[before] in PREPOSITIONS | {"by"} \
                and not _body_of_state(view, actor, before) \
                and not (view.lower[before] == "in" and before > view.start
                         and view.lower[before - 1] in SEAT_NOUNS and actor.label_ in ("CAPITAL", "STATE")) \
                and not (view.lower[before] == "with" and _with_clause_verb(view, actor.end, i)):
            # (not skipped: "..., with Minsk releasing three Poles", the subject of the -ing clause; "with
            # Israel handing over 12 and receiving two": of each -ing verb of the clause)
            continue  # "separatists in eastern Ukraine released ...", "brokered by Qatar": not the subject
        if actor is not None and actor.label_ in SUBJECT_LABELS:
            if mediation is not None and 0 <= mediation - actor.end <= 2:
                continue  # the mediator is the subject of its own verb, never a side (direction.mediator_not_side)
            if actor.label_ == "DEMONYM" and not _demonym_is_subject(view, actor) \
                    and not _people_as_subject(view, actor):
                continue
            if _counted_modifier(view, actor):
                continue  # "released 90 Houthi fighters and welcomed back 12 troops": not the subject
            return actor
    return None


WITH_CLAUSE_FIRST_KINDS = frozenset({"release", "handover", "receive"})


def _with_clause_verb(view: SentenceView, k: int, i: int) -> bool:
    """The party right before token k, after 'with', is the subject of the -ing transfer verb at i: the verb right
    after it ('with Minsk releasing three Poles'), or a later -ing transfer verb of the same clause ('with Israel
    handing over 12 and receiving two'; no clause break between)."""
    verb = view.cue(i) if i < view.end else None
    if verb is None or not view.lower[i].endswith("ing"):
        return False
    if i == k:
        return verb.kb_id_ in WITH_CLAUSE_FIRST_KINDS
    first = view.cue(k) if k < view.end else None
    if i < k or first is None or first.label_ not in ("GIVE", "RECEIVE") or verb.label_ not in ("GIVE", "RECEIVE"):
        return False
    return view.lower[k].endswith("ing") and not any(view.lower[m] in (";", "while", "whereas", "but")
                                                     for m in range(k, i))


BODY_OF_STATE_HEADS = frozenset({"government", "authorities", "army", "military", "republic", "kingdom"})


def _body_of_state(view: SentenceView, actor: Span, of: int) -> bool:
    """'the Government of Yemen released 530', 'the Government of the Republic freed nine': a state's body named
    with 'of' before the state opens the clause, so the state is the subject (rule direction.body_of_state)."""
    if view.lower[of] != "of" or actor.label_ not in ("STATE", "CAPITAL") or of - 1 < view.start \
            or view.lower[of - 1] not in BODY_OF_STATE_HEADS:
        return False
    k = of - 2
    return k < view.start or view.lower[k] == "the" and (k == view.start or view.lower[k - 1] in (",", "and", ";"))


SWAPPED_REACH = 10  # tokens from a bare 'N for N' back to the swap word whose object it counts


def _swapped_category(view: SentenceView, quantity: Span) -> str | None:
    """'an exchange of bodies, 15 for 15', 'exchanged the bodies of soldiers on a 15-for-15 basis': the category of
    the first people word between the clause's swap word and a bare 'N for N' (rule group.x_for_x_object)."""
    lo = max(view.start, quantity.start - SWAPPED_REACH)
    swap = next((k for k in range(quantity.start - 1, lo - 1, -1)
                 if view.cue(k) is not None and view.cue(k).label_ == "EXCHANGE"), None)
    if swap is None:
        return None
    found: list[str] = []
    for k in range(view.cue(swap).end, quantity.start):
        if view.lower[k] in (";", ":", ".") or view.doc_index.quantity_at[k] is not None:
            return None
        cue = view.cue(k)
        if cue is not None and cue.start == k and cue.label_ == "CATEGORY" and cue.kb_id_ not in ("generic", "foreigners"):
            found.append(cue.kb_id_)
    # "the bodies of soldiers": the remains; "civilians and soldiers": people of two kinds, no one category
    if found and (found[0] == "bodies" or len(set(found)) == 1):
        return found[0]
    return None


def _named_through_body(view: SentenceView, actor: Span) -> bool:
    """The subject was named inside 'the Government of ...' (direction.body_of_state)."""
    before = actor.start - 1
    if before > view.start and view.lower[before] == "the":
        before -= 1
    return before > view.start and _body_of_state(view, actor, before)


def _counted_modifier(view: SentenceView, actor: Span) -> bool:
    """'90 Houthi fighters', '40 RSF fighters': a party named inside a counted group modifies its noun."""
    k = actor.start - 1
    while k >= view.start and actor.start - k <= 3:
        if view.doc_index.quantity_at[k] is not None:
            return True
        if view.lower[k] not in ("more", "other", "captured", "detained", "jailed", "former", "of", "the"):
            return False
        k -= 1
    return False


CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "while", "but", "whereas", "as", "after", "when"})
PEOPLE_SUBJECT_NEXT = frozenset({"have", "had", "has", "will", "would", "also", "then", "later", "themselves"})


def _people_as_subject(view: SentenceView, actor: Span) -> bool:
    """'The Ukrainians handed over 60 prisoners and received 60 of their own': the people named by a plural
    demonym opening a clause before its verb stand for their state (rule direction.demonym_subject)."""
    if not span_text(actor).endswith("s") or actor.start - 1 < view.start or view.lower[actor.start - 1] != "the":
        return False
    before = actor.start - 2
    if before >= view.start and view.lower[before] not in CLAUSE_OPENERS:
        return False
    if actor.end >= view.end:
        return False
    cue = view.cue(actor.end)
    return (cue is not None and cue.start == actor.end and cue.label_ in ("GIVE", "RECEIVE", "EXCHANGE")) \
        or view.lower[actor.end] in PEOPLE_SUBJECT_NEXT


def _demonym_is_subject(view: SentenceView, actor: Span) -> bool:
    nxt = view.lower[actor.end] if actor.end < view.end else ""
    return nxt in ("side", "authorities", "government", "officials", "forces", "army", "military", "delegation",
                   "ministry", "defence", "defense", "president", "leader", "negotiators", "team")


OWN_FORCE_NOUNS = frozenset({"servicemen", "serviceman", "service members", "servicemembers", "service member",
                             "service personnel", "military personnel", "soldiers", "soldier", "troops", "military",
                             "defenders", "defender", "heroes", "warriors", "people", "citizens", "fallen"})
OWN_WORDS = frozenset({"its", "their", "our", "own"})
STATE_FORCE_NOUNS = frozenset({"soldiers", "soldier", "troops", "servicemen", "serviceman", "service members",
                               "servicemembers", "service member", "service personnel", "military personnel"})


def _own_side_return(view: SentenceView, group: Group, subject: Span, verb: Span, earlier: list[Group]) -> bool:
    """'Ukraine returned 303 servicemen', 'Armenia returned the remains of 12 soldiers from Azerbaijan',
    'Kyiv returned 45 of its own from captivity': a state that "returns" its own people brings them home.

    Signs of its own people, with no 'to <side>' and no other nationality: a possessive ('its', 'our',
    'own'), a plain force or people noun with no nationality ('servicemen', 'defenders', 'the fallen'),
    or 'from captivity' / 'from <another party>' after the group."""
    if verb.kb_id_ != "return" or group.receiver is not None:
        return False
    if group.nationality not in (None, subject.kb_id_):
        return False
    if group.nationality == subject.kb_id_:
        return True
    lo, hi = verb.end, min(view.end, group.end + 4)
    if any(view.actor(k) is not None and view.actor(k).label_ == "DEMONYM" and view.actor(k).kb_id_ != subject.kb_id_
           for k in range(lo, hi)):
        return False  # "the remains of 6,000 deceased Ukrainian soldiers": someone else's people
    words = [view.lower[k] for k in range(lo, hi)]
    if any(w in OWN_WORDS for w in words[:max(0, group.end - lo)]):
        return True
    noun_words = {view.lower[k] for k in range(group.start, hi)}
    if any(g.receiver == subject.kb_id_ and g.giver not in (None, subject.kb_id_) for g in earlier):
        # "ready to hand over 25 servicemen if Yerevan returned the bodies of eight soldiers": the side that gets
        # people back in the clause before gives these in return (only a possessive or 'from captivity' says
        # its own)
        return _returned_from(view, group, subject, hi)
    if subject.label_ == "GROUP" and noun_words & STATE_FORCE_NOUNS:
        return False  # "al-Shabaab returns the bodies of four soldiers": an armed group has no soldiers of its own
    if group.noun is not None and span_text(group.noun).lower() in OWN_SIDE_NOUNS | OWN_FORCE_NOUNS:
        return True
    if group.category == "bodies" and noun_words & OWN_FORCE_NOUNS:
        return True  # "the bodies of 254 defenders", "remains of 12 servicemen"
    return _returned_from(view, group, subject, hi)


def _returned_from(view: SentenceView, group: Group, subject: Span, hi: int) -> bool:
    """'returned 390 people from captivity', 'the remains of 12 servicemen from Azerbaijan': brought back."""
    for k in range(group.end, hi):
        if view.lower[k] != "from" or k + 1 >= view.end:
            continue
        cue = next((view.cue(m) for m in range(k + 1, min(view.end, k + 4)) if view.cue(m) is not None), None)
        if cue is not None and cue.label_ == "CAPTIVITY":
            return True  # "returned 390 people from captivity", "from RSF captivity"
        actor = _actor_after(view, k + 1, 3)
        if actor is not None and actor.kb_id_ != subject.kb_id_ and actor.label_ != "ORG":
            return True  # "returned the remains of 12 servicemen from Azerbaijan"
    return False


# "prisoners sought by the U.S.", "the swap brokered by Qatar": the agent of these verbs does not hand anyone over
NOT_A_GIVER_BY = frozenset({"sought", "wanted", "requested", "demanded", "named", "listed", "identified", "sanctioned",
                            "backed", "supported", "brokered", "mediated", "facilitated", "announced", "confirmed",
                            "reported", "welcomed", "received", "greeted", "met", "accepted", "designated",
                            "claimed", "chosen", "selected", "proposed", "negotiated", "organised", "organized"})


RECEIVER_BY = frozenset({"sought", "wanted", "requested", "demanded", "welcomed", "received", "greeted", "accepted"})


SPLIT_RECEIVE_VERBS = frozenset({"got", "get", "gets", "getting", "brought", "bring", "brings", "bringing",
                                 "took", "take", "takes", "taking", "won", "win", "wins"})


def _split_receive(view: SentenceView, group: Group, lo: int) -> Span | None:
    """'got 5 of its own servicemen back', 'brought 40 soldiers home': the verb and its particle around
    the group, read as one receive verb."""
    if SPLIT_RECEIVE_VERBS.isdisjoint(view.word_set):
        return None
    k = group.start - 1
    while k >= max(lo, view.start) and group.start - k <= 3 and view.lower[k] not in SPLIT_RECEIVE_VERBS:
        if view.cue(k) is not None or view.doc_index.quantity_at[k] is not None:
            return None
        k -= 1
    if k < max(lo, view.start) or view.lower[k] not in SPLIT_RECEIVE_VERBS:
        return None
    if not any(view.lower[m] in ("back", "home") for m in range(group.end, min(view.end, group.end + 3))):
        return None
    return Span(view.sent.doc, k, k + 1, label="RECEIVE", kb_id="bring_home")


# "the RSF is expected to free 90 soldiers": the verb of a plan, re-read from a purpose cue (gate.plan_infinitives)
PLAN_INFINITIVE_RULE = "direction.plan_infinitive"


STATE_BODY_RULE = "direction.state_body_subject"
STATE_BODY_NOUNS = frozenset({"army", "military", "government", "authorities", "junta", "regime"})
STATE_BODY_HEADS = frozenset({"forces", "troops", "side"})  # after "government" / "state" / "security"
STATE_BODY_MODIFIERS = frozenset({"government", "state", "security", "army", "federal", "national"})


def _state_body_before(view: SentenceView, i: int) -> bool:
    """The verb at i has a state's body as its subject with no state named: 'the army freed', 'government forces
    released', 'the government side handed over'."""
    k = i - 1
    while k > view.start and view.lower[k] in PASSIVE_BE:
        k -= 1
    if view.lower[k] == "and" and k > view.start:
        # "The army received 40 soldiers on Monday and freed 12 rebels": the second verb of a predicate whose
        # subject opens the sentence
        first = next((c for c in view.cues if c.label_ in ("GIVE", "RECEIVE") and c.start < k), None)
        return first is not None and _state_body_opens(view, first.start)
    return _state_body_ends(view, k)


def _state_body_ends(view: SentenceView, k: int) -> bool:
    word = view.lower[k]
    if word in STATE_BODY_NOUNS:
        return k > view.start and view.lower[k - 1] == "the"
    return word in STATE_BODY_HEADS and k > view.start and view.lower[k - 1] in STATE_BODY_MODIFIERS


def _state_body_opens(view: SentenceView, verb: int) -> bool:
    """The sentence opens with a state body right before the verb at `verb`: 'The army received ...'."""
    k = verb - 1
    while k > view.start and view.lower[k] in PASSIVE_BE:
        k -= 1
    return k - view.start <= 2 and _state_body_ends(view, k)


def _state_body_acts(group: Group, verb: Span, context: ArticleContext) -> None:
    """'The army freed 30 rebels in a swap with the M23': the state side of a state-versus-group war acts
    (STATE_BODY_RULE)."""
    state = context.state_side() if not context.multi else None
    if state is None:
        return
    if verb.label_ == "GIVE" and group.giver is None and state != group.receiver:
        group.giver = state
        group.rules.append(STATE_BODY_RULE)
    elif verb.label_ == "RECEIVE" and group.receiver is None and state != group.giver:
        group.receiver = state
        group.rules.append(STATE_BODY_RULE)


def _other_side_gives(group: Group, verb: Span, earlier: list[Group], context: ArticleContext) -> None:
    """'The RSF freed 40 soldiers and the other side released 55 fighters': the side opposite the one that gave
    (or received) the sentence's earlier group gives (or receives) this one (OTHER_SIDE_RULE)."""
    before = next((g for g in reversed(earlier) if g.giver is not None or g.receiver is not None), None)
    if before is None:
        return
    if verb.label_ == "GIVE" and before.giver is not None:
        side = before.receiver or context.counterpart(before.giver, group.category)
        if side is not None and group.giver is None and side != group.receiver:
            group.giver = side
            group.rules.append(OTHER_SIDE_RULE)
    elif verb.label_ == "RECEIVE" and before.receiver is not None:
        side = before.giver or context.counterpart(before.receiver, group.category)
        if side is not None and group.receiver is None and side != group.giver:
            group.receiver = side
            group.rules.append(OTHER_SIDE_RULE)


def _as_return(cue: Span) -> Span:
    """The same words read as the give verb 'return' ('has returned 19 servicemen')."""
    return Span(cue.doc, cue.start, cue.end, label="GIVE", kb_id="return")


INTRANSITIVE_RETURN_RULE = "direction.intransitive_return"
REPATRIATED_RULE = "direction.repatriated_home"
# what may follow 'returned' with no object and no place ("returned to the front", "returned from leave" are other
# senses): a day, or the clause's end
AFTER_INTRANSITIVE_RETURN = frozenset({"on", "late", "early", "yesterday", "today", "tonight", "last", "this", "safely",
                                       "alive", ",", ".", ";"})


def _war_people(view: SentenceView, group: Group) -> bool:
    """The group's people are fighters ('fallen defenders', 'servicemen'), or its sentence speaks of war."""
    words = {view.lower[k] for k in range(group.start, min(view.end, group.end + 4))}
    return not words.isdisjoint(OWN_FORCE_NOUNS) or speaks_of_war([view])


def _as_home(cue: Span) -> Span:
    """The same words read as 'came home' ('175 soldiers returned on Wednesday')."""
    return Span(cue.doc, cue.start, cue.end, label="HOME", kb_id="home")


def _intransitive_return(view: SentenceView, group: Group, verb: Span) -> bool:
    """'returned' right after the people, with no object, in a sentence that tells a release or swap: they came
    back ('freed from captivity ..., after 175 soldiers returned on Wednesday'); not 'the 20 bodies Kyiv returned'
    (a subject between), 'returned 12 prisoners' (an object after), or '40 soldiers returned on Wednesday' alone
    (back from leave or the front, for all the sentence says)."""
    if verb.label_ != "GIVE" or verb.kb_id_ != "return" or verb.end >= view.end:
        return False
    if any(view.lower[k] not in ("have", "had", "all", "also", "finally", "safely", "who") for k in range(group.end, verb.start)):
        return False
    if view.lower[verb.end] not in AFTER_INTRANSITIVE_RETURN:
        return False
    clause_end = view.clause_bounds(verb.end)[1] if view.lower[verb.end] not in (",", ".", ";") else verb.end
    if any(view.lower[k] in ("to", "from") for k in range(verb.end, clause_end)):
        return False  # "returned on Friday from leave": back from somewhere the sentence names
    return any(cue.start != verb.start for cue in view.cues_with("GIVE", "RECEIVE", "EXCHANGE", "FOR")) \
        or "captivity" in view.words


COLON_LIST_RULE = "direction.colon_list_giver"
COLON_LIST_WORDS = frozenset({",", "and", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten", "of", "them", "whom", "among", "including"})


PASSIVE_AUXILIARIES = frozenset({"been", "was", "were", "is", "are", "be", "being"})
PASSIVE_ADVERBS = frozenset({"now", "already", "also", "just", "all", "finally", "since"})


def passive_at(view: SentenceView, k: int) -> bool:
    """The verb at k is passive: a form of 'be' before it, past adverbs ('have now been freed')."""
    m = k - 1
    while m > view.start and view.lower[m] in PASSIVE_ADVERBS:
        m -= 1
    return m >= view.start and view.lower[m] in PASSIVE_AUXILIARIES


def _colon_list_verb(view: SentenceView, group: Group) -> Span | None:
    """The give verb of the clause before a colon that opens a list holding the group ('released four
    agents it had convicted: two Germans, a Pole and a Bulgarian'): only list words, figures and people
    between the colon and the group."""
    k = group.start - 1
    while k > view.start and view.lower[k] != ":":
        if view.cue(k) is not None and view.cue(k).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE", "FOR"):
            return None
        if view.lower[k] not in COLON_LIST_WORDS and view.actor(k) is None and not view.lower[k].isdigit() \
                and not (view.cue(k) is not None and view.cue(k).label_ == "CATEGORY"):
            return None
        k -= 1
    if k <= view.start:
        return None
    for m in range(k - 1, view.start - 1, -1):
        cue = view.cue(m)
        if view.lower[m] in (";", ":", "\n"):
            return None
        if cue is not None and cue.label_ == "GIVE":
            return cue
        if cue is not None and cue.label_ in ("RECEIVE", "HOME", "EXCHANGE", "FOR"):
            return None
    return None


def direct(group: Group, context: ArticleContext, groups_in_sentence: list[Group]) -> None:
    """Fill giver and receiver from the sentence, then nationality, then the dyad."""
    view = group.view
    # per side: decided before (mark_per_side in counts.py)
    if group.per_side:
        return
    lo, hi = view.clause_bounds(group.start)
    hi = max(hi, group.end)
    nxt = [g for g in groups_in_sentence if g.start > group.start]
    stop = min([g.start for g in nxt] + [view.end])
    for k in range(group.end, stop):
        cue = view.cue(k)
        if cue is not None and cue.label_ == "FOR":
            stop = k
            break
    contrast = next((k for k in range(group.end, stop) if view.lower[k] in ("while", "whereas", "but", ";")), None)
    if contrast is not None:
        stop = contrast  # "..., while to the Russian side were given 38": the next clause's own direction
    first_verb = next((k for k in range(group.end, stop) if view.cue(k) is not None
                       and view.cue(k).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE")), None)
    stop = min(stop, (view.cue(first_verb).end + 6) if first_verb is not None else group.end + 10)
    # the verb that governs the group: a give/receive/home cue before it in the clause, or after it
    verb_before = None
    earlier = [g for g in groups_in_sentence if g.end <= group.start]
    for k in range(group.start - 1, (view.start if _added(view, group) else lo) - 1, -1):
        cue = view.cue(k)
        if cue is not None and cue.label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE"):
            # a verb already spent on an earlier group of the sentence does not govern this one,
            # unless the group is added to it: "received 120 ..., in addition to 20 civilians"
            if not any(cue.start < g.end for g in earlier) or _added(view, group):
                verb_before = cue
            break
    split = _split_receive(view, group, lo)
    if split is not None and (verb_before is None or verb_before.end <= split.start):
        verb_before = split  # "got 5 of its own servicemen back": a split phrasal verb
    if verb_before is not None and verb_before.start in view.doc_index.plan_verbs:
        group.rules.append(PLAN_INFINITIVE_RULE)
    if verb_before is not None and verb_before.label_ == "HOME" and span_text(verb_before).lower().endswith("returned") \
            and all(view.lower[k] in ("the", "another", "more", "a", "further") for k in range(verb_before.end, group.start)):
        verb_before = _as_return(verb_before)  # "Armenia has returned 19 servicemen": transitive, not "came home"
    verb_after = None
    passive = False
    for k in range(group.end, min(stop, view.end)):
        cue = view.cue(k)
        if cue is not None and cue.label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE"):
            verb_after = cue
            between = {view.lower[m] for m in range(group.end, cue.start)}
            passive = bool(between & {"were", "was", "been", "be", "being", "is", "are"})
            break
        if cue is not None and cue.label_ == "FOR":
            break
    if verb_after is not None and not passive and _intransitive_return(view, group, verb_after):
        verb_after = _as_home(verb_after)  # "175 soldiers returned on Wednesday": came back, nothing handed
        group.rules.append(INTRANSITIVE_RETURN_RULE)
    elif verb_after is not None and passive and verb_after.kb_id_ == "bring_home" and group.receiver is None \
            and _war_people(view, group):
        # "the bodies of 1,000 fallen defenders were repatriated, Kyiv said": brought home (not "the bodies of 10
        # tourists killed in a crash": the sentence must speak of war or name fighters)
        verb_after = _as_home(verb_after)
        group.rules.append(REPATRIATED_RULE)
    # explicit "to X" / "from X" / "by X" around the group or after its verb
    if verb_before is not None and view.lower[lo] == "to" and group.receiver is None:
        actor = _actor_after(view, lo + 1, 4)
        if actor is not None and actor.end <= verb_before.start and actor.label_ not in ("OFFICIAL", "ORG"):
            group.receiver = actor.kb_id_
            group.rules.append("direction.fronted_to_phrase")
    scan_from = verb_before.end if verb_before is not None else group.end
    # "Hamas freed a hostage to Israel in exchange for 30 prisoners": a 'to'/'from'/'by' phrase before the swap's
    # pivot tells the other side's flow, not the group after the pivot (direction.pivot_bounds_phrase)
    pivot = next((view.cue(k) for k in range(group.start - 1, scan_from - 1, -1) if view.cue(k) is not None
                  and view.cue(k).label_ == "FOR" and view.cue(k).kb_id_ != "for"), None)
    if pivot is not None and pivot.end <= group.start:
        if any(view.lower[k] in ("to", "from", "by") for k in range(scan_from, pivot.start)):
            group.rules.append("direction.pivot_bounds_phrase")
        scan_from = pivot.end
    after_verb = verb_after.end if verb_after is not None else stop
    for k in list(range(scan_from, group.start)) + list(range(group.end, stop)):
        word = view.lower[k]
        if word == "to" and group.receiver is None and view.lower[k - 1] not in ("according", "due", "prior"):
            actor = _actor_after(view, k + 1, 4)
            if actor is not None and actor.label_ not in ("OFFICIAL", "ORG"):
                group.receiver = actor.kb_id_
                group.rules.append("direction.to_phrase")
        elif word == "from" and group.giver is None and (k >= after_verb or k < group.start):
            actor = _actor_after(view, k + 1, 5)
            if actor is not None and actor.label_ != "ORG":
                group.giver = actor.kb_id_
                group.rules.append("direction.from_phrase")
        elif word == "by" and group.receiver is None and view.lower[k - 1] in RECEIVER_BY:
            actor = _actor_after(view, k + 1, 4)  # "prisoners sought by the U.S.": the side that wants them back
            if actor is not None and actor.label_ not in ("ORG", "OFFICIAL") and actor.kb_id_ not in context.mediators:
                group.receiver = actor.kb_id_
                group.rules.append("direction.sought_by")
        elif word == "by" and group.giver is None and (passive or verb_before is None) \
                and view.lower[k - 1] not in NOT_A_GIVER_BY:
            actor = _actor_after(view, k + 1, 4)
            if actor is not None and _demonym_of_group(view, actor):
                group.rules.append(DEMONYM_OF_GROUP_RULE)  # "held by a Palestinian faction": that faction, no state
            elif actor is not None and actor.label_ != "ORG" and not _listed_after(view, actor) \
                    and actor.kb_id_ not in context.mediators:
                group.giver = actor.kb_id_
                group.rules.append("direction.by_phrase")
    # "a plane carrying 48 freed soldiers landed in Yerevan", "a flight from Abha carrying 120 detainees"
    if (group.giver is None or group.receiver is None) and _on_the_journey(view, group, lo, hi) and not context.multi:
        origin, destination = route_sides(view, context)
        if group.receiver is None and destination is not None and destination != group.giver:
            group.receiver = destination
            group.rules.append("direction.route_destination")
        if group.giver is None and origin is not None and origin not in (group.receiver, group.nationality):
            group.giver = origin
            group.rules.append("direction.route_origin")
    # "released from Russian captivity", "held in the United States": the holder gives; past a captivity word
    # that names no holder to the next ("held in Iraqi jails", "held in a prison in Mexico")
    held_by_holder = False
    for k in range(group.end, stop):
        cue = view.cue(k)
        if cue is None or cue.label_ != "CAPTIVITY" or cue.start != k or group.giver is not None:
            continue
        prev = view.actor(cue.start - 1) if cue.start - 1 >= max(view.start, group.end) else None
        if prev is not None and prev.label_ in ("DEMONYM", "STATE"):
            group.giver = prev.kb_id_
            group.rules.append("direction.captivity")
        else:
            at = past_duration(view, cue.end)  # "held for three months by the Nusra Front"
            holder = _holder_named_at(view, at)
            if holder is not None:
                group.giver = holder.kb_id_
                group.rules.append("direction.held_in")
                if at != cue.end:
                    group.rules.append(HELD_PAST_DURATION_RULE)
        # a third state the people were held in ('held in El Salvador'), not a side that held them
        held_by_holder = group.giver is not None and "direction.held_in" in group.rules \
            and group.giver not in (context.sides or ())
        if held_by_holder or not _holder_reach(view, cue):
            break
    # subject of an active verb before the group ("the return of ..." is a noun: no subject)
    noun_form = verb_before is not None and verb_before.end < view.end and view.lower[verb_before.end] == "of"
    # "among those freed were ...": a participle after 'those' has no subject of its own
    noun_form = noun_form or (verb_before is not None and verb_before.start > view.start
                              and view.lower[verb_before.start - 1] in ("those", "ones"))
    if group.nationality_from_phrase and verb_before is not None and not noun_form \
            and (verb_before.label_ == "RECEIVE" or verb_before.kb_id_ == "return"):
        # "received 300 bodies from Azerbaijan", "returned 12 servicemen from Azerbaijan": the giver, not who they are
        group.giver = group.giver or group.nationality
        group.nationality = None
        group.rules.append("direction.from_is_giver")
    # "Hamas freed 4 hostages in exchange for 200 prisoners": the object of the pivot goes the other way
    pivot_between = verb_before is not None and view.has_swap_pivot(verb_before.end, group.start)
    if verb_before is not None and verb_before.label_ in ("GIVE", "RECEIVE") and not noun_form and not pivot_between:
        subject = _subject_before(view, verb_before.start, view.start)
        if subject is None and _unnamed_group_before(view, verb_before.start):
            group.rules.append(UNNAMED_GROUP_SUBJECT_RULE)
        if subject is None and _other_side_before(view, verb_before.start):
            _other_side_gives(group, verb_before, earlier, context)
        elif subject is None and _state_body_before(view, verb_before.start):
            _state_body_acts(group, verb_before, context)
        anaphor = subject is not None and _group_anaphor_between(view, subject.end, verb_before.start)
        if anaphor:
            group.rules.append("direction.group_anaphor")
        if subject is not None and not anaphor and (_listed(view, subject) or _both_sides(view, subject, verb_before)):
            if verb_before.label_ == "GIVE" and group.giver is None and _several_states_side(view, group, subject, context):
                group.giver = SEVERAL_ID
                group.rules.append(SEVERAL_STATES_RULE)
            subject = None
            group.rules.append("direction.several_givers")
        if subject is not None and subject.label_ == "DEMONYM" and not _demonym_is_subject(view, subject):
            group.rules.append("direction.demonym_subject")
        own_side = subject is not None and _own_side_return(view, group, subject, verb_before, earlier)
        if subject is not None:
            if own_side and group.receiver is None:
                group.receiver = subject.kb_id_
                group.rules.append("direction.own_side_return")
            elif verb_before.label_ == "GIVE" and held_by_holder and subject.kb_id_ not in (
                    group.receiver, group.nationality, group.giver) and subject.label_ in ("STATE", "CAPITAL"):
                # "the United States sent 238 Venezuelans held in El Salvador back to Caracas": the side that
                # hands them over gives, not the third state that held them
                group.giver = subject.kb_id_
                group.rules.append(AGENT_OVER_HOLDER_RULE)
            elif verb_before.label_ == "GIVE" and group.giver is None and subject.kb_id_ != group.receiver:
                group.giver = subject.kb_id_
                group.rules.append("direction.giver_subject")
                if _named_through_body(view, subject):
                    group.rules.append("direction.body_of_state")
            elif verb_before.label_ == "RECEIVE" and group.receiver is None and subject.kb_id_ != group.giver:
                group.receiver = subject.kb_id_
                group.rules.append("direction.receiver_subject")
    if group.giver is None and verb_before is None and verb_after is None:
        listed = _colon_list_verb(view, group)
        if listed is not None and not passive_at(view, listed.start):
            # (a passive verb's subject is the people: "the spokesman says 24 hostages have been released: ...")
            subject = _subject_before(view, listed.start, view.start)
            if subject is not None and subject.kb_id_ not in (group.nationality, group.receiver) \
                    and not _listed(view, subject):
                group.giver = subject.kb_id_  # "Lithuania released four agents: three Belarusians and a Russian"
                group.rules.append(COLON_LIST_RULE)
    if verb_after is not None and verb_after.label_ == "HOME" and group.receiver is None and group.nationality:
        group.receiver = group.nationality
        group.rules.append("direction.home")
    elif verb_after is not None and verb_after.label_ == "HOME" and group.receiver is None and context.sides:
        # "90 defenders came home on Friday, Kyiv's military intelligence said": the side telling of people of
        # no stated nationality coming home is their home (not one quoted between them and the verb: "1,000
        # bodies, which the other side said were ..., have returned home")
        teller = _teller_side(view, skip=range(group.end, verb_after.start))
        if teller is not None and teller in context.sides:
            group.receiver = teller
            group.rules.append("direction.home_of_teller")
        elif (awaiting := _awaiting_side(view, group)) is not None and awaiting in context.sides:
            group.receiver = awaiting  # "Kyiv expects 75 more soldiers to come home"
            group.rules.append("direction.home_of_awaiting")
    # people go home: the nationality of the group is the receiving side
    if group.nationality is not None and group.receiver is None and group.giver != group.nationality:
        fixed = context.fixed_sides(group.category)
        if group.category in PERSON_CATEGORIES or fixed is None or fixed[1] == group.nationality:
            group.receiver = group.nationality
            group.rules.append("direction.nationality")
    if group.category == "bodies" and group.receiver is not None and not context.multi and context.sides \
            and group.receiver not in context.sides and _handed_to_state_body(view, group.receiver, context):
        # "the remains were handed to the Lebanese army": remains go to the side they were handed to, from
        # the side at war with that state
        group.rules.append("direction.remains_to_state_body")
        group.giver = group.giver or context.partner(group.receiver)
    elif not context.multi and context.sides and group.receiver is not None and group.receiver not in context.sides \
            and group.receiver != group.nationality \
            and group.receiver not in {r for _, r in context.category_sides.values()}:
        # taken to Belarus, handed to Saudi Arabia: a transit country, not a side
        group.receiver = group.nationality if group.nationality in context.sides else None
        group.transit = group.receiver is None
        group.rules.append("direction.third_country_transit")
    if group.nationality is not None and group.giver is None and group.receiver is not None \
            and group.receiver != group.nationality and group.category == "prisoners":
        group.giver = group.nationality
    if group.giver is None and group.receiver is None and noun_form and group.category in PERSON_CATEGORIES \
            and not context.multi:
        # "the Ukrainian authorities announced the release of 215 prisoners": their people come home
        announcer = _subject_before(view, verb_before.start, view.start)
        if announcer is not None and context.sides and announcer.kb_id_ in context.sides:
            group.receiver = announcer.kb_id_
            group.rules.append("direction.announced_return")
    if group.giver is None and group.receiver is None and not context.multi and context.sides:
        speaker = _breakdown_speaker(view, group)
        if speaker is not None and speaker in context.sides:
            # "the Ukrainian coordination headquarters said among them were eight civilians": its own people
            group.receiver = speaker
            group.rules.append("direction.speaker_breakdown")
    fixed = context.fixed_sides(group.category)
    if fixed is not None and group.giver in (None, fixed[0]) and group.receiver in (None, fixed[1]):
        group.giver, group.receiver = fixed
        group.rules.append("direction.category_sides")


STATE_BODIES = frozenset({"army", "government", "authorities", "military", "forces", "troops", "officials", "ministry"})


def _handed_to_state_body(view: SentenceView, receiver: str, context: ArticleContext) -> bool:
    """'handed to the Lebanese army', 'to Jordanian authorities': a state's own body takes the remains (not a
    country they pass through, not a mediator)."""
    if receiver in context.mediators or not context.is_state(receiver) or context.partner(receiver) is None:
        return False  # Egyptian officials at a crossing are go-betweens: a state at war with a side takes remains
    for actor in view.actors:
        if actor.kb_id_ == receiver and actor.label_ in ("DEMONYM", "STATE") and actor.end < view.end \
                and view.lower[actor.end] in STATE_BODIES \
                and "to" in view.words_between(max(view.start, actor.start - 2), actor.start):
            return True
    return False


BREAKDOWN_LEADS = (("among", "them"), ("among", "those"), ("of", "them"), ("of", "whom"), ("among", "the", "freed"),
                   ("among", "the", "released"), ("among", "the", "returned"))
SPEAKER_LABELS = frozenset({"INSTITUTION", "OFFICIAL", "SEAT", "STATE", "CAPITAL"})


def _breakdown_speaker(view: SentenceView, group: Group) -> str | None:
    """The side whose official says 'among them were N ...' of the people freed: a breakdown told by one
    side's institution or official counts that side's own returnees."""
    if group.quantity is None:
        return None
    before = view.words_between(max(view.start, group.quantity.start - 4), group.quantity.start)
    after = view.words_between(group.quantity.end, group.quantity.end + 2)
    if not any(tuple(before[i:i + len(lead)]) == lead for lead in BREAKDOWN_LEADS for i in range(len(before))) \
            and after not in (("of", "them"), ("of", "whom")):
        return None
    said = [c for c in view.cues_with("ATTRIBUTION") if c.end <= group.start]
    if not said:
        return None
    actor = _speaker_before(view, said[-1], reach=6, fillers=SPEAKER_FILLERS)
    if actor is None:
        return None
    speaks = actor.label_ in SPEAKER_LABELS or (actor.label_ == "DEMONYM" and _demonym_is_subject(view, actor))
    return actor.kb_id_ if speaks else None


def _teller_side(view: SentenceView, *, skip: range = range(0)) -> str | None:
    """The side whose state, seat, institution or official the sentence's attribution names ('..., Kyiv
    said', 'according to Ukraine's defence ministry'), or None; an attribution starting in `skip` is not read."""
    for cue in view.cues_with("ATTRIBUTION"):
        if cue.start in skip:
            continue
        if view.lower[cue.start] == "according":
            actor = next((a for a in view.actors if cue.end <= a.start < cue.end + 4), None)
        else:
            actor = _speaker_before(view, cue, reach=5)
            if actor is not None and (actor.start < cue.start - 5 or actor.end > cue.start):
                actor = None
        if actor is not None and (actor.label_ in SPEAKER_LABELS or _state_body_demonym(view, actor)):
            return actor.kb_id_
    return None


AWAITING_VERBS = frozenset({"expects", "expected", "hopes", "hoped", "wants", "wanted", "awaits", "awaited",
                            "awaiting", "expecting", "hoping"})


def _awaiting_side(view: SentenceView, group: Group) -> str | None:
    """The side that expects or hopes to see the people come home: 'Kyiv expects 75 more soldiers to come home'
    (the party right before the verb right before the people)."""
    k = group.start - 1
    if k <= view.start or view.lower[k] not in AWAITING_VERBS:
        return None
    actor = view.actor(k - 1)
    return actor.kb_id_ if actor is not None and actor.label_ in SPEAKER_LABELS else None


TELLER_BODIES = frozenset({"ombudsman", "commissioner", "ministry", "military", "side", "authorities", "government",
                           "officials", "army", "defence", "defense", "foreign", "intelligence", "president", "envoy",
                           "delegation", "headquarters", "presidency", "spokesman", "spokeswoman", "spokesperson"})


def _state_body_demonym(view: SentenceView, actor: Span) -> bool:
    """'Ukraine's defence ministry', 'the Russian ombudsman': a demonym or a state's possessive before a body of
    that state names the state as the teller."""
    return actor.label_ == "DEMONYM" and actor.end < view.end and view.lower[actor.end] in TELLER_BODIES \
        or actor.label_ == "DEMONYM" and span_text(actor).endswith(("'s", "’s"))


def _speaker_before(view: SentenceView, cue: Span, *, reach: int, fillers: frozenset[str] | None = None) -> Span | None:
    """The party named right before an attribution cue ('Kyiv said', 'Ukraine's defence ministry said'): the
    nearest actor within `reach` tokens before it, with only `fillers` between (any words when None)."""
    for k in range(cue.start - 1, max(view.start, cue.start - reach) - 1, -1):
        actor = view.actor(k)
        if actor is not None:
            return actor
        if fillers is not None and view.lower[k] not in fillers:
            return None
    return None


SPEAKER_FILLERS = SEAT_NOUNS | {")", "(", "pows", "the", ",", "ombudsman", "commissioner", "side", "office", "military",
                                "defence", "defense", "foreign", "'s", "’s"}


def complete(group: Group, context: ArticleContext) -> None:
    if group.per_side:
        refine_category(group, context)
        return
    _nationality_wins(group, context)
    if group.transit:
        if group.giver is None and group.receiver is None and not context.multi and context.sides:
            teller = _teller_side(group.view)
            if teller is not None and teller in context.sides:
                # "Ten foreign volunteers were handed to Turkey as part of the swap, Kyiv said": the side that
                # tells of people it got out to a third country got them from the other side
                group.giver = context.counterpart(teller, group.category)
                group.rules.append("direction.transit_from_tellers_counterpart")
        refine_category(group, context)
        return
    coalition = next((a.kb_id_ for a in group.view.actors if a.kb_id_ in SEVERAL_STATES), None)
    if coalition is not None and (group.giver is None) != (group.receiver is None) \
            and coalition not in (group.giver, group.receiver) and not _of_the_coalition(group):
        # "the Saudi-led coalition released 700 detained Houthis": the other side is several states, no one
        if group.giver is None:
            group.giver = coalition
        else:
            group.receiver = coalition
        group.rules.append("direction.coalition_side")
    if group.receiver is not None and group.giver is None:
        group.giver = context.counterpart(group.receiver, group.category)
        if group.giver is not None:
            group.rules.append("direction.dyad")
        elif (fixed := context.fixed_sides(group.category)) is not None and group.receiver not in fixed:
            # Thai hostages freed from Gaza: a third state's nationals come from whoever held them
            group.giver = fixed[0]
            group.rules.append("direction.holder_of_nationals")
    elif group.giver is not None and group.receiver is None:
        group.receiver = context.counterpart(group.giver, group.category)
        if group.receiver is not None:
            group.rules.append("direction.dyad")
    taker = context.fixed_sides("hostages")
    if group.giver is None and group.receiver is not None and group.category == "hostages" and taker is not None \
            and group.receiver != taker[0]:
        group.giver = taker[0]  # hostages freed from Gaza come from Hamas, whoever carried them across
        group.rules.append("direction.hostage_taker")
    if group.giver == group.receiver:
        group.receiver = None if group.giver is not None else group.receiver
    if group.giver is None and group.receiver is None:
        group.rules.append("direction.unsplit")
    refine_category(group, context)


def _of_the_coalition(group: Group) -> bool:
    """'19 troops of the Riyadh-led coalition': the coalition names whose people they are, not a side."""
    view = group.view
    return any(a.kb_id_ in SEVERAL_STATES and 0 <= a.start - group.end <= 4 for a in view.actors)


def _nationality_wins(group: Group, context: ArticleContext) -> None:
    """People go home: 'Russia repatriated 6,000 Ukrainian bodies' gives RUS -> UKR whatever the verb said."""
    nat = group.nationality
    if nat is None or context.sides is None or nat not in context.sides or group.category not in PERSON_CATEGORIES:
        return
    if group.receiver not in (None, nat) and group.giver in (None, nat):
        group.giver, group.receiver = group.receiver, nat
        group.rules.append("direction.nationality_over_verb")
    elif group.giver == nat and group.receiver is None:
        group.giver, group.receiver = None, nat
        group.rules.append("direction.nationality_over_verb")


def oppose_pairs(groups: list[Group], context: ArticleContext) -> None:
    """'three hostages for 90 prisoners': the groups on either side of 'for' go opposite ways."""
    groups = [g for g in groups if "group.single_person" not in g.rules]
    for a, b in zip(groups, groups[1:]):
        # "270 prisoners were exchanged for 270": one figure on each side
        if a.view is b.view and a.count is not None and not (a.giver or a.receiver) \
                and not (b.giver or b.receiver) and not a.per_side and a.nationality is None and b.nationality is None \
                and a.count == b.count and any(a.view.cue(k) is not None and a.view.cue(k).label_ in ("FOR", "EXCHANGE")
                        for k in range(a.end, b.start)):
            a.per_side = True
            b.part_of = True
            a.rules.append("direction.n_for_n")
        if a.view is not b.view:
            continue
        between = [a.view.cue(k) for k in range(a.end, b.start)]
        if not any(c is not None and c.label_ == "FOR" for c in between):
            continue
        for first, second in ((a, b), (b, a)):
            if (first.giver or first.receiver) and not (second.giver or second.receiver):
                other = context.counterpart(first.giver, second.category)
                if first.receiver is not None and first.receiver == first.nationality \
                        and _third_country(first.receiver, context) and other not in (None, first.receiver):
                    # "the RSF freed two German nurses in exchange for 20 of its fighters": the foreigners go
                    # home, and what their captor gets back comes from the other side of its war
                    second.giver, second.receiver = other, first.giver
                    second.rules.append("direction.return_from_counterpart")
                    continue
                second.giver, second.receiver = first.receiver, first.giver
                second.rules.append("direction.opposite_of_pair")


def _has_own_verb(view: SentenceView, group: Group) -> bool:
    """'... and 55 Russian soldiers were returned to Russia': a group with its own verb is no part."""
    for k in range(group.end, min(view.end, group.end + 4)):
        cue = view.cue(k)
        if view.lower[k] in (",", ")", ";"):
            return False  # ", including 40 civilians, had been released": the verb is the whole's
        if cue is not None and cue.label_ in ("GIVE", "RECEIVE", "HOME"):
            return any(view.lower[m] in ("were", "was", "have", "has", "had", "are", "is")
                       for m in range(group.end, cue.start))
    return False


def mark_parts(groups: list[Group]) -> None:
    """Groups after 'including' or 'among them' in the same sentence are parts of an earlier group."""
    for i, group in enumerate(groups):
        view = group.view
        if PART_OF.isdisjoint(view.word_set):
            continue  # no word in the sentence opens a part
        wholes = [g for g in groups[:i] if g.view is view and not g.part_of]
        if not wholes and any(view.lower[k] == "among" for k in range(max(view.start, group.start - 3), group.start)):
            continue  # "among the 307 freed were 21 servicemen": the 307 is the whole
        window = range(wholes[-1].end if wholes else view.start, group.start)
        open_part = False
        for k in window:
            if view.lower[k] in PART_OF:
                open_part = True
            elif view.lower[k] == ")" or (view.cue(k) is not None and view.cue(k).label_ in ("FOR", "GIVE", "RECEIVE",
                                                                                          "HOME", "EXCHANGE")):
                open_part = False
        if open_part and not _has_own_verb(view, group):
            group.part_of = True
            group.rules.append("group.part_of")
        elif _among_later(view, group, groups[i + 1:]):
            group.part_of = True  # "two reporters, a pilot and a priest were among 24 prisoners freed"
            group.rules.append("group.part_of")


AMONG_VERBS = frozenset({"were", "are", "was", "is", "be", "been"})


def _among_later(view: SentenceView, group: Group, later: list[Group]) -> bool:
    """The group is the subject of 'were among' a figure that follows in its sentence."""
    for k in range(group.end + 1, view.end):
        if view.lower[k] == "among" and view.lower[k - 1] in AMONG_VERBS:
            return any(g.view is view and 0 < g.start - k <= 4 for g in later)
        cue = view.cue(k)
        if view.lower[k] in (";", ".") or (cue is not None and cue.label_ in ("FOR", "GIVE", "RECEIVE", "EXCHANGE")):
            return False
    return False


def _only_dyad_guess(group: Group) -> bool:
    """A generic group whose sides are only the dyad's default for its guessed category."""
    return "category.dyad_default" in group.rules and "direction.category_sides" in group.rules and not any(
        r.startswith("direction.") and r != "direction.category_sides" for r in group.rules)


def _other_people(group: Group) -> bool:
    """'180 other prisoners': 'other' between the figure and its noun."""
    if group.quantity is None or group.noun is None or group.noun.start < group.quantity.end:
        return False
    return "other" in group.view.words_between(group.quantity.end, group.noun.start)


THIRD_PERSON_POSSESSIVES = frozenset({"its", "their"})
POSSESSOR_LABELS = frozenset({"STATE", "CAPITAL", "GROUP", "SEAT"})


def possessor_side(view: SentenceView, group: Group, sides: tuple[str, str] | None) -> str | None:
    """'Russia said 120 of its servicemen had been returned': 'its' is the one side named before the figure
    (none other before it in the sentence, so 'Ukraine said Russia freed 120 of its soldiers' stays unread),
    with no transfer verb between them (rule group.possessor_side)."""
    if group.quantity is None or group.noun is None or group.noun.start <= group.quantity.end:
        return None
    if THIRD_PERSON_POSSESSIVES.isdisjoint(view.lower[group.quantity.end:group.noun.start]):
        return None
    before = [a for a in view.actors if a.end <= group.quantity.start and a.label_ in POSSESSOR_LABELS]
    if len({a.kb_id_ for a in before}) != 1 or any(a.end <= group.quantity.start and a.label_ == "DEMONYM"
                                                   for a in view.actors):
        return None
    # "Kinshasa freed fifteen of their combatants": the releaser's captives are the other side's people
    if any(before[0].end <= c.start < group.quantity.start for c in view.cues_with("GIVE", "RECEIVE", "EXCHANGE")):
        return None
    side = before[0].kb_id_
    return side if sides is None or side in sides else None


GAPPING_LEADS = frozenset({"and", ",", "while", "whereas"})
GAPPED_LABELS = frozenset({"STATE", "CAPITAL", "GROUP", "SEAT"})


def gapped_subjects(groups: list[Group]) -> None:
    """'Kyiv received 150 servicemen and Moscow 150': a bare figure right after a side named after 'and' has the
    earlier clause's verb with that side as its subject, the earlier subject on the other end (rule
    direction.gapped_subject)."""
    for a, b in zip(groups, groups[1:]):
        if a.view is not b.view or b.quantity is None or "group.elliptic" not in b.rules:
            continue
        view = b.view
        actor = view.actor(b.quantity.start - 1)
        if actor is None or actor.end != b.quantity.start or actor.label_ not in GAPPED_LABELS \
                or actor.start <= view.start or view.lower[actor.start - 1] not in GAPPING_LEADS:
            continue
        side = actor.kb_id_
        if "direction.receiver_subject" in a.rules and a.receiver is not None and a.receiver != side:
            b.giver, b.receiver = a.receiver, side
        elif "direction.giver_subject" in a.rules and a.giver is not None and a.giver != side:
            b.giver, b.receiver = side, a.giver
        else:
            continue
        if b.nationality is not None and b.nationality == a.nationality:
            b.nationality = None  # the earlier figure's nationality, taken by the bare figure: the other side's people
        b.rules.append("direction.gapped_subject")


def side_named_at(view: SentenceView, actor: Span, labels: frozenset[str]) -> bool:
    """A side named as the subject of a handover: an actor of one of `labels`, or a demonym before a word for a
    state's body ('the Yemeni government', 'the Indian authorities')."""
    return actor.label_ in labels or (actor.label_ == "DEMONYM" and actor.end < view.end
                                      and view.lower[actor.end] in RECEIVING_BODIES)


def respective_subjects(groups: list[Group]) -> None:
    """'Armenia and Azerbaijan released 32 and two prisoners respectively': the sides of a coordinated subject
    take the figures in their order, each giving (or, with a verb of receiving, getting) its own (rule
    direction.respectively)."""
    counted = [g for g in groups if g.count is not None and g.quantity is not None and not g.part_of]
    if len(counted) != 2 or counted[0].view is not counted[1].view \
            or "respectively" not in counted[0].view.word_set:
        return
    view = counted[0].view
    first = counted[0]
    verb = next((view.cue(k) for k in range(first.start - 1, view.start - 1, -1)
                 if view.cue(k) is not None and view.cue(k).label_ in ("GIVE", "RECEIVE")), None)
    if verb is None:
        return
    actors = [a for a in view.actors if a.end <= verb.start and side_named_at(view, a, SUBJECT_LABELS - {"DEMONYM"})]
    if len(actors) < 2:
        return
    a, b = actors[-2], actors[-1]
    if view.words_between(a.end, b.start) not in (("and",), ("and", "the")) or a.kb_id_ == b.kb_id_:
        return
    for group, side, other in ((counted[0], a.kb_id_, b.kb_id_), (counted[1], b.kb_id_, a.kb_id_)):
        group.giver, group.receiver = (side, other) if verb.label_ == "GIVE" else (other, side)
        group.rules = [r for r in group.rules if r not in ("direction.several_givers", "direction.unsplit")]
        group.rules.append("direction.respectively")


def share_coordinated(groups: list[Group]) -> None:
    """'three women and 387 men were freed from Russian captivity': one direction for both."""
    for a, b in zip(groups, groups[1:]):
        if a.view is not b.view or a.per_side != b.per_side:
            continue
        if "group.from_side" in b.rules and b.quantity is not None:
            # "Armenia received 43 sets of remains: 41 from Azerbaijan and 2 from Georgia": the side it came from
            # gives it, to the receiver of the figure before
            side = _from_side_actor(b.view, b.quantity.end)
            receiver = a.receiver if a.receiver is not None else b.receiver
            if side is not None and side.kb_id_ != receiver:
                b.giver, b.receiver = side.kb_id_, receiver
                b.rules = [r for r in b.rules if r not in ("direction.coordinated", "direction.dyad")]
                b.rules.append("direction.from_side")
        if "group.elliptic" in b.rules and b.date_at is not None and not (b.giver or b.receiver) \
                and (a.giver or a.receiver) and not any(
                    b.view.cue(k) is not None and b.view.cue(k).label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE", "FOR")
                    for k in range(a.end, b.start)):
            # "the RSF released 8 soldiers on Sunday and 6 on Monday": the next day's figure, the same way
            b.giver, b.receiver = a.giver, a.receiver
            b.rules.append("direction.next_day_figure")
            continue
        if "group.bodies_of_shared" in b.rules and "group.bodies_of" in a.rules and (a.giver or a.receiver):
            # "the remains of 41 Kuwaitis and two Saudis": remains go to the side they are handed to (README),
            # the sibling's, whatever the nationality of the dead
            b.giver, b.receiver = a.giver, a.receiver
            b.rules.append("direction.remains_with_sibling")
            continue
        words = [a.view.lower[k] for k in range(a.end, b.start)]
        breakdown = bool(words) and words[-1] in (":", "-", "—", "–") and len(words) <= 4 \
            and a.count is not None and b.count is not None \
            and a.count.value is not None and b.count.value is not None and a.count.value > b.count.value
        if not words or (words not in (["and"], [",", "and"], ["plus"]) and not breakdown):
            continue  # "230 people - 224 soldiers and six civilians": the parts go the whole's way
        if _other_people(b) and a.nationality is not None and b.nationality is None and (a.giver or a.receiver):
            # "700 detained Houthis and 180 other prisoners": the others are the other side's people
            b.giver, b.receiver = a.receiver, a.giver
            b.rules.append("direction.other_conjunct")
            continue
        for src, dst in ((a, b), (b, a)):
            if _only_dyad_guess(dst) and (src.giver or src.receiver) and not _only_dyad_guess(src):
                dst.giver = dst.receiver = None  # "13 Israeli hostages and 4 workers": the sibling's direction
            if (src.giver or src.receiver) and not (dst.giver or dst.receiver) and dst.nationality is None:
                dst.giver, dst.receiver = src.giver, src.receiver
                dst.rules.append("direction.coordinated")
            elif "direction.giver_subject" in src.rules and dst.giver is None and src.giver != dst.receiver:
                dst.giver = src.giver  # "the Houthis released 81 soldiers and 15 Saudi soldiers"
                dst.rules.append("direction.coordinated_giver")
            elif "direction.giver_subject" in src.rules and dst.giver is None and src.giver is not None \
                    and src.giver == dst.receiver == dst.nationality and dst.category == "prisoners" and dst is b:
                # "Caracas freed 10 Americans and 20 Venezuelan political prisoners in return for X": its own
                # people freed at home, handed to nobody
                dst.part_of = True
                dst.rules.append("direction.own_nationals_freed")
        if a.count is not None and b.count is not None and a.count.qualifier == b.count.qualifier == "exact" \
                and not breakdown and (a.giver, a.receiver, a.category) == (b.giver, b.receiver, b.category):
            total = Count.exact(a.count.value + b.count.value)
            a.total = b.total = total


NAME_PARTICLES = frozenset({"al", "al-", "bin", "ibn", "de", "da", "del", "van", "von", "der", "le", "la", "abu"})
NAME_STOPS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "president", "minister", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october", "november", "december",
                        "in", "on", "at", "but", "and", "after", "before", "when", "while", "he", "she", "they", "it"})


def _name_token(view: SentenceView, k: int) -> bool:
    tok = view.sent.doc[k]
    text = tok.text
    if view.actor(k) is not None or view.cue(k) is not None or view.doc_index.quantity_at[k] is not None:
        return False
    if tok.lower_ in NAME_STOPS or not text[:1].isupper() or len(text) < 2:
        return False
    return all(part.isalpha() for part in text.replace("-", " ").replace("'", " ").replace("’", " ").split())


def _name_span(view: SentenceView, start: int, step: int) -> tuple[int, int] | None:
    """Two to four capitalised words (with particles such as 'bin' between them) from token `start`,
    read forwards (step 1) or backwards (step -1)."""
    k, taken = start, []
    while view.start <= k < view.end and len(taken) < 5:
        if _name_token(view, k):
            taken.append(k)
        elif taken and view.lower[k] in NAME_PARTICLES and view.start <= k + step < view.end \
                and _name_token(view, k + step):
            taken.append(k)
        else:
            break
        k += step
    names = [t for t in taken if _name_token(view, t)]
    if len(names) < 2 or len(taken) > 4:
        return None
    lo, hi = min(taken), max(taken) + 1
    if lo == view.start and hi - lo < 2:
        return None
    return lo, hi


RANK_ID = "rank"  # PERSON cues of a military rank written as a title ("Sepoy", "Private", "Major"; cues.jsonl)
RANK_RULE = "group.rank_before_name"
APPOSITION_HEADS = frozenset({"PERSON", "CATEGORY"})


def read_ranks(view: SentenceView) -> None:
    """A rank written as a title names a serviceman only before a name (rule group.rank_before_name):
    'Private Ahmed Khan', 'Sepoy Ram Singh' become PERSON cues of pows; a rank in apposition to a person
    noun ('a captured soldier, Sepoy Ram Singh,') is that person's title and stays in the name read after
    the noun; with no name after it ('Major powers', 'Captain of the team') it is no person."""
    ranks = [c for c in view.cues if c.label_ == "PERSON" and c.kb_id_ == RANK_ID]
    if not ranks:
        return
    for cue in ranks:
        named = _name_span(view, cue.end, 1)
        n = view.cues.index(cue)
        if named is not None and named[0] == cue.end and not _apposition(view, cue):
            person = Span(cue.doc, cue.start, cue.end, label="PERSON", kb_id="pows")
            view.cues[n] = person
            for k in range(cue.start, cue.end):
                view.doc_index.cue_at[k] = person
            view.doc_index.ranks.add(cue.start)
        else:
            del view.cues[n]
            for k in range(cue.start, cue.end):
                view.doc_index.cue_at[k] = None
    for cached in ("cue_labels", "cue_texts", "_cues_by_label"):
        view.__dict__.pop(cached, None)


def mark_ranked(groups: list[Group]) -> None:
    """The persons a rank before a name stands for carry rule group.rank_before_name."""
    for group in groups:
        if group.noun is not None and group.noun.start in group.view.doc_index.ranks and RANK_RULE not in group.rules:
            group.rules.append(RANK_RULE)


def _apposition(view: SentenceView, cue: Span) -> bool:
    """'a captured soldier, Sepoy Ram Singh': the rank opens an apposition to a person noun."""
    k = cue.start - 1
    if k - 1 < view.start or view.lower[k] != ",":
        return False
    head = view.cue(k - 1)
    return head is not None and head.label_ in APPOSITION_HEADS


def person_name(view: SentenceView, person: Span) -> str | None:
    """The name the text gives the person a PERSON noun stands for: 'Mara Quint, an American engineer',
    'American teacher Mara Quint', 'the engineer, Mara Quint,'."""
    doc = view.sent.doc
    # "teacher Mara Quint": the name right after the noun
    if person.end < view.end:
        span = _name_span(view, person.end, 1)
        if span is not None:
            return doc[span[0]:span[1]].text
    # "Mara Quint, an American engineer": the name before ", a/an/the [adjectives] noun"
    span = appositive_name(view, person)
    if span is not None:
        return doc[span[0]:span[1]].text
    # "the president's ally is Mara Quint": the name after a copula
    copula = next((k for k in range(person.end, min(view.end - 1, person.end + 6)) if view.lower[k] in ("is", "was")),
                  None)
    if copula is not None and not any(view.cue(k) is not None or view.lower[k] in (",", "who")
                                      for k in range(person.end, copula)):
        span = _name_span(view, copula + 1, 1)
        if span is not None and span[0] == copula + 1:
            return doc[span[0]:span[1]].text
    # "the engineer, Mara Quint,"
    if person.end + 1 < view.end and doc[person.end].text == ",":
        span = _name_span(view, person.end + 1, 1)
        if span is not None:
            return doc[span[0]:span[1]].text
    return None


def appositive_name(view: SentenceView, person: Span) -> tuple[int, int] | None:
    """'Mara Quint, an American engineer': the token range of the name before ', a/an/the [adjectives]
    noun', else None."""
    doc = view.sent.doc
    k = person.start - 1
    while k > view.start and (view.actor(k) is not None or view.lower[k] in PERSON_DETERMINERS
                             or (doc[k].is_lower and doc[k].is_alpha and person.start - k <= 3)):
        if view.lower[k] in ("a", "an", "the"):
            k -= 1
            break
        k -= 1
    if k > view.start and doc[k].text == ",":
        return _name_span(view, k - 1, -1)
    return None


PERSON_DETERMINERS = frozenset({"the", "a", "an", "one", "its", "his", "her", "their", "detained", "kidnapped",
                                "abducted", "jailed", "imprisoned", "former", "captured"})


RANK_WORDS = frozenset({"brigadier", "major", "lieutenant", "lt", "lt.", "maj", "maj.", "rear", "vice", "staff",
                        "first", "chief", "senior", "colonel", "general", "army"})
SPEAKER_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "statement", "said", "told", "says", "added"})


def _speaking_officer(view: SentenceView, person: Span) -> bool:
    """'a statement from Brigadier General Ali Nasser, a spokesman for the army': a rank before a
    name in a speaker's title, not a person handed over."""
    titled = person.start in view.doc_index.ranks or (person.start > view.start
                                                       and view.lower[person.start - 1] in RANK_WORDS)
    if not titled:
        return False
    return any(w in SPEAKER_WORDS for w in view.words_between(view.start, view.end))


def single_persons(view: SentenceView, groups: list[Group], context: ArticleContext) -> list[Group]:
    """'the mayor ... in exchange for nine Russian POWs': one named person swapped for a counted group
    is a flow of one."""
    counted = [g for g in groups if g.count is not None and not g.part_of]
    if not counted:
        return person_for_person(view) or _released_person(view, context) or _handed_person(view, context)
    if len(counted) > 1 and not any(g.per_side for g in counted):
        # "freed 10 Americans and 20 of its own prisoners in return for X": the name after the pivot
        return _named_across_pivot(view, max(counted, key=lambda g: g.end))
    if len(counted) != 1 or counted[0].per_side:
        return []
    other = counted[0]
    pivots = view.cues_with("FOR")
    out = []
    for person in _person_cues(view):
        if person.start < view.end - 1 and view.cue(person.end) is not None and view.cue(person.end).label_ == "EXCHANGE" \
                and span_text(view.cue(person.end)).lower() in ("exchange", "swap"):
            continue
        if _speaking_officer(view, person):
            continue
        if person.start > other.end and any(w in ("including", "among", "includes", "included")
                                            for w in view.words_between(other.end, person.start)):
            continue  # "55 prisoners, including Viktor Orlov, a former MP": one of the 55
        between = range(min(person.end, other.end), max(person.start, other.start))
        pivot = any(min(between, default=0) <= c.start <= max(between, default=-1) for c in pivots) or any(
            view.cue(k) is not None and view.cue(k).label_ == "EXCHANGE" for k in between)
        # "In exchange for 15 Venezuelans, Caracas freed an American pilot": the group is the pivot's object
        fronted = person.start >= other.end and any(c.kb_id_ != "for" and other.start - 2 <= c.end <= other.start
                                                    for c in pivots)
        if not (pivot or fronted):
            continue
        lone = person.label_ == "CATEGORY"  # "an Israeli soldier", "a hostage": the word names its category
        category = person.kb_id_ if lone or context.default_category != "prisoners" else "prisoners"
        group = _swapped_back(view, person, other, category=category,
                              rules=["group.single_person"] + (["group.lone_captive"] if lone else []))
        _name(group, view, person)
        each = _one_of_each(view, group)
        demonym = view.actor(person.start - 1) if person.start - 1 >= view.start else None
        if not each and demonym is not None and demonym.label_ == "DEMONYM" and demonym.end == person.start \
                and _indefinite_before(view, demonym.start):
            group.nationality = _dual_aware_nationality(view, person)  # "a Kenyan doctor": one of that state
            if group.nationality is not None:
                group.rules.append("group.single_national")
        out += each or [group]
        if not each and group.nationality is not None:
            out += _coordinated_persons(view, person, group)
        break
    if not out:
        out = _named_across_pivot(view, other)
    if not out:  # "Washington will release businessman X, and Caracas will free 12 Americans"
        out = [g for g in _released_person(view, context, reciprocal_of=other)
               if not other.start <= g.start < other.end]
    if not out:  # "Hamas handed the soldier to Egyptian mediators, and Israel released 477 prisoners"
        out = [g for g in _handed_person(view, context)
               if g.giver is not None and not _same_clause(view, g.start, other.start)]
        for g in out:
            g.rules.append("group.lone_beside_counted")
    return out


def _lone_captives(view: SentenceView) -> list[Span]:
    """'an Israeli soldier', 'a hostage', 'a Russian-Israeli woman': a singular people word of a category after an
    indefinite article (a demonym or two between), one captive as a person noun is one (rule group.lone_captive)."""
    out = []
    for cue in view.cues_with("CATEGORY"):
        if span_text(cue).lower().endswith("s") or cue.kb_id_ in ("generic", "foreigners", "bodies"):
            continue
        k = cue.start
        while k - 1 >= view.start and view.actor(k - 1) is not None and view.actor(k - 1).label_ == "DEMONYM":
            k = view.actor(k - 1).start
            if k - 1 >= view.start and view.lower[k - 1] == "-":
                k -= 1
        if _indefinite_before(view, k):
            out.append(cue)
    return out


COORDINATED_PERSON_REACH = 4  # words from a demonym to its person noun: "a Polish human rights activist"


def _coordinated_persons(view: SentenceView, person: Span, first: Group, *, backward: bool = False) -> list[Group]:
    """'in exchange for a Lithuanian journalist and a Polish human rights activist': each person, with an
    indefinite article and a demonym of their own, coordinated right after a single national (`backward`:
    right before it), is one more person of that state, handed over the same way (rule
    group.coordinated_person)."""
    out = []
    for start, noun in (_persons_before(view, person) if backward else _persons_after(view, person)):
        one = replace(first, noun=Span(view.sent.doc, start, noun.end, label=noun.label_, kb_id=noun.kb_id_),
                      nationality=_dual_aware_nationality(view, noun), people=[],
                      rules=[r for r in first.rules if r != "group.named_person"] + ["group.coordinated_person"])
        _name(one, view, noun)
        out.append(one)
    return out


def _national_noun(view: SentenceView, k: int) -> Span | None:
    """The person noun of 'a Polish human rights activist' opening at token k (the indefinite article)."""
    if k + 1 >= view.end or view.lower[k] not in INDEFINITE:
        return None
    demonym = view.actor(k + 1)
    if demonym is None or demonym.label_ != "DEMONYM" or demonym.start != k + 1 or _is_plural_demonym(demonym):
        return None
    return next((c for c in view.cues_with("PERSON") if demonym.end <= c.start <= demonym.end + COORDINATED_PERSON_REACH
                 and not any(view.sent.doc[m].is_punct for m in range(demonym.end, c.start))), None)


def _persons_after(view: SentenceView, person: Span) -> list[tuple[int, Span]]:
    out = []
    k = person.end
    while k + 2 < view.end:
        if view.lower[k] == "," and view.lower[k + 1] == "and":
            k += 1
        if view.lower[k] not in ("and", ","):
            break
        noun = _national_noun(view, k + 1)
        if noun is None:
            break
        out.append((k + 1, noun))
        k = noun.end
    return out


def _persons_before(view: SentenceView, person: Span) -> list[tuple[int, Span]]:
    """'a Polish journalist and a Lithuanian activist': the nationals coordinated before `person`'s own
    indefinite article, nearest first."""
    start = next((m for m in range(person.start - 1, max(view.start, person.start - COORDINATED_PERSON_REACH - 2) - 1, -1)
                  if view.lower[m] in INDEFINITE), None)
    out = []
    while start is not None and start - 1 > view.start and view.lower[start - 1] in ("and", ","):
        k = start - 1
        if view.lower[k] == "and" and view.lower[k - 1] == ",":
            k -= 1
        found = next(((m, c) for m in range(k - 2, max(view.start, k - COORDINATED_PERSON_REACH - 3) - 1, -1)
                      for c in [_national_noun(view, m)] if c is not None and c.end == k), None)
        if found is None:
            break
        out.append(found)
        start = found[0]
    return out


def _same_clause(view: SentenceView, a: int, b: int) -> bool:
    lo, hi = view.clause_bounds(a)
    return lo <= b < hi


SINGLE_FILLERS = frozenset({"former", "jailed", "detained", "captured", "kidnapped", "abducted", "young", "elderly",
                            "retired"})


def _person_cues(view: SentenceView) -> list[Span]:
    """The sentence's person nouns: its PERSON cues and the singular people words of a category the CATEGORY
    gazetteer shadows them with, told of one person ('a Russian soldier', 'a captured serviceman', 'a hostage',
    'an American-Israeli soldier': `_lone_captives`)."""
    persons = view.cues_with("PERSON") + _lone_captives(view)
    return sorted(persons, key=lambda c: c.start) if len(persons) > 1 else persons


def _indefinite_before(view: SentenceView, k: int) -> bool:
    """'a Kenyan', 'a kidnapped Kenyan': an indefinite article (with at most one filler) before token k; not
    'the former jailed Russian leader', someone already known."""
    m = k - 1
    if m >= view.start and view.lower[m] in SINGLE_FILLERS:
        m -= 1
    return m >= view.start and view.lower[m] in INDEFINITE


def _coordinated_nationals(view: SentenceView, person: Span) -> list[Span]:
    """'an American and an Australian professor', 'a Chilean, a Peruvian and a Bolivian engineer': singular
    demonyms, each after its own indefinite article, coordinated before one person noun: the demonyms, in
    order (none unless two or more)."""
    found: list[Span] = []
    k = person.start
    while k - 2 >= view.start:
        actor = view.actor(k - 1)
        if actor is None or actor.label_ != "DEMONYM" or actor.end != k or _is_plural_demonym(actor) \
                or actor.start - 1 < view.start or view.lower[actor.start - 1] not in INDEFINITE:
            break
        found.append(actor)
        k = actor.start - 1
        if k - 1 < view.start or view.lower[k - 1] not in ("and", ","):
            break
        k -= 1
        if view.lower[k] == "and" and k - 1 >= view.start and view.lower[k - 1] == ",":
            k -= 1  # the serial comma
    return found[::-1] if len(found) >= 2 else []


def _one_of_each(view: SentenceView, group: Group) -> list[Group]:
    """One person of each coordinated nationality (rule group.one_of_each): 'an American and an Australian
    professor' are two people, one going home to each state; kidnapped ones are hostages."""
    nationals = _coordinated_nationals(view, group.noun)
    if not nationals:
        return []
    hostages = _kidnapped_after(view, group.noun) or any(
        view.lower[m] in HOSTAGE_MODIFIERS for m in range(max(view.start, nationals[0].start - 3), group.noun.start))
    out = []
    for demonym in nationals:
        one = replace(group, noun=Span(view.sent.doc, demonym.start - 1, group.noun.end, label=group.noun.label_,
                                       kb_id=group.noun.kb_id_),
                      nationality=demonym.kb_id_, people=[], rules=group.rules + ["group.one_of_each"])
        if hostages:
            one.category = "hostages"
            one.rules.append("group.kidnapped")
        out.append(one)
    return out


def _named_across_pivot(view: SentenceView, other: Group) -> list[Group]:
    """'the Taliban freed two Americans in exchange for Khan Mohammed, an Afghan jailed in California': a
    name (or 'a Russian citizen') right after the swap pivot that follows the counted group is one person
    going the other way (rule group.named_across_pivot)."""
    pivot = next((c for c in view.cues_with("FOR") if c.kb_id_ != "for" and c.start >= other.end
                  and c.start - other.end <= 8 and view.lower[c.end - 1] == "for"), None)
    if pivot is None:
        return []
    person = _name_after(view, pivot.end) or _national_person(view, pivot.end, view.end)
    if person is None or person.start - pivot.end > 2:
        return []
    named = person.label_ != "PERSON"
    group = _swapped_back(view, person, other, category="prisoners",
                          nationality=_dual_aware_nationality(view, person) if not named else None,
                          rules=["group.single_person", "group.named_across_pivot"])
    if named:
        group.people.append(span_text(person))
        group.rules.append("group.named_person")
    return [group]


def _swapped_back(view: SentenceView, person: Span, other: Group, *, category: str, rules: list[str],
                  nationality: str | None = None) -> Group:
    """One person swapped for the counted group `other`: a flow of one, the reverse way."""
    group = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category=category,
                  nationality=nationality, rules=rules)
    group.giver, group.receiver = other.receiver, other.giver
    holder = _holder_after(view, person.end)
    if holder is not None and holder != group.receiver:
        group.giver = holder  # "in exchange for a soldier held by Hezbollah": the holder gives him
        group.rules.append("direction.held_in")
    group.transit = True  # its direction is the reverse of the group it was swapped for
    return group


HELD_WORDS_AFTER_PERSON = frozenset({"held", "captured", "kidnapped", "abducted", "detained", "jailed", "imprisoned"})


def _holder_after(view: SentenceView, k: int) -> str | None:
    """'a soldier held by Hezbollah', 'a pilot captured by the rebels': the party holding the person named right
    after the person noun."""
    if k >= view.end or view.lower[k] not in HELD_WORDS_AFTER_PERSON:
        return None
    holder = _holder_named_at(view, k + 1)
    return holder.kb_id_ if holder is not None else None


HOLDER_LABELS = frozenset({"STATE", "CAPITAL", "GROUP", "INSTITUTION"})
AGENT_OVER_HOLDER_RULE = "direction.agent_over_holder"


def _holder_reach(view: SentenceView, cue: Span) -> bool:
    """'held in' names no holder ('held in Iraqi jails', 'held in a prison in Mexico'): the place of
    detention after it may."""
    return view.lower[cue.start] == "held" and cue.end < view.end and view.lower[cue.end] == "in"


DURATION_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "day", "week", "month", "year",
                            "decade"})
DURATION_REACH = 4  # tokens from "for" to its unit: "for more than two years"
HELD_PAST_DURATION_RULE = "direction.held_past_duration"


def past_duration(view: SentenceView, k: int) -> int:
    """The token after a time of captivity at k ('for three months', 'for more than a year', 'since January'),
    or k itself when there is none: '(held) for three months by the Nusra Front' names its holder after it."""
    if k >= view.end:
        return k
    if view.lower[k] == "for":
        return next((m + 1 for m in range(k + 1, min(view.end, k + 1 + DURATION_REACH))
                     if view.lower[m] in DURATION_UNITS), k)
    if view.lower[k] == "since":
        return next((d.end for d in view.dates if d.start in (k, k + 1)), k)
    return k


def _holder_named_at(view: SentenceView, k: int) -> Span | None:
    """'(held) in the United States', '(held) by the RSF': the party named after 'in' or 'by' at k, not the
    first of a list of places."""
    if k >= view.end or view.lower[k] not in ("in", "by"):
        return None
    holder = _actor_after(view, k + 1, 3)
    if holder is None or holder.label_ not in HOLDER_LABELS or _listed_after(view, holder):
        return None
    return holder


# what may follow a demonym used as a noun ("one American was freed", "five Lebanese on Monday"), not as an adjective
# ("five Lebanese fishermen"): prepositions, auxiliaries, conjunctions and the participles of captivity and release
DEMONYM_HEAD_NEXT = frozenset({"and", "or", "but", "on", "in", "at", "from", "to", "for", "with", "by", "into",
                               "across", "who", "whom", "that", "were", "was", "are", "is", "had", "have", "has",
                               "being", "as", "after", "before", "while", "among", "including", "held", "freed",
                               "released", "jailed", "detained", "imprisoned", "captured", "kidnapped", "abducted",
                               "arrested", "taken", "returned", "home", "back"})


def _demonym_heads(view: SentenceView, demonym: Span) -> bool:
    """The demonym ends its noun phrase (the sentence's end, punctuation or a word in DEMONYM_HEAD_NEXT after it):
    it names people, it is no adjective of a noun after it."""
    k = demonym.end
    return k >= view.end or view.sent.doc[k].is_punct or view.lower[k] in DEMONYM_HEAD_NEXT


COMPARATIVES = frozenset({"less", "fewer", "more"})
ONE_BLOCKERS = frozenset({"no", "every", "each", "any", "only", "at", "the", "which", "this", "that"})


def ones(view: SentenceView, groups: list[Group]) -> list[Group]:
    """'exchanged one prisoner each', 'a one-for-one swap': a figure of one that the quantity
    recogniser leaves alone (a lone 'one' is too often no count)."""
    doc = view.sent.doc
    taken = {k for g in groups for k in range(g.start, g.end)}
    out = []
    out += _listed_one(view, groups, taken)
    out += _freed_national(view, taken)
    out += _a_person_each(view, taken)
    if " one " not in view.padded_text:
        return out
    for i in range(view.start, view.end):  # (token indices: no Token object per word of the sentence)
        if view.lower[i] != "one" or i in taken or (i > view.start and view.lower[i - 1] in ONE_BLOCKERS):
            continue
        words = [view.lower[k] for k in range(i, min(view.end, i + 5))]
        if words[:5] == ["one", "-", "for", "-", "one"] or words[:3] == ["one", "for", "one"]:
            if any(g.count is not None and g.count.value != 1 for g in groups):
                continue  # "released 246 each in what amounted to a one-for-one swap": the swap's kind
            cue = view.cue(i + 5) if i + 5 < view.end else None
            group = Group(view=view, quantity=None, noun=doc[i:i + 5], count=Count.exact(1), category="generic",
                          per_side=True, rules=["group.one_for_one"])
            out.append(group)
            continue
        nxt = view.actor(i + 1) if i + 1 < view.end else None
        if nxt is not None and nxt.label_ == "DEMONYM" and nxt.start == i + 1 and not span_text(nxt).endswith("s") \
                and _demonym_heads(view, nxt):
            # "Tehran released one American": one national of that state
            out.append(Group(view=view, quantity=None, noun=doc[i:nxt.end], count=Count.exact(1),
                             category="generic", nationality=nxt.kb_id_, rules=["group.one_national"]))
            continue
        for k in range(i + 1, min(view.end, i + 4)):
            cue = view.cue(k)
            actor = view.actor(k)
            if cue is not None and cue.label_ == "CATEGORY" and not span_text(cue).lower().endswith("s"):
                if cue.end + 1 < view.end and view.lower[cue.end] in COMPARATIVES and view.lower[cue.end + 1] == "than":
                    break  # "one soldier less than promised": a difference between figures, not a group
                before = [view.lower[m] for m in range(max(view.start, i - 2), i)]
                category = "bodies" if before[-2:] in (["remains", "of"], ["body", "of"], ["bodies", "of"]) else cue.kb_id_
                nationality = next((view.actor(m).kb_id_ for m in range(i + 1, cue.start)
                                    if view.actor(m) is not None and view.actor(m).label_ == "DEMONYM"), None)
                group = Group(view=view, quantity=None, noun=doc[i:cue.end], count=Count.exact(1),
                              category=category, nationality=nationality, rules=["group.one"])
                out.append(group)
                break
            if actor is None and (doc[k].is_punct or view.lower[k] in NOUN_STOP):
                break
    return out


def _a_person_each(view: SentenceView, taken: set[int]) -> list[Group]:
    """'India and Pakistan handed back a soldier each', 'freed an officer apiece': one person per side (rule
    group.one_each)."""
    out = []
    for cue in view.cues_with("EACH"):
        if cue.kb_id_ != "each" or cue.start - 2 < view.start or view.lower[cue.start - 2] not in ("a", "an"):
            continue
        noun = view.cue(cue.start - 1)
        if noun is None or noun.start != cue.start - 1 or noun.label_ not in ("CATEGORY", "PERSON") \
                or span_text(noun).lower().endswith("s") or cue.start - 2 in taken:
            continue
        out.append(Group(view=view, quantity=None, noun=view.sent.doc[cue.start - 2:noun.end], count=Count.exact(1),
                         category=noun.kb_id_, per_side=True, rules=["group.one_each"]))
    return out


ASIDE_WORDS = frozenset({",", "who", "which", "that", "whom", "(", "—"})
PASSIVE_BE = frozenset({"was", "is", "has", "had", "been", "being", "also", "later", "then", "finally"})


def _freed_national(view: SentenceView, taken: set[int]) -> list[Group]:
    """'A Thai farm worker was also set free': the subject of a passive release verb, an indefinite article
    before a singular demonym, is one national of that state (rule group.freed_national)."""
    if " a " not in view.padded_text and " an " not in view.padded_text:
        return []
    for verb in view.cues_with("GIVE"):
        if verb.kb_id_ not in RELEASE_KINDS:
            continue
        k = verb.start - 1
        while k > view.start and view.lower[k] in PASSIVE_BE:
            k -= 1
        if k == verb.start - 1 or view.lower[k + 1] not in ("was", "is", "has", "had"):
            continue  # no passive 'was (also) freed'
        person = _national_person(view, view.start, verb.start, last=True)
        # the person's words open the subject: only a participle phrase may come before 'was' ("a Thai
        # worker seized from a farm was freed"), no aside ("X, a Russian who was jailed in Y, has been freed")
        if person is None or any(m in taken for m in range(person.start, person.end)) \
                or any(view.doc_index.quantity_at[m] is not None or view.lower[m] in ASIDE_WORDS
                       for m in range(person.end, k + 1)) \
                or (person.start - 2 >= view.start and view.lower[person.start - 2] == ","):
            continue
        return [Group(view=view, quantity=None, noun=person, count=Count.exact(1), category="generic",
                      nationality=view.actor(person.start).kb_id_, rules=["group.freed_national"])]
    return []


NATIONAL_NOUNS = frozenset({"national", "citizen", "passport-holder"})


def _listed_one(view: SentenceView, groups: list[Group], taken: set[int]) -> list[Group]:
    """'five Israelis, three Thais and a Filipino', 'two Czechs, a Slovak and a Hungarian': 'a' national in
    a list of counted nationals is one national of that state."""
    if not any(g.count is not None and g.nationality is not None for g in groups):
        return []
    doc = view.sent.doc
    out = []
    for k in range(view.start + 1, view.end - 1):
        if view.lower[k] not in ("a", "an") or k in taken or view.lower[k - 1] not in ("and", ","):
            continue
        nxt = view.actor(k + 1)
        if nxt is None or nxt.label_ != "DEMONYM" or nxt.start != k + 1 or span_text(nxt).endswith("s"):
            continue
        # "three Kenyan teachers, a Ugandan engineer and a Somali driver": a trade noun closing the national
        trade = nxt.end < view.end and doc[nxt.end].is_lower and view.lower[nxt.end] in person_nouns_of(doc).singular \
            and (nxt.end + 1 >= view.end or doc[nxt.end + 1].is_punct or view.lower[nxt.end + 1] == "and")
        # "three Kenyan teachers and a Ugandan soldier": a singular people word of a category after the national
        cue = view.cue(nxt.end) if nxt.end < view.end else None
        kind = cue is not None and cue.label_ == "CATEGORY" and cue.start == nxt.end \
            and not span_text(cue).lower().endswith("s") and cue.kb_id_ not in ("generic", "foreigners")
        if not (_demonym_heads(view, nxt) or view.lower[nxt.end] in NATIONAL_NOUNS or trade or kind):
            continue  # "and a Filipino worker": a person noun, read elsewhere ("and a Ukrainian national" is one)
        # (or after one such national: "two Czechs, a Slovak and a Hungarian")
        listed = any(g.count is not None and g.nationality is not None and 0 <= k - g.end <= 2 for g in groups + out)
        if listed and kind:
            out.append(Group(view=view, quantity=None, noun=doc[k:cue.end], count=Count.exact(1), category=cue.kb_id_,
                             nationality=nxt.kb_id_, rules=["group.listed_national_person"]))
        elif listed:
            out.append(Group(view=view, quantity=None, noun=doc[k:nxt.end + (1 if trade else 0)], count=Count.exact(1),
                             category="generic", nationality=nxt.kb_id_, rules=["group.one_national"]))
    return out


def person_for_person(view: SentenceView) -> list[Group]:
    """'Russia freed the jailed American teacher in exchange for a Russian businessman', 'Tom Harlan was
    freed in exchange for Igor Vasin': one for one, each person a PERSON noun or a name."""
    pivots = view.swap_pivots()
    if not pivots:
        return []
    pivot = pivots[0]
    persons = view.cues_with("PERSON")
    before = [p for p in persons if p.end <= pivot.start]
    after = [p for p in persons if p.start >= pivot.end]
    first = before[-1] if before else (_released_name(view, pivot.start)
                                        or _national_person(view, view.start, pivot.start, last=True))
    second = after[0] if after else (_name_after(view, pivot.end) or _national_person(view, pivot.end, view.end))
    if first is None or second is None:
        return []
    out = []
    for person in (first, second):
        # the demonym before the person noun ("a Russian businessman"), or opening a national person
        nationality = _dual_aware_nationality(view, person)
        named = person.label_ != "PERSON"
        # "Russia freed Mara Quint, an American engineer, in exchange for ...": the person stands where the
        # name does, in the clause of the verb that frees her
        apposed = None if named else appositive_name(view, person)
        noun = person if apposed is None else Span(view.sent.doc, apposed[0], person.end, label=person.label_,
                                                   kb_id=person.kb_id_)
        group = Group(view=view, quantity=None, noun=noun, count=Count.exact(1),
                      category="prisoners" if named else person.kb_id_, nationality=nationality,
                      rules=["group.single_person", "group.person_for_person"])
        if named:
            group.people.append(span_text(person))
            group.rules.append("group.named_person")
        else:
            if not any(c.start == person.start and c.end == person.end for c in persons):
                group.rules.append("group.national_person")
            _name(group, view, person)
        out.append(group)
    coordinated = []
    for person, group, backward in ((first, out[0], True), (second, out[1], False)):
        if person.label_ == "PERSON" and group.nationality is not None:
            for one in _coordinated_persons(view, person, group, backward=backward):
                one.rules = ["group.coordinated_person"] + [r for r in one.rules if r == "group.named_person"]
                one.alongside = group
                coordinated.append(one)
    return out + coordinated


def _dual_aware_nationality(view: SentenceView, person: Span) -> str | None:
    """The demonym before a person noun ('a Russian businessman'); of a dual national ('an American-Russian
    dual national' freed by Russia), the state that is not the side named before the person as freeing him."""
    found = [view.actor(m) for m in range(max(view.start, person.start - 5), person.start + 1)
             if view.actor(m) is not None and view.actor(m).label_ == "DEMONYM"]
    found = list(dict.fromkeys(found))
    if len(found) >= 2 and found[-1].start - found[-2].end == 1 and view.lower[found[-2].end] == "-":
        sides = {a.kb_id_ for a in view.actors if a.end <= found[-2].start and a.label_ in SUBJECT_LABELS}
        pair = [a.kb_id_ for a in found[-2:]]
        return next((d for d in pair if d not in sides), pair[0])
    near = [a for a in found if a.start >= person.start - 3]
    return near[0].kb_id_ if near else None


INDEFINITE = frozenset({"a", "an"})
NATIONAL_HEAD_STOP = frozenset({"held", "jailed", "detained", "imprisoned", "convicted", "serving", "who", "in", "on",
                                "at", "for", "from", "to", "by", "and", ",", ".", "sentenced", "arrested", "accused",
                                "charged", "was", "were", "with", "of", "after", "since", "as", "that", "whom"})


def _national_person(view: SentenceView, lo: int, hi: int, *, last: bool = False) -> Span | None:
    """'a Russian citizen', 'an Afghan man', 'a Russian' across a swap pivot: an indefinite article before a
    singular demonym is one person of that state, whatever the noun after it (rule group.national_person).
    The span runs from the demonym over at most two lower-case words, and is a PERSON of category
    prisoners (people swapped between states one by one are held by a state's justice system)."""
    doc = view.sent.doc
    found = None
    for k in range(max(lo, view.start), min(hi, view.end) - 1):
        if view.lower[k] not in INDEFINITE:
            continue
        m = k + 1
        while m < hi and m - k <= 2 and view.actor(m) is None and doc[m].is_lower and doc[m].is_alpha:
            m += 1  # "a jailed Russian", "a young Afghan"
        demonym = view.actor(m) if m < hi else None
        if demonym is None or demonym.label_ != "DEMONYM" or demonym.start != m or demonym.text.endswith("s") \
                or demonym.end > hi:
            continue
        end = demonym.end
        while end < hi and end - demonym.end < 2 and doc[end].is_lower and doc[end].is_alpha \
                and view.lower[end] not in NATIONAL_HEAD_STOP and view.cue(end) is None:
            end += 1
        found = Span(doc, demonym.start, end, label="PERSON", kb_id="prisoners")
        if not last:
            return found
    return found


NAME_FILLERS = frozenset({"the", "a", "an", "jailed", "detained", "imprisoned", "convicted", "former", "close",
                          "prominent", "pro", "-", "anti", "wrongfully", "his", "her", "their", "its"})
BE_WORDS = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "being", "be", "later", "finally"})


def _name_at(view: SentenceView, k: int, limit: int) -> Span | None:
    """The name starting at token k, past fillers and demonyms ('the pro-Russian Oleg Marchuk'), ending by
    `limit`."""
    while k < limit and (view.lower[k] in NAME_FILLERS or (view.actor(k) is not None
                                                            and view.actor(k).label_ == "DEMONYM")):
        k = view.actor(k).end if view.actor(k) is not None else k + 1
    span = _name_span(view, k, 1) if k < limit else None
    if span is None or span[0] != k or span[1] > limit:
        return None
    return view.sent.doc[span[0]:span[1]]


def _name_after(view: SentenceView, k: int) -> Span | None:
    """'... in exchange for Igor Vasin': the name right after the pivot."""
    return _name_at(view, k, view.end)


def _released_name(view: SentenceView, limit: int) -> Span | None:
    """A name released before token `limit`: the object of a release verb ('Moscow freed Tom Harlan') or the
    subject of a passive one ('Tom Harlan was freed')."""
    for verb in view.cues_with("GIVE"):
        if verb.kb_id_ not in RELEASE_KINDS or verb.end >= limit:
            continue
        name = _name_at(view, verb.end, limit)
        if name is not None:
            return name
        k = verb.start - 1
        while k >= view.start and verb.start - k <= 3 and view.lower[k] in BE_WORDS:
            k -= 1
        if k < verb.start - 1 and k >= view.start:
            span = _name_span(view, k, -1)
            if span is not None and span[1] == k + 1:
                return view.sent.doc[span[0]:span[1]]
            # "Tom Harlan, jailed in Iran since 2021, was freed": the name that opens the sentence
            span = _name_span(view, view.start, 1)
            if span is not None and span[1] < verb.start and view.lower[span[1]] == ",":
                return view.sent.doc[span[0]:span[1]]
    return None


RELEASE_KINDS = frozenset({"release", "handover", "return"})
OBJECT_FILLERS = frozenset({"the", "a", "an", "jailed", "detained", "imprisoned", "convicted", "former", "close",
                            "prominent", "wrongfully", "its", "his", "her", "their", "captured"})


def _released_person(view: SentenceView, context: ArticleContext, *,
                     reciprocal_of: Group | None = None) -> list[Group]:
    """'the U.S. government will be releasing Colombian businessman Alex Saab': one person, the object of a
    release verb with a subject, in an article about swaps between states (a prisoners dyad), is a flow of
    one from the subject to the other side. Its sides come from `direct` and the dyad. In any dyad, a
    person released in a clause of its own by the other side of a counted group told before it ('Chad
    freed 40 soldiers, and Libya also released opposition leader X') is one (`group.reciprocal_person`)."""
    if context.sides is None or context.multi:
        return []
    if context.default_category != "prisoners":
        if reciprocal_of is None:
            return []
        return _reciprocal_person(view, context, reciprocal_of)
    for person in view.cues_with("PERSON"):
        if _side_releasing(view, context, person, view.start) is None:
            continue
        group = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category="prisoners",
                      rules=["group.released_person"])
        _name(group, view, person)
        _with_coordinated(group, view, person)
        # "Caracas released Ann Roe, Ian Powers and Tom Okafor, and Washington freed a Venezuelan officer"
        return [group] + [g for g in _released_names(view, context) if "group.named_list" in g.rules]
    return _released_names(view, context)


def _released_names(view: SentenceView, context: ArticleContext) -> list[Group]:
    """'Moscow freed Lena Brandt on Friday': a full name, or a list of them, right after the release verb."""
    for verb in view.cues_with("GIVE"):
        if verb.kb_id_ not in RELEASE_KINDS or verb.end >= view.end:
            continue
        k = verb.end
        while k < view.end and view.lower[k] in OBJECT_FILLERS:
            k += 1
        listed = _names_listed(view, _past_national_noun(view, k))
        span = _name_span(view, k, 1) if k < view.end and not listed else None
        if not listed and (span is None or span[0] != k):
            continue
        subject = _subject_before(view, verb.start, view.start)
        if subject is None or subject.kb_id_ not in context.sides:
            continue
        if listed:
            # "released U.S. citizens Ann Roe, Ian Powers and Tom Okafor": named people with no figure count as
            # their number
            names = view.sent.doc[listed[0][0]:listed[-1][1]]
            return [Group(view=view, quantity=None, noun=names, count=Count.exact(len(listed)), category="prisoners",
                          people=[span_text(view.sent.doc[lo:hi]) for lo, hi in listed],
                          rules=["group.released_person", "group.named_person", "group.named_list"])]
        name = view.sent.doc[span[0]:span[1]]
        group = Group(view=view, quantity=None, noun=name, count=Count.exact(1), category="prisoners",
                      people=[span_text(name)], rules=["group.released_person", "group.named_person"])
        return [group]
    return []


LISTED_NATIONAL_NOUNS = frozenset({"citizens", "nationals"})


def _past_national_noun(view: SentenceView, k: int) -> int:
    """The token after 'U.S. citizens', 'Lithuanian nationals' at token k (k itself when there is none): the
    words that may stand before a list of names."""
    actor = view.actor(k) if k < view.end else None
    if actor is not None and actor.start == k and actor.label_ in ("STATE", "DEMONYM") and actor.end < view.end \
            and view.lower[actor.end] in LISTED_NATIONAL_NOUNS:
        return actor.end + 1
    return k


def _names_listed(view: SentenceView, k: int) -> list[tuple[int, int]]:
    """'Ann Roe, Ian Powers and Tom Okafor' from token k: two or more full names joined by commas and a last
    'and' (the token spans of the names); none when the list does not start at k or does not end in 'and'."""
    found: list[tuple[int, int]] = []
    while k < view.end:
        span = _name_span(view, k, 1)
        if span is None or span[0] != k:
            return []
        found.append(span)
        k = span[1]
        if len(found) >= 2 and view.lower[found[-1][0] - 1] == "and":
            return found
        if k < view.end and view.lower[k] == ",":
            k += 1
        if k < view.end and view.lower[k] == "and":
            k += 1
        elif k >= view.end or view.lower[k - 1] != ",":
            return []
    return []


FORCE_NAME_WORDS = frozenset({"army", "navy", "police", "border", "security", "force", "forces", "air", "military",
                              "naval", "national", "guard"})
PASSIVE_LEADS = frozenset({"was", "were", "has", "had", "been", "is", "being", "safely", "finally", "then", "later",
                           "also", "simultaneously"})
HANDED_KINDS = frozenset({"release", "handover", "return", "home", "receive"})


def _handed_person(view: SentenceView, context: ArticleContext) -> list[Group]:
    """'a border guard detained last month was handed back to India on Friday', 'the American side received
    its citizen Daniel Roe', 'India handed over a Pakistani soldier': one person, subject of a passive or
    homecoming verb or object of a give or receive verb whose subject is a side, in an article between two
    known sides (rule group.handed_person; dropped again in an article with counted figures, where a lone
    person is one of them: `drop_handed_persons`)."""
    if context.sides is None or context.multi:
        return []
    out: list[Group] = []
    singular = [c for c in view.cues_with("CATEGORY") if c.kb_id_ in ("pows", "civilians", "prisoners", "hostages")
                and not span_text(c).lower().endswith(("s", "men")) and c.start > view.start
                and view.lower[c.start - 1] not in ("of", "per", "each")]
    listed_until = view.start  # persons named in the list of one before them are counted with it
    for person in sorted(view.cues_with("PERSON") + singular, key=lambda c: c.start):
        if person.start < listed_until or _speaking_officer(view, person) or span_text(person).lower().endswith("s"):
            continue
        giver = receiver = None
        verb = _release_verb_before(view, person, skip_names=True)
        if verb is not None and verb.kb_id_ in HANDED_KINDS:
            subject = _subject_before(view, verb.start, view.start)
            if subject is None or subject.kb_id_ not in context.sides:
                continue
            if verb.label_ == "RECEIVE":
                receiver = subject.kb_id_
            else:
                giver = subject.kb_id_
                receiver = _handed_to(view, person, context)
        else:
            verb = _verb_of_subject(view, person)
            if verb is None:
                continue
            receiver = _destination(view, verb)
            if receiver is None:
                nationality = view.actor(person.start - 1) if person.start > view.start else None
                receiver = nationality.kb_id_ if nationality is not None and nationality.label_ == "DEMONYM" else None
            if receiver is None or receiver not in context.sides:
                continue
        # a soldier swapped between states is a pow whatever the dyad's generic word means
        category = "prisoners" if context.default_category == "prisoners" and person.kb_id_ != "pows" \
            else person.kb_id_
        group = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category=category,
                      giver=giver, receiver=receiver, rules=["group.handed_person"])
        if giver is not None and receiver is not None and receiver != giver:
            group.rules.append("direction.handed_to_side")
        _name(group, view, person)
        listed_until = _with_coordinated(group, view, person)
        out.append(group)
    return out


RECEIVING_BODIES = frozenset({"officials", "authorities", "side", "officers", "delegation", "representatives",
                              "troops", "forces", "army", "government"})


def _handed_to(view: SentenceView, person: Span, context: ArticleContext) -> str | None:
    """'handed over a captured pilot, Major X, to Indian officials': the other side of the article named after
    'to' past the person and an appositive name, as a state, seat or institution or as a demonym before a
    word for its officials (rule direction.handed_to_side)."""
    for k in range(person.end, min(view.end - 1, person.end + 12)):
        cue = view.cue(k)
        if view.lower[k] in (";", ".") or (cue is not None and cue.label_ in ("FOR", "EXCHANGE")):
            return None
        if view.lower[k] != "to":
            continue
        m = k + 1 if view.lower[k + 1] != "the" else k + 2
        actor = view.actor(m) if m < view.end else None
        if actor is None or actor.kb_id_ not in (context.sides or ()):
            return None
        if actor.label_ in ("STATE", "CAPITAL", "INSTITUTION", "SEAT") or (
                actor.label_ == "DEMONYM" and actor.end < view.end and view.lower[actor.end] in RECEIVING_BODIES):
            return actor.kb_id_
        return None
    return None


def _verb_of_subject(view: SentenceView, person: Span) -> Span | None:
    """The give or homecoming verb a person noun is the subject of, past a relative clause set off by 'who'
    or commas ('the constable, who was detained last month, was handed back'): the first such verb after
    it with only auxiliaries right before it, or right after the person's name and the names listed with it
    ('Sergeant Lev Adamia and Corporal Gia Tsulaia returned')."""
    names, names_end = _names_after(view, person)
    for k in range(person.end, min(view.end, person.end + 30)):
        cue = view.cue(k)
        if names and k == names_end and cue is not None and cue.start == k and cue.label_ in ("GIVE", "HOME") \
                and cue.kb_id_ in HANDED_KINDS:
            return cue
        if view.lower[k] in (";", ":") or (view.lower[k] in ("and", "but") and view.lower[k - 1] == ","):
            return None  # "..., and he was freed": another clause, its own subject
        cue = view.cue(k)
        if cue is None or cue.start != k or cue.label_ not in ("GIVE", "HOME") or cue.kb_id_ not in HANDED_KINDS:
            continue
        if (k - 1 >= person.end and view.lower[k - 1] in PASSIVE_LEADS) or view.lower[k] in PASSIVE_LEADS:
            return cue  # "was handed back", "has returned" (the auxiliary inside the cue)
    return None


def _destination(view: SentenceView, verb: Span) -> str | None:
    """The side a person was handed to: 'to <side>' right after the verb, or inside it ('returned to Russia')."""
    for k in range(verb.start, min(view.end, verb.end + 4)):
        if view.lower[k] == "to":
            actor = _actor_after(view, k + 1, 3)
            if actor is not None and actor.label_ in ("STATE", "CAPITAL", "INSTITUTION", "GROUP", "SEAT"):
                return actor.kb_id_
    return None


def drop_handed_persons(groups: list[Group], views: list[SentenceView], context: ArticleContext) -> list[Group]:
    """A lone person handed over in an article that counts its handovers is one of those counted; and one
    person freed with nobody handed back, unless a swap word stands in an article about a known war or
    dispute, is a one-sided release."""
    handed = [g for g in groups if "group.handed_person" in g.rules]
    if not handed:
        return groups
    counted = any(g.count is not None and g.quantity is not None and not g.part_of for g in groups)
    swap = any(view.has_cue("EXCHANGE") or view.has_swap_pivot() for view in views)
    ways = {(g.giver, g.receiver) for g in groups if g.count is not None and not g.part_of}
    both_ways = any((r, g) in ways for g, r in ways if g is not None and r is not None)
    if not counted and ((swap and context.known_dyad) or both_ways):
        return groups
    # "Pakistan handed over a captured pilot to Indian officials": framed as a handover to the other side, a
    # lone person is one even with nothing given back (README: one-sided releases)
    givers = {(g.giver, g.category) for g in groups if g.count is not None and g.quantity is not None and not g.part_of}
    return [g for g in groups if "group.handed_person" not in g.rules
            or (not counted and "direction.handed_to_side" in g.rules and context.known_dyad)
            or _handed_beside_counted(g, givers, context)]


def _handed_beside_counted(person: Group, givers: set[tuple], context: ArticleContext) -> bool:
    """'Hamas handed the soldier to Egyptian mediators, and Israel released 477 prisoners': a lone person handed
    over by a side of a known war that hands over no counted figure of the person's category is no one of the
    counted; they go the other way (rule group.lone_beside_counted)."""
    if "group.lone_beside_counted" not in person.rules or person.giver is None or not context.known_dyad \
            or context.counterpart(person.giver, person.category) is None:
        return False
    if (person.giver, person.category) in givers or not any(g not in (person.giver, None) for g, _ in givers):
        return False
    if person.receiver is None:  # handed to mediators or the Red Cross, who pass the person on
        person.receiver = context.counterpart(person.giver, person.category)
        person.transit = False
    return True


def _joined_national(view: SentenceView, group: Group) -> Group | None:
    """'returned a Turkish engineer and the bodies of two soldiers': one person of a state, with an indefinite
    article, joined by 'and' right before a counted group, is handed over with it; he goes home to his state
    (rule group.joined_national)."""
    if group.quantity is None or group.count is None or group.part_of:
        return None
    end = group.start
    if end - 1 >= view.start and view.lower[end - 1] == "the":
        end -= 1
    if end - 3 < view.start or view.lower[end - 1] != "and":
        return None
    person = _national_person(view, max(view.start, end - 6), end - 1, last=True)
    noun = view.cue(person.end) if person is not None and person.end < end - 1 else None
    if noun is not None and noun.label_ == "PERSON" and noun.start == person.end and noun.end == end - 1:
        person = Span(view.sent.doc, person.start, noun.end, label=person.label_, kb_id=person.kb_id_)
    if person is None or person.end != end - 1:
        return None
    one = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category="prisoners",
                nationality=view.actor(person.start).kb_id_, rules=["group.joined_person", "group.joined_national"])
    return one


JOINED_AFTER_REACH = 6  # tokens from the article to the person noun: "an imprisoned pro - Kremlin politician"


def _joined_after(view: SentenceView, group: Group) -> Group | None:
    """'Russia got back 55 of its servicemen and a pro-Russian politician': one person, with an article,
    joined by 'and' right after a counted group, is handed over with it, the same way (rule
    group.joined_person); only modifiers stand between the article and the person noun."""
    if group.quantity is None or group.count is None or group.part_of or group.end + 2 >= view.end \
            or view.lower[group.end] != "and" or view.lower[group.end + 1] not in ("a", "an", "the", "one"):
        return None
    if group.start > view.start and view.lower[group.start - 1] in (",", ":", "—", "("):
        return None  # "43 members of the forces, 42 soldiers and a police officer": the parts of a figure
    k = group.end + 2
    while k < min(view.end, group.end + 2 + JOINED_AFTER_REACH):
        cue = view.cue(k)
        if cue is not None and cue.label_ == "PERSON" and cue.start == k:
            person = cue
            break
        actor = view.actor(k)
        hyphened = "-" in (view.lower[k], view.lower[k - 1])  # "pro-Kremlin", read as three tokens
        if not (view.lower[k] in OBJECT_FILLERS or hyphened or view.sent.doc[k].is_lower
                and view.sent.doc[k].is_alpha and cue is None or actor is not None and actor.label_ == "DEMONYM"):
            return None
        k = actor.end if actor is not None and not hyphened else k + 1
    else:
        return None
    if person.end < view.end and view.lower[person.end] == "of":
        return None  # "and the commander of the unit": a person told by another
    single = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category=person.kb_id_,
                   rules=["group.joined_person", "group.joined_after"])
    demonym = view.actor(person.start - 1)
    if demonym is not None and demonym.label_ == "DEMONYM" and demonym.end == person.start \
            and view.lower[demonym.start - 1] != "-":
        single.nationality = demonym.kb_id_  # "and a Thai farmer": home to Thailand (sent_home)
        single.rules.append("group.joined_national")
    _name(single, view, person)
    return single


def joined_persons(view: SentenceView, groups: list[Group]) -> list[tuple[Group, Group]]:
    """'Kremlin ally Oleg Marchuk and 55 Russian soldiers were returned to Russia': a full name (with or
    without a person noun before it) joined by 'and' right before a counted group is one more person
    handed over with that group, the same way (rule group.joined_person). (person, group) pairs.
    The name is not written on the flow: the reconciler reads a named claim as one that must fit every
    report of its event, and most reports of such a swap name no one beside the figure."""
    if not view.has_cue("GIVE", "RECEIVE", "HOME"):
        return []
    out = []
    for group in groups:
        national = _joined_national(view, group)
        if national is not None:
            out.append((national, group))
            continue
        after = _joined_after(view, group)
        if after is not None:
            out.append((after, group))
            continue
        q = group.quantity
        if q is None or group.count is None or group.part_of or q.start - 3 < view.start \
                or view.lower[q.start - 1] != "and":
            continue
        span = _name_span(view, q.start - 2, -1)
        if span is None or span[1] != q.start - 1:
            continue
        doc = view.sent.doc
        k = span[0] - 1
        person = view.cue(k) if k >= view.start else None
        if person is not None and person.label_ != "PERSON":
            continue
        if k > view.start and view.lower[k] in (",", "and") and _name_token(view, k - 1):
            continue  # "Ann Roe, Oleg Marchuk and 55 ...": a list of names is no one person beside the figure
        category = person.kb_id_ if person is not None else "prisoners"
        name = doc[span[0]:span[1]]
        single = Group(view=view, quantity=None, noun=person if person is not None else name, count=Count.exact(1),
                       category=category, rules=["group.joined_person"])
        out.append((single, group))
    return out


def _release_verb_before(view: SentenceView, person: Span, *, skip_names: bool = False) -> Span | None:
    """The release verb whose object the person noun is ('freed the jailed American teacher'); with
    `skip_names`, past a named force too ('handed over a Border Police officer')."""
    k = person.start - 1
    while k >= view.start and (view.lower[k] in OBJECT_FILLERS or (view.actor(k) is not None
                                                                   and view.actor(k).label_ == "DEMONYM")
                               or (skip_names and person.start - k <= 4 and view.cue(k) is None
                                   and (view.sent.doc[k].is_title or view.lower[k] in FORCE_NAME_WORDS))):
        k -= 1
    verb = view.cue(k) if k >= view.start else None
    if verb is None or verb.kb_id_ not in RELEASE_KINDS | (HANDED_KINDS if skip_names else frozenset()) \
            or verb.label_ not in (("GIVE", "RECEIVE") if skip_names else ("GIVE",)) or verb.end != k + 1:
        return None
    return verb


def _side_releasing(view: SentenceView, context: ArticleContext, person: Span, lo: int) -> Span | None:
    """The side (named at or after token `lo`) that is the subject of the release verb whose object the
    person noun is, or None."""
    verb = _release_verb_before(view, person)
    if verb is None:
        return None
    subject = _subject_before(view, verb.start, lo)
    return subject if subject is not None and subject.kb_id_ in context.sides else None


RECIPROCAL_JOINS = frozenset({"and", "while", "whereas"})


def _reciprocal_person(view: SentenceView, context: ArticleContext, other: Group) -> list[Group]:
    """'Chad freed 40 Libyan soldiers on Monday, and Libya also released opposition leader Omar Haddad': a
    person noun, object of a release verb whose subject is a side, in a clause joined by 'and' / 'while'
    after the counted group, when the counted group's own giver is the other side."""
    first_verb = next((c for c in view.cues_with("GIVE") if c.end <= other.start and c.kb_id_ in RELEASE_KINDS),
                      None)
    giver = _subject_before(view, first_verb.start, view.start) if first_verb is not None else None
    if giver is None or giver.kb_id_ not in context.sides:
        return []
    for person in view.cues_with("PERSON"):
        if person.start <= other.end:
            continue
        subject = _side_releasing(view, context, person, other.end)
        if subject is None or subject.kb_id_ == giver.kb_id_:
            continue
        if not RECIPROCAL_JOINS & set(view.words_between(other.end, subject.start)):
            continue
        group = Group(view=view, quantity=None, noun=person, count=Count.exact(1), category=person.kb_id_,
                      rules=["group.reciprocal_person"])
        _name(group, view, person)
        return [group]
    return []


def _name(group: Group, view: SentenceView, person: Span) -> None:
    name = person_name(view, person)
    if name is not None:
        group.people.append(name)
        group.rules.append("group.named_person")


def _with_coordinated(group: Group, view: SentenceView, person: Span) -> int:
    """'received Sergeant Lev Adamia and Corporal Gia Tsulaia', 'freed journalist Jan Nowak and activist Piotr
    Zielinski': the persons named in a list after the first (a PERSON noun and a name, or a name alone, joined
    by commas and 'and') are handed over with it: one figure of all of them (rule count.named_persons). Returns
    the token where the names end (the person's own end when none follows it)."""
    names, end = _names_after(view, person)
    if len(names) > 1:
        group.count = Count.exact(len(names))
        group.people.extend(names[1:])
        group.rules.append("count.named_persons")
    return end


def _names_after(view: SentenceView, person: Span) -> tuple[list[str], int]:
    """The name right after a PERSON noun and the names listed after it, with the token where they end."""
    name = _name_span(view, person.end, 1) if person.end < view.end else None
    if name is None or name[0] != person.end:
        return [], person.end
    names, k = [span_text(view.sent.doc[name[0]:name[1]])], name[1]
    while k < view.end:
        j = k
        while j < view.end and view.lower[j] in (",", "and"):
            j += 1
        if view.words_between(k, j) not in ((",",), ("and",), (",", "and")) or j >= view.end:
            break
        cue = view.cue(j)
        if cue is not None and cue.label_ == "PERSON":
            j = cue.end
        span = _name_span(view, j, 1) if j < view.end else None
        if span is None or span[0] != j:
            break
        names.append(span_text(view.sent.doc[span[0]:span[1]]))
        k = span[1]
    return names, k



PRONOUNS = frozenset({"he", "she"})


HOLD_WORDS = frozenset({"held", "jailed", "detained", "imprisoned", "detention", "custody", "prison", "prisons", "jail"})


def _holder_in(view: SentenceView) -> str | None:
    """'in US detention', 'who was held in Sweden': the side a sentence says holds someone."""
    if HOLD_WORDS.isdisjoint(view.word_set):
        return None
    for k in range(view.start, view.end):
        if view.lower[k] not in HOLD_WORDS:
            continue
        prev = view.actor(k - 1) if k - 1 >= view.start else None
        if prev is not None and prev.label_ in ("DEMONYM", "STATE"):
            return prev.kb_id_
        if k + 1 < view.end and view.lower[k + 1] in ("in", "by"):
            holder = _actor_after(view, k + 2, 3)
            if holder is not None and holder.label_ in ("STATE", "CAPITAL", "GROUP") and not _listed_after(view, holder):
                return holder.kb_id_
    return None


def pronoun_person(view: SentenceView, views: list[SentenceView], context: ArticleContext) -> list[Group]:
    """'The president's ally is Mara Quint, who was held in Sweden. She was freed on Monday. In exchange,
    ...': a pronoun subject of a release verb, right after a sentence naming one person, in a swap
    between states, is that person handed over; the earlier sentence's holder gives."""
    if context.default_category != "prisoners" or context.sides is None or context.multi or view.index == 0:
        return []
    if view.lower[view.start] not in PRONOUNS:
        return []
    verb = next((c for c in view.cues_with("GIVE") if c.kb_id_ in RELEASE_KINDS and c.start - view.start <= 4), None)
    if verb is None or not all(view.lower[k] in BE_WORDS for k in range(view.start + 1, verb.start)):
        return []
    near = views[max(0, view.index - 1):view.index + 2]
    if not any(v.has_cue("EXCHANGE") or v.has_swap_pivot() for v in near):
        return []  # a release with no swap near it is no handover of this kind
    before = views[view.index - 1]
    names = [n for n in (person_name(before, p) for p in before.cues_with("PERSON")) if n is not None]
    if len(set(names)) != 1:
        return []
    group = Group(view=view, quantity=None, noun=view.sent.doc[view.start:view.start + 1], count=Count.exact(1),
                  category="prisoners", people=[names[0]],
                  rules=["group.pronoun_person", "group.named_person"])
    holder = _holder_in(before)
    if holder is not None and holder in context.sides:
        group.giver = holder
        group.rules.append("direction.held_in")
    return [group]


ROUTE_STOPS = frozenset({",", ".", ";", ":", "on", "at", "after", "before", "with", "carrying", "and", "where", "when",
                         "from", "to", "for", "in", "via", "as", "—", "-", "(", ")"})


def route_end(view: SentenceView, k: int) -> Span | None:
    """The party a route phrase names: the last actor of the place phrase after token k ('bound for Yemen's
    rebel-held capital Sanaa' is Sanaa), up to a preposition or a stop."""
    found = None
    m = k
    while m < min(view.end, k + 8):
        actor = view.actor(m)
        if actor is not None:
            found = actor if actor.label_ in SUBJECT_LABELS else found
            m = actor.end
            continue
        if view.lower[m] in ROUTE_STOPS:
            break
        m += 1
    return found


CARRY_WORDS = frozenset({"carrying", "with", "transporting", "bringing", "aboard", "ferrying"})


def _on_the_journey(view: SentenceView, group: Group, lo: int, hi: int) -> bool:
    """The group is what the journey moves: a route cue in its clause ('48 soldiers landed in Yerevan') or
    a carrier's 'carrying' right before it ('the flight from Abha ... carrying 120 detainees')."""
    if not view.has_cue("ROUTE"):
        return False
    pivots = [c.start for c in view.cues_with("FOR")]

    def same_side(cue: Span) -> bool:  # "... left Russia in a swap for two Russians": the pivot's object stays
        return not any(min(cue.start, group.start) <= p < max(cue.end, group.end) for p in pivots)

    if any(c.start >= lo and c.end <= hi and same_side(c) for c in view.cues_with("ROUTE")):
        return True
    return any(view.lower[k] in CARRY_WORDS for k in range(max(view.start, group.start - 3), group.start))


def route_sides(view: SentenceView, context: ArticleContext) -> tuple[str | None, str | None]:
    """'A plane carrying 48 freed soldiers landed in Yerevan', 'a flight from Abha ... carrying 120 detainees',
    'left Riyadh bound for Sanaa': the origin and the destination of a movement, kept only where they
    are sides of the article's exchange (an airport in a third country is a stop on the way)."""
    origin = destination = None
    sides = set(context.sides or ())
    for cue in view.cues_with("ROUTE"):
        actor = route_end(view, cue.end)
        if actor is None or actor.kb_id_ not in sides:
            continue
        if cue.kb_id_ == "destination" and destination is None:
            destination = actor.kb_id_
        elif cue.kb_id_ == "origin" and origin is None:
            origin = actor.kb_id_
    if origin == destination:
        return None, None
    return origin, destination


# "14 people, most of them women", "The detainees, mostly herders": an apposition that says who the people are
DESCRIBE_LEADS = (("most", "of", "them"), ("all", "of", "them"), ("many", "of", "them"), ("the", "majority", "of", "them"),
                  ("mostly",), ("mainly",), ("largely",), ("chiefly",), ("almost", "all", "of", "them"))
SPECIFIC_CATEGORIES = frozenset({"pows", "civilians", "hostages"})
RESTATING_DETERMINERS = frozenset({"the", "these", "those"})
# people words that say civilians in an apposition ("most of them women"); "elderly" or "wounded" may be soldiers
DESCRIBED_CIVILIANS = HELD_CIVILIAN_WORDS - {"elderly", "captives", "captive"}


def _described_as(view: SentenceView, k: int) -> str | None:
    """The category the apposition after token `k` gives ("..., most of them herders and traders"), or None."""
    while k < view.end and view.lower[k] in (",", "-", "–", "—", "("):
        k += 1
    for lead in DESCRIBE_LEADS:
        if not phrase_at(view.lower, k, lead):
            continue
        m = k + len(lead)
        while m < view.end and view.lower[m] in ("were", "are", "being", "described", "as"):
            m += 1
        cue = view.cue(m) if m < view.end else None
        if cue is None or cue.label_ != "CATEGORY":
            return None
        if cue.kb_id_ in SPECIFIC_CATEGORIES:
            return cue.kb_id_
        return "civilians" if span_text(cue).lower() in DESCRIBED_CIVILIANS else None
    return None


def _restated_category(view: SentenceView) -> tuple[str, str] | None:
    """A sentence that opens by naming people already counted: 'The captured fighters were ...', 'The detainees,
    most of them herders, will ...'. (category, noun) or None."""
    k = view.start
    while k < view.end and view.doc_index.texts[k].isspace():
        k += 1
    if k >= view.end or view.lower[k] not in RESTATING_DETERMINERS:
        return None
    for m in range(k + 1, min(view.end, k + 4)):
        if view.doc_index.quantity_at[m] is not None or view.actor(m) is not None:
            return None
        cue = view.cue(m)
        if cue is None or cue.label_ != "CATEGORY":
            continue
        if cue.end < view.end and view.lower[cue.end] == "of":
            return None  # "the bodies of ...", "the soldiers of the other side": someone else
        if cue.kb_id_ in SPECIFIC_CATEGORIES:
            return cue.kb_id_, span_text(cue).lower()
        described = _described_as(view, cue.end)
        return (described, span_text(cue).lower()) if described is not None else None
    return None


JUSTICE_WORDS = frozenset({"jailed", "imprisoned", "convicted", "sentenced", "serving"})
JUSTICE_FILLERS = frozenset({",", "who", "were", "was", "had", "have", "been", "both", "all", "later", "then"})


def jailed_after(view: SentenceView, k: int) -> bool:
    """'two shepherds jailed in Israel', 'The shepherds, who had been convicted of ...': a justice word right after."""
    while k < view.end and view.lower[k] in JUSTICE_FILLERS:
        k += 1
    return k < view.end and view.lower[k] in JUSTICE_WORDS


def _jailed_civilians(groups: list[Group], views: list[SentenceView]) -> None:
    """People of a civilian trade ('two shepherds', 'four farmers') said to be jailed or convicted, in their
    sentence or in one of the next two that opens by naming them again, are held by a state's justice system: prisoners
    (rule category.held_by_state)."""
    for g in groups:
        if g.category != "civilians" or g.noun is None or g.per_side:
            continue
        noun = span_text(g.noun).lower()
        if noun in DESCRIBED_CIVILIANS or noun in ("civilian", "civilians", "residents", "civilian detainees"):
            continue
        jailed = jailed_after(g.view, g.noun.end)
        for nxt in views[g.view.index + 1:g.view.index + 3]:  # "The two shepherds, jailed in ...", soon after
            jailed = jailed or any(view_noun.start - nxt.start <= 4 and span_text(view_noun).lower() == noun
                                   and jailed_after(nxt, view_noun.end) for view_noun in nxt.cues_with("CATEGORY"))
        if jailed:
            g.category = "prisoners"
            g.rules.append("category.held_by_state")


def restated_categories(groups: list[Group], views: list[SentenceView], context: ArticleContext) -> None:
    """People counted with a word that only the dyad gives a category ('detainees', 'people', 'prisoners')
    take the category the text then gives them: in an apposition of their own sentence ('14 people, most of
    them women arrested at checkpoints') or in the next sentence that restates them ('... swapped 24 prisoners
    each. The captured fighters were ...'): rule category.restated. A dyad that fixes the category's sides
    (Israel-Hamas prisoners) keeps its word."""
    _jailed_civilians(groups, views)
    guessed = [g for g in groups if "category.dyad_default" in g.rules and g.category not in context.category_sides
               and g.category != "bodies"]
    if not guessed:
        return
    for g in guessed:
        if g.noun is None:
            continue
        found = _described_as(g.view, g.noun.end)
        if found is not None and found != g.category:
            _recategorise(g, found, context)
    by_sentence: dict[int, list[Group]] = {}
    for g in guessed:
        by_sentence.setdefault(g.view.index, []).append(g)
    for index, these in by_sentence.items():
        if index + 1 >= len(views) or len({g.category for g in these}) != 1:
            continue
        restated = _restated_category(views[index + 1])
        if restated is None or restated[0] == these[0].category:
            continue
        if any(g.view.index == index and g.category == restated[0] for g in groups):
            continue  # "... nine soldiers, while the government freed three jailed rebels. The soldiers ...": those
        told = {(g.category, g.count) for g in these if g.count is not None}
        for g in guessed:
            # the same figure told before, in the title or the lead, is the same people
            if g in these or (g.view.index < index and (g.category, g.count) in told):
                if "category.restated" not in g.rules:
                    _recategorise(g, restated[0], context)


def _recategorise(group: Group, category: str, context: ArticleContext) -> None:
    group.category = category
    group.rules.append("category.restated")
    refine_category(group, context)
