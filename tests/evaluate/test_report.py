"""The Markdown accuracy report (``docs/accuracy.md``), from hand-built results: no spaCy, no gold files.

The figures are set by hand so each rendered cell can be checked exactly, including a target
met, one missed, one not scored, and a set with no PETRARCH2 output showing "–".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from eventcoder.cli.evaluate import default_gold_paths, regenerate_command
from eventcoder.evaluate.peer import PeerComparison
from eventcoder.evaluate.report import MISSING, Evaluated, to_markdown
from eventcoder.evaluate.score import PRF, PentaScores, PloverScores, Rate, SetResult

COMMAND = "eventcoder evaluate --markdown docs/accuracy.md"


def plover(types: dict[str, PRF], dyads: PRF, false_alarm: Rate | None = None) -> PloverScores:
    scores = PloverScores(dyads=dyads, false_alarm=false_alarm or Rate())
    scores.per_type.update(types)
    return scores


def result(name: str, scores: PloverScores | PentaScores, scored: int, split: str = "all",
           skipped: Counter[str] | None = None) -> SetResult:
    return SetResult(name=name, kind="pentaclass" if isinstance(scores, PentaScores) else "plover", split=split,
                     selected=scored + sum((skipped or Counter()).values()), scored=scored,
                     skipped=skipped or Counter(), seconds=1.234, coder_errors=0, scores=scores)


@pytest.fixture()
def results() -> list[Evaluated]:
    # Gigaword: type 8 tp / 2 fp / 2 fn -> P = R = F1 = 0.8; dyads 9/1/1 -> F1 0.9 (target met).
    giga = result("petrarch2_gsr_gigaword",
                  plover({"ASSAULT": PRF(5, 1, 1), "CONSULT": PRF(3, 1, 1)}, PRF(9, 1, 1), Rate(1, 4)), 10,
                  skipped=Counter(expected_error=2))
    peer = PeerComparison(file=Path("peer_petrarch2/petrarch2_gsr_gigaword.phoenix_dicts.json"),
                          summary={"triple_PRF(source,target,code)": [0.75, 0.7, 0.727], "sentences_scored": 9},
                          records=9, ours=plover({"ASSAULT": PRF(4, 1, 1)}, PRF(4, 1, 1)),
                          peer=plover({"ASSAULT": PRF(3, 0, 2)}, PRF(1, 1, 3)))
    # PLOVER GSR: types 3/1/1 -> 0.75 (met, >=); dyads 1/1/2 -> 0.4 (missed); no PETRARCH2 output.
    gsr = result("plover_gsr_cameo", plover({"AGREE": PRF(3, 1, 1)}, PRF(1, 1, 2)), 5)
    # PentaClass: classes 1 and 2 all right, 3 and 4 all wrong -> macro-F1 0.5.
    penta = PentaScores(confusion=Counter({(1, 1): 2, (2, 2): 2, (3, 0): 1, (4, 3): 1}))
    return [(giga, peer), (gsr, None), (result("conflibert_cameo_pentaclass", penta, 6, split="test"), None)]


@pytest.fixture()
def markdown(results: list[Evaluated]) -> str:
    return to_markdown(results, command=COMMAND, version="9.9.9", today=dt.date(2024, 5, 6))


def section(text: str, title: str) -> list[str]:
    """The lines of one ``## title`` section."""
    lines = text.split("## " + title + "\n", 1)[1].split("\n## ", 1)[0].splitlines()
    return [line for line in lines if line.strip()]


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def row(lines: list[str], first: str) -> list[str]:
    matches = [cells(line) for line in lines if line.startswith(f"| {first} |")]
    assert len(matches) == 1, (first, lines)
    return matches[0]


def test_header_names_date_version_and_the_command(markdown: str) -> None:
    assert markdown.startswith("# Accuracy\n")
    assert "_Generated 2024-05-06 by eventcoder 9.9.9._" in markdown
    assert f"```bash\n{COMMAND}\n```" in markdown
    assert "Quick run" not in markdown


def test_summary_table(markdown: str) -> None:
    lines = section(markdown, "Summary")
    header = cells(lines[0])
    assert header[:10] == ["set", "scored", "skipped", "headline metric", "value", "type P", "type R", "type F1",
                           "dyad F1", "false-alarm rate"]
    assert all("given gold parses" in h for h in header[10:12])
    assert lines[1].startswith("| --- | ---: | ---: | --- |")
    giga = row(lines, "`petrarch2_gsr_gigaword`")
    assert giga == ["`petrarch2_gsr_gigaword`", "10", "2", "type F1", "0.800", "0.800", "0.800", "0.800", "0.900",
                    "0.250 (1/4)", "0.750", "0.333", "0.800 / 0.800"]
    gsr = row(lines, "`plover_gsr_cameo`")
    assert gsr[4:10] == ["0.750", "0.750", "0.750", "0.750", "0.400", MISSING]
    assert gsr[10:] == [MISSING, MISSING, MISSING]  # no PETRARCH2 output for this set
    penta = row(lines, "`conflibert_cameo_pentaclass`")
    assert penta[3:5] == ["macro-F1, classes 1–4 (test split)", "0.500"]
    assert penta[5:] == [MISSING] * 8


def test_targets_section(markdown: str) -> None:
    lines = section(markdown, "Targets")
    assert cells(lines[0]) == ["set", "measure", "target", "eventcoder", "met", "PETRARCH2 (given gold parses)"]
    rows = [cells(line) for line in lines[2:] if line.startswith("|")]
    assert rows == [
        ["`petrarch2_gsr_gigaword`", "dyad F1", "≥ 0.80", "0.900", "yes", "0.333"],
        ["`plover_gsr_cameo`", "type F1", "≥ 0.75", "0.750", "yes", MISSING],
        ["`plover_gsr_cameo`", "dyad F1", "≥ 0.60", "0.400", "no", MISSING],
        ["`conflibert_cameo_pentaclass`", "macro-F1, classes 1–4 (statements excluded)", "≥ 0.70", "0.500", "no",
         MISSING],
        ["`traps`", "false-alarm rate", "< 0.05", MISSING, "not scored: no `eval/traps.jsonl` in the repository yet",
         MISSING],
    ]


def test_pentaclass_target_is_only_judged_on_the_test_split(results: list[Evaluated]) -> None:
    penta, _ = results[2]
    penta.split = "train"
    text = to_markdown(results, command=COMMAND, version="9.9.9", today=dt.date(2024, 5, 6))
    assert "not assessed: scored on split train, target is on test" in text


def test_traps_target_when_the_suite_was_scored(results: list[Evaluated]) -> None:
    traps = result("traps", plover({"PROTEST": PRF(0, 1, 0)}, PRF(0, 1, 0), Rate(1, 40)), 40)
    text = to_markdown([*results, (traps, None)], command=COMMAND, version="1", today=dt.date.today())
    assert row(section(text, "Targets"), "`traps`") == ["`traps`", "false-alarm rate", "< 0.05", "0.025", "yes", MISSING]
    # with no gold events, the headline is the false-alarm rate, not a type F1 of 0
    assert row(section(text, "Summary"), "`traps`")[3:5] == ["false-alarm rate", "0.025"]


def test_detail_prose_and_uses(markdown: str) -> None:
    detail = section(markdown, "Per set")
    assert "### `petrarch2_gsr_gigaword`" in detail
    assert row(detail, "ASSAULT") == ["ASSAULT", "6", "6", "0.833", "0.833", "0.833"]
    assert any("PETRARCH2's own CAMEO-level score" in line and "0.727" in line for line in detail)
    assert row(detail, "macro-F1, classes 1–4") == ["macro-F1, classes 1–4", "0.500", MISSING]
    prose = section(markdown, "What each set can and cannot show")
    assert [p.split("**")[1] for p in prose] == ["Gigaword GSR", "PLOVER GSR", "ConfliBERT PentaClass"]
    assert any("circular" in p for p in prose)
    assert any("**train** split" in line for line in section(markdown, "What was used for what"))


def test_only_the_date_line_changes_between_runs(results: list[Evaluated]) -> None:
    a = to_markdown(results, command=COMMAND, version="1", today=dt.date(2024, 1, 1)).splitlines()
    b = to_markdown(results, command=COMMAND, version="1", today=dt.date(2025, 2, 2)).splitlines()
    assert [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] == [2]
    assert "1.234" not in "\n".join(a) and "1.2 s" not in "\n".join(a)  # no timings in the file


def test_a_quick_run_says_so(results: list[Evaluated]) -> None:
    text = to_markdown(results, command=COMMAND, version="1", today=dt.date(2024, 1, 1), limit=5)
    assert "Quick run: at most 5 records per set" in text


def test_regenerate_command_and_default_gold_paths(tmp_path: Path) -> None:
    assert regenerate_command((), None, None, Path("docs/accuracy.md")) == COMMAND
    assert regenerate_command(("my gold.jsonl",), "train", 5, Path("out.md")) == (
        "eventcoder evaluate 'my gold.jsonl' --split train --limit 5 --markdown out.md")
    shared, repo = tmp_path / "shared", tmp_path / "eval"
    shared.mkdir()
    (shared / "b.jsonl").touch()
    (shared / "a.jsonl").touch()
    assert default_gold_paths(shared, repo) == [shared / "a.jsonl", shared / "b.jsonl"]  # no eval/ yet
    repo.mkdir()
    (repo / "traps.jsonl").touch()
    assert default_gold_paths(shared, repo)[-1] == repo / "traps.jsonl"


def test_report_path_is_checked_before_coding(tmp_path: Path) -> None:
    from eventcoder.cli.evaluate import _can_write

    assert _can_write(tmp_path / "docs" / "accuracy.md")  # docs/ is created when the report is written
    (tmp_path / "a_file").touch()
    assert not _can_write(tmp_path / "a_file" / "accuracy.md")
