"""Set aside the noise of scraped and wire news while keeping a map to the original text.

The cleaned text is made only of runs copied verbatim from the article (nothing is
ever inserted), so every offset the NLP produces maps back to the exact place in
the original, and every removed piece is recorded with the reason it was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from eventcoder.clean.patterns import (
    CREDIT_WINDOW,
    DATELINE,
    DOUBLED_WORD,
    CleanPatterns,
    dateline_is_plausible,
    load_patterns,
    place_name,
)
from eventcoder.model import Article, CleanArticle, Removal

HEADLINE_MAX_WORDS = 25
REPEAT_MIN_WORDS = 5
"""Shorter lines ("Reuters", "Officials said:") repeat legitimately."""
CAPTION_MIN_WORDS = 3
"""A caption's text must be this long before its credit-less copies are removed too."""
DATELINE_PARAGRAPHS = 2
"""Datelines open the first body paragraph; one line of byline or standfirst may come first."""

_HEADLINE_END = ".:;,-"
_KEY_STRIP = " \t.,;:|-–—"


@dataclass(frozen=True)
class _Line:
    """A line of the original: ``[start, end)`` is its text, ``stop`` is past its newline."""

    start: int
    end: int
    stop: int
    text: str
    """The line stripped of surrounding whitespace (empty for blank lines)."""


def clean(article: Article) -> CleanArticle:
    """Clean one article: remove datelines, captions, credits, repeats, doubled words, boilerplate."""
    patterns = load_patterns()
    text = article.text
    lines = _split_lines(text)
    kinds = _classify_lines(lines, patterns)
    removals = _line_removals(text, lines, kinds)
    kept = [i for i, line in enumerate(lines) if line.text and i not in kinds]
    title = _headline(lines, kept, kinds, article.title, patterns)
    body = [i for i in kept if i != title]
    dateline, place, wire = _dateline(text, lines, body[:DATELINE_PARAGRAPHS], patterns)
    if dateline is not None:
        removals.append(dateline)
    removals.extend(_doubled_words(text, lines, kept, dateline, patterns))
    removals.sort(key=lambda r: r.start)
    clean_text, chunks = _assemble(text, removals)
    title_end = _to_clean(lines[title].end, removals) if title is not None else 0
    return CleanArticle(
        article=article,
        text=clean_text,
        chunks=chunks,
        removed=tuple(removals),
        dateline_place=place,
        wire=wire,
        title_end=title_end,
    )


# --- lines -----------------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    """Split on ``\\n`` only (not str.splitlines' many separators), keeping exact offsets."""
    lines = []
    start = 0
    size = len(text)
    while start < size:
        newline = text.find("\n", start)
        end = size if newline < 0 else newline
        stop = size if newline < 0 else newline + 1
        lines.append(_Line(start, end, stop, text[start:end].strip()))
        start = stop
    return lines


def _classify_lines(lines: list[_Line], patterns: CleanPatterns) -> dict[int, str]:
    """Which whole lines go, and why: boilerplate, captions and credits, then repeats."""
    kinds: dict[int, str] = {}
    caption_keys: set[str] = set()
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if patterns.boilerplate.fullmatch(line.text):
            kinds[i] = "boilerplate"
            continue
        kind, key = _caption_kind(line.text, patterns)
        if kind is not None:
            kinds[i] = kind
            if key is not None:
                caption_keys.add(key)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not line.text or i in kinds:
            continue
        if caption_keys and _caption_key(line.text) in caption_keys:
            kinds[i] = "caption"
        elif len(line.text.split()) >= REPEAT_MIN_WORDS:
            if line.text in seen:
                kinds[i] = "repeat"
            seen.add(line.text)
    return kinds


def _caption_kind(text: str, patterns: CleanPatterns) -> tuple[str | None, str | None]:
    """``("credit", None)`` for a bare credit, ``("caption", key)`` for text + credit, else ``(None, None)``."""
    if patterns.caption_prefix.match(text):
        return "caption", None
    if patterns.credit_line.fullmatch(text):
        return "credit", None
    credit = patterns.credit_at_end.search(text, max(0, len(text) - CREDIT_WINDOW))
    if credit is None:
        return None, None
    key = _caption_key(text[: credit.start()])
    if not key:
        return "credit", None
    return "caption", key if len(key.split()) >= CAPTION_MIN_WORDS else None


def _caption_key(text: str) -> str:
    """Caption text compared loosely: spacing and edge punctuation vary between copies."""
    return " ".join(text.split()).strip(_KEY_STRIP)


def _line_removals(text: str, lines: list[_Line], kinds: dict[int, str]) -> list[Removal]:
    """One Removal per removed line, newline included.

    A removed line that stood as its own paragraph also takes the blank lines after
    it, so the paragraphs around it keep exactly one separator, as in the original.
    """
    removals = []
    own_paragraph = False
    for i in sorted(kinds):
        if i - 1 not in kinds:
            own_paragraph = i == 0 or not lines[i - 1].text
        stop = lines[i].stop
        if own_paragraph and i + 1 not in kinds:
            j = i + 1
            while j < len(lines) and not lines[j].text:
                stop = lines[j].stop
                j += 1
        removals.append(Removal(kinds[i], lines[i].start, stop, text[lines[i].start : stop]))
    return removals


# --- headline and dateline ---------------------------------------------------


def _headline(
    lines: list[_Line], kept: list[int], kinds: dict[int, str], title: str, patterns: CleanPatterns
) -> int | None:
    """The index of the headline line, if the text opens with one."""
    if not kept:
        return None
    first = kept[0]
    text = lines[first].text
    if title and " ".join(title.split()) == " ".join(text.split()):
        return first
    if len(kept) < 2 or _opens_with_dateline(text, patterns):
        return None
    if len(text.split()) > HEADLINE_MAX_WORDS or text[-1] in _HEADLINE_END:
        return None
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'‘“"):
        return None
    return first if _breaks_after(lines, first, kinds) else None


def _opens_with_dateline(text: str, patterns: CleanPatterns) -> bool:
    """A first line that opens with a dateline is body text, however short."""
    match = DATELINE.match(text)
    return match is not None and dateline_is_plausible(match, patterns)


def _breaks_after(lines: list[_Line], i: int, kinds: dict[int, str]) -> bool:
    """True when line ``i`` ends a paragraph or the next line starts afresh (not a wrapped sentence)."""
    j = i + 1
    if j >= len(lines) or not lines[j].text or j in kinds:
        return True
    first = lines[j].text[0]
    return first.isupper() or first.isdigit() or first in "\"'‘“("


def _dateline(
    text: str, lines: list[_Line], candidates: list[int], patterns: CleanPatterns
) -> tuple[Removal | None, str | None, str | None]:
    """The dateline opening one of the first body paragraphs, with its place and wire."""
    for i in candidates:
        line = lines[i]
        segment = text[line.start : line.end]
        start = line.start + len(segment) - len(segment.lstrip())
        match = DATELINE.match(text, start, line.end)
        if match is None or not dateline_is_plausible(match, patterns):
            continue
        wire = match.group("wire")
        removal = Removal("dateline", start, match.end(), match.group())
        return removal, place_name(match.group("place")), wire.strip() if wire else None
    return None, None, None


# --- doubled words -----------------------------------------------------------


def _doubled_words(
    text: str, lines: list[_Line], kept: list[int], dateline: Removal | None, patterns: CleanPatterns
) -> list[Removal]:
    """Remove the extra copies of doubled words ("the the"), but not allowed or name-like doubles."""
    removals = []
    for i in kept:
        start = lines[i].start
        if dateline is not None and start <= dateline.start < lines[i].end:
            start = dateline.end
        for match in DOUBLED_WORD.finditer(text, start, lines[i].end):
            if _legitimate_double(match, patterns):
                continue
            removals.append(Removal("doubled_word", match.end(1), match.end(), match.group(2)))
    return removals


def _legitimate_double(match: re.Match[str], patterns: CleanPatterns) -> bool:
    """Allow-listed words ("had had") and capitalised non-stop-word pairs (names: "Sirhan Sirhan")."""
    word = match.group(1)
    lower = word.casefold()
    if lower in patterns.keep_doubled:
        return True
    copies = match.group(2).split()
    return word[0].isupper() and all(c[0].isupper() for c in copies) and lower not in STOP_WORDS


# --- assembly ----------------------------------------------------------------


def _assemble(text: str, removals: list[Removal]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Concatenate the kept runs; ``removals`` must be sorted and disjoint."""
    pieces: list[str] = []
    chunks: list[tuple[int, int]] = []
    position = 0
    length = 0
    for removal in removals:
        if removal.start < position:
            raise AssertionError(f"overlapping removals at {removal.start}")
        if removal.start > position:
            chunks.append((length, position))
            pieces.append(text[position : removal.start])
            length += removal.start - position
        position = removal.end
    if position < len(text):
        chunks.append((length, position))
        pieces.append(text[position:])
    return "".join(pieces), tuple(chunks)


def _to_clean(offset: int, removals: list[Removal]) -> int:
    """Map an original offset that is not inside a removal to the cleaned text."""
    return offset - sum(r.end - r.start for r in removals if r.end <= offset)
