"""The data model every stage shares: Article → Sentence → Actor → Event.

All classes are frozen dataclasses so a stage can never mutate what an earlier
stage produced; stages derive new values with :func:`dataclasses.replace`.
Offsets (``start``/``end``/``span``) always point into the ORIGINAL article
text, so evidence can be shown exactly where a reader would find it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article as received, before any cleaning."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""
    """Where the article came from (``path`` or ``path:line``), for messages."""

    @property
    def content_hash(self) -> str:
        """Hash of everything coding depends on: re-coding an unchanged article is a no-op."""
        key = "\x1f".join([self.title, self.text, self.published.isoformat() if self.published else ""])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Removal:
    """A piece of the original text that cleaning set aside, and why."""

    kind: str  # dateline | caption | credit | repeat | doubled_word | boilerplate
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanArticle:
    """The article's text with noise set aside, plus the way back to the original.

    ``chunks`` holds ``(clean_start, original_start)`` pairs for contiguous runs copied
    verbatim from the original; every character of ``text`` lies in exactly one run.
    """

    article: Article
    text: str
    chunks: tuple[tuple[int, int], ...]
    removed: tuple[Removal, ...] = ()
    dateline_place: str | None = None
    wire: str | None = None
    title_end: int = 0
    """Characters of ``text`` before this offset are the headline (0 if none)."""

    def to_original(self, offset: int) -> int:
        """Map an offset in the cleaned text to the original text."""
        from bisect import bisect_right

        i = bisect_right(self.chunks, (offset, float("inf"))) - 1
        if i < 0:
            return offset
        clean_start, orig_start = self.chunks[i]
        return orig_start + (offset - clean_start)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned ``[start, end)`` span to the original text (end exclusive)."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text, located in the original."""

    article_id: str
    index: int
    text: str
    start: int
    end: int
    is_title: bool = False


@dataclass(frozen=True)
class Actor:
    """A resolved participant: who, from which country, in which sector."""

    name: str
    country: str | None = None
    """ISO 3166-1 alpha-3, or ``IGO``/``NGO`` for organisations."""
    sector: str | None = None
    """GOV MIL POL REB OPP PTY CVL BUS MED NGO IGO JUD LEG EDU REL, or None."""
    role: str | None = None
    text: str = ""
    """The words of the mention as they appear in the sentence."""
    code: str | None = None
    """CAMEO actor code, country + sector, e.g. ``CHNGOV``."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """One coded event, with the evidence that proves it."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    date: str | None
    date_source: str
    """``explicit``, ``relative`` or ``publication``."""
    location: Location | None
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    plover_score: float | None
    confidence: float
    sentence: str
    span: tuple[int, int]
    sentence_index: int = 0
    trigger: str = ""
    """The words that triggered the event (verb or event noun), for explanation."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def factual(self) -> bool:
        """True when the event is reported as having happened (no auxiliary flag set)."""
        return not (self.negated or self.hypothetical or self.future or self.historical)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form (field names are a contract: add, never rename)."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "historical": self.historical,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover_score": self.plover_score,
            "confidence": self.confidence,
            "sentence": self.sentence,
            "span": list(self.span),
            "sentence_index": self.sentence_index,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class CodedArticle:
    """What the pipeline returns for one article."""

    clean: CleanArticle
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]

    @property
    def article(self) -> Article:
        return self.clean.article
