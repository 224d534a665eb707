"""``eventcoder evaluate``: code gold-standard sentences and score the output at the PLOVER level.

Gold files are read in full before the coder loads, so a bad path fails in a second, not
after spaCy's start-up. One ``Pipeline`` codes every set. Tables go to stdout; progress
goes to stderr, so ``--json`` output stays a single clean JSON object. ``--markdown`` also
writes the report kept as ``docs/accuracy.md``, with the command that regenerates it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import time
from pathlib import Path

import click
from rich.console import Console

from eventcoder import __version__

DEFAULT_GOLD_DIR = Path("..") / "shared" / "eval"
"""Where the shared gold sets live, relative to the working directory (the repository)."""
REPO_GOLD_DIR = Path("eval")
"""The project's own gold sets (the trap suite), scored too when they exist."""


def default_gold_paths(*bases: Path) -> list[Path]:
    """Every ``*.jsonl`` of the shared gold directory, then of the repository's own, each sorted."""
    return [p for base in bases or (DEFAULT_GOLD_DIR, REPO_GOLD_DIR) for p in sorted(base.glob("*.jsonl"))]


def regenerate_command(gold: tuple[str, ...], split: str | None, limit: int | None, markdown: Path) -> str:
    """The command line that rewrites the report as it was run, for the report to quote."""
    args = ["eventcoder", "evaluate", *gold]
    if split:
        args += ["--split", split]
    if limit:
        args += ["--limit", str(limit)]
    args += ["--markdown", markdown.as_posix()]
    return shlex.join(args)


@click.command()
@click.argument("gold", nargs=-1, metavar="GOLD.jsonl...")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N records per set (quick runs).")
@click.option(
    "--split",
    type=click.Choice(["test", "train", "all"]),
    help="Records of one split, for sets that have splits [default: all; test for the PentaClass set].",
)
@click.option(
    "--markdown",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE",
    help="Also write the Markdown accuracy report (docs/accuracy.md) to FILE.",
)
def evaluate(gold: tuple[str, ...], as_json: bool, limit: int | None, split: str | None, markdown: Path | None) -> None:
    """Score the coder against gold event sets (default: every ../shared/eval/*.jsonl and eval/*.jsonl)."""
    from eventcoder.evaluate.gold import GoldError, load_gold

    paths = [Path(g) for g in gold] or default_gold_paths()
    if not paths:
        raise click.ClickException(f"no gold files given and none found in {DEFAULT_GOLD_DIR}/ or {REPO_GOLD_DIR}/")
    try:
        sets = [load_gold(p) for p in paths]
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    if markdown is not None and not _can_write(markdown):
        raise click.ClickException(f"{markdown}: cannot write the report there")

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
    if markdown is not None:
        _write_markdown(markdown, report.to_markdown(
            results, command=regenerate_command(gold, split, limit, markdown), version=__version__,
            today=dt.date.today(), limit=limit,
        ))
        err.print(f"wrote {markdown}", markup=False)
    if as_json:
        click.echo(json.dumps(report.to_json(results, load_seconds), ensure_ascii=False))
        return
    out = Console()
    if not out.is_terminal:
        out.width = max(out.width, 140)  # the confusion tables need the room; a pipe has no width of its own
    report.render(results, out, load_seconds)


def _can_write(path: Path) -> bool:
    """Checked before coding, so a bad report path fails at once rather than after the whole run."""
    if path.exists():
        return os.access(path, os.W_OK)
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    return parent.is_dir() and os.access(parent, os.W_OK)


def _write_markdown(path: Path, text: str) -> None:
    """Write the report, creating its directory (``docs/``); a failure is one line, not a traceback."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot write the report ({exc.strerror or type(exc).__name__})") from None
