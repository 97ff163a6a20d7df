package event

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// ParseVerbs reads a PETRARCH verb Dictionary in its source format (for
// the validation suite's dictionaries, which are not embedded).
func ParseVerbs(r io.Reader) (*Dictionary, error) {
	var buf bytes.Buffer
	if err := CompileVerbs(r, &buf); err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return parseDict(&gz)
}

var (
	blockRe = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRe  = regexp.MustCompile(`\[([^\]]*)\]`)
	braceRe = regexp.MustCompile(`\{([^}]*)\}`)
)

// CompileVerbs converts a PETRARCH verb Dictionary (CAMEO.2.0.txt, or the
// validation suite's PETR.Validate.verbs.txt) into the line format of
// data/verbs.tsv.gz (without its header).
func CompileVerbs(r io.Reader, w io.Writer) error {
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
		if strings.HasPrefix(strings.TrimSpace(line), "<!--") {
			if strings.Contains(line, "SYNSETS") {
				section = "syn"
			}
			continue
		}
		if strings.HasPrefix(line, "---") && section == "syn" {
			flush()
			section = "verbs"
		}
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
// stated in the Dictionary.
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
