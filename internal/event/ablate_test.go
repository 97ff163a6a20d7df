package event

// TestAblate measures which of the coder's own word tables (not the
// PETRARCH-2 Dictionary) each labelled sentence depends on: every entry is
// switched off in turn and the records re-coded. It runs only when
// SITREP_ABLATE names a dump of analysed records (`go run ./scripts/evtype
// -dump F -silver`) and writes one line per entry that changes a main
// event's sentence type to SITREP_ABLATE_OUT: table, key, and per record
// set the records it makes right (removing it makes them wrong) and wrong.
// scripts/evtype -support reads that file for its cross-validated figure.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type ablRec struct {
	Set, ID, Label string
	Sents          []Sentence
}

type ablUnit struct {
	table, key string
	dict       bool
	off        func() func()
}

// ablRules are the Coder methods that check ablated: rules of exception
// (a participle that is no verb, a purpose clause, a quotation's speaker,
// an occasion phrase ...) that can be switched off one by one.
var ablRules = []string{"inLocative", "placeModifier", "subordinate", "lightBeforeTo", "relativeOfThing", "aimOf",
	"gerundSubject", "promiseOfBeing", "afterInfinitive", "passive", "question", "shortQuote", "joint", "reported",
	"ownSubject", "reportedClause", "threatIn", "outAfter", "nounPair", "militaryOperation", "nominalBefore",
	"nounEvent", "intended", "objectOfVerb", "passiveSubject", "objectless", "occasion", "occasionOfMeeting",
	"opposed", "purpose", "reducedPassive", "locatedAt", "quotedVerb", "hometown", "titleBefore",
	"afterPreposition", "urgedNoun", "derivedNoun", "relativeAfterNoun", "newClause", "stative", "appealTo", "attackObject", "readyFor", "adverbialClause", "uncodedModifier", "indirectQuestion", "nounSubject", "aheadOfEffort", "participleClause", "inMidstOf", "thingSubject", "prospect"}

func setUnits(name string, m map[string]bool) []ablUnit {
	var out []ablUnit
	for k := range m {
		k := k
		out = append(out, ablUnit{table: name, key: k, off: func() func() { delete(m, k); return func() { m[k] = true } }})
	}
	return out
}

func mapUnits[V any](name string, m map[string]V, dict bool) []ablUnit {
	var out []ablUnit
	for k, v := range m {
		k, v := k, v
		out = append(out, ablUnit{table: name, key: k, dict: dict, off: func() func() { delete(m, k); return func() { m[k] = v } }})
	}
	return out
}

func ablUnits() []ablUnit {
	var us []ablUnit
	sets := map[string]map[string]bool{
		"subordinators": subordinators, "determiners": determiners, "prepositions": prepositions, "negations": negations,
		"futureAux": futureAux, "hypoAux": hypoAux, "conditionals": conditionals, "adverbs": adverbs, "urgeVerbs": urgeVerbs,
		"futureVerbs": futureVerbs, "negVerbs": negVerbs, "subjectPron": subjectPron, "nounDeterminers": nounDeterminers,
		"unitNouns": unitNouns, "timeWords": timeWords, "linking": linking, "modifierDet": modifierDet, "aimNouns": aimNouns,
		"perceptionVerbs": perceptionVerbs, "denyVerbs": denyVerbs, "irregularPast": irregularPast, "sayWords": sayWords,
		"particles": particles, "whWords": whWords, "modals": modals, "pushVerbs": pushVerbs, "groupNouns": groupNouns,
		"bodyNouns": bodyNouns, "notAgents": notAgents, "supportVerbs": supportVerbs, "haltVerbs": haltVerbs,
		"goOnVerbs": goOnVerbs, "operationModifiers": operationModifiers, "operationAims": operationAims,
		"operationVerbs": operationVerbs, "lodging": lodging, "nounSkip": nounSkip, "intentNouns": intentNouns,
		"nounPreps": nounPreps, "armedWords": armedWords, "occasionPreps": occasionPreps, "occasionLinks": occasionLinks,
		"occasionSkip": occasionSkip, "settlementNouns": settlementNouns, "locatives": locatives, "sceneWords": sceneWords,
		"goalWords": goalWords, "ownerWords": ownerWords, "urgeForms": urgeForms,
	}
	for name, m := range sets {
		us = append(us, setUnits(name, m)...)
	}
	us = append(us, mapUnits("eventNouns", eventNouns, false)...)
	us = append(us, mapUnits("lightVerbs", lightVerbs, false)...)
	us = append(us, mapUnits("ploverVerbs", ploverVerbs, false)...)
	us = append(us, mapUnits("ploverCodes", ploverCodes, false)...)
	us = append(us, mapUnits("occasionNouns", occasionNouns, false)...)
	us = append(us, mapUnits("objectlessCodes", objectlessCodes, false)...)
	us = append(us, mapUnits("halted", halted, false)...)
	us = append(us, mapUnits("defaultCodes", defaultCodes, true)...)
	us = append(us, mapUnits("overrideCodes", overrideCodes, true)...)
	us = append(us, mapUnits("extraSyns", extraSyns, true)...)
	for i := range extraVerbs {
		i := i
		us = append(us, ablUnit{table: "extraVerbs", key: extraVerbs[i].forms[0], dict: true, off: func() func() {
			keep := extraVerbs
			extraVerbs = append(append([]struct {
				code  string
				forms []string
			}(nil), keep[:i]...), keep[i+1:]...)
			return func() { extraVerbs = keep }
		}})
	}
	for i := range extraPatterns {
		i := i
		us = append(us, ablUnit{table: "extraPatterns", key: extraPatterns[i].verb + " " + extraPatterns[i].after, dict: true, off: func() func() {
			keep := extraPatterns
			extraPatterns = append(append([]struct{ verb, after, code string }(nil), keep[:i]...), keep[i+1:]...)
			return func() { extraPatterns = keep }
		}})
	}
	for _, name := range ablRules {
		name := name
		us = append(us, ablUnit{table: "rule", key: name, off: func() func() {
			if ablated == nil {
				ablated = map[string]bool{}
			}
			ablated[name] = true
			return func() { delete(ablated, name) }
		}})
	}
	// the coder reads some sets through its word-class table
	// (words.go): made anew whenever a unit changes a set
	for i := range us {
		off := us[i].off
		us[i].off = func() func() {
			restore := off()
			resetWordClasses()
			return func() { restore(); resetWordClasses() }
		}
	}
	sort.Slice(us, func(i, j int) bool {
		if us[i].table != us[j].table {
			return us[i].table < us[j].table
		}
		return us[i].key < us[j].key
	})
	return us
}

// ablMain is the sentence type of the main event (as the PLOVER evaluation
// picks it), "" for none.
func ablMain(c *Coder, r *ablRec, buf []Event) (string, []Event) {
	buf = buf[:0]
	for _, s := range r.Sents {
		buf = c.Code(s, buf)
	}
	for pass := 0; pass < 2; pass++ {
		for i := range buf {
			if !buf[i].Embedded && (pass == 1 || !buf[i].Subordinate) {
				return buf[i].SentenceType(), buf
			}
		}
	}
	if len(buf) > 0 {
		return buf[0].SentenceType(), buf
	}
	return "", buf
}

func TestAblate(t *testing.T) {
	in, out := os.Getenv("SITREP_ABLATE"), os.Getenv("SITREP_ABLATE_OUT")
	if in == "" || out == "" {
		t.Skip("SITREP_ABLATE and SITREP_ABLATE_OUT not set")
	}
	sets := strings.Split(os.Getenv("SITREP_ABLATE_SETS"), ",")
	if sets[0] == "" {
		sets = []string{"dev", "petr2"}
	}
	keep := map[string]bool{}
	for _, s := range sets {
		keep[s] = true
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	var recs []ablRec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var r ablRec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if keep[r.Set] && r.Label != "" {
			recs = append(recs, r)
		}
	}
	f.Close()
	var buf []Event
	base := make([]string, len(recs))
	c := NewCoder()
	for i := range recs {
		base[i], buf = ablMain(c, &recs[i], buf)
	}
	orig := verbs()
	var w bytes.Buffer
	only := map[string]bool{} // SITREP_ABLATE_ONLY: the entries of an earlier output
	if p := os.Getenv("SITREP_ABLATE_ONLY"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var s ablSupport
			if err := json.Unmarshal([]byte(line), &s); err != nil {
				t.Fatal(err)
			}
			only[s.Table+"\x00"+s.Key] = true
		}
	}
	for _, u := range ablUnits() {
		if len(only) > 0 && !only[u.table+"\x00"+u.key] {
			continue
		}
		restore := u.off()
		c := NewCoder()
		if u.dict {
			d, err := parseDict(bytes.NewReader(verbsGz))
			if err != nil {
				t.Fatal(err)
			}
			dictData = d
			c = NewCoderWith(d)
		}
		right, wrong := map[string][]string{}, map[string][]string{}
		for i := range recs {
			var got string
			got, buf = ablMain(c, &recs[i], buf)
			if got == base[i] {
				continue
			}
			switch r := &recs[i]; {
			case base[i] == r.Label:
				right[r.Set] = append(right[r.Set], r.ID)
			case got == r.Label:
				wrong[r.Set] = append(wrong[r.Set], r.ID)
			default:
				wrong[r.Set] = append(wrong[r.Set], "~"+r.ID) // changed, wrong both ways
			}
		}
		restore()
		dictData = orig
		if len(right)+len(wrong) == 0 {
			continue
		}
		j, _ := json.Marshal(map[string]any{"table": u.table, "key": u.key, "right": right, "wrong": wrong})
		fmt.Fprintln(&w, string(j))
	}
	if err := os.WriteFile(out, w.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ablEv is what scripts/evtype keeps of a coded event (its Ev).
type ablEv struct {
	Type, SType, Cameo, Verb, Status, Complement string
	Embedded, Subordinate, Src, Tgt              bool
}

// ablSupport is one line of TestAblate's output.
type ablSupport struct {
	Table, Key   string
	Right, Wrong map[string][]string
}

// TestAblateCV gives the cross-validated dev figure of the coder's own word
// tables: for each of k folds of the PLOVER dev half (record i in fold
// i mod k), every table entry whose only dev support (the records it makes
// right, from TestAblate's output) lies inside the fold, and which makes
// no other set's record right, is switched off — the entry would not have
// been written had the fold been held out — and the fold is coded. It logs
// the accuracy and writes each dev record's held-out events to
// SITREP_ABLATE_CV, and, for each outer fold f, the events of the records
// of every other fold g coded with the entries supported only inside f and
// g switched off (the nested votes a classifier trained without fold f
// sees): JSON lines {ID, Outer (-1: held out), Main, Events}.
func TestAblateCV(t *testing.T) {
	in, abl, out := os.Getenv("SITREP_ABLATE"), os.Getenv("SITREP_ABLATE_OUT"), os.Getenv("SITREP_ABLATE_CV")
	if in == "" || abl == "" || out == "" {
		t.Skip("SITREP_ABLATE, SITREP_ABLATE_OUT and SITREP_ABLATE_CV not set")
	}
	const k = 5
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	var dev []ablRec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var r ablRec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Set == "dev" {
			dev = append(dev, r)
		}
	}
	f.Close()
	fold := map[string]int{}
	for i, r := range dev {
		fold[r.ID] = i % k
	}
	var sup []ablSupport
	b, err := os.ReadFile(abl)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var s ablSupport
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatal(err)
		}
		sup = append(sup, s)
	}
	units := map[string]ablUnit{}
	for _, u := range ablUnits() {
		units[u.table+"\x00"+u.key] = u
	}
	orig := verbs()
	var w bytes.Buffer
	enc := json.NewEncoder(&w)
	// code the records of fold g with the entries supported only inside
	// the held-out folds off
	code := func(held map[int]bool, g, outer int) (ok, n int) {
		var off []func()
		dict := false
		for _, s := range sup {
			if !devOnly(s, func(id string) bool { return held[fold[id]] }) {
				continue
			}
			u := units[s.Table+"\x00"+s.Key]
			off = append(off, u.off())
			dict = dict || u.dict
		}
		c := NewCoder()
		if dict {
			d, err := parseDict(bytes.NewReader(verbsGz))
			if err != nil {
				t.Fatal(err)
			}
			dictData = d
			c = NewCoderWith(d)
		}
		var buf []Event
		for i := range dev {
			if i%k != g {
				continue
			}
			var got string
			got, buf = ablMain(c, &dev[i], buf)
			n++
			if got == dev[i].Label {
				ok++
			}
			line := struct {
				ID     string
				Outer  int
				Main   int
				Events []ablEv
			}{ID: dev[i].ID, Outer: outer, Main: -1}
			for j := range buf {
				e := &buf[j]
				line.Events = append(line.Events, ablEv{Type: e.Type, SType: e.SentenceType(), Cameo: e.Cameo, Verb: e.Verb, Status: e.Status,
					Complement: e.Complement, Embedded: e.Embedded, Subordinate: e.Subordinate, Src: e.Source.Text != "", Tgt: e.Target.Text != ""})
			}
			line.Main = ablMainIndex(buf)
			if err := enc.Encode(line); err != nil {
				t.Fatal(err)
			}
		}
		for j := len(off) - 1; j >= 0; j-- {
			off[j]()
		}
		dictData = orig
		return ok, n
	}
	ok, n := 0, 0
	for fo := 0; fo < k; fo++ {
		o, m := code(map[int]bool{fo: true}, fo, -1)
		ok, n = ok+o, n+m
		for g := 0; g < k; g++ {
			if g != fo {
				code(map[int]bool{fo: true, g: true}, g, fo)
			}
		}
	}
	t.Logf("cross-validated dev type accuracy (word tables and exception rules): %d / %d = %.3f", ok, n, float64(ok)/float64(n))
	if err := os.WriteFile(out, w.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// devOnly reports whether an entry's support is the held-out dev records
// alone: it makes some dev record right, every such record is held out,
// and on the other sets it makes no more records right than wrong (records
// wrong both with and without it do not count).
func devOnly(s ablSupport, held func(id string) bool) bool {
	if len(s.Right["dev"]) == 0 {
		return false
	}
	for _, id := range s.Right["dev"] {
		if !held(id) {
			return false
		}
	}
	net := 0
	for set, ids := range s.Right {
		if set != "dev" {
			net += len(ids)
		}
	}
	for set, ids := range s.Wrong {
		for _, id := range ids {
			if set != "dev" && !strings.HasPrefix(id, "~") {
				net--
			}
		}
	}
	return net <= 0
}

// ablMainIndex is the index of ablMain's event, -1 for none.
func ablMainIndex(evs []Event) int {
	for pass := 0; pass < 2; pass++ {
		for i := range evs {
			if !evs[i].Embedded && (pass == 1 || !evs[i].Subordinate) {
				return i
			}
		}
	}
	if len(evs) > 0 {
		return 0
	}
	return -1
}

// TestAblatedRules checks that every name of ablRules is checked by its
// rule: switching it off changes the coding of a sentence written for it.
func TestAblatedRules(t *testing.T) {
	var src strings.Builder
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src.Write(b)
		}
	}
	ablSources := src.String()
	for _, name := range ablRules {
		if !strings.Contains(ablSources, `ablated["`+name+`"]`) {
			t.Errorf("rule %s: no check of ablated", name)
		}
	}
	text := "{Serbia:SRB} announced the mobilization of army reservists."
	if e := mainEvent(code(t, text)); e == nil || e.Type != "MOBILIZE" {
		t.Fatalf("%q: want MOBILIZE", text)
	}
	ablated = map[string]bool{"derivedNoun": true}
	defer func() { ablated = nil }()
	if evs := code(t, text); len(evs) != 0 {
		t.Errorf("%q with derivedNoun off: coded %s", text, evs[0].Type)
	}
}
