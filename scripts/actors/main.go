// Command actors compiles the PETRARCH-2 Phoenix actor dictionaries (MIT
// licence, Open Event Data Alliance) into internal/entity/data/phoenix.tsv.gz,
// the actor dictionary that package entity embeds.
//
// Run from the repository root:
//
//	go run ./scripts/actors
//
// It reads ../shared/eval/events-plover (or $SITREP_SHARED/eval/events-plover)
// and writes a deterministic file: one line per actor with its kind
// (P person, O organisation, ? unknown), source file (C countries, I
// international, M military non-state), codes with date ranges and
// normalised names.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// sources are the dictionaries read, with their file letters.
var sources = []struct{ name, file string }{
	{"Phoenix.Countries.actors.txt.gz", "C"},
	{"Phoenix.International.actors.txt.gz", "I"},
	{"Phoenix.MilNonState.actors.txt.gz", "M"},
}

// header is the attribution written at the top of the output.
const header = `# sitrep actor dictionary, compiled by scripts/actors from the PETRARCH-2
# Phoenix actor dictionaries (Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt) of
# https://github.com/openeventdata/petrarch2 at commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf. The dictionaries are provided by
# the Computational Event Data System Project (http://eventdata.parusanalytics.com),
# funded by the National Science Foundation (SES-0096086, SES-0455158,
# SES-0527564, SES-1004414, SES-1259190) and the University of Kansas General
# Research Fund; the military non-state actors derive from the START TOPS
# database (Kenwick, Kim and Leonard, Pennsylvania State University, 2013).
# Selected and normalised; names of one word kept only for organisations.
#
# Columns (tab-separated): kind (P person, O organisation, ? unknown),
# file (C, I, M), codes (CODE or CODE:FROM-UNTIL, dates YYYYMMDD, empty
# bound open; space-separated), names ("|"-separated, normalised).
#
`

func main() {
	out := flag.String("o", filepath.Join("internal", "entity", "data", "phoenix.tsv.gz"), "output file")
	dir := flag.String("dir", "", "events-plover folder (default: $SITREP_SHARED/eval/events-plover or ../shared/eval/events-plover)")
	flag.Parse()
	if *dir == "" {
		*dir = filepath.Join("..", "shared", "eval", "events-plover")
		if s := os.Getenv("SITREP_SHARED"); s != "" {
			*dir = filepath.Join(s, "eval", "events-plover")
		}
	}
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "actors:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	lic, err := os.ReadFile(filepath.Join(dir, "licenses", "petrarch2-LICENSE-MIT.txt"))
	if err != nil {
		return err
	}
	var raw []rawEntry
	for _, s := range sources {
		es, err := readGz(filepath.Join(dir, "dictionaries", "petrarch2", s.name), s.file)
		if err != nil {
			return err
		}
		raw = append(raw, es...)
	}
	cs := compileAll(raw)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	io.WriteString(zw, header)
	for _, l := range strings.Split(strings.TrimRight(string(lic), "\n"), "\n") {
		io.WriteString(zw, strings.TrimRight("# "+l, " ")+"\n")
	}
	names := 0
	for _, c := range cs {
		io.WriteString(zw, c.format())
		names += len(c.Names)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%d dictionary entries read, %d compiled with %d names; %s: %d bytes\n", len(raw), len(cs), names, out, buf.Len())
	return nil
}

func readGz(path, file string) ([]rawEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return parseActors(zr, file)
}
