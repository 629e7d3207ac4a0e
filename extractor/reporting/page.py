"""The report page: one HTML file with its data (JSON), styles and scripts inlined, plotly.js among them.

Nothing is fetched when it opens, so it works from the file system, offline, in any browser.
"""

from __future__ import annotations

import json
from importlib import resources
from string import Template

from ..errors import coded_error

ASSETS = "assets"


def plotly_js() -> str:
    """plotly.js as shipped inside the plotly package (no network)."""
    try:
        from plotly.offline import get_plotlyjs
    except ImportError:
        raise coded_error("E701", path="plotly", detail="the report's charts need plotly, which is not installed "
                          "(pip install 'plotly>=6,<8')") from None
    return get_plotlyjs()


def _asset(name: str) -> str:
    return resources.files("extractor.reporting").joinpath(ASSETS, name).read_text(encoding="utf-8")


def data_json(data: dict) -> str:
    """The data as JSON that cannot close its <script> element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render_page(data: dict, *, title: str) -> str:
    from html import escape

    return Template(_asset("report.html")).substitute(
        title=escape(title), source=escape(data.get("source", "")), generator=escape(data.get("generated_by", "")),
        css=_asset("report.css"), js=_asset("report.js"), plotly=plotly_js(), data=data_json(data))


__all__ = ["data_json", "plotly_js", "render_page"]
