"""Quality on the seeds against hand-checked gold, and on a clean article; no Qt in the core."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.analysis import analyze
from reader.analysis.scoring import format_table, score_files
from reader.article import parse_article
from reader.nlp import parse_article as parse_sentences

GOLD = Path(__file__).resolve().parents[2] / "gold"


def test_seed_scores_meet_targets(nlp, seed_articles, capsys) -> None:  # type: ignore[no-untyped-def]
    analyses = {a.id: (analyze(parse_sentences(a, nlp)), a.source) for a in seed_articles}
    files = sorted(GOLD.glob("0*.json"))
    assert len(files) == 2
    totals = score_files(files, analyses)
    with capsys.disabled():
        print("\n" + format_table(totals))
    for key in ("entities", "quote spans", "speakers"):
        assert totals[key].f1 >= 0.85, key
    for key, counts in totals.items():
        if key.startswith("tidy-up") and counts.gold:
            assert counts.tp > 0, f"{key} present in the seeds but never found"


def test_clean_article_gets_at_most_one_tidy_up_per_500_words(nlp) -> None:  # type: ignore[no-untyped-def]
    article = parse_article((GOLD / "clean_article.txt").read_text(encoding="utf-8"))
    assert article.word_count >= 600
    analysis = analyze(parse_sentences(article, nlp))
    assert len(analysis.tidy_ups) <= article.word_count / 500, analysis.tidy_ups


def test_gold_files_are_valid_json() -> None:
    for path in GOLD.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert {"article", "entities", "quotes", "tidy_ups"} <= set(data)


def test_analysis_does_not_import_qt() -> None:
    code = ("import sys, reader.analysis, reader.analysis.review, reader.cli_analyze; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
