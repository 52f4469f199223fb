"""Desktop identity: application name, WM_CLASS, icon, and the desktop menu entry."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.app import APP_ID, qt_argv, set_identity

REPO = Path(__file__).resolve().parents[2]


def test_wm_class_instance_is_the_app_not_the_module_file() -> None:
    # Qt's xcb plugin takes WM_CLASS's instance name from argv[0]; under `python -m ui` it
    # was "__main__.py".
    assert qt_argv(["-style", "fusion"]) == [APP_ID, "-style", "fusion"]


def test_identity_names_and_icon(qapp: QApplication) -> None:
    saved = (qapp.applicationName(), qapp.organizationName(), qapp.desktopFileName())
    try:
        set_identity(qapp)
        assert qapp.applicationName() == "bilingual-reader"
        assert qapp.applicationDisplayName() == "Bilingual Reader"
        assert qapp.organizationName() == "bilingual-reader"
        assert qapp.desktopFileName() == "bilingual-reader"
        icon = qapp.windowIcon()
        assert not icon.isNull()
        assert not icon.pixmap(64, 64).toImage().isNull()
    finally:
        qapp.setApplicationName(saved[0])
        qapp.setOrganizationName(saved[1])
        qapp.setDesktopFileName(saved[2])


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home / "share"), "HOME": str(home)}
    return subprocess.run([str(REPO / "scripts" / "run-app"), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_desktop_adds_a_menu_entry(tmp_path: Path) -> None:
    out = _run("--install-desktop", home=tmp_path)
    assert out.returncode == 0, out.stderr
    desktop = tmp_path / "share" / "applications" / "bilingual-reader.desktop"
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines()
                 if "=" in line)
    assert entry["Name"] == "Bilingual Reader"
    assert entry["Exec"] == f'"{REPO / "scripts" / "run-app"}"'
    assert entry["Icon"] == "bilingual-reader"
    assert entry["StartupWMClass"] == APP_ID  # matches the window's WM_CLASS
    icons = tmp_path / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "bilingual-reader.svg").is_file()
    assert (icons / "256x256" / "apps" / "bilingual-reader.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    removed = _run("--remove-desktop", home=tmp_path)
    assert removed.returncode == 0 and not desktop.exists()


def test_shipped_desktop_file_has_the_placeholder_only_for_exec() -> None:
    text = (REPO / "resources" / "bilingual-reader.desktop").read_text()
    assert text.count("@EXEC@") == 1 and "Exec=@EXEC@" in text
