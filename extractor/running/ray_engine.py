"""Ray engine (placeholder, filled in below)."""

from __future__ import annotations


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True
