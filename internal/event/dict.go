package event

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"sync/atomic"
)

//go:embed data/verbs.tsv.gz
var verbsGz []byte

//go:embed data/cameo2plover.tsv
var ploverTSV string

// elemKind is the kind of one pattern element.
type elemKind uint8

const (
	elemWord   elemKind = iota // a word, matched with its plural
	elemSyn                    // a synonym set
	elemPhrase                 // {a b}: consecutive words
	elemPrep                   // (prep words): a preposition and what follows
)

// elem is one element of a verb pattern.
type elem struct {
	kind  elemKind
	word  string                // elemWord, elemSyn (the set's name)
	words []elem                // elemPhrase, elemPrep: the parts, in order
	syn   map[string][][]string // synonym set members by first word: the words of each
}

// pattern refines a verb's code when its words surround the verb.
type pattern struct {
	code          string
	before, after []elem
	weight        int // literal words: the more, the more specific
}

// verbBlock is one verb block of the Dictionary: its verbs share patterns.
type verbBlock struct {
	name     string
	patterns []pattern
	// index is the block's pattern index (patindex.go, indexOf), made on
	// first use
	index atomic.Pointer[patternIndex]
}

// verbForm is one inflected form of a Dictionary verb.
type verbForm struct {
	block *verbBlock
	code  string   // the verb line's code
	words []string // the form's words (more than one for "call off")
	base  bool     // the uninflected or -s form: may be a noun
}

// Dictionary is a parsed verb dictionary: verb forms with their codes and
// patterns.
type Dictionary struct {
	forms map[string][]*verbForm // by first word
	syns  map[string][]string
}

var (
	dictOnce sync.Once
	dictData *Dictionary
)

// verbs returns the embedded verb Dictionary (empty if unreadable; a test
// checks that it is not).
func verbs() *Dictionary {
	dictOnce.Do(func() {
		d, err := parseDict(bytes.NewReader(verbsGz))
		if err != nil {
			d = &Dictionary{forms: map[string][]*verbForm{}, syns: map[string][]string{}}
		}
		dictData = d
	})
	return dictData
}

func parseDict(r io.Reader) (*Dictionary, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	d := &Dictionary{forms: map[string][]*verbForm{}, syns: map[string][]string{}}
	blocks := map[string]*verbBlock{}
	block := func(name string) *verbBlock {
		b := blocks[name]
		if b == nil {
			b = &verbBlock{name: name}
			blocks[name] = b
		}
		return b
	}
	var pats [][]string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "S" && len(f) == 3:
			d.syns[f[1]] = strings.Split(f[2], "|")
		case f[0] == "V" && len(f) == 4:
			b := block(f[1])
			forms := strings.Fields(f[3])
			code := f[2]
			if len(forms) > 0 {
				if c, ok := overrideCodes[forms[0]]; ok {
					code = c
				} else if c, ok := defaultCodes[forms[0]]; ok && code == "---" && c != "" {
					code = c
				}
			}
			for i, form := range forms {
				d.addForm(b, code, form, i == 0)
			}
		case f[0] == "P" && len(f) == 5:
			pats = append(pats, f)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, x := range extraVerbs {
		b := block(x.forms[0])
		if _, known := d.forms[x.forms[0]]; known {
			continue
		}
		for i, form := range x.forms {
			d.addForm(b, x.code, form, i == 0)
		}
	}
	for k, v := range extraSyns {
		d.syns[k] = v
	}
	for _, x := range extraPatterns {
		fs := d.forms[strings.Split(x.verb, "_")[0]]
		for _, f := range fs {
			if strings.Join(f.words, "_") == x.verb {
				p := pattern{code: x.code, after: d.parseElems(x.after)}
				p.weight = weight(p.after) + 1 // sitrep's own: preferred on a tie
				f.block.patterns = append(f.block.patterns, p)
				break
			}
		}
	}
	for _, f := range pats {
		p := pattern{code: f[2], before: d.parseElems(f[3]), after: d.parseElems(f[4])}
		p.weight = weight(p.before) + weight(p.after)
		if p.weight == 0 {
			continue
		}
		b := block(f[1])
		b.patterns = append(b.patterns, p)
	}
	// Longer forms first, so "call off" is tried before "call".
	for k, fs := range d.forms {
		sortForms(fs)
		d.forms[k] = fs
	}
	return d, nil
}

func (d *Dictionary) addForm(b *verbBlock, code, form string, first bool) {
	words := strings.Split(form, "_")
	vf := &verbForm{block: b, code: code, words: words, base: first || strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss")}
	d.forms[words[0]] = append(d.forms[words[0]], vf)
}

func sortForms(fs []*verbForm) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && len(fs[j].words) > len(fs[j-1].words); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func weight(es []elem) int {
	n := 0
	for _, e := range es {
		switch e.kind {
		case elemPhrase, elemPrep:
			n += weight(e.words)
		default:
			n++
		}
	}
	return n
}

// parseElems reads a pattern side: words, &sets, {phrases}, (preps); the
// role marks $ + ^ % and "_" are dropped (word order stands in for them).
// bracketSpacer spaces out a pattern's brackets so that strings.Fields
// splits them off. One for all patterns: building a Replacer costs more
// than using it (it was built per pattern, ≈ 150 CPU-ms of every process
// that coded events).
var bracketSpacer = strings.NewReplacer("{", " { ", "}", " } ", "(", " ( ", ")", " ) ")

func (d *Dictionary) parseElems(s string) []elem {
	var out []elem
	toks := strings.Fields(bracketSpacer.Replace(s))
	var stack [][]elem
	var kinds []elemKind
	for _, t := range toks {
		switch t {
		case "{", "(":
			stack = append(stack, nil)
			if t == "{" {
				kinds = append(kinds, elemPhrase)
			} else {
				kinds = append(kinds, elemPrep)
			}
			continue
		case "}", ")":
			if len(stack) == 0 {
				continue
			}
			e := elem{kind: kinds[len(kinds)-1], words: stack[len(stack)-1]}
			stack, kinds = stack[:len(stack)-1], kinds[:len(kinds)-1]
			if len(e.words) == 0 {
				continue
			}
			if len(stack) > 0 {
				stack[len(stack)-1] = append(stack[len(stack)-1], e)
			} else {
				out = append(out, e)
			}
			continue
		}
		var e elem
		switch {
		case strings.Trim(t, "$+^%_") == "":
			continue
		case t[0] == '&':
			name := strings.TrimSuffix(t, "_")
			members := d.syns[name]
			if members == nil {
				continue
			}
			e = elem{kind: elemSyn, word: name, syn: synIndex(members)}
		default:
			e = elem{kind: elemWord, word: strings.Trim(t, "_$+^%")}
		}
		if len(stack) > 0 {
			stack[len(stack)-1] = append(stack[len(stack)-1], e)
		} else {
			out = append(out, e)
		}
	}
	return out
}

// synIndex indexes synonym-set members by their first word, under the
// word and its singular or plural, as wordMatch compares them.
func synIndex(members []string) map[string][][]string {
	out := map[string][][]string{}
	for _, m := range members {
		ws := strings.Split(m, "_")
		for _, k := range []string{ws[0], ws[0] + "s", strings.TrimSuffix(ws[0], "s")} {
			out[k] = append(out[k], ws)
		}
	}
	return out
}

// ploverEntry is one row of the CAMEO→PLOVER table.
type ploverEntry struct {
	Type, Mode, Context string
	Description         string
}

var (
	ploverOnce sync.Once
	ploverMap  map[string]ploverEntry
)

// ploverTable returns the CAMEO→PLOVER table by CAMEO code. Where a
// two-digit root has two PLOVER types (08: CONCEDE and RETREAT) the first
// stands for the root; detail codes carry their own.
func ploverTable() map[string]ploverEntry {
	ploverOnce.Do(func() {
		ploverMap = map[string]ploverEntry{}
		for _, line := range strings.Split(ploverTSV, "\n") {
			if line == "" || line[0] == '#' || strings.HasPrefix(line, "cameo_code") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 3 {
				continue
			}
			for len(f) < 5 {
				f = append(f, "")
			}
			if _, ok := ploverMap[f[0]]; ok {
				continue
			}
			ploverMap[f[0]] = ploverEntry{Type: f[2], Mode: strings.TrimSpace(f[3]), Context: strings.TrimSpace(f[4]), Description: f[1]}
		}
	})
	return ploverMap
}

// Plover returns the PLOVER type, mode and context of a CAMEO code: the
// code's own row, else its three-digit parent's, else its root's. CAMEO 02
// (appeal) has no row in the table; it is coded REQUEST, the PLOVER type
// for requests and appeals. ok is false for codes with no PLOVER type
// (CAMEO 01, public statements).
func Plover(cameo string) (typ, mode, context string, ok bool) {
	t := ploverTable()
	for _, c := range []string{cameo, prefix(cameo, 3), prefix(cameo, 2)} {
		if e, found := t[c]; found && c != "" {
			if c != cameo {
				// a parent's mode may not fit the detail; keep only the type
				return e.Type, "", "", true
			}
			return e.Type, e.Mode, e.Context, true
		}
	}
	if strings.HasPrefix(cameo, "02") {
		return "REQUEST", "", "", true
	}
	return "", "", "", false
}

// CameoDescription returns the CAMEO code's description from the table, or
// "".
func CameoDescription(cameo string) string { return ploverTable()[cameo].Description }

func prefix(s string, n int) string {
	if len(s) < n {
		return ""
	}
	return s[:n]
}

// VerbClass returns the verb-dictionary block a word form belongs to (a
// synonym class: "attacked" and "raided" share one), or "".
func VerbClass(word string) string {
	w := lower(word)
	for _, f := range verbs().forms[w] {
		if len(f.words) == 1 {
			return f.block.name
		}
	}
	return ""
}

// VerbCode returns the CAMEO code of a one-word Dictionary verb form
// ("attacked": 190), "" when the word is none: the Dictionary's own reading
// of a word, a feature the sentence-type classifier uses where the
// coder's patterns code nothing.
func VerbCode(word string) string {
	for _, f := range verbs().forms[lower(word)] {
		if len(f.words) == 1 {
			return f.code
		}
	}
	return ""
}
