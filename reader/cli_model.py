"""``python -m reader model list|install FILE|remove ID|use ID|download``: translation packages
from a script, so classroom machines can be set up without the window.

``list`` shows every package folder, the usable ones with the one in use marked ``*`` and the
broken ones with their reason. ``remove`` and ``use`` take a package id (``translate-fr_en@1.9``),
a folder name, or an unambiguous start of either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.paths import models_dir
from reader.translation.models import (
    BrokenPackage,
    DownloadCancelled,
    ModelDownloadError,
    ModelFileError,
    ModelInfo,
    scan_models,
)

PAIR = ("fr", "en")


def register(sub: Any) -> None:
    """Add the ``model`` command and its sub-commands."""
    parser = sub.add_parser("model", help="list, install, remove or download translation models",
                            description=__doc__)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("list", help="installed packages (* = in use), broken ones with why")
    p.set_defaults(func=cmd_list)
    p = actions.add_parser("install", help="install a .argosmodel file")
    p.add_argument("file", type=Path)
    p.add_argument("--any-pair", action="store_true", help="accept another language pair")
    p.set_defaults(func=cmd_install)
    p = actions.add_parser("remove", help="remove an installed package by id or folder name")
    p.add_argument("id")
    p.set_defaults(func=cmd_remove)
    p = actions.add_parser("use", help="translate with this package from now on")
    p.add_argument("id")
    p.set_defaults(func=cmd_use)
    p = actions.add_parser("download", help="download French→English through the Argos index")
    p.add_argument("--index", help="package index address (default: argostranslate's)")
    p.set_defaults(func=cmd_download)


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def find_package(folder: Path, ref: str) -> ModelInfo | BrokenPackage | str:
    """The package ``ref`` names, or a message saying why none or several match."""
    models, broken = scan_models(folder)
    every: list[ModelInfo | BrokenPackage] = [*models, *broken]
    if not ref:
        return "give a package id or folder name (see `model list`)"
    exact = [p for p in every if ref in (p.path.name, getattr(p, "id", None))]
    if len(exact) == 1:
        return exact[0]
    starts = [p for p in every
              if p.path.name.startswith(ref) or getattr(p, "id", "").startswith(ref)]
    if len(starts) == 1:
        return starts[0]
    if not starts:
        return f"no installed package '{ref}' in {folder} (see `model list`)"
    names = ", ".join(p.path.name for p in starts)
    return f"'{ref}' matches {len(starts)} packages ({names}); give more of the name"


def cmd_list(args: argparse.Namespace) -> int:
    from reader.translation.choice import candidates

    folder = models_dir(args.data_dir)
    models, broken = scan_models(folder)
    pairs = {(m.from_code, m.to_code) for m in models}
    current = {candidates(models, pair, folder)[0].path for pair in pairs}
    if not models and not broken:
        print(f"no translation model installed in {folder}")
    for m in models:
        mark = "*" if m.path in current else " "
        print(f"{mark} {m.id}\t{m.pair_name}\t{m.size_bytes / 1_048_576:.1f} MB\t{m.path.name}"
              f"\t{m.origin}")
    for b in broken:
        print(f"! {b.path.name}\tbroken: {b.reason}")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from reader.translation.models import install_from_file

    try:
        info = install_from_file(args.file, models_dir(args.data_dir),
                                 expected_pair=None if args.any_pair else PAIR)
    except ModelFileError as exc:
        return _error(str(exc))
    print(f"installed {info.id}\t{info.pair_name}\t{info.path}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from reader.translation.models import uninstall

    found = find_package(models_dir(args.data_dir), args.id)
    if isinstance(found, str):
        return _error(found)
    try:
        uninstall(found)
    except OSError as exc:
        return _error(f"could not remove {found.path}: {exc.strerror or exc}")
    print(f"removed {found.path.name}")
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    from reader.translation.choice import choose_model

    found = find_package(models_dir(args.data_dir), args.id)
    if isinstance(found, str):
        return _error(found)
    if isinstance(found, BrokenPackage):
        return _error(f"{found.path.name} cannot be used: {found.reason}")
    choose_model(found)
    print(f"using {found.id} for {found.pair_name}")
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    from reader.translation.models import download_model

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            sys.stderr.write(f"\rdownloading… {done / 1e6:.1f} of {total / 1e6:.1f} MB")
            sys.stderr.flush()

    try:
        info = download_model(args.index, *PAIR, models_dir=models_dir(args.data_dir),
                              progress=progress)
    except (ModelDownloadError, DownloadCancelled) as exc:
        return _error(str(exc))
    print(f"installed {info.id}\t{info.pair_name}\t{info.path}")
    return 0
