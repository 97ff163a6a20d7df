package server

import (
	"context"
	"net/http"

	"github.com/sitrep/sitrep/internal/view"
	"github.com/sitrep/sitrep/internal/view/export"
)

// maxExportPlaces bounds one GeoJSON export.
const maxExportPlaces = 10000

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
		places := []view.Place{}
		q.Limit = s.opts.MaxLimit
		for len(places) < maxExportPlaces {
			page, err := s.r.Places(ctx, q)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			places = append(places, page.Items...)
			q.Offset += len(page.Items)
			if len(page.Items) == 0 || q.Offset >= page.Total {
				break
			}
		}
		w.Header().Set("Content-Disposition", `attachment; filename="sitrep-places.geojson"`)
		writeJSON(w, http.StatusOK, export.GeoJSON(places))
	}
}
