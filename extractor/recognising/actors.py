"""Actor recogniser: states, capitals, seats of power, institutions, officials, demonyms, groups.

States, their capitals and demonyms come from the generated `states.jsonl` (see `lexicon.py`);
institutions, officials, organisations and the groups first met from the hand-kept `actors.jsonl`;
the curated gazetteer of non-state sides since ~1945 (armed groups, rebel movements, separatist
governments, militias) from `groups.jsonl`. All are one vocabulary, saved by `to_disk`.
"""

from __future__ import annotations

from spacy.language import Language

from .gazetteer import GazetteerRecogniser, package_entries

ACTORS_KEY = "actors"


SOURCES = ["states.jsonl", "actors.jsonl", "groups.jsonl"]


@Language.factory("exchange_actors", default_config={"spans_key": ACTORS_KEY, "sources": SOURCES})
def make_actor_recogniser(nlp: Language, name: str, spans_key: str, sources: list[str]) -> GazetteerRecogniser:
    return GazetteerRecogniser(nlp, name, spans_key=spans_key, entries=package_entries(*sources))
