package gazbuild

import (
	"math"
	"testing"
)

func TestRingsCentroid(t *testing.T) {
	square := func(lon0, lat0, d float64) [][2]float64 {
		return [][2]float64{{lon0, lat0}, {lon0 + d, lat0}, {lon0 + d, lat0 + d}, {lon0, lat0 + d}, {lon0, lat0}}
	}
	for _, tc := range []struct {
		name     string
		rings    [][][2]float64
		lat, lon float64
		ok       bool
	}{
		{"one square", [][][2]float64{square(10, 40, 2)}, 41, 11, true},
		// a big part outweighs a small island far away
		{"mainland and islet", [][][2]float64{square(0, 0, 4), square(40, 0, 0.1)}, 2, 2.024, true},
		// parts on both sides of the antimeridian average near 180, not 0
		{"across the antimeridian", [][][2]float64{square(178, 60, 2), square(-180, 60, 2)}, 61, 180, true},
		{"degenerate", [][][2]float64{{{1, 1}, {2, 2}}}, 0, 0, false},
		{"none", nil, 0, 0, false},
	} {
		lat, lon, ok := ringsCentroid(tc.rings)
		if ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if lon < -179.5 {
			lon += 360
		}
		if math.Abs(lat-tc.lat) > 0.05 || math.Abs(lon-tc.lon) > 0.1 {
			t.Errorf("%s: %.3f,%.3f, want %.3f,%.3f", tc.name, lat, lon, tc.lat, tc.lon)
		}
	}
}
