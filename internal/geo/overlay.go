package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// The overlay is a second compiled table layered on the base index
// (data/gazetteer.bin.gz) when the gazetteer loads: physical features,
// landmarks, GeoNames ids of regions and multilingual names of countries
// and regions (scripts/gazetteer/features, from Natural Earth, GeoNames
// admin codes and the landmarks table). It lives in a file of its own so
// that the base index, whose place list the NER model was trained on, stays
// byte-identical.
//
//go:embed data/features.bin.gz
var embeddedOverlay []byte

// Overlay is the decoded overlay table. Its layout is flat (slices, no
// maps) so that it decodes and merges in a few tens of milliseconds.
type Overlay struct {
	// BaseRecords is the record count of the base index the overlay was
	// compiled against; an overlay for another base is refused.
	BaseRecords int
	// Records are new places; record j of the overlay becomes record
	// BaseRecords+j of the gazetteer.
	Records []Record
	// Shape of record j: ShapeData[ShapeOff[j]:ShapeOff[j+1]], lines of
	// lat,lon microdegree pairs (EncodeShape); empty for a point feature.
	ShapeOff  []uint32
	ShapeData []byte
	// Actor of record j: the ISO country whose government the name also
	// stands for ("White House" → US); "" when none.
	Actors []string
	// Source of record j: SourceNames[SourceOf[j]], where its name and point
	// come from.
	SourceOf    []uint16
	SourceNames []string
	// Keys (sorted) and their records in the gazetteer's numbering (base
	// records and new ones): Post[PostOff[i]:PostOff[i+1]].
	Keys    []string
	PostOff []uint32
	Post    []int32
	// GeoNames ids for base records that had none (regions).
	IDRecs []int32
	IDs    []uint32
	// Demonyms are the lookup keys (sorted) that are demonyms or adjectives
	// of a place ("iraqi", "kurdish"), not its name: a place is shown by
	// the name the articles use most, but never by its demonym.
	Demonyms []string
}

// EncodeShape appends a shape (lines of lat,lon microdegree pairs) to b:
// the number of lines, then per line its number of points and the
// zig-zag varint deltas.
func EncodeShape(b []byte, lines [][]int32) []byte {
	b = binary.AppendUvarint(b, uint64(len(lines)))
	for _, l := range lines {
		b = binary.AppendUvarint(b, uint64(len(l)/2))
		var plat, plon int32
		for i := 0; i+1 < len(l); i += 2 {
			b = binary.AppendVarint(b, int64(l[i]-plat))
			b = binary.AppendVarint(b, int64(l[i+1]-plon))
			plat, plon = l[i], l[i+1]
		}
	}
	return b
}

// decodeShape reverses EncodeShape; nil for an empty or corrupt shape.
func decodeShape(b []byte) [][]int32 {
	rd := &reader{b: b}
	if len(b) == 0 {
		return nil
	}
	n := int(rd.uv())
	if n > len(b) {
		return nil
	}
	out := make([][]int32, 0, n)
	for i := 0; i < n && rd.err == nil; i++ {
		m := int(rd.uv())
		if m > len(b) {
			return nil
		}
		l := make([]int32, 0, 2*m)
		var plat, plon int32
		for j := 0; j < m && rd.err == nil; j++ {
			plat += int32(rd.sv())
			plon += int32(rd.sv())
			l = append(l, plat, plon)
		}
		out = append(out, l)
	}
	if rd.err != nil {
		return nil
	}
	return out
}

// WriteOverlay writes o gzip-compressed (gob).
func WriteOverlay(w io.Writer, o *Overlay) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(o); err != nil {
		return err
	}
	return zw.Close()
}

// ReadOverlay decodes an overlay written by WriteOverlay.
func ReadOverlay(r io.Reader) (*Overlay, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("geo: overlay: %w", err)
	}
	var o Overlay
	if err := gob.NewDecoder(zr).Decode(&o); err != nil {
		return nil, fmt.Errorf("geo: overlay: %w", err)
	}
	n := len(o.Records)
	if len(o.ShapeOff) != n+1 || len(o.Actors) != n || len(o.SourceOf) != n || len(o.PostOff) != len(o.Keys)+1 || len(o.IDRecs) != len(o.IDs) {
		return nil, fmt.Errorf("geo: overlay: tables of %d records do not match", n)
	}
	for j := 0; j < n; j++ {
		if o.ShapeOff[j] > o.ShapeOff[j+1] || int(o.ShapeOff[j+1]) > len(o.ShapeData) || int(o.SourceOf[j]) >= len(o.SourceNames) {
			return nil, fmt.Errorf("geo: overlay: record %d: bad shape or source", j)
		}
	}
	for i := range o.Keys {
		if o.PostOff[i] > o.PostOff[i+1] || int(o.PostOff[i+1]) > len(o.Post) || i > 0 && o.Keys[i-1] >= o.Keys[i] {
			return nil, fmt.Errorf("geo: overlay: key %d: bad postings or order", i)
		}
	}
	return &o, nil
}

// EmbeddedOverlaySize is the size in bytes of the compressed overlay in the
// binary.
func EmbeddedOverlaySize() int { return len(embeddedOverlay) }

// Base is only the embedded base index (without the overlay): the table
// the overlay build starts from.
func Base() (*Gazetteer, error) { return baseFromCompiled(embeddedCompiled) }

// applyOverlay adds o's records and names to g.
func (g *Gazetteer) applyOverlay(o *Overlay) error {
	base := len(g.ids)
	if o.BaseRecords != base {
		return fmt.Errorf("geo: overlay was built for a base index of %d records, this one has %d", o.BaseRecords, base)
	}
	fidx := map[string]int{}
	for i, f := range g.fcodes {
		fidx[f] = i
	}
	aidx := map[string]int{}
	for i, a := range g.a1s {
		aidx[a] = i
	}
	for _, r := range o.Records {
		if len(r.Country) != 2 {
			return fmt.Errorf("geo: overlay record %s: country %q is not 2 letters", r.Name, r.Country)
		}
		f, ok := fidx[r.FeatureCode]
		if !ok {
			f = len(g.fcodes)
			g.fcodes = append(g.fcodes, r.FeatureCode)
			fidx[r.FeatureCode] = f
		}
		a := r.Country + "." + r.Admin1
		ai, ok := aidx[a]
		if !ok {
			ai = len(g.a1s)
			g.a1s = append(g.a1s, a)
			aidx[a] = ai
		}
		if f > 255 {
			return fmt.Errorf("geo: overlay: too many feature codes")
		}
		g.ids = append(g.ids, r.GeonameID)
		g.lat = append(g.lat, r.LatE6)
		g.lon = append(g.lon, r.LonE6)
		g.pop = append(g.pop, r.Population)
		g.fcode = append(g.fcode, uint8(f))
		g.a1 = append(g.a1, uint32(ai))
		g.names = append(g.names, r.Name)
	}
	g.ov = o
	n := int32(len(g.ids))
	for i, r := range o.IDRecs {
		if r < 0 || int(r) >= base {
			return fmt.Errorf("geo: overlay: id for record %d out of range", r)
		}
		if g.ids[r] == 0 {
			g.ids[r] = o.IDs[i]
		}
	}
	// the overlay's keys with all their records, base ones included
	g.extraPost = make([]int32, 0, len(o.Post)+len(o.Post)/4)
	g.extraOff = make([]uint32, 1, len(o.Keys)+1)
	for i, k := range o.Keys {
		at := len(g.extraPost)
		bp := g.basePostings(k)
		op := o.Post[o.PostOff[i]:o.PostOff[i+1]]
		// both ascending: merge without duplicates
		x, y := 0, 0
		for x < len(bp) || y < len(op) {
			var r int32
			switch {
			case y == len(op) || x < len(bp) && bp[x] < op[y]:
				r = bp[x]
				x++
			case x == len(bp) || op[y] < bp[x]:
				r = op[y]
				y++
			default:
				r = bp[x]
				x++
				y++
			}
			if r < 0 || r >= n {
				return fmt.Errorf("geo: overlay: posting %d of %q out of range", r, k)
			}
			if len(g.extraPost) == at || g.extraPost[len(g.extraPost)-1] != r {
				g.extraPost = append(g.extraPost, r)
			}
		}
		g.extraOff = append(g.extraOff, uint32(len(g.extraPost)))
	}
	return nil
}

// ApplyEmbeddedOverlay layers the embedded overlay on g, a base index
// loaded with Load (a rebuilt variant of the embedded one, for comparing
// index builds with the same physical features and landmarks). It fails,
// leaving g as it was, when the overlay was built for a base index with
// another record count.
func (g *Gazetteer) ApplyEmbeddedOverlay() error {
	if g.ov != nil {
		return errors.New("geo: overlay already applied")
	}
	o, err := ReadOverlay(bytes.NewReader(embeddedOverlay))
	if err != nil {
		return err
	}
	return g.applyOverlay(o)
}

// Shape returns the extent of a candidate as lines of [lat, lon] points (a
// river's course, a lake's outline), or nil for a point feature.
func (g *Gazetteer) Shape(c Candidate) [][][2]float64 {
	return g.shapeOf(c.rec)
}

func (g *Gazetteer) shapeOf(r int32) [][][2]float64 {
	s := g.shape(r)
	if s == nil {
		return nil
	}
	out := make([][][2]float64, len(s))
	for i, line := range s {
		pts := make([][2]float64, len(line)/2)
		for j := range pts {
			pts[j] = [2]float64{float64(line[2*j]) / 1e6, float64(line[2*j+1]) / 1e6}
		}
		out[i] = pts
	}
	return out
}

// ShapeOf looks a place up by name, feature code and country (as stored
// with an article's places) and returns its extent, nil for a point
// feature or an unknown place.
func (g *Gazetteer) ShapeOf(name, featureCode, country string) [][][2]float64 {
	for _, r := range g.postings(Key(name)) {
		if g.fcodes[g.fcode[r]] == featureCode && g.cc(r) == country && g.names[r] == name {
			return g.shapeOf(r)
		}
	}
	return nil
}

// ovRec is the overlay's index of record r, -1 for a base record.
func (g *Gazetteer) ovRec(r int32) int {
	if g.ov == nil || int(r) < g.ov.BaseRecords || int(r) >= len(g.ids) {
		return -1
	}
	return int(r) - g.ov.BaseRecords
}

// shape decodes the extent of record r (nil for a point feature).
func (g *Gazetteer) shape(r int32) [][]int32 {
	j := g.ovRec(r)
	if j < 0 {
		return nil
	}
	return decodeShape(g.ov.ShapeData[g.ov.ShapeOff[j]:g.ov.ShapeOff[j+1]])
}

func (g *Gazetteer) hasShape(r int32) bool {
	j := g.ovRec(r)
	return j >= 0 && g.ov.ShapeOff[j] < g.ov.ShapeOff[j+1]
}

func (g *Gazetteer) actorOf(r int32) string {
	if j := g.ovRec(r); j >= 0 {
		return g.ov.Actors[j]
	}
	return ""
}

func (g *Gazetteer) sourceOf(r int32) string {
	if j := g.ovRec(r); j >= 0 {
		return g.ov.SourceNames[g.ov.SourceOf[j]]
	}
	return ""
}

// famous reports whether record r comes from the landmarks table.
func (g *Gazetteer) famous(r int32) bool {
	return strings.HasPrefix(g.sourceOf(r), LandmarkSource)
}

// LandmarkSource opens the Source of the landmarks table's records.
const LandmarkSource = "landmarks.tsv: "

// ClassAndShape gives a stored place (gazetteer name, feature code,
// country) its feature class and, for a river, lake, range or sea of the
// embedded gazetteer, its extent (nil otherwise, or when the gazetteer
// cannot load).
func ClassAndShape(name, featureCode, country string) (string, [][][2]float64) {
	class := classOf(featureCode, country)
	if !extended(featureCode) {
		return class, nil
	}
	g, err := Default()
	if err != nil {
		return class, nil
	}
	return class, g.ShapeOf(name, featureCode, country)
}

// IsDemonym reports whether a name is a demonym or adjective of a place
// ("Iraqi", "Kurdish") in the embedded gazetteer rather than a name.
func IsDemonym(name string) bool {
	g, err := Default()
	if err != nil {
		return false
	}
	return g.demonymKey(Key(name))
}

// demonymKey reports whether key is a demonym or adjective of the overlay's
// list.
func (g *Gazetteer) demonymKey(k string) bool {
	if g.ov == nil {
		return false
	}
	i := sort.SearchStrings(g.ov.Demonyms, k)
	return i < len(g.ov.Demonyms) && g.ov.Demonyms[i] == k
}
