// Package rows shapes what a store's read queries return into the read
// model (internal/view) the same way whatever the database: the rules that
// are not SQL — which aliases an actor shows, how outlet credits split, how
// a place is named, how a story's actors are ranked — live here once, and
// every store implementation (sqlite, postgres) calls them.
package rows

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
	"github.com/sitrep/sitrep/internal/view"
)

// WithRefAliases adds to an actor's aliases the role nouns and acronyms
// the texts use for it ("the Pentagon chief", "KRG"): how readers know it
// too. Repeats, in any case, and the name itself are left out.
func WithRefAliases(name string, aliases, refs []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	for _, x := range aliases {
		seen[strings.ToLower(x)] = true
	}
	for _, x := range refs {
		x = strings.Join(strings.Fields(x), " ")
		if k := strings.ToLower(x); x != "" && !seen[k] {
			seen[k] = true
			aliases = append(aliases, x)
		}
	}
	return aliases
}

// DistinctOutlets splits outlet credits naming several agencies ("AFP,
// Reuters, AP") and drops repeats, keeping the first-seen order.
func DistinctOutlets(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		for _, o := range strings.Split(x, ",") {
			if o = strings.TrimSpace(o); o != "" && !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// ByCount returns the distinct values of xs, most frequent first.
func ByCount(xs []string) []string {
	n := map[string]int{}
	var out []string
	for _, x := range xs {
		if n[x] == 0 {
			out = append(out, x)
		}
		n[x]++
	}
	sort.SliceStable(out, func(i, j int) bool { return n[out[i]] > n[out[j]] })
	return out
}

// NotDemonyms drops the demonyms among a place's surface forms ("Iraqi"
// is a mention of Iraq, not a name to show it by).
func NotDemonyms(names []string) []string {
	var out []string
	for _, n := range names {
		if !geo.IsDemonym(n) {
			out = append(out, n)
		}
	}
	return out
}

// RankStoryActors orders a story's actors as its page lists them — most
// mentioned in the corpus first, then by name and id — and keeps the first
// limit (all when limit ≤ 0).
func RankStoryActors(out []view.StoryActor, limit int) []view.StoryActor {
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
