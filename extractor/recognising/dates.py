"""Date recogniser component: date expressions as spans in doc.spans["dates"].

Resolution needs the publication date and the tense of the clause, so it happens in the
normaliser; `span._.date` gives the DateMatch found here.
"""

from __future__ import annotations

from spacy.language import Language

from .matches import MatchRecogniser
from .temporal import find_dates

DATES_KEY = "dates"


@Language.factory("exchange_dates", default_config={"spans_key": DATES_KEY})
def make_date_recogniser(nlp: Language, name: str, spans_key: str) -> MatchRecogniser:
    return MatchRecogniser(nlp, name, spans_key=spans_key, index_attr="date_index",
                           find=find_dates, label=lambda match: match.kind)
