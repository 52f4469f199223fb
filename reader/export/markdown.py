"""Markdown exports: the annotations (as Calibre and Zotero export highlights) and the
bilingual text, paragraph by paragraph, French then English.

Text from the article and from the reader is escaped so that HTML in it shows as text and is
never rendered as markup by a Markdown viewer.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.annotations import Annotation
from reader.export.files import write_atomically
from reader.render import RenderOptions, build_render, plain_text
from reader.session import ArticleSession

COLOUR_SIGNS = {"yellow": "🟨", "green": "🟩", "blue": "🟦", "red": "🟥", "purple": "🟪"}


def escape(text: str) -> str:
    """Text safe to put in Markdown: no raw HTML, no accidental emphasis at line starts."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote_block(text: str) -> str:
    return "\n".join("> " + escape(line).strip() if line.strip() else ">"
                     for line in text.splitlines() or [""])


def _header(session: ArticleSession, what: str) -> list[str]:
    article = session.article
    bits = [article.date or "undated", article.origin or article.id]
    return [f"# {escape(article.title)}", "", f"*{what} · {' · '.join(escape(b) for b in bits)}*"]


def paragraph_label(session: ArticleSession, annotation: Annotation) -> str:
    """``§n`` of the paragraph an annotation is in (an English one: its sentence's)."""
    start, _end = session.french_anchor(annotation)
    para = session.article.paragraph_at(start)
    return f"§{para.index + 1}" if para is not None else "§–"


def annotations_markdown(session: ArticleSession, english: bool = True) -> str:
    """Every annotation of the session in reading order, as a Markdown document."""
    chosen = [a for a in session.annotations if english or a.side == "fr"]
    chosen.sort(key=lambda a: (session.french_anchor(a)[0], a.side != "fr", a.start))
    lines = _header(session, f"{len(chosen)} annotations")
    for a in chosen:
        side = "French" if a.side == "fr" else "English"
        heading = f"## {paragraph_label(session, a)} · {side} · {COLOUR_SIGNS[a.colour]} {a.colour}"
        lines += ["", heading, "", _quote_block(a.quote)]
        if a.side == "en":
            anchor = session.english_anchor(a)
            if anchor is None or anchor[1]:
                lines += ["", "*The English of this sentence has changed since this "
                          "highlight was made.*"]
        if a.has_note:
            lines += [""] + [escape(line) for line in a.note.strip().splitlines()]
        if a.tags:
            lines += ["", "Tags: " + " ".join(f"#{escape(t)}" for t in a.tags)]
    return "\n".join(lines) + "\n"


def bilingual_markdown(session: ArticleSession, english: bool = True) -> str:
    """The article as the reader reads it: numbered paragraphs, French (with accepted
    tidy-ups applied) then English."""
    model = build_render(session, RenderOptions(layers=frozenset({"tidyups"}),
                                                fixes_inline=False, show_english=english))
    lines = _header(session, "French" + (" and English" if english else ""))
    for para in model.paragraphs:
        label = f"§{para.index + 1}"
        french = escape(" ".join(plain_text(para.french).split()))
        english_text = " ".join(" ".join(plain_text(e.runs).split())
                                for e in para.english if not e.missing)
        if para.kind in ("heading", "headline"):
            lines += ["", f"## {label} {french}"]
            if english_text:
                lines += ["", f"*{escape(english_text)}*"]
            continue
        lines += ["", f"**{label}** {french}"]
        if english_text:
            lines += ["", f"> {escape(english_text)}"]
        elif english and para.english:
            lines += ["", "> *(no English yet)*"]
    return "\n".join(lines) + "\n"


def export_annotations_markdown(session: ArticleSession, path: str | os.PathLike[str],
                                english: bool = True) -> Path:
    """Write :func:`annotations_markdown` to ``path`` (safely; see ``files``)."""
    return write_atomically(path, annotations_markdown(session, english).encode("utf-8"))


def export_bilingual_markdown(session: ArticleSession, path: str | os.PathLike[str],
                              english: bool = True) -> Path:
    """Write :func:`bilingual_markdown` to ``path`` (safely; see ``files``)."""
    return write_atomically(path, bilingual_markdown(session, english).encode("utf-8"))
