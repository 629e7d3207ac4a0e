"""From recognised spans to placed mentions: the article's counted groups, sorted into agreement
terms, running totals and exchange mentions, each with its status and date, then into occasions.

`normalise` runs the stages in order and hands a `Normalised` to records.py: sentence views
(sentences.py), the article's dyad (context.py), the exchange gate (gate.py), counted groups and
their directions (groups.py), status (status.py), agreement terms (agreements.py), running totals
(tallies.py), dates (dating.py), occasions (occasions.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..contract import DateInterval, PartialDate
from .agreements import agreed_near, bound_deal_groups, deal_commits, deal_figure_done, deal_formula, deal_groups, is_term
from .context import ArticleContext, build_context
from .recast import note_recast, recast_actors
from .counts import (ADDED_ACROSS, BATCHES_RULE, breakdown_follow_up, exact_figure, mark_counts, mark_per_side, same_number_groups,
                     settle_totals, split_evenly_told_before, spread_per_occasion)
from .deal_names import deal_name, whole_finished
from .dating import (
    NOT_EVENT_DATE_BEFORE,
    adverbial_rule,
    timeline_entry_date,
    day_header,
    headed_day,
    timeline_year,
    day_of_what_preceded,
    occasion_after_war,
    after_attribution,
    anaphor_at,
    anaphoric_date,
    day_stage,
    stage_day_date,
    date_key,
    occasion_day_near,
    date_span_for,
    resolve_span,
    usable_date,
    year_hint_of,
)
from .gate import (
    about_exchanges,
    drop_false_cues,
    no_handover,
    not_handed_over,
    one_sided_figures,
    relevant,
)
from .groups import (
    Group,
    civil_crews_alike,
    complete,
    direct,
    drop_handed_persons,
    gapped_subjects,
    passive_at,
    possessor_side,
    respective_subjects,
    joined_persons,
    mark_parts,
    mark_ranked,
    ones,
    oppose_pairs,
    pronoun_person,
    read_group,
    resolve_category,
    restated_categories,
    share_coordinated,
    single_persons,
)
from .loose import categories as loose_categories
from .sides import (
    article_sides,
    drop_outside_conflict,
    drop_peacetime_remains,
    drop_sideless,
    jailed_members,
    noun_sides,
    occasion_partners,
    restated_receivers,
    several_states_receivers,
    swapped_for_soldiers,
)
from .loose import first_since, loose_groups
from .occasion_status import delayed_parts_done, fold_previews, split_begun_whole
from .occasions import (
    Mention,
    Occasion,
    PLANNED_STAGE_RULE,
    article_days,
    attach_loose,
    group_occasions,
    merge_complementary,
    whole_beside_last_stage,
    one_per_day,
    own_day_over_told_day,
    place_weekdays,
    planned_stage,
    same_day_lead,
    separate_occasion,
    span_multi_day_plan,
    span_of_stages,
    span_whole_under_way,
    story_day,
)
from .person_category import serviceman_persons
from .sentences import DocIndex, SentenceView, sentence_views, span_text
from .status import TRANSFER_LABELS, real_plan, status_at
from .tallies import (
    Tally,
    days_run,
    counts_swaps,
    answered_tally,
    continued_tally,
    find_tally,
    orient_tallies,
    outside_exchanges,
    ranks_swaps,
    total_group,
)
from .whole_days import span_told_whole

FIRST_PERSON = frozenset({"we", "our", "us"})


def _speaker_side(view: SentenceView, group: Group, next_view: SentenceView | None,
                  sides: tuple[str, str] | None) -> str | None:
    """'207 of our people': the side of whoever speaks in the sentence."""
    noun = span_text(group.noun).lower() if group.noun is not None else ""
    if not ("our" in noun or _first_person_before(view, group.end)) or _of_the_other_side(view, group):
        return None
    candidates = [a for a in view.actors if not _holder(view, a) and not _partner(view, a)]
    if next_view is not None and ("”" in view.text or '"' in view.text):
        candidates += [a for a in next_view.actors if not _holder(next_view, a) and not _partner(next_view, a)]
    # the speaker before a place or an adjective: "from Russian captivity,' Zelensky said" is Zelensky's side; an
    # armed group's own body speaks for it ("the Houthi prisoner committee said 78 of our captives ...")
    for labels in (("OFFICIAL", "INSTITUTION", "SEAT"), ("STATE", "CAPITAL", "DEMONYM", "GROUP")):
        for actor in candidates:
            if actor.label_ in labels and (sides is None or actor.kb_id_ in sides):
                return actor.kb_id_
    return None


PARTNER_LEADS = frozenset({"with", "against", "to", "from"})
ENEMY_WORDS = frozenset({"other", "opposing", "enemy", "adversary", "opponent", "opponents"})


def _of_the_other_side(view: SentenceView, group: Group) -> bool:
    """'64 captives of the other side', 'prisoners of the enemy': the speaker's opponents' people."""
    words = view.lower[group.end:min(view.end, group.end + 3)]
    return words[:1] == ["of"] and any(w in ENEMY_WORDS for w in words[1:])


def _partner(view: SentenceView, actor) -> bool:
    """'a swap with the Yemeni government', 'handed to Kyiv': the other side named after a preposition, not
    the speaker (group.speaker_side)."""
    k = actor.start - 1
    if k > view.start and view.lower[k] == "the":
        k -= 1
    return k >= view.start and view.lower[k] in PARTNER_LEADS


def _first_person_before(view: SentenceView, end: int) -> bool:
    """'we', 'our', 'us' in the sentence before token `end`; case kept: "US President", "the U.S.
    side" are no first person (only the few first-person words have their text read)."""
    if FIRST_PERSON.isdisjoint(view.word_set):
        return False
    lower, doc = view.doc_index.lower, view.sent.doc
    return any(lower[k] in FIRST_PERSON and not doc[k].text.isupper() for k in range(view.start, end))


def _holder(view: SentenceView, actor) -> bool:
    """'Russian captivity', 'Russian prisons': who holds the people, not who speaks."""
    cue = view.cue(actor.end) if actor.end < view.end else None
    return cue is not None and cue.label_ == "CAPTIVITY"


def find_groups(views: list[SentenceView], context: ArticleContext) -> list[Group]:
    groups: list[Group] = []
    for view in views:
        split_evenly_told_before(view, groups)
        follow_up = not relevant(view) and breakdown_follow_up(view, groups)
        staged = not relevant(view) and not follow_up and planned_stage(view)
        if not relevant(view) and not follow_up and not staged:
            continue
        in_sentence: list[Group] = []
        pools: set[int] = set()
        for quantity in view.quantities:
            if quantity.start in pools:
                continue
            previous = in_sentence[-1] if in_sentence else None
            told_before = groups[-1] if previous is None and groups else None
            group = read_group(view, quantity, previous, told_before=told_before) or total_group(view, quantity)
            if group is None or counts_swaps(group):
                continue
            if "group.share_of_pool" in group.rules:
                pools |= {q.start for q in view.quantities if group.quantity.end < q.start < group.end}
            if group.nationality is None:
                side = _speaker_side(view, group, views[view.index + 1] if view.index + 1 < len(views) else None,
                                     context.sides)
                if side is not None:
                    group.nationality = side
                    group.rules.append("group.speaker_side")
                else:
                    side = possessor_side(view, group, context.sides)
                    if side is not None:
                        group.nationality = side
                        group.rules.append("group.possessor_side")
            resolve_category(group, context)
            if "group.state_forces" in group.rules and group.nationality is None:
                group.nationality = context.state_side() or context.only_state()
            in_sentence.append(group)
        for group in ones(view, in_sentence):
            resolve_category(group, context)
            in_sentence.append(group)
        if staged:
            for group in in_sentence:
                group.rules.append(PLANNED_STAGE_RULE)
        if follow_up:
            for group in in_sentence:  # "Of those, 12 were civilians": parts of the figure told before
                group.part_of = True
                group.rules.append("count.breakdown_follow_up")
        in_sentence += same_number_groups(view, in_sentence, groups, context)
        if in_sentence:  # most relevant sentences hold no figure: nothing to mark
            in_sentence.sort(key=lambda g: g.start)
            mark_parts(in_sentence)
            mark_counts(view, in_sentence, {g.count.value for g in groups if g.count is not None and g.count.value},
                        part_values=frozenset(g.count.value for g in groups if g.part_of and g.count is not None
                                              and g.count.value and g.count.qualifier == "exact"))
            mark_per_side(view, in_sentence)
        joined = joined_persons(view, in_sentence)
        in_sentence += single_persons(view, in_sentence, context) + [
            person for person, _ in joined if "group.joined_national" not in person.rules]
        if view.doc_index.ranks:
            mark_ranked(in_sentence)
        if not in_sentence:
            in_sentence += pronoun_person(view, views, context)
        # persons coordinated with a single person go its way (`orient_persons`), apart until then
        alongside = [g for g in in_sentence if g.alongside is not None]
        in_sentence = [g for g in in_sentence if g.alongside is None]
        for group in in_sentence:
            direct(group, context, [g for g in in_sentence if not g.part_of])
        share_coordinated(in_sentence)
        gapped_subjects(in_sentence)
        respective_subjects(in_sentence)
        oppose_pairs(in_sentence, context)
        for group in in_sentence:
            complete(group, context)
        added_go_the_same_way(in_sentence, groups)
        for person, partner in joined:  # handed over with the group it is joined to, the same way
            person.giver, person.receiver = partner.giver, partner.receiver
            if "group.joined_national" not in person.rules:
                continue
            if person.nationality not in (None, person.giver):
                sent_home(person, person.giver, context)  # "a Turkish engineer" goes home to Turkey
            in_sentence.append(person)  # apart until now: its state is no side of the figures' directions
        in_sentence += alongside
        settle_totals(view, in_sentence)
        in_sentence += spread_per_occasion(view, in_sentence)
        _same_number_goes_back(in_sentence, groups)
        orient_persons(in_sentence, views[max(0, view.index - 1):view.index + 1], context)
        groups.extend(in_sentence)
    civil_crews_alike(groups)
    return drop_handed_persons(groups, views, context)


ADDED_RULES = ("count.additional", ADDED_ACROSS)


def added_go_the_same_way(in_sentence: list[Group], groups: list[Group]) -> None:
    """'Russia freed 103 Ukrainian soldiers on Thursday. A further 20 civilians were also returned.': people told as
    added to a handover in a sentence of their own, the subject of a passive verb of giving with no side named, go
    the way of the figures of the sentence just before, when they all go one way (rule direction.added_follows)."""
    for k, group in enumerate(in_sentence):
        if group.giver is not None or group.receiver is not None or group.per_side \
                or not any(r in group.rules for r in ADDED_RULES) or not _handed_in_passive(group):
            continue
        index = group.view.index
        if any(not g.part_of for g in in_sentence[:k]):
            continue  # (a sentence of its own: in one sentence the figures' own verbs and links decide)
        before = [g for g in groups if g.view.index == index - 1 and not g.part_of]
        told = before[-1] if before else None
        if told is None or told.per_side or told.giver is None or told.receiver is None \
                or any((g.giver, g.receiver) != (told.giver, told.receiver) for g in before):
            continue  # (after figures going both ways, "12 more were released" has no way of its own)
        group.giver, group.receiver = told.giver, told.receiver
        group.rules = [r for r in group.rules if r != "direction.unsplit"] + ["direction.added_follows"]


def _handed_in_passive(group: Group) -> bool:
    """'A further 20 civilians were also returned': the figure is the subject of a passive verb of giving, so the
    text names no side of its own."""
    view = group.view
    return any(view.cue(m) is not None and view.cue(m).label_ == "GIVE" and passive_at(view, m)
               for m in range(group.end, min(view.end, group.end + 5)))


def orient_persons(in_sentence: list[Group], near: list[SentenceView], context: ArticleContext) -> None:
    """The directions of a sentence's single persons, once its groups are directed: of two persons swapped
    for each other, and of one person swapped for a counted group (`near`: the sentence and the one before)."""
    pair = [g for g in in_sentence if "group.person_for_person" in g.rules]
    if len(pair) == 2 and pair[0].giver is not None \
            and (pair[0].receiver is None or "direction.dyad" in pair[0].rules):
        # "... also between Russia and the U.S. It hosted the swap when Moscow freed X in return for Y":
        # the pair of states just named, not the article's dyad, are the sides of that person swap
        other = named_pair_partner(near, pair[0].giver, context)
        if other is not None:
            pair[0].receiver = other
            pair[0].rules = [r for r in pair[0].rules if r != "direction.dyad"] + ["direction.named_pair"]
    if len(pair) == 2:
        # one named person for another: the second goes the way the first came
        pair[1].giver, pair[1].receiver = pair[0].receiver, pair[0].giver
        for single in pair:
            if context.default_category == "prisoners":
                single.category = "prisoners"  # a teacher or a businessman held by a state
    for single in [g for g in in_sentence if "group.single_person" in g.rules and g not in pair
                   and g.alongside is None]:
        partner = next(g for g in in_sentence if g.count is not None and g is not single and not g.part_of)
        if not (partner.giver or partner.receiver) and (single.giver or single.receiver):
            # "Washington will release businessman X in exchange for 36 people": they go the other way
            partner.giver, partner.receiver = single.receiver, single.giver
            complete(partner, context)
            partner.rules.append("direction.opposite_of_person")
        if ("group.one_of_each" in single.rules or "group.single_national" in single.rules) \
                and single.nationality is not None:
            # "freed an American and an Australian professor in exchange for three militants": each goes
            # home to the state of its nationality, from the side that freed them
            giver = single.giver if single.giver not in (None, single.nationality) else partner.receiver
            guessed = partner.receiver is None or "direction.dyad" in partner.rules
            if guessed and giver is not None and giver != partner.giver:
                partner.receiver = giver
                partner.rules = [r for r in partner.rules if r != "direction.dyad"] + ["direction.opposite_of_person"]
            single.rules.append("direction.nationality")
            sent_home(single, giver, context, recategorise=("prisoners", "civilians"))
            continue
        held = "direction.held_in" in single.rules and single.giver not in (None, partner.giver)
        single.giver, single.receiver = (single.giver if held else partner.receiver), partner.giver
    for single in [g for g in in_sentence if g.alongside is not None]:
        # "Belarus freed a Polish journalist and a Lithuanian activist": the same giver, each home to its state
        giver = single.alongside.giver
        single.rules.append("direction.nationality")
        if single.nationality in (None, giver):
            single.giver, single.receiver = giver, single.alongside.receiver
        else:
            sent_home(single, giver, context, recategorise=("prisoners", "civilians"))


def sent_home(person: Group, giver: str | None, context: ArticleContext, *,
              recategorise: tuple[str, ...] | None = None) -> None:
    """A foreign national freed by `giver` goes home to the state of their nationality; freed by a non-state
    armed group, they were its hostage (only from the `recategorise` categories, when given)."""
    person.giver, person.receiver = giver, person.nationality
    if giver is not None and not context.is_state(giver) \
            and (recategorise is None or person.category in recategorise):
        person.category = "hostages"
        person.rules.append("category.held_by_group")


def named_pair_partner(views: list[SentenceView], actor: str, context: ArticleContext) -> str | None:
    """'between Russia and the U.S.': the last pair of states named after 'between' in these sentences that
    holds `actor`, when its other member is not a side of the article's dyad; that member, else None."""
    found = None
    for view in views:
        if "between" not in view.word_set:
            continue
        for k in range(view.start, view.end):
            if view.lower[k] != "between":
                continue
            named = []
            for m in range(k + 1, min(view.end, k + 8)):
                a = view.actor(m)
                if a is not None and a.label_ in ("STATE", "CAPITAL") and a.kb_id_ not in named:
                    named.append(a.kb_id_)
                elif view.lower[m] in (".", ";", ",", "but"):
                    break
            if len(named) == 2 and actor in named:
                partner = named[1] if named[0] == actor else named[0]
                if context.sides is None or partner not in context.sides:
                    found = partner
    return found


def _same_number_goes_back(in_sentence: list[Group], earlier: list[Group]) -> None:
    """'... and they released the same number of Ukrainian POWs': the same number goes the other way
    from the figure it repeats; where the sentence's words gave it that figure's own direction, one
    of the two readings is wrong, and the figure named first is the firmer."""
    for group in in_sentence:
        if "count.same_number" not in group.rules:
            continue
        source = next((g for g in reversed(earlier + in_sentence) if g is not group and g.count is group.count), None)
        if source is None or not (source.giver and source.receiver) \
                or (group.giver, group.receiver) != (source.giver, source.receiver):
            continue
        group.giver, group.receiver = source.receiver, source.giver
        group.rules.append("direction.same_number_opposite")


def _called_off(view: SentenceView) -> bool:
    return any(c.kb_id_ == "cancelled" for c in view.cues_with("PLANNED"))


def _before_publication(date_span: Span, published: PartialDate | None, year_hint: int | None) -> bool:
    past = resolve_span(date_span, published=published, status="completed", year_hint=year_hint)
    if past is None or published is None or published.full is None:
        return past is not None
    return past.end is not None and past.end < published.full


def _background(view: SentenceView) -> bool:
    return view.has_cue("BACKGROUND") or separate_occasion(view)


@dataclass(frozen=True)
class Normalised:
    """The hand-off from the normaliser to the record builder: an article's occasions, agreement
    terms and running totals, with what the records need to read them."""

    context: ArticleContext
    occasions: list[Occasion]
    terms: list[Group]
    tallies: list[Tally]
    views: list[SentenceView]
    published: PartialDate | None
    year_hint: int | None


@dataclass(frozen=True)
class Sorted:
    """The counted groups sorted by what they report: agreement terms, running totals, handovers."""

    terms: list[Group]
    tallies: list[Tally]
    mentions: list[Mention]


def normalise(doc: Doc, *, published: PartialDate | None, talk_only: bool = False) -> Normalised | None:
    """The records of one doc as contract-ready parts (without doc_id and claim_id). With `talk_only`,
    None for a doc `about_exchanges` turns down: its parts hold no group, so no record."""
    views = sentence_views(doc, DocIndex.build(doc))
    drop_false_cues(views)                                                    # cue senses: no "exchanged fire"
    exchange_talk = about_exchanges(views)
    if talk_only and not exchange_talk:
        return None
    context = build_context(views)
    recast = recast_actors(views, context, published=published)             # who a name stands for in this war
    if recast:
        context = build_context(views, keep=context.sides)
    year_hint = year_hint_of(views)
    groups = find_groups(views, context) if exchange_talk else []          # groups, with their directions
    if recast:
        note_recast(groups, recast)
    noun_sides(groups, context)                                               # later stages' soldiers and rebels
    serviceman_persons(groups)                                                # "the pilot captured last week"
    restated_categories(groups, views, context)                               # "14 people, most of them women"
    statuses = assign_statuses(groups)                                        # status of each group
    kinds = sort_groups(groups, statuses, views, published=published, year_hint=year_hint)  # terms, tallies, dated mentions
    loose = place_loose(views, context, kinds, published=published, year_hint=year_hint) if exchange_talk else []
    if exchange_talk:                                                         # deals placed without figures
        told = {m.group.view.index for m in kinds.mentions} | {t.group.view.index for t in kinds.tallies} \
            | {g.view.index for g in kinds.terms}
        kinds.terms.extend(deal_groups(views, context, told, categories_of=loose_categories))
        bound = bound_deal_groups(views, context, told | {g.view.index for g in kinds.terms},
                                  categories_of=loose_categories)
        kinds.terms.extend(bound)
        bound_sentences = {g.view.index for g in bound}
        loose = [m for m in loose if m.group.view.index not in bound_sentences]  # the deal's terms, no handover
    occasions = form_occasions(kinds.mentions, loose, views, published=published, year_hint=year_hint)
    article_sides(occasions, context)                                         # sides of figures told without
    restated_receivers(occasions)                                             # a figure told again, its receiver named
    occasion_partners(occasions, context)                                    # a third party's other side
    several_states_receivers(occasions)                                      # what a list of states gives, to whom
    swapped_for_soldiers(occasions, context)                                 # people swapped back for soldiers
    orient_tallies(kinds.tallies, occasions)                                  # sides of totals without their own
    jailed_members(occasions, kinds.tallies, context)                         # a group's members a state jailed
    drop_sideless(occasions, kinds.tallies, views, context)                   # no sides anywhere: no handover
    drop_outside_conflict(occasions, kinds.tallies, views, context)           # repatriations, deportations
    drop_peacetime_remains(occasions, kinds.tallies, views, context)          # remains with no war about them
    return Normalised(context=context, occasions=occasions, terms=kinds.terms, tallies=kinds.tallies,
                      views=views, published=published, year_hint=year_hint)


def assign_statuses(groups: list[Group]) -> dict[int, tuple[str, str]]:
    """id(group) -> (status, rule)."""
    statuses = {}
    largest = max((g.count.value or 0 for g in groups if g.count is not None and "group.x_for_x" not in g.rules),
                  default=0)
    for group in groups:
        status, rule = status_at(group.view, group.start)
        if status == "completed" and deal_name(group):
            # "the third stage of the 1,000-for-1,000 swap": the deal's name, never the stage's count
            status, rule = "planned", "status.deal_name_whole"
        elif status == "completed" and deal_formula(group):
            status, rule = "planned", "status.deal_formula"
        elif status == "completed" and "group.x_for_x" in group.rules and group.count is not None \
                and (group.count.value or 0) > largest > 0 and not group.view.has_cue("COMPLETED") \
                and not whole_finished(group, [g for g in groups if g is not group]):
            # "the 1,000-for-1,000 exchange" beside stages of 390 and 307: the whole swap, still to finish
            status, rule = "planned", "status.whole_formula"
        statuses[id(group)] = (status, rule)
    _title_follows_body(groups, statuses)
    return statuses


def _title_follows_body(groups: list[Group], statuses: dict[int, tuple[str, str]]) -> None:
    """A figure of the title with no tense of its own ('Cuba transfers three Canadians to a hotel ahead of
    swap') told again in the body as planned only ('they will be released next week'): the title's figure is that
    plan (rule status.title_follows_body)."""
    for group in groups:
        if group.view.index != 0 or statuses[id(group)][1] != "status.default_completed" or group.count is None:
            continue
        same = [g for g in groups if g.view.index > 0 and g.count == group.count and g.category == group.category
                and (g.giver, g.receiver) == (group.giver, group.receiver)]
        if same and all(statuses[id(g)][0] == "planned" for g in same):
            statuses[id(group)] = ("planned", "status.title_follows_body")


def sort_groups(groups: list[Group], statuses: dict[int, tuple[str, str]], views: list[SentenceView], *,
                published: PartialDate | None, year_hint: int | None) -> Sorted:
    """Each group as an agreement term, a running total, or a handover mention with its date."""
    terms: list[Group] = []
    tallies: list[Tally] = []
    mentions: list[Mention] = []
    term_sentences: dict[int, bool] = {}  # sentence index -> a group of it is a term; read when first asked

    def in_term_sentence(index: int) -> bool:
        found = term_sentences.get(index)
        if found is None:
            found = term_sentences[index] = any(is_term(g, views, statuses[id(g)][0], done=done)
                                                for g in groups if g.view.index == index)
        return found

    done = [g for g in groups if statuses[id(g)][0] == "completed"]
    unilateral = one_sided_figures(views)
    for group in groups:
        if group.part_of:
            _dated_stage_of_total(group, groups, statuses, done)
    for group in groups:
        if group.part_of and (group.category not in ("civilians", "hostages") or BATCHES_RULE in group.rules) \
                and not ("count.breakdown" in group.rules and group.nationality is not None) \
                and "direction.from_side" not in group.rules:
            continue  # (a breakdown by nationality or by giver goes on: a flow of its own where another state is
            # a side of it)
        status, rule = statuses[id(group)]
        if outside_exchanges(group):
            continue  # "a further 41 were released outside the framework of the agreements"
        if rule == "status.deal_name_whole" and whole_finished(group, done):
            continue  # the deal's name in a report of its finished swap: no count, no record
        handed_over = not not_handed_over(group)  # not "troops recovered 3 bodies", "130 remain held"
        stage = "tally.dated_stage" in group.rules  # a day's part of a total: a handover, not a total itself
        tally = find_tally(group, groups, statuses, done=done, totals=tuple(t.group for t in tallies)) \
            if handed_over and not stage else None
        if tally is None and handed_over and status == "completed" and tallies and not stage:
            tally = continued_tally(group, tallies, done)
        if tally is None and handed_over and status == "completed" and not stage:
            tally = answered_tally(group, views)
        if tally is not None:
            tallies.append(tally)
            continue
        if (status == "planned" or group.view.has_cue("AGREEMENT") or deal_commits(group.view, views)) \
                and in_term_sentence(group.view.index):
            terms.append(group)
            if not deal_figure_done(group, done):
                continue
        if not handed_over:
            continue
        if group.category not in ("hostages", "bodies") and group.count is not None \
                and group.count.value in unilateral and not group.per_side:
            continue  # "released 104 detainees ... the unilateral release of the 104": no swap's handover
        if not (group.view.has_cue(*TRANSFER_LABELS) or group.view.has_swap_pivot() or "count.breakdown_follow_up" in group.rules
                or PLANNED_STAGE_RULE in group.rules or rule in ("status.deal_formula", "status.deal_name_whole")):
            continue
        mentions.append(_placed(group, status, rule, published, year_hint, views))
    return Sorted(terms=terms, tallies=tallies, mentions=mentions)


STAGE_DATE_LINKS = frozenset({"on", "in", "last", "this", "earlier", "alone"})


def _dated_stage_of_total(group: Group, groups: list[Group], statuses: dict[int, tuple[str, str]],
                          done: list[Group]) -> None:
    """'Russia has handed over 6,000 bodies to Ukraine since 2022, including 1,212 on Thursday': a part of a
    running total told with a day of its own is that day's handover, with the total's sides and category
    (rule tally.dated_stage)."""
    view = group.view
    figure = exact_figure(group.count)
    if not figure or group.quantity is None:
        return
    whole = next((g for g in reversed(groups) if g.view is view and not g.part_of and g.end <= group.start
                  and g.count is not None), None)
    if whole is None or (exact_figure(whole.count) or 0) <= figure:
        return
    date = next((d for d in view.dates if group.end <= d.start <= group.end + 3
                 and set(view.words_between(group.end, d.start)) <= STAGE_DATE_LINKS | {"of", "them"}), None)
    if date is None or not usable_date(view, date):
        return
    if find_tally(dataclasses.replace(whole, rules=list(whole.rules)), groups, statuses, done=done) is None:
        return
    group.part_of = False
    group.giver, group.receiver, group.category = whole.giver, whole.receiver, whole.category
    group.rules = [r for r in group.rules if r not in ("count.subset", "count.breakdown")] + ["tally.dated_stage"]


def place_loose(views: list[SentenceView], context: ArticleContext, kinds: Sorted, *,
                published: PartialDate | None, year_hint: int | None) -> list[Mention]:
    """Uncounted handover mentions in the sentences no counted group was read from."""
    counted_sentences = {m.group.view.index for m in kinds.mentions} | {g.view.index for g in kinds.terms} \
        | {t.group.view.index for t in kinds.tallies}
    loose = []
    for group in loose_groups(views, context, counted_sentences):
        if no_handover(group.view):
            continue
        status, rule = status_at(group.view, group.start)
        loose.append(_placed(group, status, rule, published, year_hint, views))
    for group, since in first_since(views, context):
        # "the first swap since August": an earlier occasion placed in August
        interval = resolve_span(since, published=published, status="completed", year_hint=year_hint)
        loose.append(Mention(group=group, status="completed", date_span=since, date=interval,
                             key=date_key(since, interval), background=True, rules=["occasion.first_since"]))
    return loose


def form_occasions(mentions: list[Mention], loose: list[Mention], views: list[SentenceView], *,
                   published: PartialDate | None, year_hint: int | None) -> list[Occasion]:
    """Mentions of one handover occasion grouped together, status settled per occasion (previews of
    a done occasion fold into it), dated at occasion level."""
    occasions = merge_complementary(group_occasions(mentions, views))
    whole_beside_last_stage(occasions)
    attach_loose(occasions, loose)
    own_day_over_told_day(occasions)
    occasions = fold_previews(occasions, published=published, year_hint=year_hint)
    delayed_parts_done(occasions, views)
    occasions = split_begun_whole(occasions, views)
    if published is None or published.full is None:
        occasions = place_weekdays(occasions, article_days(views))
    same_day_lead(occasions, published)
    occasions = one_per_day(occasions)
    story_day(occasions, published)
    span_of_stages(occasions, views)
    span_whole_under_way(occasions, views, published=published, year_hint=year_hint)
    span_multi_day_plan(occasions, views)
    span_told_whole(occasions, views, published=published, year_hint=year_hint)
    return occasions


def _plan_date(group: Group, date_span: Span) -> bool:
    """The date stands in another clause of the sentence, one that speaks of the future."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    plans = [c for c in view.cues_with("PLANNED") if c.kb_id_ == "future" and real_plan(view, c)]
    if any(group.end <= c.start < date_span.start for c in plans):
        return True  # "freed 50 each, with further releases expected over the weekend"
    if any(group.end <= c.start < date_span.start and c.kb_id_ == "intent" and view.lower[c.start] == "would"
           and view.cue(c.end) is not None and view.cue(c.end).label_ in TRANSFER_LABELS
           for c in view.cues_with("PLANNED")):
        return True  # "had handed back 15 and would release five more next week": the next release's day
    if lo <= date_span.start < hi:
        return False
    dlo, dhi = view.clause_bounds(date_span.start)
    return any(dlo <= c.start < dhi for c in plans)


QUOTE_CHARS = ('"', "“", "”")
SPEECH_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this evening": 0, "yesterday": -1}


def _spoken_day(view: SentenceView, date_span: Span | None, published: PartialDate | None,
                year_hint: int | None) -> tuple[Span, DateInterval] | None:
    """'"Today 25 of our soldiers came home," the minister said on Monday': the quote's today is
    the day it was said, not the publication day."""
    if date_span is None or span_text(date_span).lower() not in SPEECH_DAYS \
            or not any(q in view.text for q in QUOTE_CHARS):
        return None
    said = [d for d in view.dates if d is not date_span and after_attribution(view, d)]
    if not said:
        return None
    day = resolve_span(said[0], published=published, status="completed", year_hint=year_hint)
    if day is None or day.precision != "day" or day.start is None or day.start != day.end:
        return None
    shifted = day.start + dt.timedelta(days=SPEECH_DAYS[span_text(date_span).lower()])
    return said[0], DateInterval(start=shifted, end=shifted, precision="day")


def _plan_anaphor(group: Group) -> bool:
    """The day anaphor stands in a later clause that speaks of a promise or plan, not of this handover."""
    view = group.view
    at = anaphor_at(view)
    lo, hi = view.clause_bounds(group.start)
    if at is None or at < hi:
        return False
    alo, ahi = view.clause_bounds(at)
    if any(view.lower[k] in PROMISE_WORDS for k in range(max(alo, at - 4), at)):
        return True
    return any(alo <= c.start < ahi and c.start < at and real_plan(view, c) for c in view.cues_with("PLANNED"))


SAME_OCCASION_WORDS = frozenset({"same", "that"})
OPENING_REACH = 6  # tokens from the sentence start: "As part of the same exchange, ..."
OPENING_PREPOSITIONS = frozenset({"in", "as", "under", "during", "within", "with", "through", "by"})


def _same_occasion_opening(view: SentenceView) -> bool:
    """'In the same agreement, ...', 'As part of that exchange, ...': an opening phrase that carries on
    with the occasion of the sentence before."""
    if view.lower[view.start] not in OPENING_PREPOSITIONS:
        return False  # not "He said that exchange ...": a phrase placed before the clause
    for cue in view.cues_with("EXCHANGE", "AGREEMENT"):
        if cue.start - view.start > OPENING_REACH or cue.start == view.start:
            continue
        if view.lower[cue.start - 1] in SAME_OCCASION_WORDS and view.clause_bounds(cue.start)[0] == view.start:
            return True
    return False


PROMISE_WORDS = frozenset({"promised", "pledged", "announced", "agreed", "planned", "vowed", "expected", "said"})


def _capture_date(view: SentenceView, date) -> bool:
    """'The soldiers, captured during a patrol near the border in July, were received by ...': the date ends a
    clause that tells of the capture, so a next sentence's handover does not take it (rule date.previous_sentence)."""
    lo, _ = view.clause_bounds(date.start)
    return any(view.lower[k] in NOT_EVENT_DATE_BEFORE for k in range(lo, date.start))


def _handover_clause(view: SentenceView, date: Span) -> bool:
    """The date stands in a clause with a handover word: 'the two countries exchanged prisoners of war on
    August 10, 1988' (not 'the process stalled in the latter half of last year')."""
    lo, hi = view.clause_bounds(date.start)
    return any(c.label_ in ("COMPLETED", "EXCHANGE", "RECEIVE", "HOME", "GIVE") for c in view.in_range(view.cues, lo, hi))


def _counts_people(view: SentenceView) -> bool:
    """A figure of the sentence counts people or remains ('their two leaders' counts no one handed over)."""
    return any(read_group(view, q, None) is not None for q in view.quantities)


def _placed(group: Group, status: str, rule: str, published: PartialDate | None, year_hint: int | None,
            views: list[SentenceView]) -> Mention:
    """The mention of a group: its status with the date that belongs to it."""
    if group.date_at is not None:
        date_span = date_span_for(group.view, group.date_at)
    else:
        date_span = date_span_for(group.view, group.start, end=group.end)
    if date_span is not None and ranks_swaps(group.view, date_span):
        date_span = None  # "was the sixth exchange this year"
    if date_span is not None and group.count is None and day_of_what_preceded(group.view, date_span):
        date_span, rule = None, rule + "+date.what_preceded"  # "The swap followed a call last week": the call's day
    lent = adverbial_rule(group.view, date_span, group.start) if date_span is not None else None
    lent_span = date_span
    if status == "completed" and date_span is not None and _plan_date(group, date_span):
        date_span = None  # "390 returned, with further exchanges expected over the weekend": the plan's day
    # a swap under way named in a report of its stage: the stage's day, a day already past, starts it
    tense = "completed" if rule == "status.deal_name_whole" else status
    interval = resolve_span(date_span, published=published, status=tense, year_hint=year_hint,
                            cancelled=_called_off(group.view))
    entry = timeline_entry_date(group.view, views) if date_span is None else None
    if entry is not None:  # "January 25 - Four soldiers are handed over. Israel frees 200 prisoners."
        date_span = entry
        interval = resolve_span(entry, published=published, status=status, year_hint=year_hint)
        rule = rule + "+date.timeline_entry"
    header = day_header(group.view, views) if entry is None else None
    if header is not None and (date_span is not None or status == "completed"):
        # a live blog's "SATURDAY 24 JANUARY": its entries' handovers and their "this morning" are of that day
        headed = headed_day(date_span, header, published=published, status=status, year_hint=year_hint)
        if headed is not None:
            date_span, interval = date_span or header, headed
            rule = rule + "+date.day_header"
    if date_span is None and group.view.index > 0 and day_stage(group.view) is None \
            and anaphoric_date(group.view, views, published=published, year_hint=year_hint) is None:
        before = views[group.view.index - 1]
        # the previous sentence must date a handover: "sent troops into" does not
        same = _same_occasion_opening(group.view)
        usable = [d for d in before.dates if date_span_for(before, d.start) is d and not _capture_date(before, d)
                  and (same or not before.quantities or _handover_clause(before, d))] \
            if status == "completed" \
            and before.dates and (same or not before.quantities or not _counts_people(before)) \
            and before.has_cue("COMPLETED", "EXCHANGE", "RECEIVE", "HOME") else []
        if len(usable) > 1:
            # "Peru and Ecuador exchanged prisoners Wednesday in the region where they fought a war in January":
            # the one date in a clause of the handover, not the war's (rule date.previous_handover_clause)
            told = [d for d in usable if _handover_clause(before, d)]
            if len(told) == 1:
                usable, rule = told, rule + "+date.previous_handover_clause"
        if len(usable) == 1 and same:
            # "... in late March, when ten soldiers were exchanged. In the same agreement, eleven sailors ...":
            # the sentence goes on with the occasion of the one before, figures and all
            date_span = usable[0]
            interval = resolve_span(date_span, published=published, status=status, year_hint=year_hint)
            rule = rule + "+date.same_occasion"
        elif len(usable) == 1:
            # "On 12 February ... was carried out the repatriation. To the Ukrainian side were transmitted 502"
            date_span = usable[0]
            interval = resolve_span(date_span, published=published, status=status, year_hint=year_hint)
            rule = rule + "+date.previous_sentence"
    spoken = _spoken_day(group.view, date_span, published, year_hint)
    if spoken is not None:
        date_span, interval = spoken
        rule = rule + "+date.quoted_relative_day"
    if date_span is None or after_attribution(group.view, date_span):
        anaphor = anaphoric_date(group.view, views, published=published, year_hint=year_hint)
        if anaphor is not None and _plan_anaphor(group):
            anaphor = None  # "released 22, one less than what the Kremlin promised the day before"
        if anaphor is not None:
            date_span, interval = anaphor
            key = date_key(None, interval)
            # "earlier in the day", "that same day": the day of an occasion already told, not an earlier one
            same = " in the day " in group.view.padded_text or " same day " in group.view.padded_text
            return Mention(group=group, status=status, date_span=date_span, date=interval, key=key,
                           background=_background(group.view) and not same, rules=[rule, "date.anaphora"])
    staged = stage_day_date(group.view, views, published=published, year_hint=year_hint) \
        if date_span is None else None
    if staged is not None:  # "On the second day, ...": the day after the one the article gave the first day
        return Mention(group=group, status=status, date_span=staged[0], date=staged[1],
                       key=date_key(None, staged[1]), background=_background(group.view),
                       rules=[rule, "date.stage_day"])
    if status == "completed" and (date_span is None or after_attribution(group.view, date_span)):
        told = occasion_day_near(group.view, views)
        if told is not None:  # "..., the group said on Tuesday. The handover took place on Monday."
            date_span = told
            interval = resolve_span(told, published=published, status=status, year_hint=year_hint)
            rule = rule + "+date.occasion_sentence"
    if status == "planned" and date_span is not None and agreed_near(group, date_span) \
            and _before_publication(date_span, published, year_hint):
        date_span, interval = None, None  # "agreed on 16 May to exchange ...": the day of the deal
    if status == "planned" and interval is not None and interval.end is not None and published is not None \
            and published.full is not None and (published.full - interval.end).days > 1 \
            and not _called_off(group.view) and rule != "status.planned_sentence":
        date_span, interval = None, None  # "On 16 May, X said the swap will ...": when it was said
    if status == "planned" and rule == "status.planned_sentence" and interval is not None \
            and not _called_off(group.view) \
            and published is not None and published.full is not None and interval.end is not None \
            and (published.full - interval.end).days > 1:
        status, rule = "completed", "status.past_date"  # "topping last month's swap": it happened
    if interval is not None and date_span is not None and occasion_after_war(group.view, date_span):
        rule = rule + "+date.occasion_after_war"
    year = timeline_year(group.view, views, date_span) if interval is not None and date_span is not None else None
    if year is not None:
        dated = resolve_span(date_span, published=None, status=status, year_hint=year)
        if dated is not None and dated != interval:
            interval, rule = dated, rule + "+date.timeline_year"
    background = _background(group.view) or (date_span is not None and span_text(date_span).lower().startswith("since"))
    if interval is not None and date_span is not None and date_span.start >= group.view.start \
            and span_text(date_span).lower().startswith(("between", "from")) \
            and days_run(group.view, date_span.start):
        rule = rule + "+date.days_of_operation"  # no running total's period: the days the handover ran
    if lent is not None and interval is not None and date_span is lent_span:
        rule = rule + "+" + lent  # the date came from a place phrase or a where-clause of its own
    return Mention(group=group, status=status, date_span=date_span, date=interval,
                   key=date_key(date_span, interval), background=background, rules=[rule])
