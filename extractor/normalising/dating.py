"""Dates for mentions: the date expression that belongs to a mention, resolved against the
publication date with the mention's tense."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Span

from ..contract import DateInterval, PartialDate
from ..recognising.extensions import date_of
from ..recognising.temporal import find_dates, resolve
from .sentences import SentenceView, span_text

NOT_EVENT_DATE_BEFORE = frozenset({"born", "since", "until", "till", "aged", "abducted", "kidnapped", "captured",
                                   "arrested", "detained", "sentenced", "convicted", "taken", "apprehended", "seized",
                                   "killed", "died", "crashed", "shot", "downed", "disappeared", "invaded", "attacked",
                                   "occupied", "elected", "appointed", "launched", "struck",
                                   # the nouns of what befell the people, a statement's own day and ties cut: "whose
                                   # capture in July 2006", "since his arrest in May", "the joint statement published on
                                   # May 7", "relations broken off in 1961"
                                   "capture", "arrest", "abduction", "kidnapping", "disappearance", "published",
                                   "issued", "broken", "severed"})
TIME_FRAME_WORDS = frozenset({"at", "in", "on", "by", "around", "about", "towards", "toward", "the", "very", "end",
                              "beginning", "start", "middle", "of", "early", "late", "mid", "then"})
DEAL_MADE = frozenset({"agreed", "signed", "reached", "struck", "concluded"})
MEETING_VERBS = frozenset({"meet", "meets", "met", "meeting", "convene", "convened", "reconvene", "reconvened"})
EVENT_CLAUSE_CUES = ("GIVE", "RECEIVE", "HOME", "EXCHANGE", "COMPLETED", "PLANNED", "ATTRIBUTION", "STAGE")


def date_span_for(view: SentenceView, i: int, *, end: int | None = None, meeting: bool = False) -> Span | None:
    """The date expression of the mention at token i: same clause first, then the nearest in the sentence.

    `meeting`: the date of a deal, which is the date of the talks (a handover's date never is)."""
    candidates = [d for d in view.dates if _usable(view, d, meeting=meeting)]
    if len(candidates) > 1:
        # "Zelensky said Wednesday that the swap would take place this weekend": the report date yields
        spoken = [d for d in candidates if after_attribution(view, d)]
        if len(spoken) < len(candidates):
            candidates = [d for d in candidates if d not in spoken]
    if not candidates:
        return None
    lo, hi = view.clause_bounds(i)
    in_clause = [d for d in candidates if lo <= d.start < hi]
    # a date from another clause counts when that clause speaks of the handover or is a bare adverbial
    pool = in_clause or [d for d in candidates if meeting or _event_clause(view, d)]
    if not pool:
        return None
    # a tie goes to the date the figure's own conjunct holds: "after 90 in January and 60 in February" (February
    # for 60), "In January Chad freed 35 soldiers and in June 50 more" (January for 35)
    return min(pool, key=lambda d: (min(abs(d.start - i), abs(d.end - i), abs(d.start - (end or i))),
                                    _across_conjuncts(view, d, i, end or i)))


CONJUNCT_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas"})


def _across_conjuncts(view: SentenceView, date: Span, start: int, end: int) -> bool:
    """A coordinator or comma stands between the figure and the date."""
    between = range(date.end, start) if date.end <= start else range(end, date.start)
    return any(view.lower[k] in CONJUNCT_BREAKS for k in between)


DEADLINE_WORDS = ("by", "before", "until", "till", "within")


def deal_day_over_deadline(view: SentenceView, span: Span | None) -> Span | None:
    """'agreed in March to return up to 800 bodies each by the end of the summer': the deadline of the
    terms is not the day of the deal; another usable date of the sentence is (None: keep `span`)."""
    if span is None or not is_deadline(view, span):
        return None
    other = [d for d in view.dates if d is not span and not is_deadline(view, d) and _usable(view, d, meeting=True)]
    return min(other, key=lambda d: abs(d.start - span.start)) if other else None


def is_deadline(view: SentenceView, date: Span) -> bool:
    """'by the end of the year', 'before June 15', 'within two weeks': a date the terms must be met by."""
    first = view.lower[date.start]
    before = view.lower[date.start - 1] if date.start > view.start else ""
    return first in DEADLINE_WORDS or before in DEADLINE_WORDS


def since_when(view: SentenceView, date: Span) -> bool:
    """'the first swap since January 15, when 150 were exchanged': the date of that earlier swap."""
    k = date.end
    if not (k + 1 < view.end and view.lower[k] == "," and view.lower[k + 1] == "when"):
        return False
    # "held since May 12, when he was caught": the when-clause must tell of a handover; an insertion right after
    # "when" is passed over: "since May 1979, when, after a month-long war, China returned 1,636"
    start = k + 2
    if start < view.end and view.lower[start] == ",":
        close = next((m for m in range(start + 1, view.end) if view.lower[m] in (",", ";", ".")), None)
        start = close + 1 if close is not None and view.lower[close] == "," else view.end
    for m in range(start, view.end):
        if view.lower[m] in (",", ";", ".", ":"):
            break
        cue = view.cue(m)
        if cue is not None and cue.label_ in ("GIVE", "RECEIVE", "HOME", "EXCHANGE", "FOR"):
            return True
    return False


ATTRIBUTIVE_SWAP_NOUNS = frozenset({"swap", "exchange", "trade", "deal", "arrangement", "handover", "agreement",
                                    "accord", "release", "prisoner", "hostage", "detainee"})


def _event_clause(view: SentenceView, date: Span) -> bool:
    return _plain_event_clause(view, date) or where_clause(view, date) or place_adverbial(view, date) \
        or fronted_after_that(view, date)


THAT_FRONTED_WIDTH = 2  # words between "that" and the date: "that in", "that early in"


def fronted_after_that(view: SentenceView, date: Span) -> bool:
    """'The commission recalled that in December 2020, after the war, the sides swapped ...': a date fronted in
    a that-clause, closing its clause, is a bare time adverbial of the clause's verb after it (date.that_fronted)."""
    lo, hi = view.clause_bounds(date.start)
    if date.end != hi or hi >= view.end or view.lower[hi] != ",":
        return False
    that = next((k for k in range(date.start - 1, max(lo, date.start - THAT_FRONTED_WIDTH - 1) - 1, -1)
                 if view.lower[k] == "that"), None)
    return that is not None and all(view.lower[k] in TIME_FRAME_WORDS or view.lower[k] in DATE_PREPOSITIONS
                                    for k in range(that + 1, date.start))


def _plain_event_clause(view: SentenceView, date: Span) -> bool:
    if date.end < view.end and view.lower[date.end] in ATTRIBUTIVE_SWAP_NOUNS and date.start > view.start \
            and view.lower[date.start - 1] == "the":
        return True  # "the 2023 arrangement under which five were freed": the date of that swap
    lo, hi = view.clause_bounds(date.start)
    if hi - lo - len(date) <= 3:
        return True
    # "Towards the end of last November, ...": a time adverbial clause of framing words only
    if all(view.lower[k] in TIME_FRAME_WORDS or not view.lower[k].isalpha() for k in range(lo, hi)
           if not date.start <= k < date.end):
        return True
    if hi + 1 < view.end and view.lower[hi] == "," and view.lower[hi + 1] == "when":
        return True  # "the last round went ahead on February 14, when three hostages were freed"
    return any(c.label_ in EVENT_CLAUSE_CUES for c in view.in_range(view.cues, lo, hi))


HANDOVER_LABELS = ("GIVE", "RECEIVE", "HOME", "EXCHANGE", "FOR")
LOCATIVE_OPENERS = frozenset({"at", "near", "in", "outside", "inside", "on", "across", "along", "beside", "by"})
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "while", "after", "before"})
DATE_PREPOSITIONS = frozenset({"on", "in", "during"})
PLACE_CLAUSE_WIDTH = 10  # tokens of a place phrase with its date: "at the Safwan border crossing on Wednesday"


def where_clause(view: SentenceView, date: Span) -> bool:
    """'I remember a field near the border in January 1997, where 30 conscripts were traded': the date of the
    clause a where-clause of a handover hangs on."""
    hi = view.clause_bounds(date.start)[1]
    return hi + 2 < view.end and view.lower[hi] == "," and view.lower[hi + 1] == "where" and _handover_after(view, hi + 2)


def adverbial_rule(view: SentenceView, date: Span, mention: int) -> str | None:
    """The rule that lent the mention at token `mention` a date from another clause of its sentence."""
    lo, hi = view.clause_bounds(mention)
    if lo <= date.start < hi or _plain_event_clause(view, date):
        return None
    if place_adverbial(view, date):
        return "date.place_adverbial"
    if where_clause(view, date):
        return "date.where_clause"
    if fronted_after_that(view, date):
        return "date.that_fronted"
    return None


def _handover_after(view: SentenceView, k: int) -> bool:
    """A handover cue in the clause that starts at token k."""
    lo, hi = view.clause_bounds(min(k, view.end - 1))
    return any(c.label_ in HANDOVER_LABELS for c in view.in_range(view.cues, lo, hi))


def place_adverbial(view: SentenceView, date: Span) -> bool:
    """A clause of its own made only of a place phrase and the date ('at the Safwan border crossing on
    Wednesday', 'near the river in May'): a bare adverbial of the handover told in the sentence, cut off
    from it by a relative clause."""
    lo, hi = view.clause_bounds(date.start)
    if hi - lo > PLACE_CLAUSE_WIDTH or view.lower[lo] not in LOCATIVE_OPENERS or date.start == lo:
        return False
    # the place phrase follows a comma and ends with its date: "..., at the crossing on Wednesday,"
    ends = date.end == hi or (date.end < view.end and view.lower[date.end] in (".", ";", "!", "?"))
    if lo == view.start or view.lower[lo - 1] != "," or not ends \
            or view.lower[date.start - 1] not in DATE_PREPOSITIONS and view.lower[date.start] not in DATE_PREPOSITIONS:
        return False
    if any(view.lower[k] in RELATIVE_WORDS for k in range(lo, hi)):
        return False
    return not [c for c in view.in_range(view.cues, lo, hi) if not (c.start >= date.start and c.end <= date.end)]


def after_attribution(view: SentenceView, date: Span) -> bool:
    for k in range(max(view.start, date.start - 2), date.start):
        cue = view.cue(k)
        if cue is not None and cue.label_ == "ATTRIBUTION":
            return True
    return False


ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "of", "for", "and", "all", "some",
                                "several", "two", "three", "four", "five", "other", "more"})


def _modifies_a_person(view: SentenceView, k: int, end: int) -> bool:
    """'freed X in return for convicted arms dealer Y in December 2022': the participle is an adjective
    of the person noun after it, so the date is not the day of the conviction. So too of a counted group
    ('exchanged 31 detained border guards on Sunday', 'the captured soldiers were freed on Friday': rule
    date.attributive_participle), where a figure, an article or a preposition stands before the participle."""
    def noun(m: int, labels: tuple[str, ...]) -> bool:
        cue = view.cue(m)
        return cue is not None and cue.label_ in labels
    if any(noun(m, ("PERSON",)) for m in range(k + 1, min(end, k + 4))):
        return True
    if not view.lower[k].endswith("ed"):
        return False  # a participle ("detained", "captured"), not "since" or "aged"
    if noun(k, ("CATEGORY", "PERSON")):
        return True  # "captured soldiers" is itself a noun of the cue gazetteer
    before = k - 1
    if before < view.start or not (view.doc_index.quantity_at[before] is not None
                                   or view.lower[before] in ATTRIBUTIVE_BEFORE
                                   or noun(before, ("GIVE", "RECEIVE", "EXCHANGE"))):
        return False

    def people_noun_end(m: int) -> int | None:
        span = view.cue(m) if noun(m, ("CATEGORY",)) else view.actor(m)
        if span is None or (span.label_ != "CATEGORY" and span.label_ != "DEMONYM"):
            return None
        return span.end
    # the date right after the people ("31 detained border guards on Sunday"), not after a clause about
    # them ("two detained Americans to a hospital on Tuesday")
    return any((e := people_noun_end(m)) is not None and end - e <= 1 for m in range(k + 1, min(end, k + 4)))


def _usable(view: SentenceView, date: Span, *, meeting: bool = False) -> bool:
    key = ("dating._usable", date.start, meeting)  # asked again for every mention of the sentence
    found = view.memo.get(key)
    if found is None:
        found = view.memo[key] = _usable_now(view, date, meeting=meeting)
    return found  # type: ignore[return-value]


def _usable_now(view: SentenceView, date: Span, *, meeting: bool) -> bool:
    doc = view.sent.doc
    lo, hi = view.clause_bounds(date.start)
    for k in range(max(lo, date.start - 8), date.start):
        if view.lower[k] in NOT_EVENT_DATE_BEFORE and not _modifies_a_person(view, k, date.start) \
                and not (meeting and any(view.lower[m] in DEAL_MADE for m in range(k + 1, date.start))):
            return False  # (but "since the sides agreed in August": the deal's date all the same)
    if _in_relative_clause(view, date):
        return False
    if not meeting and date.end < view.end and view.lower[date.end] == "to" \
            and any(view.lower[k] in DEAL_MADE for k in range(max(lo, date.start - 6), date.start)):
        return False  # "agreed in Istanbul on Monday to exchange 1,200": the day of the deal, not of the swap
    # "the June 2 Istanbul talks", "agreed at talks in Istanbul last month": when they met, not a handover
    for k in list(range(date.end, min(view.end, date.end + 3))) + list(range(max(view.start, date.start - 4), date.start)):
        cue = view.cue(k)
        if cue is not None and cue.label_ == "TALKS" and not meeting:
            return False
    # "agreed to free 40 each and to meet again in April": the day of a meeting, not of a handover
    if not meeting and any(view.lower[k] in MEETING_VERBS for k in range(max(lo, date.start - 4), date.start)):
        return False
    if span_text(date).lower().startswith("since") and not since_when(view, date):
        return False
    if any(view.lower[k] == "such" for k in range(max(lo, date.start - 3), date.start)):
        return False  # "the sixth such transfer this year": a count of swaps, not the day of this one
    # a dateline: "MOSCOW, May 22 - Russia handed over ..."
    if date.start - view.start <= 4 and date.end < view.end and doc[date.end].text in ("-", "–", "—", ":", "("):
        return False
    if "ago" in span_text(date).lower() and "year" in span_text(date).lower():
        return False
    match = date_of(date)
    return match is not None and not history_date(view, date)


RELATIVES = frozenset({"who", "whom"})  # people; "the operation, which started on Friday," is the occasion
TRANSFER_VERB_LABELS = frozenset({"GIVE", "RECEIVE", "HOME", "EXCHANGE"})


def _in_relative_clause(view: SentenceView, date: Span) -> bool:
    """'two soldiers who had crossed the border after losing their way last November had been handed
    over': a date inside a relative clause about the people, before the verb that hands them over, is
    when something happened to them, not the handover (rule date.relative_clause)."""
    rel = next((k for k in range(date.start - 1, max(view.start, date.start - 14) - 1, -1)
                if view.lower[k] in RELATIVES), None) or next(
        (k for k in range(date.start - 15, max(view.start, date.start - 24) - 1, -1) if view.lower[k] in RELATIVES
         and not any(view.lower[m] in (",", ";", ":") for m in range(k, date.start))), None)
    if rel is None or any(view.lower[k] in (";", ":") for k in range(rel, date.start)):
        return False
    def transfer(k: int, labels: frozenset[str] = TRANSFER_VERB_LABELS) -> bool:
        cue = view.cue(k)
        return cue is not None and cue.label_ in labels
    # (who "had crossed into" the other country is where they went astray, not a handover to them)
    if any(transfer(k, TRANSFER_VERB_LABELS - {"HOME"}) for k in range(rel, date.start)):
        return False
    # an aside set off by commas after the people ("released Griner, who was jailed in February, on Thursday")
    if rel > view.start and view.lower[rel - 1] == "," and date.end < view.end and view.lower[date.end] == "," \
            and "," not in view.lower[rel:date.start]:
        return True
    # the sentence's own transfer verb comes after the clause
    return any(transfer(k) for k in range(date.end, view.end)) \
        and not any(transfer(k) for k in range(view.start, rel))


def usable_date(view: SentenceView, date: Span) -> bool:
    """May this date expression date a handover at all (see _usable)?"""
    return _usable(view, date)


def history_date(view: SentenceView, date: Span) -> bool:
    """'since the start of the full-scale war in February 2022', 'the invasion began in 2022': a date
    with a year told of the war's history, never the day of a handover."""
    war = _war_before(view, date)
    return war is not None and not _occasion_after_war(view, war, date.start)


def occasion_after_war(view: SentenceView, date: Span) -> bool:
    """Is `date` a year's date that a war noun before it would make history, but for the occasion it dates?"""
    war = _war_before(view, date)
    return war is not None and _occasion_after_war(view, war, date.start)


WAR_REACH = 5  # tokens before a date with a year where a war noun makes it the war's history


def _war_before(view: SentenceView, date: Span) -> int | None:
    """The token of a war noun just before a date that states a year."""
    match = date_of(date)
    if match is None or not getattr(match, "year", None):
        return None
    return next((k for k in range(date.start - 1, max(view.start, date.start - WAR_REACH) - 1, -1)
                 if view.lower[k] in WAR_NOUNS), None)


OCCURRED = frozenset({"took", "happened", "occurred"})
OCCASION_BEFORE_WAR = 5  # tokens: "the first exchange after the war"


def _occasion_after_war(view: SentenceView, war: int, date_start: int) -> bool:
    """'the first exchange after the war took place on December 14, 2020': the war noun ends the occasion's own
    subject and the date is the day that occasion took place (rule date.occasion_after_war)."""
    return any(view.lower[k] in OCCURRED for k in range(war + 1, date_start)) \
        and any(view.lower[k] in OCCASION_NOUNS for k in range(max(view.start, war - OCCASION_BEFORE_WAR), war))


def resolve_span(date: Span | None, *, published: PartialDate | None, status: str,
                 year_hint: int | None, cancelled: bool = False) -> DateInterval | None:
    if date is None or date_of(date) is None:
        return None
    tense = "future" if status == "planned" else "past"
    match = date_of(date)
    if match.kind == "bounded" and match.bound == "since" and match.base_kind:
        match = dataclasses.replace(match, kind=match.base_kind, bound=None, base_kind=None)
    try:
        if cancelled and published is not None and published.full is not None:
            # "the swap scheduled for Saturday was postponed": the Saturday nearest to the report
            options = [resolve(match, published=published, tense=t, year_hint=year_hint) for t in ("past", "future")]
            options = [o for o in options if o is not None and o.start is not None]
            if options:
                return min(options, key=lambda o: (abs((o.start - published.full).days), o.start))
        return resolve(match, published=published, tense=tense, year_hint=year_hint)
    except (ValueError, OverflowError):
        return None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def same_day(a: str | None, b: str | None) -> bool:
    """Keys of the same day: equal, or a weekday name and a resolved day that falls on it."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    for word, other in ((a, b), (b, a)):
        name = next((w for w in WEEKDAYS if w in word), None)
        if name and "/" in other:
            start, _, end = other.partition("/")
            if start == end and start != "None":
                import datetime as dt

                try:
                    return WEEKDAYS[dt.date.fromisoformat(start).weekday()] == name
                except ValueError:
                    return False
    return False


def date_key(date: Span | None, interval: DateInterval | None) -> str | None:
    """What makes two mentions 'the same day': the resolved interval, else the words themselves."""
    if interval is not None:
        return f"{interval.start}/{interval.end}"
    if date is not None:
        return span_text(date).lower().strip()
    return None


WAR_NOUNS = frozenset({"invasion", "war", "conflict", "offensive", "incursion", "outbreak", "fighting", "hostilities"})
# "since the invasion began in February 2022", "the war that started in 2014": a year of the war's
# history, not of the handovers the article reports
HISTORY_WORDS = frozenset({"invasion", "war", "conflict", "began", "begun", "started", "offensive", "incursion",
                           "outbreak", "fighting", "toughened", "imposed"})


def year_hint_of(views: list[SentenceView]) -> int | None:
    """A year the article states outright for a handover, for dates that give none: the first
    usable date with a year in a sentence that speaks of a transfer, its status or its stage."""
    for view in views:
        if not view.has_cue(*EVENT_CLAUSE_CUES):
            continue
        for date in view.dates:
            match = date_of(date)
            if match is None or not getattr(match, "year", None) or not _usable(view, date):
                continue
            if any(view.lower[k] in HISTORY_WORDS for k in range(max(view.start, date.start - 6), date.start)):
                continue  # (a wider window than history_date: a hint must be sure)
            return match.year
    return None


ANAPHORA = {("earlier", "in", "the", "day"): 0, ("later", "in", "the", "day"): 0, ("that", "day"): 0, ("the", "same", "day"): 0, ("the", "following", "day"): 1, ("the", "next", "day"): 1,
            ("the", "previous", "day"): -1, ("the", "day", "before"): -1, ("a", "day", "earlier"): -1,
            ("a", "day", "later"): 1, ("at", "the", "time"): 0, ("on", "that", "occasion"): 0,
            ("on", "that", "day"): 0}
_PADDED_ANAPHORA = tuple((" " + " ".join(phrase) + " ", shift) for phrase, shift in ANAPHORA.items())


def anaphor_at(view: SentenceView) -> int | None:
    """The token where the sentence's day anaphor ('the day before', 'that day') starts."""
    words = view.lower
    for k in range(view.start, view.end):
        for phrase in ANAPHORA:
            if tuple(words[k:k + len(phrase)]) == phrase:
                return k
    return None


def anaphoric_date(view: SentenceView, views: list[SentenceView], *, published: PartialDate | None,
                   year_hint: int | None) -> tuple[Span, DateInterval] | None:
    """'that day', 'the following day': a day counted from the last day the article named before."""
    text = view.padded_text
    offset = next((shift for padded, shift in _PADDED_ANAPHORA if padded in text), None)
    if offset is None:
        return None
    for earlier in reversed(views[max(0, view.index - 5):view.index + 1]):
        for date in reversed(earlier.dates):
            if earlier is view and offset != 0:
                continue
            interval = resolve_span(date, published=published, status="completed", year_hint=year_hint)
            if interval is not None and interval.precision == "day" and interval.start == interval.end \
                    and interval.start is not None:
                day = interval.start + dt.timedelta(days=offset)
                return date, DateInterval(start=day, end=day, precision="day")
    return None


STAGE_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
STAGE_TALKS = frozenset({"talks", "negotiations", "consultations", "meetings", "discussions"})
STAGE_DAY_OPENING = 3  # tokens from the sentence start: "On the second day, ..."


def day_stage(view: SentenceView) -> int | None:
    """'On the second day, ...', 'Day two: ...': the number of the swap's day a sentence opens with (not 'On the
    second day of talks')."""
    for cue in view.cues_with("STAGE"):
        words = view.lower[cue.start:cue.end]
        if "day" in words and cue.start - view.start <= STAGE_DAY_OPENING \
                and not STAGE_TALKS.intersection(view.lower[cue.end:min(view.end, cue.end + 6)]):
            number = next((STAGE_NUMBERS[w] for w in words if w in STAGE_NUMBERS), None)
            if number is not None:
                return number
    return None


def stage_day_date(view: SentenceView, views: list[SentenceView], *, published: PartialDate | None,
                   year_hint: int | None) -> tuple[Span, DateInterval] | None:
    """'On the first day, 11 March, ... On the second day, Chad freed 22 Sudanese soldiers': the Nth day of
    a swap told day by day, placed from the day the article gives its Mth day (rule date.stage_day)."""
    number = day_stage(view)
    if number is None or view.dates:
        return None
    for earlier in reversed(views[max(0, view.index - 5):view.index]):
        told = day_stage(earlier)
        if told is None or told == number:
            continue
        for date in earlier.dates:
            interval = resolve_span(date, published=published, status="completed", year_hint=year_hint)
            if interval is not None and interval.precision == "day" and interval.start == interval.end \
                    and interval.start is not None:
                day = interval.start + dt.timedelta(days=number - told)
                return date, DateInterval(start=day, end=day, precision="day")
        return None
    return None


DATELINE_LINES = 6      # a dateline or time stamp stands among the first lines of the text
DATELINE_WIDTH = 60     # characters: a line of its own, not a sentence that happens to give a date
DATELINE_WORDS = 3      # words beside the date: "MIN READ ... GMT", "Updated", "Published"
_GLUED_CAPITAL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z])")


def dateline_day(text: str, published: PartialDate | None) -> PartialDate | None:
    """An article without a full publication date: the day of its dateline or time stamp near the
    top ('13:09 17.07.2025', 'Sep 22, 2022 | 20:36 GMT') stands for it, so that 'on Thursday' and
    'today' can be placed. It must agree with a partial publication date ('2024-02')."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) > DATELINE_WIDTH:
            continue
        spaced = _GLUED_CAPITAL.sub(" ", line)
        for match in find_dates(spaced):
            if match.kind != "absolute" or match.year is None or match.day is None or match.month is None:
                continue
            rest = spaced[:match.start] + " " + spaced[match.end:]
            if len(re.findall(r"[A-Za-z]+", rest)) > DATELINE_WORDS:
                continue
            if published is not None and (published.year != match.year
                                          or (published.month is not None and published.month != match.month)):
                continue
            try:
                dt.date(match.year, match.month, match.day)  # '29 February 2023' is no day
                return PartialDate(year=match.year, month=match.month, day=match.day)
            except ValueError:
                continue
    return None


# a monitoring service's transcript: "Text of report by Iranian radio on 16 March", "Excerpt from report by
# Azerbaijani state television on 22 March 1999" (a broadcast carried a day or two later)
BROADCAST_OPENERS = (("text", "of"), ("excerpt", "from"), ("excerpts", "from"), ("summary", "of"),
                     ("translation", "of"))
BROADCAST_WIDTH = 120  # characters: the header line, not a sentence of the report
BROADCAST_LAG = 7      # days: a transcript carries a broadcast of the past week
BROADCAST_LINES = 2    # the title, then the header


def broadcast_day(text: str, published: PartialDate | None) -> PartialDate | None:
    """The day of the broadcast a transcript carries, stated in its header line and up to a week before
    `published`: the transcript's 'today' and weekdays are of that day (rule date.broadcast_day)."""
    if published is None or published.full is None:
        return None
    # the header opens the text, under the title when there is one
    heads = [line.strip() for line in text.split("\n") if line.strip()][:BROADCAST_LINES]
    first = next((line for line in heads if len(line) <= BROADCAST_WIDTH
                  and any(tuple(line.lower().split()[:len(p)]) == p for p in BROADCAST_OPENERS)), None)
    if first is None:
        return None
    days = [m for m in find_dates(first) if m.kind in ("absolute", "month_day") and m.month and m.day]
    # the header ends with its day and no full stop: not "Text of the deal signed on 12 March was not published."
    if not days or first.rstrip().endswith(".") or days[-1].end < len(first.rstrip()):
        return None
    match = days[-1]
    year = match.year or published.year
    try:
        day = dt.date(year, match.month, match.day)
        if match.year is None and day > published.full:
            day = dt.date(year - 1, match.month, match.day)  # "on 31 December" carried on 2 January
    except ValueError:
        return None
    if not 0 <= (published.full - day).days <= BROADCAST_LAG:
        return None
    return PartialDate(year=day.year, month=day.month, day=day.day)


OCCASION_NOUNS = frozenset({"swap", "exchange", "handover", "hand-over", "release", "transfer", "repatriation", "trade",
                            "swaps", "exchanges", "handovers", "releases", "transfers"})
OCCASION_OPENERS = frozenset({"the", "that", "this", "actual", "prisoner", "prisoners", "hostage", "pow", "itself",
                              "whole", "entire", "first", "last", "final"})
OCCURRENCE_WORDS = frozenset({"took", "lasted", "began", "started", "ended", "unfolded", "came"})
OCCASION_REACH = 4  # tokens from the sentence start to the occasion noun: "The prisoner handover itself"


def occasion_day(view: SentenceView) -> Span | None:
    """'The handover took place on Monday near the border.', 'The swap itself took three hours on Wednesday.': a
    sentence whose subject is the occasion and whose verb tells it happened, with one date and no people of
    its own, gives the day of the handover told beside it (rule date.occasion_sentence)."""
    if view.lower[view.start] not in ("the", "that", "this"):
        return None
    noun = next((k for k in range(view.start, min(view.end, view.start + OCCASION_REACH + 1))
                 if view.lower[k] in OCCASION_NOUNS), None)
    if noun is None or any(view.lower[k] not in OCCASION_OPENERS for k in range(view.start, noun)):
        return None
    k = noun + 1
    while k < view.end and view.lower[k] in ("itself", "finally", "eventually", "then"):
        k += 1
    if k >= view.end:
        return None
    cue = view.cue(k)
    if view.lower[k] not in OCCURRENCE_WORDS and (cue is None or cue.label_ != "COMPLETED" or cue.start != k):
        return None
    usable = [d for d in view.dates if not after_attribution(view, d)]
    if len(usable) != 1:
        return None
    if any(c.label_ == "CATEGORY" for c in view.cues if c.start > k):
        return None  # "The handover took place on Monday, when 40 soldiers crossed": a mention of its own
    return usable[0]


SEQUEL_VERBS = frozenset({"followed", "follows", "preceded"})


def day_of_what_preceded(view: SentenceView, date: Span) -> bool:
    """'The swap followed a hotline conversation between the two armies last week', 'The exchange came after talks
    in Muscat last month': a sentence about the occasion told already whose date is that of what came before it,
    not the handover's (rule date.what_preceded)."""
    first = next((k for k in range(view.start, view.end) if view.lower[k].strip()), view.end)
    if first >= view.end or view.lower[first] not in ("the", "this", "that"):
        return False
    noun = next((k for k in range(first + 1, min(view.end, first + 4)) if view.lower[k] in OCCASION_NOUNS), None)
    if noun is None or noun + 2 >= view.end:
        return False
    verb = noun + 1
    sequel = view.lower[verb] in SEQUEL_VERBS or (view.lower[verb] in ("came", "comes") and view.lower[verb + 1] == "after")
    return sequel and date.start > verb


def occasion_day_near(view: SentenceView, views: list[SentenceView]) -> Span | None:
    """The day of a handover told in the sentence after it ('... the group said on Tuesday. The handover took
    place on Monday.') or before it, with no other date between."""
    if view.index + 1 < len(views):
        found = occasion_day(views[view.index + 1])
        if found is not None:
            return found
    for earlier in reversed(views[max(0, view.index - 3):view.index]):
        found = occasion_day(earlier)
        if found is not None:
            return found
        if earlier.dates:
            return None
    return None


ENTRY_MARKS = frozenset({"-", "\u2013", "\u2014", ":"})
TIMELINE_ENTRIES = 2  # paragraphs opening with a date and a dash: a timeline


def _entry_date(view: SentenceView) -> Span | None:
    """'January 25 - Four soldiers are handed over ...': the date that opens a paragraph, then a dash or colon."""
    k = view.start
    while k < view.end and not view.lower[k].strip():
        k += 1
    date = next((d for d in view.dates if d.start == k), None)
    if date is None or date.end >= view.end or view.lower[date.end] not in ENTRY_MARKS:
        return None
    return date


def _paragraph_start(view: SentenceView, views: list[SentenceView]) -> SentenceView:
    k = view.index
    while k > 0 and not views[k - 1].text.endswith("\n"):
        k -= 1
    return views[k]


def _timeline_entries(views: list[SentenceView]) -> dict[int, Span]:
    """Index of each paragraph's first sentence -> the date that opens it, for paragraphs that open with one."""
    memo = views[0].memo
    entries = memo.get("dating.timeline_entries")
    if entries is None:
        entries = memo["dating.timeline_entries"] = {
            v.index: d for v in views if (v.index == 0 or views[v.index - 1].text.endswith("\n"))
            and (d := _entry_date(v)) is not None}
    return entries  # type: ignore[return-value]


def timeline_entry_date(view: SentenceView, views: list[SentenceView]) -> Span | None:
    """In a timeline (two or more paragraphs that open with a date and a dash), the date that opens the
    sentence's paragraph dates its handovers (rule date.timeline_entry)."""
    if not views:
        return None
    entries = _timeline_entries(views)
    if len(entries) < TIMELINE_ENTRIES:
        return None
    return entries.get(_paragraph_start(view, views).index)


def _running_years(entries: dict[int, Span]) -> dict[int, int]:
    """Entry index -> the year it stands under: the last year an entry stated, one more each time the months
    turn back ('November 30 - ...', 'January 4 - ...')."""
    years: dict[int, int] = {}
    year, month = None, None
    for index in sorted(entries):
        match = date_of(entries[index])
        if match is None:
            continue
        if getattr(match, "year", None):
            year, month = match.year, match.month
        elif year is not None and match.month is not None:
            if month is not None and match.month < month:
                year += 1
            month = match.month
        if year is not None:
            years[index] = year
    return years


YEARLESS_KINDS = frozenset({"month_day", "month"})


def timeline_year(view: SentenceView, views: list[SentenceView], date: Span) -> int | None:
    """In a timeline whose entries give the year only now and then ('October 6, 1973 - ...', 'November 15-22 -
    ...', 'January 18, 1974 - ...', 'June 6 - ...'), the year a date without one stands under: that of the entry
    the sentence belongs to, not the publication's (rule date.timeline_year)."""
    match = date_of(date)
    if not views or match is None or match.kind not in YEARLESS_KINDS or getattr(match, "year", None):
        return None
    entries = _timeline_entries(views)
    if len(entries) < TIMELINE_ENTRIES:
        return None
    memo = views[0].memo
    years = memo.get("dating.timeline_years")
    if years is None:
        years = memo["dating.timeline_years"] = _running_years(entries)
    start = _paragraph_start(view, views).index
    under = [index for index in years if index <= start]  # type: ignore[union-attr]
    return years[max(under)] if under else None  # type: ignore[index]


DAY_HEADERS = 2  # paragraphs that hold a day and nothing else: a live blog's days
HEADER_KINDS = frozenset({"absolute", "month_day"})
HEADED_KINDS = frozenset({"relative", "weekday"})  # dates told from the day of the entry: "this morning", "Tuesday"


def _header_date(view: SentenceView, views: list[SentenceView]) -> Span | None:
    """'FRIDAY 23 JANUARY', 'Thursday, 14 March': a paragraph of its own that is one day and nothing else."""
    alone = (view.index == 0 or views[view.index - 1].text.endswith("\n")) \
        and (view.text.endswith("\n") or view.index == len(views) - 1)
    if not alone or len(view.dates) != 1:
        return None
    date = view.dates[0]
    match = date_of(date)
    if match is None or match.kind not in HEADER_KINDS or match.day is None:
        return None
    words = [k for k in range(view.start, view.end) if view.lower[k].strip() and view.lower[k] not in (",", ".")]
    return date if all(date.start <= k < date.end for k in words) else None


def day_header(view: SentenceView, views: list[SentenceView]) -> Span | None:
    """In a live blog that heads each day's entries with a line of its own ('FRIDAY 23 JANUARY' ... 'SATURDAY 24
    JANUARY'), the day the sentence stands under: its handovers' day, and the day its 'this morning' counts from
    (rule date.day_header)."""
    if not views:
        return None
    memo = views[0].memo
    headers = memo.get("dating.day_headers")
    if headers is None:
        headers = memo["dating.day_headers"] = {v.index: d for v in views if (d := _header_date(v, views)) is not None}
    if len(headers) < DAY_HEADERS:  # type: ignore[arg-type]
        return None
    under = [index for index in headers if index < view.index]  # type: ignore[union-attr]
    return headers[max(under)] if under else None  # type: ignore[index]


def headed_day(date: Span | None, header: Span, *, published: PartialDate | None, status: str,
               year_hint: int | None) -> DateInterval | None:
    """A date told from the day of the live blog's entry ('this morning', 'yesterday', 'on Tuesday'), resolved
    against the header's day instead of the publication's; None for a date that needs no header."""
    day = resolve_span(header, published=published, status="completed", year_hint=year_hint)
    if day is None or day.start is None or day.start != day.end:
        return None
    if date is None:
        return day
    match = date_of(date)
    if match is None or match.kind not in HEADED_KINDS:
        return None
    return resolve_span(date, published=PartialDate(year=day.start.year, month=day.start.month, day=day.start.day),
                        status=status, year_hint=year_hint)
