"""How each layer of the render model looks on paper: run → styled :class:`Piece`.

The colours are the app's light theme (``resources/themes.json``) and the highlight colours
of :data:`reader.annotations.COLOURS`, so paper and screen agree. Entities get their tint
behind the text; a user highlight, drawn in its own colour, takes precedence over the tint.
Tidy-ups look as in the app: the original struck through, then the correction underlined.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reader.annotations import COLOURS
from reader.export.fonts import FontSet
from reader.export.lines import Piece, Style
from reader.render import TextRun
from reader.themes import resolve_theme

NOTE_COLOUR = "#1d4f91"


def light_theme() -> dict[str, Any]:
    """The app's light theme colours (paper is light)."""
    return resolve_theme("light")[1]


def entity_colour(label: str) -> str:
    """The tint of an entity label (MISC for labels the theme does not know)."""
    entities = light_theme()["entities"]
    return str(entities.get(label, entities["MISC"]))


@dataclass(frozen=True)
class TextStyles:
    """The styles of one kind of paragraph (body, heading, caption…) at one size."""

    fonts: FontSet
    size: float
    bold: bool = False
    italic: bool = False
    colour: str = ""

    def base(self) -> Style:
        """Plain text of this kind."""
        theme = light_theme()
        font = self.fonts.bold if self.bold else self.fonts.italic if self.italic else \
            self.fonts.regular
        return Style(font, self.size, self.colour or str(theme["text"]))

    def muted(self) -> Style:
        """Secondary text (placeholders, signs)."""
        return Style(self.fonts.italic, self.size, str(light_theme()["muted"]))

    def marker(self) -> Style:
        """A raised note number."""
        return Style(self.fonts.bold, round(self.size * 0.72, 2), NOTE_COLOUR,
                     rise=round(self.size * 0.38, 2))

    def run(self, run: TextRun) -> Piece:
        """The piece that draws one render run."""
        theme = light_theme()
        ids = run.annotation_ids if run.highlight else ()
        if run.role == "note":
            return Piece(run.text, self.marker() if run.note_number is not None else
                         replace(self.muted(), colour=str(theme["calque"])))
        if run.role in ("edited", "placeholder"):
            return Piece(run.text, self.muted())
        style = self.base()
        if run.highlight:
            style = replace(style, background=COLOURS[run.highlight])
        elif run.entity:
            style = replace(style, background=entity_colour(run.entity))
        if run.role == "replacement":
            colour = theme["tidy_replacement"] if run.tidy_state == "accepted" else \
                theme["calque"]
            style = replace(style, colour=str(colour), underline=str(colour))
        elif run.tidy == "original":
            style = replace(style, colour=str(theme["tidy_original"]),
                            strike=str(theme["tidy_original"]))
        elif run.tidy == "flagged":
            style = replace(style, underline=str(theme["calque"]), dashed=True)
        return Piece(run.text, style, ids)

    def pieces(self, runs: tuple[TextRun, ...] | list[TextRun]) -> list[Piece]:
        """Pieces of a list of runs."""
        return [self.run(r) for r in runs if r.text]
