"""Quantity recogniser component: figures with their qualifiers, as spans in doc.spans["quantities"].

Each span's label is its qualifier; `span._.quantity` gives the parsed QuantityMatch.
"""

from __future__ import annotations

from spacy.language import Language

from .matches import MatchRecogniser
from .numbers import find_quantities

QUANTITIES_KEY = "quantities"


@Language.factory("exchange_quantities", default_config={"spans_key": QUANTITIES_KEY})
def make_quantity_recogniser(nlp: Language, name: str, spans_key: str) -> MatchRecogniser:
    return MatchRecogniser(nlp, name, spans_key=spans_key, index_attr="quantity_index",
                           find=find_quantities, label=lambda match: match.qualifier)
