package event

import "time"

// Span is a byte range [Start, End) of the text a Sentence points into.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ActorMention is an actor named in the sentence, as the actor stage
// resolved it.
type ActorMention struct {
	Span
	ID   int64  // the actor's id; 0 when the actor stage gave none
	Name string // canonical name ("" falls back to the words as written)
	Code string // CAMEO actor code (country + role: "USAGOV", "IRQMIL"), "" if unknown
}

// PlaceMention is a place named in the sentence, resolved to GeoNames.
type PlaceMention struct {
	Span
	Name       string
	GeonamesID uint32
	Lat, Lon   float64
	Country    string // ISO 3166-1 alpha-2
	// Site is true for a place that only tells where — a city, a region,
	// a landmark — and does not stand for a government the way a country,
	// or a capital used as one ("Washington said"), does: it is never an
	// event's source ("The loss of Mosul would leave ...", "a Paris
	// meeting"). False when the analysis does not know.
	Site bool
}

// TimeMention is a time expression of the sentence normalised to TIMEX3.
type TimeMention struct {
	Span
	Value string // 2016-10-23, 2016-10, 2016, 2016-W42, ...
}

// Sentence is one sentence with the mentions the analysis found in it.
type Sentence struct {
	Text  string // the whole text the spans point into
	Span         // the sentence
	Index int    // the sentence's index in its article
	// Mentions of the sentence (spans outside the sentence are ignored).
	Actors []ActorMention
	Places []PlaceMention
	Times  []TimeMention
	// Published is the article's date, the event's date when the sentence
	// states none; Estimated marks it a guess of the dating stage.
	Published time.Time
	Estimated bool
	// Focus is the place the article is about, the event's place when the
	// sentence names none (nil: none).
	Focus *PlaceMention
	// Speaker is the speaker of a quotation in the sentence (nil: none):
	// the source of an event the quotation tells with no actor of its own
	// ("'We want to see operations begin,' Carter said").
	Speaker *ActorMention
	Quote   Span // the quotation's content: only events told inside it take the speaker
	// Headline marks the article's title (Index HeadlineIndex), read with
	// headline grammar (headline.go).
	Headline bool
}

// Party is an event's source or target: an actor, or a place standing as
// target ("attacked Bashiqa").
type Party struct {
	Text       string `json:"text"`                  // the words as written
	Name       string `json:"name"`                  // canonical name
	Actor      int64  `json:"actor,omitempty"`       // actor id
	Code       string `json:"code,omitempty"`        // CAMEO actor code
	GeonamesID uint32 `json:"geonames_id,omitempty"` // set when the party is a place
	Span       Span   `json:"span"`
	// country is a place party's country (ISO 3166-1 alpha-2), so that
	// Same can tell "Mosul" inside "Iraq"; not stored
	country string
	// group marks a party that is only words naming a group ("drug
	// dealers", "hundreds of protesters"): no actor, so it tells nothing
	// about which happening it is (see roleAgree)
	group bool
}

// Place is where an event happened.
type Place struct {
	Name       string  `json:"name"`
	GeonamesID uint32  `json:"geonames_id,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country,omitempty"`
	// Stated is true when the sentence names the place; false when it is
	// the article's focus.
	Stated bool `json:"stated"`
}

// Quantities are the numbers the sentence states about the event.
type Quantities struct {
	Killed   int     `json:"killed,omitempty"`
	Wounded  int     `json:"wounded,omitempty"`
	Troops   int     `json:"troops,omitempty"`
	Money    float64 `json:"money,omitempty"`
	Currency string  `json:"currency,omitempty"`
}

// IsZero reports whether no quantity is set.
func (q Quantities) IsZero() bool { return q == Quantities{} }

// Statuses of an event.
const (
	Asserted     = "asserted"     // "attacked"
	Negated      = "negated"      // "did not attack", "denied attacking"
	Future       = "future"       // "will attack", "plans to attack", "threatened to attack"
	Hypothetical = "hypothetical" // "could attack", "if ... attacked"
	Urged        = "urged"        // "urged ... to attack"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Event is one happening coded from one sentence.
type Event struct {
	Source Party `json:"source"`
	Target Party `json:"target"`
	// AllSources and AllTargets list compound actors ("Iraqi troops,
	// Kurdish forces and Shiite militias"), Source and Target first; nil
	// for a single actor.
	AllSources []Party `json:"all_sources,omitempty"`
	AllTargets []Party `json:"all_targets,omitempty"`
	Type       string  `json:"type"`              // PLOVER 2.0 type
	Mode       string  `json:"mode,omitempty"`    // PLOVER mode
	Context    string  `json:"context,omitempty"` // PLOVER context
	Cameo      string  `json:"cameo"`             // CAMEO code (root: its first two digits)
	Verb       string  `json:"verb"`              // the verb as written
	VerbAt     Span    `json:"verb_span"`
	Place      *Place  `json:"place,omitempty"`
	// Date is the TIMEX3 date of the event (the sentence's time
	// expression, else the article's date), Precision its precision.
	Date      string     `json:"date,omitempty"`
	Precision string     `json:"precision,omitempty"`
	Estimated bool       `json:"estimated"`
	Quant     Quantities `json:"quantities"`
	Status    string     `json:"status"`
	// Embedded is true for an event governed by another verb ("urged Iraq
	// to attack"): the sentence's main event is the governing one.
	Embedded bool `json:"embedded,omitempty"`
	// Subordinate is true for an event told in a subordinate clause
	// ("after the army attacked"): background to the sentence's news.
	Subordinate bool `json:"subordinate,omitempty"`
	// Complement is the PLOVER type of the event this one governs, ""
	// if none.
	Complement string `json:"complement,omitempty"`
	Sentence   int    `json:"sentence"`
	Span       Span   `json:"span"` // the sentence

	gov, at int // tokens of the governing verb (-1: none) and of the verb
}

// Root returns the event's CAMEO root code (two digits).
func (e *Event) Root() string { return prefix(e.Cameo, 2) }

// cooperative PLOVER types; the others are conflictual.
var cooperative = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "COOPERATE": true, "AID": true, "CONCEDE": true, "RETREAT": true}

// statements are PLOVER types that are themselves speech acts.
var statements = map[string]bool{"AGREE": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true}

// SentenceType returns the PLOVER type of the event as a coder of one
// event per sentence reports it: a future or urged happening is the
// statement that announces it ("will withdraw": AGREE or THREATEN by the
// happening's kind; "must return": REQUEST; "will not accept": REJECT),
// and a promise of a conflictual happening is a threat ("vowed to fight").
func (e *Event) SentenceType() string {
	t := e.Type
	switch {
	case e.Status == Urged && t != "REQUEST":
		return "REQUEST"
	case e.Status == Negated && (cooperative[t] || e.Embedded):
		// "did not agree", "will not accept", "refused to deploy"
		return "REJECT"
	case e.Status == Future && !statements[t]:
		if cooperative[t] {
			return "AGREE"
		}
		return "THREATEN"
	case t == "AGREE" && e.Complement != "" && !cooperative[e.Complement] && !statements[e.Complement]:
		return "THREATEN"
	}
	return t
}

// PloverTypes are the 16 PLOVER 2.0 event types.
var PloverTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// IsPloverType reports whether t is one of PloverTypes.
func IsPloverType(t string) bool {
	for _, x := range PloverTypes {
		if x == t {
			return true
		}
	}
	return false
}
