package events

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadSilver reads the NGEC synthetic stories (silver/ngec_synthetic_stories.jsonl.gz:
// LLM-written, labelled with the PLOVER type they were prompted for) as
// records of their lead paragraph, every step-th story (step ≥ 1). They
// have no licence file: the project uses them to measure only, never to
// train weights; and, not being gold, they measure a coder's drift on text
// it was never tuned on rather than its accuracy.
func LoadSilver(dir string, step int) ([]PloverRecord, error) {
	path := filepath.Join(dir, "silver", "ngec_synthetic_stories.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if step < 1 {
		step = 1
	}
	var out []PloverRecord
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for line := 0; sc.Scan(); line++ {
		if line%step != 0 {
			continue
		}
		var s struct {
			ID   string `json:"id"`
			Type string `json:"event_type"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
		}
		lead := strings.TrimSpace(s.Text)
		if i := strings.Index(lead, "\n"); i > 0 {
			lead = lead[:i]
		}
		out = append(out, PloverRecord{ID: s.ID, Text: lead, Date: "2023-10-19", Type: s.Type})
	}
	return out, sc.Err()
}
