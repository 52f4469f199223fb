"""Tidy-up detectors for leftovers in the text: boilerplate and calques.

* ``boilerplate``: a ``date YYYY-MM`` header glued to the text (at the start or mid-text), a
  photo credit glued to a caption (``| Name / Agency``), embedded-tweet residue
  (``pic.twitter.com/… – Name (@handle) date``), and whole lines of page furniture (``Lire
  aussi : …``, ``Partager sur Facebook``, ``Publié le … Mis à jour le …``, ``© AFP``). The
  replacement removes them from the working text; the source keeps them.
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


# Lines of web-page furniture copied with an article: links to other articles, share
# buttons, publication stamps, credits, reading times, subscription prompts. Each pattern must
# match a whole line, so a sentence that merely mentions these words is left alone.
PAGE_FURNITURE = re.compile(
    r"(?:(?:À|A)\s+)?(?:lire|voir)\s+(?:aussi|également|encore|notre\s+\w+)\b.{0,200}"
    r"|(?:partager|partagez)(?:\s+(?:sur|via)\s+[\w+ ]{2,30}|\s+(?:cet|l[’'])\s*article)?"
    r"|(?:facebook|twitter|linkedin|whatsapp|e-?mail|imprimer|copier le lien|tweeter|réagir"
    r"|commenter|partager)(?:[\s,|/·•-]+(?:facebook|twitter|linkedin|whatsapp|e-?mail|imprimer"
    r"|copier le lien|tweeter|réagir|commenter|partager))*"
    r"|(?:publié|mis à jour|modifié|actualisé)\s+le\s+[\w/.: -]{4,40}?"
    r"(?:\s*[-|,–]?\s*(?:mis à jour|modifié|actualisé)\s+le\s+[\w/.: -]{4,40})?"
    r"|©\s*[\w .’'/-]{2,60}"
    r"|(?:crédits?\s+photos?|photo|illustration)\s*:\s*[\w .’'/©-]{2,60}"
    r"|(?:temps\s+de\s+)?lecture\s*:?\s*\d+\s*min(?:utes?)?|\d+\s*min(?:utes?)?\s+de\s+lecture"
    r"|(?:abonnez-vous|s[’']abonner|inscrivez-vous|suivez-nous|publicité|newsletter"
    r"|(?:cet\s+)?article\s+réservé\s+aux\s+abonnés|la\s+suite\s+est\s+réservée\s+aux"
    r"\s+abonnés|vous\s+avez\s+aimé\s+cet\s+article|sur\s+le\s+même\s+sujet"
    r"|les\s+plus\s+lus|contenus?\s+sponsorisés?)\b.{0,120}",
    re.IGNORECASE)


def _furniture_line(line: str) -> bool:
    """One piece of furniture, or several on one line (``Partager sur Facebook Partager sur
    Twitter Envoyer par e-mail``)."""
    if PAGE_FURNITURE.fullmatch(line):
        return True
    pieces = [p for p in re.split(r"\s*[|·•]\s*|\s+(?=(?:Partager|Envoyer|Imprimer|Tweeter|"
                                  r"Copier|Réagir|Commenter)\b)", line) if p.strip()]
    return len(pieces) > 1 and all(PAGE_FURNITURE.fullmatch(p) or re.fullmatch(
        r"envoyer\s+par\s+e-?mail|s[’']abonner", p, re.IGNORECASE) for p in pieces)


# A credit or a "read also" link glued after a paragraph's last sentence.
GLUED_FURNITURE = re.compile(r"(?<=[.!?»…])[ \t\u00a0]+(?P<piece>©[ \t]*[\w .’'/-]{2,40}"
                             r"|(?:À|A)[ \t]+lire[ \t]+aussi[ \t]*:[^\n]{2,150})[ \t]*$",
                             re.MULTILINE)


def page_furniture(source: str) -> list[TidyUp]:
    """Lines of web-page furniture, and furniture glued after a paragraph's last sentence."""
    found = []
    for m in re.finditer(r"[^\n]+", source):
        line = m.group().strip(" \t\u00a0")
        if not line or len(line.split()) > 30 or not _furniture_line(line):
            continue
        found.append(TidyUp(m.start(), m.end(), m.group(), "", "boilerplate",
                            "A line of the web page (a link, share buttons, a date stamp, a "
                            "credit or a prompt) copied with the article; it is not article "
                            "text."))
    for m in GLUED_FURNITURE.finditer(source):
        if any(t.start <= m.start("piece") < t.end for t in found):
            continue
        found.append(TidyUp(m.start(), m.end(), m.group(), "", "boilerplate",
                            "A credit or a link of the web page glued after the paragraph's "
                            "last sentence; it is not article text."))
    return found


def boilerplate(article: Article, tweets: list[Tweet]) -> list[TidyUp]:
    """Date headers, photo credits, page furniture and tweet residue."""
    source = article.source
    found: list[TidyUp] = page_furniture(source)
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
