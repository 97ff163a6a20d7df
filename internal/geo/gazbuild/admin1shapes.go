package gazbuild

import (
	"math"

	"github.com/sitrep/sitrep/internal/geo"
)

// admin1Centroids reads Natural Earth's admin-1 polygons as the rgeo module
// ships them (Provinces10.gz: one feature per region or region part, with
// its GeoNames admin-1 code in gn_a1_code) and returns, per code ("CA.08"),
// the area centroid of all the region's parts. On the dev halves of the
// evaluation sets this is much nearer the GeoNames point of an admin-1
// region than the centroid of its populated places (centroid), which sits
// where its people live: 68 of 70 learnt admin-1 points within 161 km,
// against 62 (Ontario: 132 km against 515; Manitoba: 29 against 501).
// The rings come back too, so that a code Natural Earth gives another
// region than GeoNames does can be caught (holds).
func admin1Centroids(path string) (map[string]admin1Shape, error) {
	fs, err := readNE(path)
	if err != nil {
		return nil, err
	}
	by := map[string]*[][][2]float64{}
	for i := range fs {
		code := fs[i].str("gn_a1_code")
		if len(code) < 4 || code[2] != '.' {
			continue
		}
		rings := by[code]
		if rings == nil {
			rings = new([][][2]float64)
			by[code] = rings
		}
		*rings = append(*rings, fs[i].lines...)
	}
	out := make(map[string]admin1Shape, len(by))
	for code, rings := range by {
		if lat, lon, ok := ringsCentroid(*rings); ok {
			out[code] = admin1Shape{lat: lat, lon: lon, rings: *rings}
		}
	}
	return out, nil
}

// admin1Shape is a region's polygon parts (lon, lat rings) and their area
// centroid.
type admin1Shape struct {
	lat, lon float64
	rings    [][][2]float64
}

// fits reports whether the polygons are the region's: they hold at least
// half of its populated places, or their centroid lies within 150 km of
// the places' own (lat, lon) — coarse 1:10m outlines of small islands and
// atolls miss coastal towns, but then the two points agree anyway.
// Natural Earth's gn_a1_code does not always name
// the region GeoNames gives that code today: the Philippines' codes name
// provinces in Natural Earth and regions in GeoNames, so "PH.08" (Eastern
// Visayas, around 11.5N 125E) is Batanes' polygon at 20.5N 121.9E. Such a
// polygon holds few or none of the towns GeoNames files under the code,
// and the region keeps the centroid of its populated places instead. So do
// France's regions, merged in 2016 under new codes ("FR.11" is
// Île-de-France in GeoNames, an old southern region's polygon in Natural
// Earth), and Trøndelag (Natural Earth's "NO.21" is Svalbard).
func (s admin1Shape) fits(ps []pt, lat, lon float64) bool {
	if geo.DistanceKm(s.lat, s.lon, lat, lon) <= 150 {
		return true
	}
	return s.holds(ps)
}

// holds reports whether at least half of the populated places lie inside
// the polygons.
func (s admin1Shape) holds(ps []pt) bool {
	in := 0
	for _, p := range ps {
		for _, r := range s.rings {
			if inRing(r, p.lon, p.lat) {
				in++
				break
			}
		}
	}
	return 2*in >= len(ps)
}

// inRing is the even-odd test of point (x, y) against a ring of
// (lon, lat) vertices.
func inRing(r [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		xi, yi, xj, yj := r[i][0], r[i][1], r[j][0], r[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// ringsCentroid is the centroid of outer rings (lon, lat pairs), each
// weighted by its area on the sphere (planar area × cos latitude). A
// region across the antimeridian (rings on both sides of ±150°) is
// averaged with its western longitudes shifted by 360°.
func ringsCentroid(rings [][][2]float64) (lat, lon float64, ok bool) {
	east, west := false, false
	for _, r := range rings {
		for _, p := range r {
			east = east || p[0] > 150
			west = west || p[0] < -150
		}
	}
	var w, sla, slo float64
	for _, r := range rings {
		if len(r) < 3 {
			continue
		}
		shifted := r
		if east && west {
			shifted = make([][2]float64, len(r))
			for i, p := range r {
				if p[0] < 0 {
					p[0] += 360
				}
				shifted[i] = p
			}
		}
		x, y := ringCentroid(shifted)
		rw := ringArea(shifted) * math.Cos(y*math.Pi/180)
		if rw <= 0 {
			continue
		}
		w += rw
		sla += rw * y
		slo += rw * x
	}
	if w == 0 {
		return 0, 0, false
	}
	lat, lon = sla/w, slo/w
	if lon > 180 {
		lon -= 360
	}
	return lat, lon, true
}
