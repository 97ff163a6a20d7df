package event

import (
	"strings"
	"testing"
)

// TestSeeds16Rules: the rules added reading the seeds' events as an
// analyst would (issue 16, session 12). Each case is a sentence written
// for the test; want lists every event the sentence codes, as
// "verb/TYPE/status source>target" ("-" for a role left empty).
func TestSeeds16Rules(t *testing.T) {
	tests := seeds16Cases
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := evList(sent(t, tc.text))
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

// seeds16Cases are TestSeeds16Rules' sentences.
var seeds16Cases = []struct {
	name, text string
	want       []string
}{
	// relativeAfterNoun: the actors of a relative clause after the
	// object are that clause's
	{"relative clause after the object", "{Ruritania:RUR} vowed to retake towns that {the rebels:SYRREB} have held since May.",
		[]string{"vowed/AGREE/asserted Ruritania>-", "retake/ASSAULT/future Ruritania>-"}},
	{"relative clause set off by a comma", "{Vela:ESPGOV} urged all sides to strike the main foe, which is {the Front:SYRREB}.",
		[]string{"urged/REQUEST/asserted Vela>-", "strike/ASSAULT/urged Vela>-"}},
	{"actor object before a relative clause", "{Ruritania:RUR} attacked {the rebels:SYRREB} who held <Homs>.",
		[]string{"attacked/ASSAULT/asserted Ruritania>the rebels"}},
	// subject: a relative clause's subject is its antecedent noun
	{"relative subject is the noun before it", "Officials doubt {the Freedonian army:FRDMIL} and the village militias that have lately joined the battle.",
		nil},
	{"relative subject with an actor modifier", "The {Freedonian:FRD} towns that were shelled by {the rebels:SYRREB} lie in ruins.",
		[]string{"shelled/ASSAULT/asserted the rebels>Freedonian"}},
	// newClause: ", and there" opens another clause
	{"comma, conjunction and there", "{The Ruritanian guards:RURMIL} lack the rifles they need, and there are doubts about {the Freedonian police:FRDCOP}.",
		[]string{"need/REQUEST/asserted The Ruritanian guards>-"}},
	// gerundSubject in a reported clause
	{"gerund subject of a reported clause", "{Vela:ESPGOV} said that bombing {the rebels:SYRREB}' depots was the first task.",
		nil},
	// stative participles
	{"engaged in", "{Ruritanian troops:RURMIL} are engaged in an offensive against {the rebels:SYRREB}.",
		[]string{"engaged/ASSAULT/asserted Ruritanian troops>the rebels"}},
	{"allied with", "{The Ruritanian army:RURMIL} is allied with {the Freedonian militia:FRDMIL}.",
		[]string{"allied/SUPPORT/asserted The Ruritanian army>the Freedonian militia"}},
	// appealTo
	{"encourage someone to act", "{Vela:ESPGOV} encouraged all factions to back the truce.",
		[]string{"encouraged/REQUEST/asserted Vela>-", "back/SUPPORT/urged Vela>-"}},
	{"encourage with an object only", "{Vela:ESPGOV} encouraged {Ruritania:RUR}.",
		[]string{"encouraged/SUPPORT/asserted Vela>Ruritania"}},
	// attackObject, readyFor
	{"preparing an offensive", "{The Ruritanian army:RURMIL} is preparing a new offensive against {the rebels:SYRREB}.",
		[]string{"preparing/MOBILIZE/asserted The Ruritanian army>the rebels"}},
	// (a pattern of the verb decides before the rule: "prepare a
	// report" is the Dictionary's 090)
	{"preparing a report", "{The Ruritanian army:RURMIL} is preparing a report for {Vela:ESPGOV}.",
		[]string{"preparing/ACCUSE/asserted The Ruritanian army>Vela"}},
	{"preparing a meal", "{The Ruritanian army:RURMIL} is preparing a meal for {Vela:ESPGOV}.",
		[]string{"preparing/AGREE/asserted The Ruritanian army>Vela"}},
	{"be prepared for", "{The Ruritanian army:RURMIL} is prepared for a long winter.",
		nil},
	// execute
	{"executing people", "{The rebels:SYRREB} executed dozens of prisoners near <@Homs>.",
		[]string{"executed/ASSAULT/asserted The rebels>Homs"}},
	{"executing a plan", "{The Ruritanian army:RURMIL} executed its plan near <@Homs>.",
		nil},
	// adverbialClause
	{"adverbial clause with its own subject", "{The rebels:SYRREB} executed captives as {Ruritanian troops:RURMIL} neared <@Homs>.",
		[]string{"executed/ASSAULT/asserted The rebels>-"}},
	{"such as is no clause", "{The rebels:SYRREB} attacked towns such as <@Homs>.",
		[]string{"attacked/ASSAULT/asserted The rebels>Homs"}},
	// transferVerbs
	{"gerund object of a giving verb", "{NATO:IGOWSTNAT} will offer training for new recruits.",
		[]string{"offer/AGREE/future NATO>-"}},
	// uncodedModifier
	{"uncoded name modifying a noun", "{NATO:IGOWSTNAT} will offer help with {TNT:} disposal.",
		[]string{"offer/AGREE/future NATO>-"}},
	{"uncoded name before a person noun", "{Ruritania:RUR} detained a {Tartus:} man.",
		[]string{"detained/COERCE/asserted Ruritania>Tartus"}},
	{"pronoun subject of a reported clause", "{The Ruritanian police:RURCOP} said they had arrested {Vela:ESPGOV}.",
		[]string{"arrested/COERCE/asserted The Ruritanian police>Vela"}},
	{"uncoded name ending the sentence", "{Ruritania:RUR} will offer help to {Tartus:}",
		[]string{"offer/AGREE/future Ruritania>Tartus"}},
	{"coded name before a noun", "{Ruritania:RUR} attacked {Hezbollah:LBNREB} fighters.",
		[]string{"attacked/ASSAULT/asserted Ruritania>Hezbollah"}},
	// indirectQuestion
	{"how to", "{Vela:ESPGOV} said the talks turn on how to govern the freed towns.",
		nil},
	// agentless passives of need and plan
	{"passive need", "{Vela:ESPGOV} said more troops may be needed.",
		nil},
	{"passive plan", "{Vela:ESPGOV} visited <Homs>, from where new attacks are planned.",
		[]string{"visited/CONSULT/asserted Vela>Homs"}},
	{"passive plan with an agent", "Attacks on <Homs> were planned by {the rebels:SYRREB}.",
		[]string{"Attacks/ASSAULT/asserted ->Homs", "planned/THREATEN/asserted the rebels>Homs"}},
	{"need to", "{Vela:ESPGOV}: we need to make sure the truce holds.",
		nil},
	// nounSubject
	{"reported clause with a noun subject", "{Vela:ESPGOV}, a spokesman, said its artillery was shelling {the rebels:SYRREB}.",
		[]string{"shelling/ASSAULT/asserted ->the rebels"}},
	{"reported clause with a country word", "{Vela:ESPGOV} said the kingdom will defend <Homs>.",
		[]string{"defend/AID/future Vela>Homs"}},
	{"announced plans to", "{Ruritania:RUR} announced plans to send troops to {Freedonia:FRD}.",
		[]string{"send/COOPERATE/future Ruritania>Freedonia"}},
	// aheadOfEffort
	{"ahead of an effort", "{Ruritania:RUR} sent jets to <Homs> in advance of the effort to retake <@Tartus>.",
		[]string{"sent/COOPERATE/asserted Ruritania>Homs", "retake/ASSAULT/future Ruritania>Tartus"}},
	// participleClause
	{"comma and participle", "{Ruritania:RUR} will send jets to bomb depots, building camps to shelter wounded {Freedonian:FRD} soldiers.",
		[]string{"send/COOPERATE/future Ruritania>-", "bomb/COERCE/future Ruritania>-", "building/AID/asserted Ruritania>-", "shelter/AID/asserted Ruritania>Freedonian"}},
	{"comma and hyphenated participle", "{Ruritania:RUR} will send jets to hit depots, setting-up camps for wounded {Freedonian:FRD} soldiers.",
		[]string{"send/COOPERATE/future Ruritania>-", "hit/ASSAULT/future Ruritania>-"}},
	// thingSubject: a reporter is not the doer of a clause whose
	// subject is a thing
	{"thing as subject", "{Vela:ESPGOV} said better radar coverage would give {Ruritania:RUR} an edge.",
		[]string{"give/COOPERATE/future ->Ruritania"}},
	{"event noun as subject", "{Vela:ESPGOV} said that an offensive on <@Homs> should begin soon.",
		[]string{"begin/ASSAULT/hypothetical Vela>Homs"}},
	{"body as subject", "{Vela:ESPGOV} said the ministry would send envoys to {Ruritania:RUR}.",
		[]string{"send/CONSULT/future Vela>Ruritania"}},
	// prospect
	{"opportunity to", "{Vela:ESPGOV} sees a new chance to strike {the rebels:SYRREB}.",
		nil},
	// verbs of degree as support verbs; advising forces
	{"intensify airstrikes", "{Ruritania:RUR} will intensify its airstrikes on {the rebels:SYRREB}.",
		[]string{"intensify/ASSAULT/future Ruritania>the rebels"}},
	{"advise troops", "{Ruritanian officers:RURMIL} advise {Freedonian troops:FRDMIL} near <@Homs>.",
		[]string{"advise/AID/asserted Ruritanian officers>Freedonian troops"}},
	{"advise a government", "{Vela:ESPGOV} advised {Ruritania:RUR} to sign the truce.",
		[]string{"advised/REQUEST/asserted Vela>Ruritania", "sign/RETREAT/asserted Ruritania>-"}},
	// splitNameCompounds: "X-led", "X-backed" name X
	{"name-led compound", "The {Freedonian:FRD}-led alliance will attack <@Homs>.",
		[]string{"attack/ASSAULT/future Freedonian>Homs"}},
	{"name-backed compound", "{Freedonia:FRD}-backed {Tartus militias:FRDMIL} shelled <@Homs>.",
		[]string{"backed/SUPPORT/asserted Freedonia>Tartus militias", "shelled/ASSAULT/asserted Tartus militias>Homs"}},
	// inMidstOf
	{"in the third week of a siege", "{Ruritanian troops:RURMIL} were in the third week of a siege against {the rebels:SYRREB} in <@Homs>.",
		[]string{"siege/COERCE/asserted Ruritanian troops>the rebels"}},
}

// TestUniqueParties: two mentions of one actor in a list are one party.
func TestUniqueParties(t *testing.T) {
	s := sent(t, "{Ruritania:RUR} sent arms to {the Kurdish:KURMIL} {Peshmerga:KURMIL}.")
	s.Actors[2].ID = s.Actors[1].ID // one actor, two mentions
	evs := NewCoder().Code(s, nil)
	e := find(t, evs, "sent")
	if len(e.AllTargets) > 1 {
		t.Errorf("targets %v: one actor listed twice", e.AllTargets)
	}
	if got := uniqueParties([]Party{{Actor: 1}, {Actor: 2}, {Actor: 1}, {GeonamesID: 5}, {GeonamesID: 5}}); len(got) != 3 {
		t.Errorf("uniqueParties kept %d, want 3", len(got))
	}
}

// TestOpeningLocative: a country named in a locative phrase that opens
// the clause, set off by a comma, is the scene, not the subject ("In
// Freedonia, the alliance is allied with ..."). Sentences written for the
// test; a country is a place too, as the analysis marks it.
func TestOpeningLocative(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"opening phrase", "In {Freedonia:FRD}, the alliance is allied with {the Ruritanian army:RURMIL}.", "allied/SUPPORT/asserted ->the Ruritanian army"},
		{"subject after the phrase", "In {Freedonia:FRD}, {Ruritania:RUR} is allied with {the Tartus militia:FRDMIL}.", "allied/SUPPORT/asserted Ruritania>the Tartus militia"},
		{"country as subject", "{Freedonia:FRD} is allied with {the Ruritanian army:RURMIL}.", "allied/SUPPORT/asserted Freedonia>the Ruritanian army"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(t, tc.text)
			for _, a := range s.Actors {
				if len(a.Code) == 3 {
					w := s.Text[a.Start:a.End]
					s.Places = append(s.Places, PlaceMention{Span: a.Span, Name: w, GeonamesID: placeID(w)})
				}
			}
			if got := strings.Join(evList(s), "; "); got != tc.want {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}
