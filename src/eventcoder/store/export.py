"""Write events as JSON Lines, CSV or Parquet, for whatever tool the analysis happens in.

Rows are the public ``Event.to_dict()`` form. JSON Lines keeps it exactly; CSV flattens
it for spreadsheets (lists joined with ``;``, plus the full actor lists as JSON);
Parquet keeps the nesting as typed list/struct columns for pandas, R, DuckDB or Spark.
Everything streams, so exporting millions of events needs little memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.model import Event

FORMATS = ("jsonl", "csv", "parquet")
STDOUT = "-"

CSV_COLUMNS = [
    "event_id", "article_id", "type", "mode", "context",
    "actor_names", "actor_codes", "actor_countries", "actor_json",
    "recipient_names", "recipient_codes", "recipient_countries", "recipient_json",
    "date", "date_source", "location_name", "location_country", "location_lat", "location_lon",
    "negated", "hypothetical", "future", "historical",
    "cameo", "goldstein", "quad_class", "plover_score", "confidence",
    "sentence", "span_start", "span_end", "sentence_index", "trigger",
]  # fmt: skip

_ACTOR = pa.struct(
    [(name, pa.string()) for name in ("name", "country", "sector", "role", "text", "code")]
)
PARQUET_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.list_(pa.string())),
        ("actor", pa.list_(_ACTOR)),
        ("recipient", pa.list_(_ACTOR)),
        ("date", pa.date32()),
        ("date_source", pa.string()),
        (
            "location",
            pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())]),
        ),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("future", pa.bool_()),
        ("historical", pa.bool_()),
        ("cameo", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int32()),
        ("plover_score", pa.float64()),
        ("confidence", pa.float64()),
        ("sentence", pa.string()),
        ("span", pa.list_(pa.int32())),
        ("sentence_index", pa.int32()),
        ("trigger", pa.string()),
    ]
)
"""Like ``Event.to_dict()``, except ``date`` is a real date so range filters work in every tool."""

_PARQUET_ROWS_PER_GROUP = 50_000


def export_events(rows: Iterable[dict[str, Any]], out: str | Path | TextIO, format: str) -> int:
    """Write event dicts to ``out`` (a path, ``-`` for stdout, or an open text stream); return the count.

    A file is written under a temporary name and renamed at the end, so an interrupted
    export never leaves a truncated file that looks complete.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "parquet":
        if not isinstance(out, (str, Path)) or str(out) == STDOUT:
            raise ValueError("parquet is a binary format and needs a file path; give --output FILE.parquet")
        with _atomic(Path(out), binary=True) as fh:
            return _write_parquet(rows, fh)
    writer = _write_jsonl if format == "jsonl" else _write_csv
    if isinstance(out, (str, Path)):
        if str(out) == STDOUT:
            return writer(rows, sys.stdout)
        with _atomic(Path(out), binary=False) as fh:
            return writer(rows, fh)
    return writer(rows, out)


def write_jsonl_events(events: Iterable[Event], fh: TextIO) -> int:
    """One ``Event.to_dict()`` JSON object per line; returns how many were written."""
    return _write_jsonl((e.to_dict() for e in events), fh)


def _write_jsonl(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def _write_csv(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    writer = csv.writer(fh)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(_csv_row(row))
        n += 1
    return n


def _csv_row(row: dict[str, Any]) -> list[str]:
    """One flat CSV record; booleans as true/false and missing values as empty cells."""
    location = row.get("location") or {}
    span = row.get("span") or [None, None]

    def joined(actors: list[dict[str, Any]], key: str) -> str:
        return ";".join(a.get(key) or "" for a in actors)

    actor, recipient = row.get("actor") or [], row.get("recipient") or []
    values: list[Any] = [
        row["event_id"], row["article_id"], row["type"], row["mode"], ";".join(row.get("context") or ()),
        joined(actor, "name"), joined(actor, "code"), joined(actor, "country"), json.dumps(actor, ensure_ascii=False),
        joined(recipient, "name"), joined(recipient, "code"), joined(recipient, "country"),
        json.dumps(recipient, ensure_ascii=False),
        row["date"], row["date_source"], location.get("name"), location.get("country"),
        location.get("lat"), location.get("lon"),
        row["negated"], row["hypothetical"], row["future"], row["historical"],
        row["cameo"], row["goldstein"], row["quad_class"], row["plover_score"], row["confidence"],
        row["sentence"], span[0], span[1], row.get("sentence_index"), row.get("trigger"),
    ]  # fmt: skip
    return [_csv_value(v) for v in values]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_parquet(rows: Iterable[dict[str, Any]], fh: IO[bytes]) -> int:
    """Write row groups of bounded size, so memory stays flat however many events there are."""
    n = 0
    with pq.ParquetWriter(fh, PARQUET_SCHEMA, compression="zstd") as writer:
        for chunk in _chunks(rows, _PARQUET_ROWS_PER_GROUP):
            writer.write_table(pa.Table.from_pylist([_parquet_row(r) for r in chunk], schema=PARQUET_SCHEMA))
            n += len(chunk)
        if n == 0:  # still a valid, typed file, so downstream scripts need no special case
            writer.write_table(PARQUET_SCHEMA.empty_table())
    return n


def _parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date")
    return {**row, "date": dt.date.fromisoformat(date) if isinstance(date, str) else date}


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def _atomic(path: Path, binary: bool) -> Iterator[Any]:
    """Open a temporary file next to ``path``; rename it into place only if writing succeeds."""
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name for the export")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ValueError(f"folder {directory} does not exist; create it or choose another output path")
    # a plain open (not mkstemp) so the file gets the user's usual permissions
    tmp = directory / f".{path.name}.{os.getpid()}.tmp"
    fh: IO[Any] = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")
    try:
        with fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
