"""Sentence boundaries for news text without a parser: final punctuation, and every line break.

Headlines, datelines and captions carry no full stop, so a line break always ends a sentence. A
run-on "sentence" (a table, a list, a hostile input) is cut every `max_tokens` tokens, at a comma
when there is one, so that no later step works on unbounded spans.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import keep_texts, token_strings

FINAL = frozenset({".", "!", "?", "…", "。"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "»"})
SOFT_BREAKS = frozenset({",", ";", ":", "–", "—"})


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str, *, max_tokens: int) -> None:
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # one array write: setting token.is_sent_start one by one costs a scan of the doc each time
        starts = numpy.full(len(doc), -1, dtype="int32")
        starts[0] = 1
        texts = token_strings(doc, ORTH)  # the token texts without making a Token object for each
        keep_texts(doc, texts)  # read again by the normaliser
        pending, length = False, 1
        longest, half = self.max_tokens, self.max_tokens // 2
        found = []  # the sentence starts after the first
        prev = texts[0]
        for i in range(1, len(texts)):
            text = texts[i]
            if "\n" in prev or prev in FINAL:
                pending = True
            elif length >= longest or (length >= half and prev in SOFT_BREAKS):
                pending = True
            if pending and not text.isspace() and text not in CLOSERS and text not in FINAL:
                found.append(i)
                pending, length = False, 1
            else:
                length += 1
            prev = text
        starts[found] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "SentenceSplitter":
        return self


@Language.factory("exchange_sentences", default_config={"max_tokens": 120})
def make_exchange_sentences(nlp: Language, name: str, max_tokens: int) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, max_tokens=max_tokens)
