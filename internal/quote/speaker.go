package quote

import "strings"

// span of tokens [s, e); s < 0 means none.
type tspan struct{ s, e int }

var noSpan = tspan{-1, -1}

func (t tspan) ok() bool { return t.s >= 0 && t.e > t.s }

// timeWords may sit between a speaker and a cue ("Trump on Sunday said").
var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night week month year weekend earlier later`)

// srcBack finds the speaker phrase that ends just before the cue at toks[i]
// (within the unit starting at a), skipping auxiliaries, adverbs and short
// time phrases. It returns noSpan when the words before the cue do not look
// like a noun phrase.
func srcBack(toks []tok, a, i int) tspan {
	j := i - 1
	for j >= a {
		t := toks[j]
		if t.kind != tWord {
			break
		}
		if auxSkip[t.low] || (strings.HasSuffix(t.low, "ly") && !t.cap && len(t.low) > 4 && !speakerNouns[t.low]) {
			j--
			continue
		}
		// "went on to say", "declined to say": skip the governing verb
		if t.low == "to" && j-1 > a {
			k := j - 1
			if toks[k].low == "on" && k-1 > a {
				k--
			}
			if w := toks[k]; w.kind == tWord && !w.cap && !npStop[w.low] && !determiners[w.low] && (strings.HasSuffix(w.low, "ed") || cueOf[w.low] != cueNone || w.low == "went" || w.low == "wants" || w.low == "want" || w.low == "going" || w.low == "seems" || w.low == "refused" || w.low == "came") {
				j = k - 1
				continue
			}
		}
		// "on Sunday", "last week", "Tuesday"
		if timeWords[t.low] {
			k := j - 1
			if k >= a && (toks[k].low == "on" || toks[k].low == "last" || toks[k].low == "this" || toks[k].low == "earlier") {
				k--
			}
			if k >= a && toks[k].kind == tWord {
				j = k
				continue
			}
		}
		break
	}
	if j > a+1 && toks[j].low == "," && toks[j-1].low == ")" {
		j-- // "Sen. Jack Reed (D-R.I.), said"
	}
	if j > a && toks[j].low == ")" {
		// a parenthesis after a name: "Sen. Ted Cruz (R-Texas) said"
		for c := j - 1; c > a && j-c < 8; c-- {
			if toks[c].low == "(" {
				if np := srcBack(toks, a, c); np.ok() && np.e == c {
					return tspan{np.s, j + 1}
				}
				break
			}
		}
		return noSpan
	}
	if j > a && toks[j].low == "," {
		// an appositive: "Nick Merrill, a spokesman for Mrs. Clinton, said";
		// "Mitch McConnell, R-Ky., said"; two appositives in a row
		commas := 0
		for c := j - 1; c > a && j-c < 30; c-- {
			if toks[c].kind == tQuote || toks[c].low == "." && !abbrevDot(toks, c) {
				break
			}
			if toks[c].low == "," {
				if np := srcBack(toks, a, c); np.ok() && toks[np.s].cap && np.e == c {
					if j-c == 2 && auxSkip[toks[c+1].low] {
						return np // ", meanwhile,": an aside, not an appositive
					}
					if j-c > 2 && asideOpener(toks, c+1) {
						// "The president, sitting next to X, said": a
						// participial, prepositional or relative aside
						// says where or how the subject spoke; a name
						// inside it is not the speaker
						return np
					}
					return tspan{np.s, j}
				}
				if commas++; commas == 2 || j-c >= 20 {
					break
				}
			}
		}
		return noSpan
	}
	if j < a || toks[j].kind != tWord {
		return noSpan
	}
	end := j + 1
	if _, ok := pronounGender[toks[j].low]; ok && toks[j].low != "her" && toks[j].low != "him" {
		return tspan{j, end}
	}
	k := j
	n := 0
	for k >= a && n < 10 {
		t := toks[k]
		if t.kind != tWord {
			break
		}
		if determiners[t.low] {
			// "Mr. Morgan of the Sierra Club", "a spokesman for the campaign"
			if k-2 >= a && npInternal[toks[k-1].low] && toks[k-2].kind == tWord && !npStop[toks[k-2].low] && !determiners[toks[k-2].low] && n < 8 && (toks[k-2].cap || speakerNouns[toks[k-2].low]) {
				k -= 2
				n += 2
				continue
			}
			k--
			break
		}
		if npInternal[t.low] && k > a && k < j && toks[k-1].kind == tWord && !npStop[toks[k-1].low] && !(t.cap && k == a) {
			k--
			n++
			continue
		}
		if npStop[t.low] && !(t.cap && t.low == "us") || cueOf[t.low] != cueNone && !t.cap && !speakerNouns[t.low] {
			break
		}
		if _, ok := pronounGender[t.low]; ok && !t.cap {
			break
		}
		k--
		n++
	}
	s := k + 1
	// drop a leading internal preposition left dangling
	for s < end && npInternal[toks[s].low] {
		s++
	}
	// a sentence-initial capitalised function word is not part of the phrase
	for s < end && toks[s].cap && notNames[toks[s].low] && !determiners[toks[s].low] && !isTitle(toks[s].low) {
		s++
	}
	if end-j == 1 && quantSources[toks[j].low] && (s >= end || s == j) {
		return tspan{j, end} // "Some say …", "others argued …"
	}
	if s >= end || !plausibleNP(toks, s, end) {
		return noSpan
	}
	return tspan{s, end}
}

// asidePreps open a prepositional aside between a subject and its cue
// ("X, in a call with Y, said").
var asidePreps = setOf(`in at on after before during with without alongside beside besides amid among
near from while when like unlike despite following according by to about for`)

// asideOpener reports whether the word at toks[k], after a subject's
// comma, opens an aside rather than an apposition: a preposition, a
// relative pronoun, a lower-case present participle ("sitting next to"),
// or a past participle with its preposition ("flanked by"). An
// apposition opens with a determiner, a capitalised word or a noun ("a
// spokesman for X"); a lone past form is a verb of its own ("X, D-Calif.,
// disagreed, tweeting that").
func asideOpener(toks []tok, k int) bool {
	t := toks[k]
	if t.kind != tWord || t.cap {
		return false
	}
	if asidePreps[t.low] || t.low == "who" || t.low == "which" || t.low == "whose" {
		return true
	}
	if speakerNouns[t.low] || len(t.low) < 5 {
		return false
	}
	if strings.HasSuffix(t.low, "ing") {
		return true
	}
	return strings.HasSuffix(t.low, "ed") && k+1 < len(toks) && asidePreps[toks[k+1].low]
}

// quantSources are quantifiers that stand alone for a group of speakers.
var quantSources = setOf(`some others another many most few several`)

// plausibleNP accepts a phrase that holds a capitalised word, a speaker
// noun or a determiner followed by a noun, and does not end in a function
// word.
func plausibleNP(toks []tok, s, e int) bool {
	lastw := toks[e-1].low
	if npInternal[lastw] || determiners[lastw] || npStop[lastw] {
		return false
	}
	for k := s; k < e; k++ {
		if toks[k].cap || speakerNouns[toks[k].low] || toks[k].low[0] >= '0' && toks[k].low[0] <= '9' || toks[k].low == "percent" || strings.HasSuffix(toks[k].low, "ers") || strings.HasSuffix(toks[k].low, "ists") {
			return true
		}
	}
	return determiners[toks[s].low] && e-s >= 2 && e-s <= 4
}

// srcFwd reads an inverted speaker phrase starting at toks[i] ("said
// Smith", "said a spokesman for the campaign").
func srcFwd(toks []tok, i, b int) tspan {
	if i >= b || toks[i].kind != tWord {
		return noSpan
	}
	if g, ok := pronounGender[toks[i].low]; ok && (g == 'm' || g == 'f' || g == 'p') {
		if toks[i].low != "her" && toks[i].low != "him" {
			return tspan{i, i + 1}
		}
	}
	if !(toks[i].cap || determiners[toks[i].low] || speakerNouns[toks[i].low] || fwdModifier(toks, i, b)) {
		return noSpan
	}
	j := i
	for j < b && j-i < 10 {
		t := toks[j]
		if t.low == "/" && j > i && j+1 < b && toks[j+1].s == t.e && toks[j-1].e == t.s {
			j++ // "9/11 widow"
			continue
		}
		if t.kind != tWord {
			break
		}
		if npInternal[t.low] && j > i && j+1 < b && toks[j+1].kind == tWord && (toks[j+1].cap || determiners[toks[j+1].low]) && t.low != "in" && t.low != "at" {
			j++
			continue
		}
		if npStop[t.low] || (cueOf[t.low] != cueNone && !speakerNouns[t.low] && !t.cap) || timeWords[t.low] {
			break
		}
		j++
	}
	if j == i {
		return noSpan
	}
	return tspan{i, j}
}

func isTitle(w string) bool {
	switch w {
	case "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "president", "senator", "governor",
		"secretary", "speaker", "gov", "sen", "rep", "prof.", "judge", "mayor", "chairman", "rev.", "lt.", "col.":
		return true
	}
	return false
}

// abbrevDot reports whether the period at toks[c] belongs to an
// abbreviation inside a phrase ("R-Ky.,", "D-N.Y.,"): glued to the word
// before it and followed by a comma or another glued piece.
func abbrevDot(toks []tok, c int) bool {
	if c < 1 || c+1 >= len(toks) || toks[c-1].e != toks[c].s {
		return false
	}
	n := toks[c+1]
	return n.low == "," || n.s == toks[c].e && n.kind == tWord
}

// fwdModifier accepts a lower-case or numeric word opening an inverted
// speaker phrase when a capitalised name follows within three words:
// "said former Obama adviser David Axelrod", "said 9/11 widow Terry Strada".
func fwdModifier(toks []tok, i, b int) bool {
	t := toks[i]
	if t.kind != tWord || npStop[t.low] || pronounGender[t.low] != 0 || cueOf[t.low] != cueNone || tailStart[t.low] || timeWords[t.low] {
		return false
	}
	for k := i + 1; k < b && k-i <= 4; k++ {
		w := toks[k]
		if w.cap && w.kind == tWord && !notNames[w.low] || isTitle(w.low) && w.cap {
			return true
		}
		if w.kind != tWord && w.low != "/" || npStop[w.low] {
			return false
		}
	}
	return false
}
