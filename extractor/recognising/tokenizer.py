"""English tokenizer with extra infixes: figures glued to words by hyphens are split.

"1,000-for-1,000" becomes "1,000 - for - 1,000" and "under-25" becomes "under - 25", so the
quantity and date recognisers see whole numbers as tokens; a full stop that lost its space
("2025.Read also") still ends the sentence.
"""

from __future__ import annotations

import spacy
from spacy.language import create_tokenizer as create_default_tokenizer
from spacy.util import compile_infix_regex

EXTRA_INFIXES = (
    r"(?<=[A-Za-z])-(?=[0-9])",
    r"(?<=[0-9])-(?=[A-Za-z])",
    r"(?<=[0-9])[–—](?=[0-9])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",  # "on May 16, 2025.Read also": a full stop with its space lost
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z])",  # "in Kyiv.The exchange"
)


@spacy.registry.tokenizers("extractor.tokenizer.v1")
def create_tokenizer():
    make_default = create_default_tokenizer()

    def make(nlp):
        tokenizer = make_default(nlp)
        tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(EXTRA_INFIXES)).finditer
        return tokenizer

    return make
