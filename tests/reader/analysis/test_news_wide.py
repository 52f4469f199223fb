"""Tidy-up recall on faults from lists the rules were not written on (``injection_heldout.py``).

Each of the 11 clean news articles gets one fault of each class, in three rounds with
different draws (33 faults per class, 30 for name variants: one article has no name written
three times). Recall per class is printed with the misses; the floors are below the measured
figures so that a regression fails. The suggestions that are not an injected fault are
printed too (per 500 words); false alarms on the untouched articles are measured in
``test_news_gold.py``.
"""

from __future__ import annotations

from collections import defaultdict

from reader.analysis import analyze
from reader.analysis.evaluation import news_pairs
from reader.analysis.scoring import resolve_gold
from reader.article import parse_article
from reader.nlp import parse_article as parse_sentences
from tests.reader.analysis.injection_heldout import inject

ROUNDS = 3
FLOORS = {"boilerplate": 0.9, "literal-name": 0.85, "name-variant": 0.85, "calque": 0.85,
          "typography": 0.9}


def test_wide_injected_artifacts_are_found(nlp, capsys) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[int]] = defaultdict(list)
    misses: list[str] = []
    extra: list[str] = []
    words = 0
    pairs = list(news_pairs())
    for round_ in range(ROUNDS):
        for index, (article, data) in enumerate(pairs):
            gold = resolve_gold(data, article.source)
            names = [article.source[s:e] for s, e, label in gold.entities
                     if label in ("PER", "ORG", "LOC")]
            damaged, faults = inject(article.source, names, index + len(pairs) * round_)
            analysis = analyze(parse_sentences(parse_article(damaged, article_id=article.id),
                                               nlp))
            words += len(damaged.split())
            for fault in faults:
                hit = any(t.cls == fault.cls and t.start < fault.end and fault.start < t.end
                          for t in analysis.tidy_ups)
                found[fault.cls].append(int(hit))
                if not hit:
                    misses.append(f"  {fault.cls}: {fault.shape[:60]!r} in {article.id}")
            extra += [f"  {t.cls}: {t.original[:50]!r} in {article.id}"
                      for t in analysis.tidy_ups
                      if not any(f.start < t.end and t.start < f.end for f in faults)]
    lines = [f"{cls:14} {sum(v)}/{len(v)} = {sum(v) / len(v):.2f}"
             for cls, v in sorted(found.items())]
    total = sum(sum(v) for v in found.values()) / sum(len(v) for v in found.values())
    with capsys.disabled():
        print("\nwide injection (held-out lists), recall per class:\n" + "\n".join(lines)
              + f"\nall classes: {total:.2f}\nmissed:\n" + "\n".join(misses)
              + f"\nother suggestions in the damaged articles: {len(extra)} "
              f"({len(extra) / words * 500:.2f} per 500 words)\n" + "\n".join(sorted(set(extra))))
    assert total >= 0.9
    low = {cls: round(sum(v) / len(v), 2) for cls, v in found.items()
           if sum(v) / len(v) < FLOORS[cls]}
    assert not low, low
