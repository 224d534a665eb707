"""Gold-standard event sets (the uniform JSON Lines schema of ``../shared/eval``) as typed records.

Every gold set speaks its own dialect: CAMEO codes, PLOVER 0.5 labels, Phoenix actor
codes, sentence-level classes. This module translates each gold event into what the
scorer compares at the PLOVER level, and leaves the set's own label beside it for the
sentence-level sets (PentaClass, ACLED subtypes, protest yes/no) that have no PLOVER type.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from eventcoder.events.ontology import Ontology, default_ontology

PLACEHOLDER_DATES = frozenset({"2000-01-01"})
"""Dates a set fills in when it has none (the PLOVER GSR dates every record 2000-01-01)."""

PLOVER_05 = {
    # PLOVER 0.5 (2016, used by the PLOVER GSR) -> current codebook type and the mode the
    # old name implies. DEMAND became REQUEST, FIGHT was folded into ASSAULT, and
    # DISAPPROVE / INVESTIGATE became modes of ACCUSE.
    "DEMAND": ("REQUEST", None),
    "FIGHT": ("ASSAULT", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}

OLD_MODES = {
    # PLOVER 0.5 mode names with a current equivalent the ontology's own aliases do not cover.
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "demo-org": "demo",
    "demo-spon": "demo",
    "confiscate": "seize",
    "detain": "arrest",
}

SECTORS = frozenset("GOV MIL POL REB OPP PTY CVL BUS MED NGO IGO JUD LEG EDU REL".split())
SECTOR_ALIASES = {"COP": "POL", "CIV": "CVL", "JRN": "MED"}
"""CAMEO/Phoenix sector codes that are one of ours under another name."""

UNKNOWN_ACTOR = "---"

ACLED_TYPES: dict[str, frozenset[str]] = {
    # CASE 2021 (ACLED-style) subtypes -> the PLOVER types that report the same happening.
    # Several are accepted where ACLED's category spans PLOVER types (a regained town is
    # fought for or withdrawn from; DIPLO covers meetings, deals, expulsions, condemnations).
    # Left out, hence not scored: ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER (not
    # political events), ATTRIB (claims of responsibility mixed with blame), CHANGE_TO_GROUP_ACT
    # (defections, new units, redeployments) and OTHER.
    **dict.fromkeys(
        ["ARMED_CLASH", "ATTACK", "AIR_STRIKE", "ART_MISS_ATTACK", "CHEM_WEAP", "SUIC_BOMB", "GRENADE",
         "REM_EXPLOS", "SEX_VIOL", "ABDUCT_DISSAP"],
        frozenset({"ASSAULT"}),
    ),
    "GOV_REGAINS_TERIT": frozenset({"ASSAULT", "RETREAT"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": frozenset({"ASSAULT", "RETREAT"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"RETREAT", "COERCE"}),
    "PEACE_PROTEST": frozenset({"PROTEST"}),
    "PROTEST_WITH_INTER": frozenset({"PROTEST"}),
    "VIOL_DEMONSTR": frozenset({"PROTEST"}),
    "MOB_VIOL": frozenset({"PROTEST", "ASSAULT"}),
    "FORCE_AGAINST_PROTEST": frozenset({"ASSAULT", "COERCE"}),
    "PROPERTY_DISTRUCT": frozenset({"ASSAULT", "COERCE"}),
    "ARREST": frozenset({"COERCE"}),
    "DISR_WEAP": frozenset({"COERCE"}),
    "HQ_ESTABLISHED": frozenset({"MOBILIZE"}),
    "AGREEMENT": frozenset({"AGREE", "RETREAT"}),
    "DIPLO": frozenset(
        {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "CONCEDE"}
    ),
}


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file (and line)."""


@dataclass(frozen=True)
class GoldActor:
    """One side of a gold event: the code as written, and what we can compare of it."""

    code: str
    country: str | None
    """ISO alpha-3, IGO or NGO; None when unknown (``---``, fictional or obsolete codes)."""
    sector: str | None


Pair = tuple[GoldActor | None, GoldActor | None]


@dataclass(frozen=True)
class GoldEvent:
    """One gold event at the PLOVER level; compound or reciprocal actors are kept as (source, target) pairs."""

    type: str
    mode: str | None
    pairs: tuple[Pair, ...]
    code: str | None = None
    """The CAMEO code it came from, if any."""


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence or snippet."""

    id: str
    text: str
    published: dt.date | None
    """The record's date as given (placeholders included): what the coder is told."""
    events: tuple[GoldEvent, ...]
    """Gold events that have a PLOVER type."""
    labels: tuple[str, ...] = ()
    """The set's own sentence-level labels (PentaClass number, ACLED subtype, ``protest``)."""
    no_event: bool = False
    """The gold says that nothing should be coded (``events: []``)."""
    skip: str | None = None
    """Why the record cannot be scored, or None."""
    split: str | None = None
    statements: int = 0
    """Gold events with a CAMEO code PLOVER has no type for (statements, 01x)."""

    @property
    def gold_date(self) -> dt.date | None:
        """The date events should carry, unless it is a placeholder."""
        if self.published is None or self.published.isoformat() in PLACEHOLDER_DATES:
            return None
        return self.published


@dataclass(frozen=True)
class GoldSet:
    name: str
    path: Path
    kind: str
    """``plover`` (CAMEO or PLOVER labels), ``pentaclass``, ``acled`` or ``protest``."""
    records: tuple[GoldRecord, ...]


# ---------------------------------------------------------------------------- loading
def load_gold(path: str | Path, ontology: Ontology | None = None) -> GoldSet:
    """Read a gold JSONL file; raises GoldError with a one-line reason when it cannot."""
    path = Path(path)
    raw = list(_read_lines(path))
    onto = ontology or default_ontology()
    consensus = any("votes" in e for r in raw for e in r.get("events") or ())
    kind = _kind(raw)
    records = tuple(_record(r, onto, consensus, kind) for r in raw)
    return GoldSet(name=path.stem, path=path, kind=kind, records=records)


def _read_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({_reason(exc)})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or "text" not in record or not isinstance(record.get("events", []), list):
            raise GoldError(f"{path}:{number}: not a gold record (needs 'text' and an 'events' list)")
        yield record


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__


def _kind(raw: list[dict[str, Any]]) -> str:
    """What the set's labels allow us to compare, read from the fields its events carry."""
    events = [e for r in raw for e in r.get("events") or ()]
    if any("pentaclass" in e for e in events):
        return "pentaclass"
    labels = {e["label"] for e in events if e.get("label")}
    if labels:
        return "protest" if labels == {"protest"} else "acled"
    return "plover"


def _record(raw: Mapping[str, Any], onto: Ontology, consensus: bool, kind: str) -> GoldRecord:
    extra = raw.get("extra") or {}
    raw_events = raw.get("events") or []
    events, statements, unmappable = _plover_events(raw_events, onto)
    labels = tuple(str(e[k]) for e in raw_events for k in ("pentaclass", "label") if e.get(k) is not None)
    unmapped_label = kind == "acled" and not any(label in ACLED_TYPES for label in labels)
    return GoldRecord(
        id=str(raw.get("id", "")),
        text=str(raw["text"]),
        published=parse_date(raw.get("date")),
        events=events,
        labels=labels,
        no_event=not raw_events,
        skip="unmapped_label" if unmapped_label else _skip_reason(extra, raw_events, consensus, unmappable),
        split=extra.get("split"),
        statements=statements,
    )


def _skip_reason(extra: Mapping[str, Any], raw_events: list[Any], consensus: bool, unmappable: bool) -> str | None:
    if "expected_error" in extra:
        return "expected_error"
    if str(extra.get("evaluate", "true")).lower() == "false":
        return "not_evaluated"  # the suite itself does not evaluate the case
    if consensus and not raw_events:
        return "no_consensus"  # multi-annotator set: [] means the coders disagreed, not "no event"
    if unmappable:
        return "unmappable_code"  # test-only or agent-only codes (90x, ~COP) have no meaning to compare
    return None


def parse_date(value: Any) -> dt.date | None:
    """YYYY-MM-DD (or YYYYMMDD) as a date; anything else (e.g. a garbled ``121108``) is no date."""
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------------------- events
def _plover_events(raw_events: Iterable[Mapping[str, Any]], onto: Ontology) -> tuple[tuple[GoldEvent, ...], int, bool]:
    """Gold events as PLOVER events, the number with no PLOVER type, and whether any was unreadable.

    PETRARCH and the GSR conversion write one event per (source, target) pair, so events that
    share a code (or label) are merged back into one event with several pairs.
    """
    merged: dict[tuple[str, str | None, str], list[Pair]] = {}
    statements, unmappable = 0, False
    for raw in raw_events:
        mapped = plover_of(raw, onto)
        if mapped is None:
            if raw.get("code") or raw.get("plover"):
                if _is_statement(raw, onto):
                    statements += 1
                else:
                    unmappable = True
            continue
        pair = (parse_actor(raw.get("source")), parse_actor(raw.get("target")))
        pairs = merged.setdefault((*mapped, str(raw.get("code") or raw.get("plover"))), [])
        if pair not in pairs:
            pairs.append(pair)
    events = tuple(
        GoldEvent(type=type_, mode=mode, pairs=tuple(pairs), code=key if key.isdigit() else None)
        for (type_, mode, key), pairs in merged.items()
    )
    return events, statements, unmappable


def plover_of(raw: Mapping[str, Any], onto: Ontology) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a gold event: from its CAMEO code by our crosswalk, else from its PLOVER label."""
    code = str(raw.get("code") or "").strip()
    if code:
        type_, mode, _ = onto.cameo_to_plover(code)
        return (type_, mode) if type_ else None
    label = str(raw.get("plover") or "").strip().upper()
    if not label:
        return None
    type_, implied = PLOVER_05.get(label, (label, None))
    if type_ not in onto.types:
        return None
    mode = raw.get("mode")
    mode = onto.validate_mode(type_, OLD_MODES.get(mode, mode)) if mode else None
    return type_, mode or implied


def _is_statement(raw: Mapping[str, Any], onto: Ontology) -> bool:
    """A real CAMEO code that PLOVER deliberately leaves uncoded (as opposed to a test-only code)."""
    code = str(raw.get("code") or "").strip()
    return bool(code) and onto.cameo_name(code) is not None


# ---------------------------------------------------------------------------- actors
@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "IGO", "NGO"}


def parse_actor(code: Any) -> GoldActor | None:
    """A CAMEO/Phoenix actor code split into country and sector; None when there is no actor.

    ``USAGOV`` -> USA + GOV; ``---LEG`` -> unknown country + LEG; ``IGOEUREEC`` -> IGO;
    a fictional ``GON`` (PETRARCH test suites) has no country we can compare.
    """
    text = str(code or "").strip()
    if not text or text == "None":
        return None
    upper = text.upper()
    if upper == UNKNOWN_ACTOR:
        return GoldActor(code=text, country=None, sector=None)
    country = upper[:3] if upper[:3] in _country_codes() else None
    return GoldActor(code=text, country=country, sector=_sector(upper[3:]))


def _sector(rest: str) -> str | None:
    """The first three-letter segment after the country that is one of our sectors."""
    for i in range(0, len(rest) - 2, 3):
        segment = rest[i : i + 3]
        segment = SECTOR_ALIASES.get(segment, segment)
        if segment in SECTORS:
            return segment
    return None
