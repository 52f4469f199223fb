"""An analysed seed article with English and annotations, shared by the export tests.

The English is inserted directly (no model needed): one sentence per French sentence, each
with a guillemet and a typographic apostrophe so copy-and-paste checks see them.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.annotations import COLOUR_NAMES, Annotation
from reader.corpus import ensure_bundled
from reader.session import ArticleSession, open_session
from reader.session_english import SentenceEnglish
from reader.storage import Library

ARTICLE = "003_71c21fd2b98fa41d"
WORD = re.compile(r"\w+(?:[’']\w+)*")


def english_for(sid: int) -> str:
    return f"English sentence {sid} tells how the reader’s « note » travels."


@dataclass
class Annotated:
    """The session, and what was made on it."""

    session: ArticleSession
    french: list[Annotation]
    english: list[Annotation]
    changed: Annotation

    @property
    def drawable(self) -> list[Annotation]:
        """Highlights that must appear as PDF /Highlight annotations."""
        return self.french + self.english


def word_range(source: str, start: int, words: int) -> tuple[int, int]:
    """Source range of ``words`` whole words from the first word at or after ``start``."""
    found = [m for m in WORD.finditer(source) if m.start() >= start][:words]
    return found[0].start(), found[-1].end()


def build_annotated(library: Library) -> Annotated:
    ensure_bundled(library)
    session = open_session(library, ARTICLE)
    session.set_english([SentenceEnglish(s.id, english_for(s.id)) for s in session.sentences])
    source = session.article.source
    body = [p for p in session.article.paragraphs if p.kind == "body"]
    notes = ["Pourquoi « quitter » ici ? Voir §2.", "", "A teacher’s note:\nsecond line", "",
             "Très intéressant — à citer", "", "Compare with the English"]
    french = []
    for n, para in enumerate(body[:7]):
        start, end = word_range(source, para.start + 15 * (n % 3), 3 + 2 * (n % 4))
        french.append(session.highlight_french(start, end, COLOUR_NAMES[n % 5], notes[n],
                                               ["cours", "#lexique"] if n == 2 else []))
    english = []
    for sid, (lo, hi), note in ((2, (0, 16), "EN note on sentence two"), (9, (17, 32), "")):
        english.append(session.highlight_english(sid, lo, hi, "purple", note))
    changed = session.highlight_english(12, 0, 16, "red")
    session.set_english([SentenceEnglish(12, "A retranslated sentence twelve.")])
    return Annotated(session, french, english, changed)


@pytest.fixture(scope="package")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> Annotated:
    """The seed article 003, analysed, with English, 7 French and 3 English highlights."""
    library = Library(tmp_path_factory.mktemp("export-lib") / "library.db")
    return build_annotated(library)


def pdftotext(path: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """Whitespace collapsed (line breaks in the PDF are not in the article)."""
    return " ".join(text.split())
