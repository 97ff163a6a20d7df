package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/corpus"
	"github.com/sitrep/sitrep/internal/store"
)

// TestBuildLoadDB builds a database of synthetic articles for the serve
// load test (BENCHMARKS.md). It runs only when SITREP_LOADDB names the
// database file to create; SITREP_LOADDB_N sets the number of articles
// (default 100,000). Articles are stored without the per-article analysis
// (it would take hours on two cores) and then clustered into stories and
// storylines by the corpus stage, with their story pages composed, as
// ingest does.
func TestBuildLoadDB(t *testing.T) {
	path := os.Getenv("SITREP_LOADDB")
	if path == "" {
		t.Skip("set SITREP_LOADDB=FILE (and SITREP_LOADDB_N) to build the load-test database")
	}
	n := 100000
	if s := os.Getenv("SITREP_LOADDB_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	db, err := openDB(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := rand.New(rand.NewPCG(1, 2))
	outlets := []string{"Meridian Wire", "Coastal Herald", "Andes Daily", "Northline News", "Costa Radio", "Atlantic Ledger", "Harbour Times", "Valley Courier"}
	places := []string{"Port Ellen", "Glasgow", "Porto", "Antofagasta", "Lagos", "Mosul", "Raqqa", "Kyiv", "Manila", "Quito", "Nairobi", "Dhaka"}
	subjects := []string{"ferry", "strike", "flood", "election", "offensive", "ceasefire", "drought", "bridge", "mine", "port", "budget", "protest"}
	verbs := []string{"approved", "rejected", "announced", "delayed", "expanded", "suspended", "investigated", "criticised"}
	words := strings.Fields("the authority council ministry said on Tuesday that a plan for the region would be reviewed after talks with unions residents officials and observers who warned of costs delays and risks to jobs while supporters argued it was needed")
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []store.Item
	for i := 0; i < n; i++ {
		dev := i / 6 // one development per six articles
		pl, sub, vb := places[dev%len(places)], subjects[(dev/len(places))%len(subjects)], verbs[dev%len(verbs)]
		tag := fmt.Sprintf("D%d", dev)
		title := fmt.Sprintf("%s %s %s in %s (%s)", strings.ToUpper(sub[:1])+sub[1:], "plan", vb, pl, tag)
		var b strings.Builder
		fmt.Fprintf(&b, "Officials in %s %s the %s plan %s on Tuesday. ", pl, vb, sub, tag)
		for s := 0; s < 8; s++ {
			for w := 0; w < 14; w++ {
				b.WriteString(words[r.IntN(len(words))])
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s %s. ", sub, tag)
		}
		pub := start.Add(time.Duration(dev) * 4 * time.Hour).Add(time.Duration(i%6) * 20 * time.Minute)
		a := clean.Article{Title: title, Text: b.String(), Outlet: outlets[i%len(outlets)], Published: pub, Language: "en",
			URL: fmt.Sprintf("https://example.org/%d", i)}
		batch = append(batch, store.Item{Raw: store.Raw{Origin: a.URL, URL: a.URL, MediaType: "text/plain", Body: []byte(title + "\n\n" + a.Text)}, Article: a})
		if len(batch) == 1000 || i == n-1 {
			if _, err := db.Put(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	t0 := time.Now()
	st, err := corpus.Update(ctx, db, corpus.Options{Batch: 1000})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles stored; corpus stage: %+v in %s", n, st, time.Since(t0))
}
