package entity

import (
	"strings"
	"testing"
)

// TestKBWellFormed checks every line of the embedded knowledge base has
// the fields its section needs, valid types, and no name claimed twice.
func TestKBWellFormed(t *testing.T) {
	want := map[string]int{"countries": 4, "groups": 4, "actors": 5, "agents": 4, "titles": 2}
	kinds := map[Kind]bool{KindGovernment: true, KindMilitary: true, KindArmedGroup: true, KindIGO: true,
		KindNGO: true, KindMedia: true, KindBusiness: true, KindLocation: true, KindOther: true}
	section := ""
	names := map[string]string{}
	for n, line := range strings.Split(kbText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		f := strings.Split(line, "|")
		if w, ok := want[section]; ok && len(f) != w {
			t.Errorf("line %d (%s): %d fields, want %d: %q", n+1, section, len(f), w, line)
			continue
		}
		switch section {
		case "actors":
			if k := Kind(strings.TrimSpace(f[1])); !kinds[k] {
				t.Errorf("line %d: unknown type %q", n+1, k)
			}
		case "agents":
			if k := Kind(strings.TrimSpace(f[3])); !kinds[k] {
				t.Errorf("line %d: unknown type %q", n+1, k)
			}
		case "countries":
			if c := strings.TrimSpace(f[0]); len(c) != 3 || strings.ToUpper(c) != c {
				t.Errorf("line %d: bad country code %q", n+1, c)
			}
		}
		if section == "countries" || section == "groups" || section == "actors" {
			name := strings.TrimSpace(f[1])
			if section == "actors" {
				name = strings.TrimSpace(f[2])
			}
			k := Key(name)
			if prev, ok := names[k]; ok {
				t.Errorf("line %d: %q already named on %s", n+1, name, prev)
			}
			names[k] = line
		}
	}
	k := kb()
	for _, probe := range []struct{ alias, name string }{
		{"ISIS", "Islamic State"}, {"Daesh", "Islamic State"}, {"ISIL", "Islamic State"},
		{"U.S.", "United States"}, {"America", "United States"}, {"UN", "United Nations"},
		{"Pentagon", "U.S. Department of Defense"}, {"KRG", "Kurdistan Regional Government"},
	} {
		if e := k.lookup(Key(probe.alias)); e == nil || e.Name != probe.name {
			t.Errorf("alias %q does not name %q", probe.alias, probe.name)
		}
	}
	for _, d := range []struct{ dem, code string }{{"Iraqi", "IRQ"}, {"Kurdish", "KUR"}, {"American", "USA"}, {"Turkish", "TUR"}} {
		if e := k.demonym(Key(d.dem)); e == nil || e.Code != d.code {
			t.Errorf("demonym %q does not give %s", d.dem, d.code)
		}
	}
}
