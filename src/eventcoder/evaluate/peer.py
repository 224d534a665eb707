"""PETRARCH2's recorded output (``peer_petrarch2/*.json`` beside a gold file) as a peer to compare with.

Its own summary is CAMEO-level and was computed from gold Treebank parses, so it is shown
as given. To compare like with like, its predicted triples are also translated to PLOVER
with our crosswalk and scored by the same scorer as ours, on the records it coded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.evaluate.gold import GoldActor, GoldRecord, parse_actor
from eventcoder.evaluate.score import PloverScores, SetResult, score_plover
from eventcoder.events.ontology import Ontology, default_ontology
from eventcoder.model import Actor, Event

PEER_DIR = "peer_petrarch2"
PEER_NOTE = "PETRARCH2 was given hand-checked Treebank parses; eventcoder only the raw text."


@dataclass
class PeerComparison:
    """PETRARCH2's summary, and both coders scored at the PLOVER level on the records it coded."""

    file: Path
    summary: dict[str, Any]
    records: int
    ours: PloverScores
    peer: PloverScores

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "note": PEER_NOTE,
            "petrarch2_summary": self.summary,
            "records_compared": self.records,
            "plover_level": {"eventcoder": self.ours.to_dict(), "petrarch2": self.peer.to_dict()},
        }


def find_peer(gold_path: Path) -> Path | None:
    """``peer_petrarch2/<set>.<dictionaries>.json`` next to the gold file, if there is one."""
    matches = sorted((gold_path.parent / PEER_DIR).glob(f"{gold_path.stem}.*.json"))
    return matches[0] if matches else None


def compare(result: SetResult, gold_path: Path, ontology: Ontology | None = None) -> PeerComparison | None:
    """Our scores and PETRARCH2's on the same records; None when no peer file exists or it is unreadable."""
    path = find_peer(gold_path)
    if path is None or result.kind != "plover":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        peer_preds = {str(p["id"]): p.get("pred") or [] for p in data["predictions"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    onto = ontology or default_ontology()
    pairs = [(r, ours) for r, ours in zip(result.records, result.predictions) if r.id in peer_preds]
    records = [r for r, _ in pairs]
    return PeerComparison(
        file=path,
        summary=data.get("summary", {}),
        records=len(records),
        ours=score_plover(records, [ours for _, ours in pairs]),
        peer=score_plover(records, [peer_events(r, peer_preds[r.id], onto) for r in records]),
    )


def peer_events(record: GoldRecord, triples: list[list[str]], onto: Ontology) -> tuple[Event, ...]:
    """PETRARCH2's (source, target, CAMEO) triples as events; statements and unknown codes give none."""
    events = []
    for n, (source, target, code) in enumerate(triples):
        type_, mode, contexts = onto.cameo_to_plover(str(code))
        if type_ is None:
            continue
        events.append(
            Event(
                event_id=f"{record.id}-p{n}", article_id=record.id, type=type_, mode=mode, context=contexts,
                actor=_actors(source), recipient=_actors(target),
                date=record.published.isoformat() if record.published else None, date_source="publication",
                location=None, negated=False, hypothetical=False, future=False, historical=False,
                cameo=str(code), goldstein=onto.goldstein(str(code)), quad_class=onto.quad_class(str(code)),
                plover_score=None, confidence=1.0, sentence=record.text, span=(0, len(record.text)),
            )
        )
    return tuple(events)


def _actors(code: str | None) -> tuple[Actor, ...]:
    gold: GoldActor | None = parse_actor(code)
    if gold is None:
        return ()
    return (Actor(name=gold.code, country=gold.country, sector=gold.sector, code=gold.code),)
