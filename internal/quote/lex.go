package quote

// lexBits is the set of word lists a token's lower-cased text belongs to,
// looked up once at tokenisation so the rules test bits instead of hashing
// the same word again at every call site.
type lexBits uint64

func (b lexBits) has(m lexBits) bool { return b&m != 0 }

// One bit per word list.
const (
	bClauseLinks lexBits = 1 << iota
	bSpeechVerbs
	bClauseWords
	bTailStart
	bObjectCues
	bIrregularPast
	bIntroLow
	bShowParticles
	bIssueVerbs
	bNotAttrib
	bDocHeads
	bAboutQuote
	bProForm
	bPointBack
	bBackSpeech
	bSectionLabels
	bAuxSkip
	bDeterminers
	bNpStop
	bNpInternal
	bSpeakerNouns
	bOrgWords
	bCountryAbbrevs
	bNotNames
	bMaleNames
	bFemaleNames
	bSpeechNouns
	bPartPreps
	bModals
	bBeVerbs
	bAdjPreps
	bTitleHeads
	bHeadPreps
	bSeemVerbs
	bTimeWords
	bAsidePreps
	bQuantSources
	bAfterAbbrev
	bSpeechOnlyCue // a cue whose base form is in speechOnly
)

// lexEntry is what the table holds for a word: its lists, its cue class
// (cueOf) and its pronoun gender (pronounGender).
type lexEntry struct {
	bits   lexBits
	cue    uint8
	gender byte
}

// lexTable maps a lower-cased word to its entry; words in no list are absent.
var lexTable map[string]lexEntry

// lexSets lists the word sets behind each bit (entries set to false are
// not members, as with a map lookup).
func lexSets() []struct {
	bit lexBits
	set map[string]bool
} {
	return []struct {
		bit lexBits
		set map[string]bool
	}{
		{bClauseLinks, clauseLinks},
		{bSpeechVerbs, speechVerbs},
		{bClauseWords, clauseWords},
		{bTailStart, tailStart},
		{bObjectCues, objectCues},
		{bIrregularPast, irregularPast},
		{bIntroLow, introLow},
		{bShowParticles, showParticles},
		{bIssueVerbs, issueVerbs},
		{bNotAttrib, notAttrib},
		{bDocHeads, docHeads},
		{bAboutQuote, aboutQuote},
		{bProForm, proForm},
		{bPointBack, pointBack},
		{bBackSpeech, backSpeech},
		{bSectionLabels, sectionLabels},
		{bAuxSkip, auxSkip},
		{bDeterminers, determiners},
		{bNpStop, npStop},
		{bNpInternal, npInternal},
		{bSpeakerNouns, speakerNouns},
		{bOrgWords, orgWords},
		{bCountryAbbrevs, countryAbbrevs},
		{bNotNames, notNames},
		{bMaleNames, maleNames},
		{bFemaleNames, femaleNames},
		{bSpeechNouns, speechNouns},
		{bPartPreps, partPreps},
		{bModals, modals},
		{bBeVerbs, beVerbs},
		{bAdjPreps, adjPreps},
		{bTitleHeads, titleHeads},
		{bHeadPreps, headPreps},
		{bSeemVerbs, seemVerbs},
		{bTimeWords, timeWords},
		{bAsidePreps, asidePreps},
		{bQuantSources, quantSources},
		{bAfterAbbrev, afterAbbrev},
	}
}

func init() {
	// The order matters: the cue table and the negated auxiliaries must be
	// complete before the lexicon table is built from them.
	buildCues()
	addNegatedAux()
	buildLexTable()
}

func buildLexTable() {
	lexTable = map[string]lexEntry{}
	for _, l := range lexSets() {
		for w, in := range l.set {
			if in {
				e := lexTable[w]
				e.bits |= l.bit
				lexTable[w] = e
			}
		}
	}
	for w, c := range cueOf {
		e := lexTable[w]
		e.cue = c
		if speechOnly[cueBase[w]] {
			e.bits |= bSpeechOnlyCue
		}
		lexTable[w] = e
	}
	for w, g := range pronounGender {
		e := lexTable[w]
		e.gender = g
		lexTable[w] = e
	}
}

// lookupLex fills the lexicon fields of a token from its lower-cased text.
func (t *tok) lookupLex() {
	if e, ok := lexTable[t.low]; ok {
		t.lex, t.cue, t.gender = e.bits, e.cue, e.gender
	}
}
