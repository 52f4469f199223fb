"""Tidy-up detectors for leftovers in the text: boilerplate and calques.

* ``boilerplate``: a ``date YYYY-MM`` header glued to the text (at the start or mid-text), a
  photo credit glued to a caption (``| Name / Agency``), and embedded-tweet residue
  (``pic.twitter.com/… – Name (@handle) date``). The replacement removes them from the working
  text; the source keeps them.
* ``calque``: English idioms translated word for word (``Nous sommes toasts``), from
  ``resources/calques.json``. Flagged with an explanation, never rewritten.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import Lexicon
from reader.analysis.model import TidyUp
from reader.analysis.quotes import Tweet
from reader.article import CAPTION_CREDIT, CREDIT_HINT, Article

DATE_GLUED = re.compile(r"(?:^|(?<=\s))date\s+\d{4}-\d{2}(?:-\d{2})?\b[ \t]*")
LINE_CREDIT = re.compile(r"[ \t]*\|[ \t]*(?P<credit>[^|\n]{2,80}?/[^|\n]{2,40}?)[ \t]*$",
                         re.MULTILINE)


def boilerplate(article: Article, tweets: list[Tweet]) -> list[TidyUp]:
    """Date headers, photo credits and tweet residue."""
    source = article.source
    found: list[TidyUp] = []
    for m in DATE_GLUED.finditer(source):
        start = m.start()
        if source[:start].strip() == "":
            start = 0  # the header and the blanks before it
        where = "the start of the article" if start == 0 else "the middle of the text"
        found.append(TidyUp(start, m.end(), source[start:m.end()], "", "boilerplate",
                            f"A date header from the web page is glued to {where}; it is not "
                            "part of the article's text."))
    credits: set[tuple[int, int]] = set()
    for para in article.paragraphs:
        text = para.text(source)
        cm = CAPTION_CREDIT.search(text)
        if cm and CREDIT_HINT.search(cm.group("credit")):
            credits.add((para.start + cm.start(), para.start + cm.end()))
    for m in LINE_CREDIT.finditer(source):
        if CREDIT_HINT.search(m.group("credit")):
            credits.add((m.start(), m.end()))
    for start, end in sorted(credits):
        if any(s <= start < e or start <= s < end for s, e in credits if (s, e) != (start, end)
               and e - s > end - start):
            continue
        found.append(TidyUp(start, end, source[start:end], "", "boilerplate",
                            "A photo credit (photographer / agency) is glued to the picture "
                            "caption; it is not part of the sentence."))
    for t in tweets:
        start = t.residue_start
        found.append(TidyUp(start, t.residue_end, source[start:t.residue_end], "",
                            "boilerplate",
                            f"Left over from an embedded tweet by {t.author} ({t.handle}): "
                            "link, author and date, not article text."))
    return found


def calques(source: str, lexicon: Lexicon) -> list[TidyUp]:
    """English idioms translated word for word."""
    found = []
    for calque in lexicon.calques:
        for m in calque.pattern.finditer(source):
            reason = calque.reason
            if calque.meaning:
                reason += f" Suggested: {calque.meaning}."
            found.append(TidyUp(m.start(), m.end(), m.group(), None, "calque", reason))
    return found
