package ner

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/text"
)

// Model is a trained recogniser. It is safe for concurrent use.
type Model struct {
	first  *weights // first pass
	second *weights // second pass with document prediction history; may be nil
	joint  bool     // first and second share one row table (joinRows)
	gaz    gazetteer
	clus   map[uint64]uint32 // lower-cased word hash -> cluster path
	// clusT and gazT are clus and gaz as hashTabs, built by ReadModel
	// (a loaded model's maps do not change); nil while training. A model
	// read from the second format has only the tables (gaz and clus nil:
	// see gazMap, clusMap).
	clusT, gazT *hashTab
	pool        sync.Pool
	strs        sync.Pool
	// gazF filters gaz's lookups; made on first use, when gaz is complete
	gazOnce sync.Once
	gazF    gazFilter
}

// gazFilter returns the filter of m.gaz, made on first use.
func (m *Model) gazFilter() gazFilter {
	m.gazOnce.Do(func() {
		if m.gaz == nil && m.gazT != nil {
			m.gazF = make(gazFilter, 1<<gazFilterBits/64)
			m.gazT.all(func(k uint64, _ uint32) { m.gazF.add(k) })
			return
		}
		m.gazF = newGazFilter(m.gaz)
	})
	return m.gazF
}

// gazMap returns the gazetteer as a map: m.gaz, or one made from gazT.
func (m *Model) gazMap() gazetteer {
	if m.gaz != nil || m.gazT == nil {
		return m.gaz
	}
	g := make(gazetteer, len(m.gazT.slots)/2)
	m.gazT.all(func(k uint64, v uint32) { g[k] = uint8(v) })
	return g
}

// clusMap returns the word clusters as a map (nil: none): m.clus, or one
// made from clusT.
func (m *Model) clusMap() map[uint64]uint32 {
	if m.clus != nil || m.clusT == nil {
		return m.clus
	}
	c := make(map[uint64]uint32, len(m.clusT.slots)/2)
	m.clusT.all(func(k uint64, v uint32) { c[k] = v })
	return c
}

// Mention is one entity mention: bytes [Start, End) of the text.
type Mention struct {
	Start, End int
	Type       string // PER, ORG, LOC or MISC
	Sentence   int    // index into the sentences given to Tag
	Confidence float32
	// Demonym marks a MISC mention that is a nationality or group adjective
	// ("Iraqi", "Kurdish", "Sunni"), so later stages can link it to a place
	// or group.
	Demonym bool
}

func (m *Model) state() *docState {
	if st, ok := m.pool.Get().(*docState); ok {
		return st
	}
	return newDocState()
}

// Tag finds the mentions in src, tokenized and split by package text. The
// whole of src is treated as one document (document-level features look at
// every sentence).
func (m *Model) Tag(src string, sents []text.Sentence, toks []text.Token) []Mention {
	st := m.state()
	defer m.pool.Put(st)
	sp, _ := m.strs.Get().(*[]string)
	if sp == nil {
		sp = new([]string)
	}
	defer m.strs.Put(sp)
	strs := (*sp)[:0]
	bounds := st.bounds[:0]
	for _, s := range sents {
		bounds = append(bounds, int32(len(strs)))
		for _, t := range toks[s.TokStart:s.TokEnd] {
			strs = append(strs, normalize(src[t.Start:t.End]))
		}
	}
	bounds = append(bounds, int32(len(strs)))
	*sp = strs
	m.load(st, strs, bounds)
	m.run(st, true)
	for k := 0; k+1 < len(bounds); k++ {
		repairNames(strs[bounds[k]:bounds[k+1]], st.tags[bounds[k]:bounds[k+1]])
	}
	// one allocation for the mentions: a mention has at least one
	// non-O tag
	tagged := 0
	for _, tg := range st.tags {
		if tg != 0 {
			tagged++
		}
	}
	var out []Mention
	if tagged > 0 {
		out = make([]Mention, 0, tagged)
	}
	for k, s := range sents {
		base := int(st.bounds[k])
		tags := st.tags[base:st.bounds[k+1]]
		cased := isCased(src, toks[s.TokStart:s.TokEnd])
		for i := 0; i < len(tags); {
			tg := tags[i]
			if tg == 0 {
				i++
				continue
			}
			j := spanEnd(tags, i)
			conf := float32(1)
			for q := i; q < j; q++ {
				if c := st.conf[base+q]; c < conf {
					conf = c
				}
			}
			if onlyTitles(src, toks[int(s.TokStart)+i:int(s.TokStart)+j]) {
				i = j // "Lt." or "Gen. Col." alone is a title, not a name
				continue
			}
			first, last := toks[int(s.TokStart)+i], toks[int(s.TokStart)+j-1]
			if cased && !hasCapitalOrDigit(src[first.Start:last.End]) {
				i = j // "riverside cellars": in cased text names carry a capital
				continue
			}
			mt := Mention{Start: int(first.Start), End: int(last.End), Type: typeNames[tagType(int(tg))], Sentence: k, Confidence: conf}
			if mt.Type == "MISC" && j == i+1 {
				mt.Demonym = isDemonym(src[mt.Start:mt.End])
			}
			out = append(out, mt)
			i = j
		}
	}
	if len(out) == 0 {
		return nil // as before the slice was made up front
	}
	return out
}

// spanEnd returns the end of the entity that starts at tags[i] (B or U,
// or a stray I/L when decoding was cut short).
func spanEnd(tags []uint8, i int) int {
	t := int(tags[i])
	if tagPos(t) == posU {
		return i + 1
	}
	j := i + 1
	for j < len(tags) && tags[j] != 0 && tagType(int(tags[j])) == tagType(t) {
		p := tagPos(int(tags[j]))
		if p == posB || p == posU {
			break
		}
		j++
		if p == posL {
			break
		}
	}
	return j
}

// TagDocument tags a document given as sentences of tokens and returns IOB2
// tags (used by evaluation and training).
func (m *Model) TagDocument(sents [][]string) [][]string {
	st := m.state()
	defer m.pool.Put(st)
	var strs []string
	bounds := []int32{0}
	for _, s := range sents {
		for _, t := range s {
			strs = append(strs, normalize(t))
		}
		bounds = append(bounds, int32(len(strs)))
	}
	m.load(st, strs, bounds)
	m.run(st, false)
	for k := 0; k+1 < len(bounds); k++ {
		repairNames(strs[bounds[k]:bounds[k+1]], st.tags[bounds[k]:bounds[k+1]])
	}
	out := make([][]string, len(sents))
	for k := range sents {
		tags := st.tags[bounds[k]:bounds[k+1]]
		out[k] = make([]string, len(tags))
		for i, t := range tags {
			out[k][i] = iobName(int(t))
		}
	}
	return out
}

// isDemonym guesses whether a one-word MISC mention is a nationality or
// group adjective from its form: capitalised and ending like one.
func isDemonym(w string) bool {
	if len(w) < 4 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	l := w
	if !isASCII(w) {
		l = strings.ToLower(w)
	}
	for _, suf := range []string{"an", "ian", "ese", "ish", "i", "ic", "ch", "ean", "ite", "ni", "ds", "ans", "is", "ese"} {
		if hasSuffixFold(l, suf) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with the lower-case ASCII suffix
// suf, ignoring the case of s's ASCII letters (what HasSuffix of
// strings.ToLower(s) gives for ASCII s, without building it).
func hasSuffixFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	s = s[len(s)-len(suf):]
	for i := 0; i < len(suf); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suf[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isCased reports whether a sentence is written in normal case: some word
// after the first starts with a capital. All-lower-case text (a slug, a
// social post) gets no casing rule.
func isCased(src string, toks []text.Token) bool {
	for _, t := range toks[min(1, len(toks)):] {
		if r, _ := utf8.DecodeRuneInString(src[t.Start:t.End]); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasCapitalOrDigit reports whether s has an upper-case letter or a digit
// anywhere ("eBay", "al-Qaeda", "G7" have; "riverside cellars" has not).
func hasCapitalOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// onlyTitles reports whether every token is a title abbreviation.
func onlyTitles(src string, toks []text.Token) bool {
	for _, t := range toks {
		if !text.IsTitle(t.Text(src)) || src[t.End-1] != '.' {
			return false
		}
	}
	return true
}
