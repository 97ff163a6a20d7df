package server

import (
	"context"
	"net/http"

	"github.com/sitrep/sitrep/internal/view"
)

// maxExportPlaces bounds one GeoJSON export.
const maxExportPlaces = 10000

type geoFeature struct {
	Type       string         `json:"type"`
	Geometry   geoPoint       `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // lon, lat
}

// exportGeoJSON answers a GeoJSON FeatureCollection of the places matching
// the query (all pages, up to 10,000 places), each with its stories.
func (s *Server) exportGeoJSON(allowed []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := s.parseQuery(r.URL.Query(), allowed)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		features := []geoFeature{}
		q.Limit = s.opts.MaxLimit
		for len(features) < maxExportPlaces {
			page, err := s.r.Places(ctx, q)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			for _, p := range page.Items {
				features = append(features, placeFeature(p))
			}
			q.Offset += len(page.Items)
			if len(page.Items) == 0 || q.Offset >= page.Total {
				break
			}
		}
		w.Header().Set("Content-Disposition", `attachment; filename="sitrep-places.geojson"`)
		writeJSON(w, http.StatusOK, map[string]any{"type": "FeatureCollection", "features": features})
	}
}

func placeFeature(p view.Place) geoFeature {
	stories := p.Stories
	if stories == nil {
		stories = []int64{}
	}
	return geoFeature{
		Type:     "Feature",
		Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{p.Lon, p.Lat}},
		Properties: map[string]any{
			"id": p.ID, "name": p.Name, "country": p.Country, "geonames_id": p.GeonamesID,
			"feature": p.Feature, "mentions": p.Mentions, "articles": len(p.Articles), "stories": stories,
		},
	}
}
