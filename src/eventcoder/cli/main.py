"""The ``eventcoder`` command: code articles into a database, then query, export and summarise it.

The CLI only wires things together; reading is ``ingest``, coding is ``pipeline`` and
storage is ``store``. Heavy modules (spaCy, trafilatura, pyarrow) are imported inside the
commands that need them, so ``eventcoder events`` and every ``--help`` start instantly.
Progress, messages and summaries go to stderr, so ``--jsonl -`` keeps stdout pure JSON.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

import click
import duckdb
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from eventcoder import __version__
from eventcoder.model import Actor, Article, CodedArticle, Event
from eventcoder.store.db import DEFAULT_DB, Store, StoreError

_PLAIN_SUFFIXES = {".txt", ".html", ".htm"}
_SAVE_BATCH = 64
"""Articles per database transaction: DuckDB's cost is per statement, so batching is ~10x faster."""
_SAVE_SECONDS = 2.0
"""...but never keep coded articles unsaved for longer than this."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader of our output (e.g. `head`) has gone: stop quietly, like other Unix tools.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            ctx.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventcoder")
def main() -> None:
    """News articles in, PLOVER-coded political events with evidence out."""


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        envvar="EVENTCODER_DB",
        type=click.Path(dir_okay=False),
        help="Database file (or set EVENTCODER_DB).",
    )(fn)


def _country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) != 3 or not value.isalpha():
        raise click.BadParameter(f"{value!r} is not a country code; use ISO 3166-1 alpha-3 such as CHN, or IGO/NGO")
    return value.upper()


def _filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by ``events`` and ``export``."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option(
            "--actor-country", callback=_country, metavar="ISO3", help="Events with an actor from this country."
        ),
        click.option(
            "--recipient-country", callback=_country, metavar="ISO3", help="Events with a recipient from this country."
        ),
        click.option("--type", "type_", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT or CONSULT."),
        click.option("--since", type=date, metavar="YYYY-MM-DD", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", type=date, metavar="YYYY-MM-DD", help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--search", metavar="TEXT", help="Events whose evidence sentence contains TEXT (any case)."),
        click.option("--article", "article_id", metavar="ID", help="Events of one article."),
        click.option(
            "--all",
            "include_nonfactual",
            is_flag=True,
            help="Include negated, hypothetical, future and historical events.",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(kw: dict[str, Any]) -> dict[str, Any]:
    """Command options → keyword arguments of ``Store.events``."""
    since, until = kw.get("since"), kw.get("until")
    return {
        "actor_country": kw.get("actor_country"),
        "recipient_country": kw.get("recipient_country"),
        "type": kw.get("type_"),
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "text": kw.get("search"),
        "article_id": kw.get("article_id"),
        "include_nonfactual": kw.get("include_nonfactual", False),
    }


@contextmanager
def _store(db: str, read_only: bool) -> Iterator[Store]:
    """Open the database, turning storage failures into one-line errors."""
    try:
        with Store(db, read_only=read_only) as store:
            yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except duckdb.Error as exc:
        raise click.ClickException(f"database {db}: {exc}") from exc


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


# --- code ---------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Publication date (YYYY-MM-DD) for inputs that carry none; relative dates need it.",
)
@_db_option
@click.option(
    "--jsonl",
    type=click.File("w", encoding="utf-8", lazy=False),
    metavar="OUT",
    help="Also write the events as JSON Lines to OUT (- for stdout).",
)
@click.option(
    "--actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE.yaml",
    help="Extra actor knowledge (repeatable); see the format at the top of data/actors.yaml.",
)
@click.option(
    "--batch-size",
    default=32,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="N",
    help="Articles parsed together.",
)
@click.option("--all-events", is_flag=True, help="--jsonl also gets negated, hypothetical, future, historical events.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; skipped inputs are still reported.")
def code(
    inputs: tuple[str, ...],
    published: dt.datetime | None,
    db: str,
    jsonl: TextIO | None,
    actors: tuple[str, ...],
    batch_size: int,
    all_events: bool,
    quiet: bool,
) -> None:
    """Code articles into events and store them in the database.

    INPUT is a .txt, .html/.htm or .jsonl file, a folder of them, or - for stdin.
    Articles already in the database unchanged are skipped, so an interrupted run can
    simply be started again. Exit code 1 when any input was skipped.
    """
    from eventcoder.ingest.readers import InputError, read_inputs
    from eventcoder.store.export import write_jsonl_events

    console = _stderr()
    tally = _Tally()

    def skip(origin: str, reason: str) -> None:
        tally.skipped += 1
        console.print(f"eventcoder: skipped {origin}: {reason}", markup=False, soft_wrap=True)
        progress.advance()

    with _store(db, read_only=False) as store, _Progress(console, _total(inputs), enabled=not quiet) as progress:
        known = store.known_hashes()

        def to_code() -> Iterator[Article]:
            """Articles not yet in the database, read lazily; bad inputs are reported on the way."""
            for item in read_inputs(list(inputs), published=published.date() if published else None):
                if isinstance(item, InputError):
                    skip(item.origin, item.reason)
                elif item.content_hash in known:
                    tally.unchanged += 1
                    progress.advance()
                else:
                    known.add(item.content_hash)  # the same content twice in one run is coded once
                    yield item

        def coding_failed(article: Article, exc: Exception) -> None:
            reason = f"could not be coded ({type(exc).__name__}: {exc}); please report this with the article"
            skip(article.origin or article.id, reason)

        saver = _Saver(store, tally, lambda article, reason: skip(article.origin or article.id, reason))
        try:
            articles = to_code()
            first = next(articles, None)
            if first is not None:  # nothing new to code: never load the models
                progress.describe("loading models")
                pipeline = _load_pipeline(actors)
                progress.describe("coding")
                for coded in _code_each(pipeline, chain([first], articles), batch_size, coding_failed):
                    if jsonl is not None:
                        write_jsonl_events((e for e in coded.events if all_events or e.factual), jsonl)
                    saver.add(coded)
                    progress.advance()
            saver.flush()
        except KeyboardInterrupt:
            saver.flush()
            progress.stop()
            console.print(
                f"eventcoder: interrupted; {tally.saved} articles were saved. "
                "Run the same command again to continue (saved articles are skipped).",
                markup=False,
                soft_wrap=True,
            )
            sys.exit(130)
        finally:
            if jsonl is not None:
                jsonl.flush()
    if not quiet:
        console.print(tally.summary(db))
    if tally.skipped:
        sys.exit(1)


def _load_pipeline(actors: Sequence[str]) -> Any:
    """The coder, imported only now so that other commands never load spaCy."""
    pipeline = importlib.import_module("eventcoder.pipeline")
    try:
        return pipeline.Pipeline(actor_files=list(actors))
    except (ValueError, OSError) as exc:
        raise click.ClickException(f"cannot load the coder: {exc}") from exc


def _total(inputs: Sequence[str]) -> int | None:
    """The article count when it is known without reading: only plain files, one article each."""
    paths = [Path(i) for i in inputs]
    if all(i != "-" and p.suffix.lower() in _PLAIN_SUFFIXES and p.is_file() for i, p in zip(inputs, paths)):
        return len(paths)
    return None


class _Feed:
    """Hands articles to the coder and remembers those not yet returned (the coder keeps input order).

    A plain iterator, not a generator, so a failed coder's generators cannot close it
    and the next coder can carry on from the same place.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = iter(articles)
        self.pending: deque[Article] = deque()

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> Article:
        try:
            article = next(self._articles)
        except StopIteration:
            raise
        except Exception as exc:
            raise _ReadFailure() from exc
        self.pending.append(article)
        return article


class _ReadFailure(Exception):
    """Reading the input failed (not coding): to be raised as is, not blamed on an article."""


def _code_each(
    pipeline: Any, articles: Iterable[Article], batch_size: int, failed: Callable[[Article, Exception], None]
) -> Iterator[CodedArticle]:
    """Code articles in order; one that makes the coder raise is reported through ``failed`` and the rest go on.

    The coder batches its input, so when it raises, the culprit is one of the articles
    handed over but not yet returned: those are coded again one at a time.
    """
    feed = _Feed(articles)
    while True:
        try:
            for coded in pipeline.code(feed, batch_size=batch_size):
                feed.pending.popleft()
                yield coded
            return
        except _ReadFailure as exc:
            raise exc.__cause__ from None  # type: ignore[misc]
        except Exception as exc:
            suspects = list(feed.pending)
            feed.pending.clear()
            if not suspects:
                raise  # not caused by any one article: a broken coder must not loop forever
            if len(suspects) == 1:
                failed(suspects[0], exc)
                continue
            for article in suspects:
                try:
                    coded = next(iter(pipeline.code([article], batch_size=1)))
                except Exception as one_exc:
                    failed(article, one_exc)
                    continue
                yield coded


class _Saver:
    """Saves coded articles in batches (one transaction each); a batch that fails is retried article by article."""

    def __init__(self, store: Store, tally: _Tally, failed: Callable[[Article, str], None]) -> None:
        self.store, self.tally, self.failed = store, tally, failed
        self.buffer: list[CodedArticle] = []
        self.last = time.monotonic()

    def add(self, coded: CodedArticle) -> None:
        self.buffer.append(coded)
        if len(self.buffer) >= _SAVE_BATCH or time.monotonic() - self.last > _SAVE_SECONDS:
            self.flush()

    def flush(self) -> None:
        batch, self.buffer, self.last = self.buffer, [], time.monotonic()
        if not batch:
            return
        try:
            results: list[bool | None] = list(self.store.save_many(batch))
        except (ValueError, duckdb.ConstraintException, duckdb.ConversionException):
            results = []
            for coded in batch:
                try:
                    results.append(self.store.save(coded))
                except (ValueError, duckdb.ConstraintException, duckdb.ConversionException) as exc:
                    self.failed(coded.article, f"could not be stored ({exc}); please report this with the article")
                    results.append(None)
        for coded, saved in zip(batch, results):
            if saved:
                self.tally.saved += 1
                self.tally.add(coded.events)
            elif saved is False:
                self.tally.unchanged += 1


class _Tally:
    """What a ``code`` run stored, for its closing summary."""

    def __init__(self) -> None:
        self.saved = self.unchanged = self.skipped = 0
        self.events = self.factual = 0
        self.types: Counter[str] = Counter()
        self.dyads: Counter[str] = Counter()

    def add(self, events: Iterable[Event]) -> None:
        for e in events:
            self.events += 1
            if e.factual:
                self.factual += 1
                self.types[e.type] += 1
                if dyad := _dyad(e):
                    self.dyads[dyad] += 1

    def summary(self, db: str) -> Table:
        grid = Table.grid(padding=(0, 3))
        grid.caption = f"database: {db}"
        grid.caption_justify = "left"
        tables = [_counts_table(self)]
        if self.types:
            tables.append(_ranking("events by type", self.types))
        if self.dyads:
            tables.append(_ranking("top actor dyads", self.dyads))
        grid.add_row(*tables)
        return grid


def _counts_table(tally: _Tally) -> Table:
    table = Table(title="eventcoder code", show_header=False, title_justify="left")
    table.add_column(style="bold", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_row("articles coded", str(tally.saved))
    table.add_row("unchanged", str(tally.unchanged))
    table.add_row("skipped", str(tally.skipped))
    table.add_row("factual events", str(tally.factual))
    table.add_row("all events", str(tally.events))
    return table


def _ranking(title: str, counts: Counter[str], n: int = 8) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for key, count in counts.most_common(n):
        table.add_row(Text(key), str(count))
    return table


def _who(actors: Iterable[Actor]) -> str:
    """A compact, order-free label for a group of actors: codes, else countries, else names."""
    labels: list[str] = []
    for a in actors:
        label = a.code or a.country or a.name
        if label and label not in labels:
            labels.append(label)
    return "+".join(sorted(labels)) or "?"


def _dyad(event: Event) -> str | None:
    """``A -> B`` for a directed event, ``A+B`` for a reciprocal one, None when only one side is known."""
    if event.recipient:
        return f"{_who(event.actor)} -> {_who(event.recipient)}"
    who = _who(event.actor)
    return who if "+" in who else None


class _Progress:
    """A rich progress bar on stderr, shown only on a terminal; otherwise every call does nothing."""

    def __init__(self, console: Console, total: int | None, enabled: bool) -> None:
        self._bar: Progress | None = None
        self._task = None
        if enabled and console.is_terminal:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn() if total else TextColumn("{task.completed} articles"),
                _RateColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            )
            self._task = self._bar.add_task("reading", total=total)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)  # type: ignore[arg-type]

    def describe(self, text: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=text)  # type: ignore[arg-type]


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


# --- events, export, stats ------------------------------------------------------


@main.command()
@_db_option
@_filter_options
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=0), metavar="N", help="At most N events (0: all)."
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines (one event per line) instead of a table.")
def events(db: str, limit: int, as_json: bool, **kw: Any) -> None:
    """Show stored events, filtered; factual events only unless --all."""
    with _store(db, read_only=True) as store:
        rows = store.iter_events(**_filters(kw), limit=limit or None)
        if as_json:
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
            return
        rows_list = list(rows)
    if not rows_list:
        _stderr().print("eventcoder: no events match; try fewer filters, or --all for non-factual events", markup=False)
        return
    Console().print(_events_table(rows_list, limit, show_flags=kw["include_nonfactual"]))


def _events_table(rows: list[dict[str, Any]], limit: int, show_flags: bool) -> Table:
    more = " (the first; --limit 0 shows all)" if limit and len(rows) == limit else ""
    table = Table(title=f"{len(rows)} events{more}", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("actor", max_width=24)
    table.add_column("recipient", max_width=24)
    if show_flags:
        table.add_column("flags", max_width=12)
    table.add_column("evidence", ratio=1)
    for row in rows:
        kind = Text(row["type"])
        if row["mode"]:
            kind.append(f"\n{row['mode']}", style="dim")
        cells = [Text(row["date"] or ""), kind, Text(_people(row["actor"])), Text(_people(row["recipient"]))]
        if show_flags:
            cells.append(Text(" ".join(f for f in ("negated", "hypothetical", "future", "historical") if row[f])))
        cells.append(_evidence(row["sentence"], row.get("trigger") or ""))
        table.add_row(*cells)
    return table


def _evidence(sentence: str, trigger: str, width: int = 200) -> Text:
    """The sentence (shortened), with the words that triggered the event in bold."""
    text = Text(sentence if len(sentence) <= width else sentence[: width - 3] + "...")
    at = text.plain.lower().find(trigger.lower()) if trigger else -1
    if at >= 0:
        text.stylize("bold", at, at + len(trigger))
    return text


def _people(actors: list[dict[str, Any]]) -> str:
    """``CODE name`` per actor, e.g. ``CHNGOV Wang Yi``."""
    parts = []
    for a in actors:
        label = a.get("code") or a.get("country") or ""
        parts.append(f"{label} {a['name']}".strip() if a.get("name") and a.get("name") != label else label)
    return "; ".join(parts)


@main.command()
@click.option(
    "--format", "format_", required=True, type=click.Choice(["jsonl", "csv", "parquet"]), help="Output format."
)
@click.option("--output", "-o", default="-", show_default=True, metavar="PATH", help="Output file (- for stdout).")
@_db_option
@_filter_options
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N events (default: all).")
def export(format_: str, output: str, db: str, limit: int | None, **kw: Any) -> None:
    """Export stored events as JSON Lines, CSV or Parquet (factual only unless --all)."""
    if format_ == "parquet" and output == "-":
        raise click.UsageError("parquet is a binary format and needs a file path; give --output FILE.parquet")
    from eventcoder.store.export import export_events

    with _store(db, read_only=True) as store:
        try:
            n = export_events(store.iter_events(**_filters(kw), limit=limit), output, format_)
        except BrokenPipeError:
            raise  # the reader has gone (e.g. `| head`): handled quietly by the group
        except (ValueError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
    if output != "-":
        _stderr().print(f"eventcoder: exported {n} events to {output}", markup=False, soft_wrap=True)


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def stats(db: str, as_json: bool) -> None:
    """Count the articles, sentences and events in the database."""
    with _store(db, read_only=True) as store:
        counts = store.stats()
    if as_json:
        click.echo(json.dumps(counts))
        return
    table = Table(title=f"eventcoder database {db}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("articles", str(counts["articles"]))
    table.add_row("sentences", str(counts["sentences"]))
    table.add_row("events", f"{counts['events']['factual']} factual / {counts['events']['all']} all")
    if counts["first_date"]:
        table.add_row("dates", f"{counts['first_date']} .. {counts['last_date']}")
    by_type = Table("type", "factual", "all", title="events by type", title_justify="left")
    for type_, n in counts["by_type"].items():
        by_type.add_row(Text(type_), str(n["factual"]), str(n["all"]))
    grid = Table.grid(padding=(0, 3))
    grid.add_row(table, by_type)
    Console().print(grid)


def _register_evaluate() -> None:
    """``eventcoder evaluate`` lives in its own module (it imports the scorer lazily)."""
    from eventcoder.cli.evaluate import evaluate

    main.add_command(evaluate)


_register_evaluate()
