package clean

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/ingest"
)

// TestSeedOutletsNeverACredit: on the shared seed articles, no outlet is
// taken from a photo credit or a sign-off's agency list — whatever the
// credits say, the outlet is publisher evidence or unknown.
func TestSeedOutletsNeverACredit(t *testing.T) {
	dir := os.Getenv("SITREP_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not found: set SITREP_SHARED")
	}
	credited := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Clean(ingest.Document{MediaType: ingest.MediaText, Body: b})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range a.Credits {
			if c.Kind == CreditPhoto || c.Kind == CreditSources {
				credited++
				if a.Outlet == c.Name {
					t.Errorf("%s: outlet %q comes from a %s credit", filepath.Base(f), a.Outlet, c.Kind)
				}
			}
		}
		if a.OutletSource == "photo_credit" || a.OutletSource == "agency_credit" {
			t.Errorf("%s: outlet %q from %s", filepath.Base(f), a.Outlet, a.OutletSource)
		}
	}
	if credited == 0 {
		t.Error("no photo or sources credit found on the seeds: the credit rules stopped working")
	}
}
