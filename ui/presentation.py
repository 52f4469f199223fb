"""Presentation mode for class (F5, Esc leaves): one paragraph at a time, revealed step by step.

The projector shows the French of one paragraph in very large type on a high-contrast page.
The teacher asks "what looks wrong here?" and reveals, one key press at a time:

- ``Space``: the English of the next sentence (``A`` all of the article's English, ``H`` hides
  it again);
- ``T``: the next tidy-up, struck through with its correction and its reason underneath;
- ``Q``: a quote spotlight, and on the next press its speaker ("who is quoted?").

``→ ↓ PgDn`` and ``← ↑ PgUp`` (what a presenter remote sends) move between paragraphs;
``Ctrl+PgDn/PgUp`` switch article. What has been revealed is kept per article while the
teacher switches between articles. Nothing of the app (panels, dialogs, messages) shows over
the text: the window's messages wait until presentation mode is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from reader.render import GAP, RenderOptions, build_render

PAGE = {"background": "#ffffff", "text": "#000000", "muted": "#3d3d3d",
        "original": "#b00020", "replacement": "#006b2d", "quote": "#ffe14d",
        "english": "#0b3d91"}


@dataclass
class RevealState:
    """What has been shown of one article."""

    paragraph: int = 0
    english: set[int] = field(default_factory=set)
    tidy_ups: list[str] = field(default_factory=list)
    quote: int = -1
    speaker_shown: bool = False


class PresentationView(QWidget):
    """The full-screen class view of the main window's open article.

    Signals:
        left(): the teacher pressed Esc.
        article_step(int): the teacher asked for the next (+1) or previous (-1) article.
    """

    left = Signal()
    article_step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Bilingual Reader — presentation")
        self.setStyleSheet(f"background: {PAGE['background']}; color: {PAGE['text']};")
        self.session: Any = None
        self.states: dict[str, RevealState] = {}
        self.marker = QLabel(self)
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        self.marker.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.text = QTextBrowser(self)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        layout.addWidget(self.marker)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.caption)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- state -------------------------------------------------------------------------------

    @property
    def state(self) -> RevealState:
        """The reveal state of the article on screen."""
        key = self.session.article.id if self.session is not None else ""
        return self.states.setdefault(key, RevealState())

    def show_session(self, session: Any) -> None:
        """Present this article, where the teacher left it."""
        self.session = session
        self.redraw()

    def point_size(self) -> int:
        """Type size for the screen: about 1/22 of its height (48 px at 1080p)."""
        return max(20, self.height() // 22)

    def _paragraphs(self) -> list[Any]:
        return list(self.session.article.paragraphs)  # never empty (see split_paragraphs)

    def _tidy_ups_here(self) -> list[Any]:
        session = self.session
        if session.analysis is None:
            return []
        para = self._paragraphs()[self.state.paragraph]
        return [t for t in sorted(session.analysis.tidy_ups, key=lambda t: t.start)
                if para.start <= t.start < para.end
                and (session.review is None or session.review.decision(t.key) != "rejected")]

    def _quotes_here(self) -> list[Any]:
        session = self.session
        if session.analysis is None:
            return []
        para = self._paragraphs()[self.state.paragraph]
        return [q for q in session.analysis.quotes if para.start <= q.start < para.end
                and q.kind in ("direct", "tweet")]

    # --- keys --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Escape:
            self.left.emit()
        elif ctrl and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.article_step.emit(1 if key == Qt.Key.Key_PageDown else -1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key == Qt.Key.Key_Space:
            self.reveal_english()
        elif key == Qt.Key.Key_A:
            self.state.english = {s.id for s in self.session.sentences}
            self.redraw()
        elif key == Qt.Key.Key_H:
            self.state.english = set()
            self.redraw()
        elif key == Qt.Key.Key_T:
            self.reveal_tidy_up()
        elif key == Qt.Key.Key_Q:
            self.spotlight_quote()
        else:
            super().keyPressEvent(event)

    def step(self, step: int) -> None:
        """Go to the next or previous paragraph."""
        count = len(self._paragraphs())
        state = self.state
        new = max(0, min(count - 1, state.paragraph + step))
        if new != state.paragraph:
            state.paragraph = new
            state.quote, state.speaker_shown = -1, False
        self.redraw()

    def reveal_english(self) -> None:
        """Show the English of the next sentence of this paragraph not shown yet."""
        para = self._paragraphs()[self.state.paragraph]
        hidden = [s.id for s in self.session.sentences
                  if s.paragraph == para.index and s.id not in self.state.english]
        if hidden:
            self.state.english.add(hidden[0])
        self.redraw()

    def reveal_tidy_up(self) -> None:
        """Reveal the next artifact of this paragraph, with its reason."""
        for t in self._tidy_ups_here():
            if t.key not in self.state.tidy_ups:
                self.state.tidy_ups.append(t.key)
                break
        self.redraw()

    def spotlight_quote(self) -> None:
        """Highlight the next quote; the next press names its speaker."""
        quotes = self._quotes_here()
        state = self.state
        if not quotes:
            state.quote = -1
        elif 0 <= state.quote < len(quotes) and not state.speaker_shown:
            state.speaker_shown = True
        else:
            state.quote = (state.quote + 1) % len(quotes)
            state.speaker_shown = False
        self.redraw()

    # --- drawing -----------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the current paragraph with what has been revealed."""
        self.text.clear()
        self.caption.clear()
        if self.session is None or not self._paragraphs():
            return
        size = self.point_size()
        paragraphs = self._paragraphs()
        state = self.state
        state.paragraph = min(state.paragraph, len(paragraphs) - 1)
        para = paragraphs[state.paragraph]
        self.marker.setText(f"§{para.index + 1} of {len(paragraphs)}")  # as in the PDFs
        self.marker.setStyleSheet(f"font-size: {int(size * 0.7)}px; color: {PAGE['muted']};")
        self.caption.setStyleSheet(f"font-size: {int(size * 0.6)}px; color: {PAGE['muted']};")
        model = build_render(self.session, RenderOptions(
            layers=frozenset({"tidyups", "quotes"}), show_english=True))
        rendered = next(p for p in model.paragraphs if p.index == para.index)
        cursor = QTextCursor(self.text.document())
        base = QTextCharFormat()
        base.setFont(QFont(self.font().family(), -1))
        base.setFontPointSize(size * 0.75)
        base.setForeground(QColor(PAGE["text"]))
        if para.kind in ("heading", "headline"):
            base.setFontWeight(QFont.Weight.Bold)
        quotes = self._quotes_here()
        spot = quotes[state.quote] if 0 <= state.quote < len(quotes) else None
        for run in rendered.french:
            revealed = run.tidy_key in state.tidy_ups
            if run.role in ("gap", "replacement") and not revealed:
                continue
            fmt = QTextCharFormat(base)
            if run.role == "replacement":
                fmt.setForeground(QColor(PAGE["replacement"]))
                fmt.setFontUnderline(True)
            elif run.role == "gap":
                pass
            elif revealed and run.tidy == "original":
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor(PAGE["original"]))
            elif revealed and run.tidy == "flagged":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(PAGE["original"]))
            if spot is not None and run.source_start is not None \
                    and spot.start <= run.source_start < spot.end:
                fmt.setBackground(QColor(PAGE["quote"]))
            cursor.insertText(run.text if run.role != "gap" else GAP, fmt)
        shown = [e for e in rendered.english if e.sentence_id in state.english and not e.missing]
        if shown:
            cursor.insertBlock()
            cursor.insertBlock()
            english = QTextCharFormat(base)
            english.setFontPointSize(size * 0.6)
            english.setForeground(QColor(PAGE["english"]))
            english.setFontItalic(True)
            cursor.insertText(" ".join("".join(r.text for r in e.runs if r.role == "text")
                                       for e in shown), english)
        self.caption.setText(self._caption(spot))

    def _caption(self, spot: Any) -> str:
        lines = []
        by_key = {t.key: t for t in self._tidy_ups_here()}
        for key in self.state.tidy_ups:
            t = by_key.get(key)
            if t is None:
                continue
            change = (f"{t.original.strip()} → {t.replacement.strip() or '(removed)'}"
                      if t.replacement is not None else f"“{t.original.strip()}”")
            lines.append(f"{change}: {t.reason}")
        if spot is not None:
            lines.append(f"Who is quoted? {spot.speaker or 'unattributed'}"
                         + (f" ({spot.cue})" if spot.cue else "")
                         if self.state.speaker_shown else "Who is quoted here?")
        return "\n".join(lines)
