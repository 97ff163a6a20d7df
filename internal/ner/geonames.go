package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sitrep/sitrep/internal/text"
)

// GeoNames place names as a gazetteer list (training time only). The names
// are read from the compiled index of package geo
// (internal/geo/data/gazetteer.bin.gz, format "SITREPGZ\x01" written by
// geo.WriteIndex): the record table (name, population, feature code) and
// the lookup keys (alternate names, lower-cased, punctuation folded). The
// trained model keeps only the hashes of the names it selected.

const geoIndexMagic = "SITREPGZ\x01"

// GeoNameOptions selects the places whose names enter the gazetteer.
type GeoNameOptions struct {
	// MinPop is the population a populated place needs for its name to
	// count; countries, first-level divisions, capitals and other
	// non-settlement features (continents, oceans, regions) always count.
	MinPop uint32
	// AltMinPop is the population a place needs for its alternate names
	// (the index's lookup keys) to count.
	AltMinPop uint32
}

// geoRecord is the part of a place record the gazetteer uses.
type geoRecord struct {
	pop   uint32
	fcode string
	name  string
}

// major reports whether the place always counts: a country, a first-level
// division, a capital or a feature that is not a settlement.
func (r geoRecord) major() bool {
	switch r.fcode {
	case "PCLI", "ADM1", "PPLC", "CONT", "OCN", "RGN", "SEA", "GULF", "PCLD", "PCLS", "PCLF", "TERR":
		return true
	}
	return !strings.HasPrefix(r.fcode, "PPL") && r.fcode != "ADM2"
}

// LoadGeoNames reads the place names of the compiled geo index at path,
// as token lists, selected by o. Deterministic (index order).
func LoadGeoNames(path string, o GeoNameOptions) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("ner: geo index: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: geo index: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(geoIndexMagic)) {
		return nil, errors.New("ner: geo index: bad magic or version")
	}
	rd := &varReader{b: raw, p: len(geoIndexMagic)}
	var fcodes []string
	for n, i := int(rd.uv()), 0; i < n && rd.err == nil; i++ {
		fcodes = append(fcodes, string(rd.bytes()))
	}
	for n, i := int(rd.uv()), 0; i < n && rd.err == nil; i++ {
		rd.bytes() // admin-1 codes
	}
	n := int(rd.uv())
	if rd.err != nil || n > len(raw) {
		return nil, errors.New("ner: geo index: corrupt header")
	}
	recs := make([]geoRecord, n)
	for i := 0; i < n && rd.err == nil; i++ {
		rd.uv() // id
		rd.sv() // lat
		rd.sv() // lon
		recs[i].pop = uint32(rd.uv())
		fc := rd.uv()
		rd.uv() // admin-1
		if fc >= uint64(len(fcodes)) {
			return nil, errors.New("ner: geo index: corrupt record")
		}
		recs[i].fcode = fcodes[fc]
		recs[i].name = string(rd.bytes())
	}
	var out [][]string
	seen := map[string]bool{}
	addName := func(toks []string) {
		if len(toks) == 0 || len(toks) > maxGazLen {
			return
		}
		k := strings.ToLower(strings.Join(toks, " "))
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, toks)
	}
	var tk []text.Token
	for _, r := range recs {
		if r.major() || r.pop >= o.MinPop {
			tk = text.Tokenize(tk[:0], r.name)
			toks := make([]string, len(tk))
			for i, t := range tk {
				toks[i] = t.Text(r.name)
			}
			addName(toks)
		}
	}
	nk := int(rd.uv())
	var prev []byte
	for i := 0; i < nk && rd.err == nil; i++ {
		shared := int(rd.uv())
		rest := rd.bytes()
		if shared > len(prev) {
			return nil, errors.New("ner: geo index: corrupt key")
		}
		key := append(append([]byte(nil), prev[:shared]...), rest...)
		prev = key
		m := int(rd.uv())
		last := int32(-1)
		ok := false
		for j := 0; j < m && rd.err == nil; j++ {
			last += int32(rd.uv())
			if last < 0 || int(last) >= n {
				return nil, errors.New("ner: geo index: corrupt posting")
			}
			if r := recs[last]; r.major() || r.pop >= o.AltMinPop {
				ok = true
			}
		}
		if ok {
			addName(strings.Fields(string(key)))
		}
	}
	if rd.err != nil {
		return nil, rd.err
	}
	return out, nil
}

// varReader decodes varints and length-prefixed strings.
type varReader struct {
	b   []byte
	p   int
	err error
}

func (r *varReader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 {
		r.err = errors.New("ner: geo index: corrupt varint")
		return 0
	}
	r.p += n
	return x
}

func (r *varReader) sv() int64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Varint(r.b[r.p:])
	if n <= 0 {
		r.err = errors.New("ner: geo index: corrupt varint")
		return 0
	}
	r.p += n
	return x
}

func (r *varReader) bytes() []byte {
	n := int(r.uv())
	if r.err != nil {
		return nil
	}
	if n < 0 || r.p+n > len(r.b) {
		r.err = errors.New("ner: geo index: corrupt string")
		return nil
	}
	s := r.b[r.p : r.p+n]
	r.p += n
	return s
}
