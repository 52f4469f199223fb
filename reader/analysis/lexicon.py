"""The tunable word lists of the analysis, read once from ``resources/``.

``analysis_cues.json`` (speech verbs, source cues, person nouns, name frames),
``tidy_cues.json`` (frames for the literal-name tidy-up, merged into the cues),
``known_entities.json`` (a general gazetteer), ``first_names.json`` (given names and their
usual gender), ``glossary.json`` (names that are also common
words, for the literal-name tidy-up) and ``calques.json`` (word-for-word English idioms).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.paths import RESOURCES

NAME_PATTERN = r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)*"


@dataclass(frozen=True)
class GlossaryName:
    """A proper name and the common-word renderings a machine translation gives it."""

    name: str
    label: str
    literals: tuple[str, ...]


@dataclass(frozen=True)
class Calque:
    """A word-for-word English idiom: compiled pattern, the English and a reason."""

    pattern: re.Pattern[str]
    english: str
    meaning: str
    reason: str
    keys: tuple[str, ...] = ()  # one of these (lower case) is in every match; () = unknown

    def may_match(self, lowered: str) -> bool:
        """False when the lower-cased text cannot hold a match (a cheap test before the regex)."""
        return not self.keys or any(k in lowered for k in self.keys)


def required_words(pattern: str) -> tuple[str, ...]:
    """Letters every match must contain, one run per top-level alternative, or () if some
    alternative has none: the longest run of plain letters outside groups, classes and
    quantifiers (``\\bprendre\\s+action\\b`` gives ``prendre``)."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    keys = []
    for branch in branches:
        runs, run, depth, i = [], "", 0, 0
        while i < len(branch):
            ch = branch[i]
            nxt = branch[i + 1] if i + 1 < len(branch) else ""
            if ch == "\\":
                runs.append(run)
                run = ""
                i += 2
                continue
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            if depth == 0 and ch.isalpha() and nxt not in "?*{+":
                run += ch
            else:
                runs.append(run)
                run = ""
            i += 1
        runs.append(run)
        best = max(runs, key=len)
        if len(best) < 3:
            return ()
        keys.append(best.lower())
    return tuple(keys)


@dataclass(frozen=True)
class Lexicon:
    """All word lists used by the analysis."""

    cues: dict[str, Any]
    known: dict[str, str]  # exact known name -> label
    known_folded: dict[str, str]  # casefolded known name -> canonical spelling
    outlets: frozenset[str]  # casefolded outlet names
    glossary: tuple[GlossaryName, ...]
    calques: tuple[Calque, ...]
    first_names: dict[str, str]  # given name -> "f", "m" or "" (either)

    @functools.cached_property
    def known_longest_first(self) -> tuple[str, ...]:
        """Known names, longest first (for longest-match lookups)."""
        return tuple(sorted(self.known, key=len, reverse=True))

    def words(self, key: str) -> frozenset[str]:
        """A word list from ``analysis_cues.json``, casefolded."""
        return frozenset(w.casefold() for w in self.cues.get(key, ()))

    def label_of(self, name: str) -> str | None:
        """The gazetteer label of a name, if known."""
        label = self.known.get(name)
        if label is None:
            canonical = self.known_folded.get(name.casefold())
            label = self.known.get(canonical) if canonical else None
        return label


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4)
def load_lexicon(folder: Path = RESOURCES) -> Lexicon:
    """Read and compile the resource files (cached per folder)."""
    cues = _read(folder / "analysis_cues.json")
    if (folder / "tidy_cues.json").exists():
        cues.update({k: v for k, v in _read(folder / "tidy_cues.json").items()
                     if not k.startswith("_")})
    known_raw = _read(folder / "known_entities.json")
    known: dict[str, str] = {}
    outlets: set[str] = set()
    for label, names in known_raw.items():
        if label.startswith("_"):
            continue
        for name in names:
            known[name] = "ORG" if label == "outlet" else label
            if label == "outlet":
                outlets.add(name.casefold())
    glossary_raw = _read(folder / "glossary.json")
    glossary = tuple(
        GlossaryName(g["name"], g.get("label", "ORG"), tuple(g["literals"]))
        for g in glossary_raw["names"]
    )
    for g in glossary:
        known.setdefault(g.name, g.label)
    calques = []
    for c in _read(folder / "calques.json")["calques"]:
        source = c["pattern"].replace("{NAME}", f"(?-i:{NAME_PATTERN})")
        calques.append(Calque(re.compile(source, re.IGNORECASE), c["english"],
                              c.get("meaning", ""), c["reason"], required_words(source)))
    folded = {name.casefold(): name for name in known}
    names = _read(folder / "first_names.json")
    first_names = {n: "f" for n in names["female"]}
    for n in names["male"]:
        first_names[n] = "" if first_names.get(n) == "f" else "m"
    return Lexicon(cues, known, folded, frozenset(outlets), glossary, tuple(calques),
                   first_names)
