"""Version of the tool; the data version is computed from the packaged rule data."""

__version__ = "0.1.0"
