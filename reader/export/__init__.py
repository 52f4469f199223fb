"""Exports of one article session: the annotated bilingual PDF, Markdown and JSON.

Every exporter reads an :class:`reader.session.ArticleSession` (the PDF through the render
model the reading view paints), so the app's export dialog and ``python -m reader export``
produce the same files. Files are written to a temporary name and renamed
(:mod:`reader.export.files`); failures raise :class:`ExportError` with a clear message.
"""

from __future__ import annotations

from reader.export.files import ExportCancelled, ExportError

__all__ = ["ExportCancelled", "ExportError"]
