package gazbuild

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"unicode"
)

// neFeature is one named Natural Earth feature, geometry flattened to
// lines of [lon, lat] points (GeoJSON order).
type neFeature struct {
	props map[string]any
	lines [][][2]float64
	ring  bool // the lines are polygon rings (first = outer of the largest part)
	point bool
}

func (f *neFeature) str(k string) string {
	v, _ := f.props[k].(string)
	return strings.TrimSpace(v)
}

func (f *neFeature) num(k string) float64 {
	v, _ := f.props[k].(float64)
	return v
}

// readNE reads a gzip-compressed GeoJSON FeatureCollection.
func readNE(path string) ([]neFeature, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.NewDecoder(zr).Decode(&fc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []neFeature
	for i, ft := range fc.Features {
		f := neFeature{props: ft.Properties}
		var err error
		switch ft.Geometry.Type {
		case "Point":
			var p [2]float64
			err = json.Unmarshal(ft.Geometry.Coordinates, &p)
			f.lines, f.point = [][][2]float64{{p}}, true
		case "LineString":
			var l [][2]float64
			err = json.Unmarshal(ft.Geometry.Coordinates, &l)
			f.lines = [][][2]float64{l}
		case "MultiLineString":
			err = json.Unmarshal(ft.Geometry.Coordinates, &f.lines)
		case "Polygon":
			var rings [][][2]float64
			err = json.Unmarshal(ft.Geometry.Coordinates, &rings)
			if len(rings) > 0 {
				f.lines, f.ring = rings[:1], true
			}
		case "MultiPolygon":
			var polys [][][][2]float64
			err = json.Unmarshal(ft.Geometry.Coordinates, &polys)
			// outer rings, largest first
			for _, p := range polys {
				if len(p) > 0 {
					f.lines = append(f.lines, p[0])
				}
			}
			for a := 1; a < len(f.lines); a++ {
				for b := a; b > 0 && ringArea(f.lines[b]) > ringArea(f.lines[b-1]); b-- {
					f.lines[b], f.lines[b-1] = f.lines[b-1], f.lines[b]
				}
			}
			f.ring = true
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: feature %d: %w", path, i, err)
		}
		if len(f.lines) == 0 || len(f.lines[0]) == 0 {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

// ringArea is the planar area of a ring in square degrees (abs).
func ringArea(r [][2]float64) float64 {
	a := 0.0
	for i := range r {
		j := (i + 1) % len(r)
		a += r[i][0]*r[j][1] - r[j][0]*r[i][1]
	}
	return math.Abs(a / 2)
}

// ringCentroid is the area centroid of a ring (lon, lat); the vertex mean
// when the ring is degenerate.
func ringCentroid(r [][2]float64) (float64, float64) {
	var a, cx, cy float64
	for i := range r {
		j := (i + 1) % len(r)
		c := r[i][0]*r[j][1] - r[j][0]*r[i][1]
		a += c
		cx += (r[i][0] + r[j][0]) * c
		cy += (r[i][1] + r[j][1]) * c
	}
	if math.Abs(a) < 1e-12 {
		for _, p := range r {
			cx += p[0]
			cy += p[1]
		}
		return cx / float64(len(r)), cy / float64(len(r))
	}
	return cx / (3 * a), cy / (3 * a)
}

// neDisplayName turns Natural Earth's upper-case marine names ("GULF OF
// ADEN") into title case; other names are kept.
func neDisplayName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && (w == "of" || w == "the" || w == "and" || w == "de" || w == "du" || w == "la") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// altNames splits Natural Earth's alternate-name fields ("A; B", "A/B").
func altNames(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '/' || r == ',' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// simplify keeps at most max points of a line, evenly spaced, ends kept.
func simplify(l [][2]float64, max int) [][2]float64 {
	if len(l) <= max || max < 2 {
		return l
	}
	out := make([][2]float64, 0, max)
	step := float64(len(l)-1) / float64(max-1)
	for i := 0; i < max; i++ {
		out = append(out, l[int(math.Round(float64(i)*step))])
	}
	return out
}
