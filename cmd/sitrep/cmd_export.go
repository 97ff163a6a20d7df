package main

import (
	"context"
	"flag"
	"strings"

	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/export"
)

func init() {
	register(&command{name: "export", summary: "export stories, articles, actors, places, quotes or the timeline as JSON, CSV or GeoJSON",
		usage: "[--db FILE] --format json|csv|geojson [--what stories|articles|actors|places|quotes|timeline] [--story ID] [--outlet NAME] [--from DATE] [--to DATE]", run: runExport})
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
		if *format == "gdelt" {
			return usageError{"gdelt: sitrep does not code events (CAMEO/PLOVER) yet, so there is no GDELT event table to write; use json or csv"}
		}
		q.Limit, q.Offset = 0, 0
		err := export.Write(ctx, e.stdout, r, kind, *format, q)
		if err != nil && (strings.Contains(err.Error(), "unknown") || strings.Contains(err.Error(), "geojson is for")) {
			return usageError{err.Error()}
		}
		return err
	})
}
