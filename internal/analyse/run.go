package analyse

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/fault"
	"github.com/sitrep/sitrep/internal/text"
)

// Analysis statuses (Annotation.Status).
const (
	Complete    = ""
	Incomplete  = "incomplete"
	NotAnalysed = "not_analysed"
)

// DefaultBudget is the time one document may take by default: a thousand
// times what a long news article needs, so only a pathological document
// (megabytes of one text) ever meets it.
const DefaultBudget = 30 * time.Second

// chunkBytes bounds the text the stages see at once. The quote and entity
// stages look across a whole document (speakers named earlier, one sense
// per document), which costs more than linear time on a document of
// megabytes; cut into chunks at paragraph or sentence ends, a long
// document costs each chunk's bounded time, and the budget is checked
// between chunks. News articles are far shorter and are analysed whole.
const chunkBytes = 64 << 10

// datingBytes bounds the text the publication date is estimated from: the
// first dates of a text are the ones that tell when it was written.
const datingBytes = 1 << 20

// FaultHook, when set, is called at the start of every stage with the
// stage's name and text: tests use it to inject a fault on one article.
var FaultHook func(stage, text string)

// Supported reports whether the analysis knows lang (ISO 639-1): English
// only, for now. An unknown language ("") is analysed: the detector says
// nothing when its evidence is thin, and skipping an English text by
// mistake loses more than analysing a foreign one.
func Supported(lang string) bool { return lang == "" || lang == "en" }

// Annotate analyses in: every stage, chunk by chunk, within the budget.
// It never panics on its input: a stage that does is recorded in Faults.
func (a *Annotator) Annotate(in Input) Annotation {
	start := time.Now()
	s := in.Text
	var out Annotation
	if !Supported(in.Language) {
		// stored, searchable and clustered by its words, but no English
		// model runs on it
		a.sentencesOnly(s, 0, &out)
		out.Status, out.Note = NotAnalysed, "not analysed: "+clean.LanguageName(in.Language)
		return out
	}
	if f := fault.Run("analysis/dating", func() {
		d := in
		if len(d.Text) > datingBytes {
			d.Text = d.Text[:cutAt(d.Text, 0, datingBytes)]
		}
		out.Dating = dating(d)
	}); f != nil {
		out.Faults = append(out.Faults, *f)
	}
	for lo := 0; lo < len(s); {
		if a.Budget > 0 && time.Since(start) > a.Budget {
			out.Status = Incomplete
			out.Note = fmt.Sprintf("time budget %v exceeded: analysed the first %d of %d bytes", a.Budget, lo, len(s))
			a.sentencesOnly(s, lo, &out)
			break
		}
		hi := cutAt(s, lo, chunkBytes)
		var part Annotation
		a.annotateText(s[lo:hi], out.Dating, in.OutletCountry, &part)
		out.merge(&part, lo)
		lo = hi
	}
	if len(out.Faults) > 0 && out.Status == Complete {
		var stages []string
		for _, f := range out.Faults {
			stages = append(stages, f.Stage)
		}
		out.Status, out.Note = Incomplete, "internal fault in "+strings.Join(stages, ", ")
	}
	return out
}

// AnnotateArticle analyses a clean article (its text, date and language)
// and records an estimated publication date on it. The language the
// analysis goes by is the text's own when its words say it clearly
// (markup's lang attributes are often a template's: English words beat a
// lang="de"); when they do not (short or mixed text, a language the
// detector has no words for), the language the document declares decides,
// and with none declared the text is analysed.
func (a *Annotator) AnnotateArticle(art *clean.Article) *Annotation {
	lang := art.TextLanguage() // found by cleaning already, as a rule
	if lang != "" {
		art.Language = lang // what the analysis assumed is what is shown
	} else {
		lang = art.Language
	}
	an := a.Annotate(Input{Text: art.Text, Published: art.Published, PublishedEstimated: art.PublishedEstimated, Language: lang})
	ApplyDating(art, an.Dating)
	return &an
}

// stage runs one stage under a fault boundary.
func (a *Annotator) stage(an *Annotation, name, s string, f func()) {
	name = "analysis/" + name
	if flt := fault.Run(name, func() {
		if FaultHook != nil {
			FaultHook(name, s)
		}
		f()
	}); flt != nil {
		an.Faults = append(an.Faults, *flt)
		// the buffers may hold a half-written state
		a.toks, a.sents = nil, nil
	}
}

// sentencesOnly appends the sentences of s[lo:] and nothing else.
func (a *Annotator) sentencesOnly(s string, lo int, out *Annotation) {
	var part Annotation
	a.stage(&part, "sentences", s[lo:], func() {
		a.toks, a.sents = text.Split(s[lo:], a.toks[:0], a.sents[:0])
		part.Sentences, part.Tokens = make([]Span, len(a.sents)), len(a.toks)
		for i, se := range a.sents {
			part.Sentences[i] = Span{int(se.Start), int(se.End)}
		}
	})
	out.merge(&part, lo)
}

// merge appends p, found in the text from byte off on, to an.
func (an *Annotation) merge(p *Annotation, off int) {
	if off == 0 && len(an.Sentences)+len(an.Mentions)+len(an.Times)+len(an.Quotes)+len(an.Places) == 0 {
		an.take(p)
		return
	}
	ns := len(an.Sentences)
	sh := func(sp Span) Span {
		if sp.Start < 0 {
			return sp
		}
		return Span{sp.Start + off, sp.End + off}
	}
	for _, x := range p.Sentences {
		an.Sentences = append(an.Sentences, sh(x))
	}
	an.Tokens += p.Tokens
	for _, m := range p.Mentions {
		m.Span, m.Sentence = sh(m.Span), m.Sentence+ns
		an.Mentions = append(an.Mentions, m)
	}
	for _, t := range p.Times {
		t.Span, t.Sentence = sh(t.Span), t.Sentence+ns
		an.Times = append(an.Times, t)
	}
	for _, q := range p.Quotes {
		q.Span, q.Cue, q.Source, q.Speaker, q.Sentence = sh(q.Span), sh(q.Cue), sh(q.Source), sh(q.Speaker), q.Sentence+ns
		parts := make([]Span, len(q.Parts))
		for i, x := range q.Parts {
			parts[i] = sh(x)
		}
		q.Parts = parts
		an.Quotes = append(an.Quotes, q)
	}
	for _, pl := range p.Places {
		pl.Span, pl.Sentence = sh(pl.Span), pl.Sentence+ns
		an.Places = append(an.Places, pl)
	}
	an.Faults = append(an.Faults, p.Faults...)
}

// take is merge of the first part at offset 0 into an empty an: p's slices
// become an's (nothing else holds them), as they are — what merge's copy
// would give, down to a nil slice staying nil and each quote's Parts a
// slice of its own, never nil.
func (an *Annotation) take(p *Annotation) {
	if len(p.Sentences) > 0 {
		an.Sentences = p.Sentences
	}
	an.Tokens += p.Tokens
	if len(p.Mentions) > 0 {
		an.Mentions = p.Mentions
	}
	if len(p.Times) > 0 {
		an.Times = p.Times
	}
	if len(p.Quotes) > 0 {
		an.Quotes = p.Quotes
		for i := range an.Quotes {
			if an.Quotes[i].Parts == nil {
				an.Quotes[i].Parts = []Span{}
			}
		}
	}
	if len(p.Places) > 0 {
		an.Places = p.Places
	}
	an.Faults = append(an.Faults, p.Faults...)
}

// cutAt returns where the chunk of s starting at lo ends: the end of s, or
// the first paragraph end after lo+size, else the first sentence end, else
// the first space, else a UTF-8 boundary — so a chunk never runs more than
// a little past size and never cuts a word or a character.
func cutAt(s string, lo, size int) int {
	if len(s)-lo <= size {
		return len(s)
	}
	from := lo + size
	window := s[from:min(len(s), from+size/4)]
	if i := strings.Index(window, "\n"); i >= 0 {
		return from + i + 1
	}
	for i := 0; i+1 < len(window); i++ {
		if (window[i] == '.' || window[i] == '!' || window[i] == '?') && window[i+1] == ' ' {
			return from + i + 2
		}
	}
	if i := strings.IndexByte(window, ' '); i >= 0 {
		return from + i + 1
	}
	for from > lo+1 && from < len(s) && s[from]&0xC0 == 0x80 {
		from--
	}
	return from
}
