package story

import (
	"fmt"
	"sort"
	"strings"
)

// Claim is one sentence-level fact and the outlets that carry it.
type Claim struct {
	ID        int        `json:"id"`
	Text      string     `json:"text"`
	Outlets   []string   `json:"outlets"`
	Unique    bool       `json:"unique"` // carried by one outlet only
	Numbers   []string   `json:"numbers,omitempty"`
	Citations []Citation `json:"citations"`
}

// NumberRow is one counted thing ("troop", "civilian") and the figures
// each outlet gives for it.
type NumberRow struct {
	Unit   string              `json:"unit"`
	Values map[string][]string `json:"values"` // outlet -> figures, in article order
	Differ bool                `json:"differ"` // outlets give different figures
}

// QuoteUse is a quotation as one outlet chose it.
type QuoteUse struct {
	Text     string   `json:"text"`
	Speaker  string   `json:"speaker,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	Citation Citation `json:"citation"`
	AlsoIn   []string `json:"also_in,omitempty"` // other outlets quoting the same words
}

// WordChoice is a pair (or more) of words that outlets use in the same
// contexts, i.e. for the same referent, but not alike: "militants" in one,
// "terrorists" in another.
type WordChoice struct {
	Context []string            `json:"context"` // shared neighbouring words
	Words   map[string][]string `json:"words"`   // outlet -> the words it uses
}

// Comparison sets the outlets covering one event side by side.
type Comparison struct {
	Outlets    []string              `json:"outlets"`
	Claims     []Claim               `json:"claims"`
	Numbers    []NumberRow           `json:"numbers,omitempty"`
	Quotes     map[string][]QuoteUse `json:"quotes,omitempty"` // outlet -> quotes
	WordChoice []WordChoice          `json:"word_choice,omitempty"`
}

// maxClaims caps the claims carried by several outlets (the most widely
// carried, then the earliest); maxUnique caps, per outlet, the claims only
// that outlet carries (its earliest).
const (
	maxClaims = 40
	maxUnique = 8
)

// Compare lines up what each outlet reports about the same event: claims
// (facts grouped across outlets), which outlets carry each and which only
// one reported, the figures each gives, the quotes each chose and the
// words on which they differ.
func Compare(docs []Doc) Comparison {
	docs = orderDocs(docs)
	ss := sentencesOfDocs(docs, nil)
	return compare(docs, ss, groupFacts(ss))
}

// compare is Compare over docs in orderDocs order, their sentences and
// facts (read only).
func compare(docs []Doc, ss []sent, facts []fact) Comparison {
	var c Comparison
	os := map[string]bool{}
	for i := range docs {
		os[outletOf(&docs[i])] = true
	}
	for o := range os {
		c.Outlets = append(c.Outlets, o)
	}
	sort.Strings(c.Outlets)
	type fc struct {
		f       *fact
		outlets []string
		first   int
	}
	var fs []fc
	for fi := range facts {
		f := &facts[fi]
		r := &ss[f.rep]
		if r.words < 6 || r.boilerplate() {
			continue
		}
		fs = append(fs, fc{f, outletsOf(docs, ss, f), f.members[0]})
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if len(fs[i].outlets) != len(fs[j].outlets) {
			return len(fs[i].outlets) > len(fs[j].outlets)
		}
		return fs[i].first < fs[j].first
	})
	shared, unique := 0, map[string]int{}
	for _, x := range fs {
		u := len(x.outlets) == 1
		if (u && unique[x.outlets[0]] >= maxUnique) || (!u && shared >= maxClaims) {
			continue
		}
		if u {
			unique[x.outlets[0]]++
		} else {
			shared++
		}
		r := &ss[x.f.rep]
		cl := Claim{ID: len(c.Claims) + 1, Text: r.text, Outlets: x.outlets, Unique: u && len(c.Outlets) > 1,
			Citations: citations(docs, ss, x.f)}
		for _, n := range r.numbers() {
			cl.Numbers = append(cl.Numbers, n.value+" "+n.unit)
		}
		c.Claims = append(c.Claims, cl)
	}
	c.Numbers = numberRows(docs, ss)
	c.Quotes = quotesByOutlet(docs, ss)
	c.WordChoice = wordChoices(docs)
	return c
}

// Table renders the comparison as plain text: a claim-by-outlet matrix
// (● carries the claim), then figures, word choices and quotes.
func (c Comparison) Table() string {
	var b strings.Builder
	abbr := make([]string, len(c.Outlets))
	for i, o := range c.Outlets {
		abbr[i] = o
		if len(o) > 12 {
			abbr[i] = o[:12]
		}
		fmt.Fprintf(&b, "%-3d %s\n", i+1, o)
	}
	b.WriteString("\nclaim                                                          ")
	for i := range c.Outlets {
		fmt.Fprintf(&b, " %2d", i+1)
	}
	b.WriteString("\n")
	for _, cl := range c.Claims {
		t := []rune(cl.Text)
		if len(t) > 60 {
			t = append(t[:59], '…')
		}
		fmt.Fprintf(&b, "%-3d %-60s", cl.ID, string(t))
		has := map[string]bool{}
		for _, o := range cl.Outlets {
			has[o] = true
		}
		for _, o := range c.Outlets {
			if has[o] {
				b.WriteString("  ●")
			} else {
				b.WriteString("  ·")
			}
		}
		if cl.Unique {
			b.WriteString("  only " + cl.Outlets[0])
		}
		b.WriteString("\n")
	}
	if len(c.Numbers) > 0 {
		b.WriteString("\nfigures\n")
		for _, r := range c.Numbers {
			mark := ""
			if r.Differ {
				mark = "  (differ)"
			}
			fmt.Fprintf(&b, "  %-16s", r.Unit)
			for _, o := range c.Outlets {
				if v := r.Values[o]; len(v) > 0 {
					fmt.Fprintf(&b, " %s: %s;", o, strings.Join(v, ", "))
				}
			}
			b.WriteString(mark + "\n")
		}
	}
	if len(c.WordChoice) > 0 {
		b.WriteString("\nword choice\n")
		for _, w := range c.WordChoice {
			fmt.Fprintf(&b, "  [%s]", strings.Join(w.Context, " "))
			for _, o := range c.Outlets {
				if v := w.Words[o]; len(v) > 0 {
					fmt.Fprintf(&b, " %s: %s;", o, strings.Join(v, "/"))
				}
			}
			b.WriteString("\n")
		}
	}
	if len(c.Quotes) > 0 {
		b.WriteString("\nquotes\n")
		for _, o := range c.Outlets {
			for _, q := range c.Quotes[o] {
				sp := q.Speaker
				if sp == "" {
					sp = "?"
				}
				also := ""
				if len(q.AlsoIn) > 0 {
					also = " (also " + strings.Join(q.AlsoIn, ", ") + ")"
				}
				fmt.Fprintf(&b, "  %s — %s: “%s”%s\n", o, sp, q.Text, also)
			}
		}
	}
	return b.String()
}
