"""The dates and figures an article gives, for comparing two articles on one event.

- Dates are the analysis's ``DATE`` entities, each with a key to match on: ``(day, month)``
  when a day is given (``dimanche 10 janvier`` and ``10 janvier 2021`` are one date), else
  the month and year, the year, or the weekday (``mercredi``: relative to the article).
- Figures are numbers with what they count: percentages (``40%``, ``12 pour cent``), money
  (``5 millions de dollars``, ``300 €``) and counts (``270000 fois``, ``10 millions de
  personnes``, ``au moins cinq morts``), with the qualifier in front (``environ``, ``près de``).
  Spelled-out numbers count from *deux* up; after ``les``/``des``/``ces`` they refer back
  (``les deux géants``) rather than give a figure, and are skipped. List numbering
  (``1)``), numbers glued to words (``8kun``), links and handles are not figures.

Text removed by an accepted tidy-up (tweet residue, a date header) gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.names import fold

if TYPE_CHECKING:  # pragma: no cover
    from reader.session import ArticleSession

MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
          "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
          "novembre": 11, "décembre": 12, "decembre": 12}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
SPELLED = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
           "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "soixante": 60, "cent": 100, "mille": 1000}
SCALES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
FIGURE = re.compile(
    r"(?P<qual>(?:environ|près\s+de|pres\s+de|au\s+moins|plus\s+de|moins\s+de|quelque|"
    r"jusqu[’']à|presque|quasiment)\s+)?"
    r"(?P<cur>[$€£]\s?)?"
    r"(?P<num>\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|"
    rf"(?i:{'|'.join(SPELLED)}))"
    r"(?P<scale>\s+(?:mille|millions?|milliards?))?"
    r"(?P<unit>\s?%|\s+pour\s?cent|\s?[€$£]|\s+(?:d[’']|de\s+)?(?:euros?|dollars?|livres)\b|"
    r"\s+(?:d[’']|de\s+)?[^\W\d_][\w’'-]{2,}(?:\s+[^\W\d_][\w’'-]{3,})?)?",
    re.IGNORECASE)
BACK_REFERENCE = re.compile(r"(?:les|des|ces|aux|nos|vos|leurs)\s+$", re.IGNORECASE)
# Adjectives that come before the noun they qualify: "trois grandes entreprises".
PRENOMINAL = frozenset(
    "grand grande grands grandes petit petite petits petites nouveau nouvelle nouveaux "
    "nouvelles autre autres premier première premiers premières dernier dernière derniers "
    "dernières jeune jeunes gros grosse grosses bon bonne bons bonnes mauvais mauvaise "
    "mauvaises vieux vieille vieilles principaux principales seul seule seuls seules".split())


@dataclass(frozen=True)
class DateMention:
    """A date the article gives; ``key`` is what two articles' dates are matched on."""

    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """A number with what it counts: ``kind`` is ``percent``, ``money`` or ``count``."""

    text: str
    value: float
    unit: str  # "%", "$", "€", or the counted noun ("personnes", "morts")
    kind: str
    qualifier: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What two articles' figures are matched on: value and unit."""
        noun = self.unit.split()[-1] if self.unit else ""
        return f"{self.value:g} {fold(noun)}"


def date_key(text: str) -> str:
    """The matching key of a French date expression."""
    words = re.findall(r"\w+", fold(text))  # "mi-août" → mi, aout
    month = next((n for w in words for m, n in MONTHS.items() if fold(m) == w), None)
    day = next((1 if w == "1er" else int(w) for w in words
                if w == "1er" or (w.isdigit() and len(w) <= 2)), None)
    year = next((w for w in words if w.isdigit() and len(w) == 4), None)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if day is not None and month is not None:
        return f"{day:02d}/{month:02d}"
    if month is not None:
        return f"{month:02d}/{year}" if year else f"month {month:02d}"
    if year is not None:
        return year
    return f"weekday {weekday}" if weekday else fold(text)


def _removed(session: ArticleSession, start: int, end: int) -> bool:
    return not session.offset_map.working_slice(start, end).strip()


def dates_of(session: ArticleSession) -> list[DateMention]:
    """The article's dates in text order (without those an accepted tidy-up removed)."""
    analysis = session.analysis
    if analysis is None:
        return []
    return [DateMention(e.text, date_key(e.text), e.start, e.end) for e in analysis.entities
            if e.label == "DATE" and not _removed(session, e.start, e.end)]


def _value(num: str, scale: str) -> float:
    folded = num.casefold()
    if folded in SPELLED:
        value = float(SPELLED[folded])
    else:
        digits = re.sub(r"[\s\u202f\u00a0]", "", num).replace(",", ".")
        value = float(digits)
    return value * SCALES.get(scale.strip().casefold(), 1.0)


def _unit(unit: str, currency: str) -> tuple[str, str]:
    """``(unit, kind)`` from the text after the number."""
    words = re.sub(r"^(?:d[’']|de\s+)", "", unit.strip(), flags=re.IGNORECASE).split()
    folded = fold(unit)
    if "%" in unit or folded.startswith("pour"):
        return "%", "percent"
    if currency.strip() or re.search(r"[€$£]|euro|dollar|livre", folded):
        symbol = currency.strip() or next((c for c in "€$£" if c in unit), "")
        name = {"€": "€", "$": "$", "£": "£"}.get(symbol) or (
            "€" if "euro" in folded else "$" if "dollar" in folded else "£")
        return name, "money"
    if len(words) == 2 and words[0].casefold() not in PRENOMINAL:
        words = words[:1]
    return " ".join(words), "count"


def figures_of(session: ArticleSession) -> list[Figure]:
    """The figures of the article's paragraphs, in text order."""
    source = session.article.source
    blocked = [(e.start, e.end) for e in (session.analysis.entities if session.analysis else [])
               if e.label in ("DATE", "HANDLE", "HASHTAG")]
    if session.article.date_header:
        blocked.append(session.article.date_header)
    found: list[Figure] = []
    for m in FIGURE.finditer(source):
        num_start, num_end = m.span("num")
        before = source[max(0, num_start - 1) : num_start]
        after = source[num_end : num_end + 2]
        if before and (before.isalnum() or before in "./@-_#") or (
                after[:1].isalnum() and not m.group("unit")) or after[:1] in ")-" or (
                after[:1] in ".," and after[1:2].isdigit()):
            continue
        if re.match(r"\w", source[num_end : num_end + 1]) and m.group("num")[-1].isdigit():
            continue  # glued to a word: 8kun
        spelled = m.group("num").casefold() in SPELLED
        if spelled and (BACK_REFERENCE.search(source[max(0, m.start() - 8) : m.start()])
                        or not m.group("unit")):
            continue
        if any(a < m.end() and m.start() < b for a, b in blocked) or _removed(
                session, m.start(), m.end()):
            continue
        unit, kind = _unit(m.group("unit") or "", m.group("cur") or "")
        if kind == "count" and not unit:
            continue
        end = m.end()
        if kind == "count":  # end after the counted noun (one word, or adjective + noun)
            end = source.index(unit.split()[-1], m.end("num")) + len(unit.split()[-1])
        found.append(Figure(re.sub(r"\s+", " ", source[m.start():end]).strip(),
                            _value(m.group("num"), m.group("scale") or ""), unit, kind,
                            re.sub(r"\s+", " ", (m.group("qual") or "").strip()),
                            m.start(), end))
    return found
