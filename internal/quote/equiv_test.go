package quote

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestPolNeAREquivalence dumps every quote Extract finds on all PolNeAR
// articles (every split, with and without given sentences) to the file
// named by $QUOTE_EQUIV, or compares with it when the file exists. It
// guards refactors that must not change output: run once before the
// change, once after.
func TestPolNeAREquivalence(t *testing.T) {
	path := os.Getenv("QUOTE_EQUIV")
	if path == "" {
		t.Skip("set QUOTE_EQUIV=file to dump (absent) or compare (present) every PolNeAR quote")
	}
	dir := sharedDir()
	if dir == "" {
		t.Skip("../shared not found (set SITREP_SHARED)")
	}
	var out bytes.Buffer
	for _, split := range []string{"annotator-training", "dev", "train", "test"} {
		for i, text := range allPolnearTexts(t, filepath.Join(dir, "eval", "quotes-polnear", split+".jsonl.gz")) {
			fmt.Fprintf(&out, "## %s %d\n", split, i)
			for _, q := range Extract(text, nil, nil) {
				fmt.Fprintf(&out, "%+v\n", q)
			}
			fmt.Fprintf(&out, "# sentences\n")
			for _, q := range Extract(text, SplitSentences(text), nil) {
				fmt.Fprintf(&out, "%+v\n", q)
			}
		}
	}
	old, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d bytes to %s", out.Len(), path)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, out.Bytes()) {
		a, b := bytes.Split(old, []byte("\n")), bytes.Split(out.Bytes(), []byte("\n"))
		for i := 0; i < len(a) && i < len(b); i++ {
			if !bytes.Equal(a[i], b[i]) {
				t.Fatalf("output differs from %s at line %d:\nwas %s\nnow %s", path, i+1, a[i], b[i])
			}
		}
		t.Fatalf("output differs from %s in length: %d lines, now %d", path, len(a), len(b))
	}
}

// allPolnearTexts reads every article text of one PolNeAR split file.
func allPolnearTexts(tb testing.TB, file string) []string {
	f, err := os.Open(file)
	if err != nil {
		tb.Fatalf("PolNeAR split unavailable: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []string
	for sc.Scan() {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
