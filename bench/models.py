"""Compare spaCy's French models for the analysis: ``fr_core_news_sm`` against ``_md``.

For each installed model: size on disk, time to load it (what the window waits for before
sentences appear), time to parse and analyse a 2,000-word article (the seed paragraphs, as in
``bench/analyze.py``), and the entity F1 on the real-news set (``tests/gold/news``) with our
rules and with the model alone. The sm figures are the baseline measured in the same run.

Run: ``.venv/bin/python bench/models.py`` (models that are not installed are skipped).
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.analyze import build_article  # noqa: E402
from reader.analysis import analyze  # noqa: E402
from reader.analysis.evaluation import score_set  # noqa: E402
from reader.article import parse_article  # noqa: E402
from reader.nlp import load_pipeline  # noqa: E402
from reader.nlp import parse_article as parse_sentences  # noqa: E402

MODELS = ("fr_core_news_sm", "fr_core_news_md")
RUNS = 3


def size_on_disk(name: str) -> float:
    """Megabytes of the installed model package."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return 0.0
    root = Path(spec.origin).parent
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6


def load(name: str) -> tuple[object, float]:
    """The model with the reader's sentence component, and the seconds it took to load."""
    import spacy

    load_pipeline()  # registers the reader_sentences component
    t0 = time.perf_counter()
    nlp = spacy.load(name)
    nlp.add_pipe("reader_sentences", before="parser")
    return nlp, time.perf_counter() - t0


def main() -> int:
    article = parse_article(build_article())
    rows = []
    for name in MODELS:
        if importlib.util.find_spec(name) is None:
            print(f"{name}: not installed, skipped")
            continue
        nlp, load_s = load(name)
        parse_times, analysis_times = [], []
        analyze(parse_sentences(article, nlp))  # warm
        for _ in range(RUNS):
            t0 = time.perf_counter()
            parsed = parse_sentences(article, nlp)
            t1 = time.perf_counter()
            analyze(parsed)
            t2 = time.perf_counter()
            parse_times.append(t1 - t0)
            analysis_times.append(t2 - t1)
        news = {r.category: r for r in score_set("news", nlp)}
        names = news["names"]
        rows.append((name, size_on_disk(name), load_s, statistics.median(parse_times),
                     statistics.median(analysis_times), news["entities (all labels)"].ours.f1,
                     names.ours.f1, names.plain.f1 if names.plain else 0.0,
                     news["speakers"].ours.recall))
    print(f"article: {article.word_count} words; news set: tests/gold/news")
    print(f"{'model':18} {'MB':>6} {'load s':>7} {'parse s':>8} {'analysis s':>10} "
          f"{'ent F1':>7} {'names F1':>8} {'model alone':>11} {'speakers':>8}")
    for r in rows:
        print(f"{r[0]:18} {r[1]:6.1f} {r[2]:7.2f} {r[3]:8.3f} {r[4]:10.3f} {r[5]:7.3f} "
              f"{r[6]:8.3f} {r[7]:11.3f} {r[8]:8.3f}")
    if len(rows) == 2:
        sm, md = rows
        print(f"md / sm: size {md[1] / sm[1]:.1f}x, load {md[2] / sm[2]:.1f}x, "
              f"parse {md[3] / sm[3]:.1f}x, entity F1 {md[5] - sm[5]:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
