"""The review report: a static page that shows every event with its evidence, and records corrections.

    summary = write_report(Path("out/events.sqlite"), output=Path("out/report"), articles=["corpus/sample"])

writes `output/index.html`: an overview (timeline of events, totals per dyad and category,
conflicts, filters and a search box), one card per event (flows with best/low/high and every
source's figure, conflicts, merge reasons in words, the agreement it executes, each source's
sentences with the evidence spans drawn by displaCy) and review actions (wrong, fix field, merge
with, split) that build a corrections file for `reconcile --corrections`. Data, styles and scripts
(plotly.js included) are inside the page: it opens from the file system with no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..reading import KeyMap
from .loading import ReportInput, article_texts, correction_lines, load_report_input

PAGE = "index.html"


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    events: int
    claims: int
    with_text: int

    def format(self) -> str:
        text = f"report of {self.events} event(s) written to {self.path}"
        if self.claims and self.with_text < self.claims:
            text += f" ({self.claims - self.with_text} of {self.claims} claim(s) without their article's text)"
        return text


def write_report(source: Path, *, output: Path, claims: Path | None = None, articles: Sequence[str | Path] = (),
                 keys: KeyMap | None = None, fmt: str = "auto", corrections: Path | None = None,
                 model: Path | None = None, force: bool = False, title: str = "Exchange events: review report",
                 loaded: ReportInput | None = None, nlp=None, page: str = PAGE) -> ReportSummary:
    """Write the report of `source` (store, events file or run folder) to `output/index.html` (`page`).
    `articles`: the inputs the claims were read from (their sentences are shown); `corrections`:
    the corrections file the events were made with (kept in the file the page downloads)."""
    from ..about import __version__
    from ..outputs import atomic_writer, check_output
    from .evidence import EvidenceRenderer
    from .page import render_page
    from .payload import report_data

    output = Path(output)
    page = output / page
    if output.exists() and not output.is_dir():
        from ..errors import coded_error

        raise coded_error("E204", path=str(output), detail="it is not a folder")
    output.mkdir(parents=True, exist_ok=True)
    check_output(page, force=force)
    data = loaded or load_report_input(Path(source), claims=claims)
    wanted = {str(body.get("doc_id")) for cid in {c for ev in data.events for c in ev.claims}
              if (body := data.claims.get(cid)) is not None}
    texts = dict(data.texts)
    if articles:
        texts.update(article_texts(articles, wanted=wanted - set(texts), keys=keys, fmt=fmt))
    if nlp is None and texts:
        from ..pipeline import load_pipeline

        nlp = load_pipeline(model)
    lines = correction_lines(corrections) if corrections is not None else data.corrections
    payload = report_data(data.events, data.claims, texts, renderer=EvidenceRenderer(nlp), corrections=lines,
                          rejected=sorted(data.rejected), source=str(source), generated_by=f"extractor {__version__}")
    with atomic_writer(page, force=True) as fh:
        fh.write(render_page(payload, title=title))
    used = [c for ev in data.events for c in ev.claims]
    return ReportSummary(path=page, events=len(data.events), claims=len(used),
                         with_text=sum(1 for c in used if str((data.claims.get(c) or {}).get("doc_id")) in texts))


__all__ = ["PAGE", "RUN_PAGE", "ReportInput", "ReportSummary", "load_report_input", "report_of_run", "write_report"]


RUN_PAGE = "report.html"
# Over this many events, `run` does not read the articles again for the report's sentences (the
# page would grow by about 10 MB a thousand events): the cards show the evidence spans alone, and
# `extractor report --articles` draws the sentences of a chosen store or events file.
RUN_SENTENCES_UP_TO = 5000


def report_of_run(folder: Path, *, inputs: Sequence[Path], keys: KeyMap | None, fmt: str,
                  corrections: Path | None, nlp=None, loaded: ReportInput | None = None) -> ReportSummary:
    """The last step of `extractor run`: FOLDER/report.html from the run's store and inputs (no
    inputs: a stream cannot be read again, the cards then show evidence spans only); `loaded`: the
    store's events and claims as the run already read them (else read from the store here)."""
    store = Path(folder) / "events.sqlite"
    if loaded is None:
        loaded = load_report_input(store)
    if len(loaded.events) > RUN_SENTENCES_UP_TO:
        inputs = ()
    return write_report(store, output=Path(folder), articles=inputs, keys=keys, fmt=fmt, corrections=corrections,
                        force=True, nlp=nlp, page=RUN_PAGE, loaded=loaded)
