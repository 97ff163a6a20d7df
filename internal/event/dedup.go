package event

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Mention is one report of an event: the event as coded from one sentence
// of one article.
type Mention struct {
	Event
	Article   int64
	Outlet    string
	Published time.Time
	Text      string // the sentence as written
	Ref       int64  `json:"-"` // the caller's reference, carried through
}

// Happening is one real-world event with every report of it: GDELT's
// NumMentions, NumArticles and NumSources are len(Mentions), Articles and
// Sources.
type Happening struct {
	Event              // as first reported, with the details most outlets give
	Mentions []Mention // in report order
	Articles int       // distinct articles
	Sources  int       // distinct outlets
	First    Mention   // the first report
	// Disagreements keep each outlet's value where outlets differ on a
	// detail: field ("date", "killed", "wounded", "troops", "place") →
	// outlet → value.
	Disagreements map[string]map[string]string `json:"disagreements,omitempty"`
}

// Merge folds the mentions of one story into happenings: two mentions are
// one happening when their types are compatible, their statuses agree,
// their actors agree (each role both name must be the same actor, and at
// least one role is named by both unless one names none — or the pair is
// swapped, for symmetric types such as meetings), their stated places agree and their
// dates lie within the tolerance of their precisions. Each mention joins
// the first happening whose first report it is compatible with, in report
// order, so the result does not depend on the order given.
func Merge(ms []Mention) []Happening {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &ms[order[a]], &ms[order[b]]
		if !x.Published.Equal(y.Published) {
			return x.Published.Before(y.Published)
		}
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		if x.Sentence != y.Sentence {
			return x.Sentence < y.Sentence
		}
		return x.VerbAt.Start < y.VerbAt.Start
	})
	var hs []Happening
	for _, i := range order {
		m := ms[i]
		joined := false
		for h := range hs {
			if Same(&hs[h].First.Event, &m.Event) {
				hs[h].Mentions = append(hs[h].Mentions, m)
				joined = true
				break
			}
		}
		if !joined {
			hs = append(hs, Happening{Event: m.Event, First: m, Mentions: []Mention{m}})
		}
	}
	for h := range hs {
		hs[h].summarise()
	}
	return hs
}

// symmetric types: "A met B" is "B met A".
var symmetric = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "ASSAULT": false}

// Same reports whether two coded events tell the same happening (see
// Merge).
func Same(a, b *Event) bool {
	if a.Type != b.Type || statusClass(a.Status) != statusClass(b.Status) {
		return false
	}
	// an event that names no role at all agrees on roles with any other
	anon := !named(&a.Source) && !named(&a.Target) || !named(&b.Source) && !named(&b.Target)
	direct := roleAgree(&a.Source, &b.Source) && roleAgree(&a.Target, &b.Target) &&
		(anon || bothNamed(&a.Source, &b.Source) || bothNamed(&a.Target, &b.Target))
	swapped := symmetric[a.Type] && roleAgree(&a.Source, &b.Target) && roleAgree(&a.Target, &b.Source) &&
		(anon || bothNamed(&a.Source, &b.Target) || bothNamed(&a.Target, &b.Source))
	if !direct && !swapped {
		return false
	}
	// a statement (a demand, a promise, an accusation) is told by its
	// words: two statements of one speaker, one naming an addressee or
	// object the other lacks, are one only when their verbs are alike
	if statements[a.Type] && named(&a.Target) != named(&b.Target) && !sameVerb(a.Verb, b.Verb) {
		return false
	}
	// an event that names no actor (only a group: "police arrested a
	// man") is told apart by its type, status and date alone: outlets
	// place such a report at the town, the county or the state
	if !anon && a.Place != nil && b.Place != nil && a.Place.Stated && b.Place.Stated && !samePlace(a.Place, b.Place) {
		return false
	}
	return datesAgree(a, b)
}

// sameVerb reports two verbs of one Dictionary class ("want", "wants").
func sameVerb(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	ca := VerbClass(a)
	return ca != "" && ca == VerbClass(b)
}

func statusClass(s string) string {
	switch s {
	case Future, Urged, Hypothetical:
		return "irrealis"
	case Negated:
		return Negated
	}
	return Asserted
}

// named reports a party that tells which happening an event is: words
// naming only a group ("protesters") do not.
func named(p *Party) bool { return p.Text != "" && !p.group }

func bothNamed(a, b *Party) bool { return named(a) && named(b) }

// roleAgree: a role one of them leaves empty, or fills only with words
// naming a group, agrees with anything.
func roleAgree(a, b *Party) bool {
	if !named(a) || !named(b) {
		return true
	}
	return SameParty(a, b)
}

// SameParty compares two parties by actor id, else place, else code (a
// full code: "IRQMIL" is not "IRQGOV"), else name.
func SameParty(a, b *Party) bool {
	switch {
	case a.Actor != 0 && b.Actor != 0:
		return a.Actor == b.Actor
	case a.GeonamesID != 0 && b.GeonamesID != 0:
		return a.GeonamesID == b.GeonamesID
	case a.Code != "" && b.Code != "" && len(a.Code) > 3 && len(b.Code) > 3:
		return a.Code == b.Code
	}
	if nameKey(a.Name) == nameKey(b.Name) || nameKey(a.Text) == nameKey(b.Text) {
		return true
	}
	// "Reid" and "Tara Reid": one name ends the other
	x, y := strings.Fields(nameKey(a.Name)), strings.Fields(nameKey(b.Name))
	return len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] && (len(x) == 1 || len(y) == 1)
}

func nameKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// samePlace: the same GeoNames place, else the same name.
func samePlace(a, b *Place) bool {
	if a.GeonamesID != 0 && b.GeonamesID != 0 {
		return a.GeonamesID == b.GeonamesID
	}
	return strings.EqualFold(a.Name, b.Name)
}

// Tolerance is how far apart two reports may date one happening: a day
// either way for day-precise dates (time zones, "overnight"), three for an
// estimated date; the same week, month or year for coarser ones.
func Tolerance(precision string, estimated bool) time.Duration {
	day := 24 * time.Hour
	switch {
	case estimated:
		return 3 * day
	case precision == PrecisionDay:
		return day
	case precision == PrecisionWeek:
		return 7 * day
	case precision == PrecisionMonth:
		return 31 * day
	}
	return 366 * day
}

func datesAgree(a, b *Event) bool {
	ta, oka := ParseDate(a.Date)
	tb, okb := ParseDate(b.Date)
	if !oka || !okb {
		return true
	}
	// the coarser date bounds the comparison
	tol := max(Tolerance(a.Precision, a.Estimated), Tolerance(b.Precision, b.Estimated))
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	return d <= tol
}

// summarise counts the happening's articles and outlets, picks the details
// most reports give, and keeps each outlet's value where they differ.
func (h *Happening) summarise() {
	arts, outs := map[int64]bool{}, map[string]bool{}
	for _, m := range h.Mentions {
		arts[m.Article] = true
		outs[outletKey(&m)] = true
	}
	h.Articles, h.Sources = len(arts), len(outs)
	h.Disagreements = nil
	keep := func(field string, val func(m *Mention) string) {
		byOutlet := map[string]string{}
		distinct := map[string]int{}
		for i := range h.Mentions {
			m := &h.Mentions[i]
			v := val(m)
			if v == "" {
				continue
			}
			if _, seen := byOutlet[outletKey(m)]; !seen {
				byOutlet[outletKey(m)] = v
			}
			distinct[v]++
		}
		if len(distinct) > 1 {
			if h.Disagreements == nil {
				h.Disagreements = map[string]map[string]string{}
			}
			h.Disagreements[field] = byOutlet
		}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	keep("date", func(m *Mention) string { return m.Date })
	keep("killed", func(m *Mention) string { return num(m.Quant.Killed) })
	keep("wounded", func(m *Mention) string { return num(m.Quant.Wounded) })
	keep("troops", func(m *Mention) string { return num(m.Quant.Troops) })
	keep("place", func(m *Mention) string {
		if m.Place == nil || !m.Place.Stated {
			return ""
		}
		return m.Place.Name
	})
	// fill what the first report leaves out from later ones
	for i := range h.Mentions {
		m := &h.Mentions[i]
		if !named(&h.Source) && named(&m.Source) {
			h.Source, h.AllSources = m.Source, m.AllSources
		}
		if !named(&h.Target) && named(&m.Target) {
			h.Target, h.AllTargets = m.Target, m.AllTargets
		}
		if (h.Place == nil || !h.Place.Stated) && m.Place != nil && m.Place.Stated {
			h.Place = m.Place
		}
		if h.Quant.IsZero() && !m.Quant.IsZero() {
			h.Quant = m.Quant
		}
		// a stated date beats the article's
		if h.Estimated && !m.Estimated && m.Date != "" {
			h.Date, h.Precision, h.Estimated = m.Date, m.Precision, false
		}
	}
}

// outletKey names a mention's outlet; an article whose outlet is unknown
// counts as an outlet of its own ("article 12"), not as one shared
// unknown outlet.
func outletKey(m *Mention) string {
	if m.Outlet != "" {
		return m.Outlet
	}
	return "article " + strconv.FormatInt(m.Article, 10)
}
