"""Quantity recogniser component: figures with their qualifiers, as spans in doc.spans["quantities"].

Each span's label is its qualifier; `span._.quantity` gives the parsed QuantityMatch. The component
keeps its cue data (number words, qualifiers, count nouns, non-count guards: `quantity_cues.jsonl`)
and saves it with `to_disk`, so a pipeline folder reads figures with its own copy.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from .matches import MatchRecogniser
from .numbers import CUE_FILE, QuantityCues, find_quantities, package_cue_text, parse_cues

QUANTITIES_KEY = "quantities"


class QuantityRecogniser(MatchRecogniser):
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        super().__init__(nlp, name, spans_key=spans_key, index_attr="quantity_index",
                         find=self._find, label=lambda match: match.qualifier)
        self._set_cues(package_cue_text(), source=f"extractor/data/{CUE_FILE}")

    def _set_cues(self, text: str, *, source: str) -> None:
        cues: QuantityCues = parse_cues(text.splitlines(), source=source)  # E101 on a bad line
        self.cue_text, self.cues = text, cues
        self._last: tuple[str, list] | None = None  # the figures of the last text, read with these cues

    def _find(self, text: str):
        # The gate on the text (`TextGate`) reads an article's figures with this method before the
        # pipeline tokenises the same text: the figures of the last text are kept for that second read.
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        found = find_quantities(text, cues=self.cues)
        self._last = (text, found)
        return found

    def rule_data(self) -> bytes:
        """The bytes of the cue data, for the pipeline's data_version."""
        return self.cue_text.encode("utf-8")

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CUE_FILE).write_text(self.cue_text, encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()) -> "QuantityRecogniser":
        file = Path(path) / CUE_FILE
        if file.exists():
            self._set_cues(file.read_text(encoding="utf-8"), source=str(file))
        return self


@Language.factory("exchange_quantities", default_config={"spans_key": QUANTITIES_KEY})
def make_quantity_recogniser(nlp: Language, name: str, spans_key: str) -> QuantityRecogniser:
    return QuantityRecogniser(nlp, name, spans_key=spans_key)
