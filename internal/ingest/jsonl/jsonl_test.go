package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	in := strings.Join([]string{
		`{"url":"https://example.org/a","title":"A","text":"Body A","published":"2016-10-23T10:00:00Z","outlet":"Example","authors":["Jane Roe"]}`,
		``,
		`{"title":"broken", "text": `,
		`{"html":"<p>Body B</p>","date":"2016-10-24","author":"John Doe"}`,
		`["not","an","object"]`,
		`{"title":"no body"}`,
		strings.Repeat("x", 300),
		`{"text":"Body C","published":1477267200,"authors":[{"name":"A. Writer"}]}`,
	}, "\n")
	r := NewReader(strings.NewReader(in), 200)
	var got []*Record
	var lineErrs []int
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var le *LineError
		if errors.As(err, &le) {
			lineErrs = append(lineErrs, le.Line)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec)
	}
	if len(got) != 3 {
		t.Fatalf("got %d records, want 3", len(got))
	}
	if got[0].URL != "https://example.org/a" || got[0].Outlet != "Example" || got[0].Published.Day() != 23 || got[0].Authors[0] != "Jane Roe" {
		t.Errorf("record 1 = %+v", got[0])
	}
	if got[1].HTML == "" || got[1].Authors[0] != "John Doe" || got[1].Line != 4 {
		t.Errorf("record 2 = %+v", got[1])
	}
	if got[2].Published.Year() != 2016 || got[2].Authors[0] != "A. Writer" {
		t.Errorf("record 3 = %+v", got[2])
	}
	want := []int{3, 5, 6, 7}
	if len(lineErrs) != len(want) {
		t.Fatalf("line errors at %v, want %v", lineErrs, want)
	}
	for i := range want {
		if lineErrs[i] != want[i] {
			t.Fatalf("line errors at %v, want %v", lineErrs, want)
		}
	}
}

func TestOverlongLastLine(t *testing.T) {
	r := NewReader(strings.NewReader(strings.Repeat("y", 1000)), 10)
	_, err := r.Next()
	if !errors.Is(err, ErrLineTooLong) {
		t.Fatalf("err = %v, want ErrLineTooLong", err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("after overlong line: %v, want EOF", err)
	}
}
