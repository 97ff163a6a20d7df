package story

import (
	"math"
	"sort"
	"strings"
)

// SummarySentence is one sentence of an extractive summary, with every
// article sentence (in any outlet) that carries the same fact.
type SummarySentence struct {
	Text      string     `json:"text"`
	Doc       int64      `json:"doc"`
	Outlet    string     `json:"outlet"`
	Sentence  int        `json:"sentence"`
	Span      Span       `json:"span"`
	Date      string     `json:"date,omitempty"`      // TIMEX3 value when the fact is dated
	Estimated bool       `json:"estimated,omitempty"` // Date is relative to an estimated publication date
	Score     float64    `json:"score"`
	Outlets   []string   `json:"outlets"`
	Citations []Citation `json:"citations"`
}

// Summary weights and MMR trade-off.
const (
	wCentral  = 0.40
	wCoverage = 0.30
	wPosition = 0.20
	wInform   = 0.10
	mmrLambda = 0.7
)

// Summarize picks up to n sentences that together tell what docs report:
// facts carried by many outlets, central to the whole, early in their
// articles and informative (dated, with numbers) score high; maximal
// marginal relevance drops facts already said. Dated facts come first,
// ordered by the date they speak of, then the others by score. Every
// sentence cites all articles and outlets that carry its fact.
func Summarize(docs []Doc, n int) []SummarySentence {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	docs = orderDocs(docs)
	ss := sentencesOfDocs(docs, nil)
	return summarize(docs, ss, groupFacts(ss), n)
}

// summarize is Summarize over docs in orderDocs order, their sentences and
// facts (read only).
func summarize(docs []Doc, ss []sent, facts []fact, n int) []SummarySentence {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	if len(facts) == 0 {
		return nil
	}
	var all []tw
	for i := range ss {
		all = addScaled(all, ss[i].vec, 1)
	}
	normalize(all)
	outlets := map[string]bool{}
	for i := range docs {
		outlets[outletOf(&docs[i])] = true
	}
	type cand struct {
		f     *fact
		score float64
	}
	var cs []cand
	for fi := range facts {
		f := &facts[fi]
		r := &ss[f.rep]
		if r.words < 6 || r.words > 70 || r.boilerplate() || partOfQuote(r.text) {
			continue
		}
		cov := math.Log(1+float64(len(outletsOf(docs, ss, f)))) / math.Log(1+float64(len(outlets)))
		pos := 1e9
		for _, m := range f.members {
			pos = math.Min(pos, float64(ss[m].idx))
		}
		inf := 0.0
		for _, m := range f.members {
			if ss[m].date != nil {
				inf = 1
			} else if ss[m].nums && inf < 0.5 {
				inf = 0.5
			}
		}
		sc := wCentral*dot(f.vec, all) + wCoverage*cov + wPosition/(1+pos/3) + wInform*inf
		if leansOnContext(r.text) {
			sc *= contextPenalty
		}
		cs = append(cs, cand{f, sc})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	var picked []cand
	for len(picked) < n && len(cs) > 0 {
		bi, bv := -1, math.Inf(-1)
		for i, c := range cs {
			red := 0.0
			for _, p := range picked {
				red = math.Max(red, dot(c.f.vec, p.f.vec))
			}
			if red >= factSim {
				continue
			}
			if v := mmrLambda*c.score - (1-mmrLambda)*red; v > bv {
				bi, bv = i, v
			}
		}
		if bi < 0 {
			break
		}
		picked = append(picked, cs[bi])
		cs = append(cs[:bi], cs[bi+1:]...)
	}
	out := make([]SummarySentence, 0, len(picked))
	for _, p := range picked {
		r := &ss[p.f.rep]
		d := &docs[r.doc]
		s := SummarySentence{Text: strings.TrimLeft(r.text, bulletGlyphs), Doc: d.ID, Outlet: outletOf(d), Sentence: r.idx, Span: r.span,
			Score: p.score, Outlets: outletsOf(docs, ss, p.f), Citations: citations(docs, ss, p.f)}
		// a stated date wins over one computed from an estimated
		// publication date
		for _, m := range p.f.members {
			if dt := ss[m].date; dt != nil && (s.Date == "" || s.Estimated && !dt.Estimated) {
				s.Date, s.Estimated = dt.Value, dt.Estimated
			}
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Date, out[j].Date
		if (a == "") != (b == "") {
			return a != ""
		}
		if a != b {
			ta, _, _ := parseTimex(a)
			tb, _, _ := parseTimex(b)
			return ta.Before(tb)
		}
		return false
	})
	return out
}

// contextPenalty scales the score of a sentence that leans on the one
// before it (leansOnContext): out of its article it reads as a riddle.
const contextPenalty = 0.6

// bulletGlyphs open list items and deks ("• Militant group rigged city");
// the summary shows the sentence without them.
const bulletGlyphs = "•·▪◦‣–—-* \t"

// partOfQuote reports whether s opens a quotation it does not close, or
// closes one it did not open: one sentence of a longer quotation, which
// out of its article has no speaker.
func partOfQuote(s string) bool {
	open := strings.Count(s, "“")
	closed := strings.Count(s, "”")
	if open != closed {
		return true
	}
	return strings.Count(s, `"`)%2 == 1
}

// leansOnContext reports whether s starts with a word that points back
// to an earlier sentence: a pronoun or a connective.
func leansOnContext(s string) bool {
	s = strings.TrimLeft(s, bulletGlyphs+"“\"'‘")
	first, _, _ := strings.Cut(s, " ")
	first = strings.TrimRight(first, ",;:")
	switch first {
	case "He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her", "Their", "Its",
		"But", "And", "However", "Also", "Meanwhile", "Still", "Yet", "So":
		return true
	}
	return false
}

// looksLikeBoilerplate rejects lines that are page furniture rather than
// reporting: bylines, calls to action, photo credits.
func looksLikeBoilerplate(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"click here", "sign up", "subscribe", "follow us", "photo:", "image:", "getty images",
		"all rights reserved", "read more", "contact the author", "reporting by", "editing by", "writing by"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// Headline returns a headline for the group: the article title most
// similar to the other titles and to the group's text, or, when no article
// has a title, the lead of the best summary sentence.
func Headline(docs []Doc) string {
	docs = orderDocs(docs)
	var titles []int
	for i := range docs {
		if strings.TrimSpace(docs[i].Title) != "" {
			titles = append(titles, i)
		}
	}
	if len(titles) == 0 {
		s := Summarize(docs, 1)
		if len(s) == 0 {
			return ""
		}
		w := strings.Fields(s[0].Text)
		if len(w) > 16 {
			return strings.Join(w[:16], " ") + " …"
		}
		return s[0].Text
	}
	vecs := make([][]tw, len(titles))
	var all []tw
	for i, ti := range titles {
		d := docs[ti]
		vecs[i] = extract(&Doc{Title: d.Title}).raw
		all = addScaled(all, extract(&Doc{Text: d.Title + "\n" + d.Text}).raw, 1)
	}
	normalize(all)
	best, bs := titles[0], math.Inf(-1)
	for i, ti := range titles {
		sc := dot(vecs[i], all)
		for j := range titles {
			if j != i {
				sc += dot(vecs[i], vecs[j]) / float64(len(titles))
			}
		}
		if w := len(strings.Fields(docs[ti].Title)); w < 4 || w > 20 {
			sc -= 0.2
		}
		if sc > bs+1e-9 {
			best, bs = ti, sc
		}
	}
	return strings.TrimSpace(docs[best].Title)
}
