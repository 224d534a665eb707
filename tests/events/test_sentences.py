"""Single-sentence PLOVER coding cases (``sentences*.yaml``) run against the public API.

Every case in the YAML becomes one test. The cases are written the way a careful human
PLOVER coder would code each sentence; they measure the coder and are not tuned to it.

Matching rules for an ``expect`` entry: some FACTUAL event (``event.factual``) must have
the given ``type`` and, for each field present and not null in the entry:

* ``actor`` / ``recipient``: the set of country codes of the event's actors (recipients)
  equals the expected set, order-insensitive; participants whose country could not be
  resolved (``None``) are ignored. An empty list means the tuple must be empty.
* ``actor_sector`` / ``recipient_sector``: at least one actor (recipient) has that sector.
* ``mode``: the event's mode equals it (or is one of them, if a list is given).
* ``date``: the event's ISO date equals it.

``forbid`` lists types no factual event may have; ``trap: true`` means no factual
event at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

CASE_FILES = sorted(Path(__file__).parent.glob("sentences*.yaml"))
"""``sentences.yaml`` plus topic files (``sentences_<topic>.yaml``) so several people can add cases at once."""
DEFAULT_PUBLISHED = dt.date(2024, 3, 6)

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
    "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
SECTORS = frozenset("GOV MIL POL REB OPP PTY CVL BUS MED NGO IGO JUD LEG EDU REL".split())
CASE_KEYS = frozenset({"text", "published", "expect", "forbid", "trap"})
EXPECT_KEYS = frozenset(
    {"type", "actor", "recipient", "actor_sector", "recipient_sector", "mode", "date"}
)


def _load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in CASE_FILES:
        with path.open(encoding="utf-8") as fh:
            loaded = yaml.safe_load(fh) or []
        if not isinstance(loaded, list):
            raise ValueError(f"{path.name}: top level must be a list of cases")
        cases.extend(loaded)
    return cases


CASES = _load_cases()


def _case_id(case: dict[str, Any]) -> str:
    return str(case.get("text", "?"))[:50]


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


# --------------------------------------------------------------------------------------
# Well-formedness of the case file (runs without the coder)
# --------------------------------------------------------------------------------------


def _problems(case: Any) -> list[str]:
    if not isinstance(case, dict):
        return ["case is not a mapping"]
    out: list[str] = []
    unknown = set(case) - CASE_KEYS
    if unknown:
        out.append(f"unknown keys {sorted(unknown)}")
    if not isinstance(case.get("text"), str) or not case["text"].strip():
        out.append("missing or empty text")
    if "published" in case and not isinstance(case["published"], dt.date):
        out.append("published must be a YYYY-MM-DD date")
    trap = case.get("trap", False)
    if not isinstance(trap, bool):
        out.append("trap must be true/false")
    expect = case.get("expect", [])
    forbid = case.get("forbid", [])
    if trap and (expect or forbid):
        out.append("a trap must not also have expect/forbid")
    if not trap and not expect and not forbid:
        out.append("case checks nothing (no expect, forbid or trap)")
    if not isinstance(forbid, list) or any(t not in PLOVER_TYPES for t in forbid):
        out.append(f"forbid must be a list of PLOVER types: {forbid!r}")
    if not isinstance(expect, list):
        return out + ["expect must be a list"]
    for i, exp in enumerate(expect):
        where = f"expect[{i}]"
        if not isinstance(exp, dict):
            out.append(f"{where} is not a mapping")
            continue
        if set(exp) - EXPECT_KEYS:
            out.append(f"{where}: unknown keys {sorted(set(exp) - EXPECT_KEYS)}")
        if exp.get("type") not in PLOVER_TYPES:
            out.append(f"{where}: bad type {exp.get('type')!r}")
        if exp.get("type") in forbid:
            out.append(f"{where}: type {exp.get('type')} is both expected and forbidden")
        for key in ("actor", "recipient"):
            codes = exp.get(key)
            if codes is None:
                continue
            if not isinstance(codes, list) or not all(
                isinstance(c, str) and len(c) == 3 and c.isupper() for c in codes
            ):
                out.append(f"{where}: {key} must be a list of 3-letter codes: {codes!r}")
        for key in ("actor_sector", "recipient_sector"):
            if exp.get(key) is not None and exp[key] not in SECTORS:
                out.append(f"{where}: unknown {key} {exp[key]!r}")
        mode = exp.get("mode")
        if mode is not None and not (
            isinstance(mode, str) or (isinstance(mode, list) and all(isinstance(m, str) for m in mode))
        ):
            out.append(f"{where}: mode must be a string or list of strings")
        if exp.get("date") is not None and not isinstance(exp["date"], dt.date):
            out.append(f"{where}: date must be a YYYY-MM-DD date")
    return out


def test_case_file_is_well_formed() -> None:
    problems = {_case_id(c) if isinstance(c, dict) else repr(c): p for c in CASES if (p := _problems(c))}
    assert not problems, "malformed cases:\n" + "\n".join(f"  {k}: {v}" for k, v in problems.items())
    texts = [c["text"] for c in CASES]
    dupes = sorted({t for t in texts if texts.count(t) > 1})
    assert not dupes, f"duplicate case texts: {dupes}"


def test_case_file_covers_every_type() -> None:
    counts = {t: 0 for t in PLOVER_TYPES}
    for case in CASES:
        for exp in case.get("expect", []) or []:
            counts[exp["type"]] += 1
    thin = {t: n for t, n in counts.items() if n < 3}
    assert not thin, f"PLOVER types with fewer than 3 positive cases: {thin}"
    assert sum(1 for c in CASES if c.get("trap")) >= 25


# --------------------------------------------------------------------------------------
# Coding the sentences
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def code_text():
    """The public API, warmed up once so the parsing model loads a single time."""
    from eventcoder import api

    api.code_text("The talks ended.", published=DEFAULT_PUBLISHED.isoformat())
    return api.code_text


def _countries(participants) -> set[str]:
    return {p.country for p in participants if p.country is not None}


def _describe(events) -> str:
    if not events:
        return "  (no events coded)"
    lines = []
    for e in events:
        actors = ",".join(a.code or f"{a.country}{a.sector or ''}" for a in e.actor) or "-"
        recips = ",".join(r.code or f"{r.country}{r.sector or ''}" for r in e.recipient) or "-"
        flags = [name for name in ("negated", "hypothetical", "future", "historical") if getattr(e, name)]
        lines.append(
            f"  {e.type:<9} mode={e.mode} actor=[{actors}] recipient=[{recips}] date={e.date} "
            f"factual={e.factual}{' (' + ','.join(flags) + ')' if flags else ''} trigger={e.trigger!r}"
        )
    return "\n".join(lines)


def _mismatch(event, exp: dict[str, Any]) -> str | None:
    """Why ``event`` does not satisfy ``exp`` (None if it does)."""
    if event.type != exp["type"]:
        return "type"
    for key, participants in (("actor", event.actor), ("recipient", event.recipient)):
        want = exp.get(key)
        if want is None:
            continue
        if want == []:
            if participants:
                return f"{key} should be empty"
        elif _countries(participants) != set(want):
            return f"{key} {sorted(_countries(participants))} != {sorted(want)}"
    for key, participants in (("actor_sector", event.actor), ("recipient_sector", event.recipient)):
        want = exp.get(key)
        if want is not None and want not in {p.sector for p in participants}:
            return f"no {key.split('_')[0]} with sector {want}"
    mode = exp.get("mode")
    if mode is not None:
        allowed = [mode] if isinstance(mode, str) else list(mode)
        if event.mode not in allowed:
            return f"mode {event.mode!r} not in {allowed}"
    date = exp.get("date")
    if date is not None and event.date != _iso(date):
        return f"date {event.date} != {_iso(date)}"
    return None


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_sentence(case: dict[str, Any], code_text) -> None:
    published = _iso(case.get("published", DEFAULT_PUBLISHED))
    events = list(code_text(case["text"], published=published))
    factual = [e for e in events if e.factual]
    header = f"\nsentence: {case['text']}\npublished: {published}\ncoded events:\n{_describe(events)}"

    if case.get("trap"):
        assert factual == [], f"trap sentence produced factual events{header}"
        return

    for exp in case.get("expect", []) or []:
        reasons = [r for e in factual if (r := _mismatch(e, exp)) != "type"]
        if any(r is None for r in reasons):
            continue
        near = f" (closest {exp['type']} events failed on: {'; '.join(reasons)})" if reasons else ""
        wanted = {k: (_iso(v) if k == "date" else v) for k, v in exp.items()}
        pytest.fail(f"no factual event matching {wanted}{near}{header}")

    forbidden = [e for e in factual if e.type in set(case.get("forbid", []) or [])]
    assert not forbidden, f"forbidden types coded as factual: {sorted({e.type for e in forbidden})}{header}"
