"""``translate`` stops cleanly (issue 8, item 6): on Ctrl-C and on a full disk the process
ends with a message and its own exit code, never ``terminate called without an active
exception`` (rc 134) from a CTranslate2 batch still running at exit."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow

FULL_DISK = """
import sys
import reader.storage as storage
opened = storage.Library.__init__
count = [0]

def small(self, *args, **kwargs):
    opened(self, *args, **kwargs)
    count[0] += 1
    if count[0] == 2:  # the translator's library: the articles are already saved
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up soon

storage.Library.__init__ = small
from reader.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def _translations(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("select count(*) from translations").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("run", range(2))
def test_ctrl_c_mid_translation_exits_cleanly(zh_model, tmp_path: Path, run: int) -> None:
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "translate", "--all",
         "--model", str(zh_model.path), "--any-pair"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _translations(data / "reader.db") == 0 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.1 * run)  # interrupt at a different point of the batch each run
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    print(f"rc={process.returncode}", err.strip().splitlines()[-1:])
    assert "terminate called" not in err
    assert process.returncode in (0, 130)  # 0 if it finished before the signal landed
    assert "Traceback" not in err
    assert _translations(data / "reader.db") > 0  # committed batches stay


@pytest.mark.parametrize("run", range(2))
def test_a_full_disk_stops_translate_with_the_reason(zh_model, tmp_path: Path,
                                                      run: int) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "--data-dir", str(data), "translate", "--all",
         "--model", str(zh_model.path), "--any-pair"],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    print(f"rc={result.returncode}", result.stderr.strip().splitlines()[-1:])
    assert "terminate called" not in result.stderr
    assert result.returncode == 1
    assert "translation stopped" in result.stderr and "disk is full" in result.stderr
    assert "Traceback" not in result.stderr
