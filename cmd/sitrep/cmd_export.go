package main

import (
	"context"
	"flag"
	"strings"

	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/export"
)

func init() {
	register(&command{name: "export", summary: "export stories, articles, actors, places, quotes, the timeline or coded events as JSON, CSV, GeoJSON or GDELT 2.0 tables",
		usage: "[--db FILE] --format json|csv|geojson|gdelt [--what stories|articles|actors|places|quotes|timeline|events|mentions] [--story ID] [--outlet NAME] [--from DATE] [--to DATE]", run: runExport})
}

func runExport(ctx context.Context, e *env, a []string) error {
	var format, what *string
	return withReader(runWith(ctx, a), e, "export", true, func(fs *flag.FlagSet) {
		format = fs.String("format", "json", "`FORMAT`: "+strings.Join(export.Formats, ", "))
		what = fs.String("what", "", "`KIND` to export: "+strings.Join(export.Kinds, ", ")+" (default stories; places for geojson)")
	}, func(r view.Reader, rf *readFlags, q view.Query, pos []string) error {
		if len(pos) > 0 {
			return usageError{"unexpected argument " + pos[0]}
		}
		kind := *what
		if kind == "" {
			kind = "stories"
			if *format == "geojson" {
				kind = "places"
			}
		}
		// coded events (cmd_events.go): GDELT tables, or events as JSON/CSV
		if *format == "gdelt" || kind == "events" || kind == "mentions" {
			return exportEvents(ctx, e, *rf.db, *format, kind, rf)
		}
		q.Limit, q.Offset = 0, 0
		err := export.Write(ctx, e.stdout, r, kind, *format, q)
		if err != nil && (strings.Contains(err.Error(), "unknown") || strings.Contains(err.Error(), "geojson is for")) {
			return usageError{err.Error()}
		}
		return err
	})
}
