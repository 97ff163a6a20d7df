package quote

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// polnearTexts reads the article texts of the PolNeAR dev split from
// ../shared (benchmark input only; never used to tune on test).
func polnearTexts(tb testing.TB) []string {
	dir := sharedDir()
	if dir == "" {
		tb.Skip("../shared not found (set SITREP_SHARED): PolNeAR texts unavailable")
	}
	f, err := os.Open(filepath.Join(dir, "eval", "quotes-polnear", "dev.jsonl.gz"))
	if err != nil {
		tb.Skipf("PolNeAR dev split unavailable: %v", err)
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
			Primary bool   `json:"primary"`
			Text    string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		if d.Primary {
			out = append(out, d.Text)
		}
	}
	return out
}
