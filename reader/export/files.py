"""Writing an export safely: to a temporary name in the target folder, then renamed.

A failure half-way (an exception, a cancel, a full disk) never leaves a partial file under
the name the reader chose, and an existing file there is only replaced once the new one is
complete. Every way a write can fail becomes an :class:`ExportError` with a message a reader
understands.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """An export could not be written; the message says why, in the reader's words."""


class ExportCancelled(ExportError):
    """The reader cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Export cancelled; no file was written.")


def check_target(path: str | os.PathLike[str]) -> Path:
    """The target path, after checking its folder exists and it is not itself a folder."""
    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder: choose a file name.")
    if not folder.exists():
        raise ExportError(f"The folder {folder} does not exist.")
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder.")
    return target


def explain(exc: OSError, target: Path) -> ExportError:
    """A reader-facing message for an operating-system error while writing ``target``."""
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"No permission to write in {target.parent} (read-only folder?).")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(f"The disk is full: {target.name} could not be written. "
                           "Free some space and export again.")
    if isinstance(exc, FileNotFoundError):
        return ExportError(f"The folder {target.parent} does not exist.")
    return ExportError(f"Could not write {target}: {exc.strerror or exc}")


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename; returns the path."""
    target = check_target(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent)
    except OSError as exc:
        raise explain(exc, target) from exc
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise explain(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return target
