package story

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// tw is one weighted key (a hashed term or entity).
type tw struct {
	K uint64
	W float32
}

// docFeatures is what the clusterer keeps of an article while adding it.
type docFeatures struct {
	raw   []tw      // unit-length sublinear term frequencies, sorted by key
	names []tw      // the same for words capitalised inside sentences (likely names)
	ents  []uint64  // hashed actor ("a:") and place ("p:") keys, sorted, unique
	entW  []float32 // salience of each of ents: 1 + ln(sentences mentioning it)
	sig   Signature
	// headline: the article is a headline alone (a feed item without a
	// body, or a body of a line or two); see headline.go
	headline bool
	// wd counts the weekday names the article writes (Monday..Sunday);
	// see weekday.go
	wd weekdays
	// entIdf and entMass are the idf of each of ents and their mass
	// (Clusterer.entMass) as of entN documents counted: the same for
	// every score of the article within a batch, where no document is
	// counted (entStats).
	entIdf  []float64
	entMass float64
	entN    int64
}

// Term weighting inside one article: a title word counts twice, a word
// capitalised inside a sentence (a likely name) one and a half times.
// Numbers of two or more characters (years, counts) are terms too. Chosen on
// the ECB+ train and dev topics.
const (
	titleBoost   = 2.0
	capitalBoost = 2.5
	maxDocTerms  = 200
	maxDocNames  = 40
)

func hashKey(prefix byte, s string) uint64 {
	return xxhash.Sum64String(string(prefix)+s) | 1 // never 0
}

// extract computes the term vector, entity keys and MinHash of d.
func extract(d *Doc) docFeatures {
	counts := make(map[uint64]float64, 256)
	names := make(map[uint64]float64, 32)
	var wd weekdays
	add := func(toks []token, boost float64) {
		for _, t := range toks {
			if strings.HasSuffix(t.lower, "day") {
				if i, ok := weekdayIndex[t.lower]; ok {
					wd[i]++
				}
			}
			if !t.content() && !(t.number && len(t.norm) >= 2) {
				continue
			}
			b := boost
			if t.capital {
				b *= capitalBoost
				if !t.number {
					names[hashKey('n', t.norm)] += boost
				}
			}
			counts[hashKey('t', t.norm)] += b
		}
	}
	head := isHeadline(d)
	// the words of title and text, tokenized once for the terms and the
	// MinHash (which reads title and text as one, joined by a line
	// break: no word runs across it, so its tokens are the two lists')
	var titleToks, textToks []token
	if head {
		addHeadline(counts, headlineText(d))
	} else {
		titleToks, textToks = tokenize(d.Title), tokenize(d.Text)
		add(titleToks, titleBoost)
		add(textToks, 1)
	}
	f := docFeatures{raw: make([]tw, 0, len(counts)), headline: head}
	if !head {
		f.wd = wd
	}
	for k, c := range counts {
		f.raw = append(f.raw, tw{k, float32(1 + math.Log(c))})
	}
	if len(f.raw) > maxDocTerms {
		// keep the most frequent terms; ties broken by key for determinism
		slices.SortFunc(f.raw, byWeight)
		f.raw = f.raw[:maxDocTerms]
	}
	normalize(f.raw)
	sortByKey(f.raw)
	for k, c := range names {
		f.names = append(f.names, tw{k, float32(1 + math.Log(c))})
	}
	if len(f.names) > maxDocNames {
		slices.SortFunc(f.names, byWeight)
		f.names = f.names[:maxDocNames]
	}
	normalize(f.names)
	sortByKey(f.names)
	// An entity's salience in the article: how many sentences mention it
	// (sublinear). Without it, every entity of a one-article event weighs
	// the same and its storyline profile keeps an arbitrary few of them.
	sal := map[uint64]float32{}
	salient := func(k uint64, r Ref) {
		n := len(r.Sentences)
		if n < 1 {
			n = 1
		}
		if w := float32(1 + math.Log(float64(n))); w > sal[k] {
			sal[k] = w
		}
	}
	for _, r := range d.Actors {
		if r.Key != "" {
			salient(hashKey('a', r.Key), r)
		}
	}
	for _, r := range d.Places {
		if r.Key != "" {
			salient(hashKey('p', r.Key), r)
		}
	}
	for k := range sal {
		f.ents = append(f.ents, k)
	}
	slices.Sort(f.ents)
	f.entW = make([]float32, len(f.ents))
	for i, k := range f.ents {
		f.entW[i] = sal[k]
	}
	switch {
	case head && d.Title != "":
		f.sig = MinHash(d.Title + "\n" + d.Text)
	case head:
		f.sig = MinHash(d.Text)
	case d.Title != "":
		f.sig = minHashTokens(titleToks, textToks)
	default:
		f.sig = minHashTokens(nil, textToks)
	}
	return f
}

func normalize(v []tw) {
	var s float64
	for _, x := range v {
		s += float64(x.W) * float64(x.W)
	}
	if s == 0 {
		return
	}
	n := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i].W *= n
	}
}

func sortByKey(v []tw) { slices.SortFunc(v, func(a, b tw) int { return cmp.Compare(a.K, b.K) }) }

// byWeight orders heaviest first, ties by key.
func byWeight(a, b tw) int {
	if a.W != b.W {
		return cmp.Compare(b.W, a.W)
	}
	return cmp.Compare(a.K, b.K)
}

// topByWeight returns the n heaviest entries of v (a copy), heaviest first.
func topByWeight(v []tw, n int) []tw {
	if n <= fewTop && len(v) > n {
		return topFew(v, n)
	}
	c := append([]tw(nil), v...)
	slices.SortFunc(c, byWeight)
	if len(c) > n {
		c = c[:n]
	}
	return c
}

// fewTop is the n up to which topByWeight selects instead of sorting: a
// storyline's check of specific entities takes the top 5 of every recent
// member's entities, each call sorting a whole vector to keep five.
const fewTop = 8

// topFew is topByWeight for a small n (0 < n < len(v)), by insertion into
// the n kept so far. byWeight is a total order on distinct entries
// (weight, then key), so the result is the sort's whatever the method.
func topFew(v []tw, n int) []tw {
	if n <= 0 {
		return []tw{}
	}
	c := make([]tw, 0, n)
	for _, x := range v {
		if len(c) == n && byWeight(x, c[n-1]) >= 0 {
			continue
		}
		i := len(c)
		for i > 0 && byWeight(x, c[i-1]) < 0 {
			i--
		}
		if len(c) < n {
			c = append(c, tw{})
		}
		copy(c[i+1:], c[i:len(c)-1])
		c[i] = x
	}
	return c
}

// dot is the inner product of two key-sorted vectors.
func dot(a, b []tw) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].K < b[j].K:
			i++
		case a[i].K > b[j].K:
			j++
		default:
			s += float64(a[i].W) * float64(b[j].W)
			i++
			j++
		}
	}
	return s
}

// addScaled merges s*b into a (both key-sorted) and returns the result.
func addScaled(a, b []tw, s float32) []tw {
	out := make([]tw, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i].K < b[j].K):
			out = append(out, a[i])
			i++
		case i >= len(a) || a[i].K > b[j].K:
			out = append(out, tw{b[j].K, s * b[j].W})
			j++
		default:
			w := a[i].W + s*b[j].W
			if w > 1e-6 {
				out = append(out, tw{a[i].K, w})
			}
			i++
			j++
		}
	}
	return out
}
