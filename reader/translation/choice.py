"""Which installed package translates: the user's choice, else the newest, else the next good one.

The choice is stored per language pair in ``reader-choice.json`` inside the models folder, so
the app and the command line agree. :func:`usable_model` goes down the candidates in order
and loads each with CTranslate2 until one works, so a package that installed but does not
load (a damaged ``model.bin``, one copied in by hand) never hides a good one; each package it
passes over is named with its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from reader.translation.models import (
    ModelInfo,
    _folder,
    _version_key,
    scan_models,
)

CHOICE_FILE = "reader-choice.json"


@dataclass
class ModelPick:
    """The package to translate with (or None) and the packages passed over, with reasons."""

    model: ModelInfo | None
    skipped: list[str] = field(default_factory=list)


def _pair_key(pair: tuple[str, str]) -> str:
    return f"{pair[0]}-{pair[1]}"


def _read_choices(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / CHOICE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def chosen_folder_name(folder: Path, pair: tuple[str, str]) -> str | None:
    """The folder name of the package chosen for the pair, if the user chose one."""
    return _read_choices(folder).get(_pair_key(pair))


def choose_model(model: ModelInfo | None, pair: tuple[str, str] | None = None,
                 models_dir: Path | None = None) -> None:
    """Use ``model`` for its pair from now on; None (with ``pair``) goes back to the newest."""
    folder = _folder(models_dir) if model is None else model.path.parent
    key = _pair_key(pair or (model.from_code, model.to_code) if model else pair or ("", ""))
    choices = _read_choices(folder)
    if model is None:
        choices.pop(key, None)
    else:
        choices[key] = model.path.name
    tmp = folder / f".{CHOICE_FILE}.tmp"
    tmp.write_text(json.dumps(choices, indent=1), encoding="utf-8")
    tmp.replace(folder / CHOICE_FILE)


def candidates(models: list[ModelInfo], pair: tuple[str, str], folder: Path) -> list[ModelInfo]:
    """The pair's packages in the order to try: the chosen one, then newest first."""
    matches = [m for m in models if (m.from_code, m.to_code) == tuple(pair)]
    matches.sort(key=lambda m: _version_key(m.version), reverse=True)
    chosen = chosen_folder_name(folder, pair)
    matches.sort(key=lambda m: m.path.name != chosen)
    return matches


def usable_model(pair: tuple[str, str] = ("fr", "en"),
                 models_dir: Path | None = None) -> ModelPick:
    """The first candidate that loads (slow: loads the model; call off the UI thread)."""
    from reader.translation.engine import load_engine

    folder = _folder(models_dir)
    models, broken = scan_models(folder)
    pick = ModelPick(None, [f"{b.path.name}: {b.reason}" for b in broken])
    for model in candidates(models, pair, folder):
        try:
            load_engine(model)
        except Exception as exc:  # noqa: BLE001 - any load failure: try the next package
            pick.skipped.append(f"{model.id}: CTranslate2 cannot load it ({exc})")
            continue
        pick.model = model
        break
    return pick
