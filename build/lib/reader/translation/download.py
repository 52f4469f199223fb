"""Downloading a model package through the Argos package index, with progress and cancel.

The index is the JSON list argostranslate's ``update_package_index`` fetches; its entries are
read with argostranslate's ``AvailablePackage``, and the default index address is the one
argostranslate is configured with (``ARGOS_PACKAGE_INDEX``). argostranslate's own
``AvailablePackage.download`` reads the whole file into memory with no progress and no way to
stop, so the bytes are streamed here instead: into a temporary file inside the models folder,
checked and installed by :func:`reader.translation.models.install_from_file`, and removed in
every case. A cancelled or failed download never leaves a package, or a partial file, behind.
"""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.translation.models import (
    DownloadCancelled,
    ModelDownloadError,
    ModelFileError,
    ModelInfo,
    argos_package_module,
    install_from_file,
    language_name,
)

TIMEOUT_S = 30
CHUNK = 256 * 1024
MAX_INDEX_BYTES = 20_000_000
USER_AGENT = "bilingual-reader"


def default_index_url() -> str:
    """The index argostranslate is configured with."""
    argos_package_module()
    from argostranslate import settings

    return str(settings.remote_package_index)


def _open(url: str) -> Any:
    if not url.startswith(("http://", "https://")):
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
    else:
        reason = str(exc) or type(exc).__name__
    return ModelDownloadError(
        f"Could not download {what} from {url}: {reason}. Check the internet connection and "
        "try again, or install the model from a .argosmodel file."
    )


def fetch_index(index_url: str) -> list[Any]:
    """The index's packages as argostranslate ``AvailablePackage`` objects."""
    try:
        with _open(index_url) as response:
            raw = response.read(MAX_INDEX_BYTES + 1)
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        raise _network_error("the model index", index_url, exc) from exc
    try:
        entries = json.loads(raw.decode("utf-8"))
        if len(raw) > MAX_INDEX_BYTES or not isinstance(entries, list):
            raise ValueError("not a list of packages")
        argos = argos_package_module()
        return [argos.AvailablePackage(e) for e in entries if isinstance(e, dict)]
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelDownloadError(
            f"The model index at {index_url} is not readable ({exc})."
        ) from exc


def _stream(url: str, out: Any, progress: Callable[[int, int], None] | None,
            is_cancelled: Callable[[], bool]) -> None:
    with _open(url) as response:
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        if progress:
            progress(0, total)
        while True:
            if is_cancelled():
                raise DownloadCancelled("The download was cancelled.")
            block = response.read(CHUNK)
            if not block:
                break
            out.write(block)
            done += len(block)
            if progress:
                progress(done, total)
        if total and done < total:
            raise ModelDownloadError(
                f"The download from {url} stopped at {done / 1e6:.1f} of {total / 1e6:.1f} MB. "
                "Check the internet connection and try again."
            )


def download_package(
    index_url: str | None,
    from_code: str,
    to_code: str,
    models_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ModelInfo:
    """Find the pair in the index, stream the newest package, validate and install it."""
    cancelled = is_cancelled or (lambda: False)
    url = index_url or default_index_url()
    packages = [p for p in fetch_index(url) if p.from_code == from_code and p.to_code == to_code
                and getattr(p, "type", "translate") == "translate" and p.links]
    if not packages:
        raise ModelDownloadError(
            f"The model index at {url} has no {language_name(from_code)} → "
            f"{language_name(to_code)} package."
        )
    from reader.translation.models import _version_key

    chosen = max(packages, key=lambda p: _version_key(p.package_version))
    if cancelled():
        raise DownloadCancelled("The download was cancelled.")
    models_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=models_dir)
    tmp = Path(tmp_name)
    try:
        errors = []
        for link in chosen.links:
            try:
                with os.fdopen(os.dup(fd), "wb") as out:
                    out.seek(0)
                    out.truncate()
                    _stream(link, out, progress, cancelled)
                break
            except (TimeoutError, urllib.error.URLError, OSError) as exc:
                errors.append(_network_error("the model", link, exc))
        else:
            raise errors[-1] if errors else ModelDownloadError("The package has no link.")
        if cancelled():
            raise DownloadCancelled("The download was cancelled.")
        try:
            return install_from_file(tmp, models_dir, (from_code, to_code),
                                     origin=f"downloaded from {url}")
        except ModelFileError as exc:
            raise ModelDownloadError(f"The downloaded model is not usable: {exc}") from exc
    finally:
        os.close(fd)
        tmp.unlink(missing_ok=True)
