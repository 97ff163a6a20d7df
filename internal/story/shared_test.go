package story

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestMinHashOfTokens: extract hashes the title's and the text's tokens,
// tokenized once for the terms, as MinHash hashes title and text joined
// by a line break. It fails if a word could run across the join (a title
// ending in an initial, a hyphen, a digit and a comma).
func TestMinHashOfTokens(t *testing.T) {
	for _, tc := range []struct{ title, text string }{
		{"Troops leave Basra", "The last troops left the city on Monday."},
		{"Talks with the U.S.", "Negotiators met again. Nothing was agreed."},
		{"A well-", "known figure resigned."},
		{"Prices rose 1,", "500 points in a day."},
		{"Prices rose 3.", "5 percent"},
		{"It's", "'s over"},
		{"", "Only a body, without a title, long enough."},
		{"One", "two"},
		{"", ""},
	} {
		want := MinHash(tc.title + "\n" + tc.text)
		if tc.title == "" {
			want = MinHash(tc.text)
		}
		var got Signature
		if tc.title == "" {
			got = minHashTokens(nil, tokenize(tc.text))
		} else {
			got = minHashTokens(tokenize(tc.title), tokenize(tc.text))
		}
		if got != want {
			t.Errorf("%q + %q: the tokens' signature differs from the joined text's", tc.title, tc.text)
		}
	}
}

// TestWordsCountsAsFields: the headline test counts words without
// splitting the whole body (strings.Fields did); the counts are the same
// up to the cap.
func TestWordsCountsAsFields(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{"a", "word", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u2003", "é", "\xff", "x\u3000y"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		want := min(len(strings.Fields(s)), maxHeadlineWords+1)
		if got := words(s); got != want {
			t.Fatalf("words(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}

// TestEntStatsCached: an article's entity idf and mass are reused only
// while no document is counted, and equal what they were computed from.
func TestEntStatsCached(t *testing.T) {
	c := NewClusterer(Config{})
	docs := []Doc{
		{ID: 1, Title: "A", Text: "Troops entered the city.", Actors: []Ref{{Key: "x"}, {Key: "y"}}},
		{ID: 2, Title: "B", Text: "Troops left the town.", Actors: []Ref{{Key: "y"}}},
	}
	f := extract(&docs[0])
	c.count(&f)
	idf, mass := c.entStats(&f)
	want := []float64{c.idf(f.ents[0]), c.idf(f.ents[1])}
	if !slices.Equal(idf, want) || mass != want[0]+want[1] {
		t.Fatalf("entStats = %v, %v; want %v", idf, mass, want)
	}
	c.Observe(docs[1])
	idf2, _ := c.entStats(&f)
	want2 := []float64{c.idf(f.ents[0]), c.idf(f.ents[1])}
	if !slices.Equal(idf2, want2) || slices.Equal(want, want2) {
		t.Fatalf("after a document more: entStats = %v; want %v (before %v)", idf2, want2, want)
	}
}

// TestLookupSelectsAsSort: the candidate look-up keeps its limit heaviest
// events by insertion; they are those, in the order, that sorting all of
// them gives (weights full of ties, limits below and above the count).
func TestLookupSelectsAsSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		c := NewClusterer(Config{PostingScan: 1 + r.IntN(70)})
		var keys []tw
		for k := range 1 + r.IntN(30) {
			key := uint64(k + 1)
			for range r.IntN(100) {
				c.post[key] = append(c.post[key], int32(r.IntN(200)))
			}
			keys = append(keys, tw{key, float32(r.IntN(4)) / 2})
		}
		skip := int32(r.IntN(200))
		limit := r.IntN(80)
		got := c.lookup(keys, skip, limit)
		// all of them, sorted
		acc := map[int32]float32{}
		for _, t := range keys {
			p := c.post[t.K]
			for i := len(p) - 1; i >= max(0, len(p)-c.cfg.PostingScan); i-- {
				if p[i] != skip {
					acc[p[i]] += t.W
				}
			}
		}
		var all []int32
		for i := range acc {
			all = append(all, i)
		}
		slices.SortFunc(all, func(x, y int32) int {
			if acc[x] != acc[y] {
				if acc[x] > acc[y] {
					return -1
				}
				return 1
			}
			return int(x) - int(y)
		})
		want := all[:min(limit, len(all))]
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("trial %d, limit %d: lookup %v, sorted %v", trial, limit, got, want)
		}
	}
}
