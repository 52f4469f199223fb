"""Entities on the English side: French mentions carried over to the aligned English sentence.

Names usually survive translation unchanged, so the exact name is looked for first (then the
group's short forms, then a case-insensitive match); dates are translated (``6 janvier`` →
``January 6`` / ``6 January``); otherwise rapidfuzz finds the closest window of English words.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from reader.analysis.model import Entity

MONTHS = {"janvier": "January", "février": "February", "mars": "March", "avril": "April",
          "mai": "May", "juin": "June", "juillet": "July", "août": "August",
          "septembre": "September", "octobre": "October", "novembre": "November",
          "décembre": "December"}
WEEKDAYS = {"lundi": "Monday", "mardi": "Tuesday", "mercredi": "Wednesday", "jeudi": "Thursday",
            "vendredi": "Friday", "samedi": "Saturday", "dimanche": "Sunday"}
FUZZY_MIN = 80.0
WORD = re.compile(r"[\w@#’'.-]*\w")


def _date_forms(text: str) -> list[str]:
    words = text.casefold().replace("1er", "1").split()
    english = [MONTHS.get(w, WEEKDAYS.get(w, w)) for w in words]
    forms = [" ".join(english)]
    day = [w for w in english if w.isdigit() and len(w) <= 2]
    month = [w for w in english if w in MONTHS.values()]
    year = [w for w in english if w.isdigit() and len(w) == 4]
    if day and month:
        tail = f", {year[0]}" if year else ""
        forms.insert(0, f"{month[0]} {day[0]}{tail}")
    return forms


def _find(name: str, text: str, taken: list[tuple[int, int]],
          flags: int = 0) -> tuple[int, int] | None:
    for m in re.finditer(rf"(?<![\w@#]){re.escape(name)}(?![\w])", text, flags):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            return m.start(), m.end()
    return None


def _fuzzy(name: str, text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    words = list(WORD.finditer(text))
    n = max(1, len(name.split()))
    best: tuple[float, int, int] | None = None
    for size in {n - 1, n, n + 1} - {0}:
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            if any(s < end and start < e for s, e in taken):
                continue
            score = fuzz.ratio(name.casefold(), text[start:end].casefold())
            if score >= FUZZY_MIN and (best is None or score > best[0]):
                best = (score, start, end)
    return (best[1], best[2]) if best else None


def english_entity_spans(french_mentions: list[Entity], french_sentence: str,
                         english_sentence: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, label, group)`` spans in ``english_sentence`` for the French mentions.

    ``french_sentence`` is accepted for symmetry with the caller and to skip mentions that are
    not in it. Exact name first, then translated dates, case-insensitive, then fuzzy.
    """
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str, int]] = []
    for mention in sorted(french_mentions, key=lambda e: -len(e.text)):
        if french_sentence and mention.text not in french_sentence:
            continue
        candidates = _date_forms(mention.text) if mention.label == "DATE" else [mention.text]
        if mention.label == "PER" and " " in mention.text:
            candidates.append(mention.text.split()[-1])
        found = None
        for candidate in candidates:
            found = _find(candidate, english_sentence, taken) or _find(
                candidate, english_sentence, taken, re.IGNORECASE)
            if found:
                break
        if found is None and mention.label != "DATE":
            found = _fuzzy(mention.text, english_sentence, taken)
        if found is not None:
            taken.append(found)
            spans.append((found[0], found[1], mention.label, mention.group))
    return sorted(spans)
