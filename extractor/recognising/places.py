"""Place recogniser: cities, regions, airports and borders where handovers happen."""

from __future__ import annotations

from spacy.language import Language

from .gazetteer import GazetteerRecogniser, package_entries

PLACES_KEY = "places"


@Language.factory("exchange_places", default_config={"spans_key": PLACES_KEY, "source": "places.jsonl"})
def make_place_recogniser(nlp: Language, name: str, spans_key: str, source: str) -> GazetteerRecogniser:
    return GazetteerRecogniser(nlp, name, spans_key=spans_key, entries=package_entries(source))
