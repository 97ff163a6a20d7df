// Command verbs compiles the PETRARCH-2 CAMEO verb-pattern dictionary
// (CAMEO.2.0.txt, MIT licence, Open Event Data Alliance) and the PLOVER
// CAMEO→PLOVER table (mapping/cameo2plover.tsv, CC BY-SA 4.0) into
// internal/event/data: verbs.tsv.gz (synonym sets, verb forms with their
// codes, patterns) and cameo2plover.tsv, the files package event embeds.
//
// Run from the repository root:
//
//	go run ./scripts/verbs
//
// It reads ../shared/eval/events-plover (or $SITREP_SHARED/eval/events-plover).
// Verb forms are generated as PETRARCH does for regular verbs (-s/-es,
// -ed, -ing, y→ie, final e dropped) and joined with the irregular forms
// the dictionary lists; multi-word verbs ("+CALL_OFF") inflect their
// first word. The output is deterministic.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/event"
)

const header = `# sitrep verb dictionary, compiled by scripts/verbs from the PETRARCH-2
# CAMEO verb-pattern dictionary CAMEO.2.0.txt of
# https://github.com/openeventdata/petrarch2 at commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf. Patterns derive from the TABARI
# CAMEO dictionaries (Computational Event Data System project / Parus
# Analytics; NSF grants SES89-10738, SES90-25130, SBR-9410023, SBE-0455158,
# SBE-0527564, SES-1004414, SES-1259190) and WordNet synonym sets.
#
# Lines (tab-separated, lowercase):
#   S  name  members ("|"-separated; words of a phrase joined by "_")
#   V  block  code  forms (space-separated; "_" joins a multi-word verb)
#   P  block  code  before  after   (pattern words around the verb, as in
#      the source: & synonym set, {..} noun phrase, (..) prepositional
#      phrase, $ source, + target, ^ skip, % compound)
# code: CAMEO code, "---" none, "a:b" the code and its reciprocal, ":b"
# the code with the subject as target.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
`

const mappingHeader = `# CAMEO → PLOVER table, converted from CAMEO2PLOVER-2021.txt (PLOVER manual
# draft 0.8, 2021-09-17, Philip Schrodt) of https://github.com/openeventdata/PLOVER
# at commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f. Licence: Creative
# Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
# "Copyright 2016 by the Open Event Data Alliance"; this file is a derived
# work under the same licence. Columns: cameo_code, cameo_description,
# plover_event, plover_mode, plover_context.
`

func main() {
	outDir := flag.String("o", filepath.Join("internal", "event", "data"), "output folder")
	dir := flag.String("dir", "", "events-plover folder (default: $SITREP_SHARED/eval/events-plover or ../shared/eval/events-plover)")
	flag.Parse()
	if *dir == "" {
		*dir = filepath.Join("..", "shared", "eval", "events-plover")
		if s := os.Getenv("SITREP_SHARED"); s != "" {
			*dir = filepath.Join(s, "eval", "events-plover")
		}
	}
	if err := run(*dir, *outDir); err != nil {
		fmt.Fprintln(os.Stderr, "verbs:", err)
		os.Exit(1)
	}
}

func run(dir, outDir string) error {
	f, err := os.Open(filepath.Join(dir, "dictionaries", "petrarch2", "CAMEO.2.0.txt.gz"))
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	if err := event.CompileVerbs(zr, &buf); err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "verbs.tsv.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}
	m, err := os.ReadFile(filepath.Join(dir, "mapping", "cameo2plover.tsv"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(outDir, "cameo2plover.tsv"), append([]byte(mappingHeader), m...), 0o644)
}
