package event

import (
	"strings"
	"testing"
	"time"
)

// sent builds a Sentence from a marked-up text: {words:CODE} is an actor
// (CODE may be empty), <words> a place (<@words>: a site, PlaceMention.Site), [words=VALUE] a time expression.
// Actor ids are their order of appearance, from 1.
func sent(t testing.TB, marked string) Sentence {
	t.Helper()
	var b strings.Builder
	s := Sentence{Published: time.Date(2016, 10, 25, 0, 0, 0, 0, time.UTC)}
	for i := 0; i < len(marked); {
		c := marked[i]
		var end byte
		switch c {
		case '{':
			end = '}'
		case '<':
			end = '>'
		case '[':
			end = ']'
		default:
			b.WriteByte(c)
			i++
			continue
		}
		j := strings.IndexByte(marked[i:], end)
		if j < 0 {
			t.Fatalf("unclosed %c in %q", c, marked)
		}
		body := marked[i+1 : i+j]
		i += j + 1
		start := b.Len()
		switch c {
		case '{':
			words, code, _ := strings.Cut(body, ":")
			b.WriteString(words)
			s.Actors = append(s.Actors, ActorMention{Span: Span{start, b.Len()}, ID: int64(len(s.Actors) + 1), Name: words, Code: code})
		case '<':
			// <@name>: a place that only tells where (a city, not a
			// government)
			site := strings.HasPrefix(body, "@")
			body = strings.TrimPrefix(body, "@")
			b.WriteString(body)
			s.Places = append(s.Places, PlaceMention{Span: Span{start, b.Len()}, Name: body, GeonamesID: placeID(body), Country: "IQ", Site: site})
		case '[':
			words, val, _ := strings.Cut(body, "=")
			b.WriteString(words)
			s.Times = append(s.Times, TimeMention{Span: Span{start, b.Len()}, Value: val})
		}
	}
	s.Text = b.String()
	s.Span = Span{0, len(s.Text)}
	return s
}

// code codes one marked-up sentence.
func code(t testing.TB, marked string) []Event {
	t.Helper()
	return NewCoder().Code(sent(t, marked), nil)
}

// find returns the event whose verb is verb, or fails.
func find(t *testing.T, evs []Event, verb string) Event {
	t.Helper()
	for _, e := range evs {
		if e.Verb == verb {
			return e
		}
	}
	t.Fatalf("no event with verb %q in %+v", verb, verbsOf(evs))
	return Event{}
}

func verbsOf(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Verb+"/"+e.Type+"/"+e.Status)
	}
	return out
}

// placeID gives each place name its own id.
func placeID(name string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint32(name[i])) * 16777619
	}
	return h%1000000 + 1
}
