"""From recognised spans to contract records: exchanges per occasion, agreements, tallies.

The steps, each in its own module: sentence views (sentences.py), the article's dyad
(context.py), counted groups and their directions (groups.py), status (status.py), dates
(dating.py); here the groups are sorted into agreement terms, running totals and exchange
occasions, and each becomes a record with its evidence and the rules that fired.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..contract import (AgreementRecord, Count, DateInterval, EvidenceSpan, ExchangeRecord, Flow, Location,
                        PartialDate, TallyRecord)
from .context import ArticleContext, build_context
from .dating import (after_attribution, anaphoric_date, date_key, date_span_for, resolve_span, same_day,
                     year_hint_of)
from .groups import (Group, complete, direct, mark_parts, oppose_pairs, read_group, resolve_category,
                     share_coordinated, single_persons)
from .loose import loose_groups
from .sentences import DocIndex, SentenceView, sentence_views
from .status import status_at

STRONG_TALLY = frozenset({"so far", "to date", "since the start", "since the beginning", "since the start of",
                          "since the full-scale invasion", "since the invasion", "since the war began",
                          "since the beginning of the war", "since the start of the war", "since february 2022",
                          "since 2022", "altogether", "in all", "bringing the total", "brings the total",
                          "bringing the number", "bring the total", "cumulative", "cumulatively", "in just two days",
                          "in two days", "in three days", "thus far", "till now", "until now", "already"})
FORWARD_TALLY = frozenset({"bringing the total", "brings the total", "bringing the number", "bring the total"})
TERM_MIN_VALUE = 5000
TRANSFER = ("EXCHANGE", "GIVE", "RECEIVE", "HOME")
FIRST_PERSON = frozenset({"we", "our", "us"})


@dataclass
class Mention:
    """A group placed in time and status: the unit that occasions are made of."""

    group: Group
    status: str
    date_span: Span | None
    date: DateInterval | None
    key: str | None
    background: bool
    rules: list[str] = field(default_factory=list)


@dataclass
class Occasion:
    status: str
    mentions: list[Mention] = field(default_factory=list)
    key: str | None = None
    date: DateInterval | None = None
    date_span: Span | None = None
    background: bool = False

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if self.key is None and mention.key is not None:
            self.key, self.date, self.date_span = mention.key, mention.date, mention.date_span
        elif self.date is None and mention.date is not None:
            # "this Wednesday" and "On January 31" are the same day: keep the resolved one
            self.key, self.date, self.date_span = mention.key, mention.date, mention.date_span


def _relevant(view: SentenceView) -> bool:
    if not (view.has_cue(*TRANSFER, "AGREEMENT", "TALLY") or _swap_for(view)):
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
    return False


DOMAIN_WORDS = frozenset({"prisoner", "prisoners", "pow", "hostage", "hostages", "prisoner-swap", "prisoner-exchange"})


def _speaker_side(view: SentenceView, group: Group, next_view: SentenceView | None) -> str | None:
    """'207 of our people': the side of whoever speaks in the sentence."""
    doc = view.sent.doc
    words = {doc[k].lower_ for k in range(view.start, group.end)}
    noun = group.noun.text.lower() if group.noun is not None else ""
    if not (words & FIRST_PERSON or "our" in noun):
        return None
    candidates = list(view.actors)
    if next_view is not None and ("”" in view.sent.text or '"' in view.sent.text):
        candidates += next_view.actors
    for actor in candidates:
        if actor.label_ in ("OFFICIAL", "INSTITUTION", "STATE", "CAPITAL", "SEAT", "DEMONYM"):
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
                side = _speaker_side(view, group, views[view.index + 1] if view.index + 1 < len(views) else None)
                if side is not None:
                    group.nationality = side
                    group.rules.append("group.speaker_side")
            resolve_category(group, context)
            if "group.state_forces" in group.rules and group.nationality is None:
                group.nationality = context.state_side()
            in_sentence.append(group)
        mark_parts(in_sentence)
        in_sentence += single_persons(view, in_sentence, context)
        for group in in_sentence:
            direct(group, context, [g for g in in_sentence if not g.part_of])
        share_coordinated(in_sentence)
        oppose_pairs(in_sentence, context)
        for group in in_sentence:
            complete(group, context)
        for single in [g for g in in_sentence if "group.single_person" in g.rules]:
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
    doc = view.sent.doc
    return any(doc[k].lower_ in SUPERLATIVES for k in range(max(view.start, cue.start - 5), cue.start))


def _agreement_talk(view: SentenceView) -> bool:
    return view.has_cue("AGREEMENT") or any(c.text.lower().startswith(("agree", "pledge", "promise", "vowed"))
                                            for c in view.cues)


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
    big = (count.value or count.min or count.max or 0) >= TERM_MIN_VALUE
    return count.qualifier not in ("exact",) or big


AGREED = frozenset({"agreed", "agreement", "reached an agreement", "reached agreement", "reached a deal",
                    "struck a deal", "deal", "agreements"})


FORMULA_WORDS = frozenset({"format", "formula", "deal", "agreement", "agreements", "arrangement", "framework"})


def _deal_formula(group: Group) -> bool:
    """'the 1,000-for-1,000 format', 'a larger "1000 for 1000" agreement': the deal for the whole swap."""
    if group.quantity is None or "group.x_for_x" not in group.rules:
        return False
    doc = group.view.sent.doc
    after = [doc[k].lower_ for k in range(group.end, min(group.view.end, group.end + 3))]
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
    groups = find_groups(views, context) if about_exchanges(views) else []
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
        if not (group.view.has_cue(*TRANSFER) or _swap_for(group.view) or rule == "status.deal_formula"):
            continue
        mentions.append(_placed(group, status, rule, published, year_hint, views))
    counted_sentences = {m.group.view.index for m in mentions} | {g.view.index for g in terms} \
        | {g.view.index for g, _ in tallies}
    loose = []
    for group in (loose_groups(views, context, counted_sentences) if groups or about_exchanges(views) else []):
        status, rule = status_at(group.view, group.start)
        loose.append(_placed(group, status, rule, published, year_hint, views))
    occasions = merge_complementary(group_occasions(mentions))
    attach_loose(occasions, loose)
    _same_day_lead(occasions, published)
    _story_day(occasions, published)
    _span_of_stages(occasions, views)
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
        if cue.label_ in TRANSFER or (cue.label_ == "FOR" and cue.kb_id_ != "for"):
            if lo <= cue.start < hi or min(abs(cue.start - group.end), abs(group.start - cue.end)) <= 8:
                return True
    return False


def _placed(group: Group, status: str, rule: str, published: PartialDate | None, year_hint: int | None,
            views: list[SentenceView]) -> Mention:
    """The mention of a group: its status with the date that belongs to it."""
    date_span = date_span_for(group.view, group.start, end=group.end)
    interval = resolve_span(date_span, published=published, status=status, year_hint=year_hint,
                            cancelled=_called_off(group.view))
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


def _flow_keys(occasion: Occasion) -> set[tuple]:
    keys = set()
    for m in occasion.mentions:
        g = m.group
        if g.per_side:
            keys |= {("each", g.category)}
        else:
            keys.add((g.giver, g.receiver, g.category))
    return keys


def _adjacent(a: Occasion, b: Occasion) -> bool:
    if a.date is not None and b.date is not None and a.date.start and b.date.start \
            and a.date.precision == b.date.precision == "day":
        return abs((a.date.start - b.date.start).days) <= 1
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    names = [next((i for i, d in enumerate(days) if o.key and d in o.key), None) for o in (a, b)]
    if None in names:
        return False
    return (names[0] - names[1]) % 7 in (1, 6)


def merge_complementary(occasions: list[Occasion]) -> list[Occasion]:
    """Hostages freed on Sunday and prisoners released early on Monday are one swap: occasions a
    day apart whose flows do not overlap at all are merged (stages with the same flows stay apart)."""
    out: list[Occasion] = []
    for occasion in occasions:
        partner = next((o for o in out if o.status == occasion.status and _adjacent(o, occasion)
                        and not (_flow_keys(o) & _flow_keys(occasion))), None)
        if partner is None:
            out.append(occasion)
            continue
        for m in occasion.mentions:
            m.rules.append("occasion.complementary_day")
            partner.mentions.append(m)
    return out


SAME_DAY_WORDS = frozenset({"today", "tonight", "now", "this morning", "this evening"})


def attach_loose(occasions: list[Occasion], loose: list[Mention]) -> None:
    """Uncounted mentions join a fitting occasion; a placed one (dated, or a plan the article has no
    other record of) makes its own."""
    for mention in loose:
        same_status = [o for o in occasions if o.status == mention.status]
        firm = mention.status == "completed" or any(
            c.kb_id_ in ("future", "cancelled") for c in mention.group.view.cues_with("PLANNED"))
        if mention.key is not None:
            target = next((o for o in same_status if same_day(o.key, mention.key)), None)
            # a dated mention joins an undated occasion only when that one has no figures of its own
            # (a plan's dated stage stays apart from the undated whole swap; a completed one joins it)
            bare = [o for o in same_status if o.key is None and not o.background
                    and (mention.status == "completed" or all(m.group.count is None for m in o.mentions))]
            same_day_word = mention.date is None and mention.key in SAME_DAY_WORDS
            if target is None and (bare or same_day_word) and (bare or same_status):
                target = (bare or same_status)[0]
            elif target is None and firm:
                target = Occasion(status=mention.status)
                occasions.append(target)
        else:
            target = same_status[0] if same_status else None
            if target is None and mention.status == "planned" and "status.planned_clause" in mention.rules and firm:
                target = Occasion(status=mention.status)
                occasions.append(target)
        if target is not None:
            target.add(mention)


def compatible_counts(a: Count | None, b: Count | None) -> bool:
    """Could both figures describe the same flow? 'more than 1,200' and '1,212' can; 307 and 390 cannot."""
    if a is None or b is None:
        return True
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _bounds(c: Count) -> tuple[float, float]:
    if c.qualifier == "about" and c.value is not None:
        return c.value * 0.9, c.value * 1.1
    lo = c.min if c.min is not None else (c.value if c.value is not None else 0)
    hi = c.max if c.max is not None else (c.value if c.value is not None and c.qualifier == "exact" else float("inf"))
    return lo, hi


def _conflicts(occasion: Occasion, mention: Mention) -> bool:
    g = mention.group
    for other in occasion.mentions:
        o = other.group
        if (o.giver, o.receiver, o.category, o.per_side) == (g.giver, g.receiver, g.category, g.per_side) \
                and not compatible_counts(o.total or o.count, g.total or g.count) and not g.part_of and not o.part_of:
            return True
    return False


def group_occasions(mentions: list[Mention]) -> list[Occasion]:
    occasions: list[Occasion] = []
    for mention in mentions:
        same_status = [o for o in occasions if o.status == mention.status]
        target = None
        if mention.key is not None:
            target = next((o for o in same_status if same_day(o.key, mention.key)), None)
            if target is None and not (mention.background and mention.date_span is not None
                                       and mention.date_span.text.lower().startswith("since")):
                target = next((o for o in same_status if o.key is None and not o.background
                               and not _conflicts(o, mention)), None)
        else:
            main = next((o for o in same_status if not o.background), None)
            if mention.background and main is not None and _conflicts(main, mention):
                # "the previous day, 390 were freed" beside today's 307: an earlier occasion
                same = [o for o in same_status if o.background and not _conflicts(o, mention)]
                target = same[-1] if same else None
            else:
                target = main
        if target is None:
            target = Occasion(status=mention.status, background=mention.background and mention.key is None)
            occasions.append(target)
        target.add(mention)
    return occasions


RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _story_day(occasions: list[Occasion], published: PartialDate | None) -> None:
    """'Tomorrow we expect more', quoted from Saturday's post in Sunday's paper: tomorrow counts from the
    day the story happened (the first completed occasion), not from the publication day."""
    if published is None or published.full is None:
        return
    story = next((o.date.start for o in occasions if o.status == "completed" and o.date is not None
                  and o.date.precision == "day" and o.date.start == o.date.end and o.date.start is not None), None)
    if story is None or story >= published.full:
        return
    shift = story - published.full
    for occasion in occasions:
        span = occasion.date_span
        if occasion.status != "planned" or span is None or occasion.date is None:
            continue
        quoted = any(q in span.sent.text for q in ('"', "“", "”"))
        if quoted and span.text.lower() in RELATIVE_DAYS and occasion.date.start is not None:
            day = occasion.date.start + shift
            occasion.date = DateInterval(start=day, end=day, precision="day")
            occasion.key = f"{day}/{day}"


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _span_of_stages(occasions: list[Occasion], views: list[SentenceView]) -> None:
    """'the second day of a swap ... over three days': a dated stage places the whole swap's days."""
    anchor = None
    for occasion in occasions:
        if occasion.status != "completed" or occasion.date is None or occasion.date.start is None \
                or occasion.date.start != occasion.date.end:
            continue
        for m in occasion.mentions:
            for cue in m.group.view.cues_with("STAGE"):
                words = [t.lower_ for t in cue]
                if "day" in words:
                    k = next((ORDINALS[w] for w in words if w in ORDINALS), None)
                    if k is not None:
                        anchor = occasion.date.start - dt.timedelta(days=k - 1)
        if anchor is not None:
            break
    if anchor is None:
        return
    for occasion in occasions:
        if occasion.status != "planned" or (occasion.date is not None and occasion.date.start != occasion.date.end):
            continue
        for m in occasion.mentions:
            words = [t.lower_ for t in m.group.view.sent]
            for k in range(len(words) - 2):
                if words[k] == "over" and words[k + 1] in NUMBER_WORDS and words[k + 2] == "days" and m.group.count:
                    n = NUMBER_WORDS[words[k + 1]]
                    occasion.date = DateInterval(start=anchor, end=anchor + dt.timedelta(days=n - 1), precision="day")
                    occasion.key = f"{occasion.date.start}/{occasion.date.end}"
                    break


def _same_day_lead(occasions: list[Occasion], published: PartialDate | None) -> None:
    """A lead that gives no date reports the news of the day: the first completed occasion, if
    undated and no other occasion of the article is dated, takes the publication day."""
    if published is None or published.full is None:
        return
    completed = [o for o in occasions if o.status == "completed"]
    if not completed or completed[0].key is not None:
        return
    if any(o.key is not None for o in occasions if o.status == "completed"):
        return
    first = completed[0]
    if min(m.group.view.index for m in first.mentions) > 3:
        return
    day = published.full
    first.date = DateInterval(start=day, end=day, precision="day")
    first.key = f"{day}/{day}"
    for m in first.mentions:
        m.rules.append("date.same_day_lead")


# ----------------------------------------------------------------------------- records


def _flows_of(groups: list[Group], context: ArticleContext, attributed: dict[int, bool]) -> list[tuple[tuple, Count | None, Group]]:
    """(giver, receiver, category) keys with the count chosen for each: the first figure stated in
    the article's own voice, else the first given; groups joined by 'and' in one sentence add up."""
    candidates: dict[tuple, list[tuple[int, Count | None, Group]]] = {}
    wholes = [g for g in groups if not g.part_of]
    for group in groups:
        keys = _keys(group, context)
        count = group.count
        if group.part_of:
            if group.category != "civilians":
                continue
            whole = next((w for w in reversed(wholes) if w.view is group.view and w.start < group.start), None)
            if whole is not None and whole.category != "civilians" and whole.count and count \
                    and whole.count.value and count.value and whole.count.value > count.value:
                # "390 prisoners, including 120 civilians": 270 POWs and 120 civilians
                for key in _keys(whole, context):
                    for entry in candidates.get(key, []):
                        if entry[2] is whole:
                            candidates[key].remove(entry)
                            candidates[key].append((entry[0], Count.exact(whole.count.value - count.value), whole))
                keys = [(k[0], k[1], "civilians") for k in _keys(whole, context)]
            else:
                continue
        for key in keys:
            candidates.setdefault(key, []).append((group.char_start, count, group))
    out = []
    for key, entries in candidates.items():
        entries.sort(key=lambda e: e[0])
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
            summed.append((first[0], total, first[2], sent_index))
        with_count = [s for s in summed if s[1] is not None]
        # the figure the article repeats, then the one in its own voice, exact before hedged, then the first
        tally = Counter(s[1] for s in with_count)
        top = max(tally.values(), default=0)
        repeated = [s for s in with_count if tally[s[1]] == top] if top > 1 else with_count
        own = [s for s in repeated if not attributed.get(s[3], False)] or repeated
        exact = [s for s in own if s[1].qualifier == "exact"]
        chosen = (exact or own or summed)[0]
        if chosen[1] is not None and chosen[1].qualifier != "exact":
            # "more than 1,200" in the lead, "1,212" in the statement: the exact figure it rounds
            rounding = [s for s in with_count if s[1].qualifier == "exact" and compatible_counts(s[1], chosen[1])]
            chosen = rounding[0] if rounding else chosen
        out.append((key, chosen[1], chosen[2]))
    # an unsplit total beside directional figures of the same category is a summary: drop it
    directional = {k[2] for k, _, _ in out if k[0] is not None or k[1] is not None}
    out = [item for item in out if item[0][0] is not None or item[0][1] is not None or item[0][2] not in directional]
    return out


COORDINATORS = frozenset({"and", "plus", ",", "as", "well", "another", "also"})


def _coordinated(a: Group, b: Group) -> bool:
    """'246 POWs and 31 wounded': two figures side by side that add up."""
    if a.view is not b.view or a.per_side or b.per_side or a.quantity is None or b.quantity is None:
        return False
    doc = a.view.sent.doc
    lo, hi = (a, b) if a.start < b.start else (b, a)
    words = [doc[k].lower_ for k in range(lo.end, hi.start)]
    return bool(words) and all(w in COORDINATORS for w in words) and ("and" in words or "plus" in words)


def _keys(group: Group, context: ArticleContext) -> list[tuple]:
    if group.per_side:
        if context.sides is not None and not context.multi:
            a, b = context.sides
            fixed = context.fixed_sides(group.category)
            if fixed is not None:
                a, b = fixed
            return [(a, b, group.category), (b, a, group.category)]
        return [(None, None, group.category), (None, None, group.category + "#2")]
    return [(group.giver, group.receiver, group.category)]


def _flow(key: tuple, count: Count | None) -> Flow:
    category = key[2].split("#")[0]
    return Flow.model_validate({"from": key[0], "to": key[1], "category": category, "count": count})


def _evidence_for(groups: list[Group], extra: list[Span]) -> list[EvidenceSpan]:
    spans: list[tuple[int, int, str, str]] = []
    for group in groups:
        if group.quantity is not None:
            q = group.quantity
            spans.append((q.start_char, q.end_char, "count", q.text))
        if group.noun is not None:
            n = group.noun
            spans.append((n.start_char, n.end_char, "category", n.text))
    for span in extra:
        if span is not None:
            spans.append((span.start_char, span.end_char, span.label_.lower() or "cue", span.text))
    seen, out = set(), []
    for start, end, label, text in sorted(spans):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        out.append(EvidenceSpan(start=start, end=end, label=label, text=text))
    return out


def _sentences_of(groups: list[Group]) -> list[tuple[int, int]]:
    return sorted({(g.view.sent.start_char, g.view.sent.end_char) for g in groups})


def _location(occasion_groups: list[Group]) -> Location | None:
    for group in occasion_groups:
        view = group.view
        if view.has_cue("TALKS"):
            continue
        doc = view.sent.doc
        for place in view.places + [a for a in view.actors if a.label_ == "CAPITAL"]:
            before = doc[place.start - 1].lower_ if place.start > view.start else ""
            before2 = doc[place.start - 2].lower_ if place.start - 1 > view.start else ""
            if before in ("in", "at", "on", "near") or before2 in ("in", "at", "on", "near"):
                return Location(name=place.text, country=place.kb_id_)
    return None


def _confidence(groups: list[Group]) -> float:
    if not groups:
        return 0.3
    counted = any(g.count is not None for g in groups)
    explicit = any(any(r.startswith("direction.") and r not in ("direction.dyad", "direction.unsplit")
                       for r in g.rules) for g in groups)
    return round(0.4 + 0.25 * counted + 0.2 * explicit, 2)


def _agreement_clusters(terms: list[Group], views: list[SentenceView], published: PartialDate | None,
                        year_hint: int | None) -> list[tuple[DateInterval | None, list[Group]]]:
    """Terms grouped into deals: one per date the article gives for a deal; undated terms join the first."""
    clusters: list[tuple[DateInterval | None, list[Group]]] = []
    undated: list[Group] = []
    for group in terms:
        span = date_span_for(group.view, group.start, end=group.end, meeting=True)
        date = resolve_span(span, published=published, status="completed", year_hint=year_hint)
        if date is None:
            undated.append(group)
            continue
        target = next((c for c in clusters if c[0] == date), None)
        if target is None:
            clusters.append((date, [group]))
        else:
            target[1].append(group)
    if undated:
        if clusters:
            clusters[0][1].extend(undated)
        else:
            clusters.append((None, undated))
    return clusters


def _agreement_place(cluster: list[Group], views: list[SentenceView], context: ArticleContext) -> Location | None:
    """Where the deal was made: a place named with the terms, or in a sentence about talks and agreeing."""
    indices = sorted({g.view.index for g in cluster})
    indices += [v.index for v in views if v.has_cue("TALKS") and v.has_cue("AGREEMENT") and v.index not in indices]
    for vi in indices:
        for place in views[vi].places + [a for a in views[vi].actors if a.label_ == "CAPITAL"]:
            if place.kb_id_ not in (context.sides or ()):
                return Location(name=place.text, country=place.kb_id_)
    return None


def build_records(doc: Doc, *, doc_id: str, published: PartialDate | None, versions: dict) -> list:
    parts = normalise(doc, published=published)
    context: ArticleContext = parts["context"]
    views: list[SentenceView] = parts["views"]
    attributed = {v.index: (v.attributed and v.index > 0) for v in views}
    text_hash = hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:12]
    records = []

    def claim_id(kind: str, anchor: int, n: int) -> str:
        raw = f"{doc_id}|{text_hash}|{kind}|{anchor}|{n}"
        return "c-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    for n, occasion in enumerate(parts["occasions"]):
        groups = [m.group for m in occasion.mentions]
        flows = _flows_of(groups, context, attributed)
        if not flows:
            continue
        rules = sorted({r for m in occasion.mentions for r in m.rules + m.group.rules})
        anchor = min(g.char_start for g in groups)
        records.append(ExchangeRecord(
            doc_id=doc_id,
            claim_id=claim_id("exchange", anchor, n),
            status=occasion.status,
            date=occasion.date,
            flows=tuple(_flow(k, c) for k, c, _ in flows),
            location=_location(groups),
            mediators=tuple(context.mediators),
            evidence=tuple(_evidence_for(groups, [occasion.date_span] if occasion.date_span is not None else [])),
            sentences=tuple(_sentences_of(groups)),
            rules=tuple(rules),
            confidence=_confidence(groups),
            **versions,
        ))
    for n, (date, cluster) in enumerate(_agreement_clusters(parts["terms"], views, published, parts["year_hint"])):
        flows = _flows_of(cluster, context, {})
        records.append(AgreementRecord(
            doc_id=doc_id,
            claim_id=claim_id("agreement", min(g.char_start for g in cluster), n),
            date=date,
            parties=tuple(p for p in (context.sides or ()) if p != "WEST"),
            location=_agreement_place(cluster, views, context),
            terms=tuple(_flow(k, c) for k, c, _ in flows),
            evidence=tuple(_evidence_for(cluster, [])),
            sentences=tuple(_sentences_of(cluster)),
            rules=tuple(sorted({r for g in cluster for r in g.rules} | {"agreement.terms"})),
            confidence=_confidence(cluster),
            **versions,
        ))
    seen_tallies = set()
    for group, cue in parts["tallies"]:
        keys = _keys(group, context)
        key = keys[0]
        marker = (key, group.count)
        if marker in seen_tallies:
            continue
        seen_tallies.add(marker)
        view = group.view
        date_span = date_span_for(view, group.start)
        as_of = resolve_span(date_span, published=published, status="completed", year_hint=parts["year_hint"])
        if as_of is None and published is not None and published.full is not None:
            as_of = DateInterval(start=published.full, end=published.full, precision="day")
        lo, hi = view.clause_bounds(cue.start)
        records.append(TallyRecord(
            doc_id=doc_id,
            claim_id=claim_id("tally", group.char_start, 0),
            flow=_flow(key, group.count),
            as_of=as_of,
            scope=doc[lo:hi].text.strip()[:200],
            evidence=tuple(_evidence_for([group], [cue])),
            sentences=tuple(_sentences_of([group])),
            rules=tuple(sorted(set(group.rules) | {"tally.cue"})),
            confidence=_confidence([group]),
            **versions,
        ))
    return records
