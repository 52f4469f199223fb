"""The article inside a saved web page: main text, title, author, site and date.

trafilatura finds the main text and drops the page's furniture (menus, share buttons, cookie
banners, "read also" links, comments); its metadata gives the title, author, site name and
publication date (the date through htmldate). Its result is a tree of blocks (headings,
paragraphs, lists, quotes, tables); each block becomes one paragraph of plain text, so no
markup from the page survives.

trafilatura keeps the largest run of body paragraphs. News pages often put a short summary
box ("les faits", "l'essentiel") just before that run, in the same article container, and it
is dropped with the furniture. :func:`_lead_boxes` brings such blocks back when they are
plain prose: whole sentences, no links, beside the extracted run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Blocks a reader never wants, removed before extraction.
FURNITURE_XPATH = ["//nav", "//footer", "//header//ul", "//aside", "//form",
                   "//*[@role='navigation']", "//*[@aria-hidden='true']"]
MIN_LEAD_WORDS = 15


@dataclass(frozen=True)
class WebPage:
    """What a saved page holds for the reader; ``paragraphs`` are plain text."""

    title: str
    author: str
    site: str
    date: str
    url: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The article as the reader's plain text: title first, one paragraph per line."""
        body = list(self.paragraphs)
        if self.title and (not body or _norm(body[0]) != _norm(self.title)):
            body.insert(0, self.title)
        return "\n\n".join(body)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # Short pages (a few paragraphs) get the full extraction too, not the raw fallback.
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # the timeout needs the main thread
    return config


def _block_lines(element: Any) -> list[str]:
    """Plain-text lines of one extracted block (a list gives a line per item)."""
    tag = element.tag
    if tag == "list":
        return [line for item in element for line in _block_lines(item)]
    if tag == "table":
        rows = []
        for row in element.iter("row"):
            cells = [_norm("".join(cell.itertext())) for cell in row]
            rows.append(" · ".join(c for c in cells if c))
        return [r for r in rows if r]
    parts: list[str] = []
    for piece in element.iter():
        if piece.tag == "lb":
            parts.append("\n")
        if piece.text and piece.tag != "lb":
            parts.append(piece.text)
        if piece.tail and piece is not element:
            parts.append(piece.tail)
    return [line for line in (_norm(x) for x in "".join(parts).split("\n")) if line]


def _words(text: str) -> int:
    return len(text.split())


def _lead_boxes(html: str, paragraphs: list[str]) -> list[str]:
    """Prose blocks just before the extracted run, inside its container (see module doc)."""
    import lxml.html

    body = [p for p in paragraphs if _words(p) >= MIN_LEAD_WORDS]
    if len(body) < 2:
        return []
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    probe = body[0][:60]
    start = next((el for tag in ("p", "div") for el in tree.iter(tag)
                  if _norm(el.text_content()).startswith(probe)), None)
    if start is None:
        return []
    container = start.getparent()
    wanted = {p[:60] for p in body}
    while container is not None:
        text = _norm(container.text_content())
        if sum(1 for w in wanted if w in text) >= 0.8 * len(wanted):
            break
        container = container.getparent()
    if container is None or container.getparent() is None:
        return []
    found: list[str] = []
    known = " ".join(_norm(p) for p in paragraphs)
    sibling = container.getprevious()
    while sibling is not None and len(found) < 3:
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            sibling = sibling.getprevious()
            continue
        text = _norm(sibling.text_content())
        links = sum(len(_norm(a.text_content())) for a in sibling.iter("a"))
        prose = (_words(text) >= MIN_LEAD_WORDS and re.search(r"[.!?…»]$", text)
                 and links == 0 and text not in known)
        if not prose:
            break
        found.insert(0, text)
        sibling = sibling.getprevious()
    return found


def extract_page(html: str) -> WebPage | None:
    """The article of a page, or None when trafilatura finds no main text."""
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, deduplicate=False, prune_xpath=FURNITURE_XPATH,
        config=_config())
    if document is None or document.body is None:
        return None
    blocks = [(el.tag, line) for el in document.body for line in _block_lines(el)]
    paragraphs = [line for _, line in blocks]
    if not paragraphs:
        return None
    leads = _lead_boxes(html, [line for tag, line in blocks if tag == "p"])
    if leads:
        first_p = next(i for i, (tag, _) in enumerate(blocks) if tag == "p")
        paragraphs[first_p:first_p] = leads
    title = _norm(document.title or "")
    site = _norm(document.sitename or "")
    if site and title.endswith(site) and title != site:  # "Headline - Site"
        title = re.sub(r"\s*[-|–—:]\s*$", "", title[: -len(site)]) or title
    author = _norm(document.author or "")
    if author == site:
        author = ""  # some pages name the site as the author: that is not a byline
    return WebPage(
        title=title, author=author,
        site=site, date=str(document.date or ""),
        url=str(document.url or ""), paragraphs=tuple(paragraphs))
