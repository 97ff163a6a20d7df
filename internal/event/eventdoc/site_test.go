package eventdoc

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
)

// TestSites: a city is a site (never an event's source), a country and a
// capital are not; a stored analysis, which keeps no place class, gives
// the same marks. Text written for the test.
func TestSites(t *testing.T) {
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	text := "The loss of Seville would hurt Spain, officials said. Madrid said it would send help to Seville."
	an := analyse.New().Annotate(analyse.Input{Text: text, Published: pub})
	want := map[string]bool{"Seville": true, "Spain": false, "Madrid": false}
	for _, a := range []*analyse.Annotation{&an, store.AsStored(&an)} {
		seen := map[string]bool{}
		for _, s := range Sentences(text, a, nil, pub, false) {
			for _, p := range s.Places {
				w := text[p.Start:p.End]
				if site, ok := want[w]; ok {
					seen[w] = true
					if p.Site != site {
						t.Errorf("%q: Site %v, want %v (stored class %q)", w, p.Site, site, a.Places[0].Class)
					}
				}
			}
		}
		for w := range want {
			if !seen[w] {
				t.Errorf("%q not found as a place", w)
			}
		}
	}
}
