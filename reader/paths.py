"""Where the reader keeps its data: the user-data directory, overridable for tests and users.

Order of precedence: an explicit ``--data-dir`` flag, then the ``READER_DATA_DIR`` environment
variable, then the platform's user-data directory (``~/.local/share/bilingual-reader`` on Linux).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import platformdirs

APP_NAME = "bilingual-reader"
ENV_VAR = "READER_DATA_DIR"
REPO_ROOT = Path(__file__).resolve().parent.parent


def _data_folder(package: str, folder: str) -> Path:
    """A data folder shipped as a package in a wheel (``resources/`` as ``reader_resources``),
    or the repository's own folder when running from a checkout."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        if Path(location, ".").is_dir() and any(Path(location).iterdir()):
            return Path(location)
    return REPO_ROOT / folder


BUNDLED_ARTICLES = _data_folder("reader_articles", "articles")
RESOURCES = _data_folder("reader_resources", "resources")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use (not created here)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite database file inside the data directory."""
    return data_dir(override) / "reader.db"


def models_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where translation model packages are installed."""
    return data_dir(override) / "models"
