"""``python -m reader export|annotate|import-notes``: same files as the app, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.__main__ import main

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "000_757345bfb182a35d"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_annotate_add_list_delete(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d"
    code, out, _ = run(capsys, data, "annotate", "000", "--add", "83:103:2:Une note: deux points",
                       "--add", "199:217:yellow", "--tag", "cours")
    assert code == 0, out
    assert out.splitlines()[0].split("\t")[1:] == ["green", "Donald Trump a perdu"]
    code, out, _ = run(capsys, data, "annotate", ARTICLE, "--list")
    rows = [line.split("\t") for line in out.splitlines()]
    assert [r[4] for r in rows] == ["green", "yellow"]
    assert rows[0][2] == "§1" and rows[0][6] == "Une note: deux points" and rows[0][7] == "#cours"
    code, out, _ = run(capsys, data, "annotate", ARTICLE, "--delete", rows[0][0])
    assert code == 0 and out.startswith("deleted")
    code, out, _ = run(capsys, data, "annotate", ARTICLE)
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("annotate", "000", "--add", "5:3:red"), "not a range"),
    (("annotate", "000", "--add", "5:30:pink"), "unknown colour 'pink'"),
    (("annotate", "000", "--add", "5-30"), "START:END:COLOUR"),
    (("annotate", "000", "--delete", "999"), "no annotation 999"),
    (("annotate", "nope", "--list"), "no article 'nope'"),
    (("export", "nope", "--json", "x.json"), "no article 'nope'"),
    (("export", "000"), "say what to write"),
    (("export", "000", "--pdf", "x.pdf", "--layers", "entities,glitter"), "unknown layer"),
])
def test_bad_requests_are_one_clear_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         args: tuple[str, ...], message: str) -> None:
    code, _out, err = run(capsys, tmp_path / "d", *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err


def test_export_everything_then_import_elsewhere(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    data = tmp_path / "d"
    run(capsys, data, "annotate", "000", "--add", "83:103:3:Note sur Trump")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(capsys, data, "export", "000", "--pdf", str(out_dir / "a.pdf"),
                         "--paper", "letter", "--layers", "highlights,notes",
                         "--markdown", str(out_dir / "a.md"), "--json", str(out_dir / "a.json"),
                         "--bilingual-markdown", str(out_dir / "b.md"))
    assert code == 0, err
    assert len(out.splitlines()) == 4
    pdf = PdfReader(out_dir / "a.pdf")
    assert round(float(pdf.pages[0].mediabox.width)) == 612
    annots = [a.get_object() for p in pdf.pages for a in p.get("/Annots") or []]
    assert [str(a["/Contents"]) for a in annots] == ["Note sur Trump"]
    assert "> Donald Trump a perdu" in (out_dir / "a.md").read_text(encoding="utf-8")
    assert "**§1** Après Twitter" in (out_dir / "b.md").read_text(encoding="utf-8")
    uid = json.loads((out_dir / "a.json").read_text(encoding="utf-8"))["annotations"][0]["uid"]
    other = tmp_path / "other"
    for expected in ("1 annotation(s) added", "0 annotation(s) added"):
        code, out, _ = run(capsys, other, "import-notes", str(out_dir / "a.json"))
        assert code == 0 and out.startswith(expected)
    code, out, _ = run(capsys, other, "annotate", "000", "--list")
    assert len(out.splitlines()) == 1 and "Note sur Trump" in out and uid
    code, _out, err = run(capsys, data, "export", "000", "--json", "/nonexistent/a.json")
    assert code == 1 and "does not exist" in err


def test_export_is_a_registered_command(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "export", "--help"], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "--bilingual-markdown" in out.stdout
