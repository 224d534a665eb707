"""Throughput of the full eventcoder pipeline against bare spaCy parsing, side by side.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--chunk 25]

Both are measured in the same run on the same cleaned text, chunk by chunk in
alternation (so machine noise hits both alike), and both parse long articles in the
same ~5,000-character pieces (which bounds spaCy's memory). "Full" is everything `eventcoder code`
does per article: cleaning, parsing, event coding and writing to a DuckDB database.
Target: full pipeline >= 70% of bare spaCy throughput, peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from eventcoder.clean.cleaner import clean
from eventcoder.ingest.readers import InputError, read_inputs
from eventcoder.nlp.parser import segments
from eventcoder.pipeline import Pipeline
from eventcoder.store.db import Store

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikinews_2019_2020.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="articles to use (0 = all)")
    ap.add_argument("--chunk", type=int, default=25, help="articles per alternation step")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    articles = [a for a in read_inputs([args.corpus]) if not isinstance(a, InputError)]
    if args.limit:
        articles = articles[: args.limit]
    if not articles:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    pipeline = Pipeline()
    nlp = pipeline.nlp
    list(nlp.pipe([clean(a).text for a in articles[:5]]))  # warm-up both paths
    list(pipeline.code(articles[:5]))

    bare = full = 0.0
    n_sent = n_events = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        for i in range(0, len(articles), args.chunk):
            chunk = articles[i : i + args.chunk]
            # the same pieces the pipeline parses (long articles in ~5,000-character pieces)
            texts = [piece for a in chunk for piece in segments(clean(a).text)]
            t0 = time.perf_counter()
            for doc in nlp.pipe(texts, batch_size=args.batch_size):
                n_sent += sum(1 for _ in doc.sents)
            t1 = time.perf_counter()
            for coded in pipeline.code(chunk, batch_size=args.batch_size):
                store.save(coded)
                n_events += len(coded.events)
            t2 = time.perf_counter()
            bare += t1 - t0
            full += t2 - t1

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    print(f"corpus            {args.corpus} ({n} articles, {n_sent} sentences, {n_events} events)")
    print(f"bare spaCy        {n / bare:8.1f} articles/s  {n_sent / bare:8.1f} sentences/s")
    print(f"eventcoder full   {n / full:8.1f} articles/s  {n_sent / full:8.1f} sentences/s")
    print(f"throughput ratio  {bare / full:8.2f}  (full / bare spaCy; target >= 0.70)")
    print(f"peak RSS          {peak_mb:8.0f} MB  (target < 1024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
