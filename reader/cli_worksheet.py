"""``python -m reader worksheet ID --out sheet.pdf [--key key.pdf]``: a class worksheet.

The questions are generated from the analysis and the tidy-ups accepted in the app (the same
function the window's worksheet dialog starts from); the PDFs come from the same exporter.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def cmd_worksheet(args: argparse.Namespace) -> int:
    """Write the worksheet (and the answer key); 0, or 1/2 with one line on stderr."""
    from reader.cli_library import open_library, resolve_article
    from reader.export.files import ExportError
    from reader.export.worksheet import export_worksheet
    from reader.importing import ArticleImportError
    from reader.session import open_session
    from reader.storage import StorageError
    from reader.worksheet import generate_questions

    try:
        library = open_library(args)
        article = resolve_article(library, args.id)
        if not library.has_article(article.id):
            raise ArticleImportError(f"no article '{args.id}' in the library")
        session = open_session(library, article.id)
    except (ArticleImportError, StorageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        written = export_worksheet(session, generate_questions(session), args.out, args.key,
                                   args.paper)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def register(sub: Any) -> None:
    """Add the ``worksheet`` command."""
    p = sub.add_parser("worksheet", help="a class worksheet (and answer key) as PDF",
                       description=__doc__)
    p.add_argument("id", metavar="ID", help="article id or id prefix")
    p.add_argument("--out", required=True, help="the worksheet PDF to write")
    p.add_argument("--key", help="also write the answer key here")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.set_defaults(func=cmd_worksheet)
