#!/usr/bin/env bash
# Creates .venv at the repo root and installs everything the app and its tests need.
# Idempotent: a stamp keyed on pyproject.toml and this script skips work already done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
want="$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -c1-16)"
stamp=".venv/.installed-$want"

need_apt=()
for pkg in poppler-utils fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# Qt's offscreen platform needs these shared libraries at run time.
qt_libs=(libegl1 libxkbcommon0 libfontconfig1 libgl1 libdbus-1-3)
# A real window on X11 (xcb platform) needs these too; `bootstrap.sh --gui` adds them.
if [ "${1:-}" = "--gui" ]; then
  qt_libs+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
            libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0)
fi
for pkg in "${qt_libs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "bootstrap: not root; install them with: sudo apt-get install ${need_apt[*]}" >&2
  fi
fi

if [ -f "$stamp" ]; then
  exit 0
fi
start=$(date +%s)
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check uv
# Never let a CUDA torch sneak in: nothing here needs torch at all.
.venv/bin/uv pip install -q --python .venv/bin/python -e ".[test]"
if .venv/bin/python -c "import torch" 2>/dev/null; then
  echo "bootstrap: torch was installed by a dependency; this must not happen" >&2
  exit 1
fi
rm -f .venv/.installed-*
touch "$stamp"
echo "bootstrap: environment ready in $(( $(date +%s) - start )) s ($(du -sh .venv | cut -f1))"
