package event

import (
	"strings"
	"testing"
)

func TestCoderRoles(t *testing.T) {
	tests := []struct {
		name, text, verb      string
		typ, source, target   string
		status, place, date   string
		estimated, targetIsPl bool
	}{
		{name: "attack on a place", text: "{Iraqi troops:IRQMIL} attacked <Bashiqa> [on Sunday=2016-10-23].", verb: "attacked",
			typ: "ASSAULT", source: "IRQMIL", target: "Bashiqa", status: Asserted, place: "Bashiqa", date: "2016-10-23", targetIsPl: true},
		{name: "passive with agent", text: "{Yazidi villagers:IRQCVL} were attacked by {Islamic State:IMGISI} near <Sinjar>.", verb: "attacked",
			typ: "ASSAULT", source: "IMGISI", target: "IRQCVL", status: Asserted, place: "Sinjar", date: "2016-10-25", estimated: false},
		{name: "meeting", text: "{Ashton Carter:USAGOV} met {Massoud Barzani:IRQKURGOV} in <Erbil> [on Friday=2016-10-21].", verb: "met",
			typ: "CONSULT", source: "USAGOV", target: "IRQKURGOV", status: Asserted, place: "Erbil", date: "2016-10-21"},
		{name: "visit", text: "{The defence secretary:USAGOV} visited <Baghdad> [on Monday=2016-10-24].", verb: "visited",
			typ: "CONSULT", source: "USAGOV", target: "Baghdad", status: Asserted, place: "Baghdad", date: "2016-10-24", targetIsPl: true},
		{name: "negated", text: "{Moscow:RUS} did not attack {Kiev:UKR}.", verb: "attack",
			typ: "ASSAULT", source: "RUS", target: "UKR", status: Negated},
		{name: "future", text: "{The army:IRQMIL} will attack {the militants:IMGISI} within days.", verb: "attack",
			typ: "ASSAULT", source: "IRQMIL", target: "IMGISI", status: Future},
		{name: "accusation", text: "{Turkey:TUR} accused {the Kurdish militia:KURIRG} of shelling <Azaz>.", verb: "accused",
			typ: "ACCUSE", source: "TUR", target: "KURIRG", status: Asserted},
		{name: "fortification", text: "{The militants:IMGISI} dug trenches around <Mosul>.", verb: "dug",
			typ: "MOBILIZE", source: "IMGISI", target: "Mosul", status: Asserted, place: "Mosul", targetIsPl: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := find(t, code(t, tc.text), tc.verb)
			if e.Type != tc.typ {
				t.Errorf("type %s (cameo %s), want %s", e.Type, e.Cameo, tc.typ)
			}
			if got := e.Source.Code; got != tc.source {
				t.Errorf("source %q (%q), want %s", got, e.Source.Text, tc.source)
			}
			got := e.Target.Code
			if tc.targetIsPl {
				got = e.Target.Name
				if e.Target.GeonamesID == 0 {
					t.Errorf("target %q is not the place", e.Target.Text)
				}
			}
			if got != tc.target {
				t.Errorf("target %q (%q), want %s", got, e.Target.Text, tc.target)
			}
			if e.Status != tc.status {
				t.Errorf("status %s, want %s", e.Status, tc.status)
			}
			if tc.place != "" && (e.Place == nil || e.Place.Name != tc.place || !e.Place.Stated) {
				t.Errorf("place %+v, want %s", e.Place, tc.place)
			}
			if tc.date != "" && e.Date != tc.date {
				t.Errorf("date %s, want %s", e.Date, tc.date)
			}
			if e.VerbAt.Start < e.Span.Start || e.VerbAt.End > e.Span.End {
				t.Errorf("verb span %v outside sentence %v", e.VerbAt, e.Span)
			}
		})
	}
}

func TestCoderGovernedVerbs(t *testing.T) {
	evs := code(t, "{Carter:USAGOV} urged {Iraq:IRQ} to attack {the militants:IMGISI} quickly.")
	urge := find(t, evs, "urged")
	if urge.Type != "REQUEST" || urge.Embedded || urge.Target.Code != "IRQ" {
		t.Errorf("urged: %+v", urge)
	}
	att := find(t, evs, "attack")
	if att.Status != Urged || !att.Embedded || att.Source.Code != "IRQ" || att.Target.Code != "IMGISI" {
		t.Errorf("attack: status %s embedded %v source %s target %s", att.Status, att.Embedded, att.Source.Code, att.Target.Code)
	}
	if urge.Complement != "ASSAULT" {
		t.Errorf("urged governs %q, want ASSAULT", urge.Complement)
	}

	evs = code(t, "{The rebels:SYRREB} denied attacking {the convoy:UNO}.")
	if e := find(t, evs, "attacking"); e.Status != Negated {
		t.Errorf("denied attacking: status %s", e.Status)
	}
	evs = code(t, "{Iran:IRN} threatened to attack {Israel:ISR}.")
	th := find(t, evs, "threatened")
	if th.Type != "THREATEN" {
		t.Errorf("threatened: %s", th.Type)
	}
	if a := find(t, evs, "attack"); a.Status != Future {
		t.Errorf("threatened to attack: status %s", a.Status)
	}
	// a light verb is no event: the verb it governs is
	evs = code(t, "{The army:IRQMIL} decided to attack {the town:IRQ}.")
	if e := find(t, evs, "attack"); e.Embedded || e.Status != Asserted {
		t.Errorf("decided to attack: %+v", e)
	}
	for _, e := range evs {
		if e.Verb == "decided" {
			t.Errorf("light verb coded: %+v", e)
		}
	}
}

func TestCoderCompoundActors(t *testing.T) {
	e := find(t, code(t, "{Iraqi troops:IRQMIL}, {Kurdish forces:KURMIL} and {Shiite militias:SHIIRG} attacked <Bashiqa>."), "attacked")
	if len(e.AllSources) != 3 || e.Source.Code != "IRQMIL" || e.AllSources[2].Code != "SHIIRG" {
		t.Errorf("sources %+v", e.AllSources)
	}
}

func TestCoderQuantities(t *testing.T) {
	e := find(t, code(t, "{Militants:IMGISI} bombed a market in <Baghdad>, killing at least 12 people and wounding 30."), "bombed")
	if e.Quant.Killed != 12 || e.Quant.Wounded != 30 {
		t.Errorf("quantities %+v", e.Quant)
	}
	e = find(t, code(t, "{Three soldiers:IRQMIL} were killed by {a roadside bomb:IMGISI}."), "killed")
	if e.Quant.Troops != 0 || e.Quant.Killed != 3 {
		t.Errorf("three soldiers killed: %+v", e.Quant)
	}
	e = find(t, code(t, "{Washington:USA} will send 600 troops to <Iraq>."), "send")
	if e.Quant.Troops != 600 {
		t.Errorf("troops %+v", e.Quant)
	}
	e = find(t, code(t, "{Japan:JPN} gave {Iraq:IRQ} $5 million in aid in 2016."), "gave")
	if e.Quant.Money != 5e6 || e.Quant.Currency != "USD" || e.Quant.Killed != 0 {
		t.Errorf("money %+v", e.Quant)
	}
}

func TestCoderNoInventedEvents(t *testing.T) {
	long := strings.Repeat("{Iraq:IRQ} attacked <Mosul> and ", 700) + "stopped."
	for name, text := range map[string]string{
		"verbless":       "{Iraq:IRQ} and {Syria:SYR}, two neighbours.",
		"list":           "{Iraq:IRQ}; {Syria:SYR}; {Turkey:TUR}; {Iran:IRN}.",
		"all caps":       "{IRAQI TROOPS:IRQMIL} ATTACK <MOSUL> AS {KURDS:KUR} ADVANCE",
		"german":         "{Die irakische Armee:IRQMIL} griff <Mossul> am Sonntag an.",
		"no actors":      "It rained and the river attacked the banks.",
		"5,000 words":    long,
		"empty":          "",
		"the attack":     "{Iraq:IRQ} condemned the attack.",
		"noun after det": "The attack on <Mosul> was a surprise.",
	} {
		t.Run(name, func(t *testing.T) {
			evs := code(t, text)
			for _, e := range evs {
				if name == "the attack" && e.Verb == "condemned" {
					continue
				}
				t.Errorf("invented event %s/%s from %q", e.Verb, e.Type, text[:min(len(text), 60)])
			}
		})
	}
}

func TestPlover(t *testing.T) {
	for _, tc := range []struct{ cameo, typ string }{{"190", "ASSAULT"}, {"042", "CONSULT"}, {"0874", "RETREAT"}, {"020", "REQUEST"}, {"112", "ACCUSE"}, {"010", ""}} {
		typ, _, _, ok := Plover(tc.cameo)
		if typ != tc.typ || ok != (tc.typ != "") {
			t.Errorf("Plover(%s) = %q %v, want %q", tc.cameo, typ, ok, tc.typ)
		}
	}
	if _, mode, _, _ := Plover("042"); mode != "visit" {
		t.Errorf("042 mode %q", mode)
	}
}

func TestSentenceType(t *testing.T) {
	for _, tc := range []struct {
		e    Event
		want string
	}{
		{Event{Type: "RETREAT", Status: Future}, "AGREE"},
		{Event{Type: "ASSAULT", Status: Future}, "THREATEN"},
		{Event{Type: "RETREAT", Status: Urged}, "REQUEST"},
		{Event{Type: "AID", Status: Negated}, "REJECT"},
		{Event{Type: "AGREE", Complement: "ASSAULT"}, "THREATEN"},
		{Event{Type: "ASSAULT", Status: Asserted}, "ASSAULT"},
	} {
		if got := tc.e.SentenceType(); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.e, got, tc.want)
		}
	}
}

func TestPrecision(t *testing.T) {
	for v, want := range map[string]string{"2016-10-23": PrecisionDay, "2016-10": PrecisionMonth, "2016": PrecisionYear, "2016-W42": PrecisionWeek, "P3D": "", "PRESENT_REF": ""} {
		if got := Precision(v); got != want {
			t.Errorf("Precision(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestEmbeddedDictionary(t *testing.T) {
	d := verbs()
	if len(d.forms) < 1000 || len(d.syns) < 30 {
		t.Fatalf("verb dictionary: %d forms, %d synonym sets", len(d.forms), len(d.syns))
	}
	if VerbClass("raided") == "" || VerbClass("raided") != VerbClass("raid") {
		t.Errorf("raided and raid: %q %q", VerbClass("raided"), VerbClass("raid"))
	}
}

func TestCoderSpeakerAsSource(t *testing.T) {
	s := sent(t, "\"We will attack {the militants:IMGISI} in <Raqqa> soon,\" {Carter:USAGOV} said.")
	s.Speaker = &s.Actors[1]
	s.Quote = Span{1, strings.Index(s.Text, ",")}
	evs := NewCoder().Code(s, nil)
	e := find(t, evs, "attack")
	if e.Source.Code != "USAGOV" || e.Status != Future {
		t.Errorf("source %q status %s, want the speaker USAGOV, future", e.Source.Code, e.Status)
	}
}

// TestCoderSourceNotOwnTarget: a target list that runs on to the speaker
// named again ("an attack on Kirkuk, he said") does not make the speaker
// a target of the attack. Sentence written for the test.
func TestCoderSourceNotOwnTarget(t *testing.T) {
	s := sent(t, "\"We will now launch a joint\" attack on <Kirkuk>, {he:IRQMIL} said.")
	a := s.Actors[0]
	s.Speaker = &a
	s.Quote = Span{1, strings.LastIndex(s.Text, ",")}
	e := find(t, NewCoder().Code(s, nil), "attack")
	if e.Source.Actor != a.ID {
		t.Fatalf("source %+v, want the speaker", e.Source)
	}
	if e.Target.Name != "Kirkuk" {
		t.Errorf("target %q, want Kirkuk", e.Target.Name)
	}
	for _, p := range e.AllTargets {
		if p.Actor == a.ID {
			t.Errorf("the source is among its own targets: %+v", e.AllTargets)
		}
	}
}
