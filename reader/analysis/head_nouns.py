"""Head nouns just before a name that settle its span and label.

``la rue Broca`` and ``la mer Égée`` are places, head noun included; ``le ministère des
Mines`` is an organisation; ``la convention de Dublin``, ``la loi Travail`` and ``le prix
Nobel de la paix`` are texts and awards (MISC), not the place or person they are named after;
the portfolio in ``la ministre de l’Education`` or ``le secrétaire à la Défense`` is part of a
title, not a name; ``les Vingt-Huit`` is a number. The label a head noun gives wins over the
model's votes (:mod:`reader.analysis.grouping`).
"""

from __future__ import annotations

import re

from reader.analysis.common_words import is_common_word
from reader.analysis.lexicon import Lexicon

EVENT_AFTER = re.compile(r"[ \u00a0]+(?:(?:du|des|de la|de l’|de l')[ \u00a0]*[a-zà-ÿ]{3,}"
                         r"|[a-zà-ÿ]{3,}(?:ale|ales|ique|iques|aire|aires|elle|elles|ienne|"
                         r"iennes|aise|aises|ais|al|aux|iste|istes))\b")
# "la rue Broca", "la mer Égée", "la place de la Nation": the head noun is part of the place
PLACE_HEAD = re.compile(r"(?<![\w’'])(?:rue|avenue|boulevard|quai|impasse|allée|place|parvis|"
                        r"esplanade|square|dalle|gare|mer|pont|lac)\s+"
                        r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])?$")
NOT_PLACE_HEAD = re.compile(r"(?:à|en)\s+(?:la\s+)?place\s+\S*\s*\S*$", re.IGNORECASE)
# "la convention de Dublin", "le traité de Lisbonne" (a place without article: not "l'accord de
# la France"), "la loi Travail", "le prix Nobel": a text or an award named after a name
DOCUMENT_OF_PLACE = re.compile(r"(?<![\w’'])(?:convention|règlement|traité|accords?|protocole|"
                               r"pacte|directive)\s+(?:de|d[’'])\s?$", re.IGNORECASE)
DOCUMENT_NAMED = re.compile(r"(?<![\w’'])(?:loi|prix)\s+$", re.IGNORECASE)
# "le ministre de l'Education", "secrétaire d'État à la Défense": a portfolio in a title
PORTFOLIO = re.compile(r"(?<![\w’'])(?:ministres?(?:\s+déléguée?)?(?:\s+chargée?)?"
                       r"|secrétaire\s+d[’']État(?:\s+chargée?)?|secrétaire)\s+"
                       r"(?:de\s+la|de\s+l[’']|des|du|de|à\s+la|à\s+l[’']|aux|au)\s*$",
                       re.IGNORECASE)
MINISTRY = re.compile(r"(?<![\w’'])ministère\s+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|de\s+)$",
                      re.IGNORECASE)
NUMBER_WORDS = {"un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt",
                "trente", "quarante", "cinquante", "soixante", "cent", "mille", "et"}



def _ordinary(word: str) -> bool:
    """``Santé``, and ``Education`` written without its accent; not ``Tchad``."""
    return is_common_word(word) or (word[:1] == "E" and is_common_word("é" + word[1:]))


def settle_by_head_noun(source: str, start: int, end: int, label: str, lexicon: Lexicon
                        ) -> tuple[int, int, str, bool] | None:
    """``(start, end, label, settled)`` for the name at ``source[start:end]``: ``settled`` is
    True when a head noun decided it; None when the words are no name at all."""
    name = source[start:end]
    if all(w in NUMBER_WORDS for w in re.split(r"[-\s]+", name.casefold())):
        return None
    before = source[max(0, start - 60) : start]
    first = name.split()[0]
    if lexicon.label_of(first) is None and _ordinary(first):
        if PORTFOLIO.search(before):
            rest = name[len(first) :].lstrip()
            if rest and rest.split()[0] in lexicon.first_names:
                return end - len(rest), end, "PER", True  # "… à la Défense Donald Rumsfeld"
            return None
        ministry = MINISTRY.search(before)
        if ministry:
            return start - len(ministry.group()), end, "ORG", True
    place = PLACE_HEAD.search(before)
    if place and label != "ORG" and not NOT_PLACE_HEAD.search(before):
        return start - len(place.group()), end, "LOC", True
    document = DOCUMENT_OF_PLACE.search(before)
    if document and label in ("LOC", "MISC") and " " not in name:
        return start - len(document.group()), end, "MISC", True
    document = DOCUMENT_NAMED.search(before)
    if document:
        award = EVENT_AFTER.match(source, end) if document.group()[:4].casefold() == "prix" \
            else None
        return start - len(document.group()), award.end() if award else end, "MISC", True
    return start, end, label, False
