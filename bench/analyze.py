"""Time the analysis of a ~2,000-word article once spaCy is loaded.

The article is built by concatenating the seed articles' paragraphs until it reaches 2,000
words. The baseline, measured in the same run, is the bare spaCy parse of the same article
(``reader.nlp.parse_article``); the analysis reuses that parse. Target: analysis under 1 s.

Run: ``.venv/bin/python bench/analyze.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis import analyze  # noqa: E402
from reader.article import parse_article  # noqa: E402
from reader.corpus import read_bundled  # noqa: E402
from reader.nlp import load_pipeline  # noqa: E402
from reader.nlp import parse_article as parse_sentences  # noqa: E402

TARGET_WORDS = 2000
RUNS = 5


def build_article() -> str:
    """Seed paragraphs repeated until the text has at least 2,000 words."""
    paragraphs = [p.text(a.source) for a in read_bundled() for p in a.paragraphs]
    out: list[str] = []
    words = 0
    while words < TARGET_WORDS:
        for p in paragraphs:
            out.append(p)
            words += len(p.split())
            if words >= TARGET_WORDS:
                break
    return "\n\n".join(out)


def main() -> int:
    nlp = load_pipeline()
    article = parse_article(build_article())
    parse_times, analysis_times = [], []
    parsed = parse_sentences(article, nlp)
    analyze(parsed)  # warm caches (resources, regexes)
    for _ in range(RUNS):
        t0 = time.perf_counter()
        parsed = parse_sentences(article, nlp)
        t1 = time.perf_counter()
        analyze(parsed)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        analysis_times.append(t2 - t1)
    parse_s = statistics.median(parse_times)
    analysis_s = statistics.median(analysis_times)
    print(f"article: {article.word_count} words, {len(parsed.sentences)} sentences")
    print(f"spaCy parse (baseline): {parse_s * 1000:.1f} ms (median of {RUNS})")
    print(f"analysis:               {analysis_s * 1000:.1f} ms (median of {RUNS})")
    print(f"ratio analysis / parse: {analysis_s / parse_s:.2f}")
    ok = analysis_s < 1.0
    print("target (< 1 s):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
