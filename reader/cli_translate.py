"""``python -m reader translate [ID|FILE|--all]``: translate articles headless, into the cache.

Uses the newest installed French→English package (or ``--model FOLDER``) and the same cache as
the app, so an article translated here opens translated in the app with no model calls. On a
terminal, progress is a text bar on stderr; otherwise one quiet line per article. The text sent
to the translator is each sentence's working text: the source with the tidy-ups accepted in
the app applied, so the app finds these translations in the cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from reader.article import Article
from reader.paths import models_dir
from reader.translation.models import ModelInfo, find_model, pair_problem, read_model

BAR_WIDTH = 30


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``translate`` sub-command."""
    parser = sub.add_parser(
        "translate", help="translate articles into English (fills the translation cache)",
        description=__doc__,
    )
    parser.add_argument("article", nargs="?", help="article id, id prefix, or a text file")
    parser.add_argument("--all", action="store_true", help="every article in the library")
    parser.add_argument("--model", type=Path, metavar="FOLDER",
                        help="an installed package folder (default: the newest fr→en package)")
    parser.add_argument("--any-pair", action="store_true",
                        help="accept a --model of another language pair (for testing)")
    parser.set_defaults(func=cmd_translate)


class ProgressLine:
    """A text progress bar on a terminal, or nothing until the summary line when piped."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.live = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.live:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r{self.label[:40]:40s} [{bar}] {done}/{total}")
        self.stream.flush()

    def close(self, summary: str) -> None:
        if self.live:
            self.stream.write("\r\033[K")
        self.stream.write(summary + "\n")
        self.stream.flush()


def _choose_model(args: argparse.Namespace) -> ModelInfo | None:
    if args.model:
        return read_model(args.model)
    return find_model("fr", "en", models_dir(args.data_dir))


def _articles(args: argparse.Namespace) -> list[Article] | None:
    from reader.cli_library import open_library, resolve_article
    from reader.importing import ArticleImportError

    library = open_library(args)
    try:
        if args.all:
            return [library.article(row["id"]) for row in library.articles()]
        return [resolve_article(library, args.article)]
    except ArticleImportError as exc:
        print(f"error: no article '{args.article}' in the library, and {exc}", file=sys.stderr)
        return None
    finally:
        library.close()


def cmd_translate(args: argparse.Namespace) -> int:
    """Translate the chosen articles; exit code 0, or 1 when interrupted, 2 on bad input."""
    from reader.paths import database_path
    from reader.session import ArticleSession
    from reader.storage import Library, StorageError
    from reader.translation.engine import close_engines
    from reader.translation.service import ArticleTranslator

    if bool(args.all) == bool(args.article):
        print("error: give one article id or file, or --all", file=sys.stderr)
        return 2
    articles = _articles(args)  # first: an unusable library is the error to report
    if articles is None:
        return 2
    model = _choose_model(args)
    if model is None:
        where = args.model or models_dir(args.data_dir)
        print(f"error: no French→English translation model in {where}. Install one from the "
              "app (Download, or Install from file).", file=sys.stderr)
        return 2
    if not args.any_pair and (problem := pair_problem(model, ("fr", "en"))):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    library = Library(database_path(args.data_dir))
    translator = ArticleTranslator(library, model)
    try:
        for article in articles:
            start = time.perf_counter()
            # The same session the app uses gives the working text (stored tidy-ups applied).
            session = ArticleSession(library, article)
            if not session.load_stored_sentences():
                session.set_parsed(session.parse(), store=True)
            sentences = session.working_sentences()
            progress = ProgressLine(article.title, sys.stderr)
            count = translator.translate(article.id, sentences, None, lambda _s: None,
                                         on_progress=progress)
            progress.close(f"{article.id}: {len(sentences)} sentences, {count} by the model "
                           f"({model.id}), {time.perf_counter() - start:.1f}s")
    except StorageError as exc:  # a full disk: what was translated before is saved
        print(f"error: translation stopped. {exc} What was translated before is saved.",
              file=sys.stderr)
        return 1
    finally:
        close_engines()  # waits for a running batch, even after Ctrl-C
        library.close()
    return 0
