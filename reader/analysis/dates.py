"""Rule-layer entities the spaCy model does not have: French dates, @handles and #hashtags.

Dates: ``6 janvier``, ``dimanche 10 janvier``, ``1er mars 2021``, ``novembre 2020``,
``mercredi``, ``samedi soir``, ``fin janvier``, ``mi-mars``, years after a preposition
(``en 2018``), decades and seasons (``années 1960``, ``été 2020``) and bare years from 1500 to
2099 that are not quantities (``rapport annuel 2014``, ``(1888)``; not ``2000 euros``, not
``près de 2000 membres`` or ``à 2034 endroits``).
Offsets are relative to the text given.
"""

from __future__ import annotations

import re

WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
DATE = re.compile(
    r"(?<![\w-])(?:"
    # (début|fin|mi-) month [year]
    rf"(?:(?i:début|fin)\s+|(?i:mi)-)(?i:{MONTHS})(?:\s+(?:19|20)\d\d)?"
    # [weekday] (1er|12) month [year]
    rf"|(?:(?i:{WEEKDAYS})\s+)?(?:1er|[12]?\d|3[01])\s+(?i:{MONTHS})(?:\s+(?:19|20)\d\d)?"
    # month year
    rf"|(?i:{MONTHS})\s+(?:19|20)\d\d"
    # weekday [part of day]
    rf"|(?i:{WEEKDAYS})(?:\s+(?:soir|matin|midi|après-midi))?"
    # a bare month (lower case only: "Mars" is a planet, "Mai" may be a name)
    rf"|(?:{MONTHS})"
    r")(?![\w-])"
)
YEAR = re.compile(
    r"(?<![\w-])(?:en|depuis|de|d’ici|d'ici|jusqu’en|jusqu'en|avant|après|dès)\s+"
    r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w-])",
    re.IGNORECASE,
)
# A decade or season with its year ("années 1960", "été 2020"), then a bare year from 1500
# to 2099 that is not a quantity (not "2000 euros", not "1 500 personnes", not "n° 1960").
PERIOD = re.compile(r"(?<![\w-])(?:années|printemps|été|automne|hiver)\s+(?:1[5-9]|20)\d\d"
                    r"(?![\w-])", re.IGNORECASE)
BARE_YEAR = re.compile(
    r"(?<![\w.,°/-])(?<!\d )(?<!n° )(?:1[5-9]|20)\d\d(?![\w-]|[.,]\d|\s?%|\s\d)"
    r"(?!\s*(?:€|\$|euros?|dollars?|francs?|F\b|FCFA|CFA|km|kilo|mètres?|m2|tonnes?|"
    r"personnes|habitants|onces|hectares|signatures|membres|salariés|employés|morts|"
    r"victimes|voix|fois|exemplaires|emplois|élèves|femmes|hommes|enfants|jeunes|cas|points))",
    re.IGNORECASE,
)
# A number followed by a plural noun counts things ("2034 endroits", "près de 2000 membres"):
# not a year. Words ending in -s that are not nouns are left out.
COUNTED = re.compile(r"\s+(?!(?:dans|sous|vers|depuis|après|alors|puis|mais|plus|moins|très|"
                     r"sans|tous|toutes|lors|tandis|ainsi|aussi|jamais|toujours|selon|avons|"
                     r"avez|sommes|êtes|étaient|avaient|seront|auront)\b)"
                     r"[a-zà-ÿ]{3,}[sx]\b")
HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_]{2,30}\b")
HASHTAG = re.compile(r"(?<![\w#&/])#(?=\w*[^\W\d_])\w{2,60}")


def rule_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for dates, handles and hashtags in ``text``."""
    found: list[tuple[int, int, str]] = []
    for m in DATE.finditer(text):
        found.append((m.start(), m.end(), "DATE"))
    for m in PERIOD.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), "DATE"))
    for m in YEAR.finditer(text):
        s, e = m.span("year")
        if not any(a <= s < b for a, b, _ in found) and not COUNTED.match(text, e):
            found.append((s, e, "DATE"))
    for m in BARE_YEAR.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, _ in found) \
                and not COUNTED.match(text, m.end()):
            found.append((m.start(), m.end(), "DATE"))
    for m in HANDLE.finditer(text):
        found.append((m.start(), m.end(), "HANDLE"))
    for m in HASHTAG.finditer(text):
        found.append((m.start(), m.end(), "HASHTAG"))
    found.sort()
    return found
