package event

// Occasion phrases: a visit, trip or meeting told as the occasion of
// another act ("Carter said during a visit to Baghdad", "on a trip to
// Kabul, the minister met ...", "at a meeting with the rebels"). The
// phrase reports a happening of its own — the clause's subject went
// there or met them — that no verb carries: coded as CONSULT with the
// clause's subject as source and the phrase's party as target, so that
// an outlet that writes "visited" and one that writes "during a visit"
// give the same event.

// occasionPreps introduce an occasion phrase.
var occasionPreps = set("during", "on", "at", "in")

// occasionNouns give the CAMEO code of the occasion noun: a visit is
// 042 (make a visit), a meeting 040, talks 046.
var occasionNouns = map[string]string{
	"visit": "042", "visits": "042", "trip": "042", "tour": "042", "stop": "042", "stopover": "042",
	"meeting": "040", "meetings": "040", "talks": "046",
}

// occasionLinks join the occasion noun to its party: "a visit to X",
// "a meeting with X", "a trip in X".
var occasionLinks = set("to", "with", "in")

// occasionSkip are the words that may stand between the preposition and
// the occasion noun ("during his two-day visit", "on a surprise trip").
var occasionSkip = set("a", "an", "the", "his", "her", "their", "its", "two-day", "three-day", "one-day", "brief",
	"surprise", "unannounced", "official", "first", "second", "recent", "weekend", "state", "previous")

// occasion returns the CAMEO code and the noun's token of an occasion
// phrase opened by the preposition at token i; ok is false when none.
func (c *Coder) occasion(i int) (code string, noun int, ok bool) {
	if ablated != nil && ablated["occasion"] {
		return "", 0, false
	}
	toks := c.toks
	if toks[i].cls&clOccasionPrep == 0 {
		return "", 0, false
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		t := toks[k]
		if cd, found := occasionNouns[t.low]; found {
			if k+1 < len(toks) && occasionLinks[toks[k+1].low] {
				return cd, k, true
			}
			return "", 0, false
		}
		if t.punct || t.actor >= 0 || t.place >= 0 || !occasionSkip[t.low] {
			return "", 0, false
		}
	}
	return "", 0, false
}

// occasionSource returns the subject of the clause an occasion phrase at
// the head of its sentence sets the scene for ("During a visit to X, the
// minister met Y"): the actors before the first verb after the comma.
func (c *Coder) occasionSource(s Sentence, hi int) []Party {
	h := c.cand[hi]
	comma := -1
	for k := h.end; k < len(c.toks) && k < h.end+maxTargetDistance; k++ {
		if c.toks[k].low == "," {
			comma = k
			break
		}
		if boundaries[c.toks[k].low] {
			return nil
		}
	}
	if comma < 0 || hi+1 >= len(c.cand) || c.cand[hi+1].at <= comma {
		return nil
	}
	var out []Party
	for _, p := range c.before(s, c.cand[hi+1].at) {
		if p.Span.Start > c.toks[comma].start {
			out = append(out, p)
		}
	}
	return out
}

// occasionRoles returns the roles of the occasion phrase of hit hi: its
// source is the subject of the clause it belongs to — the speaker of a
// speech verb before it ("the minister said during a visit"), the subject of
// the verb it follows ("the minister met the governor during a visit": the minister, not
// the governor), else the nearest actors before it, else the subject after a
// leading phrase ("During a visit to X, Y met Z"); its target is the
// party after the noun.
func (c *Coder) occasionRoles(s Sentence, hi int) (src, tgt []Party) {
	h := c.cand[hi]
	toks := c.toks
	tgt = c.after(s, h.end, hi, true)
	prep := h.at - 1
	for prep > 0 && !occasionPreps[toks[prep].low] {
		prep--
	}
	for k := prep - 1; k >= 0; k-- {
		w := toks[k].low
		if boundaries[w] && !quoteMarks[w] {
			break
		}
		if hi > 0 && c.cand[hi-1].end-1 == k {
			src, _ = c.roles(s, hi-1)
			return src, tgt
		}
		if sayWords[w] {
			if k+1 < prep && c.actorRun(k+1, prep) {
				return c.conjuncts(s, k+1, +1), tgt // "said Carter during"
			}
			return c.before(s, k), tgt
		}
		if quoteMarks[w] {
			break
		}
	}
	if src = c.before(s, prep); len(src) > 0 {
		return src, tgt
	}
	return c.occasionSource(s, hi), tgt
}

// destination returns the place a visit of hit h goes to: the first
// place named within the words after the visit verb or noun ("visited
// Seville", "a visit to Spain's Andalusia region"), counted even where the
// place also names an actor (a country); nil if none.
func (c *Coder) destination(s Sentence, h *verbHit) *Place {
	if h.end >= len(c.toks) {
		return nil
	}
	from := c.toks[h.end].start
	to := c.toks[min(h.end+maxTargetDistance, len(c.toks))-1].end
	best := -1
	for i, p := range s.Places {
		if p.Start >= from && p.End <= to && p.GeonamesID != 0 && (best < 0 || p.Start < s.Places[best].Start) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	p := s.Places[best]
	return &Place{Name: p.Name, GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Stated: true}
}

// occasionOfMeeting reports an occasion phrase at token prep that sets
// the scene of a meeting coded just before it in its clause ("met the
// president during a visit to X", "held talks with Y on a trip to Z"):
// one diplomatic happening, coded once, by the meeting.
func (c *Coder) occasionOfMeeting(dst []verbHit, prep int) bool {
	if ablated != nil && ablated["occasionOfMeeting"] {
		return false
	}
	n := len(dst)
	if n == 0 || prefix(dst[n-1].code, 2) != "04" {
		return false
	}
	for k := dst[n-1].end; k < prep; k++ {
		if w := c.toks[k].low; boundaries[w] || sayWords[w] || w == "," {
			return false
		}
	}
	return true
}

// actorRun reports tokens [from, to) all of actor mentions.
func (c *Coder) actorRun(from, to int) bool {
	for k := from; k < to; k++ {
		if c.toks[k].actor < 0 {
			return false
		}
	}
	return true
}
