package geo

import "math"

// Extents: a river, lake, range or sea is a line or an area, not a point.
// The resolver places a river at the point of its course nearest the
// document's other places, and DistanceToKm measures from the whole extent.

// isRing reports whether a shape line is closed (an outline).
func isRing(l []int32) bool {
	n := len(l)
	return n >= 8 && l[0] == l[n-2] && l[1] == l[n-1]
}

// pointNear returns the vertex of r's course nearest to any of the points
// (lat, lon pairs in microdegrees); ok is false for records without a
// course (points and outlines keep their own point).
func (g *Gazetteer) pointNear(r int32, others []int32) (lat, lon int32, ok bool) {
	if len(others) == 0 || !g.hasShape(r) {
		return 0, 0, false
	}
	s := g.shape(r)
	if len(s) == 0 || isRing(s[0]) {
		return 0, 0, false
	}
	best := math.Inf(1)
	for _, line := range s {
		for i := 0; i+1 < len(line); i += 2 {
			for _, o := range others {
				d := DistanceKm(float64(line[i])/1e6, float64(line[i+1])/1e6, float64(g.lat[o])/1e6, float64(g.lon[o])/1e6)
				if d < best {
					best, lat, lon = d, line[i], line[i+1]
				}
			}
		}
	}
	return lat, lon, true
}

// DistanceToKm is the distance from a point to a resolved place: to its
// point, or, for a place with an extent, to the nearest part of its course
// or outline (0 inside an outline). This is how a gold point on a river
// far from the river's chosen point is still on the river.
func (g *Gazetteer) DistanceToKm(lat, lon float64, c Candidate) float64 {
	d := DistanceKm(lat, lon, c.Lat, c.Lon)
	if c.rec < 0 || int(c.rec) >= len(g.ids) || g.names[c.rec] != c.Name || !g.hasShape(c.rec) {
		return d
	}
	s := g.shape(c.rec)
	for _, line := range s {
		if isRing(line) && inRing(lat, lon, line) {
			return 0
		}
		for i := 0; i+3 < len(line); i += 2 {
			d = math.Min(d, segmentKm(lat, lon, line[i], line[i+1], line[i+2], line[i+3]))
		}
	}
	return d
}

// segmentKm is the distance from a point to a segment, on a local
// equirectangular projection (segments are short).
func segmentKm(lat, lon float64, alat, alon, blat, blon int32) float64 {
	ay, ax := float64(alat)/1e6, float64(alon)/1e6
	by, bx := float64(blat)/1e6, float64(blon)/1e6
	k := math.Cos(lat * math.Pi / 180)
	px, py := (lon-ax)*k, lat-ay
	dx, dy := (bx-ax)*k, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, (px*dx+py*dy)/l))
	}
	return DistanceKm(lat, lon, ay+t*dy, ax+t*(bx-ax))
}

// inRing is the even-odd point-in-polygon test.
func inRing(lat, lon float64, ring []int32) bool {
	in := false
	n := len(ring) / 2
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		yi, xi := float64(ring[2*i])/1e6, float64(ring[2*i+1])/1e6
		yj, xj := float64(ring[2*j])/1e6, float64(ring[2*j+1])/1e6
		if (yi > lat) != (yj > lat) && lon < (xj-xi)*(lat-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// DistanceToStoredKm is DistanceToKm for a place known by what is stored
// of it (gazetteer name, feature code, country and the point chosen): from
// the point, or the nearest part of its extent when the embedded gazetteer
// has one.
func DistanceToStoredKm(lat, lon float64, name, featureCode, country string, plat, plon float64) float64 {
	d := DistanceKm(lat, lon, plat, plon)
	if !extended(featureCode) {
		return d
	}
	g, err := Default()
	if err != nil {
		return d
	}
	for _, r := range g.postings(Key(name)) {
		if g.fcodes[g.fcode[r]] == featureCode && g.cc(r) == country && g.names[r] == name {
			return math.Min(d, g.DistanceToKm(lat, lon, g.candidate(r)))
		}
	}
	return d
}
