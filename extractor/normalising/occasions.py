"""Occasions: the mentions of one article sorted into the handovers they report.

A mention with a date joins the occasion of that day; an undated one joins the article's main
occasion unless its figures contradict it; occasions a day apart whose flows complement each other
are one swap; uncounted mentions join what fits them. Dates are then settled article-wide: a lead
with no date reports the day's news, a quoted "tomorrow" counts from the story's day, and a whole
swap "over three days" spans the days its dated stages give.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..contract import Count, DateInterval, PartialDate
from .dating import STAGE_NUMBERS, STAGE_TALKS, after_attribution, same_day
from .deal_names import FINAL_WORDS, STAGE_WORDS
from .groups import Group
from .sentences import SentenceView, has_phrase, per_view, phrase_at, span_text
from .status import is_past_verb, real_plan
from ..recognising.extensions import date_of, text_of


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


def _flow_keys(occasion: Occasion) -> set[tuple]:
    """The flows the occasion's dated mentions give (an undated mention that joined it could as well
    belong to the day beside it: a photo caption repeating a figure is no stage of its own)."""
    keys = set()
    dated = [m for m in occasion.mentions if m.key is not None]
    for m in dated or occasion.mentions:
        g = m.group
        if g.per_side:
            keys |= {("each", g.category)}
        else:
            keys.add((g.giver, g.receiver, g.category))
    return keys


def _adjacent(a: Occasion, b: Occasion) -> bool:
    if a.date is not None and b.date is not None and a.date.start and b.date.start \
            and a.date.precision == b.date.precision == "day":
        # a span of days ("on 6 and 7 May") is the whole swap, never one day's other half
        return abs((a.date.start - b.date.start).days) <= 1 \
            and a.date.start == a.date.end and b.date.start == b.date.end
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    # a bare weekday ("Sunday", no publication day to place it) beside a day given in full
    names = [next((i for i, d in enumerate(days) if o.key and d in o.key), None)
             if o.date is None or o.date.precision != "day" or o.date.start is None or o.date.start != o.date.end
             else o.date.start.weekday() for o in (a, b)]
    if None in names:
        return False
    return (names[0] - names[1]) % 7 in (1, 6)


OTHER_DYAD_RULE = "occasion.other_dyad_apart"
CONFLICTING_HALVES_RULE = "occasion.halves_conflict"


def merge_complementary(occasions: list[Occasion]) -> list[Occasion]:
    """Captives one side freed late on a Friday and detainees the other side let go early on Saturday
    are one swap: occasions a day apart whose flows do not overlap at all are merged (stages with the
    same flows stay apart)."""
    def belongs(o: Occasion, occasion: Occasion) -> bool:
        if o.status != occasion.status or not _adjacent(o, occasion) or _flow_keys(o) & _flow_keys(occasion):
            return False
        if any(OTHER_DYAD_RULE in m.rules for m in o.mentions + occasion.mentions):
            return False  # another dyad's occasion, told apart, is no other half of this one
        if _halves_conflict(o, occasion):
            for m in occasion.mentions:
                if CONFLICTING_HALVES_RULE not in m.rules:
                    m.rules.append(CONFLICTING_HALVES_RULE)
            return False  # a figure the other day gives otherwise for the same flow: another handover
        if _two_way(o) and _two_way(occasion):
            for m in occasion.mentions:
                if "occasion.two_way_days_apart" not in m.rules:
                    m.rules.append("occasion.two_way_days_apart")
            return False
        for apart, rule in ((_told_by_day(o) and _told_by_day(occasion), STAGES_BY_DAY_RULE),
                            (_other_stage_named(o, occasion), OTHER_STAGE_RULE)):
            if apart:
                for m in occasion.mentions:
                    if rule not in m.rules:
                        m.rules.append(rule)
                return False
        return True

    return _fold_into_first(occasions, "occasion.complementary_day", belongs)


def _halves_conflict(a: Occasion, b: Occasion) -> bool:
    """A figure one day gives that the other day gives otherwise for the same flow ('40 prisoners each' on Monday,
    'the two pilots' handed over on Tuesday): two handovers, not the two
    halves of one (rule occasion.halves_conflict). A deal's N-for-N names the whole, no handover's figure."""
    told = [m for m in a.mentions if "group.x_for_x" not in m.group.rules]
    return any(_conflicts(Occasion(status=a.status, mentions=told), m, wide=True) for m in b.mentions
               if "group.x_for_x" not in m.group.rules)


def _two_way(occasion: Occasion) -> bool:
    """A swap in itself: flows both ways between two sides ("on Saturday the Houthis freed 16 Saudis and Saudi
    Arabia 100 Houthis"), so the day beside it, a swap in itself too, is a stage of its own, not its other half
    (rule occasion.two_way_days_apart)."""
    keys = _flow_keys(occasion)
    if any(key[0] == "each" for key in keys):
        return True
    pairs = {(giver, receiver) for giver, receiver, _ in keys if giver is not None and receiver is not None}
    return any((receiver, giver) in pairs for giver, receiver in pairs)


STAGES_BY_DAY_RULE = "occasion.stages_by_day"
NOT_A_WHOLE_DAY = frozenset({"early", "late", "overnight", "night", "evening", "morning", "afternoon"})


def _told_by_day(occasion: Occasion) -> bool:
    """The occasion's dated mentions each stand in a sentence that opens with their day ('On 5 March, the
    RSF released 41 soldiers'; 'On Wednesday Chad freed 20'): an article that tells a swap day by day tells
    its stages, and the next day's handover is the next stage, not this day's other half (rule
    occasion.stages_by_day). 'late on Friday' / 'Early Saturday' is a handover across one night: not told by day."""
    dated = [m for m in occasion.mentions if m.key is not None and m.date_span is not None]
    if not dated:
        return False
    for m in dated:
        view, span = m.group.view, m.date_span
        if not view.start <= span.start < view.end or span.start > m.group.start:
            return False
        before = view.words_between(view.start, span.start)
        if not set(before) <= {"on"} or NOT_A_WHOLE_DAY.intersection(view.lower[span.start:span.end]):
            return False
    return True


OTHER_STAGE_RULE = "occasion.other_stage_named"


def _other_stage_named(a: Occasion, b: Occasion) -> bool:
    """'carried out the second stage of their swap on Tuesday' beside 'the first stage took place on Monday': the two
    days name two stages, so neither is the other's second half (rule occasion.other_stage_named)."""
    numbers_a, numbers_b = _stages_named(a), _stages_named(b)
    return bool(numbers_a) and bool(numbers_b) and not numbers_a & numbers_b


def _stages_named(occasion: Occasion) -> frozenset[int]:
    """The stages the sentences of the occasion's dated mentions name by number."""
    dated = [m for m in occasion.mentions if m.key is not None] or occasion.mentions
    return frozenset().union(*(_stage_numbers(m.group.view) for m in dated))


def _fold_into_first(occasions: list[Occasion], rule: str, belongs) -> list[Occasion]:
    """Each occasion joins the first earlier one it belongs to (its mentions tagged with `rule`),
    or stands on its own."""
    out: list[Occasion] = []
    for occasion in occasions:
        partner = next((o for o in out if belongs(o, occasion)), None)
        if partner is None:
            out.append(occasion)
            continue
        for m in occasion.mentions:
            m.rules.append(rule)
            partner.mentions.append(m)
    return out


SAME_DAY_WORDS = frozenset({"today", "tonight", "now", "this morning", "this evening"})


def attach_loose(occasions: list[Occasion], loose: list[Mention]) -> None:
    """Uncounted mentions join a fitting occasion; a placed one (dated, or a plan the article has no
    other record of) makes its own."""
    for mention in loose:
        same_status = [o for o in occasions if o.status == mention.status]
        if mention.key is not None and same_status and _announcement_day(mention):
            # "the two countries announced the prisoner exchange last week": the day it was announced
            mention.date_span, mention.date, mention.key = None, None, None
            mention.rules.append("occasion.announcement_day")
        firm = mention.status == "completed" or any(
            c.kb_id_ in ("future", "cancelled") for c in mention.group.view.cues_with("PLANNED"))
        if mention.key is not None:
            target = next((o for o in same_status if same_day(o.key, mention.key)), None)
            if target is None and mention.status == "completed":
                # the day of one of the occasion's mentions, though the occasion is dated by another
                target = next((o for o in same_status if any(m.key is not None and same_day(m.key, mention.key)
                                                              for m in o.mentions)), None)
            if target is None and (mention.group.giver or mention.group.receiver or mention.group.category not in {
                    m.group.category for o in same_status for m in o.mentions}):
                # soldiers flown home on 8 May beside the bodies handed over on 7 May: the same swap
                alone = Occasion(status=mention.status, mentions=[mention], key=mention.key, date=mention.date)
                beside = [o for o in same_status if not o.background and _adjacent(o, alone)
                          and not (_flow_keys(o) & _flow_keys(alone))]
                if len(beside) == 1:
                    target = beside[0]
                    mention.rules.append("occasion.complementary_day")
            inside = _dated_within(same_status, mention) if target is None else []
            if len(inside) == 1:
                # "its opening round was held in early June" beside the counted swap of 4 June: that one
                target = inside[0]
                mention.rules.append("occasion.within_period")
            elif len(inside) > 1:
                continue  # "two swaps in the spring" beside the spring's two dated swaps: they are told
            # a dated mention joins an undated occasion only when that one has no figures of its own
            # (a plan's dated stage stays apart from the undated whole swap; a completed one joins it)
            # (and only one of its category: "the first stage of the prisoner swap took place on June 9"
            # is not the day of an undated handover of bodies)
            bare = [o for o in same_status if o.key is None and not o.background
                    and (mention.status == "completed" or all(m.group.count is None for m in o.mentions))
                    and (mention.group.category in {m.group.category for m in o.mentions}
                         or not (mention.group.view.has_cue("STAGE", "BACKGROUND") or _month_placed(mention)))]
            undated_plans = [o for o in same_status if o.key is None and not o.background]
            if not bare and mention.status == "planned" and len(undated_plans) == 1 \
                    and len(same_status) == 1 and _the_plan(mention):
                # "today the two sides were preparing a prisoner exchange" beside the undated plan of the
                # article ("the 192-for-192 exchange"): the article's one plan, placed
                bare = undated_plans
                mention.rules.append("occasion.the_plan_placed")
            same_day_word = mention.date is None and mention.key in SAME_DAY_WORDS
            if "occasion.first_since" in mention.rules:
                bare, same_day_word = [], False  # an earlier occasion: never the undated main one
            # "on Sunday" with no publication date to place it beside a main occasion placed no better
            # ("August 24" without a year): neither can be told apart in time, so they are one
            unplaced = [o for o in same_status if o.date is None and o.key is not None and not o.background
                        and any(m.group.count is not None for m in o.mentions)] \
                if mention.date is None and not mention.background and "occasion.first_since" not in mention.rules \
                else []
            if target is None and (bare or same_day_word) and (bare or same_status):
                target = (bare or same_status)[0]
            elif target is None and len(unplaced) == 1:
                target = unplaced[0]
                mention.rules.append("occasion.unplaced_day")
            elif target is None and firm:
                target = Occasion(status=mention.status)
                occasions.append(target)
        else:
            target = same_status[0] if same_status else None
            if target is None and mention.status == "planned" and "status.planned_clause" in mention.rules and firm:
                target = Occasion(status=mention.status)
                occasions.append(target)
            elif target is None and _lead_report(mention):
                # "Armenia and Azerbaijan have carried out a prisoner exchange": the news of the day,
                # though its figures come only with the announcement ("agreed to exchange 120")
                target = Occasion(status=mention.status)
                occasions.append(target)
                mention.rules.append("occasion.lead_report")
        if target is not None:
            target.add(mention)


NOT_THE_PLAN = frozenset({"next", "further", "another", "more", "new", "second", "third", "later", "future",
                          "additional", "subsequent", "upcoming"})


def _the_plan(mention: Mention) -> bool:
    """The uncounted plan names no stage and no further swap ('the next stage on Sunday', 'more swaps
    this month' are other occasions than the plan the article gives figures of)."""
    view = mention.group.view
    return not view.has_cue("STAGE", "BACKGROUND") and NOT_THE_PLAN.isdisjoint(view.words)


ANNOUNCING = frozenset({"announced", "announce", "announces", "announcing", "unveiled", "revealed"})
DOCUMENTS = frozenset({"statement", "statements", "list", "lists", "report", "declaration", "communique"})


def _announcement_day(mention: Mention) -> bool:
    """A done swap placed only by the week it was announced ('as they announced the prisoner exchange
    last week', 'released a joint statement last week and announced a swap'): the sentence tells no
    handover, only its announcement, and no day that would place one."""
    view, span = mention.group.view, mention.date_span
    if mention.status != "completed" or span is None or mention.group.count is not None:
        return False
    if mention.date is not None and mention.date.precision == "day":
        return False  # "on March 27, the president announced the exchange of ...": a day that places it
    if view.has_cue("COMPLETED") or any(
            is_past_verb(c) and not DOCUMENTS.intersection(view.lower[c.end:min(view.end, c.end + 4)])
            for c in view.cues_with("GIVE", "RECEIVE", "HOME")):
        return False
    exchange = [c for c in view.cues_with("EXCHANGE") if not is_past_verb(c)]
    return any(view.lower[k] in ANNOUNCING and any(k < c.start <= k + 4 for c in exchange)
               for k in range(view.start, view.end))


def _month_placed(mention: Mention) -> bool:
    """'The body was handed over in early September': a handover placed in a month, not on a day (a month
    of another category's handover is no day of an undated occasion's)."""
    match = date_of(mention.date_span) if mention.date_span is not None else None
    return match is not None and match.kind == "month"


def _dated_within(occasions: list[Occasion], mention: Mention) -> list[Occasion]:
    """The counted occasions of the mention's category placed to a day inside the wider period it gives
    ('early June', 'in the spring'), unless the mention marks another occasion ('the previous swap')."""
    period = mention.date
    if period is None or period.start is None or period.end is None or period.start == period.end \
            or mention.background or "occasion.first_since" in mention.rules:
        return []
    return [o for o in occasions if not o.background and o.date is not None and o.date.start is not None
            and o.date.end is not None and o.date.start == o.date.end and period.start <= o.date.start <= period.end
            and any(m.group.count is not None and m.group.category == mention.group.category for m in o.mentions)]


LEAD_SENTENCES = 3  # the title and the first sentences of the text


def _lead_report(mention: Mention) -> bool:
    """An undated swap the lead tells in words as done ('have carried out'), and not as background."""
    worded = any(r.startswith("status.") and r != "status.default_completed" for r in mention.rules)
    return mention.status == "completed" and worded and not mention.background \
        and "group.uncounted" in mention.group.rules and mention.group.view.index <= LEAD_SENTENCES


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


def _exceeds_total(a: Group, b: Group) -> bool:
    """One flow of more people than the whole exchange ('more than 1,000' beside 'an exchange of 900')."""
    for total, flow in ((a, b), (b, a)):
        if "count.exchange_size" in total.rules and total.count is not None and flow.count is not None \
                and (flow.giver or flow.receiver) and total.category == flow.category:
            _, high = _bounds(total.count)
            low, _ = _bounds(flow.count)
            if low > high:
                return True
    return False


def same_flow(a: Group, b: Group) -> bool:
    """Could the two figures be of one flow? The same direction and category, or a figure per side
    beside a directional one of its category."""
    if a.category != b.category:
        return False
    if a.per_side and b.per_side:
        return True
    if a.per_side or b.per_side:
        other = b if a.per_side else a
        return other.giver is not None or other.receiver is not None
    return (a.giver, a.receiver) == (b.giver, b.receiver)


ADDED = frozenset({"also", "additionally", "addition", "additional", "plus"})


def _conflicts(occasion: Occasion, mention: Mention, *, wide: bool = False) -> bool:
    """A figure the occasion cannot have for the same flow. `wide`: a figure per side also meets the
    directional figures of its category (for a mention marked as another occasion), unless the
    sentence adds it ('also', 'in addition')."""
    g = mention.group
    view = g.view
    added = any(w in ADDED for w in view.lower[view.start:view.end])
    for other in occasion.mentions:
        o = other.group
        if _exceeds_total(o, g):
            return True
        overlap = same_flow(o, g) if (wide and not added) else \
            (o.giver, o.receiver, o.category, o.per_side) == (g.giver, g.receiver, g.category, g.per_side)
        if overlap and not compatible_counts(o.total or o.count, g.total or g.count) \
                and not g.part_of and not o.part_of and not _both_sides_total(o, g):
            return True
    return False


QUOTED_DAYS = frozenset({"today", "tonight", "this morning", "this evening", "yesterday"})
MORE = frozenset({"more", "another", "further"})


def _quoted_day(mention: Mention) -> bool:
    """The mention is dated only by a quote's 'today' (in its sentence or the one before), and adds
    nothing ('more', 'another', 'also')."""
    span = mention.date_span
    view = mention.group.view
    if span is None or span_text(span).lower() not in QUOTED_DAYS:
        return False
    doc = span.doc
    # the opening mark may close the sentence before ('... soldiers. "By agreement, ...')
    sent = span.sent
    around = text_of(doc)[max(0, sent.start_char - 3):sent.end_char] + view.text
    if not any(q in around for q in QUOTE_MARKS):
        return False
    return not _adds(mention)


def _adds(mention: Mention) -> bool:
    """'another 14', 'also', '14 more': the sentence adds to what was told."""
    view = mention.group.view
    return any(w in ADDED or w in MORE for w in view.lower[view.start:view.end])


QUOTE_MARKS = ('"', "“", "”")


def _both_sides_total(a: Group, b: Group) -> bool:
    """'Sudan, RSF swap 84 prisoners' beside '42 prisoners' with no side named: a total of both
    sides and the figure of each side, not two handovers."""
    if a.giver or a.receiver or b.giver or b.receiver or a.per_side or b.per_side \
            or a.count is None or b.count is None or a.count.value is None or b.count.value is None:
        return False
    low, high = sorted((a.count.value, b.count.value))
    return high == 2 * low


def _repeats(occasion: Occasion, mention: Mention) -> bool:
    """The mention gives a figure the occasion already has for the same flow."""
    g = mention.group
    if g.count is None:
        return False
    def unsided(x: Group) -> bool:
        return not x.per_side and x.giver is None and x.receiver is None

    return any((same_flow(m.group, g) or (m.group.category == g.category and (unsided(m.group) or unsided(g))))
               and m.group.count is not None and m.group.count == g.count for m in occasion.mentions)


# not "another": "in another swap" in a report of one operation is often the same handover
SEPARATE_WORDS = frozenset({"separate", "earlier", "previous", "prior", "last"})


def separate_occasion(view: SentenceView) -> bool:
    """'a separate exchange', 'the last exchange', 'an earlier swap': the sentence is about an
    occasion other than the one the article reports."""
    for cue in view.cues_with("EXCHANGE"):
        before = [view.lower[k] for k in range(max(view.start, cue.start - 2), cue.start)]
        if any(w in SEPARATE_WORDS for w in before):
            return True
    return False


SUMMING_STAGES = frozenset({"stage", "stages", "phase", "phases", "part", "parts", "round", "rounds"})


def _sums_up(view: SentenceView, at: int) -> bool:
    """The sentence tells the whole of a swap in stages: 'the three-day exchange', 'the last stage of a
    major exchange, thanks to which 1,000 ...' (the figure after the phrase: '1,245 bodies, marking the
    final phase of ...' is the figure of that last stage), 'over three days'."""
    if days_of(view) is not None or _over_the_stages(view):
        return True
    words = view.lower[view.start:at]
    return any(w in ("last", "final") and words[k + 1:k + 2] and words[k + 1] in SUMMING_STAGES
               and "of" in words[k + 2:k + 3] for k, w in enumerate(words))


ALL_STAGES = 1000
STAGE_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5, "both": 2,
                "all": ALL_STAGES, "its": ALL_STAGES, "their": ALL_STAGES, "several": ALL_STAGES}


SUMMING_ADVERBS = (("in", "all"), ("in", "total"), ("altogether",), ("all", "told"), ("overall",))


def _summed(view: SentenceView, at: int) -> bool:
    """'In all, 135 soldiers went home', 'altogether 300 were freed': a summing adverb in the clause before the
    figure, with no date of its own."""
    if view.dates:
        return False
    return has_phrase(view.lower[view.start:at], SUMMING_ADVERBS)


def _day_stages(occasions: list[Occasion]) -> list[Occasion]:
    """The occasions told on a day of their own, not in the background."""
    return [o for o in occasions if o.key is not None and o.key != "whole" and not o.background
            and o.date is not None and o.date.precision == "day" and o.date.start == o.date.end]


def _over_the_stages(view: SentenceView) -> int:
    """'In all, 500 went free over the two stages', 'across both rounds': a figure summed over the stages told
    (rule occasion.whole_summed_up); how many stages (every one told: a large number), or 0."""
    words = view.lower[view.start:view.end]
    for k, w in enumerate(words[:-2]):
        if w not in ("over", "across", "during", "in") or k + 2 >= len(words):
            continue
        m = k + 2 if words[k + 1] == "the" else k + 1
        if m + 1 < len(words) and words[m] in STAGE_COUNTS and words[m + 1] in SUMMING_STAGES \
                and words[m + 1].endswith("s"):
            return STAGE_COUNTS[words[m]]
    return 0


def _exceeds(occasion: Occasion, mention: Mention) -> bool:
    """A figure above every figure of the occasion: the whole beside one of its stages. Where the occasion
    has figures of the mention's flow, or else of its category, those are its measure ('25 hostages in all'
    beside a stage of 3 hostages and 90 prisoners; '14 soldiers' beside 3 soldiers one way, 40 the other)."""
    group = mention.group
    value = group.count.value if group.count is not None else None
    counted = [m.group for m in occasion.mentions if m.group.count is not None and m.group.count.value]
    flow = [g.count.value for g in counted if (g.giver, g.receiver, g.category) == (group.giver, group.receiver,
                                                                                     group.category)
            and (group.giver or group.receiver)]
    same = flow or [g.count.value for g in counted if g.category == group.category]
    others = same or [g.count.value for g in counted]
    return value is not None and bool(others) and value > max(others)


def whole_swap_value(mentions: list[Mention]) -> int | None:
    """The figure of a swap done in stages ('600 each over three days' beside stages of 200, 150,
    250): the largest per-side figure, when at least two smaller per-side figures stand beside it."""
    values = sorted({m.group.count.value for m in mentions if m.group.per_side and m.group.count is not None
                     and m.group.count.value is not None})
    if len(values) >= 3 and sum(values[:-1]) >= values[-1] * 0.5:
        return values[-1]
    return None


def _whole_occasion(occasions: list[Occasion], mention: Mention) -> Occasion:
    """The occasion of the whole of a staged swap, spanning its stages: made on first use."""
    whole = next((o for o in occasions if o.status == mention.status and o.key == "whole"), None)
    if whole is None:
        whole = Occasion(status=mention.status, key="whole")
        occasions.append(whole)
    return whole




WHOLE_BESIDE_LAST_STAGE = "occasion.whole_beside_last_stage"


def whole_beside_last_stage(occasions: list[Occasion]) -> None:
    """'completed the 300-for-300 swap on Thursday, freeing 80 each on the final day': the deal's figure and the
    smaller figure of its last stage told on one day are two records, the whole swap and its last stage (rule
    occasion.whole_beside_last_stage); the whole ends on that day."""
    for occasion in list(occasions):
        if occasion.status != "completed" or occasion.key in (None, "whole") or occasion.background:
            continue
        names = [m for m in occasion.mentions if "group.x_for_x" in m.group.rules and m.group.count is not None
                 and m.group.count.value]
        if not names:
            continue
        value, category = names[0].group.count.value, names[0].group.category
        stages = [m for m in occasion.mentions if m not in names and m.group.category == category
                  and m.group.count is not None and m.group.count.value and m.group.count.value < value]
        if not stages or not any(_last_stage_named(m.group.view) for m in stages):
            continue
        whole = _whole_occasion(occasions, names[0])
        for m in [m for m in occasion.mentions if m.group.category == category and m.group.count is not None
                  and m.group.count.value == value]:
            occasion.mentions.remove(m)
            m.rules.append(WHOLE_BESIDE_LAST_STAGE)
            whole.mentions.append(m)
        if whole.date is None:
            whole.date, whole.date_span = occasion.date, occasion.date_span


def _last_stage_named(view: SentenceView) -> bool:
    """'on the final day', 'in the last stage', 'the final group': the sentence tells a swap's last part."""
    words = view.lower[view.start:view.end]
    return any(w in FINAL_WORDS and any(x in STAGE_WORDS for x in words[k + 1:k + 3]) for k, w in enumerate(words))


def _stage_numbers(view: SentenceView) -> frozenset[int]:
    """The stages the sentence names by number ('the first stage', 'day two'; not 'the second round
    of talks')."""
    found = set()
    for cue in view.cues_with("STAGE"):
        if any(w in STAGE_TALKS for w in view.lower[cue.end:min(view.end, cue.end + 6)]):
            continue
        found.update(STAGE_NUMBERS[t.lower_] for t in cue if t.lower_ in STAGE_NUMBERS)
    return frozenset(found)


PLANNED_STAGE_RULE = "group.planned_stage"


def planned_stage(view: SentenceView) -> bool:
    """'A second phase, involving about 300 prisoners of both sides, is foreseen for next month': a stage of a
    swap still to come, told with its people but with no handover verb; its figures are read (rule
    group.planned_stage)."""
    if not view.has_cue("STAGE") or not view.has_cue("CATEGORY"):
        return False
    if all(STAGE_TALKS.intersection(view.lower[c.end:min(view.end, c.end + 6)]) for c in view.cues_with("STAGE")):
        return False  # "the second round of talks is expected next month"
    return any(c.kb_id_ == "future" and real_plan(view, c) for c in view.cues_with("PLANNED"))


def _other_stage(occasion: Occasion, mention: Mention, views: list[SentenceView]) -> bool:
    """'The third stage ... was completed. As a result, 303 soldiers came home' and, later, 'the first
    stage took place on May 23, when 390 were returned': stages of different numbers are different
    occasions (an occasion's stage may be named in the sentence beside its figure)."""
    own = _stage_numbers(mention.group.view)
    if not own or not views:
        return False
    near = {k for m in occasion.mentions for k in range(m.group.view.index - 1, m.group.view.index + 2)
            if 0 <= k < len(views)}
    told = frozenset().union(*(_stage_numbers(views[k]) for k in near))
    return bool(told) and not (own & told)


def _retold(occasion: Occasion, mention: Mention) -> bool:
    """The headline's '12 soldiers transferred, four of ours back home' told again in the body ('yesterday
    transferred 12 members of the armed forces'): a dated figure the occasion's first sentence already gives for
    the same flow is that occasion told again, whatever other figure of the headline seems to contradict it (rule
    occasion.retold_figure)."""
    g = mention.group
    if g.count is None or g.count.value is None or not (g.giver or g.receiver) or _adds_more(mention):
        return False
    return any(m.group.view.index == 0 and same_flow(m.group, g) and m.group.count == g.count
               for m in occasion.mentions)


def _join_retold(occasion: Occasion, mention: Mention) -> None:
    """The retold figure joins the occasion; a figure the first sentence gives for that flow beside it, which
    the body contradicts ('12 ... four of ours' with 'four' read the same way as 12), leaves it."""
    g = mention.group
    occasion.mentions[:] = [m for m in occasion.mentions if not (
        m.group.view.index == 0 and same_flow(m.group, g) and m.group.count != g.count
        and not compatible_counts(m.group.count, g.count) and not m.group.part_of and not g.part_of)]
    mention.rules.append("occasion.retold_figure")
    occasion.add(mention)


def _another_group(occasion: Occasion, mention: Mention) -> bool:
    """'On May 24, another 307 soldiers were released' beside the undated 303 of the article's news:
    a dated figure told as more people than those of an occasion with a figure of its category is
    another handover."""
    g = mention.group
    another = g.count is not None and _adds_more(mention) and not _repeats(occasion, mention) and any(
        m.group.count is not None and m.group.category == g.category for m in occasion.mentions)
    if another and _later_batch(mention) and LATER_BATCH_RULE not in mention.rules:
        mention.rules.append(LATER_BATCH_RULE)
    return another


def _adds_more(mention: Mention) -> bool:
    """'another 307', '20 more', 'a further 50' right at the figure, or a later batch ('a second group of 20')."""
    g = mention.group
    if g.quantity is None:
        return False
    view = g.view
    near = view.lower[max(view.start, g.quantity.start - 2):min(view.end, g.quantity.end + 1)]
    return any(w in MORE for w in near) or _later_batch(mention)


LATER_BATCH_RULE = "occasion.later_batch"
LATER_BATCH = frozenset({"second", "third", "fourth", "fifth", "sixth", "next", "another", "further"})


def _later_batch(mention: Mention) -> bool:
    """'A second group of 20 is due tomorrow', 'the next batch of 70': a batch after one already told (rule
    occasion.later_batch)."""
    g = mention.group
    before = g.view.words_between(g.quantity.start - 3, g.quantity.start) if g.quantity is not None else ()
    return len(before) == 3 and before[0] in LATER_BATCH and before[1] in STAGE_WORDS and before[2] == "of"


def _other_pair(occasion: Occasion, mention: Mention) -> bool:
    """A dated person swap between a pair of states named for it ('between Russia and the U.S.',
    direction.named_pair) is not the undated occasion of the article's own sides."""
    g = mention.group
    if "direction.named_pair" not in g.rules:
        return False
    pair = {g.giver, g.receiver}
    return not any({m.group.giver, m.group.receiver} == pair for m in occasion.mentions)


PAST_PERIOD_WORDS = frozenset({"last", "earlier", "previous"})


def _past_undated(main: Occasion, mention: Mention) -> bool:
    """'At the end of last September, Chad freed 55 soldiers' in an article with no publication day: a
    period the text places in the past, which cannot be resolved, beside a main occasion told with no
    date at all, is an earlier occasion (rule occasion.past_period_undated)."""
    span = mention.date_span
    if span is None or mention.date is not None or mention.status != "completed":
        return False
    if not PAST_PERIOD_WORDS & {t.lower_ for t in span} or any(m.date_span is not None for m in main.mentions):
        return False
    if "occasion.past_period_undated" not in mention.rules:
        mention.rules.append("occasion.past_period_undated")
    return True


GOES_ON_REACH = 2  # sentences back to the dated one
FRONTED_DATE = 1  # tokens before the date that opens the sentence: "In May 1985", "On 2 March"


def _told_on(same_status: list[Occasion], mention: Mention, views: list[SentenceView]) -> Occasion | None:
    """The dated occasion that the nearest sentence before the undated counted mention (at most GOES_ON_REACH
    back, with no date between) tells, when that sentence opens on its date, its mentions tell that one
    occasion only and the mention adds a flow it lacks (rule occasion.goes_on_from_dated_sentence)."""
    g = mention.group
    index = g.view.index
    if g.view.dates or g.count is None:
        return None
    for back in range(1, GOES_ON_REACH + 1):
        k = index - back
        if k < 0:
            return None
        told = [o for o in same_status if any(m.group.view.index == k for m in o.mentions)]
        if told:
            if len(told) != 1 or told[0].key is None or _conflicts(told[0], mention) \
                    or any(same_flow(m.group, g) for m in told[0].mentions):
                return None  # a figure for a flow it already has is no new flow of it
            # the sentence opens on its date ("In May 1985, ...", "On July 16, 2008, ..."): a frame of time the
            # next sentences go on in, not a comparison ("the biggest since 1,000 were freed in October 2020")
            fronted = any(m.group.view.index == k and m.date_span is not None and m.date_span.sent == m.group.view.sent
                          and m.date_span.start - m.group.view.start <= FRONTED_DATE for m in told[0].mentions)
            return told[0] if fronted else None
        if views and k < len(views) and views[k].dates:
            return None
    return None


SIDE_LABELS = frozenset({"STATE", "CAPITAL", "GROUP", "DEMONYM", "SEAT", "INSTITUTION"})
APART_LEADS = (("separately",), ("in", "a", "separate"), ("meanwhile",), ("elsewhere",))


def told_apart(view: SentenceView) -> bool:
    """The sentence opens a story of its own ('Separately, ...', 'In a separate development', 'Meanwhile')."""
    words = view.words
    k = next((i for i, w in enumerate(words) if not w.isspace()), 0)
    return any(phrase_at(words, k, lead) for lead in APART_LEADS)


def _sides_of(mentions: list[Mention]) -> set[str]:
    """The sides the mentions' figures go between, else the parties their sentences name."""
    sides = {x for m in mentions for x in (m.group.giver, m.group.receiver) if x}
    return sides or {a.kb_id_ for m in mentions for a in m.group.view.actors if a.label_ in SIDE_LABELS and a.kb_id_}


def _other_dyad(occasion: Occasion, mention: Mention) -> bool:
    """'Separately, Venezuela freed three Americans ...' beside a swap between Russia and Ukraine told the same day:
    a mention told apart whose sides the occasion has none of is another occasion (rule occasion.other_dyad_apart)."""
    own, theirs = _sides_of([mention]), _sides_of(occasion.mentions)
    return bool(own) and bool(theirs) and own.isdisjoint(theirs)


def group_occasions(mentions: list[Mention], views: list[SentenceView] | None = None) -> list[Occasion]:
    occasions: list[Occasion] = []
    views = views or []
    whole = whole_swap_value(mentions)
    for mention in mentions:
        same_status = [o for o in occasions if o.status == mention.status]
        if told_apart(mention.group.view) and any(_other_dyad(o, mention) for o in same_status):
            same_status = [o for o in same_status if not _other_dyad(o, mention)]
            if not same_status:
                mention.rules.append(OTHER_DYAD_RULE)
                occasions.append(Occasion(status=mention.status, mentions=[mention], key=mention.key,
                                          date=mention.date, date_span=mention.date_span))
                continue
        target = None
        g = mention.group
        if whole is not None and g.per_side and g.count is not None and g.count.value == whole \
                and mention.status == "completed":
            # the whole of a staged swap is an occasion of its own, spanning its stages
            _whole_occasion(occasions, mention).mentions.append(mention)
            mention.rules.append("occasion.whole_swap")
            continue
        if mention.key is not None:
            target = next((o for o in same_status if same_day(o.key, mention.key)), None)
            if target is None and mention.date_span is not None and after_attribution(g.view, mention.date_span):
                # "the Red Cross said on Tuesday that the swap of 25 each had gone smoothly": the day
                # it was said; the figures are those of an occasion already read
                target = next((o for o in same_status if _repeats(o, mention)), None)
                if target is not None:
                    if target.key is None:
                        target.add(mention)  # the day it was said is the only day the article gives
                    else:
                        target.mentions.append(mention)
                    mention.rules.append("occasion.statement_day_repeat")
                    continue
            if target is None and _quoted_day(mention):
                # 'Armenia said on Tuesday that 14 soldiers were freed', later '"By agreement, the swap was
                # today. Fourteen of our men are coming home"': the quote's today is the day it was
                # said, and its figure is the occasion's already read
                twin = next((o for o in same_status if o.key is not None and _repeats(o, mention)
                             and not _conflicts(o, mention)), None)
                if twin is not None:
                    twin.mentions.append(mention)
                    mention.rules.append("occasion.quoted_day_repeat")
                    continue
            # "the previous repatriation, on 23 October, ...": a dated background is its own occasion
            earlier = mention.background and (mention.status == "completed" or (
                mention.date_span is not None and span_text(mention.date_span).lower().startswith("since")))
            if target is None and not earlier:
                retold = next((o for o in same_status if o.key is None and not o.background
                               and _conflicts(o, mention) and _retold(o, mention)), None)
                if retold is not None:
                    _join_retold(retold, mention)
                    continue
                target = next((o for o in same_status if o.key is None and not o.background
                               and not _conflicts(o, mention) and not _other_stage(o, mention, views)
                               and not _another_group(o, mention)
                               and not _past_undated(o, mention) and not _other_pair(o, mention)), None)
                undated = [o for o in same_status if o.key is None and not o.background and not _conflicts(o, mention)]
                if target is None and undated and "occasion.past_period_undated" not in mention.rules \
                        and "direction.named_pair" not in g.rules:
                    mention.rules.append("occasion.other_stage" if _other_stage(undated[0], mention, views)
                                         else "occasion.another_group")
        else:
            main = next((o for o in same_status if not o.background), None)
            if mention.status == "completed" and main is not None and g.count is not None \
                    and _sums_up(g.view, g.start) and _exceeds(main, mention):
                # "the last stage of a major exchange, thanks to which 1,000 returned": the whole swap
                _whole_occasion(occasions, mention).mentions.append(mention)
                mention.rules.append("occasion.whole_summed_up")
                continue
            whole_told = next((o for o in occasions if o.key == "whole" and o.status == mention.status
                               and any(m.group.view is g.view for m in o.mentions)), None)
            if mention.status == "completed" and main is not None and g.count is not None \
                    and _summed(g.view, g.start) and (whole_told is not None or _exceeds(main, mention)) \
                    and len(_day_stages(same_status)) >= 2:
                # "On Monday 60 ..., on Tuesday 45 ..., on Wednesday 30 .... In all, 135 went home": the whole
                _whole_occasion(occasions, mention).mentions.append(mention)
                mention.rules.append("occasion.whole_in_all")
                continue
            told = _told_on(same_status, mention, views)
            if told is not None and told is not main and not (main is not None and _repeats(main, mention)):
                # "In January 2004, X freed a businessman and handed over three bodies. Y released 429 prisoners
                # ...": the sentence goes on with the occasion the one before it dated
                target = told
                mention.rules.append("occasion.goes_on_from_dated_sentence")
            elif mention.background and main is not None and _conflicts(main, mention, wide=True):
                # "the previous day, 390 were freed" beside today's 307: an earlier occasion
                same = [o for o in same_status if o.background and not _conflicts(o, mention, wide=True)]
                target = same[-1] if same else None
            else:
                target = main
        if target is None:
            target = Occasion(status=mention.status, background=mention.background and mention.key is None)
            occasions.append(target)
        target.add(mention)
    return _statement_days_joined(occasions)


def own_day_over_told_day(occasions: list[Occasion]) -> None:
    """'X has returned home, the ministry reported on Friday ... The exchange took place on September 24':
    an occasion dated by the day something was said takes the day one of its mentions gives the handover
    itself, or joins the one occasion of the article dated by its own day whose flows it completes (the
    other way of a swap) (rule occasion.own_day_over_told_day)."""
    out = list(occasions)
    for occasion in occasions:
        if occasion.status != "completed" or occasion.background or not _statement_dated(occasion):
            continue
        keys = _flow_keys(occasion)
        others = [o for o in out if o is not occasion and o.status == "completed" and not o.background
                  and o.key is not None and not _statement_dated(o)]
        if len(others) != 1 or keys & _flow_keys(others[0]):
            continue
        other_keys = _flow_keys(others[0])
        if not any((r, g, c) in other_keys for g, r, c in (k for k in keys if len(k) == 3)):
            continue  # only the other way of the same swap joins it
        for m in occasion.mentions:
            m.rules.append("occasion.own_day_over_told_day")
            others[0].mentions.append(m)
        out.remove(occasion)
    occasions[:] = out
    for occasion in occasions:
        told = next((m for m in occasion.mentions if m.date_span is not None and m.date_span is occasion.date_span),
                    None)
        if told is None or occasion.status != "completed" or not after_attribution(told.group.view, told.date_span):
            continue
        own = next((m for m in occasion.mentions if m.date_span is not None and m.key is not None
                    and not same_day(m.key, occasion.key) and not after_attribution(m.group.view, m.date_span)
                    and m.date_span.sent == m.group.view.sent), None)
        if own is not None:
            occasion.key, occasion.date, occasion.date_span = own.key, own.date, own.date_span
            own.rules.append("occasion.own_day_over_told_day")


def _statement_dated(occasion: Occasion) -> bool:
    """Every date of the occasion is the day someone said something ("Russia said on Wednesday")."""
    dated = [m for m in occasion.mentions if m.date_span is not None]
    return bool(dated) and all(after_attribution(m.group.view, m.date_span) for m in dated)


def _own_day(occasion: Occasion) -> bool:
    """The occasion's day stands in the sentence of one of its figures, as the day of the handover."""
    return any(m.date_span is not None and m.group.count is not None and m.date_span.sent == m.group.view.sent
               and not after_attribution(m.group.view, m.date_span) for m in occasion.mentions)


def _statement_days_joined(occasions: list[Occasion]) -> list[Occasion]:
    """'Russia said on Wednesday that 248 of its soldiers were returned', later '"On January 3, 248
    servicemen were returned"': the figure told on a statement day joins the occasion that gives the
    same figure its own day."""
    out = list(occasions)
    for occasion in occasions:
        if not _statement_dated(occasion) or occasion not in out:
            continue
        twin = next((o for o in out if o is not occasion and o.status == occasion.status and o.key is not None
                     and _own_day(o) and any(_repeats(o, m) for m in occasion.mentions)
                     and not any(_adds(m) for m in o.mentions if m.group.count is not None)
                     and not any(_conflicts(o, m) for m in occasion.mentions)), None)
        if twin is None:
            continue
        for m in occasion.mentions:
            m.rules.append("occasion.statement_day_repeat")
            twin.mentions.append(m)
        out.remove(occasion)
    return out


RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def story_day(occasions: list[Occasion], published: PartialDate | None) -> None:
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
        quoted = any(q in span_text(span.sent) for q in ('"', "“", "”"))
        if quoted and span_text(span).lower() in RELATIVE_DAYS and occasion.date.start is not None:
            day = occasion.date.start + shift
            occasion.date = DateInterval(start=day, end=day, precision="day")
            occasion.key = f"{day}/{day}"


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def span_of_stages(occasions: list[Occasion], views: list[SentenceView]) -> None:
    """'the second day of a swap ... over three days': a dated stage places the whole swap's days;
    a completed whole spans the days of its completed stages."""
    for whole in [o for o in occasions if o.key == "whole"]:
        days = [o.date for o in occasions if o is not whole and o.status == whole.status and o.date is not None
                and o.date.precision == "day" and o.date.start is not None and o.date.end is not None
                and any(m.group.per_side for m in o.mentions)]
        in_all = any("occasion.whole_in_all" in m.rules for m in whole.mentions)
        if in_all or any("occasion.whole_summed_up" in m.rules for m in whole.mentions):
            # a whole told beside its last stage: it ends on that stage's day, and runs its stated days
            days = [o.date for o in occasions if o is not whole and o.status == whole.status and o.date is not None
                    and o.date.precision == "day" and o.date.start is not None and o.date.start == o.date.end]
            running = next((n for m in whole.mentions if (n := days_of(m.group.view)) is not None), None)
            stages = ALL_STAGES if in_all else next((n for m in whole.mentions if (n := _over_the_stages(m.group.view))), 0)
            if days and running is not None:
                last = max(d.end for d in days)
                days = [DateInterval(start=last - dt.timedelta(days=running - 1), end=last, precision="day")]
            elif days and stages:
                # "over the two stages": from the first of the stages told to the last
                told = sorted(days, key=lambda d: d.start)[-stages:]
                whole.date = DateInterval(start=told[0].start, end=max(d.end for d in told), precision="day")
                days = []
            elif days:
                days = []  # how many days it ran is not said: no date
        if days:
            last = max(d.end for d in days)
            days = [d for d in days if (last - d.start).days <= 10]  # the stages of this swap, not older ones
            whole.date = DateInterval(start=min(d.start for d in days), end=max(d.end for d in days), precision="day")
        whole.key = f"whole:{whole.date.start}/{whole.date.end}" if whole.date else "whole"
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
            words = m.group.view.words
            for k in range(len(words) - 2):
                if words[k] == "over" and words[k + 1] in NUMBER_WORDS and words[k + 2] == "days" and m.group.count:
                    n = NUMBER_WORDS[words[k + 1]]
                    occasion.date = DateInterval(start=anchor, end=anchor + dt.timedelta(days=n - 1), precision="day")
                    occasion.key = f"{occasion.date.start}/{occasion.date.end}"
                    break


def one_per_day(occasions: list[Occasion]) -> list[Occasion]:
    """The lead's undated figures, dated to the publication day, and a figure told 'today' further
    down are one occasion: completed occasions of one day are merged (the first keeps its figures)."""
    return _fold_into_first(occasions, "occasion.same_day",
                            lambda o, occasion: o.status == occasion.status == "completed"
                            and o.key is not None and o.key == occasion.key and o.date is not None
                            and o.date.precision == "day" and not o.background
                            and not occasion.background and _same_sides(o, occasion)
                            and not any(OTHER_DYAD_RULE in m.rules for m in occasion.mentions))


def _same_sides(a: Occasion, b: Occasion) -> bool:
    """The two occasions name the same sides, or one names none (a swap between two other states
    on the same day is another occasion)."""
    sides = [{x for m in o.mentions for x in (m.group.giver, m.group.receiver) if x} for o in (a, b)]
    return not sides[0] or not sides[1] or len(sides[0] & sides[1]) >= min(2, len(sides[0]), len(sides[1]))


def same_day_lead(occasions: list[Occasion], published: PartialDate | None) -> None:
    """A lead that gives no date reports the news of the day: the first completed occasion, if
    undated and read from the top of the article, takes the publication day (an earlier occasion
    recounted further down keeps its own date)."""
    if published is None or published.full is None:
        return
    completed = [o for o in occasions if o.status == "completed" and not o.background]
    if not completed or completed[0].key is not None:
        return
    first = completed[0]
    if min(m.group.view.index for m in first.mentions) > 6:
        return
    day = published.full
    first.date = DateInterval(start=day, end=day, precision="day")
    first.key = f"{day}/{day}"
    for m in first.mentions:
        m.rules.append("date.same_day_lead")


# ----------------------------------------------------------------------------- records


CONTINUING = frozenset({"continue", "continues", "resume", "resumes", "proceed", "proceeds"})


def _continuation_days(views: list[SentenceView], published: PartialDate | None,
                       year_hint: int | None) -> list[dt.date]:
    """'The exchange will continue over the weekend of May 24 and 25': the days still planned."""
    from .dating import resolve_span
    from .status import real_plan
    days = []
    for view in views:
        if CONTINUING.isdisjoint(view.word_set) \
                or not any(c.kb_id_ == "future" and real_plan(view, c) for c in view.cues_with("PLANNED")):
            continue
        for date in view.dates:
            got = resolve_span(date, published=published, status="planned", year_hint=year_hint)
            if got is not None and got.precision == "day" and got.end is not None:
                days.append(got.end)
    return days


def span_whole_under_way(occasions: list[Occasion], views: list[SentenceView] | None = None, *,
                         published: PartialDate | None = None, year_hint: int | None = None) -> None:
    """The planned whole of a swap under way ('the 1,000-for-1,000 exchange will continue over the
    weekend') runs from its first stage done to the last day planned for it, within a week."""
    for whole in occasions:
        if whole.status != "planned" or not any("status.deal_name_whole" in m.rules for m in whole.mentions):
            continue
        stages = [o.date.start for o in occasions if o.status == "completed" and o.date is not None
                  and o.date.precision == "day" and o.date.start is not None and o.date.start == o.date.end]
        if not stages:
            continue
        start = max(stages)
        ends = [o.date.end for o in occasions if o.status == "planned" and o.date is not None
                and o.date.precision == "day" and o.date.end is not None and 0 <= (o.date.end - start).days <= 7]
        if whole.date is not None and whole.date.end is not None and 0 <= (whole.date.end - start).days <= 7:
            ends.append(whole.date.end)
        ends += [d for d in _continuation_days(views or [], published, year_hint) if 0 <= (d - start).days <= 7]
        earliest = min(s for s in stages if (start - s).days <= 7)
        end = max(ends, default=None)
        if end is None or end <= earliest:
            continue
        whole.date = DateInterval(start=earliest, end=end, precision="day")
        whole.key = f"{whole.date.start}/{whole.date.end}"


DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3, "4": 4, "5": 5,
              "6": 6, "7": 7}


RUNNING_NOUNS = frozenset({"truce", "ceasefire", "cease-fire", "cease", "swap", "exchange", "operation", "pause",
                           "release", "releases", "process"})


@per_view  # asked of every sentence by several stages (whole days, multi-day plans, stages)
def days_of(view: SentenceView) -> int | None:
    """'a four-day truce', 'over four days', 'over the next three days': how many days a whole runs
    (not 'two days of talks')."""
    if view.word_set.isdisjoint(DAY_COUNTS):
        return None
    words = view.lower[view.start:view.end]
    for k, w in enumerate(words):
        if w not in DAY_COUNTS or k + 1 >= len(words):
            continue
        # 'the three-day "1000 for 1000" exchange': a quoted name may stand between
        reach = 9 if words[k + 3:k + 4] in (['"'], ["“"], ["'"]) else 6
        if words[k + 1:k + 3] == ["-", "day"] and any(x in RUNNING_NOUNS for x in words[k + 3:k + reach]):
            return DAY_COUNTS[w]
        if words[k + 1:k + 2] == ["days"] and "over" in words[max(0, k - 4):k] \
                and words[k - 1] not in ("past", "last", "previous"):  # not "talks over the past two days"
            return DAY_COUNTS[w]
    return None


def span_multi_day_plan(occasions: list[Occasion], views: list[SentenceView]) -> None:
    """The undated planned whole of a multi-day swap under way ('50 hostages over four days', 'a
    four-day truce') runs N days from the day its first stage was done."""
    # the stage reported: the article's first completed occasion, if it is dated to a day
    main = next((o for o in occasions if o.status == "completed" and not o.background
                 and not all(m.background for m in o.mentions)), None)
    if main is None or main.date is None or main.date.precision != "day" or main.date.start is None \
            or main.date.start != main.date.end:
        return
    stages = [main.date.start]
    article_days = next((n for v in views if (n := days_of(v)) is not None), None)
    for whole in occasions:
        if whole.status != "planned" or whole.date is not None or whole.key is not None:
            continue
        own = next((n for m in whole.mentions if (n := days_of(m.group.view)) is not None), None)
        if own is None and not any(m.group.count is not None for m in whole.mentions):
            continue
        days = own or article_days
        if days is None:
            continue
        # the whole began with the earliest stage done within its days before the one reported ("Thursday's
        # handover completes it: in the earlier rounds ... on Monday, ... on Tuesday")
        done_days = [o.date.start for o in occasions if o.status == "completed" and not o.background
                     and o.date is not None and o.date.precision == "day" and o.date.start is not None
                     and o.date.start == o.date.end and 0 <= (stages[0] - o.date.start).days < days]
        start = min(done_days, default=stages[0])
        whole.date = DateInterval(start=start, end=start + dt.timedelta(days=days - 1), precision="day")
        whole.key = f"{whole.date.start}/{whole.date.end}"
        for m in whole.mentions:
            m.rules.append("date.multi_day_whole")
        if max(done_days, default=start) >= whole.date.end and any(calls_finished(v) for v in views):
            # its last day is done and the article says the swap is complete (README: occasions under way)
            whole.status = "completed"
            for m in whole.mentions:
                m.status = "completed"
                m.rules.append("status.whole_finished")


FINISHED_WORDS = frozenset({"completes", "completed", "complete", "concludes", "concluded", "finished", "finishes"})


def calls_finished(view: SentenceView) -> bool:
    """'Thursday's handover completes it', 'the swap was completed': a sentence that calls a swap finished."""
    return not FINISHED_WORDS.isdisjoint(view.word_set)


def article_days(views: list[SentenceView]) -> list[dt.date]:
    """Days the article states in full ('on August 1, 2024', a caption's date) that may date a handover
    (not the day of talks, of a capture or of the war's history)."""
    from ..recognising.extensions import date_of, text_of
    from .dating import usable_date
    days = []
    for view in views:
        for date in view.dates:
            match = date_of(date)
            if match is None or match.kind != "absolute" or match.year is None or match.month is None \
                    or match.day is None or not usable_date(view, date):
                continue
            try:
                days.append(dt.date(match.year, match.month, match.day))
            except ValueError:
                continue
    return days


def place_weekdays(occasions: list[Occasion], stated: list[dt.date] | None = None) -> list[Occasion]:
    """Without a publication day a bare weekday cannot be resolved; beside a day the article gives
    in full ("beginning Friday, May 23"), "Saturday saw the exchange of 307" is the Saturday
    nearest to it. Occasions that then fall on one day with the same status and no conflicting
    figure are one occasion."""
    anchors = sorted({o.date.start for o in occasions if o.date is not None and o.date.precision == "day"
                      and o.date.start is not None and o.date.start == o.date.end})
    if not anchors and stated:
        # no occasion placed to the day: a day the article states elsewhere (a photo caption's
        # "Ankara on August 1, 2024") places "Thursday" when it falls within that week
        anchors = sorted(set(stated))
    if not anchors:
        return occasions
    for occasion in occasions:
        if occasion.date is not None or occasion.key not in WEEKDAY_KEYS:
            continue
        target = WEEKDAY_KEYS[occasion.key]
        options = [a + dt.timedelta(days=k) for a in anchors for k in range(-6, 7)
                   if (a + dt.timedelta(days=k)).weekday() == target]
        day = min(options, key=lambda d: (min(abs((d - a).days) for a in anchors), -d.toordinal()))
        occasion.date = DateInterval(start=day, end=day, precision="day")
        occasion.key = f"{day}/{day}"
        for m in occasion.mentions:
            m.rules.append("date.weekday_near_anchor")
    out: list[Occasion] = []
    for occasion in occasions:
        twin = next((o for o in out if o.status == occasion.status and o.key is not None and o.key == occasion.key
                     and not o.background and not occasion.background
                     and not any(_conflicts(o, m) for m in occasion.mentions)), None)
        if twin is None:
            out.append(occasion)
        else:
            twin.mentions.extend(occasion.mentions)
    return out


WEEKDAY_KEYS = {prefix + name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                                           "saturday", "sunday"))
                for prefix in ("", "on ", "last ", "this ")}
