"""The DuckDB store: exact round trips, idempotent saves, atomic replacement, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from conftest import make_actor, make_coded, make_event
from eventcoder.model import Location
from eventcoder.store import db as db_module
from eventcoder.store.db import Store, StoreError


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "test.duckdb") as s:
        yield s


def counts(store: Store) -> tuple[int, int, int, int]:
    con = store._con
    tables = ("articles", "sentences", "events", "event_actors")
    return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)  # type: ignore[return-value]


def test_round_trip_equals_to_dict(store: Store) -> None:
    varied = [
        make_event("a1", 0),
        make_event(
            "a1",
            1,
            type="ASSAULT",
            mode=None,
            context=(),
            actor=(make_actor("rebels", None, "REB", code=None), make_actor("Ali Musa", "NGA", None, role="commander")),
            recipient=(),
            date=None,
            date_source="publication",
            location=Location("Maiduguri", "NGA"),
            cameo=None,
            goldstein=None,
            quad_class=None,
            plover_score=None,
            confidence=0.55,
            sentence="Rebels attacked a base — «sources» said, 🇳🇬.",
            trigger="attacked",
        ),
        make_event("a1", 2, location=None, context=("military", "diplomatic", "economic")),
    ]
    coded = make_coded("a1", varied)
    assert store.save(coded) is True
    stored = sorted(store.events(), key=lambda row: row["event_id"])
    assert stored == [e.to_dict() for e in varied]
    assert [list(row) for row in stored] == [list(e.to_dict()) for e in varied]  # same key order for JSON


def test_order_is_by_date_then_article_then_sentence(store: Store) -> None:
    store.save(make_coded("b", [make_event("b", 0, date="2021-01-02"), make_event("b", 1, date=None)], text="b"))
    later, earlier = make_event("a", 1, date="2021-01-02"), make_event("a", 0, date="2021-01-01")
    store.save(make_coded("a", [later, earlier], text="a"))
    assert [e["event_id"] for e in store.events()] == ["a-e0", "a-e1", "b-e0", "b-e1"]


def test_unchanged_article_adds_nothing(store: Store) -> None:
    coded = make_coded("a1", 3)
    assert store.save(coded) is True
    before = counts(store)
    assert store.save(coded) is False
    assert counts(store) == before == (1, 3, 3, 6)
    assert store.has_article(coded.article.content_hash)
    assert store.known_hashes() == {coded.article.content_hash}


def test_same_content_under_another_id_is_not_stored_twice(store: Store) -> None:
    store.save(make_coded("a1", 1))
    assert store.save(make_coded("copy", 1)) is False
    assert counts(store)[0] == 1


def test_changed_article_replaces_old_rows(store: Store) -> None:
    store.save(make_coded("a1", 3, text="first version"))
    changed = make_coded("a1", [make_event("a1", 0, type="ACCUSE")], text="second version")
    assert store.save(changed) is True
    assert counts(store) == (1, 1, 1, 2)
    assert [e["type"] for e in store.events()] == ["ACCUSE"]
    assert store.known_hashes() == {changed.article.content_hash}
    text = store._con.execute("SELECT text FROM articles WHERE id = 'a1'").fetchone()[0]
    assert text == "second version"


def test_failure_mid_save_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # the actors are inserted last, after the article, sentences and events
    monkeypatch.setattr(db_module, "_INSERT_ACTORS", "INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(duckdb.Error):
        store.save(make_coded("a1", 2))
    assert counts(store) == (0, 0, 0, 0)
    monkeypatch.undo()
    assert store.save(make_coded("a1", 2)) is True  # the connection is still usable
    assert counts(store) == (1, 2, 2, 4)


def test_failed_replacement_keeps_the_old_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(make_coded("a1", 2, text="old"))
    monkeypatch.setattr(db_module, "_INSERT_ACTORS", "INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(duckdb.Error):
        store.save(make_coded("a1", 1, text="new"))
    assert counts(store) == (1, 2, 2, 4)
    assert store._con.execute("SELECT text FROM articles").fetchone()[0] == "old"


def test_invalid_events_are_refused_before_writing(store: Store) -> None:
    with pytest.raises(ValueError, match="belongs to article"):
        store.save(make_coded("a1", [make_event("other", 0)]))
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.save(make_coded("a1", [make_event("a1", 0, date="last Tuesday")]))
    with pytest.raises(ValueError, match="share the id a1-e0"):
        store.save(make_coded("a1", [make_event("a1", 0), make_event("a1", 0, type="AID")]))
    assert counts(store) == (0, 0, 0, 0)


def test_save_many_matches_saving_one_by_one(tmp_path: Path) -> None:
    batch = [
        make_coded("a", 1, text="a1"),
        make_coded("b", 2, text="b1"),
        make_coded("a", 1, text="a1"),  # unchanged: already earlier in the batch
        make_coded("b", 1, text="b2"),  # changed: replaces the earlier b
        make_coded("c", 0, text="b1"),  # content of the replaced b is no longer stored
    ]
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "many.duckdb") as many:
        one.save(make_coded("a", 3, text="a0"))
        many.save(make_coded("a", 3, text="a0"))
        expected = [one.save(c) for c in batch]
        assert many.save_many(batch) == expected == [True, True, False, True, True]
        assert counts(many) == counts(one)
        assert many.events() == one.events()
        assert many.known_hashes() == one.known_hashes()


def test_save_many_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "_INSERT_ACTORS", "INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(duckdb.Error):
        store.save_many([make_coded("a", 1, text="a"), make_coded("b", 1, text="b")])
    assert counts(store) == (0, 0, 0, 0)


def test_article_without_events_or_sentences(store: Store) -> None:
    coded = dataclasses.replace(make_coded("empty", 0), sentences=())
    assert store.save(coded) is True
    assert counts(store) == (1, 0, 0, 0)
    assert store.events() == []


def test_reopen_keeps_data_and_read_only_works(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    with Store(path) as s:
        s.save(make_coded("a1", 2))
    with Store(path, read_only=True) as s:
        assert len(s.events()) == 2


def test_missing_database_read_only_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="eventcoder code"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s._con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="new --db file"):
        Store(path)


# --- filters ---------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    usa, chn, rus = make_actor("Joe", "USA", "GOV"), make_actor("Li", "CHN", "GOV"), make_actor("Ivan", "RUS", "MIL")
    store.save(
        make_coded(
            "x",
            [
                make_event("x", 0, type="ACCUSE", actor=(usa,), recipient=(chn,), date="2021-03-01",
                           sentence="The US accused China of Sanctions evasion."),
                make_event("x", 1, type="ASSAULT", actor=(rus,), recipient=(usa,), date="2021-03-05"),
                make_event("x", 2, type="ACCUSE", actor=(chn,), recipient=(rus,), date="2021-03-10", negated=True),
            ],
            text="x",
        )
    )
    store.save(
        make_coded(
            "y",
            [
                make_event("y", 0, type="CONSULT", actor=(chn, rus), recipient=(), date="2021-03-07"),
                make_event("y", 1, type="CONSULT", actor=(usa,), recipient=(chn,), date="2021-03-20", future=True),
                make_event("y", 2, type="AID", actor=(usa,), recipient=(rus,), date="2021-03-02", hypothetical=True),
                make_event("y", 3, type="AID", actor=(rus,), recipient=(chn,), date="1990-01-01", historical=True),
            ],
            text="y",
        )
    )
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["event_id"] for r in rows]


def test_nonfactual_excluded_by_default(filled: Store) -> None:
    assert ids(filled.events()) == ["x-e0", "x-e1", "y-e0"]
    assert ids(filled.events(include_nonfactual=True)) == ["y-e3", "x-e0", "y-e2", "x-e1", "y-e0", "x-e2", "y-e1"]


def test_filter_actor_and_recipient_country(filled: Store) -> None:
    assert ids(filled.events(actor_country="chn")) == ["y-e0"]
    assert ids(filled.events(actor_country="RUS")) == ["x-e1", "y-e0"]
    assert ids(filled.events(recipient_country="CHN")) == ["x-e0"]
    assert ids(filled.events(actor_country="USA", recipient_country="CHN", include_nonfactual=True)) == ["x-e0", "y-e1"]
    assert filled.events(actor_country="FRA") == []


def test_filter_type_dates_text_article_limit(filled: Store) -> None:
    assert ids(filled.events(type="accuse")) == ["x-e0"]
    assert ids(filled.events(since=dt.date(2021, 3, 5))) == ["x-e1", "y-e0"]
    assert ids(filled.events(until=dt.date(2021, 3, 5))) == ["x-e0", "x-e1"]
    assert ids(filled.events(since=dt.date(2021, 3, 5), until=dt.date(2021, 3, 5))) == ["x-e1"]
    assert ids(filled.events(text="SANCTIONS")) == ["x-e0"]
    assert ids(filled.events(text="100%_")) == []
    assert ids(filled.events(article_id="y", include_nonfactual=True)) == ["y-e3", "y-e2", "y-e0", "y-e1"]
    assert ids(filled.events(limit=2)) == ["x-e0", "x-e1"]
    assert filled.events(limit=0) == []
    rows = filled.events(actor_country="RUS", type="CONSULT")
    assert [len(r["actor"]) for r in rows] == [2]


def test_iter_events_streams_in_chunks(filled: Store) -> None:
    assert list(filled.iter_events(include_nonfactual=True, chunk_size=2)) == filled.events(include_nonfactual=True)


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["articles"] == 2
    assert stats["sentences"] == 7
    assert stats["events"] == {"factual": 3, "all": 7}
    assert stats["by_type"]["ACCUSE"] == {"factual": 1, "all": 2}
    assert stats["by_type"]["AID"] == {"factual": 0, "all": 2}
    assert (stats["first_date"], stats["last_date"]) == ("2021-03-01", "2021-03-07")
