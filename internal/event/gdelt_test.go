package event

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestGDELTReadBack writes events and mentions and reads them back by
// GDELT 2.0's column layout.
func TestGDELTReadBack(t *testing.T) {
	var ms []Mention
	for i, outlet := range []string{"AP", "AFP"} {
		s := sent(t, "{Iraqi troops:IRQMIL} attacked {Islamic State:IMGISI} in <Bashiqa> [on Sunday=2016-10-23], killing 12 fighters.")
		s.Places[0].Lat, s.Places[0].Lon = 36.45, 43.35
		for _, e := range NewCoder().Code(s, nil) {
			ms = append(ms, Mention{Event: e, Article: int64(i + 1), Outlet: outlet, Published: time.Date(2016, 10, 23, 9, 0, 0, 0, time.UTC), Text: s.Text})
		}
	}
	hs := Merge(ms)
	if len(hs) != 1 {
		t.Fatalf("%d happenings", len(hs))
	}
	rec := NewRecord(7, &hs[0], map[int64]string{1: "https://example.org/a", 2: "https://example.org/b"})
	rec.ID = 42
	var buf bytes.Buffer
	if err := WriteGDELTEvents(&buf, []Record{rec}, false); err != nil {
		t.Fatal(err)
	}
	rows := readTSV(t, buf.String(), len(GDELTEventColumns))
	col := func(name string) string {
		for i, c := range GDELTEventColumns {
			if c == name {
				return rows[0][i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"GlobalEventID": "42", "Day": "20161023", "MonthYear": "201610", "Year": "2016",
		"Actor1Code": "IRQMIL", "Actor1CountryCode": "IRQ", "Actor1Type1Code": "MIL", "Actor1Name": "IRAQI TROOPS",
		"Actor2Code": "IMGISI", "Actor2KnownGroupCode": "ISI", "Actor2CountryCode": "",
		"EventCode": rec.Cameo, "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10.0",
		"NumMentions": "2", "NumSources": "2", "NumArticles": "2", "IsRootEvent": "1",
		"ActionGeo_FullName": "Bashiqa", "ActionGeo_CountryCode": "IQ", "ActionGeo_Lat": "36.4500", "ActionGeo_Long": "43.3500", "ActionGeo_FeatureID": strconv.FormatUint(uint64(placeID("Bashiqa")), 10),
		"SOURCEURL": "https://example.org/a", "DATEADDED": "20161023090000", "AvgTone": "",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	buf.Reset()
	if err := WriteGDELTMentions(&buf, []Record{rec}, true); err != nil {
		t.Fatal(err)
	}
	rows = readTSV(t, buf.String(), len(GDELTMentionColumns))
	if strings.Join(rows[0], ",") != strings.Join(GDELTMentionColumns, ",") || len(rows) != 3 {
		t.Fatalf("mentions: %d rows, header %v", len(rows), rows[0])
	}
	if rows[2][0] != "42" || rows[2][4] != "AFP" || rows[2][5] != "https://example.org/b" || rows[2][6] != "1" {
		t.Errorf("second mention %v", rows[2])
	}
}

func readTSV(t *testing.T, s string, cols int) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = cols
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	return rows
}
