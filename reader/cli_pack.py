"""Lesson-pack commands: ``pack export IDS… --out FILE`` and ``pack import FILE``.

Export writes one ``.readerpack`` (see :mod:`reader.lesson_pack`); import checks the whole
pack before it writes anything and never replaces the student's own notes or decisions. Any
error is one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.storage import StorageError


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    """Write the named articles, with their decisions, notes and English, to one pack."""
    from reader.cli_library import open_library
    from reader.lesson_pack import PackError, export_pack
    from reader.nlp import ModelMissingError

    questions: list[Any] = []
    try:
        if args.questions:
            questions = json.loads(Path(args.questions).read_text(encoding="utf-8"))
            if not isinstance(questions, list):
                return _fail(f"{args.questions} must hold a JSON list of questions")
        library = open_library(args)
        ids = [article_id(library, ref) for ref in args.ids]
        out = export_pack(library, ids, Path(args.out), args.author or "", args.title or "",
                          questions)
    except (PackError, StorageError, ModelMissingError, OSError, ValueError, KeyError) as exc:
        return _fail(str(exc).strip("'\""))
    print(f"wrote {out} ({len(ids)} article(s))")
    return 0


def article_id(library: Any, ref: str) -> str:
    """An article id from an id or a unique id prefix."""
    if library.has_article(ref):
        return ref
    matches = [r["id"] for r in library.articles() if r["id"].startswith(ref)]
    if len(matches) != 1:
        raise KeyError(f"no single article matches '{ref}' (see `python -m reader list`)")
    return str(matches[0])


def cmd_import(args: argparse.Namespace) -> int:
    """Add a pack to the library (all of it or, when refused, nothing)."""
    from reader.cli_library import open_library
    from reader.lesson_import import import_pack
    from reader.lesson_pack import PackError

    try:
        report = import_pack(open_library(args), Path(args.file))
    except (PackError, StorageError) as exc:
        return _fail(str(exc))
    print("\n".join(report.lines()))
    return 0


def register(sub: Any) -> None:
    """Add ``pack export`` and ``pack import``."""
    pack = sub.add_parser("pack", help="lesson packs: export articles with notes, decisions "
                          "and English to one file; import one")
    commands = pack.add_subparsers(dest="pack_command", required=True, metavar="ACTION")
    p = commands.add_parser("export", help="write articles to a .readerpack")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids (or unique prefixes)")
    p.add_argument("--out", required=True, help="the .readerpack file to write")
    p.add_argument("--author", help="the name shown on the notes (default: none → 'teacher')")
    p.add_argument("--title", help="the lesson's title (default: the first article's)")
    p.add_argument("--questions", help="a JSON file with a list of worksheet questions")
    p.set_defaults(func=cmd_export)
    p = commands.add_parser("import", help="add a .readerpack to the library")
    p.add_argument("file")
    p.set_defaults(func=cmd_import)
