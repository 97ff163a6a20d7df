package story

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// TestStateLogReplaysExactly: a clusterer fed batches of random sizes,
// its changes written after each batch and its whole state now and then
// (compaction), is restored from the last whole state and the changes
// after it to exactly the state it holds — through sweeps, merges,
// retirements, shed document frequencies and a full near-duplicate ring.
func TestStateLogReplaysExactly(t *testing.T) {
	g := newCorpusGen(11)
	docs := make([]Doc, 6000)
	for i := range docs {
		docs[i] = g.next()
	}
	rng := rand.New(rand.NewSource(5))
	c := NewClusterer(Config{ActiveWindow: 400, DuplicateWindow: 300})
	base, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	log := NewStateLog(c)
	var deltas [][]byte
	var deltaBytes, batches, compactions int
	for lo := 0; lo < len(docs); {
		hi := min(len(docs), lo+1+rng.Intn(150))
		c.AddBatch(docs[lo:hi])
		c.EventMerges()
		c.StorylineChanges()
		lo = hi
		batches++
		if rng.Intn(10) == 0 {
			if base, err = c.MarshalBinary(); err != nil {
				t.Fatal(err)
			}
			deltas, log = nil, NewStateLog(c)
			compactions++
		} else {
			d := log.Delta()
			deltas = append(deltas, d)
			deltaBytes += len(d)
		}
		if batches%4 != 0 && lo < len(docs) {
			continue
		}
		want, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		r := NewClusterer(Config{})
		if err := r.UnmarshalState(base, deltas); err != nil {
			t.Fatalf("batch %d (%d articles): %v", batches, lo, err)
		}
		got, err := r.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("batch %d (%d articles): the replayed state differs from the clusterer's (%d and %d bytes)", batches, lo, len(got), len(want))
		}
	}
	whole, _ := c.MarshalBinary()
	if st := c.Stats(); st.Articles != int64(len(docs)) || st.LiveEvents >= st.Events {
		t.Fatalf("stats %+v: no retirement exercised", st)
	}
	t.Logf("%d batches, %d compactions; changes %d bytes on average, whole state %d", batches, compactions, deltaBytes/max(1, batches-compactions), len(whole))
}

// TestStateLogRejectsBadChanges: a change that is not one, or is cut
// short, is an error, not a panic or a silently wrong state.
func TestStateLogRejectsBadChanges(t *testing.T) {
	g := newCorpusGen(3)
	c := NewClusterer(Config{})
	base, _ := c.MarshalBinary()
	log := NewStateLog(c)
	var docs []Doc
	for range 40 {
		docs = append(docs, g.next())
	}
	c.AddBatch(docs)
	d := log.Delta()
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"not one":   base,
		"truncated": d[:len(d)/2],
		"extended":  append(append([]byte(nil), d...), 0),
	} {
		if err := NewClusterer(Config{}).UnmarshalState(base, [][]byte{bad}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// a change replayed twice on top of itself is no valid sequence
	// either when it appends events
	if err := NewClusterer(Config{}).UnmarshalState(base, [][]byte{d}); err != nil {
		t.Fatal(err)
	}
}

// TestStateLogFields: the log finds changes by hashing every field the
// state codec writes; a field added to these types must be added to the
// codec and to the hashes (statelog.go), then counted here.
func TestStateLogFields(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want int
	}{
		{event{}, 17},
		{storyline{}, 8},
		{dupEntry{}, 3},
		{snapshot{}, 18},
	} {
		n := 0
		for i := range reflect.TypeOf(tc.v).NumField() {
			// derived from a stored field and recomputed when it
			// changes, never stored
			if f := reflect.TypeOf(tc.v).Field(i).Name; !derivedFields[f] {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%T has %d fields, the state log knows %d: update the codec (statecodec.go), the hashes and the changes (statelog.go)", tc.v, n, tc.want)
		}
	}
}

// derivedFields are the fields of the state's types that are computed
// from the stored ones (event.central from Ents) and not stored.
var derivedFields = map[string]bool{"centralKeys": true, "centralOK": true}

// BenchmarkStateWrite compares what the corpus stage pays per batch of
// 200 to keep the clusterer's state: serialising it whole, or the
// changes since the last batch (StateLog.Delta), on a clusterer holding
// stored synthetic articles. Adding the batch is not timed.
func BenchmarkStateWrite(b *testing.B) {
	for _, stored := range []int{5_000, 20_000} {
		g := newCorpusGen(1)
		c := NewClusterer(Config{})
		for i := 0; i < stored; i += 200 {
			docs := make([]Doc, 200)
			for j := range docs {
				docs[j] = g.next()
			}
			c.AddBatch(docs)
		}
		log := NewStateLog(c)
		for _, how := range []string{"whole", "changes"} {
			b.Run(fmt.Sprintf("stored=%dk/%s", stored/1000, how), func(b *testing.B) {
				var size int
				var cpu float64 // process CPU in the timed part: the box is shared, wall time is noise
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					docs := make([]Doc, 200)
					for j := range docs {
						docs[j] = g.next()
					}
					c.AddBatch(docs)
					b.StartTimer()
					t0 := cpuSeconds()
					if how == "whole" {
						s, err := c.MarshalBinary()
						if err != nil {
							b.Fatal(err)
						}
						size = len(s)
						cpu += cpuSeconds() - t0
						b.StopTimer() // the log starts again from the whole state
						log = NewStateLog(c)
						b.StartTimer()
					} else {
						size = len(log.Delta())
						cpu += cpuSeconds() - t0
					}
				}
				b.ReportMetric(float64(size)/1e6, "MB/batch")
				b.ReportMetric(cpu*1e3/float64(b.N), "cpu-ms/batch")
			})
		}
	}
}

// TestStateLogMarksFindEveryChange: the changes a log finds from the
// events and storylines marked as changed are byte for byte those it finds
// hashing every event and storyline (fullLook), on a twin clusterer fed the
// same batches — through sweeps, merges, retirements, storyline merges,
// articles dated far back (whose batch groups found events the clock has
// already retired), undated ones and compactions.
func TestStateLogMarksFindEveryChange(t *testing.T) {
	g := newCorpusGen(17)
	docs := make([]Doc, 5000)
	for i := range docs {
		docs[i] = g.next()
		switch i % 23 {
		case 0:
			docs[i].Published = docs[i].Published.AddDate(0, 0, -20) // a backfill
		case 1:
			docs[i].Published = docs[i].Published.AddDate(0, -3, 0)
		case 2:
			docs[i].Published = time.Time{} // undated
		}
	}
	rng := rand.New(rand.NewSource(9))
	cfg := Config{ActiveWindow: 300, DuplicateWindow: 200}
	a, b := NewClusterer(cfg), NewClusterer(cfg)
	la, lb := NewStateLog(a), NewStateLog(b)
	var batches, changed int
	for lo := 0; lo < len(docs); {
		hi := min(len(docs), lo+1+rng.Intn(120))
		a.AddBatch(docs[lo:hi])
		b.AddBatch(docs[lo:hi])
		for _, c := range []*Clusterer{a, b} {
			c.EventMerges()
			c.StorylineChanges()
		}
		lo = hi
		batches++
		if rng.Intn(12) == 0 {
			la, lb = NewStateLog(a), NewStateLog(b)
			continue
		}
		da := la.Delta()
		fullLook = true
		db := lb.Delta()
		fullLook = false
		if !bytes.Equal(da, db) {
			t.Fatalf("batch %d (%d articles): the change found from marks (%d bytes) differs from the one found hashing all (%d bytes)", batches, lo, len(da), len(db))
		}
		changed += len(da)
	}
	if st := a.Stats(); st.LiveEvents >= st.Events || st.LiveStorylines >= st.Storylines {
		t.Fatalf("stats %+v: no retirement exercised", st)
	}
	t.Logf("%d batches, %d bytes of changes", batches, changed)
}
