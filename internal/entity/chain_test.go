package entity

import (
	"strings"
	"testing"
)

// TestChainWithRecogniser runs the project's recogniser on invented news
// text and checks the actors that come out of Resolve and a Registry.
func TestChainWithRecogniser(t *testing.T) {
	docs := []string{
		`Nigerian Defence Minister Bello Adamu said on Monday that Nigerian troops had retaken the town of Gwoza from Boko Haram.
Adamu told reporters in Abuja that the militants had fled into the forest. "We will not stop until they are defeated," he said.
The United Nations said thousands of civilians had left the area.`,
		`Defence Minister Bello Adamu visited soldiers in Maiduguri on Thursday, a week after the army recaptured Gwoza.
The minister said the Nigerian army would stay in the region. Boko Haram did not comment.
The UN refugee agency (UNHCR) said camps were full.`,
	}
	reg := NewRegistry()
	for i, src := range docs {
		d := tagDoc(string(rune('a'+i)), src)
		ls := Resolve(d)
		var names []string
		for _, l := range ls {
			names = append(names, l.Name)
		}
		t.Logf("doc %d: %s", i, strings.Join(names, " | "))
		if i == 1 {
			l := byName(t, ls, "Bello Adamu")
			if got := refTexts(d, l, RefRole); len(got) != 1 || got[0] != "The minister" {
				t.Errorf("role references %q, want [The minister]", got)
			}
		}
		reg.Add(d.Key, ls)
	}
	var adamu *Actor
	as := reg.Actors()
	for i := range as {
		if as[i].Name == "Bello Adamu" {
			adamu = &as[i]
		}
	}
	if adamu == nil {
		t.Fatalf("no actor Bello Adamu in %+v", as)
	}
	if len(adamu.Docs) != 2 {
		t.Errorf("Bello Adamu in %d documents, want 2", len(adamu.Docs))
	}
	if adamu.Mentions < 4 {
		t.Errorf("Bello Adamu has %d mentions and references, want at least 4 (two names, a surname, a pronoun)", adamu.Mentions)
	}
	if adamu.Country != "NGA" || len(adamu.Roles) == 0 {
		t.Errorf("Bello Adamu: country %q roles %+v", adamu.Country, adamu.Roles)
	}
	ids := reg.Lookup("Nigerian troops")
	if len(ids) == 0 {
		t.Errorf("no actor for Nigerian troops")
	} else if a, _ := reg.Actor(ids[0]); a.Code != "NGAMIL" {
		t.Errorf("Nigerian troops coded %q, want NGAMIL", a.Code)
	}
	if ids := reg.Lookup("UN"); len(ids) != 1 {
		t.Errorf("UN gives %d actors, want 1", len(ids))
	}
}
