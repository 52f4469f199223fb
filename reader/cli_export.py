"""Export, annotate and import notes from the command line.

- ``export ID --pdf out.pdf [--no-english] [--layers …] [--paper a4|letter]``, plus
  ``--markdown``, ``--bilingual-markdown`` and ``--json`` (any together);
- ``annotate ID --add START:END:COLOUR[:NOTE]`` (source offsets; a colour name or 1–5),
  ``--list``, ``--delete N``;
- ``import-notes FILE.json``.

These call the very functions the app's export dialog and notes panel call. Errors are one
line on stderr: exit 2 for a bad request (unknown article, bad option), 1 for a failure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.annotations import colour_name
from reader.article import Article
from reader.cli_library import open_library, resolve_article
from reader.importing import ArticleImportError
from reader.session import ArticleSession, open_session
from reader.storage import Library, StorageError


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _article(library: Library, ref: str) -> Article | None:
    try:
        article = resolve_article(library, ref)
    except ArticleImportError:
        return None
    return article if library.has_article(article.id) else None


def _layers(value: str | None) -> frozenset[str]:
    from reader.export.pdf import PDF_LAYERS

    if value is None:
        return frozenset(PDF_LAYERS)
    names = frozenset(v.strip() for v in value.split(",") if v.strip() and v.strip() != "none")
    unknown = names - set(PDF_LAYERS)
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(sorted(unknown))}; "
                         f"use some of {','.join(PDF_LAYERS)} (or none)")
    return names


def cmd_export(args: argparse.Namespace) -> int:
    from reader.export.files import ExportError
    from reader.export.markdown import export_annotations_markdown, export_bilingual_markdown
    from reader.export.notes_json import export_json
    from reader.export.pdf import PdfOptions, export_pdf

    if not (args.pdf or args.markdown or args.bilingual_markdown or args.json):
        return _fail("say what to write: --pdf, --markdown, --bilingual-markdown or --json", 2)
    try:
        options = PdfOptions(_layers(args.layers), args.paper, args.no_english)
    except ValueError as exc:
        return _fail(str(exc), 2)
    library = open_library(args)
    article = _article(library, args.id)
    if article is None:
        return _fail(f"no article '{args.id}' in the library", 2)
    session = open_session(library, article.id, analyse=bool(args.pdf))
    english = not args.no_english
    try:
        written = []
        if args.pdf:
            written.append(export_pdf(session, args.pdf, options))
        if args.markdown:
            written.append(export_annotations_markdown(session, args.markdown, english))
        if args.bilingual_markdown:
            written.append(export_bilingual_markdown(session, args.bilingual_markdown,
                                                     english))
        if args.json:
            written.append(export_json(session, args.json))
    except ExportError as exc:
        return _fail(str(exc), 1)
    for path in written:
        print(f"wrote {path}")
    return 0


def _list(session: ArticleSession) -> None:
    from reader.export.markdown import paragraph_label

    for a in session.annotations:
        anchor = session.english_anchor(a) if a.side == "en" else None
        flag = " (English changed)" if anchor is None and a.side == "en" or \
            anchor is not None and anchor[1] else ""
        note = a.note.strip().replace("\n", " / ")
        tags = " ".join(f"#{t}" for t in a.tags)
        print(f"{a.id}\t{a.side}\t{paragraph_label(session, a)}\t{a.start}:{a.end}\t"
              f"{a.colour}\t{a.quote}{flag}\t{note}\t{tags}".rstrip())


def _add(session: ArticleSession, spec: str, tags: list[str]) -> str:
    parts = spec.split(":", 3)
    if len(parts) < 3:
        raise ValueError(f"--add wants START:END:COLOUR[:NOTE], not {spec!r}")
    try:
        start, end = int(parts[0]), int(parts[1])
    except ValueError as exc:
        raise ValueError(f"START and END must be numbers, not {parts[0]!r}:{parts[1]!r}") \
            from exc
    if not 0 <= start < end <= len(session.article.source):
        raise ValueError(f"{start}:{end} is not a range of the article's text "
                         f"(0–{len(session.article.source)})")
    note = parts[3] if len(parts) > 3 else ""
    made = session.highlight_french(start, end, colour_name(parts[2]), note, tags)
    return f"added {made.id}\t{made.colour}\t{made.quote}"


def cmd_annotate(args: argparse.Namespace) -> int:
    library = open_library(args)
    article = _article(library, args.id)
    if article is None:
        return _fail(f"no article '{args.id}' in the library", 2)
    session = ArticleSession(library, article)
    if not session.load_stored_sentences():
        session.set_parsed(session.parse(), store=True)
    try:
        for spec in args.add or []:
            print(_add(session, spec, args.tag or []))
        for number in args.delete or []:
            session.delete_annotation(number)
            print(f"deleted {number}")
    except KeyError as exc:
        return _fail(f"no annotation {exc.args[0]} on this article (see --list)", 2)
    except ValueError as exc:
        return _fail(str(exc), 2)
    except StorageError as exc:
        return _fail(str(exc), 1)
    if args.list or not (args.add or args.delete):
        _list(session)
    return 0


def cmd_import_notes(args: argparse.Namespace) -> int:
    from reader.export.notes_json import AnnotationImportError, import_json

    library = open_library(args)
    try:
        report = import_json(library, args.file)
    except AnnotationImportError as exc:
        return _fail(str(exc), 1)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(report.summary())
    return 0


def register(sub: Any) -> None:
    """Add the export, annotate and import-notes commands to the CLI."""
    p = sub.add_parser("export", help="write an article as an annotated PDF, Markdown or JSON")
    p.add_argument("id", help="article id (or id prefix)")
    p.add_argument("--pdf", metavar="FILE", help="annotated bilingual PDF")
    p.add_argument("--markdown", metavar="FILE", help="the annotations as Markdown")
    p.add_argument("--bilingual-markdown", metavar="FILE",
                   help="the text as Markdown, French then English by paragraph")
    p.add_argument("--json", metavar="FILE", help="the annotations as JSON (see import-notes)")
    p.add_argument("--no-english", action="store_true", help="French only (for class)")
    p.add_argument("--layers", help="comma-separated: entities,highlights,notes,tidyups,"
                   "quotes (default all; 'none' for plain text)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("annotate", help="list, add or delete an article's highlights")
    p.add_argument("id", help="article id (or id prefix)")
    p.add_argument("--add", action="append", metavar="START:END:COLOUR[:NOTE]",
                   help="highlight source[START:END]; COLOUR is a name or 1–5")
    p.add_argument("--tag", action="append", help="a tag for the highlights added")
    p.add_argument("--delete", action="append", type=int, metavar="N",
                   help="delete annotation N (the number --list shows)")
    p.add_argument("--list", action="store_true", help="list the annotations")
    p.set_defaults(func=cmd_annotate)
    p = sub.add_parser("import-notes", help="add the annotations of a JSON export")
    p.add_argument("file")
    p.set_defaults(func=cmd_import_notes)
