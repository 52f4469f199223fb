"""Widths of the library (left) and reading-aid panels (right) around the reading columns.

The reading columns come first: when the window is too narrow for both panels at the width
the reader gave them, the panels first shrink towards a minimum, then the right one folds
away, then the library, so each reading column keeps room for a readable line. They come
back when the window grows. The reader can still drag a splitter, or show and hide either
panel from the View menu; those choices are remembered (see :mod:`ui.options`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSplitter

LIBRARY, READING, SIDE = 0, 1, 2
MIN_READING = 560  # px: two columns of ~35 characters at the default size
MINIMUM = {LIBRARY: 170, SIDE: 240}


def fit_panels(total: int, wanted: dict[int, int], min_reading: int = MIN_READING,
               minimum: dict[int, int] | None = None) -> dict[int, int]:
    """Widths for the shown panels (index → px) in a splitter ``total`` px wide.

    ``wanted`` holds the panels the reader wants shown and their preferred widths. Panels
    shrink proportionally down to ``minimum`` before one is dropped: first the right-hand
    panel, then the library. A dropped panel is absent from the result.
    """
    minimum = MINIMUM if minimum is None else minimum
    shown = {i: max(w, minimum.get(i, 0)) for i, w in wanted.items()}
    room = total - min_reading
    for drop in (SIDE, LIBRARY, None):
        need = sum(shown.values())
        if need <= room:
            return shown
        floor = sum(minimum.get(i, 0) for i in shown)
        if floor <= room and need > floor:
            spare = room - floor
            return {i: minimum.get(i, 0) + (w - minimum.get(i, 0)) * spare // (need - floor)
                    for i, w in shown.items()}
        if drop is not None:
            shown.pop(drop, None)
    return shown


class PanelLayout(QObject):
    """Keeps the main splitter's panels fitted to the window and remembers the reader's
    choices (shown or not, preferred width).

    Signals:
        shown_changed(int, bool): the reader showed or hid a panel (also by dragging it shut).
    """

    shown_changed = Signal(int, bool)

    def __init__(self, splitter: QSplitter, prefs: Any) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.prefs = prefs
        self.widths = {LIBRARY: prefs.get("library_width"), SIDE: prefs.get("side_width")}
        self.shown = {LIBRARY: prefs.get("show_library"), SIDE: prefs.get("show_side_panels")}
        splitter.setChildrenCollapsible(True)
        splitter.setCollapsible(READING, False)
        splitter.setStretchFactor(READING, 1)
        splitter.splitterMoved.connect(self._dragged)

    def has_side(self) -> bool:
        widget = self.splitter.widget(SIDE)
        return isinstance(widget, QSplitter) and widget.count() > 0

    def fit(self) -> None:
        """Set the splitter sizes for the current width."""
        # The splitter's sizes share its width minus the handles between the widgets.
        handles = self.splitter.handleWidth() * (self.splitter.count() - 1)
        total = self.splitter.width() - handles
        if total <= 0:
            return
        wanted = {i: self.widths[i] for i in (LIBRARY, SIDE)
                  if self.shown[i] and (i != SIDE or self.has_side())}
        widths = fit_panels(total, wanted)
        sizes = [widths.get(LIBRARY, 0), 0, widths.get(SIDE, 0)]
        sizes[READING] = max(0, total - sizes[LIBRARY] - sizes[SIDE])
        self.splitter.setSizes(sizes)

    def visible(self, panel: int) -> bool:
        """Is the panel on screen now (shown and not folded away for room)?"""
        return self.splitter.sizes()[panel] > 0

    def set_shown(self, panel: int, shown: bool) -> None:
        """Show or hide a panel by the reader's choice (remembered)."""
        changed = self.shown[panel] != shown
        self.shown[panel] = shown
        self.prefs.set("show_library" if panel == LIBRARY else "show_side_panels", shown)
        self.fit()
        if changed:
            self.shown_changed.emit(panel, shown)

    def _dragged(self, _pos: int, handle: int) -> None:
        sizes = self.splitter.sizes()
        panel = LIBRARY if handle == 1 else SIDE
        if sizes[panel] == 0 and self.shown[panel]:  # dragged shut: the reader hid it
            self.shown[panel] = False
            self.prefs.set("show_library" if panel == LIBRARY else "show_side_panels", False)
            self.shown_changed.emit(panel, False)
        for panel, key in ((LIBRARY, "library_width"), (SIDE, "side_width")):
            if sizes[panel] > 0:
                self.widths[panel] = sizes[panel]
                self.prefs.set(key, sizes[panel])
