"""A loopback Argos package index for download tests: an index.json and the zh→en package.

Serves on 127.0.0.1 only, on a free port, and shuts itself down after
:data:`SERVER_LIFETIME_S` seconds even if a test forgets to.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


