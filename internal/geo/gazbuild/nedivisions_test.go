package gazbuild

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/sitrep/sitrep/internal/geo"
)

// TestNEDivisions: a Natural Earth division the index lacks in its country
// is added as a region at its label point; a name the country already has,
// a bad country code and an aggregation code are not.
func TestNEDivisions(t *testing.T) {
	base, err := geo.Base()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "ne_10m_admin_1_label_points.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	pt := func(name, cc string, lon, lat float64) string {
		return `{"type":"Feature","properties":{"name":"` + name + `","iso_a2":"` + cc + `"},"geometry":{"type":"Point","coordinates":[` +
			ftoa(lon) + `,` + ftoa(lat) + `]}}`
	}
	zw.Write([]byte(`{"type":"FeatureCollection","features":[` +
		pt("Tower Hamlets", "GB", -0.026, 51.516) + `,` +
		pt("Tower Hamlets", "GB", -0.03, 51.52) + `,` + // a second label point: one record
		pt("Texas", "US", -99.0, 31.0) + `,` + // known in its country
		pt("Flintshire", "-1", -3.1, 53.2) + `,` + // no country
		pt("PFA-00 (Paracel Is. aggregation)", "CN", 111.2, 15.8) + `]}`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b := &overlayBuilder{base: base, nbase: int32(base.Len()), o: &geo.Overlay{BaseRecords: base.Len(), ShapeOff: []uint32{0}},
		names: map[string][]int32{}, ids: map[int32]uint32{}, srcIdx: map[string]uint16{}, seen: map[string]map[int32]bool{}}
	if err := b.neDivisions(dir); err != nil {
		t.Fatal(err)
	}
	if b.st.Divisions != 1 || len(b.o.Records) != 1 {
		t.Fatalf("%d divisions, %d records, want 1: %+v", b.st.Divisions, len(b.o.Records), b.o.Records)
	}
	r := b.o.Records[0]
	if r.Name != "Tower Hamlets" || r.Country != "GB" || r.FeatureCode != "ADMD" || r.Admin1 != "" || r.LatE6 != 51516000 {
		t.Errorf("record %+v", r)
	}
	if got := b.names[geo.Key("Tower Hamlets")]; len(got) != 1 || got[0] != b.nbase {
		t.Errorf("key postings %v", got)
	}
	if err := b.neDivisions(t.TempDir()); err == nil {
		t.Error("missing layer: no error")
	}
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
