"""The custom attribute values as msgpack data, so Docs serialise: `doc.to_bytes()`, `DocBin(store_user_data=True)`
and `nlp.pipe(..., n_process=2)` (which sends Docs between processes as bytes).

The recognisers' matches (QuantityMatch, DateMatch) and the contract models on `doc._.records` and
`doc._.published` are written as tagged plain dicts through srsly's msgpack encoder registry and read
back as the same objects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import srsly

TAG = "__extractor__"


def _classes() -> dict[str, type]:
    from ..contract.articles import PartialDate
    from ..contract.records import AgreementRecord, ArticleStatus, DateInterval, ExchangeRecord, TallyRecord
    from .numbers import QuantityMatch
    from .temporal import DateMatch

    return {c.__name__: c for c in (QuantityMatch, DateMatch, PartialDate, DateInterval, ExchangeRecord,
                                     AgreementRecord, TallyRecord, ArticleStatus)}


_CLASSES: dict[str, type] | None = None


def _known() -> dict[str, type]:
    global _CLASSES
    if _CLASSES is None:
        _CLASSES = _classes()
    return _CLASSES


def encode(obj, chain=None):
    from .extensions import MatchIndex, RecogniserCache

    if isinstance(obj, MatchIndex):
        return {TAG: "MatchIndex", "data": [[start, end, match] for (start, end), match in obj.items()]}
    if isinstance(obj, RecogniserCache):
        return {TAG: "RecogniserCache"}  # a cache of the doc's own spans: read back empty
    known = _known()
    name = type(obj).__name__
    if known.get(name) is type(obj):
        if dataclasses.is_dataclass(obj):
            return {TAG: name, "data": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
        return {TAG: name, "data": obj.model_dump(mode="json", by_alias=True)}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {TAG: "date", "data": obj.isoformat()}
    return obj if chain is None else chain(obj)


def decode(obj, chain=None):
    if isinstance(obj, dict) and TAG in obj:
        name, data = obj[TAG], obj.get("data")
        if name == "date":
            return dt.date.fromisoformat(data)
        if name == "RecogniserCache":
            from .extensions import RecogniserCache

            return RecogniserCache()
        if name == "MatchIndex":
            from .extensions import MatchIndex

            return MatchIndex(((start, end), match) for start, end, match in data)
        cls = _known().get(name)
        if cls is not None:
            if dataclasses.is_dataclass(cls):
                return cls(**data)
            return cls.model_validate(data)
    return obj if chain is None else chain(obj)


def register() -> None:
    if "extractor" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("extractor", func=encode)
        srsly.msgpack_decoders.register("extractor", func=decode)
