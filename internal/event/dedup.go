package event

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"
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
// one happening when Same says so (compatible types, statuses that mix,
// actors that agree, stated places that agree, dates within the
// tolerance of their precisions). Each mention joins the first happening
// whose first report it is compatible with, in report order, so the
// result does not depend on the order given; it never joins a happening
// that already holds an event of its own sentence: two events a coder
// finds in one sentence are two happenings (or one coded twice, which
// counting twice would not mend).
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
			return readOrder(x.Sentence) < readOrder(y.Sentence)
		}
		return x.VerbAt.Start < y.VerbAt.Start
	})
	var hs []Happening
	// the events of one sentence are placed together: first each joins a
	// happening first told with a verb like its own, then the rest join
	// any, so that "dug trenches and rigged roads" gives "rigged" to the
	// happening an earlier "rigged" began, "dug" to another
	place := make([]int, 0, 4) // per event of the sentence: its happening, -1 none yet
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && ms[order[hi]].Article == ms[order[lo]].Article && ms[order[hi]].Sentence == ms[order[lo]].Sentence {
			hi++
		}
		place = place[:0]
		for range hi - lo {
			place = append(place, -1)
		}
		for pass := range 2 {
			for k := lo; k < hi; k++ {
				m := &ms[order[k]]
				if place[k-lo] >= 0 {
					continue
				}
				for h := range hs {
					if (pass == 1 || sameVerb(hs[h].First.Verb, m.Verb)) && Same(&hs[h].First.Event, &m.Event) && !hs[h].tells(m.Article, m.Sentence) {
						hs[h].Mentions = append(hs[h].Mentions, *m)
						place[k-lo] = h
						break
					}
				}
			}
		}
		for k := lo; k < hi; k++ {
			if place[k-lo] < 0 {
				m := ms[order[k]]
				hs = append(hs, Happening{Event: m.Event, First: m, Mentions: []Mention{m}})
			}
		}
		lo = hi
	}
	for h := range hs {
		hs[h].summarise()
	}
	return hs
}

// readOrder places an article's headline after its sentences: the text
// tells a happening with its place and date, and the headline, which
// states neither, joins it as one more mention.
func readOrder(sentence int) int {
	if sentence == HeadlineIndex {
		return math.MaxInt
	}
	return sentence
}

// tells reports whether the happening holds a mention from sentence of
// article.
func (h *Happening) tells(article int64, sentence int) bool {
	for i := range h.Mentions {
		if h.Mentions[i].Article == article && h.Mentions[i].Sentence == sentence {
			return true
		}
	}
	return false
}

// symmetric types: "A met B" is "B met A".
var symmetric = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "ASSAULT": false}

// Same reports whether two coded events tell the same happening, as two
// outlets tell one in different words:
//   - the same PLOVER type (the CAMEO codes may differ within it: "carry
//     out operations" and "launch operations");
//   - statuses that mix (statusClass): an asserted happening is not its
//     announcement, its denial nor a call for it;
//   - actors that agree, role by role: each role both name shares a
//     party (the same actor, or a place inside the other's country:
//     "Mosul" and "Mosul, Iraq"; of compound lists, any one), and at
//     least one role is named by both unless one names none; or the pair
//     is swapped, for symmetric types such as meetings;
//   - stated places that agree (samePlace, or one inside or among the
//     places the other names: "operations in Raqqa and Mosul" is where
//     "operations in Mosul" is);
//   - dates within the tolerance of their precisions.
func Same(a, b *Event) bool {
	if a.Type != b.Type || statusClass(a.Status) != statusClass(b.Status) {
		return false
	}
	as, at, bs, bt := parties(&a.Source, a.AllSources), parties(&a.Target, a.AllTargets), parties(&b.Source, b.AllSources), parties(&b.Target, b.AllTargets)
	// an event that names no role at all agrees on roles with any other
	anon := !as.named() && !at.named() || !bs.named() && !bt.named()
	// a plan or announcement is spoken by a country's officials for it:
	// one outlet gives the country ("the U.S.-led coalition will strike"),
	// another the minister who announced it
	// (and only where both name the target: a speaker's plan with no
	// object says too little to be matched by its speaker's country)
	speaker := statusClass(a.Status) == "irrealis" && at.named() && bt.named()
	// with one source unnamed, the targets alone tell the happening: they
	// must name the same party, not merely a city and its country ("the
	// coalition is allied with Iraq" is no soldier's "supporting the Mosul
	// offensive")
	tgtAgree := rolesAgree(at, bt)
	if tgtAgree && at.named() && bt.named() && (!as.named() || !bs.named()) {
		tgtAgree = rolesShare(at, bt)
	}
	direct := (rolesAgree(as, bs) || speaker && speaksFor(as, bs)) && tgtAgree &&
		(anon || as.named() && bs.named() || at.named() && bt.named())
	swapped := symmetric[a.Type] && rolesAgree(as, bt) && rolesAgree(at, bs) &&
		(anon || as.named() && bt.named() || at.named() && bs.named())
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
	if !anon && a.Place != nil && b.Place != nil && a.Place.Stated && b.Place.Stated &&
		!samePlace(a.Place, b.Place) && !(placeAmong(a.Place, b.Place, bt) && placeAmong(b.Place, a.Place, at)) &&
		!countryHolds(a.Place, at, b.Place) && !countryHolds(b.Place, bt, a.Place) {
		return false
	}
	return datesAgree(a, b)
}

// partyList is an event's source or target: its compound list, else its
// one party (kept by pointer: Same allocates nothing).
type partyList struct {
	one *Party
	all []Party
}

func parties(one *Party, all []Party) partyList { return partyList{one, all} }

func (l partyList) len() int {
	if len(l.all) > 0 {
		return len(l.all)
	}
	return 1
}

func (l partyList) at(i int) *Party {
	if len(l.all) > 0 {
		return &l.all[i]
	}
	return l.one
}

// named reports a list with a party that tells which happening it is.
func (l partyList) named() bool {
	for i := range l.len() {
		if named(l.at(i)) {
			return true
		}
	}
	return false
}

// rolesAgree: a role one of them leaves empty, or fills only with words
// naming a group, agrees with anything; else the two must share a party.
func rolesAgree(a, b partyList) bool {
	if !a.named() || !b.named() {
		return true
	}
	for i := range a.len() {
		x := a.at(i)
		if !named(x) {
			continue
		}
		for j := range b.len() {
			y := b.at(j)
			if named(y) && (SameParty(x, y) || inCountry(x, y) || inCountry(y, x)) {
				return true
			}
		}
	}
	return false
}

// speaksFor reports a source list with a country actor ("USA") and
// another with one of that country's government or armed forces people
// or bodies ("USAGOVMIL", "USAMIL"), either way round. Same asks it only
// of planned, announced or urged happenings, which a minister announces
// for his country; a happening that took place keeps a country apart from
// its people, as GDELT's actor codes do.
func speaksFor(a, b partyList) bool {
	of := func(x, y *Party) bool {
		return x.Actor != 0 && y.Actor != 0 && len(x.Code) == 3 && len(y.Code) >= 6 && y.Code[:3] == x.Code &&
			(y.Code[3:6] == "GOV" || y.Code[3:6] == "MIL")
	}
	for i := range a.len() {
		for j := range b.len() {
			if x, y := a.at(i), b.at(j); of(x, y) || of(y, x) {
				return true
			}
		}
	}
	return false
}

// rolesShare reports two party lists that share a party (the same
// actor or place; a city and its country do not count).
func rolesShare(a, b partyList) bool {
	for i := range a.len() {
		x := a.at(i)
		for j := range b.len() {
			if y := b.at(j); named(x) && named(y) && SameParty(x, y) {
				return true
			}
		}
	}
	return false
}

// inCountry reports a place party inside the country a country actor
// ("Iraq", code IRQ) stands for: "attacked Mosul" and "attacked Mosul,
// Iraq" name one target. An actor of a country's government or army
// ("IRQMIL") is a party of its own, not the country's ground.
func inCountry(place, country *Party) bool {
	return place.GeonamesID != 0 && place.country != "" && country.Actor != 0 && len(country.Code) == 3 &&
		iso3(place.country) == country.Code
}

// placeAmong reports a stated place that is one of the places another
// event names — its own place, a place its targets name, or inside a
// country they name. Same asks it both ways: "operations in Raqqa"
// (targets Raqqa and Mosul) and "operations in Mosul" (targets Mosul and
// Raqqa) name one ground; "supported the Mosul offensive" at Anaheim and
// "allied with Iraq" at Mosul do not.
func placeAmong(p, own *Place, l partyList) bool {
	if samePlace(p, own) {
		return true
	}
	for i := range l.len() {
		t := l.at(i)
		if t.GeonamesID != 0 && p.GeonamesID != 0 && t.GeonamesID == p.GeonamesID ||
			t.GeonamesID != 0 && strings.EqualFold(t.Name, p.Name) {
			return true
		}
		if t.Actor != 0 && len(t.Code) == 3 && p.Country != "" && iso3(p.Country) == t.Code {
			return true
		}
	}
	return false
}

// countryHolds reports a stated place p that is a whole country — one of
// its event's targets names it as the country's actor ("a visit to
// Spain") — holding the other event's place ("visited Seville", in Spain):
// one outlet names the country, another the city.
func countryHolds(p *Place, targets partyList, other *Place) bool {
	if p.Country == "" || !strings.EqualFold(p.Country, other.Country) {
		return false
	}
	for i := range targets.len() {
		t := targets.at(i)
		if t.Actor != 0 && len(t.Code) == 3 && iso3(p.Country) == t.Code && strings.EqualFold(t.Text, p.Name) {
			return true
		}
	}
	return false
}

// iso3 returns the CAMEO country code of an ISO 3166-1 alpha-2 code —
// its alpha-3 code but for cameoCountries — "" if unknown. Same asks it in its inner
// loop: the codes are looked up once, on first use.
func iso3(alpha2 string) string {
	if len(alpha2) != 2 {
		return ""
	}
	a, b := alpha2[0]|0x20-'a', alpha2[1]|0x20-'a'
	if a >= 26 || b >= 26 {
		return ""
	}
	iso3Once.Do(func() {
		for i := range 26 {
			for j := range 26 {
				if r, err := language.ParseRegion(string([]byte{'A' + byte(i), 'A' + byte(j)})); err == nil {
					iso3Table[i][j] = r.ISO3()
				}
				if c, ok := cameoCountries[string([]byte{'A' + byte(i), 'A' + byte(j)})]; ok {
					iso3Table[i][j] = c
				}
			}
		}
	})
	return iso3Table[a][b]
}

// cameoCountries are the countries whose CAMEO code (the Phoenix actor
// dictionaries') is not their ISO 3166 alpha-3 code: Kosovo is KSV (ISO
// has none; Go's region table gives the user-assigned XKK), East Timor TMP.
var cameoCountries = map[string]string{"XK": "KSV", "TL": "TMP"}

var (
	iso3Once  sync.Once
	iso3Table [26][26]string
)

// sameVerb reports two verbs of one Dictionary class ("want", "wants").
func sameVerb(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	ca := VerbClass(a)
	return ca != "" && ca == VerbClass(b)
}

// statusClass groups the statuses that may tell one happening: an
// announcement, a conditional and a call ("will strike", "could strike",
// "urged ... to strike") mix — one outlet's "will" is another's "plans
// to" or "should", and none says the happening took place — while the
// happening asserted, and its denial, are each a class of their own: "the
// army struck" is not "the army will strike" (the plan and the deed are
// two happenings, days apart or never), nor "the army denied striking".
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
