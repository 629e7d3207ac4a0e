"""Running totals: a counted group that sums up handovers over a period is a tally, not a
handover occasion.

What frames a figure as a running total, in order of strength:
- a cumulative adverb or a period it runs since ("so far", "to date", "in total", "since then",
  "since the war began", "as of May"), a period between two points ("between April and
  September", "from January to March", "in the following weeks");
- a total phrase governing the figure ("brings the total number of ... to N", "puts the total at N",
  "the total number of ... stood at N") or a count of swaps ("through 48 previous swaps");
- "a total of N" with a perfect tense ("a total of N have been returned");
- an agreement or a mediator with a perfect tense ("under the accords, X has handed over N",
  "N have been exchanged through its mediation") where the figure is larger than every handover
  figure elsewhere in the article.
False cues make no tally: a date of captivity ("held since April"), an ordinal or superlative
("the 65th since the start", "the largest to date"), "already", "in two days".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .groups import Group, _actor_after, count_of
from .occasions import Occasion
from ..recognising.extensions import date_of
from .sentences import SentenceView, has_phrase, per_view, phrase_at, span_text
from .status import TRANSFER_LABELS

# cumulative adverbs and periods: a tally cue wherever they sit in the figure's clause
STRONG_TALLY = frozenset({"so far", "to date", "since the start", "since the beginning", "since the start of",
                          "since the full-scale invasion", "since the invasion", "since the war began",
                          "since the beginning of the war", "since the start of the war", "since february 2022",
                          "since 2022", "bringing the total", "brings the total",
                          "bringing the number", "bring the total", "cumulative", "cumulatively",
                          "thus far", "till now", "until now", "since then",
                          "ever since", "brings to", "bringing to", "bring to", "brought to", "brings the number",
                          "bringing the number to"})

# phrases that look forward to the figure they total: "brings the total number of ... to N"
FORWARD_TALLY = frozenset({"bringing the total", "brings the total", "bringing the number", "bring the total",
                           "brings to", "bringing to", "bring to", "brought to", "brings the number",
                           "bringing the number to"})

# word sequences matched in the sentence itself (the cue lexicon need not know them)
PHRASES: dict[tuple[str, ...], str] = {
    ("so", "far"): "strong", ("to", "date"): "strong", ("thus", "far"): "strong", ("in", "total"): "weak",
    ("all", "told"): "weak", ("since", "then"): "strong", ("ever", "since"): "strong",
    ("until", "now"): "strong", ("till", "now"): "strong", ("up", "to", "now"): "strong",
    ("in", "the", "following", "weeks"): "strong", ("in", "the", "following", "months"): "strong",
    ("over", "the", "following", "weeks"): "strong", ("over", "the", "following", "months"): "strong",
    ("in", "the", "weeks", "that", "followed"): "strong", ("in", "the", "months", "that", "followed"): "strong",
    ("in", "recent", "months"): "strong",
    ("in", "just", "two", "days"): "recent", ("in", "two", "days"): "recent", ("in", "three", "days"): "recent",
    ("in", "just", "three", "days"): "recent",
    ("a", "total", "of"): "weak", ("total", "of"): "weak",
    # "in the same period", "over that period": the period of a running total told just before
    ("in", "the", "same", "period"): "strong", ("over", "the", "same", "period"): "strong",
    ("during", "the", "same", "period"): "strong", ("in", "that", "period"): "strong",
    ("over", "that", "period"): "strong", ("during", "that", "period"): "strong",
    # "Peru has now sent home 3,418": a perfect tense with "now" sums up what was handed over so far
    ("has", "now"): "now", ("have", "now"): "now", ("had", "now"): "now",
}

# totals that may sum up one day's swap ("in total, 390 were exchanged on Friday"): a tally only
# with a perfect tense and no day date
WEAK_TALLY = frozenset({"a total of", "total of", "in total", "all told", "altogether", "in all", "overall"})

WAR_WORDS = frozenset({"invasion", "war", "start", "beginning", "outbreak", "conflict", "escalation", "aggression",
                       "hostilities", "fighting"})

# "since the signing of the peace agreement", "since last year's truce", "since the Istanbul talks": a period opened
# by a deal or the talks that made it; a running total only with a perfect tense ("has released 1,200 since ..."),
# not "freed 20 on Monday, the first since the truce"
DEAL_WORDS = frozenset({"agreement", "agreements", "deal", "accord", "accords", "truce", "ceasefire", "cease-fire",
                        "signing", "armistice", "protocol", "memorandum", "treaty", "talks", "negotiations", "summit"})
SINCE_DEAL_RULE = "tally.since_deal"
# "since the fall of the former regime", "since the liberation of Kuwait", "since the ouster of the junta": a period
# opened by a turning point, read like a deal's (a perfect tense, no day) (rule tally.since_turning_point)
TURNING_WORDS = frozenset({"fall", "collapse", "ouster", "overthrow", "liberation", "withdrawal", "end"})
SINCE_TURN_RULE = "tally.since_turning_point"
FORWARD_TOTAL_RULE = "tally.forward_total"

# "since the exchanges started on 17 August", "since the swaps began": the period of the swaps themselves
SWAPS_BEGAN = frozenset({"began", "begun", "started", "start", "begin", "resumed", "opened"})
SWAP_WORDS = frozenset({"exchanges", "swaps", "repatriations", "releases", "handovers", "exchange", "swap",
                        "repatriation", "handover", "returns"})

PERIOD_UNITS = frozenset({"years", "months", "weeks", "year", "decade", "decades"})

FORWARD_VERBS = frozenset({"bring", "brings", "brought", "bringing", "put", "puts", "putting", "raise", "raises",
                           "raised", "raising", "take", "takes", "took", "taking", "push", "pushes", "pushed",
                           "pushing", "lift", "lifts", "lifted", "lifting", "increase", "increases", "increased"})
TOTAL_NOUNS = frozenset({"total", "number", "tally", "count", "figure"})
LINK_WORDS = frozenset({"to", "at", "reached", "reaches", "stood", "stands", "is", "was", "now", "has", "had",
                        "rose", "risen", "climbed", "of", "amounts", "amounted", "totals", "totalled", "totaled"})
SWAP_NOUNS = frozenset({"swaps", "exchanges", "rounds", "stages", "handovers", "repatriations", "trades"})
SWAP_COUNT_BEFORE = frozenset({"through", "in", "over", "during", "across", "via", "after"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter"})
CAPTIVITY_WORDS = frozenset({"held", "detained", "captured", "imprisoned", "jailed", "missing", "captivity",
                             "custody", "kidnapped", "abducted", "hostage", "bars", "prison", "jail", "arrested",
                             "sentenced", "serving", "waiting", "languishing"})
SUPERLATIVES = frozenset({"largest", "biggest", "first", "most", "highest", "greatest", "only", "latest", "last",
                          "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                          "smallest", "next", "previous"})
PERFECT = frozenset({"has", "have", "had", "'ve", "’ve"})
AGREEMENT_FRAMES = (("under", "the"), ("under", "this"), ("under", "these"), ("under", "that"), ("as", "part", "of"),
                    ("in", "line", "with"), ("in", "accordance", "with"), ("within", "the", "framework"),
                    ("pursuant", "to"))
MEDIATION_WORDS = frozenset({"mediation", "mediated", "brokered", "help", "efforts", "auspices", "facilitation"})
_FRAME_STARTS = frozenset({f[0] for f in AGREEMENT_FRAMES} | MEDIATION_WORDS)  # where _framed_by_deal looks
OUTSIDE_FRAMES = (("outside", "the", "framework"), ("outside", "of", "the"), ("outside", "the", "exchanges"),
                  ("outside", "official"), ("outside", "the", "exchange"))


# PHRASES by first word, in PHRASES' order: a sentence's words are looked up, not every phrase tried
PHRASES_BY_FIRST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for _phrase, _kind in PHRASES.items():
    PHRASES_BY_FIRST[_phrase[0]] = PHRASES_BY_FIRST.get(_phrase[0], ()) + ((_phrase, _kind),)


@dataclass(frozen=True)
class Tally:
    """A running total: the counted group and the cue that makes it one."""

    group: Group
    cue: Span


def _ordinal(word: str) -> bool:
    return word in SUPERLATIVES or (word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"))


def _captivity_date(view: SentenceView, cue: Span) -> bool:
    """'two soldiers held since April', 'in captivity since 2022': the date of the captivity (but
    'released from captivity since the start of the war' dates the releases)."""
    window = range(max(view.start, cue.start - 4), cue.start)
    if any(view.cue(k) is not None and view.cue(k).label_ in TRANSFER_LABELS for k in window):
        return False
    return any(view.lower[k] in CAPTIVITY_WORDS for k in window)


CAPTURED_IN_PERIOD = "tally.captured_in_period"
# participles of being taken or kept captive ("captivity", "prison" may name what the group was freed from)
CAPTURE_PARTICIPLES = frozenset({"captured", "detained", "seized", "abducted", "kidnapped", "arrested", "taken",
                                 "held", "jailed", "imprisoned", "rounded"})


def _captured_in_period(view: SentenceView, a: int, b: int) -> bool:
    """'78 fighters captured in clashes around the city over the past two years', '40 men seized during raids
    since 2021': between the group and the period after it stands a word of their captivity and no transfer, so
    the period tells when they were taken, not over how long they were handed over (CAPTURED_IN_PERIOD)."""
    if any(view.cue(k) is not None and view.cue(k).label_ in TRANSFER_LABELS for k in range(a, b)):
        return False
    return any(view.lower[k] in CAPTURE_PARTICIPLES for k in range(a, b))


def _ranked(view: SentenceView, cue: Span) -> bool:
    """'the largest such deal to date', 'the 65th since the start': it ranks a swap, not a sum."""
    return any(_ordinal(view.lower[k]) for k in range(max(view.start, cue.start - 5), cue.start))


def ranks_swaps(view: SentenceView, date: Span) -> bool:
    """'the sixth exchange this year', 'the 65th since the start': the date ranks swaps, it does not
    date a handover."""
    if not span_text(date).lower().startswith(("this year", "last year", "so far", "to date")):
        return False  # "the first swap since January 15, when ...": a day dates that swap
    window = range(max(view.start, date.start - 4), date.start)
    return any(_ordinal(view.lower[k]) for k in window) \
        and any(view.lower[k] in SWAP_NOUNS | {"exchange", "swap", "one", "such"} for k in window)


# the words the frames read in `_frames`' loop over the words begin with: a test added there adds its first words here
_FRAME_FIRST_WORDS = frozenset(PHRASES_BY_FIRST) | FORWARD_VERBS | SWAP_COUNT_BEFORE | {
    "since", "in", "over", "during", "total", "overall", "cumulative", "of", "between", "from", "number"}


@per_view
def _frames(view: SentenceView) -> list[tuple[Span, str]]:
    """(cue, kind) for every tally frame in the sentence; kind: strong, weak, forward, since, since_deal, since_turn,
    swaps, period."""
    doc = view.sent.doc
    out: list[tuple[Span, str]] = []
    taken: set[int] = set()

    def add(start: int, end: int, kind: str) -> None:
        if start in taken:
            return
        span = Span(doc, start, end, label="TALLY")
        if kind in ("strong", "since", "weak", "since_deal", "since_turn") \
                and (_ranked(view, span) or _captivity_date(view, span)):
            return
        taken.add(start)
        out.append((span, kind))

    for cue in view.cues_with("TALLY"):
        text = span_text(cue).lower()
        if text in FORWARD_TALLY:
            add(cue.start, cue.end, "forward")
        elif text in STRONG_TALLY:
            add(cue.start, cue.end, "strong")
        elif text.startswith(("since", "as of")):
            add(cue.start, cue.end, "since")
        elif text in WEAK_TALLY:
            add(cue.start, cue.end, "weak")
    for date in view.dates:
        text = span_text(date).lower()
        if text.startswith(("since", "as of")):
            add(date.start, date.end, "since")
    words, start = view.words, view.start
    for k, word in enumerate(words):
        if word not in _FRAME_FIRST_WORDS:
            continue  # most words begin no frame
        for phrase, kind in PHRASES_BY_FIRST.get(word, ()):
            if phrase_at(words, k, phrase):
                add(start + k, start + k + len(phrase), kind)
        # "since the Russian invasion", "since the outbreak of the war"
        if word == "since" and any(w in WAR_WORDS for w in words[k + 1:k + 5]) \
                and not any(w in ("day", "days", "week", "weeks", "month", "months") for w in words[k + 1:k + 3]):
            add(start + k, start + k + 1 + next(m for m, w in enumerate(words[k + 1:k + 5], 1) if w in WAR_WORDS),
                "strong")
        elif word == "since" and any(w in DEAL_WORDS for w in words[k + 1:k + 6]):
            add(start + k, start + k + 1 + next(m for m, w in enumerate(words[k + 1:k + 6], 1) if w in DEAL_WORDS),
                "since_deal")
        elif word == "since" and words[k + 1:k + 2] == ["the"] and k + 3 < len(words) \
                and words[k + 2] in TURNING_WORDS and words[k + 3] == "of":
            add(start + k, start + k + 4, "since_turn")
        # "since the exchanges started on 17 August", "since the repatriation began"
        if word == "since" and k + 2 < len(words) and words[k + 1] in ("the", "these", "those") \
                and words[k + 2] in SWAP_WORDS and any(w in SWAPS_BEGAN for w in words[k + 3:k + 5]):
            add(start + k, start + k + 3 + next(m for m, w in enumerate(words[k + 3:k + 5], 1) if w in SWAPS_BEGAN),
                "strong")
        # "in the first two days", "over the past three days": the stages so far of one swap
        if word in ("in", "over", "during") and words[k + 1:k + 3] in (["the", "first"], ["the", "past"],
                                                                       ["the", "last"]) \
                and len(words) > k + 4 and words[k + 4] in ("days", "weeks") \
                and view.doc_index.quantity_at[start + k + 3] is not None:
            add(start + k, start + k + 5, "period")
        # "over the past two years", "over the last 18 months"
        if word == "over" and k + 2 < len(words) and words[k + 1] == "the" and words[k + 2] in ("past", "last") \
                and any(w in PERIOD_UNITS for w in words[k + 3:k + 6]):
            add(start + k, start + k + 3, "strong")
        # "brings / brought / puts the (total) number of ... to N"
        if word in FORWARD_VERBS and k + 1 < len(words) and words[k + 1] in ("the", "its", "their", "this"):
            if any(w in TOTAL_NOUNS for w in words[k + 2:k + 4]):
                add(start + k, start + k + 3, "forward")
        # "raising to 154 the total of captives returned" (group.total_named_after reads the people after it)
        if word in FORWARD_VERBS and words[k + 1:k + 2] == ["to"] and k + 2 < len(words) \
                and view.doc_index.quantity_at[start + k + 2] is not None \
                and words[quantity_end(view, start + k + 2) - start:][:2] in (["the", "total"], ["the", "number"],
                                                                              ["its", "total"], ["their", "total"]):
            add(start + k, start + k + 2, "forward")
        # "the number of missing whose remains were returned since 2003 has reached 236" (rule tally.number_reached)
        if word == "number" and k > 0 and words[k - 1] in ("the", "its", "their") and words[k + 1:k + 2] == ["of"] \
                and not (k > 1 and words[k - 2] in FORWARD_VERBS) and _reached_after(view, start + k):
            add(start + k - 1, start + k + 1, "forward")
        # "the total number of captives released stood at 973"
        if word in ("total", "overall", "cumulative") and k > 0 and words[k - 1] in ("the", "its", "their") \
                and not (k > 1 and words[k - 2] in FORWARD_VERBS):
            add(start + k - 1, start + k + 1, "forward")
        # "through 48 previous swaps"
        if (word in SWAP_COUNT_BEFORE or (word == "of" and k > 0 and words[k - 1] == "part")) and k + 2 < len(words):
            quantity = view.doc_index.quantity_at[start + k + 1]
            if quantity is not None:
                rest = [w for w in words[quantity.end - start:quantity.end - start + 3]]
                nouns = [w for w in rest[:2] if w in SWAP_NOUNS] or (rest[1:2] if rest[:1] in (["previous"], ["prior"],
                                                                                             ["earlier"]) else [])
                if nouns and nouns[0] in SWAP_NOUNS and _plural(quantity, view):
                    add(start + k, quantity.end + rest.index(nouns[0]) + 1, "swaps")
        # "between mid-March and November", "from January to the end of March"
        if word in ("between", "from") and k + 1 < len(words):
            joint = "and" if word == "between" else "to"
            window = words[k + 1:k + 8]
            if joint in window:
                m = window.index(joint)
                before, after = window[:m], window[m + 1:m + 5]
                if _month_like(before) and _month_like(after) and not _days_of_one_month(before, after) \
                        and not days_run(view, start + k):
                    last = max(i for i, w in enumerate(after) if _month_like([w]))  # the period ends at its month
                    add(start + k, start + k + m + 3 + last, "period")
    return out


REACHED_WORDS = frozenset({"reached", "reaches", "rose", "risen", "climbed", "stood", "stands", "totals", "totalled",
                           "totaled", "amounts", "amounted", "grown", "grew"})
NUMBER_SUBJECT_REACH = 30  # tokens from "the number of" to its verb


def quantity_end(view: SentenceView, k: int) -> int:
    """The token after the quantity span at token k."""
    return view.doc_index.quantity_at[k].end  # type: ignore[union-attr]


def _reached_after(view: SentenceView, k: int) -> bool:
    """'the number of ... has reached / stood at / rose to N': a verb of reaching with a figure right after it."""
    for m in range(k + 2, min(view.end, k + NUMBER_SUBJECT_REACH)):
        if view.lower[m] in REACHED_WORDS:
            return any(view.doc_index.quantity_at[j] is not None for j in range(m + 1, min(view.end, m + 4)))
    return False


def _plural(quantity: Span, view: SentenceView) -> bool:
    count = count_of(quantity, view)
    return count is not None and (count.value or count.min or 0) >= 2


def days_run(view: SentenceView, k: int) -> bool:
    """'Between March 2 and March 15, Iran handed over 3,200 prisoners': a period from one day to another,
    in two months too (_days_of_one_month reads one month's days from the words), is the days one operation ran,
    not the period of a running total (rule date.days_of_operation)."""
    match = next((date_of(d) for d in view.dates if d.start == k), None)
    return match is not None and getattr(match, "day", None) is not None and getattr(match, "end_day", None) is not None


def _month_like(words: list[str]) -> bool:
    return any(w.removeprefix("mid-").removeprefix("late-").removeprefix("early-") in MONTHS
               or (w.isdigit() and len(w) == 4) for w in words)


def _day_like(words: list[str]) -> bool:
    """A day of the month among the words ('23', '25th')."""
    return any((day := w.rstrip("stndrh")).isdigit() and len(day) <= 2 for w in words)


def _days_of_one_month(before: list[str], after: list[str]) -> bool:
    """'from May 23 to May 25', 'between 23 and 25 May': days of one swap, not a period of swaps ('between 1 May
    and 30 June')."""
    if not (_day_like(before) and _day_like(after)):
        return False
    months = {w for w in before + after if w in MONTHS}
    return len(months) <= 1


def _perfect(view: SentenceView, lo: int, hi: int) -> bool:
    """'has received', 'have been returned', 'had freed': a perfect tense in the clause."""
    return any(view.lower[k] in PERFECT and not (k + 1 < view.end and view.lower[k + 1] == "to")
               for k in range(lo, hi))


def outside_exchanges(group: Group) -> bool:
    """'an additional 536 were released outside the framework of official agreements'."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    return has_phrase(view.words_between(lo, hi + 6), OUTSIDE_FRAMES)


def _day_dated(view: SentenceView, lo: int, hi: int) -> bool:
    """A date in the clause that is not a period start: 'on Friday', 'on 12 May' (not 'since the year 2003')."""
    return any(not span_text(d).lower().startswith(("since", "as of", "this year", "last year", "in 20"))
               and d.start >= lo and d.end <= hi and not _since_before(view, d) and not _turn_before(view, d)
               for d in view.dates)


def _handover_day(view: SentenceView, group: Group, others: list[Span]) -> bool:
    """A day in the sentence that may date the group's handover: not one of the telling ('In total, 4,306 have
    been freed, Zelensky said on Wednesday': rule tally.told_day) nor one in another figure's clause ('..., after
    14 soldiers returned on Monday')."""
    for date in view.dates:
        if not _day_dated(view, date.start, date.end):
            continue
        lo, hi = view.clause_bounds(date.start)
        if lo <= group.start < hi:
            return True
        if any(lo <= q.start < hi for q in others):
            continue
        if any(lo <= cue.start < hi for cue in view.cues_with("ATTRIBUTION")):
            group.rules.append(TOLD_DAY_RULE)
            continue
        return True
    return False


TOLD_DAY_RULE = "tally.told_day"
SINCE_REACH = 6  # tokens from "since" to the date of what opened the period: "since the Istanbul talks on June 2"


def _since_before(view: SentenceView, date: Span) -> bool:
    """'since the year 2003', 'since the end of 2003', 'since the Istanbul talks on June 2': the start of a
    period, not a day (no comma between)."""
    before = view.lower[max(view.start, date.start - SINCE_REACH):date.start]
    return "since" in before and "," not in before[len(before) - before[::-1].index("since"):]


TURN_REACH = 10  # tokens from "since" to the date of the turning point: "since the fall of the former regime in 2003"


def _turn_before(view: SentenceView, date: Span) -> bool:
    """'since the fall of the former regime in April 2003': the date of the turning point that opened the period
    (no comma between)."""
    lower = view.lower
    for k in range(max(view.start, date.start - TURN_REACH), date.start - 3):
        if lower[k] == "since" and lower[k + 1] == "the" and lower[k + 2] in TURNING_WORDS and lower[k + 3] == "of":
            return "," not in lower[k:date.start]
    return False


def tally_cue(group: Group, sentence_groups: list[Group], groups: list[Group], *,
              totals: tuple[Group, ...] = ()) -> Span | None:
    """The cue that frames the group as a running total; `groups`: the article's handover groups; `totals`: those
    already read as running totals."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    others = [g.quantity for g in sentence_groups if g is not group and g.quantity is not None]
    for cue, kind in sorted(_frames(view), key=lambda f: f[0].start):
        if kind == "forward":
            linked = group.start - cue.end <= 1 \
                or any(view.lower[k] in LINK_WORDS for k in range(max(cue.end, group.start - 3), group.start))
            # "brings to about 700 the number of inmates freed, out of the 5,000 demanded": the figure right
            # after a phrase ending in "to" is the total's own (TOTAL_NAMED_AFTER), no later one
            taken = view.lower[cue.end - 1] == "to" and cue.end < group.start \
                and view.doc_index.quantity_at[cue.end] is not None
            if cue.end <= group.start and group.start - cue.end <= 30 and linked and not taken \
                    and not [q for q in others if cue.end <= q.start < group.start] \
                    and not _day_dated(view, cue.end, group.start):
                if view.lower[cue.end - 1] == "number" and view.lower[cue.start] != "total":
                    group.rules.append("tally.number_reached")
                return cue
            continue
        if kind in ("since_deal", "since_turn"):
            if _day_dated(view, lo, hi) or not _perfect(view, min(lo, group.start), max(hi, group.end)):
                continue  # "freed 20 on Monday since the truce required it": one handover
            kind = "since"
        if kind == "recent" and (_day_dated(view, view.start, view.end) or not _perfect(view, view.start, view.end)):
            continue  # "the second swap in two days" counts swaps; "in two days, 697 have returned" sums them
        if kind == "weak" and (_handover_day(view, group, others) or not _perfect(view, view.start, view.end)
                               or not _exceeds(group, groups, repeats=True)):
            continue  # "a total of 390 prisoners were exchanged on Friday": one swap's figure
        if kind == "now":
            # "X has now sent home N", its figure more than twice every handover figure elsewhere, with no
            # day in its clause (rule tally.has_now); "has now freed 12 on Friday" is that day's handover
            # A running total told earlier is no handover figure to outgrow ("bringing the total freed to 3,100.
            # ... The group says it has now released about 590": rule tally.has_now_beside_total)
            near = 0 <= group.start - cue.end <= 4 or 0 <= cue.start - group.end <= 4  # "N have now been freed"
            if not near or _day_dated(view, min(lo, group.start), max(hi, group.end, cue.end)):
                continue
            handovers = [g for g in groups if not any(g is t for t in totals)]
            if not _exceeds(group, handovers, repeats=True):
                continue
            group.rules.append("tally.has_now")
            if len(handovers) < len(groups) and not _exceeds(group, groups, repeats=True):
                group.rules.append(HAS_NOW_BESIDE_TOTAL)
            return cue
        inside = group.quantity is not None and group.quantity.start <= cue.start and cue.end <= group.quantity.end
        if cue.end <= group.start or inside:
            opening = cue.start - view.start <= 2 and view.clause_bounds(view.start)[1] >= cue.end
            # (not a later clause with a day of its own: "Since the war, 2,350 have been freed, Yerevan said after
            # 14 soldiers returned late on Monday" tells Monday's handover beside the total)
            if opening and kind != "weak" and not (lo >= cue.end and _day_dated(view, lo, hi)):
                return cue  # "Since the truce began, 21 hostages have been freed for 1,100 prisoners"
            between = [q for q in others if cue.end <= q.start < group.start]
            if between:
                continue
            same_clause = lo <= cue.start
            # a period after another figure ("brings to 700 the number freed since April, out of the 5,000
            # demanded") is that figure's: it frames no figure after it from the front
            figure_before = any(view.doc_index.quantity_at[k] is not None for k in range(view.start, cue.start))
            fronted = view.clause_bounds(view.start)[1] >= cue.end and group.start - cue.end <= 8 \
                and not _contrast_between(view, cue.end, group.start) and not figure_before
            # "According to X, since the war began, Y has released N": a fronted period frames the clause after it
            leading = kind in ("strong", "since", "period") and not _contrast_between(view, cue.end, group.start) \
                and group.start - cue.end <= 12 and not figure_before
            if opening or same_clause or fronted or leading:
                return cue
        elif cue.start >= group.end:
            between = [q for q in others if group.end <= q.start < cue.start] \
                + [f for f, k in _frames(view) if k == "forward" and group.end <= f.start < cue.start]
            if not between and (cue.start < hi or (kind in ("swaps", "period", "strong")
                                                   and cue.start - group.end <= 12
                                                   and not _contrast_between(view, group.end, cue.start))) \
                    and not _captured_in_period(view, group.end, cue.start):
                return cue
    return None


HAS_NOW_BESIDE_TOTAL = "tally.has_now_beside_total"


CONTRAST = frozenset({"while", "but", "whereas", "although", "though", "after", "before", "when", "which", "who", ";"})


def _contrast_between(view: SentenceView, a: int, b: int) -> bool:
    return any(view.lower[k] in CONTRAST for k in range(a, b))


def _framed_by_deal(view: SentenceView, lo: int, hi: int) -> Span | None:
    """'under the Geneva accords', 'as part of the agreements', 'through its mediation', 'with UAE help'."""
    words = view.words
    for k in range(len(words)):
        if words[k] not in _FRAME_STARTS:
            continue
        for frame in AGREEMENT_FRAMES:
            if phrase_at(words, k, frame):
                window = range(view.start + k, min(view.end, view.start + k + len(frame) + 5))
                cue = next((view.cue(m) for m in window if view.cue(m) is not None
                            and view.cue(m).label_ == "AGREEMENT"), None)
                if cue is not None:
                    return Span(view.sent.doc, view.start + k, cue.end, label="TALLY")
        if words[k] in MEDIATION_WORDS and k > 0 and (words[k - 1] in ("its", "their", "his", "her")
                                                      or view.actor(view.start + k - 1) is not None):
            return Span(view.sent.doc, view.start + k - 1, view.start + k + 1, label="TALLY")
    return None


def _figure(group: Group) -> int:
    count = group.count
    if count is None:
        return 0
    return count.value or count.min or count.max or 0


def deal_total(group: Group, groups: list[Group]) -> Span | None:
    """A figure framed by an agreement or a mediator, with no day of its own, that is more than twice
    every handover figure elsewhere in the article: the sum of the deal's handovers so far."""
    view = group.view
    if _day_dated(view, view.start, view.end):
        return None
    frame = _framed_by_deal(view, view.start, view.end)
    if frame is None:
        return None
    perfect = _perfect(view, view.start, view.end)
    return frame if _exceeds(group, groups, repeats=perfect) else None


def _exceeds(group: Group, groups: list[Group], *, repeats: bool = False) -> bool:
    """More than twice every figure in the article's other sentences (and there are some).
    `repeats`: the same figure told again elsewhere ("has handed over 6,060", then "a total of 6,060
    have been delivered") is this total, not a handover beside it."""
    others = [g for g in groups if g.view is not group.view and g.count is not None
              and not (repeats and _figure(g) == _figure(group))]
    elsewhere = [_figure(g) for g in ([g for g in others if _same_kind(g, group)] or others)]
    return bool(elsewhere) and _figure(group) > 2 * max(elsewhere)


def _same_kind(a: Group, b: Group) -> bool:
    """Remains are summed with remains, the living with the living: a total of 236 remains is not outgrown by
    5,000 prisoners of war freed in another year (where the article gives figures of the total's own kind)."""
    return (a.category == "bodies") == (b.category == "bodies")


def transfer_near(group: Group) -> bool:
    """A figure is a handover only where a transfer word governs it: in its clause or close by."""
    view = group.view
    lo, hi = view.clause_bounds(group.start)
    for cue in view.cues:
        if cue.label_ in TRANSFER_LABELS or (cue.label_ == "FOR" and cue.kb_id_ != "for"):
            if lo <= cue.start < hi or min(abs(cue.start - group.end), abs(group.start - cue.end)) <= 8:
                return True
    return False


def total_group(view: SentenceView, quantity: Span) -> Group | None:
    """'puts the total number of POWs exchanged at 1,994': a figure whose people are named in the
    total phrase before it."""
    for cue, kind in _frames(view):
        if kind != "forward" or cue.end > quantity.start or quantity.start - cue.end > 30:
            continue
        count = count_of(quantity, view)
        if count is None:
            continue
        if quantity.start == cue.end and view.lower[cue.end - 1] == "to":
            group = _total_named_after(view, quantity, count)
            if group is not None:
                return group
            continue
        if not any(view.lower[k] in LINK_WORDS for k in range(max(cue.end, quantity.start - 3), quantity.start)):
            continue
        nouns = [c for c in view.cues_with("CATEGORY") if cue.start <= c.start and c.end <= quantity.start]
        demonyms = [a for a in view.actors if a.label_ == "DEMONYM" and cue.end <= a.start < quantity.start]
        if not nouns:
            # "takes the number of Palestinians released during the truce to 210": the people by nationality
            plural = [a for a in demonyms if span_text(a).lower().endswith("s")]
            if not plural:
                continue
            return Group(view=view, quantity=quantity, noun=plural[0], count=count, category="generic",
                         nationality=plural[0].kb_id_, rules=["group.quantity", "group.total_of"])
        noun = nouns[0]
        before = [a for a in demonyms if a.start < noun.start]
        group = Group(view=view, quantity=quantity, noun=noun, count=count, category=noun.kb_id_,
                      nationality=before[0].kb_id_ if before else None, rules=["group.quantity", "group.total_of"])
        _total_phrase_sides(group, view, noun.end, quantity.start)
        return group
    return None


TOTAL_PHRASE_SIDES = "tally.total_phrase_sides"
PHRASE_SIDE_LABELS = frozenset({"STATE", "CAPITAL", "GROUP"})


def _total_phrase_sides(group: Group, view: SentenceView, lo: int, hi: int) -> None:
    """'the number of bodies repatriated to Ukraine since the war began', 'the total of soldiers returned from
    Russia': a 'to' or 'from' party inside the total phrase, after its people, is the total's receiver or giver
    (TOTAL_PHRASE_SIDES); the figure after the phrase has no clause of its own where `direct` would read them."""
    for k in range(lo, hi - 1):
        word = view.lower[k]
        if word not in ("to", "from") or view.doc_index.quantity_at[k + 1] is not None:
            continue
        actor = _actor_after(view, k + 1, 3)
        if actor is None or actor.label_ not in PHRASE_SIDE_LABELS:
            continue
        if word == "to" and group.receiver is None:
            group.receiver = actor.kb_id_
        elif word == "from" and group.giver is None:
            group.giver = actor.kb_id_
        else:
            continue
        if TOTAL_PHRASE_SIDES not in group.rules:
            group.rules.append(TOTAL_PHRASE_SIDES)


TOTAL_NAMED_AFTER = "group.total_named_after"
NUMBER_OF_SPAN = 6  # tokens from the figure to the people noun of "the number of ..."


def _total_named_after(view: SentenceView, quantity: Span, count) -> Group | None:
    """'brings to about 700 the number of Taliban inmates freed', 'raised to 1,310 the total of soldiers returned':
    a figure right after a forward total phrase ending in 'to', its people named in 'the number / total of ...' after
    it (TOTAL_NAMED_AFTER)."""
    k = quantity.end
    if not (k + 2 < view.end and view.lower[k] in ("the", "its", "their") and view.lower[k + 1] in TOTAL_NOUNS
            and view.lower[k + 2] == "of"):
        return None
    limit = min(view.end, k + 3 + NUMBER_OF_SPAN)
    nouns = [c for c in view.cues_with("CATEGORY") if k + 3 <= c.start and c.end <= limit]
    if not nouns:
        return None
    noun = nouns[0]
    # "the number of Taliban inmates freed": a demonym, or an armed group named before its members
    demonyms = [a for a in view.actors if a.label_ in ("DEMONYM", "GROUP") and k + 3 <= a.start < noun.start]
    group = Group(view=view, quantity=quantity, noun=noun, count=count, category=noun.kb_id_,
                  nationality=demonyms[0].kb_id_ if demonyms else None,
                  rules=["group.quantity", "group.total_of", TOTAL_NAMED_AFTER])
    _total_phrase_sides(group, view, noun.end, min(view.end, noun.end + NUMBER_OF_SPAN))
    return group


def _transfer_after(group: Group) -> bool:
    """'4,552 Ukrainians, military and civilians, have been returned': the verb after an aside."""
    view = group.view
    limit = min(view.end, group.end + 15)
    for k in range(group.end, limit):
        if view.doc_index.quantity_at[k] is not None:
            return False
        cue = view.cue(k)
        if cue is not None and cue.label_ in TRANSFER_LABELS:
            return True
    return False


def counts_swaps(group: Group) -> bool:
    """'two body exchanges', 'three prisoner swaps': the figure counts swaps, not people."""
    noun, view = group.noun, group.view
    if noun is None or noun.end >= view.end or _figure(group) >= 100:
        return False
    return view.lower[noun.end] in SWAP_NOUNS


def find_tally(group: Group, groups: list[Group], statuses: dict[int, tuple[str, str]], *,
               done: list[Group] | None = None, totals: tuple[Group, ...] = ()) -> Tally | None:
    """The group as a running total, if a tally cue frames it and a transfer word governs it.
    `statuses`: id(group) -> (status, rule); totals are compared with completed handovers only
    (`done`: those of `groups`, when the caller has them already; `totals`: the groups read as totals so far)."""
    near = transfer_near(group) or _transfer_after(group)
    if not near and not (_frames(group.view) and group.view.has_cue(*TRANSFER_LABELS)):
        return None
    if done is None:
        done = [g for g in groups if statuses[id(g)][0] == "completed"]
    # most sentences hold no tally frame: tally_cue finds none there, with no need of the sentence's groups
    read = len(group.rules)
    cue = tally_cue(group, [g for g in groups if g.view is group.view], done, totals=totals) \
        if _frames(group.view) else None
    kinds = {f.start: k for f, k in _frames(group.view)} if cue is not None else {}
    if cue is not None and not near:
        if kinds.get(cue.start) != "forward" or "total" not in group.view.lower[cue.start:cue.end]:
            del group.rules[read:]  # (the rules tally_cue noted for a cue not taken)
            return None  # "put the number at 185": a figure told again, no total
        # "freed 45 fighters on Tuesday, bringing the total to 610": a total phrase names its figure itself,
        # however far the sentence's handover verb (FORWARD_TOTAL_RULE)
        group.rules.append(FORWARD_TOTAL_RULE)
    if cue is not None and kinds.get(cue.start) == "since_deal":
        group.rules.append(SINCE_DEAL_RULE)
    if cue is not None and kinds.get(cue.start) == "since_turn":
        group.rules.append(SINCE_TURN_RULE)
    if cue is None and statuses[id(group)][0] == "completed":
        cue = deal_total(group, done)
    if cue is not None:
        return Tally(group=group, cue=cue)
    return None


def answered_tally(group: Group, views: list[SentenceView]) -> Tally | None:
    """'HOW MANY PALESTINIANS HAVE BEEN RELEASED? Israel has freed about 1,750 prisoners.': an explainer's
    question of how many were freed, answered in the perfect tense with no day, is a running total (rule
    tally.answered_question)."""
    view = group.view
    if view.index == 0:
        return None
    question = views[view.index - 1]
    if "?" not in question.word_set or "how" not in question.word_set \
            or not has_phrase(question.word_tuple, (("how", "many"),)) or not question.has_cue(*TRANSFER_LABELS):
        return None
    lo, hi = view.clause_bounds(group.start)
    if not _perfect(view, lo, max(hi, group.end)) or _day_dated(view, view.start, view.end):
        return None
    group.rules.append("tally.answered_question")
    return Tally(group=group, cue=question.sent[question.start - question.sent.start:question.end - question.sent.start])


CONTINUING_WORDS = frozenset({"also", "further", "meanwhile", "likewise"})


def continued_tally(group: Group, tallies: list[Tally], groups: list[Group]) -> Tally | None:
    """'Since the truce began, Hamas has released 25 hostages. The remains of eight hostages have also been
    returned.': a perfect-tense figure with no day of its own, in the sentence right after a running total
    ('also', 'further', or the same period's stock-taking), sums up the same period (rule tally.continued)."""
    view = group.view
    before = [t for t in tallies if t.group.view.index in (view.index - 1, view.index) and t.group is not group]
    if not before or _frames(view):
        return None
    lo, hi = view.clause_bounds(group.start)
    if not _perfect(view, lo, max(hi, group.end)) or _day_dated(view, view.start, view.end):
        return None
    previous = before[-1]
    if counterpart_total(group, previous, groups):
        return Tally(group=group, cue=previous.cue)
    if CONTINUING_WORDS.isdisjoint(view.word_set) \
            and before[-1].group.view.index == view.index - 1:
        return None
    opening = view.sent.doc[previous.cue.start].lower_ if previous.cue.start < len(view.sent.doc) else ""
    if group.count is None or previous.cue.start - previous.group.view.start > 2 \
            or opening not in ("since", "so", "to", "until", "till", "thus", "over"):
        return None  # only a period opening the sentence before ("Since the truce began, ...") runs on
    if any(_figure(g) == _figure(group) for g in groups if g.view is not view and g.count is not None):
        return None  # the figure of a handover told elsewhere
    group.rules.append("tally.continued")
    return Tally(group=group, cue=before[-1].cue)


COUNTERPART_RULE = "tally.counterpart_total"


def counterpart_total(group: Group, previous: Tally, groups: list[Group]) -> bool:
    """'The government says it has freed 700 prisoners so far. The rebels say they have released 172 soldiers.':
    a perfect-tense figure with no day, in the sentence right after a running total, that runs the other way is
    the other side's total of the same period (COUNTERPART_RULE). The caller checked tense, day and frames."""
    if previous.group.view.index != group.view.index - 1 or group.count is None:
        return False
    ahead, back = (previous.group.giver, previous.group.receiver), (group.giver, group.receiver)
    if None in ahead or back[0] is None or back[0] != ahead[1] or back[1] not in (None, ahead[0]):
        return False
    if any(_figure(g) == _figure(group) for g in groups if g.view is not group.view and g.count is not None):
        return False  # the figure of a handover told elsewhere
    group.rules.append(COUNTERPART_RULE)
    return True


def orient_tallies(tallies: list[Tally], occasions: list[Occasion]) -> None:
    """A total with no sides of its own ("since then, we have brought back over 6,000 bodies") runs
    the way the article's completed handovers of its category run, when they all run one way."""
    for tally in tallies:
        group = tally.group
        if group.giver is not None or group.receiver is not None or group.per_side:
            continue
        if group.view.has_cue("EXCHANGE"):
            continue  # "the two sides have exchanged about 1,400": a total of both ways
        mentions = [m for occasion in occasions for m in occasion.mentions if m.group.category == group.category]
        # a swap of the category ("190 prisoners each", "a swap of 300") runs both ways
        if any(m.group.per_side or (m.group.giver is None and m.group.receiver is None
                                    and m.group.view.has_cue("EXCHANGE")) for m in mentions):
            continue
        sided = [m for m in mentions if m.group.giver is not None and m.group.receiver is not None]
        ways = {(m.group.giver, m.group.receiver) for m in sided}
        if len(ways) == 1:
            group.giver, group.receiver = next(iter(ways))
            group.rules.append("tally.sides_of_occasions")
        elif len(ways) == 2 and _opposite(ways) and _homeward(group.view):
            # "5,120 bodies have been brought home since 2019" beside a swap that ran both ways: home is
            # where the article's lead handover of the category went
            lead = min(sided, key=lambda m: (m.group.view.index, m.group.start))
            group.giver, group.receiver = lead.group.giver, lead.group.receiver
            group.rules.append("tally.home_of_lead")


def _opposite(ways: set[tuple[str, str]]) -> bool:
    (a, b), (c, d) = sorted(ways)
    return (a, b) == (d, c)


# cue ids of a handover told as a return home: "repatriated", "brought home", "came home"
HOMEWARD = frozenset({"bring_home", "home"})


def _homeward(view: SentenceView) -> bool:
    return any(c.kb_id_ in HOMEWARD for c in view.cues if c.label_ in ("RECEIVE", "HOME"))
