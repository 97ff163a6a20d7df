// Command features compiles the gazetteer overlay
// (internal/geo/data/features.bin.gz, geo.Overlay) from the Natural Earth
// 1:10m layers and GeoNames admin code tables in ../shared/data, the rgeo
// module's Natural Earth admin data (names in 26 languages; read from the
// Go module cache, never imported) and scripts/gazetteer/landmarks.tsv,
// linked to the committed base index. Run by scripts/gazetteer/build.sh;
// nothing uses it at run time.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/geo/gazbuild"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data folder (natural-earth-10m/, geonames-admin/)")
	rgeo := flag.String("rgeo", "", "data folder of the github.com/sams96/rgeo@v1.2.0 module (optional)")
	landmarks := flag.String("landmarks", "scripts/gazetteer/landmarks.tsv", "landmarks table")
	out := flag.String("out", "internal/geo/data/features.bin.gz", "overlay file to write")
	basePath := flag.String("base", "internal/geo/data/gazetteer.bin.gz", "base index the overlay links to")
	flag.Parse()
	// the base index file, not geo.Base: the compiled table embedded in
	// this program predates a base index build.sh has just rewritten
	bf, err := os.Open(*basePath)
	if err != nil {
		fail(err)
	}
	base, err := geo.Load(bf)
	bf.Close()
	if err != nil {
		fail(err)
	}
	o, st, err := gazbuild.BuildOverlay(base, gazbuild.OverlaySources{
		NaturalEarth: *data + "/natural-earth-10m", GeoNamesAdmin: *data + "/geonames-admin",
		Rgeo: *rgeo, Landmarks: *landmarks, Tables: filepath.Dir(*landmarks),
	})
	if err != nil {
		fail(err)
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err == nil {
		err = geo.WriteOverlay(f, o)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = os.Rename(tmp, *out)
	}
	if err != nil {
		fail(err)
	}
	fmt.Printf("features: %d Natural Earth features, %d landmarks, %d Natural Earth divisions, %d regions named by their divisions, %d keys, %d admin-1 and %d admin-2 GeoNames ids, %d names in other languages -> %s\n",
		st.Features, st.Landmarks, st.Divisions, st.Directional, st.Keys, st.Admin1IDs, st.Admin2IDs, st.ForeignNames, *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "features:", err)
	os.Exit(1)
}
