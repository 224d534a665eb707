"""Exports: every format reads back to the stored events."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import make_actor, make_coded, make_event
from eventcoder.store.db import Store
from eventcoder.store.export import CSV_COLUMNS, export_events, write_jsonl_events


@pytest.fixture
def rows(tmp_path: Path) -> list[dict]:
    events = [
        make_event("a1", 0),
        make_event(
            "a1",
            1,
            type="ASSAULT",
            actor=(make_actor("rebels", None, "REB", code=None), make_actor("Amina Bello", "NGA", "MIL")),
            recipient=(),
            date=None,
            location=None,
            context=(),
            goldstein=None,
            negated=True,
            sentence='Rebels did not attack, "officials" said;\nnew line, comma.',
        ),
    ]
    with Store(tmp_path / "x.duckdb") as store:
        store.save(make_coded("a1", events))
        return store.events(include_nonfactual=True)


def test_jsonl_file(rows: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(rows, out, "jsonl") == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_jsonl_keeps_non_ascii(tmp_path: Path) -> None:
    row = make_event(sentence="Côte d’Ivoire — «ok»").to_dict()
    buffer = io.StringIO()
    export_events([row], buffer, "jsonl")
    assert "Côte d’Ivoire — «ok»" in buffer.getvalue()


def test_csv_flattens_and_reads_back(rows: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export_events(rows, out, "csv") == 2
    with out.open(newline="", encoding="utf-8") as fh:
        records = list(csv.DictReader(fh))
    assert list(records[0]) == CSV_COLUMNS
    by_id = {r["event_id"]: r for r in records}
    first, second = by_id["a1-e0"], by_id["a1-e1"]
    assert first["actor_names"] == "Wang Yi" and first["actor_codes"] == "CHNGOV"
    assert first["recipient_names"] == "Sergei Lavrov" and first["recipient_countries"] == "RUS"
    assert first["context"] == "diplomatic"
    assert first["location_name"] == "Beijing" and float(first["location_lat"]) == pytest.approx(39.9075)
    assert first["negated"] == "false" and first["date"] == "2020-12-22"
    assert (first["span_start"], first["span_end"]) == ("0", "9")
    assert second["actor_names"] == "rebels;Amina Bello" and second["actor_codes"] == ";NGAMIL"
    assert json.loads(second["actor_json"]) == next(r for r in rows if r["event_id"] == "a1-e1")["actor"]
    assert second["recipient_json"] == "[]"
    assert second["date"] == "" and second["location_name"] == "" and second["goldstein"] == ""
    assert second["negated"] == "true"
    assert second["sentence"] == 'Rebels did not attack, "officials" said;\nnew line, comma.'


def test_parquet_nested_columns_read_back(rows: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(rows, out, "parquet") == 2
    table = pq.read_table(out)
    assert str(table.schema.field("actor").type).startswith("list<")
    back = table.to_pylist()
    expected = [{**r, "date": dt.date.fromisoformat(r["date"]) if r["date"] else None} for r in rows]
    assert back == expected


def test_parquet_empty_still_has_schema(tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    assert export_events([], out, "parquet") == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and "recipient" in table.column_names


def test_parquet_needs_a_path() -> None:
    with pytest.raises(ValueError, match="file path"):
        export_events([], "-", "parquet")
    with pytest.raises(ValueError, match="file path"):
        export_events([], io.StringIO(), "parquet")


def test_stdout(rows: list[dict], capsys: pytest.CaptureFixture[str]) -> None:
    export_events(rows, "-", "jsonl")
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == rows
    export_events(rows, "-", "csv")
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["event_id"] for r in records] == [r["event_id"] for r in rows]


def test_interrupted_export_leaves_no_file(rows: list[dict], tmp_path: Path) -> None:
    def failing():
        yield rows[0]
        raise RuntimeError("disk on fire")

    out = tmp_path / "events.csv"
    out.write_text("previous export")
    with pytest.raises(RuntimeError):
        export_events(failing(), out, "csv")
    assert out.read_text() == "previous export"
    assert list(tmp_path.glob(".*tmp")) == []


def test_bad_format_and_bad_folder(rows: list[dict], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jsonl, csv, parquet"):
        export_events(rows, tmp_path / "x.xlsx", "xlsx")
    with pytest.raises(ValueError, match="does not exist"):
        export_events(rows, tmp_path / "nowhere" / "x.csv", "csv")


def test_write_jsonl_events() -> None:
    events = [make_event("a", 0), make_event("a", 1, future=True)]
    buffer = io.StringIO()
    assert write_jsonl_events(events, buffer) == 2
    assert [json.loads(line) for line in buffer.getvalue().splitlines()] == [e.to_dict() for e in events]
