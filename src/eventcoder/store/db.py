"""The event database: one embedded DuckDB file holding articles, sentences, events and actors.

DuckDB is columnar and embedded, so a laptop can filter millions of events in
milliseconds without a server. Articles are written whole inside a transaction, so an
interrupted run never leaves half an article behind, and re-running the same command
simply continues where it stopped (unchanged articles are recognised by their content
hash).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventcoder.model import CodedArticle, Event

SCHEMA_VERSION = 1
DEFAULT_DB = "eventcoder.duckdb"

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        title VARCHAR,
        published DATE,
        source VARCHAR,
        url VARCHAR,
        origin VARCHAR,
        dateline_place VARCHAR,
        wire VARCHAR,
        text VARCHAR,
        coded_at TIMESTAMP
    )""",
    """CREATE TABLE IF NOT EXISTS sentences (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        is_title BOOLEAN
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[],
        date DATE,
        date_source VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        historical BOOLEAN NOT NULL,
        cameo VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        plover_score DOUBLE,
        confidence DOUBLE,
        sentence VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        sentence_index INTEGER,
        trigger VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS event_actors (
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
        ordinal INTEGER NOT NULL,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        actor_role VARCHAR,
        text VARCHAR,
        code VARCHAR
    )""",
]

# One statement per table, whatever the number of rows or articles: DuckDB's cost is per
# statement (and per column), not per row, so unnesting parallel Python lists is several
# times faster than executemany.
_INSERT_ARTICLES = """INSERT INTO articles
    SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]),
           unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
           unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?::TIMESTAMP"""
_INSERT_SENTENCES = """INSERT INTO sentences
    SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]),
           unnest(?::INTEGER[]), unnest(?::BOOLEAN[])"""
_INSERT_EVENTS = """INSERT INTO events
    SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
           unnest(?::VARCHAR[][]), unnest(?::DATE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
           unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::DOUBLE[]), unnest(?::BOOLEAN[]),
           unnest(?::BOOLEAN[]), unnest(?::BOOLEAN[]), unnest(?::BOOLEAN[]), unnest(?::VARCHAR[]),
           unnest(?::DOUBLE[]), unnest(?::INTEGER[]), unnest(?::DOUBLE[]), unnest(?::DOUBLE[]),
           unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),
           unnest(?::VARCHAR[])"""
_INSERT_ACTORS = """INSERT INTO event_actors
    SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),
           unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
           unnest(?::VARCHAR[])"""
_DELETE = [
    "DELETE FROM event_actors WHERE event_id IN "
    "(SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
    "DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM sentences WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
]

_FACTUAL = "NOT (e.negated OR e.hypothetical OR e.future OR e.historical)"
_ORDER = "e.date NULLS LAST, e.article_id, e.sentence_index, e.span_start, e.event_id"
_ACTOR_LIST = (
    "list(struct_pack(name := a.name, country := a.country, sector := a.sector, role := a.actor_role, "
    "text := a.text, code := a.code) ORDER BY a.ordinal)"
)


class StoreError(Exception):
    """The database cannot be used as asked; the message says what to do about it."""


class Store:
    """An eventcoder database file. Use as a context manager so the file is always closed."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}; run `eventcoder code INPUT...` first (or give --db)")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{self.path} is in use by another process (probably a running `eventcoder code`); "
                    "wait for it to finish or use another --db file"
                ) from exc
            raise StoreError(f"cannot open {self.path} ({exc}); check the path and that its folder exists") from exc
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open {self.path} as an eventcoder database ({exc}); give another --db file"
            ) from exc
        try:
            self._check_schema(read_only)
        except BaseException:
            self._con.close()
            raise

    def _check_schema(self, read_only: bool) -> None:
        """Create the tables in a new file; refuse a file written with another schema version."""
        has_meta = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'meta'"
        ).fetchone()[0]
        if not has_meta:
            if read_only:
                raise StoreError(f"{self.path} is not an eventcoder database; run `eventcoder code` to create one")
            self._con.execute("BEGIN TRANSACTION")
            for statement in _SCHEMA:
                self._con.execute(statement)
            self._con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self._con.execute("COMMIT")
            return
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else "?"
        if version != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path} has database schema version {version}, this eventcoder uses {SCHEMA_VERSION}; "
                "code your articles into a new --db file"
            )

    # --- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- writing -------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        return self._con.execute("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]).fetchone() is not None

    def known_hashes(self) -> set[str]:
        """Every stored content hash, so a big batch can skip unchanged articles without a query each."""
        return {h for (h,) in self._con.execute("SELECT content_hash FROM articles").fetchall()}

    def save(self, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False (nothing written) if its content is already stored.

        An article stored under the same id with different content is replaced in the
        same transaction, so the database never holds two versions of one article.
        """
        return self.save_many([coded])[0]

    def save_many(self, batch: Sequence[CodedArticle]) -> list[bool]:
        """Store whole articles in ONE transaction, with the same results as saving them one by one.

        DuckDB's cost is per statement, so a batch costs little more than a single
        article: big runs should use this. All or nothing: on any error the transaction
        is rolled back, nothing of the batch is written, and the error is raised.
        """
        if not batch:
            return []
        for coded in batch:
            _check_events(coded)
        hashes = [c.article.content_hash for c in batch]
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored(hashes, [c.article.id for c in batch])
            results, chosen = _plan(batch, hashes, stored)
            replaced = sorted({article_id for article_id, _ in stored} & chosen.keys())
            if replaced:
                for statement in _DELETE:
                    con.execute(statement, [replaced])
            if chosen:
                self._insert(list(chosen.values()))
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass  # the transaction is already gone; the original error is what matters
            raise
        return results

    def _stored(self, hashes: list[str], ids: list[str]) -> list[tuple[str, str]]:
        """(id, content_hash) of stored articles sharing a hash or an id with the batch (index lookups)."""
        if len(hashes) == 1:  # equality lookups are ~3x faster than list membership for one article
            sql = (
                "SELECT id, content_hash FROM articles WHERE content_hash = ? "
                "UNION SELECT id, content_hash FROM articles WHERE id = ?"
            )
            return self._con.execute(sql, [hashes[0], ids[0]]).fetchall()
        sql = (
            "SELECT id, content_hash FROM articles WHERE content_hash IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        )
        return self._con.execute(sql, [hashes, ids]).fetchall()

    def _insert(self, batch: list[CodedArticle]) -> None:
        """Insert whole articles: one statement per table for the entire batch."""
        con = self._con
        articles = [c.article for c in batch]
        con.execute(
            _INSERT_ARTICLES,
            [
                [a.id for a in articles],
                [a.content_hash for a in articles],
                [a.title for a in articles],
                [a.published for a in articles],
                [a.source for a in articles],
                [a.url for a in articles],
                [a.origin for a in articles],
                [c.clean.dateline_place for c in batch],
                [c.clean.wire for c in batch],
                [a.text for a in articles],
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
            ],
        )
        sentences = [s for c in batch for s in c.sentences]
        if sentences:
            con.execute(
                _INSERT_SENTENCES,
                [
                    [s.article_id for s in sentences],
                    [s.index for s in sentences],
                    [s.text for s in sentences],
                    [s.start for s in sentences],
                    [s.end for s in sentences],
                    [s.is_title for s in sentences],
                ],
            )
        events = [e for c in batch for e in c.events]
        if events:
            con.execute(_INSERT_EVENTS, _event_columns(events))
            actors = _actor_columns(events)
            if actors[0]:
                con.execute(_INSERT_ACTORS, actors)

    # --- reading -------------------------------------------------------------

    def events(
        self,
        *,
        actor_country: str | None = None,
        recipient_country: str | None = None,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        text: str | None = None,
        article_id: str | None = None,
        include_nonfactual: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events matching every given filter, as ``Event.to_dict()`` dicts, in date order.

        Only factual events (no negated/hypothetical/future/historical flag) unless
        ``include_nonfactual``; ``since``/``until`` are inclusive event dates; countries
        and types are matched case-insensitively, ``text`` anywhere in the sentence.
        """
        return list(
            self.iter_events(
                actor_country=actor_country,
                recipient_country=recipient_country,
                type=type,
                since=since,
                until=until,
                text=text,
                article_id=article_id,
                include_nonfactual=include_nonfactual,
                limit=limit,
            )
        )

    def iter_events(
        self,
        *,
        actor_country: str | None = None,
        recipient_country: str | None = None,
        type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        text: str | None = None,
        article_id: str | None = None,
        include_nonfactual: bool = False,
        limit: int | None = None,
        chunk_size: int = 10_000,
    ) -> Iterator[dict[str, Any]]:
        """Like :meth:`events`, streamed in chunks so exporting millions of events runs in bounded memory."""
        where: list[str] = []
        params: list[Any] = []
        if not include_nonfactual:
            where.append(_FACTUAL)
        if actor_country:
            where.append("e.event_id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND country = ?)")
            params.append(actor_country.upper())
        if recipient_country:
            where.append("e.event_id IN (SELECT event_id FROM event_actors WHERE role = 'recipient' AND country = ?)")
            params.append(recipient_country.upper())
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if since:
            where.append("e.date >= ?")
            params.append(since)
        if until:
            where.append("e.date <= ?")
            params.append(until)
        if text:
            where.append("contains(lower(e.sentence), lower(?))")
            params.append(text)
        if article_id:
            where.append("e.article_id = ?")
            params.append(article_id)
        filtered = "SELECT * FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be 0 or more, not {limit}")
            filtered += f" ORDER BY {_ORDER} LIMIT ?"
            params.append(limit)
        # The filtered set is written out twice rather than as a CTE: DuckDB materialises a
        # CTE used twice, which made a full export ~20x slower; correlated subqueries for
        # the actor lists were slower still.
        sql = f"""
            SELECT e.event_id, e.article_id, e.type, e.mode, e.context, x.actor, x.recipient,
                   e.date, e.date_source, e.location_name, e.location_country, e.location_lat, e.location_lon,
                   e.negated, e.hypothetical, e.future, e.historical, e.cameo, e.goldstein, e.quad_class,
                   e.plover_score, e.confidence, e.sentence, e.span_start, e.span_end, e.sentence_index, e.trigger
            FROM ({filtered}) e
            LEFT JOIN (
                SELECT a.event_id,
                       {_ACTOR_LIST} FILTER (WHERE a.role = 'actor') AS actor,
                       {_ACTOR_LIST} FILTER (WHERE a.role = 'recipient') AS recipient
                FROM event_actors a
                WHERE a.event_id IN (SELECT e.event_id FROM ({filtered}) e)
                GROUP BY a.event_id
            ) x USING (event_id)
            ORDER BY {_ORDER}
        """
        # A cursor of its own, so reading does not disturb (or get disturbed by) other statements.
        cursor = self._con.cursor()
        try:
            cursor.execute(sql, params + params)
            while rows := cursor.fetchmany(chunk_size):
                for row in rows:
                    yield _row_to_dict(row)
        finally:
            cursor.close()

    def stats(self) -> dict[str, Any]:
        """Counts for a quick look at what the database holds (dates span factual events)."""
        con = self._con
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        sentences = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
        total, factual, first, last = con.execute(
            f"SELECT count(*), count(*) FILTER ({_FACTUAL}), min(e.date) FILTER ({_FACTUAL}), "
            f"max(e.date) FILTER ({_FACTUAL}) FROM events e"
        ).fetchone()
        by_type = {
            type_: {"factual": n_factual, "all": n_all}
            for type_, n_factual, n_all in con.execute(
                f"SELECT e.type, count(*) FILTER ({_FACTUAL}) AS n_factual, count(*) FROM events e "
                "GROUP BY e.type ORDER BY n_factual DESC, e.type"
            ).fetchall()
        }
        return {
            "articles": articles,
            "sentences": sentences,
            "events": {"factual": factual, "all": total},
            "by_type": by_type,
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
        }


def _check_events(coded: CodedArticle) -> None:
    """Refuse, before anything is written, events that could not be stored or found again."""
    article_id = coded.article.id
    seen: set[str] = set()
    for event in coded.events:
        if event.article_id != article_id:
            raise ValueError(f"event {event.event_id} belongs to article {event.article_id!r}, not {article_id!r}")
        if event.event_id in seen:
            raise ValueError(f"two events share the id {event.event_id} (a coder bug: event ids must be unique)")
        seen.add(event.event_id)
        _parse_date(event)


def _plan(
    batch: Sequence[CodedArticle], hashes: list[str], stored: list[tuple[str, str]]
) -> tuple[list[bool], dict[str, CodedArticle]]:
    """Replay the batch against what is stored: which articles are new, and the last version of each id.

    Articles are taken in order, as if saved one by one: known content is skipped, and a
    later version of an id replaces an earlier one (stored, or earlier in the batch).
    """
    id_by_hash = {h: article_id for article_id, h in stored}
    hash_by_id = {article_id: h for article_id, h in stored}
    chosen: dict[str, CodedArticle] = {}
    results: list[bool] = []
    for coded, content_hash in zip(batch, hashes):
        if content_hash in id_by_hash:
            results.append(False)
            continue
        article_id = coded.article.id
        old = hash_by_id.get(article_id)
        if old is not None:
            del id_by_hash[old]
        id_by_hash[content_hash] = article_id
        hash_by_id[article_id] = content_hash
        chosen[article_id] = coded
        results.append(True)
    return results, chosen


def _event_columns(events: list[Event]) -> list[list[Any]]:
    """The parameters of ``_INSERT_EVENTS``: one list per column."""
    return [
        [e.event_id for e in events],
        [e.article_id for e in events],
        [e.type for e in events],
        [e.mode for e in events],
        [list(e.context) for e in events],
        [_parse_date(e) for e in events],
        [e.date_source for e in events],
        [e.location.name if e.location else None for e in events],
        [e.location.country if e.location else None for e in events],
        [e.location.lat if e.location else None for e in events],
        [e.location.lon if e.location else None for e in events],
        [e.negated for e in events],
        [e.hypothetical for e in events],
        [e.future for e in events],
        [e.historical for e in events],
        [e.cameo for e in events],
        [e.goldstein for e in events],
        [e.quad_class for e in events],
        [e.plover_score for e in events],
        [e.confidence for e in events],
        [e.sentence for e in events],
        [e.span[0] for e in events],
        [e.span[1] for e in events],
        [e.sentence_index for e in events],
        [e.trigger for e in events],
    ]


def _actor_columns(events: list[Event]) -> list[list[Any]]:
    """The parameters of ``_INSERT_ACTORS``: actors then recipients of every event, in order."""
    rows = [
        (e.event_id, role, i, a.name, a.country, a.sector, a.role, a.text, a.code)
        for e in events
        for role, actors in (("actor", e.actor), ("recipient", e.recipient))
        for i, a in enumerate(actors)
    ]
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(9)]


def _parse_date(event: Event) -> dt.date | None:
    if event.date is None:
        return None
    try:
        return dt.date.fromisoformat(event.date)
    except ValueError:
        raise ValueError(f"event {event.event_id} has date {event.date!r}; expected YYYY-MM-DD") from None


def _row_to_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    """A row of the events query in exactly the ``Event.to_dict()`` form."""
    (
        event_id, article_id, type_, mode, context, actor, recipient, date, date_source,
        loc_name, loc_country, loc_lat, loc_lon, negated, hypothetical, future, historical,
        cameo, goldstein, quad_class, plover_score, confidence, sentence, span_start, span_end,
        sentence_index, trigger,
    ) = row  # fmt: skip
    return {
        "event_id": event_id,
        "article_id": article_id,
        "type": type_,
        "mode": mode,
        "context": list(context or ()),
        "actor": actor or [],
        "recipient": recipient or [],
        "date": date.isoformat() if date else None,
        "date_source": date_source,
        "location": (
            {"name": loc_name, "country": loc_country, "lat": loc_lat, "lon": loc_lon} if loc_name is not None else None
        ),
        "negated": negated,
        "hypothetical": hypothetical,
        "future": future,
        "historical": historical,
        "cameo": cameo,
        "goldstein": goldstein,
        "quad_class": quad_class,
        "plover_score": plover_score,
        "confidence": confidence,
        "sentence": sentence,
        "span": [span_start, span_end],
        "sentence_index": sentence_index,
        "trigger": trigger,
    }
