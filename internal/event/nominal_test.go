package event

import "testing"

// TestCoderSentenceTypes checks the sentence-level PLOVER type of the
// sentence's main event for the rules of nominal.go, "must", purpose
// clauses, refusals and the code overrides.
func TestCoderSentenceTypes(t *testing.T) {
	tests := []struct{ name, text, want, source string }{
		{"invasion mounted", "{The army:SYRMIL} mounted a full-scale invasion of <Idlib> on Monday.", "ASSAULT", "SYRMIL"},
		{"hunger strike continued", "{The detainees:ISRCVL} continued their hunger strike for a third week.", "PROTEST", "ISRCVL"},
		{"demand reiterated", "{The union:FRALAB} reiterated its demand that {the ministry:FRAGOV} raise wages.", "REQUEST", "FRALAB"},
		{"suspension announced", "{Greece:GRC} announced a suspension of ferry links with {Turkey:TUR}.", "SANCTION", "GRC"},
		{"protest lodged", "{Japan:JPN} lodged a formal protest with {China:CHN} over the ships.", "ACCUSE", "JPN"},
		{"inquiry opened", "{The prosecutor:KENJUD} opened an inquiry into the deaths of the miners.", "ACCUSE", "KENJUD"},
		{"joint exercises", "{Indian:IND} and {French:FRA} warships held joint exercises in the Arabian Sea.", "COOPERATE", "IND"},
		{"one army's drills", "{The navy:CHNMIL} staged live-fire drills near the strait.", "MOBILIZE", "CHNMIL"},
		{"drills at a place", "{Russia:RUS} is conducting military exercises in <Alaska>.", "MOBILIZE", "RUS"},
		{"relations broken off", "{Iraq:IRQ} broke off diplomatic relations with {Syria:SYR}.", "SANCTION", "IRQ"},
		{"cease-fire declared", "{The rebels:COLREB} declared a cease-fire on Sunday.", "RETREAT", "COLREB"},
		{"bombings carried out", "{The militants:IMGISI} carried out bombings in <Kabul>.", "ASSAULT", "IMGISI"},
		{"statement then participle", "{The rebels:COLREB} issued a statement demanding that {the government:COLGOV} free their commander.", "REQUEST", "COLREB"},
		{"must agree", "{The opposition:VEN} said {the president:VENGOV} must agree to new elections.", "REQUEST", "VENGOV"},
		{"purpose clause after must", "{The agency:IGOUNO} said {the army:ETHMIL} must open the roads to allow food to reach the north.", "REQUEST", "ETHMIL"},
		{"will not accept", "{Hungary:HUN} will not accept the quota plan.", "REJECT", "HUN"},
		{"refused to deploy", "{Brazil:BRA} has refused to deploy troops to the border.", "REJECT", "BRA"},
		{"blocked a road", "{Farmers:FRACVL} blocked the main highway with tractors for six hours.", "PROTEST", "FRACVL"},
		{"dismissed an appeal", "{The junta:MLIMIL} dismissed an appeal from {the regional bloc:IGOWAF} to hold elections.", "REJECT", "MLIMIL"},
		{"sued", "{The company:USABUS} is suing {the state:USAGOV} over the fine.", "ACCUSE", "USABUS"},
		{"curfew lifted", "{The governor:NGAGOV} lifted the state of emergency in <Jos> on Sunday.", "CONCEDE", "NGAGOV"},
		{"homes demolished", "{Bulldozers of the army:ISRMIL} demolished six homes in the village.", "COERCE", "ISRMIL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := code(t, tc.text)
			e := mainEvent(evs)
			if e == nil {
				t.Fatalf("no event in %q", tc.text)
			}
			if got := e.SentenceType(); got != tc.want {
				t.Errorf("type %s (cameo %s, verb %q, status %s), want %s", got, e.Cameo, e.Verb, e.Status, tc.want)
			}
			if e.Source.Code != tc.source {
				t.Errorf("source %q (%q), want %s", e.Source.Code, e.Source.Text, tc.source)
			}
		})
	}
}

// TestCoderNoNominalEvent: a support verb without an event noun, or with a
// statement noun, codes no event of its own.
func TestCoderNoNominalEvent(t *testing.T) {
	for _, text := range []string{
		"{The ministry:EGYGOV} issued a statement on Tuesday.",
		"{The council:IGOUNO} held a long session in <Geneva>.",
	} {
		if evs := code(t, text); len(evs) != 0 {
			t.Errorf("%q: coded %s (%q)", text, evs[0].Type, evs[0].Verb)
		}
	}
}

// mainEvent is the first event neither governed by another verb nor in a
// subordinate clause (as the evaluation's Main).
func mainEvent(evs []Event) *Event {
	for i := range evs {
		if !evs[i].Embedded && !evs[i].Subordinate {
			return &evs[i]
		}
	}
	if len(evs) > 0 {
		return &evs[0]
	}
	return nil
}

// TestCoderModifiersAndRoles: words used as modifiers code no event, and
// the roles skip titles and appositives.
func TestCoderModifiersAndRoles(t *testing.T) {
	none := []struct{ text, word string }{
		{"{The ministry:GBRGOV} is meeting leaders of allied countries in <London>.", "allied"},
		{"{The rebels:SDNREB} are getting better and better at that.", "better"},
		{"{Italy:ITA}, a key {EU:IGOEU} ally, said nothing.", "ally"},
		{"{The town:IRQ} has been under {IS:IMGISI} control since 2014.", "control"},
		{"{He:USAMIL} died of wounds from an explosion linked to a roadside bomb.", "linked"},
		// sources, participles as adjectives, verbs of many senses
		{"{The army:NGAMIL} shelled <Maiduguri>, according to {residents:NGACVL}.", "according"},
		{"Armed men stormed {the embassy:FRAGOV} in <Tripoli>.", "Armed"},
		{"{Police:KENCOP} detained two suspected militants near <Garissa>.", "suspected"},
		{"{The ceremony:GBR} took place in <London> as {the queen:GBRGOV} watched.", "took"},
		{"{The minister:ZAFGOV} is facing a difficult election in <Durban>.", "facing"},
		{"{The president:BRAGOV} went to <Rome> last week.", "went"},
		{"{Thousands of protesters:HUNCVL} gathered outside {parliament:HUNLEG}.", "gathered"},
		// light verbs before "to" tell of another happening
		{"{The minister:GBRGOV} is expected to speak to {business leaders:GBRBUS} on Wednesday.", "expected"},
		{"{The government:PHLGOV} signed a code aimed at ending the dispute with {China:CHN}.", "aimed"},
	}
	for _, tc := range none {
		for _, e := range code(t, tc.text) {
			if e.Verb == tc.word {
				t.Errorf("%q: coded %s from %q", tc.text, e.Type, e.Verb)
			}
		}
	}
	// a purpose after "aimed at" is no happening yet
	for _, e := range code(t, "{Norway:NOR} hosted talks aimed at ending {the rebels:COLREB}' war.") {
		if e.Verb == "ending" && (!e.Embedded || e.Status != Future) {
			t.Errorf("ending: embedded %v, status %s; want embedded future", e.Embedded, e.Status)
		}
	}
	roles := []struct{ text, verb, source, target string }{
		{"{The minister:USAGOV} met {Kurdish:KUR} leader {Massoud Barzani:IRQKURGOV} in <Erbil>.", "met", "USAGOV", "IRQKURGOV"},
		{"{General Smith:USAMIL}, commander of the {U.S.-led:USA} coalition, visited <Erbil> on Sunday.", "visited", "USAMIL", ""},
		// a participle after a comma or "and" is still a verb
		{"{The president:SLEGOV}, who called for a truce, criticized {Vietnam:VNM}.", "criticized", "SLEGOV", "VNM"},
		{"{The rebels:SYRREB} shelled the town and killed {civilians:SYRCVL}.", "killed", "SYRREB", "SYRCVL"},
		{"Armed with rifles, {the gunmen:NGAREB} attacked {the village:NGACVL}.", "attacked", "NGAREB", "NGACVL"},
		// a pattern still codes a verb that has none of its own
		{"{Rebels:COLREB} took {two soldiers:COLMIL} hostage.", "took", "COLREB", "COLMIL"},
	}
	for _, tc := range roles {
		e := find(t, code(t, tc.text), tc.verb)
		if e.Source.Code != tc.source || tc.target != "" && e.Target.Code != tc.target {
			t.Errorf("%q: %s → %s, want %s → %s", tc.text, e.Source.Code, e.Target.Code, tc.source, tc.target)
		}
	}
}

// TestCoderNounSubject: an event noun as the subject of a verb telling it
// goes on or begins is the event, with the noun's roles.
func TestCoderNounSubject(t *testing.T) {
	tests := []struct{ text, typ, source, target string }{
		{"The attack on <Mosul> began at dawn.", "ASSAULT", "", "Mosul"},
		{"{Kenyan:KEN} protests against the tax are still continuing in the capital.", "PROTEST", "KEN", ""},
	}
	for _, tc := range tests {
		e := mainEvent(code(t, tc.text))
		if e == nil {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		if e.Type != tc.typ || e.Source.Code != tc.source || e.Target.Name != tc.target {
			t.Errorf("%q: %s %q → %q, want %s %q → %q", tc.text, e.Type, e.Source.Code, e.Target.Name, tc.typ, tc.source, tc.target)
		}
	}
	// a noun told with a verb of its own is no subject of "continued"
	for _, e := range code(t, "{The army:SYRMIL} shelled the town and {the rebels:SYRREB} continued to fight.") {
		if e.Verb == "continued" {
			t.Errorf("coded %s from %q", e.Type, e.Verb)
		}
	}
}
