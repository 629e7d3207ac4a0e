"""Agreement terms: a figure a deal sets for future handovers ("agreed to return up to 6,000
bodies on each side") is a term of an agreement, not a planned exchange occasion."""

from __future__ import annotations

from spacy.tokens import Span

from ..recognising.extensions import date_of
from .dating import date_span_for
from .counts import BATCHES_RULE
from .groups import Group, uncounted_group
from .sentences import SentenceView, has_phrase, span_text
from .status import TRANSFER_LABELS, is_past_verb

TERM_MIN_VALUE = 5000


AGREED = frozenset({"agreed", "agreement", "reached an agreement", "reached agreement", "reached a deal",
                    "was reached", "were reached", "was agreed", "were agreed", "was signed", "were signed",
                    "struck a deal", "deal", "agreements"})


FORMULA_WORDS = frozenset({"format", "formula", "deal", "agreement", "agreements", "arrangement", "framework"})


def agreement_talk(view: SentenceView) -> bool:
    return view.has_cue("AGREEMENT") or any(text.startswith(("agree", "pledge", "promise", "vowed"))
                                            for text in view.cue_texts)


SWAP_WORDS = frozenset({"swap", "exchange", "handover", "release", "repatriation", "stage", "round"})
OCCASION_MARKERS = frozenset({"latest", "today's", "this", "tonight's", "friday's", "saturday's", "sunday's",
                              "monday's", "tuesday's", "wednesday's", "thursday's"})


def _staged_swap(view: SentenceView) -> bool:
    """'50 hostages over the next four days', 'over the course of the truce': the figure of a swap
    handed over in stages, an occasion under way rather than a deal's term."""
    words = view.words
    for k, word in enumerate(words):
        if word == "over" and ("days" in words[k + 1:k + 5] or words[k + 1:k + 4] == ["the", "course", "of"]):
            return True
    return False


def _one_occasion(view: SentenceView, group: Group) -> bool:
    """'500 prisoners were due to be exchanged in the latest swap': the figure of one named swap."""
    words = [view.lower[k] for k in range(group.end, view.end)]
    return any(w in OCCASION_MARKERS and any(x in SWAP_WORDS for x in words[i + 1:i + 3])
               for i, w in enumerate(words))


# the handover is set for the day of the report: its figures are that day's occasion, not a deal's terms
THIS_DAY = (("today", "is", "the", "day"), ("the", "day", "set", "for"), ("today", "'s"), ("tonight", "'s"),
            ("later", "today"), ("expected", "today"), ("due", "today"), ("later", "tonight"))


def _this_day(view: SentenceView) -> bool:
    return has_phrase(view.words, THIS_DAY)


DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "ceasefire", "cease-fire", "truce", "plan", "framework"})


def _phase(view: SentenceView) -> bool:
    """'the first of 33 that Hamas is to release in the first phase of the deal': a phase of a deal
    (not 'the second phase of the exchange', a stage of one swap)."""
    words = view.words
    return any(w in ("phase", "phases") and (any(x in DEAL_NOUNS for x in words[k + 1:k + 5])
                                            or (k > 1 and words[k - 2] == "its" and view.has_cue("AGREEMENT")))
               for k, w in enumerate(words))


def _past_verb_governs(view: SentenceView, group: Group) -> bool:
    lo, hi = view.clause_bounds(group.start)
    return any(c.label_ in TRANSFER_LABELS and is_past_verb(c) and (c.start - lo < 3 or view.lower[c.start - 1] in
                                                                    ("were", "was", "have", "has", "had", "been")
                                                                    or _after_its_subject(view, c, lo, group))
               for c in view.in_range(view.cues, lo, hi))


SUBJECT_VERB_RULE = "agreement.subject_past_verb"
# words between a subject and its verb that tell when: "Hamas yesterday handed over", "the ELN on Monday freed"
WHEN_WORDS = frozenset({"yesterday", "today", "tonight", "also", "then", "finally", "later", "earlier", "reportedly",
                        "on", "in", "last", "this", "early", "late"})
SUBJECT_OPENING = 3  # tokens from the clause start to the subject: "In a historic day, the resistance"


def _after_its_subject(view: SentenceView, verb: Span, lo: int, group: Group) -> bool:
    """'The ELN on Monday freed 14 soldiers under the first phase of the deal', 'Hamas yesterday handed over to the
    Red Cross the 12 hostages': a past verb before the group whose subject, a party near the clause start, is
    parted from it only by words and dates of when, tells the handover done (SUBJECT_VERB_RULE)."""
    if verb.end > group.start:
        return False
    k = verb.start - 1
    while k >= lo:
        date = next((d for d in view.dates if d.start <= k < d.end), None)
        if date is not None:
            k = date.start - 1
        elif view.lower[k] in WHEN_WORDS:
            k -= 1
        else:
            break
    actor = view.actor(k) if k >= lo else None
    if actor is None or actor.start - lo > SUBJECT_OPENING:
        return False
    group.rules.append(SUBJECT_VERB_RULE)
    return True


# a deal's own words for what it binds the sides to: "the accord committed the two sides to release",
# "the deal provides for", "the agreement calls for", "it stipulates"
COMMIT_WORDS = frozenset({"committed", "commits", "commit", "obliges", "obliged", "obligates", "binds", "bound",
                          "stipulates", "stipulated", "requires", "required", "foresees", "foresaw", "envisages",
                          "envisaged"})
COMMIT_FOR = frozenset({"provides", "provided", "provide", "calls", "called", "call"})
DEAL_SUBJECTS = DEAL_NOUNS | frozenset({"accord", "protocol", "memorandum", "pact", "treaty", "arrangement", "text",
                                        "document", "terms", "agreements", "accords", "deals"})
DEAL_PRONOUNS = frozenset({"it", "which", "that"})
TERMS_OPENINGS = (("among", "its", "terms"), ("among", "the", "terms"), ("under", "the", "terms"),
                  ("under", "its", "terms"), ("under", "their", "terms"))
RELATIVES = frozenset({"which", "whereby"})
RELATIVE_REACH = 4  # tokens from the relative pronoun to the commit word ("under which the parties committed")
SUBJECT_REACH = 12  # tokens from the deal noun to its verb ("the deal reached by Colombia and the ELN in Havana provides for")


def deal_commits(view: SentenceView, views: list[SentenceView]) -> bool:
    """The deal itself is the subject of what it binds the sides to ("the accord committed the two sides
    to release", "the deal provides for the release of", "it stipulates"), or the sentence opens on its
    terms ("Among its terms:", "Under the terms, each side will free"): its figures are the deal's terms,
    not a handover told under it."""
    words = view.words
    if any(tuple(words[:3]) == opening for opening in TERMS_OPENINGS):
        return True
    for k, word in enumerate(words):
        if not (word in COMMIT_WORDS or (word in COMMIT_FOR and words[k + 1:k + 2] == ["for"])):
            continue
        if any(w in DEAL_SUBJECTS for w in words[max(0, k - SUBJECT_REACH):k]):
            return True
        # "the agreement reached by the parties in Montreux on 27 September, under which the parties committed to":
        # the deal is the antecedent of the relative pronoun that opens the commitment's clause
        which = next((m for m in range(k - 1, max(-1, k - 1 - RELATIVE_REACH), -1) if words[m] in RELATIVES), None)
        if which is not None and any(w in DEAL_SUBJECTS for w in words[max(0, which - SUBJECT_REACH):which]):
            return True
        if k > 0 and words[k - 1] in DEAL_PRONOUNS and (
                agreement_talk(view) or (view.index > 0 and agreement_talk(views[view.index - 1]))):
            return True  # "It stipulates ...", "..., which committed the two sides to ..."
    return False


def _weekday_handover(view: SentenceView) -> bool:
    """'three hostages on Saturday for about 150 prisoners': a dated handover, not a deal."""
    return any(date_of(d) is not None and date_of(d).kind == "weekday" and date_span_for(view, d.start) is d
               for d in view.dates)


def _done_elsewhere(group: Group, done: list[Group]) -> list[Group]:
    return [g for g in done if g.view.index != group.view.index]


def _told_done(group: Group, done: list[Group]) -> bool:
    """The same figure of the same people, told done in another sentence with words that say so."""
    return group.count is not None and any(
        g.count == group.count and g.category == group.category
        and (g.view.has_cue("COMPLETED") or _past_verb_governs(g.view, g)) for g in _done_elsewhere(group, done))


FINISHED_WORDS = frozenset({"completion", "completed", "concluded", "conclusion", "finished", "ended", "end"})
FINISHED_RULE = "agreement.swap_finished"


def _finished_elsewhere(group: Group, views: list[SentenceView]) -> bool:
    """'welcomes the completion today of the release of 1,056 detainees. ... the agreement, under which the
    parties committed to release 1,081': another sentence reports the swap the deal led to finished, so the deal's
    figure is no whole swap under way but the deal's term (FINISHED_RULE); not 'will be completed'."""
    for view in views:
        if view is group.view or not view.has_cue(*TRANSFER_LABELS):
            continue
        for k, word in enumerate(view.words):
            if word in FINISHED_WORDS and (word != "end" or k > 0 and view.words[k - 1] == "the") \
                    and not (k > 0 and view.words[k - 1] in ("be", "to", "will", "not", "yet")):
                return True
    return False


def is_term(group: Group, views: list[SentenceView], status: str, *, done: list[Group]) -> bool:
    view = group.view
    count = group.count
    if count is None or BATCHES_RULE in group.rules:
        return False  # (a batch of a handover told before it: "the first of seven")
    agreement_near = agreement_talk(view) or (view.index > 0 and agreement_talk(views[view.index - 1]))
    if count.qualifier == "up_to" and group.per_side:
        return True
    planned_here = status == "planned" or any(
        c.label_ == "PLANNED" and c.kb_id_ == "future" for c in view.cues)
    if agreement_near and _phase(view) and not _past_verb_governs(view, group):
        return True  # "provides for the release of 40 hostages in its first phase"
    # with a stage of the swap done in the article, the deal's figures are the whole swap under way (README), a
    # planned exchange, unless the article tells them done in full ('completing the release of 887') or tells the
    # swap finished ('the completion of the release of 1,056': FINISHED_RULE)
    if deal_commits(view, views) and not (_past_verb_governs(view, group) or _staged_swap(view)
                                          or _one_occasion(view, group) or _this_day(view) or _weekday_handover(view)):
        settled = not _done_elsewhere(group, done) or _told_done(group, done)
        finished = not settled and _finished_elsewhere(group, views)
        if settled or finished:
            group.rules += ["agreement.deal_commits"] + ([FINISHED_RULE] if finished else [])
            return True
    if not agreement_near or not planned_here:
        return False
    if _staged_swap(view) or _one_occasion(view, group):
        return False
    if _this_day(view) or (view.index > 0 and _this_day(views[view.index - 1])):
        group.rules.append("agreement.day_of_the_handover")
        return False  # "Today is the day set for the release ... Around 350 are expected to go home"
    if _weekday_handover(view):
        return False
    big = (count.value or count.min or count.max or 0) >= TERM_MIN_VALUE
    return count.qualifier not in ("exact",) or big


def deal_figure_done(group: Group, done: list[Group]) -> bool:
    """The figure a deal binds the sides to is told done in full elsewhere in the article ('completing the
    release of 887 detainees'): the deal's figure is also that of the whole swap it covered (README: the
    whole of a multi-day swap), so it stays a handover figure as well as the deal's term."""
    if "agreement.deal_commits" not in group.rules or not _told_done(group, done):
        return False
    group.rules.append("agreement.deal_figure_done")
    return True


def deal_formula(group: Group) -> bool:
    """'the 1,000-for-1,000 format', 'a larger "1000 for 1000" agreement': the deal for the whole swap."""
    if group.quantity is None or "group.x_for_x" not in group.rules:
        return False
    after = [group.view.lower[k] for k in range(group.end, min(group.view.end, group.end + 3))]
    return any(w in FORMULA_WORDS for w in after) and not group.view.has_cue("COMPLETED")


def agreed_near(group: Group, date: Span) -> bool:
    """The date sits nearer to 'agreed' than to the figure: it dates the deal, not the handover."""
    to_group = min(abs(date.start - group.end), abs(group.start - date.end))
    return any(span_text(c).lower() in AGREED and min(abs(date.start - c.end), abs(c.start - date.end)) < to_group
               for c in group.view.cues_with("AGREEMENT"))


def dated_as_agreed(group: Group, date: Span) -> bool:
    """'agreed in Geneva on 11 March to return up to 650 bodies': the date sits by 'agreed', or between
    'agreed' and the figure it agreed on."""
    if agreed_near(group, date):
        return True
    return any(c.end <= date.start and date.end <= group.start and span_text(c).lower().split()[0].startswith("agree")
               for c in group.view.cues if c.label_ in ("AGREEMENT", "PLANNED"))


# ----------------------------------------------------------------------------- deals without figures

DEAL_PHRASES = frozenset({"agreed", "was agreed", "were agreed", "reached an agreement", "reached agreement",
                          "reached a deal", "struck a deal", "was reached", "were reached"})
DEAL_NOUNS_REACHED = frozenset({"agreement", "agreements", "deal", "accord"})
REACHED = frozenset({"reached", "signed", "struck", "concluded", "sealed"})
NOT_AGREED = frozenset({"not", "no", "never", "failed", "without", "yet", "refused", "unable"})
DEAL_OBJECT_REACH = 14  # tokens from "agreed" to the swap it agreed on ("agreed during those talks in June to a ... swap")


def _deal_cue(view: SentenceView):
    """'agreed to exchange', 'reached agreement on an exchange', 'the swap was agreed in Istanbul',
    'the agreement reached in May': a deal made, not one referred to ('previous agreements')."""
    # "agreed to" is read as a plan cue: it makes the deal all the same
    for cue in view.cues_with("AGREEMENT", "PLANNED"):
        text = span_text(cue).lower()
        if cue.label_ == "PLANNED" and not text.startswith("agreed"):
            continue
        made = text in DEAL_PHRASES or (cue.label_ == "PLANNED" and text.split()[0] == "agreed")
        if not made and text in DEAL_NOUNS_REACHED:
            near = view.lower[max(view.start, cue.start - 3):cue.start] + view.lower[cue.end:min(view.end, cue.end + 2)]
            made = any(w in REACHED for w in near)
        if not made:
            continue
        before = view.lower[max(view.start, cue.start - 3):cue.start]
        if any(w in NOT_AGREED for w in before) or any(w.endswith("n't") for w in before):
            continue
        return cue
    return None


REFERENCE_BEFORE = frozenset({"under", "part", "accordance", "following", "pursuant", "according", "per", "line", "frame",
                              "framework", "within", "basis", "implementing", "implementation"})
# a framework rather than one swap: classes of people ("the wounded", "soldiers under 25", "all for all")
CLASS_WORDS = frozenset({"wounded", "injured", "ill", "sick", "young", "under", "all-for-all", "seriously",
                         "severely", "elderly", "children", "women", "civilians"})
BODY_WORDS = frozenset({"body", "bodies", "remains", "corpses", "dead", "fallen", "deceased"})


def _framework(view: SentenceView, cue) -> bool:
    """The deal sets rules for handovers to come (bodies to repatriate, the wounded and the young to
    exchange, 'new exchanges'), rather than naming one swap ('agreed on a fresh prisoner swap')."""
    words = view.lower[cue.end:view.end]
    if any(w in BODY_WORDS or w in CLASS_WORDS for w in words):
        return True
    if "all" in words and "for" in words:
        return True  # "an all-for-all exchange"
    return any(c.start >= cue.start and span_text(c).lower().endswith(("exchanges", "swaps"))
               for c in view.cues_with("EXCHANGE"))


def _referred(view: SentenceView, cue) -> bool:
    """'under a deal reached in Istanbul', 'as part of the agreements reached', 'in accordance with
    the agreement': a handover told with the deal it follows, not the deal itself."""
    return any(w in REFERENCE_BEFORE for w in view.lower[max(view.start, cue.start - 6):cue.start])


ALL_WORDS = frozenset({"all", "every"})
TERMS_HEADING_MAX = 5  # "Among its terms:" told as a sentence of its own before the terms


def _terms_heading(view: SentenceView) -> bool:
    words = view.words
    return len(words) <= TERMS_HEADING_MAX and any(tuple(words[:3]) == opening for opening in TERMS_OPENINGS)


def _bound_without_figures(view: SentenceView, views: list[SentenceView]) -> bool:
    """'Among its terms: the exchange of all prisoners of war', '..., which requires both parties to release all
    prisoners of war': a deal binding the sides to free every captive of a kind, with no figure."""
    if ALL_WORDS.isdisjoint(view.word_set):
        return False
    before = views[view.index - 1] if view.index > 0 else None
    if not (deal_commits(view, views) or (before is not None and _terms_heading(before))):
        return False
    deal_before = before is not None and (agreement_talk(before) or (
        before.index > 0 and _terms_heading(before) and agreement_talk(views[before.index - 1])))
    return agreement_talk(view) or deal_before


def bound_deal_groups(views: list[SentenceView], context, counted: set[int], categories_of) -> list[Group]:
    """Uncounted terms (agreement.uncounted_terms) of a deal that binds the sides to free all captives of a
    kind: per category, both ways unless the category has fixed sides."""
    out: list[Group] = []
    for view in views:
        if view.index in counted or not _bound_without_figures(view, views):
            continue
        out.extend(_uncounted_terms(view, view.cues_with("EXCHANGE", "GIVE", "HOME", "RECEIVE"), context,
                                    categories_of, "agreement.uncounted_terms"))
    return out


def _uncounted_terms(view: SentenceView, swaps, context, categories_of, rule: str) -> list[Group]:
    """One uncounted group per category the sentence names, else the article's default, if it tells a swap."""
    if not swaps:
        return []
    found = categories_of(view, context) or [(context.default_category, swaps[0])]
    return [uncounted_group(view, noun, category, context, rule) for category, noun in found]


def deal_groups(views: list[SentenceView], context, counted: set[int], categories_of) -> list[Group]:
    """A deal the article places by talks, a place or a date, with no figure ('At talks in Geneva last
    month, Armenia and Azerbaijan agreed to exchange all wounded prisoners'): uncounted terms per
    category, both ways unless the category has fixed sides."""
    out: list[Group] = []
    for view in views:
        if view.index in counted:
            continue
        cue = _deal_cue(view)
        if cue is None or not (view.has_cue("TALKS") or view.places or view.dates) \
                or _referred(view, cue) or not _framework(view, cue):
            continue
        swaps = [c for c in view.cues_with("EXCHANGE", "GIVE", "HOME", "RECEIVE")
                 if abs(c.start - cue.start) <= DEAL_OBJECT_REACH]
        out.extend(_uncounted_terms(view, swaps, context, categories_of, "agreement.uncounted_deal"))
    return out
