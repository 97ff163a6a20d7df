package entity

import "time"

// Span is a byte range [Start, End) of Doc.Text.
type Span struct{ Start, End int }

// Mention is a named-entity mention as found by the recogniser.
type Mention struct {
	Span
	Type     string // PER, ORG, LOC or MISC
	Sentence int    // index into Doc.Sentences
	Demonym  bool   // a nationality or group adjective ("Iraqi", "Kurdish")
}

// Doc is one document's text with its sentences and mentions.
type Doc struct {
	Key       string
	Text      string
	Sentences []Span
	Mentions  []Mention
	Outlet    string
	Published time.Time
}

// Kind is an actor type.
type Kind string

// Actor types.
const (
	KindPerson     Kind = "person"
	KindGovernment Kind = "government"
	KindMilitary   Kind = "military"
	KindArmedGroup Kind = "armed group"
	KindIGO        Kind = "IGO"
	KindNGO        Kind = "NGO"
	KindMedia      Kind = "media"
	KindBusiness   Kind = "business"
	KindLocation   Kind = "location"
	KindOther      Kind = "other"
)

// Reference kinds for Ref.Kind.
const (
	RefAcronym = "acronym" // "KRG" after "Kurdistan Regional Government (KRG)"
	RefName    = "name"    // a name the recogniser missed ("IS" in "IS-held")
	RefRole    = "role"    // "the Pentagon chief"
	RefPronoun = "pronoun" // "he"
)

// Ref is a reference to a local entity that is not one of Doc.Mentions.
type Ref struct {
	Span
	Sentence int
	Kind     string // RefAcronym, RefName, RefRole or RefPronoun
}

// Role is a title or affiliation stated in the text.
type Role struct {
	Title    string    // "Defense Secretary", "spokesman", "Prime Minister"
	Org      string    // "Defense Department", "" if none
	Country  string    // CAMEO/ISO alpha-3 country code, "" if none
	Agent    string    // CAMEO agent code of the title (GOV, MIL, ...), "" if unknown
	Sentence int       // the sentence that states it
	Evidence Span      // the words that state it
	Date     time.Time // the document's publication date
	// Set for roles from the actor dictionary (Source DictSource): the
	// full code and the dates it is valid between (zero: open).
	Code        string
	From, Until time.Time
	Source      string
}

// Local is one entity within one document.
type Local struct {
	Name     string   // canonical name: the longest proper full form
	Type     string   // PER, ORG, LOC or MISC (majority of the mentions, or the knowledge base)
	Kind     Kind     // actor type
	Code     string   // CAMEO-style actor code, "" if unknown
	Country  string   // country or group code (IRQ, USA, KUR), "" if unknown
	KB       string   // knowledge-base entry key, "" if none
	Dict     string   // actor-dictionary entry key, "" if none
	Aliases  []string // distinct surface forms, as written, longest first
	Mentions []int    // indices into Doc.Mentions
	Refs     []Ref    // other references (acronyms, role nouns, pronouns)
	Roles    []Role
	// Demonym marks an entity built from a demonym and an agent noun
	// ("Iraqi forces") or a bare demonym ("Iraqi").
	Demonym bool
}
