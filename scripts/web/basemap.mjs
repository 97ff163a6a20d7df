// basemap.mjs turns world-atlas's TopoJSON into the UI's offline basemap,
// internal/server/web/world.svg: country shapes in an equirectangular
// projection, x = longitude and y = -latitude, so the UI can place markers
// at (lon, -lat) in the same coordinate system. Run by basemap.sh.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";

// Arguments: source TopoJSON, output SVG, decimals kept, smallest ring
// (degrees), simplification weight (Visvalingam area; 0 keeps every point).
const [src, out, decimals, minSpan, weight] = process.argv.slice(2);
// Rings smaller than minSpan degrees both ways (small islands) are dropped:
// they cost bytes and parse time and are invisible at the zooms we draw.
const keep = (ring) => {
  let x0 = 180, x1 = -180, y0 = 90, y1 = -90;
  for (const [x, y] of ring) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  return Math.max(x1 - x0, y1 - y0) >= Number(minSpan || 0);
};
let topo = JSON.parse(readFileSync(src, "utf8"));
if (Number(weight) > 0) topo = simplify(presimplify(topo), Number(weight));
const countries = feature(topo, topo.objects.countries);
const d = Number(decimals || 1);
const f = (v) => {
  const s = v.toFixed(d);
  return s === "-0" || /^-0\.0+$/.test(s) ? "0" : s.replace(/\.?0+$/, "");
};

function ringPath(ring) {
  let s = "", prev = "";
  for (let i = 0; i < ring.length; i++) {
    const p = f(ring[i][0]) + " " + f(-ring[i][1]);
    if (p === prev) continue;
    s += (i === 0 ? "M" : "L") + p;
    prev = p;
  }
  return s + "Z";
}

let paths = [];
for (const c of countries.features) {
  const g = c.geometry;
  if (!g) continue;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let d = "";
  for (const poly of polys) {
    if (!keep(poly[0])) continue;
    for (const ring of poly) if (keep(ring)) d += ringPath(ring);
  }
  if (d) paths.push(`<path d="${d}"/>`);
}
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" preserveAspectRatio="none">` +
  `<!-- Country shapes: Natural Earth via world-atlas (public domain); built by scripts/web/basemap.sh -->` +
  `<rect x="-180" y="-90" width="360" height="180" fill="#dfe9f3"/>` +
  `<g fill="#f7f5ef" stroke="#b9b4a6" stroke-width="0.08" stroke-linejoin="round">${paths.join("")}</g></svg>\n`;
writeFileSync(out, svg);
console.log(`${out}: ${paths.length} countries, ${svg.length} bytes`);
