package event

import "testing"

// TestParseDate: an ISO week is its Monday, not 1 January of its year.
func TestParseDate(t *testing.T) {
	cases := []struct{ v, want string }{
		{"2016-10-23", "2016-10-23"},
		{"2016-10", "2016-10-01"},
		{"2016", "2016-01-01"},
		{"2016-W44", "2016-10-31"},
		{"2021-W01", "2021-01-04"},
		{"2020-W53", "2020-12-28"},
		{"2016-W99", "2016-01-01"}, // no such week: the year
	}
	for _, tc := range cases {
		got, ok := ParseDate(tc.v)
		if !ok || got.Format("2006-01-02") != tc.want {
			t.Errorf("ParseDate(%q) = %s %v, want %s", tc.v, got.Format("2006-01-02"), ok, tc.want)
		}
	}
}
