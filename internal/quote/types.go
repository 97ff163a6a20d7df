package quote

// Sentence is a sentence as a half-open byte span [Start, End) of the text.
type Sentence struct{ Start, End int }

// Mention is an entity mention (Type PER, ORG, GPE, …) as a byte span.
type Mention struct {
	Start, End int
	Type       string
}

// Span is a half-open byte span [Start, End).
type Span struct{ Start, End int }

// Kinds of quotation.
const (
	Direct   = "direct"   // the words are inside quotation marks
	Indirect = "indirect" // reported speech without quotation marks
	Mixed    = "mixed"    // reported speech that contains quoted words
)

// Quote is one attributed (or unattributed) quotation. Spans are byte
// offsets into the text; a missing span is -1, -1.
type Quote struct {
	// Start, End cover the whole content; Parts lists its pieces when the
	// content is interrupted by the attribution ("A," he said, "B.").
	Start, End int
	Parts      []Span
	Text       string
	Kind       string // Direct, Indirect or Mixed

	CueStart, CueEnd int
	Cue              string // "said", "according to", "told", …

	// Source is the expression that names the speaker where the quote is
	// attributed, as written: "he", "Mr. Trump", "a campaign spokesman".
	SourceStart, SourceEnd int
	Source                 string

	// Speaker is the person or body the source refers to: the source itself
	// when it is a name or description, the antecedent when it is a pronoun.
	// SpeakerResolved is false when the source is a pronoun with no
	// compatible antecedent or when no source was found; Speaker then holds
	// the pronoun (or is empty) and SpeakerStart/End are -1.
	SpeakerStart, SpeakerEnd int
	Speaker                  string
	SpeakerResolved          bool

	Sentence int // index of the (first) sentence holding the content

	// Confidence is a rough 0..1 score. As measured on PolNeAR train, 0.6
	// and above are speech cues and quotations (≥ 0.83 of them match a gold
	// attribution); 0.45–0.55 are stance verbs ("criticized", "endorsed")
	// and guessed verbs after a name ("Trump slammed …"), which PolNeAR
	// counts as attributions but a reader may not call quotes; below 0.45
	// are quotes whose speaker was carried over or not found. Unresolved
	// pronoun speakers scale the score by 0.7.
	Confidence float32
}
