"""Runs a writer in a subprocess and kills it with SIGKILL mid-write (crash tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_until_killed(code: str, db_path: Path, until: int, timeout: float = 30) -> int:
    """Run ``code`` (which prints 0, 1, 2… after each committed write) with the database
    path as argv[1]; SIGKILL it once ``until`` writes are reported. Returns the last number
    reported: every write up to it was committed."""
    proc = subprocess.Popen([sys.executable, "-c", code, str(db_path)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    committed = -1
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while committed < until and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)  # mid-way through the next write
    proc.wait(10)
    proc.stdout.close()
    return committed
