// Command compile writes the compiled gazetteer
// (internal/geo/data/compiled.bin, geo.Compile) from the base index and the
// overlay: the uncompressed, flat table geo.Default serves in place. Run by
// scripts/gazetteer/build.sh after either input changes; TestCompiledCurrent
// fails until it is.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/geo"
)

func main() {
	base := flag.String("base", "internal/geo/data/gazetteer.bin.gz", "base index (geo.WriteIndex)")
	overlay := flag.String("overlay", "internal/geo/data/features.bin.gz", "overlay (geo.WriteOverlay)")
	out := flag.String("out", "internal/geo/data/compiled.bin", "compiled gazetteer to write")
	flag.Parse()
	if err := run(*base, *overlay, *out); err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}

func run(base, overlay, out string) error {
	b, err := os.Open(base)
	if err != nil {
		return err
	}
	defer b.Close()
	o, err := os.Open(overlay)
	if err != nil {
		return err
	}
	defer o.Close()
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	err = geo.Compile(f, b, o)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, out)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
