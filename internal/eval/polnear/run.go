package polnear

import "github.com/sitrep/sitrep/internal/quote"

// Predict runs the quote extractor on an article (with its own sentence
// splitter and no entity mentions) and converts the quotes to predictions.
func Predict(a *Article) []Prediction {
	qs := quote.Extract(a.Text, nil, nil)
	out := make([]Prediction, 0, len(qs))
	for _, q := range qs {
		p := Prediction{}
		if len(q.Parts) > 0 {
			for _, s := range q.Parts {
				p.Content = append(p.Content, Span{s.Start, s.End})
			}
		} else {
			p.Content = []Span{{q.Start, q.End}}
		}
		if q.SourceStart >= 0 {
			p.Source = []Span{{q.SourceStart, q.SourceEnd}}
		}
		out = append(out, p)
	}
	return out
}

// Evaluate scores the extractor on a set of articles.
func Evaluate(arts []Article) Metrics {
	var c Counts
	for i := range arts {
		Score(&c, arts[i].Text, arts[i].Attributions, Predict(&arts[i]))
	}
	return c.Metrics(len(arts))
}
