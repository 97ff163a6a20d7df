package story

import (
	"sort"
	"strings"
)

// quotesByOutlet lists the quotes each outlet chose: Doc.Quotes when
// given, else the text between quotation marks (four words or more) in
// each sentence. A quote whose words another outlet also quotes lists that
// outlet in AlsoIn.
func quotesByOutlet(docs []Doc, ss []sent) map[string][]QuoteUse {
	type q struct {
		outlet string
		use    QuoteUse
		key    string
	}
	var all []q
	bySent := map[[2]int]*sent{}
	for i := range ss {
		bySent[[2]int{ss[i].doc, ss[i].idx}] = &ss[i]
	}
	for di := range docs {
		d := &docs[di]
		o := outletOf(d)
		cite := func(si int) Citation {
			c := Citation{Doc: d.ID, Outlet: o, URL: d.URL, Sentence: si}
			if s := bySent[[2]int{di, si}]; s != nil {
				c.Span = s.span
			}
			return c
		}
		if len(d.Quotes) > 0 {
			for _, x := range d.Quotes {
				if strings.TrimSpace(x.Text) == "" {
					continue
				}
				all = append(all, q{o, QuoteUse{Text: x.Text, Speaker: x.Speaker, Kind: x.Kind, Citation: cite(x.Sentence)}, quoteKey(x.Text)})
			}
			continue
		}
		for i := range ss {
			if ss[i].doc != di {
				continue
			}
			for _, t := range quotedSpans(ss[i].text) {
				all = append(all, q{o, QuoteUse{Text: t, Kind: "direct", Citation: cite(ss[i].idx)}, quoteKey(t)})
			}
		}
	}
	out := map[string][]QuoteUse{}
	for i := range all {
		seen := map[string]bool{}
		for j := range all {
			if all[j].outlet == all[i].outlet || seen[all[j].outlet] {
				continue
			}
			if sameQuote(all[i].key, all[j].key) {
				seen[all[j].outlet] = true
				all[i].use.AlsoIn = append(all[i].use.AlsoIn, all[j].outlet)
			}
		}
		sort.Strings(all[i].use.AlsoIn)
		out[all[i].outlet] = append(out[all[i].outlet], all[i].use)
	}
	return out
}

// quotedSpans returns the texts between “…” or "…" of at least four words.
func quotedSpans(s string) []string {
	var out []string
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		rest := s
		for {
			a := strings.Index(rest, pair[0])
			if a < 0 {
				break
			}
			rest = rest[a+len(pair[0]):]
			b := strings.Index(rest, pair[1])
			if b < 0 {
				break
			}
			t := strings.TrimSpace(rest[:b])
			rest = rest[b+len(pair[1]):]
			if len(strings.Fields(t)) >= 4 {
				out = append(out, t)
			}
		}
	}
	return out
}

func quoteKey(s string) string {
	var w []string
	for _, t := range tokenize(s) {
		w = append(w, t.lower)
	}
	return " " + strings.Join(w, " ") + " "
}

// sameQuote: one quote's words contain the other's, or they share a run of
// six words.
func sameQuote(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	wa := strings.Fields(a)
	for i := 0; i+6 <= len(wa); i++ {
		if strings.Contains(b, " "+strings.Join(wa[i:i+6], " ")+" ") {
			return true
		}
	}
	return false
}
