"""``eventcoder evaluate``: code gold-standard sentences and score the output at the PLOVER level.

Gold files are read in full before the coder loads, so a bad path fails in a second, not
after spaCy's start-up. One ``Pipeline`` codes every set. Tables go to stdout; progress
goes to stderr, so ``--json`` output stays a single clean JSON object.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import click
from rich.console import Console

DEFAULT_GOLD_DIR = Path("..") / "shared" / "eval"
"""Where the shared gold sets live, relative to the working directory (the repository)."""


def default_gold_paths(base: Path = DEFAULT_GOLD_DIR) -> list[Path]:
    return sorted(base.glob("*.jsonl"))


@click.command()
@click.argument("gold", nargs=-1, metavar="GOLD.jsonl...")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N records per set (quick runs).")
@click.option(
    "--split",
    type=click.Choice(["test", "train", "all"]),
    help="Records of one split, for sets that have splits [default: all; test for the PentaClass set].",
)
def evaluate(gold: tuple[str, ...], as_json: bool, limit: int | None, split: str | None) -> None:
    """Score the coder against gold event sets (default: every ../shared/eval/*.jsonl)."""
    from eventcoder.evaluate.gold import GoldError, load_gold

    paths = [Path(g) for g in gold] or default_gold_paths()
    if not paths:
        raise click.ClickException(f"no gold files given and none found in {DEFAULT_GOLD_DIR}/")
    try:
        sets = [load_gold(p) for p in paths]
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None

    from eventcoder.evaluate import peer, report, score
    from eventcoder.pipeline import Pipeline

    err = Console(stderr=True)
    start = time.perf_counter()
    coder = score.pipeline_coder(Pipeline())
    load_seconds = time.perf_counter() - start
    results = []
    for gold_set in sets:
        result = score.evaluate_set(gold_set, coder, split=split, limit=limit)
        err.print(f"{gold_set.name}: {result.scored} records coded in {result.seconds:.1f} s", markup=False)
        results.append((result, peer.compare(result, gold_set.path)))
    if as_json:
        click.echo(json.dumps(report.to_json(results, load_seconds), ensure_ascii=False))
        return
    out = Console()
    if not out.is_terminal:
        out.width = max(out.width, 140)  # the confusion tables need the room; a pipe has no width of its own
    report.render(results, out, load_seconds)
