package ner

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// Actor dictionaries of the Phoenix/PETRARCH event coder (TABARI format) as
// gazetteer lists (training time only). An entry is a name line followed by
// '+' synonyms and '[CODE ...]' lines; names are upper case with '_' for
// spaces. An entry whose code carries a date range is a person (an office
// holder); an entry coded with a bare three-letter country code is a place;
// any other entry is an organisation. In the country file (the first path
// whose name holds "Countries") only persons and places are kept: its other
// entries mix cities, agencies and demonyms. A dated entry whose name holds
// an organisation word ("State", "Army", "Front") is an organisation. Of an
// organisation's synonyms only acronyms and names with an organisation
// word are kept (see orgSynonym).

// Phoenix list kinds.
const (
	PhoenixPER = iota
	PhoenixORG
	PhoenixLOC
)

// LoadPhoenixActors reads the actor files and returns their names by kind
// (PhoenixPER, PhoenixORG, PhoenixLOC) as token lists, in file order, each
// name once per kind.
func LoadPhoenixActors(paths ...string) ([3][][]string, error) {
	var out [3][][]string
	seen := [3]map[string]bool{{}, {}, {}}
	var names []string
	var codes []string
	var tk []text.Token
	countries := false
	flush := func() {
		if len(names) == 0 {
			return
		}
		kind := PhoenixORG
		for _, c := range codes {
			f := strings.Fields(c)
			if len(f) == 0 {
				continue
			}
			if len(f[0]) == 3 && countries {
				kind = PhoenixLOC
				break
			}
			if len(f) > 1 && strings.ContainsAny(f[1], "0123456789") {
				kind = PhoenixPER
				break
			}
		}
		if kind == PhoenixPER && orgWord(names[0]) {
			kind = PhoenixORG
		}
		for j, n := range names {
			if kind == PhoenixORG && j > 0 && !orgSynonym(n) {
				continue
			}
			n = strings.ReplaceAll(n, "_", " ")
			if i := strings.IndexByte(n, '('); i >= 0 {
				n = n[:i]
			}
			n = strings.TrimSpace(n)
			k := strings.ToLower(n)
			if n == "" || seen[kind][k] {
				continue
			}
			seen[kind][k] = true
			tk = text.Tokenize(tk[:0], n)
			if len(tk) == 0 || len(tk) > maxGazLen {
				continue
			}
			toks := make([]string, len(tk))
			for i, t := range tk {
				toks[i] = t.Text(n)
			}
			out[kind] = append(out[kind], toks)
		}
		names, codes = names[:0], codes[:0]
	}
	for _, p := range paths {
		countries = strings.Contains(filepath.Base(p), "Countries")
		f, err := os.Open(p)
		if err != nil {
			return out, err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return out, err
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			body, code := line, ""
			if i := strings.IndexByte(line, '['); i >= 0 {
				body, code = line[:i], line[i:]
			}
			body = strings.TrimSpace(body)
			switch {
			case body == "":
			case strings.HasPrefix(body, "+"):
				names = append(names, strings.TrimPrefix(body, "+"))
			case line[0] != ' ' && line[0] != '\t':
				flush() // a new entry: codes on its own line are its own
				names = append(names, body)
			}
			for code != "" {
				j := strings.IndexByte(code, ']')
				if j < 0 {
					break
				}
				codes = append(codes, strings.Trim(code[:j], "[ \t"))
				code = code[j+1:]
				if k := strings.IndexByte(code, '['); k >= 0 {
					code = code[k:]
				} else {
					code = ""
				}
			}
		}
		flush()
		err = sc.Err()
		zr.Close()
		f.Close()
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// orgSynonym reports whether a synonym of an organisation entry is kept:
// an acronym ("ISIL", "U.N.") or a name with an organisation word. Group
// entries also list their leaders as synonyms ("Abu Bakr al-Baghdadi"
// under the group), which would teach that such names are organisations.
func orgSynonym(n string) bool {
	if orgWord(n) {
		return true
	}
	a := strings.Trim(strings.ReplaceAll(n, ".", ""), "_ ")
	if len(a) < 2 || len(a) > 6 {
		return false
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// orgWords mark a dated actor entry as a group rather than a person.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("STATE ARMY FRONT PARTY GROUP COUNCIL MOVEMENT BRIGADE BRIGADES ORGANIZATION " +
		"ORGANISATION COMMITTEE UNION LEAGUE FORCES FORCE GOVERNMENT MINISTRY CONGRESS ASSEMBLY PARLIAMENT " +
		"COMMISSION AGENCY BANK FUND ALLIANCE COALITION REPUBLIC KINGDOM EMIRATE CORPS GUARD POLICE SERVICE " +
		"INSTITUTE ASSOCIATION FEDERATION SOCIETY AUTHORITY TALIBAN QAEDA HEZBOLLAH HAMAS") {
		orgWords[w] = true
	}
}

func orgWord(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }) {
		if orgWords[w] {
			return true
		}
	}
	return false
}
