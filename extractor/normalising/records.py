"""Records: occasions, agreement terms and tallies turned into validated contract records, each
with its evidence spans, the sentences it was read from, the rules that fired, and a claim id
that is the same on every run over the same article."""

from __future__ import annotations

import hashlib
from spacy.tokens import Doc, Span

from ..contract import (
    AgreementRecord,
    Count,
    DateInterval,
    ExchangeRecord,
    Location,
    PartialDate,
    TallyRecord,
)
from ..recognising.actors import ACTORS_KEY
from ..recognising.extensions import spans_of, text_of
from .agreements import dated_as_agreed
from .build import normalise
from .context import SEVERAL_STATES, ArticleContext, deal_made_at
from .counts import flows_of, keys_of, split_categories
from .dating import DEAL_MADE, broadcast_day, date_span_for, dateline_day, deal_day_over_deadline, resolve_span
from .groups import Group
from .occasions import compatible_counts
from .sentences import SentenceView, span_text


class _Attributed:
    """Sentence index -> reported speech? (the title, sentence 0, is always the article's own voice);
    worked out only for the sentences asked about."""

    def __init__(self, views: list[SentenceView]) -> None:
        self.views = views

    def get(self, index: int, default: bool = False) -> bool:
        return index > 0 and self.views[index].attributed


def _flows_of(groups: list[Group], context: ArticleContext, attributed, *, summed: dict | None = None,
              split_elsewhere: frozenset[str] = frozenset()) -> list[tuple[tuple, Count | None, Group]]:
    """(giver, receiver, category) keys with the count chosen for each (see counts.py)."""
    return flows_of(groups, context, attributed, compatible_counts, split_elsewhere=split_elsewhere, summed=summed)


def _keys(group: Group, context: ArticleContext) -> list[tuple]:
    return keys_of(group, context)


def _flow(key: tuple, count: Count | None, people: tuple[str, ...] = (), parts: tuple[int, ...] = ()) -> dict:
    """A Flow's fields, validated by the record that holds it (one validation in pydantic's core, not a
    model built in Python and then checked again)."""
    category = key[2].split("#")[0]
    side = lambda actor: None if actor in SEVERAL_STATES else actor  # noqa: E731  (several states: no one side)
    return {"from": side(key[0]), "to": side(key[1]), "category": category, "count": count, "people": people,
            "parts": parts}


def _people_of(key: tuple, groups: list[Group], context: ArticleContext) -> tuple[str, ...]:
    """The names of the persons of the groups that make up one flow, in text order, each once."""
    names: list[str] = []
    for group in sorted(groups, key=lambda g: g.char_start):
        if group.people and key in _keys(group, context):
            names += [n for n in group.people if n not in names]
    return tuple(names)


def _evidence_for(groups: list[Group], extra: list[Span]) -> list[dict]:
    """EvidenceSpan fields, validated by the record that holds them (as `_flow`)."""
    spans: list[tuple[int, int, str, str]] = []
    for group in groups:
        if group.quantity is not None:
            q = group.quantity
            spans.append((q.start_char, q.end_char, "count", span_text(q)))
        if group.noun is not None:
            n = group.noun
            spans.append((n.start_char, n.end_char, "category", span_text(n)))
    for span in extra:
        if span is not None:
            spans.append((span.start_char, span.end_char, span.label_.lower() or "cue", span_text(span)))
    seen, out = set(), []
    for start, end, label, text in sorted(spans):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        out.append({"start": start, "end": end, "label": label, "text": text})
    return out


def _sentences_of(groups: list[Group]) -> list[tuple[int, int]]:
    return sorted({(g.view.sent.start_char, g.view.sent.end_char) for g in groups})


def _location(occasion_groups: list[Group]) -> Location | None:
    for group in occasion_groups:
        view = group.view
        if view.has_cue("TALKS"):
            continue
        for place in view.places + [a for a in view.actors if a.label_ == "CAPITAL"]:
            before = view.lower[place.start - 1] if place.start > view.start else ""
            before2 = view.lower[place.start - 2] if place.start - 1 > view.start else ""
            if deal_made_at(view, place):
                continue  # "freed under the accord signed in Rome": where the deal was made (direction.deal_place)
            if before in ("in", "at", "on", "near") or before2 in ("in", "at", "on", "near"):
                return Location(name=span_text(place), country=place.kb_id_)
    return None


def _confidence(groups: list[Group]) -> float:
    if not groups:
        return 0.3
    counted = any(g.count is not None for g in groups)
    explicit = any(any(r.startswith("direction.") and r not in ("direction.dyad", "direction.unsplit")
                       for r in g.rules) for g in groups)
    return round(0.4 + 0.25 * counted + 0.2 * explicit, 2)


def _agreement_clusters(terms: list[Group], views: list[SentenceView], published: PartialDate | None,
                        year_hint: int | None) -> list[tuple[DateInterval | None, list[Group]]]:
    """Terms grouped into deals: one per date the article gives for a deal; undated terms join the first."""
    clusters: list[tuple[DateInterval | None, list[Group]]] = []
    undated: list[Group] = []
    said_agreed: set[int] = set()  # id of the groups whose date sits by 'agreed'
    for group in terms:
        span = date_span_for(group.view, group.start, end=group.end, meeting=True)
        deal_day = deal_day_over_deadline(group.view, span)
        if deal_day is not None:
            span = deal_day
            group.rules.append("agreement.deal_day_not_deadline")
        date = resolve_span(span, published=published, status="completed", year_hint=year_hint)
        if date is None:
            undated.append(group)
            continue
        if dated_as_agreed(group, span):
            said_agreed.add(id(group))
        target = next((c for c in clusters if c[0] == date), None)
        if target is None:
            clusters.append((date, [group]))
        else:
            target[1].append(group)
    clusters = _told_twice(clusters, said_agreed)
    if undated and not clusters:
        made = _deal_made_before(undated[0].view, views, published=published, year_hint=year_hint)
        if made is not None:  # "... under the peace agreement signed in Rome last month. The Rome accord provides ..."
            for group in undated:
                group.rules.append("agreement.made_in_an_earlier_sentence")
            clusters.append((made, undated))
            undated = []
    if undated:
        if clusters:
            clusters[0][1].extend(undated)
        else:
            clusters.append((None, undated))
    return clusters


DEAL_MADE_WORDS = DEAL_MADE | {"sealed", "brokered"}
DEAL_REFERENCES = frozenset({"the", "this", "that", "its", "their"})
DEAL_MADE_REACH = 3  # sentences back from the terms to the sentence that tells the deal was made


def _deal_made_before(view: SentenceView, views: list[SentenceView], *, published: PartialDate | None,
                      year_hint: int | None) -> DateInterval | None:
    """Terms told of a deal named again ('The Rome accord provides for ...') take the day that deal was made,
    told in an earlier sentence with a verb of making it ('the peace agreement signed in Rome last month')."""
    named = [c for c in view.cues_with("AGREEMENT") if c.start > view.start
             and (view.lower[c.start - 1] in DEAL_REFERENCES or (c.start - 2 >= view.start
                                                                 and view.lower[c.start - 2] in DEAL_REFERENCES))]
    if not named:
        return None
    for earlier in reversed(views[max(0, view.index - DEAL_MADE_REACH):view.index]):
        for cue in earlier.cues_with("AGREEMENT"):
            made = [k for k in range(cue.end, min(earlier.end, cue.end + 4)) if earlier.lower[k] in DEAL_MADE_WORDS]
            if not made:
                continue
            dates = [d for d in earlier.dates if made[0] < d.start and d.start - made[0] <= 6]
            if len(dates) == 1:
                return resolve_span(dates[0], published=published, status="completed", year_hint=year_hint)
    return None


def _terms_of(cluster: list[Group]) -> set[tuple]:
    return {(g.category, g.per_side, g.giver, g.receiver, g.count) for g in cluster}


def _told_twice(clusters: list[tuple[DateInterval | None, list[Group]]],
                said_agreed: set[int]) -> list[tuple[DateInterval | None, list[Group]]]:
    """One deal's terms told twice with two dates ('agree to free up to 650 each; first round on May 9'
    in a headline, 'agreed on Monday to free up to 650 on each side' in the body) are one deal, dated where
    a date sits by 'agreed' (or between 'agreed' and the figure), else where first told (rule agreement.told_twice)."""
    merged: list[tuple[DateInterval | None, list[Group]]] = []
    for date, cluster in clusters:
        twin = next((n for n, (_, kept) in enumerate(merged) if _terms_of(kept) == _terms_of(cluster)), None)
        if twin is None:
            merged.append((date, cluster))
            continue
        kept_date, kept = merged[twin]
        if any(id(g) in said_agreed for g in cluster) and not any(id(g) in said_agreed for g in kept):
            kept_date, kept = date, cluster
        kept[0].rules.append("agreement.told_twice")
        merged[twin] = (kept_date, kept)
    return merged


def _agreement_place(cluster: list[Group], views: list[SentenceView], context: ArticleContext) -> Location | None:
    """Where the deal was made: a place named with the terms, or in a sentence about talks and agreeing."""
    indices = sorted({g.view.index for g in cluster})
    indices += [v.index for v in views if v.has_cue("TALKS") and v.has_cue("AGREEMENT") and v.index not in indices]
    for vi in indices:
        for place in views[vi].places + [a for a in views[vi].actors if a.label_ == "CAPITAL"]:
            if place.kb_id_ not in (context.sides or ()):
                return Location(name=span_text(place), country=place.kb_id_)
    return None


NOBODY_NAMED_RULE = "occasion.nobody_named"


def _actor_rules(doc: Doc, flows: list) -> set[str]:
    """The rules that recognised a side of the flows (a span's `id_`: actors.context_name, actors.acronym_definition,
    actors.homeland_rebels, actors.named_rebels), for the sides no gazetteer phrase named alone."""
    sides = {side for key, _, _ in flows for side in key[:2] if side is not None}
    spans = spans_of(doc, ACTORS_KEY)
    plain = {s.kb_id_ for s in spans if not s.id_}
    # every rule that named a side, not the last one read: "the Ogoni rebels (OLF)" is named by two
    return {s.id_ for s in spans if s.id_ and s.kb_id_ in sides and s.kb_id_ not in plain}


def _nobody_named(flows: list, context: ArticleContext) -> bool:
    """'jailed for posing as a soldier freed in a prisoner swap': a swap told with no side, no figure and no
    party named anywhere in the article is a swap someone speaks of, no occasion a record can hold (rule
    occasion.nobody_named)."""
    return not context.party_counts and all(key[0] is None and key[1] is None and count is None
                                            for key, count, _ in flows)


def build_records(doc: Doc, *, doc_id: str, published: PartialDate | None, versions: dict) -> list:
    dateline = dateline_day(text_of(doc), published) if published is None or published.full is None else None
    if dateline is not None:
        published = dateline  # the article's own dateline dates it
    broadcast = broadcast_day(text_of(doc), published)
    if broadcast is not None:
        published = broadcast  # a transcript's "today" is the day of the broadcast it carries
    parts = normalise(doc, published=published, talk_only=True)
    if parts is None:
        return []  # no occasion, term or tally: `about_exchanges` turned the article down
    context = parts.context
    views = parts.views
    attributed = _Attributed(views)
    text_hash = hashlib.sha1(text_of(doc).encode("utf-8")).hexdigest()[:12]
    records = []

    def claim_id(kind: str, anchor: int, n: int) -> str:
        raw = f"{doc_id}|{text_hash}|{kind}|{anchor}|{n}"
        return "c-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    split = split_categories([m.group for occasion in parts.occasions for m in occasion.mentions])
    for n, occasion in enumerate(parts.occasions):
        groups = [m.group for m in occasion.mentions]
        summed: dict = {}
        flows = _flows_of(groups, context, attributed, split_elsewhere=split, summed=summed)
        if not flows or _nobody_named(flows, context):
            continue
        rules = sorted({r for m in occasion.mentions for r in m.rules + m.group.rules}
                       | ({"date.dateline_published"} if dateline is not None and occasion.date is not None else set())
                       | ({"date.broadcast_day"} if broadcast is not None and occasion.date is not None else set())
                       | _actor_rules(doc, flows))
        anchor = min(g.char_start for g in groups)
        records.append(ExchangeRecord(
            doc_id=doc_id,
            claim_id=claim_id("exchange", anchor, n),
            status=occasion.status,
            date=occasion.date,
            flows=tuple(_flow(k, c, _people_of(k, groups, context), summed.get(k, ())) for k, c, _ in flows),
            location=_location(groups),
            mediators=tuple(context.mediators),
            evidence=tuple(_evidence_for(groups, [occasion.date_span] if occasion.date_span is not None else [])),
            sentences=tuple(_sentences_of(groups)),
            rules=tuple(rules),
            confidence=_confidence(groups),
            **versions,
        ))
    for n, (date, cluster) in enumerate(_agreement_clusters(parts.terms, views, published, parts.year_hint)):
        flows = _flows_of(cluster, context, {})
        records.append(AgreementRecord(
            doc_id=doc_id,
            claim_id=claim_id("agreement", min(g.char_start for g in cluster), n),
            date=date,
            parties=tuple(p for p in (context.sides or ()) if p not in SEVERAL_STATES),
            location=_agreement_place(cluster, views, context),
            terms=tuple(_flow(k, c) for k, c, _ in flows),
            evidence=tuple(_evidence_for(cluster, [])),
            sentences=tuple(_sentences_of(cluster)),
            rules=tuple(sorted({r for g in cluster for r in g.rules} | {"agreement.terms"} | _actor_rules(doc, flows))),
            confidence=_confidence(cluster),
            **versions,
        ))
    seen_tallies = set()
    for tally in parts.tallies:
        group, cue = tally.group, tally.cue
        keys = _keys(group, context)
        key = keys[0]
        marker = (key, group.count)
        if marker in seen_tallies:
            continue
        seen_tallies.add(marker)
        view = group.view
        in_cue = [d for d in view.dates if cue.start <= d.start and d.end <= cue.end]
        # "between mid-March and November": the total stands as of the period's end
        date_span = in_cue[-1] if len(in_cue) > 1 else date_span_for(view, group.start)
        as_of = resolve_span(date_span, published=published, status="completed", year_hint=parts.year_hint)
        if as_of is not None and as_of.start is not None and published is not None and published.full is not None \
                and as_of.start > published.full:
            as_of = None  # "..., adding that a further handover was planned for next month": no total of a day to come
        if as_of is None and published is not None and published.full is not None:
            as_of = DateInterval(start=published.full, end=published.full, precision="day")
        # a total that runs on from the sentence before (tally.continued) has its period there
        lo, hi = view.clause_bounds(cue.start) if view.start <= cue.start < view.end else (cue.start, cue.end)
        records.append(TallyRecord(
            doc_id=doc_id,
            claim_id=claim_id("tally", group.char_start, 0),
            flow=_flow(key, group.count),
            as_of=as_of,
            scope=doc[lo:hi].text.strip()[:200],
            evidence=tuple(_evidence_for([group], [cue])),
            sentences=tuple(_sentences_of([group])),
            rules=tuple(sorted(set(group.rules) | {"tally.cue"})),
            confidence=_confidence([group]),
            **versions,
        ))
    return records
