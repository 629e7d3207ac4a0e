"""Status of a mention: did the handover happen (completed) or is it still to come (planned)?

Planned covers the future, intentions, offers, and swaps that were postponed or called off.
The clause around the mention decides first; the whole sentence only when the clause is silent.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..recognising.extensions import lowers_of
from .sentences import SentenceView, phrase_at, span_text

TRANSFER_LABELS = ("GIVE", "RECEIVE", "HOME", "EXCHANGE")
IRREGULAR_PAST = frozenset({"gave", "sent", "freed", "took", "brought", "got", "won", "came", "held", "swapped",
                            "handed", "went", "set", "let", "flew", "flown"})
AGREED_WORDS = frozenset({"agreed", "agree", "agrees", "agreement", "reached an agreement", "reached agreement",
                          "reached a deal", "struck a deal"})
NOUN_FORMS = frozenset({"release", "exchange", "return", "swap", "handover", "hand-over", "transfer", "repatriation",
                        "trade", "delivery"})


HOME_BASE_FORMS = frozenset({"home", "return home", "come home", "returning home", "comes home", "returns home"})


def is_past_verb(cue: Span) -> bool:
    if cue.label_ == "HOME":
        return span_text(cue).lower() not in HOME_BASE_FORMS  # "are home", "returned home", "came home"
    words = lowers_of(cue.doc)[cue.start:cue.end]
    if any(w in NOUN_FORMS for w in words) and len(words) == 1:
        return False
    return any(w.endswith("ed") or w in IRREGULAR_PAST for w in words)


AUXILIARIES = frozenset({"were", "was", "been", "have", "has", "had", "are", "is"})


def _relative(view: SentenceView, cue: Span) -> bool:
    return any(view.lower[k] in ("that", "which", "who") for k in range(max(view.start, cue.start - 3), cue.start))


def _finite(view: SentenceView, cue: Span, i: int) -> bool:
    """'1,000 prisoners released on each side' is a participle; 'were released' and 'Russia released' are verbs."""
    if cue.start > view.start and view.lower[cue.start - 1] == "be":
        return False  # "would be exchanged", "to be released": still to come
    if cue.start < i:
        return True
    return any(view.lower[k] in AUXILIARIES for k in range(max(view.start, cue.start - 3), cue.start))


SUPERLATIVE_AFTER = frozenset({"the", "largest", "biggest", "first", "most", "one", "highest", "greatest", "last",
                               "latest", "only", "a", "an", "its", "their", "another", "part", "start"})
NOT_A_PLAN_OBJECT = frozenset({"trial", "sentencing", "sentence", "extradition", "deportation", "execution",
                               "verdict", "charges", "appeal", "investigation"})
# "allowed to return home", "helped to bring back": the return happened
DONE_INFINITIVE_BEFORE = frozenset({"managed", "able", "order", "agreed", "allowed", "permitted", "enabled", "helped",
                                    "began", "started"})
# "allowing 80 soldiers to return home", "enabled the 40 captives to go home": a verb of letting with its object
# before the infinitive tells of a return it brought about (rule status.letting_infinitive)
LETTING_VERBS = frozenset({"allowed", "allowing", "permitted", "permitting", "enabled", "enabling", "letting",
                           "helped", "helping"})
LETTING_OBJECT_REACH = 5  # tokens of the object between the verb of letting and "to": "allowing the 80 soldiers"
LETTING_INFINITIVE_RULE = "status.letting_infinitive"


def letting_infinitive(view: SentenceView, to: int) -> bool:
    """The 'to' at token `to` closes the object of a verb of letting: 'allowing 80 soldiers to return home'."""
    for k in range(to - 1, max(view.start, to - 1 - LETTING_OBJECT_REACH) - 1, -1):
        word = view.lower[k]
        if word in LETTING_VERBS:
            return k < to - 1  # an object between them: "allowed to return" is DONE_INFINITIVE_BEFORE's
        if word in (",", ";", ":", "to", "and") or view.cue(k) is not None and view.cue(k).label_ != "CATEGORY":
            return False
    return False


FIGHTING = frozenset({"conflict", "fighting", "war", "offensive", "hostilities", "attacks", "strikes", "shelling",
                      "bombardment", "combat", "advance"})


def real_plan(view: SentenceView, cue: Span) -> bool:
    """A PLANNED cue that speaks of the handover, not a modifier or a person's state: not 'what may
    be the biggest swap', not 'long-anticipated', not 'awaiting trial'."""
    if cue.label_ != "PLANNED":
        return False
    text = span_text(cue).lower()
    after = [view.lower[k] for k in range(cue.end, min(view.end, cue.end + 2))]
    if text in ("may be", "could be", "might be", "to be") and after and after[0] in SUPERLATIVE_AFTER:
        return False  # "in what may be the biggest exchange yet"
    if cue.start > view.start and view.lower[cue.start - 1] in ("-", "long", "long-"):
        return False  # "long-anticipated", "long awaited": an adjective
    if text.startswith("await") and any(w in NOT_A_PLAN_OBJECT for w in after):
        return False  # "held in a jail awaiting trial"
    if cue.kb_id_ == "cancelled" and any(view.lower[k] in FIGHTING for k in range(cue.end, min(view.end, cue.end + 7))):
        return False  # "the truce that halted the fighting": not a handover called off
    return True


def _planned_in(view: SentenceView, lo: int, hi: int) -> bool:
    return any(real_plan(view, c) for c in view.in_range(view.cues, lo, hi))


MARKER_WORDS = frozenset({"occur", "happen", "pledged", "pledges", "promised", "promises", "vowed", "rule", "taken",
                          "involved"})


def _word_markers(view: SentenceView, lo: int, hi: int, i: int) -> list[tuple[int, str]]:
    """Status phrases read from the words: "swap to occur on Wednesday", "did not rule out freeing"
    (planned); "the exchange had taken place" (completed)."""
    if MARKER_WORDS.isdisjoint(view.word_set):
        return []  # each marker below needs one of these words
    out = []
    words = view.lower
    for k in range(lo, hi - 1):
        if words[k] == "to" and words[k + 1] in ("occur", "happen"):
            out.append((abs(k - i), "planned"))
        elif words[k] in ("pledged", "pledges", "promised", "promises", "vowed") and words[k + 1] != "to":
            out.append((abs(k - i), "planned"))  # "pledged a larger exchange next month"
        elif words[k] == "rule" and words[k + 1] == "out" and k > lo and words[k - 1] in ("not", "n't", "never"):
            out.append((abs(k - i), "planned"))
        elif words[k] in ("had", "has", "have") and words[k + 1] == "taken" and k + 2 < hi and words[k + 2] == "place":
            out.append((abs(k - i), "completed"))
    for k in range(lo, hi):
        # "the exchange reportedly involved 246 prisoners from each side": the swap told in the past
        if words[k] == "involved" and k > lo and words[k - 1] not in ("be", "been", "being", "is", "are") \
                and any(c.label_ == "EXCHANGE" and k - 3 <= c.end <= k for c in view.in_range(view.cues, lo, k)):
            out.append((abs(k - i), "completed"))
    return out


# planned wording that a done clause in the same sentence overrides: an intention or a past
# expectation ("had agreed to an exchange of 314, which took place on Thursday"), never "will"
OVERRIDABLE = frozenset({"would", "agreed to", "pledged to", "promised to", "vowed to", "committed to",
                         "undertook to", "was expected", "were expected", "was to be", "were to be", "was to",
                         "were to", "expected", "was set", "were set"})
STRONG_DONE = frozenset({"took place", "has taken place", "have taken place", "was carried out", "were carried out",
                         "was completed", "were completed", "completed", "happened", "occurred", "has happened",
                         "concluded", "went ahead", "has gone ahead", "is complete", "was complete", "are complete",
                         "is completed", "was completed successfully"})


def _done_clause_wins(view: SentenceView, lo: int, hi: int) -> bool:
    """'agreed to an exchange of 314 prisoners, which took place on Thursday': the done clause of the
    same sentence beats the intention of the mention's clause."""
    plans = [c for c in view.in_range(view.cues, lo, hi) if real_plan(view, c)]
    if not plans or any(span_text(c).lower() not in OVERRIDABLE for c in plans):
        return False
    done = [c for c in view.cues_with("COMPLETED") if span_text(c).lower() in STRONG_DONE and not (lo <= c.start < hi)
            and not _future_done(view, c)]
    done += [view.sent.doc[k:k + 3] for k in range(view.start, view.end - 2)
             if view.lower[k] == "had" and view.lower[k + 1] == "taken" and view.lower[k + 2] == "place"]
    for cue in done:
        before = [view.lower[k] for k in range(max(view.start, cue.start - 3), cue.start)]
        if not any(w in ("not", "n't", "never", "yet", "will", "to") for w in before):
            return True
    return False


PROGRESSIVE_AUX = frozenset({"is", "are", "am"})
PROGRESSIVE_FILLERS = frozenset({"now", "currently", "already", "also", "still"})


def _under_way(view: SentenceView, cue: Span) -> bool:
    """'the Houthis are releasing 20 soldiers today', 'Hamas is now handing over': a handover taking
    place, completed under the README rule on occasions under way (not 'are going to release')."""
    if cue.label_ not in TRANSFER_LABELS or not cue[0].lower_.endswith("ing") or cue[0].lower_ == "going":
        return False
    k = cue.start - 1
    while k > view.start and view.lower[k] in PROGRESSIVE_FILLERS:
        k -= 1
    return k >= view.start and view.lower[k] in PROGRESSIVE_AUX


def _past_transfer_in(view: SentenceView, lo: int, hi: int) -> bool:
    return any(c.label_ in TRANSFER_LABELS and is_past_verb(c) for c in view.in_range(view.cues, lo, hi))


DECISION_WORDS = frozenset({"decided", "decide", "decides", "chose", "choose", "chooses", "opted", "opt", "opts",
                            "agreed", "agree", "agrees", "planned", "plans", "plan", "intends", "intended",
                            "expects", "expected"})


def _before_a_plan(view: SentenceView, lo: int, hi: int) -> bool:
    """'decided to free the prisoners before Hamas handed over the bodies of 28': a handover told after
    'before' in a sentence whose main clause is a decision or a plan is still to come (a past verb
    after 'before' does not say it happened; 'X freed 90 before Y handed over 4' says nothing more)."""
    if lo <= view.start or view.lower[lo - 1] != "before" or view.in_range(view.cues_with("COMPLETED"), lo, view.end):
        return False
    head = range(view.start, lo - 1)
    if any(real_plan(view, c) for c in view.in_range(view.cues, view.start, lo - 1)):
        return True
    return any(view.lower[k] in DECISION_WORDS and view.lower[k + 1] == "to" for k in head if k + 1 < lo - 1)


HEADLINE_SWAP_VERBS = frozenset({"swap", "exchange", "trade"})


def headline_swap(view: SentenceView) -> Span | None:
    """'Sudan and RSF swap prisoners after Jeddah talks': in the opening line (the title), a swap verb
    in the present tense between sides reports the swap done, as headlines do (not 'a prisoner swap',
    not 'Ukraine-Russia swap of prisoners', not 'to swap')."""
    if view.index != 0:
        return None
    for cue in view.cues_with("EXCHANGE"):
        k = cue.start
        if len(cue) != 1 or view.lower[k] not in HEADLINE_SWAP_VERBS or k == view.start or k + 1 >= view.end:
            continue
        if view.actor(k - 1) is None or view.lower[k - 1] in ("-", "–"):
            continue
        following = view.cue(k + 1)
        counted = view.doc_index.quantity_at[k + 1] is not None
        if counted or (following is not None and following.label_ == "CATEGORY"):
            return cue
    return None


NEGATIONS = frozenset({"not", "never", "n't"})


def _negated(view: SentenceView, cue: Span) -> bool:
    """'were not freed', 'have never been returned': the verb with a negation right before it."""
    return any(view.lower[k] in NEGATIONS for k in range(max(view.start, cue.start - 3), cue.start))


CONDITIONS = frozenset({"if", "unless"})
CONDITION_PHRASES = (("on", "condition"), ("provided", "that"), ("providing", "that"), ("as", "long", "as"))
CONDITION_WORDS = CONDITIONS | frozenset(p[0] for p in CONDITION_PHRASES)  # a sentence with none has no condition
CONDITION_REACH = 8  # tokens from the condition word to the verb it governs: "if the RSF in turn released"
CONDITION_STOPS = frozenset({",", ";", ":", "(", ")", "—", "and", "but", "while", "then"})
CONDITIONAL_RULE = "status.conditional_clause"


def conditional(view: SentenceView, cue: Span) -> bool:
    """'would free 60 fighters if the RSF released 40 soldiers', 'unless Kyiv handed over ...': a handover verb
    in a condition tells of none done, whatever its tense (CONDITIONAL_RULE). A reporting verb between them ends the
    condition's reach: 'officials speaking on condition of anonymity said five were handed over' is a done handover."""
    words = view.lower
    for k in range(cue.start - 1, max(view.start, cue.start - 1 - CONDITION_REACH) - 1, -1):
        if words[k] in CONDITION_STOPS or _reporting(view, k):
            return False
        if words[k] in CONDITIONS or any(phrase_at(words, k, p) for p in CONDITION_PHRASES):
            return True
    return False


def _reporting(view: SentenceView, k: int) -> bool:
    cue = view.cue(k)
    return cue is not None and cue.label_ == "ATTRIBUTION"


FUTURE_DONE_RULE = "status.future_done"
FUTURE_MODALS = frozenset({"will", "would", "'ll", "shall", "should", "must", "could", "may", "might", "to"})


def _future_done(view: SentenceView, cue: Span) -> bool:
    """'will be carried out', 'is to be completed', 'should be concluded': a word of a thing done, in a future or
    modal form, tells of a plan (rule status.future_done)."""
    k = cue.start - 1
    return k > view.start and view.lower[k] == "be" and view.lower[k - 1] in FUTURE_MODALS


def status_at(view: SentenceView, i: int) -> tuple[str, str]:
    """('planned' | 'completed', rule id) for the mention at token i."""
    lo, hi = view.clause_bounds(i)
    if _before_a_plan(view, lo, hi):
        return "planned", "status.before_plan"
    # the clause's cues, read once: their labels, and which of them are plans (relative or not)
    in_clause = view.in_range(view.cues, lo, hi)
    labels = [c.label_ for c in in_clause]
    plans = [(c, _relative(view, c)) for c in in_clause if real_plan(view, c)]
    # in the clause, the status word nearest to the mention decides
    # a plan inside a relative clause ("the swap that was postponed last week is complete") is weaker
    markers = [(abs(c.start - i) + (8 if relative else 0), "planned") for c, relative in plans]
    markers += _word_markers(view, lo, hi, i)
    # "liberation of three soldiers for Wednesday": a day the handover is set for
    markers += [(abs(d.start - i), "planned") for d in view.in_range(view.dates, lo, hi)
                if d.start > view.start and view.lower[d.start - 1] in ("for", "next")]
    # "Ukraine and Russia to exchange 300 prisoners": an infinitive in a headline or plan
    # ("the soldiers that X had promised to release were handed over": the plan of a relative clause is weaker)
    relative_ends = {p.end for p, relative in plans if relative}
    infinitives = [c for c, label in zip(in_clause, labels)
                   if label in TRANSFER_LABELS and c.start > view.start and view.lower[c.start - 1] == "to"
                   and (c.start < 2 or view.lower[c.start - 2] not in DONE_INFINITIVE_BEFORE)]
    letting = {c.start for c in infinitives if letting_infinitive(view, c.start - 1)}
    if letting and _planned_in(view, view.start, view.end):
        letting = set()  # "the deal, allowing 80 soldiers to return home, will be implemented": still a plan
    markers += [(abs(c.start - i) + (8 if c.start in relative_ends else 0), "planned")
                for c in infinitives if c.start not in letting]
    # "if the hostages were not freed by noon": a negated handover verb tells of none done
    negated = {c.start for c, label in zip(in_clause, labels) if label in TRANSFER_LABELS and _negated(view, c)}
    # "if the RSF released 40 soldiers": a condition, done by no one yet
    conditions = {c.start for c, label in zip(in_clause, labels)
                  if label in TRANSFER_LABELS and c.start not in negated and conditional(view, c)} \
        if not CONDITION_WORDS.isdisjoint(view.word_set) else set()
    future_done = {c.start for c, label in zip(in_clause, labels) if label == "COMPLETED" and _future_done(view, c)}
    markers += [(abs(c.start - i), "completed") for c, label in zip(in_clause, labels)
                if (label in TRANSFER_LABELS and is_past_verb(c) and _finite(view, c, i)
                    and c.start not in negated and c.start not in conditions)
                or (label == "COMPLETED" and c.start not in future_done) or _under_way(view, c)]
    markers += [(abs(k - i), "planned") for k in negated]
    markers += [(abs(k - i), "conditional") for k in conditions]
    markers += [(abs(k - i), "future_done") for k in future_done]
    if markers:
        status = min(markers)[1]
        if status == "conditional":
            return "planned", CONDITIONAL_RULE
        if status == "future_done":
            return "planned", FUTURE_DONE_RULE
        if status == "planned" and _done_clause_wins(view, lo, hi):
            return "completed", "status.done_clause_wins"
        return status, f"status.{status}_clause"
    if letting:
        return "completed", LETTING_INFINITIVE_RULE  # "the deal, allowing 80 soldiers to return home": done
    if headline_swap(view) is not None:
        return "completed", "status.headline_present"
    # "with the first 390 freed on Friday": a past participle, when nothing else speaks
    if any(label in TRANSFER_LABELS and is_past_verb(c) for c, label in zip(in_clause, labels)):
        return "completed", "status.past_participle"
    done = view.cues_with("COMPLETED")
    if any(not _future_done(view, c) for c in done):
        return "completed", "status.past_clause"
    if done:
        return "planned", FUTURE_DONE_RULE  # "officials say it will be carried out tomorrow"
    if _planned_in(view, view.start, view.end):
        return "planned", "status.planned_sentence"
    # "reached an agreement on the exchange of ...", "... had been agreed upon"; not "in an agreement"
    agreed = [c for c in view.cues_with("AGREEMENT") if span_text(c).lower() in AGREED_WORDS
              and (c.start < i or span_text(c).lower() in ("agreed", "agree", "agrees"))
              and not (span_text(c).lower() == "agreed" and c.start > view.start
                       and view.lower[c.start - 1] in ("the", "a", "an", "this", "its"))]  # "the agreed format"
    if agreed and not _past_transfer_in(view, view.start, view.end):
        return "planned", "status.agreed_occasion"
    return "completed", "status.default_completed"
