package timex

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEstimateDCT(t *testing.T) {
	cases := []struct {
		name, file, want string
		minConf          float64
		ok               bool
	}{
		{"dated report", "dated_report.txt", "2016-10-23", 0.5, true},
		{"future date ignored", "future_date.txt", "2016-03-02", 0.4, true},
		{"month-day with year elsewhere", "month_day_year_elsewhere.txt", "2015-06-12", 0.2, true},
		{"year only", "year_only.txt", "2014-07-01", 0.1, true},
		{"no dates", "no_dates.txt", "", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, conf, ev, ok := EstimateDCT(string(b))
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			if fmtDay(got) != c.want {
				t.Fatalf("estimate %s, want %s (evidence %+v)", fmtDay(got), c.want, ev)
			}
			if conf < c.minConf || conf > 1 {
				t.Fatalf("confidence %.2f, want ≥ %.2f", conf, c.minConf)
			}
			if len(ev) == 0 {
				t.Fatalf("no evidence")
			}
		})
	}
}
