"""Cue recogniser: exchange and transfer words, categories, status, agreement, tally, attribution."""

from __future__ import annotations

from spacy.language import Language

from .gazetteer import GazetteerRecogniser, package_entries

CUES_KEY = "cues"


@Language.factory("exchange_cues", default_config={"spans_key": CUES_KEY, "source": "cues.jsonl"})
def make_cue_recogniser(nlp: Language, name: str, spans_key: str, source: str) -> GazetteerRecogniser:
    return GazetteerRecogniser(nlp, name, spans_key=spans_key, entries=package_entries(source))
