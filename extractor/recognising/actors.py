"""Actor recogniser: states, capitals, seats of power, institutions, officials, demonyms, groups.

States, their capitals and demonyms come from the generated `states.jsonl` (see `lexicon.py`);
institutions, officials, organisations and the groups first met from the hand-kept `actors.jsonl`;
the curated gazetteer of non-state sides since ~1945 (armed groups, rebel movements, separatist
governments, militias) from `groups.jsonl`. All are one vocabulary, saved by `to_disk`. Groups the
gazetteer does not list are found by structure (`group_names.py`), with that file's helper entries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import coded_error
from .gazetteer import GazetteerRecogniser, package_entries
from .group_names import (FIGHTERS, GROUP_NOUN, HELPER_LABELS, HOMELAND, NAME_STOP, NAME_WORD, PLACE_NOUN, STRONG, WEAK,
                          Helpers, define_acronyms, name_head_anaphors, name_rebels, open_parens,
                          places_named_like_states, possessive_anaphors)

ACTORS_KEY = "actors"


SOURCES = ["states.jsonl", "actors.jsonl", "groups.jsonl"]


class ActorRecogniser(GazetteerRecogniser):
    """The gazetteer's actors, then the groups found by structure (group_names.py)."""

    helper_labels = HELPER_LABELS

    def check_references(self) -> None:
        """A context id and a homeland's group id must be the id of an actor entry, and a name word is
        strong or weak: a typo would silently switch the entry off."""
        actors = {e.id for e in self.entries if e.label not in HELPER_LABELS}
        for entry in self.entries:
            for context in entry.context:
                if context not in actors:
                    self._unknown(entry, "context id", context, "no actor entry has")
            if entry.label == HOMELAND and entry.id not in actors:
                self._unknown(entry, "the group", entry.id, "no actor entry has as its id")
            if entry.label == NAME_WORD and entry.id not in (STRONG, WEAK):
                self._unknown(entry, "the kind", entry.id, f"is neither {STRONG!r} nor {WEAK!r}")

    def _unknown(self, entry, field: str, value: str, expected: str) -> None:
        raise coded_error("E108", label=entry.label, id=entry.id, field=field, value=value, expected=expected,
                          component=self.name)

    def _extend(self, doc: Doc, spans: list[Span]) -> list[Span]:
        helpers = self._helpers(doc)
        spans = places_named_like_states(doc, spans, helpers)
        parens = open_parens(doc)
        if not helpers.fighters and not parens:
            return possessive_anaphors(doc, name_head_anaphors(doc, spans, helpers), helpers)
        found = define_acronyms(doc, spans, helpers, parens)
        if found:  # a defined group's name takes the place of the state named inside it
            inside = {k for span in found for k in range(span.start, span.end)}
            spans = sorted([s for s in spans if s.start not in inside] + found, key=lambda s: s.start)
        spans = name_rebels(doc, spans, helpers, {s.kb_id_ for s in spans})
        return possessive_anaphors(doc, name_head_anaphors(doc, spans, helpers), helpers)

    def _helpers(self, doc: Doc) -> Helpers:
        helpers = Helpers(state_ids=self.state_ids)
        strings = self.nlp.vocab.strings
        for match_id, start, end in self._helper_matches(doc):
            label, ident = self._keys.get(match_id) or self._key_of(match_id)
            label = strings[label]
            if label == HOMELAND:
                helpers.homelands.append((start, end, strings[ident], self._contexts[match_id]))
            elif label == FIGHTERS:
                if end > helpers.fighters.get(start, (start, ""))[0]:
                    helpers.fighters[start] = (end, strings[ident])
            elif label == NAME_WORD:
                for k in range(start, end):
                    helpers.name_words[k] = strings[ident]
            elif label == NAME_STOP:
                helpers.stops.update(range(start, end))
            elif label == GROUP_NOUN:
                helpers.group_nouns.update(range(start, end))
            elif label == PLACE_NOUN:
                helpers.place_nouns.update(range(start, end))
        helpers.homelands.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        return helpers


@Language.factory("exchange_actors", default_config={"spans_key": ACTORS_KEY, "sources": SOURCES})
def make_actor_recogniser(nlp: Language, name: str, spans_key: str, sources: list[str]) -> ActorRecogniser:
    return ActorRecogniser(nlp, name, spans_key=spans_key, entries=package_entries(*sources))
