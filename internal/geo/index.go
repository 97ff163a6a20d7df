package geo

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// indexMagic opens every compiled gazetteer; the last byte is the format version.
const indexMagic = "SITREPGZ\x01"

// Record is one gazetteer entry as stored in the compiled index.
type Record struct {
	GeonameID   uint32 // 0 when the sources give none (most countries and admin regions, airports)
	LatE6       int32  // latitude in microdegrees
	LonE6       int32  // longitude in microdegrees
	Population  uint32
	Country     string // ISO 3166-1 alpha-2
	Admin1      string // GeoNames admin1 code within the country ("TX"), "" if none
	FeatureCode string // GeoNames feature code: PPL, PPLA, PPLC, ADM1, PCLI, CONT, ...
	Name        string
}

// IndexData is the whole compiled gazetteer: records and, per lookup key,
// the records it names (indices into Records, ascending).
type IndexData struct {
	Records []Record
	Names   map[string][]int32
}

// WriteIndex writes d gzip-compressed in the binary index format.
func WriteIndex(w io.Writer, d *IndexData) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	// string tables for feature codes and admin1 codes
	fcodes, fidx := table(d.Records, func(r *Record) string { return r.FeatureCode })
	a1s, aidx := table(d.Records, func(r *Record) string { return r.Country + "." + r.Admin1 })

	bw.WriteString(indexMagic)
	uv(uint64(len(fcodes)))
	for _, s := range fcodes {
		str(s)
	}
	uv(uint64(len(a1s)))
	for _, s := range a1s {
		str(s)
	}
	uv(uint64(len(d.Records)))
	var plat, plon int64
	for i := range d.Records {
		r := &d.Records[i]
		if len(r.Country) != 2 {
			return fmt.Errorf("geo: record %d (%s): country %q is not 2 letters", i, r.Name, r.Country)
		}
		uv(uint64(r.GeonameID))
		sv(int64(r.LatE6) - plat)
		sv(int64(r.LonE6) - plon)
		plat, plon = int64(r.LatE6), int64(r.LonE6)
		uv(uint64(r.Population))
		uv(uint64(fidx[r.FeatureCode]))
		uv(uint64(aidx[r.Country+"."+r.Admin1]))
		str(r.Name)
	}
	keys := make([]string, 0, len(d.Names))
	for k := range d.Names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	uv(uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		// front coding: bytes shared with the previous key, then the rest
		n := 0
		for n < len(k) && n < len(prev) && k[n] == prev[n] {
			n++
		}
		uv(uint64(n))
		str(k[n:])
		prev = k
		ids := append([]int32(nil), d.Names[k]...)
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		uv(uint64(len(ids)))
		last := int32(-1)
		for _, id := range ids {
			uv(uint64(id - last))
			last = id
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func table(rs []Record, f func(*Record) string) ([]string, map[string]int) {
	idx := map[string]int{}
	var out []string
	for i := range rs {
		s := f(&rs[i])
		if _, ok := idx[s]; !ok {
			idx[s] = len(out)
			out = append(out, s)
		}
	}
	return out, idx
}

// reader decodes the uncompressed index held in memory.
type reader struct {
	b   []byte
	p   int
	err error
}

func (r *reader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 {
		r.err = errors.New("geo: corrupt index (varint)")
		return 0
	}
	r.p += n
	return x
}

func (r *reader) sv() int64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Varint(r.b[r.p:])
	if n <= 0 {
		r.err = errors.New("geo: corrupt index (varint)")
		return 0
	}
	r.p += n
	return x
}

// bytes returns the next length-prefixed byte string (aliasing r.b).
func (r *reader) bytes() []byte {
	n := int(r.uv())
	if r.err != nil {
		return nil
	}
	if n < 0 || r.p+n > len(r.b) {
		r.err = errors.New("geo: corrupt index (string)")
		return nil
	}
	s := r.b[r.p : r.p+n]
	r.p += n
	return s
}
