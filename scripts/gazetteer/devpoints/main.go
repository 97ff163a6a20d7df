// Command devpoints derives scripts/gazetteer/geonames_dev_points.tsv:
// GeoNames ids and points for the gazetteer's countries, admin regions,
// continents and regions, learnt from the gold toponyms of the DEV halves of
// the geoparsing sets (../shared/eval/geo/*/dev.jsonl; test halves are never
// read). It builds the index from the npm sources without the table, matches
// the gold to it (gazbuild.DerivePoints) and writes the table, which
// buildindex then applies. Run by scripts/gazetteer/build.sh.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/geo/gazbuild"
)

func main() {
	nm := flag.String("node-modules", "", "folder holding the installed npm packages")
	rgeo := flag.String("rgeo", "", "data folder of the github.com/sams96/rgeo@v1.2.0 module (optional: admin-1 points from its polygons)")
	tables := flag.String("tables", "scripts/gazetteer", "folder of the project's tables")
	evalDir := flag.String("eval", "", "the shared eval folder (holding geo/); default $SITREP_SHARED/eval or ../shared/eval")
	out := flag.String("out", "", "table to write (default <tables>/"+gazbuild.DevPointsFile+")")
	sensesOut := flag.String("senses-out", gazbuild.SensesFile, "sense table to write")
	verbose := flag.Bool("v", false, "print each row")
	flag.Parse()
	if *nm == "" {
		fmt.Fprintln(os.Stderr, "devpoints: -node-modules is required")
		os.Exit(2)
	}
	if *evalDir == "" {
		*evalDir = filepath.Join("..", "shared", "eval")
		if s := os.Getenv("SITREP_SHARED"); s != "" {
			*evalDir = filepath.Join(s, "eval")
		}
	}
	if *out == "" {
		*out = filepath.Join(*tables, gazbuild.DevPointsFile)
	}
	if err := run(*nm, *rgeo, *tables, *evalDir, *out, *sensesOut, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "devpoints:", err)
		os.Exit(1)
	}
}

func run(nm, rgeo, tables, evalDir, out, sensesOut string, verbose bool) error {
	gold, err := gazbuild.ReadDevGold(filepath.Join(evalDir, "geo"))
	if err != nil {
		return err
	}
	src := gazbuild.FromNodeModules(nm, tables)
	src.DevPoints = "" // match against the index as built without the table
	if rgeo != "" {
		src.Admin1Shapes = filepath.Join(rgeo, "Provinces10.gz")
	}
	d, err := gazbuild.Build(src)
	if err != nil {
		return err
	}
	rows := gazbuild.DerivePoints(d, gold)
	if err := writeFile(out, func(w io.Writer) error { return gazbuild.WriteDevPoints(w, rows) }); err != nil {
		return err
	}
	// sense priors on the index as buildindex will write it
	if _, err := gazbuild.ApplyDevPoints(d, rows); err != nil {
		return err
	}
	senses := gazbuild.DeriveSenses(d, gold)
	if err := writeFile(sensesOut, func(w io.Writer) error { return gazbuild.WriteSenses(w, senses) }); err != nil {
		return err
	}
	if verbose {
		for _, r := range rows {
			fmt.Printf("%d\t%s\t%s\t%s\t%s.%s\t%.4f,%.4f\t%d\t%.0f km\n", r.GeonameID, r.GoldName, r.Name, r.FCode, r.Country, r.Admin1, r.Lat, r.Lon, r.Mentions, r.ShiftKm)
		}
	}
	fmt.Printf("devpoints: %d dev gold toponyms with GeoNames ids -> %d rows -> %s; %d sense rows -> %s\n",
		len(gold), len(rows), out, len(senses), sensesOut)
	return nil
}

// writeFile writes path through a temporary file.
func writeFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	return err
}
