"""Tidy-up detectors for leftovers in the text: boilerplate and calques.

* ``boilerplate``: a ``date YYYY-MM`` header glued to the text (at the start or mid-text), a
  photo credit glued to a caption (``| Name / Agency``), and embedded-tweet residue
  (``pic.twitter.com/… – Name (@handle) date``), and the web page's furniture copied with the
  text: ``Lire aussi : …`` links, share buttons (``Partager sur Facebook``), ``Publié le … Mis à
  jour le …`` lines, ``©`` credits and ``Photo : Name / Agency`` lines, subscription and
  reading-time notices. The replacement removes them from the working text; the source keeps
  them. Each shape is anchored where page furniture sits (a line of its own, or glued after a
  sentence's end) so that a sentence using the same words (``publié le 3 mars, le rapport…``)
  is left alone.
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


# Where page furniture sits: the start of a line, or glued after the end of a sentence.
AT_BREAK = r"(?:(?<=\n)|^|(?<=[.!?»”…)]\s)|(?<=[.!?»”…)]))"
SEPARATOR = r"[ \t]*(?:[:|>»–—-]+|\n)[ \t]*"
READ_ALSO_WORDS = (r"(?:(?:À|A)[ \t]+(?:lire|voir|écouter|regarder)|Lire|Voir|Écouter|Regarder|"
                   r"LIRE|À LIRE|A LIRE|VOIR)[ \t]+(?i:aussi|également|encore|la suite)")
READ_ALSO = re.compile(
    AT_BREAK + READ_ALSO_WORDS + r"(?:" + SEPARATOR + r"[^\n]{0,160}|[ \t]*(?=\n|$))"
    # glued after a heading without a stop: only with its separator
    r"|(?<=[^\W\d_])[ \t]+" + READ_ALSO_WORDS + r"[ \t]*[:|>»–—]+[ \t]*[^\n]{0,160}",
    re.MULTILINE)
SHARE_ITEM = (r"(?:(?:Partager|Partagez|Envoyer|Publier|Tweeter|Épingler)(?:[ \t]+(?:cet[ \t]+"
              r"article|l[’']article|ceci))?(?:[ \t]+(?:sur|via|par))?[ \t]+(?:Facebook|Twitter|"
              r"X|LinkedIn|WhatsApp|Messenger|Pinterest|Telegram|e-?mail|courriel|mail|Flipboard)"
              r"|Copier[ \t]+le[ \t]+lien|Imprimer(?:[ \t]+l[’']article)?)")
PLATFORM = (r"(?:Facebook|Twitter|X|LinkedIn|WhatsApp|Messenger|Pinterest|Telegram|"
            r"E-?mail|Flipboard)")
SHARE = re.compile(AT_BREAK + SHARE_ITEM + r"(?:[ \t]*[|·•,-]?[ \t]*" + SHARE_ITEM + r")*"
                   r"(?=[ \t]*(?:\n|$))"
                   # a line of platform names alone: the share buttons' labels
                   r"|(?:(?<=\n)|^)" + PLATFORM + r"(?:[ \t]*[|·•,-]?[ \t]*" + PLATFORM
                   + r"){1,8}(?=[ \t]*(?:\n|$))", re.MULTILINE)
DATE_WORDS = r"[^\n]{0,40}?(?:\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
TIME = r"(?:[ \t]*(?:à|,)?[ \t]*\d{1,2}[ \t]*[h:H][ \t]*\d{2}(?:[ \t]*(?:min)?)?)"
PUBLISHED = re.compile(
    AT_BREAK + r"(?:(?:Publié|Mis[ \t]+à[ \t]+jour|Actualisé|Modifié)[ \t]+(?:le[ \t]+)?"
    + DATE_WORDS + TIME + r"?(?:[ \t]*[,|·-]?[ \t]*(?i:mis[ \t]+à[ \t]+jour|actualisé|modifié)"
    r"[ \t]+(?:le[ \t]+)?(?:" + DATE_WORDS + r")?" + TIME + r"?)?)"
    r"(?=[ \t]*(?:\n|$)|[ \t]+(?-i:[A-ZÀ-Þ]))", re.MULTILINE)
COPYRIGHT = re.compile(r"(?:(?<=\s)|^)(?:©|\(c\))[ \t]*[\w’'. /|&-]{2,60}?(?=[ \t]*(?:\n|$|\)))",
                       re.MULTILINE)
PHOTO_LINE = re.compile(
    AT_BREAK + r"(?:Photo|Photos|Crédit[ \t]+photo|Crédits?|Illustration|Image)"
    r"(?:[ \t]+d[’']illustration)?[ \t]*:[ \t]*[^\n]{2,80}?(?=[ \t]*(?:\n|$))", re.MULTILINE)
NOTICE = re.compile(
    r"(?:(?<=\n)|^)(?:Temps[ \t]+de[ \t]+lecture[ \t]*:?[ \t]*\d+[ \t]*min\w*|"
    r"(?:Cet[ \t]+)?[Aa]rticle[ \t]+réservé[ \t]+aux[ \t]+abonnés|Abonnez-vous[^\n]{0,80}|"
    r"Inscrivez-vous[ \t]+à[ \t]+(?:notre|la)[ \t]+newsletter[^\n]{0,80}|Publicité|PUBLICITÉ|"
    r"Suivez-nous[ \t]+sur[^\n]{0,60}|Newsletter[^\n]{0,60})(?=[ \t]*(?:\n|$))", re.MULTILINE)
FURNITURE = (
    (READ_ALSO, "A link to another article (“Lire aussi”) copied from the web page."),
    (SHARE, "Share buttons copied from the web page."),
    (PUBLISHED, "The page's publication and update stamp, not article text."),
    (COPYRIGHT, "A copyright or photo credit (©) copied with the text."),
    (PHOTO_LINE, "A photo credit line copied from the web page."),
    (NOTICE, "A notice from the web page (subscription, reading time, advertising)."),
)


def page_furniture(source: str) -> list[TidyUp]:
    """Links, share buttons, date stamps, credits and notices copied from a web page."""
    found: list[TidyUp] = []
    for pattern, reason in FURNITURE:
        for m in pattern.finditer(source):
            start, end = m.start(), m.end()
            if end - start < 3 or not source[start:end].strip():
                continue
            if pattern is PHOTO_LINE and not (_alone_on_line(source, start, end)
                                              or CREDIT_HINT.search(m.group()[6:])):
                continue
            if pattern is PUBLISHED and not (
                    re.search(TIME, m.group()) or re.search(r"(?i:mis\s+à\s+jour)", m.group()[3:])
                    or _alone_on_line(source, start, end)):
                continue  # "Publié le 3 mars, le rapport…" is a sentence
            if pattern is READ_ALSO:
                end = _link_title_end(source, start, end)
            while start > 0 and source[start - 1] in " \t":
                start -= 1
            found.append(TidyUp(start, end, source[start:end], "", "boilerplate", reason))
    return found


# Where the article's own next sentence starts inside a run-on "Lire aussi" line (web text
# flattened into one paragraph): a lower-case word, then a word that opens a sentence.
SENTENCE_RESUMES = re.compile(
    r"(?<=[a-zà-ÿ»])[ \t]+(?=(?:Il|Elle|Ils|Elles|On|Nous|Je|Le|La|Les|L[’']|Un|Une|Des|Ce|"
    r"Cet|Cette|Ces|Son|Sa|Ses|Leur|Leurs|Dans|En|Au|Aux|À|Pour|Mais|Et|Selon|Deux|Trois|"
    r"C[’']est|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)\b)")


def _link_title_end(source: str, start: int, end: int) -> int:
    """Where a "Lire aussi" link's title ends: at the end of its line, or where a sentence of
    the article goes on in the same line (``Lire également: Des «gilets jaunes» résolus à
    continuer Il est barman …``)."""
    stop = re.search(r"[.!?…](?=\s|$)", source[start:end])
    limit = start + stop.end() if stop else end
    resumes = SENTENCE_RESUMES.search(source, start + 20, limit)
    return resumes.start() if resumes else limit


def _alone_on_line(source: str, start: int, end: int) -> bool:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    return not source[line_start:start].strip() and not source[end:line_end].strip()


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
    for piece in page_furniture(source):
        if not any(f.start < piece.end and piece.start < f.end for f in found):
            found.append(piece)
    return found


def calques(source: str, lexicon: Lexicon) -> list[TidyUp]:
    """English idioms translated word for word."""
    found = []
    lowered = source.lower()
    for calque in lexicon.calques:
        if not calque.may_match(lowered):
            continue
        for m in calque.pattern.finditer(source):
            reason = calque.reason
            if calque.meaning:
                reason += f" Suggested: {calque.meaning}."
            found.append(TidyUp(m.start(), m.end(), m.group(), None, "calque", reason))
    return found
