"""Downloading a model package through the Argos package index, with progress and cancel.

The index is the JSON list argostranslate's ``update_package_index`` fetches; its entries are
read with argostranslate's ``AvailablePackage``, and the default index address is the one
argostranslate is configured with (``ARGOS_PACKAGE_INDEX``). argostranslate's own
``AvailablePackage.download`` reads the whole file into memory with no progress and no way to
stop, so the bytes are streamed here instead: into a temporary file inside the models folder,
checked and installed by :func:`reader.translation.models.install_from_file`, and removed in
every case. A cancelled or failed download never leaves a package, or a partial file, behind.

A read blocks until the server sends something, so cancel and the overall deadline are
watched by a second thread (:class:`_Transfer`) that shuts the socket down, which ends the
blocked read at once: a server trickling one byte every few seconds cannot hold a cancelled
download. Errors name their real cause: a full disk is not a network problem.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reader.translation.models import (
    DownloadCancelled,
    ModelDownloadError,
    ModelFileError,
    ModelInfo,
    argos_package_module,
    install_from_file,
    language_name,
    leftover_name,
)

TIMEOUT_S = 30  # no byte for this long: the connection is dead
CHUNK = 256 * 1024
MAX_INDEX_BYTES = 20_000_000
INDEX_DEADLINE_S = 120.0
MODEL_DEADLINE_S = 2 * 3600.0  # 66 MB at 10 kB/s; past this the download is stopped
POLL_S = 0.1
USER_AGENT = "bilingual-reader"


def default_index_url() -> str:
    """The index argostranslate is configured with."""
    argos_package_module()
    from argostranslate import settings

    return str(settings.remote_package_index)


def _open(url: str) -> Any:
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ModelDownloadError(f"Cannot download from '{url}': only http and https work.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(request, timeout=TIMEOUT_S)


def _network_error(what: str, url: str, exc: BaseException) -> ModelDownloadError:
    if isinstance(exc, urllib.error.HTTPError):
        reason = f"the server answered {exc.code} {exc.reason}"
    elif isinstance(exc, urllib.error.URLError):
        reason = str(exc.reason)
    elif isinstance(exc, http.client.IncompleteRead):
        reason = "the connection closed before the end of the file"
    elif isinstance(exc, TimeoutError):
        reason = f"the server sent nothing for {TIMEOUT_S} s"
    else:
        reason = str(exc) or type(exc).__name__
    return ModelDownloadError(
        f"Could not download {what} from {url}: {reason}. Check the internet connection and "
        "try again, or install the model from a .argosmodel file."
    )


def _socket_of(response: Any) -> socket.socket | None:
    raw = getattr(getattr(response, "fp", None), "raw", None)
    sock = getattr(raw, "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


class _Transfer:
    """One GET whose blocking reads end as soon as it is cancelled or out of time."""

    def __init__(self, url: str, what: str, is_cancelled: Callable[[], bool],
                 deadline_s: float) -> None:
        self.url, self.what = url, what
        self.is_cancelled = is_cancelled
        self.deadline_s = deadline_s
        self.ends = time.monotonic() + deadline_s
        self.stop: str | None = None  # "cancelled" or "deadline", once decided
        self.response: Any = None
        self._done = threading.Event()
        self._lock = threading.Lock()

    def check(self) -> None:
        """Raise if the transfer was cancelled or ran out of time."""
        if self.stop is None:
            if self.is_cancelled():
                self.stop = "cancelled"
            elif time.monotonic() > self.ends:
                self.stop = "deadline"
        if self.stop == "cancelled":
            raise DownloadCancelled("The download was cancelled.")
        if self.stop == "deadline":
            minutes = self.deadline_s / 60
            span = f"{minutes:.0f} minutes" if minutes >= 1 else f"{self.deadline_s:.0f} s"
            raise ModelDownloadError(
                f"The download of {self.what} from {self.url} was stopped: it took longer "
                f"than {span}. Try again on a faster connection, or install the model from "
                "a .argosmodel file.")

    def __enter__(self) -> _Transfer:
        box: dict[str, Any] = {}
        abandoned = threading.Event()

        def connect() -> None:
            try:
                response = _open(self.url)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                if isinstance(exc, urllib.error.HTTPError):
                    exc.close()  # its code and reason are all the message needs
                box["error"] = exc
                return
            with self._lock:
                if abandoned.is_set():
                    response.close()
                else:
                    box["response"] = response

        opener = threading.Thread(target=connect, daemon=True, name="download-connect")
        opener.start()
        while opener.is_alive():
            opener.join(POLL_S)
            try:
                self.check()
            except BaseException:
                with self._lock:
                    abandoned.set()
                raise
        if "error" in box:
            raise box["error"]
        self.response = box["response"]
        threading.Thread(target=self._watch, daemon=True, name="download-watch").start()
        return self

    def _watch(self) -> None:
        while not self._done.wait(POLL_S):
            if self.is_cancelled() or time.monotonic() > self.ends:
                sock = _socket_of(self.response)
                if sock is not None:
                    try:  # the base class's shutdown, also for TLS: ends the blocked read
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)
                    except OSError:
                        pass
                return

    def read(self) -> bytes:
        """The next bytes as soon as any arrive (b"" at the end)."""
        self.check()
        try:
            block = bytes(self.response.read1(CHUNK))
        except (OSError, ValueError):
            self.check()  # a read ended by the watchdog is a cancel or a deadline
            raise
        self.check()
        return block

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self.response is not None:
            self.response.close()


def fetch_index(index_url: str, is_cancelled: Callable[[], bool] | None = None,
                deadline_s: float = INDEX_DEADLINE_S) -> list[Any]:
    """The index's readable packages as argostranslate ``AvailablePackage`` objects.

    An entry argostranslate cannot read (a string where a list belongs…) is left out rather
    than failing the whole index; :func:`fetch_index_entries` also says why.
    """
    return fetch_index_entries(index_url, is_cancelled, deadline_s)[0]


def fetch_index_entries(index_url: str, is_cancelled: Callable[[], bool] | None = None,
                        deadline_s: float = INDEX_DEADLINE_S
                        ) -> tuple[list[Any], list[tuple[Any, str]]]:
    """(readable packages, [(unreadable entry, why)]) of the index."""
    from reader.translation.validation import metadata_problem

    chunks: list[bytes] = []
    size = 0
    try:
        with _Transfer(index_url, "the model index", is_cancelled or (lambda: False),
                       deadline_s) as transfer:
            while block := transfer.read():
                chunks.append(block)
                size += len(block)
                if size > MAX_INDEX_BYTES:
                    raise ModelDownloadError(
                        f"The model index at {index_url} is larger than "
                        f"{MAX_INDEX_BYTES // 1_000_000} MB, so it is not a package index. "
                        "Check the address.")
    except (TimeoutError, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        raise _network_error("the model index", index_url, exc) from exc
    raw = b"".join(chunks)
    try:
        entries = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelDownloadError(
            f"The model index at {index_url} is not readable: it is not JSON ({exc})."
        ) from exc
    if not isinstance(entries, list):
        raise ModelDownloadError(
            f"The model index at {index_url} is not readable: it is not a list of packages.")
    argos = argos_package_module()
    packages, problems = [], []
    for entry in entries:
        problem = metadata_problem(entry, "the index entry")
        if problem is None:
            packages.append(argos.AvailablePackage(entry))
        else:
            problems.append((entry, problem))
    return packages, problems


def _file_name(url: str) -> str:
    name = unquote(urlparse(url).path.rsplit("/", 1)[-1])
    return name or "model.argosmodel"


def _stream(transfer: _Transfer, out: Any, folder: Path,
            progress: Callable[[int, int], None] | None) -> None:
    total = int(transfer.response.headers.get("Content-Length") or 0)
    done = 0
    if progress:
        progress(0, total)
    while block := transfer.read():
        try:
            out.write(block)
        except OSError as exc:
            from reader.storage import describe_error

            raise ModelDownloadError(
                f"Could not save the download in {folder}: {describe_error(exc)}. "
                "Nothing was installed.") from exc
        done += len(block)
        if progress:
            progress(done, total)
    if total and done < total:
        raise ModelDownloadError(
            f"The download from {transfer.url} stopped at {done / 1e6:.1f} of "
            f"{total / 1e6:.1f} MB. Check the internet connection and try again."
        )


def download_package(
    index_url: str | None,
    from_code: str,
    to_code: str,
    models_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    deadline_s: float = MODEL_DEADLINE_S,
) -> ModelInfo:
    """Find the pair in the index, stream the newest package, validate and install it."""
    cancelled = is_cancelled or (lambda: False)
    url = index_url or default_index_url()
    readable, problems = fetch_index_entries(url, cancelled)
    packages = [p for p in readable if p.from_code == from_code and p.to_code == to_code
                and getattr(p, "type", "translate") == "translate" and p.links]
    if not packages:
        pair = f"{language_name(from_code)} → {language_name(to_code)}"
        broken = [why for entry, why in problems if isinstance(entry, dict)
                  and (entry.get("from_code"), entry.get("to_code")) == (from_code, to_code)]
        if broken:
            raise ModelDownloadError(
                f"The model index at {url} lists a {pair} package, but its entry is "
                f"damaged: {broken[0]}.")
        raise ModelDownloadError(f"The model index at {url} has no {pair} package.")
    from reader.translation.models import _version_key

    chosen = max(packages, key=lambda p: _version_key(str(p.package_version)))
    if cancelled():
        raise DownloadCancelled("The download was cancelled.")
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=leftover_name("download"),
                                        suffix=".argosmodel", dir=models_dir)
    except OSError as exc:
        from reader.storage import describe_error

        raise ModelDownloadError(
            f"Could not save the download in {models_dir}: {describe_error(exc)}.") from exc
    tmp = Path(tmp_name)
    try:
        errors = []
        for link in chosen.links:
            try:
                with os.fdopen(os.dup(fd), "wb") as out, _Transfer(
                        link, "the model", cancelled, deadline_s) as transfer:
                    out.seek(0)
                    out.truncate()
                    _stream(transfer, out, models_dir, progress)
                break
            except (TimeoutError, urllib.error.URLError, http.client.HTTPException,
                    OSError) as exc:
                errors.append(_network_error("the model", link, exc))
        else:
            raise errors[-1] if errors else ModelDownloadError("The package has no link.")
        if cancelled():
            raise DownloadCancelled("The download was cancelled.")
        try:
            return install_from_file(tmp, models_dir, (from_code, to_code),
                                     origin=f"downloaded from {url}",
                                     display_name=_file_name(chosen.links[0]))
        except ModelFileError as exc:
            raise ModelDownloadError(f"The downloaded model is not usable: {exc}") from exc
    finally:
        os.close(fd)
        tmp.unlink(missing_ok=True)
