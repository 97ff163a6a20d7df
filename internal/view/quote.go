package view

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of quote (Quote.Kind), as the quote stage names them.
const (
	QuoteDirect   = "direct"   // the words are inside quotation marks: verbatim
	QuoteIndirect = "indirect" // reported speech: the reporter's words
	QuoteMixed    = "mixed"    // reported speech containing some quoted words
)

// Verbatim reports whether the quote is the speaker's own words (a direct
// quote). Only these may be shown inside quotation marks.
func (q Quote) Verbatim() bool { return q.Kind == QuoteDirect }

// Shown is the quote as every view presents it (CLI, Markdown, CSV; the web
// UI applies the same rule in app.js):
//
//   - direct: the words in “…”; when the text holds quotation marks inside
//     (“A,” he said, “B.”), it is shown as written, its own marks being the
//     verbatim ones;
//   - indirect and mixed: reported speech, never wrapped in quotation
//     marks: the cue and the content ("said that the siege …"); a mixed
//     quote keeps the marks around the words it quotes.
func (q Quote) Shown() string {
	text := strings.TrimSpace(q.Text)
	if q.Verbatim() {
		return verbatim(text)
	}
	return Reported(q.Cue, text)
}

// quoteMarks are the quotation marks a direct quote may be written with.
const quoteMarks = "\"“”„‟«»‹›"

func verbatim(text string) string {
	inner := strings.Trim(text, quoteMarks+" \t\n")
	inner = strings.TrimSpace(strings.TrimSuffix(inner, ","))
	if strings.ContainsAny(inner, quoteMarks) {
		// The attribution sits between quoted pieces: outer marks would put
		// it inside the quotation.
		return text
	}
	return "“" + inner + "”"
}

// Reported renders reported speech: the cue followed by the content, with
// "that" before a content that starts like a sentence (the siege will …),
// so it reads as the reporter's paraphrase, not as the speaker's words.
// Without a cue (or with "according to", which names the source rather
// than introducing a clause) the content is labelled "reported:".
func Reported(cue, text string) string {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), ","))
	cue = strings.Join(strings.Fields(cue), " ")
	lc := strings.ToLower(cue)
	if cue == "" || strings.HasPrefix(lc, "according") {
		return "reported: " + text
	}
	r, _ := utf8.DecodeRuneInString(text)
	if strings.HasPrefix(strings.ToLower(text), "that ") || !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(quoteMarks, r)) {
		return cue + " " + text
	}
	return cue + " that " + lowerFirstWord(text)
}

// sentenceStarters are the words that are capitalised only because they
// open the sentence; names and acronyms keep their capitals.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "there": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "its": true, "we": true, "they": true, "he": true, "she": true, "his": true, "her": true, "their": true,
	"our": true, "some": true, "any": true, "no": true, "in": true, "on": true, "at": true, "if": true, "when": true,
	"all": true, "many": true, "most": true, "more": true, "one": true, "two": true, "both": true, "such": true,
}

func lowerFirstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	// "IT" or "US" in capitals is an acronym, not a sentence's first word.
	if w := s[:end]; sentenceStarters[strings.ToLower(w)] && (len(w) == 1 || w != strings.ToUpper(w)) {
		return strings.ToLower(s[:end]) + s[end:]
	}
	return s
}
