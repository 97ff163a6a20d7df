package geo

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unsafe"
)

// The compiled gazetteer (data/compiled.bin) is what Default serves: the
// base index with the overlay applied, stored uncompressed as flat
// little-endian arrays so that loading it is slicing the embedded bytes,
// not decompressing and decoding 10 MB of varints (≈ 0.4 CPU-s per
// process before). It is derived from data/gazetteer.bin.gz and
// data/features.bin.gz by Compile (scripts/gazetteer/compile); the test
// TestCompiledCurrent keeps it equal to what Compile writes.
//
// Layout: compiledMagic, then sections in a fixed order, each a uint32
// byte length, the bytes and zero padding to a multiple of 4 (so that the
// arrays of 32-bit numbers stay aligned). String lists are two sections:
// n+1 uint32 offsets and the concatenated bytes.
//
//go:embed data/compiled.bin
var embeddedCompiled string

// compiledMagic opens a compiled gazetteer; the last byte is the format
// version. 12 bytes keep the sections after it 4-byte aligned.
const compiledMagic = "SITREPGC\x00\x00\x00\x01"

// Compile writes the compiled gazetteer of a base index (WriteIndex's
// format) with an overlay (WriteOverlay's) applied: the table Default
// serves, in the layout it reads in place.
func Compile(w io.Writer, base, overlay io.Reader) error {
	g, err := Load(base)
	if err != nil {
		return err
	}
	baseIDs := append([]uint32(nil), g.ids...)
	nf, na := len(g.fcodes), len(g.a1s)
	o, err := ReadOverlay(overlay)
	if err != nil {
		return err
	}
	if err := g.applyOverlay(o); err != nil {
		return err
	}
	// records whose GeoNames id came from the overlay: Base clears them
	var idFix []uint32
	for i, id := range baseIDs {
		if g.ids[i] != id {
			idFix = append(idFix, uint32(i))
		}
	}
	var cw compiledWriter
	cw.b = append(cw.b, compiledMagic...)
	cw.u32s([]uint32{uint32(o.BaseRecords), uint32(nf), uint32(na)})
	cw.u32s(g.ids)
	cw.i32s(g.lat)
	cw.i32s(g.lon)
	cw.u32s(g.pop)
	cw.section(g.fcode)
	cw.u32s(g.a1)
	cw.strs(g.names)
	cw.strs(g.fcodes)
	cw.strs(g.a1s)
	cw.u32s(idFix)
	cw.u32s(g.keyOff)
	cw.section([]byte(g.keyBlob))
	cw.u32s(g.postOff)
	cw.i32s(g.post)
	cw.u32s(o.ShapeOff)
	cw.section(o.ShapeData)
	cw.strs(o.Actors)
	u16 := make([]byte, 0, 2*len(o.SourceOf))
	for _, x := range o.SourceOf {
		u16 = binary.LittleEndian.AppendUint16(u16, x)
	}
	cw.section(u16)
	cw.strs(o.SourceNames)
	cw.strs(o.Keys)
	cw.u32s(g.extraOff)
	cw.i32s(g.extraPost)
	cw.strs(o.Demonyms)
	_, err = w.Write(cw.b)
	return err
}

type compiledWriter struct{ b []byte }

func (w *compiledWriter) section(p []byte) {
	w.b = binary.LittleEndian.AppendUint32(w.b, uint32(len(p)))
	w.b = append(w.b, p...)
	for len(w.b)%4 != 0 {
		w.b = append(w.b, 0)
	}
}

func (w *compiledWriter) u32s(xs []uint32) {
	w.b = binary.LittleEndian.AppendUint32(w.b, uint32(4*len(xs)))
	for _, x := range xs {
		w.b = binary.LittleEndian.AppendUint32(w.b, x)
	}
}

func (w *compiledWriter) i32s(xs []int32) {
	w.b = binary.LittleEndian.AppendUint32(w.b, uint32(4*len(xs)))
	for _, x := range xs {
		w.b = binary.LittleEndian.AppendUint32(w.b, uint32(x))
	}
}

func (w *compiledWriter) strs(ss []string) {
	off := make([]uint32, 1, len(ss)+1)
	var blob []byte
	for _, s := range ss {
		blob = append(blob, s...)
		off = append(off, uint32(len(blob)))
	}
	w.u32s(off)
	w.section(blob)
}

// compiledReader walks the sections of a compiled gazetteer. The slices it
// returns alias the input where the machine allows (little-endian, aligned
// input) and must never be written: the embedded bytes are read-only.
type compiledReader struct {
	s   string
	p   int
	err error
}

var errCompiled = errors.New("geo: compiled gazetteer: corrupt")

func (r *compiledReader) section() string {
	if r.err != nil {
		return ""
	}
	if r.p+4 > len(r.s) {
		r.err = errCompiled
		return ""
	}
	n := int(binary.LittleEndian.Uint32([]byte(r.s[r.p : r.p+4])))
	r.p += 4
	if n > len(r.s)-r.p {
		r.err = errCompiled
		return ""
	}
	out := r.s[r.p : r.p+n]
	r.p += (n + 3) &^ 3
	return out
}

// nativeLE is whether this machine stores numbers little-endian, as the
// compiled file does: then its arrays are used in place.
var nativeLE = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

func (r *compiledReader) u32s() []uint32 {
	s := r.section()
	if len(s)%4 != 0 {
		r.err = errCompiled
	}
	if r.err != nil || len(s) == 0 {
		return nil
	}
	p := unsafe.StringData(s)
	if nativeLE && uintptr(unsafe.Pointer(p))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(p)), len(s)/4)
	}
	out := make([]uint32, len(s)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32([]byte(s[4*i : 4*i+4]))
	}
	return out
}

func (r *compiledReader) i32s() []int32 {
	u := r.u32s()
	if len(u) == 0 {
		return nil
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(u))), len(u))
}

func (r *compiledReader) u8s() []uint8 {
	s := r.section()
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func (r *compiledReader) u16s() []uint16 {
	s := r.section()
	if len(s)%2 != 0 {
		r.err = errCompiled
	}
	if r.err != nil || len(s) == 0 {
		return nil
	}
	p := unsafe.StringData(s)
	if nativeLE && uintptr(unsafe.Pointer(p))%2 == 0 {
		return unsafe.Slice((*uint16)(unsafe.Pointer(p)), len(s)/2)
	}
	out := make([]uint16, len(s)/2)
	for i := range out {
		out[i] = binary.LittleEndian.Uint16([]byte(s[2*i : 2*i+2]))
	}
	return out
}

// strTable reads a string list as its offsets and bytes, checking that the
// offsets ascend within the bytes.
func (r *compiledReader) strTable() ([]uint32, string) {
	off := r.u32s()
	blob := r.section()
	if r.err != nil {
		return nil, ""
	}
	if len(off) == 0 || off[0] != 0 || int(off[len(off)-1]) != len(blob) {
		r.err = errCompiled
		return nil, ""
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			r.err = errCompiled
			return nil, ""
		}
	}
	return off, blob
}

// strs reads a string list; the strings share the input's bytes.
func (r *compiledReader) strs() []string {
	off, blob := r.strTable()
	if r.err != nil || len(off) < 2 {
		return nil
	}
	out := make([]string, len(off)-1)
	for i := range out {
		out[i] = blob[off[i]:off[i+1]]
	}
	return out
}

// loadCompiled serves a compiled gazetteer in place: its arrays alias s.
func loadCompiled(s string) (*Gazetteer, error) {
	g, _, err := readCompiled(s)
	return g, err
}

// readCompiled also returns the records whose GeoNames id came from the
// overlay.
func readCompiled(s string) (*Gazetteer, []uint32, error) {
	if len(s) < len(compiledMagic) || s[:len(compiledMagic)] != compiledMagic {
		return nil, nil, errors.New("geo: compiled gazetteer: bad magic or version")
	}
	r := &compiledReader{s: s, p: len(compiledMagic)}
	meta := r.u32s()
	g := &Gazetteer{ov: &Overlay{}}
	g.ids = r.u32s()
	g.lat = r.i32s()
	g.lon = r.i32s()
	g.pop = r.u32s()
	g.fcode = r.u8s()
	g.a1 = r.u32s()
	g.names = r.strs()
	g.fcodes = r.strs()
	g.a1s = r.strs()
	idFix := r.u32s()
	g.keyOff, g.keyBlob = r.strTable()
	g.postOff = r.u32s()
	g.post = r.i32s()
	o := g.ov
	o.ShapeOff = r.u32s()
	o.ShapeData = r.u8s()
	o.Actors = r.strs()
	o.SourceOf = r.u16s()
	o.SourceNames = r.strs()
	o.Keys = r.strs()
	g.extraOff = r.u32s()
	g.extraPost = r.i32s()
	o.Demonyms = r.strs()
	if r.err != nil {
		return nil, nil, r.err
	}
	if r.p != len(s) {
		return nil, nil, errors.New("geo: compiled gazetteer: trailing bytes")
	}
	if err := g.checkCompiled(meta, idFix); err != nil {
		return nil, nil, err
	}
	o.BaseRecords = int(meta[0])
	// as when the overlay is applied to a loaded base: its countries and
	// regions are not listed
	g.indexRegions(o.BaseRecords)
	return g, idFix, nil
}

// checkCompiled verifies that the tables agree in length and that every
// reference stays in range, so that a corrupt file fails here, not with a
// panic during resolution.
func (g *Gazetteer) checkCompiled(meta, idFix []uint32) error {
	n := len(g.ids)
	o := g.ov
	if len(meta) != 3 || int(meta[0]) > n || int(meta[1]) > len(g.fcodes) || int(meta[2]) > len(g.a1s) ||
		len(g.lat) != n || len(g.lon) != n || len(g.pop) != n || len(g.fcode) != n || len(g.a1) != n || len(g.names) != n {
		return fmt.Errorf("geo: compiled gazetteer: tables of %d records do not match", n)
	}
	no := n - int(meta[0])
	if len(o.ShapeOff) != no+1 || len(o.Actors) != no || len(o.SourceOf) != no ||
		len(g.postOff) != len(g.keyOff) || len(g.extraOff) != len(o.Keys)+1 {
		return fmt.Errorf("geo: compiled gazetteer: overlay tables of %d records do not match", no)
	}
	for _, a := range g.a1s {
		if len(a) < 3 || a[2] != '.' {
			return errors.New("geo: compiled gazetteer: corrupt admin code table")
		}
	}
	for i := 0; i < n; i++ {
		if int(g.fcode[i]) >= len(g.fcodes) || int(g.a1[i]) >= len(g.a1s) {
			return fmt.Errorf("geo: compiled gazetteer: record %d: corrupt codes", i)
		}
	}
	for _, r := range idFix {
		if r >= meta[0] {
			return errCompiled
		}
	}
	for j := 0; j < no; j++ {
		if o.ShapeOff[j] > o.ShapeOff[j+1] || int(o.SourceOf[j]) >= len(o.SourceNames) {
			return fmt.Errorf("geo: compiled gazetteer: overlay record %d: bad shape or source", j)
		}
	}
	if int(o.ShapeOff[no]) > len(o.ShapeData) {
		return errCompiled
	}
	if err := checkPostings(g.postOff, g.post, n); err != nil {
		return err
	}
	return checkPostings(g.extraOff, g.extraPost, n)
}

// checkPostings verifies ascending offsets into post and records below n.
func checkPostings(off []uint32, post []int32, n int) error {
	if len(off) == 0 || off[0] != 0 || int(off[len(off)-1]) != len(post) {
		return errCompiled
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			return errCompiled
		}
	}
	for _, r := range post {
		if r < 0 || int(r) >= n {
			return fmt.Errorf("geo: compiled gazetteer: posting %d out of range", r)
		}
	}
	return nil
}

// indexRegions fills the country and admin-1 maps from the first n
// records.
func (g *Gazetteer) indexRegions(n int) {
	g.country = map[string]int32{}
	g.admin1 = map[string]int32{}
	pcli, adm1 := -1, -1
	for i, f := range g.fcodes {
		switch f {
		case "PCLI":
			pcli = i
		case "ADM1":
			adm1 = i
		}
	}
	for i, f := range g.fcode[:n] {
		switch int(f) {
		case pcli:
			g.country[g.a1s[g.a1[i]][:2]] = int32(i)
		case adm1:
			g.admin1[g.a1s[g.a1[i]]] = int32(i)
		}
	}
}

// baseFromCompiled is the base index of a compiled gazetteer, without the
// overlay: the records and names the overlay was built on. Its tables are
// copies where applyOverlay may extend or write them.
func baseFromCompiled(s string) (*Gazetteer, error) {
	c, idFix, err := readCompiled(s)
	if err != nil {
		return nil, err
	}
	b := c.ov.BaseRecords
	meta := (&compiledReader{s: s, p: len(compiledMagic)}).u32s()
	g := &Gazetteer{
		ids: append([]uint32(nil), c.ids[:b]...), lat: c.lat[:b:b], lon: c.lon[:b:b], pop: c.pop[:b:b],
		fcode: c.fcode[:b:b], a1: c.a1[:b:b], names: c.names[:b:b],
		fcodes: c.fcodes[:meta[1]:meta[1]], a1s: c.a1s[:meta[2]:meta[2]],
		keyOff: c.keyOff, keyBlob: c.keyBlob, postOff: c.postOff, post: c.post,
	}
	for _, r := range idFix {
		g.ids[r] = 0
	}
	g.indexRegions(b)
	return g, nil
}
