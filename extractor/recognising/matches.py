"""The shared shape of the regex recognisers: matches found in the text become spans in
doc.spans[key], and an index from character offsets to each match, for `span._.<attr>`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions


class MatchRecogniser:
    """`find` gives matches with `start`/`end` character offsets; `label` names each span."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, index_attr: str,
                 find: Callable[[str], Iterable], label: Callable[[object], str]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.index_attr = index_attr
        self._index_key = extensions.index_key(index_attr)
        self.find = find
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        spans, index = [], extensions.MatchIndex()
        for match in () if extensions.rejected(doc) else self.find(extensions.text_of(doc)):
            span = doc.char_span(match.start, match.end, label=self.label(match), alignment_mode="expand")
            if span is None or (spans and span.start < spans[-1].end):
                continue
            spans.append(span)
            index[(span.start_char, span.end_char)] = match
        extensions.keep_spans(doc, self.spans_key, spans)  # the Span objects kept for the normaliser
        doc.user_data[self._index_key] = index  # `doc._.<index_attr>` reads it
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "MatchRecogniser":
        return self
