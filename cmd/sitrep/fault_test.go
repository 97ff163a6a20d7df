package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/corpus"
)

// TestIngestStageFaults: a fault injected in the analysis of one article
// and in the story stage of another leaves every article stored, the
// others in stories, the faults recorded (article JSON, status), and a
// later ingest goes on as usual.
func TestIngestStageFaults(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"a.txt": goodArticle,
		"b.txt": "Quarry expansion approved near Elgin\n\nThe Moray council approved on Wednesday the expansion of the Elgin quarry, said councillor Fiona Grant. \"The jobs matter,\" she said.\n",
		"c.txt": "Storm closes mountain pass in Norway\n\nA storm closed the Hardanger mountain pass on Thursday, the Norwegian road authority said. Drivers were told to wait in Geilo.\n",
	}
	for name, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	analyse.FaultHook = func(stage, text string) {
		if stage == "analysis/entities" && strings.Contains(text, "Elgin quarry") {
			panic("injected analysis fault")
		}
	}
	corpus.FaultHook = func(stage string, article int64) {
		if stage == "stories" && article == 3 {
			panic("injected story fault")
		}
	}
	defer func() { analyse.FaultHook, corpus.FaultHook = nil, nil }()
	db := filepath.Join(t.TempDir(), "f.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, dir); code != 0 || !strings.Contains(stderr, "1 articles skipped") {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	var st statusJSON
	code, out, _ := run(t, "", "status", "--db", db, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil {
		t.Fatalf("status %d %s", code, out)
	}
	if st.Articles != 3 || st.FaultyArticles != 2 || st.Faults["analysis/entities"] != 1 || st.Faults["stories"] != 1 || st.Incomplete != 1 || st.NotInStories != 1 {
		t.Errorf("status %+v", st)
	}
	var arts []articleJSON
	_, out, _ = run(t, "", "articles", "--db", db, "--json")
	if err := json.Unmarshal([]byte(out), &arts); err != nil || len(arts) != 3 {
		t.Fatalf("articles: %v %s", err, out)
	}
	for _, a := range arts {
		var full articleJSON
		_, out, _ := run(t, "", "article", "--db", db, "--json", strconv.FormatInt(a.ID, 10))
		if err := json.Unmarshal([]byte(out), &full); err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.Contains(full.Text, "Elgin quarry"):
			if full.Analysis == nil || full.Analysis.Status != "incomplete" || len(full.Faults) != 1 || full.Faults[0].Stage != "analysis/entities" {
				t.Errorf("article %d: analysis %+v faults %+v", a.ID, full.Analysis, full.Faults)
			}
			if len(full.Sentences) == 0 {
				t.Errorf("article %d: the sentences were lost with the entities", a.ID)
			}
		case a.ID == 3:
			if len(full.Faults) != 1 || full.Faults[0].Stage != "stories" {
				t.Errorf("article %d: faults %+v", a.ID, full.Faults)
			}
		default:
			if full.Analysis == nil || full.Analysis.Status != "complete" || len(full.Faults) != 0 {
				t.Errorf("article %d: analysis %+v faults %+v", a.ID, full.Analysis, full.Faults)
			}
		}
	}
	_, out, _ = run(t, "", "article", "--db", db, "3")
	if !strings.Contains(out, "fault:") || !strings.Contains(out, "injected story fault") {
		t.Errorf("article text does not show the fault:\n%s", out)
	}
	// the next ingest is not stopped by the faulty article
	corpus.FaultHook = nil
	more := filepath.Join(t.TempDir(), "d.txt")
	os.WriteFile(more, []byte("Ferry trial extended\n\nThe harbour authority of Port Ellen extended the night ferry trial on Friday.\n"), 0o644)
	if code, _, stderr := run(t, "", "ingest", "--db", db, more); code != 0 || !strings.Contains(stderr, "1 articles into stories") {
		t.Fatalf("second ingest exit %d: %s", code, stderr)
	}
}
