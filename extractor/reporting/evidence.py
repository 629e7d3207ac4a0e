"""A claim's sentences as HTML, with its evidence spans drawn by displaCy's span renderer.

The record's evidence spans (figures, categories, dates) are drawn as they are; the actors and the
place of the record are found in the sentence by the pipeline's own gazetteers (only those the
record names). Each sentence becomes a Doc whose tokens break at every span edge, so a drawn span
covers exactly the evidence's characters; the spans go to `doc.spans["report"]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy import displacy
from spacy.tokens import Doc, Span

SPANS_KEY = "report"
LABELS = {"count": "COUNT", "category": "WHO", "tally": "TALLY"}  # any other evidence label is a date expression
COLORS = {"COUNT": "#f7c873", "WHO": "#a8d5a2", "DATE": "#9cc3f0", "ACTOR": "#e8a2c8", "PLACE": "#c7b3f0",
          "TALLY": "#f0a58c"}
# One line each: the whitespace in displaCy's own templates would show between tokens.
TEMPLATES = {
    "span": '<span class="ev-tok" style="height:{total_height}px">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="ev-bar" data-bg="{bg}" style="background:{bg};top:{top_offset}px"></span>',
    "start": '<span class="ev-start" data-bg="{bg}" style="background:{bg};top:{top_offset}px">'
             '<span class="ev-label" style="background:{bg}">{label}{kb_link}</span></span>',
}
_WORD = re.compile(r"\S+")


def display_label(label: str) -> str:
    return LABELS.get(label, "DATE")


@dataclass(frozen=True)
class Mark:
    """A span to draw: character offsets into the sentence, and its label."""

    start: int
    end: int
    label: str


def sentence_doc(vocab, text: str, marks: Iterable[Mark]) -> Doc:
    """`text` as a Doc of whitespace-separated words, broken again at every mark's edges, with the
    marks as `doc.spans[SPANS_KEY]` (marks not on the text are left out)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()]
    cuts = {m.start for m in marks} | {m.end for m in marks}
    words, spaces, starts, ends = [], [], {}, {}
    for chunk in _WORD.finditer(text):
        edges = sorted({chunk.start(), chunk.end(), *(c for c in cuts if chunk.start() < c < chunk.end())})
        for a, b in zip(edges, edges[1:]):
            starts[a], ends[b] = len(words), len(words) + 1
            words.append(text[a:b])
            spaces.append(b == chunk.end() and b < len(text))
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = []
    for m in marks:
        start = _snap(starts, m.start, forward=True, limit=m.end)
        end = _snap(ends, m.end, forward=False, limit=m.start)
        if start is not None and end is not None and start < end:
            spans.append(Span(doc, start, end, label=m.label))
    doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, -s.end, s.label_))
    return doc


def _snap(edges: dict[int, int], offset: int, *, forward: bool, limit: int) -> int | None:
    """The token edge at `offset`, or the nearest one inwards when the mark begins or ends on whitespace."""
    step = 1 if forward else -1
    while offset != limit:
        if offset in edges:
            return edges[offset]
        offset += step
    return None


def render(doc: Doc) -> str:
    """displaCy's span rendering of `doc.spans[SPANS_KEY]`, each token with its trailing whitespace."""
    parsed = displacy.parse_spans(doc, {"spans_key": SPANS_KEY})
    parsed["tokens"] = [t.text_with_ws for t in doc]
    options = {"spans_key": SPANS_KEY, "colors": COLORS, "template": TEMPLATES}
    return displacy.render(parsed, style="span", manual=True, options=options, page=False, jupyter=False).strip()


class EvidenceRenderer:
    """Draws claims' sentences; `nlp`: a loaded extractor pipeline whose actor and place gazetteers
    find the record's actors and place in the sentence (None: evidence spans only)."""

    def __init__(self, nlp=None) -> None:
        import spacy

        self.nlp = nlp
        self.vocab = nlp.vocab if nlp is not None else spacy.blank("en").vocab
        self._finders = []
        if nlp is not None:
            self._finders = [nlp.get_pipe(name) for name in ("exchange_actors", "exchange_places")
                             if name in nlp.pipe_names]

    def _named(self, text: str, actors: set[str], place: str | None) -> list[Mark]:
        if not self._finders or not text.strip():
            return []
        doc = self.nlp.make_doc(text)
        marks = []
        for finder in self._finders:
            doc = finder(doc)
            for span in doc.spans.get(finder.spans_key, ()):
                if place and span.text.lower() == place.lower():
                    marks.append(Mark(span.start_char, span.end_char, "PLACE"))
                elif span.kb_id_ in actors and span.label_ not in ("PLACE", "BORDER"):
                    marks.append(Mark(span.start_char, span.end_char, "ACTOR"))
        return marks

    def sentences(self, claim: dict, text: str | None) -> list[dict]:
        """One entry per sentence of the claim: its offsets, its HTML, and the spans drawn in it."""
        if not text:
            return []
        flows = [*(claim.get("flows") or ()), *(claim.get("terms") or ()), *([claim["flow"]] if claim.get("flow") else [])]
        actors = {a for f in flows for a in (f.get("from"), f.get("to")) if a}
        actors |= set(claim.get("mediators") or ()) | set(claim.get("parties") or ())
        if claim.get("actor"):
            actors.add(claim["actor"])
        place = (claim.get("location") or {}).get("name")
        out = []
        for start, end in claim.get("sentences") or ():
            sentence = text[start:end]
            marks = [Mark(e["start"] - start, e["end"] - start, display_label(e["label"]))
                     for e in claim.get("evidence") or () if start <= e["start"] and e["end"] <= end]
            marks += self._named(sentence, actors, place)
            doc = sentence_doc(self.vocab, sentence, marks)
            out.append({"start": start, "end": end, "html": render(doc),
                        "spans": [{"label": s.label_, "text": s.text} for s in doc.spans[SPANS_KEY]]})
        return out


__all__ = ["COLORS", "EvidenceRenderer", "Mark", "display_label", "render", "sentence_doc"]
