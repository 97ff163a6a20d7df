package timeml

import "strings"

// Span is a system time expression to be scored.
type Span struct {
	Start, End int
	Type       string
	Value      string
	Rule       string // the recogniser's rule, for error analysis
}

// Counts accumulates matches over documents.
type Counts struct {
	Gold, System            int
	StrictSys, StrictGold   int // system (gold) expressions with an exact-extent partner
	RelaxedSys, RelaxedGold int // system (gold) expressions overlapping a partner
	Pairs                   int // relaxed gold–system pairs scored for attributes
	TypeOK, ValueOK         int
}

// Mismatch describes one error, for development.
type Mismatch struct {
	Doc     string
	Kind    string // "missed", "spurious", "extent", "value", "type"
	Gold    string // text [type value]
	System  string
	Context string
}

// Metrics are the TempEval-3 figures (0–1).
type Metrics struct {
	Docs                       int     `json:"docs"`
	Gold                       int     `json:"gold"`
	System                     int     `json:"system"`
	StrictP, StrictR, StrictF1 float64 `json:"-"`
	RelaxedP, RelaxedR         float64 `json:"-"`
	RelaxedF1                  float64 `json:"-"`
	TypeAccuracy               float64 `json:"-"`
	ValueAccuracy              float64 `json:"-"`
	TypeF1, ValueF1            float64 `json:"-"`
	ValueP, ValueR             float64 `json:"-"`
}

// trim shrinks [s,e) of text to exclude surrounding white space.
func trim(text string, s, e int) (int, int) {
	for s < e && strings.ContainsRune(" \t\r\n", rune(text[s])) {
		s++
	}
	for e > s && strings.ContainsRune(" \t\r\n", rune(text[e-1])) {
		e--
	}
	return s, e
}

// Add scores one document's system spans against its gold timexes.
// Strict: identical extent. Relaxed: any character overlap. Each gold
// timex is paired with the overlapping system span of largest overlap for
// the attribute scores.
func (c *Counts) Add(d *Doc, sys []Span, mism *[]Mismatch) {
	c.Gold += len(d.Timexes)
	c.System += len(sys)
	gs := make([][2]int, len(d.Timexes))
	for i, g := range d.Timexes {
		s, e := trim(d.Text, g.Start, g.End)
		gs[i] = [2]int{s, e}
	}
	ss := make([][2]int, len(sys))
	for i, x := range sys {
		s, e := trim(d.Text, x.Start, x.End)
		ss[i] = [2]int{s, e}
	}
	overlap := func(a, b [2]int) int {
		s, e := max(a[0], b[0]), min(a[1], b[1])
		return e - s
	}
	for i := range ss {
		strict, relaxed := false, false
		for j := range gs {
			if ss[i] == gs[j] {
				strict = true
			}
			if overlap(ss[i], gs[j]) > 0 {
				relaxed = true
			}
		}
		if strict {
			c.StrictSys++
		}
		if relaxed {
			c.RelaxedSys++
		} else if mism != nil {
			*mism = append(*mism, Mismatch{Doc: d.Name, Kind: "spurious", System: desc(d.Text, ss[i], sys[i].Type, sys[i].Value), Context: ctx(d.Text, ss[i])})
		}
	}
	for j, g := range d.Timexes {
		best, bo := -1, 0
		strict := false
		for i := range ss {
			if ss[i] == gs[j] {
				strict = true
			}
			if o := overlap(ss[i], gs[j]); o > bo {
				best, bo = i, o
			}
		}
		if strict {
			c.StrictGold++
		}
		if best < 0 {
			if mism != nil {
				*mism = append(*mism, Mismatch{Doc: d.Name, Kind: "missed", Gold: desc(d.Text, gs[j], g.Type, g.Value), Context: ctx(d.Text, gs[j])})
			}
			continue
		}
		c.RelaxedGold++
		c.Pairs++
		x := sys[best]
		if x.Type == g.Type {
			c.TypeOK++
		}
		if x.Value == g.Value {
			c.ValueOK++
		}
		if mism != nil {
			kind := ""
			switch {
			case x.Value != g.Value:
				kind = "value"
			case x.Type != g.Type:
				kind = "type"
			case !strict:
				kind = "extent"
			}
			if kind != "" {
				*mism = append(*mism, Mismatch{Doc: d.Name, Kind: kind, Gold: desc(d.Text, gs[j], g.Type, g.Value), System: desc(d.Text, ss[best], x.Type, x.Value) + " " + x.Rule, Context: ctx(d.Text, gs[j])})
			}
		}
	}
}

func desc(text string, sp [2]int, typ, val string) string {
	return "\"" + text[sp[0]:sp[1]] + "\" [" + typ + " " + val + "]"
}

func ctx(text string, sp [2]int) string {
	s, e := max(0, sp[0]-60), min(len(text), sp[1]+60)
	return strings.Join(strings.Fields(text[s:e]), " ")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Metrics computes the TempEval-3 figures. Attribute F1 = relaxed F1 ×
// attribute accuracy, where the accuracy is over relaxed-matched pairs;
// the attribute P and R are the relaxed P and R times the accuracy.
func (c *Counts) Metrics() Metrics {
	m := Metrics{Gold: c.Gold, System: c.System}
	m.StrictP, m.StrictR = ratio(c.StrictSys, c.System), ratio(c.StrictGold, c.Gold)
	m.StrictF1 = f1(m.StrictP, m.StrictR)
	m.RelaxedP, m.RelaxedR = ratio(c.RelaxedSys, c.System), ratio(c.RelaxedGold, c.Gold)
	m.RelaxedF1 = f1(m.RelaxedP, m.RelaxedR)
	m.TypeAccuracy = ratio(c.TypeOK, c.Pairs)
	m.ValueAccuracy = ratio(c.ValueOK, c.Pairs)
	m.TypeF1 = m.RelaxedF1 * m.TypeAccuracy
	m.ValueF1 = m.RelaxedF1 * m.ValueAccuracy
	m.ValueP, m.ValueR = m.RelaxedP*m.ValueAccuracy, m.RelaxedR*m.ValueAccuracy
	return m
}
