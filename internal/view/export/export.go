// Package export writes what sitrep holds in exchange formats — JSON
// (one array), CSV (one row per item, the fields a spreadsheet needs) and
// GeoJSON (places with their stories) — from the read model, so the CLI
// and the HTTP API export the same thing.
package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/view"
)

// Kinds of things to export.
var Kinds = []string{"stories", "articles", "actors", "places", "quotes", "timeline"}

// Formats of an export.
var Formats = []string{"json", "csv", "geojson"}

// pageSize is how many items each read fetches.
const pageSize = 500

// Write exports every item of kind matching q (all pages) to w.
func Write(ctx context.Context, w io.Writer, r view.Reader, kind, format string, q view.Query) error {
	if format == "geojson" && kind != "places" {
		return fmt.Errorf("export: geojson is for places, not %s", kind)
	}
	rows, header, err := collect(ctx, r, kind, q)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows.items)
	case "csv":
		return WriteCSV(w, header, rows.records)
	case "geojson":
		return json.NewEncoder(w).Encode(GeoJSON(rows.items.([]view.Place)))
	}
	return fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

type collected struct {
	items   any
	records [][]string
}

// all reads every page of a listing.
func all[T any](ctx context.Context, q view.Query, list func(context.Context, view.Query) (view.Page[T], error)) ([]T, error) {
	out := []T{}
	q.Limit, q.Offset = pageSize, 0
	for {
		p, err := list(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Items...)
		q.Offset += len(p.Items)
		if len(p.Items) == 0 || q.Offset >= p.Total {
			return out, nil
		}
	}
}

func day(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func ids(xs []int64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, " ")
}

// f formats a number in the fewest digits that read back as it: a value
// that went through float32 (scores, confidences) is written as the
// float32 it was (0.8, not 0.800000011920929).
func f(x float64) string {
	if float64(float32(x)) == x {
		return strconv.FormatFloat(x, 'f', -1, 32)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func collect(ctx context.Context, r view.Reader, kind string, q view.Query) (collected, []string, error) {
	var c collected
	switch kind {
	case "stories":
		xs, err := all(ctx, q, r.Stories)
		c.items = xs
		for _, x := range xs {
			c.records = append(c.records, []string{strconv.FormatInt(x.ID, 10), x.Headline, strconv.Itoa(len(x.Articles)), ids(x.Articles),
				strings.Join(x.Outlets, "; "), day(x.FirstSeen), day(x.LastSeen), strconv.FormatInt(x.Storyline, 10),
				strings.Join(x.Actors, "; "), strings.Join(x.Places, "; ")})
		}
		return c, []string{"id", "headline", "article_count", "articles", "outlets", "first_seen", "last_seen", "storyline", "actors", "places"}, err
	case "articles":
		xs, err := all(ctx, q, r.Articles)
		c.items = xs
		for _, x := range xs {
			c.records = append(c.records, []string{strconv.FormatInt(x.ID, 10), x.URL, x.Outlet, x.Title, day(x.Published),
				strconv.FormatBool(x.PublishedEstimated), strconv.FormatInt(x.Story, 10), strconv.FormatInt(x.DuplicateOf, 10)})
		}
		return c, []string{"id", "url", "outlet", "title", "published", "published_estimated", "story", "duplicate_of"}, err
	case "actors":
		xs, err := all(ctx, q, r.Actors)
		c.items = xs
		for _, x := range xs {
			var roles []string
			for _, ro := range x.Roles {
				roles = append(roles, strings.Join(strings.Fields(ro.Title+" "+ro.Organisation+" "+ro.Country), " "))
			}
			c.records = append(c.records, []string{strconv.FormatInt(x.ID, 10), x.Name, strings.Join(x.Aliases, "; "), x.Type, x.Code, x.Country,
				strings.Join(roles, "; "), strconv.Itoa(x.Mentions), strings.Join(x.Outlets, "; "), ids(x.Articles)})
		}
		return c, []string{"id", "name", "aliases", "type", "code", "country", "roles", "mentions", "outlets", "articles"}, err
	case "places":
		xs, err := all(ctx, q, r.Places)
		c.items = xs
		for _, x := range xs {
			c.records = append(c.records, []string{x.Name, strconv.FormatInt(x.GeonamesID, 10), f(x.Lat), f(x.Lon), x.Country, x.Feature,
				strconv.Itoa(x.Mentions), ids(x.Articles), ids(x.Stories)})
		}
		return c, []string{"name", "geonames_id", "lat", "lon", "country", "feature", "mentions", "articles", "stories"}, err
	case "quotes":
		xs, err := all(ctx, q, r.Quotes)
		c.items = xs
		for _, x := range xs {
			c.records = append(c.records, []string{x.Text, x.Speaker, x.SpeakerText, strconv.FormatBool(x.SpeakerResolved), x.Cue, x.Kind,
				strconv.FormatBool(x.Verbatim()), x.Shown(), f(x.Confidence), strconv.FormatInt(x.Article, 10), x.Outlet, strconv.Itoa(x.Sentence)})
		}
		// verbatim and shown tell a direct quote (the speaker's words) from
		// reported speech (the reporter's): "text" alone is the span as written.
		return c, []string{"text", "speaker", "speaker_text", "speaker_resolved", "cue", "kind", "verbatim", "shown", "confidence", "article", "outlet", "sentence"}, err
	case "timeline":
		xs, err := all(ctx, q, r.Timeline)
		c.items = xs
		for _, x := range xs {
			c.records = append(c.records, []string{x.Date, strconv.FormatBool(x.Estimated), x.Expression, x.Text, strconv.FormatInt(x.Citation.Article, 10), x.Citation.Outlet, strconv.Itoa(x.Citation.Sentence)})
		}
		return c, []string{"date", "estimated", "expression", "text", "article", "outlet", "sentence"}, err
	}
	return c, nil, fmt.Errorf("export: unknown kind %q (want %s)", kind, strings.Join(Kinds, ", "))
}

// Feature is a GeoJSON point feature.
type Feature struct {
	Type       string         `json:"type"`
	Geometry   Point          `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// Point is a GeoJSON point: [lon, lat].
type Point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// GeoJSON is a FeatureCollection of places, each with its stories.
func GeoJSON(places []view.Place) map[string]any {
	features := make([]Feature, 0, len(places))
	for _, p := range places {
		stories := p.Stories
		if stories == nil {
			stories = []int64{}
		}
		features = append(features, Feature{Type: "Feature", Geometry: Point{Type: "Point", Coordinates: [2]float64{p.Lon, p.Lat}},
			Properties: map[string]any{"id": p.ID, "name": p.Name, "country": p.Country, "geonames_id": p.GeonamesID,
				"feature": p.Feature, "mentions": p.Mentions, "articles": len(p.Articles), "stories": stories}})
	}
	return map[string]any{"type": "FeatureCollection", "features": features}
}
