package entity

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/kb.txt
var kbText string

// kbEntry is one knowledge-base entry: a country, a group or an actor.
type kbEntry struct {
	Key      string // Key(Name), unique
	Name     string
	Code     string // CAMEO-style code
	Kind     Kind
	Country  string // country code ("" for IGOs)
	Section  string // countries, groups or actors
	Aliases  []string
	Demonyms []string
}

// agent is an agent noun's CAMEO code, label and actor type.
type agent struct {
	Code  string
	Label string
	Kind  Kind
}

// knowledge is the parsed knowledge base.
type knowledge struct {
	entries  []*kbEntry
	byKey    map[string]*kbEntry // name and alias keys
	byDemKey map[string]*kbEntry // demonym keys -> country or group
	byCode   map[string]*kbEntry // country and group codes
	agents   map[string]agent    // agent noun key -> agent
	titles   map[string]string   // title key -> agent code
	given    map[string]int      // given-name key -> equivalence class
	discard  map[string]bool     // keys that are not names alone
	maxAgent int                 // longest agent phrase in words
}

var (
	kbOnce sync.Once
	kbData *knowledge
)

// kb returns the parsed, embedded knowledge base.
func kb() *knowledge {
	kbOnce.Do(func() { kbData = parseKB(kbText) })
	return kbData
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseKB parses the knowledge-base text format described in data/kb.txt.
// Malformed lines are skipped (a test checks that none are).
func parseKB(src string) *knowledge {
	k := &knowledge{
		byKey:    map[string]*kbEntry{},
		byDemKey: map[string]*kbEntry{},
		byCode:   map[string]*kbEntry{},
		agents:   map[string]agent{},
		titles:   map[string]string{},
		given:    map[string]int{},
		discard:  map[string]bool{},
	}
	section := ""
	class := 0
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		switch section {
		case "countries", "groups":
			if len(f) < 4 {
				continue
			}
			e := &kbEntry{Code: f[0], Name: f[1], Country: f[0], Section: section,
				Aliases: splitList(f[2]), Demonyms: splitList(f[3])}
			e.Kind = KindLocation
			if section == "groups" {
				e.Kind = KindOther
			}
			k.add(e)
			k.byCode[e.Code] = e
			for _, d := range e.Demonyms {
				if dk := Key(d); k.byDemKey[dk] == nil {
					k.byDemKey[dk] = e
				}
			}
		case "actors":
			if len(f) < 5 {
				continue
			}
			e := &kbEntry{Code: f[0], Kind: Kind(f[1]), Name: f[2], Aliases: splitList(f[3]),
				Country: f[4], Section: section}
			k.add(e)
		case "agents":
			if len(f) < 4 {
				continue
			}
			a := agent{Code: f[1], Label: f[2], Kind: Kind(f[3])}
			for _, w := range splitList(f[0]) {
				key := Key(w)
				k.agents[key] = a
				if n := len(strings.Fields(key)); n > k.maxAgent {
					k.maxAgent = n
				}
			}
		case "titles":
			if len(f) < 2 {
				continue
			}
			for _, w := range splitList(f[0]) {
				k.titles[Key(w)] = f[1]
			}
		case "given":
			class++
			for _, w := range splitList(line) {
				k.given[Key(w)] = class
			}
		case "discard":
			for _, w := range splitList(line) {
				k.discard[Key(w)] = true
			}
		}
	}
	return k
}

// add indexes an entry by its name and aliases; the first entry to claim a
// key keeps it.
func (k *knowledge) add(e *kbEntry) {
	e.Key = Key(e.Name)
	k.entries = append(k.entries, e)
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		key := Key(n)
		if key == "" {
			continue
		}
		if _, ok := k.byKey[key]; !ok {
			k.byKey[key] = e
		}
	}
}

// lookup returns the entry named by key, or nil.
func (k *knowledge) lookup(key string) *kbEntry { return k.byKey[key] }

// demonym returns the country or group a demonym key names, or nil.
func (k *knowledge) demonym(key string) *kbEntry { return k.byDemKey[key] }
