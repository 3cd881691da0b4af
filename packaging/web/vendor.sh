#!/usr/bin/env bash
# Vendor the published page's map library into resources/web/leaflet/: fetch the pinned
# npm tarball, check it against the sha256 recorded here, copy the script, its stylesheet
# and its licence, and record where they came from (resources/web/leaflet/PROVENANCE).
# Usage: packaging/web/vendor.sh   (needs npm; run it again to check nothing drifted)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../resources/web/leaflet"
name=leaflet version=1.9.4
sum=84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77  # leaflet-1.9.4.tgz
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "$name@$version" >/dev/null
echo "$sum  $name-$version.tgz" | sha256sum --check --quiet - \
  || { echo "checksum mismatch: $name-$version.tgz" >&2; exit 1; }
tar xzf "$name-$version.tgz"
mkdir -p "$out"
cp package/dist/leaflet.js package/dist/leaflet.css "$out/"
cp package/LICENSE "$out/LICENSE"
{
  echo "Leaflet $version, from the npm registry package $name@$version"
  echo "(tarball $name-$version.tgz, sha256 $sum), licence BSD-2-Clause (LICENSE here)."
  echo "Copied unchanged by packaging/web/vendor.sh:"
  (cd package && sha256sum dist/leaflet.js dist/leaflet.css LICENSE)
} > "$out/PROVENANCE"
echo "vendored $name $version into $out"
