"""Actor recogniser: states, capitals, seats of power, institutions, officials, demonyms, groups."""

from __future__ import annotations

from spacy.language import Language

from .gazetteer import GazetteerRecogniser, package_entries

ACTORS_KEY = "actors"


@Language.factory("exchange_actors", default_config={"spans_key": ACTORS_KEY, "source": "actors.jsonl"})
def make_actor_recogniser(nlp: Language, name: str, spans_key: str, source: str) -> GazetteerRecogniser:
    return GazetteerRecogniser(nlp, name, spans_key=spans_key, entries=package_entries(source))
