"""Analysis commands: ``analyze FILE_OR_ID [--json]`` and ``score [--gold DIR]``.

``analyze --json`` prints one JSON object (schema in ``docs/analysis.md``); offsets are into the
article's source text. ``score`` runs the analysis on the bundled seed articles and prints
precision, recall and F1 against the hand-checked gold files in ``tests/gold``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.paths import REPO_ROOT
from reader.storage import StorageError

GOLD_DIR = REPO_ROOT / "tests" / "gold"


def analysis_json(parsed: Any, analysis: Any) -> dict[str, Any]:
    """The ``analyze --json`` object for a parsed article and its analysis."""
    groups = {g.id: g for g in analysis.groups}
    return {
        "article": parsed.article.id,
        "sentences": [{"id": s.id, "start": s.start, "end": s.end, "text": s.text}
                      for s in parsed.sentences],
        "entities": [{"text": e.text, "label": e.label, "start": e.start, "end": e.end,
                      "group": e.group} for e in analysis.entities],
        "groups": [{"id": g.id, "label": g.label, "name": g.name, "count": g.count}
                   for g in groups.values()],
        "quotes": [{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker,
                    "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                    "cue": q.cue, "kind": q.kind, "sentence_ids": list(q.sentence_ids)}
                   for q in analysis.quotes],
        "sources": [{"name": s.name, "start": s.start, "end": s.end, "cue": s.cue}
                    for s in analysis.sources],
        "tidy_ups": [{"start": t.start, "end": t.end, "original": t.original,
                      "replacement": t.replacement, "class": t.cls, "reason": t.reason,
                      "key": t.key} for t in analysis.tidy_ups],
    }


def _summary(data: dict[str, Any]) -> str:
    lines = [f"Article {data['article']}: {len(data['sentences'])} sentences"]
    lines.append(f"\nEntities ({len(data['groups'])} groups):")
    for g in data["groups"]:
        lines.append(f"  {g['label']:8} {g['name']}  ×{g['count']}")
    lines.append(f"\nQuotes ({len(data['quotes'])}):")
    for q in data["quotes"]:
        text = q["text"] if len(q["text"]) <= 70 else q["text"][:67] + "…"
        who = q["speaker"] or "(nobody named)"
        lines.append(f"  [{q['kind']}] {who} — {q['cue'] or '-'}: {text}")
    lines.append(f"\nSources ({len(data['sources'])}):")
    for s in data["sources"]:
        lines.append(f"  {s['name']}  ({s['cue']})")
    lines.append(f"\nTidy-ups ({len(data['tidy_ups'])}):")
    for t in data["tidy_ups"]:
        fix = "flag only" if t["replacement"] is None else f"→ {t['replacement']!r}"
        lines.append(f"  {t['class']:13} {t['original']!r} {fix}\n      {t['reason']}")
    return "\n".join(lines)


def cmd_analyze(args: argparse.Namespace) -> int:
    """Analyse one article by id or file path."""
    from reader.analysis import analyze
    from reader.analysis.review import glossary_entries
    from reader.cli_library import open_library, resolve_article
    from reader.importing import ArticleImportError
    from reader.nlp import ModelMissingError, parse_article

    try:
        library = open_library(args)
        article = resolve_article(library, args.article)
        parsed = parse_article(article)
        analysis = analyze(parsed, glossary_extra=glossary_entries(library))
    except (ArticleImportError, StorageError, ModelMissingError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    data = analysis_json(parsed, analysis)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(_summary(data))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score the analysis on a gold set (``--set``) or on the gold files of ``--gold``."""
    from reader.analysis.evaluation import format_rows, score_set
    from reader.nlp import ModelMissingError, load_pipeline

    try:
        nlp = load_pipeline()
    except ModelMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.gold is not None:
        from reader.analysis import analyze
        from reader.analysis.scoring import format_table, score_files
        from reader.corpus import read_bundled
        from reader.nlp import parse_article

        gold = sorted(p for p in Path(args.gold).glob("*.json"))
        if not gold:
            print(f"error: no gold files in {args.gold}", file=sys.stderr)
            return 1
        analyses = {a.id: (analyze(parse_article(a, nlp)), a.source) for a in read_bundled()}
        print(format_table(score_files(gold, analyses)))
        return 0
    print(f"set: {args.set}")
    print(format_rows(score_set(args.set, nlp)))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``analyze`` and ``score`` commands."""
    p = subparsers.add_parser("analyze", help="entities, quotes, sources and tidy-ups of one "
                              "article")
    p.add_argument("article", metavar="FILE_OR_ID", help="article id (or prefix) or a file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_analyze)
    s = subparsers.add_parser("score", help="precision/recall/F1 of the analysis on a gold set, "
                              "beside plain fr_core_news_sm")
    s.add_argument("--set", default="seeds", choices=("seeds", "news", "hipe-dev"),
                   help="seeds (bundled articles), news (tests/gold/news) or hipe-dev "
                   "(CLEF HIPE-2020 French dev, entities only)")
    s.add_argument("--gold", default=None,
                   help=f"score the bundled articles against this folder instead "
                   f"(e.g. {GOLD_DIR})")
    s.set_defaults(func=cmd_score)
