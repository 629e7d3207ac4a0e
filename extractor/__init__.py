"""extractor: exchange events (POW swaps, body repatriations, hostage and prisoner exchanges) from news text."""

from .about import __version__

__all__ = ["__version__"]
