"""Date recogniser component: date expressions as spans in doc.spans["dates"].

Resolution needs the publication date and the tense of the clause, so it happens in the
normaliser; `span._.date` gives the DateMatch found here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .temporal import find_dates

DATES_KEY = "dates"


class DateRecogniser:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans, index = [], {}
        for match in find_dates(extensions.text_of(doc)):
            span = doc.char_span(match.start, match.end, label=match.kind, alignment_mode="expand")
            if span is None or (spans and span.start < spans[-1].end):
                continue
            spans.append(span)
            index[(span.start_char, span.end_char)] = match
        doc.spans[self.spans_key] = spans
        doc._.date_index = index
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "DateRecogniser":
        return self


@Language.factory("exchange_dates", default_config={"spans_key": DATES_KEY})
def make_date_recogniser(nlp: Language, name: str, spans_key: str) -> DateRecogniser:
    return DateRecogniser(nlp, name, spans_key=spans_key)
