"""Scoring the analysis on whole gold sets, side by side with plain ``fr_core_news_sm``.

Three sets (``python -m reader score --set …``):

* ``seeds``: the bundled seed articles and ``tests/gold/*.json`` (the rules were written on
  them; they show regressions, not quality);
* ``news``: published articles with hand-written gold in ``tests/gold/news`` (see its
  ``SOURCES.md``);
* ``hipe-dev``: the CLEF HIPE-2020 French dev set (OCR'd historical newspapers), entities
  only, from the extract in ``tests/gold/hipe``.

"Plain sm" is the spaCy model's own entities (``doc.ents``) on the same parse, without any of
our rules: it has no dates, quotes or speakers, so only name categories are compared.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analysis import analyze
from reader.analysis.model import Analysis, Entity
from reader.analysis.scoring import Counts, resolve_gold, same_speaker, score_article
from reader.article import Article, parse_article
from reader.corpus import read_bundled
from reader.nlp import ParsedArticle
from reader.nlp import parse_article as parse_sentences
from reader.paths import REPO_ROOT

GOLD_ROOT = REPO_ROOT / "tests" / "gold"
NEWS_DIR = GOLD_ROOT / "news"
HIPE_DEV = GOLD_ROOT / "hipe" / "dev-fr.jsonl"
NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
SETS = ("seeds", "news", "hipe-dev")


@dataclass
class Row:
    """One category: our counts and, where it applies, plain ``fr_core_news_sm``'s."""

    category: str
    ours: Counts
    plain: Counts | None = None


def plain_entities(parsed: ParsedArticle) -> list[Entity]:
    """The model's own PER/ORG/LOC/MISC entities, as offsets into the source."""
    found = []
    for para, doc in zip(parsed.article.paragraphs, parsed.docs, strict=True):
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                start = para.start + ent.start_char
                end = para.start + ent.end_char
                found.append(Entity(start, end, parsed.article.source[start:end], ent.label_))
    return found


def entity_counts(pred: Iterable[tuple[int, int, str]], gold: Iterable[tuple[int, int, str]],
                  labels: tuple[str, ...] | None = None, fuzzy: bool = False) -> Counts:
    """Span-and-label counts, optionally for some labels only or with overlapping spans."""
    p = sorted({x for x in pred if labels is None or x[2] in labels})
    g = sorted({x for x in gold if labels is None or x[2] in labels})
    if not fuzzy:
        return Counts(len(set(p) & set(g)), len(p), len(g))
    used: set[int] = set()
    tp = 0
    for s, e, lab in p:
        for i, (gs, ge, glab) in enumerate(g):
            if i not in used and glab == lab and s < ge and gs < e:
                used.add(i)
                tp += 1
                break
    return Counts(tp, len(p), len(g))


def full_name_speakers(analysis: Analysis, gold_quotes: list[tuple[int, int, str]]) -> Counts:
    """Speakers right in full: the prediction names the whole gold name (not just a part).

    ``same_speaker`` accepts ``Traoré`` for ``Anita Traoré``; this count does not.
    """
    from reader.analysis.scoring import IOU_MIN, _iou, _normal

    tp = 0
    for g in gold_quotes:
        if not g[2]:
            continue
        match = next((q for q in analysis.quotes
                      if _iou((q.start, q.end), (g[0], g[1])) >= IOU_MIN), None)
        if match is None or not match.speaker:
            continue
        pred, want = _normal(match.speaker), _normal(g[2])
        if want in pred and same_speaker(match.speaker, g[2]):
            tp += 1
    return Counts(tp, sum(1 for q in analysis.quotes if q.speaker),
                  sum(1 for g in gold_quotes if g[2]))


def speaker_accuracy(analysis: Analysis, gold_quotes: list[tuple[int, int, str]]) -> Counts:
    """The issue's speaker accuracy, over every gold quote: right when the gold names a
    speaker and the prediction gives that full name, or when the gold has none (a term, a
    title) and neither does the prediction. Counts as (right, quotes, quotes)."""
    from reader.analysis.scoring import IOU_MIN, _iou, _normal

    right = 0
    for start, end, want in gold_quotes:
        match = next((q for q in analysis.quotes
                      if _iou((q.start, q.end), (start, end)) >= IOU_MIN), None)
        pred = match.speaker if match is not None else ""
        if not want:
            right += not pred
        elif pred and _normal(want) in _normal(pred) and same_speaker(pred, want):
            right += 1
    return Counts(right, len(gold_quotes), len(gold_quotes))


def _add(rows: dict[str, Row], key: str, ours: Counts, plain: Counts | None = None) -> None:
    row = rows.setdefault(key, Row(key, Counts(), Counts() if plain is not None else None))
    row.ours.add(ours)
    if plain is not None and row.plain is not None:
        row.plain.add(plain)


def _entity_rows(rows: dict[str, Row], analysis: Analysis, parsed: ParsedArticle,
                 gold: list[tuple[int, int, str]], fuzzy: bool = False) -> None:
    ours = [(e.start, e.end, e.label) for e in analysis.entities]
    plain = [(e.start, e.end, e.label) for e in plain_entities(parsed)]
    suffix = " (overlap)" if fuzzy else ""
    _add(rows, "names" + suffix, entity_counts(ours, gold, NAME_LABELS, fuzzy),
         entity_counts(plain, gold, NAME_LABELS, fuzzy))
    for label in NAME_LABELS:
        _add(rows, f"  {label}{suffix}", entity_counts(ours, gold, (label,), fuzzy),
             entity_counts(plain, gold, (label,), fuzzy))
    _add(rows, "DATE" + suffix, entity_counts(ours, gold, ("DATE",), fuzzy))


def _score_articles(pairs: list[tuple[Article, dict[str, Any]]], nlp: Any,
                    sources: bool = True) -> list[Row]:
    rows: dict[str, Row] = {}
    words = 0
    for article, data in pairs:
        parsed = parse_sentences(article, nlp)
        analysis = analyze(parsed)
        gold = resolve_gold(data, article.source)
        words += article.word_count
        scored = score_article(analysis, gold)
        _add(rows, "entities (all labels)", scored["entities"])
        _entity_rows(rows, analysis, parsed, gold.entities)
        _add(rows, "entity spans", scored["entity spans"])
        _add(rows, "quote spans", scored["quote spans"])
        _add(rows, "speakers", scored["speakers"])
        _add(rows, "speakers (full name)", full_name_speakers(analysis, gold.quotes))
        _add(rows, "speaker accuracy", speaker_accuracy(analysis, gold.quotes))
        if sources:  # the news gold does not annotate sources
            _add(rows, "sources", scored["sources"])
        for key, counts in scored.items():
            if key.startswith("tidy-up"):
                _add(rows, key, counts)
    rows["words"] = Row("words", Counts(words, words, words))
    return list(rows.values())


def seed_pairs(gold_dir: Path = GOLD_ROOT) -> list[tuple[Article, dict[str, Any]]]:
    """Seed articles with their gold files."""
    articles = {a.id: a for a in read_bundled()}
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs.append((articles[data["article"]], data))
    return pairs


def news_pairs(folder: Path = NEWS_DIR) -> list[tuple[Article, dict[str, Any]]]:
    """Real-news articles (``*.txt``) with their gold (``*.json``)."""
    pairs = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        pairs.append((parse_article(text, article_id=path.stem), data))
    return pairs


def hipe_documents(path: Path = HIPE_DEV) -> list[tuple[Article, list[tuple[int, int, str]]]]:
    """HIPE documents as articles, with their gold entities (offsets into the source)."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        article = parse_article(d["text"], article_id=d["id"])  # the text is the source
        docs.append((article, [(s, e, label) for s, e, label in d["entities"]]))
    return docs


def score_hipe(nlp: Any, path: Path = HIPE_DEV) -> list[Row]:
    """Entity rows on the HIPE dev set, strict (exact span) and overlapping spans."""
    rows: dict[str, Row] = {}
    for article, gold in hipe_documents(path):
        parsed = parse_sentences(article, nlp)
        analysis = analyze(parsed)
        _entity_rows(rows, analysis, parsed, gold)
        _entity_rows(rows, analysis, parsed, gold, fuzzy=True)
    return list(rows.values())


def score_set(name: str, nlp: Any) -> list[Row]:
    """Rows for one of :data:`SETS`."""
    if name == "seeds":
        return _score_articles(seed_pairs(), nlp)
    if name == "news":
        return _score_articles(news_pairs(), nlp, sources=False)
    if name == "hipe-dev":
        return score_hipe(nlp)
    raise ValueError(f"unknown set {name!r}; choose from {', '.join(SETS)}")


def format_rows(rows: list[Row]) -> str:
    """A P/R/F1 table with plain ``sm`` beside ours where it applies."""
    head = (f"{'category':26} {'P':>5} {'R':>5} {'F1':>5} {'tp':>5} {'pred':>5} {'gold':>5}"
            f"   | plain sm: {'P':>5} {'R':>5} {'F1':>5}")
    lines = [head]
    for r in rows:
        if r.category == "words":
            lines.append(f"words: {r.ours.gold}")
            continue
        c = r.ours
        line = (f"{r.category:26} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} "
                f"{c.tp:5d} {c.predicted:5d} {c.gold:5d}")
        if r.plain is not None:
            p = r.plain
            line += f"   |           {p.precision:5.2f} {p.recall:5.2f} {p.f1:5.2f}"
        lines.append(line)
    return "\n".join(lines)
