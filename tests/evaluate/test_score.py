"""The evaluation harness: gold reading, metric arithmetic (with a fake coder) and one real run.

The gold records here are written for these tests. Every expected figure below is worked
out by hand from them, so a change to the arithmetic shows up as a wrong number.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console

from conftest import make_actor, make_event
from eventcoder.cli.evaluate import evaluate
from eventcoder.evaluate.gold import GoldError, GoldRecord, load_gold, parse_actor
from eventcoder.evaluate.peer import compare
from eventcoder.evaluate.report import render, to_json
from eventcoder.evaluate.score import (
    NONE,
    Coder,
    SetResult,
    evaluate_set,
    penta_macro_f1,
    predicted_pairs,
    select,
)
from eventcoder.model import Event


def ev(source: str | None, target: str | None, code: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "code": code, **kw}


GOLD = [
    {"id": "a1", "text": "Israeli warplanes bombed Gaza on Tuesday.", "date": "2008-08-05",
     "events": [ev("ISRMIL", "PSE", "195")]},
    {"id": "c1", "text": "Brazilian and US officials held talks in Geneva.", "date": "2008-08-06",
     "events": [ev("BRAGOV", "USAGOV", "040"), ev("USAGOV", "BRAGOV", "040")]},
    {"id": "n1", "text": "The weather was fine in Paris.", "date": "2008-08-06", "events": []},
    {"id": "neg", "text": "Russia did not attack Ukraine.", "date": "2008-08-06", "events": []},
    {"id": "t1", "text": "The Georgian president resigned.", "date": "2000-01-01",
     "events": [ev("GEOGOV", None, plover="RETREAT", mode="resign")]},
    {"id": "p1", "text": "Greek protesters demanded early elections.", "date": "2000-01-01",
     "events": [ev("GRCOPP", "GRCGOV", plover="DEMAND")]},
    {"id": "s1", "text": "The minister said the talks went well.", "date": "2008-08-06",
     "events": [ev("FRAGOV", "---", "010")]},
    {"id": "n2", "text": "Crowds gathered for the festival.", "date": "2008-08-06", "events": []},
    {"id": "e1", "text": "<garbled>", "date": "2008-08-06", "events": [], "extra": {"expected_error": "bad_input"}},
    {"id": "u1", "text": "Arnor did a test thing to Gondor.", "date": "1995-01-01", "events": [ev("ARN", "GON", "903")]},
]


def predictions() -> dict[str, tuple[Event, ...]]:
    """What the fake coder 'codes': right, wrong, extra, negated and missing events."""
    isr, pse = make_actor("Israeli warplanes", "ISR", "MIL"), make_actor("Gaza", "PSE", None)
    bra, usa_mil = make_actor("Brazilian officials", "BRA", "GOV"), make_actor("US officials", "USA", "MIL")
    geo, usa = make_actor("president", "GEO", "GOV"), make_actor("Washington", "USA", "GOV")
    grc_opp, grc_gov = make_actor("protesters", "GRC", "OPP"), make_actor("government", "GRC", "GOV")
    civilians = make_actor("civilians", None, "CVL")
    return {
        "a1": (
            make_event("a1", 0, type="ASSAULT", mode="aerial", actor=(isr,), recipient=(pse,), date="2008-08-05", confidence=0.9),
            make_event("a1", 1, type="ASSAULT", mode=None, actor=(isr,), recipient=(civilians,), date="2008-08-05", confidence=0.8),
        ),
        "c1": (make_event("c1", 0, type="CONSULT", mode=None, actor=(bra, usa_mil), recipient=(), date="2008-08-04"),),
        "n1": (),
        "neg": (make_event("neg", 0, type="ASSAULT", negated=True),),
        "t1": (make_event("t1", 0, type="RETREAT", mode="withdraw", actor=(geo,), recipient=(usa,), date="2000-01-01"),),
        "p1": (make_event("p1", 0, type="ACCUSE", mode=None, actor=(grc_opp,), recipient=(grc_gov,)),),
        "s1": (make_event("s1", 0, type="ACCUSE", mode=None),),
        "n2": (make_event("n2", 0, type="PROTEST", mode=None),),
    }


def fake_coder(preds: dict[str, tuple[Event, ...]]) -> Coder:
    """A coder that looks the answers up by record id: the metrics need no NLP."""

    def code(records: Sequence[GoldRecord]) -> list[tuple[Event, ...]]:
        return [preds.get(r.id, ()) for r in records]

    return code


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "synthetic.jsonl", GOLD)


@pytest.fixture()
def result(gold_file: Path) -> SetResult:
    return evaluate_set(load_gold(gold_file), fake_coder(predictions()))


# ---------------------------------------------------------------------------- gold reading
def test_gold_events_are_mapped_to_plover_and_expansions_merged(gold_file: Path) -> None:
    records = {r.id: r for r in load_gold(gold_file).records}
    assert [(e.type, e.mode) for e in records["a1"].events] == [("ASSAULT", "aerial")]
    consult = records["c1"].events
    assert len(consult) == 1 and [(s.country, t.country) for s, t in consult[0].pairs] == [("BRA", "USA"), ("USA", "BRA")]
    assert records["p1"].events[0].type == "REQUEST"  # PLOVER 0.5 DEMAND
    assert records["t1"].events[0].pairs == ((parse_actor("GEOGOV"), None),)
    assert records["t1"].gold_date is None  # 2000-01-01 is a placeholder
    assert records["s1"].events == () and records["s1"].statements == 1
    assert records["e1"].skip == "expected_error" and records["u1"].skip == "unmappable_code"


@pytest.mark.parametrize(
    "code, country, sector",
    [("USAGOV", "USA", "GOV"), ("---LEG", None, "LEG"), ("IGOEUREEC", "IGO", None), ("GON", None, None),
     ("PSECOP", "PSE", "POL"), ("BIHMILsrp", "BIH", "MIL"), ("---", None, None)],
)
def test_actor_codes(code: str, country: str | None, sector: str | None) -> None:
    actor = parse_actor(code)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


def test_old_plover_labels_bring_their_mode(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", [
        {"id": "x", "text": "t", "date": None, "events": [ev("ISR", "PSE", plover="INVESTIGATE")]},
        {"id": "y", "text": "t", "date": None, "events": [ev("SRB", None, plover="PROTEST", mode="strike-hun")]},
    ])
    x, y = load_gold(path).records
    assert (x.events[0].type, x.events[0].mode) == ("ACCUSE", "investigate")
    assert (y.events[0].type, y.events[0].mode) == ("PROTEST", "hunger")


def test_unreadable_gold_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "a", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.jsonl:2: not valid JSON"):
        load_gold(tmp_path / "bad.jsonl")


# ---------------------------------------------------------------------------- PLOVER metrics
def test_counts_and_skips(result: SetResult) -> None:
    assert (result.selected, result.scored, result.coder_errors) == (10, 8, 0)
    assert result.skipped == {"expected_error": 1, "unmappable_code": 1}


def test_type_detection(result: SetResult) -> None:
    s = result.scores
    assert (s.types.tp, s.types.fp, s.types.fn) == (3, 4, 1)
    assert s.types.precision == pytest.approx(3 / 7) and s.types.recall == pytest.approx(3 / 4)
    assert s.types.f1 == pytest.approx(6 / 11)
    assert (s.per_type["ASSAULT"].tp, s.per_type["ASSAULT"].fp) == (1, 1)
    assert (s.per_type["ACCUSE"].fp, s.per_type["REQUEST"].fn) == (2, 1)
    assert s.per_type["ACCUSE"].f1 == 0.0


def test_confusion(result: SetResult) -> None:
    assert dict(result.scores.confusion) == {
        ("ASSAULT", "ASSAULT"): 1, (NONE, "ASSAULT"): 1, ("CONSULT", "CONSULT"): 1, ("RETREAT", "RETREAT"): 1,
        ("REQUEST", "ACCUSE"): 1, (NONE, "ACCUSE"): 1, (NONE, "PROTEST"): 1,
    }


def test_dyads_expand_compounds_and_wildcard_missing_recipients(result: SetResult) -> None:
    d = result.scores.dyads
    # a1: 1 right + 1 extra pair; c1: both reciprocal pairs; t1: no gold recipient matches USA;
    # p1: REQUEST missed, ACCUSE extra; s1, n2: extra.
    assert (d.tp, d.fp, d.fn) == (4, 4, 1)


def test_sector_mode_date_false_alarm(result: SetResult) -> None:
    s = result.scores
    assert (s.sector.hits, s.sector.total) == (3, 4)  # c1's US official is MIL, the gold says GOV
    assert (s.recipient_sector.hits, s.recipient_sector.total) == (1, 2)  # ...on both sides of the meeting
    assert (s.mode.hits, s.mode.total) == (1, 2)  # aerial right; withdraw is not resign
    assert (s.date.hits, s.date.total) == (1, 2)  # t1's placeholder date is not scored
    assert (s.date_week.hits, s.date_week.total) == (2, 2)
    assert (s.false_alarm.hits, s.false_alarm.total) == (1, 3)  # n2; the negated event does not count
    assert s.statements == 1


def test_reciprocal_prediction_pairs() -> None:
    a, b = make_actor("A", "BRA", "GOV"), make_actor("B", "USA", "GOV")
    pairs = predicted_pairs(make_event(actor=(a, b), recipient=()))
    assert [(x.country, y.country) for x, y in pairs] == [("BRA", "USA"), ("USA", "BRA")]
    assert predicted_pairs(make_event(actor=(a,), recipient=())) == [(a, None)]


def test_wildcard_gold_does_not_steal_an_exact_match(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "w.jsonl", [
        {"id": "w", "text": "t", "date": None, "events": [ev("---", "---", "190"), ev("USA", "IRQ", "190")]},
    ])
    usa, irq, syr = make_actor("u", "USA", None), make_actor("i", "IRQ", None), make_actor("s", "SYR", None)
    preds = {"w": (make_event("w", 0, type="ASSAULT", actor=(usa,), recipient=(irq, syr)),)}
    d = evaluate_set(load_gold(path), fake_coder(preds)).scores.dyads
    assert (d.tp, d.fp, d.fn) == (2, 0, 0)


def test_reciprocal_types_match_either_way_round(tmp_path: Path) -> None:
    """PLOVER codes a meeting with every participant as actor, so USA->RUS = RUS->USA for CONSULT only."""
    path = write_jsonl(tmp_path / "m.jsonl", [
        {"id": "c", "text": "t", "date": None, "events": [ev("RUSGOV", "USAMIL", "040")]},
        {"id": "a", "text": "t", "date": None, "events": [ev("RUSGOV", "USAMIL", "190")]},
    ])
    usa, rus = make_actor("u", "USA", "MIL"), make_actor("r", "RUS", "GOV")
    preds = {
        "c": (make_event("c", 0, type="CONSULT", actor=(usa,), recipient=(rus,)),),
        "a": (make_event("a", 0, type="ASSAULT", actor=(usa,), recipient=(rus,)),),
    }
    scores = evaluate_set(load_gold(path), fake_coder(preds)).scores
    assert (scores.dyads.tp, scores.dyads.fp, scores.dyads.fn) == (1, 1, 1)
    assert (scores.sector.hits, scores.sector.total) == (1, 1)  # sectors compared side to side, not crosswise


def test_coder_failure_counts_as_error_not_crash(gold_file: Path) -> None:
    def broken(records: Sequence[GoldRecord]) -> list[None]:
        return [None for _ in records]

    result = evaluate_set(load_gold(gold_file), broken)
    assert result.coder_errors == 8 and result.scores.types.tp == 0


# ---------------------------------------------------------------------------- sentence-level sets
def test_pentaclass_uses_test_split_and_the_main_event(tmp_path: Path) -> None:
    def rec(i: str, cls: int, split: str = "test") -> dict[str, Any]:
        return {"id": i, "text": "t", "date": None, "events": [ev(None, None, pentaclass=cls)], "extra": {"split": split}}

    path = write_jsonl(tmp_path / "penta.jsonl", [rec("r1", 1), rec("r2", 2), rec("r3", 3), rec("r4", 4), rec("r0", 0),
                                                  rec("tr", 4, "train")])
    preds = {
        "r1": (make_event("r1", 0, cameo="036", quad_class=1),),
        "r2": (make_event("r2", 0, cameo="090", quad_class=3),),  # root 09: PentaClass 2, QuadClass 3
        "r4": (make_event("r4", 0, cameo="190", quad_class=4, confidence=0.5),
               make_event("r4", 1, cameo="111", quad_class=3, confidence=0.9)),
        "r0": (make_event("r0", 0, cameo="190", quad_class=4),),
    }
    result = evaluate_set(load_gold(path), fake_coder(preds))
    assert (result.split, result.scored) == ("test", 5)
    assert penta_macro_f1(result.scores.confusion) == pytest.approx((1 + 1 + 0 + 0) / 4)
    assert penta_macro_f1(result.scores.confusion_quad) == pytest.approx(1 / 4)
    assert result.scores.confusion[(3, 0)] == 1 and result.scores.confusion[(4, 3)] == 1


def test_acled_labels_map_to_plover_types(tmp_path: Path) -> None:
    def rec(i: str, label: str) -> dict[str, Any]:
        return {"id": i, "text": "t", "date": None, "events": [ev(None, None, label=label)]}

    path = write_jsonl(tmp_path / "case.jsonl", [rec("a", "AIR_STRIKE"), rec("b", "ARREST"), rec("c", "PEACE_PROTEST"),
                                                 rec("d", "NATURAL_DISASTER")])
    preds = {"a": (make_event("a", 0, type="ASSAULT"),), "b": (make_event("b", 0, type="ACCUSE"),)}
    result = evaluate_set(load_gold(path), fake_coder(preds))
    assert result.skipped == {"unmapped_label": 1}
    prf = result.scores.prf
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 2)


def test_protest_yes_no(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "glocon.jsonl", [
        {"id": "y1", "text": "t", "date": None, "events": [ev(None, None, label="protest")]},
        {"id": "y2", "text": "t", "date": None, "events": [ev(None, None, label="protest")]},
        {"id": "n1", "text": "t", "date": None, "events": []},
        {"id": "n2", "text": "t", "date": None, "events": []},
    ])
    preds = {"y1": (make_event("y1", 0, type="PROTEST"),), "n1": (make_event("n1", 0, type="PROTEST"),),
             "n2": (make_event("n2", 0, type="ASSAULT"),)}
    result = evaluate_set(load_gold(path), fake_coder(preds))
    assert result.kind == "protest"
    assert (result.scores.prf.tp, result.scores.prf.fp, result.scores.prf.fn) == (1, 1, 1)
    assert (result.scores.accuracy.hits, result.scores.accuracy.total) == (2, 4)


# ---------------------------------------------------------------------------- peer, report, CLI
def test_peer_is_scored_like_us_on_its_records(gold_file: Path, result: SetResult) -> None:
    peer_dir = gold_file.parent / "peer_petrarch2"
    peer_dir.mkdir()
    (peer_dir / "synthetic.test_dicts.json").write_text(json.dumps({
        "summary": {"triple_PRF(source,target,code)": [0.5, 0.5, 0.5]},
        "predictions": [{"id": "a1", "gold": [], "pred": [["ISRMIL", "PSE", "190"]]},
                        {"id": "n1", "gold": [], "pred": [["FRA", "DEU", "010"]]}],
    }))
    comparison = compare(result, gold_file)
    assert comparison is not None and comparison.records == 2
    assert (comparison.peer.types.tp, comparison.peer.types.fp) == (1, 0)  # the statement codes no event
    assert (comparison.ours.types.tp, comparison.ours.types.fp) == (1, 1)
    data = to_json([(result, comparison)])
    assert data["sets"]["synthetic"]["petrarch2"]["petrarch2_summary"]["triple_PRF(source,target,code)"][2] == 0.5
    console = Console(record=True, width=160)
    render([(result, comparison)], console)
    assert "PETRARCH2 (gold parses)" in console.export_text()


def test_cli_missing_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(evaluate, [str(tmp_path / "nope.jsonl")])
    assert out.exit_code == 1
    assert out.output.strip().splitlines() == [f"Error: {tmp_path / 'nope.jsonl'}: cannot read the gold file (No such file or directory)"]


def test_end_to_end_with_the_real_pipeline(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "e2e.jsonl", [
        {"id": "k", "text": "Israeli warplanes bombed Gaza on Tuesday, killing five people.", "date": "2008-08-06",
         "events": [ev("ISRMIL", "PSE", "195")]},
        {"id": "n", "text": "The weather was fine in Paris on Sunday.", "date": "2008-08-06", "events": []},
        {"id": "x", "text": "Russia did not attack Ukraine.", "date": "2008-08-06", "events": []},
    ])
    out = CliRunner().invoke(evaluate, [str(path), "--json"], catch_exceptions=False)
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    figures = data["sets"]["e2e"]
    assert figures["scored"] == 3 and figures["coder_errors"] == 0
    assert figures["plover"]["per_type"]["ASSAULT"]["tp"] == 1
    assert figures["plover"]["false_alarm_rate"]["total"] == 2


def test_limit_and_split_select_records(tmp_path: Path) -> None:
    def rec(i: str, split: str) -> dict[str, Any]:
        return {"id": i, "text": "t", "date": None, "events": [ev(None, None, pentaclass=1)], "extra": {"split": split}}

    gold = load_gold(write_jsonl(tmp_path / "s.jsonl", [rec("a", "train"), rec("b", "test"), rec("c", "test")]))
    assert [r.id for r in select(gold)[0]] == ["b", "c"]
    assert [r.id for r in select(gold, "all", limit=2)[0]] == ["a", "b"]
    assert [r.id for r in select(gold, "train")[0]] == ["a"]
