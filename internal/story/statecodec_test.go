package story

import (
	"bytes"
	"encoding/gob"
	"testing"
	"time"
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

func FuzzUnmarshalState(f *testing.F) {
	c := NewClusterer(Config{})
	c.AddBatch(inventedDocs(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	good, _ := c.MarshalBinary()
	f.Add(good)
	f.Add([]byte(stateMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewClusterer(Config{})
		if err := r.UnmarshalBinary(b); err != nil {
			return
		}
		// a state that decodes must be usable
		r.Add(Doc{ID: 1 << 40, Title: "Flood waters rise in the valley", Text: "Rescue teams evacuated villages."})
		if _, err := r.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
	})
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
