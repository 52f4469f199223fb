"""Articles as the reader sees them: an immutable source text cut into typed paragraphs.

:func:`parse_article` turns the plain text of a French web article into an :class:`Article`:
it recognises a ``date YYYY-MM`` header glued to the first line, paragraphs, short sub-heading
lines, a headline, and a picture caption with its photo credit (``… | Name / Agency``). All
positions are offsets into the untouched source text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
# A caption credit: the last " | " of a line followed by a short credit, usually "Name / Agency".
CAPTION_CREDIT = re.compile(r"\s\|\s*(?P<credit>[^|\n]{2,80}?)\s*$")
CREDIT_HINT = re.compile(
    r"/|\b(?:Getty|AFP|Reuters|AP|Associated Press|EPA|Shutterstock|Photo|Crédit|Credit|"
    r"Images?|Bloomberg|Sipa|Abaca|MaxPPP|Hans Lucas)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+(?:[-’']\w+)*")
MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class Paragraph:
    """One block of the article: ``kind`` is body, heading, headline or caption."""

    index: int
    start: int
    end: int
    kind: str
    credit: tuple[int, int] | None = None  # photo credit range of a caption

    def text(self, source: str) -> str:
        """The paragraph's text in ``source``."""
        return source[self.start : self.end]


@dataclass(frozen=True)
class Article:
    """A French article: immutable source text plus its parsed structure."""

    id: str
    title: str
    source: str
    paragraphs: tuple[Paragraph, ...]
    date: str | None = None
    date_header: tuple[int, int] | None = None
    origin: str = ""
    encoding: str = "utf-8"
    bundled: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    author: str = ""  # the byline of a saved web page
    site: str = ""  # the site it was saved from ("Le Monde")
    url: str = ""  # the page's own address, when it gives one

    @property
    def byline(self) -> str:
        """``By Author · Site · date`` from what is known, or ""."""
        parts = [f"By {self.author}" if self.author else "", self.site, self.date or ""]
        return " · ".join(p for p in parts if p)

    @property
    def word_count(self) -> int:
        """Words in the paragraphs (headers excluded)."""
        return sum(len(WORD.findall(p.text(self.source))) for p in self.paragraphs)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing the source offset, if any."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


def article_id_for(text: str) -> str:
    """A stable id derived from the content, so re-importing the same text finds the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _classify(line: str, first_content: bool) -> str:
    stripped = line.strip()
    words = WORD.findall(stripped)
    m = CAPTION_CREDIT.search(stripped)
    if m and CREDIT_HINT.search(m.group("credit")):
        return "caption"
    bare = stripped.rstrip("»”\"' \u00a0\u202f")
    if len(words) <= MAX_HEADING_WORDS and not re.search(r"[.!?…:;,]$", bare):
        return "heading"
    if first_content and len(words) <= 2 * MAX_HEADING_WORDS and stripped.endswith("."):
        if stripped.count(".") == 1:
            return "headline"
    return "body"


def split_paragraphs(source: str, begin: int = 0) -> list[Paragraph]:
    """Cut ``source[begin:]`` into paragraphs at line breaks, trimming surrounding blanks."""
    paragraphs: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", source[begin:]):
        raw_start, raw_end = m.start() + begin, m.end() + begin
        text = source[raw_start:raw_end]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        start, end = raw_start + lead, raw_end - trail
        if start >= end:
            continue
        first = not any(p.kind in ("body", "headline") for p in paragraphs)
        kind = _classify(source[start:end], first)
        credit = None
        if kind == "caption":
            cm = CAPTION_CREDIT.search(source[start:end])
            assert cm is not None
            credit = (start + cm.start("credit"), start + cm.end("credit"))
        paragraphs.append(Paragraph(len(paragraphs), start, end, kind, credit))
    return paragraphs


def derive_title(source: str, paragraphs: list[Paragraph], fallback: str = "") -> str:
    """A readable title: a headline or heading that opens the text, else the opening words."""
    for p in paragraphs:
        if p.kind in ("headline", "heading"):
            return p.text(source).strip().rstrip(".")
        if p.kind == "body":
            break
    for p in paragraphs:
        if p.kind == "body":
            text = p.text(source)
            first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
            words = first.split()
            if len(words) > 12:
                return " ".join(words[:12]).rstrip(",;:") + "…"
            return first.rstrip(".")
    return fallback or "Untitled article"


def parse_article(
    text: str,
    *,
    article_id: str | None = None,
    origin: str = "",
    encoding: str = "utf-8",
    bundled: bool = False,
    notes: tuple[str, ...] = (),
    date: str | None = None,
    author: str = "",
    site: str = "",
    url: str = "",
) -> Article:
    """Parse the plain text of an article. ``text`` becomes the immutable source.

    ``date`` is used when the text has no ``date YYYY-MM`` header of its own (a web page's
    publication date); ``author``, ``site`` and ``url`` describe where it came from.
    """
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    date_header = None
    begin = 0
    m = DATE_HEADER.match(source)
    if m:
        date = m.group(1)
        date_header = (source.index("date", 0, m.end()), m.end())
        begin = m.end()
    paragraphs = split_paragraphs(source, begin)
    return Article(
        id=article_id or article_id_for(source),
        title=derive_title(source, paragraphs, fallback=origin),
        source=source,
        paragraphs=tuple(paragraphs),
        date=date,
        date_header=date_header,
        origin=origin,
        encoding=encoding,
        bundled=bundled,
        notes=notes,
        author=author,
        site=site,
        url=url,
    )
