"""Tell English text from other languages without a language-ID dependency.

English news prose is ~40-50% stop words ("the", "of", "and", "said"...); French,
Spanish or German prose shares only a handful of them with English ("a", "me",
"no") and scores well under 10%. The gap is wide enough that a ratio threshold
is reliable for article-length text, and cheap enough to run on every input.
"""

from __future__ import annotations

import re
from itertools import islice

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORDS = 20
"""Below this many words the ratio is too noisy to judge: short texts pass."""
MIN_STOP_RATIO = 0.15
"""Texts whose English stop-word ratio falls below this are not English."""
MAX_WORDS = 2000
"""The ratio settles long before this; looking further only costs time."""

_WORD = re.compile(r"[^\W\d_]+")


def stop_word_ratio(text: str) -> tuple[float, int]:
    """Share of English stop words among the alphabetic words, and how many words were seen."""
    words = [m.group().lower() for m in islice(_WORD.finditer(text), MAX_WORDS)]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in STOP_WORDS)
    return hits / len(words), len(words)


def is_english(text: str) -> bool:
    """True unless the text is long enough to judge and has too few English stop words."""
    ratio, count = stop_word_ratio(text)
    return count < MIN_WORDS or ratio >= MIN_STOP_RATIO
