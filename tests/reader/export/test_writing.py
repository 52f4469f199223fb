"""Writing exports safely: clear errors, no partial file, progress and cancel, font fallback."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from reader.export import fonts
from reader.export.files import ExportCancelled, ExportError, write_atomically
from reader.export.pdf import PdfOptions, export_pdf
from tests.reader.export.conftest import Annotated


def test_missing_folder_is_a_clear_error(annotated: Annotated, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(annotated.session, tmp_path / "nope" / "out.pdf")
    with pytest.raises(ExportError, match="is a folder"):
        export_pdf(annotated.session, tmp_path)


def test_read_only_folder_is_a_clear_error(annotated: Annotated, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root ignores modes: use the read-only /sys instead
        folder = Path("/sys")
    with pytest.raises(ExportError, match="No permission to write in"):
        export_pdf(annotated.session, folder / "out.pdf")
    assert not (folder / "out.pdf").exists()


def test_full_disk_leaves_no_partial_file_and_keeps_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notes.pdf"
    target.write_bytes(b"the previous export")
    real_write = os.write
    calls = []

    def full_disk(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:1000])  # a short write, then the disk is full

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(ExportError, match="disk is full"):
        write_atomically(target, b"x" * 5000)
    monkeypatch.undo()
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.pdf"]


def test_cancel_mid_export_leaves_no_file(annotated: Annotated, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(annotated.session, target, progress=lambda d, t: seen.append((d, t)),
                   is_cancelled=lambda: len(seen) >= 5)
    assert len(seen) == 5
    assert list(tmp_path.iterdir()) == []


def test_progress_rises_to_the_total(annotated: Annotated, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_pdf(annotated.session, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _t in seen]
    assert done == sorted(done) and len(seen) > 10
    assert len({t for _d, t in seen}) == 1 and done[-1] == seen[-1][1]


def test_without_dejavu_the_shipped_font_is_embedded(annotated: Annotated, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "DEJAVU_DIRS", (tmp_path / "no-fonts",))
    path = export_pdf(annotated.session, tmp_path / "vera.pdf", PdfOptions(paper="letter"))
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout
    assert "Vera" in listing and "DejaVu" not in listing
    assert all(row.split()[-5] == "yes" for row in listing.splitlines()[2:])


def test_a_session_without_analysis_or_sentences_still_exports(tmp_path: Path) -> None:
    """The dialog may export before the analysis is ready: text only, no appendices."""
    from pypdf import PdfReader

    from reader.corpus import ensure_bundled
    from reader.session import ArticleSession
    from reader.storage import Library
    from tests.reader.export.conftest import ARTICLE, flat, pdftotext

    library = Library(tmp_path / "l.db")
    ensure_bundled(library)
    session = ArticleSession(library, library.article(ARTICLE))
    path = export_pdf(session, tmp_path / "bare.pdf")
    text = flat(pdftotext(path))
    assert flat(session.article.paragraphs[2].text(session.article.source))[:50] in text
    assert "Appendix" not in text and len(PdfReader(path).pages) >= 2
