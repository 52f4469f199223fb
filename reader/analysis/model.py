"""What the analysis finds in an article: entities, quotes, sources and tidy-up suggestions.

Every finding is standoff: ``start``/``end`` are offsets into the article's immutable source
text. The dataclasses are plain and frozen so the UI can carry them across threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Entity labels and their names for readers, declared once for the window, the PDF legend and
# the exports. Their colours are data, in resources/themes.json.
LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "HANDLE", "HASHTAG")
LABEL_NAMES = {
    "PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other names",
    "DATE": "Dates", "HANDLE": "@handles", "HASHTAG": "#hashtags",
}
# Tidy-up classes in priority order, declared once: when two suggestions overlap, or two
# accepted edits clash, the earlier class wins; panels and appendices list them in this order.
TIDY_UP_CLASSES = ("boilerplate", "literal-name", "name-variant", "calque", "typography")
TIDY_UP_RANK = {cls: rank for rank, cls in enumerate(TIDY_UP_CLASSES)}
TIDY_UP_CLASS_NAMES = {
    "boilerplate": "Boilerplate (credits, tweet residue, headers)",
    "literal-name": "Names translated as words",
    "name-variant": "Misspelt names",
    "calque": "Word-for-word English idioms",
    "typography": "Typography",
}


@dataclass(frozen=True)
class Entity:
    """One mention of a named thing. ``group`` is the id of its :class:`EntityGroup`."""

    start: int
    end: int
    text: str
    label: str
    group: int = -1


@dataclass(frozen=True)
class EntityGroup:
    """All mentions of one entity (``Donald Trump``/``Trump``, ``Amazon Web Services``/``AWS``)."""

    id: int
    label: str
    name: str
    count: int
    mentions: tuple[Entity, ...]


@dataclass(frozen=True)
class Quote:
    """A quoted passage, who said it (``speaker``) and the words that say so (``cue``).

    ``kind`` is ``direct`` (a quotation), ``tweet`` (an embedded tweet's text) or ``term``
    (a short expression in quotation marks with nobody quoted: scare quotes, slogans).
    """

    start: int
    end: int
    text: str
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str
    cue_span: tuple[int, int] | None
    kind: str
    sentence_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Source:
    """An outlet or document the article relies on (``selon le Washington Post``)."""

    name: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class TidyUp:
    """A suggested repair of an OCR or machine-translation artifact.

    ``replacement`` is None when the suggestion only explains (a calque is flagged, not
    rewritten). ``cls`` is one of :data:`TIDY_UP_CLASSES`.
    """

    start: int
    end: int
    original: str
    replacement: str | None
    cls: str
    reason: str

    @property
    def key(self) -> str:
        """Stable identity of the suggestion, used to store decisions."""
        return f"{self.cls}:{self.start}:{self.end}"


@dataclass
class Analysis:
    """Everything :func:`reader.analysis.analyze` found in one article."""

    article_id: str
    entities: list[Entity] = field(default_factory=list)
    groups: list[EntityGroup] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    tidy_ups: list[TidyUp] = field(default_factory=list)

    def group(self, group_id: int) -> EntityGroup | None:
        """The entity group with this id."""
        for g in self.groups:
            if g.id == group_id:
                return g
        return None

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Entity mentions lying inside ``[start, end)`` (e.g. one sentence)."""
        return [e for e in self.entities if start <= e.start and e.end <= end]
