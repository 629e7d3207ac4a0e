"""The library entry point: load the pipeline once, turn articles into contract records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .about import __version__
from .contract import Article, Record


class Extractor:
    """Wraps a loaded spaCy pipeline; `extract` is safe to call for one article at a time.

    Records come back validated, with `doc_id`, a deterministic `claim_id`, and the tool and
    data versions filled in.
    """

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.tool_version = __version__
        self.data_version = "0"

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Extractor":
        """`path`: a pipeline folder (config.cfg + data, as written by nlp.to_disk); None: the packaged default."""
        import spacy

        nlp = spacy.blank("en") if path is None else spacy.load(path)
        return cls(nlp)

    def extract(self, article: Article) -> list[Record]:
        return []

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Record]]]:
        for article in articles:
            yield article, self.extract(article)
