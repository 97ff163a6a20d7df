package ner

import (
	"testing"

	"github.com/sitrep/sitrep/internal/text"
)

// TestGazFilterSameMarks checks that the filter only skips lookups that
// would miss: every sentence of the golden texts gets the same gazetteer
// bits with and without it, and names the gazetteer holds pass it.
func TestGazFilterSameMarks(t *testing.T) {
	m := Default()
	f, g := m.gazFilter(), m.gazMap()
	for k := range g {
		if !f.has(k) {
			t.Fatalf("key %x not in the filter", k)
		}
	}
	marked := 0
	for _, src := range goldenDocs() {
		toks, sents := text.Split(src, nil, nil)
		for _, s := range sents {
			var a, b []tokInfo
			for _, tk := range toks[s.TokStart:s.TokEnd] {
				var ti tokInfo
				computeInfo(&ti, normalize(tk.Text(src)))
				a, b = append(a, ti), append(b, ti)
			}
			g.mark(a, nil, nil)
			g.mark(b, nil, f)
			for i := range a {
				if a[i].gaz != b[i].gaz || a[i].gazx != b[i].gazx {
					t.Errorf("%q token %d: gaz %b/%b with the filter, %b/%b without", src[s.Start:s.End], i, b[i].gaz, b[i].gazx, a[i].gaz, a[i].gazx)
				}
				if a[i].gaz != 0 {
					marked++
				}
			}
		}
	}
	if marked == 0 {
		t.Error("no token marked: the test checks nothing")
	}
}
