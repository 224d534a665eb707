"""Tests for reading articles from files, folders and stdin, and for bad-input reporting."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder.ingest.language import is_english, stop_word_ratio
from eventcoder.ingest.readers import InputError, read_inputs
from eventcoder.model import Article

ENGLISH = (
    "The two governments agreed on Tuesday to reopen the main border crossing after a month of talks, "
    "officials said, and they will meet again in the capital next week to discuss trade."
)
ENGLISH_2 = (
    "Police in the northern city said that they had arrested several people after the protest, and that "
    "the situation was calm by the evening according to a spokesman for the regional government."
)
FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse, a déclaré le ministre devant les députés réunis à Paris. Les syndicats "
    "ont salué une avancée mais réclament davantage de moyens pour les régions du sud."
)
SPANISH = (
    "El presidente del país viajó el lunes a la capital vecina para reunirse con su homólogo y firmar "
    "un acuerdo comercial que, según los funcionarios, reducirá los aranceles sobre productos agrícolas "
    "durante los próximos cinco años."
)
DATE = dt.date(2024, 5, 1)


def read(*inputs: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def only_error(items: list[Article | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def only_article(items: list[Article | InputError]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def write_jsonl(path: Path, *lines: object) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


# --- plain text ----------------------------------------------------------------


def test_txt_file_becomes_one_article(tmp_path: Path) -> None:
    path = tmp_path / "border-talks.txt"
    path.write_text(f"Border to reopen\n\n{ENGLISH}\n", encoding="utf-8")
    article = only_article(read(path, published=DATE))
    assert article.id == "border-talks"
    assert article.text == f"Border to reopen\n\n{ENGLISH}\n"
    assert article.origin == str(path)
    assert article.published == DATE
    assert article.title == ""


def test_txt_without_fallback_date_has_none(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    assert only_article(read(path)).published is None


def test_txt_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline here\r\n\r\n" + ENGLISH.encode() + b"\r\nLast line\r")
    article = only_article(read(path))
    assert article.text == f"Headline here\n\n{ENGLISH}\nLast line\n"


def test_txt_keeps_non_ascii_text(tmp_path: Path) -> None:
    path = tmp_path / "accents.txt"
    text = ENGLISH + " President Erdoğan met Ms Ångström in Zürich."
    path.write_text(text, encoding="utf-8")
    assert only_article(read(path)).text == text


# --- HTML ----------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Neighbours agree to reopen border | The Daily Example</title>
<meta property="og:title" content="Neighbours agree to reopen border">
<meta property="og:site_name" content="The Daily Example">
<meta name="date" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://daily.example/world/border">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Neighbours agree to reopen border</h1>
<p>{p1}</p>
<p>{p2}</p>
</article>
<section id="comments" class="comments">
<div class="comment"><p>WORST DECISION EVER, this reader thinks it is a disgrace to everyone.</p></div>
</section>
<footer>Contact us</footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "border.html"
    path.write_text(HTML_PAGE.format(p1=ENGLISH, p2=ENGLISH_2), encoding="utf-8")
    article = only_article(read(path, published=DATE))
    assert article.id == "border"
    assert ENGLISH in article.text and ENGLISH_2 in article.text
    assert "WORST DECISION" not in article.text
    assert "Contact us" not in article.text
    assert article.title == "Neighbours agree to reopen border"
    assert article.published == dt.date(2024, 3, 5)
    assert article.url == "https://daily.example/world/border"
    assert article.source == "The Daily Example"


def test_htm_without_date_uses_fallback(tmp_path: Path) -> None:
    page = HTML_PAGE.format(p1=ENGLISH, p2=ENGLISH_2).replace('<meta name="date" content="2024-03-05T09:30:00Z">', "")
    path = tmp_path / "nodate.htm"
    path.write_text(page, encoding="utf-8")
    assert only_article(read(path, published=DATE)).published == DATE


def test_html_in_declared_latin1_is_decoded(tmp_path: Path) -> None:
    page = HTML_PAGE.format(p1=ENGLISH + " The café reopened.", p2=ENGLISH_2).replace("utf-8", "iso-8859-1")
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("latin-1"))
    assert "The café reopened." in only_article(read(path)).text


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Empty</title></head><body><script>var a = 1;</script></body></html>")
    assert "no article text" in only_error(read(path)).reason


# --- JSON Lines ----------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a1", "title": "Talks", "text": ENGLISH, "published": "2024-02-03", "source": "Wire", "url": "u"},
        {"id": 42, "text": ENGLISH_2, "published": "2024-02-04T23:30:00+05:00"},
        {"text": ENGLISH},
    )
    first, second, third = read(path, published=DATE)
    assert first == Article("a1", ENGLISH, "Talks", dt.date(2024, 2, 3), "Wire", "u", f"{path}:1")
    assert isinstance(second, Article) and isinstance(third, Article)
    assert second.id == "42"
    assert second.published == dt.date(2024, 2, 4)
    assert third.id == "feed-3"
    assert third.origin == f"{path}:3"
    assert third.published == DATE


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gaps.jsonl", "", {"text": ENGLISH}, "   ", {"text": ENGLISH_2})
    ids = [a.id for a in read(path) if isinstance(a, Article)]
    assert ids == ["gaps-2", "gaps-4"]


def test_jsonl_text_newlines_normalised(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crlf.jsonl", {"text": "Headline\r\n\r\n" + ENGLISH})
    assert only_article(read(path)).text == "Headline\n\n" + ENGLISH


def test_malformed_json_line_names_line_and_error(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "bad.jsonl", {"text": ENGLISH}, {"text": ENGLISH_2}, '{"text": "oops",', {"text": ENGLISH}
    )
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError", "Article"]
    error = items[2]
    assert isinstance(error, InputError)
    assert error.origin == f"{path}:3"
    assert str(error).startswith(f"{path}:3: ")
    assert "line 3" in error.reason and "Expecting" in error.reason


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "x", "title": "No text"}, 'no "text"'),
        ({"text": None}, 'no "text"'),
        ({"text": 12}, '"text" must be a string, got a number'),
        ({"text": ["a"]}, '"text" must be a string, got an array'),
        ({"text": "   \n\t "}, "empty or only whitespace"),
        ({"text": ENGLISH, "published": "last Tuesday"}, "unparseable \"published\" 'last Tuesday'"),
        ({"text": ENGLISH, "published": 20240101}, 'unparseable "published"'),
        ({"text": FRENCH}, "does not look like English"),
        ({"text": SPANISH}, "does not look like English"),
    ],
)
def test_bad_jsonl_records(tmp_path: Path, record: dict[str, object], expected: str) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", record, {"text": ENGLISH})
    error, article = read(path)
    assert isinstance(error, InputError) and expected in error.reason, error
    assert error.origin == f"{path}:1"
    assert isinstance(article, Article)


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "arr.jsonl", [1, 2])
    assert "expected a JSON object per line, got an array" in only_error(read(path)).reason


def test_jsonl_invalid_utf8_gives_file_byte_offset(tmp_path: Path) -> None:
    first = json.dumps({"text": ENGLISH}).encode() + b"\n"
    second = b'{"text": "caf\xe9 society"}\n'
    path = tmp_path / "latin.jsonl"
    path.write_bytes(first + second)
    article, error = read(path)
    assert isinstance(article, Article) and isinstance(error, InputError)
    assert error.origin == f"{path}:2"
    offset = len(first) + second.index(b"\xe9")
    assert f"at byte {offset}" in error.reason


def test_jsonl_record_over_size_limit_is_skipped(tmp_path: Path) -> None:
    big = {"text": ENGLISH * 20}
    path = write_jsonl(tmp_path / "big.jsonl", {"text": ENGLISH}, big, {"text": ENGLISH_2})
    items = read(path, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.origin == f"{path}:2" and "1,000-byte limit" in error.reason
    assert items[2].id == "big-3"  # type: ignore[union-attr]


# --- folders -------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deep" / "z.txt").write_text(ENGLISH)
    (tmp_path / "b" / "one.TXT").write_text(ENGLISH)
    (tmp_path / "a" / "page.htm").write_text(HTML_PAGE.format(p1=ENGLISH, p2=ENGLISH_2))
    write_jsonl(tmp_path / "a" / "feed.jsonl", {"id": "j1", "text": ENGLISH})
    (tmp_path / "a" / "notes.md").write_text("# not an article")
    (tmp_path / "a" / "data.json").write_text("{}")
    (tmp_path / "c.pdf").write_bytes(b"%PDF\x00\x01")
    items = read(tmp_path)
    assert all(isinstance(i, Article) for i in items), items
    assert [i.id for i in items] == ["j1", "page", "z", "one"]  # type: ignore[union-attr]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing")
    assert "no .txt" in only_error(read(tmp_path)).reason


def test_bad_file_in_folder_does_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(ENGLISH)
    (tmp_path / "2.txt").write_text("")
    (tmp_path / "3.txt").write_text(ENGLISH_2)
    kinds = [type(i).__name__ for i in read(tmp_path)]
    assert kinds == ["Article", "InputError", "Article"]


# --- bad files -----------------------------------------------------------------


def test_nonexistent_path(tmp_path: Path) -> None:
    error = only_error(read(tmp_path / "missing.txt"))
    assert error.origin == str(tmp_path / "missing.txt")
    assert "no such file" in error.reason


def test_unsupported_extension_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "article.docx"
    path.write_text(ENGLISH)
    assert "unsupported file type '.docx'" in only_error(read(path)).reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_or_whitespace_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "empty or only whitespace" in only_error(read(path)).reason


@pytest.mark.parametrize("name", ["image.txt", "image.html", "image.jsonl"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in only_error(read(path)).reason


def test_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = (ENGLISH + " The café reopened.").encode("latin-1")
    path.write_bytes(data)
    error = only_error(read(path))
    offset = data.index(b"\xe9")
    assert f"not valid UTF-8 at byte {offset}" in error.reason
    assert str(error).startswith(f"{path}: ")


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse: instant, and never read
    error = only_error(read(path))
    assert "20,971,520 bytes" in error.reason and "10,000,000-byte limit" in error.reason


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    assert isinstance(read(path, max_bytes=len(ENGLISH))[0], Article)
    assert isinstance(read(path, max_bytes=len(ENGLISH) - 1)[0], InputError)


@pytest.mark.parametrize("text", [FRENCH, SPANISH])
def test_non_english_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    reason = only_error(read(path)).reason
    assert "does not look like English" in reason and "English news only" in reason


def test_errors_and_articles_keep_input_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    items = read(tmp_path / "nope.txt", good, tmp_path / "nope2.txt")
    assert [type(i).__name__ for i in items] == ["InputError", "Article", "InputError"]


def test_a_single_string_input_is_not_split_into_characters(tmp_path: Path) -> None:
    path = tmp_path / "single.txt"
    path.write_text(ENGLISH)
    assert only_article(list(read_inputs(str(path)))).id == "single"


def test_input_error_str() -> None:
    assert str(InputError("feed.jsonl:7", "malformed JSON")) == "feed.jsonl:7: malformed JSON"


# --- stdin ---------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    """Text replaces stdin as a StringIO (no ``buffer``); bytes come with a ``buffer`` like the real stdin."""
    if isinstance(data, str):
        monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    else:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, f"\n\nHeadline\n\n{ENGLISH}\n")
    article = only_article(read("-", published=DATE))
    assert (article.id, article.origin, article.published) == ("stdin", "<stdin>", DATE)
    assert article.text == f"\n\nHeadline\n\n{ENGLISH}\n"


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "s1", "text": ENGLISH}), "", json.dumps({"text": ENGLISH_2}), "{broken"]
    fake_stdin(monkeypatch, "\n  " + "\n".join(lines) + "\n")
    first, second, third = read("-")
    assert isinstance(first, Article) and first.id == "s1" and first.origin == "<stdin>:2"
    assert isinstance(second, Article) and second.id == "stdin-4"
    assert isinstance(third, InputError) and third.origin == "<stdin>:5"


def test_stdin_bytes_invalid_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"Caf\xe9 talks " + ENGLISH.encode())
    error = only_error(read("-"))
    assert error.origin == "<stdin>" and "at byte 3" in error.reason


def test_stdin_bytes_json_lines_with_bom(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": ENGLISH}).encode() + b"\n")
    assert only_article(read("-")).id == "b"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, "")
    assert "empty" in only_error(read("-")).reason


def test_stdin_over_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, (ENGLISH + "\n") * 50)
    assert "limit" in only_error(read("-", max_bytes=2000)).reason


def test_stdin_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert "no standard input" in only_error(read("-")).reason


# --- language ------------------------------------------------------------------


def test_is_english_accepts_english_and_rejects_others() -> None:
    assert is_english(ENGLISH) and is_english(ENGLISH_2)
    assert not is_english(FRENCH)
    assert not is_english(SPANISH)


def test_is_english_lets_short_texts_pass() -> None:
    assert is_english("Ceasefire holds in Gaza")
    assert is_english("Le président arrive à Paris demain matin")


def test_stop_word_ratio_counts_words() -> None:
    ratio, words = stop_word_ratio("The cat and the dog 123")
    assert words == 5 and ratio == pytest.approx(3 / 5)
    assert stop_word_ratio("") == (0.0, 0)
