package sqlite

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

// The binary form of a coded event's body (eventcodec.go), field after
// field in a fixed order: integers as varints, strings and floats (in
// their shortest exact decimal form) with their length, lists with their
// length plus one (0 for none, so that a nil list and an empty one stay
// apart, as they do in JSON). A zstd frame of the JSON, as stored before,
// was about 250 bytes an event even against a dictionary, and cost tens of
// µs to write; this is about 100 and costs one. TestEventBinaryCoversRecord
// fails when event.Record gains a field this does not write.

type binWriter struct{ b []byte }

func (w *binWriter) uint(x uint64) { w.b = binary.AppendUvarint(w.b, x) }
func (w *binWriter) int(x int64)   { w.b = binary.AppendVarint(w.b, x) }
func (w *binWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *binWriter) float(f float64) {
	if f == 0 && !math.Signbit(f) {
		w.uint(0)
		return
	}
	w.str(strconv.FormatFloat(f, 'g', -1, 64))
}
func (w *binWriter) span(s event.Span) { w.int(int64(s.Start)); w.int(int64(s.End)) }

// count writes a list's length plus one, 0 for a nil list.
func (w *binWriter) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *binWriter) party(p *event.Party) {
	same := p.Name == p.Text
	if same {
		w.uint(1)
	} else {
		w.uint(0)
		w.str(p.Name)
	}
	w.str(p.Text)
	w.int(p.Actor)
	w.str(p.Code)
	w.uint(uint64(p.GeonamesID))
	w.span(p.Span)
}

func (w *binWriter) parties(ps []event.Party) {
	w.count(len(ps), ps == nil)
	for i := range ps {
		w.party(&ps[i])
	}
}

// mention writes m, less the fields of derived (they are its article's).
func (w *binWriter) mention(m *event.MentionRef, derived uint8) {
	w.int(m.Article)
	w.int(int64(m.Sentence))
	w.span(m.Span)
	w.span(m.Verb)
	flags := uint64(derived)
	if m.Published != nil {
		flags |= 1 << 4
	}
	w.uint(flags)
	if derived&derivedOutlet == 0 {
		w.str(m.Outlet)
	}
	if derived&derivedText == 0 {
		w.str(m.Text)
	}
	if derived&derivedPublished == 0 && m.Published != nil {
		w.str(m.Published.Format(time.RFC3339Nano))
	}
	if derived&derivedURL == 0 {
		w.str(m.URL)
	}
	w.str(m.Status)
}

type binReader struct {
	b   []byte
	err error
}

var errShortBody = errors.New("coded event body cut short")

func (r *binReader) uint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *binReader) int() int64 {
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *binReader) fail() {
	if r.err == nil {
		r.err = errShortBody
	}
	r.b = nil
}

func (r *binReader) str() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *binReader) float() float64 {
	s := r.str()
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && r.err == nil {
		r.err = err
	}
	return f
}

func (r *binReader) span() event.Span {
	return event.Span{Start: int(r.int()), End: int(r.int())}
}

// count reads a list's length; nil for none.
func (r *binReader) count() (n int, isNil bool) {
	c := r.uint()
	if c == 0 {
		return 0, true
	}
	if c-1 > uint64(len(r.b)) { // every element takes a byte at least
		r.fail()
		return 0, true
	}
	return int(c - 1), false
}

func (r *binReader) party() event.Party {
	var p event.Party
	same := r.uint() == 1
	if !same {
		p.Name = r.str()
	}
	p.Text = r.str()
	if same {
		p.Name = p.Text
	}
	p.Actor = r.int()
	p.Code = r.str()
	p.GeonamesID = uint32(r.uint())
	p.Span = r.span()
	return p
}

func (r *binReader) parties() []event.Party {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	ps := make([]event.Party, n)
	for i := range ps {
		ps[i] = r.party()
	}
	return ps
}

// mention reads a mention and which of its fields are its article's.
func (r *binReader) mention() (event.MentionRef, uint8) {
	var m event.MentionRef
	m.Article = r.int()
	m.Sentence = int(r.int())
	m.Span = r.span()
	m.Verb = r.span()
	flags := r.uint()
	derived := uint8(flags & 0xf)
	if derived&derivedOutlet == 0 {
		m.Outlet = r.str()
	}
	if derived&derivedText == 0 {
		m.Text = r.str()
	}
	if derived&derivedPublished == 0 && flags&(1<<4) != 0 {
		t, err := time.Parse(time.RFC3339Nano, r.str())
		if err != nil && r.err == nil {
			r.err = err
		}
		m.Published = &t
	}
	if derived&derivedURL == 0 {
		m.URL = r.str()
	}
	m.Status = r.str()
	return m, derived
}

// appendEventBinary appends the binary form of r (its id and story left
// out: the row holds them), its mentions less the fields derived gives
// (per mention, then the first report's), the first report as an index
// (1 + the mention it equals) when first > 0.
func appendEventBinary(b []byte, r *event.Record, derived []uint8, first int, firstDerived uint8) []byte {
	w := &binWriter{b: b}
	w.party(&r.Source)
	w.party(&r.Target)
	w.parties(r.AllSources)
	w.parties(r.AllTargets)
	for _, s := range []string{r.Type, r.Mode, r.Context, r.Cameo, r.CameoRoot} {
		w.str(s)
	}
	w.int(int64(r.QuadClass))
	w.float(r.Goldstein)
	w.str(r.Verb)
	if r.Place == nil {
		w.uint(0)
	} else {
		p := r.Place
		stated := uint64(1)
		if p.Stated {
			stated = 2
		}
		w.uint(stated)
		w.str(p.Name)
		w.uint(uint64(p.GeonamesID))
		w.float(p.Lat)
		w.float(p.Lon)
		w.str(p.Country)
	}
	w.str(r.Date)
	w.str(r.Precision)
	var bools uint64
	for i, v := range []bool{r.Estimated, r.Negated, r.Hypothetical} {
		if v {
			bools |= 1 << i
		}
	}
	w.uint(bools)
	w.str(r.Status)
	q := r.Quantities
	w.int(int64(q.Killed))
	w.int(int64(q.Wounded))
	w.int(int64(q.Troops))
	w.float(q.Money)
	w.str(q.Currency)
	w.count(len(r.Mentions), r.Mentions == nil)
	for i := range r.Mentions {
		w.mention(&r.Mentions[i], derived[i])
	}
	w.int(int64(r.NumMentions))
	w.int(int64(r.Articles))
	w.int(int64(r.Sources))
	w.uint(uint64(first))
	if first == 0 {
		w.mention(&r.FirstReport, firstDerived)
	}
	w.count(len(r.Disagreements), r.Disagreements == nil)
	for _, k := range slices.Sorted(mapKeys(r.Disagreements)) {
		w.str(k)
		in := r.Disagreements[k]
		w.count(len(in), in == nil)
		for _, k2 := range slices.Sorted(mapKeys(in)) {
			w.str(k2)
			w.str(in[k2])
		}
	}
	return w.b
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// readEventBinary reads what appendEventBinary wrote.
func readEventBinary(b []byte) (parsedEvent, error) {
	var p parsedEvent
	rec := &p.rec
	r := &binReader{b: b}
	rec.Source = r.party()
	rec.Target = r.party()
	rec.AllSources = r.parties()
	rec.AllTargets = r.parties()
	for _, s := range []*string{&rec.Type, &rec.Mode, &rec.Context, &rec.Cameo, &rec.CameoRoot} {
		*s = r.str()
	}
	rec.QuadClass = int(r.int())
	rec.Goldstein = r.float()
	rec.Verb = r.str()
	if stated := r.uint(); stated != 0 {
		rec.Place = &event.Place{Stated: stated == 2}
		rec.Place.Name = r.str()
		rec.Place.GeonamesID = uint32(r.uint())
		rec.Place.Lat = r.float()
		rec.Place.Lon = r.float()
		rec.Place.Country = r.str()
	}
	rec.Date = r.str()
	rec.Precision = r.str()
	bools := r.uint()
	rec.Estimated, rec.Negated, rec.Hypothetical = bools&1 != 0, bools&2 != 0, bools&4 != 0
	rec.Status = r.str()
	rec.Quantities.Killed = int(r.int())
	rec.Quantities.Wounded = int(r.int())
	rec.Quantities.Troops = int(r.int())
	rec.Quantities.Money = r.float()
	rec.Quantities.Currency = r.str()
	if n, isNil := r.count(); !isNil {
		rec.Mentions = make([]event.MentionRef, n)
		p.derived = make([]uint8, n)
		for i := range rec.Mentions {
			rec.Mentions[i], p.derived[i] = r.mention()
		}
	}
	rec.NumMentions = int(r.int())
	rec.Articles = int(r.int())
	rec.Sources = int(r.int())
	p.first = int(r.uint())
	if p.first == 0 {
		rec.FirstReport, p.firstDerived = r.mention()
	}
	if n, isNil := r.count(); !isNil {
		rec.Disagreements = make(map[string]map[string]string, n)
		for range n {
			k := r.str()
			var in map[string]string
			if n2, isNil := r.count(); !isNil {
				in = make(map[string]string, n2)
				for range n2 {
					k2 := r.str()
					in[k2] = r.str()
				}
			}
			rec.Disagreements[k] = in
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("coded event body: bytes left over")
	}
	return p, r.err
}
