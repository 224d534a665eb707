"""Shared test helpers: hand-built events and coded articles, so storage and export tests need no NLP."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventcoder.model import Actor, Article, CleanArticle, CodedArticle, Event, Location, Sentence


def make_actor(name: str = "Wang Yi", country: str | None = "CHN", sector: str | None = "GOV", **kw: Any) -> Actor:
    """An actor with a CAMEO-style code built from country and sector unless given."""
    code = kw.pop("code", (country or "") + (sector or "") or None)
    role, text = kw.pop("role", None), kw.pop("text", name)
    return Actor(name=name, country=country, sector=sector, role=role, text=text, code=code)


def make_event(article_id: str = "a1", n: int = 0, **kw: Any) -> Event:
    """A complete factual event; override any field by keyword."""
    fields: dict[str, Any] = {
        "event_id": f"{article_id}-e{n}",
        "article_id": article_id,
        "type": "CONSULT",
        "mode": "phone",
        "context": ("diplomatic",),
        "actor": (make_actor(),),
        "recipient": (make_actor("Sergei Lavrov", "RUS", "GOV", role="foreign minister"),),
        "date": "2020-12-22",
        "date_source": "relative",
        "location": Location("Beijing", "CHN", 39.9075, 116.39723),
        "negated": False,
        "hypothetical": False,
        "future": False,
        "historical": False,
        "cameo": "041",
        "goldstein": 1.0,
        "quad_class": 1,
        "plover_score": 5.0,
        "confidence": 0.9,
        "sentence": f"Wang Yi spoke by phone with Sergei Lavrov ({n}).",
        "span": (10 * n, 10 * n + 9),
        "sentence_index": n,
        "trigger": "spoke",
    }
    fields.update(kw)
    return Event(**fields)


def make_coded(
    article_id: str = "a1",
    events: int | list[Event] = 1,
    text: str = "Wang Yi spoke by phone with Sergei Lavrov.",
    published: dt.date | None = dt.date(2020, 12, 23),
    **article_kw: Any,
) -> CodedArticle:
    """A coded article with ``events`` events (a count, or the events themselves) and one sentence each."""
    article = Article(id=article_id, text=text, published=published, origin=f"{article_id}.txt", **article_kw)
    evs = tuple(make_event(article_id, i) for i in range(events)) if isinstance(events, int) else tuple(events)
    clean = CleanArticle(article=article, text=text, chunks=((0, 0),), dateline_place="Beijing", wire="Reuters")
    sentences = tuple(
        Sentence(article_id=article_id, index=i, text=f"Sentence {i}.", start=10 * i, end=10 * i + 9, is_title=i == 0)
        for i in range(max(len(evs), 1))
    )
    return CodedArticle(clean=clean, sentences=sentences, events=evs)
