package geo

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", 36.34, 43.13, 36.34, 43.13, 0, 1e-9},
		{"Mosul–Erbil", 36.335, 43.119, 36.191, 44.009, 81, 3},
		{"Paris–Paris TX", 48.857, 2.352, 33.661, -95.556, 7783, 5},
		{"antipodes", 0, 0, 0, 180, math.Pi * EarthRadiusKm, 1},
		{"across the date line", 0, 179.5, 0, -179.5, 111.2, 0.5},
	}
	for _, tt := range tests {
		got := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
		if math.Abs(got-tt.want) > tt.tol {
			t.Errorf("%s: %.1f km, want %.1f ± %.1f", tt.name, got, tt.want, tt.tol)
		}
	}
}
