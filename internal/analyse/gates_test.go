package analyse

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpusgen"
)

// gateTexts are edge cases for the regular expressions' gates: a gate may
// say "maybe" wrongly, never "no" wrongly.
var gateTexts = []string{
	"", "A", "AB", "MANSFIELD -- Police said", "\n\n  \t\nSOUTH CHARLESTON, W.Va. -- x", "x\nDANIELSVILLE - y",
	"x\nA. (AP)", "x\nO'NEILL, Texas", "lower\nNot a dateline", "a Russian-backed group", "US-led", "US-",
	"-led", "London-based firm", "the city of Douma", "Xcity of Douma", "_city of Douma", "écity of Douma",
	"the City of New York City of London", "city of Springfield Town of Foo", "Town of city of Aleppo", "village of  X",
	"island of Île Verte Saint Pierre Miquelon", "city of ", "the province of Idlib and the governorate of Homs", "the Saudi-funded, Iran-allied", "x-ledger", "Kremlin-run\n",
	"Russia-backed-led", "Russia-backed.Iran-led", "US.-led", "U.S.-led", "F16A-led", "3M-backed", "_US-led", "a-US-led",
	"US-running US-run", "US-controlled", "US-controlle", "US-led", "ÉUS-led", "US--led", "Iran-backed Iraq-based Syria-held",
	strings.Repeat("x", 1990) + "\nWASHINGTON — y", strings.Repeat("x", 2001) + "\nWASHINGTON — y",
	strings.Repeat(" ", 2000) + "WASHINGTON — y", strings.Repeat(" ", 2001) + "WASHINGTON — y",
}

// datelineWanted is what placesAround takes from datelineRe: the names of
// its first three matches that start at or before datelineMax.
func datelineWanted(s string) int {
	n := 0
	for _, loc := range datelineRe.FindAllStringSubmatchIndex(s, 3) {
		if loc[2] <= datelineMax {
			n++
		}
	}
	return n
}

func checkGates(t *testing.T, s string) {
	t.Helper()
	if !mayHaveDateline(s) && datelineWanted(s) > 0 {
		t.Errorf("mayHaveDateline(%q) = false, but datelineRe finds a name", s)
	}
	if !mayHaveCompound(s) && compoundRe.MatchString(s) {
		t.Errorf("mayHaveCompound(%q) = false, but compoundRe matches", s)
	}
	if got, want := compoundMatches(s), compoundRe.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("compoundMatches(%q) = %v, want compoundRe's %v", s, got, want)
	}
	if got, want := placeOfMatches(s), placeOfRe.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("placeOfMatches(%q) = %v, want placeOfRe's %v", s, got, want)
	}
}

func TestRegexpGates(t *testing.T) {
	for _, s := range gateTexts {
		checkGates(t, s)
	}
	// the gates must say yes where a match is wanted
	for _, s := range []string{"MANSFIELD -- x", "x\n  WASHINGTON — y", "a US-led war"} {
		if !mayHaveDateline(s) && !mayHaveCompound(s) {
			t.Errorf("no gate opens for %q", s)
		}
	}
	// random texts over the characters the expressions turn on
	r := rand.New(rand.NewSource(1))
	pieces := []string{"A", "B", "Z", "a", "q", ".", "'", " ", "\n", "\t", "\r", "-", "--", "—", "(", ",",
		"led", "run", "backed", "based", "WASHINGTON", "city of ", "Town of ", " of ", "ity", "c", "T", "É", "_",
		"-led", "-run", "-running", "-controlled", "-controlledx", "3", "US", "F16A", "Russia", "é", "-backed."}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.Intn(20); j >= 0; j-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		checkGates(t, b.String())
	}
	// and every PolNeAR article, where the shared data is at hand
	if eval := corpusgen.FindEval(); eval != "" {
		arts, err := corpusgen.LoadPolNeAR(eval)
		if err == nil {
			for _, a := range arts {
				checkGates(t, a.Text)
			}
		}
	}
}
