package regexp_test

import (
	stdregex "regexp"
	"testing"

	// every package of the module that makes patterns at start-up
	_ "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/internal/regexp"
)

// TestDateparserPatternsCompile (sitrep's patch 21): every pattern the
// module makes at start-up, now compiled on first use, compiles, to the
// same program as an eager compile, and matches as one does.
func TestDateparserPatternsCompile(t *testing.T) {
	all := regexp.Lazy()
	if len(all) < 1000 {
		t.Fatalf("only %d patterns registered; the locale data makes thousands", len(all))
	}
	for _, re := range all {
		var eager *stdregex.Regexp
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("pattern does not compile: %v", r)
				}
			}()
			eager = stdregex.MustCompile(re.String())
		}()
		if re.NumSubexp() != eager.NumSubexp() {
			t.Fatalf("%q: %d groups lazily, %d eagerly", re.String(), re.NumSubexp(), eager.NumSubexp())
		}
	}
	re := regexp.MustCompile(`(\d{1,2})\s+(jan|feb)`)
	if got := re.FindStringSubmatch("on 12 feb 2020"); len(got) != 3 || got[1] != "12" || got[2] != "feb" {
		t.Fatalf("lazy pattern matched %q", got)
	}
	if re.MatchString("12 mar") {
		t.Fatal("lazy pattern matched what it should not")
	}
}
