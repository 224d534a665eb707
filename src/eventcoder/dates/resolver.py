"""When did THIS event happen? Find the event's own time phrase and resolve it.

News sentences often carry several dates ("X said on Wednesday that Y attacked Z on
Monday"); the date of an event is the time phrase attached to its trigger's clause, never
one borrowed from a governing or subordinate clause. Phrases are resolved against the
publication date: explicit calendar dates get their missing year from it, relative ones
("on Tuesday", "last week") are counted from it, and without any phrase the publication
date itself is the best estimate.

Resolution is rule-first (weekdays, "N days ago", "last month", years, decades) because
those are the common cases and dateparser gets some of them subtly wrong (it reads "the
1990s" as 1990 seconds ago); dateparser handles the long tail of calendar formats. Its
calls cost milliseconds, so they are cached and only made for text that contains a month,
weekday, relative word or digit.

Dates of month or year precision are written as the first day of the period
(``2020-03-01``, ``2019-01-01``); ``precision`` says how much of the date is meaningful.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from eventcoder.nlp.syntax import governing_verb, is_nominal, reporting_gap

__all__ = ["ResolvedDate", "resolve_event_date"]


@dataclass(frozen=True)
class ResolvedDate:
    """The date an event is placed on, and how we know it."""

    date: str | None
    """ISO ``YYYY-MM-DD`` (first day of the period for month/year precision); None only
    when there is no publication date and no explicit date with a year."""
    source: str
    """``explicit`` (a calendar date), ``relative`` (counted from publication) or ``publication``."""
    precision: str
    """``day``, ``month`` or ``year``."""
    text: str
    """The time words used ("" when the publication date stands in)."""
    future: bool
    """The date lies after the publication date (announced, scheduled, expected)."""
    past_year: bool
    """The whole period lies more than a year before publication: historical background."""


# --------------------------------------------------------------------------- word lists

_MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    _MONTHS[calendar.month_name[_n].lower()] = _n
    _MONTHS[calendar.month_abbr[_n].lower()] = _n
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _n in range(7):
    _WEEKDAYS[calendar.day_name[_n].lower()] = _n
    _WEEKDAYS[calendar.day_abbr[_n].lower()] = _n
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
# Abbreviations that are also ordinary words ("sat", "sun", "wed", "mar", "may") count
# only as part of a phrase NER already called a date; bare tokens need the full names.
_FULL_NAMES = {calendar.month_name[n].lower() for n in range(1, 13) if n != 5} | {
    calendar.day_name[n].lower() for n in range(7)
}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r")"
_UNIT = r"(day|week|fortnight|month|year|decade)s?"

_DATE_WORDS = (
    sorted(_MONTHS, key=len, reverse=True)
    + sorted(_WEEKDAYS, key=len, reverse=True)
    + "yesterday today tonight tomorrow ago last next this earlier later week weekend "
    "month year decade morning night".split()
)
_RELATIVE_WORDS = frozenset(_WEEKDAYS) | frozenset(
    "yesterday today tonight tomorrow ago last next this earlier later week weekend fortnight "
    "month year decade".split()
)
_PRECHECK = re.compile(r"\d|\b(?:" + "|".join(_DATE_WORDS) + r")\b", re.IGNORECASE)
"""Text without any of these cannot be a date: dateparser is never asked about it."""

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_AGE = re.compile(r"year-old|years?[- ]old|\baged?\b|months?[- ]old", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:(?:the|another|a further)\s+)?(?:(?:past|last|next|previous|coming|first|final|"
    r"following)\s+)?" + _NUM + r"(?:\s+or\s+" + _NUM + r")?\s+(?:more\s+|full\s+|long\s+)?"
    r"(second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century)s?"
    r"(?:-long)?$"
)
_TIME_OF_DAY = re.compile(
    r"\b(?:(?:in|during)\s+the\s+)?(?:early|late|small)\s+hours\s+of\b|"
    r"\b(?:morning|afternoon|evening|night|overnight|dawn|daybreak|dusk|noon|midday|"
    r"midnight|lunchtime|time)\b"
)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d\b|\bgmt\b|\butc\b")
_PAREN = re.compile(r"\(([^()]{2,40})\)")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/date_words.yaml`` as frozensets (loaded once)."""
    path = resources.files("eventcoder") / "data" / "date_words.yaml"
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if isinstance(v, list)}


# --------------------------------------------------------------------------- interpretation


@dataclass(frozen=True)
class _Reading:
    """One time phrase read as a period: its first day, granularity and kind."""

    start: dt.date
    precision: str  # day | month | year
    source: str  # explicit | relative
    future_hint: bool = False  # wording like "later this month" that says "ahead"


def _period_end(start: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _add_months(day: dt.date, months: int) -> dt.date:
    """First day of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _normalise(text: str) -> str:
    """Lower-case, unify quotes/dashes/spaces, drop possessives and framing prepositions."""
    s = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-").lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    while True:
        stripped = re.sub(r"^(?:on|in|at|during|of|from|the|as of|as early as|as late as)\s+", "", s)
        if stripped == s:
            return s
        s = stripped


def _weekday_date(pub: dt.date, weekday: int, mode: str) -> dt.date:
    """The ``weekday`` nearest ``pub`` in direction ``mode`` (past/last/future/next)."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if mode == "last":
        return pub - dt.timedelta(days=back or 7)
    if mode == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if mode == "future":
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def _rule_reading(s: str, pub: dt.date, future: bool) -> _Reading | None:
    """Our own rules for the common relative phrases and weekdays (None: not one of them)."""
    day = "day"
    if s in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
             "later today"):
        return _Reading(pub, day, "relative", future_hint=s == "later today")
    if s in ("yesterday", "last night", "yesterday morning", "yesterday afternoon",
             "yesterday evening", "late yesterday", "early yesterday", "overnight"):
        return _Reading(pub - dt.timedelta(days=1), day, "relative")
    if s in ("the day before yesterday",):
        return _Reading(pub - dt.timedelta(days=2), day, "relative")
    if s in ("tomorrow", "tomorrow morning", "tomorrow night", "tomorrow evening"):
        return _Reading(pub + dt.timedelta(days=1), day, "relative")

    # "years ago", "decades earlier", "half a century ago": an uncounted span of years or
    # more lies at least two years back (a narrative's "earlier" is earlier still)
    m = re.fullmatch(r"(?:many |several |some )?(years|decades|centuries|half a century) (?:ago|earlier|before)", s)
    if m:
        years = {"years": 2, "decades": 20, "centuries": 200, "half a century": 50}[m.group(1)]
        return _Reading(dt.date(pub.year - years, 1, 1), "year", "relative")
    m = re.fullmatch(_NUM + r" " + _UNIT + r" ago", s)
    if m:
        n, unit = _number(m.group(1)), m.group(2)
        if unit == "day":
            return _Reading(pub - dt.timedelta(days=n), day, "relative")
        if unit in ("week", "fortnight"):
            return _Reading(pub - dt.timedelta(days=n * (14 if unit == "fortnight" else 7)), day, "relative")
        if unit == "month":
            return _Reading(_add_months(pub, -n), "month", "relative")
        years = n * (10 if unit == "decade" else 1)
        return _Reading(dt.date(pub.year - years, 1, 1), "year", "relative")

    m = re.fullmatch(r"(last|this|next|earlier this|later this|the past|the previous|the coming) "
                     r"(week|weekend|month|year)", s)
    if m:
        when, unit = m.groups()
        when = {"the past": "last", "the previous": "last", "the coming": "next"}.get(when, when)
        if unit == "week":
            if when == "last":
                return _Reading(pub - dt.timedelta(days=7), day, "relative")
            if when == "next":
                return _Reading(pub + dt.timedelta(days=7), day, "relative")
            if when == "earlier this":
                return _Reading(pub - dt.timedelta(days=pub.weekday()), day, "relative")
            return _Reading(pub, day, "relative", future_hint=when == "later this")
        if unit == "weekend":
            mode = {"last": "last", "next": "next"}.get(when, "future" if future or when == "later this" else "past")
            return _Reading(_weekday_date(pub, 5, mode), day, "relative")
        if unit == "month":
            offset = {"last": -1, "next": 1}.get(when, 0)
            return _Reading(_add_months(pub, offset), "month", "relative", future_hint=when == "later this")
        offset = {"last": -1, "next": 1}.get(when, 0)
        return _Reading(dt.date(pub.year + offset, 1, 1), "year", "relative", future_hint=when == "later this")
    if s in ("the weekend", "weekend"):
        return _Reading(_weekday_date(pub, 5, "future" if future else "past"), day, "relative")

    m = re.fullmatch(r"(?:(last|this|next|this coming|coming|this past|past)\s+)?([a-z]+)\.?", s)
    if m and m.group(2) in _WEEKDAYS:
        word = m.group(1) or ""
        if word in ("last", "this past", "past"):
            mode = "last"
        elif word == "next":
            mode = "next"
        elif word in ("this coming", "coming") or future:
            mode = "future"
        else:
            mode = "past"
        return _Reading(_weekday_date(pub, _WEEKDAYS[m.group(2)], mode), day, "relative")

    m = re.fullmatch(r"(last|this|next) ([a-z]+)", s)
    if m and m.group(2) in _MONTHS and len(m.group(2)) > 3:
        month = _MONTHS[m.group(2)]
        year = pub.year if month <= pub.month else pub.year - 1
        if m.group(1) == "last" and month == pub.month:
            year -= 1
        if m.group(1) == "next" or (m.group(1) == "this" and future and month < pub.month):
            year = pub.year if month > pub.month else pub.year + 1
        return _Reading(dt.date(year, month, 1), "month", "relative")

    return None


def _year_reading(s: str) -> _Reading | None:
    """A bare year or decade ("2018", "mid-2019", "the 1990s"): no publication date needed."""
    m = re.fullmatch(r"(?:(?:early|mid|late)\s*-?\s*)?(\d{3})0'?s", s)
    if m:
        return _Reading(dt.date(int(m.group(1) + "0"), 1, 1), "year", "explicit")
    m = re.fullmatch(r"(?:(?:early|mid|late|(?:the )?(?:end|start|beginning|middle) of)\s*-?\s*)?(\d{4})", s)
    if m and 1500 <= int(m.group(1)) <= 2100:
        return _Reading(dt.date(int(m.group(1)), 1, 1), "year", "explicit")
    return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date, prefer: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of ``text`` (cached: each call costs ~1-2 ms)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    obj = data.date_obj
    if data.period == "time" and not _CLOCK.search(text):
        return None  # arithmetic on a bare number ("1990s" = 1990 seconds ago)
    if (obj.second or obj.microsecond) and not _CLOCK.search(text):
        return None
    period = {"week": "day", "time": "day"}.get(data.period or "day", data.period or "day")
    return obj.date(), period


def _explicit_reading(s: str, pub: dt.date | None, future: bool) -> _Reading | None:
    """A calendar date with a month name or in numeric form, year completed from ``pub``."""
    cleaned = re.sub(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b\.?,?", " ", s)
    cleaned = re.sub(r"\b(?:early|late|mid|(?:the )?(?:end|start|beginning|middle) of)\b-?", " ", cleaned)
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,.-")
    if not cleaned:
        return None
    has_year = bool(_YEAR.search(cleaned))
    if pub is None:
        if not has_year:
            return None
        base = dt.date(int(_YEAR.search(cleaned).group(1)), 1, 1)  # type: ignore[union-attr]
    else:
        base = pub
    got = _dateparser(cleaned, base, "past")
    if got is None:
        return None
    start, precision = got
    if precision == "month":
        start = start.replace(day=1)
    elif precision == "year":
        start = dt.date(start.year, 1, 1)
    if future and not has_year and pub is not None and _period_end(start, precision) < pub:
        ahead = _dateparser(cleaned, pub, "future")
        if ahead is not None:
            start = ahead[0].replace(day=1) if precision == "month" else ahead[0]
    return _Reading(start, precision, "explicit")


@lru_cache(maxsize=8192)
def _interpret(text: str, pub: dt.date | None, future: bool) -> _Reading | None:
    """Read one time phrase; None when it is no date (duration, age, vague, unparsable)."""
    s = _normalise(text)
    if not s or _AGE.search(s) or _DURATION.match(s):
        return None
    paren = _PAREN.search(s)
    if paren:  # "Tuesday (Dec 22)": the calendar date in brackets is the precise one
        inner = _interpret(paren.group(1), pub, future)
        if inner is not None:
            return inner
        s = _normalise(_PAREN.sub(" ", s))
    if not _PRECHECK.search(s):
        return None
    words = _words()
    is_future = future or any(w in words["future_words"] for w in s.split())
    bare = _normalise(re.sub(r"\s+", " ", _TIME_OF_DAY.sub(" ", _CLOCK.sub(" ", s))))
    bare = re.sub(r"^(?:(?:early|late|earlier|later)(?: on)?|on)\s+", "", bare).strip(" ,") or s
    for form in dict.fromkeys((s, bare)):  # "Tuesday night" -> "tuesday"
        reading = _year_reading(form)
        if reading is None and pub is not None:
            reading = _rule_reading(form, pub, is_future)
        if reading is not None:
            return reading
    tokens = set(re.findall(r"[a-z]+", bare))
    has_month = any(t in _MONTHS for t in tokens)
    numeric = re.search(r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b", bare)
    if has_month or numeric or _YEAR.search(bare):
        return _explicit_reading(bare, pub, is_future)
    if tokens & words["vague_words"] or not tokens & _RELATIVE_WORDS or pub is None:
        return None  # a bare number ("Rukerabuga, 68,") or a vague phrase is no date
    got = _dateparser(bare, pub, "future" if is_future else "past")
    if got is None:
        return None
    start, precision = got
    return _Reading(start, precision, "relative")


# --------------------------------------------------------------------------- the clause walk

_CLAUSE_DEPS = frozenset(
    "ccomp xcomp advcl parataxis csubj csubjpass mark cc punct aux auxpass neg det case "
    "prt expl preconj predet".split()
)
"""Dependencies that lead into another clause (or to words that never hold a date)."""
_NOMINAL_DEPS = frozenset("prep pobj pcomp appos npadvmod tmod obl".split())
"""What we follow below a non-trigger word: its own PPs and time adjuncts, not its modifiers
(the 2015 in "withdrew from the 2015 deal" dates the deal, not the withdrawal)."""
_HEAD_DEPS = frozenset("prep npadvmod advmod tmod obl dep".split())
"""Children of a governing verb that may date a nominal or conjoined trigger."""
_VERBAL = ("VERB", "AUX")


def _is_clause_edge(child: Token) -> bool:
    return child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in _VERBAL)


def _follow(head: Token, child: Token, from_trigger: bool) -> int | None:
    """Extra cost of stepping from ``head`` to ``child`` (None: do not step)."""
    if child.dep_ in ("relcl", "acl"):
        # "the attack, which took place on Monday": a noun trigger's own description.
        return 2 if from_trigger and head.pos_ not in _VERBAL else None
    if _is_clause_edge(child):
        return None
    if from_trigger:
        return 0
    if child.dep_ in _NOMINAL_DEPS or (child.dep_ == "conj" and child.pos_ not in _VERBAL):
        return 0
    return None


def _walk(start: Token, base: int, own: bool, skip: Token | None = None) -> list[tuple[int, Token]]:
    """Tokens of ``start``'s clause with their tree distance (cheapest first).

    ``own`` means ``start`` is the trigger itself (all its dependents count); otherwise it
    is a governing verb whose adjuncts only (``_HEAD_DEPS``) are searched.
    ``skip`` is a child subtree already searched.
    """
    found: list[tuple[int, Token]] = []
    seen = {start.i} | ({skip.i} if skip is not None else set())
    heap: list[tuple[int, int, Token, bool]] = [(base, start.i, start, True)]
    while heap:
        dist, _, tok, is_start = heapq.heappop(heap)
        found.append((dist, tok))
        for child in tok.children:
            if child.i in seen:
                continue
            if is_start and not own:
                cost = 0 if child.dep_ in _HEAD_DEPS and not _is_clause_edge(child) else None
            else:
                cost = _follow(tok, child, is_start and own)
            if cost is None:
                continue
            seen.add(child.i)
            heapq.heappush(heap, (dist + 1 + cost, child.i, child, False))
    return found


def _entity_of(doc: Doc) -> dict[int, Span]:
    """Token index -> the DATE/TIME entity it belongs to.

    Adjacent DATE and TIME entities are one phrase ("Tuesday" + "night").
    """
    runs: list[list[int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if runs and runs[-1][1] == ent.start:
            runs[-1][1] = ent.end
        else:
            runs.append([ent.start, ent.end])
    out: dict[int, Span] = {}
    for start, end in runs:
        span = doc[start:end]
        for i in range(start, end):
            out[i] = span
    return out


def _bare_phrase(tok: Token) -> Span | None:
    """A time phrase NER missed: "Tuesday", "last Tuesday", "in 1999"."""
    low = tok.lower_.rstrip(".")
    is_name = low in _FULL_NAMES or low in ("yesterday", "today", "tonight", "tomorrow")
    is_year = tok.like_num and re.fullmatch(r"(1[89]|20)\d\d", tok.text) is not None and tok.dep_ == "pobj"
    if not (is_name or is_year):
        return None
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("amod", "det", "nummod", "compound", "advmod") and child.i == left - 1:
            left = child.i
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("nummod", "appos", "npadvmod") and child.i == right and child.like_num:
            right = child.i + 1
    return tok.doc[left:right]


def _future_context(trigger: Token) -> bool:
    """Does the trigger's own wording put the event ahead ("will meet", "due to visit")?"""
    words = _words()
    tok = trigger
    if is_nominal(tok):  # "will hold talks on Monday": the light verb's tense counts
        gov = governing_verb(tok)
        if gov is None:
            return False
        tok = gov[0]
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in words["future_auxiliaries"] for c in tok.children):
            return True
        if (
            tok.dep_ == "ccomp"
            and tok.head.lemma_.lower() in words["speech_verbs"]
            and any(c.dep_ == "aux" and c.lower_ in words["reported_future_auxiliaries"] for c in tok.children)
        ):
            return True
        if tok.dep_ == "xcomp":
            head = tok.head
            if head.lemma_.lower() in words["future_heads"] or head.lower_ in words["future_heads"]:
                return True
            tok = head
        elif tok.dep_ == "conj" and tok.head.pos_ in _VERBAL:
            tok = tok.head  # "will meet and sign": the auxiliary sits on the first verb
        else:
            return False
    return False


def _governing_prep(span: Span) -> Token | None:
    """The preposition the phrase hangs on (or the word right before it)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent", "dative"):
        return root.head
    if span.start > 0 and span.doc[span.start - 1].pos_ in ("ADP", "SCONJ"):
        return span.doc[span.start - 1]
    return None


def _with_brackets(span: Span) -> tuple[str, Span]:
    """Join a bracketed date right after the phrase: "Tuesday (Dec 22)"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "(":
        for j in range(span.end + 1, min(span.end + 10, len(doc))):
            if doc[j].text == ")":
                inner = doc[span.end + 1 : j]
                return f"{span.text} ({inner.text})", doc[span.start : j + 1]
            if doc[j].text == "(":
                break
    return span.text, span


def _when_clause_date(trigger: Token, ents: dict[int, Span]) -> Span | None:
    """The date a "when" clause hangs on: "in the 1960s, when they signed a pact"."""
    if trigger.dep_ in ("relcl", "advcl") and trigger.head.i in ents:
        if any(c.lower_ == "when" and c.dep_ == "advmod" for c in trigger.children):
            return ents[trigger.head.i]
    return None


def _candidates(trigger: Token, ents: dict[int, Span]) -> list[Span]:
    """Time phrases of the trigger's clause, nearest attachment first."""
    scored: list[tuple[int, int, int, Span]] = []
    gap = reporting_gap(trigger)
    walked = _walk(trigger, 0, own=True)
    if is_nominal(trigger):
        gov = governing_verb(trigger)
        if gov is not None:
            walked += _walk(gov[0], 10, own=False, skip=gov[1])
    elif trigger.dep_ == "conj" and trigger.head.pos_ in _VERBAL:
        # "On Monday, troops entered the town and killed five": the date is shared.
        walked += _walk(trigger.head, 10, own=False)
    seen: set[tuple[int, int]] = set()
    for dist, tok in walked:
        span = ents.get(tok.i) or _bare_phrase(tok)
        if span is None or (span.start, span.end) in seen:
            continue
        if span.start <= trigger.i < span.end:
            continue
        if gap is not None and gap[0] < span.start and span.end <= gap[1]:
            continue
        seen.add((span.start, span.end))
        scored.append((dist, abs(tok.i - trigger.i), span.start, span))
    scored.sort(key=lambda item: item[:3])
    return [span for *_, span in scored]


def _publication(published: dt.date | None) -> ResolvedDate:
    return ResolvedDate(
        date=published.isoformat() if published else None,
        source="publication",
        precision="day",
        text="",
        future=False,
        past_year=False,
    )


def resolve_event_date(trigger: Token, published: dt.date | None) -> ResolvedDate:
    """The date of the event whose trigger (verb or event noun) is ``trigger``.

    The nearest time phrase attached to the trigger's own clause wins; phrases that
    bound or measure the event ("since November", "for three days"), ages and vague
    words are skipped; with nothing usable the publication date stands in.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    future = _future_context(trigger)
    non_event = _words()["non_event_prepositions"]
    ents = _entity_of(trigger.doc)
    when = _when_clause_date(trigger, ents)
    for span in [*_candidates(trigger, ents), *([when] if when is not None else [])]:
        prep = _governing_prep(span)
        if prep is not None and prep.lower_ in non_event and span is not when:
            continue
        text, full = _with_brackets(span)
        reading = _interpret(text, published, future)
        if reading is None:
            continue
        if published is None and reading.source != "explicit":
            continue
        is_future = published is not None and (reading.start > published or reading.future_hint)
        past_year = published is not None and _period_end(reading.start, reading.precision) < (
            published - dt.timedelta(days=365)
        )
        return ResolvedDate(
            date=reading.start.isoformat(),
            source=reading.source,
            precision=reading.precision,
            text=full.text,
            future=is_future,
            past_year=past_year,
        )
    return _publication(published)
