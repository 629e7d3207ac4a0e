"""Status per occasion, decided after grouping.

A sentence's wording says how its speaker saw a handover at one moment ("had agreed to exchange
240", "would involve 30 from each side", "39 prisoners will be freed later on Friday"); the
article's status for the occasion is what it reports in the end. So once mentions are grouped:

- a planned mention that previews an occasion the article reports as done (same sides and
  category, no conflicting figure, no later date) folds into that completed occasion, keeping its
  figures: the announcement and the handover are one occasion;
- a planned mention stays planned when it speaks of a genuinely later occasion ("the next stage
  will ...", "further exchanges are anticipated", a later date), of a postponed or cancelled one,
  of a wish or a demand ("urged both sides to ..."), or when its figure conflicts with the done
  occasion's (the whole of a swap under way: "50 hostages over four days" beside today's 13).
"""

from __future__ import annotations

import dataclasses

from ..contract import PartialDate
from .dating import after_attribution, date_key, resolve_span, same_day
from .occasions import Mention, Occasion, compatible_counts, told_apart
from .sentences import SentenceView, span_text
from .status import TRANSFER_LABELS, is_past_verb, real_plan, status_at

# planned wording that announces a handover rather than wishing for one
NOT_PREVIEW = frozenset({"demanded", "demand", "demands", "urged", "urges", "called on", "calling on", "hopes",
                         "hope", "hoped", "looking forward", "proposal", "proposed", "propose", "proposes",
                         "offered", "offer", "offers", "ready to", "readiness", "ready for", "intends", "intend",
                         "intends to"})
# "the next stage", "further exchanges", "a new swap", "more releases": another occasion
LATER_WORDS = frozenset({"next", "further", "future", "new", "upcoming", "subsequent", "more", "another",
                         "additional", "later"})
TALK_WORDS = frozenset({"talks", "negotiations", "consultations", "meetings", "discussions"})
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final"})
LATER_VERBS = frozenset({"continue", "continues", "continued", "continuing", "resume", "resumes", "resumed"})
LATER_TIMES = frozenset({"next week", "tomorrow", "in the coming days", "coming days", "coming weeks",
                         "in the near future"})


def _whole(view: SentenceView) -> bool:
    """'over the course of three days', 'in several stages', 'over the weekend', 'a four-day truce':
    the whole of a swap in stages, not the one stage reported done."""
    words = view.lower[view.start:view.end]
    for k, w in enumerate(words):
        if w == "over" and any(x in ("days", "weekend", "week", "weeks") for x in words[k + 1:k + 7]) \
                and not PAST_SPAN.intersection(words[k + 1:k + 3]):
            return True  # not "talks held over the past two days": a span already behind
        if w in ("stages", "phases", "rounds", "multi-day") or (w == "-" and 0 < k < len(words) - 1
                                                                 and words[k + 1] == "day" and words[k - 1] != "one"):
            return True
    return False


PAST_SPAN = frozenset({"past", "last", "previous", "preceding"})


def _planned_cues(view: SentenceView, i: int) -> list:
    lo, hi = view.clause_bounds(i)
    in_clause = [c for c in view.in_range(view.cues, lo, hi) if c.label_ == "PLANNED"]
    return in_clause or view.cues_with("PLANNED")


def _later(view: SentenceView) -> bool:
    """The sentence speaks of another, later occasion than the one reported done."""
    for cue in view.cues_with("EXCHANGE", "GIVE", "RECEIVE", "HOME", "STAGE"):
        before = [view.lower[k] for k in range(max(view.start, cue.start - 3), cue.start)]
        inside = [t.lower_ for t in cue]
        if any(w in LATER_WORDS for w in before + inside[:1]):
            # "another 31 wounded": an added group of the same handover, not another occasion
            if not any(view.sent.doc[k].like_num for k in range(cue.start, min(view.end, cue.end + 2))):
                return True
    if any((c[0].lower_ in ORDINALS or view.lower[max(view.start, c.start - 1)] in ORDINALS)
           and not any(w in TALK_WORDS for w in view.lower[c.end:min(view.end, c.end + 6)])
           for c in view.cues_with("STAGE")):
        return True  # "will free 60 on Saturday as the second stage of the swap": a stage of its own
    return any(w in LATER_VERBS for w in view.lower[view.start:view.end])


def soon(view: SentenceView) -> bool:
    """'in the near future', 'in the coming days': later than when it was said, which may be before
    the handover the article reports done."""
    return any(span_text(c).lower() in LATER_TIMES for c in view.cues_with("PLANNED"))


def _equal_figure(occasion: Occasion, g) -> bool:
    """The done occasion has this very figure for the flow ('50 each' and '50 RSF fighters')."""
    value = g.count.value if g.count is not None and g.count.qualifier == "exact" else None
    return value is not None and any(
        o.category == g.category and o.count is not None and o.count.qualifier == "exact" and o.count.value == value
        and (o.per_side or g.per_side or (o.giver, o.receiver) == (g.giver, g.receiver))
        for o in (m.group for m in occasion.mentions))


def _more_of(g) -> bool:
    """'50 more fighters', 'another 50', 'a further 50': more people than those handed over."""
    if "count.additional" in g.rules or g.quantity is None:
        return "count.additional" in g.rules
    view = g.view
    near = [view.lower[k] for k in range(max(view.start, g.quantity.start - 2), min(view.end, g.quantity.end + 1))]
    return any(w in LATER_WORDS for w in near)


def previews(mention: Mention, *, soon_ok: bool = False) -> bool:
    """May this planned mention be the announcement of an occasion reported done elsewhere? With
    `soon_ok`, 'in the near future' does not rule it out (its figure must then be the done one's)."""
    view = mention.group.view
    if any(r.startswith("status.before_plan") for r in mention.rules):
        return False  # "decided to free them before Hamas handed over the bodies": later than the release
    cues = _planned_cues(view, mention.group.start)
    if any(c.kb_id_ == "cancelled" and real_plan(view, c) for c in view.cues_with("PLANNED")):
        return False
    if cues and all(span_text(c).lower() in NOT_PREVIEW for c in cues):
        return False
    if any(r in ("status.deal_formula", "status.whole_formula") for r in mention.rules) \
            or "group.x_for_x" in mention.group.rules:
        return False  # the deal's name or the whole swap's figure is never a stage's count
    return not _later(view) and not _whole(view) and (soon_ok or not soon(view))


def _past_handover(view: SentenceView) -> bool:
    return any(is_past_verb(c) for c in view.cues_with("GIVE", "RECEIVE", "HOME"))


def _sides(occasion: Occasion) -> set[tuple]:
    return {(m.group.giver, m.group.receiver) for m in occasion.mentions if not m.group.per_side}


def _told_again(occasion: Occasion, g) -> bool:
    """The occasion already holds this figure for the category ('of the 86 returned, 15 were women',
    then 'the exchange was to include the 15 women'): the planned mention repeats it."""
    return any(o.category == g.category and o.count is not None and not o.per_side and not g.per_side
               and compatible_counts(o.count, g.count) and (o.giver, o.receiver) in ((g.giver, g.receiver), (None, None))
               for o in (m.group for m in occasion.mentions))


def _both_sides_total(occasion: Occasion, g) -> bool:
    """'agreed to exchange 314' beside '157 each': the total of both sides, no direction of its own."""
    if g.per_side or g.giver is not None or g.receiver is not None or g.count is None or g.count.value is None:
        return False
    return any(o.per_side and o.category == g.category and o.count is not None and o.count.value is not None
               and 2 * o.count.value == g.count.value for o in (m.group for m in occasion.mentions))


def _added_to_base(occasion: Occasion, o, g) -> bool:
    """An added group ('released 22 wounded') beside a base figure of its flow ('175 each', in the
    occasion or the planned mention itself): its figure adds to that one, so it does not stand
    against a planned figure."""
    return "count.additional" in o.rules and any(
        b.count is not None and "count.additional" not in b.rules and b.category == o.category
        and (b.per_side or (b.giver, b.receiver) == (o.giver, o.receiver))
        for b in [m.group for m in occasion.mentions] + ([g] if g.per_side else []))


def _same_flow_key(a, b) -> bool:
    return (a.giver, a.receiver, a.category) == (b.giver, b.receiver, b.category)


def _fits(occasion: Occasion, mention: Mention, *, figures: bool = True) -> bool:
    """Could the planned mention be the announcement of this occasion? With figures=False, its
    figure is not compared (an earlier pledge the handover did not keep to)."""
    g = mention.group
    categories = {m.group.category for m in occasion.mentions}
    receivers = {m.group.receiver for m in occasion.mentions if m.group.receiver is not None}
    # the same category, or the return leg of the swap: given by a side the occasion gave to
    # ("9 hostages handed over by Hamas; 27 prisoners are to be released by Israel")
    # a headline's "X and Y swap prisoners" gives no category of its own: the figure's category fits it
    unnamed = all(m.group.count is None and "occasion.lead_report" in m.rules for m in occasion.mentions)
    if g.category not in categories and not (g.giver is not None and g.giver in receivers) and not unnamed:
        return False
    # an added group ("would return an additional 23 wounded") adds to the flow's figure: no conflict
    repeated = not figures or "count.additional" in g.rules or _told_again(occasion, g) or _both_sides_total(occasion, g)
    for other in occasion.mentions:
        o = other.group
        if repeated or o.part_of or g.part_of or o.count is None or g.count is None or _added_to_base(occasion, o, g):
            continue
        # a figure per side overlaps each directional figure of its category
        same_flow = o.category == g.category and (o.per_side or g.per_side or (o.giver, o.receiver) == (g.giver, g.receiver)) \
            and not (o.per_side and not g.per_side and g.giver is None and g.receiver is None) \
            and not (g.per_side and not o.per_side and o.giver is None and o.receiver is None)
        if same_flow and not compatible_counts(o.total or o.count, g.total or g.count):
            return False
    if not g.per_side and g.giver is not None and g.receiver is not None:
        sides = _sides(occasion)
        parties = {a for pair in sides for a in pair if a is not None}
        if parties and not {g.giver, g.receiver} & parties:
            return False
    return True


def _date_fits(occasion: Occasion, mention: Mention, published: PartialDate | None,
               year_hint: int | None) -> bool:
    """No date, the same day, or a day before (when it was announced or agreed); never a later one."""
    if mention.date_span is None or mention.date is None:
        return True
    if occasion.date is None or occasion.date.start is None:
        return occasion.key is None or same_day(occasion.key, mention.key)
    ahead = mention.date
    if ahead.start is not None and occasion.date.end is not None and ahead.start > occasion.date.end:
        # a future reading after the occasion: read it as past before giving up (a planned
        # "on Sunday" in a report of Sunday's swap resolves to the coming Sunday)
        past = resolve_span(mention.date_span, published=published, status="completed", year_hint=year_hint)
        if past is None or past.start is None or past.start > occasion.date.end:
            return False
        if same_day(date_key(mention.date_span, past), occasion.key):
            return True
        # an earlier day is the day it was said ("On Friday, Tehran said it would free 2,000"), not a day
        # told after the figure: "would free 2,000 on Saturday" after Friday's release is a later occasion
        said = after_attribution(mention.group.view, mention.date_span) \
            or mention.date_span.start < mention.group.start
        return past.end <= occasion.date.start and said
    return True


def _said_before(occasion: Occasion, mention: Mention, published: PartialDate | None,
                 year_hint: int | None) -> bool:
    """The mention is dated by the day it was said ('Kyiv said on Wednesday'), one or two days before
    the occasion's own day."""
    span = mention.date_span
    if span is None or not after_attribution(mention.group.view, span) or occasion.date is None \
            or occasion.date.start is None or occasion.date.start != occasion.date.end:
        return False
    said = resolve_span(span, published=published, status="completed", year_hint=year_hint)
    return said is not None and said.end is not None and 1 <= (occasion.date.start - said.end).days <= 2


def _breaks_down(part: Mention, whole: Mention) -> bool:
    """A smaller figure of the same flow in the sentence of a folded figure: a part of it."""
    p, w = part.group, whole.group
    if p.count is None or w.count is None or p.count.value is None or w.count.value is None:
        return p.part_of
    return p.part_of or ((p.giver, p.receiver, p.category) == (w.giver, w.receiver, w.category)
                         and p.count.value < w.count.value)


WHOLE_WORDS = frozenset({"total", "whole", "overall", "all", "stages", "phases", "rounds"})
PLEDGE_VERBS = frozenset({"pledged", "promised", "agreed", "vowed", "planned", "intended", "committed", "said",
                          "announced", "undertaken", "undertook"})


def _superseded(view: SentenceView) -> bool:
    """'Initially, X had pledged to release 23', 'had originally agreed to free 50': the earlier word
    of a pledge, told as past beside what was done."""
    words = view.lower[view.start:view.end]
    if WHOLE_WORDS.intersection(words):
        return False
    if any(w in ("initially", "originally") for w in words) or any(
            w == "at" and words[k + 1:k + 2] == ["first"] for k, w in enumerate(words)):
        return True
    return any(w == "had" and PLEDGE_VERBS.intersection(words[k + 1:k + 3]) for k, w in enumerate(words))


TOLD_APART_RULE = "status.told_apart"


def fold_previews(occasions: list[Occasion], *, published: PartialDate | None, year_hint: int | None) -> list[Occasion]:
    """Planned mentions that announce a completed occasion of the article join it."""
    # reported done: some mention says so in words, or a past handover verb tells its figures
    # ("the above-mentioned servicemen were handed over on December 13": a past handover, figures or not)
    done = [o for o in occasions if o.status == "completed"
            and (any(r != "status.default_completed" for m in o.mentions for r in m.rules if r.startswith("status."))
                 or any(_past_handover(m.group.view) for m in o.mentions))]
    # "Separately, the rebels on Wednesday freed 12 teachers": a story told apart announces nothing of its own
    apart = [o for o in done if all(told_apart(m.group.view) for m in o.mentions)]
    if apart:
        for o in apart:
            for m in o.mentions:
                m.rules.append(TOLD_APART_RULE)
        done = [o for o in done if o not in apart]
    if not done:
        return occasions
    folded: dict[int, tuple[Occasion, Mention]] = {}  # sentence -> the occasion its figure folded into
    for occasion in [o for o in occasions if o.status == "planned"]:
        kept = []
        for mention in occasion.mentions:
            target = None
            # asked once: nothing below changes what previews() reads before a target is found
            plain = previews(mention)
            soon_only = not plain and previews(mention, soon_ok=True)
            if plain:
                fitting = [o for o in done if _fits(o, mention) and _date_fits(o, mention, published, year_hint)]
                # the occasion of the same day first, else the article's main (first) one
                main = next(iter(_mains(done)), None)
                target = next((o for o in fitting if mention.key is not None and same_day(o.key, mention.key)),
                              None) or (main if main in fitting else None)
            if target is None and not _more_of(mention.group) and soon_only:
                # "said on Monday a swap of 50 each would take place in the near future", then 50 each
                # exchanged on Tuesday: soon after it was said, the same figures
                target = next((o for o in done if _equal_figure(o, mention.group) and _fits(o, mention)
                               and _date_fits(o, mention, published, year_hint)), None)
            if target is None and mention.group.count is None and soon_only:
                # "Kyiv said on Wednesday it expected an exchange in the near future", the swap done on
                # Thursday: the announcement of the day before, with no figure of its own
                target = next((o for o in done if _said_before(o, mention, published, year_hint)
                               and _fits(o, mention)), None)
                if target is not None:
                    mention.rules.append("status.announced_the_day_before")
            if target is None and plain and _superseded(mention.group.view):
                # "Initially, X had pledged to release 23" beside the 22 handed over: the pledge of
                # this occasion, whose figure the handover did not keep to
                fitting = [o for o in done if _fits(o, mention, figures=False)
                           and _date_fits(o, mention, published, year_hint)]
                mains = _mains(done)
                # one handover reported, not stages of a whole ("a total exchange of 1,000 each had been agreed")
                target = mains[0] if len(mains) == 1 and mains[0] in fitting else None
                if target is not None:
                    _drop_figure(mention)
            if target is None:
                kept.append(mention)
                continue
            if "count.additional" in mention.group.rules and mention.group.count is not None and any(
                    "count.additional" in m.group.rules and m.group.count is not None and m.status == "completed"
                    and "status.folded_preview" not in m.rules and _same_flow_key(m.group, mention.group)
                    for m in target.mentions):
                # "would return an additional 23", then "released 22 wounded": the group handed over counts
                _drop_figure(mention)
            _fold(mention, target)
            folded[mention.group.view.index] = (target, mention)
        occasion.mentions = kept
    # the breakdown of a folded figure ("90 may be freed: 69 women and 21 children") goes with it
    for occasion in [o for o in occasions if o.status == "planned"]:
        for mention in [m for m in occasion.mentions if m.group.view.index in folded
                        and _breaks_down(m, folded[m.group.view.index][1])]:
            occasion.mentions.remove(mention)
            _fold(mention, folded[mention.group.view.index][0])
    # "He urged both sides to commit to an all-for-all exchange": a wish that joined the plan whose
    # figures have folded into the done occasion is no occasion of its own
    kept = [o for o in occasions if o.mentions and not (
        o.status == "planned" and folded and all(_wish(m) for m in o.mentions))]
    # "work on the exchange of bodies will be continued in the coming days": an uncounted, undated plan to
    # carry on is no occasion of its own
    return [o for o in kept if not (o.status == "planned" and all(_continued_work(m) for m in o.mentions))]


# the tests that drop an occasion whole (ids in the rule catalogue; no record carries them, they explain
# why an occasion made none): rule id -> the function that decides it
DROPPING_RULES = {"status.continued_work": "_continued_work"}


CONTINUE_WORDS = frozenset({"continue", "continued", "continues", "continuing", "continuation"})


def _continued_work(mention: Mention) -> bool:
    if mention.group.count is not None or mention.key is not None:
        return False
    return not CONTINUE_WORDS.isdisjoint(mention.group.view.word_set)


def _mains(done: list[Occasion]) -> list[Occasion]:
    """The article's own occasions reported done, not background ones, main (first) one first. Asked
    again on each use: a folded mention can make an occasion of background mentions the article's own."""
    return [o for o in done if not o.background and not all(m.background for m in o.mentions)]


def _fold(mention: Mention, target: Occasion) -> None:
    """The planned mention joins the done occasion, completed; its date was read as future or as the
    day of the announcement: the occasion keeps its own."""
    mention.status = "completed"
    mention.rules.append("status.folded_preview")
    mention.date_span, mention.date, mention.key = None, None, None
    target.mentions.append(mention)


def _drop_figure(mention: Mention) -> None:
    """A superseded preview joins the done occasion without its figure: the handover's own counts."""
    mention.group = dataclasses.replace(mention.group, quantity=None, count=None, total=None,
                                        noun=mention.group.noun or mention.group.quantity,
                                        rules=[*mention.group.rules])
    mention.rules.append("status.superseded_preview")


def _wish(mention: Mention) -> bool:
    """An uncounted, undated plan worded only as a wish, a demand or an offer."""
    view = mention.group.view
    cues = [c for c in view.cues_with("PLANNED") if real_plan(view, c)]
    return mention.group.count is None and mention.key is None and bool(cues) \
        and all(span_text(c).lower() in NOT_PREVIEW for c in cues)


BEGUN = frozenset({"began", "begun", "begins", "started", "starts", "underway", "commenced"})
SIZE_NOUNS = frozenset({"exchange", "swap", "release", "transfer", "operation"})


_MULTI_DAY_WORDS = frozenset({"multi-day", "multi", "-", "over"})  # a sentence with none of these is skipped


def _multi_day(views: list[SentenceView]) -> bool:
    for view in views:
        if _MULTI_DAY_WORDS.isdisjoint(view.words):
            continue
        words = view.lower[view.start:view.end]
        if "multi-day" in words or any(w == "multi" and words[k + 1:k + 3] == ["-", "day"]
                                       for k, w in enumerate(words)):
            return True
        if any(w == "-" and 0 < k < len(words) - 1 and words[k + 1] == "day" and words[k - 1] != "one"
               for k, w in enumerate(words)):
            return True
        if any(w == "over" and any(x == "days" for x in words[k + 1:k + 7]) for k, w in enumerate(words)):
            return True
    return False


def _size_of_begun_swap(mention: Mention) -> bool:
    """'an exchange of more than 800 prisoners began on Friday': the figure is the size of the whole
    swap, and the sentence says it has only begun."""
    g = mention.group
    view = g.view
    if g.quantity is None or g.per_side or not any(w in BEGUN for w in view.lower[view.start:view.end]):
        return False
    before = [view.lower[k] for k in range(max(view.start, g.quantity.start - 2), g.quantity.start)]
    return len(before) == 2 and before[1] in ("of", "involving") and before[0] in SIZE_NOUNS


def split_begun_whole(occasions: list[Occasion], views: list[SentenceView]) -> list[Occasion]:
    """A multi-day swap under way (README): the stage done is a completed record, the whole swap's
    figure a planned one. 'A three-day exchange of 600 prisoners began on Monday' gives both."""
    if not any(o.status == "completed" and any(_size_of_begun_swap(m) for m in o.mentions) for o in occasions) \
            or not _multi_day(views):
        return occasions  # no figure of a swap said to have begun, or no swap over several days
    out = list(occasions)
    for occasion in occasions:
        if occasion.status != "completed":
            continue
        wholes = [m for m in occasion.mentions if _size_of_begun_swap(m)]
        if not wholes:
            continue
        # the whole's figure told again elsewhere ("will exchange 887 over three days") is the same plan
        planned = next((o for o in occasions if o.status == "planned" and all(
            compatible_counts(m.group.count, w.group.count) for m in o.mentions for w in wholes
            if m.group.category == w.group.category) and any(m.group.count is not None for m in o.mentions)),
            None)
        fresh = planned is None
        planned = planned or Occasion(status="planned")
        for m in wholes:
            occasion.mentions.remove(m)
            # the size of the whole swap is a total of both sides, not one direction
            m.group = dataclasses.replace(m.group, giver=None, receiver=None, rules=[*m.group.rules, "direction.total"])
            m.status = "planned"
            m.rules.append("status.whole_under_way")
            planned.mentions.append(m)
        if not occasion.mentions:
            # the day's stage stays, without the whole's figure
            first = wholes[0]
            stage = dataclasses.replace(first.group, quantity=None, count=None,
                                        noun=first.group.noun or first.group.quantity, rules=[*first.group.rules])
            occasion.mentions.append(Mention(group=stage, status="completed", date_span=first.date_span,
                                             date=first.date, key=first.key, background=first.background,
                                             rules=["status.stage_under_way"]))
        if fresh:
            out.append(planned)
    return out


DELAYED_DONE_RULE = "status.delayed_part_done"
LATER_DONE_LEADS = frozenset({"they", "these", "those", "the"})  # "They are eventually freed on February 27"
LATER_DONE_NOUN_REACH = 3  # tokens from "the" to the people noun: "The 620 prisoners"


def delayed_parts_done(occasions: list[Occasion], views: list[SentenceView]) -> None:
    """'Israel delays the release of 620 prisoners due that day. They are eventually freed on February 27, when
    Hamas hands over four bodies.': a postponed part whose people the next sentence reports freed, naming them by
    a pronoun or 'the <people>', joins the completed occasion told in that sentence (DELAYED_DONE_RULE); with no
    such occasion it stays planned."""
    for occasion in [o for o in occasions if o.status == "planned"]:
        for mention in list(occasion.mentions):
            view = mention.group.view
            if mention.group.count is None or view.index + 1 >= len(views) or not any(
                    c.kb_id_ == "cancelled" and real_plan(view, c) for c in view.cues_with("PLANNED")):
                continue
            later = views[view.index + 1]
            if not _names_them_done(later):
                continue
            target = next((o for o in occasions if o.status == "completed" and o is not occasion
                           and any(m.group.view is later for m in o.mentions)), None)
            if target is None:
                continue
            occasion.mentions.remove(mention)
            mention.status = "completed"
            mention.rules.append(DELAYED_DONE_RULE)
            mention.date_span, mention.date, mention.key = None, None, None
            target.mentions.append(mention)
    occasions[:] = [o for o in occasions if o.mentions]


def _names_them_done(view: SentenceView) -> bool:
    """The sentence opens with the people told before ('They', 'The prisoners') and reports them handed over."""
    words = view.words
    k = next((i for i, w in enumerate(words) if not w.isspace()), None)
    if k is None or words[k] not in LATER_DONE_LEADS:
        return False
    if words[k] == "the" and not any(view.cue(view.start + m) is not None
                                     and view.cue(view.start + m).label_ == "CATEGORY"
                                     for m in range(k + 1, min(len(words), k + 1 + LATER_DONE_NOUN_REACH))):
        return False
    first_verb = next((c for c in view.cues if c.label_ in TRANSFER_LABELS and c.start > view.start + k), None)
    return first_verb is not None and status_at(view, first_verb.start)[0] == "completed"
