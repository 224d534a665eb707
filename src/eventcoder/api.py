"""The Python API: code text or articles without touching the CLI or a database.

    >>> from eventcoder.api import code_text
    >>> [e.type for e in code_text("Rebels attacked an army base on Monday.", "2024-03-06")]
    ['ASSAULT']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from eventcoder.model import Article, CodedArticle, Event
from eventcoder.pipeline import Pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """A process-wide pipeline with the packaged knowledge (loaded on first use)."""
    return Pipeline()


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def code_text(text: str, published: str | dt.date | None = None, article_id: str = "text") -> list[Event]:
    """Code one text; returns every event, factual or not (see ``Event.factual``)."""
    article = Article(id=article_id, text=text, published=_date(published))
    return list(default_pipeline().code_one(article).events)


def code_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
    """Code many articles in order, parsing them in batches."""
    return default_pipeline().code(articles, batch_size=batch_size)
