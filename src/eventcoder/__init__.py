"""eventcoder: news articles in, PLOVER-coded political events with evidence out."""

from eventcoder.model import Actor, Article, CleanArticle, CodedArticle, Event, Location, Sentence

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "CleanArticle", "CodedArticle", "Event", "Location", "Sentence", "__version__"]
