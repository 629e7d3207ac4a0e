"""Quantity recogniser component: figures with their qualifiers, as spans in doc.spans["quantities"].

Each span's label is its qualifier; `span._.quantity` gives the parsed QuantityMatch.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .numbers import find_quantities

QUANTITIES_KEY = "quantities"


class QuantityRecogniser:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans, index = [], {}
        for match in find_quantities(extensions.text_of(doc)):
            span = doc.char_span(match.start, match.end, label=match.qualifier, alignment_mode="expand")
            if span is None or (spans and span.start < spans[-1].end):
                continue
            spans.append(span)
            index[(span.start_char, span.end_char)] = match
        doc.spans[self.spans_key] = spans
        doc._.quantity_index = index
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "QuantityRecogniser":
        return self


@Language.factory("exchange_quantities", default_config={"spans_key": QUANTITIES_KEY})
def make_quantity_recogniser(nlp: Language, name: str, spans_key: str) -> QuantityRecogniser:
    return QuantityRecogniser(nlp, name, spans_key=spans_key)
