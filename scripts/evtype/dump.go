package main

import (
	"encoding/json"
	"os"
	"time"

	evev "github.com/sitrep/sitrep/internal/eval/events"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/event/eventdoc"
)

// Ev is what the features keep of one coded event.
type Ev struct {
	Type, SType, Cameo, Verb, Status, Complement string
	Embedded, Subordinate, Src, Tgt              bool
}

// Rec is one labelled sentence with the coder's reading of it.
type Rec struct {
	Set, ID, Label, Text string
	Events               []Ev
	Main                 int // index into Events, -1 for none
	// Sents are the analysed sentences, for re-coding without the analysis
	Sents []event.Sentence `json:",omitempty"`
}

func code(z *eventdoc.Analyser, c *event.Coder, set, id, label, text string, d time.Time) Rec {
	var evs []event.Event
	sents := z.Sentences(text, d)
	for _, s := range sents {
		evs = c.Code(s, evs)
	}
	r := Rec{Set: set, ID: id, Label: label, Text: text, Main: -1, Sents: sents}
	m := evev.Main(evs)
	for i := range evs {
		e := &evs[i]
		if e == m {
			r.Main = i
		}
		r.Events = append(r.Events, Ev{Type: e.Type, SType: e.SentenceType(), Cameo: e.Cameo, Verb: e.Verb, Status: e.Status,
			Complement: e.Complement, Embedded: e.Embedded, Subordinate: e.Subordinate, Src: e.Source.Text != "", Tgt: e.Target.Text != ""})
	}
	return r
}

func petrLabel(r evev.PetrRecord) string {
	if len(r.Events) == 0 {
		return ""
	}
	t, _, _, ok := event.Plover(r.Events[0].Code)
	if !ok {
		return ""
	}
	return t
}

// dump codes every record of the sets and writes them as JSON lines.
func dump(dir, out string, silver bool) error {
	z := eventdoc.NewAnalyser()
	c := event.NewCoder()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	dev, err := evev.LoadPlover(dir, "dev")
	if err != nil {
		return err
	}
	for _, r := range dev {
		d, _ := time.Parse("2006-01-02", r.Date)
		if err := enc.Encode(code(z, c, "dev", r.ID, r.Type, r.Text, d)); err != nil {
			return err
		}
	}
	for _, p := range []struct{ set, file string }{{"petr2", "petrarch2_gsr_validation.jsonl"}, {"unit", "petrarch2_unittest.jsonl"}} {
		recs, err := evev.LoadPetr(dir, p.file)
		if err != nil {
			return err
		}
		for _, r := range recs {
			d, _ := time.Parse("20060102", r.Date)
			if err := enc.Encode(code(z, c, p.set, r.ID, petrLabel(r), r.Text, d)); err != nil {
				return err
			}
		}
	}
	if silver {
		recs, err := evev.LoadSilver(dir, 1)
		if err != nil {
			return err
		}
		for _, r := range recs {
			d, _ := time.Parse("2006-01-02", r.Date)
			if err := enc.Encode(code(z, c, "silver", r.ID, r.Type, r.Text, d)); err != nil {
				return err
			}
		}
	}
	return nil
}
