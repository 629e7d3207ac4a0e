"""The record builder as the last pipeline component: doc._.records holds the doc's records."""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from ..about import __version__
from ..recognising import extensions  # noqa: F401  (registers the custom attributes)
from .context import known_dyads
from .records import build_records


def data_version(nlp: Language) -> str:
    """A digest of the rule data the pipeline runs with: gazetteer entries and the dyad table."""
    digest = hashlib.sha1()
    for name, component in nlp.pipeline:
        if hasattr(component, "entries"):
            digest.update(name.encode())
            digest.update(component.to_bytes())
    for dyad in known_dyads():
        digest.update(dyad.model_dump_json().encode())
    return "d-" + digest.hexdigest()[:12]


class RecordBuilder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._versions: dict | None = None

    @property
    def versions(self) -> dict:
        if self._versions is None:
            self._versions = {"extractor_version": __version__, "data_version": data_version(self.nlp)}
        return self._versions

    def __call__(self, doc: Doc) -> Doc:
        doc._.records = build_records(doc, doc_id=doc._.doc_id or "doc", published=doc._.published,
                                      versions=self.versions)
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> "RecordBuilder":
        return self


@Language.factory("exchange_records")
def make_record_builder(nlp: Language, name: str) -> RecordBuilder:
    return RecordBuilder(nlp, name)
