"""Evaluation results as rich tables (one block per gold set, then a summary) or as one JSON object."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from eventcoder.evaluate.peer import PEER_NOTE, PeerComparison
from eventcoder.evaluate.score import (
    NONE,
    PRF,
    PentaScores,
    PloverScores,
    Rate,
    SentenceScores,
    SetResult,
    penta_macro_f1,
    penta_per_class,
)

Evaluated = tuple[SetResult, PeerComparison | None]

NOTES = (
    "Only factual events count. Types are compared in PLOVER: CAMEO gold codes through our crosswalk, "
    "PLOVER 0.5 labels renamed. Gold statements (CAMEO 01x) expect no event. Unknown or fictional gold "
    "countries, and a missing gold recipient, match anything.",
    PEER_NOTE,
)


# ---------------------------------------------------------------------------- JSON
def to_json(results: Sequence[Evaluated], load_seconds: float | None = None) -> dict[str, Any]:
    """Every figure, one object: ``sets`` by name, plus the summary rows."""
    sets = {}
    for result, peer in results:
        entry = result.to_dict()
        if peer is not None:
            entry["petrarch2"] = peer.to_dict()
        sets[result.name] = entry
    return {
        "notes": list(NOTES),
        "pipeline_load_seconds": round(load_seconds, 2) if load_seconds is not None else None,
        "sets": sets,
        "summary": [summary_row(result, peer) for result, peer in results],
    }


def summary_row(result: SetResult, peer: PeerComparison | None) -> dict[str, Any]:
    """The headline figures of one set."""
    row: dict[str, Any] = {"set": result.name, "kind": result.kind, "scored": result.scored,
                           "seconds": round(result.seconds, 2)}
    scores = result.scores
    if isinstance(scores, PloverScores):
        row |= {"metric": "type F1", "value": _round(scores.types.f1), "dyad_f1": _round(scores.dyads.f1),
                "false_alarm_rate": _round(scores.false_alarm.value)}
    elif isinstance(scores, PentaScores):
        row |= {"metric": "penta macro-F1 1-4", "value": _round(penta_macro_f1(scores.confusion))}
    elif isinstance(scores, SentenceScores):
        row |= {"metric": "record F1", "value": _round(scores.prf.f1)}
    if peer is not None:
        triple = peer.summary.get("triple_PRF(source,target,code)") or [None] * 3
        code_only = peer.summary.get("code_only_PRF") or [None] * 3
        row |= {"petrarch2_triple_f1": triple[2], "petrarch2_code_f1": code_only[2],
                "petrarch2_plover_type_f1": _round(peer.peer.types.f1),
                "eventcoder_plover_type_f1_same_records": _round(peer.ours.types.f1)}
    return row


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# ---------------------------------------------------------------------------- tables
def render(results: Sequence[Evaluated], console: Console, load_seconds: float | None = None) -> None:
    """Print one block per set, then the all-sets summary."""
    for result, peer in results:
        console.print(set_block(result, peer))
        console.print()
    if results:
        console.print(summary_table(results))
    if load_seconds is not None:
        console.print(f"coder start-up: {load_seconds:.1f} s (not included in the per-set times)", markup=False)
    for note in NOTES:
        console.print(Text(note, style="dim"))


def set_block(result: SetResult, peer: PeerComparison | None = None) -> Group:
    title = (
        f"{result.name}  [{result.kind}, split {result.split}]  {result.scored}/{result.selected} records scored"
        f"{_skips(result.skipped)}, coded in {result.seconds:.1f} s"
        f"{f' ({result.scored / result.seconds:.0f}/s)' if result.seconds else ''}"
        f"{f', {result.coder_errors} coder errors' if result.coder_errors else ''}"
    )
    parts: list[Any] = [Text(title, style="bold")]
    scores = result.scores
    if isinstance(scores, PloverScores):
        parts += [plover_table(scores, peer), per_type_table(scores), confusion_table(scores)]
    elif isinstance(scores, PentaScores):
        parts += [penta_table(scores)]
    elif isinstance(scores, SentenceScores):
        parts += [sentence_table(scores, result.kind)]
    return Group(*parts)


def _skips(skipped: Counter[str]) -> str:
    return f" (skipped: {', '.join(f'{k} {n}' for k, n in sorted(skipped.items()))})" if skipped else ""


def plover_table(scores: PloverScores, peer: PeerComparison | None) -> Table:
    """Headline figures; with a peer, also both coders on the records PETRARCH2 coded."""
    table = Table(title_justify="left", show_edge=False)
    table.add_column("measure")
    table.add_column("eventcoder", justify="right")
    columns = [scores]
    if peer is not None:
        table.add_column(f"eventcoder, same {peer.records}", justify="right")
        table.add_column("PETRARCH2 (gold parses)", justify="right")
        columns += [peer.ours, peer.peer]
    rows = [
        ("event + type P / R / F1", lambda s: _prf(s.types)),
        ("dyad P / R / F1", lambda s: _prf(s.dyads)),
        ("actor sector accuracy", lambda s: _rate(s.sector)),
        ("recipient sector accuracy", lambda s: _rate(s.recipient_sector)),
        ("mode accuracy", lambda s: _rate(s.mode)),
        ("date exact", lambda s: _rate(s.date)),
        ("date within 7 days", lambda s: _rate(s.date_week)),
        ("false alarms on no-event gold", lambda s: _rate(s.false_alarm)),
        ("gold statements (01x), expect none", lambda s: str(s.statements)),
    ]
    for label, cell in rows:
        table.add_row(label, *(cell(s) for s in columns))
    if peer is not None:
        table.caption = _peer_caption(peer)
        table.caption_justify = "left"
    return table


def _peer_caption(peer: PeerComparison) -> str:
    s = peer.summary
    return (
        f"PETRARCH2's own CAMEO-level summary ({peer.file.name}): "
        f"triple P/R/F1 {_triple(s.get('triple_PRF(source,target,code)'))}, "
        f"code-only {_triple(s.get('code_only_PRF'))}, exact sentences {s.get('sentence_exact_match', '-')}, "
        f"{s.get('sentences_scored', '-')} sentences"
    )


def _triple(values: Any) -> str:
    return " / ".join(f"{x:.3f}" for x in values) if values else "-"


def per_type_table(scores: PloverScores) -> Table:
    table = Table("type", "gold", "coded", "P", "R", "F1", title="per type", title_justify="left", show_edge=False)
    for type_, prf in sorted(scores.per_type.items()):
        table.add_row(type_, str(prf.tp + prf.fn), str(prf.tp + prf.fp), _f(prf.precision), _f(prf.recall), _f(prf.f1))
    return table


def confusion_table(scores: PloverScores) -> Table:
    """Gold type (rows) x predicted type (columns), ``none`` for missed or invented events."""
    types = sorted({t for pair in scores.confusion for t in pair} - {NONE}) + [NONE]
    table = Table(title="confusion: gold (rows) x coded (columns, first 4 letters)", title_justify="left",
                  show_edge=False, pad_edge=False)
    table.add_column("gold")
    for t in types:
        table.add_column(t[:4], justify="right")
    for gold in types:
        cells = [str(scores.confusion[(gold, pred)] or "") for pred in types]
        if any(cells):
            table.add_row(gold, *cells)
    return table


def penta_table(scores: PentaScores) -> Group:
    figures = Table("measure", "by CAMEO root", "by QuadClass", show_edge=False)
    figures.add_row("macro-F1, classes 1-4", _f(penta_macro_f1(scores.confusion)), _f(penta_macro_f1(scores.confusion_quad)))
    by_root, by_quad = penta_per_class(scores.confusion), penta_per_class(scores.confusion_quad)
    for k in (1, 2, 3, 4):
        figures.add_row(f"class {k} P / R / F1", _prf(by_root[k]), _prf(by_quad[k]))
    confusion = Table(title="confusion by CAMEO root: gold (rows) x main coded event (columns; 0 = statement/none)",
                      title_justify="left", show_edge=False)
    confusion.add_column("gold")
    for c in range(5):
        confusion.add_column(str(c), justify="right")
    for g in range(5):
        confusion.add_row(str(g), *(str(scores.confusion[(g, p)]) for p in range(5)))
    return Group(figures, confusion)


def sentence_table(scores: SentenceScores, kind: str) -> Group:
    what = "a factual PROTEST was coded" if kind == "protest" else "a mapped PLOVER type was coded"
    figures = Table("measure", "value", show_edge=False, caption=f"hit = {what}", caption_justify="left")
    figures.add_row("record P / R / F1", _prf(scores.prf))
    figures.add_row("accuracy", _rate(scores.accuracy))
    labels = Table("gold label", "right", "of", "rate", title="per gold label", title_justify="left", show_edge=False)
    for label, rate in sorted(scores.per_label.items(), key=lambda kv: -kv[1].total):
        labels.add_row(label, str(rate.hits), str(rate.total), _f(rate.value))
    return Group(figures, labels)


def summary_table(results: Sequence[Evaluated]) -> Table:
    table = Table(title="all sets", title_justify="left")
    table.add_column("set", no_wrap=True)
    for col in ("scored", "seconds", "headline", "value", "dyad F1", "false alarms",
                "P2 triple F1", "P2 PLOVER type F1", "ours, same records"):
        table.add_column(col, justify="left" if col == "headline" else "right", no_wrap=col == "headline")
    table.caption = "P2 = PETRARCH2 (gold parses): its own CAMEO triple F1, and its output scored like ours"
    table.caption_justify = "left"
    for result, peer in results:
        row = summary_row(result, peer)
        table.add_row(
            row["set"], str(row["scored"]), f"{result.seconds:.1f}", row.get("metric", ""), _f(row.get("value")),
            _f(row.get("dyad_f1")), _f(row.get("false_alarm_rate")), _f(row.get("petrarch2_triple_f1")),
            _f(row.get("petrarch2_plover_type_f1")), _f(row.get("eventcoder_plover_type_f1_same_records")),
        )
    return table


# ---------------------------------------------------------------------------- cells
def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _prf(prf: PRF) -> str:
    return f"{_f(prf.precision)} / {_f(prf.recall)} / {_f(prf.f1)}"


def _rate(rate: Rate) -> str:
    return f"{_f(rate.value)} ({rate.hits}/{rate.total})"
