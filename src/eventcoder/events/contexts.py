"""Contexts beyond the clause: what the paragraph and the article are about.

A PLOVER context says what an event concerns ("a meeting on military issues"). The clause
often leaves it out while the paragraph or the whole article makes it plain, and the
codebook expects the coder to read it there as a human analyst would. The event coder
fills contexts from the trigger's own clause; this step gives an event that has none the
topic of its paragraph, or failing that of its article, when that topic is salient
(named by several cue words, not one passing mention).

Only ``context`` changes: the CAMEO code stays the one read off the clause, because it
describes the wording that proves the event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span

from eventcoder.model import Event

PARAGRAPH_MIN = 2
"""Cue words a paragraph needs for its topic to be given to its events."""
ARTICLE_MIN = 3
"""Cue words an article needs for its topic to count ..."""
ARTICLE_SHARE = 1 / 3
"""... spread over at least this share of its sentences (and at least two): an article that
mentions the pandemic in passing three times is not about health."""


@dataclass
class TopicContexts:
    """Collects cue words sentence by sentence, then passes topics on to context-less events."""

    cues: Mapping[str, str]
    """Lemma -> context (the lexicon's ``context_words``)."""
    valid: frozenset[str]
    """Context names of the ontology; cues naming anything else are ignored."""

    def __post_init__(self) -> None:
        self._sentences: list[tuple[int, Counter[str]]] = []

    def add_sentence(self, sent: Span, paragraph: int) -> None:
        """Record the cue words of the next sentence (sentences must come in order)."""
        found = Counter(c for tok in sent if (c := self.cues.get(tok.lemma_.lower())) in self.valid)
        self._sentences.append((paragraph, found))

    def apply(self, events: Sequence[Event]) -> list[Event]:
        """Events without a context of their own get their paragraph's topic, else the article's."""
        article, spread = Counter[str](), Counter[str]()
        paragraphs: dict[int, Counter[str]] = {}
        for paragraph, found in self._sentences:
            article.update(found)
            spread.update(found.keys())
            paragraphs.setdefault(paragraph, Counter()).update(found)
        needed = max(2, ARTICLE_SHARE * len(self._sentences))
        article_topic = _top(Counter({c: n for c, n in article.items() if spread[c] >= needed}), ARTICLE_MIN)
        out: list[Event] = []
        for event in events:
            if event.context or event.sentence_index >= len(self._sentences):
                out.append(event)
                continue
            paragraph = self._sentences[event.sentence_index][0]
            topic = _top(paragraphs[paragraph], PARAGRAPH_MIN) or article_topic
            out.append(replace(event, context=topic) if topic else event)
        return out


def _top(counts: Counter[str], minimum: int) -> tuple[str, ...]:
    """The most frequent context(s) with at least ``minimum`` cues; ties keep all."""
    if not counts:
        return ()
    best = max(counts.values())
    return tuple(sorted(c for c, n in counts.items() if n == best)) if best >= minimum else ()


def paragraph_numbers(text: str, starts: Sequence[int]) -> list[int]:
    """The paragraph of each sentence start: blocks split by blank lines, or by line breaks
    when the text has no blank line (one paragraph per line, as feeds often send it)."""
    separator = "\n\n" if "\n\n" in text else "\n"
    out, paragraph, pos = [], 0, 0
    for start in starts:
        paragraph += text.count(separator, pos, start)
        pos = max(pos, start)
        out.append(paragraph)
    return out
