package warc

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

// spanRecords builds n resource records of varied sizes whose blocks name
// them ("record 7 ...").
func spanRecords(n int) []testRecord {
	var recs []testRecord
	for i := 1; i <= n; i++ {
		recs = append(recs, testRecord{typ: "resource", uri: fmt.Sprintf("http://x/%d", i), ctype: "text/plain",
			block: fmt.Sprintf("record %d %s", i, strings.Repeat("lorem ipsum ", 1+(i*37)%200))})
	}
	return recs
}

// blocksIn scans [off, off+n) of data and returns the first word pair of
// each record's block ("record 7") and the damaged spans.
func blocksIn(t testing.TB, data []byte, off, n int64) (names []string, dmg []Span) {
	t.Helper()
	gz := isGzip(data)
	var at []int64 // each name's record offset
	err := Scan(bytes.NewReader(data), off, off+n, gz, func(rec *Record) error {
		b, _ := io.ReadAll(rec.Body)
		f := strings.Fields(string(b))
		if len(f) >= 2 {
			names = append(names, f[0]+" "+f[1])
		} else {
			names = append(names, string(b))
		}
		at = append(at, rec.Offset)
		return nil
	}, func(s Span) error {
		// records handed over from the damage on are damaged
		for len(at) > 0 && at[len(at)-1] >= s.Offset {
			at, names = at[:len(at)-1], names[:len(names)-1]
		}
		dmg = append(dmg, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names, dmg
}

// checkTiling checks that spans tile [0, size) in order and that each
// span, read on its own, holds exactly the records it counts (or, for
// damage, none), returning the records' names over all spans.
func checkTiling(t *testing.T, data []byte, spans []Span) []string {
	t.Helper()
	var at int64
	var all []string
	for i, s := range spans {
		if s.Offset != at || s.Length <= 0 {
			t.Fatalf("span %d %+v: want it to start at %d, non-empty", i, s, at)
		}
		at += s.Length
		names, dmg := blocksIn(t, data, s.Offset, s.Length)
		if s.Err != nil {
			if s.Records != 0 || len(names) > 0 {
				t.Errorf("damaged span %d %+v read %d records", i, s, len(names))
			}
			continue
		}
		if len(dmg) > 0 || len(names) != s.Records {
			t.Errorf("span %d %+v: %d records read on its own (%v), damage %v", i, s, len(names), names, dmg)
		}
		all = append(all, names...)
	}
	if at != int64(len(data)) {
		t.Fatalf("spans end at %d of %d bytes", at, len(data))
	}
	return all
}

func TestSpansTile(t *testing.T) {
	recs := spanRecords(23)
	var want []string
	for i := range recs {
		want = append(want, fmt.Sprintf("record %d", i+1))
	}
	for _, mode := range modes {
		data, offs := buildWARC(t, mode, recs...)
		for _, lim := range []struct {
			bytes   int64
			records int
		}{{0, 1}, {0, 5}, {4000, 0}, {1, 0}, {0, 0}, {20000, 7}} {
			t.Run(fmt.Sprintf("%s/%dB/%drec", mode, lim.bytes, lim.records), func(t *testing.T) {
				spans, err := Spans(bytes.NewReader(data), int64(len(data)), lim.bytes, lim.records)
				if err != nil {
					t.Fatal(err)
				}
				got := checkTiling(t, data, spans)
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("records over the spans:\n%v\nwant\n%v", got, want)
				}
				starts := map[int64]bool{}
				for _, o := range offs {
					starts[o] = true
				}
				for _, s := range spans {
					if !starts[s.Offset] {
						t.Errorf("span at %d: no record starts there (records never split)", s.Offset)
					}
					if mode != wholeFile && lim.records > 0 && s.Records > lim.records {
						t.Errorf("span %+v over %d records", s, lim.records)
					}
				}
				switch {
				case mode == wholeFile && len(spans) != 1:
					t.Errorf("a file gzipped whole: %d spans, want 1", len(spans))
				case mode != wholeFile && lim.records == 1 && len(spans) != len(recs):
					t.Errorf("one record a span: %d spans", len(spans))
				case mode != wholeFile && lim.bytes == 0 && lim.records == 0 && len(spans) != 1:
					t.Errorf("no limit: %d spans", len(spans))
				}
			})
		}
	}
}

// TestSpansDamage damages one record in the middle: the records before
// and after it are in record spans, the damage is a span of its own
// naming the failure, and the spans still tile the file.
func TestSpansDamage(t *testing.T) {
	recs := spanRecords(9)
	cases := []struct {
		name, mode string
		damage     func(data []byte, offs []int64) []byte
	}{
		{"gzip member corrupted", perRecord, func(data []byte, offs []int64) []byte {
			d := bytes.Clone(data)
			for i := offs[4] + 20; i < offs[4]+40; i++ {
				d[i] ^= 0x5a
			}
			return d
		}},
		{"gzip member truncated", perRecord, func(data []byte, offs []int64) []byte {
			return append(bytes.Clone(data[:offs[4]+30]), data[offs[5]:]...)
		}},
		{"gzip trailer corrupted", perRecord, func(data []byte, offs []int64) []byte {
			d := bytes.Clone(data)
			d[offs[5]-6] ^= 0xff // the member's CRC-32
			return d
		}},
		{"content length too long", plain, func(data []byte, offs []int64) []byte {
			return bytes.Replace(data, []byte(fmt.Sprintf("Content-Length: %d\r\n", len(recs[4].block))), []byte("Content-Length: 99999\r\n"), 1)
		}},
		{"garbage header", plain, func(data []byte, offs []int64) []byte {
			d := bytes.Clone(data)
			copy(d[offs[4]:], "XXXX/1.0")
			return d
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, offs := buildWARC(t, c.mode, recs...)
			data = c.damage(data, offs)
			for _, maxRec := range []int{1, 3, 0} {
				spans, err := Spans(bytes.NewReader(data), int64(len(data)), 0, maxRec)
				if err != nil {
					t.Fatal(err)
				}
				got := checkTiling(t, data, spans)
				var bad []Span
				for _, s := range spans {
					if s.Err != nil {
						bad = append(bad, s)
					}
				}
				if len(bad) != 1 || bad[0].Offset != offs[4] {
					t.Fatalf("damaged spans %+v, want one at record 5 (offset %d)", bad, offs[4])
				}
				// every record but the fifth (and, where the damage hides
				// the end of the fifth, possibly the sixth)
				joined := "," + strings.Join(got, ",") + ","
				for i := 1; i <= 9; i++ {
					has := strings.Contains(joined, fmt.Sprintf(",record %d,", i))
					if i == 5 && has {
						t.Errorf("the damaged record was read: %v", got)
					}
					if i != 5 && i != 6 && !has {
						t.Errorf("record %d lost: %v", i, got)
					}
				}
			}
		})
	}
}

// spanSeeds are FuzzSpans's seed corpus (testdata/fuzz/FuzzSpans).
func spanSeeds(tb testing.TB) map[string][]any {
	recs := spanRecords(4)
	seeds := map[string][]any{}
	for _, mode := range modes {
		data, offs := buildWARC(tb, mode, recs...)
		seeds["valid-"+mode] = []any{data}
		if mode == perRecord {
			d := bytes.Clone(data)
			d[offs[1]+15] ^= 0x33
			seeds["bad-member-"+mode] = []any{d}
		}
	}
	data, offs := buildWARC(tb, plain, recs...)
	seeds["bad-garbage-between"] = []any{append(append(bytes.Clone(data[:offs[2]]), "junk\r\nWARC/x\r\n\n"...), data[offs[2]:]...)}
	seeds["bad-not-warc"] = []any{[]byte("HTTP/1.1 200 OK\r\n\r\n\nWARC/1.0\r\nContent-Length: 0\r\n\r\n")}
	seeds["edge-empty"] = []any{[]byte{}}
	return seeds
}

func TestFuzzSpansCorpus(t *testing.T) {
	fuzzcorpus.Sync(t, "FuzzSpans", spanSeeds(t))
}

// FuzzSpans splits arbitrary bytes: it must not panic or hang, the spans
// must tile the input, a span read on its own must hold the records it
// counts, and the records over all spans must be those a scan of the
// whole input finds. Seeds: testdata/fuzz/FuzzSpans.
func FuzzSpans(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		whole, _ := blocksIn(t, data, 0, int64(len(data)))
		for _, maxRec := range []int{1, 2, 0} {
			spans, err := Spans(bytes.NewReader(data), int64(len(data)), 64, maxRec)
			if err != nil {
				t.Fatal(err)
			}
			got := checkTiling(t, data, spans)
			if strings.Join(got, "\x00") != strings.Join(whole, "\x00") {
				t.Fatalf("records over the spans %q, over the whole input %q", got, whole)
			}
		}
	})
}
