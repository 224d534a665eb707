"""The whole path of one article: clean → parse → code events → article-level tidy-up.

``Pipeline`` loads the heavy things once (spaCy, knowledge base, lexicon, ontology,
gazetteer) and then streams articles through ``nlp.pipe`` in batches, so a folder of a
hundred thousand articles runs in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from eventcoder.actors.knowledge import KnowledgeBase
from eventcoder.actors.resolver import ActorResolver
from eventcoder.clean.cleaner import clean
from eventcoder.events.coder import ArticleContext, EventCoder
from eventcoder.events.contexts import TopicContexts, paragraph_numbers
from eventcoder.events.lexicon import Lexicon
from eventcoder.events.ontology import default_ontology
from eventcoder.model import Article, CleanArticle, CodedArticle, Event, Sentence
from eventcoder.nlp.parser import load_nlp, parse_many
from eventcoder.places.resolver import PlaceResolver


class Pipeline:
    """Codes articles into events. Create once, call :meth:`code` as often as needed."""

    def __init__(self, actor_files: Sequence[str | Path] = (), lexicon_files: Sequence[str | Path] = ()) -> None:
        self.nlp = load_nlp()
        self.kb = KnowledgeBase.load(*(Path(p) for p in actor_files))
        self.resolver = ActorResolver(self.kb)
        self.places = PlaceResolver()
        self.ontology = default_ontology()
        self.coder = EventCoder(Lexicon.load(*(Path(p) for p in lexicon_files)), self.ontology)

    def code(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        """Code articles in input order, parsing them in batches."""
        cleaned = ((c.text, c) for c in map(clean, articles))
        for doc, clean_article in parse_many(cleaned, batch_size=batch_size):
            yield self.code_doc(clean_article, doc)

    def code_one(self, article: Article) -> CodedArticle:
        return next(self.code([article]))

    def code_doc(self, clean_article: CleanArticle, doc: Doc) -> CodedArticle:
        """Code one parsed article (exposed for callers that parse elsewhere, e.g. Ray workers)."""
        home = self.places.lookup(clean_article.dateline_place) if clean_article.dateline_place else None
        actors = self.resolver.for_article(home_country=home.country if home else None)
        ctx = ArticleContext(clean=clean_article, actors=actors, places=self.places)
        sentences: list[Sentence] = []
        events: list[Event] = []
        topics = TopicContexts(self.coder.lex.context_words, frozenset(self.ontology.contexts))
        sents = [s for s in doc.sents if s.text.strip()]
        paragraphs = paragraph_numbers(doc.text, [s.start_char for s in sents])
        for index, sent in enumerate(sents):
            start, end = clean_article.original_span(sent.start_char, sent.end_char)
            sentence = Sentence(
                article_id=clean_article.article.id,
                index=index,
                text=sent.text.strip(),
                start=start,
                end=end,
                is_title=sent.start_char < clean_article.title_end,
            )
            sentences.append(sentence)
            topics.add_sentence(sent, paragraphs[index])
            events.extend(self.coder.code_sentence(sent, sentence, ctx))
        events = topics.apply(tidy_events(events, sentences))
        return CodedArticle(clean=clean_article, sentences=tuple(sentences), events=tuple(events))


def tidy_events(events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """Article-level rules: one event reported twice counts once; a headline restating the body adds nothing."""
    titles = {s.index for s in sentences if s.is_title}
    body = [e for e in events if e.sentence_index not in titles]
    kept: list[Event] = []
    seen: set[tuple] = set()
    for event in body:
        key = (event.type, _countries(event.actor), _countries(event.recipient), event.date, event.factual)
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    for event in (e for e in events if e.sentence_index in titles):
        restated = any(b.type == event.type and _countries(b.actor) & _countries(event.actor) for b in body)
        if not restated:
            kept.append(event)
    return _unique_ids(kept)


def _unique_ids(events: list[Event]) -> list[Event]:
    """Event ids are primary keys: two events read off the same words get distinct ids."""
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        event_id, n = event.event_id, 1
        while event_id in seen:
            n += 1
            event_id = f"{event.event_id[:13]}-{n}"
        seen.add(event_id)
        out.append(event if event_id == event.event_id else replace(event, event_id=event_id))
    return out


def _countries(actors: tuple) -> frozenset[str]:
    return frozenset(a.country or a.name for a in actors)
