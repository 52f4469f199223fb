"""Downloading through an Argos index served on loopback: progress, cancel, failures."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.translation.models import (
    DownloadCancelled,
    ModelDownloadError,
    download_model,
    installed_models,
)

pytestmark = pytest.mark.slow
SERVER_LIFETIME_S = 120


class LoopbackIndex:
    """An index.json and one package on 127.0.0.1; shuts itself down after a while."""

    def __init__(self, package: Path) -> None:
        self.package = package
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append(self.path)
                if self.path == "/index.json":
                    body = json.dumps(outer.index()).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/translate-zh_en-1_9.argosmodel":
                    size = outer.package.stat().st_size
                    self.send_response(200)
                    self.send_header("Content-Length", str(size))
                    self.end_headers()
                    try:
                        with open(outer.package, "rb") as f:
                            while block := f.read(1 << 20):
                                self.wfile.write(block)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                elif self.path == "/short.argosmodel":
                    self.send_response(200)
                    self.send_header("Content-Length", str(outer.package.stat().st_size))
                    self.end_headers()
                    with open(outer.package, "rb") as f:
                        self.wfile.write(f.read(3_000_000))
                    self.close_connection = True
                else:
                    self.send_error(404)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.links = [f"{self.url}/translate-zh_en-1_9.argosmodel"]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.timer = threading.Timer(SERVER_LIFETIME_S, self.server.shutdown)

    def index(self) -> list[dict[str, object]]:
        return [
            {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "zh",
             "from_name": "Chinese", "to_code": "en", "to_name": "English",
             "links": self.links},
            {"package_version": "1.0", "from_code": "de", "to_code": "en",
             "links": [f"{self.url}/missing.argosmodel"]},
            {"package_version": "1.0", "from_code": "it", "to_code": "en",
             "links": [f"{self.url}/short.argosmodel"]},
        ]

    def __enter__(self) -> LoopbackIndex:
        self.thread.start()
        self.timer.daemon = True
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture()
def index(argos_file: Path) -> Iterator[LoopbackIndex]:
    with LoopbackIndex(argos_file) as served:
        yield served


def test_download_installs_with_progress(index: LoopbackIndex, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    model = download_model(f"{index.url}/index.json", "zh", "en", tmp_path / "models",
                           progress=lambda done, total: seen.append((done, total)))
    size = index.package.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    assert model.id == "translate-zh_en@1.9"
    assert model.origin == f"downloaded from {index.url}/index.json"
    assert [p.name for p in (tmp_path / "models").iterdir()] == ["translate-zh_en-1_9"]


def test_cancel_leaves_nothing_behind(index: LoopbackIndex, tmp_path: Path) -> None:
    seen: list[int] = []
    with pytest.raises(DownloadCancelled):
        download_model(f"{index.url}/index.json", "zh", "en", tmp_path / "models",
                       progress=lambda done, total: seen.append(done),
                       is_cancelled=lambda: len(seen) > 3)
    assert list((tmp_path / "models").iterdir()) == []


def test_unreachable_index_is_a_clear_error(tmp_path: Path) -> None:
    with LoopbackIndex(tmp_path / "none") as served:
        url = served.url
    with pytest.raises(ModelDownloadError, match="Could not download the model index from"):
        download_model(f"{url}/index.json", "zh", "en", tmp_path / "models")


def test_missing_pair_and_missing_file(index: LoopbackIndex, tmp_path: Path) -> None:
    with pytest.raises(ModelDownloadError, match="has no French → English package"):
        download_model(f"{index.url}/index.json", "fr", "en", tmp_path / "models")
    with pytest.raises(ModelDownloadError, match="404"):
        download_model(f"{index.url}/index.json", "de", "en", tmp_path / "models")
    with pytest.raises(ModelDownloadError, match="404"):
        download_model(f"{index.url}/nothing.json", "zh", "en", tmp_path / "models")
    assert installed_models(tmp_path / "models") == []
    assert not (tmp_path / "models").exists() or list((tmp_path / "models").iterdir()) == []


def test_a_broken_connection_installs_nothing(index: LoopbackIndex, tmp_path: Path) -> None:
    with pytest.raises(ModelDownloadError, match="stopped at 3.0 of 74.5 MB"):
        download_model(f"{index.url}/index.json", "it", "en", tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []
