"""Compile the cleaner's pattern data once per process.

The lists live in YAML under ``eventcoder/data`` so users can extend them
without touching code; this module turns them into a few precompiled regexes
(one alternation per rule) so that cleaning stays linear in the text size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

CREDIT_WINDOW = 160
"""A credit sits at a line's end and is short: searching this many final characters suffices."""

# Place words that stay lower case when an ALL-CAPS dateline place is title-cased.
_LOWER_PLACE_WORDS = frozenset(
    {"de", "da", "del", "di", "do", "dos", "du", "al", "el", "es", "la", "le", "of", "au", "en"}
)

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*(?![a-z])"
_TITLE_WORD = r"[A-Z][a-z.'’\-]+"
_LINK = r"(?:de|da|del|di|do|dos|du|al|el|es|la|le|of|au|en)"
_REGION_WORD = r"[A-Z][A-Za-z.'’\-]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s\d{{1,2}}|\d{{1,2}}\s{_MONTH})(?:,?\s\d{{4}})?"

DATELINE = re.compile(
    rf"""
    (?P<place>
        {_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}}                  # BEIJING, NEW YORK, ST. LOUIS
      | {_TITLE_WORD}(?:\s(?:{_LINK}\s)?{_TITLE_WORD}){{0,3}}  # Washington, Rio de Janeiro (wire required)
    )
    (?:,\s(?!{_MONTH}\s\d)(?P<region>{_REGION_WORD}(?:\s{_REGION_WORD}){{0,2}}))?   # , Afghanistan
    (?:,?\s(?P<date>{_DATE}))?                                 # , Dec 3 / , March 3, 2024
    (?:
        \s?\((?P<wire>[^()\n]{{1,60}})\)[ \t]*(?P<wire_sep>--|[-–—:])?   # (Reuters) -
      | (?P<sep>[ \t]+(?:--|[-–—])|--|[–—]|:(?=[ \t]))          # " - ", "—", ": "
    )
    [ \t]*
    """,
    re.VERBOSE,
)
"""A dateline at the very start of a paragraph; :func:`dateline_is_plausible` vets a match."""

DOUBLED_WORD = re.compile(r"\b([^\W\d_]+)((?: \1\b)+)", re.IGNORECASE)
"""A word followed by one or more copies of itself, each after exactly one space."""


@dataclass(frozen=True)
class CleanPatterns:
    """Everything the cleaner matches, compiled."""

    boilerplate: re.Pattern[str]
    credit_at_end: re.Pattern[str]
    credit_line: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    wires: frozenset[str]
    not_places: frozenset[str]
    keep_doubled: frozenset[str]


@lru_cache(maxsize=1)
def load_patterns() -> CleanPatterns:
    """Read and compile the data files (cached: every article uses them)."""
    boilerplate = _load("boilerplate.yaml")
    captions = _load("captions.yaml")
    datelines = _load("datelines.yaml")
    doubled = _load("doubled_words.yaml")
    return CleanPatterns(
        boilerplate=_alternation([entry["pattern"] for entry in _entries(boilerplate, "patterns")], re.IGNORECASE),
        credit_at_end=re.compile(rf"(?<![\w'’])(?:{_join(_strings(captions, 'credits'))})[\s.]*$"),
        credit_line=_alternation(_strings(captions, "credit_lines")),
        caption_prefix=_alternation(_strings(captions, "caption_prefixes")),
        wires=frozenset(w.casefold() for w in _strings(datelines, "wires")),
        not_places=frozenset(_strings(datelines, "not_places")),
        keep_doubled=frozenset(w.casefold() for w in _strings(doubled, "keep")),
    )


def dateline_is_plausible(match: re.Match[str], patterns: CleanPatterns) -> bool:
    """Reject dateline look-alikes: "US - China ...", "UPDATE: ...", "Washington (which ...) -"."""
    place = match.group("place")
    wire = match.group("wire")
    if wire is not None:
        return is_wire(wire, patterns) and (place.isupper() or match.group("wire_sep") is not None)
    letters = sum(ch.isalpha() for ch in place)
    return place.isupper() and letters >= 4 and place not in patterns.not_places


def is_wire(text: str, patterns: CleanPatterns) -> bool:
    """A known agency, or a short run of capitalised names ("CHINA DAILY/ASIA NEWS NETWORK")."""
    wire = text.strip()
    if wire.casefold() in patterns.wires:
        return True
    words = [w for w in re.split(r"[\s/&,-]+", wire) if w]
    return 0 < len(words) <= 6 and all(w[0].isupper() for w in words)


def place_name(place: str) -> str:
    """Title-case an ALL-CAPS dateline place ("RIO DE JANEIRO" → "Rio de Janeiro"); keep others."""
    if not place.isupper():
        return place
    words = []
    for i, word in enumerate(place.split()):
        parts = word.split("-")
        words.append("-".join(_title_part(p, first=(i == 0 and j == 0)) for j, p in enumerate(parts)))
    return " ".join(words)


def _title_part(part: str, first: bool) -> str:
    lower = part.lower()
    if not first and lower in _LOWER_PLACE_WORDS:
        return lower
    return lower[:1].upper() + lower[1:]


def _load(name: str) -> dict[str, Any]:
    """One data file as a mapping; a malformed file fails loudly, naming itself."""
    text = resources.files("eventcoder").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise TypeError(f"eventcoder data file {name} must be a YAML mapping")
    return data


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = data.get(key) or []
    if not all(isinstance(e, dict) and isinstance(e.get("pattern"), str) for e in entries):
        raise ValueError(f"every entry of {key!r} needs a string 'pattern'")
    return entries


def _strings(data: dict[str, Any], key: str) -> list[str]:
    values = data.get(key) or []
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{key!r} entries must be strings (quote yes/no/numbers in YAML): {bad!r}")
    return values


def _join(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!)"


def _alternation(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching any of ``patterns``; used with ``fullmatch``/``match``."""
    return re.compile(_join(patterns), flags)
