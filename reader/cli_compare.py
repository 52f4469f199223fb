"""Comparison and voices commands: ``compare ID1 ID2 [--json]`` and ``voices ID [--json]``.

Both open the articles through the same :class:`reader.session.ArticleSession` the window
uses, so stored tidy-up decisions apply. ``--json`` prints the objects described in
``docs/classroom.md``; without it, a readable summary. Errors are one line, exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.storage import StorageError


def _sessions(args: argparse.Namespace, refs: list[str]) -> list[Any]:
    from reader.cli_library import open_library
    from reader.cli_pack import article_id
    from reader.session import open_session

    library = open_library(args)
    return [open_session(library, article_id(library, ref)) for ref in refs]


def _side(items: list[Any], describe: Any) -> str:
    return ", ".join(describe(x) for x in items) or "—"


def comparison_text(data: dict[str, Any]) -> str:
    """The readable form of a ``compare --json`` object."""
    left, right = data["left"], data["right"]
    lines = [f"A: {left['article']}  {left['title']}", f"B: {right['article']}  {right['title']}"]
    describe = {
        "entities": lambda e: f"{e['name']} ({e['label']} ×{e['count']})",
        "speakers": lambda v: f"{v['name']} ({v['kind']}, {v['quotes']} quotes, "
                              f"{v['words']} words)",
        "sources": lambda r: f"{r['name']} ({r['kind']} ×{r['citations']})",
        "dates": lambda d: " / ".join(d["texts"]),
        "figures": lambda f: f["text"],
    }
    for name, show in describe.items():
        section = data[name]
        lines.append(f"\n{name.capitalize()}")
        both = [f"{show(p['left'])} = {show(p['right'])} [{p['how']}]"
                if show(p["left"]) != show(p["right"]) else show(p["left"])
                for p in section["both"]]
        lines.append(f"  both:   {'; '.join(both) or '—'}")
        lines.append(f"  only A: {_side(section['only_left'], show)}")
        lines.append(f"  only B: {_side(section['only_right'], show)}")
    return "\n".join(lines)


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare two articles on one event."""
    from reader.compare import compare_sessions
    from reader.nlp import ModelMissingError

    try:
        left, right = _sessions(args, [args.first, args.second])
    except (StorageError, ModelMissingError, KeyError, OSError) as exc:
        print(f"error: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 1
    comparison = compare_sessions(left, right)
    if args.pdf:
        from reader.export.compare_pdf import export_comparison
        from reader.export.files import ExportError

        try:
            print(export_comparison(left, right, comparison, args.pdf), file=sys.stderr)
        except ExportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    data = comparison.to_json()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(comparison_text(data))
    return 0


def cmd_voices(args: argparse.Namespace) -> int:
    """Who is quoted in one article, and on whose word it relies."""
    from reader.nlp import ModelMissingError
    from reader.voices import KIND_NAMES, voices_of

    try:
        (session,) = _sessions(args, [args.article])
    except (StorageError, ModelMissingError, KeyError, OSError) as exc:
        print(f"error: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 1
    data = voices_of(session).to_json()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"Voices in {data['article']}:")
    for v in data["voices"]:
        print(f"  {KIND_NAMES[v['kind']]:14} {v['name']}: {v['quotes']} quote(s), "
              f"{v['words']} words")
    print("Relies on:")
    for r in data["relies_on"]:
        print(f"  {KIND_NAMES[r['kind']]:14} {r['name']} ×{r['citations']}")
    return 0


def register(sub: Any) -> None:
    """Add ``compare`` and ``voices``."""
    p = sub.add_parser("compare", help="two articles on one event side by side: entities, "
                       "speakers, sources, dates and figures")
    p.add_argument("first", metavar="ID1")
    p.add_argument("second", metavar="ID2")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--pdf", metavar="FILE", help="also write the one-page comparison PDF")
    p.set_defaults(func=cmd_compare)
    p = sub.add_parser("voices", help="who is quoted in an article (quotes and words per "
                       "speaker) and what it relies on")
    p.add_argument("article", metavar="ID")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_voices)
