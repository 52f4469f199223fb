"""Import of user files into articles: text, Markdown and saved web pages.

Everything that can go wrong with a file the user picks becomes an :class:`ArticleImportError`
whose message is shown as is: something that is not a regular file (a folder, a pipe, a
device), an unreadable path, an empty or binary file, a file over :data:`MAX_BYTES` or a
text over :data:`MAX_WORDS`. At most ``MAX_BYTES + 1`` bytes are ever read, whatever the file
claims. Decoding (and the note saying which encoding was used) is :mod:`reader.decoding`; the
article inside a web page (with its title, author, site and date) is :mod:`reader.web_page`.
No markup from a file is kept.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from reader.article import Article, parse_article
from reader.decoding import NotTextError, decode_bytes

MAX_BYTES = 2 * 1024 * 1024
# A news article is a few thousand words; past this the reading view would freeze for
# seconds while it lays the text out, so longer texts are refused with a message.
MAX_WORDS = 50_000
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ArticleImportError(Exception):
    """A file could not be imported; ``str(error)`` is a message for the user."""


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown article: heading marks, emphasis and link syntax removed."""
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", md, flags=re.MULTILINE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: many control characters in the first 8 KB.

    (NUL characters anywhere are refused after decoding, where UTF-16 is told apart.)
    """
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    return bool(sample) and controls / len(sample) > 0.05


def _open_file(path: Path) -> int:
    # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just after).
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` + 1 of them (to tell it is too big)."""
    name = path.name or str(path)
    if str(path) in ("", "."):
        raise ArticleImportError("No file name was given.")
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleImportError(f"“{name}” is a folder, not an article file.")
        if not stat.S_ISREG(info.st_mode):
            raise ArticleImportError(
                f"“{name}” is not a regular file (it is a pipe, a device or a socket), so it "
                "is not imported.")
        fd = _open_file(path)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the check above
                raise ArticleImportError(f"“{name}” is not a regular file.")
            chunks, size = [], 0
            while size <= limit:
                block = os.read(fd, min(1 << 20, limit + 1 - size))
                if not block:
                    break
                chunks.append(block)
                size += len(block)
        finally:
            os.close(fd)
    except ArticleImportError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ArticleImportError(f"Cannot read “{name}”: {reason}.") from exc
    data = b"".join(chunks)
    if len(data) > limit:
        raise ArticleImportError(
            f"“{name}” is over {limit // 1_048_576} MB; articles over "
            f"{limit // 1_048_576} MB are not imported."
        )
    return data


def _is_html(suffix: str, text: str) -> bool:
    return suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and re.search(
        r"<(html|body|p|article)\b", text[:2000], re.IGNORECASE) is not None)


def read_article_file(path: str | Path) -> Article:
    """Read and parse a user file. Raises ArticleImportError with a user-facing message."""
    path = Path(path)
    name = path.name or str(path)
    data = read_limited(path)
    if not data.strip():
        raise ArticleImportError(f"“{name}” is empty: there is no text to import.")
    if looks_binary(data):
        raise ArticleImportError(
            f"“{name}” is not a text file (it looks binary). Import .txt, .md or .html files."
        )
    try:
        decoded = decode_bytes(data, name)
    except NotTextError as exc:
        raise ArticleImportError(str(exc)) from exc
    text = decoded.text
    notes = [decoded.note] if decoded.note else []
    suffix = path.suffix.lower()
    meta: dict[str, Any] = {}
    if _is_html(suffix, text):
        from reader.web_page import extract_page

        page = extract_page(text)
        if page is None:
            raise ArticleImportError(f"“{name}” is a web page with no article text in it.")
        text = page.text
        meta = {"author": page.author, "site": page.site, "url": page.url}
        if page.date:
            meta["date"] = page.date
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    if not text.strip():
        raise ArticleImportError(f"“{name}” has no readable text.")
    article = parse_article(text, origin=str(path), encoding=decoded.encoding,
                            notes=tuple(notes), **meta)
    if article.word_count > MAX_WORDS:
        raise ArticleImportError(
            f"“{name}” has {article.word_count:,} words; the reader takes articles of up to "
            f"{MAX_WORDS:,} words. Split it into parts and import them one by one."
        )
    return article
