#!/usr/bin/env bash
# Build the one-folder standalone bundle (dist/mapapp/) with PyInstaller, from .venv.
# Usage: bash packaging/build_bundle.sh   (after packaging/bootstrap.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q -e '.[bundle]'
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/mapapp.spec
if [ "$(uname -s)" = Linux ]; then  # see mapapp.spec: every library but the *.libs/ ones
  find dist/mapapp/_internal -name '*.so*' -type f -not -path '*.libs/*' \
    -exec strip --strip-unneeded {} + 2>/dev/null || true
fi
echo "bundle: dist/mapapp ($(du -sh dist/mapapp | cut -f1))"
