"""Where the reader keeps its data: the user-data directory, overridable for tests and users.

Order of precedence: an explicit ``--data-dir`` flag, then the ``READER_DATA_DIR`` environment
variable, then the platform's user-data directory (``~/.local/share/bilingual-reader`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "bilingual-reader"
ENV_VAR = "READER_DATA_DIR"
REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES = REPO_ROOT / "articles"
RESOURCES = REPO_ROOT / "resources"


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
