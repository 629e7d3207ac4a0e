"""The library entry point: load the pipeline once, turn articles into contract records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from .about import __version__
from .contract import Article, Record
from .errors import Errors
from .recognising.extensions import TEXT_KEY, doc_attr, enabled_components, set_doc_attr

DEFAULT_CONFIG = "pipeline.cfg"


def load_pipeline(path: str | Path | None = None):
    """A pipeline folder (config.cfg + data, as written by nlp.to_disk), or None for the packaged default."""
    import spacy
    from spacy import util

    from .recognising import tokenizer  # noqa: F401  (registers the tokenizer)

    if path is None:
        text = resources.files("extractor.data").joinpath(DEFAULT_CONFIG).read_text(encoding="utf-8")
        config = util.load_config_from_str(text)
        return util.load_model_from_config(config, auto_fill=True, validate=True)
    path = Path(path)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(Errors.E103.format(path=str(path)))
    return spacy.load(path)


def name_the_component(name: str, proc, docs, exc: Exception):
    """spaCy's per-component error handler (`nlp.set_error_handler`): the exception goes on, with the
    failing component's name on it, so the run's E102 status line names that component."""
    try:
        exc.component = name  # type: ignore[attr-defined]
    except AttributeError:  # an exception type without a __dict__
        pass
    raise exc


_SPACY_E109 = re.compile(r"^\[E109\] Component '(?P<name>[^']+)' could not be run")


def unwrapped_key_error(exc: ValueError) -> BaseException:
    """spaCy's `nlp(doc)` turns a KeyError raised in a component into ValueError E109 ('did you forget to
    call initialize()?'), past the error handler: the KeyError itself, named with its component, so the
    E102 line names the component and the real error. Any other ValueError is given back as it is."""
    cause = exc.__cause__
    found = _SPACY_E109.match(str(exc))
    if found is None or not isinstance(cause, KeyError):
        return exc
    cause.component = found["name"]  # type: ignore[attr-defined]
    return cause


def enabled_text_gate(nlp):
    """The enabled `exchange_gate`'s `admits_text`, or None: read from the pipeline's own component list
    on every call (an article costs a few list steps; `nlp.pipe_names` and `get_pipe` make new lists)."""
    for name, component in enabled_components(nlp):
        if name == "exchange_gate":
            return getattr(component, "admits_text", None)
    return None


class Extractor:
    """Wraps a loaded pipeline; `extract` turns one article into validated records with
    `doc_id`, a deterministic `claim_id`, and the tool and data versions filled in. The
    pipeline's error handler is set to `name_the_component`."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        nlp.set_error_handler(name_the_component)
        self.tool_version = __version__
        builder = nlp.get_pipe("exchange_records")
        self.data_version = builder.versions["data_version"]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Extractor":
        from .memory import no_cyclic_gc

        with no_cyclic_gc():  # loading makes many objects and no garbage: the collector's passes are waste
            return cls(load_pipeline(path))

    def _doc(self, article: Article):
        text = article.full_text
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the tokenizer keeps every character: no need to join tokens again
        set_doc_attr(doc, "doc_id", article.id)
        set_doc_attr(doc, "published", article.published)
        return doc

    def extract(self, article: Article) -> list[Record]:
        if not self._admits(article.full_text):
            return []  # what the pipeline gives a doc its early gate rejects
        try:
            doc = self.nlp(self._doc(article))
        except ValueError as exc:
            error = unwrapped_key_error(exc)
            if error is exc:
                raise
            raise error from None
        records = doc_attr(doc, "records") or []
        source = {"outlet": article.outlet, "url": article.url, "published": article.published_raw,
                  "title": article.title or None}
        if not any(source.values()):
            return list(records)
        return [record.model_copy(update=source) for record in records]

    def _admits(self, text: str) -> bool:
        """The early gate read from the text (see normalising/text_gate.py), when the pipeline runs it."""
        admits = enabled_text_gate(self.nlp)
        return admits is None or admits(text)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Record]]]:
        for article in articles:
            yield article, self.extract(article)
