package conll

import "sort"

// Span is one entity: tokens [Start, End) of a sentence, with its type.
type Span struct {
	Start, End int
	Type       string
}

// Spans extracts entities from a tag sequence with conlleval semantics:
// an entity starts at B-X, or at I-X when the previous tag is O or of
// another type (IOB1 and stray I- tags are accepted), and continues over
// I-X tags of the same type.
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i, t := range tags {
		var prefix byte = 'O'
		ty := ""
		if t != "O" && len(t) > 2 {
			prefix, ty = t[0], t[2:]
		}
		if start >= 0 && (prefix == 'O' || prefix == 'B' || ty != typ) {
			out = append(out, Span{start, i, typ})
			start = -1
		}
		if prefix != 'O' && start < 0 {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(tags), typ})
	}
	return out
}

// Counts holds true positives, gold and predicted entity counts.
type Counts struct {
	Correct, Gold, Pred int
}

// Precision is Correct/Pred (0 when nothing was predicted).
func (c Counts) Precision() float64 {
	if c.Pred == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Pred)
}

// Recall is Correct/Gold (0 when there is no gold entity).
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scorer accumulates entity-level counts over many sentences.
type Scorer struct {
	Total   Counts
	PerType map[string]*Counts
}

// NewScorer returns an empty scorer.
func NewScorer() *Scorer { return &Scorer{PerType: map[string]*Counts{}} }

func (s *Scorer) typ(t string) *Counts {
	c := s.PerType[t]
	if c == nil {
		c = &Counts{}
		s.PerType[t] = c
	}
	return c
}

// Add scores one sentence's predicted tags against its gold tags.
func (s *Scorer) Add(gold, pred []string) {
	g, p := Spans(gold), Spans(pred)
	set := make(map[Span]bool, len(g))
	for _, e := range g {
		set[e] = true
		s.Total.Gold++
		s.typ(e.Type).Gold++
	}
	for _, e := range p {
		s.Total.Pred++
		c := s.typ(e.Type)
		c.Pred++
		if set[e] {
			s.Total.Correct++
			c.Correct++
		}
	}
}

// Types lists the entity types seen, sorted.
func (s *Scorer) Types() []string {
	out := make([]string, 0, len(s.PerType))
	for t := range s.PerType {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
