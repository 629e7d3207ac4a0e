"""Sentence boundaries for news text without a parser: final punctuation, and every line break.

Headlines, datelines and captions carry no full stop, so a line break always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", "…", "。"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "»"})


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        pending = False
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or prev.text in FINAL:
                pending = True
            starts = pending and not token.is_space and token.text not in CLOSERS and token.text not in FINAL
            token.is_sent_start = starts
            if starts:
                pending = False
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "SentenceSplitter":
        return self


@Language.factory("exchange_sentences")
def make_exchange_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
