package story

import (
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Sentence-level facts shared by Summarize, Timeline and Compare: every
// sentence of every article gets a tf-idf vector (idf over the sentences of
// the given articles), and sentences that say the same thing, usually in
// different outlets, are grouped into one fact.

// sent is one sentence of one article.
type sent struct {
	doc   int // index into the docs slice
	idx   int // sentence index in the article
	span  Span
	text  string
	words int
	vec   []tw // unit tf-idf vector, key-sorted
	date  *Dated
	nums  bool
	terms *sentTerms // what its article's split keeps of it
}

// numbers returns numbersIn(s.text), found once per sentence kept split.
func (s *sent) numbers() []numMention {
	if s.terms == nil {
		return numbersIn(s.text)
	}
	if !s.terms.numbersFound {
		s.terms.numbers, s.terms.numbersFound = numbersIn(s.text), true
	}
	return s.terms.numbers
}

// boilerplate returns looksLikeBoilerplate(s.text), found once per
// sentence kept split.
func (s *sent) boilerplate() bool {
	if s.terms == nil {
		return looksLikeBoilerplate(s.text)
	}
	if s.terms.furniture == 0 {
		s.terms.furniture = 1
		if looksLikeBoilerplate(s.text) {
			s.terms.furniture = 2
		}
	}
	return s.terms.furniture == 2
}

// fact is a group of sentences carrying the same content.
type fact struct {
	members []int // indices into sents, in document order
	rep     int   // representative member
	vec     []tw  // unit centroid
}

// factSim is the cosine above which two sentences state the same fact.
const factSim = 0.5

func outletOf(d *Doc) string {
	if d.Outlet != "" {
		return d.Outlet
	}
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return "article " + strconv.FormatInt(d.ID, 10)
}

// sentencesOfDocs splits and vectorises every sentence of docs; a non-nil
// cache keeps each article's split and terms across calls.
func sentencesOfDocs(docs []Doc, cache *SentenceCache) []sent {
	var out []sent
	df := map[uint64]int{}
	var terms []*sentTerms
	for di := range docs {
		d := &docs[di]
		ds := cache.get(d)
		if ds == nil {
			ds = splitDoc(d)
			cache.put(d, ds)
		}
		for i := range ds.sents {
			st := &ds.sents[i]
			s := sent{doc: di, idx: st.idx, span: st.span, text: st.text, words: st.words, nums: st.nums, terms: st}
			if st.date >= 0 {
				s.date = &d.Dates[st.date]
			}
			for _, k := range st.keys {
				df[k]++
			}
			out = append(out, s)
			terms = append(terms, st)
		}
	}
	n := float64(len(out))
	for i := range out {
		st := terms[i]
		v := make([]tw, 0, len(st.keys))
		for j, k := range st.keys {
			v = append(v, tw{k, float32((1 + math.Log(float64(st.counts[j]))) * math.Log(1+n/float64(df[k])))})
		}
		normalize(v)
		sortByKey(v)
		out[i].vec = v
	}
	return out
}

// docSents is one article's sentences with what vectorising them needs
// but the idf: what SentenceCache keeps.
type docSents struct {
	sents []sentTerms
}

// sentTerms is one sentence of an article: its counted terms (distinct,
// in order of first occurrence) with their counts.
type sentTerms struct {
	idx    int
	span   Span
	text   string
	date   int // index into Doc.Dates, or -1
	words  int
	nums   bool
	keys   []uint64
	counts []int32
	// numbers: numbersIn(text), once numbersFound
	numbers      []numMention
	numbersFound bool
	furniture    int8 // looksLikeBoilerplate(text): 0 not yet known, 1 no, 2 yes
}

// splitDoc splits and tokenises the sentences of d.
func splitDoc(d *Doc) *docSents {
	ds := &docSents{}
	for si, sp := range sentencesOf(d) {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			continue
		}
		st := sentTerms{idx: si, span: sp, text: strings.TrimSpace(d.Text[sp.Start:sp.End]), date: -1}
		for i := range d.Dates {
			if d.Dates[i].Sentence == si && validTimex(d.Dates[i].Value) {
				st.date = i
				break
			}
		}
		ts := tokenize(st.text)
		st.words = len(ts)
		at := map[uint64]int{}
		for _, t := range ts {
			if t.number {
				st.nums = true
			}
			if !t.content() && !(t.number && len(t.norm) >= 2) {
				continue
			}
			k := hashKey('t', t.norm)
			if j, ok := at[k]; ok {
				st.counts[j]++
				continue
			}
			at[k] = len(st.keys)
			st.keys = append(st.keys, k)
			st.counts = append(st.counts, 1)
		}
		// kept for as long as the article is: no spare capacity
		st.keys, st.counts = slices.Clone(st.keys), slices.Clone(st.counts)
		ds.sents = append(ds.sents, st)
	}
	ds.sents = slices.Clone(ds.sents)
	return ds
}

// SentenceCache keeps the split and tokenised sentences of the articles
// a caller composes pages of again and again (a story's members, page
// after page), so that each article is split once. An entry is used only
// for a Doc with the same ID, text, sentences and dates as the one it was
// made from; the least recently added are dropped beyond its size. Not
// safe for concurrent use; a nil cache keeps nothing.
type SentenceCache struct {
	max  int
	m    map[int64]*cachedSents
	ring []int64
	next int
}

type cachedSents struct {
	text      string
	sentences []Span
	dates     []Dated
	ds        *docSents
}

// NewSentenceCache returns a cache of at most max articles.
func NewSentenceCache(max int) *SentenceCache {
	return &SentenceCache{max: max, m: map[int64]*cachedSents{}}
}

func (c *SentenceCache) get(d *Doc) *docSents {
	if c == nil {
		return nil
	}
	e, ok := c.m[d.ID]
	if !ok || e.text != d.Text || !slices.Equal(e.sentences, d.Sentences) || !slices.Equal(e.dates, d.Dates) {
		return nil
	}
	return e.ds
}

func (c *SentenceCache) put(d *Doc, ds *docSents) {
	if c == nil || c.max <= 0 {
		return
	}
	e := &cachedSents{text: d.Text, sentences: slices.Clone(d.Sentences), dates: slices.Clone(d.Dates), ds: ds}
	if _, ok := c.m[d.ID]; ok {
		c.m[d.ID] = e
		return
	}
	if len(c.ring) < c.max {
		c.ring = append(c.ring, d.ID)
	} else {
		delete(c.m, c.ring[c.next])
		c.ring[c.next] = d.ID
		c.next = (c.next + 1) % c.max
	}
	c.m[d.ID] = e
}

// groupFacts clusters sentences into facts: a sentence joins the fact whose
// centroid it is closest to when the cosine reaches factSim, else founds
// one. Candidate facts come from an inverted index on the sentence's top
// terms, so the cost stays near-linear.
func groupFacts(ss []sent) []fact {
	var facts []fact
	index := map[uint64][]int{}
	sums := [][]tw{}
	type quotedFact struct {
		fact  int
		words map[string]bool
	}
	var quoted []quotedFact
	for i := range ss {
		if len(ss[i].vec) == 0 {
			continue
		}
		cands := map[int]bool{}
		for _, t := range topByWeight(ss[i].vec, 6) {
			for _, f := range index[t.K] {
				cands[f] = true
			}
		}
		best, bs := -1, factSim
		for f := range cands {
			if sc := dot(ss[i].vec, facts[f].vec); sc >= bs && (sc > bs || best < 0 || f < best) {
				best, bs = f, sc
			}
		}
		var qw map[string]bool
		if hasQuote(ss[i].text) {
			qw = quoteWords(ss[i].text)
		}
		if best < 0 && qw != nil {
			// The same quotation in differently worded sentences: its
			// words are shared, so they rank low by idf and the term
			// index above may not find it; quoted facts are few.
			for _, q := range quoted {
				if sameQuoteWords(qw, q.words) {
					best = q.fact
					break
				}
			}
		}
		if best < 0 {
			best = len(facts)
			facts = append(facts, fact{})
			sums = append(sums, nil)
		}
		if qw != nil {
			quoted = append(quoted, quotedFact{best, qw})
		}
		f := &facts[best]
		f.members = append(f.members, i)
		sums[best] = addScaled(sums[best], ss[i].vec, 1)
		f.vec = append(f.vec[:0], sums[best]...)
		normalize(f.vec)
		for _, t := range topByWeight(ss[i].vec, 6) {
			l := index[t.K]
			if len(l) == 0 || l[len(l)-1] != best {
				index[t.K] = append(l, best)
			}
		}
	}
	for fi := range facts {
		f := &facts[fi]
		f.rep = f.members[0]
		bs := -1.0
		for _, m := range f.members {
			sc := dot(ss[m].vec, f.vec)
			if w := ss[m].words; w < 8 || w > 60 {
				sc -= 0.2
			}
			if sc > bs+1e-9 {
				f.rep, bs = m, sc
			}
		}
	}
	return facts
}

// citations lists every member of f as a citation, ordered by document
// order then sentence.
func citations(docs []Doc, ss []sent, f *fact) []Citation {
	out := make([]Citation, 0, len(f.members))
	for _, m := range f.members {
		s := &ss[m]
		d := &docs[s.doc]
		out = append(out, Citation{Doc: d.ID, Outlet: outletOf(d), URL: d.URL, Sentence: s.idx, Span: s.span})
	}
	return out
}

// outletsOf lists the distinct outlets of f, sorted.
func outletsOf(docs []Doc, ss []sent, f *fact) []string {
	set := map[string]bool{}
	for _, m := range f.members {
		set[outletOf(&docs[ss[m].doc])] = true
	}
	out := make([]string, 0, len(set))
	for o := range set {
		out = append(out, o)
	}
	sort.Strings(out)
	return out
}

// orderDocs returns docs sorted by publication time (unknown last), then id,
// so that results do not depend on the caller's order.
func orderDocs(docs []Doc) []Doc {
	out := append([]Doc(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		if !a.Equal(b) {
			return a.Before(b)
		}
		return out[i].ID < out[j].ID
	})
	return out
}
