"""Two articles on one event, side by side: who and what each names, quotes, cites and counts.

:func:`compare_sessions` takes two analysed :class:`reader.session.ArticleSession` objects and
returns a :class:`Comparison` with five sections, each split into what both articles have
(paired, with how the pair was matched) and what only one has:

- **entities**: people, organisations, places and other names, named after the accepted
  tidy-ups, matched across spellings: the same name (accents, case and ``’`` ignored) under
  any of the forms either article writes it (``Trump`` / ``Donald Trump`` within an entity
  group), a person's surname, a shorter multi-word form (``Play Store`` / ``Google Play
  Store``), or a near spelling (rapidfuzz, ``Amazone`` / ``Amazon``);
- **speakers**: the quoted voices (:mod:`reader.voices`), named ones matched as entities;
- **sources**: what each relies on that is not a quote;
- **dates** and **figures** (:mod:`reader.figures`), matched on the date or the value and
  what it counts.

Everything is plain data; :meth:`Comparison.to_json` gives the dict ``compare --json`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from reader.figures import DateMention, Figure, dates_of, figures_of
from reader.names import NamedEntity, fold, name_match
from reader.voices import Reliance, Voice, entity_name, tidied, voices_of

if TYPE_CHECKING:  # pragma: no cover
    from reader.session import ArticleSession

NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
T = TypeVar("T")


@dataclass(frozen=True)
class DateGroup:
    """One date an article gives, however often and in whatever words."""

    key: str
    texts: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Pair(Generic[T]):
    """The same thing in both articles; ``how`` says how they were matched."""

    left: T
    right: T
    how: str


@dataclass
class Section(Generic[T]):
    """One part of the comparison."""

    both: list[Pair[T]] = field(default_factory=list)
    only_left: list[T] = field(default_factory=list)
    only_right: list[T] = field(default_factory=list)


@dataclass
class Comparison:
    """Two articles compared (see the module docstring)."""

    left: str
    right: str
    left_title: str
    right_title: str
    entities: Section[NamedEntity]
    speakers: Section[Voice]
    sources: Section[Reliance]
    dates: Section[DateGroup]
    figures: Section[Figure]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (schema in ``docs/classroom.md``)."""
        return {
            "left": {"article": self.left, "title": self.left_title},
            "right": {"article": self.right, "title": self.right_title},
            "entities": _section(self.entities, lambda e: {
                "name": e.name, "label": e.label, "count": e.count,
                "spellings": list(e.spellings)}),
            "speakers": _section(self.speakers, lambda v: {
                "name": v.name, "kind": v.kind, "quotes": v.quotes, "words": v.words}),
            "sources": _section(self.sources, lambda r: {
                "name": r.name, "kind": r.kind, "citations": r.citations}),
            "dates": _section(self.dates, lambda d: {
                "key": d.key, "texts": list(d.texts), "count": d.count}),
            "figures": _section(self.figures, lambda f: {
                "text": f.text, "value": f.value, "unit": f.unit, "kind": f.kind,
                "qualifier": f.qualifier}),
        }


def _section(section: Section[Any], item: Any) -> dict[str, Any]:
    return {"both": [{"left": item(p.left), "right": item(p.right), "how": p.how}
                     for p in section.both],
            "only_left": [item(x) for x in section.only_left],
            "only_right": [item(x) for x in section.only_right]}


def pair_up(left: list[T], right: list[T],
            match: Any) -> Section[T]:
    """Pair items one to one, best matches first; the rest is only on one side."""
    scored: list[tuple[int, int, int, str]] = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            found = match(a, b)
            if found is not None:
                scored.append((-found[0], i, j, found[1]))
    section: Section[T] = Section()
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _score, i, j, how in sorted(scored):
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            section.both.append(Pair(left[i], right[j], how))
    section.only_left = [a for i, a in enumerate(left) if i not in used_left]
    section.only_right = [b for j, b in enumerate(right) if j not in used_right]
    return section


# --- what each article has --------------------------------------------------------------------

def entities_of(session: ArticleSession) -> list[NamedEntity]:
    """The article's named entities (not dates or handles), most mentioned first."""
    analysis = session.analysis
    if analysis is None:
        raise RuntimeError("the analysis is not ready")
    found: list[NamedEntity] = []
    for group in analysis.groups:
        if group.label not in NAME_LABELS or not group.mentions:
            continue
        written = [m.text for m in group.mentions]
        written += [tidied(session, m.start, m.end) for m in group.mentions]
        found.append(NamedEntity(entity_name(session, group.mentions[0]), group.label,
                                 group.count, tuple(sorted(set(written)))))
    return sorted(found, key=lambda e: (-e.count, fold(e.name)))


def merge_spellings(entities: list[NamedEntity]) -> list[NamedEntity]:
    """Join groups of one article that are spellings of one name (``Amazone`` beside
    ``Amazon`` when the analysis kept them apart); the most mentioned names the entity.
    Only same names and near spellings join here; surnames and shorter forms pair across
    articles only."""
    merged: list[NamedEntity] = []
    for entity in sorted(entities, key=lambda e: -e.count):
        index = next((i for i, m in enumerate(merged) if (found := name_match(m, entity))
                      and found[1].startswith(("same name", "near spelling"))), None)
        if index is None:
            merged.append(entity)
            continue
        kept = merged[index]
        merged[index] = NamedEntity(kept.name, kept.label, kept.count + entity.count,
                                    tuple(sorted({*kept.spellings, *entity.spellings})))
    return merged


def _as_entity(name: str, kind: str) -> NamedEntity:
    label = {"person": "PER", "organisation": "ORG", "outlet": "ORG"}.get(kind, kind)
    return NamedEntity(name, label, 1, ())


def _voice_match(a: Voice | Reliance, b: Voice | Reliance) -> tuple[int, str] | None:
    if a.kind in ("anonymous", "document") or b.kind in ("anonymous", "document"):
        same = a.kind == b.kind and fold(a.name) == fold(b.name)
        return (100, "same description") if same else None
    return name_match(_as_entity(a.name, a.kind), _as_entity(b.name, b.kind))


def _dates(mentions: list[DateMention]) -> list[DateGroup]:
    by_key: dict[str, list[str]] = {}
    for d in mentions:
        by_key.setdefault(d.key, []).append(d.text)
    return [DateGroup(k, tuple(dict.fromkeys(texts)), len(texts)) for k, texts in by_key.items()]


def _same_key(a: Any, b: Any) -> tuple[int, str] | None:
    return (100, "same") if a.key == b.key else None


def compare_sessions(left: ArticleSession, right: ArticleSession) -> Comparison:
    """Compare two analysed sessions (see the module docstring)."""
    lv, rv = voices_of(left), voices_of(right)
    return Comparison(
        left.article.id, right.article.id, left.article.title, right.article.title,
        pair_up(merge_spellings(entities_of(left)), merge_spellings(entities_of(right)),
                name_match),
        pair_up(lv.voices, rv.voices, _voice_match),
        pair_up(lv.reliances, rv.reliances, _voice_match),
        pair_up(_dates(dates_of(left)), _dates(dates_of(right)), _same_key),
        pair_up(figures_of(left), figures_of(right), _same_key),
    )
