"""The quote panel: who is quoted, saying what, in French and English; and the sources.

For the media-literacy questions "who is quoted, and who is not?" and "on whose word?".
Clicking a quote or a source jumps to it in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import Quote, Source

KIND_NAMES = {"direct": "quote", "tweet": "tweet", "term": "term in quotation marks"}


def _quoted(text: str) -> str:
    """The quote with its own quotation marks, adding guillemets only where it has none."""
    text = text.strip()
    if text[:1] in "«“\"" or text[-1:] in "»”\"":
        return text
    return f"« {text} »"


class QuotePanel(QTabWidget):
    """Tabs: Quotes (speaker, cue, French, English) and Sources.

    Signals:
        range_chosen(int, int): source range to show in the text.
    """

    range_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quotes: list[Quote] = []
        self.sources: list[Source] = []
        self.show_english = True
        self._english_of: Callable[[Quote], str] = lambda q: ""
        self.quote_list = QListWidget(self)
        self.quote_list.setWordWrap(True)
        self.quote_list.setAlternatingRowColors(True)
        self.quote_list.setSpacing(3)
        self.source_list = QListWidget(self)
        self.source_list.setWordWrap(True)
        self.source_list.setSpacing(3)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        quotes_page = QWidget(self)
        layout = QVBoxLayout(quotes_page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.quote_list, 1)
        self.addTab(quotes_page, "Quotes")
        self.addTab(self.source_list, "Sources")
        for widget in (self.quote_list, self.source_list):
            widget.itemClicked.connect(self._clicked)
            widget.itemActivated.connect(self._clicked)

    def set_content(self, quotes: Sequence[Quote], sources: Sequence[Source],
                    english_of: Callable[[Quote], str]) -> None:
        """Fill both lists. ``english_of`` gives a quote's English counterpart (or '')."""
        self.quotes = list(quotes)
        self.sources = list(sources)
        self._english_of = english_of
        self.quote_list.clear()
        speakers: dict[str, int] = {}
        for quote in self.quotes:
            if quote.kind == "term":
                continue
            speaker = quote.speaker or "unattributed"
            speakers[speaker] = speakers.get(speaker, 0) + 1
            english = english_of(quote)
            lines = [f"{speaker} — {quote.cue or KIND_NAMES.get(quote.kind, quote.kind)}",
                     f"FR: {_quoted(quote.text)}"]
            if self.show_english:
                lines.append(f"EN: {english}" if english else "EN: (not translated yet)")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, (quote.start, quote.end))
            item.setToolTip(f"{KIND_NAMES.get(quote.kind, quote.kind)} · {speaker}")
            self.quote_list.addItem(item)
        names = ", ".join(f"{name} ({n})" for name, n in
                          sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0])))
        self.summary.setText(f"Quoted: {names}" if names else "Nobody is quoted directly.")
        self.source_list.clear()
        for source in self.sources:
            item = QListWidgetItem(f"{source.name}\n{source.cue}")
            item.setData(Qt.ItemDataRole.UserRole, (source.start, source.end))
            self.source_list.addItem(item)
        self.setTabText(0, f"Quotes ({self.quote_list.count()})")
        self.setTabText(1, f"Sources ({len(self.sources)})")

    def set_analysing(self) -> None:
        """The analysis is running: empty lists that do not claim nobody is quoted."""
        self.set_content([], [], lambda q: "")
        self.summary.setText("Finding quotes… (the article is being analysed)")

    def set_show_english(self, visible: bool) -> None:
        """Show or hide the English of each quote (hidden while the class works in French)."""
        self.show_english = visible
        self.set_content(self.quotes, self.sources, self._english_of)

    def _clicked(self, item: QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        self.range_chosen.emit(int(start), int(end))
