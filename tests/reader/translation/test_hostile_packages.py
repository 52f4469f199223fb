"""Hostile model packages, indexes and servers (issue 8, items 1, 2, 5, 7, 12, 13).

Packages are the real zh→en Argos 1.9 package repacked with one thing broken: metadata that
argostranslate cannot read, or random bytes as ``model.bin``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.translation.archive import ModelFileError
from reader.translation.choice import choose_model, usable_model
from reader.translation.download import fetch_index
from reader.translation.models import (
    DownloadCancelled,
    ModelDownloadError,
    clean_leftovers,
    download_model,
    find_model,
    install_from_file,
    installed_models,
    scan_models,
)
from tests.package_variants import plant, repack

REPO = Path(__file__).resolve().parents[3]
PAIR = ("zh", "en")


def test_bad_metadata_is_refused_before_anything_is_installed(zh_model, tmp_path: Path) -> None:
    bad = repack(zh_model.path, tmp_path / "bad.argosmodel",
                 {"source_languages": "x", "package_version": "2.0"})
    models = tmp_path / "models"
    with pytest.raises(ModelFileError) as caught:
        install_from_file(bad, models, expected_pair=None)
    print("message:", caught.value)
    assert "source_languages" in str(caught.value) and "bad.argosmodel" in str(caught.value)
    assert installed_models(models) == []
    assert not models.exists() or list(models.iterdir()) == []


def test_random_model_bin_is_refused_with_ctranslate2s_reason(zh_model, tmp_path: Path) -> None:
    bad = repack(zh_model.path, tmp_path / "bin.argosmodel", {"package_version": "2.0"},
                 model_bin=os.urandom(4096))
    models = tmp_path / "models"
    with pytest.raises(ModelFileError, match="CTranslate2 cannot load") as caught:
        install_from_file(bad, models, expected_pair=None)
    print("message:", caught.value)
    assert installed_models(models) == []


def test_a_broken_installed_package_never_hides_a_good_one(zh_model, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    good = plant(zh_model.path, models, "translate-zh_en-1_9")
    plant(zh_model.path, models, "translate-zh_en-2_0",
          {"source_languages": "x", "package_version": "2.0"})
    plant(zh_model.path, models, "translate-zh_en-2_1", {"package_version": "2.1"},
          model_bin=os.urandom(4096))
    usable, broken = scan_models(models)
    assert [b.path.name for b in broken] == ["translate-zh_en-2_0"]
    print("broken:", broken[0].reason)
    assert "source_languages" in broken[0].reason
    pick = usable_model(PAIR, models)
    print("skipped:", pick.skipped)
    assert pick.model is not None and pick.model.path == good
    assert any("2_0" in s for s in pick.skipped)
    assert any("2.1" in s and "CTranslate2" in s for s in pick.skipped)
    assert [m.version for m in usable] == ["1.9", "2.1"]


def test_the_chosen_package_wins_and_removing_it_falls_back(zh_model, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    plant(zh_model.path, models, "translate-zh_en-1_9")
    plant(zh_model.path, models, "translate-zh_en-2_0", {"package_version": "2.0"})
    assert find_model(*PAIR, models).version == "2.0"
    old = next(m for m in installed_models(models) if m.version == "1.9")
    choose_model(old)
    assert find_model(*PAIR, models).version == "1.9"
    from reader.translation.models import uninstall

    uninstall(old)
    assert find_model(*PAIR, models).version == "2.0"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=300)


def test_model_cli_lists_installs_uses_and_removes(zh_model, tmp_path: Path) -> None:
    data = tmp_path / "data"
    models = data / "models"
    models.mkdir(parents=True)
    plant(zh_model.path, models, "translate-zh_en-2_0",
          {"source_languages": "x", "package_version": "2.0"})
    file = repack(zh_model.path, tmp_path / "zh.argosmodel")
    refused = run_cli("--data-dir", str(data), "model", "install", str(file))
    print("install zh without --any-pair:", refused.stderr.strip())
    assert refused.returncode == 1 and "needs French → English" in refused.stderr
    installed = run_cli("--data-dir", str(data), "model", "install", str(file), "--any-pair")
    assert installed.returncode == 0, installed.stderr
    listed = run_cli("--data-dir", str(data), "model", "list")
    print(listed.stdout)
    assert "translate-zh_en@1.9" in listed.stdout
    assert "! translate-zh_en-2_0\tbroken:" in listed.stdout
    ambiguous = run_cli("--data-dir", str(data), "model", "remove", "translate-zh")
    assert ambiguous.returncode == 1 and "matches 2 packages" in ambiguous.stderr
    removed = run_cli("--data-dir", str(data), "model", "remove", "translate-zh_en-2_0")
    assert removed.returncode == 0, removed.stderr
    assert run_cli("--data-dir", str(data), "model", "use", "translate-zh_en@1.9").returncode == 0
    assert "* translate-zh_en@1.9" in run_cli("--data-dir", str(data), "model", "list").stdout
    assert sorted(p.name for p in models.iterdir() if not p.name.startswith(".")) == [
        "reader-choice.json", "translate-zh_en-1_9"]


def test_translate_checks_the_pair_of_a_model_folder(zh_model, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Bonjour. Ceci est un article.", encoding="utf-8")
    result = run_cli("--data-dir", str(tmp_path / "data"), "translate", str(article),
                     "--model", str(zh_model.path))
    print(result.stderr.strip())
    assert result.returncode == 2
    assert "translates Chinese → English" in result.stderr and "Traceback" not in result.stderr


def test_leftovers_of_a_killed_install_are_cleaned(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    (models / f".installing-{dead}-abc").mkdir()
    (models / f".installing-{dead}-abc" / "x").write_bytes(b"x" * 100)
    (models / f".download-{dead}-xyz.argosmodel").write_bytes(b"x" * 100)
    mine = models / f".download-{os.getpid()}-live.argosmodel"
    mine.write_bytes(b"in progress")
    old = models / ".download-oldstyle.argosmodel"
    old.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    removed = clean_leftovers(models)
    assert len(removed) == 3
    assert [p.name for p in models.iterdir()] == [mine.name]


def test_a_folder_named_like_a_package_is_called_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "x.argosmodel"
    folder.mkdir()
    with pytest.raises(ModelFileError, match="is a folder, not a .argosmodel file"):
        install_from_file(folder, tmp_path / "models")


# --- indexes and servers ------------------------------------------------------------------


class Server:
    """A loopback server whose routes are (status, headers, body generator) functions."""

    def __init__(self, routes: dict) -> None:
        outer = self
        self.stop = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                route = routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                headers, chunks = route(outer)
                self.send_response(200)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    for chunk in chunks:
                        if outer.stop.is_set():
                            return
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except OSError:
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def trickle(size: int, every: float = 0.5) -> Iterator[bytes]:
    for _ in range(size):
        yield b"x"
        time.sleep(every)


def json_body(data: object) -> tuple[dict, list[bytes]]:
    body = json.dumps(data).encode()
    return {"Content-Length": str(len(body))}, [body]


def test_fetch_index_skips_entries_argostranslate_cannot_read() -> None:
    entries = [
        {"from_code": "zh", "to_code": "en", "package_version": "1.9",
         "source_languages": "x", "links": ["http://127.0.0.1:9/a.argosmodel"]},
        {"from_code": "fr", "to_code": "en", "package_version": "1.9", "links": "http://h/x"},
        {"from_code": "de", "to_code": "en", "package_version": "1.0",
         "links": ["http://127.0.0.1:9/de.argosmodel"]},
        "not an entry",
    ]
    with Server({"/index.json": lambda s: json_body(entries)}) as server:
        packages = fetch_index(f"{server.url}/index.json")
        assert [p.from_code for p in packages] == ["de"]
        with pytest.raises(ModelDownloadError, match="its entry is damaged") as caught:
            download_model(f"{server.url}/index.json", "fr", "en", Path("/nonexistent"))
        print("message:", caught.value)
        assert "“links” in the index entry is a str" in str(caught.value)
        assert "Cannot download from 'h'" not in str(caught.value)


def test_a_bad_download_names_the_packages_file_not_the_temporary_one(tmp_path: Path) -> None:
    def index(server: Server) -> tuple[dict, list[bytes]]:
        return json_body([{"from_code": "zh", "to_code": "en", "package_version": "1.9",
                           "links": [f"{server.url}/translate-zh_en-1_9.argosmodel"]}])

    html = b"<html>Not found</html>"
    routes = {"/index.json": index, "/translate-zh_en-1_9.argosmodel":
              lambda s: ({"Content-Length": str(len(html))}, [html])}
    with Server(routes) as server:
        with pytest.raises(ModelDownloadError) as caught:
            download_model(f"{server.url}/index.json", "zh", "en", tmp_path / "models")
    print("message:", caught.value)
    assert "'translate-zh_en-1_9.argosmodel'" in str(caught.value)
    assert ".download-" not in str(caught.value)
    assert list((tmp_path / "models").iterdir()) == []


def test_an_oversized_index_is_called_oversized() -> None:
    big = [b"[" + b" " * (1 << 20)] * 25
    with Server({"/index.json": lambda s: ({}, big)}) as server:
        with pytest.raises(ModelDownloadError, match="larger than 20 MB") as caught:
            fetch_index(f"{server.url}/index.json")
    assert "JSON" not in str(caught.value)


def trickling_index(server: Server) -> tuple[dict, list[bytes]]:
    return json_body([{"from_code": "zh", "to_code": "en", "package_version": "1.9",
                       "links": [f"{server.url}/slow.argosmodel"]}])


def test_cancel_stops_a_trickling_download_at_once(tmp_path: Path) -> None:
    routes = {"/index.json": trickling_index,
              "/slow.argosmodel": lambda s: ({"Content-Length": "1000"}, trickle(1000))}
    with Server(routes) as server:
        started = time.monotonic()
        with pytest.raises(DownloadCancelled):
            download_model(f"{server.url}/index.json", "zh", "en", tmp_path / "models",
                           is_cancelled=lambda: time.monotonic() - started > 1.0)
        took = time.monotonic() - started
    print(f"cancelled at 1.0 s, stopped after {took:.2f} s")
    assert took < 2.0
    assert list((tmp_path / "models").iterdir()) == []


def test_a_download_has_an_overall_deadline(tmp_path: Path) -> None:
    from reader.translation.download import download_package

    routes = {"/index.json": trickling_index,
              "/slow.argosmodel": lambda s: ({"Content-Length": "1000"}, trickle(1000))}
    with Server(routes) as server:
        started = time.monotonic()
        with pytest.raises(ModelDownloadError, match="took longer than 2 s") as caught:
            download_package(f"{server.url}/index.json", "zh", "en", tmp_path / "models",
                             deadline_s=2.0)
        took = time.monotonic() - started
    print(f"deadline 2 s, stopped after {took:.2f} s:", caught.value)
    assert took < 3.5
    assert list((tmp_path / "models").iterdir()) == []


def test_a_trickling_index_can_be_cancelled() -> None:
    routes = {"/index.json": lambda s: ({"Content-Length": "1000"}, trickle(1000))}
    with Server(routes) as server:
        started = time.monotonic()
        with pytest.raises(DownloadCancelled):
            fetch_index(f"{server.url}/index.json",
                        is_cancelled=lambda: time.monotonic() - started > 0.5)
        assert time.monotonic() - started < 1.5


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a small tmpfs (root)")
def test_a_download_on_a_full_disk_says_the_disk_is_full(argos_file: Path,
                                                          tmp_path: Path) -> None:
    from tests.loopback_index import LoopbackIndex

    models = tmp_path / "models"
    models.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(models)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        with LoopbackIndex(argos_file) as index:
            with pytest.raises(ModelDownloadError) as caught:
                download_model(f"{index.url}/index.json", "zh", "en", models)
        message = str(caught.value)
        print("message:", message)
        assert "disk is full" in message
        assert "internet" not in message and ".download-" not in message
        assert list(models.iterdir()) == []
    finally:
        subprocess.run(["umount", "-l", str(models)], check=False)


def test_model_download_from_the_cli_names_a_missing_pair(argos_file: Path,
                                                          tmp_path: Path) -> None:
    from tests.loopback_index import LoopbackIndex

    with LoopbackIndex(argos_file) as index:
        result = run_cli("--data-dir", str(tmp_path / "data"), "model", "download",
                         "--index", f"{index.url}/index.json")
    print(result.stderr.strip())
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: The model index at {index.url}/index.json has no French → English package."]
