"""Turn files, folders and stdin into Articles, reporting bad input instead of stopping.

A batch of thousands of articles should not die on one broken file, so every
problem becomes an :class:`InputError` in the output stream, in input order, and
reading carries on with the rest.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import trafilatura

from eventcoder.ingest.language import is_english, stop_word_ratio
from eventcoder.model import Article

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
STDIN_ID = "stdin"

_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class InputError:
    """One input that could not become an Article, and what the user can do about it."""

    origin: str
    """``path`` or ``path:LINE`` (``<stdin>`` for standard input)."""
    reason: str
    """One line: what is wrong and what to do."""

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | InputError


@dataclass(frozen=True)
class _Line:
    """One physical line of a JSON Lines stream; ``data`` is None when it exceeded the size limit."""

    number: int
    offset: int
    size: int
    data: bytes | None


def read_inputs(
    inputs: Sequence[str], published: dt.date | None = None, max_bytes: int = 10_000_000
) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article found in ``inputs``, in order.

    ``published`` is the fallback publication date for inputs that carry none;
    ``max_bytes`` bounds one file (or one JSON Lines record) so a stray dump cannot
    exhaust memory.
    """
    for name in [inputs] if isinstance(inputs, str) else inputs:
        if name == STDIN:
            yield from _read_stdin(published, max_bytes)
        else:
            yield from _read_path(Path(name), published, max_bytes)


# --- paths -----------------------------------------------------------------


def _read_path(path: Path, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    """Dispatch a command-line path: folder, supported file, or an error saying why not."""
    if path.is_dir():
        yield from _read_folder(path, published, max_bytes)
    elif path.is_file():
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield from _read_file(path, published, max_bytes)
        else:
            yield InputError(
                str(path),
                f"unsupported file type {path.suffix or '(no extension)'!r}; "
                "give .txt, .html, .htm or .jsonl files, a folder, or - for stdin",
            )
    elif path.exists():
        yield InputError(str(path), "not a regular file or folder; give a file, a folder, or - for stdin")
    else:
        yield InputError(str(path), "no such file or folder; check the path")


def _read_folder(folder: Path, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    """Read every supported file under ``folder`` in a stable (sorted) order; skip the rest."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file())
    if not files:
        yield InputError(str(folder), "folder holds no .txt, .html, .htm or .jsonl files")
    for path in files:
        yield from _read_file(path, published, max_bytes)


def _read_file(path: Path, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    """Read one supported file, turning OS errors into InputErrors."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                if b"\x00" in stream.read(_SNIFF_BYTES):
                    yield _binary_error(origin)
                    return
                stream.seek(0)
                yield from _read_jsonl(_lines(stream, max_bytes), path.stem, origin, published, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _too_big(origin, size, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read the file ({exc.strerror or exc}); check its permissions")
        return
    if suffix in HTML_SUFFIXES:
        yield _html_article(data, path.stem, origin, published)
    else:
        yield _text_article(data, path.stem, origin, published)


# --- stdin -----------------------------------------------------------------


def _read_stdin(published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    """Read stdin as JSON Lines when it starts with ``{``, else as one plain-text article."""
    stream = _stdin_bytes()
    if stream is None:
        yield InputError(STDIN_ORIGIN, "no standard input is attached; pipe articles in or give file paths")
        return
    lines = _lines(stream, max_bytes)
    head: list[_Line] = []
    for line in lines:
        head.append(line)
        if line.data is None or line.data.strip():
            break
    first = head[-1].data if head else b""
    if first is not None and first.removeprefix(_BOM).lstrip().startswith(b"{"):
        yield from _read_jsonl(_chain(head, lines), STDIN_ID, STDIN_ORIGIN, published, max_bytes)
        return
    if first is None:
        yield _too_big(STDIN_ORIGIN, head[-1].offset + head[-1].size, max_bytes)
        return
    start = b"".join(line.data or b"" for line in head)
    rest = stream.read(max_bytes + 1 - len(start)) if len(start) <= max_bytes else b""
    data = start + rest
    if len(data) > max_bytes:
        yield InputError(
            STDIN_ORIGIN, f"standard input is over the {max_bytes:,}-byte limit; split it or raise the limit"
        )
        return
    yield _text_article(data, STDIN_ID, STDIN_ORIGIN, published)


def _stdin_bytes() -> BinaryIO | None:
    """The raw bytes of stdin, so UTF-8 problems can be located; text-only streams are re-encoded."""
    stdin = sys.stdin
    if stdin is None:
        return None
    buffer: BinaryIO | None = getattr(stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(stdin.read().encode("utf-8", "surrogateescape"))


def _chain(head: list[_Line], rest: Iterator[_Line]) -> Iterator[_Line]:
    """Re-join the lines consumed while sniffing with the rest of the stream."""
    yield from head
    yield from rest


# --- JSON Lines ------------------------------------------------------------


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[_Line]:
    """Split a byte stream into lines without ever holding more than ``max_bytes`` of one line."""
    offset = 0
    number = 0
    while True:
        data = stream.readline(max_bytes + 2)
        if not data:
            return
        number += 1
        size = len(data)
        if len(data.rstrip(b"\r\n")) > max_bytes:
            while not data.endswith(b"\n"):
                data = stream.readline(1 << 16)
                if not data:
                    break
                size += len(data)
            yield _Line(number, offset, size, None)
        else:
            yield _Line(number, offset, size, data)
        offset += size


def _read_jsonl(
    lines: Iterable[_Line], stem: str, origin: str, published: dt.date | None, max_bytes: int
) -> Iterator[Item]:
    """One Article (or InputError) per non-blank line; a bad line never stops the rest."""
    for line in lines:
        where = f"{origin}:{line.number}"
        if line.data is None:
            yield _too_big(where, line.size, max_bytes, what="record")
            continue
        raw = line.data.removeprefix(_BOM) if line.number == 1 else line.data
        if not raw.strip():
            continue
        yield _jsonl_record(raw, line.offset + (len(line.data) - len(raw)), stem, line.number, where, published)


def _jsonl_record(raw: bytes, offset: int, stem: str, number: int, where: str, published: dt.date | None) -> Item:
    """Decode and parse one JSON Lines record."""
    if b"\x00" in raw:
        return _binary_error(where)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _utf8_error(where, exc, offset)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(
            where, f"malformed JSON on line {number}: {exc.msg} (column {exc.colno}); each line must be one JSON object"
        )
    return _record_article(record, f"{stem}-{number}", where, published)


def _record_article(record: Any, default_id: str, where: str, published: dt.date | None) -> Item:
    """Validate a parsed record and build its Article."""
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object per line, got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        return InputError(where, 'record has no "text"; every article record needs its text')
    if not isinstance(text, str):
        return InputError(where, f'"text" must be a string, got {_json_type(text)}')
    # "date" is accepted too: many public news corpora name the field that way
    field = "published" if record.get("published") is not None else "date"
    try:
        date = _parse_published(record.get(field))
    except (TypeError, ValueError):
        return InputError(
            where, f'unparseable "{field}" {record.get(field)!r}; use YYYY-MM-DD or an ISO 8601 datetime'
        )
    rid = record.get("id")
    return _checked_article(
        Article(
            id=default_id if rid is None or rid == "" else str(rid),
            text=_normalise(text),
            title=_optional_str(record.get("title")) or "",
            published=date or published,
            source=_optional_str(record.get("source")),
            url=_optional_str(record.get("url")),
            origin=where,
        )
    )


def _parse_published(value: Any) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO datetime (its date as written); missing → None; else TypeError/ValueError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {_json_type(value)}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


def _optional_str(value: Any) -> str | None:
    """Optional metadata is kept as text whatever JSON type it came as."""
    if value is None:
        return None
    return _normalise(value if isinstance(value, str) else str(value)).strip() or None


def _json_type(value: Any) -> str:
    """The JSON name of a Python value's type, for messages users can act on."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }
    return "null" if value is None else names.get(type(value), type(value).__name__)


# --- plain text and HTML ---------------------------------------------------


def _text_article(data: bytes, article_id: str, origin: str, published: dt.date | None) -> Item:
    """A whole plain-text file (or stdin) is one article."""
    text = _decode(data, origin)
    if isinstance(text, InputError):
        return text
    return _checked_article(Article(id=article_id, text=_normalise(text), published=published, origin=origin))


def _html_article(data: bytes, article_id: str, origin: str, published: dt.date | None) -> Item:
    """Extract the main text and metadata of a web page with trafilatura (comments left out)."""
    html = _decode_html(data, origin)
    if isinstance(html, InputError):
        return html
    extracted = trafilatura.extract(html, include_comments=False, output_format="json", with_metadata=True)
    if not extracted:
        return InputError(origin, "no article text found in the HTML page; save the article text as .txt instead")
    meta = json.loads(extracted)
    return _checked_article(
        Article(
            id=article_id,
            text=_normalise(meta.get("text") or ""),
            title=_optional_str(meta.get("title")) or "",
            published=_html_date(meta.get("date")) or published,
            source=_optional_str(meta.get("source-hostname") or meta.get("hostname")),
            url=_optional_str(meta.get("source")),
            origin=origin,
        )
    )


def _html_date(value: Any) -> dt.date | None:
    """Page dates are guesses by trafilatura: one we cannot read is dropped, not an error."""
    try:
        return _parse_published(value)
    except (TypeError, ValueError):
        return None


def _decode_html(data: bytes, origin: str) -> str | InputError:
    """UTF-8 first; a page that declares another charset is decoded with it."""
    text = _decode(data, origin)
    if not isinstance(text, InputError) or b"\x00" in data:
        return text
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        return text
    try:
        return data.decode(declared.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return text


def _decode(data: bytes, origin: str) -> str | InputError:
    """Strict UTF-8 (BOM dropped): a wrong encoding would silently corrupt names and offsets."""
    if b"\x00" in data:
        return _binary_error(origin)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return _utf8_error(origin, exc, 0)


def _normalise(text: str) -> str:
    """One newline convention, so offsets and line rules mean the same for every source."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _checked_article(article: Article) -> Item:
    """Refuse articles the coder cannot use: no text, or not English."""
    if not article.text.strip():
        return InputError(article.origin, "no text (empty or only whitespace); remove it or add the article text")
    if not is_english(article.text):
        ratio, words = stop_word_ratio(article.text)
        return InputError(
            article.origin,
            f"does not look like English ({ratio:.0%} English stop words among {words} words); "
            "eventcoder codes English news only",
        )
    return article


# --- messages --------------------------------------------------------------


def _binary_error(origin: str) -> InputError:
    return InputError(origin, "binary data (contains NUL bytes), not text; give UTF-8 text, HTML or JSON Lines")


def _utf8_error(origin: str, exc: UnicodeDecodeError, offset: int) -> InputError:
    return InputError(origin, f"not valid UTF-8 at byte {offset + exc.start} ({exc.reason}); convert the file to UTF-8")


def _too_big(origin: str, size: int, limit: int, what: str = "file") -> InputError:
    return InputError(origin, f"{what} is {size:,} bytes, over the {limit:,}-byte limit; split it or raise the limit")
