"""Both themes meet WCAG AA for text, computed from the theme files and measured on the
rendered widgets after a theme switch while the app runs."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ui.theme import (
    AA_TEXT,
    apply_theme,
    contrast_ratio,
    relative_luminance,
    text_pairs,
    theme_named,
)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_text_colour_pair_meets_aa(name: str) -> None:
    failures = []
    for foreground, background, where, ratio in text_pairs(theme_named(name)):
        print(f"{name:5} {ratio:5.2f}:1  {foreground} on {background}  {where}")
        if ratio < AA_TEXT:
            failures.append(f"{where}: {foreground} on {background} is {ratio:.2f}:1")
    assert not failures, failures


def test_contrast_formula_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # the column headings the issue measured: #B8B8B8 on #F6F5F2
    assert contrast_ratio("#b8b8b8", "#f6f5f2") == pytest.approx(1.9, abs=0.1)


def rendered_colours(widget) -> tuple[str, float]:
    """A widget as drawn on screen: its commonest colour (the background) and the contrast
    between it and the pixel that differs most from it (the text)."""
    image = widget.grab().toImage()
    counts: Counter[int] = Counter(image.pixel(x, y) for x in range(image.width())
                                   for y in range(image.height()))
    background = QColor.fromRgb(counts.most_common(1)[0][0]).name()
    return background, max(contrast_ratio(QColor.fromRgb(p).name(), background)
                           for p in counts)


def _visible_text_widgets(win):
    return {
        "article title": win.title,
        "Français heading": win.column_labels[0],
        "English heading": win.column_labels[1],
        "Tidy-ups heading": win.aids.tidy_ups.heading,
        "message bar": win.messages,
    }


def test_widgets_follow_a_live_theme_switch(app_window, qtbot) -> None:
    win = app_window
    apply_theme(QApplication.instance(), win.theme)  # as the app does at start-up
    win.messages.show_message("Imported “Test” (12 words).", "info")
    win.aids.tabs.setCurrentWidget(win.aids.tidy_ups)
    for dark in (True, False, True):
        win.dark_action.setChecked(dark)
        qtbot.wait(50)
        for name, widget in _visible_text_widgets(win).items():
            background, ratio = rendered_colours(widget)
            print(f"{'dark' if dark else 'light'}: {name} {ratio:.2f}:1 on {background}")
            assert ratio >= AA_TEXT, f"{name} after switching to {'dark' if dark else 'light'}"
            # and it follows the theme: dark ground in the dark theme, light in the light
            assert (relative_luminance(background) < 0.2) == dark, name
    win.dark_action.setChecked(False)
