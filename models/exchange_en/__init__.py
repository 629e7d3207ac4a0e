"""The exchange-event pipeline as an installed spaCy package: `spacy.load("exchange_en")`.

Written by `extractor build-model`. Install extractor first (its components and tokenizer are spaCy
entry points), then this folder with `pip install ./models`.
"""

from pathlib import Path

from spacy.util import load_model_from_path


def load(**overrides):
    """The pipeline in this folder; `overrides`: spacy.load's vocab, disable, enable, exclude, config."""
    return load_model_from_path(Path(__file__).parent, **overrides)
