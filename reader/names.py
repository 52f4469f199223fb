"""Telling whether two names are one entity, across spellings and articles.

Used by the voices (one speaker written two ways) and the comparison of two articles. Two
names are one when, accents, case and ``’`` ignored, they are the same under any of the forms
an article writes them; when a person's surname matches (``Matze`` / ``John Matze``); when the
shorter is a multi-word tail of the longer (``Play Store`` / ``Google Play Store``); or when
they are near spellings of one another (rapidfuzz ratio, ``Amazone`` / ``Amazon``,
``Benhadou`` / ``Benhaddou``). Short names (``CNN``, ``NBC``) must match exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

FUZZY_MIN = 88  # rapidfuzz ratio for two spellings of one name (Amazone/Amazon: 92)
FUZZY_MIN_LENGTH = 5  # shorter names must match exactly (CNN/NBC)


@dataclass(frozen=True)
class NamedEntity:
    """One entity of an article: its name after tidy-ups, label, mentions, and spellings."""

    name: str
    label: str
    count: int
    spellings: tuple[str, ...]


def fold(text: str) -> str:
    """Casefolded, without accents, spaces collapsed, ’ as '."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"ORG", "MISC"}


def name_match(left: NamedEntity, right: NamedEntity) -> tuple[int, str] | None:
    """``(score, how)`` when two entities are one, else None (higher scores pair first)."""
    lf = {fold(s) for s in (left.name, *left.spellings)}
    rf = {fold(s) for s in (right.name, *right.spellings)}
    if fold(left.name) == fold(right.name):
        return 100, "same name"
    if lf & rf:
        return 98, "same name, another spelling"
    if not _compatible(left.label, right.label):
        return None
    a, b = sorted((fold(left.name), fold(right.name)), key=len)
    aw, bw = a.split(), b.split()
    if not aw or not bw:
        return None
    if left.label == "PER" and aw[-1] == bw[-1] and (len(aw) == 1 or aw[0] == bw[0]):
        return 96, "same surname"
    if len(aw) >= 2 and bw[-len(aw):] == aw:
        return 94, "shorter form"
    best = max((fuzz.ratio(x, y) for x in lf for y in rf
                if min(len(x), len(y)) >= FUZZY_MIN_LENGTH and x[:1] == y[:1]), default=0.0)
    if best >= FUZZY_MIN:
        return int(best) - 10, f"near spelling ({best:.0f}%)"
    return None
