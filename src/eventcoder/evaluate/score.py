"""Code gold records and score the output at the PLOVER level.

Coding and scoring are separate on purpose: a *coder* is any callable that takes gold
records and yields, per record and in order, the predicted events (or None when coding
that record failed). The real one wraps one shared ``Pipeline``; tests and the PETRARCH2
peer use others, so every metric can be checked without spaCy. Only factual events count.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from eventcoder.evaluate.gold import ACLED_TYPES, GoldActor, GoldRecord, GoldSet, Pair
from eventcoder.events.ontology import default_ontology
from eventcoder.model import Actor, Article, Event

NONE = "none"
"""The confusion-table row/column for "no event"."""

Predictions = Sequence[Event] | None
Coder = Callable[[Sequence[GoldRecord]], Iterable[Predictions]]


# ---------------------------------------------------------------------------- counters
@dataclass
class PRF:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN): 0 rather than undefined when a class is never predicted but occurs."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _r(self.precision),
                "recall": _r(self.recall), "f1": _r(self.f1)}


@dataclass
class Rate:
    """hits out of total, e.g. correct modes out of matched events that have a gold mode."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "total": self.total, "rate": _r(self.value)}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# ---------------------------------------------------------------------------- results
@dataclass
class PloverScores:
    """Event, dyad and attribute scores for sets coded in CAMEO or PLOVER."""

    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold type, predicted type) -> count; ``none`` for a missed or invented event."""
    dyads: PRF = field(default_factory=PRF)
    sector: Rate = field(default_factory=Rate)
    """Actor sector on matched dyads where the gold actor has one."""
    recipient_sector: Rate = field(default_factory=Rate)
    mode: Rate = field(default_factory=Rate)
    date: Rate = field(default_factory=Rate)
    date_week: Rate = field(default_factory=Rate)
    """Dates within 7 days of the gold date (PETRARCH dates events by the story's date)."""
    false_alarm: Rate = field(default_factory=Rate)
    """Records whose gold has no event at all, and how many of them got a factual event."""
    statements: int = 0
    """Gold events with a CAMEO code PLOVER does not code (statements): expected as no event."""

    @property
    def types(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total.add(prf.tp, prf.fp, prf.fn)
        return total

    def to_dict(self) -> dict[str, Any]:
        confusion: dict[str, dict[str, int]] = defaultdict(dict)
        for (gold, pred), n in sorted(self.confusion.items()):
            confusion[gold][pred] = n
        return {
            "types": self.types.to_dict(),
            "per_type": {t: prf.to_dict() for t, prf in sorted(self.per_type.items())},
            "confusion": dict(confusion),
            "dyads": self.dyads.to_dict(),
            "sector_accuracy": self.sector.to_dict(),
            "recipient_sector_accuracy": self.recipient_sector.to_dict(),
            "mode_accuracy": self.mode.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "date_within_7_days": self.date_week.to_dict(),
            "false_alarm_rate": self.false_alarm.to_dict(),
            "gold_statements_expected_as_no_event": self.statements,
        }


@dataclass
class PentaScores:
    """Sentence-level PentaClass of the main predicted event against the gold class."""

    confusion: Counter[tuple[int, int]] = field(default_factory=Counter)
    """(gold, predicted) by the CAMEO root of the predicted event, the gold's own definition."""
    confusion_quad: Counter[tuple[int, int]] = field(default_factory=Counter)
    """(gold, predicted) by the event's QuadClass (root 09 and 14 fall on the other side)."""

    def to_dict(self) -> dict[str, Any]:
        return {"by_cameo_root": _penta_dict(self.confusion), "by_quad_class": _penta_dict(self.confusion_quad)}


@dataclass
class SentenceScores:
    """Record-level scores for sets labelled per sentence (ACLED subtypes, protest yes/no)."""

    prf: PRF = field(default_factory=PRF)
    accuracy: Rate = field(default_factory=Rate)
    per_label: dict[str, Rate] = field(default_factory=lambda: defaultdict(Rate))
    """Per gold label, how often the record was judged right (for an ACLED label: its recall)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.prf.to_dict(),
            "accuracy": self.accuracy.to_dict(),
            "right_per_label": {k: v.to_dict() for k, v in sorted(self.per_label.items())},
        }


@dataclass
class SetResult:
    """Everything measured on one gold set."""

    name: str
    kind: str
    split: str
    selected: int
    scored: int
    skipped: Counter[str]
    seconds: float
    coder_errors: int
    scores: PloverScores | PentaScores | SentenceScores
    records: list[GoldRecord] = field(repr=False, default_factory=list)
    predictions: list[tuple[Event, ...]] = field(repr=False, default_factory=list)
    """Factual predicted events per scored record, kept for comparisons on subsets."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "split": self.split,
            "records": self.selected,
            "scored": self.scored,
            "skipped": dict(self.skipped),
            "seconds": round(self.seconds, 2),
            "records_per_second": round(self.scored / self.seconds, 1) if self.seconds else None,
            "coder_errors": self.coder_errors,
            self.kind: self.scores.to_dict(),
        }


# ---------------------------------------------------------------------------- running
def select(gold: GoldSet, split: str | None = None, limit: int | None = None) -> tuple[list[GoldRecord], str]:
    """The records to evaluate: one split (PentaClass defaults to its test split), at most ``limit``."""
    wanted = split or ("test" if gold.kind == "pentaclass" else "all")
    records = [r for r in gold.records if wanted == "all" or r.split in (None, wanted)]
    return (records[:limit] if limit else records), wanted


def evaluate_set(gold: GoldSet, coder: Coder, split: str | None = None, limit: int | None = None) -> SetResult:
    """Code the selected records of one gold set and score them."""
    selected, wanted = select(gold, split, limit)
    records = [r for r in selected if r.skip is None]
    start = time.perf_counter()
    raw = list(coder(records))
    seconds = time.perf_counter() - start
    predictions = [tuple(e for e in events if e.factual) if events is not None else () for events in raw]
    return SetResult(
        name=gold.name,
        kind=gold.kind,
        split=wanted,
        selected=len(selected),
        scored=len(records),
        skipped=Counter(r.skip for r in selected if r.skip),
        seconds=seconds,
        coder_errors=sum(events is None for events in raw),
        scores=score(gold.kind, records, predictions),
        records=records,
        predictions=predictions,
    )


def pipeline_coder(pipeline: Any, batch_size: int = 32) -> Coder:
    """A coder backed by one ``Pipeline``: records become articles dated by the record."""

    def code(records: Sequence[GoldRecord]) -> Iterator[Predictions]:
        articles = [Article(id=r.id, text=r.text, published=r.published) for r in records]
        for start in range(0, len(articles), batch_size):
            yield from _code_batch(pipeline, articles[start : start + batch_size])

    return code


def _code_batch(pipeline: Any, batch: list[Article]) -> list[Predictions]:
    """One batch; if the coder raises, each article alone, so one bad record costs only itself."""
    try:
        return [coded.events for coded in pipeline.code(batch, batch_size=len(batch))]
    except Exception:  # noqa: BLE001 - any coder failure is scored as a coder error, not a crash
        return [_code_one(pipeline, article) for article in batch]


def _code_one(pipeline: Any, article: Article) -> Predictions:
    try:
        return next(iter(pipeline.code([article], batch_size=1))).events
    except Exception:  # noqa: BLE001
        return None


# ---------------------------------------------------------------------------- scoring
def score(
    kind: str, records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]]
) -> PloverScores | PentaScores | SentenceScores:
    """The scores a set of this kind supports; ``predictions`` are the factual events per record."""
    scorers = {"plover": score_plover, "pentaclass": score_penta, "acled": score_acled, "protest": score_protest}
    return scorers[kind](records, predictions)


def score_plover(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]]) -> PloverScores:
    scores = PloverScores()
    for record, events in zip(records, predictions, strict=True):
        ranked = sorted(events, key=lambda e: -e.confidence)
        scores.statements += record.statements
        if record.no_event:
            scores.false_alarm.add(bool(ranked))
        _score_types(scores, record, ranked)
        _score_dyads(scores, record, ranked)
        _score_attributes(scores, record, ranked)
    return scores


def _score_types(scores: PloverScores, record: GoldRecord, events: Sequence[Event]) -> None:
    """(record, type) multisets; unmatched gold and predicted events are paired up as confusions."""
    gold = Counter(e.type for e in record.events)
    pred = Counter(e.type for e in events)
    for type_ in gold | pred:
        tp = min(gold[type_], pred[type_])
        scores.per_type[type_].add(tp, pred[type_] - tp, gold[type_] - tp)
        if tp:
            scores.confusion[(type_, type_)] += tp
    missed, invented = sorted((gold - pred).elements()), sorted((pred - gold).elements())
    for g, p in zip_longest(missed, invented, fillvalue=NONE):
        scores.confusion[(g, p)] += 1


def _score_attributes(scores: PloverScores, record: GoldRecord, events: Sequence[Event]) -> None:
    """Mode and date of each gold event against the most confident predicted event of its type."""
    gold_date = record.gold_date
    for type_ in {e.type for e in record.events}:
        golds = [g for g in record.events if g.type == type_]
        preds = [p for p in events if p.type == type_]
        for gold, pred in zip(golds, preds):
            if gold.mode:
                scores.mode.add(pred.mode == gold.mode)
            if gold_date:
                scores.date.add(pred.date == gold_date.isoformat())
                scores.date_week.add(_days_apart(pred.date, gold_date) <= 7)


def _days_apart(date: str | None, gold: dt.date) -> float:
    try:
        return abs((dt.date.fromisoformat(date or "") - gold).days)
    except ValueError:
        return float("inf")


# ---------------------------------------------------------------------------- dyads
PredPair = tuple[Actor | None, Actor | None]


def _score_dyads(scores: PloverScores, record: GoldRecord, events: Sequence[Event]) -> None:
    """(type, actor country, recipient country) pairs, matched one to one within each type;
    either way round for reciprocal types (PLOVER lists everyone at a meeting as actor)."""
    types = default_ontology().types
    for type_ in {e.type for e in record.events} | {e.type for e in events}:
        gold = _unique(p for g in record.events if g.type == type_ for p in g.pairs)
        pred = _unique_pred(p for e in events if e.type == type_ for p in predicted_pairs(e))
        matched = _match(gold, pred, either_way=type_ in types and types[type_].reciprocal)
        scores.dyads.add(len(matched), len(pred) - len(matched), len(gold) - len(matched))
        for g, p in matched:
            _score_sectors(scores, g, p)


def predicted_pairs(event: Event) -> list[PredPair]:
    """Actor x recipient; with no recipient, several actors are reciprocal (each to each), as PLOVER writes meetings."""
    actors: list[Actor | None] = list(_distinct(event.actor)) or [None]
    recipients = _distinct(event.recipient)
    if recipients:
        return [(a, r) for a in actors for r in recipients]
    if len(actors) > 1:
        return [(a, b) for a in actors for b in actors if a is not b]
    return [(actors[0], None)]


def _distinct(actors: Iterable[Actor]) -> list[Actor]:
    """One actor per country (or per name when the country is unknown): dyads are compared by country."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.country or f"name:{actor.name}", actor)
    return list(seen.values())


def _unique(pairs: Iterable[Pair]) -> list[Pair]:
    out: list[Pair] = []
    for pair in pairs:
        if pair not in out:
            out.append(pair)
    return out


def _unique_pred(pairs: Iterable[PredPair]) -> list[PredPair]:
    seen: dict[tuple[str | None, str | None], PredPair] = {}
    for a, r in pairs:
        seen.setdefault((_pred_key(a), _pred_key(r)), (a, r))
    return list(seen.values())


def _pred_key(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country or f"name:{actor.name}"


def _side_matches(gold: GoldActor | None, pred: Actor | None) -> bool:
    """A gold side with no actor or an unknown country matches anything, even no actor."""
    if gold is None or gold.country is None:
        return True
    return pred is not None and pred.country == gold.country


def _pair_matches(gold: Pair, pred: PredPair) -> bool:
    return _side_matches(gold[0], pred[0]) and _side_matches(gold[1], pred[1])


def _match(gold: list[Pair], pred: list[PredPair], either_way: bool = False) -> list[tuple[Pair, PredPair]]:
    """Maximum one-to-one matching (augmenting paths): wildcard gold pairs must not steal exact ones."""
    owner: dict[int, int] = {}  # predicted index -> gold index

    def matches(g: Pair, p: PredPair) -> bool:
        return _pair_matches(g, p) or (either_way and _pair_matches(g, (p[1], p[0])))

    def assign(g: int, tried: set[int]) -> bool:
        for p, candidate in enumerate(pred):
            if p in tried or not matches(gold[g], candidate):
                continue
            tried.add(p)
            if p not in owner or assign(owner[p], tried):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        assign(g, set())
    pairs = [(gold[g], pred[p]) for p, g in sorted(owner.items(), key=lambda item: item[1])]
    return [(g, p if _pair_matches(g, p) else (p[1], p[0])) for g, p in pairs]  # sectors compare side to side


def _score_sectors(scores: PloverScores, gold: Pair, pred: PredPair) -> None:
    for rate, gold_actor, pred_actor in zip((scores.sector, scores.recipient_sector), gold, pred):
        if gold_actor is not None and gold_actor.sector:
            rate.add(pred_actor is not None and pred_actor.sector == gold_actor.sector)


# ---------------------------------------------------------------------------- sentence-level sets
PENTA_CLASSES = (0, 1, 2, 3, 4)
_PENTA_BY_ROOT = {**dict.fromkeys(range(1, 3), 0), **dict.fromkeys(range(3, 6), 1), **dict.fromkeys(range(6, 10), 2),
                  **dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}
"""CAMEO root -> PentaClass as the ConfliBERT set defines it (01-02, 03-05, 06-09, 10-14, 15-20)."""


def main_event(events: Sequence[Event]) -> Event | None:
    """The sentence's main event: the most confident one (the first on a tie)."""
    return max(events, key=lambda e: e.confidence, default=None)


def penta_class(event: Event | None) -> int:
    """PentaClass of an event by its CAMEO root; no event is class 0 ("make a statement")."""
    if event is None:
        return 0
    root = (event.cameo or "")[:2]
    if root.isdigit() and int(root) in _PENTA_BY_ROOT:
        return _PENTA_BY_ROOT[int(root)]
    return event.quad_class or 0


def score_penta(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]]) -> PentaScores:
    scores = PentaScores()
    for record, events in zip(records, predictions, strict=True):
        if not record.labels:
            continue
        gold, main = int(record.labels[0]), main_event(events)
        scores.confusion[(gold, penta_class(main))] += 1
        scores.confusion_quad[(gold, (main.quad_class or 0) if main else 0)] += 1
    return scores


def penta_per_class(confusion: Counter[tuple[int, int]]) -> dict[int, PRF]:
    """P/R/F1 of classes 1-4 over records whose gold class is 1-4 (a prediction of 0 is a miss)."""
    out: dict[int, PRF] = {}
    for c in PENTA_CLASSES[1:]:
        tp = confusion[(c, c)]
        fp = sum(confusion[(g, c)] for g in PENTA_CLASSES[1:] if g != c)
        fn = sum(confusion[(c, p)] for p in PENTA_CLASSES if p != c)
        out[c] = PRF(tp, fp, fn)
    return out


def penta_macro_f1(confusion: Counter[tuple[int, int]]) -> float | None:
    f1s = [prf.f1 for prf in penta_per_class(confusion).values()]
    return None if any(f is None for f in f1s) else sum(f1s) / len(f1s)  # type: ignore[arg-type]


def _penta_dict(confusion: Counter[tuple[int, int]]) -> dict[str, Any]:
    scored = sum(n for (g, _), n in confusion.items() if g)
    correct = sum(confusion[(c, c)] for c in PENTA_CLASSES[1:])
    return {
        "macro_f1_1_4": _r(penta_macro_f1(confusion)),
        "accuracy_1_4": _r(correct / scored) if scored else None,
        "records_1_4": scored,
        "per_class": {str(c): prf.to_dict() for c, prf in penta_per_class(confusion).items()},
        "confusion": {str(g): {str(p): confusion[(g, p)] for p in PENTA_CLASSES} for g in PENTA_CLASSES},
    }


def score_acled(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]]) -> SentenceScores:
    """A record is a hit when any factual event has a PLOVER type its ACLED label maps to.

    Precision counts records where something was coded; recall counts every mapped record.
    """
    scores = SentenceScores()
    for record, events in zip(records, predictions, strict=True):
        accepted = frozenset().union(*(ACLED_TYPES.get(label, frozenset()) for label in record.labels))
        hit = any(e.type in accepted for e in events)
        scores.prf.add(int(hit), int(bool(events) and not hit), int(not hit))
        scores.accuracy.add(hit)
        for label in record.labels:
            scores.per_label[label].add(hit)
    return scores


def score_protest(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]]) -> SentenceScores:
    """Protest sentence (gold) against "a factual PROTEST event was coded"."""
    scores = SentenceScores()
    for record, events in zip(records, predictions, strict=True):
        gold = "protest" in record.labels
        pred = any(e.type == "PROTEST" for e in events)
        scores.prf.add(int(gold and pred), int(pred and not gold), int(gold and not pred))
        scores.accuracy.add(gold == pred)
        scores.per_label["protest" if gold else "no protest"].add(gold == pred)
    return scores
