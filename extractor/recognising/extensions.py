"""Custom attributes the components share: set once, on import."""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Span


class KeptSpan(Span):
    """A recogniser's span that keeps the strings of its label and KB id (in slots, read as fast as any
    attribute). spaCy's `label_` and `kb_id_` look the id up in the vocab's StringStore and make a new str on
    every read (about 800 machine instructions), and the normaliser reads them several hundred times per
    article. Made by `kept_span`; setting `label_` or `kb_id_` sets spaCy's id and keeps the string spaCy
    then reads."""

    __slots__ = ("label_", "kb_id_")

    def __setattr__(self, name: str, value) -> None:
        if name in _KEPT_STRINGS:
            spacy_attr = getattr(Span, name)
            spacy_attr.__set__(self, value)
            value = spacy_attr.__get__(self)
        super().__setattr__(name, value)


_KEPT_STRINGS = frozenset({"label_", "kb_id_"})
_KEEP_LABEL, _KEEP_KB_ID = KeptSpan.label_.__set__, KeptSpan.kb_id_.__set__


def kept_span(doc: Doc, start: int, end: int, label: str, kb_id: str, *, label_id: int | None = None,
              kb_id_id: int | None = None, span_id: int | str = 0) -> KeptSpan:
    """`Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)` as a `KeptSpan`; `label_id` and
    `kb_id_id`: the string ids of `label` and `kb_id` when the caller holds them (else they are looked up)."""
    span = KeptSpan(doc, start, end, label=label if label_id is None else label_id,
                    kb_id=kb_id if kb_id_id is None else kb_id_id, span_id=span_id)
    _KEEP_LABEL(span, label)
    _KEEP_KB_ID(span, kb_id)
    return span


def index_key(index_name: str) -> str:
    """The doc.user_data key where a recogniser keeps its index (read as `doc._.<index_name>`)."""
    return f"extractor.{index_name}"


class MatchIndex:
    """Character offsets (start, end) of a span -> the recogniser's match for it. Not a dict, so that
    msgpack hands it to our encoder (`serial`): its tuple keys would not survive `doc.to_bytes()`."""

    __slots__ = ("_by_span",)

    def __init__(self, items=()) -> None:
        self._by_span: dict[tuple[int, int], object] = dict(items)

    def get(self, key: tuple[int, int], default=None):
        return self._by_span.get(key, default)

    def __getitem__(self, key: tuple[int, int]):
        return self._by_span[key]

    def __setitem__(self, key: tuple[int, int], value) -> None:
        self._by_span[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._by_span

    def __len__(self) -> int:
        return len(self._by_span)

    def __iter__(self):
        return iter(self._by_span)

    def items(self):
        return self._by_span.items()

    def values(self):
        return self._by_span.values()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchIndex) and other._by_span == self._by_span

    def __repr__(self) -> str:
        return f"MatchIndex({self._by_span!r})"


def _index_getter(index_name: str):
    key = index_key(index_name)
    return lambda doc: doc.user_data.get(key)


_QUANTITY_KEY, _DATE_KEY = index_key("quantity_index"), index_key("date_index")


def _match(span: Span, key: str):
    index = span.doc.user_data.get(key)
    return None if index is None else index.get((span.start_char, span.end_char))


def quantity_of(span: Span):
    """`span._.quantity` without the cost of spaCy's underscore objects (the normaliser asks often)."""
    return _match(span, _QUANTITY_KEY)


def date_of(span: Span):
    """`span._.date`, as `quantity_of`."""
    return _match(span, _DATE_KEY)


_STRINGS: dict[int, str] = {}  # string id -> string: the same for every vocab (ids are hashes of the strings)
_STRINGS_LIMIT = 1_000_000  # forgotten past this many, so a long run over many words stays bounded


def token_strings(doc: Doc, attr: int) -> list[str]:
    """Each token's string for `attr` (ORTH, LOWER), indexed like the doc, without a Token object
    per token (`doc[i].lower_` makes one on every call) and with each string id looked up in the
    vocab's StringStore once per process rather than once per token."""
    if not len(doc):
        return []
    keys = doc.to_array(attr).tolist()
    words = list(map(_STRINGS.get, keys))
    if None in words:
        if len(_STRINGS) > _STRINGS_LIMIT:
            _STRINGS.clear()
        strings = doc.vocab.strings
        for i, word in enumerate(words):
            if word is None:
                words[i] = _STRINGS[keys[i]] = strings[keys[i]]
    return words


def sentence_starts(doc: Doc) -> list[int]:
    """`[sent.start for sent in doc.sents]` read from the SENT_START column, without a Span object (and
    its character offsets) per sentence; the doc must have sentence starts, as `doc.sents` needs."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [sent.start for sent in doc.sents]
    if not len(doc):
        return []
    flags = doc.to_array(SENT_START)
    return [0] + (numpy.flatnonzero(flags[1:] == 1) + 1).tolist()


TEXT_KEY = "extractor.text"


def text_of(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: spaCy builds `doc.text` anew on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


RECOGNISER_CACHE_KEY = "extractor.recogniser_cache"


class RecogniserCache:
    """What the recognisers made and the normaliser reads again: the Span objects put in
    `doc.spans[key]` (`keep_spans`, `spans_of`; iterating a SpanGroup makes a new Span object per span,
    about 1.5 us each) and the token texts (`keep_texts`, `texts_of`). Kept in doc.user_data but never
    written out or copied (it holds nothing the doc does not), and dropped by the record builder."""

    __slots__ = ("spans", "texts", "lower", "word_set")

    def __init__(self) -> None:
        self.spans: dict[str, tuple[object, tuple[Span, ...]]] = {}  # key -> (the SpanGroup, its spans)
        self.texts: list[str] | None = None
        self.lower: list[str] | None = None
        self.word_set: frozenset[str] | None = None

    def __deepcopy__(self, memo) -> "RecogniserCache":
        return RecogniserCache()

    def __reduce__(self):
        return (RecogniserCache, ())


def _cache(doc: Doc) -> RecogniserCache:
    kept = doc.user_data.get(RECOGNISER_CACHE_KEY)
    if not isinstance(kept, RecogniserCache):
        kept = doc.user_data[RECOGNISER_CACHE_KEY] = RecogniserCache()
    return kept


def keep_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """`doc.spans[key] = spans`, with the Span objects kept for `spans_of`."""
    doc.spans[key] = spans
    _cache(doc).spans[key] = (doc.spans[key], tuple(spans))


def spans_of(doc: Doc, key: str) -> list[Span]:
    """`list(doc.spans[key])` (empty without that group), with the Span objects `keep_spans` kept when the
    group is still the one it set (not replaced, not grown or shrunk since)."""
    if key not in doc.spans:
        return []
    group = doc.spans[key]
    kept = doc.user_data.get(RECOGNISER_CACHE_KEY)
    entry = kept.spans.get(key) if isinstance(kept, RecogniserCache) else None
    if entry is not None and entry[0] is group and len(group) == len(entry[1]):
        return list(entry[1])
    return list(group)


def keep_texts(doc: Doc, texts: list[str]) -> None:
    """The token texts (`token_strings(doc, ORTH)`), kept for `texts_of`."""
    _cache(doc).texts = texts


def texts_of(doc: Doc) -> list[str]:
    """`token_strings(doc, ORTH)`, the kept list when there is one for as many tokens (callers do not change it)."""
    kept = doc.user_data.get(RECOGNISER_CACHE_KEY)
    texts = kept.texts if isinstance(kept, RecogniserCache) else None
    return texts if texts is not None and len(texts) == len(doc) else token_strings(doc, ORTH)


def lowers_of(doc: Doc) -> list[str]:
    """`token_strings(doc, LOWER)` (LOWER is str.lower of the token's text), made once per doc for the
    early gate and the record builder (callers do not change it)."""
    kept = _cache(doc)
    lower = kept.lower
    if lower is None or len(lower) != len(doc):
        lower = kept.lower = list(map(str.lower, texts_of(doc)))
        kept.word_set = None
    return lower


def word_set_of(doc: Doc) -> frozenset[str]:
    """Every lower-case word of the doc (`lowers_of`), as a set made once per doc."""
    lower = lowers_of(doc)
    kept = _cache(doc)
    if kept.word_set is None:
        kept.word_set = frozenset(lower)
    return kept.word_set


def drop_recogniser_cache(doc: Doc) -> None:
    """Forget what the recognisers kept (a Span refers to its doc: a cycle that only the cyclic collector frees)."""
    doc.user_data.pop(RECOGNISER_CACHE_KEY, None)


def doc_attr(doc: Doc, name: str):
    """`doc._.<name>` for the attributes registered with a default of None (doc_id, published, records),
    read where spaCy keeps it: `doc._` makes a new Underscore object on every access, a few microseconds
    that the pipeline paid several times per article."""
    return doc.user_data.get(("._.", name, None, None))


def set_doc_attr(doc: Doc, name: str, value) -> None:
    """`doc._.<name> = value` (see `doc_attr`)."""
    doc.user_data[("._.", name, None, None)] = value


REJECTED_KEY = "extractor.rejected"


def rejected(doc: Doc) -> bool:
    """The early gate (`exchange_gate`) found nothing the doc could hold an exchange record in: the
    components after it leave it alone (`doc._.rejected`)."""
    return doc.user_data.get(REJECTED_KEY, False)


def context_value(doc: Doc, name: str):
    """A value passed with the text through `nlp.pipe(((text, {"published": "2026-03-12"}), ...), as_tuples=True)`."""
    context = getattr(doc, "_context", None)
    return context.get(name) if isinstance(context, dict) else None


def register() -> None:
    from . import serial

    serial.register()  # custom values as msgpack data: Docs serialise
    for name in ("doc_id", "published", "records"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("quantity_index", "date_index"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_index_getter(name))
    if not Doc.has_extension("rejected"):
        Doc.set_extension("rejected", getter=rejected)
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", getter=quantity_of)
    if not Span.has_extension("date"):
        Span.set_extension("date", getter=date_of)


register()


def enabled_components(nlp) -> list[tuple[str, object]]:
    """The pipeline's enabled (name, component) pairs, read from its own list: `nlp.pipe_names` and `get_pipe`
    build new lists on every call, and the gates ask once per article. Relies on spaCy's private `_components`
    and `_disabled`; this is the one place to change if spaCy renames them."""
    disabled = nlp._disabled
    return [(name, component) for name, component in nlp._components if name not in disabled]
