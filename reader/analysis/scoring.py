"""Scoring the analysis against hand-checked gold annotations (``tests/gold/*.json``).

Gold files name things by their text (see ``docs/analysis.md``); :func:`resolve_gold` turns
them into offsets. Matching rules:

* entities: exact span and label (``entities``), and exact span only (``entity spans``);
* quotes: character overlap (intersection over union) of at least 0.8;
* speakers: over matched quotes, a lenient name match (case, determiners, containment,
  acronym, rapidfuzz token-set ratio ≥ 80); counted where gold or prediction names one;
* sources: overlapping name spans; tidy-ups: overlapping spans of the same class.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from reader.analysis.model import TIDY_UP_CLASSES, Analysis

IOU_MIN = 0.8


@dataclass
class Counts:
    """True positives, predictions and gold items of one category."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another article's counts."""
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """TP / predicted (1.0 when nothing was predicted and nothing expected)."""
        return self.tp / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """TP / gold (1.0 when there is no gold item)."""
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Gold:
    """Gold annotations resolved to offsets in one article's source."""

    article: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    quotes: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, speaker
    sources: list[tuple[int, int]] = field(default_factory=list)
    tidy_ups: list[tuple[int, int, str]] = field(default_factory=list)


def _occurrences(source: str, text: str, bounded: bool = True) -> list[tuple[int, int]]:
    # A space in a gold file matches any space the typesetter used (no-break, narrow).
    pattern = re.escape(text).replace(r"\ ", "[ \u00a0\u202f]")
    if bounded:
        pattern = rf"(?<![\w@#]){pattern}(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, source)]


def _pick(spans: list[tuple[int, int]], item: dict[str, Any], what: str) -> list[tuple[int, int]]:
    occurrence = item.get("occurrence", item.get("occurrences", "all"))
    if occurrence == "all":
        chosen = spans
    elif isinstance(occurrence, int):
        chosen = spans[occurrence : occurrence + 1]
    else:
        chosen = [spans[i] for i in occurrence if i < len(spans)]
    if not chosen:
        raise ValueError(f"gold {what} {item} not found in the article")
    return chosen


def _closing_mark(source: str, start: int) -> int:
    """End (exclusive) of the quotation opened at ``start``: its matching closing mark.

    Gold files may name a long quote by its opening words (``starts``); the quote then runs
    to the mark that closes it (nesting of the same pair counted), or to the paragraph end.
    """
    opening = source[start]
    closing = {"«": "»", "“": "”", '"': '"'}.get(opening)
    if closing is None:
        raise ValueError(f"gold quote at {start} does not start with a quotation mark")
    depth = 0
    for i in range(start + 1, len(source)):
        ch = source[i]
        if ch == closing and depth == 0:
            return i + 1
        if ch == closing:
            depth -= 1
        elif ch == opening and opening != closing:
            depth += 1
        elif source.startswith("\n\n", i):
            return i
    return len(source)


def resolve_gold(data: dict[str, Any], source: str) -> Gold:
    """Offsets for a gold file's entries (entities longest first, no overlaps)."""
    gold = Gold(data["article"])
    claimed: list[tuple[int, int]] = []
    for item in sorted(data.get("entities", []), key=lambda i: -len(i["text"])):
        free = [s for s in _occurrences(source, item["text"])
                if not any(a < s[1] and s[0] < b for a, b in claimed)]
        for span in _pick(free, item, "entity"):
            claimed.append(span)
            gold.entities.append((span[0], span[1], item["label"]))
    for item in data.get("quotes", []):
        if "starts" in item:
            starts = _occurrences(source, item["starts"], False)
            spans = [(s, _closing_mark(source, s)) for s, _ in starts]
        else:
            spans = _occurrences(source, item["text"], False)
        for s, e in _pick(spans, item, "quote")[:1]:
            gold.quotes.append((s, e, item.get("speaker", "")))
    for item in data.get("sources", []):
        occurrence = item.get("occurrence", 0)
        spans = _pick(_occurrences(source, item["name"]), {"occurrence": occurrence}, "source")
        gold.sources.extend(spans)
    for item in data.get("tidy_ups", []):
        spans = _occurrences(source, item["original"], False)
        for s, e in _pick(spans, {"occurrence": item.get("occurrence", 0)}, "tidy-up"):
            gold.tidy_ups.append((s, e, item["class"]))
    gold.entities.sort()
    return gold


def _normal(name: str) -> str:
    name = " ".join(name.casefold().replace("'", "’").split())
    return re.sub(r"^(?:un|une|le|la|les|l’|des)\s*", "", name).strip()


def same_speaker(a: str, b: str) -> bool:
    """Lenient speaker match: ``John Matze``/``Matze``, ``ADL``/``Anti-Defamation League``."""
    x, y = _normal(a), _normal(b)
    if not x or not y:
        return x == y
    if x == y or x in y or y in x:
        return True
    for short, long in ((a, b), (b, a)):
        words = [w for w in re.split(r"[\s-]+", long) if w[:1].isupper()]
        if short.isupper() and "".join(w[0] for w in words) == short:
            return True
    return fuzz.token_set_ratio(x, y) >= 80


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _match(pred: list[Any], gold: list[Any], ok: Any) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching in text order."""
    used: set[int] = set()
    pairs = []
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and ok(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def score_article(analysis: Analysis, gold: Gold) -> dict[str, Counts]:
    """Counts per category (entities, quotes, speakers, sources, tidy-up classes)."""
    out: dict[str, Counts] = {}
    pred_ents = {(e.start, e.end, e.label) for e in analysis.entities}
    gold_ents = set(gold.entities)
    out["entities"] = Counts(len(pred_ents & gold_ents), len(pred_ents), len(gold_ents))
    pred_spans = {(s, e) for s, e, _ in pred_ents}
    gold_spans = {(s, e) for s, e, _ in gold_ents}
    out["entity spans"] = Counts(len(pred_spans & gold_spans), len(pred_spans), len(gold_spans))
    pairs = _match(analysis.quotes, gold.quotes,
                   lambda p, g: _iou((p.start, p.end), (g[0], g[1])) >= IOU_MIN)
    out["quote spans"] = Counts(len(pairs), len(analysis.quotes), len(gold.quotes))
    speakers = Counts(sum(1 for p, g in pairs if g[2] and same_speaker(p.speaker, g[2])),
                      sum(1 for q in analysis.quotes if q.speaker),
                      sum(1 for g in gold.quotes if g[2]))
    out["speakers"] = speakers
    src = _match(analysis.sources, gold.sources, lambda p, g: _overlap((p.start, p.end), g))
    out["sources"] = Counts(len(src), len(analysis.sources), len(gold.sources))
    for cls in TIDY_UP_CLASSES:
        pred = [t for t in analysis.tidy_ups if t.cls == cls]
        want = [g for g in gold.tidy_ups if g[2] == cls]
        got = _match(pred, want, lambda p, g: _overlap((p.start, p.end), (g[0], g[1])))
        out[f"tidy-up {cls}"] = Counts(len(got), len(pred), len(want))
    return out


def score_files(gold_files: list[Path], analyses: dict[str, tuple[Analysis, str]]
                ) -> dict[str, Counts]:
    """Totals over gold files; ``analyses`` maps article id to (analysis, source)."""
    totals: dict[str, Counts] = {}
    for path in gold_files:
        data = json.loads(path.read_text(encoding="utf-8"))
        analysis, source = analyses[data["article"]]
        for key, counts in score_article(analysis, resolve_gold(data, source)).items():
            totals.setdefault(key, Counts()).add(counts)
    return totals


def format_table(totals: dict[str, Counts]) -> str:
    """A plain-text P/R/F1 table."""
    lines = [f"{'category':28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'pred':>5} {'gold':>5}"]
    for key, c in totals.items():
        lines.append(f"{key:28} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f} "
                     f"{c.tp:4d} {c.predicted:5d} {c.gold:5d}")
    return "\n".join(lines)
