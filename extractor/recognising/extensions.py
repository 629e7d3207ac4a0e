"""Custom attributes the components share: set once, on import."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def index_key(index_name: str) -> str:
    """The doc.user_data key where a recogniser keeps its index (read as `doc._.<index_name>`)."""
    return f"extractor.{index_name}"


def _index_getter(index_name: str):
    key = index_key(index_name)
    return lambda doc: doc.user_data.get(key)


_QUANTITY_KEY, _DATE_KEY = index_key("quantity_index"), index_key("date_index")


def _match(span: Span, key: str):
    index = span.doc.user_data.get(key)
    return None if index is None else index.get((span.start_char, span.end_char))


def quantity_of(span: Span):
    """`span._.quantity` without the cost of spaCy's underscore objects (the normaliser asks often)."""
    return _match(span, _QUANTITY_KEY)


def date_of(span: Span):
    """`span._.date`, as `quantity_of`."""
    return _match(span, _DATE_KEY)


TEXT_KEY = "extractor.text"


def text_of(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: spaCy builds `doc.text` anew on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def register() -> None:
    for name in ("doc_id", "published", "records"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("quantity_index", "date_index"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_index_getter(name))
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", getter=quantity_of)
    if not Span.has_extension("date"):
        Span.set_extension("date", getter=date_of)


register()
