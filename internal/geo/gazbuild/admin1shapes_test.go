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

func TestAdmin1ShapeFits(t *testing.T) {
	square := func(lon0, lat0, d float64) [][2]float64 {
		return [][2]float64{{lon0, lat0}, {lon0 + d, lat0}, {lon0 + d, lat0 + d}, {lon0, lat0 + d}, {lon0, lat0}}
	}
	// a region polygon around 10-14E 40-44N, centroid 42N 12E
	s := admin1Shape{lat: 42, lon: 12, rings: [][][2]float64{square(10, 40, 4)}}
	inside := []pt{{lat: 41, lon: 11}, {lat: 43, lon: 13}, {lat: 42.5, lon: 10.5}}
	far := []pt{{lat: 50, lon: 30}, {lat: 51, lon: 31}, {lat: 50.5, lon: 30.5}}
	coast := []pt{{lat: 42, lon: 14.2}, {lat: 42.2, lon: 14.3}} // just outside
	for _, tc := range []struct {
		name     string
		ps       []pt
		lat, lon float64 // centroid of ps
		want     bool
	}{
		{"towns inside", inside, 42.2, 11.5, true},
		{"most towns inside, centroid far", append(append([]pt{}, inside...), far[0]), 44, 16, true},
		// the code names another region: its towns lie elsewhere
		{"towns elsewhere", far, 50.5, 30.5, false},
		// a coarse outline misses coastal towns: kept where the points
		// agree (an islet's), not where they are far apart
		{"coastal towns outside, far", coast, 42.1, 14.25, false},
		{"coastal towns outside, near", coast, 42.1, 13.5, true},
	} {
		if got := s.fits(tc.ps, tc.lat, tc.lon); got != tc.want {
			t.Errorf("%s: fits = %v, want %v", tc.name, got, tc.want)
		}
	}
}
