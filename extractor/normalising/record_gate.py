"""The text gate's second question (rule gate.record_sources): could the normaliser make any record of
this text at all?

The text gate (text_gate.py) passes a text where `about_exchanges` may hold. That is not enough for a
record: every record (an occasion's flows, an agreement's terms, a tally) is made from a group, and a
group is made only by one of these sources, each reading one sentence (and, at most, the groups made
before it):

- counted groups (`groups.read_group`, `tallies.total_group`): a figure in a sentence with a transfer,
  swap, agreement or tally cue, counting people: a people word, a plural demonym, a named armed group,
  'members'/'elements'/'personnel', a coffin or other container, an 'N-for-N' figure, or a swap or
  homecoming verb right after a bare figure ('330 more were swapped'); the groups read from those
  (elliptic figures, 'the same number', breakdowns, joined persons) need one of them first;
- figures of one (`groups.ones`): 'one' in such a sentence, or 'a'/'an' with a demonym freed;
- persons (`groups.single_persons`, `groups.pronoun_person`): a non-bare 'in exchange for' pivot; a person
  noun or a lone captive ('a soldier') with a give, receive or homecoming verb; a release verb with a
  capitalised word right after it (past 'the', 'jailed' and the like); 'he'/'she' freed in an article that
  names a person;
- uncounted mentions (`loose.loose_groups`, `loose.first_since`): a swap word with a people word, 'swap',
  'exchange' or a prisoner word, or a date, and with a specific people word, a swap phrase of several
  words, a date or the headline's place; or a date with a give, receive or homecoming verb, a word of
  more to come, or 'one' ('the last one');
- deals without figures (`agreements.deal_groups`): 'agreed' or a word of a deal reached, with a
  transfer cue.

Each test asks for less than its source needs (cue and actor phrases looked for as runs of letters, as
the text gate does; the figures and dates of the whole text, as the pipeline's own recognisers find them,
where they overlap the piece), on pieces that hold whole sentences, so a text none of whose pieces passes
any of them would get no group, so no record: the pipeline is not run on it.
`tests/normalising/test_record_gate.py` checks, on every corpus article and on a table of invented
phrasings, that wherever the normaliser makes a group the text passes, and the records with and without
the gate.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .agreements import BODY_WORDS, CLASS_WORDS, REACHED
from .groups import (
    CONTAINER_NOUNS,
    ELLIPTIC_NEXT,
    FORCE_MEMBER_NOUNS,
    FORCE_NAME_WORDS,
    GROUP_MEMBER_NOUNS,
    HANDED_KINDS,
    NAME_FILLERS,
    OBJECT_FILLERS,
    PASSIVE_BE,
    PASSIVE_LEADS,
    PRONOUNS,
    RELEASE_KINDS,
    plural_demonym_word,
)
from .loose import CONTINUATION, ONE_WORDS
from .status import HOME_BASE_FORMS, IRREGULAR_PAST, NOUN_FORMS
from .text_gate import (
    CATEGORY,
    CATEGORY_KIND,
    DEMONYMS,
    GIVE,
    GIVE_OR_TAKE,
    NAMED,
    SWAP_FOR,
    TRANSFER,
    ACTORS_GAZETTEER,
    TextGate,
    _marks,
    _PatternIndex,
    _Vocabulary,
    words_of,
)

# marks of the phrases the sources read (one letter each): those the text gate gives too are its own
# (TRANSFER: GIVE, RECEIVE, HOME, EXCHANGE; GIVE; CATEGORY), the others the sources' alone
TAKE = GIVE_OR_TAKE  # GIVE, RECEIVE, HOME
PIVOT = SWAP_FOR     # FOR other than a bare 'for'
PERSON = NAMED
PLURAL_DEMONYM = DEMONYMS  # a DEMONYM ending in 's' (tallies.total_group)
SHARED_MARKS = frozenset({TRANSFER, TAKE, GIVE, PIVOT, CATEGORY, PERSON})  # of text_gate._marks, with CATEGORY_KIND ones
HOME = "O"
EXCHANGE = "X"
LONG_EXCHANGE = "M"  # an EXCHANGE phrase of more than one token
SWAP_NOUN = "W"      # 'exchange', 'swap', or an EXCHANGE phrase with a prisoner word (loose.categories)
DEAL_OR_TALLY = "A"  # AGREEMENT, TALLY
TALLY = "Q"
LONE_CAPTIVE = "1"   # a CATEGORY of pows, civilians, prisoners or hostages whose text ends in no 's'
PEOPLE_DEMONYM = "n"  # a DEMONYM read_group counts people by ("300 Peruvians": groups._is_plural_demonym)
DEMONYM = "Y"
ARMED_GROUP = "g"    # a GROUP actor
PAST_TAKE = "t"      # GIVE, RECEIVE, HOME read as a past verb (status.is_past_verb)
PAST_EXCHANGE = "x"  # EXCHANGE read as a past verb
COMPLETED = "k"      # (not "K": the text gate's CAPTIVE)
PLAN = "L"           # PLANNED of kind 'future' or 'cancelled'

NOT_SPECIFIC = frozenset({CATEGORY_KIND + "generic", CATEGORY_KIND + "foreigners"})
LONE_KINDS = frozenset({"pows", "civilians", "prisoners", "hostages"})
PRISONER_WORDS = frozenset({"prisoner", "prisoners", "pow", "hostage"})


def _b(words: Iterable[str]) -> frozenset[bytes]:
    """Words as the runs of letters a piece is read as."""
    return frozenset(run for word in words for run in words_of(word.lower()))


# words read beside the marks (see the module's docstring)
COUNTED_NOUNS = _b(FORCE_MEMBER_NOUNS | GROUP_MEMBER_NOUNS | CONTAINER_NOUNS)
ONE = b"one"
INDEFINITE = _b({"a", "an"})
PASSIVE_AUXILIARIES = frozenset({"was", "is", "has", "had"})  # groups._freed_national
SPEAKERS = _b(PRONOUNS)
MORE_TO_COME = _b(CONTINUATION)
LAST_ONE = _b(ONE_WORDS)
DEAL_MADE = _b(REACHED | {"agreed"})
# agreements._framework's words (of one token: "all-for-all" is read as "all" with "for")
FRAMEWORK = frozenset(w.encode() for w in BODY_WORDS | CLASS_WORDS if w.isascii() and w.isalpha())


def _past(label: str, tokens: list[str]) -> bool:
    """status.is_past_verb of a cue of this pattern."""
    if label == "HOME":
        return " ".join(tokens) not in HOME_BASE_FORMS
    if len(tokens) == 1 and tokens[0] in NOUN_FORMS:
        return False
    return any(w.endswith("ed") or w in IRREGULAR_PAST for w in tokens)


def _cue_marks(label: str, kb_id: str, tokens: list[str]) -> set[str]:
    """The text gate's marks of a cue pattern that the sources read (`SHARED_MARKS`, people kinds), and the
    sources' own."""
    marks = {m for m in _marks(label, kb_id, tokens) if m in SHARED_MARKS or m.startswith(CATEGORY_KIND)}
    if label == "HOME":
        marks.add(HOME)
    if label in ("GIVE", "RECEIVE", "HOME") and _past(label, tokens):
        marks.add(PAST_TAKE)
    if label == "EXCHANGE":
        marks.add(EXCHANGE)
        if _past(label, tokens):
            marks.add(PAST_EXCHANGE)
        if len(tokens) > 1:
            marks.add(LONG_EXCHANGE)
        if tokens in (["exchange"], ["swap"]) or not PRISONER_WORDS.isdisjoint(tokens):
            marks.add(SWAP_NOUN)
    if label in ("AGREEMENT", "TALLY"):
        marks.add(DEAL_OR_TALLY)
    if label == "TALLY":
        marks.add(TALLY)
    if label == "CATEGORY" and kb_id in LONE_KINDS and not " ".join(tokens).endswith("s"):
        marks.add(LONE_CAPTIVE)
    if label == "COMPLETED":
        marks.add(COMPLETED)
    if label == "PLANNED" and kb_id in ("future", "cancelled"):
        marks.add(PLAN)
    return marks


class RecordSources:
    """`holds(reading)`: some piece of a text read by `gate` may give the normaliser a group. Built once,
    from the cue patterns the text gate has tokenised (`TextGate.cue_keys`) and the pipeline's actor
    gazetteer."""

    def __init__(self, nlp, gate: TextGate, *, actors: str = ACTORS_GAZETTEER, dates: str = "exchange_dates") -> None:
        found: dict[tuple[bytes, ...], set[str]] = {}
        released: set[str] = set()
        # token patterns (lower case) the refinements read around a figure or a person
        self.people = _PatternIndex()     # PERSON, and CATEGORY of a lone captive
        self.handing = _PatternIndex()    # GIVE or RECEIVE of HANDED_KINDS or RELEASE_KINDS: verbs before a person
        self.passive = _PatternIndex()    # GIVE or HOME of HANDED_KINDS: verbs after a person
        self.swapping = _PatternIndex()   # EXCHANGE, HOME, FOR other than a bare 'for': after a bare figure
        self.demonyms = _PatternIndex()
        self.releasing = _PatternIndex()  # GIVE of RELEASE_KINDS
        self.taking = _PatternIndex()     # GIVE, RECEIVE, HOME
        self.pivots = _PatternIndex()     # FOR other than a bare 'for'
        self.persons = _PatternIndex()    # PERSON
        self.singular = _PatternIndex()   # CATEGORY whose text ends in no 's' (groups.ones)

        def add(tokens: list[str], marks: set[str]) -> None:
            words = tuple(run for token in tokens for run in words_of(token))
            if words and marks:
                found.setdefault(words, set()).update(marks)

        for pattern_tokens, keys in gate.cue_keys.items():
            tokens = list(pattern_tokens)
            for label, kind in sorted(keys):
                marks = _cue_marks(label, kind, tokens)
                add(tokens, marks)
                if not tokens:
                    continue
                if label == "GIVE" and kind in RELEASE_KINDS:
                    released.add(tokens[-1])
                    self.releasing.add(tuple(tokens))
                if label in ("GIVE", "RECEIVE", "HOME"):
                    self.taking.add(tuple(tokens))
                if PIVOT in marks:
                    self.pivots.add(tuple(tokens))
                if label == "PERSON":
                    self.persons.add(tuple(tokens))
                if label == "CATEGORY" and not " ".join(tokens).endswith("s"):
                    self.singular.add(tuple(tokens))
                if PERSON in marks or LONE_CAPTIVE in marks:
                    self.people.add(tuple(tokens))
                if label in ("GIVE", "RECEIVE") and kind in RELEASE_KINDS | HANDED_KINDS:
                    self.handing.add(tuple(tokens))
                if label in ("GIVE", "HOME") and kind in HANDED_KINDS:
                    self.passive.add(tuple(tokens))
                if label in ("EXCHANGE", "HOME") or (label == "FOR" and kind != "for"):
                    self.swapping.add(tuple(tokens))
        for entry in nlp.get_pipe(actors).entries:
            for pattern in entry.patterns:
                tokens = [t.lower_ for t in nlp.make_doc(pattern)]
                if entry.label == "DEMONYM":
                    text = pattern.lower()
                    add(tokens, {DEMONYM} | ({PLURAL_DEMONYM} if text.endswith("s") else set())
                        | ({PEOPLE_DEMONYM} if plural_demonym_word(text) else set()))
                    if tokens:
                        self.demonyms.add(tuple(tokens))
                if entry.label == "GROUP":
                    add(tokens, {ARMED_GROUP})
        self.vocabulary = _Vocabulary(found)
        # the runs without one of which a piece holds no phrase a source is read by (a run a special case of
        # the tokenizer cuts, too: such a piece is read in full), and those of the person nouns
        self.triggers = frozenset(key for key in self.vocabulary.keys if self.vocabulary.marks_of_key(key) & TRIGGERS) \
            | frozenset(gate.splits)
        self.person_keys = frozenset(key for key in self.vocabulary.keys if PERSON in self.vocabulary.marks_of_key(key))
        self.vocab = nlp.vocab  # a token's is_punct, read from its lexeme
        # the dates of a text as the date recogniser finds them (None: every piece may hold one)
        self.find_dates = getattr(nlp.get_pipe(dates), "find", None) if dates in nlp.pipe_names else None
        # a release verb, the fillers `groups._released_person` skips, then the first character of a word
        fillers = "|".join(sorted(map(re.escape, OBJECT_FILLERS)))
        # each release verb of letters alone by its run (found in a piece's runs first, then searched for in its
        # text); one pattern for any other
        after = rf"\s+(?:(?i:{fillers})\s+)*(\w)"
        self.object_after: dict[bytes, list[re.Pattern[str]]] = {}
        others = []
        for verb in sorted(released):
            if verb.isascii() and verb.isalpha():
                self.object_after.setdefault(verb.encode(), []).append(
                    re.compile(rf"(?<![^\W_])(?i:{re.escape(verb)}){after}"))
            else:
                others.append(verb)
        self.released_runs = frozenset(self.object_after)
        self.release_object = re.compile(rf"(?i:(?<![^\W_])(?:{'|'.join(map(re.escape, others))})){after}") \
            if others else None

    def marks(self, gate, words: list[bytes]) -> set[str]:
        """The marks of a piece's runs; a word the tokenizer splits inside its letters read both ways."""
        if gate.splits.keys().isdisjoint(words):
            return self.vocabulary.marks(words)
        return self.vocabulary.marks(gate._cut(words)) | self.vocabulary.marks(words)

    def holds(self, reading) -> bool:
        """Some piece (`reading.every_piece`) may hold a sentence one of the group sources reads. The tests
        that need no figure, date or token are asked of every piece first; the others only then (an exchange
        article mostly passes on the first, so its figures and dates are not read for this)."""
        gate, text = reading.gate, reading.text
        pieces = reading.every_piece
        marks: list[set[str] | None] = [None] * len(pieces)

        def marks_of(i: int) -> set[str]:
            if marks[i] is None:
                words = pieces[i][0]
                marks[i] = self.marks(gate, words) if not self.triggers.isdisjoint(words) else set()
            return marks[i]  # type: ignore[return-value]

        # some sentence names a person (pronoun_person reads the one before)
        named = _Lazy(lambda: any(not self.person_keys.isdisjoint(words) and PERSON in self.marks(gate, words)
                                  for words, _, _ in pieces))
        first = len(text) - len(text.lstrip())  # the headline opens the first sentence
        facts = _Facts(self, reading)
        marked = []
        for i, (words, lo, hi) in enumerate(pieces):
            m = marks_of(i)
            if not m:
                continue  # no source reads a sentence without one of the trigger phrases
            if self._cheap(m, words, lo, hi, facts, named, lo <= first < hi or lo == 0):
                return True
            marked.append((i, words, lo, hi, m))
        return any(self._costly(m, words, i, lo, hi, facts, lo <= first < hi or lo == 0)
                   for i, words, lo, hi, m in marked)

    def _cheap(self, m: set[str], words: list[bytes], lo: int, hi: int, facts: "_Facts", named: "_Lazy",
               headline: bool) -> bool:
        """The sources' tests that read no figure, date or token."""
        if TRANSFER in m and not DEAL_MADE.isdisjoint(words) and (  # agreements.deal_groups
                not FRAMEWORK.isdisjoint(words) or (b"all" in words and b"for" in words) or EXCHANGE in m):
            return True
        if EXCHANGE in m and (CATEGORY in m or SWAP_NOUN in m):  # loose.loose_groups with a swap word
            if LONG_EXCHANGE in m or _specific(m):
                return True
            if headline and CATEGORY in m:
                return True  # status.headline_swap: a people word (or a figure: `_costly`) after the swap verb
        if GIVE in m and _relevant(m):
            if not SPEAKERS.isdisjoint(words) and named.value:
                return True  # groups.pronoun_person
            if self._released_object(words, facts.text, lo, hi):
                return True  # groups._released_person: a name right after the release verb
        return False

    def _costly(self, m: set[str], words: list[bytes], i: int, lo: int, hi: int, facts: "_Facts",
                headline: bool) -> bool:
        """The sources' tests that read figures, dates or a piece's tokens (each read once, when first needed)."""
        if _relevant(m) and (self._person(m, words, lo, hi, facts) or self._one(m, words, lo, hi, facts)
                             or self._counted(m, words, i, lo, hi, facts)):
            return True
        if EXCHANGE in m and self._swap_placed(m, words, i, lo, hi, facts, headline):
            return True
        # loose.loose_groups without a swap word: a dated handover, a dated plan, "the last one" placed
        if PAST_TAKE in m and _specific(m) \
                or PLAN in m and (PAST_TAKE in m or not MORE_TO_COME.isdisjoint(words)) \
                or COMPLETED in m and ONE in words and not LAST_ONE.isdisjoint(words):
            return facts.dated(lo, hi)
        return False

    def _one(self, m: set[str], words: list[bytes], lo: int, hi: int, facts: "_Facts") -> bool:
        """groups.ones: 'one' before a demonym or a people word in the singular, or in 'one-for-one'; or a
        national freed: 'a'/'an' and a demonym before a release verb with an auxiliary right before it."""
        if ONE not in words and not (GIVE in m and DEMONYM in m and not INDEFINITE.isdisjoint(words)):
            return False
        tokens = facts.tokens(lo, hi)
        if tokens is None:
            return True
        lower, n = tokens.lower, len(tokens.lower)
        for i, word in enumerate(lower):
            if word == "one":
                if lower[i:i + 5] == ["one", "-", "for", "-", "one"] or lower[i:i + 3] == ["one", "for", "one"]:
                    return True
                if i + 1 < n and any(start == i + 1 for start, _ in self.demonyms.over(lower, i + 1)):
                    return True
                if self.singular.any_over(lower, i + 1, min(n, i + 4)):
                    return True
            elif word in PASSIVE_BE and i + 1 < n and any(start == i + 1 for start, _ in self.releasing.over(lower, i + 1)):
                k = i
                while k > 0 and lower[k - 1] in PASSIVE_BE:
                    k -= 1
                if any(lower[j] in PASSIVE_AUXILIARIES for j in range(k, i + 1)) \
                        and any(lower[j] in ("a", "an") for j in range(i)) and self.demonyms.any_over(lower, 0, i):
                    return True
        return False

    def _counted(self, m: set[str], words: list[bytes], i: int, lo: int, hi: int, facts: "_Facts") -> bool:
        """read_group or total_group may read a figure of the piece: a figure, and a noun of people, an 'N-for-N'
        figure, or a swap or homecoming verb within four tokens after a figure."""
        if not (CATEGORY in m or PEOPLE_DEMONYM in m or ARMED_GROUP in m or (TALLY in m and PLURAL_DEMONYM in m)
                or not COUNTED_NOUNS.isdisjoint(words) or EXCHANGE in m or PIVOT in m or HOME in m
                or b"for" in words):
            return False  # (an 'N-for-N' figure holds 'for')
        if not facts.counted(i, lo, hi):
            return False
        if CATEGORY in m or PEOPLE_DEMONYM in m or ARMED_GROUP in m or (TALLY in m and PLURAL_DEMONYM in m) \
                or not COUNTED_NOUNS.isdisjoint(words):
            return True
        figures = facts.figures(lo, hi)
        if figures is None or any(f.rule == "qty.x_for_x" for f in figures):
            return True
        if not (EXCHANGE in m or PIVOT in m or HOME in m):
            return False
        tokens = facts.tokens(lo, hi)
        if tokens is None:
            return True
        lower, starts = tokens.lower, [s for s, _ in tokens.offsets]
        for figure in figures:
            # groups._elliptic_follows (the figure ends the sentence, or a mark, a word of ELLIPTIC_NEXT or a
            # give, receive or homecoming verb follows it) and _swap_verb_near (a swap or homecoming verb, or a
            # pivot, over one of the four tokens after it)
            after = bisect.bisect_left(starts, figure.end)
            if after < len(lower) and not (self.vocab[tokens.texts[after]].is_punct or lower[after] in ELLIPTIC_NEXT
                                           or next(self.taking.over(lower, after), None) is not None):
                continue
            if self.swapping.any_over(lower, after, min(len(lower), after + 4)):
                return True
        return False

    def _person(self, m: set[str], words: list[bytes], lo: int, hi: int, facts: "_Facts") -> bool:
        """groups.single_persons with no counted group in the sentence: person_for_person, or a person noun or
        a lone captive handed over (`_released_person`, `_handed_person`)."""
        if PIVOT in m and self._person_for_person(lo, hi, facts):
            return True
        if not ((PERSON in m or LONE_CAPTIVE in m) and TAKE in m):
            return False
        tokens = facts.tokens(lo, hi)
        if tokens is None:
            return True
        # a person noun or a lone captive, object of a give or receive verb (past fillers, demonyms, and
        # within four tokens names of forces) or subject of a passive one
        lower, texts = tokens.lower, tokens.texts
        for k in range(len(lower)):
            for start, pattern in self.people.over(lower, k):
                if start != k:
                    continue
                if self._verb_before(lower, texts, k) or self._passive_after(lower, k + len(pattern)):
                    return True
        return False

    def _person_for_person(self, lo: int, hi: int, facts: "_Facts") -> bool:
        """groups.person_for_person: around a pivot, a person before it (a person noun, a demonym, or a release
        verb whose name it frees) and one after it (a person noun, a demonym, or a name right after it)."""
        tokens = facts.tokens(lo, hi)
        if tokens is None:
            return True
        lower, texts, n = tokens.lower, tokens.texts, len(tokens.lower)
        for k in range(n):
            for start, pattern in self.pivots.over(lower, k):
                if start != k:
                    continue
                end = k + len(pattern)
                if not any(index.any_over(lower, 0, k) for index in (self.persons, self.demonyms, self.releasing)):
                    continue
                if self.persons.any_over(lower, end, n) or self.demonyms.any_over(lower, end, n):
                    return True
                j = end  # groups._name_at: past fillers and demonyms, a word in upper case opens the name
                while j < n and not texts[j][:1].isupper() and (lower[j] in NAME_FILLERS or
                                                                  next(self.demonyms.over(lower, j), None) is not None):
                    j += 1
                if j < n and texts[j][:1].isupper():
                    return True
        return False

    def _verb_before(self, lower: list[str], texts: list[str], person: int) -> bool:
        """groups._release_verb_before, with `skip_names`: a verb ending at a token the walk back from the person
        stops at (every token the walk may pass is looked at)."""
        k = person - 1
        while k >= 0:
            if any(start + len(pattern) == k + 1 for start, pattern in self.handing.over(lower, k)):
                return True
            if not (lower[k] in OBJECT_FILLERS or next(self.demonyms.over(lower, k), None) is not None
                    or (person - k <= 4 and (texts[k].istitle() or lower[k] in FORCE_NAME_WORDS))):
                return False
            k -= 1
        return False

    def _passive_after(self, lower: list[str], end: int) -> bool:
        """groups._verb_of_subject: a give or homecoming verb starting within 30 tokens after the person, with
        an auxiliary right before it (or one opening it)."""
        for k in range(end, min(len(lower), end + 30)):
            if (lower[k] in PASSIVE_LEADS or (k - 1 >= end and lower[k - 1] in PASSIVE_LEADS)) \
                    and any(start == k for start, _ in self.passive.over(lower, k)):
                return True
        return False

    def _swap_placed(self, m: set[str], words: list[bytes], i: int, lo: int, hi: int, facts: "_Facts",
                     headline: bool) -> bool:
        """loose.loose_groups with a swap word, where a figure or a date places it (the tests without either
        are `_cheap`'s), and loose.first_since: a figure after the swap verb of the headline, a dated done swap
        or a placed earlier one ('the exchanges' too), 'their first swap since August'."""
        people = CATEGORY in m or SWAP_NOUN in m
        if people and headline and facts.counted(i, lo, hi):
            return True
        if b"first" in words and b"since" in words and facts.dated(lo, hi):
            return True
        return (COMPLETED in m or PAST_EXCHANGE in m) and facts.dated(lo, hi)

    def _released_object(self, words: list[bytes], text: str, lo: int, hi: int) -> bool:
        """A release verb with a word in upper case right after it (past 'the', 'its', 'jailed'...): the
        name `groups._released_person` reads there."""
        patterns = [p for run in self.released_runs.intersection(words) for p in self.object_after[run]]
        if self.release_object is not None:
            patterns.append(self.release_object)
        return any(found.group(1).isupper() for pattern in patterns for found in pattern.finditer(text, lo, hi))


def _relevant(m: set[str]) -> bool:
    """`gate.relevant`: find_groups reads the sentence (a transfer cue, a pivot, an agreement or a tally)."""
    return TRANSFER in m or PIVOT in m or DEAL_OR_TALLY in m


def _specific(m: set[str]) -> bool:
    """A people word other than the generic ones (loose.loose_groups's `specific`)."""
    return any(k.startswith(CATEGORY_KIND) and k not in NOT_SPECIFIC for k in m)


# the marks of which some source needs one in the sentence it reads
TRIGGERS = frozenset({TRANSFER, PIVOT, DEAL_OR_TALLY, EXCHANGE, PLAN, COMPLETED})


class _Facts:
    """What the sources read of a text beyond its pieces' runs, each made when first needed: its figures and
    dates (as the pipeline's recognisers find them), a piece's tokens."""

    def __init__(self, sources: RecordSources, reading) -> None:
        self.sources = sources
        self.reading = reading
        self.text = reading.text
        self._dates: list[tuple[int, int]] | None | bool = False
        self._figures = False
        self._tokens: dict[tuple[int, int], object] = {}

    def counted(self, i: int, lo: int, hi: int) -> bool:
        """A figure of the text overlaps piece i (`lo`..`hi`): text_gate._Reading.counted."""
        return self.reading.counted(lo, hi)

    def figures(self, lo: int, hi: int):
        """The figures overlapping the piece, as the quantity recogniser finds them (None: not known)."""
        if self._figures is False:
            find = self.reading.gate.find_quantities
            self._figures = None if find is None else list(find(self.text))
        if self._figures is None:
            return None
        return [f for f in self._figures if f.start < hi and f.end > lo]

    def dated(self, lo: int, hi: int) -> bool:
        """A date of the text overlaps the piece (every piece may hold one without the date recogniser)."""
        if self._dates is False:
            find = self.sources.find_dates
            self._dates = None if find is None else [(d.start, d.end) for d in find(self.text)]
        return self._dates is None or any(start < hi and end > lo for start, end in self._dates)

    def tokens(self, lo: int, hi: int):
        """The tokenizer's tokens of the piece's whole chunks (text_gate.TextGate.read_tokens), or None."""
        if (lo, hi) not in self._tokens:
            self._tokens[(lo, hi)] = self.reading.gate.read_tokens(self.text, lo, hi)
        return self._tokens[(lo, hi)]


class _Lazy:
    """A value made when first asked for."""

    def __init__(self, make) -> None:
        self.make = make
        self.made = False
        self._value = None

    @property
    def value(self):
        if not self.made:
            self._value, self.made = self.make(), True
        return self._value
