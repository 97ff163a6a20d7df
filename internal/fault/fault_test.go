package fault

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	if f := Run("ok", func() {}); f != nil {
		t.Fatalf("fault %v from a stage that did not panic", f)
	}
	f := Run("analysis/quotes", func() {
		var xs []int
		_ = xs[3]
	})
	if f == nil {
		t.Fatal("no fault from a panicking stage")
	}
	if f.Stage != "analysis/quotes" || !strings.Contains(f.Message, "index out of range") {
		t.Errorf("fault %+v", f)
	}
	if !strings.HasPrefix(f.Where, "internal/fault/fault_test.go:") {
		t.Errorf("where %q, want this test's line", f.Where)
	}
	if !strings.Contains(f.Error(), "analysis/quotes: internal fault: ") {
		t.Errorf("error %q", f.Error())
	}
}
