"""English tokenizer with extra infixes: figures glued to words by hyphens are split.

"1,000-for-1,000" becomes "1,000 - for - 1,000" and "under-25" becomes "under - 25", so the
quantity and date recognisers see whole numbers as tokens; a full stop that lost its space
("2025.Read also") still ends the sentence.
"""

from __future__ import annotations

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

EXTRA_INFIXES = (
    r"(?<=[A-Za-z])-(?=[0-9])",
    r"(?<=[0-9])-(?=[A-Za-z])",
    r"(?<=[0-9])[–—](?=[0-9])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",  # "on May 16, 2025.Read also": a full stop with its space lost
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z])",  # "in Kyiv.The exchange"
)


@spacy.registry.tokenizers("extractor.tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        # built in one go: setting infix_finditer afterwards reloads every special case
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(list(defaults.infixes) + list(EXTRA_INFIXES)).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make
