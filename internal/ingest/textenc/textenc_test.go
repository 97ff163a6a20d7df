package textenc

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		enc     string
		wantErr string // "binary", "utf8", "other" or ""
	}{
		{"ascii", []byte("Mosul offensive\n"), "Mosul offensive\n", UTF8, ""},
		{"utf8", []byte("Erdoğan said “no”"), "Erdoğan said “no”", UTF8, ""},
		{"utf8-bom", []byte("\xEF\xBB\xBFHello"), "Hello", UTF8, ""},
		{"utf16le-bom", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0x1F, 0x20}, "Hi‟", UTF16LE, ""},
		{"utf16be-bom", []byte{0xFE, 0xFF, 0, 'H', 0, 'i'}, "Hi", UTF16BE, ""},
		{"utf16-odd", []byte{0xFF, 0xFE, 'H', 0, 'i'}, "", "", "other"},
		{"windows-1252-quotes", []byte("\x93Yes,\x94 he said \x96 caf\xe9"), "“Yes,” he said – café", Windows1252, ""},
		{"latin1-accents", []byte("Fran\xe7ois Hollande"), "François Hollande", Windows1252, ""},
		{"corrupt-utf8-mix", []byte("caf\xc3\xa9 and \xff\xfe broken"), "", "", "utf8"},
		{"undefined-1252", []byte("bad \x81 byte"), "", "", "utf8"},
		{"nul-binary", []byte("PK\x03\x04\x00\x00"), "", "", "binary"},
		{"empty", nil, "", UTF8, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			switch tt.wantErr {
			case "":
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if got != tt.want || enc != tt.enc {
					t.Fatalf("Decode = %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
				}
			case "binary":
				if !errors.Is(err, ErrBinary) {
					t.Fatalf("err = %v, want ErrBinary", err)
				}
			case "utf8":
				var ue *InvalidUTF8Error
				if !errors.As(err, &ue) {
					t.Fatalf("err = %v, want *InvalidUTF8Error", err)
				}
			default:
				if err == nil {
					t.Fatal("want an error")
				}
			}
		})
	}
}

// decodeSeeds are FuzzDecode's seed corpus (testdata/fuzz/FuzzDecode).
func decodeSeeds() map[string][]any {
	seeds := map[string][]any{}
	for name, s := range map[string]string{
		"utf8":                 "hello, café",
		"utf8-bom":             "\xEF\xBB\xBFx",
		"utf16le-bom":          "\xFF\xFEa\x00b\x00",
		"utf16be-bom":          "\xFE\xFF\x00a\x00b",
		"windows1252":          "\x93quoted\x94 caf\xe9",
		"edge-empty":           "",
		"edge-bom-only":        "\xEF\xBB\xBF",
		"edge-utf16-odd":       "\xFF\xFEa\x00b",
		"edge-utf16-surrogate": "\xFF\xFE\x3D\xD8",
		"bad-mixed":            "caf\xc3\xa9\xff",
		"bad-nul":              "\x00",
		"bad-undefined-1252":   "\x81\x8d",
	} {
		seeds[name] = []any{[]byte(s)}
	}
	return seeds
}

func TestFuzzCorpus(t *testing.T) {
	fuzzcorpus.Sync(t, "FuzzDecode", decodeSeeds())
}

// FuzzDecode: text decodes to valid UTF-8 or gives an error. Seeds:
// testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) returned invalid UTF-8 (%s)", b, enc)
		}
	})
}
