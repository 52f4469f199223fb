"""The full-width parts of the PDF: title block, legend, endnotes and appendices.

Endnotes list every note of the render model by its number (the markers in the text), with
the paragraph it is in and the words it is on. Appendices list the quotes (French, English,
speaker, cue), the sources cited, and every tidy-up suggestion with its decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.analysis.model import LABEL_NAMES
from reader.annotations import COLOURS, Annotation
from reader.export.fonts import FontSet
from reader.export.lines import Piece, Style, WidthCache, break_lines
from reader.export.pages import Composer
from reader.export.styles import TextStyles, entity_colour, light_theme
from reader.render import RenderModel, TextRun
from reader.session import ArticleSession

SMALL = 8.4


@dataclass
class Flow:
    """What every part of the PDF is set with: the page composer, fonts and the session."""

    composer: Composer
    fonts: FontSet
    width: WidthCache
    session: ArticleSession
    model: RenderModel
    english_hidden: bool

    def styles(self, size: float = SMALL, **kw: object) -> TextStyles:
        """Text styles at ``size`` (``bold``, ``italic``, ``colour`` as keywords)."""
        return TextStyles(self.fonts, size, **kw)  # type: ignore[arg-type]

    def text(self, pieces: list[Piece], leading: float, indent: float = 0.0,
             hanging: float = 0.0) -> None:
        """A full-width paragraph; ``hanging`` indents every line after the first."""
        frame = self.composer.frame
        x = frame.left + indent
        lines = break_lines(pieces, frame.inner - indent - hanging, self.width)
        self.composer.block(lines[:1], x, leading)
        self.composer.block(lines[1:], x + hanging, leading)

    def heading(self, title: str) -> None:
        """A section title, kept with at least three lines of what follows."""
        self.composer.space(10)
        self.composer.ensure(16 + 3 * 11)
        self.text([Piece(title, self.styles(11, bold=True, colour="#3a3631").base())], 16)
        self.composer.space(2)

    def paragraph_number(self, offset: int) -> str:
        """``§n`` of the paragraph holding a source offset."""
        para = self.session.article.paragraph_at(offset)
        return f"§{para.index + 1}" if para is not None else "§–"

    def title_block(self, session: ArticleSession) -> None:
        """Title, then date · source · words."""
        article = session.article
        self.text([Piece(self.model.title, self.styles(16, bold=True).base())], 20)
        bits = [article.date or "undated", article.origin or article.id,
                f"{article.word_count} words"]
        self.composer.space(2)
        self.text([Piece(" · ".join(bits), self.styles(8.5, colour="#7a746b").base())], 11)
        self.composer.space(6)


def _swatch(flow: Flow, label: str, colour: str) -> list[Piece]:
    base = flow.styles(7.8).base()
    return [Piece(f"\u00a0{label}\u00a0", replace(base, background=colour)), Piece("  ", base)]


def legend(flow: Flow, model: RenderModel) -> None:
    """What the colours and marks mean, for the layers that are shown."""
    layers = model.options.layers
    runs = [r for p in model.paragraphs for r in p.french] + \
        [r for p in model.paragraphs for e in p.english for r in e.runs]
    lead = flow.styles(7.8, bold=True, colour="#7a746b").base()
    if "entities" in layers:
        used = {r.entity for r in runs if r.entity}
        labels = [k for k in LABEL_NAMES if k in used] + sorted(used - set(LABEL_NAMES))
        if labels:
            pieces = [Piece("Entities  ", lead)]
            for label in labels:
                pieces += _swatch(flow, LABEL_NAMES.get(label, label), entity_colour(label))
            flow.text(pieces, 12)
    if "highlights" in layers:
        used_colours = {r.highlight for r in runs if r.highlight}
        if used_colours:
            pieces = [Piece("Highlights  ", lead)]
            for name in COLOURS:
                if name in used_colours:
                    pieces += _swatch(flow, name, COLOURS[name])
            flow.text(pieces, 12)
    if "tidyups" in layers and any(r.tidy or r.role == "replacement" for r in runs):
        theme = light_theme()
        base = flow.styles(7.8).base()
        flow.text([Piece("Tidy-ups  ", lead),
                   Piece("original", replace(base, colour=theme["tidy_original"],
                                             strike=theme["tidy_original"])),
                   Piece(" then ", base),
                   Piece("correction", replace(base, colour=theme["tidy_replacement"],
                                               underline=theme["tidy_replacement"])),
                   Piece(" (accepted) · ", base),
                   Piece("suggestion", replace(base, colour=theme["calque"],
                                               underline=theme["calque"])),
                   Piece(" (not yet accepted) · ", base),
                   Piece("explained", replace(base, underline=theme["calque"], dashed=True)),
                   Piece(" (kept, see the appendix)", base)], 12)
    if "notes" in layers and model.notes:
        flow.text([Piece("Notes  ", lead),
                   Piece("raised numbers refer to the notes after the text", flow.styles(
                       7.8).base())], 12)


def _quote_piece(flow: Flow, text: str, colour: str, style: Style) -> Piece:
    short = text if len(text) <= 160 else text[:157].rstrip() + "…"
    return Piece(f"“{short}”", replace(style, background=COLOURS.get(colour, "")))


def endnotes(flow: Flow) -> None:
    """The notes, by number, then highlights on English that changed since."""
    model = flow.model
    if "notes" not in model.options.layers:
        return
    refs = [r for r in model.notes if r.annotation.side == "fr" or not flow.english_hidden]
    if refs:
        flow.heading("Notes")
    styles = flow.styles(SMALL)
    marker = flow.styles(SMALL, bold=True, colour="#1d4f91").base()
    muted = flow.styles(SMALL, italic=True, colour="#7a746b").base()
    for ref in refs:
        a = ref.annotation
        where = flow.paragraph_number(flow.session.french_anchor(a)[0])
        side = "" if a.side == "fr" else " EN"
        pieces = [Piece(f"[{ref.number}] ", marker), Piece(f"{where}{side}  ", muted),
                  _quote_piece(flow, a.quote, a.colour, flow.styles(SMALL, italic=True).base()),
                  Piece(" — ", styles.base())]
        pieces += _note_pieces(a, styles.base(), muted)
        if ref.english_changed:
            pieces.append(Piece("  (the English has changed since this note was made)", muted))
        flow.text(pieces, 11, hanging=18)
        flow.composer.space(2.5)
    changed = _changed_english_highlights(flow)
    if changed:
        flow.heading("Highlights on English that has changed")
        for a in changed:
            where = flow.paragraph_number(flow.session.french_anchor(a)[0])
            flow.text([Piece(f"{where} EN  ", muted),
                       _quote_piece(flow, a.quote, a.colour, flow.styles(SMALL).base()),
                       Piece("  was highlighted on an earlier English text of this sentence.",
                             muted)], 11, hanging=18)


def _note_pieces(a: Annotation, base: Style, muted: Style) -> list[Piece]:
    pieces = [Piece(a.note.strip().replace("\n", " "), base)]
    if a.tags:
        pieces.append(Piece("  " + " ".join(f"#{t}" for t in a.tags), muted))
    return pieces


def _changed_english_highlights(flow: Flow) -> list[Annotation]:
    """English highlights (without a note) whose English changed: no quads, listed here."""
    if flow.english_hidden or "highlights" not in flow.model.options.layers:
        return []
    runs: list[TextRun] = [r for p in flow.model.paragraphs for e in p.english
                           for r in e.runs if r.english_changed and r.annotation_ids]
    ids = {i for r in runs for i in r.annotation_ids}
    return [a for a in flow.session.annotations if a.id in ids and not a.has_note]


def appendices(flow: Flow) -> None:
    """Quotes, sources and tidy-ups, each when the analysis has some."""
    analysis = flow.session.analysis
    if analysis is None:
        return
    layers = flow.model.options.layers
    body = flow.styles(SMALL).base()
    muted = flow.styles(SMALL, italic=True, colour="#7a746b").base()
    bold = flow.styles(SMALL, bold=True).base()
    if "quotes" in layers and analysis.quotes:
        flow.heading("Appendix A · Quotes")
        for q in analysis.quotes:
            flow.text([Piece(f"{flow.paragraph_number(q.start)}  ", muted),
                       Piece(q.text.strip(), body)], 11, hanging=18)
            english = "" if flow.english_hidden else flow.session.quote_english(q)
            if english:
                flow.text([Piece("EN  ", muted), Piece(english, body)], 11, indent=18)
            who = [Piece("speaker ", muted), Piece(q.speaker or "unknown", bold)]
            if q.cue:
                who += [Piece("   cue ", muted), Piece(q.cue, body)]
            who.append(Piece(f"   {q.kind}", muted))
            flow.text(who, 11, indent=18)
            flow.composer.space(3)
    if analysis.sources:
        flow.heading("Appendix B · Sources cited")
        for s in analysis.sources:
            flow.text([Piece(f"{flow.paragraph_number(s.start)}  ", muted),
                       Piece(s.name, bold), Piece(f"  ({s.cue})" if s.cue else "", muted)],
                      11, hanging=18)
    if "tidyups" in layers and analysis.tidy_ups:
        flow.heading("Appendix C · Tidy-ups")
        review = flow.session.review
        for t in analysis.tidy_ups:
            state = (review.decision(t.key) if review is not None else None) or "pending"
            fix = "(kept, explained)" if t.replacement is None else \
                f"“{t.replacement}”" if t.replacement.strip() else "(removed)"
            flow.text([Piece(f"{flow.paragraph_number(t.start)}  ", muted),
                       Piece(f"“{t.original}”", body), Piece(" → ", muted),
                       Piece(fix, bold), Piece(f"   {t.cls} · {state}", muted)],
                      11, hanging=18)
            flow.text([Piece(t.reason, muted)], 10.5, indent=18)
            flow.composer.space(2)
