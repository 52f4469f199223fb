"""Guards against a binding bug: PySide6 6.12.0 drops a reference to None on every
QTextCharFormat setter call, so a long reading session eventually crashes the interpreter
("deallocating None"). The reading view calls these setters for every run of text."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument


def test_format_setters_keep_none_alive() -> None:
    fmt = QTextCharFormat()
    colour = QColor("#123456")
    document = QTextDocument()
    cursor = QTextCursor(document)
    for _ in range(50):  # warm any caches first
        fmt.setForeground(colour)
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setForeground(colour)
        fmt.setBackground(colour)
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(12)
        fmt.setFontItalic(True)
        fmt.setFontStrikeOut(True)
        fmt.setToolTip("x")
        cursor.insertText("a", fmt)
    assert sys.getrefcount(None) - before > -100  # 6.12.0 loses about 16,000 here
