package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store/open"
)

func init() {
	register(&command{
		name:    "status",
		summary: "what the database holds and what the stages could not do (faults, incomplete analyses, languages not analysed)",
		usage:   "[--db FILE] [--json]",
		run:     runStatus,
	})
}

// statusJSON is the JSON form of `sitrep status`.
type statusJSON struct {
	Articles       int64            `json:"articles"`
	Documents      int64            `json:"documents"`
	FaultyArticles int64            `json:"faulty_articles"` // articles with a recorded fault
	FaultyIDs      []int64          `json:"faulty_ids"`      // the first 20 of them
	Faults         map[string]int64 `json:"faults"`          // recorded faults by stage
	Incomplete     int64            `json:"incomplete"`      // analysis stopped early (time budget or fault)
	NotAnalysed    map[string]int64 `json:"not_analysed"`    // by language (ISO 639-1)
	NoAnalysis     int64            `json:"no_analysis"`     // ingested with --no-analyse
	NotInStories   int64            `json:"not_in_stories"`  // not (yet) placed in a story
}

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, commands["status"])
	dbPath := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print a JSON object")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"unexpected argument " + pos[0]}
	}
	db, err := openExistingDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	h, err := db.Health(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, statusJSON{Articles: h.Articles, Documents: h.Documents, FaultyArticles: h.FaultyArticles, FaultyIDs: nonNilIDs(h.FaultyIDs), Faults: h.Faults,
			Incomplete: h.Incomplete, NotAnalysed: h.NotAnalysed, NoAnalysis: h.NoAnalysis, NotInStories: h.Unplaced})
	}
	w := e.stdout
	fmt.Fprintf(w, "database:       %s\n", open.Redact(*dbPath))
	fmt.Fprintf(w, "articles:       %d (%d documents)\n", h.Articles, h.Documents)
	fmt.Fprintf(w, "not in stories: %d\n", h.Unplaced)
	fmt.Fprintf(w, "faults:         %d articles", h.FaultyArticles)
	for _, k := range sortedKeys(h.Faults) {
		fmt.Fprintf(w, "; %s %d", k, h.Faults[k])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "incomplete:     %d (analysis stopped by the time budget or a fault)\n", h.Incomplete)
	var n int64
	for _, c := range h.NotAnalysed {
		n += c
	}
	fmt.Fprintf(w, "not analysed:   %d", n)
	for _, k := range sortedKeys(h.NotAnalysed) {
		fmt.Fprintf(w, "; %s %d", clean.LanguageName(k), h.NotAnalysed[k])
	}
	fmt.Fprintln(w)
	if h.NoAnalysis > 0 {
		fmt.Fprintf(w, "no analysis:    %d (ingested with --no-analyse)\n", h.NoAnalysis)
	}
	if h.FaultyArticles > 0 {
		fmt.Fprintf(w, "faulty articles: %v (`sitrep article ID` shows an article's faults)\n", h.FaultyIDs)
	}
	return nil
}

func sortedKeys(m map[string]int64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}
