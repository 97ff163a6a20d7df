package geo

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Paris", "paris"},
		{"  São   Paulo ", "sao paulo"},
		{"Sant Julià de Lòria", "sant julia de loria"},
		{"U.S.", "us"},
		{"W. Va.", "w va"},
		{"Wilkes-Barre", "wilkes barre"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Kraków", "krakow"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Москва", ""},
		{"北京", ""},
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyIs(t *testing.T) {
	names := []string{"", " ", "a", "A", "St. Paul", "Saint  Paul", "  New-York ", "O'Hare", "D.C.", "x`y", "Zürich",
		"São Paulo", "Łódź", "Москва", "a--b", "a b", "ab", "-", ".a.", "1st Ave"}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// every name of the gazetteer against its own key, its neighbour's and
	// a key one character short
	for i := 0; i < g.Len(); i += 7 {
		names = append(names, g.names[i])
	}
	keys := []string{"", "a", "st paul", "new york", "ohare", "dc", "xy", "zurich", "sao paulo", "lodz", "a b", "ab"}
	for i, n := range names {
		k := Key(n)
		prev := Key(names[max(0, i-1)])
		for _, c := range append([]string{k, prev, k + " ", " " + k, k[:max(0, len(k)-1)]}, keys...) {
			if got, want := keyIs(n, c), Key(n) == c; got != want {
				t.Fatalf("keyIs(%q, %q) = %v, want %v", n, c, got, want)
			}
		}
	}
}

// keyRef is Key as it was written before AppendKey (a strings.Builder
// over the decomposed name), kept to check the shared loop against.
func keyRef(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '.' || r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '`' || r == '´':
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case r < utf8.RuneSelf || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			if b.Len() > 0 {
				pendingSpace = true
			}
			continue
		default:
			if f, ok := special[r]; ok {
				if pendingSpace {
					b.WriteByte(' ')
					pendingSpace = false
				}
				b.WriteString(f)
				continue
			}
			return ""
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestKeySameAsBefore checks Key, AppendKey (onto a non-empty buffer) and
// keyIs against keyRef on edge cases and every gazetteer name.
func TestKeySameAsBefore(t *testing.T) {
	names := []string{"", " ", "a", "ß", "Æsir-Øst", "Straße 1", "Москва", "Zürich", "São  Paulo", "Ørsted’s", "x\u0301y",
		"ﬁn", "Ⅻ", "a\u00a0b", "—a—", "İstanbul", "ı", "Đà Nẵng", "ʻOhana", "١٢٣"}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < g.Len(); i++ {
		names = append(names, g.names[i])
	}
	buf := []byte("pre")
	for _, n := range names {
		want := keyRef(n)
		if got := Key(n); got != want {
			t.Fatalf("Key(%q) = %q, want %q", n, got, want)
		}
		buf = AppendKey(buf[:3], n)
		if got := string(buf[3:]); got != want || string(buf[:3]) != "pre" {
			t.Fatalf("AppendKey(%q) = %q, want %q", n, buf, "pre"+want)
		}
		if !keyIs(n, want) || want != "" && keyIs(n, want+"x") {
			t.Fatalf("keyIs(%q, %q) wrong", n, want)
		}
	}
}

// TestAppendKeyAllocs: a key built onto a buffer with room allocates
// nothing, for an ASCII name and for a name to decompose.
func TestAppendKeyAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, n := range []string{"New York", "São Paulo", "Zürich-Höngg"} {
		AppendKey(buf, n) // the pool's first scratch
		if a := testing.AllocsPerRun(100, func() { buf = AppendKey(buf[:0], n) }); a != 0 {
			t.Errorf("AppendKey(%q): %v allocations", n, a)
		}
		if a := testing.AllocsPerRun(100, func() { keyIs(n, "sao paulo") }); a != 0 {
			t.Errorf("keyIs(%q): %v allocations", n, a)
		}
	}
}
