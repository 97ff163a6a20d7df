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
		if t.lex.has(bAuxSkip) || (strings.HasSuffix(t.low, "ly") && !t.cap && len(t.low) > 4 && !t.lex.has(bSpeakerNouns)) {
			j--
			continue
		}
		// "went on to say", "declined to say": skip the governing verb
		if t.low == "to" && j-1 > a {
			k := j - 1
			if toks[k].low == "on" && k-1 > a {
				k--
			}
			if w := toks[k]; w.kind == tWord && !w.cap && !w.lex.has(bNpStop) && !w.lex.has(bDeterminers) && (strings.HasSuffix(w.low, "ed") || w.cue != cueNone || w.low == "went" || w.low == "wants" || w.low == "want" || w.low == "going" || w.low == "seems" || w.low == "refused" || w.low == "came") {
				j = k - 1
				continue
			}
		}
		// "on Sunday", "last week", "Tuesday"
		if t.lex.has(bTimeWords) {
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
					if j-c == 2 && toks[c+1].lex.has(bAuxSkip) {
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
	if toks[j].gender != 0 && toks[j].low != "her" && toks[j].low != "him" {
		return tspan{j, end}
	}
	k := j
	n := 0
	for k >= a && n < 10 {
		t := toks[k]
		if t.kind != tWord {
			break
		}
		if t.lex.has(bDeterminers) {
			// "Mr. Morgan of the Sierra Club", "a spokesman for the campaign"
			if k-2 >= a && toks[k-1].lex.has(bNpInternal) && toks[k-2].kind == tWord && !toks[k-2].lex.has(bNpStop) && !toks[k-2].lex.has(bDeterminers) && n < 8 && (toks[k-2].cap || toks[k-2].lex.has(bSpeakerNouns)) {
				k -= 2
				n += 2
				continue
			}
			k--
			break
		}
		if t.lex.has(bNpInternal) && k > a && k < j && toks[k-1].kind == tWord && !toks[k-1].lex.has(bNpStop) && !(t.cap && k == a) {
			k--
			n++
			continue
		}
		if t.lex.has(bNpStop) && !(t.cap && t.low == "us") || t.cue != cueNone && !t.cap && !t.lex.has(bSpeakerNouns) {
			break
		}
		if t.gender != 0 && !t.cap {
			break
		}
		k--
		n++
	}
	s := k + 1
	// drop a leading internal preposition left dangling
	for s < end && toks[s].lex.has(bNpInternal) {
		s++
	}
	// a sentence-initial capitalised function word is not part of the phrase
	for s < end && toks[s].cap && toks[s].lex.has(bNotNames) && !toks[s].lex.has(bDeterminers) && !isTitle(toks[s].low) {
		s++
	}
	if end-j == 1 && toks[j].lex.has(bQuantSources) && (s >= end || s == j) {
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
	if t.lex.has(bAsidePreps) || t.low == "who" || t.low == "which" || t.low == "whose" {
		return true
	}
	if t.lex.has(bSpeakerNouns) || len(t.low) < 5 {
		return false
	}
	if strings.HasSuffix(t.low, "ing") {
		return true
	}
	return strings.HasSuffix(t.low, "ed") && k+1 < len(toks) && toks[k+1].lex.has(bAsidePreps)
}

// quantSources are quantifiers that stand alone for a group of speakers.
var quantSources = setOf(`some others another many most few several`)

// plausibleNP accepts a phrase that holds a capitalised word, a speaker
// noun or a determiner followed by a noun, and does not end in a function
// word.
func plausibleNP(toks []tok, s, e int) bool {
	if toks[e-1].lex.has(bNpInternal | bDeterminers | bNpStop) {
		return false
	}
	for k := s; k < e; k++ {
		if toks[k].cap || toks[k].lex.has(bSpeakerNouns) || toks[k].low[0] >= '0' && toks[k].low[0] <= '9' || toks[k].low == "percent" || strings.HasSuffix(toks[k].low, "ers") || strings.HasSuffix(toks[k].low, "ists") {
			return true
		}
	}
	return toks[s].lex.has(bDeterminers) && e-s >= 2 && e-s <= 4
}

// srcFwd reads an inverted speaker phrase starting at toks[i] ("said
// Smith", "said a spokesman for the campaign").
func srcFwd(toks []tok, i, b int) tspan {
	if i >= b || toks[i].kind != tWord {
		return noSpan
	}
	if g := toks[i].gender; g != 0 && (g == 'm' || g == 'f' || g == 'p') {
		if toks[i].low != "her" && toks[i].low != "him" {
			return tspan{i, i + 1}
		}
	}
	if !(toks[i].cap || toks[i].lex.has(bDeterminers) || toks[i].lex.has(bSpeakerNouns) || fwdModifier(toks, i, b)) {
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
		if t.lex.has(bNpInternal) && j > i && j+1 < b && toks[j+1].kind == tWord && (toks[j+1].cap || toks[j+1].lex.has(bDeterminers)) && t.low != "in" && t.low != "at" {
			j++
			continue
		}
		if t.lex.has(bNpStop) || (t.cue != cueNone && !t.lex.has(bSpeakerNouns) && !t.cap) || t.lex.has(bTimeWords) {
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
	if t.kind != tWord || t.lex.has(bNpStop) || t.gender != 0 || t.cue != cueNone || t.lex.has(bTailStart) || t.lex.has(bTimeWords) {
		return false
	}
	for k := i + 1; k < b && k-i <= 4; k++ {
		w := toks[k]
		if w.cap && w.kind == tWord && !w.lex.has(bNotNames) || isTitle(w.low) && w.cap {
			return true
		}
		if w.kind != tWord && w.low != "/" || w.lex.has(bNpStop) {
			return false
		}
	}
	return false
}
