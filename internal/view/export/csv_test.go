package export

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example","click")`: `'=HYPERLINK("http://evil.example","click")`,
		"@SUM(1+1)":           "'@SUM(1+1)",
		"+cmd|' /C calc'!A0":  "'+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'": "'-2+3+cmd|' /C calc'",
		"\t=1+1":              "'\t=1+1",
		"\r=1+1":              "'\r=1+1",
		"-3.5":                "-3.5", // a number stays a number
		"+44":                 "+44",
		"Reuters":             "Reuters",
		"":                    "",
		"a=b":                 "a=b",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, []string{"title", "lat"}, [][]string{{"=1+1", "-33.9"}, {"@x", "12"}}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[1][0] != "'=1+1" || recs[1][1] != "-33.9" || recs[2][0] != "'@x" {
		t.Errorf("records %q", recs)
	}
}

func TestFloat(t *testing.T) {
	for x, want := range map[float64]string{
		float64(float32(0.8)):  "0.8",
		float64(float32(0.45)): "0.45",
		0.3:                    "0.3", // not a float32: written as the float64 it is
		36.3359:                "36.3359",
		-2.5:                   "-2.5",
	} {
		if got := f(x); got != want {
			t.Errorf("f(%v) = %q, want %q", x, got, want)
		}
	}
}
