"""A per-sentence view of the recognisers' spans, with token-indexed lookups.

The normaliser reads sentences, not the raw doc: each view knows which actor, cue, place,
quantity and date spans fall inside it, and where its clauses begin and end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from functools import cache, wraps

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from ..recognising.extensions import lowers_of, spans_of, text_of, texts_of, word_set_of

CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "while", "but", "whereas", "although", "though",
                           "after", "before", "which", "who", "when", "where", "whom", "because"})
SPAN_KEYS = ("actors", "cues", "places", "quantities", "dates")  # doc.spans keys; also the SentenceView fields
# A date inside a recognised name ("the March 23 Movement") is part of the name, not a time: it is dropped
# from the dates the normaliser reads.
DATE_IN_NAME = "date.inside_a_name"
PART_OF = frozenset({"including", "among", "comprising", "consisting", "comprised", "included", "includes", "namely"})


class once:
    """`functools.cached_property` without its lock (Python 3.11 takes one on every first read, and
    the normaliser makes thousands of views): the value is computed on first read and kept in the
    instance, where later reads find it without calling the descriptor."""

    def __init__(self, fn: Callable) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner: type | None = None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def span_text(span: Span) -> str:
    """`span.text`, cut from the doc's text: spaCy joins a Token object per token on every read of
    it, and the normaliser reads the texts of cues, nouns and dates many times per article."""
    return text_of(span.doc)[span.start_char:span.end_char]


@dataclass
class DocIndex:
    """Token index -> actor, cue and quantity span, and token index -> lower-case word, built once
    per doc (`doc[i].lower_` makes a Token object on every call); the doc's spans by key; the
    tokens' texts and character offsets when first asked for."""

    doc: Doc
    actor_at: list[Span | None]
    cue_at: list[Span | None]
    quantity_at: list[Span | None]
    lower: list[str]
    spans: dict[str, list[Span]]
    # tokens of a verb a cue sense re-read as a handover verb ("is expected to free 60": gate.plan_infinitives)
    plan_verbs: set[int] = field(default_factory=set)
    # tokens where a rank written as a title opens a person before a name (groups.read_ranks)
    ranks: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, doc: Doc) -> "DocIndex":
        # the recognisers' own Span objects where they are kept (iterating a SpanGroup makes new ones)
        spans = {key: spans_of(doc, key) for key in SPAN_KEYS}
        if spans["dates"] and spans["actors"]:
            spans["dates"] = _outside_names(spans["dates"], spans["actors"])

        def index(key: str) -> list[Span | None]:
            at: list[Span | None] = [None] * len(doc)
            for span in spans[key]:
                start, end = span.start, span.end
                at[start:end] = [span] * (end - start)
            return at

        # the tokens' lower case from their texts, which the sentence splitter read (LOWER is str.lower of ORTH)
        lower = lowers_of(doc)
        return cls(doc, index("actors"), index("cues"), index("quantities"), lower, spans)

    @once
    def texts(self) -> list[str]:
        """Token index -> the token's text, as written."""
        return texts_of(self.doc)

    @once
    def word_set(self) -> frozenset[str]:
        """Every lower-case word of the doc: a rule whose words are all missing holds in no sentence."""
        return word_set_of(self.doc)

    @once
    def idx(self) -> list[int]:
        """Token index -> the token's character offset in the doc (`doc[i].idx`)."""
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []


def _outside_names(dates: list[Span], names: list[Span]) -> list[Span]:
    """The dates that lie inside no name (DATE_IN_NAME): both lists are in text order."""
    kept, k = [], 0
    for date in dates:
        while k < len(names) and names[k].end <= date.start:
            k += 1
        if k < len(names) and names[k].start <= date.start and date.end <= names[k].end:
            continue
        kept.append(date)
    return kept if len(kept) < len(dates) else dates


@dataclass
class SentenceView:
    index: int
    sent: Span
    doc_index: DocIndex
    actors: list[Span] = field(default_factory=list)
    cues: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    quantities: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # see `per_view`
    start: int = field(init=False, repr=False, compare=False)  # token range of the sentence in the doc
    end: int = field(init=False, repr=False, compare=False)
    # the doc's tokens in lower case, indexed like the doc (the DocIndex's table; read very often)
    lower: list[str] = field(init=False, repr=False, compare=False)
    _clauses: dict[int, tuple[int, int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.start, self.end = self.sent.start, self.sent.end
        self.lower = self.doc_index.lower

    # The cues are all assigned when the views are made (`sentence_views`), before any lookup, so
    # their labels and texts can be read once (a Span's label_ and text are looked up on each call).
    @once
    def cue_labels(self) -> list[str]:
        return [c.label_ for c in self.cues]

    @once
    def cue_texts(self) -> list[str]:
        """The cues' texts in lower case."""
        return [span_text(c).lower() for c in self.cues]

    @once
    def _cues_by_label(self) -> dict[str, list[Span]]:
        by_label: dict[str, list[Span]] = {}
        for cue, label in zip(self.cues, self.cue_labels):
            by_label.setdefault(label, []).append(cue)
        return by_label

    def cues_with(self, *labels: str) -> list[Span]:
        if len(labels) == 1:
            return list(self._cues_by_label.get(labels[0], ()))
        return [c for c, label in zip(self.cues, self.cue_labels) if label in labels]

    def has_cue(self, *labels: str) -> bool:
        return not self._cues_by_label.keys().isdisjoint(labels)

    def cue(self, i: int) -> Span | None:
        return self.doc_index.cue_at[i]

    def swap_pivots(self) -> list[Span]:
        """The swap's pivots: 'in exchange for', 'in return for' (a bare 'for' is too common to mark a swap)."""
        return [c for c in self.cues_with("FOR") if c.kb_id_ != "for"]

    def has_swap_pivot(self, lo: int | None = None, hi: int | None = None) -> bool:
        """A swap's pivot (`swap_pivots`) in the sentence, or on some token lo..hi-1."""
        if lo is None or hi is None:
            return any(c.kb_id_ != "for" for c in self.cues_with("FOR"))
        return any(c.kb_id_ != "for" and c.start < hi and c.end > lo for c in self.cues_with("FOR"))

    def actor(self, i: int) -> Span | None:
        return self.doc_index.actor_at[i]

    @once
    def words(self) -> list[str]:
        """The sentence's tokens in lower case, indexed from the sentence start."""
        return self.doc_index.lower[self.start:self.end]

    @once
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    @once
    def word_tuple(self) -> tuple[str, ...]:
        return tuple(self.words)

    def words_between(self, lo: int, hi: int) -> tuple[str, ...]:
        """Lower-case tokens from doc index lo to hi, clipped to the sentence."""
        start = self.start
        return self.word_tuple[max(lo - start, 0):max(min(self.end, hi) - start, 0)]

    def word(self, i: int) -> str:
        """Lower-case token at doc index i (inside the sentence)."""
        return self.words[i - self.start]

    @once
    def padded_text(self) -> str:
        """' word word ... ': for quick phrase tests."""
        return " " + " ".join(self.words) + " "

    def clause_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the clause around token i (commas, semicolons, subordinators break clauses)."""
        found = self._clauses.get(i)
        if found is None:
            found = self._clauses[i] = self._clause_at(i)
        return found

    def _clause_at(self, i: int) -> tuple[int, int]:
        words, start = self.words, self.start
        lo = i
        while lo > start and words[lo - 1 - start] not in CLAUSE_BREAKS:
            lo -= 1
        hi = i + 1
        while hi < self.end and words[hi - start] not in CLAUSE_BREAKS:
            hi += 1
        return lo, hi

    def in_range(self, spans: list[Span], lo: int, hi: int) -> list[Span]:
        return [s for s in spans if s.start >= lo and s.end <= hi]

    @once
    def text(self) -> str:
        """The sentence's text (`sent.text`, read once)."""
        return span_text(self.sent)

    @once
    def attributed(self) -> bool:
        """Reported speech: someone 'said', 'according to', or a quotation."""
        text = self.text
        return self.has_cue("ATTRIBUTION") or '"' in text or "“" in text


def sentence_views(doc: Doc, doc_index: DocIndex) -> list[SentenceView]:
    views = [SentenceView(i, sent, doc_index) for i, sent in enumerate(doc.sents)]
    starts = [v.start for v in views]

    def assign(key: str, attr: str) -> None:
        import bisect

        for span in doc_index.spans[key]:
            k = bisect.bisect_right(starts, span.start) - 1
            if k >= 0:
                getattr(views[k], attr).append(span)

    for key in SPAN_KEYS:
        assign(key, key)
    return views


def phrase_at(words: list[str] | tuple[str, ...], k: int, phrase: tuple[str, ...]) -> bool:
    """The words from position k on begin with the phrase."""
    return tuple(words[k:k + len(phrase)]) == phrase


@cache
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases)


def phrase_starts(words: list[str] | tuple[str, ...],
                  phrases: tuple[tuple[str, ...], ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(k, phrase) for each phrase that begins at position k, by k and then in the order of
    `phrases`: `phrase_at` at every position, but only where a phrase's first word stands."""
    firsts = _first_words(phrases)
    for k, word in enumerate(words):
        if word in firsts:
            for phrase in phrases:
                if phrase[0] == word and phrase_at(words, k, phrase):
                    yield k, phrase


def has_phrase(words: list[str] | tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return next(phrase_starts(words, phrases), None) is not None


T = TypeVar("T")


def per_view(fn: Callable[[SentenceView], T]) -> Callable[[SentenceView], T]:
    """A reading of one sentence, worked out once per view (in `view.memo`): for readings of the
    cues made only after `gate.drop_false_cues` has settled them, and asked of a sentence again for
    each of its groups. The value is shared: callers do not change it."""
    name = fn.__qualname__

    @wraps(fn)
    def once(view: SentenceView) -> T:
        try:
            return view.memo[name]  # type: ignore[return-value]
        except KeyError:
            value = view.memo[name] = fn(view)
            return value

    return once
