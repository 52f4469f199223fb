"""Library commands: ``list`` the articles, ``show`` one, ``import`` files, ``search``,
``remove`` one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.article import Article
from reader.corpus import ensure_bundled
from reader.importing import ArticleImportError, read_article_file
from reader.paths import database_path
from reader.storage import Library, StorageError


def open_library(args: argparse.Namespace) -> Library:
    """The library at the chosen data dir, with the bundled articles present."""
    library = Library(database_path(args.data_dir))
    ensure_bundled(library)
    return library


def resolve_article(library: Library, ref: str) -> Article:
    """An article by id, id prefix, or path of a file to read (not imported)."""
    if not ref.strip():
        raise ArticleImportError("an empty name is neither an article id nor a file")
    if library.has_article(ref):
        return library.article(ref)
    matches = [r["id"] for r in library.articles() if r["id"].startswith(ref)]
    if len(matches) == 1:
        return library.article(matches[0])
    if len(matches) > 1 and not Path(ref).exists():
        shown = ", ".join(matches[:5]) + ("…" if len(matches) > 5 else "")
        raise ArticleImportError(
            f"'{ref}' is the start of {len(matches)} article ids ({shown}); give more of it")
    return read_article_file(ref)


def _print_rows(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        print(f"{row['id']}\t{row['date'] or '-'}\t{row['title']}\t{row['word_count']} words")


def cmd_list(args: argparse.Namespace) -> int:
    _print_rows(open_library(args).articles())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    _print_rows(open_library(args).search(" ".join(args.words)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    library = open_library(args)
    try:
        article = resolve_article(library, args.id)
    except ArticleImportError as exc:
        print(f"error: no article '{args.id}' in the library, and {exc}", file=sys.stderr)
        return 2
    print(f"# {article.title}")
    print(f"id: {article.id}  date: {article.date or '-'}  words: {article.word_count}")
    if article.author or article.site:
        print(f"{article.byline}" + (f"  <{article.url}>" if article.url else ""))
    for p in article.paragraphs:
        prefix = {"heading": "## ", "headline": "### ", "caption": "[caption] "}.get(p.kind, "")
        print()
        print(prefix + p.text(article.source))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    library = open_library(args)
    status = 0
    for path in args.files:
        try:
            article = read_article_file(path)
            library.add_article(article)
        except (ArticleImportError, StorageError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        for note in article.notes:
            print(f"note: {note}", file=sys.stderr)
        print(f"imported {article.id}\t{article.title}")
    return status


def cmd_remove(args: argparse.Namespace) -> int:
    from reader.removal import remove

    library = open_library(args)
    matches = [r for r in library.articles()
               if r["id"] == args.id or r["id"].startswith(args.id)]
    exact = [r for r in matches if r["id"] == args.id]
    if exact:
        matches = exact
    if len(matches) != 1:
        what = "no article" if not matches else f"{len(matches)} articles"
        print(f"error: {what} with the id '{args.id}' (see `list`).", file=sys.stderr)
        return 2
    row = matches[0]
    if not args.yes:
        if not sys.stdin.isatty():
            print("error: removing needs confirmation; run it in a terminal or add --yes.",
                  file=sys.stderr)
            return 2
        answer = input(f"Remove “{row['title']}” ({row['id']}) with its tidy-up decisions, "
                       "edits and notes? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            print("nothing removed")
            return 1
    try:
        removed = remove(library, row["id"])
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"removed {removed.article_id}\t{removed.title}\t({removed.count} rows)")
    return 0


def register(sub: Any) -> None:
    """Add the library commands to the CLI."""
    p = sub.add_parser("list", help="list the articles: id, date, title, word count")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("show", help="print one article's text by id (or id prefix)")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("import", help="import .txt, .md or .html files into the library")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("search", help="full-text search of the library")
    p.add_argument("words", nargs="+")
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("remove", help="remove an article and its decisions, edits and notes")
    p.add_argument("id", help="article id (or a unique prefix)")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_remove)
