package events

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestScore(t *testing.T) {
	gold := []string{"ASSAULT", "ASSAULT", "AGREE", "REQUEST"}
	pred := []string{"ASSAULT", "AGREE", "AGREE", ""}
	acc, macro, per := score(gold, pred)
	if acc != 0.5 {
		t.Errorf("accuracy %v", acc)
	}
	// ASSAULT P1 R.5 F.667; AGREE P.5 R1 F.667; REQUEST 0; 13 others 0
	if want := (2.0 / 3 * 2) / 16; math.Abs(macro-want) > 1e-9 {
		t.Errorf("macro %v, want %v", macro, want)
	}
	if per["REQUEST"] != 0 {
		t.Errorf("REQUEST F1 %v", per["REQUEST"])
	}
}

func TestMatchAndPRF(t *testing.T) {
	pred := []PetrEvent{{"USAGOV", "IRQMIL", "042"}, {"USA", "IRQ", "190"}}
	gold := []PetrEvent{{"USA", "IRQ", "043"}, {"USA", "IRQ", "043"}}
	if n := match(pred, gold, tripleEq); n != 1 {
		t.Errorf("triples matched %d, want 1 (each gold once)", n)
	}
	if n := match(pred, gold, fullEq); n != 0 {
		t.Errorf("full matched %d", n)
	}
	if p := prf(1, 2, 4); p.P != 0.5 || p.R != 0.25 {
		t.Errorf("prf %+v", p)
	}
}

func TestLoadPloverSplits(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "eval", "events-plover")
	if s := os.Getenv("SITREP_SHARED"); s != "" {
		dir = filepath.Join(s, "eval", "events-plover")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("events-plover not found: %v", err)
	}
	dev, err := LoadPlover(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	test, err := LoadPlover(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(dev)+len(test) != 322 || len(dev) != 161 {
		t.Fatalf("dev %d test %d", len(dev), len(test))
	}
	// even lines (0-based) are dev, odd lines test (ids are not unique
	// in the file, so the check is on order)
	if dev[0].ID != "PLOVER-GSR01-AGREE-0001" || test[0].ID != "PLOVER-GSR01-AGREE-0002" {
		t.Errorf("first records: dev %s, test %s", dev[0].ID, test[0].ID)
	}
	if Majority(dev) != "AGREE" {
		t.Errorf("dev majority %s", Majority(dev))
	}
}
