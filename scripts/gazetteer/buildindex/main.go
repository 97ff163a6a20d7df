// Command buildindex compiles sitrep's gazetteer from the npm-installed
// GeoNames-derived sources into internal/geo/data/gazetteer.bin.gz. It is run
// by scripts/gazetteer/build.sh; nothing uses it at run time.
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
	nm := flag.String("node-modules", "", "folder holding the installed npm packages")
	rgeo := flag.String("rgeo", "", "data folder of the github.com/sams96/rgeo@v1.2.0 module (optional: admin-1 points from its polygons)")
	tables := flag.String("tables", "scripts/gazetteer", "folder of aliases.tsv, demonyms.tsv, regions.tsv")
	out := flag.String("out", "internal/geo/data/gazetteer.bin.gz", "index file to write")
	flag.Parse()
	if *nm == "" {
		fmt.Fprintln(os.Stderr, "buildindex: -node-modules is required")
		os.Exit(2)
	}
	src := gazbuild.FromNodeModules(*nm, *tables)
	if *rgeo != "" {
		src.Admin1Shapes = filepath.Join(*rgeo, "Provinces10.gz")
	}
	d, err := gazbuild.Build(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildindex:", err)
		os.Exit(1)
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err == nil {
		err = geo.WriteIndex(f, d)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = os.Rename(tmp, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildindex:", err)
		os.Exit(1)
	}
	fmt.Printf("buildindex: %d places, %d names -> %s\n", len(d.Records), len(d.Names), *out)
}
