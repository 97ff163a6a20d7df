package geo

import "math"

// Params weighs the evidence the resolver combines. DefaultParams was tuned
// on the dev halves of the evaluation sets only.
type Params struct {
	PopWeight     float64            // × log10(population+1)
	FeatureBonus  map[string]float64 // by GeoNames feature code
	PrimaryName   float64            // the mention equals the place's main name
	CountryVote   float64            // per other mention placed in the candidate's country (capped)
	Admin1Vote    float64            // per other mention placed in the candidate's admin-1 region (capped)
	VoteCap       float64            // cap on the summed votes of each kind
	Near          float64            // per other resolved mention within NearKm (capped at VoteCap)
	NearKm        float64
	Container     float64 // "Paris, Texas": the next mention is a region containing the candidate
	SeatPenalty   float64 // an admin region whose seat has the same name
	OutletCountry float64 // the outlet's country
	ContextVote   float64 // votes of one Doc.Context word for its country or region
	// ForeignRegion is taken from an admin-1 or national region candidate
	// whose country has no support in the document while another country
	// has ForeignMin votes or more ("Kurdistan" in an Iraq story).
	ForeignRegion float64
	ForeignMin    float64
	// FocusConfidence > 0 places mentions without a candidate at the
	// document's focus with this confidence; 0 leaves them unresolved.
	FocusConfidence float64
	// SenseWeight × the dev gold's share of documents that meant the
	// candidate by this name (Senses) is added to its context-free score;
	// 0 or nil Senses switch the sense prior off. Off by default: the dev
	// gold is mostly US local news (LGL), whose senses ("Dublin" → Dublin,
	// Ohio; "Athens" → the US towns) would bias international news.
	SenseWeight float64
	Senses      *Senses
	// Famous is added to the prior of the landmarks table's entries
	// (scripts/gazetteer/landmarks.tsv): a name with a famous sense means it
	// before a namesake town ("White House", Tennessee).
	Famous float64
	// BareFeature is taken from a river, lake, range or other physical
	// feature named without its generic word ("Albany", not "Albany
	// River"): the bare name more often means a town or state.
	BareFeature float64
	// Part places a mention the gazetteer does not know whole at the place
	// it is named after ("Colchester General Hospital"; partLookup).
	Part bool
	// WrongKind is taken from a physical feature whose kind contradicts a
	// generic word of the mention (a lake for "X River"; wrongKind).
	WrongKind float64
	// StateWord is added to the admin-1 candidates of a name followed by
	// the word "state" ("Washington state"); needs Doc.Text.
	StateWord float64
	// CityWord is added to the candidates that are cities of 100,000
	// people or more of a name followed by a city's office or service
	// ("New York Mayor", "New York subway") or after "city of", unless a
	// state word marked the name (StateWord wins); needs Doc.Text.
	CityWord float64
	// ListKind is added to the candidates of a name's sense (admin-1
	// region, country, city) that the names it is listed with have
	// ("California or Washington": the state; listKinds); needs Doc.Text.
	ListKind float64
	// LooseSupport keeps a place found only without a direction or facility
	// word of the mention ("West Midlands" → Midlands Province) only where
	// the document's other places support it (looseSupported).
	LooseSupport bool
	// AliasSupport does the same for a town of under 100,000 people named
	// only by one of its alternate names (aliasOnly).
	AliasSupport bool
	// AliasPenalty is taken from a town named only by one of its alternate
	// names when another candidate bears the name as its main name
	// ("Maryville" is an alternate name of Beeville, Texas; "Augusta" one
	// of Augsburg): the name most likely means one of the towns so called.
	AliasPenalty float64
	// SectionPenalty is taken from a section of a town (PPLX: a suburb, a
	// district) when another candidate of the same main name is a seat of
	// government (PPLC, PPLA, PPLA2).
	SectionPenalty float64
	// Pair is added to a town's or county's context-free score per other
	// mention of the document with a candidate within PairKm (pairs).
	Pair   float64
	PairKm float64
	// LoneTown > 0 leaves unresolved a small town nothing in the document
	// speaks for while another admin-1 region of its country has LoneTown
	// votes or more (loneTown); 0 switches the rule off.
	LoneTown float64
	// NotPlace drops the small towns of a name the document uses as a
	// person's, an acronym, a title or a newspaper (dropNamesakes).
	NotPlace bool
	// FamousSense puts a name that is exactly a country's or an admin-1
	// region's on it rather than on a small town so named (famousSense).
	FamousSense bool
	// BigSense puts a name on the landmark, country or city of 100,000+
	// called so rather than on a small namesake bigSenseRatio times
	// smaller that the document does not support locally (bigSenses).
	BigSense       bool
	MaxCandidates  int     // candidates kept per mention, by prior
	Iterations     int     // rounds of context re-scoring
	ConfidenceTemp float64 // softmax temperature for confidence
}

// DefaultParams returns the resolver's tuned weights.
func DefaultParams() Params {
	return Params{
		PopWeight: 1,
		FeatureBonus: map[string]float64{
			"PCLI": 3, "CONT": 12, "RGN": 9, "GULF": 8, "OCN": 14, "SEA": 9,
			"ADM1": 1, "ADM2": -1,
			"PPLC": 2, "PPLA": 0, "PPLA2": 0, "PPLA3": 0.2, "PPLA4": 0,
			"PPLX": 0, "PPLL": -0.5, "AIRP": 5, "PPLF": -0.5, "PPLQ": -2, "PPLH": -2, "PPLW": -2,
			// Natural Earth physical features (overlay): they have no
			// population, so the bonus is their whole prior
			"BAY": 6, "STRT": 6, "CHN": 6, "SD": 6, "FJD": 4, "LGN": 4, "INLT": 4, "RF": 4,
			"STM": 5, "LK": 5, "RSV": 4, "MTS": 6, "MT": 4, "DSRT": 6, "PLAT": 4, "ISL": 4, "ISLS": 5,
			"PEN": 5, "CAPE": 3, "PLN": 4, "VAL": 3, "DLTA": 5, "BSN": 4, "CST": 3, "DPR": 3, "GRGE": 3,
			"WTLD": 3, "LWL": 3, "TUND": 3, "ISTH": 3, "HLLS": 3, "FLLS": 3, "PASS": 3, "PRK": 4, "AREA": 4,
		},
		BareFeature:     3,
		Famous:          6,
		PrimaryName:     1,
		CountryVote:     1.5,
		Admin1Vote:      1.5,
		VoteCap:         2,
		Near:            1.5,
		NearKm:          200,
		Container:       4,
		SeatPenalty:     3,
		OutletCountry:   1,
		ContextVote:     3,
		ForeignRegion:   2,
		ForeignMin:      1,
		FocusConfidence: 0.1,
		SenseWeight:     0,
		Senses:          DefaultSenses(),
		Part:            true,
		WrongKind:       2,
		StateWord:       4,
		ListKind:        3,
		CityWord:        4,
		LooseSupport:    true,
		AliasSupport:    true,
		AliasPenalty:    2,
		SectionPenalty:  1,
		Pair:            1,
		PairKm:          30,
		LoneTown:        1.5,
		NotPlace:        true,
		FamousSense:     true,
		BigSense:        true,
		MaxCandidates:   40,
		Iterations:      4,
		ConfidenceTemp:  1,
	}
}

var defaultParams = DefaultParams()

func (g *Gazetteer) priorWith(i int32, p *Params) float64 {
	s := p.PopWeight*math.Log10(float64(g.pop[i])+1) + p.FeatureBonus[g.fcodes[g.fcode[i]]]
	if p.Famous != 0 && g.famous(i) {
		s += p.Famous
	}
	return s
}
