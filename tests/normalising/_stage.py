"""Run invented sentences through the packaged pipeline and read back the flows, for the stage tables."""

from __future__ import annotations

from extractor.contract import AgreementRecord, Article, ExchangeRecord, PartialDate, TallyRecord

PUBLISHED = PartialDate(year=2024, month=3, day=6)

Flow = tuple  # (from, to, category, value) or with people: (from, to, category, value, (names, ...))


def flows_of(extractor, text: str, *, people: bool = False) -> list[tuple]:
    """Every flow the article yields (exchange flows, agreement terms, tally flows), sorted."""
    article = Article(id="stage", text=text, published=PUBLISHED)
    out = []
    for record in extractor.extract(article):
        if isinstance(record, ExchangeRecord):
            flows = record.flows
        elif isinstance(record, AgreementRecord):
            flows = record.terms
        elif isinstance(record, TallyRecord):
            flows = (record.flow,)
        else:
            continue
        for f in flows:
            value = f.count.value if f.count is not None else None
            if value is None and f.count is not None:
                value = f.count.min
            row = (f.from_, f.to, f.category, value)
            out.append(row + (f.people,) if people else row)
    return sorted(out, key=repr)


def categories_of(extractor, text: str) -> set[str]:
    return {row[2] for row in flows_of(extractor, text)}


def flow_row(flow: dict) -> tuple:
    """A dumped flow as (from, to, category, value, min, max)."""
    count = flow["count"] or {}
    return (flow["from"], flow["to"], flow["category"], count.get("value"), count.get("min"), count.get("max"))


def normalised_and_records(extractor, text: str, *, doc_id: str, published: PartialDate = PUBLISHED):
    """The normaliser's hand-off for the article and its records, dumped as in the output."""
    from extractor.normalising.build import normalise

    article = Article(id=doc_id, text=text, published=published)
    doc = extractor.nlp(extractor._doc(article))
    records = [r.model_dump(mode="json", by_alias=True) for r in doc._.records]
    return normalise(doc, published=published), records
