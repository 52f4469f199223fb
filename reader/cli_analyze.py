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
    from reader.cli_library import open_library, resolve_article
    from reader.importing import ArticleImportError
    from reader.nlp import ModelMissingError
    from reader.session import ArticleSession

    try:
        library = open_library(args)
        article = resolve_article(library, args.article)
        session = ArticleSession(library, article)  # the same session the app uses
        session.set_parsed(session.parse())
        analysis = session.compute_analysis()
        parsed = session.parsed
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

        where = Path(args.gold)
        gold = [where] if where.is_file() else sorted(where.glob("*.json"))
        if not gold:
            print(f"error: no gold files in {args.gold}", file=sys.stderr)
            return 1
        if problem := gold_problem(gold, {a.id for a in read_bundled()}):
            print(f"error: {problem}", file=sys.stderr)
            return 1
        analyses = {a.id: (analyze(parse_article(a, nlp)), a.source) for a in read_bundled()}
        try:
            print(format_table(score_files(gold, analyses)))
        except (KeyError, TypeError, ValueError) as exc:
            print(f"error: a gold file in {args.gold} does not have the expected fields "
                  f"({exc!r})", file=sys.stderr)
            return 1
        return 0
    print(f"set: {args.set}")
    print(format_rows(score_set(args.set, nlp)))
    return 0


def gold_problem(paths: list[Path], article_ids: set[str]) -> str | None:
    """Why a gold file cannot be used (a sentence for the user), or None."""
    import json

    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            return f"cannot read the gold file {path}: {exc}"
        except ValueError as exc:
            return f"the gold file {path} is not valid JSON ({exc})"
        if not isinstance(data, dict) or data.get("article") not in article_ids:
            return (f"the gold file {path} does not name a bundled article in its "
                    "\"article\" field")
    return None


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
