#!/usr/bin/env bash
# basemap.sh rebuilds internal/server/web/world.svg, the web UI's offline
# basemap, from the npm packages world-atlas (Natural Earth country shapes),
# topojson-client and topojson-simplify. The result is committed, so `go build` needs no npm;
# run this only to change the basemap. Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/basemap.mjs" "$here/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
# 1:50m countries, 1 decimal (about 10 km), islands under 0.2 degrees
# dropped, simplified with weight 0.01: about 320 KB, 95 KB gzipped.
node "$work/basemap.mjs" "$work/node_modules/world-atlas/countries-50m.json" "$root/internal/server/web/world.svg" 1 0.2 0.01
