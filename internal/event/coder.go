package event

import (
	"strings"
)

// Coder codes sentences. It holds reusable buffers: not safe for
// concurrent use — give each goroutine its own.
type Coder struct {
	d     *Dictionary
	toks  []token
	cand  []verbHit
	prior int     // verbs coded so far in the sentence (findVerbs)
	pats  []int32 // candidate patterns of a verb (candidatePatterns)
	// actors are the sentence's actor mentions (the tokens' actor index
	// points into them)
	actors []ActorMention
	// places are the sentence's place mentions
	places []PlaceMention
	// headline is true while a title is coded (headline.go)
	headline bool
}

// NewCoder returns a Coder using the embedded dictionaries.
func NewCoder() *Coder { return &Coder{d: verbs()} }

// NewCoderWith returns a Coder using verb dictionary d (the validation
// suite's, for its unit tests).
func NewCoderWith(d *Dictionary) *Coder { return &Coder{d: d} }

// ablated names the rules (Coder methods) the ablation tests switch off
// to measure which labelled sentences each one decides (ablate_test.go);
// nil outside those tests, where every rule applies.
var ablated map[string]bool

// maxTokens bounds the words of one sentence the coder reads: a
// "sentence" longer than this is a list or a table the splitter could not
// cut, where word order says nothing about who did what to whom.
const maxTokens = 300

// verbHit is a coded verb of the sentence.
type verbHit struct {
	at, end  int // token range of the verb
	code     string
	swap     bool // the subject is the target (":173", passive)
	passive  bool
	status   string
	embedded bool
	gov      int // token of the governing verb, -1 if none
	light    int // token of a light verb governing this one, -1 if none
	// patterned is true when a pattern of the verb's block gave the code:
	// the object decides, not the verb's plain sense
	patterned bool
	// noun is the token of the event noun that is the verb's subject
	// ("riots ... are continuing"), -1 if none: the roles are the noun's
	noun int
	// bare is true for an event noun with no verb ("talks between X and
	// Y"): kept only when an actor takes part
	bare bool
	// occasion is true for a visit or meeting told as the occasion of
	// another act ("said during a visit to X"): the noun's roles are the
	// clause's subject and the phrase's party (occasion.go)
	occasion bool
}

// Code appends the events of s to dst.
func (c *Coder) Code(s Sentence, dst []Event) []Event {
	if s.Start < 0 || s.End > len(s.Text) || s.Start >= s.End {
		return dst
	}
	c.toks = tokenize(s.Text, s.Start, s.End, c.toks[:0])
	if len(c.toks) == 0 || len(c.toks) > maxTokens || shouting(s.Text, c.toks) {
		return dst
	}
	if linkLine(c.toks) {
		return dst
	}
	c.toks = splitNameCompounds(s, c.toks)
	c.markWords()
	c.mark(s)
	c.actors = s.Actors
	c.places = s.Places
	c.headline = s.Headline
	if s.Headline {
		c.headlineForm(&s)
	}
	c.cand = c.findVerbs(c.cand[:0])
	c.dropLight()
	// the verbs code nothing: the first event noun may ("Talks between
	// X and Y resumed", "a protest against the ban"), tried once
	nounTried := false
	if len(c.cand) == 0 {
		hit, ok := c.nounEvent()
		if !ok {
			return dst
		}
		c.cand, nounTried = append(c.cand, hit), true
	}
	first := len(dst)
	q := quantities(s.Text, c.toks)
	var fallback Event
	haveFallback := false
	for i := 0; ; i++ {
		if i == len(c.cand) {
			if nounTried || len(dst) > first || haveFallback {
				break
			}
			nounTried = true
			hit, ok := c.nounEvent()
			if !ok {
				break
			}
			c.cand = append(c.cand, hit)
		}
		h := &c.cand[i]
		var src, tgt []Party
		if h.bare {
			src, tgt = c.nounRoles(s, h.at)
			// "Carter said the idea of operations against Mosul ...": a
			// planned happening with no actor of its own is its
			// reporter's statement (as below for verbs)
			if len(src) == 0 && statusClass(h.status) == "irrealis" {
				src = c.reporter(s, h.at)
			}
		} else {
			src, tgt = c.roles(s, i)
		}
		if h.swap {
			src, tgt = tgt, src
		}
		// a city or region as the doer is where something happened, not
		// who did it ("The loss of Mosul would leave ...", "an explosion
		// near the town of X killed"): no source; with no actor as target
		// either, nothing happened between actors
		if len(src) > 1 {
			// "In Tartus, Vela said": a site in a list of doers is a
			// scene, not one of them
			src = c.dropSites(src)
		}
		if len(src) > 0 && (c.allSites(src) || c.placeModifier(src, h.at)) {
			// "demonstrators in the city of X have blockaded": a site in
			// a locative phrase tells where the clause's subject is
			if !c.placeModifier(src, h.at) && c.inLocative(src[0].Span.Start) {
				// the group before the phrase if the clause names one;
				// else, with no actor as target, the place stays,
				// standing for its people
				if gs, _ := c.groupParty(s, *h); gs.Text != "" && !h.swap {
					src = []Party{gs}
				} else if hasActor(tgt) {
					src = nil
				}
			} else if src = nil; !hasActor(tgt) {
				continue
			}
		}
		if h.bare && !hasActor(src) && !hasActor(tgt) {
			continue
		}
		code := h.code
		// "the army prepared to resume shelling": readying an attack is
		// a show of military posture (CAMEO 15)
		if h.light >= 0 && strings.HasPrefix(c.toks[h.light].low, "prepar") && (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "18") || strings.HasPrefix(code, "20")) {
			code, h.status = "150", Asserted
		}
		// "encouraged all parties to focus on the enemy": an urging verb
		// with an infinitive after its object is an appeal, whatever its
		// plain sense ("encourage" alone is praise)
		if c.appealTo(h) {
			code = "020"
		}
		// "the rebels are preparing an offensive": readying an attack,
		// as above
		if !h.patterned && strings.HasPrefix(c.toks[h.at].low, "prepar") && c.attackObject(h.end) {
			code = "150"
		}
		if code == jointCode {
			// war games of two armies are military cooperation; of one, a
			// show of force (a place after it is where, not a partner)
			code = "150"
			if len(src) > 1 || hasActor(tgt) || c.joint(h.at) {
				code = "062"
			}
		}
		typ, mode, ctx, ok := Plover(code)
		if !ok {
			continue
		}
		if t, ok := ploverCodes[code]; ok {
			typ, mode, ctx = t.typ, t.mode, ""
		}
		if t, ok := ploverVerbs[c.toks[h.at].low]; ok && typ != t && !h.patterned {
			typ, mode, ctx = t, "", ""
		}
		e := Event{Type: typ, Mode: mode, Context: ctx, Cameo: code, Status: h.status, Embedded: h.embedded,
			Sentence: s.Index, Span: Span{s.Start, s.End},
			VerbAt: Span{c.toks[h.at].start, c.toks[h.end-1].end}}
		e.Verb = s.Text[e.VerbAt.Start:e.VerbAt.End]
		if len(src) > 0 {
			e.Source, e.AllSources = src[0], src
		}
		if len(tgt) > 0 {
			e.Target, e.AllTargets = tgt[0], tgt
		}
		if len(src) == 0 && s.Speaker != nil && s.Speaker.End <= len(s.Text) && s.Speaker.Start < s.Speaker.End &&
			s.Quote.Start <= c.toks[h.at].start && c.toks[h.end-1].end <= s.Quote.End && !c.ownSubject(h.at) {
			a := s.Speaker
			e.Source = Party{Text: s.Text[a.Start:a.End], Name: a.Name, Actor: a.ID, Code: a.Code, Span: a.Span}
			if e.Source.Name == "" {
				e.Source.Name = e.Source.Text
			}
		}
		// "Carter said that an operation should begin": an announced or
		// urged happening with no actor of its own is the statement of
		// the one who reports it, as in a quotation
		if e.Source.Text == "" && statusClass(h.status) == "irrealis" && !c.relativeOfThing(h.at) && !c.thingSubject(h.at) {
			if sp := c.reporter(s, h.at); len(sp) > 0 {
				e.Source = sp[0]
				if len(sp) > 1 {
					e.AllSources = sp
				}
			}
		}
		// "the Kurdish Peshmerga" read as two mentions of one actor is
		// one party
		e.AllSources, e.AllTargets = uniqueParties(e.AllSources), uniqueParties(e.AllTargets)
		if len(e.AllTargets) > 0 {
			e.AllTargets = dropSources(e.AllTargets, &e.Source, e.AllSources)
			e.Target = Party{}
			if len(e.AllTargets) > 0 {
				e.Target = e.AllTargets[0]
			}
		}
		if len(e.AllSources) < 2 {
			e.AllSources = nil
		}
		if len(e.AllTargets) < 2 {
			e.AllTargets = nil
		}
		// an event needs someone doing it: with neither actor nor target
		// the verb is most likely not an event ("the weather attack"),
		// unless it is the sentence's first event, asserted in its main
		// clause, and the clause names a group as its subject or object
		// ("drug dealers were arrested", "protesters clashed with police")
		if e.Source.Text == "" && e.Target.Text == "" {
			if len(dst) > first || h.embedded || h.status != Asserted || c.subordinate(h.at) || c.afterPreposition(h.at) {
				continue
			}
			gs, gt := c.groupParty(s, *h)
			if h.swap {
				gs, gt = gt, gs
			}
			if gs.Text == "" && gt.Text == "" {
				// no group either: the clause's own noun phrases, kept only
				// if the sentence codes nothing else (below)
				if !haveFallback {
					ns, nt := c.nounParties(s, *h)
					if h.swap {
						ns, nt = nt, ns
					}
					if ns.Text != "" || nt.Text != "" {
						e.Source, e.Target = ns, nt
						c.fillEvent(s, h, q, &e)
						fallback, haveFallback = e, true
					}
				}
				continue
			}
			// a group on one side: the other side's noun phrase, if any
			ns, nt := c.nounParties(s, *h)
			if h.swap {
				ns, nt = nt, ns
			}
			if gs.Text == "" {
				gs = ns
			}
			if gt.Text == "" {
				gt = nt
			}
			e.Source, e.Target = gs, gt
		}
		c.fillEvent(s, h, q, &e)
		dst = append(dst, e)
	}
	if len(dst) == first && haveFallback {
		dst = append(dst, fallback)
	}
	// a governing event names the type of the event it governs ("vowed
	// to attack": the vow is a threat)
	for i := first; i < len(dst); i++ {
		if !dst[i].Embedded {
			continue
		}
		for j := first; j < len(dst); j++ {
			if dst[j].at == dst[i].gov && dst[j].Complement == "" {
				dst[j].Complement = dst[i].Type
			}
		}
	}
	return dst
}

// uniqueParties drops the parties that repeat an actor or a place
// already in the list (in place; the first mention stays).
func uniqueParties(ps []Party) []Party {
	if len(ps) < 2 {
		return ps
	}
	out := ps[:1]
	for _, p := range ps[1:] {
		dup := false
		for i := range out {
			q := &out[i]
			if p.Actor != 0 && p.Actor == q.Actor || p.Actor == 0 && q.Actor == 0 && p.GeonamesID != 0 && p.GeonamesID == q.GeonamesID {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// linkLine reports a line that points to another article ("Related:
// Army halts assault on the city", "Read more: ..."): that article's
// headline, not a sentence of this one.
func linkLine(toks []token) bool {
	switch {
	case len(toks) > 2 && toks[1].low == ":" && (toks[0].low == "related" || toks[0].low == "recommended"):
		return true
	case len(toks) > 3 && toks[2].low == ":" && (toks[0].low == "read" && toks[1].low == "more" || toks[0].low == "see" && toks[1].low == "also"):
		return true
	}
	return false
}

// allSites reports parties that are all places telling only where
// (PlaceMention.Site).
func (c *Coder) allSites(ps []Party) bool {
	for i := range ps {
		if ps[i].Actor != 0 || ps[i].GeonamesID == 0 || !c.site(ps[i].Span) {
			return false
		}
	}
	return true
}

// inLocative reports a place starting at byte offset start inside a
// locative phrase ("in the Moroccan city of X", "near X"): a locative
// preposition a few words before it, in the same phrase.
func (c *Coder) inLocative(start int) bool {
	if ablated != nil && ablated["inLocative"] {
		return false
	}
	k := 0
	for k < len(c.toks) && c.toks[k].start < start {
		k++
	}
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		t := c.toks[j]
		if locatives[t.low] {
			return true
		}
		if t.punct || t.forms != nil && !t.upper && t.low != "city" {
			return false
		}
	}
	return false
}

// placeModifier reports a source that is a place (no actor) modifying the
// event noun at token at ("a Paris meeting", "the Geneva talks"): where
// the happening is, not who takes part.
func (c *Coder) placeModifier(ps []Party, at int) bool {
	if ablated != nil && ablated["placeModifier"] {
		return false
	}
	if len(ps) != 1 || ps[0].Actor != 0 || ps[0].GeonamesID == 0 || at < 2 || c.toks[at-1].end != ps[0].Span.End {
		return false
	}
	k := at - 1
	for k >= 0 && c.toks[k].start >= ps[0].Span.Start {
		k--
	}
	return k >= 0 && (modifierDet[c.toks[k].low] || c.toks[k].low == "the")
}

// dropSites removes the sites from a list of parties, unless all are.
func (c *Coder) dropSites(ps []Party) []Party {
	found := false
	for i := range ps {
		if ps[i].Actor == 0 && ps[i].GeonamesID != 0 && c.site(ps[i].Span) {
			found = true
			break
		}
	}
	if !found {
		return ps
	}
	var out []Party
	for _, p := range ps {
		if p.Actor != 0 || p.GeonamesID == 0 || !c.site(p.Span) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return ps
	}
	return out
}

// site reports a place mention at span sp marked Site.
func (c *Coder) site(sp Span) bool {
	for i := range c.places {
		if p := &c.places[i]; p.Site && p.Start <= sp.Start && sp.End <= p.End {
			return true
		}
	}
	return false
}

// reporter returns the actor who reports the clause of the verb at token
// at: the subject of a speech verb before it ("Carter said on Sunday that
// ..."), or of one after it set off by a comma ("..., Carter said"); nil
// if none.
func (c *Coder) reporter(s Sentence, at int) []Party {
	toks := c.toks
	for j := at - 1; j >= 0; j-- {
		w := toks[j].low
		if boundaries[w] && !quoteMarks[w] {
			break
		}
		if sayWords[w] {
			return c.before(s, j)
		}
	}
	for j := at + 1; j+1 < len(toks); j++ {
		w := toks[j].low
		if boundaries[w] && !quoteMarks[w] {
			break
		}
		if w != "," {
			continue
		}
		// ", Carter said", ", said Carter"
		n := j + 1
		if quoteMarks[toks[n].low] && n+1 < len(toks) {
			n++
		}
		if sayWords[toks[n].low] {
			return c.after(s, n+1, len(c.cand), false)
		}
		for k := n; k < len(toks) && k <= n+6; k++ {
			if sayWords[toks[k].low] {
				// only the parties after the comma: the clause before it
				// is what they report
				var out []Party
				for _, p := range c.before(s, k) {
					if p.Span.Start > toks[j].start && p.GeonamesID == 0 {
						out = append(out, p)
					}
				}
				return out
			}
			if toks[k].punct {
				break
			}
		}
	}
	return nil
}

// dropSources removes from the targets the actors that are also the
// event's source: a target list collected past the verb may run on to the
// source named again ("a coordinated attack on Mosul, he said": "he" is
// the speaker, the attack's source), and no one is the target of their
// own act here.
func dropSources(tgt []Party, src *Party, srcs []Party) []Party {
	isSource := func(p *Party) bool {
		if p.Actor == 0 {
			return false
		}
		if src.Actor == p.Actor {
			return true
		}
		for i := range srcs {
			if srcs[i].Actor == p.Actor {
				return true
			}
		}
		return false
	}
	for i := range tgt {
		if isSource(&tgt[i]) {
			out := append([]Party(nil), tgt[:i]...)
			for j := i + 1; j < len(tgt); j++ {
				if !isSource(&tgt[j]) {
					out = append(out, tgt[j])
				}
			}
			return out
		}
	}
	return tgt
}

// hasActor reports a party that is an actor (not a place or words).
func hasActor(ps []Party) bool {
	for _, p := range ps {
		if p.Actor != 0 || p.Code != "" {
			return true
		}
	}
	return false
}

// fillEvent sets the place, date, quantities and clause of the event of
// hit h.
func (c *Coder) fillEvent(s Sentence, h *verbHit, q Quantities, e *Event) {
	e.Place = c.place(s, h)
	if e.Cameo == "042" {
		if p := c.destination(s, h); p != nil {
			e.Place = p
		}
	}
	e.Date, e.Precision, e.Estimated = c.date(s, h)
	if !q.IsZero() {
		e.Quant = q
	}
	e.Subordinate = c.subordinate(h.at)
	e.gov = h.gov
	e.at = h.at
}

// subordinators open a clause that is not the sentence's main one.
var subordinators = set("after", "as", "while", "when", "because", "since", "before", "until", "unless", "although", "though", "whereas", "which", "who", "whom", "whose", "where", "if", "once", "following", "amid")

// subordinate reports whether the verb at token at sits in a subordinate
// clause: a subordinator between it and the clause's start.
func (c *Coder) subordinate(at int) bool {
	if ablated != nil && ablated["subordinate"] {
		return false
	}
	for k := at - 1; k >= 0; k-- {
		w := c.toks[k].low
		if w == "," || boundaries[w] {
			return false
		}
		if subordinators[w] {
			return true
		}
	}
	return false
}

// dropLight removes the hits of light verbs that govern another hit.
func (c *Coder) dropLight() {
	out := c.cand[:0]
	for _, h := range c.cand {
		light := false
		for _, o := range c.cand {
			if o.light >= h.at && o.light < h.end {
				light = true
				break
			}
		}
		if !light && !c.lightBeforeTo(h) {
			out = append(out, h)
		}
	}
	c.cand = out
}

// lightBeforeTo reports a light verb followed by "to" and a word ("is
// expected to speak", "hopes to visit") or "aimed at": it tells of another
// happening, named after it, not one of its own, even where that one is
// not coded.
func (c *Coder) lightBeforeTo(h verbHit) bool {
	if ablated != nil && ablated["lightBeforeTo"] {
		return false
	}
	if h.end-h.at != 1 || h.end+1 >= len(c.toks) {
		return false
	}
	w, next := c.toks[h.at].low, c.toks[h.end]
	if strings.HasPrefix(w, "aim") && next.low == "at" {
		return true
	}
	_, ok := lightVerbs[w]
	return ok && next.low == "to" && !c.toks[h.end+1].punct && c.toks[h.end+1].actor < 0 && c.toks[h.end+1].place < 0
}

// shouting reports an all-capitals sentence (a headline or a banner):
// its names cannot be told from its words.
func shouting(text string, toks []token) bool {
	letters, upper := 0, 0
	for _, t := range toks {
		if t.punct {
			continue
		}
		w := text[t.start:t.end]
		if w != t.low {
			if strings.ToUpper(w) == w && len(w) > 1 {
				upper++
			}
		}
		letters++
	}
	return letters >= 4 && upper*10 >= letters*8
}

// mark attaches the actor and place mentions to their tokens.
func (c *Coder) mark(s Sentence) {
	for ai, a := range s.Actors {
		for i := range c.toks {
			t := &c.toks[i]
			if t.start >= a.Start && t.end <= a.End && t.actor < 0 {
				t.actor = ai
			}
		}
	}
	for pi, p := range s.Places {
		for i := range c.toks {
			t := &c.toks[i]
			if t.start >= p.Start && t.end <= p.End && t.place < 0 && t.actor < 0 {
				t.place = pi
			}
			if t.start >= p.Start && t.end <= p.End && t.actor >= 0 {
				t.located = true
			}
		}
	}
}

// word lists that decide whether a Dictionary form is used as a verb
var (
	determiners  = set("the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "any", "every", "each", "another", "such", "whose", "'s", "first", "last", "new", "recent", "latest", "further", "major", "joint", "possible", "military", "suicide", "peace", "air", "weekend")
	prepositions = set("of", "in", "on", "for", "with", "after", "before", "against", "from", "at", "during", "since", "into", "over", "amid", "despite", "following", "about", "under", "without", "toward", "towards")
	beForms      = set("was", "were", "is", "are", "been", "be", "being", "am")
	negations    = set("not", "n't", "never", "no", "neither", "nor", "cannot")
	futureAux    = set("will", "'ll", "shall")
	hypoAux      = set("would", "could", "might", "may", "should", "can", "must")
	conditionals = set("if", "unless", "whether", "lest")
	adverbs      = set("also", "already", "reportedly", "allegedly", "still", "again", "then", "now", "later", "recently", "just", "repeatedly", "have", "has", "had", "jointly", "publicly", "formally", "officially", "strongly", "sharply", "quickly", "immediately", "finally", "once", "twice", "often", "further", "previously", "subsequently", "apparently", "largely", "directly", "only", "even", "initially", "eventually")
	// governing verbs: the verb after "to" takes their status
	urgeVerbs   = set("urge", "urged", "urges", "urging", "call", "called", "calls", "calling", "ask", "asked", "asks", "asking", "demand", "demanded", "demands", "press", "pressed", "presses", "pressing", "appeal", "appealed", "appeals", "encourage", "encouraged", "encourages", "request", "requested", "requests", "push", "pushed", "pressure", "pressured", "implore", "implored", "beg", "begged", "told", "tell", "tells", "want", "wanted", "wants", "appealing", "demanding", "requesting", "encouraging", "imploring")
	futureVerbs = set("plan", "plans", "planned", "planning", "threaten", "threatened", "threatens", "threatening", "vow", "vowed", "vows", "swear", "swore", "sworn", "swears", "promise", "promised", "promises", "pledge", "pledged", "pledges", "intend", "intended", "intends", "prepare", "prepared", "prepares", "preparing", "decide", "decided", "decides", "agree", "agreed", "agrees", "expect", "expected", "expects", "seek", "seeks", "sought", "aim", "aims", "aimed", "offer", "offered", "offers", "set", "going", "hope", "hoped", "hopes", "scheduled", "due", "likely", "about", "ready", "willing", "able", "try", "tried", "tries", "trying", "attempt", "attempted", "attempts", "propose", "proposed", "proposes", "move", "moved", "moves", "vowing", "pledging", "promising", "swearing", "intending")
	negVerbs    = set("deny", "denied", "denies", "denying", "refuse", "refused", "refuses", "refusing", "decline", "declined", "declines", "declining", "reject", "rejected", "rejects", "fail", "failed", "fails", "ruled", "rule", "rules", "stop", "stopped", "avoid", "avoided", "halt", "halted", "failing", "rejecting")
	boundaries  = set(";", ":", "(", ")", "—", "–", "\"", "“", "”")
	subjectPron = set("he", "she", "they", "it", "we", "i", "who", "which", "that", "you")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// findVerbs finds the coded verbs of the sentence with their codes and
// statuses.
func (c *Coder) findVerbs(dst []verbHit) []verbHit {
	toks := c.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.punct || t.actor >= 0 || t.place >= 0 {
			continue
		}
		c.prior = len(dst)
		// "during a visit to X": the visit is a happening of its own
		if code, noun, ok := c.occasion(i); ok {
			if c.occasionOfMeeting(dst, i) {
				// "held talks with X during a visit to Y": the talks
				// are the news, the visit their setting
				i = noun
				continue
			}
			h := verbHit{at: noun, end: noun + 1, gov: -1, light: -1, status: Asserted, code: code, patterned: true, noun: -1, occasion: true}
			c.status(&h)
			dst = append(dst, h)
			i = noun
			continue
		}
		// "urges joint assaults": the assaults, urged
		if code, noun, ok := c.urgedNoun(i); ok {
			h := verbHit{at: i, end: i + 1, gov: -1, light: -1, status: Urged, code: code, patterned: true, noun: -1}
			dst = append(dst, h)
			i = noun
			continue
		}
		// "mounted an invasion", "issued a statement": the noun tells the
		// event, or none
		if code, noun, ok := c.nominal(i); ok && c.verbal(i, supportForm(t.low)) {
			if code != "01" {
				h := verbHit{at: i, end: i + 1, gov: -1, light: -1, status: Asserted, code: code, patterned: true, noun: -1}
				c.status(&h)
				dst = append(dst, h)
			}
			i = noun
			continue
		}
		if code, noun, ok := c.nominalBefore(i); ok {
			h := verbHit{at: i, end: i + 1, gov: -1, light: -1, status: Asserted, code: code, patterned: true, noun: noun}
			c.status(&h)
			dst = append(dst, h)
			continue
		}
		// "Visit" starting a word inside a capitalised name run is a name
		fs := t.forms
		if len(fs) == 0 {
			continue
		}
		var f *verbForm
		// the longest form used as a verb: "killed and wounded" read as a
		// noun phrase leaves "killed" alone a verb ("were killed and 30
		// others wounded")
		var notVerbal *verbForm
		for _, cand := range fs {
			if !matchForm(toks, i, cand.words) {
				continue
			}
			if len(cand.words) > 1 && !c.verbal(i, cand) {
				notVerbal = cand
				continue
			}
			f = cand
			break
		}
		if f == nil {
			if notVerbal != nil {
				i += len(notVerbal.words) - 1
			}
			continue
		}
		end := i + len(f.words)
		h := verbHit{at: i, end: end, gov: -1, light: -1, status: Asserted, noun: -1}
		if !c.verbal(i, f) || c.aimOf(i) || c.promiseOfBeing(i, f) || c.gerundSubject(i, end) || c.nounPair(i) || c.readyFor(i, end) || c.indirectQuestion(i) || c.prospect(i) {
			i = end - 1
			continue
		}
		code := f.code
		// a statement verb ("said", "announced") carries the event of its
		// complement, which is coded on its own verb
		if strings.HasPrefix(code, "01") {
			i = end - 1
			continue
		}
		if p := c.bestPattern(f.block, i, end); p != nil {
			code, h.patterned = p.code, true
		} else if c.passive(i, f) {
			// "sanctions on Iran were lifted": a passive's subject is the
			// object the verb's patterns name
			if p := c.passivePattern(f.block, i); p != nil {
				code, h.patterned = p.code, true
			}
		}
		code, h.swap = splitCode(code)
		if code == "" || code == "---" {
			i = end - 1
			continue
		}
		// ", killing 12": a participle after a comma that codes what the
		// verb before it coded is that happening's outcome, not another
		if n := len(dst); n > 0 && i > 0 && toks[i-1].low == "," && strings.HasSuffix(t.low, "ing") && prefix(dst[n-1].code, 2) == prefix(code, 2) {
			i = end - 1
			continue
		}
		// "push the rebels out of the city": driving a group out is
		// fighting, not "push for" (a demand)
		if pushVerbs[t.low] && c.outAfter(end) {
			code = "190"
		}
		h.code = code
		h.passive = c.passive(i, f)
		// "the first city claimed by the group": a territory or a deed is
		// claimed, no one is accused
		if h.passive && f.block.name == "allege" {
			i = end - 1
			continue
		}
		// "more resources could be needed", "a meeting is planned": a
		// passive need or plan with no agent names what is necessary or
		// scheduled, no one's demand or intent
		if h.passive && agentless[t.low] && !c.byAfter(end) {
			i = end - 1
			continue
		}
		// "warned that the city must be rebuilt", "warned fighters could
		// flee": a warning of what may happen is a statement, no threat
		if f.block.name == "warn" && c.reportedClause(end) && !c.threatIn(end) {
			i = end - 1
			continue
		}
		if h.passive {
			h.swap = !h.swap
		}
		if oc := c.objectless(&h); oc != "" {
			h.code = oc
		}
		c.status(&h)
		dst = append(dst, h)
		i = end - 1
	}
	return dst
}

func matchForm(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].low != w || toks[i+k].punct && k > 0 {
			return false
		}
	}
	return true
}

// splitCode reads "190", "042:043" (the code, then the reciprocal's) and
// ":173" (the subject is the target).
func splitCode(code string) (string, bool) {
	a, b, ok := strings.Cut(code, ":")
	if !ok {
		return code, false
	}
	if a == "" {
		return b, true
	}
	return a, false
}

// verbal decides whether the Dictionary form at i is used as a verb.
func (c *Coder) verbal(i int, f *verbForm) bool {
	toks := c.toks
	t := toks[i]
	// a capitalised word inside a sentence is a name ("Strike Force")
	if t.upper && i > 0 && !toks[i-1].punct && len(f.words) == 1 && c.nextUpper(i) {
		return false
	}
	// "according to" introduces a source, never an event
	if t.low == "according" && i+1 < len(toks) && toks[i+1].low == "to" {
		return false
	}
	// "is going to be difficult", "are going to attack": "going to"
	// before a verb is the future, not a journey
	if len(f.words) == 2 && f.words[0] == "going" && f.words[1] == "to" && i+2 < len(toks) && c.verbBase(i+2) {
		return false
	}
	// "a claim to legitimacy", "their claims to the land": "claim" before
	// "to" and no verb is the noun
	if (t.low == "claim" || t.low == "claims") && i+2 < len(toks) && toks[i+1].low == "to" && !c.verbBase(i+2) {
		return false
	}
	var prev string
	if i > 0 {
		prev = toks[i-1].low
	}
	// "the US-led coalition": who heads it, no happening
	if prev == "-" && (t.low == "led" || t.low == "headed") {
		return false
	}
	ing := strings.HasSuffix(t.low, "ing")
	// "Armed men stormed", "two suspected militants": a past participle
	// opening the sentence or after a number, right before a plural noun
	// or a name, modifies it
	if !f.base && !ing && len(f.words) == 1 && i+1 < len(toks) && (i == 0 || !toks[i-1].punct && isNumber(prev) || numberWords[prev] > 0) {
		if n := toks[i+1]; n.actor >= 0 || !n.punct && !n.upper && isPluralNoun(n.low) && n.forms == nil && !prepositions[n.low] {
			return false
		}
	}
	if f.base || ing {
		if determiners[prev] || prepositions[prev] && !ing {
			return false
		}
		if i+1 < len(toks) && toks[i+1].low == "of" && !ing {
			return false
		}
		// a base form right after a noun-like word that is not a subject
		// ("peace talks", "border attack") is a noun
		if f.base && !ing && prev != "" && i > 0 && toks[i-1].actor < 0 && !toks[i-1].punct &&
			!subjectPron[prev] && !futureAux[prev] && !hypoAux[prev] && !negations[prev] && prev != "to" &&
			!adverbs[prev] && !strings.HasSuffix(prev, "ly") && !isPluralNoun(prev) && prev != "and" && prev != "or" &&
			!c.headlineVerb(i) {
			return false
		}
	}
	if ing && (prev == "'s" || determiners[prev]) {
		return false
	}
	// "will offer training for recruits", "provided shelter": these
	// verbs take a noun as object, never a gerund
	if ing && transferVerbs[prev] {
		return false
	}
	// "of allied countries", "to treat wounded soldiers": a participle
	// after a preposition or a verb's base form modifies the noun after it
	// (any word after "to" is that base form: "to tend wounded troops")
	if !f.base && !ing && i > 0 && i+1 < len(toks) && !toks[i+1].punct && !determiners[toks[i+1].low] && !prepositions[toks[i+1].low] &&
		toks[i+1].low != "by" && toks[i+1].low != "to" && (prepositions[prev] || c.baseVerb(i-1) || c.afterInfinitive(i-1)) {
		return false
	}
	// "riot police", "a strike unit": a base form naming a unit's task
	// modifies the noun
	if f.base && i+1 < len(toks) && unitNouns[toks[i+1].low] && !isPluralNoun(prev) && !groupNouns[prev] && !subjectPron[prev] {
		return false
	}
	// "armed men", "gunmen armed with rifles", "heavily armed": "armed"
	// describes, unless it has an object ("armed the rebels")
	if t.low == "armed" && (i+1 >= len(toks) || !determiners[toks[i+1].low] && toks[i+1].actor < 0 && toks[i+1].place < 0) {
		return false
	}
	// "getting better", "became isolated": after a linking verb a form is
	// an adjective
	if linking[prev] {
		return false
	}
	// "better and better": a word repeated after "and" repeats its sense
	if (prev == "and" || prev == "or") && i > 1 && toks[i-2].low == t.low {
		return false
	}
	// "an explosion linked to", "the curfew imposed in": after the
	// clause's verb, a participle right after a common noun, before a
	// preposition, is a reduced relative clause describing the noun, not
	// the sentence's event ("the advisor met with" has no verb before)
	if c.prior > 0 && !f.base && !ing && i > 0 && i+1 < len(toks) && (prepositions[toks[i+1].low] || toks[i+1].low == "to" || toks[i+1].low == "by") &&
		commonNoun(toks[i-1]) && !isPluralNoun(prev) && !subjectPron[prev] && !adverbs[prev] && !strings.HasSuffix(prev, "ly") && c.d.forms[prev] == nil {
		return false
	}
	// "a Paris meeting", "its NATO ally", "under IS control": a name
	// after an article, a possessive or a preposition modifies the noun
	// after it
	if f.base && !ing && i > 0 && (toks[i-1].actor >= 0 || toks[i-1].place >= 0) {
		k := i - 1
		for k >= 0 && (toks[k].actor >= 0 && toks[k].actor == toks[i-1].actor || toks[k].actor < 0 && toks[k].place >= 0 && toks[k].place == toks[i-1].place) {
			k--
		}
		for k >= 0 && (toks[k].low == "key" || toks[k].low == "close" || toks[k].low == "main" || toks[k].low == "top") {
			k--
		}
		if k >= 0 && (modifierDet[toks[k].low] || prepositions[toks[k].low]) {
			return false
		}
		// "the Nice attack", "the US raid": after "the" and a singular
		// name, a base form without -s is no verb (the name as subject
		// would take "attacks")
		if k >= 0 && toks[k].low == "the" && !strings.HasSuffix(t.low, "s") && toks[i-1].upper && !isPluralNoun(toks[i-1].low) {
			return false
		}
	}
	// "the fortified village", "the wounded": a participle after a
	// determiner is an adjective
	if !f.base && !ing && determiners[prev] && !nounDeterminers[prev] {
		return false
	}
	// "Iraqi forces", "Kurdish allies": an -s form right after an actor
	// is a plural noun unless an object follows
	if f.base && strings.HasSuffix(t.low, "s") && i > 0 && toks[i-1].actor >= 0 && !c.headlineVerb(i) {
		if i+1 >= len(toks) || !(toks[i+1].actor >= 0 || toks[i+1].place >= 0 || determiners[toks[i+1].low]) {
			return false
		}
	}
	// "a declaration demanding that ...", "a statement urging the
	// government": a participle with an object after it is a verb
	if ing && !f.base && i+1 < len(toks) && (toks[i+1].low == "that" || toks[i+1].actor >= 0 || toks[i+1].low == "the") && i > 0 && !determiners[prev] {
		return true
	}
	if f.base || ing {
		// "a landmark hearing", "the rebels' attack": a determiner before
		// the adjectives and nouns in front
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			w := toks[k]
			if determiners[w.low] && w.low != "military" && w.low != "peace" && w.low != "air" {
				return false
			}
			if w.punct || w.actor >= 0 || w.cls&(clSubjectPron|clFutureAux|clHypoAux) != 0 || w.low == "to" ||
				w.cls&(clNegation|clBeForm) != 0 || isPluralNoun(w.low) || w.forms != nil || w.cls&clAdverb != 0 {
				break
			}
		}
	}
	return true
}

// transferVerbs give or get a thing: an -ing form after them is a noun.
var transferVerbs = set("offer", "offers", "offered", "offering", "provide", "provides", "provided", "providing",
	"give", "gives", "gave", "given", "giving", "receive", "receives", "received", "receiving",
	"deliver", "delivers", "delivered", "delivering", "supply", "supplies", "supplied", "supplying")

// nounDeterminers are the nouns among determiners ("a military attack",
// "peace talks"): a past form after them is a verb ("the military
// deployed"), not an adjective.
var nounDeterminers = set("military", "peace", "air", "suicide", "weekend")

// commonNoun reports a lower-case word that is no name, number or
// function word: the noun a reduced relative clause may follow.
func commonNoun(t token) bool {
	return !t.punct && !t.upper && t.actor < 0 && t.place < 0 && len(t.low) > 2 && !isNumber(t.low) &&
		!determiners[t.low] && !prepositions[t.low] && !beForms[t.low] && !negations[t.low] && !futureAux[t.low] && !hypoAux[t.low] &&
		t.low != "and" && t.low != "or" && t.low != "that" && t.low != "who" && t.low != "which" && t.low != "have" && t.low != "has" && t.low != "had" &&
		!timeWords[t.low]
}

// unitNouns take a task as modifier ("riot police", "assault squad").
var unitNouns = set("police", "policemen", "squad", "squads", "unit", "units", "gear", "team", "teams")

// timeWords may stand between a subject and its verb ("Iran today
// threatened").
var timeWords = set("today", "yesterday", "tonight", "tomorrow", "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "earlier", "later")

// linking verbs take an adjective, not an event.
var linking = set("getting", "get", "gets", "got", "become", "became", "becomes", "becoming", "seem", "seems", "seemed", "remain", "remains", "remained")

// modifierDet make a name after them a modifier ("a Paris meeting", "its
// NATO ally"); "the" does not ("the U.S. attacks" is a sentence).
var modifierDet = set("a", "an", "its", "their", "his", "her", "our", "my", "your")

// baseVerb reports whether token k is the base form of a Dictionary verb
// (not an auxiliary): "treat" in "treat wounded soldiers".
func (c *Coder) baseVerb(k int) bool {
	if k < 0 || c.toks[k].actor >= 0 || c.toks[k].place >= 0 {
		return false
	}
	w := c.toks[k].low
	if beForms[w] || futureAux[w] || hypoAux[w] || w == "have" || w == "has" || w == "had" || w == "do" || w == "did" {
		return false
	}
	for _, f := range c.d.forms[w] {
		if len(f.words) == 1 && f.base && !strings.HasSuffix(w, "s") {
			return true
		}
	}
	return false
}

// relativeOfThing reports a verb at at whose subject is a relative
// pronoun after a common noun ("bases that will offer training"): the
// clause tells of that thing, not of the sentence's speaker.
func (c *Coder) relativeOfThing(at int) bool {
	if ablated != nil && ablated["relativeOfThing"] {
		return false
	}
	k := c.skipAux(at - 1)
	if k < 1 || !relativeWords[c.toks[k].low] {
		return false
	}
	j := k - 1
	if c.toks[j].low == "," && j > 0 {
		j--
	}
	return commonNoun(c.toks[j])
}

// skipBe steps back from token k over forms of "be" (k stays >= 0).
func (c *Coder) skipBe(k int) int {
	for k > 0 && beForms[c.toks[k].low] {
		k--
	}
	return k
}

// aimNouns name an undertaking whose aim a "to" clause after them tells
// ("an offensive to retake the city").
// Only military undertakings: they are coded themselves ("efforts to
// restore ties" is not, and its aim is the happening told).
var aimNouns = set("operation", "operations", "offensive", "offensives", "push", "battle", "fight", "assault")

// aimOf reports a verb at i that is the aim of an undertaking ("launched
// an operation last week to retake the city", "efforts to recapture X"):
// the undertaking is the happening, coded on its own; its aim is no
// second one.
func (c *Coder) aimOf(i int) bool {
	if ablated != nil && ablated["aimOf"] {
		return false
	}
	toks := c.toks
	if i < 2 || toks[i-1].low != "to" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		w := toks[k].low
		if aimNouns[w] {
			return true
		}
		if !timeWords[w] && w != "last" && w != "this" && w != "next" && w != "earlier" {
			return false
		}
	}
	return false
}

// gerundSubject reports a gerund with its object opening the sentence (or
// a reported clause) as its subject ("Retaking the city is a key goal", "Sending troops would be
// a mistake"): a prospect talked about, not a happening. A participle
// clause set off by a comma ("Speaking in Rome, the minister said") and
// a gerund with no object ("Fighting continued") are not.
func (c *Coder) gerundSubject(i, end int) bool {
	if ablated != nil && ablated["gerundSubject"] {
		return false
	}
	toks := c.toks
	k := 0
	for k < i && toks[k].punct {
		k++
	}
	// "he said that destroying its bases was the priority": a reported
	// clause opens with the gerund as well
	opens := k == i || i >= 2 && toks[i-1].low == "that" && sayWords[toks[i-2].low]
	if !opens || !strings.HasSuffix(toks[i].low, "ing") || end >= len(toks) {
		return false
	}
	if n := toks[end]; n.punct || prepositions[n.low] || n.low == "to" || n.low == "by" || n.low == "and" || n.low == "or" {
		return false
	}
	for j := end; j < len(toks) && j < end+12; j++ {
		w := toks[j].low
		// ("the rebels' depots": a possessive apostrophe is no break)
		if toks[j].punct && w != "'s" && w != "-" && w != "'" && w != "’" || boundaries[w] {
			return false
		}
		if w == "is" || w == "was" || w == "are" || w == "were" || hypoAux[w] || futureAux[w] {
			return true
		}
	}
	return false
}

// promiseOfBeing reports "promises to be", "threatens to become": a
// likelihood, not a promise or a threat.
func (c *Coder) promiseOfBeing(i int, f *verbForm) bool {
	if ablated != nil && ablated["promiseOfBeing"] {
		return false
	}
	end := i + len(f.words)
	if end+1 >= len(c.toks) || c.toks[end].low != "to" {
		return false
	}
	w := c.toks[end+1].low
	if w != "be" && w != "become" {
		return false
	}
	v := c.toks[i].low
	return strings.HasPrefix(v, "promis") || strings.HasPrefix(v, "threaten")
}

// afterInfinitive reports a lower-case word at k right after "to" that
// can be a verb's base form: not an auxiliary ("to be wounded", "to have
// killed" keep their participle a verb) and not a name or a number.
func (c *Coder) afterInfinitive(k int) bool {
	if ablated != nil && ablated["afterInfinitive"] {
		return false
	}
	if k < 1 || c.toks[k-1].low != "to" {
		return false
	}
	t := c.toks[k]
	return !t.punct && !t.upper && t.actor < 0 && t.place < 0 && !isNumber(t.low) && !beForms[t.low] &&
		t.low != "have" && t.low != "get" && !determiners[t.low] && !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing")
}

// verbBase reports a word at k that is a verb's base form: an
// auxiliary's ("be", "have") or a Dictionary verb's.
func (c *Coder) verbBase(k int) bool {
	w := c.toks[k].low
	return w == "be" || w == "have" || w == "get" || w == "make" || w == "take" || w == "do" || c.baseVerb(k)
}

func (c *Coder) nextUpper(i int) bool {
	return i+1 < len(c.toks) && c.toks[i+1].upper && !c.toks[i+1].punct
}

// isPluralNoun guesses a plural subject noun ("officials", "troops").
func isPluralNoun(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// passive reports "was attacked", "were reportedly killed", "attacked by".
func (c *Coder) passive(i int, f *verbForm) bool {
	if ablated != nil && ablated["passive"] {
		return false
	}
	if strings.HasSuffix(c.toks[i].low, "ing") {
		return false
	}
	end := i + len(f.words)
	if c.stative(i, end) {
		return false
	}
	if f.base {
		// "have been repeatedly hit by": a base form that is also its
		// own participle ("hit", "cut", "put") is passive after a form of
		// "be" with its agent after "by"
		if strings.HasSuffix(c.toks[i].low, "s") || end >= len(c.toks) || c.toks[end].low != "by" {
			return false
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			w := c.toks[k].low
			if beForms[w] || w == "get" || w == "got" {
				return true
			}
			if !adverbs[w] && !strings.HasSuffix(w, "ly") {
				return false
			}
		}
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := c.toks[k].low
		if beForms[w] || w == "got" || w == "get" {
			return true
		}
		if !adverbs[w] && !negations[w] && !strings.HasSuffix(w, "ly") {
			break
		}
	}
	// "killed by" without an auxiliary (a reduced relative)
	return end < len(c.toks) && c.toks[end].low == "by" && end+1 < len(c.toks) && c.toks[end+1].actor >= 0
}

// stative reports a participle that names a state its subject is in,
// with the preposition that state takes ("are engaged in an offensive",
// "is allied with the army", "were involved in the fighting"): the
// subject is the doer, as in "fought", not the one done to.
func (c *Coder) stative(i, end int) bool {
	if ablated != nil && ablated["stative"] {
		return false
	}
	if end >= len(c.toks) || end != i+1 {
		return false
	}
	p, ok := stativePreps[c.toks[i].low]
	return ok && strings.Contains(p, " "+c.toks[end].low+" ")
}

// stativePreps are the participles stative names, each with the
// prepositions (space-delimited) that make it a state.
var stativePreps = map[string]string{
	"engaged":  " in ",
	"involved": " in ",
	"allied":   " with to ",
}

// prospect reports a verb right after a noun of possibility and "to"
// ("new opportunities to attack plotters", "the means to strike"): what
// may be done, not a happening.
func (c *Coder) prospect(i int) bool {
	if ablated != nil && ablated["prospect"] {
		return false
	}
	return i >= 2 && c.toks[i-1].low == "to" && prospectNouns[c.toks[i-2].low]
}

// prospectNouns name what may be done: an infinitive after them tells
// a possibility.
var prospectNouns = set("opportunity", "opportunities", "chance", "chances", "ability", "capability", "capacity", "means", "option", "options", "possibility", "freedom")

// effortNouns name an undertaking whose aim an infinitive tells.
var effortNouns = set("effort", "efforts", "bid", "push", "drive", "campaign", "offensive", "operation", "plan", "plans", "attempt", "battle", "fight")

// aheadOfEffort reports a verb at token at that is the aim of an effort
// noun which "ahead of", "in advance of" or "before" places in the
// future ("in advance of the effort to liberate the city").
func (c *Coder) aheadOfEffort(at int) bool {
	if ablated != nil && ablated["aheadOfEffort"] {
		return false
	}
	toks := c.toks
	if at < 3 || toks[at-1].low != "to" || !effortNouns[toks[at-2].low] {
		return false
	}
	for k := at - 3; k >= 0 && k >= at-7; k-- {
		w := toks[k].low
		if w == "before" || w == "of" && k > 0 && (toks[k-1].low == "ahead" || toks[k-1].low == "advance") {
			return true
		}
		if toks[k].punct || !determiners[w] && !commonNoun(toks[k]) && !toks[k].upper {
			return false
		}
	}
	return false
}

// thingSubject reports a verb at token at whose subject, right before
// its verb group, is a singular common noun that names neither a happening
// nor a doer ("the gathering of information would provide
// opportunities"): the clause tells of that thing, not of the one who
// reports it. An event noun ("an operation should begin") is a happening
// the reporter announces; a body or group ("the government will send")
// is most often the reporter's own side.
func (c *Coder) thingSubject(at int) bool {
	if ablated != nil && ablated["thingSubject"] {
		return false
	}
	k := c.skipAux(at - 1)
	if k < 1 {
		return false
	}
	t := c.toks[k]
	if !commonNoun(t) || subjectPron[t.low] || agentNoun(t) || isPluralNoun(t.low) || t.forms != nil || strings.HasSuffix(t.low, "ly") || whWords[t.low] || intentNouns[t.low] || effortNouns[t.low] {
		return false
	}
	if _, ok := c.eventNoun(k, -1); ok {
		return false
	}
	_, derived := c.derivedNoun(t.low)
	return !derived
}

// indirectQuestion reports a verb right after a question word and "to"
// ("the focus is on how to manage the cities", "deciding whether to
// strike"): a question talked about, not a happening.
func (c *Coder) indirectQuestion(i int) bool {
	if ablated != nil && ablated["indirectQuestion"] {
		return false
	}
	return i >= 2 && c.toks[i-1].low == "to" && whWords[c.toks[i-2].low]
}

// agentless are participles that, passive with no agent, tell no one's
// act.
var agentless = set("needed", "planned", "scheduled")

// byAfter reports "by" within the three words after token end.
func (c *Coder) byAfter(end int) bool {
	for k := end; k < len(c.toks) && k < end+4; k++ {
		if c.toks[k].low == "by" {
			return true
		}
	}
	return false
}

// readyFor reports "prepared" or "ready" after a form of "be" with "for"
// after it ("we are prepared for that"): a readiness, not an act.
func (c *Coder) readyFor(i, end int) bool {
	if ablated != nil && ablated["readyFor"] {
		return false
	}
	toks := c.toks
	if end >= len(toks) || toks[end].low != "for" || toks[i].low != "prepared" && toks[i].low != "ready" {
		return false
	}
	k := i - 1
	for k >= 0 && (adverbs[toks[k].low] || strings.HasSuffix(toks[k].low, "ly") && !toks[k].upper) {
		k--
	}
	return k >= 0 && beForms[toks[k].low]
}

// appealTo reports an urging verb (urgeVerbs) coded as something other
// than an appeal or a demand whose object is followed by "to" and a
// verb's base form: "encourage all parties to focus".
func (c *Coder) appealTo(h *verbHit) bool {
	if ablated != nil && ablated["appealTo"] {
		return false
	}
	toks := c.toks
	if !urgeVerbs[toks[h.at].low] || strings.HasPrefix(h.code, "02") || strings.HasPrefix(h.code, "10") {
		return false
	}
	for k := h.end + 1; k+1 < len(toks) && k <= h.end+6; k++ {
		if toks[k].punct {
			return false
		}
		if toks[k].low == "to" {
			return c.verbBase(k+1) || c.afterInfinitive(k+1)
		}
	}
	return false
}

// attackNouns name an armed action one may prepare or ready.
var attackNouns = set("operation", "operations", "offensive", "offensives", "assault", "assaults", "attack", "attacks", "raid", "raids", "invasion", "incursion", "push")

// attackObject reports an attack noun as the object after token from,
// past determiners and adjectives ("preparing a major new offensive").
func (c *Coder) attackObject(from int) bool {
	if ablated != nil && ablated["attackObject"] {
		return false
	}
	for k := from; k < len(c.toks) && k < from+4; k++ {
		t := c.toks[k]
		if attackNouns[t.low] {
			return true
		}
		if t.punct || t.actor >= 0 || t.place >= 0 || prepositions[t.low] || t.low == "to" {
			return false
		}
	}
	return false
}

// status reads negation, modality and governing verbs before the verb.
func (c *Coder) status(h *verbHit) {
	toks := c.toks
	lo := h.at - 4
	for k := h.at - 1; k >= 0 && k >= lo; k-- {
		w, cl := toks[k].low, toks[k].cls
		switch {
		case cl&clQuote != 0 && c.shortQuote(k, h.at):
			// "will “simultaneously” carry out", "“will be” carrying
			// out": a word or two quoted inside the verb group
			lo--
		case k == h.at-1 && (w == "“" || w == "\""):
			// "vowed to “attack the rebels”": a quotation opening on
			// the verb keeps the words before it
			lo--
		case cl&clPerception != 0 && k < h.at-1 && lo > k-4:
			// "want to see an operation begin": the verb seen takes the
			// status of "see"
			lo = k - 4
		case cl&clBoundary != 0 || w == ",":
			k = -1
		case cl&clNegation != 0:
			h.status = Negated
		case cl&clFutureAux != 0 && h.status == Asserted:
			h.status = Future
		case w == "would" && h.status == Asserted && c.reported(k):
			h.status = Future
		case w == "must" && h.status == Asserted:
			h.status = Urged
		case cl&clHypoAux != 0 && h.status == Asserted:
			h.status = Hypothetical
		case w == "to" && h.status == Asserted:
			// infinitive: find the governing word
			for g := k - 1; g >= 0 && g >= k-6; g-- {
				gw := toks[g].low
				if toks[g].cls&clBoundary != 0 {
					break
				}
				// light and intent verbs take "to" right after them
				// ("decided to", "threatened to"); urging verbs an object
				// between ("urged Iraq to")
				if !urgeVerbs[gw] && g < k-2 {
					continue
				}
				if st, ok := lightVerbs[gw]; ok {
					// the governing verb is no event: this one is
					h.status, h.light = st, g
					break
				}
				if urgeVerbs[gw] || futureVerbs[gw] || negVerbs[gw] {
					h.embedded, h.gov = true, g
					switch {
					case urgeVerbs[gw]:
						h.status = Urged
					case negVerbs[gw]:
						h.status = Negated
					case gw == "going" && g >= 1 && toks[c.skipBe(g-1)].cls&clNegation != 0:
						// "is not going to accept": a refusal
						h.status = Negated
					default:
						h.status = Future
					}
					break
				}
			}
			// a purpose clause ("must ensure security to allow") takes
			// the modality of the clause it completes
			if h.status == Asserted && h.light < 0 && !h.embedded {
				h.status = c.clauseModality(k)
			}
			// "Rebels to free hostages": in a headline, "to" right after
			// the subject is "will"
			if c.headline && h.status == Asserted && h.light < 0 && !h.embedded && c.headlineFuture(k) {
				h.status = Future
			}
			k = -1
		}
	}
	// "denied attacking"
	if h.at > 0 && negVerbs[toks[h.at-1].low] && strings.HasSuffix(toks[h.at].low, "ing") {
		h.status, h.embedded, h.gov = Negated, true, h.at-1
	}
	// "denied that it had attacked", "denies its troops fired": the
	// complement of a denial is denied
	if h.status == Asserted && !h.embedded {
		for k := h.at - 1; k >= 0 && k >= h.at-8; k-- {
			w := toks[k].low
			if toks[k].cls&clBoundary != 0 || w == "," {
				break
			}
			// a clause follows the denial ("that", or a subject), not an
			// object ("denied asylum")
			if denyVerbs[w] {
				if n := toks[k+1]; n.low == "that" || subjectPron[n.low] || n.actor >= 0 {
					h.status, h.embedded, h.gov = Negated, true, k
				}
				break
			}
		}
	}
	// "talks aimed at ending the war": a purpose, not yet a happening
	if h.at > 1 && toks[h.at-1].low == "at" && strings.HasPrefix(toks[h.at-2].low, "aim") && strings.HasSuffix(toks[h.at].low, "ing") {
		h.status, h.embedded, h.gov = Future, true, h.at-2
	}
	if h.status == Asserted {
		for k := h.at - 1; k >= 0; k-- {
			if toks[k].cls&clBoundary != 0 {
				break
			}
			if toks[k].cls&clConditional != 0 {
				h.status = Hypothetical
				break
			}
		}
	}
	// "ahead of an effort to liberate the city": the aim of an effort
	// still to come
	if h.status == Asserted && c.aheadOfEffort(h.at) {
		h.status = Future
	}
	// "what the coalition is doing to retake the city": the aim of what
	// someone does, not yet done
	if h.status == Asserted && h.at >= 2 && toks[h.at-1].low == "to" && doForms[toks[h.at-2].low] {
		h.status = Future
	}
	// "Will the coalition do enough to help them retake the cities?": a
	// question asks whether it happens, it does not tell it
	if (h.status == Asserted || h.status == Future) && c.question(h.at) {
		h.status = Hypothetical
	}
}

// doForms are forms of "do" whose purpose a "to" clause tells.
var doForms = set("do", "does", "did", "doing", "done")

// questionAux open a yes-no question.
var questionAux = set("will", "would", "can", "could", "should", "does", "do", "did", "is", "are", "has", "have")

// question reports whether token at stands in a question: one that ends
// with a question mark, or one that opens the sentence, or follows a
// colon, with an auxiliary before its subject ("The question remains:
// will the allies hold?").
func (c *Coder) question(at int) bool {
	if ablated != nil && ablated["question"] {
		return false
	}
	toks := c.toks
	for k := at + 1; k < len(toks); k++ {
		if toks[k].low == "?" {
			return true
		}
		if toks[k].low == "." || toks[k].low == ";" {
			break
		}
	}
	k := at - 1
	for k >= 0 && toks[k].low != ":" && toks[k].low != ";" {
		k--
	}
	k++
	if k >= at || !questionAux[toks[k].low] || k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	return determiners[n.low] || n.actor >= 0 || n.low == "they" || n.low == "we" || n.low == "it" || n.low == "he" || n.low == "she"
}

// quoteMarks open or close a quotation.
var quoteMarks = set("\"", "“", "”")

// perceptionVerbs take an object and a bare verb ("see an operation
// begin", "watch the troops leave").
var perceptionVerbs = set("see", "watch")

// shortQuote reports whether the quote mark at token k, before the verb
// at token at, is one of a pair that quotes one to three words, both marks
// before the verb: a quoted adverb or auxiliary inside the verb group, not
// a clause boundary.
func (c *Coder) shortQuote(k, at int) bool {
	if ablated != nil && ablated["shortQuote"] {
		return false
	}
	w := c.toks[k].low
	if w != "“" {
		// a closing mark (or a straight one): its partner before it
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if quoteMarks[c.toks[j].low] {
				return j < k-1 && c.verbGroup(j+1, k)
			}
		}
	}
	if w != "”" {
		for j := k + 1; j < at && j <= k+4; j++ {
			if quoteMarks[c.toks[j].low] {
				return j > k+1 && c.verbGroup(k+1, j)
			}
		}
	}
	return false
}

// verbGroup reports whether tokens [from, to) are all auxiliaries,
// negations or adverbs: words of a verb group, not a phrase of their own
// ("a “man-in-the-middle” attack").
func (c *Coder) verbGroup(from, to int) bool {
	for k := from; k < to; k++ {
		w := c.toks[k].low
		if !(futureAux[w] || hypoAux[w] || beForms[w] || negations[w] || adverbs[w] || strings.HasSuffix(w, "ly") && len(w) > 4) {
			return false
		}
	}
	return true
}

// denyVerbs deny the happening of their complement clause.
var denyVerbs = set("deny", "denied", "denies", "denying")

// clauseModality returns the status a "must" or "will" earlier in the
// clause before token k gives (Asserted when none).
func (c *Coder) clauseModality(k int) string {
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		w := c.toks[j].low
		switch {
		case boundaries[w] || w == "," || subordinators[w]:
			return Asserted
		case w == "must":
			return Urged
		case futureAux[w]:
			return Future
		}
	}
	return Asserted
}

// jointCode marks an exercise noun: coded once the actors are known.
const jointCode = "062/150"

// joint reports "joint" among the words after token at.
func (c *Coder) joint(at int) bool {
	if ablated != nil && ablated["joint"] {
		return false
	}
	for k := at + 1; k < len(c.toks) && k <= at+nounWindow+1; k++ {
		if c.toks[k].low == "joint" {
			return true
		}
	}
	return false
}

// irregularPast are support verbs' past forms without "-ed".
var irregularPast = set("held", "began", "begun", "made", "paid", "went", "led", "carried", "put", "broke")

// supportForm describes a support verb as a Dictionary form for verbal.
func supportForm(w string) *verbForm {
	return &verbForm{words: []string{w}, base: !strings.HasSuffix(w, "ed") && !irregularPast[w] && !strings.HasSuffix(w, "ing")}
}

// sayWords report speech: "would" after them is a reported "will".
var sayWords = set("said", "says", "say", "told", "announced", "stated", "declared", "added", "reported", "claimed", "insisted", "warned", "promised", "pledged", "vowed", "indicated", "suggested")

// reported reports whether a speech verb comes before token k.
func (c *Coder) reported(k int) bool {
	if ablated != nil && ablated["reported"] {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if sayWords[c.toks[j].low] {
			return true
		}
	}
	return false
}

// bestPattern returns the most specific pattern of the block that the
// words around the verb match, or nil.
func (c *Coder) bestPattern(b *verbBlock, at, end int) *pattern {
	if noPatternIndex {
		return c.bestOf(b, nil, true, at, end)
	}
	return c.bestOf(b, c.candidatePatterns(b, end), false, at, end)
}

// bestOf is bestPattern over the patterns of b numbered in cand
// (ascending), or over all of them.
func (c *Coder) bestOf(b *verbBlock, cand []int32, all bool, at, end int) *pattern {
	var best *pattern
	n := len(cand)
	if all {
		n = len(b.patterns)
	}
	for j := 0; j < n; j++ {
		i := j
		if !all {
			i = int(cand[j])
		}
		p := &b.patterns[i]
		// on a tie, an object word outranks a particle ("broke off
		// diplomatic relations": RELATIONS, not OFF)
		if best != nil && (p.weight < best.weight || p.weight == best.weight && !(particleLed(best) && !particleLed(p))) {
			continue
		}
		if !c.matchAfter(p.after, end) || !c.matchBefore(p.before, at) {
			continue
		}
		best = p
	}
	return best
}

// passivePattern returns the most specific pattern of the block whose
// words after the verb match the subject of the passive verb at token at
// (the words from the clause's start), or nil.
func (c *Coder) passivePattern(b *verbBlock, at int) *pattern {
	// the subject ends at the auxiliary and is read no further back than
	// a short noun phrase: its words must name the verb's object, not
	// some word of the clause
	aux := c.skipAux(at-1) + 1
	start := aux
	for start > 0 && aux-start < 5 {
		w := c.toks[start-1]
		if w.punct || boundaries[w.low] || subordinators[w.low] || w.low == "that" {
			break
		}
		start--
	}
	full := c.toks
	c.toks = full[:aux]
	defer func() { c.toks = full }()
	var best *pattern
	for i := range b.patterns {
		p := &b.patterns[i]
		// only patterns that give a code: one that cancels the verb
		// ("---") speaks of an object after it
		if len(p.before) > 0 || len(p.after) == 0 || best != nil && p.weight <= best.weight || particleLed(p) || strings.Trim(p.code, "-:") == "" {
			continue
		}
		if c.matchAfter(p.after, start) {
			best = p
		}
	}
	return best
}

// particles after a verb that a pattern may name instead of an object.
var particles = set("off", "away", "up", "down", "out", "back", "on", "in", "with", "over")

// particleLed reports a pattern whose words after the verb start with a
// particle.
func particleLed(p *pattern) bool {
	if len(p.after) == 0 {
		return false
	}
	e := p.after[0]
	if e.kind != elemWord && len(e.words) > 0 {
		e = e.words[0]
	}
	return e.kind == elemWord && particles[e.word]
}

// window bounds how far a pattern's words may lie from the verb.
const window = 10

func (c *Coder) matchAfter(es []elem, from int) bool {
	pos := from
	limit := min(len(c.toks), from+window)
	for ei, e := range es {
		found := false
		// whether e must follow at once (below), looked up on first need
		bare := -1
		for k := pos; k < limit; k++ {
			if c.toks[k].stop {
				return false
			}
			// a preposition or phrase may only skip a few words; the first
			// element may skip a determiner and adjectives
			if n, ok := c.matchElem(e, k); ok {
				pos, found = k+n, true
				break
			}
			if ei > 0 && k-pos >= 3 || ei == 0 && k-pos >= firstSkip {
				return false
			}
			// a bare preposition ("(TO)") must follow the verb at once,
			// or it is any "to" of the sentence
			if k-pos >= 1 {
				if bare < 0 {
					bare = 0
					if e.kind == elemPrep && len(e.words) == 1 || e.kind == elemWord && (prepositions[e.word] || e.word == "to") {
						bare = 1
					}
				}
				if bare == 1 {
					return false
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (c *Coder) matchBefore(es []elem, at int) bool {
	if len(es) == 0 {
		return true
	}
	// match the elements leftwards, the last one nearest the verb
	pos := at
	for ei := len(es) - 1; ei >= 0; ei-- {
		found := false
		for k := pos - 1; k >= 0 && k >= pos-5; k-- {
			if n, ok := c.matchElem(es[ei], k); ok && k+n <= pos {
				pos, found = k, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchElem matches e at token k and returns the tokens it covers.
func (c *Coder) matchElem(e elem, k int) (int, bool) {
	toks := c.toks
	switch e.kind {
	case elemWord:
		if k < len(toks) && wordMatch(toks[k].low, e.word) {
			return 1, true
		}
	case elemSyn:
		if k >= len(toks) {
			return 0, false
		}
		for _, ws := range e.syn[toks[k].low] {
			if k+len(ws) > len(toks) {
				continue
			}
			ok := true
			for j, w := range ws {
				if !wordMatch(toks[k+j].low, w) {
					ok = false
					break
				}
			}
			if ok {
				return len(ws), true
			}
		}
	case elemPhrase, elemPrep:
		pos := k
		for j, p := range e.words {
			if pos >= len(toks) {
				return 0, false
			}
			n, ok := c.matchElem(p, pos)
			// inside a prepositional phrase a determiner or adjective may
			// come between the preposition and its noun
			for skip := 0; !ok && e.kind == elemPrep && j > 0 && skip < 2 && pos+1 < len(toks) && !toks[pos].punct; skip++ {
				pos++
				n, ok = c.matchElem(p, pos)
			}
			if !ok {
				return 0, false
			}
			pos += n
		}
		return pos - k, true
	}
	return 0, false
}

// wordMatch compares a token with a Dictionary word, plural and singular
// alike. The pattern index (patindex.go, firstWords) lists the same forms
// of a word: a form matched here and not listed there is never tried.
func wordMatch(tok, w string) bool {
	if tok == w {
		return true
	}
	if len(tok) == len(w)+1 && tok[len(tok)-1] == 's' && strings.HasPrefix(tok, w) {
		return true
	}
	if len(w) == len(tok)+1 && w[len(w)-1] == 's' && strings.HasPrefix(w, tok) {
		return true
	}
	return false
}

// ownSubject reports a verb whose clause names a doer other than the
// speaker of the quotation it stands in: a pronoun of someone else ("They
// are preparing"), a noun ("columns of people leaving the city") or a
// noun the verb is the aim of ("efforts to recapture the city"). "We" and
// "I" are the speaker's side, and a verb after a conjunction shares the
// subject before it.
func (c *Coder) ownSubject(at int) bool {
	if ablated != nil && ablated["ownSubject"] {
		return false
	}
	k := c.skipAux(at - 1)
	if k < 0 {
		return false
	}
	t := c.toks[k]
	switch t.low {
	case "he", "she", "they", "it", "you":
		return true
	case "to":
		// only a noun that opens its clause: "intensify our airstrikes
		// to hit them" is the speaker's aim
		if k == 0 || !c.opensClause(k-2) {
			return false
		}
		t = c.toks[k-1]
	}
	return commonNoun(t) && t.forms == nil && !strings.HasSuffix(t.low, "ly") && !whWords[t.low]
}

// whWords open an indirect question ("how to manage"), not a noun phrase.
var whWords = set("how", "what", "when", "where", "why", "whether", "whom", "whose")

// opensClause reports whether the words up to token k (with determiners
// skipped) end a clause or a quotation's opening: what follows begins a
// subject.
func (c *Coder) opensClause(k int) bool {
	for k >= 0 && determiners[c.toks[k].low] && !possessivePron[c.toks[k].low] {
		k--
	}
	return k < 0 || c.toks[k].punct || quoteMarks[c.toks[k].low] || c.toks[k].low == "that"
}

// possessivePron are determiners that name whose the noun is.
var possessivePron = set("our", "my", "your", "his", "her", "their", "its")

// modals open the verb of a reported clause ("warned fighters could
// flee").
var modals = set("could", "would", "may", "might", "will", "can", "must", "should", "shall")

// reportedClause reports whether a clause follows token k-1 as its
// complement: "that", or a short noun phrase and a modal before any
// punctuation.
func (c *Coder) reportedClause(k int) bool {
	if ablated != nil && ablated["reportedClause"] {
		return false
	}
	toks := c.toks
	if k < len(toks) && toks[k].low == "that" {
		return true
	}
	for j := k; j < len(toks) && j < k+6; j++ {
		t := toks[j]
		if t.punct || t.low == "to" || t.low == "of" || t.low == "against" || t.low == "not" {
			return false
		}
		if modals[t.low] {
			return j > k
		}
	}
	return false
}

// threatIn reports whether the words from token k to the clause's end
// hold a conflictual verb (CAMEO 12 to 20: "warned that it could invade")
// or a refusal ("will not tolerate"): the warning is then a threat.
func (c *Coder) threatIn(k int) bool {
	if ablated != nil && ablated["threatIn"] {
		return false
	}
	toks := c.toks
	for j := k; j < len(toks); j++ {
		w := toks[j].low
		if w == ";" || w == "." || w == "," {
			return false
		}
		if negations[w] && j+1 < len(toks) && len(toks[j+1].forms) > 0 && toks[j+1].forms[0].code != "---" {
			return true
		}
		for _, f := range c.d.forms[w] {
			if len(f.code) >= 2 && (f.code[0] == '1' && f.code[1] >= '2' || strings.HasPrefix(f.code, "20")) {
				return true
			}
		}
	}
	return false
}

// pushVerbs drive someone out or back when a particle follows their
// object.
var pushVerbs = set("push", "pushes", "pushed", "pushing", "drive", "drives", "drove", "driven", "driving")

// outAfter reports "out" or "back" within the object phrase after token
// k-1 ("push [the group] out of the country").
func (c *Coder) outAfter(k int) bool {
	if ablated != nil && ablated["outAfter"] {
		return false
	}
	for j := k; j < len(c.toks) && j < k+6; j++ {
		w := c.toks[j].low
		if w == "out" || w == "back" {
			return true
		}
		if c.toks[j].punct && w != "[" && w != "]" || w == "for" || w == "to" || w == "and" {
			return false
		}
	}
	return false
}

// nounPair reports a base form joined by "and" to a bare word that
// follows a determiner or a gerund: the two are one noun phrase
// ("exercising command and control", "the planning and support").
func (c *Coder) nounPair(i int) bool {
	if ablated != nil && ablated["nounPair"] {
		return false
	}
	toks := c.toks
	if i < 3 || toks[i-1].low != "and" || !c.verbBase(i) {
		return false
	}
	w := toks[i-2]
	if w.punct || w.actor >= 0 || w.place >= 0 || w.upper || strings.HasSuffix(w.low, "ed") {
		return false
	}
	p := toks[i-3].low
	return determiners[p] && !possessivePron[p] || strings.HasSuffix(p, "ing") && len(p) > 5
}
