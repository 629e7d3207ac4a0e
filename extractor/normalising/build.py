"""From recognised spans to placed mentions: the article's counted groups, sorted into agreement
terms, running totals and exchange mentions, each with its status and date, then into occasions.

The steps, each in its own module: sentence views (sentences.py), the article's dyad
(context.py), counted groups and their directions (groups.py), status (status.py), dates
(dating.py), occasions (occasions.py); records.py turns the result into contract records.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..contract import PartialDate
from ..recognising.extensions import date_of
from .context import ArticleContext, build_context
from .dating import (
    after_attribution,
    anaphoric_date,
    date_key,
    date_span_for,
    resolve_span,
    year_hint_of,
)
from .groups import (
    Group,
    complete,
    direct,
    mark_parts,
    ones,
    oppose_pairs,
    read_group,
    resolve_category,
    share_coordinated,
    single_persons,
)
from .loose import loose_groups
from .occasions import (
    Mention,
    attach_loose,
    group_occasions,
    merge_complementary,
    same_day_lead,
    span_of_stages,
    story_day,
)
from .sentences import DocIndex, SentenceView, sentence_views
from .status import TRANSFER_LABELS, status_at

STRONG_TALLY = frozenset({"so far", "to date", "since the start", "since the beginning", "since the start of",
                          "since the full-scale invasion", "since the invasion", "since the war began",
                          "since the beginning of the war", "since the start of the war", "since february 2022",
                          "since 2022", "altogether", "in all", "bringing the total", "brings the total",
                          "bringing the number", "bring the total", "cumulative", "cumulatively", "in just two days",
                          "in two days", "in three days", "thus far", "till now", "until now", "already",
                          "brings to", "bringing to", "bring to", "brought to", "brings the number",
                          "bringing the number to"})


FORWARD_TALLY = frozenset({"bringing the total", "brings the total", "bringing the number", "bring the total",
                           "brings to", "bringing to", "bring to", "brought to", "brings the number",
                           "bringing the number to"})


TERM_MIN_VALUE = 5000




FIRST_PERSON = frozenset({"we", "our", "us"})


def _relevant(view: SentenceView) -> bool:
    if not (view.has_cue(*TRANSFER_LABELS, "AGREEMENT", "TALLY") or _swap_for(view)):
        return False
    if view.has_cue("NOT_EXCHANGE") and not view.has_cue("GIVE", "RECEIVE", "HOME"):
        return False
    return True


def _swap_for(view: SentenceView) -> bool:
    """'in exchange for', 'in return for' (a bare 'for' is too common to mark a swap)."""
    return any(c.kb_id_ != "for" for c in view.cues_with("FOR"))


def about_exchanges(views: list[SentenceView]) -> bool:
    """The article speaks of handing people or remains over somewhere: a category word beside a
    transfer word, or a compound like 'prisoner swap'. Market, student and currency exchanges do not."""
    for view in views:
        if view.has_cue("EXCHANGE", "GIVE", "RECEIVE", "HOME") and any(
                c.kb_id_ != "generic" for c in view.cues_with("CATEGORY") if view.actor(c.start) is None):
            return True
        if any(len(c) > 1 and {t.lower_ for t in c} & DOMAIN_WORDS for c in view.cues_with("EXCHANGE")):
            return True
        # "Iran released five US citizens in exchange for five Iranians": people swapped for people
        people = view.cues_with("CATEGORY") + [a for a in view.actors if a.label_ == "DEMONYM" and a.text.endswith("s")]
        if (view.has_cue("EXCHANGE") or _swap_for(view)) and people and view.quantities:
            return True
        # "Russia freed the jailed American teacher in exchange for a Russian businessman"
        if _swap_for(view) and len(view.cues_with("PERSON")) >= 2 and view.has_cue("GIVE", "RECEIVE", "EXCHANGE"):
            return True
    return False


DOMAIN_WORDS = frozenset({"prisoner", "prisoners", "pow", "hostage", "hostages", "prisoner-swap", "prisoner-exchange"})


def _speaker_side(view: SentenceView, group: Group, next_view: SentenceView | None,
                  sides: tuple[str, str] | None) -> str | None:
    """'207 of our people': the side of whoever speaks in the sentence."""
    words = {view.lower[k] for k in range(view.start, group.end)}
    noun = group.noun.text.lower() if group.noun is not None else ""
    if not (words & FIRST_PERSON or "our" in noun):
        return None
    candidates = list(view.actors)
    if next_view is not None and ("”" in view.sent.text or '"' in view.sent.text):
        candidates += next_view.actors
    for actor in candidates:
        if actor.label_ in ("OFFICIAL", "INSTITUTION", "STATE", "CAPITAL", "SEAT", "DEMONYM") \
                and (sides is None or actor.kb_id_ in sides):
            return actor.kb_id_
    return None


def find_groups(views: list[SentenceView], context: ArticleContext) -> list[Group]:
    groups: list[Group] = []
    for view in views:
        if not _relevant(view):
            continue
        in_sentence: list[Group] = []
        pools: set[int] = set()
        for quantity in view.quantities:
            if quantity.start in pools:
                continue
            previous = in_sentence[-1] if in_sentence else None
            group = read_group(view, quantity, previous)
            if group is None:
                continue
            if "group.share_of_pool" in group.rules:
                pools |= {q.start for q in view.quantities if group.quantity.end < q.start < group.end}
            if group.nationality is None:
                side = _speaker_side(view, group, views[view.index + 1] if view.index + 1 < len(views) else None,
                                     context.sides)
                if side is not None:
                    group.nationality = side
                    group.rules.append("group.speaker_side")
            resolve_category(group, context)
            if "group.state_forces" in group.rules and group.nationality is None:
                group.nationality = context.state_side()
            in_sentence.append(group)
        for group in ones(view, in_sentence):
            resolve_category(group, context)
            in_sentence.append(group)
        in_sentence.sort(key=lambda g: g.start)
        mark_parts(in_sentence)
        in_sentence += single_persons(view, in_sentence, context)
        for group in in_sentence:
            direct(group, context, [g for g in in_sentence if not g.part_of])
        share_coordinated(in_sentence)
        oppose_pairs(in_sentence, context)
        for group in in_sentence:
            complete(group, context)
        pair = [g for g in in_sentence if "group.person_for_person" in g.rules]
        if len(pair) == 2:
            # one named person for another: the second goes the way the first came
            pair[1].giver, pair[1].receiver = pair[0].receiver, pair[0].giver
            for single in pair:
                if context.default_category == "prisoners":
                    single.category = "prisoners"  # a teacher or a businessman held by a state
        for single in [g for g in in_sentence if "group.single_person" in g.rules and g not in pair]:
            partner = next(g for g in in_sentence if g.count is not None and g is not single and not g.part_of)
            single.giver, single.receiver = partner.receiver, partner.giver
        groups.extend(in_sentence)
    return groups


def _tally_cue(group: Group, sentence_groups: list[Group]) -> Span | None:
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    others = [g.quantity for g in sentence_groups if g is not group and g.quantity is not None]
    since = [d for d in view.dates if d.text.lower().startswith(("since", "as of"))]
    for cue in sorted(view.cues_with("TALLY") + since, key=lambda c: c.start):
        text = cue.text.lower()
        if text not in STRONG_TALLY and not text.startswith(("since", "as of")):
            continue
        if _superlative_before(view, cue):
            continue  # "the largest such deal to date"
        if cue.end <= group.start:
            between = [q for q in others if cue.end <= q.start < group.start]
            first_clause = view.clause_bounds(view.start)[1] >= cue.end
            if first_clause and cue.start - view.start <= 2:
                return cue  # "Since the truce began, 21 hostages have been freed for 1,100 prisoners"
            first_clause = first_clause and group.start - cue.end <= 8
            near = lo <= cue.start or first_clause or (text in FORWARD_TALLY and group.start - cue.end <= 16)
            if not between and near:
                return cue
        elif cue.start >= group.end and text not in FORWARD_TALLY:
            between = [q for q in others if group.end <= q.start < cue.start]
            if not between and cue.start < hi:
                return cue
    return None


SUPERLATIVES = frozenset({"largest", "biggest", "first", "most", "highest", "greatest", "only", "latest", "last"})


def _superlative_before(view: SentenceView, cue: Span) -> bool:
    return any(view.lower[k] in SUPERLATIVES for k in range(max(view.start, cue.start - 5), cue.start))


def _agreement_talk(view: SentenceView) -> bool:
    return view.has_cue("AGREEMENT") or any(text.startswith(("agree", "pledge", "promise", "vowed"))
                                            for text in view.cue_texts)


def _is_term(group: Group, views: list[SentenceView], status: str) -> bool:
    view = group.view
    count = group.count
    if count is None:
        return False
    agreement_near = _agreement_talk(view) or (view.index > 0 and _agreement_talk(views[view.index - 1]))
    if count.qualifier == "up_to" and group.per_side:
        return True
    planned_here = status == "planned" or any(
        c.label_ == "PLANNED" and c.kb_id_ == "future" for c in view.cues)
    if not agreement_near or not planned_here:
        return False
    if any(date_of(d) is not None and date_of(d).kind == "weekday" and date_span_for(view, d.start) is d
           for d in view.dates):
        return False  # "three hostages on Saturday for about 150 prisoners": a dated handover, not a deal
    big = (count.value or count.min or count.max or 0) >= TERM_MIN_VALUE
    return count.qualifier not in ("exact",) or big


AGREED = frozenset({"agreed", "agreement", "reached an agreement", "reached agreement", "reached a deal",
                    "was reached", "were reached", "was agreed", "were agreed", "was signed", "were signed",
                    "struck a deal", "deal", "agreements"})


FORMULA_WORDS = frozenset({"format", "formula", "deal", "agreement", "agreements", "arrangement", "framework"})


def _deal_formula(group: Group) -> bool:
    """'the 1,000-for-1,000 format', 'a larger "1000 for 1000" agreement': the deal for the whole swap."""
    if group.quantity is None or "group.x_for_x" not in group.rules:
        return False
    after = [group.view.lower[k] for k in range(group.end, min(group.view.end, group.end + 3))]
    return any(w in FORMULA_WORDS for w in after) and not group.view.has_cue("COMPLETED")


def _called_off(view: SentenceView) -> bool:
    return any(c.kb_id_ == "cancelled" for c in view.cues_with("PLANNED"))


def _agreed_near(group: Group, date: Span) -> bool:
    """The date sits nearer to 'agreed' than to the figure: it dates the deal, not the handover."""
    to_group = min(abs(date.start - group.end), abs(group.start - date.end))
    return any(c.text.lower() in AGREED and min(abs(date.start - c.end), abs(c.start - date.end)) < to_group
               for c in group.view.cues_with("AGREEMENT"))


def _before_publication(date_span: Span, published: PartialDate | None, year_hint: int | None) -> bool:
    past = resolve_span(date_span, published=published, status="completed", year_hint=year_hint)
    if past is None or published is None or published.full is None:
        return past is not None
    return past.end is not None and past.end < published.full


def _background(view: SentenceView) -> bool:
    return view.has_cue("BACKGROUND")


def normalise(doc: Doc, *, published: PartialDate | None) -> dict:
    """The records of one doc as contract-ready parts (without doc_id and claim_id)."""
    index = DocIndex.build(doc)
    views = sentence_views(doc, index)
    context = build_context(views)
    exchange_talk = about_exchanges(views)
    groups = find_groups(views, context) if exchange_talk else []
    year_hint = year_hint_of(views)

    terms: list[Group] = []
    tallies: list[tuple[Group, Span]] = []
    mentions: list[Mention] = []
    term_sentences: set[int] = set()
    statuses = {}
    largest = max((g.count.value or 0 for g in groups if g.count is not None and "group.x_for_x" not in g.rules),
                  default=0)
    for group in groups:
        status, rule = status_at(group.view, group.start)
        if status == "completed" and _deal_formula(group):
            status, rule = "planned", "status.deal_formula"
        elif status == "completed" and "group.x_for_x" in group.rules and group.count is not None \
                and (group.count.value or 0) > largest > 0 and not group.view.has_cue("COMPLETED"):
            # "the 1,000-for-1,000 exchange" beside stages of 390 and 307: the whole swap, still to finish
            status, rule = "planned", "status.whole_formula"
        statuses[id(group)] = (status, rule)
        if _is_term(group, views, status):
            term_sentences.add(group.view.index)
    for group in groups:
        if group.part_of and group.category != "civilians":
            continue
        status, rule = statuses[id(group)]
        tally = _tally_cue(group, [g for g in groups if g.view is group.view])
        if tally is not None and _transfer_near(group):
            tallies.append((group, tally))
            continue
        if group.view.index in term_sentences and (status == "planned" or group.view.has_cue("AGREEMENT")):
            terms.append(group)
            continue
        if not (group.view.has_cue(*TRANSFER_LABELS) or _swap_for(group.view) or rule == "status.deal_formula"):
            continue
        mentions.append(_placed(group, status, rule, published, year_hint, views))
    counted_sentences = {m.group.view.index for m in mentions} | {g.view.index for g in terms} \
        | {g.view.index for g, _ in tallies}
    loose = []
    for group in (loose_groups(views, context, counted_sentences) if exchange_talk else []):
        status, rule = status_at(group.view, group.start)
        loose.append(_placed(group, status, rule, published, year_hint, views))
    occasions = merge_complementary(group_occasions(mentions))
    attach_loose(occasions, loose)
    same_day_lead(occasions, published)
    story_day(occasions, published)
    span_of_stages(occasions, views)
    return {
        "context": context,
        "occasions": occasions,
        "terms": terms,
        "tallies": tallies,
        "views": views,
        "published": published,
        "year_hint": year_hint,
    }


def _transfer_near(group: Group) -> bool:
    """A figure is a handover only where a transfer word governs it: in its clause or close by."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    for cue in view.cues:
        if cue.label_ in TRANSFER_LABELS or (cue.label_ == "FOR" and cue.kb_id_ != "for"):
            if lo <= cue.start < hi or min(abs(cue.start - group.end), abs(group.start - cue.end)) <= 8:
                return True
    return False


def _placed(group: Group, status: str, rule: str, published: PartialDate | None, year_hint: int | None,
            views: list[SentenceView]) -> Mention:
    """The mention of a group: its status with the date that belongs to it."""
    date_span = date_span_for(group.view, group.start, end=group.end)
    interval = resolve_span(date_span, published=published, status=status, year_hint=year_hint,
                            cancelled=_called_off(group.view))
    if date_span is None and group.view.index > 0:
        before = views[group.view.index - 1]
        usable = [d for d in before.dates if date_span_for(before, d.start) is d]
        if len(usable) == 1 and not before.quantities and before.has_cue("COMPLETED", *TRANSFER_LABELS) \
                and status == "completed":
            # "On 12 February ... was carried out the repatriation. To the Ukrainian side were transmitted 502"
            date_span = usable[0]
            interval = resolve_span(date_span, published=published, status=status, year_hint=year_hint)
            rule = rule + "+date.previous_sentence"
    if date_span is None or after_attribution(group.view, date_span):
        anaphor = anaphoric_date(group.view, views, published=published, year_hint=year_hint)
        if anaphor is not None:
            date_span, interval = anaphor
            key = date_key(None, interval)
            return Mention(group=group, status=status, date_span=date_span, date=interval, key=key,
                           background=_background(group.view), rules=[rule, "date.anaphora"])
    if status == "planned" and date_span is not None and _agreed_near(group, date_span) \
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
    background = _background(group.view) or (date_span is not None and date_span.text.lower().startswith("since"))
    return Mention(group=group, status=status, date_span=date_span, date=interval,
                   key=date_key(date_span, interval), background=background, rules=[rule])
