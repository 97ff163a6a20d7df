package clean

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestLanguageEvidence(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The minister said on Tuesday that the talks with the union were going well and that an agreement was close.", "en"},
		{"german", "Die Polizei in Dortmund sagte am Montag, dass die Demonstration friedlich war und dass es keine Verletzten gab. Auch die Stadt hat sich dazu geäußert.", "de"},
		{"french", "Le ministre a déclaré mardi que les discussions avec le syndicat se passent bien et qu'un accord est proche pour les salariés.", "fr"},
		// headlines: one shared function word is no evidence
		{"headline with a", "Fitch gives SA a strong warning", ""},
		{"headline with an", "An idiotic taxi strike over Uber", ""},
		{"headline with die", "Die Hard star Bruce Willis returns to Broadway in Misery", ""},
		{"headline with as", "Twitter's No. 2 executive resigns as company confronts slowing growth", ""},
		{"too short", "Hallo Welt", ""},
		{"russian", "Министр заявил во вторник, что переговоры идут хорошо", "ru"},
	}
	for _, tc := range tests {
		if got := Language(tc.text); got != tc.want {
			t.Errorf("%s: Language = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLanguageHeadlines: on a week of English news headlines (UCI News
// Aggregator, ../shared/eval/cluster-headlines) the detector must almost
// never name another language: an English article so named would not be
// analysed. Before the thin-evidence rule, 853 of 31,235 were.
func TestLanguageHeadlines(t *testing.T) {
	f, err := os.Open(filepath.Join(extractSharedEval(t), "cluster-headlines", "headlines_2014-06-13_to_19.jsonl.gz"))
	if err != nil {
		t.Skipf("headlines: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	n := 0
	got := map[string]int{}
	var wrong []string
	for sc.Scan() {
		var h struct{ Title string }
		if json.Unmarshal(sc.Bytes(), &h) != nil || h.Title == "" {
			continue
		}
		n++
		l := Language(h.Title)
		got[l]++
		if l != "" && l != "en" {
			wrong = append(wrong, l+": "+h.Title)
		}
	}
	t.Logf("%d headlines: %v", n, got)
	if n < 30000 {
		t.Fatalf("read %d headlines", n)
	}
	if len(wrong) > n/10000 {
		t.Errorf("%d of %d English headlines taken for another language: %q", len(wrong), n, wrong[:min(len(wrong), 10)])
	}
}
