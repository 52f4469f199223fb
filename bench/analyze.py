"""Time the analysis of a ~2,000-word article once spaCy is loaded.

The article is built by concatenating the seed articles' paragraphs until it reaches 2,000
words. The baseline, measured in the same run, is the bare spaCy parse of the same article
(``reader.nlp.parse_article``); the analysis reuses that parse. Target: analysis under 1 s.

Then 50,000 words, in paragraphs and as one line without a full stop, reported in words per
second against the 2,000-word article: parsing and analysis must stay roughly linear.

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


def build_article(target: int = TARGET_WORDS) -> str:
    """Seed paragraphs repeated until the text has at least ``target`` words."""
    paragraphs = [p.text(a.source) for a in read_bundled() for p in a.paragraphs]
    out: list[str] = []
    words = 0
    while words < target:
        for p in paragraphs:
            out.append(p)
            words += len(p.split())
            if words >= target:
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
    linear = long_articles(nlp, article.word_count / (parse_s + analysis_s))
    return 0 if ok and linear else 1


LONG_WORDS = 50_000


def long_articles(nlp: object, base_rate: float) -> bool:
    """Parse + analysis of 50,000 words, in paragraphs and as one line without full stops,
    as words per second against the 2,000-word article above (1.0 = perfectly linear).
    Target: at least 0.3 (roughly linear; before the long-sentence cut, one 37k-word line
    took 166 s)."""
    import re

    words = " ".join(build_article(LONG_WORDS).split())
    one_line = re.sub(r"[.!?…]", " ", words)
    ok = True
    for label, text in (("paragraphs", build_article(LONG_WORDS)), ("one line", one_line)):
        article = parse_article(text)
        t0 = time.perf_counter()
        analyze(parse_sentences(article, nlp))  # type: ignore[arg-type]
        took = time.perf_counter() - t0
        rate = article.word_count / took
        print(f"{article.word_count} words ({label}): {took:.1f} s, {rate:,.0f} words/s, "
              f"{rate / base_rate:.2f} × the 2,000-word rate")
        ok = ok and rate / base_rate >= 0.3
    print(f"base: {base_rate:,.0f} words/s (2,000 words, parse + analysis)")
    print("target (≥ 0.3 × the 2,000-word rate):", "met" if ok else "MISSED")
    return ok


if __name__ == "__main__":
    sys.exit(main())
