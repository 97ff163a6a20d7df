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
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	if err := compile(zr, &buf); err != nil {
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

var (
	blockRe = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRe  = regexp.MustCompile(`\[([^\]]*)\]`)
	braceRe = regexp.MustCompile(`\{([^}]*)\}`)
)

func compile(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	section := "" // synsets, verbs
	synName := ""
	var members []string
	flush := func() {
		if synName != "" && len(members) > 0 {
			fmt.Fprintf(w, "S\t%s\t%s\n", synName, strings.Join(members, "|"))
		}
		synName, members = "", nil
	}
	block, blockCode := "", ""
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			if strings.Contains(line, "SYNONYM SETS") {
				section = "syn"
				continue
			}
			if strings.Contains(line, "VERB PATTERNS") {
				flush()
				section = "verbs"
				continue
			}
			if strings.Contains(line, "TRANSFORMATIONS") {
				section = ""
				continue
			}
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		switch section {
		case "syn":
			if strings.HasPrefix(line, "&") {
				flush()
				synName = strings.ToLower(strings.TrimSuffix(line, "_"))
				continue
			}
			if strings.HasPrefix(line, "+") {
				m := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(line, "+"), "_"))
				m = strings.ReplaceAll(m, " ", "_")
				if m != "" {
					members = append(members, m)
				}
			}
		case "verbs":
			if m := blockRe.FindStringSubmatch(line); m != nil {
				block, blockCode = strings.ToLower(m[1]), m[2]
				continue
			}
			if strings.HasPrefix(line, "-") {
				code := blockCode
				if m := codeRe.FindStringSubmatch(line); m != nil {
					code = strings.TrimSpace(m[1])
				}
				body := codeRe.ReplaceAllString(strings.TrimPrefix(line, "-"), "")
				before, after, ok := strings.Cut(body, "*")
				if !ok {
					continue
				}
				fmt.Fprintf(w, "P\t%s\t%s\t%s\t%s\n", block, code, norm(before), norm(after))
				continue
			}
			if strings.HasPrefix(line, "~") {
				continue
			}
			code := blockCode
			if m := codeRe.FindStringSubmatch(line); m != nil {
				code = strings.TrimSpace(m[1])
				line = codeRe.ReplaceAllString(line, "")
			}
			var irregular []string
			if m := braceRe.FindStringSubmatch(line); m != nil {
				irregular = strings.Fields(m[1])
				line = braceRe.ReplaceAllString(line, "")
			}
			fs := strings.Fields(line)
			if len(fs) == 0 {
				continue
			}
			base := strings.ToLower(strings.TrimPrefix(fs[0], "+"))
			forms := forms(base, irregular)
			fmt.Fprintf(w, "V\t%s\t%s\t%s\n", block, code, strings.Join(forms, " "))
		}
	}
	return sc.Err()
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// forms returns the base and its inflections, the irregular ones first
// stated in the dictionary.
func forms(base string, irregular []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		f = strings.Trim(strings.ToLower(strings.TrimPrefix(f, "+")), "_")
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	add(base)
	for _, f := range irregular {
		add(f)
	}
	head, rest, multi := strings.Cut(strings.Trim(base, "_"), "_")
	if multi {
		rest = "_" + rest
	}
	for _, f := range inflect(head) {
		add(f + rest)
	}
	return out
}

func inflect(v string) []string {
	if v == "" {
		return nil
	}
	last := v[len(v)-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		s = v + "es"
	case last == 'y' && len(v) > 1 && !vowel(v[len(v)-2]):
		s = v[:len(v)-1] + "ies"
	default:
		s = v + "s"
	}
	switch {
	case last == 'e':
		ed, ing = v+"d", v[:len(v)-1]+"ing"
		if strings.HasSuffix(v, "ee") {
			ing = v + "ing"
		}
	case last == 'y' && len(v) > 1 && !vowel(v[len(v)-2]):
		ed, ing = v[:len(v)-1]+"ied", v+"ing"
	default:
		ed, ing = v+"ed", v+"ing"
	}
	return []string{s, ed, ing}
}
