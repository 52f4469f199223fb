"""Import of user files into articles: text, Markdown and HTML, with encoding detection.

Everything that can go wrong with a file the user picks becomes an :class:`ArticleImportError`
whose message is shown as is: an unreadable path, an empty or binary file, a file over
:data:`MAX_BYTES` or a text over :data:`MAX_WORDS`. Text is decoded as UTF-8 (with or
without BOM), else Windows-1252, else Latin-1, and the article records which one was used so
the app can tell the user. HTML is reduced to its main text; no markup from a file is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from reader.article import Article, parse_article

MAX_BYTES = 2 * 1024 * 1024
# A news article is a few thousand words; past this the reading view would freeze for
# seconds while it lays the text out, so longer texts are refused with a message.
MAX_WORDS = 50_000
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ArticleImportError(Exception):
    """A file could not be imported; ``str(error)`` is a message for the user."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM aware), else cp1252, else latin-1. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


class _MainText(HTMLParser):
    """Collects the readable text of an HTML page, one paragraph per block element."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
            "button", "svg", "template", "iframe", "head"}
    BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
              "li", "blockquote", "figcaption", "br", "tr", "pre", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.blocks: list[tuple[str, str]] = []  # (container, text)
        self.current: list[str] = []
        self.container_stack: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.container_stack.append(tag)
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self._flush()
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in ("article", "main") and self.container_stack:
            self.container_stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self.current.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.blocks.append(("main" if self.container_stack else "", text))

    def main_text(self) -> str:
        self._flush()
        main = [t for c, t in self.blocks if c]
        return "\n\n".join(main or [t for _, t in self.blocks])


def html_to_text(html: str) -> str:
    """The main text of an HTML document (inside <article>/<main> when present)."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.main_text()


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown article: heading marks, emphasis and link syntax removed."""
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", md, flags=re.MULTILINE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text


def read_article_file(path: str | Path) -> Article:
    """Read and parse a user file. Raises ArticleImportError with a user-facing message."""
    path = Path(path)
    name = path.name
    try:
        if path.is_dir():
            raise ArticleImportError(f"“{name}” is a folder, not an article file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleImportError(
                f"“{name}” is {size / 1_048_576:.1f} MB; articles over "
                f"{MAX_BYTES // 1_048_576} MB are not imported."
            )
        data = path.read_bytes()
    except ArticleImportError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ArticleImportError(f"Cannot read “{name}”: {reason}.") from exc
    if not data.strip():
        raise ArticleImportError(f"“{name}” is empty: there is no text to import.")
    if looks_binary(data):
        raise ArticleImportError(
            f"“{name}” is not a text file (it looks binary). Import .txt, .md or .html files."
        )
    text, encoding = decode_text(data)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and re.search(
            r"<(html|body|p|article)\b", text[:2000], re.IGNORECASE)):
        text = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    if not text.strip():
        raise ArticleImportError(f"“{name}” has no readable text.")
    notes = []
    if encoding in ("cp1252", "latin-1"):
        label = "Windows-1252" if encoding == "cp1252" else "Latin-1"
        notes.append(f"“{name}” was not UTF-8; it was read as {label}.")
    elif encoding == "utf-8-sig":
        notes.append(f"“{name}” is UTF-8 with a byte-order mark.")
    article = parse_article(text, origin=str(path), encoding=encoding, notes=tuple(notes))
    if article.word_count > MAX_WORDS:
        raise ArticleImportError(
            f"“{name}” has {article.word_count:,} words; the reader takes articles of up to "
            f"{MAX_WORDS:,} words. Split it into parts and import them one by one."
        )
    return article
