package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSeedLocals prints the local entities of the seed articles; run with
// go test ./internal/entity -run TestSeedLocals -v
func TestSeedLocals(t *testing.T) {
	dir := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := tagDoc(filepath.Base(f), string(b))
		t.Logf("== %s", d.Key)
		for _, l := range Resolve(d) {
			t.Logf("%s", formatLocal(d, l))
		}
	}
}

func formatLocal(d Doc, l Local) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s %-4s %-11s %-10s %-4s m=%d aliases=%q", l.Name, l.Type, l.Kind, l.Code, l.Country, len(l.Mentions), l.Aliases)
	for _, r := range l.Refs {
		fmt.Fprintf(&b, " [%s %q]", r.Kind, d.Text[r.Start:r.End])
	}
	for _, r := range l.Roles {
		fmt.Fprintf(&b, " {role %q org=%q c=%s a=%s}", r.Title, r.Org, r.Country, r.Agent)
	}
	return b.String()
}

// TestSeedActors runs the whole chain (sentences, recogniser, Resolve,
// Registry) over the seed articles and prints the actors; run with
// go test ./internal/entity -run TestSeedActors -v
func TestSeedActors(t *testing.T) {
	dir := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	sort.Strings(files)
	reg := NewRegistry()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := tagDoc(filepath.Base(f), string(b))
		reg.Add(d.Key, Resolve(d))
	}
	for _, a := range reg.Actors() {
		var al []string
		for _, x := range a.Aliases {
			al = append(al, fmt.Sprintf("%s×%d", x.Name, x.Count))
		}
		var ro []string
		for _, x := range a.Roles {
			s := x.Title
			if x.Org != "" {
				s += ", " + x.Org
			}
			if x.Country != "" {
				s += " (" + x.Country + ")"
			}
			ro = append(ro, s)
		}
		t.Logf("%-30s %-11s %-10s %-4s m=%-3d docs=%d aliases=[%s] roles=[%s]", a.Name, a.Kind, a.Code, a.Country, a.Mentions, len(a.Docs), strings.Join(al, ", "), strings.Join(ro, "; "))
	}
}
