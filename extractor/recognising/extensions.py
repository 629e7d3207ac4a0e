"""Custom attributes the components share: set once, on import."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def _lookup(index_name: str):
    def get(span: Span):
        index = getattr(span.doc._, index_name)
        return None if index is None else index.get((span.start_char, span.end_char))

    return get


TEXT_KEY = "extractor.text"


def text_of(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: spaCy builds `doc.text` anew on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def register() -> None:
    for name in ("doc_id", "published", "quantity_index", "date_index", "records"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", getter=_lookup("quantity_index"))
    if not Span.has_extension("date"):
        Span.set_extension("date", getter=_lookup("date_index"))


register()
