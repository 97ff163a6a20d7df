package story

import (
	"bytes"
	"encoding/gob"
	"runtime"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

// gobV1 writes c's state the way version 1 did, to check it is still read.
func gobV1(t testing.TB, c *Clusterer) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := snapshot{
		Version: 1, Cfg: c.cfg, N: c.n, Seq: c.seq, Now: c.now, DF: c.df, DFShed: c.dfShed,
		Events: c.evs, Live: c.live, Post: c.post, Storylines: c.sls, SlLive: c.slLive, SlPost: c.slPost,
		Changed: c.changed, Merged: c.merged, Dup: c.dup.ring, DupNext: c.dup.next, DupCap: c.dup.cap,
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStateResumesInEveryEncoding(t *testing.T) {
	// a stream long enough to retire events, merge some and fill the
	// near-duplicate ring
	g := newCorpusGen(7)
	docs := make([]Doc, 3000)
	for i := range docs {
		docs[i] = g.next()
	}
	cfg := Config{ActiveWindow: 400, DuplicateWindow: 300}
	whole := NewClusterer(cfg)
	var want []Assignment
	for lo := 0; lo < len(docs); lo += 100 {
		want = append(want, whole.AddBatch(docs[lo:lo+100])...)
	}
	for _, enc := range []string{"compact", "gob v1"} {
		t.Run(enc, func(t *testing.T) {
			half := NewClusterer(cfg)
			for lo := 0; lo < 2000; lo += 100 {
				half.AddBatch(docs[lo : lo+100])
			}
			b, err := half.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			if enc == "gob v1" {
				b = gobV1(t, half)
			}
			resumed := NewClusterer(Config{})
			if err := resumed.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			// the same state encodes to the same bytes
			if enc == "compact" {
				again, _ := resumed.MarshalBinary()
				if !bytes.Equal(again, b) {
					t.Error("state differs after a round trip")
				}
			}
			var got []Assignment
			for lo := 2000; lo < len(docs); lo += 100 {
				got = append(got, resumed.AddBatch(docs[lo:lo+100])...)
			}
			if enc == "gob v1" {
				// version 1 did not keep the cached weighted centroids:
				// it resumes, but scores may differ slightly
				if len(got) != len(docs)-2000 {
					t.Fatalf("%d assignments after resume", len(got))
				}
				return
			}
			for i := range got {
				if got[i] != want[2000+i] {
					t.Fatalf("doc %d after resume: %+v, want %+v", docs[2000+i].ID, got[i], want[2000+i])
				}
			}
		})
	}
}

func TestStateRejectsCorruptInput(t *testing.T) {
	c := NewClusterer(Config{})
	c.AddBatch(inventedDocs(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":     nil,
		"garbage":   []byte("garbage"),
		"magic":     []byte(stateMagic),
		"truncated": good[:len(good)/2],
		"trailing":  append(append([]byte(nil), good...), 0),
	}
	for name, b := range cases {
		if err := NewClusterer(Config{}).UnmarshalBinary(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// smallState is a valid state of a clusterer that took in a few short
// articles: one and its near-duplicate. Fuzz
// seeds stay small because the fuzzer minimises every input that finds new
// code, at a cost that grows with the input's size (a 10 KB seed had it
// spend a whole minute minimising one input).
func smallState(tb testing.TB) *Clusterer {
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	c := NewClusterer(Config{})
	c.AddBatch([]Doc{
		{ID: 1, Outlet: "a", Title: "Quake hits Valparaiso", Text: "Rescue teams searched rubble.", Published: t0},
		{ID: 2, Outlet: "b", Title: "Quake hits Valparaiso", Text: "Rescue teams searched rubble."},
	})
	return c
}

// stateSeeds are FuzzUnmarshalState's seed corpus (testdata/fuzz): valid
// states in both encodings, edge cases and malformed ones.
func stateSeeds(tb testing.TB) map[string][]any {
	small, err := smallState(tb).MarshalBinary()
	if err != nil {
		tb.Fatal(err)
	}
	empty, err := NewClusterer(Config{}).MarshalBinary()
	if err != nil {
		tb.Fatal(err)
	}
	hugeCount := append([]byte(stateMagic), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)
	return map[string][]any{
		"valid-small":         {small},
		"valid-empty":         {empty},
		"valid-gob-v1":        {gobV1(tb, smallState(tb))},
		"edge-nothing":        {[]byte{}},
		"edge-magic-only":     {[]byte(stateMagic)},
		"bad-truncated":       {small[:len(small)/2]},
		"bad-trailing-byte":   {append(append([]byte(nil), small...), 0)},
		"bad-magic-version":   {append([]byte("SITREPCL\x09"), small[len(stateMagic):]...)},
		"bad-huge-count":      {hugeCount},
		"bad-gob-v1-huge-map": {gobHugeMap(tb)},
	}
}

func TestFuzzCorpus(t *testing.T) {
	fuzzcorpus.Sync(t, "FuzzUnmarshalState", stateSeeds(t))
	// the valid seeds must stay valid as the format changes
	for _, name := range []string{"valid-small", "valid-empty", "valid-gob-v1"} {
		args, err := fuzzcorpus.Load("FuzzUnmarshalState", name)
		if err != nil {
			t.Fatal(err)
		}
		if err := NewClusterer(Config{}).UnmarshalBinary(args[0].([]byte)); err != nil {
			t.Errorf("seed %s no longer decodes: %v", name, err)
		}
	}
}

// FuzzUnmarshalState: any bytes give a clusterer or an error, never a
// panic or an allocation beyond what the input could describe; a state
// that decodes is usable. Seeds: testdata/fuzz/FuzzUnmarshalState.
func FuzzUnmarshalState(f *testing.F) {
	doc := Doc{ID: 1 << 40, Title: "Flood waters rise in the valley", Text: "Rescue teams evacuated villages."}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewClusterer(Config{})
		if err := r.UnmarshalBinary(b); err != nil {
			return
		}
		r.Add(doc)
		if _, err := r.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
	})
}

// gobHugeMap is a version 1 (gob) state whose DF map claims 2^28 entries
// and holds one.
func gobHugeMap(tb testing.TB) []byte {
	const key = 0xabcdef // gob writes it as fd ab cd ef
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(snapshot{Version: 1, DF: map[uint64]uint32{key: 1}}); err != nil {
		tb.Fatal(err)
	}
	// a gob stream is messages, each its length (a gob uint) and bytes;
	// the value is the last one
	var msgs [][]byte
	for raw := b.Bytes(); len(raw) > 0; {
		n, w := gobUint(tb, raw)
		msgs = append(msgs, raw[w:w+int(n)])
		raw = raw[w+int(n):]
	}
	v := msgs[len(msgs)-1]
	at := bytes.Index(v, []byte{0xfd, 0xab, 0xcd, 0xef})
	if at < 1 || v[at-1] != 1 {
		tb.Fatalf("gob layout changed: %x", v)
	}
	// the count 1 becomes 2^28 (gob: fc 10 00 00 00)
	patched := append(append(append([]byte(nil), v[:at-1]...), 0xfc, 0x10, 0, 0, 0), v[at:]...)
	msgs[len(msgs)-1] = patched
	var out []byte
	for _, m := range msgs {
		out = appendGobUint(out, uint64(len(m)))
		out = append(out, m...)
	}
	return out
}

// gobUint reads a gob unsigned integer: one byte under 0x80, or the
// negated byte count and that many big-endian bytes.
func gobUint(tb testing.TB, b []byte) (uint64, int) {
	if b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	n := int(-int8(b[0]))
	var v uint64
	for _, c := range b[1 : 1+n] {
		v = v<<8 | uint64(c)
	}
	return v, 1 + n
}

func appendGobUint(b []byte, v uint64) []byte {
	if v < 0x80 {
		return append(b, byte(v))
	}
	var be []byte
	for ; v > 0; v >>= 8 {
		be = append([]byte{byte(v)}, be...)
	}
	return append(append(b, byte(-int8(len(be)))), be...)
}

func TestStateV1HugeMapFailsFast(t *testing.T) {
	b := gobHugeMap(t)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := NewClusterer(Config{}).UnmarshalBinary(b)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("accepted a map that claims more entries than it holds")
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("decoding allocated %d MB for a %d-byte input", grew>>20, len(b))
	}
}

func TestStateRejectsInconsistentSnapshots(t *testing.T) {
	c := NewClusterer(Config{})
	c.AddBatch(inventedDocs(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(s *snapshot){
		"ring position":     func(s *snapshot) { s.DupNext = len(s.Dup) + 3 },
		"negative size":     func(s *snapshot) { s.Cfg.MaxCandidates = -1 },
		"posting too far":   func(s *snapshot) { s.Post[1] = []int32{int32(len(s.Events))} },
		"merged into ghost": func(s *snapshot) { s.Events[0].MergedInto = int64(len(s.Events)) + 5 },
	}
	for name, spoil := range cases {
		s, err := decodeSnapshot(good)
		if err != nil {
			t.Fatal(err)
		}
		spoil(s)
		b, err := encodeSnapshot(s, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := NewClusterer(Config{}).UnmarshalBinary(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
