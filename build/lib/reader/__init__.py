"""Core of the bilingual annotated reader: articles, spans, analysis, translation and storage.

This package never imports Qt, so it can run headless (``python -m reader``) and in tests
without a display. The desktop app in ``ui/`` is a thin layer on top of it.
"""
