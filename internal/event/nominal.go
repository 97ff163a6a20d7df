package event

import "strings"

// Nominal events: a happening told by a noun after a support verb
// ("mounted an invasion", "continued their hunger strike", "reiterated its
// demand", "announced a suspension of air links"). The support verb
// carries no event of its own; the noun gives the CAMEO code, and the
// event's roles are read around the support verb as for any verb.

// supportVerbs take an event noun as their object.
var supportVerbs = set(
	"launch", "launched", "launches", "launching", "mount", "mounted", "mounts", "mounting",
	"stage", "staged", "stages", "staging", "hold", "held", "holds", "holding",
	"begin", "began", "begun", "begins", "beginning", "start", "started", "starts", "starting",
	"continue", "continued", "continues", "continuing", "resume", "resumed", "resumes", "resuming",
	"carry", "carried", "carries", "carrying", "conduct", "conducted", "conducts", "conducting",
	"make", "made", "makes", "making", "issue", "issued", "issues", "issuing",
	"reiterate", "reiterated", "reiterates", "renew", "renewed", "renews", "repeat", "repeated", "repeats",
	"announce", "announced", "announces", "announcing", "impose", "imposed", "imposes", "imposing",
	"open", "opened", "opens", "opening", "lodge", "lodged", "lodges", "file", "filed", "files",
	"declare", "declared", "declares", "pay", "paid", "pays", "voice", "voiced", "voices",
	"step", "stepped", "steps", "went", "go", "goes", "going", "led", "lead", "leads", "organize", "organized", "organised",
	"end", "ended", "ends", "call", "called", "calls", "put", "puts", "placed", "halt", "halted", "halts",
	"suspend", "suspended", "suspends", "broke", "break", "declaring", "filing", "lodging", "reiterating", "renewing", "repeating", "voicing", "suspending", "halting", "ending", "organizing", "organising", "paying",
	// verbs of degree: "intensify our airstrikes", "escalated its
	// attacks" tell more of what the noun names
	"intensify", "intensified", "intensifies", "intensifying", "escalate", "escalated", "escalates", "escalating")

// haltVerbs end what their noun names: ending talks or mediation is
// SANCTION (CAMEO 164, 165), not the talks.
var haltVerbs = set("end", "ended", "ends", "halt", "halted", "halts", "suspend", "suspended", "suspends", "broke", "break", "ending", "halting", "suspending")

// halted gives the CAMEO code of halting a cooperative noun's code.
var halted = map[string]string{"040": "164", "046": "164", "045": "165", "042": "161"}

// goOnVerbs tell that an event named before them goes on or begins
// ("riots are still continuing", "talks resumed").
var goOnVerbs = set("continue", "continued", "continues", "continuing", "resume", "resumed", "resumes", "resuming",
	"erupt", "erupted", "erupts", "began", "begin", "begins", "started", "start", "starts", "spread", "spreads", "spreading", "erupting")

// eventNouns give the CAMEO code of a noun an event is told by; "01"
// marks a statement noun ("issued a declaration"), which carries the event
// of what follows; "062/150" is a joint military exercise (062) or one
// actor's show of force (150), told by the number of actors.
var eventNouns = map[string]string{
	"demand": "100", "demands": "100", "call": "020", "calls": "020", "appeal": "020", "appeals": "020",
	"plea": "020", "pleas": "020", "request": "020", "requests": "020", "ultimatum": "139",
	"protest": "141", "protests": "141", "demonstration": "141", "demonstrations": "141", "rally": "141",
	"rallies": "141", "march": "141", "marches": "141", "sit-in": "141", "strike": "143", "strikes": "143",
	"boycott": "143", "walkout": "143", "riot": "145", "riots": "145",
	"investigation": "090", "investigations": "090", "probe": "090", "inquiry": "090", "inquest": "090", "hearing": "090",
	"attack": "190", "attacks": "190", "offensive": "190", "invasion": "190", "assault": "190", "assaults": "190", "raid": "190",
	"raids": "190", "airstrike": "195", "airstrikes": "195", "bombardment": "195", "incursion": "190", "crackdown": "175",
	"talks": "046", "negotiations": "046", "mediation": "045", "arrest": "173", "arrests": "173", "detention": "173", "consultations": "040", "meeting": "040", "summit": "040", "visit": "042",
	"suspension": "160", "embargo": "163", "sanctions": "163", "ban": "172", "curfew": "1723",
	"blockade": "191", "ceasefire": "0871", "truce": "0871",
	"warning": "130", "warnings": "130", "threat": "130", "threats": "130",
	"complaint": "114", "complaints": "114", "lawsuit": "115", "accusation": "112", "accusations": "112",
	"exercises": "062/150", "exercise": "062/150", "drills": "062/150", "manoeuvres": "062/150", "maneuvers": "062/150",
	"statement": "01", "declaration": "01", "communique": "01", "report": "01",
	"cease-fire": "0871", "clash": "190", "clashes": "190", "fighting": "190", "bombing": "195", "bombings": "195",
	"shelling": "195", "ambush": "190", "killings": "190", "expulsion": "174", "deportation": "174",
	"deportations": "174", "operation": "190", "operations": "190", "siege": "191",
}

// eventNoun returns the CAMEO code of the event noun at token k, if it is
// one; verb is the token of the support verb that takes it (-1: none).
// "operation" is a military action only where its phrase says so
// (militaryOperation).
func (c *Coder) eventNoun(k, verb int) (string, bool) {
	code, ok := eventNouns[c.toks[k].low]
	if ok && operationNouns[c.toks[k].low] && !c.militaryOperation(k, verb) {
		return "", false
	}
	return code, ok
}

// operationNouns name an action of armed forces only in a military
// setting: "an isolation operation", "operations against the rebels", "an
// operation to retake the city", "carried out operations in Mosul" — not
// "a rescue operation", "began operations in Texas", "external operations
// capabilities".
var operationNouns = set("operation", "operations")

// operationModifiers make an operation military ("a ground operation").
var operationModifiers = set("military", "isolation", "combat", "ground", "air", "counter-terrorism", "counterterrorism",
	"anti-terror", "anti-terrorist", "army", "naval", "offensive", "clearance", "clearing", "mop-up", "assault", "encirclement")

// operationAims are the purposes of a military operation ("an operation to
// retake Mosul").
var operationAims = set("retake", "recapture", "capture", "isolate", "clear", "liberate", "free", "oust", "dislodge",
	"encircle", "seize", "crush", "storm", "drive", "push")

// operationVerbs carry out an operation: after them, an operation "in" a
// place is one fought there ("conducted operations in Raqqa"); after other
// verbs it may be a business's ("began operations in Texas").
var operationVerbs = set("carry", "carried", "carries", "carrying", "conduct", "conducted", "conducts", "conducting",
	"mount", "mounted", "mounts", "mounting", "launch", "launched", "launches", "launching")

// militaryOperation reports whether the operation noun at token k is told
// as a military one: a military modifier before it, "against" or a
// military aim after it, or a place it is carried out in.
func (c *Coder) militaryOperation(k, verb int) bool {
	if ablated != nil && ablated["militaryOperation"] {
		return false
	}
	toks := c.toks
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if operationModifiers[toks[j].low] {
			return true
		}
		if toks[j].punct {
			break
		}
	}
	if k+1 >= len(toks) {
		return false
	}
	next := toks[k+1].low
	switch {
	case next == "against":
		return true
	case next == "to" && k+2 < len(toks) && operationAims[toks[k+2].low]:
		return true
	case verb >= 0 && operationVerbs[toks[verb].low] && locatives[next] || verb >= 0 && operationVerbs[toks[verb].low] && next == "on":
		for j := k + 2; j < len(toks) && j <= k+7; j++ {
			if toks[j].place >= 0 || toks[j].actor >= 0 {
				return true
			}
			if toks[j].punct {
				break
			}
		}
	}
	return false
}

// lodging verbs make a protest an official complaint ("lodged a protest").
var lodging = set("lodge", "lodged", "lodges", "file", "filed", "files", "filing", "lodging")

// nounSkip are the words that may stand between a support verb and its
// event noun: determiners, possessives, adjectives of kind and number.
var nounSkip = set("a", "an", "the", "its", "his", "her", "their", "our", "new", "fresh", "joint", "major", "large",
	"massive", "general", "hunger", "air", "military", "naval", "ground", "formal", "official", "strong", "further",
	"first", "second", "renewed", "long-threatened", "full-scale", "nationwide", "week-long", "two-day", "three-day",
	"public", "diplomatic", "war", "out", "on", "into", "up", "under", "of", "series", "wave", "round", "days", "weeks", "hours",
	"months", "off", "house")

// nounWindow bounds the words between a support verb and its noun.
const nounWindow = 4

// nominal returns the CAMEO code of the event noun a support verb at
// token i takes, with the noun's token; ok is false when none follows.
func (c *Coder) nominal(i int) (code string, noun int, ok bool) {
	toks := c.toks
	if toks[i].cls&clSupportVerb == 0 {
		return "", 0, false
	}
	free, det := 0, false
	// whether the verb has a pattern of its own, asked at most once: it
	// does not depend on the noun tried (0 not asked, 1 no, 2 yes)
	own := 0
	ownPattern := func() bool {
		if own == 0 {
			own = 1
			if c.ownPattern(i) {
				own = 2
			}
		}
		return own == 2
	}
	for k := i + 1; k < len(toks) && k <= i+nounWindow+1; k++ {
		t := toks[k]
		if t.punct || t.actor >= 0 || t.place >= 0 {
			return "", 0, false
		}
		// "hunger strike", "air strike", "war games"
		if t.low == "strike" || t.low == "strikes" {
			if k > 0 && (toks[k-1].low == "air" || toks[k-1].low == "military" || toks[k-1].low == "missile") {
				return "195", k, true
			}
			if k > 0 && toks[k-1].low == "hunger" {
				return "142", k, true
			}
		}
		if t.low == "games" && k > 0 && toks[k-1].low == "war" {
			return "062/150", k, true
		}
		code, found := c.eventNoun(k, i)
		if !found && !t.upper && !ownPattern() {
			code, found = c.derivedNoun(t.low)
		}
		if found {
			if haltVerbs[toks[i].low] {
				if h, ok := halted[code]; ok {
					return h, k, true
				}
				return "", 0, false
			}
			// "called on", "called for": the verb's own sense
			if (toks[i].low == "call" || toks[i].low == "called" || toks[i].low == "calls") && code != "143" {
				return "", 0, false
			}
			// a protest lodged or filed is an official complaint
			if code == "141" && (lodging[toks[i].low]) {
				code = "114"
			}
			return code, k, true
		}
		if !nounSkip[t.low] && !isNumber(t.low) && !strings.Contains(t.low, "-") {
			// "a landmark hearing": after an article, a word or two
			// that is no verb may qualify the noun
			if free < 2 && det && !t.upper && t.forms == nil {
				free++
				continue
			}
			return "", 0, false
		}
		if t.low == "a" || t.low == "an" || t.low == "the" || t.low == "its" || t.low == "their" {
			det = true
		}
	}
	return "", 0, false
}

// nounSubjectWindow bounds the words between an event noun and the verb it
// is the subject of.
const nounSubjectWindow = 16

// nominalBefore returns the CAMEO code of an event noun that is the
// subject of a verb at i telling that it goes on ("riots are still
// continuing"), and ok.
func (c *Coder) nominalBefore(i int) (string, int, bool) {
	if ablated != nil && ablated["nominalBefore"] {
		return "", 0, false
	}
	toks := c.toks
	if toks[i].cls&clGoOnVerb == 0 {
		return "", 0, false
	}
	// the subject's head may carry a phrase ("riots against the new
	// policies are continuing", "an operation to isolate the Islamic
	// State (IS) group in Raqqa should begin"); no finite verb may come
	// between
	for k := i - 1; k >= 0 && k >= i-nounSubjectWindow; k-- {
		t := toks[k]
		// a parenthesis inside the phrase ("(IS)") is read over
		if t.low == ")" {
			j := k - 1
			for j >= 0 && j >= k-4 && toks[j].low != "(" {
				j--
			}
			if j >= 0 && toks[j].low == "(" {
				k = j
				continue
			}
		}
		if t.punct || boundaries[t.low] || subordinators[t.low] || t.low == "that" {
			return "", 0, false
		}
		if code, ok := c.eventNoun(k, -1); ok && code != "01" && code != jointCode {
			return code, k, true
		}
		// a verb's past or participle between: its own clause
		for _, f := range t.forms {
			if !f.base && !adverbs[t.low] && matchForm(toks, k, f.words) {
				return "", 0, false
			}
		}
	}
	return "", 0, false
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != ',' && w[i] != '.' {
			return false
		}
	}
	return true
}

// nounEvent returns the first event noun of a sentence whose verbs code
// nothing, as a hit of its own ("Talks between Iraq and Syria resumed in
// Geneva", "a protest against the ban"); its parties are read around it
// as for a verb, and it is kept only when it has one.
func (c *Coder) nounEvent() (verbHit, bool) {
	if ablated != nil && ablated["nounEvent"] {
		return verbHit{}, false
	}
	for k, t := range c.toks {
		if t.punct || t.actor >= 0 || t.place >= 0 {
			continue
		}
		code, ok := c.eventNoun(k, -1)
		if !ok || code == "01" {
			continue
		}
		// "no talks", "a possible attack", "threat of an attack": not a
		// happening told as one
		if k > 0 && (negations[c.toks[k-1].low] || c.toks[k-1].low == "possible" || c.toks[k-1].low == "potential") {
			continue
		}
		// "lifting the city's curfew", "ended the talks": the object of
		// a verb the Dictionary does not code here is that verb's
		// happening, not the noun's
		if c.objectOfVerb(k) || c.passiveSubject(k) {
			continue
		}
		// background in a subordinate clause ("after talks with X
		// failed") is not the sentence's news
		if c.subordinate(k) {
			continue
		}
		h := verbHit{at: k, end: k + 1, gov: -1, light: -1, status: Asserted, code: code, patterned: true, noun: -1, bare: true}
		if c.intended(k) {
			h.status = Future
		}
		return h, true
	}
	return verbHit{}, false
}

// intentNouns tell of a happening only planned or considered ("the idea of
// simultaneous operations", "plans for an offensive").
var intentNouns = set("idea", "plan", "plans", "prospect", "possibility", "preparations", "proposal", "option")

// intended reports an event noun at k governed by a noun of intent through
// "of" or "for", past a modifier or two.
func (c *Coder) intended(k int) bool {
	if ablated != nil && ablated["intended"] {
		return false
	}
	toks := c.toks
	for j := k - 1; j > 0 && j >= k-3; j-- {
		if toks[j].low == "of" || toks[j].low == "for" {
			return intentNouns[toks[j-1].low]
		}
		if toks[j].punct || toks[j].actor >= 0 || toks[j].place >= 0 {
			return false
		}
	}
	return false
}

// nounPreps join an event noun to its target ("sanctions on Syria",
// "talks with Iraq", "a visit to Iraq").
var nounPreps = set("on", "against", "with", "to", "between", "of", "into")

// nounRoles returns the parties of a bare event noun at token k, read
// inside its own noun phrase only: an actor modifying it ("Iraqi
// sanctions", "U.S. calls") is the source, an actor right after a
// preposition joined to it ("on Syria", "with Iraq") the target. A party
// further off belongs to another clause's verb ("the West ... at the
// meeting").
func (c *Coder) nounRoles(s Sentence, k int) (src, tgt []Party) {
	toks := c.toks
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		t := toks[j]
		if t.actor >= 0 {
			src = c.conjuncts(s, j, -1)
			break
		}
		// "Guatemala announced tough new sanctions": the support verb's
		// subject
		if supportVerbs[t.low] || sayWords[t.low] {
			src = c.before(s, j)
			break
		}
		if t.punct && t.low != "'s" || prepositions[t.low] || t.forms != nil || beForms[t.low] {
			break
		}
	}
	if len(src) == 0 {
		if b := c.inMidstOf(k); b >= 0 {
			src = c.before(s, b)
		}
	}
	if k+1 < len(toks) && nounPreps[toks[k+1].low] {
		for j := k + 2; j < len(toks) && j <= k+4; j++ {
			t := toks[j]
			if t.actor >= 0 || t.place >= 0 {
				tgt = c.conjuncts(s, j, +1)
				break
			}
			if t.punct || !determiners[t.low] && !t.upper {
				break
			}
		}
	}
	return src, tgt
}

// inMidstOf returns the token of the form of "be" in "X were in the
// second week of a siege", "is in the midst of an offensive": the clause's
// subject is in the event noun at k, its doer; -1 if the noun is not so
// placed.
func (c *Coder) inMidstOf(k int) int {
	if ablated != nil && ablated["inMidstOf"] {
		return -1
	}
	toks := c.toks
	j := k - 1
	for j >= 0 && j >= k-3 && toks[j].low != "of" && (determiners[toks[j].low] || nounSkip[toks[j].low]) {
		j--
	}
	if j < 2 || toks[j].low != "of" {
		return -1
	}
	for i := j - 1; i >= 1 && i >= j-4; i-- {
		w := toks[i].low
		if w == "in" {
			b := i - 1
			for b > 0 && (adverbs[toks[b].low] || strings.HasSuffix(toks[b].low, "ly") && !toks[b].upper) {
				b--
			}
			if beForms[toks[b].low] {
				return b
			}
			return -1
		}
		if !determiners[w] && !midstWords[w] && !ordinals[w] {
			return -1
		}
	}
	return -1
}

// midstWords name a point inside a happening ("the second week of").
var midstWords = set("midst", "middle", "thick", "day", "days", "week", "weeks", "month", "months", "year", "years", "stage", "phase", "throes")

// ordinals count a happening's days or weeks.
var ordinals = set("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final", "early", "late", "closing", "opening")

// objectOfVerb reports an event noun at k that is the object of a verb:
// a verb-like word (a Dictionary form, a support verb, an -ing or -ed
// form) before it, past its determiners and modifiers.
func (c *Coder) objectOfVerb(k int) bool {
	if ablated != nil && ablated["objectOfVerb"] {
		return false
	}
	toks := c.toks
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		t := toks[j]
		if t.punct && t.low != "'s" || t.actor >= 0 || t.place >= 0 || prepositions[t.low] || t.low == "to" {
			return false
		}
		if nounSkip[t.low] || determiners[t.low] || t.low == "'s" {
			continue
		}
		// a support verb ("announced new sanctions") tells the noun's
		// event, unless it halts it ("ended the talks")
		if supportVerbs[t.low] {
			return haltVerbs[t.low]
		}
		if t.forms != nil || strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed") {
			return true
		}
	}
	return false
}

// passiveSubject reports an event noun at k that is the subject of a
// passive verb after it ("Sanctions on Iran were lifted"): that verb's
// happening, not the noun's.
func (c *Coder) passiveSubject(k int) bool {
	if ablated != nil && ablated["passiveSubject"] {
		return false
	}
	toks := c.toks
	for j := k + 1; j+1 < len(toks) && j <= k+8; j++ {
		t := toks[j]
		if t.punct || boundaries[t.low] {
			return false
		}
		if beForms[t.low] || t.low == "got" {
			n := toks[j+1].low
			return strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "en") || c.d.forms[n] != nil && !strings.HasSuffix(n, "ing")
		}
	}
	return false
}
