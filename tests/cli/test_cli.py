"""The command line, end to end, with a fake coder so the tests do not depend on the NLP."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from conftest import make_actor, make_coded, make_event
from eventcoder.cli.main import main
from eventcoder.model import Article, CleanArticle, CodedArticle, Sentence
from eventcoder.store.db import Store

TEXT = (
    "The two governments agreed on Tuesday to reopen the main border crossing after a month of talks, "
    "officials said, and they will meet again in the capital next week to discuss trade."
)


class FakePipeline:
    """Codes every article into one factual and one negated event; ``EXPLODE`` in the text makes it raise.

    ``DUPLICATE`` in the text gives two events with the same id, which cannot be stored.

    Like spaCy's ``nlp.pipe`` it pulls a whole batch from its input before yielding anything.
    """

    created: list[FakePipeline] = []

    def __init__(self, actor_files: Iterable[str] = ()) -> None:
        self.actor_files = list(actor_files)
        FakePipeline.created.append(self)

    def code(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            for article in batch:
                if "EXPLODE" in article.text:
                    raise RuntimeError("the parser fell over")
                yield fake_coded(article)


def fake_coded(article: Article) -> CodedArticle:
    usa, chn = make_actor("Joe", "USA", "GOV"), make_actor("Li", "CHN", "GOV")
    events = (
        make_event(article.id, 0, actor=(usa,), recipient=(chn,), type="ACCUSE", sentence=article.text[:60]),
        make_event(article.id, 1, actor=(chn,), recipient=(usa,), type="ASSAULT", negated=True),
    )
    if "DUPLICATE" in article.text:  # two events with one id: the store must refuse the article
        events = (events[0], events[0])
    clean = CleanArticle(article=article, text=article.text, chunks=((0, 0),))
    sentence = Sentence(article.id, 0, article.text, 0, len(article.text))
    return CodedArticle(clean=clean, sentences=(sentence,), events=events)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> type[FakePipeline]:
    monkeypatch.setattr("eventcoder.pipeline.Pipeline", FakePipeline)
    FakePipeline.created = []
    return FakePipeline


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with two articles: three factual and one negated event."""
    path = tmp_path / "filled.duckdb"
    usa, chn, rus = make_actor("Joe", "USA", "GOV"), make_actor("Li", "CHN", "GOV"), make_actor("Ivan", "RUS", "MIL")
    with Store(path) as store:
        store.save(
            make_coded(
                "x",
                [
                    make_event("x", 0, type="ACCUSE", actor=(usa,), recipient=(chn,), date="2021-03-01",
                               sentence="The US accused China of [bold]sanctions[/bold] evasion."),
                    make_event("x", 1, type="ASSAULT", actor=(rus,), recipient=(usa,), date="2021-03-05"),
                    make_event("x", 2, type="ACCUSE", actor=(chn,), recipient=(rus,), date="2021-03-09", negated=True),
                ],
                text="x",
            )
        )
        store.save(
            make_coded(
                "y", [make_event("y", 0, type="CONSULT", actor=(chn, rus), recipient=(), date="2021-03-07")], text="y"
            )
        )
    return path


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, [str(a) for a in args], input=input)


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- events / export / stats -------------------------------------------------------


def test_events_table(db: Path) -> None:
    result = run("events", "--db", db)
    assert result.exit_code == 0, result.output
    assert "ACCUSE" in result.stdout and "ASSAULT" in result.stdout and "CONSULT" in result.stdout
    assert "[bold]sanctions[/bold]" in result.stdout  # evidence is shown literally, not as markup
    assert "3 events" in result.stdout


def test_events_json_and_filters(db: Path) -> None:
    rows = json_lines(run("events", "--db", db, "--json").stdout)
    assert [r["event_id"] for r in rows] == ["x-e0", "x-e1", "y-e0"]
    with Store(db, read_only=True) as store:
        assert rows == store.events()

    def ids(*args: str) -> list[str]:
        result = run("events", "--db", db, "--json", *args)
        assert result.exit_code == 0, result.output
        return [r["event_id"] for r in json_lines(result.stdout)]

    assert ids("--actor-country", "chn") == ["y-e0"]
    assert ids("--recipient-country", "USA") == ["x-e1"]
    assert ids("--type", "assault") == ["x-e1"]
    assert ids("--since", "2021-03-02", "--until", "2021-03-05") == ["x-e1"]
    assert ids("--search", "SANCTIONS") == ["x-e0"]
    assert ids("--article", "y") == ["y-e0"]
    assert ids("--all") == ["x-e0", "x-e1", "y-e0", "x-e2"]
    assert ids("--limit", "1") == ["x-e0"]
    assert ids("--limit", "0") == ["x-e0", "x-e1", "y-e0"]


def test_events_nothing_matches(db: Path) -> None:
    result = run("events", "--db", db, "--type", "AID")
    assert result.exit_code == 0
    assert "no events match" in result.stderr and result.stdout == ""


def test_bad_country_is_a_usage_error(db: Path) -> None:
    result = run("events", "--db", db, "--actor-country", "China")
    assert result.exit_code == 2
    assert "ISO 3166-1 alpha-3" in result.stderr


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "jsonl"], ["stats"]])
def test_missing_database_says_run_code_first(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "eventcoder code" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.duckdb").exists()


def test_export_formats(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    assert [r["event_id"] for r in json_lines(result.stdout)] == ["x-e0", "x-e1", "y-e0"]

    result = run("export", "--db", db, "--format", "csv", "--all", "--type", "ACCUSE")
    records = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["event_id"], r["negated"]) for r in records] == [("x-e0", "false"), ("x-e2", "true")]

    out = tmp_path / "events.parquet"
    result = run("export", "--db", db, "--format", "parquet", "--output", out, "--actor-country", "RUS")
    assert result.exit_code == 0, result.output
    assert "exported 2 events" in result.stderr
    assert pq.read_table(out).column("event_id").to_pylist() == ["x-e1", "y-e0"]


def test_export_parquet_to_stdout_is_refused(db: Path) -> None:
    result = run("export", "--db", db, "--format", "parquet")
    assert result.exit_code == 2
    assert "--output FILE.parquet" in result.stderr


def test_export_to_missing_folder(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", db, "--format", "csv", "--output", tmp_path / "no" / "x.csv")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_stats(db: Path) -> None:
    result = run("stats", "--db", db, "--json")
    stats = json.loads(result.stdout)
    assert stats["articles"] == 2 and stats["events"] == {"factual": 3, "all": 4}
    table = run("stats", "--db", db)
    assert table.exit_code == 0 and "ACCUSE" in table.stdout and "3 factual / 4 all" in table.stdout


# --- code ------------------------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "two.txt").write_text("Second article. " + TEXT, encoding="utf-8")
    return folder


def test_code_stores_events_and_reruns_add_nothing(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    result = run("code", inputs / "one.txt", inputs / "two.txt", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "articles coded" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 2
        assert store.stats()["events"] == {"factual": 2, "all": 4}

    again = run("code", inputs, "--db", db)
    assert again.exit_code == 0, again.output
    assert len(FakePipeline.created) == 1  # nothing new to code: the models were never loaded
    assert "unchanged" in again.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 2 and store.stats()["events"]["all"] == 4


def test_code_changed_article_is_replaced(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    run("code", inputs, "--db", db)
    (inputs / "one.txt").write_text("Updated. " + TEXT, encoding="utf-8")
    result = run("code", inputs, "--db", db)
    assert result.exit_code == 0
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 2
        assert store.events(article_id="one")[0]["sentence"].startswith("Updated.")


def test_code_skips_bad_input_and_exits_1(inputs: Path, tmp_path: Path) -> None:
    news = inputs / "news.jsonl"
    news.write_text(json.dumps({"id": "n1", "text": TEXT}) + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "out.duckdb"
    result = run("code", news, tmp_path / "missing.txt", "--db", db)
    assert result.exit_code == 1
    assert f"eventcoder: skipped {news}:2: malformed JSON" in result.stderr
    assert f"eventcoder: skipped {tmp_path / 'missing.txt'}: no such file" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 1


def test_code_jsonl_stdout_is_only_json(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    result = run("code", inputs, "--db", db, "--jsonl", "-")
    assert result.exit_code == 0, result.output
    rows = json_lines(result.stdout)
    assert [r["type"] for r in rows] == ["ACCUSE", "ACCUSE"]  # factual only
    assert "articles coded" in result.stderr

    every = run("code", inputs, "--db", tmp_path / "other.duckdb", "--jsonl", "-", "--all-events", "--quiet")
    assert [r["type"] for r in json_lines(every.stdout)] == ["ACCUSE", "ASSAULT", "ACCUSE", "ASSAULT"]
    assert every.stderr == ""  # --quiet: no summary


def test_code_jsonl_file_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = run("code", "-", "--db", tmp_path / "out.duckdb", "--jsonl", out, input=TEXT)
    assert result.exit_code == 0, result.output
    assert [r["article_id"] for r in json_lines(out.read_text(encoding="utf-8"))] == ["stdin"]


def test_code_article_that_breaks_the_coder_is_skipped(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    records = [{"id": f"n{i}", "text": f"Article {i}. " + TEXT} for i in range(7)]
    records[3]["text"] = "EXPLODE. " + TEXT
    news.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "out.duckdb"
    result = run("code", news, "--db", db, "--batch-size", "2")
    assert result.exit_code == 1
    assert f"eventcoder: skipped {news}:4: could not be coded (RuntimeError: the parser fell over)" in result.stderr
    with Store(db, read_only=True) as store:
        assert sorted(r["article_id"] for r in store.events()) == ["n0", "n1", "n2", "n4", "n5", "n6"]


def test_code_article_that_cannot_be_stored_is_skipped(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    records = [{"id": f"n{i}", "text": f"Article {i}. " + TEXT} for i in range(4)]
    records[2]["text"] = "DUPLICATE. " + TEXT
    news.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "out.duckdb"
    result = run("code", news, "--db", db)
    assert result.exit_code == 1
    assert f"eventcoder: skipped {news}:3: could not be stored (two events share the id n2-e0" in result.stderr
    with Store(db, read_only=True) as store:  # the rest of the same save batch is stored
        assert sorted(r["article_id"] for r in store.events()) == ["n0", "n1", "n3"]


def test_code_interrupted_keeps_what_was_coded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted(FakePipeline):
        def code(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
            for n, article in enumerate(articles):
                if n == 2:
                    raise KeyboardInterrupt
                yield fake_coded(article)

    monkeypatch.setattr("eventcoder.pipeline.Pipeline", Interrupted)
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps({"id": f"n{i}", "text": f"{i}. " + TEXT}) + "\n" for i in range(4)))
    db = tmp_path / "out.duckdb"
    result = run("code", news, "--db", db)
    assert result.exit_code == 130
    assert "interrupted; 2 articles were saved" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 2


def test_code_passes_actor_files(inputs: Path, tmp_path: Path) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text("version: 1\n", encoding="utf-8")
    result = run("code", inputs, "--db", tmp_path / "out.duckdb", "--actors", actors, "--batch-size", "1")
    assert result.exit_code == 0, result.output
    assert FakePipeline.created[0].actor_files == [str(actors)]


def test_code_usage_errors(tmp_path: Path) -> None:
    assert run("code").exit_code == 2
    assert run("code", "x.txt", "--published", "23/12/2020").exit_code == 2
    assert run("code", "x.txt", "--actors", tmp_path / "none.yaml").exit_code == 2


def test_code_reports_a_broken_actor_file(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(FakePipeline):
        def __init__(self, actor_files: Iterable[str] = ()) -> None:
            raise ValueError("mine.yaml: countries: expected a mapping")

    monkeypatch.setattr("eventcoder.pipeline.Pipeline", Broken)
    result = run("code", inputs, "--db", tmp_path / "out.duckdb")
    assert result.exit_code == 1
    assert "cannot load the coder: mine.yaml: countries" in result.stderr


def test_help_does_not_load_the_coder() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from eventcoder.cli.main import main; "
        "r = CliRunner().invoke(main, ['events', '--help']); assert r.exit_code == 0; "
        "assert 'spacy' not in sys.modules and 'eventcoder.pipeline' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
