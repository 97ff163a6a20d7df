package entity

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

// ActorID identifies an actor in a Registry. IDs start at 1. When two
// actors turn out to be one, the younger ID resolves to the older actor
// (see Registry.Canonical).
type ActorID uint32

// Alias is a name an actor is called by, with the number of documents
// that use it.
type Alias struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// ActorRole is a role stated for an actor, with the publication dates of
// the first and last documents that state it.
type ActorRole struct {
	Title   string    `json:"title"`
	Org     string    `json:"org,omitempty"`
	Country string    `json:"country,omitempty"`
	Agent   string    `json:"agent,omitempty"`
	First   time.Time `json:"first"`
	Last    time.Time `json:"last"`
	Count   int       `json:"count"` // documents stating it
	Doc     string    `json:"doc"`   // the first document stating it
	// Roles from the actor dictionary (Source "phoenix") have no
	// documents: Code, From and Until give the code and the dates it is
	// valid between (zero: open).
	Code   string    `json:"code,omitempty"`
	From   time.Time `json:"from,omitzero"`
	Until  time.Time `json:"until,omitzero"`
	Source string    `json:"source,omitempty"`
}

// Actor is a canonical actor: one real person, organisation, group or
// place, whatever it is called.
type Actor struct {
	ID       ActorID     `json:"id"`
	Name     string      `json:"name"`
	Kind     Kind        `json:"type"`
	Code     string      `json:"code,omitempty"`    // CAMEO-style code
	Country  string      `json:"country,omitempty"` // country or group code
	Aliases  []Alias     `json:"aliases"`           // most used first
	Roles    []ActorRole `json:"roles"`
	Mentions int         `json:"mentions"` // mentions and references in all documents
	Docs     []string    `json:"docs"`     // documents, in order of addition
}

// actor is the registry's working record of an actor.
type actor struct {
	ID       ActorID        `json:"id"`
	Parent   ActorID        `json:"parent,omitempty"` // merged into
	KB       string         `json:"kb,omitempty"`
	KBName   string         `json:"kb_name,omitempty"`
	KBKind   Kind           `json:"kb_kind,omitempty"`
	Dict     string         `json:"dict,omitempty"` // actor-dictionary entry key
	Person   bool           `json:"person,omitempty"`
	Family   string         `json:"family,omitempty"`
	Givens   []string       `json:"givens,omitempty"`
	Aliases  map[string]int `json:"aliases"`
	Kinds    map[Kind]int   `json:"kinds"`
	Codes    map[string]int `json:"codes,omitempty"`
	Country  map[string]int `json:"country,omitempty"`
	Roles    []ActorRole    `json:"roles,omitempty"`
	Mentions int            `json:"mentions"`
	// Docs is the actor's documents as written and read (MarshalBinary,
	// MarshalDelta), nil in memory, where docIx holds them: indices into
	// the registry's document keys (Registry.docKeys), 4 bytes an entry
	// the collector need not scan, where strings took 16 to scan — an
	// actor has an entry for every document naming it, so these lists
	// grow with the corpus (tens of millions of entries at a million
	// articles).
	Docs    []string        `json:"docs"`
	Co      map[ActorID]int `json:"co,omitempty"` // people: actors met in the same documents
	roleIdx map[string]int  // role key -> index in Roles
	docIx   []uint32
}

// Registry merges the local entities of many documents into actors, in one
// online pass. Adding a document costs the same however many are
// registered: actors are found through indexes of normalised name keys. A
// Registry is safe for concurrent use.
type Registry struct {
	mu       sync.Mutex
	actors   []*actor             // by ID-1
	byKey    map[string][]ActorID // name, alias and knowledge-base keys
	byFamily map[string][]ActorID // person family-name skeletons
	// docIx interns document keys: the index of each in docKeys;
	// docAdded marks the documents added (Add), not only named by an
	// actor of a state loaded
	docIx    map[string]uint32
	docKeys  []string
	docAdded []bool
	chg      changes // since the last MarshalDelta (delta.go)
	// folded lists the actors merged into another since TakeMerged last
	// ran (after a load: every merged actor), so that a caller learns of
	// merges without walking every actor
	folded []ActorID
	// wholeSize is the size of the last whole state written (a buffer
	// hint for the next, MarshalBinary)
	wholeSize int
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byKey: map[string][]ActorID{}, byFamily: map[string][]ActorID{}, docIx: map[string]uint32{}}
}

// intern returns document key k's index in docKeys, adding it if new.
func (r *Registry) intern(k string) uint32 {
	if i, ok := r.docIx[k]; ok {
		return i
	}
	i := uint32(len(r.docKeys))
	r.docIx[k] = i
	r.docKeys = append(r.docKeys, k)
	r.docAdded = append(r.docAdded, false)
	return i
}

// docStrs returns the document keys of ix (nil for nil, empty for empty:
// the JSON of an actor's documents tells the two apart).
func (r *Registry) docStrs(ix []uint32) []string {
	if ix == nil {
		return nil
	}
	out := make([]string, len(ix))
	for i, x := range ix {
		out[i] = r.docKeys[x]
	}
	return out
}

func (r *Registry) get(id ActorID) *actor { return r.actors[id-1] }

// TakeMerged returns the actors merged into another since it last ran
// (the first time after a load, every merged actor), and forgets them.
func (r *Registry) TakeMerged() []ActorID {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.folded
	r.folded = nil
	return out
}

// Canonical returns the ID that id was merged into (id itself if none).
func (r *Registry) Canonical(id ActorID) ActorID {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.find(id)
}

func (r *Registry) find(id ActorID) ActorID {
	for id != 0 && int(id) <= len(r.actors) && r.get(id).Parent != 0 {
		id = r.get(id).Parent
	}
	return id
}

// Add registers the local entities of document docKey and returns the
// actor of each. Adding a document a second time returns its actors
// without counting it again.
func (r *Registry) Add(docKey string, locals []Local) []ActorID {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byKey == nil {
		r.byKey, r.byFamily = map[string][]ActorID{}, map[string][]ActorID{}
	}
	if r.docIx == nil {
		r.docIx = map[string]uint32{}
	}
	di := r.intern(docKey)
	seen := r.docAdded[di]
	r.docAdded[di] = true
	if !seen {
		r.chg.docs = append(r.chg.docs, docKey)
	}
	ids := make([]ActorID, len(locals))
	// bare family names last: the document's other actors are their
	// context
	var bare []int
	for pass := 0; pass < 2; pass++ {
		todo := bare
		if pass == 0 {
			todo = nil
			for i := range locals {
				if isBareFamily(&locals[i]) {
					bare = append(bare, i)
				} else {
					todo = append(todo, i)
				}
			}
		}
		for _, i := range todo {
			l := &locals[i]
			id := r.match(l)
			if id == 0 && pass == 1 {
				id = r.matchByContext(l, ids, locals)
			}
			if seen {
				ids[i] = id
				continue
			}
			if id == 0 {
				id = r.create(l)
			}
			ids[i] = r.update(id, docKey, di, l)
		}
	}
	if !seen {
		r.cooccur(ids)
	}
	return ids
}

// isBareFamily reports whether a local is a person named by a family name
// alone.
func isBareFamily(l *Local) bool {
	if !isPersonLocal(l) {
		return false
	}
	g, f := personName(Key(l.Name))
	return len(g) == 0 && f != ""
}

// maxCo bounds the co-occurrence memory of one person.
const maxCo = 256

// cooccur records, for each person of a document, the document's other
// actors.
func (r *Registry) cooccur(ids []ActorID) {
	for _, id := range ids {
		a := r.get(r.find(id))
		if !a.Person {
			continue
		}
		r.chg.touch(a.ID)
		if a.Co == nil {
			a.Co = map[ActorID]int{}
		}
		for _, o := range ids {
			o = r.find(o)
			if o == a.ID {
				continue
			}
			if _, ok := a.Co[o]; ok || len(a.Co) < maxCo {
				a.Co[o]++
			}
		}
	}
}

// matchByContext joins a bare family name to the known person of that
// family whose earlier documents share at least two other actors (not
// countries or places) with this one. When several people of that family
// are known (a president, his wife and his son), those named in full in
// this document are out while others remain (the document kept them apart
// from the bare name), and the one whose company the document keeps
// clearly most is taken: at least twice the shared actors of any other;
// otherwise no guess.
func (r *Registry) matchByContext(l *Local, ctx []ActorID, locals []Local) ActorID {
	_, family := personName(Key(l.Name))
	var cands, here []*actor
	for _, id := range r.byFamily[skeleton(family)] {
		a := r.get(r.find(id))
		if !a.Person || len(a.Givens) == 0 || !sameFamily(family, a.Family) || slices.Contains(cands, a) || slices.Contains(here, a) {
			continue
		}
		if r.namedInFull(a.ID, ctx, locals) {
			here = append(here, a)
			continue
		}
		cands = append(cands, a)
	}
	if len(cands) == 0 {
		// the one namesake is named in full here too: the document may
		// have kept them apart on thin evidence ("Mr. Putin", referring
		// to Vladimir Putin)
		cands = here
	}
	best, bestN, second := ActorID(0), 0, 0
	for _, cand := range cands {
		shared := 0
		seen := map[ActorID]bool{}
		for _, id := range ctx {
			if id == 0 {
				continue
			}
			id = r.find(id)
			o := r.get(id)
			if seen[id] || id == cand.ID || argmax(o.Kinds, KindOther) == KindLocation {
				continue
			}
			seen[id] = true
			if cand.Co[id] > 0 {
				shared++
			}
		}
		switch {
		case shared > bestN:
			best, bestN, second = cand.ID, shared, bestN
		case shared > second:
			second = shared
		}
	}
	if bestN >= 2 && bestN >= 2*second {
		return best
	}
	return 0
}

// isPerson reports whether a local is a person.
func isPersonLocal(l *Local) bool { return l.Kind == KindPerson && l.KB == "" }

// match finds the actor a local entity belongs to, or 0.
func (r *Registry) match(l *Local) ActorID {
	if l.KB != "" {
		if ids := r.byKey["kb:"+l.KB]; len(ids) > 0 {
			return r.find(ids[0])
		}
		return 0
	}
	if l.Dict != "" {
		// the dictionary's synonyms are one actor ("Ash Carter",
		// "Ashton Carter")
		if ids := r.byKey["dict:"+l.Dict]; len(ids) > 0 {
			return r.find(ids[0])
		}
	}
	if isPersonLocal(l) {
		return r.matchPerson(l)
	}
	return r.matchName(l, false)
}

// dictConflict reports whether the dictionary says that a local and an
// actor are different actors.
func dictConflict(l *Local, a *actor) bool { return l.Dict != "" && a.Dict != "" && l.Dict != a.Dict }

// matchName finds a non-person actor by any of the local's names. Weak
// persons (a lone word with no given name and no role, often a place the
// recogniser took for a person) are accepted too.
func (r *Registry) matchName(l *Local, weakOnly bool) ActorID {
	best, bestN := ActorID(0), -1
	for _, n := range append([]string{l.Name}, l.Aliases...) {
		for _, id := range r.byKey[Key(n)] {
			id = r.find(id)
			a := r.get(id)
			if dictConflict(l, a) {
				continue
			}
			if a.Person && (len(a.Givens) > 0 || len(a.Roles) > 0) && (weakOnly || !strings.Contains(Key(n), " ")) {
				// a known person: only the same full name ("Ellen
				// Park" tagged ORG in one text, PER in another)
				continue
			}
			if weakOnly && !a.Person && a.KB == "" && len(strings.Fields(Key(n))) > 1 {
				continue
			}
			if a.Mentions > bestN {
				best, bestN = id, a.Mentions
			}
		}
		if best != 0 {
			return best
		}
	}
	return best
}

// namedInFull reports whether a local of the document with a given name
// ("Jane Merrow", not "Merrow") went to actor id.
func (r *Registry) namedInFull(id ActorID, ctx []ActorID, locals []Local) bool {
	for j, x := range ctx {
		if x == 0 || r.find(x) != id || !isPersonLocal(&locals[j]) {
			continue
		}
		if g, _ := personName(Key(locals[j].Name)); len(g) > 0 {
			return true
		}
	}
	return false
}

// matchPerson finds the person a local names: same family name and a
// compatible given name, or, for a bare family name, a shared role.
func (r *Registry) matchPerson(l *Local) ActorID {
	given, family := personName(Key(l.Name))
	if family == "" {
		return 0
	}
	best, bestN := ActorID(0), -1
	for _, id := range r.byFamily[skeleton(family)] {
		id = r.find(id)
		a := r.get(id)
		if !a.Person || a.Mentions <= bestN || dictConflict(l, a) {
			continue
		}
		if !sameFamily(family, a.Family) && !(len(given) > 0 && len(given[0]) > 1 && contains(a.Givens, given[0]) && family[0] == a.Family[0]) {
			// short family names may differ in spelling when the
			// given name is the same ("Duncan Rait", "Duncan Raite")
			continue
		}
		ok := false
		switch {
		case len(given) > 0 && len(a.Givens) > 0:
			for _, g := range a.Givens {
				ok = ok || givenCompatible(given[0], g)
			}
			ok = ok && !initialsConflict(given, family, a)
		default:
			ok = rolesOverlap(l.Roles, a.Roles)
		}
		if ok {
			best, bestN = id, a.Mentions
		}
	}
	if best == 0 && len(given) == 0 && len(l.Roles) == 0 {
		// a lone capitalised word typed as a person: join a place or
		// organisation of that name if one is known
		return r.matchName(l, true)
	}
	if best == 0 && len(given) > 0 {
		// the same full name typed otherwise elsewhere
		for _, id := range r.byKey[Key(l.Name)] {
			if a := r.get(r.find(id)); !a.Person && a.KB == "" {
				return a.ID
			}
		}
	}
	return best
}

// rolesOverlap reports whether two role lists share a title word (other
// than generic heads) or an organisation.
func rolesOverlap(a []Role, b []ActorRole) bool {
	words := map[string]bool{}
	for _, ro := range b {
		if ro.Source != "" {
			continue // the dictionary's, not the text's
		}
		for _, w := range strings.Fields(Key(ro.Title + " " + ro.Org)) {
			if v, ok := spelling[w]; ok {
				w = v
			}
			words[w] = true
		}
	}
	for _, ro := range a {
		if ro.Source != "" {
			continue
		}
		for _, w := range strings.Fields(Key(ro.Title + " " + ro.Org)) {
			if v, ok := spelling[w]; ok {
				w = v
			}
			if words[w] && !roleStop[w] && !genericHeads[w] {
				return true
			}
		}
	}
	return false
}

// create makes a new actor for a local entity.
func (r *Registry) create(l *Local) ActorID {
	id := ActorID(len(r.actors) + 1)
	a := &actor{ID: id, KB: l.KB, Aliases: map[string]int{}, Kinds: map[Kind]int{}, Codes: map[string]int{}, Country: map[string]int{}}
	if l.KB != "" {
		a.KBName, a.KBKind = l.Name, l.Kind
		r.byKey["kb:"+l.KB] = append(r.byKey["kb:"+l.KB], id)
	}
	if l.Dict != "" {
		a.Dict = l.Dict
		r.byKey["dict:"+l.Dict] = append(r.byKey["dict:"+l.Dict], id)
	}
	if isPersonLocal(l) {
		a.Person = true
		_, a.Family = personName(Key(l.Name))
		r.byFamily[skeleton(a.Family)] = append(r.byFamily[skeleton(a.Family)], id)
	}
	r.actors = append(r.actors, a)
	r.chg.touch(id)
	return id
}

// index adds key -> id unless present.
func (r *Registry) index(key string, id ActorID) {
	if key == "" {
		return
	}
	for _, x := range r.byKey[key] {
		if r.find(x) == id {
			return
		}
	}
	r.byKey[key] = append(r.byKey[key], id)
}

// update adds a local entity's evidence to actor id, merging actors that
// its names show to be one. It returns the actor's (possibly new) ID.
func (r *Registry) update(id ActorID, docKey string, di uint32, l *Local) ActorID {
	// names that already belong to another actor of the same sort merge
	// the two ("KRG" registered alone, then "Kurdistan Regional
	// Government (KRG)")
	if !isPersonLocal(l) && l.KB == "" {
		for _, n := range l.Aliases {
			for _, o := range r.byKey[Key(n)] {
				o = r.find(o)
				if o != id && !r.get(o).Person && r.get(o).KB == "" && !r.get(id).Person {
					id = r.merge(id, o)
				}
			}
		}
	}
	a := r.get(id)
	r.chg.touch(id)
	if l.Dict != "" && a.Dict == "" {
		a.Dict = l.Dict
		r.index("dict:"+l.Dict, id)
	}
	if isPersonLocal(l) && !a.Person {
		// a full name first seen typed as an organisation or place
		if g, f := personName(Key(l.Name)); len(g) > 0 {
			a.Person, a.Family = true, f
			r.byFamily[skeleton(f)] = append(r.byFamily[skeleton(f)], id)
		}
	}
	n := len(l.Mentions) + len(l.Refs)
	a.Mentions += n
	if len(a.docIx) == 0 || a.docIx[len(a.docIx)-1] != di {
		a.docIx = append(a.docIx, di)
	}
	for _, al := range l.Aliases {
		a.Aliases[al]++
		r.index(Key(al), id)
	}
	r.index(Key(l.Name), id)
	if a.Person {
		g, _ := personName(Key(l.Name))
		if len(g) > 0 && !contains(a.Givens, g[0]) {
			a.Givens = append(a.Givens, g[0])
		}
	}
	a.Kinds[l.Kind] += max(n, 1)
	if l.Code != "" {
		a.Codes[l.Code]++
	}
	if l.Country != "" {
		a.Country[l.Country]++
	}
	for _, ro := range l.Roles {
		a.addRole(ro, docKey)
	}
	return id
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// addRole records a role statement.
func (a *actor) addRole(ro Role, docKey string) {
	if a.roleIdx == nil {
		a.roleIdx = map[string]int{}
		for i, x := range a.Roles {
			a.roleIdx[actorRoleKey(x)] = i
		}
	}
	k := actorRoleKey(ActorRole{Title: ro.Title, Org: ro.Org, Code: ro.Code, From: ro.From, Until: ro.Until, Source: ro.Source})
	if i, ok := a.roleIdx[k]; ok {
		if ro.Source != "" {
			return // known from the dictionary, not stated again
		}
		x := &a.Roles[i]
		x.Count++
		if !ro.Date.IsZero() && (x.First.IsZero() || ro.Date.Before(x.First)) {
			x.First = ro.Date
		}
		if ro.Date.After(x.Last) {
			x.Last = ro.Date
		}
		if x.Country == "" {
			x.Country = ro.Country
		}
		if x.Agent == "" {
			x.Agent = ro.Agent
		}
		return
	}
	a.roleIdx[k] = len(a.Roles)
	if ro.Source != "" {
		a.Roles = append(a.Roles, ActorRole{Title: ro.Title, Country: ro.Country, Agent: ro.Agent,
			Code: ro.Code, From: ro.From, Until: ro.Until, Source: ro.Source})
		return
	}
	a.Roles = append(a.Roles, ActorRole{Title: ro.Title, Org: ro.Org, Country: ro.Country, Agent: ro.Agent,
		First: ro.Date, Last: ro.Date, Count: 1, Doc: docKey})
}

// day formats a date as YYYYMMDD ("" for zero).
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("20060102")
}

// actorRoleKey identifies a role: its title and organisation, or for a
// dictionary role its code and dates.
func actorRoleKey(x ActorRole) string {
	if x.Source != "" {
		return x.Source + "|" + x.Code + "|" + day(x.From) + "|" + day(x.Until)
	}
	return roleKey(x.Title, x.Org)
}

func roleKey(title, org string) string {
	k := Key(title) + "|" + Key(org)
	for from, to := range spelling {
		k = strings.ReplaceAll(k, from, to)
	}
	return k
}

// merge folds actor b into actor a (the older survives) and returns the
// survivor.
func (r *Registry) merge(a, b ActorID) ActorID {
	if b < a {
		a, b = b, a
	}
	x, y := r.get(a), r.get(b)
	r.chg.touch(a)
	r.chg.markReset(b) // its documents go: written whole
	y.Parent = a
	r.folded = append(r.folded, b)
	for k, v := range y.Aliases {
		x.Aliases[k] += v
	}
	for k, v := range y.Kinds {
		x.Kinds[k] += v
	}
	for k, v := range y.Codes {
		x.Codes[k] += v
	}
	for k, v := range y.Country {
		x.Country[k] += v
	}
	for _, ro := range y.Roles {
		x.addRole(Role{Title: ro.Title, Org: ro.Org, Country: ro.Country, Agent: ro.Agent, Date: ro.First,
			Code: ro.Code, From: ro.From, Until: ro.Until, Source: ro.Source}, ro.Doc)
	}
	x.Mentions += y.Mentions
	have := make(map[uint32]bool, len(x.docIx))
	for _, d := range x.docIx {
		have[d] = true
	}
	for _, d := range y.docIx {
		if !have[d] {
			have[d] = true
			x.docIx = append(x.docIx, d)
		}
	}
	for k, v := range y.Co {
		if x.Co == nil {
			x.Co = map[ActorID]int{}
		}
		if _, ok := x.Co[k]; ok || len(x.Co) < maxCo {
			x.Co[k] += v
		}
	}
	for _, g := range y.Givens {
		if !contains(x.Givens, g) {
			x.Givens = append(x.Givens, g)
		}
	}
	if x.KB == "" {
		x.KB, x.KBName, x.KBKind = y.KB, y.KBName, y.KBKind
	}
	if x.Dict == "" {
		x.Dict = y.Dict
	}
	*y = actor{ID: b, Parent: a}
	return a
}

// snapshot builds the public view of actor a, whose document keys are
// keys (Registry.docKeys).
func (a *actor) snapshot(keys []string) Actor {
	out := a.summary()
	for _, x := range a.docIx {
		out.Docs = append(out.Docs, keys[x])
	}
	return out
}

// summary is snapshot without the documents, which grow with the corpus
// (an actor named in a tenth of a million articles has 100,000).
func (a *actor) summary() Actor {
	out := Actor{ID: a.ID, Mentions: a.Mentions}
	for n, c := range a.Aliases {
		out.Aliases = append(out.Aliases, Alias{n, c})
	}
	sort.Slice(out.Aliases, func(i, j int) bool {
		x, y := out.Aliases[i], out.Aliases[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		if rx, ry := nameRank(x.Name), nameRank(y.Name); rx != ry {
			return rx > ry
		}
		return x.Name > y.Name // deterministic whatever the map order ("Los Angeles" before "LOS ANGELES")
	})
	out.Roles = append([]ActorRole(nil), a.Roles...)
	sort.SliceStable(out.Roles, func(i, j int) bool { return out.Roles[i].Count > out.Roles[j].Count })
	out.Kind = argmax(a.Kinds, KindOther)
	if a.KB != "" {
		out.Name, out.Kind = a.KBName, a.KBKind
	}
	if out.Name == "" {
		out.Name = a.bestName()
	}
	out.Code = argmax(a.Codes, "")
	out.Country = argmax(a.Country, "")
	return out
}

// bestName picks an actor's name: for people the most used full name
// (two words or more), otherwise the most used name that is not an
// acronym nor a form written all in capitals (a dateline's "LOS ANGELES");
// ties go to the longer form, then the first in byte order, so the choice
// never depends on map order.
func (a *actor) bestName() string {
	best, bestC, bestR := "", 0, 0
	for n, c := range a.Aliases {
		full := len(strings.Fields(n)) > 1
		if a.Person && !full {
			c -= 1 << 20
		}
		if isAcronym(n) {
			c -= 1 << 10
		} else if allCaps(n) {
			c -= 1 << 9
		}
		r := nameRank(n)
		if best == "" || c > bestC || c == bestC && (r > bestR || r == bestR && n < best) {
			best, bestC, bestR = n, c, r
		}
	}
	return best
}

// allCaps reports whether s has letters and none of them is lower case.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// argmax returns the key with the highest count (ties: smallest key).
func argmax[K ~string](m map[K]int, def K) K {
	best, n := def, 0
	for k, c := range m {
		if c > n || c == n && n > 0 && k < best {
			best, n = k, c
		}
	}
	return best
}

// Actor returns the actor id (or the actor it was merged into).
func (r *Registry) Actor(id ActorID) (Actor, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id == 0 || int(id) > len(r.actors) {
		return Actor{}, false
	}
	return r.get(r.find(id)).snapshot(r.docKeys), true
}

// ActorSummary is Actor without its documents (Actor.Docs nil): what the
// corpus stage stores of an actor after each batch, at a cost that does
// not grow with the actor's documents.
func (r *Registry) ActorSummary(id ActorID) (Actor, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id == 0 || int(id) > len(r.actors) {
		return Actor{}, false
	}
	return r.get(r.find(id)).summary(), true
}

// Actors returns all actors, most mentioned first.
func (r *Registry) Actors() []Actor {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Actor
	for _, a := range r.actors {
		if a.Parent == 0 {
			out = append(out, a.snapshot(r.docKeys))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Lookup returns the actors called name (any alias, or a knowledge-base
// alias of a known actor), most mentioned first.
func (r *Registry) Lookup(name string) []ActorID {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := Key(name)
	var keys []string
	keys = append(keys, key)
	if e := kb().lookup(key); e != nil {
		keys = append(keys, "kb:"+e.Key)
	}
	seen := map[ActorID]bool{}
	var out []ActorID
	for _, k := range keys {
		for _, id := range r.byKey[k] {
			if id = r.find(id); !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	if len(out) == 0 {
		// a person's family name
		_, fam := personName(key)
		for _, id := range r.byFamily[skeleton(fam)] {
			if id = r.find(id); !seen[id] && r.get(id).Person && sameFamily(fam, r.get(id).Family) {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return r.get(out[i]).Mentions > r.get(out[j]).Mentions })
	return out
}

// initialsConflict reports whether actor a is already known by a name with
// the same first given name but other middle initials than given: "George
// H. W. Bush" is not the actor called "George W. Bush".
func initialsConflict(given []string, family string, a *actor) bool {
	if middleInitials(given) == "" {
		return false
	}
	for n := range a.Aliases {
		g, f := personName(Key(n))
		if len(g) > 0 && sameFamily(f, family) && givenCompatible(g[0], given[0]) && !initialsCompatible(g, given) {
			return true
		}
	}
	return false
}
