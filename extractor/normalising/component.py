"""The normaliser's pipeline components.

- `exchange_gate`, the early gate, between the fast recognisers (sentences, actors, cues, places:
  phrase matchers) and the slow ones (figures and dates: regular expressions over the text). A doc
  in which no sentence holds a transfer or swap cue with people beside it
  (`gate.may_be_about_exchanges`) is marked rejected (`doc._.rejected`): the figure and date
  recognisers and the record builder leave it alone, so most news that merely shares a word with
  exchange news ("returned from injury", "troops") costs a tokenizer pass and four phrase
  matchers. Its records are the same as without the gate: none. `Extractor.extract` asks the
  gate about the text first (`EarlyGate.admits_text`, text_gate.py): a text it turns away is not
  tokenised at all.
- `exchange_records`, the record builder, last: doc._.records holds the doc's records.

Both factories are registered when this module is imported, which spaCy does through the
`exchange_records` entry point.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..about import __version__
from ..contract.articles import PartialDate
from ..recognising import extensions  # noqa: F401  (registers the custom attributes)
from ..recognising.extensions import (
    REJECTED_KEY,
    context_value,
    doc_attr,
    drop_recogniser_cache,
    enabled_components,
    rejected,
    set_doc_attr,
)
from ..recognising.gazetteer import GazetteerRecogniser
from .context import DYADS_FILE, DYADS_KEY, STATES_KEY, package_dyads_text, package_state_ids, read_dyads
from .gate import may_be_about_exchanges
from .person_nouns import PERSON_NOUNS_FILE, PERSON_NOUNS_KEY, package_person_nouns_text, read_person_nouns
from .record_gate import RecordSources
from .text_gate import GATE_GAZETTEERS, TextGate
from .records import build_records


def data_version(nlp: Language) -> str:
    """A digest of all the rule data the pipeline runs with: the gazetteers' entries and the data
    every other component keeps (`rule_data()`: quantity cues, the dyad table)."""
    digest = hashlib.sha1()
    for name, component in nlp.pipeline:
        if hasattr(component, "rule_data"):
            data = component.rule_data()
        elif hasattr(component, "entries"):
            data = component.to_bytes()
        else:
            continue
        digest.update(name.encode())
        digest.update(data)
    return "d-" + digest.hexdigest()[:12]


def _take_context(doc: Doc) -> None:
    """`doc_id` and `published` (ISO, or a PartialDate) given as context through `nlp.pipe(..., as_tuples=True)`."""
    if doc_attr(doc, "doc_id") is None and context_value(doc, "doc_id") is not None:
        set_doc_attr(doc, "doc_id", str(context_value(doc, "doc_id")))
    published = context_value(doc, "published")
    if doc_attr(doc, "published") is None and published is not None:
        set_doc_attr(doc, "published",
                     published if isinstance(published, PartialDate) else PartialDate.parse(str(published)))


class EarlyGate:
    """`gate(doc)` marks a doc rejected; `gate.admits_text(text)` asks the same of a text before it
    is tokenised (`text_gate.TextGate`, built from the pipeline's own cue and actor gazetteers and
    built again when their entries change): False only where the doc would be rejected."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._text_gate: tuple[tuple, TextGate, RecordSources] | None = None

    def admits_text(self, text: str) -> bool:
        found = {n: c for n, c in enabled_components(self.nlp) if n in GATE_GAZETTEERS}
        gazetteers = [found[n] for n in GATE_GAZETTEERS if n in found]
        if len(gazetteers) < 2 or not all(isinstance(g, GazetteerRecogniser) for g in gazetteers):
            return True  # not our recognisers: nothing to read the text with
        key = tuple((id(g.entries), len(g.entries)) for g in gazetteers)
        if self._text_gate is None or self._text_gate[0] != key:
            gate = TextGate(self.nlp)
            self._text_gate = (key, gate, RecordSources(self.nlp, gate))
        _, gate, sources = self._text_gate
        reading = gate.reading(text)
        # about_exchanges may hold (rule gate.cue_lines), and some sentence may give a group (gate.record_sources),
        # and the article is no one-sided release story (gate.one_sided_article)
        return next(reading.passing(), None) is not None and sources.holds(reading) and not reading.one_sided

    def __call__(self, doc: Doc) -> Doc:
        if not may_be_about_exchanges(doc):
            doc.user_data[REJECTED_KEY] = True
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "EarlyGate":
        return self


@Language.factory("exchange_gate")
def make_early_gate(nlp: Language, name: str) -> EarlyGate:
    return EarlyGate(nlp, name)


class RecordBuilder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._versions: dict | None = None
        self._states: tuple[tuple, frozenset[str]] | None = None
        self._set_dyads(package_dyads_text(), origin=f"extractor/data/{DYADS_FILE}")
        self._set_person_nouns(package_person_nouns_text(), origin=f"extractor/data/{PERSON_NOUNS_FILE}")

    def _set_dyads(self, text: str, *, origin: str) -> None:
        self.dyads = read_dyads(text, origin=origin)  # E101 on a bad line
        self.dyads_text = text
        self._versions = None

    def _set_person_nouns(self, text: str, *, origin: str) -> None:
        self.person_nouns = read_person_nouns(text, origin=origin)  # E101 on a bad line
        self.person_nouns_text = text
        self._versions = None

    def rule_data(self) -> bytes:
        """The dyad table's and the person nouns' bytes, for the data_version."""
        return self.dyads_text.encode("utf-8") + b"\x00" + self.person_nouns_text.encode("utf-8")

    @property
    def state_ids(self) -> frozenset[str]:
        """The STATE ids of the pipeline's own gazetteers (a model folder's lexicon, not the package's);
        the package's when no gazetteer holds any. Read again when a gazetteer's entries change."""
        gazetteers = [c for _, c in enabled_components(self.nlp) if isinstance(c, GazetteerRecogniser)]
        key = tuple((id(g.entries), len(g.entries)) for g in gazetteers)
        if self._states is None or self._states[0] != key:
            found = frozenset().union(*(g.state_ids for g in gazetteers))
            self._states = (key, found or package_state_ids())
        return self._states[1]

    @property
    def versions(self) -> dict:
        if self._versions is None:
            self._versions = {"extractor_version": __version__, "data_version": data_version(self.nlp)}
        return self._versions

    def __call__(self, doc: Doc) -> Doc:
        if rejected(doc):
            set_doc_attr(doc, "records", [])  # what build_records gives a doc that `about_exchanges` turns down
            drop_recogniser_cache(doc)
            return doc
        doc.user_data[DYADS_KEY] = self.dyads
        doc.user_data[STATES_KEY] = self.state_ids
        doc.user_data[PERSON_NOUNS_KEY] = self.person_nouns
        _take_context(doc)
        try:
            records = build_records(doc, doc_id=doc_attr(doc, "doc_id") or "doc", published=doc_attr(doc, "published"),
                                    versions=self.versions)
            set_doc_attr(doc, "records", records)
        finally:
            del doc.user_data[DYADS_KEY]
            del doc.user_data[STATES_KEY]
            del doc.user_data[PERSON_NOUNS_KEY]
            drop_recogniser_cache(doc)
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / DYADS_FILE).write_text(self.dyads_text, encoding="utf-8")
        (path / PERSON_NOUNS_FILE).write_text(self.person_nouns_text, encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()) -> "RecordBuilder":
        file = Path(path) / DYADS_FILE
        if file.exists():
            self._set_dyads(file.read_text(encoding="utf-8"), origin=str(file))
        file = Path(path) / PERSON_NOUNS_FILE
        if file.exists():
            self._set_person_nouns(file.read_text(encoding="utf-8"), origin=str(file))
        return self


@Language.factory("exchange_records")
def make_record_builder(nlp: Language, name: str) -> RecordBuilder:
    return RecordBuilder(nlp, name)
